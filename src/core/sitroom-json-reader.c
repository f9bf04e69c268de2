/* A strict, non-recursive pull reader of JSON tokens over a byte buffer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sitroom-error.h"
#include "sitroom-json-reader.h"

#define DEFAULT_MAX_DEPTH 64

typedef enum {
  LEVEL_OBJECT,
  LEVEL_ARRAY,
} LevelKind;

typedef enum {
  STATE_FIRST,      /* just opened: a member/element or the end */
  STATE_NEXT,       /* after a comma: a member/element, not the end */
  STATE_VALUE,      /* after a member name and its colon */
  STATE_AFTER,      /* after a member/element: a comma or the end */
} LevelState;

/* One open container. The current key is kept as a slice of the input so the
 * JSON Pointer can be built only when someone asks for it. */
typedef struct {
  guint8 kind;
  guint8 state;
  gboolean key_escaped;
  guint count;            /* members or elements started so far */
  gsize key_offset;       /* raw key, without its quotes */
  gsize key_length;
} Level;

struct _SitroomJsonReader {
  const guchar *data;
  gsize length;
  gsize pos;

  guint max_depth;
  Level *levels;
  guint n_levels;
  guint n_allocated;
  gboolean root_done;

  SitroomJsonToken token;
  gsize token_offset;
  gsize token_end;

  const char *str;
  gsize str_length;
  GString *scratch;

  gboolean number_whole;  /* no fraction, no exponent */
  gboolean number_fits;   /* and within 64 bits */
  gint64 number;

  guint line;             /* of pos, counted as whitespace is skipped */
  gsize line_start;
  guint token_line;       /* of token_offset */
  gsize token_line_start;

  GError *error;
};

SitroomJsonReader *
sitroom_json_reader_new (const char *data,
                         gsize       length,
                         guint       max_depth)
{
  SitroomJsonReader *reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  reader = g_new0 (SitroomJsonReader, 1);
  reader->data = (const guchar *) (data != NULL ? data : "");
  reader->length = length;
  reader->max_depth = max_depth > 0 ? max_depth : DEFAULT_MAX_DEPTH;
  reader->n_allocated = MIN (reader->max_depth, 16);
  reader->levels = g_new (Level, reader->n_allocated);
  reader->scratch = g_string_new (NULL);
  reader->line = 1;
  reader->token_line = 1;
  reader->token = SITROOM_JSON_NULL;
  return reader;
}

void
sitroom_json_reader_free (SitroomJsonReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->levels);
  g_string_free (reader->scratch, TRUE);
  g_clear_error (&reader->error);
  g_free (reader);
}

static guint
column_of (SitroomJsonReader *reader,
           gsize              line_start,
           gsize              offset)
{
  guint column = 1;

  g_assert (offset <= reader->length);

  /* Count characters, not bytes: continuation bytes do not start one. */
  for (gsize i = line_start; i < offset; i++)
    if ((reader->data[i] & 0xC0) != 0x80)
      column++;
  return column;
}

static SitroomJsonToken
fail (SitroomJsonReader *reader,
      gsize              offset,
      int                code,
      const char        *format,
      ...) G_GNUC_PRINTF (4, 5);

static SitroomJsonToken
fail (SitroomJsonReader *reader,
      gsize              offset,
      int                code,
      const char        *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  g_assert (reader->error == NULL);

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Every error is at or after the last newline counted (a string cannot
   * hold a raw newline), so the current line is the error's line. */
  offset = MIN (offset, reader->length);
  reader->token_offset = offset;
  reader->token_end = offset;
  reader->token_line = reader->line;
  reader->token_line_start = reader->line_start;
  reader->token = SITROOM_JSON_ERROR;
  g_set_error (&reader->error, SITROOM_FEED_ERROR, code,
               /* Translators: the first two are a line and a column number */
               _("line %u, column %u: %s"),
               reader->line, column_of (reader, reader->line_start, offset), what);
  return SITROOM_JSON_ERROR;
}

