/* The key under an exported timeline: each class of case, kind of event and kind of measure in the lanes, drawn as the lanes draw it and named. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-export-private.h"
#include "sitroom-timeline-render.h"

/* Sizes in pixels at a text scale of 1. */
#define KEY_PX 11.0
#define ROW_GAP 4.0
#define SWATCH_WIDTH 16.0
#define SWATCH_GAP 6.0
#define ITEM_GAP 16.0
#define GROUP_GAP 28.0
/* A case tick and an event mark as the lanes draw them. */
#define TICK_WIDTH 3.0
#define TICK_HEIGHT 9.0
#define MARK_SIZE 10.0

typedef enum {
  KEY_HEADING,
  KEY_CASE,
  KEY_EVENT,
  KEY_MEASURE,
} KeyKind;

typedef struct {
  KeyKind kind;
  int value;                    /* the classification or kind */
  PangoLayout *label;
  double x, y;                  /* from the key's top left */
  double width;
} KeyItem;

struct _SitroomExportKey {
  char *lang;
  /* What the lanes can show, found once: the classes of the cases that
   * have a chain, the kinds of events and of measures there are. */
  gboolean classes[SITROOM_N_CLASSES];
  gboolean events[SITROOM_N_EVENT_KINDS];
  gboolean measures[SITROOM_N_MEASURE_KINDS];
  /* Laid out at one scale. */
  GArray *items;                /* KeyItem */
  double ts;
};

static const char *
pick (SitroomExportKey *key,
      const char       *zh,
      const char       *en)
{
  return sitroom_render_is_chinese (key->lang) ? zh : en;
}

static const char *
class_name (SitroomExportKey      *key,
            SitroomClassification  classification)
{
  static const char *const zh[] = { "轻型", "普通型", "重型", "危重型", "无症状感染者" };
  static const char *const en[] = { "Mild", "Moderate", "Severe", "Critical", "Asymptomatic" };
  G_STATIC_ASSERT (G_N_ELEMENTS (zh) == SITROOM_N_CLASSES);
  G_STATIC_ASSERT (G_N_ELEMENTS (en) == SITROOM_N_CLASSES);

  return pick (key, zh[classification], en[classification]);
}

static const char *
event_name (SitroomExportKey *key,
            SitroomEventKind  kind)
{
  static const char *const zh[] = { "发现", "检测", "集中隔离", "流调", "防控措施", "转运", "备注" };
  static const char *const en[] = { "Detection", "Testing", "Quarantine", "Tracing", "Measure", "Transfer", "Note" };
  G_STATIC_ASSERT (G_N_ELEMENTS (zh) == SITROOM_N_EVENT_KINDS);
  G_STATIC_ASSERT (G_N_ELEMENTS (en) == SITROOM_N_EVENT_KINDS);

  return pick (key, zh[kind], en[kind]);
}

static const char *
measure_name (SitroomExportKey   *key,
              SitroomMeasureKind  kind)
{
  static const char *const zh[] = { "静态管理", "交通管制", "全员核酸检测", "解除封控", "其他措施" };
  static const char *const en[] = { "Static management", "Traffic control", "Mass testing", "Lockdown lifted",
                                    "Other measure" };
  G_STATIC_ASSERT (G_N_ELEMENTS (zh) == SITROOM_N_MEASURE_KINDS);
  G_STATIC_ASSERT (G_N_ELEMENTS (en) == SITROOM_N_MEASURE_KINDS);

  return pick (key, zh[kind], en[kind]);
}

static void
clear_item (gpointer data)
{
  KeyItem *item = data;

  g_clear_object (&item->label);
}

