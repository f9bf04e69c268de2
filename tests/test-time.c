/* Tests of the RFC 3339 parser and formatter, with GDateTime as the reference calendar. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "sitroom-time.h"

/* The reference: GDateTime's reading of the same fields at the same offset. */
static gint64
reference_utc (int year, int month, int day,
               int hour, int minute, int second,
               int offset_seconds)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset_seconds);
  g_autoptr(GDateTime) dt = g_date_time_new (zone, year, month, day, hour, minute, second);

  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

static char *
reference_format (gint64 utc,
                  int    offset_seconds)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset_seconds);
  g_autoptr(GDateTime) dt_utc = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *zone_str = NULL;

  g_assert_nonnull (dt_utc);
  dt = g_date_time_to_timezone (dt_utc, zone);
  zone_str = g_date_time_format (dt, "%:z");

  /* GDateTime's %Y does not pad years before 1000, which RFC 3339 writes with four digits. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s",
                          g_date_time_get_year (dt), g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt), g_date_time_get_second (dt), zone_str);
}

static void
assert_parses (const char *str,
               gint64      expected_utc,
               int         expected_offset)
{
  gint64 utc = 0;
  int offset = -1;

  if (!sitroom_time_parse (str, &utc, &offset))
    g_error ("“%s” was refused", str);
  g_assert_cmpint (utc, ==, expected_utc);
  g_assert_cmpint (offset, ==, expected_offset);
}

static void
test_parse_valid (void)
{
  /* The example of the feed format: 13:00 in China is 05:00 UTC. */
  assert_parses ("2022-08-20T13:00:00+08:00", 1660971600, 8 * 3600);
  assert_parses ("2022-08-20T05:00:00Z", 1660971600, 0);
  assert_parses ("2022-08-20t05:00:00z", 1660971600, 0);
  assert_parses ("2022-08-20T05:00:00+00:00", 1660971600, 0);
  /* RFC 3339's "offset unknown" is still the UTC time. */
  assert_parses ("2022-08-20T05:00:00-00:00", 1660971600, 0);
  assert_parses ("2022-08-19T23:30:00-05:30", 1660971600, -(5 * 3600 + 30 * 60));
  assert_parses ("1970-01-01T00:00:00Z", 0, 0);
  assert_parses ("1970-01-01T08:00:00+08:00", 0, 8 * 3600);
  assert_parses ("1969-12-31T23:59:59Z", -1, 0);
  assert_parses ("2000-01-01T00:00:00Z", 946684800, 0);
  assert_parses ("2038-01-19T03:14:08Z", G_GINT64_CONSTANT (2147483648), 0);
  assert_parses ("0000-01-01T00:00:00Z", G_GINT64_CONSTANT (-62167219200), 0);
  assert_parses ("9999-12-31T23:59:59Z", G_GINT64_CONSTANT (253402300799), 0);
  /* The widest offsets RFC 3339 allows. */
  assert_parses ("2022-08-20T23:59:00+23:59", 1660953600, 86340);
  assert_parses ("2022-08-20T00:00:00-23:59", 1660953600 + 86340, -86340);
}

static void
test_parse_fraction (void)
{
  /* Fractions are dropped, never rounded: 59.999 is still second 59. */
  assert_parses ("2022-08-20T13:00:00.5+08:00", 1660971600, 8 * 3600);
  assert_parses ("2022-08-20T13:00:59.999+08:00", 1660971659, 8 * 3600);
  assert_parses ("2022-08-20T13:00:00.123456789Z", 1660971600 + 8 * 3600, 0);
  assert_parses ("2022-08-20T13:00:00.000000000000000000000001z", 1660971600 + 8 * 3600, 0);
  /* Before 1970 dropping the fraction is still the floor of the time. */
  assert_parses ("1969-12-31T23:59:59.5Z", -1, 0);
}

static void
test_parse_leap_second (void)
{
  /* The leap second at the end of 2016 is counted as the first second of 2017. */
  assert_parses ("2016-12-31T23:59:60Z", 1483228800, 0);
  assert_parses ("2017-01-01T07:59:60+08:00", 1483228800, 8 * 3600);
  assert_parses ("2016-12-31T23:59:60.5Z", 1483228800, 0);
}

