/* Tests of a document's entry rules and quarantine cohorts: reading, refusals with their paths, the sites' figures, the demo's. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sitroom-error.h"
#include "sitroom-situation.h"
#include "sitroom-test-demo.h"

/* Documents are written with single quotes, turned into double quotes before
 * parsing, to keep them readable here. */
#define HEAD "{'format': 'sitroom/1', 'as_of': '2022-08-20T13:00:00+08:00', "
#define DOC(body) HEAD body "}"
#define TEXT "'text': {'zh': '规则'}"
#define SITES "'quarantine_sites': [{'id': 's1', 'region': '140100', 'kind': 'centralized', " \
              "'name': {'zh': '点'}, 'capacity': 100, 'occupied': 50}]"
/* One rule with @fields besides its text. */
#define RULE(fields) DOC ("'quarantine_rules': [{'id': 'r1', " TEXT ", " fields "}]")
#define DAYS "'centralized_days': 7, 'home_days': 0"
/* A site, a rule, and one cohort with @fields. */
#define COHORT(fields) DOC (SITES ", 'quarantine_rules': [{'id': 'r1', " DAYS ", " TEXT "}], " \
                            "'quarantine_cohorts': [{" fields "}]")
#define COHORT_FIELDS(site, rule, at, people) \
  "'site': '" site "', 'rule': '" rule "', 'entered_at': '" at "', 'people': " people

static char *
unquote (const char *json)
{
  char *copy = g_strdup (json);

  g_strdelimit (copy, "'", '"');
  return copy;
}

static SitroomSituation *
load (const char  *json,
      GPtrArray  **problems,
      GError     **error)
{
  g_autofree char *text = unquote (json);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return sitroom_situation_new_from_bytes (bytes, NULL, problems, error);
}

/* The fixture, read from the source tree. */
#define FIXTURE() g_test_build_filename (G_TEST_DIST, "fixtures", "quarantine-rules.json", NULL)

static SitroomSituation *
assert_accepted (const char  *json,
                 GPtrArray  **warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SitroomSituation *situation = load (json, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (situation);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&problems);
  return situation;
}

/* Everything the getters give of the rules and cohorts, in one string, so
 * that two situations can be compared whole. */
static char *
describe (SitroomSituation *situation)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sitroom_situation_get_n_rules (situation); i++)
    {
      const SitroomQuarantineRule *rule = sitroom_situation_get_rule (situation, i);
      const char *code = sitroom_health_code_to_string (rule->code);

      g_string_append_printf (out, "rule %s code=%s region=%s days=%lld+%lld tests=",
                              rule->id, code != NULL ? code : "-",
                              rule->region >= 0 ? sitroom_situation_get_region (situation, rule->region)->code : "-",
                              (long long) rule->centralized_days, (long long) rule->home_days);
      for (guint d = 0; d < rule->n_test_days; d++)
        g_string_append_printf (out, "%s%d", d > 0 ? "," : "", rule->test_days[d]);
      g_string_append_printf (out, "%s text=%s/%s\n", rule->is_default ? " default" : "",
                              rule->text.zh, rule->text.en != NULL ? rule->text.en : "-");
    }
  g_string_append_printf (out, "default=%d\n", sitroom_situation_get_default_rule (situation));
  for (guint i = 0; i < sitroom_situation_get_n_cohorts (situation); i++)
    {
      const SitroomCohort *cohort = sitroom_situation_get_cohort (situation, i);

      g_string_append_printf (out, "cohort %s %s %lld %lld\n",
                              sitroom_situation_get_site (situation, cohort->site)->id,
                              sitroom_situation_get_rule (situation, cohort->rule)->id,
                              (long long) cohort->entered_at, (long long) cohort->people);
    }
  return g_string_free (out, FALSE);
}

/* ---- what is read ---- */

