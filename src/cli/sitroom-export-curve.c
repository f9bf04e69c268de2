/* The epidemic curve as an export: the curve renderer's drawing with its title, and its figures as words for an SVG. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-briefing.h"
#include "sitroom-curve-render.h"
#include "sitroom-export-private.h"

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
    .text_scale = sitroom_export_chart_text_scale (width, height),
  };

  sitroom_curve_render (picture->curve, picture->view, &options, cr, width, height);
}

/* A group as the curve's legend names it. */
static char *
group_words (const CurvePicture *picture,
             guint               group)
{
  SitroomSituation *situation = sitroom_view_get_situation (picture->view);
  int key = sitroom_curve_get_group (picture->curve, group);
  gboolean zh = sitroom_render_is_chinese (picture->lang);

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
  gboolean zh = sitroom_render_is_chinese (picture->lang);
  gboolean by_chain = sitroom_curve_get_grouping (curve) == SITROOM_CURVE_BY_CHAIN;
  g_autofree char *cutoff = sitroom_render_cutoff_words (sitroom_view_get_cutoff (picture->view), picture->lang);
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
  last_day = sitroom_render_cst_time (sitroom_curve_get_day (curve, n_days - 1)->start);
  year = g_date_time_get_year (last_day);
  first = sitroom_export_day_words (sitroom_curve_get_day (curve, 0)->start, year, picture->lang);
  last = sitroom_export_day_words (sitroom_curve_get_day (curve, n_days - 1)->start, 0, picture->lang);
  peak = sitroom_export_day_words (sitroom_curve_get_day (curve, busiest)->start, year, picture->lang);

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
                      int                    scale,
                      const char            *path,
                      GError               **error)
{
  g_autoptr(SitroomCurve) curve = NULL;
  CurvePicture data = { view, NULL, lang };
  SitroomExportPicture picture = { draw_curve, describe_curve, &data, width, height, scale };

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (scale >= 1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  curve = sitroom_curve_new (view, grouping);
  data.curve = curve;
  if (data.lang == NULL)
    data.lang = sitroom_briefing_locale_lang ();
  return sitroom_export_write_picture (&picture, format, path, error);
}
