/* The briefing pack's pages of tables and pictures: the title page, the map, the chains over the curve, quarantine capacity. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-capacity-render.h"
#include "sitroom-curve-render.h"
#include "sitroom-map-render.h"
#include "sitroom-pack-render-private.h"

/* The curve needs this much height under the lanes to be read. */
#define CURVE_MIN_HEIGHT 250.0
/* ...and no more than this: a few days' bars taller would say nothing
 * more. */
#define CURVE_MAX_HEIGHT 340.0
#define BLOCK_GAP 14.0
#define ROW_HEIGHT 15.5
#define MAX_COLUMNS 6

static const char *const chains_sections[] = { "cases", "chains", "measures", NULL };

/* ── Tables ─────────────────────────────────────────────────────────── */

typedef struct {
  double width;           /* 0: what the other columns leave */
  gboolean numeric;       /* right-aligned */
} TableColumn;

typedef struct {
  char *cells[MAX_COLUMNS];
  gboolean bold;          /* the heading row, a total */
  double indent;          /* of the first cell */
} TableRow;

static void
table_row_clear (gpointer data)
{
  TableRow *row = data;

  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (row->cells[i]);
}

static GArray *
table_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (TableRow));

  g_array_set_clear_func (rows, table_row_clear);
  return rows;
}

/* Adds a row of @n cells; the cells are copied. */
static void
table_add (GArray             *rows,
           gboolean            bold,
           double              indent,
           guint               n,
           const char * const *cells)
{
  TableRow row = { .bold = bold, .indent = indent };

  g_assert (n <= MAX_COLUMNS);
  for (guint i = 0; i < n; i++)
    row.cells[i] = g_strdup (cells[i]);
  g_array_append_val (rows, row);
}

/* Draws @rows in @columns from (@x, @y), @width wide, every other row
 * shaded and a rule under a bold first row; returns the table's bottom. */
static double
draw_table (SitroomPack       *self,
            cairo_t           *cr,
            const TableColumn *columns,
            guint              n_columns,
            GArray            *rows,
            double             x,
            double             y,
            double             width,
            double             row_height)
{
  const SitroomChartColors *colors = sitroom_chart_colors (SITROOM_STYLE_LIGHT);
  double widths[MAX_COLUMNS];
  double fixed = 0, pad = 5;
  guint flexible = 0;

  g_assert (n_columns <= MAX_COLUMNS);
  for (guint c = 0; c < n_columns; c++)
    {
      fixed += columns[c].width;
      flexible += columns[c].width <= 0;
    }
  for (guint c = 0; c < n_columns; c++)
    widths[c] = columns[c].width > 0 ? columns[c].width : MAX (width - fixed, 10) / MAX (flexible, 1);

  for (guint r = 0; r < rows->len; r++)
    {
      const TableRow *row = &g_array_index (rows, TableRow, r);
      double cx = x, top = y + r * row_height;

      if (r % 2 == 1)
        {
          sitroom_chart_set_color (cr, &colors->background, 1);
          cairo_rectangle (cr, x, top, width, row_height);
          cairo_fill (cr);
        }
      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(PangoLayout) cell = NULL;
          double indent = c == 0 ? row->indent : 0;
          double w, h;

          if (row->cells[c] == NULL)
            {
              cx += widths[c];
              continue;
            }
          cell = sitroom_pack_new_layout (self, PACK_TABLE_PT, row->bold, -1, row->cells[c]);
          pango_layout_set_width (cell, (int) (MAX (widths[c] - 2 * pad - indent, 1) * PANGO_SCALE));
          pango_layout_set_ellipsize (cell, PANGO_ELLIPSIZE_END);
          sitroom_render_layout_size (cell, &w, &h);
          sitroom_render_show (cr, cell, &colors->text,
                               columns[c].numeric ? cx + widths[c] - pad - w : cx + pad + indent,
                               top + (row_height - h) / 2);
          cx += widths[c];
        }
      if (r == 0 && row->bold)
        {
          sitroom_chart_set_color (cr, &colors->axis, 1);
          cairo_rectangle (cr, x, top + row_height - 0.75, width, 0.75);
          cairo_fill (cr);
        }
    }
  return y + rows->len * row_height;
}

/* ── The title page ─────────────────────────────────────────────────── */

