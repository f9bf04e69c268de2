/* Ticks for a time axis: a step from an hour to months or years, aligned to China Standard Time, labelled in zh or en. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-render-text.h"
#include "sitroom-time-axis.h"
#include "sitroom-time.h"

#define HOUR G_GINT64_CONSTANT (3600)
#define DAY G_GINT64_CONSTANT (86400)

/* GDate counts days from 0001-01-01 (its day 1); 1970-01-01 is its day 719163. */
#define JULIAN_OF_EPOCH G_GINT64_CONSTANT (719163)

/* The calendar the labels can write, in CST seconds: 0001-01-01T00:00:00
 * to 9999-12-31T23:59:59. A range beyond it is cut to it, which also keeps
 * every sum below from overflowing. */
#define FIRST_LOCAL G_GINT64_CONSTANT (-62135596800)
#define LAST_LOCAL G_GINT64_CONSTANT (253402300799)
#define MAX_YEARS 10000

/* 1970-01-05, the first Monday after the epoch: weeks start there. */
#define MONDAY_PHASE (4 * DAY)

/* However wide the axis, a frame never walks more than this many ticks:
 * the major ones bound the step, and minor ones are left out when they
 * would pass the total. */
#define MAX_MAJOR_TICKS 200
#define MAX_TICKS 600

/* Ticks closer than a pixel cannot be told apart. */
#define MIN_SPACING_PX 1.0

/* Exactly one of the two is set: a fixed length, or whole calendar months. */
typedef struct {
  gint64 seconds;
  guint months;
} Step;

/* The steps from an hour to a year; after the year come 2, 5, 10, 20, …
 * years, only reached when the months of a long range would crowd. */
static const Step fixed_ladder[] = {
  { HOUR, 0 }, { 3 * HOUR, 0 }, { 6 * HOUR, 0 }, { 12 * HOUR, 0 },
  { DAY, 0 }, { 2 * DAY, 0 }, { 7 * DAY, 0 },
  { 0, 1 }, { 0, 3 }, { 0, 6 }, { 0, 12 },
};

#define WEEK_INDEX 6
#define MONTH_INDEX 7

static gint64
floor_div (gint64 a,
           gint64 b)
{
  g_assert (b > 0);

  return a / b - (a % b < 0 ? 1 : 0);
}

static gint64
floor_mod (gint64 a,
           gint64 b)
{
  return a - floor_div (a, b) * b;
}

/* The ladder's @index-th step; FALSE past its end. */
static gboolean
step_at (guint  index,
         Step  *out)
{
  static const guint mantissa[] = { 2, 5, 10 };
  guint years;

  if (index < G_N_ELEMENTS (fixed_ladder))
    {
      *out = fixed_ladder[index];
      return TRUE;
    }

  index -= G_N_ELEMENTS (fixed_ladder);
  years = mantissa[index % 3];
  for (guint i = 0; i < index / 3; i++)
    {
      years *= 10;
      if (years > MAX_YEARS)
        return FALSE;
    }
  if (years > MAX_YEARS)
    return FALSE;

  out->seconds = 0;
  out->months = years * 12;
  return TRUE;
}

/* The shortest time between two ticks of @step: what decides whether its
 * labels crowd, so that no February brings two labels too close. Quarters
 * and halves start in January and July, so their shortest is the first of
 * a common year; for a run of years, leap days are left out. */
static gint64
step_shortest (const Step *step)
{
  if (step->seconds > 0)
    return step->seconds;

  switch (step->months)
    {
    case 1:
      return 28 * DAY;
    case 3:
      return 90 * DAY;
    case 6:
      return 181 * DAY;
    default:
      g_assert (step->months % 12 == 0);
      return (gint64) step->months / 12 * 365 * DAY;
    }
}

static gboolean
step_divides (const Step *major,
              const Step *minor)
{
  if (major->seconds > 0)
    return minor->seconds > 0 && major->seconds % minor->seconds == 0;
  return minor->months > 0 && major->months % minor->months == 0;
}

/* The step of the minor ticks: the next smaller one whose ticks fall on
 * every major tick, so the marks read as a regular scale. Months are the
 * exception, divided into weeks as a calendar is. Returns FALSE for the
 * hour, which has none. */
