/* Helpers the timeline renderer's tests share: the built-in demo laid out, drawn, its pixels, where things are. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-timeline.h"

#include <math.h>
#include <stdlib.h>

#include "sitroom-source.h"
#include "sitroom-time.h"

void
sitroom_test_timeline_set_up (SitroomTestTimeline *fixture,
                              gconstpointer        data)
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
  fixture->viewport = (SitroomTimelineViewport) { 0, 0, SITROOM_TEST_TIMELINE_WIDTH, SITROOM_TEST_TIMELINE_HEIGHT, 0 };
  sitroom_timeline_renderer_get_extent (fixture->renderer, &fixture->viewport.start, &fixture->viewport.end);
}

void
sitroom_test_timeline_tear_down (SitroomTestTimeline *fixture,
                                 gconstpointer        data)
{
  sitroom_timeline_renderer_free (fixture->renderer);
  g_object_unref (fixture->view);
  g_object_unref (fixture->situation);
}

void
sitroom_test_timeline_set_cutoff (SitroomTestTimeline *fixture,
                                  gint64               cutoff)
{
  g_object_unref (fixture->view);
  fixture->view = sitroom_view_new (fixture->situation, cutoff, -1, -1);
  sitroom_timeline_renderer_set_data (fixture->renderer, fixture->view);
}

cairo_surface_t *
sitroom_test_timeline_render (SitroomTestTimeline *fixture)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SITROOM_TEST_TIMELINE_WIDTH,
                                                         SITROOM_TEST_TIMELINE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  sitroom_timeline_renderer_draw (fixture->renderer, cr, &fixture->viewport);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

guint32
sitroom_test_timeline_pixel (cairo_surface_t *surface,
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

gboolean
sitroom_test_timeline_same_color (cairo_surface_t    *surface,
                                  double              x,
                                  double              y,
                                  const SitroomColor *color)
{
  guint32 p = sitroom_test_timeline_pixel (surface, (int) floor (x), (int) floor (y));

  return (p >> 24) == 0xff &&
         abs ((int) ((p >> 16) & 0xff) - (int) lround (color->red * 255)) <= 2 &&
         abs ((int) ((p >> 8) & 0xff) - (int) lround (color->green * 255)) <= 2 &&
         abs ((int) (p & 0xff) - (int) lround (color->blue * 255)) <= 2;
}

int
sitroom_test_timeline_chain_index (SitroomTestTimeline *fixture,
                                   const char          *id)
{
  int index = sitroom_situation_lookup_chain (fixture->situation, id);

  g_assert_cmpint (index, >=, 0);
  return index;
}

int
sitroom_test_timeline_quarantine_event (SitroomTestTimeline *fixture)
{
  int z22 = sitroom_test_timeline_chain_index (fixture, "0817-z22");
  const SitroomChain *chain = sitroom_situation_get_chain (fixture->situation, z22);

  for (guint i = 0; i < chain->n_events; i++)
    if (chain->events[i].kind == SITROOM_EVENT_QUARANTINE && chain->events[i].people == 78)
      return (int) i;
  g_assert_not_reached ();
}

double
sitroom_test_timeline_label_width (SitroomTestTimeline *fixture)
{
  return sitroom_timeline_renderer_get_label_width (fixture->renderer);
}

double
sitroom_test_timeline_time_x (SitroomTestTimeline *fixture,
                              gint64               time)
{
  return sitroom_timeline_viewport_time_to_x (&fixture->viewport, sitroom_test_timeline_label_width (fixture), time);
}

double
sitroom_test_timeline_lane_top (SitroomTestTimeline *fixture,
                                guint                lane)
{
  double y;

  sitroom_timeline_renderer_get_lane_rect (fixture->renderer, &fixture->viewport, lane, NULL, &y, NULL, NULL);
  return y;
}

void
sitroom_test_timeline_event_point (SitroomTestTimeline *fixture,
                                   int                  chain,
                                   int                  event,
                                   double              *x,
                                   double              *y)
{
  *x = sitroom_test_timeline_time_x (fixture, sitroom_situation_get_chain (fixture->situation, chain)->events[event].at);
  *y = sitroom_test_timeline_lane_top (fixture, chain) + TIMELINE_MARK_Y;
}

void
sitroom_test_timeline_collect (guint         position,
                               const double *rect,
                               gpointer      data)
{
  SitroomTestWalk *walk = data;
  SitroomTestTick tick = { walk->renderer->case_ids[position], { rect[0], rect[1], rect[2], rect[3] } };

  g_array_append_val (walk->ticks, tick);
}

GArray *
sitroom_test_timeline_walk_ticks (SitroomTestTimeline *fixture,
                                  int                  chain)
{
  SitroomTestWalk walk = { fixture->renderer, g_array_new (FALSE, FALSE, sizeof (SitroomTestTick)) };
  const TimelineLane *lane = &g_array_index (fixture->renderer->lanes, TimelineLane, chain);

  sitroom_timeline_walk_cases (fixture->renderer, &fixture->viewport, lane, sitroom_test_timeline_lane_top (fixture, chain),
                               sitroom_test_timeline_label_width (fixture), SITROOM_TEST_TIMELINE_WIDTH,
                               sitroom_test_timeline_collect, &walk);
  return walk.ticks;
}
