/* Tests of sitroom-feed: its HTTP endpoints, store, stream, replay and durability, on 127.0.0.1. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "sitroom-feed-replay.h"
#include "sitroom-feed-server.h"
#include "sitroom-feed-store.h"
#include "sitroom-situation.h"
#include "sitroom-source.h"
#include "sitroom-test-fds.h"
#include "sitroom-time.h"

#define TOKEN "test-token-7f3a"
/* How long anything a test waits for may take before the test fails. */
#define WAIT_MS 10000

typedef struct {
  SitroomFeedStore *store;
  SitroomFeedServer *server;
  SoupSession *session;
  char *base;
} Fixture;

typedef struct {
  guint status;
  GBytes *body;
  SoupMessageHeaders *headers;
} Response;

static void
response_free (Response *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@flag is set; fails the test after @ms. */
static void
wait_for (gboolean *flag,
          guint     ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  g_assert_true (*flag);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = sitroom_feed_store_open (NULL, &error);
  g_assert_no_error (error);
  f->server = sitroom_feed_server_new (f->store, TOKEN);
  sitroom_feed_server_set_keepalive_interval (f->server, 1);
  sitroom_feed_server_listen (f->server, "127.0.0.1:0", &error);
  g_assert_no_error (error);
  f->base = sitroom_feed_server_get_base_url (f->server);
  g_assert_true (g_str_has_prefix (f->base, "http://127.0.0.1:"));
  f->session = soup_session_new_with_options ("timeout", 10, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->server);
  g_clear_object (&f->store);
  g_free (f->base);
  /* Let finished exchanges release what they hold. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  gboolean done;
  GBytes *body;
  GError *error;
} SendData;

static void
send_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SendData *data = user_data;

  data->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &data->error);
  data->done = TRUE;
}

/* Sends @msg, running the main loop (and so the server in this process)
 * meanwhile. */
static Response *
send_message (SoupSession *session,
              SoupMessage *msg)
{
  SendData data = { 0 };
  Response *response;

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, send_done_cb, &data);
  wait_for (&data.done, WAIT_MS);
  g_assert_no_error (data.error);

  response = g_new0 (Response, 1);
  response->status = soup_message_get_status (msg);
  response->body = data.body;
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return response;
}

static SoupMessage *
new_message (const char *base,
             const char *method,
             const char *path)
{
  g_autofree char *url = g_strconcat (base, path, NULL);

  return soup_message_new (method, url);
}

static Response *
get (Fixture    *f,
     const char *path)
{
  g_autoptr(SoupMessage) msg = new_message (f->base, "GET", path);

  return send_message (f->session, msg);
}

static Response *
put (Fixture    *f,
     const char *token,
     GBytes     *body)
{
  g_autoptr(SoupMessage) msg = new_message (f->base, "PUT", "/v1/situation");

  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  return send_message (f->session, msg);
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The etag member of /v1/health: NULL when it is null. */
static char *
health_etag (Fixture *f)
{
  g_autoptr(Response) response = get (f, "/v1/health");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpuint (response->status, ==, 200);
  root = parse_json (response->body);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ok");
  g_assert_true (json_object_has_member (object, "etag"));
  if (json_object_get_null_member (object, "etag"))
    return NULL;
  return g_strdup (json_object_get_string_member (object, "etag"));
}

/* A small valid document at @as_of with one case in @region. */
static GBytes *
make_document (const char *as_of,
               const char *region)
{
  char *text = g_strdup_printf ("{\"format\": \"sitroom/1\", \"as_of\": \"%s\", "
                                "\"publisher\": {\"zh\": \"测试\"}, "
                                "\"cases\": [{\"id\": \"c-1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", "
                                "\"region\": \"%s\", \"classification\": \"mild\", "
                                "\"imported\": false, \"status\": \"hospitalized\"}]}",
                                as_of, region);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
demo_document (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = sitroom_source_read (NULL, 0, &error);

  g_assert_no_error (error);
  return bytes;
}

static char *
publish_ok (Fixture *f,
            GBytes  *document)
{
  g_autoptr(Response) response = put (f, TOKEN, document);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected = sitroom_feed_store_compute_etag (document);
  const char *etag;

  g_assert_cmpuint (response->status, ==, 200);
  etag = soup_message_headers_get_one (response->headers, "ETag");
  g_assert_cmpstr (etag, ==, expected);
  root = parse_json (response->body);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "etag"), ==, etag);
  return g_strdup (etag);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Response) response = get (f, "/v1/situation");
  g_autofree char *etag = health_etag (f);

  g_assert_cmpuint (response->status, ==, 404);
  g_assert_null (etag);
  g_assert_null (sitroom_feed_server_get_etag (f->server));
}

/* Polls that end in 304 must not leave sockets behind on the server: a wall
 * display polls every 30 s for weeks. */
