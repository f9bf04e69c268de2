/* The measures chart drawn: its colours, its words in zh or en, the rows and their spans, the axis and the cutoff. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-measures-render-private.h"
#include "sitroom-time-axis.h"
#include "sitroom-timeline-render.h"

#define LABEL_PADDING 12.0
#define SPAN_TEXT_PADDING 5.0
/* An end that is not known fades over this much of the span. */
#define FADE_WIDTH 40.0
#define MAJOR_TICK 8.0
#define MINOR_TICK 4.0
#define TICK_LABEL_TOP 4.0
#define CUTOFF_WIDTH 2.0
#define HANDLE_PADDING_X 6.0
#define HANDLE_PADDING_Y 2.0
#define HANDLE_BOTTOM 3.0
#define OUTLINE_WIDTH 2.0
/* How much of its colour a span keeps: once ended, and while scheduled
 * or past the cutoff. */
#define ENDED_ALPHA 0.6
#define DIM_ALPHA 0.35

/* The rows' colours shared with the timeline (sitroom-chart-style.h), by
 * name or as a whole, and the chart's own ground. */
typedef struct {
  union {
    SitroomLaneColors lane;
    struct { SITROOM_LANE_COLOR_MEMBERS };
  };
  SitroomColor background;      /* the rows */
  SitroomColor panel;           /* the axis row and the label column */
} Palette;

static const Palette light_palette = {
  .lane       = SITROOM_LANE_COLORS_LIGHT,
  .background = { 1, 1, 1, 1 },
  .panel      = { 0xfa / 255.f, 0xfa / 255.f, 0xfa / 255.f, 1 },
};

static const Palette dark_palette = {
  .lane       = SITROOM_LANE_COLORS_DARK,
  .background = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 1 },
  .panel      = { 0x24 / 255.f, 0x24 / 255.f, 0x24 / 255.f, 1 },
};

static const char * const kind_words[SITROOM_N_MEASURE_KINDS][2] = {
  [SITROOM_MEASURE_STATIC_MANAGEMENT] = { "静态管理", "Static management" },
  [SITROOM_MEASURE_TRAFFIC_CONTROL]   = { "交通管制", "Traffic control" },
  [SITROOM_MEASURE_MASS_TESTING]      = { "全员核酸检测", "Mass testing" },
  [SITROOM_MEASURE_LOCKDOWN_LIFTED]   = { "解除封控", "Lockdown lifted" },
  [SITROOM_MEASURE_OTHER]             = { "其他措施", "Other measure" },
};

static const Palette *
get_palette (SitroomMeasuresRenderer *self)
{
  return self->options.style == SITROOM_STYLE_DARK ? &dark_palette : &light_palette;
}

static gboolean
is_chinese (SitroomMeasuresRenderer *self)
{
  return sitroom_render_is_chinese (self->lang);
}

const char *
sitroom_measures_kind_word (SitroomMeasureKind kind,
                            const char        *lang)
{
  g_return_val_if_fail (kind < SITROOM_N_MEASURE_KINDS, NULL);

  return kind_words[kind][sitroom_render_is_chinese (lang) ? 0 : 1];
}

static PangoLayout *
new_layout (SitroomMeasuresRenderer *self,
            double                   pixels,
            gboolean                 bold,
            const char              *text)
{
  return sitroom_render_new_layout (self->pango, pixels * sitroom_measures_render_scale (self), bold, text);
}

/* "施行中3项 · 已结束1项" / "3 in force · 1 ended", led by the
 * prefecture of a county. */
