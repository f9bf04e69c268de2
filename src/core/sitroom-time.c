/* RFC 3339 times: a strict parser to Unix seconds and a formatter, without GDateTime per call. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sitroom-time.h"

/* Days from 0001-01-01 to 1970-01-01 in the proleptic Gregorian calendar. */
#define DAYS_TO_EPOCH G_GINT64_CONSTANT (719162)
/* One Gregorian cycle: the calendar repeats every 400 years. */
#define DAYS_PER_400_YEARS 146097
#define SECONDS_PER_DAY 86400

/* 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years RFC 3339 can write. */
#define FIRST_SECOND G_GINT64_CONSTANT (-62167219200)
#define LAST_SECOND G_GINT64_CONSTANT (253402300799)

#define MAX_OFFSET ((23 * 60 + 59) * 60)

static const int days_before_month[12] = {
  0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
};

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_assert (month >= 1 && month <= 12);

  if (month == 2 && is_leap_year (year))
    return 29;

  return lengths[month - 1];
}

/* Days since 1970-01-01 of a valid date in years 0000 to 9999. The year is moved one
 * cycle forward so that year 0 needs no negative division; the cycle is taken back
 * off at the end. */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = (gint64) year + 400 - 1;   /* whole years before the shifted year */
  gint64 days;

  g_assert (year >= 0 && year <= 9999);
  g_assert (month >= 1 && month <= 12);

  days = y * 365 + y / 4 - y / 100 + y / 400;
  days += days_before_month[month - 1];
  if (month > 2 && is_leap_year (year))
    days += 1;
  days += day - 1;

  return days - DAYS_PER_400_YEARS - DAYS_TO_EPOCH;
}

/* The inverse of days_from_civil() for the same years. */
static void
civil_from_days (gint64  days,
                 int    *out_year,
                 int    *out_month,
                 int    *out_day)
{
  gint64 n = days + DAYS_TO_EPOCH + DAYS_PER_400_YEARS;   /* days since 0001-01-01, shifted */
  gint64 cycles, centuries, quads, years;
  int year, month, yday;

  g_assert (n >= 0);

  cycles = n / DAYS_PER_400_YEARS;
  n %= DAYS_PER_400_YEARS;
  /* The last day of a cycle (and of a four-year span) belongs to its leap year, which
   * the plain divisions would count as the start of the next one. */
  centuries = MIN (n / 36524, 3);
  n -= centuries * 36524;
  quads = n / 1461;
  n %= 1461;
  years = MIN (n / 365, 3);
  n -= years * 365;

  year = (int) (cycles * 400 + centuries * 100 + quads * 4 + years + 1 - 400);
  yday = (int) n;

  for (month = 12; month > 1; month--)
    {
      int start = days_before_month[month - 1] + (month > 2 && is_leap_year (year) ? 1 : 0);

      if (yday >= start)
        break;
    }

  *out_year = year;
  *out_month = month;
  *out_day = yday - (days_before_month[month - 1] +
                     (month > 2 && is_leap_year (year) ? 1 : 0)) + 1;
}

/* Reads exactly @n ASCII digits; g_ascii_isdigit() is not used so that the test
 * stays a pair of comparisons and never depends on the locale. */
static gboolean
read_digits (const char **p,
             int          n,
             int         *out_value)
{
  int value = 0;

  g_assert (n > 0 && n <= 4);

  for (int i = 0; i < n; i++)
    {
      char c = (*p)[i];

      if (c < '0' || c > '9')
        return FALSE;
      value = value * 10 + (c - '0');
    }

  *p += n;
  *out_value = value;

  return TRUE;
}

static gboolean
expect (const char **p,
        char         c)
{
  if (**p != c)
    return FALSE;

  *p += 1;

  return TRUE;
}

/*
 * The grammar is RFC 3339's date-time, with nothing around it: no spaces, no
 * time without an offset, no trailing bytes. A second of 60 is accepted anywhere
 * and counts as the first second of the next minute, as POSIX time does: a
 * leap second has no Unix time of its own, and a feed that writes one is still
 * correct RFC 3339. "-00:00" (offset unknown) reads as UTC.
 */
