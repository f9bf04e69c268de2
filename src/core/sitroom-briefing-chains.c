/* The briefing's chain paragraphs: each chain's first report, story, measures, positives and contacts, in Chinese or English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-briefing-private.h"
#include "sitroom-chains.h"
#include "sitroom-measures.h"
#include "sitroom-time.h"

/* Measures of one place that began together: the press release tells them
 * in one sentence ("8月20日12时起，盂县全域实行静态管理，严格交通管制…"). */
typedef struct {
  int region;
  gint64 from;
  guint first;            /* into the paragraph's measures */
  guint n;
  gboolean told;
} MeasureGroup;

typedef struct {
  SitroomView *view;
  SitroomSituation *situation;
  const char *lang;
  gboolean chinese;
  GString *out;
  /* The China Standard Time day the text named last, so that a day is
   * named once however many lines of it follow. */
  gint64 day;
  gboolean have_day;
} Writer;

/* ---- wording ---- */

static void
append_chinese_number (GString *out,
                       guint    n)
{
  static const char *digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  g_assert (n > 0);

  /* Ordinals past 99 are rare enough to be read as figures. */
  if (n >= 100)
    g_string_append_printf (out, "%u", n);
  else if (n < 10)
    g_string_append (out, digits[n]);
  else
    g_string_append_printf (out, "%s十%s", n / 10 > 1 ? digits[n / 10] : "", digits[n % 10]);
}

static void
append_opening (Writer             *w,
                const SitroomChain *chain,
                guint               ordinal,
                gint64              first_report)
{
  static const char *ordinals_en[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  };
  g_autofree char *when = sitroom_briefing_time_phrase (first_report, sitroom_view_get_cutoff (w->view),
                                                        TRUE, w->lang);

  if (w->chinese)
    {
      g_string_append (w->out, "第");
      append_chinese_number (w->out, ordinal);
      g_string_append_printf (w->out, "条为%s，于%s首次报告。", chain->title.zh, when);
    }
  else
    {
      if (ordinal <= G_N_ELEMENTS (ordinals_en))
        g_string_append_printf (w->out, "The %s is the ", ordinals_en[ordinal - 1]);
      else
        g_string_append_printf (w->out, "Chain %u is the ", ordinal);
      g_string_append_printf (w->out, "%s, first reported at %s.", sitroom_text_get (&chain->title, "en"), when);
    }

  w->day = sitroom_time_cst_day (first_report);
  w->have_day = TRUE;
}

/* A text as a sentence of the paragraph, with its closing full stop. */
static void
append_sentence (Writer     *w,
                 const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (w->chinese)
    {
      sitroom_briefing_append_text_zh (w->out, trimmed);
      if (!g_str_has_suffix (w->out->str, "！") && !g_str_has_suffix (w->out->str, "？"))
        g_string_append (w->out, "。");
      return;
    }

  if (w->out->len > 0)
    g_string_append_c (w->out, ' ');
  g_string_append (w->out, trimmed);
  if (trimmed[0] != '\0' && strchr (".!?", trimmed[strlen (trimmed) - 1]) == NULL)
    g_string_append_c (w->out, '.');
}

static const char *
region_name_en (SitroomSituation *situation,
                int               region)
{
  return sitroom_text_get (&sitroom_situation_get_region (situation, region)->name, "en");
}

/* What an event without a text says: its kind, its place, its people. A
 * note says nothing more than its text, so without one it is left out. */