static char *
row_summary (SitroomMeasuresRenderer *self,
             const Row               *row)
{
  const SitroomRegion *region = row->region >= 0 ? sitroom_situation_get_region (self->situation, row->region) : NULL;
  gboolean zh = is_chinese (self);
  GString *text = g_string_new (NULL);
  /* Chinese puts the figure inside the words: "施行中3项". */
  const struct {
    guint count;
    const char *zh_before;
    const char *zh_after;
    const char *en;
  } parts[] = {
    { row->n_in_force, "施行中", "项", "in force" },
    { row->n_ended, "已结束", "项", "ended" },
    { row->n_scheduled, "未开始", "项", "scheduled" },
  };

  if (region != NULL && region->level > SITROOM_LEVEL_PREFECTURE && region->prefecture >= 0)
    {
      const char *name = sitroom_text_get (&sitroom_situation_get_region (self->situation, region->prefecture)->name,
                                           self->lang);

      g_string_append (text, name != NULL ? name : "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i].count == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      if (zh)
        g_string_append_printf (text, "%s%u%s", parts[i].zh_before, parts[i].count, parts[i].zh_after);
      else
        g_string_append_printf (text, "%u %s", parts[i].count, parts[i].en);
    }
  return g_string_free (text, FALSE);
}

static void
draw_label_column (SitroomMeasuresRenderer *self,
                   cairo_t                 *cr,
                   const Row               *row)
{
  const Palette *palette = get_palette (self);
  const SitroomRegion *region = row->region >= 0 ? sitroom_situation_get_region (self->situation, row->region) : NULL;
  const char *name = region != NULL ? sitroom_text_get (&region->name, self->lang) : NULL;
  double ts = sitroom_measures_render_scale (self);
  double width = sitroom_measures_renderer_get_label_width (self);
  double pad = round (LABEL_PADDING * ts);
  g_autofree char *summary = row_summary (self, row);
  g_autoptr(PangoLayout) title = new_layout (self, 13, TRUE, name != NULL ? name : "—");
  g_autoptr(PangoLayout) sub = new_layout (self, 11, FALSE, summary);
  PangoRectangle title_box, sub_box;
  double top;

  sitroom_chart_set_color (cr, &palette->panel, 1);
  cairo_rectangle (cr, 0, row->y, width, row->height);
  cairo_fill (cr);
  sitroom_chart_set_color (cr, &palette->separator, 1);
  cairo_rectangle (cr, width - 1, row->y, 1, row->height);
  cairo_fill (cr);

  pango_layout_set_width (title, (int) ((width - 2 * pad) * PANGO_SCALE));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (sub, (int) ((width - 2 * pad) * PANGO_SCALE));
  pango_layout_set_ellipsize (sub, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_extents (title, NULL, &title_box);
  pango_layout_get_pixel_extents (sub, NULL, &sub_box);
  top = row->y + round ((row->height - title_box.height - sub_box.height) / 2);

  sitroom_render_show (cr, title, &palette->text, pad, top);
  sitroom_render_show (cr, sub, &palette->text_dim, pad, top + title_box.height);
}

/* The span in its colour: full before the cutoff, dimmed after it and
 * while scheduled, paler once ended; an end that is not known fades. */
static void
draw_span (SitroomMeasuresRenderer       *self,
           cairo_t                       *cr,
           const SitroomMeasuresViewport *viewport,
           const Span                    *span,
           const double                  *rect)
{
  const Palette *palette = get_palette (self);
  double ts = sitroom_measures_render_scale (self);
  double cutoff_x = sitroom_measures_renderer_time_to_x (self, viewport, self->cutoff);
  double split = CLAMP (cutoff_x, rect[0], rect[0] + rect[2]);
  double fade = MIN (round (FADE_WIDTH * ts), rect[2] / 2);
  double end = rect[0] + rect[2];
  SitroomColor kind, full, dim, ink;
  gboolean scheduled;
  g_autoptr(PangoLayout) word = NULL;
  PangoRectangle ink_box, logical;

  sitroom_timeline_measure_color (span->kind, self->options.style, &kind);
  full = span->status == SITROOM_MEASURE_ENDED ? sitroom_chart_mix (&kind, ENDED_ALPHA, &palette->background) : kind;
  dim = sitroom_chart_mix (&kind, DIM_ALPHA, &palette->background);
  if (span->status == SITROOM_MEASURE_SCHEDULED)
    split = rect[0];

  if (span->fades)
    {
      /* The last part goes from the colour to nearly nothing: the measure
       * holds on past what the drawing knows. */
      const SitroomColor *tail = split >= end ? &full : &dim;
      cairo_pattern_t *gradient = cairo_pattern_create_linear (end - fade, 0, end, 0);

      cairo_pattern_add_color_stop_rgba (gradient, 0, tail->red, tail->green, tail->blue, 1);
      cairo_pattern_add_color_stop_rgba (gradient, 1, tail->red, tail->green, tail->blue, 0.1);
      cairo_rectangle (cr, end - fade, rect[1], fade, rect[3]);
      cairo_set_source (cr, gradient);
      cairo_fill (cr);
      cairo_pattern_destroy (gradient);
      end -= fade;
    }
  if (split > rect[0])
    {
      sitroom_chart_set_color (cr, &full, 1);
      cairo_rectangle (cr, rect[0], rect[1], MIN (split, end) - rect[0], rect[3]);
      cairo_fill (cr);
    }
  if (split < end)
    {
      sitroom_chart_set_color (cr, &dim, 1);
      cairo_rectangle (cr, split, rect[1], end - split, rect[3]);
      cairo_fill (cr);
    }

  /* Its start, so that a span beside another still shows where it began. */
  /* A dimmed span is dark in the dark style: it takes the style's own text. */
  scheduled = span->status == SITROOM_MEASURE_SCHEDULED;
  ink = scheduled ? sitroom_chart_mix (&palette->text, 0.4, &dim)
                  : sitroom_chart_mix (&palette->measure_text, 0.7, &full);
  sitroom_chart_set_color (cr, &ink, 1);
  cairo_rectangle (cr, rect[0], rect[1], MIN (round (1.5 * ts), rect[2]), rect[3]);
  cairo_fill (cr);

  word = new_layout (self, 10.5, FALSE, sitroom_measures_kind_word (span->kind, self->lang));
  pango_layout_get_pixel_extents (word, &ink_box, &logical);
  if (logical.width + 2 * SPAN_TEXT_PADDING * ts > rect[2])
    return;
  ink = scheduled ? sitroom_chart_mix (&palette->text, 0.7, &dim) : palette->measure_text;
  sitroom_render_show (cr, word, &ink, rect[0] + round (SPAN_TEXT_PADDING * ts),
                       rect[1] + (rect[3] - ink_box.height) / 2 - ink_box.y);
}

static void
draw_rows (SitroomMeasuresRenderer       *self,
           cairo_t                       *cr,
           const SitroomMeasuresViewport *viewport,
           const GArray                  *ticks)
{
  const Palette *palette = get_palette (self);
  double x0 = sitroom_measures_renderer_get_label_width (self);
  double x1 = MAX (viewport->width, x0);
  double top = sitroom_measures_renderer_get_axis_height (self);
  double bottom = sitroom_measures_renderer_get_content_height (self);
  double cutoff_x = sitroom_measures_renderer_time_to_x (self, viewport, self->cutoff);

  cairo_save (cr);
  cairo_rectangle (cr, x0, top, x1 - x0, bottom - top);
  cairo_clip (cr);
  if (cutoff_x < x1)
    {
      sitroom_chart_set_color (cr, &palette->future, 1);
      cairo_rectangle (cr, MAX (cutoff_x, x0), top, x1 - MAX (cutoff_x, x0), bottom - top);
      cairo_fill (cr);
    }
  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTick *tick = &g_array_index (ticks, SitroomTick, i);

      if (tick->major)
        cairo_rectangle (cr, round (sitroom_measures_renderer_time_to_x (self, viewport, tick->at)), top, 1, bottom - top);
    }
  sitroom_chart_set_color (cr, &palette->grid, 1);
  cairo_fill (cr);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      double rect[4];

      if (sitroom_measures_render_span_rect (self, viewport, span, rect))
        draw_span (self, cr, viewport, span, rect);
    }
  cairo_restore (cr);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      draw_label_column (self, cr, row);
      sitroom_chart_set_color (cr, &palette->separator, 1);
      cairo_rectangle (cr, 0, row->y + row->height - 1, x1, 1);
      cairo_fill (cr);
    }
}

