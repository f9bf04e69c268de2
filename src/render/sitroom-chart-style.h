/* The look the renderers share: the charts' common colours, a colour set or mixed, a framed box, rounded corners, documents told from pixels. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sitroom-classes.h"

G_BEGIN_DECLS

/* The frame and words of the charts with a plot over a day axis (the
 * epidemic curve, the capacity picture and its forecasts), with the map's
 * background and text so that pictures exported side by side match.
 *
 * A renderer's palette holds these by their own names and as a whole:
 *
 *   typedef struct {
 *     union {
 *       SitroomChartColors chart;
 *       struct { SITROOM_CHART_COLOR_MEMBERS };
 *     };
 *     SitroomColor mean;
 *   } CurvePalette;
 *
 * initialised with .chart = SITROOM_CHART_COLORS_LIGHT (or _DARK), so that
 * each value is written once. */
#define SITROOM_CHART_COLOR_MEMBERS                                            \
  SitroomColor background;                                                     \
  SitroomColor text;                                                           \
  SitroomColor muted;           /* the axes' labels, headings, notes */        \
  SitroomColor grid;                                                           \
  SitroomColor axis;                                                           \
  SitroomColor highlight;       /* behind the hovered day */                   \
  SitroomColor panel;           /* the hovered day's figures */                \
  SitroomColor panel_border;

typedef struct {
  SITROOM_CHART_COLOR_MEMBERS
} SitroomChartColors;

#define SITROOM_CHART_COLORS_LIGHT {                                           \
  .background   = { 0xf6 / 255.f, 0xf5 / 255.f, 0xf4 / 255.f, 1 },            \
  .text         = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },            \
  .muted        = { 0x5e / 255.f, 0x5c / 255.f, 0x64 / 255.f, 1 },            \
  .grid         = { 0xde / 255.f, 0xdd / 255.f, 0xda / 255.f, 1 },            \
  .axis         = { 0x5e / 255.f, 0x5c / 255.f, 0x64 / 255.f, 1 },            \
  .highlight    = { 0x1a / 255.f, 0x5f / 255.f, 0xb4 / 255.f, 0.12f },        \
  .panel        = { 1, 1, 1, 0.95f },                                          \
  .panel_border = { 0x9a / 255.f, 0x99 / 255.f, 0x96 / 255.f, 1 },            \
}

#define SITROOM_CHART_COLORS_DARK {                                            \
  .background   = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 1 },            \
  .text         = { 1, 1, 1, 1 },                                              \
  .muted        = { 0xc0 / 255.f, 0xbf / 255.f, 0xbc / 255.f, 1 },            \
  .grid         = { 0x3a / 255.f, 0x3a / 255.f, 0x3a / 255.f, 1 },            \
  .axis         = { 0xc0 / 255.f, 0xbf / 255.f, 0xbc / 255.f, 1 },            \
  .highlight    = { 0x99 / 255.f, 0xc1 / 255.f, 0xf1 / 255.f, 0.16f },        \
  .panel        = { 0x30 / 255.f, 0x30 / 255.f, 0x30 / 255.f, 0.95f },        \
  .panel_border = { 0x77 / 255.f, 0x76 / 255.f, 0x7b / 255.f, 1 },            \
}

/* The rows of the charts that run along a time axis, a row per thing
 * (the chains' timeline, the measures), held by their palettes as above:
 * union { SitroomLaneColors lane; struct { SITROOM_LANE_COLOR_MEMBERS }; },
 * initialised with .lane = SITROOM_LANE_COLORS_LIGHT (or _DARK). Their
 * backgrounds differ in the light style, and stay each chart's own. */
#define SITROOM_LANE_COLOR_MEMBERS                                             \
  SitroomColor separator;                                                      \
  SitroomColor grid;                                                           \
  SitroomColor text;                                                           \
  SitroomColor text_dim;                                                       \
  SitroomColor selected;                                                       \
  SitroomColor future;          /* a wash over the rows after the cutoff */    \
  SitroomColor cutoff;                                                         \
  SitroomColor cutoff_text;                                                    \
  SitroomColor measure_text;    /* on the pale colours of the measures' kinds, in both styles */

