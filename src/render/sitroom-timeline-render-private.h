/* The timeline renderer's insides, shared by its files and read by its test: lanes, indexes, palette, sizes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-chains.h"
#include "sitroom-chart-style.h"
#include "sitroom-render-text.h"
#include "sitroom-time-axis.h"
#include "sitroom-timeline-render.h"

G_BEGIN_DECLS

/* Sizes in pixels at a text scale of 1; everything scales with it. */
#define TIMELINE_AXIS_HEIGHT 40.0
#define TIMELINE_LANE_HEIGHT 48.0
#define TIMELINE_LABEL_WIDTH 200.0
/* From the label to its status word: room for the status dot. */
#define TIMELINE_STATUS_INDENT 18.0
/* Event marks: their size and the height of their centre in a lane. */
#define TIMELINE_MARK_SIZE 10.0
#define TIMELINE_MARK_Y 17.0
/* Case ticks: width, height, where the lowest ends in a lane, how far up
 * each one more in the same tick-wide bin shows, and how many show. */
#define TIMELINE_TICK_WIDTH 3.0
#define TIMELINE_TICK_HEIGHT 9.0
#define TIMELINE_TICK_BOTTOM 42.0
#define TIMELINE_TICK_STEP 3.0
#define TIMELINE_TICK_STACK 4
/* Measures: rows of spans in their lane. */
#define TIMELINE_MEASURE_ROWS 3
#define TIMELINE_MEASURE_TOP 4.0
#define TIMELINE_MEASURE_ROW 13.0
#define TIMELINE_MEASURE_GAP 1.0
/* A mark is hit within this distance of its shape. */
#define TIMELINE_HIT_PIXELS 6.0
/* What comes after the view's cutoff is drawn at this opacity. */
#define TIMELINE_DIM_ALPHA 0.3

/* One lane. A chain's cases are a run of the renderer's case arrays. */
typedef struct {
  int chain;                    /* -1 for the lane of measures */
  guint first_case;
  guint n_cases;
  /* At the view's cutoff, found when the lane is first drawn. */
  gboolean state_valid;
  SitroomChainStatus status;
  guint n_positives;            /* its cases reported by the cutoff, whatever the filters;
                                 * for the measures' lane, how many are in force */
  /* Laid out when first drawn: label and title kept across views of one
   * situation, the status and the count of positives per view. The
   * measures' lane has a name, and as its status how many are in force. */
  PangoLayout *name;
  PangoLayout *title;
  PangoLayout *status_text;
  PangoLayout *count;
  gboolean texts_valid;         /* status and count are the view's */
  gboolean count_below;         /* the positives at the end of line two, not line one */
} TimelineLane;

typedef struct {
  int measure;                  /* index in the situation */
  gint64 from;
  gint64 until;                 /* its end, or the document's as_of while in force */
  guint row;
} TimelineMeasure;

/* The lanes' colours shared with the measures chart
 * (sitroom-chart-style.h), by name or as a whole, and the timeline's. */
typedef struct {
  union {
    SitroomLaneColors lane;
    struct { SITROOM_LANE_COLOR_MEMBERS };
  };
  SitroomColor background;
  SitroomColor panel;           /* the axis row and the label column */
  SitroomColor mark;            /* events */
  SitroomColor history;         /* events of a chain not started by the cutoff */
} TimelinePalette;

struct _SitroomTimelineRenderer {
  SitroomView *view;
  SitroomSituation *situation;  /* what the lanes and indexes below were built for */

  SitroomTimelineOptions options; /* lang points at the copy below */
  char *lang;

  GArray *lanes;                /* TimelineLane: the chains in document order, then the measures */
  /* Every case that has a chain, grouped by chain, in reported order
   * within each group: what the lanes binary-search. */
  gint64 *case_times;
  int *case_ids;
  guint8 *case_classes;
  GArray *measures;             /* TimelineMeasure, by start */
  GPtrArray *measure_labels;    /* PangoLayout or NULL, parallel to measures */

  PangoContext *pango;
  PangoLayout *corner;
  double status_width;          /* the widest status word's, 0 until measured */
  GHashTable *tick_labels;      /* label -> PangoLayout */
  GArray *ticks;                /* SitroomTick for the key below */
  gint64 ticks_start;
  gint64 ticks_end;
  double ticks_width;

  /* The cutoff's handle as last drawn (the view's cutoff before that). */
  gint64 handle_cutoff;
  PangoLayout *handle_label;
  gint64 handle_label_time;

  /* Scratch for one lane's case ticks: rectangles per opacity and class. */
  GArray *tick_rects[2][SITROOM_N_CLASSES];

  /* Marks and ticks as glyphs, for drawing into pixels. */
  cairo_font_face_t *mark_font;
  /* For the test: marks and ticks as paths into pixels too, as into a document. */
  gboolean marks_as_paths;
};

/* sitroom-timeline-render-style.c */
const TimelinePalette *sitroom_timeline_palette (SitroomStyle             style);

/* sitroom-timeline-render.c */
double   sitroom_timeline_scale           (SitroomTimelineRenderer       *self);
gboolean sitroom_timeline_is_chinese      (SitroomTimelineRenderer       *self);
/* The first of @n sorted times at or after @t. */
guint    sitroom_timeline_lower_bound     (const gint64                  *times,
                                           guint                          n,
                                           gint64                         t);
