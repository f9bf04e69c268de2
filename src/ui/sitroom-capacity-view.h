/* Quarantine capacity on screen: prefectures and their sites against their beds, sortable, and each prefecture's 14-day forecast with a what-if for arrivals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-context.h"
#include "sitroom-forecast.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CAPACITY_VIEW (sitroom_capacity_view_get_type ())

G_DECLARE_FINAL_TYPE (SitroomCapacityView, sitroom_capacity_view, SITROOM, CAPACITY_VIEW, GtkWidget)

/* Follows @context: its view at the cutoff and its language; selecting a
 * prefecture in the context picks out its row and its forecast. */
GtkWidget      *sitroom_capacity_view_new         (SitroomContext      *context);
SitroomContext *sitroom_capacity_view_get_context (SitroomCapacityView *self);
void            sitroom_capacity_view_set_context (SitroomCapacityView *self,
                                                   SitroomContext      *context);

/* People a day assumed to arrive in the prefecture with region index
 * @region: a figure the user set, or -1 for the 3-day mean of cohorts. */
gint64          sitroom_capacity_view_get_arrivals (SitroomCapacityView *self,
                                                    int                  region);
void            sitroom_capacity_view_set_arrivals (SitroomCapacityView *self,
                                                    int                  region,
                                                    gint64               people);

/* The forecast shown, or NULL without a document. */
SitroomForecast *sitroom_capacity_view_get_forecast (SitroomCapacityView *self);

/* At most this many forecast charts side by side (property
 * "forecast-columns", 1 to 6, 4): a wall display takes fewer, larger
 * ones, whose type is larger. */
guint           sitroom_capacity_view_get_forecast_columns (SitroomCapacityView *self);
void            sitroom_capacity_view_set_forecast_columns (SitroomCapacityView *self,
                                                            guint                columns);

G_END_DECLS
