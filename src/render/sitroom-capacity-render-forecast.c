/* One prefecture's 14-day forecast as a chart: occupancy against the beds, the area above them, the day they run out, the hovered day, and day_at(). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-capacity-render-private.h"

#define DAY G_GINT64_CONSTANT (86400)
#define MARGIN 10.0
/* The people axis's gutter is reckoned for five digits rather than
 * measured, so that the columns, and day_at(), need no figures. */
#define GUTTER_DIGITS 5
#define DIGIT_EM 0.62
#define GUTTER_PAD 8.0
#define GRID_MIN_PX 24.0
#define GRID_MAX_LINES 6
/* About the height of the title, the full-on date and the day axis. */
#define WORDS_PX 72.0
/* Room above the highest figure for the beds' label. */
#define HEADROOM 1.12
/* The occupancy line's points. */
#define POINT_RADIUS 3.0

void
sitroom_capacity_chart_layout_x (const SitroomCapacityOptions *options,
                                 double                        width,
                                 double                        height,
                                 CapacityChartLayout          *layout)
{
  double gutter;

  g_assert (options != NULL);
  g_assert (layout != NULL);

  *layout = (CapacityChartLayout) { 0 };
  layout->width = width;
  layout->height = height;
  layout->ts = sitroom_capacity_text_scale (options);
  layout->margin = MARGIN * layout->ts;
  layout->rule_label_y = -1;

  gutter = (GUTTER_DIGITS * DIGIT_EM * CAPACITY_LABEL_PX + GUTTER_PAD) * layout->ts;
  layout->x0 = round (layout->margin + gutter);
  layout->x1 = MAX (round (width - layout->margin), layout->x0 + 1);
  layout->slot = (layout->x1 - layout->x0) / CAPACITY_COLUMNS;
}

double
sitroom_capacity_chart_day_x (const CapacityChartLayout *layout,
                              int                        column)
{
  return layout->x0 + (column + 0.5) * layout->slot;
}

double
sitroom_capacity_chart_people_y (const CapacityChartLayout *layout,
                                 double                     people)
{
  return layout->y1 - people * layout->unit;
}

gint64
sitroom_capacity_chart_occupied (const SitroomPrefectureForecast *prefecture,
                                 int                              column)
{
  g_assert (column >= 0 && column <= SITROOM_FORECAST_DAYS);

  return column == 0 ? prefecture->occupied : prefecture->days[column - 1].occupied;
}

gint64
sitroom_capacity_chart_capacity (const SitroomPrefectureForecast *prefecture,
                                 int                              column)
{
  g_assert (column >= 0 && column <= SITROOM_FORECAST_DAYS);

  return column == 0 ? prefecture->capacity : prefecture->days[column - 1].capacity;
}

/* The CST day of column @column (0: the cutoff's). */
static gint64
day_start (const SitroomPrefectureForecast *prefecture,
           int                              column)
{
  return prefecture->days[0].day + (gint64) (column - 1) * DAY;
}

/* The smallest step of 1, 2, 2.5 or 5 times a power of ten (2.5 from 25
 * up: people are whole) that covers @most in no more than @max_lines
 * gridlines. */
static gint64
nice_step (gint64 most,
           guint  max_lines)
{
  static const gint64 tenths[] = { 10, 20, 25, 50 };
  gint64 power = 1;

  g_assert (max_lines >= 1);

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (tenths); i++)
        {
          gint64 step = tenths[i] * power / 10;

          if (tenths[i] * power % 10 == 0 && (most + step - 1) / step <= (gint64) max_lines)
            return step;
        }
      power *= 10;
    }
}

static void
layout_scale (const SitroomPrefectureForecast *prefecture,
              CapacityChartLayout             *layout)
{
  gint64 most = 1;
  guint max_lines;

  for (int d = 0; d < CAPACITY_COLUMNS; d++)
    most = MAX (most, MAX (sitroom_capacity_chart_occupied (prefecture, d),
                           sitroom_capacity_chart_capacity (prefecture, d)));
  most = (gint64) ceil (most * HEADROOM);
  /* From the whole height less what the words above and below about
   * take: the plot's own height depends on the words, the scale must
   * not. */
  max_lines = CLAMP ((int) floor ((layout->height - 2 * layout->margin - WORDS_PX * layout->ts)
                                  / (GRID_MIN_PX * layout->ts)),
                     1, GRID_MAX_LINES);
  layout->step = nice_step (most, max_lines);
  layout->top = (most + layout->step - 1) / layout->step * layout->step;
}

