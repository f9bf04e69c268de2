/* Reads and validates a "sitroom/1" situation document in one pass, then resolves and indexes it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sitroom-error.h"
#include "sitroom-prescan.h"
#include "sitroom-situation-private.h"
#include "sitroom-time.h"

/*
 * The document is read once, token by token, straight into plain arrays: no
 * tree of it is ever built, so memory stays a small multiple of its size.
 * Members may come in any order, so whatever refers to something else (a
 * region code, a chain id) or depends on another member (as_of) is kept as it
 * was written and checked once the whole document has been read.
 */

/* ---- shared value readers ---- */

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

/* At most @max characters of @str, with an ellipsis when cut. */
static char *
shorten (const char *str,
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

/* What a person would call the value starting with @token. */
static char *
describe_found (SitroomParse     *parse,
                SitroomJsonToken  token)
{
  g_autofree char *value = NULL;
  const char *str;
  gsize length;

  switch (token)
    {
    case SITROOM_JSON_STRING:
      str = sitroom_json_reader_get_string (parse->reader, &length);
      value = shorten (str, length, 40);
      return g_strdup_printf (_("the string “%s”"), value);
    case SITROOM_JSON_NUMBER:
      str = sitroom_json_reader_get_raw (parse->reader, &length);
      value = shorten (str, length, 24);
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
      g_autofree char *found = describe_found (parse, token);

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

/* A string value, not copied: valid until the reader moves on. @expected is
 * untranslated (N_), so that the common case costs no look-up. */
static gboolean
check_string (SitroomParse      *parse,
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

  if (!check_string (parse, token, non_empty,
                     non_empty ? N_("a non-empty string") : N_("a string"), &str, &length))
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

/* @what is untranslated (N_), like check_string()'s @expected. */
static gboolean
parse_enum (SitroomParse       *parse,
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

  if (!check_string (parse, token, FALSE, N_("a string"), &str, &length))
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    if (strlen (names[i]) == length && memcmp (str, names[i], length) == 0)
      {
        *out = (int) i;
        return TRUE;
      }

  value = shorten (str, length, 40);
  allowed = g_strjoinv (", ", (char **) names);
  /* Translators: the first is what is named, e.g. "classification" */
  sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL, _("unknown %s “%s”; expected one of %s"),
                         _(what), value, allowed);
  return FALSE;
}


/* ---- the document ---- */

typedef struct {
  gsize offset;
  int time_offset;
  const char *chain;            /* as written, in the parser's scratch chunk */
} CaseExtra;

typedef struct {
  gsize offset;
  int first_reported_offset;
  guint first_event;
  guint n_events;
  guint n_cases;
} ChainExtra;

typedef struct {
  gsize offset;
  int time_offset;
  guint chain;
  guint index;                  /* within the chain's list, as written */
} EventExtra;

typedef struct {
  gsize offset;
  int time_offset;
} RecordExtra;

typedef struct {
  SitroomParse parse;
  SitroomSituation *self;
  gboolean reader_is_chinese;

  gboolean has_as_of;
  char *format_refusal;         /* set when the document is of another major version */

  GStringChunk *scratch;        /* references kept until they are resolved */
  GArray *region_decls;
  GArray *case_extras;
  GArray *chain_extras;
  GArray *event_extras;
  GArray *site_extras;
  GArray *measure_extras;
  GHashTable *case_ids;
  GHashTable *site_ids;
  GHashTable *measure_ids;
  GPtrArray *illustrative;
  gsize totals_offset;
} Parser;

/* The parser's fixed tables: the feed's spellings of each enum, in enum order. */
static const char *classification_names[SITROOM_N_CLASSES + 1];
static const char *status_names[SITROOM_N_STATUSES + 1];
static const char *event_kind_names[SITROOM_N_EVENT_KINDS + 1];
static const char *measure_kind_names[SITROOM_N_MEASURE_KINDS + 1];
static const char *site_kind_names[SITROOM_N_SITE_KINDS + 1];

static void
init_enum_names (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < SITROOM_N_CLASSES; i++)
        classification_names[i] = sitroom_classification_to_string (i);
      for (guint i = 0; i < SITROOM_N_STATUSES; i++)
        status_names[i] = sitroom_status_to_string (i);
      for (guint i = 0; i < SITROOM_N_EVENT_KINDS; i++)
        event_kind_names[i] = sitroom_event_kind_to_string (i);
      for (guint i = 0; i < SITROOM_N_MEASURE_KINDS; i++)
        measure_kind_names[i] = sitroom_measure_kind_to_string (i);
      for (guint i = 0; i < SITROOM_N_SITE_KINDS; i++)
        site_kind_names[i] = sitroom_site_kind_to_string (i);
      g_once_init_leave (&done, 1);
    }
}

/* Reports a duplicate @id in @ids (id -> index + 1), or records it. */
static void
check_unique_id (Parser     *parser,
                 GHashTable *ids,
                 const char *section,
                 const char *id,
                 guint       index)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (ids, id));

  if (first != 0)
    sitroom_parse_problem (&parser->parse, SITROOM_PROBLEM_ERROR, NULL,
                           _("duplicate id “%s”; it is first used by /%s/%u"),
                           id, section, first - 1);
  else
    g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (index + 1));
}

