/* The situation parser's value readers, and how they report what is wrong with a value. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sitroom-situation-private.h"
#include "sitroom-time.h"

gboolean
sitroom_parse_failed (SitroomParse *parse)
{
  return sitroom_json_reader_get_error (parse->reader) != NULL;
}

static void
add_problem_valist (SitroomParse           *parse,
                    SitroomProblemSeverity  severity,
                    gsize                   offset,
                    char                   *path,
                    const char             *format,
                    va_list                 args) G_GNUC_PRINTF (5, 0);

static void
add_problem_valist (SitroomParse           *parse,
                    SitroomProblemSeverity  severity,
                    gsize                   offset,
                    char                   *path,
                    const char             *format,
                    va_list                 args)
{
  sitroom_problem_list_take (parse->problems, severity, offset, path,
                             g_strdup_vprintf (format, args));
}

void
sitroom_parse_problem (SitroomParse           *parse,
                       SitroomProblemSeverity  severity,
                       const char             *member,
                       const char             *format,
                       ...)
{
  gsize offset = sitroom_json_reader_get_offset (parse->reader);
  char *path;
  va_list args;

  if (!sitroom_problem_list_wants (parse->problems, severity, offset))
    return;

  path = sitroom_json_reader_dup_pointer (parse->reader);
  if (member != NULL)
    {
      GString *string = g_string_new (path);

      sitroom_json_pointer_append (string, member, -1);
      g_free (path);
      path = g_string_free (string, FALSE);
    }

  va_start (args, format);
  add_problem_valist (parse, severity, offset, path, format, args);
  va_end (args);
}

void
sitroom_parse_problem_at (SitroomParse           *parse,
                          SitroomProblemSeverity  severity,
                          gsize                   offset,
                          const char             *section,
                          gssize                  index,
                          const char             *member,
                          const char             *format,
                          ...)
{
  GString *path;
  va_list args;

  if (!sitroom_problem_list_wants (parse->problems, severity, offset))
    return;

  path = g_string_new (NULL);
  sitroom_json_pointer_append (path, section, -1);
  if (index >= 0)
    g_string_append_printf (path, "/%" G_GSSIZE_FORMAT, index);
  if (member != NULL)
    sitroom_json_pointer_append (path, member, -1);

  va_start (args, format);
  add_problem_valist (parse, severity, offset, g_string_free (path, FALSE), format, args);
  va_end (args);
}

char *
sitroom_parse_shorten (const char *str,
                       gsize       length,
                       guint       max)
{
  const char *end = str;
  guint n = 0;

  while (end < str + length && n < max)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  if (end >= str + length)
    return g_strndup (str, length);
  return g_strdup_printf ("%.*s…", (int) (end - str), str);
}

char *
sitroom_parse_describe_found (SitroomParse     *parse,
                              SitroomJsonToken  token)
{
  g_autofree char *value = NULL;
  const char *str;
  gsize length;

  switch (token)
    {
    case SITROOM_JSON_STRING:
      str = sitroom_json_reader_get_string (parse->reader, &length);
      value = sitroom_parse_shorten (str, length, 40);
      return g_strdup_printf (_("the string “%s”"), value);
    case SITROOM_JSON_NUMBER:
      str = sitroom_json_reader_get_raw (parse->reader, &length);
      value = sitroom_parse_shorten (str, length, 24);
      return g_strdup_printf (_("the number %s"), value);
    case SITROOM_JSON_TRUE:
      return g_strdup ("true");
    case SITROOM_JSON_FALSE:
      return g_strdup ("false");
    case SITROOM_JSON_NULL:
      return g_strdup ("null");
    case SITROOM_JSON_BEGIN_OBJECT:
      return g_strdup (_("an object"));
    case SITROOM_JSON_BEGIN_ARRAY:
      return g_strdup (_("an array"));
    case SITROOM_JSON_ERROR:
    case SITROOM_JSON_END:
    case SITROOM_JSON_END_OBJECT:
    case SITROOM_JSON_END_ARRAY:
    case SITROOM_JSON_KEY:
    default:
      return g_strdup (_("nothing"));
    }
}

void
sitroom_parse_mistyped (SitroomParse     *parse,
                        SitroomJsonToken  token,
                        const char       *expected)
{
  if (token == SITROOM_JSON_ERROR)
    return;

  if (sitroom_problem_list_wants (parse->problems, SITROOM_PROBLEM_ERROR,
                                  sitroom_json_reader_get_offset (parse->reader)))
    {
      g_autofree char *found = sitroom_parse_describe_found (parse, token);

      /* wants() counted it already when it says no, and only then. */
      sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL,
                             _("expected %s, found %s"), expected, found);
    }
  sitroom_json_reader_skip (parse->reader);
}

