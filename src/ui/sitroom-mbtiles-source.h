/* A ShumateDataSource reading raster tiles from a local MBTiles file (SQLite). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define SITROOM_TYPE_MBTILES_SOURCE (sitroom_mbtiles_source_get_type ())

G_DECLARE_FINAL_TYPE (SitroomMbtilesSource, sitroom_mbtiles_source, SITROOM, MBTILES_SOURCE, ShumateDataSource)

/* Opens @path read-only and reads its metadata table. Fails with a message
 * naming the file when it is not an MBTiles file (no "tiles" table, no
 * "metadata" table, or a tile format other than png, jpg or webp).
 * Errors are G_IO_ERROR: NOT_FOUND (no such file), INVALID_DATA (not an
 * MBTiles file, or one without tiles), NOT_SUPPORTED (a tile format that
 * cannot be drawn here), FAILED (SQLite could not read it).
 * Tiles are read in a worker thread; "received-data" is emitted on the
 * caller's main context before the request completes, as libshumate 1.0.3's
 * raster renderer needs. A tile the file lacks completes with
 * G_IO_ERROR_NOT_FOUND and emits nothing. */
SitroomMbtilesSource *sitroom_mbtiles_source_new (const char  *path,
                                                  GError     **error);

const char *sitroom_mbtiles_source_get_path        (SitroomMbtilesSource *self);
/* From the metadata table; NULL when it gives none. */
const char *sitroom_mbtiles_source_get_name        (SitroomMbtilesSource *self);
const char *sitroom_mbtiles_source_get_attribution (SitroomMbtilesSource *self);
guint       sitroom_mbtiles_source_get_min_zoom    (SitroomMbtilesSource *self);
guint       sitroom_mbtiles_source_get_max_zoom    (SitroomMbtilesSource *self);

G_END_DECLS
