/* Tests of the timeline renderer: lanes, time and pixels, marks and ticks where they belong, dimming, words, styles. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-test-demo.h"
#include "sitroom-test-timeline.h"
#include "sitroom-time.h"

#define WIDTH SITROOM_TEST_TIMELINE_WIDTH
#define HEIGHT SITROOM_TEST_TIMELINE_HEIGHT

static void
test_lanes (SitroomTestTimeline *fixture,
            gconstpointer        data)
{
  SitroomTimelineRenderer *r = fixture->renderer;
  double lane_h = sitroom_timeline_renderer_get_lane_height (r);
  double axis_h = sitroom_timeline_renderer_get_axis_height (r);
  SitroomTimelineHit hit;
  gint64 start, end;

  /* Four chains in document order, then the measures. */
  g_assert_cmpuint (sitroom_timeline_renderer_get_n_lanes (r), ==, 5);
  g_assert_cmpfloat (sitroom_timeline_renderer_get_content_height (r), ==, 5 * lane_h);
  for (guint i = 0; i < 5; i++)
    {
      double x, y, w, h;

      sitroom_timeline_renderer_get_lane_rect (r, &fixture->viewport, i, &x, &y, &w, &h);
      g_assert_cmpfloat (x, ==, 0);
      g_assert_cmpfloat (y, ==, axis_h + i * lane_h);
      g_assert_cmpfloat (w, ==, WIDTH);
      g_assert_cmpfloat (h, ==, lane_h);

      sitroom_timeline_renderer_hit (r, &fixture->viewport, 20, y + h / 2, &hit);
      g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_LANE);
      g_assert_cmpint (hit.index, ==, (int) i);
      g_assert_cmpint (hit.chain, ==, i < 4 ? (int) i : -1);
    }
  g_assert_cmpint (sitroom_test_timeline_chain_index (fixture, "0820-yanhu"), ==, 3);

  /* The extent holds the earliest event (the Yanhu family's drive on 16
   * August) and the document's as_of, with a margin. */
  sitroom_timeline_renderer_get_extent (r, &start, &end);
  g_assert_cmpint (start, <, sitroom_test_demo_at ("2022-08-16T11:00:00+08:00"));
  g_assert_cmpint (start, >, sitroom_test_demo_at ("2022-08-15T11:00:00+08:00"));
  g_assert_cmpint (end, >, sitroom_situation_get_as_of (fixture->situation));
  g_assert_cmpint (end, <, sitroom_situation_get_as_of (fixture->situation) + 24 * 3600);

  /* Below the last lane and in the axis away from the handle: nothing. */
  sitroom_timeline_renderer_hit (r, &fixture->viewport, 600, axis_h + 5 * lane_h + 10, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_NONE);
  sitroom_timeline_renderer_hit (r, &fixture->viewport, sitroom_test_timeline_label_width (fixture) + 3, 3, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_NONE);
}

static void
test_time_to_x (SitroomTestTimeline *fixture,
                gconstpointer        data)
{
  const SitroomTimelineViewport *vp = &fixture->viewport;
  double lw = sitroom_test_timeline_label_width (fixture);
  double seconds_per_px = (double) (vp->end - vp->start) / (WIDTH - lw);

  g_assert_cmpfloat_with_epsilon (sitroom_test_timeline_time_x (fixture, vp->start), lw, 1e-9);
  g_assert_cmpfloat_with_epsilon (sitroom_test_timeline_time_x (fixture, vp->end), WIDTH, 1e-9);
  g_assert_cmpint (sitroom_timeline_viewport_x_to_time (vp, lw, lw), ==, vp->start);
  g_assert_cmpint (sitroom_timeline_viewport_x_to_time (vp, lw, WIDTH), ==, vp->end);

  for (gint64 t = vp->start - 86400; t <= vp->end + 86400; t += 3607)
    {
      double x = sitroom_test_timeline_time_x (fixture, t);

      g_assert_cmpint (sitroom_timeline_viewport_x_to_time (vp, lw, x), ==, t);
    }
  for (double x = 0; x <= WIDTH; x += 13.7)
    {
      gint64 t = sitroom_timeline_viewport_x_to_time (vp, lw, x);

      g_assert_cmpfloat (fabs (sitroom_test_timeline_time_x (fixture, t) - x), <=, 0.5 / seconds_per_px + 1e-9);
    }
  /* Later is further right, at the same rate everywhere. */
  g_assert_cmpfloat_with_epsilon (sitroom_test_timeline_time_x (fixture, vp->start + 3600) -
                                  sitroom_test_timeline_time_x (fixture, vp->start),
                                  sitroom_test_timeline_time_x (fixture, vp->end) -
                                  sitroom_test_timeline_time_x (fixture, vp->end - 3600), 1e-6);
}