static void
test_rules_parsed (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("quarantine-rules.json");
  const SitroomQuarantineRule *rule;
  static const int strict_days[] = { 1, 2, 3, 5, 7 };

  g_assert_cmpuint (sitroom_situation_get_n_rules (situation), ==, 6);
  g_assert_cmpuint (sitroom_situation_get_warnings (situation)->len, ==, 0);

  rule = sitroom_situation_get_rule (situation, 0);
  g_assert_cmpstr (rule->id, ==, "strict");
  g_assert_cmpint (rule->code, ==, SITROOM_HEALTH_CODE_RED);
  g_assert_cmpint (rule->centralized_days, ==, 7);
  g_assert_cmpint (rule->home_days, ==, 0);
  g_assert_cmpint (rule->region, ==, sitroom_situation_lookup_region (situation, "140000"));
  g_assert_false (rule->is_default);
  g_assert_cmpstr (rule->text.zh, ==, "高风险区:7天集中隔离");
  g_assert_cmpstr (rule->text.en, ==, "High-risk area: 7 days centralized");
  g_assert_cmpmem (rule->test_days, rule->n_test_days * sizeof (int), strict_days, sizeof strict_days);

  rule = sitroom_situation_get_rule (situation, 1);
  g_assert_cmpstr (rule->id, ==, "tibet");
  g_assert_cmpint (rule->centralized_days, ==, 3);
  g_assert_cmpint (rule->home_days, ==, 4);
  g_assert_cmpint (rule->region, ==, sitroom_situation_lookup_region (situation, "140100"));
  g_assert_true (rule->is_default);
  g_assert_null (rule->text.en);
  g_assert_cmpuint (rule->n_test_days, ==, 3);
  /* The last day of 3 + 4 may have a test. */
  g_assert_cmpint (rule->test_days[2], ==, 7);

  /* null and absent are "not given"; an empty list is no test day. */
  rule = sitroom_situation_get_rule (situation, 2);
  g_assert_cmpint (rule->code, ==, SITROOM_HEALTH_CODE_YELLOW);
  g_assert_cmpint (rule->region, ==, -1);
  g_assert_false (rule->is_default);
  g_assert_cmpuint (rule->n_test_days, ==, 0);
  g_assert_null (rule->test_days);
  rule = sitroom_situation_get_rule (situation, 3);
  g_assert_cmpint (rule->code, ==, SITROOM_HEALTH_CODE_BLUE);
  g_assert_cmpuint (rule->n_test_days, ==, 0);
  rule = sitroom_situation_get_rule (situation, 4);
  g_assert_cmpint (rule->code, ==, SITROOM_HEALTH_CODE_NONE);
  g_assert_cmpint (rule->centralized_days + rule->home_days, ==, 0);
  /* The limits themselves are allowed: 365 days each, a test on day 730. */
  rule = sitroom_situation_get_rule (situation, 5);
  g_assert_cmpint (rule->code, ==, SITROOM_HEALTH_CODE_GREEN);
  g_assert_cmpint (rule->centralized_days, ==, 365);
  g_assert_cmpint (rule->test_days[0], ==, 730);

  g_assert_cmpint (sitroom_situation_lookup_rule (situation, "home"), ==, 2);
  g_assert_cmpint (sitroom_situation_lookup_rule (situation, "Home"), ==, -1);
  /* Marked default, though the first rule has centralized days too. */
  g_assert_cmpint (sitroom_situation_get_default_rule (situation), ==, 1);
}

