/* Checks raw bytes before any JSON tree is built: size, UTF-8 and nesting depth. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SITROOM_DEFAULT_MAX_DEPTH 64
#define SITROOM_DEFAULT_MAX_BYTES (64 * 1024 * 1024)

/* Sets a SITROOM_FEED_ERROR (TOO_LARGE, NOT_UTF8, TOO_DEEP, NOT_JSON for an empty
 * document or unbalanced brackets) and returns FALSE on failure. */
gboolean sitroom_prescan (const char *data,
                          gsize       length,
                          guint       max_depth,
                          gsize       max_bytes,
                          GError    **error);

G_END_DECLS
