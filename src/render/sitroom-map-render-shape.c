/* The shape of the outlines: a point well inside each for its badge, and which edges are the province's outline. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-geo.h"
#include "sitroom-map-render-private.h"

/* A point well inside a polygon for its badge: the sample of a grid, then
 * of a finer one around the best, farthest from every edge. Run on a
 * coarsened copy of the rings, so that it costs little however detailed
 * the outline is. */
static double
edge_distance (const double *points,
               const guint  *lengths,
               guint         n_rings,
               double        x,
               double        y,
               gboolean     *inside)
{
  double best = G_MAXDOUBLE;
  gboolean in = FALSE;
  guint start = 0;

  for (guint r = 0; r < n_rings; r++)
    {
      const double *p = points + 2 * start;
      guint n = lengths[r];

      if (n >= 3 && sitroom_geo_ring_contains (p, n, x, y))
        in = !in;
      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          double ax = p[2 * j], ay = p[2 * j + 1];
          double dx = p[2 * i] - ax, dy = p[2 * i + 1] - ay;
          double len2 = dx * dx + dy * dy;
          double t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
          double ex, ey;

          t = CLAMP (t, 0, 1);
          ex = ax + t * dx - x;
          ey = ay + t * dy - y;
          best = MIN (best, ex * ex + ey * ey);
        }
      start += n;
    }
  *inside = in;
  return sqrt (best);
}

static void
label_point (SitroomMapRenderer *self,
             const MapPolygon   *polygon,
             double             *out_x,
             double             *out_y)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree guint *lengths = g_new0 (guint, polygon->n_rings);
  double w = polygon->max_x - polygon->min_x;
  double h = polygon->max_y - polygon->min_y;
  double tol = hypot (w, h) / 400;
  double best = -1, cx = (polygon->min_x + polygon->max_x) / 2, cy = (polygon->min_y + polygon->max_y) / 2;
  double step_x, step_y;
  const int grid = 24, fine = 10;

  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const MapRing *ring = &g_array_index (self->rings, MapRing, polygon->first_ring + r);
      const double *p = &g_array_index (self->unit_points, double, 2 * ring->start);
      double lx = G_MAXDOUBLE, ly = G_MAXDOUBLE;

      for (guint i = 0; i < ring->length; i++)
        if (hypot (p[2 * i] - lx, p[2 * i + 1] - ly) >= tol)
          {
            g_array_append_vals (points, p + 2 * i, 2);
            lx = p[2 * i];
            ly = p[2 * i + 1];
            lengths[r]++;
          }
    }

  step_x = w / grid;
  step_y = h / grid;
  for (int pass = 0; pass < 2; pass++)
    {
      int n = pass == 0 ? grid : fine;
      double x0 = pass == 0 ? polygon->min_x + step_x / 2 : cx - step_x;
      double y0 = pass == 0 ? polygon->min_y + step_y / 2 : cy - step_y;
      double sx = pass == 0 ? step_x : 2 * step_x / fine;
      double sy = pass == 0 ? step_y : 2 * step_y / fine;
      double bx = cx, by = cy;

      for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
          {
            double x = x0 + i * sx, y = y0 + j * sy;
            gboolean inside;
            double d = edge_distance ((const double *) (gpointer) points->data, lengths,
                                      polygon->n_rings, x, y, &inside);

            if (inside && d > best)
              {
                best = d;
                bx = x;
                by = y;
              }
          }
      cx = bx;
      cy = by;
    }

  *out_x = cx;
  *out_y = cy;
}

static double
polygon_area (SitroomMapRenderer *self,
              const MapPolygon   *polygon)
{
  const MapRing *ring = &g_array_index (self->rings, MapRing, polygon->first_ring);
  const double *p = &g_array_index (self->unit_points, double, 2 * ring->start);
  double area = 0;

  for (guint i = 0, j = ring->length - 1; i < ring->length; j = i++)
    area += p[2 * j] * p[2 * i + 1] - p[2 * i] * p[2 * j + 1];
  return fabs (area) / 2;
}


