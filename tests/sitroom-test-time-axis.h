/* Helpers the time axis tests share: times in CST, ticks, the major ticks compared with a list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-time-axis.h"

G_BEGIN_DECLS

/* The UTC time of an RFC 3339 @rfc3339, which must parse. */
gint64             sitroom_test_time_axis_at            (const char        *rfc3339);
/* @utc as a date and time in CST. */
GDateTime         *sitroom_test_time_axis_cst           (gint64             utc);
/* The @i-th of @ticks, which must have that many. */
const SitroomTick *sitroom_test_time_axis_tick          (GArray            *ticks,
                                                         guint              i);
/* Asserts that the major ticks' times and labels are the NULL-terminated
 * @expected_times and the @expected_labels. */
void               sitroom_test_time_axis_assert_majors (GArray            *ticks,
                                                         const char *const *expected_times,
                                                         const char *const *expected_labels);

G_END_DECLS
