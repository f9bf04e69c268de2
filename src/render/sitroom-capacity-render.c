/* Quarantine capacity drawn whole: the title, the table beside a forecast chart per prefecture, the key, the assumptions under them; the colours and the illustrative mark the drawings share. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-capacity-render-private.h"

#define MARGIN 20.0
#define TITLE_PX 18.0
#define SUBTITLE_PX 12.0
#define TEXT_PX 12.0
#define EMPTY_PX 15.0
#define MARK_PX 10.0
#define BLOCK_GAP 16.0
#define CELL_GAP 10.0
/* Below this width beside the table, the charts go under it. */
#define CHARTS_MIN_PX 300.0
#define SWATCH_WIDTH 18.0
#define ITEM_GAP 16.0

/* The charts' frame (sitroom-chart-style.h), and GNOME's palette for the
 * rest. The bars' three colours differ in lightness as well as hue, for
 * the common colour-vision deficiencies, and the words (a percentage,
 * "over-full") say the same again. */
static const CapacityPalette light_palette = {
  .chart        = SITROOM_CHART_COLORS_LIGHT,
  .line         = { 0x1a / 255.f, 0x5f / 255.f, 0xb4 / 255.f, 1 },
  .area         = { 0x1a / 255.f, 0x5f / 255.f, 0xb4 / 255.f, 0.10f },
  .capacity     = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },
  .calm         = { 0x35 / 255.f, 0x84 / 255.f, 0xe4 / 255.f, 1 },
  .amber        = { 0xe5 / 255.f, 0xa5 / 255.f, 0x0a / 255.f, 1 },
  .warning      = { 0xc0 / 255.f, 0x1c / 255.f, 0x28 / 255.f, 1 },
  .warning_area = { 0xc0 / 255.f, 0x1c / 255.f, 0x28 / 255.f, 0.28f },
  .track        = { 0xde / 255.f, 0xdd / 255.f, 0xda / 255.f, 1 },
  .mark         = { 0x61 / 255.f, 0x35 / 255.f, 0x83 / 255.f, 1 },
};

static const CapacityPalette dark_palette = {
  .chart        = SITROOM_CHART_COLORS_DARK,
  .line         = { 0x99 / 255.f, 0xc1 / 255.f, 0xf1 / 255.f, 1 },
  .area         = { 0x99 / 255.f, 0xc1 / 255.f, 0xf1 / 255.f, 0.14f },
  .capacity     = { 1, 1, 1, 1 },
  .calm         = { 0x62 / 255.f, 0xa0 / 255.f, 0xea / 255.f, 1 },
  .amber        = { 0xf6 / 255.f, 0xd3 / 255.f, 0x2d / 255.f, 1 },
  .warning      = { 0xff / 255.f, 0x7b / 255.f, 0x63 / 255.f, 1 },
  .warning_area = { 0xff / 255.f, 0x7b / 255.f, 0x63 / 255.f, 0.32f },
  .track        = { 0x3d / 255.f, 0x38 / 255.f, 0x46 / 255.f, 1 },
  .mark         = { 0xdc / 255.f, 0x8a / 255.f, 0xdd / 255.f, 1 },
};

const CapacityPalette *
sitroom_capacity_palette (SitroomStyle style)
{
  return style == SITROOM_STYLE_DARK ? &dark_palette : &light_palette;
}

void
sitroom_capacity_render_bar_color (gint64        occupied,
                                   gint64        capacity,
                                   SitroomStyle  style,
                                   SitroomColor *color)
{
  const CapacityPalette *palette = sitroom_capacity_palette (style);

  g_return_if_fail (color != NULL);

  if (occupied > capacity)
    *color = palette->warning;
  /* 80 % and more, in whole people: 80 of 100 is amber. */
  else if (capacity > 0 && occupied * 5 >= capacity * 4)
    *color = palette->amber;
  else
    *color = palette->calm;
}

double
sitroom_capacity_text_scale (const SitroomCapacityOptions *options)
{
  return options->text_scale > 0 && isfinite (options->text_scale) ? options->text_scale : 1;
}

gboolean
sitroom_capacity_sites_illustrative (SitroomForecast *forecast)
{
  return sitroom_situation_is_illustrative (sitroom_view_get_situation (sitroom_forecast_get_view (forecast)),
                                            "quarantine_sites");
}

gboolean
sitroom_capacity_forecast_illustrative (SitroomForecast *forecast)
{
  return sitroom_capacity_sites_illustrative (forecast) ||
         sitroom_situation_is_illustrative (sitroom_view_get_situation (sitroom_forecast_get_view (forecast)),
                                            "quarantine_cohorts");
}

static PangoLayout *
mark_layout (CapacityTexts *texts)
{
  return sitroom_capacity_new_layout (texts, MARK_PX, TRUE, sitroom_capacity_phrase (texts, CAPACITY_PHRASE_MARK));
}

void
sitroom_capacity_mark_size (CapacityTexts *texts,
                            double        *width,
                            double        *height)
{
  g_autoptr(PangoLayout) label = mark_layout (texts);

  sitroom_render_layout_size (label, width, height);
  *width = ceil (*width + 8 * texts->ts);
  *height = ceil (*height + 2 * texts->ts);
}