static void
test_get_conditional_no_socket_left (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autofree char *etag = publish_ok (f, document);
  guint before;
  gint64 deadline;

  /* Let the publishing connection settle first. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  before = sitroom_test_count_open_fds ();

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(SoupSession) session = soup_session_new ();
      g_autoptr(SoupMessage) msg = new_message (f->base, "GET", "/v1/situation");
      g_autoptr(Response) answer = NULL;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match", etag);
      answer = send_message (session, msg);
      g_assert_cmpuint (answer->status, ==, 304);
    }

  /* Whatever closing is still under way gets a bounded moment to finish. */
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (sitroom_test_count_open_fds () > before + 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (sitroom_test_count_open_fds (), <=, before + 2);
}

static void
test_get_conditional (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autofree char *etag = publish_ok (f, document);
  g_autofree char *health = health_etag (f);
  g_autoptr(Response) first = get (f, "/v1/situation");
  g_autoptr(GDateTime) modified = NULL;
  const char *last_modified;
  g_autofree char *in_list = g_strdup_printf ("\"sha256-0000\", %s", etag);
  g_autofree char *weak = g_strdup_printf ("W/%s", etag);
  g_autofree char *tight = g_strdup_printf ("W/\"x\",%s,\"y\"", etag);
  const char *conditions[] = { etag, in_list, weak, tight, "*" };

  g_assert_cmpstr (health, ==, etag);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_true (g_bytes_equal (first->body, document));
  g_assert_cmpstr (soup_message_headers_get_one (first->headers, "ETag"), ==, etag);
  g_assert_cmpstr (soup_message_headers_get_content_type (first->headers, NULL), ==, "application/json");
  /* No lifetime, so that a caching proxy asks every time. */
  g_assert_cmpstr (soup_message_headers_get_one (first->headers, "Cache-Control"), ==, "must-revalidate");
  g_assert_null (soup_message_headers_get_one (first->headers, "Expires"));
  last_modified = soup_message_headers_get_one (first->headers, "Last-Modified");
  g_assert_nonnull (last_modified);
  modified = soup_date_time_new_from_http_string (last_modified);
  g_assert_nonnull (modified);
  g_assert_cmpint (ABS (g_date_time_to_unix (modified) - g_get_real_time () / G_USEC_PER_SEC), <=, 60);

  /* The tag itself, in a list, weak, and "*" all match. */
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    {
      g_autoptr(SoupMessage) msg = new_message (f->base, "GET", "/v1/situation");
      g_autoptr(Response) again = NULL;
      soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match", conditions[i]);
      again = send_message (f->session, msg);
      g_assert_cmpuint (again->status, ==, 304);
      g_assert_cmpuint (g_bytes_get_size (again->body), ==, 0);
      g_assert_cmpstr (soup_message_headers_get_one (again->headers, "ETag"), ==, etag);
      /* Some clients would wait for a body of any length given here. */
      g_assert_null (soup_message_headers_get_one (again->headers, "Content-Length"));
    }

  /* Another tag: the document again. */
  {
    g_autoptr(SoupMessage) msg = new_message (f->base, "GET", "/v1/situation");
    g_autoptr(Response) again = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match",
                                  "\"sha256-other\", W/\"sha256\"");
    again = send_message (f->session, msg);
    g_assert_cmpuint (again->status, ==, 200);
    g_assert_true (g_bytes_equal (again->body, document));
  }

  /* If-Modified-Since alone. */
  {
    g_autoptr(SoupMessage) msg = new_message (f->base, "GET", "/v1/situation");
    g_autoptr(Response) again = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-Modified-Since", last_modified);
    again = send_message (f->session, msg);
    g_assert_cmpuint (again->status, ==, 304);
  }

  /* HEAD: the headers without the body. */
  {
    g_autoptr(SoupMessage) msg = new_message (f->base, "HEAD", "/v1/situation");
    g_autoptr(Response) head = send_message (f->session, msg);

    g_assert_cmpuint (head->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (head->headers, "ETag"), ==, etag);
    g_assert_cmpuint (g_bytes_get_size (head->body), ==, 0);
  }
}

static void
test_put_auth (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autoptr(Response) none = put (f, NULL, document);
  g_autoptr(Response) wrong = put (f, "test-token-7f3b", document);
  g_autoptr(Response) prefix = put (f, "test-token", document);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *etag = NULL;
  const char *challenge;

  g_assert_cmpuint (none->status, ==, 401);
  challenge = soup_message_headers_get_one (none->headers, "WWW-Authenticate");
  g_assert_nonnull (challenge);
  g_assert_true (g_str_has_prefix (challenge, "Bearer"));
  root = parse_json (none->body);
  g_assert_nonnull (json_object_get_string_member (json_node_get_object (root), "message"));

  g_assert_cmpuint (wrong->status, ==, 403);
  g_assert_cmpuint (prefix->status, ==, 403);

  etag = health_etag (f);
  g_assert_null (etag);
  g_assert_cmpint (sitroom_feed_store_count (f->store, NULL), ==, 0);
}

static void
test_put_disabled (void)
{
  g_autoptr(SitroomFeedStore) store = sitroom_feed_store_open (NULL, NULL);
  g_autoptr(SitroomFeedServer) server = sitroom_feed_server_new (store, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GBytes) document = demo_document ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(Response) response = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;

  sitroom_feed_server_listen (server, "127.0.0.1:0", &error);
  g_assert_no_error (error);
  base = sitroom_feed_server_get_base_url (server);
  msg = new_message (base, "PUT", "/v1/situation");
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer anything");
  soup_message_set_request_body_from_bytes (msg, "application/json", document);
  response = send_message (session, msg);
  g_assert_cmpuint (response->status, ==, 403);
  g_assert_cmpint (sitroom_feed_store_count (store, NULL), ==, 0);
}

