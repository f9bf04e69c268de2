/* The epidemic curve's colours: the palettes of both styles, the groups' categorical colours, the asymptomatic hatching. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-curve-render-private.h"

#define HATCH_SPACING 7.0
#define HATCH_WIDTH 2.5

/* The charts' frame (sitroom-chart-style.h), and the keys and the mean
 * line of the curve's own. */
static const CurvePalette light_palette = {
  .chart = SITROOM_CHART_COLORS_LIGHT,
  .key   = { 0x77 / 255.f, 0x76 / 255.f, 0x7b / 255.f, 1 },
  .mean  = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },
};

static const CurvePalette dark_palette = {
  .chart = SITROOM_CHART_COLORS_DARK,
  .key   = { 0x9a / 255.f, 0x99 / 255.f, 0x96 / 255.f, 1 },
  .mean  = { 1, 1, 1, 1 },
};

/* Okabe and Ito's colour-universal-design palette ("Color Universal
 * Design: How to make figures and presentations that are friendly to
 * colorblind people", 2008; also Wong, "Points of view: Color blindness",
 * Nature Methods 8:441, 2011), ordered so that neighbours in a stack
 * differ in lightness as well as hue. Its black is a mid grey here: black
 * would vanish on the dark style and be taken for the mean line. */
static const guint8 okabe_ito[8][3] = {
  { 0x00, 0x72, 0xb2 },         /* blue */
  { 0xe6, 0x9f, 0x00 },         /* orange */
  { 0x00, 0x9e, 0x73 },         /* bluish green */
  { 0xd5, 0x5e, 0x00 },         /* vermillion */
  { 0x56, 0xb4, 0xe9 },         /* sky blue */
  { 0xcc, 0x79, 0xa7 },         /* reddish purple */
  { 0xf0, 0xe4, 0x42 },         /* yellow */
  { 0x99, 0x99, 0x99 },         /* grey in place of black */
};

const CurvePalette *
sitroom_curve_palette (SitroomStyle style)
{
  return style == SITROOM_STYLE_DARK ? &dark_palette : &light_palette;
}

static void
mix (const SitroomColor *color,
     double              r,
     double              g,
     double              b,
     double              amount,
     SitroomColor       *out)
{
  out->red = color->red + (r - color->red) * amount;
  out->green = color->green + (g - color->green) * amount;
  out->blue = color->blue + (b - color->blue) * amount;
  out->alpha = 1;
}

void
sitroom_curve_render_group_color (guint         group,
                                  SitroomStyle  style,
                                  SitroomColor *color)
{
  const guint8 *rgb;
  SitroomColor base;

  g_return_if_fail (color != NULL);

  rgb = okabe_ito[group % G_N_ELEMENTS (okabe_ito)];
  base = (SitroomColor) { rgb[0] / 255.f, rgb[1] / 255.f, rgb[2] / 255.f, 1 };
  /* Past eight groups the hues come round again, darker, then lighter:
   * the legend and the hovered values name each group anyway. */
  switch ((group / G_N_ELEMENTS (okabe_ito)) % 3)
    {
    case 0:
      *color = base;
      break;
    case 1:
      mix (&base, 0, 0, 0, 0.4, color);
      break;
    default:
      mix (&base, 1, 1, 1, 0.45, color);
      break;
    }
  /* Both styles share the hues: a group keeps its colour when the
   * desktop turns dark. */
  (void) style;
}

void
sitroom_curve_tint (const SitroomColor *color,
                    SitroomColor       *tint)
{
  mix (color, 1, 1, 1, 0.6, tint);
}

void
sitroom_curve_fill_hatched (cairo_t            *cr,
                            const SitroomColor *color,
                            double              ts,
                            double              x,
                            double              y,
                            double              width,
                            double              height)
{
  double spacing = HATCH_SPACING * ts;
  SitroomColor tint;
  double first;

  g_assert (cr != NULL);

  sitroom_curve_tint (color, &tint);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip_preserve (cr);
  sitroom_chart_set_color (cr, &tint, 1);
  cairo_fill (cr);

  /* Lines x + y = k × spacing: anchored to the drawing, not the part, so
   * that the hatching runs on unbroken from one day's part to the next. */
  first = floor ((x + y) / spacing) * spacing;
  for (double k = first; k < x + y + width + height + spacing; k += spacing)
    {
      cairo_move_to (cr, k - y, y);
      cairo_line_to (cr, k - (y + height), y + height);
    }
  sitroom_chart_set_color (cr, color, 1);
  cairo_set_line_width (cr, HATCH_WIDTH * ts);
  cairo_stroke (cr);
  cairo_restore (cr);
}