guint    sitroom_timeline_events_lower_bound (const SitroomEvent         *events,
                                              guint                       n,
                                              gint64                      t);
/* The lanes' area: from the label column to the right edge. */
void     sitroom_timeline_area            (SitroomTimelineRenderer       *self,
                                           const SitroomTimelineViewport *viewport,
                                           double                        *x0,
                                           double                        *x1);
/* The state of a lane at the view's cutoff, found once per view. */
void     sitroom_timeline_lane_ensure_state (SitroomTimelineRenderer     *self,
                                             TimelineLane                *lane);

/* sitroom-timeline-render-text.c: the words, in zh or en, laid out once. */
PangoLayout *sitroom_timeline_new_layout  (SitroomTimelineRenderer       *self,
                                           double                         pixels,
                                           gboolean                       bold,
                                           const char                    *text);
void     sitroom_timeline_text_update     (SitroomTimelineRenderer       *self,
                                           cairo_t                       *cr);
void     sitroom_timeline_text_clear      (SitroomTimelineRenderer       *self);
void     sitroom_timeline_clear_status_texts (SitroomTimelineRenderer    *self);
void     sitroom_timeline_lane_ensure_texts (SitroomTimelineRenderer     *self,
                                             TimelineLane                *lane);
PangoLayout *sitroom_timeline_measure_label (SitroomTimelineRenderer     *self,
                                             guint                        index);
PangoLayout *sitroom_timeline_tick_label  (SitroomTimelineRenderer       *self,
                                           const char                    *label);
PangoLayout *sitroom_timeline_corner_label (SitroomTimelineRenderer      *self);
PangoLayout *sitroom_timeline_handle_label (SitroomTimelineRenderer      *self,
                                            gint64                        cutoff);
/* The handle's words for @cutoff in @lang ("zh" or "en"). */
char        *sitroom_timeline_format_handle (gint64                       cutoff,
                                             const char                  *lang);
/* The ticks for @viewport, kept while it spans the same times. */
const GArray *sitroom_timeline_ticks      (SitroomTimelineRenderer       *self,
                                           const SitroomTimelineViewport *viewport);

/* sitroom-timeline-render-lane.c: one lane. */
void     sitroom_timeline_draw_chain_lane (SitroomTimelineRenderer       *self,
                                           cairo_t                       *cr,
                                           const SitroomTimelineViewport *viewport,
                                           TimelineLane                  *lane,
                                           double                         lane_y);
void     sitroom_timeline_draw_measures_lane (SitroomTimelineRenderer    *self,
                                              cairo_t                    *cr,
                                              const SitroomTimelineViewport *viewport,
                                              double                      lane_y);
/* Where a lane's measure is drawn: FALSE when it is out of sight. */
gboolean sitroom_timeline_measure_rect    (SitroomTimelineRenderer       *self,
                                           const SitroomTimelineViewport *viewport,
                                           const TimelineMeasure         *measure,
                                           double                         lane_y,
                                           double                        *rect);

/* sitroom-timeline-render-marks.c: a chain's events and cases. */
void     sitroom_timeline_draw_events     (SitroomTimelineRenderer       *self,
                                           cairo_t                       *cr,
                                           const SitroomTimelineViewport *viewport,
                                           const TimelineLane            *lane,
                                           double                         lane_y);
void     sitroom_timeline_draw_cases      (SitroomTimelineRenderer       *self,
                                           cairo_t                       *cr,
                                           const SitroomTimelineViewport *viewport,
                                           const TimelineLane            *lane,
                                           double                         lane_y);
void     sitroom_timeline_mark_font_clear (SitroomTimelineRenderer       *self);
/* Calls @visit for each case tick of @lane drawn between @x0 and @x1, in
 * time order, with the case's place in the renderer's arrays and the
 * tick's rectangle (x, y, width, height). Ticks lie on bins a tick wide
 * from the lanes' left edge; cases in one bin stack up, and past
 * TIMELINE_TICK_STACK are not drawn. The draw and the hit test both walk
 * this way, so they agree on stacks. */
typedef void (*TimelineCaseVisit) (guint         position,
                                   const double *rect,
                                   gpointer      data);
void     sitroom_timeline_walk_cases      (SitroomTimelineRenderer       *self,
                                           const SitroomTimelineViewport *viewport,
                                           const TimelineLane            *lane,
                                           double                         lane_y,
                                           double                         x0,
                                           double                         x1,
                                           TimelineCaseVisit              visit,
                                           gpointer                       data);
/* Half the width and height of an event's mark. */
void     sitroom_timeline_mark_extent     (SitroomTimelineRenderer       *self,
                                           SitroomEventKind               kind,
                                           double                        *half_width,
                                           double                        *half_height);

/* sitroom-timeline-render-axis.c: the axis and the cutoff. */
void     sitroom_timeline_handle_rect     (SitroomTimelineRenderer       *self,
                                           const SitroomTimelineViewport *viewport,
                                           gint64                         cutoff,
                                           double                        *x,
                                           double                        *y,
                                           double                        *width,
                                           double                        *height);

G_END_DECLS
