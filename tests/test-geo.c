/* Tests of the coordinate functions: GCJ-02, distances, Web Mercator and ring containment. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sitroom-geo.h"

/* Shanxi with the margin the data tools use. */
#define WEST  110.2
#define EAST  114.6
#define SOUTH 34.5
#define NORTH 40.8

static void
test_gcj02_round_trip (void)
{
  double worst_wgs = 0.0, worst_gcj = 0.0;
  guint n = 0;

  for (double lon = WEST; lon <= EAST; lon += 0.05)
    for (double lat = SOUTH; lat <= NORTH; lat += 0.05)
      {
        double g_lon, g_lat, w_lon, w_lat;

        /* WGS84 -> GCJ-02 -> WGS84 */
        sitroom_geo_gcj02_from_wgs84 (lon, lat, &g_lon, &g_lat);
        sitroom_geo_wgs84_from_gcj02 (g_lon, g_lat, &w_lon, &w_lat);
        worst_wgs = MAX (worst_wgs, sitroom_geo_distance (lon, lat, w_lon, w_lat));

        /* and a GCJ-02 point (a vertex of a Chinese web map) back and forth */
        sitroom_geo_wgs84_from_gcj02 (lon, lat, &w_lon, &w_lat);
        sitroom_geo_gcj02_from_wgs84 (w_lon, w_lat, &g_lon, &g_lat);
        worst_gcj = MAX (worst_gcj, sitroom_geo_distance (lon, lat, g_lon, g_lat));
        n++;
      }

  g_assert_cmpuint (n, >, 10000);
  /* The header promises a centimetre; the issue asks for under a metre. */
  g_assert_cmpfloat (worst_wgs, <, 0.01);
  g_assert_cmpfloat (worst_gcj, <, 0.01);
}

static void
test_gcj02_offset (void)
{
  double g_lon, g_lat, offset;

  /* Taiyuan: GCJ-02 lies about 550 m east-north-east of WGS84. */
  sitroom_geo_gcj02_from_wgs84 (112.55, 37.87, &g_lon, &g_lat);
  offset = sitroom_geo_distance (112.55, 37.87, g_lon, g_lat);
  g_assert_cmpfloat (offset, >, 500.0);
  g_assert_cmpfloat (offset, <, 700.0);
  g_assert_cmpfloat (g_lon, >, 112.55);
  g_assert_cmpfloat (g_lon - 112.55, >, 5 * fabs (g_lat - 37.87));

  /* The same numbers as tools/regions/make-regions.py, which converted the
   * built-in centres and outlines: the map's overlays and its data must
   * agree. Values printed by that script's wgs84_to_gcj02(). */
  g_assert_cmpfloat_with_epsilon (g_lon, 112.55629653973969, 1e-12);
  g_assert_cmpfloat_with_epsilon (g_lat, 37.870523002004106, 1e-12);
  sitroom_geo_gcj02_from_wgs84 (110.45, 34.86, &g_lon, &g_lat);
  g_assert_cmpfloat_with_epsilon (g_lon, 110.45549538309159, 1e-12);
  g_assert_cmpfloat_with_epsilon (g_lat, 34.859181294537194, 1e-12);
}

static void
test_gcj02_outside_china (void)
{
  double lon, lat;

  g_assert_true (sitroom_geo_in_china (112.55, 37.87));
  g_assert_true (sitroom_geo_in_china (87.6, 43.8));      /* Ürümqi */
  g_assert_false (sitroom_geo_in_china (139.69, 35.69));  /* Tokyo */
  g_assert_false (sitroom_geo_in_china (2.35, 48.86));    /* Paris */
  g_assert_false (sitroom_geo_in_china (112.55, -37.87)); /* south of the equator */

  sitroom_geo_gcj02_from_wgs84 (139.69, 35.69, &lon, &lat);
  g_assert_cmpfloat (lon, ==, 139.69);
  g_assert_cmpfloat (lat, ==, 35.69);
  sitroom_geo_wgs84_from_gcj02 (2.35, 48.86, &lon, &lat);
  g_assert_cmpfloat (lon, ==, 2.35);
  g_assert_cmpfloat (lat, ==, 48.86);
}

