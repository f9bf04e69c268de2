/* The feed through a real caching proxy: Debian's nginx in front of sitroom-feed, all on loopback. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sitroom-feed-client.h"
#include "sitroom-view.h"

#define WAIT_SECONDS 10

typedef struct {
  char *dir;
  GPid feed_pid;
  GPid nginx_pid;
  char *upstream;   /* http://127.0.0.1:PORT of sitroom-feed */
  char *proxy;      /* http://127.0.0.1:PORT of nginx */
  char *token;
} Fixture;

static const char *
find_nginx (void)
{
  static const char *candidates[] = { "/usr/sbin/nginx", "/usr/local/sbin/nginx" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
      return candidates[i];
  return NULL;
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
port_answers (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static char *
read_line_with_deadline (int fd)
{
  GString *line = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  char c;

  g_unix_set_fd_nonblocking (fd, TRUE, NULL);
  while (g_get_monotonic_time () < deadline)
    {
      gssize n = read (fd, &c, 1);

      if (n == 1 && c == '\n')
        return g_string_free (line, FALSE);
      if (n == 1)
        g_string_append_c (line, c);
      else
        g_usleep (10000);
    }
  g_string_free (line, TRUE);
  return NULL;
}

static void
write_nginx_conf (Fixture *fixture,
                  guint16  port)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nginx.conf", NULL);
  g_autofree char *upstream_host = g_strdup (fixture->upstream + strlen ("http://"));
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;

  /* An operator's ordinary caching proxy: nothing here is specific to SSE, so
   * the stream passing unbuffered is the server's doing (X-Accel-Buffering). */
  conf = g_strdup_printf (
    "daemon off;\n"
    "master_process off;\n"
    "worker_processes 1;\n"
    "pid %1$s/nginx.pid;\n"
    "error_log %1$s/error.log;\n"
    "events { worker_connections 64; }\n"
    "http {\n"
    "  access_log %1$s/access.log;\n"
    "  client_body_temp_path %1$s/body;\n"
    "  proxy_temp_path %1$s/proxy;\n"
    "  fastcgi_temp_path %1$s/fastcgi;\n"
    "  uwsgi_temp_path %1$s/uwsgi;\n"
    "  scgi_temp_path %1$s/scgi;\n"
    "  proxy_cache_path %1$s/cache keys_zone=feed:1m;\n"
    "  server {\n"
    "    listen 127.0.0.1:%2$u;\n"
    "    location / {\n"
    "      proxy_pass http://%3$s;\n"
    "      proxy_http_version 1.1;\n"
    "      proxy_set_header Connection \"\";\n"
    "      proxy_cache feed;\n"
    "      proxy_cache_revalidate on;\n"
    "      proxy_read_timeout 60s;\n"
    "      add_header X-Cache-Status $upstream_cache_status;\n"
    "    }\n"
    "  }\n"
    "}\n",
    fixture->dir, port, upstream_host);
  g_file_set_contents (path, conf, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "shanxi-2022-08-20.json", NULL);
  g_autofree char *conf = NULL;
  const char *feed_exe = g_getenv ("SITROOM_FEED_EXE");
  const char *nginx = find_nginx ();
  int out_fd = -1;
  guint16 port;
  gint64 deadline;

  if (nginx == NULL)
    return;

  fixture->dir = g_dir_make_tmp ("sitroom-proxy-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "feed.sqlite", NULL);
  token_file = g_build_filename (fixture->dir, "token", NULL);
  fixture->token = g_strdup ("proxy-test-token");
  g_file_set_contents_full (token_file, fixture->token, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { feed_exe, "--db", db, "--listen", "127.0.0.1:0", "--token-file", token_file,
                           "--import", demo, "--keepalive", "1", NULL };

    g_assert_nonnull (feed_exe);
    g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                              &fixture->feed_pid, NULL, &out_fd, NULL, &error);
    g_assert_no_error (error);
  }
  fixture->upstream = read_line_with_deadline (out_fd);
  close (out_fd);
  g_assert_nonnull (fixture->upstream);
  g_assert_true (g_str_has_prefix (fixture->upstream, "http://127.0.0.1:"));

  port = free_port ();
  write_nginx_conf (fixture, port);
  conf = g_build_filename (fixture->dir, "nginx.conf", NULL);
  {
    const char *argv[] = { nginx, "-p", fixture->dir, "-c", conf, NULL };

    g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                   NULL, NULL, &fixture->nginx_pid, &error);
    g_assert_no_error (error);
  }
  fixture->proxy = g_strdup_printf ("http://127.0.0.1:%u", port);

  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (!port_answers (port))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20000);
    }
}

