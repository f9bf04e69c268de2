/* One lane of the timeline: its ground and label, a chain's marks over them, or the spans of the measures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-timeline-render-private.h"

#define LABEL_PADDING 12.0
#define SELECTED_BAR 4.0
#define SELECTED_TINT 0.12
#define MEASURE_PADDING 4.0

/* The lane's ground: its background, a wash after the cutoff, the major
 * ticks' lines, the selection's tint; the label column and the line under
 * the lane come after the marks. */
static void
draw_ground (SitroomTimelineRenderer       *self,
             cairo_t                       *cr,
             const SitroomTimelineViewport *viewport,
             double                         lane_y,
             gboolean                       selected)
{
  const TimelinePalette *palette = sitroom_timeline_palette (self->options.style);
  double lane_h = sitroom_timeline_renderer_get_lane_height (self);
  double x0, x1, cutoff_x;
  const GArray *ticks = sitroom_timeline_ticks (self, viewport);

  sitroom_timeline_area (self, viewport, &x0, &x1);
  sitroom_chart_set_color (cr, &palette->background, 1);
  cairo_rectangle (cr, 0, lane_y, viewport->width, lane_h);
  cairo_fill (cr);

  cutoff_x = sitroom_timeline_viewport_time_to_x (viewport, x0, sitroom_view_get_cutoff (self->view));
  if (cutoff_x < x1)
    {
      sitroom_chart_set_color (cr, &palette->future, 1);
      cairo_rectangle (cr, MAX (cutoff_x, x0), lane_y, x1 - MAX (cutoff_x, x0), lane_h);
      cairo_fill (cr);
    }

  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTick *tick = &g_array_index (ticks, SitroomTick, i);
      double x;

      if (!tick->major)
        continue;
      x = round (sitroom_timeline_viewport_time_to_x (viewport, x0, tick->at)) + 0.5;
      if (x < x0 || x > x1)
        continue;
      cairo_move_to (cr, x, lane_y);
      cairo_line_to (cr, x, lane_y + lane_h);
    }
  sitroom_chart_set_color (cr, &palette->grid, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (selected)
    {
      sitroom_chart_set_color (cr, &palette->selected, SELECTED_TINT);
      cairo_rectangle (cr, 0, lane_y, viewport->width, lane_h);
      cairo_fill (cr);
    }
}

static void
draw_status_dot (SitroomTimelineRenderer *self,
                 cairo_t                 *cr,
                 const TimelineLane      *lane,
                 double                   x,
                 double                   y)
{
  const TimelinePalette *palette = sitroom_timeline_palette (self->options.style);
  double ts = sitroom_timeline_scale (self);

  cairo_new_path (cr);
  if (lane->status == SITROOM_CHAIN_ACTIVE)
    {
      cairo_arc (cr, x, y, 3.5 * ts, 0, 2 * G_PI);
      sitroom_chart_set_color (cr, &palette->cutoff, 1);
      cairo_fill (cr);
    }
  else
    {
      cairo_arc (cr, x, y, 3 * ts, 0, 2 * G_PI);
      sitroom_chart_set_color (cr, &palette->text_dim,
                               lane->status == SITROOM_CHAIN_CLOSED ? 1 : 0.5);
      cairo_set_line_width (cr, 1.2 * ts);
      cairo_stroke (cr);
    }
}