/* Places the plot under the chart's words. */
static void
place_plot (const CapacityChartWords *words,
            CapacityChartLayout      *layout)
{
  double ts = layout->ts, w, h, top;

  top = layout->margin;
  if (words->name != NULL)
    {
      layout->title_y = top;
      sitroom_render_layout_size (words->name, &w, &h);
      top += MAX (h, words->mark_height) + 2 * ts;
      sitroom_render_layout_size (words->status, &w, &h);
      top += h + 6 * ts;
    }
  else if (words->illustrative)
    top += words->mark_height + 4 * ts;

  if (words->rule_label != NULL)
    {
      layout->rule_label_y = top;
      sitroom_render_layout_size (words->rule_label, &w, &h);
      top += h + 2 * ts;
    }
  else
    /* The top gridline's label stands half above it. */
    top += words->label_height / 2;

  layout->y0 = round (top);
  layout->y1 = MAX (floor (layout->height - layout->margin - (1 + (CAPACITY_TICK_LENGTH + 2) * ts
                                                               + words->label_height)),
                    layout->y0 + 1);
  layout->unit = (layout->y1 - layout->y0) / MAX (layout->top, 1);
}

void
sitroom_capacity_chart_get_layout (SitroomForecast                 *forecast,
                                   const SitroomPrefectureForecast *prefecture,
                                   const SitroomCapacityOptions    *options,
                                   cairo_t                         *cr,
                                   double                           width,
                                   double                           height,
                                   CapacityChartLayout             *layout)
{
  CapacityTexts texts;
  CapacityChartWords words;

  g_return_if_fail (SITROOM_IS_FORECAST (forecast));
  g_return_if_fail (prefecture != NULL && options != NULL && cr != NULL && layout != NULL);

  sitroom_capacity_chart_layout_x (options, width, height, layout);
  layout_scale (prefecture, layout);
  sitroom_capacity_texts_init (&texts, forecast, options, cr);
  sitroom_capacity_chart_words_init (&words, &texts, prefecture, layout->width - 2 * layout->margin);
  place_plot (&words, layout);
  sitroom_capacity_chart_words_clear (&words);
  sitroom_capacity_texts_clear (&texts);
}

int
sitroom_capacity_render_forecast_day_at (const SitroomCapacityOptions *options,
                                         double                        width,
                                         double                        height,
                                         double                        x,
                                         double                        y)
{
  CapacityChartLayout layout;

  g_return_val_if_fail (options != NULL, -1);

  if (!(x >= 0 && x < width && y >= 0 && y < height))
    return -1;
  sitroom_capacity_chart_layout_x (options, width, height, &layout);
  /* The whole column and the whole height: a day is pointed at anywhere
   * above or below its point. The first column is the cutoff's. */
  if (x < layout.x0 + layout.slot || x >= layout.x1)
    return -1;
  return (int) CLAMP (floor ((x - layout.x0) / layout.slot) - 1, 0, SITROOM_FORECAST_DAYS - 1);
}

static void
draw_header (CapacityTexts             *texts,
             const CapacityChartWords  *words,
             cairo_t                   *cr,
             const CapacityChartLayout *layout,
             gboolean                   running_out)
{
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  double mark_y = layout->margin;

  if (words->name != NULL)
    {
      double w, h;

      sitroom_render_show (cr, words->name, &palette->text, layout->margin, layout->title_y);
      sitroom_render_layout_size (words->name, &w, &h);
      mark_y = layout->title_y + MAX (0, (h - words->mark_height) / 2);
      sitroom_render_show (cr, words->status, running_out ? &palette->warning : &palette->muted,
                           layout->margin, layout->title_y + MAX (h, words->mark_height) + 2 * layout->ts);
    }
  if (words->illustrative)
    sitroom_capacity_draw_mark (texts, cr, layout->width - layout->margin - words->mark_width, mark_y);
}

static void
draw_grid (CapacityTexts             *texts,
           cairo_t                   *cr,
           const CapacityChartLayout *layout)
{
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);

  for (gint64 people = 0; people <= layout->top; people += layout->step)
    {
      double y = round (sitroom_capacity_chart_people_y (layout, people));
      g_autofree char *text = sitroom_capacity_number_words (people);
      g_autoptr(PangoLayout) label = sitroom_capacity_new_layout (texts, CAPACITY_LABEL_PX, FALSE, text);
      double w, h;

      cairo_new_path (cr);
      cairo_move_to (cr, layout->x0, y + (people == 0 ? 0.5 : -0.5));
      cairo_line_to (cr, layout->x1, y + (people == 0 ? 0.5 : -0.5));
      sitroom_chart_set_color (cr, people == 0 ? &palette->axis : &palette->grid, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      sitroom_render_layout_size (label, &w, &h);
      sitroom_render_show (cr, label, &palette->muted, MAX (0, layout->x0 - 6 * layout->ts - w), y - h / 2);
    }
}

