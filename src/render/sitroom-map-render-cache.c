/* The map's base kept as an image a margin larger than the drawing, so that a frame while panning is one copy. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-map-render-private.h"

/* How far the map can be dragged before the base is drawn again. */
#define CACHE_MARGIN 256

void
sitroom_map_cache_clear (SitroomMapRenderer *self)
{
  g_clear_pointer (&self->base, cairo_surface_destroy);
  for (guint i = 0; i < G_N_ELEMENTS (self->highlights); i++)
    g_clear_pointer (&self->highlights[i].surface, cairo_surface_destroy);
}

/* Pixels may be kept; paths into a document may not: an SVG or a PDF
 * keeps every outline as a path, and a scaled context would blur a copy. */
static gboolean
can_cache (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;
  double sx, sy;

  if (sitroom_chart_draws_document (cr))
    return FALSE;
  cairo_get_matrix (cr, &matrix);
  if (matrix.xx != 1 || matrix.yy != 1 || matrix.xy != 0 || matrix.yx != 0)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  return sx == 1 && sy == 1;
}

static void
render_base (SitroomMapRenderer       *self,
             const SitroomMapViewport *viewport)
{
  /* Opaque without tiles: copying it is then a plain copy, no blending. */
  cairo_format_t format = self->options.tiles ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
  int width = (int) ceil (viewport->width) + 2 * CACHE_MARGIN;
  int height = (int) ceil (viewport->height) + 2 * CACHE_MARGIN;
  MapFrame frame;
  cairo_t *cr;

  /* A new image every time rather than the old one cleared: a frame on
   * screen may still show the old one (cairo keeps it as a snapshot, which
   * writing into it would copy first), and a new image is clear already. */
  g_clear_pointer (&self->base, cairo_surface_destroy);
  self->base = cairo_image_surface_create (format, width, height);

  self->base_x = floor (viewport->center_x - viewport->width / 2) - CACHE_MARGIN;
  self->base_y = floor (viewport->center_y - viewport->height / 2) - CACHE_MARGIN;
  self->base_zoom = viewport->zoom;
  self->n_base_renders++;

  frame.ox = -self->base_x;
  frame.oy = -self->base_y;
  frame.width = width;
  frame.height = height;

  cr = cairo_create (self->base);
  sitroom_map_draw_base (self, cr, &frame);
  cairo_destroy (cr);
  cairo_surface_flush (self->base);
}

/* Copies @surface, whose top-left corner is at world pixel (@wx, @wy),
 * into the drawing on whole device pixels: a copy, not a resampling. The
 * overlays drawn over it are then at most half a pixel off. */
static void
copy_kept (cairo_t                  *cr,
           cairo_surface_t          *surface,
           double                    wx,
           double                    wy,
           const SitroomMapViewport *viewport)
{
  double left = viewport->center_x - viewport->width / 2;
  double top = viewport->center_y - viewport->height / 2;
  cairo_matrix_t matrix;
  double x, y;

  cairo_get_matrix (cr, &matrix);
  x = round (wx - left + matrix.x0) - matrix.x0;
  y = round (wy - top + matrix.y0) - matrix.y0;

  cairo_save (cr);
  cairo_set_source_surface (cr, surface, x, y);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, MAX (x, 0), MAX (y, 0),
                   MIN (x + cairo_image_surface_get_width (surface), viewport->width) - MAX (x, 0),
                   MIN (y + cairo_image_surface_get_height (surface), viewport->height) - MAX (y, 0));
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Whether the kept base holds all of @viewport. */
static gboolean
base_covers (SitroomMapRenderer       *self,
             const SitroomMapViewport *viewport)
{
  double left = viewport->center_x - viewport->width / 2;
  double top = viewport->center_y - viewport->height / 2;

  return self->base != NULL && self->base_zoom == viewport->zoom &&
         left >= self->base_x && top >= self->base_y &&
         left + viewport->width <= self->base_x + cairo_image_surface_get_width (self->base) &&
         top + viewport->height <= self->base_y + cairo_image_surface_get_height (self->base);
}

/* Draws the base from the kept image when @cr is drawn into pixels at
 * one to one, drawing it anew first when the zoom changed or the view
 * left it. FALSE when @cr wants paths: the caller draws the base itself. */
gboolean
sitroom_map_cache_draw (SitroomMapRenderer       *self,
                        cairo_t                  *cr,
                        const SitroomMapViewport *viewport)
{
  if (!can_cache (cr))
    return FALSE;

  if (!base_covers (self, viewport))
    render_base (self, viewport);

  copy_kept (cr, self->base, self->base_x, self->base_y, viewport);
  return TRUE;
}

/* The hovered or the selected region's outline from a kept image over
 * the part of the base its region covers, drawn anew when the region,
 * the style or the base changed. FALSE when @cr wants paths. */
gboolean
sitroom_map_cache_draw_highlight (SitroomMapRenderer       *self,
                                  cairo_t                  *cr,
                                  const SitroomMapViewport *viewport,
                                  gboolean                  selected)
{
  int region = selected ? self->options.selected_region : self->options.hover_region;
  MapKeptOutline *kept = &self->highlights[selected ? 1 : 0];
  double x0, y0, x1, y1, pad = 4;
  MapFrame frame;
  cairo_t *kept_cr;

  /* Kept over the base's part of the world: while the base is about to be
   * drawn anew (the overlay drawn on its own, before the base), paths. */
  if (!base_covers (self, viewport) || !can_cache (cr))
    return FALSE;
  if (!selected && region == self->options.selected_region)
    return TRUE;
  if (region < 0 || !sitroom_map_region_box (self, region, &x0, &y0, &x1, &y1))
    return TRUE;

  if (kept->surface == NULL || kept->region != region || kept->base != self->n_base_renders ||
      kept->style != self->options.style)
    {
      g_clear_pointer (&kept->surface, cairo_surface_destroy);
      x0 = MAX (floor (x0 * self->scale - pad), self->base_x);
      y0 = MAX (floor (y0 * self->scale - pad), self->base_y);
      x1 = MIN (ceil (x1 * self->scale + pad), self->base_x + cairo_image_surface_get_width (self->base));
      y1 = MIN (ceil (y1 * self->scale + pad), self->base_y + cairo_image_surface_get_height (self->base));
      if (x1 <= x0 || y1 <= y0)
        return TRUE;

      kept->region = region;
      kept->base = self->n_base_renders;
      kept->style = self->options.style;
      kept->x = x0;
      kept->y = y0;
      kept->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (x1 - x0), (int) (y1 - y0));
      frame.ox = -x0;
      frame.oy = -y0;
      frame.width = x1 - x0;
      frame.height = y1 - y0;
      kept_cr = cairo_create (kept->surface);
      sitroom_map_draw_highlight (self, kept_cr, &frame, selected);
      cairo_destroy (kept_cr);
      cairo_surface_flush (kept->surface);
    }
  copy_kept (cr, kept->surface, kept->x, kept->y, viewport);
  return TRUE;
}