gboolean
sitroom_time_parse (const char *str,
                    gint64     *out_utc,
                    int        *out_offset_seconds)
{
  const char *p = str;
  int year, month, day, hour, minute, second;
  int offset = 0;
  gint64 local;

  g_return_val_if_fail (str != NULL, FALSE);

  if (!read_digits (&p, 4, &year) || !expect (&p, '-') ||
      !read_digits (&p, 2, &month) || !expect (&p, '-') ||
      !read_digits (&p, 2, &day))
    return FALSE;

  if (*p != 'T' && *p != 't')
    return FALSE;
  p++;

  if (!read_digits (&p, 2, &hour) || !expect (&p, ':') ||
      !read_digits (&p, 2, &minute) || !expect (&p, ':') ||
      !read_digits (&p, 2, &second))
    return FALSE;

  if (*p == '.')
    {
      p++;
      if (*p < '0' || *p > '9')
        return FALSE;
      while (*p >= '0' && *p <= '9')
        p++;
    }

  if (*p == 'Z' || *p == 'z')
    {
      p++;
    }
  else if (*p == '+' || *p == '-')
    {
      int sign = *p == '-' ? -1 : 1;
      int offset_hours, offset_minutes;

      p++;
      if (!read_digits (&p, 2, &offset_hours) || !expect (&p, ':') ||
          !read_digits (&p, 2, &offset_minutes))
        return FALSE;
      if (offset_hours > 23 || offset_minutes > 59)
        return FALSE;
      offset = sign * (offset_hours * 3600 + offset_minutes * 60);
    }
  else
    {
      return FALSE;
    }

  if (*p != '\0')
    return FALSE;

  if (month < 1 || month > 12 ||
      day < 1 || day > days_in_month (year, month) ||
      hour > 23 || minute > 59 || second > 60)
    return FALSE;

  local = days_from_civil (year, month, day) * SECONDS_PER_DAY +
          hour * 3600 + minute * 60 + second;

  if (out_utc != NULL)
    *out_utc = local - offset;
  if (out_offset_seconds != NULL)
    *out_offset_seconds = offset;

  return TRUE;
}

/* The offset is written in whole minutes, as RFC 3339 does; a finer offset is cut to
 * the minute and the local time follows it, so the string still names @utc. */
char *
sitroom_time_format (gint64 utc,
                     int    offset_seconds)
{
  int offset_minutes;
  gint64 local, days, seconds_of_day;
  int year, month, day;
  int abs_minutes;

  g_return_val_if_fail (offset_seconds >= -MAX_OFFSET && offset_seconds <= MAX_OFFSET, NULL);
  /* Checked before the offset is added, so that SITROOM_TIME_NONE cannot overflow. */
  g_return_val_if_fail (utc >= FIRST_SECOND - MAX_OFFSET && utc <= LAST_SECOND + MAX_OFFSET, NULL);

  offset_minutes = offset_seconds / 60;
  local = utc + offset_minutes * 60;
  g_return_val_if_fail (local >= FIRST_SECOND && local <= LAST_SECOND, NULL);

  /* Floor division: times before 1970 are negative. */
  days = local / SECONDS_PER_DAY;
  seconds_of_day = local % SECONDS_PER_DAY;
  if (seconds_of_day < 0)
    {
      seconds_of_day += SECONDS_PER_DAY;
      days -= 1;
    }

  civil_from_days (days, &year, &month, &day);
  abs_minutes = ABS (offset_minutes);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                          year, month, day,
                          (int) (seconds_of_day / 3600),
                          (int) (seconds_of_day / 60 % 60),
                          (int) (seconds_of_day % 60),
                          offset_minutes < 0 ? '-' : '+',
                          abs_minutes / 60, abs_minutes % 60);
}

gint64
sitroom_time_cst_day (gint64 utc)
{
  gint64 day = utc / 86400;
  gint64 rest = utc % 86400;

  /* Floor division, so that a time before 1970 falls on its own day. */
  if (rest < 0)
    {
      rest += 86400;
      day--;
    }
  /* Adding the offset to the remainder rather than to @utc cannot overflow. */
  if (rest + SITROOM_CST_OFFSET >= 86400)
    day++;
  return day;
}
