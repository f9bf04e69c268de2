/* The entry rules and quarantine cohorts of a situation document: reading them, their references, the sites' figures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sitroom-situation-parser-private.h"

/* No entry rule of 2022 kept anyone for more than a few weeks; a year leaves
 * room for any rule while refusing a figure in hours or a typing slip. */
#define MAX_DAYS 365
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* The feed's spellings of the health codes a rule may give, in enum order
 * from SITROOM_HEALTH_CODE_RED: "none" is written by leaving the code out. */
static const char *health_code_names[SITROOM_N_HEALTH_CODES];

static void
init_health_code_names (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = SITROOM_HEALTH_CODE_RED; i < SITROOM_N_HEALTH_CODES; i++)
        health_code_names[i - SITROOM_HEALTH_CODE_RED] = sitroom_health_code_to_string (i);
      g_once_init_leave (&done, 1);
    }
}

/* A whole number of days from @min to @max, written like a count: a sign, a
 * fraction, an exponent or quotes ("-1", "1.5", "7.0", "7") are a mistake in
 * the publisher's program, not a rounding to guess. A @min of 1 reads a day
 * of a rule (the day of entry is day 1), 0 a number of days. */
static gboolean
parse_days (SitroomParse     *parse,
            SitroomJsonToken  token,
            int               min,
            int               max,
            gint64           *out)
{
  g_autofree char *expected = NULL;
  gint64 value;

  g_assert (min >= 0 && min <= max);

  if (token == SITROOM_JSON_NUMBER
      && sitroom_json_reader_get_raw (parse->reader, NULL)[0] != '-'
      && sitroom_json_reader_get_int64 (parse->reader, &value)
      && value >= min && value <= max)
    {
      *out = value;
      return TRUE;
    }

  expected = min == 0
             ? g_strdup_printf (_("a whole number of days from 0 to %d"), max)
             : g_strdup_printf (_("a day from %d (the day of entry) to %d"), min, max);
  sitroom_parse_mistyped (parse, token, expected);
  return FALSE;
}

/* ---- entry rules ---- */

/* Reads a rule's "test_days" into the situation's test_days, each day after
 * the one before it. Whether they fit in the rule's days is checked once the
 * whole rule has been read, its members being in any order. */
static void
parse_test_days (SitroomParser    *parser,
                 SitroomJsonToken  token,
                 SitroomRuleExtra *extra)
{
  SitroomParse *parse = &parser->parse;
  GArray *days = parser->self->test_days;
  guint element = 0;

  if (token == SITROOM_JSON_NULL)
    return;
  if (token != SITROOM_JSON_BEGIN_ARRAY)
    {
      sitroom_parse_mistyped (parse, token, _("an array of days"));
      return;
    }

  while ((token = sitroom_json_reader_next (parse->reader)) != SITROOM_JSON_END_ARRAY)
    {
      gint64 day;

      if (token == SITROOM_JSON_ERROR)
        return;
      /* The rule's own length is checked once it is known. */
      if (parse_days (parse, token, 1, 2 * MAX_DAYS, &day))
        {
          int last = extra->n_test_days > 0 ? g_array_index (days, int, days->len - 1) : 0;
          int value = (int) day;

          if (value <= last)
            sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL,
                                   _("day %d comes after day %d; test days are listed in ascending order, each once"),
                                   value, last);
          else
            {
              g_array_append_val (days, value);
              g_array_append_val (parser->test_day_elements, element);
              extra->n_test_days++;
            }
        }
      element++;
      if (sitroom_parse_failed (parse))
        return;
    }
}

