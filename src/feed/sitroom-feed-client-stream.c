/* The feed client's subscription to the event stream: each announced publication is fetched, and a lost stream is reopened after a back-off. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sitroom-feed-client-private.h"

#define STREAM_READ_SIZE 8192

/* "abc", W/"abc" and abc name the same version. */
static gboolean
etags_equal (const char *a,
             const char *b)
{
  gsize la, lb;

  if (g_str_has_prefix (a, "W/"))
    a += 2;
  if (g_str_has_prefix (b, "W/"))
    b += 2;
  la = strlen (a);
  lb = strlen (b);
  if (la >= 2 && a[0] == '"' && a[la - 1] == '"')
    a++, la -= 2;
  if (lb >= 2 && b[0] == '"' && b[lb - 1] == '"')
    b++, lb -= 2;
  return la == lb && memcmp (a, b, la) == 0;
}

static void
on_sse_event (const char *event,
              const char *data,
              gpointer    user_data)
{
  SitroomFeedClient *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  const char *etag = NULL;

  if (g_strcmp0 (event, "situation") != 0)
    return;

  node = json_from_string (data, NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (node), "etag");

      if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
          && json_node_get_value_type (member) == G_TYPE_STRING)
        etag = json_node_get_string (member);
    }

  if (etag != NULL && self->etag != NULL && etags_equal (etag, self->etag))
    return;
  /* A server that asked for a pause gets it; the retry it set will fetch. */
  if (self->retry_after_until > g_get_real_time ())
    return;
  sitroom_feed_client_fetch_now (self);
}

static gboolean
on_stream_timer (gpointer user_data)
{
  SitroomFeedClient *self = user_data;

  g_clear_pointer (&self->stream_timer, g_source_unref);
  sitroom_feed_client_stream_open (self);
  return G_SOURCE_REMOVE;
}

static void
stream_lost (SitroomFeedClient *self,
             gboolean           not_offered)
{
  guint64 delay;

  if (self->stream != NULL)
    {
      sitroom_feed_http_discard_stream (self->stream);
      g_clear_object (&self->stream);
    }
  sitroom_feed_client_set_streaming (self, FALSE);

  if (!self->running)
    return;
  /* A server without a stream is asked again now and then: it may gain one. */
  self->n_stream_failures++;
  delay = not_offered ? self->retry_max : sitroom_feed_client_backoff_ms (self, self->n_stream_failures);
  sitroom_feed_client_clear_timeout (&self->stream_timer);
  self->stream_timer = sitroom_feed_client_add_timeout (delay, on_stream_timer, self, "[sitroom] feed stream reconnect");
}

static void stream_read (SitroomFeedClient *self);

static void
on_stream_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SitroomFeedClient) self = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The client let go of the stream while this read was pending. */
      sitroom_feed_http_discard_stream (G_INPUT_STREAM (source));
      return;
    }

  self = g_object_ref (user_data);
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      stream_lost (self, FALSE);
      return;
    }

  self->n_stream_failures = 0;
  data = g_bytes_get_data (bytes, &size);
  if (!sitroom_sse_parser_feed (&self->sse, data, size, on_sse_event, self))
    {
      stream_lost (self, FALSE);
      return;
    }
  stream_read (self);
}

static void
stream_read (SitroomFeedClient *self)
{
  g_input_stream_read_bytes_async (self->stream, STREAM_READ_SIZE, G_PRIORITY_DEFAULT,
                                   self->cancellable, on_stream_read, self);
}

static void
on_stream_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SitroomFeedResponse) response = NULL;
  g_autoptr(SitroomFeedClient) self = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reopened;

  response = sitroom_feed_http_open_stream_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = g_object_ref (user_data);
  if (response == NULL || response->stream == NULL)
    {
      gboolean not_offered = response != NULL
                             && (response->status == SOUP_STATUS_OK
                                 || response->status == SOUP_STATUS_NOT_FOUND
                                 || response->status == SOUP_STATUS_METHOD_NOT_ALLOWED
                                 || response->status == SOUP_STATUS_NOT_IMPLEMENTED);
      stream_lost (self, not_offered);
      return;
    }

  self->stream = g_steal_pointer (&response->stream);
  sitroom_sse_parser_clear (&self->sse);
  sitroom_sse_parser_init (&self->sse, SITROOM_FEED_STREAM_MAX_LINE);
  reopened = self->stream_was_open;
  self->stream_was_open = TRUE;
  sitroom_feed_client_set_streaming (self, TRUE);
  stream_read (self);
  /* Publications while the stream was down were not announced. */
  if (reopened)
    sitroom_feed_client_fetch_now (self);
}

void
sitroom_feed_client_stream_open (SitroomFeedClient *self)
{
  SitroomFeedHttpOptions options;

  if (!self->running || self->base == NULL)
    return;
  options = sitroom_feed_client_http_options (self);
  sitroom_feed_http_open_stream_async (self->session, &options, self->cancellable, on_stream_opened, self);
}
