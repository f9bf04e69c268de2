/* Tests of the epidemic curve's picture: bar heights and stacking read back from pixels, hatching, the mean line, day_at, styles, hover. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-test-curve.h"
#include "sitroom-test-demo.h"

#define WIDTH SITROOM_TEST_CURVE_WIDTH
#define HEIGHT SITROOM_TEST_CURVE_HEIGHT

static SitroomSituation *demo;

/* The first and last pixel rows of a bar, read from the picture. */
static gboolean
bar_extent (const SitroomTestCurve *p,
            guint                   day,
            int                    *top,
            int                    *bottom)
{
  int x = sitroom_test_curve_bar_column (p, day);

  *top = *bottom = -1;
  for (int y = (int) p->layout.y0; y < (int) p->layout.y1; y++)
    if (sitroom_test_curve_group_at (p, x, y) != SITROOM_TEST_CURVE_NOT_A_BAR)
      {
        if (*top < 0)
          *top = y;
        *bottom = y;
      }
  return *top >= 0;
}

static void
test_heights (void)
{
  g_auto (SitroomTestCurve) p = { 0 };
  guint busiest = 0, n_days;
  int top, bottom, busiest_top, baseline;
  double unit;

  sitroom_test_curve_init (&p, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  n_days = sitroom_curve_get_n_days (p.curve);
  g_assert_cmpuint (n_days, ==, 4);
  for (guint d = 0; d < n_days; d++)
    if (sitroom_curve_get_day (p.curve, d)->positives > sitroom_curve_get_day (p.curve, busiest)->positives)
      busiest = d;
  /* 08-20: four positives, the others two, three and two. */
  g_assert_cmpuint (busiest, ==, 3);
  g_assert_true (bar_extent (&p, busiest, &busiest_top, &baseline));
  unit = (baseline - busiest_top + 1) / 4.0;
  /* The tallest bar stands well up the plot. */
  g_assert_cmpfloat (unit * 4, >, (p.layout.y1 - p.layout.y0) * 0.6);

  for (guint d = 0; d < n_days; d++)
    {
      guint positives = sitroom_curve_get_day (p.curve, d)->positives;
      double ratio;

      g_assert_true (bar_extent (&p, d, &top, &bottom));
      g_assert_cmpint (bottom, ==, baseline);
      ratio = (double) (bottom - top + 1) / (baseline - busiest_top + 1);
      g_test_message ("day %u: %d px, ratio %.3f", d, bottom - top + 1, ratio);
      /* Within a pixel of the right height. */
      g_assert_cmpfloat (fabs ((bottom - top + 1) - positives * unit), <=, 1);
      g_assert_cmpfloat (fabs (ratio - positives / 4.0), <, 0.02);
    }
}

/* Reading a column downwards: the groups met, each once, so the stack
 * from the bottom is the reverse. */
static void
check_stack (SitroomStyle          style,
             SitroomCurveGrouping  grouping)
{
  g_auto (SitroomTestCurve) p = { 0 };

  sitroom_test_curve_init (&p, demo, NULL, grouping, style, "en");
  for (guint d = 0; d < sitroom_curve_get_n_days (p.curve); d++)
    {
      int x = sitroom_test_curve_bar_column (&p, d);
      g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) first = g_array_new (FALSE, TRUE, sizeof (int));
      g_autoptr(GArray) last = g_array_new (FALSE, TRUE, sizeof (int));

      for (int g = sitroom_curve_get_n_groups (p.curve) - 1; g >= 0; g--)
        if (sitroom_curve_get_count (p.curve, d, g, FALSE) + sitroom_curve_get_count (p.curve, d, g, TRUE) > 0)
          g_array_append_val (expected, g);
      g_array_set_size (first, sitroom_curve_get_n_groups (p.curve));
      g_array_set_size (last, sitroom_curve_get_n_groups (p.curve));

      for (int y = (int) p.layout.y0; y < (int) p.layout.y1; y++)
        {
          int g = sitroom_test_curve_group_at (&p, x, y);

          if (g == SITROOM_TEST_CURVE_NOT_A_BAR)
            continue;
          if (seen->len == 0 || g_array_index (seen, int, seen->len - 1) != g)
            {
              g_array_append_val (seen, g);
              g_array_index (first, int, g) = y;
            }
          g_array_index (last, int, g) = y;
        }

      g_test_message ("day %u: %u groups seen, %u expected", d, seen->len, expected->len);
      g_assert_cmpuint (seen->len, ==, expected->len);
      for (guint i = 0; i < seen->len; i++)
        {
          int g = g_array_index (expected, int, i);
          guint n = sitroom_curve_get_count (p.curve, d, g, FALSE) + sitroom_curve_get_count (p.curve, d, g, TRUE);

          g_assert_cmpint (g_array_index (seen, int, i), ==, g);
          /* Each part its count's height, less the hairline above the part under it. */
          g_assert_cmpfloat (fabs (g_array_index (last, int, g) - g_array_index (first, int, g) + 1
                                   - n * p.layout.unit), <=, 2);
        }
    }
}

