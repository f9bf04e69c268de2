/* How the windows write times, counts and region names for people. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-situation.h"

G_BEGIN_DECLS

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

G_END_DECLS
