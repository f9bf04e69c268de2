/* The measures on a time axis: a widget drawing the shared measures renderer, with the measure under the pointer told and a click passed on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sitroom-format.h"
#include "sitroom-measures-chart.h"

/* Room for the label column and a day or two of spans. */
#define MIN_WIDTH 420
#define NATURAL_WIDTH 900

struct _SitroomMeasuresChart
{
  GtkWidget parent_instance;

  SitroomMeasuresRenderer *renderer;
  SitroomMeasuresRenderOptions options;
  SitroomView *view;
  GArray *measures;             /* int: what the renderer was given */
  gint64 start;                 /* the window of time: the renderer's extent */
  gint64 end;

  /* The chart and the outlines over it, each with what it was drawn at. */
  GskRenderNode *chart_node;
  int chart_width;
  int chart_height;
  GskRenderNode *highlight_node;
  gboolean highlight_built;
  guint n_draws;
};

G_DEFINE_FINAL_TYPE (SitroomMeasuresChart, sitroom_measures_chart, GTK_TYPE_WIDGET)

enum {
  MEASURE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
drop_highlight (SitroomMeasuresChart *self)
{
  g_clear_pointer (&self->highlight_node, gsk_render_node_unref);
  self->highlight_built = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Everything is to be drawn again: new data, words or colours. */
static void
drop_nodes (SitroomMeasuresChart *self)
{
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  drop_highlight (self);
}

static void
push_options (SitroomMeasuresChart *self)
{
  sitroom_measures_renderer_set_options (self->renderer, &self->options);
}

static void
style_changed_cb (SitroomMeasuresChart *self)
{
  SitroomStyle style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                       ? SITROOM_STYLE_DARK : SITROOM_STYLE_LIGHT;

  if (style == self->options.style)
    return;
  self->options.style = style;
  push_options (self);
  drop_nodes (self);
}

static void
update_accessible (SitroomMeasuresChart *self)
{
  guint n_rows = sitroom_measures_renderer_get_n_rows (self->renderer);
  g_autofree char *measures = g_strdup_printf (ngettext ("%u measure", "%u measures", self->measures->len),
                                               self->measures->len);
  g_autofree char *label = NULL;

  /* Translators: the measures chart for a screen reader; the first %s is
   * "3 measures", the %u how many regions they are in. */
  label = g_strdup_printf (ngettext ("Measures on a time axis: %s in %u region",
                                     "Measures on a time axis: %s in %u regions", n_rows),
                           measures, n_rows);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
sitroom_measures_chart_get_viewport (SitroomMeasuresChart    *self,
                                     SitroomMeasuresViewport *viewport)
{
  g_return_if_fail (SITROOM_IS_MEASURES_CHART (self));
  g_return_if_fail (viewport != NULL);

  *viewport = (SitroomMeasuresViewport) {
    .start = self->start,
    .end = self->end,
    .width = gtk_widget_get_width (GTK_WIDGET (self)),
    .height = gtk_widget_get_height (GTK_WIDGET (self)),
  };
}

static int
measure_at (SitroomMeasuresChart *self,
            double                x,
            double                y)
{
  SitroomMeasuresViewport viewport;
  SitroomMeasuresHit hit;

  if (self->view == NULL)
    return -1;
  sitroom_measures_chart_get_viewport (self, &viewport);
  sitroom_measures_renderer_hit (self->renderer, &viewport, x, y, &hit);
  return hit.measure;
}

static void
set_hover (SitroomMeasuresChart *self,
           int                   measure)
{
  if (measure == self->options.hover_measure)
    return;
  self->options.hover_measure = measure;
  push_options (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), measure >= 0 ? "pointer" : NULL);
  drop_highlight (self);
}

void
sitroom_measures_chart_hover (SitroomMeasuresChart *self,
                              double                x,
                              double                y)
{
  g_return_if_fail (SITROOM_IS_MEASURES_CHART (self));

  set_hover (self, measure_at (self, x, y));
}

static void
leave_cb (SitroomMeasuresChart *self)
{
  set_hover (self, -1);
}

void
sitroom_measures_chart_click (SitroomMeasuresChart *self,
                              double                x,
                              double                y)
{
  int measure;

  g_return_if_fail (SITROOM_IS_MEASURES_CHART (self));

  measure = measure_at (self, x, y);
  if (measure >= 0)
    g_signal_emit (self, signals[MEASURE_ACTIVATED], 0, measure);
}

static void
released_cb (SitroomMeasuresChart *self,
             int                   n_press,
             double                x,
             double                y)
{
  sitroom_measures_chart_click (self, x, y);
}

/* "Static management · Yu County", when, and the measure's own words. */
char *
sitroom_measures_chart_describe_at (SitroomMeasuresChart *self,
                                    double                x,
                                    double                y)
{
  SitroomSituation *situation;
  const SitroomMeasure *m;
  const char *lang = self->options.lang;
  const char *text;
  g_autofree char *period = NULL;
  GString *tip;
  int measure;

  g_return_val_if_fail (SITROOM_IS_MEASURES_CHART (self), NULL);

  if ((measure = measure_at (self, x, y)) < 0)
    return NULL;
  situation = sitroom_view_get_situation (self->view);
  m = sitroom_situation_get_measure (situation, measure);
  period = sitroom_format_measure_period (m, lang);
  tip = g_string_new (NULL);
  /* Translators: a measure's kind, then the region it applies to. */
  g_string_append_printf (tip, _("%s · %s"), sitroom_format_measure_kind (m->kind),
                          sitroom_format_region (situation, m->region, lang));
  g_string_append_printf (tip, "\n%s", period);
  if ((text = sitroom_text_get (&m->text, lang)) != NULL)
    g_string_append_printf (tip, "\n%s", text);
  return g_string_free (tip, FALSE);
}

static gboolean
sitroom_measures_chart_query_tooltip (GtkWidget  *widget,
                                      int         x,
                                      int         y,
                                      gboolean    keyboard_mode,
                                      GtkTooltip *tooltip)
{
  g_autofree char *text = sitroom_measures_chart_describe_at (SITROOM_MEASURES_CHART (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The outlines in a node no larger than the spans they go round. */
static GskRenderNode *
highlight_node (SitroomMeasuresChart          *self,
                const SitroomMeasuresViewport *viewport)
{
  const int measures[2] = { self->options.hover_measure, self->options.selected_measure };
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  gboolean any = FALSE;
  cairo_t *cr;

  if (self->highlight_built)
    return self->highlight_node;
  self->highlight_built = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      double rect[4];
      graphene_rect_t span;

      if (measures[i] < 0 || !sitroom_measures_renderer_get_span (self->renderer, viewport, measures[i], rect))
        continue;
      graphene_rect_init (&span, floor (rect[0]) - 2, floor (rect[1]) - 2, ceil (rect[2]) + 4, ceil (rect[3]) + 4);
      if (any)
        graphene_rect_union (&bounds, &span, &bounds);
      else
        bounds = span;
      any = TRUE;
    }
  if (!any)
    return NULL;

  self->highlight_node = gsk_cairo_node_new (&bounds);
  cr = gsk_cairo_node_get_draw_context (self->highlight_node);
  sitroom_measures_renderer_draw_highlights (self->renderer, cr, viewport);
  cairo_destroy (cr);
  return self->highlight_node;
}

/* The type follows the widget's font: larger on a wall. The rows grow
 * with it, and a drawing is made again only when it changed. */
static void
sitroom_measures_chart_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  SitroomMeasuresChart *self = SITROOM_MEASURES_CHART (widget);
  double text_scale;
  double old_height;

  GTK_WIDGET_CLASS (sitroom_measures_chart_parent_class)->css_changed (widget, change);

  text_scale = sitroom_format_text_scale (widget);
  if (text_scale == self->options.text_scale)
    return;
  old_height = sitroom_measures_renderer_get_content_height (self->renderer);
  self->options.text_scale = text_scale;
  push_options (self);
  drop_nodes (self);
  if (sitroom_measures_renderer_get_content_height (self->renderer) != old_height)
    gtk_widget_queue_resize (widget);
}

static void
sitroom_measures_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  SitroomMeasuresChart *self = SITROOM_MEASURES_CHART (widget);
  SitroomMeasuresViewport viewport;
  GskRenderNode *highlights;

  sitroom_measures_chart_get_viewport (self, &viewport);
  if (self->view == NULL || viewport.width <= 0 || viewport.height <= 0)
    return;

  if (self->chart_node == NULL || self->chart_width != (int) viewport.width ||
      self->chart_height != (int) viewport.height)
    {
      cairo_t *cr;

      g_clear_pointer (&self->chart_node, gsk_render_node_unref);
      self->chart_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, viewport.width, viewport.height));
      cr = gsk_cairo_node_get_draw_context (self->chart_node);
      sitroom_measures_renderer_draw_chart (self->renderer, cr, &viewport);
      cairo_destroy (cr);
      self->chart_width = (int) viewport.width;
      self->chart_height = (int) viewport.height;
      self->n_draws++;
    }
  gtk_snapshot_append_node (snapshot, self->chart_node);
  if ((highlights = highlight_node (self, &viewport)) != NULL)
    gtk_snapshot_append_node (snapshot, highlights);
}