static void
test_stack (void)
{
  check_stack (SITROOM_STYLE_LIGHT, SITROOM_CURVE_BY_PREFECTURE);
  check_stack (SITROOM_STYLE_LIGHT, SITROOM_CURVE_BY_CHAIN);
  check_stack (SITROOM_STYLE_DARK, SITROOM_CURVE_BY_PREFECTURE);
}

static void
test_hatch (void)
{
  g_auto (SitroomTestCurve) by_prefecture = { 0 };
  g_auto (SitroomTestCurve) by_chain = { 0 };

  /* 08-18: Taiyuan's asymptomatic case at the bottom (group 0), Jincheng's
   * confirmed one above (group 2). */
  sitroom_test_curve_init (&by_prefecture, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  g_assert_cmpuint (sitroom_curve_get_count (by_prefecture.curve, 1, 0, TRUE), ==, 1);
  g_assert_cmpuint (sitroom_curve_get_count (by_prefecture.curve, 1, 2, FALSE), ==, 1);
  g_assert_cmpuint (sitroom_test_curve_hatch_changes (&by_prefecture, 1, 0, 0.25), >=, 8);
  g_assert_cmpuint (sitroom_test_curve_hatch_changes (&by_prefecture, 1, 2, 1.5), ==, 0);

  /* By chain, Z22's two confirmed under its asymptomatic one, in one colour. */
  sitroom_test_curve_init (&by_chain, demo, NULL, SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_DARK, "zh");
  g_assert_cmpuint (sitroom_curve_get_count (by_chain.curve, 1, 0, FALSE), ==, 2);
  g_assert_cmpuint (sitroom_curve_get_count (by_chain.curve, 1, 0, TRUE), ==, 1);
  g_assert_cmpuint (sitroom_test_curve_hatch_changes (&by_chain, 1, 0, 1.5), ==, 0);
  g_assert_cmpuint (sitroom_test_curve_hatch_changes (&by_chain, 1, 0, 2.5), >=, 8);
}

/* The mean's point at each day, found by its colour in the day's middle
 * column, against the bar's own scale read from the picture. */
static void
test_mean (void)
{
  g_auto (SitroomTestCurve) p = { 0 };
  const SitroomColor *ink = &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->mean;
  int top, bottom;
  double unit;

  sitroom_test_curve_init (&p, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  g_assert_true (bar_extent (&p, 3, &top, &bottom));
  unit = (bottom - top + 1) / 4.0;

  for (guint d = 0; d < sitroom_curve_get_n_days (p.curve); d++)
    {
      double mean = sitroom_curve_get_day (p.curve, d)->mean7;
      int x = (int) sitroom_curve_day_center (&p.layout, d);
      double expected = bottom + 1 - mean * unit, sum = 0;
      guint n = 0;

      for (int y = (int) p.layout.y0; y < (int) p.layout.y1; y++)
        {
          double rgb[3];

          sitroom_test_curve_pixel (p.surface, x, y, rgb);
          if (sitroom_test_curve_distance (rgb, ink) <= 40)
            {
              sum += y + 0.5;
              n++;
            }
        }
      g_test_message ("day %u: mean %.3f, expected y %.1f, found %.1f", d, mean, expected, sum / MAX (n, 1));
      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpfloat (fabs (sum / n - expected), <=, 2);
    }
}

static void
check_day_at (const SitroomTestCurve *p)
{
  const SitroomCurveOptions *o = &p->options;
  guint n_days = sitroom_curve_get_n_days (p->curve);

  g_assert_cmpuint (n_days, >, 0);
  for (guint d = 0; d < n_days; d++)
    {
      double left = p->layout.x0 + d * p->layout.slot, right = left + p->layout.slot;
      double bar_left, bar_right;

      sitroom_curve_bar_span (&p->layout, d, &bar_left, &bar_right);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT,
                                                    sitroom_curve_day_center (&p->layout, d), p->layout.y1 - 1), ==, d);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, bar_left, p->layout.y0), ==, d);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, bar_right - 0.01, 1), ==, d);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, left + 0.01, 1), ==, d);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, right - 0.01, 1), ==, d);
    }
  g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, p->layout.x0 - 1, 200), ==, -1);
  g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, p->layout.x1, 200), ==, -1);
  g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, WIDTH / 2, -1), ==, -1);
  g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, WIDTH / 2, HEIGHT), ==, -1);
}

