/* Tests of the time axis: the step chosen for a range and width, ticks on CST boundaries within the range, edge cases. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-test-time-axis.h"
#include "sitroom-time.h"

#define HOUR G_GINT64_CONSTANT (3600)
#define DAY G_GINT64_CONSTANT (86400)

/* The steps and, for each, the shortest time between two of its ticks: a
 * step is chosen when that shortest gap is at least min_label_px wide and
 * the range holds at most 200 of them. A month counts as 30 days in the
 * step returned, and as 28 when deciding whether labels crowd. */
typedef struct {
  gint64 step;
  gint64 shortest;
} Rung;

static const Rung fixed_ladder[] = {
  { HOUR, HOUR }, { 3 * HOUR, 3 * HOUR }, { 6 * HOUR, 6 * HOUR }, { 12 * HOUR, 12 * HOUR },
  { DAY, DAY }, { 2 * DAY, 2 * DAY }, { 7 * DAY, 7 * DAY },
  { 30 * DAY, 28 * DAY }, { 90 * DAY, 90 * DAY }, { 180 * DAY, 181 * DAY }, { 360 * DAY, 365 * DAY },
};

/* After a year come 2, 5, 10, 20, 50, … years, up to 10 000. */
static gboolean
rung_at (guint  i,
         Rung  *out)
{
  static const gint64 mantissa[] = { 2, 5, 10 };
  gint64 years;

  if (i < G_N_ELEMENTS (fixed_ladder))
    {
      *out = fixed_ladder[i];
      return TRUE;
    }
  i -= G_N_ELEMENTS (fixed_ladder);
  years = mantissa[i % 3];
  for (guint k = 0; k < i / 3 && years <= 10000; k++)
    years *= 10;
  if (years > 10000)
    return FALSE;
  out->step = years * 360 * DAY;
  out->shortest = years * 365 * DAY;
  return TRUE;
}

static void
assert_step (const char *start,
             const char *end,
             double      width,
             double      min_label_px,
             gint64      expected)
{
  g_test_message ("%s to %s over %g px", start, end, width);
  g_assert_cmpint (sitroom_time_axis_step (sitroom_test_time_axis_at (start), sitroom_test_time_axis_at (end),
                                           width, min_label_px), ==, expected);
}

