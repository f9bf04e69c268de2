/* What the map colours and marks: a metric per prefecture, the counties to mark, a chain's route. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

typedef enum {
  SITROOM_METRIC_POSITIVES,      /* nucleic-acid positives at the cutoff */
  SITROOM_METRIC_NEW_24H,        /* positives reported in the 24 h up to the cutoff */
  SITROOM_METRIC_CONFIRMED,
  SITROOM_METRIC_ASYMPTOMATIC,
  SITROOM_METRIC_ACTIVE_CHAINS,  /* chains with a counted case there and one less than 14 days before the cutoff */
  SITROOM_METRIC_OCCUPANCY,      /* occupied / capacity of its centralized sites, in per cent */
  SITROOM_N_METRICS
} SitroomMetric;

/* A chain counts as active for SITROOM_METRIC_ACTIVE_CHAINS while its last
 * case is less than this long before the cutoff: the rule by which
 * sitroom_chain_get_status() closes a chain. */
#define SITROOM_METRIC_ACTIVE_DAYS 14

/* "positives", "new-24h", "confirmed", "asymptomatic", "active-chains",
 * "occupancy": the spellings of the setting and of --metric. */
const char *sitroom_metric_to_string      (SitroomMetric  metric);
gboolean    sitroom_metric_from_string    (const char    *text,
                                           SitroomMetric *metric);
/* The legend's title in @lang ("zh" or "en"; others fall back to "en"):
 * "阳性感染者" / "Positives", …. Both languages are written in code, as the
 * briefing's are, so that an export in either language needs no locale. */
const char *sitroom_metric_get_title      (SitroomMetric  metric,
                                           const char    *lang);
gboolean    sitroom_metric_is_percentage  (SitroomMetric  metric);

/* The value of @metric for the prefecture with region index @region. FALSE
 * when it has none: occupancy where the prefecture has no centralized site. */
gboolean    sitroom_metric_get_value      (SitroomView   *view,
                                           SitroomMetric  metric,
                                           int            region,
                                           double        *value);

/* TRUE for a kind of measure whose region the map hatches while it is in
 * force: the restrictions on a place (static management, traffic control,
 * mass testing). Not "other" (entry rules and notices, usually over a city
 * or the province), nor a lifted lockdown. */
gboolean    sitroom_metric_measure_hatches (SitroomMeasureKind kind);

/* A county-level region the map marks: it has counted cases, or a measure
 * in force at the cutoff. */
typedef struct {
  int region;               /* index into the situation's regions */
  guint positives;
  guint new_24h;
  guint n_measures;         /* measures in force there */
  gboolean static_management;   /* one of them is static management */
  gboolean hatched;         /* one of them is of a kind the map hatches */
} SitroomCountyMark;

/* Every county-level region to mark, in code order (GArray of
 * SitroomCountyMark). Measures on a prefecture or the province mark no
 * county; their region is hatched by the map instead. Cases and measures
 * in a township mark the county above it. Cases are those the view counts
 * (its filters apply); measures are those in force in the view. */
GArray     *sitroom_metric_get_county_marks (SitroomView *view);

/* One place on a chain's route. */
typedef struct {
  int region;               /* index into the situation's regions */
  gint64 first_at;          /* its first event or counted case */
  gboolean outside;         /* outside the built-in province: an origin */
} SitroomRouteStop;

/* The places of @chain (a chain index) up to the cutoff, each once, in the
 * order they first appear among its events and counted cases (an event
 * before a case at the same time). The province itself (an event "in
 * Shanxi") is no place; another province is (an origin). Empty while the
 * chain has not started at the cutoff (SitroomChainFigures.started), even
 * if events were dated back before it. The view's filters do not cut the
 * route short. GArray of SitroomRouteStop. */
GArray     *sitroom_metric_get_chain_route  (SitroomView *view,
                                             int          chain);

G_END_DECLS