static gboolean
expect_object (Parser           *parser,
               SitroomJsonToken  token)
{
  if (token == SITROOM_JSON_BEGIN_OBJECT)
    return TRUE;
  sitroom_parse_mistyped (&parser->parse, token, _("an object"));
  return FALSE;
}

static gboolean
parse_boolean (Parser           *parser,
               SitroomJsonToken  token,
               gboolean         *out)
{
  if (token == SITROOM_JSON_TRUE || token == SITROOM_JSON_FALSE)
    {
      *out = token == SITROOM_JSON_TRUE;
      return TRUE;
    }
  sitroom_parse_mistyped (&parser->parse, token, _("true or false"));
  return FALSE;
}

typedef void (*ParseElement) (Parser           *parser,
                              SitroomJsonToken  token,
                              guint             index);

/* An optional list: absent and null both mean empty. */
static void
parse_list (Parser           *parser,
            SitroomJsonToken  token,
            ParseElement      parse_element)
{
  guint index = 0;

  if (token == SITROOM_JSON_NULL)
    return;
  if (token != SITROOM_JSON_BEGIN_ARRAY)
    {
      sitroom_parse_mistyped (&parser->parse, token, _("an array"));
      return;
    }

  while ((token = sitroom_json_reader_next (parser->parse.reader)) != SITROOM_JSON_END_ARRAY)
    {
      if (token == SITROOM_JSON_ERROR)
        return;
      parse_element (parser, token, index++);
      if (sitroom_parse_failed (&parser->parse))
        return;
    }
}

/* ---- cases ---- */

enum {
  CASE_ID,
  CASE_REPORTED_AT,
  CASE_REGION,
  CASE_CHAIN,
  CASE_CLASSIFICATION,
  CASE_IMPORTED,
  CASE_STATUS,
  N_CASE_MEMBERS
};

static const char * const case_members[N_CASE_MEMBERS] = {
  "id", "reported_at", "region", "chain", "classification", "imported", "status",
};

#define CASE_REQUIRED ((1u << CASE_ID) | (1u << CASE_REPORTED_AT) | (1u << CASE_REGION) \
                       | (1u << CASE_CLASSIFICATION) | (1u << CASE_STATUS))

static void
parse_case (Parser           *parser,
            SitroomJsonToken  token,
            guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomCase item = { NULL, SITROOM_TIME_NONE, -1, -1, 0, 0, FALSE };
  CaseExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0, NULL };
  guint32 seen = 0;

  if (expect_object (parser, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, case_members, N_CASE_MEMBERS, &seen);
          const char *str;
          gsize length;
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case CASE_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                check_unique_id (parser, parser->case_ids, "cases", item.id, index);
              break;
            case CASE_REPORTED_AT:
              sitroom_parse_time (parse, token, &item.reported_at, &extra.time_offset);
              break;
            case CASE_REGION:
              /* The code itself until the regions are all known. */
              sitroom_parse_code (parse, token, &item.region);
              break;
            case CASE_CHAIN:
              if (token != SITROOM_JSON_NULL
                  && check_string (parse, token, TRUE, N_("a non-empty string"), &str, &length))
                extra.chain = g_string_chunk_insert_len (parser->scratch, str, length);
              break;
            case CASE_CLASSIFICATION:
              if (parse_enum (parse, token, N_("classification"), classification_names,
                              SITROOM_N_CLASSES, &value))
                item.classification = value;
              break;
            case CASE_IMPORTED:
              if (token != SITROOM_JSON_NULL)
                parse_boolean (parser, token, &item.imported);
              break;
            case CASE_STATUS:
              if (parse_enum (parse, token, N_("status"), status_names, SITROOM_N_STATUSES, &value))
                item.status = value;
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, case_members, seen, CASE_REQUIRED);
    }

  /* Kept even when broken, so indexes stay those of the document. */
  g_array_append_val (parser->self->cases, item);
  g_array_append_val (parser->case_extras, extra);
}

/* ---- chains and their events ---- */

enum {
  EVENT_AT,
  EVENT_REGION,
  EVENT_KIND,
  EVENT_PEOPLE,
  EVENT_TEXT,
  N_EVENT_MEMBERS
};

static const char * const event_members[N_EVENT_MEMBERS] = {
  "at", "region", "kind", "people", "text",
};

#define EVENT_REQUIRED ((1u << EVENT_AT) | (1u << EVENT_KIND))

static void
parse_event (Parser           *parser,
             SitroomJsonToken  token,
             guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomEvent item = { SITROOM_TIME_NONE, -1, 0, -1, { NULL, NULL } };
  EventExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0,
                       parser->self->chains->len, index };
  gboolean has_text = FALSE;
  gboolean text_ok = TRUE;
  guint32 seen = 0;

  if (expect_object (parser, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, event_members, N_EVENT_MEMBERS, &seen);
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case EVENT_AT:
              sitroom_parse_time (parse, token, &item.at, &extra.time_offset);
              break;
            case EVENT_REGION:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_code (parse, token, &item.region);
              break;
            case EVENT_KIND:
              if (parse_enum (parse, token, N_("event kind"), event_kind_names,
                              SITROOM_N_EVENT_KINDS, &value))
                item.kind = value;
              break;
            case EVENT_PEOPLE:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_count (parse, token, &item.people);
              break;
            case EVENT_TEXT:
              if (token == SITROOM_JSON_NULL)
                break;
              has_text = TRUE;
              text_ok = sitroom_parse_text (parse, token, &item.text);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, event_members, seen, EVENT_REQUIRED);

      if (!has_text)
        sitroom_parse_problem (parse, SITROOM_PROBLEM_WARNING, NULL, _("the event has no text"));
      else if (text_ok && !parser->reader_is_chinese && item.text.en == NULL)
        sitroom_parse_problem (parse, SITROOM_PROBLEM_WARNING, "text",
                               _("the event has no “en” text; the “zh” text is shown instead"));
    }

  g_array_append_val (parser->self->events, item);
  g_array_append_val (parser->event_extras, extra);
}

