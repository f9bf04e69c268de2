/* Keeps a context fed from its source: a watched file, a live feed, or the built-in demo served in-process. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-feed-server.h"
#include "sitroom-feeder.h"
#include "sitroom-source.h"
#include "sitroom-token.h"

/* An editor saves in bursts (truncate, write, rename): read once it is quiet. */
#define FILE_SETTLE_MS 300

/* A keyring that neither answers nor fails (a prompt nobody sees on a wall
 * display) must not keep the feed from being read: after this, go without. */
#define KEYRING_PATIENCE_S 10

typedef enum {
  KIND_NONE,
  KIND_FILE,
  KIND_FEED,
  KIND_DEMO,
} SourceKind;

typedef struct {
  char *url;
  GBytes *document;
  char *etag;
  gint64 fetched_at;
} SaveRequest;

struct _SitroomFeeder
{
  GObject parent_instance;

  SitroomContext *context;
  SitroomDocumentCache *cache;
  char *token;
  guint poll_interval;
  gboolean allow_insecure;

  /* The running source. */
  SourceKind kind;
  char *source;
  GCancellable *cancellable;       /* of everything the source started */

  /* A file: watched, each version read in a worker, a newer read winning. */
  GFileMonitor *monitor;
  guint settle_id;
  GCancellable *load_cancellable;

  /* A feed, the demo's included. */
  SitroomFeedClient *client;
  SitroomSituation *stored;        /* shown from the cache until the feed answers */
  char *stored_etag;
  gint64 seen_success;
  guint waiting;                   /* for the stored copy, the keyring: then the client starts */
  char *keyring_token;
  GCancellable *keyring_cancellable;
  guint keyring_timeout_id;

  /* The demo's own server, on a loopback port. */
  SitroomFeedStore *demo_store;
  SitroomFeedServer *demo_server;

  /* Saves run one at a time, so an older document never lands last. */
  gboolean saving;
  SaveRequest *pending_save;
};

G_DEFINE_FINAL_TYPE (SitroomFeeder, sitroom_feeder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_POLL_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
save_request_free (SaveRequest *request)
{
  g_free (request->url);
  g_bytes_unref (request->document);
  g_free (request->etag);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static gboolean
is_feed_url (const char *source)
{
  return source != NULL &&
         (g_ascii_strncasecmp (source, "http://", 7) == 0 ||
          g_ascii_strncasecmp (source, "https://", 8) == 0);
}

/* Plain http to another machine: the client refuses it unless allowed, and
 * then people must be told. */
static gboolean
is_insecure_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0)
    return FALSE;

  host = g_uri_get_host (uri);
  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return FALSE;

  address = g_inet_address_new_from_string (host);
  return address == NULL || !g_inet_address_get_is_loopback (address);
}

/* ------------------------------------------------------------------------ */
/* The last good document of a feed, kept */

