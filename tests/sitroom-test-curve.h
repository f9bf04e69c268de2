/* Helpers the epidemic curve's picture tests share: a curve drawn, its pixels, which group a pixel belongs to. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-curve-render-private.h"

G_BEGIN_DECLS

#define SITROOM_TEST_CURVE_WIDTH 800
#define SITROOM_TEST_CURVE_HEIGHT 450
/* How far (RGB, 0 to 255) a pixel may be from a colour, or from the line
 * between a colour and its tint (the hatching's smoothed edges), and be
 * taken for it. */
#define SITROOM_TEST_CURVE_TOLERANCE 6.0
#define SITROOM_TEST_CURVE_NOT_A_BAR (-1)

/* A curve drawn into an image of the size above, and where its parts are. */
typedef struct {
  SitroomView *view;
  SitroomCurve *curve;
  SitroomCurveOptions options;
  cairo_surface_t *surface;
  CurveLayout layout;
} SitroomTestCurve;


/* The curve of @situation at @cutoff (its as_of when NULL), drawn with
 * no hovered day and no title. */
void     sitroom_test_curve_init             (SitroomTestCurve      *p,
                                              SitroomSituation      *situation,
                                              const char            *cutoff,
                                              SitroomCurveGrouping   grouping,
                                              SitroomStyle           style,
                                              const char            *lang);
/* Draws it again, after its options changed. */
void     sitroom_test_curve_draw             (SitroomTestCurve      *p);
void     sitroom_test_curve_clear            (SitroomTestCurve      *p);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SitroomTestCurve, sitroom_test_curve_clear)

/* An opaque pixel's colour, 0 to 255 a channel. */
void     sitroom_test_curve_pixel            (cairo_surface_t       *surface,
                                              int                    x,
                                              int                    y,
                                              double                 rgb[3]);
/* How far, 0 to 255 a channel, @rgb is from @color. */
double   sitroom_test_curve_distance         (const double           rgb[3],
                                              const SitroomColor    *color);
/* How far @rgb is from the segment between @a and @b. */
double   sitroom_test_curve_segment_distance (const double           rgb[3],
                                              const SitroomColor    *a,
                                              const SitroomColor    *b);

/* The group whose colour, tint or a blend of the two the pixel is, or
 * SITROOM_TEST_CURVE_NOT_A_BAR. */
int      sitroom_test_curve_group_at         (const SitroomTestCurve *p,
                                              int                     x,
                                              int                     y);
/* A column through day @day's bar, clear of its middle, where the mean's point is. */
int      sitroom_test_curve_bar_column       (const SitroomTestCurve *p,
                                              guint                   day);
/* Along a row through a part: how often the pixels change between the
 * group's colour and its tint. */
guint    sitroom_test_curve_hatch_changes    (const SitroomTestCurve *p,
                                              guint                   day,
                                              guint                   group,
                                              double                  count);

G_END_DECLS
