/* Tests of the timeline renderer's hit-testing, and of what it draws where lanes are clipped, scrolled or windowed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-demo.h"
#include "sitroom-test-timeline.h"
#include "sitroom-time.h"

#define WIDTH SITROOM_TEST_TIMELINE_WIDTH
#define HEIGHT SITROOM_TEST_TIMELINE_HEIGHT

static void
test_hit (SitroomTestTimeline *fixture,
          gconstpointer        data)
{
  SitroomTimelineRenderer *r = fixture->renderer;
  int z22 = sitroom_test_timeline_chain_index (fixture, "0817-z22");
  int yuxian = sitroom_test_timeline_chain_index (fixture, "0818-yuxian");
  int event = sitroom_test_timeline_quarantine_event (fixture);
  double axis_h = sitroom_timeline_renderer_get_axis_height (r);
  cairo_surface_t *surface = sitroom_test_timeline_render (fixture);
  g_autoptr(GArray) ticks = sitroom_test_timeline_walk_ticks (fixture, z22);
  SitroomTimelineHit hit;
  double x, y, hx, hy, hw, hh;
  gint64 cutoff = sitroom_view_get_cutoff (fixture->view);
  gboolean found_lone = FALSE;

  cairo_surface_destroy (surface);

  /* The mark, and within a few pixels of it. */
  sitroom_test_timeline_event_point (fixture, z22, event, &x, &y);
  sitroom_timeline_renderer_hit (r, &fixture->viewport, x, y, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_EVENT);
  g_assert_cmpint (hit.chain, ==, z22);
  g_assert_cmpint (hit.index, ==, event);
  sitroom_timeline_renderer_hit (r, &fixture->viewport, x + 9, y - 2, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_EVENT);
  g_assert_cmpint (hit.index, ==, event);
  sitroom_timeline_renderer_hit (r, &fixture->viewport, x + 20, y, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_LANE);
  g_assert_cmpint (hit.chain, ==, z22);

  /* Each case where its tick is. */
  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTestTick *tick = &g_array_index (ticks, SitroomTestTick, i);

      sitroom_timeline_renderer_hit (r, &fixture->viewport, tick->rect[0] + tick->rect[2] / 2,
                                     tick->rect[1] + tick->rect[3] / 2, &hit);
      g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_CASE);
      g_assert_cmpint (hit.chain, ==, z22);
      g_assert_cmpint (hit.index, ==, tick->kase);
      if (g_strcmp0 (sitroom_situation_get_case (fixture->situation, tick->kase)->id, "c-0003") == 0)
        {
          /* A lone tick is found from 4 px beside it, and not from 12. */
          sitroom_timeline_renderer_hit (r, &fixture->viewport, tick->rect[0] + tick->rect[2] + 4,
                                         tick->rect[1] + tick->rect[3] / 2, &hit);
          g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_CASE);
          g_assert_cmpint (hit.index, ==, tick->kase);
          sitroom_timeline_renderer_hit (r, &fixture->viewport, tick->rect[0] + tick->rect[2] + 12,
                                         tick->rect[1] + tick->rect[3] / 2, &hit);
          g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_LANE);
          found_lone = TRUE;
        }
    }
  g_assert_true (found_lone);

  /* Yu County's detection at 08:00 on 20 August and its first case at the
   * same time: between the two, the event wins. */
  {
    const SitroomChain *c = sitroom_situation_get_chain (fixture->situation, yuxian);
    int detection = -1;

    for (guint i = 0; i < c->n_events; i++)
      if (c->events[i].at == sitroom_test_demo_at ("2022-08-20T08:00:00+08:00"))
        detection = (int) i;
    g_assert_cmpint (detection, >=, 0);
    sitroom_test_timeline_event_point (fixture, yuxian, detection, &x, &y);
    sitroom_timeline_renderer_hit (r, &fixture->viewport, x, sitroom_test_timeline_lane_top (fixture, yuxian) + 27, &hit);
    g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_EVENT);
    g_assert_cmpint (hit.index, ==, detection);
    sitroom_timeline_renderer_hit (r, &fixture->viewport, x, sitroom_test_timeline_lane_top (fixture, yuxian) + 38, &hit);
    g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_CASE);
    g_assert_cmpstr (sitroom_situation_get_case (fixture->situation, hit.index)->id, ==, "c-0008");
  }

  /* The cutoff's handle, where the frame drew it; then where the last
   * draw_cutoff put it. */
  sitroom_timeline_handle_rect (r, &fixture->viewport, cutoff, &hx, &hy, &hw, &hh);
  g_assert_cmpfloat (hy + hh, <=, axis_h);
  sitroom_timeline_renderer_hit (r, &fixture->viewport, hx + hw / 2, hy + hh / 2, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_CUTOFF);
  {
    cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (s);
    gint64 earlier = cutoff - 36 * 3600;
    double ex = hx + hw / 2;

    sitroom_timeline_renderer_draw_cutoff (r, cr, &fixture->viewport, earlier);
    cairo_destroy (cr);
    cairo_surface_destroy (s);
    sitroom_timeline_renderer_hit (r, &fixture->viewport, ex, hy + hh / 2, &hit);
    g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_NONE);
    sitroom_timeline_renderer_hit (r, &fixture->viewport, sitroom_test_timeline_time_x (fixture, earlier), hy + hh / 2, &hit);
    g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_CUTOFF);
  }

  /* A measure's span: Pingyao's, from 00:00 on 20 August. */
  x = sitroom_test_timeline_time_x (fixture, sitroom_test_demo_at ("2022-08-20T06:00:00+08:00"));
  for (guint row = 0; row < TIMELINE_MEASURE_ROWS; row++)
    {
      const SitroomMeasure *m;

      y = sitroom_test_timeline_lane_top (fixture,
                                          4) + TIMELINE_MEASURE_TOP + row * (TIMELINE_MEASURE_ROW + TIMELINE_MEASURE_GAP) + 5;
      sitroom_timeline_renderer_hit (r, &fixture->viewport, x, y, &hit);
      g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_MEASURE);
      g_assert_cmpint (hit.chain, ==, -1);
      m = sitroom_situation_get_measure (fixture->situation, hit.index);
      g_assert_cmpint (m->from, <=, sitroom_test_demo_at ("2022-08-20T06:00:00+08:00"));
    }
}

