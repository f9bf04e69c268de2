/* Quarantine capacity as an export: the capacity renderer's whole picture, and its figures and assumptions as words for an SVG. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-briefing.h"
#include "sitroom-capacity-render.h"
#include "sitroom-export-private.h"

typedef struct {
  SitroomForecast *forecast;
  const char *lang;
} CapacityPicture;

static void
draw_capacity (cairo_t  *cr,
               int       width,
               int       height,
               gpointer  data)
{
  const CapacityPicture *picture = data;
  SitroomCapacityOptions options = {
    .style = SITROOM_STYLE_LIGHT,
    .lang = picture->lang,
    .hover_day = -1,
    .title = TRUE,
    .text_scale = sitroom_export_chart_text_scale (width, height),
  };

  sitroom_capacity_render (picture->forecast, &options, cr, width, height);
}

static char *
percent_words (gint64      occupied,
               gint64      capacity,
               const char *lang)
{
  if (capacity <= 0)
    return g_strdup ("—");
  return g_strdup_printf (sitroom_render_is_chinese (lang) ? "%.0f%%" : "%.0f %%", 100.0 * occupied / capacity);
}

/* What the picture marks as illustrative, said first. */
static void
append_illustrative (GString          *text,
                     SitroomSituation *situation,
                     gboolean          zh)
{
  gboolean sites = sitroom_situation_is_illustrative (situation, "quarantine_sites");
  gboolean cohorts = sitroom_situation_is_illustrative (situation, "quarantine_cohorts");

  if (sites && cohorts)
    g_string_append (text, zh ? "示意数据：隔离点床位、在隔人数与入住批次为示意数据，并非实际报告。"
                              : "Illustrative: the sites' beds and occupants and the cohorts are illustrative, "
                                "not reported figures. ");
  else if (sites)
    g_string_append (text, zh ? "示意数据：隔离点床位与在隔人数为示意数据，并非实际报告。"
                              : "Illustrative: the sites' beds and occupants are illustrative, not reported figures. ");
  else if (cohorts)
    g_string_append (text, zh ? "示意数据：入住批次为示意数据，并非实际报告。"
                              : "Illustrative: the cohorts are illustrative, not reported figures. ");
}

/* Each prefecture's beds, occupants and the day they run out. */
static void
append_prefectures (GString         *text,
                    SitroomForecast *forecast,
                    const char      *lang)
{
  SitroomView *view = sitroom_forecast_get_view (forecast);
  SitroomSituation *situation = sitroom_view_get_situation (view);
  gboolean zh = sitroom_render_is_chinese (lang);
  g_autoptr(GDateTime) cutoff = sitroom_render_cst_time (sitroom_view_get_cutoff (view));
  /* The title gives the cutoff's year: a day in it needs none. */
  int year = cutoff != NULL ? g_date_time_get_year (cutoff) : 0;

  for (guint p = 0; p < sitroom_forecast_get_n_prefectures (forecast); p++)
    {
      const SitroomPrefectureForecast *prefecture = sitroom_forecast_get_prefecture (forecast, p);
      const char *name = sitroom_text_get (&sitroom_situation_get_region (situation, prefecture->region)->name, lang);
      g_autofree char *percent = percent_words (prefecture->occupied, prefecture->capacity, lang);
      g_autofree char *full = prefecture->full_on >= 0
                              ? sitroom_export_day_words (prefecture->days[prefecture->full_on].day, year, lang)
                              : NULL;
      gint64 over = prefecture->occupied - prefecture->capacity;

      if (zh)
        {
          g_string_append_printf (text, "%s：在隔%" G_GINT64_FORMAT "人，床位%" G_GINT64_FORMAT "张（%s）",
                                  name, prefecture->occupied, prefecture->capacity, percent);
          if (over > 0)
            g_string_append_printf (text, "，超员%" G_GINT64_FORMAT "人", over);
          if (full != NULL)
            g_string_append_printf (text, "；预计%s床位用尽。", full);
          else
            g_string_append_printf (text, "；%d天内床位够用。", SITROOM_FORECAST_DAYS);
        }
      else
        {
          g_string_append_printf (text, "%s: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " beds occupied (%s)",
                                  name, prefecture->occupied, prefecture->capacity, percent);
          if (over > 0)
            g_string_append_printf (text, ", %" G_GINT64_FORMAT " over", over);
          if (full != NULL)
            g_string_append_printf (text, "; beds run out on %s. ", full);
          else
            g_string_append_printf (text, "; beds last the %d days. ", SITROOM_FORECAST_DAYS);
        }
    }
}

