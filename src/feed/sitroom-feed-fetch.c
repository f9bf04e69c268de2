/* The command line's single fetch of a feed: GET {base}/v1/situation once, with the live client's limits and checks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sitroom-error.h"
#include "sitroom-feed-client-private.h"
#include "sitroom-prescan.h"

typedef struct {
  SoupSession *session;
  GUri        *base;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->session);
  g_clear_pointer (&fetch->base, g_uri_unref);
  g_free (fetch);
}

/* For the command line everything but a refused document is "unreadable". */
static GError *
as_feed_error (GError *error)
{
  GError *mapped;

  if (error->domain == SITROOM_FEED_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  mapped = g_error_new_literal (SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE, error->message);
  g_error_free (error);
  return mapped;
}

static void
on_fetch_once (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SitroomFeedResponse) response = NULL;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;

  response = sitroom_feed_http_get_finish (result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, as_feed_error (error));
      return;
    }
  if (response->status != SOUP_STATUS_OK)
    {
      g_autofree char *where = sitroom_feed_http_describe_host (fetch->base);

      /* TRANSLATORS: "127.0.0.1:8470 answered HTTP 503" */
      g_task_return_new_error (task, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                               _("%s answered HTTP %u"), where, response->status);
      return;
    }
  g_task_return_pointer (task, g_bytes_ref (response->body), (GDestroyNotify) g_bytes_unref);
}

void
sitroom_feed_fetch_async (const char          *base_url,
                          const char          *token,
                          gboolean             allow_insecure,
                          gsize                max_bytes,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SitroomFeedHttpOptions options = { 0 };
  GError *error = NULL;
  Fetch *fetch;

  g_return_if_fail (base_url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_feed_fetch_async);

  fetch = g_new0 (Fetch, 1);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  fetch->base = sitroom_feed_http_parse_base (base_url, allow_insecure, &error);
  if (fetch->base == NULL)
    {
      g_task_return_error (task, as_feed_error (error));
      return;
    }
  fetch->session = sitroom_feed_http_session_new ();

  options.base = fetch->base;
  options.token = token != NULL && token[0] != '\0' ? token : NULL;
  options.allow_insecure = allow_insecure;
  options.deadline_ms = SITROOM_FEED_DEFAULT_DEADLINE_S * 1000;
  options.max_bytes = max_bytes != 0 ? max_bytes : SITROOM_DEFAULT_MAX_BYTES;
  sitroom_feed_http_get_async (fetch->session, &options, NULL, NULL, cancellable,
                               on_fetch_once, g_steal_pointer (&task));
}

GBytes *
sitroom_feed_fetch_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sitroom_feed_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
