/* The map's outlines projected: features from the boundaries, zoom-0 world pixels per data, simplified rings per zoom. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-geo.h"
#include "sitroom-map-render-private.h"

/* Points nearer than this to the last one kept add nothing a screen can show. */
#define MIN_STEP_PIXELS 0.3

/* WGS84 to world pixels at zoom 0, shifted to GCJ-02 first when the tiles
 * below are. */
static void
to_unit (SitroomMapRenderer *self,
         double              lon,
         double              lat,
         double             *x,
         double             *y)
{
  if (self->options.gcj02)
    sitroom_geo_gcj02_from_wgs84 (lon, lat, &lon, &lat);
  sitroom_geo_project (lon, lat, 0, x, y);
}

/* Which region of the situation an outline is, and which prefecture
 * colours it. A county the situation does not know still belongs to the
 * prefecture its code names. */
static void
resolve_feature (SitroomMapRenderer    *self,
                 const SitroomBoundary *boundary,
                 MapFeature            *feature)
{
  SitroomSituation *situation = self->view != NULL ? sitroom_view_get_situation (self->view) : NULL;

  feature->region = -1;
  feature->prefecture = -1;
  if (situation == NULL)
    return;

  feature->region = sitroom_situation_lookup_region (situation, boundary->code);
  if (feature->region >= 0)
    {
      const SitroomRegion *region = sitroom_situation_get_region (situation, feature->region);

      feature->prefecture = region->prefecture;
      if (region->level == SITROOM_LEVEL_PREFECTURE)
        feature->prefecture = feature->region;
    }
  else if (boundary->level == SITROOM_LEVEL_COUNTY || boundary->level == SITROOM_LEVEL_TOWNSHIP)
    {
      char code[7];

      memcpy (code, boundary->code, 4);
      memcpy (code + 4, "00", 3);
      feature->prefecture = sitroom_situation_lookup_region (situation, code);
    }
}

static void
add_feature (SitroomMapRenderer    *self,
             guint                  index,
             const SitroomBoundary *boundary)
{
  MapFeature feature = {
    .boundary = index,
    .level = boundary->level,
    .first_polygon = self->polygons->len,
    .min_x = G_MAXDOUBLE, .min_y = G_MAXDOUBLE,
    .max_x = -G_MAXDOUBLE, .max_y = -G_MAXDOUBLE,
  };

  for (guint p = 0; p < boundary->n_polygons; p++)
    {
      const SitroomPolygon *source = &boundary->polygons[p];
      MapPolygon polygon = {
        .first_ring = self->rings->len,
        .n_rings = source->n_rings,
        .min_x = G_MAXDOUBLE, .min_y = G_MAXDOUBLE,
        .max_x = -G_MAXDOUBLE, .max_y = -G_MAXDOUBLE,
      };
      const double *lonlat = source->points;

      for (guint r = 0; r < source->n_rings; r++)
        {
          MapRing ring = { self->unit_points->len / 2, source->ring_lengths[r] };

          for (guint i = 0; i < ring.length; i++, lonlat += 2)
            {
              double xy[2];

              to_unit (self, lonlat[0], lonlat[1], &xy[0], &xy[1]);
              g_array_append_vals (self->unit_points, xy, 2);
              polygon.min_x = MIN (polygon.min_x, xy[0]);
              polygon.min_y = MIN (polygon.min_y, xy[1]);
              polygon.max_x = MAX (polygon.max_x, xy[0]);
              polygon.max_y = MAX (polygon.max_y, xy[1]);
            }
          g_array_append_val (self->rings, ring);
        }
      if (polygon.n_rings == 0 || polygon.min_x > polygon.max_x)
        continue;
      feature.min_x = MIN (feature.min_x, polygon.min_x);
      feature.min_y = MIN (feature.min_y, polygon.min_y);
      feature.max_x = MAX (feature.max_x, polygon.max_x);
      feature.max_y = MAX (feature.max_y, polygon.max_y);
      g_array_append_val (self->polygons, polygon);
      feature.n_polygons++;
    }
  g_array_append_val (self->features, feature);
}

/* Static management over a whole prefecture or the province hatches it
 * lightly; a county's is hatched with its mark (build_marks()). */
