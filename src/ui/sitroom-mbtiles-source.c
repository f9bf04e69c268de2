/* A ShumateDataSource reading raster tiles from a local MBTiles file (SQLite). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <sqlite3.h>
#include <string.h>

#include "sitroom-mbtiles-source.h"

#define MAX_ZOOM 30

struct _SitroomMbtilesSource
{
  ShumateDataSource parent_instance;

  char *path;
  char *name;
  char *attribution;    /* plain text: the file's HTML is stripped */
  guint min_zoom;
  guint max_zoom;

  /* Tiles are read in worker threads, several at once while the map fills.
   * One read-only connection and one prepared statement serve them all, one
   * at a time under this lock: a tile is a single indexed lookup, so
   * serialising costs little, and it spares opening the file (and parsing its
   * schema) for every tile. */
  GMutex lock;
  sqlite3 *db;
  sqlite3_stmt *select_tile;
};

G_DEFINE_FINAL_TYPE (SitroomMbtilesSource, sitroom_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

typedef struct {
  int x;
  int y;
  int zoom;
} TileRequest;

static void
sitroom_mbtiles_source_finalize (GObject *object)
{
  SitroomMbtilesSource *self = SITROOM_MBTILES_SOURCE (object);

  /* Every worker holds a reference through its task: none runs now. */
  g_clear_pointer (&self->select_tile, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->name);
  g_free (self->attribution);

  G_OBJECT_CLASS (sitroom_mbtiles_source_parent_class)->finalize (object);
}

/* Runs in a worker: the tile's bytes, or NULL with an error. */
static GBytes *
read_tile (SitroomMbtilesSource  *self,
           const TileRequest     *request,
           GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GBytes *bytes = NULL;
  gint64 n;
  int rc;

  g_assert (SITROOM_IS_MBTILES_SOURCE (self));

  n = request->zoom >= 0 && request->zoom <= MAX_ZOOM ? (gint64) 1 << request->zoom : 0;
  if (request->x < 0 || request->x >= n || request->y < 0 || request->y >= n)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("MBTiles file %s has no tile %d/%d/%d"),
                   self->path, request->zoom, request->x, request->y);
      return NULL;
    }

  locker = g_mutex_locker_new (&self->lock);

  sqlite3_reset (self->select_tile);
  sqlite3_bind_int (self->select_tile, 1, request->zoom);
  sqlite3_bind_int (self->select_tile, 2, request->x);
  /* MBTiles numbers rows from the south (TMS); the map asks from the north. */
  sqlite3_bind_int64 (self->select_tile, 3, n - 1 - request->y);

  rc = sqlite3_step (self->select_tile);
  if (rc == SQLITE_ROW)
    {
      const void *blob = sqlite3_column_blob (self->select_tile, 0);
      int size = sqlite3_column_bytes (self->select_tile, 0);

      if (blob != NULL && size > 0)
        bytes = g_bytes_new (blob, size);
    }
  else if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("MBTiles file %s cannot be read: %s"),
                   self->path, sqlite3_errmsg (self->db));
      sqlite3_reset (self->select_tile);
      return NULL;
    }
  sqlite3_reset (self->select_tile);

  if (bytes == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("MBTiles file %s has no tile %d/%d/%d"),
                 self->path, request->zoom, request->x, request->y);
  return bytes;
}

static void
read_tile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;

  bytes = read_tile (source_object, task_data, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* Back on the caller's main context. libshumate 1.0.3's raster renderer
 * paints a tile from "received-data" alone and drops the tile when the
 * request completes, so the signal must come first, and from this thread,
 * since the renderer touches its tiles and textures. */
static void
on_tile_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SitroomMbtilesSource *self = SITROOM_MBTILES_SOURCE (object);
  g_autoptr(GTask) task = user_data;
  const TileRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  /* The worker shares the request's cancellable: once it is cancelled this
   * reports G_IO_ERROR_CANCELLED, even for a tile read just before. */
  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit_by_name (self, "received-data",
                         request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
sitroom_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                            int                  x,
                                            int                  y,
                                            int                  zoom_level,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  SitroomMbtilesSource *self = SITROOM_MBTILES_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  TileRequest *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_mbtiles_source_get_tile_data_async);

  request = g_new (TileRequest, 1);
  request->x = x;
  request->y = y;
  request->zoom = zoom_level;

  worker = g_task_new (self, cancellable, on_tile_read, g_steal_pointer (&task));
  g_task_set_source_tag (worker, read_tile_thread);
  g_task_set_task_data (worker, request, g_free);
  g_task_run_in_thread (worker, read_tile_thread);
}

