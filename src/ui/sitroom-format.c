/* How the windows write times, counts and region names for people. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-time.h"

char *
sitroom_format_time (gint64      utc,
                     const char *lang)
{
  g_autoptr(GTimeZone) cst = NULL;
  g_autoptr(GDateTime) at_utc = NULL;
  g_autoptr(GDateTime) at = NULL;

  g_return_val_if_fail (utc != SITROOM_TIME_NONE, NULL);

  cst = g_time_zone_new_offset (SITROOM_CST_OFFSET);
  at_utc = g_date_time_new_from_unix_utc (utc);
  if (at_utc == NULL)
    return g_strdup ("—");
  at = g_date_time_to_timezone (at_utc, cst);

  /* Chinese briefings write the hour with 时 and drop a zero minute; this is
   * the wording of the data's own language, not a translation of the English. */
  if (g_str_has_prefix (lang, "zh"))
    {
      if (g_date_time_get_minute (at) == 0)
        return g_strdup_printf ("%d月%d日%d时",
                                g_date_time_get_month (at),
                                g_date_time_get_day_of_month (at),
                                g_date_time_get_hour (at));
      return g_strdup_printf ("%d月%d日%d时%02d分",
                              g_date_time_get_month (at),
                              g_date_time_get_day_of_month (at),
                              g_date_time_get_hour (at),
                              g_date_time_get_minute (at));
    }

  return g_date_time_format (at, "%Y-%m-%d %H:%M CST");
}

char *
sitroom_format_count (gint64 count)
{
  if (count < 0)
    return g_strdup ("—");

  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

char *
sitroom_format_updated (gint64   updated_at,
                        gint64   now,
                        gboolean stored)
{
  gint64 minutes = MAX (0, now - updated_at) / (G_USEC_PER_SEC * 60);
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;
  int n;

  /* Whole sentences, not a prefix and an age: word order differs by language. */
  if (minutes < 1)
    return g_strdup (stored ? _("Stored copy, fetched just now") : _("Updated just now"));
  if (minutes < 60)
    {
      n = (int) minutes;
      return g_strdup_printf (stored
                                ? ngettext ("Stored copy, fetched %d minute ago", "Stored copy, fetched %d minutes ago", n)
                                : ngettext ("Updated %d minute ago", "Updated %d minutes ago", n),
                              n);
    }
  if (hours < 48)
    {
      n = (int) hours;
      return g_strdup_printf (stored
                                ? ngettext ("Stored copy, fetched %d hour ago", "Stored copy, fetched %d hours ago", n)
                                : ngettext ("Updated %d hour ago", "Updated %d hours ago", n),
                              n);
    }
  n = (int) MIN (days, G_MAXINT);
  return g_strdup_printf (stored
                            ? ngettext ("Stored copy, fetched %d day ago", "Stored copy, fetched %d days ago", n)
                            : ngettext ("Updated %d day ago", "Updated %d days ago", n),
                          n);
}

char *
sitroom_format_clock (gint64 real_time)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (real_time / G_USEC_PER_SEC);

  return at != NULL ? g_date_time_format (at, "%H:%M") : g_strdup ("—");
}

const char *
sitroom_format_region (SitroomSituation *situation,
                       int               region,
                       const char       *lang)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (situation), NULL);

  if (region < 0 || (guint) region >= sitroom_situation_get_n_regions (situation))
    return "—";

  return sitroom_text_get (&sitroom_situation_get_region (situation, region)->name, lang);
}
