/* The capacity picture's figures and what they rest on: the table of prefectures and their sites (beds, occupants, free beds, occupancy bar), and the assumptions in words. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-capacity-render-private.h"

#define HEADING_PX 14.0
#define COLUMNS_PX 11.0
#define ROW_PX 12.0
#define ROW_GAP 7.0
#define COLUMN_GAP 14.0
#define INDENT 14.0
#define NAME_MAX_PX 300.0
#define NAME_MIN_PX 90.0
#define BAR_PX 90.0
#define BAR_HEIGHT 9.0
#define BAR_GAP 6.0
#define TEXT_PX 12.0

/* A site of a row to be, and how it ranks for room. */
typedef struct {
  int site;
  int prefecture;               /* index into the forecast */
  gboolean over_full;
  double ratio;
  gboolean shown;
} SiteEntry;

static gboolean
is_over_full (gint64 occupied,
              gint64 capacity)
{
  return occupied > capacity;
}

static double
ratio_of (gint64 occupied,
          gint64 capacity)
{
  if (capacity > 0)
    return (double) occupied / capacity;
  return occupied > 0 ? G_MAXDOUBLE : 0;
}

/* Over-full first, then the fullest, then document order. */
static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const SiteEntry *x = *(const SiteEntry * const *) a;
  const SiteEntry *y = *(const SiteEntry * const *) b;

  if (x->over_full != y->over_full)
    return x->over_full ? -1 : 1;
  if (x->ratio != y->ratio)
    return x->ratio > y->ratio ? -1 : 1;
  return x->site - y->site;
}

/* The centralized sites of the forecast's prefectures, in document order. */
static GArray *
collect_sites (SitroomForecast *forecast)
{
  SitroomSituation *situation = sitroom_view_get_situation (sitroom_forecast_get_view (forecast));
  guint n_regions = sitroom_situation_get_n_regions (situation);
  g_autofree int *row_of = g_new (int, n_regions);
  GArray *sites = g_array_new (FALSE, TRUE, sizeof (SiteEntry));

  for (guint r = 0; r < n_regions; r++)
    row_of[r] = -1;
  for (guint p = 0; p < sitroom_forecast_get_n_prefectures (forecast); p++)
    {
      int region = sitroom_forecast_get_prefecture (forecast, p)->region;

      if (region >= 0 && (guint) region < n_regions)
        row_of[region] = (int) p;
    }
  for (guint i = 0; i < sitroom_situation_get_n_sites (situation); i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, site->region);
      SiteEntry entry = { (int) i, -1, FALSE, 0, TRUE };

      if (site->kind != SITROOM_SITE_CENTRALIZED || region->prefecture < 0 || row_of[region->prefecture] < 0)
        continue;
      entry.prefecture = row_of[region->prefecture];
      entry.over_full = is_over_full (site->occupied, site->capacity);
      entry.ratio = ratio_of (site->occupied, site->capacity);
      g_array_append_val (sites, entry);
    }
  return sites;
}

/* Leaves out all but the @keep sites that rank first. */
static void
choose_sites (GArray *sites,
              guint   keep)
{
  g_autoptr(GPtrArray) ranked = g_ptr_array_sized_new (sites->len);

  for (guint i = 0; i < sites->len; i++)
    g_ptr_array_add (ranked, &g_array_index (sites, SiteEntry, i));
  g_ptr_array_sort (ranked, compare_rank);
  for (guint i = 0; i < ranked->len; i++)
    ((SiteEntry *) g_ptr_array_index (ranked, i))->shown = i < keep;
}

static const char *
row_name (CapacityTable     *table,
          const CapacityRow *row)
{
  CapacityTexts *texts = table->texts;
  SitroomSituation *situation = sitroom_view_get_situation (sitroom_forecast_get_view (texts->forecast));

  switch (row->kind)
    {
    case CAPACITY_ROW_PREFECTURE:
      return sitroom_capacity_region_name (texts, sitroom_forecast_get_prefecture (texts->forecast, row->index)->region);
    case CAPACITY_ROW_SITE:
      return sitroom_text_get (&sitroom_situation_get_site (situation, row->index)->name, texts->options->lang);
    case CAPACITY_ROW_TOTAL:
    default:
      return sitroom_capacity_phrase (texts, CAPACITY_PHRASE_TOTAL);
    }
}

