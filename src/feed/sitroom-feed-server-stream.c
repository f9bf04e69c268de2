/* The feed server's event stream: GET /v1/stream, its events and keep-alive comments. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sitroom-feed-server-private.h"
#include "sitroom-time.h"

/* An SSE client that stops reading is dropped once this much waits for it. */
#define MAX_STREAM_BACKLOG (256 * 1024)

typedef struct {
  SoupServerMessage *msg;   /* dropped on "finished" or "disconnected" */
  gsize backlog;
} Stream;

static void
stream_send (SitroomFeedServer *self,
             Stream            *stream,
             const char        *text)
{
  SoupMessageBody *body = soup_server_message_get_response_body (stream->msg);
  gsize length = strlen (text);

  if (stream->backlog > MAX_STREAM_BACKLOG)
    {
      GSocket *socket = sitroom_feed_server_message_get_socket (stream->msg);

      /* The client has stopped reading; closing the socket ends the exchange
       * and "finished" removes the stream. */
      g_debug ("Dropping a stream that stopped reading");
      if (socket != NULL)
        g_socket_shutdown (socket, TRUE, TRUE, NULL);
      return;
    }

  stream->backlog += length;
  soup_message_body_append (body, SOUP_MEMORY_COPY, text, length);
  soup_server_message_unpause (stream->msg);
}

static void
broadcast (SitroomFeedServer *self,
           const char        *text)
{
  /* stream_send() never removes from the list itself. */
  for (GList *l = self->streams; l != NULL; l = l->next)
    stream_send (self, l->data, text);
}

static char *
format_event (const SitroomPublication *publication)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *as_of = sitroom_time_format (publication->as_of, publication->as_of_offset);
  g_autofree char *data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "etag");
  json_builder_add_string_value (builder, publication->etag);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, as_of);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  /* One line: a newline inside would end the SSE data field. */
  data = json_generator_to_data (generator, NULL);

  return g_strdup_printf ("event: situation\ndata: %s\n\n", data);
}

void
sitroom_feed_server_broadcast_publication (SitroomFeedServer        *self,
                                           const SitroomPublication *publication)
{
  g_autofree char *event = NULL;

  g_assert (SITROOM_IS_FEED_SERVER (self));
  g_assert (publication != NULL);

  event = format_event (publication);
  broadcast (self, event);
}

static gboolean
keepalive_cb (gpointer user_data)
{
  SitroomFeedServer *self = user_data;

  broadcast (self, ": keep-alive\n\n");
  return G_SOURCE_CONTINUE;
}

static void
restart_keepalive (SitroomFeedServer *self)
{
  g_clear_handle_id (&self->keepalive_source, g_source_remove);
  if (self->streams != NULL)
    self->keepalive_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, self->keepalive_interval,
                                                         keepalive_cb, self, NULL);
}

void
sitroom_feed_server_set_keepalive_interval (SitroomFeedServer *self,
                                            guint              seconds)
{
  g_return_if_fail (SITROOM_IS_FEED_SERVER (self));
  g_return_if_fail (seconds > 0);

  if (self->keepalive_interval == seconds)
    return;
  self->keepalive_interval = seconds;
  restart_keepalive (self);
}

static GList *
find_stream (SitroomFeedServer *self,
             SoupServerMessage *msg)
{
  for (GList *l = self->streams; l != NULL; l = l->next)
    {
      Stream *stream = l->data;

      if (stream->msg == msg)
        return l;
    }
  return NULL;
}

/* The exchange is over, or its connection gone: the message must not be
 * written to again. */
static void
stream_finished_cb (SoupServerMessage *msg,
                    SitroomFeedServer *self)
{
  GList *link = find_stream (self, msg);

  if (link != NULL)
    {
      Stream *stream = link->data;

      self->streams = g_list_delete_link (self->streams, link);
      g_signal_handlers_disconnect_by_data (msg, self);
      g_object_unref (stream->msg);
      g_free (stream);
    }
  if (self->streams == NULL)
    g_clear_handle_id (&self->keepalive_source, g_source_remove);
}

static void
stream_wrote_cb (SoupServerMessage *msg,
                 guint              chunk_size,
                 SitroomFeedServer *self)
{
  GList *link = find_stream (self, msg);

  if (link != NULL)
    {
      Stream *stream = link->data;

      stream->backlog -= MIN (stream->backlog, chunk_size);
    }
}

void
sitroom_feed_server_close_streams (SitroomFeedServer *self)
{
  g_assert (SITROOM_IS_FEED_SERVER (self));

  while (self->streams != NULL)
    stream_finished_cb (((Stream *) self->streams->data)->msg, self);
}

void
sitroom_feed_server_handle_stream (SitroomFeedServer *self,
                                   SoupServerMessage *msg)
{
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  Stream *stream;
  gboolean first;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (response, "text/event-stream", NULL);
  soup_message_headers_replace (response, "Cache-Control", "no-cache");
  /* nginx passes the stream through unbuffered when the upstream asks. */
  soup_message_headers_replace (response, "X-Accel-Buffering", "no");
  soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
  /* A stream lives for weeks: what has been written must not pile up. */
  soup_message_body_set_accumulate (body, FALSE);

  stream = g_new0 (Stream, 1);
  stream->msg = g_object_ref (msg);
  first = self->streams == NULL;
  self->streams = g_list_prepend (self->streams, stream);
  g_signal_connect (msg, "finished", G_CALLBACK (stream_finished_cb), self);
  g_signal_connect (msg, "disconnected", G_CALLBACK (stream_finished_cb), self);
  g_signal_connect (msg, "wrote-body-data", G_CALLBACK (stream_wrote_cb), self);
  if (first)
    restart_keepalive (self);

  /* Something at once, so that proxies pass the headers on; then the current
   * version, so that a client that read the document just before it
   * connected cannot miss a publication made in between. */
  stream_send (self, stream, ": sitroom-feed\n\n");
  if (self->current != NULL)
    {
      g_autofree char *event = format_event (self->current);

      stream_send (self, stream, event);
    }
}
