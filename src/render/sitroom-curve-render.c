/* The epidemic curve's plot: where it sits, the stacked bars, the axes and the 7-day mean, and day_at(). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-curve-render-private.h"
#include "sitroom-time-axis.h"

#define DAY G_GINT64_CONSTANT (86400)
#define MARGIN 12.0
/* The gutter for the count axis's labels is reckoned from their digits
 * rather than measured, so that day_at() needs no text. */
#define DIGIT_EM 0.62
#define GUTTER_PAD 8.0
/* Gridlines at least this far apart, and at most this many. */
#define GRID_MIN_PX 32.0
#define GRID_MAX_LINES 8
/* Day labels need this much room each (a label is at most "10月30日"). */
#define DAY_LABEL_PX 64.0

double
sitroom_curve_text_scale (const SitroomCurveOptions *options)
{
  return options->text_scale > 0 && isfinite (options->text_scale) ? options->text_scale : 1;
}

gboolean
sitroom_curve_is_chinese (const SitroomCurveOptions *options)
{
  return sitroom_render_is_chinese (options->lang);
}

static guint
count_digits (guint64 n)
{
  guint digits = 1;

  while (n >= 10)
    {
      n /= 10;
      digits++;
    }
  return digits;
}

/* The smallest step of 1, 2 or 5 times a power of ten that covers @most
 * in no more than @max_lines gridlines. */
static guint64
nice_step (guint64 most,
           guint   max_lines)
{
  static const guint mantissa[] = { 1, 2, 5 };
  guint64 power = 1;

  g_assert (max_lines >= 1);

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mantissa); i++)
        {
          guint64 step = mantissa[i] * power;

          if ((most + step - 1) / step <= max_lines)
            return step;
        }
      power *= 10;
    }
}

void
sitroom_curve_layout_x (SitroomCurve              *curve,
                        const SitroomCurveOptions *options,
                        double                     width,
                        double                     height,
                        CurveLayout               *layout)
{
  guint n_days = sitroom_curve_get_n_days (curve);
  guint64 most = sitroom_curve_get_max (curve);
  guint64 step;
  guint max_lines;
  double gutter, gap;

  g_assert (layout != NULL);

  *layout = (CurveLayout) { 0 };
  layout->width = width;
  layout->height = height;
  layout->ts = sitroom_curve_text_scale (options);
  layout->margin = MARGIN * layout->ts;

  /* The mean can pass the tallest bar when the days before the curve's
   * first (kept for the mean alone) were busier. */
  for (guint d = 0; d < n_days; d++)
    most = MAX (most, (guint64) ceil (sitroom_curve_get_day (curve, d)->mean7));
  most = MAX (most, 1);
  /* From the whole height, not the plot's: the plot's depends on the
   * words above it, the scale must not. */
  max_lines = CLAMP ((int) floor ((height - 2 * layout->margin) * 0.6 / (GRID_MIN_PX * layout->ts)),
                     1, GRID_MAX_LINES);
  step = nice_step (most, max_lines);
  layout->step = (guint) MIN (step, G_MAXUINT);
  layout->top = (guint) MIN ((most + step - 1) / step * step, G_MAXUINT);

  gutter = (count_digits (layout->top) * DIGIT_EM * CURVE_LABEL_PX + GUTTER_PAD) * layout->ts;
  layout->x0 = round (layout->margin + gutter);
  layout->x1 = MAX (round (width - layout->margin), layout->x0 + 1);
  layout->slot = (layout->x1 - layout->x0) / MAX (n_days, 1);
  /* A hair between days, as in a histogram; none when days are thin. */
  gap = layout->slot >= 4 ? MIN (2 * layout->ts, layout->slot * 0.2) : 0;
  layout->bar = layout->slot - gap;
}

void
sitroom_curve_bar_span (const CurveLayout *layout,
                        guint              day,
                        double            *left,
                        double            *right)
{
  double gap = layout->slot - layout->bar;

  *left = round (layout->x0 + day * layout->slot + gap / 2);
  *right = round (layout->x0 + (day + 1) * layout->slot - gap / 2);
  if (*right <= *left)
    *right = *left + 1;
}