static void
mark_measures (SitroomMapRenderer *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  const int *in_force;
  guint n_in_force;

  in_force = sitroom_view_get_measures_in_force (self->view, &n_in_force);
  for (guint m = 0; m < n_in_force; m++)
    {
      const SitroomMeasure *measure = sitroom_situation_get_measure (situation, in_force[m]);
      const SitroomRegion *region;

      if (!sitroom_metric_measure_hatches (measure->kind) || measure->region < 0)
        continue;
      region = sitroom_situation_get_region (situation, measure->region);
      for (guint i = 0; i < self->features->len; i++)
        {
          MapFeature *feature = &g_array_index (self->features, MapFeature, i);
          const SitroomBoundary *boundary = sitroom_boundaries_get (self->boundaries, feature->boundary);

          if (!feature->filled)
            continue;
          if (region->level == SITROOM_LEVEL_PROVINCE)
            feature->hatch_light |= strncmp (boundary->code, region->code, 2) == 0;
          else if (region->level == SITROOM_LEVEL_PREFECTURE)
            feature->hatch_light |= feature->prefecture == measure->region;
        }
    }
}

static void
build_marks (SitroomMapRenderer *self,
             GHashTable         *feature_of_code)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  g_autoptr(GArray) marks = sitroom_metric_get_county_marks (self->view);

  g_array_set_size (self->marks, 0);
  for (guint i = 0; i < marks->len; i++)
    {
      const SitroomCountyMark *mark = &g_array_index (marks, SitroomCountyMark, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, mark->region);
      MapMark map_mark = { .mark = *mark, .feature = -1 };
      gpointer found;

      if (g_hash_table_lookup_extended (feature_of_code, region->code, NULL, &found))
        {
          MapFeature *feature = &g_array_index (self->features, MapFeature, GPOINTER_TO_INT (found));

          /* The county's own outline is hatched instead of a ring round its mark. */
          map_mark.feature = GPOINTER_TO_INT (found);
          feature->hatch = mark->hatched;
        }
      if (region->has_center)
        to_unit (self, region->lon, region->lat, &map_mark.unit_x, &map_mark.unit_y);
      else if (map_mark.feature >= 0)
        {
          const MapFeature *feature = &g_array_index (self->features, MapFeature, map_mark.feature);

          map_mark.unit_x = (feature->min_x + feature->max_x) / 2;
          map_mark.unit_y = (feature->min_y + feature->max_y) / 2;
        }
      else
        continue;
      g_array_append_val (self->marks, map_mark);
    }
}

/* A badge for every prefecture the map has an outline for: at the label
 * point of its own outline, or at its seat when only its counties are
 * drawn. */
static void
build_badges (SitroomMapRenderer *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  guint n = sitroom_view_get_n_prefectures (self->view);

  g_array_set_size (self->badges, 0);
  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (self->view, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, row->region);
      MapBadge badge = { .region = row->region, .feature = -1 };
      gboolean drawn = FALSE;

      for (guint f = 0; f < self->features->len; f++)
        {
          const MapFeature *feature = &g_array_index (self->features, MapFeature, f);

          if (feature->filled && feature->prefecture == row->region && feature->n_polygons > 0)
            {
              drawn = TRUE;
              if (feature->region == row->region)
                badge.feature = f;
            }
        }
      if (!drawn)
        continue;
      if (badge.feature >= 0)
        {
          const MapFeature *feature = &g_array_index (self->features, MapFeature, badge.feature);

          badge.unit_x = feature->label_x;
          badge.unit_y = feature->label_y;
        }
      else if (region->has_center)
        to_unit (self, region->lon, region->lat, &badge.unit_x, &badge.unit_y);
      else
        continue;
      g_array_append_val (self->badges, badge);
    }
}

/* Everything that follows from the outlines alone (and the GCJ-02
 * shift): kept while only the view changes, as it does at every update
 * of a live feed. */
static void
build_geometry (SitroomMapRenderer *self)
{
  g_autoptr(GHashTable) outlined = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->boundaries != NULL ? sitroom_boundaries_get_n (self->boundaries) : 0;

  g_array_set_size (self->features, 0);
  g_array_set_size (self->polygons, 0);
  g_array_set_size (self->rings, 0);
  g_array_set_size (self->unit_points, 0);
  self->unit_gcj02 = self->options.gcj02;
  self->unit_valid = TRUE;
  self->zoom_valid = FALSE;
  self->view_valid = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const SitroomBoundary *boundary = sitroom_boundaries_get (self->boundaries, i);

      add_feature (self, i, boundary);
      if (boundary->level == SITROOM_LEVEL_PREFECTURE)
        g_hash_table_add (outlined, (gpointer) boundary->code);
    }

  /* A county is filled only where its prefecture has no outline of its own,
   * so that translucent fills over tiles are not laid twice. */
  for (guint i = 0; i < self->features->len; i++)
    {
      MapFeature *feature = &g_array_index (self->features, MapFeature, i);
      const SitroomBoundary *boundary = sitroom_boundaries_get (self->boundaries, feature->boundary);
      char prefecture[7];

      memcpy (prefecture, boundary->code, 4);
      memcpy (prefecture + 4, "00", 3);
      if (feature->level == SITROOM_LEVEL_PREFECTURE)
        feature->filled = TRUE;
      else if (feature->level != SITROOM_LEVEL_PROVINCE)
        feature->filled = !g_hash_table_contains (outlined, prefecture);
      if (feature->n_polygons > 0)
        sitroom_map_label_point (self, feature, &feature->label_x, &feature->label_y);
    }
  sitroom_map_classify_edges (self);
}

