/* Tests of the window on a live feed: the demo's own server, publications, failures, the stored copy, a watched file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-widgets.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "sitroom-application.h"
#include "sitroom-document-cache.h"
#include "sitroom-feed-server.h"
#include "sitroom-figure.h"
#include "sitroom-source.h"
#include "sitroom-window.h"

/* Every wait is bounded: a feed that never answers fails the test, not CI. */
#define WAIT_SECONDS 5

/* One more mild case in Yuncheng, before the demo's as_of. */
#define EXTRA_CASE \
  "{\"id\": \"c-0012\", \"reported_at\": \"2022-08-20T12:00:00+08:00\", \"region\": \"140802\"," \
  " \"chain\": \"0820-yanhu\", \"classification\": \"mild\", \"imported\": true, \"status\": \"hospitalized\"},"

/* A code known to nobody: refused whole, with the pointer of the case. */
#define REFUSED_DOCUMENT \
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-21T13:00:00+08:00\", \"chains\": []," \
  " \"cases\": [{\"id\": \"c-1\", \"reported_at\": \"2022-08-21T09:00:00+08:00\", \"region\": \"999999\"," \
  "  \"classification\": \"mild\", \"imported\": false, \"status\": \"hospitalized\"}]}"

/* A feed that misbehaves on demand: answers, fails with 503, or holds its
 * answers until told. No stream: the client polls it. */
typedef enum {
  FAKE_ANSWER,
  FAKE_UNAVAILABLE,
  FAKE_HOLD,
} FakeMode;

typedef struct {
  SoupServer *server;
  char *base_url;
  GBytes *document;
  char *etag;
  FakeMode mode;
  guint requests;
  guint answered;
  char *authorization;   /* of the last request */
  GPtrArray *held;   /* SoupServerMessage, paused */
} FakeFeed;

typedef struct {
  SitroomApplication *app;      /* only as the loader: never registered */
  SitroomContext *context;
  SitroomWindow *window;
  FakeFeed *fake;
  SitroomFeedServer *server;
  SitroomFeedStore *store;
  guint warnings;
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
        g_error ("timed out waiting for the window");
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

static GBytes *
demo_with_extra_case (void)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (demo, NULL), g_bytes_get_size (demo));

  g_assert_cmpuint (g_string_replace (text, "\"cases\": [", "\"cases\": [" EXTRA_CASE, 1), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* ------------------------------------------------------------------------ */
/* The misbehaving feed */

static void
fake_answer (FakeFeed          *fake,
             SoupServerMessage *msg)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *match = soup_message_headers_get_one (request, "If-None-Match");

  fake->answered++;

  if (fake->mode == FAKE_UNAVAILABLE)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "busy", 4);
      return;
    }

  soup_message_headers_replace (response, "ETag", fake->etag);
  if (g_strcmp0 (match, fake->etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (fake->document, NULL),
                                    g_bytes_get_size (fake->document));
}

static void
fake_situation_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  FakeFeed *fake = user_data;

  fake->requests++;
  g_free (fake->authorization);
  fake->authorization = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                                "Authorization"));

  if (fake->mode == FAKE_HOLD)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (fake->held, g_object_ref (msg));
      return;
    }

  fake_answer (fake, msg);
}

static void
fake_set_document (FakeFeed *fake,
                   GBytes   *document)
{
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);

  g_clear_pointer (&fake->document, g_bytes_unref);
  g_free (fake->etag);
  fake->document = g_bytes_ref (document);
  fake->etag = g_strdup_printf ("\"%s\"", digest);
}

static FakeFeed *
fake_feed_new (GBytes *document)
{
  FakeFeed *fake = g_new0 (FakeFeed, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  GUri *uri;

  fake->held = g_ptr_array_new_with_free_func (g_object_unref);
  fake_set_document (fake, document);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, "/v1/situation", fake_situation_cb, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->server);
  uri = uris->data;
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return fake;
}

static void
fake_release (FakeFeed *fake)
{
  fake->mode = FAKE_ANSWER;
  for (guint i = 0; i < fake->held->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (fake->held, i);

      fake_answer (fake, msg);
      soup_server_message_unpause (msg);
    }
  g_ptr_array_set_size (fake->held, 0);
}

