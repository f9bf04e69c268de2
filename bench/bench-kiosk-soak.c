/* Soaks the wall display in thousands of publications through sitroom-feed and measures its memory's growth. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bench-process.h"
#include "bench-stats.h"
#include "sitroom-document-cache.h"
#include "sitroom-feed-replay.h"
#include "sitroom-time.h"

/*
 * A day of publications, told fast. The document's story (the steps
 * sitroom-feed --replay would publish: what had been reported by each
 * time) is published over and over, each publication stamped with an
 * as_of 30 s after the one before, so 2880 publications are a day and
 * every one is a new version. The situation grows through a cycle and
 * falls back at the next, so every view builds and drops its figures,
 * rows and drawings again and again, as it does over a real day, while
 * the memory a cycle needs stays the same.
 *
 * The application reads the feed as a wall display does (`sitroom --kiosk
 * --feed http://127.0.0.1:PORT`, views rotating every few seconds so that
 * each one draws many versions) and is never asked for anything: it learns
 * of each publication from the event stream. It stores every document it
 * accepts in its cache, so the next publication waits until the cache
 * holds the one before: each version is seen to be taken, none is merged
 * with the next, and one that is not taken within --ack-timeout seconds
 * (the poll interval is 30 s: only a working stream is that fast) fails
 * the run.
 *
 * The resident set (VmRSS) is read at the end of each cycle, when the
 * whole document is shown; the figure is its growth from the end of the
 * warm-up to the end of the run, each end the median of a few cycles' samples.
 */

#define FIRST_ACK_TIMEOUT_S 60

typedef struct {
  char *exe;
  char *feed_exe;
  char *home;
  char *base_url;
  char *token;
  char *cache_entry;
  SitroomDocumentCache *cache;
  SoupSession *session;
  GPtrArray *steps;          /* SitroomReplayStep */
  GPtrArray *nodes;          /* JsonNode, each step's document, parsed once */
  gint64 first_as_of;
  int offset;                /* of the document's as_of */
  int interval_s;
  int ack_timeout_s;
  int pause_ms;
  int sample_settle_ms;
} Soak;

static void
soak_clear (Soak *soak)
{
  g_free (soak->exe);
  g_free (soak->feed_exe);
  g_free (soak->home);
  g_free (soak->base_url);
  g_free (soak->token);
  g_free (soak->cache_entry);
  g_clear_object (&soak->cache);
  g_clear_object (&soak->session);
  g_clear_pointer (&soak->steps, g_ptr_array_unref);
  g_clear_pointer (&soak->nodes, g_ptr_array_unref);
}

/* ------------------------------------------------------------------ */
/* Processes                                                          */

/* A field of /proc/PID/status, in KiB, or -1. */
static glong
status_kib (GPid        pid,
            const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line != NULL ? strtol (line + strlen (key), NULL, 10) : -1;
}

