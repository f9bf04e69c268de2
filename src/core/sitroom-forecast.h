/* Centralized quarantine 14 days ahead: each prefecture's expected occupancy against its beds, and the day they run out. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

#define SITROOM_FORECAST_DAYS 14
/* The centralized days assumed when the document has no rule with any. */
#define SITROOM_FORECAST_FALLBACK_DAYS 7

typedef struct {
  gint64 day;             /* the CST day (its midnight, as a time) */
  gint64 occupied;        /* expected at the end of the day */
  gint64 capacity;
} SitroomForecastDay;

typedef struct {
  int region;             /* index of the prefecture */
  gint64 capacity;        /* its centralized sites at the cutoff */
  gint64 occupied;
  double arrivals;        /* people a day assumed to arrive */
  gboolean arrivals_set;  /* given by the user, not the 3-day mean of cohorts */
  gint64 cohort_people;   /* occupants accounted for by cohorts at the cutoff */
  gint64 assumed_people;  /* occupants without a cohort, leaving evenly */
  SitroomForecastDay days[SITROOM_FORECAST_DAYS];
  int full_on;            /* index of the first day with no free bed, or -1 */
} SitroomPrefectureForecast;

#define SITROOM_TYPE_FORECAST (sitroom_forecast_get_type ())

G_DECLARE_FINAL_TYPE (SitroomForecast, sitroom_forecast, SITROOM, FORECAST, GObject)

/* The forecast from @view's cutoff, for every prefecture with a centralized
 * site, in the view's prefecture order (the view's prefecture and chain
 * filters do not narrow it). @arrivals, indexed by region, holds @n_arrivals
 * people a day set by the user; a negative entry (or a region past the end)
 * takes the mean of the prefecture's cohorts that entered centralized sites
 * in the 72 hours up to the cutoff. The model:
 *
 * - day 1 is the CST day after the cutoff's; a figure is the expected
 *   occupancy at the end of its day (24:00 CST);
 * - a site's occupants at the cutoff are its "occupied" figure; those of its
 *   cohorts still inside (entered at or before the cutoff, not yet released)
 *   leave at entered_at + the rule's centralized days; the rest (occupied
 *   minus those cohorts, if positive) leave evenly over the default rule's
 *   centralized days (sitroom_forecast_get_assumed_days()): by the end of day
 *   i, rest × min(i, D) / D of them;
 * - each forecast day brings the arrivals, who stay the default days D:
 *   arrivals × min(i, D) of them are in on day i;
 * - a day's figure is the sum over its sites, rounded to the nearest whole
 *   person (halves up), never below 0;
 * - full_on is the first day whose figure is at least the capacity and
 *   above 0. */
SitroomForecast *sitroom_forecast_new (SitroomView   *view,
                                       const gint64  *arrivals,
                                       guint          n_arrivals);

SitroomView     *sitroom_forecast_get_view (SitroomForecast *self);

/* The centralized days of the default rule (D above), and that rule's index
 * (-1 when SITROOM_FORECAST_FALLBACK_DAYS is assumed). */
gint64           sitroom_forecast_get_assumed_days (SitroomForecast *self);
int              sitroom_forecast_get_assumed_rule (SitroomForecast *self);

guint            sitroom_forecast_get_n_prefectures (SitroomForecast *self);
const SitroomPrefectureForecast *sitroom_forecast_get_prefecture (SitroomForecast *self,
                                                                  guint            index);
/* The forecast of the prefecture with that region index, or NULL. */
const SitroomPrefectureForecast *sitroom_forecast_lookup (SitroomForecast *self,
                                                          int              region);

/* Prefectures whose beds run out within the forecast. */
guint            sitroom_forecast_get_n_running_out (SitroomForecast *self);

G_END_DECLS
