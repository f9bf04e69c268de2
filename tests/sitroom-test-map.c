/* Helpers the map renderer's tests share: the built-in demo drawn, whole or in parts, its pixels, where it draws. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-map.h"

#include <math.h>
#include <stdlib.h>

#include "sitroom-geo.h"
#include "sitroom-source.h"

void
sitroom_test_map_set_up (SitroomTestMap *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sitroom_source_read (NULL, 0, &error);

  g_assert_no_error (error);
  fixture->situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->view = sitroom_view_new (fixture->situation, sitroom_situation_get_as_of (fixture->situation), -1, -1);
  fixture->boundaries = g_object_ref (sitroom_boundaries_get_builtin ());
  fixture->renderer = sitroom_map_renderer_new ();
  fixture->options = (SitroomMapOptions) {
    .metric = SITROOM_METRIC_POSITIVES,
    .style = SITROOM_STYLE_LIGHT,
    .lang = "zh",
    .selected_region = -1,
    .hover_region = -1,
    .selected_chain = -1,
    .text_scale = 1,
    .furniture = SITROOM_TEST_MAP_FURNITURE,
  };
  sitroom_map_renderer_set_data (fixture->renderer, fixture->view, fixture->boundaries);
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);
  sitroom_map_viewport_fit (fixture->boundaries, SITROOM_TEST_MAP_WIDTH, SITROOM_TEST_MAP_HEIGHT,
                            40, 4, 12, &fixture->viewport);
}

void
sitroom_test_map_tear_down (SitroomTestMap *fixture,
                            gconstpointer   data)
{
  sitroom_map_renderer_free (fixture->renderer);
  g_object_unref (fixture->boundaries);
  g_object_unref (fixture->view);
  g_object_unref (fixture->situation);
}

cairo_surface_t *
sitroom_test_map_render (SitroomTestMap           *fixture,
                         const SitroomMapViewport *viewport)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) viewport->width,
                                                         (int) viewport->height);
  cairo_t *cr = cairo_create (surface);

  sitroom_map_renderer_draw (fixture->renderer, cr, viewport);
  sitroom_map_renderer_draw_furniture (fixture->renderer, cr, viewport, SITROOM_TEST_MAP_FURNITURE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

void
sitroom_test_map_pixel (cairo_surface_t *surface,
                        int              x,
                        int              y,
                        int             *r,
                        int             *g,
                        int             *b,
                        int             *a)
{
  const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                          y * cairo_image_surface_get_stride (surface));
  guint32 p = row[x];

  *a = p >> 24;
  *r = (p >> 16) & 0xff;
  *g = (p >> 8) & 0xff;
  *b = p & 0xff;
  if (*a > 0 && *a < 255)
    {
      *r = *r * 255 / *a;
      *g = *g * 255 / *a;
      *b = *b * 255 / *a;
    }
}

gboolean
sitroom_test_map_same_color (cairo_surface_t    *surface,
                             int                 x,
                             int                 y,
                             const SitroomColor *color)
{
  int r, g, b, a;

  sitroom_test_map_pixel (surface, x, y, &r, &g, &b, &a);
  return abs (r - (int) lround (color->red * 255)) <= 2 &&
         abs (g - (int) lround (color->green * 255)) <= 2 &&
         abs (b - (int) lround (color->blue * 255)) <= 2;
}

/* A node as GSK makes one for a cairo node: a recording bounded by @box
 * and clipped to it, later painted over what is below. */
static cairo_t *
node_begin (const cairo_rectangle_int_t *box,
            cairo_surface_t            **node)
{
  cairo_t *cr;

  *node = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                          &(cairo_rectangle_t) { box->x, box->y, box->width, box->height });
  cr = cairo_create (*node);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_clip (cr);
  return cr;
}

static void
node_end (cairo_t         *cr,
          cairo_surface_t *node,
          cairo_t         *target)
{
  cairo_destroy (cr);
  cairo_set_source_surface (target, node, 0, 0);
  cairo_paint (target);
  cairo_surface_destroy (node);
}

cairo_surface_t *
sitroom_test_map_render_in_parts (SitroomTestMap           *fixture,
                                  const SitroomMapViewport *vp,
                                  cairo_rectangle_int_t    *base,
                                  cairo_rectangle_int_t    *overlay)
{
  static const SitroomMapFurniture pieces[] = { SITROOM_MAP_LEGEND, SITROOM_MAP_CREDITS, SITROOM_MAP_SCALE };
  SitroomMapRenderer *r = fixture->renderer;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) vp->width, (int) vp->height);
  cairo_surface_t *recording, *node;
  cairo_t *target = cairo_create (surface);
  cairo_t *cr;
  double x, y, width, height;
  gboolean has_base;

  /* In the layer's order: the overlay is recorded before the base is
   * drawn, so at a new zoom it is drawn while the kept base is stale. */
  has_base = sitroom_map_renderer_get_base_box (r, vp, base);
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                              &(cairo_rectangle_t) { 0, 0, vp->width, vp->height });
  cr = cairo_create (recording);
  sitroom_map_renderer_draw_parts (r, cr, vp, SITROOM_MAP_PART_OVERLAY);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (height, >, 0);
  overlay->x = (int) floor (x);
  overlay->y = (int) floor (y);
  overlay->width = (int) ceil (x + width) - overlay->x;
  overlay->height = (int) ceil (y + height) - overlay->y;

  if (has_base)
    {
      cr = node_begin (base, &node);
      sitroom_map_renderer_draw_parts (r, cr, vp, SITROOM_MAP_PART_BASE);
      node_end (cr, node, target);
    }
  else
    *base = (cairo_rectangle_int_t) { 0, 0, 0, 0 };

  cr = node_begin (overlay, &node);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  node_end (cr, node, target);
  cairo_surface_destroy (recording);

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      cairo_rectangle_int_t box;

      g_assert_true (sitroom_map_renderer_get_furniture_box (r, vp, SITROOM_TEST_MAP_FURNITURE, pieces[i], &box));
      cr = node_begin (&box, &node);
      sitroom_map_renderer_draw_furniture (r, cr, vp, SITROOM_TEST_MAP_FURNITURE);
      node_end (cr, node, target);
    }

  cairo_destroy (target);
  cairo_surface_flush (surface);
  return surface;
}