static int
largest_polygon (SitroomMapRenderer *self,
                 const MapFeature   *feature)
{
  double best = -1;
  int found = -1;

  for (guint p = 0; p < feature->n_polygons; p++)
    {
      const MapPolygon *polygon = &g_array_index (self->polygons, MapPolygon, feature->first_polygon + p);
      double area = polygon_area (self, polygon);

      if (area > best)
        {
          best = area;
          found = feature->first_polygon + p;
        }
    }
  return found;
}


typedef struct {
  double ax, ay, bx, by;        /* the edge's ends, the smaller first */
  guint index;                  /* of its first point in unit_points */
} Edge;

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *ea = a, *eb = b;
  const double ka[4] = { ea->ax, ea->ay, ea->bx, ea->by };
  const double kb[4] = { eb->ax, eb->ay, eb->bx, eb->by };

  for (guint i = 0; i < 4; i++)
    if (ka[i] != kb[i])
      return ka[i] < kb[i] ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

static gboolean
same_edge (const Edge *a,
           const Edge *b)
{
  return a->ax == b->ax && a->ay == b->ay && a->bx == b->bx && a->by == b->by;
}

/* Neighbours share their border's points, so an edge found twice is
 * between two regions (drawn once, thin) and one found once is the
 * province's outline (drawn wide). Stroking is the dearest part of a
 * frame: this halves the borders and leaves the outline a third of all
 * edges. A file whose neighbours do not share points gets every edge in
 * both strokes, as if nothing were shared. */
void
sitroom_map_classify_edges (SitroomMapRenderer *self)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  const double *p = (const double *) (gpointer) self->unit_points->data;
  guint8 *kinds;
  guint n_shared = 0, n_filled = 0;

  g_array_set_size (self->unit_kinds, self->unit_points->len / 2);
  kinds = (guint8 *) self->unit_kinds->data;
  memset (kinds, MAP_EDGE_OUTLINE | MAP_EDGE_BORDER, self->unit_kinds->len);

  for (guint f = 0; f < self->features->len; f++)
    {
      const MapFeature *feature = &g_array_index (self->features, MapFeature, f);

      if (!feature->filled)
        continue;
      n_filled++;
      for (guint q = 0; q < feature->n_polygons; q++)
        {
          const MapPolygon *polygon = &g_array_index (self->polygons, MapPolygon, feature->first_polygon + q);

          for (guint r = 0; r < polygon->n_rings; r++)
            {
              const MapRing *ring = &g_array_index (self->rings, MapRing, polygon->first_ring + r);

              for (guint i = 0; i < ring->length; i++)
                {
                  guint a = ring->start + i, b = ring->start + (i + 1) % ring->length;
                  gboolean swap = p[2 * a] > p[2 * b] || (p[2 * a] == p[2 * b] && p[2 * a + 1] > p[2 * b + 1]);
                  Edge edge = {
                    .ax = p[2 * (swap ? b : a)], .ay = p[2 * (swap ? b : a) + 1],
                    .bx = p[2 * (swap ? a : b)], .by = p[2 * (swap ? a : b) + 1],
                    .index = a,
                  };

                  g_array_append_val (edges, edge);
                }
            }
        }
    }

  g_array_sort (edges, compare_edges);
  for (guint i = 0; i < edges->len; )
    {
      const Edge *first = &g_array_index (edges, Edge, i);
      guint j = i + 1;

      while (j < edges->len && same_edge (first, &g_array_index (edges, Edge, j)))
        j++;
      if (j - i > 1)
        {
          kinds[first->index] = MAP_EDGE_BORDER;
          for (guint k = i + 1; k < j; k++)
            kinds[g_array_index (edges, Edge, k).index] = 0;
          n_shared += j - i;
        }
      else
        kinds[first->index] = MAP_EDGE_OUTLINE;
      i = j;
    }

  if (n_filled > 1 && n_shared * 10 < edges->len)
    memset (kinds, MAP_EDGE_OUTLINE | MAP_EDGE_BORDER, self->unit_kinds->len);
}

/* The badge's anchor: the label point of the feature's largest polygon,
 * at zoom 0. */
void
sitroom_map_label_point (SitroomMapRenderer *self,
                         const MapFeature   *feature,
                         double             *x,
                         double             *y)
{
  int polygon = largest_polygon (self, feature);

  g_assert (polygon >= 0);
  label_point (self, &g_array_index (self->polygons, MapPolygon, polygon), x, y);
}
