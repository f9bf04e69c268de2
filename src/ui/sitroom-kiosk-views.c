/* The wall display's views: their names and the command line's, the pages made when first shown, and the rotation through them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-capacity-view.h"
#include "sitroom-chains-view.h"
#include "sitroom-curve-view.h"
#include "sitroom-kiosk-window-private.h"
#include "sitroom-map-view.h"
#include "sitroom-measures-view.h"
#include "sitroom-overview.h"

/* A view picked by hand stays this long before the rotation goes on. */
#define HOLD_SECONDS 300
/* A page scrolls on to its next screen this quietly, as the views cross. */
#define SCROLL_MS 800

typedef struct {
  const char *name;
  const char *title;
} KioskView;

/* In the order of Ctrl+1…6, as in the main window. */
static const KioskView kiosk_views[] = {
  { "overview", N_("Overview") },
  { "map", N_("Map") },
  { "chains", N_("Chains") },
  { "curve", N_("Curve") },
  { "capacity", N_("Capacity") },
  { "measures", N_("Measures") },
};

static const char * const default_views[] = { "map", "chains", "curve", "capacity", NULL };

static const KioskView *
find_view (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kiosk_views); i++)
    if (g_str_equal (kiosk_views[i].name, name))
      return &kiosk_views[i];
  return NULL;
}

gboolean
sitroom_kiosk_view_is_known (const char *name)
{
  return find_view (name) != NULL;
}

/* ------------------------------------------------------------------------ */
/* The command line */

static void
set_unknown_view_error (GError     **error,
                        const char  *name)
{
  /* Translators: the names after "views are" stay in English: they are typed as they are. */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("unknown view “%s”: the views are overview, map, chains, curve, capacity and measures"),
               name);
}

gboolean
sitroom_kiosk_parse_views (const char  *list,
                           GStrv       *views,
                           GError     **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (views != NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  if (names[0] == NULL)
    {
      set_unknown_view_error (error, "");
      return FALSE;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (!sitroom_kiosk_view_is_known (g_strstrip (names[i])))
      {
        set_unknown_view_error (error, names[i]);
        return FALSE;
      }

  *views = g_steal_pointer (&names);
  return TRUE;
}

gboolean
sitroom_kiosk_parse_rotate (const char  *text,
                            guint       *seconds,
                            GError     **error)
{
  guint64 value;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_ascii_string_to_unsigned (text, 10, 0, KIOSK_ROTATE_MAX, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a number of seconds from 0 (no rotation) to %d"), text, KIOSK_ROTATE_MAX);
      return FALSE;
    }
  *seconds = (guint) value;
  return TRUE;
}

gboolean
sitroom_kiosk_parse_monitor (const char  *text,
                             int         *monitor,
                             GError     **error)
{
  guint64 value;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_ascii_string_to_unsigned (text, 10, 0, 63, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a monitor number from 0 to 63"), text);
      return FALSE;
    }
  *monitor = (int) value;
  return TRUE;
}

gboolean
sitroom_kiosk_parse_fixed_view (const char  *entry,
                                int         *monitor,
                                char       **view,
                                GError     **error)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (entry != NULL, FALSE);

  parts = g_strsplit (entry, ":", 2);
  if (g_strv_length (parts) != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not MONITOR:VIEW, such as 1:chains"), entry);
      return FALSE;
    }
  if (!sitroom_kiosk_parse_monitor (g_strstrip (parts[0]), monitor, error))
    return FALSE;
  if (!sitroom_kiosk_view_is_known (g_strstrip (parts[1])))
    {
      set_unknown_view_error (error, parts[1]);
      return FALSE;
    }
  *view = g_strdup (parts[1]);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The pages */

/* What a page takes from the application: the map its outlines, the others
 * their settings, read and never written from the wall. */
void
_sitroom_kiosk_window_connect_page (SitroomKioskWindow *self,
                                    GtkWidget          *page)
{
  SitroomApplication *application = _sitroom_kiosk_window_get_application (self);
  GSettings *settings;

  g_assert (SITROOM_IS_KIOSK_WINDOW (self));

  if (application == NULL)
    return;

  settings = sitroom_application_get_settings (application);
  if (SITROOM_IS_MAP_VIEW (page))
    sitroom_map_view_set_application (SITROOM_MAP_VIEW (page), application);
  else if (SITROOM_IS_CHAINS_VIEW (page))
    g_settings_bind (settings, "chain-close-days", page, "close-days", G_SETTINGS_BIND_GET);
  else if (SITROOM_IS_CURVE_VIEW (page))
    g_settings_bind (settings, "curve-grouping", page, "grouping", G_SETTINGS_BIND_GET);
}

static GtkWidget *
make_page (SitroomKioskWindow *self,
           const char         *name)
{
  GtkWidget *page = NULL;

  if (g_str_equal (name, "overview"))
    {
      page = g_object_new (SITROOM_TYPE_OVERVIEW, NULL);
      sitroom_overview_set_context (SITROOM_OVERVIEW (page), self->context);
    }
  /* Nobody touches a wall: controls and prompts to select are left out. */
  else if (g_str_equal (name, "map"))
    {
      page = g_object_new (SITROOM_TYPE_MAP_VIEW, NULL);
      sitroom_map_view_set_context (SITROOM_MAP_VIEW (page), self->context);
      sitroom_map_view_set_controls_visible (SITROOM_MAP_VIEW (page), FALSE);
    }
  else if (g_str_equal (name, "chains"))
    {
      page = sitroom_chains_view_new (self->context);
      sitroom_chains_view_set_placeholder_visible (SITROOM_CHAINS_VIEW (page), FALSE);
    }
  else if (g_str_equal (name, "curve"))
    {
      page = sitroom_curve_view_new (self->context);
      sitroom_curve_view_set_controls_visible (SITROOM_CURVE_VIEW (page), FALSE);
    }
  else if (g_str_equal (name, "capacity"))
    {
      page = sitroom_capacity_view_new (self->context);
      sitroom_capacity_view_set_forecast_columns (SITROOM_CAPACITY_VIEW (page), 3);
    }
  else if (g_str_equal (name, "measures"))
    page = sitroom_measures_view_new (self->context);

  g_assert (page != NULL);
  _sitroom_kiosk_window_connect_page (self, page);
  return page;
}

/* What makes a page longer than the screen: its outermost scrolled window
 * with more to show than fits, or NULL. */
static GtkScrolledWindow *
find_scroller (GtkWidget *page)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, page);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (GTK_IS_SCROLLED_WINDOW (widget))
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

          if (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) >
              gtk_adjustment_get_page_size (adjustment) + 1)
            return GTK_SCROLLED_WINDOW (widget);
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child))
          g_queue_push_tail (queue, child);
    }
  return NULL;
}

