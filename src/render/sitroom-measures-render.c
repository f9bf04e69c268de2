/* The measures on one time axis: which spans go in which region's row, where they fall, what is under the pointer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-briefing.h"
#include "sitroom-measures-render-private.h"

double
sitroom_measures_render_scale (SitroomMeasuresRenderer *self)
{
  return self->options.text_scale > 0 ? self->options.text_scale : 1.0;
}

SitroomMeasuresRenderer *
sitroom_measures_renderer_new (void)
{
  SitroomMeasuresRenderer *self = g_new0 (SitroomMeasuresRenderer, 1);

  self->lang = g_strdup (sitroom_briefing_locale_lang ());
  self->options = (SitroomMeasuresRenderOptions) {
    .style = SITROOM_STYLE_LIGHT,
    .lang = self->lang,
    .hover_measure = -1,
    .selected_measure = -1,
    .text_scale = 1,
  };
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->cutoff = SITROOM_TIME_NONE;
  return self;
}

void
sitroom_measures_renderer_free (SitroomMeasuresRenderer *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->view);
  g_clear_object (&self->pango);
  g_array_unref (self->spans);
  g_array_unref (self->rows);
  g_free (self->lang);
  g_free (self);
}

static const char *
region_code (SitroomSituation *situation,
             int               region)
{
  const SitroomRegion *r = region >= 0 ? sitroom_situation_get_region (situation, region) : NULL;

  return r != NULL ? r->code : "";
}

static int
compare_spans (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SitroomSituation *situation = user_data;
  const Span *sa = a;
  const Span *sb = b;
  int region_a = sitroom_situation_get_measure (situation, sa->measure)->region;
  int region_b = sitroom_situation_get_measure (situation, sb->measure)->region;
  int by_code = strcmp (region_code (situation, region_a), region_code (situation, region_b));

  if (by_code != 0)
    return by_code;
  if (region_a != region_b)
    return region_a < region_b ? -1 : 1;
  if (sa->from != sb->from)
    return sa->from < sb->from ? -1 : 1;
  return sa->measure - sb->measure;
}

/* Rows and their heights, which follow the text scale. */
static void
layout_rows (SitroomMeasuresRenderer *self)
{
  double ts = sitroom_measures_render_scale (self);
  double y = round (AXIS_HEIGHT * ts);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      double stack = row->n_lanes * round (SPAN_HEIGHT * ts) + (row->n_lanes - 1) * round (SPAN_GAP * ts);

      row->y = y;
      row->height = MAX (round (ROW_MIN_HEIGHT * ts), stack + 2 * round (ROW_PADDING * ts));
      y += row->height;
    }
}

/* Spans grouped into rows by region, each in the first lane of its row
 * free at its start; when none is, in the lane that frees first. */
static void
index_spans (SitroomMeasuresRenderer *self)
{
  gint64 lane_end[MAX_LANES];
  Row *row = NULL;

  g_array_sort_with_data (self->spans, compare_spans, self->situation);
  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);
      int region = sitroom_situation_get_measure (self->situation, span->measure)->region;
      guint lane = 0;

      if (row == NULL || row->region != region)
        {
          Row fresh = { .region = region };

          g_array_append_val (self->rows, fresh);
          row = &g_array_index (self->rows, Row, self->rows->len - 1);
          for (guint l = 0; l < MAX_LANES; l++)
            lane_end[l] = G_MININT64;
        }
      for (guint l = 0; l < MAX_LANES; l++)
        {
          if (lane_end[l] <= span->from)
            {
              lane = l;
              break;
            }
          if (lane_end[l] < lane_end[lane])
            lane = l;
        }
      span->row = self->rows->len - 1;
      span->lane = lane;
      lane_end[lane] = MAX (lane_end[lane], span->until == SITROOM_TIME_NONE ? G_MAXINT64 : span->until);
      row->n_lanes = MAX (row->n_lanes, lane + 1);
      row->n_in_force += span->status == SITROOM_MEASURE_IN_FORCE;
      row->n_ended += span->status == SITROOM_MEASURE_ENDED;
      row->n_scheduled += span->status == SITROOM_MEASURE_SCHEDULED;
    }
  layout_rows (self);
}

