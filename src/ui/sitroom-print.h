/* What the pack, the pictures and the tables are made from, writing one of them, and "Print…": the pack's pages through GtkPrintOperation. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-application.h"
#include "sitroom-context.h"
#include "sitroom-curve.h"
#include "sitroom-export.h"
#include "sitroom-metric.h"
#include "sitroom-pack-render.h"

G_BEGIN_DECLS

/* What a print-out or an export is made from, taken once when it is asked
 * for: a worker then reads neither a widget nor a setting, and the view,
 * situation and outlines are immutable, so threads share them. */
typedef struct {
  SitroomView *view;             /* the whole province at the cutoff on screen */
  SitroomBoundaries *boundaries; /* the outlines the map draws */
  char *approval_number;         /* the "approval-number" setting, or NULL */
  char *source;                  /* the source as a person names it, for the pack's footer */
  SitroomMetric metric;          /* the map's ("map-metric") */
  SitroomCurveGrouping grouping; /* the curve's ("curve-grouping") */
  const char *lang;              /* the UI's, "zh" or "en" */
  char *text_zh;                 /* the briefing as edited on its page, or NULL: */
  char *text_en;                 /* the pack prints the generated text then */
} SitroomPrintInput;

/* NULL while @context has no document. @application may be NULL: the
 * built-in outlines and the settings' defaults. */
SitroomPrintInput *sitroom_print_input_new   (SitroomContext     *context,
                                              SitroomApplication *application);
SitroomPrintInput *sitroom_print_input_ref   (SitroomPrintInput  *input);
void               sitroom_print_input_unref (SitroomPrintInput  *input);

/* The briefing pack of @input in @lang ("zh" or "en"), made now. It lays
 * out its pages: slow for a large document, so a worker's job. */
SitroomPack       *sitroom_print_input_new_pack (SitroomPrintInput *input,
                                                 const char        *lang);

typedef enum {
  SITROOM_EXPORT_WHAT_PACK,      /* the briefing pack, PDF */
  SITROOM_EXPORT_WHAT_MAP,       /* a picture of a view, PNG or SVG */
  SITROOM_EXPORT_WHAT_CHAINS,
  SITROOM_EXPORT_WHAT_CURVE,
  SITROOM_EXPORT_WHAT_CAPACITY,
  SITROOM_EXPORT_WHAT_TABLES,    /* the prefecture, chain and site tables, CSV */
} SitroomExportWhat;

typedef struct {
  SitroomExportWhat what;
  SitroomExportFormat format;  /* a picture's */
  int width;                   /* a picture's size, before ×2 */
  int height;
  gboolean hidpi;              /* ×2 for high-density screens: a PNG of twice the size */
  const char *lang;            /* "zh" or "en" */
} SitroomExportChoice;

/* Writes what @choice asks of @input to @path, whole or not at all (under
 * a temporary name beside it, renamed at the end). ×2 draws the picture of
 * the size chosen at twice the density, as `--export --scale 2` does.
 * Blocks: call it in a worker. Errors are G_FILE_ERROR or G_IO_ERROR. */
gboolean           sitroom_print_input_write (SitroomPrintInput         *input,
                                              const SitroomExportChoice *choice,
                                              const char                *path,
                                              GError                   **error);

/* The same in a worker thread; @choice is copied. */
void               sitroom_print_input_write_async  (SitroomPrintInput         *input,
                                                     const SitroomExportChoice *choice,
                                                     const char                *path,
                                                     GCancellable              *cancellable,
                                                     GAsyncReadyCallback        callback,
                                                     gpointer                   user_data);
gboolean           sitroom_print_input_write_finish (GAsyncResult              *result,
                                                     GError                   **error);

/* The print operation of @pack (taken: the operation frees it): n-pages
 * from the pack, each page drawn by sitroom_pack_draw_page() on the print
 * context's cairo over the whole sheet, A4 portrait unless @settings (may
 * be NULL) say otherwise, the preview available, and "@name.pdf" for
 * printing to a file. */
GtkPrintOperation *sitroom_print_operation_new (SitroomPack      *pack,
                                                const char       *name,
                                                GtkPrintSettings *settings);

/* "Print…": lays the pack of @input out in @lang in a worker, then opens
 * GTK's print dialog over @parent. The settings chosen there are kept for
 * the next print-out of the session; a failure is shown over @parent. */
void               sitroom_print_run           (GtkWindow         *parent,
                                                SitroomPrintInput *input,
                                                const char        *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomPrintInput, sitroom_print_input_unref)

G_END_DECLS
