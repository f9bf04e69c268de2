/* Tests of the wall display: full screen, rotation, shortcuts, the freshness band, the clock, the pointer, idle frames, its pages and their type, its options. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-widgets.h"

#include <string.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "sitroom-application.h"
#include "sitroom-capacity-chart.h"
#include "sitroom-capacity-view.h"
#include "sitroom-chains-view.h"
#include "sitroom-curve-view.h"
#include "sitroom-format.h"
#include "sitroom-kiosk-window.h"
#include "sitroom-map-view.h"
#include "sitroom-source.h"

/* Every wait is bounded: a window that never gets there fails the test. */
#define WAIT_SECONDS 8

typedef struct {
  SitroomApplication *app;      /* only as the loader and for settings: never registered */
  SitroomContext *context;
  SitroomKioskWindow *window;
  SoupServer *server;           /* a feed that can go away, or NULL */
  gboolean server_down;
  char *etag;
  GBytes *document;
  guint frames;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

static void
wait_for (Fixture       *fixture,
          Condition      done,
          gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!done (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the wall display");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Runs the main loop for a while, for things that must not happen. */
static void
spin (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static GBytes *
demo_bytes (void)
{
  GBytes *bytes = g_resources_lookup_data (SITROOM_DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (bytes);
  return bytes;
}

/* The demo, accepted as a load at @loaded_at would be. */
static void
accept_demo (Fixture *fixture,
             gint64   loaded_at)
{
  g_autoptr(GBytes) bytes = demo_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  sitroom_context_accept (fixture->context, situation, loaded_at);
}

static void
open_window (Fixture            *fixture,
             const char * const *views,
             guint               rotate)
{
  fixture->window = g_object_ref_sink (sitroom_kiosk_window_new (NULL, fixture->context, views, -1));
  sitroom_kiosk_window_set_rotate (fixture->window, rotate);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static gboolean
is_mapped (Fixture *fixture, gconstpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window));
}

static gboolean
shows_view (Fixture *fixture, gconstpointer name)
{
  return g_strcmp0 (sitroom_kiosk_window_get_visible_view (fixture->window), name) == 0;
}

static gboolean
band_shown (Fixture *fixture, gconstpointer shown)
{
  return sitroom_kiosk_band_get_shown (sitroom_kiosk_window_get_band (fixture->window)) == GPOINTER_TO_INT (shown);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static GtkWidget *
find_label (Fixture    *fixture,
            const char *text)
{
  return sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_label_containing, text);
}

/* A key without modifiers, through the window's shortcuts as a press would. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_error ("no shortcut for %s", gdk_keyval_name (keyval));
}

static AdwMessageDialog *
find_dialog (Fixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (fixture->window) &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Answers the dialog as a click on its button would. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = sitroom_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static GtkEventController *
find_motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }
  g_error ("the window does not follow the pointer");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = sitroom_application_new ();
  fixture->context = g_object_ref (sitroom_application_get_context (fixture->app));
  sitroom_context_set_lang (fixture->context, "en");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sitroom_feeder_stop (sitroom_application_get_feeder (fixture->app));
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  if (fixture->server != NULL)
    soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->document, g_bytes_unref);
  g_clear_pointer (&fixture->etag, g_free);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->app);
}

/* ------------------------------------------------------------------------ */

/* It asks for full screen, has no window controls, is dark for as long as
 * it is open, and shows the cutoff and the clock. */
static void
test_kiosk_full_screen (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *clock = NULL;

  g_assert_cmpint (adw_style_manager_get_color_scheme (style), !=, ADW_COLOR_SCHEME_FORCE_DARK);

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "map", NULL }, 0);
  wait_for (fixture, is_mapped, NULL);

  g_assert_true (sitroom_kiosk_window_get_full_screen (fixture->window));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (fixture->window)));
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (fixture->window)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "kiosk"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));

  g_assert_nonnull (find_label (fixture, "Figures as of 2022-08-20 13:00 CST"));
  now = g_date_time_new_now_local ();
  clock = g_date_time_format (now, "%H:%M");
  /* The minute may turn between the two readings. */
  g_assert_true (find_label (fixture, clock) != NULL || sitroom_kiosk_window_tick (fixture->window) > 0);
  g_assert_nonnull (find_label (fixture, "Map"));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), !=, ADW_COLOR_SCHEME_FORCE_DARK);
}

