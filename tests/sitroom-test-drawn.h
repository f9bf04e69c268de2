/* Helpers the render and export tests share: which characters a drawing drew, and what its pixels hold. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws into @cr, a page of the size given with it. */
typedef void (*SitroomTestDraw) (cairo_t  *cr,
                                 gpointer  data);

/* What @draw puts on a PDF page of @width × @height, as the text of every
 * compressed stream of the document inflated: among them the ToUnicode
 * map of each font, which names every character drawn. The test fails if
 * cairo reports an error. */
GString         *sitroom_test_drawn_text            (SitroomTestDraw  draw,
                                                     gpointer         data,
                                                     double           width,
                                                     double           height);
/* Whether every character of @word was drawn, by @text from
 * sitroom_test_drawn_text(). */
gboolean         sitroom_test_drew                  (const GString   *text,
                                                     const char      *word);
/* Checks a drawing made in both languages, @zh and @en from
 * sitroom_test_drawn_text(): each of @zh_words (NULL-terminated) is drawn
 * in Chinese and not in English, and @en_letters, letters the Chinese
 * drawing never uses, in English and not in Chinese. */
void             sitroom_test_drawn_assert_languages (const GString      *zh,
                                                      const GString      *en,
                                                      const char * const *zh_words,
                                                      const char         *en_letters);

/* Pixels are compared as RGB: alpha is ignored, as an export is opaque
 * whatever format cairo read it as. */

/* A PNG file read back; the test fails if cairo cannot read it. */
cairo_surface_t *sitroom_test_drawn_load_png        (const char      *path);
/* How many different colours @surface holds. */
guint            sitroom_test_drawn_count_colours   (cairo_surface_t *surface);
/* How many pixels of @surface are of the RGB colour @colour (0xrrggbb). */
guint            sitroom_test_drawn_count_pixels_of (cairo_surface_t *surface,
                                                     guint32          colour);
/* Whether @a and @b, which must be of one size, hold the same pixels. */
gboolean         sitroom_test_drawn_same_pixels     (cairo_surface_t *a,
                                                     cairo_surface_t *b);

G_END_DECLS
