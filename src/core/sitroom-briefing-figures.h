/* The figures a briefing states, keyed, labelled in both languages, stored as JSON and compared. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

/* One figure. Keys are stable across documents and versions, so an issued
 * briefing's figures can be matched to today's: prefectures by region code,
 * chains by id, never by index.
 *
 *   positives, confirmed
 *   class/mild, class/moderate, class/severe, class/critical
 *   asymptomatic
 *   new_24h                       positives reported in the 24 hours to the cutoff
 *   prefectures                   prefectures reporting positives
 *   chains                        chains started by the cutoff
 *   close_contacts, secondary_contacts    summed over the started chains
 *   region/CODE/positives, region/CODE/confirmed, region/CODE/asymptomatic
 *                                 each prefecture with positives
 *   chain/ID/positives, chain/ID/prefectures
 *   chain/ID/close_contacts, chain/ID/secondary_contacts
 *                                 each started chain; contacts only where the
 *                                 feed gives them (not given is not 0)
 *   quarantine/CODE/capacity, quarantine/CODE/occupied
 *                                 each prefecture with centralized sites
 *
 * The labels are written here in both languages ("晋城市阳性感染者" /
 * "Positives in Jincheng"), like the briefing text, whatever the locale. */
typedef struct {
  char   *key;
  gint64  value;
  char   *label_zh;
  char   *label_en;
} SitroomBriefingFigure;

/* A set of figures at a cutoff: immutable, reference counted. */
typedef struct _SitroomBriefingFigures SitroomBriefingFigures;

#define SITROOM_TYPE_BRIEFING_FIGURES (sitroom_briefing_figures_get_type ())

GType                   sitroom_briefing_figures_get_type  (void) G_GNUC_CONST;

/* The figures of @view at its cutoff, in a fixed order: the totals as listed
 * above, then prefectures in code order, chains in document order, then
 * quarantine by prefecture code. The view's filters apply: a briefing is
 * made from an unfiltered view. */
SitroomBriefingFigures *sitroom_briefing_figures_new_from_view (SitroomView *view);

/* Reads what sitroom_briefing_figures_to_json() wrote. Refuses (NULL and a
 * SITROOM_FEED_ERROR) anything else, with the place of the first problem:
 * NOT_JSON for a syntax error, FORMAT for a newer "format", INVALID for a
 * member missing or of the wrong type, a value that is not an integer, an
 * empty or repeated key. @length -1: @json is NUL-terminated. */
SitroomBriefingFigures *sitroom_briefing_figures_new_from_json (const char  *json,
                                                                gssize       length,
                                                                GError     **error);

SitroomBriefingFigures *sitroom_briefing_figures_ref   (SitroomBriefingFigures *self);
void                    sitroom_briefing_figures_unref (SitroomBriefingFigures *self);

/* {"format": "sitroom-briefing-figures/1", "cutoff": "2022-08-20T13:00:00+08:00",
 *  "figures": [{"key": "positives", "value": 11, "zh": "阳性感染者", "en": "Positives"}, …]}
 * Compact, figures in their order; the cutoff in China Standard Time. */
char                   *sitroom_briefing_figures_to_json (SitroomBriefingFigures *self);

/* Unix seconds. */
gint64                  sitroom_briefing_figures_get_cutoff (SitroomBriefingFigures *self);
guint                   sitroom_briefing_figures_get_n_figures (SitroomBriefingFigures *self);
const SitroomBriefingFigure *sitroom_briefing_figures_get_figure (SitroomBriefingFigures *self,
                                                                  guint                   index);
/* The figure with @key, or NULL when the set does not state it. */
const SitroomBriefingFigure *sitroom_briefing_figures_lookup (SitroomBriefingFigures *self,
                                                              const char             *key);

/* A figure in two sets. A figure one set does not state counts as 0 there
 * (a prefecture with no positives, a chain not started), and in_before or
 * in_after says so: a caller can tell "0" from "not stated". The labels are
 * the later set's where it has the figure. */
typedef struct {
  char     *key;
  char     *label_zh;
  char     *label_en;
  gint64    before;
  gint64    after;
  gint64    change;      /* after − before */
  gboolean  in_before;
  gboolean  in_after;
} SitroomFigureChange;

/* Every figure of either set once, for "change since the last briefing", in
 * the order of @after; a figure only @before has comes right after the
 * nearest figure before it in @before that @after has too (first when there
 * is none), so a prefecture gone from the figures stays among the others.
 * Figures that did not change are included (change 0). A GArray of
 * SitroomFigureChange that owns its strings. */
GArray                 *sitroom_briefing_figures_compare (SitroomBriefingFigures *before,
                                                          SitroomBriefingFigures *after);

/* The errata of an issued briefing: the figures @issued stated that @now (the
 * figures recomputed from the current document at the same cutoff) gives
 * differently, in @issued's order. A figure the briefing did not state is no
 * erratum, though it may change a total that it did state. Empty, not NULL,
 * when everything stated still holds. A GArray of SitroomFigureChange. */
GArray                 *sitroom_briefing_figures_errata  (SitroomBriefingFigures *issued,
                                                          SitroomBriefingFigures *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomBriefingFigures, sitroom_briefing_figures_unref)

G_END_DECLS
