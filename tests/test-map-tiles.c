/* Tests of the optional tiles as the map gets them: the choice from settings, the reference, and a tile painted on a map. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "sitroom-map-tiles.h"
#include "sitroom-mbtiles-source.h"
#include "sitroom-test-mbtiles.h"

/* ---- the choice from settings ---- */

static GSettings *
new_settings (void)
{
  /* The test environment gives the memory backend: start from defaults. */
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "tile-url");
  g_settings_reset (settings, "tile-attribution");
  g_settings_reset (settings, "mbtiles-file");
  return settings;
}

static void
test_settings_none (SitroomTestMbtiles *fixture,
                    gconstpointer       data)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = NULL;
  SitroomTilesKind kind = SITROOM_TILES_URL;

  /* An attribution alone asks for no tiles. */
  g_settings_set_string (settings, "tile-attribution", "© nobody");
  source = sitroom_map_tiles_new_source (settings, &kind, &error);
  g_assert_no_error (error);
  g_assert_null (source);
  g_assert_cmpint (kind, ==, SITROOM_TILES_NONE);
}

static ShumateDataSource *
data_source_of (ShumateMapSource *source)
{
  ShumateDataSource *data = NULL;

  g_assert_true (SHUMATE_IS_RASTER_RENDERER (source));
  g_object_get (source, "data-source", &data, NULL);
  g_assert_nonnull (data);
  /* The renderer keeps it alive. */
  g_object_unref (data);
  return data;
}

static void
test_settings_url (SitroomTestMbtiles *fixture,
                   gconstpointer       data)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = NULL;
  SitroomTilesKind kind = SITROOM_TILES_NONE;

  g_settings_set_string (settings, "tile-url", "  http://tiles.intranet.invalid/{z}/{x}/{y}.png ");
  g_settings_set_string (settings, "tile-attribution", "© Provincial survey");
  source = sitroom_map_tiles_new_source (settings, &kind, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_cmpint (kind, ==, SITROOM_TILES_URL);
  g_assert_true (SHUMATE_IS_TILE_DOWNLOADER (data_source_of (source)));
  g_assert_cmpstr (shumate_map_source_get_license (source), ==, "© Provincial survey");
  g_assert_cmpuint (shumate_map_source_get_tile_size (source), ==, 256);
  g_clear_object (&source);

  /* Rows counted from the south are a template libshumate fills too; and
   * without an attribution there is no license line. */
  g_settings_reset (settings, "tile-attribution");
  g_settings_set_string (settings, "tile-url", "https://tms.intranet.invalid/{z}/{x}/{tmsy}.jpg");
  source = sitroom_map_tiles_new_source (settings, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, SITROOM_TILES_URL);
  g_assert_null (shumate_map_source_get_license (source));
}

static void
test_settings_bad_url (SitroomTestMbtiles *fixture,
                       gconstpointer       data)
{
  static const struct { const char *url; const char *why; } bad[] = {
    { "http://tiles.intranet.invalid/{z}/{x}.png", "needs {z}, {x} and {y}" },
    { "http://tiles.intranet.invalid/tiles.png", "needs {z}, {x} and {y}" },
    { "http://{s}.tiles.intranet.invalid/{z}/{x}/{y}.png", "uses {s}" },
    { "ftp://tiles.intranet.invalid/{z}/{x}/{y}.png", "not an http or https address" },
    { "tiles/{z}/{x}/{y}.png", "not an http or https address" },
  };
  g_autoptr(GSettings) settings = new_settings ();

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShumateMapSource) source = NULL;
      SitroomTilesKind kind = SITROOM_TILES_URL;

      g_settings_set_string (settings, "tile-url", bad[i].url);
      source = sitroom_map_tiles_new_source (settings, &kind, &error);
      g_assert_null (source);
      g_assert_cmpint (kind, ==, SITROOM_TILES_NONE);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_test_message ("refused: %s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].url));
      g_assert_nonnull (strstr (error->message, bad[i].why));
    }
}

static void
test_settings_mbtiles (SitroomTestMbtiles *fixture,
                       gconstpointer       data)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = NULL;
  ShumateDataSource *tiles;
  SitroomTilesKind kind = SITROOM_TILES_NONE;

  /* The file wins over a tile server set as well. */
  g_settings_set_string (settings, "tile-url", "http://tiles.intranet.invalid/{z}/{x}/{y}.png");
  g_settings_set_string (settings, "mbtiles-file", fixture->path);
  source = sitroom_map_tiles_new_source (settings, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, SITROOM_TILES_MBTILES);

  tiles = data_source_of (source);
  g_assert_true (SITROOM_IS_MBTILES_SOURCE (tiles));
  g_assert_cmpstr (sitroom_mbtiles_source_get_path (SITROOM_MBTILES_SOURCE (tiles)), ==, fixture->path);
  g_assert_cmpstr (shumate_map_source_get_name (source), ==, "Shanxi test tiles");
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (source), ==, 6);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, 8);
  g_assert_cmpuint (shumate_map_source_get_tile_size (source), ==, 256);
  g_assert_cmpint (shumate_map_source_get_projection (source), ==, SHUMATE_MAP_PROJECTION_MERCATOR);
}

