/* Tests of the map renderer's picture: colours against the legend, hit-testing, fitting, GCJ-02, overlays. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-geo.h"
#include "sitroom-test-map.h"

/* Every prefecture, at every point well inside it and away from what is
 * drawn over it, has the colour of its figure's class in the legend (or
 * the no-data colour). Returns how many prefectures had no value. */
static guint
check_fills (SitroomTestMap *fixture,
             SitroomMetric   metric,
             SitroomStyle    style)
{
  const SitroomClasses *classes;
  cairo_surface_t *surface;
  guint n_no_data = 0;

  fixture->options.metric = metric;
  fixture->options.style = style;
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);
  surface = sitroom_test_map_render (fixture, &fixture->viewport);
  classes = sitroom_map_renderer_get_classes (fixture->renderer);

  for (guint i = 0; i < sitroom_view_get_n_prefectures (fixture->view); i++)
    {
      int region = sitroom_view_get_prefecture (fixture->view, i)->region;
      const SitroomBoundary *boundary = sitroom_test_map_outline_of (fixture, region);
      double ox = fixture->viewport.width / 2 - fixture->viewport.center_x;
      double oy = fixture->viewport.height / 2 - fixture->viewport.center_y;
      double x0, y0, x1, y1, value;
      SitroomColor expected;
      guint checked = 0;

      if (boundary == NULL)
        continue;
      if (sitroom_metric_get_value (fixture->view, metric, region, &value))
        {
          int k = sitroom_classes_find (classes, value);

          g_assert_cmpint (k, >=, 0);
          sitroom_classes_get_color (classes, k, style, &expected);
        }
      else
        {
          sitroom_classes_get_no_data_color (style, &expected);
          n_no_data++;
        }

      sitroom_geo_project (boundary->min_lon, boundary->max_lat, fixture->viewport.zoom, &x0, &y0);
      sitroom_geo_project (boundary->max_lon, boundary->min_lat, fixture->viewport.zoom, &x1, &y1);
      for (double y = floor (y0 + oy) + 0.5; y < y1 + oy; y += 9)
        for (double x = floor (x0 + ox) + 0.5; x < x1 + ox; x += 9)
          {
            if (x < 0 || y < 0 || x >= SITROOM_TEST_MAP_WIDTH || y >= SITROOM_TEST_MAP_HEIGHT ||
                !sitroom_test_map_clear_of_overlays (fixture, boundary, x, y))
              continue;
            if (!sitroom_test_map_same_color (surface, (int) x, (int) y, &expected))
              {
                int r, g, b, a;

                sitroom_test_map_pixel (surface, (int) x, (int) y, &r, &g, &b, &a);
                g_error ("%s at (%g, %g): #%02x%02x%02x, expected #%02x%02x%02x", boundary->code, x, y,
                         r, g, b, (int) lround (expected.red * 255), (int) lround (expected.green * 255),
                         (int) lround (expected.blue * 255));
              }
            checked++;
          }
      g_assert_cmpuint (checked, >=, 20);
    }

  cairo_surface_destroy (surface);
  return n_no_data;
}

static void
test_fills (SitroomTestMap *fixture,
            gconstpointer   data)
{
  g_assert_cmpuint (check_fills (fixture, SITROOM_METRIC_POSITIVES, SITROOM_STYLE_LIGHT), ==, 0);
  g_assert_cmpuint (check_fills (fixture, SITROOM_METRIC_NEW_24H, SITROOM_STYLE_DARK), ==, 0);
}

static void
test_no_data (SitroomTestMap *fixture,
              gconstpointer   data)
{
  int datong = sitroom_situation_lookup_region (fixture->situation, "140200");
  double value;

  /* Datong has no centralized site in the demo: occupancy has no value there. */
  g_assert_false (sitroom_metric_get_value (fixture->view, SITROOM_METRIC_OCCUPANCY, datong, &value));
  g_assert_cmpuint (check_fills (fixture, SITROOM_METRIC_OCCUPANCY, SITROOM_STYLE_LIGHT), >, 0);
  g_assert_true (fixture->renderer->any_no_data);
  g_assert_nonnull (fixture->renderer->texts.no_data);
  /* The demo's sites are illustrative, and the legend says so. */
  g_assert_nonnull (fixture->renderer->texts.legend_note);
}

