/* A situation at a cutoff: the figures every screen, export and summary reads. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-view.h"

#define DAY_SECONDS (24 * 3600)

struct _SitroomView
{
  GObject parent_instance;

  SitroomSituation *situation;
  gint64 cutoff;
  int prefecture_filter;
  int chain_filter;

  SitroomCounts totals;
  GArray *prefectures;      /* SitroomPrefectureFigures */
  GArray *chains;           /* SitroomChainFigures */
  GArray *chain_regions;    /* int, the storage behind each chain's regions */
  GArray *measures;         /* int */
  int *figures_of_region;   /* region index -> index in prefectures, or -1 */
  guint n_active_chains;
  guint n_affected;
  gint64 close_contacts;
  gint64 secondary_contacts;
};

G_DEFINE_FINAL_TYPE (SitroomView, sitroom_view, G_TYPE_OBJECT)

static void
sitroom_view_finalize (GObject *object)
{
  SitroomView *self = SITROOM_VIEW (object);

  g_clear_object (&self->situation);
  g_clear_pointer (&self->prefectures, g_array_unref);
  g_clear_pointer (&self->chains, g_array_unref);
  g_clear_pointer (&self->chain_regions, g_array_unref);
  g_clear_pointer (&self->measures, g_array_unref);
  g_clear_pointer (&self->figures_of_region, g_free);

  G_OBJECT_CLASS (sitroom_view_parent_class)->finalize (object);
}

static void
sitroom_view_class_init (SitroomViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sitroom_view_finalize;
}

static void
sitroom_view_init (SitroomView *self)
{
  self->prefectures = g_array_new (FALSE, TRUE, sizeof (SitroomPrefectureFigures));
  self->chains = g_array_new (FALSE, TRUE, sizeof (SitroomChainFigures));
  self->chain_regions = g_array_new (FALSE, FALSE, sizeof (int));
  self->measures = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
counts_add (SitroomCounts     *counts,
            const SitroomCase *c,
            gboolean           recent)
{
  g_assert (c->classification < SITROOM_N_CLASSES);

  counts->positives++;
  counts->by_class[c->classification]++;
  if (sitroom_classification_is_confirmed (c->classification))
    counts->confirmed++;
  else
    counts->asymptomatic++;
  if (recent)
    counts->new_24h++;
}

static gboolean
case_passes (SitroomView       *self,
             const SitroomCase *c,
             int                prefecture)
{
  if (self->prefecture_filter >= 0 && prefecture != self->prefecture_filter)
    return FALSE;
  if (self->chain_filter >= 0 && c->chain != self->chain_filter)
    return FALSE;
  return TRUE;
}

/* The table lists every prefecture of the province the application knows, and
 * those a feed adds only where something happens in them: a province across the
 * country named for one event is no row of the table. */
static void
build_prefecture_rows (SitroomView *self,
                       const int   *prefectures,
                       guint        n_prefectures,
                       const guint *n_cases_of_region)
{
  SitroomSituation *situation = self->situation;
  guint n_sites = sitroom_situation_get_n_sites (situation);
  g_autofree gboolean *has_site = g_new0 (gboolean, sitroom_situation_get_n_regions (situation));

  for (guint i = 0; i < n_sites; i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, site->region);

      if (region->prefecture >= 0)
        has_site[region->prefecture] = TRUE;
    }

  for (guint i = 0; i < n_prefectures; i++)
    {
      const SitroomRegion *region = sitroom_situation_get_region (situation, prefectures[i]);
      SitroomPrefectureFigures row = { .region = prefectures[i] };

      if (region->from_feed && n_cases_of_region[prefectures[i]] == 0 && !has_site[prefectures[i]])
        continue;

      self->figures_of_region[prefectures[i]] = self->prefectures->len;
      g_array_append_val (self->prefectures, row);
    }

  for (guint i = 0; i < n_sites; i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, site->region);
      SitroomPrefectureFigures *row;

      /* Home quarantine has no beds to run out of. */
      if (site->kind != SITROOM_SITE_CENTRALIZED || region->prefecture < 0)
        continue;
      if (self->figures_of_region[region->prefecture] < 0)
        continue;

      row = &g_array_index (self->prefectures, SitroomPrefectureFigures,
                            self->figures_of_region[region->prefecture]);
      row->capacity += site->capacity;
      row->occupied += site->occupied;
      row->n_sites++;
      if (site->occupied > site->capacity)
        row->n_overfull++;
    }
}

static int
compare_region_codes (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  SitroomSituation *situation = user_data;
  const SitroomRegion *ra = sitroom_situation_get_region (situation, *(const int *) a);
  const SitroomRegion *rb = sitroom_situation_get_region (situation, *(const int *) b);

  return strcmp (ra->code, rb->code);
}