int
sitroom_parse_member (SitroomParse       *parse,
                      const char * const *names,
                      guint               n_names,
                      guint32            *seen)
{
  gsize length;
  const char *key = sitroom_json_reader_get_string (parse->reader, &length);

  g_assert (n_names <= 32);

  for (guint i = 0; i < n_names; i++)
    {
      if (key[0] != names[i][0] || strlen (names[i]) != length || memcmp (key, names[i], length) != 0)
        continue;

      if (*seen & (1u << i))
        {
          sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL,
                                 _("the member “%s” appears more than once"), names[i]);
          sitroom_json_reader_skip (parse->reader);
          return -1;
        }
      *seen |= 1u << i;
      return (int) i;
    }

  /* Unknown members are for newer readers: skipped, whatever they hold. */
  sitroom_json_reader_skip (parse->reader);
  return -1;
}

gboolean
sitroom_parse_require (SitroomParse       *parse,
                       const char * const *names,
                       guint32             seen,
                       guint32             required)
{
  guint32 missing = required & ~seen;

  for (guint i = 0; missing != 0; i++, missing >>= 1)
    if (missing & 1)
      sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, names[i],
                             _("this required member is missing"));
  return (required & ~seen) == 0;
}

gboolean
sitroom_parse_check_string (SitroomParse      *parse,
                            SitroomJsonToken   token,
                            gboolean           non_empty,
                            const char        *expected,
                            const char       **out,
                            gsize             *out_length)
{
  const char *str;
  gsize length;

  if (token != SITROOM_JSON_STRING)
    {
      sitroom_parse_mistyped (parse, token, _(expected));
      return FALSE;
    }

  str = sitroom_json_reader_get_string (parse->reader, &length);
  if (non_empty && length == 0)
    {
      sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL, _("must not be empty"));
      return FALSE;
    }
  if (memchr (str, '\0', length) != NULL)
    {
      sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL,
                             _("must not contain the character U+0000"));
      return FALSE;
    }

  *out = str;
  *out_length = length;
  return TRUE;
}

gboolean
sitroom_parse_string (SitroomParse      *parse,
                      SitroomJsonToken   token,
                      gboolean           non_empty,
                      const char       **out)
{
  const char *str;
  gsize length;

  if (!sitroom_parse_check_string (parse, token, non_empty,
                                   non_empty ? N_("a non-empty string") : N_("a string"),
                                   &str, &length))
    return FALSE;
  *out = g_string_chunk_insert_len (parse->strings, str, length);
  return TRUE;
}

gboolean
sitroom_parse_text (SitroomParse     *parse,
                    SitroomJsonToken  token,
                    SitroomText      *out)
{
  static const char * const names[] = { "zh", "en" };
  SitroomText text = { NULL, NULL };
  guint32 seen = 0;
  gboolean ok = TRUE;

  if (token != SITROOM_JSON_BEGIN_OBJECT)
    {
      sitroom_parse_mistyped (parse, token, _("a text object such as {\"zh\": \"…\", \"en\": \"…\"}"));
      return FALSE;
    }

  while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
    {
      int member = sitroom_parse_member (parse, names, G_N_ELEMENTS (names), &seen);

      if (member < 0)
        continue;
      token = sitroom_json_reader_next (parse->reader);
      if (member == 1 && token == SITROOM_JSON_NULL)
        continue;
      ok &= sitroom_parse_string (parse, token, FALSE, member == 0 ? &text.zh : &text.en);
    }
  if (token == SITROOM_JSON_ERROR)
    return FALSE;

  ok &= sitroom_parse_require (parse, names, seen, 1u);
  if (ok)
    *out = text;
  return ok;
}

