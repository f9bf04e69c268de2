/* Tests of the MBTiles data source: opening a file, serving its tiles, refusing what is not one. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "sitroom-mbtiles-source.h"
#include "sitroom-test-mbtiles.h"

static void
test_open_metadata (SitroomTestMbtiles *fixture,
                    gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomMbtilesSource) source = sitroom_mbtiles_source_new (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (SHUMATE_IS_DATA_SOURCE (source));
  g_assert_cmpstr (sitroom_mbtiles_source_get_path (source), ==, fixture->path);
  g_assert_cmpstr (sitroom_mbtiles_source_get_name (source), ==, "Shanxi test tiles");
  /* libshumate shows the license as plain text: the link markup is gone. */
  g_assert_cmpstr (sitroom_mbtiles_source_get_attribution (source), ==, SITROOM_TEST_ATTRIBUTION_TEXT);
  g_assert_cmpuint (sitroom_mbtiles_source_get_min_zoom (source), ==, 6);
  g_assert_cmpuint (sitroom_mbtiles_source_get_max_zoom (source), ==, 8);
}

static void
test_open_sparse_metadata (SitroomTestMbtiles *fixture,
                           gconstpointer       data)
{
  /* No format (MBTiles 1.0: png), no zoom range, no name, no attribution. */
  static const char * const metadata[] = { "description", "old file", NULL };
  g_autofree char *path = sitroom_test_mbtiles_file (fixture, "old.mbtiles");
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomMbtilesSource) source = NULL;

  sitroom_test_write_mbtiles (path, metadata, TRUE);
  source = sitroom_mbtiles_source_new (path, &error);
  g_assert_no_error (error);
  g_assert_null (sitroom_mbtiles_source_get_name (source));
  g_assert_null (sitroom_mbtiles_source_get_attribution (source));
  /* The range comes from the tiles themselves. */
  g_assert_cmpuint (sitroom_mbtiles_source_get_min_zoom (source), ==, SITROOM_TEST_ZOOM);
  g_assert_cmpuint (sitroom_mbtiles_source_get_max_zoom (source), ==, SITROOM_TEST_ZOOM);
}

typedef struct {
  GArray *received;     /* TestReceived */
  GBytes *result;
  GError *error;
  gboolean done;
  gboolean received_after_done;
} TileFetch;

typedef struct {
  int x;
  int y;
  int zoom;
  GBytes *bytes;
} TestReceived;

static void
on_received_data (ShumateDataSource *source,
                  int                x,
                  int                y,
                  int                zoom,
                  GBytes            *bytes,
                  TileFetch         *fetch)
{
  TestReceived received = { x, y, zoom, g_bytes_ref (bytes) };

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (fetch->done)
    fetch->received_after_done = TRUE;
  g_array_append_val (fetch->received, received);
}

static void
on_tile_data (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TileFetch *fetch = user_data;

  fetch->result = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &fetch->error);
  fetch->done = TRUE;
}

static void
clear_received (gpointer data)
{
  g_bytes_unref (((TestReceived *) data)->bytes);
}

/* Asks @source for one tile and runs the main loop until it answers.
 * @cancel: cancel right after asking (before the worker's answer arrives). */
