/* The feed server's front: its listening sockets, and the 304 to a poll that already holds the current version. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gnetworking.h>
#include <string.h>

#include "sitroom-feed-server-private.h"

/*
 * Nearly every request a feed server sees is a reader asking whether the
 * current version is still current, and libsoup spends far more on the
 * exchange than the answer is worth (docs/benchmarks.md). So the front reads
 * each request head itself, without taking it off the socket (MSG_PEEK).
 * When the head is a plain HTTP/1.1 GET or HEAD of /v1/situation whose
 * If-None-Match names the current version, the front takes it and writes the
 * 304, keeping the connection for the next poll. Anything else — another
 * method, path or header it does not know, a body, a head that has not all
 * arrived, HTTP/1.0 — and the connection, with its request still unread, is
 * handed to libsoup for good. The front therefore never has to understand
 * more of HTTP than the one exchange it answers.
 */

/* A head longer than this is not a poll. */
#define HEAD_MAX 4096
/* On the remote address handed to libsoup with a connection: its socket. */
#define SOCKET_KEY "sitroom-feed-socket"

typedef struct {
  SitroomFeedServer *self;   /* not held: the server closes its connections */
  GSocket *socket;
  GSource *source;           /* waiting to read, or to write @pending */
  GByteArray *pending;       /* the part of an answer the socket did not take */
  gboolean close_after;      /* the client asked for "Connection: close" */
  gint64 last_active;        /* monotonic µs */
} Connection;

typedef struct {
  GSocket *socket;
  GSource *source;
} Listener;

typedef enum {
  HEAD_OTHER,         /* libsoup's to answer */
  HEAD_NOT_MODIFIED,  /* a poll answered with 304 */
} HeadKind;

static void watch (Connection *conn, GIOCondition condition);

static void
listener_free (gpointer data)
{
  Listener *listener = data;

  g_source_destroy (listener->source);
  g_source_unref (listener->source);
  g_socket_close (listener->socket, NULL);
  g_object_unref (listener->socket);
  g_free (listener);
}

/* Lets go of @conn's source and its place in the server; the socket stays. */
static void
connection_detach (Connection *conn)
{
  SitroomFeedServer *self = conn->self;

  if (conn->source != NULL)
    {
      g_source_destroy (conn->source);
      g_clear_pointer (&conn->source, g_source_unref);
    }
  self->front_connections = g_list_remove (self->front_connections, conn);
  if (self->front_connections == NULL)
    g_clear_handle_id (&self->front_sweep_source, g_source_remove);
}

static void
connection_free (Connection *conn)
{
  g_clear_pointer (&conn->pending, g_byte_array_unref);
  g_clear_object (&conn->socket);
  g_free (conn);
}

static void
connection_close (Connection *conn)
{
  connection_detach (conn);
  g_socket_close (conn->socket, NULL);
  connection_free (conn);
}

/* Gives @conn, its next request unread, to libsoup. */
static void
connection_hand_over (Connection *conn)
{
  SitroomFeedServer *self = conn->self;
  g_autoptr(GSocketConnection) stream = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GError) error = NULL;

  connection_detach (conn);
  /* As libsoup's own listener would give it. */
  g_socket_set_blocking (conn->socket, TRUE);
  local = g_socket_get_local_address (conn->socket, NULL);
  remote = g_socket_get_remote_address (conn->socket, NULL);
  stream = g_socket_connection_factory_create_connection (conn->socket);
  /* libsoup knows only the stream of a connection handed to it, and gives
   * no socket for its messages: see sitroom_feed_server_message_get_socket(). */
  if (remote != NULL)
    g_object_set_data_full (G_OBJECT (remote), SOCKET_KEY, g_object_ref (conn->socket), g_object_unref);
  if (local == NULL || remote == NULL
      || !soup_server_accept_iostream (self->soup, G_IO_STREAM (stream), local, remote, &error))
    {
      /* The client went away in the meantime. */
      g_debug ("Could not hand a connection to libsoup: %s",
               error != NULL ? error->message : "no address");
      g_socket_close (conn->socket, NULL);
    }
  connection_free (conn);
}

GSocket *
sitroom_feed_server_message_get_socket (SoupServerMessage *msg)
{
  GSocketAddress *remote;
  GSocket *socket;

  g_assert (SOUP_IS_SERVER_MESSAGE (msg));

  socket = soup_server_message_get_socket (msg);
  if (socket != NULL)
    return socket;
  remote = soup_server_message_get_remote_address (msg);
  return remote != NULL ? g_object_get_data (G_OBJECT (remote), SOCKET_KEY) : NULL;
}

