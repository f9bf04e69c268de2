/* Tests of the timeline renderer: lanes, time and pixels, marks and ticks where they belong, hit-testing, dimming, words. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sitroom-source.h"
#include "sitroom-time.h"
#include "sitroom-timeline-render-private.h"

#define WIDTH 1200
#define HEIGHT 400

typedef struct {
  SitroomSituation *situation;
  SitroomView *view;
  SitroomTimelineRenderer *renderer;
  SitroomTimelineOptions options;
  SitroomTimelineViewport viewport;
} Fixture;

static gint64
at (const char *text)
{
  gint64 t;
  int offset;

  g_assert_true (sitroom_time_parse (text, &t, &offset));
  return t;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sitroom_source_read (NULL, 0, &error);

  g_assert_no_error (error);
  fixture->situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->view = sitroom_view_new (fixture->situation, sitroom_situation_get_as_of (fixture->situation), -1, -1);
  fixture->renderer = sitroom_timeline_renderer_new ();
  fixture->options = (SitroomTimelineOptions) {
    .style = SITROOM_STYLE_LIGHT,
    .lang = "zh",
    .selected_chain = -1,
    .close_days = SITROOM_CHAIN_DEFAULT_CLOSE_DAYS,
    .text_scale = 1,
  };
  sitroom_timeline_renderer_set_data (fixture->renderer, fixture->view);
  sitroom_timeline_renderer_set_options (fixture->renderer, &fixture->options);
  fixture->viewport = (SitroomTimelineViewport) { 0, 0, WIDTH, HEIGHT, 0 };
  sitroom_timeline_renderer_get_extent (fixture->renderer, &fixture->viewport.start, &fixture->viewport.end);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sitroom_timeline_renderer_free (fixture->renderer);
  g_object_unref (fixture->view);
  g_object_unref (fixture->situation);
}

/* A new view of the same situation at @cutoff. */
static void
set_cutoff (Fixture *fixture,
            gint64   cutoff)
{
  g_object_unref (fixture->view);
  fixture->view = sitroom_view_new (fixture->situation, cutoff, -1, -1);
  sitroom_timeline_renderer_set_data (fixture->renderer, fixture->view);
}

static cairo_surface_t *
render (Fixture *fixture)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  sitroom_timeline_renderer_draw (fixture->renderer, cr, &fixture->viewport);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return ((const guint32 *) (gconstpointer) (cairo_image_surface_get_data (surface) +
                                             y * cairo_image_surface_get_stride (surface)))[x];
}

/* Whether an opaque pixel has @color, give or take 2 in each channel. */
static gboolean
same_color (cairo_surface_t    *surface,
            double              x,
            double              y,
            const SitroomColor *color)
{
  guint32 p = pixel (surface, (int) floor (x), (int) floor (y));

  return (p >> 24) == 0xff &&
         abs ((int) ((p >> 16) & 0xff) - (int) lround (color->red * 255)) <= 2 &&
         abs ((int) ((p >> 8) & 0xff) - (int) lround (color->green * 255)) <= 2 &&
         abs ((int) (p & 0xff) - (int) lround (color->blue * 255)) <= 2;
}

static int
chain_index (Fixture    *fixture,
             const char *id)
{
  int index = sitroom_situation_lookup_chain (fixture->situation, id);

  g_assert_cmpint (index, >=, 0);
  return index;
}

/* The 8·17 chain's quarantine of the 78 passengers. */
static int
quarantine_event (Fixture *fixture)
{
  const SitroomChain *chain = sitroom_situation_get_chain (fixture->situation, chain_index (fixture, "0817-z22"));

  for (guint i = 0; i < chain->n_events; i++)
    if (chain->events[i].kind == SITROOM_EVENT_QUARANTINE && chain->events[i].people == 78)
      return (int) i;
  g_assert_not_reached ();
}

static double
label_width (Fixture *fixture)
{
  return sitroom_timeline_renderer_get_label_width (fixture->renderer);
}

