/* The timeline's moves: zooming and panning its window of time, scrolling its lanes, the cutoff dragged, clicks and keys. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-timeline-private.h"

/* The narrowest and the widest window of time, in seconds. */
#define MIN_SPAN (30 * 60)
#define MAX_SPAN ((gint64) 100 * 365 * 24 * 3600)
/* One step of the wheel or of +/-, and a wheel's step of panning. */
#define ZOOM_STEP 1.25
#define WHEEL_PIXELS 60.0
/* Pixels of smooth scrolling that zoom as much as one wheel step. */
#define PIXELS_PER_ZOOM_STEP 20.0
/* A press that moves less than this is a click. */
#define CLICK_SLOP 4.0
/* How near the cutoff line a press takes it. */
#define CUTOFF_GRAB 5.0
/* Panning keeps this share of the window over the story. */
#define PAN_KEEP 0.1

double
_sitroom_timeline_label_width (SitroomTimeline *self)
{
  return sitroom_timeline_renderer_get_label_width (self->renderer);
}

/* The width of the lanes' area, where time runs. */
static double
area_width (SitroomTimeline *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - _sitroom_timeline_label_width (self), 1);
}

static double
max_scroll (SitroomTimeline *self)
{
  double visible = gtk_widget_get_height (GTK_WIDGET (self)) -
                   sitroom_timeline_renderer_get_axis_height (self->renderer);

  return MAX (0, ceil (sitroom_timeline_renderer_get_content_height (self->renderer) - visible));
}

gboolean
_sitroom_timeline_set_scroll (SitroomTimeline *self,
                              double           scroll_y)
{
  scroll_y = round (CLAMP (scroll_y, 0, max_scroll (self)));
  if (scroll_y == self->scroll_y)
    return FALSE;
  self->scroll_y = scroll_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* Panning stops where the window would leave the story behind. */
static gint64
clamp_pan (SitroomTimeline *self,
           gint64           start,
           gint64           span)
{
  gint64 first, last, keep = (gint64) (span * PAN_KEEP);

  sitroom_timeline_renderer_get_extent (self->renderer, &first, &last);
  if (first >= last)
    return start;
  return CLAMP (start, first - span + keep, MAX (last - keep, first - span + keep));
}

static void
apply_window (SitroomTimeline *self,
              gint64           start,
              gint64           end)
{
  gint64 span = CLAMP (end - start, MIN_SPAN, MAX_SPAN);

  /* A span pushed to a limit grows or shrinks about the middle. */
  if (span != end - start)
    start = start + (end - start) / 2 - span / 2;
  _sitroom_timeline_move_window (self, start, start + span);
}

/* The window @factor times as wide, the time under @x staying there. */
static void
zoom_about (SitroomTimeline *self,
            double           x,
            double           factor,
            gint64           start,
            gint64           end)
{
  double share = CLAMP ((x - _sitroom_timeline_label_width (self)) / area_width (self), 0, 1);
  double span = CLAMP ((double) (end - start) * factor, MIN_SPAN, MAX_SPAN);
  double at = (double) start + share * (double) (end - start);
  gint64 new_start = (gint64) llround (at - share * span);

  new_start = clamp_pan (self, new_start, (gint64) span);
  apply_window (self, new_start, new_start + (gint64) span);
}

static void
pan_pixels (SitroomTimeline *self,
            double           pixels)
{
  gint64 span = self->end - self->start;
  gint64 start = self->start + (gint64) llround (pixels / area_width (self) * span);

  start = clamp_pan (self, start, span);
  apply_window (self, start, start + span);
}

void
sitroom_timeline_zoom_to_fit (SitroomTimeline *self)
{
  gint64 start, end;

  g_return_if_fail (SITROOM_IS_TIMELINE (self));

  if (self->situation == NULL)
    return;
  sitroom_timeline_renderer_get_extent (self->renderer, &start, &end);
  apply_window (self, start, end);
}

void
sitroom_timeline_set_window (SitroomTimeline *self,
                             gint64           start,
                             gint64           end)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));
  g_return_if_fail (start < end);

  apply_window (self, start, end);
}

void
sitroom_timeline_get_window (SitroomTimeline *self,
                             gint64          *start,
                             gint64          *end)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));

  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
}

/* The pointer and the keys. */

static gboolean
on_cutoff (SitroomTimeline *self,
           double           x,
           double           y)
{
  SitroomTimelineViewport viewport;
  SitroomTimelineHit hit;
  double axis_h, cx, bottom;

  if (self->view == NULL)
    return FALSE;
  sitroom_timeline_get_viewport (self, &viewport);
  sitroom_timeline_renderer_hit (self->renderer, &viewport, x, y, &hit);
  if (hit.kind == SITROOM_TIMELINE_HIT_CUTOFF)
    return TRUE;

  axis_h = sitroom_timeline_renderer_get_axis_height (self->renderer);
  bottom = axis_h + sitroom_timeline_renderer_get_content_height (self->renderer) - viewport.scroll_y;
  cx = sitroom_timeline_viewport_time_to_x (&viewport, _sitroom_timeline_label_width (self), self->cutoff);
  return x >= _sitroom_timeline_label_width (self) && y >= axis_h && y < bottom && fabs (x - cx) <= CUTOFF_GRAB;
}