/* sitroom-feed on a free loopback port, in memory, publishing with a token. */
static GSubprocess *
start_server (Soak    *soak,
              GError **error)
{
  g_autoptr(GSubprocessLauncher) launcher = bench_process_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *token_path = g_build_filename (soak->home, "token", NULL);
  g_autofree char *log_path = g_build_filename (soak->home, "feed.log", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  GString *token = g_string_new (NULL);

  for (guint i = 0; i < 32; i++)
    g_string_append_printf (token, "%02x", (guint) g_random_int_range (0, 256));
  soak->token = g_string_free (token, FALSE);
  if (!g_file_set_contents_full (token_path, soak->token, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  /* It says "Published …" for each of thousands of publications. */
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  process = g_subprocess_launcher_spawn (launcher, error, soak->feed_exe,
                                         "--db", ":memory:", "--listen", "127.0.0.1:0",
                                         "--token-file", token_path, NULL);
  if (process == NULL)
    return NULL;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  soak->base_url = g_data_input_stream_read_line_utf8 (out, NULL, NULL, error);
  if (soak->base_url == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sitroom-feed did not start: see %s", log_path);
      bench_process_stop (process);
      return NULL;
    }
  return g_steal_pointer (&process);
}

/* ------------------------------------------------------------------ */
/* Publications                                                       */

static gboolean
prepare_steps (Soak     *soak,
               GBytes   *document,
               GError  **error)
{
  SitroomReplayStep *last;
  JsonObject *root;

  soak->steps = sitroom_feed_replay_build_steps (document, error);
  if (soak->steps == NULL)
    return FALSE;
  soak->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (guint i = 0; i < soak->steps->len; i++)
    {
      SitroomReplayStep *step = g_ptr_array_index (soak->steps, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize size;
      const char *data = g_bytes_get_data (step->bytes, &size);

      if (!json_parser_load_from_data (parser, data, (gssize) size, error))
        return FALSE;
      g_ptr_array_add (soak->nodes, json_node_copy (json_parser_get_root (parser)));
    }

  /* The whole document's as_of, with its offset: every publication is later. */
  last = g_ptr_array_index (soak->steps, soak->steps->len - 1);
  root = json_node_get_object (g_ptr_array_index (soak->nodes, soak->nodes->len - 1));
  if (!sitroom_time_parse (json_object_get_string_member_with_default (root, "as_of", ""),
                           &soak->first_as_of, &soak->offset))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the document has no as_of");
      return FALSE;
    }
  soak->first_as_of = MAX (soak->first_as_of, last->at);
  return TRUE;
}

/* Publication @k: step k mod n of the story, as of (k + 1) × interval after
 * the document's own as_of (nothing in any step is later than that). */
static GBytes *
make_publication (Soak *soak,
                  guint k)
{
  JsonNode *node = g_ptr_array_index (soak->nodes, k % soak->nodes->len);
  g_autofree char *as_of = sitroom_time_format (soak->first_as_of + (gint64) (k + 1) * soak->interval_s,
                                                soak->offset);
  char *text;
  gsize length;

  json_object_set_string_member (json_node_get_object (node), "as_of", as_of);
  text = json_to_string (node, FALSE);
  length = strlen (text);
  return g_bytes_new_take (text, length);
}

/* PUT: the new version's ETag. */
static char *
publish (Soak     *soak,
         GBytes   *body,
         GError  **error)
{
  g_autofree char *url = g_strconcat (soak->base_url, "/v1/situation", NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", soak->token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_PUT, url);
  g_autoptr(GBytes) answer = NULL;
  const char *etag;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  answer = soup_session_send_and_read (soak->session, msg, NULL, error);
  if (answer == NULL)
    return NULL;
  etag = soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag");
  if (soup_message_get_status (msg) != SOUP_STATUS_OK || etag == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the server refused a publication: HTTP %u %.*s",
                   soup_message_get_status (msg), (int) MIN (g_bytes_get_size (answer), 400),
                   (const char *) g_bytes_get_data (answer, NULL));
      return NULL;
    }
  return g_strdup (etag);
}

/* Waits until the application has stored the version @etag, that is, taken
 * it; the time it took in @waited_ms. */
static gboolean
wait_taken (Soak        *soak,
            GPid         pid,
            const char  *etag,
            int          timeout_s,
            double      *waited_ms,
            GError     **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + (gint64) timeout_s * G_USEC_PER_SEC;
  GStatBuf last = { 0 };

  for (;;)
    {
      GStatBuf now;

      /* Each save is a new file renamed over the old: a new inode. */
      if (g_stat (soak->cache_entry, &now) == 0 &&
          (now.st_ino != last.st_ino || now.st_mtime != last.st_mtime || now.st_size != last.st_size))
        {
          g_autofree char *stored = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) local_error = NULL;

          last = now;
          bytes = sitroom_document_cache_load (soak->cache, soak->base_url, &stored, NULL, &local_error);
          if (local_error != NULL)
            g_printerr ("bench-kiosk-soak: %s\n", local_error->message);
          if (g_strcmp0 (stored, etag) == 0)
            break;
        }
      if (!bench_process_alive (pid))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "the application exited (see its messages above)");
          return FALSE;
        }
      if (g_get_monotonic_time () > end)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "the application did not take version %s within %d s: is it reading the event stream?",
                       etag, timeout_s);
          return FALSE;
        }
      g_usleep (2000);
    }
  *waited_ms = (double) (g_get_monotonic_time () - start) / 1000.0;
  return TRUE;
}

