/* Tests of sitroom --export: the map drawn into PNG and SVG files by a real process with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "sitroom-boundaries.h"
#include "sitroom-export.h"
#include "sitroom-geo.h"
#include "sitroom-map-render.h"
#include "sitroom-regions.h"
#include "sitroom-test-cli.h"
#include "sitroom-test-map.h"
#include "sitroom-test-regions.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  /* Alpha is ignored: an export is opaque whatever format cairo read it as. */
  return ((const guint32 *) (data + y * stride))[x] & 0xffffff;
}

/* The fit the export makes for @boundaries in @width × @height. */
static void
fit (SitroomBoundaries  *boundaries,
     int                 width,
     int                 height,
     SitroomMapViewport *viewport)
{
  sitroom_map_viewport_fit (boundaries, width, height,
                            SITROOM_EXPORT_MAP_MARGIN (width, height),
                            SITROOM_EXPORT_MAP_MIN_ZOOM, SITROOM_EXPORT_MAP_MAX_ZOOM,
                            viewport);
}

/* The colour at a prefecture's centre (its seat, from the region table)
 * in an export over @boundaries. */
static guint32
pixel_at_centre (cairo_surface_t   *surface,
                 SitroomBoundaries *boundaries,
                 const char        *code)
{
  const SitroomRegion *region = sitroom_test_builtin_region (code);
  SitroomMapViewport viewport;
  double x, y;

  g_assert_true (region->has_center);
  fit (boundaries, cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface), &viewport);
  sitroom_test_map_world_to_drawing (&viewport, region->lon, region->lat, &x, &y);
  return pixel (surface, (int) floor (x), (int) floor (y));
}

/* The fill of a prefecture: the commonest colour inside its outline, the
 * outline and the point at its centre found as the export finds them. The
 * badge with its name and figure sits near the centre, so the centre pixel
 * alone would be the badge's. */
static guint32
fill_around_centre (cairo_surface_t   *surface,
                    SitroomBoundaries *boundaries,
                    const char        *code)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  const SitroomRegion *region = sitroom_test_builtin_region (code);
  const SitroomBoundary *outline = sitroom_boundaries_find_at (boundaries, SITROOM_LEVEL_PREFECTURE,
                                                               region->lon, region->lat);
  const SitroomPolygon *polygon = NULL;
  g_autofree double *ring = NULL;
  SitroomMapViewport viewport;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  guint32 best = 0;
  guint best_count = 0;
  GHashTableIter iter;
  gpointer key, value;

  /* The outline that holds the centre is the prefecture's own. */
  g_assert_nonnull (outline);
  g_assert_cmpstr (outline->code, ==, code);
  for (guint i = 0; i < outline->n_polygons && polygon == NULL; i++)
    if (sitroom_geo_ring_contains (outline->polygons[i].points, outline->polygons[i].ring_lengths[0],
                                   region->lon, region->lat))
      polygon = &outline->polygons[i];
  g_assert_nonnull (polygon);

  fit (boundaries, cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface), &viewport);
  ring = g_new (double, 2 * polygon->ring_lengths[0]);
  for (guint i = 0; i < polygon->ring_lengths[0]; i++)
    {
      sitroom_test_map_world_to_drawing (&viewport, polygon->points[2 * i], polygon->points[2 * i + 1],
                                         &ring[2 * i], &ring[2 * i + 1]);
      min_x = MIN (min_x, ring[2 * i]);
      max_x = MAX (max_x, ring[2 * i]);
      min_y = MIN (min_y, ring[2 * i + 1]);
      max_y = MAX (max_y, ring[2 * i + 1]);
    }

  for (int y = MAX (0, (int) min_y); y <= (int) max_y; y++)
    for (int x = MAX (0, (int) min_x); x <= (int) max_x; x++)
      if (sitroom_geo_ring_contains (ring, polygon->ring_lengths[0], x + 0.5, y + 0.5))
        {
          gpointer colour = GUINT_TO_POINTER (pixel (surface, x, y) + 1);

          g_hash_table_insert (counts, colour,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, colour)) + 1));
        }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best = GPOINTER_TO_UINT (key) - 1;
        best_count = GPOINTER_TO_UINT (value);
      }
  g_assert_cmpuint (best_count, >, 100);
  return best;
}

