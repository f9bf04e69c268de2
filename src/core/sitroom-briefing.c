/* The briefing text: its headline paragraph, written from a view in Chinese or English, and the whole text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sitroom-briefing-private.h"
#include "sitroom-time.h"

typedef SitroomBriefingPlace Reporter;

gboolean
sitroom_briefing_is_chinese (const char *lang)
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

  sitroom_briefing_sort_places (reporters);
  return reporters;
}

void
sitroom_briefing_sort_places (GArray *places)
{
  g_return_if_fail (places != NULL);

  g_array_sort (places, compare_reporters);
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

static const char *months_en[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

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

  if (sitroom_briefing_is_chinese (lang))
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
                          months_en[g_date_time_get_month (t) - 1],
                          g_date_time_get_year (t));
}


char *
sitroom_briefing_time_phrase (gint64      t,
                              gint64      cutoff,
                              gboolean    with_hour,
                              const char *lang)
{
  g_autoptr(GDateTime) when = cst_time (t);
  g_autoptr(GDateTime) now = cst_time (cutoff);
  GString *out = g_string_new (NULL);
  int year = g_date_time_get_year (when);
  int month = g_date_time_get_month (when);
  int day = g_date_time_get_day_of_month (when);
  int hour = g_date_time_get_hour (when);
  int minute = g_date_time_get_minute (when);
  /* The year only where it is not the briefing's own: a chain of last
   * December in a January briefing. */
  gboolean with_year = year != g_date_time_get_year (now);

  if (sitroom_briefing_is_chinese (lang))
    {
      if (with_year)
        g_string_append_printf (out, "%d年", year);
      g_string_append_printf (out, "%d月%d日", month, day);
      if (with_hour)
        g_string_append_printf (out, "%d时", hour);
      if (with_hour && minute != 0)
        g_string_append_printf (out, "%d分", minute);
    }
  else
    {
      if (with_hour)
        g_string_append_printf (out, "%02d:%02d on ", hour, minute);
      g_string_append_printf (out, "%d %s", day, months_en[month - 1]);
      if (with_year)
        g_string_append_printf (out, " %d", year);
    }

  return g_string_free (out, FALSE);
}

void
sitroom_briefing_append_name_zh (GString             *out,
                                 const SitroomRegion *region)
{
  const char *name;

  g_return_if_fail (out != NULL);
  g_return_if_fail (region != NULL);

  name = region->name.zh;
  /* A press release says 太原, not 太原市: drop the suffix of a city's full name
   * where a name of at least two characters remains. */
  if (g_str_has_suffix (name, "市") && g_utf8_strlen (name, -1) >= 3)
    g_string_append_len (out, name, strlen (name) - strlen ("市"));
  else
    g_string_append (out, name);
}

/* A feed's Chinese text in the paragraph's full-width punctuation, without
 * its closing full stop: feeds write "，" and "," alike, and a paragraph
 * should not. Figures keep their own ("20:1", "1,000", "12:00"). */
void
sitroom_briefing_append_text_zh (GString    *out,
                                 const char *text)
{
  gboolean wide_open[16];
  guint depth = 0;
  const char *prev = NULL;
  gsize start;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  start = out->len;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      gboolean prev_wide = prev != NULL && (guchar) *prev >= 0x80;
      gboolean next_wide = (guchar) *next >= 0x80;
      gboolean in_figure = prev != NULL && g_ascii_isdigit (*prev) && g_ascii_isdigit (*next);
      gboolean wide;

      switch (*p)
        {
        case ',':
          g_string_append (out, in_figure ? "," : "，");
          break;
        case ':':
          g_string_append (out, in_figure ? ":" : "：");
          break;
        case ';':
          g_string_append (out, "；");
          break;
        case '(':
          /* A bracket closes as it opened, whatever stands beside it then. */
          wide = prev_wide || next_wide;
          if (depth < G_N_ELEMENTS (wide_open))
            wide_open[depth] = wide;
          depth++;
          g_string_append (out, wide ? "（" : "(");
          break;
        case ')':
          wide = depth > 0 && depth <= G_N_ELEMENTS (wide_open) ? wide_open[depth - 1] : prev_wide || next_wide;
          if (depth > 0)
            depth--;
          g_string_append (out, wide ? "）" : ")");
          break;
        case '!':
          g_string_append (out, prev_wide ? "！" : "!");
          break;
        case '?':
          g_string_append (out, prev_wide ? "？" : "?");
          break;
        default:
          g_string_append_len (out, p, next - p);
          break;
        }
      prev = p;
    }

  while (out->len > start && (g_str_has_suffix (out->str + start, "。") || out->str[out->len - 1] == '.'))
    g_string_truncate (out, out->len - (out->str[out->len - 1] == '.' ? 1 : strlen ("。")));
}