static char *
describe_event (Writer             *w,
                const SitroomEvent *event)
{
  static const char *kind_zh[] = {
    [SITROOM_EVENT_DETECTION] = "发现核酸检测阳性人员",
    [SITROOM_EVENT_TEST] = "开展核酸检测",
    [SITROOM_EVENT_QUARANTINE] = "实施集中隔离医学观察",
    [SITROOM_EVENT_TRACE] = "开展流调排查",
    [SITROOM_EVENT_MEASURE] = "实施管控措施",
    [SITROOM_EVENT_TRANSFER] = "转运至定点医院",
  };
  static const char *kind_en[] = {
    [SITROOM_EVENT_DETECTION] = "Positives found",
    [SITROOM_EVENT_TEST] = "Nucleic-acid testing",
    [SITROOM_EVENT_QUARANTINE] = "Centralized quarantine",
    [SITROOM_EVENT_TRACE] = "Contact tracing",
    [SITROOM_EVENT_MEASURE] = "Control measures",
    [SITROOM_EVENT_TRANSFER] = "Moved to the designated hospital",
  };
  GString *out;

  if (event->kind >= G_N_ELEMENTS (kind_zh) || kind_zh[event->kind] == NULL)
    return NULL;

  out = g_string_new (NULL);
  if (w->chinese)
    {
      if (event->region >= 0)
        sitroom_briefing_append_name_zh (out, sitroom_situation_get_region (w->situation, event->region));
      g_string_append (out, kind_zh[event->kind]);
      if (event->people >= 0)
        g_string_append_printf (out, "，涉及%" G_GINT64_FORMAT "人", event->people);
    }
  else
    {
      g_string_append (out, kind_en[event->kind]);
      if (event->region >= 0)
        g_string_append_printf (out, " in %s", region_name_en (w->situation, event->region));
      if (event->people >= 0)
        g_string_append_printf (out, ", %" G_GINT64_FORMAT " %s", event->people,
                                event->people == 1 ? "person" : "people");
    }
  return g_string_free (out, FALSE);
}

/* "8月19日，" / "19 August: " before the first line of a day. */
static void
name_day (Writer *w,
          gint64  at)
{
  gint64 day = sitroom_time_cst_day (at);
  g_autofree char *phrase = NULL;

  if (w->have_day && day == w->day)
    return;

  phrase = sitroom_briefing_time_phrase (at, sitroom_view_get_cutoff (w->view), FALSE, w->lang);
  if (w->chinese)
    g_string_append_printf (w->out, "%s，", phrase);
  else
    g_string_append_printf (w->out, " %s:", phrase);
  w->day = day;
  w->have_day = TRUE;
}

static void
append_event (Writer             *w,
              const SitroomEvent *event)
{
  g_autofree char *described = NULL;
  const char *text = event->text.zh != NULL ? sitroom_text_get (&event->text, w->lang) : NULL;

  while (text != NULL && g_ascii_isspace (*text))
    text++;
  if (text != NULL && *text == '\0')
    text = NULL;
  if (text == NULL)
    text = described = describe_event (w, event);
  if (text == NULL)
    return;

  name_day (w, event->at);
  append_sentence (w, text);
}

/* ---- measures ---- */

static int
compare_measures (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SitroomSituation *situation = user_data;
  int ia = *(const int *) a;
  int ib = *(const int *) b;
  const SitroomMeasure *ma = sitroom_situation_get_measure (situation, ia);
  const SitroomMeasure *mb = sitroom_situation_get_measure (situation, ib);

  if (ma->from != mb->from)
    return ma->from < mb->from ? -1 : 1;
  if (ma->region != mb->region)
    return ma->region < mb->region ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* The measures in force where the chain went, in the order they began,
 * grouped by place and start: the control measures a place took (static
 * management, traffic control, mass testing and their lifting). The
 * province's own measures concern every chain alike, and other measures
 * (a city's rules for arrivals, a notice) are standing policy, not a
 * response to the chain: the press release tells them apart, and so does
 * the briefing. */
static GArray *
collect_measure_groups (SitroomView *view,
                        int          chain,
                        GArray     **measures_out)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  g_autoptr(GArray) states = sitroom_measures_for_chain (view, chain);
  GArray *measures = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (MeasureGroup));

  for (guint i = 0; i < states->len; i++)
    {
      const SitroomMeasureState *state = &g_array_index (states, SitroomMeasureState, i);
      const SitroomMeasure *m = sitroom_situation_get_measure (situation, state->measure);

      if (state->status != SITROOM_MEASURE_IN_FORCE || m->kind == SITROOM_MEASURE_OTHER)
        continue;
      if (m->region < 0 || sitroom_situation_get_region (situation, m->region)->level == SITROOM_LEVEL_PROVINCE)
        continue;
      g_array_append_val (measures, state->measure);
    }
  g_array_sort_with_data (measures, compare_measures, situation);

  for (guint i = 0; i < measures->len; i++)
    {
      const SitroomMeasure *m = sitroom_situation_get_measure (situation, g_array_index (measures, int, i));
      MeasureGroup *last = groups->len > 0 ? &g_array_index (groups, MeasureGroup, groups->len - 1) : NULL;

      if (last != NULL && last->region == m->region && last->from == m->from)
        {
          last->n++;
        }
      else
        {
          MeasureGroup group = { m->region, m->from, i, 1, FALSE };

          g_array_append_val (groups, group);
        }
    }

  *measures_out = measures;
  return groups;
}

