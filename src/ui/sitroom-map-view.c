/* The Map page: libshumate's map with the regions drawn over it, tiles as an option, the region panel beside it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "sitroom-format.h"
#include "sitroom-map-tiles.h"
#include "sitroom-map-view-private.h"

/* Shanxi fills a wall at about 8 and a laptop at about 6.5; a level either
 * side is room to look around, not to lose the province. */
#define MIN_ZOOM 5
#define MAX_ZOOM 11

G_DEFINE_FINAL_TYPE (SitroomMapView, sitroom_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_APPLICATION,
  PROP_CONTROLS_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_sitroom_map_view_push_options (SitroomMapView *self)
{
  sitroom_map_layer_set_options (self->map_layer, &self->options);
}

static void
update_panel (SitroomMapView *self)
{
  int selected = self->context != NULL ? sitroom_context_get_selected_prefecture (self->context) : -1;
  gboolean shown = selected >= 0 && self->view != NULL;

  if (shown)
    sitroom_region_panel_show_region (self->region_panel, self->view, selected, self->options.lang);
  gtk_revealer_set_reveal_child (self->panel_revealer, shown);
}

/* The whole province at the context's cutoff; rebuilt only when the
 * document or the cutoff changes, so that a new selection keeps the
 * renderer's classes and projected paths. */
static void
update_view (SitroomMapView *self)
{
  SitroomSituation *situation = self->context != NULL ? sitroom_context_get_situation (self->context) : NULL;
  gint64 cutoff = self->context != NULL ? sitroom_context_get_effective_cutoff (self->context) : SITROOM_TIME_NONE;
  gboolean new_document = situation != self->situation;

  if (!new_document && cutoff == self->cutoff)
    return;

  g_set_object (&self->situation, situation);
  self->cutoff = cutoff;
  g_clear_object (&self->view);
  if (situation != NULL)
    self->view = sitroom_view_new (situation, cutoff, -1, -1);

  sitroom_map_layer_set_data (self->map_layer, self->view, self->boundaries);
  if (new_document)
    _sitroom_map_view_rebuild_markers (self);
  _sitroom_map_view_update_labels (self);
  update_panel (self);
}

static void
set_boundaries (SitroomMapView    *self,
                SitroomBoundaries *boundaries)
{
  gboolean fitted;

  g_assert (SITROOM_IS_BOUNDARIES (boundaries));

  fitted = !self->fit_pending && _sitroom_map_view_still_fitted (self);
  if (!g_set_object (&self->boundaries, boundaries))
    return;

  sitroom_map_layer_set_data (self->map_layer, self->view, self->boundaries);
  _sitroom_map_view_place_markers (self);
  /* Other outlines may cover more or less: still showing the whole
   * province means showing the whole of the new one. */
  if (fitted)
    sitroom_map_view_fit (self);
}

static void
boundaries_changed_cb (SitroomMapView *self)
{
  g_assert (self->application != NULL);

  set_boundaries (self, sitroom_application_get_boundaries (self->application));
  _sitroom_map_view_update_problems (self);
}

static void
style_changed_cb (SitroomMapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->options.style = adw_style_manager_get_dark (manager) ? SITROOM_STYLE_DARK : SITROOM_STYLE_LIGHT;
  _sitroom_map_view_push_options (self);
}

static gboolean
fit_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  SitroomMapView *self = SITROOM_MAP_VIEW (widget);

  self->fit_tick = 0;
  sitroom_map_view_fit (self);
  return G_SOURCE_REMOVE;
}

static void
context_view_cb (SitroomMapView *self)
{
  gboolean new_document = self->context != NULL && sitroom_context_get_situation (self->context) != self->situation;

  update_view (self);
  if (new_document)
    _sitroom_map_view_update_chain_choices (self);
}

static void
context_lang_cb (SitroomMapView *self)
{
  self->options.lang = sitroom_context_get_lang (self->context);
  _sitroom_map_view_push_options (self);
  _sitroom_map_view_update_labels (self);
  _sitroom_map_view_update_chain_choices (self);
  update_panel (self);
}

static void
context_prefecture_cb (SitroomMapView *self)
{
  self->options.selected_region = sitroom_context_get_selected_prefecture (self->context);
  _sitroom_map_view_push_options (self);
  update_panel (self);
}

static void
context_chain_cb (SitroomMapView *self)
{
  self->options.selected_chain = sitroom_context_get_selected_chain (self->context);
  _sitroom_map_view_push_options (self);

  self->syncing_chain = TRUE;
  gtk_drop_down_set_selected (self->chain_dropdown, self->options.selected_chain + 1);
  self->syncing_chain = FALSE;
}

/* The names, figures and legend follow the page's font: larger on a wall.
 * The layer draws again only when the size changed. */