static void
append_row (CapacityTable   *table,
            CapacityRowKind  kind,
            int              index,
            gint64           capacity,
            gint64           occupied)
{
  CapacityRow row = { kind, index, capacity, occupied, is_over_full (occupied, capacity), 0 };

  row.y = table->heading_height + table->rows->len * table->row_height;
  g_array_append_val (table->rows, row);
}

/* The widest of the rows' words in each column. */
static void
measure_columns (CapacityTable *table,
                 double        *name_width,
                 double        *number_width,
                 double        *percent_width)
{
  CapacityTexts *texts = table->texts;
  const CapacityPhrase headers[] = {
    CAPACITY_PHRASE_COLUMN_BEDS, CAPACITY_PHRASE_COLUMN_OCCUPIED, CAPACITY_PHRASE_COLUMN_FREE,
  };
  g_autoptr(PangoLayout) layout = sitroom_capacity_new_layout (texts, ROW_PX, TRUE, "");
  g_autoptr(PangoLayout) small = sitroom_capacity_new_layout (texts, COLUMNS_PX, FALSE, "");
  double w, h;

  *name_width = *number_width = *percent_width = 0;
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      pango_layout_set_text (small, sitroom_capacity_phrase (texts, headers[i]), -1);
      sitroom_render_layout_size (small, &w, &h);
      *number_width = MAX (*number_width, w);
    }
  pango_layout_set_text (layout, "100%", -1);
  sitroom_render_layout_size (layout, percent_width, &h);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const CapacityRow *row = &g_array_index (table->rows, CapacityRow, i);
      g_autofree char *capacity = sitroom_capacity_number_words (row->capacity);
      g_autofree char *occupied = sitroom_capacity_number_words (row->occupied);
      g_autofree char *free = sitroom_capacity_free_words (texts, row->occupied, row->capacity);
      g_autofree char *percent = sitroom_capacity_percent_words (row->occupied, row->capacity, texts->chinese);
      const char *numbers[] = { capacity, occupied, free };

      pango_layout_set_text (layout, row_name (table, row), -1);
      sitroom_render_layout_size (layout, &w, &h);
      *name_width = MAX (*name_width, w + (row->kind == CAPACITY_ROW_SITE ? INDENT * texts->ts : 0));
      for (guint c = 0; c < G_N_ELEMENTS (numbers); c++)
        {
          pango_layout_set_text (layout, numbers[c], -1);
          sitroom_render_layout_size (layout, &w, &h);
          *number_width = MAX (*number_width, w);
        }
      pango_layout_set_text (layout, percent, -1);
      sitroom_render_layout_size (layout, &w, &h);
      *percent_width = MAX (*percent_width, w);
    }
}