/* What follows from the view: which region each outline is, the classes,
 * hatching, marks and badges. */
static void
build_view (SitroomMapRenderer *self)
{
  g_autoptr(GHashTable) feature_of_code = g_hash_table_new (g_str_hash, g_str_equal);

  /* The badges' texts go with the badges. */
  sitroom_map_text_clear (self);
  g_array_set_size (self->badges, 0);
  g_array_set_size (self->marks, 0);
  self->view_valid = TRUE;

  for (guint i = 0; i < self->features->len; i++)
    {
      MapFeature *feature = &g_array_index (self->features, MapFeature, i);
      const SitroomBoundary *boundary = sitroom_boundaries_get (self->boundaries, feature->boundary);

      resolve_feature (self, boundary, feature);
      feature->hatch = feature->hatch_light = FALSE;
      g_hash_table_insert (feature_of_code, (gpointer) boundary->code, GINT_TO_POINTER (i));
    }

  if (self->view == NULL)
    return;
  mark_measures (self);
  build_marks (self, feature_of_code);
  build_badges (self);
  sitroom_map_renderer_update_classes (self);
}

/* The selected chain's places, at zoom 0. */
static void
build_stops (SitroomMapRenderer *self)
{
  SitroomSituation *situation;
  g_autoptr(GArray) route = NULL;

  self->stops_chain = self->options.selected_chain;
  g_array_set_size (self->stops, 0);
  if (self->view == NULL || self->options.selected_chain < 0 ||
      (guint) self->options.selected_chain >= sitroom_view_get_n_chains (self->view))
    return;

  situation = sitroom_view_get_situation (self->view);
  route = sitroom_metric_get_chain_route (self->view, self->options.selected_chain);
  for (guint i = 0; i < route->len; i++)
    {
      const SitroomRouteStop *stop = &g_array_index (route, SitroomRouteStop, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, stop->region);
      MapStop map_stop = { .region = stop->region, .outside = stop->outside };

      if (!region->has_center)
        continue;
      to_unit (self, region->lon, region->lat, &map_stop.unit_x, &map_stop.unit_y);
      g_array_append_val (self->stops, map_stop);
    }
}

/* Scales the zoom-0 rings to @zoom and drops the points that fall within
 * MIN_STEP_PIXELS of the last one kept. Panning reuses the result. */
void
sitroom_map_renderer_ensure_projection (SitroomMapRenderer *self,
                                        double              zoom)
{
  double scale;
  double *out;
  guint8 *kinds;
  guint n_out = 0;

  if (!self->unit_valid || self->unit_gcj02 != self->options.gcj02)
    build_geometry (self);
  if (!self->view_valid)
    build_view (self);
  if (self->stops_chain != self->options.selected_chain)
    build_stops (self);
  if (self->zoom_valid && self->zoom == zoom)
    return;

  scale = exp2 (zoom);
  self->n_projections++;
  self->zoom = zoom;
  self->scale = scale;
  self->zoom_valid = TRUE;
  g_array_set_size (self->zoom_rings, self->rings->len);
  g_array_set_size (self->zoom_points, self->unit_points->len);
  g_array_set_size (self->zoom_kinds, self->unit_kinds->len);
  out = (double *) (gpointer) self->zoom_points->data;
  kinds = (guint8 *) self->zoom_kinds->data;

  for (guint r = 0; r < self->rings->len; r++)
    {
      const MapRing *ring = &g_array_index (self->rings, MapRing, r);
      MapRing *kept = &g_array_index (self->zoom_rings, MapRing, r);
      const double *p = &g_array_index (self->unit_points, double, 2 * ring->start);
      const guint8 *k = &g_array_index (self->unit_kinds, guint8, ring->start);
      double lx = 0, ly = 0;

      kept->start = n_out;
      kept->length = 0;
      for (guint i = 0; i < ring->length; i++)
        {
          double x = p[2 * i] * scale, y = p[2 * i + 1] * scale;

          if (kept->length > 0 &&
              (x - lx) * (x - lx) + (y - ly) * (y - ly) < MIN_STEP_PIXELS * MIN_STEP_PIXELS)
            continue;
          out[2 * n_out] = lx = x;
          out[2 * n_out + 1] = ly = y;
          /* A kept edge stands for the dropped ones after it: it takes the
           * kind of the first. */
          kinds[n_out] = k[i];
          n_out++;
          kept->length++;
        }
      if (kept->length < 3)
        {
          n_out = kept->start;
          kept->length = 0;
        }
    }
  g_array_set_size (self->zoom_points, 2 * n_out);
  g_array_set_size (self->zoom_kinds, n_out);
}