static void
fetch_tile (ShumateDataSource *source,
            int                x,
            int                y,
            int                zoom,
            gboolean           cancel,
            TileFetch         *fetch)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gulong handler;

  memset (fetch, 0, sizeof *fetch);
  fetch->received = g_array_new (FALSE, FALSE, sizeof (TestReceived));
  g_array_set_clear_func (fetch->received, clear_received);

  handler = g_signal_connect (source, "received-data", G_CALLBACK (on_received_data), fetch);
  shumate_data_source_get_tile_data_async (source, x, y, zoom, cancellable, on_tile_data, fetch);
  if (cancel)
    g_cancellable_cancel (cancellable);
  while (!fetch->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      sitroom_test_iterate ();
    }
  /* Anything still queued would show up as a late signal. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_handler_disconnect (source, handler);
}

static void
tile_fetch_clear (TileFetch *fetch)
{
  g_clear_pointer (&fetch->received, g_array_unref);
  g_clear_pointer (&fetch->result, g_bytes_unref);
  g_clear_error (&fetch->error);
}

static void
test_tile_present (SitroomTestMbtiles *fixture,
                   gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomMbtilesSource) source = sitroom_mbtiles_source_new (fixture->path, &error);

  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (sitroom_test_tiles); i++)
    {
      const SitroomTestTile *tile = &sitroom_test_tiles[i];
      g_autoptr(GBytes) expected = sitroom_test_png_of_colour (tile->r, tile->g, tile->b);
      TestReceived *received;
      TileFetch fetch;

      fetch_tile (SHUMATE_DATA_SOURCE (source), tile->x, tile->y, SITROOM_TEST_ZOOM, FALSE, &fetch);

      g_assert_no_error (fetch.error);
      g_assert_nonnull (fetch.result);
      g_assert_true (g_bytes_equal (fetch.result, expected));

      /* Once, for this tile, before the request completed: libshumate 1.0.3
       * paints from the signal and forgets the tile on completion. */
      g_assert_cmpuint (fetch.received->len, ==, 1);
      g_assert_false (fetch.received_after_done);
      received = &g_array_index (fetch.received, TestReceived, 0);
      g_assert_cmpint (received->x, ==, tile->x);
      g_assert_cmpint (received->y, ==, tile->y);
      g_assert_cmpint (received->zoom, ==, SITROOM_TEST_ZOOM);
      g_assert_true (g_bytes_equal (received->bytes, expected));

      tile_fetch_clear (&fetch);
    }
}

static void
test_tile_missing (SitroomTestMbtiles *fixture,
                   gconstpointer       data)
{
  static const int missing[][3] = {
    { SITROOM_TEST_WEST, SITROOM_TEST_SOUTH, SITROOM_TEST_ZOOM },      /* inside the file's area, not stored */
    { SITROOM_TEST_EAST, SITROOM_TEST_NORTH, SITROOM_TEST_ZOOM + 1 },  /* another zoom level */
    { 1 << SITROOM_TEST_ZOOM, SITROOM_TEST_NORTH, SITROOM_TEST_ZOOM }, /* off the world */
    { SITROOM_TEST_EAST, -1, SITROOM_TEST_ZOOM },
    { SITROOM_TEST_EAST, SITROOM_TEST_NORTH, 31 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomMbtilesSource) source = sitroom_mbtiles_source_new (fixture->path, &error);

  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      TileFetch fetch;

      fetch_tile (SHUMATE_DATA_SOURCE (source), missing[i][0], missing[i][1], missing[i][2], FALSE, &fetch);
      g_assert_null (fetch.result);
      g_assert_error (fetch.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (fetch.error->message, fixture->path));
      g_assert_cmpuint (fetch.received->len, ==, 0);
      tile_fetch_clear (&fetch);
    }
}

static void
test_tile_cancelled (SitroomTestMbtiles *fixture,
                     gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomMbtilesSource) source = sitroom_mbtiles_source_new (fixture->path, &error);
  TileFetch fetch;

  g_assert_no_error (error);

  fetch_tile (SHUMATE_DATA_SOURCE (source), SITROOM_TEST_EAST, SITROOM_TEST_NORTH, SITROOM_TEST_ZOOM, TRUE, &fetch);
  g_assert_null (fetch.result);
  g_assert_error (fetch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fetch.received->len, ==, 0);
  tile_fetch_clear (&fetch);
}

/* Many requests at once, as a map filling its view makes them: every one
 * answered, each with its own tile. */
