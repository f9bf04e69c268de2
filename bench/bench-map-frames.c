/* Times the map's frames in a real window while panning: libshumate with tiles alone, then with the map layer of ours on top. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "bench-frames.h"
#include "bench-stats.h"
#include "sitroom-geo.h"
#include "sitroom-map-layer.h"
#include "sitroom-map-tiles.h"
#include "sitroom-mbtiles-source.h"
#include "sitroom-source.h"

/*
 * One window, one ShumateMap over synthetic MBTiles tiles. Each round pans
 * the map a few pixels every frame, first with the tiles alone (the
 * baseline: the same libshumate map with no layer of ours), then with our
 * map layer visible on top, drawing every part it draws on screen: fills
 * over the tiles, borders, county marks, hatching, a chain's route, badges,
 * legend, scale and credits. A frame's time is from the end of the frame
 * clock's update phase (where the pan is made) to the end of its paint:
 * layout, the snapshot of every widget and the renderer's drawing of it
 * (GSK_RENDERER=cairo), and its upload to the display. Rounds
 * alternate, so that a busy neighbour slows both.
 */

#define TILE_MIN_ZOOM 6
#define TILE_MAX_ZOOM 9
#define PAN_ZOOM 8.0
#define PAN_PIXELS 7.0            /* per frame */
#define PAN_FRAMES_PER_LEG 120    /* then back the other way */

typedef struct {
  GtkWidget *window;
  ShumateMap *map;
  SitroomMapLayer *layer;
  GdkFrameClock *clock;
  double centre_lon;
  double centre_lat;
  guint wanted;
  BenchFrames frames;
} Bench;

static double
percentile (GArray *values,
            double  p)
{
  return bench_percentile ((const double *) values->data, values->len, p);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A tile that costs what a real one costs to draw: a gradient, a grid and
 * its own coordinates, so that no two are alike. */
static GBytes *
make_tile (int x,
           int y,
           int z)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 256, 256);
  g_autofree char *label = g_strdup_printf ("%d/%d/%d", z, x, y);
  GByteArray *png = g_byte_array_new ();

  cairo_pattern_add_color_stop_rgb (gradient, 0, 0.85 + 0.02 * (x % 5), 0.9, 0.82);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0.75, 0.82 + 0.02 * (y % 5), 0.9);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= 256; i += 32)
    {
      cairo_move_to (cr, i + 0.5, 0);
      cairo_line_to (cr, i + 0.5, 256);
      cairo_move_to (cr, 0, i + 0.5);
      cairo_line_to (cr, 256, i + 0.5);
    }
  cairo_stroke (cr);
  cairo_move_to (cr, 12, 30);
  cairo_set_font_size (cr, 18);
  cairo_show_text (cr, label);
  cairo_pattern_destroy (gradient);
  cairo_destroy (cr);

  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("bench-map-frames: %s", message);
}

/* An MBTiles file of tiles over Shanxi, zoom TILE_MIN_ZOOM to TILE_MAX_ZOOM. */
static void
write_tiles (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;
  guint n = 0;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("bench-map-frames: cannot create %s", path);
  exec_sql (db, "CREATE TABLE metadata (name TEXT, value TEXT);"
                "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
                "INSERT INTO metadata VALUES ('name', 'bench'), ('format', 'png'),"
                " ('minzoom', '6'), ('maxzoom', '9'), ('attribution', 'bench tiles');"
                "BEGIN");
  sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &insert, NULL);
  for (int z = TILE_MIN_ZOOM; z <= TILE_MAX_ZOOM; z++)
    {
      double x0, y0, x1, y1;

      /* Shanxi with a margin of a few tiles. */
      sitroom_geo_project (107.0, 43.0, z, &x0, &y0);
      sitroom_geo_project (118.0, 32.0, z, &x1, &y1);
      for (int x = (int) (x0 / 256); x <= (int) (x1 / 256); x++)
        for (int y = (int) (y0 / 256); y <= (int) (y1 / 256); y++)
          {
            g_autoptr(GBytes) png = make_tile (x, y, z);

            sqlite3_bind_int (insert, 1, z);
            sqlite3_bind_int (insert, 2, x);
            sqlite3_bind_int (insert, 3, (1 << z) - 1 - y);
            sqlite3_bind_blob (insert, 4, g_bytes_get_data (png, NULL),
                               (int) g_bytes_get_size (png), SQLITE_TRANSIENT);
            if (sqlite3_step (insert) != SQLITE_DONE)
              g_error ("bench-map-frames: %s", sqlite3_errmsg (db));
            sqlite3_reset (insert);
            n++;
          }
    }
  sqlite3_finalize (insert);
  exec_sql (db, "COMMIT");
  sqlite3_close (db);
  g_printerr ("bench-map-frames: %u tiles in %s\n", n, path);
}