int
sitroom_test_map_max_difference (cairo_surface_t *a,
                                 cairo_surface_t *b,
                                 int             *at_x,
                                 int             *at_y)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int worst = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    {
      const guint8 *pa = cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a);
      const guint8 *pb = cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b);

      for (int x = 0; x < 4 * width; x++)
        if (abs (pa[x] - pb[x]) > worst)
          {
            worst = abs (pa[x] - pb[x]);
            *at_x = x / 4;
            *at_y = y;
          }
    }
  return worst;
}

const SitroomBoundary *
sitroom_test_map_outline_of (SitroomTestMap *fixture,
                             int             region)
{
  return sitroom_boundaries_lookup (fixture->boundaries,
                                    sitroom_situation_get_region (fixture->situation, region)->code);
}

void
sitroom_test_map_world_to_drawing (const SitroomMapViewport *viewport,
                                   double                    lon,
                                   double                    lat,
                                   double                   *x,
                                   double                   *y)
{
  sitroom_geo_project (lon, lat, viewport->zoom, x, y);
  *x += viewport->width / 2 - viewport->center_x;
  *y += viewport->height / 2 - viewport->center_y;
}

static double
segment_distance (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;

  return hypot (ax + t * dx - px, ay + t * dy - py);
}

gboolean
sitroom_test_map_clear_of_overlays (SitroomTestMap        *fixture,
                                    const SitroomBoundary *boundary,
                                    double                 x,
                                    double                 y)
{
  SitroomMapRenderer *r = fixture->renderer;
  const SitroomMapViewport *vp = &fixture->viewport;
  double ox = vp->width / 2 - vp->center_x, oy = vp->height / 2 - vp->center_y;
  const GArray *badges = sitroom_map_renderer_get_badges (r);
  double rects[16];
  guint n_rects;
  gboolean inside = FALSE;

  for (guint p = 0; p < boundary->n_polygons; p++)
    {
      const SitroomPolygon *polygon = &boundary->polygons[p];
      const double *lonlat = polygon->points;

      for (guint ring = 0; ring < polygon->n_rings; ring++)
        {
          guint n = polygon->ring_lengths[ring];
          g_autofree double *xy = g_new (double, 2 * n);

          for (guint i = 0; i < n; i++, lonlat += 2)
            {
              sitroom_geo_project (lonlat[0], lonlat[1], vp->zoom, &xy[2 * i], &xy[2 * i + 1]);
              xy[2 * i] += ox;
              xy[2 * i + 1] += oy;
            }
          if (sitroom_geo_ring_contains (xy, n, x, y))
            inside = !inside;
          for (guint i = 0; i < n; i++)
            {
              guint j = (i + 1) % n;

              if (segment_distance (x, y, xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]) < 6)
                return FALSE;
            }
        }
    }
  if (!inside)
    return FALSE;

  for (guint i = 0; i < badges->len; i++)
    {
      const SitroomBadge *b = &g_array_index (badges, MapBadge, i).placed;

      if (!b->placed)
        continue;
      if (x > b->x - 4 && x < b->x + b->width + 4 && y > b->y - 4 && y < b->y + b->height + 4)
        return FALSE;
      if (b->leader && (segment_distance (x, y, b->anchor_x, b->anchor_y, b->x + b->width / 2,
                                          b->y + b->height / 2) < 6 ||
                        hypot (x - b->anchor_x, y - b->anchor_y) < 6))
        return FALSE;
    }
  for (guint i = 0; i < r->marks->len; i++)
    {
      const MapMark *mark = &g_array_index (r->marks, MapMark, i);
      double extent = sitroom_map_mark_extent (r, &mark->mark, TRUE);

      if (hypot (x - (mark->unit_x * r->scale + ox), y - (mark->unit_y * r->scale + oy)) < extent + 4)
        return FALSE;
    }
  sitroom_map_furniture_rects (r, vp, SITROOM_TEST_MAP_FURNITURE, rects, &n_rects);
  for (guint i = 0; i < n_rects; i++)
    if (x > rects[4 * i] - 2 && x < rects[4 * i] + rects[4 * i + 2] + 2 &&
        y > rects[4 * i + 1] - 2 && y < rects[4 * i + 1] + rects[4 * i + 3] + 2)
      return FALSE;
  return TRUE;
}
