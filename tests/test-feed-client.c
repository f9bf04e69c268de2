/* Tests of the feed client and of sitroom's command line over HTTP, against servers on loopback that misbehave on demand. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sitroom-error.h"
#include "sitroom-feed-client.h"
#include "sitroom-feed-http.h"
#include "sitroom-source.h"
#include "sitroom-test-cli.h"
#include "sitroom-token.h"

/* How long anything a test waits for may take before the test fails. */
#define WAIT_MS 5000
#define TOKEN "sesame-4711"
#define LAST_MODIFIED "Sat, 20 Aug 2022 05:00:00 GMT"
#define HUGE_CHUNK (64 * 1024)
#define HUGE_TOTAL (64 * 1024 * 1024)

typedef enum {
  MODE_OK,             /* the document, ETag and Last-Modified; 304 on a match */
  MODE_STATUS,         /* status, with Retry-After when set */
  MODE_DRIP,           /* the document, one byte every 100 ms */
  MODE_TRUNCATED,      /* a Content-Length larger than what is sent */
  MODE_HTML,           /* an error page with status 200 */
  MODE_HUGE,           /* chunks without end */
  MODE_HUGE_DECLARED,  /* a Content-Length far over the limit */
  MODE_REDIRECT,       /* 302 from /v1/situation to redirect_to */
} Mode;

typedef struct {
  SoupServer *server;
  char       *base;
  Mode        mode;
  guint       status;
  char       *retry_after;
  GBytes     *document;
  char       *etag;
  char       *redirect_to;

  guint       n_requests;
  guint       n_not_modified;
  char       *if_none_match;
  char       *if_modified_since;
  char       *user_agent;
  char       *authorization;
  gboolean    saw_authorization;

  gboolean    offer_stream;
  guint       n_stream_requests;
  GPtrArray  *streams;

  gsize       huge_sent;
  gboolean    huge_finished;
  gboolean    huge_complete;

  GPtrArray  *drips;
  GPtrArray  *stolen;
} TestServer;

typedef struct {
  TestServer        *ts;
  SoupServerMessage *message;
  GSource           *timer;
  gsize              offset;
} Drip;

static char *tmpdir;

static GBytes *
demo_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "shanxi-2022-08-20.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The demo with its as_of string replaced: a later one is another valid
 * version, an earlier one makes its cases "after as_of" and the document refused. */
static GBytes *
demo_with_as_of (const char *as_of)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autofree char *text = g_strndup (g_bytes_get_data (demo, NULL), g_bytes_get_size (demo));
  g_autoptr(GString) edited = g_string_new (text);
  g_autofree char *replacement = g_strdup_printf ("\"as_of\": \"%s\"", as_of);

  g_assert_cmpuint (g_string_replace (edited, "\"as_of\": \"2022-08-20T13:00:00+08:00\"", replacement, 1), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&edited));
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_server_set_document (TestServer *ts,
                          GBytes     *document)
{
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);

  g_clear_pointer (&ts->document, g_bytes_unref);
  ts->document = g_bytes_ref (document);
  g_free (ts->etag);
  ts->etag = g_strdup_printf ("\"%.16s\"", hash);
}

static gboolean
drip_next (gpointer user_data)
{
  Drip *drip = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (drip->message);
  gsize size;
  const char *data = g_bytes_get_data (drip->ts->document, &size);

  if (drip->offset >= size)
    {
      soup_message_body_complete (body);
      soup_server_message_unpause (drip->message);
      g_clear_pointer (&drip->timer, g_source_unref);
      return G_SOURCE_REMOVE;
    }
  soup_message_body_append (body, SOUP_MEMORY_COPY, data + drip->offset++, 1);
  soup_server_message_unpause (drip->message);
  return G_SOURCE_CONTINUE;
}

static void
drip_stop (Drip *drip)
{
  if (drip->timer != NULL)
    {
      g_source_destroy (drip->timer);
      g_clear_pointer (&drip->timer, g_source_unref);
    }
}

static void
drip_free (Drip *drip)
{
  drip_stop (drip);
  g_signal_handlers_disconnect_by_data (drip->message, drip);
  g_object_unref (drip->message);
  g_free (drip);
}

static void
on_huge_wrote_chunk (SoupServerMessage *message,
                     TestServer        *ts)
{
  static char spaces[HUGE_CHUNK];
  SoupMessageBody *body = soup_server_message_get_response_body (message);

  if (spaces[0] != ' ')
    memset (spaces, ' ', sizeof spaces);
  if (ts->huge_sent >= HUGE_TOTAL)
    soup_message_body_complete (body);
  else
    {
      soup_message_body_append (body, SOUP_MEMORY_STATIC, spaces, sizeof spaces);
      ts->huge_sent += sizeof spaces;
    }
  soup_server_message_unpause (message);
}

static void
on_huge_wrote_body (SoupServerMessage *message,
                    TestServer        *ts)
{
  ts->huge_complete = TRUE;
}

static void
on_huge_finished (SoupServerMessage *message,
                  TestServer        *ts)
{
  ts->huge_finished = TRUE;
}

/* Writes @head and @length bytes of the document on the raw connection,
 * past libsoup, which would not send a wrong Content-Length. */
static void
write_raw (TestServer        *ts,
           SoupServerMessage *message,
           const char        *head,
           gsize              length,
           gboolean           keep_open)
{
  g_autoptr(GIOStream) io = soup_server_message_steal_connection (message);
  g_autoptr(GError) error = NULL;
  GOutputStream *out = g_io_stream_get_output_stream (io);

  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, g_bytes_get_data (ts->document, NULL), length, NULL, NULL, &error);
  g_assert_no_error (error);
  if (keep_open)
    g_ptr_array_add (ts->stolen, g_object_ref (io));
  else
    g_io_stream_close (io, NULL, NULL);
}

static void
on_stream_finished (SoupServerMessage *message,
                    TestServer        *ts)
{
  g_signal_handlers_disconnect_by_data (message, ts);
  g_ptr_array_remove (ts->streams, message);
}