static void
assert_refused (Fixture    *f,
                GBytes     *body,
                const char *old_etag,
                const char *path)
{
  g_autoptr(Response) response = put (f, TOKEN, body);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *etag = NULL;
  gint64 count = sitroom_feed_store_count (f->store, NULL);
  JsonArray *problems;
  JsonObject *first;

  g_assert_cmpuint (response->status, ==, 422);
  root = parse_json (response->body);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  problems = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (problems), >=, 1);
  first = json_array_get_object_element (problems, 0);
  g_assert_true (json_object_has_member (first, "path"));
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "error");
  g_assert_cmpuint (strlen (json_object_get_string_member (first, "message")), >, 0);
  if (path != NULL)
    g_assert_cmpstr (json_object_get_string_member (first, "path"), ==, path);

  /* Nothing stored: the old version is still the one served. */
  etag = health_etag (f);
  g_assert_cmpstr (etag, ==, old_etag);
  g_assert_cmpint (sitroom_feed_store_count (f->store, NULL), ==, count);
}

static void
test_put_invalid (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) good = make_document ("2022-08-20T13:00:00+08:00", "140500");
  g_autoptr(GBytes) bad_region = make_document ("2022-08-20T14:00:00+08:00", "999999");
  g_autofree char *etag = publish_ok (f, good);
  g_autoptr(Response) response = NULL;

  assert_refused (f, bad_region, etag, "/cases/0/region");
  g_assert_cmpint (sitroom_feed_store_count (f->store, NULL), ==, 1);

  response = get (f, "/v1/situation");
  g_assert_true (g_bytes_equal (response->body, good));
}

static void
test_put_hostile (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) good = make_document ("2022-08-20T13:00:00+08:00", "140500");
  g_autofree char *etag = publish_ok (f, good);
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GBytes) not_utf8 = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) not_json = g_bytes_new_static ("<html>oops</html>", 17);
  g_autoptr(GBytes) wrong_format = NULL;
  char *text;
  gsize size = 200 * 1024;

  /* 200 KB of "[": refused by depth without building anything. */
  text = g_malloc (size);
  memset (text, '[', size);
  bomb = g_bytes_new_take (text, size);
  assert_refused (f, bomb, etag, NULL);

  text = g_strdup ("{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\", "
                   "\"publisher\": {\"zh\": \"\xff\xfe\"}}");
  not_utf8 = g_bytes_new_take (text, strlen (text));
  assert_refused (f, not_utf8, etag, NULL);

  assert_refused (f, empty, etag, NULL);
  assert_refused (f, not_json, etag, NULL);

  text = g_strdup ("{\"format\": \"sitroom/2\", \"as_of\": \"2022-08-20T13:00:00+08:00\"}");
  wrong_format = g_bytes_new_take (text, strlen (text));
  assert_refused (f, wrong_format, etag, NULL);

  g_assert_cmpint (sitroom_feed_store_count (f->store, NULL), ==, 1);
}

static void
test_put_too_large (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autoptr(Response) response = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(Response) chunked = NULL;

  sitroom_feed_server_set_max_bytes (f->server, 1000);

  /* Announced by Content-Length. */
  response = put (f, TOKEN, document);
  g_assert_cmpuint (response->status, ==, 413);

  /* Sent in chunks, with no length given in advance. */
  msg = new_message (f->base, "PUT", "/v1/situation");
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer " TOKEN);
  stream = g_memory_input_stream_new_from_bytes (document);
  soup_message_set_request_body (msg, "application/json", stream, -1);
  chunked = send_message (f->session, msg);
  g_assert_cmpuint (chunked->status, ==, 413);
  g_assert_cmpuint (soup_message_headers_get_encoding (soup_message_get_request_headers (msg)), ==,
                    SOUP_ENCODING_CHUNKED);

  g_assert_cmpint (sitroom_feed_store_count (f->store, NULL), ==, 0);
}

static void
test_put_chunked (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autoptr(SoupMessage) msg = new_message (f->base, "PUT", "/v1/situation");
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (document);
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) current = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer " TOKEN);
  soup_message_set_request_body (msg, "application/json", stream, -1);
  response = send_message (f->session, msg);
  g_assert_cmpuint (response->status, ==, 200);

  current = get (f, "/v1/situation");
  g_assert_true (g_bytes_equal (current->body, document));
}

static void
test_put_ok (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) first = make_document ("2022-08-20T12:00:00+08:00", "140500");
  g_autoptr(GBytes) second = demo_document ();
  g_autofree char *etag1 = publish_ok (f, first);
  g_autofree char *etag2 = publish_ok (f, second);
  g_autofree char *again = NULL;
  g_autoptr(Response) current = NULL;
  g_autofree char *health = NULL;

  g_assert_cmpstr (etag1, !=, etag2);
  current = get (f, "/v1/situation");
  g_assert_true (g_bytes_equal (current->body, second));
  g_assert_cmpstr (soup_message_headers_get_one (current->headers, "ETag"), ==, etag2);
  health = health_etag (f);
  g_assert_cmpstr (health, ==, etag2);
  g_assert_cmpint (sitroom_feed_store_count (f->store, NULL), ==, 2);

  /* The same bytes again: the same tag, and no new version. */
  again = publish_ok (f, second);
  g_assert_cmpstr (again, ==, etag2);
  g_assert_cmpint (sitroom_feed_store_count (f->store, NULL), ==, 2);
}