/* The rule of sitroom-chains.h: a chain starts at its first report, or
 * at a case of it; its events, however early, do not start it. */
static gboolean
chain_started (const SitroomChain *chain,
               gint64              cutoff,
               gboolean            has_case)
{
  if (has_case)
    return TRUE;
  return chain->first_reported != SITROOM_TIME_NONE && chain->first_reported <= cutoff;
}

static void
build_chain_rows (SitroomView *self,
                  guint        n_counted)
{
  SitroomSituation *situation = self->situation;
  guint n_chains = sitroom_situation_get_n_chains (situation);
  guint n_regions = sitroom_situation_get_n_regions (situation);
  g_autofree guint *offsets = NULL;
  g_autofree guint8 *seen = NULL;
  g_autofree guint8 *has_case = NULL;

  g_array_set_size (self->chains, n_chains);
  for (guint i = 0; i < n_chains; i++)
    {
      SitroomChainFigures *row = &g_array_index (self->chains, SitroomChainFigures, i);

      row->chain = i;
      row->last_case = SITROOM_TIME_NONE;
    }

  /* One bit per (chain, region) would be smaller; a byte per pair is simpler and
   * chains times regions stays small (hundreds of chains, a few hundred regions). */
  seen = g_new0 (guint8, (gsize) MAX (n_chains, 1) * MAX (n_regions, 1));
  /* Whether a chain started is the chain's, whatever the filters count. */
  has_case = g_new0 (guint8, MAX (n_chains, 1));

  for (guint i = 0; i < n_counted; i++)
    {
      const SitroomCase *c = sitroom_situation_get_case (situation, i);
      int prefecture = sitroom_situation_get_region (situation, c->region)->prefecture;
      SitroomChainFigures *row;

      if (c->chain < 0)
        continue;
      has_case[c->chain] = 1;
      if (!case_passes (self, c, prefecture))
        continue;

      row = &g_array_index (self->chains, SitroomChainFigures, c->chain);
      counts_add (&row->counts, c, c->reported_at > self->cutoff - DAY_SECONDS);
      row->last_case = MAX (row->last_case, c->reported_at);
      if (prefecture >= 0)
        seen[(gsize) c->chain * n_regions + prefecture] = 1;
    }

  offsets = g_new0 (guint, n_chains + 1);
  for (guint i = 0; i < n_chains; i++)
    {
      offsets[i] = self->chain_regions->len;
      for (guint r = 0; r < n_regions; r++)
        if (seen[(gsize) i * n_regions + r])
          {
            int region = r;
            g_array_append_val (self->chain_regions, region);
          }
    }
  offsets[n_chains] = self->chain_regions->len;

  /* The storage is complete now, so pointers into it stay valid. */
  for (guint i = 0; i < n_chains; i++)
    {
      SitroomChainFigures *row = &g_array_index (self->chains, SitroomChainFigures, i);
      const SitroomChain *chain = sitroom_situation_get_chain (situation, i);
      gboolean in_view;

      row->n_regions = offsets[i + 1] - offsets[i];
      row->regions = row->n_regions > 0 ? &g_array_index (self->chain_regions, int, offsets[i]) : NULL;
      if (row->n_regions > 1)
        g_qsort_with_data ((gpointer) row->regions, row->n_regions, sizeof (int),
                           compare_region_codes, situation);

      row->started = chain_started (chain, self->cutoff, has_case[i]);

      if (self->chain_filter >= 0)
        in_view = (int) i == self->chain_filter;
      else if (self->prefecture_filter >= 0)
        in_view = row->counts.positives > 0;
      else
        in_view = TRUE;

      if (row->started && in_view)
        {
          self->n_active_chains++;
          /* A chain whose contacts are not given adds nothing, rather than a guess. */
          self->close_contacts += MAX (chain->close_contacts, 0);
          self->secondary_contacts += MAX (chain->secondary_contacts, 0);
        }
    }
}

static void
build_measures (SitroomView *self)
{
  SitroomSituation *situation = self->situation;
  guint n = sitroom_situation_get_n_measures (situation);

  for (guint i = 0; i < n; i++)
    {
      const SitroomMeasure *m = sitroom_situation_get_measure (situation, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, m->region);
      int index = i;

      if (m->from > self->cutoff)
        continue;
      if (m->until != SITROOM_TIME_NONE && m->until <= self->cutoff)
        continue;
      /* A province-wide measure applies inside every prefecture too. */
      if (self->prefecture_filter >= 0 && region->prefecture != self->prefecture_filter &&
          region->level != SITROOM_LEVEL_PROVINCE)
        continue;

      g_array_append_val (self->measures, index);
    }
}