/* The length of the place's name that @text starts with, or 0. */
static gsize
starts_with_place (const char          *text,
                   const SitroomRegion *region,
                   const char          *short_name)
{
  if (g_str_has_prefix (text, region->name.zh))
    return strlen (region->name.zh);
  if (short_name[0] != '\0' && g_str_has_prefix (text, short_name))
    return strlen (short_name);
  return 0;
}

/* 平遥 for 平遥县, 盐湖 for 盐湖区, 太原 for 太原市: how a text may name a place. */
static char *
short_name_zh (const SitroomRegion *region)
{
  static const char *suffixes[] = { "市", "县", "区" };
  const char *name = region->name.zh;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]) && g_utf8_strlen (name, -1) >= 3)
      return g_strndup (name, strlen (name) - strlen (suffixes[i]));
  return g_strdup ("");
}

static void
append_measure_group (Writer       *w,
                      const GArray *measures,
                      MeasureGroup *group)
{
  const SitroomRegion *region = sitroom_situation_get_region (w->situation, group->region);
  g_autofree char *when = sitroom_briefing_time_phrase (group->from, sitroom_view_get_cutoff (w->view),
                                                        TRUE, w->lang);
  g_autofree char *short_name = short_name_zh (region);
  const SitroomMeasure *first = sitroom_situation_get_measure (w->situation,
                                                               g_array_index (measures, int, group->first));

  g_assert (!group->told);
  group->told = TRUE;
  w->day = sitroom_time_cst_day (group->from);
  w->have_day = TRUE;

  if (w->chinese)
    {
      /* The measures' own texts name their place, as a notice does; the
       * place is said once, before them, only where the first does not. */
      gboolean named = strstr (first->text.zh, region->name.zh) != NULL ||
                       (short_name[0] != '\0' && strstr (first->text.zh, short_name) != NULL);

      g_string_append_printf (w->out, "自%s起，", when);
      if (!named)
        {
          sitroom_briefing_append_name_zh (w->out, region);
          g_string_append (w->out, "：");
        }
      for (guint i = 0; i < group->n; i++)
        {
          const SitroomMeasure *m = sitroom_situation_get_measure (w->situation,
                                                                   g_array_index (measures, int, group->first + i));
          g_autofree char *text = g_strstrip (g_strdup (m->text.zh));

          if (i > 0)
            g_string_append (w->out, "；");
          sitroom_briefing_append_text_zh (w->out, i > 0 ? text + starts_with_place (text, region, short_name) : text);
        }
      g_string_append (w->out, "。");
      return;
    }

  if (strstr (sitroom_text_get (&first->text, "en"), region_name_en (w->situation, group->region)) != NULL)
    g_string_append_printf (w->out, " From %s:", when);
  else
    g_string_append_printf (w->out, " From %s, in %s:", when, region_name_en (w->situation, group->region));
  for (guint i = 0; i < group->n; i++)
    append_sentence (w, sitroom_text_get (&sitroom_situation_get_measure (w->situation,
                                                                          g_array_index (measures, int, group->first + i))->text,
                                          "en"));
}