static double
time_x (Fixture *fixture,
        gint64   time)
{
  return sitroom_timeline_viewport_time_to_x (&fixture->viewport, label_width (fixture), time);
}

static double
lane_top (Fixture *fixture,
          guint    lane)
{
  double y;

  sitroom_timeline_renderer_get_lane_rect (fixture->renderer, &fixture->viewport, lane, NULL, &y, NULL, NULL);
  return y;
}

/* Where an event's mark has its centre. */
static void
event_point (Fixture *fixture,
             int      chain,
             int      event,
             double  *x,
             double  *y)
{
  *x = time_x (fixture, sitroom_situation_get_chain (fixture->situation, chain)->events[event].at);
  *y = lane_top (fixture, chain) + TIMELINE_MARK_Y;
}

static void
test_lanes (Fixture       *fixture,
            gconstpointer  data)
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
  g_assert_cmpint (chain_index (fixture, "0820-yanhu"), ==, 3);

  /* The extent holds the earliest event (the Yanhu family's drive on 16
   * August) and the document's as_of, with a margin. */
  sitroom_timeline_renderer_get_extent (r, &start, &end);
  g_assert_cmpint (start, <, at ("2022-08-16T11:00:00+08:00"));
  g_assert_cmpint (start, >, at ("2022-08-15T11:00:00+08:00"));
  g_assert_cmpint (end, >, sitroom_situation_get_as_of (fixture->situation));
  g_assert_cmpint (end, <, sitroom_situation_get_as_of (fixture->situation) + 24 * 3600);

  /* Below the last lane and in the axis away from the handle: nothing. */
  sitroom_timeline_renderer_hit (r, &fixture->viewport, 600, axis_h + 5 * lane_h + 10, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_NONE);
  sitroom_timeline_renderer_hit (r, &fixture->viewport, label_width (fixture) + 3, 3, &hit);
  g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_NONE);
}

static void
test_time_to_x (Fixture       *fixture,
                gconstpointer  data)
{
  const SitroomTimelineViewport *vp = &fixture->viewport;
  double lw = label_width (fixture);
  double seconds_per_px = (double) (vp->end - vp->start) / (WIDTH - lw);

  g_assert_cmpfloat_with_epsilon (time_x (fixture, vp->start), lw, 1e-9);
  g_assert_cmpfloat_with_epsilon (time_x (fixture, vp->end), WIDTH, 1e-9);
  g_assert_cmpint (sitroom_timeline_viewport_x_to_time (vp, lw, lw), ==, vp->start);
  g_assert_cmpint (sitroom_timeline_viewport_x_to_time (vp, lw, WIDTH), ==, vp->end);

  for (gint64 t = vp->start - 86400; t <= vp->end + 86400; t += 3607)
    {
      double x = time_x (fixture, t);

      g_assert_cmpint (sitroom_timeline_viewport_x_to_time (vp, lw, x), ==, t);
    }
  for (double x = 0; x <= WIDTH; x += 13.7)
    {
      gint64 t = sitroom_timeline_viewport_x_to_time (vp, lw, x);

      g_assert_cmpfloat (fabs (time_x (fixture, t) - x), <=, 0.5 / seconds_per_px + 1e-9);
    }
  /* Later is further right, at the same rate everywhere. */
  g_assert_cmpfloat_with_epsilon (time_x (fixture, vp->start + 3600) - time_x (fixture, vp->start),
                                  time_x (fixture, vp->end) - time_x (fixture, vp->end - 3600), 1e-6);
}