static void
test_settings_attribution (SitroomTestMbtiles *fixture,
                           gconstpointer       data)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = NULL;

  g_settings_set_string (settings, "mbtiles-file", fixture->path);

  /* Without a setting, the file's own attribution. */
  source = sitroom_map_tiles_new_source (settings, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shumate_map_source_get_license (source), ==, SITROOM_TEST_ATTRIBUTION_TEXT);
  g_clear_object (&source);

  /* The operator's line wins over the file's. */
  g_settings_set_string (settings, "tile-attribution", "审图号：晋S(2020)001号 · © Survey");
  source = sitroom_map_tiles_new_source (settings, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shumate_map_source_get_license (source), ==, "审图号：晋S(2020)001号 · © Survey");
}

static void
test_settings_bad_mbtiles (SitroomTestMbtiles *fixture,
                           gconstpointer       data)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = NULL;
  g_autofree char *path = sitroom_test_mbtiles_file (fixture, "nowhere.mbtiles");
  SitroomTilesKind kind = SITROOM_TILES_MBTILES;

  /* A broken file is reported, not silently replaced by the tile server. */
  g_settings_set_string (settings, "tile-url", "http://tiles.intranet.invalid/{z}/{x}/{y}.png");
  g_settings_set_string (settings, "mbtiles-file", path);
  source = sitroom_map_tiles_new_source (settings, &kind, &error);
  g_assert_null (source);
  g_assert_cmpint (kind, ==, SITROOM_TILES_NONE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
}

/* ---- the reference ---- */

static void
on_reference_filled (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, error));
  g_assert_nonnull (*error);
}

static void
test_reference (void)
{
  g_autoptr(ShumateMapSource) reference = sitroom_map_tiles_new_reference ();
  g_autoptr(ShumateMapSource) other = sitroom_map_tiles_new_reference ();
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (SITROOM_TEST_EAST, SITROOM_TEST_NORTH, 256, SITROOM_TEST_ZOOM);
  g_autoptr(GError) error = NULL;

  g_assert_true (reference != other);
  g_assert_cmpuint (shumate_map_source_get_tile_size (reference), ==, 256);
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (reference), ==, 5);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (reference), ==, 12);
  g_assert_cmpint (shumate_map_source_get_projection (reference), ==, SHUMATE_MAP_PROJECTION_MERCATOR);
  /* Web Mercator: 112.5 E is the left edge of column 104 at zoom 7. */
  g_assert_cmpfloat_with_epsilon (shumate_map_source_get_x (reference, SITROOM_TEST_ZOOM, 112.5), SITROOM_TEST_EAST * 256.0, 1e-6);

  /* It has nothing to draw and says so at once, without fetching. */
  shumate_map_source_fill_tile_async (reference, tile, NULL, on_reference_filled, &error);
  while (error == NULL)
    sitroom_test_iterate ();
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (shumate_tile_get_paintable (tile));
}

/* ---- a tile painted on a map ---- */

typedef struct {
  guint received;
  guint frames;
} PaintProgress;

static void
on_map_received (ShumateDataSource *source,
                 int                x,
                 int                y,
                 int                zoom,
                 GBytes            *bytes,
                 PaintProgress     *progress)
{
  progress->received++;
}

static void
on_after_paint (GdkFrameClock *clock,
                PaintProgress *progress)
{
  progress->frames++;
}

/* The map widget as it is drawn now, rendered into an image. */
static cairo_surface_t *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);

  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

static gboolean
close_to (const double rgb[3],
          const SitroomTestTile *tile)
{
  return fabs (rgb[0] - tile->r) < 0.04 && fabs (rgb[1] - tile->g) < 0.04 && fabs (rgb[2] - tile->b) < 0.04;
}

/* Which of the test tiles' colours the pixel has: its index, or -1. */
static int
tile_colour_at (cairo_surface_t *surface,
                int              x,
                int              y)
{
  double rgb[3];

  pixel_at (surface, x, y, rgb);
  for (gsize i = 0; i < G_N_ELEMENTS (sitroom_test_tiles); i++)
    if (close_to (rgb, &sitroom_test_tiles[i]))
      return i;
  return -1;
}