/* ------------------------------------------------------------------ */
/* Reading a head                                                     */

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("!#$%&'*+-.^_`|~", c) != NULL);
}

/* Does the comma-separated list @value hold only "close" and "keep-alive"?
 * Sets @close when it holds "close". */
static gboolean
read_connection_header (const char *value,
                        gsize       length,
                        gboolean   *close)
{
  const char *p = value;
  const char *end = value + length;

  while (p < end)
    {
      const char *word;

      while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
        p++;
      word = p;
      while (p < end && *p != ',' && *p != ' ' && *p != '\t')
        p++;
      if (p == word)
        continue;
      if ((gsize) (p - word) == 5 && g_ascii_strncasecmp (word, "close", 5) == 0)
        *close = TRUE;
      else if (!((gsize) (p - word) == 10 && g_ascii_strncasecmp (word, "keep-alive", 10) == 0))
        return FALSE;
    }
  return TRUE;
}

static gboolean
name_is (const char *name,
         gsize       length,
         const char *wanted)
{
  return strlen (wanted) == length && g_ascii_strncasecmp (name, wanted, length) == 0;
}

/* Reads the head at the start of @data, @length bytes of what the client has
 * sent. HEAD_NOT_MODIFIED when it is a poll for the current version, with
 * @head_length its length and @close whether the client will send no more. */
static HeadKind
read_head (SitroomFeedServer *self,
           const char        *data,
           gsize              length,
           gsize             *head_length,
           gboolean          *close)
{
  static const char get_line[] = "GET /v1/situation HTTP/1.1\r\n";
  static const char head_line[] = "HEAD /v1/situation HTTP/1.1\r\n";
  const char *end;
  const char *line;
  char if_none_match[HEAD_MAX];
  gboolean have_if_none_match = FALSE;
  guint hosts = 0;

  *close = FALSE;
  if (self->current == NULL)
    return HEAD_OTHER;

  end = g_strstr_len (data, length, "\r\n\r\n");
  if (end == NULL)
    return HEAD_OTHER;
  *head_length = end + 4 - data;

  if (g_str_has_prefix (data, get_line))
    line = data + sizeof get_line - 1;
  else if (g_str_has_prefix (data, head_line))
    line = data + sizeof head_line - 1;
  else
    return HEAD_OTHER;

  /* One "Name: value" per line, up to the empty line. */
  while (line < end + 2)
    {
      const char *line_end = line;
      const char *colon = NULL;
      const char *value;
      const char *value_end;
      gsize name_length;

      for (; *line_end != '\r'; line_end++)
        {
          /* Control characters, folded lines and bare newlines are libsoup's
           * to refuse. */
          if ((guchar) *line_end < 0x20 && *line_end != '\t')
            return HEAD_OTHER;
          if (colon == NULL && *line_end == ':')
            colon = line_end;
        }
      if (line_end[1] != '\n' || colon == NULL || colon == line)
        return HEAD_OTHER;
      for (const char *p = line; p < colon; p++)
        if (!is_token_char (*p))
          return HEAD_OTHER;
      name_length = colon - line;

      value = colon + 1;
      value_end = line_end;
      while (value < value_end && (*value == ' ' || *value == '\t'))
        value++;
      while (value_end > value && (value_end[-1] == ' ' || value_end[-1] == '\t'))
        value_end--;

      if (name_is (line, name_length, "If-None-Match"))
        {
          if (have_if_none_match)
            return HEAD_OTHER;
          memcpy (if_none_match, value, value_end - value);
          if_none_match[value_end - value] = '\0';
          have_if_none_match = TRUE;
        }
      else if (name_is (line, name_length, "Host"))
        hosts++;
      else if (name_is (line, name_length, "Connection"))
        {
          if (!read_connection_header (value, value_end - value, close))
            return HEAD_OTHER;
        }
      else if (name_is (line, name_length, "Content-Length")
               || name_is (line, name_length, "Transfer-Encoding")
               || name_is (line, name_length, "Expect")
               || name_is (line, name_length, "Upgrade"))
        return HEAD_OTHER;

      line = line_end + 2;
    }

  if (hosts != 1 || !have_if_none_match
      || !sitroom_feed_server_etag_list_matches (if_none_match, self->current->etag))
    return HEAD_OTHER;
  return HEAD_NOT_MODIFIED;
}

/* ------------------------------------------------------------------ */
/* Answering                                                          */

static const char *
http_date_now (SitroomFeedServer *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (now != self->front_date_second || self->front_date == NULL)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (now);

      g_free (self->front_date);
      self->front_date = soup_date_time_to_string (date, SOUP_DATE_HTTP);
      self->front_date_second = now;
    }
  return self->front_date;
}