static void
draw_label_column (SitroomTimelineRenderer       *self,
                   cairo_t                       *cr,
                   const SitroomTimelineViewport *viewport,
                   TimelineLane                  *lane,
                   double                         lane_y,
                   gboolean                       selected)
{
  const TimelinePalette *palette = sitroom_timeline_palette (self->options.style);
  double ts = sitroom_timeline_scale (self);
  double lane_h = sitroom_timeline_renderer_get_lane_height (self);
  double width = sitroom_timeline_renderer_get_label_width (self);
  double pad = LABEL_PADDING * ts;
  PangoRectangle name, status;

  sitroom_chart_set_color (cr, &palette->panel, 1);
  cairo_rectangle (cr, 0, lane_y, width, lane_h);
  cairo_fill (cr);
  if (selected)
    {
      sitroom_chart_set_color (cr, &palette->selected, SELECTED_TINT);
      cairo_rectangle (cr, 0, lane_y, width, lane_h);
      cairo_fill (cr);
      sitroom_chart_set_color (cr, &palette->selected, 1);
      cairo_rectangle (cr, 0, lane_y, round (SELECTED_BAR * ts), lane_h);
      cairo_fill (cr);
    }
  sitroom_chart_set_color (cr, &palette->separator, 1);
  cairo_rectangle (cr, width - 1, lane_y, 1, lane_h);
  cairo_fill (cr);

  sitroom_timeline_lane_ensure_texts (self, lane);
  pango_layout_get_pixel_extents (lane->name, NULL, &name);
  pango_layout_get_pixel_extents (lane->status_text, NULL, &status);

  sitroom_render_show (cr, lane->name, &palette->text, pad, lane_y + 5 * ts);

  if (lane->chain >= 0)
    {
      double top = lane_y + 5 * ts;
      double baseline = top + pango_layout_get_baseline (lane->name) / (double) PANGO_SCALE;
      double status_x = pad + name.width + TIMELINE_STATUS_INDENT * ts;
      PangoRectangle count;

      draw_status_dot (self, cr, lane, pad + name.width + 9 * ts, top + name.height / 2.0);
      sitroom_render_show (cr, lane->status_text, &palette->text_dim, status_x,
                           baseline - pango_layout_get_baseline (lane->status_text) / (double) PANGO_SCALE);

      sitroom_render_show (cr, lane->title, &palette->text_dim, pad, lane_y + 26 * ts);

      /* The positives, right-aligned on the baseline of the label, or of
       * the title when line one has no room for them. */
      if (lane->count_below)
        baseline = lane_y + 26 * ts + pango_layout_get_baseline (lane->title) / (double) PANGO_SCALE;
      pango_layout_get_pixel_extents (lane->count, NULL, &count);
      sitroom_render_show (cr, lane->count, &palette->text, width - pad - count.width,
                           baseline - pango_layout_get_baseline (lane->count) / (double) PANGO_SCALE);
    }
  else
    {
      sitroom_render_show (cr, lane->status_text, &palette->text_dim, pad, lane_y + 26 * ts);
    }

  sitroom_chart_set_color (cr, &palette->separator, 1);
  cairo_rectangle (cr, 0, lane_y + lane_h - 1, viewport->width, 1);
  cairo_fill (cr);
}

void
sitroom_timeline_draw_chain_lane (SitroomTimelineRenderer       *self,
                                  cairo_t                       *cr,
                                  const SitroomTimelineViewport *viewport,
                                  TimelineLane                  *lane,
                                  double                         lane_y)
{
  gboolean selected = lane->chain == self->options.selected_chain;
  double x0, x1;

  draw_ground (self, cr, viewport, lane_y, selected);

  sitroom_timeline_area (self, viewport, &x0, &x1);
  cairo_save (cr);
  cairo_rectangle (cr, x0, lane_y, x1 - x0, sitroom_timeline_renderer_get_lane_height (self));
  cairo_clip (cr);
  sitroom_timeline_draw_cases (self, cr, viewport, lane, lane_y);
  sitroom_timeline_draw_events (self, cr, viewport, lane, lane_y);
  cairo_restore (cr);

  draw_label_column (self, cr, viewport, lane, lane_y, selected);
}

gboolean
sitroom_timeline_measure_rect (SitroomTimelineRenderer       *self,
                               const SitroomTimelineViewport *viewport,
                               const TimelineMeasure         *measure,
                               double                         lane_y,
                               double                        *rect)
{
  double ts = sitroom_timeline_scale (self);
  double x0, x1, from, until;

  sitroom_timeline_area (self, viewport, &x0, &x1);
  from = sitroom_timeline_viewport_time_to_x (viewport, x0, measure->from);
  until = sitroom_timeline_viewport_time_to_x (viewport, x0, measure->until);
  if (until < x0 || from > x1)
    return FALSE;
  /* Cut to a little past the edges, and never thinner than a line. */
  from = MAX (from, x0 - 2);
  until = MAX (MIN (until, x1 + 2), from + 2);
  rect[0] = from;
  rect[1] = lane_y + round ((TIMELINE_MEASURE_TOP + measure->row * (TIMELINE_MEASURE_ROW + TIMELINE_MEASURE_GAP)) * ts);
  rect[2] = until - from;
  rect[3] = round (TIMELINE_MEASURE_ROW * ts);
  return TRUE;
}

