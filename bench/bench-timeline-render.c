/* Times the timeline renderer's frames on 200 chains of 500 events and 100 000 cases: panning, zoomed out, scrolling, scrubbing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "bench-stats.h"
#include "sitroom-timeline-render-private.h"

#define DAY (24 * 3600)

typedef struct {
  SitroomTimelineRenderer *renderer;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;
  double height;
  int frames;
} Bench;

/* The document: FILE if given, else what sitroom-gen (beside this
 * program, or --gen) writes for the sizes asked. */
static GBytes *
read_document (const char  *file,
               const char  *gen,
               int          chains,
               int          events,
               int          cases,
               GError     **error)
{
  g_autofree char *chains_arg = g_strdup_printf ("%d", chains);
  g_autofree char *events_arg = g_strdup_printf ("%d", events);
  g_autofree char *cases_arg = g_strdup_printf ("%d", cases);
  const char *argv[] = { gen, "--chains", chains_arg, "--events", events_arg, "--cases", cases_arg,
                         "--seed", "1", NULL };
  char *out = NULL;
  gsize length = 0;
  int status;

  if (file != NULL)
    {
      if (!g_file_get_contents (file, &out, &length, error))
        return NULL;
      return g_bytes_new_take (out, length);
    }
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

static double
frame (Bench                         *bench,
       const SitroomTimelineViewport *viewport)
{
  gint64 t0 = g_get_monotonic_time ();

  sitroom_timeline_renderer_draw (bench->renderer, bench->cr, viewport);
  cairo_surface_flush (bench->surface);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static guint
visible_lanes (Bench                         *bench,
               const SitroomTimelineViewport *viewport)
{
  double lane_h = sitroom_timeline_renderer_get_lane_height (bench->renderer);
  double axis_h = sitroom_timeline_renderer_get_axis_height (bench->renderer);

  return (guint) (ceil ((viewport->scroll_y + viewport->height - axis_h) / lane_h) -
                  floor (viewport->scroll_y / lane_h));
}

static void
report (const char *label,
        guint       lanes,
        double     *ms,
        int         n,
        double      first)
{
  g_print ("| %s | %u | %.2f | %.2f | %.2f | %.2f |\n", label, lanes,
           bench_percentile (ms, n, 0.5), bench_percentile (ms, n, 0.95), bench_percentile (ms, n, 1.0), first);
}

/* The window @span wide, panned from the story's start to its end and
 * back, a step each frame; @scroll moves down the lanes as it goes. */
static void
run_pan (Bench      *bench,
         const char *label,
         gint64      span,
         gboolean    scroll)
{
  SitroomTimelineViewport viewport = { 0, 0, bench->width, bench->height, 0 };
  g_autofree double *ms = g_new (double, bench->frames);
  double content = sitroom_timeline_renderer_get_content_height (bench->renderer);
  double axis_h = sitroom_timeline_renderer_get_axis_height (bench->renderer);
  double room = MAX (content - (bench->height - axis_h), 0);
  gint64 start, end, travel;
  double first;

  sitroom_timeline_renderer_get_extent (bench->renderer, &start, &end);
  span = span > 0 ? MIN (span, end - start) : end - start;
  travel = end - start - span;
  viewport.start = start;
  viewport.end = start + span;
  first = frame (bench, &viewport);
  for (int i = 0; i < bench->frames; i++)
    {
      double there = 1 - fabs (1 - fmod (2.0 * i / bench->frames, 2.0));

      viewport.start = start + (gint64) (travel * there);
      viewport.end = viewport.start + span;
      if (scroll)
        viewport.scroll_y = round (room * there);
      ms[i] = frame (bench, &viewport);
    }
  report (label, visible_lanes (bench, &viewport), ms, bench->frames, first);
}

/* Dragging the cutoff: each step a new view of the same situation handed
 * over, and a frame, as the window does while scrubbing. The view itself
 * is the core's cost and is timed apart. */
static void
run_scrub (Bench            *bench,
           SitroomSituation *situation,
           double           *view_median)
{
  SitroomTimelineViewport viewport = { 0, 0, bench->width, bench->height, 0 };
  g_autofree double *ms = g_new (double, bench->frames);
  g_autofree double *view_ms = g_new (double, bench->frames);
  gint64 as_of = sitroom_situation_get_as_of (situation);

  sitroom_timeline_renderer_get_extent (bench->renderer, &viewport.start, &viewport.end);
  for (int i = 0; i < bench->frames; i++)
    {
      gint64 cutoff = as_of - (gint64) (i % 100) * DAY / 4;
      gint64 t0 = g_get_monotonic_time (), t1;
      g_autoptr(SitroomView) view = sitroom_view_new (situation, cutoff, -1, -1);

      t1 = g_get_monotonic_time ();
      sitroom_timeline_renderer_set_data (bench->renderer, view);
      sitroom_timeline_renderer_draw (bench->renderer, bench->cr, &viewport);
      cairo_surface_flush (bench->surface);
      ms[i] = (g_get_monotonic_time () - t1) / 1000.0;
      view_ms[i] = (t1 - t0) / 1000.0;
    }
  report ("scrubbing the cutoff: set_data (a new view) and a frame, whole story", visible_lanes (bench, &viewport),
          ms, bench->frames, 0);
  *view_median = bench_percentile (view_ms, bench->frames, 0.5);
}

static void
run_empty (Bench *bench)
{
  g_autofree double *ms = g_new (double, bench->frames);

  for (int i = 0; i < bench->frames; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      cairo_set_source_rgb (bench->cr, 0.96, 0.96, 0.96);
      cairo_paint (bench->cr);
      cairo_surface_flush (bench->surface);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  report ("an empty frame (paint only), for scale", 0, ms, bench->frames, 0);
}

int
main (int   argc,
      char *argv[])
{
  int frames = 200, chains = 200, events = 500, cases = 100000;
  int width = 1920, height = 1080;
  g_autofree char *gen = NULL;
  GOptionEntry entries[] = {
    { "frames", 'n', 0, G_OPTION_ARG_INT, &frames, "Timed frames per case (default 200)", "N" },
    { "chains", 0, 0, G_OPTION_ARG_INT, &chains, "Chains to generate (default 200)", "N" },
    { "events", 0, 0, G_OPTION_ARG_INT, &events, "Events per chain (default 500)", "N" },
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, "Cases (default 100000)", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Drawing width (default 1920)", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Drawing height (default 1080)", "PX" },
    { "gen", 0, 0, G_OPTION_ARG_FILENAME, &gen, "The generator (default: sitroom-gen beside this program)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE] - time the timeline's frames");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(SitroomTimelineRenderer) renderer = NULL;
  SitroomTimelineOptions options = {
    .style = SITROOM_STYLE_LIGHT,
    .lang = "zh",
    .selected_chain = 0,
    .close_days = 14,
    .text_scale = 1,
  };
  Bench bench;
  gint64 t0, index_us;
  double view_ms;

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-timeline-render: %s\n", error->message);
      return 2;
    }
  if (argc > 2 || frames < 1 || chains < 1 || events < 0 || cases < 0 || width < 400 || height < 200)
    {
      g_printerr ("Usage: bench-timeline-render [--frames N] [--chains N] [--events N] [--cases N]"
                  " [--width PX] [--height PX] [--gen PATH] [FILE]\n");
      return 2;
    }
  if (gen == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (argv[0]);

      gen = g_build_filename (dir, "sitroom-gen", NULL);
    }

  document = read_document (argc == 2 ? argv[1] : NULL, gen, chains, events, cases, &error);
  if (document != NULL)
    situation = sitroom_situation_new_from_bytes (document, NULL, NULL, &error);
  if (situation == NULL)
    {
      g_printerr ("bench-timeline-render: no document: %s\n", error->message);
      return 1;
    }
  view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);

  renderer = sitroom_timeline_renderer_new ();
  t0 = g_get_monotonic_time ();
  sitroom_timeline_renderer_set_data (renderer, view);
  index_us = g_get_monotonic_time () - t0;
  sitroom_timeline_renderer_set_options (renderer, &options);

  bench.renderer = renderer;
  bench.width = width;
  bench.height = height;
  bench.frames = frames;
  bench.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  bench.cr = cairo_create (bench.surface);

  g_print ("%u chains, %u events, %u cases; %d×%d, %d frames a case; lanes of %.0f px, the biggest chains on top\n\n",
           sitroom_situation_get_n_chains (situation), chains * events, sitroom_situation_get_n_cases (situation),
           width, height, frames, sitroom_timeline_renderer_get_lane_height (renderer));
  g_print ("indexing the situation (set_data, first view): %.1f ms\n\n", index_us / 1000.0);
  g_print ("| frame: background, axis, visible lanes, cutoff | lanes | median ms | p95 ms | max ms | first ms |\n");
  g_print ("| --- | ---: | ---: | ---: | ---: | ---: |\n");
  run_pan (&bench, "whole story (every case in view), panning nowhere", 0, FALSE);
  run_pan (&bench, "two weeks, panning", 14 * DAY, FALSE);
  run_pan (&bench, "one day, panning", DAY, FALSE);
  run_pan (&bench, "two weeks, panning and scrolling through all lanes", 14 * DAY, TRUE);
  run_scrub (&bench, situation, &view_ms);
  run_empty (&bench);
  g_print ("\nA new view at each step of the scrub (sitroom_view_new, the core's): median %.2f ms\n", view_ms);

  cairo_destroy (bench.cr);
  cairo_surface_destroy (bench.surface);
  return 0;
}
