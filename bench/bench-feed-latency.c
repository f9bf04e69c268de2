/* Times a publication from its PUT to the feed client's swap, through a sitroom-feed child and its event stream. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-documents.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sitroom-feed-client.h"
#include "sitroom-feed-store.h"
#include "sitroom-time.h"

#define MAX_COUNT 1000
/* Far past any run: only the event stream brings a new document. */
#define POLL_INTERVAL_S 3600
#define STEP_TIMEOUT_MS 10000
#define START_TIMEOUT_MS 10000

typedef struct {
  SoupSession       *publisher;
  SitroomFeedClient *client;
  char              *situation_url;
  char              *authorization;

  /* The publication under way */
  const char        *expected_etag;
  gint64             sent_at;
  gint64             swapped_at;
  gint64             answered_at;
  guint              put_status;
} Bench;

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest rank, so that every figure is one that was measured. */
static double
percentile (const double *sorted, int n, int p)
{
  int rank = (p * n + 99) / 100;

  return sorted[CLAMP (rank, 1, n) - 1];
}

static double
median (const double *sorted, int n)
{
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Bench *bench);

/* Runs the main context until @done or @timeout_ms have passed. */
static gboolean
wait_for (Bench *bench, Condition done, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  GSource *timer = g_timeout_source_new (timeout_ms);

  g_source_set_callback (timer, set_flag, &timed_out, NULL);
  g_source_attach (timer, NULL);
  while (!done (bench) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (timer);
  g_source_unref (timer);
  return done (bench);
}

static gboolean
never (Bench *bench)
{
  return FALSE;
}

static gboolean
client_ready (Bench *bench)
{
  return sitroom_feed_client_get_streaming (bench->client)
         && g_strcmp0 (sitroom_feed_client_get_etag (bench->client), bench->expected_etag) == 0;
}

static gboolean
step_done (Bench *bench)
{
  return bench->swapped_at != 0 && bench->answered_at != 0;
}

static void
on_situation (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  Bench *bench = user_data;

  /* The swap of the version just published, not of an earlier one. */
  if (bench->swapped_at == 0 && bench->expected_etag != NULL
      && g_strcmp0 (sitroom_feed_client_get_etag (bench->client), bench->expected_etag) == 0)
    bench->swapped_at = g_get_monotonic_time ();
}

static void
on_put_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Bench *bench = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  bench->answered_at = g_get_monotonic_time ();
  bench->put_status = body != NULL ? soup_message_get_status (msg) : 0;
  if (body == NULL)
    g_printerr ("bench-feed-latency: PUT failed: %s\n", error->message);
}

static void
publish (Bench *bench, GBytes *document)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_PUT, bench->situation_url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bench->authorization);
  soup_message_set_request_body_from_bytes (msg, "application/json", document);
  bench->swapped_at = 0;
  bench->answered_at = 0;
  bench->put_status = 0;
  bench->sent_at = g_get_monotonic_time ();
  soup_session_send_and_read_async (bench->publisher, msg, G_PRIORITY_DEFAULT, NULL, on_put_done, bench);
}