/* "8月20日 13:00" / "20 Aug 13:00", China Standard Time. */
static char *
format_cutoff (SitroomMeasuresRenderer *self)
{
  g_autoptr(GDateTime) t = sitroom_render_cst_time (self->cutoff);

  if (t == NULL)
    return g_strdup ("—");
  if (is_chinese (self))
    return g_strdup_printf ("%d月%d日 %02d:%02d", g_date_time_get_month (t), g_date_time_get_day_of_month (t),
                            g_date_time_get_hour (t), g_date_time_get_minute (t));
  return g_strdup_printf ("%d %s %02d:%02d", g_date_time_get_day_of_month (t),
                          sitroom_render_month_abbreviation (g_date_time_get_month (t)),
                          g_date_time_get_hour (t), g_date_time_get_minute (t));
}

static void
draw_axis (SitroomMeasuresRenderer       *self,
           cairo_t                       *cr,
           const SitroomMeasuresViewport *viewport,
           const GArray                  *ticks)
{
  const Palette *palette = get_palette (self);
  double ts = sitroom_measures_render_scale (self);
  double axis_h = sitroom_measures_renderer_get_axis_height (self);
  double x0 = sitroom_measures_renderer_get_label_width (self);
  double x1 = MAX (viewport->width, x0);
  g_autoptr(PangoLayout) corner = new_layout (self, 13, TRUE, is_chinese (self) ? "防控措施" : "Measures");
  PangoRectangle logical;

  sitroom_chart_set_color (cr, &palette->panel, 1);
  cairo_rectangle (cr, 0, 0, x1, axis_h);
  cairo_fill (cr);
  sitroom_chart_set_color (cr, &palette->separator, 1);
  cairo_rectangle (cr, 0, axis_h - 1, x1, 1);
  cairo_rectangle (cr, x0 - 1, 0, 1, axis_h);
  cairo_fill (cr);
  pango_layout_get_pixel_extents (corner, NULL, &logical);
  sitroom_render_show (cr, corner, &palette->text, round (LABEL_PADDING * ts), round ((axis_h - logical.height) / 2));

  cairo_save (cr);
  cairo_rectangle (cr, x0, 0, x1 - x0, axis_h);
  cairo_clip (cr);
  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTick *tick = &g_array_index (ticks, SitroomTick, i);
      double x = round (sitroom_measures_renderer_time_to_x (self, viewport, tick->at));
      double length = round ((tick->major ? MAJOR_TICK : MINOR_TICK) * ts);

      sitroom_chart_set_color (cr, &palette->text_dim, tick->major ? 1 : 0.5);
      cairo_rectangle (cr, x, axis_h - 1 - length, 1, length);
      cairo_fill (cr);
      if (tick->major && tick->label != NULL)
        {
          g_autoptr(PangoLayout) label = new_layout (self, 11, FALSE, tick->label);

          sitroom_render_show (cr, label, &palette->text_dim, x + round (3 * ts), round (TICK_LABEL_TOP * ts));
        }
    }
  cairo_restore (cr);
}

