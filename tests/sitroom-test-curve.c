/* Helpers the epidemic curve's picture tests share: a curve drawn, its pixels, which group a pixel belongs to. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-curve.h"
#include "sitroom-test-demo.h"

#include <math.h>
#include <string.h>

#include "sitroom-source.h"
#include "sitroom-time.h"

#define WIDTH SITROOM_TEST_CURVE_WIDTH
#define HEIGHT SITROOM_TEST_CURVE_HEIGHT

void
sitroom_test_curve_clear (SitroomTestCurve *p)
{
  g_clear_pointer (&p->surface, cairo_surface_destroy);
  g_clear_pointer (&p->curve, sitroom_curve_free);
  g_clear_object (&p->view);
}

void
sitroom_test_curve_draw (SitroomTestCurve *p)
{
  cairo_t *cr;

  g_clear_pointer (&p->surface, cairo_surface_destroy);
  p->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (p->surface);
  sitroom_curve_render (p->curve, p->view, &p->options, cr, WIDTH, HEIGHT);
  sitroom_curve_render_get_layout (p->curve, p->view, &p->options, cr, WIDTH, HEIGHT, &p->layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (p->surface);
}

void
sitroom_test_curve_init (SitroomTestCurve     *p,
                         SitroomSituation     *situation,
                         const char           *cutoff,
                         SitroomCurveGrouping  grouping,
                         SitroomStyle          style,
                         const char           *lang)
{
  memset (p, 0, sizeof *p);
  p->view = sitroom_view_new (situation,
                              cutoff != NULL ? sitroom_test_demo_at (cutoff) : sitroom_situation_get_as_of (situation),
                              -1, -1);
  p->curve = sitroom_curve_new (p->view, grouping);
  p->options = (SitroomCurveOptions) { style, lang, -1, FALSE, 1 };
  sitroom_test_curve_draw (p);
}

void
sitroom_test_curve_pixel (cairo_surface_t *surface,
                          int              x,
                          int              y,
                          double           rgb[3])
{
  const guint32 *row;
  guint32 p;

  g_assert_true (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT);
  row = (const guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));
  p = row[x];
  /* Opaque: the background covers everything. */
  g_assert_cmpuint (p >> 24, ==, 255);
  rgb[0] = (p >> 16) & 0xff;
  rgb[1] = (p >> 8) & 0xff;
  rgb[2] = p & 0xff;
}

double
sitroom_test_curve_distance (const double        rgb[3],
                             const SitroomColor *color)
{
  double dr = rgb[0] - color->red * 255, dg = rgb[1] - color->green * 255, db = rgb[2] - color->blue * 255;

  return sqrt (dr * dr + dg * dg + db * db);
}

double
sitroom_test_curve_segment_distance (const double        rgb[3],
                                     const SitroomColor *a,
                                     const SitroomColor *b)
{
  double d[3] = { (b->red - a->red) * 255, (b->green - a->green) * 255, (b->blue - a->blue) * 255 };
  double v[3] = { rgb[0] - a->red * 255, rgb[1] - a->green * 255, rgb[2] - a->blue * 255 };
  double t = (v[0] * d[0] + v[1] * d[1] + v[2] * d[2]) / (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
  double e = 0;

  t = CLAMP (t, 0, 1);
  for (guint i = 0; i < 3; i++)
    e += (v[i] - t * d[i]) * (v[i] - t * d[i]);
  return sqrt (e);
}

int
sitroom_test_curve_group_at (const SitroomTestCurve *p,
                             int                     x,
                             int                     y)
{
  double rgb[3];

  sitroom_test_curve_pixel (p->surface, x, y, rgb);
  for (guint g = 0; g < sitroom_curve_get_n_groups (p->curve); g++)
    {
      SitroomColor color, tint;

      sitroom_curve_render_group_color (g, p->options.style, &color);
      sitroom_curve_tint (&color, &tint);
      if (sitroom_test_curve_segment_distance (rgb, &color, &tint) <= SITROOM_TEST_CURVE_TOLERANCE)
        return g;
    }
  return SITROOM_TEST_CURVE_NOT_A_BAR;
}

int
sitroom_test_curve_bar_column (const SitroomTestCurve *p,
                               guint                   day)
{
  double left, right;

  sitroom_curve_bar_span (&p->layout, day, &left, &right);
  return (int) (left + (right - left) / 4);
}

guint
sitroom_test_curve_hatch_changes (const SitroomTestCurve *p,
                                  guint                   day,
                                  guint                   group,
                                  double                  count)
{
  SitroomColor color, tint;
  double left, right;
  int y = (int) floor (sitroom_curve_count_y (&p->layout, count));
  char last = 0;
  guint changes = 0, n_color = 0, n_tint = 0;

  sitroom_curve_render_group_color (group, p->options.style, &color);
  sitroom_curve_tint (&color, &tint);
  sitroom_curve_bar_span (&p->layout, day, &left, &right);
  for (int x = (int) left + 1; x < (int) right - 1; x++)
    {
      double rgb[3];
      char now = 0;

      sitroom_test_curve_pixel (p->surface, x, y, rgb);
      if (sitroom_test_curve_segment_distance (rgb, &color, &tint) > SITROOM_TEST_CURVE_TOLERANCE)
        ;
      else if (sitroom_test_curve_distance (rgb, &color) < sitroom_test_curve_distance (rgb, &tint))
        now = 'c', n_color++;
      else
        now = 't', n_tint++;
      if (now != 0 && last != 0 && now != last)
        changes++;
      if (now != 0)
        last = now;
    }
  g_assert_cmpuint (n_color + n_tint, >, (right - left) * 0.9);
  return changes;
}