static char *
count_words (gint64 value)
{
  return value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("—");
}

/* Contacts summed over the chains started by the cutoff that give them;
 * -1 when none does: not given is not 0. */
static void
sum_contacts (SitroomPack *self,
              gint64      *close,
              gint64      *secondary)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);

  *close = -1;
  *secondary = -1;
  for (guint i = 0; i < sitroom_view_get_n_chains (self->view); i++)
    {
      const SitroomChainFigures *figures = sitroom_view_get_chain (self->view, i);
      const SitroomChain *chain = sitroom_situation_get_chain (situation, figures->chain);

      if (!figures->started)
        continue;
      if (chain->close_contacts >= 0)
        *close = MAX (*close, 0) + chain->close_contacts;
      if (chain->secondary_contacts >= 0)
        *secondary = MAX (*secondary, 0) + chain->secondary_contacts;
    }
}

static GArray *
headline_rows (SitroomPack *self)
{
  const SitroomCounts *totals = sitroom_view_get_totals (self->view);
  static const struct {
    SitroomClassification classification;
    const char *zh;
    const char *en;
  } classes[] = {
    { SITROOM_CLASS_MILD, "轻型", "Mild" },
    { SITROOM_CLASS_MODERATE, "普通型", "Moderate" },
    { SITROOM_CLASS_SEVERE, "重型", "Severe" },
    { SITROOM_CLASS_CRITICAL, "危重型", "Critical" },
  };
  GArray *rows = table_new ();
  gint64 close, secondary;

  sum_contacts (self, &close, &secondary);

#define ROW(indent, zh, en, value)                                     \
  G_STMT_START {                                                       \
    g_autofree char *number = count_words (value);                     \
    const char *cells[] = { pack_pick (self, zh, en), number };        \
    table_add (rows, FALSE, indent, 2, cells);                         \
  } G_STMT_END

  ROW (0, "阳性感染者", "Positives", totals->positives);
  ROW (0, "确诊病例", "Confirmed cases", totals->confirmed);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    ROW (14, classes[i].zh, classes[i].en, totals->by_class[classes[i].classification]);
  ROW (0, "无症状感染者", "Asymptomatic infections", totals->asymptomatic);
  ROW (0, "24小时新增阳性感染者", "New positives in 24 hours", totals->new_24h);
  ROW (0, "感染链条", "Infection chains", sitroom_view_get_n_active_chains (self->view));
  ROW (0, "密切接触者", "Close contacts", close);
  ROW (0, "次密切接触者", "Secondary contacts", secondary);
#undef ROW
  return rows;
}

static GArray *
prefecture_rows (SitroomPack *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  const SitroomCounts *totals = sitroom_view_get_totals (self->view);
  const char *heading[] = {
    pack_pick (self, "代码", "Code"),
    pack_pick (self, "地市", "Prefecture"),
    pack_pick (self, "阳性", "Positives"),
    pack_pick (self, "确诊", "Confirmed"),
    pack_pick (self, "无症状", "Asympt."),
    pack_pick (self, "24小时新增", "New 24 h"),
  };
  GArray *rows = table_new ();
  guint placed = 0;

  table_add (rows, TRUE, 0, G_N_ELEMENTS (heading), heading);
  for (guint i = 0; i < sitroom_view_get_n_prefectures (self->view); i++)
    {
      const SitroomPrefectureFigures *figures = sitroom_view_get_prefecture (self->view, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, figures->region);
      g_autofree char *positives = g_strdup_printf ("%u", figures->counts.positives);
      g_autofree char *confirmed = g_strdup_printf ("%u", figures->counts.confirmed);
      g_autofree char *asymptomatic = g_strdup_printf ("%u", figures->counts.asymptomatic);
      g_autofree char *new_24h = g_strdup_printf ("%u", figures->counts.new_24h);
      const char *cells[] = { region->code, sitroom_text_get (&region->name, self->lang),
                              positives, confirmed, asymptomatic, new_24h };

      /* A place the feed adds outside the province (a chain's origin)
       * only when cases are counted there. */
      if (region->from_feed && figures->counts.positives == 0)
        continue;
      placed += figures->counts.positives;
      table_add (rows, FALSE, 0, G_N_ELEMENTS (cells), cells);
    }

  /* Cases placed at the province itself belong to no prefecture's row:
   * the total still counts them. */
  {
    g_autofree char *positives = g_strdup_printf ("%u", totals->positives);
    g_autofree char *confirmed = g_strdup_printf ("%u", totals->confirmed);
    g_autofree char *asymptomatic = g_strdup_printf ("%u", totals->asymptomatic);
    g_autofree char *new_24h = g_strdup_printf ("%u", totals->new_24h);
    const char *cells[] = { NULL, pack_pick (self, "合计", "Total"), positives, confirmed, asymptomatic, new_24h };

    if (placed != totals->positives)
      {
        g_autofree char *unplaced = g_strdup_printf ("%u", totals->positives - placed);
        const char *province[] = { NULL, pack_pick (self, "未分地市", "No prefecture given"), unplaced };

        table_add (rows, FALSE, 0, G_N_ELEMENTS (province), province);
      }
    table_add (rows, TRUE, 0, G_N_ELEMENTS (cells), cells);
  }
  return rows;
}

