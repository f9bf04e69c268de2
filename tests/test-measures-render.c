/* Tests of the measures chart's renderer: rows per region, where spans begin and end, the open end at the cutoff, hit-testing, both languages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sitroom-measures.h"
#include "sitroom-measures-render.h"
#include "sitroom-test-demo.h"
#include "sitroom-test-drawn.h"
#include "sitroom-timeline-render.h"

#define WIDTH 1000
#define HEIGHT 400
#define HOUR 3600

static SitroomSituation *demo;
static SitroomSituation *own;

/* Times in China Standard Time; in document order:
 *   a  Taiyuan (140100)   static management  08-20 00:00 until 08-23 00:00
 *   b  Taiyuan (140100)   mass testing       08-22 00:00, no end
 *   c  Datong (140200)    traffic control    08-24 00:00 until 08-27 00:00
 *   d  Datong (140200)    lockdown lifted    08-26 00:00, no end
 * as of 08-25 12:00. */
static const char own_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-25T12:00:00+08:00\","
  " \"measures\": ["
  "  {\"id\": \"a\", \"region\": \"140100\", \"kind\": \"static_management\","
  "   \"from\": \"2022-08-20T00:00:00+08:00\", \"until\": \"2022-08-23T00:00:00+08:00\", \"text\": {\"zh\": \"甲\"}},"
  "  {\"id\": \"b\", \"region\": \"140100\", \"kind\": \"mass_testing\","
  "   \"from\": \"2022-08-22T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"乙\"}},"
  "  {\"id\": \"c\", \"region\": \"140200\", \"kind\": \"traffic_control\","
  "   \"from\": \"2022-08-24T00:00:00+08:00\", \"until\": \"2022-08-27T00:00:00+08:00\", \"text\": {\"zh\": \"丙\"}},"
  "  {\"id\": \"d\", \"region\": \"140200\", \"kind\": \"lockdown_lifted\","
  "   \"from\": \"2022-08-26T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"丁\"}}"
  " ]}";

/* A renderer fed every measure that sitroom_measures_list() gives at
 * @cutoff, scheduled ones too, over @viewport (its window set from the
 * renderer's extent unless it already has one). */
static SitroomMeasuresRenderer *
new_renderer (SitroomSituation        *situation,
              const char              *cutoff,
              const char              *lang,
              SitroomMeasuresViewport *viewport)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, cutoff);
  g_autoptr(GArray) list = sitroom_measures_list (view, TRUE);
  g_autofree int *measures = g_new (int, MAX (list->len, 1));
  SitroomMeasuresRenderer *renderer = sitroom_measures_renderer_new ();
  SitroomMeasuresRenderOptions options = { SITROOM_STYLE_LIGHT, lang, -1, -1, 1 };

  for (guint i = 0; i < list->len; i++)
    measures[i] = g_array_index (list, SitroomMeasureState, i).measure;
  sitroom_measures_renderer_set_options (renderer, &options);
  sitroom_measures_renderer_set_data (renderer, view, measures, list->len);
  viewport->width = WIDTH;
  viewport->height = HEIGHT;
  if (viewport->start >= viewport->end)
    sitroom_measures_renderer_get_extent (renderer, &viewport->start, &viewport->end);
  return renderer;
}

static cairo_surface_t *
render (SitroomMeasuresRenderer       *renderer,
        const SitroomMeasuresViewport *viewport)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  sitroom_measures_renderer_draw (renderer, cr, viewport);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The pixel at (x, y) as 0–255 RGB, the surface being opaque. */
static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       int             *rgb)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 p = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  rgb[0] = (p >> 16) & 0xff;
  rgb[1] = (p >> 8) & 0xff;
  rgb[2] = p & 0xff;
}

static gboolean
pixel_is (cairo_surface_t    *surface,
          double              x,
          double              y,
          const SitroomColor *color)
{
  int rgb[3];

  pixel (surface, (int) x, (int) y, rgb);
  return abs (rgb[0] - (int) round (color->red * 255)) <= 2 &&
         abs (rgb[1] - (int) round (color->green * 255)) <= 2 &&
         abs (rgb[2] - (int) round (color->blue * 255)) <= 2;
}

