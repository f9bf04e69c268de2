/* The map's own layer over libshumate: the regions, marks, routes and furniture, drawn by the shared renderer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-geo.h"
#include "sitroom-map-layer.h"

/* What the screen shows of the furniture. */
#define LAYER_FURNITURE (SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_CREDITS)

static const SitroomMapFurniture still_pieces[] = { SITROOM_MAP_LEGEND, SITROOM_MAP_CREDITS };

struct _SitroomMapLayer
{
  ShumateLayer parent_instance;

  SitroomMapRenderer *renderer;
  SitroomView *view;
  SitroomBoundaries *boundaries;

  /* The last frame, and the viewport it was drawn for: a redraw that is not
   * a move (a marker taking focus, a window behind repainting) reuses it. */
  GskRenderNode *node;
  SitroomMapViewport node_viewport;
  guint n_draws;

  /* The legend and the credits do not move with the map: kept while the
   * data, the options and the size stay, so that GTK sees the same nodes
   * and repaints nothing of them that the tiles leave alone. The scale
   * changes with the zoom and the latitude only. */
  GskRenderNode *still[G_N_ELEMENTS (still_pieces)];
  int still_width;
  int still_height;
  GskRenderNode *scale;
  SitroomMapViewport scale_viewport;
};

G_DEFINE_FINAL_TYPE (SitroomMapLayer, sitroom_map_layer, SHUMATE_TYPE_LAYER)

static void
clear_still (SitroomMapLayer *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->still); i++)
    g_clear_pointer (&self->still[i], gsk_render_node_unref);
}

static void
clear_nodes (SitroomMapLayer *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  clear_still (self);
  g_clear_pointer (&self->scale, gsk_render_node_unref);
}

static void
drop_frame (SitroomMapLayer *self)
{
  g_assert (SITROOM_IS_MAP_LAYER (self));

  clear_nodes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
same_viewport (const SitroomMapViewport *a,
               const SitroomMapViewport *b)
{
  return a->zoom == b->zoom &&
         a->center_x == b->center_x &&
         a->center_y == b->center_y &&
         a->width == b->width &&
         a->height == b->height;
}

static graphene_rect_t *
box_to_rect (const cairo_rectangle_int_t *box,
             graphene_rect_t             *rect)
{
  return graphene_rect_init (rect, box->x, box->y, box->width, box->height);
}

static int
box_area (const cairo_rectangle_int_t *box)
{
  return box->width * box->height;
}

/* The overlay (highlights, marks, the route, badges) recorded, and the
 * box of whole pixels it draws in; FALSE when it draws nothing. */
static gboolean
record_overlay (SitroomMapLayer          *self,
                const SitroomMapViewport *viewport,
                cairo_surface_t         **recording,
                cairo_rectangle_int_t    *box)
{
  cairo_t *cr;
  double x, y, width, height;

  g_assert (SITROOM_IS_MAP_LAYER (self));

  *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                               &(cairo_rectangle_t) { 0, 0, viewport->width, viewport->height });
  cr = cairo_create (*recording);
  sitroom_map_renderer_draw_parts (self->renderer, cr, viewport, SITROOM_MAP_PART_OVERLAY);
  cairo_destroy (cr);

  cairo_recording_surface_ink_extents (*recording, &x, &y, &width, &height);
  if (width <= 0 || height <= 0)
    return FALSE;
  box->x = (int) floor (x);
  box->y = (int) floor (y);
  box->width = (int) ceil (x + width) - box->x;
  box->height = (int) ceil (y + height) - box->y;
  return TRUE;
}

/* The map under the furniture. GSK draws each cairo node into an image of
 * the node's size, which it then blends over the tiles: so the base and
 * the overlay each get a node over no more than they draw in, or share
 * one when their boxes overlap so much that one node over both costs
 * less. Boxes are whole pixels, so that GSK replays a node straight into
 * its image rather than through a mask. */
