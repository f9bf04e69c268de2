/* The epidemic curve's insides, shared by its files and read by its test: colours, where the plot sits, the words. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-chart-style.h"
#include "sitroom-curve-render.h"
#include "sitroom-render-text.h"

G_BEGIN_DECLS
/* The axes' labels; ticks under the baseline. */
#define CURVE_LABEL_PX 11.0
#define CURVE_TICK_LENGTH 4.0
/* A group's or a key's swatch, in the legend and the hovered day's box. */
#define CURVE_SWATCH_WIDTH 14.0
#define CURVE_SWATCH_HEIGHT 10.0
#define CURVE_SWATCH_GAP 5.0
#define CURVE_ROW_GAP 4.0

/* Colours of the curve besides the groups', per style: the charts' own
 * (sitroom-chart-style.h), by name or as a whole, and the curve's. */
typedef struct {
  union {
    SitroomChartColors chart;
    struct { SITROOM_CHART_COLOR_MEMBERS };
  };
  SitroomColor key;             /* the confirmed and asymptomatic keys */
  SitroomColor mean;            /* the 7-day mean */
} CurvePalette;

/* Where everything sits. The horizontal part and the count scale depend
 * on the curve and the size alone, so that day_at() needs no text; the
 * vertical part is known once the words are measured. */
typedef struct {
  double width;
  double height;
  double ts;                    /* text scale */
  double margin;
  double x0, x1;                /* the plot's left and right edges */
  double slot;                  /* a day's width */
  double bar;                   /* a bar's width within its slot */
  guint top;                    /* the count at the plot's top */
  guint step;                   /* the count between gridlines */
  double y0;                    /* the plot's top */
  double y1;                    /* the baseline, a whole pixel */
  double unit;                  /* pixels per case */
  double header_y;              /* where the legend starts, under the title */
} CurveLayout;

/* One entry of the legend. */
typedef enum {
  LEGEND_GROUP,
  LEGEND_MORE,                  /* the groups left out for room */
  LEGEND_CONFIRMED,
  LEGEND_ASYMPTOMATIC,
  LEGEND_MEAN,
} LegendKind;

typedef struct {
  LegendKind kind;
  guint group;
  PangoLayout *label;
  double x, y;                  /* the swatch's row, from the legend's origin */
} LegendItem;

/* The words of one drawing, laid out in the context of the surface
 * drawn into. */
typedef struct {
  SitroomCurve *curve;
  SitroomView *view;
  const SitroomCurveOptions *options;
  PangoContext *pango;
  PangoLayout *title;           /* NULL when not asked for */
  GArray *legend;               /* LegendItem */
  double legend_height;
  double axis_height;           /* under the baseline: ticks and day labels */
} CurveTexts;

/* sitroom-curve-render-colors.c */
const CurvePalette *sitroom_curve_palette       (SitroomStyle               style);
/* The lighter tint an asymptomatic part is filled with under its hatching. */
void     sitroom_curve_tint                     (const SitroomColor        *color,
                                                 SitroomColor              *tint);
/* The rectangle filled with @color's tint and hatched in @color. */
void     sitroom_curve_fill_hatched             (cairo_t                   *cr,
                                                 const SitroomColor        *color,
                                                 double                     ts,
                                                 double                     x,
                                                 double                     y,
                                                 double                     width,
                                                 double                     height);

/* sitroom-curve-render.c */
double   sitroom_curve_text_scale               (const SitroomCurveOptions *options);
gboolean sitroom_curve_is_chinese               (const SitroomCurveOptions *options);
void     sitroom_curve_layout_x                 (SitroomCurve              *curve,
                                                 const SitroomCurveOptions *options,
                                                 double                     width,
                                                 double                     height,
                                                 CurveLayout               *layout);
/* The bar of @day, in whole pixels. */
void     sitroom_curve_bar_span                 (const CurveLayout         *layout,
                                                 guint                      day,
                                                 double                    *left,
                                                 double                    *right);
double   sitroom_curve_day_center               (const CurveLayout         *layout,
                                                 guint                      day);
double   sitroom_curve_count_y                  (const CurveLayout         *layout,
                                                 double                     count);
/* The line under the bars (or where they would stand). */
void     sitroom_curve_draw_baseline            (CurveTexts                *texts,
                                                 cairo_t                   *cr,
                                                 const CurveLayout         *layout);
/* The texts measured and everything placed: what render() draws from.
 * The test reads it to know where the plot is. */
void     sitroom_curve_render_get_layout        (SitroomCurve              *curve,
                                                 SitroomView               *view,
                                                 const SitroomCurveOptions *options,
                                                 cairo_t                   *cr,
                                                 double                     width,
                                                 double                     height,
                                                 CurveLayout               *layout);

/* sitroom-curve-render-text.c: the title, the legend, the empty curve's words. */
/* Lays the words out in @cr's context and places the plot under them
 * (@layout's vertical part; its horizontal part must be set). */
void     sitroom_curve_texts_init               (CurveTexts                *texts,
                                                 SitroomCurve              *curve,
                                                 SitroomView               *view,
                                                 const SitroomCurveOptions *options,
                                                 cairo_t                   *cr,
                                                 CurveLayout               *layout);
void     sitroom_curve_texts_clear              (CurveTexts                *texts);
/* Text at @pixels times the options' text scale. */
PangoLayout *sitroom_curve_new_layout           (CurveTexts                *texts,
                                                 double                     pixels,
                                                 gboolean                   bold,
                                                 const char                *text);
const char *sitroom_curve_pick                  (CurveTexts                *texts,
                                                 const char                *zh,
                                                 const char                *en);
/* A group as the legend names it: the prefecture, "8·17 Z22列车关联疫情",
 * or the group of none. */
char    *sitroom_curve_group_name               (SitroomCurve              *curve,
                                                 SitroomView               *view,
                                                 guint                      group,
                                                 const char                *lang);
void     sitroom_curve_draw_header              (CurveTexts                *texts,
                                                 cairo_t                   *cr,
                                                 const CurveLayout         *layout);
void     sitroom_curve_draw_empty               (CurveTexts                *texts,
                                                 cairo_t                   *cr,
                                                 const CurveLayout         *layout);

/* sitroom-curve-render-hover.c */
void     sitroom_curve_draw_hover               (CurveTexts                *texts,
                                                 cairo_t                   *cr,
                                                 const CurveLayout         *layout,
                                                 guint                      day);

G_END_DECLS