/* Every pixel of the drawing outside @lane's rectangle is left as it was. */
static void
check_lane_clip (SitroomTestTimeline *fixture,
                 guint                lane)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double lx, ly, lw, lh;
  guint inside = 0;

  sitroom_timeline_renderer_get_lane_rect (fixture->renderer, &fixture->viewport, lane, &lx, &ly, &lw, &lh);
  sitroom_timeline_renderer_draw_lane (fixture->renderer, cr, &fixture->viewport, lane);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        gboolean in = x >= lx && x < lx + lw && y >= ly && y < ly + lh;

        if (in)
          inside += (sitroom_test_timeline_pixel (surface, x, y) >> 24) == 0xff;
        else if (sitroom_test_timeline_pixel (surface, x, y) != 0)
          g_error ("lane %u drew at (%d, %d), outside (%g, %g, %g, %g)", lane, x, y, lx, ly, lw, lh);
      }
  /* And it covers its own rectangle (what of it lies in the drawing). */
  g_assert_cmpuint (inside, ==, (guint) (lw * (MIN (ly + lh, HEIGHT) - MAX (ly, 0))));
  cairo_surface_destroy (surface);
}

static void
test_clip (SitroomTestTimeline *fixture,
           gconstpointer        data)
{
  /* Marks right at the edges of the lanes' area, half out. */
  fixture->viewport.start = sitroom_test_demo_at ("2022-08-17T18:00:00+08:00");
  fixture->viewport.end = sitroom_test_demo_at ("2022-08-20T12:00:00+08:00");
  for (guint lane = 0; lane < 5; lane++)
    check_lane_clip (fixture, lane);
  fixture->viewport.scroll_y = 70;
  check_lane_clip (fixture, 0);
  check_lane_clip (fixture, 4);
}