static void
check_quarantine_mark (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  int chain = chain_index (fixture, "0817-z22");
  SitroomColor mark;
  cairo_surface_t *surface;
  double x, y;

  sitroom_timeline_event_color (fixture->options.style, &mark);
  event_point (fixture, chain, quarantine_event (fixture), &x, &y);
  g_assert_cmpfloat (x, >, label_width (fixture) + 20);
  surface = render (fixture);
  /* The square covers its centre and ±3 px round it. */
  g_assert_true (same_color (surface, x, y, &mark));
  g_assert_true (same_color (surface, x - 3, y + 3, &mark));
  g_assert_true (same_color (surface, x + 3, y - 3, &mark));
  /* Beside it, and in the next chain's lane at the same time, nothing. */
  g_assert_false (same_color (surface, x - 12, y, &mark));
  g_assert_false (same_color (surface, x + 12, y, &mark));
  g_assert_false (same_color (surface, x, y + sitroom_timeline_renderer_get_lane_height (fixture->renderer), &mark));
  cairo_surface_destroy (surface);
}

static void
test_event_marks (Fixture       *fixture,
                  gconstpointer  data)
{
  check_quarantine_mark (fixture);
  /* As a document gets them: paths, the same picture. */
  fixture->renderer->marks_as_paths = TRUE;
  check_quarantine_mark (fixture);
}

/* The shapes differ by kind: a diamond leaves the corners of its box
 * empty, a square fills them. */
static void
test_mark_shapes (Fixture       *fixture,
                  gconstpointer  data)
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
  g_assert_true (same_color (surface, 10, 10, &black));
  g_assert_true (same_color (surface, 30, 10, &black));
  g_assert_true (same_color (surface, 26.5, 6.5, &black));
  g_assert_cmpuint (pixel (surface, 5, 5) >> 24, ==, 0);
  cairo_surface_destroy (surface);
}

typedef struct {
  SitroomTimelineRenderer *renderer;
  GArray *ticks;                /* Tick */
} Walk;

typedef struct {
  int kase;
  double rect[4];
} Tick;

static void
collect (guint         position,
         const double *rect,
         gpointer      data)
{
  Walk *walk = data;
  Tick tick = { walk->renderer->case_ids[position], { rect[0], rect[1], rect[2], rect[3] } };

  g_array_append_val (walk->ticks, tick);
}

/* The ticks of @chain's lane as the renderer lays them out. */
static GArray *
walk_ticks (Fixture *fixture,
            int      chain)
{
  Walk walk = { fixture->renderer, g_array_new (FALSE, FALSE, sizeof (Tick)) };
  const TimelineLane *lane = &g_array_index (fixture->renderer->lanes, TimelineLane, chain);

  sitroom_timeline_walk_cases (fixture->renderer, &fixture->viewport, lane, lane_top (fixture, chain),
                               label_width (fixture), WIDTH, collect, &walk);
  return walk.ticks;
}

