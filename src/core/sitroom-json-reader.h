/* A strict, non-recursive pull reader of JSON tokens over a byte buffer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SITROOM_JSON_ERROR,          /* see sitroom_json_reader_get_error(); every later call returns it too */
  SITROOM_JSON_END,            /* the document is complete and nothing follows it */
  SITROOM_JSON_BEGIN_OBJECT,
  SITROOM_JSON_END_OBJECT,
  SITROOM_JSON_BEGIN_ARRAY,
  SITROOM_JSON_END_ARRAY,
  SITROOM_JSON_KEY,            /* a member name; the member's value is the next token */
  SITROOM_JSON_STRING,
  SITROOM_JSON_NUMBER,
  SITROOM_JSON_TRUE,
  SITROOM_JSON_FALSE,
  SITROOM_JSON_NULL,
} SitroomJsonToken;

typedef struct _SitroomJsonReader SitroomJsonReader;

/* Reads @data (not copied: it must outlive the reader), which need not be
 * NUL-terminated. Containers nested deeper than @max_depth (the outermost one
 * is level 1) are refused with SITROOM_FEED_ERROR_TOO_DEEP; 0 means the
 * default of 64. */
SitroomJsonReader *sitroom_json_reader_new  (const char        *data,
                                             gsize              length,
                                             guint              max_depth);
void               sitroom_json_reader_free (SitroomJsonReader *reader);

SitroomJsonToken   sitroom_json_reader_next (SitroomJsonReader *reader);

/* Skips what is left of the value whose first token next() just returned: for
 * BEGIN_OBJECT or BEGIN_ARRAY everything up to and including the matching end,
 * for KEY the member's whole value, for anything else nothing. Syntax is still
 * checked. Returns FALSE if the reader is in error. */
gboolean           sitroom_json_reader_skip (SitroomJsonReader *reader);

/* The current STRING or KEY, unescaped. Valid until the next call to next() or
 * skip(). It points into the input when the string had no escapes, so it is
 * NUL-terminated only when it was unescaped: always use @length. A "\u0000"
 * escape yields a NUL byte inside the string. */
const char        *sitroom_json_reader_get_string (SitroomJsonReader *reader,
                                                   gsize             *length);
/* TRUE and the value when the current NUMBER is a whole number written without
 * a fraction or an exponent that fits in 64 bits. */
gboolean           sitroom_json_reader_get_int64  (SitroomJsonReader *reader,
                                                   gint64            *out);
double             sitroom_json_reader_get_double (SitroomJsonReader *reader);
/* The current token as written in the input (a number's digits, a string with
 * its quotes and escapes). */
const char        *sitroom_json_reader_get_raw    (SitroomJsonReader *reader,
                                                   gsize             *length);

/* Byte offset of the start of the current token, or of the syntax error. */
gsize              sitroom_json_reader_get_offset   (SitroomJsonReader *reader);
/* 1-based line and column (in characters) of that offset. */
void               sitroom_json_reader_get_position (SitroomJsonReader *reader,
                                                     guint             *line,
                                                     guint             *column);
/* Open containers around the current token. */
guint              sitroom_json_reader_get_depth    (SitroomJsonReader *reader);
/* The RFC 6901 JSON Pointer of the current value: after KEY the member, after
 * an array element the element, after END_OBJECT/END_ARRAY the container. */
char              *sitroom_json_reader_dup_pointer  (SitroomJsonReader *reader);

/* A SITROOM_FEED_ERROR (NOT_JSON, NOT_UTF8 or TOO_DEEP) whose message gives the
 * line and column, or NULL. */
const GError      *sitroom_json_reader_get_error    (SitroomJsonReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomJsonReader, sitroom_json_reader_free)

/* Appends @segment to @pointer as one RFC 6901 reference token ("~" and "/"
 * escaped), with its leading "/". */
void               sitroom_json_pointer_append (GString    *pointer,
                                                const char *segment,
                                                gssize      length);

G_END_DECLS
