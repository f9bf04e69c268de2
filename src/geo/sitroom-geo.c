/* Coordinates: WGS84 and GCJ-02, Web Mercator as libshumate draws it, rings and points. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sitroom-geo.h"

/* GCJ-02 is defined on the Krasovsky 1940 ellipsoid. */
#define KRASOVSKY_A  6378245.0
#define KRASOVSKY_EE 0.00669342162296594323

/* The mean Earth radius (IUGG), for great-circle distances. */
#define MEAN_RADIUS 6371008.8

/* libshumate's equatorial radius for its scale (WGS84's semi-major axis). */
#define EQUATORIAL_RADIUS 6378137.0

/* About 0.1 mm: far below the centimetre the header promises, and still
 * above the noise of the forward transform's own arithmetic. */
#define INVERSE_TOLERANCE 1e-9
#define INVERSE_MAX_STEPS 30

static double
offset_lat (double x,
            double y)
{
  double r;

  r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt (fabs (x));
  r += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  r += (20.0 * sin (y * G_PI) + 40.0 * sin (y / 3.0 * G_PI)) * 2.0 / 3.0;
  r += (160.0 * sin (y / 12.0 * G_PI) + 320.0 * sin (y * G_PI / 30.0)) * 2.0 / 3.0;
  return r;
}

static double
offset_lon (double x,
            double y)
{
  double r;

  r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt (fabs (x));
  r += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  r += (20.0 * sin (x * G_PI) + 40.0 * sin (x / 3.0 * G_PI)) * 2.0 / 3.0;
  r += (150.0 * sin (x / 12.0 * G_PI) + 300.0 * sin (x / 30.0 * G_PI)) * 2.0 / 3.0;
  return r;
}

gboolean
sitroom_geo_in_china (double lon,
                      double lat)
{
  /* The box every implementation of the transform uses: it takes in some
   * of China's neighbours, which is what Chinese map services do too. */
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

void
sitroom_geo_gcj02_from_wgs84 (double  lon,
                              double  lat,
                              double *gcj_lon,
                              double *gcj_lat)
{
  double d_lat, d_lon, rad_lat, magic, sqrt_magic;

  g_return_if_fail (gcj_lon != NULL && gcj_lat != NULL);

  if (!sitroom_geo_in_china (lon, lat))
    {
      *gcj_lon = lon;
      *gcj_lat = lat;
      return;
    }

  d_lat = offset_lat (lon - 105.0, lat - 35.0);
  d_lon = offset_lon (lon - 105.0, lat - 35.0);
  rad_lat = lat / 180.0 * G_PI;
  magic = 1.0 - KRASOVSKY_EE * sin (rad_lat) * sin (rad_lat);
  sqrt_magic = sqrt (magic);
  d_lat = (d_lat * 180.0) / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * G_PI);
  d_lon = (d_lon * 180.0) / (KRASOVSKY_A / sqrt_magic * cos (rad_lat) * G_PI);

  *gcj_lon = lon + d_lon;
  *gcj_lat = lat + d_lat;
}

void
sitroom_geo_wgs84_from_gcj02 (double  gcj_lon,
                              double  gcj_lat,
                              double *lon,
                              double *lat)
{
  double w_lon = gcj_lon;
  double w_lat = gcj_lat;

  g_return_if_fail (lon != NULL && lat != NULL);

  /* The offset changes slowly with position, so subtracting the error of
   * the forward transform converges fast: three or four steps to 1e-9°. */
  for (guint i = 0; i < INVERSE_MAX_STEPS; i++)
    {
      double g_lon, g_lat, e_lon, e_lat;

      sitroom_geo_gcj02_from_wgs84 (w_lon, w_lat, &g_lon, &g_lat);
      e_lon = g_lon - gcj_lon;
      e_lat = g_lat - gcj_lat;
      w_lon -= e_lon;
      w_lat -= e_lat;
      if (fabs (e_lon) < INVERSE_TOLERANCE && fabs (e_lat) < INVERSE_TOLERANCE)
        break;
    }

  *lon = w_lon;
  *lat = w_lat;
}

double
sitroom_geo_distance (double lon1,
                      double lat1,
                      double lon2,
                      double lat2)
{
  double phi1 = lat1 * G_PI / 180.0;
  double phi2 = lat2 * G_PI / 180.0;
  double d_phi = phi2 - phi1;
  double d_lambda = (lon2 - lon1) * G_PI / 180.0;
  double h;

  h = sin (d_phi / 2.0) * sin (d_phi / 2.0)
      + cos (phi1) * cos (phi2) * sin (d_lambda / 2.0) * sin (d_lambda / 2.0);
  /* Rounding can push h a hair over 1 for antipodal points. */
  return 2.0 * MEAN_RADIUS * asin (sqrt (MIN (h, 1.0)));
}

/* The world's width in pixels at @zoom, computed as libshumate does (whole
 * tiles at the integer zoom, times a tile grown by the fraction) so that the
 * results agree with its layers to the last bit. Scaling by 2^n is exact,
 * which ldexp() does. */
static double
world_size (double zoom)
{
  if (zoom < 0.0)
    return SITROOM_GEO_TILE_SIZE * pow (2.0, zoom);
  return ldexp (SITROOM_GEO_TILE_SIZE * pow (2.0, fmod (zoom, 1.0)), (int) zoom);
}

void
sitroom_geo_project (double  lon,
                     double  lat,
                     double  zoom,
                     double *x,
                     double *y)
{
  double size = world_size (zoom);
  double sin_lat;

  g_return_if_fail (x != NULL && y != NULL);

  lon = CLAMP (lon, -180.0, 180.0);
  lat = CLAMP (lat, -SITROOM_GEO_MAX_LATITUDE, SITROOM_GEO_MAX_LATITUDE);
  sin_lat = sin (lat * G_PI / 180.0);

  *x = ((lon + 180.0) / 360.0) * size;
  *y = (0.5 - log ((1.0 + sin_lat) / (1.0 - sin_lat)) / (4.0 * G_PI)) * size;
}

void
sitroom_geo_unproject (double  x,
                       double  y,
                       double  zoom,
                       double *lon,
                       double *lat)
{
  double size = world_size (zoom);
  double dy;

  g_return_if_fail (lon != NULL && lat != NULL);

  dy = 0.5 - y / size;
  *lon = CLAMP (x / size * 360.0 - 180.0, -180.0, 180.0);
  *lat = CLAMP (90.0 - 360.0 / G_PI * atan (exp (-dy * 2.0 * G_PI)),
                -SITROOM_GEO_MAX_LATITUDE, SITROOM_GEO_MAX_LATITUDE);
}

double
sitroom_geo_metres_per_pixel (double lat,
                              double zoom)
{
  return 2.0 * G_PI * EQUATORIAL_RADIUS * cos (lat * G_PI / 180.0) / world_size (zoom);
}

gboolean
sitroom_geo_ring_contains (const double *points,
                           guint         n_points,
                           double        x,
                           double        y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);

  /* A ray to the east crosses the ring an odd number of times from inside.
   * Comparing (yi > y) with (yj > y) counts a vertex on the ray once, and a
   * horizontal edge never. */
  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      double xi = points[2 * i], yi = points[2 * i + 1];
      double xj = points[2 * j], yj = points[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }

  return inside;
}
