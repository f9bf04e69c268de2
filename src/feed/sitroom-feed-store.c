/* The feed server's durable history of publications, in SQLite. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "sitroom-error.h"
#include "sitroom-feed-store.h"

/* The schema is created if missing; user_version says which one a file holds,
 * so a later change can migrate it. */
#define SCHEMA_VERSION 1

struct _SitroomFeedStore
{
  GObject parent_instance;

  /* Every use of the connection and its statements holds the lock: the server
   * stores from worker threads and reads from the main one. */
  GMutex lock;
  sqlite3 *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *latest;
  sqlite3_stmt *as_of;
  sqlite3_stmt *by_id;
  sqlite3_stmt *count;
  char *path;
};

G_DEFINE_FINAL_TYPE (SitroomFeedStore, sitroom_feed_store, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (SitroomPublication, sitroom_publication,
                     sitroom_publication_copy, sitroom_publication_free)

SitroomPublication *
sitroom_publication_copy (const SitroomPublication *publication)
{
  SitroomPublication *copy;

  g_return_val_if_fail (publication != NULL, NULL);

  copy = g_new0 (SitroomPublication, 1);
  copy->id = publication->id;
  copy->etag = g_strdup (publication->etag);
  copy->as_of = publication->as_of;
  copy->as_of_offset = publication->as_of_offset;
  copy->received_at = publication->received_at;
  copy->body = publication->body ? g_bytes_ref (publication->body) : NULL;
  return copy;
}

void
sitroom_publication_free (SitroomPublication *publication)
{
  if (publication == NULL)
    return;
  g_free (publication->etag);
  g_clear_pointer (&publication->body, g_bytes_unref);
  g_free (publication);
}

char *
sitroom_feed_store_compute_etag (GBytes *body)
{
  g_autofree char *digest = NULL;

  g_return_val_if_fail (body != NULL, NULL);

  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  return g_strdup_printf ("\"sha256-%s\"", digest);
}

static gboolean
set_sqlite_error (SitroomFeedStore *self,
                  GError          **error,
                  const char       *what)
{
  g_assert (SITROOM_IS_FEED_STORE (self));

  g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
               /* Translators: the store's file, what was being done, and SQLite's reason */
               _("Publication store %s: %s: %s"),
               *self->path != '\0' ? self->path : _("in memory"), what,
               self->db != NULL ? sqlite3_errmsg (self->db) : _("the store is closed"));
  return FALSE;
}

static gboolean
exec_sql (SitroomFeedStore *self,
          const char       *sql,
          GError          **error)
{
  char *message = NULL;

  g_assert (self->db != NULL);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Publication store %s: %s"),
                   *self->path != '\0' ? self->path : _("in memory"),
                   message != NULL ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare (SitroomFeedStore *self,
         const char       *sql,
         sqlite3_stmt    **stmt,
         GError          **error)
{
  g_assert (self->db != NULL);

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, _("preparing a query"));
  return TRUE;
}

static void
finalize_statements (SitroomFeedStore *self)
{
  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->latest, sqlite3_finalize);
  g_clear_pointer (&self->as_of, sqlite3_finalize);
  g_clear_pointer (&self->by_id, sqlite3_finalize);
  g_clear_pointer (&self->count, sqlite3_finalize);
}

static void
close_locked (SitroomFeedStore *self)
{
  if (self->db == NULL)
    return;

  finalize_statements (self);
  /* A clean close checkpoints the WAL into the main file and removes it. */
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

static void
sitroom_feed_store_finalize (GObject *object)
{
  SitroomFeedStore *self = SITROOM_FEED_STORE (object);

  close_locked (self);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sitroom_feed_store_parent_class)->finalize (object);
}

static void
sitroom_feed_store_class_init (SitroomFeedStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitroom_feed_store_finalize;
}

static void
sitroom_feed_store_init (SitroomFeedStore *self)
{
  g_mutex_init (&self->lock);
}

