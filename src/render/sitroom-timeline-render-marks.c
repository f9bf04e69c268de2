/* A chain's marks on its lane: events shaped by kind, cases as ticks coloured by classification, only those in view. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-timeline-render-private.h"

/* A halo of the background round each event mark keeps touching marks
 * apart: this wide round a filled mark, and round a note's ring. */
#define HALO_WIDTH 2.0
#define RING_HALO_WIDTH 3.5
#define RING_WIDTH 1.5
/* The marks' font is set at this size and draws in its pixels: at a size
 * of 1, cairo rasterises user glyphs to a dot. */
#define MARK_FONT_EM 64.0

gboolean
sitroom_timeline_append_mark (cairo_t          *cr,
                              SitroomEventKind  kind,
                              double            x,
                              double            y,
                              double            size)
{
  double r = size / 2;

  g_return_val_if_fail (cr != NULL, FALSE);

  cairo_new_sub_path (cr);
  switch (kind)
    {
    case SITROOM_EVENT_DETECTION:     /* ◆ */
      cairo_move_to (cr, x, y - 1.25 * r);
      cairo_line_to (cr, x + 1.25 * r, y);
      cairo_line_to (cr, x, y + 1.25 * r);
      cairo_line_to (cr, x - 1.25 * r, y);
      break;
    case SITROOM_EVENT_TEST:          /* ● */
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case SITROOM_EVENT_QUARANTINE:    /* ■ */
      cairo_rectangle (cr, x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
      break;
    case SITROOM_EVENT_TRACE:         /* ▲ */
      cairo_move_to (cr, x, y - 1.1 * r);
      cairo_line_to (cr, x + 1.1 * r, y + 0.9 * r);
      cairo_line_to (cr, x - 1.1 * r, y + 0.9 * r);
      break;
    case SITROOM_EVENT_MEASURE:       /* ▬ */
      cairo_rectangle (cr, x - 1.3 * r, y - 0.45 * r, 2.6 * r, 0.9 * r);
      break;
    case SITROOM_EVENT_TRANSFER:      /* ➜ */
      cairo_move_to (cr, x - 1.2 * r, y - 0.3 * r);
      cairo_line_to (cr, x + 0.1 * r, y - 0.3 * r);
      cairo_line_to (cr, x + 0.1 * r, y - 0.95 * r);
      cairo_line_to (cr, x + 1.2 * r, y);
      cairo_line_to (cr, x + 0.1 * r, y + 0.95 * r);
      cairo_line_to (cr, x + 0.1 * r, y + 0.3 * r);
      cairo_line_to (cr, x - 1.2 * r, y + 0.3 * r);
      break;
    case SITROOM_EVENT_NOTE:          /* ○ */
    default:
      cairo_arc (cr, x, y, 0.85 * r, 0, 2 * G_PI);
      cairo_close_path (cr);
      return TRUE;
    }
  cairo_close_path (cr);
  return FALSE;
}

void
sitroom_timeline_mark_extent (SitroomTimelineRenderer *self,
                              SitroomEventKind         kind,
                              double                  *half_width,
                              double                  *half_height)
{
  double r = TIMELINE_MARK_SIZE * sitroom_timeline_scale (self) / 2;

  switch (kind)
    {
    case SITROOM_EVENT_DETECTION:
      *half_width = *half_height = 1.25 * r;
      break;
    case SITROOM_EVENT_MEASURE:
      *half_width = 1.3 * r;
      *half_height = 0.45 * r;
      break;
    case SITROOM_EVENT_TRANSFER:
      *half_width = 1.2 * r;
      *half_height = 0.95 * r;
      break;
    case SITROOM_EVENT_TRACE:
      *half_width = *half_height = 1.1 * r;
      break;
    default:
      *half_width = *half_height = r;
      break;
    }
}

/* Strokes the halo round what the path holds, then fills or strokes the
 * marks themselves. */
static void
paint_marks (SitroomTimelineRenderer *self,
             cairo_t                 *cr,
             gboolean                 rings,
             const SitroomColor      *color,
             double                   alpha)
{
  const TimelinePalette *palette = sitroom_timeline_palette (self->options.style);
  double ts = sitroom_timeline_scale (self);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  sitroom_chart_set_color (cr, &palette->background, alpha);
  cairo_set_line_width (cr, (rings ? RING_HALO_WIDTH : HALO_WIDTH) * ts);
  cairo_stroke_preserve (cr);
  sitroom_chart_set_color (cr, color, alpha);
  if (rings)
    {
      cairo_set_line_width (cr, RING_WIDTH * ts);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

/* Glyphs of the marks' font: the event marks by kind, their halos, and
 * the four case ticks (whole or a stack's strip above, filled or hollow),
 * each drawn from its own origin: a mark's centre, a tick's top left. */
enum {
  GLYPH_MARK = 0,
  GLYPH_HALO = SITROOM_N_EVENT_KINDS,
  GLYPH_TICK = 2 * SITROOM_N_EVENT_KINDS,
  GLYPH_STRIP,
  GLYPH_TICK_HOLLOW,
  GLYPH_STRIP_HOLLOW,
};

typedef struct {
  double text_scale;
} MarkFont;

static const cairo_user_data_key_t mark_font_key;

/* A hollow tick as the boxes of its outline, which do not overlap: left
 * and right sides, the top, and the bottom for the first of a stack. */
static void
append_hollow (cairo_t *cr,
               double   x,
               double   y,
               double   w,
               double   h,
               gboolean bottom,
               double   line)
{
  if (w <= 2 * line || h <= 2 * line)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_rectangle (cr, x, y, line, h);
  cairo_rectangle (cr, x + w - line, y, line, h);
  cairo_rectangle (cr, x + line, y, w - 2 * line, line);
  if (bottom)
    cairo_rectangle (cr, x + line, y + h - line, w - 2 * line, line);
}

/* Sizes of a case tick at a text scale: width, height, a stack's step, the line of a hollow one. */
static void
tick_size (double  ts,
           double *width,
           double *height,
           double *step,
           double *line)
{
  *width = MAX (round (TIMELINE_TICK_WIDTH * ts), 1);
  *height = round (TIMELINE_TICK_HEIGHT * ts);
  *step = round (TIMELINE_TICK_STEP * ts);
  *line = MAX (round (ts), 1);
}

static cairo_status_t
render_mark_glyph (cairo_scaled_font_t  *scaled_font,
                   unsigned long         glyph,
                   cairo_t              *cr,
                   cairo_text_extents_t *extents)
{
  const MarkFont *font = cairo_font_face_get_user_data (cairo_scaled_font_get_font_face (scaled_font),
                                                        &mark_font_key);
  double ts = font->text_scale;
  double width, height, step, line;

  cairo_scale (cr, 1 / MARK_FONT_EM, 1 / MARK_FONT_EM);
  tick_size (ts, &width, &height, &step, &line);
  switch (glyph)
    {
    case GLYPH_TICK:
      cairo_rectangle (cr, 0, 0, width, height);
      break;
    case GLYPH_STRIP:
      cairo_rectangle (cr, 0, 0, width, step);
      break;
    case GLYPH_TICK_HOLLOW:
      append_hollow (cr, 0, 0, width, height, TRUE, line);
      break;
    case GLYPH_STRIP_HOLLOW:
      append_hollow (cr, 0, 0, width, step, FALSE, line);
      break;
    default:
      {
        SitroomEventKind kind = glyph % SITROOM_N_EVENT_KINDS;
        gboolean rings = sitroom_timeline_append_mark (cr, kind, 0, 0, TIMELINE_MARK_SIZE * ts);

        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        if (glyph >= GLYPH_HALO)
          {
            cairo_set_line_width (cr, (rings ? RING_HALO_WIDTH : HALO_WIDTH) * ts);
            cairo_stroke_preserve (cr);
          }
        else if (rings)
          {
            cairo_set_line_width (cr, RING_WIDTH * ts);
            cairo_stroke (cr);
            return CAIRO_STATUS_SUCCESS;
          }
      }
      break;
    }
  cairo_fill (cr);
  return CAIRO_STATUS_SUCCESS;
}

void
sitroom_timeline_mark_font_clear (SitroomTimelineRenderer *self)
{
  g_clear_pointer (&self->mark_font, cairo_font_face_destroy);
}

/* Into pixels, marks and ticks are glyphs of a font of our own: cairo
 * rasterises each shape once and copies it wherever it goes, some ten
 * times faster than as many paths. A document (SVG, PDF) gets paths, so
 * that the marks stay shapes rather than characters of a Type 3 font. */
static gboolean
use_glyphs (SitroomTimelineRenderer *self,
            cairo_t                 *cr)
{
  cairo_font_options_t *options;
  MarkFont *font;

  if (self->marks_as_paths || sitroom_chart_draws_document (cr))
    return FALSE;

  if (self->mark_font == NULL ||
      ((const MarkFont *) cairo_font_face_get_user_data (self->mark_font, &mark_font_key))->text_scale !=
      sitroom_timeline_scale (self))
    {
      sitroom_timeline_mark_font_clear (self);
      font = g_new (MarkFont, 1);
      font->text_scale = sitroom_timeline_scale (self);
      self->mark_font = cairo_user_font_face_create ();
      cairo_user_font_face_set_render_glyph_func (self->mark_font, render_mark_glyph);
      cairo_font_face_set_user_data (self->mark_font, &mark_font_key, font, g_free);
    }
  /* Shapes, not letters: no hinting, no coloured fringes. */
  cairo_set_font_face (cr, self->mark_font);
  cairo_set_font_size (cr, MARK_FONT_EM);
  options = cairo_font_options_create ();
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  return TRUE;
}

void
sitroom_timeline_draw_events (SitroomTimelineRenderer       *self,
                              cairo_t                       *cr,
                              const SitroomTimelineViewport *viewport,
                              const TimelineLane            *lane,
                              double                         lane_y)
{
  const TimelinePalette *palette = sitroom_timeline_palette (self->options.style);
  const SitroomChain *chain = sitroom_situation_get_chain (self->situation, lane->chain);
  double ts = sitroom_timeline_scale (self);
  double size = TIMELINE_MARK_SIZE * ts;
  double y = lane_y + TIMELINE_MARK_Y * ts;
  gint64 cutoff = sitroom_view_get_cutoff (self->view);
  /* Before its first report a chain's events are history (the rule of
   * sitroom-chains.h): shown, but greyed, so that the lane does not look
   * as if the chain had begun. */
  const SitroomColor *past = lane->status == SITROOM_CHAIN_NOT_STARTED ? &palette->history : &palette->mark;
  double x0, x1;
  gint64 lo, hi;
  guint first, end;

  g_assert (lane->state_valid);

  sitroom_timeline_area (self, viewport, &x0, &x1);
  lo = sitroom_timeline_viewport_x_to_time (viewport, x0, x0 - size - 2);
  hi = sitroom_timeline_viewport_x_to_time (viewport, x0, x1 + size + 2);
  first = sitroom_timeline_events_lower_bound (chain->events, chain->n_events, lo);
  end = first + sitroom_timeline_events_lower_bound (chain->events + first, chain->n_events - first, hi + 1);

  if (use_glyphs (self, cr))
    {
      g_autofree cairo_glyph_t *glyphs = g_new (cairo_glyph_t, MAX (end - first, 1));

      for (guint dim = 0; dim < 2; dim++)
        {
          double alpha = dim ? TIMELINE_DIM_ALPHA : 1;
          int n = 0;

          for (guint i = first; i < end; i++)
            {
              const SitroomEvent *event = &chain->events[i];

              if ((event->at > cutoff) != (gboolean) dim)
                continue;
              glyphs[n].index = GLYPH_HALO + event->kind;
              glyphs[n].x = sitroom_timeline_viewport_time_to_x (viewport, x0, event->at);
              glyphs[n].y = y;
              n++;
            }
          if (n == 0)
            continue;
          /* All the halos, then all the marks. */
          sitroom_chart_set_color (cr, &palette->background, alpha);
          cairo_show_glyphs (cr, glyphs, n);
          for (int i = 0; i < n; i++)
            glyphs[i].index -= GLYPH_HALO - GLYPH_MARK;
          sitroom_chart_set_color (cr, dim ? &palette->mark : past, alpha);
          cairo_show_glyphs (cr, glyphs, n);
        }
      return;
    }

  /* Filled marks, then the notes' rings, each kind of path in one go. */
  for (guint dim = 0; dim < 2; dim++)
    for (guint rings = 0; rings < 2; rings++)
      {
        cairo_new_path (cr);
        for (guint i = first; i < end; i++)
          {
            const SitroomEvent *event = &chain->events[i];

            if ((event->at > cutoff) != (gboolean) dim || (event->kind == SITROOM_EVENT_NOTE) != (gboolean) rings)
              continue;
            sitroom_timeline_append_mark (cr, event->kind,
                                          sitroom_timeline_viewport_time_to_x (viewport, x0, event->at), y, size);
          }
        if (cairo_has_current_point (cr))
          paint_marks (self, cr, rings, dim ? &palette->mark : past, dim ? TIMELINE_DIM_ALPHA : 1);
      }
}

void
sitroom_timeline_walk_cases (SitroomTimelineRenderer       *self,
                             const SitroomTimelineViewport *viewport,
                             const TimelineLane            *lane,
                             double                         lane_y,
                             double                         x0,
                             double                         x1,
                             TimelineCaseVisit              visit,
                             gpointer                       data)
{
  const gint64 *times = self->case_times + lane->first_case;
  double ts = sitroom_timeline_scale (self);
  double area = sitroom_timeline_renderer_get_label_width (self);
  double width = MAX (round (TIMELINE_TICK_WIDTH * ts), 1);
  double height = round (TIMELINE_TICK_HEIGHT * ts);
  double bottom = lane_y + round (TIMELINE_TICK_BOTTOM * ts);
  double step = round (TIMELINE_TICK_STEP * ts);
  double first_bin = floor ((x0 - area) / width), last_bin = floor ((x1 - area) / width);
  double bin = -G_MAXDOUBLE;
  guint stack = 0;
  guint i;

  /* A second early, so that the walk starts on a bin's first case and
   * counts the stack as the draw does. */
  i = sitroom_timeline_lower_bound (times, lane->n_cases,
                                    sitroom_timeline_viewport_x_to_time (viewport, area,
                                                                         area + first_bin * width) - 1);
  for (; i < lane->n_cases; i++)
    {
      double b = floor ((sitroom_timeline_viewport_time_to_x (viewport, area, times[i]) - area) / width);
      double rect[4];

      if (b < first_bin)
        continue;
      if (b > last_bin)
        break;
      if (b == bin)
        stack++;
      else
        {
          bin = b;
          stack = 0;
        }
      if (stack >= TIMELINE_TICK_STACK)
        {
          /* A full stack: on to the cases a second before the next bin;
           * those still in this one are passed one by one. */
          gint64 next = sitroom_timeline_viewport_x_to_time (viewport, area, area + (b + 1) * width) - 1;

          i += MAX (sitroom_timeline_lower_bound (times + i, lane->n_cases - i, next), 1) - 1;
          continue;
        }
      /* The first tick whole, each one more only where it shows above. */
      rect[0] = area + b * width;
      rect[1] = stack == 0 ? bottom - height : bottom - height - stack * step;
      rect[2] = width;
      rect[3] = stack == 0 ? height : step;
      visit (lane->first_case + i, rect, data);
    }
}

typedef struct {
  SitroomTimelineRenderer *self;
  gint64 cutoff;
} CollectTicks;

static void
collect_tick (guint         position,
              const double *rect,
              gpointer      data)
{
  CollectTicks *collect = data;
  SitroomTimelineRenderer *self = collect->self;
  gboolean dim = self->case_times[position] > collect->cutoff;

  g_array_append_vals (self->tick_rects[dim][self->case_classes[position]], rect, 4);
}

/* Ticks lie on bins a tick wide from the lanes' left edge, so none
 * overlaps another: as paths they stay plain boxes. */
void
sitroom_timeline_draw_cases (SitroomTimelineRenderer       *self,
                             cairo_t                       *cr,
                             const SitroomTimelineViewport *viewport,
                             const TimelineLane            *lane,
                             double                         lane_y)
{
  double width, height, step, line;
  CollectTicks collect = { self, sitroom_view_get_cutoff (self->view) };
  gboolean glyphs = use_glyphs (self, cr);
  double x0, x1;

  tick_size (sitroom_timeline_scale (self), &width, &height, &step, &line);
  sitroom_timeline_area (self, viewport, &x0, &x1);
  for (guint dim = 0; dim < 2; dim++)
    for (guint k = 0; k < SITROOM_N_CLASSES; k++)
      g_array_set_size (self->tick_rects[dim][k], 0);
  sitroom_timeline_walk_cases (self, viewport, lane, lane_y, x0, x1 + width, collect_tick, &collect);

  /* One call per class and opacity: thousands of ticks, a few fills. */
  for (guint dim = 0; dim < 2; dim++)
    for (guint k = 0; k < SITROOM_N_CLASSES; k++)
      {
        GArray *rects = self->tick_rects[dim][k];
        const double *r = (const double *) (gpointer) rects->data;
        gboolean hollow = k == SITROOM_CLASS_ASYMPTOMATIC;
        SitroomColor color;

        if (rects->len == 0)
          continue;
        sitroom_timeline_case_color (k, self->options.style, &color);
        sitroom_chart_set_color (cr, &color, dim ? TIMELINE_DIM_ALPHA : 1);
        if (glyphs)
          {
            int n = (int) rects->len / 4;
            g_autofree cairo_glyph_t *list = g_new (cairo_glyph_t, n);

            for (int i = 0; i < n; i++)
              {
                gboolean whole = r[4 * i + 3] == height;

                list[i].index = hollow ? (whole ? GLYPH_TICK_HOLLOW : GLYPH_STRIP_HOLLOW)
                                       : (whole ? GLYPH_TICK : GLYPH_STRIP);
                list[i].x = r[4 * i];
                list[i].y = r[4 * i + 1];
              }
            cairo_show_glyphs (cr, list, n);
            continue;
          }
        cairo_new_path (cr);
        for (guint i = 0; i < rects->len; i += 4)
          {
            if (hollow)
              append_hollow (cr, r[i], r[i + 1], r[i + 2], r[i + 3], r[i + 3] == height, line);
            else
              cairo_rectangle (cr, r[i], r[i + 1], r[i + 2], r[i + 3]);
          }
        cairo_fill (cr);
      }
}