static void
handle_stream (TestServer        *ts,
               SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  ts->n_stream_requests++;
  if (!ts->offer_stream)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "text/event-stream", NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC,
                            ": welcome\n\n", 11);
  g_signal_connect (message, "finished", G_CALLBACK (on_stream_finished), ts);
  g_ptr_array_add (ts->streams, g_object_ref (message));
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  TestServer *ts = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  const char *if_none_match;
  g_autofree char *head = NULL;

  if (g_str_has_suffix (path, "/v1/stream"))
    {
      handle_stream (ts, message);
      return;
    }
  if (!g_str_has_suffix (path, "/v1/situation"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  ts->n_requests++;
  if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  set_string (&ts->if_none_match, if_none_match);
  set_string (&ts->if_modified_since, soup_message_headers_get_one (request, "If-Modified-Since"));
  set_string (&ts->user_agent, soup_message_headers_get_one (request, "User-Agent"));
  set_string (&ts->authorization, soup_message_headers_get_one (request, "Authorization"));
  if (ts->authorization != NULL)
    ts->saw_authorization = TRUE;

  switch (ts->mode)
    {
    case MODE_REDIRECT:
      if (strcmp (path, "/v1/situation") == 0)
        {
          soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, ts->redirect_to);
          return;
        }
      G_GNUC_FALLTHROUGH;
    case MODE_OK:
      soup_message_headers_replace (response, "ETag", ts->etag);
      soup_message_headers_replace (response, "Last-Modified", LAST_MODIFIED);
      if (g_strcmp0 (if_none_match, ts->etag) == 0)
        {
          ts->n_not_modified++;
          soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (ts->document, NULL), g_bytes_get_size (ts->document));
      return;

    case MODE_STATUS:
      soup_server_message_set_status (message, ts->status, NULL);
      if (ts->retry_after != NULL)
        soup_message_headers_replace (response, "Retry-After", ts->retry_after);
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "not now\n", 8);
      return;

    case MODE_HTML:
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>502 Bad Gateway</body></html>\n", 42);
      return;

    case MODE_DRIP:
      {
        Drip *drip = g_new0 (Drip, 1);

        drip->ts = ts;
        drip->message = g_object_ref (message);
        soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
        soup_message_headers_set_content_type (response, "application/json", NULL);
        soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
        drip->timer = g_timeout_source_new (100);
        g_source_set_callback (drip->timer, drip_next, drip, NULL);
        g_source_attach (drip->timer, NULL);
        g_signal_connect_swapped (message, "finished", G_CALLBACK (drip_stop), drip);
        g_ptr_array_add (ts->drips, drip);
        return;
      }

    case MODE_TRUNCATED:
      head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: %s\r\n"
                              "Content-Length: %zu\r\n\r\n", ts->etag, g_bytes_get_size (ts->document));
      write_raw (ts, message, head, 1000, FALSE);
      return;

    case MODE_HUGE_DECLARED:
      write_raw (ts, message,
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 209715200\r\n\r\n",
                 1000, TRUE);
      return;

    case MODE_HUGE:
      ts->huge_sent = 0;
      ts->huge_finished = FALSE;
      ts->huge_complete = FALSE;
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (response, "application/json", NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      g_signal_connect (message, "wrote-chunk", G_CALLBACK (on_huge_wrote_chunk), ts);
      g_signal_connect (message, "wrote-body", G_CALLBACK (on_huge_wrote_body), ts);
      g_signal_connect (message, "finished", G_CALLBACK (on_huge_finished), ts);
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "[", 1);
      return;
    }
}

