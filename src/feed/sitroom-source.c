/* Reading one situation document from the built-in demo, a path, a file:// URL or a feed URL. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sitroom-error.h"
#include "sitroom-feed-client.h"
#include "sitroom-prescan.h"
#include "sitroom-source.h"

static gboolean
is_demo (const char *source)
{
  return source == NULL || source[0] == '\0';
}

static GFile *
source_to_file (const char *source)
{
  g_assert (!is_demo (source));

  if (g_str_has_prefix (source, "file:"))
    return g_file_new_for_uri (source);
  return g_file_new_for_commandline_arg (source);
}

typedef struct {
  GBytes  *bytes;
  GError  *error;
  gboolean done;
} FetchResult;

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  FetchResult *fetch = user_data;

  fetch->bytes = sitroom_feed_fetch_finish (result, &fetch->error);
  fetch->done = TRUE;
}

static GBytes *
read_url (const char                 *url,
          gsize                       max_bytes,
          const SitroomSourceNetwork *network,
          GError                    **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  FetchResult fetch = { NULL, NULL, FALSE };

  /* A context of its own: the caller may be a worker thread, or the main
   * thread of a program whose other sources must not run in between. */
  g_main_context_push_thread_default (context);
  sitroom_feed_fetch_async (url, network != NULL ? network->token : NULL,
                            network != NULL && network->allow_insecure,
                            max_bytes, NULL, on_fetched, &fetch);
  while (!fetch.done)
    g_main_context_iteration (context, TRUE);
  /* Let the request's own clean-up run before its context goes. */
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  if (fetch.bytes == NULL)
    g_propagate_error (error, fetch.error);
  return fetch.bytes;
}

GBytes *
sitroom_source_read (const char  *source,
                     gsize        max_bytes,
                     GError     **error)
{
  return sitroom_source_read_full (source, max_bytes, NULL, error);
}

GBytes *
sitroom_source_read_full (const char                 *source,
                          gsize                       max_bytes,
                          const SitroomSourceNetwork *network,
                          GError                    **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_bytes == 0)
    max_bytes = SITROOM_DEFAULT_MAX_BYTES;

  if (is_demo (source))
    return g_resources_lookup_data (SITROOM_DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (sitroom_feed_is_url (source))
    return read_url (source, max_bytes, network, error);

  if (strstr (source, "://") != NULL && !g_str_has_prefix (source, "file://"))
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Cannot read “%s”: a source is a file, a file:// URL or an http(s):// feed URL"), source);
      return NULL;
    }

  file = source_to_file (source);
  name = g_file_get_parse_name (file);

  /* The size is checked before anything is read, so a huge file costs nothing. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Cannot read “%s”: it is a folder, not a situation document"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > max_bytes)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE,
                   _("“%s” is %llu bytes, larger than the limit of %llu bytes"),
                   name, (unsigned long long) g_file_info_get_size (info), (unsigned long long) max_bytes);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

SitroomSituation *
sitroom_source_load (const char               *source,
                     const SitroomLoadOptions *options,
                     GPtrArray               **problems,
                     GError                  **error)
{
  return sitroom_source_load_full (source, options, NULL, problems, error);
}

SitroomSituation *
sitroom_source_load_full (const char                 *source,
                          const SitroomLoadOptions   *options,
                          const SitroomSourceNetwork *network,
                          GPtrArray                 **problems,
                          GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  bytes = sitroom_source_read_full (source, options != NULL ? options->max_bytes : 0, network, error);
  if (bytes == NULL)
    return NULL;

  return sitroom_situation_new_from_bytes (bytes, options, problems, error);
}

typedef struct {
  char *source;
  SitroomLoadOptions options;
  char *lang;
  GPtrArray *problems;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->source);
  g_free (data->lang);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  SitroomSituation *situation;

  situation = sitroom_source_load (data->source, &data->options, &data->problems, &error);
  if (situation == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, situation, g_object_unref);
}

void
sitroom_source_load_async (const char               *source,
                           const SitroomLoadOptions *options,
                           GCancellable             *cancellable,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->source = g_strdup (source);
  if (options != NULL)
    data->options = *options;
  /* The caller's string may not outlive the call. */
  data->lang = g_strdup (data->options.lang);
  data->options.lang = data->lang;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_source_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

SitroomSituation *
sitroom_source_load_finish (GAsyncResult  *result,
                            GPtrArray    **problems,
                            GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sitroom_source_load_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = data->problems != NULL ? g_ptr_array_ref (data->problems) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
sitroom_source_describe (const char *source)
{
  g_autoptr(GFile) file = NULL;

  if (is_demo (source))
    return g_strdup (_("Built-in demo"));
  if (sitroom_feed_is_url (source))
    {
      char *url = sitroom_feed_normalize_url (source);
      gsize length = url != NULL ? strlen (url) : 0;

      /* The base as a person writes it: "http://feed.example:8470". */
      if (length > 0 && url[length - 1] == '/')
        url[length - 1] = '\0';
      return url;
    }

  file = source_to_file (source);
  return g_file_get_parse_name (file);
}