static SitroomJsonToken
fail_unexpected (SitroomJsonReader *reader,
                 const char        *expected)
{
  if (reader->pos >= reader->length)
    return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON,
                 _("the document ends early; expected %s"), expected);
  if (reader->data[reader->pos] >= 0x20 && reader->data[reader->pos] < 0x7F)
    return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON,
                 _("expected %s, found “%c”"), expected, reader->data[reader->pos]);
  return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON,
               _("expected %s, found byte 0x%02X"), expected, reader->data[reader->pos]);
}

static inline void
skip_whitespace (SitroomJsonReader *reader)
{
  const guchar *data = reader->data;
  gsize pos = reader->pos;
  gsize length = reader->length;

  while (pos < length)
    {
      guchar c = data[pos];

      if (c == ' ' || c == '\t' || c == '\r')
        pos++;
      else if (c == '\n')
        {
          pos++;
          reader->line++;
          reader->line_start = pos;
        }
      else
        break;
    }
  reader->pos = pos;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads four hex digits at @pos, or returns -1. */
static int
read_hex4 (const guchar *data,
           gsize         length,
           gsize         pos)
{
  int value = 0;

  if (length - pos < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (data[pos + i]);
      if (digit < 0)
        return -1;
      value = (value << 4) | digit;
    }
  return value;
}

/* Decodes the escape at @pos (just after the backslash) into @out and returns
 * the position after it, or 0 with *@problem set. Only called on input whose
 * escapes were checked when @out is the pointer builder, but checks anyway. */
static gsize
decode_escape (const guchar  *data,
               gsize          length,
               gsize          pos,
               GString       *out,
               const char   **problem)
{
  int unit;
  gunichar ch;

  if (pos >= length)
    {
      *problem = _("the document ends inside a string");
      return 0;
    }

  switch (data[pos])
    {
    case '"':  g_string_append_c (out, '"'); return pos + 1;
    case '\\': g_string_append_c (out, '\\'); return pos + 1;
    case '/':  g_string_append_c (out, '/'); return pos + 1;
    case 'b':  g_string_append_c (out, '\b'); return pos + 1;
    case 'f':  g_string_append_c (out, '\f'); return pos + 1;
    case 'n':  g_string_append_c (out, '\n'); return pos + 1;
    case 'r':  g_string_append_c (out, '\r'); return pos + 1;
    case 't':  g_string_append_c (out, '\t'); return pos + 1;
    case 'u':  break;
    default:
      *problem = _("invalid escape in a string (only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed)");
      return 0;
    }

  unit = read_hex4 (data, length, pos + 1);
  if (unit < 0)
    {
      *problem = _("\\u must be followed by four hexadecimal digits");
      return 0;
    }
  pos += 5;

  if (unit >= 0xDC00 && unit <= 0xDFFF)
    {
      *problem = _("a low surrogate \\u escape without a high surrogate before it");
      return 0;
    }
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      int low;

      if (length - pos < 6 || data[pos] != '\\' || data[pos + 1] != 'u'
          || (low = read_hex4 (data, length, pos + 2)) < 0xDC00 || low > 0xDFFF)
        {
          *problem = _("a high surrogate \\u escape must be followed by a low surrogate \\u escape");
          return 0;
        }
      ch = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
      pos += 6;
    }
  else
    ch = (gunichar) unit;

  g_string_append_unichar (out, ch);
  return pos;
}

/* Bytes that end the plain run of a string: the quote, the backslash and the
 * control characters, which must be escaped. */
