/* The timeline renderer: data and options, the per-chain indexes it keeps, geometry, and the frame's order of parts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-briefing.h"
#include "sitroom-timeline-render-private.h"

double
sitroom_timeline_scale (SitroomTimelineRenderer *self)
{
  return self->options.text_scale > 0 ? self->options.text_scale : 1.0;
}

gboolean
sitroom_timeline_is_chinese (SitroomTimelineRenderer *self)
{
  return sitroom_render_is_chinese (self->lang);
}

guint
sitroom_timeline_lower_bound (const gint64 *times,
                              guint         n,
                              gint64        t)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (times[mid] < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
sitroom_timeline_events_lower_bound (const SitroomEvent *events,
                                     guint               n,
                                     gint64              t)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (events[mid].at < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

SitroomTimelineRenderer *
sitroom_timeline_renderer_new (void)
{
  SitroomTimelineRenderer *self = g_new0 (SitroomTimelineRenderer, 1);

  self->lang = g_strdup (sitroom_briefing_locale_lang ());
  self->options = (SitroomTimelineOptions) {
    .style = SITROOM_STYLE_LIGHT,
    .lang = self->lang,
    .selected_chain = -1,
    .close_days = SITROOM_CHAIN_DEFAULT_CLOSE_DAYS,
    .text_scale = 1,
  };
  self->lanes = g_array_new (FALSE, TRUE, sizeof (TimelineLane));
  self->measures = g_array_new (FALSE, TRUE, sizeof (TimelineMeasure));
  self->measure_labels = g_ptr_array_new ();
  self->tick_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->handle_cutoff = SITROOM_TIME_NONE;
  for (guint dim = 0; dim < 2; dim++)
    for (guint k = 0; k < SITROOM_N_CLASSES; k++)
      self->tick_rects[dim][k] = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

static void
drop_situation (SitroomTimelineRenderer *self)
{
  sitroom_timeline_text_clear (self);
  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->measures, 0);
  g_ptr_array_set_size (self->measure_labels, 0);
  g_clear_pointer (&self->case_times, g_free);
  g_clear_pointer (&self->case_ids, g_free);
  g_clear_pointer (&self->case_classes, g_free);
  g_clear_object (&self->situation);
}

void
sitroom_timeline_renderer_free (SitroomTimelineRenderer *self)
{
  if (self == NULL)
    return;

  drop_situation (self);
  sitroom_timeline_mark_font_clear (self);
  g_clear_object (&self->view);
  g_clear_object (&self->pango);
  g_array_unref (self->lanes);
  g_array_unref (self->measures);
  g_ptr_array_unref (self->measure_labels);
  g_hash_table_unref (self->tick_labels);
  for (guint dim = 0; dim < 2; dim++)
    for (guint k = 0; k < SITROOM_N_CLASSES; k++)
      g_array_unref (self->tick_rects[dim][k]);
  g_free (self->lang);
  g_free (self);
}

static int
compare_measures (gconstpointer a,
                  gconstpointer b)
{
  const TimelineMeasure *ma = a;
  const TimelineMeasure *mb = b;

  if (ma->from != mb->from)
    return ma->from < mb->from ? -1 : 1;
  return ma->measure - mb->measure;
}

/* Spans in rows, each in the first row free at its start; when none is,
 * in the row that frees first, over what is there. */
