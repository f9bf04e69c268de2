/* Tests of the time axis's labels and tick times: CST midnights, months, the new year, both languages, minor ticks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-time-axis.h"
#include "sitroom-time.h"

#define HOUR G_GINT64_CONSTANT (3600)
#define DAY G_GINT64_CONSTANT (86400)

static void
test_ticks_cst_midnight (void)
{
  /* 2022-08-19T12:00Z to 2022-08-21T12:00Z (20:00 to 20:00 CST) over
   * 1000 px: 48 h, 6 h is 125 px. Ticks at 00, 06, 12, 18 CST: the
   * midnights fall at 16:00Z. */
  g_autoptr (GArray) ticks = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2022-08-19T12:00:00Z"),
                                                      sitroom_test_time_axis_at ("2022-08-21T12:00:00Z"),
                                                      1000, 80, "zh");
  const char *const times[] = {
    "2022-08-20T00:00:00+08:00", "2022-08-20T06:00:00+08:00", "2022-08-20T12:00:00+08:00",
    "2022-08-20T18:00:00+08:00", "2022-08-21T00:00:00+08:00", "2022-08-21T06:00:00+08:00",
    "2022-08-21T12:00:00+08:00", "2022-08-21T18:00:00+08:00", NULL,
  };
  const char *const labels[] = {
    "2022年8月20日", "6时", "12时", "18时", "8月21日", "6时", "12时", "18时",
  };

  sitroom_test_time_axis_assert_majors (ticks, times, labels);
  g_assert_cmpint (sitroom_test_time_axis_at ("2022-08-20T00:00:00+08:00"), ==,
                   sitroom_test_time_axis_at ("2022-08-19T16:00:00Z"));
  /* Minor ticks every 3 hours between them. */
  g_assert_cmpint (sitroom_test_time_axis_tick (ticks, 0)->at, ==, sitroom_test_time_axis_at ("2022-08-19T21:00:00+08:00"));
  g_assert_false (sitroom_test_time_axis_tick (ticks, 0)->major);
  g_assert_cmpuint (ticks->len, ==, 8 + 8);
}

static void
test_ticks_months (void)
{
  /* Mid-January to mid-June 2024 (a leap year) over 600 px: a week is
   * 28 px, a 28-day month 111 px. Months of 31, 29, 31, 30, 31 days. */
  g_autoptr (GArray) ticks = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2024-01-15T09:00:00+08:00"),
                                                      sitroom_test_time_axis_at ("2024-06-15T00:00:00+08:00"),
                                                      600, 80, "zh");
  const char *const times[] = {
    "2024-02-01T00:00:00+08:00", "2024-03-01T00:00:00+08:00", "2024-04-01T00:00:00+08:00",
    "2024-05-01T00:00:00+08:00", "2024-06-01T00:00:00+08:00", NULL,
  };
  const char *const labels[] = { "2024年2月", "2024年3月", "2024年4月", "2024年5月", "2024年6月" };
  guint mondays = 0;

  sitroom_test_time_axis_assert_majors (ticks, times, labels);
  g_assert_cmpint (sitroom_test_time_axis_at ("2024-03-01T00:00:00+08:00"), ==,
                   sitroom_test_time_axis_at ("2024-02-29T16:00:00Z"));

  /* Minor ticks on Mondays: 2024-01-15 is one but 09:00 is past its start,
   * so the first is 22 January; 1 April is both, and counts once. */
  for (guint i = 0; i < ticks->len; i++)
    if (!sitroom_test_time_axis_tick (ticks, i)->major)
      {
        g_autoptr (GDateTime) dt = sitroom_test_time_axis_cst (sitroom_test_time_axis_tick (ticks, i)->at);

        g_assert_cmpint (g_date_time_get_day_of_week (dt), ==, 1);
        g_assert_cmpint (g_date_time_get_hour (dt), ==, 0);
        mondays++;
      }
  g_assert_false (sitroom_test_time_axis_tick (ticks, 0)->major);
  g_assert_cmpint (sitroom_test_time_axis_tick (ticks, 0)->at, ==, sitroom_test_time_axis_at ("2024-01-22T00:00:00+08:00"));
  g_assert_cmpuint (mondays, ==, 21 - 1);
}

