/* A time axis whose ticks adapt from hours to months, in China Standard Time, labelled in zh or en. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gint64 at;              /* Unix seconds */
  gboolean major;         /* a labelled tick; minor ones are only marks */
  char *label;            /* for a major tick ("8月20日", "20 Aug", "13:00", "2022年9月"), else NULL */
} SitroomTick;

/* Ticks for the times @start to @end drawn across @width pixels: a step
 * from 1 hour through 3, 6, 12 hours, 1, 2, 7 days to 1 month, the
 * smallest whose labels do not crowd (at least @min_label_px apart);
 * minor ticks at the next smaller step that divides it (days under a
 * week; under a month, weeks from Monday). Days and months begin at 00:00
 * CST. A label names the day when the day changes and the hour inside a
 * day. GArray of SitroomTick (labels freed with the array).
 *
 * When even months would crowd (years on a narrow axis), the step goes on
 * to 3 and 6 months, then 1, 2, 5, 10, 20, … years labelled by the year
 * ("2023年", "2023"). There are never more than 200 major and 600 ticks in
 * all. Ticks fall within [@start, @end] and within the years 1 to 9999;
 * the array is empty when @start >= @end, @width is not positive, or no
 * step leaves room for the labels. */
GArray *sitroom_time_axis_ticks (gint64      start,
                                 gint64      end,
                                 double      width,
                                 double      min_label_px,
                                 const char *lang);

/* The step the ticks above use, in seconds (a month counts as 30 days);
 * 0 when @start >= @end, @width is not positive, or no step leaves room
 * for the labels. */
gint64  sitroom_time_axis_step  (gint64      start,
                                 gint64      end,
                                 double      width,
                                 double      min_label_px);

G_END_DECLS