static TestServer *
test_server_new (const char      *address,
                 GTlsCertificate *certificate)
{
  TestServer *ts = g_new0 (TestServer, 1);
  g_autoptr(GSocketAddress) where = g_inet_socket_address_new_from_string (address, 0);
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(GError) error = NULL;
  GSList *uris;

  ts->server = certificate != NULL ? soup_server_new ("tls-certificate", certificate, NULL)
                                   : soup_server_new (NULL, NULL);
  soup_server_add_handler (ts->server, NULL, handle, ts, NULL);
  soup_server_listen (ts->server, where, certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (ts->server);
  g_assert_nonnull (uris);
  ts->base = g_strdup_printf ("%s://%s:%d", certificate != NULL ? "https" : "http", address,
                              g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  ts->streams = g_ptr_array_new_with_free_func (g_object_unref);
  ts->drips = g_ptr_array_new_with_free_func ((GDestroyNotify) drip_free);
  ts->stolen = g_ptr_array_new_with_free_func (g_object_unref);
  test_server_set_document (ts, demo);
  return ts;
}

static void
test_server_free (TestServer *ts)
{
  for (guint i = 0; i < ts->streams->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (ts->streams, i), ts);
  g_ptr_array_unref (ts->drips);
  for (guint i = 0; i < ts->stolen->len; i++)
    g_io_stream_close (g_ptr_array_index (ts->stolen, i), NULL, NULL);
  g_ptr_array_unref (ts->stolen);
  soup_server_disconnect (ts->server);
  g_ptr_array_unref (ts->streams);
  g_object_unref (ts->server);
  g_bytes_unref (ts->document);
  g_free (ts->base);
  g_free (ts->etag);
  g_free (ts->retry_after);
  g_free (ts->redirect_to);
  g_free (ts->if_none_match);
  g_free (ts->if_modified_since);
  g_free (ts->user_agent);
  g_free (ts->authorization);
  g_free (ts);
}

/* Sends @text to every open event stream, as one chunk. */
static void
test_server_push (TestServer *ts,
                  const char *text)
{
  for (guint i = 0; i < ts->streams->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (ts->streams, i);

      soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_COPY,
                                text, strlen (text));
      soup_server_message_unpause (message);
    }
}

static gboolean
wake (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Predicate) (gpointer data);

/* Runs the main loop until @done holds, for at most @ms. */
static gboolean
wait_until (Predicate done,
            gpointer  data,
            guint     ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  guint ticker = g_timeout_add (5, wake, NULL);
  gboolean ok;

  while (!(ok = done (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticker);
  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
spin (guint ms)
{
  wait_until (never, NULL, ms);
}

typedef struct {
  TestServer        *ts;
  SitroomFeedClient *client;
  guint              n_situation_notifies;
  const char        *expect;
  gint64             mark;
} Fixture;

static gboolean
is_ok_since_mark (gpointer data)
{
  Fixture *f = data;

  return sitroom_feed_client_get_state (f->client) == SITROOM_FEED_STATE_OK
         && sitroom_feed_client_get_last_success (f->client) > f->mark;
}

static gboolean
is_failing_as_expected (gpointer data)
{
  Fixture *f = data;
  const char *error = sitroom_feed_client_get_last_error (f->client);

  return sitroom_feed_client_get_state (f->client) == SITROOM_FEED_STATE_FAILING
         && error != NULL && strstr (error, f->expect) != NULL;
}

static gboolean
is_streaming (gpointer data)
{
  Fixture *f = data;

  return sitroom_feed_client_get_streaming (f->client) && f->ts->streams->len == 1;
}

static void
on_situation (SitroomFeedClient *client,
              GParamSpec        *pspec,
              Fixture           *f)
{
  f->n_situation_notifies++;
}

static SitroomFeedClient *
fixture_client (Fixture    *f,
                const char *base)
{
  SitroomFeedClient *client = sitroom_feed_client_new (base);

  /* Fast retries: the tests watch several in a row. */
  sitroom_feed_client_set_retry_delays (client, 100, 800);
  sitroom_feed_client_set_token (client, TOKEN);
  g_signal_connect (client, "notify::situation", G_CALLBACK (on_situation), f);
  return client;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->ts = test_server_new ("127.0.0.1", NULL);
  f->client = fixture_client (f, f->ts->base);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->client), (gpointer *) &f->client);
  g_object_unref (f->client);
  /* Nothing in flight may keep the client alive. */
  g_assert_null (f->client);
  /* Callbacks queued before the end run now and must not touch the client. */
  spin (100);
  test_server_free (f->ts);
}

/* Starts the client and waits for the first document: the last good one of
 * every fault test. */
static SitroomSituation *
start_good (Fixture *f)
{
  f->mark = 0;
  sitroom_feed_client_start (f->client, NULL, NULL);
  g_assert_true (wait_until (is_ok_since_mark, f, WAIT_MS));
  g_assert_nonnull (sitroom_feed_client_get_situation (f->client));
  g_assert_cmpuint (f->n_situation_notifies, ==, 1);
  return sitroom_feed_client_get_situation (f->client);
}

/* After a fault: failing for the expected reason, the last good situation
 * still shown, nothing announced as new. */
static void
assert_fault (Fixture          *f,
              SitroomSituation *good,
              const char       *expect)
{
  f->expect = expect;
  g_assert_true (wait_until (is_failing_as_expected, f, WAIT_MS));
  g_assert_true (sitroom_feed_client_get_situation (f->client) == good);
  g_assert_cmpuint (f->n_situation_notifies, ==, 1);
  g_assert_cmpint (sitroom_feed_client_get_next_retry (f->client), >, g_get_real_time ());
}

static void
test_fetch_then_not_modified (Fixture       *f,
                              gconstpointer  data)
{
  SitroomSituation *good = start_good (f);
  gint64 first_success = sitroom_feed_client_get_last_success (f->client);

  g_assert_cmpuint (f->ts->n_requests, ==, 1);
  g_assert_null (f->ts->if_none_match);
  g_assert_null (f->ts->if_modified_since);
  g_assert_cmpstr (f->ts->user_agent, ==, "Sitroom/" PACKAGE_VERSION);
  g_assert_cmpstr (sitroom_feed_client_get_etag (f->client), ==, f->ts->etag);
  g_assert_true (g_bytes_equal (sitroom_feed_client_get_bytes (f->client), f->ts->document));
  g_assert_null (sitroom_feed_client_get_last_error (f->client));
  g_assert_cmpuint (sitroom_situation_get_n_cases (good), ==, 11);

  spin (5);
  f->mark = first_success;
  sitroom_feed_client_refresh (f->client);
  g_assert_true (wait_until (is_ok_since_mark, f, WAIT_MS));

  g_assert_cmpuint (f->ts->n_requests, ==, 2);
  g_assert_cmpstr (f->ts->if_none_match, ==, f->ts->etag);
  g_assert_cmpstr (f->ts->if_modified_since, ==, LAST_MODIFIED);
  g_assert_cmpuint (f->ts->n_not_modified, ==, 1);
  g_assert_true (sitroom_feed_client_get_situation (f->client) == good);
  g_assert_cmpuint (f->n_situation_notifies, ==, 1);
  g_assert_cmpint (sitroom_feed_client_get_last_success (f->client), >, first_success);
  g_assert_cmpint (sitroom_feed_client_get_next_retry (f->client), ==, 0);
}

static void
test_status_500 (Fixture       *f,
                 gconstpointer  data)
{
  SitroomSituation *good = start_good (f);

  f->ts->mode = MODE_STATUS;
  f->ts->status = 500;
  sitroom_feed_client_refresh (f->client);
  assert_fault (f, good, "HTTP 500, retrying in ");
}

static void
test_retry_after_seconds (Fixture       *f,
                          gconstpointer  data)
{
  SitroomSituation *good;
  gint64 wait;

  f->ts->offer_stream = TRUE;
  good = start_good (f);
  g_assert_true (wait_until (is_streaming, f, WAIT_MS));
  f->ts->mode = MODE_STATUS;
  f->ts->status = 503;
  f->ts->retry_after = g_strdup ("7");
  sitroom_feed_client_refresh (f->client);
  assert_fault (f, good, "HTTP 503, retrying in 7 s");

  /* Not the 100 ms of the back-off: what the server asked for. */
  wait = sitroom_feed_client_get_next_retry (f->client) - g_get_real_time ();
  g_assert_cmpint (wait, >, 6500 * 1000);
  g_assert_cmpint (wait, <=, 7000 * 1000);

  /* Not even an announced publication brings the request forward. */
  test_server_push (f->ts, "event: situation\ndata: {\"etag\": \"newer\"}\n\n");
  spin (300);
  g_assert_cmpuint (f->ts->n_requests, ==, 2);
}

static void
test_retry_after_date (Fixture       *f,
                       gconstpointer  data)
{
  SitroomSituation *good = start_good (f);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 10);
  gint64 wait;

  f->ts->mode = MODE_STATUS;
  f->ts->status = 429;
  f->ts->retry_after = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  sitroom_feed_client_refresh (f->client);
  assert_fault (f, good, "HTTP 429, retrying in ");

  /* An HTTP date has whole seconds. */
  wait = sitroom_feed_client_get_next_retry (f->client) - g_get_real_time ();
  g_assert_cmpint (wait, >, 8500 * 1000);
  g_assert_cmpint (wait, <=, 10500 * 1000);
}

static guint
unused_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  /* Bound but never listening: a connection is refused. */
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_connection_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(SitroomSituation) good = sitroom_situation_new_from_bytes (demo, NULL, NULL, NULL);
  g_autofree char *base = NULL;
  g_autofree char *pattern = NULL;
  guint port = unused_port ();

  base = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_object_unref (f->client);
  f->client = fixture_client (f, base);

  /* The stored document shown at start stays through the failures. */
  sitroom_feed_client_start (f->client, good, "\"stored\"");
  g_assert_true (sitroom_feed_client_get_situation (f->client) == good);
  f->expect = "no answer from";
  g_assert_true (wait_until (is_failing_as_expected, f, WAIT_MS));
  pattern = g_strdup_printf ("^no answer from 127\\.0\\.0\\.1:%u since [0-2][0-9]:[0-5][0-9]$", port);
  g_assert_true (g_regex_match_simple (pattern, sitroom_feed_client_get_last_error (f->client), 0, 0));
  g_assert_true (sitroom_feed_client_get_situation (f->client) == good);
  g_assert_cmpstr (sitroom_feed_client_get_etag (f->client), ==, "\"stored\"");
  g_assert_cmpint (sitroom_feed_client_get_last_success (f->client), ==, 0);
  g_assert_cmpint (sitroom_feed_client_get_next_retry (f->client), >, 0);
}

