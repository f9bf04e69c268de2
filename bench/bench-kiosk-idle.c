/* Measures the CPU the wall display uses while nothing changes, against the ordinary window. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "bench-process.h"
#include "bench-stats.h"

/*
 * Each round starts the application twice on the same file feed, under the
 * display this program runs under: once as the wall display (by default
 * `--kiosk --rotate 0`: nothing rotates, nothing is published), once as the
 * ordinary window on its overview (the baseline). Each is left to settle
 * (startup, the first layout and drawing, the file's first read), then its
 * CPU time, user and system, all threads, is read from /proc/PID/stat at
 * the start and end of a window of --seconds, and reported as a percentage
 * of one core. The two cases alternate within a round, so a busy neighbour
 * slows both. The figure is the median of the rounds.
 *
 * Context switches (all threads, from /proc/PID/task/N/status) are counted
 * too: a timer that fires often but does little shows there first.
 */

#define QUIET_PERCENT 1.0    /* settled: a 2 s window below this */
#define QUIET_WINDOW_S 2

typedef struct {
  const char *name;
  char      **args;          /* the application's arguments after its path */
  GArray     *percent;       /* double, one per round */
  GArray     *switches;      /* double, per second, one per round */
} Case;

typedef struct {
  char *exe;
  char *document;
  char *home;                /* a scratch XDG home for the children */
  int   seconds;
  int   settle;
  int   settle_max;
} Bench;

/* Context switches so far of each of the process's threads: thread id to
 * count. */
static GHashTable *
context_switches (GPid pid)
{
  g_autofree char *task_path = g_strdup_printf ("/proc/%d/task", (int) pid);
  g_autoptr(GDir) tasks = g_dir_open (task_path, 0, NULL);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *task;

  while (tasks != NULL && (task = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *path = g_build_filename (task_path, task, "status", NULL);
      g_autofree char *status = NULL;
      g_auto(GStrv) lines = NULL;
      gint64 total = 0;

      /* A thread may end between the listing and the read. */
      if (!g_file_get_contents (path, &status, NULL, NULL))
        continue;
      lines = g_strsplit (status, "\n", 0);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "voluntary_ctxt_switches:") ||
            g_str_has_prefix (lines[i], "nonvoluntary_ctxt_switches:"))
          total += g_ascii_strtoll (strchr (lines[i], ':') + 1, NULL, 10);
      g_hash_table_insert (counts, g_strdup (task), GSIZE_TO_POINTER ((gsize) total));
    }
  return counts;
}

/* The switches between two counts: of the threads there at the end, what
 * each did since the start (all of it for a thread started since). A
 * thread that ended in between is not counted. */
static gint64
switches_between (GHashTable *before,
                  GHashTable *after)
{
  GHashTableIter iter;
  gpointer task, count;
  gint64 total = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &task, &count))
    total += (gint64) GPOINTER_TO_SIZE (count) -
             (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (before, task));
  return total;
}

static double
ticks_to_percent (gint64 ticks,
                  gint64 elapsed_us)
{
  return 100.0 * (double) ticks / (double) sysconf (_SC_CLK_TCK)
         / ((double) elapsed_us / G_USEC_PER_SEC);
}

/* Sleeps @seconds, or fails as soon as @pid has gone. */
static gboolean
watch_for (GPid      pid,
           int       seconds,
           GError  **error)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      if (bench_process_cpu_ticks (pid) < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "the application exited (see its messages above)");
          return FALSE;
        }
      g_usleep (MIN (G_USEC_PER_SEC, end - g_get_monotonic_time () + 1));
    }
  return TRUE;
}

/* One measurement of @c: start, settle, measure, stop. */
static gboolean
run_case (Bench    *bench,
          Case     *c,
          GError  **error)
{
  g_autoptr(GSubprocess) process = NULL;
  GPid pid;
  g_autoptr(GHashTable) switches0 = NULL;
  g_autoptr(GHashTable) switches1 = NULL;
  gint64 quiet_deadline, ticks0, ticks1, t0, t1;
  double percent, per_second;
  const char * const feed[] = { "--feed", bench->document, NULL };

  process = bench_process_start_app (bench->exe, bench->home, c->args, feed, error);
  if (process == NULL)
    return FALSE;
  pid = bench_process_pid (process);

  if (!watch_for (pid, bench->settle, error))
    goto failed;
  /* Then until a short window is quiet: a slow machine may take longer to
   * draw the first frames than the settling time allows. */
  quiet_deadline = g_get_monotonic_time () + (gint64) bench->settle_max * G_USEC_PER_SEC;
  for (;;)
    {
      t0 = g_get_monotonic_time ();
      ticks0 = bench_process_cpu_ticks (pid);
      if (!watch_for (pid, QUIET_WINDOW_S, error))
        goto failed;
      ticks1 = bench_process_cpu_ticks (pid);
      if (ticks_to_percent (ticks1 - ticks0, g_get_monotonic_time () - t0) < QUIET_PERCENT)
        break;
      if (g_get_monotonic_time () > quiet_deadline)
        {
          g_printerr ("bench-kiosk-idle: %s never went quiet; measuring anyway\n", c->name);
          break;
        }
    }

  t0 = g_get_monotonic_time ();
  ticks0 = bench_process_cpu_ticks (pid);
  switches0 = context_switches (pid);
  if (!watch_for (pid, bench->seconds, error))
    goto failed;
  ticks1 = bench_process_cpu_ticks (pid);
  switches1 = context_switches (pid);
  t1 = g_get_monotonic_time ();

  percent = ticks_to_percent (ticks1 - ticks0, t1 - t0);
  per_second = (double) switches_between (switches0, switches1) / ((double) (t1 - t0) / G_USEC_PER_SEC);
  g_array_append_val (c->percent, percent);
  g_array_append_val (c->switches, per_second);
  g_printerr ("  %s: %.3f %% of a core, %.1f context switches a second\n", c->name, percent, per_second);

  bench_process_stop (process);
  return TRUE;

failed:
  bench_process_stop (process);
  return FALSE;
}