static guint
count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      g_hash_table_add (colours, GUINT_TO_POINTER (pixel (surface, x, y) + 1));
  return g_hash_table_size (colours);
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel (a, x, y) != pixel (b, x, y))
        return FALSE;
  return TRUE;
}

/* Exports the built-in demo at 800x600 with @extra arguments (at most
 * four, NULL-terminated early) and loads the picture. */
static cairo_surface_t *
export_png (const char *name,
            const char *arg1,
            const char *arg2,
            const char *arg3,
            const char *arg4)
{
  g_autofree char *path = tmp_path (name);
  g_auto(SitroomTestRun) run = { 0 };

  sitroom_test_run_sitroom (&run, "--export", path, "--view", "map", "--size", "800x600", "--lang", "en",
                            arg1, arg2, arg3, arg4, NULL);
  if (run.status != 0)
    g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  return load_png (path);
}

static void
test_png (void)
{
  g_autoptr(cairo_surface_t) map = export_png ("demo.png", NULL, NULL, NULL, NULL);
  SitroomBoundaries *builtin = sitroom_boundaries_get_builtin ();
  guint32 jincheng, taiyuan;

  g_assert_cmpint (cairo_image_surface_get_width (map), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (map), ==, 600);
  /* Fills, borders, text and legend swatches, not a blank page. */
  g_assert_cmpuint (count_colours (map), >, 16);

  /* Jincheng has 5 positives, Taiyuan 1: different classes. */
  jincheng = fill_around_centre (map, builtin, "140500");
  taiyuan = fill_around_centre (map, builtin, "140100");
  g_assert_cmpuint (jincheng, !=, taiyuan);
  /* Neither is the paper around the province: both are filled. */
  g_assert_cmpuint (jincheng, !=, pixel (map, 400, 2));
  g_assert_cmpuint (taiyuan, !=, pixel (map, 400, 2));
}

static void
test_png_defaults (void)
{
  g_autofree char *path = tmp_path ("DEFAULT.PNG");
  g_auto(SitroomTestRun) run = { 0 };
  g_autoptr(cairo_surface_t) map = NULL;

  /* No --view, no --size, an extension in capitals. */
  sitroom_test_run_sitroom (&run, "--export", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  map = load_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (map), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (map), ==, 1200);
  g_assert_cmpuint (sitroom_test_count_hidden_files (tmpdir), ==, 0);
}

static void
test_png_changes (void)
{
  g_autoptr(cairo_surface_t) now = export_png ("now.png", NULL, NULL, NULL, NULL);
  g_autoptr(cairo_surface_t) earlier = export_png ("earlier.png", "--as-of", "2022-08-18T00:00:00+08:00",
                                                   NULL, NULL);
  g_autoptr(cairo_surface_t) occupancy = export_png ("occupancy.png", "--metric", "occupancy", NULL, NULL);
  g_autoptr(cairo_surface_t) approved = export_png ("approved.png", "--approval-number", "GS(2024)0650",
                                                    NULL, NULL);
  g_autoptr(cairo_surface_t) again = export_png ("again.png", NULL, NULL, NULL, NULL);

  /* The same command draws the same picture, so any difference below is
   * the option's. */
  g_assert_true (same_pixels (now, again));
  g_assert_false (same_pixels (now, earlier));
  g_assert_false (same_pixels (now, occupancy));
  g_assert_false (same_pixels (now, approved));
}

