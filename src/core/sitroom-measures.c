/* Measures at a cutoff: which have begun, which are in force, how long so far, and which concern a region or a chain. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-chains.h"
#include "sitroom-measures.h"

#define DAY_SECONDS (24 * 3600)
#define HOUR_SECONDS 3600

const char *
sitroom_measure_status_to_string (SitroomMeasureStatus status)
{
  switch (status)
    {
    case SITROOM_MEASURE_SCHEDULED:
      return "scheduled";
    case SITROOM_MEASURE_IN_FORCE:
      return "in-force";
    case SITROOM_MEASURE_ENDED:
      return "ended";
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

/* @to - @from, never negative, and without overflow when the cutoff is far
 * from the measure's times (a cutoff of G_MAXINT64 means "everything"). */
static gint64
seconds_between (gint64 from,
                 gint64 to)
{
  guint64 elapsed;

  if (to <= from)
    return 0;
  elapsed = (guint64) to - (guint64) from;
  return elapsed > (guint64) G_MAXINT64 ? G_MAXINT64 : (gint64) elapsed;
}

static void
get_state (SitroomSituation    *situation,
           gint64               cutoff,
           int                  measure,
           SitroomMeasureState *state)
{
  const SitroomMeasure *m = sitroom_situation_get_measure (situation, measure);

  g_assert (state != NULL);

  state->measure = measure;
  if (m->from > cutoff)
    {
      state->status = SITROOM_MEASURE_SCHEDULED;
      state->in_force_for = 0;
    }
  /* A measure lifted at the cutoff is no longer in force then, as in
   * sitroom_view_get_measures_in_force(). */
  else if (m->until != SITROOM_TIME_NONE && m->until <= cutoff)
    {
      state->status = SITROOM_MEASURE_ENDED;
      state->in_force_for = seconds_between (m->from, m->until);
    }
  else
    {
      state->status = SITROOM_MEASURE_IN_FORCE;
      state->in_force_for = seconds_between (m->from, cutoff);
    }
}

void
sitroom_measure_get_state (SitroomView         *view,
                           int                  measure,
                           SitroomMeasureState *state)
{
  SitroomSituation *situation;

  g_return_if_fail (SITROOM_IS_VIEW (view));
  g_return_if_fail (state != NULL);

  situation = sitroom_view_get_situation (view);
  g_return_if_fail (measure >= 0 && (guint) measure < sitroom_situation_get_n_measures (situation));

  get_state (situation, sitroom_view_get_cutoff (view), measure, state);
}

void
sitroom_measure_split_duration (gint64  seconds,
                                gint64 *days,
                                int    *hours)
{
  g_return_if_fail (days != NULL);
  g_return_if_fail (hours != NULL);

  seconds = MAX (seconds, 0);
  *days = seconds / DAY_SECONDS;
  *hours = (int) (seconds % DAY_SECONDS / HOUR_SECONDS);
}

/* TRUE when @inner lies inside @outer: @outer is among its parents. */
static gboolean
region_within (SitroomSituation *situation,
               int               inner,
               int               outer)
{
  guint n_regions = sitroom_situation_get_n_regions (situation);
  int region = inner;

  g_assert (inner >= 0 && outer >= 0);

  /* An accepted document has no cycle of parents; the bound only keeps a
   * walk finite whatever the table holds. */
  for (guint depth = 0; depth < n_regions; depth++)
    {
      const SitroomRegion *r = sitroom_situation_get_region (situation, region);

      if (r->parent == NULL)
        return FALSE;
      region = sitroom_situation_lookup_region (situation, r->parent);
      if (region < 0)
        return FALSE;
      if (region == outer)
        return TRUE;
    }
  return FALSE;
}

gboolean
sitroom_measure_concerns_region (SitroomSituation *situation,
                                 int               measure,
                                 int               region)
{
  const SitroomMeasure *m;

  g_return_val_if_fail (SITROOM_IS_SITUATION (situation), FALSE);
  g_return_val_if_fail (measure >= 0 && (guint) measure < sitroom_situation_get_n_measures (situation), FALSE);

  if (region < 0 || (guint) region >= sitroom_situation_get_n_regions (situation))
    return FALSE;

  m = sitroom_situation_get_measure (situation, measure);
  if (m->region < 0)
    return FALSE;

  return m->region == region ||
         region_within (situation, m->region, region) ||
         region_within (situation, region, m->region);
}

static int
status_rank (SitroomMeasureStatus status)
{
  switch (status)
    {
    case SITROOM_MEASURE_IN_FORCE:
      return 0;
    case SITROOM_MEASURE_ENDED:
      return 1;
    case SITROOM_MEASURE_SCHEDULED:
    default:
      return 2;
    }
}

/* In force, then ended, each latest first; then scheduled, soonest first;
 * ties in document order, so that the list is the same on every run. */