static double
draw_subheading (SitroomPack *self,
                 cairo_t     *cr,
                 double       y,
                 const char  *text)
{
  const SitroomChartColors *colors = sitroom_chart_colors (SITROOM_STYLE_LIGHT);
  g_autoptr(PangoLayout) layout = sitroom_pack_new_layout (self, PACK_SUBHEADING_PT, TRUE, PACK_CONTENT_WIDTH, text);

  sitroom_render_show (cr, layout, &colors->text, PACK_MARGIN_X, y);
  return y + sitroom_render_layout_height (layout) + 5;
}

static double
draw_paragraph (SitroomPack        *self,
                cairo_t            *cr,
                double              y,
                double              points,
                gboolean            bold,
                const SitroomColor *color,
                const char         *text)
{
  g_autoptr(PangoLayout) layout = sitroom_pack_new_layout (self, points, bold, PACK_CONTENT_WIDTH, text);

  sitroom_render_show (cr, layout, color, PACK_MARGIN_X, y);
  return y + sitroom_render_layout_height (layout);
}

void
sitroom_pack_draw_title (SitroomPack *self,
                         cairo_t     *cr)
{
  static const TableColumn headline_columns[] = { { 0, FALSE }, { 70, TRUE } };
  static const TableColumn prefecture_columns[] = {
    { 58, FALSE }, { 0, FALSE }, { 62, TRUE }, { 62, TRUE }, { 62, TRUE }, { 72, TRUE },
  };
  const SitroomChartColors *colors = sitroom_chart_colors (SITROOM_STYLE_LIGHT);
  const SitroomText *publisher = sitroom_situation_get_publisher (sitroom_view_get_situation (self->view));
  g_autofree char *title = sitroom_pack_title_words (self);
  g_autofree char *cutoff = sitroom_render_cutoff_words (sitroom_view_get_cutoff (self->view), self->lang);
  g_autoptr(GArray) headline = headline_rows (self);
  g_autoptr(GArray) prefectures = prefecture_rows (self);
  double y = PACK_MARGIN_TOP + 18, row_height;

  y = draw_paragraph (self, cr, y, PACK_TITLE_PT, TRUE, &colors->text, title) + 6;
  /* "as of …" starts the line here. */
  if (!sitroom_render_is_chinese (self->lang))
    cutoff[0] = g_ascii_toupper (cutoff[0]);
  y = draw_paragraph (self, cr, y, PACK_HEADING_PT, FALSE, &colors->text, cutoff) + 4;
  if (publisher != NULL && publisher->zh != NULL)
    {
      g_autofree char *words = g_strdup_printf (pack_pick (self, "发布单位：%s", "Published by %s"),
                                                sitroom_text_get (publisher, self->lang));

      y = draw_paragraph (self, cr, y, PACK_BODY_PT + 1, FALSE, &colors->muted, words);
    }

  y += 10;
  sitroom_chart_set_color (cr, &colors->axis, 1);
  cairo_rectangle (cr, PACK_MARGIN_X, y, PACK_CONTENT_WIDTH, 1.5);
  cairo_fill (cr);
  y += BLOCK_GAP + 4;

  y = draw_subheading (self, cr, y, pack_pick (self, "主要数据", "Headline figures"));
  y = draw_table (self, cr, headline_columns, G_N_ELEMENTS (headline_columns), headline,
                  PACK_MARGIN_X, y, 300, ROW_HEIGHT);
  y += BLOCK_GAP + 6;

  y = draw_subheading (self, cr, y, pack_pick (self, "各市数据", "By prefecture"));
  /* Rows shrink rather than run into the footer when a feed adds many
   * places with cases. */
  row_height = MIN (ROW_HEIGHT, (PACK_CONTENT_BOTTOM - 30 - y) / MAX (prefectures->len, 1));
  y = draw_table (self, cr, prefecture_columns, G_N_ELEMENTS (prefecture_columns), prefectures,
                  PACK_MARGIN_X, y, PACK_CONTENT_WIDTH, row_height);
  y += 6;
  draw_paragraph (self, cr, y, PACK_SMALL_PT, FALSE, &colors->muted,
                  pack_pick (self, "24小时新增：截至时点前24小时内报告的阳性感染者。人数均为截至时点累计报告数。",
                             "New 24 h: positives reported in the 24 hours up to the cutoff. "
                             "Every other figure is the total reported by the cutoff."));
}

