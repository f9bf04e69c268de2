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

G_END_DECLS
