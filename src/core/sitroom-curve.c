/* The epidemic curve: the view's counted cases by China Standard Time day, stacked by prefecture or chain. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-curve.h"
#include "sitroom-time.h"

#define DAY_SECONDS (24 * 3600)
#define MEAN_DAYS 7

/* One group's counts on one day. Most groups have no case on most days,
 * so only the cells that have one are kept. */
typedef struct {
  guint group;
  guint confirmed;
  guint asymptomatic;
} Cell;

struct _SitroomCurve
{
  SitroomCurveGrouping grouping;
  gint64 first_day;       /* CST day number of days[0] */
  GArray *days;           /* SitroomCurveDay */
  GArray *groups;         /* int */
  GArray *cells;          /* Cell, by day, then by group */
  GArray *day_cells;      /* guint, n_days + 1: where each day's cells start */
  guint max;
};

typedef struct {
  SitroomSituation *situation;
  int prefecture_filter;
  int chain_filter;
} Filter;

static gboolean
filter_passes (const Filter      *filter,
               const SitroomCase *kase)
{
  g_assert (filter != NULL);

  if (filter->prefecture_filter >= 0 &&
      sitroom_situation_get_region (filter->situation, kase->region)->prefecture != filter->prefecture_filter)
    return FALSE;
  if (filter->chain_filter >= 0 && kase->chain != filter->chain_filter)
    return FALSE;
  return TRUE;
}

/* The key a case is stacked under: its prefecture or its chain, -1 for none. */
static int
case_key (SitroomCurve      *curve,
          SitroomSituation  *situation,
          const SitroomCase *kase)
{
  if (curve->grouping == SITROOM_CURVE_BY_PREFECTURE)
    return sitroom_situation_get_region (situation, kase->region)->prefecture;
  return kase->chain;
}

/* Which keys have cases in the curve's days, then the groups in their
 * order: prefectures by code, chains in document order, "none" last.
 * Fills @group_of_key (indexed by key + 1) with each key's group. */