/* The story's events, and the measures where the chain went, in time
 * order. A measure event that measures of the same place and hour tell
 * gives way to them: they say the same with their time and in full. */
static void
append_story (Writer *w,
              int     chain)
{
  const SitroomChain *c = sitroom_situation_get_chain (w->situation, chain);
  g_autoptr(GArray) story = sitroom_chain_get_story (w->view, chain);
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GArray) groups = collect_measure_groups (w->view, chain, &measures);
  guint next_group = 0;

  for (guint i = 0; i < story->len; i++)
    {
      const SitroomStoryLine *line = &g_array_index (story, SitroomStoryLine, i);
      const SitroomEvent *event;
      gboolean replaced = FALSE;

      /* Cases are told by the figures that follow, not day by day. */
      if (line->kind != SITROOM_STORY_EVENT)
        continue;
      event = &c->events[line->event];

      for (; next_group < groups->len; next_group++)
        {
          MeasureGroup *group = &g_array_index (groups, MeasureGroup, next_group);

          if (group->from >= event->at)
            break;
          if (!group->told)
            append_measure_group (w, measures, group);
        }

      if (event->kind == SITROOM_EVENT_MEASURE)
        for (guint g = 0; g < groups->len; g++)
          {
            MeasureGroup *group = &g_array_index (groups, MeasureGroup, g);

            if (group->region == event->region && group->from == event->at)
              {
                if (!group->told)
                  append_measure_group (w, measures, group);
                replaced = TRUE;
              }
          }

      if (!replaced)
        append_event (w, event);
    }

  for (; next_group < groups->len; next_group++)
    {
      MeasureGroup *group = &g_array_index (groups, MeasureGroup, next_group);

      if (!group->told)
        append_measure_group (w, measures, group);
    }
}

/* ---- figures ---- */

/* Where the chain's counted cases were reported: by prefecture, or where a
 * case was placed when it is at none. */
static GArray *
collect_places (Writer *w,
                int     chain)
{
  g_autoptr(GArray) cases = sitroom_chain_get_cases (w->view, chain);
  g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);
  GArray *places = g_array_new (FALSE, FALSE, sizeof (SitroomBriefingPlace));

  for (guint i = 0; i < cases->len; i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (w->situation, g_array_index (cases, int, i));
      const SitroomRegion *region = sitroom_situation_get_region (w->situation, kase->region);
      int place = region->prefecture >= 0 ? region->prefecture : kase->region;
      gpointer found = g_hash_table_lookup (index_of, GINT_TO_POINTER (place + 1));
      SitroomBriefingPlace *entry;

      if (found == NULL)
        {
          SitroomBriefingPlace new_place = {
            .region = sitroom_situation_get_region (w->situation, place),
            .first = kase->reported_at,
          };

          g_array_append_val (places, new_place);
          found = GUINT_TO_POINTER (places->len);
          g_hash_table_insert (index_of, GINT_TO_POINTER (place + 1), found);
        }
      entry = &g_array_index (places, SitroomBriefingPlace, GPOINTER_TO_UINT (found) - 1);
      entry->positives++;
    }

  sitroom_briefing_sort_places (places);
  return places;
}

