/* The bearer token of a feed: from the keyring (the Secret portal inside Flatpak) or from a file only its owner can read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "sitroom-feed-client.h"
#include "sitroom-token.h"

/* A token is a header value, not a document. */
#define MAX_TOKEN_FILE 4096

static const SecretSchema token_schema = {
  SITROOM_TOKEN_SCHEMA_NAME, SECRET_SCHEMA_NONE,
  {
    { "feed", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

void
sitroom_token_free (char *token)
{
  if (token == NULL)
    return;
  explicit_bzero (token, strlen (token));
  g_free (token);
}

/* Visible ASCII only: anything else could not go in an Authorization header,
 * and a stray byte is more likely a wrong file than a token. */
static gboolean
is_token_text (const char *text,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] < 0x21 || (guchar) text[i] > 0x7e)
      return FALSE;
  return length > 0;
}

char *
sitroom_token_read_file (const char  *path,
                         GError     **error)
{
  g_autofree char *name = NULL;
  char buffer[MAX_TOKEN_FILE + 1];
  struct stat info;
  gsize length = 0;
  gsize start, end;
  char *token = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read the token file “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }

  /* Checked on the open file, so the file read is the file checked. */
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("The token file “%s” is not a regular file"), name);
      close (fd);
      return NULL;
    }
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The token file “%s” can be read or changed by other users (mode %04o); "
                     "make it private with “chmod 600 %s”"),
                   name, (unsigned) (info.st_mode & 07777), name);
      close (fd);
      return NULL;
    }
  if (info.st_size > MAX_TOKEN_FILE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The token file “%s” is larger than a token can be (%d bytes)"), name, MAX_TOKEN_FILE);
      close (fd);
      return NULL;
    }

  while (length < sizeof buffer)
    {
      gssize n = read (fd, buffer + length, sizeof buffer - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot read the token file “%s”: %s"), name, g_strerror (saved));
          close (fd);
          explicit_bzero (buffer, sizeof buffer);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  /* The first line, without the white space around it. */
  start = 0;
  while (start < length && g_ascii_isspace (buffer[start]))
    start++;
  end = start;
  while (end < length && buffer[end] != '\n' && buffer[end] != '\r')
    end++;
  while (end > start && g_ascii_isspace (buffer[end - 1]))
    end--;

  if (length > MAX_TOKEN_FILE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The token file “%s” is larger than a token can be (%d bytes)"), name, MAX_TOKEN_FILE);
  else if (end == start)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The token file “%s” holds no token"), name);
  else if (!is_token_text (buffer + start, end - start))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The token in “%s” has characters that cannot be sent (spaces or control characters)"), name);
  else
    token = g_strndup (buffer + start, end - start);

  explicit_bzero (buffer, sizeof buffer);
  return token;
}

static void
on_lookup (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) sitroom_token_free);
}

void
sitroom_token_lookup_async (const char          *base_url,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *feed = NULL;
  GTask *task;

  g_return_if_fail (base_url != NULL);

  feed = sitroom_feed_normalize_url (base_url);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_token_lookup_async);
  secret_password_lookup (&token_schema, cancellable, on_lookup, task, "feed", feed, NULL);
}

char *
sitroom_token_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sitroom_token_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
sitroom_token_lookup_sync (const char    *base_url,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *feed = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  feed = sitroom_feed_normalize_url (base_url);
  return secret_password_lookup_sync (&token_schema, cancellable, error, "feed", feed, NULL);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sitroom_token_store_async (const char          *base_url,
                           const char          *token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *feed = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (base_url != NULL);
  g_return_if_fail (token != NULL && token[0] != '\0');

  feed = sitroom_feed_normalize_url (base_url);
  /* TRANSLATORS: the keyring entry's name; %s is the feed's URL */
  label = g_strdup_printf (_("Sitroom feed token for %s"), feed);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_token_store_async);
  secret_password_store (&token_schema, SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, on_stored, task, "feed", feed, NULL);
}

gboolean
sitroom_token_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sitroom_token_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
sitroom_token_clear_async (const char          *base_url,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *feed = NULL;
  GTask *task;

  g_return_if_fail (base_url != NULL);

  feed = sitroom_feed_normalize_url (base_url);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_token_clear_async);
  secret_password_clear (&token_schema, cancellable, on_cleared, task, "feed", feed, NULL);
}

gboolean
sitroom_token_clear_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sitroom_token_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
