/* The feed server's durable history of publications, in SQLite. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One stored publication. */
typedef struct {
  gint64  id;            /* increasing with every publication */
  char   *etag;          /* the entity tag as sent in the ETag header, quotes included */
  gint64  as_of;         /* the document's as_of, Unix seconds */
  int     as_of_offset;  /* and its offset, seconds east of UTC */
  gint64  received_at;   /* when it was stored, Unix microseconds */
  GBytes *body;          /* the document exactly as published */
} SitroomPublication;

#define SITROOM_TYPE_PUBLICATION (sitroom_publication_get_type ())

GType               sitroom_publication_get_type (void) G_GNUC_CONST;
SitroomPublication *sitroom_publication_copy     (const SitroomPublication *publication);
void                sitroom_publication_free     (SitroomPublication       *publication);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomPublication, sitroom_publication_free)

/* '"sha256-<64 hex digits>"': the strong entity tag of @body. */
char *sitroom_feed_store_compute_etag (GBytes *body);

#define SITROOM_TYPE_FEED_STORE (sitroom_feed_store_get_type ())

G_DECLARE_FINAL_TYPE (SitroomFeedStore, sitroom_feed_store, SITROOM, FEED_STORE, GObject)

/* Opens (creating the file and its schema if needed) the store at @path, in WAL
 * mode with synchronous=FULL. @path NULL or ":memory:" is a store in memory,
 * gone when the object is. Safe to use from several threads. */
SitroomFeedStore   *sitroom_feed_store_open       (const char        *path,
                                                   GError           **error);

/* Appends a publication and commits it; when this returns TRUE the row is on
 * disk. @etag NULL means sitroom_feed_store_compute_etag (@body). Returns the
 * stored publication (its id and received_at filled in). */
SitroomPublication *sitroom_feed_store_add        (SitroomFeedStore  *self,
                                                   GBytes            *body,
                                                   gint64             as_of,
                                                   int                as_of_offset,
                                                   const char        *etag,
                                                   GError           **error);

/* The last publication, or NULL with no error when there is none. */
SitroomPublication *sitroom_feed_store_get_latest (SitroomFeedStore  *self,
                                                   GError           **error);
/* The situation as it stood at @as_of: the publication with the greatest
 * as_of at or before it (the later publication on a tie), or NULL with no
 * error when every publication is later. */
SitroomPublication *sitroom_feed_store_get_as_of  (SitroomFeedStore  *self,
                                                   gint64             as_of,
                                                   GError           **error);
/* The publication with this id, or NULL with no error. */
SitroomPublication *sitroom_feed_store_get_by_id  (SitroomFeedStore  *self,
                                                   gint64             id,
                                                   GError           **error);
gint64              sitroom_feed_store_count      (SitroomFeedStore  *self,
                                                   GError           **error);

/* "" for a store in memory. */
const char         *sitroom_feed_store_get_path   (SitroomFeedStore  *self);

/* Checkpoints and closes the database; later calls fail. Also done on finalize. */
void                sitroom_feed_store_close      (SitroomFeedStore  *self);

G_END_DECLS
