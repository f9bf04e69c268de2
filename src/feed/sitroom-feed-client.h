/* The live feed client: conditional GETs, Server-Sent Events, back-off, and the last good situation. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-situation.h"

G_BEGIN_DECLS

typedef enum {
  SITROOM_FEED_STATE_IDLE,       /* not started */
  SITROOM_FEED_STATE_FETCHING,   /* first fetch under way, nothing good yet */
  SITROOM_FEED_STATE_OK,         /* the last attempt succeeded (200 or 304) */
  SITROOM_FEED_STATE_FAILING,    /* the last attempt failed; retrying at next-retry */
} SitroomFeedState;

#define SITROOM_TYPE_FEED_STATE (sitroom_feed_state_get_type ())
GType sitroom_feed_state_get_type (void) G_GNUC_CONST;

#define SITROOM_TYPE_FEED_CLIENT (sitroom_feed_client_get_type ())

G_DECLARE_FINAL_TYPE (SitroomFeedClient, sitroom_feed_client, SITROOM, FEED_CLIENT, GObject)

/* @base_url: "http://127.0.0.1:8470" (GET {base}/v1/situation, {base}/v1/stream). */
SitroomFeedClient *sitroom_feed_client_new (const char *base_url);

/* Settings, each before start(); each has a property of the same name. */
void        sitroom_feed_client_set_poll_interval   (SitroomFeedClient *self, guint seconds);      /* default 30 */
void        sitroom_feed_client_set_deadline        (SitroomFeedClient *self, guint seconds);      /* default 20 */
void        sitroom_feed_client_set_max_bytes       (SitroomFeedClient *self, gsize max_bytes);    /* default 64 MiB */
void        sitroom_feed_client_set_allow_insecure  (SitroomFeedClient *self, gboolean allow);     /* plain http off loopback */
void        sitroom_feed_client_set_token           (SitroomFeedClient *self, const char *token);  /* never logged */
void        sitroom_feed_client_set_lang            (SitroomFeedClient *self, const char *lang);
/* The certificate authorities to trust, replacing the system's (a test's own CA,
 * an intranet CA). Certificates are always verified. */
void        sitroom_feed_client_set_tls_database    (SitroomFeedClient *self, GTlsDatabase *database);
/* The back-off after failures: @initial_ms doubling up to @max_ms, each ±20 %
 * (default 5 s and 5 min; properties "retry-initial" and "retry-max"). */
void        sitroom_feed_client_set_retry_delays    (SitroomFeedClient *self, guint initial_ms, guint max_ms);

/* Starts polling and listening; the first fetch begins at once. A situation
 * given here (the stored last good one) is shown until a newer one arrives,
 * and its ETag is sent with the first request. */
void        sitroom_feed_client_start    (SitroomFeedClient *self,
                                          SitroomSituation  *last_good,
                                          const char        *last_etag);
/* Cancels everything in flight; no callback runs after it returns. */
void        sitroom_feed_client_stop     (SitroomFeedClient *self);
/* Fetch now, outside the schedule (a user's "Refresh"). */
void        sitroom_feed_client_refresh  (SitroomFeedClient *self);

const char       *sitroom_feed_client_get_base_url     (SitroomFeedClient *self);
SitroomFeedState  sitroom_feed_client_get_state        (SitroomFeedClient *self);
/* The last accepted situation, or NULL. Replaced in one step ("notify::situation"). */
SitroomSituation *sitroom_feed_client_get_situation    (SitroomFeedClient *self);
const char       *sitroom_feed_client_get_etag         (SitroomFeedClient *self);
GBytes           *sitroom_feed_client_get_bytes        (SitroomFeedClient *self);   /* of the situation, to store */
/* Real time (µs) of the last success (200 or 304), or 0. */
gint64            sitroom_feed_client_get_last_success (SitroomFeedClient *self);
/* Why the last attempt failed, for people ("HTTP 503, retrying in 40 s",
 * "feed refused: /cases/3/region: unknown region code 999999"), or NULL. */
const char       *sitroom_feed_client_get_last_error   (SitroomFeedClient *self);
/* Real time (µs) of the next attempt while failing, or 0. */
gint64            sitroom_feed_client_get_next_retry   (SitroomFeedClient *self);
gboolean          sitroom_feed_client_get_streaming    (SitroomFeedClient *self);  /* SSE connected */
/* TRUE when the feed is plain http to a host off loopback (allowed by
 * allow-insecure): what is shown may have been changed on the way. */
gboolean          sitroom_feed_client_get_insecure     (SitroomFeedClient *self);

/* TRUE for a source the feed client reads: an http:// or https:// URL. */
gboolean          sitroom_feed_is_url                  (const char        *source);
/* The form of @base_url that names the feed (keyring entries, caches): no
 * trailing slash. A copy of @base_url when it is not a valid feed URL. */
char             *sitroom_feed_normalize_url           (const char        *base_url);

/* One-shot fetch for the command line: GET {base}/v1/situation once, with the
 * same limits and checks. */
void              sitroom_feed_fetch_async  (const char          *base_url,
                                             const char          *token,
                                             gboolean             allow_insecure,
                                             gsize                max_bytes,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GBytes           *sitroom_feed_fetch_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
