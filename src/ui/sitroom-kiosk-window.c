/* The wall display: a clock and the cutoff always in view, the freshness band, pinned selections, and the window's life. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-kiosk-window-private.h"

G_DEFINE_FINAL_TYPE (SitroomKioskWindow, sitroom_kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

GParamSpec *_sitroom_kiosk_window_properties[N_PROPS];

SitroomApplication *
_sitroom_kiosk_window_get_application (SitroomKioskWindow *self)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  g_assert (SITROOM_IS_KIOSK_WINDOW (self));

  /* A window made before it has an application (the tests) takes the process's. */
  if (!SITROOM_IS_APPLICATION (application))
    application = g_application_get_default ();
  return SITROOM_IS_APPLICATION (application) ? SITROOM_APPLICATION (application) : NULL;
}

/* ------------------------------------------------------------------------ */
/* The clock, the cutoff and the state */

static GDateTime *
now_local (SitroomKioskWindow *self)
{
  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);
  return g_date_time_new_now_local ();
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (user_data);

  self->clock_timeout = 0;
  sitroom_kiosk_window_tick (self);

  return G_SOURCE_REMOVE;
}

guint
sitroom_kiosk_window_tick (SitroomKioskWindow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *clock = NULL;
  guint delay;

  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), 0);

  now = now_local (self);
  clock = g_date_time_format (now, "%H:%M");
  gtk_label_set_label (self->clock_label, clock);
  sitroom_kiosk_band_update (self->band);

  /* Planned again each minute from the clock itself, so it never drifts off
   * the minute; whole seconds are enough for a clock without seconds. */
  delay = 60 - (guint) CLAMP (g_date_time_get_second (now), 0, 59);
  g_clear_handle_id (&self->clock_timeout, g_source_remove);
  self->clock_timeout = g_timeout_add_seconds (delay, clock_tick_cb, self);

  return delay;
}

/* The cutoff is always in view: figures on a wall say when they are from. */
static void
update_cutoff (SitroomKioskWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);
  gint64 cutoff = sitroom_context_get_effective_cutoff (self->context);
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->state_stack, situation != NULL ? "situation" : "loading");
  gtk_widget_set_visible (GTK_WIDGET (self->cutoff_label), situation != NULL);
  if (situation == NULL)
    return;

  time = sitroom_format_time (cutoff, sitroom_context_get_lang (self->context));
  if (cutoff < sitroom_situation_get_as_of (situation))
    /* Translators: %s is a time, "2022-08-20 13:00 CST". */
    text = g_strdup_printf (_("Figures as of %s, not the latest"), time);
  else
    /* Translators: %s is a time, "2022-08-20 13:00 CST". */
    text = g_strdup_printf (_("Figures as of %s"), time);
  gtk_label_set_label (self->cutoff_label, text);
}

/* The pinned prefecture and chain, selected again in each new document
 * (the context drops a selection the new one does not have). */
static void
apply_pins (SitroomKioskWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);
  int index;

  if (situation == NULL)
    return;

  if (self->pinned_region != NULL && *self->pinned_region != '\0' &&
      (index = sitroom_situation_lookup_region (situation, self->pinned_region)) >= 0)
    {
      const SitroomRegion *region = sitroom_situation_get_region (situation, index);

      if (region->prefecture >= 0)
        sitroom_context_set_selected_prefecture (self->context, region->prefecture);
    }
  if (self->pinned_chain != NULL && *self->pinned_chain != '\0' &&
      (index = sitroom_situation_lookup_chain (situation, self->pinned_chain)) >= 0)
    sitroom_context_set_selected_chain (self->context, index);
}

static void
situation_changed_cb (SitroomKioskWindow *self)
{
  apply_pins (self);
  update_cutoff (self);
}

/* ------------------------------------------------------------------------ */
/* The window's life */

/* Dark for as long as a wall display is open; the style manager is shared,
 * so the windows count how many hold it, and the last one gives the
 * scheme back as it was. */
static void
hold_dark (gboolean hold)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint holds = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (manager), "sitroom-kiosk-dark-holds"));

  if (hold && holds++ == 0)
    {
      g_object_set_data (G_OBJECT (manager), "sitroom-kiosk-scheme",
                         GINT_TO_POINTER (adw_style_manager_get_color_scheme (manager)));
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
    }
  else if (!hold && holds > 0 && --holds == 0)
    adw_style_manager_set_color_scheme (manager,
                                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (manager), "sitroom-kiosk-scheme")));
  g_object_set_data (G_OBJECT (manager), "sitroom-kiosk-dark-holds", GUINT_TO_POINTER (holds));
}