static void
test_rows (void)
{
  SitroomMeasuresViewport viewport = { 0 };
  g_autoptr(SitroomMeasuresRenderer) r = new_renderer (demo, "2022-08-20T13:00:00+08:00", "zh", &viewport);
  const char *codes[] = { "140000", "140100", "140322", "140728" };
  const guint stacked[] = { 1, 1, 3, 3 };
  double axis_h = sitroom_measures_renderer_get_axis_height (r);
  double previous_end = axis_h;

  /* The province, Taiyuan, Yu County, Pingyao: by code. Yu County's and
   * Pingyao's three measures each began together and stack. */
  g_assert_cmpuint (sitroom_measures_renderer_get_n_rows (r), ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      SitroomMeasuresHit hit;
      double y, h;

      g_assert_cmpint (sitroom_measures_renderer_get_row_region (r, i), ==,
                       sitroom_test_demo_region (demo, codes[i]));
      sitroom_measures_renderer_get_row_rect (r, i, &y, &h);
      g_assert_cmpfloat (y, ==, previous_end);
      g_assert_cmpfloat (h, >=, stacked[i] * 16);
      previous_end = y + h;

      sitroom_measures_renderer_hit (r, &viewport, 20, y + h / 2, &hit);
      g_assert_cmpint (hit.row, ==, (int) i);
      g_assert_cmpint (hit.measure, ==, -1);
    }
  g_assert_cmpfloat (sitroom_measures_renderer_get_content_height (r), ==, previous_end);

  /* Three stacked spans in Yu County do not overlap. */
  {
    int yu_static = sitroom_test_demo_measure (demo, "m-yu-static");
    int yu_traffic = sitroom_test_demo_measure (demo, "m-yu-traffic");
    int yu_testing = sitroom_test_demo_measure (demo, "m-yu-testing");
    double a[4], b[4], c[4];

    g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, yu_static, a));
    g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, yu_traffic, b));
    g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, yu_testing, c));
    g_assert_cmpfloat (a[1] + a[3], <=, b[1]);
    g_assert_cmpfloat (b[1] + b[3], <=, c[1]);
    g_assert_cmpfloat (a[0], ==, b[0]);
  }

  /* Only the measures given are drawn: none, no rows. */
  sitroom_measures_renderer_set_data (r, NULL, NULL, 0);
  g_assert_cmpuint (sitroom_measures_renderer_get_n_rows (r), ==, 0);
  g_assert_cmpfloat (sitroom_measures_renderer_get_content_height (r), ==, axis_h);
}

