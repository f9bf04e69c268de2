/* Tests of the region outlines: the built-in prefectures and the reader of operators' GeoJSON files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sitroom-boundaries.h"
#include "sitroom-error.h"
#include "sitroom-geo.h"
#include "sitroom-regions.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static SitroomBoundaries *
load_bytes (const char  *text,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return sitroom_boundaries_new_from_bytes (bytes, "test.geojson", error);
}

/* Every ring's points, summed, must be the boundary's n_points, and every
 * point inside the boundary's box: the compact storage adds up. */
static void
assert_boundary_consistent (const SitroomBoundary *b)
{
  guint n = 0;

  g_assert_cmpuint (b->n_polygons, >, 0);
  for (guint p = 0; p < b->n_polygons; p++)
    {
      const SitroomPolygon *polygon = &b->polygons[p];
      guint k = 0;

      g_assert_cmpuint (polygon->n_rings, >, 0);
      for (guint r = 0; r < polygon->n_rings; r++)
        {
          const double *first, *last;

          g_assert_cmpuint (polygon->ring_lengths[r], >=, 3);
          first = &polygon->points[2 * k];
          last = &polygon->points[2 * (k + polygon->ring_lengths[r] - 1)];
          /* Rings are kept open. */
          g_assert_false (first[0] == last[0] && first[1] == last[1]);
          k += polygon->ring_lengths[r];
        }
      for (guint i = 0; i < k; i++)
        {
          g_assert_cmpfloat (polygon->points[2 * i], >=, polygon->min_lon);
          g_assert_cmpfloat (polygon->points[2 * i], <=, polygon->max_lon);
          g_assert_cmpfloat (polygon->points[2 * i + 1], >=, polygon->min_lat);
          g_assert_cmpfloat (polygon->points[2 * i + 1], <=, polygon->max_lat);
        }
      g_assert_cmpfloat (polygon->min_lon, >=, b->min_lon);
      g_assert_cmpfloat (polygon->max_lat, <=, b->max_lat);
      n += k;
    }
  g_assert_cmpuint (n, ==, b->n_points);
}

static void
test_builtin_prefectures (void)
{
  SitroomBoundaries *boundaries = sitroom_boundaries_get_builtin ();
  const SitroomRegions *regions = sitroom_regions_get_builtin ();
  guint n_prefectures = 0, n_points = 0;

  g_assert_true (sitroom_boundaries_get_builtin () == boundaries);
  g_assert_true (sitroom_boundaries_is_builtin (boundaries));
  g_assert_cmpstr (sitroom_boundaries_get_origin (boundaries), ==, "built-in");
  g_assert_cmpuint (sitroom_boundaries_get_n (boundaries), ==, 11);

  /* The outlines are exactly the prefectures of the region table. */
  for (guint i = 0; i < sitroom_regions_get_n (regions); i++)
    {
      const SitroomRegion *region = sitroom_regions_get (regions, i);
      const SitroomBoundary *b;

      if (region->level != SITROOM_LEVEL_PREFECTURE)
        {
          g_assert_null (sitroom_boundaries_lookup (boundaries, region->code));
          continue;
        }
      n_prefectures++;
      b = sitroom_boundaries_lookup (boundaries, region->code);
      g_assert_nonnull (b);
      g_assert_cmpstr (b->code, ==, region->code);
      g_assert_cmpstr (b->name, ==, region->name.zh);
      g_assert_cmpint (b->level, ==, SITROOM_LEVEL_PREFECTURE);
    }
  g_assert_cmpuint (n_prefectures, ==, 11);

  for (guint i = 0; i < sitroom_boundaries_get_n (boundaries); i++)
    {
      const SitroomBoundary *b = sitroom_boundaries_get (boundaries, i);

      assert_boundary_consistent (b);
      /* Each prefecture is one piece with no holes in this source, drawn
       * with a few hundred to about a thousand points. */
      g_assert_cmpuint (b->n_polygons, ==, 1);
      g_assert_cmpuint (b->polygons[0].n_rings, ==, 1);
      g_assert_cmpuint (b->n_points, >, 300);
      g_assert_cmpuint (b->n_points, <, 2000);
      n_points += b->n_points;
    }
  /* 10 111 vertices in the file less the 11 closing ones. */
  g_assert_cmpuint (sitroom_boundaries_get_n_points (boundaries), ==, n_points);
  g_assert_cmpuint (n_points, ==, 10100);
}