static void
update_application (SitroomKioskWindow *self)
{
  SitroomApplication *application = _sitroom_kiosk_window_get_application (self);
  GSettings *settings;

  if (application == NULL)
    return;

  settings = sitroom_application_get_settings (application);
  g_settings_bind (settings, "stale-after", self->band, "stale-after", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "kiosk-pinned-region", self, "pinned-region", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "kiosk-pinned-chain", self, "pinned-chain", G_SETTINGS_BIND_GET);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    _sitroom_kiosk_window_connect_page (self, page);
}

/* The screen must not blank while the wall is showing the situation. */
static void
sitroom_kiosk_window_map (GtkWidget *widget)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  GTK_WIDGET_CLASS (sitroom_kiosk_window_parent_class)->map (widget);

  if (application != NULL && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self), GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("A wall display is showing the situation"));
  _sitroom_kiosk_window_wait_to_hide_cursor (self);
}

static void
sitroom_kiosk_window_unmap (GtkWidget *widget)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (application, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_handle_id (&self->cursor_timeout, g_source_remove);

  GTK_WIDGET_CLASS (sitroom_kiosk_window_parent_class)->unmap (widget);
}

static void
sitroom_kiosk_window_constructed (GObject *object)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (object);

  G_OBJECT_CLASS (sitroom_kiosk_window_parent_class)->constructed (object);

  g_assert (SITROOM_IS_CONTEXT (self->context));

  g_signal_connect_object (self->context, "notify::situation",
                           G_CALLBACK (situation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::view",
                           G_CALLBACK (update_cutoff), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::lang",
                           G_CALLBACK (update_cutoff), self, G_CONNECT_SWAPPED);
  _sitroom_kiosk_window_follow_monitors (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (update_application), NULL);

  self->constructed = TRUE;
  sitroom_kiosk_band_set_context (self->band, self->context);
  hold_dark (TRUE);
  self->holds_dark = TRUE;
  update_application (self);
  situation_changed_cb (self);
  _sitroom_kiosk_window_show_view (self, self->views[0]);
  _sitroom_kiosk_window_update_rotation (self);
  sitroom_kiosk_window_tick (self);
  _sitroom_kiosk_window_go_full_screen (self);
}

static void
sitroom_kiosk_window_dispose (GObject *object)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (object);

  /* Settings may still change until the last reference goes. */
  g_settings_unbind (self, "views");
  g_settings_unbind (self, "rotate");
  g_settings_unbind (self, "monitor");
  g_settings_unbind (self, "pinned-region");
  g_settings_unbind (self, "pinned-chain");
  if (self->band != NULL)
    g_settings_unbind (self->band, "stale-after");
  g_clear_handle_id (&self->rotate_timeout, g_source_remove);
  g_clear_handle_id (&self->hold_timeout, g_source_remove);
  g_clear_object (&self->scroll_animation);
  g_clear_handle_id (&self->clock_timeout, g_source_remove);
  _sitroom_kiosk_window_dispose_input (self);
  if (self->holds_dark)
    hold_dark (FALSE);
  self->holds_dark = FALSE;
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_KIOSK_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sitroom_kiosk_window_parent_class)->dispose (object);
}

static void
sitroom_kiosk_window_finalize (GObject *object)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (object);

  g_strfreev (self->views);
  g_free (self->pinned_region);
  g_free (self->pinned_chain);

  G_OBJECT_CLASS (sitroom_kiosk_window_parent_class)->finalize (object);
}