/* The server's owner lets it go while a publication is being stored or
 * answered: nothing breaks, and what was committed stays committed. */
static void
test_put_dropped (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autoptr(SoupMessage) msg = new_message (f->base, "PUT", "/v1/situation");
  g_autofree char *etag = sitroom_feed_store_compute_etag (document);
  SendData sent = { 0 };
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer " TOKEN);
  soup_message_set_request_body_from_bytes (msg, "application/json", document);
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, send_done_cb, &sent);

  /* The worker commits before the answer goes out on this thread. */
  while (sitroom_feed_store_count (f->store, NULL) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100);
    }
  g_clear_object (&f->server);

  /* Either the answer was still to be sent and the connection closed with the
   * server, or it got out first. */
  wait_for (&sent.done, WAIT_MS);
  if (sent.error != NULL)
    g_assert_error (sent.error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
  else
    g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"), ==, etag);
  g_clear_error (&sent.error);
  g_clear_pointer (&sent.body, g_bytes_unref);

  {
    g_autoptr(SitroomPublication) latest = sitroom_feed_store_get_latest (f->store, NULL);

    g_assert_nonnull (latest);
    g_assert_cmpstr (latest->etag, ==, etag);
  }
}

static void
assert_as_of (Fixture    *f,
              const char *query,
              guint       status,
              const char *etag)
{
  g_autofree char *path = g_strconcat ("/v1/situation?as_of=", query, NULL);
  g_autoptr(Response) response = get (f, path);

  g_assert_cmpuint (response->status, ==, status);
  if (etag != NULL)
    {
      g_autofree char *body_etag = sitroom_feed_store_compute_etag (response->body);

      g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, etag);
      g_assert_cmpstr (body_etag, ==, etag);
    }
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) v1 = make_document ("2022-08-20T10:00:00+08:00", "140500");
  g_autoptr(GBytes) v2 = make_document ("2022-08-20T11:00:00+08:00", "140100");
  g_autoptr(GBytes) v3 = make_document ("2022-08-20T12:00:00+08:00", "140800");
  g_autofree char *e1 = publish_ok (f, v1);
  g_autofree char *e2 = publish_ok (f, v2);
  g_autofree char *e3 = publish_ok (f, v3);

  assert_as_of (f, "2022-08-20T10:30:00%2B08:00", 200, e1);
  assert_as_of (f, "2022-08-20T11:00:00%2B08:00", 200, e2);
  assert_as_of (f, "2022-08-20T03:59:59Z", 200, e2);
  assert_as_of (f, "2022-08-21T00:00:00%2B08:00", 200, e3);
  /* A "+" left unescaped reads as a space; it is understood all the same. */
  assert_as_of (f, "2022-08-20T11:30:00+08:00", 200, e2);
  assert_as_of (f, "2022-08-20T09:59:59%2B08:00", 404, NULL);
  assert_as_of (f, "yesterday", 400, NULL);
  assert_as_of (f, "2022-08-20T10:30:00", 400, NULL);
  assert_as_of (f, "2022-13-20T10:30:00Z", 400, NULL);

  /* The store alone gives the same answers. */
  {
    g_autoptr(SitroomPublication) p = NULL;
    gint64 t;
    int offset;

    g_assert_true (sitroom_time_parse ("2022-08-20T11:59:59+08:00", &t, &offset));
    p = sitroom_feed_store_get_as_of (f->store, t, NULL);
    g_assert_nonnull (p);
    g_assert_cmpstr (p->etag, ==, e2);
    g_assert_cmpint (p->as_of_offset, ==, 8 * 3600);
  }
}

static void
test_methods (Fixture       *f,
              gconstpointer  data)
{
  const struct {
    const char *method;
    const char *path;
    guint status;
    const char *allow;
  } cases[] = {
    { "DELETE", "/v1/situation", 405, "GET, HEAD, PUT" },
    { "POST", "/v1/situation", 405, "GET, HEAD, PUT" },
    { "POST", "/v1/stream", 405, "GET" },
    { "PUT", "/v1/health", 405, "GET, HEAD" },
    { "GET", "/v1/other", 404, NULL },
    { "GET", "/", 404, NULL },
    { "GET", "/v1/situation/extra", 404, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupMessage) msg = new_message (f->base, cases[i].method, cases[i].path);
      g_autoptr(Response) response = send_message (f->session, msg);
      g_autoptr(JsonNode) root = NULL;

      g_assert_cmpuint (response->status, ==, cases[i].status);
      g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Allow"), ==, cases[i].allow);
      root = parse_json (response->body);
      g_assert_nonnull (json_object_get_string_member (json_node_get_object (root), "message"));
    }
}

/* A reader of an event stream: lines as they come, on the main loop. */
typedef struct {
  GDataInputStream *input;
  GPtrArray *lines;
  gboolean failed;
  gboolean reading;
  GCancellable *cancellable;
} StreamReader;