/* Starts sitroom-feed on a free loopback port and returns its base URL. */
static GSubprocess *
start_server (const char *server_exe, const char *dir, const char *document_path,
              char **base_url, GError **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *db = g_build_filename (dir, "feed.sqlite", NULL);
  g_autofree char *token_file = g_build_filename (dir, "token", NULL);
  g_autofree char *log = g_build_filename (dir, "server.log", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  char *line;

  /* One line the script never sees; the server refuses a token others may read. */
  if (!g_file_set_contents_full (token_file, "bench-token\n", -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  /* A publication is logged on standard error: kept out of the report. */
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  process = g_subprocess_launcher_spawn (launcher, error, server_exe, "--db", db,
                                         "--listen", "127.0.0.1:0", "--token-file", token_file,
                                         "--import", document_path, NULL);
  if (process == NULL)
    return NULL;

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, error);
  if (line == NULL || !g_str_has_prefix (line, "http://127.0.0.1:"))
    {
      g_autofree char *log_text = NULL;

      g_free (line);
      g_file_get_contents (log, &log_text, NULL, NULL);
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s did not start: %s", server_exe,
                   log_text != NULL && log_text[0] != '\0' ? g_strchomp (log_text) : "it said nothing");
      return NULL;
    }
  *base_url = line;
  return g_steal_pointer (&process);
}

int
main (int argc, char *argv[])
{
  int count = 50;
  g_autofree char *server_exe = NULL;
  g_autofree char *document_path = NULL;
  GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Publications to time (default 50, at most 1000)", "N" },
    { "server", 0, 0, G_OPTION_ARG_FILENAME, &server_exe, "The sitroom-feed program (default $SITROOM_FEED_EXE)", "EXE" },
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &document_path, "The situation document to publish versions of", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time publications from PUT to the client's swap");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) etags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) server = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base_url = NULL;
  g_autofree double *latency_ms = NULL;
  g_autofree double *put_ms = NULL;
  char *contents = NULL;
  gsize length = 0;
  Bench bench = { 0 };
  int status = 0;
  int done = 0;

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-feed-latency: %s\n", error->message);
      return 2;
    }
  if (server_exe == NULL)
    server_exe = g_strdup (g_getenv ("SITROOM_FEED_EXE"));
  if (server_exe == NULL || document_path == NULL || count < 1 || count > MAX_COUNT || argc != 1)
    {
      g_printerr ("Usage: bench-feed-latency --server SITROOM_FEED --document FILE [--count N]\n");
      return 2;
    }

  if (!g_file_get_contents (document_path, &contents, &length, &error))
    {
      g_printerr ("bench-feed-latency: %s\n", error->message);
      return 1;
    }
  /* Version 0 is the file as it is, imported at start; the timed ones follow,
   * all made before the clock starts. */
  g_ptr_array_add (documents, g_bytes_new_take (contents, length));
  for (int i = 1; i <= count; i++)
    {
      GBytes *version = bench_shift_as_of (g_ptr_array_index (documents, 0), i, &error);

      if (version == NULL)
        {
          g_printerr ("bench-feed-latency: %s: %s\n", document_path, error->message);
          return 1;
        }
      g_ptr_array_add (documents, version);
    }
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (etags, sitroom_feed_store_compute_etag (g_ptr_array_index (documents, i)));

  dir = g_dir_make_tmp ("sitroom-latency-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-feed-latency: %s\n", error->message);
      return 1;
    }
  server = start_server (server_exe, dir, document_path, &base_url, &error);
  if (server == NULL)
    {
      g_printerr ("bench-feed-latency: %s\n", error->message);
      remove_tree (dir);
      return 1;
    }

  bench.publisher = soup_session_new ();
  bench.situation_url = g_strconcat (base_url, "/v1/situation", NULL);
  bench.authorization = g_strdup ("Bearer bench-token");
  bench.client = sitroom_feed_client_new (base_url);
  sitroom_feed_client_set_poll_interval (bench.client, POLL_INTERVAL_S);
  g_signal_connect (bench.client, "notify::situation", G_CALLBACK (on_situation), &bench);

  bench.expected_etag = g_ptr_array_index (etags, 0);
  sitroom_feed_client_start (bench.client, NULL, NULL);
  if (!wait_for (&bench, client_ready, START_TIMEOUT_MS))
    {
      g_printerr ("bench-feed-latency: the client did not get the first document and the stream within %d s (%s)\n",
                  START_TIMEOUT_MS / 1000, sitroom_feed_client_get_last_error (bench.client));
      status = 1;
      goto out;
    }
  /* A stream that opened before the first fetch ended triggers one more
   * fetch: let it finish before the clock starts. */
  wait_for (&bench, never, 200);

  latency_ms = g_new (double, count);
  put_ms = g_new (double, count);
  for (done = 0; done < count; done++)
    {
      bench.expected_etag = g_ptr_array_index (etags, done + 1);
      publish (&bench, g_ptr_array_index (documents, done + 1));
      if (!wait_for (&bench, step_done, STEP_TIMEOUT_MS))
        {
          g_printerr ("bench-feed-latency: publication %d: %s within %d s (%s)\n", done + 1,
                      bench.answered_at == 0 ? "no answer to the PUT" : "the client did not swap",
                      STEP_TIMEOUT_MS / 1000, sitroom_feed_client_get_last_error (bench.client));
          status = 1;
          goto out;
        }
      if (bench.put_status != SOUP_STATUS_OK)
        {
          g_printerr ("bench-feed-latency: publication %d: HTTP %u\n", done + 1, bench.put_status);
          status = 1;
          goto out;
        }
      latency_ms[done] = (double) (bench.swapped_at - bench.sent_at) / 1000.0;
      put_ms[done] = (double) (bench.answered_at - bench.sent_at) / 1000.0;
    }

  qsort (latency_ms, (size_t) count, sizeof *latency_ms, compare_double);
  qsort (put_ms, (size_t) count, sizeof *put_ms, compare_double);
  g_print ("document: %s\n", document_path);
  g_print ("document_bytes: %" G_GSIZE_FORMAT "\n", g_bytes_get_size (g_ptr_array_index (documents, 1)));
  g_print ("publications: %d\n", count);
  g_print ("median_ms: %.1f\n", median (latency_ms, count));
  g_print ("p90_ms: %.1f\n", percentile (latency_ms, count, 90));
  g_print ("max_ms: %.1f\n", latency_ms[count - 1]);
  g_print ("min_ms: %.1f\n", latency_ms[0]);
  g_print ("put_median_ms: %.1f\n", median (put_ms, count));

out:
  sitroom_feed_client_stop (bench.client);
  g_clear_object (&bench.client);
  g_clear_object (&bench.publisher);
  g_free (bench.situation_url);
  g_free (bench.authorization);
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  remove_tree (dir);
  return status;
}