static void
test_ticks_year_change (void)
{
  /* Months over Dec → Jan, both languages. */
  {
    g_autoptr (GArray) zh = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2022-10-20T00:00:00+08:00"),
                                                     sitroom_test_time_axis_at ("2023-02-10T00:00:00+08:00"),
                                                     600, 100, "zh");
    g_autoptr (GArray) en = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2022-10-20T00:00:00+08:00"),
                                                     sitroom_test_time_axis_at ("2023-02-10T00:00:00+08:00"),
                                                     600, 100, "en");
    const char *const times[] = {
      "2022-11-01T00:00:00+08:00", "2022-12-01T00:00:00+08:00", "2023-01-01T00:00:00+08:00",
      "2023-02-01T00:00:00+08:00", NULL,
    };
    const char *const zh_labels[] = { "2022年11月", "2022年12月", "2023年1月", "2023年2月" };
    const char *const en_labels[] = { "Nov 2022", "Dec 2022", "Jan 2023", "Feb 2023" };

    sitroom_test_time_axis_assert_majors (zh, times, zh_labels);
    sitroom_test_time_axis_assert_majors (en, times, en_labels);
  }

  /* Days over the new year: the year is named on the first day and again
   * when it changes. 5 days over 500 px: 12 h is 50 px, a day 100 px. */
  {
    g_autoptr (GArray) zh = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2022-12-29T00:00:00+08:00"),
                                                     sitroom_test_time_axis_at ("2023-01-03T00:00:00+08:00"),
                                                     500, 80, "zh_CN.UTF-8");
    g_autoptr (GArray) en = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2022-12-29T00:00:00+08:00"),
                                                     sitroom_test_time_axis_at ("2023-01-03T00:00:00+08:00"),
                                                     500, 80, "en");
    const char *const times[] = {
      "2022-12-29T00:00:00+08:00", "2022-12-30T00:00:00+08:00", "2022-12-31T00:00:00+08:00",
      "2023-01-01T00:00:00+08:00", "2023-01-02T00:00:00+08:00", "2023-01-03T00:00:00+08:00", NULL,
    };
    const char *const zh_labels[] = {
      "2022年12月29日", "12月30日", "12月31日", "2023年1月1日", "1月2日", "1月3日",
    };
    const char *const en_labels[] = {
      "29 Dec 2022", "30 Dec", "31 Dec", "1 Jan 2023", "2 Jan", "3 Jan",
    };

    sitroom_test_time_axis_assert_majors (zh, times, zh_labels);
    sitroom_test_time_axis_assert_majors (en, times, en_labels);
    /* Ticks at both ends, and minor ones at noon between. */
    g_assert_cmpuint (zh->len, ==, 6 + 5);
    g_assert_false (sitroom_test_time_axis_tick (zh, 1)->major);
    g_assert_cmpint (sitroom_test_time_axis_tick (zh, 1)->at, ==, sitroom_test_time_axis_at ("2022-12-29T12:00:00+08:00"));
  }
}

static void
test_labels_languages (void)
{
  /* 2022-08-20 12:00 to 2022-08-21 01:30 CST over 1300 px: an hour is 96 px. */
  gint64 start = sitroom_test_time_axis_at ("2022-08-20T12:00:00+08:00");
  gint64 end = sitroom_test_time_axis_at ("2022-08-21T01:30:00+08:00");
  const char *const times[] = {
    "2022-08-20T12:00:00+08:00", "2022-08-20T13:00:00+08:00", "2022-08-20T14:00:00+08:00",
    "2022-08-20T15:00:00+08:00", "2022-08-20T16:00:00+08:00", "2022-08-20T17:00:00+08:00",
    "2022-08-20T18:00:00+08:00", "2022-08-20T19:00:00+08:00", "2022-08-20T20:00:00+08:00",
    "2022-08-20T21:00:00+08:00", "2022-08-20T22:00:00+08:00", "2022-08-20T23:00:00+08:00",
    "2022-08-21T00:00:00+08:00", "2022-08-21T01:00:00+08:00", NULL,
  };
  const char *const zh_labels[] = {
    "12时", "13时", "14时", "15时", "16时", "17时", "18时", "19时", "20时", "21时", "22时", "23时",
    "2022年8月21日", "1时",
  };
  const char *const en_labels[] = {
    "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00", "20:00", "21:00",
    "22:00", "23:00", "21 Aug 2022", "01:00",
  };
  const char *const others[] = { "en", "en_GB", "fr", "", NULL };

  g_assert_cmpint (sitroom_time_axis_step (start, end, 1300, 80), ==, HOUR);
  {
    g_autoptr (GArray) zh = sitroom_time_axis_ticks (start, end, 1300, 80, "zh");

    sitroom_test_time_axis_assert_majors (zh, times, zh_labels);
    /* No step below an hour, so no minor ticks. */
    g_assert_cmpuint (zh->len, ==, 14);
  }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr (GArray) en = sitroom_time_axis_ticks (start, end, 1300, 80, others[i]);

      sitroom_test_time_axis_assert_majors (en, times, en_labels);
    }

  /* Years, when even months crowd: 1950–2050 over 1000 px, every 10 years. */
  {
    g_autoptr (GArray) zh = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("1950-01-01T00:00:00+08:00"),
                                                     sitroom_test_time_axis_at ("2050-01-01T00:00:00+08:00"),
                                                     1000, 80, "zh");
    g_autoptr (GArray) en = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("1950-01-01T00:00:00+08:00"),
                                                     sitroom_test_time_axis_at ("2050-01-01T00:00:00+08:00"),
                                                     1000, 80, "en");
    const SitroomTick *zh_first = sitroom_test_time_axis_tick (zh, 0);
    const SitroomTick *en_last = sitroom_test_time_axis_tick (en, en->len - 1);

    g_assert_true (zh_first->major);
    g_assert_cmpint (zh_first->at, ==, sitroom_test_time_axis_at ("1950-01-01T00:00:00+08:00"));
    g_assert_cmpstr (zh_first->label, ==, "1950年");
    g_assert_cmpint (en_last->at, ==, sitroom_test_time_axis_at ("2050-01-01T00:00:00+08:00"));
    g_assert_cmpstr (en_last->label, ==, "2050");
  }
}