static void read_line_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
stream_reader_next (StreamReader *reader)
{
  reader->reading = TRUE;
  g_data_input_stream_read_line_async (reader->input, G_PRIORITY_DEFAULT, reader->cancellable,
                                       read_line_cb, reader);
}

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  StreamReader *reader = user_data;
  g_autoptr(GError) error = NULL;
  char *line;

  reader->reading = FALSE;
  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (line == NULL)
    {
      reader->failed = TRUE;
      return;
    }
  g_ptr_array_add (reader->lines, line);
  stream_reader_next (reader);
}

typedef struct {
  gboolean done;
  GInputStream *stream;
  GError *error;
} OpenData;

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenData *data = user_data;

  data->stream = soup_session_send_finish (SOUP_SESSION (source), result, &data->error);
  data->done = TRUE;
}

static StreamReader *
open_stream (Fixture     *f,
             SoupMessage *msg)
{
  OpenData data = { 0 };
  StreamReader *reader;
  SoupMessageHeaders *headers;

  soup_session_send_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, open_done_cb, &data);
  wait_for (&data.done, WAIT_MS);
  g_assert_no_error (data.error);

  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  headers = soup_message_get_response_headers (msg);
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "text/event-stream");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Cache-Control"), ==, "no-cache");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Accel-Buffering"), ==, "no");

  reader = g_new0 (StreamReader, 1);
  reader->input = g_data_input_stream_new (data.stream);
  g_object_unref (data.stream);
  reader->lines = g_ptr_array_new_with_free_func (g_free);
  reader->cancellable = g_cancellable_new ();
  stream_reader_next (reader);
  return reader;
}

static void
stream_reader_free (StreamReader *reader)
{
  g_cancellable_cancel (reader->cancellable);
  while (reader->reading)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&reader->cancellable);
  g_clear_object (&reader->input);
  g_ptr_array_unref (reader->lines);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StreamReader, stream_reader_free)

/* Waits for a line equal to @line at or after *@from; returns its index. */
static guint
wait_for_line (StreamReader *reader,
               guint         from,
               const char   *line,
               guint         ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  for (;;)
    {
      for (guint i = from; i < reader->lines->len; i++)
        if (g_str_equal (g_ptr_array_index (reader->lines, i), line))
          return i;
      g_assert_false (reader->failed);
      if (g_get_monotonic_time () > deadline)
        g_error ("no line “%s” in %u ms", line, ms);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_stream_event (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = new_message (f->base, "GET", "/v1/stream");
  g_autoptr(StreamReader) reader = open_stream (f, msg);
  g_autoptr(GBytes) document = make_document ("2022-08-20T12:00:00+08:00", "140500");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  JsonObject *object;
  guint at;
  gint64 published;

  wait_for_line (reader, 0, ": sitroom-feed", WAIT_MS);

  published = g_get_monotonic_time ();
  sitroom_feed_server_publish (f->server, document, &etag, NULL, &error);
  g_assert_no_error (error);

  at = wait_for_line (reader, 0, "event: situation", 1000);
  g_assert_cmpint (g_get_monotonic_time () - published, <, G_USEC_PER_SEC);
  while (reader->lines->len < at + 3)
    g_main_context_iteration (NULL, TRUE);
  line = g_ptr_array_index (reader->lines, at + 1);
  g_assert_true (g_str_has_prefix (line, "data: "));
  root = json_from_string (line + 6, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "etag"), ==, etag);
  g_assert_cmpstr (json_object_get_string_member (object, "as_of"), ==, "2022-08-20T12:00:00+08:00");
  g_assert_cmpstr (g_ptr_array_index (reader->lines, at + 2), ==, "");
}

static void
test_stream_keepalive (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = new_message (f->base, "GET", "/v1/stream");
  g_autoptr(StreamReader) reader = open_stream (f, msg);
  guint first;

  /* The interval is one second here. */
  first = wait_for_line (reader, 0, ": keep-alive", 2500);
  wait_for_line (reader, first + 1, ": keep-alive", 2500);
}

static void
test_stream_current (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) document = make_document ("2022-08-20T12:00:00+08:00", "140500");
  g_autofree char *etag = publish_ok (f, document);
  g_autoptr(SoupMessage) msg = new_message (f->base, "GET", "/v1/stream");
  g_autoptr(StreamReader) reader = open_stream (f, msg);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  guint at;

  /* A client connecting learns the current version at once. */
  at = wait_for_line (reader, 0, "event: situation", WAIT_MS);
  while (reader->lines->len < at + 2)
    g_main_context_iteration (NULL, TRUE);
  line = g_ptr_array_index (reader->lines, at + 1);
  g_assert_true (g_str_has_prefix (line, "data: "));
  root = json_from_string (line + 6, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "etag"), ==, etag);
}

