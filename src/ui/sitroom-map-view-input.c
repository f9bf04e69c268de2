/* The Map page's moves: fitting and zooming, the pointer's hover and clicks, the keys, and the markers they land on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-geo.h"
#include "sitroom-map-view-private.h"

/* Fitted, the province is seen whole at a zoom its badges are placed for. */
#define FIT_MIN_ZOOM 6.0
#define FIT_MAX_ZOOM 10.0
#define FIT_MARGIN 24.0
/* A marker is what the keyboard focuses: big enough for its focus ring to
 * be seen, and drawn by nothing else. */
#define MARKER_SIZE 28

/* Markers carry the region index they stand for, plus one. */
static GQuark
region_quark (void)
{
  return g_quark_from_static_string ("sitroom-map-view-region");
}

/* Where a point of ours is on the map: shifted onto GCJ-02 tiles when the
 * tiles are drawn in them. */
static void
to_map_location (SitroomMapView *self,
                 double          lon,
                 double          lat,
                 double         *map_lat,
                 double         *map_lon)
{
  if (self->options.gcj02)
    sitroom_geo_gcj02_from_wgs84 (lon, lat, &lon, &lat);
  *map_lat = lat;
  *map_lon = lon;
}

/* A prefecture's centre: the region table's, else the middle of its outline. */
static gboolean
region_center (SitroomMapView *self,
               int             region,
               double         *lon,
               double         *lat)
{
  const SitroomRegion *r = sitroom_situation_get_region (self->situation, region);
  const SitroomBoundary *boundary;

  if (r->has_center)
    {
      *lon = r->lon;
      *lat = r->lat;
      return TRUE;
    }

  boundary = sitroom_boundaries_lookup (self->boundaries, r->code);
  if (boundary == NULL)
    return FALSE;
  *lon = (boundary->min_lon + boundary->max_lon) / 2;
  *lat = (boundary->min_lat + boundary->max_lat) / 2;
  return TRUE;
}

int
_sitroom_map_view_marker_region (GtkWidget *marker)
{
  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (marker), region_quark ())) - 1;
}

void
_sitroom_map_view_place_markers (SitroomMapView *self)
{
  for (guint i = 0; i < self->markers->len; i++)
    {
      GtkWidget *marker = g_ptr_array_index (self->markers, i);
      double lon, lat, map_lat, map_lon;

      if (!region_center (self, _sitroom_map_view_marker_region (marker), &lon, &lat))
        continue;
      to_map_location (self, lon, lat, &map_lat, &map_lon);
      shumate_location_set_location (SHUMATE_LOCATION (marker), map_lat, map_lon);
    }
}

/* One focusable marker per prefecture, drawn by nothing: the map layer
 * shows the region; the marker gives keyboards and screen readers
 * something to land on. */
void
_sitroom_map_view_rebuild_markers (SitroomMapView *self)
{
  const int *prefectures;
  guint n = 0;

  shumate_marker_layer_remove_all (self->marker_layer);
  g_ptr_array_set_size (self->markers, 0);
  if (self->situation == NULL)
    return;

  prefectures = sitroom_situation_get_prefectures (self->situation, &n);
  for (guint i = 0; i < n; i++)
    {
      double lon, lat;
      ShumateMarker *marker;

      if (!region_center (self, prefectures[i], &lon, &lat))
        continue;

      marker = g_object_new (SHUMATE_TYPE_MARKER,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_BUTTON,
                             "focusable", TRUE,
                             "can-target", FALSE,
                             "width-request", MARKER_SIZE,
                             "height-request", MARKER_SIZE,
                             NULL);
      gtk_widget_add_css_class (GTK_WIDGET (marker), "region-marker");
      g_object_set_qdata (G_OBJECT (marker), region_quark (), GINT_TO_POINTER (prefectures[i] + 1));
      shumate_marker_layer_add_marker (self->marker_layer, marker);
      g_ptr_array_add (self->markers, marker);
    }

  _sitroom_map_view_place_markers (self);
}