typedef struct {
  SITROOM_LANE_COLOR_MEMBERS
} SitroomLaneColors;

#define SITROOM_LANE_COLORS_LIGHT {                                            \
  .separator    = { 0xde / 255.f, 0xdd / 255.f, 0xda / 255.f, 1 },            \
  .grid         = { 0, 0, 0, 0.07f },                                          \
  .text         = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },            \
  .text_dim     = { 0x5e / 255.f, 0x5c / 255.f, 0x64 / 255.f, 1 },            \
  .selected     = { 0x1a / 255.f, 0x5f / 255.f, 0xb4 / 255.f, 1 },            \
  .future       = { 0x9a / 255.f, 0x99 / 255.f, 0x96 / 255.f, 0.14f },        \
  .cutoff       = { 0xc0 / 255.f, 0x1c / 255.f, 0x28 / 255.f, 1 },            \
  .cutoff_text  = { 1, 1, 1, 1 },                                              \
  .measure_text = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },            \
}

#define SITROOM_LANE_COLORS_DARK {                                             \
  .separator    = { 0x3d / 255.f, 0x38 / 255.f, 0x46 / 255.f, 1 },            \
  .grid         = { 1, 1, 1, 0.08f },                                          \
  .text         = { 1, 1, 1, 1 },                                              \
  .text_dim     = { 0xc0 / 255.f, 0xbf / 255.f, 0xbc / 255.f, 1 },            \
  .selected     = { 0x99 / 255.f, 0xc1 / 255.f, 0xf1 / 255.f, 1 },            \
  .future       = { 0, 0, 0, 0.25f },                                          \
  .cutoff       = { 0xf6 / 255.f, 0x61 / 255.f, 0x51 / 255.f, 1 },            \
  .cutoff_text  = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 1 },            \
  .measure_text = { 0x24 / 255.f, 0x1f / 255.f, 0x31 / 255.f, 1 },            \
}

const SitroomChartColors *sitroom_chart_colors (SitroomStyle style);

/* The opaque colour 0xRRGGBB. */
SitroomColor sitroom_chart_rgb       (guint32             rgb);
/* @color as @cr's source, its alpha times @alpha. */
void         sitroom_chart_set_color (cairo_t            *cr,
                                      const SitroomColor *color,
                                      double              alpha);
/* @over at @alpha (times its own) on @under, opaque: a dimmed span that
 * hides what it lies on as a bright one does. */
SitroomColor sitroom_chart_mix       (const SitroomColor *over,
                                      double              alpha,
                                      const SitroomColor *under);
/* Saves @cr, clips it to (0, 0, @width, @height) and paints that in
 * @ground: how a drawing starts, drawn over whatever is under it. The
 * caller ends it with cairo_restore(). */
void         sitroom_chart_begin     (cairo_t            *cr,
                                      double              width,
                                      double              height,
                                      const SitroomColor *ground);
/* A box @width × @height at (@x, @y) filled with @fill and edged inside
 * with a 1-pixel line in @border, sharp on whole pixels. */
void         sitroom_chart_draw_box  (cairo_t            *cr,
                                      double              x,
                                      double              y,
                                      double              width,
                                      double              height,
                                      const SitroomColor *fill,
                                      const SitroomColor *border);
/* Adds a rectangle with corners of @radius to the path, as a new
 * sub-path. */
void         sitroom_chart_rounded_rectangle (cairo_t *cr,
                                              double   x,
                                              double   y,
                                              double   width,
                                              double   height,
                                              double   radius);

/* TRUE when @cr draws into a document (SVG, PDF, PostScript, a script)
 * rather than pixels: there every outline stays a path, so nothing drawn
 * may be kept as an image or a glyph of a font of our own. */
gboolean     sitroom_chart_draws_document (cairo_t *cr);

G_END_DECLS
