/* The figures a briefing states: taken from a view, looked up, compared. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-briefing-figures-private.h"
#include "sitroom-time.h"

G_DEFINE_BOXED_TYPE (SitroomBriefingFigures, sitroom_briefing_figures,
                     sitroom_briefing_figures_ref, sitroom_briefing_figures_unref)

static void
figure_clear (gpointer data)
{
  SitroomBriefingFigure *figure = data;

  g_free (figure->key);
  g_free (figure->label_zh);
  g_free (figure->label_en);
}

SitroomBriefingFigures *
sitroom_briefing_figures_new_empty (gint64 cutoff)
{
  SitroomBriefingFigures *self = g_new0 (SitroomBriefingFigures, 1);

  g_ref_count_init (&self->ref_count);
  self->cutoff = cutoff;
  self->figures = g_array_new (FALSE, TRUE, sizeof (SitroomBriefingFigure));
  g_array_set_clear_func (self->figures, figure_clear);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

SitroomBriefingFigures *
sitroom_briefing_figures_ref (SitroomBriefingFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
sitroom_briefing_figures_unref (SitroomBriefingFigures *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->by_key);
  g_array_unref (self->figures);
  g_free (self);
}

/* Takes the strings, and frees them and returns FALSE when the key is there already. */
gboolean
sitroom_briefing_figures_add (SitroomBriefingFigures *self,
                              char                   *key,
                              gint64                  value,
                              char                   *label_zh,
                              char                   *label_en)
{
  SitroomBriefingFigure figure = { key, value, label_zh, label_en };

  g_assert (key != NULL && label_zh != NULL && label_en != NULL);

  if (g_hash_table_contains (self->by_key, key))
    {
      figure_clear (&figure);
      return FALSE;
    }
  g_array_append_val (self->figures, figure);
  g_hash_table_insert (self->by_key, key, GUINT_TO_POINTER (self->figures->len));
  return TRUE;
}

/* For figures built from a view, whose keys cannot repeat. */
static void
add_figure (SitroomBriefingFigures *self,
            char                   *key,
            gint64                  value,
            char                   *label_zh,
            char                   *label_en)
{
  gboolean added = sitroom_briefing_figures_add (self, key, value, label_zh, label_en);

  g_assert (added);
}

static void
add_totals (SitroomBriefingFigures *self,
            SitroomView            *view)
{
  const SitroomCounts *totals = sitroom_view_get_totals (view);
  static const struct {
    const char *key;
    const char *zh;
    const char *en;
  } classes[] = {
    { "class/mild", "轻型病例", "Mild cases" },
    { "class/moderate", "普通型病例", "Moderate cases" },
    { "class/severe", "重型病例", "Severe cases" },
    { "class/critical", "危重型病例", "Critical cases" },
  };

  add_figure (self, g_strdup ("positives"), totals->positives,
              g_strdup ("阳性感染者"), g_strdup ("Positives"));
  add_figure (self, g_strdup ("confirmed"), totals->confirmed,
              g_strdup ("确诊病例"), g_strdup ("Confirmed cases"));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    add_figure (self, g_strdup (classes[i].key), totals->by_class[SITROOM_CLASS_MILD + i],
                g_strdup (classes[i].zh), g_strdup (classes[i].en));
  add_figure (self, g_strdup ("asymptomatic"), totals->asymptomatic,
              g_strdup ("无症状感染者"), g_strdup ("Asymptomatic infections"));
  add_figure (self, g_strdup ("new_24h"), totals->new_24h,
              g_strdup ("24小时内新增阳性感染者"), g_strdup ("New positives in 24 hours"));
  add_figure (self, g_strdup ("prefectures"), sitroom_view_get_n_affected_prefectures (view),
              g_strdup ("报告阳性感染者的市"), g_strdup ("Prefectures reporting positives"));
  add_figure (self, g_strdup ("chains"), sitroom_view_get_n_active_chains (view),
              g_strdup ("感染链条"), g_strdup ("Infection chains"));
  add_figure (self, g_strdup ("close_contacts"), sitroom_view_get_close_contacts (view),
              g_strdup ("密切接触者"), g_strdup ("Close contacts"));
  add_figure (self, g_strdup ("secondary_contacts"), sitroom_view_get_secondary_contacts (view),
              g_strdup ("次密切接触者"), g_strdup ("Secondary contacts"));
}