static void
sitroom_view_compute (SitroomView *self)
{
  SitroomSituation *situation = self->situation;
  guint n_regions = sitroom_situation_get_n_regions (situation);
  guint n_counted = sitroom_situation_count_cases_until (situation, self->cutoff);
  guint n_prefectures = 0;
  const int *prefectures = sitroom_situation_get_prefectures (situation, &n_prefectures);
  g_autofree guint *n_cases_of_region = g_new0 (guint, MAX (n_regions, 1));

  self->figures_of_region = g_new (int, MAX (n_regions, 1));
  for (guint i = 0; i < n_regions; i++)
    self->figures_of_region[i] = -1;

  for (guint i = 0; i < n_counted; i++)
    {
      const SitroomCase *c = sitroom_situation_get_case (situation, i);
      int prefecture = sitroom_situation_get_region (situation, c->region)->prefecture;

      if (prefecture >= 0)
        n_cases_of_region[prefecture]++;
    }

  build_prefecture_rows (self, prefectures, n_prefectures, n_cases_of_region);

  for (guint i = 0; i < n_counted; i++)
    {
      const SitroomCase *c = sitroom_situation_get_case (situation, i);
      int prefecture = sitroom_situation_get_region (situation, c->region)->prefecture;
      gboolean recent = c->reported_at > self->cutoff - DAY_SECONDS;

      if (!case_passes (self, c, prefecture))
        continue;

      counts_add (&self->totals, c, recent);
      if (prefecture >= 0 && self->figures_of_region[prefecture] >= 0)
        {
          SitroomPrefectureFigures *row = &g_array_index (self->prefectures, SitroomPrefectureFigures,
                                                          self->figures_of_region[prefecture]);
          if (row->counts.positives == 0)
            self->n_affected++;
          counts_add (&row->counts, c, recent);
        }
    }

  build_chain_rows (self, n_counted);
  build_measures (self);
}

SitroomView *
sitroom_view_new (SitroomSituation *situation,
                  gint64            cutoff,
                  int               prefecture,
                  int               chain)
{
  SitroomView *self;

  g_return_val_if_fail (SITROOM_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (prefecture < (int) sitroom_situation_get_n_regions (situation), NULL);
  g_return_val_if_fail (chain < (int) sitroom_situation_get_n_chains (situation), NULL);

  self = g_object_new (SITROOM_TYPE_VIEW, NULL);
  self->situation = g_object_ref (situation);
  self->cutoff = cutoff;
  self->prefecture_filter = prefecture < 0 ? -1 : prefecture;
  self->chain_filter = chain < 0 ? -1 : chain;
  sitroom_view_compute (self);

  return self;
}

SitroomSituation *
sitroom_view_get_situation (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), NULL);
  return self->situation;
}

gint64
sitroom_view_get_cutoff (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), 0);
  return self->cutoff;
}

int
sitroom_view_get_prefecture_filter (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), -1);
  return self->prefecture_filter;
}

int
sitroom_view_get_chain_filter (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), -1);
  return self->chain_filter;
}

const SitroomCounts *
sitroom_view_get_totals (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), NULL);
  return &self->totals;
}

guint
sitroom_view_get_n_prefectures (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), 0);
  return self->prefectures->len;
}

const SitroomPrefectureFigures *
sitroom_view_get_prefecture (SitroomView *self,
                             guint        index)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->prefectures->len, NULL);
  return &g_array_index (self->prefectures, SitroomPrefectureFigures, index);
}

const SitroomPrefectureFigures *
sitroom_view_lookup_prefecture (SitroomView *self,
                                int          region)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), NULL);

  if (region < 0 || region >= (int) sitroom_situation_get_n_regions (self->situation))
    return NULL;
  if (self->figures_of_region[region] < 0)
    return NULL;
  return &g_array_index (self->prefectures, SitroomPrefectureFigures, self->figures_of_region[region]);
}

guint
sitroom_view_get_n_chains (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), 0);
  return self->chains->len;
}

const SitroomChainFigures *
sitroom_view_get_chain (SitroomView *self,
                        guint        index)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->chains->len, NULL);
  return &g_array_index (self->chains, SitroomChainFigures, index);
}

guint
sitroom_view_get_n_active_chains (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), 0);
  return self->n_active_chains;
}

guint
sitroom_view_get_n_affected_prefectures (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), 0);
  return self->n_affected;
}

gint64
sitroom_view_get_close_contacts (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), 0);
  return self->close_contacts;
}

gint64
sitroom_view_get_secondary_contacts (SitroomView *self)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), 0);
  return self->secondary_contacts;
}

const int *
sitroom_view_get_measures_in_force (SitroomView *self,
                                    guint       *n_measures)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (self), NULL);
  g_return_val_if_fail (n_measures != NULL, NULL);

  *n_measures = self->measures->len;
  return (const int *) (gpointer) self->measures->data;
}
