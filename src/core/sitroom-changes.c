/* What changed between two views of a feed, in sentences for a toast, in Chinese or English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-changes.h"

/* The two views may come from different documents, so nothing is matched by
 * index: prefectures by region code, chains by id, measures by id. The wording
 * is written here for each language, like the briefing's: a toast follows the
 * interface language, and a Chinese display must not depend on a catalogue
 * being installed to say it. */

typedef struct {
  gboolean zh;
  SitroomView *before;
  SitroomView *after;
  SitroomSituation *old_doc;   /* of before */
  SitroomSituation *new_doc;   /* of after */
} Compare;

/* A new-positives sentence, sorted by how many were added, then by prefecture order. */
typedef struct {
  guint added;
  guint order;
  char *text;
} Increase;

static gboolean
is_chinese (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "zh");
}

static const char *
region_name (const Compare       *cmp,
             const SitroomRegion *region)
{
  return sitroom_text_get (&region->name, cmp->zh ? "zh" : "en");
}

static const char *
chain_label (const SitroomChain *chain)
{
  return chain->label != NULL && chain->label[0] != '\0' ? chain->label : chain->id;
}

/* "A", "A and B", "A, B and C" in English; "A、B、C" in Chinese. */
static void
append_list (GString    *out,
             GPtrArray  *items,
             gboolean    zh)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, zh ? "、" : (i + 1 == items->len ? " and " : ", "));
      g_string_append (out, g_ptr_array_index (items, i));
    }
}

/* The figures of the prefecture with @region's code in @view, or NULL. */
static const SitroomPrefectureFigures *
match_prefecture (SitroomView         *view,
                  const SitroomRegion *region)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  int index = sitroom_situation_lookup_region (situation, region->code);

  return index >= 0 ? sitroom_view_lookup_prefecture (view, index) : NULL;
}

static const SitroomChainFigures *
match_chain (SitroomView        *view,
             const SitroomChain *chain)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  int index = sitroom_situation_lookup_chain (situation, chain->id);

  return index >= 0 ? sitroom_view_get_chain (view, index) : NULL;
}

static int
compare_increases (gconstpointer a,
                   gconstpointer b)
{
  const Increase *ia = a;
  const Increase *ib = b;

  if (ia->added != ib->added)
    return ia->added > ib->added ? -1 : 1;
  return ia->order < ib->order ? -1 : ia->order > ib->order;
}

static void
increase_clear (gpointer data)
{
  Increase *increase = data;

  g_free (increase->text);
}

/* New positives, the largest first, then corrections: a count that went down
 * is rare and must not pass unseen, but comes after what grew. */
static void
describe_positives (const Compare *cmp,
                    GPtrArray     *out)
{
  g_autoptr(GArray) increases = g_array_new (FALSE, FALSE, sizeof (Increase));
  g_autoptr(GPtrArray) corrections = g_ptr_array_new_with_free_func (g_free);
  guint n_after = sitroom_view_get_n_prefectures (cmp->after);
  guint n_before = sitroom_view_get_n_prefectures (cmp->before);

  g_array_set_clear_func (increases, increase_clear);

  for (guint i = 0; i < n_after; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (cmp->after, i);
      const SitroomRegion *region = sitroom_situation_get_region (cmp->new_doc, row->region);
      const SitroomPrefectureFigures *old = match_prefecture (cmp->before, region);
      guint was = old != NULL ? old->counts.positives : 0;
      guint now = row->counts.positives;
      const char *name = region_name (cmp, region);

      if (now > was)
        {
          Increase increase = { .added = now - was, .order = i };

          if (cmp->zh)
            increase.text = g_strdup_printf ("%s新增%u例阳性", name, now - was);
          else
            increase.text = g_strdup_printf ("+%u %s in %s", now - was,
                                             now - was == 1 ? "positive" : "positives", name);
          g_array_append_val (increases, increase);
        }
      else if (now < was)
        {
          if (cmp->zh)
            g_ptr_array_add (corrections, g_strdup_printf ("%s阳性数更正为%u例（原%u例）", name, now, was));
          else
            g_ptr_array_add (corrections,
                             g_strdup_printf ("%s: %u → %u %s (corrected)", name, was, now,
                                              now == 1 ? "positive" : "positives"));
        }
    }

  /* A prefecture the new document no longer lists (one a feed had added, whose
   * cases were withdrawn) went down to nothing. */
  for (guint i = 0; i < n_before; i++)
    {
      const SitroomPrefectureFigures *old = sitroom_view_get_prefecture (cmp->before, i);
      const SitroomRegion *region = sitroom_situation_get_region (cmp->old_doc, old->region);
      const char *name = region_name (cmp, region);

      if (old->counts.positives == 0 || match_prefecture (cmp->after, region) != NULL)
        continue;
      if (cmp->zh)
        g_ptr_array_add (corrections,
                         g_strdup_printf ("%s阳性数更正为0例（原%u例）", name, old->counts.positives));
      else
        g_ptr_array_add (corrections,
                         g_strdup_printf ("%s: %u → 0 positives (corrected)", name, old->counts.positives));
    }

  g_array_sort (increases, compare_increases);
  for (guint i = 0; i < increases->len; i++)
    g_ptr_array_add (out, g_steal_pointer (&g_array_index (increases, Increase, i).text));
  for (guint i = 0; i < corrections->len; i++)
    g_ptr_array_add (out, g_steal_pointer (&g_ptr_array_index (corrections, i)));
}

