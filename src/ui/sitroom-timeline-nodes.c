/* The timeline's snapshot: a render node per lane, the axis and the cutoff, each kept while what it shows holds. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-timeline-private.h"

void
_sitroom_timeline_clear_lane_nodes (SitroomTimeline *self)
{
  for (guint i = 0; i < self->lane_nodes->len; i++)
    g_clear_pointer (&g_ptr_array_index (self->lane_nodes, i), gsk_render_node_unref);
}

void
_sitroom_timeline_clear_nodes (SitroomTimeline *self)
{
  _sitroom_timeline_clear_lane_nodes (self);
  g_clear_pointer (&self->axis_node, gsk_render_node_unref);
  g_clear_pointer (&self->cutoff_node, gsk_render_node_unref);
  self->cutoff_built = FALSE;
}

void
sitroom_timeline_get_viewport (SitroomTimeline         *self,
                               SitroomTimelineViewport *viewport)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));
  g_return_if_fail (viewport != NULL);

  *viewport = (SitroomTimelineViewport) {
    .start = self->start,
    .end = self->end,
    .width = gtk_widget_get_width (GTK_WIDGET (self)),
    .height = gtk_widget_get_height (GTK_WIDGET (self)),
    .scroll_y = self->scroll_y,
  };
}

static gboolean
same_key (const PartKey *a,
          const PartKey *b)
{
  return a->start == b->start && a->end == b->end &&
         a->width == b->width && a->height == b->height &&
         a->scroll_y == b->scroll_y && a->cutoff == b->cutoff &&
         a->data_serial == b->data_serial && a->options_serial == b->options_serial;
}

static PartKey
part_key (SitroomTimeline               *self,
          const SitroomTimelineViewport *viewport)
{
  return (PartKey) {
    .start = viewport->start,
    .end = viewport->end,
    .width = (int) viewport->width,
    .data_serial = self->data_serial,
    .options_serial = self->options_serial,
  };
}

/* Lanes are drawn unscrolled and moved into place by the snapshot, so
 * that scrolling through them rebuilds none. */
static GskRenderNode *
lane_node (SitroomTimeline               *self,
           const SitroomTimelineViewport *viewport,
           guint                          lane)
{
  SitroomTimelineViewport unscrolled = *viewport;
  gboolean selected = (int) lane == self->options.selected_chain;
  GskRenderNode **slot = (GskRenderNode **) &g_ptr_array_index (self->lane_nodes, lane);
  double x, y, width, height;
  cairo_t *cr;

  if (*slot != NULL && g_array_index (self->lane_selected, gboolean, lane) == selected)
    return *slot;

  unscrolled.scroll_y = 0;
  sitroom_timeline_renderer_get_lane_rect (self->renderer, &unscrolled, lane, &x, &y, &width, &height);
  g_clear_pointer (slot, gsk_render_node_unref);
  *slot = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x, y, width, height));
  cr = gsk_cairo_node_get_draw_context (*slot);
  sitroom_timeline_renderer_draw_lane (self->renderer, cr, &unscrolled, lane);
  cairo_destroy (cr);
  g_array_index (self->lane_selected, gboolean, lane) = selected;
  self->n_lane_builds++;
  return *slot;
}

static void
append_lanes (SitroomTimeline               *self,
              GtkSnapshot                   *snapshot,
              const SitroomTimelineViewport *viewport)
{
  double axis_h = sitroom_timeline_renderer_get_axis_height (self->renderer);
  double lane_h = sitroom_timeline_renderer_get_lane_height (self->renderer);
  PartKey key = part_key (self, viewport);
  guint first, last;

  if (!same_key (&key, &self->lanes_key))
    {
      _sitroom_timeline_clear_lane_nodes (self);
      self->lanes_key = key;
    }
  if (viewport->height <= axis_h || lane_h <= 0)
    return;

  first = (guint) MIN (floor (viewport->scroll_y / lane_h), self->lane_nodes->len);
  last = (guint) MIN (ceil ((viewport->scroll_y + viewport->height - axis_h) / lane_h),
                      self->lane_nodes->len);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, axis_h, viewport->width, viewport->height - axis_h));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, -viewport->scroll_y));
  for (guint i = first; i < last; i++)
    gtk_snapshot_append_node (snapshot, lane_node (self, viewport, i));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static GskRenderNode *