static void
test_default_rule (void)
{
  g_autoptr(SitroomSituation) none = NULL;
  g_autoptr(SitroomSituation) home_only = NULL;
  g_autoptr(SitroomSituation) first_centralized = NULL;

  none = assert_accepted (DOC ("'quarantine_rules': []"), NULL);
  g_assert_cmpuint (sitroom_situation_get_n_rules (none), ==, 0);
  g_assert_cmpint (sitroom_situation_get_default_rule (none), ==, -1);

  home_only = assert_accepted (DOC ("'quarantine_rules': [{'id': 'h', 'centralized_days': 0, 'home_days': 7, "
                                    TEXT ", 'default': false}]"), NULL);
  g_assert_cmpint (sitroom_situation_get_default_rule (home_only), ==, -1);

  first_centralized = assert_accepted (DOC ("'quarantine_rules': ["
                                            "{'id': 'h', 'centralized_days': 0, 'home_days': 7, " TEXT "}, "
                                            "{'id': 't', 'centralized_days': 3, 'home_days': 4, " TEXT "}, "
                                            "{'id': 'r', 'centralized_days': 7, 'home_days': 0, " TEXT "}]"),
                                       NULL);
  g_assert_cmpint (sitroom_situation_get_default_rule (first_centralized), ==, 1);
}

/* A format 1 document without the sections reads as before, and the codes
 * have the feed's spellings. */
static void
test_without_sections (void)
{
  g_autoptr(SitroomSituation) situation = assert_accepted (DOC ("'quarantine_rules': null, "
                                                                "'quarantine_cohorts': null"), NULL);

  g_assert_cmpuint (sitroom_situation_get_n_rules (situation), ==, 0);
  g_assert_cmpuint (sitroom_situation_get_n_cohorts (situation), ==, 0);
  g_assert_cmpint (sitroom_situation_lookup_rule (situation, "r1"), ==, -1);

  g_assert_null (sitroom_health_code_to_string (SITROOM_HEALTH_CODE_NONE));
  g_assert_cmpstr (sitroom_health_code_to_string (SITROOM_HEALTH_CODE_RED), ==, "red");
  g_assert_cmpstr (sitroom_health_code_to_string (SITROOM_HEALTH_CODE_YELLOW), ==, "yellow");
  g_assert_cmpstr (sitroom_health_code_to_string (SITROOM_HEALTH_CODE_BLUE), ==, "blue");
  g_assert_cmpstr (sitroom_health_code_to_string (SITROOM_HEALTH_CODE_GREEN), ==, "green");
}

static void
test_cohort_order (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("quarantine-rules.json");
  struct {
    const char *site;
    const char *rule;
    const char *entered_at;
    gint64 people;
  } expected[] = {
    { "s1", "strict", "2022-08-12T09:00:00+08:00", 30 },
    { "s1", "strict", "2022-08-18T10:00:00+08:00", 40 },
    /* The same instant written with two offsets: document order. */
    { "s2", "home", "2022-08-19T08:00:00+08:00", 5 },
    { "s1", "tibet", "2022-08-19T08:00:00+08:00", 12 },
  };

  g_assert_cmpuint (sitroom_situation_get_n_cohorts (situation), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SitroomCohort *cohort = sitroom_situation_get_cohort (situation, i);

      g_assert_cmpstr (sitroom_situation_get_site (situation, cohort->site)->id, ==, expected[i].site);
      g_assert_cmpstr (sitroom_situation_get_rule (situation, cohort->rule)->id, ==, expected[i].rule);
      g_assert_cmpint (cohort->entered_at, ==, sitroom_test_demo_at (expected[i].entered_at));
      g_assert_cmpint (cohort->people, ==, expected[i].people);
    }
}

/* The fixture has the cohorts first and the sites last; the same content in
 * the usual order reads the same. */
static void
test_any_order (void)
{
  g_autoptr(SitroomSituation) shuffled = sitroom_test_demo_load_fixture ("quarantine-rules.json");
  g_autoptr(SitroomSituation) usual = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = FIXTURE ();
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  static const char * const order[] = {
    "format", "as_of", "quarantine_sites", "quarantine_rules", "quarantine_cohorts",
  };
  JsonObject *object;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      json_builder_set_member_name (builder, order[i]);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (object, order[i])));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_assert_true (g_str_has_prefix (text, "{\"format\""));

  usual = sitroom_test_demo_parse (text);

  a = describe (shuffled);
  b = describe (usual);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "cohort s1 tibet"));
}

