/* Tests of sitroom-feed's front: polls answered on kept connections, everything else still libsoup's, byte by byte on 127.0.0.1. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sitroom-feed-server.h"
#include "sitroom-feed-store.h"
#include "sitroom-source.h"
#include "sitroom-test-fds.h"

/* How long a client may wait for anything before the test fails. */
#define WAIT_SECONDS 10

typedef struct {
  SitroomFeedStore *store;
  SitroomFeedServer *server;
  guint16 port;
  char *etag;            /* the current version's */
  GSocket *socket;       /* the client's connection, kept between steps */
  GString *received;     /* what it has read and not yet taken */
  gint done;
} Fixture;

typedef struct {
  guint status;
  GHashTable *headers;   /* lower-case name → value */
  GString *body;
} Response;

static void
response_free (Response *response)
{
  g_hash_table_unref (response->headers);
  g_string_free (response->body, TRUE);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) demo = sitroom_source_read (NULL, 0, &error);
  g_autofree char *base = NULL;

  g_assert_no_error (error);
  f->store = sitroom_feed_store_open (NULL, &error);
  g_assert_no_error (error);
  f->server = sitroom_feed_server_new (f->store, NULL);
  sitroom_feed_server_publish (f->server, demo, &f->etag, NULL, &error);
  g_assert_no_error (error);
  sitroom_feed_server_listen (f->server, "127.0.0.1:0", &error);
  g_assert_no_error (error);
  base = sitroom_feed_server_get_base_url (f->server);
  f->port = (guint16) g_ascii_strtoull (strrchr (base, ':') + 1, NULL, 10);
  g_assert_cmpuint (f->port, >, 0);
  f->received = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->socket != NULL)
    g_socket_close (f->socket, NULL);
  g_clear_object (&f->socket);
  g_clear_object (&f->server);
  g_clear_object (&f->store);
  g_string_free (f->received, TRUE);
  g_free (f->etag);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ------------------------------------------------------------------ */
/* The client, on its own thread with blocking sockets, while the main
 * thread runs the server.                                            */

typedef void (*ClientFunc) (Fixture *f);

typedef struct {
  Fixture *f;
  ClientFunc func;
} ClientRun;

