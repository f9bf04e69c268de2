/* An incremental reader of Server-Sent Events (text/event-stream), the feed's change announcements. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lines may end in CRLF, LF or CR and may be split anywhere between chunks. */
typedef void (*SitroomSseEventFunc) (const char *event,
                                     const char *data,
                                     gpointer    user_data);

typedef struct {
  GString  *line;
  GString  *data;
  char     *event;
  gboolean  after_cr;
  gboolean  started;
  gsize     max_line;
} SitroomSseParser;

void         sitroom_sse_parser_init            (SitroomSseParser *parser,
                                                 gsize             max_line);
void         sitroom_sse_parser_clear           (SitroomSseParser *parser);
/* Calls @func for each complete event. FALSE when a line or an event's
 * data grows past the parser's limit: drop the stream. */
gboolean     sitroom_sse_parser_feed            (SitroomSseParser    *parser,
                                                 const char          *chunk,
                                                 gsize                length,
                                                 SitroomSseEventFunc  func,
                                                 gpointer             user_data);

G_END_DECLS