static void
check_quarantine_mark (SitroomTestTimeline *fixture)
{
  g_autoptr(GError) error = NULL;
  int chain = sitroom_test_timeline_chain_index (fixture, "0817-z22");
  SitroomColor mark;
  cairo_surface_t *surface;
  double x, y;

  sitroom_timeline_event_color (fixture->options.style, &mark);
  sitroom_test_timeline_event_point (fixture, chain, sitroom_test_timeline_quarantine_event (fixture), &x, &y);
  g_assert_cmpfloat (x, >, sitroom_test_timeline_label_width (fixture) + 20);
  surface = sitroom_test_timeline_render (fixture);
  /* The square covers its centre and ±3 px round it. */
  g_assert_true (sitroom_test_timeline_same_color (surface, x, y, &mark));
  g_assert_true (sitroom_test_timeline_same_color (surface, x - 3, y + 3, &mark));
  g_assert_true (sitroom_test_timeline_same_color (surface, x + 3, y - 3, &mark));
  /* Beside it, and in the next chain's lane at the same time, nothing. */
  g_assert_false (sitroom_test_timeline_same_color (surface, x - 12, y, &mark));
  g_assert_false (sitroom_test_timeline_same_color (surface, x + 12, y, &mark));
  g_assert_false (sitroom_test_timeline_same_color (surface, x, y + sitroom_timeline_renderer_get_lane_height (fixture->renderer),
                                                    &mark));
  cairo_surface_destroy (surface);
}

static void
test_event_marks (SitroomTestTimeline *fixture,
                  gconstpointer        data)
{
  check_quarantine_mark (fixture);
  /* As a document gets them: paths, the same picture. */
  fixture->renderer->marks_as_paths = TRUE;
  check_quarantine_mark (fixture);
}

/* The shapes differ by kind: a diamond leaves the corners of its box
 * empty, a square fills them. */
static void
test_mark_shapes (SitroomTestTimeline *fixture,
                  gconstpointer        data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 20);
  cairo_t *cr = cairo_create (surface);
  SitroomColor black = { 0, 0, 0, 1 };

  cairo_set_source_rgb (cr, 0, 0, 0);
  g_assert_false (sitroom_timeline_append_mark (cr, SITROOM_EVENT_DETECTION, 10, 10, 10));
  g_assert_false (sitroom_timeline_append_mark (cr, SITROOM_EVENT_QUARANTINE, 30, 10, 10));
  cairo_fill (cr);
  g_assert_true (sitroom_timeline_append_mark (cr, SITROOM_EVENT_NOTE, 10, 10, 10));
  cairo_new_path (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_true (sitroom_test_timeline_same_color (surface, 10, 10, &black));
  g_assert_true (sitroom_test_timeline_same_color (surface, 30, 10, &black));
  g_assert_true (sitroom_test_timeline_same_color (surface, 26.5, 6.5, &black));
  g_assert_cmpuint (sitroom_test_timeline_pixel (surface, 5, 5) >> 24, ==, 0);
  cairo_surface_destroy (surface);
}

