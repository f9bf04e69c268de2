/* The hovered day's values: its date, each group's confirmed and asymptomatic positives, the total and the 7-day mean. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-curve-render-private.h"

#define DAY G_GINT64_CONSTANT (86400)
#define HOVER_PX 12.0
#define HOVER_NAME_PX 200.0
#define HOVER_PADDING 8.0
#define HOVER_COLUMN_GAP 12.0
/* Groups listed in the hovered day's values; the rest are summed. */
#define HOVER_MAX_GROUPS 12

/* "2022年8月20日（截至13时）" / "20 Aug 2022 (to 13:00)": the cutoff's day
 * is not over, and says so. */
static char *
format_day (CurveTexts *texts,
            gint64      start)
{
  gint64 cutoff = sitroom_view_get_cutoff (texts->view);
  g_autoptr(GDateTime) t = sitroom_render_cst_time (start);
  g_autoptr(GDateTime) c = sitroom_render_cst_time (cutoff);
  gboolean partial = cutoff < start + DAY - 1;
  GString *out = g_string_new (NULL);

  if (sitroom_curve_is_chinese (texts->options))
    {
      g_string_append_printf (out, "%d年%d月%d日", g_date_time_get_year (t), g_date_time_get_month (t),
                              g_date_time_get_day_of_month (t));
      if (partial && g_date_time_get_minute (c) != 0)
        g_string_append_printf (out, "（截至%d时%d分）", g_date_time_get_hour (c), g_date_time_get_minute (c));
      else if (partial)
        g_string_append_printf (out, "（截至%d时）", g_date_time_get_hour (c));
    }
  else
    {
      g_string_append_printf (out, "%d %s %d", g_date_time_get_day_of_month (t),
                              sitroom_render_month_abbreviation (g_date_time_get_month (t)), g_date_time_get_year (t));
      if (partial)
        g_string_append_printf (out, " (to %02d:%02d)", g_date_time_get_hour (c), g_date_time_get_minute (c));
    }
  return g_string_free (out, FALSE);
}

/* A row of the hovered day's table: a swatch (a group's, or none), a
 * name, and two counts. */
typedef struct {
  int group;
  PangoLayout *cells[3];
} HoverRow;

static void
clear_row (gpointer data)
{
  HoverRow *row = data;

  for (guint i = 0; i < G_N_ELEMENTS (row->cells); i++)
    g_clear_object (&row->cells[i]);
}

static void
append_row (CurveTexts *texts,
            GArray     *rows,
            int         group,
            const char *name,
            guint       confirmed,
            guint       asymptomatic,
            gboolean    bold)
{
  g_autofree char *a = g_strdup_printf ("%u", confirmed);
  g_autofree char *b = g_strdup_printf ("%u", asymptomatic);
  HoverRow row = { group, {
    sitroom_curve_new_layout (texts, HOVER_PX, bold, name),
    sitroom_curve_new_layout (texts, HOVER_PX, bold, a),
    sitroom_curve_new_layout (texts, HOVER_PX, bold, b),
  } };

  pango_layout_set_width (row.cells[0], (int) (HOVER_NAME_PX * sitroom_curve_text_scale (texts->options)
                                               * PANGO_SCALE));
  pango_layout_set_ellipsize (row.cells[0], PANGO_ELLIPSIZE_END);
  g_array_append_val (rows, row);
}

static GArray *
hover_rows (CurveTexts *texts,
            guint       day)
{
  SitroomCurve *curve = texts->curve;
  const SitroomCurveDay *values = sitroom_curve_get_day (curve, day);
  guint n_groups = sitroom_curve_get_n_groups (curve);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (HoverRow));
  guint listed = 0, n_present = 0, rest_groups = 0, rest_confirmed = 0, rest_asymptomatic = 0;

  g_array_set_clear_func (rows, clear_row);
  append_row (texts, rows, -1, "", 0, 0, FALSE);
  /* The header row names the columns in place of counts. */
  pango_layout_set_text (g_array_index (rows, HoverRow, 0).cells[1], sitroom_curve_pick (texts, "确诊", "Confirmed"), -1);
  pango_layout_set_text (g_array_index (rows, HoverRow, 0).cells[2], sitroom_curve_pick (texts, "无症状", "Asymptomatic"), -1);

  for (guint g = 0; g < n_groups; g++)
    if (sitroom_curve_get_count (curve, day, g, FALSE) + sitroom_curve_get_count (curve, day, g, TRUE) > 0)
      n_present++;
  for (guint g = 0; g < n_groups; g++)
    {
      guint confirmed = sitroom_curve_get_count (curve, day, g, FALSE);
      guint asymptomatic = sitroom_curve_get_count (curve, day, g, TRUE);

      if (confirmed + asymptomatic == 0)
        continue;
      if (n_present <= HOVER_MAX_GROUPS || listed + 1 < HOVER_MAX_GROUPS)
        {
          g_autofree char *name = sitroom_curve_group_name (curve, texts->view, g, texts->options->lang);

          append_row (texts, rows, g, name, confirmed, asymptomatic, FALSE);
          listed++;
        }
      else
        {
          rest_groups++;
          rest_confirmed += confirmed;
          rest_asymptomatic += asymptomatic;
        }
    }
  if (rest_groups > 0)
    {
      g_autofree char *more = sitroom_curve_is_chinese (texts->options)
                              ? g_strdup_printf ("其余%u组", rest_groups)
                              : g_strdup_printf ("%u more", rest_groups);

      append_row (texts, rows, -1, more, rest_confirmed, rest_asymptomatic, FALSE);
    }
  append_row (texts, rows, -1, sitroom_curve_pick (texts, "合计", "Total"), values->confirmed, values->asymptomatic, TRUE);
  return rows;
}

