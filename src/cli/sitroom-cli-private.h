/* What the command-line modes share: how they report errors and load a situation at a cutoff. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-cli.h"
#include "sitroom-view.h"

G_BEGIN_DECLS

/* "sitroom: " and the message on stderr, as UTF-8 whatever the locale. */
void sitroom_cli_print_err (const char *format,
                            ...) G_GNUC_PRINTF (1, 2);

/* Reads @feed (NULL: the built-in demo) with @network and makes the view of
 * the whole situation at @as_of (NULL: the document's as_of). On failure
 * prints why and returns the exit status; on success sets @view and
 * @offset (the offset to show times in) and returns SITROOM_EXIT_OK. */
int  sitroom_cli_load_view (const char              *feed,
                            const char              *as_of,
                            const char              *lang,
                            const SitroomCliNetwork *network,
                            SitroomView            **view,
                            int                     *offset);

G_END_DECLS
