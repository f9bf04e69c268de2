/* The map's own layer over libshumate: the regions, marks, routes and furniture, drawn by the shared renderer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "sitroom-map-render.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_MAP_LAYER (sitroom_map_layer_get_type ())

G_DECLARE_FINAL_TYPE (SitroomMapLayer, sitroom_map_layer, SITROOM, MAP_LAYER, ShumateLayer)

SitroomMapLayer *sitroom_map_layer_new          (ShumateViewport         *viewport);

/* What is drawn: @view (NULL draws nothing but the furniture's frame) over
 * @boundaries. Both are kept until the next call. */
void             sitroom_map_layer_set_data     (SitroomMapLayer         *self,
                                                 SitroomView             *view,
                                                 SitroomBoundaries       *boundaries);
/* How it is drawn; @options is copied, strings included. */
void             sitroom_map_layer_set_options  (SitroomMapLayer         *self,
                                                 const SitroomMapOptions *options);

/* The part of the world the layer shows now, in the renderer's terms: the
 * viewport's zoom and centre at the layer's size. */
void             sitroom_map_layer_get_map_viewport (SitroomMapLayer    *self,
                                                     SitroomMapViewport *viewport);
/* The prefecture or marked county (a region index) under (x, y) of the
 * layer, or -1. */
int              sitroom_map_layer_region_at    (SitroomMapLayer         *self,
                                                 double                   x,
                                                 double                   y);
const SitroomClasses *sitroom_map_layer_get_classes (SitroomMapLayer     *self);

/* How many times the layer has drawn the map since it was made: a cached
 * frame reused does not count. */
guint            sitroom_map_layer_get_n_draws  (SitroomMapLayer         *self);

G_END_DECLS