/* Each view in turn, a period apart, and round again. */
static void
test_kiosk_rotation (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 start;

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "map", "chains", "curve", NULL }, 1);
  start = g_get_monotonic_time ();
  g_assert_true (shows_view (fixture, "map"));
  g_assert_true (sitroom_kiosk_window_get_rotating (fixture->window));

  wait_for (fixture, shows_view, "chains");
  /* Whole seconds, which GLib may round down by a quarter. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 700 * 1000);
  g_assert_nonnull (find_label (fixture, "Chains"));
  wait_for (fixture, shows_view, "curve");
  wait_for (fixture, shows_view, "map");
}

/* With 0 the first view stays, and no timer runs; one view does not
 * rotate either. */
static void
test_kiosk_no_rotation (Fixture       *fixture,
                        gconstpointer  data)
{
  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "chains", "map", NULL }, 0);
  g_assert_false (sitroom_kiosk_window_get_rotating (fixture->window));
  spin (2500);
  g_assert_true (shows_view (fixture, "chains"));

  sitroom_kiosk_window_set_rotate (fixture->window, 1);
  g_assert_true (sitroom_kiosk_window_get_rotating (fixture->window));
  sitroom_kiosk_window_set_views (fixture->window, (const char *[]) { "curve", NULL });
  g_assert_true (shows_view (fixture, "curve"));
  g_assert_false (sitroom_kiosk_window_get_rotating (fixture->window));
  spin (1500);
  g_assert_true (shows_view (fixture, "curve"));
}

/* Ctrl+2 shows the map and holds the rotation; Space lets it go and holds
 * it again. */
static void
test_kiosk_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "chains", "curve", NULL }, 1);
  wait_for (fixture, is_mapped, NULL);
  g_assert_null (find_label (fixture, "Rotation paused"));

  sitroom_test_press_ctrl (GTK_WIDGET (fixture->window), GDK_KEY_2);
  g_assert_true (shows_view (fixture, "map"));
  g_assert_true (sitroom_kiosk_window_get_paused (fixture->window));
  g_assert_false (sitroom_kiosk_window_get_rotating (fixture->window));
  g_assert_nonnull (find_label (fixture, "Rotation paused"));
  spin (1500);
  g_assert_true (shows_view (fixture, "map"));

  press_key (GTK_WIDGET (fixture->window), GDK_KEY_space);
  g_assert_false (sitroom_kiosk_window_get_paused (fixture->window));
  g_assert_true (sitroom_kiosk_window_get_rotating (fixture->window));
  g_assert_null (find_label (fixture, "Rotation paused"));
  wait_for (fixture, shows_view, "chains");

  press_key (GTK_WIDGET (fixture->window), GDK_KEY_space);
  g_assert_true (sitroom_kiosk_window_get_paused (fixture->window));
  g_assert_false (sitroom_kiosk_window_get_rotating (fixture->window));

  sitroom_test_press_ctrl (GTK_WIDGET (fixture->window), GDK_KEY_6);
  g_assert_true (shows_view (fixture, "measures"));
}