static glong
sample_rss (GPid  pid,
            int   settle_ms,
            glong *anon_kib)
{
  /* The frame after the last version, and any transition, is drawn first. */
  g_usleep ((gulong) settle_ms * 1000);
  *anon_kib = status_kib (pid, "RssAnon");
  return status_kib (pid, "VmRSS");
}

/* ------------------------------------------------------------------ */
/* The run                                                            */

typedef struct {
  guint   total;
  guint   warm_at;          /* publications taken when the warm sample is read */
  int     timeout_s;
  GArray *waits_ms;         /* double: publish to taken, after the first */
  GArray *sample_kib;       /* double: VmRSS then */
  GArray *sample_anon;      /* double: RssAnon then */
  glong   rss_first;
  glong   peak;
  double  seconds;
} Run;

static gboolean
soak_run (Soak     *soak,
          char    **app_args,
          Run      *run,
          GError  **error)
{
  g_autoptr(GSubprocess) app = NULL;
  guint n = soak->steps->len;
  gint64 started_at = g_get_monotonic_time ();
  gint64 deadline = started_at + (gint64) run->timeout_s * G_USEC_PER_SEC;
  gboolean ok = TRUE;
  GPid pid = 0;
  /* Loopback needs no permission for plain http; an operator's wall display
   * usually reads a feed elsewhere, and so runs with it. */
  const char * const app_more[] = { "--feed", soak->base_url, "--allow-insecure", NULL };

  for (guint k = 0; k < run->total && ok; k++)
    {
      g_autoptr(GBytes) body = make_publication (soak, k);
      g_autofree char *etag = publish (soak, body, error);
      double waited_ms;
      glong rss, anon;

      if (etag == NULL)
        {
          ok = FALSE;
          break;
        }
      /* The first version is there before the application starts, as a
       * feed's would be. */
      if (app == NULL)
        {
          app = bench_process_start_app (soak->exe, soak->home, app_args, app_more, error);
          if (app == NULL)
            return FALSE;
          pid = bench_process_pid (app);
        }
      if (!wait_taken (soak, pid, etag, k == 0 ? FIRST_ACK_TIMEOUT_S : soak->ack_timeout_s, &waited_ms, error))
        {
          ok = FALSE;
          break;
        }
      if (k > 0)
        g_array_append_val (run->waits_ms, waited_ms);
      if (k == 0)
        run->rss_first = sample_rss (pid, soak->sample_settle_ms, &anon);

      /* At the end of each cycle the whole document is shown. */
      if ((k + 1) % n == 0)
        {
          double kib, anon_kib;

          rss = sample_rss (pid, soak->sample_settle_ms, &anon);
          kib = rss;
          anon_kib = anon;
          if (k + 1 >= run->warm_at)
            {
              g_array_append_val (run->sample_kib, kib);
              g_array_append_val (run->sample_anon, anon_kib);
            }
          if (((k + 1) / n) % 10 == 0)
            g_printerr ("  %u of %u publications taken, VmRSS %ld KiB\n", k + 1, run->total, rss);
        }
      else if (soak->pause_ms > 0)
        g_usleep ((gulong) soak->pause_ms * 1000);

      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%u of %u publications in %d s",
                       k + 1, run->total, run->timeout_s);
          ok = FALSE;
        }
    }

  if (app != NULL)
    {
      run->peak = status_kib (pid, "VmHWM");
      bench_process_stop (app);
    }
  run->seconds = (double) (g_get_monotonic_time () - started_at) / G_USEC_PER_SEC;
  return ok;
}

/* The median, or another quantile, of @n samples from @first. */
static double
window_quantile (GArray *samples,
                 guint   first,
                 guint   n,
                 double  p)
{
  g_assert (first + n <= samples->len && n > 0);

  return bench_percentile ((const double *) samples->data + first, n, p);
}

static double
window_median (GArray *samples,
               guint   first,
               guint   n)
{
  return window_quantile (samples, first, n, 0.5);
}

