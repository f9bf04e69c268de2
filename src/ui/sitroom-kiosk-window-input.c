/* The wall display and the people near it: full screen on its monitor, Escape that asks first, the pointer hidden when still. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-kiosk-window-private.h"

/* The pointer goes away after this long without moving. */
#define CURSOR_IDLE_MS 3000
/* Below this many lines the wall takes its smaller type. */
#define SMALL_SCREEN_HEIGHT 1000

/* ------------------------------------------------------------------------ */
/* Full screen */

static GdkMonitor *
find_monitor (SitroomKioskWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  if (self->monitor < 0 || (guint) self->monitor >= g_list_model_get_n_items (monitors))
    return NULL;
  return g_list_model_get_item (monitors, self->monitor);
}

void
_sitroom_kiosk_window_go_full_screen (SitroomKioskWindow *self)
{
  g_autoptr(GdkMonitor) monitor = find_monitor (self);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) size_of = monitor != NULL ? g_object_ref (monitor) : g_list_model_get_item (monitors, 0);

  g_assert (SITROOM_IS_KIOSK_WINDOW (self));

  /* The monitor's size as well: an X server without a window manager (a
   * bare kiosk session) places the window but never makes it full screen. */
  if (size_of != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (size_of, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      /* Type for 1080 lines would not leave the pages room on 720. */
      if (geometry.height < SMALL_SCREEN_HEIGHT)
        gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-small");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "kiosk-small");
    }

  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  self->full_screen = TRUE;
}

/* A wall screen switched on after the application, or plugged in again:
 * its window moves to it. */
static void
monitors_changed_cb (SitroomKioskWindow *self)
{
  if (self->full_screen && self->monitor >= 0)
    _sitroom_kiosk_window_go_full_screen (self);
}

void
_sitroom_kiosk_window_follow_monitors (SitroomKioskWindow *self)
{
  g_assert (SITROOM_IS_KIOSK_WINDOW (self));

  g_signal_connect_object (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))),
                           "items-changed", G_CALLBACK (monitors_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
leave_response_cb (SitroomKioskWindow *self,
                   const char         *response)
{
  if (g_strcmp0 (response, "leave") != 0)
    return;
  gtk_window_unfullscreen (GTK_WINDOW (self));
  self->full_screen = FALSE;
}

/* Escape asks first: a keyboard bumped in the night must not leave the
 * wall showing a desktop. */
static void
leave_full_screen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (widget);
  GtkWidget *dialog;

  if (!self->full_screen || self->leave_dialog != NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Leave Full Screen?"),
                                   _("The wall display goes on in a window. Press F11 to fill the screen again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "stay", _("_Stay Full Screen"),
                                    "leave", _("_Leave Full Screen"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "stay");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "stay");
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response_cb), self, G_CONNECT_SWAPPED);

  self->leave_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->leave_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toggle_full_screen_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (widget);

  if (self->full_screen)
    leave_full_screen_action (widget, action_name, parameter);
  else
    _sitroom_kiosk_window_go_full_screen (self);
}

/* ------------------------------------------------------------------------ */
/* The pointer */

/* Once the shield is in place, a tooltip shown under the still pointer
 * is asked again, finds the shield, and goes. */
static void
shield_painted_cb (SitroomKioskWindow *self,
                   GdkFrameClock      *clock)
{
  g_signal_handlers_disconnect_by_func (clock, shield_painted_cb, self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static gboolean
cursor_timeout_cb (gpointer user_data)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (user_data);
  gint64 idle_ms = (g_get_monotonic_time () - self->last_motion) / 1000;

  /* One timeout per pause of the pointer, not one per movement: it is
   * planned again for what is left. */
  if (idle_ms < CURSOR_IDLE_MS)
    {
      self->cursor_timeout = g_timeout_add (CURSOR_IDLE_MS - idle_ms, cursor_timeout_cb, self);
      return G_SOURCE_REMOVE;
    }

  self->cursor_timeout = 0;
  self->cursor_hidden = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  gtk_widget_set_visible (self->pointer_shield, TRUE);
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (shield_painted_cb), self, G_CONNECT_SWAPPED);

  return G_SOURCE_REMOVE;
}

void
_sitroom_kiosk_window_wait_to_hide_cursor (SitroomKioskWindow *self)
{
  g_assert (SITROOM_IS_KIOSK_WINDOW (self));

  self->last_motion = g_get_monotonic_time ();
  if (self->cursor_timeout == 0)
    self->cursor_timeout = g_timeout_add (CURSOR_IDLE_MS, cursor_timeout_cb, self);
}

static void
pointer_motion_cb (SitroomKioskWindow *self,
                   double              x,
                   double              y)
{
  /* Hiding the pointer can send a motion without a move. */
  if (self->cursor_hidden && x == self->pointer_x && y == self->pointer_y)
    return;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->cursor_hidden)
    {
      self->cursor_hidden = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      gtk_widget_set_visible (self->pointer_shield, FALSE);
    }
  _sitroom_kiosk_window_wait_to_hide_cursor (self);
}

/* ------------------------------------------------------------------------ */
/* Setting up and taking down */

void
_sitroom_kiosk_window_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "kiosk.leave-full-screen", NULL, leave_full_screen_action);
  gtk_widget_class_install_action (widget_class, "kiosk.toggle-full-screen", NULL, toggle_full_screen_action);
  /* After the widgets: an open menu or popover closes on Escape first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "kiosk.leave-full-screen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "kiosk.toggle-full-screen", NULL);
}

void
_sitroom_kiosk_window_init_input (SitroomKioskWindow *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_assert (SITROOM_IS_KIOSK_WINDOW (self));

  gtk_widget_set_cursor_from_name (self->pointer_shield, "none");

  /* Before any widget: a map being dragged must still wake the pointer. */
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (pointer_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

void
_sitroom_kiosk_window_dispose_input (SitroomKioskWindow *self)
{
  g_assert (SITROOM_IS_KIOSK_WINDOW (self));

  g_clear_handle_id (&self->cursor_timeout, g_source_remove);
  if (self->leave_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->leave_dialog), (gpointer *) &self->leave_dialog);
      gtk_window_destroy (GTK_WINDOW (self->leave_dialog));
      self->leave_dialog = NULL;
    }
}

/* ------------------------------------------------------------------------ */
/* Their properties */

int
sitroom_kiosk_window_get_monitor (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), -1);

  return self->monitor;
}

void
sitroom_kiosk_window_set_monitor (SitroomKioskWindow *self,
                                  int                 monitor)
{
  g_return_if_fail (SITROOM_IS_KIOSK_WINDOW (self));
  g_return_if_fail (monitor >= -1 && monitor <= 63);

  if (self->monitor == monitor)
    return;

  self->monitor = monitor;
  if (self->full_screen)
    _sitroom_kiosk_window_go_full_screen (self);
  g_object_notify_by_pspec (G_OBJECT (self), _sitroom_kiosk_window_properties[PROP_MONITOR]);
}

gboolean
sitroom_kiosk_window_get_full_screen (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), FALSE);

  return self->full_screen;
}

gboolean
sitroom_kiosk_window_get_cursor_hidden (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), FALSE);

  return self->cursor_hidden;
}