/* ---- the demo ---- */

static void
test_demo (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  const SitroomQuarantineRule *rule;
  GPtrArray *warnings = sitroom_situation_get_warnings (situation);
  gint64 as_of = sitroom_situation_get_as_of (situation);
  g_autofree gint64 *inside = NULL;
  static const int high_risk_days[] = { 1, 2, 3, 5, 7 };
  static const int medium_risk_days[] = { 1, 4, 7 };
  static const char * const ids[] = {
    "sx-high", "sx-medium", "sx-low", "ty-high", "ty-tibet", "ty-medium", "ty-hainan", "ty-other",
  };

  g_assert_cmpuint (sitroom_situation_get_n_rules (situation), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (sitroom_situation_lookup_rule (situation, ids[i]), ==, i);

  /* The province's high-risk rule is the one occupants are taken to follow. */
  g_assert_cmpint (sitroom_situation_get_default_rule (situation), ==, 0);
  rule = sitroom_situation_get_rule (situation, 0);
  g_assert_true (rule->is_default);
  g_assert_cmpint (rule->code, ==, SITROOM_HEALTH_CODE_RED);
  g_assert_cmpint (rule->centralized_days, ==, 7);
  g_assert_cmpint (rule->home_days, ==, 0);
  g_assert_cmpstr (sitroom_situation_get_region (situation, rule->region)->code, ==, "140000");
  g_assert_cmpmem (rule->test_days, rule->n_test_days * sizeof (int), high_risk_days, sizeof high_risk_days);

  rule = sitroom_situation_get_rule (situation, 1);
  g_assert_cmpint (rule->code, ==, SITROOM_HEALTH_CODE_YELLOW);
  g_assert_cmpint (rule->centralized_days, ==, 0);
  g_assert_cmpint (rule->home_days, ==, 7);
  g_assert_cmpmem (rule->test_days, rule->n_test_days * sizeof (int), medium_risk_days, sizeof medium_risk_days);

  rule = sitroom_situation_get_rule (situation, 2);
  g_assert_cmpint (rule->code, ==, SITROOM_HEALTH_CODE_NONE);
  g_assert_cmpint (rule->centralized_days + rule->home_days, ==, 0);

  /* Taiyuan's notice gives a number of tests, not their days. */
  rule = sitroom_situation_get_rule (situation, 4);
  g_assert_cmpstr (sitroom_situation_get_region (situation, rule->region)->code, ==, "140100");
  g_assert_cmpint (rule->centralized_days, ==, 3);
  g_assert_cmpint (rule->home_days, ==, 4);
  g_assert_cmpuint (rule->n_test_days, ==, 0);
  g_assert_cmpint (sitroom_situation_get_rule (situation, 6)->code, ==, SITROOM_HEALTH_CODE_BLUE);
  for (guint i = 0; i < sitroom_situation_get_n_rules (situation); i++)
    g_assert_nonnull (sitroom_situation_get_rule (situation, i)->text.en);

  g_assert_true (sitroom_situation_is_illustrative (situation, "quarantine_cohorts"));
  g_assert_true (sitroom_situation_is_illustrative (situation, "quarantine_sites"));
  g_assert_false (sitroom_situation_is_illustrative (situation, "quarantine_rules"));

  /* Each centralized site's occupants, all accounted for by cohorts under
   * the high-risk rule, all still inside at as_of. */
  g_assert_cmpuint (sitroom_situation_get_n_cohorts (situation), ==, 16);
  inside = g_new0 (gint64, sitroom_situation_get_n_sites (situation));
  for (guint i = 0; i < sitroom_situation_get_n_cohorts (situation); i++)
    {
      const SitroomCohort *cohort = sitroom_situation_get_cohort (situation, i);

      if (i > 0)
        g_assert_cmpint (sitroom_situation_get_cohort (situation, i - 1)->entered_at, <=, cohort->entered_at);
      g_assert_cmpint (cohort->rule, ==, 0);
      g_assert_cmpint (cohort->entered_at, <=, as_of);
      g_assert_cmpint (sitroom_situation_get_site (situation, cohort->site)->kind, ==, SITROOM_SITE_CENTRALIZED);
      inside[cohort->site] += cohort->people;
    }
  for (guint i = 0; i < sitroom_situation_get_n_sites (situation); i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);

      g_assert_cmpint (inside[i], ==, site->kind == SITROOM_SITE_CENTRALIZED ? site->occupied : 0);
    }
  g_assert_cmpint (sitroom_situation_get_cohort (situation, 0)->people, ==, 71);
  g_assert_cmpint (sitroom_situation_get_cohort (situation, 0)->entered_at, ==,
                   sitroom_test_demo_at ("2022-08-17T20:00:00+08:00"));

  /* The two warnings it always had, and none about its cohorts. */
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (((SitroomProblem *) g_ptr_array_index (warnings, 0))->path, ==, "/chains/2");
  g_assert_cmpstr (((SitroomProblem *) g_ptr_array_index (warnings, 1))->path, ==, "/quarantine_sites/3");
}

