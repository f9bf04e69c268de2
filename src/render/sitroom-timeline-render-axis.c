/* The timeline's axis row with its ticks, and the cutoff: a line across the lanes with a handle that names its time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-timeline-render-private.h"

#define LABEL_PADDING 12.0
#define MAJOR_TICK 10.0
#define MINOR_TICK 5.0
#define TICK_LABEL_GAP 3.0
#define TICK_LABEL_TOP 4.0
#define HANDLE_PADDING_X 6.0
#define HANDLE_PADDING_Y 2.0
#define HANDLE_BOTTOM 3.0
#define CUTOFF_WIDTH 2.0

void
sitroom_timeline_renderer_draw_axis (SitroomTimelineRenderer       *self,
                                     cairo_t                       *cr,
                                     const SitroomTimelineViewport *viewport)
{
  const TimelinePalette *palette;
  const GArray *ticks;
  double ts, axis_h, x0, x1;
  PangoLayout *corner;
  PangoRectangle logical;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  palette = sitroom_timeline_palette (self->options.style);
  ts = sitroom_timeline_scale (self);
  axis_h = sitroom_timeline_renderer_get_axis_height (self);
  sitroom_timeline_area (self, viewport, &x0, &x1);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, viewport->width, axis_h);
  cairo_clip (cr);
  sitroom_timeline_text_update (self, cr);

  sitroom_chart_set_color (cr, &palette->panel, 1);
  cairo_paint (cr);
  sitroom_chart_set_color (cr, &palette->separator, 1);
  cairo_rectangle (cr, 0, axis_h - 1, viewport->width, 1);
  cairo_rectangle (cr, x0 - 1, 0, 1, axis_h);
  cairo_fill (cr);

  corner = sitroom_timeline_corner_label (self);
  pango_layout_get_pixel_extents (corner, NULL, &logical);
  sitroom_render_show (cr, corner, &palette->text, LABEL_PADDING * ts, (axis_h - logical.height) / 2);

  cairo_rectangle (cr, x0, 0, x1 - x0, axis_h);
  cairo_clip (cr);
  ticks = sitroom_timeline_ticks (self, viewport);
  for (int major = 0; major < 2; major++)
    {
      double length = round ((major ? MAJOR_TICK : MINOR_TICK) * ts);

      cairo_new_path (cr);
      for (guint i = 0; i < ticks->len; i++)
        {
          const SitroomTick *tick = &g_array_index (ticks, SitroomTick, i);
          double x = round (sitroom_timeline_viewport_time_to_x (viewport, x0, tick->at));

          if (tick->major == (gboolean) major)
            cairo_rectangle (cr, x, axis_h - 1 - length, 1, length);
        }
      sitroom_chart_set_color (cr, &palette->text_dim, major ? 1 : 0.5);
      cairo_fill (cr);
    }

  sitroom_chart_set_color (cr, &palette->text_dim, 1);
  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTick *tick = &g_array_index (ticks, SitroomTick, i);
      double x;

      if (!tick->major || tick->label == NULL)
        continue;
      x = round (sitroom_timeline_viewport_time_to_x (viewport, x0, tick->at));
      cairo_move_to (cr, x + TICK_LABEL_GAP * ts, TICK_LABEL_TOP * ts);
      pango_cairo_show_layout (cr, sitroom_timeline_tick_label (self, tick->label));
    }
  cairo_restore (cr);
}

/* Centred on the line at the foot of the axis row, kept inside the lanes'
 * area so that the time stays readable at the edges. */
void
sitroom_timeline_handle_rect (SitroomTimelineRenderer       *self,
                              const SitroomTimelineViewport *viewport,
                              gint64                         cutoff,
                              double                        *x,
                              double                        *y,
                              double                        *width,
                              double                        *height)
{
  double ts = sitroom_timeline_scale (self);
  double axis_h = sitroom_timeline_renderer_get_axis_height (self);
  PangoLayout *label = sitroom_timeline_handle_label (self, cutoff);
  PangoRectangle logical;
  double x0, x1, cx;

  sitroom_timeline_area (self, viewport, &x0, &x1);
  pango_layout_get_pixel_extents (label, NULL, &logical);
  cx = sitroom_timeline_viewport_time_to_x (viewport, x0, cutoff);
  *width = logical.width + 2 * round (HANDLE_PADDING_X * ts);
  *height = logical.height + 2 * round (HANDLE_PADDING_Y * ts);
  *x = round (CLAMP (cx - *width / 2, x0, MAX (x1 - *width, x0)));
  *y = axis_h - round (HANDLE_BOTTOM * ts) - *height;
}

void
sitroom_timeline_renderer_draw_cutoff (SitroomTimelineRenderer       *self,
                                       cairo_t                       *cr,
                                       const SitroomTimelineViewport *viewport,
                                       gint64                         cutoff)
{
  const TimelinePalette *palette;
  double ts, axis_h, bottom, x0, x1, cx;
  double hx, hy, hw, hh;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  self->handle_cutoff = cutoff;
  sitroom_timeline_area (self, viewport, &x0, &x1);
  cx = sitroom_timeline_viewport_time_to_x (viewport, x0, cutoff);
  if (cx < x0 || cx > x1)
    return;

  palette = sitroom_timeline_palette (self->options.style);
  ts = sitroom_timeline_scale (self);
  axis_h = sitroom_timeline_renderer_get_axis_height (self);
  bottom = MIN (viewport->height,
                axis_h + sitroom_timeline_renderer_get_content_height (self) - viewport->scroll_y);

  cairo_save (cr);
  cairo_rectangle (cr, x0, 0, x1 - x0, MAX (bottom, axis_h));
  cairo_clip (cr);
  sitroom_timeline_text_update (self, cr);
  sitroom_timeline_handle_rect (self, viewport, cutoff, &hx, &hy, &hw, &hh);

  sitroom_chart_set_color (cr, &palette->cutoff, 1);
  cairo_rectangle (cr, cx - CUTOFF_WIDTH * ts / 2, hy + hh, CUTOFF_WIDTH * ts, MAX (bottom - hy - hh, 0));
  cairo_fill (cr);
  sitroom_chart_rounded_rectangle (cr, hx, hy, hw, hh, 3 * ts);
  cairo_fill (cr);

  sitroom_render_show (cr, self->handle_label, &palette->cutoff_text,
                       hx + round (HANDLE_PADDING_X * ts), hy + round (HANDLE_PADDING_Y * ts));
  cairo_restore (cr);
}
