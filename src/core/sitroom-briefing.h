/* The briefing text: the headline paragraph of a press release, in Chinese or English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

/* The briefing exists in both languages whatever the locale: its wording is
 * written here for each language, not taken from the translation catalogue.
 * @lang is "zh" or "en" (anything not starting with "zh" is English).
 * With no positive it says there is none; when the document follows chains
 * and none has started by the cutoff, it says that too ("目前，我省尚无感染
 * 链条。" / "The province has no infection chain yet."). */
char *sitroom_briefing_headline (SitroomView *view,
                                 const char  *lang);

/* The whole briefing in the structure of the press release, in @lang: the
 * headline paragraph (as above, ending "目前，我省存在N条感染链条。"), then
 * a paragraph for each chain started by the cutoff, in document order
 * ("第一条为Z22列车“8·17”关联疫情。…" / "The first is …"): when it was first
 * reported, its positives by prefecture and by classification, its close
 * and secondary contacts where the document gives them, what its events
 * say with their people figures, and the measures in force where it went
 * (sitroom_measures_for_chain). Every figure comes from @view; nothing is
 * typed in. A NULL-terminated vector of paragraphs, never empty. */
char **sitroom_briefing_paragraphs (SitroomView *view,
                                    const char  *lang);
/* The paragraphs joined with a blank line between them. */
char  *sitroom_briefing_text       (SitroomView *view,
                                    const char  *lang);

/* "截至8月20日13时" / "As of 13:00 on 20 August 2022", in China Standard Time. */
char *sitroom_briefing_cutoff_phrase (gint64      cutoff,
                                      const char *lang);

/* "zh" when the messages locale is Chinese, else "en": the language of names and
 * of the briefing when none is asked for. */
const char *sitroom_briefing_locale_lang (void);

G_END_DECLS
