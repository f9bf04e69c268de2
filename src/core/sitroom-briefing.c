/* The headline paragraph of a press briefing, written from a view in Chinese or English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sitroom-briefing.h"
#include "sitroom-time.h"

/* The press release names cities by how many they reported, and among equals by
 * who reported first ("晋城、运城、太原、阳泉相继报告"). */
typedef struct {
  const SitroomRegion *region;
  guint positives;
  gint64 first;
} Reporter;

static gboolean
is_chinese (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "zh");
}

static int
compare_reporters (gconstpointer a,
                   gconstpointer b)
{
  const Reporter *ra = a;
  const Reporter *rb = b;

  if (ra->positives != rb->positives)
    return ra->positives > rb->positives ? -1 : 1;
  if (ra->first != rb->first)
    return ra->first < rb->first ? -1 : 1;
  return g_strcmp0 (ra->region->code, rb->region->code);
}

static GArray *
collect_reporters (SitroomView *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  GArray *reporters = g_array_new (FALSE, FALSE, sizeof (Reporter));
  guint n_counted = sitroom_situation_count_cases_until (situation, sitroom_view_get_cutoff (view));
  guint n = sitroom_view_get_n_prefectures (view);

  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (view, i);
      Reporter reporter = {
        .region = sitroom_situation_get_region (situation, row->region),
        .positives = row->counts.positives,
        .first = G_MAXINT64,
      };

      if (row->counts.positives == 0)
        continue;

      /* Cases are sorted by time, so the first one found is the earliest. */
      for (guint c = 0; c < n_counted; c++)
        {
          const SitroomCase *kase = sitroom_situation_get_case (situation, c);

          if (sitroom_situation_get_region (situation, kase->region)->prefecture == row->region &&
              (sitroom_view_get_chain_filter (view) < 0 || kase->chain == sitroom_view_get_chain_filter (view)))
            {
              reporter.first = kase->reported_at;
              break;
            }
        }
      g_array_append_val (reporters, reporter);
    }

  g_array_sort (reporters, compare_reporters);
  return reporters;
}

static gboolean
all_hospitalized (SitroomView *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n_counted = sitroom_situation_count_cases_until (situation, sitroom_view_get_cutoff (view));
  int prefecture = sitroom_view_get_prefecture_filter (view);
  int chain = sitroom_view_get_chain_filter (view);

  for (guint i = 0; i < n_counted; i++)
    {
      const SitroomCase *c = sitroom_situation_get_case (situation, i);

      if (prefecture >= 0 && sitroom_situation_get_region (situation, c->region)->prefecture != prefecture)
        continue;
      if (chain >= 0 && c->chain != chain)
        continue;
      if (c->status != SITROOM_STATUS_HOSPITALIZED)
        return FALSE;
    }
  return TRUE;
}

static GDateTime *
cst_time (gint64 cutoff)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (SITROOM_CST_OFFSET);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (cutoff);

  return g_date_time_to_timezone (utc, tz);
}

char *
sitroom_briefing_cutoff_phrase (gint64      cutoff,
                                const char *lang)
{
  g_autoptr(GDateTime) t = cst_time (cutoff);
  static const char *months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  };

  if (is_chinese (lang))
    {
      if (g_date_time_get_minute (t) != 0)
        return g_strdup_printf ("截至%d月%d日%d时%d分",
                                g_date_time_get_month (t), g_date_time_get_day_of_month (t),
                                g_date_time_get_hour (t), g_date_time_get_minute (t));
      return g_strdup_printf ("截至%d月%d日%d时",
                              g_date_time_get_month (t), g_date_time_get_day_of_month (t),
                              g_date_time_get_hour (t));
    }

  return g_strdup_printf ("As of %02d:%02d on %d %s %d",
                          g_date_time_get_hour (t), g_date_time_get_minute (t),
                          g_date_time_get_day_of_month (t),
                          months[g_date_time_get_month (t) - 1],
                          g_date_time_get_year (t));
}

static void
append_places_zh (GString      *out,
                  const GArray *reporters)
{
  for (guint i = 0; i < reporters->len; i++)
    {
      const Reporter *r = &g_array_index (reporters, Reporter, i);

      const char *name = r->region->name.zh;
      gsize length = strlen (name);

      if (i > 0)
        g_string_append (out, "、");
      /* A press release says 太原, not 太原市: drop the suffix of a city's full name
       * where a name of at least two characters remains. */
      if (g_str_has_suffix (name, "市") && g_utf8_strlen (name, -1) >= 3)
        g_string_append_len (out, name, length - strlen ("市"));
      else
        g_string_append (out, name);
    }
}

static void
append_places_en (GString      *out,
                  const GArray *reporters)
{
  for (guint i = 0; i < reporters->len; i++)
    {
      const Reporter *r = &g_array_index (reporters, Reporter, i);

      if (i > 0)
        g_string_append (out, i + 1 == reporters->len ? " and " : ", ");
      g_string_append (out, sitroom_text_get (&r->region->name, "en"));
    }
}

