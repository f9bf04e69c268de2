/* Measures at a cutoff: which have begun, which are in force, how long so far, and which concern a region or a chain. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

typedef enum {
  SITROOM_MEASURE_SCHEDULED,   /* its "from" is after the cutoff */
  SITROOM_MEASURE_IN_FORCE,
  SITROOM_MEASURE_ENDED,       /* its "until" is at or before the cutoff */
} SitroomMeasureStatus;

typedef struct {
  int measure;            /* index into the situation's measures */
  SitroomMeasureStatus status;
  /* Seconds in force by the cutoff: from "from" to the cutoff, or to
   * "until" when it has ended; 0 while scheduled. */
  gint64 in_force_for;
} SitroomMeasureState;

/* "scheduled", "in-force", "ended". */
const char *sitroom_measure_status_to_string (SitroomMeasureStatus status);

/* The state of measure @measure at @view's cutoff. */
void        sitroom_measure_get_state (SitroomView         *view,
                                       int                  measure,
                                       SitroomMeasureState *state);

/* Whole days and hours of @seconds, rounded down to the hour: "2 days 5
 * hours" is days 2, hours 5. */
void        sitroom_measure_split_duration (gint64  seconds,
                                            gint64 *days,
                                            int    *hours);

/* Every measure that has begun by @view's cutoff (in force or ended), in
 * force first, each group by "from", latest first, then document order, as
 * a GArray of SitroomMeasureState. With @include_scheduled, scheduled ones
 * follow at the end, soonest first. The view's prefecture filter applies as
 * it does to sitroom_view_get_measures_in_force(): the measures of that
 * prefecture, its counties and the province. */
GArray     *sitroom_measures_list (SitroomView *view,
                                   gboolean     include_scheduled);

/* TRUE when measure @measure concerns region @region: its region is
 * @region, lies inside it (a county of a prefecture), or contains it (the
 * province around a prefecture). */
gboolean    sitroom_measure_concerns_region (SitroomSituation *situation,
                                             int               measure,
                                             int               region);

/* The measures that concern a chain in @view: those of the regions its
 * events and counted cases are in (and of what contains or lies inside
 * them), begun by the cutoff, ordered as sitroom_measures_list(). A place
 * at the level of a province (an event "in Shanxi") takes only the
 * province's own measures, not those of every county in it. Empty while
 * the chain has not started. A GArray of SitroomMeasureState. */
GArray     *sitroom_measures_for_chain (SitroomView *view,
                                        int          chain);

G_END_DECLS
