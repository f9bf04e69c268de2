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
} SitroomExit;

/* Prints the summary of @feed (NULL: the built-in demo) at @as_of (NULL: the
 * document's as_of) as "text" (the headline paragraph in @lang) or "json". */
int sitroom_cli_summary    (const char *feed,
                            const char *as_of,
                            const char *format,
                            const char *lang);

/* Prints every problem as "error: PATH: message" or "warning: PATH: message",
 * then a verdict line. */
int sitroom_cli_check_feed (const char *source,
                            const char *lang);

G_END_DECLS
