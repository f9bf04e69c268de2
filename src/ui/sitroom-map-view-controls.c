/* The Map page's controls: the metric and chain choices, the zoom buttons, the tiles and the strip of problems. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-map-tiles.h"
#include "sitroom-map-view-private.h"

/* The strip over the map: what it cannot show as asked, and what it shows
 * instead. The application words its own refusal of a boundary file. */
void
_sitroom_map_view_update_problems (SitroomMapView *self)
{
  const char *boundaries_error = NULL;
  g_autofree char *tiles_text = NULL;

  if (self->application != NULL)
    boundaries_error = sitroom_application_get_boundaries_error (self->application);
  if (self->tiles_error != NULL)
    /* Translators: %s says why the tiles cannot be drawn. */
    tiles_text = g_strdup_printf (_("Map tiles unavailable: %s; the map is drawn without them"),
                                  self->tiles_error);

  gtk_label_set_label (self->boundaries_error_label, boundaries_error);
  gtk_widget_set_visible (GTK_WIDGET (self->boundaries_error_label), boundaries_error != NULL);
  gtk_label_set_label (self->tiles_error_label, tiles_text);
  gtk_widget_set_visible (GTK_WIDGET (self->tiles_error_label), tiles_text != NULL);
  gtk_revealer_set_reveal_child (self->problem_revealer, boundaries_error != NULL || tiles_text != NULL);
}

/* Tiles under our layer when the settings ask for them; without them, or
 * when they cannot be had, the map is complete all the same. */
void
_sitroom_map_view_rebuild_tiles (SitroomMapView *self)
{
  g_autoptr(ShumateMapSource) source = NULL;
  g_autoptr(GError) error = NULL;
  SitroomTilesKind kind = SITROOM_TILES_NONE;

  if (self->tile_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->tile_layer));
      self->tile_layer = NULL;
    }
  g_clear_pointer (&self->tiles_error, g_free);
  g_clear_pointer (&self->attribution, g_free);

  if (self->settings != NULL)
    source = sitroom_map_tiles_new_source (self->settings, &kind, &error);
  if (error != NULL)
    self->tiles_error = g_strdup (error->message);

  if (source != NULL)
    {
      ShumateViewport *viewport = shumate_map_get_viewport (self->map);
      const char *licence = shumate_map_source_get_license (source);

      self->tile_layer = shumate_map_layer_new (source, viewport);
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->tile_layer),
                                       SHUMATE_LAYER (self->map_layer));
      if (licence != NULL && *licence != '\0')
        self->attribution = g_strdup (licence);
    }

  self->options.tiles = self->tile_layer != NULL;
  self->options.attribution = self->attribution;
  _sitroom_map_view_push_options (self);
  _sitroom_map_view_update_problems (self);
}

void
_sitroom_map_view_settings_changed (SitroomMapView *self,
                     const char     *key)
{
  if (g_str_equal (key, "tile-url") || g_str_equal (key, "tile-attribution") ||
      g_str_equal (key, "mbtiles-file"))
    _sitroom_map_view_rebuild_tiles (self);
  else if (g_str_equal (key, "tiles-gcj02"))
    {
      self->options.gcj02 = g_settings_get_boolean (self->settings, key);
      _sitroom_map_view_push_options (self);
      _sitroom_map_view_place_markers (self);
    }
  else if (g_str_equal (key, "approval-number"))
    {
      g_free (self->approval_number);
      self->approval_number = g_settings_get_string (self->settings, key);
      self->options.approval_number = *self->approval_number != '\0' ? self->approval_number : NULL;
      _sitroom_map_view_push_options (self);
    }
}

static void
zoom_in_cb (SitroomMapView *self)
{
  shumate_map_zoom_in (self->map);
}

static void
zoom_out_cb (SitroomMapView *self)
{
  shumate_map_zoom_out (self->map);
}

static void
zoom_fit_cb (SitroomMapView *self)
{
  sitroom_map_view_fit (self);
}

static void
metric_selected_cb (SitroomMapView *self)
{
  guint selected = gtk_drop_down_get_selected (self->metric_dropdown);

  if (selected >= SITROOM_N_METRICS || selected == self->options.metric)
    return;

  self->options.metric = selected;
  _sitroom_map_view_push_options (self);
  _sitroom_map_view_update_labels (self);
}

static gboolean
metric_from_setting (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  SitroomMetric metric;

  if (!sitroom_metric_from_string (g_variant_get_string (variant, NULL), &metric))
    return FALSE;
  g_value_set_uint (value, metric);
  return TRUE;
}

static GVariant *
metric_to_setting (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint metric = g_value_get_uint (value);

  if (metric >= SITROOM_N_METRICS)
    return NULL;
  return g_variant_new_string (sitroom_metric_to_string (metric));
}

/* "No route", then each chain by its title, with its label when the title
 * does not already carry it. */
void
_sitroom_map_view_update_chain_choices (SitroomMapView *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint n = self->situation != NULL ? sitroom_situation_get_n_chains (self->situation) : 0;

  gtk_string_list_append (choices, _("No route"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *choice = sitroom_format_chain (self->situation, i, self->options.lang);

      gtk_string_list_append (choices, choice);
    }

  self->syncing_chain = TRUE;
  gtk_drop_down_set_model (self->chain_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->chain_dropdown, self->options.selected_chain + 1);
  self->syncing_chain = FALSE;
}

static void
chain_selected_cb (SitroomMapView *self)
{
  guint selected = gtk_drop_down_get_selected (self->chain_dropdown);

  if (self->syncing_chain || self->context == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  sitroom_context_set_selected_chain (self->context, (int) selected - 1);
}

/* Long chain titles would stretch the button: it ellipsizes, the list does not. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (choice));
}

static GtkListItemFactory *
choice_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  return factory;
}

void
_sitroom_map_view_bind_metric (SitroomMapView *self)
{
  g_assert (self->settings != NULL);

  g_settings_bind_with_mapping (self->settings, "map-metric",
                                self->metric_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                metric_from_setting, metric_to_setting, NULL, NULL);
}

void
_sitroom_map_view_class_init_controls (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_fit_cb);
}

void
_sitroom_map_view_init_controls (SitroomMapView *self)
{
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button_factory = choice_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = choice_factory (FALSE);

  for (SitroomMetric metric = 0; metric < SITROOM_N_METRICS; metric++)
    gtk_string_list_append (metrics, _sitroom_map_view_metric_name (metric));
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (metrics));
  gtk_drop_down_set_selected (self->metric_dropdown, self->options.metric);
  g_signal_connect_swapped (self->metric_dropdown, "notify::selected", G_CALLBACK (metric_selected_cb), self);

  gtk_drop_down_set_factory (self->chain_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->chain_dropdown, list_factory);
  _sitroom_map_view_update_chain_choices (self);
  g_signal_connect_swapped (self->chain_dropdown, "notify::selected", G_CALLBACK (chain_selected_cb), self);
}
