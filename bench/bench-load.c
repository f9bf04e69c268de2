/* Times reading a situation document (parse, validate, index) from memory, and its peak memory. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib.h>

#include "sitroom-situation.h"

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;   /* KiB on Linux */
}

static SitroomSituation *
load (GBytes *bytes, guint *n_warnings)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation;

  situation = sitroom_situation_new_from_bytes (bytes, NULL, &problems, &error);
  if (situation == NULL)
    {
      g_printerr ("bench-load: the document was refused: %s\n", error->message);
      exit (1);
    }
  if (n_warnings != NULL)
    *n_warnings = problems != NULL ? problems->len : 0;
  return situation;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 7;
  gboolean once = FALSE;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed loads (default 7)", "N" },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once,
      "Load once and print this process's peak resident memory, so that the peak belongs to one load", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE - time loading a situation document");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree double *ms = NULL;
  char *contents = NULL;
  gsize length = 0;
  guint n_warnings = 0;

  /* Messages from the core are UTF-8; print them in the terminal's charset. The
   * figures stay in the C locale's notation for the script that reads them. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-load: %s\n", error->message);
      return 2;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL || runs < 1)
    {
      g_printerr ("Usage: bench-load [--runs N | --once] FILE\n");
      return 2;
    }

  if (!g_file_get_contents (files[0], &contents, &length, &error))
    {
      g_printerr ("bench-load: %s\n", error->message);
      return 1;
    }
  bytes = g_bytes_new_take (contents, length);

  if (once)
    {
      g_autoptr(SitroomSituation) situation = load (bytes, &n_warnings);

      g_print ("cases: %u\n", sitroom_situation_get_n_cases (situation));
      g_print ("problems: %u\n", n_warnings);
      g_print ("file_bytes: %" G_GSIZE_FORMAT "\n", length);
      g_print ("peak_rss_kib: %ld\n", peak_rss_kib ());
      return 0;
    }

  ms = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      SitroomSituation *situation = load (bytes, &n_warnings);

      ms[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
      /* The release of the situation is not part of a load. */
      g_object_unref (situation);
    }
  qsort (ms, (size_t) runs, sizeof *ms, compare_double);

  g_print ("file: %s\n", files[0]);
  g_print ("file_bytes: %" G_GSIZE_FORMAT "\n", length);
  g_print ("problems: %u\n", n_warnings);
  g_print ("runs: %d\n", runs);
  g_print ("median_ms: %.2f\n", runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2.0);
  g_print ("min_ms: %.2f\n", ms[0]);
  g_print ("max_ms: %.2f\n", ms[runs - 1]);
  g_print ("peak_rss_kib: %ld\n", peak_rss_kib ());

  return 0;
}
