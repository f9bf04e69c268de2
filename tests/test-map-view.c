/* Tests of the Map page on the built-in demo: the switcher, the drawing, the metric, bad boundaries, tiles, the panel's measures, the type size, the controls hidden. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "sitroom-geo.h"
#include "sitroom-test-map-view.h"
#include "sitroom-test-widgets.h"

/* The layer as the screen shows it: its own snapshot, drawn by cairo. */
static cairo_surface_t *
render_layer (SitroomTestMapView *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->layer);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4);
}

/* The colour most of a prefecture is painted in: sampled on a grid inside
 * its outline, so that names, badges, borders and marks do not count. */
static guint32
region_colour (SitroomTestMapView *fixture,
               cairo_surface_t    *surface,
               const char         *code)
{
  SitroomBoundaries *boundaries = sitroom_application_get_boundaries (fixture->app);
  const SitroomBoundary *boundary = sitroom_boundaries_lookup (boundaries, code);
  g_autoptr(GHashTable) votes = g_hash_table_new (NULL, NULL);
  guint32 best = 0;
  guint best_votes = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_nonnull (boundary);
  for (int i = 1; i < 40; i++)
    for (int j = 1; j < 40; j++)
      {
        double lon = boundary->min_lon + (boundary->max_lon - boundary->min_lon) * i / 40;
        double lat = boundary->min_lat + (boundary->max_lat - boundary->min_lat) * j / 40;
        gboolean inside = FALSE;
        double x, y;

        for (guint p = 0; p < boundary->n_polygons && !inside; p++)
          inside = sitroom_geo_ring_contains (boundary->polygons[p].points,
                                              boundary->polygons[p].ring_lengths[0], lon, lat);
        if (!inside)
          continue;
        sitroom_test_map_view_point_on_layer (fixture, lon, lat, &x, &y);
        if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (surface) ||
            y >= cairo_image_surface_get_height (surface))
          continue;

        key = GUINT_TO_POINTER (pixel_at (surface, (int) x, (int) y));
        g_hash_table_insert (votes, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (votes, key)) + 1));
      }

  g_hash_table_iter_init (&iter, votes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_votes)
      {
        best_votes = GPOINTER_TO_UINT (value);
        best = GPOINTER_TO_UINT (key);
      }
  g_assert_cmpuint (best_votes, >, 20);
  return best;
}

/* The legend's colour for @code's figure of the metric shown, as the
 * renderer classes it. */
static void
assert_class_colour (SitroomTestMapView *fixture,
                     guint32             pixel,
                     const char         *code)
{
  SitroomMetric metric = gtk_drop_down_get_selected (sitroom_map_view_get_metric_dropdown (fixture->view));
  g_autoptr(SitroomView) whole = sitroom_view_new (sitroom_context_get_situation (fixture->context),
                                                   sitroom_context_get_effective_cutoff (fixture->context),
                                                   -1, -1);
  const SitroomClasses *classes = sitroom_map_layer_get_classes (fixture->layer);
  SitroomColor colour;
  double value = 0;
  int index;

  g_assert_true (sitroom_metric_get_value (whole, metric, sitroom_test_map_view_region_of (fixture, code),
                                           &value));
  index = sitroom_classes_find (classes, value);
  g_assert_cmpint (index, >=, 0);
  sitroom_classes_get_color (classes, index, SITROOM_STYLE_LIGHT, &colour);

  /* Opaque fills: premultiplied ARGB is the colour itself. */
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  g_assert_cmpint (abs ((int) ((pixel >> 16) & 0xff) - (int) lround (colour.red * 255)), <=, 2);
  g_assert_cmpint (abs ((int) ((pixel >> 8) & 0xff) - (int) lround (colour.green * 255)), <=, 2);
  g_assert_cmpint (abs ((int) (pixel & 0xff) - (int) lround (colour.blue * 255)), <=, 2);
}