static void
test_spans (void)
{
  /* 800 pixels right of the 200-pixel labels for 32 days: 25 a day. */
  SitroomMeasuresViewport viewport = { sitroom_test_demo_at ("2022-08-01T00:00:00+08:00"),
                                        sitroom_test_demo_at ("2022-09-02T00:00:00+08:00") };
  g_autoptr(SitroomMeasuresRenderer) r = new_renderer (own, "2022-08-25T12:00:00+08:00", "en", &viewport);
  gint64 aug20 = sitroom_test_demo_at ("2022-08-20T00:00:00+08:00");
  double day = 800.0 / 32;
  double label_w = sitroom_measures_renderer_get_label_width (r);
  double a[4], b[4], c[4], d[4];
  cairo_surface_t *surface;
  SitroomColor color;

  g_assert_cmpfloat (label_w, ==, 200);
  g_assert_cmpfloat_with_epsilon (sitroom_measures_renderer_time_to_x (r, &viewport, aug20), 200 + 19 * day, 1e-9);

  /* Ended: from its start to its end. */
  g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, sitroom_test_demo_measure (own, "a"), a));
  g_assert_cmpfloat_with_epsilon (a[0], 200 + 19 * day, 1e-9);
  g_assert_cmpfloat_with_epsilon (a[0] + a[2], 200 + 22 * day, 1e-9);
  /* In force with no end: to the cutoff, 08-25 12:00. */
  g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, sitroom_test_demo_measure (own, "b"), b));
  g_assert_cmpfloat_with_epsilon (b[0], 200 + 21 * day, 1e-9);
  g_assert_cmpfloat_with_epsilon (b[0] + b[2], 200 + 24.5 * day, 1e-9);
  /* It overlaps a: a lane below, in the same row. */
  g_assert_cmpfloat (b[1], >=, a[1] + a[3]);
  /* In force with an end after the cutoff: to that end. */
  g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, sitroom_test_demo_measure (own, "c"), c));
  g_assert_cmpfloat_with_epsilon (c[0] + c[2], 200 + 26 * day, 1e-9);
  /* Scheduled with no end: to the right edge. */
  g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, sitroom_test_demo_measure (own, "d"), d));
  g_assert_cmpfloat_with_epsilon (d[0], 200 + 25 * day, 1e-9);
  g_assert_cmpfloat_with_epsilon (d[0] + d[2], WIDTH, 1e-9);

  /* The pixels: a in its kind's colour made paler (ended), b in its
   * colour up to where it fades, and nothing of it past the cutoff. */
  surface = render (r, &viewport);
  sitroom_timeline_measure_color (SITROOM_MEASURE_MASS_TESTING, SITROOM_STYLE_LIGHT, &color);
  g_assert_true (pixel_is (surface, b[0] + 10, b[1] + 2, &color));
  g_assert_false (pixel_is (surface, b[0] + b[2] - 2, b[1] + 2, &color));
  g_assert_false (pixel_is (surface, b[0] + b[2] + 4, b[1] + 2, &color));
  sitroom_timeline_measure_color (SITROOM_MEASURE_STATIC_MANAGEMENT, SITROOM_STYLE_LIGHT, &color);
  g_assert_false (pixel_is (surface, a[0] + a[2] / 2, a[1] + 2, &color));
  sitroom_timeline_measure_color (SITROOM_MEASURE_TRAFFIC_CONTROL, SITROOM_STYLE_LIGHT, &color);
  g_assert_true (pixel_is (surface, c[0] + 10, c[1] + 2, &color));
  g_assert_false (pixel_is (surface, c[0] + c[2] - 4, c[1] + 2, &color));
  cairo_surface_destroy (surface);

  /* A day earlier, b still runs to the cutoff and c is not yet in force. */
  {
    SitroomMeasuresViewport earlier = viewport;
    g_autoptr(SitroomMeasuresRenderer) e = new_renderer (own, "2022-08-24T12:00:00+08:00", "en", &earlier);

    g_assert_true (sitroom_measures_renderer_get_span (e, &earlier, sitroom_test_demo_measure (own, "b"), b));
    g_assert_cmpfloat_with_epsilon (b[0] + b[2], 200 + 23.5 * day, 1e-9);
    g_assert_true (sitroom_measures_renderer_get_span (e, &earlier, sitroom_test_demo_measure (own, "c"), c));
    g_assert_cmpfloat_with_epsilon (c[0] + c[2], 200 + 26 * day, 1e-9);
  }

  /* The extent holds the first start and the last known time. */
  {
    gint64 start, end;

    sitroom_measures_renderer_get_extent (r, &start, &end);
    g_assert_cmpint (start, <, aug20);
    g_assert_cmpint (start, >, sitroom_test_demo_at ("2022-08-19T00:00:00+08:00"));
    g_assert_cmpint (end, >, sitroom_test_demo_at ("2022-08-27T00:00:00+08:00"));
    g_assert_cmpint (end, <, sitroom_test_demo_at ("2022-08-28T00:00:00+08:00"));
  }
}