static gboolean
chain_is_new (const Compare             *cmp,
              const SitroomChain        *chain,
              const SitroomChainFigures *row)
{
  const SitroomChainFigures *old = match_chain (cmp->before, chain);

  return row->started && (old == NULL || !old->started);
}

static void
describe_new_chains (const Compare *cmp,
                     GPtrArray     *out)
{
  guint n = sitroom_view_get_n_chains (cmp->after);

  for (guint i = 0; i < n; i++)
    {
      const SitroomChainFigures *row = sitroom_view_get_chain (cmp->after, i);
      const SitroomChain *chain = sitroom_situation_get_chain (cmp->new_doc, row->chain);

      if (!chain_is_new (cmp, chain, row))
        continue;
      if (cmp->zh)
        g_ptr_array_add (out, g_strdup_printf ("新增感染链条%s", chain_label (chain)));
      else
        g_ptr_array_add (out, g_strdup_printf ("new chain %s", chain_label (chain)));
    }
}

static gboolean
chain_had_region (const Compare             *cmp,
                  const SitroomChainFigures *old,
                  const SitroomRegion       *region)
{
  for (guint r = 0; r < old->n_regions; r++)
    {
      const SitroomRegion *had = sitroom_situation_get_region (cmp->old_doc, old->regions[r]);

      if (strcmp (had->code, region->code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A chain already known that now has cases in a prefecture it had none in. A
 * new chain's prefectures are not news of their own: "new chain" says it. */
static void
describe_spread (const Compare *cmp,
                 GPtrArray     *out)
{
  guint n = sitroom_view_get_n_chains (cmp->after);

  for (guint i = 0; i < n; i++)
    {
      const SitroomChainFigures *row = sitroom_view_get_chain (cmp->after, i);
      const SitroomChain *chain = sitroom_situation_get_chain (cmp->new_doc, row->chain);
      const SitroomChainFigures *old = match_chain (cmp->before, chain);
      g_autoptr(GPtrArray) reached = g_ptr_array_new ();
      GString *text;

      if (old == NULL || chain_is_new (cmp, chain, row))
        continue;

      for (guint r = 0; r < row->n_regions; r++)
        {
          const SitroomRegion *region = sitroom_situation_get_region (cmp->new_doc, row->regions[r]);

          if (!chain_had_region (cmp, old, region))
            g_ptr_array_add (reached, (gpointer) region_name (cmp, region));
        }
      if (reached->len == 0)
        continue;

      text = g_string_new (NULL);
      if (cmp->zh)
        g_string_append_printf (text, "%s链条波及", chain_label (chain));
      else
        g_string_append_printf (text, "chain %s reaches ", chain_label (chain));
      append_list (text, reached, cmp->zh);
      g_ptr_array_add (out, g_string_free (text, FALSE));
    }
}

static gboolean
contacts_changed (gint64 was,
                  gint64 now)
{
  if (now < 0 || now == was)
    return FALSE;
  /* A figure first given as zero is no news. */
  return !(was < 0 && now == 0);
}

static void
describe_contacts (const Compare *cmp,
                   GPtrArray     *out)
{
  guint n = sitroom_view_get_n_chains (cmp->after);

  for (guint i = 0; i < n; i++)
    {
      const SitroomChainFigures *row = sitroom_view_get_chain (cmp->after, i);
      const SitroomChain *chain = sitroom_situation_get_chain (cmp->new_doc, row->chain);
      const SitroomChainFigures *old_row = match_chain (cmp->before, chain);
      /* A chain that had not started was shown nowhere, nor were its contacts. */
      const SitroomChain *old = old_row != NULL && old_row->started
                                ? sitroom_situation_get_chain (cmp->old_doc, old_row->chain) : NULL;
      gint64 was_close = old != NULL ? old->close_contacts : SITROOM_COUNT_NONE;
      gint64 was_secondary = old != NULL ? old->secondary_contacts : SITROOM_COUNT_NONE;
      gboolean close = contacts_changed (was_close, chain->close_contacts);
      gboolean secondary = contacts_changed (was_secondary, chain->secondary_contacts);
      GString *text;

      /* The figures of a chain not yet started are not shown anywhere else either. */
      if (!row->started || (!close && !secondary))
        continue;

      text = g_string_new (NULL);
      if (cmp->zh)
        {
          g_string_append_printf (text, "%s链条", chain_label (chain));
          if (close)
            g_string_append_printf (text, "密接%" G_GINT64_FORMAT "人", chain->close_contacts);
          if (close && secondary)
            g_string_append (text, "、");
          if (secondary)
            g_string_append_printf (text, "次密接%" G_GINT64_FORMAT "人", chain->secondary_contacts);
        }
      else
        {
          g_string_append_printf (text, "chain %s: ", chain_label (chain));
          if (close)
            g_string_append_printf (text, "%" G_GINT64_FORMAT " %s", chain->close_contacts,
                                    chain->close_contacts == 1 ? "close contact" : "close contacts");
          if (close && secondary)
            g_string_append (text, ", ");
          if (secondary)
            g_string_append_printf (text, "%" G_GINT64_FORMAT " %s", chain->secondary_contacts,
                                    chain->secondary_contacts == 1 ? "secondary contact"
                                                                   : "secondary contacts");
        }
      g_ptr_array_add (out, g_string_free (text, FALSE));
    }
}

static gboolean
over_capacity (const SitroomPrefectureFigures *row)
{
  return row != NULL && row->n_sites > 0 && row->occupied > row->capacity;
}

static void
describe_capacity (const Compare *cmp,
                   GPtrArray     *out)
{
  guint n = sitroom_view_get_n_prefectures (cmp->after);
  gboolean illustrative = sitroom_situation_is_illustrative (cmp->new_doc, "quarantine_sites");

  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (cmp->after, i);
      const SitroomRegion *region = sitroom_situation_get_region (cmp->new_doc, row->region);
      char *text;

      if (!over_capacity (row) || over_capacity (match_prefecture (cmp->before, region)))
        continue;

      /* The feed says where its figures are examples; so must everything showing them. */
      if (cmp->zh)
        text = g_strdup_printf ("%s集中隔离超出容量：%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "%s",
                                region_name (cmp, region), row->occupied, row->capacity,
                                illustrative ? "（示例数据）" : "");
      else
        text = g_strdup_printf ("%s quarantine over capacity: %" G_GINT64_FORMAT
                                " / %" G_GINT64_FORMAT "%s",
                                region_name (cmp, region), row->occupied, row->capacity,
                                illustrative ? " (illustrative)" : "");
      g_ptr_array_add (out, text);
    }
}

static gboolean
measure_was_in_force (const Compare        *cmp,
                      const SitroomMeasure *measure)
{
  guint n = 0;
  const int *in_force = sitroom_view_get_measures_in_force (cmp->before, &n);

  for (guint i = 0; i < n; i++)
    {
      const SitroomMeasure *old = sitroom_situation_get_measure (cmp->old_doc, in_force[i]);

      if (strcmp (old->id, measure->id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "12:00" or "12:00 on 19 August"; "12时" or "8月19日12时30分": the day only
 * when it is not the day of the new document's as_of, in that document's offset. */
static char *
time_phrase (const Compare *cmp,
             gint64         at)
{
  static const char *months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  };
  int offset = sitroom_situation_get_as_of_offset (cmp->new_doc);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (offset);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) utc_as_of =
    g_date_time_new_from_unix_utc (sitroom_situation_get_as_of (cmp->new_doc));
  g_autoptr(GDateTime) t = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) as_of = g_date_time_to_timezone (utc_as_of, tz);
  gboolean same_day = g_date_time_get_year (t) == g_date_time_get_year (as_of) &&
                      g_date_time_get_day_of_year (t) == g_date_time_get_day_of_year (as_of);
  GString *out = g_string_new (NULL);

  if (cmp->zh)
    {
      if (!same_day)
        g_string_append_printf (out, "%d月%d日", g_date_time_get_month (t), g_date_time_get_day_of_month (t));
      g_string_append_printf (out, "%d时", g_date_time_get_hour (t));
      if (g_date_time_get_minute (t) != 0)
        g_string_append_printf (out, "%d分", g_date_time_get_minute (t));
    }
  else
    {
      g_string_append_printf (out, "%02d:%02d", g_date_time_get_hour (t), g_date_time_get_minute (t));
      if (!same_day)
        g_string_append_printf (out, " on %d %s", g_date_time_get_day_of_month (t),
                                months[g_date_time_get_month (t) - 1]);
    }

  return g_string_free (out, FALSE);
}

static const char *
measure_noun (SitroomMeasureKind kind,
              gboolean           zh)
{
  static const char *en[] = {
    [SITROOM_MEASURE_STATIC_MANAGEMENT] = "static management",
    [SITROOM_MEASURE_TRAFFIC_CONTROL] = "traffic control",
    [SITROOM_MEASURE_MASS_TESTING] = "mass testing",
    [SITROOM_MEASURE_LOCKDOWN_LIFTED] = "lockdown lifted",
    [SITROOM_MEASURE_OTHER] = "new measures",
  };
  static const char *zh_nouns[] = {
    [SITROOM_MEASURE_STATIC_MANAGEMENT] = "静态管理",
    [SITROOM_MEASURE_TRAFFIC_CONTROL] = "交通管制",
    [SITROOM_MEASURE_MASS_TESTING] = "全员核酸检测",
    [SITROOM_MEASURE_LOCKDOWN_LIFTED] = "解除封控",
    [SITROOM_MEASURE_OTHER] = "新的防控措施",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (en) == SITROOM_N_MEASURE_KINDS);
  G_STATIC_ASSERT (G_N_ELEMENTS (zh_nouns) == SITROOM_N_MEASURE_KINDS);

  g_assert (kind < SITROOM_N_MEASURE_KINDS);
  return zh ? zh_nouns[kind] : en[kind];
}

static int
compare_measure_starts (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  SitroomSituation *situation = user_data;
  const SitroomMeasure *ma = sitroom_situation_get_measure (situation, *(const int *) a);
  const SitroomMeasure *mb = sitroom_situation_get_measure (situation, *(const int *) b);

  const SitroomRegion *ra = sitroom_situation_get_region (situation, ma->region);
  const SitroomRegion *rb = sitroom_situation_get_region (situation, mb->region);
  int by_code;

  if (ma->from != mb->from)
    return ma->from < mb->from ? -1 : 1;
  /* Places that start at the same time go in code order, as the tables do. */
  by_code = strcmp (ra->code, rb->code);
  if (by_code != 0)
    return by_code;
  return strcmp (ma->id, mb->id);
}

/* Measures that came into force, in the order they start, one sentence for
 * those of one place from one time ("static management, traffic control and
 * mass testing in Yu County from 12:00"). A lifted lockdown is told apart: it
 * is the opposite news. */
static void
describe_measures (const Compare *cmp,
                   GPtrArray     *out)
{
  guint n = 0;
  const int *in_force = sitroom_view_get_measures_in_force (cmp->after, &n);
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree gboolean *told = NULL;

  for (guint i = 0; i < n; i++)
    if (!measure_was_in_force (cmp, sitroom_situation_get_measure (cmp->new_doc, in_force[i])))
      g_array_append_val (added, in_force[i]);
  g_array_sort_with_data (added, compare_measure_starts, cmp->new_doc);
  told = g_new0 (gboolean, MAX (added->len, 1));

  for (guint i = 0; i < added->len; i++)
    {
      const SitroomMeasure *first = sitroom_situation_get_measure (cmp->new_doc,
                                                                   g_array_index (added, int, i));
      const SitroomRegion *region = sitroom_situation_get_region (cmp->new_doc, first->region);
      gboolean lifted = first->kind == SITROOM_MEASURE_LOCKDOWN_LIFTED;
      g_autoptr(GPtrArray) nouns = g_ptr_array_new ();
      gboolean kinds[SITROOM_N_MEASURE_KINDS] = { FALSE, };
      g_autofree char *when = NULL;
      GString *text;

      if (told[i])
        continue;

      for (guint j = i; j < added->len; j++)
        {
          const SitroomMeasure *m = sitroom_situation_get_measure (cmp->new_doc,
                                                                   g_array_index (added, int, j));

          if (told[j] || m->region != first->region || m->from != first->from ||
              (m->kind == SITROOM_MEASURE_LOCKDOWN_LIFTED) != lifted)
            continue;
          told[j] = TRUE;
          kinds[m->kind] = TRUE;
        }
      /* In the order of the kinds, not of the document: the same measures read
       * the same whoever published them. */
      for (guint k = 0; k < SITROOM_N_MEASURE_KINDS; k++)
        if (kinds[k])
          g_ptr_array_add (nouns, (gpointer) measure_noun (k, cmp->zh));

      when = time_phrase (cmp, first->from);
      text = g_string_new (NULL);
      if (cmp->zh)
        {
          g_string_append_printf (text, "%s%s起", region_name (cmp, region), when);
          if (!lifted)
            g_string_append (text, "实行");
          append_list (text, nouns, TRUE);
        }
      else
        {
          append_list (text, nouns, FALSE);
          g_string_append_printf (text, " in %s from %s", region_name (cmp, region), when);
        }
      g_ptr_array_add (out, g_string_free (text, FALSE));
    }
}

char **
sitroom_changes_describe (SitroomView *before,
                          SitroomView *after,
                          const char  *lang)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  Compare cmp;

  g_return_val_if_fail (SITROOM_IS_VIEW (before), NULL);
  g_return_val_if_fail (SITROOM_IS_VIEW (after), NULL);

  cmp.zh = is_chinese (lang);
  cmp.before = before;
  cmp.after = after;
  cmp.old_doc = sitroom_view_get_situation (before);
  cmp.new_doc = sitroom_view_get_situation (after);

  describe_positives (&cmp, out);
  describe_new_chains (&cmp, out);
  describe_spread (&cmp, out);
  describe_contacts (&cmp, out);
  describe_capacity (&cmp, out);
  describe_measures (&cmp, out);

  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

char *
sitroom_changes_summary (SitroomView *before,
                         SitroomView *after,
                         const char  *lang,
                         guint        max_items)
{
  g_auto(GStrv) changes = NULL;
  gboolean zh = is_chinese (lang);
  guint n;
  guint shown;
  GString *out;

  g_return_val_if_fail (SITROOM_IS_VIEW (before), NULL);
  g_return_val_if_fail (SITROOM_IS_VIEW (after), NULL);

  changes = sitroom_changes_describe (before, after, lang);
  n = g_strv_length (changes);
  if (n == 0)
    return NULL;

  shown = max_items == 0 ? n : MIN (n, max_items);
  out = g_string_new (NULL);
  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (out, zh ? "；" : "; ");
      g_string_append (out, changes[i]);
    }

  /* "等N项变化" counts every change, the ones named too, as Chinese does;
   * "and N more" counts those left out. */
  if (shown < n)
    {
      if (zh)
        g_string_append_printf (out, "等%u项变化", n);
      else
        g_string_append_printf (out, "; and %u more", n - shown);
    }

  return g_string_free (out, FALSE);
}