/* Escape asks first; only "leave" leaves, and F11 comes back. */
static void
test_kiosk_escape (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "map", NULL }, 0);
  wait_for (fixture, is_mapped, NULL);
  g_assert_null (find_dialog (fixture));

  press_key (GTK_WIDGET (fixture->window), GDK_KEY_Escape);
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_true (sitroom_kiosk_window_get_full_screen (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "stay");
  click_response (dialog, "_Stay Full Screen");
  spin (100);
  g_assert_null (find_dialog (fixture));
  g_assert_true (sitroom_kiosk_window_get_full_screen (fixture->window));

  press_key (GTK_WIDGET (fixture->window), GDK_KEY_Escape);
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  click_response (dialog, "_Leave Full Screen");
  spin (100);
  g_assert_false (sitroom_kiosk_window_get_full_screen (fixture->window));

  /* Out of full screen Escape does nothing; F11 goes back without asking. */
  press_key (GTK_WIDGET (fixture->window), GDK_KEY_Escape);
  g_assert_null (find_dialog (fixture));
  press_key (GTK_WIDGET (fixture->window), GDK_KEY_F11);
  g_assert_true (sitroom_kiosk_window_get_full_screen (fixture->window));
  g_assert_null (find_dialog (fixture));
}

/* Older than stale-after: the band with the age; a fresh load takes it
 * away; and it comes by itself when the data turns stale. */
static void
test_kiosk_band_stale (Fixture       *fixture,
                       gconstpointer  data)
{
  SitroomKioskBand *band;
  gint64 now = g_get_real_time ();

  accept_demo (fixture, now - 14 * 60 * G_USEC_PER_SEC - 5 * G_USEC_PER_SEC);
  open_window (fixture, (const char *[]) { "map", NULL }, 0);
  band = sitroom_kiosk_window_get_band (fixture->window);
  sitroom_kiosk_band_set_stale_after (band, 10);

  g_assert_true (sitroom_kiosk_band_get_shown (band));
  g_assert_nonnull (strstr (sitroom_kiosk_band_get_text (band), "Data 14 minutes old"));
  g_assert_nonnull (strstr (sitroom_kiosk_band_get_text (band), "last confirmed at"));
  g_assert_nonnull (find_label (fixture, "Data 14 minutes old"));

  /* A longer threshold: fresh again. */
  sitroom_kiosk_band_set_stale_after (band, 15);
  g_assert_false (sitroom_kiosk_band_get_shown (band));

  /* A 304 from the feed counts as fresh data. */
  sitroom_kiosk_band_set_stale_after (band, 10);
  g_assert_true (sitroom_kiosk_band_get_shown (band));
  sitroom_context_confirm (fixture->context, g_get_real_time ());
  g_assert_false (sitroom_kiosk_band_get_shown (band));
  g_assert_cmpstr (sitroom_kiosk_band_get_text (band), ==, "");

  /* A minute's threshold reached in a second: no tick, the band's own timeout. */
  sitroom_kiosk_band_set_stale_after (band, 1);
  sitroom_context_confirm (fixture->context, g_get_real_time () - 59 * G_USEC_PER_SEC);
  g_assert_false (sitroom_kiosk_band_get_shown (band));
  wait_for (fixture, band_shown, GINT_TO_POINTER (TRUE));
  g_assert_nonnull (strstr (sitroom_kiosk_band_get_text (band), "Data 1 minute old"));
}

/* A failing feed: the band at once, with when it began and what is wrong;
 * gone with the next success. */
static void
test_kiosk_band_failing (Fixture       *fixture,
                         gconstpointer  data)
{
  SitroomKioskBand *band;
  g_autofree char *since = NULL;
  g_autofree char *next = NULL;
  gint64 now;

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "map", NULL }, 0);
  band = sitroom_kiosk_window_get_band (fixture->window);
  g_assert_false (sitroom_kiosk_band_get_shown (band));

  now = g_get_real_time ();
  next = sitroom_format_clock (now + 300 * G_USEC_PER_SEC);
  sitroom_context_set_load_error (fixture->context, "HTTP 503, retrying in 5 min");
  sitroom_context_set_next_retry (fixture->context, now + 300 * G_USEC_PER_SEC);
  g_assert_true (sitroom_kiosk_band_get_shown (band));
  g_assert_nonnull (strstr (sitroom_kiosk_band_get_text (band), "Data less than a minute old"));
  g_assert_nonnull (strstr (sitroom_kiosk_band_get_text (band), "the feed has been failing since "));
  since = g_strdup (strrchr (sitroom_kiosk_band_get_text (band), ' ') + 1);
  g_assert_cmpuint (strlen (since), ==, 5);
  {
    g_autofree char *before = sitroom_format_clock (now);
    g_autofree char *after = sitroom_format_clock (g_get_real_time ());

    g_assert_true (g_str_equal (since, before) || g_str_equal (since, after));
  }
  g_assert_nonnull (find_label (fixture, "HTTP 503"));
  g_assert_nonnull (find_label (fixture, next));

  /* Each retry changes the message, not the time the failure began. */
  sitroom_context_set_load_error (fixture->context, "HTTP 502, retrying in 5 min");
  g_assert_nonnull (strstr (sitroom_kiosk_band_get_text (band), since));
  g_assert_nonnull (find_label (fixture, "HTTP 502"));

  sitroom_context_confirm (fixture->context, g_get_real_time ());
  g_assert_false (sitroom_kiosk_band_get_shown (band));
}