void
sitroom_capacity_table_init (CapacityTable *table,
                             CapacityTexts *texts,
                             double         width,
                             double         height)
{
  SitroomForecast *forecast = texts->forecast;
  guint n_prefectures = sitroom_forecast_get_n_prefectures (forecast);
  double ts = texts->ts, w, h, name_w, number_w, percent_w, fixed;
  g_autoptr(GArray) sites = collect_sites (forecast);
  g_autoptr(PangoLayout) probe = NULL;
  gint64 total_capacity = 0, total_occupied = 0;
  guint fixed_rows, room;

  g_assert (table != NULL);

  *table = (CapacityTable) { 0 };
  table->texts = texts;
  table->rows = g_array_new (FALSE, TRUE, sizeof (CapacityRow));

  probe = sitroom_capacity_new_layout (texts, HEADING_PX, TRUE, "8月");
  sitroom_render_layout_size (probe, &w, &h);
  table->heading_height = h + 6 * ts;
  g_clear_object (&probe);
  probe = sitroom_capacity_new_layout (texts, COLUMNS_PX, FALSE, "8月");
  sitroom_render_layout_size (probe, &w, &h);
  table->heading_height = ceil (table->heading_height + h + 4 * ts);
  g_clear_object (&probe);
  probe = sitroom_capacity_new_layout (texts, ROW_PX, TRUE, "8月");
  sitroom_render_layout_size (probe, &w, &h);
  table->row_height = ceil (h + ROW_GAP * ts);

  for (guint i = 0; i < sites->len; i++)
    table->n_over_full += g_array_index (sites, SiteEntry, i).over_full;

  /* Every prefecture and the total have a row; sites take what is left,
   * less a row to say how many did not fit. */
  fixed_rows = n_prefectures + (n_prefectures > 1);
  room = (guint) MAX (0, floor ((height - table->heading_height) / table->row_height));
  if (fixed_rows + sites->len > room)
    {
      guint keep = room > fixed_rows + 1 ? room - fixed_rows - 1 : 0;

      choose_sites (sites, keep);
      table->n_left_out = sites->len - MIN (keep, sites->len);
    }

  for (guint p = 0; p < n_prefectures; p++)
    {
      const SitroomPrefectureForecast *prefecture = sitroom_forecast_get_prefecture (forecast, p);
      SitroomSituation *situation = sitroom_view_get_situation (sitroom_forecast_get_view (forecast));

      append_row (table, CAPACITY_ROW_PREFECTURE, (int) p, prefecture->capacity, prefecture->occupied);
      total_capacity += prefecture->capacity;
      total_occupied += prefecture->occupied;
      for (guint i = 0; i < sites->len; i++)
        {
          const SiteEntry *entry = &g_array_index (sites, SiteEntry, i);
          const SitroomSite *site;

          if (entry->prefecture != (int) p || !entry->shown)
            continue;
          site = sitroom_situation_get_site (situation, entry->site);
          append_row (table, CAPACITY_ROW_SITE, entry->site, site->capacity, site->occupied);
        }
    }
  if (n_prefectures > 1)
    append_row (table, CAPACITY_ROW_TOTAL, -1, total_capacity, total_occupied);

  measure_columns (table, &name_w, &number_w, &percent_w);
  table->number_width = ceil (number_w);
  table->bar_width = round (BAR_PX * ts);
  table->bar_height = round (BAR_HEIGHT * ts);
  fixed = 3 * (COLUMN_GAP * ts + table->number_width) + COLUMN_GAP * ts + table->bar_width + BAR_GAP * ts + percent_w;
  table->name_width = ceil (CLAMP (MIN (name_w, NAME_MAX_PX * ts), NAME_MIN_PX * ts,
                                   MAX (NAME_MIN_PX * ts, width - fixed)));
  table->bar_x = table->name_width + 3 * (COLUMN_GAP * ts + table->number_width) + COLUMN_GAP * ts;
  table->width = ceil (table->name_width + fixed);
  table->height = table->heading_height + (table->rows->len + (table->n_left_out > 0)) * table->row_height;
}

void
sitroom_capacity_table_clear (CapacityTable *table)
{
  g_clear_pointer (&table->rows, g_array_unref);
}

