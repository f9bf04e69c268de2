/* One pass over a document's raw bytes, so no parser sees one too large, too deep or not UTF-8. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitroom-error.h"
#include "sitroom-prescan.h"

/*
 * What the scan decides, and why:
 *
 * - The size is checked before a single byte is read, so a document over the limit
 *   costs nothing whatever it holds.
 * - A UTF-8 byte order mark at the very start is accepted and skipped: editors on
 *   Windows write one, and it says nothing but "this is UTF-8". Whoever parses the
 *   document after the scan must skip it too.
 * - UTF-8 is checked as RFC 3629 defines it: no overlong forms, no encoded
 *   surrogates, nothing above U+10FFFF, no sequence cut short.
 * - A NUL byte is refused anywhere: JSON has no place for one, and text with a NUL
 *   in it would be cut short by any C string function further on.
 * - Depth counts the '[' and '{' open at a point, outside strings; "[]" is one
 *   level deep. Brackets inside strings, and quotes escaped with a backslash, do not
 *   count. Which kind of bracket closes which is left to the parser: checking it
 *   would need a stack as deep as the limit, and the scan keeps O(1) memory.
 * - A closing bracket with nothing open, a document that ends inside a string or
 *   with brackets still open (a transfer cut short) and a document whose first byte
 *   cannot start any JSON value (an HTML error page) are refused as not JSON, with
 *   a message that says which.
 * - A limit of 0 means the default, as it does in SitroomLoadOptions.
 */

#define UTF8_BOM "\xEF\xBB\xBF"

/* What a byte means to the scan: most bytes mean nothing, and the loops skip them
 * with one table look-up each. */
enum {
  PLAIN,
  QUOTE,
  BACKSLASH,
  OPEN,
  CLOSE,
  HIGH,     /* starts or continues a multi-byte sequence */
  NUL,
};

#define P PLAIN
#define H HIGH
#define ROW_PLAIN P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P
#define ROW_HIGH  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H

/* Outside strings: a quote opens one, brackets count. A backslash there is not JSON,
 * which the parser says; to the scan it is nothing. */
static const guint8 outside_string[] = {
  NUL, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,          /* 0x00 */
  ROW_PLAIN,                                                 /* 0x10 */
  P, P, QUOTE, P, P, P, P, P, P, P, P, P, P, P, P, P,        /* 0x20 */
  ROW_PLAIN,                                                 /* 0x30 */
  ROW_PLAIN,                                                 /* 0x40 */
  P, P, P, P, P, P, P, P, P, P, P, OPEN, P, CLOSE, P, P,     /* 0x50 '[' ']' */
  ROW_PLAIN,                                                 /* 0x60 */
  P, P, P, P, P, P, P, P, P, P, P, OPEN, P, CLOSE, P, P,     /* 0x70 '{' '}' */
  ROW_HIGH, ROW_HIGH, ROW_HIGH, ROW_HIGH,
  ROW_HIGH, ROW_HIGH, ROW_HIGH, ROW_HIGH,
};

/* Inside strings: brackets are text, a quote ends the string, a backslash escapes. */
static const guint8 inside_string[] = {
  NUL, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,          /* 0x00 */
  ROW_PLAIN,                                                 /* 0x10 */
  P, P, QUOTE, P, P, P, P, P, P, P, P, P, P, P, P, P,        /* 0x20 */
  ROW_PLAIN,                                                 /* 0x30 */
  ROW_PLAIN,                                                 /* 0x40 */
  P, P, P, P, P, P, P, P, P, P, P, P, BACKSLASH, P, P, P,    /* 0x50 '\\' */
  ROW_PLAIN,                                                 /* 0x60 */
  ROW_PLAIN,                                                 /* 0x70 */
  ROW_HIGH, ROW_HIGH, ROW_HIGH, ROW_HIGH,
  ROW_HIGH, ROW_HIGH, ROW_HIGH, ROW_HIGH,
};

G_STATIC_ASSERT (sizeof outside_string == 256 && sizeof inside_string == 256);

#undef P
#undef H
#undef ROW_PLAIN
#undef ROW_HIGH

/* Eight bytes at a time, for long runs of bytes that mean nothing to the scan. */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Non-zero when a byte of @word is zero; exact as to whether there is one. */
#define HAS_ZERO_BYTE(word) (((word) - ONES) & ~(word) & HIGHS)

