/* The briefing pack's pages, drawn with cairo for the PDF, the print-out and its preview alike: title and headline table, map, chains and curve, capacity, the briefing text, data quality. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sitroom-boundaries.h"
#include "sitroom-view.h"

G_BEGIN_DECLS

/* A4 portrait in PostScript points (1/72 inch), the PDF's page size. */
#define SITROOM_PACK_PAGE_WIDTH  595.276
#define SITROOM_PACK_PAGE_HEIGHT 841.89

typedef struct {
  const char *lang;             /* "zh" or "en": headings, tables, the pictures' words */
  const char *approval_number;  /* 审图号 for the map page, or NULL */
  const char *source;           /* where the data came from, for the footer ("Built-in demo", a URL) */
  gint64 generated_at;          /* real time (Unix seconds) the pack was made, for the footer */
  /* The briefing as the press office edited it, in each language, its
   * paragraphs parted by blank lines; NULL (or empty) prints the text
   * generated from the view. */
  const char *text_zh;
  const char *text_en;
} SitroomPackOptions;

typedef struct _SitroomPack SitroomPack;

/* The pack of @view (at its cutoff, without its filters) and @boundaries
 * (the outlines the map page draws). It lays out its pages once: the
 * number of pages depends on the data (a long briefing text or many
 * chains take more than one page each). */
SitroomPack *sitroom_pack_new            (SitroomView              *view,
                                          SitroomBoundaries        *boundaries,
                                          const SitroomPackOptions *options);
void         sitroom_pack_free           (SitroomPack              *self);

guint        sitroom_pack_get_n_pages    (SitroomPack              *self);

/* "山西省新冠肺炎疫情通报 · 截至2022年8月20日13时" / "COVID-19 situation in
 * Shanxi · as of 13:00 on 20 August 2022 (CST)": the title of the first
 * page with the cutoff, as a file's title. */
char        *sitroom_pack_get_title      (SitroomPack              *self);
/* The view the pack shows (the whole situation at the cutoff), and its
 * language, "zh" or "en". */
SitroomView *sitroom_pack_get_view       (SitroomPack              *self);
const char  *sitroom_pack_get_lang       (SitroomPack              *self);

/* Draws page @page (from 0) into (0, 0, @width, @height) in points of
 * @cr, whatever its surface: a PDF page of SITROOM_PACK_PAGE_WIDTH ×
 * SITROOM_PACK_PAGE_HEIGHT, or a printer's page (the drawing scales to fit,
 * keeping its proportions). Text is drawn as text (pango), so a PDF keeps
 * it selectable and searchable with its fonts embedded. Every page has the
 * cutoff, the publisher, the source, the page number and, where the page
 * shows a figure the document names illustrative, the illustrative mark. */
void         sitroom_pack_draw_page      (SitroomPack              *self,
                                          guint                     page,
                                          cairo_t                  *cr,
                                          double                    width,
                                          double                    height);

/* "briefing-2022-08-20T1300": the file name (without extension) a pack
 * or an export of @cutoff is saved under by default, in CST. */
char        *sitroom_pack_default_name   (gint64                    cutoff);

/* Writes the whole pack as a PDF to @path (under a temporary name in the
 * same folder, renamed at the end). Errors are G_IO_ERROR or G_FILE_ERROR. */
gboolean     sitroom_pack_write_pdf      (SitroomPack              *self,
                                          const char               *path,
                                          GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomPack, sitroom_pack_free)

G_END_DECLS
