/* Helpers the tile tests share: MBTiles files and PNG tiles built at test time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SITROOM_TEST_ZOOM 7
/* Around Taiyuan (112.5 E, 37.5 N): at zoom 7 the column boundary 103|104
 * runs along 112.5 E and rows 49 and 50 span 37.5 N. */
#define SITROOM_TEST_WEST 103
#define SITROOM_TEST_EAST 104
#define SITROOM_TEST_NORTH 49
#define SITROOM_TEST_SOUTH 50

/* The standard file's attribution as libshumate shows it: plain text, the
 * link markup gone. */
#define SITROOM_TEST_ATTRIBUTION_TEXT "© Test tiles & Co"

typedef struct {
  int x;
  int y;
  double r, g, b;
} SitroomTestTile;

/* Three of the four tiles around the corner, so that a flipped row or column
 * lands on another colour or on nothing. (WEST, SOUTH) is left out. */
#define SITROOM_TEST_N_TILES 3
extern const SitroomTestTile sitroom_test_tiles[SITROOM_TEST_N_TILES];

/* The standard file's metadata (name, value, …, NULL): a name, png, zoom 6
 * to 8 and an attribution with link markup. */
extern const char * const sitroom_test_standard_metadata[];

/* A temporary directory holding the standard file, shanxi.mbtiles. */
typedef struct {
  char *dir;
  char *path;     /* the standard file */
} SitroomTestMbtiles;

void   sitroom_test_mbtiles_set_up    (SitroomTestMbtiles *fixture,
                                       gconstpointer       data);
void   sitroom_test_mbtiles_tear_down (SitroomTestMbtiles *fixture,
                                       gconstpointer       data);
/* Adds the test @func (SitroomTestMbtiles *, gconstpointer) at @path, with the fixture above. */
#define SITROOM_TEST_MBTILES_ADD(path, func) \
  g_test_add (path, SitroomTestMbtiles, NULL, sitroom_test_mbtiles_set_up, func, sitroom_test_mbtiles_tear_down)
/* A path for @name inside the fixture's directory, removed on tear-down. */
char  *sitroom_test_mbtiles_file      (SitroomTestMbtiles *fixture,
                                       const char         *name);

/* A 256×256 PNG tile of one colour. */
GBytes *sitroom_test_png_of_colour (double r,
                                    double g,
                                    double b);

/* Runs @sql on @db, or aborts the test with SQLite's message. */
void    sitroom_test_exec_sql      (sqlite3    *db,
                                    const char *sql);

/* An MBTiles file at @path with @metadata (name, value, …, NULL) and, when
 * @with_tiles, the test tiles stored the MBTiles way: rows from the south. */
void    sitroom_test_write_mbtiles (const char         *path,
                                    const char * const *metadata,
                                    gboolean            with_tiles);

/* Runs one main-loop iteration, waking at least every 50 ms. */
void    sitroom_test_iterate       (void);

G_END_DECLS