static inline gboolean
word_is_plain_string (guint64 word)
{
  return ((word & HIGHS) |
          HAS_ZERO_BYTE (word) |
          HAS_ZERO_BYTE (word ^ (ONES * '"')) |
          HAS_ZERO_BYTE (word ^ (ONES * '\\'))) == 0;
}

/* The same outside strings, where brackets count and backslashes do not. Setting the
 * 0x20 bit folds '[' onto '{' and ']' onto '}'; it also folds 0x02 onto the quote,
 * which only costs a look at that word byte by byte. */
static inline gboolean
word_is_plain_outside (guint64 word)
{
  guint64 folded = word | (ONES * 0x20);

  return ((word & HIGHS) |
          HAS_ZERO_BYTE (word) |
          HAS_ZERO_BYTE (folded ^ (ONES * '"')) |
          HAS_ZERO_BYTE (folded ^ (ONES * '{')) |
          HAS_ZERO_BYTE (folded ^ (ONES * '}'))) == 0;
}

static inline gboolean
is_continuation (guchar c)
{
  return (c & 0xC0) == 0x80;
}

/* The length of the valid UTF-8 sequence that starts with the non-ASCII byte at @p,
 * or 0 if it is not one. Bounds of the second byte exclude overlong forms (E0, F0),
 * surrogates (ED) and code points past U+10FFFF (F4). */
static gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar lead = p[0];
  gsize available = (gsize) (end - p);
  guchar low = 0x80, high = 0xBF;
  gsize length;

  g_assert (lead >= 0x80);

  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4;
  else
    return 0;

  if (lead == 0xE0)
    low = 0xA0;
  else if (lead == 0xED)
    high = 0x9F;
  else if (lead == 0xF0)
    low = 0x90;
  else if (lead == 0xF4)
    high = 0x8F;

  if (available < 2 || p[1] < low || p[1] > high)
    return 0;
  if (length >= 3 && (available < 3 || !is_continuation (p[2])))
    return 0;
  if (length == 4 && (available < 4 || !is_continuation (p[3])))
    return 0;

  return length;
}

/* Offsets go into messages as strings, so that the translatable text holds a plain
 * %s rather than a platform-dependent gsize format. */
static char *
format_offset (gsize offset)
{
  return g_strdup_printf ("%" G_GSIZE_FORMAT, offset);
}

static gboolean
set_not_utf8 (GError **error,
              gsize    offset)
{
  g_autofree char *where = format_offset (offset);

  g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_UTF8,
               /* Translators: %s is a byte offset in the file, counted from 0 */
               _("the document is not valid UTF-8 (at byte %s): it must be saved as UTF-8"),
               where);

  return FALSE;
}

static gboolean
set_nul (GError **error,
         gsize    offset)
{
  g_autofree char *where = format_offset (offset);

  g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
               _("the document is not JSON: it holds a NUL byte (at byte %s)"),
               where);

  return FALSE;
}

/* Whether @c may start a JSON value: an object, array, string, number or literal. */
static gboolean
starts_json_value (guchar c)
{
  return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') ||
         c == 't' || c == 'f' || c == 'n';
}

static gboolean
is_json_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Moves *@pp from just after the opening quote at @string_start to just after the
 * closing one, checking the UTF-8 on the way. */
