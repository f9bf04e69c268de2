/* SitroomBoundaries' insides, shared by the object and its GeoJSON reader. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-boundaries.h"

G_BEGIN_DECLS

/* An operator's file of every county of China at full resolution is tens of
 * megabytes; json-glib's tree of it is several times that, which is as far
 * as a file read once at start-up may go. */
#define SITROOM_BOUNDARIES_MAX_FILE_BYTES (64 * 1024 * 1024)

struct _SitroomBoundaries
{
  GObject parent_instance;

  char *origin;
  gboolean builtin;
  GStringChunk *strings;     /* codes and names */
  GArray *boundaries;        /* SitroomBoundary; each owns its three arrays */
  GHashTable *by_code;       /* code -> index + 1 */
  guint n_points;
  double min_lon, min_lat, max_lon, max_lat;
};

/* sitroom-boundaries-reader.c: fills @self, still empty, with the outlines
 * of the GeoJSON FeatureCollection in @bytes. @name is how messages name the
 * input, or NULL. On failure @self may hold the features read before the
 * fault and is only fit to be dropped. */
gboolean sitroom_boundaries_read_geojson (SitroomBoundaries  *self,
                                          GBytes             *bytes,
                                          const char         *name,
                                          GError            **error);

G_END_DECLS
