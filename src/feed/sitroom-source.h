/* Reading one situation document from a source: the built-in demo, a path or a file:// URL. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sitroom-situation.h"

G_BEGIN_DECLS

#define SITROOM_DEMO_RESOURCE "/io/github/sitroom/Sitroom/demo/shanxi-2022-08-20.json"

/* Reads the raw document. @source NULL or "" is the built-in demo. A file larger
 * than @max_bytes (0: the default 64 MiB) is refused as TOO_LARGE before it is read;
 * a missing or unreadable one is UNREADABLE. */
GBytes           *sitroom_source_read        (const char               *source,
                                              gsize                     max_bytes,
                                              GError                  **error);

/* Reads and parses; @problems as for sitroom_situation_new_from_bytes(). */
SitroomSituation *sitroom_source_load        (const char               *source,
                                              const SitroomLoadOptions *options,
                                              GPtrArray               **problems,
                                              GError                  **error);

/* The same in a worker thread, so a large document never blocks the main loop. */
void              sitroom_source_load_async  (const char               *source,
                                              const SitroomLoadOptions *options,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
SitroomSituation *sitroom_source_load_finish (GAsyncResult             *result,
                                              GPtrArray               **problems,
                                              GError                  **error);

/* A short name for people: "Built-in demo", or the file's display name. */
char             *sitroom_source_describe    (const char               *source);

G_END_DECLS