static void
sitroom_kiosk_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_VIEWS:
      g_value_set_boxed (value, self->views);
      break;
    case PROP_ROTATE:
      g_value_set_uint (value, self->rotate);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, sitroom_kiosk_window_get_visible_view (self));
      break;
    case PROP_MONITOR:
      g_value_set_int (value, self->monitor);
      break;
    case PROP_PINNED_REGION:
      g_value_set_string (value, sitroom_kiosk_window_get_pinned_region (self));
      break;
    case PROP_PINNED_CHAIN:
      g_value_set_string (value, sitroom_kiosk_window_get_pinned_chain (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_kiosk_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SitroomKioskWindow *self = SITROOM_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_VIEWS:
      sitroom_kiosk_window_set_views (self, g_value_get_boxed (value));
      break;
    case PROP_ROTATE:
      sitroom_kiosk_window_set_rotate (self, g_value_get_uint (value));
      break;
    case PROP_PAUSED:
      sitroom_kiosk_window_set_paused (self, g_value_get_boolean (value));
      break;
    case PROP_VISIBLE_VIEW:
      sitroom_kiosk_window_set_visible_view (self, g_value_get_string (value));
      break;
    case PROP_MONITOR:
      sitroom_kiosk_window_set_monitor (self, g_value_get_int (value));
      break;
    case PROP_PINNED_REGION:
      sitroom_kiosk_window_set_pinned_region (self, g_value_get_string (value));
      break;
    case PROP_PINNED_CHAIN:
      sitroom_kiosk_window_set_pinned_chain (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_kiosk_window_class_init (SitroomKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sitroom_kiosk_window_constructed;
  object_class->dispose = sitroom_kiosk_window_dispose;
  object_class->finalize = sitroom_kiosk_window_finalize;
  object_class->get_property = sitroom_kiosk_window_get_property;
  object_class->set_property = sitroom_kiosk_window_set_property;
  widget_class->map = sitroom_kiosk_window_map;
  widget_class->unmap = sitroom_kiosk_window_unmap;

  _sitroom_kiosk_window_properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The views and the monitor are known before the first page is made. */
  _sitroom_kiosk_window_properties[PROP_VIEWS] =
    g_param_spec_boxed ("views", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _sitroom_kiosk_window_properties[PROP_MONITOR] =
    g_param_spec_int ("monitor", NULL, NULL, -1, 63, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _sitroom_kiosk_window_properties[PROP_ROTATE] =
    g_param_spec_uint ("rotate", NULL, NULL, 0, KIOSK_ROTATE_MAX, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _sitroom_kiosk_window_properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _sitroom_kiosk_window_properties[PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _sitroom_kiosk_window_properties[PROP_PINNED_REGION] =
    g_param_spec_string ("pinned-region", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _sitroom_kiosk_window_properties[PROP_PINNED_CHAIN] =
    g_param_spec_string ("pinned-chain", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, _sitroom_kiosk_window_properties);

  g_type_ensure (SITROOM_TYPE_KIOSK_BAND);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomKioskWindow, view_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomKioskWindow, paused_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomKioskWindow, cutoff_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomKioskWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomKioskWindow, band);
  gtk_widget_class_bind_template_child (widget_class, SitroomKioskWindow, pointer_shield);
  gtk_widget_class_bind_template_child (widget_class, SitroomKioskWindow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SitroomKioskWindow, page_stack);

  _sitroom_kiosk_window_class_init_views (widget_class);
  _sitroom_kiosk_window_class_init_input (widget_class);
}

static void
sitroom_kiosk_window_init (SitroomKioskWindow *self)
{
  self->monitor = -1;
  self->pinned_region = g_strdup ("");
  self->pinned_chain = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  _sitroom_kiosk_window_init_input (self);
  _sitroom_kiosk_window_init_views (self);
}

SitroomKioskWindow *
sitroom_kiosk_window_new (GtkApplication     *application,
                          SitroomContext     *context,
                          const char * const *views,
                          int                 monitor)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SITROOM_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (monitor >= -1, NULL);

  return g_object_new (SITROOM_TYPE_KIOSK_WINDOW,
                       "application", application,
                       "context", context,
                       "views", views,
                       "monitor", monitor,
                       NULL);
}

SitroomContext *
sitroom_kiosk_window_get_context (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), NULL);

  return self->context;
}

const char *
sitroom_kiosk_window_get_pinned_region (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), NULL);

  return self->pinned_region;
}

void
sitroom_kiosk_window_set_pinned_region (SitroomKioskWindow *self,
                                        const char         *code)
{
  g_return_if_fail (SITROOM_IS_KIOSK_WINDOW (self));

  if (code == NULL)
    code = "";
  if (g_strcmp0 (self->pinned_region, code) == 0)
    return;

  g_free (self->pinned_region);
  self->pinned_region = g_strdup (code);
  if (self->constructed)
    apply_pins (self);
  g_object_notify_by_pspec (G_OBJECT (self), _sitroom_kiosk_window_properties[PROP_PINNED_REGION]);
}

const char *
sitroom_kiosk_window_get_pinned_chain (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), NULL);

  return self->pinned_chain;
}

void
sitroom_kiosk_window_set_pinned_chain (SitroomKioskWindow *self,
                                       const char         *id)
{
  g_return_if_fail (SITROOM_IS_KIOSK_WINDOW (self));

  if (id == NULL)
    id = "";
  if (g_strcmp0 (self->pinned_chain, id) == 0)
    return;

  g_free (self->pinned_chain);
  self->pinned_chain = g_strdup (id);
  if (self->constructed)
    apply_pins (self);
  g_object_notify_by_pspec (G_OBJECT (self), _sitroom_kiosk_window_properties[PROP_PINNED_CHAIN]);
}

SitroomKioskBand *
sitroom_kiosk_window_get_band (SitroomKioskWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_WINDOW (self), NULL);

  return self->band;
}

void
sitroom_kiosk_window_set_clock_func (SitroomKioskWindow    *self,
                                     SitroomKioskClockFunc  func,
                                     gpointer               user_data)
{
  g_return_if_fail (SITROOM_IS_KIOSK_WINDOW (self));

  self->clock_func = func;
  self->clock_data = user_data;
  sitroom_kiosk_window_tick (self);
}