static double
median (GArray *values)
{
  return bench_percentile ((const double *) values->data, values->len, 0.5);
}

static gboolean
parse_args (const char  *text,
            char      ***args,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      *args = g_new0 (char *, 1);
      return TRUE;
    }
  return g_shell_parse_argv (text, NULL, args, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *kiosk_args = g_strdup ("--kiosk --rotate 0");
  g_autofree char *baseline_args = NULL;
  int rounds = 3;
  Bench bench = { NULL, NULL, NULL, 60, 10, 60 };
  GOptionEntry entries[] = {
    { "sitroom", 0, 0, G_OPTION_ARG_FILENAME, &bench.exe, "The application (default $SITROOM_EXE)", "EXE" },
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &bench.document, "The situation document to show (required)", "FILE" },
    { "seconds", 's', 0, G_OPTION_ARG_INT, &bench.seconds, "Seconds measured per case and round (default 60)", "S" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Rounds, each measuring both cases (default 3)", "N" },
    { "settle", 0, 0, G_OPTION_ARG_INT, &bench.settle, "Seconds to wait after start before looking (default 10)", "S" },
    { "settle-max", 0, 0, G_OPTION_ARG_INT, &bench.settle_max, "Further seconds to wait for quiet (default 60)", "S" },
    { "kiosk-args", 0, 0, G_OPTION_ARG_STRING, &kiosk_args, "The measured case's options (default \"--kiosk --rotate 0\")", "ARGS" },
    { "baseline-args", 0, 0, G_OPTION_ARG_STRING, &baseline_args, "The baseline's options (default none: the ordinary window)", "ARGS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure the wall display's CPU use while idle");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kiosk_argv = NULL;
  g_auto(GStrv) baseline_argv = NULL;
  Case cases[2] = { { "kiosk", NULL, NULL, NULL }, { "baseline", NULL, NULL, NULL } };
  double kiosk_median, baseline_median;
  int status = 0;

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !parse_args (kiosk_args, &kiosk_argv, &error) ||
      !parse_args (baseline_args, &baseline_argv, &error))
    {
      g_printerr ("bench-kiosk-idle: %s\n", error->message);
      return 2;
    }
  if (bench.exe == NULL)
    bench.exe = g_strdup (g_getenv ("SITROOM_EXE"));
  if (bench.exe == NULL || bench.document == NULL || argc != 1 || rounds < 1 ||
      bench.seconds < 1 || bench.settle < 0 || bench.settle_max < 0)
    {
      g_printerr ("Usage: bench-kiosk-idle --document FILE [--sitroom EXE] [--seconds S] [--rounds N]\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-kiosk-idle: no display: run under xvfb-run (see bench/run-kiosk-benchmarks.sh)\n");
      return 2;
    }

  bench.home = g_dir_make_tmp ("sitroom-kiosk-idle-XXXXXX", &error);
  if (bench.home == NULL)
    {
      g_printerr ("bench-kiosk-idle: %s\n", error->message);
      return 1;
    }
  cases[0].args = kiosk_argv;
  cases[1].args = baseline_argv;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cases[i].percent = g_array_new (FALSE, FALSE, sizeof (double));
      cases[i].switches = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (int round = 1; round <= rounds && status == 0; round++)
    {
      g_printerr ("round %d of %d (%d s each):\n", round, rounds, bench.seconds);
      for (guint i = 0; i < G_N_ELEMENTS (cases) && status == 0; i++)
        if (!run_case (&bench, &cases[i], &error))
          {
            g_printerr ("bench-kiosk-idle: %s: %s\n", cases[i].name, error->message);
            status = 1;
          }
    }

  if (status == 0)
    {
      kiosk_median = median (cases[0].percent);
      baseline_median = median (cases[1].percent);
      g_print ("seconds: %d\n", bench.seconds);
      g_print ("rounds: %d\n", rounds);
      g_print ("kiosk_args: %s\n", kiosk_args);
      g_print ("baseline_args: %s\n", baseline_args != NULL && *baseline_args != '\0' ? baseline_args : "(none)");
      g_print ("kiosk_median_percent: %.3f\n", kiosk_median);
      g_print ("kiosk_max_percent: %.3f\n", bench_percentile ((const double *) cases[0].percent->data, rounds, 1.0));
      g_print ("baseline_median_percent: %.3f\n", baseline_median);
      /* A baseline that used no measurable time leaves no ratio. */
      if (baseline_median > 0)
        g_print ("ratio: %.2f\n", kiosk_median / baseline_median);
      else
        g_print ("ratio: n/a\n");
      g_print ("kiosk_switches_per_second: %.1f\n", median (cases[0].switches));
      g_print ("baseline_switches_per_second: %.1f\n", median (cases[1].switches));
      g_print ("clock_ticks_per_second: %ld\n", sysconf (_SC_CLK_TCK));
      /* One clock tick over the window: a figure of 0 means less than this. */
      g_print ("resolution_percent: %.3f\n", ticks_to_percent (1, (gint64) bench.seconds * G_USEC_PER_SEC));
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_array_unref (cases[i].percent);
      g_array_unref (cases[i].switches);
    }
  bench_process_remove_tree (bench.home);
  g_free (bench.home);
  g_free (bench.exe);
  g_free (bench.document);
  return status;
}