static gboolean
open_database (SitroomFeedStore *self,
               gboolean          in_memory,
               GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int rc;

  rc = sqlite3_open_v2 (in_memory ? ":memory:" : self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, error, _("opening"));

  sqlite3_extended_result_codes (self->db, 1);
  /* Another process may hold the file for a moment (a backup, the sqlite3
   * shell); wait rather than fail a publication. */
  sqlite3_busy_timeout (self->db, 5000);

  /* This is also the first read of the file: a file that is not a database
   * fails here, with SQLite's "file is not a database". */
  if (!in_memory && !exec_sql (self, "PRAGMA journal_mode=WAL;", error))
    return FALSE;
  /* FULL syncs the WAL on every commit: a publication acknowledged with a 200
   * survives a crash or a power cut. */
  if (!exec_sql (self, "PRAGMA synchronous=FULL;", error))
    return FALSE;

  if (!prepare (self, "PRAGMA user_version;", &stmt, error))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_FORMAT,
                   _("Publication store %s was written by a newer version (schema %d, this one knows %d)"),
                   self->path, version, SCHEMA_VERSION);
      return FALSE;
    }

  if (!exec_sql (self,
                 "BEGIN IMMEDIATE;"
                 "CREATE TABLE IF NOT EXISTS publications ("
                 "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
                 "  etag TEXT NOT NULL,"
                 "  as_of INTEGER NOT NULL,"          /* Unix seconds */
                 "  as_of_offset INTEGER NOT NULL,"   /* seconds east of UTC */
                 "  received_at INTEGER NOT NULL,"    /* Unix microseconds */
                 "  body BLOB NOT NULL);"
                 "CREATE INDEX IF NOT EXISTS publications_by_as_of ON publications (as_of, id);"
                 "PRAGMA user_version = 1;"
                 "COMMIT;", error))
    {
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  return prepare (self,
                  "INSERT INTO publications (etag, as_of, as_of_offset, received_at, body) "
                  "VALUES (?1, ?2, ?3, ?4, ?5);",
                  &self->insert, error) &&
         prepare (self,
                  "SELECT id, etag, as_of, as_of_offset, received_at, body FROM publications ORDER BY id DESC LIMIT 1;",
                  &self->latest, error) &&
         prepare (self,
                  "SELECT id, etag, as_of, as_of_offset, received_at, body FROM publications WHERE as_of <= ?1 "
                  "ORDER BY as_of DESC, id DESC LIMIT 1;",
                  &self->as_of, error) &&
         prepare (self,
                  "SELECT id, etag, as_of, as_of_offset, received_at, body FROM publications WHERE id = ?1;",
                  &self->by_id, error) &&
         prepare (self, "SELECT count(*) FROM publications;", &self->count, error);
}