static void
fake_feed_free (FakeFeed *fake)
{
  fake_release (fake);
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_clear_pointer (&fake->held, g_ptr_array_unref);
  g_clear_pointer (&fake->document, g_bytes_unref);
  g_free (fake->etag);
  g_free (fake->authorization);
  g_free (fake->base_url);
  g_free (fake);
}

/* ------------------------------------------------------------------------ */
/* What the window shows */

static gboolean
is_shown_label_containing (GtkWidget     *widget,
                           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static GtkWidget *
find_label_containing (Fixture    *fixture,
                       const char *text)
{
  return sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_shown_label_containing, text);
}

static gboolean
shows_text (Fixture *fixture, gconstpointer text)
{
  return find_label_containing (fixture, text) != NULL;
}

static gboolean
is_figure_titled (GtkWidget     *widget,
                  gconstpointer  title)
{
  return SITROOM_IS_FIGURE (widget) &&
         g_strcmp0 (sitroom_figure_get_title (SITROOM_FIGURE (widget)), title) == 0;
}

static const char *
figure_value (Fixture    *fixture,
              const char *title)
{
  GtkWidget *figure = sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_figure_titled, title);

  if (figure == NULL || !gtk_widget_get_mapped (figure))
    return NULL;
  return sitroom_figure_get_value (SITROOM_FIGURE (figure));
}

static gboolean
positives_are (Fixture *fixture, gconstpointer value)
{
  return g_strcmp0 (figure_value (fixture, "Nucleic-acid positives"), value) == 0;
}

static gboolean
is_problem_revealer (GtkWidget     *widget,
                     gconstpointer  data)
{
  GtkWidget *child;

  return GTK_IS_REVEALER (widget) &&
         (child = gtk_revealer_get_child (GTK_REVEALER (widget))) != NULL &&
         gtk_widget_has_css_class (child, "feed-problem");
}

static gboolean
strip_shown (Fixture *fixture, gconstpointer shown)
{
  GtkWidget *revealer = sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_problem_revealer, NULL);

  g_assert_nonnull (revealer);
  return gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) == GPOINTER_TO_INT (shown) &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) == GPOINTER_TO_INT (shown);
}

static gboolean
is_toast_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return g_str_equal (gtk_widget_get_css_name (widget), "toast") &&
         sitroom_test_find_widget (widget, is_shown_label_containing, text) != NULL;
}

static gboolean
toast_shown (Fixture *fixture, gconstpointer text)
{
  return sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_toast_with, text) != NULL;
}

static gboolean
is_any_toast (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_str_equal (gtk_widget_get_css_name (widget), "toast");
}

static gboolean
load_error_contains (Fixture *fixture, gconstpointer text)
{
  const char *error = sitroom_context_get_load_error (fixture->context);

  return error != NULL && strstr (error, text) != NULL;
}

static gboolean
not_stored (Fixture *fixture, gconstpointer data)
{
  return !sitroom_context_get_stored (fixture->context);
}

static gboolean
loaded_after (Fixture *fixture, gconstpointer time)
{
  return sitroom_context_get_loaded_at (fixture->context) > *(const gint64 *) time;
}

static gboolean
cache_holds (Fixture *fixture, gconstpointer document)
{
  g_autoptr(SitroomDocumentCache) cache = sitroom_document_cache_new (NULL);
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *etag = NULL;
  gint64 fetched_at = 0;

  stored = sitroom_document_cache_load (cache, sitroom_context_get_source (fixture->context),
                                        &etag, &fetched_at, NULL);
  return stored != NULL && g_bytes_equal (stored, document) && etag != NULL && fetched_at > 0;
}

/* ------------------------------------------------------------------------ */

static void
count_warning_cb (SitroomContext *context,
                  const char     *message,
                  Fixture        *fixture)
{
  fixture->warnings++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = sitroom_application_new ();
  fixture->context = g_object_ref (sitroom_application_get_context (fixture->app));
  sitroom_context_set_lang (fixture->context, "en");
  g_signal_connect (fixture->context, "warning", G_CALLBACK (count_warning_cb), fixture);
  /* A poll a second keeps the tests fast; settings allow no less than 5. */
  sitroom_feeder_set_poll_interval (sitroom_application_get_feeder (fixture->app), 1);

  fixture->window = g_object_ref_sink (sitroom_window_new (NULL, fixture->context));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1400);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sitroom_feeder_stop (sitroom_application_get_feeder (fixture->app));
  g_signal_handlers_disconnect_by_data (fixture->context, fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->fake, fake_feed_free);
  if (fixture->server != NULL)
    sitroom_feed_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->store);
}