static void
add_prefectures (SitroomBriefingFigures *self,
                 SitroomView            *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_prefectures (view);

  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (view, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, row->region);
      const char *zh = sitroom_text_get (&region->name, "zh");
      const char *en = sitroom_text_get (&region->name, "en");

      /* The table of a briefing lists the prefectures that reported cases. */
      if (row->counts.positives == 0)
        continue;
      add_figure (self, g_strdup_printf ("region/%s/positives", region->code), row->counts.positives,
                  g_strdup_printf ("%s阳性感染者", zh), g_strdup_printf ("Positives in %s", en));
      add_figure (self, g_strdup_printf ("region/%s/confirmed", region->code), row->counts.confirmed,
                  g_strdup_printf ("%s确诊病例", zh), g_strdup_printf ("Confirmed cases in %s", en));
      add_figure (self, g_strdup_printf ("region/%s/asymptomatic", region->code), row->counts.asymptomatic,
                  g_strdup_printf ("%s无症状感染者", zh), g_strdup_printf ("Asymptomatic infections in %s", en));
    }
}

static void
add_chains (SitroomBriefingFigures *self,
            SitroomView            *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_chains (view);

  for (guint i = 0; i < n; i++)
    {
      const SitroomChainFigures *row = sitroom_view_get_chain (view, i);
      const SitroomChain *chain = sitroom_situation_get_chain (situation, row->chain);
      const char *label = chain->label != NULL && chain->label[0] != '\0' ? chain->label : chain->id;

      /* A chain not yet started at the cutoff is not in a briefing of it. */
      if (!row->started)
        continue;
      add_figure (self, g_strdup_printf ("chain/%s/positives", chain->id), row->counts.positives,
                  g_strdup_printf ("%s链条阳性感染者", label), g_strdup_printf ("Positives of chain %s", label));
      add_figure (self, g_strdup_printf ("chain/%s/prefectures", chain->id), row->n_regions,
                  g_strdup_printf ("%s链条波及的市", label),
                  g_strdup_printf ("Prefectures reached by chain %s", label));
      /* Contacts the feed does not give are not stated, rather than stated as 0. */
      if (chain->close_contacts >= 0)
        add_figure (self, g_strdup_printf ("chain/%s/close_contacts", chain->id), chain->close_contacts,
                    g_strdup_printf ("%s链条密切接触者", label),
                    g_strdup_printf ("Close contacts of chain %s", label));
      if (chain->secondary_contacts >= 0)
        add_figure (self, g_strdup_printf ("chain/%s/secondary_contacts", chain->id), chain->secondary_contacts,
                    g_strdup_printf ("%s链条次密切接触者", label),
                    g_strdup_printf ("Secondary contacts of chain %s", label));
    }
}

static void
add_quarantine (SitroomBriefingFigures *self,
                SitroomView            *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_prefectures (view);

  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (view, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, row->region);
      const char *zh = sitroom_text_get (&region->name, "zh");
      const char *en = sitroom_text_get (&region->name, "en");

      if (row->n_sites == 0)
        continue;
      add_figure (self, g_strdup_printf ("quarantine/%s/capacity", region->code), row->capacity,
                  g_strdup_printf ("%s集中隔离容量", zh),
                  g_strdup_printf ("Centralized quarantine capacity in %s", en));
      add_figure (self, g_strdup_printf ("quarantine/%s/occupied", region->code), row->occupied,
                  g_strdup_printf ("%s集中隔离人数", zh),
                  g_strdup_printf ("People in centralized quarantine in %s", en));
    }
}

SitroomBriefingFigures *
sitroom_briefing_figures_new_from_view (SitroomView *view)
{
  SitroomBriefingFigures *self;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  self = sitroom_briefing_figures_new_empty (sitroom_view_get_cutoff (view));
  add_totals (self, view);
  add_prefectures (self, view);
  add_chains (self, view);
  add_quarantine (self, view);
  return self;
}

gint64
sitroom_briefing_figures_get_cutoff (SitroomBriefingFigures *self)
{
  g_return_val_if_fail (self != NULL, SITROOM_TIME_NONE);

  return self->cutoff;
}

guint
sitroom_briefing_figures_get_n_figures (SitroomBriefingFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->figures->len;
}

const SitroomBriefingFigure *
sitroom_briefing_figures_get_figure (SitroomBriefingFigures *self,
                                     guint                   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->figures->len, NULL);

  return &g_array_index (self->figures, SitroomBriefingFigure, index);
}

