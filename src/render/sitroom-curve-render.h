/* The epidemic curve drawn with cairo for the screen and the exports alike: stacked daily bars, confirmed and asymptomatic apart, the 7-day mean. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sitroom-classes.h"
#include "sitroom-curve.h"

G_BEGIN_DECLS

typedef struct {
  SitroomStyle style;
  const char *lang;       /* "zh" or "en": group names, axis, legend */
  int hover_day;          /* a day to highlight with its values, or -1 */
  gboolean title;         /* a title with the cutoff (exports) */
  double text_scale;      /* 1 on a desk */
} SitroomCurveOptions;

/* Draws @curve (its groups named from @view's situation) into
 * (0, 0, @width, @height): a bar per CST day stacked by group in a
 * colour-blind-safe categorical palette, each group's asymptomatic part
 * hatched over its colour, the 7-day mean as a line, a day axis (from
 * sitroom_time_axis_ticks), a count axis, the legend of groups, and the
 * hovered day's values. An empty curve draws its frame and says there
 * are no cases. */
void sitroom_curve_render        (SitroomCurve              *curve,
                                  SitroomView               *view,
                                  const SitroomCurveOptions *options,
                                  cairo_t                   *cr,
                                  double                     width,
                                  double                     height);

/* The day (index into the curve) whose slot holds x, or -1 outside the
 * plot or the drawing. */
int  sitroom_curve_render_day_at (SitroomCurve              *curve,
                                  const SitroomCurveOptions *options,
                                  double                     width,
                                  double                     height,
                                  double                     x,
                                  double                     y);

/* The fill of group @group (a categorical palette that stays apart for
 * the common colour-vision deficiencies; it repeats with a different shade
 * past its size). */
void sitroom_curve_render_group_color (guint         group,
                                       SitroomStyle  style,
                                       SitroomColor *color);

G_END_DECLS
