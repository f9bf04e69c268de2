/* The reference feed server: feed-v1 over HTTP (libsoup), backed by a SitroomFeedStore. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-feed-store.h"

G_BEGIN_DECLS

#define SITROOM_FEED_SERVER_DEFAULT_KEEPALIVE 15   /* seconds between SSE comments */
#define SITROOM_FEED_SERVER_DEFAULT_MAX_BYTES (64 * 1024 * 1024)
#define SITROOM_FEED_SERVER_DEFAULT_IDLE_TIMEOUT 60   /* seconds a kept connection may stay silent */

#define SITROOM_TYPE_FEED_SERVER (sitroom_feed_server_get_type ())

G_DECLARE_FINAL_TYPE (SitroomFeedServer, sitroom_feed_server, SITROOM, FEED_SERVER, GObject)

/* Serves @store. @token is the bearer token PUT requires; NULL disables
 * publishing over HTTP (PUT answers 403), while sitroom_feed_server_publish()
 * and the replay still work. The server runs on the thread-default main
 * context of the thread that creates it.
 *
 * Signals: "published" (const char *etag, gint64 as_of in Unix seconds) for
 * each new current publication, from HTTP, publish() or the replay; property
 * "replaying", notified when a replay starts and ends. */
SitroomFeedServer *sitroom_feed_server_new                    (SitroomFeedStore  *store,
                                                               const char        *token);

/* Settings; each may change at any time. */
void               sitroom_feed_server_set_keepalive_interval (SitroomFeedServer *self,
                                                               guint              seconds);
void               sitroom_feed_server_set_max_bytes          (SitroomFeedServer *self,
                                                               gsize              max_bytes);
void               sitroom_feed_server_set_idle_timeout       (SitroomFeedServer *self,
                                                               guint              seconds);

/* Parses "HOST:PORT" with a numeric host ("127.0.0.1:8470", "[::1]:0") or
 * "localhost"; the port may be 0. */
GInetSocketAddress *sitroom_feed_server_parse_address         (const char        *address,
                                                               GError           **error);

/* Listens on @address, "HOST:PORT" with a numeric host ("127.0.0.1:8470",
 * "[::1]:0"); port 0 picks a free one. May be called more than once. */
gboolean           sitroom_feed_server_listen                 (SitroomFeedServer *self,
                                                               const char        *address,
                                                               GError           **error);
/* "http://127.0.0.1:PORT" of the first listening socket, or NULL. */
char              *sitroom_feed_server_get_base_url           (SitroomFeedServer *self);
/* Stops listening and closes every connection (open streams included).
 * Letting go of the last reference does the same. */
void               sitroom_feed_server_disconnect             (SitroomFeedServer *self);

/* Validates @document with the core's validator and, if it has no errors,
 * stores it durably and announces it on the stream. @etag receives the new
 * entity tag (quotes included); @problems (if not NULL) every problem found,
 * as SitroomProblem, also on failure. Runs on the calling thread: the main
 * one. Publishing the same bytes as the current document stores nothing new. */
gboolean           sitroom_feed_server_publish                (SitroomFeedServer *self,
                                                               GBytes            *document,
                                                               char             **etag,
                                                               GPtrArray        **problems,
                                                               GError           **error);

/* The entity tag of the current document, or NULL before any publication. */
const char        *sitroom_feed_server_get_etag               (SitroomFeedServer *self);

/* Publishes @document's story step by step (sitroom_feed_replay_build_steps()):
 * the first step at once, the next ones as time passes at @speed times real
 * speed (3600: an hour a second). Replaces any replay under way. Fails if the
 * document or a step does not validate; nothing is published then. */
gboolean           sitroom_feed_server_replay_start           (SitroomFeedServer *self,
                                                               GBytes            *document,
                                                               double             speed,
                                                               GError           **error);
void               sitroom_feed_server_replay_stop            (SitroomFeedServer *self);
/* TRUE while a replay has steps left to publish. */
gboolean           sitroom_feed_server_get_replaying          (SitroomFeedServer *self);

G_END_DECLS