static void
test_png_boundaries (void)
{
  g_autofree char *square_path = fixture_path ("export-square.geojson");
  g_autoptr(SitroomBoundaries) square = NULL;
  g_autoptr(GError) error = NULL;
  SitroomBoundaries *builtin = sitroom_boundaries_get_builtin ();
  g_autoptr(cairo_surface_t) map = export_png ("builtin.png", NULL, NULL, NULL, NULL);
  g_autoptr(cairo_surface_t) moved = export_png ("square.png", "--boundaries", square_path, NULL, NULL);
  guint32 at_taiyuan;

  square = sitroom_boundaries_new_from_file (square_path, &error);
  g_assert_no_error (error);

  /* The file's one outline is Jincheng's, drawn over Taiyuan's seat (away
   * from the square's middle, where its badge goes): there the map shows
   * Jincheng's class where the built-in outlines show Taiyuan's. */
  at_taiyuan = pixel_at_centre (moved, square, "140100");
  g_assert_cmpuint (at_taiyuan, !=, fill_around_centre (map, builtin, "140100"));
  g_assert_cmpuint (at_taiyuan, ==, fill_around_centre (map, builtin, "140500"));
}

static char *
export_svg (const char *name,
            const char *lang,
            const char *approval_number)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_auto(SitroomTestRun) run = { 0 };
  char *contents = NULL;

  sitroom_test_run_sitroom (&run, "--export", path, "--lang", lang, "--approval-number", approval_number, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_svg (void)
{
  g_autofree char *zh = export_svg ("map-zh.svg", "zh", "GS(2024)0650");
  g_autofree char *en = export_svg ("map-en.SVG", "en", "晋S(2023)007");

  for (guint i = 0; i < 2; i++)
    {
      const char *svg = i == 0 ? zh : en;

      g_assert_true (g_str_has_prefix (svg, "<?xml"));
      /* Vector outlines, not an embedded picture. */
      g_assert_nonnull (strstr (svg, "<path"));
      g_assert_null (strstr (svg, "<image"));
      g_assert_nonnull (strstr (svg, "width=\"1600px\""));
      g_assert_nonnull (strstr (svg, "<title>"));
    }

  g_assert_nonnull (strstr (zh, "晋城"));
  g_assert_nonnull (strstr (zh, "截至8月20日13时"));
  g_assert_nonnull (strstr (zh, "GS(2024)0650"));
  g_assert_null (strstr (zh, "Jincheng"));

  g_assert_nonnull (strstr (en, "Jincheng"));
  g_assert_nonnull (strstr (en, "As of 13:00 on 20 August 2022"));
  g_assert_nonnull (strstr (en, "晋S(2023)007"));
  g_assert_null (strstr (en, "晋城"));
}

/* Runs an export that must fail (see sitroom_test_export_fails()) and
 * returns its status. */
static int
assert_export_fails (const char *name,
                     const char *expected,
                     ...)
{
  va_list args;
  int status;

  va_start (args, expected);
  status = sitroom_test_export_fails (tmpdir, name, expected, args);
  va_end (args);
  return status;
}

static void
test_bad_arguments (void)
{
  assert_export_fails ("size.png", "900", "--size", "900", NULL);
  assert_export_fails ("small.png", "100x100", "--size", "100x100", NULL);
  assert_export_fails ("large.png", "20000x600", "--size", "20000x600", NULL);
  assert_export_fails ("signed.png", "-800x600", "--size", "-800x600", NULL);
  assert_export_fails ("view.png", "chart", "--view", "chart", NULL);
  assert_export_fails ("metric.png", "deaths", "--metric", "deaths", NULL);
  assert_export_fails ("lang.png", "fr", "--lang", "fr", NULL);
  assert_export_fails ("map.pdf", "map.pdf", "--view", "map", NULL);
  assert_export_fails ("map", ".png or .svg", NULL);
  assert_export_fails ("time.png", "RFC 3339", "--as-of", "yesterday", NULL);
  assert_export_fails ("future.png", "after the document", "--as-of", "2022-08-21T00:00:00+08:00", NULL);
}

static void
test_bad_inputs (void)
{
  g_autofree char *missing = tmp_path ("missing.json");
  g_autofree char *refused = tmp_path ("refused.json");
  g_autofree char *bad_boundaries = fixture_path ("export-bad-adcode.geojson");
  g_autofree char *no_boundaries = tmp_path ("missing.geojson");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (refused,
                       "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
                       " \"cases\": [{\"id\": \"1\", \"reported_at\": \"2022-08-20T09:00:00+08:00\","
                       " \"region\": \"149999\", \"classification\": \"mild\", \"status\": \"recovered\"}]}",
                       -1, &error);
  g_assert_no_error (error);

  /* A document or boundary file with errors is refused (1), told apart
   * from one that could not be read (2), as --summary does. */
  g_assert_cmpint (assert_export_fails ("feed.png", "missing.json", "--feed", missing, NULL), ==, 1);
  g_assert_cmpint (assert_export_fails ("refused.png", "149999", "--feed", refused, NULL), ==, 1);
  g_assert_cmpint (assert_export_fails ("outline.png", "“1401” is not six digits",
                                        "--boundaries", bad_boundaries, NULL), ==, 1);
  g_assert_cmpint (assert_export_fails ("outline.svg", "missing.geojson",
                                        "--boundaries", no_boundaries, NULL), ==, 1);
}

static void
test_unwritable (void)
{
  g_autofree char *file = tmp_path ("plain-file");
  g_autofree char *below_file = g_build_filename (file, "map.png", NULL);
  g_autofree char *nowhere = g_build_filename (tmpdir, "no-such-folder", "map.png", NULL);
  g_autofree char *folder = tmp_path ("folder.png");
  g_autofree char *kept = tmp_path ("kept.png");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SitroomTestRun) run = { 0 };
  g_auto(SitroomTestRun) bad = { 0 };

  g_file_set_contents (file, "not a folder", -1, &error);
  g_assert_no_error (error);

  sitroom_test_run_sitroom (&run, "--export", below_file, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, below_file));
  g_assert_false (g_file_test (below_file, G_FILE_TEST_EXISTS));
  sitroom_test_run_clear (&run);

  sitroom_test_run_sitroom (&run, "--export", nowhere, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, nowhere));
  sitroom_test_run_clear (&run);

  /* Renaming over a folder fails after the picture was written in full:
   * the temporary file goes too. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  sitroom_test_run_sitroom (&run, "--export", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, folder));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (sitroom_test_count_hidden_files (tmpdir), ==, 0);
  g_rmdir (folder);

  /* A failed export leaves the file it would have replaced as it was. */
  g_file_set_contents (kept, "the last good export", -1, &error);
  g_assert_no_error (error);
  sitroom_test_run_sitroom (&bad, "--export", kept, "--metric", "deaths", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_file_get_contents (kept, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the last good export");
}

static void
test_options_need_export (void)
{
  g_auto(SitroomTestRun) size = { 0 };
  g_auto(SitroomTestRun) both = { 0 };
  g_auto(SitroomTestRun) help = { 0 };
  g_autofree char *path = tmp_path ("both.png");
  const char *options[] = { "--export=FILE", "--view=VIEW", "--size=WIDTHxHEIGHT",
                            "--metric=METRIC", "--boundaries=FILE", "--approval-number=TEXT" };

  /* Without --export they would open a window that ignores them. */
  sitroom_test_run_sitroom (&size, "--size", "800x600", NULL);
  g_assert_cmpint (size.status, ==, 2);
  g_assert_nonnull (strstr (size.err, "--size"));
  g_assert_nonnull (strstr (size.err, "--export"));

  sitroom_test_run_sitroom (&both, "--summary", "--export", path, NULL);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  sitroom_test_run_sitroom (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (help.out, options[i]));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = sitroom_test_make_tmpdir ("sitroom-export-XXXXXX");

  g_test_add_func ("/cli/export/png", test_png);
  g_test_add_func ("/cli/export/png-defaults", test_png_defaults);
  g_test_add_func ("/cli/export/png-changes", test_png_changes);
  g_test_add_func ("/cli/export/boundaries", test_png_boundaries);
  g_test_add_func ("/cli/export/svg", test_svg);
  g_test_add_func ("/cli/export/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/export/bad-inputs", test_bad_inputs);
  g_test_add_func ("/cli/export/unwritable", test_unwritable);
  g_test_add_func ("/cli/export/options-need-export", test_options_need_export);

  status = g_test_run ();
  sitroom_test_remove_tmpdir (tmpdir);

  return status;
}
