/* How the windows write times, counts, names and kinds for people, and how large their charts' type is. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-measures.h"
#include "sitroom-situation.h"

G_BEGIN_DECLS

/* @utc (seconds) as a China Standard Time date and time, whatever the
 * machine's time zone; NULL when it is out of GDateTime's range. */
GDateTime  *sitroom_format_cst     (gint64            utc);

/* "2022-08-20 13:00 CST" in English, "8月20日13时" in Chinese: always China
 * Standard Time, whatever the machine's time zone, as the briefings are. */
char       *sitroom_format_time    (gint64            utc,
                                    const char       *lang);

/* The count with the locale's digit grouping, or "—" for a figure the
 * document does not give (negative). */
char       *sitroom_format_count   (gint64            count);

/* "Updated just now", "Updated 5 minutes ago", … from two g_get_real_time()
 * values; for a @stored copy "Stored copy, fetched 2 hours ago". */
char       *sitroom_format_updated (gint64            updated_at,
                                    gint64            now,
                                    gboolean          stored);

/* "13:07": a real time (µs) on this machine's clock, for times of the
 * application's own doing (the next attempt), not of the data. */
char       *sitroom_format_clock   (gint64            real_time);

/* The name of a region in @lang, "—" for no region. */
const char *sitroom_format_region  (SitroomSituation *situation,
                                    int               region,
                                    const char       *lang);

/* "Jincheng, Taiyuan": the names of @n_regions regions in @lang, joined
 * as the language lists them; "" for none. */
char       *sitroom_format_regions (SitroomSituation *situation,
                                    const int        *regions,
                                    guint             n_regions,
                                    const char       *lang);

/* A chain as people know it: its title, led by its label when the title
 * does not already say it. */
char       *sitroom_format_chain   (SitroomSituation *situation,
                                    int               chain,
                                    const char       *lang);

/* "1 day 1 hour", "13 hours", "2 days": @seconds in whole days and hours,
 * rounded down to the hour, in the UI's language; "less than an hour"
 * below one. */
char       *sitroom_format_duration (gint64           seconds);

/* When a measure is in force: "since 2022-08-20 12:00 CST", or "from …
 * until …" when it has an end; times as sitroom_format_time() in @lang. */
char       *sitroom_format_measure_period (const SitroomMeasure      *measure,
                                           const char                *lang);
/* How long so far at the cutoff: "in force for 1 day 1 hour", "was in
 * force for 3 days" once ended, "not yet in force" while scheduled. */
char       *sitroom_format_measure_so_far (const SitroomMeasureState *state);

/* The translated names of the situation's kinds, for the UI's language. */
const char *sitroom_format_event_kind     (SitroomEventKind      kind);
const char *sitroom_format_classification (SitroomClassification classification);
const char *sitroom_format_measure_kind   (SitroomMeasureKind    kind);

/* The desktop's usual type, 11 pt at 96 dpi, in pixels: the size the
 * renderers' text is set for at a text_scale of 1. */
#define SITROOM_DESK_FONT_PX (11.0 * 96.0 / 72.0)

/* The text_scale for a chart drawn in @widget: its CSS font size over
 * SITROOM_DESK_FONT_PX, so that the wall's 24 px gives about 1.64. Never
 * below 1: a desktop with smaller type (10 pt) keeps the charts as they
 * are on a desk, whose smallest labels are as small as they can be read.
 * Read it on GtkWidget::css-changed, after chaining up. */
double      sitroom_format_text_scale     (GtkWidget            *widget);

G_END_DECLS
