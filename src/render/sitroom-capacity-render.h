/* Quarantine capacity drawn with cairo for the screen and the exports alike: a prefecture's 14-day forecast against its beds, and the whole capacity picture. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sitroom-classes.h"
#include "sitroom-forecast.h"

G_BEGIN_DECLS

typedef struct {
  SitroomStyle style;
  const char *lang;       /* "zh" or "en" */
  int hover_day;          /* a forecast day to mark with its figures, or -1 */
  gboolean title;         /* a title with the cutoff (exports) */
  double text_scale;      /* 1 on a desk */
} SitroomCapacityOptions;

/* One prefecture's forecast in (0, 0, @width, @height): the expected
 * occupancy of each forecast day as a line with points (the cutoff's
 * occupancy as day 0), the capacity as a level line, the area above
 * capacity in the warning colour, the first day with no free bed marked
 * with a vertical rule and its date, a day axis and a people axis that
 * includes the capacity; with options->title, the prefecture's name and
 * "full on …" / "beds last the 14 days" above it. When the situation says
 * quarantine figures are illustrative, the chart says so in its corner. */
void sitroom_capacity_render_forecast (SitroomForecast                 *forecast,
                                       const SitroomPrefectureForecast *prefecture,
                                       const SitroomCapacityOptions    *options,
                                       cairo_t                         *cr,
                                       double                           width,
                                       double                           height);

/* The forecast day whose column holds x in a chart drawn as above, or -1
 * outside the forecast's columns or the drawing. A forecast day, here and
 * in hover_day, is an index into the prefecture's days[]; the cutoff's
 * column, left of day 0, is not one. The columns depend on the size and
 * options alone, not on the figures. */
int  sitroom_capacity_render_forecast_day_at (const SitroomCapacityOptions *options,
                                              double                        width,
                                              double                        height,
                                              double                        x,
                                              double                        y);

/* The whole capacity picture (exports): a title with the cutoff and
 * source; a table of prefectures with centralized sites (capacity,
 * occupied, free, occupancy as a bar, over-full in the warning colour) with
 * their sites under them and the number of over-full sites in its heading;
 * the forecast of each prefecture as a small chart; the assumptions (the
 * default rule's days, arrivals a day, occupants without a cohort); and an
 * "illustrative" mark by every figure the document names illustrative. */
void sitroom_capacity_render (SitroomForecast              *forecast,
                              const SitroomCapacityOptions *options,
                              cairo_t                      *cr,
                              double                        width,
                              double                        height);

/* The whole picture's title: "山西省集中隔离床位 · 截至2022年8月20日13时" /
 * "Centralized quarantine beds in Shanxi · as of 13:00 on 20 August 2022
 * (CST)", worded as the map's title is. */
char *sitroom_capacity_render_title (SitroomForecast *forecast,
                                     const char      *lang);
/* The occupancy bar's fill for @occupied of @capacity: calm below 80 %,
 * amber to 100 %, the warning colour above (over-full). */
void sitroom_capacity_render_bar_color (gint64        occupied,
                                        gint64        capacity,
                                        SitroomStyle  style,
                                        SitroomColor *color);

G_END_DECLS