double
sitroom_curve_day_center (const CurveLayout *layout,
                          guint              day)
{
  return layout->x0 + (day + 0.5) * layout->slot;
}

double
sitroom_curve_count_y (const CurveLayout *layout,
                       double             count)
{
  return layout->y1 - count * layout->unit;
}

void
sitroom_curve_render_get_layout (SitroomCurve              *curve,
                                 SitroomView               *view,
                                 const SitroomCurveOptions *options,
                                 cairo_t                   *cr,
                                 double                     width,
                                 double                     height,
                                 CurveLayout               *layout)
{
  CurveTexts texts;

  g_return_if_fail (curve != NULL);
  g_return_if_fail (SITROOM_IS_VIEW (view));
  g_return_if_fail (options != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  sitroom_curve_layout_x (curve, options, width, height, layout);
  sitroom_curve_texts_init (&texts, curve, view, options, cr, layout);
  sitroom_curve_texts_clear (&texts);
}

int
sitroom_curve_render_day_at (SitroomCurve              *curve,
                             const SitroomCurveOptions *options,
                             double                     width,
                             double                     height,
                             double                     x,
                             double                     y)
{
  CurveLayout layout;
  guint n_days;
  double day;

  g_return_val_if_fail (curve != NULL, -1);
  g_return_val_if_fail (options != NULL, -1);

  n_days = sitroom_curve_get_n_days (curve);
  if (n_days == 0 || !(x >= 0 && x < width && y >= 0 && y < height))
    return -1;
  sitroom_curve_layout_x (curve, options, width, height, &layout);
  /* The whole slot and the whole height: the gap between two bars and
   * the space above a short one still point at a day. */
  if (x < layout.x0 || x >= layout.x1)
    return -1;
  day = floor ((x - layout.x0) / layout.slot);
  return (int) CLAMP (day, 0, n_days - 1);
}

static void
draw_grid (CurveTexts        *texts,
           cairo_t           *cr,
           const CurveLayout *layout)
{
  const CurvePalette *palette = sitroom_curve_palette (texts->options->style);
  double ts = layout->ts;

  for (guint64 count = 0; count <= layout->top; count += layout->step)
    {
      double y = round (sitroom_curve_count_y (layout, count));
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
      g_autoptr(PangoLayout) label = sitroom_curve_new_layout (texts, CURVE_LABEL_PX, FALSE, text);
      PangoRectangle logical;

      if (count > 0)
        {
          cairo_new_path (cr);
          cairo_move_to (cr, layout->x0, y - 0.5);
          cairo_line_to (cr, layout->x1, y - 0.5);
          sitroom_chart_set_color (cr, &palette->grid, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
      pango_layout_get_pixel_extents (label, NULL, &logical);
      sitroom_render_show (cr, label, &palette->muted, layout->x0 - 6 * ts - logical.width, y - logical.height / 2.0);
    }
}

/* One group's part of a bar: solid when confirmed, hatched over a tint
 * when asymptomatic. Every part but the lowest leaves its bottom pixel
 * row to the background, so that parts of one colour stay apart; not a
 * thin one, which would turn into the hairlines alone. */
static void
draw_part (cairo_t           *cr,
           const CurveLayout *layout,
           const SitroomColor *color,
           gboolean           asymptomatic,
           double             left,
           double             right,
           double             bottom,
           double             top,
           gboolean           lowest)
{
  if (!lowest && bottom - top >= 6 && right - left >= 3)
    bottom -= 1;
  if (asymptomatic)
    sitroom_curve_fill_hatched (cr, color, layout->ts, left, top, right - left, bottom - top);
  else
    {
      cairo_new_path (cr);
      cairo_rectangle (cr, left, top, right - left, bottom - top);
      sitroom_chart_set_color (cr, color, 1);
      cairo_fill (cr);
    }
}

static void
draw_bars (SitroomCurve              *curve,
           const SitroomCurveOptions *options,
           cairo_t                   *cr,
           const CurveLayout         *layout)
{
  guint n_days = sitroom_curve_get_n_days (curve);
  guint n_groups = sitroom_curve_get_n_groups (curve);

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint d = 0; d < n_days; d++)
    {
      double left, right;
      guint below = 0;

      if (sitroom_curve_get_day (curve, d)->positives == 0)
        continue;
      sitroom_curve_bar_span (layout, d, &left, &right);
      /* The first group at the bottom; in each, confirmed under asymptomatic. */
      for (guint g = 0; g < n_groups; g++)
        for (int asymptomatic = 0; asymptomatic <= 1; asymptomatic++)
          {
            guint n = sitroom_curve_get_count (curve, d, g, asymptomatic);
            SitroomColor color;
            double bottom, top;

            if (n == 0)
              continue;
            sitroom_curve_render_group_color (g, options->style, &color);
            bottom = round (sitroom_curve_count_y (layout, below));
            top = round (sitroom_curve_count_y (layout, below + n));
            if (top < bottom)
              {
                /* The hatching is drawn smooth; only the edges are snapped. */
                cairo_set_antialias (cr, asymptomatic ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
                draw_part (cr, layout, &color, asymptomatic, left, right, bottom, top, below == 0);
              }
            below += n;
          }
    }
  cairo_restore (cr);
}

void
sitroom_curve_draw_baseline (CurveTexts        *texts,
                             cairo_t           *cr,
                             const CurveLayout *layout)
{
  cairo_new_path (cr);
  cairo_move_to (cr, layout->x0, layout->y1 + 0.5);
  cairo_line_to (cr, layout->x1, layout->y1 + 0.5);
  sitroom_chart_set_color (cr, &sitroom_curve_palette (texts->options->style)->axis, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_day_axis (SitroomCurve      *curve,
               CurveTexts        *texts,
               cairo_t           *cr,
               const CurveLayout *layout)
{
  const CurvePalette *palette = sitroom_curve_palette (texts->options->style);
  guint n_days = sitroom_curve_get_n_days (curve);
  double ts = layout->ts;
  double min_label = DAY_LABEL_PX * ts;
  gint64 start = sitroom_curve_get_day (curve, 0)->start;
  gint64 end = sitroom_curve_get_day (curve, n_days - 1)->start + DAY;
  /* No narrower than a day apart: an axis of a few days would be given
   * hours, and a bar is a whole day. */
  double axis_width = MIN (layout->x1 - layout->x0, n_days * min_label);
  gint64 step = sitroom_time_axis_step (start, end, axis_width, min_label);
  g_autoptr(GArray) ticks = sitroom_time_axis_ticks (start, end, axis_width, min_label, texts->options->lang);
  /* Up to a week, a tick names a day and sits under its bar; months and
   * years sit at their boundary. */
  double shift = step > 0 && step <= 7 * DAY ? layout->slot / 2 : 0;
  double last_right = -G_MAXDOUBLE;

  sitroom_curve_draw_baseline (texts, cr, layout);
  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTick *tick = &g_array_index (ticks, SitroomTick, i);
      double x = layout->x0 + (double) (tick->at - start) / DAY * layout->slot + shift;
      g_autoptr(PangoLayout) label = NULL;
      PangoRectangle logical;
      double lx;

      if (x < layout->x0 - 0.5 || x > layout->x1 + 0.5)
        continue;
      x = round (x) + 0.5;
      cairo_new_path (cr);
      cairo_move_to (cr, x, layout->y1 + 1);
      cairo_line_to (cr, x, layout->y1 + 1 + (tick->major ? CURVE_TICK_LENGTH : CURVE_TICK_LENGTH / 2) * ts);
      sitroom_chart_set_color (cr, &palette->axis, 1);
      cairo_stroke (cr);
      if (!tick->major || tick->label == NULL)
        continue;

      label = sitroom_curve_new_layout (texts, CURVE_LABEL_PX, FALSE, tick->label);
      pango_layout_get_pixel_extents (label, NULL, &logical);
      lx = CLAMP (x - logical.width / 2.0, 0, layout->width - logical.width);
      if (lx < last_right + 4 * ts)
        continue;
      last_right = lx + logical.width;
      sitroom_render_show (cr, label, &palette->muted, lx, layout->y1 + 1 + (CURVE_TICK_LENGTH + 2) * ts);
    }
}

static void
draw_mean (SitroomCurve              *curve,
           const SitroomCurveOptions *options,
           cairo_t                   *cr,
           const CurveLayout         *layout)
{
  const CurvePalette *palette = sitroom_curve_palette (options->style);
  guint n_days = sitroom_curve_get_n_days (curve);
  double ts = layout->ts;
  gboolean points = layout->slot >= 10 * ts;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint d = 0; d < n_days; d++)
    cairo_line_to (cr, sitroom_curve_day_center (layout, d),
                   sitroom_curve_count_y (layout, sitroom_curve_get_day (curve, d)->mean7));
  /* A halo in the background's colour keeps the line apart from the
   * bars it crosses, the mid grey group's too. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  sitroom_chart_set_color (cr, &palette->background, 0.85);
  cairo_set_line_width (cr, (points ? 4.5 : 3.5) * ts);
  cairo_stroke_preserve (cr);
  sitroom_chart_set_color (cr, &palette->mean, 1);
  cairo_set_line_width (cr, (points ? 2 : 1.5) * ts);
  cairo_stroke (cr);

  for (guint d = 0; d < n_days && points; d++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, sitroom_curve_day_center (layout, d),
                 sitroom_curve_count_y (layout, sitroom_curve_get_day (curve, d)->mean7),
                 3.5 * ts, 0, 2 * G_PI);
      sitroom_chart_set_color (cr, &palette->mean, 1);
      cairo_fill_preserve (cr);
      sitroom_chart_set_color (cr, &palette->background, 1);
      cairo_set_line_width (cr, 1.5 * ts);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
sitroom_curve_render (SitroomCurve              *curve,
                      SitroomView               *view,
                      const SitroomCurveOptions *options,
                      cairo_t                   *cr,
                      double                     width,
                      double                     height)
{
  const CurvePalette *palette;
  CurveLayout layout;
  CurveTexts texts;
  guint n_days;

  g_return_if_fail (curve != NULL);
  g_return_if_fail (SITROOM_IS_VIEW (view));
  g_return_if_fail (options != NULL);
  g_return_if_fail (cr != NULL);

  if (!(width > 0 && height > 0))
    return;

  palette = sitroom_curve_palette (options->style);
  n_days = sitroom_curve_get_n_days (curve);
  sitroom_curve_layout_x (curve, options, width, height, &layout);
  sitroom_curve_texts_init (&texts, curve, view, options, cr, &layout);

  sitroom_chart_begin (cr, width, height, &palette->background);

  sitroom_curve_draw_header (&texts, cr, &layout);
  if (n_days == 0)
    sitroom_curve_draw_empty (&texts, cr, &layout);
  else
    {
      gboolean hover = options->hover_day >= 0 && (guint) options->hover_day < n_days;

      draw_grid (&texts, cr, &layout);
      if (hover)
        {
          double left = layout.x0 + options->hover_day * layout.slot;

          cairo_new_path (cr);
          /* At least a pixel wide, where days are thinner. */
          cairo_rectangle (cr, left, layout.y0, MAX (layout.slot, 1), layout.y1 - layout.y0);
          sitroom_chart_set_color (cr, &palette->highlight, 1);
          cairo_fill (cr);
        }
      draw_bars (curve, options, cr, &layout);
      draw_day_axis (curve, &texts, cr, &layout);
      draw_mean (curve, options, cr, &layout);
      if (hover)
        sitroom_curve_draw_hover (&texts, cr, &layout, options->hover_day);
    }
  cairo_restore (cr);
  sitroom_curve_texts_clear (&texts);
}
