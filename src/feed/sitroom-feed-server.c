/* The reference feed server: feed-v1 over HTTP (libsoup), backed by a SitroomFeedStore. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitroom-feed-server-private.h"
#include "sitroom-time.h"

#define FINISHED_KEY "sitroom-feed-finished"

G_DEFINE_FINAL_TYPE (SitroomFeedServer, sitroom_feed_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PUBLISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Calls handed to workers                                            */

SitroomFeedServerCall *
sitroom_feed_server_call_new (SitroomFeedServer *self,
                              SoupServerMessage *msg,
                              GPtrArray         *steps)
{
  SitroomFeedServerCall *call = g_new0 (SitroomFeedServerCall, 1);

  call->self = g_object_ref (self);
  call->msg = msg != NULL ? g_object_ref (msg) : NULL;
  call->steps = steps != NULL ? g_ptr_array_ref (steps) : NULL;
  return call;
}

void
sitroom_feed_server_call_free (SitroomFeedServerCall *call)
{
  g_clear_object (&call->self);
  g_clear_object (&call->msg);
  g_clear_pointer (&call->steps, g_ptr_array_unref);
  g_free (call);
}

static void
mark_finished_cb (SoupServerMessage *msg)
{
  g_object_set_data (G_OBJECT (msg), FINISHED_KEY, GINT_TO_POINTER (1));
}

void
sitroom_feed_server_watch_finished (SoupServerMessage *msg)
{
  g_signal_connect (msg, "finished", G_CALLBACK (mark_finished_cb), NULL);
  g_signal_connect (msg, "disconnected", G_CALLBACK (mark_finished_cb), NULL);
}

gboolean
sitroom_feed_server_is_finished (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), FINISHED_KEY) != NULL;
}

/* ------------------------------------------------------------------ */
/* Answers                                                            */

void
sitroom_feed_server_set_json_response (SoupServerMessage *msg,
                                       guint              status,
                                       JsonNode          *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize length;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  g_assert (text != NULL);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

void
sitroom_feed_server_set_error_response (SoupServerMessage *msg,
                                        guint              status,
                                        const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  sitroom_feed_server_set_json_response (msg, status, root);
}

static void
set_method_not_allowed (SoupServerMessage *msg,
                        const char        *allow)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Method %s is not allowed here; allowed: %s"),
                             soup_server_message_get_method (msg), allow);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  sitroom_feed_server_set_error_response (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, message);
}

/* ------------------------------------------------------------------ */
/* Routing                                                            */

static void
handle_health (SitroomFeedServer *self,
               SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "etag");
  if (self->current != NULL)
    json_builder_add_string_value (builder, self->current->etag);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "as_of");
  if (self->current != NULL)
    {
      g_autofree char *as_of = sitroom_time_format (self->current->as_of, self->current->as_of_offset);

      json_builder_add_string_value (builder, as_of);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  sitroom_feed_server_set_json_response (msg, SOUP_STATUS_OK, root);
}

static gboolean
method_is (SoupServerMessage *msg,
           const char        *method)
{
  return g_str_equal (soup_server_message_get_method (msg), method);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  SitroomFeedServer *self = user_data;

  if (g_str_equal (path, "/v1/situation"))
    {
      if (method_is (msg, SOUP_METHOD_GET) || method_is (msg, SOUP_METHOD_HEAD))
        sitroom_feed_server_handle_get_situation (self, msg, query);
      else if (method_is (msg, SOUP_METHOD_PUT))
        sitroom_feed_server_handle_put (self, msg);
      else
        set_method_not_allowed (msg, "GET, HEAD, PUT");
    }
  else if (g_str_equal (path, "/v1/stream"))
    {
      if (method_is (msg, SOUP_METHOD_GET))
        sitroom_feed_server_handle_stream (self, msg);
      else
        set_method_not_allowed (msg, "GET");
    }
  else if (g_str_equal (path, "/v1/health"))
    {
      if (method_is (msg, SOUP_METHOD_GET) || method_is (msg, SOUP_METHOD_HEAD))
        handle_health (self, msg);
      else
        set_method_not_allowed (msg, "GET, HEAD");
    }
  else
    sitroom_feed_server_set_error_response (msg, SOUP_STATUS_NOT_FOUND, _("No such resource: see /v1/situation, /v1/stream and /v1/health"));
}

