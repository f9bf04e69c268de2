/* Helpers the Map page's tests share: a window on the built-in demo showing the map, waiting, finding. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-map-view.h"

#include "sitroom-geo.h"
#include "sitroom-test-widgets.h"

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
sitroom_test_map_view_find_type (GtkWidget *root,
                                 GType      type)
{
  GtkWidget *found = sitroom_test_find_widget (root, is_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

gboolean
sitroom_test_map_view_is_shown_label (GtkWidget     *widget,
                                      gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

void
sitroom_test_map_view_wait_for (SitroomTestMapView          *fixture,
                                SitroomTestMapViewCondition  done,
                                gconstpointer                data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the map");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
has_view (SitroomTestMapView *fixture, gconstpointer data)
{
  return sitroom_context_get_view (fixture->context) != NULL;
}

static gboolean
map_is_fitted (SitroomTestMapView *fixture, gconstpointer data)
{
  ShumateMap *map = sitroom_map_view_get_map (fixture->view);

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->layer)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->layer)) > 0 &&
         shumate_viewport_get_zoom_level (shumate_map_get_viewport (map)) >= 6;
}

void
sitroom_test_map_view_set_up (SitroomTestMapView *fixture,
                              gconstpointer       data)
{
  fixture->app = sitroom_application_new ();
  fixture->context = g_object_ref (sitroom_application_get_context (fixture->app));
  sitroom_context_set_lang (fixture->context, "en");

  fixture->window = g_object_ref_sink (sitroom_window_new (NULL, fixture->context));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->view = SITROOM_MAP_VIEW (sitroom_test_map_view_find_type (GTK_WIDGET (fixture->window),
                                                                     SITROOM_TYPE_MAP_VIEW));
  fixture->layer = sitroom_map_view_get_map_layer (fixture->view);

  sitroom_application_reload (fixture->app);
  sitroom_test_map_view_wait_for (fixture, has_view, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "map"));
  sitroom_test_map_view_wait_for (fixture, map_is_fitted, NULL);
}

void
sitroom_test_map_view_tear_down (SitroomTestMapView *fixture,
                                 gconstpointer       data)
{
  GSettings *settings = sitroom_application_get_settings (fixture->app);

  /* The memory backend lives as long as the process: the next test starts
   * from the defaults. */
  g_settings_reset (settings, "map-metric");
  g_settings_reset (settings, "boundaries-file");
  g_settings_reset (settings, "mbtiles-file");
  sitroom_feeder_stop (sitroom_application_get_feeder (fixture->app));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->app);
}

int
sitroom_test_map_view_region_of (SitroomTestMapView *fixture,
                                 const char         *code)
{
  int region = sitroom_situation_lookup_region (sitroom_context_get_situation (fixture->context), code);

  g_assert_cmpint (region, >=, 0);
  return region;
}

void
sitroom_test_map_view_point_on_layer (SitroomTestMapView *fixture,
                                      double              lon,
                                      double              lat,
                                      double             *x,
                                      double             *y)
{
  SitroomMapViewport viewport;
  double wx, wy;

  sitroom_map_layer_get_map_viewport (fixture->layer, &viewport);
  sitroom_geo_project (lon, lat, viewport.zoom, &wx, &wy);
  *x = wx - viewport.center_x + viewport.width / 2;
  *y = wy - viewport.center_y + viewport.height / 2;
}