/* Sends what it can of @data; keeps the rest in @conn->pending. FALSE when
 * the connection failed. */
static gboolean
connection_send (Connection *conn,
                 const char *data,
                 gsize       length)
{
  g_autoptr(GError) error = NULL;
  gssize sent;

  sent = g_socket_send (conn->socket, data, length, NULL, &error);
  if (sent < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return FALSE;
      sent = 0;
    }
  if ((gsize) sent < length)
    {
      if (conn->pending == NULL)
        conn->pending = g_byte_array_new ();
      g_byte_array_append (conn->pending, (const guint8 *) data + sent, length - sent);
    }
  return TRUE;
}

static gboolean
send_not_modified (Connection *conn)
{
  SitroomFeedServer *self = conn->self;
  char answer[1024];
  int length;

  /* The headers libsoup's answer carries (sitroom-feed-server-read.c), and
   * the connection kept unless the client is done with it. */
  length = g_snprintf (answer, sizeof answer,
                       "HTTP/1.1 304 Not Modified\r\n"
                       "Server: sitroom-feed/" PACKAGE_VERSION "\r\n"
                       "Date: %s\r\n"
                       "ETag: %s\r\n"
                       "Last-Modified: %s\r\n"
                       "Cache-Control: must-revalidate\r\n"
                       "%s"
                       "\r\n",
                       http_date_now (self),
                       self->current->etag,
                       self->current_last_modified,
                       conn->close_after ? "Connection: close\r\n" : "");
  g_assert (length > 0 && (gsize) length < sizeof answer);
  return connection_send (conn, answer, length);
}

/* Answers the polls waiting on @conn, up to the first request that is not
 * one. Returns FALSE when @conn is gone (closed or handed over). */
