/* Exports: a view drawn into a PNG or SVG file, the briefing pack into a PDF, the figures into CSV, with no window, by the drawing code the screen uses. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-cli.h"
#include "sitroom-curve.h"
#include "sitroom-forecast.h"
#include "sitroom-map-render.h"
#include "sitroom-pack-render.h"

G_BEGIN_DECLS

/* The size of an export of the map, and of the chains, the curve or capacity,
 * unless asked otherwise, and the limits of each side in pixels. */
#define SITROOM_EXPORT_DEFAULT_WIDTH  1600
#define SITROOM_EXPORT_DEFAULT_HEIGHT 1200
#define SITROOM_EXPORT_CHART_DEFAULT_WIDTH  1600
#define SITROOM_EXPORT_CHART_DEFAULT_HEIGHT 900
/* A picture of the briefing pack's first page: A4 at 150 dots an inch. */
#define SITROOM_EXPORT_PAGE_DEFAULT_WIDTH  1240
#define SITROOM_EXPORT_PAGE_DEFAULT_HEIGHT 1754
#define SITROOM_EXPORT_MIN_SIZE       200
#define SITROOM_EXPORT_MAX_SIZE       10000

/* How the map is fitted into an export of @width × @height: the margin left
 * around the outlines for the title, legend and scale, and the zooms
 * allowed. Pass these to sitroom_map_viewport_fit() to find where a place
 * lands in the file. */
#define SITROOM_EXPORT_MAP_MARGIN(width, height) (0.08 * MIN ((width), (height)))
#define SITROOM_EXPORT_MAP_MIN_ZOOM 2.0
#define SITROOM_EXPORT_MAP_MAX_ZOOM 14.0

/* The chains' text is never drawn smaller than this scale: below it a
 * printed lane label cannot be read. Lanes that do not fit the height at
 * this scale are left out, and the picture says how many. */
#define SITROOM_EXPORT_CHAINS_MIN_SCALE 0.75

typedef enum {
  SITROOM_EXPORT_PNG,
  SITROOM_EXPORT_SVG,
  SITROOM_EXPORT_PDF,           /* the briefing pack */
  SITROOM_EXPORT_CSV,           /* the figures of a view */
} SitroomExportFormat;

typedef enum {
  SITROOM_EXPORT_VIEW_MAP,
  SITROOM_EXPORT_VIEW_CHAINS,
  SITROOM_EXPORT_VIEW_CURVE,
  SITROOM_EXPORT_VIEW_CAPACITY,
  SITROOM_EXPORT_VIEW_BRIEFING, /* the pack: the whole of it in a PDF, its first page in a picture */
} SitroomExportView;

/* The view named "map", "chains", "curve", "capacity" or "briefing". */
gboolean sitroom_export_view_from_string (const char          *text,
                                          SitroomExportView   *view);
/* The curve's grouping named "by-prefecture" or "by-chain". */
gboolean sitroom_export_grouping_from_string (const char           *text,
                                              SitroomCurveGrouping *grouping);

/* The format named by the extension of @path: .png, .svg, .pdf or .csv,
 * in any case. */
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
 * to @path. @scale is 1, or 2 for high-density screens: the same picture at
 * twice the density, a PNG of twice @width and @height, an SVG whose size
 * in pixels is doubled (so do the other views below). The file is written under a temporary name in the same folder
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
                                          int                       scale,
                                          const char               *path,
                                          GError                  **error);

/* Draws the chains of @view on one time axis with the timeline renderer
 * (light style, @lang, the default closing rule): the whole story from
 * its first mark to the document's as_of, what follows the cutoff dimmed,
 * under a title with the cutoff and the source, above a key to the marks.
 * Every lane is drawn: the text and lanes are scaled down to fit the
 * height, but not below SITROOM_EXPORT_CHAINS_MIN_SCALE; past that the
 * last lanes are left out and a note under the title says how many and
 * that a larger size shows them. Written as sitroom_export_map() writes;
 * the SVG's <desc> names each chain with its positives and status. */
gboolean sitroom_export_chains           (SitroomView              *view,
                                          const char               *lang,
                                          SitroomExportFormat       format,
                                          int                       width,
                                          int                       height,
                                          int                       scale,
                                          const char               *path,
                                          GError                  **error);

/* Draws the epidemic curve of @view grouped by @grouping with the curve
 * renderer (light style, @lang, with its title and cutoff). Written as
 * sitroom_export_map() writes; the SVG's <desc> gives the totals, the
 * days, the busiest day and each group's positives. */