static const guint8 string_stop[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* Reads the string whose opening quote is at reader->pos. Sets reader->str and
 * reader->str_length, and leaves reader->pos after the closing quote. */
static gboolean
read_string (SitroomJsonReader *reader)
{
  const guchar *data = reader->data;
  gsize length = reader->length;
  gsize start = reader->pos + 1;
  gsize pos = start;
  guchar high = 0;

  g_assert (data[reader->pos] == '"');

  /* The common case: no escapes, so the string is a slice of the input. */
  while (pos < length && !string_stop[data[pos]])
    high |= data[pos++];

  if (pos < length && data[pos] == '"')
    {
      if ((high & 0x80) && !g_utf8_validate_len ((const char *) data + start, pos - start, NULL))
        {
          fail (reader, start, SITROOM_FEED_ERROR_NOT_UTF8, _("a string is not valid UTF-8"));
          return FALSE;
        }
      reader->str = (const char *) data + start;
      reader->str_length = pos - start;
      reader->pos = pos + 1;
      return TRUE;
    }

  g_string_truncate (reader->scratch, 0);
  g_string_append_len (reader->scratch, (const char *) data + start, pos - start);

  while (pos < length)
    {
      guchar c = data[pos];

      if (c == '"')
        break;
      if (c == '\\')
        {
          const char *problem = NULL;
          gsize next = decode_escape (data, length, pos + 1, reader->scratch, &problem);

          if (next == 0)
            {
              fail (reader, pos, SITROOM_FEED_ERROR_NOT_JSON, "%s", problem);
              return FALSE;
            }
          pos = next;
          continue;
        }
      if (c < 0x20)
        break;
      high |= c;
      g_string_append_c (reader->scratch, (char) c);
      pos++;
    }

  if (pos >= length)
    {
      fail (reader, pos, SITROOM_FEED_ERROR_NOT_JSON, _("the document ends inside a string"));
      return FALSE;
    }
  if (data[pos] != '"')
    {
      fail (reader, pos, SITROOM_FEED_ERROR_NOT_JSON,
            _("control character U+%04X inside a string must be escaped"), data[pos]);
      return FALSE;
    }
  if ((high & 0x80) && !g_utf8_validate_len (reader->scratch->str, reader->scratch->len, NULL))
    {
      fail (reader, start, SITROOM_FEED_ERROR_NOT_UTF8, _("a string is not valid UTF-8"));
      return FALSE;
    }

  reader->str = reader->scratch->str;
  reader->str_length = reader->scratch->len;
  reader->pos = pos + 1;
  return TRUE;
}

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

static SitroomJsonToken
read_number (SitroomJsonReader *reader)
{
  const guchar *data = reader->data;
  gsize length = reader->length;
  gsize pos = reader->pos;
  gboolean negative = FALSE;
  guint64 magnitude = 0;
  gboolean overflow = FALSE;

  if (data[pos] == '-')
    {
      negative = TRUE;
      pos++;
    }
  if (pos >= length || !is_digit (data[pos]))
    return fail (reader, pos, SITROOM_FEED_ERROR_NOT_JSON, _("expected a digit after “-”"));

  if (data[pos] == '0')
    {
      pos++;
      if (pos < length && is_digit (data[pos]))
        return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON,
                     _("a number must not start with 0 (leading zeros are not allowed)"));
    }
  else
    {
      /* The largest magnitude: 2^63 for a negative number, 2^63-1 otherwise. */
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

      while (pos < length && is_digit (data[pos]))
        {
          guint digit = data[pos] - '0';

          if (magnitude > (limit - digit) / 10)
            overflow = TRUE;
          else
            magnitude = magnitude * 10 + digit;
          pos++;
        }
    }

  reader->number_whole = TRUE;
  if (pos < length && data[pos] == '.')
    {
      pos++;
      if (pos >= length || !is_digit (data[pos]))
        return fail (reader, pos, SITROOM_FEED_ERROR_NOT_JSON,
                     _("expected a digit after the decimal point"));
      while (pos < length && is_digit (data[pos]))
        pos++;
      reader->number_whole = FALSE;
    }
  if (pos < length && (data[pos] == 'e' || data[pos] == 'E'))
    {
      pos++;
      if (pos < length && (data[pos] == '+' || data[pos] == '-'))
        pos++;
      if (pos >= length || !is_digit (data[pos]))
        return fail (reader, pos, SITROOM_FEED_ERROR_NOT_JSON,
                     _("expected a digit in the exponent"));
      while (pos < length && is_digit (data[pos]))
        pos++;
      reader->number_whole = FALSE;
    }

  reader->number_fits = reader->number_whole && !overflow;
  if (reader->number_fits)
    reader->number = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
  reader->pos = pos;
  return SITROOM_JSON_NUMBER;
}

