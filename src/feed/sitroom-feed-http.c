/* The feed's HTTP requests: GETs with a deadline and a size limit, redirects that keep the token home, the event stream opened. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sitroom-error.h"
#include "sitroom-feed-http-private.h"
#include "sitroom-token.h"

#define MAX_REDIRECTS 5
#define READ_CHUNK (64 * 1024)
/* Longer than the 30 s between the stream's keep-alive comments, so a quiet
 * but live stream is not cut; a dead one is noticed within a minute. The
 * per-request deadline is the tighter bound on situation fetches. */
#define SOCKET_TIMEOUT_S 60

G_DEFINE_QUARK (sitroom-feed-net-error-quark, sitroom_feed_net_error)

SoupSession *
sitroom_feed_http_session_new (void)
{
  return soup_session_new_with_options ("user-agent", "Sitroom/" PACKAGE_VERSION,
                                        "timeout", SOCKET_TIMEOUT_S,
                                        NULL);
}

void
sitroom_feed_response_free (SitroomFeedResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->etag);
  g_free (response->last_modified);
  g_clear_pointer (&response->body, g_bytes_unref);
  if (response->stream != NULL)
    {
      sitroom_feed_http_discard_stream (response->stream);
      g_object_unref (response->stream);
    }
  g_free (response);
}

void
sitroom_feed_http_discard_stream (GInputStream *stream)
{
  g_autoptr(GCancellable) cancelled = NULL;

  g_return_if_fail (G_IS_INPUT_STREAM (stream));

  if (g_input_stream_is_closed (stream) || g_input_stream_has_pending (stream))
    return;

  /* Closing reads what is left unless told to stop: a cancelled close
   * gives up at once and drops the connection. */
  cancelled = g_cancellable_new ();
  g_cancellable_cancel (cancelled);
  g_input_stream_close (stream, cancelled, NULL);
}

gint64
sitroom_feed_http_parse_retry_after (const char *value,
                                     gint64      now)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;
  gint64 delta;

  if (value == NULL)
    return -1;

  text = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (gint64) seconds;

  date = soup_date_time_new_from_http_string (text);
  if (date == NULL)
    return -1;
  delta = g_date_time_to_unix (date) * G_USEC_PER_SEC - now;
  if (delta <= 0)
    return 0;
  return (delta + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

/* One request, across its redirects. */
typedef struct {
  SoupSession  *session;
  GUri         *base;
  char         *token;
  gboolean      allow_insecure;
  gboolean      want_stream;
  gsize         max_bytes;
  char         *etag;
  char         *last_modified;

  GUri         *uri;
  guint         hops;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  gsize         read_offset;
  gint64        expected;

  /* Cancelled by the caller's cancellable or by the deadline, whichever
   * comes first. */
  GCancellable *cancellable;
  GCancellable *outer;
  gulong        outer_handler;
  GSource      *deadline;
  guint         deadline_ms;
  gboolean      deadline_passed;
} Request;

static void
request_stop_deadline (Request *request)
{
  if (request->deadline != NULL)
    {
      g_source_destroy (request->deadline);
      g_clear_pointer (&request->deadline, g_source_unref);
    }
}

static void
request_drop_stream (Request *request)
{
  if (request->stream != NULL)
    {
      sitroom_feed_http_discard_stream (request->stream);
      g_clear_object (&request->stream);
    }
}

static void
request_free (Request *request)
{
  request_stop_deadline (request);
  request_drop_stream (request);
  if (request->outer_handler != 0)
    g_signal_handler_disconnect (request->outer, request->outer_handler);
  g_clear_object (&request->outer);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->session);
  g_clear_pointer (&request->base, g_uri_unref);
  g_clear_pointer (&request->uri, g_uri_unref);
  g_clear_object (&request->message);
  g_clear_pointer (&request->body, g_byte_array_unref);
  sitroom_token_free (request->token);
  g_free (request->etag);
  g_free (request->last_modified);
  g_free (request);
}

static gboolean
on_deadline (gpointer user_data)
{
  Request *request = user_data;

  request->deadline_passed = TRUE;
  g_clear_pointer (&request->deadline, g_source_unref);
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_outer_cancelled (GCancellable *outer,
                    gpointer      user_data)
{
  Request *request = user_data;

  g_cancellable_cancel (request->cancellable);
}

static void
request_return_error (GTask  *task,
                      GError *error)
{
  Request *request = g_task_get_task_data (task);
  g_autofree char *where = sitroom_feed_http_describe_host (request->uri);
  GError *mapped = NULL;

  request_stop_deadline (request);
  request_drop_stream (request);

  if (request->deadline_passed && !g_cancellable_is_cancelled (request->outer))
    mapped = g_error_new (SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_DEADLINE,
                          _("no complete answer from %s within the %u s deadline"),
                          where, (request->deadline_ms + 999) / 1000);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
           || error->domain == SITROOM_FEED_ERROR
           || error->domain == SITROOM_FEED_NET_ERROR)
    mapped = g_error_copy (error);
  else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    mapped = g_error_new (SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_CERTIFICATE,
                          _("the certificate of %s is not trusted (%s)"), where, error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    mapped = g_error_new (SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_TRUNCATED,
                          _("the answer from %s broke off after %u bytes"),
                          where, request->body != NULL ? request->body->len : 0);
  else
    mapped = g_error_new (SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_NO_ANSWER,
                          _("no answer from %s (%s)"), where, error->message);

  g_error_free (error);
  g_task_return_error (task, mapped);
  g_object_unref (task);
}

static SitroomFeedResponse *
response_new (Request *request)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  SitroomFeedResponse *response = g_new0 (SitroomFeedResponse, 1);

  response->status = soup_message_get_status (request->message);
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  response->retry_after = sitroom_feed_http_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                                              g_get_real_time ());
  return response;
}