/* The demo's story, step by step. */
static void
test_replay_steps (void)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autoptr(SitroomSituation) whole = sitroom_situation_new_from_bytes (document, NULL, NULL, NULL);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  guint previous_cases = 0;
  guint previous_chains = 0;
  gint64 previous_at = G_MININT64;
  SitroomReplayStep *last;

  steps = sitroom_feed_replay_build_steps (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (steps);
  g_assert_cmpuint (steps->len, >=, 10);

  for (guint i = 0; i < steps->len; i++)
    {
      SitroomReplayStep *step = g_ptr_array_index (steps, i);
      g_autoptr(SitroomSituation) situation = NULL;
      guint n_cases;

      situation = sitroom_situation_new_from_bytes (step->bytes, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sitroom_situation_get_as_of (situation), ==, step->at);
      g_assert_cmpint (sitroom_situation_get_as_of_offset (situation), ==, 8 * 3600);
      g_assert_cmpint (step->at, >, previous_at);

      /* Only what had been reported by then, and never less than before. */
      n_cases = sitroom_situation_get_n_cases (situation);
      g_assert_cmpuint (n_cases, >=, previous_cases);
      g_assert_cmpuint (sitroom_situation_get_n_chains (situation), >=, previous_chains);
      g_assert_cmpuint (n_cases, ==, sitroom_situation_count_cases_until (whole, step->at));
      for (guint j = 0; j < sitroom_situation_get_n_sites (situation); j++)
        {
          const SitroomSite *site = sitroom_situation_get_site (situation, j);

          g_assert_true (site->updated_at == SITROOM_TIME_NONE || site->updated_at <= step->at);
        }
      for (guint j = 0; j < sitroom_situation_get_n_measures (situation); j++)
        g_assert_cmpint (sitroom_situation_get_measure (situation, j)->from, <=, step->at);

      previous_cases = n_cases;
      previous_chains = sitroom_situation_get_n_chains (situation);
      previous_at = step->at;
    }

  /* It starts small and ends with the whole story: 11 positives. */
  g_assert_cmpuint (sitroom_situation_count_cases_until (whole, ((SitroomReplayStep *) steps->pdata[0])->at), <, 11);
  last = g_ptr_array_index (steps, steps->len - 1);
  g_assert_true (g_bytes_equal (last->bytes, document));
  g_assert_cmpuint (previous_cases, ==, 11);
  g_assert_cmpint (last->at, ==, sitroom_situation_get_as_of (whole));
}

static void
test_replay_invalid (void)
{
  g_autoptr(GBytes) bad = g_bytes_new_static ("{\"format\": \"sitroom/1\"}", 23);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = sitroom_feed_replay_build_steps (bad, &error);

  g_assert_null (steps);
  g_assert_nonnull (error);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  if (!sitroom_feed_server_get_replaying (SITROOM_FEED_SERVER (object)))
    *(gboolean *) user_data = TRUE;
}

static void
count_cb (SitroomFeedServer *server,
          const char        *etag,
          gint64             as_of,
          gpointer           user_data)
{
  (*(guint *) user_data)++;
}

static void
test_replay_server (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autoptr(GPtrArray) steps = sitroom_feed_replay_build_steps (document, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *final_etag = sitroom_feed_store_compute_etag (document);
  g_autofree char *health = NULL;
  gboolean finished = FALSE;
  guint published = 0;

  g_signal_connect (f->server, "notify::replaying", G_CALLBACK (notify_cb), &finished);
  g_signal_connect (f->server, "published", G_CALLBACK (count_cb), &published);

  /* Days in well under a second. */
  sitroom_feed_server_replay_start (f->server, document, 1e9, &error);
  g_assert_no_error (error);
  g_assert_true (sitroom_feed_server_get_replaying (f->server));
  wait_for (&finished, WAIT_MS);

  g_assert_cmpuint (published, ==, steps->len);
  g_assert_cmpint (sitroom_feed_store_count (f->store, NULL), ==, steps->len);
  health = health_etag (f);
  g_assert_cmpstr (health, ==, final_etag);
}

static void
test_replay_pace (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) document = demo_document ();
  g_autoptr(GError) error = NULL;
  gboolean waited = FALSE;
  guint published = 0;

  g_signal_connect (f->server, "published", G_CALLBACK (count_cb), &published);

  /* An hour a second: the demo's second step comes nine hours after its
   * first, so for the next few seconds there is only the first. */
  sitroom_feed_server_replay_start (f->server, document, 3600, &error);
  g_assert_no_error (error);
  g_timeout_add (700, timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (published, ==, 1);
  g_assert_true (sitroom_feed_server_get_replaying (f->server));
  sitroom_feed_server_replay_stop (f->server);
  g_assert_false (sitroom_feed_server_get_replaying (f->server));
}

/* ------------------------------------------------------------------ */
/* The sitroom-feed program                                           */

typedef struct {
  GSubprocess *process;
  char *base;
} Program;

static void
program_free (Program *program)
{
  if (program->process != NULL && !g_subprocess_get_if_exited (program->process)
      && !g_subprocess_get_if_signaled (program->process))
    {
      g_subprocess_force_exit (program->process);
      g_subprocess_wait (program->process, NULL, NULL);
    }
  g_clear_object (&program->process);
  g_free (program->base);
  g_free (program);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Program, program_free)

static Program *
start_program (const char *first_arg,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("SITROOM_FEED_EXE");
  Program *program;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  program = g_new0 (Program, 1);
  program->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                        &error);
  g_assert_no_error (error);

  /* Its first line is the base URL; nothing means it could not start. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (program->process));
  program->base = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (program->base);
  g_assert_true (g_str_has_prefix (program->base, "http://127.0.0.1:"));
  return program;
}

static char *
write_token_file (const char *dir,
                  int         mode)
{
  char *path = g_build_filename (dir, "token", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, TOKEN "\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_program_token_permissions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitroom-feed-XXXXXX", NULL);
  g_autofree char *token = write_token_file (dir, 0644);
  g_autofree char *db = g_build_filename (dir, "feed.sqlite", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("SITROOM_FEED_EXE"), "--db", db, "--listen", "127.0.0.1:0",
                              "--token-file", token, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "chmod 600"));
  g_assert_nonnull (strstr (err, token));

  remove_dir (dir);
}

/* Sends a PUT with a blocking session, as a publisher in another process would. */
static guint
put_sync (SoupSession *session,
          const char  *base,
          GBytes      *document,
          char       **etag)
{
  g_autoptr(SoupMessage) msg = new_message (base, "PUT", "/v1/situation");
  g_autoptr(GBytes) body = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer " TOKEN);
  soup_message_set_request_body_from_bytes (msg, "application/json", document);
  body = soup_session_send_and_read (session, msg, NULL, NULL);
  if (body == NULL)
    return 0;
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"));
  return soup_message_get_status (msg);
}

static Response *
get_sync (SoupSession *session,
          const char  *base,
          const char  *path)
{
  g_autoptr(SoupMessage) msg = new_message (base, "GET", path);
  g_autoptr(GError) error = NULL;
  Response *response = g_new0 (Response, 1);

  response->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return response;
}

#define BURST 50

typedef struct {
  SoupSession *session;
  char *base;
  GMutex lock;
  char *etags[BURST];     /* of the versions acknowledged with a 200 */
  guint acknowledged;
  guint attempted;
} Burst;

static gpointer
burst_thread (gpointer user_data)
{
  Burst *burst = user_data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);

  for (guint i = 0; i < BURST; i++)
    {
      g_autofree char *as_of = sitroom_time_format (1660953600 + i * 60, 8 * 3600);
      g_autoptr(GBytes) document = make_document (as_of, "140500");
      char *etag = NULL;
      guint status;

      g_mutex_lock (&burst->lock);
      burst->attempted = i + 1;
      g_mutex_unlock (&burst->lock);

      status = put_sync (session, burst->base, document, &etag);
      if (status != 200)
        {
          g_free (etag);
          break;
        }
      g_mutex_lock (&burst->lock);
      burst->etags[i] = etag;
      burst->acknowledged = i + 1;
      g_mutex_unlock (&burst->lock);
    }
  return NULL;
}

