/* A situation at a cutoff, optionally narrowed to a prefecture or a chain: the numbers everything shows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-situation.h"

G_BEGIN_DECLS

typedef struct {
  guint positives;
  guint confirmed;
  guint asymptomatic;
  guint by_class[SITROOM_N_CLASSES];
  guint new_24h;          /* positives reported in the 24 hours up to the cutoff */
} SitroomCounts;

typedef struct {
  int region;             /* index of the prefecture */
  SitroomCounts counts;
  gint64 capacity;        /* sums over its centralized sites */
  gint64 occupied;
  guint n_sites;          /* centralized sites */
  guint n_overfull;
} SitroomPrefectureFigures;

typedef struct {
  int chain;              /* index of the chain */
  SitroomCounts counts;
  /* Prefectures of its counted cases, sorted by code, without repeats. */
  const int *regions;
  guint n_regions;
  gint64 last_case;       /* SITROOM_TIME_NONE if none yet */
  gboolean started;       /* its first report, or a case of it, by the cutoff, whatever the
                           * filters; earlier events do not start it (sitroom-chains.h) */
} SitroomChainFigures;

#define SITROOM_TYPE_VIEW (sitroom_view_get_type ())

G_DECLARE_FINAL_TYPE (SitroomView, sitroom_view, SITROOM, VIEW, GObject)

/* @prefecture and @chain narrow the cases counted (-1: no filter). Immutable:
 * a new cutoff or filter is a new view. */
SitroomView *sitroom_view_new (SitroomSituation *situation,
                               gint64            cutoff,
                               int               prefecture,
                               int               chain);

SitroomSituation *sitroom_view_get_situation (SitroomView *self);
gint64            sitroom_view_get_cutoff    (SitroomView *self);
int               sitroom_view_get_prefecture_filter (SitroomView *self);
int               sitroom_view_get_chain_filter      (SitroomView *self);

const SitroomCounts *sitroom_view_get_totals (SitroomView *self);

/* Every prefecture of the built-in province, in code order, whether or not it
 * has cases (and any prefecture the feed adds). */
guint             sitroom_view_get_n_prefectures (SitroomView *self);
const SitroomPrefectureFigures *sitroom_view_get_prefecture (SitroomView *self,
                                                             guint        index);
/* The figures of the prefecture with that region index, or NULL. */
const SitroomPrefectureFigures *sitroom_view_lookup_prefecture (SitroomView *self,
                                                                int          region);

/* Every chain of the document, in document order. */
guint             sitroom_view_get_n_chains (SitroomView *self);
const SitroomChainFigures *sitroom_view_get_chain (SitroomView *self,
                                                   guint        index);

/* Chains that had started by the cutoff (the press release's "N infection chains"),
 * and the prefectures reporting cases. */
guint             sitroom_view_get_n_active_chains (SitroomView *self);
guint             sitroom_view_get_n_affected_prefectures (SitroomView *self);

/* Contacts summed over the chains in the view. */
gint64            sitroom_view_get_close_contacts     (SitroomView *self);
gint64            sitroom_view_get_secondary_contacts (SitroomView *self);

/* Measures in force at the cutoff (indexes into the situation's measures). */
const int        *sitroom_view_get_measures_in_force (SitroomView *self,
                                                      guint       *n_measures);

G_END_DECLS
