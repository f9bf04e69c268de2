/* Times the briefing pack written as a PDF, for the demo and for 100 000 synthetic cases, against one page of the map written alike in the same run. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "bench-stats.h"
#include "sitroom-map-render.h"
#include "sitroom-pack-render.h"
#include "sitroom-source.h"

#define MAP_FURNITURE (SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_CREDITS)

/* The document sitroom-gen (beside this program, or --gen) writes for
 * @cases cases, seed 1. */
static GBytes *
generate (const char  *gen,
          int          cases,
          GError     **error)
{
  g_autofree char *cases_arg = g_strdup_printf ("%d", cases);
  const char *argv[] = { gen, "--cases", cases_arg, "--seed", "1", NULL };
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_free (out);
      return NULL;
    }
  return g_bytes_new_take (out, strlen (out));
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The baseline: the map alone on one A4 page, with its legend, scale and
 * credits, drawn by the same renderer as the pack's map page and written
 * to a file the same way. */
static void
write_map_page (SitroomView       *view,
                SitroomBoundaries *boundaries,
                const char        *path)
{
  g_autoptr(SitroomMapRenderer) renderer = sitroom_map_renderer_new ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  SitroomMapOptions options = {
    .metric = SITROOM_METRIC_POSITIVES,
    .style = SITROOM_STYLE_LIGHT,
    .lang = "zh",
    .selected_region = -1,
    .hover_region = -1,
    .selected_chain = -1,
    .text_scale = 0.72,
    .furniture = MAP_FURNITURE,
  };
  SitroomMapViewport viewport;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, SITROOM_PACK_PAGE_WIDTH,
                                                 SITROOM_PACK_PAGE_HEIGHT);
  cr = cairo_create (surface);
  sitroom_map_viewport_fit (boundaries, SITROOM_PACK_PAGE_WIDTH, SITROOM_PACK_PAGE_HEIGHT, 40, 2, 14, &viewport);
  sitroom_map_renderer_set_data (renderer, view, boundaries);
  sitroom_map_renderer_set_options (renderer, &options);
  sitroom_map_renderer_draw (renderer, cr, &viewport);
  sitroom_map_renderer_draw_furniture (renderer, cr, &viewport, MAP_FURNITURE);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
    g_error ("bench-pack: %s", error->message);
}

typedef struct {
  double pack_ms;       /* laying the pages out */
  double pdf_ms;        /* the pack made and written */
  double map_ms;        /* the baseline */
  guint n_pages;
  gsize bytes;
} Round;

static void
time_case (const char        *label,
           SitroomSituation  *situation,
           double             load_ms,
           const char        *dir,
           int                rounds)
{
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  SitroomBoundaries *boundaries = sitroom_boundaries_get_builtin ();
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *map = g_build_filename (dir, "map.pdf", NULL);
  g_autofree double *pack_ms = g_new (double, rounds);
  g_autofree double *pdf_ms = g_new (double, rounds);
  g_autofree double *map_ms = g_new (double, rounds);
  SitroomPackOptions options = { .lang = "zh", .source = "bench", .generated_at = 0 };
  guint n_pages = 0;
  GStatBuf st;

  /* Baseline and pack alternate, so that a slow stretch of a shared
   * machine falls on both. */
  for (int r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      SitroomPack *pack;
      gint64 t0, t1, t2;

      t0 = g_get_monotonic_time ();
      write_map_page (view, boundaries, map);
      t1 = g_get_monotonic_time ();
      map_ms[r] = (t1 - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      pack = sitroom_pack_new (view, boundaries, &options);
      t1 = g_get_monotonic_time ();
      if (!sitroom_pack_write_pdf (pack, pdf, &error))
        g_error ("bench-pack: %s", error->message);
      t2 = g_get_monotonic_time ();
      n_pages = sitroom_pack_get_n_pages (pack);
      sitroom_pack_free (pack);
      pack_ms[r] = (t1 - t0) / 1000.0;
      pdf_ms[r] = (t2 - t0) / 1000.0;
    }

  g_stat (pdf, &st);
  g_print ("| %s | %u | %u | %.0f | %.1f | %.0f | %.0f | %.0f | %.0f | %.1f |\n", label,
           sitroom_situation_get_n_cases (situation), n_pages, st.st_size / 1024.0, load_ms,
           bench_percentile (pack_ms, rounds, 0.5), bench_percentile (pdf_ms, rounds, 0.5),
           bench_percentile (pdf_ms, rounds, 1.0), bench_percentile (map_ms, rounds, 0.5),
           bench_percentile (pdf_ms, rounds, 0.5) / bench_percentile (map_ms, rounds, 0.5));
  g_unlink (pdf);
  g_unlink (map);
}

static SitroomSituation *
load (GBytes *document,
      double *load_ms)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  SitroomSituation *situation = sitroom_situation_new_from_bytes (document, NULL, NULL, &error);

  if (situation == NULL)
    g_error ("bench-pack: the document did not load: %s", error->message);
  *load_ms = (g_get_monotonic_time () - t0) / 1000.0;
  return situation;
}

int
main (int   argc,
      char *argv[])
{
  int rounds = 7;
  int cases = 100000;
  g_autofree char *gen = NULL;
  GOptionEntry entries[] = {
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Timed rounds per case (default 7)", "N" },
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, "Cases of the synthetic document (default 100000)", "N" },
    { "gen", 0, 0, G_OPTION_ARG_FILENAME, &gen, "sitroom-gen (default: beside this program)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the briefing pack's PDF");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) demo = NULL;
  g_autoptr(GBytes) synthetic = NULL;
  g_autoptr(SitroomSituation) demo_situation = NULL;
  g_autoptr(SitroomSituation) synthetic_situation = NULL;
  g_autofree char *dir = NULL;
  double load_ms;

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-pack: %s\n", error->message);
      return 2;
    }
  if (rounds < 1 || cases < 0)
    {
      g_printerr ("Usage: bench-pack [--rounds N] [--cases N] [--gen PATH]\n");
      return 2;
    }
  if (gen == NULL)
    {
      g_autofree char *here = g_path_get_dirname (argv[0]);

      gen = g_build_filename (here, "sitroom-gen", NULL);
    }

  dir = g_dir_make_tmp ("sitroom-bench-pack-XXXXXX", &error);
  demo = sitroom_source_read (NULL, 0, &error);
  if (dir == NULL || demo == NULL)
    {
      g_printerr ("bench-pack: %s\n", error->message);
      return 1;
    }
  synthetic = generate (gen, cases, &error);
  if (synthetic == NULL)
    {
      g_printerr ("bench-pack: %s: %s\n", gen, error->message);
      return 1;
    }

  g_print ("| document | cases | pages | PDF KiB | load ms | layout ms | pack to PDF, median ms | max ms | map page alone, median ms | pack / map page |\n");
  g_print ("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  demo_situation = load (demo, &load_ms);
  time_case ("demo", demo_situation, load_ms, dir, rounds);
  synthetic_situation = load (synthetic, &load_ms);
  time_case ("synthetic", synthetic_situation, load_ms, dir, rounds);

  g_rmdir (dir);
  return 0;
}
