/* The epidemic curve: new positives per China Standard Time day up to the cutoff, stacked by prefecture or by chain. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

typedef enum {
  SITROOM_CURVE_BY_PREFECTURE,
  SITROOM_CURVE_BY_CHAIN,
} SitroomCurveGrouping;

typedef struct {
  gint64 start;           /* 00:00 CST of the day, Unix seconds */
  guint positives;        /* reported that day, up to the cutoff */
  guint confirmed;
  guint asymptomatic;
  double mean7;           /* mean positives of this day and the six before
                           * (days before the first count as 0) */
} SitroomCurveDay;

typedef struct _SitroomCurve SitroomCurve;

/* The longest curve: a curve that would be longer keeps its last days
 * (days before them still count in the 7-day mean of the first ones). */
#define SITROOM_CURVE_MAX_DAYS (10 * 366)

/* The counted cases of @view (its cutoff and filters: a selected chain or
 * prefecture narrows the curve) bucketed by CST day, from the day of the
 * first case to the cutoff's day; no day when there is no case. Groups
 * are the prefectures, or the chains, that have cases (in code or document
 * order); cases of no chain (by chain) or placed at no prefecture (by
 * prefecture: the province itself) form a last group of their own. */
SitroomCurve        *sitroom_curve_new            (SitroomView          *view,
                                                   SitroomCurveGrouping  grouping);
void                 sitroom_curve_free           (SitroomCurve         *curve);

SitroomCurveGrouping sitroom_curve_get_grouping   (const SitroomCurve   *curve);
guint                sitroom_curve_get_n_days     (const SitroomCurve   *curve);
const SitroomCurveDay *sitroom_curve_get_day      (const SitroomCurve   *curve,
                                                   guint                 day);
/* The day holding @time, or -1 outside the curve. */
int                  sitroom_curve_find_day       (const SitroomCurve   *curve,
                                                   gint64                time);

guint                sitroom_curve_get_n_groups   (const SitroomCurve   *curve);
/* A region index (by prefecture; -1 for the cases of no prefecture) or a
 * chain index (by chain; -1 for the cases of no chain). */
int                  sitroom_curve_get_group      (const SitroomCurve   *curve,
                                                   guint                 group);
/* Positives of @group on @day, confirmed or asymptomatic. */
guint                sitroom_curve_get_count      (const SitroomCurve   *curve,
                                                   guint                 day,
                                                   guint                 group,
                                                   gboolean              asymptomatic);
/* The largest day's positives, for the axis. */
guint                sitroom_curve_get_max        (const SitroomCurve   *curve);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomCurve, sitroom_curve_free)

G_END_DECLS