static void
sitroom_map_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  SitroomMapView *self = SITROOM_MAP_VIEW (widget);
  double text_scale;

  GTK_WIDGET_CLASS (sitroom_map_view_parent_class)->css_changed (widget, change);

  /* After dispose there is no layer to draw. */
  if (self->map == NULL)
    return;
  text_scale = sitroom_format_text_scale (widget);
  if (text_scale == self->options.text_scale)
    return;
  self->options.text_scale = text_scale;
  _sitroom_map_view_push_options (self);
}

/* The map never turns: its names, legend and arrows are set for north up. */
static void
rotation_cb (ShumateViewport *viewport)
{
  if (shumate_viewport_get_rotation (viewport) != 0)
    shumate_viewport_set_rotation (viewport, 0);
}

static void
sitroom_map_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (SITROOM_MAP_VIEW (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* A new size of the page fits the province again, unless someone has moved
 * the map since; the panel opening does not, so that what was just clicked
 * stays under the pointer. */
static void
sitroom_map_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SitroomMapView *self = SITROOM_MAP_VIEW (widget);
  gboolean resized = width != self->width || height != self->height;
  int old_map_width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int map_width;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  map_width = gtk_widget_get_width (GTK_WIDGET (self->map));
  self->width = width;
  self->height = height;

  if (!resized && !self->fit_pending && old_map_width > 0 && map_width != old_map_width)
    {
      _sitroom_map_view_keep_left_edge (self, old_map_width, map_width);
      /* The layers place themselves by the viewport: again, with the new one. */
      gtk_widget_allocate (self->box, width, height, baseline, NULL);
    }
  else if (self->fit_tick == 0 && width > 0 && height > 0 &&
           (self->fit_pending || (resized && _sitroom_map_view_still_fitted (self))))
    /* The viewport moves on the next frame: moving it now would ask for a
     * new layout in the middle of this one. */
    self->fit_tick = gtk_widget_add_tick_callback (widget, fit_tick_cb, NULL, NULL);
}

static void
sitroom_map_view_dispose (GObject *object)
{
  SitroomMapView *self = SITROOM_MAP_VIEW (object);

  if (self->fit_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick);
      self->fit_tick = 0;
    }
  sitroom_map_view_set_context (self, NULL);
  sitroom_map_view_set_application (self, NULL);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_MAP_VIEW);
  self->tile_layer = NULL;
  g_clear_object (&self->view);
  g_clear_object (&self->situation);
  g_clear_object (&self->boundaries);

  G_OBJECT_CLASS (sitroom_map_view_parent_class)->dispose (object);
}

static void
sitroom_map_view_finalize (GObject *object)
{
  SitroomMapView *self = SITROOM_MAP_VIEW (object);

  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->approval_number, g_free);
  g_clear_pointer (&self->attribution, g_free);
  g_clear_pointer (&self->tiles_error, g_free);

  G_OBJECT_CLASS (sitroom_map_view_parent_class)->finalize (object);
}

static void
sitroom_map_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SitroomMapView *self = SITROOM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    case PROP_CONTROLS_VISIBLE:
      g_value_set_boolean (value, sitroom_map_view_get_controls_visible (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_map_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SitroomMapView *self = SITROOM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_map_view_set_context (self, g_value_get_object (value));
      break;
    case PROP_APPLICATION:
      sitroom_map_view_set_application (self, g_value_get_object (value));
      break;
    case PROP_CONTROLS_VISIBLE:
      sitroom_map_view_set_controls_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_map_view_class_init (SitroomMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_map_view_dispose;
  object_class->finalize = sitroom_map_view_finalize;
  object_class->get_property = sitroom_map_view_get_property;
  object_class->set_property = sitroom_map_view_set_property;
  widget_class->measure = sitroom_map_view_measure;
  widget_class->size_allocate = sitroom_map_view_size_allocate;
  widget_class->css_changed = sitroom_map_view_css_changed;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         SITROOM_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTROLS_VISIBLE] =
    g_param_spec_boolean ("controls-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SITROOM_TYPE_REGION_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, box);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, boundaries_error_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, tiles_error_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, map);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, controls_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, chain_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, SitroomMapView, region_panel);
  _sitroom_map_view_class_init_controls (widget_class);

  gtk_widget_class_set_css_name (widget_class, "sitroom-map-view");
}

static void
sitroom_map_view_init (SitroomMapView *self)
{
  g_autoptr(ShumateMapSource) reference = sitroom_map_tiles_new_reference ();
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->markers = g_ptr_array_new ();
  self->cutoff = SITROOM_TIME_NONE;
  self->fit_pending = TRUE;
  self->boundaries = g_object_ref (sitroom_boundaries_get_builtin ());
  self->options = (SitroomMapOptions) {
    .metric = SITROOM_METRIC_POSITIVES,
    .style = adw_style_manager_get_dark (style_manager) ? SITROOM_STYLE_DARK : SITROOM_STYLE_LIGHT,
    .lang = "en",
    .selected_region = -1,
    .hover_region = -1,
    .selected_chain = -1,
    .text_scale = 1.0,
  };

  viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_reference_map_source (viewport, reference);
  shumate_viewport_set_min_zoom_level (viewport, MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (viewport, MAX_ZOOM);
  g_signal_connect (viewport, "notify::rotation", G_CALLBACK (rotation_cb), NULL);

  self->map_layer = sitroom_map_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->map_layer));
  self->marker_layer = shumate_marker_layer_new_full (viewport, GTK_SELECTION_NONE);
  /* The pointer goes through the markers to the map layer beneath. */
  gtk_widget_set_can_target (GTK_WIDGET (self->marker_layer), FALSE);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->marker_layer));
  _sitroom_map_view_push_options (self);

  _sitroom_map_view_init_input (self);
  g_signal_connect_swapped (style_manager, "notify::dark", G_CALLBACK (style_changed_cb), self);

  _sitroom_map_view_init_controls (self);
  _sitroom_map_view_update_labels (self);
}

