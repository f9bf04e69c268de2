/* The map renderer: data and options, the projected outlines it caches, hit-testing, and the frame's order of layers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-briefing.h"
#include "sitroom-geo.h"
#include "sitroom-map-render-private.h"

/* A county's mark wins over the prefecture under it within this distance. */
#define MARK_HIT_PIXELS 8.0

static const MapPalette light_palette = {
  .background    = { 0xf6 / 255.f, 0xf5 / 255.f, 0xf4 / 255.f, 1 },
  .outline       = { 0x5e / 255.f, 0x5c / 255.f, 0x64 / 255.f, 1 },
  .border        = { 1, 1, 1, 1 },
  .county_border = { 1, 1, 1, 0.55f },
  .text          = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },
  .halo          = { 1, 1, 1, 0.9f },
  .badge         = { 1, 1, 1, 0.92f },
  .badge_border  = { 0x9a / 255.f, 0x99 / 255.f, 0x96 / 255.f, 1 },
  .hover         = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },
  .selected      = { 0x1a / 255.f, 0x5f / 255.f, 0xb4 / 255.f, 1 },
  .mark          = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },
  .mark_edge     = { 1, 1, 1, 1 },
  .route         = { 0x61 / 255.f, 0x35 / 255.f, 0x83 / 255.f, 1 },
  .panel         = { 1, 1, 1, 0.9f },
};

static const MapPalette dark_palette = {
  .background    = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 1 },
  .outline       = { 0xc0 / 255.f, 0xbf / 255.f, 0xbc / 255.f, 1 },
  .border        = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 1 },
  .county_border = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 0.55f },
  .text          = { 1, 1, 1, 1 },
  .halo          = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 0.9f },
  .badge         = { 0x30 / 255.f, 0x30 / 255.f, 0x30 / 255.f, 0.92f },
  .badge_border  = { 0x77 / 255.f, 0x76 / 255.f, 0x7b / 255.f, 1 },
  .hover         = { 1, 1, 1, 1 },
  .selected      = { 0x99 / 255.f, 0xc1 / 255.f, 0xf1 / 255.f, 1 },
  .mark          = { 1, 1, 1, 1 },
  .mark_edge     = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 1 },
  .route         = { 0xdc / 255.f, 0x8a / 255.f, 0xdd / 255.f, 1 },
  .panel         = { 0x24 / 255.f, 0x24 / 255.f, 0x24 / 255.f, 0.9f },
};

const MapPalette *
sitroom_map_palette (SitroomStyle style)
{
  return style == SITROOM_STYLE_DARK ? &dark_palette : &light_palette;
}

double
sitroom_map_text_scale (SitroomMapRenderer *self)
{
  return self->options.text_scale > 0 ? self->options.text_scale : 1.0;
}

gboolean
sitroom_map_is_chinese (SitroomMapRenderer *self)
{
  return sitroom_render_is_chinese (self->options.lang);
}

SitroomMapRenderer *
sitroom_map_renderer_new (void)
{
  SitroomMapRenderer *self = g_new0 (SitroomMapRenderer, 1);

  self->options.selected_region = -1;
  self->options.hover_region = -1;
  self->options.selected_chain = -1;
  self->options.text_scale = 1;
  self->lang = g_strdup (sitroom_briefing_locale_lang ());
  self->options.lang = self->lang;
  self->stops_chain = MAP_STOPS_STALE;

  self->features = g_array_new (FALSE, TRUE, sizeof (MapFeature));
  self->polygons = g_array_new (FALSE, TRUE, sizeof (MapPolygon));
  self->rings = g_array_new (FALSE, TRUE, sizeof (MapRing));
  self->unit_points = g_array_new (FALSE, FALSE, sizeof (double));
  self->unit_kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->badges = g_array_new (FALSE, TRUE, sizeof (MapBadge));
  self->marks = g_array_new (FALSE, TRUE, sizeof (MapMark));
  self->stops = g_array_new (FALSE, TRUE, sizeof (MapStop));
  self->zoom_rings = g_array_new (FALSE, TRUE, sizeof (MapRing));
  self->zoom_points = g_array_new (FALSE, FALSE, sizeof (double));
  self->zoom_kinds = g_array_new (FALSE, FALSE, sizeof (guint8));

  return self;
}