gboolean sitroom_export_curve            (SitroomView              *view,
                                          SitroomCurveGrouping      grouping,
                                          const char               *lang,
                                          SitroomExportFormat       format,
                                          int                       width,
                                          int                       height,
                                          int                       scale,
                                          const char               *path,
                                          GError                  **error);

/* Draws quarantine capacity at @view's cutoff with the capacity renderer
 * (light style, @lang, its title with the cutoff and source): the table of
 * prefectures and their centralized sites, each prefecture's 14-day
 * forecast with the arrivals a day taken from the cohorts, and the
 * assumptions. Written as sitroom_export_map() writes; the SVG's <desc>
 * says which figures are illustrative, counts and names the over-full
 * sites, and gives each prefecture's occupants, beds and the day they run
 * out. */
gboolean sitroom_export_capacity         (SitroomView              *view,
                                          const char               *lang,
                                          SitroomExportFormat       format,
                                          int                       width,
                                          int                       height,
                                          int                       scale,
                                          const char               *path,
                                          GError                  **error);

/* The first page of @pack (title, cutoff, headline and prefecture tables)
 * as a PNG or SVG of @width × @height at @scale, the page scaled to fit
 * and centred on white. Written as sitroom_export_map() writes; the SVG's
 * <title> is the pack's and its <desc> the briefing's headline paragraph. */
gboolean sitroom_export_briefing_page    (SitroomPack              *pack,
                                          SitroomExportFormat       format,
                                          int                       width,
                                          int                       height,
                                          int                       scale,
                                          const char               *path,
                                          GError                  **error);

/* The figures of @which at @view's cutoff as CSV (sitroom-csv.h): the
 * briefing's three tables in one file, the prefectures for the map, the
 * chains, the quarantine sites for capacity, and for the curve a row per
 * CST day and group (by @grouping): date, group (a region code or chain
 * id, empty for the cases of none), group_zh, group_en, confirmed,
 * asymptomatic, and mean7, the group's positives over that day and the
 * six before divided by 7 (one decimal; the rows of a day add up to the
 * curve's 7-day mean). Written whole or not at all; errors are
 * G_FILE_ERROR. */
gboolean sitroom_export_csv              (SitroomView              *view,
                                          SitroomExportView         which,
                                          SitroomCurveGrouping      grouping,
                                          const char               *path,
                                          GError                  **error);

/* What --export was asked for. NULL members take their defaults: the
 * briefing for a PDF or CSV and the map for a PNG or SVG; 1600x1200 for the
 * map, 1600x900 for the chains, the curve and capacity, 1240x1754 for the
 * briefing's first page; scale 1; positives, the built-in outlines, no
 * approval number, the curve by prefecture. The metric is the map's; the
 * outlines and approval number the map's and the briefing's (its map
 * page); the grouping is the curve's; each is refused where nothing
 * would read it. A PDF holds the briefing pack and nothing else; size and
 * scale are a picture's. */
typedef struct {
  const char *path;              /* FILE.pdf, FILE.png, FILE.svg or FILE.csv */
  const char *view;              /* "briefing", "map", "chains", "curve" or "capacity" */
  const char *size;              /* "WIDTHxHEIGHT" */
  const char *metric;            /* as sitroom_metric_from_string() reads it */
  const char *lang;              /* "zh" or "en" */
  const char *boundaries;        /* a GeoJSON file of outlines */
  const char *approval_number;   /* 审图号 */
  const char *grouping;          /* "by-prefecture" or "by-chain" */
  const char *scale;             /* "1" or "2" */
} SitroomCliExport;

/* --export: reads @feed (NULL: the built-in demo) at @as_of (NULL: its
 * as_of) and writes the file; a pack names @feed as its source (a file by
 * its name, a feed by its URL). Returns SITROOM_EXIT_OK (0) once the file
 * is written, else 1 (SITROOM_EXIT_EXPORT_FAILED) with a message on stderr
 * naming the problem, whatever it is (arguments, a document refused, a
 * source or boundary file that cannot be read, an output file that cannot
 * be written): a scheduled export needs one answer, and the message tells
 * a person which. */
int      sitroom_cli_export              (const SitroomCliExport   *export,
                                          const char               *feed,
                                          const char               *as_of,
                                          const SitroomCliNetwork  *network);

G_END_DECLS
