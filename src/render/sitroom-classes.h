/* Classed breaks for small counts, and a colour-blind-safe palette for light and dark maps. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SITROOM_CLASSES_MAX 7

typedef enum {
  SITROOM_STYLE_LIGHT,
  SITROOM_STYLE_DARK,
} SitroomStyle;

/* Same layout as GdkRGBA, components 0 to 1. */
typedef struct {
  float red;
  float green;
  float blue;
  float alpha;
} SitroomColor;

/* Class i holds the values v with lower[i] ≤ v ≤ upper[i]. For counts,
 * class 0 is exactly 0 and has a class of its own; breaks are whole
 * numbers that suit small counts (1, 2–4, 5–9, 10–19, …) and follow the
 * data's maximum; the last one ends where the ladder's next step begins
 * (10–19 for a maximum of 11). When every value is 0 there is one class
 * more, "≥ 1" (upper is INFINITY), so that the legend explains a colour.
 * For percentages (occupancy) the classes are fixed: 0, below 50 %,
 * 50–80 %, 80–100 %, over 100 % (over-full); 50 falls in 50–80 and 100 in
 * 80–100. */
typedef struct {
  guint n_classes;
  double lower[SITROOM_CLASSES_MAX];
  double upper[SITROOM_CLASSES_MAX];
  gboolean percentage;
} SitroomClasses;

void   sitroom_classes_compute      (SitroomClasses *classes,
                                     const double   *values,
                                     guint           n_values,
                                     gboolean        percentage);
/* The class of @value, or -1 when it is outside every class. */
int    sitroom_classes_find         (const SitroomClasses *classes,
                                     double                value);
/* "0", "1", "2–4", "≥ 50", "50–80 %", "> 100 %": the legend's labels. @lang
 * is "zh" or "en" (wording such as "no data" / "无数据" differs; Chinese sets
 * "%" and the signs without a space: "50–80%"). @index n_classes gives the
 * label of a region with no value ("No data" / "无数据"). */
char  *sitroom_classes_format_label (const SitroomClasses *classes,
                                     guint                 index,
                                     const char           *lang);
/* The fill of class @index, and of a region with no value. Sequential,
 * safe for the common colour-vision deficiencies, and with enough contrast
 * against the map's background in each style. */
void   sitroom_classes_get_color    (const SitroomClasses *classes,
                                     guint                 index,
                                     SitroomStyle          style,
                                     SitroomColor         *color);
void   sitroom_classes_get_no_data_color (SitroomStyle  style,
                                          SitroomColor *color);

G_END_DECLS