/* Nobody scrolls a wall: the rotation shows a long page a screen at a
 * time (the Capacity page's forecast, below its figures) before it goes
 * on to the next view. FALSE when the page's end is on screen. */
static gboolean
scroll_page_on (SitroomKioskWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);
  GtkScrolledWindow *scroller = page != NULL ? find_scroller (page) : NULL;
  GtkAdjustment *adjustment;
  double value, page_size, end;

  if (scroller == NULL)
    return FALSE;

  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  end = gtk_adjustment_get_upper (adjustment) - page_size;
  if (value >= end - 1)
    return FALSE;

  if (self->scroll_animation != NULL)
    adw_animation_skip (self->scroll_animation);
  g_clear_object (&self->scroll_animation);
  self->scroll_animation = adw_timed_animation_new (GTK_WIDGET (scroller), value, MIN (value + page_size, end), SCROLL_MS,
                                                    adw_property_animation_target_new (G_OBJECT (adjustment), "value"));
  adw_animation_play (self->scroll_animation);
  return TRUE;
}

/* A page comes back at its top. */
static void
scroll_page_to_start (SitroomKioskWindow *self,
                      GtkWidget          *page)
{
  GtkScrolledWindow *scroller = find_scroller (page);

  if (self->scroll_animation != NULL)
    adw_animation_skip (self->scroll_animation);
  g_clear_object (&self->scroll_animation);
  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
}

/* Pages are made the first time they are shown: a view that is never on
 * the wall costs nothing, and follows no document. */
void
_sitroom_kiosk_window_show_view (SitroomKioskWindow *self,
                                 const char         *name)
{
  const KioskView *view = find_view (name);
  GtkWidget *page;

  g_assert (SITROOM_IS_KIOSK_WINDOW (self));
  g_assert (view != NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), name) == 0)
    return;

  if ((page = gtk_stack_get_child_by_name (self->page_stack, name)) == NULL)
    gtk_stack_add_named (self->page_stack, make_page (self, name), name);
  else
    scroll_page_to_start (self, page);
  gtk_stack_set_visible_child_name (self->page_stack, name);
  gtk_label_set_label (self->view_label, _(view->title));

  g_object_notify_by_pspec (G_OBJECT (self), _sitroom_kiosk_window_properties[PROP_VISIBLE_VIEW]);
}

/* ------------------------------------------------------------------------ */
/* The rotation */

static gboolean
rotate_cb (gpointer user_data)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (user_data);

  if (scroll_page_on (self))
    return G_SOURCE_CONTINUE;
  self->rotation_index = (self->rotation_index + 1) % g_strv_length (self->views);
  _sitroom_kiosk_window_show_view (self, self->views[self->rotation_index]);

  return G_SOURCE_CONTINUE;
}

/* The timer runs only while there is something to rotate: an idle wall
 * with one view wakes for nothing. Any change starts a full period. */