/* ------------------------------------------------------------------------ */
/* A feed that goes away and comes back, on the same port */

static void
feed_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "If-None-Match");

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", fixture->etag);
  if (g_strcmp0 (match, fixture->etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (fixture->document, NULL),
                                    g_bytes_get_size (fixture->document));
}

static void
feed_listen (Fixture *fixture,
             guint    port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/v1/situation", feed_cb, fixture, NULL);
  soup_server_listen (fixture->server, address, 0, &error);
  g_assert_no_error (error);
}

static guint
feed_port (Fixture *fixture)
{
  GSList *uris = soup_server_get_uris (fixture->server);
  guint port = g_uri_get_port (uris->data);

  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return port;
}

static gboolean
has_situation (Fixture *fixture, gconstpointer data)
{
  return sitroom_context_get_situation (fixture->context) != NULL;
}

static gboolean
has_client (Fixture *fixture, gconstpointer data)
{
  return sitroom_feeder_get_client (sitroom_application_get_feeder (fixture->app)) != NULL;
}

static void
test_kiosk_feed_away (Fixture       *fixture,
                      gconstpointer  data)
{
  SitroomFeeder *feeder = sitroom_application_get_feeder (fixture->app);
  g_autofree char *base_url = NULL;
  g_autofree char *digest = NULL;
  guint port;

  fixture->document = demo_bytes ();
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, fixture->document);
  fixture->etag = g_strdup_printf ("\"%s\"", digest);
  feed_listen (fixture, 0);
  port = feed_port (fixture);
  base_url = g_strdup_printf ("http://127.0.0.1:%u", port);

  open_window (fixture, (const char *[]) { "map", NULL }, 0);
  g_assert_null (find_label (fixture, "Figures as of"));
  sitroom_feeder_set_poll_interval (feeder, 1);
  sitroom_context_set_source (fixture->context, base_url);
  sitroom_application_reload (fixture->app);
  wait_for (fixture, has_client, NULL);
  /* Hours of absence in a second: the back-off is the client's, with
   * shorter steps. */
  sitroom_feed_client_set_retry_delays (sitroom_feeder_get_client (feeder), 200, 500);
  wait_for (fixture, has_situation, NULL);
  g_assert_nonnull (find_label (fixture, "Figures as of 2022-08-20 13:00 CST"));
  g_assert_true (band_shown (fixture, GINT_TO_POINTER (FALSE)));

  /* Gone: connections refused. */
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  wait_for (fixture, band_shown, GINT_TO_POINTER (TRUE));
  g_assert_nonnull (strstr (sitroom_kiosk_band_get_text (sitroom_kiosk_window_get_band (fixture->window)),
                            "the feed has been failing since"));
  /* The last good figures stay on screen under the band. */
  g_assert_nonnull (find_label (fixture, "Figures as of 2022-08-20 13:00 CST"));

  /* Back, with nothing new: its 304 is enough. */
  feed_listen (fixture, port);
  wait_for (fixture, band_shown, GINT_TO_POINTER (FALSE));
  g_assert_null (sitroom_context_get_load_error (fixture->context));
}