/* ── The map ────────────────────────────────────────────────────────── */

#define MAP_FURNITURE (SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_CREDITS)

void
sitroom_pack_draw_map (SitroomPack *self,
                       cairo_t     *cr)
{
  g_autoptr(SitroomMapRenderer) renderer = sitroom_map_renderer_new ();
  SitroomMapOptions options = {
    .metric = SITROOM_METRIC_POSITIVES,
    .style = SITROOM_STYLE_LIGHT,
    .lang = self->lang,
    .selected_region = -1,
    .hover_region = -1,
    .selected_chain = -1,
    .approval_number = self->approval_number,
    .text_scale = PACK_CHART_SCALE,
    .furniture = MAP_FURNITURE,
  };
  SitroomMapViewport viewport;
  cairo_rectangle_int_t legend = { 0 };
  double top, width, height, aside;

  top = sitroom_pack_draw_heading (self, cr, pack_pick (self, "各市阳性感染者分布", "Positives by prefecture"));
  width = PACK_CONTENT_WIDTH;
  height = PACK_CONTENT_BOTTOM - top;

  sitroom_map_renderer_set_data (renderer, self->view, self->boundaries);
  sitroom_map_renderer_set_options (renderer, &options);
  /* The legend stands at the bottom left, over whatever the map has
   * there: the outlines are fitted into the width beside it and moved
   * right, so that it covers none of them. A province taller than wide,
   * as most are on a portrait page, loses nothing of its size. */
  sitroom_map_viewport_fit (self->boundaries, width, height, 0.06 * MIN (width, height), 2.0, 14.0, &viewport);
  /* Its words are laid out by a drawing: one clipped to nothing. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, 0, 0);
  cairo_clip (cr);
  sitroom_map_renderer_draw_furniture (renderer, cr, &viewport, MAP_FURNITURE);
  cairo_restore (cr);
  sitroom_map_renderer_get_furniture_box (renderer, &viewport, MAP_FURNITURE, SITROOM_MAP_LEGEND, &legend);
  aside = MIN (legend.x + legend.width, width / 3);
  sitroom_map_viewport_fit (self->boundaries, width - aside, height, 0.06 * MIN (width, height), 2.0, 14.0, &viewport);
  viewport.width = width;
  viewport.center_x -= aside / 2;

  cairo_save (cr);
  cairo_translate (cr, PACK_MARGIN_X, top);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  sitroom_map_renderer_draw (renderer, cr, &viewport);
  sitroom_map_renderer_draw_furniture (renderer, cr, &viewport, MAP_FURNITURE);
  cairo_restore (cr);
}

/* ── The chains and the curve ───────────────────────────────────────── */

static double
subheading_height (SitroomPack *self)
{
  g_autoptr(PangoLayout) probe = sitroom_pack_new_layout (self, PACK_SUBHEADING_PT, TRUE, -1, "Ag");

  return sitroom_render_layout_height (probe) + 5;
}

void
sitroom_pack_plan_chains (SitroomPack *self)
{
  double lane_h = sitroom_timeline_renderer_get_lane_height (self->timeline);
  double axis_h = sitroom_timeline_renderer_get_axis_height (self->timeline);
  guint n_lanes = sitroom_timeline_renderer_get_n_lanes (self->timeline);
  double top = PACK_MARGIN_TOP + sitroom_pack_heading_height (self) + subheading_height (self);
  double first_room = PACK_CONTENT_BOTTOM - top - BLOCK_GAP - subheading_height (self) - CURVE_MIN_HEIGHT;
  guint on_first = (guint) MAX (floor ((first_room - axis_h) / lane_h), 1);
  guint on_others = (guint) MAX (floor ((PACK_CONTENT_BOTTOM - top - axis_h) / lane_h), 1);
  gboolean illustrative = sitroom_pack_illustrative (self, chains_sections);
  PackPage page = { .kind = PACK_PAGE_CHAINS, .first = 0, .with_curve = TRUE, .illustrative = illustrative };

  page.n = MIN (n_lanes, on_first);
  g_array_append_val (self->pages, page);
  /* Many chains go on over more pages, each lane readable, rather than
   * shrink until none is. */
  for (guint first = page.n; first < n_lanes; first += on_others)
    {
      PackPage more = { .kind = PACK_PAGE_CHAINS, .first = first, .n = MIN (on_others, n_lanes - first),
                        .with_curve = FALSE, .illustrative = illustrative };

      g_array_append_val (self->pages, more);
    }
}

void
sitroom_pack_draw_chains (SitroomPack    *self,
                          const PackPage *page,
                          cairo_t        *cr)
{
  double lane_h = sitroom_timeline_renderer_get_lane_height (self->timeline);
  double axis_h = sitroom_timeline_renderer_get_axis_height (self->timeline);
  SitroomTimelineViewport viewport = { 0 };
  const char *heading;
  double y;

  if (page->with_curve)
    heading = pack_pick (self, "感染链条与流行曲线", "Infection chains and the epidemic curve");
  else
    heading = pack_pick (self, "感染链条（续）", "Infection chains (continued)");
  y = sitroom_pack_draw_heading (self, cr, heading);
  y = draw_subheading (self, cr, y, pack_pick (self, "各感染链条时间线", "Each chain on one time axis"));

  sitroom_timeline_renderer_get_extent (self->timeline, &viewport.start, &viewport.end);
  viewport.width = PACK_CONTENT_WIDTH;
  viewport.height = axis_h + page->n * lane_h;
  viewport.scroll_y = page->first * lane_h;
  cairo_save (cr);
  cairo_translate (cr, PACK_MARGIN_X, y);
  sitroom_timeline_renderer_draw (self->timeline, cr, &viewport);
  cairo_restore (cr);
  y += viewport.height + BLOCK_GAP;

  if (page->with_curve)
    {
      SitroomCurveOptions options = {
        .style = SITROOM_STYLE_LIGHT,
        .lang = self->lang,
        .hover_day = -1,
        .title = FALSE,
        .text_scale = PACK_CHART_SCALE,
      };

      y = draw_subheading (self, cr, y, pack_pick (self, "每日新增阳性感染者（按地市）",
                                                   "New positives per day, by prefecture"));
      cairo_save (cr);
      cairo_translate (cr, PACK_MARGIN_X, y);
      sitroom_curve_render (self->curve, self->view, &options, cr, PACK_CONTENT_WIDTH,
                            MIN (PACK_CONTENT_BOTTOM - y, CURVE_MAX_HEIGHT));
      cairo_restore (cr);
    }
}

/* ── Quarantine capacity ────────────────────────────────────────────── */

void
sitroom_pack_draw_capacity (SitroomPack *self,
                            cairo_t     *cr)
{
  SitroomCapacityOptions options = {
    .style = SITROOM_STYLE_LIGHT,
    .lang = self->lang,
    .hover_day = -1,
    .title = FALSE,
    .text_scale = PACK_CHART_SCALE,
  };
  double y;

  y = sitroom_pack_draw_heading (self, cr, pack_pick (self, "集中隔离床位与14天预测",
                                                      "Centralized quarantine: beds and the 14-day forecast"));
  cairo_save (cr);
  cairo_translate (cr, PACK_MARGIN_X, y);
  sitroom_capacity_render (self->forecast, &options, cr, PACK_CONTENT_WIDTH, PACK_CONTENT_BOTTOM - y);
  cairo_restore (cr);
}