static SitroomJsonToken
read_literal (SitroomJsonReader *reader,
              const char        *word,
              SitroomJsonToken   token)
{
  gsize n = strlen (word);

  if (reader->length - reader->pos < n || memcmp (reader->data + reader->pos, word, n) != 0)
    return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON, _("expected %s"), word);
  reader->pos += n;
  return token;
}

static SitroomJsonToken
push_level (SitroomJsonReader *reader,
            LevelKind          kind)
{
  Level *level;

  if (reader->n_levels >= reader->max_depth)
    return fail (reader, reader->pos, SITROOM_FEED_ERROR_TOO_DEEP,
                 _("objects and arrays are nested deeper than %u levels"), reader->max_depth);

  if (reader->n_levels == reader->n_allocated)
    {
      reader->n_allocated = MIN (reader->n_allocated * 2, reader->max_depth);
      reader->levels = g_renew (Level, reader->levels, reader->n_allocated);
    }

  level = &reader->levels[reader->n_levels++];
  level->kind = kind;
  level->state = STATE_FIRST;
  level->key_escaped = FALSE;
  level->count = 0;
  level->key_offset = 0;
  level->key_length = 0;
  reader->pos++;
  return kind == LEVEL_OBJECT ? SITROOM_JSON_BEGIN_OBJECT : SITROOM_JSON_BEGIN_ARRAY;
}

static SitroomJsonToken
pop_level (SitroomJsonReader *reader,
           SitroomJsonToken   token)
{
  g_assert (reader->n_levels > 0);

  reader->n_levels--;
  if (reader->n_levels == 0)
    reader->root_done = TRUE;
  reader->pos++;
  return token;
}

/* A value starts at reader->pos, whitespace already skipped. */
static SitroomJsonToken
read_value (SitroomJsonReader *reader)
{
  SitroomJsonToken token;

  if (reader->pos >= reader->length)
    return fail_unexpected (reader, _("a value"));

  switch (reader->data[reader->pos])
    {
    case '{':
      return push_level (reader, LEVEL_OBJECT);
    case '[':
      return push_level (reader, LEVEL_ARRAY);
    case '"':
      token = read_string (reader) ? SITROOM_JSON_STRING : SITROOM_JSON_ERROR;
      break;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      token = read_number (reader);
      break;
    case 't':
      token = read_literal (reader, "true", SITROOM_JSON_TRUE);
      break;
    case 'f':
      token = read_literal (reader, "false", SITROOM_JSON_FALSE);
      break;
    case 'n':
      token = read_literal (reader, "null", SITROOM_JSON_NULL);
      break;
    default:
      return fail_unexpected (reader, _("a value"));
    }

  if (reader->n_levels == 0 && token != SITROOM_JSON_ERROR)
    reader->root_done = TRUE;
  return token;
}

static SitroomJsonToken
read_key (SitroomJsonReader *reader,
          Level             *level)
{
  gsize start = reader->pos + 1;

  if (reader->pos >= reader->length || reader->data[reader->pos] != '"')
    return fail_unexpected (reader, _("a member name in double quotes"));
  if (!read_string (reader))
    return SITROOM_JSON_ERROR;

  level->key_offset = start;
  level->key_length = reader->pos - 1 - start;
  level->key_escaped = reader->str == reader->scratch->str;
  level->count++;

  skip_whitespace (reader);
  if (reader->pos >= reader->length || reader->data[reader->pos] != ':')
    return fail_unexpected (reader, _("“:” after the member name"));
  reader->pos++;
  level->state = STATE_VALUE;
  return SITROOM_JSON_KEY;
}

static inline void
mark_token (SitroomJsonReader *reader)
{
  reader->token_offset = reader->pos;
  reader->token_line = reader->line;
  reader->token_line_start = reader->line_start;
}