static void
build_groups (SitroomCurve     *curve,
              SitroomSituation *situation,
              const Filter     *filter,
              guint             first_case,
              guint             n_counted,
              int              *group_of_key,
              guint             n_keys)
{
  g_autofree gboolean *present = g_new0 (gboolean, n_keys);
  int none = -1;

  for (guint i = first_case; i < n_counted; i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (situation, i);

      if (filter_passes (filter, kase))
        present[case_key (curve, situation, kase) + 1] = TRUE;
    }

  if (curve->grouping == SITROOM_CURVE_BY_PREFECTURE)
    {
      guint n_prefectures = 0;
      const int *prefectures = sitroom_situation_get_prefectures (situation, &n_prefectures);

      for (guint i = 0; i < n_prefectures; i++)
        if (present[prefectures[i] + 1])
          g_array_append_val (curve->groups, prefectures[i]);
    }
  else
    {
      for (int i = 0; i + 1 < (int) n_keys; i++)
        if (present[i + 1])
          g_array_append_val (curve->groups, i);
    }
  if (present[0])
    g_array_append_val (curve->groups, none);

  for (guint g = 0; g < curve->groups->len; g++)
    group_of_key[g_array_index (curve->groups, int, g) + 1] = g;
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Writes the cells of the day just counted, in group order, and clears
 * the scratch counts for the next day. */
static void
flush_day (SitroomCurve *curve,
           Cell         *scratch,
           GArray       *touched)
{
  g_array_sort (touched, compare_uints);
  for (guint i = 0; i < touched->len; i++)
    {
      guint group = g_array_index (touched, guint, i);

      g_array_append_val (curve->cells, scratch[group]);
      memset (&scratch[group], 0, sizeof (Cell));
    }
  g_array_set_size (touched, 0);
}

SitroomCurve *
sitroom_curve_new (SitroomView          *view,
                   SitroomCurveGrouping  grouping)
{
  SitroomSituation *situation;
  SitroomCurve *curve;
  Filter filter;
  guint n_counted;
  guint first_case;
  gint64 last_day;
  guint n_days;
  guint n_keys;
  guint before[MEAN_DAYS - 1] = { 0 };
  g_autofree int *group_of_key = NULL;
  g_autofree Cell *scratch = NULL;
  g_autoptr(GArray) touched = NULL;
  guint current = 0;
  guint window = 0;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (grouping == SITROOM_CURVE_BY_PREFECTURE || grouping == SITROOM_CURVE_BY_CHAIN, NULL);

  situation = sitroom_view_get_situation (view);
  curve = g_new0 (SitroomCurve, 1);
  curve->grouping = grouping;
  curve->days = g_array_new (FALSE, TRUE, sizeof (SitroomCurveDay));
  curve->groups = g_array_new (FALSE, FALSE, sizeof (int));
  curve->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  curve->day_cells = g_array_new (FALSE, TRUE, sizeof (guint));

  filter.situation = situation;
  filter.prefecture_filter = sitroom_view_get_prefecture_filter (view);
  filter.chain_filter = sitroom_view_get_chain_filter (view);
  n_counted = sitroom_situation_count_cases_until (situation, sitroom_view_get_cutoff (view));

  for (first_case = 0; first_case < n_counted; first_case++)
    if (filter_passes (&filter, sitroom_situation_get_case (situation, first_case)))
      break;
  if (first_case == n_counted)
    {
      g_array_set_size (curve->day_cells, 1);
      return curve;
    }

  curve->first_day = sitroom_time_cst_day (sitroom_situation_get_case (situation, first_case)->reported_at);
  last_day = sitroom_time_cst_day (sitroom_view_get_cutoff (view));
  g_assert (last_day >= curve->first_day);

  /* A hostile document can spread its cases over millennia; the screen
   * wants the recent end, and the days before it still feed the mean. */
  if (last_day - curve->first_day >= SITROOM_CURVE_MAX_DAYS)
    curve->first_day = last_day - SITROOM_CURVE_MAX_DAYS + 1;
  n_days = last_day - curve->first_day + 1;

  g_array_set_size (curve->days, n_days);
  g_array_set_size (curve->day_cells, n_days + 1);
  for (guint d = 0; d < n_days; d++)
    g_array_index (curve->days, SitroomCurveDay, d).start =
      (curve->first_day + d) * DAY_SECONDS - SITROOM_CST_OFFSET;

  while (first_case < n_counted &&
         sitroom_time_cst_day (sitroom_situation_get_case (situation, first_case)->reported_at) < curve->first_day)
    {
      const SitroomCase *kase = sitroom_situation_get_case (situation, first_case);
      gint64 ago = curve->first_day - sitroom_time_cst_day (kase->reported_at);

      if (ago < MEAN_DAYS && filter_passes (&filter, kase))
        before[ago - 1]++;
      first_case++;
    }

  n_keys = (grouping == SITROOM_CURVE_BY_PREFECTURE
            ? sitroom_situation_get_n_regions (situation)
            : sitroom_situation_get_n_chains (situation)) + 1;
  group_of_key = g_new0 (int, n_keys);
  build_groups (curve, situation, &filter, first_case, n_counted, group_of_key, n_keys);

  scratch = g_new0 (Cell, MAX (curve->groups->len, 1));
  touched = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Cases are sorted by time, so days arrive in order: each day's cells
   * are complete when the next day starts. */
  for (guint i = first_case; i < n_counted; i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (situation, i);
      guint day;
      guint group;
      SitroomCurveDay *d;

      if (!filter_passes (&filter, kase))
        continue;

      day = sitroom_time_cst_day (kase->reported_at) - curve->first_day;
      g_assert (day < n_days && day >= current);
      if (day != current)
        {
          flush_day (curve, scratch, touched);
          for (guint skipped = current + 1; skipped <= day; skipped++)
            g_array_index (curve->day_cells, guint, skipped) = curve->cells->len;
          current = day;
        }

      group = group_of_key[case_key (curve, situation, kase) + 1];
      if (scratch[group].confirmed == 0 && scratch[group].asymptomatic == 0)
        {
          scratch[group].group = group;
          g_array_append_val (touched, group);
        }

      d = &g_array_index (curve->days, SitroomCurveDay, day);
      d->positives++;
      if (sitroom_classification_is_confirmed (kase->classification))
        {
          d->confirmed++;
          scratch[group].confirmed++;
        }
      else
        {
          d->asymptomatic++;
          scratch[group].asymptomatic++;
        }
    }
  flush_day (curve, scratch, touched);
  for (guint d = current + 1; d <= n_days; d++)
    g_array_index (curve->day_cells, guint, d) = curve->cells->len;

  for (guint i = 0; i < MEAN_DAYS - 1; i++)
    window += before[i];
  for (guint d = 0; d < n_days; d++)
    {
      SitroomCurveDay *day = &g_array_index (curve->days, SitroomCurveDay, d);

      /* The window holds the six days before @d; add @d, drop the seventh before. */
      window += day->positives;
      if (d >= MEAN_DAYS)
        window -= g_array_index (curve->days, SitroomCurveDay, d - MEAN_DAYS).positives;
      else if (d >= 1)
        window -= before[MEAN_DAYS - 1 - d];
      day->mean7 = (double) window / MEAN_DAYS;
      curve->max = MAX (curve->max, day->positives);
    }

  return curve;
}

void
sitroom_curve_free (SitroomCurve *curve)
{
  if (curve == NULL)
    return;

  g_array_unref (curve->days);
  g_array_unref (curve->groups);
  g_array_unref (curve->cells);
  g_array_unref (curve->day_cells);
  g_free (curve);
}

SitroomCurveGrouping
sitroom_curve_get_grouping (const SitroomCurve *curve)
{
  g_return_val_if_fail (curve != NULL, SITROOM_CURVE_BY_PREFECTURE);
  return curve->grouping;
}

guint
sitroom_curve_get_n_days (const SitroomCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0);
  return curve->days->len;
}