static void
test_deadline (Fixture       *f,
               gconstpointer  data)
{
  SitroomSituation *good = start_good (f);
  gint64 start;
  gint64 elapsed;

  sitroom_feed_client_stop (f->client);
  sitroom_feed_client_set_deadline (f->client, 1);
  f->ts->mode = MODE_DRIP;
  start = g_get_monotonic_time ();
  sitroom_feed_client_start (f->client, good, sitroom_feed_client_get_etag (f->client));
  f->expect = "deadline";
  g_assert_true (wait_until (is_failing_as_expected, f, WAIT_MS));
  elapsed = g_get_monotonic_time () - start;

  /* Cut at one second, though the server was still sending. */
  g_assert_cmpint (elapsed, >=, 900 * 1000);
  g_assert_cmpint (elapsed, <, 2500 * 1000);
  g_assert_nonnull (strstr (sitroom_feed_client_get_last_error (f->client), "1 s deadline"));
  g_assert_true (g_str_has_prefix (sitroom_feed_client_get_last_error (f->client), "no answer from 127.0.0.1:"));
  g_assert_cmpuint (f->ts->drips->len, >=, 1);
  g_assert_cmpuint (((Drip *) g_ptr_array_index (f->ts->drips, 0))->offset, <, 30);
  g_assert_true (sitroom_feed_client_get_situation (f->client) == good);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  SitroomSituation *good = start_good (f);

  f->ts->mode = MODE_TRUNCATED;
  sitroom_feed_client_refresh (f->client);
  assert_fault (f, good, "(the document broke off)");
}

static void
test_html_page (Fixture       *f,
                gconstpointer  data)
{
  SitroomSituation *good = start_good (f);

  f->ts->mode = MODE_HTML;
  sitroom_feed_client_refresh (f->client);
  assert_fault (f, good, "feed refused: ");
  g_assert_nonnull (strstr (sitroom_feed_client_get_last_error (f->client), "JSON"));
  g_assert_cmpstr (sitroom_feed_client_get_etag (f->client), ==, f->ts->etag);
}

static void
test_refused_document (Fixture       *f,
                       gconstpointer  data)
{
  SitroomSituation *good = start_good (f);
  g_autoptr(GBytes) early = demo_with_as_of ("2022-08-01T00:00:00+08:00");
  g_autofree char *etag = g_strdup (f->ts->etag);

  test_server_set_document (f->ts, early);
  sitroom_feed_client_refresh (f->client);
  assert_fault (f, good, "feed refused: /");
  /* The ETag of the last good document is kept, so it is still what a
   * conditional GET asks about. */
  g_assert_cmpstr (sitroom_feed_client_get_etag (f->client), ==, etag);
}

static gboolean
huge_done (gpointer data)
{
  Fixture *f = data;

  return f->ts->huge_finished && is_failing_as_expected (f);
}

static void
test_too_large_streamed (Fixture       *f,
                         gconstpointer  data)
{
  SitroomSituation *good = start_good (f);
  gint64 start = g_get_monotonic_time ();

  sitroom_feed_client_stop (f->client);
  sitroom_feed_client_set_max_bytes (f->client, 1024 * 1024);
  sitroom_feed_client_start (f->client, good, sitroom_feed_client_get_etag (f->client));
  f->ts->mode = MODE_HUGE;
  f->expect = "feed refused: the document from 127.0.0.1:";
  g_assert_true (wait_until (huge_done, f, WAIT_MS));

  /* The client hung up long before the end: the server's writes stopped
   * within what the socket buffers hold past the limit. */
  g_assert_false (f->ts->huge_complete);
  g_assert_cmpuint (f->ts->huge_sent, <, HUGE_TOTAL / 4);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (sitroom_feed_client_get_last_error (f->client), "larger than the limit of 1.0"));
  g_assert_true (sitroom_feed_client_get_situation (f->client) == good);
}

static void
test_too_large_declared (Fixture       *f,
                         gconstpointer  data)
{
  SitroomSituation *good = start_good (f);

  f->ts->mode = MODE_HUGE_DECLARED;
  sitroom_feed_client_refresh (f->client);
  /* Refused from the header: the server keeps the connection open and sends
   * nothing more, so only the Content-Length can have decided. */
  assert_fault (f, good, "feed refused: the document from 127.0.0.1:");
  g_assert_nonnull (strstr (sitroom_feed_client_get_last_error (f->client), " is 200.0"));
  g_assert_nonnull (strstr (sitroom_feed_client_get_last_error (f->client), "larger than the limit of 64.0"));
}

