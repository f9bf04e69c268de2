/* The epidemic curve's words in Chinese or English: the title, the legend of groups and keys, what an empty curve says. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-curve-render-private.h"

#define TITLE_PX 16.0
#define LEGEND_PX 12.0
#define EMPTY_PX 14.0
#define ITEM_GAP 14.0
/* The keys stand a little apart from the groups. */
#define KEYS_GAP 10.0
/* A name longer than this is cut with an ellipsis. */
#define LEGEND_NAME_PX 180.0
/* The legend takes no more than this share of the height. */
#define LEGEND_SHARE 0.22

const char *
sitroom_curve_pick (CurveTexts *texts,
      const char *zh,
      const char *en)
{
  return sitroom_curve_is_chinese (texts->options) ? zh : en;
}

PangoLayout *
sitroom_curve_new_layout (CurveTexts *texts,
                          double      pixels,
                          gboolean    bold,
                          const char *text)
{
  return sitroom_render_new_layout (texts->pango, pixels * sitroom_curve_text_scale (texts->options), bold, text);
}

/* A chain's title without its label, which the legend writes first:
 * "Z22列车“8·17”关联疫情" becomes "Z22列车关联疫情". */
static char *
short_title (const char *title,
             const char *label)
{
  static const char *const quotes[][2] = {
    { "“", "”" }, { "\"", "\"" }, { "‘", "’" }, { "「", "」" }, { "", "" },
  };
  g_autoptr(GString) out = g_string_new (title);

  if (label != NULL && label[0] != '\0')
    for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
      {
        g_autofree char *quoted = g_strconcat (quotes[i][0], label, quotes[i][1], NULL);

        g_string_replace (out, quoted, "", 0);
      }
  while (g_string_replace (out, "  ", " ", 0) > 0)
    ;
  g_strstrip (out->str);
  return g_strdup (out->str);
}

char *
sitroom_curve_group_name (SitroomCurve *curve,
                          SitroomView  *view,
                          guint         group,
                          const char   *lang)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  gboolean chinese = sitroom_render_is_chinese (lang);
  int key = sitroom_curve_get_group (curve, group);

  if (sitroom_curve_get_grouping (curve) == SITROOM_CURVE_BY_PREFECTURE)
    {
      if (key < 0)
        return g_strdup (chinese ? "省级（未分地市）" : "Province level");
      return g_strdup (sitroom_text_get (&sitroom_situation_get_region (situation, key)->name, lang));
    }
  else
    {
      const SitroomChain *chain;
      g_autofree char *title = NULL;

      if (key < 0)
        return g_strdup (chinese ? "未关联" : "No chain");
      chain = sitroom_situation_get_chain (situation, key);
      title = short_title (sitroom_text_get (&chain->title, lang), chain->label);
      if (title[0] == '\0')
        return g_strdup (chain->label);
      return g_strdup_printf ("%s %s", chain->label, title);
    }
}

/* "每日新增阳性感染者 · 截至2022年8月20日13时" / "New positives per day ·
 * as of 13:00 on 20 August 2022 (CST)", worded as the map's title is;
 * a selected prefecture or chain is named between the two. */
static char *
format_title (CurveTexts *texts)
{
  SitroomSituation *situation = sitroom_view_get_situation (texts->view);
  gint64 cutoff = sitroom_view_get_cutoff (texts->view);
  int prefecture = sitroom_view_get_prefecture_filter (texts->view);
  int chain = sitroom_view_get_chain_filter (texts->view);
  gboolean chinese = sitroom_curve_is_chinese (texts->options);
  g_autofree char *words = sitroom_render_cutoff_words (cutoff, texts->options->lang);
  GString *out = g_string_new (sitroom_curve_pick (texts, "每日新增阳性感染者", "New positives per day"));

  if (prefecture >= 0)
    g_string_append_printf (out, " · %s",
                            sitroom_text_get (&sitroom_situation_get_region (situation, prefecture)->name,
                                              texts->options->lang));
  if (chain >= 0)
    g_string_append_printf (out, chinese ? " · %s链条" : " · chain %s",
                            sitroom_situation_get_chain (situation, chain)->label);

  g_string_append_printf (out, " · %s", words);
  return g_string_free (out, FALSE);
}