static void
sitroom_measures_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  SitroomMeasuresChart *self = SITROOM_MEASURES_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    *minimum = *natural = (int) ceil (sitroom_measures_renderer_get_content_height (self->renderer));
}

static void
sitroom_measures_chart_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  /* The spans move: the outlines with them. */
  drop_highlight (SITROOM_MEASURES_CHART (widget));
}

static void
sitroom_measures_chart_dispose (GObject *object)
{
  SitroomMeasuresChart *self = SITROOM_MEASURES_CHART (object);

  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  g_clear_pointer (&self->highlight_node, gsk_render_node_unref);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (sitroom_measures_chart_parent_class)->dispose (object);
}

static void
sitroom_measures_chart_finalize (GObject *object)
{
  SitroomMeasuresChart *self = SITROOM_MEASURES_CHART (object);

  g_clear_pointer (&self->renderer, sitroom_measures_renderer_free);
  g_array_unref (self->measures);

  G_OBJECT_CLASS (sitroom_measures_chart_parent_class)->finalize (object);
}

static void
sitroom_measures_chart_class_init (SitroomMeasuresChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_measures_chart_dispose;
  object_class->finalize = sitroom_measures_chart_finalize;
  widget_class->snapshot = sitroom_measures_chart_snapshot;
  widget_class->measure = sitroom_measures_chart_measure;
  widget_class->size_allocate = sitroom_measures_chart_size_allocate;
  widget_class->query_tooltip = sitroom_measures_chart_query_tooltip;
  widget_class->css_changed = sitroom_measures_chart_css_changed;

  signals[MEASURE_ACTIVATED] =
    g_signal_new ("measure-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "sitroom-measures-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sitroom_measures_chart_init (SitroomMeasuresChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->renderer = sitroom_measures_renderer_new ();
  self->measures = g_array_new (FALSE, FALSE, sizeof (int));
  self->options = (SitroomMeasuresRenderOptions) {
    .style = SITROOM_STYLE_LIGHT,
    .lang = "en",
    .hover_measure = -1,
    .selected_measure = -1,
    .text_scale = 1,
  };
  push_options (self);
  style_changed_cb (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (motion, "enter", G_CALLBACK (sitroom_measures_chart_hover), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (sitroom_measures_chart_hover), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
sitroom_measures_chart_new (void)
{
  return g_object_new (SITROOM_TYPE_MEASURES_CHART, NULL);
}

static gboolean
same_data (SitroomMeasuresChart *self,
           SitroomView          *view,
           const int            *measures,
           guint                 n_measures)
{
  if (view == NULL || self->view == NULL)
    return view == self->view;
  return sitroom_view_get_situation (view) == sitroom_view_get_situation (self->view) &&
         sitroom_view_get_cutoff (view) == sitroom_view_get_cutoff (self->view) &&
         n_measures == self->measures->len &&
         (n_measures == 0 || memcmp (measures, self->measures->data, n_measures * sizeof (int)) == 0);
}

void
sitroom_measures_chart_set_data (SitroomMeasuresChart *self,
                                 SitroomView          *view,
                                 const int            *measures,
                                 guint                 n_measures)
{
  double old_height;

  g_return_if_fail (SITROOM_IS_MEASURES_CHART (self));
  g_return_if_fail (view == NULL || SITROOM_IS_VIEW (view));
  g_return_if_fail (measures != NULL || n_measures == 0);

  if (same_data (self, view, measures, n_measures))
    return;

  old_height = sitroom_measures_renderer_get_content_height (self->renderer);
  g_set_object (&self->view, view);
  g_array_set_size (self->measures, 0);
  if (view != NULL)
    g_array_append_vals (self->measures, measures, n_measures);
  sitroom_measures_renderer_set_data (self->renderer, view, (const int *) self->measures->data, self->measures->len);
  sitroom_measures_renderer_get_extent (self->renderer, &self->start, &self->end);

  /* A measure index means another measure in another document. */
  self->options.hover_measure = -1;
  self->options.selected_measure = -1;
  push_options (self);
  update_accessible (self);
  drop_nodes (self);
  if (sitroom_measures_renderer_get_content_height (self->renderer) != old_height)
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sitroom_measures_chart_set_lang (SitroomMeasuresChart *self,
                                 const char           *lang)
{
  g_return_if_fail (SITROOM_IS_MEASURES_CHART (self));

  if (g_strcmp0 (self->options.lang, lang) == 0)
    return;
  /* The context's languages are static strings. */
  self->options.lang = lang;
  push_options (self);
  drop_nodes (self);
}

void
sitroom_measures_chart_set_selected_measure (SitroomMeasuresChart *self,
                                             int                   measure)
{
  g_return_if_fail (SITROOM_IS_MEASURES_CHART (self));

  if (measure == self->options.selected_measure)
    return;
  self->options.selected_measure = measure;
  push_options (self);
  drop_highlight (self);
}

int
sitroom_measures_chart_get_selected_measure (SitroomMeasuresChart *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURES_CHART (self), -1);

  return self->options.selected_measure;
}

guint
sitroom_measures_chart_get_n_draws (SitroomMeasuresChart *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURES_CHART (self), 0);

  return self->n_draws;
}

SitroomMeasuresRenderer *
sitroom_measures_chart_get_renderer (SitroomMeasuresChart *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURES_CHART (self), NULL);

  return self->renderer;
}

double
sitroom_measures_chart_get_text_scale (SitroomMeasuresChart *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURES_CHART (self), 1.0);

  return self->options.text_scale;
}
