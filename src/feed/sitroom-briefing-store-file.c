/* The briefing store's file: opening it, migrating its schema, setting a damaged one aside, closing it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sitroom-briefing-store-private.h"
#include "sitroom-error.h"

/* Migration N takes a file from user_version N to N + 1; the schema version
 * is their number. A later change appends a step and never edits one. */
static const char * const migrations[] = {
  "CREATE TABLE briefings ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  source TEXT NOT NULL,"
  "  cutoff INTEGER NOT NULL,"           /* Unix seconds */
  "  issued_at INTEGER NOT NULL,"        /* Unix microseconds, real time */
  "  generated_zh TEXT NOT NULL,"
  "  generated_en TEXT NOT NULL,"
  "  issued_zh TEXT NOT NULL,"
  "  issued_en TEXT NOT NULL,"
  "  figures TEXT NOT NULL);"            /* sitroom_briefing_figures_to_json() */
  "CREATE INDEX briefings_by_source ON briefings (source, cutoff, id);",
};
#define SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

#define COLUMNS "id, source, cutoff, issued_at, generated_zh, generated_en, issued_zh, issued_en, figures"

typedef enum {
  OPEN_OK,
  OPEN_DAMAGED,   /* the file is not a usable store: set it aside */
  OPEN_FAILED,    /* nothing to set aside (permissions, a newer version, I/O) */
} OpenResult;

/* The primary codes that mean the file itself is bad, not the moment. */
gboolean
sitroom_briefing_store_is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

static void
set_sqlite_error (SitroomBriefingStore  *self,
                  GError               **error,
                  const char            *what)
{
  g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
               /* Translators: the store's file, what was being done, and SQLite's reason */
               _("Briefing history %s: %s: %s"), self->path, what,
               self->db != NULL ? sqlite3_errmsg (self->db) : _("the store is closed"));
}

void
sitroom_briefing_store_close_locked (SitroomBriefingStore *self)
{
  if (self->db == NULL)
    return;

  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->list, sqlite3_finalize);
  g_clear_pointer (&self->before, sqlite3_finalize);
  g_clear_pointer (&self->by_id, sqlite3_finalize);
  /* A clean close checkpoints the WAL into the main file and removes it. */
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

/* Sorts a failure while opening: damage, or a reason to give up. @damaged_too
 * counts any SQLite error as damage, for steps that fail only when the
 * tables are not what the schema version says. */
static OpenResult
open_failed (SitroomBriefingStore  *self,
             int                    rc,
             gboolean               damaged_too,
             const char            *what,
             char                 **reason,
             GError               **error)
{
  if (sitroom_briefing_store_is_damage (rc) || (damaged_too && (rc & 0xff) == SQLITE_ERROR))
    {
      *reason = g_strdup (sqlite3_errmsg (self->db));
      return OPEN_DAMAGED;
    }
  set_sqlite_error (self, error, what);
  return OPEN_FAILED;
}

static int
exec_sql (SitroomBriefingStore *self,
          const char           *sql)
{
  return sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/* Reads the one text or number a PRAGMA answers, as text. */
static int
pragma_text (SitroomBriefingStore  *self,
             const char            *sql,
             char                 **text)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* The quick check's first problem, on one line, for a message: it names
 * every bad page, one a line, under a heading. */
static char *
summarise_check (const char *check)
{
  g_auto(GStrv) lines = g_strsplit (check != NULL ? check : "", "\n", -1);
  const char *first = NULL;
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || g_str_has_prefix (lines[i], "***"))
        continue;
      if (first == NULL)
        first = lines[i];
      n++;
    }

  if (first == NULL)
    return g_strdup (_("the integrity check failed"));
  if (n == 1)
    return g_strdup_printf (_("the integrity check found: %s"), first);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "the integrity check found: %s, and %u more problem",
                                       "the integrity check found: %s, and %u more problems", n - 1),
                          first, n - 1);
}

static int
migrate (SitroomBriefingStore *self,
         int                   version)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", SCHEMA_VERSION);
  int rc;

  /* All steps and the new version commit together, or none does. */
  rc = exec_sql (self, "BEGIN IMMEDIATE;");
  for (int v = version; rc == SQLITE_OK && v < SCHEMA_VERSION; v++)
    rc = exec_sql (self, migrations[v]);
  if (rc == SQLITE_OK)
    rc = exec_sql (self, set_version);
  if (rc == SQLITE_OK)
    rc = exec_sql (self, "COMMIT;");
  if (rc != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  return rc;
}