static void
check_case_ticks (Fixture *fixture)
{
  cairo_surface_t *surface = render (fixture);
  guint n_checked = 0, n_stacked = 0;

  for (int chain = 0; chain < 4; chain++)
    {
      g_autoptr(GArray) ticks = walk_ticks (fixture, chain);

      for (guint i = 0; i < ticks->len; i++)
        {
          const Tick *tick = &g_array_index (ticks, Tick, i);
          const SitroomCase *kase = sitroom_situation_get_case (fixture->situation, tick->kase);
          const double *r = tick->rect;
          double x = time_x (fixture, kase->reported_at);
          SitroomColor color;

          g_assert_cmpint (kase->chain, ==, chain);
          /* On its own time's pixels, in the lane's lower part. */
          g_assert_cmpfloat (r[0], <=, x);
          g_assert_cmpfloat (r[0] + r[2], >, x);
          g_assert_cmpfloat (r[1], >=, lane_top (fixture, chain) + TIMELINE_MARK_Y + TIMELINE_MARK_SIZE / 2);
          g_assert_cmpfloat (r[1] + r[3], <=, lane_top (fixture, chain) + TIMELINE_LANE_HEIGHT);

          sitroom_timeline_case_color (kase->classification, fixture->options.style, &color);
          g_assert_true (same_color (surface, r[0], r[1] + r[3] / 2, &color));
          if (kase->classification == SITROOM_CLASS_ASYMPTOMATIC)
            g_assert_false (same_color (surface, r[0] + r[2] / 2, r[1] + r[3] / 2, &color));
          else
            g_assert_true (same_color (surface, r[0] + r[2] / 2, r[1] + r[3] / 2, &color));
          /* One more in a bin stands on the one before it. */
          if (i > 0 && g_array_index (ticks, Tick, i - 1).rect[0] == r[0])
            {
              g_assert_cmpfloat (r[3], <, TIMELINE_TICK_HEIGHT);
              g_assert_cmpfloat (r[1] + r[3], ==, g_array_index (ticks, Tick, i - 1).rect[1]);
              g_assert_true (same_color (surface, r[0] + r[2] - 1, r[1] + r[3] / 2, &color));
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
test_case_ticks (Fixture       *fixture,
                 gconstpointer  data)
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
test_hit (Fixture       *fixture,
          gconstpointer  data)
{
  SitroomTimelineRenderer *r = fixture->renderer;
  int z22 = chain_index (fixture, "0817-z22");
  int yuxian = chain_index (fixture, "0818-yuxian");
  int event = quarantine_event (fixture);
  double axis_h = sitroom_timeline_renderer_get_axis_height (r);
  cairo_surface_t *surface = render (fixture);
  g_autoptr(GArray) ticks = walk_ticks (fixture, z22);
  SitroomTimelineHit hit;
  double x, y, hx, hy, hw, hh;
  gint64 cutoff = sitroom_view_get_cutoff (fixture->view);
  gboolean found_lone = FALSE;

  cairo_surface_destroy (surface);

  /* The mark, and within a few pixels of it. */
  event_point (fixture, z22, event, &x, &y);
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
      const Tick *tick = &g_array_index (ticks, Tick, i);

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
      if (c->events[i].at == at ("2022-08-20T08:00:00+08:00"))
        detection = (int) i;
    g_assert_cmpint (detection, >=, 0);
    event_point (fixture, yuxian, detection, &x, &y);
    sitroom_timeline_renderer_hit (r, &fixture->viewport, x, lane_top (fixture, yuxian) + 27, &hit);
    g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_EVENT);
    g_assert_cmpint (hit.index, ==, detection);
    sitroom_timeline_renderer_hit (r, &fixture->viewport, x, lane_top (fixture, yuxian) + 38, &hit);
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
    sitroom_timeline_renderer_hit (r, &fixture->viewport, time_x (fixture, earlier), hy + hh / 2, &hit);
    g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_CUTOFF);
  }

  /* A measure's span: Pingyao's, from 00:00 on 20 August. */
  x = time_x (fixture, at ("2022-08-20T06:00:00+08:00"));
  for (guint row = 0; row < TIMELINE_MEASURE_ROWS; row++)
    {
      const SitroomMeasure *m;

      y = lane_top (fixture, 4) + TIMELINE_MEASURE_TOP + row * (TIMELINE_MEASURE_ROW + TIMELINE_MEASURE_GAP) + 5;
      sitroom_timeline_renderer_hit (r, &fixture->viewport, x, y, &hit);
      g_assert_cmpint (hit.kind, ==, SITROOM_TIMELINE_HIT_MEASURE);
      g_assert_cmpint (hit.chain, ==, -1);
      m = sitroom_situation_get_measure (fixture->situation, hit.index);
      g_assert_cmpint (m->from, <=, at ("2022-08-20T06:00:00+08:00"));
    }
}

/* Every pixel of the drawing outside @lane's rectangle is left as it was. */
static void
check_lane_clip (Fixture *fixture,
                 guint    lane)
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
          inside += (pixel (surface, x, y) >> 24) == 0xff;
        else if (pixel (surface, x, y) != 0)
          g_error ("lane %u drew at (%d, %d), outside (%g, %g, %g, %g)", lane, x, y, lx, ly, lw, lh);
      }
  /* And it covers its own rectangle (what of it lies in the drawing). */
  g_assert_cmpuint (inside, ==, (guint) (lw * (MIN (ly + lh, HEIGHT) - MAX (ly, 0))));
  cairo_surface_destroy (surface);
}