static void
clear_item (gpointer data)
{
  LegendItem *item = data;

  g_clear_object (&item->label);
}

static LegendItem
new_item (CurveTexts *texts,
          LegendKind  kind,
          guint       group,
          const char *text)
{
  LegendItem item = { kind, group, sitroom_curve_new_layout (texts, LEGEND_PX, FALSE, text), 0, 0 };

  if (kind == LEGEND_GROUP)
    {
      pango_layout_set_width (item.label, (int) (LEGEND_NAME_PX * sitroom_curve_text_scale (texts->options)
                                                 * PANGO_SCALE));
      pango_layout_set_ellipsize (item.label, PANGO_ELLIPSIZE_END);
    }
  return item;
}

static double
item_width (const LegendItem *item,
            double            ts)
{
  double w, h;

  sitroom_render_layout_size (item->label, &w, &h);
  if (item->kind == LEGEND_MORE)
    return w;
  return (CURVE_SWATCH_WIDTH + CURVE_SWATCH_GAP) * ts + w;
}

/* Places the items in rows from @x0 to @x1; returns how many rows. */
static guint
flow_legend (CurveTexts *texts,
             double      x0,
             double      x1,
             double      row_height)
{
  double ts = sitroom_curve_text_scale (texts->options);
  double x = 0, y = 0;
  guint rows = texts->legend->len > 0 ? 1 : 0;

  for (guint i = 0; i < texts->legend->len; i++)
    {
      LegendItem *item = &g_array_index (texts->legend, LegendItem, i);
      double w = item_width (item, ts);
      double gap = ITEM_GAP * ts;

      if (i > 0 && item->kind == LEGEND_CONFIRMED)
        gap += KEYS_GAP * ts;
      if (x > 0 && x + gap + w > x1 - x0)
        {
          x = 0;
          y += row_height;
          rows++;
        }
      else if (x > 0)
        x += gap;
      item->x = x0 + x;
      item->y = y;
      x += w;
    }
  return rows;
}

/* The legend of the first @shown groups, a count of the others, then
 * the keys, laid out; returns how many rows it takes. */
static guint
compose_legend (CurveTexts        *texts,
                GArray            *groups,
                GArray            *keys,
                guint              shown,
                const CurveLayout *layout,
                double             row_height)
{
  g_array_set_size (texts->legend, 0);
  for (guint i = 0; i < shown; i++)
    {
      LegendItem item = g_array_index (groups, LegendItem, i);

      g_object_ref (item.label);
      g_array_append_val (texts->legend, item);
    }
  if (shown < groups->len)
    {
      guint rest = groups->len - shown;
      g_autofree char *more = sitroom_curve_is_chinese (texts->options)
                              ? g_strdup_printf ("另有%u组", rest)
                              : g_strdup_printf ("%u more", rest);
      LegendItem item = new_item (texts, LEGEND_MORE, 0, more);

      g_array_append_val (texts->legend, item);
    }
  for (guint i = 0; i < keys->len; i++)
    {
      LegendItem item = g_array_index (keys, LegendItem, i);

      g_object_ref (item.label);
      g_array_append_val (texts->legend, item);
    }
  return flow_legend (texts, layout->x0, layout->x1, row_height);
}

