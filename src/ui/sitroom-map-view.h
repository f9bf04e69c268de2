/* The Map page: libshumate's map with the regions drawn over it, tiles as an option, the region panel beside it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-application.h"
#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_MAP_VIEW (sitroom_map_view_get_type ())

G_DECLARE_FINAL_TYPE (SitroomMapView, sitroom_map_view, SITROOM, MAP_VIEW, GtkWidget)

/* The figures, cutoff and selection shown, shared with the other pages. */
SitroomContext     *sitroom_map_view_get_context     (SitroomMapView     *self);
void                sitroom_map_view_set_context     (SitroomMapView     *self,
                                                      SitroomContext     *context);

/* Where the outlines (and their error) and the settings come from. Without
 * one the map draws the built-in outlines, no tiles, and keeps its metric to
 * itself. */
SitroomApplication *sitroom_map_view_get_application (SitroomMapView     *self);
void                sitroom_map_view_set_application (SitroomMapView     *self,
                                                      SitroomApplication *application);

/* Whether the metric and chain choices and the zoom buttons are over the
 * map (property "controls-visible", TRUE): a wall display, which nobody
 * touches, shows the map alone. */
gboolean            sitroom_map_view_get_controls_visible (SitroomMapView *self);
void                sitroom_map_view_set_controls_visible (SitroomMapView *self,
                                                           gboolean        visible);

/* The text_scale the map is drawn with: the page's CSS font size over a
 * desk's, 1 on a desk (see sitroom_format_text_scale()). */
double              sitroom_map_view_get_text_scale  (SitroomMapView     *self);

G_END_DECLS