static void
test_map_pages (SitroomTestMapView *fixture,
                gconstpointer       data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (sitroom_test_map_view_find_type (GTK_WIDGET (fixture->window),
                                                                         ADW_TYPE_VIEW_STACK));
  AdwViewStackPage *page = adw_view_stack_get_page (stack, GTK_WIDGET (fixture->view));

  g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, "map");
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Map");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "map");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "map"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "map");

  /* The page shown is the one the next window opens on. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_assert_cmpstr (g_settings_get_string (settings, "visible-page"), ==, "map");
    g_settings_reset (settings, "visible-page");
  }
}

static void
test_map_draws (SitroomTestMapView *fixture,
                gconstpointer       data)
{
  cairo_surface_t *surface = render_layer (fixture);
  guint32 jincheng = region_colour (fixture, surface, "140500");
  guint32 taiyuan = region_colour (fixture, surface, "140100");

  /* 5 positives against 1: two classes apart. */
  assert_class_colour (fixture, jincheng, "140500");
  assert_class_colour (fixture, taiyuan, "140100");
  g_assert_cmphex (jincheng, !=, taiyuan);
  cairo_surface_destroy (surface);
}

static void
test_map_cache (SitroomTestMapView *fixture,
                gconstpointer       data)
{
  ShumateViewport *viewport = shumate_map_get_viewport (sitroom_map_view_get_map (fixture->view));
  cairo_surface_t *surface;
  guint n_draws;

  surface = render_layer (fixture);
  cairo_surface_destroy (surface);
  n_draws = sitroom_map_layer_get_n_draws (fixture->layer);

  /* Nothing changed: the frame is reused. */
  surface = render_layer (fixture);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (sitroom_map_layer_get_n_draws (fixture->layer), ==, n_draws);

  /* A pan draws again. */
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) + 0.1,
                                 shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  surface = render_layer (fixture);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (sitroom_map_layer_get_n_draws (fixture->layer), ==, n_draws + 1);
}

static gboolean
has_text_scale (SitroomTestMapView *fixture,
                gconstpointer       text_scale)
{
  return G_APPROX_VALUE (sitroom_map_view_get_text_scale (fixture->view), *(const double *) text_scale, 0.01);
}

static void
run_frames (SitroomTestMapView *fixture)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Runs frames until half a second goes by without the layer drawing: on a
 * busy machine the window's first frames may still be sizing the map,
 * which rightly redraws it. */
static void
settle (SitroomTestMapView *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_draws;

  do
    {
      gint64 quiet = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      n_draws = sitroom_map_layer_get_n_draws (fixture->layer);
      while (g_get_monotonic_time () < quiet)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
  while (sitroom_map_layer_get_n_draws (fixture->layer) != n_draws && g_get_monotonic_time () < deadline);
}

/* The names, figures and legend follow the page's CSS font size: a wall's
 * 24 px draws them 1.64 times a desk's, once; back at the desktop's size
 * the map is the desk's, pixel for pixel. A change of style that leaves
 * the type alone draws nothing. */
static void
test_map_text_scale (SitroomTestMapView *fixture,
                     gconstpointer       data)
{
  GtkCssProvider *provider = gtk_css_provider_new ();
  static const double wall = 1.636, desk = 1.0;
  cairo_surface_t *before, *surface;
  guint n_draws;
  int differ = 0;

  gtk_css_provider_load_from_data (provider, ".wall-type { font-size: 24px; } .tinted { color: #c01c28; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_assert_cmpfloat (sitroom_map_view_get_text_scale (fixture->view), ==, 1.0);
  settle (fixture);
  before = render_layer (fixture);
  n_draws = sitroom_map_layer_get_n_draws (fixture->layer);

  gtk_widget_add_css_class (GTK_WIDGET (fixture->view), "tinted");
  run_frames (fixture);
  cairo_surface_destroy (render_layer (fixture));
  g_assert_cmpuint (sitroom_map_layer_get_n_draws (fixture->layer), ==, n_draws);

  /* On the page alone: the map's size stays, and so does the viewport. */
  gtk_widget_add_css_class (GTK_WIDGET (fixture->view), "wall-type");
  sitroom_test_map_view_wait_for (fixture, has_text_scale, &wall);
  run_frames (fixture);
  surface = render_layer (fixture);
  cairo_surface_destroy (render_layer (fixture));
  g_assert_cmpuint (sitroom_map_layer_get_n_draws (fixture->layer), ==, n_draws + 1);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, cairo_image_surface_get_width (before));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, cairo_image_surface_get_height (before));
  for (int y = 0; y < cairo_image_surface_get_height (surface); y += 2)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x += 2)
      differ += pixel_at (surface, x, y) != pixel_at (before, x, y);
  g_assert_cmpint (differ, >, 1000);
  cairo_surface_destroy (surface);

  gtk_widget_remove_css_class (GTK_WIDGET (fixture->view), "wall-type");
  sitroom_test_map_view_wait_for (fixture, has_text_scale, &desk);
  run_frames (fixture);
  surface = render_layer (fixture);
  g_assert_cmpuint (sitroom_map_layer_get_n_draws (fixture->layer), ==, n_draws + 2);
  differ = 0;
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      differ += pixel_at (surface, x, y) != pixel_at (before, x, y);
  g_assert_cmpint (differ, ==, 0);
  cairo_surface_destroy (surface);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  g_object_unref (provider);
  cairo_surface_destroy (before);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* A wall display shows the map without its choices and zoom buttons. */