gboolean
sitroom_parse_count (SitroomParse     *parse,
                     SitroomJsonToken  token,
                     gint64           *out)
{
  gint64 value;

  /* "-0" is zero to JSON, but no one writes a count that way: it is what a
   * small negative figure printed without decimals becomes, a sign error. */
  if (token == SITROOM_JSON_NUMBER
      && sitroom_json_reader_get_raw (parse->reader, NULL)[0] != '-'
      && sitroom_json_reader_get_int64 (parse->reader, &value)
      && value <= SITROOM_MAX_COUNT)
    {
      *out = value;
      return TRUE;
    }

  sitroom_parse_mistyped (parse, token, _("a whole number from 0 to 1000000000"));
  return FALSE;
}

gboolean
sitroom_parse_number (SitroomParse     *parse,
                      SitroomJsonToken  token,
                      double            min,
                      double            max,
                      double           *out)
{
  g_autofree char *expected = NULL;
  double value;

  if (token == SITROOM_JSON_NUMBER)
    {
      value = sitroom_json_reader_get_double (parse->reader);
      if (value >= min && value <= max)
        {
          *out = value;
          return TRUE;
        }
    }

  expected = g_strdup_printf (_("a number from %g to %g"), min, max);
  sitroom_parse_mistyped (parse, token, expected);
  return FALSE;
}

int
sitroom_region_code_parse (const char *str,
                           gsize       length)
{
  int code = 0;

  if (length != 6)
    return -1;
  for (guint i = 0; i < 6; i++)
    {
      if (str[i] < '0' || str[i] > '9')
        return -1;
      code = code * 10 + (str[i] - '0');
    }
  return code;
}

gboolean
sitroom_parse_code (SitroomParse     *parse,
                    SitroomJsonToken  token,
                    int              *out)
{
  const char *str;
  gsize length;

  if (token == SITROOM_JSON_STRING)
    {
      str = sitroom_json_reader_get_string (parse->reader, &length);
      *out = sitroom_region_code_parse (str, length);
      if (*out >= 0)
        return TRUE;
    }

  sitroom_parse_mistyped (parse, token, _("a region code of six digits, in a string"));
  return FALSE;
}

gboolean
sitroom_parse_time (SitroomParse     *parse,
                    SitroomJsonToken  token,
                    gint64           *out,
                    int              *out_offset)
{
  char buffer[64];
  const char *str;
  gsize length;
  int offset;

  if (token == SITROOM_JSON_STRING)
    {
      str = sitroom_json_reader_get_string (parse->reader, &length);
      /* Longer than any time, with every fraction digit one could want. */
      if (length < sizeof buffer && memchr (str, '\0', length) == NULL)
        {
          memcpy (buffer, str, length);
          buffer[length] = '\0';
          if (sitroom_time_parse (buffer, out, &offset))
            {
              if (out_offset != NULL)
                *out_offset = offset;
              return TRUE;
            }
        }
    }

  sitroom_parse_mistyped (parse, token,
                          _("an RFC 3339 time with an offset, such as 2022-08-20T13:00:00+08:00"));
  return FALSE;
}

gboolean
sitroom_parse_enum (SitroomParse       *parse,
                    SitroomJsonToken    token,
                    const char         *what,
                    const char * const *names,
                    guint               n_names,
                    int                *out)
{
  g_autofree char *value = NULL;
  g_autofree char *allowed = NULL;
  const char *str;
  gsize length;

  if (!sitroom_parse_check_string (parse, token, FALSE, N_("a string"), &str, &length))
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    if (strlen (names[i]) == length && memcmp (str, names[i], length) == 0)
      {
        *out = (int) i;
        return TRUE;
      }

  value = sitroom_parse_shorten (str, length, 40);
  allowed = g_strjoinv (", ", (char **) names);
  /* Translators: the first is what is named, e.g. "classification" */
  sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL, _("unknown %s “%s”; expected one of %s"),
                         _(what), value, allowed);
  return FALSE;
}

gboolean
sitroom_parse_expect_object (SitroomParse     *parse,
                             SitroomJsonToken  token)
{
  if (token == SITROOM_JSON_BEGIN_OBJECT)
    return TRUE;
  sitroom_parse_mistyped (parse, token, _("an object"));
  return FALSE;
}

gboolean
sitroom_parse_boolean (SitroomParse     *parse,
                       SitroomJsonToken  token,
                       gboolean         *out)
{
  if (token == SITROOM_JSON_TRUE || token == SITROOM_JSON_FALSE)
    {
      *out = token == SITROOM_JSON_TRUE;
      return TRUE;
    }
  sitroom_parse_mistyped (parse, token, _("true or false"));
  return FALSE;
}