static void
test_region_at (SitroomTestMap *fixture,
                gconstpointer   data)
{
  SitroomMapRenderer *r = fixture->renderer;
  guint n_checked = 0;
  int yuxian = sitroom_situation_lookup_region (fixture->situation, "140322");
  const SitroomRegion *county = sitroom_situation_get_region (fixture->situation, yuxian);
  double x, y;

  for (guint i = 0; i < sitroom_view_get_n_prefectures (fixture->view); i++)
    {
      int region = sitroom_view_get_prefecture (fixture->view, i)->region;
      const SitroomRegion *info = sitroom_situation_get_region (fixture->situation, region);
      int found;

      if (sitroom_test_map_outline_of (fixture, region) == NULL || !info->has_center)
        continue;
      sitroom_test_map_world_to_drawing (&fixture->viewport, info->lon, info->lat, &x, &y);
      found = sitroom_map_renderer_region_at (r, &fixture->viewport, x, y);
      /* A marked county near the seat wins over the prefecture. */
      if (found != region)
        {
          g_assert_cmpint (found, >=, 0);
          g_assert_cmpint (sitroom_situation_get_region (fixture->situation, found)->prefecture, ==, region);
        }
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 11);

  /* Yu County is marked (a case, static management): its mark is hit
   * within 8 pixels, the prefecture around it beyond. */
  sitroom_test_map_world_to_drawing (&fixture->viewport, county->lon, county->lat, &x, &y);
  g_assert_cmpint (sitroom_map_renderer_region_at (r, &fixture->viewport, x + 5, y), ==, yuxian);
  g_assert_cmpint (sitroom_map_renderer_region_at (r, &fixture->viewport, x + 30, y + 3), !=, yuxian);

  g_assert_cmpint (sitroom_map_renderer_region_at (r, &fixture->viewport, 3, 3), ==, -1);
}

