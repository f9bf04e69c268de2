/* What the exports share: a picture drawn into PNG or SVG bytes and written whole, the size of their text and the words of a day. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-chart-style.h"
#include "sitroom-export.h"
#include "sitroom-render-text.h"

G_BEGIN_DECLS

/* Draws the picture onto @cr, already painted white, of @width × @height. */
typedef void (*SitroomExportDrawFunc) (cairo_t  *cr,
                                       int       width,
                                       int       height,
                                       gpointer  data);
/* The picture's title and what it shows, as words for an SVG's <title>
 * and <desc>: cairo writes drawn text as glyph outlines, which neither a
 * search nor a screen reader can read. */
typedef void (*SitroomExportDescribeFunc) (gpointer   data,
                                           char     **title,
                                           char     **desc);

typedef struct {
  SitroomExportDrawFunc draw;
  SitroomExportDescribeFunc describe;
  gpointer data;
  int width;
  int height;
  int scale;                    /* pixels per pixel of @width × @height; 0 is 1 */
} SitroomExportPicture;

/* Draws @picture as @format (PNG or SVG) and writes it to @path under a
 * temporary name in the same folder, renamed at the end. Errors are
 * G_FILE_ERROR (writing) or G_IO_ERROR (drawing). */
gboolean    sitroom_export_write_picture  (const SitroomExportPicture  *picture,
                                           SitroomExportFormat          format,
                                           const char                  *path,
                                           GError                     **error);
/* Writes @length bytes to @path as a picture is written: whole or not at
 * all, the old file kept on failure. Errors are G_FILE_ERROR. */
gboolean    sitroom_export_write_file     (const char                  *path,
                                           const guint8                *data,
                                           gsize                        length,
                                           GError                     **error);

/* Text sized for a desk when the file is @default_width × @default_height
 * and growing with it; at least @floor. */
double      sitroom_export_text_scale     (int                          width,
                                           int                          height,
                                           int                          default_width,
                                           int                          default_height,
                                           double                       floor);
/* The text scale of the chains, the curve or capacity in a file of
 * @width × @height: from their default size, at least
 * SITROOM_EXPORT_CHAINS_MIN_SCALE, as small as the chains' labels. */
double      sitroom_export_chart_text_scale (int                        width,
                                           int                          height);

/* "8月17日" / "17 August", the CST day that starts at @start, with its
 * year ("2022年8月17日" / "17 August 2022") unless that is @known_year. */
char       *sitroom_export_day_words      (gint64                       start,
                                           int                          known_year,
                                           const char                  *lang);

/* sitroom-export-key.c: the chains' key to the timeline's marks, naming
 * the classes of cases, kinds of events and kinds of measures there are
 * in the lanes, in zh or en. */
typedef struct _SitroomExportKey SitroomExportKey;

SitroomExportKey *sitroom_export_key_new    (SitroomView                *view,
                                             const char                 *lang);
void        sitroom_export_key_free         (SitroomExportKey           *key);
/* Lays the key out at text scale @ts in rows at most @width wide, a
 * heading kept on the row of its group when the group fits there;
 * returns its height, 0 when there is nothing to name. */
double      sitroom_export_key_layout       (SitroomExportKey           *key,
                                             PangoContext               *pango,
                                             double                      ts,
                                             double                      width);
void        sitroom_export_key_draw         (SitroomExportKey           *key,
                                             cairo_t                    *cr,
                                             double                      x,
                                             double                      y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomExportKey, sitroom_export_key_free)

G_END_DECLS
