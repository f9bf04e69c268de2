/* The figures as an export: the CSV tables of a view, and the epidemic curve day by day, written whole. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-csv.h"
#include "sitroom-export-private.h"

#define BOM "\xEF\xBB\xBF"

/* A group's key and names: a prefecture's code or a chain's id; the
 * cases of neither have an empty key. */
static void
group_names (SitroomView   *view,
             SitroomCurve  *curve,
             guint          group,
             const char   **key,
             const char   **zh,
             const char   **en)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  int index = sitroom_curve_get_group (curve, group);
  gboolean by_chain = sitroom_curve_get_grouping (curve) == SITROOM_CURVE_BY_CHAIN;

  if (index < 0)
    {
      *key = NULL;
      *zh = by_chain ? "未关联链条" : "未分地市";
      *en = by_chain ? "No chain" : "No prefecture";
    }
  else if (by_chain)
    {
      const SitroomChain *chain = sitroom_situation_get_chain (situation, index);

      *key = chain->id;
      *zh = chain->title.zh != NULL ? chain->title.zh : chain->label;
      *en = chain->title.en;
    }
  else
    {
      const SitroomRegion *region = sitroom_situation_get_region (situation, index);

      *key = region->code;
      *zh = region->name.zh;
      *en = region->name.en;
    }
}

static GBytes *
curve_table (SitroomView          *view,
             SitroomCurveGrouping  grouping)
{
  static const char * const header[] = {
    "date", "group", "group_zh", "group_en", "confirmed", "asymptomatic", "mean7",
  };
  g_autoptr(SitroomCurve) curve = sitroom_curve_new (view, grouping);
  guint n_days = sitroom_curve_get_n_days (curve);
  GString *out = g_string_new (BOM);

  sitroom_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint d = 0; d < n_days; d++)
    {
      g_autoptr(GDateTime) day = sitroom_render_cst_time (sitroom_curve_get_day (curve, d)->start);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      for (guint g = 0; g < sitroom_curve_get_n_groups (curve); g++)
        {
          guint confirmed = sitroom_curve_get_count (curve, d, g, FALSE);
          guint asymptomatic = sitroom_curve_get_count (curve, d, g, TRUE);
          g_autofree char *confirmed_field = g_strdup_printf ("%u", confirmed);
          g_autofree char *asymptomatic_field = g_strdup_printf ("%u", asymptomatic);
          char mean_field[G_ASCII_DTOSTR_BUF_SIZE];
          const char *key, *zh, *en;
          guint week = 0;

          /* The curve's own mean is of the day's total: each group's is
           * taken alike, days before the first counting as 0. */
          for (guint back = 0; back < 7 && back <= d; back++)
            week += sitroom_curve_get_count (curve, d - back, g, FALSE) +
                    sitroom_curve_get_count (curve, d - back, g, TRUE);
          g_ascii_formatd (mean_field, sizeof mean_field, "%.1f", week / 7.0);
          group_names (view, curve, g, &key, &zh, &en);
          {
            const char *fields[] = { date, key, zh, en, confirmed_field, asymptomatic_field, mean_field };

            sitroom_csv_append_row (out, fields, G_N_ELEMENTS (fields));
          }
        }
    }
  return g_string_free_to_bytes (out);
}

gboolean
sitroom_export_csv (SitroomView           *view,
                    SitroomExportView      which,
                    SitroomCurveGrouping   grouping,
                    const char            *path,
                    GError               **error)
{
  g_autoptr(GBytes) csv = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (which)
    {
    case SITROOM_EXPORT_VIEW_MAP:
      csv = sitroom_csv_prefectures (view);
      break;
    case SITROOM_EXPORT_VIEW_CHAINS:
      csv = sitroom_csv_chains (view);
      break;
    case SITROOM_EXPORT_VIEW_CURVE:
      csv = curve_table (view, grouping);
      break;
    case SITROOM_EXPORT_VIEW_CAPACITY:
      csv = sitroom_csv_sites (view);
      break;
    case SITROOM_EXPORT_VIEW_BRIEFING:
    default:
      csv = sitroom_csv_briefing (view);
      break;
    }
  data = g_bytes_get_data (csv, &length);
  return sitroom_export_write_file (path, data, length, error);
}