void
sitroom_measures_renderer_set_data (SitroomMeasuresRenderer *self,
                                    SitroomView             *view,
                                    const int               *measures,
                                    guint                    n_measures)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (view == NULL || SITROOM_IS_VIEW (view));
  g_return_if_fail (measures != NULL || n_measures == 0);

  g_set_object (&self->view, view);
  self->situation = view != NULL ? sitroom_view_get_situation (view) : NULL;
  g_array_set_size (self->spans, 0);
  g_array_set_size (self->rows, 0);
  self->cutoff = SITROOM_TIME_NONE;
  if (view == NULL)
    return;

  self->cutoff = MIN (sitroom_view_get_cutoff (view), sitroom_situation_get_as_of (self->situation));
  for (guint i = 0; i < n_measures; i++)
    {
      const SitroomMeasure *m;
      SitroomMeasureState state;
      Span span = { .measure = measures[i] };

      g_return_if_fail (measures[i] >= 0 && (guint) measures[i] < sitroom_situation_get_n_measures (self->situation));
      m = sitroom_situation_get_measure (self->situation, measures[i]);
      sitroom_measure_get_state (view, measures[i], &state);
      span.kind = m->kind;
      span.status = state.status;
      span.from = m->from;
      span.fades = m->until == SITROOM_TIME_NONE;
      if (!span.fades)
        span.until = MAX (m->until, m->from);
      else if (state.status == SITROOM_MEASURE_SCHEDULED)
        span.until = SITROOM_TIME_NONE;
      else
        span.until = MAX (self->cutoff, m->from);
      g_array_append_val (self->spans, span);
    }
  index_spans (self);
}

void
sitroom_measures_renderer_set_options (SitroomMeasuresRenderer            *self,
                                       const SitroomMeasuresRenderOptions *options)
{
  const char *lang;

  g_return_if_fail (self != NULL);
  g_return_if_fail (options != NULL);

  lang = options->lang != NULL ? options->lang : sitroom_briefing_locale_lang ();
  self->options = *options;
  sitroom_render_set_str (&self->lang, lang);
  self->options.lang = self->lang;
  layout_rows (self);
}

guint
sitroom_measures_renderer_get_n_rows (SitroomMeasuresRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

int
sitroom_measures_renderer_get_row_region (SitroomMeasuresRenderer *self,
                                          guint                    row)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (row < self->rows->len, -1);

  return g_array_index (self->rows, Row, row).region;
}

double
sitroom_measures_renderer_get_axis_height (SitroomMeasuresRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return round (AXIS_HEIGHT * sitroom_measures_render_scale (self));
}

double
sitroom_measures_renderer_get_label_width (SitroomMeasuresRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return round (LABEL_WIDTH * sitroom_measures_render_scale (self));
}

double
sitroom_measures_renderer_get_content_height (SitroomMeasuresRenderer *self)
{
  const Row *last;

  g_return_val_if_fail (self != NULL, 0);

  if (self->rows->len == 0)
    return sitroom_measures_renderer_get_axis_height (self);
  last = &g_array_index (self->rows, Row, self->rows->len - 1);
  return last->y + last->height;
}

void
sitroom_measures_renderer_get_row_rect (SitroomMeasuresRenderer *self,
                                        guint                    row,
                                        double                  *y,
                                        double                  *height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->rows->len);

  if (y != NULL)
    *y = g_array_index (self->rows, Row, row).y;
  if (height != NULL)
    *height = g_array_index (self->rows, Row, row).height;
}

