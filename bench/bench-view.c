/* Times building the figures of a situation at several cutoffs, with and without a filter. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib.h>

#include "sitroom-view.h"

#define DAY (24 * 3600)

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values, int n)
{
  qsort (values, (size_t) n, sizeof *values, compare_double);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/* The prefecture and the chain with the most cases: the filters a person is most
 * likely to pick, and the ones that leave the most work behind the filter. */
static void
pick_filters (SitroomSituation *situation, int *prefecture, int *chain)
{
  g_autoptr(SitroomView) all = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  guint best = 0;

  *prefecture = -1;
  *chain = -1;
  for (guint i = 0; i < sitroom_view_get_n_prefectures (all); i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (all, i);

      if (*prefecture < 0 || row->counts.positives > best)
        {
          *prefecture = row->region;
          best = row->counts.positives;
        }
    }

  best = 0;
  for (guint i = 0; i < sitroom_view_get_n_chains (all); i++)
    {
      const SitroomChainFigures *row = sitroom_view_get_chain (all, i);

      if (*chain < 0 || row->counts.positives > best)
        {
          *chain = row->chain;
          best = row->counts.positives;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  static const int cutoff_days[] = { 0, 7, 30 };
  int runs = 7;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed views of each kind (default 7)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE - time building views of a situation");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  g_autofree double *ms = NULL;
  char *contents = NULL;
  gsize length = 0;
  gint64 as_of;
  int filters[3][2];
  double worst = 0.0;

  /* Messages from the core are UTF-8; print them in the terminal's charset. The
   * figures stay in the C locale's notation for the script that reads them. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-view: %s\n", error->message);
      return 2;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL || runs < 1)
    {
      g_printerr ("Usage: bench-view [--runs N] FILE\n");
      return 2;
    }

  if (!g_file_get_contents (files[0], &contents, &length, &error))
    {
      g_printerr ("bench-view: %s\n", error->message);
      return 1;
    }
  bytes = g_bytes_new_take (contents, length);
  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  if (situation == NULL)
    {
      g_printerr ("bench-view: the document was refused: %s\n", error->message);
      return 1;
    }

  as_of = sitroom_situation_get_as_of (situation);
  filters[0][0] = -1;
  filters[0][1] = -1;
  pick_filters (situation, &filters[1][0], &filters[2][1]);
  filters[1][1] = -1;
  filters[2][0] = -1;

  ms = g_new (double, runs);
  g_print ("| cutoff | filter | positives | median ms | min ms |\n");
  g_print ("| --- | --- | ---: | ---: | ---: |\n");
  for (guint c = 0; c < G_N_ELEMENTS (cutoff_days); c++)
    {
      gint64 cutoff = as_of - (gint64) cutoff_days[c] * DAY;

      for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
        {
          int prefecture = filters[f][0];
          int chain = filters[f][1];
          guint positives = 0;
          g_autofree char *cutoff_label = NULL;
          g_autofree char *filter_label = NULL;
          double med, min;

          if (f == 1 && prefecture < 0)
            continue;
          if (f == 2 && chain < 0)
            continue;

          for (int i = 0; i < runs; i++)
            {
              gint64 start = g_get_monotonic_time ();
              SitroomView *view = sitroom_view_new (situation, cutoff, prefecture, chain);

              ms[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
              positives = sitroom_view_get_totals (view)->positives;
              g_object_unref (view);
            }
          med = median (ms, runs);
          min = ms[0];
          worst = MAX (worst, med);

          cutoff_label = cutoff_days[c] == 0 ? g_strdup ("as_of") : g_strdup_printf ("as_of - %d d", cutoff_days[c]);
          if (prefecture >= 0)
            filter_label = g_strdup_printf ("prefecture %s", sitroom_situation_get_region (situation, prefecture)->code);
          else if (chain >= 0)
            filter_label = g_strdup_printf ("chain %s", sitroom_situation_get_chain (situation, chain)->id);
          else
            filter_label = g_strdup ("none");

          g_print ("| %s | %s | %u | %.3f | %.3f |\n", cutoff_label, filter_label, positives, med, min);
        }
    }
  g_print ("worst_median_ms: %.3f\n", worst);

  return 0;
}
