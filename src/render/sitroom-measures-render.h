/* The measures on one time axis, drawn with cairo for the screen and the exports alike: a row per region, a span per measure coloured by kind, the cutoff. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sitroom-classes.h"
#include "sitroom-view.h"

G_BEGIN_DECLS

/* The window of time and the size of the drawing: the axis along the top,
 * a column of region names on the left, the rows below; @start is at the
 * left edge of the spans' area and @end at the right edge. */
typedef struct {
  gint64 start;
  gint64 end;
  double width;
  double height;
} SitroomMeasuresViewport;

typedef struct {
  SitroomStyle style;
  const char *lang;       /* "zh" or "en" */
  int hover_measure;      /* outlined, or -1 (an index into the situation's measures) */
  int selected_measure;   /* outlined in the selection's colour, or -1 */
  double text_scale;      /* 1 on a desk */
} SitroomMeasuresRenderOptions;

typedef struct {
  int row;                /* the region's row, or -1 (the axis, below the rows) */
  int measure;            /* the measure's index in the situation, or -1 */
} SitroomMeasuresHit;

typedef struct _SitroomMeasuresRenderer SitroomMeasuresRenderer;

SitroomMeasuresRenderer *sitroom_measures_renderer_new  (void);
void                     sitroom_measures_renderer_free (SitroomMeasuresRenderer *self);

/* Draws the @n_measures measures @measures (indexes into @view's
 * situation) at @view's cutoff, in one row per region that has one, in
 * the order of the regions' codes (a province first, a prefecture's
 * counties after it). Measures of a region that overlap in time are
 * stacked. A measure ended by the cutoff spans from its start to its
 * end; one in force runs to its end, dimmed past the cutoff, or, with no
 * end, to the cutoff, where it fades; a scheduled one, dimmed, runs from
 * its start to its end or, with none, to the right edge. */
void     sitroom_measures_renderer_set_data    (SitroomMeasuresRenderer            *self,
                                                SitroomView                        *view,
                                                const int                          *measures,
                                                guint                               n_measures);
void     sitroom_measures_renderer_set_options (SitroomMeasuresRenderer            *self,
                                                const SitroomMeasuresRenderOptions *options);

guint    sitroom_measures_renderer_get_n_rows         (SitroomMeasuresRenderer *self);
/* The region of @row (an index into the situation's regions). */
int      sitroom_measures_renderer_get_row_region     (SitroomMeasuresRenderer *self,
                                                       guint                    row);
double   sitroom_measures_renderer_get_axis_height    (SitroomMeasuresRenderer *self);
double   sitroom_measures_renderer_get_label_width    (SitroomMeasuresRenderer *self);
/* The height of the axis and every row: what the drawing needs. */
double   sitroom_measures_renderer_get_content_height (SitroomMeasuresRenderer *self);
/* The top and height of @row in the drawing. */
void     sitroom_measures_renderer_get_row_rect       (SitroomMeasuresRenderer *self,
                                                       guint                    row,
                                                       double                  *y,
                                                       double                  *height);
/* From a little before the first start to a little after the cutoff or
 * the last scheduled time: a first window of time. */
void     sitroom_measures_renderer_get_extent         (SitroomMeasuresRenderer *self,
                                                       gint64                  *start,
                                                       gint64                  *end);

/* Where @time falls along the spans' area of @viewport. */
double   sitroom_measures_renderer_time_to_x  (SitroomMeasuresRenderer       *self,
                                               const SitroomMeasuresViewport *viewport,
                                               gint64                         time);
/* The rectangle (x, y, width, height) of measure @measure's span; FALSE
 * when it is not drawn (not among the data, or out of the window). */
gboolean sitroom_measures_renderer_get_span   (SitroomMeasuresRenderer       *self,
                                               const SitroomMeasuresViewport *viewport,
                                               int                            measure,
                                               double                        *rect);

/* Everything but the outlines of the hovered and selected measures. */
void     sitroom_measures_renderer_draw_chart      (SitroomMeasuresRenderer       *self,
                                                    cairo_t                       *cr,
                                                    const SitroomMeasuresViewport *viewport);
/* The outlines alone, over a drawn chart. */
void     sitroom_measures_renderer_draw_highlights (SitroomMeasuresRenderer       *self,
                                                    cairo_t                       *cr,
                                                    const SitroomMeasuresViewport *viewport);
/* Both, for exports. */
void     sitroom_measures_renderer_draw            (SitroomMeasuresRenderer       *self,
                                                    cairo_t                       *cr,
                                                    const SitroomMeasuresViewport *viewport);

/* What is at (x, y) of the drawing: a row and the span there, if any. */
void     sitroom_measures_renderer_hit (SitroomMeasuresRenderer       *self,
                                        const SitroomMeasuresViewport *viewport,
                                        double                         x,
                                        double                         y,
                                        SitroomMeasuresHit            *hit);

/* The name of a kind of measure in @lang ("静态管理", "Static management"),
 * as the spans are labelled. */
const char *sitroom_measures_kind_word (SitroomMeasureKind kind,
                                        const char        *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomMeasuresRenderer, sitroom_measures_renderer_free)

G_END_DECLS