static void save_next (SitroomFeeder *self);

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SitroomFeeder) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failed save costs only the quick start of the next run: say so in the
   * log, not on a wall display. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("%s", error->message);

  self->saving = FALSE;
  save_next (self);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SitroomDocumentCache *cache = source_object;
  SaveRequest *request = task_data;
  GError *error = NULL;

  if (sitroom_document_cache_save (cache, request->url, request->document,
                                   request->etag, request->fetched_at, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_next (SitroomFeeder *self)
{
  g_autoptr(GTask) task = NULL;

  g_assert (SITROOM_IS_FEEDER (self));

  if (self->saving || self->pending_save == NULL || self->cache == NULL)
    return;

  /* Saving fsyncs: a worker keeps the main loop free. No cancellable: the
   * document is the last good one whatever the application does next. */
  self->saving = TRUE;
  task = g_task_new (self->cache, NULL, save_cb, g_object_ref (self));
  g_task_set_source_tag (task, save_next);
  g_task_set_task_data (task, g_steal_pointer (&self->pending_save), (GDestroyNotify) save_request_free);
  g_task_run_in_thread (task, save_in_thread);
}

static void
queue_save (SitroomFeeder *self,
            gint64         fetched_at)
{
  GBytes *document;
  SaveRequest *request;

  g_assert (SITROOM_IS_FEEDER (self));

  if (self->cache == NULL || self->kind != KIND_FEED)
    return;

  document = sitroom_feed_client_get_bytes (self->client);
  if (document == NULL)
    return;

  request = g_new0 (SaveRequest, 1);
  request->url = g_strdup (self->source);
  request->document = g_bytes_ref (document);
  request->etag = g_strdup (sitroom_feed_client_get_etag (self->client));
  request->fetched_at = fetched_at;

  /* Only the newest waiting document is worth writing. */
  g_clear_pointer (&self->pending_save, save_request_free);
  self->pending_save = request;
  save_next (self);
}

typedef struct {
  char *url;
  char *lang;
  char *etag;
  gint64 fetched_at;
  char *warning;
} StoredLoad;

static void
stored_load_free (StoredLoad *load)
{
  g_free (load->url);
  g_free (load->lang);
  g_free (load->etag);
  g_free (load->warning);
  g_free (load);
}

static void
load_stored_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SitroomDocumentCache *cache = source_object;
  StoredLoad *load = task_data;
  SitroomLoadOptions options = { .lang = load->lang };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation;

  bytes = sitroom_document_cache_load (cache, load->url, &load->etag, &load->fetched_at, &error);
  if (bytes == NULL)
    {
      if (error != NULL)
        load->warning = g_strdup (error->message);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* The validator may have grown stricter since the copy was stored. */
  situation = sitroom_situation_new_from_bytes (bytes, &options, NULL, &error);
  if (situation == NULL)
    {
      load->warning = g_strdup_printf (_("The stored copy of %s is not shown: %s"),
                                       load->url, error->message);
      g_clear_pointer (&load->etag, g_free);
    }

  g_task_return_pointer (task, situation, g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* A feed */

/* Mirrors the client into the context: a new document is accepted, a success
 * without one (a 304) confirms the one shown, a failure is the load error. */
static void
sync_from_client (SitroomFeeder *self)
{
  SitroomSituation *latest = sitroom_feed_client_get_situation (self->client);
  SitroomSituation *shown = sitroom_context_get_situation (self->context);
  gint64 success = sitroom_feed_client_get_last_success (self->client);
  gboolean new_success = success > self->seen_success;

  self->seen_success = MAX (self->seen_success, success);

  if (latest != NULL && latest != shown && latest != self->stored)
    {
      gint64 at = success > 0 ? success : g_get_real_time ();

      sitroom_context_accept (self->context, latest, at);
      g_clear_object (&self->stored);
      queue_save (self, at);
    }
  else if (new_success && shown != NULL && (shown == latest || shown == self->stored))
    {
      sitroom_context_confirm (self->context, success);
      g_clear_object (&self->stored);
    }

  /* The error last: a success above has just cleared the context's. */
  sitroom_context_set_load_error (self->context, sitroom_feed_client_get_last_error (self->client));
  sitroom_context_set_next_retry (self->context, sitroom_feed_client_get_next_retry (self->client));
}

static void
start_client (SitroomFeeder *self,
              const char    *base_url,
              const char    *etag)
{
  static const char * const watched[] = {
    "notify::situation", "notify::last-success", "notify::last-error", "notify::next-retry",
  };

  g_assert (SITROOM_IS_FEEDER (self));
  g_assert (self->client == NULL);

  self->client = sitroom_feed_client_new (base_url);
  sitroom_feed_client_set_poll_interval (self->client, self->poll_interval);
  sitroom_feed_client_set_allow_insecure (self->client, self->allow_insecure);
  sitroom_feed_client_set_token (self->client, self->token != NULL ? self->token : self->keyring_token);
  sitroom_feed_client_set_lang (self->client, sitroom_context_get_lang (self->context));

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_connect_object (self->client, watched[i],
                             G_CALLBACK (sync_from_client), self, G_CONNECT_SWAPPED);

  self->seen_success = 0;
  sitroom_feed_client_start (self->client, self->stored, etag);
}

/* The client starts once what it starts with is known: the stored copy and
 * its ETag, the token. */
static void
done_waiting (SitroomFeeder *self)
{
  g_assert (SITROOM_IS_FEEDER (self));
  g_assert (self->waiting > 0);

  if (--self->waiting == 0)
    start_client (self, self->source, self->stored_etag);
}

typedef struct {
  SitroomFeeder *self;
  GCancellable *cancellable;
} KeyringLookup;

static void
keyring_lookup_free (KeyringLookup *lookup)
{
  g_object_unref (lookup->self);
  g_object_unref (lookup->cancellable);
  g_free (lookup);
}

static void
keyring_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  KeyringLookup *lookup = user_data;
  SitroomFeeder *self = lookup->self;
  g_autoptr(GError) error = NULL;
  char *token;

  token = sitroom_token_lookup_finish (result, &error);

  /* Stopped since: another source runs, or none. A lookup that ran out of
   * patience still belongs to this start and goes on without a token. */
  if (lookup->cancellable != self->keyring_cancellable)
    {
      sitroom_token_free (token);
      keyring_lookup_free (lookup);
      return;
    }

  if (error != NULL)
    g_debug ("No token from the keyring: %s", error->message);

  g_clear_handle_id (&self->keyring_timeout_id, g_source_remove);
  g_clear_object (&self->keyring_cancellable);
  self->keyring_token = token;
  done_waiting (self);
  keyring_lookup_free (lookup);
}

static gboolean
keyring_timeout_cb (gpointer user_data)
{
  SitroomFeeder *self = user_data;

  self->keyring_timeout_id = 0;
  g_cancellable_cancel (self->keyring_cancellable);

  return G_SOURCE_REMOVE;
}

static void
load_stored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SitroomFeeder) self = user_data;
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GError) error = NULL;
  StoredLoad *load = g_task_get_task_data (G_TASK (result));

  situation = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (load->warning != NULL)
    {
      g_message ("%s", load->warning);
      sitroom_context_warn (self->context, load->warning);
    }

  if (situation != NULL)
    {
      self->stored = g_object_ref (situation);
      self->stored_etag = g_steal_pointer (&load->etag);
      sitroom_context_accept_stored (self->context, situation, load->fetched_at);
    }

  done_waiting (self);
}