static void
parse_contacts (Parser           *parser,
                SitroomJsonToken  token,
                SitroomChain     *chain)
{
  static const char * const names[] = { "close", "secondary" };
  SitroomParse *parse = &parser->parse;
  guint32 seen = 0;

  if (token == SITROOM_JSON_NULL || !expect_object (parser, token))
    return;

  while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
    {
      int member = sitroom_parse_member (parse, names, G_N_ELEMENTS (names), &seen);

      if (member < 0)
        continue;
      token = sitroom_json_reader_next (parse->reader);
      if (token != SITROOM_JSON_NULL)
        sitroom_parse_count (parse, token, member == 0 ? &chain->close_contacts
                                                       : &chain->secondary_contacts);
      if (sitroom_parse_failed (parse))
        return;
    }
}

enum {
  CHAIN_ID,
  CHAIN_LABEL,
  CHAIN_TITLE,
  CHAIN_FIRST_REPORTED,
  CHAIN_CONTACTS,
  CHAIN_POSITIVES,
  CHAIN_EVENTS,
  N_CHAIN_MEMBERS
};

static const char * const chain_members[N_CHAIN_MEMBERS] = {
  "id", "label", "title", "first_reported", "contacts", "positives", "events",
};

#define CHAIN_REQUIRED ((1u << CHAIN_ID) | (1u << CHAIN_LABEL) | (1u << CHAIN_TITLE))

static void
parse_chain (Parser           *parser,
             SitroomJsonToken  token,
             guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomChain item = {
    .first_reported = SITROOM_TIME_NONE,
    .close_contacts = SITROOM_COUNT_NONE,
    .secondary_contacts = SITROOM_COUNT_NONE,
  };
  ChainExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0,
                       parser->self->events->len, 0, 0 };
  gint64 positives = -1;
  guint32 seen = 0;

  if (expect_object (parser, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, chain_members, N_CHAIN_MEMBERS, &seen);

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case CHAIN_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                check_unique_id (parser, parser->self->chain_by_id, "chains", item.id, index);
              break;
            case CHAIN_LABEL:
              sitroom_parse_string (parse, token, FALSE, &item.label);
              break;
            case CHAIN_TITLE:
              sitroom_parse_text (parse, token, &item.title);
              break;
            case CHAIN_FIRST_REPORTED:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_time (parse, token, &item.first_reported, &extra.first_reported_offset);
              break;
            case CHAIN_CONTACTS:
              parse_contacts (parser, token, &item);
              break;
            case CHAIN_POSITIVES:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_count (parse, token, &positives);
              break;
            case CHAIN_EVENTS:
              parse_list (parser, token, parse_event);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, chain_members, seen, CHAIN_REQUIRED);
    }

  extra.n_events = parser->self->events->len - extra.first_event;
  g_array_append_val (parser->self->chains, item);
  g_array_append_val (parser->chain_extras, extra);
  g_array_append_val (parser->self->chain_positives, positives);
}

/* ---- quarantine sites ---- */

enum {
  SITE_ID,
  SITE_REGION,
  SITE_KIND,
  SITE_NAME,
  SITE_CAPACITY,
  SITE_OCCUPIED,
  SITE_UPDATED_AT,
  N_SITE_MEMBERS
};

static const char * const site_members[N_SITE_MEMBERS] = {
  "id", "region", "kind", "name", "capacity", "occupied", "updated_at",
};

#define SITE_REQUIRED ((1u << SITE_ID) | (1u << SITE_REGION) | (1u << SITE_KIND) \
                       | (1u << SITE_NAME) | (1u << SITE_CAPACITY) | (1u << SITE_OCCUPIED))

static void
parse_site (Parser           *parser,
            SitroomJsonToken  token,
            guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomSite item = { NULL, -1, 0, { NULL, NULL }, -1, -1, SITROOM_TIME_NONE };
  RecordExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0 };
  guint32 seen = 0;

  if (expect_object (parser, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, site_members, N_SITE_MEMBERS, &seen);
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case SITE_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                check_unique_id (parser, parser->site_ids, "quarantine_sites", item.id, index);
              break;
            case SITE_REGION:
              sitroom_parse_code (parse, token, &item.region);
              break;
            case SITE_KIND:
              if (parse_enum (parse, token, N_("site kind"), site_kind_names,
                              SITROOM_N_SITE_KINDS, &value))
                item.kind = value;
              break;
            case SITE_NAME:
              sitroom_parse_text (parse, token, &item.name);
              break;
            case SITE_CAPACITY:
              sitroom_parse_count (parse, token, &item.capacity);
              break;
            case SITE_OCCUPIED:
              sitroom_parse_count (parse, token, &item.occupied);
              break;
            case SITE_UPDATED_AT:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_time (parse, token, &item.updated_at, &extra.time_offset);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, site_members, seen, SITE_REQUIRED);

      if (item.capacity >= 0 && item.occupied > item.capacity)
        sitroom_parse_problem (parse, SITROOM_PROBLEM_WARNING, NULL,
                               _("the site is over-full: %" G_GINT64_FORMAT " people for %" G_GINT64_FORMAT " places"),
                               item.occupied, item.capacity);
    }

  g_array_append_val (parser->self->sites, item);
  g_array_append_val (parser->site_extras, extra);
}