static void
test_redirect_other_host (Fixture       *f,
                          gconstpointer  data)
{
  TestServer *other = test_server_new ("127.0.0.2", NULL);

  f->ts->mode = MODE_REDIRECT;
  f->ts->redirect_to = g_strdup_printf ("%s/v1/situation", other->base);
  start_good (f);

  g_assert_cmpstr (f->ts->authorization, ==, "Bearer " TOKEN);
  g_assert_cmpuint (other->n_requests, ==, 1);
  g_assert_false (other->saw_authorization);
  test_server_free (other);
}

static void
test_redirect_same_host (Fixture       *f,
                         gconstpointer  data)
{
  f->ts->mode = MODE_REDIRECT;
  f->ts->redirect_to = g_strdup_printf ("%s/moved/v1/situation", f->ts->base);
  start_good (f);

  /* Both requests went to the token's own host and port. */
  g_assert_cmpuint (f->ts->n_requests, ==, 2);
  g_assert_cmpstr (f->ts->authorization, ==, "Bearer " TOKEN);
}

static char *
make_certificate (const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s/%s-key.pem", tmpdir, name);
  char *certificate = g_strdup_printf ("%s/%s-cert.pem", tmpdir, name);
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
    "-days", "1", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-keyout", key, "-out", certificate, NULL
  };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return certificate;
}

static void
test_tls_self_signed (void)
{
  g_autofree char *certificate_path = NULL;
  g_autofree char *key_path = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GTlsDatabase) trusting = NULL;
  g_autoptr(GError) error = NULL;
  TestServer *ts;
  Fixture f = { 0 };

  if (g_find_program_in_path ("openssl") == NULL)
    {
      g_test_skip ("openssl is needed to make a certificate");
      return;
    }
  certificate_path = make_certificate ("self");
  key_path = g_strdup_printf ("%s/self-key.pem", tmpdir);
  certificate = g_tls_certificate_new_from_files (certificate_path, key_path, &error);
  g_assert_no_error (error);
  ts = test_server_new ("127.0.0.1", certificate);
  g_assert_true (g_str_has_prefix (ts->base, "https://"));

  /* The system's database does not know it: refused. */
  f.ts = ts;
  f.client = fixture_client (&f, ts->base);
  sitroom_feed_client_start (f.client, NULL, NULL);
  f.expect = "certificate";
  g_assert_true (wait_until (is_failing_as_expected, &f, WAIT_MS));
  g_assert_null (sitroom_feed_client_get_situation (f.client));
  g_assert_cmpuint (ts->n_requests, ==, 0);
  g_clear_object (&f.client);
  spin (100);

  /* Trusted by the database given: accepted, and the token goes with it. */
  trusting = g_tls_file_database_new (certificate_path, &error);
  g_assert_no_error (error);
  f.n_situation_notifies = 0;
  f.client = fixture_client (&f, ts->base);
  sitroom_feed_client_set_tls_database (f.client, trusting);
  start_good (&f);
  g_assert_cmpstr (ts->authorization, ==, "Bearer " TOKEN);
  g_clear_object (&f.client);

  /* The client's sockets close as its cancelled requests unwind; a server
   * closing a connection mid-handshake would wait for them. */
  spin (200);
  test_server_free (ts);
}

static void
test_insecure_refused (void)
{
  g_autoptr(SitroomFeedClient) client = sitroom_feed_client_new ("http://192.0.2.10:8470/");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *message;

  /* Refused before any traffic: nothing is in flight, nothing scheduled. */
  sitroom_feed_client_start (client, NULL, NULL);
  g_assert_cmpint (sitroom_feed_client_get_state (client), ==, SITROOM_FEED_STATE_FAILING);
  message = sitroom_feed_client_get_last_error (client);
  g_assert_nonnull (strstr (message, "refusing plain http to 192.0.2.10:8470"));
  g_assert_nonnull (strstr (message, "--allow-insecure"));
  g_assert_cmpint (sitroom_feed_client_get_next_retry (client), ==, 0);
  g_assert_false (sitroom_feed_client_get_insecure (client));
  spin (100);
  g_assert_cmpint (sitroom_feed_client_get_state (client), ==, SITROOM_FEED_STATE_FAILING);
  g_assert_cmpstr (sitroom_feed_client_get_last_error (client), ==, message);

  /* The one-shot fetch of the command line refuses the same way. */
  bytes = sitroom_source_read ("http://feed.example/shanxi", 0, &error);
  g_assert_null (bytes);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "refusing plain http to feed.example:80"));
}