static void
draw_day_axis (CapacityTexts                   *texts,
               const SitroomPrefectureForecast *prefecture,
               cairo_t                         *cr,
               const CapacityChartLayout       *layout)
{
  static const int steps[] = { 1, 2, 3, 7 };
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  double ts = layout->ts;
  /* As wide as a label gets. */
  g_autoptr(PangoLayout) probe = sitroom_capacity_new_layout (texts, CAPACITY_LABEL_PX, FALSE,
                                                              sitroom_capacity_phrase (texts, CAPACITY_PHRASE_WIDE_DAY));
  double w, h, last_right = -G_MAXDOUBLE;
  int step = 14;

  /* Labels every day, every other day, …: the first step whose labels
   * keep apart. */
  sitroom_render_layout_size (probe, &w, &h);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * layout->slot >= w + 6 * ts)
      {
        step = steps[i];
        break;
      }

  sitroom_chart_set_color (cr, &palette->axis, 1);
  cairo_set_line_width (cr, 1);
  for (int d = 0; d < CAPACITY_COLUMNS; d++)
    {
      double x = round (sitroom_capacity_chart_day_x (layout, d)) + 0.5;
      gboolean major = d % step == 0;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) label = NULL;
      double lx;

      cairo_new_path (cr);
      cairo_move_to (cr, x, layout->y1 + 1);
      cairo_line_to (cr, x, layout->y1 + 1 + (major ? CAPACITY_TICK_LENGTH : CAPACITY_TICK_LENGTH / 2) * ts);
      sitroom_chart_set_color (cr, &palette->axis, 1);
      cairo_stroke (cr);
      if (!major)
        continue;
      text = sitroom_capacity_day_words (day_start (prefecture, d), texts->chinese);
      label = sitroom_capacity_new_layout (texts, CAPACITY_LABEL_PX, FALSE, text);
      sitroom_render_layout_size (label, &w, &h);
      lx = CLAMP (x - w / 2, 0, MAX (0, layout->width - w));
      if (lx < last_right + 4 * ts)
        continue;
      last_right = lx + w;
      sitroom_render_show (cr, label, &palette->muted, lx, layout->y1 + 1 + (CAPACITY_TICK_LENGTH + 2) * ts);
    }
}

/* The occupancy line from the first point to the last; closed down to
 * the baseline for an area. */
static void
occupancy_path (const SitroomPrefectureForecast *prefecture,
                cairo_t                         *cr,
                const CapacityChartLayout       *layout,
                gboolean                         area)
{
  cairo_new_path (cr);
  if (area)
    cairo_move_to (cr, sitroom_capacity_chart_day_x (layout, 0), layout->y1);
  for (int d = 0; d < CAPACITY_COLUMNS; d++)
    cairo_line_to (cr, sitroom_capacity_chart_day_x (layout, d),
                   sitroom_capacity_chart_people_y (layout, sitroom_capacity_chart_occupied (prefecture, d)));
  if (area)
    {
      cairo_line_to (cr, sitroom_capacity_chart_day_x (layout, CAPACITY_COLUMNS - 1), layout->y1);
      cairo_close_path (cr);
    }
}

/* The area under the occupancy line, and the part of it above the beds in
 * the warning colour. */
