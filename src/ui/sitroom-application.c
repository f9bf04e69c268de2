/* The application: its actions, its one context, and loading documents into it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-application.h"
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
};

G_DEFINE_FINAL_TYPE (SitroomApplication, sitroom_application, ADW_TYPE_APPLICATION)

/* Settings are opened on first use, not when the application is made: the
 * command-line modes run without them (and without an installed schema). */
static GSettings *
get_settings (SitroomApplication *self)
{
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
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
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sitroom_application_parent_class)->dispose (object);
}

static void
sitroom_application_finalize (GObject *object)
{
  SitroomApplication *self = SITROOM_APPLICATION (object);

  g_clear_pointer (&self->token, sitroom_token_free);

  G_OBJECT_CLASS (sitroom_application_parent_class)->finalize (object);
}

static void
sitroom_application_class_init (SitroomApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sitroom_application_dispose;
  object_class->finalize = sitroom_application_finalize;
  app_class->startup = sitroom_application_startup;
  app_class->activate = sitroom_application_activate;
  app_class->shutdown = sitroom_application_shutdown;
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
