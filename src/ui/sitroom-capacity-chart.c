/* One prefecture's 14-day forecast of beds on screen, drawn by the shared capacity renderer with the day under the pointer or the keyboard. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-capacity-chart.h"
#include "sitroom-capacity-render.h"
#include "sitroom-capacity-row.h"
#include "sitroom-format.h"

struct _SitroomCapacityChart
{
  GtkWidget parent_instance;

  SitroomForecast *forecast;
  int region;
  SitroomCapacityOptions options;

  /* Where the pointer is: a new forecast or size shows the day then under
   * it without waiting for it to move. */
  gboolean pointer_inside;
  double pointer_x;
  double pointer_y;

  /* The last drawing and the size it was drawn at. */
  GskRenderNode *node;
  int node_width;
  int node_height;
  guint n_draws;
};

G_DEFINE_FINAL_TYPE (SitroomCapacityChart, sitroom_capacity_chart, GTK_TYPE_WIDGET)

static const SitroomPrefectureForecast *
chart_prefecture (SitroomCapacityChart *self)
{
  g_assert (SITROOM_IS_CAPACITY_CHART (self));

  return self->forecast != NULL ? sitroom_forecast_lookup (self->forecast, self->region) : NULL;
}

/* Whether two forecasts draw the same chart of a prefecture. */
static gboolean
same_prefecture (const SitroomPrefectureForecast *a,
                 const SitroomPrefectureForecast *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (a->region != b->region || a->capacity != b->capacity || a->occupied != b->occupied ||
      a->arrivals != b->arrivals || a->arrivals_set != b->arrivals_set ||
      a->cohort_people != b->cohort_people || a->assumed_people != b->assumed_people ||
      a->full_on != b->full_on)
    return FALSE;

  for (guint i = 0; i < SITROOM_FORECAST_DAYS; i++)
    if (a->days[i].day != b->days[i].day || a->days[i].occupied != b->days[i].occupied ||
        a->days[i].capacity != b->days[i].capacity)
      return FALSE;

  return TRUE;
}

/* "25 Aug: 612 people expected in 600 beds". */
static char *
describe_day (const SitroomPrefectureForecast *prefecture,
              int                              day,
              const char                      *lang)
{
  const SitroomForecastDay *d = &prefecture->days[day];
  g_autofree char *date = sitroom_capacity_row_format_day (d->day, lang);
  g_autofree char *occupied = sitroom_format_count (d->occupied);
  g_autofree char *capacity = sitroom_format_count (d->capacity);

  if (d->occupied >= d->capacity && d->occupied > 0)
    /* Translators: a day, people expected, beds */
    return g_strdup_printf (_("%s: %s people expected in %s beds, no free bed"), date, occupied, capacity);
  /* Translators: a day, people expected, beds */
  return g_strdup_printf (_("%s: %s people expected in %s beds"), date, occupied, capacity);
}

/* What a screen reader says of the chart: when the beds run out, which is
 * what a glance at it tells, and the day the keyboard marks. */