static gboolean
box_outside (double xmin,
             double ymin,
             double xmax,
             double ymax,
             double scale,
             double ox,
             double oy,
             double width,
             double height,
             double pad)
{
  return xmax * scale + ox < -pad || xmin * scale + ox > width + pad ||
         ymax * scale + oy < -pad || ymin * scale + oy > height + pad;
}

/* Adds the feature's polygons that reach into the drawing (grown by @pad
 * for a stroke's width) to the current path; world pixels plus (@ox, @oy)
 * are the drawing's. With @mask, only the edges of that kind, as open
 * lines (a ring all of that kind stays closed). */
static void
append_rings (SitroomMapRenderer *self,
              cairo_t            *cr,
              const MapFeature   *feature,
              double              ox,
              double              oy,
              double              width,
              double              height,
              double              pad,
              guint8              mask)
{
  const double scale = self->scale;
  const double *points = (const double *) (gpointer) self->zoom_points->data;
  const guint8 *kinds = (const guint8 *) self->zoom_kinds->data;

  if (box_outside (feature->min_x, feature->min_y, feature->max_x, feature->max_y,
                   scale, ox, oy, width, height, pad))
    return;

  for (guint p = 0; p < feature->n_polygons; p++)
    {
      const MapPolygon *polygon = &g_array_index (self->polygons, MapPolygon, feature->first_polygon + p);

      if (box_outside (polygon->min_x, polygon->min_y, polygon->max_x, polygon->max_y,
                       scale, ox, oy, width, height, pad))
        continue;

      for (guint r = 0; r < polygon->n_rings; r++)
        {
          const MapRing *ring = &g_array_index (self->zoom_rings, MapRing, polygon->first_ring + r);
          const double *q = points + 2 * ring->start;
          const guint8 *k = kinds + ring->start;
          guint n = ring->length, first = 0;
          gboolean in_run = FALSE;

          if (n == 0)
            continue;
          if (mask != 0)
            while (first < n && (k[first] & mask))
              first++;
          if (first == n || mask == 0)
            {
              cairo_move_to (cr, q[0] + ox, q[1] + oy);
              for (guint i = 1; i < n; i++)
                cairo_line_to (cr, q[2 * i] + ox, q[2 * i + 1] + oy);
              cairo_close_path (cr);
              continue;
            }

          /* From just after an edge of another kind, so that no run is
           * cut in two where the ring starts. */
          for (guint j = 1; j <= n; j++)
            {
              guint e = (first + j) % n, next = (e + 1) % n;

              if (!(k[e] & mask))
                {
                  in_run = FALSE;
                  continue;
                }
              if (!in_run)
                cairo_move_to (cr, q[2 * e] + ox, q[2 * e + 1] + oy);
              cairo_line_to (cr, q[2 * next] + ox, q[2 * next + 1] + oy);
              in_run = TRUE;
            }
        }
    }
}

void
sitroom_map_renderer_append_feature (SitroomMapRenderer *self,
                                     cairo_t            *cr,
                                     const MapFeature   *feature,
                                     double              ox,
                                     double              oy,
                                     double              width,
                                     double              height,
                                     double              pad)
{
  append_rings (self, cr, feature, ox, oy, width, height, pad, 0);
}

void
sitroom_map_renderer_append_edges (SitroomMapRenderer *self,
                                   cairo_t            *cr,
                                   const MapFeature   *feature,
                                   double              ox,
                                   double              oy,
                                   double              width,
                                   double              height,
                                   double              pad,
                                   guint8              kind)
{
  append_rings (self, cr, feature, ox, oy, width, height, pad, kind);
}