void
sitroom_measures_renderer_get_extent (SitroomMeasuresRenderer *self,
                                      gint64                  *start,
                                      gint64                  *end)
{
  gint64 first = G_MAXINT64, last, margin;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start != NULL && end != NULL);

  if (self->view == NULL)
    {
      *start = *end = 0;
      return;
    }

  last = self->cutoff;
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      first = MIN (first, span->from);
      /* A scheduled measure with no end shows a few hours of itself. */
      last = MAX (last, span->until != SITROOM_TIME_NONE ? span->until : span->from + 3 * 3600);
    }
  if (first >= last)
    first = last - 24 * 3600;

  /* A twentieth on each side, and at least an hour, so that the first
   * start and the cutoff are not on the edges. */
  margin = MAX ((last - first) / 20, 3600);
  *start = first - margin;
  *end = last + margin;
}

double
sitroom_measures_renderer_time_to_x (SitroomMeasuresRenderer       *self,
                                     const SitroomMeasuresViewport *viewport,
                                     gint64                         time)
{
  double x0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);

  x0 = sitroom_measures_renderer_get_label_width (self);
  if (viewport->end <= viewport->start || viewport->width <= x0)
    return x0;
  return x0 + ((double) time - (double) viewport->start) /
              ((double) viewport->end - (double) viewport->start) * (viewport->width - x0);
}

gboolean
sitroom_measures_render_span_rect (SitroomMeasuresRenderer       *self,
                                   const SitroomMeasuresViewport *viewport,
                                   const Span                    *span,
                                   double                        *rect)
{
  const Row *row = &g_array_index (self->rows, Row, span->row);
  double ts = sitroom_measures_render_scale (self);
  double x0 = sitroom_measures_renderer_get_label_width (self);
  double x1 = MAX (viewport->width, x0);
  double from = sitroom_measures_renderer_time_to_x (self, viewport, span->from);
  double until = span->until != SITROOM_TIME_NONE ? sitroom_measures_renderer_time_to_x (self, viewport, span->until) : x1;
  double span_h = round (SPAN_HEIGHT * ts);
  double stack = row->n_lanes * span_h + (row->n_lanes - 1) * round (SPAN_GAP * ts);

  if (until < x0 || from > x1)
    return FALSE;
  /* Cut to a little past the edges, and never thinner than a line. */
  from = MAX (from, x0 - 2);
  until = MAX (MIN (until, x1 + 2), from + 2);
  rect[0] = from;
  rect[1] = row->y + round ((row->height - stack) / 2) + span->lane * (span_h + round (SPAN_GAP * ts));
  rect[2] = until - from;
  rect[3] = span_h;
  return TRUE;
}

gboolean
sitroom_measures_renderer_get_span (SitroomMeasuresRenderer       *self,
                                    const SitroomMeasuresViewport *viewport,
                                    int                            measure,
                                    double                        *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  for (guint i = 0; i < self->spans->len; i++)
    if (g_array_index (self->spans, Span, i).measure == measure)
      return sitroom_measures_render_span_rect (self, viewport, &g_array_index (self->spans, Span, i), rect);
  return FALSE;
}


void
sitroom_measures_renderer_hit (SitroomMeasuresRenderer       *self,
                               const SitroomMeasuresViewport *viewport,
                               double                         x,
                               double                         y,
                               SitroomMeasuresHit            *hit)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (hit != NULL);

  *hit = (SitroomMeasuresHit) { -1, -1 };
  if (x < 0 || x > viewport->width || y < 0 || y > viewport->height)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (y >= row->y && y < row->y + row->height)
        hit->row = (int) i;
    }
  if (hit->row < 0 || x < sitroom_measures_renderer_get_label_width (self))
    return;

  /* The last drawn under the pointer, which is the one on top. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      double rect[4];

      if (span->row == (guint) hit->row && sitroom_measures_render_span_rect (self, viewport, span, rect) &&
          x >= rect[0] - HIT_SLOP && x <= rect[0] + rect[2] + HIT_SLOP &&
          y >= rect[1] - HIT_SLOP && y <= rect[1] + rect[3] + HIT_SLOP)
        hit->measure = span->measure;
    }
}