static SitroomJsonToken
next_token (SitroomJsonReader *reader)
{
  Level *level;
  guchar c;

  skip_whitespace (reader);
  mark_token (reader);

  if (reader->n_levels == 0)
    {
      if (!reader->root_done)
        return read_value (reader);
      if (reader->pos >= reader->length)
        return SITROOM_JSON_END;
      return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON,
                   _("unexpected text after the end of the document"));
    }

  level = &reader->levels[reader->n_levels - 1];
  c = reader->pos < reader->length ? reader->data[reader->pos] : 0;

  if (level->kind == LEVEL_OBJECT)
    {
      switch ((LevelState) level->state)
        {
        case STATE_FIRST:
          if (c == '}')
            return pop_level (reader, SITROOM_JSON_END_OBJECT);
          return read_key (reader, level);

        case STATE_NEXT:
          if (c == '}')
            return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON,
                         _("a comma before “}” is not allowed"));
          return read_key (reader, level);

        case STATE_VALUE:
          level->state = STATE_AFTER;
          return read_value (reader);

        case STATE_AFTER:
          if (c == '}')
            return pop_level (reader, SITROOM_JSON_END_OBJECT);
          if (c != ',')
            return fail_unexpected (reader, _("“,” or “}”"));
          reader->pos++;
          level->state = STATE_NEXT;
          skip_whitespace (reader);
          mark_token (reader);
          if (reader->pos < reader->length && reader->data[reader->pos] == '}')
            return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON,
                         _("a comma before “}” is not allowed"));
          return read_key (reader, level);

        default:
          g_assert_not_reached ();
        }
    }

  switch ((LevelState) level->state)
    {
    case STATE_FIRST:
      if (c == ']')
        return pop_level (reader, SITROOM_JSON_END_ARRAY);
      break;

    case STATE_AFTER:
      if (c == ']')
        return pop_level (reader, SITROOM_JSON_END_ARRAY);
      if (c != ',')
        return fail_unexpected (reader, _("“,” or “]”"));
      reader->pos++;
      skip_whitespace (reader);
      mark_token (reader);
      if (reader->pos < reader->length && reader->data[reader->pos] == ']')
        return fail (reader, reader->pos, SITROOM_FEED_ERROR_NOT_JSON,
                     _("a comma before “]” is not allowed"));
      break;

    case STATE_NEXT:
    case STATE_VALUE:
    default:
      g_assert_not_reached ();
    }

  level->state = STATE_AFTER;
  level->count++;
  return read_value (reader);
}

SitroomJsonToken
sitroom_json_reader_next (SitroomJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, SITROOM_JSON_ERROR);

  if (reader->token == SITROOM_JSON_ERROR)
    return SITROOM_JSON_ERROR;

  reader->token = next_token (reader);
  reader->token_end = reader->token == SITROOM_JSON_ERROR ? reader->token_offset : reader->pos;
  return reader->token;
}