static gboolean
minor_step_of (guint  index,
               Step  *out)
{
  Step major;

  if (index == MONTH_INDEX)
    return step_at (WEEK_INDEX, out);

  if (!step_at (index, &major))
    g_assert_not_reached ();
  while (index-- > 0)
    {
      if (!step_at (index, out))
        g_assert_not_reached ();
      if (step_divides (&major, out))
        return TRUE;
    }
  return FALSE;
}

/* The range in CST seconds, cut to the calendar; FALSE when nothing can be drawn. */
static gboolean
local_range (gint64  start,
             gint64  end,
             double  width,
             gint64 *out_start,
             gint64 *out_end)
{
  if (start >= end || !(width > 0) || !isfinite (width))
    return FALSE;

  *out_start = CLAMP (start, FIRST_LOCAL - SITROOM_CST_OFFSET, LAST_LOCAL - SITROOM_CST_OFFSET)
               + SITROOM_CST_OFFSET;
  *out_end = CLAMP (end, FIRST_LOCAL - SITROOM_CST_OFFSET, LAST_LOCAL - SITROOM_CST_OFFSET)
             + SITROOM_CST_OFFSET;
  return *out_start < *out_end;
}

/* The index in the ladder of the smallest step whose labels do not crowd;
 * FALSE when even the longest crowds, as on an axis a few pixels wide. */
static gboolean
choose_step (gint64  local_start,
             gint64  local_end,
             double  width,
             double  min_label_px,
             guint  *out_index)
{
  double span = (double) (local_end - local_start);
  double px_per_second = width / span;
  Step step;

  g_assert (local_start < local_end);

  if (!(min_label_px >= MIN_SPACING_PX))
    min_label_px = MIN_SPACING_PX;

  for (guint i = 0; step_at (i, &step); i++)
    {
      double shortest = (double) step_shortest (&step);

      if (shortest * px_per_second >= min_label_px
          && span / shortest + 1 <= MAX_MAJOR_TICKS)
        {
          *out_index = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
civil_from_local (gint64  local,
                  int    *year,
                  int    *month,
                  int    *day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (floor_div (local, DAY) + JULIAN_OF_EPOCH));
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *day = g_date_get_day (&date);
}

/* CST seconds at 00:00 on the first of the month @index months after January of year 0. */
static gint64
local_from_month_index (gint64 index)
{
  GDate date;

  g_assert (index >= 12);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) (index % 12 + 1), (GDateYear) (index / 12));
  return ((gint64) g_date_get_julian (&date) - JULIAN_OF_EPOCH) * DAY;
}

static gint64
month_index_of (gint64 local)
{
  int year, month, day;

  civil_from_local (local, &year, &month, &day);
  return (gint64) year * 12 + month - 1;
}

/* Where a fixed step's ticks start counting. Two-day ticks fall on even
 * days since 1970-01-01: any fixed choice would do, as long as panning
 * never moves them. */
static gint64
fixed_phase (const Step *step)
{
  return step->seconds == 7 * DAY ? MONDAY_PHASE : 0;
}

static gboolean
is_aligned (const Step *step,
            gint64      local)
{
  int year, month, day;

  if (step->seconds > 0)
    return floor_mod (local - fixed_phase (step), step->seconds) == 0;

  if (floor_mod (local, DAY) != 0)
    return FALSE;
  civil_from_local (local, &year, &month, &day);
  return day == 1 && ((gint64) year * 12 + month - 1) % step->months == 0;
}

static void
append_tick (GArray  *ticks,
             gint64   local,
             gboolean major)
{
  SitroomTick tick = { local - SITROOM_CST_OFFSET, major, NULL };

  g_array_append_val (ticks, tick);
}

static void
append_fixed_ticks (GArray     *ticks,
                    const Step *step,
                    const Step *skip,
                    gboolean    major,
                    gint64      local_start,
                    gint64      local_end)
{
  gint64 phase = fixed_phase (step);
  gint64 local = phase + (floor_div (local_start - phase - 1, step->seconds) + 1) * step->seconds;

  for (; local <= local_end; local += step->seconds)
    if (skip == NULL || !is_aligned (skip, local))
      append_tick (ticks, local, major);
}

static void
append_month_ticks (GArray     *ticks,
                    const Step *step,
                    const Step *skip,
                    gboolean    major,
                    gint64      local_start,
                    gint64      local_end)
{
  gint64 index = month_index_of (local_start);

  if (local_from_month_index (index) < local_start)
    index++;
  index = (floor_div (index - 1, step->months) + 1) * step->months;

  for (; index < (gint64) MAX_YEARS * 12; index += step->months)
    {
      gint64 local = local_from_month_index (index);

      if (local > local_end)
        break;
      if (skip == NULL || !is_aligned (skip, local))
        append_tick (ticks, local, major);
    }
}