void
sitroom_timeline_draw_measures_lane (SitroomTimelineRenderer       *self,
                                     cairo_t                       *cr,
                                     const SitroomTimelineViewport *viewport,
                                     double                         lane_y)
{
  const TimelinePalette *palette = sitroom_timeline_palette (self->options.style);
  double ts = sitroom_timeline_scale (self);
  gint64 cutoff = sitroom_view_get_cutoff (self->view);
  SitroomColor future;
  double x0, x1, cutoff_x;

  draw_ground (self, cr, viewport, lane_y, FALSE);
  sitroom_timeline_area (self, viewport, &x0, &x1);
  cutoff_x = sitroom_timeline_viewport_time_to_x (viewport, x0, cutoff);
  future = sitroom_chart_mix (&palette->future, 1, &palette->background);

  cairo_save (cr);
  cairo_rectangle (cr, x0, lane_y, x1 - x0, sitroom_timeline_renderer_get_lane_height (self));
  cairo_clip (cr);
  for (guint i = 0; i < self->measures->len; i++)
    {
      const TimelineMeasure *m = &g_array_index (self->measures, TimelineMeasure, i);
      const SitroomMeasure *measure = sitroom_situation_get_measure (self->situation, m->measure);
      gboolean later = m->from > cutoff;
      double rect[4], split;
      SitroomColor color, dim, ink_color;
      PangoLayout *label;
      PangoRectangle ink, logical;

      if (!sitroom_timeline_measure_rect (self, viewport, m, lane_y, rect))
        continue;

      /* Before the cutoff in full, after it dimmed. */
      sitroom_timeline_measure_color (measure->kind, self->options.style, &color);
      dim = sitroom_chart_mix (&color, TIMELINE_DIM_ALPHA, &future);
      split = CLAMP (cutoff_x, rect[0], rect[0] + rect[2]);
      if (split > rect[0])
        {
          sitroom_chart_set_color (cr, &color, 1);
          cairo_rectangle (cr, rect[0], rect[1], split - rect[0], rect[3]);
          cairo_fill (cr);
        }
      if (split < rect[0] + rect[2])
        {
          sitroom_chart_set_color (cr, &dim, 1);
          cairo_rectangle (cr, split, rect[1], rect[0] + rect[2] - split, rect[3]);
          cairo_fill (cr);
        }
      /* Its start, so that a span laid over another still shows where it began. */
      ink_color = sitroom_chart_mix (&palette->measure_text, later ? TIMELINE_DIM_ALPHA : 0.7, later ? &dim : &color);
      sitroom_chart_set_color (cr, &ink_color, 1);
      cairo_rectangle (cr, rect[0], rect[1], MIN (round (1.5 * ts), rect[2]), rect[3]);
      cairo_fill (cr);

      label = sitroom_timeline_measure_label (self, i);
      pango_layout_get_pixel_extents (label, &ink, &logical);
      if (logical.width + 2 * MEASURE_PADDING * ts > rect[2])
        continue;
      cairo_save (cr);
      cairo_rectangle (cr, rect[0], rect[1], rect[2], rect[3]);
      cairo_clip (cr);
      ink_color = sitroom_chart_mix (&palette->measure_text, later ? TIMELINE_DIM_ALPHA : 1, later ? &dim : &color);
      sitroom_render_show (cr, label, &ink_color,
                           rect[0] + MEASURE_PADDING * ts, rect[1] + (rect[3] - ink.height) / 2 - ink.y);
      cairo_restore (cr);
    }
  cairo_restore (cr);

  draw_label_column (self, cr, viewport, &g_array_index (self->lanes, TimelineLane, self->lanes->len - 1),
                     lane_y, FALSE);
}