/* ------------------------------------------------------------------------ */

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

/* The clock says the minute, and the next tick is at the coming minute. */
static void
test_kiosk_clock (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) half_past = g_date_time_new_local (2022, 8, 20, 12, 59, 30);
  g_autoptr(GDateTime) on_the_minute = g_date_time_new_local (2022, 8, 20, 13, 0, 0);

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "map", NULL }, 0);

  sitroom_kiosk_window_set_clock_func (fixture->window, fixed_clock, half_past);
  g_assert_nonnull (find_label (fixture, "12:59"));
  g_assert_cmpuint (sitroom_kiosk_window_tick (fixture->window), ==, 30);

  sitroom_kiosk_window_set_clock_func (fixture->window, fixed_clock, on_the_minute);
  g_assert_cmpuint (sitroom_kiosk_window_tick (fixture->window), ==, 60);
  g_assert_nonnull (find_label (fixture, "13:00"));
  g_assert_null (find_label (fixture, "12:59"));

  sitroom_kiosk_window_set_clock_func (fixture->window, NULL, NULL);
}

/* The pointer goes after 3 s still, and comes back when it moves. */
static gboolean
cursor_hidden (Fixture       *fixture,
               gconstpointer  data)
{
  return sitroom_kiosk_window_get_cursor_hidden (fixture->window);
}

static void
test_kiosk_cursor (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkEventController *motion;
  GdkCursor *cursor;

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "map", NULL }, 0);
  wait_for (fixture, is_mapped, NULL);
  motion = find_motion_controller (GTK_WIDGET (fixture->window));

  g_signal_emit_by_name (motion, "motion", 100.0, 100.0);
  spin (2000);
  g_assert_false (sitroom_kiosk_window_get_cursor_hidden (fixture->window));
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (fixture->window)));

  /* A move half-way through starts the wait again. */
  g_signal_emit_by_name (motion, "motion", 120.0, 100.0);
  spin (2000);
  g_assert_false (sitroom_kiosk_window_get_cursor_hidden (fixture->window));
  /* Due 3 s after the move; a busy machine may be late with it. */
  spin (1500);
  wait_for (fixture, cursor_hidden, NULL);
  g_assert_true (sitroom_kiosk_window_get_cursor_hidden (fixture->window));
  cursor = gtk_widget_get_cursor (GTK_WIDGET (fixture->window));
  g_assert_nonnull (cursor);
  g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "none");

  /* The same place again is not a move. */
  g_signal_emit_by_name (motion, "motion", 120.0, 100.0);
  g_assert_true (sitroom_kiosk_window_get_cursor_hidden (fixture->window));
  g_signal_emit_by_name (motion, "motion", 140.0, 100.0);
  g_assert_false (sitroom_kiosk_window_get_cursor_hidden (fixture->window));
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (fixture->window)));
}

static void
count_frame_cb (GdkFrameClock *clock,
                Fixture       *fixture)
{
  fixture->frames++;
}

static gboolean
quiet_for_a_second (Fixture *fixture, gconstpointer data)
{
  guint before = fixture->frames;

  spin (1000);
  return fixture->frames == before;
}

/* Nothing changes, nothing is drawn: an idle wall without rotation draws
 * no frame at all, whatever view it shows. */
static void
test_kiosk_idle_frames (Fixture       *fixture,
                        gconstpointer  view)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (2022, 8, 20, 12, 0, 0);
  GdkFrameClock *clock;

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { view, NULL }, 0);
  /* The clock's minute, which rightly draws, must not turn during the count. */
  sitroom_kiosk_window_set_clock_func (fixture->window, fixed_clock, noon);
  wait_for (fixture, is_mapped, NULL);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), fixture);

  /* Settled: the first frames are drawn and the pointer is hidden. */
  spin (3200);
  g_assert_cmpuint (fixture->frames, >, 0);
  wait_for (fixture, quiet_for_a_second, NULL);

  fixture->frames = 0;
  spin (2500);
  g_assert_cmpuint (fixture->frames, ==, 0);

  /* The count counts: a change of view draws. */
  sitroom_kiosk_window_set_visible_view (fixture->window, g_str_equal (view, "curve") ? "chains" : "curve");
  spin (1000);
  g_assert_cmpuint (fixture->frames, >, 0);

  g_signal_handlers_disconnect_by_data (clock, fixture);
  sitroom_kiosk_window_set_clock_func (fixture->window, NULL, NULL);
}

