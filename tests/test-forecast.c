/* Tests of the quarantine forecast: hand-computed cohorts, releases, arrivals, the no-cohort assumption, running out. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-forecast.h"
#include "sitroom-test-demo.h"

/* Every expected figure below is worked out in the comment above it, from
 * the fixture's numbers, not by the forecast's own formula. */

/* @per_day people a day set for the prefecture @code, every other one left
 * to the mean. */
static SitroomForecast *
forecast_with (SitroomView *view,
               const char  *code,
               gint64       per_day)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_situation_get_n_regions (situation);
  g_autofree gint64 *arrivals = g_new (gint64, n);

  for (guint i = 0; i < n; i++)
    arrivals[i] = -1;
  arrivals[sitroom_test_demo_region (situation, code)] = per_day;
  return sitroom_forecast_new (view, arrivals, n);
}

/* @first_day: "2022-08-21", the CST date of day 1. */
static void
check_days (const SitroomPrefectureForecast *row,
            const char                      *first_day,
            const gint64                    *expected)
{
  g_autofree char *midnight = g_strdup_printf ("%sT00:00:00+08:00", first_day);
  gint64 start = sitroom_test_demo_at (midnight);

  for (guint d = 0; d < SITROOM_FORECAST_DAYS; d++)
    {
      g_test_message ("day %u", d + 1);
      g_assert_cmpint (row->days[d].day, ==, start + (gint64) d * 86400);
      g_assert_cmpint (row->days[d].occupied, ==, expected[d]);
      g_assert_cmpint (row->days[d].capacity, ==, row->capacity);
    }
}

/* forecast-releases.json, at its as_of (2022-08-20 13:00), Taiyuan's one
 * centralized site: capacity 100, occupied 69. Rules r7 (7 days, default)
 * and r3 (3 days). Its cohorts and when they leave:
 *   e r3 08-17 13:00  10  out 08-20 13:00 = the cutoff: already gone
 *   a r7 08-17 20:00  30  out 08-24 20:00: in on 08-23, out on 08-24
 *   b r3 08-18 00:00   5  out 08-21 00:00 (the cutoff's day's end): out on 08-21
 *   c r3 08-19 00:00   7  out 08-22 00:00 = 24:00 of 08-21: out on 08-21
 *   d r3 08-19 00:00:01 11 out 08-22 00:00:01: in on 08-21, out on 08-22
 *   f r7 08-20 13:00   2  entered at the cutoff, out 08-27 13:00
 * Inside at the cutoff: 30 + 5 + 7 + 11 + 2 = 55; the rest, 69 − 55 = 14,
 * leave 2 a day over 7 days. With no arrivals:
 *   08-21: 30 + 11 + 2 = 43, rest 12  → 55
 *   08-22: 30 + 2 = 32, rest 10       → 42
 *   08-23: 32, rest 8                 → 40
 *   08-24: 2, rest 6                  → 8
 *   08-25: 2 + 4 = 6; 08-26: 2 + 2 = 4; 08-27 on: 0. */
static const gint64 releases_no_arrivals[] = { 55, 42, 40, 8, 6, 4, 0, 0, 0, 0, 0, 0, 0, 0 };

static void
test_releases (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("forecast-releases.json");
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
  g_autoptr(SitroomForecast) forecast = forecast_with (view, "140100", 0);
  const SitroomPrefectureForecast *row = sitroom_test_demo_forecast_row (forecast, "140100");

  g_assert_cmpuint (sitroom_forecast_get_n_prefectures (forecast), ==, 1);
  g_assert_true (sitroom_forecast_get_prefecture (forecast, 0) == row);
  g_assert_cmpint (sitroom_forecast_get_assumed_days (forecast), ==, 7);
  g_assert_cmpint (sitroom_forecast_get_assumed_rule (forecast), ==, sitroom_situation_lookup_rule (situation, "r7"));

  /* The home site's 500 people and its cohort have no bed. */
  g_assert_cmpint (row->capacity, ==, 100);
  g_assert_cmpint (row->occupied, ==, 69);
  g_assert_cmpint (row->cohort_people, ==, 55);
  g_assert_cmpint (row->assumed_people, ==, 14);
  g_assert_true (row->arrivals_set);
  g_assert_cmpfloat (row->arrivals, ==, 0.0);
  check_days (row, "2022-08-21", releases_no_arrivals);
  g_assert_cmpint (row->full_on, ==, -1);
  g_assert_cmpuint (sitroom_forecast_get_n_running_out (forecast), ==, 0);
}