static void
start_feed (SitroomFeeder *self,
            const char    *url)
{
  g_assert (SITROOM_IS_FEEDER (self));

  sitroom_context_set_insecure (self->context, self->allow_insecure && is_insecure_url (url));

  /* One for starting here: the client waits for nothing it has not asked for. */
  self->waiting = 1;

  /* A token given by the user wins; the keyring's is looked up like the
   * command line does, for feeds behind authentication. */
  if (self->token == NULL)
    {
      KeyringLookup *lookup = g_new0 (KeyringLookup, 1);

      self->waiting++;
      self->keyring_cancellable = g_cancellable_new ();
      self->keyring_timeout_id = g_timeout_add_seconds (KEYRING_PATIENCE_S, keyring_timeout_cb, self);
      lookup->self = g_object_ref (self);
      lookup->cancellable = g_object_ref (self->keyring_cancellable);
      sitroom_token_lookup_async (url, self->keyring_cancellable, keyring_cb, lookup);
    }

  if (self->cache != NULL)
    {
      g_autoptr(GTask) task = NULL;
      StoredLoad *load = g_new0 (StoredLoad, 1);

      /* The stored copy first, read and checked in a worker, so the client
       * starts with it and its ETag: a 304 then confirms it. */
      load->url = g_strdup (url);
      load->lang = g_strdup (sitroom_context_get_lang (self->context));
      task = g_task_new (self->cache, self->cancellable, load_stored_cb, g_object_ref (self));
      g_task_set_source_tag (task, start_feed);
      g_task_set_task_data (task, load, (GDestroyNotify) stored_load_free);
      self->waiting++;
      g_task_run_in_thread (task, load_stored_in_thread);
    }

  done_waiting (self);
}

