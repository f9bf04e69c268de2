/* The last good document of each feed, kept on disk so that a restart shows it at once. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SITROOM_TYPE_DOCUMENT_CACHE (sitroom_document_cache_get_type ())

G_DECLARE_FINAL_TYPE (SitroomDocumentCache, sitroom_document_cache, SITROOM, DOCUMENT_CACHE, GObject)

/* @directory: NULL for $XDG_CACHE_HOME/sitroom/feeds. It is created (0700) on
 * the first save, not here. The cache holds no state but its directory, so
 * one object may be used from several threads. */
SitroomDocumentCache *sitroom_document_cache_new  (const char           *directory);

const char           *sitroom_document_cache_get_directory (SitroomDocumentCache *self);

/* The file that holds the entry of @source_url (named from the SHA-256 of the
 * URL), whether or not it exists: for messages and tests. */
char                 *sitroom_document_cache_get_entry_path (SitroomDocumentCache *self,
                                                             const char           *source_url);

/* Stores atomically (temporary file, fsync, rename, fsync of the folder) the
 * accepted document of @source_url with its ETag (may be NULL) and fetch time
 * (real time, µs). One entry a feed; the document and its metadata are one
 * file, so a crash leaves either the old entry or the new one, never a mix.
 * The cache does not parse the document: store only what was accepted. */
gboolean              sitroom_document_cache_save (SitroomDocumentCache *self,
                                                   const char           *source_url,
                                                   GBytes               *document,
                                                   const char           *etag,
                                                   gint64                fetched_at,
                                                   GError              **error);

/* The same in a worker thread: the fsyncs of a large document can take long
 * enough to be seen on the main loop. */
void                  sitroom_document_cache_save_async  (SitroomDocumentCache *self,
                                                          const char           *source_url,
                                                          GBytes               *document,
                                                          const char           *etag,
                                                          gint64                fetched_at,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean              sitroom_document_cache_save_finish (SitroomDocumentCache *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* The stored document of @source_url, or NULL with no error when there is none.
 * A damaged entry (unreadable, header damaged, the document not matching its
 * recorded size and SHA-256, or stored for another URL) is set aside (renamed
 * with a ".damaged" suffix; only the latest damaged copy is kept), reported in
 * @error (SITROOM_FEED_ERROR_UNREADABLE) as a warning a person can read, and
 * NULL is returned: never a crash, and the next save works. The document is
 * returned as stored, unparsed: the caller validates it. */
GBytes               *sitroom_document_cache_load (SitroomDocumentCache *self,
                                                   const char           *source_url,
                                                   char                **etag,
                                                   gint64               *fetched_at,
                                                   GError              **error);

G_END_DECLS
