/* Infection chains at a cutoff: their status under the closing rule, their cases, their story. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

/* A chain is closed when no case of it was reported in this many days
 * before the cutoff (the "chain-close-days" setting). */
#define SITROOM_CHAIN_DEFAULT_CLOSE_DAYS 14

/* When a chain starts: at its first report (`first_reported`), or, when
 * the document gives none, at its first case; a case reported earlier
 * than the first report starts it too. Its events do not start it: what
 * is dated before (the 8·20 family's trip of 16 August, before its
 * detection on the 20th) is the chain's history, drawn greyed on its lane
 * while the chain has not started, and left out of its story. A document
 * replayed step by step leaves out a first report still to come, so that
 * a chain with only early events must not start by them either. This is
 * what SitroomChainFigures.started means too. */
typedef enum {
  SITROOM_CHAIN_NOT_STARTED,   /* neither its first report nor any case of it by the cutoff */
  SITROOM_CHAIN_ACTIVE,
  SITROOM_CHAIN_CLOSED,        /* its last case is @close_days or more before the cutoff */
} SitroomChainStatus;

/* The status of @chain (a chain index) in @view: active, or closed when no
 * case of it was reported for @close_days. A chain started by its first
 * report with no case yet is active until @close_days after that report.
 * The view's filters do not change it: a chain is closed when it is closed
 * everywhere. */
SitroomChainStatus sitroom_chain_get_status (SitroomView *view,
                                             int          chain,
                                             guint        close_days);
/* "active", "closed", "not-started". */
const char        *sitroom_chain_status_to_string (SitroomChainStatus status);

/* The cases of @chain counted in @view (indexes into the situation's cases,
 * in reported order), as a GArray of int. The view's prefecture filter
 * applies (and a chain filter naming another chain leaves none), so there
 * are as many as the chain's figures in the view count. */
GArray            *sitroom_chain_get_cases  (SitroomView *view,
                                             int          chain);

/* One line of a chain's story: an event, or a day's new cases of it. */
typedef enum {
  SITROOM_STORY_EVENT,
  SITROOM_STORY_CASES,
} SitroomStoryKind;

typedef struct {
  SitroomStoryKind kind;
  gint64 at;              /* the event's time; for cases, the first case's of that day and place */
  int event;              /* index into the chain's events, or -1 */
  int region;             /* where: the event's region, or the cases' prefecture */
  guint n_cases;          /* for SITROOM_STORY_CASES: cases reported that CST day there */
  guint n_asymptomatic;   /* of those */
} SitroomStoryLine;

/* The chain's story up to the cutoff in time order: its events, and for
 * each China Standard Time day and prefecture the cases reported, after
 * the events of the same time (case lines of the same time in the order of
 * their first case). Cases placed at no prefecture are told at their own
 * region. Empty while the chain has not started, even if events were dated
 * back before it. The story is the whole chain's: the view's filters do
 * not cut it, as they do not cut its route. GArray of SitroomStoryLine. */
GArray            *sitroom_chain_get_story  (SitroomView *view,
                                             int          chain);

G_END_DECLS