static void
test_hit (void)
{
  SitroomMeasuresViewport viewport = { 0 };
  g_autoptr(SitroomMeasuresRenderer) r = new_renderer (own, "2022-08-25T12:00:00+08:00", "zh", &viewport);
  const char *ids[] = { "a", "b", "c", "d" };
  SitroomMeasuresHit hit;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      int measure = sitroom_test_demo_measure (own, ids[i]);
      double rect[4];

      g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, measure, rect));
      sitroom_measures_renderer_hit (r, &viewport, rect[0] + MIN (rect[2] / 2, 20), rect[1] + rect[3] / 2, &hit);
      g_assert_cmpint (hit.measure, ==, measure);
      g_assert_cmpint (hit.row, ==, i < 2 ? 0 : 1);
      /* Left of its start, where no other span is, only the row. */
      if (i % 2 == 1)
        {
          sitroom_measures_renderer_hit (r, &viewport, rect[0] - 8, rect[1] + rect[3] / 2, &hit);
          g_assert_cmpint (hit.measure, ==, -1);
          g_assert_cmpint (hit.row, ==, i < 2 ? 0 : 1);
        }
    }

  /* The axis, and below the rows: nothing. */
  sitroom_measures_renderer_hit (r, &viewport, 600, 5, &hit);
  g_assert_cmpint (hit.row, ==, -1);
  g_assert_cmpint (hit.measure, ==, -1);
  sitroom_measures_renderer_hit (r, &viewport, 600, sitroom_measures_renderer_get_content_height (r) + 5, &hit);
  g_assert_cmpint (hit.row, ==, -1);
  sitroom_measures_renderer_hit (r, &viewport, WIDTH + 1, 60, &hit);
  g_assert_cmpint (hit.row, ==, -1);
}

/* Highlights are outlines drawn over the chart, and only where asked. */
static void
test_highlights (void)
{
  SitroomMeasuresViewport viewport = { 0 };
  g_autoptr(SitroomMeasuresRenderer) r = new_renderer (demo, "2022-08-20T13:00:00+08:00", "en", &viewport);
  SitroomMeasuresRenderOptions options = { SITROOM_STYLE_LIGHT, "en", -1, -1, 1 };
  cairo_surface_t *plain, *outlined;
  double rect[4];
  int before[3], after[3];

  plain = render (r, &viewport);
  options.hover_measure = sitroom_test_demo_measure (demo, "m-sx-entry");
  sitroom_measures_renderer_set_options (r, &options);
  outlined = render (r, &viewport);
  g_assert_true (sitroom_measures_renderer_get_span (r, &viewport, options.hover_measure, rect));
  pixel (plain, (int) (rect[0] + rect[2] / 2), (int) rect[1], before);
  pixel (outlined, (int) (rect[0] + rect[2] / 2), (int) rect[1], after);
  g_assert_true (before[0] != after[0] || before[1] != after[1] || before[2] != after[2]);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (outlined);
}

/* The demo's chart at noon on 20 August in the language @lang. */
static void
draw_chart (cairo_t  *cr,
            gpointer  lang)
{
  SitroomMeasuresViewport viewport = { 0 };
  g_autoptr(SitroomMeasuresRenderer) r = new_renderer (demo, "2022-08-20T13:00:00+08:00", lang, &viewport);

  sitroom_measures_renderer_draw (r, cr, &viewport);
}

static void
test_languages (void)
{
  g_autoptr(GString) zh = sitroom_test_drawn_text (draw_chart, (gpointer) "zh", WIDTH, HEIGHT);
  g_autoptr(GString) en = sitroom_test_drawn_text (draw_chart, (gpointer) "en", WIDTH, HEIGHT);
  /* The corner, region names, a prefecture before its county, the count
   * in force, a kind on a span, the cutoff's month. */
  const char * const zh_words[] = { "防控措施", "盂县平遥太原山西", "阳泉晋中", "施行中项", "月日", NULL };

  g_assert_cmpstr (sitroom_measures_kind_word (SITROOM_MEASURE_MASS_TESTING, "zh"), ==, "全员核酸检测");
  g_assert_cmpstr (sitroom_measures_kind_word (SITROOM_MEASURE_MASS_TESTING, "en"), ==, "Mass testing");
  /* "Measures", "Yu County", "Pingyao", "in force", "Aug": letters zh never draws. */
  sitroom_test_drawn_assert_languages (zh, en, zh_words, "MYCPgfAu");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  demo = sitroom_test_demo_load ();
  own = sitroom_test_demo_parse (own_document);

  g_test_add_func ("/measures/render/rows", test_rows);
  g_test_add_func ("/measures/render/spans", test_spans);
  g_test_add_func ("/measures/render/hit", test_hit);
  g_test_add_func ("/measures/render/highlights", test_highlights);
  g_test_add_func ("/measures/render/languages", test_languages);

  status = g_test_run ();
  g_object_unref (demo);
  g_object_unref (own);
  return status;
}