static void
test_parse_leap_years (void)
{
  static const int years[] = { 0, 1, 4, 100, 1600, 1900, 1970, 1999, 2000, 2020, 2021,
                               2022, 2023, 2024, 2100, 2400, 9996, 9999 };

  /* Every day number of every month of years that are and are not leap years, in
   * each of the four rules (every 4, not every 100, but every 400). */
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      for (int month = 1; month <= 12; month++)
        {
          for (int day = 0; day <= 32; day++)
            {
              g_autofree char *str = g_strdup_printf ("%04d-%02d-%02dT12:34:56+08:00",
                                                      years[i], month, day);
              /* GDate knows no year 0; it is a leap year, as 2000 is. */
              int calendar_year = years[i] == 0 ? 2000 : years[i];
              gboolean valid = day >= 1 &&
                               day <= g_date_get_days_in_month (month, calendar_year);
              gint64 utc;
              int offset;

              g_assert_cmpint (sitroom_time_parse (str, &utc, &offset), ==, valid);
              if (valid && years[i] >= 1)
                g_assert_cmpint (utc, ==,
                                 reference_utc (years[i], month, day, 12, 34, 56, 8 * 3600));
            }
        }
    }

  assert_parses ("2024-02-29T00:00:00Z", 1709164800, 0);
  assert_parses ("2000-02-29T00:00:00Z", 951782400, 0);
  g_assert_false (sitroom_time_parse ("2100-02-29T00:00:00Z", NULL, NULL));
  g_assert_false (sitroom_time_parse ("1900-02-29T00:00:00Z", NULL, NULL));
  g_assert_false (sitroom_time_parse ("2022-02-29T00:00:00Z", NULL, NULL));
}

static void
test_parse_refused (void)
{
  static const char * const refused[] = {
    "",
    "2022",
    "2022-08-20",
    "2022-08-20T",
    "2022-08-20T13",
    "2022-08-20T13:00",
    "2022-08-20T13:00+08:00",
    /* No offset: a local time of unknown place is not a time. */
    "2022-08-20T13:00:00",
    "2022-08-20T13:00:00.5",
    /* Spaces anywhere. */
    "2022-08-20 13:00:00+08:00",
    " 2022-08-20T13:00:00+08:00",
    "2022-08-20T13:00:00+08:00 ",
    "2022-08-20T13:00:00 +08:00",
    "2022-08-20T13:00:00+08:00\n",
    /* Short, long or foreign fields. */
    "22-08-20T13:00:00+08:00",
    "2022-8-20T13:00:00+08:00",
    "2022-08-2T13:00:00+08:00",
    "2022-08-20T1:00:00+08:00",
    "2022-08-20T13:0:00+08:00",
    "2022-08-20T13:00:0+08:00",
    "02022-08-20T13:00:00+08:00",
    "+2022-08-20T13:00:00+08:00",
    "-2022-08-20T13:00:00+08:00",
    "2022/08/20T13:00:00+08:00",
    "2022-08-20X13:00:00+08:00",
    "2022-08-20T13.00.00+08:00",
    "20220820T130000+0800",
    "２０２２-08-20T13:00:00+08:00",
    /* Offsets. */
    "2022-08-20T13:00:00+08",
    "2022-08-20T13:00:00+0800",
    "2022-08-20T13:00:00+8:00",
    "2022-08-20T13:00:00+08:0",
    "2022-08-20T13:00:00+24:00",
    "2022-08-20T13:00:00-24:00",
    "2022-08-20T13:00:00+08:60",
    "2022-08-20T13:00:00UTC",
    "2022-08-20T13:00:00Z+08:00",
    "2022-08-20T13:00:00+08:00Z",
    "2022-08-20T13:00:00ZZ",
    /* Fractions need a digit, and come before the offset. */
    "2022-08-20T13:00:00.+08:00",
    "2022-08-20T13:00:00.Z",
    "2022-08-20T13:00:00,5+08:00",
    "2022-08-20T13:00:00+08:00.5",
    /* Ranges. */
    "2022-00-20T13:00:00+08:00",
    "2022-13-20T13:00:00+08:00",
    "2022-08-00T13:00:00+08:00",
    "2022-08-32T13:00:00+08:00",
    "2022-04-31T13:00:00+08:00",
    "2022-06-31T13:00:00+08:00",
    "2022-09-31T13:00:00+08:00",
    "2022-11-31T13:00:00+08:00",
    "2022-08-20T24:00:00+08:00",
    "2022-08-20T13:60:00+08:00",
    "2022-08-20T13:00:61+08:00",
    "2022-08-20T13:00:99+08:00",
    /* Trailing garbage. */
    "2022-08-20T13:00:00+08:00x",
    "2022-08-20T13:00:00+08:00:00",
    "2022-08-20T13:00:00Zx",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gint64 utc = 42;
      int offset = 42;

      if (sitroom_time_parse (refused[i], &utc, &offset))
        g_error ("“%s” was accepted", refused[i]);
      /* A refused time leaves the outputs alone. */
      g_assert_cmpint (utc, ==, 42);
      g_assert_cmpint (offset, ==, 42);
    }
}

