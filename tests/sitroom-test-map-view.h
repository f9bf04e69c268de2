/* Helpers the Map page's tests share: a window on the built-in demo showing the map, waiting, finding. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sitroom-application.h"
#include "sitroom-map-view-private.h"
#include "sitroom-window.h"

G_BEGIN_DECLS

/* A 1600×1000 window on the built-in demo, in English, on its Map page
 * with the map fitted. Tear-down puts back the settings a test may change. */
typedef struct {
  SitroomApplication *app;      /* only as the loader and the default application */
  SitroomContext *context;
  SitroomWindow *window;
  SitroomMapView *view;
  SitroomMapLayer *layer;
} SitroomTestMapView;

typedef gboolean (*SitroomTestMapViewCondition) (SitroomTestMapView *fixture, gconstpointer data);

void       sitroom_test_map_view_set_up         (SitroomTestMapView *fixture,
                                                 gconstpointer       data);
void       sitroom_test_map_view_tear_down      (SitroomTestMapView *fixture,
                                                 gconstpointer       data);

/* Runs the main loop until @done holds, failing after ten seconds. */
void       sitroom_test_map_view_wait_for       (SitroomTestMapView          *fixture,
                                                 SitroomTestMapViewCondition  done,
                                                 gconstpointer                data);

/* The first widget of @type under @root; fails the test if there is none. */
GtkWidget *sitroom_test_map_view_find_type      (GtkWidget *root,
                                                 GType      type);
/* A match for sitroom_test_find_widget(): a mapped label reading @text. */
gboolean   sitroom_test_map_view_is_shown_label (GtkWidget     *widget,
                                                 gconstpointer  text);

/* The situation's index of the region with @code; fails the test if it has none. */
int        sitroom_test_map_view_region_of      (SitroomTestMapView *fixture,
                                                 const char         *code);
/* Where a WGS84 point is on the map layer now. */
void       sitroom_test_map_view_point_on_layer (SitroomTestMapView *fixture,
                                                 double              lon,
                                                 double              lat,
                                                 double             *x,
                                                 double             *y);

G_END_DECLS