void
_sitroom_kiosk_window_update_rotation (SitroomKioskWindow *self)
{
  gboolean configured = self->rotate > 0 && g_strv_length (self->views) > 1;

  g_assert (SITROOM_IS_KIOSK_WINDOW (self));

  g_clear_handle_id (&self->rotate_timeout, g_source_remove);
  if (configured && !self->paused)
    self->rotate_timeout = g_timeout_add_seconds (self->rotate, rotate_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->paused_label), configured && self->paused);
}

static gboolean
hold_over_cb (gpointer user_data)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (user_data);

  self->hold_timeout = 0;
  sitroom_kiosk_window_set_paused (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  sitroom_kiosk_window_set_visible_view (self, name);

  /* Someone at the keyboard wants to read this one: hold the rotation for
   * a while, then let it go on by itself, so the wall is never left on one
   * view by a visit. */
  if (self->rotate > 0 && g_strv_length (self->views) > 1)
    {
      sitroom_kiosk_window_set_paused (self, TRUE);
      self->hold_timeout = g_timeout_add_seconds (HOLD_SECONDS, hold_over_cb, self);
    }
}

static void
toggle_rotation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (widget);

  sitroom_kiosk_window_set_paused (self, !self->paused);
}

void
_sitroom_kiosk_window_class_init_views (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "kiosk.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "kiosk.toggle-rotation", NULL, toggle_rotation_action);
  for (guint i = 0; i < G_N_ELEMENTS (kiosk_views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "kiosk.show-view", "s", kiosk_views[i].name);
}

void
_sitroom_kiosk_window_init_views (SitroomKioskWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  self->views = g_strdupv ((char **) default_views);

  /* Space before any widget: a focused button or row must not take it. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                          gtk_named_action_new ("kiosk.toggle-rotation")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* ------------------------------------------------------------------------ */
/* Their properties */

const char * const *
sitroom_kiosk_window_get_views (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), NULL);

  return (const char * const *) self->views;
}

void
sitroom_kiosk_window_set_views (SitroomKioskWindow *self,
                                const char * const *views)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) known = NULL;

  g_return_if_fail (SITROOM_IS_KIOSK_WINDOW (self));

  /* The setting may name a view of a later version: leave it out rather
   * than leave the wall empty. */
  for (guint i = 0; views != NULL && views[i] != NULL; i++)
    if (sitroom_kiosk_view_is_known (views[i]))
      g_strv_builder_add (builder, views[i]);
    else
      g_warning ("Wall display: unknown view “%s” left out", views[i]);
  known = g_strv_builder_end (builder);

  if (known[0] == NULL || g_strv_equal ((const char * const *) known, (const char * const *) self->views))
    return;

  g_strfreev (self->views);
  self->views = g_steal_pointer (&known);
  self->rotation_index = 0;
  if (self->constructed)
    {
      _sitroom_kiosk_window_show_view (self, self->views[0]);
      _sitroom_kiosk_window_update_rotation (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), _sitroom_kiosk_window_properties[PROP_VIEWS]);
}

guint
sitroom_kiosk_window_get_rotate (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), 0);

  return self->rotate;
}

void
sitroom_kiosk_window_set_rotate (SitroomKioskWindow *self,
                                 guint               seconds)
{
  g_return_if_fail (SITROOM_IS_KIOSK_WINDOW (self));
  g_return_if_fail (seconds <= KIOSK_ROTATE_MAX);

  if (self->rotate == seconds)
    return;

  self->rotate = seconds;
  _sitroom_kiosk_window_update_rotation (self);
  g_object_notify_by_pspec (G_OBJECT (self), _sitroom_kiosk_window_properties[PROP_ROTATE]);
}

gboolean
sitroom_kiosk_window_get_paused (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), FALSE);

  return self->paused;
}

void
sitroom_kiosk_window_set_paused (SitroomKioskWindow *self,
                                 gboolean            paused)
{
  g_return_if_fail (SITROOM_IS_KIOSK_WINDOW (self));

  /* Whoever sets it now, a hold by Ctrl+1…6 is over. */
  g_clear_handle_id (&self->hold_timeout, g_source_remove);

  paused = !!paused;
  if (self->paused == paused)
    return;

  self->paused = paused;
  _sitroom_kiosk_window_update_rotation (self);
  g_object_notify_by_pspec (G_OBJECT (self), _sitroom_kiosk_window_properties[PROP_PAUSED]);
}

gboolean
sitroom_kiosk_window_get_rotating (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), FALSE);

  return self->rotate_timeout != 0;
}

const char *
sitroom_kiosk_window_get_visible_view (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
sitroom_kiosk_window_set_visible_view (SitroomKioskWindow *self,
                                       const char         *name)
{
  g_return_if_fail (SITROOM_IS_KIOSK_WINDOW (self));
  g_return_if_fail (sitroom_kiosk_view_is_known (name));

  /* The rotation goes on from the view shown, when it is one of its own. */
  for (guint i = 0; self->views[i] != NULL; i++)
    if (g_str_equal (self->views[i], name))
      {
        self->rotation_index = i;
        break;
      }
  _sitroom_kiosk_window_show_view (self, name);
}
