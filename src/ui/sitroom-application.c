/* The application: its actions, its one context, and loading documents into it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-application.h"
#include "sitroom-kiosk-window.h"
#include "sitroom-token.h"
#include "sitroom-window.h"

struct _SitroomApplication
{
  AdwApplication parent_instance;

  SitroomContext *context;
  SitroomFeeder *feeder;
  GSettings *settings;
  char *token;
  gboolean allow_insecure;
  gboolean has_initial_source;

  /* Loaded on first use, like the settings. */
  char *boundaries_file;          /* --boundaries, or NULL for the setting */
  SitroomBoundaries *boundaries;
  char *boundaries_error;
  gulong boundaries_changed_id;   /* on settings, while the setting is followed */

  /* The wall display's options given for this run; the others follow
   * their settings. */
  gboolean kiosk;
  gboolean kiosk_rotate_given;
  guint kiosk_rotate;
  GStrv kiosk_views;
  gboolean kiosk_monitor_given;
  int kiosk_monitor;
  GStrv kiosk_fixed_views;
};

G_DEFINE_FINAL_TYPE (SitroomApplication, sitroom_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_BOUNDARIES,
  PROP_BOUNDARIES_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Settings are opened on first use, not when the application is made: the
 * command-line modes run without them (and without an installed schema). */
static GSettings *
get_settings (SitroomApplication *self)
{
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
}

static void
set_boundaries_error (SitroomApplication *self,
                      const char         *message)
{
  if (g_strcmp0 (self->boundaries_error, message) == 0)
    return;
  g_free (self->boundaries_error);
  self->boundaries_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUNDARIES_ERROR]);
}

static void boundaries_file_changed (SitroomApplication *self);

/* The file to read: --boundaries, else the setting (followed from then
 * on), else NULL for the built-in outlines. */
static char *
get_boundaries_path (SitroomApplication *self)
{
  g_autofree char *path = NULL;

  if (self->boundaries_file != NULL)
    return g_strdup (self->boundaries_file);

  if (self->boundaries_changed_id == 0)
    self->boundaries_changed_id = g_signal_connect_swapped (get_settings (self), "changed::boundaries-file",
                                                            G_CALLBACK (boundaries_file_changed), self);
  path = g_settings_get_string (get_settings (self), "boundaries-file");
  if (*path == '\0')
    return NULL;
  return g_steal_pointer (&path);
}

/* Reads the outlines again from where they now come from. A file that
 * cannot be used changes nothing on the map but the error: an operator who
 * mistypes a path must not lose the outlines on the wall. */
static void
load_boundaries (SitroomApplication *self)
{
  g_autoptr(SitroomBoundaries) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = get_boundaries_path (self);
  gboolean first = self->boundaries == NULL;

  if (path == NULL)
    loaded = g_object_ref (sitroom_boundaries_get_builtin ());
  else
    loaded = sitroom_boundaries_new_from_file (path, &error);

  if (loaded == NULL)
    {
      g_autofree char *message = NULL;

      if (first)
        self->boundaries = g_object_ref (sitroom_boundaries_get_builtin ());
      if (sitroom_boundaries_is_builtin (self->boundaries))
        message = g_strdup_printf (_("Boundary file refused: %s; the built-in outlines are shown"),
                                   error->message);
      else
        message = g_strdup_printf (_("Boundary file refused: %s; the previous outlines are still shown"),
                                   error->message);
      set_boundaries_error (self, message);
      return;
    }

  set_boundaries_error (self, NULL);
  if (loaded != self->boundaries)
    {
      g_set_object (&self->boundaries, loaded);
      /* The first load happens inside a getter: no one held the old value. */
      if (!first)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUNDARIES]);
    }
}

static void
boundaries_file_changed (SitroomApplication *self)
{
  /* --boundaries wins over the setting while it is given. */
  if (self->boundaries_file == NULL)
    load_boundaries (self);
}

void
sitroom_application_reload (SitroomApplication *self)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));

  sitroom_feeder_set_feed_options (self->feeder, self->token,
                                   self->allow_insecure ||
                                   g_settings_get_boolean (get_settings (self), "allow-insecure"));
  sitroom_feeder_reload (self->feeder);
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  sitroom_application_reload (SITROOM_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Sitroom"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Sitroom developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/sitroom/sitroom",
                        "comments", _("Situation-room displays and briefings from an epidemic situation feed"),
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing rather than destroying lets each window save its size. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { .name = "reload", .activate = reload_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

static void
sitroom_application_startup (GApplication *application)
{
  SitroomApplication *self = SITROOM_APPLICATION (application);

  G_APPLICATION_CLASS (sitroom_application_parent_class)->startup (application);

  g_settings_bind (get_settings (self), "poll-interval", self->feeder, "poll-interval", G_SETTINGS_BIND_GET);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.reload",
                                         (const char *[]) { "<Primary>r", "F5", NULL });
}

/* Each fixed view's window shows while its monitor is connected: on
 * another, it would cover the rotating one. */
static void
place_fixed_windows (SitroomApplication *self)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  guint n_monitors = g_list_model_get_n_items (monitors);
  /* Presenting a window moves it in the application's list. */
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      gboolean connected;

      if (!SITROOM_IS_KIOSK_WINDOW (l->data) || g_object_get_data (l->data, "sitroom-fixed-view") == NULL)
        continue;
      connected = (guint) sitroom_kiosk_window_get_monitor (l->data) < n_monitors;
      if (connected && !gtk_widget_get_visible (l->data))
        gtk_window_present (l->data);
      else if (!connected)
        gtk_widget_set_visible (l->data, FALSE);
    }
}