/* The same document with the arrivals left to the mean: cohorts at
 * centralized sites that entered in (08-17 13:00, 08-20 13:00]: a 30,
 * b 5, c 7, d 11, f 2 (at the cutoff, in) = 55; e (exactly 72 hours
 * before, out) and the home site's cohort do not count. 55 / 3 a day,
 * each staying 7 days: 55 × min (i, 7) / 3 are in at the end of day i.
 *   08-21: 55 + 18.33  = 73.33  → 73
 *   08-22: 42 + 36.67  = 78.67  → 79
 *   08-23: 40 + 55     = 95
 *   08-24: 8 + 73.33   = 81.33  → 81
 *   08-25: 6 + 91.67   = 97.67  → 98
 *   08-26: 4 + 110     = 114    ≥ 100: full on 08-26
 *   08-27 on: 0 + 128.33       → 128 */
static void
test_arrivals_mean (void)
{
  static const gint64 expected[] = { 73, 79, 95, 81, 98, 114, 128, 128, 128, 128, 128, 128, 128, 128 };
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("forecast-releases.json");
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
  g_autoptr(SitroomForecast) forecast = sitroom_forecast_new (view, NULL, 0);
  g_autoptr(SitroomForecast) negative = forecast_with (view, "140100", -1);
  const SitroomPrefectureForecast *row = sitroom_test_demo_forecast_row (forecast, "140100");

  g_assert_false (row->arrivals_set);
  g_assert_cmpfloat_with_epsilon (row->arrivals, 55.0 / 3.0, 1e-9);
  check_days (row, "2022-08-21", expected);
  g_assert_cmpint (row->full_on, ==, 5);
  g_assert_cmpuint (sitroom_forecast_get_n_running_out (forecast), ==, 1);

  /* A negative figure asks for the mean too. */
  row = sitroom_test_demo_forecast_row (negative, "140100");
  g_assert_false (row->arrivals_set);
  check_days (row, "2022-08-21", expected);
}

/* 20 a day set by the user, each staying 7 days: 20 × min (i, 7) added.
 *   08-21: 55 + 20 = 75; 08-22: 42 + 40 = 82;
 *   08-23: 40 + 60 = 100 = the capacity: full on 08-23;
 *   08-24: 8 + 80 = 88; 08-25: 6 + 100 = 106; 08-26: 4 + 120 = 124;
 *   08-27 on: 140. */
static void
test_arrivals_set (void)
{
  static const gint64 expected[] = { 75, 82, 100, 88, 106, 124, 140, 140, 140, 140, 140, 140, 140, 140 };
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("forecast-releases.json");
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
  g_autoptr(SitroomForecast) forecast = forecast_with (view, "140100", 20);
  const SitroomPrefectureForecast *row = sitroom_test_demo_forecast_row (forecast, "140100");

  g_assert_true (row->arrivals_set);
  g_assert_cmpfloat (row->arrivals, ==, 20.0);
  check_days (row, "2022-08-21", expected);
  g_assert_cmpint (row->full_on, ==, 2);
  g_assert_cmpuint (sitroom_forecast_get_n_running_out (forecast), ==, 1);
}

