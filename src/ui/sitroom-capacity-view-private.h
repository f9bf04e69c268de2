/* The Capacity page's insides: its state, shared by its files, and what each file does for the others. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-capacity-view.h"
#include "sitroom-figure.h"

G_BEGIN_DECLS

struct _SitroomCapacityView
{
  GtkWidget parent_instance;

  SitroomContext *context;

  /* The whole province at the context's cutoff: beds do not depend on the
   * prefecture or chain selected, and a selection must not count again. */
  SitroomView *view;
  SitroomForecast *forecast;
  /* Every prefecture on the 3-day mean: what the what-if starts from. */
  SitroomForecast *mean_forecast;
  /* Region code → gint64 people a day the user set: codes, not indexes,
   * outlive a document. */
  GHashTable *arrivals;
  GListStore *prefectures;      /* SitroomCapacityRow */
  GtkSingleSelection *selection;
  gboolean syncing;

  GtkWidget *scroller;           /* the template's child, unparented by dispose_template() */
  GtkWidget *illustrative_note;
  GtkLabel *illustrative_label;
  GtkWidget *illustrative_mark;
  GtkWidget *forecast_mark;
  GtkLabel *cutoff_label;
  SitroomFigure *capacity_figure;
  SitroomFigure *occupied_figure;
  SitroomFigure *free_figure;
  SitroomFigure *occupancy_figure;
  SitroomFigure *overfull_figure;
  SitroomFigure *running_out_figure;
  GtkWidget *empty_label;
  GtkWidget *sites_box;
  GtkColumnView *table;
  GtkColumnViewColumn *full_on_column;
  GtkWidget *home_box;
  GtkListBox *home_list;
  GtkWidget *forecast_box;
  GtkLabel *assumption_label;
  GtkLabel *arrivals_label;
  GtkFlowBox *chart_box;
};

/* sitroom-capacity-view.c */
const char       *_sitroom_capacity_view_get_lang      (SitroomCapacityView *self);
/* NULL without a document. */
SitroomSituation *_sitroom_capacity_view_get_situation (SitroomCapacityView *self);

/* sitroom-capacity-view-words.c: what the page says of the forecast shown,
 * which must be there. */
void              _sitroom_capacity_view_update_figures     (SitroomCapacityView *self);
void              _sitroom_capacity_view_update_running_out (SitroomCapacityView *self);
void              _sitroom_capacity_view_update_notes       (SitroomCapacityView *self);
/* The people at home, with or without a forecast. */
void              _sitroom_capacity_view_update_home        (SitroomCapacityView *self);

G_END_DECLS