SitroomExportKey *
sitroom_export_key_new (SitroomView *view,
                        const char  *lang)
{
  SitroomSituation *situation;
  SitroomExportKey *key;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  situation = sitroom_view_get_situation (view);
  key = g_new0 (SitroomExportKey, 1);
  key->lang = g_strdup (lang != NULL ? lang : "en");
  key->items = g_array_new (FALSE, FALSE, sizeof (KeyItem));
  g_array_set_clear_func (key->items, clear_item);

  for (guint i = 0; i < sitroom_situation_get_n_cases (situation); i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (situation, i);

      /* Only a chain's cases have a lane. */
      if (kase->chain >= 0 && kase->classification < SITROOM_N_CLASSES)
        key->classes[kase->classification] = TRUE;
    }
  for (guint c = 0; c < sitroom_situation_get_n_chains (situation); c++)
    {
      const SitroomChain *chain = sitroom_situation_get_chain (situation, c);

      for (guint e = 0; e < chain->n_events; e++)
        if (chain->events[e].kind < SITROOM_N_EVENT_KINDS)
          key->events[chain->events[e].kind] = TRUE;
    }
  for (guint i = 0; i < sitroom_situation_get_n_measures (situation); i++)
    {
      const SitroomMeasure *measure = sitroom_situation_get_measure (situation, i);

      if (measure->kind < SITROOM_N_MEASURE_KINDS)
        key->measures[measure->kind] = TRUE;
    }
  return key;
}

void
sitroom_export_key_free (SitroomExportKey *key)
{
  if (key == NULL)
    return;

  g_array_unref (key->items);
  g_free (key->lang);
  g_free (key);
}

static void
add_item (SitroomExportKey *key,
          PangoContext     *pango,
          KeyKind           kind,
          int               value,
          const char       *text)
{
  KeyItem item = { kind, value, NULL, 0, 0, 0 };

  item.label = sitroom_render_new_layout (pango, KEY_PX * key->ts, kind == KEY_HEADING, text);
  sitroom_render_layout_size (item.label, &item.width, NULL);
  if (kind != KEY_HEADING)
    item.width += (SWATCH_WIDTH + SWATCH_GAP) * key->ts;
  g_array_append_val (key->items, item);
}

static gboolean
any (const gboolean *present,
     guint           n)
{
  for (guint i = 0; i < n; i++)
    if (present[i])
      return TRUE;
  return FALSE;
}

static void
build_items (SitroomExportKey *key,
             PangoContext     *pango)
{
  g_array_set_size (key->items, 0);
  if (any (key->classes, SITROOM_N_CLASSES))
    add_item (key, pango, KEY_HEADING, 0, pick (key, "病例：", "Cases:"));
  for (guint k = 0; k < SITROOM_N_CLASSES; k++)
    if (key->classes[k])
      add_item (key, pango, KEY_CASE, (int) k, class_name (key, k));
  if (any (key->events, SITROOM_N_EVENT_KINDS))
    add_item (key, pango, KEY_HEADING, 0, pick (key, "事件：", "Events:"));
  for (guint k = 0; k < SITROOM_N_EVENT_KINDS; k++)
    if (key->events[k])
      add_item (key, pango, KEY_EVENT, (int) k, event_name (key, k));
  if (any (key->measures, SITROOM_N_MEASURE_KINDS))
    add_item (key, pango, KEY_HEADING, 0, pick (key, "防控措施：", "Measures:"));
  for (guint k = 0; k < SITROOM_N_MEASURE_KINDS; k++)
    if (key->measures[k])
      add_item (key, pango, KEY_MEASURE, (int) k, measure_name (key, k));
}

/* The width of the heading at @i and the items of its group. */
static double
group_width (SitroomExportKey *key,
             guint             i)
{
  double width = g_array_index (key->items, KeyItem, i).width;

  for (guint j = i + 1; j < key->items->len; j++)
    {
      const KeyItem *item = &g_array_index (key->items, KeyItem, j);

      if (item->kind == KEY_HEADING)
        break;
      width += ITEM_GAP * key->ts + item->width;
    }
  return width;
}