/* ---- measures ---- */

enum {
  MEASURE_ID,
  MEASURE_REGION,
  MEASURE_KIND,
  MEASURE_FROM,
  MEASURE_UNTIL,
  MEASURE_TEXT,
  N_MEASURE_MEMBERS
};

static const char * const measure_members[N_MEASURE_MEMBERS] = {
  "id", "region", "kind", "from", "until", "text",
};

#define MEASURE_REQUIRED ((1u << MEASURE_ID) | (1u << MEASURE_REGION) | (1u << MEASURE_KIND) \
                          | (1u << MEASURE_FROM) | (1u << MEASURE_TEXT))

static void
parse_measure (Parser           *parser,
               SitroomJsonToken  token,
               guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomMeasure item = { NULL, -1, 0, SITROOM_TIME_NONE, SITROOM_TIME_NONE, { NULL, NULL } };
  RecordExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0 };
  int until_offset = 0;
  guint32 seen = 0;

  if (expect_object (parser, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, measure_members, N_MEASURE_MEMBERS, &seen);
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case MEASURE_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                check_unique_id (parser, parser->measure_ids, "measures", item.id, index);
              break;
            case MEASURE_REGION:
              sitroom_parse_code (parse, token, &item.region);
              break;
            case MEASURE_KIND:
              if (parse_enum (parse, token, N_("measure kind"), measure_kind_names,
                              SITROOM_N_MEASURE_KINDS, &value))
                item.kind = value;
              break;
            case MEASURE_FROM:
              sitroom_parse_time (parse, token, &item.from, &extra.time_offset);
              break;
            case MEASURE_UNTIL:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_time (parse, token, &item.until, &until_offset);
              break;
            case MEASURE_TEXT:
              sitroom_parse_text (parse, token, &item.text);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, measure_members, seen, MEASURE_REQUIRED);

      if (item.from != SITROOM_TIME_NONE && item.until != SITROOM_TIME_NONE && item.until < item.from)
        {
          g_autofree char *from = sitroom_time_format (item.from, extra.time_offset);
          g_autofree char *until = sitroom_time_format (item.until, until_offset);

          sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, "until",
                                 _("the measure ends at %s, before it starts at %s"), until, from);
        }
    }

  g_array_append_val (parser->self->measures, item);
  g_array_append_val (parser->measure_extras, extra);
}

/* ---- the top level ---- */

static void
parse_totals (Parser           *parser,
              SitroomJsonToken  token)
{
  static const char * const names[] = { "positives", "confirmed", "asymptomatic" };
  SitroomParse *parse = &parser->parse;
  gint64 *figures[] = {
    &parser->self->totals.positives,
    &parser->self->totals.confirmed,
    &parser->self->totals.asymptomatic,
  };
  guint32 seen = 0;

  if (token == SITROOM_JSON_NULL || !expect_object (parser, token))
    return;

  parser->totals_offset = sitroom_json_reader_get_offset (parse->reader);
  while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
    {
      int member = sitroom_parse_member (parse, names, G_N_ELEMENTS (names), &seen);

      if (member < 0)
        continue;
      token = sitroom_json_reader_next (parse->reader);
      if (token != SITROOM_JSON_NULL)
        sitroom_parse_count (parse, token, figures[member]);
      if (sitroom_parse_failed (parse))
        return;
    }
}

static void
parse_illustrative_element (Parser           *parser,
                            SitroomJsonToken  token,
                            guint             index)
{
  const char *section;

  if (sitroom_parse_string (&parser->parse, token, FALSE, &section))
    g_ptr_array_add (parser->illustrative, (gpointer) section);
}

static void
parse_format (Parser           *parser,
              SitroomJsonToken  token)
{
  const char *str;
  gsize length;

  if (!check_string (&parser->parse, token, FALSE, N_("a string such as \"sitroom/1\""), &str, &length))
    return;

  /* "sitroom/" MAJOR ["." MINOR]: plain decimal numbers, the major one
   * without leading zeros. */
  if (length > 8 && memcmp (str, "sitroom/", 8) == 0)
    {
      gboolean well_formed;
      gsize i = 8;
      gsize major_length;

      while (i < length && g_ascii_isdigit (str[i]))
        i++;
      major_length = i - 8;
      well_formed = major_length > 0 && (major_length == 1 || str[8] != '0');
      if (well_formed && i < length)
        {
          gsize minor = i + 1;

          if (str[i] != '.')
            well_formed = FALSE;
          for (i = minor; i < length && g_ascii_isdigit (str[i]); i++)
            ;
          well_formed = well_formed && i > minor && i == length;
        }

      if (well_formed)
        {
          g_autofree char *format = NULL;

          if (major_length == 1 && str[8] == '1')
            return;

          format = shorten (str, length, 40);
          parser->format_refusal = g_strdup_printf (_("format %s is not supported; this version reads sitroom/1"),
                                                    format);
          return;
        }
    }

  {
    g_autofree char *found = describe_found (&parser->parse, token);
    sitroom_parse_problem (&parser->parse, SITROOM_PROBLEM_ERROR, NULL,
                           _("expected \"sitroom/1\" (or \"sitroom/1.N\"), found %s"), found);
  }
}