static void
check_case_ticks (SitroomTestTimeline *fixture)
{
  cairo_surface_t *surface = sitroom_test_timeline_render (fixture);
  guint n_checked = 0, n_stacked = 0;

  for (int chain = 0; chain < 4; chain++)
    {
      g_autoptr(GArray) ticks = sitroom_test_timeline_walk_ticks (fixture, chain);

      for (guint i = 0; i < ticks->len; i++)
        {
          const SitroomTestTick *tick = &g_array_index (ticks, SitroomTestTick, i);
          const SitroomCase *kase = sitroom_situation_get_case (fixture->situation, tick->kase);
          const double *r = tick->rect;
          double x = sitroom_test_timeline_time_x (fixture, kase->reported_at);
          SitroomColor color;

          g_assert_cmpint (kase->chain, ==, chain);
          /* On its own time's pixels, in the lane's lower part. */
          g_assert_cmpfloat (r[0], <=, x);
          g_assert_cmpfloat (r[0] + r[2], >, x);
          g_assert_cmpfloat (r[1], >=,
                             sitroom_test_timeline_lane_top (fixture, chain) + TIMELINE_MARK_Y + TIMELINE_MARK_SIZE / 2);
          g_assert_cmpfloat (r[1] + r[3], <=, sitroom_test_timeline_lane_top (fixture, chain) + TIMELINE_LANE_HEIGHT);

          sitroom_timeline_case_color (kase->classification, fixture->options.style, &color);
          g_assert_true (sitroom_test_timeline_same_color (surface, r[0], r[1] + r[3] / 2, &color));
          if (kase->classification == SITROOM_CLASS_ASYMPTOMATIC)
            g_assert_false (sitroom_test_timeline_same_color (surface, r[0] + r[2] / 2, r[1] + r[3] / 2, &color));
          else
            g_assert_true (sitroom_test_timeline_same_color (surface, r[0] + r[2] / 2, r[1] + r[3] / 2, &color));
          /* One more in a bin stands on the one before it. */
          if (i > 0 && g_array_index (ticks, SitroomTestTick, i - 1).rect[0] == r[0])
            {
              g_assert_cmpfloat (r[3], <, TIMELINE_TICK_HEIGHT);
              g_assert_cmpfloat (r[1] + r[3], ==, g_array_index (ticks, SitroomTestTick, i - 1).rect[1]);
              g_assert_true (sitroom_test_timeline_same_color (surface, r[0] + r[2] - 1, r[1] + r[3] / 2, &color));
              n_stacked++;
            }
          else
            g_assert_cmpfloat (r[3], ==, TIMELINE_TICK_HEIGHT);
          n_checked++;
        }
    }
  /* Every case of the demo has a chain; the two of 23:00 on 17 August
   * share a pixel, and the second stands on the first. */
  g_assert_cmpuint (n_checked, ==, sitroom_situation_get_n_cases (fixture->situation));
  g_assert_cmpuint (n_stacked, >=, 1);
  cairo_surface_destroy (surface);
}

static void
test_case_ticks (SitroomTestTimeline *fixture,
                 gconstpointer        data)
{
  SitroomColor colors[SITROOM_N_CLASSES];

  /* Five colours apart, in each style. */
  for (int style = SITROOM_STYLE_LIGHT; style <= SITROOM_STYLE_DARK; style++)
    {
      for (guint k = 0; k < SITROOM_N_CLASSES; k++)
        sitroom_timeline_case_color (k, style, &colors[k]);
      for (guint a = 0; a < SITROOM_N_CLASSES; a++)
        for (guint b = a + 1; b < SITROOM_N_CLASSES; b++)
          g_assert_cmpfloat (fabs (colors[a].red - colors[b].red) + fabs (colors[a].green - colors[b].green) +
                             fabs (colors[a].blue - colors[b].blue), >, 0.3);
    }

  check_case_ticks (fixture);
  fixture->renderer->marks_as_paths = TRUE;
  check_case_ticks (fixture);
  fixture->renderer->marks_as_paths = FALSE;
  fixture->options.style = SITROOM_STYLE_DARK;
  sitroom_timeline_renderer_set_options (fixture->renderer, &fixture->options);
  check_case_ticks (fixture);
}

