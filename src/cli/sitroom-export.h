/* Exports: a view drawn into a PNG or SVG file with no window, by the drawing code the screen uses. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-cli.h"
#include "sitroom-map-render.h"

G_BEGIN_DECLS

/* The size of an export unless asked otherwise, and the limits of each side
 * in pixels. */
#define SITROOM_EXPORT_DEFAULT_WIDTH  1600
#define SITROOM_EXPORT_DEFAULT_HEIGHT 1200
#define SITROOM_EXPORT_MIN_SIZE       200
#define SITROOM_EXPORT_MAX_SIZE       10000

/* How the map is fitted into an export of @width × @height: the margin left
 * around the outlines for the title, legend and scale, and the zooms
 * allowed. Pass these to sitroom_map_viewport_fit() to find where a place
 * lands in the file. */
#define SITROOM_EXPORT_MAP_MARGIN(width, height) (0.08 * MIN ((width), (height)))
#define SITROOM_EXPORT_MAP_MIN_ZOOM 2.0
#define SITROOM_EXPORT_MAP_MAX_ZOOM 14.0

typedef enum {
  SITROOM_EXPORT_PNG,
  SITROOM_EXPORT_SVG,
} SitroomExportFormat;

/* The format named by the extension of @path: .png or .svg, in any case. */
gboolean sitroom_export_format_from_path (const char          *path,
                                          SitroomExportFormat *format);

/* Parses "WIDTHxHEIGHT" ("1920x1080"); FALSE unless both are whole numbers
 * within the limits above. */
gboolean sitroom_export_parse_size       (const char          *text,
                                          int                 *width,
                                          int                 *height);

/* Draws the map of @view over @boundaries, with @options (its metric, lang
 * and approval number; the rest is set for a file: light style, no tiles,
 * text scaled to the size), legend, scale, title and credits, and writes it
 * to @path. The file is written under a temporary name in the same folder
 * and renamed at the end, so a failure never leaves part of a file. An SVG
 * keeps vector paths and carries the title and the figures as text in its
 * <title> and <desc>. Errors are G_FILE_ERROR (writing) or G_IO_ERROR
 * (drawing). */
gboolean sitroom_export_map              (SitroomView              *view,
                                          SitroomBoundaries        *boundaries,
                                          const SitroomMapOptions  *options,
                                          SitroomExportFormat       format,
                                          int                       width,
                                          int                       height,
                                          const char               *path,
                                          GError                  **error);

/* What --export was asked for. NULL members take their defaults: the map,
 * 1600x1200, positives, the built-in outlines, no approval number. */
typedef struct {
  const char *path;              /* FILE.png or FILE.svg */
  const char *view;              /* "map" */
  const char *size;              /* "WIDTHxHEIGHT" */
  const char *metric;            /* as sitroom_metric_from_string() reads it */
  const char *lang;              /* "zh" or "en" */
  const char *boundaries;        /* a GeoJSON file of outlines */
  const char *approval_number;   /* 审图号 */
} SitroomCliExport;

/* --export: reads @feed (NULL: the built-in demo) at @as_of (NULL: its
 * as_of) and writes the file. Every problem is a message on stderr naming
 * it and an exit status: REFUSED for a feed document or boundary file with
 * errors, UNREADABLE for the rest (arguments, a source or boundary file
 * that cannot be read, an output file that cannot be written). */
int      sitroom_cli_export              (const SitroomCliExport   *export,
                                          const char               *feed,
                                          const char               *as_of,
                                          const SitroomCliNetwork  *network);

G_END_DECLS
