/* The measures renderer's insides, shared by its two files: the spans, the rows, the sizes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-chart-style.h"
#include "sitroom-measures.h"
#include "sitroom-measures-render.h"
#include "sitroom-render-text.h"

G_BEGIN_DECLS

/* Sizes in pixels at a text scale of 1; everything scales with it. */
#define AXIS_HEIGHT 40.0
#define LABEL_WIDTH 200.0
#define ROW_MIN_HEIGHT 44.0
#define ROW_PADDING 6.0
#define SPAN_HEIGHT 16.0
#define SPAN_GAP 3.0
/* Past this many stacked spans a row lays the next over the one that frees first. */
#define MAX_LANES 6
#define HIT_SLOP 1.0

typedef struct {
  int measure;
  SitroomMeasureKind kind;
  SitroomMeasureStatus status;
  gint64 from;
  gint64 until;                 /* where it is drawn to; SITROOM_TIME_NONE: the right edge */
  gboolean fades;               /* its end is not known */
  guint row;
  guint lane;                   /* its place in the row's stack */
} Span;

typedef struct {
  int region;
  guint n_lanes;
  guint n_in_force;
  guint n_ended;
  guint n_scheduled;
  double y;                     /* in the drawing */
  double height;
} Row;

struct _SitroomMeasuresRenderer {
  SitroomView *view;
  SitroomSituation *situation;
  gint64 cutoff;                /* the view's, but never past the document's as_of */

  SitroomMeasuresRenderOptions options; /* lang points at the copy below */
  char *lang;

  GArray *spans;                /* Span, by row, each row's by start */
  GArray *rows;                 /* Row, by region code */
  PangoContext *pango;
};

double   sitroom_measures_render_scale     (SitroomMeasuresRenderer       *self);
/* Where @span is drawn: FALSE when it is out of the window. */
gboolean sitroom_measures_render_span_rect (SitroomMeasuresRenderer       *self,
                                            const SitroomMeasuresViewport *viewport,
                                            const Span                    *span,
                                            double                        *rect);

G_END_DECLS