static void
append_map (SitroomMapLayer          *self,
            GtkSnapshot              *snapshot,
            const SitroomMapViewport *viewport)
{
  cairo_rectangle_int_t base, overlay, both;
  cairo_surface_t *recording = NULL;
  gboolean has_base, has_overlay;
  graphene_rect_t rect;
  cairo_t *cr;

  g_assert (SITROOM_IS_MAP_LAYER (self));

  has_base = sitroom_map_renderer_get_base_box (self->renderer, viewport, &base);
  has_overlay = record_overlay (self, viewport, &recording, &overlay);

  if (has_base && has_overlay)
    {
      gdk_rectangle_union (&base, &overlay, &both);
      if (box_area (&both) <= box_area (&base) + box_area (&overlay))
        {
          /* Drawn again rather than the recording painted: a recording
           * painted over the base would cost GSK an image of its own. */
          cr = gtk_snapshot_append_cairo (snapshot, box_to_rect (&both, &rect));
          sitroom_map_renderer_draw_parts (self->renderer, cr, viewport,
                                           SITROOM_MAP_PART_BASE | SITROOM_MAP_PART_OVERLAY);
          cairo_destroy (cr);
          cairo_surface_destroy (recording);
          return;
        }
    }

  if (has_base)
    {
      cr = gtk_snapshot_append_cairo (snapshot, box_to_rect (&base, &rect));
      sitroom_map_renderer_draw_parts (self->renderer, cr, viewport, SITROOM_MAP_PART_BASE);
      cairo_destroy (cr);
    }
  if (has_overlay)
    {
      /* Painted into a clear image, the recording is replayed in place. */
      cr = gtk_snapshot_append_cairo (snapshot, box_to_rect (&overlay, &rect));
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (recording);
}

/* A piece of the furniture in a node of its own, laid out with the rest. */
static GskRenderNode *
furniture_node (SitroomMapLayer          *self,
                const SitroomMapViewport *viewport,
                SitroomMapFurniture       piece)
{
  cairo_rectangle_int_t box;
  graphene_rect_t rect;
  GskRenderNode *node;
  cairo_t *cr;

  if (!sitroom_map_renderer_get_furniture_box (self->renderer, viewport, LAYER_FURNITURE, piece, &box))
    return NULL;
  node = gsk_cairo_node_new (box_to_rect (&box, &rect));
  cr = gsk_cairo_node_get_draw_context (node);
  sitroom_map_renderer_draw_furniture (self->renderer, cr, viewport, LAYER_FURNITURE);
  cairo_destroy (cr);
  return node;
}

static void
append_furniture (SitroomMapLayer          *self,
                  GtkSnapshot              *snapshot,
                  const SitroomMapViewport *viewport)
{
  if (self->still_width != (int) viewport->width || self->still_height != (int) viewport->height)
    {
      clear_still (self);
      self->still_width = (int) viewport->width;
      self->still_height = (int) viewport->height;
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->still); i++)
    {
      if (self->still[i] == NULL)
        self->still[i] = furniture_node (self, viewport, still_pieces[i]);
      if (self->still[i] != NULL)
        gtk_snapshot_append_node (snapshot, self->still[i]);
    }

  if (self->scale == NULL ||
      self->scale_viewport.zoom != viewport->zoom ||
      self->scale_viewport.center_y != viewport->center_y ||
      self->scale_viewport.width != viewport->width ||
      self->scale_viewport.height != viewport->height)
    {
      g_clear_pointer (&self->scale, gsk_render_node_unref);
      self->scale = furniture_node (self, viewport, SITROOM_MAP_SCALE);
      self->scale_viewport = *viewport;
    }
  if (self->scale != NULL)
    gtk_snapshot_append_node (snapshot, self->scale);
}

static void
sitroom_map_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SitroomMapLayer *self = SITROOM_MAP_LAYER (widget);
  SitroomMapViewport viewport;

  sitroom_map_layer_get_map_viewport (self, &viewport);
  if (self->view == NULL || viewport.width <= 0 || viewport.height <= 0)
    return;

  if (self->node == NULL || !same_viewport (&self->node_viewport, &viewport))
    {
      g_autoptr(GtkSnapshot) frame = gtk_snapshot_new ();

      append_map (self, frame, &viewport);
      append_furniture (self, frame, &viewport);

      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gtk_snapshot_free_to_node (g_steal_pointer (&frame));
      self->node_viewport = viewport;
      self->n_draws++;
    }

  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);
}