static void
draw_heading (CapacityTable *table,
              cairo_t       *cr,
              double         x,
              double         y)
{
  CapacityTexts *texts = table->texts;
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  double ts = texts->ts, w, h, cx;
  g_autofree char *count = sitroom_capacity_over_full_words (texts, table->n_over_full);
  g_autoptr(PangoLayout) title = sitroom_capacity_new_layout (texts, HEADING_PX, TRUE,
                                                              sitroom_capacity_phrase (texts, CAPACITY_PHRASE_SITES));
  g_autoptr(PangoLayout) over = sitroom_capacity_new_layout (texts, HEADING_PX, TRUE, count);
  const CapacityPhrase columns[] = {
    CAPACITY_PHRASE_COLUMN_NAME, CAPACITY_PHRASE_COLUMN_BEDS, CAPACITY_PHRASE_COLUMN_OCCUPIED,
    CAPACITY_PHRASE_COLUMN_FREE, CAPACITY_PHRASE_COLUMN_OCCUPANCY,
  };

  sitroom_render_show (cr, title, &palette->text, x, y);
  sitroom_render_layout_size (title, &w, &h);
  cx = x + w;
  sitroom_render_show (cr, over, table->n_over_full > 0 ? &palette->warning : &palette->muted, cx, y);
  sitroom_render_layout_size (over, &w, &h);
  cx += w + 8 * ts;
  if (sitroom_capacity_sites_illustrative (texts->forecast))
    {
      double mw, mh;

      sitroom_capacity_mark_size (texts, &mw, &mh);
      sitroom_capacity_draw_mark (texts, cr, cx, y + (h - mh) / 2);
    }

  y += h + 6 * ts;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autoptr(PangoLayout) label = sitroom_capacity_new_layout (texts, COLUMNS_PX, FALSE,
                                                                  sitroom_capacity_phrase (texts, columns[c]));
      double lx;

      sitroom_render_layout_size (label, &w, &h);
      if (c == 0)
        lx = x;
      else if (c < 4)
        /* Over the right-aligned figures. */
        lx = x + table->name_width + c * (COLUMN_GAP * ts + table->number_width) - w;
      else
        lx = x + table->bar_x;
      sitroom_render_show (cr, label, &palette->muted, lx, y);
    }
  cairo_new_path (cr);
  cairo_move_to (cr, x, round (y + h + 2 * ts) + 0.5);
  cairo_line_to (cr, x + table->width, round (y + h + 2 * ts) + 0.5);
  sitroom_chart_set_color (cr, &palette->axis, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_row (CapacityTable     *table,
          const CapacityRow *row,
          cairo_t           *cr,
          double             x,
          double             y)
{
  CapacityTexts *texts = table->texts;
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  double ts = texts->ts, w, h, indent = row->kind == CAPACITY_ROW_SITE ? INDENT * ts : 0;
  gboolean bold = row->kind != CAPACITY_ROW_SITE;
  const SitroomColor *color = row->over_full ? &palette->warning : &palette->text;
  g_autofree char *capacity = sitroom_capacity_number_words (row->capacity);
  g_autofree char *occupied = sitroom_capacity_number_words (row->occupied);
  g_autofree char *free = sitroom_capacity_free_words (texts, row->occupied, row->capacity);
  g_autofree char *percent = sitroom_capacity_percent_words (row->occupied, row->capacity, texts->chinese);
  const char *numbers[] = { capacity, occupied, free };
  g_autoptr(PangoLayout) name = sitroom_capacity_new_layout (texts, ROW_PX, bold, row_name (table, row));
  g_autoptr(PangoLayout) cell = sitroom_capacity_new_layout (texts, ROW_PX, bold, "");
  SitroomColor fill;
  double bar_y, filled;

  /* A prefecture opens a group, the total closes the table. */
  if (row->kind != CAPACITY_ROW_SITE && row->y > table->heading_height)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, x, round (y) - 0.5);
      cairo_line_to (cr, x + table->width, round (y) - 0.5);
      sitroom_chart_set_color (cr, row->kind == CAPACITY_ROW_TOTAL ? &palette->axis : &palette->grid, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  y += ROW_GAP * ts / 2;
  pango_layout_set_width (name, (int) (MAX (table->name_width - indent, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  sitroom_render_show (cr, name, color, x + indent, y);
  sitroom_render_layout_size (name, &w, &h);

  for (guint c = 0; c < G_N_ELEMENTS (numbers); c++)
    {
      double right = x + table->name_width + (c + 1) * (COLUMN_GAP * ts + table->number_width);

      pango_layout_set_text (cell, numbers[c], -1);
      sitroom_render_layout_size (cell, &w, &h);
      sitroom_render_show (cr, cell, color, right - w, y);
    }

  /* The bar: its track is 100 %; an over-full one is filled whole. */
  bar_y = round (y + (h - table->bar_height) / 2);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_new_path (cr);
  cairo_rectangle (cr, round (x + table->bar_x), bar_y, table->bar_width, table->bar_height);
  sitroom_chart_set_color (cr, &palette->track, 1);
  cairo_fill (cr);
  filled = row->capacity > 0 ? MIN (1.0, (double) row->occupied / row->capacity) : (row->occupied > 0 ? 1 : 0);
  if (round (filled * table->bar_width) > 0)
    {
      sitroom_capacity_render_bar_color (row->occupied, row->capacity, texts->options->style, &fill);
      cairo_new_path (cr);
      cairo_rectangle (cr, round (x + table->bar_x), bar_y, round (filled * table->bar_width), table->bar_height);
      sitroom_chart_set_color (cr, &fill, 1);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  pango_layout_set_text (cell, percent, -1);
  sitroom_render_show (cr, cell, color, x + table->bar_x + table->bar_width + BAR_GAP * ts, y);
}

void
sitroom_capacity_table_draw (CapacityTable *table,
                             cairo_t       *cr,
                             double         x,
                             double         y)
{
  CapacityTexts *texts = table->texts;
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);

  g_assert (table->rows != NULL);

  draw_heading (table, cr, x, y);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const CapacityRow *row = &g_array_index (table->rows, CapacityRow, i);

      draw_row (table, row, cr, x, y + row->y);
    }
  if (table->n_left_out > 0)
    {
      g_autofree char *text = sitroom_capacity_left_out_words (texts, table->n_left_out);
      g_autoptr(PangoLayout) note = sitroom_capacity_new_layout (texts, ROW_PX, FALSE, text);

      sitroom_render_show (cr, note, &palette->muted, x,
                           y + table->heading_height + table->rows->len * table->row_height
                           + ROW_GAP * texts->ts / 2);
    }
}

/* A paragraph of the assumptions, with the mark before it when its
 * figures are illustrative. */
typedef struct {
  PangoLayout *text;
  gboolean marked;
} Assumption;

static void
clear_assumption (gpointer data)
{
  g_clear_object (&((Assumption *) data)->text);
}

static void
add_assumption (GArray        *list,
                CapacityTexts *texts,
                double         width,
                gboolean       marked,
                const char    *text)
{
  Assumption item = { sitroom_capacity_new_layout (texts, TEXT_PX, FALSE, text), marked };
  double mark_w = 0, mark_h = 0;

  if (marked)
    sitroom_capacity_mark_size (texts, &mark_w, &mark_h);
  pango_layout_set_width (item.text, (int) (MAX (width - (marked ? mark_w + 6 * texts->ts : 0), 1) * PANGO_SCALE));
  pango_layout_set_wrap (item.text, PANGO_WRAP_WORD_CHAR);
  g_array_append_val (list, item);
}

/* The assumptions the forecast rests on, as paragraphs @width wide. */
GArray *
sitroom_capacity_assumptions_new (CapacityTexts *texts,
                                  double         width)
{
  SitroomSituation *situation = sitroom_view_get_situation (sitroom_forecast_get_view (texts->forecast));
  gboolean sites = sitroom_capacity_sites_illustrative (texts->forecast);
  gboolean cohorts = sitroom_situation_is_illustrative (situation, "quarantine_cohorts");
  GArray *list = g_array_new (FALSE, TRUE, sizeof (Assumption));
  g_autofree char *rule = sitroom_capacity_rule_words (texts);
  g_autofree char *unassigned = sitroom_capacity_unassigned_words (texts);
  g_autofree char *arrivals = NULL;
  gboolean any_mean;

  g_array_set_clear_func (list, clear_assumption);
  arrivals = sitroom_capacity_arrivals_words (texts, &any_mean);
  add_assumption (list, texts, width, FALSE, rule);
  add_assumption (list, texts, width, cohorts && any_mean, arrivals);
  add_assumption (list, texts, width, sites, unassigned);
  add_assumption (list, texts, width, FALSE, sitroom_capacity_phrase (texts, CAPACITY_PHRASE_READING));
  if (sites || cohorts)
    {
      g_autofree char *note = sitroom_capacity_illustrative_words (texts, sites, cohorts);

      add_assumption (list, texts, width, TRUE, note);
    }
  return list;
}

double
sitroom_capacity_assumptions_height (GArray        *list,
                                     CapacityTexts *texts)
{
  double total = 0, w, h;

  for (guint i = 0; i < list->len; i++)
    {
      sitroom_render_layout_size (g_array_index (list, Assumption, i).text, &w, &h);
      total += h + 2 * texts->ts;
    }
  return total;
}

void
sitroom_capacity_assumptions_draw (GArray        *list,
                                   CapacityTexts *texts,
                                   cairo_t       *cr,
                                   double         x,
                                   double         y)
{
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  double mark_w, mark_h, w, h;

  sitroom_capacity_mark_size (texts, &mark_w, &mark_h);
  for (guint i = 0; i < list->len; i++)
    {
      const Assumption *item = &g_array_index (list, Assumption, i);
      double tx = x;

      if (item->marked)
        {
          g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (item->text);
          double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;

          /* On the first line, its words' middle at the text's. */
          sitroom_capacity_draw_mark (texts, cr, x, y + MAX (0, baseline - mark_h + 2 * texts->ts));
          tx += mark_w + 6 * texts->ts;
        }
      sitroom_render_show (cr, item->text, &palette->muted, tx, y);
      sitroom_render_layout_size (item->text, &w, &h);
      y += h + 2 * texts->ts;
    }
}
