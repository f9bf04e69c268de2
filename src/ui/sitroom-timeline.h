/* The chains on one time axis: a widget drawn by the shared timeline renderer, zoomed and panned, with a cutoff line that can be dragged. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_TIMELINE (sitroom_timeline_get_type ())

G_DECLARE_FINAL_TYPE (SitroomTimeline, sitroom_timeline, SITROOM, TIMELINE, GtkWidget)

/* Follows @context: its view (the situation and the cutoff), its selected
 * chain (the highlighted lane) and its language. Dragging the cutoff line
 * sets the context's cutoff; clicking a lane selects its chain; activating
 * an event (click or Return on it) emits "event-activated" (chain index,
 * event index).
 *
 * Properties: "context", "close-days" (guint, the chain-closing rule),
 * "start" and "end" (gint64, the visible time window; notified as it
 * zooms and pans).
 *
 * Ctrl+scroll and a pinch zoom about the pointer; a horizontal or
 * Shift+scroll, a drag on empty space and Left/Right pan; +/- zoom, Home
 * fits the story, Up/Down select the next chain. When the lanes do not
 * fit, the wheel scrolls through them inside the widget, under an axis
 * row that stays put: it is not a GtkScrollable, and needs no scrolled
 * window around it. */
GtkWidget *sitroom_timeline_new            (SitroomContext  *context);
SitroomContext *sitroom_timeline_get_context (SitroomTimeline *self);
void       sitroom_timeline_set_context    (SitroomTimeline *self,
                                            SitroomContext  *context);
void       sitroom_timeline_set_close_days (SitroomTimeline *self,
                                            guint            close_days);
/* Shows the times @start to @end (zoom and pan). */
void       sitroom_timeline_set_window     (SitroomTimeline *self,
                                            gint64           start,
                                            gint64           end);
void       sitroom_timeline_get_window     (SitroomTimeline *self,
                                            gint64          *start,
                                            gint64          *end);
/* Shows the whole story. */
void       sitroom_timeline_zoom_to_fit    (SitroomTimeline *self);

/* The text_scale it draws with: its CSS font size over a desk's, 1 on a
 * desk (see sitroom_format_text_scale()); the lanes, the axis and the
 * labels' column are that much larger. */
double     sitroom_timeline_get_text_scale (SitroomTimeline *self);

G_END_DECLS