static void
append_places_zh (GString      *out,
                  const GArray *reporters)
{
  for (guint i = 0; i < reporters->len; i++)
    {
      if (i > 0)
        g_string_append (out, "、");
      sitroom_briefing_append_name_zh (out, g_array_index (reporters, Reporter, i).region);
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

void
sitroom_briefing_append_classes (GString             *out,
                                 const SitroomCounts *counts,
                                 const char          *lang)
{
  static const char *class_zh[] = { "轻型", "普通型", "重型", "危重型" };
  static const char *class_en[] = { "mild", "moderate", "severe", "critical" };
  gboolean chinese = sitroom_briefing_is_chinese (lang);
  gboolean first = TRUE;

  g_return_if_fail (out != NULL);
  g_return_if_fail (counts != NULL);

  if (!chinese && (counts->confirmed > 0 || counts->asymptomatic > 0))
    g_string_append (out, ": ");

  if (counts->confirmed > 0)
    {
      if (chinese)
        g_string_append_printf (out, "，包括确诊病例%u例（其中", counts->confirmed);
      else
        g_string_append_printf (out, "%u confirmed %s (", counts->confirmed,
                                counts->confirmed == 1 ? "case" : "cases");
      for (guint i = SITROOM_CLASS_MILD; i <= SITROOM_CLASS_CRITICAL; i++)
        {
          if (counts->by_class[i] == 0)
            continue;
          if (chinese)
            g_string_append_printf (out, "%s%s%u例", first ? "" : "、", class_zh[i], counts->by_class[i]);
          else
            g_string_append_printf (out, "%s%u %s", first ? "" : ", ", counts->by_class[i], class_en[i]);
          first = FALSE;
        }
      g_string_append (out, chinese ? "）" : ")");
    }

  if (counts->asymptomatic > 0)
    {
      /* The source's order: "1例无症状感染者". */
      if (chinese)
        g_string_append_printf (out, "，%u例无症状感染者", counts->asymptomatic);
      else
        g_string_append_printf (out, "%s%u asymptomatic %s", counts->confirmed > 0 ? " and " : "",
                                counts->asymptomatic, counts->asymptomatic == 1 ? "infection" : "infections");
    }
}

static char *
headline_zh (SitroomView *view)
{
  const SitroomCounts *totals = sitroom_view_get_totals (view);
  g_autofree char *cutoff = sitroom_briefing_cutoff_phrase (sitroom_view_get_cutoff (view), "zh");
  g_autoptr(GArray) reporters = collect_reporters (view);
  GString *out = g_string_new (cutoff);
  guint n_chains = sitroom_view_get_n_active_chains (view);

  if (totals->positives == 0)
    g_string_append (out, "，我省无新型冠状病毒核酸阳性者报告。");
  else
    {
      g_string_append (out, "，我省");
      append_places_zh (out, reporters);
      g_string_append_printf (out, "%s报告新型冠状病毒核酸阳性者共计%u例",
                              reporters->len > 1 ? "相继" : "", totals->positives);
      sitroom_briefing_append_classes (out, totals, "zh");
      if (all_hospitalized (view))
        g_string_append (out, totals->positives > 1 ? "，均已转至定点医院治疗" : "，已转至定点医院治疗");
      g_string_append (out, "。");
    }

  if (n_chains > 0)
    g_string_append_printf (out, "目前，我省存在%u条感染链条。", n_chains);
  /* A document that follows chains says when none has begun; one that
   * follows none has nothing to say about them. */
  else if (sitroom_view_get_n_chains (view) > 0)
    g_string_append (out, "目前，我省尚无感染链条。");

  return g_string_free (out, FALSE);
}

static char *
headline_en (SitroomView *view)
{
  const SitroomCounts *totals = sitroom_view_get_totals (view);
  g_autofree char *cutoff = sitroom_briefing_cutoff_phrase (sitroom_view_get_cutoff (view), "en");
  g_autoptr(GArray) reporters = collect_reporters (view);
  GString *out = g_string_new (cutoff);
  guint n_chains = sitroom_view_get_n_active_chains (view);

  if (totals->positives == 0)
    g_string_append (out, ", no nucleic-acid positive had been reported in the province.");
  else
    {
      g_string_append (out, ", ");
      append_places_en (out, reporters);
      g_string_append_printf (out, " had reported a total of %u nucleic-acid %s",
                              totals->positives, totals->positives == 1 ? "positive" : "positives");
      sitroom_briefing_append_classes (out, totals, "en");
      if (all_hospitalized (view))
        g_string_append (out, totals->positives > 1 ? ", all of them moved to the designated hospital"
                                                    : ", moved to the designated hospital");
      g_string_append (out, ".");
    }

  if (n_chains > 0)
    g_string_append_printf (out, " The province has %u infection %s.", n_chains,
                            n_chains == 1 ? "chain" : "chains");
  else if (sitroom_view_get_n_chains (view) > 0)
    g_string_append (out, " The province has no infection chain yet.");

  return g_string_free (out, FALSE);
}

char *
sitroom_briefing_headline (SitroomView *view,
                           const char  *lang)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  return sitroom_briefing_is_chinese (lang) ? headline_zh (view) : headline_en (view);
}

/* The chains the headline counts ("目前，我省存在N条感染链条"), so that the
 * paragraphs number as many: started by the cutoff, and in the view as
 * sitroom_view_get_n_active_chains() has it. */
static gboolean
chain_is_told (SitroomView *view,
               guint        chain)
{
  const SitroomChainFigures *row = sitroom_view_get_chain (view, chain);
  int chain_filter = sitroom_view_get_chain_filter (view);

  if (!row->started)
    return FALSE;
  if (chain_filter >= 0)
    return (int) chain == chain_filter;
  if (sitroom_view_get_prefecture_filter (view) >= 0)
    return row->counts.positives > 0;
  return TRUE;
}

char **
sitroom_briefing_paragraphs (SitroomView *view,
                             const char  *lang)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  guint n_chains;
  guint ordinal = 0;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (paragraphs, sitroom_briefing_headline (view, lang));

  n_chains = sitroom_view_get_n_chains (view);
  for (guint i = 0; i < n_chains; i++)
    if (chain_is_told (view, i))
      g_ptr_array_add (paragraphs, sitroom_briefing_chain_paragraph (view, i, ++ordinal, lang));
  g_warn_if_fail (ordinal == sitroom_view_get_n_active_chains (view));

  g_ptr_array_add (paragraphs, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&paragraphs), FALSE);
}

char *
sitroom_briefing_text (SitroomView *view,
                       const char  *lang)
{
  g_auto(GStrv) paragraphs = NULL;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  paragraphs = sitroom_briefing_paragraphs (view, lang);
  return g_strjoinv ("\n\n", paragraphs);
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