static void
test_step_examples (void)
{
  /* 6 h over 1000 px: an hour is 167 px. */
  assert_step ("2022-08-20T00:00:00+08:00", "2022-08-20T06:00:00+08:00", 1000, 80, HOUR);
  /* 3 days over 1000 px: 1 h is 14 px, 3 h 42 px, 6 h 83 px. */
  assert_step ("2022-08-17T00:00:00+08:00", "2022-08-20T00:00:00+08:00", 1000, 80, 6 * HOUR);
  /* 3 days over 2000 px with 60 px labels: 3 h is 83 px. */
  assert_step ("2022-08-17T00:00:00+08:00", "2022-08-20T00:00:00+08:00", 2000, 60, 3 * HOUR);
  /* 10 days over 1000 px: 12 h is 50 px, a day 100 px. */
  assert_step ("2022-08-10T00:00:00+08:00", "2022-08-20T00:00:00+08:00", 1000, 80, DAY);
  /* 20 days: a day is 50 px, 2 days 100 px. */
  assert_step ("2022-08-01T00:00:00+08:00", "2022-08-21T00:00:00+08:00", 1000, 80, 2 * DAY);
  /* 12 h over 300 px: an hour is 25 px, 3 h 75 px, 6 h 150 px. */
  assert_step ("2022-08-20T06:00:00+08:00", "2022-08-20T18:00:00+08:00", 300, 80, 6 * HOUR);
  /* 2 months (61 days) over 800 px: 2 days is 26 px, a week 92 px; with
   * 100 px labels the week crowds and the month (28 days: 367 px) wins. */
  assert_step ("2022-08-01T00:00:00+08:00", "2022-10-01T00:00:00+08:00", 800, 80, 7 * DAY);
  assert_step ("2022-08-01T00:00:00+08:00", "2022-10-01T00:00:00+08:00", 800, 100, 30 * DAY);
  /* 2022 over 1000 px: a month is 77 px at its shortest (February), so with
   * 80 px labels the step is 3 months (90 days: 247 px); with 70 px, a month. */
  assert_step ("2022-01-01T00:00:00+08:00", "2023-01-01T00:00:00+08:00", 1000, 80, 90 * DAY);
  assert_step ("2022-01-01T00:00:00+08:00", "2023-01-01T00:00:00+08:00", 1000, 70, 30 * DAY);
  /* Quarters start in January, April, July and October, the shortest the
   * 90 days of January to March: over 2022-01-01 to 2022-12-31 (364 days),
   * they are 80.4 px apart over 325 px, 79.6 px over 322 px, where the
   * step is 6 months. */
  assert_step ("2022-01-01T00:00:00+08:00", "2022-12-31T00:00:00+08:00", 325, 80, 90 * DAY);
  assert_step ("2022-01-01T00:00:00+08:00", "2022-12-31T00:00:00+08:00", 322, 80, 180 * DAY);
  /* Halves start in January and July, the shortest the 181 days of January
   * to June: over 2021 and 2022 (730 days), 80.1 px apart over 323 px,
   * 79.8 px over 322 px, where the step is a year. */
  assert_step ("2021-01-01T00:00:00+08:00", "2023-01-01T00:00:00+08:00", 323, 80, 180 * DAY);
  assert_step ("2021-01-01T00:00:00+08:00", "2023-01-01T00:00:00+08:00", 322, 80, 360 * DAY);
  /* 3 years over 800 px: a month 20 px, 3 months 66 px, 6 months 132 px. */
  assert_step ("2020-01-01T00:00:00+08:00", "2023-01-01T00:00:00+08:00", 800, 80, 180 * DAY);
  /* 100 years over 1000 px: a year 10 px, 5 years 50 px, 10 years 100 px. */
  assert_step ("1950-01-01T00:00:00+08:00", "2050-01-01T00:00:00+08:00", 1000, 80, 10 * 360 * DAY);
}

static guint
rung_of_step (gint64 step)
{
  Rung rung;

  for (guint i = 0; rung_at (i, &rung); i++)
    if (rung.step == step)
      return i;
  g_error ("step %lld is not on the ladder", (long long) step);
  return 0;
}

/* A step fits when its shortest gap is wide enough and the range holds at
 * most 200 of them. */
static gboolean
rung_fits (guint  i,
           double span,
           double width,
           double min_label_px)
{
  Rung rung;
  double shortest;

  if (!rung_at (i, &rung))
    g_assert_not_reached ();
  shortest = (double) rung.shortest;
  return shortest * width / span >= min_label_px && span / shortest + 1 <= 200;
}

/* What the cases below walk: ranges from an hour to decades, starting at
 * odd moments, over widths from a phone to a wall. */
typedef void (*RangeCheck) (gint64 start,
                            gint64 end,
                            double width,
                            double min_label_px);

static void
for_each_range (RangeCheck check)
{
  static const gint64 spans[] = {
    HOUR, 5 * HOUR + 17, DAY, 3 * DAY + 7 * HOUR, 9 * DAY, 31 * DAY, 61 * DAY,
    200 * DAY, 400 * DAY, 1500 * DAY, 7000 * DAY, 40000 * DAY,
  };
  static const double widths[] = { 120, 333, 800, 1280, 3840 };
  static const double labels[] = { 40, 80, 120 };
  static const gint64 starts[] = {
    G_GINT64_CONSTANT (1660924800),   /* 2022-08-20T00:00:00+08:00 */
    G_GINT64_CONSTANT (1669813199),   /* 2022-11-30T20:59:59+08:00 */
    G_GINT64_CONSTANT (-150000001),   /* 1965, a Sunday in March */
  };

  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
          check (starts[s], starts[s] + spans[i], widths[w], labels[l]);
}

