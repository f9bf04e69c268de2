/* The text every renderer and export draws: layouts in our font at a size in pixels, their size, shown in a colour; and the words of a time in China Standard Time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-classes.h"
#include "sitroom-situation.h"

G_BEGIN_DECLS

/* Chinese first, so that 太原 is drawn with Simplified Chinese glyphs. */
#define SITROOM_RENDER_FONT "Noto Sans CJK SC, Noto Sans, sans"

/* TRUE for "zh" and its variants; FALSE for anything else and NULL. */
gboolean     sitroom_render_is_chinese      (const char         *lang);

/* Keeps a copy of @text in *@copy, freeing the one before; TRUE when
 * they differed, so that what was laid out in the old words goes. (GLib
 * 2.76's g_set_str(), past our floor.) */
gboolean     sitroom_render_set_str         (char              **copy,
                                             const char         *text);

/* Makes *@pango (a new context when NULL) fit for text in @lang drawn
 * into @cr (when not NULL): the language picks the glyphs of the CJK
 * characters, and the surface's font options differ between the screen,
 * a PNG and a document. Layouts made in it notice and lay out again. */
void         sitroom_render_text_update     (PangoContext      **pango,
                                             cairo_t            *cr,
                                             const char         *lang);

/* @text in SITROOM_RENDER_FONT at @pixels (whatever text scale the caller
 * has applied), bold or not. */
PangoLayout *sitroom_render_new_layout      (PangoContext       *pango,
                                             double              pixels,
                                             gboolean            bold,
                                             const char         *text);
/* A layout's logical size in pixels; 0 × 0 for NULL. Either out argument
 * may be NULL. */
void         sitroom_render_layout_size     (PangoLayout        *layout,
                                             double             *width,
                                             double             *height);
double       sitroom_render_layout_height   (PangoLayout        *layout);
/* Draws @layout in @color with its top left corner at (@x, @y). */
void         sitroom_render_show            (cairo_t            *cr,
                                             PangoLayout        *layout,
                                             const SitroomColor *color,
                                             double              x,
                                             double              y);

/* @utc in China Standard Time, or NULL when it is outside GDateTime's
 * range. */
GDateTime   *sitroom_render_cst_time        (gint64              utc);
/* "Jan" … "Dec" for @month 1 to 12. */
const char  *sitroom_render_month_abbreviation (int              month);
/* "截至2022年8月20日13时" / "as of 13:00 on 20 August 2022 (CST)", for a
 * title: a picture is kept, so the Chinese words have the year that the
 * briefing's running text leaves out. */
char        *sitroom_render_cutoff_words    (gint64              cutoff,
                                             const char         *lang);
/* The name in @lang of the province the built-in regions describe; "" if
 * @situation has none. */
const char  *sitroom_render_province_name   (SitroomSituation   *situation,
                                             const char         *lang);

G_END_DECLS