static void
test_fit (SitroomTestMap *fixture,
          gconstpointer   data)
{
  double sizes[][2] = { { 1200, 900 }, { 400, 1000 }, { 1920, 300 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      SitroomMapViewport vp;
      double min_lon, min_lat, max_lon, max_lat, x0, y0, x1, y1;

      sitroom_map_viewport_fit (fixture->boundaries, sizes[i][0], sizes[i][1], 20, 2, 14, &vp);
      sitroom_boundaries_get_extent (fixture->boundaries, &min_lon, &min_lat, &max_lon, &max_lat);
      sitroom_test_map_world_to_drawing (&vp, min_lon, max_lat, &x0, &y0);
      sitroom_test_map_world_to_drawing (&vp, max_lon, min_lat, &x1, &y1);
      g_assert_cmpfloat (x0, >=, 20 - 1e-6);
      g_assert_cmpfloat (y0, >=, 20 - 1e-6);
      g_assert_cmpfloat (x1, <=, sizes[i][0] - 20 + 1e-6);
      g_assert_cmpfloat (y1, <=, sizes[i][1] - 20 + 1e-6);
      /* As large as fits: one side touches its margins. */
      g_assert_true (fabs (x0 - 20) < 0.5 || fabs (y0 - 20) < 0.5);
    }

  {
    SitroomMapViewport vp;

    sitroom_map_viewport_fit (fixture->boundaries, 1200, 900, 0, 9, 12, &vp);
    g_assert_cmpfloat (vp.zoom, ==, 9);
  }
}

static void
test_gcj02 (SitroomTestMap *fixture,
            gconstpointer   data)
{
  SitroomMapRenderer *r = fixture->renderer;
  const SitroomBoundary *first = sitroom_boundaries_get (fixture->boundaries, 0);
  double zoom = fixture->viewport.zoom;
  double wgs_x, wgs_y, gcj_x, gcj_y, lon, lat, metres, pixels;
  const double *ring;
  guint n;

  sitroom_map_renderer_ensure_projection (r, zoom);
  ring = sitroom_map_renderer_get_ring (r, 0, &n);
  g_assert_nonnull (ring);
  wgs_x = ring[0];
  wgs_y = ring[1];

  fixture->options.gcj02 = TRUE;
  sitroom_map_renderer_set_options (r, &fixture->options);
  sitroom_map_renderer_ensure_projection (r, zoom);
  ring = sitroom_map_renderer_get_ring (r, 0, &n);
  gcj_x = ring[0];
  gcj_y = ring[1];

  /* Shanxi's shift is some 500–700 m, mostly east. */
  sitroom_geo_gcj02_from_wgs84 (first->polygons[0].points[0], first->polygons[0].points[1], &lon, &lat);
  metres = sitroom_geo_distance (first->polygons[0].points[0], first->polygons[0].points[1], lon, lat);
  g_assert_cmpfloat (metres, >, 400);
  g_assert_cmpfloat (metres, <, 800);
  pixels = metres / sitroom_geo_metres_per_pixel (first->polygons[0].points[1], zoom);
  g_assert_cmpfloat (fabs (hypot (gcj_x - wgs_x, gcj_y - wgs_y) - pixels), <, 0.05 * pixels);
  g_assert_cmpfloat (gcj_x, >, wgs_x);
}

/* A point well inside the region, clear of everything drawn over it. */
static void
clear_point (SitroomTestMap *fixture,
             int             region,
             double         *out_x,
             double         *out_y)
{
  const SitroomBoundary *boundary = sitroom_test_map_outline_of (fixture, region);
  double x0, y0, x1, y1;

  sitroom_test_map_world_to_drawing (&fixture->viewport, boundary->min_lon, boundary->max_lat, &x0, &y0);
  sitroom_test_map_world_to_drawing (&fixture->viewport, boundary->max_lon, boundary->min_lat, &x1, &y1);
  for (double y = floor (y0) + 0.5; y < y1; y += 5)
    for (double x = floor (x0) + 0.5; x < x1; x += 5)
      if (sitroom_test_map_clear_of_overlays (fixture, boundary, x, y))
        {
          *out_x = x;
          *out_y = y;
          return;
        }
  g_assert_not_reached ();
}

static void
test_tiles (SitroomTestMap *fixture,
            gconstpointer   data)
{
  int taiyuan = sitroom_situation_lookup_region (fixture->situation, "140100");
  cairo_surface_t *surface;
  double x, y;
  int r, g, b, a;

  fixture->options.tiles = TRUE;
  fixture->options.attribution = "© Example tiles";
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);
  surface = sitroom_test_map_render (fixture, &fixture->viewport);

  /* No background of our own over the tiles… */
  sitroom_test_map_pixel (surface, SITROOM_TEST_MAP_WIDTH - 5, 5, &r, &g, &b, &a);
  g_assert_cmpint (a, ==, 0);
  /* …and fills the tiles show through. */
  clear_point (fixture, taiyuan, &x, &y);
  sitroom_test_map_pixel (surface, (int) x, (int) y, &r, &g, &b, &a);
  g_assert_cmpint (abs (a - 153), <=, 2);
  /* The tiles' attribution is credited. */
  g_assert_nonnull (strstr (pango_layout_get_text (fixture->renderer->texts.credits), "© Example tiles"));

  cairo_surface_destroy (surface);
}

/* Static management in Yu County and Pingyao: hatching round their
 * marks, dark lines among light pixels; none round the other marks. */