static void
check_smallest (gint64 start,
                gint64 end,
                double width,
                double min_label_px)
{
  gint64 step = sitroom_time_axis_step (start, end, width, min_label_px);
  double span = (double) (end - start);
  guint i = rung_of_step (step);

  g_assert_true (rung_fits (i, span, width, min_label_px));
  if (i > 0)
    g_assert_false (rung_fits (i - 1, span, width, min_label_px));
}

static void
test_step_smallest (void)
{
  for_each_range (check_smallest);
}

/* Whether @utc is on a boundary of @step in CST, told by GDateTime. */
static gboolean
on_boundary (gint64 step,
             gint64 utc)
{
  g_autoptr (GDateTime) dt = sitroom_test_time_axis_cst (utc);
  int hour = g_date_time_get_hour (dt);

  if (g_date_time_get_minute (dt) != 0 || g_date_time_get_second (dt) != 0)
    return FALSE;
  if (step < DAY)
    return hour % (step / HOUR) == 0;
  if (hour != 0)
    return FALSE;
  if (step == DAY)
    return TRUE;
  if (step == 2 * DAY)
    return ((utc + SITROOM_CST_OFFSET) / DAY) % 2 == 0;   /* even days since 1970-01-01 */
  if (step == 7 * DAY)
    return g_date_time_get_day_of_week (dt) == 1;
  if (g_date_time_get_day_of_month (dt) != 1)
    return FALSE;
  if (step < 360 * DAY)
    return (g_date_time_get_month (dt) - 1) % (step / (30 * DAY)) == 0;
  return g_date_time_get_month (dt) == 1 && g_date_time_get_year (dt) % (step / (360 * DAY)) == 0;
}

static void
check_ticks (gint64 start,
             gint64 end,
             double width,
             double min_label_px)
{
  g_autoptr (GArray) ticks = sitroom_time_axis_ticks (start, end, width, min_label_px, "en");
  gint64 step = sitroom_time_axis_step (start, end, width, min_label_px);
  double px_per_second = width / (double) (end - start);
  gint64 previous = G_MININT64;
  gint64 previous_major = G_MININT64;
  guint n_major = 0;

  g_assert_cmpuint (ticks->len, <=, 600);
  for (guint i = 0; i < ticks->len; i++)
    {
      const SitroomTick *t = sitroom_test_time_axis_tick (ticks, i);

      g_assert_cmpint (t->at, >=, start);
      g_assert_cmpint (t->at, <=, end);
      g_assert_cmpint (t->at, >, previous);
      previous = t->at;
      if (!t->major)
        {
          g_assert_null (t->label);
          g_assert_false (on_boundary (step, t->at));
          continue;
        }

      n_major++;
      g_assert_nonnull (t->label);
      g_assert_true (on_boundary (step, t->at));
      if (previous_major != G_MININT64)
        g_assert_cmpfloat ((double) (t->at - previous_major) * px_per_second, >=, min_label_px);
      previous_major = t->at;
    }
  g_assert_cmpuint (n_major, <=, 200);

  /* Every boundary of the step within the range is a major tick: count them
   * hour by hour for the short steps. */
  if (step <= 2 * DAY && end - start <= 400 * DAY)
    {
      guint expected = 0;

      for (gint64 t = start + (((-start - SITROOM_CST_OFFSET) % HOUR) + HOUR) % HOUR; t <= end; t += HOUR)
        if (on_boundary (step, t))
          expected++;
      g_assert_cmpuint (n_major, ==, expected);
    }
}

static void
test_ticks_properties (void)
{
  for_each_range (check_ticks);
}

