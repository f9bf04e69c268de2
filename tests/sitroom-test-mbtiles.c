/* Helpers the tile tests share: MBTiles files and PNG tiles built at test time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "sitroom-test-mbtiles.h"

#define ATTRIBUTION_HTML "<a href=\"https://tiles.example/\">&copy; Test tiles &amp; Co</a>"

const SitroomTestTile sitroom_test_tiles[SITROOM_TEST_N_TILES] = {
  { SITROOM_TEST_EAST, SITROOM_TEST_NORTH, 0.85, 0.10, 0.10 },   /* red */
  { SITROOM_TEST_WEST, SITROOM_TEST_NORTH, 0.10, 0.20, 0.85 },   /* blue */
  { SITROOM_TEST_EAST, SITROOM_TEST_SOUTH, 0.10, 0.70, 0.20 },   /* green */
};

const char * const sitroom_test_standard_metadata[] = {
  "name", "Shanxi test tiles",
  "format", "png",
  "minzoom", "6",
  "maxzoom", "8",
  "attribution", ATTRIBUTION_HTML,
  NULL,
};

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
sitroom_test_png_of_colour (double r,
                            double g,
                            double b)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, r, g, b);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

void
sitroom_test_exec_sql (sqlite3    *db,
                       const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

void
sitroom_test_write_mbtiles (const char         *path,
                            const char * const *metadata,
                            gboolean            with_tiles)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sitroom_test_exec_sql (db,
                         "CREATE TABLE metadata (name TEXT, value TEXT);"
                         "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
                         "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO metadata VALUES (?1, ?2);", -1, &stmt, NULL), ==, SQLITE_OK);
  for (gsize i = 0; metadata[i] != NULL; i += 2)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, metadata[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, metadata[i + 1], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4);", -1, &stmt, NULL), ==, SQLITE_OK);
  for (gsize i = 0; with_tiles && i < G_N_ELEMENTS (sitroom_test_tiles); i++)
    {
      const SitroomTestTile *tile = &sitroom_test_tiles[i];
      g_autoptr(GBytes) png = sitroom_test_png_of_colour (tile->r, tile->g, tile->b);

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, SITROOM_TEST_ZOOM);
      sqlite3_bind_int (stmt, 2, tile->x);
      sqlite3_bind_int (stmt, 3, (1 << SITROOM_TEST_ZOOM) - 1 - tile->y);
      sqlite3_bind_blob (stmt, 4, g_bytes_get_data (png, NULL), g_bytes_get_size (png), SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

char *
sitroom_test_mbtiles_file (SitroomTestMbtiles *fixture,
                           const char         *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

void
sitroom_test_mbtiles_set_up (SitroomTestMbtiles *fixture,
                             gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sitroom-mbtiles-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = sitroom_test_mbtiles_file (fixture, "shanxi.mbtiles");
  sitroom_test_write_mbtiles (fixture->path, sitroom_test_standard_metadata, TRUE);
}

void
sitroom_test_mbtiles_tear_down (SitroomTestMbtiles *fixture,
                                gconstpointer       data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = sitroom_test_mbtiles_file (fixture, name);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Waking the loop every 50 ms lets a wait with a deadline fail at the
 * deadline rather than block for good when nothing arrives. */
static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
sitroom_test_iterate (void)
{
  guint id = g_timeout_add (50, wake_up, NULL);

  g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}
