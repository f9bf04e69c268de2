/* Tiles under the map, as an option: an intranet tile server or a local MBTiles file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* Which tiles the settings ask for. */
typedef enum {
  SITROOM_TILES_NONE,
  SITROOM_TILES_URL,
  SITROOM_TILES_MBTILES,
} SitroomTilesKind;

/* The map source to give a ShumateViewport as its reference when no tiles
 * are drawn: 256-pixel Web Mercator tiles, zoom 5 to 12, fetching nothing.
 * A new reference each call. */
ShumateMapSource *sitroom_map_tiles_new_reference (void);

/* The tiles @settings ("tile-url", "tile-attribution", "mbtiles-file") ask
 * for: NULL and SITROOM_TILES_NONE when none. Otherwise a map source (a
 * ShumateRasterRenderer, over a URL template or a SitroomMbtilesSource)
 * whose "license" is the attribution to show, and @kind says which. An
 * MBTiles file that cannot be opened, or a template without {z}, {x} and
 * {y}, is an error a person can act on and returns NULL. A template may
 * give {tmsy} (rows from the south) instead of {y}; it must be http or
 * https and use no other placeholder (G_IO_ERROR_INVALID_ARGUMENT). @kind
 * may be NULL. */
ShumateMapSource *sitroom_map_tiles_new_source (GSettings         *settings,
                                                SitroomTilesKind  *kind,
                                                GError           **error);

G_END_DECLS