static void
test_dim (SitroomTestTimeline *fixture,
          gconstpointer        data)
{
  int pingyao = sitroom_test_timeline_chain_index (fixture, "0819-pingyao");
  const SitroomChain *chain = sitroom_situation_get_chain (fixture->situation, pingyao);
  int last = (int) chain->n_events - 1;
  const TimelinePalette *palette = sitroom_timeline_palette (SITROOM_STYLE_LIGHT);
  cairo_surface_t *before, *after, *again;
  SitroomColor mark;
  double x, y, sx, sy;
  guint32 dimmed;

  sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &mark);
  sitroom_test_timeline_event_point (fixture, pingyao, last, &x, &y);
  /* A point inside Pingyao's static management span, after 12:00. */
  sx = sitroom_test_timeline_time_x (fixture, sitroom_test_demo_at ("2022-08-20T11:00:00+08:00"));
  sy = sitroom_test_timeline_lane_top (fixture, 4) + TIMELINE_MEASURE_TOP + 2;
  before = sitroom_test_timeline_render (fixture);
  g_assert_true (sitroom_test_timeline_same_color (before, x, y, &mark));

  /* At 23:00 on 19 August the last event (10:00 on the 20th) is still to
   * come: drawn fainter, nearer the background. */
  sitroom_test_timeline_set_cutoff (fixture, sitroom_test_demo_at ("2022-08-19T23:00:00+08:00"));
  after = sitroom_test_timeline_render (fixture);
  g_assert_false (sitroom_test_timeline_same_color (after, x, y, &mark));
  dimmed = sitroom_test_timeline_pixel (after, (int) x, (int) y);
  g_assert_cmpint ((int) ((dimmed >> 8) & 0xff), >, (int) lround (mark.green * 255) + 60);
  g_assert_false (sitroom_test_timeline_same_color (after, x, y, &palette->background));
  g_assert_cmphex (sitroom_test_timeline_pixel (before, (int) sx, (int) sy), !=,
                   sitroom_test_timeline_pixel (after, (int) sx, (int) sy));

  /* Back at as_of, as before, the situation's index kept. */
  sitroom_test_timeline_set_cutoff (fixture, sitroom_situation_get_as_of (fixture->situation));
  again = sitroom_test_timeline_render (fixture);
  g_assert_cmphex (sitroom_test_timeline_pixel (again, (int) x, (int) y), ==,
                   sitroom_test_timeline_pixel (before, (int) x, (int) y));
  g_assert_cmphex (sitroom_test_timeline_pixel (again, (int) sx, (int) sy), ==,
                   sitroom_test_timeline_pixel (before, (int) sx, (int) sy));
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (again);
}

static const char *
layout_text (PangoLayout *layout)
{
  g_assert_nonnull (layout);
  return pango_layout_get_text (layout);
}

/* The label column of lane 0 as pixels, to compare. */
static GBytes *
label_pixels (SitroomTestTimeline *fixture)
{
  cairo_surface_t *surface = sitroom_test_timeline_render (fixture);
  GByteArray *out = g_byte_array_new ();

  for (int y = 0; y < (int) (sitroom_test_timeline_lane_top (fixture, 1)); y++)
    g_byte_array_append (out, cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface),
                         (guint) sitroom_test_timeline_label_width (fixture) * 4);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