static void
index_measures (SitroomTimelineRenderer *self)
{
  SitroomSituation *situation = self->situation;
  gint64 as_of = sitroom_situation_get_as_of (situation);
  gint64 row_end[TIMELINE_MEASURE_ROWS];
  guint n = sitroom_situation_get_n_measures (situation);

  for (guint i = 0; i < n; i++)
    {
      const SitroomMeasure *m = sitroom_situation_get_measure (situation, i);
      TimelineMeasure entry = {
        .measure = (int) i,
        .from = m->from,
        .until = MAX (m->until != SITROOM_TIME_NONE ? m->until : as_of, m->from),
      };

      g_array_append_val (self->measures, entry);
    }
  g_array_sort (self->measures, compare_measures);
  g_ptr_array_set_size (self->measure_labels, (int) n);

  for (guint r = 0; r < TIMELINE_MEASURE_ROWS; r++)
    row_end[r] = G_MININT64;
  for (guint i = 0; i < n; i++)
    {
      TimelineMeasure *m = &g_array_index (self->measures, TimelineMeasure, i);
      guint row = 0;

      for (guint r = 0; r < TIMELINE_MEASURE_ROWS; r++)
        {
          if (row_end[r] < m->from)
            {
              row = r;
              break;
            }
          if (row_end[r] < row_end[row])
            row = r;
        }
      m->row = row;
      row_end[row] = MAX (row_end[row], m->until);
    }
}

/* Cases grouped by chain with a counting sort, which keeps each group in
 * reported order: a lane binary-searches its own run. */
static void
index_situation (SitroomTimelineRenderer *self)
{
  SitroomSituation *situation = self->situation;
  guint n_chains = sitroom_situation_get_n_chains (situation);
  guint n_cases = sitroom_situation_get_n_cases (situation);
  g_autofree guint *next = g_new0 (guint, n_chains + 1);
  guint total = 0;

  for (guint i = 0; i < n_cases; i++)
    {
      int chain = sitroom_situation_get_case (situation, i)->chain;

      if (chain >= 0 && (guint) chain < n_chains)
        next[chain]++;
    }

  g_array_set_size (self->lanes, n_chains + 1);
  for (guint c = 0; c <= n_chains; c++)
    {
      TimelineLane *lane = &g_array_index (self->lanes, TimelineLane, c);
      guint count = c < n_chains ? next[c] : 0;

      memset (lane, 0, sizeof *lane);
      lane->chain = c < n_chains ? (int) c : -1;
      lane->first_case = total;
      lane->n_cases = count;
      next[c] = total;
      total += count;
    }

  self->case_times = g_new (gint64, MAX (total, 1));
  self->case_ids = g_new (int, MAX (total, 1));
  self->case_classes = g_new (guint8, MAX (total, 1));
  for (guint i = 0; i < n_cases; i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (situation, i);
      guint at;

      if (kase->chain < 0 || (guint) kase->chain >= n_chains)
        continue;
      at = next[kase->chain]++;
      self->case_times[at] = kase->reported_at;
      self->case_ids[at] = (int) i;
      self->case_classes[at] = (guint8) kase->classification;
    }

  index_measures (self);
}

/* What depends on the cutoff goes; what depends only on the situation
 * stays while the situation is the same. */
static void
drop_cutoff_state (SitroomTimelineRenderer *self)
{
  for (guint i = 0; i < self->lanes->len; i++)
    g_array_index (self->lanes, TimelineLane, i).state_valid = FALSE;
  sitroom_timeline_clear_status_texts (self);
}

void
sitroom_timeline_renderer_set_data (SitroomTimelineRenderer *self,
                                    SitroomView             *view)
{
  SitroomSituation *situation;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view == NULL || SITROOM_IS_VIEW (view));

  situation = view != NULL ? sitroom_view_get_situation (view) : NULL;
  drop_cutoff_state (self);
  if (situation != self->situation)
    {
      drop_situation (self);
      if (situation != NULL)
        {
          self->situation = g_object_ref (situation);
          index_situation (self);
        }
    }
  g_set_object (&self->view, view);
  self->handle_cutoff = view != NULL ? sitroom_view_get_cutoff (view) : SITROOM_TIME_NONE;
}

void
sitroom_timeline_renderer_set_options (SitroomTimelineRenderer      *self,
                                       const SitroomTimelineOptions *options)
{
  const SitroomTimelineOptions old = self->options;
  const char *lang;

  g_return_if_fail (self != NULL);
  g_return_if_fail (options != NULL);

  lang = options->lang != NULL ? options->lang : sitroom_briefing_locale_lang ();
  self->options = *options;
  if (self->options.close_days == 0)
    self->options.close_days = SITROOM_CHAIN_DEFAULT_CLOSE_DAYS;
  if (sitroom_render_set_str (&self->lang, lang))
    sitroom_timeline_text_clear (self);
  self->options.lang = self->lang;
  if (old.text_scale != options->text_scale)
    sitroom_timeline_text_clear (self);
  if (old.close_days != self->options.close_days)
    drop_cutoff_state (self);
}