static void
test_scroll (SitroomTestTimeline *fixture,
             gconstpointer        data)
{
  SitroomTimelineRenderer *r = fixture->renderer;
  double lane_h = sitroom_timeline_renderer_get_lane_height (r);
  double axis_h = sitroom_timeline_renderer_get_axis_height (r);
  int yuxian = sitroom_test_timeline_chain_index (fixture, "0818-yuxian");
  cairo_surface_t *top, *scrolled;
  SitroomTimelineHit hit;
  SitroomColor mark;
  double x, y;

  sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &mark);
  sitroom_test_timeline_event_point (fixture, yuxian, 0, &x, &y);
  top = sitroom_test_timeline_render (fixture);
  g_assert_true (sitroom_test_timeline_same_color (top, x, y, &mark));

  /* One lane and a bit down: Yu County's lane is the first below the axis,
   * 8·17's is under the axis row and cut at its edge. */
  fixture->viewport.scroll_y = lane_h + 10;
  scrolled = sitroom_test_timeline_render (fixture);
  g_assert_true (sitroom_test_timeline_same_color (scrolled, x, y - lane_h - 10, &mark));
  for (int py = 0; py < axis_h; py++)
    for (int px = 0; px < WIDTH; px++)
      g_assert_cmphex (sitroom_test_timeline_pixel (top, px, py), ==, sitroom_test_timeline_pixel (scrolled, px, py));
  sitroom_timeline_renderer_hit (r, &fixture->viewport, x, y - lane_h - 10, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_EVENT);
  g_assert_cmpint (hit.chain, ==, yuxian);
  sitroom_timeline_renderer_hit (r, &fixture->viewport, 20, axis_h + 5, &hit);
  g_assert_cmpint (hit.index, ==, 1);
  sitroom_timeline_renderer_hit (r, &fixture->viewport, 20, axis_h - 5, &hit);
  g_assert_cmpint (hit.kind, !=, SITROOM_TIMELINE_HIT_LANE);
  cairo_surface_destroy (top);
  cairo_surface_destroy (scrolled);
}

/* One chain of 500 hourly events and 3000 cases ten minutes apart. */
static SitroomSituation *
long_chain (gint64 *origin)
{
  gint64 t0 = sitroom_test_demo_at ("2022-07-01T00:00:00+08:00");
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"sitroom/1\", \"as_of\": ");
  g_autofree char *as_of = sitroom_time_format (t0 + 3000 * 600, SITROOM_CST_OFFSET);
  g_autofree char *first = sitroom_time_format (t0, SITROOM_CST_OFFSET);

  g_string_append_printf (doc, "\"%s\", \"chains\": [{\"id\": \"x\", \"label\": \"X\", \"title\": {\"zh\": \"长链\"},"
                          " \"first_reported\": \"%s\", \"events\": [", as_of, first);
  for (int i = 0; i < 500; i++)
    {
      g_autofree char *time = sitroom_time_format (t0 + i * 3600, SITROOM_CST_OFFSET);

      g_string_append_printf (doc, "%s{\"at\": \"%s\", \"kind\": \"quarantine\", \"region\": \"140100\"}",
                              i > 0 ? "," : "", time);
    }
  g_string_append (doc, "]}], \"cases\": [");
  sitroom_test_demo_append_cases (doc, 3000, t0, 600);
  g_string_append (doc, "]}");
  *origin = t0;
  return sitroom_test_demo_parse (doc->str);
}