/* A pinned prefecture and chain are selected in each new document. */
static void
test_kiosk_pinned (Fixture       *fixture,
                   gconstpointer  data)
{
  SitroomSituation *situation;

  open_window (fixture, (const char *[]) { "map", NULL }, 0);
  sitroom_kiosk_window_set_pinned_region (fixture->window, "140800");
  sitroom_kiosk_window_set_pinned_chain (fixture->window, "0820-yanhu");
  accept_demo (fixture, g_get_real_time ());

  situation = sitroom_context_get_situation (fixture->context);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==,
                   sitroom_situation_lookup_region (situation, "140800"));
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==,
                   sitroom_situation_lookup_chain (situation, "0820-yanhu"));

  /* Someone chooses another; the next document brings the pin back. */
  sitroom_context_set_selected_prefecture (fixture->context, -1);
  accept_demo (fixture, g_get_real_time ());
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==,
                   sitroom_situation_lookup_region (sitroom_context_get_situation (fixture->context), "140800"));
}

/* ------------------------------------------------------------------------ */
/* The pages on the wall */

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_type (Fixture *fixture,
           GType    type)
{
  GtkWidget *widget = sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
is_shown_button (GtkWidget     *widget,
                 gconstpointer  label)
{
  return is_button_labelled (widget, label) && gtk_widget_is_visible (widget);
}

/* The style the application brings, which a window made without it lacks. */
static GtkCssProvider *
add_style (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/sitroom/Sitroom/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return provider;
}

static void
remove_style (GtkCssProvider *provider)
{
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  g_object_unref (provider);
}

/* Nobody touches a wall: no map controls, no grouping switch, no prompt
 * to select a chain. */
static void
test_kiosk_quiet_pages (Fixture       *fixture,
                        gconstpointer  data)
{
  SitroomMapView *map;

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "map", "chains", "curve", NULL }, 0);
  wait_for (fixture, is_mapped, NULL);

  map = SITROOM_MAP_VIEW (find_type (fixture, SITROOM_TYPE_MAP_VIEW));
  g_assert_false (sitroom_map_view_get_controls_visible (map));
  g_assert_null (find_label (fixture, "No route"));

  sitroom_kiosk_window_set_visible_view (fixture->window, "chains");
  spin (200);
  g_assert_false (sitroom_chains_view_get_placeholder_visible (SITROOM_CHAINS_VIEW (find_type (fixture, SITROOM_TYPE_CHAINS_VIEW))));
  g_assert_null (find_label (fixture, "No Chain Selected"));
  g_assert_nonnull (find_label (fixture, "Train Z22"));

  sitroom_kiosk_window_set_visible_view (fixture->window, "curve");
  spin (200);
  g_assert_false (sitroom_curve_view_get_controls_visible (SITROOM_CURVE_VIEW (find_type (fixture, SITROOM_TYPE_CURVE_VIEW))));
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_shown_button, "By chain"));
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_shown_button, "By prefecture"));
}

/* The wall's type, 24 px on 1080 lines and 17 px below, gives the charts
 * their text scale. */
