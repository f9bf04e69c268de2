/* The drawing of the epidemic curve: one accessible image with hover values, drawn by the shared curve renderer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-curve.h"
#include "sitroom-view.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CURVE_PLOT (sitroom_curve_plot_get_type ())

G_DECLARE_FINAL_TYPE (SitroomCurvePlot, sitroom_curve_plot, SITROOM, CURVE_PLOT, GtkWidget)

/* Draws nothing until it has data; it follows the light or dark style by
 * itself and alone takes the pointer. */
GtkWidget   *sitroom_curve_plot_new         (void);

/* Takes @curve; @view is what it was counted from, which names its
 * groups. Both NULL, or neither. */
void         sitroom_curve_plot_set_data    (SitroomCurvePlot *self,
                                             SitroomView      *view,
                                             SitroomCurve     *curve);
SitroomView *sitroom_curve_plot_get_view    (SitroomCurvePlot *self);

/* @lang must be a static string, as the context's languages are. */
void         sitroom_curve_plot_set_lang    (SitroomCurvePlot *self,
                                             const char       *lang);

/* How many times the curve has been drawn: a drawing reused while
 * nothing changed does not count. */
guint        sitroom_curve_plot_get_n_draws (SitroomCurvePlot *self);

/* The text_scale it draws with: its CSS font size over a desk's, 1 on a
 * desk (see sitroom_format_text_scale()). */
double       sitroom_curve_plot_get_text_scale (SitroomCurvePlot *self);

G_END_DECLS
