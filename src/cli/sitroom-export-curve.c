/* The epidemic curve as an export: the curve renderer's drawing with its title, and its figures as words for an SVG. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-briefing.h"
#include "sitroom-curve-render.h"
#include "sitroom-export-private.h"
#include "sitroom-time.h"

/* As small as the chains' text: the curve's labels are as small. */
#define CURVE_MIN_SCALE SITROOM_EXPORT_CHAINS_MIN_SCALE

typedef struct {
  SitroomView *view;
  SitroomCurve *curve;
  const char *lang;
} CurvePicture;

static void
draw_curve (cairo_t  *cr,
            int       width,
            int       height,
            gpointer  data)
{
  const CurvePicture *picture = data;
  SitroomCurveOptions options = {
    .style = SITROOM_STYLE_LIGHT,
    .lang = picture->lang,
    .hover_day = -1,
    .title = TRUE,
    .text_scale = sitroom_export_text_scale (width, height, SITROOM_EXPORT_CHART_DEFAULT_WIDTH,
                                             SITROOM_EXPORT_CHART_DEFAULT_HEIGHT, CURVE_MIN_SCALE),
  };

  sitroom_curve_render (picture->curve, picture->view, &options, cr, width, height);
}

static GDateTime *
cst_day (gint64 start)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (SITROOM_CST_OFFSET);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);

  return g_date_time_to_timezone (utc, tz);
}

/* "2022年8月17日" / "17 August 2022", a CST day; without the year when
 * it is @known_year's. */
static char *
day_words (gint64      start,
           int         known_year,
           const char *lang)
{
  static const char *const months[] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  };
  g_autoptr(GDateTime) t = cst_day (start);
  int year = g_date_time_get_year (t);
  int month = g_date_time_get_month (t);
  int day = g_date_time_get_day_of_month (t);

  if (sitroom_export_is_chinese (lang))
    return year == known_year ? g_strdup_printf ("%d月%d日", month, day)
                              : g_strdup_printf ("%d年%d月%d日", year, month, day);
  return year == known_year ? g_strdup_printf ("%d %s", day, months[month - 1])
                            : g_strdup_printf ("%d %s %d", day, months[month - 1], year);
}

/* A group as the curve's legend names it. */
static char *
group_words (const CurvePicture *picture,
             guint               group)
{
  SitroomSituation *situation = sitroom_view_get_situation (picture->view);
  int key = sitroom_curve_get_group (picture->curve, group);
  gboolean zh = sitroom_export_is_chinese (picture->lang);

  if (sitroom_curve_get_grouping (picture->curve) == SITROOM_CURVE_BY_PREFECTURE)
    {
      if (key < 0)
        return g_strdup (zh ? "省级（未分地市）" : "Province level");
      return g_strdup (sitroom_text_get (&sitroom_situation_get_region (situation, key)->name, picture->lang));
    }
  if (key < 0)
    return g_strdup (zh ? "未关联" : "No chain");
  return g_strdup (sitroom_situation_get_chain (situation, key)->label);
}

/* The title the curve draws, and its figures: the totals over its days,
 * the busiest day, and each group's positives. */
static void
describe_curve (gpointer   data,
                char     **title,
                char     **desc)
{
  const CurvePicture *picture = data;
  SitroomCurve *curve = picture->curve;
  gboolean zh = sitroom_export_is_chinese (picture->lang);
  gboolean by_chain = sitroom_curve_get_grouping (curve) == SITROOM_CURVE_BY_CHAIN;
  g_autofree char *cutoff = sitroom_export_cutoff_words (sitroom_view_get_cutoff (picture->view), picture->lang);
  guint n_days = sitroom_curve_get_n_days (curve);
  guint positives = 0, confirmed = 0, asymptomatic = 0, busiest = 0;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *peak = NULL;
  GString *text = g_string_new (NULL);
  g_autoptr(GDateTime) last_day = NULL;
  int year;

  if (zh)
    *title = g_strdup_printf ("每日新增阳性感染者（%s） · %s", by_chain ? "按感染链条" : "按地市", cutoff);
  else
    *title = g_strdup_printf ("New positives per day by %s · %s", by_chain ? "chain" : "prefecture", cutoff);

  if (n_days == 0)
    {
      *desc = g_strdup (zh ? "截至此时没有病例。" : "No cases by this time.");
      g_string_free (text, TRUE);
      return;
    }

  for (guint d = 0; d < n_days; d++)
    {
      const SitroomCurveDay *day = sitroom_curve_get_day (curve, d);

      positives += day->positives;
      confirmed += day->confirmed;
      asymptomatic += day->asymptomatic;
      if (day->positives > sitroom_curve_get_day (curve, busiest)->positives)
        busiest = d;
    }
  /* The year once, with the last day, as a person would write it. */
  last_day = cst_day (sitroom_curve_get_day (curve, n_days - 1)->start);
  year = g_date_time_get_year (last_day);
  first = day_words (sitroom_curve_get_day (curve, 0)->start, year, picture->lang);
  last = day_words (sitroom_curve_get_day (curve, n_days - 1)->start, 0, picture->lang);
  peak = day_words (sitroom_curve_get_day (curve, busiest)->start, year, picture->lang);

  if (n_days == 1 && zh)
    g_string_append_printf (text, "%s共%u例阳性（确诊%u例，无症状%u例）。", last, positives, confirmed, asymptomatic);
  else if (n_days == 1)
    g_string_append_printf (text, "%u positive%s on %s (%u confirmed, %u asymptomatic). ",
                            positives, positives == 1 ? "" : "s", last, confirmed, asymptomatic);
  else if (zh)
    g_string_append_printf (text, "%s至%s共%u例阳性（确诊%u例，无症状%u例），最多一日%u例（%s）。",
                            first, last, positives, confirmed, asymptomatic,
                            sitroom_curve_get_day (curve, busiest)->positives, peak);
  else
    g_string_append_printf (text, "%u positive%s from %s to %s (%u confirmed, %u asymptomatic); "
                            "the most in a day %u, on %s. ",
                            positives, positives == 1 ? "" : "s", first, last, confirmed, asymptomatic,
                            sitroom_curve_get_day (curve, busiest)->positives, peak);

  for (guint g = 0; g < sitroom_curve_get_n_groups (curve); g++)
    {
      g_autofree char *name = group_words (picture, g);
      guint sum = 0;

      for (guint d = 0; d < n_days; d++)
        sum += sitroom_curve_get_count (curve, d, g, FALSE) + sitroom_curve_get_count (curve, d, g, TRUE);
      if (g > 0)
        g_string_append (text, zh ? "，" : ", ");
      g_string_append_printf (text, "%s %u", name, sum);
    }
  g_string_append (text, zh ? "。" : ".");
  *desc = g_string_free (text, FALSE);
}

gboolean
sitroom_export_curve (SitroomView           *view,
                      SitroomCurveGrouping   grouping,
                      const char            *lang,
                      SitroomExportFormat    format,
                      int                    width,
                      int                    height,
                      const char            *path,
                      GError               **error)
{
  g_autoptr(SitroomCurve) curve = NULL;
  CurvePicture data = { view, NULL, lang };
  SitroomExportPicture picture = { draw_curve, describe_curve, &data, width, height };

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  curve = sitroom_curve_new (view, grouping);
  data.curve = curve;
  if (data.lang == NULL)
    data.lang = sitroom_briefing_locale_lang ();
  return sitroom_export_write_picture (&picture, format, path, error);
}
