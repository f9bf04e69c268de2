/* The measures page: every measure begun by the cutoff (and those scheduled), where, since when, how long so far, as a sortable list and as spans on a time axis. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_MEASURES_VIEW (sitroom_measures_view_get_type ())

G_DECLARE_FINAL_TYPE (SitroomMeasuresView, sitroom_measures_view, SITROOM, MEASURES_VIEW, GtkWidget)

/* Follows @context: its cutoff, its selected prefecture (which narrows
 * the list) and its language; activating a measure's region selects it. */
GtkWidget      *sitroom_measures_view_new         (SitroomContext      *context);
SitroomContext *sitroom_measures_view_get_context (SitroomMeasuresView *self);
void            sitroom_measures_view_set_context (SitroomMeasuresView *self,
                                                   SitroomContext      *context);

/* The number of measures listed now. */
guint           sitroom_measures_view_get_n_rows  (SitroomMeasuresView *self);

/* For the tests: the table, the chart (a SitroomMeasuresChart), and the
 * measure (an index into the situation's measures) listed at @position
 * as the table is sorted now, -1 past the end. */
GtkColumnView  *sitroom_measures_view_get_table   (SitroomMeasuresView *self);
GtkWidget      *sitroom_measures_view_get_chart   (SitroomMeasuresView *self);
int             sitroom_measures_view_get_row_measure (SitroomMeasuresView *self,
                                                       guint                position);

G_END_DECLS