/* At 2022-08-18 12:00 only e (08-17 13:00), a (08-17 20:00) and b
 * (08-18 00:00) have entered: 45 inside, all still in; c, d and f come
 * later and are not counted. The rest is 69 − 45 = 24, leaving 24/7 a
 * day. Day 1 is 08-19. e leaves 08-20 13:00 and b 08-21 00:00 (24:00 of
 * 08-20): both out on 08-20; a leaves 08-24 20:00.
 *   08-19: 45 + 24 × 6/7 = 45 + 20.57 = 65.57 → 66
 *   08-20: 30 + 24 × 5/7 = 30 + 17.14 = 47.14 → 47
 *   08-21: 30 + 24 × 4/7 = 30 + 13.71 = 43.71 → 44
 *   08-22: 30 + 24 × 3/7 = 30 + 10.29 = 40.29 → 40
 *   08-23: 30 + 24 × 2/7 = 30 + 6.86  = 36.86 → 37
 *   08-24: 0 + 24/7 = 3.43 → 3
 *   08-25 on: 0 */
static void
test_earlier_cutoff (void)
{
  static const gint64 expected[] = { 66, 47, 44, 40, 37, 3, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("forecast-releases.json");
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, "2022-08-18T12:00:00+08:00");
  g_autoptr(SitroomForecast) forecast = forecast_with (view, "140100", 0);
  const SitroomPrefectureForecast *row = sitroom_test_demo_forecast_row (forecast, "140100");

  g_assert_cmpint (row->cohort_people, ==, 45);
  g_assert_cmpint (row->assumed_people, ==, 24);
  check_days (row, "2022-08-19", expected);
}

/* The last second of a CST day and the first of the next fall on
 * different days: cutoff 08-20 23:59:59 forecasts from 08-21, cutoff
 * 08-21 00:00:00 from 08-22. At 08-21 00:00:00 b (out at that very
 * instant) is gone. With no arrivals, inside are a 30, c 7, d 11, f 2 = 50,
 * the rest 69 − 50 = 19:
 *   08-22: c (out 08-22 00:00) and d (out 08-22 00:00:01) are gone before
 *          day 1 ends: 30 + 2 + 19 × 6/7 = 32 + 16.29 = 48.29 → 48
 *   08-23: 32 + 19 × 5/7 = 32 + 13.57 = 45.57 → 46
 *   08-24: 2 + 19 × 4/7 = 2 + 10.86 = 12.86 → 13 */
static void
test_day_edge (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("forecast-releases.json");
  g_autoptr(SitroomView) before = sitroom_test_demo_view_at (situation, "2022-08-20T23:59:59+08:00");
  g_autoptr(SitroomView) after = sitroom_test_demo_view_at (situation, "2022-08-21T00:00:00+08:00");
  g_autoptr(SitroomForecast) forecast_before = forecast_with (before, "140100", 0);
  g_autoptr(SitroomForecast) forecast_after = forecast_with (after, "140100", 0);
  const SitroomPrefectureForecast *row;

  row = sitroom_test_demo_forecast_row (forecast_before, "140100");
  g_assert_cmpint (row->days[0].day, ==, sitroom_test_demo_at ("2022-08-21T00:00:00+08:00"));
  /* b (out 08-21 00:00) is still inside at 23:59:59. */
  g_assert_cmpint (row->cohort_people, ==, 55);

  row = sitroom_test_demo_forecast_row (forecast_after, "140100");
  g_assert_cmpint (row->days[0].day, ==, sitroom_test_demo_at ("2022-08-22T00:00:00+08:00"));
  g_assert_cmpint (row->cohort_people, ==, 50);
  g_assert_cmpint (row->assumed_people, ==, 19);
  g_assert_cmpint (row->days[0].occupied, ==, 48);
  g_assert_cmpint (row->days[1].occupied, ==, 46);
  g_assert_cmpint (row->days[2].occupied, ==, 13);
}