test_languages (SitroomTestTimeline *fixture,
                gconstpointer        data)
{
  SitroomTimelineRenderer *r = fixture->renderer;
  const TimelineLane *z22 = &g_array_index (r->lanes, TimelineLane, 0);
  const TimelineLane *yanhu = &g_array_index (r->lanes, TimelineLane, 3);
  const TimelineLane *measures = &g_array_index (r->lanes, TimelineLane, 4);
  g_autoptr(GBytes) zh = label_pixels (fixture);
  g_autoptr(GBytes) en = NULL;

  g_assert_cmpstr (layout_text (z22->name), ==, "8·17");
  g_assert_cmpstr (layout_text (z22->status_text), ==, "活跃");
  g_assert_cmpstr (layout_text (z22->count), ==, "阳性7例");
  g_assert_cmpstr (layout_text (z22->title), ==, "Z22列车“8·17”关联疫情");
  g_assert_cmpstr (layout_text (measures->name), ==, "防控措施");
  g_assert_cmpstr (layout_text (measures->status_text), ==, "施行中 8项");
  /* The press release's word for a chain, as on the page's tab. */
  g_assert_cmpstr (layout_text (r->corner), ==, "感染链条");
  g_assert_cmpstr (layout_text (r->handle_label), ==, "8月20日13时");
  g_assert_true (g_hash_table_lookup (r->tick_labels, "8月20日") != NULL);

  fixture->options.lang = "en";
  sitroom_timeline_renderer_set_options (r, &fixture->options);
  en = label_pixels (fixture);
  g_assert_cmpstr (layout_text (z22->status_text), ==, "active");
  g_assert_cmpstr (layout_text (z22->count), ==, "7 positives");
  g_assert_cmpstr (layout_text (z22->title), ==, "Train Z22 \"8·17\" chain");
  g_assert_cmpstr (layout_text (yanhu->count), ==, "3 positives");
  g_assert_cmpstr (layout_text (measures->name), ==, "Measures");
  g_assert_cmpstr (layout_text (measures->status_text), ==, "8 in force");
  g_assert_cmpstr (layout_text (r->corner), ==, "Chains");
  g_assert_cmpstr (layout_text (r->handle_label), ==, "20 Aug 13:00");
  g_assert_true (g_hash_table_lookup (r->tick_labels, "20 Aug") != NULL);
  g_assert_false (g_bytes_equal (zh, en));

  /* Before the Yanhu chain was reported, and long after the Z22 chain's
   * last case (16:00 on 19 August) under a one-day rule. */
  sitroom_test_timeline_set_cutoff (fixture, sitroom_test_demo_at ("2022-08-19T23:00:00+08:00"));
  g_bytes_unref (label_pixels (fixture));
  g_assert_cmpstr (layout_text (yanhu->status_text), ==, "not started");
  g_assert_cmpstr (layout_text (yanhu->count), ==, "0 positives");
  g_assert_cmpstr (layout_text (z22->count), ==, "7 positives");
  fixture->options.close_days = 1;
  fixture->options.lang = "zh";
  sitroom_timeline_renderer_set_options (r, &fixture->options);
  sitroom_test_timeline_set_cutoff (fixture, sitroom_test_demo_at ("2022-08-20T16:00:00+08:00"));
  g_bytes_unref (label_pixels (fixture));
  g_assert_cmpstr (layout_text (z22->status_text), ==, "已结束");
  g_assert_cmpstr (layout_text (yanhu->status_text), ==, "活跃");
  sitroom_test_timeline_set_cutoff (fixture, sitroom_test_demo_at ("2022-08-19T23:00:00+08:00"));
  g_bytes_unref (label_pixels (fixture));
  g_assert_cmpstr (layout_text (yanhu->status_text), ==, "未开始");
}

