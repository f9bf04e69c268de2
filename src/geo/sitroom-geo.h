/* Coordinates: WGS84 and GCJ-02, Web Mercator as libshumate draws it, rings and points. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libshumate's tiles are 256 pixels square; at zoom z the world is
 * 256 × 2^z pixels wide. */
#define SITROOM_GEO_TILE_SIZE 256.0
/* Web Mercator's latitude limit. */
#define SITROOM_GEO_MAX_LATITUDE 85.0511287798

/* GCJ-02 ("Mars coordinates", the offset every Chinese web map uses) from
 * WGS84 and back. Outside China the two are the same. The inverse is
 * iterated until a round trip is within a centimetre. */
void     sitroom_geo_gcj02_from_wgs84 (double  lon,
                                       double  lat,
                                       double *gcj_lon,
                                       double *gcj_lat);
void     sitroom_geo_wgs84_from_gcj02 (double  gcj_lon,
                                       double  gcj_lat,
                                       double *lon,
                                       double *lat);
/* Whether GCJ-02 applies at that WGS84 point (mainland China's rough box). */
gboolean sitroom_geo_in_china         (double  lon,
                                       double  lat);

/* Great-circle distance in metres. */
double   sitroom_geo_distance         (double  lon1,
                                       double  lat1,
                                       double  lon2,
                                       double  lat2);

/* Web Mercator world pixels at @zoom (fractional zooms allowed), the same
 * numbers libshumate's ShumateMapSource gives for 256-pixel tiles: x grows
 * east from the antimeridian, y south from the top of the world. */
void     sitroom_geo_project          (double  lon,
                                       double  lat,
                                       double  zoom,
                                       double *x,
                                       double *y);
void     sitroom_geo_unproject        (double  x,
                                       double  y,
                                       double  zoom,
                                       double *lon,
                                       double *lat);
/* Metres on the ground per world pixel at @lat and @zoom. */
double   sitroom_geo_metres_per_pixel (double  lat,
                                       double  zoom);

/* Even-odd test of (x, y) against a closed ring of @n_points (x, y) pairs
 * (the last point need not repeat the first). */
gboolean sitroom_geo_ring_contains    (const double *points,
                                       guint         n_points,
                                       double        x,
                                       double        y);

G_END_DECLS