guint
sitroom_timeline_renderer_get_n_lanes (SitroomTimelineRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lanes->len;
}

double
sitroom_timeline_renderer_get_lane_height (SitroomTimelineRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return round (TIMELINE_LANE_HEIGHT * sitroom_timeline_scale (self));
}

double
sitroom_timeline_renderer_get_axis_height (SitroomTimelineRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return round (TIMELINE_AXIS_HEIGHT * sitroom_timeline_scale (self));
}

double
sitroom_timeline_renderer_get_label_width (SitroomTimelineRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return round (TIMELINE_LABEL_WIDTH * sitroom_timeline_scale (self));
}

double
sitroom_timeline_renderer_get_content_height (SitroomTimelineRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lanes->len * sitroom_timeline_renderer_get_lane_height (self);
}

void
sitroom_timeline_renderer_get_extent (SitroomTimelineRenderer *self,
                                      gint64                  *start,
                                      gint64                  *end)
{
  gint64 first = G_MAXINT64, last, margin;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start != NULL && end != NULL);

  if (self->situation == NULL)
    {
      *start = *end = 0;
      return;
    }

  last = sitroom_situation_get_as_of (self->situation);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const TimelineLane *lane = &g_array_index (self->lanes, TimelineLane, i);
      const SitroomChain *chain;

      if (lane->chain < 0)
        continue;
      chain = sitroom_situation_get_chain (self->situation, lane->chain);
      if (chain->first_reported != SITROOM_TIME_NONE)
        first = MIN (first, chain->first_reported);
      if (chain->n_events > 0)
        first = MIN (first, chain->events[0].at);
      if (lane->n_cases > 0)
        first = MIN (first, self->case_times[lane->first_case]);
    }
  if (self->measures->len > 0)
    first = MIN (first, g_array_index (self->measures, TimelineMeasure, 0).from);
  if (first > last)
    first = last - 7 * 24 * 3600;

  /* A twentieth on each side, and at least an hour, so that the first
   * and the last marks are not cut by the edges. */
  margin = MAX ((last - first) / 20, 3600);
  *start = first - margin;
  *end = last + margin;
}

double
sitroom_timeline_viewport_time_to_x (const SitroomTimelineViewport *viewport,
                                     double                         label_width,
                                     gint64                         time)
{
  g_return_val_if_fail (viewport != NULL, 0);

  if (viewport->end <= viewport->start || viewport->width <= label_width)
    return label_width;
  return label_width + ((double) time - (double) viewport->start) /
                       ((double) viewport->end - (double) viewport->start) *
                       (viewport->width - label_width);
}

gint64
sitroom_timeline_viewport_x_to_time (const SitroomTimelineViewport *viewport,
                                     double                         label_width,
                                     double                         x)
{
  double t;

  g_return_val_if_fail (viewport != NULL, 0);

  if (viewport->end <= viewport->start || viewport->width <= label_width)
    return viewport->start;
  t = (double) viewport->start + (x - label_width) / (viewport->width - label_width) *
                                 ((double) viewport->end - (double) viewport->start);
  /* Far outside the drawing, the time stops at what a gint64 holds. */
  t = CLAMP (t, -9.0e18, 9.0e18);
  return (gint64) llround (t);
}

void
sitroom_timeline_area (SitroomTimelineRenderer       *self,
                       const SitroomTimelineViewport *viewport,
                       double                        *x0,
                       double                        *x1)
{
  *x0 = sitroom_timeline_renderer_get_label_width (self);
  *x1 = MAX (viewport->width, *x0);
}

