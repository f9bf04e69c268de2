/* Issued briefings kept in SQLite: what was said, when, from which figures, and what has been corrected since. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-briefing-figures.h"
#include "sitroom-situation.h"

G_BEGIN_DECLS

/* One issued briefing. */
typedef struct {
  gint64  id;             /* increasing with every briefing issued */
  char   *source;         /* what it was made from, as the caller names its source */
  gint64  cutoff;         /* Unix seconds: the figures' cutoff */
  gint64  issued_at;      /* when it was marked issued, real time, Unix microseconds */
  char   *generated_zh;   /* the text as generated from the figures */
  char   *generated_en;
  char   *issued_zh;      /* the text as issued, edits included */
  char   *issued_en;
  /* The figures it stated; NULL only for a briefing whose stored figures
   * cannot be read (the file was changed by something else): such a
   * briefing has no errata and is never "the last briefing". */
  SitroomBriefingFigures *figures;
} SitroomIssuedBriefing;

#define SITROOM_TYPE_ISSUED_BRIEFING (sitroom_issued_briefing_get_type ())

GType                  sitroom_issued_briefing_get_type (void) G_GNUC_CONST;
SitroomIssuedBriefing *sitroom_issued_briefing_copy     (const SitroomIssuedBriefing *briefing);
void                   sitroom_issued_briefing_free     (SitroomIssuedBriefing       *briefing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomIssuedBriefing, sitroom_issued_briefing_free)

/* An issued briefing whose figures the feed now gives differently at the
 * same cutoff. */
typedef struct {
  SitroomIssuedBriefing *briefing;
  GArray                *changes;   /* SitroomFigureChange, from sitroom_briefing_figures_errata() */
} SitroomBriefingErratum;

void                   sitroom_briefing_erratum_free    (SitroomBriefingErratum      *erratum);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomBriefingErratum, sitroom_briefing_erratum_free)

#define SITROOM_TYPE_BRIEFING_STORE (sitroom_briefing_store_get_type ())

G_DECLARE_FINAL_TYPE (SitroomBriefingStore, sitroom_briefing_store, SITROOM, BRIEFING_STORE, GObject)

/* Opens the store at @path, NULL for $XDG_DATA_HOME/sitroom/briefings.sqlite,
 * creating its folder (0700), the file and its schema as needed, in WAL mode
 * with synchronous=FULL; an older schema is migrated (PRAGMA user_version).
 *
 * A damaged file (not a database, failing SQLite's quick check, or holding
 * tables that do not match its schema version) is never fatal: it is set
 * aside, renamed "<path>.damaged-<UTC time>" with its WAL, a new store is
 * started, and sitroom_briefing_store_take_damage() says so. Returns NULL
 * with an error only when no store can be used: the folder cannot be made,
 * the file was written by a newer version (SITROOM_FEED_ERROR_FORMAT; it is
 * left untouched), or a damaged file cannot be set aside.
 *
 * Safe to use from several threads. */
SitroomBriefingStore  *sitroom_briefing_store_open  (const char            *path,
                                                     GError               **error);

const char            *sitroom_briefing_store_get_path (SitroomBriefingStore *self);

/* The report of a damaged file set aside while opening or while issuing a
 * briefing (which is then retried on the new store, and succeeds):
 * SITROOM_FEED_ERROR_UNREADABLE, naming the file and where it went. Given
 * once: this call clears it; NULL when there is nothing to report. Damage
 * that another call finds is set aside the same way but reported in that
 * call's error instead, and the next call works on the new store. */
GError                *sitroom_briefing_store_take_damage (SitroomBriefingStore *self);

/* Stores @briefing as issued and commits it. Its id and issued_at are
 * ignored and set in the copy returned (issued_at is now). @briefing->figures
 * is required and its cutoff is the briefing's; issued_zh or issued_en NULL
 * mean the generated text was issued unedited. */
SitroomIssuedBriefing *sitroom_briefing_store_mark_issued (SitroomBriefingStore        *self,
                                                           const SitroomIssuedBriefing *briefing,
                                                           GError                     **error);

/* Issued briefings, newest issued first (a GPtrArray of SitroomIssuedBriefing,
 * empty when none); of @source only, or all when @source is NULL. */
GPtrArray             *sitroom_briefing_store_list (SitroomBriefingStore  *self,
                                                    const char            *source,
                                                    GError               **error);

/* The briefing to compare a new one at @cutoff with: of those of @source with
 * readable figures and a cutoff strictly before @cutoff, the latest cutoff,
 * and among equal cutoffs the latest issued. NULL with no error when none. */
SitroomIssuedBriefing *sitroom_briefing_store_get_latest_before (SitroomBriefingStore  *self,
                                                                 const char            *source,
                                                                 gint64                 cutoff,
                                                                 GError               **error);

/* The briefing with this id, or NULL with no error. */
SitroomIssuedBriefing *sitroom_briefing_store_get_by_id (SitroomBriefingStore  *self,
                                                         gint64                 id,
                                                         GError               **error);

/* The revision log: the figures of each briefing of @source issued at a
 * cutoff @situation covers (not after its as_of) are recomputed from
 * @situation at that cutoff; each briefing that stated a figure now given
 * differently is listed, newest issued first, with those figures. A
 * GPtrArray of SitroomBriefingErratum, empty when nothing was corrected. */
GPtrArray             *sitroom_briefing_store_find_errata (SitroomBriefingStore  *self,
                                                           const char            *source,
                                                           SitroomSituation      *situation,
                                                           GError               **error);

/* The same in a worker thread: each briefing's cutoff is a new view of the
 * whole situation, which takes time on a large document. */
void                   sitroom_briefing_store_find_errata_async  (SitroomBriefingStore  *self,
                                                                  const char            *source,
                                                                  SitroomSituation      *situation,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
GPtrArray             *sitroom_briefing_store_find_errata_finish (SitroomBriefingStore  *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

/* Checkpoints and closes the database; later calls fail. Also done on finalize. */
void                   sitroom_briefing_store_close (SitroomBriefingStore *self);

G_END_DECLS