enum {
  ROOT_FORMAT,
  ROOT_AS_OF,
  ROOT_PUBLISHER,
  ROOT_ILLUSTRATIVE,
  ROOT_REGIONS,
  ROOT_CHAINS,
  ROOT_CASES,
  ROOT_QUARANTINE_SITES,
  ROOT_MEASURES,
  ROOT_TOTALS,
  N_ROOT_MEMBERS
};

static const char * const root_members[N_ROOT_MEMBERS] = {
  "format", "as_of", "publisher", "illustrative", "regions", "chains", "cases",
  "quarantine_sites", "measures", "totals",
};

#define ROOT_REQUIRED ((1u << ROOT_FORMAT) | (1u << ROOT_AS_OF))

static void
parse_document (Parser *parser)
{
  SitroomParse *parse = &parser->parse;
  SitroomJsonToken token;
  guint32 seen = 0;

  token = sitroom_json_reader_next (parse->reader);
  if (token == SITROOM_JSON_ERROR)
    return;
  if (token != SITROOM_JSON_BEGIN_OBJECT)
    {
      g_autofree char *found = describe_found (parse, token);

      sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL,
                             _("a situation document is a JSON object, but this is %s"), found);
      sitroom_json_reader_skip (parse->reader);
    }
  else
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, root_members, N_ROOT_MEMBERS, &seen);

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case ROOT_FORMAT:
              parse_format (parser, token);
              /* Another major version may mean anything: read no further. */
              if (parser->format_refusal != NULL)
                return;
              break;
            case ROOT_AS_OF:
              parser->has_as_of = sitroom_parse_time (parse, token, &parser->self->as_of,
                                                      &parser->self->as_of_offset);
              break;
            case ROOT_PUBLISHER:
              if (token != SITROOM_JSON_NULL)
                parser->self->has_publisher = sitroom_parse_text (parse, token,
                                                                  &parser->self->publisher);
              break;
            case ROOT_ILLUSTRATIVE:
              parse_list (parser, token, parse_illustrative_element);
              break;
            case ROOT_REGIONS:
              if (token != SITROOM_JSON_NULL)
                sitroom_region_list_parse (parse, token, parser->region_decls);
              break;
            case ROOT_CHAINS:
              parse_list (parser, token, parse_chain);
              break;
            case ROOT_CASES:
              parse_list (parser, token, parse_case);
              break;
            case ROOT_QUARANTINE_SITES:
              parse_list (parser, token, parse_site);
              break;
            case ROOT_MEASURES:
              parse_list (parser, token, parse_measure);
              break;
            case ROOT_TOTALS:
              parse_totals (parser, token);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, root_members, seen, ROOT_REQUIRED);
    }

  /* Nothing may follow the document. */
  sitroom_json_reader_next (parse->reader);
}

/* ---- resolving references and checking against as_of ---- */

static int
lookup_region (Parser *parser,
               int     code)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (parser->self->region_by_code,
                                               GINT_TO_POINTER (code))) - 1;
}

/* Replaces the code in *@region by its index, reporting an unknown one. */
static void
resolve_region (Parser     *parser,
                int        *region,
                gsize       offset,
                const char *section,
                gssize      index,
                const char *member)
{
  int code = *region;

  if (code < 0)
    return;
  *region = lookup_region (parser, code);
  if (*region < 0)
    sitroom_parse_problem_at (&parser->parse, SITROOM_PROBLEM_ERROR, offset, section, index, member,
                              _("unknown region code %06d"), code);
}

typedef enum {
  TIME_FIRST_REPORTED,
  TIME_EVENT,
  TIME_REPORTED,
  TIME_UPDATED,
} TimeKind;

/* Reports a time later than as_of. */
static void
check_not_after_as_of (Parser     *parser,
                       gint64      time,
                       int         time_offset,
                       gsize       offset,
                       const char *path,
                       TimeKind    kind)
{
  g_autofree char *written = NULL;
  g_autofree char *as_of = NULL;
  char *message = NULL;

  if (!parser->has_as_of || time == SITROOM_TIME_NONE || time <= parser->self->as_of)
    return;
  if (!sitroom_problem_list_wants (parser->parse.problems, SITROOM_PROBLEM_ERROR, offset))
    return;

  written = sitroom_time_format (time, time_offset);
  as_of = sitroom_time_format (parser->self->as_of, parser->self->as_of_offset);
  switch (kind)
    {
    case TIME_FIRST_REPORTED:
      message = g_strdup_printf (_("first reported at %s, after the document’s as_of %s"), written, as_of);
      break;
    case TIME_EVENT:
      message = g_strdup_printf (_("the event is at %s, after the document’s as_of %s"), written, as_of);
      break;
    case TIME_REPORTED:
      message = g_strdup_printf (_("reported at %s, after the document’s as_of %s"), written, as_of);
      break;
    case TIME_UPDATED:
      message = g_strdup_printf (_("updated at %s, after the document’s as_of %s"), written, as_of);
      break;
    default:
      g_assert_not_reached ();
    }
  sitroom_problem_list_take (parser->parse.problems, SITROOM_PROBLEM_ERROR, offset, g_strdup (path),
                             message);
}