GtkWidget *
sitroom_map_view_get_marker (SitroomMapView *self,
                             int             region)
{
  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), NULL);

  for (guint i = 0; i < self->markers->len; i++)
    {
      GtkWidget *marker = g_ptr_array_index (self->markers, i);

      if (_sitroom_map_view_marker_region (marker) == region)
        return marker;
    }
  return NULL;
}

/* Fitting the province: the renderer's own fit at the map's size, turned
 * into libshumate's zoom and centre. */
gboolean
sitroom_map_view_fit (SitroomMapView *self)
{
  ShumateViewport *viewport;
  SitroomMapViewport fit;
  int width, height;
  double lat, lon;

  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self->map));
  height = gtk_widget_get_height (GTK_WIDGET (self->map));
  if (width <= 0 || height <= 0)
    return FALSE;

  sitroom_map_viewport_fit (self->boundaries, width, height, FIT_MARGIN,
                            FIT_MIN_ZOOM, FIT_MAX_ZOOM, &fit);
  sitroom_geo_unproject (fit.center_x, fit.center_y, fit.zoom, &lon, &lat);
  to_map_location (self, lon, lat, &lat, &lon);

  viewport = shumate_map_get_viewport (self->map);
  shumate_map_stop_go_to (self->map);
  g_object_freeze_notify (G_OBJECT (viewport));
  shumate_viewport_set_zoom_level (viewport, fit.zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  g_object_thaw_notify (G_OBJECT (viewport));

  /* Read back: the viewport clamps, and "still fitted" compares with it. */
  self->fitted_zoom = shumate_viewport_get_zoom_level (viewport);
  self->fitted_lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  self->fitted_lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  self->fit_pending = FALSE;
  return TRUE;
}

gboolean
_sitroom_map_view_still_fitted (SitroomMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  return shumate_viewport_get_zoom_level (viewport) == self->fitted_zoom &&
         shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) == self->fitted_lat &&
         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) == self->fitted_lon;
}

/* The panel opening narrows the map from the right: the map's left part
 * stays where it was, rather than everything sliding by half the panel. */
void
_sitroom_map_view_keep_left_edge (SitroomMapView *self,
                int             old_width,
                int             new_width)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double zoom = shumate_viewport_get_zoom_level (viewport);
  gboolean fitted = _sitroom_map_view_still_fitted (self);
  double x, y, lat, lon;

  sitroom_geo_project (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                       shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                       zoom, &x, &y);
  sitroom_geo_unproject (x + (new_width - old_width) / 2.0, y, zoom, &lon, &lat);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);

  if (fitted)
    {
      self->fitted_lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
      self->fitted_lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
    }
}

/* Double click: the region's outline fills the map. */
static void
zoom_to_region (SitroomMapView *self,
                int             region)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  const SitroomRegion *r = sitroom_situation_get_region (self->situation, region);
  const SitroomBoundary *boundary = sitroom_boundaries_lookup (self->boundaries, r->code);
  double width = gtk_widget_get_width (GTK_WIDGET (self->map)) - 2 * FIT_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self->map)) - 2 * FIT_MARGIN;
  double x0, y0, x1, y1, lon, lat, zoom;

  if (boundary == NULL || width <= 0 || height <= 0)
    return;

  /* World pixels at zoom 0: each level up doubles them. */
  sitroom_geo_project (boundary->min_lon, boundary->max_lat, 0, &x0, &y0);
  sitroom_geo_project (boundary->max_lon, boundary->min_lat, 0, &x1, &y1);
  zoom = log2 (MIN (width / MAX (x1 - x0, 1e-9), height / MAX (y1 - y0, 1e-9)));
  zoom = CLAMP (zoom,
                shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  sitroom_geo_unproject ((x0 + x1) / 2, (y0 + y1) / 2, 0, &lon, &lat);
  to_map_location (self, lon, lat, &lat, &lon);

  shumate_map_go_to_full (self->map, lat, lon, zoom);
}

