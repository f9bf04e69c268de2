/* Keeps a context fed from its source: a watched file, a live feed, or the built-in demo served in-process. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-context.h"
#include "sitroom-document-cache.h"
#include "sitroom-feed-client.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_FEEDER (sitroom_feeder_get_type ())

G_DECLARE_FINAL_TYPE (SitroomFeeder, sitroom_feeder, SITROOM, FEEDER, GObject)

/* Feeds @context from the source it names (sitroom_context_get_source()). */
SitroomFeeder     *sitroom_feeder_new               (SitroomContext       *context);

/* Settings of the feed client, used from the next start of a feed on. */
void               sitroom_feeder_set_poll_interval (SitroomFeeder        *self,
                                                     guint                 seconds);
guint              sitroom_feeder_get_poll_interval (SitroomFeeder        *self);
void               sitroom_feeder_set_feed_options  (SitroomFeeder        *self,
                                                     const char           *token,
                                                     gboolean              allow_insecure);

/* Where the last good document of each http(s) feed is kept; NULL keeps
 * nothing. The built-in demo is never stored: its address changes each run. */
void               sitroom_feeder_set_cache         (SitroomFeeder        *self,
                                                     SitroomDocumentCache *cache);

/* Starts feeding from the context's source; when that source is already
 * running, reads it again now (a file) or asks the feed at once. */
void               sitroom_feeder_reload            (SitroomFeeder        *self);
/* Stops watching and fetching; no callback touches the context afterwards. */
void               sitroom_feeder_stop              (SitroomFeeder        *self);

/* The client of the running feed (the demo's too), or NULL. */
SitroomFeedClient *sitroom_feeder_get_client        (SitroomFeeder        *self);

G_END_DECLS
