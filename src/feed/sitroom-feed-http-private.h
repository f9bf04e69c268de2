/* Internals of the feed's HTTP side shared by its files: the URL rules a request keeps to. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-feed-http.h"

G_BEGIN_DECLS

/* In sitroom-feed-url.c. The token's home: the same scheme, host and port as
 * the base. A redirect elsewhere, even to https on the same host and another
 * port, goes without it. */
gboolean     sitroom_feed_http_same_origin      (GUri        *a,
                                                 GUri        *b);
/* Where a request may go: http or https, a host, and plain http only on
 * loopback unless the user allowed otherwise. */
gboolean     sitroom_feed_http_check_target     (GUri        *uri,
                                                 gboolean     allow_insecure,
                                                 GError     **error);
/* {base}@suffix, with the base's scheme, host and port. */
GUri        *sitroom_feed_http_endpoint         (GUri        *base,
                                                 const char  *suffix);

G_END_DECLS