static void
draw_areas (const SitroomPrefectureForecast *prefecture,
            const CapacityPalette           *palette,
            cairo_t                         *cr,
            const CapacityChartLayout       *layout)
{
  cairo_save (cr);
  occupancy_path (prefecture, cr, layout, TRUE);
  sitroom_chart_set_color (cr, &palette->area, 1);
  cairo_fill (cr);

  /* Above each column's beds: the level may change from day to day. */
  cairo_new_path (cr);
  for (int d = 0; d < CAPACITY_COLUMNS; d++)
    cairo_rectangle (cr, layout->x0 + d * layout->slot, layout->y0, layout->slot,
                     sitroom_capacity_chart_people_y (layout, sitroom_capacity_chart_capacity (prefecture, d))
                     - layout->y0);
  cairo_clip (cr);
  occupancy_path (prefecture, cr, layout, TRUE);
  sitroom_chart_set_color (cr, &palette->warning_area, 1);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Whether the occupancy line passes within a point's radius of the band
 * from @top to @bottom, right of @left. */
static gboolean
crosses_line (const SitroomPrefectureForecast *prefecture,
              const CapacityChartLayout       *layout,
              double                           left,
              double                           top,
              double                           bottom)
{
  double room = POINT_RADIUS * layout->ts;

  for (int d = 0; d + 1 < CAPACITY_COLUMNS; d++)
    {
      double y = sitroom_capacity_chart_people_y (layout, sitroom_capacity_chart_occupied (prefecture, d));
      double next = sitroom_capacity_chart_people_y (layout, sitroom_capacity_chart_occupied (prefecture, d + 1));

      if (sitroom_capacity_chart_day_x (layout, d + 1) >= left - room &&
          MAX (y, next) >= top - room && MIN (y, next) <= bottom + room)
        return TRUE;
    }
  return FALSE;
}

/* The top of the occupancy line right of @left, as crosses_line() reads
 * the line. */
static double
line_top (const SitroomPrefectureForecast *prefecture,
          const CapacityChartLayout       *layout,
          double                           left)
{
  double top = G_MAXDOUBLE;

  for (int d = 0; d + 1 < CAPACITY_COLUMNS; d++)
    if (sitroom_capacity_chart_day_x (layout, d + 1) >= left - POINT_RADIUS * layout->ts)
      top = MIN (top, MIN (sitroom_capacity_chart_people_y (layout, sitroom_capacity_chart_occupied (prefecture, d)),
                           sitroom_capacity_chart_people_y (layout, sitroom_capacity_chart_occupied (prefecture, d + 1))));
  return top;
}

/* The beds as a dashed level across the plot, named at its right end. */
static void
draw_capacity (CapacityTexts                   *texts,
               const SitroomPrefectureForecast *prefecture,
               cairo_t                         *cr,
               const CapacityChartLayout       *layout)
{
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  double ts = layout->ts;
  double dash[] = { 6 * ts, 4 * ts };
  gint64 last = sitroom_capacity_chart_capacity (prefecture, CAPACITY_COLUMNS - 1);
  g_autofree char *text = sitroom_capacity_beds_words (texts, last);
  g_autoptr(PangoLayout) label = sitroom_capacity_new_layout (texts, CAPACITY_LABEL_PX, FALSE, text);
  double w, h, y;

  cairo_save (cr);
  cairo_new_path (cr);
  for (int d = 0; d < CAPACITY_COLUMNS; d++)
    {
      double level = round (sitroom_capacity_chart_people_y (layout, sitroom_capacity_chart_capacity (prefecture, d)))
                     - 0.5;

      /* From the first point to the last, as the line runs. */
      cairo_line_to (cr, d == 0 ? sitroom_capacity_chart_day_x (layout, 0) : layout->x0 + d * layout->slot, level);
      cairo_line_to (cr, d == CAPACITY_COLUMNS - 1 ? sitroom_capacity_chart_day_x (layout, d)
                                                    : layout->x0 + (d + 1) * layout->slot, level);
    }
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, MAX (1, round (1.5 * ts)));
  sitroom_chart_set_color (cr, &palette->capacity, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Above the level, or under it where the occupancy line runs through
   * the words. Where the line runs along the level it runs through both:
   * then above the line's points with room to spare, or the words seem to
   * sit on the line and name it; but no more than a line of words up, or
   * they leave the level they name. */
  sitroom_render_layout_size (label, &w, &h);
  y = sitroom_capacity_chart_people_y (layout, last) - h - ts;
  if (crosses_line (prefecture, layout, layout->x1 - w, y, y + h))
    {
      double lifted = line_top (prefecture, layout, layout->x1 - w) - h - (POINT_RADIUS + 2) * ts;

      if (y + 2 * ts + 2 * h <= layout->y1 &&
          !crosses_line (prefecture, layout, layout->x1 - w, y + h + 2 * ts, y + 2 * h + 2 * ts))
        y += h + 2 * ts;
      else if (lifted < y && lifted >= y - h)
        y = lifted;
    }
  sitroom_render_show (cr, label, &palette->capacity, layout->x1 - w, MAX (y, layout->y0 - h / 2));
}

/* The first day with no free bed: a rule down the plot under its date. */
static void
draw_rule (const SitroomPrefectureForecast *prefecture,
           const CapacityChartWords        *words,
           const CapacityPalette           *palette,
           cairo_t                         *cr,
           const CapacityChartLayout       *layout)
{
  double x = round (sitroom_capacity_chart_day_x (layout, prefecture->full_on + 1));
  double half = MAX (1, round (layout->ts));
  double w, h, lx;

  sitroom_render_layout_size (words->rule_label, &w, &h);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_new_path (cr);
  cairo_rectangle (cr, x - half, layout->rule_label_y + h, 2 * half, layout->y1 - (layout->rule_label_y + h));
  sitroom_chart_set_color (cr, &palette->warning, 1);
  cairo_fill (cr);
  cairo_restore (cr);

  lx = CLAMP (x - w / 2, layout->margin, MAX (layout->margin, layout->width - layout->margin - w));
  sitroom_render_show (cr, words->rule_label, &palette->warning, lx, layout->rule_label_y);
}

static void
draw_line (const SitroomPrefectureForecast *prefecture,
           const CapacityPalette           *palette,
           cairo_t                         *cr,
           const CapacityChartLayout       *layout)
{
  double ts = layout->ts;
  gboolean points = layout->slot >= 8 * ts;

  cairo_save (cr);
  occupancy_path (prefecture, cr, layout, FALSE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  sitroom_chart_set_color (cr, &palette->line, 1);
  cairo_set_line_width (cr, 2 * ts);
  cairo_stroke (cr);

  /* A point a day; a day with no free bed in the warning colour. */
  for (int d = 0; d < CAPACITY_COLUMNS && points; d++)
    {
      gint64 occupied = sitroom_capacity_chart_occupied (prefecture, d);
      gint64 capacity = sitroom_capacity_chart_capacity (prefecture, d);

      cairo_new_path (cr);
      cairo_arc (cr, sitroom_capacity_chart_day_x (layout, d), sitroom_capacity_chart_people_y (layout, occupied),
                 POINT_RADIUS * ts, 0, 2 * G_PI);
      sitroom_chart_set_color (cr, occupied >= capacity && occupied > 0 ? &palette->warning : &palette->line, 1);
      cairo_fill_preserve (cr);
      sitroom_chart_set_color (cr, &palette->background, 1);
      cairo_set_line_width (cr, 1.2 * ts);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
sitroom_capacity_render_forecast (SitroomForecast                 *forecast,
                                  const SitroomPrefectureForecast *prefecture,
                                  const SitroomCapacityOptions    *options,
                                  cairo_t                         *cr,
                                  double                           width,
                                  double                           height)
{
  const CapacityPalette *palette;
  CapacityChartLayout layout;
  CapacityTexts texts;
  CapacityChartWords words;
  gboolean hover;

  g_return_if_fail (SITROOM_IS_FORECAST (forecast));
  g_return_if_fail (prefecture != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (cr != NULL);

  if (!(width > 0 && height > 0))
    return;

  palette = sitroom_capacity_palette (options->style);
  hover = options->hover_day >= 0 && options->hover_day < SITROOM_FORECAST_DAYS;
  sitroom_capacity_chart_layout_x (options, width, height, &layout);
  layout_scale (prefecture, &layout);
  sitroom_capacity_texts_init (&texts, forecast, options, cr);
  sitroom_capacity_chart_words_init (&words, &texts, prefecture, layout.width - 2 * layout.margin);
  place_plot (&words, &layout);

  sitroom_chart_begin (cr, width, height, &palette->background);

  draw_header (&texts, &words, cr, &layout, prefecture->full_on >= 0);
  draw_grid (&texts, cr, &layout);
  if (hover)
    {
      cairo_new_path (cr);
      cairo_rectangle (cr, layout.x0 + (options->hover_day + 1) * layout.slot, layout.y0,
                       layout.slot, layout.y1 - layout.y0);
      sitroom_chart_set_color (cr, &palette->highlight, 1);
      cairo_fill (cr);
    }
  draw_areas (prefecture, palette, cr, &layout);
  draw_capacity (&texts, prefecture, cr, &layout);
  if (prefecture->full_on >= 0 && prefecture->full_on < SITROOM_FORECAST_DAYS)
    draw_rule (prefecture, &words, palette, cr, &layout);
  draw_day_axis (&texts, prefecture, cr, &layout);
  draw_line (prefecture, palette, cr, &layout);
  if (hover)
    sitroom_capacity_draw_hover (&texts, cr, &layout, options->hover_day + 1,
                                 day_start (prefecture, options->hover_day + 1),
                                 sitroom_capacity_chart_occupied (prefecture, options->hover_day + 1),
                                 sitroom_capacity_chart_capacity (prefecture, options->hover_day + 1));
  cairo_restore (cr);

  sitroom_capacity_chart_words_clear (&words);
  sitroom_capacity_texts_clear (&texts);
}
