/* What the map colours and marks: a metric per prefecture, the counties to mark, a chain's route. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-metric.h"

#define DAY_SECONDS (24 * 3600)

typedef struct {
  const char *id;
  const char *zh;
  const char *en;
} MetricName;

/* Indexed by SitroomMetric. */
static const MetricName metric_names[SITROOM_N_METRICS] = {
  { "positives",     "阳性感染者",     "Positives" },
  { "new-24h",       "近24小时新增",   "New in 24 h" },
  { "confirmed",     "确诊病例",       "Confirmed" },
  { "asymptomatic",  "无症状感染者",   "Asymptomatic" },
  { "active-chains", "活跃感染链条",   "Active chains" },
  { "occupancy",     "集中隔离占用率", "Quarantine occupancy" },
};

const char *
sitroom_metric_to_string (SitroomMetric metric)
{
  g_return_val_if_fail (metric < SITROOM_N_METRICS, NULL);
  return metric_names[metric].id;
}

gboolean
sitroom_metric_from_string (const char    *text,
                            SitroomMetric *metric)
{
  g_return_val_if_fail (metric != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < SITROOM_N_METRICS; i++)
    if (strcmp (text, metric_names[i].id) == 0)
      {
        *metric = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sitroom_metric_get_title (SitroomMetric  metric,
                          const char    *lang)
{
  g_return_val_if_fail (metric < SITROOM_N_METRICS, NULL);

  if (lang != NULL && g_str_has_prefix (lang, "zh"))
    return metric_names[metric].zh;
  return metric_names[metric].en;
}

gboolean
sitroom_metric_is_percentage (SitroomMetric metric)
{
  return metric == SITROOM_METRIC_OCCUPANCY;
}

/* The view's chain figures already count only the cases its filters let
 * through, so a chain active "there" agrees with the table's figures. */
static guint
count_active_chains (SitroomView *view,
                     int          region)
{
  gint64 since = sitroom_view_get_cutoff (view) - (gint64) SITROOM_METRIC_ACTIVE_DAYS * DAY_SECONDS;
  guint n_chains = sitroom_view_get_n_chains (view);
  guint n_active = 0;

  for (guint i = 0; i < n_chains; i++)
    {
      const SitroomChainFigures *row = sitroom_view_get_chain (view, i);

      if (row->last_case == SITROOM_TIME_NONE || row->last_case <= since)
        continue;
      for (guint r = 0; r < row->n_regions; r++)
        if (row->regions[r] == region)
          {
            n_active++;
            break;
          }
    }

  return n_active;
}

gboolean
sitroom_metric_get_value (SitroomView   *view,
                          SitroomMetric  metric,
                          int            region,
                          double        *value)
{
  const SitroomPrefectureFigures *row;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (metric < SITROOM_N_METRICS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  row = sitroom_view_lookup_prefecture (view, region);
  if (row == NULL)
    return FALSE;

  switch (metric)
    {
    case SITROOM_METRIC_POSITIVES:
      *value = row->counts.positives;
      return TRUE;
    case SITROOM_METRIC_NEW_24H:
      *value = row->counts.new_24h;
      return TRUE;
    case SITROOM_METRIC_CONFIRMED:
      *value = row->counts.confirmed;
      return TRUE;
    case SITROOM_METRIC_ASYMPTOMATIC:
      *value = row->counts.asymptomatic;
      return TRUE;
    case SITROOM_METRIC_ACTIVE_CHAINS:
      *value = count_active_chains (view, region);
      return TRUE;
    case SITROOM_METRIC_OCCUPANCY:
      /* A site with no beds is no 0 % and no infinity: no value at all. */
      if (row->n_sites == 0 || row->capacity <= 0)
        return FALSE;
      *value = 100.0 * (double) row->occupied / (double) row->capacity;
      return TRUE;
    case SITROOM_N_METRICS:
    default:
      break;
    }

  g_assert_not_reached ();
  return FALSE;
}

gboolean
sitroom_metric_measure_hatches (SitroomMeasureKind kind)
{
  g_return_val_if_fail (kind < SITROOM_N_MEASURE_KINDS, FALSE);

  /* "other" is left out: in practice it is an entry rule or a notice over a
   * whole city or the province, which would hatch most of the map and say
   * nothing about where movement is restricted. The region panel lists it. */
  return kind == SITROOM_MEASURE_STATIC_MANAGEMENT ||
         kind == SITROOM_MEASURE_TRAFFIC_CONTROL ||
         kind == SITROOM_MEASURE_MASS_TESTING;
}

/* The county a case or measure is marked at: itself, or the county above a
 * township (the map has a marker per county, none per township). -1 for a
 * prefecture, a province, or a township with no county above it. */
static int
county_of (SitroomSituation *situation,
           int               region)
{
  /* Township parents are one or two levels deep; the bound only guards
   * against a cycle in a feed's declarations. */
  for (guint depth = 0; depth < 8 && region >= 0; depth++)
    {
      const SitroomRegion *r = sitroom_situation_get_region (situation, region);

      if (r->level == SITROOM_LEVEL_COUNTY)
        return region;
      if (r->level != SITROOM_LEVEL_TOWNSHIP || r->parent == NULL)
        return -1;
      region = sitroom_situation_lookup_region (situation, r->parent);
    }
  return -1;
}

static int
compare_marks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SitroomSituation *situation = user_data;
  const SitroomCountyMark *ma = a;
  const SitroomCountyMark *mb = b;

  return strcmp (sitroom_situation_get_region (situation, ma->region)->code,
                 sitroom_situation_get_region (situation, mb->region)->code);
}

GArray *
sitroom_metric_get_county_marks (SitroomView *view)
{
  SitroomSituation *situation;
  gint64 cutoff;
  guint n_regions;
  guint n_counted;
  guint n_measures = 0;
  const int *measures;
  int prefecture_filter;
  int chain_filter;
  g_autofree SitroomCountyMark *by_region = NULL;
  GArray *marks;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  situation = sitroom_view_get_situation (view);
  cutoff = sitroom_view_get_cutoff (view);
  n_regions = sitroom_situation_get_n_regions (situation);
  n_counted = sitroom_situation_count_cases_until (situation, cutoff);
  measures = sitroom_view_get_measures_in_force (view, &n_measures);
  prefecture_filter = sitroom_view_get_prefecture_filter (view);
  chain_filter = sitroom_view_get_chain_filter (view);
  by_region = g_new0 (SitroomCountyMark, MAX (n_regions, 1));
  marks = g_array_new (FALSE, FALSE, sizeof (SitroomCountyMark));

  for (guint i = 0; i < n_regions; i++)
    by_region[i].region = -1;

  /* The same cases SitroomView counts: reported by the cutoff, through its filters. */
  for (guint i = 0; i < n_counted; i++)
    {
      const SitroomCase *c = sitroom_situation_get_case (situation, i);
      int prefecture = sitroom_situation_get_region (situation, c->region)->prefecture;
      int county;

      if (prefecture_filter >= 0 && prefecture != prefecture_filter)
        continue;
      if (chain_filter >= 0 && c->chain != chain_filter)
        continue;
      county = county_of (situation, c->region);
      if (county < 0)
        continue;

      by_region[county].region = county;
      by_region[county].positives++;
      if (c->reported_at > cutoff - DAY_SECONDS)
        by_region[county].new_24h++;
    }

  for (guint i = 0; i < n_measures; i++)
    {
      const SitroomMeasure *m = sitroom_situation_get_measure (situation, measures[i]);
      int county = county_of (situation, m->region);

      if (county < 0)
        continue;

      by_region[county].region = county;
      by_region[county].n_measures++;
      if (m->kind == SITROOM_MEASURE_STATIC_MANAGEMENT)
        by_region[county].static_management = TRUE;
      if (sitroom_metric_measure_hatches (m->kind))
        by_region[county].hatched = TRUE;
    }

  for (guint i = 0; i < n_regions; i++)
    if (by_region[i].region >= 0)
      g_array_append_val (marks, by_region[i]);

  /* Feed regions come after the built-in ones, so index order is not code order. */
  g_array_sort_with_data (marks, compare_marks, situation);

  return marks;
}

/* The first two digits of the built-in province's code ("14"): codes are
 * GB/T 2260, so every region inside it starts with them. */
static gboolean
builtin_province_prefix (SitroomSituation *situation,
                         char              prefix[3])
{
  guint n_regions = sitroom_situation_get_n_regions (situation);

  for (guint i = 0; i < n_regions; i++)
    {
      const SitroomRegion *r = sitroom_situation_get_region (situation, i);

      if (!r->from_feed && r->level == SITROOM_LEVEL_PROVINCE && strlen (r->code) >= 2)
        {
          prefix[0] = r->code[0];
          prefix[1] = r->code[1];
          prefix[2] = '\0';
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_stop (GArray           *route,
          guint8           *seen,
          SitroomSituation *situation,
          const char       *prefix,
          int               region,
          gint64            at)
{
  const SitroomRegion *r;
  SitroomRouteStop stop;

  if (region < 0 || seen[region])
    return;

  r = sitroom_situation_get_region (situation, region);
  stop.region = region;
  stop.first_at = at;
  stop.outside = prefix[0] != '\0' && !g_str_has_prefix (r->code, prefix);

  /* The province the map shows is where everything happens, not a place on the way. */
  if (r->level == SITROOM_LEVEL_PROVINCE && !stop.outside)
    return;

  seen[region] = 1;
  g_array_append_val (route, stop);
}

GArray *
sitroom_metric_get_chain_route (SitroomView *view,
                                int          chain)
{
  SitroomSituation *situation;
  const SitroomChain *c;
  gint64 cutoff;
  guint n_counted;
  guint e = 0;
  guint k = 0;
  char prefix[3] = "";
  g_autofree guint8 *seen = NULL;
  GArray *route;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (chain >= 0 && chain < (int) sitroom_view_get_n_chains (view), NULL);

  route = g_array_new (FALSE, FALSE, sizeof (SitroomRouteStop));
  situation = sitroom_view_get_situation (view);
  cutoff = sitroom_view_get_cutoff (view);

  /* A chain not yet reported at the cutoff has no route, even if its
   * events were later dated back before it: replaying a past cutoff shows
   * what was known then. */
  if (!sitroom_view_get_chain (view, chain)->started)
    return route;

  c = sitroom_situation_get_chain (situation, chain);
  n_counted = sitroom_situation_count_cases_until (situation, cutoff);
  seen = g_new0 (guint8, MAX (sitroom_situation_get_n_regions (situation), 1));
  builtin_province_prefix (situation, prefix);

  /* Events and cases are each sorted by time: merge them, an event first
   * among equals, as the chain's story tells it. The view's filters narrow
   * what is counted, not where the chain went, so every case of the chain
   * is a place. */
  while (TRUE)
    {
      const SitroomEvent *event = NULL;
      const SitroomCase *kase = NULL;

      if (e < c->n_events && c->events[e].at <= cutoff)
        event = &c->events[e];
      while (k < n_counted && sitroom_situation_get_case (situation, k)->chain != chain)
        k++;
      if (k < n_counted)
        kase = sitroom_situation_get_case (situation, k);

      if (event == NULL && kase == NULL)
        break;

      if (event != NULL && (kase == NULL || event->at <= kase->reported_at))
        {
          add_stop (route, seen, situation, prefix, event->region, event->at);
          e++;
        }
      else
        {
          add_stop (route, seen, situation, prefix, kase->region, kase->reported_at);
          k++;
        }
    }

  return route;
}
