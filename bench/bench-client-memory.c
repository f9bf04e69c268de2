/* Measures the feed client's resident memory over thousands of poll cycles against a local server. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-documents.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sitroom-feed-client.h"
#include "sitroom-feed-store.h"
#include "sitroom-time.h"

#define MAX_CYCLES 1000000
/* Far past any run: every fetch is one this program asks for. */
#define POLL_INTERVAL_S 3600

/* ------------------------------------------------------------------ */
/* The server: a child process, so that its memory is not the client's */

typedef struct {
  GBytes *documents[2];
  char   *etags[2];
  guint   current;
  guint64 n_requests;
  guint64 n_ok;
  guint64 n_not_modified;
} Serve;

/* Every second request finds the other version current, so a client that
 * asks again as soon as it has an answer gets 200 and 304 in turn. */
static void
serve_situation (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  Serve *serve = user_data;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  serve->n_requests++;
  if (serve->n_requests % 2 == 0)
    serve->current ^= 1;

  soup_message_headers_replace (response, "ETag", serve->etags[serve->current]);
  soup_message_headers_replace (response, "Cache-Control", "must-revalidate");
  if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "If-None-Match");
  if (g_strcmp0 (if_none_match, serve->etags[serve->current]) == 0)
    {
      serve->n_not_modified++;
      soup_message_headers_set_encoding (response, SOUP_ENCODING_NONE);
      /* libsoup 3.2's client never reuses a connection after a 304, and its
       * server never notices when a client closes a connection between two
       * requests, so without this every 304 would leave a socket open here. */
      soup_message_headers_replace (response, "Connection", "close");
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  serve->n_ok++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (response, "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), serve->documents[serve->current]);
}

/* The parent closes our standard input when it is done, or dies. */
static gboolean
on_stdin (int fd, GIOCondition condition, gpointer user_data)
{
  char buffer[64];

  if ((condition & G_IO_IN) != 0 && read (fd, buffer, sizeof buffer) > 0)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
on_sigterm (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static int
serve_main (GBytes *document)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  Serve serve = { 0 };

  serve.documents[0] = g_bytes_ref (document);
  serve.documents[1] = bench_shift_as_of (document, 1, &error);
  if (serve.documents[1] == NULL)
    {
      g_printerr ("bench-client-memory: %s\n", error->message);
      return 1;
    }
  for (int i = 0; i < 2; i++)
    serve.etags[i] = sitroom_feed_store_compute_etag (serve.documents[i]);

  soup_server_add_handler (server, "/v1/situation", serve_situation, &serve, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("bench-client-memory: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  g_print ("http://127.0.0.1:%d\n", g_uri_get_port (uris->data));
  fflush (stdout);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin, loop);
  g_unix_signal_add (SIGTERM, on_sigterm, loop);
  g_main_loop_run (loop);

  soup_server_disconnect (server);
  g_print ("server_ok: %" G_GUINT64_FORMAT "\n", serve.n_ok);
  g_print ("server_not_modified: %" G_GUINT64_FORMAT "\n", serve.n_not_modified);
  for (int i = 0; i < 2; i++)
    {
      g_bytes_unref (serve.documents[i]);
      g_free (serve.etags[i]);
    }
  return 0;
}

/* ------------------------------------------------------------------ */
/* The client                                                         */

typedef struct {
  GMainLoop         *loop;
  SitroomFeedClient *client;
  int                cycles;
  int                warmup;
  int                done;
  guint              swaps;
  guint              failures;
  glong              rss_warm_kib;
  gint64             warm_at;
  gboolean           timed_out;
} Bench;

/* A field of /proc/self/status, in KiB, or -1. */
static glong
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line != NULL ? strtol (line + strlen (key), NULL, 10) : -1;
}

/* From the main loop, as the client's own poll timer would, rather than from
 * inside its notification. */
static gboolean
refresh_cb (gpointer user_data)
{
  Bench *bench = user_data;

  sitroom_feed_client_refresh (bench->client);
  return G_SOURCE_REMOVE;
}

static void
on_last_success (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  Bench *bench = user_data;

  bench->done++;
  if (bench->done == bench->warmup)
    {
      bench->rss_warm_kib = status_kib ("VmRSS");
      bench->warm_at = g_get_monotonic_time ();
    }
  if (bench->done >= bench->cycles)
    g_main_loop_quit (bench->loop);
  else
    g_idle_add (refresh_cb, bench);
}

static void
on_situation (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  Bench *bench = user_data;

  bench->swaps++;
}

static void
on_last_error (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  Bench *bench = user_data;
  const char *message = sitroom_feed_client_get_last_error (bench->client);

  if (message == NULL)
    return;
  /* The client retries by itself after its (short) back-off. */
  if (bench->failures++ == 0)
    g_printerr ("bench-client-memory: a fetch failed: %s\n", message);
}

static gboolean
on_timeout (gpointer user_data)
{
  Bench *bench = user_data;

  bench->timed_out = TRUE;
  g_main_loop_quit (bench->loop);
  return G_SOURCE_REMOVE;
}

static GSubprocess *
start_server (const char *document_path, char **base_url, GError **error)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", error);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  char *line;

  if (self_exe == NULL)
    return NULL;
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, error,
                              self_exe, "--serve", "--document", document_path, NULL);
  if (process == NULL)
    return NULL;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, error);
  if (line == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the server did not start");
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      return NULL;
    }
  *base_url = line;
  return g_steal_pointer (&process);
}