static void
test_clip (Fixture       *fixture,
           gconstpointer  data)
{
  /* Marks right at the edges of the lanes' area, half out. */
  fixture->viewport.start = at ("2022-08-17T18:00:00+08:00");
  fixture->viewport.end = at ("2022-08-20T12:00:00+08:00");
  for (guint lane = 0; lane < 5; lane++)
    check_lane_clip (fixture, lane);
  fixture->viewport.scroll_y = 70;
  check_lane_clip (fixture, 0);
  check_lane_clip (fixture, 4);
}

static void
test_scroll (Fixture       *fixture,
             gconstpointer  data)
{
  SitroomTimelineRenderer *r = fixture->renderer;
  double lane_h = sitroom_timeline_renderer_get_lane_height (r);
  double axis_h = sitroom_timeline_renderer_get_axis_height (r);
  int yuxian = chain_index (fixture, "0818-yuxian");
  cairo_surface_t *top, *scrolled;
  SitroomTimelineHit hit;
  SitroomColor mark;
  double x, y;

  sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &mark);
  event_point (fixture, yuxian, 0, &x, &y);
  top = render (fixture);
  g_assert_true (same_color (top, x, y, &mark));

  /* One lane and a bit down: Yu County's lane is the first below the axis,
   * 8·17's is under the axis row and cut at its edge. */
  fixture->viewport.scroll_y = lane_h + 10;
  scrolled = render (fixture);
  g_assert_true (same_color (scrolled, x, y - lane_h - 10, &mark));
  for (int py = 0; py < axis_h; py++)
    for (int px = 0; px < WIDTH; px++)
      g_assert_cmphex (pixel (top, px, py), ==, pixel (scrolled, px, py));
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

static void
test_dim (Fixture       *fixture,
          gconstpointer  data)
{
  int pingyao = chain_index (fixture, "0819-pingyao");
  const SitroomChain *chain = sitroom_situation_get_chain (fixture->situation, pingyao);
  int last = (int) chain->n_events - 1;
  const TimelinePalette *palette = sitroom_timeline_palette (SITROOM_STYLE_LIGHT);
  cairo_surface_t *before, *after, *again;
  SitroomColor mark;
  double x, y, sx, sy;
  guint32 dimmed;

  sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &mark);
  event_point (fixture, pingyao, last, &x, &y);
  /* A point inside Pingyao's static management span, after 12:00. */
  sx = time_x (fixture, at ("2022-08-20T11:00:00+08:00"));
  sy = lane_top (fixture, 4) + TIMELINE_MEASURE_TOP + 2;
  before = render (fixture);
  g_assert_true (same_color (before, x, y, &mark));

  /* At 23:00 on 19 August the last event (10:00 on the 20th) is still to
   * come: drawn fainter, nearer the background. */
  set_cutoff (fixture, at ("2022-08-19T23:00:00+08:00"));
  after = render (fixture);
  g_assert_false (same_color (after, x, y, &mark));
  dimmed = pixel (after, (int) x, (int) y);
  g_assert_cmpint ((int) ((dimmed >> 8) & 0xff), >, (int) lround (mark.green * 255) + 60);
  g_assert_false (same_color (after, x, y, &palette->background));
  g_assert_cmphex (pixel (before, (int) sx, (int) sy), !=, pixel (after, (int) sx, (int) sy));

  /* Back at as_of, as before, the situation's index kept. */
  set_cutoff (fixture, sitroom_situation_get_as_of (fixture->situation));
  again = render (fixture);
  g_assert_cmphex (pixel (again, (int) x, (int) y), ==, pixel (before, (int) x, (int) y));
  g_assert_cmphex (pixel (again, (int) sx, (int) sy), ==, pixel (before, (int) sx, (int) sy));
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
label_pixels (Fixture *fixture)
{
  cairo_surface_t *surface = render (fixture);
  GByteArray *out = g_byte_array_new ();

  for (int y = 0; y < (int) (lane_top (fixture, 1)); y++)
    g_byte_array_append (out, cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface),
                         (guint) label_width (fixture) * 4);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
