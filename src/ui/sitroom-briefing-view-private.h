/* The Briefing page's insides: its state, shared by its files, and what the history below the texts takes from the page. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sitroom-briefing-view.h"

G_BEGIN_DECLS

struct _SitroomBriefingView
{
  GtkWidget parent_instance;

  SitroomContext *context;
  SitroomView *view;                      /* the whole province at the cutoff */
  SitroomBriefingFigures *figures;
  SitroomBriefingFigures *edit_figures;   /* the figures when the edits began */

  char *store_path;
  SitroomBriefingStore *store;
  SitroomIssuedBriefing *last;
  GArray *changes;
  GHashTable *changes_by_key;             /* key → SitroomFigureChange in changes */
  GPtrArray *errata;
  GCancellable *errata_cancellable;

  AdwToastOverlay *toast_overlay;
  GtkLabel *cutoff_label;
  GtkWidget *mark_button;
  GtkRevealer *changed_banner;
  GtkLabel *changed_label;
  SitroomBriefingEditor *zh_editor;
  SitroomBriefingEditor *en_editor;
  GtkWidget *history_box;
  GtkLabel *since_label;
  GtkCheckButton *unchanged_check;
  GtkWidget *since_frame;
  GtkColumnView *since_table;
  GtkStringList *since_keys;
  GtkLabel *errata_label;
  GtkListBox *errata_list;
};

/* sitroom-briefing-view.c */
const char           *_sitroom_briefing_view_get_lang     (SitroomBriefingView       *self);
const char           *_sitroom_briefing_view_get_source   (SitroomBriefingView       *self);
const char           *_sitroom_briefing_view_change_label (SitroomBriefingView       *self,
                                                           const SitroomFigureChange *change);
SitroomBriefingStore *_sitroom_briefing_view_ensure_store (SitroomBriefingView       *self,
                                                           gboolean                   create,
                                                           GError                   **error);

/* sitroom-briefing-view-history.c: "since the last briefing" and the revision log */
void _sitroom_briefing_view_class_init_history (GtkWidgetClass      *widget_class);
void _sitroom_briefing_view_init_history       (SitroomBriefingView *self);
void _sitroom_briefing_view_update_since       (SitroomBriefingView *self);
void _sitroom_briefing_view_show_errata        (SitroomBriefingView *self);
void _sitroom_briefing_view_find_errata        (SitroomBriefingView *self);

G_END_DECLS