static void
update_accessible (SitroomCapacityChart *self)
{
  const SitroomPrefectureForecast *prefecture = chart_prefecture (self);
  const char *lang = self->options.lang;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *peak = NULL;
  gint64 most = 0;

  if (prefecture == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Forecast of beds: no forecast"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                      -1);
      return;
    }

  /* Translators: a prefecture's name */
  label = g_strdup_printf (_("Forecast of quarantine beds in %s"),
                           sitroom_format_region (sitroom_view_get_situation (sitroom_forecast_get_view (self->forecast)),
                                                  prefecture->region, lang));
  capacity = sitroom_format_count (prefecture->capacity);
  if (prefecture->full_on >= 0)
    {
      g_autofree char *date = sitroom_capacity_row_format_day (prefecture->days[prefecture->full_on].day, lang);

      /* Translators: a day, then the beds */
      description = g_strdup_printf (_("Beds run out on %s (%s beds)"), date, capacity);
    }
  else
    {
      for (guint i = 0; i < SITROOM_FORECAST_DAYS; i++)
        most = MAX (most, prefecture->days[i].occupied);
      peak = sitroom_format_count (most);
      /* Translators: people, then beds */
      description = g_strdup_printf (_("Beds last the 14 days: at most %s people expected in %s beds"), peak, capacity);
    }

  if (self->options.hover_day >= 0)
    {
      g_autofree char *day = describe_day (prefecture, self->options.hover_day, lang);
      char *both = g_strdup_printf ("%s. %s", description, day);

      g_free (description);
      description = both;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
chart_drop_node (SitroomCapacityChart *self)
{
  g_assert (SITROOM_IS_CAPACITY_CHART (self));

  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chart_set_hover_day (SitroomCapacityChart *self,
                     int                   day)
{
  g_assert (SITROOM_IS_CAPACITY_CHART (self));

  if (day == self->options.hover_day)
    return;
  self->options.hover_day = day;
  update_accessible (self);
  chart_drop_node (self);
}

/* The day under the pointer, or -1. */
static int
chart_pointed_day (SitroomCapacityChart *self)
{
  g_assert (SITROOM_IS_CAPACITY_CHART (self));

  if (!self->pointer_inside || chart_prefecture (self) == NULL)
    return -1;
  return sitroom_capacity_render_forecast_day_at (&self->options,
                                                  gtk_widget_get_width (GTK_WIDGET (self)),
                                                  gtk_widget_get_height (GTK_WIDGET (self)),
                                                  self->pointer_x, self->pointer_y);
}

static void
chart_style_cb (SitroomCapacityChart *self)
{
  SitroomStyle style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                       ? SITROOM_STYLE_DARK : SITROOM_STYLE_LIGHT;

  if (style == self->options.style)
    return;
  self->options.style = style;
  chart_drop_node (self);
}

static void
chart_pointer_cb (SitroomCapacityChart *self,
                  double                x,
                  double                y)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  chart_set_hover_day (self, chart_pointed_day (self));
}

static void
chart_leave_cb (SitroomCapacityChart *self)
{
  self->pointer_inside = FALSE;
  chart_set_hover_day (self, -1);
}

static gboolean
chart_key_cb (SitroomCapacityChart  *self,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  int day = self->options.hover_day;
  int last = SITROOM_FORECAST_DAYS - 1;

  if (chart_prefecture (self) == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      day = day < 0 ? 0 : MIN (day + 1, last);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      day = day < 0 ? last : MAX (day - 1, 0);
      break;
    case GDK_KEY_Home:
      day = 0;
      break;
    case GDK_KEY_End:
      day = last;
      break;
    case GDK_KEY_Escape:
      if (day < 0)
        return FALSE;
      day = -1;
      break;
    default:
      return FALSE;
    }

  chart_set_hover_day (self, day);
  return TRUE;
}

static gboolean
chart_query_tooltip_cb (SitroomCapacityChart *self,
                        int                   x,
                        int                   y,
                        gboolean              keyboard_mode,
                        GtkTooltip           *tooltip)
{
  const SitroomPrefectureForecast *prefecture = chart_prefecture (self);
  g_autofree char *text = NULL;
  int day;

  if (prefecture == NULL)
    return FALSE;

  day = keyboard_mode
    ? self->options.hover_day
    : sitroom_capacity_render_forecast_day_at (&self->options,
                                               gtk_widget_get_width (GTK_WIDGET (self)),
                                               gtk_widget_get_height (GTK_WIDGET (self)),
                                               x, y);
  if (day < 0)
    return FALSE;

  text = describe_day (prefecture, day, self->options.lang);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The type follows the widget's font: larger on a wall. The axes and the
 * days make room for it, and a drawing is made again only when it changed. */
static void
sitroom_capacity_chart_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  SitroomCapacityChart *self = SITROOM_CAPACITY_CHART (widget);
  double text_scale;

  GTK_WIDGET_CLASS (sitroom_capacity_chart_parent_class)->css_changed (widget, change);

  text_scale = sitroom_format_text_scale (widget);
  if (text_scale == self->options.text_scale)
    return;
  self->options.text_scale = text_scale;
  chart_drop_node (self);
  /* The days move under a still pointer. */
  if (self->pointer_inside)
    chart_set_hover_day (self, chart_pointed_day (self));
}

static void
sitroom_capacity_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  SitroomCapacityChart *self = SITROOM_CAPACITY_CHART (widget);
  const SitroomPrefectureForecast *prefecture = chart_prefecture (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (prefecture == NULL || width <= 0 || height <= 0)
    return;

  if (self->node == NULL || self->node_width != width || self->node_height != height)
    {
      cairo_t *cr;

      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      cr = gsk_cairo_node_get_draw_context (self->node);
      sitroom_capacity_render_forecast (self->forecast, prefecture, &self->options, cr, width, height);
      cairo_destroy (cr);
      self->node_width = width;
      self->node_height = height;
      self->n_draws++;
    }

  gtk_snapshot_append_node (snapshot, self->node);
}

static void
sitroom_capacity_chart_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  SitroomCapacityChart *self = SITROOM_CAPACITY_CHART (widget);

  /* The days move under a still pointer. */
  if (self->pointer_inside)
    chart_set_hover_day (self, chart_pointed_day (self));
}

static void
sitroom_capacity_chart_dispose (GObject *object)
{
  SitroomCapacityChart *self = SITROOM_CAPACITY_CHART (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_object (&self->forecast);

  G_OBJECT_CLASS (sitroom_capacity_chart_parent_class)->dispose (object);
}

static void
sitroom_capacity_chart_class_init (SitroomCapacityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_capacity_chart_dispose;
  widget_class->snapshot = sitroom_capacity_chart_snapshot;
  widget_class->size_allocate = sitroom_capacity_chart_size_allocate;
  widget_class->css_changed = sitroom_capacity_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "sitroom-capacity-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sitroom_capacity_chart_init (SitroomCapacityChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->region = -1;
  self->options = (SitroomCapacityOptions) {
    .style = SITROOM_STYLE_LIGHT,
    .lang = "en",
    .hover_day = -1,
    .title = FALSE,
    .text_scale = 1.0,
  };
  chart_style_cb (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (chart_style_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (motion, "enter", G_CALLBACK (chart_pointer_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (chart_pointer_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (chart_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (chart_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (chart_query_tooltip_cb), NULL);

  /* Room for the axes and fourteen days; the page gives more. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, 200);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
sitroom_capacity_chart_new (void)
{
  return g_object_new (SITROOM_TYPE_CAPACITY_CHART, NULL);
}

void
sitroom_capacity_chart_set_forecast (SitroomCapacityChart *self,
                                     SitroomForecast      *forecast,
                                     int                   region)
{
  const SitroomPrefectureForecast *before;
  gboolean same;

  g_return_if_fail (SITROOM_IS_CAPACITY_CHART (self));
  g_return_if_fail (forecast == NULL || SITROOM_IS_FORECAST (forecast));

  before = chart_prefecture (self);
  /* The same figures of another document may read otherwise: the
   * illustrative mark is the document's. */
  same = self->region == region && self->forecast != NULL && forecast != NULL &&
         sitroom_view_get_situation (sitroom_forecast_get_view (self->forecast)) ==
           sitroom_view_get_situation (sitroom_forecast_get_view (forecast)) &&
         same_prefecture (before, sitroom_forecast_lookup (forecast, region));

  if (forecast != NULL)
    g_object_ref (forecast);
  g_clear_object (&self->forecast);
  self->forecast = forecast;
  self->region = region;
  if (same)
    return;

  /* A day index means another day in another forecast. */
  self->options.hover_day = chart_pointed_day (self);
  update_accessible (self);
  chart_drop_node (self);
}

SitroomForecast *
sitroom_capacity_chart_get_forecast (SitroomCapacityChart *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_CHART (self), NULL);

  return self->forecast;
}

int
sitroom_capacity_chart_get_region (SitroomCapacityChart *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_CHART (self), -1);

  return self->region;
}

void
sitroom_capacity_chart_set_lang (SitroomCapacityChart *self,
                                 const char           *lang)
{
  g_return_if_fail (SITROOM_IS_CAPACITY_CHART (self));
  g_return_if_fail (lang != NULL);

  if (g_strcmp0 (self->options.lang, lang) == 0)
    return;
  /* The context's languages are static strings. */
  self->options.lang = lang;
  update_accessible (self);
  chart_drop_node (self);
}

int
sitroom_capacity_chart_get_hover_day (SitroomCapacityChart *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_CHART (self), -1);

  return self->options.hover_day;
}

guint
sitroom_capacity_chart_get_n_draws (SitroomCapacityChart *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_CHART (self), 0);

  return self->n_draws;
}

double
sitroom_capacity_chart_get_text_scale (SitroomCapacityChart *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_CHART (self), 1.0);

  return self->options.text_scale;
}
