/* The error domain of documents and sources: why a document was refused or could not be read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SITROOM_FEED_ERROR (sitroom_feed_error_quark ())

typedef enum {
  SITROOM_FEED_ERROR_UNREADABLE,   /* missing file, permission, I/O */
  SITROOM_FEED_ERROR_TOO_LARGE,    /* over the size limit */
  SITROOM_FEED_ERROR_TOO_DEEP,     /* over the nesting limit */
  SITROOM_FEED_ERROR_NOT_UTF8,
  SITROOM_FEED_ERROR_NOT_JSON,
  SITROOM_FEED_ERROR_FORMAT,       /* another major format version */
  SITROOM_FEED_ERROR_INVALID,      /* parsed, but with errors: see the problems */
} SitroomFeedError;

GQuark sitroom_feed_error_quark (void);

G_END_DECLS
