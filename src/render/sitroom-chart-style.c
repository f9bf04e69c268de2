/* The look the renderers share: the charts' common colours, a colour set or mixed, a framed box, rounded corners, documents told from pixels. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-chart-style.h"

static const SitroomChartColors light_colors = SITROOM_CHART_COLORS_LIGHT;
static const SitroomChartColors dark_colors = SITROOM_CHART_COLORS_DARK;

const SitroomChartColors *
sitroom_chart_colors (SitroomStyle style)
{
  return style == SITROOM_STYLE_DARK ? &dark_colors : &light_colors;
}

SitroomColor
sitroom_chart_rgb (guint32 rgb)
{
  return (SitroomColor) {
    ((rgb >> 16) & 0xff) / 255.f,
    ((rgb >> 8) & 0xff) / 255.f,
    (rgb & 0xff) / 255.f,
    1.f,
  };
}

void
sitroom_chart_set_color (cairo_t            *cr,
                         const SitroomColor *color,
                         double              alpha)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (color != NULL);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

SitroomColor
sitroom_chart_mix (const SitroomColor *over,
                   double              alpha,
                   const SitroomColor *under)
{
  static const SitroomColor black = { 0, 0, 0, 1 };
  double a;

  g_return_val_if_fail (over != NULL && under != NULL, black);

  a = over->alpha * alpha;
  return (SitroomColor) {
    (float) (over->red * a + under->red * (1 - a)),
    (float) (over->green * a + under->green * (1 - a)),
    (float) (over->blue * a + under->blue * (1 - a)),
    1,
  };
}

void
sitroom_chart_begin (cairo_t            *cr,
                     double              width,
                     double              height,
                     const SitroomColor *ground)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (ground != NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  sitroom_chart_set_color (cr, ground, 1);
  cairo_paint (cr);
}

void
sitroom_chart_draw_box (cairo_t            *cr,
                        double              x,
                        double              y,
                        double              width,
                        double              height,
                        const SitroomColor *fill,
                        const SitroomColor *border)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (fill != NULL && border != NULL);

  /* Half a pixel in, so that the line covers whole pixels. */
  cairo_new_path (cr);
  cairo_rectangle (cr, x + 0.5, y + 0.5, width - 1, height - 1);
  sitroom_chart_set_color (cr, fill, 1);
  cairo_fill_preserve (cr);
  sitroom_chart_set_color (cr, border, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

void
sitroom_chart_rounded_rectangle (cairo_t *cr,
                                 double   x,
                                 double   y,
                                 double   width,
                                 double   height,
                                 double   radius)
{
  g_return_if_fail (cr != NULL);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

gboolean
sitroom_chart_draws_document (cairo_t *cr)
{
  g_return_val_if_fail (cr != NULL, FALSE);

  switch ((int) cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}