/* The over-full sites by name, as the table's heading counts them. */
static void
append_over_full (GString         *text,
                  SitroomForecast *forecast,
                  const char      *lang)
{
  SitroomSituation *situation = sitroom_view_get_situation (sitroom_forecast_get_view (forecast));
  gboolean zh = sitroom_render_is_chinese (lang);
  guint n_sites = 0, n_over = 0;
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < sitroom_situation_get_n_sites (situation); i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, site->region);

      if (site->kind != SITROOM_SITE_CENTRALIZED || region->prefecture < 0 ||
          sitroom_forecast_lookup (forecast, region->prefecture) == NULL)
        continue;
      n_sites++;
      if (site->occupied <= site->capacity)
        continue;
      if (n_over++ > 0)
        g_string_append (names, zh ? "、" : ", ");
      g_string_append_printf (names, zh ? "%s（%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "）"
                                        : "%s (%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT ")",
                              sitroom_text_get (&site->name, lang), site->occupied, site->capacity);
    }
  if (zh)
    g_string_append_printf (text, "集中隔离点%u个，超员%u个%s%s。", n_sites, n_over,
                            n_over > 0 ? "：" : "", names->str);
  else
    g_string_append_printf (text, "%u centralized site%s, %u over-full%s%s. ", n_sites, n_sites == 1 ? "" : "s",
                            n_over, n_over > 0 ? ": " : "", names->str);
}

/* The assumptions the picture writes under the charts, in short. */
static void
append_assumptions (GString         *text,
                    SitroomForecast *forecast,
                    const char      *lang)
{
  gint64 days = sitroom_forecast_get_assumed_days (forecast);
  gint64 assumed = 0;

  for (guint p = 0; p < sitroom_forecast_get_n_prefectures (forecast); p++)
    assumed += sitroom_forecast_get_prefecture (forecast, p)->assumed_people;

  if (sitroom_render_is_chinese (lang))
    g_string_append_printf (text, "假设：%s集中隔离%" G_GINT64_FORMAT "天；每日新入住按近3日均值；"
                            "%" G_GINT64_FORMAT "名在隔人员无入住批次记录，按%" G_GINT64_FORMAT "天内均匀离开计。",
                            sitroom_forecast_get_assumed_rule (forecast) >= 0 ? "默认规则" : "文件未给出规则，按",
                            days, assumed, days);
  else
    g_string_append_printf (text, "Assumed: %" G_GINT64_FORMAT " days of centralized quarantine%s; arrivals "
                            "a day the mean of the last 3 days; %" G_GINT64_FORMAT " occupants without a cohort "
                            "leave evenly over %" G_GINT64_FORMAT " days.",
                            days, sitroom_forecast_get_assumed_rule (forecast) >= 0 ? " (the default rule)"
                                                                                     : " (the document has no rule)",
                            assumed, days);
}

static void
describe_capacity (gpointer   data,
                   char     **title,
                   char     **desc)
{
  const CapacityPicture *picture = data;
  SitroomForecast *forecast = picture->forecast;
  gboolean zh = sitroom_render_is_chinese (picture->lang);
  GString *text = g_string_new (NULL);

  *title = sitroom_capacity_render_title (forecast, picture->lang);
  if (sitroom_forecast_get_n_prefectures (forecast) == 0)
    {
      g_string_free (text, TRUE);
      *desc = g_strdup (zh ? "没有集中隔离点。" : "No centralized quarantine sites.");
      return;
    }
  append_illustrative (text, sitroom_view_get_situation (sitroom_forecast_get_view (forecast)), zh);
  append_over_full (text, forecast, picture->lang);
  append_prefectures (text, forecast, picture->lang);
  append_assumptions (text, forecast, picture->lang);
  *desc = g_strstrip (g_string_free (text, FALSE));
}

gboolean
sitroom_export_capacity (SitroomView          *view,
                         const char           *lang,
                         SitroomExportFormat   format,
                         int                   width,
                         int                   height,
                         int                   scale,
                         const char           *path,
                         GError              **error)
{
  g_autoptr(SitroomForecast) forecast = NULL;
  CapacityPicture data = { NULL, lang };
  SitroomExportPicture picture = { draw_capacity, describe_capacity, &data, width, height, scale };

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (scale >= 1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The arrivals are the cohorts' mean: a file has no what-if. */
  forecast = sitroom_forecast_new (view, NULL, 0);
  data.forecast = forecast;
  if (data.lang == NULL)
    data.lang = sitroom_briefing_locale_lang ();
  return sitroom_export_write_picture (&picture, format, path, error);
}
