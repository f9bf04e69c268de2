/* The last good document of each feed on disk: one self-checking file, replaced atomically. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sitroom-document-cache.h"
#include "sitroom-error.h"

/* An entry is one file, "<sha256 of the URL>.entry":
 *
 *   sitroom-document-cache/1 <length of the header>\n
 *   <header: a key file, group [Document]>
 *   <the document's bytes>
 *
 * The metadata lives in the same file as the document, so the one rename that
 * replaces an entry replaces both: no crash can pair a document with another's
 * ETag. The header still records the document's size and SHA-256, so damage
 * from outside (a disk error, a copied or cut file) is caught on load. */
#define MAGIC "sitroom-document-cache/1 "
#define GROUP "Document"
#define ENTRY_SUFFIX ".entry"
#define TEMP_INFIX ".tmp-"
#define DAMAGED_SUFFIX ".damaged"
/* A temporary file this old is left over from a crash, not a save under way. */
#define STALE_TEMP_SECONDS (60 * 60)

struct _SitroomDocumentCache
{
  GObject parent_instance;

  char *directory;
};

G_DEFINE_FINAL_TYPE (SitroomDocumentCache, sitroom_document_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sitroom_document_cache_finalize (GObject *object)
{
  SitroomDocumentCache *self = SITROOM_DOCUMENT_CACHE (object);

  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (sitroom_document_cache_parent_class)->finalize (object);
}

static void
sitroom_document_cache_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SitroomDocumentCache *self = SITROOM_DOCUMENT_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_document_cache_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SitroomDocumentCache *self = SITROOM_DOCUMENT_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_assert (self->directory == NULL);
      if (g_value_get_string (value) != NULL)
        self->directory = g_value_dup_string (value);
      else
        self->directory = g_build_filename (g_get_user_cache_dir (), "sitroom", "feeds", NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_document_cache_class_init (SitroomDocumentCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sitroom_document_cache_finalize;
  object_class->get_property = sitroom_document_cache_get_property;
  object_class->set_property = sitroom_document_cache_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitroom_document_cache_init (SitroomDocumentCache *self)
{
}

SitroomDocumentCache *
sitroom_document_cache_new (const char *directory)
{
  return g_object_new (SITROOM_TYPE_DOCUMENT_CACHE, "directory", directory, NULL);
}

const char *
sitroom_document_cache_get_directory (SitroomDocumentCache *self)
{
  g_return_val_if_fail (SITROOM_IS_DOCUMENT_CACHE (self), NULL);

  return self->directory;
}

static char *
entry_key (const char *source_url)
{
  g_assert (source_url != NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, source_url, -1);
}

char *
sitroom_document_cache_get_entry_path (SitroomDocumentCache *self,
                                       const char           *source_url)
{
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SITROOM_IS_DOCUMENT_CACHE (self), NULL);
  g_return_val_if_fail (source_url != NULL, NULL);

  key = entry_key (source_url);
  name = g_strconcat (key, ENTRY_SUFFIX, NULL);
  return g_build_filename (self->directory, name, NULL);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

/* The rename is only durable once the directory that names the file is. */
static gboolean
sync_directory (const char  *directory,
                GError     **error)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Removes what a crash in the middle of a save left of this entry. A recent
 * temporary file may be another process's save under way, so it is left alone. */
static void
remove_stale_temps (SitroomDocumentCache *self,
                    const char           *key)
{
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  g_autofree char *prefix = g_strconcat (key, ENTRY_SUFFIX, TEMP_INFIX, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix))
        continue;
      path = g_build_filename (self->directory, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) &&
          now - (gint64) st.st_mtime > STALE_TEMP_SECONDS)
        g_unlink (path);
    }
}

/* The entry names are ours alone, so whatever sits under one can go. */
static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Moves a damaged entry out of the way under one fixed name, so only the
 * latest damaged copy is kept however often it happens. */
static gboolean
set_aside (const char  *path,
           GError     **error)
{
  g_autofree char *damaged = g_strconcat (path, DAMAGED_SUFFIX, NULL);
  int saved_errno;

  if (g_rename (path, damaged) == 0)
    return TRUE;

  /* rename() will not put a folder over a file, nor anything over a folder
   * that is not empty: clear the older damaged copy first. */
  if (errno == ENOTDIR || errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST)
    {
      remove_tree (damaged);
      if (g_rename (path, damaged) == 0)
        return TRUE;
    }

  saved_errno = errno;
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

static char *
build_header (const char *source_url,
              GBytes     *document,
              const char *etag,
              gint64      fetched_at)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);
  g_autofree char *body = NULL;
  gsize body_length = 0;

  g_key_file_set_string (keys, GROUP, "source", source_url);
  if (etag != NULL)
    g_key_file_set_string (keys, GROUP, "etag", etag);
  g_key_file_set_int64 (keys, GROUP, "fetched-at", fetched_at);
  g_key_file_set_uint64 (keys, GROUP, "size", g_bytes_get_size (document));
  g_key_file_set_string (keys, GROUP, "sha256", checksum);

  body = g_key_file_to_data (keys, &body_length, NULL);
  return g_strdup_printf (MAGIC "%" G_GSIZE_FORMAT "\n%s", body_length, body);
}

