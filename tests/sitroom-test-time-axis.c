/* Helpers the time axis tests share: times in CST, ticks, the major ticks compared with a list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-time-axis.h"

#include "sitroom-time.h"

gint64
sitroom_test_time_axis_at (const char *rfc3339)
{
  gint64 utc = 0;

  if (!sitroom_time_parse (rfc3339, &utc, NULL))
    g_error ("bad time in a test: %s", rfc3339);
  return utc;
}

GDateTime *
sitroom_test_time_axis_cst (gint64 utc)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_offset (SITROOM_CST_OFFSET);
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (utc);

  return g_date_time_to_timezone (dt, zone);
}

const SitroomTick *
sitroom_test_time_axis_tick (GArray *ticks,
                             guint   i)
{
  g_assert_cmpuint (i, <, ticks->len);
  return &g_array_index (ticks, SitroomTick, i);
}

void
sitroom_test_time_axis_assert_majors (GArray            *ticks,
                                      const char *const *expected_times,
                                      const char *const *expected_labels)
{
  guint n = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTick *t = sitroom_test_time_axis_tick (ticks, i);

      if (!t->major)
        continue;
      g_assert_nonnull (expected_times[n]);
      g_assert_cmpint (t->at, ==, sitroom_test_time_axis_at (expected_times[n]));
      g_assert_cmpstr (t->label, ==, expected_labels[n]);
      n++;
    }
  g_assert_null (expected_times[n]);
}
