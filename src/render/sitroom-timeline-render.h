/* The chains on one time axis, drawn with cairo for the screen and the exports alike: a lane per chain, its events, cases and measures, and the cutoff. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sitroom-classes.h"
#include "sitroom-view.h"

G_BEGIN_DECLS

/* The visible window of time and of lanes. The drawing is @width × @height
 * pixels: the axis along the top, a column of lane labels on the left, the
 * lanes below, scrolled down by @scroll_y pixels. */
typedef struct {
  gint64 start;           /* the time at the left edge of the lanes' area */
  gint64 end;             /* the time at the right edge */
  double width;
  double height;
  double scroll_y;
} SitroomTimelineViewport;

typedef struct {
  SitroomStyle style;
  const char *lang;       /* "zh" or "en" */
  int selected_chain;     /* highlighted lane, or -1 */
  guint close_days;       /* the chain-closing rule, for each lane's status (0: the default) */
  double text_scale;      /* 1 on a desk */
} SitroomTimelineOptions;

typedef enum {
  SITROOM_TIMELINE_HIT_NONE,
  SITROOM_TIMELINE_HIT_LANE,      /* a lane's label or empty part */
  SITROOM_TIMELINE_HIT_EVENT,     /* index: the event's index in its chain */
  SITROOM_TIMELINE_HIT_CASE,      /* index: the case's index in the situation */
  SITROOM_TIMELINE_HIT_MEASURE,   /* index: the measure's index in the situation */
  SITROOM_TIMELINE_HIT_CUTOFF,    /* the cutoff line's handle */
} SitroomTimelineHitKind;

typedef struct {
  SitroomTimelineHitKind kind;
  int chain;              /* the lane's chain, or -1 */
  int index;
} SitroomTimelineHit;

typedef struct _SitroomTimelineRenderer SitroomTimelineRenderer;

SitroomTimelineRenderer *sitroom_timeline_renderer_new   (void);
void                     sitroom_timeline_renderer_free  (SitroomTimelineRenderer *self);

/* Everything in @view's situation is drawn, up to its document's as_of;
 * what comes after @view's cutoff is dimmed. The view's filters do not
 * hide lanes, and a lane's status and positives are the whole chain's at
 * the cutoff. A new view drops whatever was laid out for the old cutoff;
 * a new view of the same situation keeps the per-chain indexes, so that
 * scrubbing the cutoff costs no more than a frame. */
void     sitroom_timeline_renderer_set_data    (SitroomTimelineRenderer       *self,
                                                SitroomView                   *view);
void     sitroom_timeline_renderer_set_options (SitroomTimelineRenderer       *self,
                                                const SitroomTimelineOptions  *options);

/* Lanes, one per chain in document order, then one lane of measures; their
 * fixed height; the axis height; the width of the label column. */
guint    sitroom_timeline_renderer_get_n_lanes      (SitroomTimelineRenderer *self);
double   sitroom_timeline_renderer_get_lane_height  (SitroomTimelineRenderer *self);
double   sitroom_timeline_renderer_get_axis_height  (SitroomTimelineRenderer *self);
double   sitroom_timeline_renderer_get_label_width  (SitroomTimelineRenderer *self);
/* The height all lanes need below the axis. */
double   sitroom_timeline_renderer_get_content_height (SitroomTimelineRenderer *self);
/* The whole story's time span (with a margin), for a first viewport. */
void     sitroom_timeline_renderer_get_extent       (SitroomTimelineRenderer *self,
                                                     gint64                  *start,
                                                     gint64                  *end);

/* Pixels ↔ time along the lanes' area. */
double   sitroom_timeline_viewport_time_to_x (const SitroomTimelineViewport *viewport,
                                              double                         label_width,
                                              gint64                         time);
gint64   sitroom_timeline_viewport_x_to_time (const SitroomTimelineViewport *viewport,
                                              double                         label_width,
                                              double                         x);

/* Drawing in parts, so that a widget can keep each part's render node:
 * the axis (ticks from sitroom_time_axis_ticks), one lane (its label,
 * status, events as marks shaped by kind, cases as ticks coloured by
 * classification, measures as spans), and the cutoff line with its handle.
 * Each draws only inside its own rectangle of the drawing. */
void     sitroom_timeline_renderer_draw_axis   (SitroomTimelineRenderer       *self,
                                                cairo_t                       *cr,
                                                const SitroomTimelineViewport *viewport);
void     sitroom_timeline_renderer_draw_lane   (SitroomTimelineRenderer       *self,
                                                cairo_t                       *cr,
                                                const SitroomTimelineViewport *viewport,
                                                guint                          lane);
void     sitroom_timeline_renderer_draw_cutoff (SitroomTimelineRenderer       *self,
                                                cairo_t                       *cr,
                                                const SitroomTimelineViewport *viewport,
                                                gint64                         cutoff);
/* The rectangle of @lane in the drawing (it may lie outside when scrolled). */
void     sitroom_timeline_renderer_get_lane_rect (SitroomTimelineRenderer       *self,
                                                  const SitroomTimelineViewport *viewport,
                                                  guint                          lane,
                                                  double                        *x,
                                                  double                        *y,
                                                  double                        *width,
                                                  double                        *height);
/* Everything, for exports: background, axis, the visible lanes, cutoff. */
void     sitroom_timeline_renderer_draw        (SitroomTimelineRenderer       *self,
                                                cairo_t                       *cr,
                                                const SitroomTimelineViewport *viewport);

/* What is at (x, y) of the drawing: the nearest mark within a few pixels
 * (events before cases), a measure's span, the cutoff's handle where the
 * last draw_cutoff put it (at the view's cutoff before any), else the lane
 * (index: the lane; chain -1 for the measures' lane). */
void     sitroom_timeline_renderer_hit (SitroomTimelineRenderer       *self,
                                        const SitroomTimelineViewport *viewport,
                                        double                         x,
                                        double                         y,
                                        SitroomTimelineHit            *hit);

/* The colours and shapes, for a legend. A case is a tick in its
 * classification's colour, an asymptomatic one hollow; events are marks
 * in one colour, shaped by kind; measures are spans coloured by kind. */
void     sitroom_timeline_case_color    (SitroomClassification  classification,
                                         SitroomStyle           style,
                                         SitroomColor          *color);
void     sitroom_timeline_event_color   (SitroomStyle           style,
                                         SitroomColor          *color);
void     sitroom_timeline_measure_color (SitroomMeasureKind     kind,
                                         SitroomStyle           style,
                                         SitroomColor          *color);
/* Appends the outline of an event mark of @size pixels centred at (x, y)
 * to @cr's path; TRUE when it is to be stroked (a note's ring) rather
 * than filled. */
gboolean sitroom_timeline_append_mark   (cairo_t               *cr,
                                         SitroomEventKind       kind,
                                         double                 x,
                                         double                 y,
                                         double                 size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomTimelineRenderer, sitroom_timeline_renderer_free)

G_END_DECLS