void
sitroom_map_renderer_free (SitroomMapRenderer *self)
{
  if (self == NULL)
    return;

  sitroom_map_text_clear (self);
  sitroom_map_cache_clear (self);
  g_clear_object (&self->pango);
  g_clear_object (&self->view);
  g_clear_object (&self->boundaries);
  g_free (self->lang);
  g_free (self->approval_number);
  g_free (self->attribution);
  g_array_unref (self->features);
  g_array_unref (self->polygons);
  g_array_unref (self->rings);
  g_array_unref (self->unit_points);
  g_array_unref (self->unit_kinds);
  g_array_unref (self->badges);
  g_array_unref (self->marks);
  g_array_unref (self->stops);
  g_array_unref (self->zoom_rings);
  g_array_unref (self->zoom_points);
  g_array_unref (self->zoom_kinds);
  g_free (self);
}

/* Classes follow every prefecture's value, so that the legend means the
 * same thing whichever part of the map is in view. */
void
sitroom_map_renderer_update_classes (SitroomMapRenderer *self)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  SitroomMetric metric = self->options.metric;
  guint n;

  memset (&self->classes, 0, sizeof self->classes);
  self->any_no_data = FALSE;
  if (self->view == NULL)
    return;

  n = sitroom_view_get_n_prefectures (self->view);
  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (self->view, i);
      double value;

      if (sitroom_metric_get_value (self->view, metric, row->region, &value))
        g_array_append_val (values, value);
      else
        self->any_no_data = TRUE;
    }
  sitroom_classes_compute (&self->classes, (const double *) (gpointer) values->data, values->len,
                           sitroom_metric_is_percentage (metric));

  for (guint i = 0; i < self->features->len; i++)
    {
      MapFeature *feature = &g_array_index (self->features, MapFeature, i);
      double value;

      feature->klass = -1;
      if (feature->prefecture >= 0 &&
          sitroom_metric_get_value (self->view, metric, feature->prefecture, &value))
        feature->klass = sitroom_classes_find (&self->classes, value);
    }

  for (guint i = 0; i < self->badges->len; i++)
    {
      MapBadge *badge = &g_array_index (self->badges, MapBadge, i);

      badge->has_value = sitroom_metric_get_value (self->view, metric, badge->region, &badge->value);
    }
}

/* A new view keeps the outlines projected; new boundaries or a new
 * shift do not. Either way the base, the texts and the route go. */
static void
drop_view (SitroomMapRenderer *self)
{
  sitroom_map_cache_clear (self);
  sitroom_map_text_clear (self);
  self->view_valid = FALSE;
  self->stops_chain = MAP_STOPS_STALE;
  g_array_set_size (self->stops, 0);
}

static void
drop_geometry (SitroomMapRenderer *self)
{
  drop_view (self);
  self->unit_valid = FALSE;
  self->zoom_valid = FALSE;
}

void
sitroom_map_renderer_set_data (SitroomMapRenderer *self,
                               SitroomView        *view,
                               SitroomBoundaries  *boundaries)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (view == NULL || SITROOM_IS_VIEW (view));
  g_return_if_fail (boundaries == NULL || SITROOM_IS_BOUNDARIES (boundaries));

  if (boundaries != self->boundaries)
    drop_geometry (self);
  drop_view (self);
  g_set_object (&self->view, view);
  g_set_object (&self->boundaries, boundaries);
  sitroom_map_renderer_update_classes (self);
}