void
sitroom_curve_draw_hover (CurveTexts        *texts,
                          cairo_t           *cr,
                          const CurveLayout *layout,
                          guint              day)
{
  const CurvePalette *palette = sitroom_curve_palette (texts->options->style);
  const SitroomCurveDay *values = sitroom_curve_get_day (texts->curve, day);
  double ts = layout->ts, pad = HOVER_PADDING * ts, gap = HOVER_COLUMN_GAP * ts;
  double swatch = CURVE_SWATCH_HEIGHT * ts + CURVE_SWATCH_GAP * ts;
  g_autofree char *date = format_day (texts, values->start);
  g_autofree char *mean_text = g_strdup_printf ("%s %.1f", sitroom_curve_pick (texts, "7日均值", "7-day mean"), values->mean7);
  g_autoptr(PangoLayout) heading = sitroom_curve_new_layout (texts, HOVER_PX, TRUE, date);
  g_autoptr(PangoLayout) mean = sitroom_curve_new_layout (texts, HOVER_PX, FALSE, mean_text);
  g_autoptr(GArray) rows = hover_rows (texts, day);
  double columns[3] = { 0 }, row_height = 0, box_w, box_h, box_x, box_y, w, h, y;
  double left, right;

  for (guint i = 0; i < rows->len; i++)
    {
      const HoverRow *row = &g_array_index (rows, HoverRow, i);

      for (guint c = 0; c < 3; c++)
        {
          sitroom_render_layout_size (row->cells[c], &w, &h);
          columns[c] = MAX (columns[c], w);
          row_height = MAX (row_height, h);
        }
    }
  columns[0] += swatch;
  box_w = columns[0] + columns[1] + columns[2] + 2 * gap;
  sitroom_render_layout_size (heading, &w, &h);
  box_w = MAX (box_w, w);
  box_h = h + CURVE_ROW_GAP * ts + rows->len * row_height;
  sitroom_render_layout_size (mean, &w, &h);
  box_w = MAX (box_w, w) + 2 * pad;
  box_h += CURVE_ROW_GAP * ts + h + 2 * pad;

  /* Beside the day's slot, on the side with room, never over the bar. */
  left = layout->x0 + day * layout->slot;
  right = left + layout->slot;
  box_x = right + 8 * ts;
  if (box_x + box_w > layout->width - layout->margin / 2)
    box_x = left - 8 * ts - box_w;
  box_x = CLAMP (box_x, 0, MAX (0, layout->width - box_w));
  box_y = CLAMP (layout->y0 + 4 * ts, 0, MAX (0, layout->height - box_h));

  sitroom_chart_draw_box (cr, box_x, box_y, box_w, box_h, &palette->panel, &palette->panel_border);

  y = box_y + pad;
  sitroom_render_show (cr, heading, &palette->text, box_x + pad, y);
  sitroom_render_layout_size (heading, &w, &h);
  y += h + CURVE_ROW_GAP * ts;
  for (guint i = 0; i < rows->len; i++)
    {
      const HoverRow *row = &g_array_index (rows, HoverRow, i);
      const SitroomColor *color = i == 0 ? &palette->muted : &palette->text;
      double x = box_x + pad;

      if (row->group >= 0)
        {
          SitroomColor fill;

          sitroom_curve_render_group_color (row->group, texts->options->style, &fill);
          cairo_new_path (cr);
          cairo_rectangle (cr, x, y + (row_height - CURVE_SWATCH_HEIGHT * ts) / 2, CURVE_SWATCH_HEIGHT * ts, CURVE_SWATCH_HEIGHT * ts);
          sitroom_chart_set_color (cr, &fill, 1);
          cairo_fill (cr);
        }
      sitroom_render_show (cr, row->cells[0], color, x + swatch, y);
      x += columns[0] + gap;
      /* Counts right-aligned under their heading. */
      for (guint c = 1; c < 3; c++)
        {
          sitroom_render_layout_size (row->cells[c], &w, &h);
          sitroom_render_show (cr, row->cells[c], color, x + columns[c] - w, y);
          x += columns[c] + gap;
        }
      y += row_height;
    }
  sitroom_render_show (cr, mean, &palette->text, box_x + pad, y + CURVE_ROW_GAP * ts);
}