static void
test_parse_optional_outputs (void)
{
  gint64 utc = 0;
  int offset = 0;

  g_assert_true (sitroom_time_parse ("2022-08-20T13:00:00+08:00", NULL, NULL));
  g_assert_true (sitroom_time_parse ("2022-08-20T13:00:00+08:00", &utc, NULL));
  g_assert_cmpint (utc, ==, 1660971600);
  g_assert_true (sitroom_time_parse ("2022-08-20T13:00:00+08:00", NULL, &offset));
  g_assert_cmpint (offset, ==, 8 * 3600);
}

static void
test_format (void)
{
  static const struct {
    gint64 utc;
    int offset;
    const char *expected;
  } cases[] = {
    { 1660971600, 8 * 3600, "2022-08-20T13:00:00+08:00" },
    /* UTC is written as an offset too, never as "Z". */
    { 1660971600, 0, "2022-08-20T05:00:00+00:00" },
    { 1660971600, -(5 * 3600 + 30 * 60), "2022-08-19T23:30:00-05:30" },
    { 0, 0, "1970-01-01T00:00:00+00:00" },
    { -1, 0, "1969-12-31T23:59:59+00:00" },
    { -1, 8 * 3600, "1970-01-01T07:59:59+08:00" },
    { 951782400, 0, "2000-02-29T00:00:00+00:00" },
    { 951782399, 0, "2000-02-28T23:59:59+00:00" },
    { 1483228800, 0, "2017-01-01T00:00:00+00:00" },
    { G_GINT64_CONSTANT (-62167219200), 0, "0000-01-01T00:00:00+00:00" },
    { G_GINT64_CONSTANT (253402300799), 0, "9999-12-31T23:59:59+00:00" },
    { 1660971600, 86340, "2022-08-21T04:59:00+23:59" },
    { 1660971600, -86340, "2022-08-19T05:01:00-23:59" },
    /* An offset finer than a minute is cut to the minute, and the time follows. */
    { 1660971600, 8 * 3600 + 59, "2022-08-20T13:00:00+08:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *str = sitroom_time_format (cases[i].utc, cases[i].offset);

      g_assert_cmpstr (str, ==, cases[i].expected);
    }
}

static void
test_round_trip (void)
{
  static const int offsets[] = { 0, 8 * 3600, -5 * 3600, 5 * 3600 + 45 * 60, -(9 * 3600 + 30 * 60),
                                 86340, -86340, 60, -60 };

  /* Times across the years GDateTime knows (0001 to 9999), and more of them near
   * the epoch and the year of the first feeds. */
  for (guint i = 0; i < 20000; i++)
    {
      gint64 utc;
      int offset = offsets[i % G_N_ELEMENTS (offsets)];
      g_autofree char *str = NULL;
      g_autofree char *expected = NULL;
      gint64 parsed_utc;
      int parsed_offset;

      if (i % 2 == 0)
        utc = (gint64) g_test_rand_double_range (-62135596800.0 + 86400, 253402300799.0 - 86400);
      else
        utc = (gint64) g_test_rand_double_range (-2.0e9, 2.0e9);

      str = sitroom_time_format (utc, offset);
      expected = reference_format (utc, offset);
      g_assert_cmpstr (str, ==, expected);

      g_assert_true (sitroom_time_parse (str, &parsed_utc, &parsed_offset));
      g_assert_cmpint (parsed_utc, ==, utc);
      g_assert_cmpint (parsed_offset, ==, offset);
    }
}

static void
test_every_day (void)
{
  /* Each day from 1899 to 2101 at midnight UTC, so that every month boundary and
   * every leap day of three centuries is crossed once. */
  gint64 first = reference_utc (1899, 1, 1, 0, 0, 0, 0);
  gint64 last = reference_utc (2101, 12, 31, 0, 0, 0, 0);

  for (gint64 utc = first; utc <= last; utc += 86400)
    {
      g_autofree char *str = sitroom_time_format (utc, 0);
      g_autofree char *expected = reference_format (utc, 0);
      gint64 parsed;

      g_assert_cmpstr (str, ==, expected);
      g_assert_true (sitroom_time_parse (str, &parsed, NULL));
      g_assert_cmpint (parsed, ==, utc);
    }
}

static void
test_format_out_of_range (void)
{
  if (g_test_subprocess ())
    {
      /* SITROOM_TIME_NONE given by mistake must not overflow into a string. */
      char *str = sitroom_time_format (G_MININT64, 8 * 3600);

      g_assert_null (str);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*sitroom_time_format*");
}

/* Days begin at 00:00 CST, which is 16:00 UTC the day before. */
static void
test_cst_day (void)
{
  gint64 midnight;   /* 2022-08-20T00:00:00+08:00 */
  int offset;

  g_assert_true (sitroom_time_parse ("2022-08-20T00:00:00+08:00", &midnight, &offset));
  g_assert_cmpint (midnight, ==, 1660924800);
  g_assert_cmpint (sitroom_time_cst_day (midnight), ==, 19224);
  g_assert_cmpint (sitroom_time_cst_day (midnight) * 86400 - SITROOM_CST_OFFSET, ==, midnight);
  g_assert_cmpint (sitroom_time_cst_day (midnight - 1), ==, 19223);
  g_assert_cmpint (sitroom_time_cst_day (midnight + 86399), ==, 19224);
  g_assert_cmpint (sitroom_time_cst_day (midnight + 86400), ==, 19225);
  /* Before 1970 and at the ends of the range: floor, never an overflow. */
  g_assert_cmpint (sitroom_time_cst_day (-SITROOM_CST_OFFSET), ==, 0);
  g_assert_cmpint (sitroom_time_cst_day (-SITROOM_CST_OFFSET - 1), ==, -1);
  g_assert_cmpint (sitroom_time_cst_day (G_MAXINT64), ==, G_MAXINT64 / 86400);
  g_assert_cmpint (sitroom_time_cst_day (G_MININT64), ==, G_MININT64 / 86400 - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/parse/valid", test_parse_valid);
  g_test_add_func ("/time/parse/fraction", test_parse_fraction);
  g_test_add_func ("/time/parse/leap-second", test_parse_leap_second);
  g_test_add_func ("/time/parse/leap-years", test_parse_leap_years);
  g_test_add_func ("/time/parse/refused", test_parse_refused);
  g_test_add_func ("/time/parse/optional-outputs", test_parse_optional_outputs);
  g_test_add_func ("/time/format/examples", test_format);
  g_test_add_func ("/time/format/out-of-range", test_format_out_of_range);
  g_test_add_func ("/time/round-trip/random", test_round_trip);
  g_test_add_func ("/time/round-trip/every-day", test_every_day);
  g_test_add_func ("/time/cst-day", test_cst_day);

  return g_test_run ();
}