SitroomContext *
sitroom_map_view_get_context (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->context;
}

void
sitroom_map_view_set_context (SitroomMapView *self,
                              SitroomContext *context)
{
  g_return_if_fail (SITROOM_IS_MAP_VIEW (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "view", G_CALLBACK (context_view_cb),
                               "lang", G_CALLBACK (context_lang_cb),
                               "selected-prefecture", G_CALLBACK (context_prefecture_cb),
                               "selected-chain", G_CALLBACK (context_chain_cb),
                               NULL))
    return;

  sitroom_region_panel_set_context (self->region_panel, context);

  if (context != NULL)
    {
      self->options.lang = sitroom_context_get_lang (context);
      self->options.selected_region = sitroom_context_get_selected_prefecture (context);
      self->options.selected_chain = sitroom_context_get_selected_chain (context);
    }
  else
    {
      self->options.selected_region = -1;
      self->options.selected_chain = -1;
    }

  _sitroom_map_view_push_options (self);
  context_view_cb (self);
  _sitroom_map_view_update_chain_choices (self);
  update_panel (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

SitroomApplication *
sitroom_map_view_get_application (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->application;
}

void
sitroom_map_view_set_application (SitroomMapView     *self,
                                  SitroomApplication *application)
{
  g_return_if_fail (SITROOM_IS_MAP_VIEW (self));
  g_return_if_fail (application == NULL || SITROOM_IS_APPLICATION (application));

  if (self->application == application)
    return;

  if (self->settings != NULL)
    {
      g_settings_unbind (self->metric_dropdown, "selected");
      g_signal_handlers_disconnect_by_data (self->settings, self);
      g_clear_object (&self->settings);
    }
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_set_object (&self->application, application);

  if (application != NULL)
    {
      self->settings = g_object_ref (sitroom_application_get_settings (application));
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (_sitroom_map_view_settings_changed),
                               self, G_CONNECT_SWAPPED);
      _sitroom_map_view_bind_metric (self);
      _sitroom_map_view_settings_changed (self, "tiles-gcj02");
      _sitroom_map_view_settings_changed (self, "approval-number");

      g_signal_connect_object (application, "notify::boundaries",
                               G_CALLBACK (boundaries_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (application, "notify::boundaries-error",
                               G_CALLBACK (boundaries_changed_cb), self, G_CONNECT_SWAPPED);
      boundaries_changed_cb (self);
    }
  else
    set_boundaries (self, sitroom_boundaries_get_builtin ());

  _sitroom_map_view_rebuild_tiles (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}

gboolean
sitroom_map_view_get_controls_visible (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), TRUE);

  return gtk_widget_get_visible (self->controls_box);
}

void
sitroom_map_view_set_controls_visible (SitroomMapView *self,
                                       gboolean        visible)
{
  g_return_if_fail (SITROOM_IS_MAP_VIEW (self));

  visible = !!visible;
  if (gtk_widget_get_visible (self->controls_box) == visible)
    return;

  gtk_widget_set_visible (self->controls_box, visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLS_VISIBLE]);
}

double
sitroom_map_view_get_text_scale (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), 1.0);

  return self->options.text_scale;
}

ShumateMap *
sitroom_map_view_get_map (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->map;
}

SitroomMapLayer *
sitroom_map_view_get_map_layer (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->map_layer;
}

SitroomRegionPanel *
sitroom_map_view_get_region_panel (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->region_panel;
}

GtkRevealer *
sitroom_map_view_get_panel_revealer (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->panel_revealer;
}

GtkRevealer *
sitroom_map_view_get_problem_revealer (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->problem_revealer;
}

GtkDropDown *
sitroom_map_view_get_metric_dropdown (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->metric_dropdown;
}

GtkDropDown *
sitroom_map_view_get_chain_dropdown (SitroomMapView *self)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  return self->chain_dropdown;
}