static void
test_url_policy (void)
{
  const char *loopback[] = { "http://127.0.0.1:8470", "http://127.8.9.10", "http://localhost:1/",
                             "http://LOCALHOST", "http://[::1]:8470/feeds/" };
  const char *remote[] = { "http://10.0.0.1:8470", "http://feed.example", "http://128.0.0.1",
                           "http://[::ffff:7f00:1]", "http://localhost.example" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) base = NULL;
  g_autofree char *normal = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (loopback); i++)
    {
      g_autoptr(GUri) uri = sitroom_feed_http_parse_base (loopback[i], FALSE, &error);

      g_assert_no_error (error);
      g_assert_nonnull (uri);
    }
  for (guint i = 0; i < G_N_ELEMENTS (remote); i++)
    {
      g_autoptr(GUri) refused = sitroom_feed_http_parse_base (remote[i], FALSE, &error);
      g_autoptr(GUri) allowed = NULL;

      g_assert_error (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_INSECURE);
      g_assert_null (refused);
      g_clear_error (&error);
      allowed = sitroom_feed_http_parse_base (remote[i], TRUE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (allowed);
    }

  base = sitroom_feed_http_parse_base ("https://feed.example/", FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (base);

  /* Credentials in a URL are refused without repeating them. */
  g_clear_pointer (&base, g_uri_unref);
  base = sitroom_feed_http_parse_base ("https://ops:hunter2@feed.example/", FALSE, &error);
  g_assert_error (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_BAD_URL);
  g_assert_null (strstr (error->message, "hunter2"));
  g_clear_error (&error);

  base = sitroom_feed_http_parse_base ("ftp://feed.example/", TRUE, &error);
  g_assert_error (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_BAD_URL);
  g_clear_error (&error);

  normal = sitroom_feed_normalize_url ("HTTPS://feed.example/shanxi///");
  g_assert_cmpstr (normal, ==, "https://feed.example/shanxi");
  g_clear_pointer (&normal, g_free);
  /* As the window's subtitle gives it. */
  normal = sitroom_source_describe ("http://127.0.0.1:8470/");
  g_assert_cmpstr (normal, ==, "http://127.0.0.1:8470");
  g_clear_pointer (&normal, g_free);
  normal = sitroom_source_describe ("HTTPS://feed.example/shanxi/");
  g_assert_cmpstr (normal, ==, "https://feed.example/shanxi");
  g_assert_true (sitroom_feed_is_url ("https://feed.example"));
  g_assert_true (sitroom_feed_is_url ("http://127.0.0.1:8470"));
  g_assert_false (sitroom_feed_is_url ("file:///tmp/x.json"));
  g_assert_false (sitroom_feed_is_url ("/tmp/http://x"));
}

static void
test_retry_after_parse (void)
{
  gint64 now = g_get_real_time ();
  g_autoptr(GDateTime) later = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC + 60);
  g_autoptr(GDateTime) earlier = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC - 60);
  g_autofree char *later_text = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  g_autofree char *earlier_text = soup_date_time_to_string (earlier, SOUP_DATE_HTTP);

  g_assert_cmpint (sitroom_feed_http_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpint (sitroom_feed_http_parse_retry_after (" 0 ", now), ==, 0);
  g_assert_cmpint (sitroom_feed_http_parse_retry_after (later_text, now), ==, 60);
  g_assert_cmpint (sitroom_feed_http_parse_retry_after (earlier_text, now), ==, 0);
  g_assert_cmpint (sitroom_feed_http_parse_retry_after ("-5", now), ==, -1);
  g_assert_cmpint (sitroom_feed_http_parse_retry_after ("soon", now), ==, -1);
  g_assert_cmpint (sitroom_feed_http_parse_retry_after (NULL, now), ==, -1);
}

static void
collect_event (const char *event,
               const char *data,
               gpointer    user_data)
{
  g_string_append_printf (user_data, "[%s|%s]", event, data);
}

static void
test_sse_parser (void)
{
  static const char stream[] =
    "\xEF\xBB\xBF: a comment\r\n"
    "event: situation\r\n"
    "data: {\"etag\": \"a\"}\r\n"
    "\r\n"
    "event:situation\n"
    "data:one\n"
    "data: two\n"
    "id: 7\n"
    "retry: 10\n"
    "\n"
    "event: lonely\r"
    "\r"
    "data\r"
    "\r"
    ":keep-alive\n\n"
    "data: last\n"
    "\n"
    "data: never ended\n";
  const char *expected = "[situation|{\"etag\": \"a\"}][situation|one\ntwo][message|][message|last]";
  gsize length = sizeof stream - 1;

  /* In one piece, byte by byte, and cut at every place into two. */
  for (gsize cut = 0; cut <= length; cut++)
    {
      SitroomSseParser parser;
      g_autoptr(GString) events = g_string_new (NULL);

      sitroom_sse_parser_init (&parser, 1024);
      g_assert_true (sitroom_sse_parser_feed (&parser, stream, cut, collect_event, events));
      g_assert_true (sitroom_sse_parser_feed (&parser, stream + cut, length - cut, collect_event, events));
      g_assert_cmpstr (events->str, ==, expected);
      sitroom_sse_parser_clear (&parser);
    }

  {
    SitroomSseParser parser;
    g_autoptr(GString) events = g_string_new (NULL);

    sitroom_sse_parser_init (&parser, 1024);
    for (gsize i = 0; i < length; i++)
      g_assert_true (sitroom_sse_parser_feed (&parser, stream + i, 1, collect_event, events));
    g_assert_cmpstr (events->str, ==, expected);
    sitroom_sse_parser_clear (&parser);
  }

  /* A line without end is refused once past the limit. */
  {
    SitroomSseParser parser;
    g_autoptr(GString) events = g_string_new (NULL);
    char junk[64];

    memset (junk, 'x', sizeof junk);
    sitroom_sse_parser_init (&parser, 100);
    g_assert_true (sitroom_sse_parser_feed (&parser, junk, sizeof junk, collect_event, events));
    g_assert_false (sitroom_sse_parser_feed (&parser, junk, sizeof junk, collect_event, events));
    sitroom_sse_parser_clear (&parser);
  }
}

static gboolean
has_new_situation (gpointer data)
{
  Fixture *f = data;

  return f->n_situation_notifies == 2;
}