static int
prepare (SitroomBriefingStore *self,
         const char           *sql,
         sqlite3_stmt        **stmt)
{
  return sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
}

static OpenResult
open_locked (SitroomBriefingStore  *self,
             char                 **reason,
             GError               **error)
{
  g_autofree char *check = NULL;
  g_autofree char *version_text = NULL;
  int version;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    return open_failed (self, rc, FALSE, _("opening"), reason, error);

  sqlite3_extended_result_codes (self->db, 1);
  /* Another process may hold the file for a moment (a second window, a
   * backup): wait rather than fail an issue. */
  sqlite3_busy_timeout (self->db, 5000);

  /* The first read of the file: one that is not a database fails here. */
  if ((rc = exec_sql (self, "PRAGMA journal_mode=WAL;")) != SQLITE_OK)
    return open_failed (self, rc, FALSE, _("opening"), reason, error);
  /* An issued briefing is a public statement: once marked, it stays marked
   * through a crash or a power cut. */
  if ((rc = exec_sql (self, "PRAGMA synchronous=FULL;")) != SQLITE_OK)
    return open_failed (self, rc, FALSE, _("opening"), reason, error);

  /* The history is small, so the whole file is checked: damage found now is
   * set aside at once rather than met in the middle of an issue. */
  if ((rc = pragma_text (self, "PRAGMA quick_check;", &check)) != SQLITE_OK)
    return open_failed (self, rc, FALSE, _("checking"), reason, error);
  if (g_strcmp0 (check, "ok") != 0)
    {
      *reason = summarise_check (check);
      return OPEN_DAMAGED;
    }

  if ((rc = pragma_text (self, "PRAGMA user_version;", &version_text)) != SQLITE_OK)
    return open_failed (self, rc, FALSE, _("reading the schema version"), reason, error);
  version = version_text != NULL ? (int) g_ascii_strtoll (version_text, NULL, 10) : 0;

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_FORMAT,
                   _("Briefing history %s was written by a newer version (schema %d, this one knows %d)"),
                   self->path, version, SCHEMA_VERSION);
      return OPEN_FAILED;
    }
  if (version < 0)
    {
      *reason = g_strdup_printf (_("schema version %d"), version);
      return OPEN_DAMAGED;
    }

  /* A step that fails on a file of its version (a table already there, or
   * missing) means the file holds something else. */
  if (version < SCHEMA_VERSION && (rc = migrate (self, version)) != SQLITE_OK)
    return open_failed (self, rc, TRUE, _("updating the schema"), reason, error);

  if ((rc = prepare (self,
                     "INSERT INTO briefings (source, cutoff, issued_at, generated_zh, generated_en,"
                     " issued_zh, issued_en, figures) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);",
                     &self->insert)) != SQLITE_OK ||
      (rc = prepare (self,
                     "SELECT " COLUMNS " FROM briefings WHERE ?1 IS NULL OR source = ?1 "
                     "ORDER BY issued_at DESC, id DESC;",
                     &self->list)) != SQLITE_OK ||
      (rc = prepare (self,
                     "SELECT " COLUMNS " FROM briefings WHERE source = ?1 AND cutoff < ?2 "
                     "ORDER BY cutoff DESC, issued_at DESC, id DESC;",
                     &self->before)) != SQLITE_OK ||
      (rc = prepare (self, "SELECT " COLUMNS " FROM briefings WHERE id = ?1;", &self->by_id)) != SQLITE_OK)
    return open_failed (self, rc, TRUE, _("preparing a query"), reason, error);

  return OPEN_OK;
}

/* Renames @from to @to when it exists. */
static gboolean
move_if_there (const char *from,
               const char *to)
{
  return g_rename (from, to) == 0 || errno == ENOENT;
}

/* Moves the damaged file and its WAL out of the way under a name with the
 * time, so every damaged copy is kept, and records the report. The WAL goes
 * with it: left behind, it would be replayed into the new file. */