static void
test_builtin_centres (void)
{
  SitroomBoundaries *boundaries = sitroom_boundaries_get_builtin ();
  const SitroomRegions *regions = sitroom_regions_get_builtin ();
  guint n_counties = 0, n_inside = 0;

  for (guint i = 0; i < sitroom_regions_get_n (regions); i++)
    {
      const SitroomRegion *region = sitroom_regions_get (regions, i);
      const SitroomBoundary *b;

      if (region->level == SITROOM_LEVEL_PROVINCE)
        continue;
      /* The seat of a prefecture's government lies in its own outline, and
       * so does every county seat in its prefecture's: the outlines and the
       * table come from different files and were converted separately. */
      b = sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_PREFECTURE, region->lon, region->lat);
      if (region->level == SITROOM_LEVEL_PREFECTURE)
        {
          g_assert_nonnull (b);
          g_assert_cmpstr (b->code, ==, region->code);
          continue;
        }
      n_counties++;
      if (b != NULL && strcmp (b->code, region->parent) == 0)
        n_inside++;
      else
        g_test_message ("%s %s is not inside %s", region->code, region->name.zh, region->parent);
    }
  g_assert_cmpuint (n_counties, >, 100);
  g_assert_cmpuint (n_inside, ==, n_counties);

  /* No county outlines are built in, and nothing outside Shanxi is found. */
  g_assert_null (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_COUNTY, 112.55, 37.87));
  g_assert_null (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_PREFECTURE, 116.40, 39.90)); /* Beijing */
  g_assert_null (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_PREFECTURE, 108.94, 34.34)); /* Xi'an */
  g_assert_null (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_PREFECTURE, 113.65, 34.76)); /* Zhengzhou */
}

static void
test_builtin_extent (void)
{
  SitroomBoundaries *boundaries = sitroom_boundaries_get_builtin ();
  double min_lon, min_lat, max_lon, max_lat;

  /* Shanxi spans about 110.23–114.56 E and 34.58–40.74 N. */
  sitroom_boundaries_get_extent (boundaries, &min_lon, &min_lat, &max_lon, &max_lat);
  g_assert_cmpfloat (min_lon, >, 110.2);
  g_assert_cmpfloat (min_lon, <, 110.4);
  g_assert_cmpfloat (max_lon, >, 114.4);
  g_assert_cmpfloat (max_lon, <, 114.6);
  g_assert_cmpfloat (min_lat, >, 34.5);
  g_assert_cmpfloat (min_lat, <, 34.7);
  g_assert_cmpfloat (max_lat, >, 40.6);
  g_assert_cmpfloat (max_lat, <, 40.8);
}

static void
test_file_good (void)
{
  g_autofree char *path = fixture_path ("boundaries-good.geojson");
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomBoundaries) boundaries = sitroom_boundaries_new_from_file (path, &error);
  const SitroomBoundary *city, *county, *province;
  double min_lon, min_lat, max_lon, max_lat;

  g_assert_no_error (error);
  g_assert_nonnull (boundaries);
  g_assert_false (sitroom_boundaries_is_builtin (boundaries));
  g_assert_cmpstr (sitroom_boundaries_get_origin (boundaries), ==, path);
  g_assert_cmpuint (sitroom_boundaries_get_n (boundaries), ==, 3);

  /* Whole-number coordinates, a closed ring. */
  city = sitroom_boundaries_get (boundaries, 0);
  g_assert_cmpstr (city->code, ==, "140100");
  g_assert_cmpstr (city->name, ==, "太原市");
  g_assert_cmpint (city->level, ==, SITROOM_LEVEL_PREFECTURE);
  g_assert_cmpuint (city->n_points, ==, 4);
  g_assert_cmpfloat (city->polygons[0].points[2], ==, 113.0);

  /* An integer adcode; a MultiPolygon of a square with a hole and an open
   * triangle with altitudes. */
  county = sitroom_boundaries_lookup (boundaries, "140105");
  g_assert_true (county == sitroom_boundaries_get (boundaries, 1));
  g_assert_cmpstr (county->name, ==, "小店区");
  g_assert_cmpint (county->level, ==, SITROOM_LEVEL_COUNTY);
  g_assert_cmpuint (county->n_polygons, ==, 2);
  g_assert_cmpuint (county->polygons[0].n_rings, ==, 2);
  g_assert_cmpuint (county->polygons[0].ring_lengths[0], ==, 4);
  g_assert_cmpuint (county->polygons[0].ring_lengths[1], ==, 4);
  g_assert_cmpuint (county->polygons[1].n_rings, ==, 1);
  g_assert_cmpuint (county->polygons[1].ring_lengths[0], ==, 3);
  g_assert_cmpuint (county->n_points, ==, 11);
  g_assert_cmpfloat (county->min_lon, ==, 112.5);
  g_assert_cmpfloat (county->max_lon, ==, 112.8);

  /* No name: NULL, and the level read from the code. */
  province = sitroom_boundaries_lookup (boundaries, "140000");
  g_assert_null (province->name);
  g_assert_cmpint (province->level, ==, SITROOM_LEVEL_PROVINCE);

  for (guint i = 0; i < 3; i++)
    assert_boundary_consistent (sitroom_boundaries_get (boundaries, i));
  g_assert_cmpuint (sitroom_boundaries_get_n_points (boundaries), ==, 4 + 11 + 4);
  sitroom_boundaries_get_extent (boundaries, &min_lon, &min_lat, &max_lon, &max_lat);
  g_assert_cmpfloat (min_lon, ==, 110.0);
  g_assert_cmpfloat (min_lat, ==, 34.0);
  g_assert_cmpfloat (max_lon, ==, 115.0);
  g_assert_cmpfloat (max_lat, ==, 41.0);

  /* find_at: each level by itself; the hole is not the county. */
  g_assert_true (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_COUNTY, 112.52, 37.72) == county);
  g_assert_null (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_COUNTY, 112.55, 37.75));
  g_assert_true (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_COUNTY, 112.72, 37.72) == county);
  g_assert_null (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_COUNTY, 112.78, 37.78));
  g_assert_true (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_PREFECTURE, 112.55, 37.75) == city);
  g_assert_true (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_PROVINCE, 112.55, 37.75) == province);
  g_assert_null (sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_PREFECTURE, 111.0, 37.75));
}

