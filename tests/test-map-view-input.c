/* Tests of the Map page on the built-in demo: selecting by click and key, markers' labels, routes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-test-map-view.h"
#include "sitroom-test-widgets.h"

static gboolean
panel_shown (SitroomTestMapView *fixture, gconstpointer shown)
{
  return gtk_revealer_get_child_revealed (sitroom_map_view_get_panel_revealer (fixture->view)) == GPOINTER_TO_INT (shown);
}

static GtkWidget *
focus_widget (SitroomTestMapView *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
region_seat (SitroomTestMapView *fixture,
             const char         *code,
             double             *x,
             double             *y)
{
  const SitroomRegion *region = sitroom_situation_get_region (sitroom_context_get_situation (fixture->context),
                                                              sitroom_test_map_view_region_of (fixture, code));

  g_assert_true (region->has_center);
  sitroom_test_map_view_point_on_layer (fixture, region->lon, region->lat, x, y);
}

static void
test_map_click (SitroomTestMapView *fixture,
                gconstpointer       data)
{
  int jincheng = sitroom_test_map_view_region_of (fixture, "140500");
  GtkWidget *panel = GTK_WIDGET (sitroom_map_view_get_region_panel (fixture->view));
  double x, y, after_x, after_y;

  g_assert_false (gtk_revealer_get_reveal_child (sitroom_map_view_get_panel_revealer (fixture->view)));

  region_seat (fixture, "140500", &x, &y);
  sitroom_map_view_click_at (fixture->view, x, y, 1);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, jincheng);
  g_assert_true (focus_widget (fixture) == sitroom_map_view_get_marker (fixture->view, jincheng));

  sitroom_test_map_view_wait_for (fixture, panel_shown, GINT_TO_POINTER (TRUE));
  g_assert_nonnull (sitroom_test_find_widget (panel, sitroom_test_map_view_is_shown_label, "Jincheng"));

  /* The panel narrowed the map from the right; what was clicked stayed put. */
  region_seat (fixture, "140500", &after_x, &after_y);
  g_assert_cmpfloat (fabs (after_x - x), <, 1.5);
  g_assert_cmpfloat (fabs (after_y - y), <, 1.5);

  g_assert_nonnull (sitroom_test_find_widget (panel, sitroom_test_map_view_is_shown_label, "5"));
  g_assert_nonnull (sitroom_test_find_widget (panel, sitroom_test_map_view_is_shown_label,
                                              "Jincheng urban district site"));

  /* Outside the province: nothing selected, the panel goes. */
  sitroom_map_view_click_at (fixture->view, 2, 2, 1);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, -1);
  sitroom_test_map_view_wait_for (fixture, panel_shown, GINT_TO_POINTER (FALSE));
}

static gboolean
zoomed_in (SitroomTestMapView *fixture, gconstpointer fitted_zoom)
{
  ShumateViewport *viewport = shumate_map_get_viewport (sitroom_map_view_get_map (fixture->view));

  return shumate_viewport_get_zoom_level (viewport) > *(const double *) fitted_zoom + 0.5 &&
         shumate_map_get_state (sitroom_map_view_get_map (fixture->view)) == SHUMATE_STATE_NONE;
}