static void
test_day_at (void)
{
  g_auto (SitroomTestCurve) p = { 0 };
  g_auto (SitroomTestCurve) later = { 0 };
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  int y, last = SITROOM_TEST_CURVE_NOT_A_BAR;

  sitroom_test_curve_init (&p, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  check_day_at (&p);

  /* The bars found along a row just above the baseline are the days in
   * order, and day_at() finds each under its middle. */
  y = (int) p.layout.y1 - 2;
  for (int x = 0; x < WIDTH; x++)
    {
      int g = sitroom_test_curve_group_at (&p, x, y);

      if (g != SITROOM_TEST_CURVE_NOT_A_BAR && last == SITROOM_TEST_CURVE_NOT_A_BAR)
        g_array_append_val (starts, x);
      last = g;
    }
  g_assert_cmpuint (starts->len, ==, 4);
  for (guint d = 0; d < starts->len; d++)
    {
      double left, right;

      sitroom_curve_bar_span (&p.layout, d, &left, &right);
      g_assert_cmpint (g_array_index (starts, int, d), ==, (int) left);
      g_assert_cmpint (sitroom_curve_render_day_at (p.curve, &p.options, WIDTH, HEIGHT,
                                                    (left + right) / 2, y), ==, d);
    }

  /* Nine days to 08-25, the last five without a case; at twice the text size. */
  sitroom_test_curve_init (&later, demo, "2022-08-25T12:00:00+08:00", SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_LIGHT, "en");
  later.options.text_scale = 2;
  sitroom_test_curve_draw (&later);
  g_assert_cmpuint (sitroom_curve_get_n_days (later.curve), ==, 9);
  check_day_at (&later);
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        double p[3], q[3];

        sitroom_test_curve_pixel (a, x, y, p);
        sitroom_test_curve_pixel (b, x, y, q);
        if (p[0] != q[0] || p[1] != q[1] || p[2] != q[2])
          n++;
      }
  return n;
}