static void
build_legend (CurveTexts        *texts,
              const CurveLayout *layout)
{
  guint n_groups = sitroom_curve_get_n_groups (texts->curve);
  double ts = layout->ts;
  g_autoptr(PangoLayout) probe = sitroom_curve_new_layout (texts, LEGEND_PX, FALSE, "8月");
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  g_autoptr(GArray) keys = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  LegendItem item;
  double w, h, row_height;
  guint max_rows, lo, hi;

  sitroom_render_layout_size (probe, &w, &h);
  row_height = MAX (h, CURVE_SWATCH_HEIGHT * ts) + CURVE_ROW_GAP * ts;
  max_rows = MAX (1, (guint) floor (layout->height * LEGEND_SHARE / row_height));

  g_array_set_clear_func (groups, clear_item);
  g_array_set_clear_func (keys, clear_item);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *name = sitroom_curve_group_name (texts->curve, texts->view, g, texts->options->lang);

      item = new_item (texts, LEGEND_GROUP, g, name);
      g_array_append_val (groups, item);
    }
  item = new_item (texts, LEGEND_CONFIRMED, 0, sitroom_curve_pick (texts, "确诊", "Confirmed"));
  g_array_append_val (keys, item);
  item = new_item (texts, LEGEND_ASYMPTOMATIC, 0, sitroom_curve_pick (texts, "无症状", "Asymptomatic"));
  g_array_append_val (keys, item);
  item = new_item (texts, LEGEND_MEAN, 0, sitroom_curve_pick (texts, "7日均值", "7-day mean"));
  g_array_append_val (keys, item);

  /* Too many groups for the room: the last ones give way to a count of
   * them (the hovered day's values name that day's groups). The most
   * that fit is searched for by halves: hundreds of chains are common. */
  if (compose_legend (texts, groups, keys, n_groups, layout, row_height) > max_rows)
    {
      lo = 0;
      hi = n_groups;
      while (hi - lo > 1)
        {
          guint mid = lo + (hi - lo) / 2;

          if (compose_legend (texts, groups, keys, mid, layout, row_height) <= max_rows)
            lo = mid;
          else
            hi = mid;
        }
      compose_legend (texts, groups, keys, lo, layout, row_height);
    }

  texts->legend_height = 0;
  for (guint i = 0; i < texts->legend->len; i++)
    texts->legend_height = MAX (texts->legend_height,
                                g_array_index (texts->legend, LegendItem, i).y + row_height);
}

void
sitroom_curve_texts_init (CurveTexts                *texts,
                          SitroomCurve              *curve,
                          SitroomView               *view,
                          const SitroomCurveOptions *options,
                          cairo_t                   *cr,
                          CurveLayout               *layout)
{
  double ts = layout->ts;
  double w, h, top;

  g_assert (texts != NULL);
  g_assert (layout != NULL);

  memset (texts, 0, sizeof *texts);
  texts->curve = curve;
  texts->view = view;
  texts->options = options;
  /* The context follows the surface (font options differ between the
   * screen, a PNG and an SVG). */
  sitroom_render_text_update (&texts->pango, cr, options->lang);
  texts->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  g_array_set_clear_func (texts->legend, clear_item);

  top = layout->margin;
  if (options->title)
    {
      g_autofree char *title = format_title (texts);

      texts->title = sitroom_curve_new_layout (texts, TITLE_PX, TRUE, title);
      pango_layout_set_width (texts->title, (int) (MAX (layout->width - 2 * layout->margin, 1) * PANGO_SCALE));
      pango_layout_set_wrap (texts->title, PANGO_WRAP_WORD_CHAR);
      sitroom_render_layout_size (texts->title, &w, &h);
      top += h + 6 * ts;
    }
  layout->header_y = top;
  if (sitroom_curve_get_n_days (curve) > 0)
    {
      build_legend (texts, layout);
      top += texts->legend_height + 4 * ts;
    }

  {
    g_autoptr(PangoLayout) probe = sitroom_curve_new_layout (texts, CURVE_LABEL_PX, FALSE,
                                                             sitroom_curve_pick (texts, "8月20日", "20 Aug"));

    sitroom_render_layout_size (probe, &w, &h);
    texts->axis_height = 1 + (CURVE_TICK_LENGTH + 2) * ts + h;
    /* The top gridline's label stands half above it. */
    top += h / 2;
  }

  layout->y0 = round (top);
  layout->y1 = MAX (floor (layout->height - layout->margin - texts->axis_height), layout->y0 + 1);
  layout->unit = (layout->y1 - layout->y0) / MAX (layout->top, 1);
}