/* ------------------------------------------------------------------ */
/* Listening                                                          */

GInetSocketAddress *
sitroom_feed_server_parse_address (const char *address,
                                   GError    **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *host = NULL;
  const char *colon;
  guint64 port;

  g_return_val_if_fail (address != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (address[0] == '[')
    {
      const char *end = strchr (address, ']');

      colon = end != NULL && end[1] == ':' ? end + 1 : NULL;
      if (colon != NULL)
        host = g_strndup (address + 1, end - address - 1);
    }
  else
    {
      colon = strrchr (address, ':');
      if (colon != NULL && memchr (address, ':', colon - address) == NULL)
        host = g_strndup (address, colon - address);
    }

  if (host != NULL)
    {
      if (g_ascii_strcasecmp (host, "localhost") == 0)
        inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      else
        inet = g_inet_address_new_from_string (host);
    }

  if (inet == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an address to listen on: give an IP address and a port, "
                     "such as 127.0.0.1:8470 or [::1]:8470"), address);
      return NULL;
    }

  return G_INET_SOCKET_ADDRESS (g_inet_socket_address_new (inet, (guint16) port));
}

gboolean
sitroom_feed_server_listen (SitroomFeedServer *self,
                            const char        *address,
                            GError           **error)
{
  g_autoptr(GInetSocketAddress) socket_address = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SITROOM_IS_FEED_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  socket_address = sitroom_feed_server_parse_address (address, error);
  if (socket_address == NULL)
    return FALSE;

  if (!sitroom_feed_server_front_listen (self, G_SOCKET_ADDRESS (socket_address), &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot listen on %s: %s"), address, local_error->message);
      return FALSE;
    }
  return TRUE;
}

char *
sitroom_feed_server_get_base_url (SitroomFeedServer *self)
{
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autofree char *host = NULL;
  GInetAddress *inet;
  GSocket *socket;

  g_return_val_if_fail (SITROOM_IS_FEED_SERVER (self), NULL);

  socket = sitroom_feed_server_front_get_socket (self);
  if (socket == NULL)
    return NULL;

  local = g_socket_get_local_address (socket, NULL);
  if (local == NULL || !G_IS_INET_SOCKET_ADDRESS (local))
    return NULL;

  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local));
  /* Listening on every address: this machine's clients reach it on loopback. */
  if (g_inet_address_get_is_any (inet))
    inet = loopback = g_inet_address_new_loopback (g_inet_address_get_family (inet));
  host = g_inet_address_to_string (inet);

  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("http://[%s]:%u", host,
                            g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
  return g_strdup_printf ("http://%s:%u", host,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
}

void
sitroom_feed_server_disconnect (SitroomFeedServer *self)
{
  g_return_if_fail (SITROOM_IS_FEED_SERVER (self));

  /* Closing the connections finishes the streams, which removes them. */
  sitroom_feed_server_front_close (self);
  soup_server_disconnect (self->soup);
  g_clear_handle_id (&self->keepalive_source, g_source_remove);
}

/* ------------------------------------------------------------------ */
/* The object                                                         */

void
sitroom_feed_server_publication_committed (SitroomFeedServer  *self,
                                           SitroomPublication *publication)
{
  g_autofree char *as_of = NULL;

  /* Two PUTs may finish out of order; the one stored last stays current. */
  if (self->current != NULL && self->current->id >= publication->id)
    return;

  sitroom_feed_server_set_current (self, sitroom_publication_copy (publication), self->current);

  as_of = sitroom_time_format (publication->as_of, publication->as_of_offset);
  g_message ("Published %s (as of %s)", publication->etag, as_of);

  sitroom_feed_server_broadcast_publication (self, publication);
  g_signal_emit (self, signals[SIGNAL_PUBLISHED], 0, publication->etag, publication->as_of);
}

void
sitroom_feed_server_notify_replaying (SitroomFeedServer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLAYING]);
}