static void
test_window (void)
{
  gint64 t0;
  g_autoptr(SitroomSituation) situation = long_chain (&t0);
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  g_autoptr(SitroomTimelineRenderer) r = sitroom_timeline_renderer_new ();
  SitroomTimelineOptions options = { SITROOM_STYLE_LIGHT, "zh", -1, 14, 1 };
  SitroomTimelineViewport viewport;
  SitroomTestWalk walk = { r, g_array_new (FALSE, FALSE, sizeof (SitroomTestTick)) };
  cairo_surface_t *surface;
  cairo_t *cr;
  double lw, axis_h;
  SitroomColor mark, mild;
  guint drawn = 0;

  sitroom_timeline_renderer_set_data (r, view);
  sitroom_timeline_renderer_set_options (r, &options);
  lw = sitroom_timeline_renderer_get_label_width (r);
  axis_h = sitroom_timeline_renderer_get_axis_height (r);
  /* Ten hours of the chain's 500 across 1000 pixels. */
  viewport = (SitroomTimelineViewport) { t0 + 100 * 3600, t0 + 110 * 3600, lw + 1000, 200, 0 };
  g_assert_cmpuint (sitroom_timeline_renderer_get_n_lanes (r), ==, 2);

  sitroom_timeline_walk_cases (r, &viewport, &g_array_index (r->lanes, TimelineLane, 0), axis_h,
                               lw, viewport.width, sitroom_test_timeline_collect, &walk);
  /* Only the cases of the window, each on its own: 60 ten-minute steps and both ends. */
  g_assert_cmpuint (walk.ticks->len, ==, 61);
  for (guint i = 0; i < walk.ticks->len; i++)
    {
      const SitroomTestTick *tick = &g_array_index (walk.ticks, SitroomTestTick, i);
      gint64 t = sitroom_situation_get_case (situation, tick->kase)->reported_at;

      g_assert_cmpint (t, >=, viewport.start);
      g_assert_cmpint (t, <=, viewport.end);
      g_assert_cmpfloat (tick->rect[3], ==, TIMELINE_TICK_HEIGHT);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) viewport.width, 200);
  cr = cairo_create (surface);
  sitroom_timeline_renderer_draw (r, cr, &viewport);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &mark);
  sitroom_timeline_case_color (SITROOM_CLASS_MILD, SITROOM_STYLE_LIGHT, &mild);
  for (int hour = 100; hour <= 110; hour++)
    {
      double x = sitroom_timeline_viewport_time_to_x (&viewport, lw, t0 + hour * 3600);

      g_assert_true (sitroom_test_timeline_same_color (surface, MIN (x, viewport.width - 1), axis_h + TIMELINE_MARK_Y, &mark));
      drawn++;
    }
  g_assert_cmpuint (drawn, ==, 11);
  for (guint i = 0; i < walk.ticks->len; i++)
    {
      const SitroomTestTick *tick = &g_array_index (walk.ticks, SitroomTestTick, i);

      if (tick->rect[0] + 1 < viewport.width)
        g_assert_true (sitroom_test_timeline_same_color (surface, tick->rect[0] + 1, tick->rect[1] + 4, &mild));
    }
  g_array_unref (walk.ticks);
  cairo_surface_destroy (surface);
}

static void
test_no_data (void)
{
  g_autoptr(SitroomTimelineRenderer) r = sitroom_timeline_renderer_new ();
  SitroomTimelineViewport viewport = { 0, 3600, 400, 200, 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  SitroomTimelineHit hit;
  gint64 start, end;

  g_assert_cmpuint (sitroom_timeline_renderer_get_n_lanes (r), ==, 0);
  sitroom_timeline_renderer_get_extent (r, &start, &end);
  g_assert_cmpint (start, ==, end);
  sitroom_timeline_renderer_draw (r, cr, &viewport);
  sitroom_timeline_renderer_hit (r, &viewport, 300, 100, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_NONE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_true (sitroom_test_timeline_same_color (surface, 300, 150,
                                                   &sitroom_timeline_palette (SITROOM_STYLE_LIGHT)->background));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/hit", test_hit);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/clip", test_clip);
  SITROOM_TEST_TIMELINE_ADD ("/timeline/render/scroll", test_scroll);
  g_test_add_func ("/timeline/render/window", test_window);
  g_test_add_func ("/timeline/render/no-data", test_no_data);

  return g_test_run ();
}
