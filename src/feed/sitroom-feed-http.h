/* The HTTP side of the feed: URL policy, GETs with a deadline and a size limit, redirects that keep the token home, Server-Sent Events. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

/* What sitroom_feed_http_open_stream_async() opens is read with it. */
#include "sitroom-sse-parser.h"

G_BEGIN_DECLS

#define SITROOM_FEED_NET_ERROR (sitroom_feed_net_error_quark ())

/* Why a request got no usable answer. Refusals of the document itself are
 * SITROOM_FEED_ERROR (TOO_LARGE here, the others from the parser). */
typedef enum {
  SITROOM_FEED_NET_ERROR_BAD_URL,      /* not an http(s) base URL */
  SITROOM_FEED_NET_ERROR_INSECURE,     /* plain http to a host off loopback */
  SITROOM_FEED_NET_ERROR_NO_ANSWER,    /* no connection, reset, name not found */
  SITROOM_FEED_NET_ERROR_CERTIFICATE,  /* the server's certificate is not trusted */
  SITROOM_FEED_NET_ERROR_DEADLINE,     /* the whole request took longer than allowed */
  SITROOM_FEED_NET_ERROR_TRUNCATED,    /* the body ended before its Content-Length */
  SITROOM_FEED_NET_ERROR_REDIRECT,     /* too many redirects, or to an unusable URL */
} SitroomFeedNetError;

GQuark       sitroom_feed_net_error_quark       (void);

/* TRUE for localhost, 127.0.0.0/8 and ::1. */
gboolean     sitroom_feed_http_is_loopback_host (const char *host);

/* Parses @base_url ("https://feed.example/shanxi/") into the base the
 * endpoints are resolved against: no user info, query or fragment, no
 * trailing slash. Plain http is refused off loopback unless @allow_insecure.
 * No traffic. */
GUri        *sitroom_feed_http_parse_base       (const char  *base_url,
                                                 gboolean     allow_insecure,
                                                 GError     **error);

/* "feed.example:443", "[::1]:8470": how messages name a server. */
char        *sitroom_feed_http_describe_host    (GUri        *uri);

/* A session for one feed: the user agent "Sitroom/VERSION", certificates
 * verified against the system's database, and a socket timeout longer than
 * the stream's keep-alive interval. */
SoupSession *sitroom_feed_http_session_new      (void);

typedef struct {
  GUri       *base;
  const char *token;           /* sent only to the base's own scheme, host and port */
  gboolean    allow_insecure;  /* applies to redirects too */
  guint       deadline_ms;     /* for the whole request; for a stream, until the headers */
  gsize       max_bytes;       /* of a situation body */
} SitroomFeedHttpOptions;

typedef struct {
  guint         status;
  char         *etag;
  char         *last_modified;
  gint64        retry_after;   /* seconds from now of a Retry-After, or -1 */
  GBytes       *body;          /* GET /v1/situation with status 200 */
  GInputStream *stream;        /* GET /v1/stream with status 200 and text/event-stream */
} SitroomFeedResponse;

void         sitroom_feed_response_free         (SitroomFeedResponse *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomFeedResponse, sitroom_feed_response_free)

/* GET {base}/v1/situation, conditional on @etag and @last_modified when
 * given. Any status is a response (the body is read only for 200); a request
 * that ends without one is an error. Cancel @cancellable from the thread that
 * started the request. */
void         sitroom_feed_http_get_async        (SoupSession                  *session,
                                                 const SitroomFeedHttpOptions *options,
                                                 const char                   *etag,
                                                 const char                   *last_modified,
                                                 GCancellable                 *cancellable,
                                                 GAsyncReadyCallback           callback,
                                                 gpointer                      user_data);
SitroomFeedResponse *sitroom_feed_http_get_finish (GAsyncResult               *result,
                                                   GError                    **error);

/* GET {base}/v1/stream: the response holds the open event stream when the
 * server offers one. */
void         sitroom_feed_http_open_stream_async  (SoupSession                  *session,
                                                   const SitroomFeedHttpOptions *options,
                                                   GCancellable                 *cancellable,
                                                   GAsyncReadyCallback           callback,
                                                   gpointer                      user_data);
SitroomFeedResponse *sitroom_feed_http_open_stream_finish (GAsyncResult         *result,
                                                           GError              **error);

/* Drops an unfinished body without reading the rest of it (libsoup would
 * otherwise drain it on close): the connection is closed instead. */
void         sitroom_feed_http_discard_stream   (GInputStream *stream);

/* A Retry-After value, delta-seconds or an HTTP date, as seconds after
 * @now (real time, µs); -1 when it is neither. */
gint64       sitroom_feed_http_parse_retry_after (const char *value,
                                                  gint64      now);

G_END_DECLS
