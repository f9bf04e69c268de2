/* Reading one situation document from a source: the built-in demo, a path, a file:// URL or a feed's http(s):// base URL. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-situation.h"

G_BEGIN_DECLS

#define SITROOM_DEMO_RESOURCE "/io/github/sitroom/Sitroom/demo/shanxi-2022-08-20.json"

/* Reads the raw document. @source NULL or "" is the built-in demo. A file larger
 * than @max_bytes (0: the default 64 MiB) is refused as TOO_LARGE before it is read;
 * a missing or unreadable one is UNREADABLE. An http:// or https:// source is a
 * feed's base URL: GET {base}/v1/situation once, with the feed client's limits
 * and checks (an HTTP error or no answer is UNREADABLE). */
GBytes           *sitroom_source_read        (const char               *source,
                                              gsize                     max_bytes,
                                              GError                  **error);

/* How a feed URL is read; files ignore it. */
typedef struct {
  const char *token;           /* bearer token, sent only to the feed's own host */
  gboolean    allow_insecure;  /* plain http to a host off loopback */
} SitroomSourceNetwork;

/* The same, with a token and the insecure-http permission for feed URLs.
 * The network part runs in a main context of its own: callable from any
 * thread, and it does not run the caller's sources meanwhile. */
GBytes           *sitroom_source_read_full   (const char                 *source,
                                              gsize                       max_bytes,
                                              const SitroomSourceNetwork *network,
                                              GError                    **error);

/* Reads and parses; @problems as for sitroom_situation_new_from_bytes(). */
SitroomSituation *sitroom_source_load        (const char               *source,
                                              const SitroomLoadOptions *options,
                                              GPtrArray               **problems,
                                              GError                  **error);

SitroomSituation *sitroom_source_load_full   (const char                 *source,
                                              const SitroomLoadOptions   *options,
                                              const SitroomSourceNetwork *network,
                                              GPtrArray                 **problems,
                                              GError                    **error);

/* The same in a worker thread, so a large document never blocks the main loop. */
void              sitroom_source_load_async  (const char               *source,
                                              const SitroomLoadOptions *options,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
SitroomSituation *sitroom_source_load_finish (GAsyncResult             *result,
                                              GPtrArray               **problems,
                                              GError                  **error);

/* A short name for people: "Built-in demo", the file's display name, or the feed's URL. */
char             *sitroom_source_describe    (const char               *source);

G_END_DECLS