static void
test_file_errors (void)
{
  static const struct {
    const char *file;
    SitroomFeedError code;
    const char *message;
  } cases[] = {
    { "boundaries-bad-adcode.geojson", SITROOM_FEED_ERROR_INVALID,
      "feature 3 (太原市): adcode “1401” is not six digits" },
    { "boundaries-bad-ring.geojson", SITROOM_FEED_ERROR_INVALID,
      "feature 5 (140500): ring 1: a ring needs at least 3 points, this one has 2" },
    { "boundaries-bad-collection.geojson", SITROOM_FEED_ERROR_INVALID,
      "not GeoJSON: no FeatureCollection (the top level is a “Feature”)" },
    { "boundaries-bad-duplicate.geojson", SITROOM_FEED_ERROR_INVALID,
      "feature 2 (太原): adcode “140100” is also that of feature 1; each region may have one outline" },
    { "boundaries-bad-range.geojson", SITROOM_FEED_ERROR_INVALID,
      "feature 1 (太原市): ring 1, point 1: longitude 12529000.5 is outside −180 to 180 "
      "(the file must be in WGS84 degrees)" },
    { "boundaries-bad-number.geojson", SITROOM_FEED_ERROR_INVALID,
      "feature 1 (太原市): polygon 2, ring 1, point 3: a coordinate is not a number" },
    { "boundaries-bad-empty.geojson", SITROOM_FEED_ERROR_INVALID,
      "the FeatureCollection is empty: it has no outlines" },
    { "boundaries-bad-geometry.geojson", SITROOM_FEED_ERROR_INVALID,
      "feature 1 (太原市): geometry “Point” is not a Polygon or MultiPolygon" },
    { "boundaries-bad-no-adcode.geojson", SITROOM_FEED_ERROR_INVALID,
      "feature 1 (太原市): no “adcode” property: each feature needs its six-digit division code" },
    { "boundaries-bad-syntax.geojson", SITROOM_FEED_ERROR_NOT_JSON, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(SitroomBoundaries) boundaries = sitroom_boundaries_new_from_file (path, &error);
      g_autofree char *prefix = g_strdup_printf ("%s: ", path);

      g_test_message ("%s: %s", cases[i].file, error != NULL ? error->message : "(loaded)");
      g_assert_null (boundaries);
      g_assert_error (error, SITROOM_FEED_ERROR, (int) cases[i].code);
      /* Messages name the file first, then the place in it. */
      g_assert_true (g_str_has_prefix (error->message, prefix));
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message + strlen (prefix), ==, cases[i].message);
      else
        g_assert_true (g_str_has_prefix (error->message + strlen (prefix), "not JSON: "));
    }
}