/* The index of @key, or -1. */
static int
find_key (SitroomBriefingFigures *self,
          const char             *key)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_key, key)) - 1;
}

const SitroomBriefingFigure *
sitroom_briefing_figures_lookup (SitroomBriefingFigures *self,
                                 const char             *key)
{
  int index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  index = find_key (self, key);
  return index >= 0 ? &g_array_index (self->figures, SitroomBriefingFigure, index) : NULL;
}

static void
change_clear (gpointer data)
{
  SitroomFigureChange *change = data;

  g_free (change->key);
  g_free (change->label_zh);
  g_free (change->label_en);
}

static GArray *
changes_new (void)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (SitroomFigureChange));

  g_array_set_clear_func (changes, change_clear);
  return changes;
}

/* Either figure may be NULL, not both. */
static void
append_change (GArray                      *changes,
               const SitroomBriefingFigure *before,
               const SitroomBriefingFigure *after)
{
  const SitroomBriefingFigure *named = after != NULL ? after : before;
  SitroomFigureChange change = {
    .key = g_strdup (named->key),
    .label_zh = g_strdup (named->label_zh),
    .label_en = g_strdup (named->label_en),
    .before = before != NULL ? before->value : 0,
    .after = after != NULL ? after->value : 0,
    .in_before = before != NULL,
    .in_after = after != NULL,
  };

  change.change = change.after - change.before;
  g_array_append_val (changes, change);
}

GArray *
sitroom_briefing_figures_compare (SitroomBriefingFigures *before,
                                  SitroomBriefingFigures *after)
{
  GArray *changes;
  guint n_before;
  guint n_after;
  g_autofree guint *first = NULL;
  g_autofree guint *gone = NULL;
  int anchor = -1;

  g_return_val_if_fail (before != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  n_before = before->figures->len;
  n_after = after->figures->len;
  changes = changes_new ();

  /* A figure only @before has goes after the figure it followed there that
   * @after still has (its anchor; slot 0 is the start), so a prefecture
   * whose positives were all withdrawn stays among the other prefectures.
   * The figures gone are sorted into their slots by counting: first[s] is
   * where slot s starts in gone[], which keeps @before's order in a slot. */
  first = g_new0 (guint, n_after + 2);
  gone = g_new (guint, MAX (n_before, 1));
  for (guint i = 0; i < n_before; i++)
    {
      int match = find_key (after, g_array_index (before->figures, SitroomBriefingFigure, i).key);

      if (match >= 0)
        anchor = match;
      else
        first[anchor + 2]++;
    }
  for (guint s = 1; s < n_after + 2; s++)
    first[s] += first[s - 1];
  anchor = -1;
  for (guint i = 0; i < n_before; i++)
    {
      int match = find_key (after, g_array_index (before->figures, SitroomBriefingFigure, i).key);

      if (match >= 0)
        anchor = match;
      else
        gone[first[anchor + 1]++] = i;
    }
  /* Each first[s] has moved to the start of slot s + 1: the end of slot s. */

  for (guint s = 0, g = 0; s < n_after + 1; s++)
    {
      if (s > 0)
        {
          const SitroomBriefingFigure *now = &g_array_index (after->figures, SitroomBriefingFigure, s - 1);
          int was = find_key (before, now->key);

          append_change (changes, was >= 0 ? &g_array_index (before->figures, SitroomBriefingFigure, was) : NULL,
                         now);
        }
      for (; g < first[s]; g++)
        append_change (changes, &g_array_index (before->figures, SitroomBriefingFigure, gone[g]), NULL);
    }

  return changes;
}

GArray *
sitroom_briefing_figures_errata (SitroomBriefingFigures *issued,
                                 SitroomBriefingFigures *now)
{
  GArray *changes;

  g_return_val_if_fail (issued != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  changes = changes_new ();
  for (guint i = 0; i < issued->figures->len; i++)
    {
      const SitroomBriefingFigure *stated = &g_array_index (issued->figures, SitroomBriefingFigure, i);
      int index = find_key (now, stated->key);
      const SitroomBriefingFigure *current = index >= 0 ? &g_array_index (now->figures, SitroomBriefingFigure, index)
                                                        : NULL;

      /* A figure gone from the document now is 0 (a prefecture whose
       * positives were all withdrawn), which differs from any stated
       * number but 0. */
      if (current != NULL ? current->value == stated->value : stated->value == 0)
        continue;
      append_change (changes, stated, current);
    }
  return changes;
}