/* Appends the ticks of @step in [@local_start, @local_end], leaving out
 * those that fall on a tick of @skip (the major step, for minor ticks). */
static void
append_ticks (GArray     *ticks,
              const Step *step,
              const Step *skip,
              gboolean    major,
              gint64      local_start,
              gint64      local_end)
{
  if (step->seconds > 0)
    append_fixed_ticks (ticks, step, skip, major, local_start, local_end);
  else
    append_month_ticks (ticks, step, skip, major, local_start, local_end);
}

static char *
format_day (int      year,
            int      month,
            int      day,
            gboolean with_year,
            gboolean zh)
{
  if (zh)
    return with_year ? g_strdup_printf ("%d年%d月%d日", year, month, day)
                     : g_strdup_printf ("%d月%d日", month, day);
  return with_year ? g_strdup_printf ("%d %s %d", day, sitroom_render_month_abbreviation (month), year)
                   : g_strdup_printf ("%d %s", day, sitroom_render_month_abbreviation (month));
}

/* Labels the major ticks, in time order. A day label carries the year the
 * first time a day is named and whenever the year has changed since the
 * day named before, so a reader never has to guess it. */
static void
label_ticks (GArray     *ticks,
             const Step *step,
             gboolean    zh)
{
  int shown_year = G_MININT;

  for (guint i = 0; i < ticks->len; i++)
    {
      SitroomTick *tick = &g_array_index (ticks, SitroomTick, i);
      gint64 local = tick->at + SITROOM_CST_OFFSET;
      int year, month, day;

      if (!tick->major)
        continue;

      civil_from_local (local, &year, &month, &day);
      if (step->months >= 12)
        tick->label = zh ? g_strdup_printf ("%d年", year) : g_strdup_printf ("%d", year);
      else if (step->months > 0)
        tick->label = zh ? g_strdup_printf ("%d年%d月", year, month)
                         : g_strdup_printf ("%s %d", sitroom_render_month_abbreviation (month), year);
      else if (floor_mod (local, DAY) == 0)
        {
          tick->label = format_day (year, month, day, year != shown_year, zh);
          shown_year = year;
        }
      else
        {
          int hour = (int) (floor_mod (local, DAY) / HOUR);

          tick->label = zh ? g_strdup_printf ("%d时", hour) : g_strdup_printf ("%02d:00", hour);
        }
    }
}

static void
clear_tick (gpointer data)
{
  SitroomTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static int
compare_ticks (gconstpointer a,
               gconstpointer b)
{
  const SitroomTick *ta = a;
  const SitroomTick *tb = b;

  return (ta->at > tb->at) - (ta->at < tb->at);
}

GArray *
sitroom_time_axis_ticks (gint64      start,
                         gint64      end,
                         double      width,
                         double      min_label_px,
                         const char *lang)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (SitroomTick));
  gint64 local_start, local_end;
  guint index;
  Step step, minor;

  g_array_set_clear_func (ticks, clear_tick);

  if (!local_range (start, end, width, &local_start, &local_end)
      || !choose_step (local_start, local_end, width, min_label_px, &index))
    return ticks;

  if (!step_at (index, &step))
    g_assert_not_reached ();
  append_ticks (ticks, &step, NULL, TRUE, local_start, local_end);

  if (minor_step_of (index, &minor)
      && ticks->len + (local_end - local_start) / step_shortest (&minor) + 1 <= MAX_TICKS)
    {
      append_ticks (ticks, &minor, &step, FALSE, local_start, local_end);
      g_array_sort (ticks, compare_ticks);
    }

  label_ticks (ticks, &step, sitroom_render_is_chinese (lang));
  return ticks;
}

gint64
sitroom_time_axis_step (gint64 start,
                        gint64 end,
                        double width,
                        double min_label_px)
{
  gint64 local_start, local_end;
  guint index;
  Step step;

  if (!local_range (start, end, width, &local_start, &local_end)
      || !choose_step (local_start, local_end, width, min_label_px, &index))
    return 0;

  if (!step_at (index, &step))
    g_assert_not_reached ();
  return step.seconds > 0 ? step.seconds : (gint64) step.months * 30 * DAY;
}
