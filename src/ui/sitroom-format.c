/* How the windows write times, counts, names and kinds for people, and how large their charts' type is. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sitroom-format.h"
#include "sitroom-time.h"

GDateTime *
sitroom_format_cst (gint64 utc)
{
  g_autoptr(GTimeZone) cst = g_time_zone_new_offset (SITROOM_CST_OFFSET);
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (utc);

  return at != NULL ? g_date_time_to_timezone (at, cst) : NULL;
}

char *
sitroom_format_time (gint64      utc,
                     const char *lang)
{
  g_autoptr(GDateTime) at = NULL;

  g_return_val_if_fail (utc != SITROOM_TIME_NONE, NULL);

  at = sitroom_format_cst (utc);
  if (at == NULL)
    return g_strdup ("—");

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

char *
sitroom_format_regions (SitroomSituation *situation,
                        const int        *regions,
                        guint             n_regions,
                        const char       *lang)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (SITROOM_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (regions != NULL || n_regions == 0, NULL);

  for (guint i = 0; i < n_regions; i++)
    {
      if (i > 0)
        /* Translators: between region names in a list, as in "Jincheng, Taiyuan". */
        g_string_append (names, _(", "));
      g_string_append (names, sitroom_format_region (situation, regions[i], lang));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

char *
sitroom_format_chain (SitroomSituation *situation,
                      int               chain,
                      const char       *lang)
{
  const SitroomChain *record;
  const char *title;

  g_return_val_if_fail (SITROOM_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (chain >= 0 && (guint) chain < sitroom_situation_get_n_chains (situation), NULL);

  record = sitroom_situation_get_chain (situation, chain);
  title = sitroom_text_get (&record->title, lang);
  if (record->label != NULL && strstr (title, record->label) == NULL)
    return g_strdup_printf ("%s %s", record->label, title);
  return g_strdup (title);
}

char *
sitroom_format_duration (gint64 seconds)
{
  gint64 days;
  int hours;
  g_autofree char *days_text = NULL;
  g_autofree char *hours_text = NULL;

  sitroom_measure_split_duration (seconds, &days, &hours);

  if (days == 0 && hours == 0)
    /* Translators: how long a measure has been in force, under one hour. */
    return g_strdup (_("less than an hour"));

  if (days > 0)
    /* Translators: a number of days in a duration, as in "2 days 5 hours". */
    days_text = g_strdup_printf (ngettext ("%lld day", "%lld days", (gulong) MIN (days, G_MAXLONG)),
                                 (long long) days);
  if (hours > 0)
    /* Translators: a number of hours in a duration, as in "2 days 5 hours". */
    hours_text = g_strdup_printf (ngettext ("%d hour", "%d hours", hours), hours);

  if (days_text == NULL)
    return g_steal_pointer (&hours_text);
  if (hours_text == NULL)
    return g_steal_pointer (&days_text);
  /* Translators: days, then hours, of one duration, as in "2 days 5 hours";
   * Chinese writes them without a space ("2天5小时"). */
  return g_strdup_printf (C_ ("duration", "%s %s"), days_text, hours_text);
}

char *
sitroom_format_measure_period (const SitroomMeasure *measure,
                               const char           *lang)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (measure != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  from = sitroom_format_time (measure->from, lang);
  if (measure->until == SITROOM_TIME_NONE)
    /* Translators: when a measure with no end began; %s is a date and time. */
    return g_strdup_printf (_("since %s"), from);

  until = sitroom_format_time (measure->until, lang);
  /* Translators: when a measure began and when it ends (or ended). */
  return g_strdup_printf (_("from %s until %s"), from, until);
}

char *
sitroom_format_measure_so_far (const SitroomMeasureState *state)
{
  g_autofree char *duration = NULL;

  g_return_val_if_fail (state != NULL, NULL);

  if (state->status == SITROOM_MEASURE_SCHEDULED)
    /* Translators: a measure whose start is after the time shown. */
    return g_strdup (_("not yet in force"));

  duration = sitroom_format_duration (state->in_force_for);
  if (state->status == SITROOM_MEASURE_ENDED)
    /* Translators: how long a measure that has ended was in force, as in "was in force for 3 days". */
    return g_strdup_printf (_("was in force for %s"), duration);
  /* Translators: how long a measure has been in force at the time shown, as in "in force for 1 day 1 hour". */
  return g_strdup_printf (_("in force for %s"), duration);
}

const char *
sitroom_format_event_kind (SitroomEventKind kind)
{
  switch (kind)
    {
    case SITROOM_EVENT_DETECTION:
      /* Translators: a kind of event in an infection chain's story. */
      return _("Detection");
    case SITROOM_EVENT_TEST:
      /* Translators: a kind of event in an infection chain's story. */
      return _("Testing");
    case SITROOM_EVENT_QUARANTINE:
      /* Translators: a kind of event in an infection chain's story. */
      return _("Quarantine");
    case SITROOM_EVENT_TRACE:
      /* Translators: a kind of event in an infection chain's story: contact tracing. */
      return _("Tracing");
    case SITROOM_EVENT_MEASURE:
      /* Translators: a kind of event in an infection chain's story: a control measure. */
      return _("Measure");
    case SITROOM_EVENT_TRANSFER:
      /* Translators: a kind of event in an infection chain's story: cases moved to hospital. */
      return _("Transfer");
    case SITROOM_EVENT_NOTE:
    case SITROOM_N_EVENT_KINDS:
    default:
      /* Translators: a kind of event in an infection chain's story. */
      return _("Note");
    }
}

const char *
sitroom_format_classification (SitroomClassification classification)
{
  switch (classification)
    {
    case SITROOM_CLASS_MILD:
      /* Translators: the classification of a confirmed case. */
      return _("Mild");
    case SITROOM_CLASS_MODERATE:
      /* Translators: the classification of a confirmed case. */
      return _("Moderate");
    case SITROOM_CLASS_SEVERE:
      /* Translators: the classification of a confirmed case. */
      return _("Severe");
    case SITROOM_CLASS_CRITICAL:
      /* Translators: the classification of a confirmed case. */
      return _("Critical");
    case SITROOM_CLASS_ASYMPTOMATIC:
      /* Translators: the classification of a positive without symptoms. */
      return _("Asymptomatic");
    case SITROOM_N_CLASSES:
    default:
      g_return_val_if_reached ("—");
    }
}

const char *
sitroom_format_measure_kind (SitroomMeasureKind kind)
{
  switch (kind)
    {
    case SITROOM_MEASURE_STATIC_MANAGEMENT:
      return _("Static management");
    case SITROOM_MEASURE_TRAFFIC_CONTROL:
      return _("Traffic control");
    case SITROOM_MEASURE_MASS_TESTING:
      return _("Mass testing");
    case SITROOM_MEASURE_LOCKDOWN_LIFTED:
      return _("Lockdown lifted");
    case SITROOM_MEASURE_OTHER:
    case SITROOM_N_MEASURE_KINDS:
    default:
      return _("Other measure");
    }
}

double
sitroom_format_text_scale (GtkWidget *widget)
{
  const PangoFontDescription *font;
  double size;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 1.0);

  /* GTK gives the CSS font size as an absolute size, in CSS pixels; a size
   * in points is the desktop's own, at its resolution. */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return 1.0;
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    {
      double dpi = pango_cairo_context_get_resolution (gtk_widget_get_pango_context (widget));

      size *= (dpi > 0 ? dpi : 96.0) / 72.0;
    }

  return MAX (size / SITROOM_DESK_FONT_PX, 1.0);
}