/* A Chinese briefing writes "8月20日13时", and "13时30分" off the hour. */
static void
test_handle_words (SitroomTestTimeline *fixture,
                   gconstpointer        data)
{
  static const struct {
    const char *at;
    const char *zh;
    const char *en;
  } rows[] = {
    { "2022-08-20T13:00:00+08:00", "8月20日13时", "20 Aug 13:00" },
    { "2022-08-20T13:30:00+08:00", "8月20日13时30分", "20 Aug 13:30" },
    { "2022-08-20T13:05:59+08:00", "8月20日13时5分", "20 Aug 13:05" },
    /* China Standard Time, whatever the offset written. */
    { "2022-08-19T16:00:00Z", "8月20日0时", "20 Aug 00:00" },
    { "2022-12-31T23:59:00+08:00", "12月31日23时59分", "31 Dec 23:59" },
  };
  gint64 half_past = sitroom_test_demo_at ("2022-08-20T12:30:00+08:00");
  cairo_surface_t *surface;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *zh = sitroom_timeline_format_handle (sitroom_test_demo_at (rows[i].at), "zh");
      g_autofree char *en = sitroom_timeline_format_handle (sitroom_test_demo_at (rows[i].at), "en");

      g_assert_cmpstr (zh, ==, rows[i].zh);
      g_assert_cmpstr (en, ==, rows[i].en);
    }

  /* What the handle shows follows the view's cutoff. */
  sitroom_test_timeline_set_cutoff (fixture, half_past);
  surface = sitroom_test_timeline_render (fixture);
  g_assert_cmpstr (layout_text (fixture->renderer->handle_label), ==, "8月20日12时30分");
  cairo_surface_destroy (surface);
}

/* One chain of @n_cases cases an hour apart, labelled as sitroom-gen does. */
static SitroomSituation *
big_chain (guint n_cases)
{
  gint64 t0 = sitroom_test_demo_at ("2022-07-01T00:00:00+08:00");
  g_autofree char *as_of = sitroom_time_format (t0 + (gint64) n_cases * 3600, SITROOM_CST_OFFSET);
  g_autoptr(GString) doc = g_string_new (NULL);

  g_string_append_printf (doc, "{\"format\": \"sitroom/1\", \"as_of\": \"%s\", \"chains\": [{\"id\": \"x\","
                          " \"label\": \"8·17-12\", \"title\": {\"zh\": \"太原市“8·17-12”关联疫情\","
                          " \"en\": \"Taiyuan \\\"8·17-12\\\" chain\"}, \"events\": []}], \"cases\": [", as_of);
  sitroom_test_demo_append_cases (doc, n_cases, t0, 3600);
  g_string_append (doc, "]}");
  return sitroom_test_demo_parse (doc->str);
}

/* Whether the right edge of the label column, on the rows of [top, bottom),
 * has text on it: the positives are drawn flush right there. */
static gboolean
ink_at_right (cairo_surface_t       *surface,
              const TimelinePalette *palette,
              double                 label_width,
              int                    top,
              int                    bottom)
{
  for (int y = top; y < bottom; y++)
    for (int x = (int) label_width - 30; x < (int) label_width - 12; x++)
      if (!sitroom_test_timeline_same_color (surface, x, y, &palette->panel))
        return TRUE;
  return FALSE;
}

/* With four digits of positives the status keeps its room: in English the
 * positives end line two instead; in Chinese they still fit on line one. */
static void
test_lane_room (void)
{
  g_autoptr(SitroomSituation) situation = big_chain (1234);
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  g_autoptr(SitroomTimelineRenderer) r = sitroom_timeline_renderer_new ();
  SitroomTimelineOptions options = { SITROOM_STYLE_LIGHT, "en", -1, 14, 1 };
  const TimelinePalette *palette = sitroom_timeline_palette (SITROOM_STYLE_LIGHT);
  SitroomTimelineViewport viewport = { 0, 0, 800, 200, 0 };
  const TimelineLane *lane;
  double lw, axis_h;

  sitroom_timeline_renderer_set_data (r, view);
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean english = pass == 0;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 200);
      cairo_t *cr = cairo_create (surface);

      options.lang = english ? "en" : "zh";
      sitroom_timeline_renderer_set_options (r, &options);
      sitroom_timeline_renderer_get_extent (r, &viewport.start, &viewport.end);
      sitroom_timeline_renderer_draw (r, cr, &viewport);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      lane = &g_array_index (r->lanes, TimelineLane, 0);
      lw = sitroom_timeline_renderer_get_label_width (r);
      axis_h = sitroom_timeline_renderer_get_axis_height (r);

      g_test_message ("in %s", options.lang);
      g_assert_cmpstr (layout_text (lane->count), ==, english ? "1234 positives" : "阳性1234例");
      g_assert_cmpstr (layout_text (lane->status_text), ==, english ? "active" : "活跃");
      g_assert_false (pango_layout_is_ellipsized (lane->status_text));
      g_assert_false (pango_layout_is_ellipsized (lane->name));
      g_assert_cmpint (lane->count_below, ==, english);
      /* Where the positives went is where they are drawn. */
      g_assert_cmpint (ink_at_right (surface, palette, lw, (int) axis_h + 5, (int) axis_h + 24), ==, !english);
      g_assert_cmpint (ink_at_right (surface, palette, lw, (int) axis_h + 26, (int) axis_h + 44), ==, english);
      /* The title gives way to the positives beside it. */
      if (english)
        g_assert_true (pango_layout_is_ellipsized (lane->title));
      cairo_surface_destroy (surface);
    }
}