static void
resolve_chains (Parser *parser)
{
  SitroomSituation *self = parser->self;

  for (guint i = 0; i < self->chains->len; i++)
    {
      SitroomChain *chain = &g_array_index (self->chains, SitroomChain, i);
      ChainExtra *extra = &g_array_index (parser->chain_extras, ChainExtra, i);
      g_autofree char *path = g_strdup_printf ("/chains/%u/first_reported", i);

      check_not_after_as_of (parser, chain->first_reported, extra->first_reported_offset,
                             extra->offset, path, TIME_FIRST_REPORTED);
    }

  for (guint i = 0; i < self->events->len; i++)
    {
      SitroomEvent *event = &g_array_index (self->events, SitroomEvent, i);
      EventExtra *extra = &g_array_index (parser->event_extras, EventExtra, i);

      if (event->region >= 0)
        {
          int code = event->region;

          event->region = lookup_region (parser, code);
          if (event->region < 0
              && sitroom_problem_list_wants (parser->parse.problems, SITROOM_PROBLEM_ERROR, extra->offset))
            sitroom_problem_list_take (parser->parse.problems, SITROOM_PROBLEM_ERROR, extra->offset,
                                       g_strdup_printf ("/chains/%u/events/%u/region", extra->chain, extra->index),
                                       g_strdup_printf (_("unknown region code %06d"), code));
        }
      if (event->at != SITROOM_TIME_NONE && parser->has_as_of && event->at > self->as_of)
        {
          g_autofree char *path = g_strdup_printf ("/chains/%u/events/%u/at", extra->chain, extra->index);

          check_not_after_as_of (parser, event->at, extra->time_offset, extra->offset, path,
                                 TIME_EVENT);
        }
    }
}

static void
resolve_cases (Parser *parser,
               guint  *counted)
{
  SitroomSituation *self = parser->self;
  SitroomParse *parse = &parser->parse;

  for (guint i = 0; i < self->cases->len; i++)
    {
      SitroomCase *item = &g_array_index (self->cases, SitroomCase, i);
      CaseExtra *extra = &g_array_index (parser->case_extras, CaseExtra, i);

      resolve_region (parser, &item->region, extra->offset, "cases", i, "region");

      if (extra->chain != NULL)
        {
          item->chain = sitroom_situation_lookup_chain (self, extra->chain);
          if (item->chain < 0)
            {
              g_autofree char *chain = shorten (extra->chain, strlen (extra->chain), 40);

              sitroom_parse_problem_at (parse, SITROOM_PROBLEM_ERROR, extra->offset, "cases", i, "chain",
                                        _("unknown chain “%s”"), chain);
            }
          else
            g_array_index (parser->chain_extras, ChainExtra, item->chain).n_cases++;
        }
      else
        sitroom_parse_problem_at (parse, SITROOM_PROBLEM_WARNING, extra->offset, "cases", i, NULL,
                                  _("the case belongs to no chain"));

      if (item->reported_at != SITROOM_TIME_NONE && parser->has_as_of && item->reported_at > self->as_of)
        {
          g_autofree char *path = g_strdup_printf ("/cases/%u/reported_at", i);

          check_not_after_as_of (parser, item->reported_at, extra->time_offset, extra->offset, path,
                                 TIME_REPORTED);
        }
      else if (item->reported_at != SITROOM_TIME_NONE)
        counted[item->classification]++;
    }
}

static void
resolve_sites_and_measures (Parser *parser)
{
  SitroomSituation *self = parser->self;

  for (guint i = 0; i < self->sites->len; i++)
    {
      SitroomSite *site = &g_array_index (self->sites, SitroomSite, i);
      RecordExtra *extra = &g_array_index (parser->site_extras, RecordExtra, i);

      resolve_region (parser, &site->region, extra->offset, "quarantine_sites", i, "region");
      if (site->updated_at != SITROOM_TIME_NONE && parser->has_as_of && site->updated_at > self->as_of)
        {
          g_autofree char *path = g_strdup_printf ("/quarantine_sites/%u/updated_at", i);

          check_not_after_as_of (parser, site->updated_at, extra->time_offset, extra->offset, path,
                                 TIME_UPDATED);
        }
    }

  for (guint i = 0; i < self->measures->len; i++)
    {
      SitroomMeasure *measure = &g_array_index (self->measures, SitroomMeasure, i);
      RecordExtra *extra = &g_array_index (parser->measure_extras, RecordExtra, i);

      resolve_region (parser, &measure->region, extra->offset, "measures", i, "region");
    }
}

/* The feed's own figures against the cases: disagreement is worth a flag,
 * not a refusal (a chain may count positives that another province reports). */
