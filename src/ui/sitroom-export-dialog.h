/* "Export…": the briefing pack as PDF, a view as PNG or SVG, the tables as CSV, chosen in a small dialog and written in a worker. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sitroom-export.h"
#include "sitroom-print.h"

G_BEGIN_DECLS

/* The picture sizes offered, before "×2 for high-density screens". */
#define SITROOM_EXPORT_DIALOG_DEFAULT_WIDTH  1920
#define SITROOM_EXPORT_DIALOG_DEFAULT_HEIGHT 1080

/* "briefing-2022-08-20T1300.pdf" for the pack, "…-map.png" (or .svg, with
 * -chains, -curve, -capacity) for a picture, "….csv" for the tables: the
 * file name offered for @what at @cutoff. */
char *sitroom_export_dialog_default_name (gint64              cutoff,
                                          SitroomExportWhat   what,
                                          SitroomExportFormat format);

#define SITROOM_TYPE_EXPORT_DIALOG (sitroom_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SitroomExportDialog, sitroom_export_dialog, SITROOM, EXPORT_DIALOG, AdwWindow)

/* A dialog over @parent for @input (kept). @page is the window's page on
 * screen: a view with a picture ("map", "chains", "curve", "capacity") is
 * chosen first, anything else the pack. "Saved …" is said in @toasts. */
SitroomExportDialog *sitroom_export_dialog_new (GtkWindow         *parent,
                                                SitroomPrintInput *input,
                                                AdwToastOverlay   *toasts,
                                                const char        *page);

/* What the rows say. */
void  sitroom_export_dialog_get_choice (SitroomExportDialog       *self,
                                        SitroomExportChoice       *choice);
/* A size that is no preset is the custom one; ×2 is kept for a PNG only. */
void  sitroom_export_dialog_set_choice (SitroomExportDialog       *self,
                                        const SitroomExportChoice *choice);
/* The name offered for the choice. */
char *sitroom_export_dialog_get_default_name (SitroomExportDialog *self);

/* The dialog's "Export…" button: the file chooser (the portal inside
 * Flatpak) with the default name; a file chosen is saved as
 * sitroom_export_dialog_save() saves. Callable without showing the dialog:
 * "Export PDF…" on the Briefing page goes straight here. */
void     sitroom_export_dialog_choose_file  (SitroomExportDialog  *self);

/* What the dialog does with the file chosen: closes, has the file written
 * in a worker (sitroom_print_input_write_async()), then says "Saved NAME"
 * in the toasts with an "Open" button, or shows the error in a dialog over
 * the parent window. */
void     sitroom_export_dialog_save         (SitroomExportDialog  *self,
                                             GFile                *file);

G_END_DECLS