static void
test_program_durability (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitroom-feed-XXXXXX", NULL);
  g_autofree char *token = write_token_file (dir, 0600);
  g_autofree char *db = g_build_filename (dir, "feed.sqlite", NULL);
  g_autoptr(Program) first = start_program ("--db", db, "--listen", "127.0.0.1:0", "--token-file", token, NULL);
  g_autoptr(Program) second = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
  g_autoptr(Response) latest = NULL;
  Burst burst = { 0 };
  GThread *thread;
  gint64 deadline;
  guint acknowledged;
  guint attempted;
  const char *latest_etag;

  burst.base = first->base;
  g_mutex_init (&burst.lock);
  thread = g_thread_new ("burst", burst_thread, &burst);

  /* Kill it in the middle of the burst, whatever it is doing. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  for (;;)
    {
      g_mutex_lock (&burst.lock);
      acknowledged = burst.acknowledged;
      g_mutex_unlock (&burst.lock);
      if (acknowledged >= BURST / 2 || g_get_monotonic_time () > deadline)
        break;
      g_usleep (500);
    }
  g_assert_cmpuint (acknowledged, >=, BURST / 2);
  g_subprocess_send_signal (first->process, SIGKILL);
  g_subprocess_wait (first->process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (first->process));
  g_thread_join (thread);

  acknowledged = burst.acknowledged;
  attempted = burst.attempted;
  g_assert_cmpuint (acknowledged, <, BURST);
  g_test_message ("%u of %u publications acknowledged before the kill", acknowledged, attempted);

  second = start_program ("--db", db, "--listen", "127.0.0.1:0", NULL);

  /* Every version that got a 200 is there, each at its own as_of. */
  for (guint i = 0; i < acknowledged; i++)
    {
      g_autofree char *as_of = sitroom_time_format (1660953600 + i * 60 + 30, 8 * 3600);
      g_autofree char *escaped = g_uri_escape_string (as_of, NULL, FALSE);
      g_autofree char *path = g_strconcat ("/v1/situation?as_of=", escaped, NULL);
      g_autoptr(Response) response = get_sync (session, second->base, path);

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, burst.etags[i]);
    }

  /* The latest is the last acknowledged, unless the one in flight when the
   * server died had been committed but not yet answered. */
  latest = get_sync (session, second->base, "/v1/situation");
  g_assert_cmpuint (latest->status, ==, 200);
  latest_etag = soup_message_headers_get_one (latest->headers, "ETag");
  if (g_strcmp0 (latest_etag, burst.etags[acknowledged - 1]) != 0)
    {
      g_autofree char *as_of = sitroom_time_format (1660953600 + acknowledged * 60, 8 * 3600);
      g_autoptr(GBytes) in_flight = make_document (as_of, "140500");
      g_autofree char *in_flight_etag = sitroom_feed_store_compute_etag (in_flight);

      g_assert_cmpuint (attempted, ==, acknowledged + 1);
      g_assert_cmpstr (latest_etag, ==, in_flight_etag);
    }

  /* SIGTERM: a clean exit. */
  g_subprocess_send_signal (second->process, SIGTERM);
  g_subprocess_wait (second->process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_exited (second->process));
  g_assert_cmpint (g_subprocess_get_exit_status (second->process), ==, 0);

  for (guint i = 0; i < BURST; i++)
    g_free (burst.etags[i]);
  g_mutex_clear (&burst.lock);
  remove_dir (dir);
}