const SitroomCurveDay *
sitroom_curve_get_day (const SitroomCurve *curve,
                       guint               day)
{
  g_return_val_if_fail (curve != NULL, NULL);
  g_return_val_if_fail (day < curve->days->len, NULL);
  return &g_array_index (curve->days, SitroomCurveDay, day);
}

int
sitroom_curve_find_day (const SitroomCurve *curve,
                        gint64              time)
{
  gint64 day;

  g_return_val_if_fail (curve != NULL, -1);

  day = sitroom_time_cst_day (time) - curve->first_day;
  if (curve->days->len == 0 || day < 0 || day >= (gint64) curve->days->len)
    return -1;
  return day;
}

guint
sitroom_curve_get_n_groups (const SitroomCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0);
  return curve->groups->len;
}

int
sitroom_curve_get_group (const SitroomCurve *curve,
                         guint               group)
{
  g_return_val_if_fail (curve != NULL, -1);
  g_return_val_if_fail (group < curve->groups->len, -1);
  return g_array_index (curve->groups, int, group);
}

guint
sitroom_curve_get_count (const SitroomCurve *curve,
                         guint               day,
                         guint               group,
                         gboolean            asymptomatic)
{
  guint lo;
  guint hi;

  g_return_val_if_fail (curve != NULL, 0);
  g_return_val_if_fail (day < curve->days->len, 0);
  g_return_val_if_fail (group < curve->groups->len, 0);

  /* A day's cells are sorted by group. */
  lo = g_array_index (curve->day_cells, guint, day);
  hi = g_array_index (curve->day_cells, guint, day + 1);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Cell *cell = &g_array_index (curve->cells, Cell, mid);

      if (cell->group == group)
        return asymptomatic ? cell->asymptomatic : cell->confirmed;
      if (cell->group < group)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

guint
sitroom_curve_get_max (const SitroomCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0);
  return curve->max;
}