static void
test_ticks_within_range (void)
{
  /* A range that starts and ends a second off a tick holds neither. */
  g_autoptr (GArray) inside = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2022-08-20T12:00:01+08:00"),
                                                       sitroom_test_time_axis_at ("2022-08-20T17:59:59+08:00"),
                                                       1000, 80, "en");
  g_autoptr (GArray) exact = sitroom_time_axis_ticks (sitroom_test_time_axis_at ("2022-08-20T12:00:00+08:00"),
                                                      sitroom_test_time_axis_at ("2022-08-20T18:00:00+08:00"),
                                                      1000, 80, "en");

  g_assert_cmpuint (inside->len, ==, 5);
  g_assert_cmpint (sitroom_test_time_axis_tick (inside, 0)->at, ==, sitroom_test_time_axis_at ("2022-08-20T13:00:00+08:00"));
  g_assert_cmpint (sitroom_test_time_axis_tick (inside, 4)->at, ==, sitroom_test_time_axis_at ("2022-08-20T17:00:00+08:00"));
  g_assert_cmpuint (exact->len, ==, 7);
  g_assert_cmpint (sitroom_test_time_axis_tick (exact, 0)->at, ==, sitroom_test_time_axis_at ("2022-08-20T12:00:00+08:00"));
  g_assert_cmpint (sitroom_test_time_axis_tick (exact, 6)->at, ==, sitroom_test_time_axis_at ("2022-08-20T18:00:00+08:00"));
}

