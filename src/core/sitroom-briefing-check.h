/* Checking an edited briefing against the data: the numbers it states, the figures they name, and those that no longer match. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-briefing-figures.h"

G_BEGIN_DECLS

/* How the check works, and where it stops.
 *
 * 1. Numbers. A number is a run of digits (ASCII or full-width, "1,234"
 *    grouped in thousands). Numbers that are part of a date, a time, a
 *    duration, an ordinal, a percentage, a decimal or a name are not
 *    figures and are left out: a digit run followed by 年月日时点分秒号天周
 *    or "小时", preceded by 第, joined to another digit run by ":", "·",
 *    ".", "/" or "-" ("13:00", "8·17", "2022-08-20"), touching a Latin
 *    letter ("Z22", "19th"), followed by "%", or next to an English month
 *    name or followed by hours, days, weeks or minutes ("20 August 2022").
 *
 * 2. Keys, in the generated text. Each number is given the key of a
 *    figure of the view with the same value whose label (in the text's
 *    language) shares words with the text next to the number: Chinese is
 *    compared by pairs of characters, English by words, nearer words
 *    counting more, and the text looked at stops at the neighbouring
 *    numbers and at the end of the sentence. When the generated text has
 *    one paragraph more than the view has chains, paragraph 0 (the
 *    headline) may only state totals and prefectures and paragraph N only
 *    the figures of the Nth chain, as the generator writes them. A number
 *    that no label names stays without a key (a chain's positives in one
 *    prefecture, the people of an event): it is still checked, against the
 *    number the generated text has there.
 *
 * 3. Alignment, for an edited text. Its numbers are matched, in order, to
 *    those of the generated text by the words on each side of them (the
 *    best alignment that keeps the order, of pairs that share at least
 *    half of their surrounding words). A pair whose numbers differ is a
 *    mismatch: the user typed 共计12例 where the data says 11, or the data
 *    changed from 11 to 12 under an edit that still says 11.
 *
 * Limits: a number whose surrounding words were rewritten, a figure stated
 * in a sentence of the user's own, or a number spelled in words (十一例,
 * "eleven") is not matched and so not checked; a figure the generator
 * states without the words of its label is checked but has no key; a text
 * of more than 2000 numbers is not checked at all. The check says where a
 * figure may be wrong; it never proves an edited text right. */

/* A number of a text. */
typedef struct {
  gsize   start;     /* byte offsets of the number in the text */
  gsize   end;
  gint64  value;
  char   *key;       /* the figure it states, or NULL */
} SitroomBriefingNumber;

/* A number of an edited text that does not say what the data says. */
typedef struct {
  char   *key;       /* the figure, or NULL for a number no label names */
  char   *label;     /* the figure's label in the text's language, or NULL */
  char   *phrase;    /* the number and the words around it in the edited
                      * text, as far as the clause goes: "共计12例" */
  gsize   start;     /* byte offsets of the number in the edited text */
  gsize   end;
  gint64  stated;    /* what the edited text says */
  gint64  expected;  /* what the data says: the figure's value, or for a
                      * number without a key the generated text's */
} SitroomBriefingMismatch;

/* The numbers of @text (a text generated from the view @figures were taken
 * from, in @lang, "zh" or "en") that are figures, in order, each with the
 * key of the figure it states (step 2 above). A GArray of
 * SitroomBriefingNumber that owns its keys. */
GArray *sitroom_briefing_check_find_numbers (const char             *text,
                                             SitroomBriefingFigures *figures,
                                             const char             *lang);

/* The numbers of @edited that do not match @generated (the text generated
 * from the view @figures were taken from, in @lang), in the order of
 * @edited. Empty when the edit states every figure it kept as the data
 * does, and when @edited is @generated. A GArray of SitroomBriefingMismatch
 * that owns its strings. */
GArray *sitroom_briefing_check (SitroomBriefingFigures *figures,
                                const char             *generated,
                                const char             *edited,
                                const char             *lang);

G_END_DECLS