static void
viewport_moved_cb (SitroomMapLayer *self)
{
  /* The frame is kept: snapshot compares viewports and redraws only if this
   * notification really moved the map. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sitroom_map_layer_constructed (GObject *object)
{
  SitroomMapLayer *self = SITROOM_MAP_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (sitroom_map_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_assert (SHUMATE_IS_VIEWPORT (viewport));

  g_signal_connect_object (viewport, "notify::zoom-level",
                           G_CALLBACK (viewport_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::latitude",
                           G_CALLBACK (viewport_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude",
                           G_CALLBACK (viewport_moved_cb), self, G_CONNECT_SWAPPED);
}

static void
sitroom_map_layer_dispose (GObject *object)
{
  SitroomMapLayer *self = SITROOM_MAP_LAYER (object);

  clear_nodes (self);
  g_clear_object (&self->view);
  g_clear_object (&self->boundaries);

  G_OBJECT_CLASS (sitroom_map_layer_parent_class)->dispose (object);
}

static void
sitroom_map_layer_finalize (GObject *object)
{
  SitroomMapLayer *self = SITROOM_MAP_LAYER (object);

  g_clear_pointer (&self->renderer, sitroom_map_renderer_free);

  G_OBJECT_CLASS (sitroom_map_layer_parent_class)->finalize (object);
}

static void
sitroom_map_layer_class_init (SitroomMapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sitroom_map_layer_constructed;
  object_class->dispose = sitroom_map_layer_dispose;
  object_class->finalize = sitroom_map_layer_finalize;
  widget_class->snapshot = sitroom_map_layer_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sitroom-map-layer");
}

static void
sitroom_map_layer_init (SitroomMapLayer *self)
{
  self->renderer = sitroom_map_renderer_new ();
}

SitroomMapLayer *
sitroom_map_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (SITROOM_TYPE_MAP_LAYER,
                       "viewport", viewport,
                       NULL);
}

void
sitroom_map_layer_set_data (SitroomMapLayer   *self,
                            SitroomView       *view,
                            SitroomBoundaries *boundaries)
{
  g_return_if_fail (SITROOM_IS_MAP_LAYER (self));
  g_return_if_fail (view == NULL || SITROOM_IS_VIEW (view));
  g_return_if_fail (SITROOM_IS_BOUNDARIES (boundaries));

  if (self->view == view && self->boundaries == boundaries)
    return;

  g_set_object (&self->view, view);
  g_set_object (&self->boundaries, boundaries);
  if (view != NULL)
    sitroom_map_renderer_set_data (self->renderer, view, boundaries);
  drop_frame (self);
}

void
sitroom_map_layer_set_options (SitroomMapLayer         *self,
                               const SitroomMapOptions *options)
{
  g_return_if_fail (SITROOM_IS_MAP_LAYER (self));
  g_return_if_fail (options != NULL);

  sitroom_map_renderer_set_options (self->renderer, options);
  drop_frame (self);
}

void
sitroom_map_layer_get_map_viewport (SitroomMapLayer    *self,
                                    SitroomMapViewport *viewport)
{
  ShumateViewport *shumate;
  double zoom;

  g_return_if_fail (SITROOM_IS_MAP_LAYER (self));
  g_return_if_fail (viewport != NULL);

  shumate = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  zoom = shumate_viewport_get_zoom_level (shumate);

  viewport->zoom = zoom;
  sitroom_geo_project (shumate_location_get_longitude (SHUMATE_LOCATION (shumate)),
                       shumate_location_get_latitude (SHUMATE_LOCATION (shumate)),
                       zoom,
                       &viewport->center_x,
                       &viewport->center_y);
  viewport->width = gtk_widget_get_width (GTK_WIDGET (self));
  viewport->height = gtk_widget_get_height (GTK_WIDGET (self));
}

int
sitroom_map_layer_region_at (SitroomMapLayer *self,
                             double           x,
                             double           y)
{
  SitroomMapViewport viewport;

  g_return_val_if_fail (SITROOM_IS_MAP_LAYER (self), -1);

  if (self->view == NULL)
    return -1;

  sitroom_map_layer_get_map_viewport (self, &viewport);
  return sitroom_map_renderer_region_at (self->renderer, &viewport, x, y);
}

const SitroomClasses *
sitroom_map_layer_get_classes (SitroomMapLayer *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_LAYER (self), NULL);

  return sitroom_map_renderer_get_classes (self->renderer);
}

guint
sitroom_map_layer_get_n_draws (SitroomMapLayer *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_LAYER (self), 0);

  return self->n_draws;
}