static void
test_sse_push (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) later = demo_with_as_of ("2022-08-20T14:00:00+08:00");
  g_autofree char *event = NULL;
  g_autoptr(SitroomSituation) good = NULL;
  gint64 start;
  guint n_requests;

  f->ts->offer_stream = TRUE;
  /* Held here: the client drops it for the new one. */
  good = g_object_ref (start_good (f));
  g_assert_true (wait_until (is_streaming, f, WAIT_MS));

  /* An announcement of the version already held costs no request. */
  event = g_strdup_printf ("event: situation\ndata: {\"etag\": %s, \"as_of\": \"2022-08-20T13:00:00+08:00\"}\n\n",
                           f->ts->etag);
  n_requests = f->ts->n_requests;
  test_server_push (f->ts, event);
  spin (300);
  g_assert_cmpuint (f->ts->n_requests, ==, n_requests);

  /* A new publication, announced in pieces that cut a line and a line end. */
  test_server_set_document (f->ts, later);
  g_free (event);
  event = g_strdup_printf ("\ndata: {\"etag\": %s, \"as_of\": \"2022-08-20T14:00:00+08:00\"}\r\n\r\n", f->ts->etag);
  start = g_get_monotonic_time ();
  test_server_push (f->ts, ": keep-alive\r\n\r\nevent: situ");
  spin (20);
  test_server_push (f->ts, "ation\r");
  spin (20);
  test_server_push (f->ts, event);
  g_assert_true (wait_until (has_new_situation, f, WAIT_MS));

  /* Well within a second, with a 30 s poll interval. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_true (sitroom_feed_client_get_situation (f->client) != good);
  g_assert_cmpint (sitroom_situation_get_as_of (sitroom_feed_client_get_situation (f->client)), >,
                   sitroom_situation_get_as_of (good));
  g_assert_cmpstr (sitroom_feed_client_get_etag (f->client), ==, f->ts->etag);
  g_assert_cmpuint (f->ts->n_requests, ==, n_requests + 1);
  g_assert_cmpstr (f->ts->if_none_match, !=, f->ts->etag);
}

static gboolean
stream_closed_then_reopened (gpointer data)
{
  Fixture *f = data;

  return f->ts->n_stream_requests >= 2 && is_streaming (f);
}

static void
test_sse_reconnect (Fixture       *f,
                    gconstpointer  data)
{
  f->ts->offer_stream = TRUE;
  start_good (f);
  g_assert_true (wait_until (is_streaming, f, WAIT_MS));

  /* The server ends the stream: the client reconnects after its back-off
   * and asks for the document it may have missed. */
  f->mark = sitroom_feed_client_get_last_success (f->client);
  for (guint i = 0; i < f->ts->streams->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (f->ts->streams, i);

      soup_message_body_complete (soup_server_message_get_response_body (message));
      soup_server_message_unpause (message);
    }
  g_assert_true (wait_until (stream_closed_then_reopened, f, WAIT_MS));
  g_assert_true (wait_until (is_ok_since_mark, f, WAIT_MS));
  g_assert_cmpuint (f->ts->n_requests, ==, 2);
}

typedef struct {
  Fixture *f;
  GArray  *delays;
} Watch;

static void
on_next_retry (SitroomFeedClient *client,
               GParamSpec        *pspec,
               GArray            *delays)
{
  gint64 next = sitroom_feed_client_get_next_retry (client);

  if (next != 0)
    {
      gint64 delay = next - g_get_real_time ();

      g_array_append_val (delays, delay);
    }
}

static gboolean
has_delays (gpointer data)
{
  Watch *watch = data;

  return watch->delays->len >= 5;
}

static void
assert_delay (gint64 delay,
              gint64 base_ms)
{
  /* ±20 % jitter; a little slack below for the time since it was set. */
  g_assert_cmpint (delay, >=, base_ms * 800 - 5000);
  g_assert_cmpint (delay, <=, base_ms * 1200);
}

static void
test_backoff (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  Watch watch = { f, delays };
  const gint64 expected[] = { 100, 200, 400, 800, 800 };

  g_signal_connect (f->client, "notify::next-retry", G_CALLBACK (on_next_retry), delays);
  f->ts->mode = MODE_STATUS;
  f->ts->status = 500;
  sitroom_feed_client_start (f->client, NULL, NULL);
  g_assert_true (wait_until (has_delays, &watch, WAIT_MS));

  /* Doubling from 100 ms, capped at 800 ms. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_delay (g_array_index (delays, gint64, i), expected[i]);

  /* The next retry succeeds, and the success resets the back-off. */
  f->ts->mode = MODE_OK;
  f->mark = 0;
  g_assert_true (wait_until (is_ok_since_mark, f, WAIT_MS));
  g_assert_null (sitroom_feed_client_get_last_error (f->client));
  g_assert_cmpint (sitroom_feed_client_get_next_retry (f->client), ==, 0);

  g_array_set_size (delays, 0);
  f->ts->mode = MODE_STATUS;
  sitroom_feed_client_refresh (f->client);
  f->expect = "HTTP 500";
  g_assert_true (wait_until (is_failing_as_expected, f, WAIT_MS));
  g_assert_cmpuint (delays->len, ==, 1);
  assert_delay (g_array_index (delays, gint64, 0), 100);
}

static gboolean
server_saw_hang_ups (gpointer data)
{
  Fixture *f = data;

  test_server_push (f->ts, ": ping\n\n");
  return f->ts->streams->len == 0 && ((Drip *) g_ptr_array_index (f->ts->drips, 0))->timer == NULL;
}

static void
test_shutdown_in_flight (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(SitroomSituation) good = sitroom_situation_new_from_bytes (demo, NULL, NULL, NULL);
  guint n_notifies;

  /* A fetch dripping, a stream open: stop() ends both. */
  f->ts->mode = MODE_DRIP;
  f->ts->offer_stream = TRUE;
  sitroom_feed_client_start (f->client, good, NULL);
  g_assert_true (wait_until (is_streaming, f, WAIT_MS));
  g_assert_cmpuint (f->ts->drips->len, ==, 1);

  sitroom_feed_client_stop (f->client);
  n_notifies = f->n_situation_notifies;
  g_assert_cmpint (sitroom_feed_client_get_state (f->client), ==, SITROOM_FEED_STATE_IDLE);
  g_assert_false (sitroom_feed_client_get_streaming (f->client));
  /* The server sees both connections end when it next writes to them. */
  g_assert_true (wait_until (server_saw_hang_ups, f, WAIT_MS));
  g_assert_cmpint (sitroom_feed_client_get_state (f->client), ==, SITROOM_FEED_STATE_IDLE);
  g_assert_cmpuint (f->n_situation_notifies, ==, n_notifies);
  g_assert_true (sitroom_feed_client_get_situation (f->client) == good);

  /* Dropped while running: dispose cancels; the tear-down checks that
   * nothing kept it alive and that no late callback touches it. */
  sitroom_feed_client_start (f->client, good, NULL);
  g_assert_true (wait_until (is_streaming, f, WAIT_MS));
}

static char *
write_token_file (const char *name,
                  const char *contents,
                  int         mode)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static void
