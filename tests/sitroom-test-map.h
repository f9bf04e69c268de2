/* Helpers the map renderer's tests share: the built-in demo drawn, whole or in parts, its pixels, where it draws. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-map-render-private.h"

G_BEGIN_DECLS

#define SITROOM_TEST_MAP_WIDTH 1200
#define SITROOM_TEST_MAP_HEIGHT 900
#define SITROOM_TEST_MAP_FURNITURE (SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_CREDITS)

/* The built-in demo at its cutoff over the built-in outlines, fitted to
 * the size above, positives in the light style, in Chinese. */
typedef struct {
  SitroomSituation *situation;
  SitroomView *view;
  SitroomBoundaries *boundaries;
  SitroomMapRenderer *renderer;
  SitroomMapViewport viewport;
  SitroomMapOptions options;
} SitroomTestMap;

void             sitroom_test_map_set_up    (SitroomTestMap *fixture,
                                             gconstpointer   data);
void             sitroom_test_map_tear_down (SitroomTestMap *fixture,
                                             gconstpointer   data);
/* Adds the test @func (SitroomTestMap *, gconstpointer) at @path, with the fixture above. */
#define SITROOM_TEST_MAP_ADD(path, func) \
  g_test_add (path, SitroomTestMap, NULL, sitroom_test_map_set_up, func, sitroom_test_map_tear_down)

/* The map and the standard furniture drawn into a new image of @viewport's size. */
cairo_surface_t *sitroom_test_map_render    (SitroomTestMap           *fixture,
                                             const SitroomMapViewport *viewport);
/* The same put together as the map layer does: the base in a node over
 * its box, the overlay recorded and painted in a node over the box of its
 * ink, each piece of the standard furniture in a node over its own box.
 * Gives the base's box and the overlay's; the base's is empty when the
 * renderer says the base draws nothing. */
cairo_surface_t *sitroom_test_map_render_in_parts (SitroomTestMap           *fixture,
                                                   const SitroomMapViewport *viewport,
                                                   cairo_rectangle_int_t    *base,
                                                   cairo_rectangle_int_t    *overlay);
/* The largest difference in any channel, alpha included and colour left
 * premultiplied, between two images of one size, and where it is. */
int              sitroom_test_map_max_difference   (cairo_surface_t *a,
                                                    cairo_surface_t *b,
                                                    int             *at_x,
                                                    int             *at_y);

/* The pixel's colour, alpha unpremultiplied away. */
void             sitroom_test_map_pixel      (cairo_surface_t *surface,
                                              int              x,
                                              int              y,
                                              int             *r,
                                              int             *g,
                                              int             *b,
                                              int             *a);
/* Whether the pixel has @color, give or take 2 in each channel. */
gboolean         sitroom_test_map_same_color (cairo_surface_t    *surface,
                                              int                 x,
                                              int                 y,
                                              const SitroomColor *color);

/* The outline of the situation's @region, or NULL. */
const SitroomBoundary *sitroom_test_map_outline_of (SitroomTestMap *fixture,
                                                    int             region);

/* Where a WGS84 point is in a drawing of @viewport. */
void             sitroom_test_map_world_to_drawing (const SitroomMapViewport *viewport,
                                                    double                    lon,
                                                    double                    lat,
                                                    double                   *x,
                                                    double                   *y);

/* Whether (x, y) of the fixture's drawing is inside @boundary and nothing
 * but the region's own fill is drawn at or near it: not its outline, a
 * badge or its leader, a county's mark, the furniture. */
gboolean         sitroom_test_map_clear_of_overlays (SitroomTestMap        *fixture,
                                                     const SitroomBoundary *boundary,
                                                     double                 x,
                                                     double                 y);

G_END_DECLS