/* A line down the rows and a handle at the foot of the axis that names
 * its time, kept inside the spans' area. */
static void
draw_cutoff (SitroomMeasuresRenderer       *self,
             cairo_t                       *cr,
             const SitroomMeasuresViewport *viewport)
{
  const Palette *palette = get_palette (self);
  double ts = sitroom_measures_render_scale (self);
  double axis_h = sitroom_measures_renderer_get_axis_height (self);
  double x0 = sitroom_measures_renderer_get_label_width (self);
  double x1 = MAX (viewport->width, x0);
  double cx = sitroom_measures_renderer_time_to_x (self, viewport, self->cutoff);
  double bottom = sitroom_measures_renderer_get_content_height (self);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) label = NULL;
  PangoRectangle logical;
  double hx, hy, hw, hh;

  if (cx < x0 || cx > x1)
    return;

  text = format_cutoff (self);
  label = new_layout (self, 11, TRUE, text);
  pango_layout_get_pixel_extents (label, NULL, &logical);
  hw = logical.width + 2 * round (HANDLE_PADDING_X * ts);
  hh = logical.height + 2 * round (HANDLE_PADDING_Y * ts);
  hx = round (CLAMP (cx - hw / 2, x0, MAX (x1 - hw, x0)));
  hy = axis_h - round (HANDLE_BOTTOM * ts) - hh;

  cairo_save (cr);
  cairo_rectangle (cr, x0, 0, x1 - x0, bottom);
  cairo_clip (cr);
  sitroom_chart_set_color (cr, &palette->cutoff, 1);
  cairo_rectangle (cr, cx - CUTOFF_WIDTH * ts / 2, hy + hh, CUTOFF_WIDTH * ts, MAX (bottom - hy - hh, 0));
  cairo_fill (cr);
  cairo_rectangle (cr, hx, hy, hw, hh);
  cairo_fill (cr);
  sitroom_render_show (cr, label, &palette->cutoff_text,
                       hx + round (HANDLE_PADDING_X * ts), hy + round (HANDLE_PADDING_Y * ts));
  cairo_restore (cr);
}