static void
open_source (Fixture    *fixture,
             const char *source)
{
  sitroom_context_set_source (fixture->context, source);
  sitroom_application_reload (fixture->app);
}

static void
assert_demo_figures (Fixture *fixture)
{
  g_assert_cmpstr (figure_value (fixture, "Nucleic-acid positives"), ==, "11");
  g_assert_cmpstr (figure_value (fixture, "Confirmed cases"), ==, "10");
  g_assert_cmpstr (figure_value (fixture, "Asymptomatic infections"), ==, "1");
}

/* The built-in demo goes through the real HTTP client, against a server on
 * a loopback port of the application's own. */
static void
test_live_demo (Fixture       *fixture,
                gconstpointer  data)
{
  SitroomFeedClient *client;

  open_source (fixture, NULL);
  client = sitroom_feeder_get_client (sitroom_application_get_feeder (fixture->app));
  g_assert_nonnull (client);
  g_assert_true (g_str_has_prefix (sitroom_feed_client_get_base_url (client), "http://127.0.0.1:"));
  g_assert_false (g_str_has_suffix (sitroom_feed_client_get_base_url (client), ":0"));

  wait_for (fixture, positives_are, "11");
  assert_demo_figures (fixture);
  g_assert_true (sitroom_feed_client_get_situation (client) == sitroom_context_get_situation (fixture->context));

  /* How old the figures are, by the clock and by the document. */
  g_assert_nonnull (find_label_containing (fixture, "Updated just now"));
  g_assert_nonnull (find_label_containing (fixture, "Data as of 2022-08-20 13:00 CST"));
  g_assert_true (strip_shown (fixture, GINT_TO_POINTER (FALSE)));
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_any_toast, NULL));
  g_assert_null (find_label_containing (fixture, "Unencrypted"));
}

/* A publication reaches the window, with a toast of what changed, and is
 * kept as the feed's last good document. */
static void
test_live_publication (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(GBytes) next = demo_with_extra_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  fixture->store = sitroom_feed_store_open (NULL, &error);
  g_assert_no_error (error);
  fixture->server = sitroom_feed_server_new (fixture->store, NULL);
  g_assert_true (sitroom_feed_server_listen (fixture->server, "127.0.0.1:0", &error));
  g_assert_no_error (error);
  g_assert_true (sitroom_feed_server_publish (fixture->server, demo, NULL, NULL, &error));
  base_url = sitroom_feed_server_get_base_url (fixture->server);

  open_source (fixture, base_url);
  wait_for (fixture, positives_are, "11");
  assert_demo_figures (fixture);
  /* The first document is no news. */
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_any_toast, NULL));
  wait_for (fixture, cache_holds, demo);

  g_assert_true (sitroom_feed_server_publish (fixture->server, next, NULL, NULL, &error));
  g_assert_no_error (error);
  wait_for (fixture, positives_are, "12");
  g_assert_cmpstr (figure_value (fixture, "Confirmed cases"), ==, "11");
  wait_for (fixture, toast_shown, "Yuncheng");
  wait_for (fixture, cache_holds, next);
}

/* The feed failing: the strip with the reason, the last good figures kept,
 * and the strip gone with the next success. */
static void
test_live_unavailable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  GtkWidget *reason;

  fixture->fake = fake_feed_new (demo);
  open_source (fixture, fixture->fake->base_url);
  wait_for (fixture, positives_are, "11");
  g_assert_true (strip_shown (fixture, GINT_TO_POINTER (FALSE)));

  fixture->fake->mode = FAKE_UNAVAILABLE;
  sitroom_application_reload (fixture->app);
  wait_for (fixture, load_error_contains, "503");
  wait_for (fixture, strip_shown, GINT_TO_POINTER (TRUE));
  reason = find_label_containing (fixture, "503");
  g_assert_nonnull (reason);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (reason)));
  assert_demo_figures (fixture);
  /* The freshness line tells the figures are not fresh. */
  g_assert_true (gtk_widget_has_css_class (find_label_containing (fixture, "Updated"), "warning"));

  /* The next success takes the strip away. */
  fixture->fake->mode = FAKE_ANSWER;
  sitroom_application_reload (fixture->app);
  wait_for (fixture, strip_shown, GINT_TO_POINTER (FALSE));
  g_assert_null (sitroom_context_get_load_error (fixture->context));
  g_assert_cmpint (sitroom_context_get_next_retry (fixture->context), ==, 0);
  assert_demo_figures (fixture);
  g_assert_false (gtk_widget_has_css_class (find_label_containing (fixture, "Updated"), "warning"));
}