static double
percentile (GArray *values,
            double  p)
{
  return values->len > 0 ? bench_percentile ((const double *) values->data, values->len, p) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *document_path = NULL;
  g_autofree char *kiosk_args = g_strdup ("--kiosk --rotate 3");
  int publications = 2880;
  int warmup = 500;
  Soak soak = { 0 };
  Run run = { 0 };
  GOptionEntry entries[] = {
    { "sitroom", 0, 0, G_OPTION_ARG_FILENAME, &soak.exe, "The application (default $SITROOM_EXE)", "EXE" },
    { "feed-server", 0, 0, G_OPTION_ARG_FILENAME, &soak.feed_exe, "sitroom-feed (default $SITROOM_FEED_EXE)", "EXE" },
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &document_path, "The document whose story is published (required)", "FILE" },
    { "publications", 'n', 0, G_OPTION_ARG_INT, &publications, "Publications in all, rounded up to whole stories (default 2880: a day at one every 30 s)", "N" },
    { "warmup", 'w', 0, G_OPTION_ARG_INT, &warmup, "Publications before the first measure, rounded up likewise (default 500)", "N" },
    { "interval", 0, 0, G_OPTION_ARG_INT, &soak.interval_s, "Seconds of as_of between publications (default 30)", "S" },
    { "kiosk-args", 0, 0, G_OPTION_ARG_STRING, &kiosk_args, "The application's options (default \"--kiosk --rotate 3\")", "ARGS" },
    { "ack-timeout", 0, 0, G_OPTION_ARG_INT, &soak.ack_timeout_s, "Seconds the application may take to take a version (default 10)", "S" },
    { "pause-ms", 0, 0, G_OPTION_ARG_INT, &soak.pause_ms, "Milliseconds between one version taken and the next publication (default 20)", "MS" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &run.timeout_s, "Give up after this many seconds (default 3600)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure the wall display's memory over a day of publications");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_auto(GStrv) app_args = NULL;
  g_autofree char *cache_dir = NULL;
  char *contents = NULL;
  gsize length = 0;
  guint n;
  int status = 0;

  soak.interval_s = 30;
  soak.ack_timeout_s = 10;
  soak.pause_ms = 20;
  soak.sample_settle_ms = 500;
  run.timeout_s = 3600;

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !g_shell_parse_argv (kiosk_args, NULL, &app_args, &error))
    {
      g_printerr ("bench-kiosk-soak: %s\n", error->message);
      return 2;
    }
  if (soak.exe == NULL)
    soak.exe = g_strdup (g_getenv ("SITROOM_EXE"));
  if (soak.feed_exe == NULL)
    soak.feed_exe = g_strdup (g_getenv ("SITROOM_FEED_EXE"));
  if (soak.exe == NULL || soak.feed_exe == NULL || document_path == NULL || argc != 1 ||
      publications < 2 || warmup < 1 || warmup >= publications || soak.interval_s < 1 ||
      soak.ack_timeout_s < 1 || soak.pause_ms < 0 || run.timeout_s < 1)
    {
      g_printerr ("Usage: bench-kiosk-soak --document FILE [--sitroom EXE] [--feed-server EXE] "
                  "[--publications N] [--warmup N]\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-kiosk-soak: no display: run under xvfb-run (see bench/run-kiosk-benchmarks.sh)\n");
      return 2;
    }
  if (!g_file_get_contents (document_path, &contents, &length, &error))
    {
      g_printerr ("bench-kiosk-soak: %s\n", error->message);
      return 1;
    }
  document = g_bytes_new_take (contents, length);
  if (!prepare_steps (&soak, document, &error))
    {
      g_printerr ("bench-kiosk-soak: %s: %s\n", document_path, error->message);
      soak_clear (&soak);
      return 1;
    }

  /* Whole stories, so that the samples are all of the whole document. */
  n = soak.steps->len;
  run.warm_at = (warmup + n - 1) / n * n;
  run.total = MAX ((publications + n - 1) / n * n, run.warm_at + n);
  run.waits_ms = g_array_new (FALSE, FALSE, sizeof (double));
  run.sample_kib = g_array_new (FALSE, FALSE, sizeof (double));
  run.sample_anon = g_array_new (FALSE, FALSE, sizeof (double));

  soak.home = g_dir_make_tmp ("sitroom-kiosk-soak-XXXXXX", &error);
  if (soak.home == NULL)
    {
      g_printerr ("bench-kiosk-soak: %s\n", error->message);
      soak_clear (&soak);
      return 1;
    }
  server = start_server (&soak, &error);
  if (server == NULL)
    status = 1;
  else
    {
      cache_dir = g_build_filename (soak.home, "cache", "sitroom", "feeds", NULL);
      soak.cache = sitroom_document_cache_new (cache_dir);
      soak.cache_entry = sitroom_document_cache_get_entry_path (soak.cache, soak.base_url);
      soak.session = soup_session_new ();
      g_printerr ("%u publications of a %u-step story, %u of them warm-up, through %s...\n",
                  run.total, n, run.warm_at, soak.base_url);
      if (!soak_run (&soak, app_args, &run, &error))
        status = 1;
      bench_process_stop (server);
    }

  if (status != 0)
    g_printerr ("bench-kiosk-soak: %s\n", error->message);
  else
    {
      /* The view on screen when a sample is read changes its resident set by
       * several MB (a view's drawings, a transition's two frames), so each
       * end is the median of several samples, not one. */
      guint ends = CLAMP (run.sample_kib->len / 4, 1, 10);
      double rss_warm = window_median (run.sample_kib, 0, ends);
      double rss_end = window_median (run.sample_kib, run.sample_kib->len - ends, ends);

      g_print ("document: %s\n", document_path);
      g_print ("document_bytes: %" G_GSIZE_FORMAT "\n", length);
      g_print ("kiosk_args: %s\n", kiosk_args);
      g_print ("steps_per_story: %u\n", n);
      g_print ("publications: %u\n", run.total);
      g_print ("warmup: %u\n", run.warm_at);
      g_print ("seconds: %.1f\n", run.seconds);
      g_print ("publications_per_second: %.1f\n", run.total / run.seconds);
      g_print ("taken_median_ms: %.1f\n", percentile (run.waits_ms, 0.5));
      g_print ("taken_p95_ms: %.1f\n", percentile (run.waits_ms, 0.95));
      g_print ("taken_max_ms: %.1f\n", percentile (run.waits_ms, 1.0));
      g_print ("rss_first_kib: %ld\n", run.rss_first);
      g_print ("samples: %u, %u at each end\n", run.sample_kib->len, ends);
      g_print ("rss_warm_kib: %.0f\n", rss_warm);
      g_print ("rss_end_kib: %.0f\n", rss_end);
      g_print ("rss_warm_range_kib: %.0f-%.0f\n", window_quantile (run.sample_kib, 0, ends, 0),
               window_quantile (run.sample_kib, 0, ends, 1));
      g_print ("rss_end_range_kib: %.0f-%.0f\n",
               window_quantile (run.sample_kib, run.sample_kib->len - ends, ends, 0),
               window_quantile (run.sample_kib, run.sample_kib->len - ends, ends, 1));
      g_print ("rss_range_after_warmup_kib: %.0f-%.0f\n",
               window_quantile (run.sample_kib, 0, run.sample_kib->len, 0),
               window_quantile (run.sample_kib, 0, run.sample_kib->len, 1));
      g_print ("growth_kib: %.0f\n", rss_end - rss_warm);
      g_print ("growth_mb: %.2f\n", (rss_end - rss_warm) / 1024.0);
      g_print ("anon_growth_kib: %.0f\n",
               window_median (run.sample_anon, run.sample_anon->len - ends, ends) -
               window_median (run.sample_anon, 0, ends));
      g_print ("peak_rss_kib: %ld\n", run.peak);
    }

  g_array_unref (run.waits_ms);
  g_array_unref (run.sample_kib);
  g_array_unref (run.sample_anon);
  if (soak.home != NULL)
    bench_process_remove_tree (soak.home);
  soak_clear (&soak);
  return status;
}