test_languages (Fixture       *fixture,
                gconstpointer  data)
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
  g_assert_cmpstr (layout_text (r->corner), ==, "传播链");
  g_assert_cmpstr (layout_text (r->handle_label), ==, "8月20日 13:00");
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
  set_cutoff (fixture, at ("2022-08-19T23:00:00+08:00"));
  g_bytes_unref (label_pixels (fixture));
  g_assert_cmpstr (layout_text (yanhu->status_text), ==, "not started");
  g_assert_cmpstr (layout_text (yanhu->count), ==, "0 positives");
  g_assert_cmpstr (layout_text (z22->count), ==, "7 positives");
  fixture->options.close_days = 1;
  fixture->options.lang = "zh";
  sitroom_timeline_renderer_set_options (r, &fixture->options);
  set_cutoff (fixture, at ("2022-08-20T16:00:00+08:00"));
  g_bytes_unref (label_pixels (fixture));
  g_assert_cmpstr (layout_text (z22->status_text), ==, "已结束");
  g_assert_cmpstr (layout_text (yanhu->status_text), ==, "活跃");
  set_cutoff (fixture, at ("2022-08-19T23:00:00+08:00"));
  g_bytes_unref (label_pixels (fixture));
  g_assert_cmpstr (layout_text (yanhu->status_text), ==, "未开始");
}

static void
test_styles (Fixture       *fixture,
             gconstpointer  data)
{
  int z22 = chain_index (fixture, "0817-z22");
  double below = sitroom_timeline_renderer_get_axis_height (fixture->renderer) +
                 sitroom_timeline_renderer_get_content_height (fixture->renderer) + 20;
  cairo_surface_t *light, *dark;
  SitroomColor light_mark, dark_mark;
  double x, y;

  g_assert_cmpfloat (below, <, HEIGHT);
  event_point (fixture, z22, quarantine_event (fixture), &x, &y);
  light = render (fixture);
  fixture->options.style = SITROOM_STYLE_DARK;
  sitroom_timeline_renderer_set_options (fixture->renderer, &fixture->options);
  dark = render (fixture);

  g_assert_true (same_color (light, 600, below, &sitroom_timeline_palette (SITROOM_STYLE_LIGHT)->background));
  g_assert_true (same_color (dark, 600, below, &sitroom_timeline_palette (SITROOM_STYLE_DARK)->background));
  sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &light_mark);
  sitroom_timeline_event_color (SITROOM_STYLE_DARK, &dark_mark);
  g_assert_true (same_color (light, x, y, &light_mark));
  g_assert_true (same_color (dark, x, y, &dark_mark));
  g_assert_false (same_color (dark, x, y, &light_mark));
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
test_selected (Fixture       *fixture,
               gconstpointer  data)
{
  const TimelinePalette *palette = sitroom_timeline_palette (SITROOM_STYLE_LIGHT);
  double y1 = lane_top (fixture, 1) + 4, y2 = lane_top (fixture, 2) + 4;
  cairo_surface_t *plain, *selected;

  plain = render (fixture);
  fixture->options.selected_chain = 1;
  sitroom_timeline_renderer_set_options (fixture->renderer, &fixture->options);
  selected = render (fixture);
  /* The selected lane is tinted, with a bar at its left; the others are not. */
  g_assert_cmphex (pixel (plain, 1, (int) y1), !=, pixel (selected, 1, (int) y1));
  g_assert_true (same_color (selected, 1, y1, &palette->selected));
  g_assert_cmphex (pixel (plain, WIDTH - 3, (int) y1 + 30), !=, pixel (selected, WIDTH - 3, (int) y1 + 30));
  g_assert_cmphex (pixel (plain, WIDTH - 3, (int) y2), ==, pixel (selected, WIDTH - 3, (int) y2));
  g_assert_cmphex (pixel (plain, 1, (int) y2), ==, pixel (selected, 1, (int) y2));
  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
}