static void
test_hatching (SitroomTestMap *fixture,
               gconstpointer   data)
{
  SitroomMapRenderer *r = fixture->renderer;
  cairo_surface_t *surface = sitroom_test_map_render (fixture, &fixture->viewport);
  double ox = fixture->viewport.width / 2 - fixture->viewport.center_x;
  double oy = fixture->viewport.height / 2 - fixture->viewport.center_y;
  guint n_static = 0;

  for (guint i = 0; i < r->marks->len; i++)
    {
      const MapMark *mark = &g_array_index (r->marks, MapMark, i);
      double cx = mark->unit_x * r->scale + ox, cy = mark->unit_y * r->scale + oy;
      double inner = sitroom_map_mark_radius (r, &mark->mark) + 3;
      double outer = sitroom_map_mark_extent (r, &mark->mark, TRUE) - 1.5;
      guint dark = 0, light = 0;

      for (double a = 0; a < 2 * G_PI; a += 0.05)
        for (double d = inner; d < outer; d += 1)
          {
            int x = (int) (cx + d * cos (a)), y = (int) (cy + d * sin (a));

            int red, green, blue, alpha;

            sitroom_test_map_pixel (surface, x, y, &red, &green, &blue, &alpha);
            if (red + green + blue < 3 * 110)
              dark++;
            else if (red + green + blue > 3 * 180)
              light++;
          }
      if (mark->mark.hatched)
        {
          n_static++;
          g_assert_cmpuint (dark, >, 20);
          g_assert_cmpuint (light, >, 20);
        }
      else
        g_assert_false (dark > 20 && light > 20);
    }
  g_assert_cmpuint (n_static, ==, 2);
  cairo_surface_destroy (surface);
}

static guint
count_color (cairo_surface_t    *surface,
             const SitroomColor *color)
{
  guint n = 0;

  for (int y = 0; y < SITROOM_TEST_MAP_HEIGHT; y++)
    for (int x = 0; x < SITROOM_TEST_MAP_WIDTH; x++)
      n += sitroom_test_map_same_color (surface, x, y, color);
  return n;
}

/* The selected prefecture is outlined in the selection's colour, in the
 * picture and in the paths alike. */
static void
test_selection (SitroomTestMap *fixture,
                gconstpointer   data)
{
  const SitroomColor *color = &sitroom_map_palette (SITROOM_STYLE_LIGHT)->selected;
  cairo_surface_t *none, *selected, *paths;
  cairo_t *cr;

  none = sitroom_test_map_render (fixture, &fixture->viewport);
  g_assert_cmpuint (count_color (none, color), ==, 0);

  fixture->options.selected_region = sitroom_situation_lookup_region (fixture->situation, "140500");
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);
  selected = sitroom_test_map_render (fixture, &fixture->viewport);
  g_assert_cmpuint (count_color (selected, color), >, 300);

  /* Drawn as paths, the same outline, give or take its antialiased edge. */
  paths = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SITROOM_TEST_MAP_WIDTH, SITROOM_TEST_MAP_HEIGHT);
  cr = cairo_create (paths);
  cairo_scale (cr, 1 + 1e-9, 1);
  sitroom_map_renderer_draw (fixture->renderer, cr, &fixture->viewport);
  cairo_destroy (cr);
  g_assert_cmpfloat (fabs ((double) count_color (paths, color) - count_color (selected, color)), <,
                     0.1 * count_color (selected, color));

  cairo_surface_destroy (none);
  cairo_surface_destroy (selected);
  cairo_surface_destroy (paths);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SITROOM_TEST_MAP_ADD ("/render/map/fills", test_fills);
  SITROOM_TEST_MAP_ADD ("/render/map/no-data", test_no_data);
  SITROOM_TEST_MAP_ADD ("/render/map/region-at", test_region_at);
  SITROOM_TEST_MAP_ADD ("/render/map/fit", test_fit);
  SITROOM_TEST_MAP_ADD ("/render/map/gcj02", test_gcj02);
  SITROOM_TEST_MAP_ADD ("/render/map/tiles", test_tiles);
  SITROOM_TEST_MAP_ADD ("/render/map/hatching", test_hatching);
  SITROOM_TEST_MAP_ADD ("/render/map/selection", test_selection);

  return g_test_run ();
}