/* Each frame, the centre moves PAN_PIXELS east, then back west. */
static gboolean
pan_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Bench *bench = user_data;
  ShumateViewport *viewport = shumate_map_get_viewport (bench->map);
  double x, y, lon, lat;
  guint leg = bench->frames.frame / PAN_FRAMES_PER_LEG;
  guint step = bench->frames.frame % PAN_FRAMES_PER_LEG;
  double offset = (leg % 2 == 0 ? step : PAN_FRAMES_PER_LEG - step) * PAN_PIXELS;

  sitroom_geo_project (bench->centre_lon, bench->centre_lat, PAN_ZOOM, &x, &y);
  sitroom_geo_unproject (x + offset, y + offset / 3, PAN_ZOOM, &lon, &lat);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);

  bench->frames.frame++;
  if (bench->frames.times->len >= bench->wanted)
    {
      bench->frames.measuring = FALSE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
measure (Bench    *bench,
         gboolean  ours,
         guint     frames)
{
  bench->frames.frame = 0;
  bench->wanted = frames;
  g_array_set_size (bench->frames.times, 0);
  gtk_widget_set_visible (GTK_WIDGET (bench->layer), ours);
  bench->frames.measuring = TRUE;
  gtk_widget_add_tick_callback (GTK_WIDGET (bench->map), pan_tick_cb, bench, NULL);
  while (bench->frames.measuring)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int frames = 300, rounds = 3, width = 1920, height = 1080;
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames measured per case and round (300)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Rounds, alternating the cases (3)", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width (1920)", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height (1080)", "PX" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tiles_path = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(SitroomMbtilesSource) data_source = NULL;
  g_autoptr(ShumateMapSource) reference = NULL;
  g_autoptr(ShumateRasterRenderer) tiles = NULL;
  g_autoptr(GArray) baseline_p95 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_p95 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline_median = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_median = g_array_new (FALSE, FALSE, sizeof (double));
  SitroomMapOptions options = {
    .metric = SITROOM_METRIC_POSITIVES,
    .style = SITROOM_STYLE_LIGHT,
    .lang = "zh",
    .selected_region = -1,
    .hover_region = -1,
    .selected_chain = 0,
    .tiles = TRUE,
    .text_scale = 1.0,
    .furniture = SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_CREDITS,
  };
  ShumateViewport *viewport;
  ShumateMapLayer *tile_layer;
  Bench bench = { 0 };

  setlocale (LC_ALL, "");
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-map-frames: %s\n", error->message);
      return 2;
    }
  gtk_init ();

  dir = g_dir_make_tmp ("sitroom-map-frames-XXXXXX", &error);
  g_assert_no_error (error);
  tiles_path = g_build_filename (dir, "bench.mbtiles", NULL);
  write_tiles (tiles_path);

  document = sitroom_source_read (NULL, 0, &error);
  g_assert_no_error (error);
  situation = sitroom_situation_new_from_bytes (document, NULL, NULL, &error);
  g_assert_no_error (error);
  view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);

  bench.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench.window), width, height);
  bench.map = shumate_map_new ();
  gtk_window_set_child (GTK_WINDOW (bench.window), GTK_WIDGET (bench.map));
  viewport = shumate_map_get_viewport (bench.map);
  reference = sitroom_map_tiles_new_reference ();
  shumate_viewport_set_reference_map_source (viewport, reference);

  data_source = sitroom_mbtiles_source_new (tiles_path, &error);
  g_assert_no_error (error);
  tiles = shumate_raster_renderer_new (SHUMATE_DATA_SOURCE (data_source));
  tile_layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (tiles), viewport);
  shumate_map_add_layer (bench.map, SHUMATE_LAYER (tile_layer));

  bench.layer = sitroom_map_layer_new (viewport);
  sitroom_map_layer_set_data (bench.layer, view, sitroom_boundaries_get_builtin ());
  sitroom_map_layer_set_options (bench.layer, &options);
  shumate_map_add_layer (bench.map, SHUMATE_LAYER (bench.layer));

  /* Taiyuan, with Jinzhong and Yangquan around it. */
  bench.centre_lon = 112.55;
  bench.centre_lat = 37.87;
  shumate_viewport_set_zoom_level (viewport, PAN_ZOOM);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), bench.centre_lat, bench.centre_lon);

  gtk_window_present (GTK_WINDOW (bench.window));
  bench_settle (200);
  bench.clock = gtk_widget_get_frame_clock (bench.window);
  bench_frames_attach (&bench.frames, bench.clock);
  /* Every tile loaded, and both cases drawn once, before anything counts. */
  bench_settle (2000);
  measure (&bench, TRUE, 60);
  measure (&bench, FALSE, 60);

  for (int round = 1; round <= rounds; round++)
    {
      double value;

      measure (&bench, FALSE, frames);
      value = percentile (bench.frames.times, 0.95);
      g_array_append_val (baseline_p95, value);
      value = percentile (bench.frames.times, 0.5);
      g_array_append_val (baseline_median, value);

      measure (&bench, TRUE, frames);
      value = percentile (bench.frames.times, 0.95);
      g_array_append_val (ours_p95, value);
      value = percentile (bench.frames.times, 0.5);
      g_array_append_val (ours_median, value);

      g_printerr ("  round %d: tiles only median %.2f p95 %.2f ms; with ours median %.2f p95 %.2f ms\n", round,
                  g_array_index (baseline_median, double, round - 1), g_array_index (baseline_p95, double, round - 1),
                  g_array_index (ours_median, double, round - 1), g_array_index (ours_p95, double, round - 1));
    }

  g_print ("size: %dx%d\n", width, height);
  g_print ("frames: %d x %d rounds\n", frames, rounds);
  g_print ("baseline_median_ms: %.2f\n", percentile (baseline_median, 0.5));
  g_print ("baseline_p95_ms: %.2f\n", percentile (baseline_p95, 0.5));
  g_print ("ours_median_ms: %.2f\n", percentile (ours_median, 0.5));
  g_print ("ours_p95_ms: %.2f\n", percentile (ours_p95, 0.5));
  g_print ("p95_ratio: %.2f\n", percentile (ours_p95, 0.5) / percentile (baseline_p95, 0.5));
  g_print ("layer_draws: %u\n", sitroom_map_layer_get_n_draws (bench.layer));

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_unlink (tiles_path);
  g_rmdir (dir);
  g_array_unref (bench.frames.times);
  return 0;
}