static void
test_paint (SitroomTestMbtiles *fixture,
            gconstpointer       data)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) reference = sitroom_map_tiles_new_reference ();
  g_autoptr(ShumateMapSource) tiles = NULL;
  PaintProgress progress = { 0, 0 };
  GtkWidget *window;
  ShumateMap *map;
  ShumateViewport *viewport;
  ShumateMapLayer *layer;
  GdkFrameClock *clock;
  gint64 deadline;
  guint frames_at_data = 0;
  int w, h;
  /* Each quadrant around the centre, 60 px in: the tile that should be there. */
  const struct { int dx; int dy; int tile; } quadrants[] = {
    {  60, -60,  0 },   /* north-east: (EAST, NORTH), red */
    { -60, -60,  1 },   /* north-west: (WEST, NORTH), blue */
    {  60,  60,  2 },   /* south-east: (EAST, SOUTH), green */
    { -60,  60, -1 },   /* south-west: no tile in the file */
  };
  gboolean painted = FALSE;

  g_settings_set_string (settings, "mbtiles-file", fixture->path);
  tiles = sitroom_map_tiles_new_source (settings, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (data_source_of (tiles), "received-data", G_CALLBACK (on_map_received), &progress);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 400);
  map = shumate_map_new ();
  shumate_map_set_animate_zoom (map, FALSE);
  viewport = shumate_map_get_viewport (map);
  shumate_viewport_set_reference_map_source (viewport, reference);
  shumate_viewport_set_min_zoom_level (viewport, 5);
  shumate_viewport_set_max_zoom_level (viewport, 12);
  shumate_viewport_set_zoom_level (viewport, SITROOM_TEST_ZOOM);
  layer = shumate_map_layer_new (tiles, viewport);
  shumate_map_add_layer (map, SHUMATE_LAYER (layer));
  /* The corner the four test tiles share. */
  shumate_map_center_on (map,
                         shumate_map_source_get_latitude (reference, SITROOM_TEST_ZOOM, SITROOM_TEST_SOUTH * 256.0),
                         shumate_map_source_get_longitude (reference, SITROOM_TEST_ZOOM, SITROOM_TEST_EAST * 256.0));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (GTK_WIDGET (map)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      sitroom_test_iterate ();
    }
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (map));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &progress);

  /* Run until every stored tile in view has arrived through received-data,
   * a frame has been drawn since, and the picture shows them (a tile may
   * fade in over a few frames). */
  while (!painted)
    {
      if (g_get_monotonic_time () > deadline)
        break;
      sitroom_test_iterate ();
      if (progress.received < G_N_ELEMENTS (sitroom_test_tiles))
        continue;
      if (frames_at_data == 0)
        frames_at_data = progress.frames + 1;
      if (progress.frames < frames_at_data)
        continue;

      {
        cairo_surface_t *surface = render_widget (GTK_WIDGET (map));

        w = gtk_widget_get_width (GTK_WIDGET (map));
        h = gtk_widget_get_height (GTK_WIDGET (map));
        painted = TRUE;
        for (gsize i = 0; i < G_N_ELEMENTS (quadrants); i++)
          painted = painted && tile_colour_at (surface, w / 2 + quadrants[i].dx,
                                               h / 2 + quadrants[i].dy) == quadrants[i].tile;
        /* To look at what was drawn: SITROOM_TEST_SHOTS=DIR. */
        if (painted && g_getenv ("SITROOM_TEST_SHOTS") != NULL)
          {
            g_autofree char *shot = g_build_filename (g_getenv ("SITROOM_TEST_SHOTS"), "test-mbtiles-map.png", NULL);

            cairo_surface_write_to_png (surface, shot);
          }
        cairo_surface_destroy (surface);
      }
    }

  g_test_message ("received %u tiles, %u frames", progress.received, progress.frames);
  g_assert_cmpuint (progress.received, >=, G_N_ELEMENTS (sitroom_test_tiles));
  g_assert_cmpuint (progress.frames, >=, frames_at_data);
  g_assert_true (painted);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, &progress);
  g_signal_handlers_disconnect_by_func (data_source_of (tiles), on_map_received, &progress);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  SITROOM_TEST_MBTILES_ADD ("/ui/map-tiles/settings/none", test_settings_none);
  SITROOM_TEST_MBTILES_ADD ("/ui/map-tiles/settings/url", test_settings_url);
  SITROOM_TEST_MBTILES_ADD ("/ui/map-tiles/settings/bad-url", test_settings_bad_url);
  SITROOM_TEST_MBTILES_ADD ("/ui/map-tiles/settings/mbtiles", test_settings_mbtiles);
  SITROOM_TEST_MBTILES_ADD ("/ui/map-tiles/settings/attribution", test_settings_attribution);
  SITROOM_TEST_MBTILES_ADD ("/ui/map-tiles/settings/bad-mbtiles", test_settings_bad_mbtiles);
  g_test_add_func ("/ui/map-tiles/reference", test_reference);
  SITROOM_TEST_MBTILES_ADD ("/ui/map-tiles/paint", test_paint);

  return g_test_run ();
}