gboolean
sitroom_json_reader_skip (SitroomJsonReader *reader)
{
  guint depth;

  g_return_val_if_fail (reader != NULL, FALSE);

  switch (reader->token)
    {
    case SITROOM_JSON_ERROR:
      return FALSE;
    case SITROOM_JSON_KEY:
      switch (sitroom_json_reader_next (reader))
        {
        case SITROOM_JSON_ERROR:
          return FALSE;
        case SITROOM_JSON_BEGIN_OBJECT:
        case SITROOM_JSON_BEGIN_ARRAY:
          break;
        default:
          return TRUE;
        }
      break;
    case SITROOM_JSON_BEGIN_OBJECT:
    case SITROOM_JSON_BEGIN_ARRAY:
      break;
    default:
      return TRUE;
    }

  /* A count, not recursion: the reader already checks the nesting. */
  depth = 1;
  while (depth > 0)
    {
      switch (sitroom_json_reader_next (reader))
        {
        case SITROOM_JSON_ERROR:
        case SITROOM_JSON_END:
          return FALSE;
        case SITROOM_JSON_BEGIN_OBJECT:
        case SITROOM_JSON_BEGIN_ARRAY:
          depth++;
          break;
        case SITROOM_JSON_END_OBJECT:
        case SITROOM_JSON_END_ARRAY:
          depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

const char *
sitroom_json_reader_get_string (SitroomJsonReader *reader,
                                gsize             *length)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (reader->token == SITROOM_JSON_STRING
                        || reader->token == SITROOM_JSON_KEY, NULL);

  if (length != NULL)
    *length = reader->str_length;
  return reader->str;
}

gboolean
sitroom_json_reader_get_int64 (SitroomJsonReader *reader,
                               gint64            *out)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (reader->token == SITROOM_JSON_NUMBER, FALSE);

  if (!reader->number_fits)
    return FALSE;
  if (out != NULL)
    *out = reader->number;
  return TRUE;
}

double
sitroom_json_reader_get_double (SitroomJsonReader *reader)
{
  char buffer[64];
  gsize length;

  g_return_val_if_fail (reader != NULL, 0.0);
  g_return_val_if_fail (reader->token == SITROOM_JSON_NUMBER, 0.0);

  length = reader->token_end - reader->token_offset;
  if (length < sizeof buffer)
    {
      memcpy (buffer, reader->data + reader->token_offset, length);
      buffer[length] = '\0';
      return g_ascii_strtod (buffer, NULL);
    }

  g_string_truncate (reader->scratch, 0);
  g_string_append_len (reader->scratch, (const char *) reader->data + reader->token_offset, length);
  return g_ascii_strtod (reader->scratch->str, NULL);
}

const char *
sitroom_json_reader_get_raw (SitroomJsonReader *reader,
                             gsize             *length)
{
  g_return_val_if_fail (reader != NULL, NULL);

  if (length != NULL)
    *length = reader->token_end - reader->token_offset;
  return (const char *) reader->data + reader->token_offset;
}

gsize
sitroom_json_reader_get_offset (SitroomJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->token_offset;
}

void
sitroom_json_reader_get_position (SitroomJsonReader *reader,
                                  guint             *line,
                                  guint             *column)
{
  g_return_if_fail (reader != NULL);

  if (line != NULL)
    *line = reader->token_line;
  if (column != NULL)
    *column = column_of (reader, reader->token_line_start, reader->token_offset);
}

guint
sitroom_json_reader_get_depth (SitroomJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_levels;
}

void
sitroom_json_pointer_append (GString    *pointer,
                             const char *segment,
                             gssize      length)
{
  gsize n;

  g_return_if_fail (pointer != NULL);
  g_return_if_fail (segment != NULL || length == 0);

  n = length < 0 ? strlen (segment) : (gsize) length;
  g_string_append_c (pointer, '/');
  for (gsize i = 0; i < n; i++)
    {
      if (segment[i] == '~')
        g_string_append (pointer, "~0");
      else if (segment[i] == '/')
        g_string_append (pointer, "~1");
      else
        g_string_append_c (pointer, segment[i]);
    }
}

char *
sitroom_json_reader_dup_pointer (SitroomJsonReader *reader)
{
  GString *pointer;

  g_return_val_if_fail (reader != NULL, NULL);

  pointer = g_string_new (NULL);
  for (guint i = 0; i < reader->n_levels; i++)
    {
      const Level *level = &reader->levels[i];

      if (level->count == 0)
        continue;
      if (level->kind == LEVEL_ARRAY)
        g_string_append_printf (pointer, "/%u", level->count - 1);
      else if (!level->key_escaped)
        sitroom_json_pointer_append (pointer, (const char *) reader->data + level->key_offset,
                                     level->key_length);
      else
        {
          g_autoptr(GString) key = g_string_new (NULL);
          gsize pos = level->key_offset;
          gsize end = level->key_offset + level->key_length;

          /* The key was checked when it was read, so it decodes cleanly. */
          while (pos < end)
            {
              if (reader->data[pos] == '\\')
                {
                  const char *problem = NULL;
                  pos = decode_escape (reader->data, end, pos + 1, key, &problem);
                  g_assert (pos != 0);
                }
              else
                g_string_append_c (key, (char) reader->data[pos++]);
            }
          sitroom_json_pointer_append (pointer, key->str, key->len);
        }
    }
  return g_string_free (pointer, FALSE);
}

const GError *
sitroom_json_reader_get_error (SitroomJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->error;
}