static void
test_distance (void)
{
  /* One degree along a meridian: 2πR / 360 with R = 6 371 008.8 m. */
  g_assert_cmpfloat_with_epsilon (sitroom_geo_distance (112.0, 37.0, 112.0, 38.0), 111195.080, 0.001);
  /* One degree along the equator is the same. */
  g_assert_cmpfloat_with_epsilon (sitroom_geo_distance (0.0, 0.0, 1.0, 0.0), 111195.080, 0.001);
  /* Along the parallel at 60°N one degree is half that, 55 597.54 m; the
   * great circle cuts north of the parallel and is 0.53 m shorter. */
  g_assert_cmpfloat_with_epsilon (sitroom_geo_distance (10.0, 60.0, 11.0, 60.0), 55597.011, 0.001);
  g_assert_cmpfloat (sitroom_geo_distance (112.5, 37.8, 112.5, 37.8), ==, 0.0);
  /* Antipodes: half the circumference, without NaN from rounding. */
  g_assert_cmpfloat_with_epsilon (sitroom_geo_distance (0.0, 0.0, 180.0, 0.0), G_PI * 6371008.8, 0.01);
  /* Symmetric. */
  g_assert_cmpfloat (sitroom_geo_distance (111.0, 35.0, 113.5, 40.1), ==,
                     sitroom_geo_distance (113.5, 40.1, 111.0, 35.0));
}