static void
test_kiosk_wall_type (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkCssProvider *provider = add_style ();
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  SitroomMapView *map;
  SitroomCurvePlot *plot;
  double expected;

  accept_demo (fixture, g_get_real_time ());
  open_window (fixture, (const char *[]) { "map", "curve", NULL }, 0);
  wait_for (fixture, is_mapped, NULL);
  expected = (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "kiosk-small") ? 17 : 24) / SITROOM_DESK_FONT_PX;
  g_assert_cmpfloat (expected, >, 1.15);

  map = SITROOM_MAP_VIEW (find_type (fixture, SITROOM_TYPE_MAP_VIEW));
  while (!G_APPROX_VALUE (sitroom_map_view_get_text_scale (map), expected, 0.01))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the map's text scale is %g, not %g", sitroom_map_view_get_text_scale (map), expected);
      spin (10);
    }

  sitroom_kiosk_window_set_visible_view (fixture->window, "curve");
  plot = sitroom_curve_view_get_plot (SITROOM_CURVE_VIEW (find_type (fixture, SITROOM_TYPE_CURVE_VIEW)));
  while (!G_APPROX_VALUE (sitroom_curve_plot_get_text_scale (plot), expected, 0.01))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the curve's text scale is %g, not %g", sitroom_curve_plot_get_text_scale (plot), expected);
      spin (10);
    }

  remove_style (provider);
}

static GtkAdjustment *
capacity_scroll (Fixture *fixture)
{
  GtkWidget *capacity = find_type (fixture, SITROOM_TYPE_CAPACITY_VIEW);
  GtkWidget *scroller = sitroom_test_find_widget (capacity, is_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));

  g_assert_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Where the first forecast chart is in the page's scrolled window: whether
 * all of it is on screen. */
static gboolean
chart_on_screen (Fixture *fixture)
{
  GtkWidget *capacity = find_type (fixture, SITROOM_TYPE_CAPACITY_VIEW);
  GtkWidget *scroller = sitroom_test_find_widget (capacity, is_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  GtkWidget *chart = sitroom_test_find_widget (capacity, is_type, GSIZE_TO_POINTER (SITROOM_TYPE_CAPACITY_CHART));
  double x, y;

  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_translate_coordinates (chart, scroller, 0, 0, &x, &y));
  return y >= 0 && y + gtk_widget_get_height (chart) <= gtk_widget_get_height (scroller);
}

static gboolean
capacity_is_long (Fixture *fixture, gconstpointer data)
{
  GtkAdjustment *adjustment = capacity_scroll (fixture);

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100;
}

static gboolean
capacity_scrolled (Fixture *fixture, gconstpointer data)
{
  return gtk_adjustment_get_value (capacity_scroll (fixture)) > 0;
}

/* Nobody scrolls a wall: the rotation scrolls the Capacity page on to its
 * forecast before going to the next view, and shows it again from its top. */
static void
test_kiosk_long_page (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkCssProvider *provider = add_style ();

  accept_demo (fixture, g_get_real_time ());
  fixture->window = g_object_ref_sink (sitroom_kiosk_window_new (NULL, fixture->context,
                                                                 (const char *[]) { "capacity", "map", NULL }, -1));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for (fixture, capacity_is_long, NULL);
  g_assert_cmpuint (sitroom_capacity_view_get_forecast_columns (SITROOM_CAPACITY_VIEW (find_type (fixture, SITROOM_TYPE_CAPACITY_VIEW))),
                    ==, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (capacity_scroll (fixture)), ==, 0);
  g_assert_false (chart_on_screen (fixture));

  sitroom_kiosk_window_set_rotate (fixture->window, 1);
  wait_for (fixture, capacity_scrolled, NULL);
  g_assert_true (shows_view (fixture, "capacity"));
  /* Once still, the forecast's charts are on screen. */
  spin (900);
  g_assert_true (shows_view (fixture, "capacity") || shows_view (fixture, "map"));
  g_assert_true (shows_view (fixture, "map") || chart_on_screen (fixture));

  wait_for (fixture, shows_view, "map");
  wait_for (fixture, shows_view, "capacity");
  g_assert_cmpfloat (gtk_adjustment_get_value (capacity_scroll (fixture)), ==, 0);

  remove_style (provider);
}

/* ------------------------------------------------------------------------ */
/* The command line, through the real program */