static GBytes *
sitroom_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (SITROOM_IS_MBTILES_SOURCE (source), NULL);
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sitroom_mbtiles_source_class_init (SitroomMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = sitroom_mbtiles_source_finalize;
  source_class->get_tile_data_async = sitroom_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = sitroom_mbtiles_source_get_tile_data_finish;
}

static void
sitroom_mbtiles_source_init (SitroomMbtilesSource *self)
{
  g_mutex_init (&self->lock);
}

/* The character an HTML entity at @p (just after '&') stands for, and its
 * length up to and including ';'; 0 when it is not one we know. */
static gunichar
decode_entity (const char *p,
               gsize      *length)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
    { "apos", '\'' }, { "nbsp", ' ' }, { "copy", 0xA9 }, { "reg", 0xAE },
  };
  const char *end = strchr (p, ';');
  g_autofree char *body = NULL;
  guint64 code = 0;

  g_assert (p != NULL);

  if (end == NULL || end == p || end - p > 8)
    return 0;
  body = g_strndup (p, end - p);
  *length = end - p + 1;

  if (body[0] == '#')
    {
      gboolean hex = body[1] == 'x' || body[1] == 'X';

      if (!g_ascii_string_to_unsigned (body + (hex ? 2 : 1), hex ? 16 : 10,
                                       1, 0x10FFFF, &code, NULL) ||
          !g_unichar_validate ((gunichar) code))
        return 0;
      return (gunichar) code;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (named); i++)
    if (strcmp (body, named[i].name) == 0)
      return named[i].c;
  return 0;
}

/* MBTiles attributions are usually HTML links ("<a href=…>&copy; …</a>"), but
 * libshumate shows a map source's license as plain text: keep the words. */
static char *
plain_text_of_html (const char *html)
{
  GString *text = g_string_new (NULL);

  g_assert (html != NULL);

  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');

          if (close != NULL)
            {
              p = close;
              continue;
            }
        }
      else if (*p == '&')
        {
          gsize length = 0;
          gunichar c = decode_entity (p + 1, &length);

          if (c != 0)
            {
              g_string_append_unichar (text, c);
              p += length;
              continue;
            }
        }
      g_string_append_c (text, *p);
    }

  g_strstrip (text->str);
  return g_string_free (text, FALSE);
}

static gboolean
set_sqlite_error (SitroomMbtilesSource  *self,
                  GError               **error)
{
  g_assert (SITROOM_IS_MBTILES_SOURCE (self));

  /* SQLite opens any file lazily; the first read tells a database apart. */
  if (sqlite3_errcode (self->db) == SQLITE_NOTADB)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%s is not an MBTiles file: it is not an SQLite database"),
                 self->path);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("MBTiles file %s cannot be read: %s"),
                 self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
check_tables (SitroomMbtilesSource  *self,
              GError               **error)
{
  static const char *const required[] = { "metadata", "tiles" };
  sqlite3_stmt *stmt = NULL;

  g_assert (SITROOM_IS_MBTILES_SOURCE (self));

  /* Many files make "tiles" a view over deduplicated images. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?1;",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error);

  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, required[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not an MBTiles file: it has no “%s” table"),
                       self->path, required[i]);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          set_sqlite_error (self, error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

/* FALSE when @value is missing or not a zoom level, which a file may well
 * leave out: the tiles themselves then give the range. */
static gboolean
parse_zoom (const char *value,
            guint      *zoom)
{
  guint64 parsed;

  g_assert (zoom != NULL);

  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, 0, MAX_ZOOM, &parsed, NULL))
    return FALSE;
  *zoom = (guint) parsed;
  return TRUE;
}

/* The image format must be one the raster renderer can decode here: it hands
 * the bytes to gdk-pixbuf, whose webp loader is a separate package. */