static void
test_mercator_centre (void)
{
  double x, y;

  sitroom_geo_project (0.0, 0.0, 0.0, &x, &y);
  g_assert_cmpfloat (x, ==, 128.0);
  g_assert_cmpfloat_with_epsilon (y, 128.0, 1e-9);

  /* Each zoom level doubles the world. */
  sitroom_geo_project (0.0, 0.0, 3.0, &x, &y);
  g_assert_cmpfloat (x, ==, 1024.0);
  g_assert_cmpfloat_with_epsilon (y, 1024.0, 1e-9);

  /* The corners of the world and the clamps at its edges. */
  sitroom_geo_project (-180.0, SITROOM_GEO_MAX_LATITUDE, 0.0, &x, &y);
  g_assert_cmpfloat (x, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (y, 0.0, 1e-6);
  sitroom_geo_project (180.0, -SITROOM_GEO_MAX_LATITUDE, 0.0, &x, &y);
  g_assert_cmpfloat (x, ==, 256.0);
  g_assert_cmpfloat_with_epsilon (y, 256.0, 1e-6);
  sitroom_geo_project (200.0, 89.9, 0.0, &x, &y);
  g_assert_cmpfloat (x, ==, 256.0);
  g_assert_cmpfloat_with_epsilon (y, 0.0, 1e-6);
}

static void
test_mercator_known (void)
{
  double x, y;

  /* Taiyuan at zoom 10, by hand with the slippy-map formulas:
   *   n = 256 × 2^10 = 262 144 pixels
   *   x = (112.55 + 180) / 360 × n                       = 213 028.408 888 9
   *   y = (1 − asinh(tan 37.87°) / π) / 2 × n            = 101 236.477 102 3
   * which is tile (832, 395) of OpenStreetMap's scheme. */
  sitroom_geo_project (112.55, 37.87, 10.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 213028.4088888889, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 101236.47710233407, 1e-6);
  g_assert_cmpint ((int) (x / SITROOM_GEO_TILE_SIZE), ==, 832);
  g_assert_cmpint ((int) (y / SITROOM_GEO_TILE_SIZE), ==, 395);

  /* A fractional zoom scales by 2^fraction: at 10.5, √2 times zoom 10. */
  {
    double x2, y2;

    sitroom_geo_project (112.55, 37.87, 10.5, &x2, &y2);
    g_assert_cmpfloat_with_epsilon (x2, x * G_SQRT2, 1e-6);
    g_assert_cmpfloat_with_epsilon (y2, y * G_SQRT2, 1e-6);
  }

  /* The scale: the equator at zoom 0 is 2π × 6 378 137 m over 256 px; at
   * 60° it is half that, and it halves with each zoom. */
  g_assert_cmpfloat_with_epsilon (sitroom_geo_metres_per_pixel (0.0, 0.0), 156543.03392804097, 1e-6);
  g_assert_cmpfloat_with_epsilon (sitroom_geo_metres_per_pixel (60.0, 0.0), 78271.5169640205, 1e-6);
  g_assert_cmpfloat_with_epsilon (sitroom_geo_metres_per_pixel (0.0, 8.0), 156543.03392804097 / 256, 1e-9);
}

static void
test_mercator_unproject (void)
{
  for (double zoom = 0.0; zoom <= 12.0; zoom += 1.25)
    for (double lon = -179.0; lon <= 179.0; lon += 7.3)
      for (double lat = -84.0; lat <= 84.0; lat += 3.7)
        {
          double x, y, lon2, lat2;

          sitroom_geo_project (lon, lat, zoom, &x, &y);
          sitroom_geo_unproject (x, y, zoom, &lon2, &lat2);
          g_assert_cmpfloat_with_epsilon (lon2, lon, 1e-9);
          g_assert_cmpfloat_with_epsilon (lat2, lat, 1e-9);
        }

  {
    double lon, lat;

    /* Beyond the world's edges the result is clamped, as libshumate does. */
    sitroom_geo_unproject (-10.0, -10.0, 0.0, &lon, &lat);
    g_assert_cmpfloat (lon, ==, -180.0);
    g_assert_cmpfloat (lat, ==, SITROOM_GEO_MAX_LATITUDE);
    sitroom_geo_unproject (128.0, 128.0, 0.0, &lon, &lat);
    g_assert_cmpfloat_with_epsilon (lon, 0.0, 1e-12);
    g_assert_cmpfloat_with_epsilon (lat, 0.0, 1e-12);
  }
}

static void
test_ring_square (void)
{
  /* Open (the first point is not repeated) and closed give the same answers. */
  static const double open[] = { 0, 0, 10, 0, 10, 10, 0, 10 };
  static const double closed[] = { 0, 0, 10, 0, 10, 10, 0, 10, 0, 0 };
  static const struct { double x, y; gboolean inside; } points[] = {
    { 5, 5, TRUE }, { 0.001, 9.999, TRUE }, { 9.999, 0.001, TRUE },
    { -0.001, 5, FALSE }, { 10.001, 5, FALSE }, { 5, 10.001, FALSE }, { 5, -0.001, FALSE },
    { 20, 5, FALSE }, { -20, 5, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_assert_cmpint (sitroom_geo_ring_contains (open, 4, points[i].x, points[i].y), ==, points[i].inside);
      g_assert_cmpint (sitroom_geo_ring_contains (closed, 5, points[i].x, points[i].y), ==, points[i].inside);
    }
  g_assert_false (sitroom_geo_ring_contains (open, 0, 5, 5));
}

static void
test_ring_concave (void)
{
  /* A U open to the north: the notch between the arms is outside, and a
   * ray from it crosses the ring twice. Clockwise, to show that the
   * direction does not matter. */
  static const double u[] = {
    0, 0,  0, 10,  3, 10,  3, 3,  7, 3,  7, 10,  10, 10,  10, 0,
  };

  g_assert_true (sitroom_geo_ring_contains (u, 8, 1.5, 8));    /* left arm */
  g_assert_true (sitroom_geo_ring_contains (u, 8, 8.5, 8));    /* right arm */
  g_assert_true (sitroom_geo_ring_contains (u, 8, 5, 1.5));    /* base */
  g_assert_false (sitroom_geo_ring_contains (u, 8, 5, 8));     /* notch */
  g_assert_false (sitroom_geo_ring_contains (u, 8, -1, 8));    /* west of both arms */
  /* On the level of the notch's bottom edge, just above and below it. */
  g_assert_false (sitroom_geo_ring_contains (u, 8, 5, 3.001));
  g_assert_true (sitroom_geo_ring_contains (u, 8, 5, 2.999));
  /* A ray through a vertex (3, 3) is counted once, not twice. */
  g_assert_true (sitroom_geo_ring_contains (u, 8, 1, 3));
}

static void
test_ring_hole (void)
{
  /* A polygon with a hole is the outer ring less the hole: the caller tests
   * both rings, and a point in the hole is inside both. */
  static const double outer[] = { 0, 0, 10, 0, 10, 10, 0, 10 };
  static const double hole[] = { 4, 4, 4, 6, 6, 6, 6, 4 };
  /* The same shape as one ring that walks in to the hole and back out along
   * a zero-width slit: even-odd makes the hole outside. */
  static const double slit[] = {
    0, 0, 10, 0, 10, 10, 0, 10, 0, 5, 4, 5, 4, 6, 6, 6, 6, 4, 4, 4, 4, 5, 0, 5,
  };

  g_assert_true (sitroom_geo_ring_contains (outer, 4, 5, 5));
  g_assert_true (sitroom_geo_ring_contains (hole, 4, 5, 5));
  g_assert_true (sitroom_geo_ring_contains (outer, 4, 2, 2));
  g_assert_false (sitroom_geo_ring_contains (hole, 4, 2, 2));

  g_assert_false (sitroom_geo_ring_contains (slit, 12, 5, 5.5));
  g_assert_true (sitroom_geo_ring_contains (slit, 12, 2, 2));
  g_assert_true (sitroom_geo_ring_contains (slit, 12, 8, 8));
  g_assert_false (sitroom_geo_ring_contains (slit, 12, 11, 5.5));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/gcj02/round-trip", test_gcj02_round_trip);
  g_test_add_func ("/geo/gcj02/offset", test_gcj02_offset);
  g_test_add_func ("/geo/gcj02/outside-china", test_gcj02_outside_china);
  g_test_add_func ("/geo/distance", test_distance);
  g_test_add_func ("/geo/mercator/centre", test_mercator_centre);
  g_test_add_func ("/geo/mercator/known", test_mercator_known);
  g_test_add_func ("/geo/mercator/unproject", test_mercator_unproject);
  g_test_add_func ("/geo/ring/square", test_ring_square);
  g_test_add_func ("/geo/ring/concave", test_ring_concave);
  g_test_add_func ("/geo/ring/hole", test_ring_hole);

  return g_test_run ();
}