static gboolean
store_failed (SitroomDocumentCache  *self,
              const char            *source_url,
              const char            *temp,
              int                    saved_errno,
              GError               **error)
{
  if (temp != NULL)
    g_unlink (temp);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot store a copy of %s in “%s”: %s"),
               source_url, self->directory, g_strerror (saved_errno));
  return FALSE;
}

gboolean
sitroom_document_cache_save (SitroomDocumentCache *self,
                             const char           *source_url,
                             GBytes               *document,
                             const char           *etag,
                             gint64                fetched_at,
                             GError              **error)
{
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *header = NULL;
  gconstpointer data;
  gsize length = 0;
  int fd;
  int saved_errno;

  g_return_val_if_fail (SITROOM_IS_DOCUMENT_CACHE (self), FALSE);
  g_return_val_if_fail (source_url != NULL, FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The documents may hold what a feed's token protects: readable by the user alone. */
  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s” for the stored copy of %s: %s"),
                   self->directory, source_url, g_strerror (saved_errno));
      return FALSE;
    }

  key = entry_key (source_url);
  path = sitroom_document_cache_get_entry_path (self, source_url);
  temp = g_strconcat (path, TEMP_INFIX, "XXXXXX", NULL);
  header = build_header (source_url, document, etag, fetched_at);
  data = g_bytes_get_data (document, &length);

  remove_stale_temps (self, key);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return store_failed (self, source_url, NULL, errno, error);

  /* The data reach the disk before the name does, so after a crash the name
   * holds either the old entry or the whole new one. */
  if (!write_all (fd, (const guint8 *) header, strlen (header)) ||
      (length > 0 && !write_all (fd, data, length)) ||
      fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return store_failed (self, source_url, temp, saved_errno, error);
    }
  if (close (fd) != 0)
    return store_failed (self, source_url, temp, errno, error);

  if (g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      /* Something that is not a file (a folder) holds the entry's name: that
       * is damage, and the new copy is better kept than refused for it. */
      if ((saved_errno != EISDIR && saved_errno != ENOTEMPTY && saved_errno != EEXIST) ||
          !set_aside (path, NULL))
        return store_failed (self, source_url, temp, saved_errno, error);
      if (g_rename (temp, path) != 0)
        return store_failed (self, source_url, temp, errno, error);
    }

  if (!sync_directory (self->directory, error))
    {
      g_prefix_error (error, _("The copy of %s in “%s” may not survive a power cut: "),
                      source_url, self->directory);
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  char *source_url;
  GBytes *document;
  char *etag;
  gint64 fetched_at;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->source_url);
  g_bytes_unref (data->document);
  g_free (data->etag);
  g_free (data);
}

