/* The live feed client: its settings, start and stop, and the state it shows (the last good situation, how the feed is doing). */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-feed-client-private.h"
#include "sitroom-prescan.h"
#include "sitroom-token.h"

#define DEFAULT_POLL_INTERVAL_S 30
#define DEFAULT_RETRY_INITIAL_MS (5 * 1000)
#define DEFAULT_RETRY_MAX_MS (5 * 60 * 1000)

G_DEFINE_FINAL_TYPE (SitroomFeedClient, sitroom_feed_client, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SitroomFeedState, sitroom_feed_state,
  G_DEFINE_ENUM_VALUE (SITROOM_FEED_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (SITROOM_FEED_STATE_FETCHING, "fetching"),
  G_DEFINE_ENUM_VALUE (SITROOM_FEED_STATE_OK, "ok"),
  G_DEFINE_ENUM_VALUE (SITROOM_FEED_STATE_FAILING, "failing"))

static GParamSpec *properties[N_PROPS];

void
sitroom_feed_client_notify (SitroomFeedClient         *self,
                            SitroomFeedClientProperty  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

GSource *
sitroom_feed_client_add_timeout (guint64      delay_ms,
                                 GSourceFunc  func,
                                 gpointer     data,
                                 const char  *name)
{
  GSource *source = g_timeout_source_new ((guint) MIN (delay_ms, G_MAXUINT));

  g_source_set_callback (source, func, data, NULL);
  g_source_set_static_name (source, name);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

void
sitroom_feed_client_clear_timeout (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

void
sitroom_feed_client_set_state (SitroomFeedClient *self,
                               SitroomFeedState   state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
sitroom_feed_client_set_last_error (SitroomFeedClient *self,
                                    const char        *message)
{
  if (sitroom_feed_set_str (&self->last_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

void
sitroom_feed_client_set_next_retry (SitroomFeedClient *self,
                                    gint64             next_retry)
{
  if (self->next_retry == next_retry)
    return;
  self->next_retry = next_retry;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RETRY]);
}

void
sitroom_feed_client_set_streaming (SitroomFeedClient *self,
                                   gboolean           streaming)
{
  if (self->streaming == streaming)
    return;
  self->streaming = streaming;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAMING]);
}

void
sitroom_feed_client_set_etag (SitroomFeedClient *self,
                              const char        *etag)
{
  if (sitroom_feed_set_str (&self->etag, etag))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETAG]);
}

SitroomFeedHttpOptions
sitroom_feed_client_http_options (SitroomFeedClient *self)
{
  SitroomFeedHttpOptions options = {
    .base = self->base,
    .token = self->token,
    .allow_insecure = self->allow_insecure,
    .deadline_ms = self->deadline * 1000,
    .max_bytes = self->max_bytes,
  };

  return options;
}

static void
apply_tls_database (SitroomFeedClient *self)
{
  GTlsDatabase *database = self->tls_database;

  if (self->session == NULL)
    return;
  if (database == NULL)
    database = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  soup_session_set_tls_database (self->session, database);
  if (database != self->tls_database)
    g_clear_object (&database);
}

/* Ends everything in flight. Callbacks still queued see their cancellable
 * cancelled and return without touching the object. */
static void
stop_internal (SitroomFeedClient *self,
               gboolean           notify)
{
  self->running = FALSE;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  sitroom_feed_client_clear_timeout (&self->fetch_timer);
  sitroom_feed_client_clear_timeout (&self->stream_timer);
  self->fetching = FALSE;
  self->fetch_again = FALSE;
  if (self->stream != NULL)
    {
      /* A pending read closes it from its callback. */
      sitroom_feed_http_discard_stream (self->stream);
      g_clear_object (&self->stream);
    }

  if (!notify)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  sitroom_feed_client_set_streaming (self, FALSE);
  sitroom_feed_client_set_next_retry (self, 0);
  sitroom_feed_client_set_state (self, SITROOM_FEED_STATE_IDLE);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
sitroom_feed_client_dispose (GObject *object)
{
  SitroomFeedClient *self = SITROOM_FEED_CLIENT (object);

  stop_internal (self, FALSE);
  g_clear_object (&self->session);
  g_clear_object (&self->situation);
  g_clear_object (&self->tls_database);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->base, g_uri_unref);

  G_OBJECT_CLASS (sitroom_feed_client_parent_class)->dispose (object);
}

static void
sitroom_feed_client_finalize (GObject *object)
{
  SitroomFeedClient *self = SITROOM_FEED_CLIENT (object);

  g_clear_pointer (&self->token, sitroom_token_free);
  sitroom_sse_parser_clear (&self->sse);
  g_free (self->base_url);
  g_free (self->lang);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->last_error);

  G_OBJECT_CLASS (sitroom_feed_client_parent_class)->finalize (object);
}

static void
sitroom_feed_client_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SitroomFeedClient *self = SITROOM_FEED_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval);
      break;
    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;
    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, self->max_bytes);
      break;
    case PROP_ALLOW_INSECURE:
      g_value_set_boolean (value, self->allow_insecure);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    case PROP_TLS_DATABASE:
      g_value_set_object (value, self->tls_database);
      break;
    case PROP_RETRY_INITIAL:
      g_value_set_uint (value, self->retry_initial);
      break;
    case PROP_RETRY_MAX:
      g_value_set_uint (value, self->retry_max);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SITUATION:
      g_value_set_object (value, self->situation);
      break;
    case PROP_ETAG:
      g_value_set_string (value, self->etag);
      break;
    case PROP_LAST_SUCCESS:
      g_value_set_int64 (value, self->last_success);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_NEXT_RETRY:
      g_value_set_int64 (value, self->next_retry);
      break;
    case PROP_STREAMING:
      g_value_set_boolean (value, self->streaming);
      break;
    case PROP_INSECURE:
      g_value_set_boolean (value, sitroom_feed_client_get_insecure (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_feed_client_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SitroomFeedClient *self = SITROOM_FEED_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_POLL_INTERVAL:
      sitroom_feed_client_set_poll_interval (self, g_value_get_uint (value));
      break;
    case PROP_DEADLINE:
      sitroom_feed_client_set_deadline (self, g_value_get_uint (value));
      break;
    case PROP_MAX_BYTES:
      sitroom_feed_client_set_max_bytes (self, g_value_get_uint64 (value));
      break;
    case PROP_ALLOW_INSECURE:
      sitroom_feed_client_set_allow_insecure (self, g_value_get_boolean (value));
      break;
    case PROP_TOKEN:
      sitroom_feed_client_set_token (self, g_value_get_string (value));
      break;
    case PROP_LANG:
      sitroom_feed_client_set_lang (self, g_value_get_string (value));
      break;
    case PROP_TLS_DATABASE:
      sitroom_feed_client_set_tls_database (self, g_value_get_object (value));
      break;
    case PROP_RETRY_INITIAL:
      sitroom_feed_client_set_retry_delays (self, g_value_get_uint (value), self->retry_max);
      break;
    case PROP_RETRY_MAX:
      sitroom_feed_client_set_retry_delays (self, self->retry_initial, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_feed_client_class_init (SitroomFeedClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sitroom_feed_client_dispose;
  object_class->finalize = sitroom_feed_client_finalize;
  object_class->get_property = sitroom_feed_client_get_property;
  object_class->set_property = sitroom_feed_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL, 1, G_MAXUINT / 1000, DEFAULT_POLL_INTERVAL_S, rw);
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL, 1, G_MAXUINT / 1000, SITROOM_FEED_DEFAULT_DEADLINE_S, rw);
  properties[PROP_MAX_BYTES] =
    g_param_spec_uint64 ("max-bytes", NULL, NULL, 1, G_MAXSIZE - 1, SITROOM_DEFAULT_MAX_BYTES, rw);
  properties[PROP_ALLOW_INSECURE] =
    g_param_spec_boolean ("allow-insecure", NULL, NULL, FALSE, rw);
  /* Write-only, so that no property browser can show it. */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL, G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL, NULL, rw);
  properties[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE, rw);
  properties[PROP_RETRY_INITIAL] =
    g_param_spec_uint ("retry-initial", NULL, NULL, 1, G_MAXUINT, DEFAULT_RETRY_INITIAL_MS, rw);
  properties[PROP_RETRY_MAX] =
    g_param_spec_uint ("retry-max", NULL, NULL, 1, G_MAXUINT, DEFAULT_RETRY_MAX_MS, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SITROOM_TYPE_FEED_STATE, SITROOM_FEED_STATE_IDLE, ro);
  properties[PROP_SITUATION] =
    g_param_spec_object ("situation", NULL, NULL, SITROOM_TYPE_SITUATION, ro);
  properties[PROP_ETAG] =
    g_param_spec_string ("etag", NULL, NULL, NULL, ro);
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_int64 ("last-success", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  properties[PROP_NEXT_RETRY] =
    g_param_spec_int64 ("next-retry", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_STREAMING] =
    g_param_spec_boolean ("streaming", NULL, NULL, FALSE, ro);
  properties[PROP_INSECURE] =
    g_param_spec_boolean ("insecure", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitroom_feed_client_init (SitroomFeedClient *self)
{
  self->poll_interval = DEFAULT_POLL_INTERVAL_S;
  self->deadline = SITROOM_FEED_DEFAULT_DEADLINE_S;
  self->max_bytes = SITROOM_DEFAULT_MAX_BYTES;
  self->retry_initial = DEFAULT_RETRY_INITIAL_MS;
  self->retry_max = DEFAULT_RETRY_MAX_MS;
  sitroom_sse_parser_init (&self->sse, SITROOM_FEED_STREAM_MAX_LINE);
}

SitroomFeedClient *
sitroom_feed_client_new (const char *base_url)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (SITROOM_TYPE_FEED_CLIENT, "base-url", base_url, NULL);
}

void
sitroom_feed_client_set_poll_interval (SitroomFeedClient *self,
                                       guint              seconds)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->poll_interval == seconds)
    return;
  self->poll_interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);
}