static int
run_sitroom (char       **err,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("SITROOM_EXE");
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  /* Refused before any window: no display is needed to say so. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
assert_refused (const char *expected,
                const char *first,
                ...)
{
  /* Up to four arguments, enough for these cases. */
  const char *args[5] = { first, NULL, NULL, NULL, NULL };
  g_autofree char *err = NULL;
  va_list ap;

  va_start (ap, first);
  for (guint i = 1; i < 4 && args[i - 1] != NULL; i++)
    args[i] = va_arg (ap, const char *);
  va_end (ap);

  g_assert_cmpint (run_sitroom (&err, args[0], args[1], args[2], args[3], NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "sitroom: "));
  if (strstr (err, expected) == NULL)
    g_error ("“%s” not in: %s", expected, err);
}

static void
test_kiosk_cli (Fixture       *fixture,
                gconstpointer  data)
{
  assert_refused ("--views: unknown view “maps”", "--kiosk", "--views", "map,maps", NULL);
  assert_refused ("--views: unknown view “”", "--kiosk", "--views", "", NULL);
  assert_refused ("--rotate: “soon” is not a number of seconds", "--kiosk", "--rotate", "soon", NULL);
  assert_refused ("--rotate: “-5” is not a number of seconds", "--kiosk", "--rotate=-5", NULL);
  assert_refused ("--rotate: “86401”", "--kiosk", "--rotate", "86401", NULL);
  assert_refused ("--monitor: “first”", "--kiosk", "--monitor", "first", NULL);
  assert_refused ("--also: “chains” is not MONITOR:VIEW", "--kiosk", "--also", "chains", NULL);
  assert_refused ("--also: unknown view “graph”", "--kiosk", "--also", "1:graph", NULL);
  assert_refused ("--rotate is used only with --kiosk", "--rotate", "30", NULL);
  assert_refused ("--kiosk cannot be combined", "--kiosk", "--summary", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_home = NULL;
  int status;

  /* The feed's stored copies of this run, apart from the user's. Set
   * before GLib reads it once and for all. */
  cache_home = g_dir_make_tmp ("sitroom-kiosk-cache-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/kiosk/window/full-screen", test_kiosk_full_screen, NULL);
  ADD ("/ui/kiosk/rotation/rotates", test_kiosk_rotation, NULL);
  ADD ("/ui/kiosk/rotation/none", test_kiosk_no_rotation, NULL);
  ADD ("/ui/kiosk/keys/views-and-space", test_kiosk_keys, NULL);
  ADD ("/ui/kiosk/keys/escape-asks", test_kiosk_escape, NULL);
  ADD ("/ui/kiosk/band/stale", test_kiosk_band_stale, NULL);
  ADD ("/ui/kiosk/band/failing", test_kiosk_band_failing, NULL);
  ADD ("/ui/kiosk/band/feed-away-and-back", test_kiosk_feed_away, NULL);
  ADD ("/ui/kiosk/clock/minute", test_kiosk_clock, NULL);
  ADD ("/ui/kiosk/cursor/hidden", test_kiosk_cursor, NULL);
  ADD ("/ui/kiosk/idle/map", test_kiosk_idle_frames, "map");
  ADD ("/ui/kiosk/idle/chains", test_kiosk_idle_frames, "chains");
  ADD ("/ui/kiosk/idle/curve", test_kiosk_idle_frames, "curve");
  ADD ("/ui/kiosk/idle/capacity", test_kiosk_idle_frames, "capacity");
  ADD ("/ui/kiosk/pinned", test_kiosk_pinned, NULL);
  ADD ("/ui/kiosk/pages/quiet", test_kiosk_quiet_pages, NULL);
  ADD ("/ui/kiosk/pages/wall-type", test_kiosk_wall_type, NULL);
  ADD ("/ui/kiosk/pages/long-page", test_kiosk_long_page, NULL);
  ADD ("/ui/kiosk/cli/refused", test_kiosk_cli, NULL);

#undef ADD

  status = g_test_run ();
  remove_tree (cache_home);

  return status;
}
