/* The chains on one time axis: a widget that follows the context and keeps the shared timeline renderer fed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "sitroom-chains.h"
#include "sitroom-format.h"
#include "sitroom-timeline-private.h"

/* The natural height shows this many lanes; more scroll. */
#define NATURAL_LANES 8

G_DEFINE_FINAL_TYPE (SitroomTimeline, sitroom_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLOSE_DAYS,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The earliest event or case: dragging the cutoff stops there. */
static gint64
first_time (SitroomSituation *situation)
{
  gint64 first = sitroom_situation_get_as_of (situation);

  for (guint i = 0; i < sitroom_situation_get_n_chains (situation); i++)
    {
      const SitroomChain *chain = sitroom_situation_get_chain (situation, i);

      if (chain->n_events > 0)
        first = MIN (first, chain->events[0].at);
    }
  for (guint i = 0; i < sitroom_situation_get_n_cases (situation); i++)
    first = MIN (first, sitroom_situation_get_case (situation, i)->reported_at);
  return first;
}

static void
push_options (SitroomTimeline *self)
{
  sitroom_timeline_renderer_set_options (self->renderer, &self->options);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A change that every part shows. */
static void
options_changed (SitroomTimeline *self)
{
  self->options_serial++;
  push_options (self);
}

static void
style_changed_cb (SitroomTimeline *self)
{
  self->options.style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                        ? SITROOM_STYLE_DARK : SITROOM_STYLE_LIGHT;
  options_changed (self);
}

static void
context_lang_cb (SitroomTimeline *self)
{
  self->options.lang = sitroom_context_get_lang (self->context);
  options_changed (self);
}

static void
context_chain_cb (SitroomTimeline *self)
{
  self->options.selected_chain = sitroom_context_get_selected_chain (self->context);
  push_options (self);
}

/* The view carries the situation and the effective cutoff, so that a
 * cutoff asked for past the as_of, which changes no figure, draws nothing
 * anew. A new view of the same situation and cutoff (a new selection)
 * leaves the lanes as they were. */
static void
context_view_cb (SitroomTimeline *self)
{
  SitroomView *view = self->context != NULL ? sitroom_context_get_view (self->context) : NULL;
  SitroomSituation *situation = view != NULL ? sitroom_view_get_situation (view) : NULL;
  gint64 cutoff = view != NULL ? sitroom_view_get_cutoff (view) : SITROOM_TIME_NONE;
  guint n_lanes = sitroom_timeline_renderer_get_n_lanes (self->renderer);

  if (view == self->view)
    return;

  g_set_object (&self->view, view);
  sitroom_timeline_renderer_set_data (self->renderer, view);
  if (situation != self->situation || cutoff != self->cutoff)
    self->data_serial++;
  self->cutoff = cutoff;

  if (situation != self->situation)
    {
      g_set_object (&self->situation, situation);
      self->first_time = situation != NULL ? first_time (situation) : SITROOM_TIME_NONE;
      _sitroom_timeline_clear_lane_nodes (self);
      g_ptr_array_set_size (self->lane_nodes, (int) sitroom_timeline_renderer_get_n_lanes (self->renderer));
      g_array_set_size (self->lane_selected, self->lane_nodes->len);
      _sitroom_timeline_update_accessible (self);
      if (situation != NULL && !self->has_window)
        sitroom_timeline_zoom_to_fit (self);
      if (n_lanes != self->lane_nodes->len)
        gtk_widget_queue_resize (GTK_WIDGET (self));
      _sitroom_timeline_set_scroll (self, self->scroll_y);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sitroom_timeline_move_window (SitroomTimeline *self,
                               gint64           start,
                               gint64           end)
{
  g_assert (SITROOM_IS_TIMELINE (self));
  g_assert (start < end);

  self->has_window = TRUE;
  if (start == self->start && end == self->end)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (start != self->start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (end != self->end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sitroom_timeline_emit_event_activated (SitroomTimeline *self,
                                        int              chain,
                                        int              event)
{
  g_assert (SITROOM_IS_TIMELINE (self));

  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, chain, event);
}

/* The type follows the widget's font: larger on a wall. The lanes, the
 * axis and the labels' column grow with it, and every part is built again,
 * only when it changed. */
static void
sitroom_timeline_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  SitroomTimeline *self = SITROOM_TIMELINE (widget);
  double text_scale;

  GTK_WIDGET_CLASS (sitroom_timeline_parent_class)->css_changed (widget, change);

  text_scale = sitroom_format_text_scale (widget);
  if (text_scale == self->options.text_scale)
    return;
  self->options.text_scale = text_scale;
  options_changed (self);
  gtk_widget_queue_resize (widget);
}

/* Size. */

static void
sitroom_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SitroomTimeline *self = SITROOM_TIMELINE (widget);
  double axis_h = sitroom_timeline_renderer_get_axis_height (self->renderer);
  double lane_h = sitroom_timeline_renderer_get_lane_height (self->renderer);
  guint n_lanes = MAX (sitroom_timeline_renderer_get_n_lanes (self->renderer), 1);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) _sitroom_timeline_label_width (self) + 200;
      *natural = (int) _sitroom_timeline_label_width (self) + 800;
    }
  else
    {
      *minimum = (int) (axis_h + lane_h);
      *natural = (int) (axis_h + MIN (n_lanes, NATURAL_LANES) * lane_h);
    }
}

static void
sitroom_timeline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SitroomTimeline *self = SITROOM_TIMELINE (widget);

  _sitroom_timeline_set_scroll (self, self->scroll_y);
}

static void
sitroom_timeline_dispose (GObject *object)
{
  SitroomTimeline *self = SITROOM_TIMELINE (object);

  _sitroom_timeline_clear_nodes (self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->view);
  g_clear_object (&self->situation);
  g_clear_object (&self->tip);

  G_OBJECT_CLASS (sitroom_timeline_parent_class)->dispose (object);
}

static void
sitroom_timeline_finalize (GObject *object)
{
  SitroomTimeline *self = SITROOM_TIMELINE (object);

  g_clear_pointer (&self->renderer, sitroom_timeline_renderer_free);
  g_ptr_array_unref (self->lane_nodes);
  g_array_unref (self->lane_selected);

  G_OBJECT_CLASS (sitroom_timeline_parent_class)->finalize (object);
}

static void
sitroom_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SitroomTimeline *self = SITROOM_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLOSE_DAYS:
      g_value_set_uint (value, self->options.close_days);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SitroomTimeline *self = SITROOM_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_timeline_set_context (self, g_value_get_object (value));
      break;
    case PROP_CLOSE_DAYS:
      sitroom_timeline_set_close_days (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_timeline_class_init (SitroomTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_timeline_dispose;
  object_class->finalize = sitroom_timeline_finalize;
  object_class->get_property = sitroom_timeline_get_property;
  object_class->set_property = sitroom_timeline_set_property;
  widget_class->snapshot = _sitroom_timeline_snapshot;
  widget_class->measure = sitroom_timeline_measure;
  widget_class->size_allocate = sitroom_timeline_size_allocate;
  widget_class->query_tooltip = _sitroom_timeline_query_tooltip;
  widget_class->css_changed = sitroom_timeline_css_changed;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSE_DAYS] =
    g_param_spec_uint ("close-days", NULL, NULL,
                       1, 365, SITROOM_CHAIN_DEFAULT_CLOSE_DAYS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "sitroom-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sitroom_timeline_init (SitroomTimeline *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->renderer = sitroom_timeline_renderer_new ();
  self->lane_nodes = g_ptr_array_new ();
  self->lane_selected = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->cutoff = SITROOM_TIME_NONE;
  self->first_time = SITROOM_TIME_NONE;
  self->options = (SitroomTimelineOptions) {
    .style = adw_style_manager_get_dark (style_manager) ? SITROOM_STYLE_DARK : SITROOM_STYLE_LIGHT,
    .lang = "en",
    .selected_chain = -1,
    .close_days = SITROOM_CHAIN_DEFAULT_CLOSE_DAYS,
    .text_scale = 1,
  };
  sitroom_timeline_renderer_set_options (self->renderer, &self->options);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  _sitroom_timeline_init_input (self);
  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  _sitroom_timeline_update_accessible (self);
}

GtkWidget *
sitroom_timeline_new (SitroomContext *context)
{
  g_return_val_if_fail (context == NULL || SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_TIMELINE,
                       "context", context,
                       NULL);
}

SitroomContext *
sitroom_timeline_get_context (SitroomTimeline *self)
{
  g_return_val_if_fail (SITROOM_IS_TIMELINE (self), NULL);

  return self->context;
}

/* The context's cutoff and selection are the timeline's; its view is
 * read whole on every change (see context_view_cb). */
void
sitroom_timeline_set_context (SitroomTimeline *self,
                              SitroomContext  *context)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "view", G_CALLBACK (context_view_cb),
                               "selected-chain", G_CALLBACK (context_chain_cb),
                               "lang", G_CALLBACK (context_lang_cb),
                               NULL))
    return;

  if (context != NULL)
    {
      self->options.lang = sitroom_context_get_lang (context);
      self->options.selected_chain = sitroom_context_get_selected_chain (context);
    }
  else
    self->options.selected_chain = -1;
  options_changed (self);
  context_view_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

void
sitroom_timeline_set_close_days (SitroomTimeline *self,
                                 guint            close_days)
{
  g_return_if_fail (SITROOM_IS_TIMELINE (self));
  g_return_if_fail (close_days > 0);

  if (self->options.close_days == close_days)
    return;

  self->options.close_days = close_days;
  options_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSE_DAYS]);
}

double
sitroom_timeline_get_text_scale (SitroomTimeline *self)
{
  g_return_val_if_fail (SITROOM_IS_TIMELINE (self), 1.0);

  return self->options.text_scale;
}
