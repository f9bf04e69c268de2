/* The Briefing page: the press release at the cutoff in Chinese and English, edited and checked, marked as issued, and what changed since the last one. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-briefing-editor.h"
#include "sitroom-briefing-store.h"
#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_BRIEFING_VIEW (sitroom_briefing_view_get_type ())

G_DECLARE_FINAL_TYPE (SitroomBriefingView, sitroom_briefing_view, SITROOM, BRIEFING_VIEW, GtkWidget)

/* Follows @context: the briefing of its document at its cutoff (whatever
 * prefecture or chain is selected: a briefing covers the province), the
 * issued briefings of its source, and its language for names and labels. */
GtkWidget      *sitroom_briefing_view_new         (SitroomContext      *context);
SitroomContext *sitroom_briefing_view_get_context (SitroomBriefingView *self);
void            sitroom_briefing_view_set_context (SitroomBriefingView *self,
                                                   SitroomContext      *context);

/* The editor of the text in @lang, "zh" or "en". */
SitroomBriefingEditor *sitroom_briefing_view_get_editor (SitroomBriefingView *self,
                                                         const char          *lang);

/* Where issued briefings are kept: a path set here, else the environment
 * variable SITROOM_BRIEFING_STORE, else the store's default in the user's
 * data folder. The file is only created when a briefing is marked issued. */
const char     *sitroom_briefing_view_get_store_path (SitroomBriefingView *self);
void            sitroom_briefing_view_set_store_path (SitroomBriefingView *self,
                                                      const char          *path);

/* What "Mark as Issued" (the action "briefing.mark-issued") does, without
 * the toast: stores the briefing shown (its cutoff, figures, generated text
 * and any edit, in both languages) and compares the page with it again. */
SitroomIssuedBriefing *sitroom_briefing_view_mark_issued (SitroomBriefingView *self,
                                                          GError             **error);

/* The latest briefing of the source issued at an earlier cutoff, NULL when
 * there is none; and each figure's change since it, a GArray of
 * SitroomFigureChange (NULL with no such briefing). */
const SitroomIssuedBriefing *sitroom_briefing_view_get_last_briefing (SitroomBriefingView *self);
GArray         *sitroom_briefing_view_get_changes (SitroomBriefingView *self);

/* The revision log, a GPtrArray of SitroomBriefingErratum, newest issued
 * first, empty when nothing was corrected or nothing issued; NULL while
 * it is being found (in a worker). */
GPtrArray      *sitroom_briefing_view_get_errata  (SitroomBriefingView *self);

G_END_DECLS