/* A document the validator refuses: "feed refused" and where. */
static void
test_live_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(GBytes) refused = g_bytes_new_static (REFUSED_DOCUMENT, strlen (REFUSED_DOCUMENT));

  fixture->fake = fake_feed_new (demo);
  open_source (fixture, fixture->fake->base_url);
  wait_for (fixture, positives_are, "11");

  fake_set_document (fixture->fake, refused);
  sitroom_application_reload (fixture->app);
  wait_for (fixture, strip_shown, GINT_TO_POINTER (TRUE));
  g_assert_true (load_error_contains (fixture, "feed refused"));
  g_assert_true (load_error_contains (fixture, "/cases/0/region"));
  g_assert_true (shows_text (fixture, "/cases/0/region"));
  assert_demo_figures (fixture);
  g_assert_nonnull (find_label_containing (fixture, "Data as of 2022-08-20 13:00 CST"));
}

/* A token given on the command line goes with every request, and nowhere
 * on screen. */
static void
test_live_token (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();

  fixture->fake = fake_feed_new (demo);
  sitroom_application_set_feed_options (fixture->app, "s3cret-token", FALSE);
  open_source (fixture, fixture->fake->base_url);
  wait_for (fixture, positives_are, "11");
  g_assert_cmpstr (fixture->fake->authorization, ==, "Bearer s3cret-token");
  g_assert_null (find_label_containing (fixture, "s3cret"));

  fixture->fake->mode = FAKE_UNAVAILABLE;
  sitroom_application_reload (fixture->app);
  wait_for (fixture, strip_shown, GINT_TO_POINTER (TRUE));
  g_assert_cmpstr (fixture->fake->authorization, ==, "Bearer s3cret-token");
  g_assert_null (find_label_containing (fixture, "s3cret"));
}

/* The stored copy shows at once, marked as such, while the feed has not
 * answered yet; the feed's 304 then confirms it. */
static void
test_live_stored_first (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(SitroomDocumentCache) cache = sitroom_document_cache_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 fetched_at = g_get_real_time () - 2 * G_TIME_SPAN_HOUR;

  fixture->fake = fake_feed_new (demo);
  fixture->fake->mode = FAKE_HOLD;
  g_assert_true (sitroom_document_cache_save (cache, fixture->fake->base_url, demo,
                                              fixture->fake->etag, fetched_at, &error));
  g_assert_no_error (error);

  open_source (fixture, fixture->fake->base_url);
  wait_for (fixture, positives_are, "11");
  g_assert_cmpuint (fixture->fake->answered, ==, 0);
  g_assert_true (sitroom_context_get_stored (fixture->context));
  g_assert_nonnull (find_label_containing (fixture, "Stored copy, fetched 2 hours ago"));
  g_assert_nonnull (find_label_containing (fixture, "Data as of 2022-08-20 13:00 CST"));
  assert_demo_figures (fixture);

  /* The feed answers with a 304 to the stored ETag. */
  fake_release (fixture->fake);
  wait_for (fixture, not_stored, NULL);
  wait_for (fixture, shows_text, "Updated just now");
  g_assert_cmpuint (fixture->fake->answered, >=, 1);
  assert_demo_figures (fixture);
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_any_toast, NULL));
}

/* A damaged store is told once and set aside; the feed then fills the window. */
static void
test_live_damaged_store (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(SitroomDocumentCache) cache = sitroom_document_cache_new (NULL);
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "sitroom", "feeds", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint damaged = 0;

  fixture->fake = fake_feed_new (demo);
  g_assert_true (sitroom_document_cache_save (cache, fixture->fake->base_url, demo,
                                              fixture->fake->etag, g_get_real_time (), &error));
  g_assert_no_error (error);

  /* Every entry cut short: a disk error, a file copied halfway. */
  dir = g_dir_open (directory, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".entry"))
      {
        g_autofree char *path = g_build_filename (directory, name, NULL);

        g_assert_true (g_file_set_contents (path, "sitroom-document-cache/1 9999\n[Doc", -1, &error));
        damaged++;
      }
  g_assert_cmpuint (damaged, >=, 1);

  open_source (fixture, fixture->fake->base_url);
  wait_for (fixture, positives_are, "11");
  wait_for (fixture, toast_shown, fixture->fake->base_url);
  g_assert_cmpuint (fixture->warnings, ==, 1);
  g_assert_false (sitroom_context_get_stored (fixture->context));
  g_assert_true (strip_shown (fixture, GINT_TO_POINTER (FALSE)));

  /* Once: asking the feed again tells nothing new. */
  sitroom_application_reload (fixture->app);
  spin (300);
  g_assert_cmpuint (fixture->warnings, ==, 1);
}