/* ---- refusals ---- */

typedef struct {
  const char *name;
  const char *json;
  const char *path;
  const char *message;
  guint n_errors;
} Refusal;

static const Refusal refusals[] = {
  { "negative-days", RULE ("'centralized_days': -1, 'home_days': 0"),
    "/quarantine_rules/0/centralized_days", "expected a whole number of days from 0 to 365, found the number -1", 1 },
  { "minus-zero-days", RULE ("'centralized_days': 0, 'home_days': -0"),
    "/quarantine_rules/0/home_days", "found the number -0", 1 },
  { "days-over-365", RULE ("'centralized_days': 7, 'home_days': 366"),
    "/quarantine_rules/0/home_days", "expected a whole number of days from 0 to 365, found the number 366", 1 },
  { "fractional-days", RULE ("'centralized_days': 1.5, 'home_days': 0"),
    "/quarantine_rules/0/centralized_days", "found the number 1.5", 1 },
  { "days-point-zero", RULE ("'centralized_days': 7.0, 'home_days': 0"),
    "/quarantine_rules/0/centralized_days", "found the number 7.0", 1 },
  { "days-in-a-string", RULE ("'centralized_days': '7', 'home_days': 0"),
    "/quarantine_rules/0/centralized_days", "found the string “7”", 1 },
  { "days-null", RULE ("'centralized_days': null, 'home_days': 0"),
    "/quarantine_rules/0/centralized_days", "found null", 1 },
  { "test-day-zero", RULE (DAYS ", 'test_days': [0, 1]"),
    "/quarantine_rules/0/test_days/0", "expected a day from 1 (the day of entry) to 730, found the number 0", 1 },
  { "test-day-past-the-end", RULE (DAYS ", 'test_days': [1, 7, 8]"),
    "/quarantine_rules/0/test_days/2", "day 8 is past the end of the rule (centralized days: 7, home days: 0)", 1 },
  /* Members in any order: the length is known only after the test days. */
  { "test-day-past-the-end-first", DOC ("'quarantine_rules': [{'test_days': [3, 4, 5], 'id': 'r1', "
                                        "'centralized_days': 1, 'home_days': 2, " TEXT "}]"),
    "/quarantine_rules/0/test_days/1", "day 4 is past the end of the rule (centralized days: 1, home days: 2)", 2 },
  { "test-days-not-ascending", RULE (DAYS ", 'test_days': [1, 3, 2]"),
    "/quarantine_rules/0/test_days/2", "day 2 comes after day 3; test days are listed in ascending order, each once", 1 },
  { "test-day-twice", RULE (DAYS ", 'test_days': [1, 1]"),
    "/quarantine_rules/0/test_days/1", "day 1 comes after day 1", 1 },
  { "test-days-not-a-list", RULE (DAYS ", 'test_days': 7"),
    "/quarantine_rules/0/test_days", "expected an array of days, found the number 7", 1 },
  { "test-day-fractional", RULE (DAYS ", 'test_days': [1, 2.5]"),
    "/quarantine_rules/0/test_days/1", "found the number 2.5", 1 },
  { "unknown-code", RULE (DAYS ", 'code': 'orange'"),
    "/quarantine_rules/0/code", "unknown health code “orange”; expected one of red, yellow, blue, green", 1 },
  { "code-none-spelled", RULE (DAYS ", 'code': 'none'"),
    "/quarantine_rules/0/code", "unknown health code “none”", 1 },
  { "two-defaults", DOC ("'quarantine_rules': [{'id': 'a', " DAYS ", " TEXT ", 'default': true}, "
                         "{'id': 'b', " DAYS ", " TEXT ", 'default': false}, "
                         "{'id': 'c', " DAYS ", " TEXT ", 'default': true}]"),
    "/quarantine_rules/2/default", "only one rule may be the default, and /quarantine_rules/0 already is", 1 },
  { "default-not-boolean", RULE (DAYS ", 'default': 1"),
    "/quarantine_rules/0/default", "expected true or false, found the number 1", 1 },
  { "duplicate-rule-id", DOC ("'quarantine_rules': [{'id': 'r1', " DAYS ", " TEXT "}, {'id': 'r1', " DAYS ", " TEXT "}]"),
    "/quarantine_rules/1/id", "duplicate id “r1”; it is first used by /quarantine_rules/0", 1 },
  { "rule-unknown-region", RULE (DAYS ", 'region': '149999'"),
    "/quarantine_rules/0/region", "unknown region code 149999", 1 },
  { "rule-missing-members", DOC ("'quarantine_rules': [{}]"),
    "/quarantine_rules/0/id", "this required member is missing", 4 },
  { "text-null", DOC ("'quarantine_rules': [{'id': 'r1', " DAYS ", 'text': null}]"),
    "/quarantine_rules/0/text", "found null", 1 },
  { "member-twice", RULE (DAYS ", 'text': {'zh': '又'}"),
    "/quarantine_rules/0/text", "the member “text” appears more than once", 1 },
  { "rules-not-a-list", DOC ("'quarantine_rules': {}"),
    "/quarantine_rules", "expected an array, found an object", 1 },
  { "rule-not-an-object", DOC ("'quarantine_rules': ['r1']"),
    "/quarantine_rules/0", "expected an object, found the string “r1”", 1 },
  { "cohort-unknown-rule", COHORT (COHORT_FIELDS ("s1", "r9", "2022-08-19T10:00:00+08:00", "10")),
    "/quarantine_cohorts/0/rule", "unknown rule “r9”", 1 },
  { "cohort-unknown-site", COHORT (COHORT_FIELDS ("s9", "r1", "2022-08-19T10:00:00+08:00", "10")),
    "/quarantine_cohorts/0/site", "unknown quarantine site “s9”", 1 },
  /* Rules are not sites, sites are not rules. */
  { "cohort-crossed-ids", COHORT (COHORT_FIELDS ("r1", "s1", "2022-08-19T10:00:00+08:00", "10")),
    "/quarantine_cohorts/0/site", "unknown quarantine site “r1”", 2 },
  { "cohort-after-as-of", COHORT (COHORT_FIELDS ("s1", "r1", "2022-08-20T13:00:01+08:00", "10")),
    "/quarantine_cohorts/0/entered_at",
    "entered at 2022-08-20T13:00:01+08:00, after the document’s as_of 2022-08-20T13:00:00+08:00", 1 },
  { "cohort-negative-people", COHORT (COHORT_FIELDS ("s1", "r1", "2022-08-19T10:00:00+08:00", "-3")),
    "/quarantine_cohorts/0/people", "expected a whole number from 0 to 1000000000, found the number -3", 1 },
  { "cohort-bad-time", COHORT (COHORT_FIELDS ("s1", "r1", "2022-08-19 10:00", "10")),
    "/quarantine_cohorts/0/entered_at", "expected an RFC 3339 time with an offset", 1 },
  { "cohort-empty-rule", COHORT (COHORT_FIELDS ("s1", "", "2022-08-19T10:00:00+08:00", "10")),
    "/quarantine_cohorts/0/rule", "must not be empty", 1 },
  { "cohort-missing-members", COHORT (""),
    "/quarantine_cohorts/0/site", "this required member is missing", 4 },
  { "cohort-rule-missing", COHORT ("'site': 's1', 'entered_at': '2022-08-19T10:00:00+08:00', 'people': 1"),
    "/quarantine_cohorts/0/rule", "this required member is missing", 1 },
  /* Every problem of the two sections in one pass, errors in document order. */
  { "all-in-one-pass", DOC (SITES ", 'quarantine_rules': [{'id': 'r1', 'centralized_days': -7, 'home_days': 0, "
                            TEXT ", 'code': 'purple'}], 'quarantine_cohorts': ["
                            "{" COHORT_FIELDS ("s1", "r2", "2022-08-19T10:00:00+08:00", "10") "}, "
                            "{" COHORT_FIELDS ("s2", "r1", "2022-08-21T10:00:00+08:00", "10") "}]"),
    "/quarantine_rules/0/centralized_days", "found the number -7", 5 },
};