/* A test day past the rule's last day: the rule cannot be followed as written. */
static void
check_test_days_fit (SitroomParser               *parser,
                     const SitroomQuarantineRule *item,
                     const SitroomRuleExtra      *extra)
{
  SitroomParse *parse = &parser->parse;
  gsize offset = sitroom_json_reader_get_offset (parse->reader);
  gint64 length = item->centralized_days + item->home_days;
  g_autofree char *rule_path = NULL;

  for (guint i = 0; i < extra->n_test_days; i++)
    {
      int day = g_array_index (parser->self->test_days, int, extra->first_test_day + i);
      guint element = g_array_index (parser->test_day_elements, guint, extra->first_test_day + i);

      if (day <= length || !sitroom_problem_list_wants (parse->problems, SITROOM_PROBLEM_ERROR, offset))
        continue;
      /* After the rule's object, the reader points at the rule. */
      if (rule_path == NULL)
        rule_path = sitroom_json_reader_dup_pointer (parse->reader);
      sitroom_problem_list_take (parse->problems, SITROOM_PROBLEM_ERROR, offset,
                                 g_strdup_printf ("%s/test_days/%u", rule_path, element),
                                 g_strdup_printf (_("day %d is past the end of the rule (centralized days: %lld, home days: %lld)"),
                                                  day, (long long) item->centralized_days,
                                                  (long long) item->home_days));
    }
}

enum {
  RULE_ID,
  RULE_CODE,
  RULE_CENTRALIZED_DAYS,
  RULE_HOME_DAYS,
  RULE_TEST_DAYS,
  RULE_REGION,
  RULE_DEFAULT,
  RULE_TEXT,
  N_RULE_MEMBERS
};

static const char * const rule_members[N_RULE_MEMBERS] = {
  "id", "code", "centralized_days", "home_days", "test_days", "region", "default", "text",
};

#define RULE_REQUIRED ((1u << RULE_ID) | (1u << RULE_CENTRALIZED_DAYS) | (1u << RULE_HOME_DAYS) \
                       | (1u << RULE_TEXT))

void
sitroom_parser_parse_rule (SitroomParser    *parser,
                           SitroomJsonToken  token,
                           guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomQuarantineRule item = {
    .region = -1,
    .code = SITROOM_HEALTH_CODE_NONE,
    .centralized_days = -1,
    .home_days = -1,
  };
  SitroomRuleExtra extra = { sitroom_json_reader_get_offset (parse->reader),
                             parser->self->test_days->len, 0 };
  guint32 seen = 0;

  init_health_code_names ();

  if (sitroom_parse_expect_object (parse, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, rule_members, N_RULE_MEMBERS, &seen);
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case RULE_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                sitroom_parser_check_unique_id (parser, parser->self->rule_by_id, "quarantine_rules",
                                                item.id, index);
              break;
            case RULE_CODE:
              if (token != SITROOM_JSON_NULL
                  && sitroom_parse_enum (parse, token, N_("health code"), health_code_names,
                                         SITROOM_N_HEALTH_CODES - SITROOM_HEALTH_CODE_RED, &value))
                item.code = SITROOM_HEALTH_CODE_RED + value;
              break;
            case RULE_CENTRALIZED_DAYS:
              parse_days (parse, token, 0, MAX_DAYS, &item.centralized_days);
              break;
            case RULE_HOME_DAYS:
              parse_days (parse, token, 0, MAX_DAYS, &item.home_days);
              break;
            case RULE_TEST_DAYS:
              parse_test_days (parser, token, &extra);
              break;
            case RULE_REGION:
              /* The code itself until the regions are all known. */
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_code (parse, token, &item.region);
              break;
            case RULE_DEFAULT:
              if (token == SITROOM_JSON_NULL || !sitroom_parse_boolean (parse, token, &item.is_default)
                  || !item.is_default)
                break;
              /* Two defaults would make the forecast depend on which comes first. */
              if (parser->first_default >= 0)
                sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL,
                                       _("only one rule may be the default, and /quarantine_rules/%d already is"),
                                       parser->first_default);
              else
                parser->first_default = (int) index;
              break;
            case RULE_TEXT:
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
      sitroom_parse_require (parse, rule_members, seen, RULE_REQUIRED);

      if (item.centralized_days >= 0 && item.home_days >= 0)
        check_test_days_fit (parser, &item, &extra);
    }

  /* Kept even when broken, so indexes stay those of the document. */
  g_array_append_val (parser->self->rules, item);
  g_array_append_val (parser->rule_extras, extra);
}