static void
test_bytes_errors (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "[]", "test.geojson: not GeoJSON: no FeatureCollection" },
    { "{\"type\": \"FeatureCollection\"}",
      "test.geojson: not GeoJSON: the FeatureCollection has no “features” list" },
    { "{\"type\": \"FeatureCollection\", \"features\": [42]}",
      "test.geojson: feature 1: not a GeoJSON Feature" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
      "\"properties\": {\"adcode\": true}, \"geometry\": null}]}",
      "test.geojson: feature 1: adcode is neither a string nor a number" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
      "\"properties\": {\"adcode\": 140100.5}, \"geometry\": null}]}",
      "test.geojson: feature 1: adcode “140100.5” is not six digits" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
      "\"properties\": {\"adcode\": \"14010a\"}, \"geometry\": null}]}",
      "test.geojson: feature 1: adcode “14010a” is not six digits" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
      "\"properties\": {\"adcode\": \"140100\"}, \"geometry\": null}]}",
      "test.geojson: feature 1 (140100): no geometry: each feature needs a Polygon or MultiPolygon" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
      "\"properties\": {\"adcode\": \"140100\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": []}}]}",
      "test.geojson: feature 1 (140100): the Polygon’s coordinates are not a list of rings, outer ring first" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
      "\"properties\": {\"adcode\": \"140100\", \"name\": \"\"}, \"geometry\": {\"type\": \"Polygon\"}}]}",
      "test.geojson: feature 1 (140100): the Polygon’s coordinates are not a list of rings, outer ring first" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
      "\"properties\": {\"adcode\": \"140100\"}, \"geometry\": {\"type\": \"Polygon\", "
      "\"coordinates\": [[[112, 37], [113, 95], [112, 38]]]}}]}",
      "test.geojson: feature 1 (140100): ring 1, point 2: latitude 95 is outside −90 to 90 "
      "(the file must be in WGS84 degrees)" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
      "\"properties\": {\"adcode\": \"140100\"}, \"geometry\": {\"type\": \"MultiPolygon\", "
      "\"coordinates\": [[[[112, 37], [113, 37], [112, 38]]], [[[112, 37], [113]]]]}}]}",
      "test.geojson: feature 1 (140100): polygon 2, ring 1, point 2 is not a [longitude, latitude] pair" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SitroomBoundaries) boundaries = load_bytes (cases[i].text, &error);

      g_assert_null (boundaries);
      g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_bytes_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": ");
  g_autoptr(SitroomBoundaries) boundaries = NULL;
  g_autoptr(GBytes) huge = NULL;

  /* 200 000 brackets would overflow a recursive parser's stack: the scan
   * refuses them before json-glib sees them. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  boundaries = load_bytes (deep->str, &error);
  g_assert_null (boundaries);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "test.geojson: "));
  g_clear_error (&error);

  /* Over 64 MiB is refused on its size alone. */
  huge = g_bytes_new_take (g_malloc0 (64 * 1024 * 1024 + 1), 64 * 1024 * 1024 + 1);
  boundaries = sitroom_boundaries_new_from_bytes (huge, "huge.geojson", &error);
  g_assert_null (boundaries);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Not UTF-8. */
  boundaries = load_bytes ("{\"type\": \"FeatureCollection\", \"features\": [\"\xff\"]}", &error);
  g_assert_null (boundaries);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_UTF8);
}

static void
test_bytes_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomBoundaries) boundaries = NULL;

  /* Editors on Windows start UTF-8 files with a byte order mark. */
  boundaries = load_bytes ("\xEF\xBB\xBF{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                           "\"properties\": {\"adcode\": \"140100\"}, \"geometry\": {\"type\": \"Polygon\", "
                           "\"coordinates\": [[[112, 37], [113, 37], [112, 38]]]}}]}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sitroom_boundaries_get_n (boundaries), ==, 1);
  g_assert_cmpstr (sitroom_boundaries_get_origin (boundaries), ==, "test.geojson");
  g_assert_null (sitroom_boundaries_lookup (boundaries, "140200"));
}

static void
test_file_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomBoundaries) boundaries = NULL;
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);

  boundaries = sitroom_boundaries_new_from_file ("/nonexistent/outlines.geojson", &error);
  g_assert_null (boundaries);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "Cannot read “/nonexistent/outlines.geojson”: "));
  g_clear_error (&error);

  boundaries = sitroom_boundaries_new_from_file (folder, &error);
  g_assert_null (boundaries);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/boundaries/builtin/prefectures", test_builtin_prefectures);
  g_test_add_func ("/boundaries/builtin/centres", test_builtin_centres);
  g_test_add_func ("/boundaries/builtin/extent", test_builtin_extent);
  g_test_add_func ("/boundaries/file/good", test_file_good);
  g_test_add_func ("/boundaries/file/errors", test_file_errors);
  g_test_add_func ("/boundaries/file/unreadable", test_file_unreadable);
  g_test_add_func ("/boundaries/bytes/errors", test_bytes_errors);
  g_test_add_func ("/boundaries/bytes/hostile", test_bytes_hostile);
  g_test_add_func ("/boundaries/bytes/bom", test_bytes_bom);

  return g_test_run ();
}