void
sitroom_curve_texts_clear (CurveTexts *texts)
{
  g_clear_object (&texts->title);
  g_clear_pointer (&texts->legend, g_array_unref);
  g_clear_object (&texts->pango);
}

static void
draw_swatch (CurveTexts       *texts,
             cairo_t          *cr,
             const LegendItem *item,
             double            x,
             double            y)
{
  const CurvePalette *palette = sitroom_curve_palette (texts->options->style);
  double ts = sitroom_curve_text_scale (texts->options);
  double w = CURVE_SWATCH_WIDTH * ts, h = CURVE_SWATCH_HEIGHT * ts;
  SitroomColor color;

  cairo_new_path (cr);
  switch (item->kind)
    {
    case LEGEND_GROUP:
      sitroom_curve_render_group_color (item->group, texts->options->style, &color);
      cairo_rectangle (cr, x, y, w, h);
      sitroom_chart_set_color (cr, &color, 1);
      cairo_fill (cr);
      break;

    /* The keys are outlined, so that their neutral fill is not taken
     * for a group's. */
    case LEGEND_CONFIRMED:
    case LEGEND_ASYMPTOMATIC:
      if (item->kind == LEGEND_CONFIRMED)
        {
          cairo_rectangle (cr, x, y, w, h);
          sitroom_chart_set_color (cr, &palette->key, 1);
          cairo_fill (cr);
        }
      else
        sitroom_curve_fill_hatched (cr, &palette->key, ts, x, y, w, h);
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
      sitroom_chart_set_color (cr, &palette->text, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;

    case LEGEND_MEAN:
      cairo_move_to (cr, x, y + h / 2);
      cairo_line_to (cr, x + w, y + h / 2);
      sitroom_chart_set_color (cr, &palette->mean, 1);
      cairo_set_line_width (cr, 2 * ts);
      cairo_stroke (cr);
      cairo_arc (cr, x + w / 2, y + h / 2, 3.5 * ts, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case LEGEND_MORE:
    default:
      g_assert_not_reached ();
    }
}

void
sitroom_curve_draw_header (CurveTexts        *texts,
                           cairo_t           *cr,
                           const CurveLayout *layout)
{
  const CurvePalette *palette = sitroom_curve_palette (texts->options->style);
  double ts = layout->ts;

  if (texts->title != NULL)
    sitroom_render_show (cr, texts->title, &palette->text, layout->margin, layout->margin);

  for (guint i = 0; i < texts->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (texts->legend, LegendItem, i);
      double y = layout->header_y + item->y;
      double w, h, row;

      sitroom_render_layout_size (item->label, &w, &h);
      row = MAX (h, CURVE_SWATCH_HEIGHT * ts);
      if (item->kind == LEGEND_MORE)
        {
          sitroom_render_show (cr, item->label, &palette->muted, item->x, y + (row - h) / 2);
          continue;
        }
      draw_swatch (texts, cr, item, item->x, y + (row - CURVE_SWATCH_HEIGHT * ts) / 2);
      sitroom_render_show (cr, item->label, &palette->text,
                           item->x + (CURVE_SWATCH_WIDTH + CURVE_SWATCH_GAP) * ts, y + (row - h) / 2);
    }
}

void
sitroom_curve_draw_empty (CurveTexts        *texts,
                          cairo_t           *cr,
                          const CurveLayout *layout)
{
  const CurvePalette *palette = sitroom_curve_palette (texts->options->style);
  g_autoptr(PangoLayout) message = sitroom_curve_new_layout (texts, EMPTY_PX, FALSE,
                                                             sitroom_curve_pick (texts, "无病例", "No cases"));
  double w, h;

  sitroom_curve_draw_baseline (texts, cr, layout);
  sitroom_render_layout_size (message, &w, &h);
  sitroom_render_show (cr, message, &palette->muted,
                       (layout->x0 + layout->x1 - w) / 2, (layout->y0 + layout->y1 - h) / 2);
}