/* The demo's few positives stay on line one, beside an uncut status. */
static void
test_lane_room_demo (SitroomTestTimeline *fixture,
                     gconstpointer        data)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      cairo_surface_t *surface;

      fixture->options.lang = pass == 0 ? "zh" : "en";
      sitroom_timeline_renderer_set_options (fixture->renderer, &fixture->options);
      surface = sitroom_test_timeline_render (fixture);
      for (guint i = 0; i < 4; i++)
        {
          const TimelineLane *lane = &g_array_index (fixture->renderer->lanes, TimelineLane, i);

          g_assert_false (lane->count_below);
          g_assert_false (pango_layout_is_ellipsized (lane->status_text));
        }
      cairo_surface_destroy (surface);
    }
}

/* Pixels of @color in the square of @half pixels round (x, y). */
static guint
count_color (cairo_surface_t    *surface,
             double              x,
             double              y,
             int                 half,
             const SitroomColor *color)
{
  guint n = 0;

  for (int dy = -half; dy <= half; dy++)
    for (int dx = -half; dx <= half; dx++)
      n += sitroom_test_timeline_same_color (surface, x + dx, y + dy, color);
  return n;
}

/* Between the 8·20 family's trip (notes of 16 August) and the chain's
 * first report (20 August 09:00) the chain has not started: its notes are
 * drawn grey, as history, and in the mark's colour once it has. */
static void
test_history (SitroomTestTimeline *fixture,
              gconstpointer        data)
{
  int yanhu = sitroom_test_timeline_chain_index (fixture, "0820-yanhu");
  const SitroomChain *chain = sitroom_situation_get_chain (fixture->situation, yanhu);
  const TimelinePalette *palette = sitroom_timeline_palette (SITROOM_STYLE_LIGHT);
  const TimelineLane *lane = &g_array_index (fixture->renderer->lanes, TimelineLane, yanhu);
  cairo_surface_t *started, *before;
  double x, y;

  g_assert_cmpint (chain->events[0].kind, ==, SITROOM_EVENT_NOTE);
  sitroom_test_timeline_event_point (fixture, yanhu, 0, &x, &y);

  started = sitroom_test_timeline_render (fixture);
  g_assert_cmpint (lane->status, ==, SITROOM_CHAIN_ACTIVE);
  sitroom_test_timeline_set_cutoff (fixture, sitroom_test_demo_at ("2022-08-19T23:00:00+08:00"));
  before = sitroom_test_timeline_render (fixture);
  g_assert_cmpint (lane->status, ==, SITROOM_CHAIN_NOT_STARTED);

  g_assert_cmpuint (count_color (started, x, y, 6, &palette->mark), >, 0);
  g_assert_cmpuint (count_color (started, x, y, 6, &palette->history), ==, 0);
  g_assert_cmpuint (count_color (before, x, y, 6, &palette->history), >, 0);
  g_assert_cmpuint (count_color (before, x, y, 6, &palette->mark), ==, 0);
  /* Z22, started by then, keeps its marks' colour. */
  sitroom_test_timeline_event_point (fixture, sitroom_test_timeline_chain_index (fixture, "0817-z22"),
                                     sitroom_test_timeline_quarantine_event (fixture), &x, &y);
  g_assert_cmpuint (count_color (before, x, y, 3, &palette->mark), >, 0);
  cairo_surface_destroy (started);
  cairo_surface_destroy (before);
}