/* The prefecture a region counts for: a county's mark stands for it. */
static int
prefecture_of (SitroomMapView *self,
               int             region)
{
  if (region < 0 || self->situation == NULL)
    return -1;
  return sitroom_situation_get_region (self->situation, region)->prefecture;
}

void
sitroom_map_view_pointer_at (SitroomMapView *self,
                             double          x,
                             double          y)
{
  int hover = -1;

  g_return_if_fail (SITROOM_IS_MAP_VIEW (self));

  if (x >= 0 && y >= 0)
    hover = prefecture_of (self, sitroom_map_layer_region_at (self->map_layer, x, y));
  if (hover == self->options.hover_region)
    return;

  self->options.hover_region = hover;
  _sitroom_map_view_push_options (self);
}

static void
motion_cb (SitroomMapView *self,
           double          x,
           double          y)
{
  sitroom_map_view_pointer_at (self, x, y);
}

static void
leave_cb (SitroomMapView *self)
{
  sitroom_map_view_pointer_at (self, -1, -1);
}

static gboolean
query_tooltip_cb (SitroomMapView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  g_autofree char *text = NULL;
  int region;

  if (self->view == NULL)
    return FALSE;
  region = prefecture_of (self, sitroom_map_layer_region_at (self->map_layer, x, y));
  if (region < 0)
    return FALSE;

  text = _sitroom_map_view_region_tooltip (self, region);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
select_region (SitroomMapView *self,
               int             region)
{
  GtkWidget *marker;

  if (self->context == NULL)
    return;
  sitroom_context_set_selected_prefecture (self->context, region);

  /* The keyboard goes on from where the pointer chose. */
  if (region >= 0 && (marker = sitroom_map_view_get_marker (self, region)) != NULL)
    gtk_widget_grab_focus (marker);
}

void
sitroom_map_view_click_at (SitroomMapView *self,
                           double          x,
                           double          y,
                           int             n_press)
{
  int region;

  g_return_if_fail (SITROOM_IS_MAP_VIEW (self));

  if (self->view == NULL)
    return;
  region = prefecture_of (self, sitroom_map_layer_region_at (self->map_layer, x, y));

  if (n_press == 1)
    select_region (self, region);
  else if (n_press == 2 && region >= 0)
    zoom_to_region (self, region);
}

/* A release, not a press: a press that becomes a drag pans the map and
 * selects nothing, and the click gesture gives up on it. */
static void
released_cb (SitroomMapView  *self,
             int              n_press,
             double           x,
             double           y)
{
  if (n_press == 1)
    sitroom_map_view_click_at (self, x, y, 1);
}

static void
pressed_cb (SitroomMapView  *self,
            int              n_press,
            double           x,
            double           y)
{
  if (n_press == 2)
    sitroom_map_view_click_at (self, x, y, 2);
}

static GtkWidget *
focused_marker (SitroomMapView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self->map); focus = gtk_widget_get_parent (focus))
    if (SHUMATE_IS_MARKER (focus) && _sitroom_map_view_marker_region (focus) >= 0)
      return focus;
  return NULL;
}

/* Where a marker is, in world pixels at zoom 0: directions compare there. */
static void
marker_position (SitroomMapView *self,
                 GtkWidget      *marker,
                 double         *x,
                 double         *y)
{
  sitroom_geo_project (shumate_location_get_longitude (SHUMATE_LOCATION (marker)),
                       shumate_location_get_latitude (SHUMATE_LOCATION (marker)),
                       0, x, y);
}

/* The prefecture to go to from @from in direction (dx, dy): the nearest
 * within 45° of it, else the nearest anywhere ahead. Shanxi's prefectures
 * stand in a tall column, so straying from the line costs twice the
 * distance along it. */