/* A file source is watched: an edit shows without asking, an unchanged
 * rewrite makes no toast. */
static void
test_live_file_watched (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(GBytes) next = demo_with_extra_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sitroom-live-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "situation.json", NULL);
  gint64 loaded_at;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo), &error));

  open_source (fixture, path);
  wait_for (fixture, positives_are, "11");
  g_assert_null (sitroom_feeder_get_client (sitroom_application_get_feeder (fixture->app)));
  g_assert_nonnull (find_label_containing (fixture, "Updated just now"));

  /* The same bytes again: read again, nothing to announce. */
  loaded_at = sitroom_context_get_loaded_at (fixture->context);
  g_usleep (2000);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo), &error));
  wait_for (fixture, loaded_after, &loaded_at);
  spin (200);
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_any_toast, NULL));

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (next, NULL), g_bytes_get_size (next), &error));
  wait_for (fixture, positives_are, "12");
  wait_for (fixture, toast_shown, "Yuncheng");

  sitroom_feeder_stop (sitroom_application_get_feeder (fixture->app));
  g_unlink (path);
  g_rmdir (dir);
}

/* The freshness line under the header, from the context alone. */
static void
test_live_freshness_line (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) demo = demo_bytes ();
  g_autoptr(SitroomSituation) situation = sitroom_situation_new_from_bytes (demo, NULL, NULL, NULL);
  g_autoptr(GDateTime) retry_at = g_date_time_new_local (2030, 1, 1, 13, 7, 0);

  g_assert_nonnull (situation);
  sitroom_context_accept (fixture->context, situation, g_get_real_time () - 3 * G_TIME_SPAN_MINUTE - G_TIME_SPAN_SECOND);
  wait_for (fixture, shows_text, "Updated 3 minutes ago");
  g_assert_nonnull (find_label_containing (fixture, "Data as of 2022-08-20 13:00 CST"));

  /* A failure with a planned retry: a time, not a countdown. */
  sitroom_context_set_load_error (fixture->context, "no answer from 127.0.0.1:8470 since 13:05");
  sitroom_context_set_next_retry (fixture->context, g_date_time_to_unix (retry_at) * G_USEC_PER_SEC);
  wait_for (fixture, strip_shown, GINT_TO_POINTER (TRUE));
  g_assert_nonnull (find_label_containing (fixture, "no answer from 127.0.0.1:8470 since 13:05"));
  g_assert_nonnull (find_label_containing (fixture, "Next attempt at 13:07"));

  /* Allowed plain http to another machine is said plainly. */
  sitroom_context_set_insecure (fixture->context, TRUE);
  wait_for (fixture, shows_text, "Unencrypted feed");

  sitroom_context_confirm (fixture->context, g_get_real_time ());
  wait_for (fixture, strip_shown, GINT_TO_POINTER (FALSE));
  g_assert_nonnull (find_label_containing (fixture, "Updated just now"));
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

  /* The stored copies of this run, apart from the user's. Set before GLib
   * reads it once and for all. */
  cache_home = g_dir_make_tmp ("sitroom-live-cache-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/live/demo/in-process-server", test_live_demo);
  ADD ("/ui/live/feed/publication", test_live_publication);
  ADD ("/ui/live/feed/unavailable", test_live_unavailable);
  ADD ("/ui/live/feed/refused", test_live_refused);
  ADD ("/ui/live/feed/token", test_live_token);
  ADD ("/ui/live/stored/shown-first", test_live_stored_first);
  ADD ("/ui/live/stored/damaged", test_live_damaged_store);
  ADD ("/ui/live/file/watched", test_live_file_watched);
  ADD ("/ui/live/freshness-line", test_live_freshness_line);

#undef ADD

  status = g_test_run ();

  remove_tree (cache_home);

  return status;
}
