/* Times the map renderer's frames while panning: the built-in outlines, and synthetic ones with many vertices. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "bench-stats.h"
#include "sitroom-geo.h"
#include "sitroom-map-render-private.h"
#include "sitroom-source.h"

/* What the screen draws over the map every frame. */
#define FURNITURE (SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_CREDITS)
/* Frames each at a slightly different zoom, as a zoom animation draws. */
#define ZOOM_FRAMES 5

/* Jittered circles in a grid over the drawing, each prefecture's code on
 * some of them: every point a zigzag ±1.5 px off its circle, so that
 * consecutive points stay well over 0.3 px apart and nothing is dropped
 * by the simplification. The worst case for the rasterizer. */
static GBytes *
jittered_circles (SitroomBoundaries        *builtin,
                  const SitroomMapViewport *viewport,
                  guint                     n_vertices)
{
  const guint cols = 11, rows = 9;
  guint n_codes = sitroom_boundaries_get_n (builtin);
  guint per_circle = MAX (n_vertices / (cols * rows), 8);
  double cell_w = viewport->width / cols, cell_h = viewport->height / rows;
  double radius = MIN (cell_w, cell_h) * 0.45;
  GString *out = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [");
  GRand *rand = g_rand_new_with_seed (42);

  for (guint code = 0; code < n_codes; code++)
    {
      gboolean first_polygon = TRUE;

      g_string_append_printf (out, "%s{\"type\": \"Feature\", \"properties\": {\"adcode\": \"%s\"},"
                              " \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [",
                              code > 0 ? "," : "", sitroom_boundaries_get (builtin, code)->code);
      for (guint cell = code; cell < cols * rows; cell += n_codes)
        {
          double cx = viewport->center_x - viewport->width / 2 + (cell % cols + 0.5) * cell_w;
          double cy = viewport->center_y - viewport->height / 2 + (cell / cols + 0.5) * cell_h;

          g_string_append_printf (out, "%s[[", first_polygon ? "" : ",");
          first_polygon = FALSE;
          for (guint i = 0; i <= per_circle; i++)
            {
              double a = 2 * G_PI * (i % per_circle) / per_circle;
              double r = radius + ((i % per_circle) % 2 == 0 ? 1.5 : -1.5) + g_rand_double_range (rand, -0.2, 0.2);
              double lon, lat;

              sitroom_geo_unproject (cx + r * cos (a), cy + r * sin (a), viewport->zoom, &lon, &lat);
              g_string_append_printf (out, "%s[%.7f, %.7f]", i > 0 ? "," : "", lon, lat);
            }
          g_string_append (out, "]]");
        }
      g_string_append (out, "]}}");
    }
  g_string_append (out, "]}");
  g_rand_free (rand);
  return g_string_free_to_bytes (out);
}

/* The built-in outlines with every edge cut into pieces, each new point
 * nudged off the line by up to 50 m: as detailed as an operator's survey
 * file, of which the simplification keeps what a screen can show. */
static GBytes *
subdivided_builtin (SitroomBoundaries *builtin,
                    guint              n_vertices)
{
  guint factor = MAX (n_vertices / MAX (sitroom_boundaries_get_n_points (builtin), 1), 1);
  GString *out = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [");
  GRand *rand = g_rand_new_with_seed (7);

  for (guint f = 0; f < sitroom_boundaries_get_n (builtin); f++)
    {
      const SitroomBoundary *boundary = sitroom_boundaries_get (builtin, f);

      g_string_append_printf (out, "%s{\"type\": \"Feature\", \"properties\": {\"adcode\": \"%s\"},"
                              " \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [",
                              f > 0 ? "," : "", boundary->code);
      for (guint p = 0; p < boundary->n_polygons; p++)
        {
          const SitroomPolygon *polygon = &boundary->polygons[p];
          const double *points = polygon->points;

          g_string_append (out, p > 0 ? ",[" : "[");
          for (guint r = 0; r < polygon->n_rings; r++)
            {
              guint n = polygon->ring_lengths[r];

              g_string_append (out, r > 0 ? ",[" : "[");
              for (guint i = 0; i < n; i++)
                for (guint k = 0; k < factor; k++)
                  {
                    const double *a = points + 2 * i, *b = points + 2 * ((i + 1) % n);
                    double t = (double) k / factor;
                    double jitter = k == 0 ? 0 : g_rand_double_range (rand, -0.0005, 0.0005);

                    g_string_append_printf (out, "%s[%.7f, %.7f]", i + k > 0 ? "," : "",
                                            a[0] + t * (b[0] - a[0]) + jitter,
                                            a[1] + t * (b[1] - a[1]) - jitter);
                  }
              g_string_append_printf (out, ",[%.7f, %.7f]]", points[0], points[1]);
              points += 2 * n;
            }
          g_string_append (out, "]");
        }
      g_string_append (out, "]}}");
    }
  g_string_append (out, "]}");
  g_rand_free (rand);
  return g_string_free_to_bytes (out);
}

/* The first frame, a few zoom steps, then @frames frames panning, the
 * centre moving a few pixels each time as a drag does. */
static void
run (const char         *label,
     SitroomView        *view,
     SitroomBoundaries  *boundaries,
     const SitroomMapViewport *start,
     int                 frames)
{
  g_autoptr(SitroomMapRenderer) renderer = sitroom_map_renderer_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) start->width,
                                                         (int) start->height);
  cairo_t *cr = cairo_create (surface);
  SitroomMapOptions options = {
    .metric = SITROOM_METRIC_POSITIVES,
    .style = SITROOM_STYLE_LIGHT,
    .lang = "zh",
    .selected_region = sitroom_situation_lookup_region (sitroom_view_get_situation (view), "140500"),
    .hover_region = sitroom_situation_lookup_region (sitroom_view_get_situation (view), "140100"),
    .selected_chain = 0,
    .text_scale = 1,
    .furniture = FURNITURE,
  };
  g_autofree double *draw_ms = g_new (double, frames);
  g_autofree double *frame_ms = g_new (double, frames);
  SitroomMapViewport viewport = *start;
  guint kept;

  g_autofree double *zoom_ms = g_new (double, ZOOM_FRAMES);
  gint64 cold;

  sitroom_map_renderer_set_data (renderer, view, boundaries);
  sitroom_map_renderer_set_options (renderer, &options);
  cold = g_get_monotonic_time ();
  sitroom_map_renderer_draw (renderer, cr, &viewport);
  sitroom_map_renderer_draw_furniture (renderer, cr, &viewport, FURNITURE);
  cold = g_get_monotonic_time () - cold;

  /* A zoom step: the rings simplified again and the base drawn again. */
  for (int i = 0; i < ZOOM_FRAMES; i++)
    {
      SitroomMapViewport zoomed = *start;
      double factor = exp2 ((i + 1) * 0.01);
      gint64 t0;

      zoomed.zoom += (i + 1) * 0.01;
      zoomed.center_x *= factor;
      zoomed.center_y *= factor;
      t0 = g_get_monotonic_time ();
      sitroom_map_renderer_draw (renderer, cr, &zoomed);
      sitroom_map_renderer_draw_furniture (renderer, cr, &zoomed, FURNITURE);
      zoom_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  sitroom_map_renderer_draw (renderer, cr, &viewport);

  for (int i = 0; i < frames; i++)
    {
      gint64 t0, t1, t2;

      /* A drag back and forth, 6 px a frame across and 4 down: past the
       * kept base's margin now and then, as a real drag goes. */
      double there = 1 - fabs (1 - fmod (i / 100.0, 2.0));

      viewport.center_x = start->center_x - 300 + 600 * there;
      viewport.center_y = start->center_y - 200 + 400 * there;
      t0 = g_get_monotonic_time ();
      sitroom_map_renderer_draw (renderer, cr, &viewport);
      t1 = g_get_monotonic_time ();
      sitroom_map_renderer_draw_furniture (renderer, cr, &viewport, FURNITURE);
      cairo_surface_flush (surface);
      t2 = g_get_monotonic_time ();
      draw_ms[i] = (t1 - t0) / 1000.0;
      frame_ms[i] = (t2 - t0) / 1000.0;
    }

  kept = renderer->zoom_points->len / 2;
  g_print ("| %s | %u | %u | %.2f | %.2f | %.1f | %.2f | %.2f | %.1f | %.1f | %u |\n", label,
           sitroom_boundaries_get_n_points (boundaries), kept,
           bench_percentile (draw_ms, frames, 0.5), bench_percentile (draw_ms, frames, 0.95),
           bench_percentile (draw_ms, frames, 1.0),
           bench_percentile (frame_ms, frames, 0.5), bench_percentile (frame_ms, frames, 0.95),
           cold / 1000.0, bench_percentile (zoom_ms, ZOOM_FRAMES, 0.5),
           renderer->n_base_renders - (ZOOM_FRAMES + 2));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int frames = 200;
  int vertices = 100000;
  int width = 1920;
  int height = 1080;
  GOptionEntry entries[] = {
    { "frames", 'n', 0, G_OPTION_ARG_INT, &frames, "Timed frames per case (default 200)", "N" },
    { "vertices", 'v', 0, G_OPTION_ARG_INT, &vertices, "Vertices of the synthetic outlines (default 100000)", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Drawing width (default 1920)", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Drawing height (default 1080)", "PX" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the map's frames while panning");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(GBytes) circles = NULL;
  g_autoptr(GBytes) detailed = NULL;
  g_autoptr(SitroomBoundaries) synthetic = NULL;
  g_autoptr(SitroomBoundaries) subdivided = NULL;
  SitroomBoundaries *builtin;
  SitroomMapViewport viewport;

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-map-render: %s\n", error->message);
      return 2;
    }
  if (frames < 1 || vertices < 100 || width < 100 || height < 100)
    {
      g_printerr ("Usage: bench-map-render [--frames N] [--vertices N] [--width PX] [--height PX]\n");
      return 2;
    }

  document = sitroom_source_read (NULL, 0, &error);
  if (document != NULL)
    situation = sitroom_situation_new_from_bytes (document, NULL, NULL, &error);
  if (situation == NULL)
    {
      g_printerr ("bench-map-render: the demo did not load: %s\n", error->message);
      return 1;
    }
  view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  builtin = sitroom_boundaries_get_builtin ();
  sitroom_map_viewport_fit (builtin, width, height, 40, 4, 12, &viewport);

  circles = jittered_circles (builtin, &viewport, (guint) vertices);
  synthetic = sitroom_boundaries_new_from_bytes (circles, "jittered circles", &error);
  if (synthetic == NULL)
    {
      g_printerr ("bench-map-render: %s\n", error->message);
      return 1;
    }
  detailed = subdivided_builtin (builtin, (guint) vertices);
  subdivided = sitroom_boundaries_new_from_bytes (detailed, "subdivided outlines", &error);
  if (subdivided == NULL)
    {
      g_printerr ("bench-map-render: %s\n", error->message);
      return 1;
    }

  g_print ("%d×%d, zoom %.2f, %d frames panning; the Z22 chain's route, a hovered and a selected prefecture\n\n",
           width, height, viewport.zoom, frames);
  g_print ("| outlines | vertices | kept at this zoom | pan: draw() median ms | pan: draw() p95 ms"
           " | pan: draw() max ms | pan: with furniture median ms | pan: with furniture p95 ms"
           " | first frame ms | zoom step median ms | base redrawn while panning |\n");
  g_print ("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  run ("built-in", view, builtin, &viewport, frames);
  run ("jittered circles", view, synthetic, &viewport, frames);
  run ("built-in subdivided", view, subdivided, &viewport, frames);

  return 0;
}