/* The cutoff at @x, between the story's first event or case and the
 * document's as_of; at the as_of it follows the document again. */
static void
set_cutoff_at (SitroomTimeline *self,
               double           x)
{
  SitroomTimelineViewport viewport;
  gint64 as_of, at;

  sitroom_timeline_get_viewport (self, &viewport);
  as_of = sitroom_situation_get_as_of (self->situation);
  at = sitroom_timeline_viewport_x_to_time (&viewport, _sitroom_timeline_label_width (self), x);
  /* Whole minutes: what the handle's label shows. */
  at = (at / 60) * 60;
  at = CLAMP (at, MIN (self->first_time, as_of), as_of);
  sitroom_context_set_cutoff (self->context, at >= as_of ? SITROOM_TIME_NONE : at);
}

/* The selected chain's latest event by the cutoff, for Return. */
static int
latest_event (SitroomTimeline *self,
              int              chain_index)
{
  const SitroomChain *chain = sitroom_situation_get_chain (self->situation, chain_index);
  int found = -1;

  for (guint i = 0; i < chain->n_events && chain->events[i].at <= self->cutoff; i++)
    found = (int) i;
  return found;
}

void
_sitroom_timeline_hit_at (SitroomTimeline    *self,
                          double              x,
                          double              y,
                          SitroomTimelineHit *hit)
{
  SitroomTimelineViewport viewport;

  sitroom_timeline_get_viewport (self, &viewport);
  sitroom_timeline_renderer_hit (self->renderer, &viewport, x, y, hit);
}

/* A click selects the lane's chain, or lets go of it when it was the
 * one selected; a click on an event selects its chain and opens it. */
static void
click_at (SitroomTimeline *self,
          double           x,
          double           y)
{
  SitroomTimelineHit hit;

  _sitroom_timeline_hit_at (self, x, y, &hit);
  if (hit.chain < 0 || self->context == NULL)
    return;

  if (hit.kind == SITROOM_TIMELINE_HIT_EVENT)
    {
      sitroom_context_set_selected_chain (self->context, hit.chain);
      _sitroom_timeline_emit_event_activated (self, hit.chain, hit.index);
    }
  else
    sitroom_context_set_selected_chain (self->context,
                                        sitroom_context_get_selected_chain (self->context) == hit.chain
                                        ? -1 : hit.chain);
}

void
sitroom_timeline_press (SitroomTimeline *self,
                        double           x,
                        double           y)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));

  self->press_x = x;
  self->press_y = y;
  self->drag_start = self->start;
  self->drag_end = self->end;
  self->drag_scroll_y = self->scroll_y;
  self->drag_moved = FALSE;
  self->drag_mode = on_cutoff (self, x, y) && self->context != NULL ? DRAG_CUTOFF : DRAG_PAN;
}

void
sitroom_timeline_drag (SitroomTimeline *self,
                       double           dx,
                       double           dy)
{
  gint64 span, start;

  g_return_if_fail (SITROOM_IS_TIMELINE (self));

  if (self->drag_mode == DRAG_NONE || self->view == NULL)
    return;
  if (!self->drag_moved && hypot (dx, dy) < CLICK_SLOP)
    return;
  self->drag_moved = TRUE;

  if (self->drag_mode == DRAG_CUTOFF)
    {
      set_cutoff_at (self, self->press_x + dx);
      return;
    }

  span = self->drag_end - self->drag_start;
  start = self->drag_start - (gint64) llround (dx / area_width (self) * span);
  start = clamp_pan (self, start, span);
  apply_window (self, start, start + span);
  _sitroom_timeline_set_scroll (self, self->drag_scroll_y - dy);
}

void
sitroom_timeline_release (SitroomTimeline *self,
                          double           dx,
                          double           dy)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));

  if (self->drag_mode == DRAG_NONE)
    return;
  sitroom_timeline_drag (self, dx, dy);
  if (!self->drag_moved && self->drag_mode == DRAG_PAN && self->view != NULL)
    click_at (self, self->press_x, self->press_y);
  self->drag_mode = DRAG_NONE;
}