/* ---- cohorts ---- */

/* An id that refers to another list, kept as written until that list has
 * been read to its end. */
static void
parse_reference (SitroomParser    *parser,
                 SitroomJsonToken  token,
                 const char      **out)
{
  const char *str;
  gsize length;

  if (sitroom_parse_check_string (&parser->parse, token, TRUE, N_("a non-empty string"), &str, &length))
    *out = g_string_chunk_insert_len (parser->scratch, str, length);
}

enum {
  COHORT_SITE,
  COHORT_RULE,
  COHORT_ENTERED_AT,
  COHORT_PEOPLE,
  N_COHORT_MEMBERS
};

static const char * const cohort_members[N_COHORT_MEMBERS] = {
  "site", "rule", "entered_at", "people",
};

#define COHORT_REQUIRED ((1u << COHORT_SITE) | (1u << COHORT_RULE) | (1u << COHORT_ENTERED_AT) \
                         | (1u << COHORT_PEOPLE))

void
sitroom_parser_parse_cohort (SitroomParser    *parser,
                             SitroomJsonToken  token,
                             guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomCohort item = { -1, -1, SITROOM_TIME_NONE, -1 };
  SitroomCohortExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0, NULL, NULL };
  guint32 seen = 0;

  if (sitroom_parse_expect_object (parse, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, cohort_members, N_COHORT_MEMBERS, &seen);

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case COHORT_SITE:
              parse_reference (parser, token, &extra.site);
              break;
            case COHORT_RULE:
              parse_reference (parser, token, &extra.rule);
              break;
            case COHORT_ENTERED_AT:
              sitroom_parse_time (parse, token, &item.entered_at, &extra.time_offset);
              break;
            case COHORT_PEOPLE:
              sitroom_parse_count (parse, token, &item.people);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, cohort_members, seen, COHORT_REQUIRED);
    }

  g_array_append_val (parser->self->cohorts, item);
  g_array_append_val (parser->cohort_extras, extra);
}

/* ---- after the pass ---- */

/* An id as written, short enough for a message. */
static char *
shorten_id (const char *id)
{
  return sitroom_parse_shorten (id, strlen (id), 40);
}

/* Cohorts are the feed's account of who is inside a site; when those still
 * inside at as_of outnumber the site's own "occupied" figure, one of the two
 * is stale, and the forecast would start from the wrong figure. */
static void
check_sites_against_cohorts (SitroomParser *parser)
{
  SitroomSituation *self = parser->self;
  g_autofree gint64 *inside = NULL;

  if (!parser->has_as_of || self->sites->len == 0)
    return;

  inside = g_new0 (gint64, self->sites->len);
  for (guint i = 0; i < self->cohorts->len; i++)
    {
      const SitroomCohort *cohort = &g_array_index (self->cohorts, SitroomCohort, i);
      const SitroomQuarantineRule *rule;

      if (cohort->site < 0 || cohort->rule < 0 || cohort->people < 0
          || cohort->entered_at == SITROOM_TIME_NONE || cohort->entered_at > self->as_of)
        continue;
      rule = &g_array_index (self->rules, SitroomQuarantineRule, cohort->rule);
      if (rule->centralized_days < 0)
        continue;
      if (cohort->entered_at + rule->centralized_days * SECONDS_PER_DAY > self->as_of)
        inside[cohort->site] += cohort->people;
    }

  for (guint i = 0; i < self->sites->len; i++)
    {
      const SitroomSite *site = &g_array_index (self->sites, SitroomSite, i);
      const SitroomRecordExtra *extra = &g_array_index (parser->site_extras, SitroomRecordExtra, i);

      if (site->occupied >= 0 && inside[i] > site->occupied)
        sitroom_parse_problem_at (&parser->parse, SITROOM_PROBLEM_WARNING, extra->offset,
                                  "quarantine_sites", i, "occupied",
                                  _("the site’s cohorts still inside at as_of add up to %lld people, more than its occupied figure, %lld"),
                                  (long long) inside[i], (long long) site->occupied);
    }
}