/* The wall display: one window rotating its views on the chosen monitor,
 * and one for each fixed view on another. Returns the first. */
static GtkWindow *
open_kiosk_windows (SitroomApplication *self)
{
  GSettings *settings = get_settings (self);
  g_auto(GStrv) views = NULL;
  g_auto(GStrv) fixed_views = NULL;
  SitroomKioskWindow *window;

  views = self->kiosk_views != NULL ? g_strdupv (self->kiosk_views) : g_settings_get_strv (settings, "kiosk-views");
  window = sitroom_kiosk_window_new (GTK_APPLICATION (self), self->context, (const char * const *) views,
                                     self->kiosk_monitor_given ? self->kiosk_monitor
                                                               : g_settings_get_int (settings, "kiosk-monitor"));
  /* What the command line did not say follows the settings as they change:
   * an operator can retune a wall without restarting it. */
  if (self->kiosk_views == NULL)
    g_settings_bind (settings, "kiosk-views", window, "views", G_SETTINGS_BIND_GET);
  if (!self->kiosk_monitor_given)
    g_settings_bind (settings, "kiosk-monitor", window, "monitor", G_SETTINGS_BIND_GET);
  if (self->kiosk_rotate_given)
    sitroom_kiosk_window_set_rotate (window, self->kiosk_rotate);
  else
    g_settings_bind (settings, "kiosk-rotate", window, "rotate", G_SETTINGS_BIND_GET);

  fixed_views = self->kiosk_fixed_views != NULL ? g_strdupv (self->kiosk_fixed_views)
                                                : g_settings_get_strv (settings, "kiosk-fixed-views");
  for (guint i = 0; fixed_views[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *view = NULL;
      SitroomKioskWindow *fixed;
      int monitor;

      if (!sitroom_kiosk_parse_fixed_view (fixed_views[i], &monitor, &view, &error))
        {
          g_warning ("kiosk-fixed-views: %s", error->message);
          continue;
        }
      fixed = sitroom_kiosk_window_new (GTK_APPLICATION (self), self->context,
                                        (const char *[]) { view, NULL }, monitor);
      g_object_set_data (G_OBJECT (fixed), "sitroom-fixed-view", GINT_TO_POINTER (TRUE));
    }
  if (fixed_views[0] != NULL)
    {
      g_signal_connect_object (gdk_display_get_monitors (gdk_display_get_default ()), "items-changed",
                               G_CALLBACK (place_fixed_windows), self, G_CONNECT_SWAPPED);
      place_fixed_windows (self);
    }

  return GTK_WINDOW (window);
}

static void
sitroom_application_activate (GApplication *application)
{
  SitroomApplication *self = SITROOM_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      if (!self->has_initial_source)
        {
          g_autofree char *feed = g_settings_get_string (get_settings (self), "feed");

          sitroom_context_set_source (self->context, feed);
          self->has_initial_source = TRUE;
        }

      if (self->kiosk || g_settings_get_boolean (get_settings (self), "kiosk"))
        window = open_kiosk_windows (self);
      else
        window = GTK_WINDOW (sitroom_window_new (GTK_APPLICATION (self), self->context));

      if (sitroom_context_get_situation (self->context) == NULL)
        sitroom_application_reload (self);
    }

  gtk_window_present (window);
}

static void
sitroom_application_shutdown (GApplication *application)
{
  SitroomApplication *self = SITROOM_APPLICATION (application);

  sitroom_feeder_stop (self->feeder);

  G_APPLICATION_CLASS (sitroom_application_parent_class)->shutdown (application);
}

static void
sitroom_application_dispose (GObject *object)
{
  SitroomApplication *self = SITROOM_APPLICATION (object);

  if (self->feeder != NULL)
    sitroom_feeder_stop (self->feeder);
  g_clear_object (&self->feeder);
  if (self->settings != NULL)
    g_clear_signal_handler (&self->boundaries_changed_id, self->settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->boundaries);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sitroom_application_parent_class)->dispose (object);
}

static void
sitroom_application_finalize (GObject *object)
{
  SitroomApplication *self = SITROOM_APPLICATION (object);

  g_clear_pointer (&self->token, sitroom_token_free);
  g_clear_pointer (&self->boundaries_file, g_free);
  g_clear_pointer (&self->boundaries_error, g_free);
  g_clear_pointer (&self->kiosk_views, g_strfreev);
  g_clear_pointer (&self->kiosk_fixed_views, g_strfreev);

  G_OBJECT_CLASS (sitroom_application_parent_class)->finalize (object);
}

