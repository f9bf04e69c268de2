/* The drawing of the epidemic curve: one accessible image with hover values, drawn by the shared curve renderer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-curve-plot.h"
#include "sitroom-curve-render.h"
#include "sitroom-format.h"

/* One accessible image with a label that tells the curve; it alone takes
 * the pointer. */
struct _SitroomCurvePlot
{
  GtkWidget parent_instance;

  SitroomView *view;
  SitroomCurve *curve;
  SitroomCurveOptions options;

  /* Where the pointer is: new data or a new size shows the day then
   * under it without waiting for it to move. */
  gboolean pointer_inside;
  double pointer_x;
  double pointer_y;

  /* The last drawing and the size it was drawn at. */
  GskRenderNode *node;
  int node_width;
  int node_height;
  guint n_draws;
};

G_DEFINE_FINAL_TYPE (SitroomCurvePlot, sitroom_curve_plot, GTK_TYPE_WIDGET)

/* "17 Aug": a day of the curve, a China Standard Time day, in the UI's
 * language. */
static char *
format_day (gint64 start)
{
  g_autoptr(GDateTime) day = sitroom_format_cst (start);

  if (day == NULL)
    return g_strdup ("—");

  /* Translators: a day in the epidemic curve's spoken summary, as a
   * g_date_time_format() format ("17 Aug"); "%-m月%-d日" in Chinese. */
  return g_date_time_format (day, C_("curve day", "%-d %b"));
}

/* What a screen reader says of the drawing: the span, the total and the
 * busiest day, which is what a glance at the bars tells. */
static char *
describe_curve (SitroomCurve *curve)
{
  guint n_days, most_day = 0;
  guint64 total = 0;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *peak = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *most_text = NULL;

  if (curve == NULL)
    return g_strdup (_("Epidemic curve: no situation loaded yet"));

  n_days = sitroom_curve_get_n_days (curve);
  if (n_days == 0)
    return g_strdup (_("Daily new positives: none by the cutoff"));

  for (guint d = 0; d < n_days; d++)
    {
      const SitroomCurveDay *day = sitroom_curve_get_day (curve, d);

      total += day->positives;
      /* The first of equal days, as one reads the bars from the left. */
      if (day->positives > sitroom_curve_get_day (curve, most_day)->positives)
        most_day = d;
    }

  first = format_day (sitroom_curve_get_day (curve, 0)->start);
  total_text = sitroom_format_count ((gint64) total);
  if (n_days == 1)
    /* Translators: the day, then the count of positives */
    return g_strdup_printf (_("New positives on %s: %s"), first, total_text);

  last = format_day (sitroom_curve_get_day (curve, n_days - 1)->start);
  peak = format_day (sitroom_curve_get_day (curve, most_day)->start);
  most_text = sitroom_format_count (sitroom_curve_get_day (curve, most_day)->positives);
  /* Translators: the first day, the last day, the count of positives
   * over them, the busiest day and its count */
  return g_strdup_printf (_("Daily new positives from %s to %s: %s in all, most on %s (%s)"),
                          first, last, total_text, peak, most_text);
}

static void
plot_drop_node (SitroomCurvePlot *self)
{
  g_assert (SITROOM_IS_CURVE_PLOT (self));

  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The day under the pointer, or -1. */
static int
plot_pointed_day (SitroomCurvePlot *self)
{
  g_assert (SITROOM_IS_CURVE_PLOT (self));

  if (!self->pointer_inside || self->curve == NULL)
    return -1;
  return sitroom_curve_render_day_at (self->curve, &self->options,
                                      gtk_widget_get_width (GTK_WIDGET (self)),
                                      gtk_widget_get_height (GTK_WIDGET (self)),
                                      self->pointer_x, self->pointer_y);
}

static void
plot_update_hover (SitroomCurvePlot *self)
{
  int day = plot_pointed_day (self);

  if (day == self->options.hover_day)
    return;
  self->options.hover_day = day;
  plot_drop_node (self);
}

static void
plot_set_data (SitroomCurvePlot *self,
               SitroomView      *view,
               SitroomCurve     *curve)
{
  g_autofree char *description = NULL;

  g_assert (SITROOM_IS_CURVE_PLOT (self));
  g_assert ((view == NULL) == (curve == NULL));

  g_set_object (&self->view, view);
  g_clear_pointer (&self->curve, sitroom_curve_free);
  self->curve = curve;

  /* A day index means another day in another curve. */
  self->options.hover_day = plot_pointed_day (self);

  description = describe_curve (curve);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  plot_drop_node (self);
}

static void
plot_style_cb (SitroomCurvePlot *self)
{
  SitroomStyle style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                       ? SITROOM_STYLE_DARK : SITROOM_STYLE_LIGHT;

  if (style == self->options.style)
    return;
  self->options.style = style;
  plot_drop_node (self);
}

static void
plot_pointer_cb (SitroomCurvePlot *self,
                 double            x,
                 double            y)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  plot_update_hover (self);
}

