/* The briefing text: the headline paragraph of a press release, in Chinese or English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

/* The briefing exists in both languages whatever the locale: its wording is
 * written here for each language, not taken from the translation catalogue.
 * @lang is "zh" or "en" (anything not starting with "zh" is English). */
char *sitroom_briefing_headline (SitroomView *view,
                                 const char  *lang);

/* "截至8月20日13时" / "As of 13:00 on 20 August 2022", in China Standard Time. */
char *sitroom_briefing_cutoff_phrase (gint64      cutoff,
                                      const char *lang);

/* "zh" when the messages locale is Chinese, else "en": the language of names and
 * of the briefing when none is asked for. */
const char *sitroom_briefing_locale_lang (void);

G_END_DECLS