gboolean
sitroom_timeline_scroll (SitroomTimeline *self,
                         double           x,
                         double           y,
                         double           dx,
                         double           dy,
                         GdkModifierType  state,
                         gboolean         wheel)
{
  double pixels = wheel ? WHEEL_PIXELS : 1;

  g_return_val_if_fail (SITROOM_IS_TIMELINE (self), FALSE);

  if (self->view == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      double steps = wheel ? dy : dy / PIXELS_PER_ZOOM_STEP;

      zoom_about (self, x, pow (ZOOM_STEP, steps), self->start, self->end);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    {
      pan_pixels (self, (dx + dy) * pixels);
      return TRUE;
    }
  if (dx != 0)
    pan_pixels (self, dx * pixels);
  /* Without lanes to scroll through, the wheel goes to whatever holds us. */
  if (dy != 0 && max_scroll (self) > 0)
    {
      _sitroom_timeline_set_scroll (self, self->scroll_y + dy * (wheel ? sitroom_timeline_renderer_get_lane_height (self->renderer) : 1));
      return TRUE;
    }
  return dx != 0;
}

void
sitroom_timeline_pinch (SitroomTimeline *self,
                        double           x,
                        double           scale,
                        gboolean         begin)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));

  if (begin)
    {
      self->pinch_start = self->start;
      self->pinch_end = self->end;
      /* Two fingers zoom; the first one's drag stops panning. */
      self->drag_mode = DRAG_NONE;
    }
  if (self->view != NULL && scale > 0)
    zoom_about (self, x, 1 / scale, self->pinch_start, self->pinch_end);
}

/* Up and Down walk the chains, keeping the selected lane in sight. */
static void
select_next_chain (SitroomTimeline *self,
                   int              step)
{
  guint n = sitroom_situation_get_n_chains (self->situation);
  int chain = sitroom_context_get_selected_chain (self->context);
  double lane_h = sitroom_timeline_renderer_get_lane_height (self->renderer);
  double visible = gtk_widget_get_height (GTK_WIDGET (self)) -
                   sitroom_timeline_renderer_get_axis_height (self->renderer);

  if (n == 0)
    return;
  chain = chain < 0 ? (step > 0 ? 0 : (int) n - 1) : CLAMP (chain + step, 0, (int) n - 1);
  sitroom_context_set_selected_chain (self->context, chain);
  if (chain * lane_h < self->scroll_y)
    _sitroom_timeline_set_scroll (self, chain * lane_h);
  else if ((chain + 1) * lane_h > self->scroll_y + visible)
    _sitroom_timeline_set_scroll (self, (chain + 1) * lane_h - visible);
}

/* Return opens the event under the pointer, else the selected chain's
 * latest by the cutoff. */
static gboolean
activate (SitroomTimeline *self)
{
  SitroomTimelineHit hit = { SITROOM_TIMELINE_HIT_NONE, -1, -1 };
  int chain;

  if (self->pointer_inside)
    _sitroom_timeline_hit_at (self, self->pointer_x, self->pointer_y, &hit);
  if (hit.kind != SITROOM_TIMELINE_HIT_EVENT)
    {
      chain = sitroom_context_get_selected_chain (self->context);
      if (chain < 0 || (hit.index = latest_event (self, chain)) < 0)
        return FALSE;
      hit.chain = chain;
    }
  _sitroom_timeline_emit_event_activated (self, hit.chain, hit.index);
  return TRUE;
}

gboolean
sitroom_timeline_key_pressed (SitroomTimeline *self,
                              guint            keyval,
                              GdkModifierType  state)
{
  double middle;

  g_return_val_if_fail (SITROOM_IS_TIMELINE (self), FALSE);

  if (self->view == NULL || self->context == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    return FALSE;

  middle = _sitroom_timeline_label_width (self) + area_width (self) / 2;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      pan_pixels (self, -area_width (self) / 8);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      pan_pixels (self, area_width (self) / 8);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_about (self, middle, 1 / ZOOM_STEP, self->start, self->end);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_about (self, middle, ZOOM_STEP, self->start, self->end);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      sitroom_timeline_zoom_to_fit (self);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      select_next_chain (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      select_next_chain (self, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      return activate (self);
    default:
      return FALSE;
    }
}

/* The controllers, passing their events on to the paths above. */

static void
drag_begin_cb (SitroomTimeline *self,
               double           x,
               double           y)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  sitroom_timeline_press (self, x, y);
}

static void
drag_cancel_cb (SitroomTimeline *self)
{
  self->drag_mode = DRAG_NONE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SitroomTimeline          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  return sitroom_timeline_scroll (self, self->pointer_x, self->pointer_y, dx, dy, state, wheel);
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               SitroomTimeline  *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (gesture, &x, &y);
  sitroom_timeline_pinch (self, x, 1, TRUE);
}

static void
zoom_scale_cb (GtkGestureZoom  *gesture,
               double           scale,
               SitroomTimeline *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  sitroom_timeline_pinch (self, x, scale, FALSE);
}

static void
motion_cb (SitroomTimeline *self,
           double           x,
           double           y)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->drag_mode == DRAG_CUTOFF || on_cutoff (self, x, y) ? "ew-resize" : NULL);
}

static void
leave_cb (SitroomTimeline *self)
{
  self->pointer_inside = FALSE;
}

static gboolean
key_pressed_cb (SitroomTimeline *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  return sitroom_timeline_key_pressed (self, keyval, state);
}

void
_sitroom_timeline_init_input (SitroomTimeline *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (sitroom_timeline_drag), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (sitroom_timeline_release), self);
  g_signal_connect_swapped (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect_swapped (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}
