/* The bearer token of a feed: from the keyring (the Secret portal inside Flatpak) or from a file only its owner can read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The libsecret schema of stored tokens; the attribute "feed" holds the
 * feed's base URL as sitroom_feed_normalize_url() writes it. */
#define SITROOM_TOKEN_SCHEMA_NAME "io.github.sitroom.Sitroom.Token"

/* Reads the token from @path: a regular file that neither its group nor
 * others may read or write (mode 0600 or stricter), holding the token on its
 * first line. A G_IO_ERROR says what is wrong with the file; the token
 * itself is never part of a message. */
char     *sitroom_token_read_file     (const char           *path,
                                       GError              **error);

/* The token stored for @base_url, or NULL without an error when there is
 * none. The keyring may ask the user to unlock it. */
void      sitroom_token_lookup_async  (const char           *base_url,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *sitroom_token_lookup_finish (GAsyncResult         *result,
                                       GError              **error);
char     *sitroom_token_lookup_sync   (const char           *base_url,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* Stores or replaces the token of @base_url. */
void      sitroom_token_store_async   (const char           *base_url,
                                       const char           *token,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  sitroom_token_store_finish  (GAsyncResult         *result,
                                       GError              **error);

/* Forgets the token of @base_url; TRUE even when there was none. */
void      sitroom_token_clear_async   (const char           *base_url,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  sitroom_token_clear_finish  (GAsyncResult         *result,
                                       GError              **error);

/* Overwrites a token's memory, then frees it. */
void      sitroom_token_free          (char                 *token);

G_END_DECLS