/* Closes the server's input, so that it ends, and returns what it printed last. */
static char *
stop_server (GSubprocess *server)
{
  g_autofree char *rest = NULL;

  g_subprocess_communicate_utf8 (server, NULL, NULL, &rest, NULL, NULL);
  return g_steal_pointer (&rest);
}

int
main (int argc, char *argv[])
{
  int cycles = 10000;
  int warmup = 500;
  int timeout_s = 600;
  gboolean serve = FALSE;
  g_autofree char *document_path = NULL;
  GOptionEntry entries[] = {
    { "cycles", 'n', 0, G_OPTION_ARG_INT, &cycles, "Poll cycles in all (default 10000)", "N" },
    { "warmup", 'w', 0, G_OPTION_ARG_INT, &warmup, "Cycles before the first measure (default 500)", "N" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout_s, "Give up after this many seconds (default 600)", "S" },
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &document_path, "The situation document to serve", "FILE" },
    { "serve", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &serve, "Be the server (run by the benchmark itself)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure the feed client's memory over many poll cycles");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *server_report = NULL;
  char *contents = NULL;
  gsize length = 0;
  glong rss_start_kib, rss_end_kib;
  gint64 started_at, ended_at;
  Bench bench = { 0 };

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-client-memory: %s\n", error->message);
      return 2;
    }
  if (document_path == NULL || argc != 1 || cycles < 2 || cycles > MAX_CYCLES
      || warmup < 1 || warmup >= cycles || timeout_s < 1)
    {
      g_printerr ("Usage: bench-client-memory --document FILE [--cycles N] [--warmup N] [--timeout S]\n");
      return 2;
    }
  if (!g_file_get_contents (document_path, &contents, &length, &error))
    {
      g_printerr ("bench-client-memory: %s\n", error->message);
      return 1;
    }
  document = g_bytes_new_take (contents, length);

  if (serve)
    return serve_main (document);

  server = start_server (document_path, &base_url, &error);
  if (server == NULL)
    {
      g_printerr ("bench-client-memory: %s\n", error->message);
      return 1;
    }

  rss_start_kib = status_kib ("VmRSS");
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.cycles = cycles;
  bench.warmup = warmup;
  bench.client = sitroom_feed_client_new (base_url);
  sitroom_feed_client_set_poll_interval (bench.client, POLL_INTERVAL_S);
  /* A failure is retried at once rather than after seconds; the server offers
   * no stream, and the client asks for one again only after the longer delay. */
  sitroom_feed_client_set_retry_delays (bench.client, 50, 60 * 1000);
  g_signal_connect (bench.client, "notify::last-success", G_CALLBACK (on_last_success), &bench);
  g_signal_connect (bench.client, "notify::situation", G_CALLBACK (on_situation), &bench);
  g_signal_connect (bench.client, "notify::last-error", G_CALLBACK (on_last_error), &bench);
  g_timeout_add_seconds ((guint) timeout_s, on_timeout, &bench);

  started_at = g_get_monotonic_time ();
  sitroom_feed_client_start (bench.client, NULL, NULL);
  g_main_loop_run (bench.loop);
  ended_at = g_get_monotonic_time ();
  rss_end_kib = status_kib ("VmRSS");

  sitroom_feed_client_stop (bench.client);
  g_clear_object (&bench.client);
  server_report = stop_server (server);

  if (bench.timed_out)
    {
      g_printerr ("bench-client-memory: %d of %d cycles in %d s\n", bench.done, cycles, timeout_s);
      return 1;
    }

  g_print ("document: %s\n", document_path);
  g_print ("document_bytes: %" G_GSIZE_FORMAT "\n", length);
  g_print ("cycles: %d\n", bench.done);
  g_print ("warmup: %d\n", warmup);
  g_print ("swaps: %u\n", bench.swaps);
  g_print ("failures: %u\n", bench.failures);
  g_print ("seconds: %.1f\n", (double) (ended_at - started_at) / G_USEC_PER_SEC);
  g_print ("cycles_per_second_after_warmup: %.0f\n",
           (double) (cycles - warmup) * G_USEC_PER_SEC / (double) (ended_at - bench.warm_at));
  g_print ("rss_start_kib: %ld\n", rss_start_kib);
  g_print ("rss_warm_kib: %ld\n", bench.rss_warm_kib);
  g_print ("rss_end_kib: %ld\n", rss_end_kib);
  g_print ("growth_kib: %ld\n", rss_end_kib - bench.rss_warm_kib);
  g_print ("peak_rss_kib: %ld\n", status_kib ("VmHWM"));
  g_print ("%s", server_report != NULL ? server_report : "");

  g_main_loop_unref (bench.loop);
  return 0;
}