test_token_file (void)
{
  g_autofree char *good = write_token_file ("good.token", "  " TOKEN "\n", 0600);
  g_autofree char *shared = write_token_file ("shared.token", TOKEN "\n", 0644);
  g_autofree char *group = write_token_file ("group.token", TOKEN "\n", 0640);
  g_autofree char *empty = write_token_file ("empty.token", "\n\n", 0600);
  g_autofree char *spaced = write_token_file ("spaced.token", "two words\n", 0600);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.token", NULL);
  g_autoptr(GError) error = NULL;
  char *token;

  token = sitroom_token_read_file (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);
  sitroom_token_free (token);

  token = sitroom_token_read_file (shared, &error);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_assert_nonnull (strstr (error->message, "0644"));
  g_assert_null (strstr (error->message, TOKEN));
  g_clear_error (&error);

  token = sitroom_token_read_file (group, &error);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  token = sitroom_token_read_file (empty, &error);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  token = sitroom_token_read_file (spaced, &error);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (strstr (error->message, "words"));
  g_clear_error (&error);

  token = sitroom_token_read_file (tmpdir, &error);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  token = sitroom_token_read_file (missing, &error);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

typedef struct {
  gboolean done;
  char    *out;
  char    *err;
} Communicated;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Communicated *c = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &c->out, &c->err, &error);
  g_assert_no_error (error);
  c->done = TRUE;
}

static gboolean
is_communicated (gpointer data)
{
  return ((Communicated *) data)->done;
}

/* Runs sitroom with the arguments, NULL-terminated, while this process's
 * servers keep answering; no display. */
static int
run_sitroom (char **out,
             char **err,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Communicated c = { FALSE, NULL, NULL };
  const char *exe = g_getenv ("SITROOM_EXE");
  const char *arg;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &c);
  g_assert_true (wait_until (is_communicated, &c, 30000));
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  *out = c.out;
  *err = c.err;
  return g_subprocess_get_exit_status (process);
}

static void
test_cli_summary (void)
{
  TestServer *ts = test_server_new ("127.0.0.1", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = run_sitroom (&out, &err, "--summary", "--feed", ts->base, "--format", "json", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "positives"), ==, 11);
  g_assert_cmpuint (ts->n_requests, ==, 1);
  g_assert_false (ts->saw_authorization);
  test_server_free (ts);
}

static void
test_cli_unreadable (void)
{
  TestServer *ts = test_server_new ("127.0.0.1", NULL);
  g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u", unused_port ());
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  ts->mode = MODE_STATUS;
  ts->status = 503;
  ts->retry_after = g_strdup ("30");
  status = run_sitroom (&out, &err, "--check-feed", ts->base, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "HTTP 503"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_sitroom (&out, &err, "--summary", "--feed", base, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "no answer from 127.0.0.1:"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Refused before any traffic. */
  status = run_sitroom (&out, &err, "--check-feed", "http://192.0.2.10:8470", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--allow-insecure"));
  test_server_free (ts);
}

static void
test_cli_refused (void)
{
  TestServer *ts = test_server_new ("127.0.0.1", NULL);
  g_autoptr(GBytes) early = demo_with_as_of ("2022-08-01T00:00:00+08:00");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  test_server_set_document (ts, early);
  status = run_sitroom (&out, &err, "--check-feed", ts->base, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (out, "error: /chains/0/first_reported: "));
  g_assert_nonnull (strstr (out, "refused: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ts->mode = MODE_HTML;
  status = run_sitroom (&out, &err, "--summary", "--feed", ts->base, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "feed refused: "));
  test_server_free (ts);
}

static void
test_cli_token_file (void)
{
  TestServer *ts = test_server_new ("127.0.0.1", NULL);
  g_autofree char *private = write_token_file ("cli.token", TOKEN "\n", 0600);
  g_autofree char *shared = write_token_file ("cli-shared.token", TOKEN "\n", 0644);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = run_sitroom (&out, &err, "--check-feed", ts->base, "--token-file", private, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (ts->authorization, ==, "Bearer " TOKEN);
  g_assert_null (strstr (out, TOKEN));
  g_assert_null (strstr (err, TOKEN));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ts->n_requests = 0;
  status = run_sitroom (&out, &err, "--summary", "--feed", ts->base, "--token-file", shared, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "chmod 600"));
  g_assert_null (strstr (err, TOKEN));
  g_assert_cmpuint (ts->n_requests, ==, 0);
  test_server_free (ts);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = sitroom_test_make_tmpdir ("sitroom-feed-client-XXXXXX");

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/feed-client/url/policy", test_url_policy);
  g_test_add_func ("/feed-client/url/insecure-refused", test_insecure_refused);
  g_test_add_func ("/feed-client/retry-after/parse", test_retry_after_parse);
  g_test_add_func ("/feed-client/sse/parser", test_sse_parser);
  g_test_add_func ("/feed-client/token/file", test_token_file);
  ADD ("/feed-client/fetch/then-not-modified", test_fetch_then_not_modified);
  ADD ("/feed-client/fault/status-500", test_status_500);
  ADD ("/feed-client/fault/retry-after-seconds", test_retry_after_seconds);
  ADD ("/feed-client/fault/retry-after-date", test_retry_after_date);
  ADD ("/feed-client/fault/connection-refused", test_connection_refused);
  ADD ("/feed-client/fault/deadline", test_deadline);
  ADD ("/feed-client/fault/truncated", test_truncated);
  ADD ("/feed-client/fault/html-page", test_html_page);
  ADD ("/feed-client/fault/refused-document", test_refused_document);
  ADD ("/feed-client/fault/too-large-streamed", test_too_large_streamed);
  ADD ("/feed-client/fault/too-large-declared", test_too_large_declared);
  ADD ("/feed-client/token/redirect-other-host", test_redirect_other_host);
  ADD ("/feed-client/token/redirect-same-host", test_redirect_same_host);
  g_test_add_func ("/feed-client/tls/self-signed", test_tls_self_signed);
  ADD ("/feed-client/sse/push", test_sse_push);
  ADD ("/feed-client/sse/reconnect", test_sse_reconnect);
  ADD ("/feed-client/backoff/growth-and-reset", test_backoff);
  ADD ("/feed-client/shutdown/in-flight", test_shutdown_in_flight);
  g_test_add_func ("/feed-client/cli/summary-json", test_cli_summary);
  g_test_add_func ("/feed-client/cli/unreadable", test_cli_unreadable);
  g_test_add_func ("/feed-client/cli/refused", test_cli_refused);
  g_test_add_func ("/feed-client/cli/token-file", test_cli_token_file);
#undef ADD

  status = g_test_run ();
  sitroom_test_remove_tmpdir (tmpdir);
  return status;
}