void
sitroom_parser_resolve_rules (SitroomParser *parser)
{
  SitroomSituation *self = parser->self;

  for (guint i = 0; i < self->rules->len; i++)
    {
      SitroomQuarantineRule *rule = &g_array_index (self->rules, SitroomQuarantineRule, i);
      const SitroomRuleExtra *extra = &g_array_index (parser->rule_extras, SitroomRuleExtra, i);

      sitroom_parser_resolve_region (parser, &rule->region, extra->offset, "quarantine_rules", i, "region");
    }

  for (guint i = 0; i < self->cohorts->len; i++)
    {
      SitroomCohort *cohort = &g_array_index (self->cohorts, SitroomCohort, i);
      const SitroomCohortExtra *extra = &g_array_index (parser->cohort_extras, SitroomCohortExtra, i);

      if (extra->site != NULL)
        {
          cohort->site = GPOINTER_TO_INT (g_hash_table_lookup (parser->site_ids, extra->site)) - 1;
          if (cohort->site < 0)
            {
              g_autofree char *site = shorten_id (extra->site);

              sitroom_parse_problem_at (&parser->parse, SITROOM_PROBLEM_ERROR, extra->offset,
                                        "quarantine_cohorts", i, "site",
                                        _("unknown quarantine site “%s”"), site);
            }
        }
      if (extra->rule != NULL)
        {
          cohort->rule = sitroom_situation_lookup_rule (self, extra->rule);
          if (cohort->rule < 0)
            {
              g_autofree char *rule = shorten_id (extra->rule);

              sitroom_parse_problem_at (&parser->parse, SITROOM_PROBLEM_ERROR, extra->offset,
                                        "quarantine_cohorts", i, "rule", _("unknown rule “%s”"), rule);
            }
        }
      if (sitroom_parser_after_as_of (parser, cohort->entered_at))
        {
          g_autofree char *path = g_strdup_printf ("/quarantine_cohorts/%u/entered_at", i);

          sitroom_parser_report_after_as_of (parser, cohort->entered_at, extra->time_offset, extra->offset,
                                             path, SITROOM_TIME_ENTERED);
        }
    }

  check_sites_against_cohorts (parser);
}

static int
compare_cohorts (gconstpointer a,
                 gconstpointer b)
{
  const SitroomCohort *x = a;
  const SitroomCohort *y = b;

  return x->entered_at < y->entered_at ? -1 : x->entered_at > y->entered_at;
}

void
sitroom_parser_index_rules (SitroomParser *parser)
{
  SitroomSituation *self = parser->self;
  gboolean sorted = TRUE;

  /* The test days have all been read, so the array will not move again. */
  for (guint i = 0; i < self->rules->len; i++)
    {
      SitroomQuarantineRule *rule = &g_array_index (self->rules, SitroomQuarantineRule, i);
      const SitroomRuleExtra *extra = &g_array_index (parser->rule_extras, SitroomRuleExtra, i);

      rule->n_test_days = extra->n_test_days;
      rule->test_days = extra->n_test_days > 0
                        ? &g_array_index (self->test_days, int, extra->first_test_day)
                        : NULL;
    }

  self->default_rule = parser->first_default;
  for (guint i = 0; i < self->rules->len && self->default_rule < 0; i++)
    if (g_array_index (self->rules, SitroomQuarantineRule, i).centralized_days > 0)
      self->default_rule = (int) i;

  for (guint i = 1; i < self->cohorts->len && sorted; i++)
    sorted = g_array_index (self->cohorts, SitroomCohort, i - 1).entered_at
             <= g_array_index (self->cohorts, SitroomCohort, i).entered_at;
  /* g_array_sort() is stable: cohorts that entered together keep their order. */
  if (!sorted)
    g_array_sort (self->cohorts, compare_cohorts);
}