static void
test_map_controls_hidden (SitroomTestMapView *fixture,
                          gconstpointer       data)
{
  GtkWidget *metric = GTK_WIDGET (sitroom_map_view_get_metric_dropdown (fixture->view));
  GtkWidget *chain = GTK_WIDGET (sitroom_map_view_get_chain_dropdown (fixture->view));
  guint notified = 0;

  g_signal_connect_swapped (fixture->view, "notify::controls-visible", G_CALLBACK (count_notify), &notified);
  g_assert_true (sitroom_map_view_get_controls_visible (fixture->view));
  g_assert_true (gtk_widget_is_visible (metric));
  g_assert_true (gtk_widget_is_visible (chain));
  g_assert_nonnull (sitroom_test_find_widget (GTK_WIDGET (fixture->view), sitroom_test_map_view_is_shown_label,
                                              "Positives"));

  sitroom_map_view_set_controls_visible (fixture->view, FALSE);
  sitroom_map_view_set_controls_visible (fixture->view, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (gtk_widget_is_visible (metric));
  g_assert_false (gtk_widget_is_visible (chain));
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->view), sitroom_test_map_view_is_shown_label, "Positives"));

  sitroom_map_view_set_controls_visible (fixture->view, TRUE);
  g_assert_true (gtk_widget_is_visible (metric));
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_map_metric (SitroomTestMapView *fixture,
                 gconstpointer       data)
{
  GtkDropDown *dropdown = sitroom_map_view_get_metric_dropdown (fixture->view);
  GSettings *settings = sitroom_application_get_settings (fixture->app);
  cairo_surface_t *surface = render_layer (fixture);
  guint32 before = region_colour (fixture, surface, "140500");
  guint32 after;

  cairo_surface_destroy (surface);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, SITROOM_METRIC_POSITIVES);

  gtk_drop_down_set_selected (dropdown, SITROOM_METRIC_ASYMPTOMATIC);
  g_assert_cmpstr (g_settings_get_string (settings, "map-metric"), ==, "asymptomatic");

  /* Jincheng's 5 positives include no asymptomatic infection. */
  surface = render_layer (fixture);
  after = region_colour (fixture, surface, "140500");
  cairo_surface_destroy (surface);
  assert_class_colour (fixture, after, "140500");
  g_assert_cmphex (after, !=, before);

  /* And the setting moves the dropdown. */
  g_settings_set_string (settings, "map-metric", "confirmed");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, SITROOM_METRIC_CONFIRMED);
}

static gboolean
problem_shown (SitroomTestMapView *fixture, gconstpointer data)
{
  return gtk_revealer_get_reveal_child (sitroom_map_view_get_problem_revealer (fixture->view));
}

static gboolean
problem_revealed (SitroomTestMapView *fixture, gconstpointer data)
{
  return gtk_revealer_get_child_revealed (sitroom_map_view_get_problem_revealer (fixture->view));
}

static gboolean
problem_hidden (SitroomTestMapView *fixture, gconstpointer data)
{
  return !problem_shown (fixture, data);
}