axis_node (SitroomTimeline               *self,
           const SitroomTimelineViewport *viewport)
{
  PartKey key = part_key (self, viewport);
  cairo_t *cr;

  /* The ticks and the corner's word know nothing of the data: a new
   * cutoff leaves the axis as it was. */
  key.data_serial = 0;
  if (self->axis_node != NULL && same_key (&key, &self->axis_key))
    return self->axis_node;

  g_clear_pointer (&self->axis_node, gsk_render_node_unref);
  self->axis_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, viewport->width,
                                                             sitroom_timeline_renderer_get_axis_height (self->renderer)));
  cr = gsk_cairo_node_get_draw_context (self->axis_node);
  sitroom_timeline_renderer_draw_axis (self->renderer, cr, viewport);
  cairo_destroy (cr);
  self->axis_key = key;
  self->n_axis_builds++;
  return self->axis_node;
}

/* The line and its handle in a node no wider than they are: recorded
 * once to find where they draw, then drawn into the node. */
static GskRenderNode *
cutoff_node (SitroomTimeline               *self,
             const SitroomTimelineViewport *viewport)
{
  PartKey key = part_key (self, viewport);
  cairo_surface_t *recording;
  double x, y, width, height;
  int x0, y0, x1, y1;
  cairo_t *cr;

  key.height = (int) viewport->height;
  key.scroll_y = (int) viewport->scroll_y;
  key.cutoff = self->cutoff;
  if (self->cutoff_built && same_key (&key, &self->cutoff_key))
    return self->cutoff_node;

  g_clear_pointer (&self->cutoff_node, gsk_render_node_unref);
  self->cutoff_key = key;
  self->cutoff_built = TRUE;
  self->n_cutoff_builds++;

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                              &(cairo_rectangle_t) { 0, 0, viewport->width, viewport->height });
  cr = cairo_create (recording);
  sitroom_timeline_renderer_draw_cutoff (self->renderer, cr, viewport, self->cutoff);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
  cairo_surface_destroy (recording);
  if (width <= 0 || height <= 0)
    return NULL;

  /* Whole pixels, so that GSK copies the node's image straight. */
  x0 = (int) floor (x);
  y0 = (int) floor (y);
  x1 = (int) ceil (x + width);
  y1 = (int) ceil (y + height);
  self->cutoff_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  cr = gsk_cairo_node_get_draw_context (self->cutoff_node);
  sitroom_timeline_renderer_draw_cutoff (self->renderer, cr, viewport, self->cutoff);
  cairo_destroy (cr);
  return self->cutoff_node;
}

void
_sitroom_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SitroomTimeline *self = SITROOM_TIMELINE (widget);
  SitroomTimelineViewport viewport;
  GskRenderNode *cutoff;

  sitroom_timeline_get_viewport (self, &viewport);
  if (self->view == NULL || viewport.width <= 0 || viewport.height <= 0)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, viewport.width, viewport.height));
  append_lanes (self, snapshot, &viewport);
  gtk_snapshot_append_node (snapshot, axis_node (self, &viewport));
  if ((cutoff = cutoff_node (self, &viewport)) != NULL)
    gtk_snapshot_append_node (snapshot, cutoff);
  gtk_snapshot_pop (snapshot);
}

void
sitroom_timeline_get_n_builds (SitroomTimeline *self,
                               guint           *lanes,
                               guint           *axis,
                               guint           *cutoff)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));

  if (lanes != NULL)
    *lanes = self->n_lane_builds;
  if (axis != NULL)
    *axis = self->n_axis_builds;
  if (cutoff != NULL)
    *cutoff = self->n_cutoff_builds;
}

SitroomTimelineRenderer *
sitroom_timeline_get_renderer (SitroomTimeline *self)
{
  g_return_val_if_fail (SITROOM_IS_TIMELINE (self), NULL);

  return self->renderer;
}