static void
plot_leave_cb (SitroomCurvePlot *self)
{
  self->pointer_inside = FALSE;
  plot_update_hover (self);
}

/* The type follows the widget's font: larger on a wall. The margins and
 * slots grow with it, and a drawing is made again only when it changed. */
static void
sitroom_curve_plot_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  SitroomCurvePlot *self = SITROOM_CURVE_PLOT (widget);
  double text_scale;

  GTK_WIDGET_CLASS (sitroom_curve_plot_parent_class)->css_changed (widget, change);

  text_scale = sitroom_format_text_scale (widget);
  if (text_scale == self->options.text_scale)
    return;
  self->options.text_scale = text_scale;
  self->options.hover_day = plot_pointed_day (self);
  plot_drop_node (self);
}

static void
sitroom_curve_plot_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SitroomCurvePlot *self = SITROOM_CURVE_PLOT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->curve == NULL || width <= 0 || height <= 0)
    return;

  if (self->node == NULL || self->node_width != width || self->node_height != height)
    {
      cairo_t *cr;

      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      cr = gsk_cairo_node_get_draw_context (self->node);
      sitroom_curve_render (self->curve, self->view, &self->options, cr, width, height);
      cairo_destroy (cr);
      self->node_width = width;
      self->node_height = height;
      self->n_draws++;
    }

  gtk_snapshot_append_node (snapshot, self->node);
}

static void
sitroom_curve_plot_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  /* The slots move under a still pointer. */
  plot_update_hover (SITROOM_CURVE_PLOT (widget));
}

static void
sitroom_curve_plot_dispose (GObject *object)
{
  SitroomCurvePlot *self = SITROOM_CURVE_PLOT (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->curve, sitroom_curve_free);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (sitroom_curve_plot_parent_class)->dispose (object);
}

static void
sitroom_curve_plot_class_init (SitroomCurvePlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_curve_plot_dispose;
  widget_class->snapshot = sitroom_curve_plot_snapshot;
  widget_class->size_allocate = sitroom_curve_plot_size_allocate;
  widget_class->css_changed = sitroom_curve_plot_css_changed;

  gtk_widget_class_set_css_name (widget_class, "sitroom-curve-plot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sitroom_curve_plot_init (SitroomCurvePlot *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->options = (SitroomCurveOptions) {
    .style = SITROOM_STYLE_LIGHT,
    .lang = "en",
    .hover_day = -1,
    .title = FALSE,
    .text_scale = 1.0,
  };
  plot_style_cb (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (plot_style_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (motion, "enter", G_CALLBACK (plot_pointer_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (plot_pointer_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (plot_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  /* Room for the legend, the axes and a few bars; the page gives more. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, 200);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  plot_set_data (self, NULL, NULL);
}

GtkWidget *
sitroom_curve_plot_new (void)
{
  return g_object_new (SITROOM_TYPE_CURVE_PLOT, NULL);
}

void
sitroom_curve_plot_set_data (SitroomCurvePlot *self,
                             SitroomView      *view,
                             SitroomCurve     *curve)
{
  g_return_if_fail (SITROOM_IS_CURVE_PLOT (self));
  g_return_if_fail (view == NULL || SITROOM_IS_VIEW (view));
  g_return_if_fail ((view == NULL) == (curve == NULL));

  plot_set_data (self, view, curve);
}

SitroomView *
sitroom_curve_plot_get_view (SitroomCurvePlot *self)
{
  g_return_val_if_fail (SITROOM_IS_CURVE_PLOT (self), NULL);

  return self->view;
}

void
sitroom_curve_plot_set_lang (SitroomCurvePlot *self,
                             const char       *lang)
{
  g_return_if_fail (SITROOM_IS_CURVE_PLOT (self));

  if (g_strcmp0 (self->options.lang, lang) == 0)
    return;
  /* The context's languages are static strings. */
  self->options.lang = lang;
  plot_drop_node (self);
}

guint
sitroom_curve_plot_get_n_draws (SitroomCurvePlot *self)
{
  g_return_val_if_fail (SITROOM_IS_CURVE_PLOT (self), 0);

  return self->n_draws;
}

double
sitroom_curve_plot_get_text_scale (SitroomCurvePlot *self)
{
  g_return_val_if_fail (SITROOM_IS_CURVE_PLOT (self), 1.0);

  return self->options.text_scale;
}
