/* The Map page's insides: its state, shared by its files, and the paths pointer and keyboard events take, for the tests. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "sitroom-map-layer.h"
#include "sitroom-map-view.h"
#include "sitroom-region-panel.h"

G_BEGIN_DECLS

struct _SitroomMapView
{
  GtkWidget parent_instance;

  SitroomContext *context;
  SitroomApplication *application;
  GSettings *settings;          /* the application's, or NULL */

  /* The whole province at the context's cutoff: the map colours every
   * prefecture whatever is selected. */
  SitroomSituation *situation;
  gint64 cutoff;
  SitroomView *view;
  SitroomBoundaries *boundaries;

  SitroomMapOptions options;
  char *approval_number;
  char *attribution;

  SitroomMapLayer *map_layer;
  ShumateMapLayer *tile_layer;
  char *tiles_error;
  ShumateMarkerLayer *marker_layer;
  GPtrArray *markers;           /* ShumateMarker, one per prefecture */

  /* Where the province was last fitted: while the map is still there, a
   * new size of the page fits it again. */
  gboolean fit_pending;
  guint fit_tick;
  double fitted_zoom, fitted_lat, fitted_lon;
  int width, height;            /* the page's, at the last allocation */

  gboolean syncing_chain;

  GtkWidget *box;
  GtkRevealer *problem_revealer;
  GtkLabel *boundaries_error_label;
  GtkLabel *tiles_error_label;
  ShumateMap *map;
  GtkWidget *controls_box;
  GtkDropDown *metric_dropdown;
  GtkDropDown *chain_dropdown;
  GtkRevealer *panel_revealer;
  SitroomRegionPanel *region_panel;
};

/* sitroom-map-view.c */
void                _sitroom_map_view_push_options      (SitroomMapView *self);

/* sitroom-map-view-words.c */
const char         *_sitroom_map_view_metric_name       (SitroomMetric   metric);
char               *_sitroom_map_view_region_tooltip    (SitroomMapView *self,
                                                         int             region);
void                _sitroom_map_view_update_labels     (SitroomMapView *self);

/* sitroom-map-view-input.c */
void                _sitroom_map_view_init_input        (SitroomMapView *self);
int                 _sitroom_map_view_marker_region     (GtkWidget      *marker);
void                _sitroom_map_view_rebuild_markers   (SitroomMapView *self);
void                _sitroom_map_view_place_markers     (SitroomMapView *self);
gboolean            _sitroom_map_view_still_fitted      (SitroomMapView *self);
void                _sitroom_map_view_keep_left_edge    (SitroomMapView *self,
                                                         int             old_width,
                                                         int             new_width);

/* sitroom-map-view-controls.c */
void                _sitroom_map_view_class_init_controls (GtkWidgetClass *widget_class);
void                _sitroom_map_view_init_controls     (SitroomMapView *self);
void                _sitroom_map_view_bind_metric       (SitroomMapView *self);
void                _sitroom_map_view_update_chain_choices (SitroomMapView *self);
void                _sitroom_map_view_update_problems   (SitroomMapView *self);
void                _sitroom_map_view_rebuild_tiles     (SitroomMapView *self);
void                _sitroom_map_view_settings_changed  (SitroomMapView *self,
                                                         const char     *key);

/* For the tests. */
ShumateMap         *sitroom_map_view_get_map            (SitroomMapView *self);
SitroomMapLayer    *sitroom_map_view_get_map_layer      (SitroomMapView *self);
SitroomRegionPanel *sitroom_map_view_get_region_panel   (SitroomMapView *self);
GtkRevealer        *sitroom_map_view_get_panel_revealer (SitroomMapView *self);
GtkRevealer        *sitroom_map_view_get_problem_revealer (SitroomMapView *self);
GtkDropDown        *sitroom_map_view_get_metric_dropdown (SitroomMapView *self);
GtkDropDown        *sitroom_map_view_get_chain_dropdown  (SitroomMapView *self);
/* The focusable marker of the prefecture with that region index, or NULL. */
GtkWidget          *sitroom_map_view_get_marker         (SitroomMapView *self,
                                                         int             region);

/* Fits the province into the map's current size; FALSE while it has none. */
gboolean            sitroom_map_view_fit                (SitroomMapView *self);

/* The pointer at (x, y) of the map, or gone (x or y negative): the hover. */
void                sitroom_map_view_pointer_at         (SitroomMapView *self,
                                                         double          x,
                                                         double          y);
/* A click (@n_press 1) or double click (2) at (x, y) of the map. */
void                sitroom_map_view_click_at           (SitroomMapView *self,
                                                         double          x,
                                                         double          y,
                                                         int             n_press);
/* A key pressed while the focus is in the map; TRUE when it was used. */
gboolean            sitroom_map_view_key_pressed        (SitroomMapView *self,
                                                         guint           keyval);

G_END_DECLS