/* Problems a refusal leaves in shared state would show in the next document
 * read: the one refused before must change nothing in a good one, loaded
 * before or after. */
static const char *good_json = DOC (SITES ", 'quarantine_rules': ["
                                    "{'id': 'r1', " DAYS ", " TEXT ", 'code': 'red', 'test_days': [1, 2], 'default': true}, "
                                    "{'id': 'r2', 'centralized_days': 3, 'home_days': 4, " TEXT "}], "
                                    "'quarantine_cohorts': [{" COHORT_FIELDS ("s1", "r2", "2022-08-19T10:00:00+08:00", "10") "}, "
                                    "{" COHORT_FIELDS ("s1", "r1", "2022-08-18T10:00:00+08:00", "20") "}]");

static void
test_refusal (gconstpointer data)
{
  const Refusal *refusal = &refusals[GPOINTER_TO_UINT (data)];
  g_autoptr(SitroomSituation) before = assert_accepted (good_json, NULL);
  g_autoptr(SitroomSituation) after = NULL;
  g_autoptr(SitroomSituation) refused = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = describe (before);
  g_autofree char *first = NULL;
  g_autofree char *described = NULL;
  SitroomProblem *problem;
  guint n_errors = 0;

  g_test_message ("%s", refusal->json);
  refused = load (refusal->json, &problems, &error);
  g_assert_null (refused);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID);
  g_test_message ("→ %s", error->message);

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, SITROOM_PROBLEM_ERROR);
  g_assert_cmpstr (problem->path, ==, refusal->path);
  g_assert_nonnull (strstr (problem->message, refusal->message));
  for (guint i = 0; i < problems->len; i++)
    if (((SitroomProblem *) g_ptr_array_index (problems, i))->severity == SITROOM_PROBLEM_ERROR)
      n_errors++;
  g_assert_cmpuint (n_errors, ==, refusal->n_errors);
  /* The error names the path, as the window and the command line show it. */
  first = sitroom_problem_to_string (problem);
  g_assert_true (g_str_has_prefix (error->message, first));

  described = describe (before);
  g_assert_cmpstr (described, ==, expected);
  after = assert_accepted (good_json, NULL);
  g_clear_pointer (&described, g_free);
  described = describe (after);
  g_assert_cmpstr (described, ==, expected);
  g_assert_cmpint (sitroom_situation_get_default_rule (after), ==, 0);
}

