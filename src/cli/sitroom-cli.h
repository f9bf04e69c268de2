/* The command-line modes of sitroom: --summary and --check-feed, with no window. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses, shared by every mode. */
typedef enum {
  SITROOM_EXIT_OK = 0,
  SITROOM_EXIT_REFUSED = 1,     /* the document has errors */
  SITROOM_EXIT_UNREADABLE = 2,  /* missing file, permission, bad arguments */
  SITROOM_EXIT_EXPORT_FAILED = 1, /* --export: the file was not written, whatever the reason */
} SitroomExit;

/* How an http(s) feed is read. NULL or zeros: no token but the keyring's,
 * plain http only on loopback. */
typedef struct {
  const char *token;           /* NULL: the keyring's token for the feed, if any */
  gboolean    allow_insecure;
} SitroomCliNetwork;

/* Prints the summary of @feed (NULL: the built-in demo; a file, file:// URL or
 * http(s):// feed URL) at @as_of (NULL: the document's as_of) as "text" (the
 * headline paragraph in @lang) or "json". */
int sitroom_cli_summary    (const char              *feed,
                            const char              *as_of,
                            const char              *format,
                            const char              *lang,
                            const SitroomCliNetwork *network);

/* Prints every problem as "error: PATH: message" or "warning: PATH: message",
 * then a verdict line. An unreachable feed or an HTTP error is UNREADABLE. */
int sitroom_cli_check_feed (const char              *source,
                            const char              *lang,
                            const SitroomCliNetwork *network);

G_END_DECLS
