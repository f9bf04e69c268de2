/* One prefecture's 14-day forecast of beds on screen, drawn by the shared capacity renderer with the day under the pointer or the keyboard. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-forecast.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CAPACITY_CHART (sitroom_capacity_chart_get_type ())

G_DECLARE_FINAL_TYPE (SitroomCapacityChart, sitroom_capacity_chart, SITROOM, CAPACITY_CHART, GtkWidget)

/* Draws nothing until it has a forecast; it follows the light or dark
 * style by itself. Focusable: Left and Right step through the days. */
GtkWidget       *sitroom_capacity_chart_new          (void);

/* The prefecture with region index @region in @forecast (or NULL). A new
 * forecast that says the same of the prefecture keeps the drawing. */
void             sitroom_capacity_chart_set_forecast (SitroomCapacityChart *self,
                                                      SitroomForecast      *forecast,
                                                      int                   region);
SitroomForecast *sitroom_capacity_chart_get_forecast (SitroomCapacityChart *self);
int              sitroom_capacity_chart_get_region   (SitroomCapacityChart *self);

/* @lang must be a static string, as the context's languages are. */
void             sitroom_capacity_chart_set_lang     (SitroomCapacityChart *self,
                                                      const char           *lang);

/* The forecast day marked with its figures, or -1. */
int              sitroom_capacity_chart_get_hover_day (SitroomCapacityChart *self);

/* How many times the chart has been drawn: a drawing reused while nothing
 * changed does not count. */
guint            sitroom_capacity_chart_get_n_draws  (SitroomCapacityChart *self);

/* The text_scale it draws with: its CSS font size over a desk's, 1 on a
 * desk (see sitroom_format_text_scale()). */
double           sitroom_capacity_chart_get_text_scale (SitroomCapacityChart *self);

G_END_DECLS
