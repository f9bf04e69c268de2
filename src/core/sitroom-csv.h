/* The figures of a view as CSV tables: by prefecture, by chain, by quarantine site. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

/* Every table is RFC 4180: fields with a quote, a comma, a CR or an LF are
 * quoted (quotes doubled), lines end in CRLF, the last one too. The file
 * starts with a UTF-8 byte-order mark, which spreadsheet programs need to
 * read Chinese text as UTF-8. The header row holds English keys that stay
 * the same across versions and languages, for programs that read the file.
 * A count the feed does not give is an empty field, not 0; times are
 * RFC 3339 in China Standard Time; names are in both languages, the English
 * one empty when the feed gives none. */

/* code, name_zh, name_en, positives, confirmed, mild, moderate, severe,
 * critical, asymptomatic, new_24h: one row per prefecture of the view, in
 * code order, with or without cases. */
GBytes  *sitroom_csv_prefectures (SitroomView *view);

/* id, label, title_zh, title_en, first_reported, positives, prefectures
 * (the codes its counted cases reach, joined with ";"), close_contacts,
 * secondary_contacts, status ("active", "closed" or "not-started" under
 * SITROOM_CHAIN_DEFAULT_CLOSE_DAYS): one row per chain, in document order. */
GBytes  *sitroom_csv_chains      (SitroomView *view);

/* id, prefecture, region, name_zh, name_en, kind ("centralized" or "home"),
 * capacity, occupied, free (capacity − occupied, 0 when over-full),
 * occupancy_percent (one decimal, empty when the capacity is 0), over_full
 * ("yes"/"no"), updated_at, illustrative ("yes" when the feed marks its
 * quarantine sites illustrative): one row per site in document order, only
 * those of the prefecture when the view is narrowed to one. */
GBytes  *sitroom_csv_sites       (SitroomView *view);

/* The three tables in one file (one byte-order mark), for the briefing:
 * each starts with a title row of two fields, the table's key
 * ("prefectures", "chains", "quarantine_sites") and the view's cutoff, and
 * a blank line separates one from the next. */
GBytes  *sitroom_csv_briefing    (SitroomView *view);

/* Writes sitroom_csv_briefing() to @path, replacing it whole or not at all.
 * Errors are G_FILE_ERROR. */
gboolean sitroom_csv_write_briefing (SitroomView  *view,
                                     const char   *path,
                                     GError      **error);

/* Appends one row of @fields (NULL: an empty field), each quoted when RFC
 * 4180 asks for it, ended by CRLF: for other tables in the same form. */
void     sitroom_csv_append_row  (GString            *out,
                                  const char * const *fields,
                                  guint               n_fields);

G_END_DECLS