static void
check_figures (Parser      *parser,
               const guint *counted)
{
  SitroomSituation *self = parser->self;
  SitroomParse *parse = &parser->parse;
  guint positives = 0;
  guint confirmed = 0;
  struct {
    const char *member;
    gint64 given;
    guint counted;
  } totals[3];

  for (guint c = 0; c < SITROOM_N_CLASSES; c++)
    {
      positives += counted[c];
      if (sitroom_classification_is_confirmed (c))
        confirmed += counted[c];
    }
  totals[0].member = "positives";
  totals[0].given = self->totals.positives;
  totals[0].counted = positives;
  totals[1].member = "confirmed";
  totals[1].given = self->totals.confirmed;
  totals[1].counted = confirmed;
  totals[2].member = "asymptomatic";
  totals[2].given = self->totals.asymptomatic;
  totals[2].counted = counted[SITROOM_CLASS_ASYMPTOMATIC];

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (totals[i].given >= 0 && totals[i].given != totals[i].counted)
      sitroom_parse_problem_at (parse, SITROOM_PROBLEM_WARNING, parser->totals_offset, "totals", -1,
                                totals[i].member,
                                _("the feed’s figure is %" G_GINT64_FORMAT ", but the cases reported by as_of add up to %u"),
                                totals[i].given, totals[i].counted);

  for (guint i = 0; i < self->chains->len; i++)
    {
      ChainExtra *extra = &g_array_index (parser->chain_extras, ChainExtra, i);
      gint64 given = g_array_index (self->chain_positives, gint64, i);

      if (extra->n_cases == 0)
        sitroom_parse_problem_at (parse, SITROOM_PROBLEM_WARNING, extra->offset, "chains", i, NULL,
                                  _("no case belongs to this chain"));
      if (given >= 0 && given != extra->n_cases)
        sitroom_parse_problem_at (parse, SITROOM_PROBLEM_WARNING, extra->offset, "chains", i, "positives",
                                  _("the chain’s own figure is %" G_GINT64_FORMAT ", but %u of the document’s cases belong to it"),
                                  given, extra->n_cases);
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const SitroomEvent *x = a;
  const SitroomEvent *y = b;

  return x->at < y->at ? -1 : x->at > y->at;
}

static int
compare_cases (gconstpointer a,
               gconstpointer b)
{
  const SitroomCase *x = a;
  const SitroomCase *y = b;

  return x->reported_at < y->reported_at ? -1 : x->reported_at > y->reported_at;
}

static int
compare_region_codes (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GArray *regions = user_data;
  const SitroomRegion *x = &g_array_index (regions, SitroomRegion, *(const int *) a);
  const SitroomRegion *y = &g_array_index (regions, SitroomRegion, *(const int *) b);

  return strcmp (x->code, y->code);
}

/* Everything read is kept in document order until now; from here on the
 * arrays are in the order the getters promise. */
static void
index_situation (Parser *parser)
{
  SitroomSituation *self = parser->self;
  gboolean sorted = TRUE;

  for (guint i = 0; i < self->chains->len; i++)
    {
      SitroomChain *chain = &g_array_index (self->chains, SitroomChain, i);
      ChainExtra *extra = &g_array_index (parser->chain_extras, ChainExtra, i);
      SitroomEvent *events;

      chain->n_events = extra->n_events;
      if (extra->n_events == 0)
        continue;
      events = &g_array_index (self->events, SitroomEvent, extra->first_event);
      /* g_qsort_with_data() is stable: events at the same time keep their order. */
      g_qsort_with_data (events, extra->n_events, sizeof (SitroomEvent), compare_events, NULL);
      chain->events = events;
    }

  for (guint i = 1; i < self->cases->len && sorted; i++)
    sorted = g_array_index (self->cases, SitroomCase, i - 1).reported_at
             <= g_array_index (self->cases, SitroomCase, i).reported_at;
  /* Stable too: cases reported at the same time stay in document order. */
  if (!sorted)
    g_array_sort (self->cases, compare_cases);

  for (int i = 0; i < (int) self->regions->len; i++)
    if (g_array_index (self->regions, SitroomRegion, i).level == SITROOM_LEVEL_PREFECTURE)
      g_array_append_val (self->prefectures, i);
  g_qsort_with_data (self->prefectures->data, self->prefectures->len, sizeof (int),
                     compare_region_codes, self->regions);

  g_free (self->illustrative);
  g_ptr_array_add (parser->illustrative, NULL);
  self->illustrative = (char **) g_ptr_array_free (g_steal_pointer (&parser->illustrative), FALSE);
}

static void
resolve_document (Parser *parser)
{
  SitroomSituation *self = parser->self;
  guint counted[SITROOM_N_CLASSES] = { 0 };

  sitroom_region_list_resolve (&parser->parse, "regions", parser->region_decls,
                               self->regions, self->region_by_code);
  resolve_chains (parser);
  resolve_cases (parser, counted);
  resolve_sites_and_measures (parser);
  check_figures (parser, counted);
}

static void
parser_clear (Parser *parser)
{
  g_clear_object (&parser->self);
  g_clear_pointer (&parser->parse.reader, sitroom_json_reader_free);
  g_clear_pointer (&parser->parse.problems, sitroom_problem_list_free);
  g_clear_pointer (&parser->format_refusal, g_free);
  g_clear_pointer (&parser->scratch, g_string_chunk_free);
  g_clear_pointer (&parser->region_decls, g_array_unref);
  g_clear_pointer (&parser->case_extras, g_array_unref);
  g_clear_pointer (&parser->chain_extras, g_array_unref);
  g_clear_pointer (&parser->event_extras, g_array_unref);
  g_clear_pointer (&parser->site_extras, g_array_unref);
  g_clear_pointer (&parser->measure_extras, g_array_unref);
  g_clear_pointer (&parser->case_ids, g_hash_table_unref);
  g_clear_pointer (&parser->site_ids, g_hash_table_unref);
  g_clear_pointer (&parser->measure_ids, g_hash_table_unref);
  g_clear_pointer (&parser->illustrative, g_ptr_array_unref);
}

/* A refusal before or instead of the problem list: one problem, one error. */
static SitroomSituation *
refuse_whole (const char  *path,
              int          code,
              const char  *message,
              GPtrArray  **problems,
              GError     **error)
{
  g_autoptr(SitroomProblem) problem = sitroom_problem_new (SITROOM_PROBLEM_ERROR, path, message);
  g_autofree char *text = sitroom_problem_to_string (problem);

  if (problems != NULL)
    {
      *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sitroom_problem_free);
      g_ptr_array_add (*problems, g_steal_pointer (&problem));
    }
  g_set_error_literal (error, SITROOM_FEED_ERROR, code, text);
  return NULL;
}