static void
test_program_replay (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitroom-feed-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "feed.sqlite", NULL);
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "shanxi-2022-08-20.json", NULL);
  g_autoptr(Program) program = start_program ("--db", db, "--listen", "127.0.0.1:0",
                                              "--replay", demo, "--speed", "1e9", NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
  g_autoptr(GBytes) document = demo_document ();
  g_autofree char *final_etag = sitroom_feed_store_compute_etag (document);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean reached = FALSE;

  while (!reached && g_get_monotonic_time () < deadline)
    {
      g_autoptr(Response) response = get_sync (session, program->base, "/v1/health");
      g_autoptr(JsonNode) root = parse_json (response->body);
      JsonObject *object = json_node_get_object (root);

      reached = !json_object_get_null_member (object, "etag")
                && g_strcmp0 (json_object_get_string_member (object, "etag"), final_etag) == 0;
      if (!reached)
        g_usleep (20000);
    }
  g_assert_true (reached);

  /* The first step is there too, at its own time. */
  {
    g_autoptr(Response) early = get_sync (session, program->base,
                                          "/v1/situation?as_of=2022-08-16T12:00:00%2B08:00");
    g_autoptr(SitroomSituation) situation = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (early->status, ==, 200);
    situation = sitroom_situation_new_from_bytes (early->body, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sitroom_situation_get_n_cases (situation), ==, 0);
  }

  g_subprocess_send_signal (program->process, SIGTERM);
  g_subprocess_wait (program->process, NULL, NULL);
  g_assert_cmpint (g_subprocess_get_exit_status (program->process), ==, 0);
  remove_dir (dir);
}

static void
test_store_reopen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitroom-feed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "feed.sqlite", NULL);
  g_autofree char *not_db = g_build_filename (dir, "not.sqlite", NULL);
  g_autoptr(GBytes) body = make_document ("2022-08-20T12:00:00+08:00", "140500");
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomPublication) stored = NULL;
  g_autoptr(SitroomPublication) read = NULL;

  {
    g_autoptr(SitroomFeedStore) store = sitroom_feed_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_null (sitroom_feed_store_get_latest (store, &error));
    g_assert_no_error (error);
    stored = sitroom_feed_store_add (store, body, 1660968000, 8 * 3600, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (stored->id, >, 0);
  }
  {
    g_autoptr(SitroomFeedStore) store = sitroom_feed_store_open (path, &error);

    g_assert_no_error (error);
    read = sitroom_feed_store_get_latest (store, &error);
    g_assert_no_error (error);
    g_assert_nonnull (read);
    g_assert_cmpint (read->id, ==, stored->id);
    g_assert_cmpstr (read->etag, ==, stored->etag);
    g_assert_cmpint (read->as_of, ==, 1660968000);
    g_assert_cmpint (read->received_at, ==, stored->received_at);
    g_assert_true (g_bytes_equal (read->body, body));
  }

  /* A file that is not a database is refused with SQLite's reason. */
  g_file_set_contents (not_db, "this is not a database, not even close to one............", -1, NULL);
  g_assert_null (sitroom_feed_store_open (not_db, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, not_db));

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/feed-server/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("get/empty", test_empty);
  ADD ("get/conditional", test_get_conditional);
  ADD ("get/conditional-no-socket-left", test_get_conditional_no_socket_left);
  ADD ("get/history", test_history);
  ADD ("get/methods", test_methods);
  ADD ("put/auth", test_put_auth);
  g_test_add_func ("/feed-server/put/disabled", test_put_disabled);
  ADD ("put/invalid", test_put_invalid);
  ADD ("put/hostile", test_put_hostile);
  ADD ("put/too-large", test_put_too_large);
  ADD ("put/chunked", test_put_chunked);
  ADD ("put/ok", test_put_ok);
  ADD ("put/dropped", test_put_dropped);
  ADD ("stream/event", test_stream_event);
  ADD ("stream/keepalive", test_stream_keepalive);
  ADD ("stream/current", test_stream_current);
  g_test_add_func ("/feed-server/replay/steps", test_replay_steps);
  g_test_add_func ("/feed-server/replay/invalid", test_replay_invalid);
  ADD ("replay/server", test_replay_server);
  ADD ("replay/pace", test_replay_pace);
  g_test_add_func ("/feed-server/store/reopen", test_store_reopen);
  g_test_add_func ("/feed-server/program/token-permissions", test_program_token_permissions);
  g_test_add_func ("/feed-server/program/durability", test_program_durability);
  g_test_add_func ("/feed-server/program/replay", test_program_replay);

#undef ADD

  return g_test_run ();
}
