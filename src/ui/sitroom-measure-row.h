/* One row of the measures table: a measure at a cutoff written for people, and the columns that show and sort it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-measures.h"

G_BEGIN_DECLS

/* The table's columns, in the order they stand. */
typedef enum {
  SITROOM_MEASURE_CELL_KIND,
  SITROOM_MEASURE_CELL_REGION,
  SITROOM_MEASURE_CELL_TEXT,
  SITROOM_MEASURE_CELL_FROM,
  SITROOM_MEASURE_CELL_UNTIL,
  SITROOM_MEASURE_CELL_SO_FAR,
  SITROOM_MEASURE_CELL_STATUS,
  SITROOM_N_MEASURE_CELLS
} SitroomMeasureCell;

#define SITROOM_TYPE_MEASURE_ROW (sitroom_measure_row_get_type ())

G_DECLARE_FINAL_TYPE (SitroomMeasureRow, sitroom_measure_row, SITROOM, MEASURE_ROW, GObject)

/* An immutable snapshot of @state, a measure of @view's situation at its
 * cutoff, written in @lang (region names, the measure's words, times)
 * and in the UI's language (kind, how long, status); @order is its place
 * in sitroom_measures_list(), which ties in every column keep. */
SitroomMeasureRow         *sitroom_measure_row_new (SitroomView                *view,
                                                    const SitroomMeasureState *state,
                                                    guint                      order,
                                                    const char                *lang);

const SitroomMeasureState *sitroom_measure_row_get_state      (SitroomMeasureRow  *self);
/* What activating the row selects: its region's prefecture, -1 for the province. */
int                        sitroom_measure_row_get_prefecture (SitroomMeasureRow  *self);
/* What column @cell shows: "—" in the until column while it has no end. */
const char                *sitroom_measure_row_get_text       (SitroomMeasureRow  *self,
                                                               SitroomMeasureCell  cell);

/* Gives @column the factory that shows @cell of each row and the sorter
 * that orders by it. */
void                       sitroom_measure_row_setup_column   (GtkColumnViewColumn *column,
                                                               SitroomMeasureCell   cell);

G_END_DECLS