double
sitroom_export_key_layout (SitroomExportKey *key,
                           PangoContext     *pango,
                           double            ts,
                           double            width)
{
  double row_height = 0;
  double x = 0, y = 0;

  g_return_val_if_fail (key != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), 0);

  key->ts = ts;
  build_items (key, pango);
  if (key->items->len == 0)
    return 0;

  for (guint i = 0; i < key->items->len; i++)
    row_height = MAX (row_height, sitroom_render_layout_height (g_array_index (key->items, KeyItem, i).label));
  row_height += ROW_GAP * ts;

  for (guint i = 0; i < key->items->len; i++)
    {
      KeyItem *item = &g_array_index (key->items, KeyItem, i);
      double needed = item->width;

      if (item->kind == KEY_HEADING)
        {
          if (x > 0)
            x += (GROUP_GAP - ITEM_GAP) * ts;
          needed = group_width (key, i);
        }
      /* A group that is wider than a row starts a row and wraps. */
      if (x > 0 && x + MIN (needed, width) > width)
        {
          x = 0;
          y += row_height;
        }
      item->x = x;
      item->y = y;
      x += item->width + ITEM_GAP * ts;
    }
  return y + row_height;
}

/* An item's swatch centred at (cx, cy), drawn as the lanes draw it. */
static void
draw_swatch (cairo_t       *cr,
             const KeyItem *item,
             double         ts,
             double         cx,
             double         cy)
{
  SitroomColor color;

  switch (item->kind)
    {
    case KEY_CASE:
      {
        double w = MAX (round (TICK_WIDTH * ts), 2), h = round (TICK_HEIGHT * ts);
        double x = round (cx - w / 2), y = round (cy - h / 2);

        sitroom_timeline_case_color (item->value, SITROOM_STYLE_LIGHT, &color);
        sitroom_chart_set_color (cr, &color, 1);
        if (item->value == SITROOM_CLASS_ASYMPTOMATIC)
          {
            double line = MAX (round (ts), 1);

            /* Hollow, as the lanes draw an asymptomatic case. */
            cairo_rectangle (cr, x, y, w, line);
            cairo_rectangle (cr, x, y + h - line, w, line);
            cairo_rectangle (cr, x, y + line, line, h - 2 * line);
            cairo_rectangle (cr, x + w - line, y + line, line, h - 2 * line);
          }
        else
          cairo_rectangle (cr, x, y, w, h);
        cairo_fill (cr);
      }
      break;
    case KEY_EVENT:
      sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &color);
      sitroom_chart_set_color (cr, &color, 1);
      if (sitroom_timeline_append_mark (cr, item->value, cx, cy, MARK_SIZE * ts))
        {
          cairo_set_line_width (cr, 1.5 * ts);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      break;
    case KEY_MEASURE:
      sitroom_timeline_measure_color (item->value, SITROOM_STYLE_LIGHT, &color);
      sitroom_chart_set_color (cr, &color, 1);
      cairo_rectangle (cr, cx - SWATCH_WIDTH * ts / 2, cy - TICK_HEIGHT * ts / 2,
                       SWATCH_WIDTH * ts, TICK_HEIGHT * ts);
      cairo_fill (cr);
      break;
    case KEY_HEADING:
    default:
      break;
    }
}

void
sitroom_export_key_draw (SitroomExportKey *key,
                         cairo_t          *cr,
                         double            x,
                         double            y)
{
  /* Headings and names in the charts' light colours. */
  const SitroomChartColors *colors = sitroom_chart_colors (SITROOM_STYLE_LIGHT);
  double ts;

  g_return_if_fail (key != NULL);
  g_return_if_fail (cr != NULL);

  ts = key->ts;
  for (guint i = 0; i < key->items->len; i++)
    {
      const KeyItem *item = &g_array_index (key->items, KeyItem, i);
      double left = x + item->x;
      double top = y + item->y;

      if (item->kind == KEY_HEADING)
        {
          sitroom_render_show (cr, item->label, &colors->text, left, top);
          continue;
        }
      draw_swatch (cr, item, ts, left + SWATCH_WIDTH * ts / 2, top + sitroom_render_layout_height (item->label) / 2);
      sitroom_render_show (cr, item->label, &colors->muted, left + (SWATCH_WIDTH + SWATCH_GAP) * ts, top);
    }
}
