/* The capacity drawings' words in Chinese and English, and the text they are set in: dates, figures, the title, a chart's words, the hover box, the table's words and the assumptions. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-capacity-render-private.h"

#define NAME_PX 13.0
#define STATUS_PX 11.0
#define RULE_LABEL_PX 11.0
#define HOVER_PX 12.0
#define HOVER_PADDING 6.0
#define HOVER_COLUMN_GAP 12.0

/* The fixed words, in the order of CapacityPhrase. */
static const struct {
  const char *zh;
  const char *en;
} phrases[] = {
  [CAPACITY_PHRASE_MARK] = { "示意数据", "Illustrative" },
  [CAPACITY_PHRASE_EMPTY] = { "没有集中隔离点：无床位可预测",
                              "No centralized quarantine sites: there are no beds to forecast" },
  [CAPACITY_PHRASE_KEY_LINE] = { "预计在隔人数", "Expected occupancy" },
  [CAPACITY_PHRASE_KEY_BEDS] = { "床位", "Beds" },
  [CAPACITY_PHRASE_KEY_ABOVE] = { "超出床位", "Above the beds" },
  [CAPACITY_PHRASE_KEY_RULE] = { "床位用尽之日", "Day the beds run out" },
  /* As wide as sitroom_capacity_day_words() gets. */
  [CAPACITY_PHRASE_WIDE_DAY] = { "10月30日", "30 Aug" },
  [CAPACITY_PHRASE_SITES] = { "集中隔离点", "Centralized quarantine sites" },
  [CAPACITY_PHRASE_COLUMN_NAME] = { "地市 / 隔离点", "Prefecture / site" },
  [CAPACITY_PHRASE_COLUMN_BEDS] = { "床位", "Beds" },
  [CAPACITY_PHRASE_COLUMN_OCCUPIED] = { "在隔", "Occupied" },
  [CAPACITY_PHRASE_COLUMN_FREE] = { "空余", "Free" },
  [CAPACITY_PHRASE_COLUMN_OCCUPANCY] = { "使用率", "Occupancy" },
  [CAPACITY_PHRASE_TOTAL] = { "合计", "Total" },
  [CAPACITY_PHRASE_READING] = { "第1天为截至日的次日，数字为当日24时预计在隔人数；新入住者按默认规则的天数在隔",
                                "Day 1 is the day after the cutoff's; a figure is the expected occupancy "
                                "at the end of its day; arrivals stay the default rule's days" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (phrases) == CAPACITY_N_PHRASES);

void
sitroom_capacity_texts_init (CapacityTexts                *texts,
                             SitroomForecast              *forecast,
                             const SitroomCapacityOptions *options,
                             cairo_t                      *cr)
{
  g_assert (texts != NULL);

  texts->forecast = forecast;
  texts->options = options;
  texts->ts = sitroom_capacity_text_scale (options);
  texts->chinese = sitroom_render_is_chinese (options->lang);
  texts->pango = NULL;
  /* The context follows the surface (font options differ between the
   * screen, a PNG and an SVG). */
  sitroom_render_text_update (&texts->pango, cr, options->lang);
}

void
sitroom_capacity_texts_clear (CapacityTexts *texts)
{
  g_clear_object (&texts->pango);
}

static const char *
pick (const CapacityTexts *texts,
      const char          *zh,
      const char          *en)
{
  return texts->chinese ? zh : en;
}

const char *
sitroom_capacity_phrase (const CapacityTexts *texts,
                         CapacityPhrase       phrase)
{
  g_assert (phrase < CAPACITY_N_PHRASES);

  return pick (texts, phrases[phrase].zh, phrases[phrase].en);
}

PangoLayout *
sitroom_capacity_new_layout (CapacityTexts *texts,
                             double         pixels,
                             gboolean       bold,
                             const char    *text)
{
  return sitroom_render_new_layout (texts->pango, pixels * texts->ts, bold, text);
}

char *
sitroom_capacity_day_words (gint64   day,
                            gboolean chinese)
{
  g_autoptr(GDateTime) t = sitroom_render_cst_time (day);

  if (t == NULL)
    return g_strdup ("—");
  if (chinese)
    return g_strdup_printf ("%d月%d日", g_date_time_get_month (t), g_date_time_get_day_of_month (t));
  return g_strdup_printf ("%d %s", g_date_time_get_day_of_month (t),
                          sitroom_render_month_abbreviation (g_date_time_get_month (t)));
}

char *
sitroom_capacity_number_words (gint64 number)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

char *
sitroom_capacity_percent_words (gint64   occupied,
                                gint64   capacity,
                                gboolean chinese)
{
  if (capacity <= 0)
    return g_strdup ("—");
  /* Chinese sets "%" without a space, as the map's legend does. */
  return g_strdup_printf (chinese ? "%.0f%%" : "%.0f %%", 100.0 * occupied / capacity);
}

const char *
sitroom_capacity_region_name (const CapacityTexts *texts,
                              int                  region)
{
  SitroomSituation *situation = sitroom_view_get_situation (sitroom_forecast_get_view (texts->forecast));

  if (region < 0 || (guint) region >= sitroom_situation_get_n_regions (situation))
    return "—";
  return sitroom_text_get (&sitroom_situation_get_region (situation, region)->name, texts->options->lang);
}

char *
sitroom_capacity_render_title (SitroomForecast *forecast,
                               const char      *lang)
{
  SitroomView *view;
  const char *province;
  g_autofree char *cutoff = NULL;

  g_return_val_if_fail (SITROOM_IS_FORECAST (forecast), NULL);

  view = sitroom_forecast_get_view (forecast);
  province = sitroom_render_province_name (sitroom_view_get_situation (view), lang);
  cutoff = sitroom_render_cutoff_words (sitroom_view_get_cutoff (view), lang);
  if (sitroom_render_is_chinese (lang))
    return g_strdup_printf ("%s集中隔离床位 · %s", province, cutoff);
  if (province[0] == '\0')
    return g_strdup_printf ("Centralized quarantine beds · %s", cutoff);
  return g_strdup_printf ("Centralized quarantine beds in %s · %s", province, cutoff);
}

char *
sitroom_capacity_source_words (const CapacityTexts *texts,
                               const SitroomText   *publisher)
{
  return g_strdup_printf (texts->chinese ? "来源：%s" : "Source: %s", sitroom_text_get (publisher, texts->options->lang));
}

/* The line under a chart's name: whether it is over-full now, the day
 * its beds run out or that they last. */
char *
sitroom_capacity_status_words (const CapacityTexts             *texts,
                               const SitroomPrefectureForecast *prefecture)
{
  GString *out = g_string_new (NULL);

  if (prefecture->occupied > prefecture->capacity)
    g_string_append (out, pick (texts, "已超员 · ", "Over-full now · "));
  if (prefecture->full_on >= 0)
    {
      g_autofree char *date = sitroom_capacity_day_words (prefecture->days[prefecture->full_on].day, texts->chinese);

      g_string_append_printf (out, texts->chinese ? "预计%s床位用尽" : "beds run out on %s", date);
    }
  else
    g_string_append_printf (out, texts->chinese ? "%d天内床位够用" : "beds last the %d days",
                            SITROOM_FORECAST_DAYS);
  /* English starts a sentence with a capital, after the prefix too. */
  if (!texts->chinese && out->len > 0 && prefecture->occupied <= prefecture->capacity)
    out->str[0] = g_ascii_toupper (out->str[0]);
  return g_string_free (out, FALSE);
}

void
sitroom_capacity_chart_words_init (CapacityChartWords              *words,
                                   CapacityTexts                   *texts,
                                   const SitroomPrefectureForecast *prefecture,
                                   double                           width)
{
  double ts = texts->ts, w;
  g_autoptr(PangoLayout) probe = sitroom_capacity_new_layout (texts, CAPACITY_LABEL_PX, FALSE, "8月20日 20 Aug");

  g_assert (words != NULL);

  *words = (CapacityChartWords) { 0 };
  sitroom_render_layout_size (probe, &w, &words->label_height);
  words->illustrative = sitroom_capacity_forecast_illustrative (texts->forecast);
  if (words->illustrative)
    sitroom_capacity_mark_size (texts, &words->mark_width, &words->mark_height);

  if (texts->options->title)
    {
      g_autofree char *status = sitroom_capacity_status_words (texts, prefecture);
      double room = width;

      if (words->illustrative)
        room -= words->mark_width + 6 * ts;
      words->name = sitroom_capacity_new_layout (texts, NAME_PX, TRUE,
                                                 sitroom_capacity_region_name (texts, prefecture->region));
      pango_layout_set_width (words->name, (int) (MAX (room, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (words->name, PANGO_ELLIPSIZE_END);
      words->status = sitroom_capacity_new_layout (texts, STATUS_PX, FALSE, status);
      pango_layout_set_width (words->status, (int) (MAX (width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (words->status, PANGO_ELLIPSIZE_END);
    }

  if (prefecture->full_on >= 0)
    {
      g_autofree char *date = sitroom_capacity_day_words (prefecture->days[prefecture->full_on].day, texts->chinese);
      g_autofree char *label = g_strdup_printf (texts->chinese ? "%s用尽" : "Full %s", date);

      words->rule_label = sitroom_capacity_new_layout (texts, RULE_LABEL_PX, TRUE, label);
    }
}

void
sitroom_capacity_chart_words_clear (CapacityChartWords *words)
{
  g_clear_object (&words->name);
  g_clear_object (&words->status);
  g_clear_object (&words->rule_label);
}

char *
sitroom_capacity_beds_words (const CapacityTexts *texts,
                             gint64               beds)
{
  return g_strdup_printf (texts->chinese ? "床位%" G_GINT64_FORMAT : "%" G_GINT64_FORMAT " beds", beds);
}

/* The hovered day's date, expected occupants, beds and free beds (or how
 * many over), in a box beside its column. */
void
sitroom_capacity_draw_hover (CapacityTexts             *texts,
                             cairo_t                   *cr,
                             const CapacityChartLayout *layout,
                             int                        column,
                             gint64                     day,
                             gint64                     occupied,
                             gint64                     capacity)
{
  const CapacityPalette *palette = sitroom_capacity_palette (texts->options->style);
  double ts = layout->ts, pad = HOVER_PADDING * ts;
  gboolean over = occupied > capacity;
  g_autofree char *date = sitroom_capacity_day_words (day, texts->chinese);
  g_autofree char *text = g_strdup_printf (texts->chinese ? "预计在隔\n床位\n%s" : "Expected\nBeds\n%s",
                                           over ? pick (texts, "超出", "Over") : pick (texts, "空余", "Free"));
  g_autofree char *figures = g_strdup_printf ("%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT,
                                              occupied, capacity, over ? occupied - capacity : capacity - occupied);
  g_autoptr(PangoLayout) heading = sitroom_capacity_new_layout (texts, HOVER_PX, TRUE, date);
  g_autoptr(PangoLayout) names = sitroom_capacity_new_layout (texts, HOVER_PX, FALSE, text);
  g_autoptr(PangoLayout) values = sitroom_capacity_new_layout (texts, HOVER_PX, TRUE, figures);
  double hw, hh, nw, nh, vw, vh, box_w, box_h, box_x, box_y, left;

  pango_layout_set_alignment (values, PANGO_ALIGN_RIGHT);
  sitroom_render_layout_size (heading, &hw, &hh);
  sitroom_render_layout_size (names, &nw, &nh);
  sitroom_render_layout_size (values, &vw, &vh);
  box_w = MAX (hw, nw + HOVER_COLUMN_GAP * ts + vw) + 2 * pad;
  box_h = hh + 2 * ts + MAX (nh, vh) + 2 * pad;

  /* Beside the day's column, on the side with room. */
  left = layout->x0 + column * layout->slot;
  box_x = left + layout->slot + 6 * ts;
  if (box_x + box_w > layout->width - layout->margin / 2)
    box_x = left - 6 * ts - box_w;
  box_x = round (CLAMP (box_x, 0, MAX (0, layout->width - box_w)));
  box_y = round (CLAMP (layout->y0 + 4 * ts, 0, MAX (0, layout->height - box_h)));

  sitroom_chart_draw_box (cr, box_x, box_y, round (box_w), round (box_h), &palette->panel, &palette->panel_border);

  sitroom_render_show (cr, heading, &palette->text, box_x + pad, box_y + pad);
  sitroom_render_show (cr, names, &palette->muted, box_x + pad, box_y + pad + hh + 2 * ts);
  /* The last figure, free beds or how many over, in the warning colour
   * when over: the whole column of figures is one layout. */
  if (over)
    {
      PangoAttrList *attributes = pango_attr_list_new ();
      PangoAttribute *red = pango_attr_foreground_new (palette->warning.red * 65535, palette->warning.green * 65535,
                                                       palette->warning.blue * 65535);

      red->start_index = strrchr (figures, '\n') + 1 - figures;
      pango_attr_list_insert (attributes, red);
      pango_layout_set_attributes (values, attributes);
      pango_attr_list_unref (attributes);
    }
  sitroom_render_show (cr, values, &palette->text, box_x + box_w - pad - vw, box_y + pad + hh + 2 * ts);
}

char *
sitroom_capacity_free_words (const CapacityTexts *texts,
                             gint64               occupied,
                             gint64               capacity)
{
  if (occupied > capacity)
    return g_strdup_printf (texts->chinese ? "超%" G_GINT64_FORMAT : "%" G_GINT64_FORMAT " over",
                            occupied - capacity);
  return sitroom_capacity_number_words (capacity - occupied);
}

char *
sitroom_capacity_over_full_words (const CapacityTexts *texts,
                                  guint                n_over_full)
{
  if (n_over_full == 0)
    return g_strdup (pick (texts, " · 无超员", " · none over-full"));
  if (texts->chinese)
    return g_strdup_printf (" · %u个超员", n_over_full);
  return g_strdup_printf (" · %u over-full", n_over_full);
}

char *
sitroom_capacity_left_out_words (const CapacityTexts *texts,
                                 guint                n_left_out)
{
  if (texts->chinese)
    return g_strdup_printf ("图幅所限，另有%u个隔离点未列出", n_left_out);
  return g_strdup_printf ("%u more sites do not fit", n_left_out);
}

char *
sitroom_capacity_rule_words (const CapacityTexts *texts)
{
  SitroomForecast *forecast = texts->forecast;
  SitroomSituation *situation = sitroom_view_get_situation (sitroom_forecast_get_view (forecast));
  gint64 days = sitroom_forecast_get_assumed_days (forecast);
  int index = sitroom_forecast_get_assumed_rule (forecast);
  const SitroomQuarantineRule *rule;
  const char *name;

  if (index < 0)
    return texts->chinese
           ? g_strdup_printf ("文件未给出含集中隔离天数的规则，按集中隔离%" G_GINT64_FORMAT "天计", days)
           : g_strdup_printf ("The document gives no rule with centralized days: %" G_GINT64_FORMAT
                              " days are assumed", days);
  rule = sitroom_situation_get_rule (situation, (guint) index);
  name = rule->text.zh != NULL ? sitroom_text_get (&rule->text, texts->options->lang) : rule->id;
  return texts->chinese
         ? g_strdup_printf ("默认规则：集中隔离%" G_GINT64_FORMAT "天（%s）", days, name)
         : g_strdup_printf ("Default rule: %" G_GINT64_FORMAT " days of centralized quarantine (%s)", days, name);
}

/* "12", "3.3": people a day. */
static char *
people_a_day (double arrivals)
{
  if (fabs (arrivals - round (arrivals)) < 0.05)
    return g_strdup_printf ("%.0f", arrivals);
  return g_strdup_printf ("%.1f", arrivals);
}

char *
sitroom_capacity_arrivals_words (const CapacityTexts *texts,
                                 gboolean            *any_mean)
{
  SitroomForecast *forecast = texts->forecast;
  GString *out = g_string_new (pick (texts, "预计每日新入住：", "Arrivals a day: "));

  *any_mean = FALSE;
  for (guint p = 0; p < sitroom_forecast_get_n_prefectures (forecast); p++)
    {
      const SitroomPrefectureForecast *prefecture = sitroom_forecast_get_prefecture (forecast, p);
      g_autofree char *people = people_a_day (prefecture->arrivals);
      const char *name = sitroom_capacity_region_name (texts, prefecture->region);

      *any_mean |= !prefecture->arrivals_set;
      if (p > 0)
        g_string_append (out, pick (texts, "；", "; "));
      if (texts->chinese)
        g_string_append_printf (out, "%s%s人（%s）", name, people, prefecture->arrivals_set ? "设定" : "近3日均值");
      else
        g_string_append_printf (out, "%s %s (%s)", name, people,
                                prefecture->arrivals_set ? "set" : "mean of the last 3 days");
    }
  return g_string_free (out, FALSE);
}

char *
sitroom_capacity_unassigned_words (const CapacityTexts *texts)
{
  SitroomForecast *forecast = texts->forecast;
  gint64 days = sitroom_forecast_get_assumed_days (forecast);
  gint64 assumed = 0, occupied = 0;

  for (guint p = 0; p < sitroom_forecast_get_n_prefectures (forecast); p++)
    {
      assumed += sitroom_forecast_get_prefecture (forecast, p)->assumed_people;
      occupied += sitroom_forecast_get_prefecture (forecast, p)->occupied;
    }
  if (assumed <= 0)
    return g_strdup (pick (texts, "在隔人员均有入住批次记录，按各自规则的集中隔离天数离开",
                           "Every occupant belongs to a cohort and leaves when its rule's centralized days end"));
  if (texts->chinese)
    return g_strdup_printf ("在隔%" G_GINT64_FORMAT "人中有%" G_GINT64_FORMAT "人无入住批次记录，"
                            "按%" G_GINT64_FORMAT "天内逐日均匀离开计", occupied, assumed, days);
  return g_strdup_printf ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " occupants have no cohort: they are "
                          "taken to leave evenly over %" G_GINT64_FORMAT " days", assumed, occupied, days);
}

char *
sitroom_capacity_illustrative_words (const CapacityTexts *texts,
                                     gboolean             sites,
                                     gboolean             cohorts)
{
  const char *what = sites && cohorts ? pick (texts, "隔离点床位、在隔人数与入住批次",
                                              "The sites' beds and occupants and the cohorts")
                     : sites ? pick (texts, "隔离点床位与在隔人数", "The sites' beds and occupants")
                     : pick (texts, "入住批次", "The cohorts");

  g_assert (sites || cohorts);

  return g_strdup_printf (texts->chinese ? "%s为示意数据，并非实际报告" : "%s are illustrative, not reported figures",
                          what);
}