void
sitroom_map_renderer_set_options (SitroomMapRenderer      *self,
                                  const SitroomMapOptions *options)
{
  const SitroomMapOptions old = self->options;
  const char *lang;

  g_return_if_fail (self != NULL);
  g_return_if_fail (options != NULL);

  lang = options->lang != NULL ? options->lang : sitroom_briefing_locale_lang ();
  self->options = *options;
  if (sitroom_render_set_str (&self->lang, lang))
    sitroom_map_text_clear (self);
  self->options.lang = self->lang;
  if (sitroom_render_set_str (&self->approval_number, options->approval_number))
    sitroom_map_text_clear (self);
  self->options.approval_number = self->approval_number;
  if (sitroom_render_set_str (&self->attribution, options->attribution))
    sitroom_map_text_clear (self);
  self->options.attribution = self->attribution;

  if (old.gcj02 != options->gcj02)
    drop_geometry (self);
  if (old.style != options->style || old.tiles != options->tiles || old.metric != options->metric)
    sitroom_map_cache_clear (self);
  if (old.metric != options->metric)
    {
      sitroom_map_renderer_update_classes (self);
      sitroom_map_text_clear (self);
    }
  if (old.text_scale != options->text_scale)
    sitroom_map_text_clear (self);
  if (old.selected_chain != options->selected_chain)
    {
      /* The route's labels go with its stops. */
      self->stops_chain = MAP_STOPS_STALE;
      sitroom_map_text_clear (self);
    }
}

const SitroomClasses *
sitroom_map_renderer_get_classes (SitroomMapRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->classes;
}


static void
frame_init (MapFrame                 *frame,
            const SitroomMapViewport *viewport)
{
  frame->ox = viewport->width / 2 - viewport->center_x;
  frame->oy = viewport->height / 2 - viewport->center_y;
  frame->width = viewport->width;
  frame->height = viewport->height;
}

void
sitroom_map_renderer_draw_parts (SitroomMapRenderer       *self,
                                 cairo_t                  *cr,
                                 const SitroomMapViewport *viewport,
                                 SitroomMapParts           parts)
{
  MapFrame frame;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  sitroom_map_renderer_ensure_projection (self, viewport->zoom);
  frame_init (&frame, viewport);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  cairo_clip (cr);
  if ((parts & SITROOM_MAP_PART_BASE) && !sitroom_map_cache_draw (self, cr, viewport))
    sitroom_map_draw_base (self, cr, &frame);
  if (parts & SITROOM_MAP_PART_OVERLAY)
    {
      for (int selected = 0; selected < 2; selected++)
        if (!sitroom_map_cache_draw_highlight (self, cr, viewport, selected))
          sitroom_map_draw_highlight (self, cr, &frame, selected);
      if (self->view != NULL)
        {
          sitroom_map_draw_marks (self, cr, &frame);
          sitroom_map_text_update (self, cr);
          sitroom_map_draw_route (self, cr, &frame);
          sitroom_map_draw_badges (self, cr, viewport);
        }
    }
  cairo_restore (cr);
}

void
sitroom_map_renderer_draw (SitroomMapRenderer       *self,
                           cairo_t                  *cr,
                           const SitroomMapViewport *viewport)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  sitroom_map_renderer_draw_parts (self, cr, viewport, SITROOM_MAP_PART_BASE | SITROOM_MAP_PART_OVERLAY);
}

gboolean
sitroom_map_renderer_get_base_box (SitroomMapRenderer       *self,
                                   const SitroomMapViewport *viewport,
                                   cairo_rectangle_int_t    *box)
{
  MapFrame frame;
  double x0, y0, x1, y1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  sitroom_map_renderer_ensure_projection (self, viewport->zoom);
  frame_init (&frame, viewport);
  if (!self->options.tiles)
    {
      /* The background covers the whole drawing. */
      x0 = y0 = 0;
      x1 = viewport->width;
      y1 = viewport->height;
    }
  else if (sitroom_map_base_extents (self, &frame, &x0, &y0, &x1, &y1))
    {
      x0 = MAX (x0, 0);
      y0 = MAX (y0, 0);
      x1 = MIN (x1, viewport->width);
      y1 = MIN (y1, viewport->height);
    }
  else
    return FALSE;

  box->x = (int) floor (x0);
  box->y = (int) floor (y0);
  box->width = (int) ceil (x1) - box->x;
  box->height = (int) ceil (y1) - box->y;
  return box->width > 0 && box->height > 0;
}