void
sitroom_timeline_renderer_get_lane_rect (SitroomTimelineRenderer       *self,
                                         const SitroomTimelineViewport *viewport,
                                         guint                          lane,
                                         double                        *x,
                                         double                        *y,
                                         double                        *width,
                                         double                        *height)
{
  double lane_height;

  g_return_if_fail (self != NULL);
  g_return_if_fail (viewport != NULL);

  lane_height = sitroom_timeline_renderer_get_lane_height (self);
  if (x != NULL)
    *x = 0;
  if (y != NULL)
    *y = sitroom_timeline_renderer_get_axis_height (self) + lane * lane_height - viewport->scroll_y;
  if (width != NULL)
    *width = viewport->width;
  if (height != NULL)
    *height = lane_height;
}

void
sitroom_timeline_lane_ensure_state (SitroomTimelineRenderer *self,
                                    TimelineLane            *lane)
{
  gint64 cutoff;

  if (lane->state_valid || self->view == NULL)
    return;

  cutoff = sitroom_view_get_cutoff (self->view);
  if (lane->chain >= 0)
    {
      lane->status = sitroom_chain_get_status (self->view, lane->chain, self->options.close_days);
      lane->n_positives = cutoff == G_MAXINT64
                          ? lane->n_cases
                          : sitroom_timeline_lower_bound (self->case_times + lane->first_case,
                                                          lane->n_cases, cutoff + 1);
    }
  else
    sitroom_view_get_measures_in_force (self->view, &lane->n_positives);
  lane->state_valid = TRUE;
}

void
sitroom_timeline_renderer_draw_lane (SitroomTimelineRenderer       *self,
                                     cairo_t                       *cr,
                                     const SitroomTimelineViewport *viewport,
                                     guint                          lane)
{
  double x, y, width, height;
  TimelineLane *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (lane < self->lanes->len);

  if (self->view == NULL)
    return;

  sitroom_timeline_renderer_get_lane_rect (self, viewport, lane, &x, &y, &width, &height);
  entry = &g_array_index (self->lanes, TimelineLane, lane);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  sitroom_timeline_text_update (self, cr);
  sitroom_timeline_lane_ensure_state (self, entry);
  if (entry->chain >= 0)
    sitroom_timeline_draw_chain_lane (self, cr, viewport, entry, y);
  else
    sitroom_timeline_draw_measures_lane (self, cr, viewport, y);
  cairo_restore (cr);
}

void
sitroom_timeline_renderer_draw (SitroomTimelineRenderer       *self,
                                cairo_t                       *cr,
                                const SitroomTimelineViewport *viewport)
{
  const TimelinePalette *palette;
  double axis_height, lane_height;
  guint first, last;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  palette = sitroom_timeline_palette (self->options.style);
  axis_height = sitroom_timeline_renderer_get_axis_height (self);
  lane_height = sitroom_timeline_renderer_get_lane_height (self);

  sitroom_chart_begin (cr, viewport->width, viewport->height, &palette->background);

  if (self->view != NULL && self->lanes->len > 0 && viewport->height > axis_height)
    {
      double top = MAX (viewport->scroll_y, 0);

      first = (guint) MIN (floor (top / lane_height), self->lanes->len);
      last = (guint) MIN (ceil ((viewport->scroll_y + viewport->height - axis_height) / lane_height),
                          self->lanes->len);
      /* Lanes scrolled under the axis row are cut at its edge. */
      cairo_save (cr);
      cairo_rectangle (cr, 0, axis_height, viewport->width, viewport->height - axis_height);
      cairo_clip (cr);
      for (guint i = first; i < last; i++)
        sitroom_timeline_renderer_draw_lane (self, cr, viewport, i);
      cairo_restore (cr);
    }

  sitroom_timeline_renderer_draw_axis (self, cr, viewport);
  if (self->view != NULL)
    sitroom_timeline_renderer_draw_cutoff (self, cr, viewport, sitroom_view_get_cutoff (self->view));
  cairo_restore (cr);
}