static void
append_figures (Writer *w,
                int     chain)
{
  const SitroomCounts *counts = &sitroom_view_get_chain (w->view, chain)->counts;
  g_autoptr(GArray) places = collect_places (w, chain);

  if (counts->positives == 0)
    {
      g_string_append (w->out, w->chinese ? "截至目前，该链条在我省无核酸阳性者报告。"
                                          : " So far no nucleic-acid positive of the chain has been reported in the province.");
      return;
    }

  if (w->chinese)
    g_string_append_printf (w->out, "截至目前，该链条在我省共报告核酸阳性者%u例（", counts->positives);
  else
    g_string_append_printf (w->out, " So far the chain has %u nucleic-acid %s in the province (", counts->positives,
                            counts->positives == 1 ? "positive" : "positives");

  for (guint i = 0; i < places->len; i++)
    {
      const SitroomBriefingPlace *place = &g_array_index (places, SitroomBriefingPlace, i);

      if (w->chinese)
        {
          if (i > 0)
            g_string_append (w->out, "、");
          sitroom_briefing_append_name_zh (w->out, place->region);
          g_string_append_printf (w->out, "%u例", place->positives);
        }
      else
        {
          g_string_append_printf (w->out, "%s%s %u", i > 0 ? ", " : "",
                                  sitroom_text_get (&place->region->name, "en"), place->positives);
        }
    }

  g_string_append (w->out, w->chinese ? "）" : ")");
  sitroom_briefing_append_classes (w->out, counts, w->lang);
  g_string_append (w->out, w->chinese ? "。" : ".");
}

/* Contacts only as the document gives them: a figure not given is not 0. */
static void
append_contacts (Writer             *w,
                 const SitroomChain *chain)
{
  gboolean has_close = chain->close_contacts >= 0;
  gboolean has_secondary = chain->secondary_contacts >= 0;

  if (!has_close && !has_secondary)
    return;

  if (w->chinese)
    {
      g_string_append (w->out, "该链条现有");
      if (has_close)
        g_string_append_printf (w->out, "密切接触者%" G_GINT64_FORMAT "人", chain->close_contacts);
      if (has_close && has_secondary)
        g_string_append (w->out, "、");
      if (has_secondary)
        g_string_append_printf (w->out, "次密切接触者%" G_GINT64_FORMAT "人", chain->secondary_contacts);
      g_string_append (w->out, "。");
      return;
    }

  g_string_append (w->out, " The chain has ");
  if (has_close)
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT " close %s", chain->close_contacts,
                            chain->close_contacts == 1 ? "contact" : "contacts");
  if (has_close && has_secondary)
    g_string_append (w->out, " and ");
  if (has_secondary)
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT " secondary %s", chain->secondary_contacts,
                            chain->secondary_contacts == 1 ? "contact" : "contacts");
  g_string_append (w->out, ".");
}

/* When the chain started (sitroom-chains.h): its first report, or its
 * first case when that came earlier or the report is not given. */
static gint64
first_report (SitroomView *view,
              int          chain)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  const SitroomChain *c = sitroom_situation_get_chain (situation, chain);
  gint64 cutoff = sitroom_view_get_cutoff (view);
  gint64 first = c->first_reported != SITROOM_TIME_NONE && c->first_reported <= cutoff
                 ? c->first_reported : G_MAXINT64;
  guint n_counted = sitroom_situation_count_cases_until (situation, cutoff);

  /* Cases are sorted by time: the first of the chain is its earliest. */
  for (guint i = 0; i < n_counted; i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (situation, i);

      if (kase->chain == chain)
        {
          first = MIN (first, kase->reported_at);
          break;
        }
    }

  g_assert (first != G_MAXINT64);
  return first;
}

char *
sitroom_briefing_chain_paragraph (SitroomView *view,
                                  int          chain,
                                  guint        ordinal,
                                  const char  *lang)
{
  const SitroomChain *c;
  Writer w = { 0 };

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (chain >= 0 && (guint) chain < sitroom_view_get_n_chains (view), NULL);
  g_return_val_if_fail (ordinal > 0, NULL);
  g_return_val_if_fail (sitroom_view_get_chain (view, chain)->started, NULL);

  w.view = view;
  w.situation = sitroom_view_get_situation (view);
  w.lang = lang;
  w.chinese = sitroom_briefing_is_chinese (lang);
  w.out = g_string_new (NULL);
  c = sitroom_situation_get_chain (w.situation, chain);

  append_opening (&w, c, ordinal, first_report (view, chain));
  append_story (&w, chain);
  append_figures (&w, chain);
  append_contacts (&w, c);

  return g_string_free (w.out, FALSE);
}
