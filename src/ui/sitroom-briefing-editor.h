/* The briefing text in one language: generated from the figures, editable, with its edit kept apart, copied, and checked against the data. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-briefing-figures.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_BRIEFING_EDITOR (sitroom_briefing_editor_get_type ())

G_DECLARE_FINAL_TYPE (SitroomBriefingEditor, sitroom_briefing_editor, SITROOM, BRIEFING_EDITOR, GtkWidget)

/* An editor of the briefing in @lang, "zh" or "en" (property "lang",
 * construct-only). Its buttons are the actions "editor.copy" and
 * "editor.revert"; "copied" is emitted once the text is on the clipboard. */
GtkWidget     *sitroom_briefing_editor_new           (const char             *lang);
const char    *sitroom_briefing_editor_get_lang      (SitroomBriefingEditor  *self);

/* The text generated from @figures. The editor shows it, unless the user has
 * edited the text: the edit is then kept as it is, and checked against the
 * new text and figures. */
void           sitroom_briefing_editor_set_generated (SitroomBriefingEditor  *self,
                                                      const char             *text,
                                                      SitroomBriefingFigures *figures);
const char    *sitroom_briefing_editor_get_generated (SitroomBriefingEditor  *self);
SitroomBriefingFigures *sitroom_briefing_editor_get_figures (SitroomBriefingEditor *self);

/* What the editor shows, edited or not. */
char          *sitroom_briefing_editor_get_text      (SitroomBriefingEditor  *self);
GtkTextBuffer *sitroom_briefing_editor_get_buffer    (SitroomBriefingEditor  *self);

/* Whether the text shown differs from the generated one (property "edited").
 * Typing the generated text back is no edit. */
gboolean       sitroom_briefing_editor_get_edited    (SitroomBriefingEditor  *self);
/* Drops the edit: the generated text again. */
void           sitroom_briefing_editor_revert        (SitroomBriefingEditor  *self);

/* Puts the text shown on the clipboard. */
void           sitroom_briefing_editor_copy          (SitroomBriefingEditor  *self);

/* The edit's numbers that no longer say what the data says
 * (sitroom_briefing_check()), shown under the text; empty without an edit.
 * The check runs in a worker a moment after the last change; property
 * "mismatches" (a GArray of SitroomBriefingMismatch) is notified when it
 * has. */
GArray        *sitroom_briefing_editor_get_mismatches (SitroomBriefingEditor *self);

G_END_DECLS