static char *
headline_zh (SitroomView *view)
{
  const SitroomCounts *totals = sitroom_view_get_totals (view);
  g_autofree char *cutoff = sitroom_briefing_cutoff_phrase (sitroom_view_get_cutoff (view), "zh");
  g_autoptr(GArray) reporters = collect_reporters (view);
  GString *out = g_string_new (cutoff);
  static const char *class_zh[] = { "轻型", "普通型", "重型", "危重型" };
  gboolean first = TRUE;

  if (totals->positives == 0)
    g_string_append (out, "，我省无新型冠状病毒核酸阳性者报告。");
  else
    {
      g_string_append (out, "，我省");
      append_places_zh (out, reporters);
      g_string_append_printf (out, "%s报告新型冠状病毒核酸阳性者共计%u例",
                              reporters->len > 1 ? "相继" : "", totals->positives);

      if (totals->confirmed > 0)
        {
          g_string_append_printf (out, "，包括确诊病例%u例（其中", totals->confirmed);
          for (guint i = SITROOM_CLASS_MILD; i <= SITROOM_CLASS_CRITICAL; i++)
            {
              if (totals->by_class[i] == 0)
                continue;
              g_string_append_printf (out, "%s%s%u例", first ? "" : "、", class_zh[i], totals->by_class[i]);
              first = FALSE;
            }
          g_string_append (out, "）");
        }
      if (totals->asymptomatic > 0)
        g_string_append_printf (out, "，%u例无症状感染者", totals->asymptomatic);
      if (all_hospitalized (view))
        g_string_append (out, totals->positives > 1 ? "，均已转至定点医院治疗" : "，已转至定点医院治疗");
      g_string_append (out, "。");
    }

  if (sitroom_view_get_n_active_chains (view) > 0)
    g_string_append_printf (out, "目前，我省存在%u条感染链条。", sitroom_view_get_n_active_chains (view));

  return g_string_free (out, FALSE);
}

static char *
headline_en (SitroomView *view)
{
  const SitroomCounts *totals = sitroom_view_get_totals (view);
  g_autofree char *cutoff = sitroom_briefing_cutoff_phrase (sitroom_view_get_cutoff (view), "en");
  g_autoptr(GArray) reporters = collect_reporters (view);
  GString *out = g_string_new (cutoff);
  static const char *class_en[] = { "mild", "moderate", "severe", "critical" };
  guint n_chains = sitroom_view_get_n_active_chains (view);
  gboolean first = TRUE;

  if (totals->positives == 0)
    g_string_append (out, ", no nucleic-acid positive had been reported in the province.");
  else
    {
      g_string_append (out, ", ");
      append_places_en (out, reporters);
      g_string_append_printf (out, " had reported a total of %u nucleic-acid %s",
                              totals->positives, totals->positives == 1 ? "positive" : "positives");

      if (totals->confirmed > 0 || totals->asymptomatic > 0)
        g_string_append (out, ": ");
      if (totals->confirmed > 0)
        {
          g_string_append_printf (out, "%u confirmed %s (", totals->confirmed,
                                  totals->confirmed == 1 ? "case" : "cases");
          for (guint i = SITROOM_CLASS_MILD; i <= SITROOM_CLASS_CRITICAL; i++)
            {
              if (totals->by_class[i] == 0)
                continue;
              g_string_append_printf (out, "%s%u %s", first ? "" : ", ", totals->by_class[i], class_en[i]);
              first = FALSE;
            }
          g_string_append (out, ")");
        }
      if (totals->confirmed > 0 && totals->asymptomatic > 0)
        g_string_append (out, " and ");
      if (totals->asymptomatic > 0)
        g_string_append_printf (out, "%u asymptomatic %s", totals->asymptomatic,
                                totals->asymptomatic == 1 ? "infection" : "infections");
      if (all_hospitalized (view))
        g_string_append (out, totals->positives > 1 ? ", all of them moved to the designated hospital"
                                                    : ", moved to the designated hospital");
      g_string_append (out, ".");
    }

  if (n_chains > 0)
    g_string_append_printf (out, " The province has %u infection %s.", n_chains,
                            n_chains == 1 ? "chain" : "chains");

  return g_string_free (out, FALSE);
}

char *
sitroom_briefing_headline (SitroomView *view,
                           const char  *lang)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  return is_chinese (lang) ? headline_zh (view) : headline_en (view);
}

const char *
sitroom_briefing_locale_lang (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");

  /* LANGUAGE outranks the locale for messages, as it does for gettext. */
  if (language != NULL && language[0] != '\0' && locale != NULL && strcmp (locale, "C") != 0)
    locale = language;

  return locale != NULL && g_str_has_prefix (locale, "zh") ? "zh" : "en";
}