static void
test_styles (SitroomTestTimeline *fixture,
             gconstpointer        data)
{
  int z22 = sitroom_test_timeline_chain_index (fixture, "0817-z22");
  double below = sitroom_timeline_renderer_get_axis_height (fixture->renderer) +
                 sitroom_timeline_renderer_get_content_height (fixture->renderer) + 20;
  cairo_surface_t *light, *dark;
  SitroomColor light_mark, dark_mark;
  double x, y;

  g_assert_cmpfloat (below, <, HEIGHT);
  sitroom_test_timeline_event_point (fixture, z22, sitroom_test_timeline_quarantine_event (fixture), &x, &y);
  light = sitroom_test_timeline_render (fixture);
  fixture->options.style = SITROOM_STYLE_DARK;
  sitroom_timeline_renderer_set_options (fixture->renderer, &fixture->options);
  dark = sitroom_test_timeline_render (fixture);

  g_assert_true (sitroom_test_timeline_same_color (light, 600, below,
                                                   &sitroom_timeline_palette (SITROOM_STYLE_LIGHT)->background));
  g_assert_true (sitroom_test_timeline_same_color (dark, 600, below,
                                                   &sitroom_timeline_palette (SITROOM_STYLE_DARK)->background));
  sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &light_mark);
  sitroom_timeline_event_color (SITROOM_STYLE_DARK, &dark_mark);
  g_assert_true (sitroom_test_timeline_same_color (light, x, y, &light_mark));
  g_assert_true (sitroom_test_timeline_same_color (dark, x, y, &dark_mark));
  g_assert_false (sitroom_test_timeline_same_color (dark, x, y, &light_mark));
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
test_selected (SitroomTestTimeline *fixture,
               gconstpointer        data)
{
  const TimelinePalette *palette = sitroom_timeline_palette (SITROOM_STYLE_LIGHT);
  double y1 = sitroom_test_timeline_lane_top (fixture, 1) + 4, y2 = sitroom_test_timeline_lane_top (fixture, 2) + 4;
  cairo_surface_t *plain, *selected;

  plain = sitroom_test_timeline_render (fixture);
  fixture->options.selected_chain = 1;
  sitroom_timeline_renderer_set_options (fixture->renderer, &fixture->options);
  selected = sitroom_test_timeline_render (fixture);
  /* The selected lane is tinted, with a bar at its left; the others are not. */
  g_assert_cmphex (sitroom_test_timeline_pixel (plain, 1, (int) y1), !=, sitroom_test_timeline_pixel (selected, 1, (int) y1));
  g_assert_true (sitroom_test_timeline_same_color (selected, 1, y1, &palette->selected));
  g_assert_cmphex (sitroom_test_timeline_pixel (plain, WIDTH - 3, (int) y1 + 30), !=,
                   sitroom_test_timeline_pixel (selected, WIDTH - 3, (int) y1 + 30));
  g_assert_cmphex (sitroom_test_timeline_pixel (plain, WIDTH - 3, (int) y2), ==,
                   sitroom_test_timeline_pixel (selected, WIDTH - 3, (int) y2));
  g_assert_cmphex (sitroom_test_timeline_pixel (plain, 1, (int) y2), ==, sitroom_test_timeline_pixel (selected, 1, (int) y2));
  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/lanes", test_lanes);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/time-to-x", test_time_to_x);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/event-marks", test_event_marks);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/mark-shapes", test_mark_shapes);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/case-ticks", test_case_ticks);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/dim", test_dim);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/languages", test_languages);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/handle-words", test_handle_words);
  g_test_add_func ("/timeline/render/lane-room", test_lane_room);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/lane-room-demo", test_lane_room_demo);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/history", test_history);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/styles", test_styles);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/selected", test_selected);

  return g_test_run ();
}