static void
test_map_double_click (SitroomTestMapView *fixture,
                       gconstpointer       data)
{
  ShumateViewport *viewport = shumate_map_get_viewport (sitroom_map_view_get_map (fixture->view));
  const SitroomBoundary *boundary = sitroom_boundaries_lookup (sitroom_application_get_boundaries (fixture->app), "140500");
  double fitted_zoom = shumate_viewport_get_zoom_level (viewport);
  double x, y, lat, lon;

  region_seat (fixture, "140500", &x, &y);
  sitroom_map_view_click_at (fixture->view, x, y, 2);
  sitroom_test_map_view_wait_for (fixture, zoomed_in, &fitted_zoom);
  /* Let the animation end where it aims. */
  for (int i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  g_assert_cmpfloat (lon, >, boundary->min_lon);
  g_assert_cmpfloat (lon, <, boundary->max_lon);
  g_assert_cmpfloat (lat, >, boundary->min_lat);
  g_assert_cmpfloat (lat, <, boundary->max_lat);
}

static void
test_map_keys (SitroomTestMapView *fixture,
               gconstpointer       data)
{
  int jincheng = sitroom_test_map_view_region_of (fixture, "140500");
  int changzhi = sitroom_test_map_view_region_of (fixture, "140400");
  int linfen = sitroom_test_map_view_region_of (fixture, "141000");

  sitroom_context_set_selected_prefecture (fixture->context, jincheng);

  /* North of Jincheng is Changzhi; west of Changzhi, Linfen. */
  g_assert_true (sitroom_map_view_key_pressed (fixture->view, GDK_KEY_Up));
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, changzhi);
  g_assert_true (focus_widget (fixture) == sitroom_map_view_get_marker (fixture->view, changzhi));
  g_assert_true (sitroom_map_view_key_pressed (fixture->view, GDK_KEY_Left));
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, linfen);
  g_assert_true (sitroom_map_view_key_pressed (fixture->view, GDK_KEY_Right));
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, changzhi);
  g_assert_true (sitroom_map_view_key_pressed (fixture->view, GDK_KEY_Down));
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, jincheng);

  /* Nothing lies south of Jincheng's seat but Yuncheng, to the west. */
  g_assert_true (sitroom_map_view_key_pressed (fixture->view, GDK_KEY_Down));
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==,
                   sitroom_test_map_view_region_of (fixture, "140800"));

  g_assert_true (sitroom_map_view_key_pressed (fixture->view, GDK_KEY_Escape));
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, -1);
  g_assert_false (sitroom_map_view_key_pressed (fixture->view, GDK_KEY_Escape));
  g_assert_false (sitroom_map_view_key_pressed (fixture->view, GDK_KEY_a));
}

static void
test_map_markers (SitroomTestMapView *fixture,
                  gconstpointer       data)
{
  SitroomSituation *situation = sitroom_context_get_situation (fixture->context);
  SitroomView *view = sitroom_context_get_view (fixture->context);
  guint n = sitroom_view_get_n_prefectures (view);

  g_assert_cmpuint (n, ==, 11);
  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *figures = sitroom_view_get_prefecture (view, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, figures->region);
      GtkWidget *marker = sitroom_map_view_get_marker (fixture->view, figures->region);
      g_autofree char *expected = g_strdup_printf ("%s: %u %s", region->name.en, figures->counts.positives,
                                                   figures->counts.positives == 1 ? "positive" : "positives");

      g_assert_nonnull (marker);
      g_assert_true (gtk_widget_get_focusable (marker));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
    }

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sitroom_map_view_get_map (fixture->view)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Map of Shanxi’s prefectures coloured by nucleic-acid positives. "
                                       "The arrow keys move between prefectures.");
}

static void
test_map_chain (SitroomTestMapView *fixture,
                gconstpointer       data)
{
  GtkDropDown *dropdown = sitroom_map_view_get_chain_dropdown (fixture->view);
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  /* "No route" and the demo's four chains. */
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 5);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, 0);

  sitroom_context_set_selected_chain (fixture->context, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);

  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, -1);
}

static void
test_map_panel_chain (SitroomTestMapView *fixture,
                      gconstpointer       data)
{
  GtkWidget *panel = GTK_WIDGET (sitroom_map_view_get_region_panel (fixture->view));
  int chain = sitroom_situation_lookup_chain (sitroom_context_get_situation (fixture->context), "0817-z22");
  GtkWidget *list;
  GtkListBoxRow *row;

  sitroom_context_set_selected_prefecture (fixture->context, sitroom_test_map_view_region_of (fixture, "140500"));
  sitroom_test_map_view_wait_for (fixture, panel_shown, GINT_TO_POINTER (TRUE));

  /* The Z22 train's chain reaches Jincheng; its row selects it. */
  list = sitroom_test_map_view_find_type (panel, GTK_TYPE_LIST_BOX);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_nonnull (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Z22"));
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, chain);
  g_assert_cmpuint (gtk_drop_down_get_selected (sitroom_map_view_get_chain_dropdown (fixture->view)), ==, chain + 1);
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps accessible properties where the tests can read
   * them, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, SitroomTestMapView, NULL, sitroom_test_map_view_set_up, func, sitroom_test_map_view_tear_down)

  ADD ("/ui/map/select/click-opens-panel", test_map_click);
  ADD ("/ui/map/select/double-click-zooms", test_map_double_click);
  ADD ("/ui/map/select/arrow-keys", test_map_keys);
  ADD ("/ui/map/a11y/marker-labels", test_map_markers);
  ADD ("/ui/map/chain/dropdown", test_map_chain);
  ADD ("/ui/map/chain/panel-row", test_map_panel_chain);

#undef ADD

  return g_test_run ();
}