/* ------------------------------------------------------------------------ */
/* A file */

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SitroomFeeder) self = user_data;
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GError) error = NULL;

  situation = sitroom_source_load_finish (result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (situation == NULL)
    {
      g_message ("%s", error->message);
      sitroom_context_set_load_error (self->context, error->message);
      return;
    }

  sitroom_context_accept (self->context, situation, g_get_real_time ());
}

static void
load_file (SitroomFeeder *self)
{
  SitroomLoadOptions options = { 0 };

  g_assert (SITROOM_IS_FEEDER (self));

  /* A newer read wins: the older document would be stale on arrival. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  options.lang = sitroom_context_get_lang (self->context);
  sitroom_source_load_async (self->source, &options, self->load_cancellable,
                             load_file_cb, g_object_ref (self));
}

static gboolean
file_settled_cb (gpointer user_data)
{
  SitroomFeeder *self = user_data;

  self->settle_id = 0;
  load_file (self);

  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (SitroomFeeder     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (FILE_SETTLE_MS, file_settled_cb, self);
      break;
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
start_file (SitroomFeeder *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SITROOM_IS_FEEDER (self));

  file = g_str_has_prefix (self->source, "file:")
           ? g_file_new_for_uri (self->source)
           : g_file_new_for_commandline_arg (self->source);

  /* Without a monitor the file still loads; only edits go unseen. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, self->cancellable, &error);
  if (self->monitor == NULL)
    g_message ("%s", error->message);
  else
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);

  load_file (self);
}

/* ------------------------------------------------------------------------ */
/* The built-in demo */

static gboolean
start_demo_server (SitroomFeeder  *self,
                   GError        **error)
{
  g_autoptr(GBytes) document = NULL;
  g_autofree char *base_url = NULL;

  g_assert (SITROOM_IS_FEEDER (self));

  self->demo_store = sitroom_feed_store_open (NULL, error);
  if (self->demo_store == NULL)
    return FALSE;

  /* No token: nobody publishes into the demo over HTTP. */
  self->demo_server = sitroom_feed_server_new (self->demo_store, NULL);
  if (!sitroom_feed_server_listen (self->demo_server, "127.0.0.1:0", error))
    return FALSE;

  document = g_resources_lookup_data (SITROOM_DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (document == NULL ||
      !sitroom_feed_server_publish (self->demo_server, document, NULL, NULL, error))
    return FALSE;

  base_url = sitroom_feed_server_get_base_url (self->demo_server);
  start_client (self, base_url, NULL);

  return TRUE;
}

static void
start_demo (SitroomFeeder *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (SITROOM_IS_FEEDER (self));

  if (start_demo_server (self, &error))
    return;

  /* A machine without a usable loopback still gets its demo, read directly. */
  g_message ("The built-in demo is read without its server: %s", error->message);
  if (self->demo_server != NULL)
    sitroom_feed_server_disconnect (self->demo_server);
  g_clear_object (&self->demo_server);
  g_clear_object (&self->demo_store);
  self->kind = KIND_FILE;
  load_file (self);
}

/* ------------------------------------------------------------------------ */

void
sitroom_feeder_stop (SitroomFeeder *self)
{
  g_return_if_fail (SITROOM_IS_FEEDER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      sitroom_feed_client_stop (self->client);
      g_clear_object (&self->client);
    }
  g_clear_object (&self->stored);
  g_clear_pointer (&self->stored_etag, g_free);
  self->waiting = 0;
  g_cancellable_cancel (self->keyring_cancellable);
  g_clear_object (&self->keyring_cancellable);
  g_clear_handle_id (&self->keyring_timeout_id, g_source_remove);
  g_clear_pointer (&self->keyring_token, sitroom_token_free);

  if (self->demo_server != NULL)
    sitroom_feed_server_disconnect (self->demo_server);
  g_clear_object (&self->demo_server);
  g_clear_object (&self->demo_store);

  self->kind = KIND_NONE;
  g_clear_pointer (&self->source, g_free);

  if (self->context != NULL)
    {
      sitroom_context_set_next_retry (self->context, 0);
      sitroom_context_set_insecure (self->context, FALSE);
    }
}

void
sitroom_feeder_reload (SitroomFeeder *self)
{
  const char *source;

  g_return_if_fail (SITROOM_IS_FEEDER (self));

  source = sitroom_context_get_source (self->context);

  if (self->kind != KIND_NONE && g_strcmp0 (source, self->source) == 0)
    {
      if (self->client != NULL)
        sitroom_feed_client_refresh (self->client);
      else if (self->kind == KIND_FILE)
        load_file (self);
      /* A feed whose stored copy is still being read starts right after. */
      return;
    }

  sitroom_feeder_stop (self);
  self->cancellable = g_cancellable_new ();
  self->source = g_strdup (source);

  if (source == NULL)
    {
      self->kind = KIND_DEMO;
      start_demo (self);
    }
  else if (is_feed_url (source))
    {
      self->kind = KIND_FEED;
      start_feed (self, source);
    }
  else
    {
      self->kind = KIND_FILE;
      start_file (self);
    }
}

SitroomFeedClient *
sitroom_feeder_get_client (SitroomFeeder *self)
{
  g_return_val_if_fail (SITROOM_IS_FEEDER (self), NULL);

  return self->client;
}

void
sitroom_feeder_set_poll_interval (SitroomFeeder *self,
                                  guint          seconds)
{
  g_return_if_fail (SITROOM_IS_FEEDER (self));
  g_return_if_fail (seconds > 0);

  if (self->poll_interval == seconds)
    return;

  self->poll_interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);
}

guint
sitroom_feeder_get_poll_interval (SitroomFeeder *self)
{
  g_return_val_if_fail (SITROOM_IS_FEEDER (self), 0);

  return self->poll_interval;
}

void
sitroom_feeder_set_feed_options (SitroomFeeder *self,
                                 const char    *token,
                                 gboolean       allow_insecure)
{
  g_return_if_fail (SITROOM_IS_FEEDER (self));

  if (token != self->token)
    {
      sitroom_token_free (self->token);
      self->token = g_strdup (token);
    }
  self->allow_insecure = !!allow_insecure;
}

void
sitroom_feeder_set_cache (SitroomFeeder        *self,
                          SitroomDocumentCache *cache)
{
  g_return_if_fail (SITROOM_IS_FEEDER (self));
  g_return_if_fail (cache == NULL || SITROOM_IS_DOCUMENT_CACHE (cache));

  g_set_object (&self->cache, cache);
}

static void
sitroom_feeder_dispose (GObject *object)
{
  SitroomFeeder *self = SITROOM_FEEDER (object);

  sitroom_feeder_stop (self);
  g_clear_pointer (&self->pending_save, save_request_free);
  g_clear_object (&self->cache);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sitroom_feeder_parent_class)->dispose (object);
}

static void
sitroom_feeder_finalize (GObject *object)
{
  SitroomFeeder *self = SITROOM_FEEDER (object);

  /* Not kept longer than needed, and never in a log. */
  g_clear_pointer (&self->token, sitroom_token_free);

  G_OBJECT_CLASS (sitroom_feeder_parent_class)->finalize (object);
}

static void
sitroom_feeder_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SitroomFeeder *self = SITROOM_FEEDER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_feeder_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SitroomFeeder *self = SITROOM_FEEDER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_POLL_INTERVAL:
      sitroom_feeder_set_poll_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_feeder_class_init (SitroomFeederClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sitroom_feeder_dispose;
  object_class->finalize = sitroom_feeder_finalize;
  object_class->get_property = sitroom_feeder_get_property;
  object_class->set_property = sitroom_feeder_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL,
                       1, G_MAXUINT, 30,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitroom_feeder_init (SitroomFeeder *self)
{
  self->poll_interval = 30;
}

SitroomFeeder *
sitroom_feeder_new (SitroomContext *context)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_FEEDER,
                       "context", context,
                       NULL);
}