static void
sitroom_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SitroomApplication *self = SITROOM_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_BOUNDARIES:
      g_value_set_object (value, sitroom_application_get_boundaries (self));
      break;

    case PROP_BOUNDARIES_ERROR:
      g_value_set_string (value, sitroom_application_get_boundaries_error (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_application_class_init (SitroomApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sitroom_application_dispose;
  object_class->finalize = sitroom_application_finalize;
  object_class->get_property = sitroom_application_get_property;
  app_class->startup = sitroom_application_startup;
  app_class->activate = sitroom_application_activate;
  app_class->shutdown = sitroom_application_shutdown;

  properties[PROP_BOUNDARIES] =
    g_param_spec_object ("boundaries", NULL, NULL,
                         SITROOM_TYPE_BOUNDARIES,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOUNDARIES_ERROR] =
    g_param_spec_string ("boundaries-error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitroom_application_init (SitroomApplication *self)
{
  g_autoptr(SitroomDocumentCache) cache = sitroom_document_cache_new (NULL);

  self->context = sitroom_context_new ();
  self->feeder = sitroom_feeder_new (self->context);
  sitroom_feeder_set_cache (self->feeder, cache);
}

SitroomApplication *
sitroom_application_new (void)
{
  /* The resource base path brings in style.css and gtk/help-overlay.ui,
   * with win.show-help-overlay on Ctrl+?. */
  return g_object_new (SITROOM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/sitroom/Sitroom",
                       NULL);
}

void
sitroom_application_set_initial_source (SitroomApplication *self,
                                        const char         *source,
                                        gint64              cutoff)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));

  sitroom_context_set_source (self->context, source);
  sitroom_context_set_cutoff (self->context, cutoff);
  self->has_initial_source = TRUE;
}

void
sitroom_application_set_feed_options (SitroomApplication *self,
                                      const char         *token,
                                      gboolean            allow_insecure)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));

  if (token != self->token)
    {
      sitroom_token_free (self->token);
      self->token = g_strdup (token);
    }
  self->allow_insecure = !!allow_insecure;
}

SitroomContext *
sitroom_application_get_context (SitroomApplication *self)
{
  g_return_val_if_fail (SITROOM_IS_APPLICATION (self), NULL);

  return self->context;
}

SitroomFeeder *
sitroom_application_get_feeder (SitroomApplication *self)
{
  g_return_val_if_fail (SITROOM_IS_APPLICATION (self), NULL);

  return self->feeder;
}

void
sitroom_application_set_boundaries_file (SitroomApplication *self,
                                         const char         *path)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));

  if (path != NULL && *path == '\0')
    path = NULL;
  if (g_strcmp0 (path, self->boundaries_file) == 0)
    return;
  g_free (self->boundaries_file);
  self->boundaries_file = g_strdup (path);

  /* Before the first use this only records the path; after it the map
   * follows at once. */
  if (self->boundaries != NULL)
    load_boundaries (self);
}

SitroomBoundaries *
sitroom_application_get_boundaries (SitroomApplication *self)
{
  g_return_val_if_fail (SITROOM_IS_APPLICATION (self), NULL);

  if (self->boundaries == NULL)
    load_boundaries (self);
  return self->boundaries;
}

const char *
sitroom_application_get_boundaries_error (SitroomApplication *self)
{
  g_return_val_if_fail (SITROOM_IS_APPLICATION (self), NULL);

  if (self->boundaries == NULL)
    load_boundaries (self);
  return self->boundaries_error;
}

GSettings *
sitroom_application_get_settings (SitroomApplication *self)
{
  g_return_val_if_fail (SITROOM_IS_APPLICATION (self), NULL);

  return get_settings (self);
}

void
sitroom_application_set_kiosk (SitroomApplication *self,
                               gboolean            kiosk)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));

  self->kiosk = !!kiosk;
}

void
sitroom_application_set_kiosk_rotate (SitroomApplication *self,
                                      guint               seconds)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));

  self->kiosk_rotate = seconds;
  self->kiosk_rotate_given = TRUE;
}

void
sitroom_application_set_kiosk_views (SitroomApplication *self,
                                     const char * const *views)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));
  g_return_if_fail (views == NULL || views[0] != NULL);

  g_strfreev (self->kiosk_views);
  self->kiosk_views = g_strdupv ((char **) views);
}

void
sitroom_application_set_kiosk_monitor (SitroomApplication *self,
                                       int                 monitor)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));
  g_return_if_fail (monitor >= -1);

  self->kiosk_monitor = monitor;
  self->kiosk_monitor_given = TRUE;
}

void
sitroom_application_set_kiosk_fixed_views (SitroomApplication *self,
                                           const char * const *fixed_views)
{
  g_return_if_fail (SITROOM_IS_APPLICATION (self));

  g_strfreev (self->kiosk_fixed_views);
  self->kiosk_fixed_views = g_strdupv ((char **) fixed_views);
}
