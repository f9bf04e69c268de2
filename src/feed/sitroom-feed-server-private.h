/* The feed server's internals, shared by the files of the server. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sitroom-feed-server.h"
#include "sitroom-feed-store.h"

G_BEGIN_DECLS

struct _SitroomFeedServer
{
  GObject parent_instance;

  SoupServer *soup;
  /* The front: see sitroom-feed-server-front.c. */
  GPtrArray *front_listeners;
  GList *front_connections;
  guint front_sweep_source;
  guint front_idle_timeout;    /* seconds */
  char *front_date;            /* the Date header of this second */
  gint64 front_date_second;
  SitroomFeedStore *store;
  gboolean publishing_enabled;
  guint8 token_digest[32];

  guint keepalive_interval;
  guint keepalive_source;
  gsize max_bytes;

  /* The latest publication, served from memory. If-Modified-Since alone is
   * honoured only when the one before it was stored in an earlier second:
   * otherwise a client holding that one could not tell them apart. */
  SitroomPublication *current;
  char *current_last_modified;   /* its Last-Modified, made once */
  gboolean current_second_is_unique;

  GList *streams;   /* Stream, in sitroom-feed-server-stream.c */

  GPtrArray *replay_steps;
  guint replay_next;
  guint replay_source;
  gint64 replay_started;   /* monotonic µs when the first step went out */
  double replay_speed;
};

/* What a worker's callback needs. A GTask may be finalized in its worker
 * thread, and with it its source object: the server is therefore not the
 * task's source object but is held here, and let go in the callback, on the
 * server's own thread. */
typedef struct {
  SitroomFeedServer *self;
  SoupServerMessage *msg;   /* the exchange waiting for the answer, or NULL */
  GPtrArray *steps;         /* the replay a step belongs to, or NULL */
} SitroomFeedServerCall;

/* In sitroom-feed-server.c: the object, listening, routing and health. */
SitroomFeedServerCall *sitroom_feed_server_call_new                 (SitroomFeedServer        *self,
                                                                     SoupServerMessage        *msg,
                                                                     GPtrArray                *steps);
void                   sitroom_feed_server_call_free                (SitroomFeedServerCall    *call);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomFeedServerCall, sitroom_feed_server_call_free)

void                   sitroom_feed_server_set_json_response        (SoupServerMessage        *msg,
                                                                     guint                     status,
                                                                     JsonNode                 *root);
/* A JSON body {"message": @message}. */
void                   sitroom_feed_server_set_error_response       (SoupServerMessage        *msg,
                                                                     guint                     status,
                                                                     const char               *message);
/* Marks @msg when its exchange is over, or its connection gone, so that an
 * answer coming later from a worker can tell it must not touch it. */
void                   sitroom_feed_server_watch_finished           (SoupServerMessage        *msg);
gboolean               sitroom_feed_server_is_finished              (SoupServerMessage        *msg);
/* On the main thread, once a publication is on disk: makes it current unless
 * a later one is, and announces it. */
void                   sitroom_feed_server_publication_committed    (SitroomFeedServer        *self,
                                                                     SitroomPublication       *publication);
void                   sitroom_feed_server_notify_replaying         (SitroomFeedServer        *self);

/* In sitroom-feed-server-front.c: listening, and the 304s to polls. */
gboolean               sitroom_feed_server_front_listen             (SitroomFeedServer        *self,
                                                                     GSocketAddress           *address,
                                                                     GError                  **error);
/* The first socket listened on, or NULL. */
GSocket               *sitroom_feed_server_front_get_socket         (SitroomFeedServer        *self);
/* Stops listening and closes the connections the front still holds. */
void                   sitroom_feed_server_front_close              (SitroomFeedServer        *self);
/* The socket of @msg's connection, or NULL when it is gone. */
GSocket               *sitroom_feed_server_message_get_socket       (SoupServerMessage        *msg);

/* In sitroom-feed-server-read.c: GET /v1/situation. */
void                   sitroom_feed_server_handle_get_situation     (SitroomFeedServer        *self,
                                                                     SoupServerMessage        *msg,
                                                                     GHashTable               *query);
/* Does an If-None-Match list ("*", or entity tags, weak or strong) name @etag? */
gboolean               sitroom_feed_server_etag_list_matches        (const char               *header,
                                                                     const char               *etag);
/* Makes @publication (taken) the current one. @previous is the publication
 * stored before it, or NULL; it may be the current one. */
void                   sitroom_feed_server_set_current              (SitroomFeedServer        *self,
                                                                     SitroomPublication       *publication,
                                                                     const SitroomPublication *previous);

/* In sitroom-feed-server-publish.c: PUT /v1/situation and publish(). */
void                   sitroom_feed_server_early_handler            (SoupServer               *server,
                                                                     SoupServerMessage        *msg,
                                                                     const char               *path,
                                                                     GHashTable               *query,
                                                                     gpointer                  user_data);
void                   sitroom_feed_server_handle_put               (SitroomFeedServer        *self,
                                                                     SoupServerMessage        *msg);
/* Validates and stores @document in a worker; @callback gets @call (taken)
 * as its user data. */
void                   sitroom_feed_server_publish_in_thread        (SitroomFeedServerCall    *call,
                                                                     GBytes                   *document,
                                                                     gpointer                  source_tag,
                                                                     GAsyncReadyCallback       callback);
/* Announces the publication, if one was stored, whether or not the call
 * failed. */
gboolean               sitroom_feed_server_publish_in_thread_finish (SitroomFeedServer        *self,
                                                                     GAsyncResult             *result,
                                                                     GError                  **error);

/* In sitroom-feed-server-stream.c: GET /v1/stream. */
void                   sitroom_feed_server_handle_stream            (SitroomFeedServer        *self,
                                                                     SoupServerMessage        *msg);
void                   sitroom_feed_server_broadcast_publication    (SitroomFeedServer        *self,
                                                                     const SitroomPublication *publication);
/* Lets go of every stream, as if each had finished. */
void                   sitroom_feed_server_close_streams            (SitroomFeedServer        *self);

G_END_DECLS