/* forecast-assumed.json: no cohorts; the default rule is r4 (4 days), not
 * the first rule r7. Everyone leaves evenly, a quarter a day.
 * Taiyuan: ty-1 (in Xiaodian) 6 + ty-2 4 = 10 of 100 + 50 beds; the home
 *   site does not count. 10 × 3/4 = 7.5 → 8 (halves up); 5; 2.5 → 3; 0.
 * Yangquan: two sites of 1 bed, 1 person each (one in Yu County): each
 *   is 0.75, 0.5, 0.25 of a person, the sum 1.5 → 2, 1, 0.5 → 1, 0,
 *   rounded once (site by site would give 2, 2, 0). Day 1: 2 of 2 beds:
 *   full on 08-21.
 * Jincheng: 40 in 10 beds, over-full: 30, 20, 10, 0: full on 08-21.
 * Shuozhou: a site with no beds yet and nobody in it: 0 of 0 is not full.
 * Datong has only a home site and Xinzhou none: neither is forecast. */
static void
test_assumed (void)
{
  static const gint64 taiyuan[] = { 8, 5, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  static const gint64 yangquan[] = { 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  static const gint64 jincheng[] = { 30, 20, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  static const gint64 nobody[SITROOM_FORECAST_DAYS] = { 0 };
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("forecast-assumed.json");
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
  g_autoptr(SitroomForecast) forecast = sitroom_forecast_new (view, NULL, 0);
  const SitroomPrefectureForecast *row;

  g_assert_cmpint (sitroom_forecast_get_assumed_days (forecast), ==, 4);
  g_assert_cmpint (sitroom_forecast_get_assumed_rule (forecast), ==, sitroom_situation_lookup_rule (situation, "r4"));

  /* The view's order: prefectures by code. */
  g_assert_cmpuint (sitroom_forecast_get_n_prefectures (forecast), ==, 4);
  {
    const char *codes[] = { "140100", "140300", "140500", "140600" };

    for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
      g_assert_cmpint (sitroom_forecast_get_prefecture (forecast, i)->region, ==,
                       sitroom_test_demo_region (situation, codes[i]));
  }
  g_assert_null (sitroom_forecast_lookup (forecast, sitroom_test_demo_region (situation, "140200")));
  g_assert_null (sitroom_forecast_lookup (forecast, sitroom_test_demo_region (situation, "140900")));
  /* A county is no prefecture of the forecast, nor is a region out of range. */
  g_assert_null (sitroom_forecast_lookup (forecast, sitroom_test_demo_region (situation, "140105")));
  g_assert_null (sitroom_forecast_lookup (forecast, -1));
  g_assert_null (sitroom_forecast_lookup (forecast, (int) sitroom_situation_get_n_regions (situation)));

  row = sitroom_test_demo_forecast_row (forecast, "140100");
  g_assert_cmpint (row->capacity, ==, 150);
  g_assert_cmpint (row->occupied, ==, 10);
  g_assert_cmpint (row->cohort_people, ==, 0);
  g_assert_cmpint (row->assumed_people, ==, 10);
  g_assert_false (row->arrivals_set);
  g_assert_cmpfloat (row->arrivals, ==, 0.0);
  check_days (row, "2022-08-21", taiyuan);
  g_assert_cmpint (row->full_on, ==, -1);

  row = sitroom_test_demo_forecast_row (forecast, "140300");
  g_assert_cmpint (row->capacity, ==, 2);
  check_days (row, "2022-08-21", yangquan);
  g_assert_cmpint (row->full_on, ==, 0);

  row = sitroom_test_demo_forecast_row (forecast, "140500");
  check_days (row, "2022-08-21", jincheng);
  g_assert_cmpint (row->full_on, ==, 0);

  row = sitroom_test_demo_forecast_row (forecast, "140600");
  g_assert_cmpint (row->capacity, ==, 0);
  check_days (row, "2022-08-21", nobody);
  g_assert_cmpint (row->full_on, ==, -1);

  g_assert_cmpuint (sitroom_forecast_get_n_running_out (forecast), ==, 2);
}

/* No rule with centralized days: SITROOM_FORECAST_FALLBACK_DAYS, 7.
 * 14 people leave 2 a day: 12, 10, 8, 6, 4, 2, 0. Both a document with no
 * rules and one whose only rule is home quarantine. */
static void
test_fallback (void)
{
  static const gint64 expected[] = { 12, 10, 8, 6, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0 };
  const char *names[] = { "forecast-fallback.json", "forecast-home-rule.json" };

  g_assert_cmpint (SITROOM_FORECAST_FALLBACK_DAYS, ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture (names[i]);
      g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
      g_autoptr(SitroomForecast) forecast = sitroom_forecast_new (view, NULL, 0);
      const SitroomPrefectureForecast *row = sitroom_test_demo_forecast_row (forecast, "140100");

      g_test_message ("%s", names[i]);
      g_assert_cmpint (sitroom_forecast_get_assumed_days (forecast), ==, 7);
      g_assert_cmpint (sitroom_forecast_get_assumed_rule (forecast), ==, -1);
      g_assert_cmpint (row->assumed_people, ==, 14);
      check_days (row, "2022-08-21", expected);
      g_assert_cmpint (row->full_on, ==, -1);
    }
}

/* forecast-overfull-cohorts.json: at ty-1 a cohort of 30 leaves on 08-21
 * though the site holds 10; at jc-1 one of 30 leaves on 08-22, the site
 * holding 10. A site never goes below 0, and takes nobody from another.
 * Taiyuan: ty-1 0 from 08-21; ty-2's 14 leave 2 a day: 12, 10, … 0.
 * Jincheng: 10 on 08-21, 0 from 08-22. */
static void
test_cohorts_above_occupied (void)
{
  static const gint64 taiyuan[] = { 12, 10, 8, 6, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0 };
  static const gint64 jincheng[] = { 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("forecast-overfull-cohorts.json");
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
  g_autoptr(SitroomForecast) forecast = sitroom_forecast_new (view, NULL, 0);
  const SitroomPrefectureForecast *row;

  row = sitroom_test_demo_forecast_row (forecast, "140100");
  g_assert_cmpint (row->occupied, ==, 24);
  g_assert_cmpint (row->cohort_people, ==, 10);
  g_assert_cmpint (row->assumed_people, ==, 14);
  g_assert_cmpfloat (row->arrivals, ==, 0.0);
  check_days (row, "2022-08-21", taiyuan);

  row = sitroom_test_demo_forecast_row (forecast, "140500");
  g_assert_cmpint (row->cohort_people, ==, 10);
  g_assert_cmpint (row->assumed_people, ==, 0);
  check_days (row, "2022-08-21", jincheng);
}

/* The view's filters narrow what is counted, not the forecast. */
static void
test_filters_ignored (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("forecast-assumed.json");
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation),
                                                  sitroom_test_demo_region (situation, "140500"), -1);
  g_autoptr(SitroomForecast) forecast = sitroom_forecast_new (view, NULL, 0);

  g_assert_true (sitroom_forecast_get_view (forecast) == view);
  g_assert_cmpuint (sitroom_forecast_get_n_prefectures (forecast), ==, 4);
  g_assert_cmpint (sitroom_test_demo_forecast_row (forecast, "140100")->days[0].occupied, ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/forecast/releases/on-the-day", test_releases);
  g_test_add_func ("/forecast/releases/day-edge", test_day_edge);
  g_test_add_func ("/forecast/releases/earlier-cutoff", test_earlier_cutoff);
  g_test_add_func ("/forecast/arrivals/mean", test_arrivals_mean);
  g_test_add_func ("/forecast/arrivals/set", test_arrivals_set);
  g_test_add_func ("/forecast/assumed/default-rule", test_assumed);
  g_test_add_func ("/forecast/assumed/fallback", test_fallback);
  g_test_add_func ("/forecast/cohorts/above-occupied", test_cohorts_above_occupied);
  g_test_add_func ("/forecast/view/filters-ignored", test_filters_ignored);

  return g_test_run ();
}