static gboolean
polygon_contains (SitroomMapRenderer *self,
                  const MapPolygon   *polygon,
                  double              x,
                  double              y)
{
  const double *points = (const double *) (gpointer) self->zoom_points->data;
  gboolean inside = FALSE;

  if (x < polygon->min_x * self->scale || x > polygon->max_x * self->scale ||
      y < polygon->min_y * self->scale || y > polygon->max_y * self->scale)
    return FALSE;
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const MapRing *ring = &g_array_index (self->zoom_rings, MapRing, polygon->first_ring + r);

      if (ring->length > 0 && sitroom_geo_ring_contains (points + 2 * ring->start, ring->length, x, y))
        inside = !inside;
    }
  return inside;
}

int
sitroom_map_renderer_region_at (SitroomMapRenderer       *self,
                                const SitroomMapViewport *viewport,
                                double                    x,
                                double                    y)
{
  double wx, wy;
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (viewport != NULL, -1);

  sitroom_map_renderer_ensure_projection (self, viewport->zoom);
  wx = x - viewport->width / 2 + viewport->center_x;
  wy = y - viewport->height / 2 + viewport->center_y;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const MapMark *mark = &g_array_index (self->marks, MapMark, i);
      double d = hypot (mark->unit_x * self->scale - wx, mark->unit_y * self->scale - wy);

      if (d <= MAX (MARK_HIT_PIXELS, sitroom_map_mark_radius (self, &mark->mark)) && d < best)
        {
          best = d;
          found = mark->mark.region;
        }
    }
  if (found >= 0)
    return found;

  for (guint i = 0; i < self->features->len; i++)
    {
      const MapFeature *feature = &g_array_index (self->features, MapFeature, i);

      if (!feature->filled || feature->prefecture < 0)
        continue;
      for (guint p = 0; p < feature->n_polygons; p++)
        if (polygon_contains (self, &g_array_index (self->polygons, MapPolygon, feature->first_polygon + p),
                              wx, wy))
          return feature->prefecture;
    }
  return -1;
}

void
sitroom_map_viewport_fit (SitroomBoundaries  *boundaries,
                          double              width,
                          double              height,
                          double              margin,
                          double              min_zoom,
                          double              max_zoom,
                          SitroomMapViewport *viewport)
{
  double min_lon, min_lat, max_lon, max_lat;
  double x0, y0, x1, y1, zoom, avail_w, avail_h;

  g_return_if_fail (SITROOM_IS_BOUNDARIES (boundaries));
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (min_zoom <= max_zoom);

  sitroom_boundaries_get_extent (boundaries, &min_lon, &min_lat, &max_lon, &max_lat);
  sitroom_geo_project (min_lon, max_lat, 0, &x0, &y0);
  sitroom_geo_project (max_lon, min_lat, 0, &x1, &y1);

  avail_w = width - 2 * margin > 1 ? width - 2 * margin : MAX (width, 1);
  avail_h = height - 2 * margin > 1 ? height - 2 * margin : MAX (height, 1);
  if (x1 > x0 && y1 > y0)
    zoom = log2 (MIN (avail_w / (x1 - x0), avail_h / (y1 - y0)));
  else
    zoom = max_zoom;
  zoom = CLAMP (zoom, min_zoom, max_zoom);

  viewport->zoom = zoom;
  viewport->center_x = (x0 + x1) / 2 * exp2 (zoom);
  viewport->center_y = (y0 + y1) / 2 * exp2 (zoom);
  viewport->width = width;
  viewport->height = height;
}

const GArray *
sitroom_map_renderer_get_badges (SitroomMapRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->badges;
}

const double *
sitroom_map_renderer_get_ring (SitroomMapRenderer *self,
                               guint               boundary,
                               guint              *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = 0;
  for (guint i = 0; self->zoom_valid && i < self->features->len; i++)
    {
      const MapFeature *feature = &g_array_index (self->features, MapFeature, i);
      const MapRing *ring;

      if (feature->boundary != boundary || feature->n_polygons == 0)
        continue;
      ring = &g_array_index (self->zoom_rings, MapRing,
                             g_array_index (self->polygons, MapPolygon, feature->first_polygon).first_ring);
      *n_points = ring->length;
      return &g_array_index (self->zoom_points, double, 2 * ring->start);
    }
  return NULL;
}