/* One chain of 500 hourly events and 3000 cases ten minutes apart. */
static SitroomSituation *
long_chain (gint64 *origin)
{
  gint64 t0 = at ("2022-07-01T00:00:00+08:00");
  GString *doc = g_string_new ("{\"format\": \"sitroom/1\", \"as_of\": ");
  g_autofree char *as_of = sitroom_time_format (t0 + 3000 * 600, SITROOM_CST_OFFSET);
  g_autofree char *first = sitroom_time_format (t0, SITROOM_CST_OFFSET);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation;

  g_string_append_printf (doc, "\"%s\", \"chains\": [{\"id\": \"x\", \"label\": \"X\", \"title\": {\"zh\": \"长链\"},"
                          " \"first_reported\": \"%s\", \"events\": [", as_of, first);
  for (int i = 0; i < 500; i++)
    {
      g_autofree char *time = sitroom_time_format (t0 + i * 3600, SITROOM_CST_OFFSET);

      g_string_append_printf (doc, "%s{\"at\": \"%s\", \"kind\": \"quarantine\", \"region\": \"140100\"}",
                              i > 0 ? "," : "", time);
    }
  g_string_append (doc, "]}], \"cases\": [");
  for (int i = 0; i < 3000; i++)
    {
      g_autofree char *time = sitroom_time_format (t0 + i * 600, SITROOM_CST_OFFSET);

      g_string_append_printf (doc, "%s{\"id\": \"k%d\", \"reported_at\": \"%s\", \"region\": \"140100\","
                              " \"chain\": \"x\", \"classification\": \"mild\", \"status\": \"hospitalized\"}",
                              i > 0 ? "," : "", i, time);
    }
  g_string_append (doc, "]}");
  bytes = g_string_free_to_bytes (doc);
  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  *origin = t0;
  return situation;
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
  Walk walk = { r, g_array_new (FALSE, FALSE, sizeof (Tick)) };
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
                               lw, viewport.width, collect, &walk);
  /* Only the cases of the window, each on its own: 60 ten-minute steps and both ends. */
  g_assert_cmpuint (walk.ticks->len, ==, 61);
  for (guint i = 0; i < walk.ticks->len; i++)
    {
      const Tick *tick = &g_array_index (walk.ticks, Tick, i);
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

      g_assert_true (same_color (surface, MIN (x, viewport.width - 1), axis_h + TIMELINE_MARK_Y, &mark));
      drawn++;
    }
  g_assert_cmpuint (drawn, ==, 11);
  for (guint i = 0; i < walk.ticks->len; i++)
    {
      const Tick *tick = &g_array_index (walk.ticks, Tick, i);

      if (tick->rect[0] + 1 < viewport.width)
        g_assert_true (same_color (surface, tick->rect[0] + 1, tick->rect[1] + 4, &mild));
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
  g_assert_true (same_color (surface, 300, 150, &sitroom_timeline_palette (SITROOM_STYLE_LIGHT)->background));
  cairo_surface_destroy (surface);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/timeline/render/lanes", test_lanes);
  ADD ("/timeline/render/time-to-x", test_time_to_x);
  ADD ("/timeline/render/event-marks", test_event_marks);
  ADD ("/timeline/render/mark-shapes", test_mark_shapes);
  ADD ("/timeline/render/case-ticks", test_case_ticks);
  ADD ("/timeline/render/hit", test_hit);
  ADD ("/timeline/render/clip", test_clip);
  ADD ("/timeline/render/scroll", test_scroll);
  ADD ("/timeline/render/dim", test_dim);
  ADD ("/timeline/render/languages", test_languages);
  ADD ("/timeline/render/styles", test_styles);
  ADD ("/timeline/render/selected", test_selected);
  g_test_add_func ("/timeline/render/window", test_window);
  g_test_add_func ("/timeline/render/no-data", test_no_data);

  return g_test_run ();
}