static gboolean
check_format (SitroomMbtilesSource  *self,
              const char            *format,
              GError               **error)
{
  g_autofree char *lower = g_ascii_strdown (format, -1);
  const char *loader = NULL;
  GSList *formats;
  gboolean found = FALSE;

  g_assert (SITROOM_IS_MBTILES_SOURCE (self));

  if (strcmp (lower, "png") == 0)
    loader = "png";
  else if (strcmp (lower, "jpg") == 0 || strcmp (lower, "jpeg") == 0)
    loader = "jpeg";
  else if (strcmp (lower, "webp") == 0)
    loader = "webp";
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("MBTiles file %s holds “%s” tiles; only png, jpg and webp raster tiles can be drawn"),
                   self->path, format);
      return FALSE;
    }

  formats = gdk_pixbuf_get_formats ();
  for (GSList *l = formats; l != NULL && !found; l = l->next)
    found = g_strcmp0 (gdk_pixbuf_format_get_name (l->data), loader) == 0;
  g_slist_free (formats);

  if (!found)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("MBTiles file %s holds %s tiles, which this system cannot decode: install the gdk-pixbuf loader for %s"),
                   self->path, lower, lower);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_metadata (SitroomMbtilesSource  *self,
               GError               **error)
{
  g_autoptr(GHashTable) metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *format;
  const char *attribution;
  sqlite3_stmt *stmt = NULL;
  gboolean has_min, has_max;
  int rc;

  g_assert (SITROOM_IS_MBTILES_SOURCE (self));

  if (sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata;", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not an MBTiles file: its metadata table cannot be read: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (name != NULL && value != NULL)
        g_hash_table_replace (metadata, g_strdup (name), g_strstrip (g_strdup (value)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  /* Files older than MBTiles 1.1 have no format and hold png. */
  format = g_hash_table_lookup (metadata, "format");
  if (!check_format (self, format != NULL && *format != '\0' ? format : "png", error))
    return FALSE;

  self->name = g_strdup (g_hash_table_lookup (metadata, "name"));
  attribution = g_hash_table_lookup (metadata, "attribution");
  if (attribution != NULL)
    self->attribution = plain_text_of_html (attribution);
  if (self->name != NULL && *self->name == '\0')
    g_clear_pointer (&self->name, g_free);
  if (self->attribution != NULL && *self->attribution == '\0')
    g_clear_pointer (&self->attribution, g_free);

  has_min = parse_zoom (g_hash_table_lookup (metadata, "minzoom"), &self->min_zoom);
  has_max = parse_zoom (g_hash_table_lookup (metadata, "maxzoom"), &self->max_zoom);

  /* The zoom range is optional metadata; the tiles' own index answers it
   * cheaply when it is missing, and tells an empty file apart. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT min(zoom_level), max(zoom_level) FROM tiles;",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not an MBTiles file: its tiles table cannot be read: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("MBTiles file %s holds no tiles"), self->path);
      return FALSE;
    }
  if (!has_min)
    self->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, MAX_ZOOM);
  if (!has_max)
    self->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), 0, MAX_ZOOM);
  sqlite3_finalize (stmt);

  if (self->min_zoom > self->max_zoom)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("MBTiles file %s gives a minimum zoom (%u) above its maximum zoom (%u)"),
                   self->path, self->min_zoom, self->max_zoom);
      return FALSE;
    }
  return TRUE;
}

SitroomMbtilesSource *
sitroom_mbtiles_source_new (const char  *path,
                            GError     **error)
{
  g_autoptr(SitroomMbtilesSource) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SITROOM_TYPE_MBTILES_SOURCE, NULL);
  self->path = g_strdup (path);

  /* SQLite would say only "unable to open database file". */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   g_file_test (path, G_FILE_TEST_EXISTS)
                   ? _("MBTiles file %s is not a regular file")
                   : _("MBTiles file %s does not exist"),
                   path);
      return NULL;
    }

  /* NOMUTEX: the connection is only ever used under self->lock (or before
   * any worker can see it), so SQLite's own mutex would be a second lock. */
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("MBTiles file %s cannot be opened: %s"),
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  /* A tile generator may still be writing the file; wait rather than fail. */
  sqlite3_busy_timeout (self->db, 2000);

  if (!check_tables (self, error) || !read_metadata (self, error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT tile_data FROM tiles "
                          "WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3;",
                          -1, &self->select_tile, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not an MBTiles file: its tiles table cannot be read: %s"),
                   path, sqlite3_errmsg (self->db));
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
sitroom_mbtiles_source_get_path (SitroomMbtilesSource *self)
{
  g_return_val_if_fail (SITROOM_IS_MBTILES_SOURCE (self), NULL);

  return self->path;
}

const char *
sitroom_mbtiles_source_get_name (SitroomMbtilesSource *self)
{
  g_return_val_if_fail (SITROOM_IS_MBTILES_SOURCE (self), NULL);

  return self->name;
}

const char *
sitroom_mbtiles_source_get_attribution (SitroomMbtilesSource *self)
{
  g_return_val_if_fail (SITROOM_IS_MBTILES_SOURCE (self), NULL);

  return self->attribution;
}

guint
sitroom_mbtiles_source_get_min_zoom (SitroomMbtilesSource *self)
{
  g_return_val_if_fail (SITROOM_IS_MBTILES_SOURCE (self), 0);

  return self->min_zoom;
}

guint
sitroom_mbtiles_source_get_max_zoom (SitroomMbtilesSource *self)
{
  g_return_val_if_fail (SITROOM_IS_MBTILES_SOURCE (self), 0);

  return self->max_zoom;
}