static gboolean
connection_read (Connection *conn)
{
  for (;;)
    {
      char head[HEAD_MAX];
      GInputVector vector = { head, sizeof head - 1 };
      int flags = G_SOCKET_MSG_PEEK;
      g_autoptr(GError) error = NULL;
      gboolean close;
      gsize head_length = 0;
      gssize got;

      got = g_socket_receive_message (conn->socket, NULL, &vector, 1, NULL, NULL, &flags, NULL, &error);
      if (got < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return TRUE;
      if (got <= 0)
        {
          connection_close (conn);
          return FALSE;
        }
      head[got] = '\0';

      if (read_head (conn->self, head, got, &head_length, &close) != HEAD_NOT_MODIFIED)
        {
          connection_hand_over (conn);
          return FALSE;
        }

      /* Take the head off the socket, now that it is ours to answer. */
      if (g_socket_receive (conn->socket, head, head_length, NULL, NULL) != (gssize) head_length)
        {
          connection_close (conn);
          return FALSE;
        }
      conn->last_active = g_get_monotonic_time ();
      conn->close_after = close;
      if (!send_not_modified (conn))
        {
          connection_close (conn);
          return FALSE;
        }

      /* Wait for the answer to go out before reading on: a request handed to
       * libsoup must not be answered before this one. */
      if (conn->pending != NULL)
        {
          watch (conn, G_IO_OUT);
          return FALSE;
        }
      if (conn->close_after)
        {
          g_socket_shutdown (conn->socket, FALSE, TRUE, NULL);
          connection_close (conn);
          return FALSE;
        }
    }
}

static gboolean
connection_ready_cb (GSocket      *socket,
                     GIOCondition  condition,
                     gpointer      user_data)
{
  Connection *conn = user_data;

  if (conn->pending != NULL)
    {
      g_autoptr(GByteArray) pending = g_steal_pointer (&conn->pending);

      if (!connection_send (conn, (const char *) pending->data, pending->len))
        {
          connection_close (conn);
          return G_SOURCE_REMOVE;
        }
      if (conn->pending != NULL)
        return G_SOURCE_CONTINUE;
      if (conn->close_after)
        {
          g_socket_shutdown (conn->socket, FALSE, TRUE, NULL);
          connection_close (conn);
          return G_SOURCE_REMOVE;
        }
      watch (conn, G_IO_IN);
      return G_SOURCE_REMOVE;
    }

  /* FALSE: @conn is gone, and its source with it. */
  return connection_read (conn) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Makes @conn wait for @condition, in place of what it waited for. */
static void
watch (Connection   *conn,
       GIOCondition  condition)
{
  if (conn->source != NULL)
    {
      g_source_destroy (conn->source);
      g_source_unref (conn->source);
    }
  conn->source = g_socket_create_source (conn->socket, condition, NULL);
  g_source_set_callback (conn->source, G_SOURCE_FUNC (connection_ready_cb), conn, NULL);
  g_source_set_static_name (conn->source, "sitroom-feed front connection");
  g_source_attach (conn->source, NULL);
}

/* ------------------------------------------------------------------ */
/* Accepting                                                          */

static gboolean
sweep_cb (gpointer user_data)
{
  SitroomFeedServer *self = user_data;
  gint64 limit = g_get_monotonic_time () - (gint64) self->front_idle_timeout * G_USEC_PER_SEC;
  GList *l = self->front_connections;

  while (l != NULL)
    {
      Connection *conn = l->data;

      l = l->next;
      if (conn->last_active < limit)
        connection_close (conn);
    }
  /* Closing the last one removed this source already. */
  return self->front_connections != NULL ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Idle connections are looked for twice per timeout: each is closed between
 * one and one and a half timeouts after it fell silent. */
static void
start_sweep (SitroomFeedServer *self)
{
  self->front_sweep_source = g_timeout_add_seconds (MAX (1, self->front_idle_timeout / 2), sweep_cb, self);
}

void
sitroom_feed_server_set_idle_timeout (SitroomFeedServer *self,
                                      guint              seconds)
{
  g_return_if_fail (SITROOM_IS_FEED_SERVER (self));
  g_return_if_fail (seconds > 0);

  if (self->front_idle_timeout == seconds)
    return;
  self->front_idle_timeout = seconds;
  if (self->front_sweep_source != 0)
    {
      g_clear_handle_id (&self->front_sweep_source, g_source_remove);
      start_sweep (self);
    }
}

static gboolean
accept_cb (GSocket      *listening,
           GIOCondition  condition,
           gpointer      user_data)
{
  SitroomFeedServer *self = user_data;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      GSocket *socket;
      Connection *conn;

      socket = g_socket_accept (listening, NULL, &error);
      if (socket == NULL)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            g_debug ("Could not accept a connection: %s", error->message);
          return G_SOURCE_CONTINUE;
        }

      /* Each answer is one write: nothing gained by holding it back. */
      g_socket_set_blocking (socket, FALSE);
      g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
      conn = g_new0 (Connection, 1);
      conn->self = self;
      conn->socket = socket;
      conn->last_active = g_get_monotonic_time ();
      self->front_connections = g_list_prepend (self->front_connections, conn);
      if (self->front_sweep_source == 0)
        start_sweep (self);
      watch (conn, G_IO_IN);
    }
}

gboolean
sitroom_feed_server_front_listen (SitroomFeedServer  *self,
                                  GSocketAddress     *address,
                                  GError            **error)
{
  g_autoptr(GSocket) socket = NULL;
  Listener *listener;
  GSList *listeners;

  g_assert (SITROOM_IS_FEED_SERVER (self));
  g_assert (G_IS_SOCKET_ADDRESS (address));

  /* libsoup (3.2) keeps a connection open after an answer only while it
   * listens itself: without a socket of its own, every connection handed to
   * it would serve one request. It listens on a loopback port that nothing
   * is told about, and that would serve as the front does, only slower. */
  listeners = soup_server_get_listeners (self->soup);
  g_slist_free (listeners);
  if (listeners == NULL && !soup_server_listen_local (self->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_blocking (socket, FALSE);
  g_socket_set_listen_backlog (socket, 128);
  if (g_socket_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, 1, NULL);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return FALSE;

  listener = g_new0 (Listener, 1);
  listener->socket = g_steal_pointer (&socket);
  listener->source = g_socket_create_source (listener->socket, G_IO_IN, NULL);
  g_source_set_callback (listener->source, G_SOURCE_FUNC (accept_cb), self, NULL);
  g_source_set_static_name (listener->source, "sitroom-feed listener");
  g_source_attach (listener->source, NULL);

  if (self->front_listeners == NULL)
    self->front_listeners = g_ptr_array_new_with_free_func (listener_free);
  g_ptr_array_add (self->front_listeners, listener);
  return TRUE;
}

GSocket *
sitroom_feed_server_front_get_socket (SitroomFeedServer *self)
{
  g_assert (SITROOM_IS_FEED_SERVER (self));

  if (self->front_listeners == NULL || self->front_listeners->len == 0)
    return NULL;
  return ((Listener *) self->front_listeners->pdata[0])->socket;
}

void
sitroom_feed_server_front_close (SitroomFeedServer *self)
{
  g_assert (SITROOM_IS_FEED_SERVER (self));

  g_clear_pointer (&self->front_listeners, g_ptr_array_unref);
  while (self->front_connections != NULL)
    connection_close (self->front_connections->data);
  g_clear_pointer (&self->front_date, g_free);
}
