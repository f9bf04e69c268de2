/* A prefecture's card on the Capacity page: its name, the day its beds run out, its forecast chart and a what-if for arrivals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-capacity-chart.h"
#include "sitroom-forecast.h"

G_BEGIN_DECLS

/* The card's name and the day its beds run out over its chart, and under
 * it the people a day to assume will arrive. Changing them activates the
 * action "capacity.set-arrivals" with (region, people) ("(ix)"), people -1
 * for the 3-day mean; the page that holds the card provides the action. */
GtkWidget            *sitroom_capacity_card_new          (int              region,
                                                          const char      *name);
int                   sitroom_capacity_card_get_region   (GtkWidget       *card);
SitroomCapacityChart *sitroom_capacity_card_get_chart    (GtkWidget       *card);
GtkSpinButton        *sitroom_capacity_card_get_arrivals (GtkWidget       *card);

/* Shows the card's prefecture in @forecast, @arrivals as the user set them
 * (-1 for none) and @mean, the 3-day mean that an empty field stands for. */
void                  sitroom_capacity_card_update       (GtkWidget       *card,
                                                          SitroomForecast *forecast,
                                                          gint64           arrivals,
                                                          double           mean,
                                                          const char      *lang);

G_END_DECLS