static void
test_tile_concurrent (SitroomTestMbtiles *fixture,
                      gconstpointer       data)
{
  enum { N_REQUESTS = 60 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomMbtilesSource) source = sitroom_mbtiles_source_new (fixture->path, &error);
  TileFetch fetches[N_REQUESTS];
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint n_done = 0;

  g_assert_no_error (error);

  for (guint i = 0; i < N_REQUESTS; i++)
    {
      const SitroomTestTile *tile = &sitroom_test_tiles[i % G_N_ELEMENTS (sitroom_test_tiles)];

      memset (&fetches[i], 0, sizeof fetches[i]);
      shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), tile->x, tile->y, SITROOM_TEST_ZOOM,
                                               NULL, on_tile_data, &fetches[i]);
    }
  while (n_done < N_REQUESTS)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      sitroom_test_iterate ();
      n_done = 0;
      for (guint i = 0; i < N_REQUESTS; i++)
        n_done += fetches[i].done;
    }

  for (guint i = 0; i < N_REQUESTS; i++)
    {
      const SitroomTestTile *tile = &sitroom_test_tiles[i % G_N_ELEMENTS (sitroom_test_tiles)];
      g_autoptr(GBytes) expected = sitroom_test_png_of_colour (tile->r, tile->g, tile->b);

      g_assert_no_error (fetches[i].error);
      g_assert_true (g_bytes_equal (fetches[i].result, expected));
      g_bytes_unref (fetches[i].result);
    }
}

/* A file refused with @code, and a message that names it and says why. */
static void
assert_refused (const char *path,
                int         code,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomMbtilesSource) source = sitroom_mbtiles_source_new (path, &error);

  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, why));
}

static void
test_refuse_missing_file (SitroomTestMbtiles *fixture,
                          gconstpointer       data)
{
  g_autofree char *path = sitroom_test_mbtiles_file (fixture, "nowhere.mbtiles");

  assert_refused (path, G_IO_ERROR_NOT_FOUND, "does not exist");
  /* Opening read-only must not leave an empty database behind. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_refuse_random_bytes (SitroomTestMbtiles *fixture,
                          gconstpointer       data)
{
  g_autofree char *path = sitroom_test_mbtiles_file (fixture, "random.mbtiles");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 bytes[8192];
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);

  assert_refused (path, G_IO_ERROR_INVALID_DATA, "not an SQLite database");
}

static void
test_refuse_no_tables (SitroomTestMbtiles *fixture,
                       gconstpointer       data)
{
  g_autofree char *path = sitroom_test_mbtiles_file (fixture, "other.sqlite");
  g_autofree char *no_tiles = sitroom_test_mbtiles_file (fixture, "no-tiles.sqlite");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sitroom_test_exec_sql (db, "CREATE TABLE publications (id INTEGER PRIMARY KEY, body BLOB);");
  sqlite3_close (db);
  assert_refused (path, G_IO_ERROR_INVALID_DATA, "has no “metadata” table");

  g_assert_cmpint (sqlite3_open (no_tiles, &db), ==, SQLITE_OK);
  sitroom_test_exec_sql (db, "CREATE TABLE metadata (name TEXT, value TEXT);");
  sqlite3_close (db);
  assert_refused (no_tiles, G_IO_ERROR_INVALID_DATA, "has no “tiles” table");
}

static void
test_refuse_vector_tiles (SitroomTestMbtiles *fixture,
                          gconstpointer       data)
{
  static const char * const metadata[] = { "name", "vector", "format", "pbf", NULL };
  g_autofree char *path = sitroom_test_mbtiles_file (fixture, "vector.mbtiles");

  sitroom_test_write_mbtiles (path, metadata, TRUE);
  assert_refused (path, G_IO_ERROR_NOT_SUPPORTED, "“pbf”");
}

static void
test_refuse_empty (SitroomTestMbtiles *fixture,
                   gconstpointer       data)
{
  g_autofree char *path = sitroom_test_mbtiles_file (fixture, "empty.mbtiles");

  sitroom_test_write_mbtiles (path, sitroom_test_standard_metadata, FALSE);
  assert_refused (path, G_IO_ERROR_INVALID_DATA, "holds no tiles");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/open/metadata", test_open_metadata);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/open/sparse-metadata", test_open_sparse_metadata);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/tile/present", test_tile_present);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/tile/missing", test_tile_missing);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/tile/cancelled", test_tile_cancelled);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/tile/concurrent", test_tile_concurrent);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/refuse/missing-file", test_refuse_missing_file);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/refuse/random-bytes", test_refuse_random_bytes);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/refuse/no-tables", test_refuse_no_tables);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/refuse/vector-tiles", test_refuse_vector_tiles);
  SITROOM_TEST_MBTILES_ADD ("/ui/mbtiles/refuse/empty", test_refuse_empty);

  return g_test_run ();
}
