/* The briefing store's internals, shared by its files: the object, and what its queries call of its file's handling. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "sitroom-briefing-store.h"

G_BEGIN_DECLS

struct _SitroomBriefingStore
{
  GObject parent_instance;

  /* Every use of the connection and its statements holds the lock. */
  GMutex lock;
  sqlite3 *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *list;
  sqlite3_stmt *before;
  sqlite3_stmt *by_id;
  char *path;
  GError *damage;
};

/* In sitroom-briefing-store-file.c: opening, the schema, damage set aside.
 * All but the first are called with the lock held. */

/* Whether SQLite's @rc means the file itself is bad, not the moment. */
gboolean sitroom_briefing_store_is_damage              (int                    rc);
void     sitroom_briefing_store_close_locked           (SitroomBriefingStore  *self);
/* Sets @error and returns FALSE when the store is closed. */
gboolean sitroom_briefing_store_check_open             (SitroomBriefingStore  *self,
                                                        GError               **error);
/* Reports @rc from a query's step; damage is set aside first and a new store
 * started, so that the next call works. */
void     sitroom_briefing_store_step_failed            (SitroomBriefingStore  *self,
                                                        int                    rc,
                                                        const char            *what,
                                                        GError               **error);
/* Moves a damaged file away and keeps the report for take_damage(). */
gboolean sitroom_briefing_store_set_aside_locked       (SitroomBriefingStore  *self,
                                                        const char            *reason,
                                                        GError               **error);
/* Opens the file, or a new one in place of a damaged one. */
gboolean sitroom_briefing_store_open_or_replace_locked (SitroomBriefingStore  *self,
                                                        GError               **error);

G_END_DECLS
