/* What is under the pointer on the timeline: an event's mark, a case's tick, a measure, the cutoff's handle, a lane. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-timeline-render-private.h"

/* How far (x, y) is from a rectangle; 0 inside. */
static double
rect_distance (double x,
               double y,
               double rx,
               double ry,
               double rw,
               double rh)
{
  double dx = MAX (MAX (rx - x, x - (rx + rw)), 0);
  double dy = MAX (MAX (ry - y, y - (ry + rh)), 0);

  return hypot (dx, dy);
}

static int
nearest_event (SitroomTimelineRenderer       *self,
               const SitroomTimelineViewport *viewport,
               const TimelineLane            *lane,
               double                         lane_y,
               double                         x,
               double                         y)
{
  const SitroomChain *chain = sitroom_situation_get_chain (self->situation, lane->chain);
  double ts = sitroom_timeline_scale (self);
  double my = lane_y + TIMELINE_MARK_Y * ts;
  double reach = TIMELINE_HIT_PIXELS + TIMELINE_MARK_SIZE * ts;
  double x0, x1, best = TIMELINE_HIT_PIXELS;
  gint64 lo, hi;
  int found = -1;

  sitroom_timeline_area (self, viewport, &x0, &x1);
  lo = sitroom_timeline_viewport_x_to_time (viewport, x0, x - reach);
  hi = sitroom_timeline_viewport_x_to_time (viewport, x0, x + reach);
  for (guint i = sitroom_timeline_events_lower_bound (chain->events, chain->n_events, lo);
       i < chain->n_events && chain->events[i].at <= hi; i++)
    {
      double mx = sitroom_timeline_viewport_time_to_x (viewport, x0, chain->events[i].at);
      double hw, hh, d;

      sitroom_timeline_mark_extent (self, chain->events[i].kind, &hw, &hh);
      d = rect_distance (x, y, mx - hw, my - hh, 2 * hw, 2 * hh);
      /* The later of two equally near is drawn on top. */
      if (d <= best)
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

typedef struct {
  double x;
  double y;
  double best;
  int found;                    /* a place in the renderer's case arrays */
} NearestCase;

static void
visit_case (guint         position,
            const double *rect,
            gpointer      data)
{
  NearestCase *nearest = data;
  double d = rect_distance (nearest->x, nearest->y, rect[0], rect[1], rect[2], rect[3]);

  if (d <= nearest->best)
    {
      nearest->best = d;
      nearest->found = (int) position;
    }
}

static int
nearest_case (SitroomTimelineRenderer       *self,
              const SitroomTimelineViewport *viewport,
              const TimelineLane            *lane,
              double                         lane_y,
              double                         x,
              double                         y)
{
  double reach = TIMELINE_HIT_PIXELS + TIMELINE_TICK_WIDTH * sitroom_timeline_scale (self);
  NearestCase nearest = { x, y, TIMELINE_HIT_PIXELS, -1 };
  double x0, x1;

  sitroom_timeline_area (self, viewport, &x0, &x1);
  sitroom_timeline_walk_cases (self, viewport, lane, lane_y, MAX (x - reach, x0 - reach),
                               MIN (x + reach, x1 + reach), visit_case, &nearest);
  return nearest.found >= 0 ? self->case_ids[nearest.found] : -1;
}

/* The measure drawn last under (x, y): the one on top. */
static int
measure_at (SitroomTimelineRenderer       *self,
            const SitroomTimelineViewport *viewport,
            double                         lane_y,
            double                         x,
            double                         y)
{
  int found = -1;

  for (guint i = 0; i < self->measures->len; i++)
    {
      const TimelineMeasure *m = &g_array_index (self->measures, TimelineMeasure, i);
      double rect[4];

      if (sitroom_timeline_measure_rect (self, viewport, m, lane_y, rect) &&
          x >= rect[0] && x <= rect[0] + rect[2] && y >= rect[1] && y <= rect[1] + rect[3])
        found = m->measure;
    }
  return found;
}

void
sitroom_timeline_renderer_hit (SitroomTimelineRenderer       *self,
                               const SitroomTimelineViewport *viewport,
                               double                         x,
                               double                         y,
                               SitroomTimelineHit            *hit)
{
  double axis_h, lane_h, lane_y, x0, x1;
  const TimelineLane *lane;
  int index;
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (hit != NULL);

  *hit = (SitroomTimelineHit) { SITROOM_TIMELINE_HIT_NONE, -1, -1 };
  if (self->view == NULL || x < 0 || x > viewport->width || y < 0 || y > viewport->height)
    return;

  sitroom_timeline_text_update (self, NULL);
  axis_h = sitroom_timeline_renderer_get_axis_height (self);
  lane_h = sitroom_timeline_renderer_get_lane_height (self);
  sitroom_timeline_area (self, viewport, &x0, &x1);

  if (y < axis_h)
    {
      double cx = sitroom_timeline_viewport_time_to_x (viewport, x0, self->handle_cutoff);
      double hx, hy, hw, hh;

      if (self->handle_cutoff == SITROOM_TIME_NONE || cx < x0 || cx > x1)
        return;
      sitroom_timeline_handle_rect (self, viewport, self->handle_cutoff, &hx, &hy, &hw, &hh);
      if (rect_distance (x, y, hx, hy, hw, hh) <= 2)
        hit->kind = SITROOM_TIMELINE_HIT_CUTOFF;
      return;
    }

  n = (guint) floor ((y - axis_h + viewport->scroll_y) / lane_h);
  if (y - axis_h + viewport->scroll_y < 0 || n >= self->lanes->len)
    return;
  lane = &g_array_index (self->lanes, TimelineLane, n);
  lane_y = axis_h + n * lane_h - viewport->scroll_y;
  hit->kind = SITROOM_TIMELINE_HIT_LANE;
  hit->chain = lane->chain;
  hit->index = (int) n;
  if (x < x0)
    return;

  if (lane->chain < 0)
    {
      if ((index = measure_at (self, viewport, lane_y, x, y)) >= 0)
        {
          hit->kind = SITROOM_TIMELINE_HIT_MEASURE;
          hit->index = index;
        }
      return;
    }

  if ((index = nearest_event (self, viewport, lane, lane_y, x, y)) >= 0)
    {
      hit->kind = SITROOM_TIMELINE_HIT_EVENT;
      hit->index = index;
    }
  else if ((index = nearest_case (self, viewport, lane, lane_y, x, y)) >= 0)
    {
      hit->kind = SITROOM_TIMELINE_HIT_CASE;
      hit->index = index;
    }
}