static void
request_return_response (GTask               *task,
                         SitroomFeedResponse *response)
{
  Request *request = g_task_get_task_data (task);

  request_stop_deadline (request);
  request_drop_stream (request);
  g_task_return_pointer (task, response, (GDestroyNotify) sitroom_feed_response_free);
  g_object_unref (task);
}

static void request_send (GTask *task);
static void read_next (GTask *task);

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  gssize n_read;
  SitroomFeedResponse *response;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  /* The array was grown to take the read; keep only what came. */
  g_byte_array_set_size (request->body, request->read_offset + MAX (n_read, 0));
  if (n_read < 0)
    {
      request_return_error (task, error);
      return;
    }

  if (n_read == 0)
    {
      if (request->expected >= 0 && (gint64) request->body->len != request->expected)
        {
          request_return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, ""));
          return;
        }
      /* At the end of the body a close costs nothing and keeps the
       * connection for the next poll. */
      g_input_stream_close (request->stream, NULL, NULL);
      response = response_new (request);
      response->body = g_byte_array_free_to_bytes (g_steal_pointer (&request->body));
      request_return_response (task, response);
      return;
    }

  if (request->body->len > request->max_bytes)
    {
      g_autofree char *where = sitroom_feed_http_describe_host (request->uri);
      g_autofree char *limit = g_format_size_full (request->max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      request_return_error (task, g_error_new (SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE,
                                               _("the document from %s is larger than the limit of %s"),
                                               where, limit));
      return;
    }

  read_next (task);
}

static void
read_next (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  gsize want;

  /* Never more than one byte past the limit: enough to know it was passed. */
  request->read_offset = request->body->len;
  want = MIN (READ_CHUNK, request->max_bytes + 1 - request->read_offset);
  g_byte_array_set_size (request->body, request->read_offset + want);
  g_input_stream_read_async (request->stream, request->body->data + request->read_offset, want,
                             G_PRIORITY_DEFAULT, request->cancellable, on_read, task);
}

static void
read_body (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  gboolean encoded = soup_message_headers_get_one (headers, "Content-Encoding") != NULL;

  request->expected = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH && !encoded)
    {
      goffset length = soup_message_headers_get_content_length (headers);

      /* Refused before a byte of the body is read. */
      if (length > 0 && (guint64) length > request->max_bytes)
        {
          g_autofree char *where = sitroom_feed_http_describe_host (request->uri);
          g_autofree char *limit = g_format_size_full (request->max_bytes, G_FORMAT_SIZE_IEC_UNITS);
          g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

          request_return_error (task, g_error_new (SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE,
                                                   _("the document from %s is %s, larger than the limit of %s"),
                                                   where, size, limit));
          return;
        }
      request->expected = length;
    }

  /* Grown as the body comes, so a Content-Length that lies costs nothing. */
  request->body = g_byte_array_sized_new (MIN (request->expected >= 0 ? (gsize) request->expected + 1 : 0,
                                               1024 * 1024));
  read_next (task);
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND
         || status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT
         || status == SOUP_STATUS_PERMANENT_REDIRECT;
}

static void
follow_redirect (GTask      *task,
                 const char *location)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GUri) next = NULL;
  g_autofree char *where = sitroom_feed_http_describe_host (request->uri);
  GError *error = NULL;

  if (++request->hops > MAX_REDIRECTS)
    {
      request_return_error (task, g_error_new (SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_REDIRECT,
                                               _("%s redirected more than %d times"), where, MAX_REDIRECTS));
      return;
    }

  next = g_uri_parse_relative (request->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (next == NULL)
    {
      request_return_error (task, g_error_new (SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_REDIRECT,
                                               _("%s redirected to an invalid URL"), where));
      return;
    }
  if (!sitroom_feed_http_check_target (next, request->allow_insecure, &error))
    {
      GError *wrapped = g_error_new (SITROOM_FEED_NET_ERROR, error->code,
                                     _("%s redirected elsewhere: %s"), where, error->message);

      g_error_free (error);
      request_return_error (task, wrapped);
      return;
    }

  request_drop_stream (request);
  g_uri_unref (request->uri);
  request->uri = g_uri_build (SOUP_HTTP_URI_FLAGS, g_uri_get_scheme (next), NULL, g_uri_get_host (next),
                              g_uri_get_port (next), g_uri_get_path (next), g_uri_get_query (next), NULL);
  request_send (task);
}

