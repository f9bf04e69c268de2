/* Reads a "sitroom/1" situation document: the pass over its top level, and what the caller gets. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sitroom-error.h"
#include "sitroom-prescan.h"
#include "sitroom-situation-parser-private.h"

/*
 * The document is read once, token by token, straight into plain arrays: no
 * tree of it is ever built, so memory stays a small multiple of its size.
 * Members may come in any order, so whatever refers to something else (a
 * region code; a chain, site or rule id) or depends on another member (as_of)
 * is kept as it was written and checked once the whole document has been read.
 */

/* ---- lists and the top level ---- */

void
sitroom_parser_parse_list (SitroomParser       *parser,
                           SitroomJsonToken     token,
                           SitroomParseElement  parse_element)
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

static void
parse_totals (SitroomParser    *parser,
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

  if (token == SITROOM_JSON_NULL || !sitroom_parse_expect_object (parse, token))
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
parse_illustrative_element (SitroomParser    *parser,
                            SitroomJsonToken  token,
                            guint             index)
{
  const char *section;

  if (sitroom_parse_string (&parser->parse, token, FALSE, &section))
    g_ptr_array_add (parser->illustrative, (gpointer) section);
}

static void
parse_format (SitroomParser    *parser,
              SitroomJsonToken  token)
{
  const char *str;
  gsize length;

  if (!sitroom_parse_check_string (&parser->parse, token, FALSE, N_("a string such as \"sitroom/1\""),
                                   &str, &length))
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

          format = sitroom_parse_shorten (str, length, 40);
          parser->format_refusal = g_strdup_printf (_("format %s is not supported; this version reads sitroom/1"),
                                                    format);
          return;
        }
    }

  {
    g_autofree char *found = sitroom_parse_describe_found (&parser->parse, token);
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
  ROOT_QUARANTINE_RULES,
  ROOT_QUARANTINE_COHORTS,
  N_ROOT_MEMBERS
};

static const char * const root_members[N_ROOT_MEMBERS] = {
  "format", "as_of", "publisher", "illustrative", "regions", "chains", "cases",
  "quarantine_sites", "measures", "totals", "quarantine_rules", "quarantine_cohorts",
};

#define ROOT_REQUIRED ((1u << ROOT_FORMAT) | (1u << ROOT_AS_OF))

static void
parse_document (SitroomParser *parser)
{
  SitroomParse *parse = &parser->parse;
  SitroomJsonToken token;
  guint32 seen = 0;

  token = sitroom_json_reader_next (parse->reader);
  if (token == SITROOM_JSON_ERROR)
    return;
  if (token != SITROOM_JSON_BEGIN_OBJECT)
    {
      g_autofree char *found = sitroom_parse_describe_found (parse, token);

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
              sitroom_parser_parse_list (parser, token, parse_illustrative_element);
              break;
            case ROOT_REGIONS:
              if (token != SITROOM_JSON_NULL)
                sitroom_region_list_parse (parse, token, parser->region_decls);
              break;
            case ROOT_CHAINS:
              sitroom_parser_parse_list (parser, token, sitroom_parser_parse_chain);
              break;
            case ROOT_CASES:
              sitroom_parser_parse_list (parser, token, sitroom_parser_parse_case);
              break;
            case ROOT_QUARANTINE_SITES:
              sitroom_parser_parse_list (parser, token, sitroom_parser_parse_site);
              break;
            case ROOT_MEASURES:
              sitroom_parser_parse_list (parser, token, sitroom_parser_parse_measure);
              break;
            case ROOT_TOTALS:
              parse_totals (parser, token);
              break;
            case ROOT_QUARANTINE_RULES:
              sitroom_parser_parse_list (parser, token, sitroom_parser_parse_rule);
              break;
            case ROOT_QUARANTINE_COHORTS:
              sitroom_parser_parse_list (parser, token, sitroom_parser_parse_cohort);
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

/* ---- the result ---- */

static void
parser_clear (SitroomParser *parser)
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
  g_clear_pointer (&parser->rule_extras, g_array_unref);
  g_clear_pointer (&parser->cohort_extras, g_array_unref);
  g_clear_pointer (&parser->test_day_elements, g_array_unref);
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
  SitroomParser parser = { { NULL, NULL, NULL }, NULL };
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

  sitroom_parser_init_enum_names ();
  parser.self = g_object_new (SITROOM_TYPE_SITUATION, NULL);
  parser.parse.reader = sitroom_json_reader_new (data, length, max_depth);
  parser.parse.problems = sitroom_problem_list_new ();
  parser.parse.strings = parser.self->strings;
  parser.reader_is_chinese = g_ascii_strncasecmp (lang, "zh", 2) == 0
                             && strchr ("_-.@", lang[2]) != NULL;
  parser.scratch = g_string_chunk_new (16 * 1024);
  parser.region_decls = g_array_new (FALSE, FALSE, sizeof (SitroomRegionDecl));
  parser.case_extras = g_array_new (FALSE, FALSE, sizeof (SitroomCaseExtra));
  parser.chain_extras = g_array_new (FALSE, FALSE, sizeof (SitroomChainExtra));
  parser.event_extras = g_array_new (FALSE, FALSE, sizeof (SitroomEventExtra));
  parser.site_extras = g_array_new (FALSE, FALSE, sizeof (SitroomRecordExtra));
  parser.measure_extras = g_array_new (FALSE, FALSE, sizeof (SitroomRecordExtra));
  parser.rule_extras = g_array_new (FALSE, FALSE, sizeof (SitroomRuleExtra));
  parser.cohort_extras = g_array_new (FALSE, FALSE, sizeof (SitroomCohortExtra));
  parser.test_day_elements = g_array_new (FALSE, FALSE, sizeof (guint));
  parser.first_default = -1;
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

  /* Needs the chain, site and rule indexes, which are complete only now. */
  sitroom_parser_resolve_document (&parser);

  n_errors = sitroom_problem_list_get_n_errors (parser.parse.problems);
  found = sitroom_problem_list_finish (parser.parse.problems);

  if (n_errors > 0)
    {
      g_autofree char *message = sitroom_problems_describe_errors (found, n_errors);
      g_set_error_literal (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID, message);
    }
  else
    {
      sitroom_parser_index_situation (&parser);
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
