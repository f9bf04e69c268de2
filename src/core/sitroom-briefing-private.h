/* What the briefing's headline and its chain paragraphs share: places, classifications, times. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-briefing.h"

G_BEGIN_DECLS

/* A place that reported positives. The press release names places by how
 * many they reported, and among equals by who reported first
 * ("晋城、运城、太原、阳泉相继报告"; "其中晋城5人、运城1人、太原1人"). */
typedef struct {
  const SitroomRegion *region;
  guint positives;
  gint64 first;
} SitroomBriefingPlace;

/* In sitroom-briefing.c, for sitroom-briefing-chains.c. */

gboolean sitroom_briefing_is_chinese    (const char          *lang);
/* Sorts a GArray of SitroomBriefingPlace: most positives first, then the
 * earliest report, then the region code. */
void     sitroom_briefing_sort_places   (GArray              *places);
/* A place as a press release names it: 太原 for 太原市, 盂县 as it is. */
void     sitroom_briefing_append_name_zh (GString            *out,
                                          const SitroomRegion *region);
/* What @counts are by classification, after the number of positives:
 * "，包括确诊病例10例（其中轻型9例、普通型1例），1例无症状感染者" /
 * ": 10 confirmed cases (9 mild, 1 moderate) and 1 asymptomatic infection".
 * Nothing when @counts has no positive. */
void     sitroom_briefing_append_classes (GString            *out,
                                          const SitroomCounts *counts,
                                          const char          *lang);
/* A feed's Chinese text in the paragraph's full-width punctuation ("，"
 * for ","), figures left as they are ("20:1"), without its closing "。". */
void     sitroom_briefing_append_text_zh (GString            *out,
                                          const char          *text);
/* A time in China Standard Time: "8月20日" / "20 August", or with
 * @with_hour "8月20日12时" / "12:00 on 20 August"; with the year when it is
 * not @cutoff's. */
char    *sitroom_briefing_time_phrase   (gint64               t,
                                         gint64               cutoff,
                                         gboolean             with_hour,
                                         const char          *lang);

/* In sitroom-briefing-chains.c. */

/* The paragraph of chain @chain, the @ordinal-th (from 1) the briefing
 * tells. */
char    *sitroom_briefing_chain_paragraph (SitroomView       *view,
                                           int                chain,
                                           guint              ordinal,
                                           const char        *lang);

G_END_DECLS