static gboolean
scan_string (const guchar  *start,
             const guchar  *string_start,
             const guchar **pp,
             const guchar  *end,
             GError       **error)
{
  const guchar *p = *pp;

  g_assert (*string_start == '"');

  for (;;)
    {
      /* Long texts go eight bytes at a time; short ones barely notice the check. */
      while ((gsize) (end - p) >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if (!word_is_plain_string (word))
            break;
          p += 8;
        }

      while (p < end && inside_string[*p] == PLAIN)
        p++;

      if (p == end)
        {
          g_autofree char *where = format_offset ((gsize) (string_start - start));

          g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                       _("the document is not JSON: it ends inside the string that "
                         "starts at byte %s, and may have been cut short"),
                       where);
          return FALSE;
        }

      switch (inside_string[*p])
        {
        case QUOTE:
          *pp = p + 1;
          return TRUE;

        case BACKSLASH:
          /* The escaped byte is skipped only when it is plain ASCII: a quote or a
           * backslash must not count, but a NUL or a multi-byte sequence after a
           * backslash still has to be looked at. */
          if (p + 1 < end && p[1] != '\0' && p[1] < 0x80)
            p += 2;
          else
            p += 1;
          break;

        case HIGH:
          {
            gsize n = utf8_sequence_length (p, end);

            if (n == 0)
              return set_not_utf8 (error, (gsize) (p - start));
            p += n;
          }
          break;

        case NUL:
          return set_nul (error, (gsize) (p - start));

        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
sitroom_prescan (const char  *data,
                 gsize        length,
                 guint        max_depth,
                 gsize        max_bytes,
                 GError     **error)
{
  const guchar *start = (const guchar *) data;
  const guchar *end;
  const guchar *p;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Pointer arithmetic on NULL is undefined, even adding 0. */
  if (data == NULL)
    start = (const guchar *) "";

  if (max_depth == 0)
    max_depth = SITROOM_DEFAULT_MAX_DEPTH;
  if (max_bytes == 0)
    max_bytes = SITROOM_DEFAULT_MAX_BYTES;

  if (length > max_bytes)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS |
                                                          G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS |
                                                              G_FORMAT_SIZE_LONG_FORMAT);

      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE,
                   /* Translators: both are sizes, such as "65.0 MiB (68157440 bytes)" */
                   _("the document is %s, larger than the limit of %s"),
                   size, limit);
      return FALSE;
    }

  end = start + length;
  p = start;

  if (length >= 3 && memcmp (start, UTF8_BOM, 3) == 0)
    p += 3;

  while (p < end && is_json_space (*p))
    p++;

  if (p == end)
    {
      g_set_error_literal (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                           _("the document is empty"));
      return FALSE;
    }

  if (!starts_json_value (*p))
    {
      g_autofree char *where = format_offset ((gsize) (p - start));

      if (*p >= 0x80 && utf8_sequence_length (p, end) == 0)
        return set_not_utf8 (error, (gsize) (p - start));
      if (*p == '\0')
        return set_nul (error, (gsize) (p - start));

      if (*p == '<')
        g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                     _("the document is not JSON but looks like a web page (at byte %s): "
                       "a server may have sent an error page instead of the feed"),
                     where);
      else if (g_ascii_isgraph (*p))
        g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                     _("the document is not JSON: no JSON value starts with “%c” (at byte %s)"),
                     *p, where);
      else
        g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                     _("the document is not JSON: no JSON value starts as it does (at byte %s)"),
                     where);
      return FALSE;
    }

  while (p < end)
    {
      const guchar *string_start;

      /* Indentation and numbers go eight bytes at a time. */
      while ((gsize) (end - p) >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if (!word_is_plain_outside (word))
            break;
          p += 8;
        }

      while (p < end && outside_string[*p] == PLAIN)
        p++;
      if (p == end)
        break;

      switch (outside_string[*p])
        {
        case OPEN:
          if (depth == max_depth)
            {
              g_autofree char *where = format_offset ((gsize) (p - start));

              g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_DEEP,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "the document is nested deeper than %u level (at byte %s)",
                                        "the document is nested deeper than %u levels (at byte %s)",
                                        max_depth),
                           max_depth, where);
              return FALSE;
            }
          depth++;
          p++;
          break;

        case CLOSE:
          if (depth == 0)
            {
              g_autofree char *where = format_offset ((gsize) (p - start));

              g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                           _("the document is not JSON: “%c” at byte %s closes nothing"),
                           *p, where);
              return FALSE;
            }
          depth--;
          p++;
          break;

        case HIGH:
          {
            gsize n = utf8_sequence_length (p, end);

            if (n == 0)
              return set_not_utf8 (error, (gsize) (p - start));
            p += n;
          }
          break;

        case NUL:
          return set_nul (error, (gsize) (p - start));

        case QUOTE:
          string_start = p++;
          if (!scan_string (start, string_start, &p, end, error))
            return FALSE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (depth > 0)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the document is not JSON: it ends with %u bracket still open, "
                                "and may have been cut short",
                                "the document is not JSON: it ends with %u brackets still open, "
                                "and may have been cut short",
                                depth),
                   depth);
      return FALSE;
    }

  return TRUE;
}