gboolean
sitroom_briefing_store_set_aside_locked (SitroomBriefingStore  *self,
                                         const char            *reason,
                                         GError               **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", self->path, stamp);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autofree char *aside_wal = NULL;
  g_autofree char *aside_journal = NULL;
  int saved_errno;

  sitroom_briefing_store_close_locked (self);

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.damaged-%s-%u", self->path, stamp, n);
    }
  aside_wal = g_strconcat (aside, "-wal", NULL);
  aside_journal = g_strconcat (aside, "-journal", NULL);

  if (!move_if_there (self->path, aside) || !move_if_there (wal, aside_wal) ||
      !move_if_there (journal, aside_journal))
    {
      saved_errno = errno;
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Briefing history %s is damaged (%s) and could not be set aside: %s; "
                     "move it away to start a new history"),
                   self->path, reason, g_strerror (saved_errno));
      return FALSE;
    }
  /* The shared-memory index describes the old WAL only. */
  g_unlink (shm);

  g_clear_error (&self->damage);
  self->damage = g_error_new (SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                              _("Briefing history %s was damaged (%s) and has been set aside as “%s”; "
                                "a new history was started"),
                              self->path, reason, aside);
  return TRUE;
}

/* Opens the file, or a new one in place of a damaged one. */
gboolean
sitroom_briefing_store_open_or_replace_locked (SitroomBriefingStore  *self,
                                               GError               **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *again = NULL;

  switch (open_locked (self, &reason, error))
    {
    case OPEN_OK:
      return TRUE;
    case OPEN_FAILED:
      sitroom_briefing_store_close_locked (self);
      return FALSE;
    case OPEN_DAMAGED:
    default:
      break;
    }

  if (!sitroom_briefing_store_set_aside_locked (self, reason, error))
    return FALSE;

  switch (open_locked (self, &again, error))
    {
    case OPEN_OK:
      return TRUE;
    case OPEN_DAMAGED:
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Briefing history %s: a new history could not be started: %s"), self->path, again);
      G_GNUC_FALLTHROUGH;
    case OPEN_FAILED:
    default:
      sitroom_briefing_store_close_locked (self);
      return FALSE;
    }
}

SitroomBriefingStore *
sitroom_briefing_store_open (const char  *path,
                             GError     **error)
{
  g_autoptr(SitroomBriefingStore) self = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SITROOM_TYPE_BRIEFING_STORE, NULL);
  self->path = path != NULL ? g_strdup (path)
                            : g_build_filename (g_get_user_data_dir (), "sitroom", "briefings.sqlite", NULL);

  /* What was said and when, from a feed that may need a token: the user's alone. */
  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Cannot create the folder “%s” for the briefing history: %s"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  locker = g_mutex_locker_new (&self->lock);
  if (!sitroom_briefing_store_open_or_replace_locked (self, error))
    return NULL;
  g_clear_pointer (&locker, g_mutex_locker_free);

  return g_steal_pointer (&self);
}

GError *
sitroom_briefing_store_take_damage (SitroomBriefingStore *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SITROOM_IS_BRIEFING_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return g_steal_pointer (&self->damage);
}

gboolean
sitroom_briefing_store_check_open (SitroomBriefingStore  *self,
                                   GError               **error)
{
  if (self->db != NULL)
    return TRUE;
  set_sqlite_error (self, error, _("using"));
  return FALSE;
}

/* After @rc from a step: damage is set aside and a new store started, and
 * the call that met it reports it. */
void
sitroom_briefing_store_step_failed (SitroomBriefingStore  *self,
                                    int                    rc,
                                    const char            *what,
                                    GError               **error)
{
  g_autofree char *reason = NULL;

  if (!sitroom_briefing_store_is_damage (rc))
    {
      set_sqlite_error (self, error, what);
      return;
    }

  reason = g_strdup (sqlite3_errmsg (self->db));
  if (sitroom_briefing_store_set_aside_locked (self, reason, error) &&
      sitroom_briefing_store_open_or_replace_locked (self, error))
    g_propagate_error (error, g_steal_pointer (&self->damage));
}

void
sitroom_briefing_store_close (SitroomBriefingStore *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (SITROOM_IS_BRIEFING_STORE (self));

  locker = g_mutex_locker_new (&self->lock);
  sitroom_briefing_store_close_locked (self);
}