static gpointer
client_thread (gpointer data)
{
  ClientRun *run = data;

  run->func (run->f);
  g_atomic_int_set (&run->f->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
run_client (Fixture    *f,
            ClientFunc  func)
{
  ClientRun run = { f, func };
  GThread *thread;

  g_atomic_int_set (&f->done, 0);
  thread = g_thread_new ("client", client_thread, &run);
  while (!g_atomic_int_get (&f->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
}

static void
client_connect (Fixture *f)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, f->port);
  g_autoptr(GError) error = NULL;

  if (f->socket != NULL)
    g_socket_close (f->socket, NULL);
  g_clear_object (&f->socket);
  g_string_truncate (f->received, 0);
  f->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (f->socket, WAIT_SECONDS);
  g_socket_connect (f->socket, address, NULL, &error);
  g_assert_no_error (error);
}

static void
client_send (Fixture    *f,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize length = strlen (text);
  gsize sent = 0;

  while (sent < length)
    {
      gssize n = g_socket_send (f->socket, text + sent, length - sent, NULL, &error);

      g_assert_no_error (error);
      sent += n;
    }
}

/* Reads more of what the server sent; FALSE at the end of the connection. */
static gboolean
client_receive (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char buffer[8192];
  gssize got;

  got = g_socket_receive (f->socket, buffer, sizeof buffer, NULL, &error);
  g_assert_no_error (error);
  g_string_append_len (f->received, buffer, got);
  return got > 0;
}

/* A poll of /v1/situation for @etag, with @extra header lines. */
static char *
poll_request (const char *etag,
              const char *extra)
{
  return g_strdup_printf ("GET /v1/situation HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "If-None-Match: %s\r\n%s\r\n", etag, extra != NULL ? extra : "");
}

/* Reads one response. @head_only: it answers a HEAD (no body follows). */
static Response *
client_read_response (Fixture  *f,
                      gboolean  head_only)
{
  Response *response = g_new0 (Response, 1);
  g_auto(GStrv) lines = NULL;
  const char *length_text;
  char *end;
  gsize head_length;
  gsize body_length = 0;

  while ((end = strstr (f->received->str, "\r\n\r\n")) == NULL)
    g_assert_true (client_receive (f));
  head_length = end + 4 - f->received->str;
  end[0] = '\0';
  lines = g_strsplit (f->received->str, "\r\n", -1);

  g_assert_true (g_str_has_prefix (lines[0], "HTTP/1."));
  response->status = (guint) g_ascii_strtoull (lines[0] + 9, NULL, 10);
  response->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');

      g_assert_nonnull (colon);
      g_hash_table_insert (response->headers, g_ascii_strdown (lines[i], colon - lines[i]),
                           g_strdup (g_strstrip (colon + 1)));
    }
  g_string_erase (f->received, 0, head_length);

  length_text = g_hash_table_lookup (response->headers, "content-length");
  if (!head_only && response->status != 304 && response->status != 204 && length_text != NULL)
    body_length = g_ascii_strtoull (length_text, NULL, 10);
  while (f->received->len < body_length)
    g_assert_true (client_receive (f));
  response->body = g_string_new_len (f->received->str, body_length);
  g_string_erase (f->received, 0, body_length);
  return response;
}

static void
client_assert_closed (Fixture *f)
{
  g_assert_false (client_receive (f));
  g_assert_cmpuint (f->received->len, ==, 0);
}

static void
assert_not_modified (Fixture  *f,
                     Response *response)
{
  g_assert_cmpuint (response->status, ==, 304);
  g_assert_cmpstr (g_hash_table_lookup (response->headers, "etag"), ==, f->etag);
  g_assert_cmpstr (g_hash_table_lookup (response->headers, "cache-control"), ==, "must-revalidate");
  g_assert_nonnull (g_hash_table_lookup (response->headers, "last-modified"));
  g_assert_nonnull (g_hash_table_lookup (response->headers, "date"));
  g_assert_false (g_hash_table_contains (response->headers, "content-length"));
  g_assert_cmpuint (response->body->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */

static void
client_keep_alive (Fixture *f)
{
  g_autoptr(Response) full = NULL;
  g_autoptr(GPtrArray) polls = g_ptr_array_new_with_free_func ((GDestroyNotify) response_free);
  g_autofree char *poll = poll_request (f->etag, NULL);

  /* Three polls on one connection, each answered, none closing it... */
  client_connect (f);
  for (guint i = 0; i < 3; i++)
    {
      Response *response;

      client_send (f, poll);
      response = client_read_response (f, FALSE);
      assert_not_modified (f, response);
      g_assert_false (g_hash_table_contains (response->headers, "connection"));
      g_ptr_array_add (polls, response);
    }

  /* ...and then the document, on the same connection, with the same dates. */
  client_send (f, "GET /v1/situation HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  full = client_read_response (f, FALSE);
  g_assert_cmpuint (full->status, ==, 200);
  g_assert_cmpuint (full->body->len, >, 1000);
  g_assert_cmpstr (g_hash_table_lookup (full->headers, "etag"), ==, f->etag);
  for (guint i = 0; i < polls->len; i++)
    {
      Response *response = polls->pdata[i];

      g_assert_cmpstr (g_hash_table_lookup (response->headers, "last-modified"), ==,
                       g_hash_table_lookup (full->headers, "last-modified"));
    }
}

static void
test_keep_alive (Fixture       *f,
                 gconstpointer  data)
{
  run_client (f, client_keep_alive);
}

static void
client_pipelined (Fixture *f)
{
  g_autofree char *poll = poll_request (f->etag, NULL);
  g_autofree char *all = NULL;
  g_autoptr(Response) first = NULL;
  g_autoptr(Response) second = NULL;
  g_autoptr(Response) head = NULL;
  g_autoptr(Response) health = NULL;
  g_autofree char *weak_etag = g_strconcat ("\"other\", W/", f->etag, NULL);
  g_autofree char *lower = g_strdup_printf ("HEAD /v1/situation HTTP/1.1\r\nhost: x\r\n"
                                            "if-none-match: %s\r\nconnection: keep-alive\r\n\r\n", weak_etag);

  /* Two polls (one a list, in lower case, by HEAD), then a request only
   * libsoup answers, in one write: answered in order. */
  all = g_strconcat (poll, lower, "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", poll, NULL);
  client_connect (f);
  client_send (f, all);
  first = client_read_response (f, FALSE);
  assert_not_modified (f, first);
  head = client_read_response (f, TRUE);
  assert_not_modified (f, head);
  health = client_read_response (f, FALSE);
  g_assert_cmpuint (health->status, ==, 200);
  g_assert_nonnull (strstr (health->body->str, "\"status\":\"ok\""));
  second = client_read_response (f, FALSE);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_cmpstr (g_hash_table_lookup (second->headers, "etag"), ==, f->etag);
}

static void
test_pipelined (Fixture       *f,
                gconstpointer  data)
{
  run_client (f, client_pipelined);
}

static void
client_poll_once (Fixture *f)
{
  g_autofree char *poll = poll_request (f->etag, NULL);
  g_autoptr(Response) response = NULL;

  client_connect (f);
  client_send (f, poll);
  response = client_read_response (f, FALSE);
  assert_not_modified (f, response);
}

static char *old_etag;

static void
client_poll_old (Fixture *f)
{
  g_autofree char *stale = poll_request (old_etag, NULL);
  g_autofree char *fresh = poll_request (f->etag, NULL);
  g_autoptr(Response) document = NULL;
  g_autoptr(Response) again = NULL;

  /* On the connection kept from before the publication. */
  client_send (f, stale);
  document = client_read_response (f, FALSE);
  g_assert_cmpuint (document->status, ==, 200);
  g_assert_cmpstr (g_hash_table_lookup (document->headers, "etag"), ==, f->etag);
  g_assert_nonnull (strstr (document->body->str, "2022-08-21T09:00:00+08:00"));

  client_send (f, fresh);
  again = client_read_response (f, FALSE);
  assert_not_modified (f, again);
}

static void
test_new_publication (Fixture       *f,
                      gconstpointer  data)
{
  static const char document[] =
    "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-21T09:00:00+08:00\", "
    "\"publisher\": {\"zh\": \"测试\"}, "
    "\"cases\": [{\"id\": \"c-1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", "
    "\"region\": \"140500\", \"classification\": \"mild\", "
    "\"imported\": false, \"status\": \"hospitalized\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (document, sizeof document - 1);
  g_autoptr(GError) error = NULL;

  run_client (f, client_poll_once);
  old_etag = g_steal_pointer (&f->etag);
  sitroom_feed_server_publish (f->server, bytes, &f->etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->etag, !=, old_etag);
  run_client (f, client_poll_old);
  g_clear_pointer (&old_etag, g_free);
}

static void
client_with_body (Fixture *f)
{
  static const char body[] = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  g_autofree char *length = g_strdup_printf ("Content-Length: %zu\r\n", strlen (body));
  g_autofree char *with_body = poll_request (f->etag, length);
  g_autofree char *all = g_strconcat (with_body, body, NULL);
  g_autoptr(Response) response = NULL;

  /* libsoup's to answer: the body, which looks like a request, is read as
   * the body it is, and libsoup's 304 closes the connection. Had the front
   * taken the head alone, the health would follow. */
  client_connect (f);
  client_send (f, all);
  response = client_read_response (f, FALSE);
  g_assert_cmpuint (response->status, ==, 304);
  g_assert_cmpstr (g_hash_table_lookup (response->headers, "connection"), ==, "close");
  client_assert_closed (f);
}

static void
test_with_body (Fixture       *f,
                gconstpointer  data)
{
  run_client (f, client_with_body);
}

static void
client_split_head (Fixture *f)
{
  g_autofree char *poll = poll_request (f->etag, NULL);
  g_autofree char *first_part = g_strndup (poll, 20);
  g_autoptr(Response) response = NULL;

  client_connect (f);
  client_send (f, first_part);
  g_usleep (200 * 1000);
  client_send (f, poll + 20);
  response = client_read_response (f, FALSE);
  g_assert_cmpuint (response->status, ==, 304);
  g_assert_cmpstr (g_hash_table_lookup (response->headers, "etag"), ==, f->etag);
}

static void
test_split_head (Fixture       *f,
                 gconstpointer  data)
{
  run_client (f, client_split_head);
}

static void
client_close (Fixture *f)
{
  g_autofree char *poll = poll_request (f->etag, "Connection: close\r\n");
  g_autofree char *old = g_strdup_printf ("GET /v1/situation HTTP/1.0\r\nIf-None-Match: %s\r\n\r\n", f->etag);
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) old_response = NULL;

  client_connect (f);
  client_send (f, poll);
  response = client_read_response (f, FALSE);
  assert_not_modified (f, response);
  g_assert_cmpstr (g_hash_table_lookup (response->headers, "connection"), ==, "close");
  client_assert_closed (f);

  /* HTTP/1.0 without keep-alive: answered, then closed. */
  client_connect (f);
  client_send (f, old);
  old_response = client_read_response (f, FALSE);
  g_assert_cmpuint (old_response->status, ==, 304);
  client_assert_closed (f);
}

static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  run_client (f, client_close);
}

static void
client_malformed (Fixture *f)
{
  g_autofree char *no_host = g_strdup_printf ("GET /v1/situation HTTP/1.1\r\nIf-None-Match: %s\r\n\r\n", f->etag);
  g_autofree char *bare_newline = g_strdup_printf ("GET /v1/situation HTTP/1.1\r\nHost: x\nIf-None-Match: %s\r\n\r\n", f->etag);
  const char *refused[] = { no_host, "GARBAGE\r\n\r\n" };
  g_autoptr(Response) tolerated = NULL;

  /* Refused by libsoup, as they would be without the front. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(Response) response = NULL;

      client_connect (f);
      client_send (f, refused[i]);
      response = client_read_response (f, FALSE);
      g_assert_cmpuint (response->status, ==, 400);
    }

  /* A bare newline is libsoup's to judge: it reads it, and answers with the
   * 304 that closes the connection, not the front's that keeps it. */
  client_connect (f);
  client_send (f, bare_newline);
  tolerated = client_read_response (f, FALSE);
  g_assert_cmpuint (tolerated->status, ==, 304);
  g_assert_cmpstr (g_hash_table_lookup (tolerated->headers, "connection"), ==, "close");
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  run_client (f, client_malformed);
}

static void
client_idle (Fixture *f)
{
  gint64 start;

  client_poll_once (f);
  start = g_get_monotonic_time ();
  client_assert_closed (f);
  /* Closed by the server after a second or two, not at once. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 2);
}

static void
test_idle (Fixture       *f,
           gconstpointer  data)
{
  sitroom_feed_server_set_idle_timeout (f->server, 1);
  run_client (f, client_idle);
}

static void
client_many (Fixture *f)
{
  for (guint i = 0; i < 50; i++)
    client_poll_once (f);
  g_socket_close (f->socket, NULL);
  g_clear_object (&f->socket);
}

static void
test_no_socket_left (Fixture       *f,
                     gconstpointer  data)
{
  guint before = sitroom_test_count_open_fds ();
  gint64 deadline;

  /* Fifty clients that poll once and hang up: the server keeps none. */
  run_client (f, client_many);
  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (sitroom_test_count_open_fds () > before && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_cmpuint (sitroom_test_count_open_fds (), <=, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/feed-front/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("keep-alive", test_keep_alive);
  ADD ("pipelined", test_pipelined);
  ADD ("new-publication", test_new_publication);
  ADD ("with-body", test_with_body);
  ADD ("split-head", test_split_head);
  ADD ("close", test_close);
  ADD ("malformed", test_malformed);
  ADD ("idle", test_idle);
  ADD ("no-socket-left", test_no_socket_left);

#undef ADD

  return g_test_run ();
}
