/* RFC 3339 times: strict parsing to Unix seconds, and formatting at a fixed offset. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* China Standard Time, the offset the application shows days and hours in. */
#define SITROOM_CST_OFFSET (8 * 3600)

/* Parses "2022-08-20T13:00:00+08:00" (also 'Z', lower-case 't'/'z', fractions of a second,
 * which are dropped). An offset is required. Returns FALSE on anything else. */
gboolean sitroom_time_parse  (const char *str,
                              gint64     *out_utc,
                              int        *out_offset_seconds);

/* The China Standard Time day of @utc, counted from 1970-01-01 CST:
 * floor ((utc + SITROOM_CST_OFFSET) / 86400), for any gint64 without
 * overflow. Its 00:00 CST is day × 86400 − SITROOM_CST_OFFSET. */
gint64   sitroom_time_cst_day (gint64     utc);

/* "2022-08-20T13:00:00+08:00" for the given offset in seconds. */
char    *sitroom_time_format (gint64      utc,
                              int         offset_seconds);

G_END_DECLS