SitroomFeedStore *
sitroom_feed_store_open (const char *path,
                         GError    **error)
{
  g_autoptr(SitroomFeedStore) self = NULL;
  gboolean in_memory;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in_memory = path == NULL || *path == '\0' || g_strcmp0 (path, ":memory:") == 0;

  self = g_object_new (SITROOM_TYPE_FEED_STORE, NULL);
  self->path = g_strdup (in_memory ? "" : path);

  if (!open_database (self, in_memory, error))
    {
      close_locked (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Reads the row @stmt stands on; the caller holds the lock. */
static SitroomPublication *
publication_from_row (sqlite3_stmt *stmt)
{
  SitroomPublication *publication;
  const void *blob;
  int length;

  publication = g_new0 (SitroomPublication, 1);
  publication->id = sqlite3_column_int64 (stmt, 0);
  publication->etag = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  publication->as_of = sqlite3_column_int64 (stmt, 2);
  publication->as_of_offset = sqlite3_column_int (stmt, 3);
  publication->received_at = sqlite3_column_int64 (stmt, 4);
  blob = sqlite3_column_blob (stmt, 5);
  length = sqlite3_column_bytes (stmt, 5);
  publication->body = g_bytes_new (blob, length);
  return publication;
}

/* Steps a query expected to give zero or one row; the caller holds the lock. */
static SitroomPublication *
query_one (SitroomFeedStore *self,
           sqlite3_stmt     *stmt,
           GError          **error)
{
  SitroomPublication *publication = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    publication = publication_from_row (stmt);
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, error, _("reading"));

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return publication;
}

static gboolean
check_open (SitroomFeedStore *self,
            GError          **error)
{
  if (self->db != NULL)
    return TRUE;
  return set_sqlite_error (self, error, _("using"));
}

SitroomPublication *
sitroom_feed_store_add (SitroomFeedStore *self,
                        GBytes           *body,
                        gint64            as_of,
                        int               as_of_offset,
                        const char       *etag,
                        GError          **error)
{
  g_autoptr(SitroomPublication) publication = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  gconstpointer data;
  gsize size;
  int rc;

  g_return_val_if_fail (SITROOM_IS_FEED_STORE (self), NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  publication = g_new0 (SitroomPublication, 1);
  publication->etag = etag != NULL ? g_strdup (etag) : sitroom_feed_store_compute_etag (body);
  publication->as_of = as_of;
  publication->as_of_offset = as_of_offset;
  publication->body = g_bytes_ref (body);

  locker = g_mutex_locker_new (&self->lock);
  if (!check_open (self, error))
    return NULL;

  data = g_bytes_get_data (body, &size);
  if (size > G_MAXINT)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE,
                   _("A document of %llu bytes is too large to store"), (unsigned long long) size);
      return NULL;
    }

  publication->received_at = g_get_real_time ();

  /* One statement outside a transaction is its own transaction: when step()
   * returns DONE it is committed, and with synchronous=FULL the WAL has been
   * synced to disk. */
  sqlite3_bind_text (self->insert, 1, publication->etag, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->insert, 2, publication->as_of);
  sqlite3_bind_int (self->insert, 3, publication->as_of_offset);
  sqlite3_bind_int64 (self->insert, 4, publication->received_at);
  sqlite3_bind_blob (self->insert, 5, size > 0 ? data : "", (int) size, SQLITE_STATIC);
  rc = sqlite3_step (self->insert);
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, error, _("storing a publication"));
  else
    publication->id = sqlite3_last_insert_rowid (self->db);
  sqlite3_reset (self->insert);
  sqlite3_clear_bindings (self->insert);

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&publication);
}

SitroomPublication *
sitroom_feed_store_get_latest (SitroomFeedStore *self,
                               GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SITROOM_IS_FEED_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!check_open (self, error))
    return NULL;
  return query_one (self, self->latest, error);
}

SitroomPublication *
sitroom_feed_store_get_as_of (SitroomFeedStore *self,
                              gint64            as_of,
                              GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SITROOM_IS_FEED_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!check_open (self, error))
    return NULL;
  sqlite3_bind_int64 (self->as_of, 1, as_of);
  return query_one (self, self->as_of, error);
}

SitroomPublication *
sitroom_feed_store_get_by_id (SitroomFeedStore *self,
                              gint64            id,
                              GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SITROOM_IS_FEED_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!check_open (self, error))
    return NULL;
  sqlite3_bind_int64 (self->by_id, 1, id);
  return query_one (self, self->by_id, error);
}

gint64
sitroom_feed_store_count (SitroomFeedStore *self,
                          GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gint64 count = -1;

  g_return_val_if_fail (SITROOM_IS_FEED_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  locker = g_mutex_locker_new (&self->lock);
  if (!check_open (self, error))
    return -1;

  if (sqlite3_step (self->count) == SQLITE_ROW)
    count = sqlite3_column_int64 (self->count, 0);
  else
    set_sqlite_error (self, error, _("counting"));
  sqlite3_reset (self->count);
  return count;
}

const char *
sitroom_feed_store_get_path (SitroomFeedStore *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_STORE (self), NULL);

  return self->path;
}

void
sitroom_feed_store_close (SitroomFeedStore *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (SITROOM_IS_FEED_STORE (self));

  locker = g_mutex_locker_new (&self->lock);
  close_locked (self);
}