const char *
sitroom_feed_server_get_etag (SitroomFeedServer *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_SERVER (self), NULL);

  return self->current != NULL ? self->current->etag : NULL;
}

static void
sitroom_feed_server_dispose (GObject *object)
{
  SitroomFeedServer *self = SITROOM_FEED_SERVER (object);

  g_clear_handle_id (&self->replay_source, g_source_remove);
  g_clear_pointer (&self->replay_steps, g_ptr_array_unref);
  sitroom_feed_server_front_close (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  /* Streams whose connection had not noticed yet. */
  sitroom_feed_server_close_streams (self);
  g_clear_handle_id (&self->keepalive_source, g_source_remove);
  g_clear_object (&self->soup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sitroom_feed_server_parent_class)->dispose (object);
}

static void
sitroom_feed_server_finalize (GObject *object)
{
  SitroomFeedServer *self = SITROOM_FEED_SERVER (object);

  g_clear_pointer (&self->current, sitroom_publication_free);
  g_free (self->current_last_modified);
  memset (self->token_digest, 0, sizeof self->token_digest);

  G_OBJECT_CLASS (sitroom_feed_server_parent_class)->finalize (object);
}

static void
sitroom_feed_server_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SitroomFeedServer *self = SITROOM_FEED_SERVER (object);

  switch (prop_id)
    {
    case PROP_REPLAYING:
      g_value_set_boolean (value, sitroom_feed_server_get_replaying (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_feed_server_class_init (SitroomFeedServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sitroom_feed_server_dispose;
  object_class->finalize = sitroom_feed_server_finalize;
  object_class->get_property = sitroom_feed_server_get_property;

  properties[PROP_REPLAYING] =
    g_param_spec_boolean ("replaying", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (etag, as_of in Unix seconds) of each new current publication. */
  signals[SIGNAL_PUBLISHED] =
    g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
sitroom_feed_server_init (SitroomFeedServer *self)
{
  self->keepalive_interval = SITROOM_FEED_SERVER_DEFAULT_KEEPALIVE;
  self->max_bytes = SITROOM_FEED_SERVER_DEFAULT_MAX_BYTES;
  self->front_idle_timeout = SITROOM_FEED_SERVER_DEFAULT_IDLE_TIMEOUT;
}

SitroomFeedServer *
sitroom_feed_server_new (SitroomFeedStore *store,
                         const char       *token)
{
  SitroomFeedServer *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomPublication) latest = NULL;
  g_autoptr(SitroomPublication) previous = NULL;

  g_return_val_if_fail (SITROOM_IS_FEED_STORE (store), NULL);
  g_return_val_if_fail (token == NULL || *token != '\0', NULL);

  self = g_object_new (SITROOM_TYPE_FEED_SERVER, NULL);
  self->store = g_object_ref (store);
  self->soup = soup_server_new ("server-header", "sitroom-feed/" PACKAGE_VERSION " ", NULL);
  /* Both on the default path: a handler for one path would hide the default
   * one there. */
  soup_server_add_early_handler (self->soup, NULL, sitroom_feed_server_early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);

  if (token != NULL)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      gsize length = sizeof self->token_digest;

      g_checksum_update (checksum, (const guchar *) token, strlen (token));
      g_checksum_get_digest (checksum, self->token_digest, &length);
      self->publishing_enabled = TRUE;
    }

  latest = sitroom_feed_store_get_latest (store, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  if (latest != NULL)
    {
      previous = sitroom_feed_store_get_by_id (store, latest->id - 1, NULL);
      sitroom_feed_server_set_current (self, g_steal_pointer (&latest), previous);
    }

  return self;
}