static gboolean
is_shown_label_starting (GtkWidget     *widget,
                         gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static void
test_map_bad_boundaries (SitroomTestMapView *fixture,
                         gconstpointer       data)
{
  GSettings *settings = sitroom_application_get_settings (fixture->app);
  GtkWidget *strip = GTK_WIDGET (sitroom_map_view_get_problem_revealer (fixture->view));
  cairo_surface_t *surface;

  g_assert_false (problem_shown (fixture, NULL));
  g_settings_set_string (settings, "boundaries-file", "/nonexistent/outlines.geojson");
  sitroom_test_map_view_wait_for (fixture, problem_revealed, NULL);
  /* The application's words, once. */
  g_assert_true (g_str_has_prefix (sitroom_application_get_boundaries_error (fixture->app), "Boundary file refused: "));
  g_assert_nonnull (sitroom_test_find_widget (strip, sitroom_test_map_view_is_shown_label,
                                              sitroom_application_get_boundaries_error (fixture->app)));

  /* The built-in outlines are still drawn, in their colours. */
  g_assert_true (sitroom_boundaries_is_builtin (sitroom_application_get_boundaries (fixture->app)));
  surface = render_layer (fixture);
  assert_class_colour (fixture, region_colour (fixture, surface, "140500"), "140500");
  cairo_surface_destroy (surface);

  /* Back to no file: nothing to say. */
  g_settings_reset (settings, "boundaries-file");
  sitroom_test_map_view_wait_for (fixture, problem_hidden, NULL);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The smallest MBTiles file the map accepts: one grey tile. */
static char *
make_mbtiles (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sitroom-map-XXXXXX", NULL);
  char *path = g_build_filename (dir, "tiles.mbtiles", NULL);
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  cairo_surface_write_to_png_stream (tile, append_png, png);
  cairo_surface_destroy (tile);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                                 "INSERT INTO metadata VALUES ('name', 'test'), ('format', 'png'),"
                                 " ('minzoom', '5'), ('maxzoom', '11'), ('attribution', 'Test tiles');"
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                                 " tile_row INTEGER, tile_data BLOB);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (7, 104, 79, ?1);", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, png->data, png->len, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return path;
}

static void
test_map_tiles (SitroomTestMapView *fixture,
                gconstpointer       data)
{
  GSettings *settings = sitroom_application_get_settings (fixture->app);
  GtkWidget *strip = GTK_WIDGET (sitroom_map_view_get_problem_revealer (fixture->view));
  g_autofree char *path = make_mbtiles ();
  g_autofree char *dir = g_path_get_dirname (path);
  GtkWidget *below;
  cairo_surface_t *surface;
  guint32 jincheng;

  /* A file that cannot be opened: said so, and the map stays whole. */
  g_settings_set_string (settings, "mbtiles-file", "/nonexistent/tiles.mbtiles");
  sitroom_test_map_view_wait_for (fixture, problem_shown, NULL);
  g_assert_nonnull (sitroom_test_find_widget (strip, is_shown_label_starting, "Map tiles unavailable: "));
  g_assert_false (SHUMATE_IS_MAP_LAYER (gtk_widget_get_prev_sibling (GTK_WIDGET (fixture->layer))));
  surface = render_layer (fixture);
  assert_class_colour (fixture, region_colour (fixture, surface, "140500"), "140500");
  cairo_surface_destroy (surface);

  /* A good one: its layer goes under ours, and our fills let it show. */
  g_settings_set_string (settings, "mbtiles-file", path);
  sitroom_test_map_view_wait_for (fixture, problem_hidden, NULL);
  below = gtk_widget_get_prev_sibling (GTK_WIDGET (fixture->layer));
  g_assert_true (SHUMATE_IS_MAP_LAYER (below));
  surface = render_layer (fixture);
  jincheng = region_colour (fixture, surface, "140500");
  cairo_surface_destroy (surface);
  g_assert_cmpuint (jincheng >> 24, <, 0xff);

  g_settings_reset (settings, "mbtiles-file");
  g_assert_false (SHUMATE_IS_MAP_LAYER (gtk_widget_get_prev_sibling (GTK_WIDGET (fixture->layer))));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
panel_revealed (SitroomTestMapView *fixture, gconstpointer data)
{
  return gtk_revealer_get_child_revealed (sitroom_map_view_get_panel_revealer (fixture->view));
}

/* How many mapped labels under @root read @text. */
static guint
count_shown_labels (GtkWidget  *root,
                    const char *text)
{
  guint n = sitroom_test_map_view_is_shown_label (root, text) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shown_labels (child, text);
  return n;
}

/* A document of its own for Yangquan: a measure of the prefecture in
 * force for a day and an hour at as_of, and one of Yu County that ended
 * a week before. */
static const char panel_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
  " \"chains\": [], \"cases\": [],"
  " \"measures\": ["
  "  {\"id\": \"a\", \"region\": \"140322\", \"kind\": \"static_management\","
  "   \"from\": \"2022-08-10T00:00:00+08:00\", \"until\": \"2022-08-12T06:00:00+08:00\","
  "   \"text\": {\"zh\": \"甲\", \"en\": \"Static management, since lifted\"}},"
  "  {\"id\": \"b\", \"region\": \"140300\", \"kind\": \"mass_testing\","
  "   \"from\": \"2022-08-19T12:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"乙\"}}"
  " ]}";

static gboolean
shows_label (SitroomTestMapView *fixture, gconstpointer text)
{
  GtkWidget *panel = GTK_WIDGET (sitroom_map_view_get_region_panel (fixture->view));

  return sitroom_test_find_widget (panel, sitroom_test_map_view_is_shown_label, text) != NULL;
}

/* The demo's Yu County measures began at 12:00 and the province's at
 * 00:00: at 13:00 Yangquan's panel has three of an hour and one of
 * thirteen; then a document with an ended measure. */
static void
test_map_panel_measures (SitroomTestMapView *fixture,
                         gconstpointer       data)
{
  GtkWidget *panel = GTK_WIDGET (sitroom_map_view_get_region_panel (fixture->view));
  g_autoptr(GBytes) bytes = g_bytes_new_static (panel_document, sizeof panel_document - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = NULL;

  sitroom_context_set_selected_prefecture (fixture->context, sitroom_test_map_view_region_of (fixture, "140300"));
  sitroom_test_map_view_wait_for (fixture, panel_revealed, NULL);

  g_assert_cmpuint (count_shown_labels (panel, "in force for 1 hour"), ==, 3);
  g_assert_cmpuint (count_shown_labels (panel, "Yu County · since 2022-08-20 12:00 CST"), ==, 3);
  g_assert_cmpuint (count_shown_labels (panel, "Static management"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "Traffic control"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "Mass testing"), ==, 1);
  /* The province's entry rule; Taiyuan's notice and Pingyao's are not Yangquan's. */
  g_assert_cmpuint (count_shown_labels (panel, "in force for 13 hours"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "Shanxi · since 2022-08-20 00:00 CST"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "Other measure"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "Ended"), ==, 0);

  /* An hour before Yu County's began, the province's alone. */
  sitroom_context_set_cutoff (fixture->context, sitroom_situation_get_as_of (sitroom_context_get_situation (fixture->context)) - 2 * 3600);
  sitroom_test_map_view_wait_for (fixture, shows_label, "in force for 11 hours");
  g_assert_cmpuint (count_shown_labels (panel, "in force for 1 hour"), ==, 0);
  g_assert_cmpuint (count_shown_labels (panel, "Static management"), ==, 0);
  sitroom_context_set_cutoff (fixture->context, SITROOM_TIME_NONE);

  /* A document of its own, kept from the demo server's next answer. */
  sitroom_feeder_stop (sitroom_application_get_feeder (fixture->app));
  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  sitroom_context_accept (fixture->context, situation, g_get_real_time ());
  sitroom_test_map_view_wait_for (fixture, shows_label, "in force for 1 day 1 hour");

  g_assert_cmpuint (count_shown_labels (panel, "Yangquan · since 2022-08-19 12:00 CST"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "Ended"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "was in force for 2 days 6 hours"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "Yu County · from 2022-08-10 00:00 CST until 2022-08-12 06:00 CST"), ==, 1);
  g_assert_cmpuint (count_shown_labels (panel, "Static management, since lifted"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, SitroomTestMapView, NULL, sitroom_test_map_view_set_up, func, sitroom_test_map_view_tear_down)

  ADD ("/ui/map/window/pages", test_map_pages);
  ADD ("/ui/map/layer/draws-classes", test_map_draws);
  ADD ("/ui/map/layer/cached-frame", test_map_cache);
  ADD ("/ui/map/layer/text-scale", test_map_text_scale);
  ADD ("/ui/map/controls/hidden", test_map_controls_hidden);
  ADD ("/ui/map/metric/setting-and-drawing", test_map_metric);
  ADD ("/ui/map/boundaries/bad-file", test_map_bad_boundaries);
  ADD ("/ui/map/tiles/mbtiles-file", test_map_tiles);
  ADD ("/ui/map/panel/measures", test_map_panel_measures);

#undef ADD

  return g_test_run ();
}