static GtkWidget *
marker_towards (SitroomMapView *self,
                GtkWidget      *from,
                double          dx,
                double          dy)
{
  GtkWidget *best = NULL;
  double x0, y0;

  marker_position (self, from, &x0, &y0);
  for (guint pass = 0; pass < 2 && best == NULL; pass++)
    {
      double best_score = G_MAXDOUBLE;

      for (guint i = 0; i < self->markers->len; i++)
        {
          GtkWidget *marker = g_ptr_array_index (self->markers, i);
          double x, y, along, across;

          if (marker == from)
            continue;
          marker_position (self, marker, &x, &y);
          along = (x - x0) * dx + (y - y0) * dy;
          across = fabs ((x - x0) * dy - (y - y0) * dx);
          if (along <= 0 || (pass == 0 && across > along))
            continue;
          if (along + 2 * across < best_score)
            {
              best_score = along + 2 * across;
              best = marker;
            }
        }
    }
  return best;
}

/* The marker nearest the middle of the map: where the arrow keys start when
 * nothing is selected. */
static GtkWidget *
marker_in_middle (SitroomMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  GtkWidget *best = NULL;
  double best_distance = G_MAXDOUBLE;
  double x0, y0;

  sitroom_geo_project (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                       shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                       0, &x0, &y0);
  for (guint i = 0; i < self->markers->len; i++)
    {
      GtkWidget *marker = g_ptr_array_index (self->markers, i);
      double x, y;

      marker_position (self, marker, &x, &y);
      if (hypot (x - x0, y - y0) < best_distance)
        {
          best_distance = hypot (x - x0, y - y0);
          best = marker;
        }
    }
  return best;
}

static void
move_selection (SitroomMapView *self,
                double          dx,
                double          dy)
{
  int selected = sitroom_context_get_selected_prefecture (self->context);
  GtkWidget *from = selected >= 0 ? sitroom_map_view_get_marker (self, selected) : NULL;
  GtkWidget *to;
  double x, y;

  if (from == NULL)
    from = focused_marker (self);
  to = from != NULL ? marker_towards (self, from, dx, dy) : marker_in_middle (self);
  if (to == NULL)
    return;

  select_region (self, _sitroom_map_view_marker_region (to));

  /* Bring it into view if the map had it off screen. */
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (self->map),
                                              GTK_WIDGET (self->map),
                                              shumate_location_get_latitude (SHUMATE_LOCATION (to)),
                                              shumate_location_get_longitude (SHUMATE_LOCATION (to)),
                                              &x, &y);
  if (x < 0 || y < 0 ||
      x > gtk_widget_get_width (GTK_WIDGET (self->map)) ||
      y > gtk_widget_get_height (GTK_WIDGET (self->map)))
    shumate_map_go_to (self->map,
                       shumate_location_get_latitude (SHUMATE_LOCATION (to)),
                       shumate_location_get_longitude (SHUMATE_LOCATION (to)));
}

gboolean
sitroom_map_view_key_pressed (SitroomMapView *self,
                              guint           keyval)
{
  GtkWidget *marker;

  g_return_val_if_fail (SITROOM_IS_MAP_VIEW (self), FALSE);

  if (self->context == NULL || self->view == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 0, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_selection (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_selection (self, 1, 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if ((marker = focused_marker (self)) == NULL)
        return FALSE;
      select_region (self, _sitroom_map_view_marker_region (marker));
      return TRUE;
    case GDK_KEY_Escape:
      if (sitroom_context_get_selected_prefecture (self->context) < 0)
        return FALSE;
      sitroom_context_set_selected_prefecture (self->context, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->map));
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      shumate_map_zoom_in (self->map);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      shumate_map_zoom_out (self->map);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Caught on the way down, before libshumate's own handling and only while
 * the focus is on the map: the arrow keys move between regions there rather
 * than the focus between widgets, and keep their meaning everywhere else. */
static gboolean
key_pressed_cb (SitroomMapView  *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *map = GTK_WIDGET (self->map);

  if (focus == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  if (focus == map || gtk_widget_is_ancestor (focus, map))
    return sitroom_map_view_key_pressed (self, keyval);
  /* Escape closes the panel from inside it too. */
  if (keyval == GDK_KEY_Escape && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->region_panel)))
    return sitroom_map_view_key_pressed (self, keyval);
  return FALSE;
}

void
_sitroom_map_view_init_input (SitroomMapView *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect_swapped (controller, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_swapped (self->map, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
