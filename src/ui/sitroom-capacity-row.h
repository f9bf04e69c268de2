/* One row of the capacity table, a prefecture or one of its centralized sites, and how the table's cells show it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-forecast.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CAPACITY_ROW (sitroom_capacity_row_get_type ())

G_DECLARE_FINAL_TYPE (SitroomCapacityRow, sitroom_capacity_row, SITROOM, CAPACITY_ROW, GObject)

/* What a column of the table shows. */
typedef enum {
  SITROOM_CAPACITY_COLUMN_NAME,
  SITROOM_CAPACITY_COLUMN_CAPACITY,
  SITROOM_CAPACITY_COLUMN_OCCUPIED,
  SITROOM_CAPACITY_COLUMN_FREE,
  SITROOM_CAPACITY_COLUMN_OCCUPANCY,
  SITROOM_CAPACITY_COLUMN_FULL_ON,
} SitroomCapacityColumn;

/* A prefecture of @forecast, in @lang (a static string), with its
 * centralized sites as children. The figures are fixed; only the day the
 * beds run out follows the arrivals (sitroom_capacity_row_set_forecast()).
 * Properties, which the columns sort by: "name", "capacity", "occupied",
 * "free", "occupancy" (occupied over capacity, -1 without beds),
 * "overfull" (a site with more people than beds, or a prefecture with
 * one), "full-on" (the first forecast day with no free bed, G_MAXINT64
 * when there is none and for a site: the forecast is a prefecture's). */
SitroomCapacityRow *sitroom_capacity_row_new_prefecture (SitroomForecast                 *forecast,
                                                         const SitroomPrefectureForecast *prefecture,
                                                         const char                      *lang);

/* Region index of the prefecture, whether the row is the prefecture's or
 * one of its sites'. */
int          sitroom_capacity_row_get_region    (SitroomCapacityRow *self);
/* Index of the site, or -1 for a prefecture's row. */
int          sitroom_capacity_row_get_site      (SitroomCapacityRow *self);
/* Beds nobody sleeps in: a full site's extra people take no bed of another. */
gint64       sitroom_capacity_row_get_free      (SitroomCapacityRow *self);
/* The sites' rows (a prefecture's), or NULL. */
GListModel  *sitroom_capacity_row_get_children  (SitroomCapacityRow *self);

/* Takes the day the beds run out from @forecast, which must count the
 * same sites; notifies "full-on" when it moved. */
void         sitroom_capacity_row_set_forecast  (SitroomCapacityRow *self,
                                                 SitroomForecast    *forecast);

/* "25 Aug" in English, "8月25日" in Chinese: a CST day of the forecast. */
char        *sitroom_capacity_row_format_day    (gint64              day,
                                                 const char         *lang);

/* A factory for @column's cells: the name beside its expander, figures
 * right-aligned, the occupancy as a bar in sitroom_capacity_render_bar_color()
 * with the percentage, and over-full rows in the error style and said so
 * in words. The cells take their rows from a GtkTreeListModel. */
GtkListItemFactory *sitroom_capacity_row_create_factory (SitroomCapacityColumn column);

/* The table's model: the rows of @prefectures with their sites under them,
 * sorted by @sorter (the table's), sites among their prefecture's. Nothing
 * is selected at first, and a selection may be dropped. */
GtkSingleSelection *sitroom_capacity_row_create_selection (GListStore *prefectures,
                                                           GtkSorter  *sorter);
/* The row at @position of such a model (owned by its store), or NULL. */
SitroomCapacityRow *sitroom_capacity_row_at (GListModel *model,
                                             guint       position);

G_END_DECLS