void
sitroom_feed_client_set_deadline (SitroomFeedClient *self,
                                  guint              seconds)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->deadline == seconds)
    return;
  self->deadline = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

void
sitroom_feed_client_set_max_bytes (SitroomFeedClient *self,
                                   gsize              max_bytes)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));
  g_return_if_fail (max_bytes > 0);

  if (self->max_bytes == max_bytes)
    return;
  self->max_bytes = max_bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BYTES]);
}

void
sitroom_feed_client_set_allow_insecure (SitroomFeedClient *self,
                                        gboolean           allow)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));

  allow = !!allow;
  if (self->allow_insecure == allow)
    return;
  self->allow_insecure = allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_INSECURE]);
}

void
sitroom_feed_client_set_token (SitroomFeedClient *self,
                               const char        *token)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));

  g_clear_pointer (&self->token, sitroom_token_free);
  if (token != NULL && token[0] != '\0')
    self->token = g_strdup (token);
}

void
sitroom_feed_client_set_lang (SitroomFeedClient *self,
                              const char        *lang)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));

  if (sitroom_feed_set_str (&self->lang, lang))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANG]);
}

void
sitroom_feed_client_set_tls_database (SitroomFeedClient *self,
                                      GTlsDatabase      *database)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  if (!g_set_object (&self->tls_database, database))
    return;
  apply_tls_database (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_DATABASE]);
}