/* The words in a box outlined in a colour of their own: a reader sees at
 * once which figures were not reported. */
void
sitroom_capacity_draw_mark (CapacityTexts *texts,
                            cairo_t       *cr,
                            double         x,
                            double         y)
{
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  g_autoptr(PangoLayout) label = mark_layout (texts);
  double w, h, lw, lh;

  sitroom_capacity_mark_size (texts, &w, &h);
  sitroom_render_layout_size (label, &lw, &lh);
  x = round (x);
  y = round (y);
  sitroom_chart_draw_box (cr, x, y, w, h, &palette->background, &palette->mark);
  sitroom_render_show (cr, label, &palette->mark, x + (w - lw) / 2, y + (h - lh) / 2);
}

/* The charts' key, in one row: the occupancy line, the beds, the area
 * above them and the day they run out. */
static double
draw_key (CapacityTexts *texts,
          cairo_t       *cr,
          double         x,
          double         y,
          double         width,
          gboolean       draw)
{
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  const char *names[] = {
    sitroom_capacity_phrase (texts, CAPACITY_PHRASE_KEY_LINE),
    sitroom_capacity_phrase (texts, CAPACITY_PHRASE_KEY_BEDS),
    sitroom_capacity_phrase (texts, CAPACITY_PHRASE_KEY_ABOVE),
    sitroom_capacity_phrase (texts, CAPACITY_PHRASE_KEY_RULE),
  };
  double ts = texts->ts, cx = x, cy = y, row = 0, w, h;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PangoLayout) label = sitroom_capacity_new_layout (texts, TEXT_PX, FALSE, names[i]);
      double item = SWATCH_WIDTH * ts + 6 * ts;
      double mid;

      sitroom_render_layout_size (label, &w, &h);
      item += w;
      row = MAX (row, h);
      if (cx > x && cx + item > x + width)
        {
          cx = x;
          cy += row + 4 * ts;
        }
      mid = round (cy + h / 2);
      if (draw)
        {
          double dash[] = { 6 * ts, 4 * ts };

          cairo_save (cr);
          cairo_new_path (cr);
          switch (i)
            {
            case 0:
              cairo_move_to (cr, cx, mid);
              cairo_line_to (cr, cx + SWATCH_WIDTH * ts, mid);
              sitroom_chart_set_color (cr, &palette->line, 1);
              cairo_set_line_width (cr, 2 * ts);
              cairo_stroke (cr);
              break;
            case 1:
              cairo_move_to (cr, cx, mid - 0.5);
              cairo_line_to (cr, cx + SWATCH_WIDTH * ts, mid - 0.5);
              cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
              sitroom_chart_set_color (cr, &palette->capacity, 1);
              cairo_set_line_width (cr, MAX (1, round (1.5 * ts)));
              cairo_stroke (cr);
              break;
            case 2:
              cairo_rectangle (cr, cx, mid - 5 * ts, SWATCH_WIDTH * ts, 10 * ts);
              sitroom_chart_set_color (cr, &palette->warning_area, 1);
              cairo_fill (cr);
              break;
            default:
              cairo_rectangle (cr, round (cx + SWATCH_WIDTH * ts / 2) - MAX (1, round (ts)), round (mid - 6 * ts),
                               2 * MAX (1, round (ts)), round (12 * ts));
              sitroom_chart_set_color (cr, &palette->warning, 1);
              cairo_fill (cr);
              break;
            }
          cairo_restore (cr);
          sitroom_render_show (cr, label, &palette->text, cx + SWATCH_WIDTH * ts + 6 * ts, cy);
        }
      cx += item + ITEM_GAP * ts;
    }
  return cy + row - y;
}

/* The prefectures' charts in a grid of cells near 1.6 times as wide as
 * high, filling (x, y, width, height). */
static void
draw_charts (CapacityTexts *texts,
             cairo_t       *cr,
             double         x,
             double         y,
             double         width,
             double         height)
{
  SitroomForecast *forecast = texts->forecast;
  guint n = sitroom_forecast_get_n_prefectures (forecast);
  SitroomCapacityOptions options = *texts->options;
  double gap = CELL_GAP * texts->ts, best = -1, cell_w, cell_h;
  guint columns = 1;

  options.title = TRUE;
  options.hover_day = -1;
  for (guint c = 1; c <= n; c++)
    {
      guint rows = (n + c - 1) / c;
      double w = (width - (c - 1) * gap) / c;
      double h = (height - (rows - 1) * gap) / rows;
      double score = MIN (w, h * 1.6);

      if (score > best)
        {
          best = score;
          columns = c;
        }
    }
  cell_w = (width - (columns - 1) * gap) / columns;
  cell_h = (height - ((n + columns - 1) / columns - 1) * gap) / ((n + columns - 1) / columns);

  for (guint p = 0; p < n; p++)
    {
      cairo_save (cr);
      cairo_translate (cr, round (x + (p % columns) * (cell_w + gap)), round (y + (p / columns) * (cell_h + gap)));
      sitroom_capacity_render_forecast (forecast, sitroom_forecast_get_prefecture (forecast, p), &options, cr,
                                        floor (cell_w), floor (cell_h));
      cairo_restore (cr);
    }
}