void
sitroom_measures_renderer_draw_chart (SitroomMeasuresRenderer       *self,
                                      cairo_t                       *cr,
                                      const SitroomMeasuresViewport *viewport)
{
  const Palette *palette;
  g_autoptr(GArray) ticks = NULL;
  double x0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  palette = get_palette (self);
  x0 = sitroom_measures_renderer_get_label_width (self);
  sitroom_chart_begin (cr, viewport->width, viewport->height, &palette->background);
  if (self->view != NULL)
    {
      /* Room for the longest label ("2022年12月31日", "31 Dec 2022") and a gap. */
      double min_label = (is_chinese (self) ? 96 : 84) * sitroom_measures_render_scale (self);

      sitroom_render_text_update (&self->pango, cr, self->lang);
      ticks = sitroom_time_axis_ticks (viewport->start, viewport->end, MAX (viewport->width - x0, 0), min_label,
                                       self->lang);
      draw_rows (self, cr, viewport, ticks);
      draw_axis (self, cr, viewport, ticks);
      draw_cutoff (self, cr, viewport);
    }
  cairo_restore (cr);
}

void
sitroom_measures_renderer_draw_highlights (SitroomMeasuresRenderer       *self,
                                           cairo_t                       *cr,
                                           const SitroomMeasuresViewport *viewport)
{
  const Palette *palette;
  const int measures[2] = { self->options.selected_measure, self->options.hover_measure };
  double x0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  palette = get_palette (self);
  x0 = sitroom_measures_renderer_get_label_width (self);
  cairo_save (cr);
  cairo_rectangle (cr, x0, 0, MAX (viewport->width - x0, 0), viewport->height);
  cairo_clip (cr);
  cairo_set_line_width (cr, OUTLINE_WIDTH * sitroom_measures_render_scale (self));
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      double rect[4], inset = OUTLINE_WIDTH * sitroom_measures_render_scale (self) / 2;

      if (measures[i] < 0 || !sitroom_measures_renderer_get_span (self, viewport, measures[i], rect))
        continue;
      cairo_rectangle (cr, rect[0] + inset, rect[1] + inset, MAX (rect[2] - 2 * inset, 0), rect[3] - 2 * inset);
      sitroom_chart_set_color (cr, i == 0 ? &palette->selected : &palette->text, 1);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
sitroom_measures_renderer_draw (SitroomMeasuresRenderer       *self,
                                cairo_t                       *cr,
                                const SitroomMeasuresViewport *viewport)
{
  sitroom_measures_renderer_draw_chart (self, cr, viewport);
  sitroom_measures_renderer_draw_highlights (self, cr, viewport);
}