static int
compare_states (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  SitroomSituation *situation = user_data;
  const SitroomMeasureState *sa = a;
  const SitroomMeasureState *sb = b;
  gint64 from_a = sitroom_situation_get_measure (situation, sa->measure)->from;
  gint64 from_b = sitroom_situation_get_measure (situation, sb->measure)->from;
  int rank_a = status_rank (sa->status);
  int rank_b = status_rank (sb->status);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  if (from_a != from_b)
    {
      gboolean latest_first = sa->status != SITROOM_MEASURE_SCHEDULED;

      return (from_a > from_b) == latest_first ? -1 : 1;
    }
  return sa->measure < sb->measure ? -1 : sa->measure > sb->measure;
}

GArray *
sitroom_measures_list (SitroomView *view,
                       gboolean     include_scheduled)
{
  SitroomSituation *situation;
  gint64 cutoff;
  int prefecture;
  guint n;
  GArray *list;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  situation = sitroom_view_get_situation (view);
  cutoff = sitroom_view_get_cutoff (view);
  prefecture = sitroom_view_get_prefecture_filter (view);
  n = sitroom_situation_get_n_measures (situation);
  list = g_array_new (FALSE, FALSE, sizeof (SitroomMeasureState));

  for (guint i = 0; i < n; i++)
    {
      SitroomMeasureState state;

      /* The prefecture's own, its counties' and its province's: what
       * concerns it, and nothing of a neighbouring prefecture. */
      if (prefecture >= 0 && !sitroom_measure_concerns_region (situation, i, prefecture))
        continue;

      get_state (situation, cutoff, i, &state);
      if (state.status == SITROOM_MEASURE_SCHEDULED && !include_scheduled)
        continue;
      g_array_append_val (list, state);
    }

  g_array_sort_with_data (list, compare_states, situation);
  return list;
}

/* Marks @region as a place of the chain. */
static void
add_place (gboolean         *places,
           SitroomSituation *situation,
           int               region)
{
  if (region >= 0 && (guint) region < sitroom_situation_get_n_regions (situation))
    places[region] = TRUE;
}

/* Whether measure @measure concerns a chain that was at @place. A place
 * at the level of a province (an announcement "in Shanxi", a case placed
 * at no prefecture) says nothing of where in it the chain went: it takes
 * the province's own measures, not those of every county inside. */
static gboolean
concerns_place (SitroomSituation *situation,
                int               measure,
                int               place)
{
  const SitroomMeasure *m = sitroom_situation_get_measure (situation, measure);
  const SitroomRegion *region = sitroom_situation_get_region (situation, place);

  if (region->level == SITROOM_LEVEL_PROVINCE)
    return m->region == place || (m->region >= 0 && region_within (situation, place, m->region));
  return sitroom_measure_concerns_region (situation, measure, place);
}

GArray *
sitroom_measures_for_chain (SitroomView *view,
                            int          chain)
{
  SitroomSituation *situation;
  const SitroomChain *c;
  gint64 cutoff;
  guint n_regions;
  guint n_measures;
  g_autofree gboolean *places = NULL;
  g_autoptr(GArray) cases = NULL;
  GArray *list;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (chain >= 0 && (guint) chain < sitroom_view_get_n_chains (view), NULL);

  situation = sitroom_view_get_situation (view);
  cutoff = sitroom_view_get_cutoff (view);
  n_regions = sitroom_situation_get_n_regions (situation);
  n_measures = sitroom_situation_get_n_measures (situation);
  list = g_array_new (FALSE, FALSE, sizeof (SitroomMeasureState));

  /* As its story: nothing of a chain not yet reported at the cutoff, even
   * of events later dated back before it. */
  if (sitroom_chain_get_status (view, chain, SITROOM_CHAIN_DEFAULT_CLOSE_DAYS) == SITROOM_CHAIN_NOT_STARTED)
    return list;

  c = sitroom_situation_get_chain (situation, chain);
  places = g_new0 (gboolean, MAX (n_regions, 1));
  for (guint e = 0; e < c->n_events && c->events[e].at <= cutoff; e++)
    add_place (places, situation, c->events[e].region);

  cases = sitroom_chain_get_cases (view, chain);
  for (guint i = 0; i < cases->len; i++)
    add_place (places, situation, sitroom_situation_get_case (situation, g_array_index (cases, int, i))->region);

  for (guint i = 0; i < n_measures; i++)
    {
      SitroomMeasureState state;

      get_state (situation, cutoff, i, &state);
      if (state.status == SITROOM_MEASURE_SCHEDULED)
        continue;

      for (guint r = 0; r < n_regions; r++)
        if (places[r] && concerns_place (situation, i, r))
          {
            g_array_append_val (list, state);
            break;
          }
    }

  g_array_sort_with_data (list, compare_states, situation);
  return list;
}
