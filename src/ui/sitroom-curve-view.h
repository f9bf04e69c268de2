/* The epidemic curve on screen: the shared curve renderer, by prefecture or by chain, following the selection, with hover values. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-context.h"
#include "sitroom-curve-plot.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CURVE_VIEW (sitroom_curve_view_get_type ())

G_DECLARE_FINAL_TYPE (SitroomCurveView, sitroom_curve_view, SITROOM, CURVE_VIEW, GtkWidget)

/* Follows @context: its view at the cutoff, narrowed by the selected
 * prefecture or chain, and its language. A switch chooses the stacking
 * ("by-prefecture" or "by-chain", property "grouping", kept in the
 * "curve-grouping" setting by the window). */
GtkWidget      *sitroom_curve_view_new          (SitroomContext   *context);
SitroomContext *sitroom_curve_view_get_context  (SitroomCurveView *self);
void            sitroom_curve_view_set_context  (SitroomCurveView *self,
                                                 SitroomContext   *context);
const char     *sitroom_curve_view_get_grouping (SitroomCurveView *self);
void            sitroom_curve_view_set_grouping (SitroomCurveView *self,
                                                 const char       *grouping);

/* How many times the curve has been drawn since the view was made: a
 * drawing reused while nothing changed does not count. */
guint           sitroom_curve_view_get_n_draws  (SitroomCurveView *self);

/* Whether the grouping switch and the "Show Whole Province" button are
 * shown (property "controls-visible", TRUE): a wall display, which nobody
 * touches, shows what the curve is narrowed to and the curve alone. */
gboolean        sitroom_curve_view_get_controls_visible (SitroomCurveView *self);
void            sitroom_curve_view_set_controls_visible (SitroomCurveView *self,
                                                         gboolean          visible);

/* The drawing, for the tests. */
SitroomCurvePlot *sitroom_curve_view_get_plot   (SitroomCurveView *self);

G_END_DECLS
