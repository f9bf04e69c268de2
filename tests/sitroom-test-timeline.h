/* Helpers the timeline renderer's tests share: the built-in demo laid out, drawn, its pixels, where things are. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-timeline-render-private.h"

G_BEGIN_DECLS

#define SITROOM_TEST_TIMELINE_WIDTH 1200
#define SITROOM_TEST_TIMELINE_HEIGHT 400

/* The built-in demo at its as_of, in the light style, in Chinese, over a
 * viewport of the size above showing the renderer's whole extent. */
typedef struct {
  SitroomSituation *situation;
  SitroomView *view;
  SitroomTimelineRenderer *renderer;
  SitroomTimelineOptions options;
  SitroomTimelineViewport viewport;
} SitroomTestTimeline;

void             sitroom_test_timeline_set_up    (SitroomTestTimeline *fixture,
                                                  gconstpointer        data);
void             sitroom_test_timeline_tear_down (SitroomTestTimeline *fixture,
                                                  gconstpointer        data);
/* Adds the test @func (SitroomTestTimeline *, gconstpointer) at @path, with the fixture above. */
#define SITROOM_TEST_TIMELINE_ADD(path, func) \
  g_test_add (path, SitroomTestTimeline, NULL, sitroom_test_timeline_set_up, func, sitroom_test_timeline_tear_down)

/* A new view of the same situation at @cutoff. */
void             sitroom_test_timeline_set_cutoff  (SitroomTestTimeline *fixture,
                                                    gint64               cutoff);
/* The whole timeline drawn into a new image of the size above. */
cairo_surface_t *sitroom_test_timeline_render      (SitroomTestTimeline *fixture);

/* The pixel as cairo stores it, premultiplied ARGB. */
guint32          sitroom_test_timeline_pixel       (cairo_surface_t     *surface,
                                                    int                  x,
                                                    int                  y);
/* Whether an opaque pixel has @color, give or take 2 in each channel. */
gboolean         sitroom_test_timeline_same_color  (cairo_surface_t     *surface,
                                                    double               x,
                                                    double               y,
                                                    const SitroomColor  *color);

/* The index of the chain @id, which must exist. */
int              sitroom_test_timeline_chain_index (SitroomTestTimeline *fixture,
                                                    const char          *id);
/* The 8·17 chain's quarantine of the 78 passengers. */
int              sitroom_test_timeline_quarantine_event (SitroomTestTimeline *fixture);
double           sitroom_test_timeline_label_width (SitroomTestTimeline *fixture);
/* Where @time is across the fixture's viewport. */
double           sitroom_test_timeline_time_x      (SitroomTestTimeline *fixture,
                                                    gint64               time);
/* Where @lane's top is in the fixture's viewport. */
double           sitroom_test_timeline_lane_top    (SitroomTestTimeline *fixture,
                                                    guint                lane);
/* Where an event's mark has its centre. */
void             sitroom_test_timeline_event_point (SitroomTestTimeline *fixture,
                                                    int                  chain,
                                                    int                  event,
                                                    double              *x,
                                                    double              *y);

/* A case's tick as the renderer lays it out: the case and its rectangle. */
typedef struct {
  int kase;
  double rect[4];
} SitroomTestTick;

/* What sitroom_test_timeline_collect() fills in. */
typedef struct {
  SitroomTimelineRenderer *renderer;
  GArray *ticks;                /* SitroomTestTick */
} SitroomTestWalk;

/* A callback for sitroom_timeline_walk_cases(): @data is a SitroomTestWalk. */
void             sitroom_test_timeline_collect     (guint                position,
                                                    const double        *rect,
                                                    gpointer             data);
/* The ticks of @chain's lane as the renderer lays them out: SitroomTestTick. */
GArray          *sitroom_test_timeline_walk_ticks  (SitroomTestTimeline *fixture,
                                                    int                  chain);

G_END_DECLS
