/* Internals of the feed client shared by its files: its fields and properties, and what its polling and its stream call of each other. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-feed-client.h"
#include "sitroom-feed-http.h"

G_BEGIN_DECLS

/* Of a whole request, for the client and the one-shot fetch alike. */
#define SITROOM_FEED_DEFAULT_DEADLINE_S 20
#define SITROOM_FEED_STREAM_MAX_LINE (1024 * 1024)

struct _SitroomFeedClient {
  GObject           parent_instance;

  /* Settings */
  char             *base_url;
  char             *token;
  char             *lang;
  GTlsDatabase     *tls_database;
  gboolean          allow_insecure;
  guint             poll_interval;   /* s */
  guint             deadline;        /* s */
  guint             retry_initial;   /* ms */
  guint             retry_max;       /* ms */
  gsize             max_bytes;

  /* Machinery, between start() and stop() */
  GUri             *base;
  SoupSession      *session;
  GCancellable     *cancellable;
  gboolean          running;
  gboolean          fetching;
  gboolean          fetch_again;
  GSource          *fetch_timer;
  guint             n_failures;
  gint64            failing_since;
  gint64            retry_after_until;

  GInputStream     *stream;
  SitroomSseParser  sse;
  gboolean          stream_was_open;
  guint             n_stream_failures;
  GSource          *stream_timer;

  /* What is exposed */
  SitroomFeedState  state;
  SitroomSituation *situation;
  GBytes           *bytes;
  char             *etag;
  char             *last_modified;
  gint64            last_success;
  char             *last_error;
  gint64            next_retry;
  gboolean          streaming;
};

typedef enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_POLL_INTERVAL,
  PROP_DEADLINE,
  PROP_MAX_BYTES,
  PROP_ALLOW_INSECURE,
  PROP_TOKEN,
  PROP_LANG,
  PROP_TLS_DATABASE,
  PROP_RETRY_INITIAL,
  PROP_RETRY_MAX,
  PROP_STATE,
  PROP_SITUATION,
  PROP_ETAG,
  PROP_LAST_SUCCESS,
  PROP_LAST_ERROR,
  PROP_NEXT_RETRY,
  PROP_STREAMING,
  PROP_INSECURE,
  N_PROPS
} SitroomFeedClientProperty;

/* Replaces *@field with a copy of @value; FALSE when they were already equal. */
static inline gboolean
sitroom_feed_set_str (char       **field,
                      const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* In sitroom-feed-client.c: the exposed state, each setter notifying its
 * property when the value changes. */
void        sitroom_feed_client_notify         (SitroomFeedClient         *self,
                                                SitroomFeedClientProperty  prop);
void        sitroom_feed_client_set_state      (SitroomFeedClient         *self,
                                                SitroomFeedState           state);
void        sitroom_feed_client_set_last_error (SitroomFeedClient         *self,
                                                const char                *message);
void        sitroom_feed_client_set_next_retry (SitroomFeedClient         *self,
                                                gint64                     next_retry);
void        sitroom_feed_client_set_streaming  (SitroomFeedClient         *self,
                                                gboolean                   streaming);
void        sitroom_feed_client_set_etag       (SitroomFeedClient         *self,
                                                const char                *etag);
/* The settings as the HTTP side takes them. */
SitroomFeedHttpOptions sitroom_feed_client_http_options (SitroomFeedClient *self);
/* Timers run in the context the client was started in, like its requests. */
GSource    *sitroom_feed_client_add_timeout    (guint64                    delay_ms,
                                                GSourceFunc                func,
                                                gpointer                   data,
                                                const char                *name);
void        sitroom_feed_client_clear_timeout  (GSource                  **source);

/* In sitroom-feed-client-poll.c: a GET now, or once the one under way has
 * ended; and the delay before retry @n_failures. */
void        sitroom_feed_client_fetch_now      (SitroomFeedClient         *self);
guint64     sitroom_feed_client_backoff_ms     (SitroomFeedClient         *self,
                                                guint                      n_failures);

/* In sitroom-feed-client-stream.c: subscribes to the event stream. */
void        sitroom_feed_client_stream_open    (SitroomFeedClient         *self);

G_END_DECLS
