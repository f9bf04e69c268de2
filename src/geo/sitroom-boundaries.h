/* Region outlines: the built-in prefectures of Shanxi, or an operator's GeoJSON file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-types.h"

G_BEGIN_DECLS

/* One polygon: an outer ring then its holes. Points are (lon, lat) pairs in
 * WGS84 degrees; rings are not closed (the last point is not the first
 * again). */
typedef struct {
  const double *points;        /* all rings, one after another */
  const guint *ring_lengths;   /* points in each ring */
  guint n_rings;
  double min_lon, min_lat, max_lon, max_lat;
} SitroomPolygon;

/* One feature: a region's outline, one or more polygons. */
typedef struct {
  const char *code;            /* the adcode, six digits */
  SitroomRegionLevel level;    /* from the code: ..0000 province, ..00 prefecture, else county */
  const char *name;            /* the file's "name" property, or NULL */
  const SitroomPolygon *polygons;
  guint n_polygons;
  guint n_points;              /* in all its rings */
  double min_lon, min_lat, max_lon, max_lat;
} SitroomBoundary;

#define SITROOM_TYPE_BOUNDARIES (sitroom_boundaries_get_type ())

G_DECLARE_FINAL_TYPE (SitroomBoundaries, sitroom_boundaries, SITROOM, BOUNDARIES, GObject)

/* The built-in outlines of Shanxi's 11 prefectures (data/boundaries/),
 * loaded once from the resource and shared; never NULL. */
SitroomBoundaries     *sitroom_boundaries_get_builtin (void);

/* Reads a GeoJSON FeatureCollection of Polygon and MultiPolygon features,
 * each with a six-digit "adcode" property (a number or a string), WGS84.
 * Anything wrong is an error that says where ("feature 3: adcode “1401”
 * is not six digits"), and nothing is returned: the caller keeps what it
 * had. @name is how messages name the input (a file name). */
SitroomBoundaries     *sitroom_boundaries_new_from_bytes (GBytes      *bytes,
                                                          const char  *name,
                                                          GError     **error);
SitroomBoundaries     *sitroom_boundaries_new_from_file  (const char  *path,
                                                          GError     **error);

/* Where they came from: "built-in" or the file's path. */
const char            *sitroom_boundaries_get_origin (SitroomBoundaries *self);
gboolean               sitroom_boundaries_is_builtin (SitroomBoundaries *self);

guint                  sitroom_boundaries_get_n      (SitroomBoundaries *self);
const SitroomBoundary *sitroom_boundaries_get        (SitroomBoundaries *self,
                                                      guint              index);
const SitroomBoundary *sitroom_boundaries_lookup     (SitroomBoundaries *self,
                                                      const char        *code);
/* The outline of @level that holds the WGS84 point, or NULL. */
const SitroomBoundary *sitroom_boundaries_find_at    (SitroomBoundaries *self,
                                                      SitroomRegionLevel level,
                                                      double             lon,
                                                      double             lat);
/* Points in all outlines, and the box around them all. */
guint                  sitroom_boundaries_get_n_points (SitroomBoundaries *self);
void                   sitroom_boundaries_get_extent   (SitroomBoundaries *self,
                                                        double            *min_lon,
                                                        double            *min_lat,
                                                        double            *max_lon,
                                                        double            *max_lat);

G_END_DECLS