/* ---- the sites' figures ---- */

static guint
count_warnings_at (GPtrArray  *problems,
                   const char *path)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      SitroomProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == SITROOM_PROBLEM_WARNING && g_strcmp0 (problem->path, path) == 0)
        n++;
    }
  return n;
}

/* Site s1 has 50 occupied; r1 keeps people 7 days, r0 none. */
#define WITH_COHORTS(cohorts) DOC (SITES ", 'quarantine_rules': [{'id': 'r1', " DAYS ", " TEXT "}, " \
                                   "{'id': 'r0', 'centralized_days': 0, 'home_days': 7, " TEXT "}], " \
                                   "'quarantine_cohorts': [" cohorts "]")

static void
test_warning_over_full_cohorts (void)
{
  g_autoptr(SitroomSituation) over = NULL;
  g_autoptr(SitroomSituation) released = NULL;
  g_autoptr(SitroomSituation) just_inside = NULL;
  g_autoptr(SitroomSituation) at_home = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  SitroomProblem *problem;

  over = assert_accepted (WITH_COHORTS ("{" COHORT_FIELDS ("s1", "r1", "2022-08-19T10:00:00+08:00", "30") "}, "
                                        "{" COHORT_FIELDS ("s1", "r1", "2022-08-20T13:00:00+08:00", "25") "}"),
                          &warnings);
  /* Kept, with the warning. */
  g_assert_cmpuint (sitroom_situation_get_n_cohorts (over), ==, 2);
  g_assert_cmpuint (warnings->len, ==, 1);
  problem = g_ptr_array_index (warnings, 0);
  g_assert_cmpstr (problem->path, ==, "/quarantine_sites/0/occupied");
  g_assert_cmpstr (problem->message, ==,
                   "the site’s cohorts still inside at as_of add up to 55 people, more than its occupied figure, 50");
  g_assert_cmpuint (sitroom_situation_get_warnings (over)->len, ==, 1);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Exactly 7 days before as_of: left at as_of, no longer counted. */
  released = assert_accepted (WITH_COHORTS ("{" COHORT_FIELDS ("s1", "r1", "2022-08-13T13:00:00+08:00", "30") "}, "
                                            "{" COHORT_FIELDS ("s1", "r1", "2022-08-20T13:00:00+08:00", "25") "}"),
                              &warnings);
  g_assert_cmpuint (count_warnings_at (warnings, "/quarantine_sites/0/occupied"), ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* One second later: still inside. */
  just_inside = assert_accepted (WITH_COHORTS ("{" COHORT_FIELDS ("s1", "r1", "2022-08-13T05:00:01Z", "30") "}, "
                                               "{" COHORT_FIELDS ("s1", "r1", "2022-08-20T13:00:00+08:00", "25") "}"),
                                 &warnings);
  g_assert_cmpuint (count_warnings_at (warnings, "/quarantine_sites/0/occupied"), ==, 1);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* A rule without centralized days puts no one inside a site; and exactly
   * the occupied figure is not too many. */
  at_home = assert_accepted (WITH_COHORTS ("{" COHORT_FIELDS ("s1", "r0", "2022-08-20T10:00:00+08:00", "500") "}, "
                                           "{" COHORT_FIELDS ("s1", "r1", "2022-08-20T10:00:00+08:00", "50") "}"),
                             &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quarantine-rules/rules/parsed", test_rules_parsed);
  g_test_add_func ("/quarantine-rules/rules/default", test_default_rule);
  g_test_add_func ("/quarantine-rules/rules/without-sections", test_without_sections);
  g_test_add_func ("/quarantine-rules/cohorts/order", test_cohort_order);
  g_test_add_func ("/quarantine-rules/sections/any-order", test_any_order);
  g_test_add_func ("/quarantine-rules/demo", test_demo);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/quarantine-rules/refused/%s", refusals[i].name);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_refusal);
    }
  g_test_add_func ("/quarantine-rules/warning/over-full-cohorts", test_warning_over_full_cohorts);

  return g_test_run ();
}