void
sitroom_feed_client_set_retry_delays (SitroomFeedClient *self,
                                      guint              initial_ms,
                                      guint              max_ms)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));
  g_return_if_fail (initial_ms > 0 && max_ms >= initial_ms);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->retry_initial != initial_ms)
    {
      self->retry_initial = initial_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_INITIAL]);
    }
  if (self->retry_max != max_ms)
    {
      self->retry_max = max_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_MAX]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
sitroom_feed_client_start (SitroomFeedClient *self,
                           SitroomSituation  *last_good,
                           const char        *last_etag)
{
  g_autoptr(GError) error = NULL;
  gboolean was_insecure;

  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));
  g_return_if_fail (last_good == NULL || SITROOM_IS_SITUATION (last_good));
  g_return_if_fail (self->base_url != NULL);

  if (self->running)
    stop_internal (self, FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  self->n_failures = 0;
  self->failing_since = 0;
  self->retry_after_until = 0;
  self->n_stream_failures = 0;
  self->stream_was_open = FALSE;

  if (last_good != NULL)
    {
      if (g_set_object (&self->situation, last_good))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION]);
      g_clear_pointer (&self->bytes, g_bytes_unref);
      g_clear_pointer (&self->last_modified, g_free);
      sitroom_feed_client_set_etag (self, last_etag);
    }

  was_insecure = sitroom_feed_client_get_insecure (self);
  g_clear_pointer (&self->base, g_uri_unref);
  self->base = sitroom_feed_http_parse_base (self->base_url, self->allow_insecure, &error);
  if (was_insecure != sitroom_feed_client_get_insecure (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSECURE]);

  if (self->base == NULL)
    {
      /* Nothing would make this URL work but another setting: no retries. */
      sitroom_feed_client_set_last_error (self, error->message);
      sitroom_feed_client_set_next_retry (self, 0);
      sitroom_feed_client_set_state (self, SITROOM_FEED_STATE_FAILING);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  if (self->session == NULL)
    {
      self->session = sitroom_feed_http_session_new ();
      apply_tls_database (self);
    }
  sitroom_feed_client_set_next_retry (self, 0);
  sitroom_feed_client_set_state (self, SITROOM_FEED_STATE_FETCHING);
  sitroom_feed_client_fetch_now (self);
  sitroom_feed_client_stream_open (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
sitroom_feed_client_stop (SitroomFeedClient *self)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));

  stop_internal (self, TRUE);
}

void
sitroom_feed_client_refresh (SitroomFeedClient *self)
{
  g_return_if_fail (SITROOM_IS_FEED_CLIENT (self));

  sitroom_feed_client_fetch_now (self);
}

const char *
sitroom_feed_client_get_base_url (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), NULL);

  return self->base_url;
}

SitroomFeedState
sitroom_feed_client_get_state (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), SITROOM_FEED_STATE_IDLE);

  return self->state;
}

SitroomSituation *
sitroom_feed_client_get_situation (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), NULL);

  return self->situation;
}

const char *
sitroom_feed_client_get_etag (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), NULL);

  return self->etag;
}

GBytes *
sitroom_feed_client_get_bytes (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), NULL);

  return self->bytes;
}

gint64
sitroom_feed_client_get_last_success (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), 0);

  return self->last_success;
}

const char *
sitroom_feed_client_get_last_error (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), NULL);

  return self->last_error;
}

gint64
sitroom_feed_client_get_next_retry (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), 0);

  return self->next_retry;
}

gboolean
sitroom_feed_client_get_streaming (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), FALSE);

  return self->streaming;
}

gboolean
sitroom_feed_client_get_insecure (SitroomFeedClient *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_CLIENT (self), FALSE);

  return self->base != NULL
         && g_strcmp0 (g_uri_get_scheme (self->base), "http") == 0
         && !sitroom_feed_http_is_loopback_host (g_uri_get_host (self->base));
}