static void
save_data_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SitroomDocumentCache *self = source_object;
  SaveData *data = task_data;
  GError *error = NULL;

  if (sitroom_document_cache_save (self, data->source_url, data->document,
                                   data->etag, data->fetched_at, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sitroom_document_cache_save_async (SitroomDocumentCache *self,
                                   const char           *source_url,
                                   GBytes               *document,
                                   const char           *etag,
                                   gint64                fetched_at,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (SITROOM_IS_DOCUMENT_CACHE (self));
  g_return_if_fail (source_url != NULL);
  g_return_if_fail (document != NULL);

  data = g_new0 (SaveData, 1);
  data->source_url = g_strdup (source_url);
  data->document = g_bytes_ref (document);
  data->etag = g_strdup (etag);
  data->fetched_at = fetched_at;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_document_cache_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_data_thread);
}

gboolean
sitroom_document_cache_save_finish (SitroomDocumentCache  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (SITROOM_IS_DOCUMENT_CACHE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sets the entry aside and says so in a way a person can act on. */
static void
report_damage (const char  *path,
               const char  *source_url,
               const char  *reason,
               GError     **error)
{
  g_autoptr(GError) aside_error = NULL;
  g_autofree char *damaged = g_strconcat (path, DAMAGED_SUFFIX, NULL);

  if (set_aside (path, &aside_error))
    g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                 _("The stored copy of %s was damaged and has been set aside as “%s” (%s); "
                   "the feed will be fetched afresh"),
                 source_url, damaged, reason);
  else
    g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                 _("The stored copy of %s is damaged (%s) and could not be set aside: %s; "
                   "remove “%s” to clear it"),
                 source_url, reason, aside_error->message, path);
}

/* Parses the file's first line and header. Returns the header, or NULL with
 * @reason set; *@offset is where the document starts. */
static GKeyFile *
read_header (const char  *contents,
             gsize        length,
             gsize       *offset,
             char       **reason)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  const char *newline;
  const char *digits;
  char *end = NULL;
  guint64 header_length;

  if (length < strlen (MAGIC) || memcmp (contents, MAGIC, strlen (MAGIC)) != 0)
    {
      *reason = g_strdup (_("it is not a stored copy this version of Sitroom can read"));
      return NULL;
    }

  digits = contents + strlen (MAGIC);
  newline = memchr (digits, '\n', length - strlen (MAGIC));
  if (newline == NULL || !g_ascii_isdigit (*digits))
    {
      *reason = g_strdup (_("its header cannot be read"));
      return NULL;
    }
  errno = 0;
  header_length = g_ascii_strtoull (digits, &end, 10);
  if (errno != 0 || end != newline ||
      header_length > length - (gsize) (newline + 1 - contents))
    {
      *reason = g_strdup (_("its header cannot be read"));
      return NULL;
    }

  *offset = (newline + 1 - contents) + header_length;
  if (!g_key_file_load_from_data (keys, newline + 1, header_length, G_KEY_FILE_NONE, NULL))
    {
      *reason = g_strdup (_("its header cannot be read"));
      return NULL;
    }

  return g_steal_pointer (&keys);
}

GBytes *
sitroom_document_cache_load (SitroomDocumentCache *self,
                             const char           *source_url,
                             char                **etag,
                             gint64               *fetched_at,
                             GError              **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *stored_source = NULL;
  g_autofree char *stored_checksum = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr(GKeyFile) keys = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) document = NULL;
  GStatBuf st;
  gsize length = 0;
  gsize offset = 0;
  guint64 size;
  gint64 stored_time = 0;

  g_return_val_if_fail (SITROOM_IS_DOCUMENT_CACHE (self), NULL);
  g_return_val_if_fail (source_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (etag != NULL)
    *etag = NULL;
  if (fetched_at != NULL)
    *fetched_at = 0;

  path = sitroom_document_cache_get_entry_path (self, source_url);

  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        return NULL;
      reason = g_strdup (g_strerror (saved_errno));
      report_damage (path, source_url, reason, error);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      report_damage (path, source_url, _("it is not a file"), error);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      report_damage (path, source_url, local_error->message, error);
      return NULL;
    }

  keys = read_header (contents, length, &offset, &reason);
  if (keys == NULL)
    {
      report_damage (path, source_url, reason, error);
      return NULL;
    }

  stored_source = g_key_file_get_string (keys, GROUP, "source", NULL);
  stored_checksum = g_key_file_get_string (keys, GROUP, "sha256", NULL);
  size = g_key_file_get_uint64 (keys, GROUP, "size", &local_error);
  if (local_error == NULL)
    stored_time = g_key_file_get_int64 (keys, GROUP, "fetched-at", &local_error);
  if (stored_source == NULL || stored_checksum == NULL || local_error != NULL)
    {
      report_damage (path, source_url, _("its header cannot be read"), error);
      return NULL;
    }

  /* The name comes from a hash of the URL, so another URL here means the file
   * was copied or renamed: its document is not this feed's. */
  if (strcmp (stored_source, source_url) != 0)
    {
      reason = g_strdup_printf (_("it holds the copy of another feed, %s"), stored_source);
      report_damage (path, source_url, reason, error);
      return NULL;
    }

  if (size != length - offset)
    {
      report_damage (path, source_url,
                     size > length - offset ? _("the document is cut short")
                                            : _("the document is longer than recorded"),
                     error);
      return NULL;
    }

  whole = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = g_bytes_new_from_bytes (whole, offset, length - offset);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);
  if (g_ascii_strcasecmp (checksum, stored_checksum) != 0)
    {
      report_damage (path, source_url, _("the document does not match its checksum"), error);
      return NULL;
    }

  if (etag != NULL)
    *etag = g_key_file_get_string (keys, GROUP, "etag", NULL);
  if (fetched_at != NULL)
    *fetched_at = stored_time;

  return g_steal_pointer (&document);
}
