/* What changed between two views of a feed, told in a sentence for a toast. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

/* Compares the figures of two views (the one shown and the new one, each at
 * its own document's latest cutoff; they may come from different documents,
 * so prefectures are matched by region code, chains and measures by id, never
 * by index) and tells what changed, most important first, in @lang ("zh" or
 * "en", like the briefing; the wording is built in, not from the catalogue):
 * - new positives per prefecture, the largest first:
 *   "+3 positives in Yuncheng", "+1 positive in Yangquan" / "运城市新增3例阳性"
 * - a count that went down: "Jincheng: 5 → 4 positives (corrected)" / "晋城市阳性数更正为4例（原5例）"
 * - a chain that started: "new chain 8·21" / "新增感染链条8·21"
 * - a known chain's cases in a new prefecture: "chain 8·20 reaches Taiyuan" / "8·20链条波及太原市"
 * - new contacts figures of a chain: "chain 8·18: 230 secondary contacts" / "8·18链条次密接230人"
 * - centralized quarantine going over capacity (marked when the feed calls its
 *   sites illustrative): "Yangquan quarantine over capacity: 234 / 220" / "阳泉市集中隔离超出容量：234/220"
 * - measures that came into force, one sentence a place and time:
 *   "static management and traffic control in Yu County from 12:00" / "盂县12时起实行静态管理、交通管制"
 * Returns a NULL-terminated array, empty (not NULL) when no figure changed. */
char  **sitroom_changes_describe (SitroomView *before,
                                  SitroomView *after,
                                  const char  *lang);

/* The same joined for one line with "; " or "；": "+3 positives in Yuncheng;
 * chain 8·20 reaches Taiyuan". Past @max_items (0: no limit) it ends "; and N
 * more" (N left out) or "等N项变化" (N in all, as Chinese counts). NULL when
 * nothing changed. */
char   *sitroom_changes_summary  (SitroomView *before,
                                  SitroomView *after,
                                  const char  *lang,
                                  guint        max_items);

G_END_DECLS