static void
test_minor_between (void)
{
  /* Two weeks over 1000 px: 2 days is 143 px, a day 71 px, 12 h 36 px.
   * Majors every other day (even days since 1970-01-01 CST), a minor tick
   * on the day between. */
  gint64 start = sitroom_test_time_axis_at ("2022-08-15T05:00:00+08:00");
  gint64 end = sitroom_test_time_axis_at ("2022-08-29T05:00:00+08:00");
  g_autoptr (GArray) ticks = sitroom_time_axis_ticks (start, end, 1000, 80, "en");
  guint run = 0;

  g_assert_cmpint (sitroom_time_axis_step (start, end, 1000, 80), ==, 2 * DAY);
  g_assert_cmpuint (ticks->len, ==, 14);   /* 16 to 29 August */
  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTick *t = sitroom_test_time_axis_tick (ticks, i);
      g_autoptr (GDateTime) dt = sitroom_test_time_axis_cst (t->at);

      g_assert_cmpint (g_date_time_get_hour (dt), ==, 0);
      /* 2022-08-16 is day 19220 since 1970-01-01: even, so a major. */
      g_assert_cmpint (t->major, ==, (g_date_time_get_day_of_month (dt) % 2) == 0);
      run = t->major ? 0 : run + 1;
      g_assert_cmpuint (run, <=, 1);
    }
  g_assert_cmpstr (sitroom_test_time_axis_tick (ticks, 0)->label, ==, "16 Aug 2022");
  g_assert_cmpstr (sitroom_test_time_axis_tick (ticks, 2)->label, ==, "18 Aug");

  /* Weeks: Monday majors, daily minors, six between two Mondays. */
  {
    g_autoptr (GArray) weeks = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2022-08-01T00:00:00+08:00"),
                                                        sitroom_test_time_axis_at ("2022-10-01T00:00:00+08:00"),
                                                        800, 80, "zh");
    guint between = 0;
    gboolean seen_major = FALSE;

    for (guint i = 0; i < weeks->len; i++)
      {
        const SitroomTick *t = sitroom_test_time_axis_tick (weeks, i);

        if (t->major)
          {
            g_autoptr (GDateTime) dt = sitroom_test_time_axis_cst (t->at);

            g_assert_cmpint (g_date_time_get_day_of_week (dt), ==, 1);
            if (seen_major)
              g_assert_cmpuint (between, ==, 6);
            seen_major = TRUE;
            between = 0;
          }
        else
          between++;
      }
    g_assert_cmpstr (sitroom_test_time_axis_tick (weeks, 0)->label, ==, "2022年8月1日");
    g_assert_cmpstr (sitroom_test_time_axis_tick (weeks, 7)->label, ==, "8月8日");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/time-axis/ticks/cst-midnight", test_ticks_cst_midnight);
  g_test_add_func ("/render/time-axis/ticks/months", test_ticks_months);
  g_test_add_func ("/render/time-axis/ticks/year-change", test_ticks_year_change);
  g_test_add_func ("/render/time-axis/labels/languages", test_labels_languages);
  g_test_add_func ("/render/time-axis/minor/between", test_minor_between);

  return g_test_run ();
}
