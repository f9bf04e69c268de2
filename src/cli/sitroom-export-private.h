/* What the exports share: a picture drawn into PNG or SVG bytes and written whole, and the words every view's title uses. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-classes.h"
#include "sitroom-export.h"

G_BEGIN_DECLS

/* Chinese first, so that 太原 is drawn with Simplified Chinese glyphs, as
 * the renderers do. */
#define SITROOM_EXPORT_FONT "Noto Sans CJK SC, Noto Sans, sans"

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
} SitroomExportPicture;

/* Draws @picture as @format and writes it to @path under a temporary name
 * in the same folder, renamed at the end. Errors are G_FILE_ERROR
 * (writing) or G_IO_ERROR (drawing). */
gboolean    sitroom_export_write_picture  (const SitroomExportPicture  *picture,
                                           SitroomExportFormat          format,
                                           const char                  *path,
                                           GError                     **error);

/* Text sized for a desk when the file is @default_width × @default_height
 * and growing with it; at least @floor. */
double      sitroom_export_text_scale     (int                          width,
                                           int                          height,
                                           int                          default_width,
                                           int                          default_height,
                                           double                       floor);

gboolean    sitroom_export_is_chinese     (const char                  *lang);

/* The province the built-in regions describe, in @lang; "" if none. */
const char *sitroom_export_province_name (SitroomSituation            *situation,
                                           const char                  *lang);

/* "截至2022年8月20日13时" / "as of 13:00 on 20 August 2022 (CST)": an
 * export is kept, so the Chinese words have the year that the briefing's
 * running text leaves out, as the map's title has. */
char       *sitroom_export_cutoff_words   (gint64                       cutoff,
                                           const char                  *lang);

/* Text in SITROOM_EXPORT_FONT at @pixels (the text scale applied), in
 * @pango, the context of the surface drawn into. */
PangoLayout *sitroom_export_new_layout    (PangoContext                *pango,
                                           double                       pixels,
                                           gboolean                     bold,
                                           const char                  *text);
/* A layout's logical size in pixels; 0 for NULL. */
double      sitroom_export_layout_width   (PangoLayout                 *layout);
double      sitroom_export_layout_height  (PangoLayout                 *layout);
void        sitroom_export_show           (cairo_t                     *cr,
                                           PangoLayout                 *layout,
                                           const SitroomColor          *color,
                                           double                       x,
                                           double                       y);

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