static void
test_groupings_differ (void)
{
  g_auto (SitroomTestCurve) by_prefecture = { 0 };
  g_auto (SitroomTestCurve) by_chain = { 0 };

  sitroom_test_curve_init (&by_prefecture, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  sitroom_test_curve_init (&by_chain, demo, NULL, SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_LIGHT, "zh");
  /* 08-17's two cases are Jincheng's (group 2) and Z22's (group 0). */
  g_assert_cmpint (sitroom_test_curve_group_at (&by_prefecture, sitroom_test_curve_bar_column (&by_prefecture, 0),
                                                by_prefecture.layout.y1 - 2), ==, 2);
  g_assert_cmpint (sitroom_test_curve_group_at (&by_chain, sitroom_test_curve_bar_column (&by_chain, 0),
                                                by_chain.layout.y1 - 2), ==, 0);
  g_assert_cmpuint (count_differences (by_prefecture.surface, by_chain.surface), >, 10000);
}

static void
test_styles (void)
{
  g_auto (SitroomTestCurve) light = { 0 };
  g_auto (SitroomTestCurve) dark = { 0 };
  double rgb[3];
  int x;

  sitroom_test_curve_init (&light, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  sitroom_test_curve_init (&dark, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_DARK, "zh");
  sitroom_test_curve_pixel (light.surface, 1, 1, rgb);
  g_assert_cmpfloat (sitroom_test_curve_distance (rgb, &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->background), <=, 1);
  sitroom_test_curve_pixel (dark.surface, 1, 1, rgb);
  g_assert_cmpfloat (sitroom_test_curve_distance (rgb, &sitroom_curve_palette (SITROOM_STYLE_DARK)->background), <=, 1);
  g_assert_cmpfloat (sitroom_test_curve_distance (rgb, &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->background), >, 100);
  g_assert_cmpuint (count_differences (light.surface, dark.surface), >, WIDTH * HEIGHT / 4);
  /* A group keeps its colour. */
  x = sitroom_test_curve_bar_column (&light, 0);
  g_assert_cmpint (sitroom_test_curve_group_at (&light, x, light.layout.y1 - 2), ==,
                   sitroom_test_curve_group_at (&dark, x, dark.layout.y1 - 2));
}

static void
test_hover (void)
{
  g_auto (SitroomTestCurve) plain = { 0 };
  g_auto (SitroomTestCurve) hovered = { 0 };
  const SitroomColor *background = &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->background;
  double rgb[3];
  double left, right;
  int x, y;

  sitroom_test_curve_init (&plain, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "en");
  sitroom_test_curve_init (&hovered, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "en");
  hovered.options.hover_day = 0;
  sitroom_test_curve_draw (&hovered);

  /* Above 08-17's two cases the slot is lit; beside it stands the box. */
  sitroom_curve_bar_span (&plain.layout, 0, &left, &right);
  x = (int) left + 3;
  y = (int) sitroom_curve_count_y (&plain.layout, 3.5);
  sitroom_test_curve_pixel (plain.surface, x, y, rgb);
  g_assert_cmpfloat (sitroom_test_curve_distance (rgb, background), <=, 1);
  sitroom_test_curve_pixel (hovered.surface, x, y, rgb);
  g_assert_cmpfloat (sitroom_test_curve_distance (rgb, background), >, 10);
  /* The box covers 08-18's bar near the top of the plot. */
  x = (int) (plain.layout.x0 + 1.5 * plain.layout.slot);
  y = (int) sitroom_curve_count_y (&plain.layout, 2.9);
  g_assert_cmpint (sitroom_test_curve_group_at (&plain, x, y), !=, SITROOM_TEST_CURVE_NOT_A_BAR);
  g_assert_cmpint (sitroom_test_curve_group_at (&hovered, x, y), ==, SITROOM_TEST_CURVE_NOT_A_BAR);
  /* A day off the curve is no hover. */
  hovered.options.hover_day = 4;
  sitroom_test_curve_draw (&hovered);
  g_assert_cmpuint (count_differences (plain.surface, hovered.surface), ==, 0);
}

static void
test_palette (void)
{
  static const guint32 okabe_ito[] = { 0x0072b2, 0xe69f00, 0x009e73, 0xd55e00, 0x56b4e9, 0xcc79a7, 0xf0e442 };

  for (guint g = 0; g < G_N_ELEMENTS (okabe_ito); g++)
    {
      SitroomColor color, dark;
      double rgb[3] = { okabe_ito[g] >> 16, (okabe_ito[g] >> 8) & 0xff, okabe_ito[g] & 0xff };

      sitroom_curve_render_group_color (g, SITROOM_STYLE_LIGHT, &color);
      sitroom_curve_render_group_color (g, SITROOM_STYLE_DARK, &dark);
      g_assert_cmpfloat (sitroom_test_curve_distance (rgb, &color), <, 1);
      g_assert_cmpfloat (sitroom_test_curve_distance (rgb, &dark), <, 1);
    }
  /* Past eight, the same hues in other shades: never the same colour twice in 24. */
  for (guint a = 0; a < 24; a++)
    for (guint b = a + 1; b < 24; b++)
      {
        SitroomColor ca, cb;
        double rgb[3];

        sitroom_curve_render_group_color (a, SITROOM_STYLE_LIGHT, &ca);
        sitroom_curve_render_group_color (b, SITROOM_STYLE_LIGHT, &cb);
        rgb[0] = ca.red * 255;
        rgb[1] = ca.green * 255;
        rgb[2] = ca.blue * 255;
        g_assert_cmpfloat (sitroom_test_curve_distance (rgb, &cb), >, 20);
      }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  demo = sitroom_test_demo_load ();

  g_test_add_func ("/curve-render/bars/heights", test_heights);
  g_test_add_func ("/curve-render/bars/stack", test_stack);
  g_test_add_func ("/curve-render/bars/hatch", test_hatch);
  g_test_add_func ("/curve-render/mean/line", test_mean);
  g_test_add_func ("/curve-render/day-at/round-trip", test_day_at);
  g_test_add_func ("/curve-render/grouping/differ", test_groupings_differ);
  g_test_add_func ("/curve-render/style/dark", test_styles);
  g_test_add_func ("/curve-render/hover/box", test_hover);
  g_test_add_func ("/curve-render/palette/okabe-ito", test_palette);

  result = g_test_run ();
  g_object_unref (demo);
  return result;
}