static void
draw_empty (CapacityTexts *texts,
            cairo_t       *cr,
            double         x,
            double         y,
            double         width,
            double         height)
{
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  g_autoptr(PangoLayout) message = sitroom_capacity_new_layout (texts, EMPTY_PX, FALSE,
                                                                sitroom_capacity_phrase (texts, CAPACITY_PHRASE_EMPTY));
  double w, h;

  pango_layout_set_width (message, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_alignment (message, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (message, PANGO_WRAP_WORD_CHAR);
  sitroom_render_layout_size (message, &w, &h);
  sitroom_render_show (cr, message, &palette->muted, x, y + MAX (0, (height - h) / 2));
}

void
sitroom_capacity_render (SitroomForecast              *forecast,
                         const SitroomCapacityOptions *options,
                         cairo_t                      *cr,
                         double                        width,
                         double                        height)
{
  const CapacityPalette *palette;
  CapacityTexts texts;
  CapacityTable table = { 0 };
  g_autoptr(GArray) assumptions = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  double ts, margin, inner, y, body_h, bottom, w, h;

  g_return_if_fail (SITROOM_IS_FORECAST (forecast));
  g_return_if_fail (options != NULL);
  g_return_if_fail (cr != NULL);

  if (!(width > 0 && height > 0))
    return;

  palette = sitroom_capacity_palette (options->style);
  sitroom_capacity_texts_init (&texts, forecast, options, cr);
  ts = texts.ts;
  margin = round (MARGIN * ts);
  inner = MAX (width - 2 * margin, 1);

  sitroom_chart_begin (cr, width, height, &palette->background);

  y = margin;
  if (options->title)
    {
      g_autofree char *words = sitroom_capacity_render_title (forecast, options->lang);
      const SitroomText *publisher = sitroom_situation_get_publisher (
        sitroom_view_get_situation (sitroom_forecast_get_view (forecast)));

      title = sitroom_capacity_new_layout (&texts, TITLE_PX, TRUE, words);
      pango_layout_set_width (title, (int) (inner * PANGO_SCALE));
      pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
      sitroom_render_show (cr, title, &palette->text, margin, y);
      sitroom_render_layout_size (title, &w, &h);
      y += h;
      if (publisher != NULL && publisher->zh != NULL)
        {
          g_autofree char *source = sitroom_capacity_source_words (&texts, publisher);

          subtitle = sitroom_capacity_new_layout (&texts, SUBTITLE_PX, FALSE, source);
          pango_layout_set_width (subtitle, (int) (inner * PANGO_SCALE));
          pango_layout_set_wrap (subtitle, PANGO_WRAP_WORD_CHAR);
          sitroom_render_show (cr, subtitle, &palette->muted, margin, y + 4 * ts);
          sitroom_render_layout_size (subtitle, &w, &h);
          y += 4 * ts + h;
        }
      y += BLOCK_GAP * ts;
    }
  y = round (y);

  if (sitroom_forecast_get_n_prefectures (forecast) == 0)
    {
      draw_empty (&texts, cr, margin, y, inner, height - margin - y);
      cairo_restore (cr);
      sitroom_capacity_texts_clear (&texts);
      return;
    }

  assumptions = sitroom_capacity_assumptions_new (&texts, inner);
  bottom = height - margin - sitroom_capacity_assumptions_height (assumptions, &texts);
  body_h = MAX (bottom - BLOCK_GAP * ts - y, 1);

  /* The table at the left and the charts beside it; on a narrow page,
   * the charts under the table. */
  sitroom_capacity_table_init (&table, &texts, inner * 0.5, body_h);
  if (inner - table.width - BLOCK_GAP * ts >= CHARTS_MIN_PX * ts)
    {
      double charts_x = margin + table.width + 2 * BLOCK_GAP * ts;
      double charts_w = width - margin - charts_x;
      double key_h = draw_key (&texts, cr, charts_x, y, charts_w, FALSE);

      sitroom_capacity_table_draw (&table, cr, margin, y);
      draw_key (&texts, cr, charts_x, y, charts_w, TRUE);
      draw_charts (&texts, cr, charts_x, y + key_h + 6 * ts, charts_w, body_h - key_h - 6 * ts);
    }
  else
    {
      double charts_y, key_h;

      sitroom_capacity_table_clear (&table);
      sitroom_capacity_table_init (&table, &texts, inner, body_h * 0.5);
      sitroom_capacity_table_draw (&table, cr, margin, y);
      charts_y = y + table.height + BLOCK_GAP * ts;
      key_h = draw_key (&texts, cr, margin, charts_y, inner, TRUE);
      draw_charts (&texts, cr, margin, charts_y + key_h + 6 * ts, inner, bottom - BLOCK_GAP * ts - charts_y - key_h - 6 * ts);
    }
  sitroom_capacity_assumptions_draw (assumptions, &texts, cr, margin, round (bottom));

  cairo_restore (cr);
  sitroom_capacity_table_clear (&table);
  sitroom_capacity_texts_clear (&texts);
}