SitroomSituation *
sitroom_situation_parse (GBytes                   *bytes,
                         const SitroomLoadOptions *options,
                         const SitroomRegions     *base,
                         GPtrArray               **problems,
                         GError                  **error)
{
  Parser parser = { { NULL, NULL, NULL }, NULL };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *data;
  const char *lang = "en";
  guint max_depth = SITROOM_DEFAULT_MAX_DEPTH;
  gsize max_bytes = SITROOM_DEFAULT_MAX_BYTES;
  gsize length;
  guint n_errors;
  SitroomSituation *result = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  if (options != NULL)
    {
      if (options->max_depth > 0)
        max_depth = options->max_depth;
      if (options->max_bytes > 0)
        max_bytes = options->max_bytes;
      if (options->lang != NULL)
        lang = options->lang;
    }

  data = g_bytes_get_data (bytes, &length);
  /* An empty GBytes may have no data at all. */
  if (data == NULL)
    data = "";
  if (!sitroom_prescan (data, length, max_depth, max_bytes, &local_error))
    return refuse_whole ("", local_error->code, local_error->message, problems, error);

  /* The scan lets a UTF-8 byte order mark through; JSON has no place for it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  init_enum_names ();
  parser.self = g_object_new (SITROOM_TYPE_SITUATION, NULL);
  parser.parse.reader = sitroom_json_reader_new (data, length, max_depth);
  parser.parse.problems = sitroom_problem_list_new ();
  parser.parse.strings = parser.self->strings;
  parser.reader_is_chinese = g_ascii_strncasecmp (lang, "zh", 2) == 0
                             && strchr ("_-.@", lang[2]) != NULL;
  parser.scratch = g_string_chunk_new (16 * 1024);
  parser.region_decls = g_array_new (FALSE, FALSE, sizeof (SitroomRegionDecl));
  parser.case_extras = g_array_new (FALSE, FALSE, sizeof (CaseExtra));
  parser.chain_extras = g_array_new (FALSE, FALSE, sizeof (ChainExtra));
  parser.event_extras = g_array_new (FALSE, FALSE, sizeof (EventExtra));
  parser.site_extras = g_array_new (FALSE, FALSE, sizeof (RecordExtra));
  parser.measure_extras = g_array_new (FALSE, FALSE, sizeof (RecordExtra));
  parser.case_ids = g_hash_table_new (g_str_hash, g_str_equal);
  parser.site_ids = g_hash_table_new (g_str_hash, g_str_equal);
  parser.measure_ids = g_hash_table_new (g_str_hash, g_str_equal);
  parser.illustrative = g_ptr_array_new ();

  /* The document's regions come after the known ones, which keep their indexes. */
  g_array_append_vals (parser.self->regions, base->regions->data, base->regions->len);
  g_hash_table_iter_init (&iter, base->by_code);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (parser.self->region_by_code, key, value);

  parse_document (&parser);

  if (parser.format_refusal != NULL)
    {
      refuse_whole ("/format", SITROOM_FEED_ERROR_FORMAT, parser.format_refusal, problems, error);
      parser_clear (&parser);
      return NULL;
    }

  if (sitroom_parse_failed (&parser.parse))
    {
      const GError *syntax = sitroom_json_reader_get_error (parser.parse.reader);
      g_autofree char *path = sitroom_json_reader_dup_pointer (parser.parse.reader);
      g_autofree char *message = NULL;

      message = syntax->code == SITROOM_FEED_ERROR_NOT_JSON
                ? g_strdup_printf (_("not valid JSON: %s"), syntax->message)
                : g_strdup (syntax->message);
      refuse_whole (path, syntax->code, message, problems, error);
      parser_clear (&parser);
      return NULL;
    }

  /* Needs the chain index, which is complete only now. */
  resolve_document (&parser);

  n_errors = sitroom_problem_list_get_n_errors (parser.parse.problems);
  found = sitroom_problem_list_finish (parser.parse.problems);

  if (n_errors > 0)
    {
      g_autofree char *message = sitroom_problems_describe_errors (found, n_errors);
      g_set_error_literal (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID, message);
    }
  else
    {
      index_situation (&parser);
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (parser.self->warnings,
                         sitroom_problem_copy (g_ptr_array_index (found, i)));
      result = g_steal_pointer (&parser.self);
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  parser_clear (&parser);
  return result;
}
