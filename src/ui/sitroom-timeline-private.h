/* The timeline's insides: its state, shared by its files, and for the tests the viewport it draws, its renderer, how often it built each part, and the paths its controllers take. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-timeline-render.h"
#include "sitroom-timeline.h"

G_BEGIN_DECLS

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_CUTOFF,
} DragMode;

/* What a part's node was built for: a node whose key is unchanged is
 * appended again, so that GTK finds the same node and repaints nothing of
 * it. The serials count changes of the data (situation or cutoff) and of
 * the options that change every part (style, language, closing rule). */
typedef struct {
  gint64 start;
  gint64 end;
  int width;
  int height;                   /* the cutoff's only */
  int scroll_y;                 /* the cutoff's only */
  gint64 cutoff;                /* the cutoff's only */
  guint data_serial;
  guint options_serial;
} PartKey;

struct _SitroomTimeline
{
  GtkWidget parent_instance;

  SitroomContext *context;
  SitroomTimelineRenderer *renderer;
  SitroomView *view;
  SitroomSituation *situation;
  gint64 cutoff;                /* the view's */
  gint64 first_time;            /* the situation's first event or case */
  SitroomTimelineOptions options;
  guint data_serial;
  guint options_serial;

  gint64 start;
  gint64 end;
  gboolean has_window;          /* set by hand or fitted to the first data */
  double scroll_y;              /* whole pixels */
  GtkWidget *tip;               /* the tooltip's label, made on the first tooltip */

  /* One node per lane, kept while the key holds; a lane's highlight is
   * checked on its own, so that a new selection rebuilds two lanes. */
  GPtrArray *lane_nodes;        /* GskRenderNode or NULL, by lane */
  GArray *lane_selected;        /* gboolean, what each node was built with */
  PartKey lanes_key;
  GskRenderNode *axis_node;
  PartKey axis_key;
  GskRenderNode *cutoff_node;   /* NULL when the cutoff is out of the window */
  PartKey cutoff_key;
  gboolean cutoff_built;
  guint n_lane_builds;
  guint n_axis_builds;
  guint n_cutoff_builds;

  DragMode drag_mode;
  gboolean drag_moved;
  double press_x;
  double press_y;
  gint64 drag_start;
  gint64 drag_end;
  double drag_scroll_y;
  gint64 pinch_start;
  gint64 pinch_end;

  gboolean pointer_inside;
  double pointer_x;
  double pointer_y;
};

/* sitroom-timeline.c */
/* Shows @start to @end, notifying what changed. */
void     _sitroom_timeline_move_window        (SitroomTimeline    *self,
                                               gint64              start,
                                               gint64              end);
void     _sitroom_timeline_emit_event_activated (SitroomTimeline  *self,
                                                 int               chain,
                                                 int               event);

/* sitroom-timeline-nodes.c */
void     _sitroom_timeline_snapshot           (GtkWidget          *widget,
                                               GtkSnapshot        *snapshot);
void     _sitroom_timeline_clear_lane_nodes   (SitroomTimeline    *self);
void     _sitroom_timeline_clear_nodes        (SitroomTimeline    *self);

/* sitroom-timeline-input.c */
void     _sitroom_timeline_init_input         (SitroomTimeline    *self);
double   _sitroom_timeline_label_width        (SitroomTimeline    *self);
/* Scrolls the lanes, kept within what they need; TRUE when they moved. */
gboolean _sitroom_timeline_set_scroll         (SitroomTimeline    *self,
                                               double              scroll_y);
void     _sitroom_timeline_hit_at             (SitroomTimeline    *self,
                                               double              x,
                                               double              y,
                                               SitroomTimelineHit *hit);

/* sitroom-timeline-words.c */
void     _sitroom_timeline_update_accessible  (SitroomTimeline    *self);
gboolean _sitroom_timeline_query_tooltip      (GtkWidget          *widget,
                                               int                 x,
                                               int                 y,
                                               gboolean            keyboard_mode,
                                               GtkTooltip         *tooltip);

/* For the tests. */

/* What the widget draws now: its window of time, its size, its scroll. */
void                     sitroom_timeline_get_viewport (SitroomTimeline         *self,
                                                        SitroomTimelineViewport *viewport);
SitroomTimelineRenderer *sitroom_timeline_get_renderer (SitroomTimeline         *self);
/* Render nodes built since the widget was made: lanes, axis, cutoff. */
void                     sitroom_timeline_get_n_builds (SitroomTimeline         *self,
                                                        guint                   *lanes,
                                                        guint                   *axis,
                                                        guint                   *cutoff);

/* What the drag gesture passes on: a press at (x, y), the pointer moved
 * by (dx, dy) from there, and the release; a release within a few pixels
 * of the press is a click. */
void     sitroom_timeline_press        (SitroomTimeline *self,
                                        double           x,
                                        double           y);
void     sitroom_timeline_drag         (SitroomTimeline *self,
                                        double           dx,
                                        double           dy);
void     sitroom_timeline_release      (SitroomTimeline *self,
                                        double           dx,
                                        double           dy);
/* A scroll by (dx, dy) with the pointer at (x, y) and @state's modifiers,
 * in steps of a wheel when @wheel, else in pixels; TRUE when it was used. */
gboolean sitroom_timeline_scroll       (SitroomTimeline *self,
                                        double           x,
                                        double           y,
                                        double           dx,
                                        double           dy,
                                        GdkModifierType  state,
                                        gboolean         wheel);
/* A pinch: @scale from its start, about (x, y); begin with scale 1. */
void     sitroom_timeline_pinch        (SitroomTimeline *self,
                                        double           x,
                                        double           scale,
                                        gboolean         begin);
/* A key pressed while the timeline has the focus; TRUE when it was used. */
gboolean sitroom_timeline_key_pressed  (SitroomTimeline *self,
                                        guint            keyval,
                                        GdkModifierType  state);
/* The tooltip at (x, y), or NULL where there is none. */
char    *sitroom_timeline_describe_at  (SitroomTimeline *self,
                                        double           x,
                                        double           y);

G_END_DECLS
