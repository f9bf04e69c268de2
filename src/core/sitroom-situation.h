/* An accepted situation document: validated, indexed and immutable. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-problem.h"
#include "sitroom-types.h"

G_BEGIN_DECLS

/* How a document is read. Zero-initialise and set what you need; zeros mean the
 * defaults (64 levels, 64 MiB, warnings for the "en" reader). */
typedef struct {
  guint       max_depth;
  gsize       max_bytes;
  const char *lang;        /* the reader's language, for the missing-text warning */
} SitroomLoadOptions;

#define SITROOM_TYPE_SITUATION (sitroom_situation_get_type ())

G_DECLARE_FINAL_TYPE (SitroomSituation, sitroom_situation, SITROOM, SITUATION, GObject)

/* Reads one document. On any error returns NULL with a SITROOM_FEED_ERROR whose
 * message names the first problems; @problems (if not NULL) receives every
 * problem found, errors and warnings, as a GPtrArray of SitroomProblem, even when
 * the document is refused. Safe to call from a worker thread. */
SitroomSituation *sitroom_situation_new_from_bytes (GBytes                   *bytes,
                                                    const SitroomLoadOptions *options,
                                                    GPtrArray               **problems,
                                                    GError                  **error);

gint64            sitroom_situation_get_as_of        (SitroomSituation *self);
/* The offset of the document's as_of, in seconds east of UTC. */
int               sitroom_situation_get_as_of_offset (SitroomSituation *self);
const SitroomText *sitroom_situation_get_publisher   (SitroomSituation *self);

/* The section names of "illustrative" ("quarantine_sites", …). */
gboolean          sitroom_situation_is_illustrative  (SitroomSituation *self,
                                                      const char       *section);
const char * const *sitroom_situation_get_illustrative (SitroomSituation *self);

/* Regions: the built-in ones first, then those the document adds. */
guint             sitroom_situation_get_n_regions  (SitroomSituation *self);
const SitroomRegion *sitroom_situation_get_region  (SitroomSituation *self,
                                                    guint             index);
int               sitroom_situation_lookup_region  (SitroomSituation *self,
                                                    const char       *code);
/* Indexes of the prefectures, in code order. */
const int        *sitroom_situation_get_prefectures (SitroomSituation *self,
                                                     guint            *n_prefectures);

/* Chains in document order. */
guint             sitroom_situation_get_n_chains   (SitroomSituation *self);
const SitroomChain *sitroom_situation_get_chain    (SitroomSituation *self,
                                                    guint             index);
int               sitroom_situation_lookup_chain   (SitroomSituation *self,
                                                    const char       *id);

/* Cases sorted by reported_at (ties in document order). */
guint             sitroom_situation_get_n_cases    (SitroomSituation *self);
const SitroomCase *sitroom_situation_get_case      (SitroomSituation *self,
                                                    guint             index);
/* The number of cases reported at or before @cutoff: they are the first ones. */
guint             sitroom_situation_count_cases_until (SitroomSituation *self,
                                                       gint64            cutoff);

guint             sitroom_situation_get_n_sites    (SitroomSituation *self);
const SitroomSite *sitroom_situation_get_site      (SitroomSituation *self,
                                                    guint             index);

guint             sitroom_situation_get_n_measures (SitroomSituation *self);
const SitroomMeasure *sitroom_situation_get_measure (SitroomSituation *self,
                                                     guint             index);

/* Entry rules in document order. */
guint             sitroom_situation_get_n_rules    (SitroomSituation *self);
const SitroomQuarantineRule *sitroom_situation_get_rule (SitroomSituation *self,
                                                         guint             index);
int               sitroom_situation_lookup_rule    (SitroomSituation *self,
                                                    const char       *id);
/* The rule occupants without a cohort are taken to follow: the one marked
 * "default", else the first with centralized days; -1 when there is none. */
int               sitroom_situation_get_default_rule (SitroomSituation *self);

/* Cohorts sorted by entered_at (ties in document order). */
guint             sitroom_situation_get_n_cohorts  (SitroomSituation *self);
const SitroomCohort *sitroom_situation_get_cohort  (SitroomSituation *self,
                                                    guint             index);

/* The warnings kept with the document (SitroomProblem, all of severity WARNING). */
GPtrArray        *sitroom_situation_get_warnings   (SitroomSituation *self);

G_END_DECLS