static void
stop_child (GPid pid)
{
  int status;

  if (pid <= 0)
    return;
  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  stop_child (fixture->nginx_pid);
  stop_child (fixture->feed_pid);
  if (fixture->dir != NULL)
    remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->upstream);
  g_free (fixture->proxy);
  g_free (fixture->token);
}

static SoupMessage *
get (SoupSession *session,
     const char  *url,
     const char  *if_none_match,
     GBytes     **body)
{
  SoupMessage *msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;

  if (if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match", if_none_match);
  *body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  return msg;
}

static void
test_conditional_get (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) first = NULL;
  g_autoptr(SoupMessage) second = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) empty = NULL;
  const char *etag;

  if (fixture->dir == NULL)
    {
      g_test_skip ("nginx is not installed (tools/setup.sh installs nginx-light)");
      return;
    }

  url = g_strconcat (fixture->proxy, "/v1/situation", NULL);
  first = get (session, url, NULL, &body);
  g_assert_cmpuint (soup_message_get_status (first), ==, 200);
  etag = soup_message_headers_get_one (soup_message_get_response_headers (first), "ETag");
  g_assert_nonnull (etag);
  g_assert_cmpuint (g_bytes_get_size (body), >, 1000);

  second = get (session, url, etag, &empty);
  g_assert_cmpuint (soup_message_get_status (second), ==, 304);
  g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (second), "ETag"), ==, etag);
}

static void
situation_changed_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  guint *changes = user_data;

  (*changes)++;
}

static guint
positives_of (SitroomFeedClient *client)
{
  SitroomSituation *situation = sitroom_feed_client_get_situation (client);
  g_autoptr(SitroomView) view = NULL;

  if (situation == NULL)
    return 0;
  view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  return sitroom_view_get_totals (view)->positives;
}

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
has_situation_and_stream (gpointer data)
{
  return sitroom_feed_client_get_situation (data) != NULL && sitroom_feed_client_get_streaming (data);
}

static gboolean
has_twelve (gpointer data)
{
  return positives_of (data) == 12;
}

/* The demo with one more case in Yuncheng, published straight to the upstream. */
static void
publish_one_more (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) demo = g_resources_lookup_data ("/io/github/sitroom/Sitroom/demo/shanxi-2022-08-20.json", 0, &error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) extra = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *url = g_strconcat (fixture->upstream, "/v1/situation", NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", fixture->token, NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  root = json_from_string (g_bytes_get_data (demo, NULL), &error);
  g_assert_no_error (error);
  extra = json_from_string ("{\"id\": \"c-proxy\", \"reported_at\": \"2022-08-20T12:30:00+08:00\","
                            " \"region\": \"140802\", \"chain\": \"0820-yanhu\", \"classification\": \"mild\","
                            " \"status\": \"hospitalized\"}", &error);
  g_assert_no_error (error);
  json_array_add_element (json_object_get_array_member (json_node_get_object (root), "cases"),
                          g_steal_pointer (&extra));
  text = json_to_string (root, FALSE);

  msg = soup_message_new ("PUT", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  {
    gsize length = strlen (text);
    g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&text), length);

    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  }
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

static void
test_stream_and_publication (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SitroomFeedClient) client = NULL;
  guint changes = 0;

  if (fixture->dir == NULL)
    {
      g_test_skip ("nginx is not installed (tools/setup.sh installs nginx-light)");
      return;
    }

  client = sitroom_feed_client_new (fixture->proxy);
  /* Only the stream can bring the new publication in time: polling is hourly. */
  sitroom_feed_client_set_poll_interval (client, 3600);
  g_signal_connect (client, "notify::situation", G_CALLBACK (situation_changed_cb), &changes);
  sitroom_feed_client_start (client, NULL, NULL);

  g_assert_true (wait_until (has_situation_and_stream, client));
  g_assert_cmpuint (positives_of (client), ==, 11);
  g_assert_cmpuint (changes, ==, 1);

  publish_one_more (fixture);
  g_assert_true (wait_until (has_twelve, client));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_null (sitroom_feed_client_get_last_error (client));

  sitroom_feed_client_stop (client);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/proxy/nginx/conditional-get", Fixture, NULL, fixture_set_up, test_conditional_get, fixture_tear_down);
  g_test_add ("/proxy/nginx/stream-and-publication", Fixture, NULL, fixture_set_up, test_stream_and_publication,
              fixture_tear_down);

  return g_test_run ();
}