static gboolean
is_event_stream (SoupMessage *message)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);

  return type != NULL && g_ascii_strcasecmp (type, "text/event-stream") == 0;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  SitroomFeedResponse *response;
  guint status;

  request->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (request->stream == NULL)
    {
      request_return_error (task, error);
      return;
    }

  status = soup_message_get_status (request->message);
  if (is_redirect (status))
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (request->message),
                                                           "Location");
      if (location != NULL)
        {
          follow_redirect (task, location);
          return;
        }
    }

  if (status == SOUP_STATUS_OK && request->want_stream)
    {
      response = response_new (request);
      if (is_event_stream (request->message))
        response->stream = g_steal_pointer (&request->stream);
      request_return_response (task, response);
      return;
    }

  if (status == SOUP_STATUS_OK)
    {
      read_body (task);
      return;
    }

  /* A 304 has no body to drain; other answers are not read. */
  if (status == SOUP_STATUS_NOT_MODIFIED)
    g_input_stream_close (request->stream, NULL, NULL);
  request_return_response (task, response_new (request));
}

static void
request_send (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&request->message);
  request->message = soup_message_new_from_uri (SOUP_METHOD_GET, request->uri);
  /* Redirects are followed here, not by libsoup, so that the token never
   * leaves its host and every hop is checked like the first. */
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (request->message);

  if (request->want_stream)
    {
      soup_message_headers_replace (headers, "Accept", "text/event-stream");
      soup_message_headers_replace (headers, "Cache-Control", "no-cache");
    }
  else
    {
      soup_message_headers_replace (headers, "Accept", "application/json");
      if (request->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", request->etag);
      if (request->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", request->last_modified);
    }

  if (request->token != NULL && sitroom_feed_http_same_origin (request->uri, request->base))
    {
      char *value = g_strconcat ("Bearer ", request->token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
      sitroom_token_free (value);
    }

  soup_session_send_async (request->session, request->message, G_PRIORITY_DEFAULT,
                           request->cancellable, on_sent, task);
}

static void
request_start (SoupSession                  *session,
               const SitroomFeedHttpOptions *options,
               gboolean                      want_stream,
               const char                   *etag,
               const char                   *last_modified,
               GCancellable                 *cancellable,
               GAsyncReadyCallback           callback,
               gpointer                      user_data,
               gpointer                      source_tag)
{
  GTask *task;
  Request *request;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  request = g_new0 (Request, 1);
  request->session = g_object_ref (session);
  request->base = g_uri_ref (options->base);
  request->token = g_strdup (options->token);
  request->allow_insecure = options->allow_insecure;
  request->want_stream = want_stream;
  request->max_bytes = options->max_bytes;
  request->etag = g_strdup (etag);
  request->last_modified = g_strdup (last_modified);
  request->uri = sitroom_feed_http_endpoint (options->base, want_stream ? "/v1/stream" : "/v1/situation");
  request->cancellable = g_cancellable_new ();
  request->deadline_ms = options->deadline_ms;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (cancellable != NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_task_return_error_if_cancelled (task);
          g_object_unref (task);
          return;
        }
      /* A plain signal, not g_cancellable_connect(): the request may end
       * inside the emission, and disconnecting from there must not wait. */
      request->outer = g_object_ref (cancellable);
      request->outer_handler = g_signal_connect (cancellable, "cancelled",
                                                 G_CALLBACK (on_outer_cancelled), request);
    }

  if (request->deadline_ms > 0)
    {
      request->deadline = g_timeout_source_new (request->deadline_ms);
      g_source_set_callback (request->deadline, on_deadline, request, NULL);
      g_source_set_static_name (request->deadline, "[sitroom] feed request deadline");
      g_source_attach (request->deadline, g_task_get_context (task));
    }

  request_send (task);
}

void
sitroom_feed_http_get_async (SoupSession                  *session,
                             const SitroomFeedHttpOptions *options,
                             const char                   *etag,
                             const char                   *last_modified,
                             GCancellable                 *cancellable,
                             GAsyncReadyCallback           callback,
                             gpointer                      user_data)
{
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (options != NULL && options->base != NULL);
  g_return_if_fail (options->max_bytes > 0);

  request_start (session, options, FALSE, etag, last_modified, cancellable, callback, user_data,
                 sitroom_feed_http_get_async);
}

SitroomFeedResponse *
sitroom_feed_http_get_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sitroom_feed_http_get_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
sitroom_feed_http_open_stream_async (SoupSession                  *session,
                                     const SitroomFeedHttpOptions *options,
                                     GCancellable                 *cancellable,
                                     GAsyncReadyCallback           callback,
                                     gpointer                      user_data)
{
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (options != NULL && options->base != NULL);

  request_start (session, options, TRUE, NULL, NULL, cancellable, callback, user_data,
                 sitroom_feed_http_open_stream_async);
}

SitroomFeedResponse *
sitroom_feed_http_open_stream_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sitroom_feed_http_open_stream_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
