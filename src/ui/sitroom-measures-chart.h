/* The measures on a time axis: a widget drawing the shared measures renderer, with the measure under the pointer told and a click passed on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-measures-render.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_MEASURES_CHART (sitroom_measures_chart_get_type ())

G_DECLARE_FINAL_TYPE (SitroomMeasuresChart, sitroom_measures_chart, SITROOM, MEASURES_CHART, GtkWidget)

/* Draws nothing until it has data; follows the light or dark style by
 * itself. Its height is what its rows need. Emits ::measure-activated
 * (int measure) when a span is clicked. */
GtkWidget *sitroom_measures_chart_new  (void);

/* Draws the @n_measures measures @measures (indexes into @view's
 * situation; copied) at @view's cutoff, over their whole time. The same
 * measures of the same situation at the same cutoff draw nothing anew. */
void       sitroom_measures_chart_set_data (SitroomMeasuresChart *self,
                                            SitroomView          *view,
                                            const int            *measures,
                                            guint                 n_measures);
/* @lang must be a static string, as the context's languages are. */
void       sitroom_measures_chart_set_lang (SitroomMeasuresChart *self,
                                            const char           *lang);
/* The measure outlined as selected, or -1. */
void       sitroom_measures_chart_set_selected_measure (SitroomMeasuresChart *self,
                                                        int                   measure);
int        sitroom_measures_chart_get_selected_measure (SitroomMeasuresChart *self);

/* How many times the chart has been drawn: a drawing reused while nothing
 * changed does not count, nor do the outlines of hover and selection. */
guint      sitroom_measures_chart_get_n_draws (SitroomMeasuresChart *self);

/* The text_scale it draws with: its CSS font size over a desk's, 1 on a
 * desk (see sitroom_format_text_scale()). */
double     sitroom_measures_chart_get_text_scale (SitroomMeasuresChart *self);

/* For the tests: what the chart draws with and over, and what the
 * pointer's gestures pass on. */
SitroomMeasuresRenderer *sitroom_measures_chart_get_renderer (SitroomMeasuresChart    *self);
void       sitroom_measures_chart_get_viewport (SitroomMeasuresChart    *self,
                                                SitroomMeasuresViewport *viewport);
/* The pointer at (x, y): the measure under it is outlined. */
void       sitroom_measures_chart_hover (SitroomMeasuresChart *self,
                                         double                x,
                                         double                y);
/* A click at (x, y). */
void       sitroom_measures_chart_click (SitroomMeasuresChart *self,
                                         double                x,
                                         double                y);
/* What the tooltip at (x, y) says, or NULL where there is no measure. */
char      *sitroom_measures_chart_describe_at (SitroomMeasuresChart *self,
                                               double                x,
                                               double                y);

G_END_DECLS