static void
test_edge_empty (void)
{
  gint64 t = sitroom_test_time_axis_at ("2022-08-20T00:00:00+08:00");
  const double widths[] = { 0, -100, NAN, INFINITY };

  {
    g_autoptr (GArray) same = sitroom_time_axis_ticks (t, t, 1000, 80, "zh");
    g_autoptr (GArray) backwards = sitroom_time_axis_ticks (t + DAY, t, 1000, 80, "zh");

    g_assert_cmpuint (same->len, ==, 0);
    g_assert_cmpuint (backwards->len, ==, 0);
    g_assert_cmpint (sitroom_time_axis_step (t, t, 1000, 80), ==, 0);
    g_assert_cmpint (sitroom_time_axis_step (t + DAY, t, 1000, 80), ==, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autoptr (GArray) ticks = sitroom_time_axis_ticks (t, t + DAY, widths[i], 80, "zh");

      g_assert_cmpuint (ticks->len, ==, 0);
      g_assert_cmpint (sitroom_time_axis_step (t, t + DAY, widths[i], 80), ==, 0);
    }
}

static void
test_edge_huge (void)
{
  /* The whole of gint64: cut to the years 1 to 9999, every 100 years over
   * 3840 px (10 000 years: 50 years would be 19 px apart, 100 years 38 px). */
  {
    g_autoptr (GArray) ticks = sitroom_time_axis_ticks (G_MININT64, G_MAXINT64, 3840, 30, "en");

    g_assert_cmpint (sitroom_time_axis_step (G_MININT64, G_MAXINT64, 3840, 30), ==, 100 * 360 * DAY);
    g_assert_cmpuint (ticks->len, >, 0);
    g_assert_cmpuint (ticks->len, <=, 600);
    /* Minor ticks every 50 years: the first is the year 50. */
    g_assert_false (sitroom_test_time_axis_tick (ticks, 0)->major);
    g_assert_cmpint (sitroom_test_time_axis_tick (ticks, 0)->at, ==, sitroom_test_time_axis_at ("0050-01-01T00:00:00+08:00"));
    g_assert_cmpstr (sitroom_test_time_axis_tick (ticks, 1)->label, ==, "100");
    g_assert_cmpuint (ticks->len, ==, 99 + 100);
    g_assert_cmpint (sitroom_test_time_axis_tick (ticks, ticks->len - 1)->at, <=,
                     sitroom_test_time_axis_at ("9999-12-31T23:59:59+08:00"));
  }

  /* A wall of pixels and labels a pixel wide: the step is bounded by the
   * number of ticks, not by the pixels. 20 years of hours would be 175 200. */
  {
    gint64 start = sitroom_test_time_axis_at ("2000-01-01T00:00:00+08:00");
    gint64 end = sitroom_test_time_axis_at ("2020-01-01T00:00:00+08:00");
    g_autoptr (GArray) ticks = sitroom_time_axis_ticks (start, end, 1e9, 0, "zh");
    guint majors = 0;

    for (guint i = 0; i < ticks->len; i++)
      majors += sitroom_test_time_axis_tick (ticks, i)->major;
    g_assert_cmpuint (majors, <=, 200);
    g_assert_cmpuint (ticks->len, <=, 600);
    /* 240 months is more than 200; 80 quarters is not. */
    g_assert_cmpint (sitroom_time_axis_step (start, end, 1e9, 0), ==, 90 * DAY);
    g_assert_cmpuint (majors, ==, 81);
  }

  /* Three years, likewise: weeks are the first step with at most 200 ticks,
   * and their days would bring the total past 600, so they are left out. */
  {
    gint64 start = sitroom_test_time_axis_at ("2020-01-01T00:00:00+08:00");
    gint64 end = sitroom_test_time_axis_at ("2023-01-01T00:00:00+08:00");
    g_autoptr (GArray) ticks = sitroom_time_axis_ticks (start, end, 1e9, 0, "en");

    g_assert_cmpint (sitroom_time_axis_step (start, end, 1e9, 0), ==, 7 * DAY);
    g_assert_cmpuint (ticks->len, ==, 156);   /* the Mondays from 6 Jan 2020 to 26 Dec 2022 */
    for (guint i = 0; i < ticks->len; i++)
      g_assert_true (sitroom_test_time_axis_tick (ticks, i)->major);
  }
}

static void
test_edge_narrow (void)
{
  gint64 start = sitroom_test_time_axis_at ("2022-08-20T00:00:00+08:00");

  /* 23 hours over 3 px with 80 px labels: only a step of 26 days or more
   * would do, a month, and none starts inside the day. */
  {
    g_autoptr (GArray) ticks = sitroom_time_axis_ticks (start + HOUR, start + DAY, 3, 80, "zh");

    g_assert_cmpuint (ticks->len, ==, 0);
    g_assert_cmpint (sitroom_time_axis_step (start + HOUR, start + DAY, 3, 80), ==, 30 * DAY);
  }
  /* A second over a fraction of a pixel: no step is long enough to stay
   * inside the calendar and space its labels. */
  {
    g_autoptr (GArray) ticks = sitroom_time_axis_ticks (start, start + 1, 1e-12, 80, "en");

    g_assert_cmpuint (ticks->len, ==, 0);
    g_assert_cmpint (sitroom_time_axis_step (start, start + 1, 1e-12, 80), ==, 0);
  }
  /* Labels wider than the axis: a tick may still fall inside, alone. */
  {
    g_autoptr (GArray) ticks = sitroom_time_axis_ticks (start - HOUR, start + HOUR, 50, 80, "en");

    g_assert_cmpuint (ticks->len, ==, 1);
    g_assert_cmpint (sitroom_test_time_axis_tick (ticks, 0)->at, ==, start);
    g_assert_cmpstr (sitroom_test_time_axis_tick (ticks, 0)->label, ==, "20 Aug 2022");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/time-axis/step/examples", test_step_examples);
  g_test_add_func ("/render/time-axis/step/smallest", test_step_smallest);
  g_test_add_func ("/render/time-axis/ticks/properties", test_ticks_properties);
  g_test_add_func ("/render/time-axis/ticks/within-range", test_ticks_within_range);
  g_test_add_func ("/render/time-axis/edge/empty", test_edge_empty);
  g_test_add_func ("/render/time-axis/edge/huge", test_edge_huge);
  g_test_add_func ("/render/time-axis/edge/narrow", test_edge_narrow);

  return g_test_run ();
}
