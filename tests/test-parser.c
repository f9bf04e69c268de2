/* Tests of reading a situation document: every refusal with its path, every warning, and the index built. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sitroom-error.h"
#include "sitroom-regions.h"
#include "sitroom-situation.h"
#include "sitroom-time.h"

/* Documents are written with single quotes, which are turned into double
 * quotes before parsing, to keep them readable here. */
#define HEAD "{'format': 'sitroom/1', 'as_of': '2022-08-20T13:00:00+08:00', "
#define DOC(body) HEAD body "}"
#define CHAIN "{'id': 'c1', 'label': '8·17', 'title': {'zh': '链', 'en': 'Chain'}}"
#define CASE_FIELDS "'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140500', 'chain': 'c1', " \
                    "'classification': 'mild', 'status': 'hospitalized'"
#define CASE "{'id': 'k1', " CASE_FIELDS "}"
#define WITH_CASE(chain_fields) DOC ("'chains': [{'id': 'c1', 'label': 'L', 'title': {'zh': '链'}, " chain_fields "}], " \
                                     "'cases': [" CASE "]")
#define SITE(fields) DOC ("'quarantine_sites': [{'id': 's1', 'region': '140100', 'kind': 'centralized', " \
                          "'name': {'zh': '点'}, " fields "}]")
#define MEASURE(fields) DOC ("'measures': [{'id': 'm1', 'region': '140322', 'kind': 'static_management', " \
                             "'text': {'zh': '管'}, " fields "}]")
#define EVENT(fields) WITH_CASE ("'events': [{'at': '2022-08-17T20:00:00+08:00', " fields "}]")

static char *
unquote (const char *json)
{
  char *copy = g_strdup (json);

  g_strdelimit (copy, "'", '"');
  return copy;
}

static SitroomSituation *
load (const char               *json,
      const SitroomLoadOptions *options,
      GPtrArray               **problems,
      GError                  **error)
{
  g_autofree char *text = unquote (json);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return sitroom_situation_new_from_bytes (bytes, options, problems, error);
}

static SitroomSituation *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SitroomSituation *situation;

  file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (file);
  situation = sitroom_situation_new_from_bytes (bytes, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (situation);
  g_assert_nonnull (problems);
  return situation;
}

static guint
count_severity (GPtrArray              *problems,
                SitroomProblemSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    if (((SitroomProblem *) g_ptr_array_index (problems, i))->severity == severity)
      n++;
  return n;
}

static SitroomSituation *
assert_accepted (const char               *json,
                 const SitroomLoadOptions *options,
                 GPtrArray               **warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SitroomSituation *situation = load (json, options, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (situation);
  g_assert_nonnull (problems);
  g_assert_cmpuint (count_severity (problems, SITROOM_PROBLEM_ERROR), ==, 0);
  /* The warnings handed out are those the situation keeps. */
  g_assert_cmpuint (problems->len, ==, sitroom_situation_get_warnings (situation)->len);
  for (guint i = 0; i < problems->len; i++)
    {
      SitroomProblem *a = g_ptr_array_index (problems, i);
      SitroomProblem *b = g_ptr_array_index (sitroom_situation_get_warnings (situation), i);

      g_assert_cmpstr (a->path, ==, b->path);
      g_assert_cmpstr (a->message, ==, b->message);
    }
  if (warnings != NULL)
    *warnings = g_steal_pointer (&problems);
  return situation;
}

/* Refused with @code; the first problem is an error at exactly @path whose
 * message contains @message, and the GError starts with "PATH: message". */
static void
assert_refused (const char               *json,
                const SitroomLoadOptions *options,
                int                       code,
                const char               *path,
                const char               *message,
                guint                     n_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  g_autofree char *first = NULL;
  SitroomProblem *problem;

  g_test_message ("%s", json);
  situation = load (json, options, &problems, &error);
  g_assert_null (situation);
  g_assert_error (error, SITROOM_FEED_ERROR, code);
  g_test_message ("→ %s", error->message);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, SITROOM_PROBLEM_ERROR);
  g_assert_cmpstr (problem->path, ==, path);
  g_assert_nonnull (strstr (problem->message, message));
  if (n_errors > 0)
    g_assert_cmpuint (count_severity (problems, SITROOM_PROBLEM_ERROR), ==, n_errors);

  first = sitroom_problem_to_string (problem);
  g_assert_true (g_str_has_prefix (error->message, first));
}

static void
assert_problem (GPtrArray              *problems,
                SitroomProblemSeverity  severity,
                const char             *path,
                const char             *message)
{
  for (guint i = 0; i < problems->len; i++)
    {
      SitroomProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == severity && g_strcmp0 (problem->path, path) == 0
          && strstr (problem->message, message) != NULL)
        return;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = sitroom_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("have: %s", text);
    }
  g_error ("no %s at %s containing “%s”",
           severity == SITROOM_PROBLEM_ERROR ? "error" : "warning", path, message);
}

static void
assert_no_problem_at (GPtrArray  *problems,
                      const char *path)
{
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpstr (((SitroomProblem *) g_ptr_array_index (problems, i))->path, !=, path);
}

static gint64
time_of (const char *text)
{
  gint64 time;

  g_assert_true (sitroom_time_parse (text, &time, NULL));
  return time;
}

/* ---- valid documents ---- */

static void
test_minimal (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  const SitroomRegions *builtin = sitroom_regions_get_builtin ();
  const int *prefectures;
  guint n_prefectures;

  situation = assert_accepted ("{'format': 'sitroom/1', 'as_of': '2022-08-20T13:00:00+08:00'}", NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpint (sitroom_situation_get_as_of (situation), ==, time_of ("2022-08-20T05:00:00Z"));
  g_assert_cmpint (sitroom_situation_get_as_of_offset (situation), ==, 8 * 3600);
  g_assert_null (sitroom_situation_get_publisher (situation));
  g_assert_nonnull (sitroom_situation_get_illustrative (situation));
  g_assert_null (sitroom_situation_get_illustrative (situation)[0]);
  g_assert_false (sitroom_situation_is_illustrative (situation, "quarantine_sites"));
  g_assert_cmpuint (sitroom_situation_get_n_chains (situation), ==, 0);
  g_assert_cmpuint (sitroom_situation_get_n_cases (situation), ==, 0);
  g_assert_cmpuint (sitroom_situation_get_n_sites (situation), ==, 0);
  g_assert_cmpuint (sitroom_situation_get_n_measures (situation), ==, 0);
  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, G_MAXINT64), ==, 0);
  g_assert_cmpuint (sitroom_situation_get_warnings (situation)->len, ==, 0);

  /* Every built-in region, in the table's order. */
  g_assert_cmpuint (sitroom_situation_get_n_regions (situation), ==, sitroom_regions_get_n (builtin));
  for (guint i = 0; i < sitroom_regions_get_n (builtin); i++)
    g_assert_cmpstr (sitroom_situation_get_region (situation, i)->code, ==,
                     sitroom_regions_get (builtin, i)->code);

  prefectures = sitroom_situation_get_prefectures (situation, &n_prefectures);
  g_assert_cmpuint (n_prefectures, ==, 11);
  g_assert_cmpstr (sitroom_situation_get_region (situation, prefectures[0])->code, ==, "140100");
  g_assert_cmpstr (sitroom_situation_get_region (situation, prefectures[10])->code, ==, "141100");
  for (guint i = 1; i < n_prefectures; i++)
    g_assert_cmpint (strcmp (sitroom_situation_get_region (situation, prefectures[i - 1])->code,
                             sitroom_situation_get_region (situation, prefectures[i])->code), <, 0);
}

static void
test_as_of_offsets (void)
{
  g_autoptr(SitroomSituation) utc = NULL;
  g_autoptr(SitroomSituation) minor = NULL;

  utc = assert_accepted ("{'format': 'sitroom/1', 'as_of': '2022-08-20T05:00:00Z'}", NULL, NULL);
  g_assert_cmpint (sitroom_situation_get_as_of_offset (utc), ==, 0);
  g_assert_cmpint (sitroom_situation_get_as_of (utc), ==, time_of ("2022-08-20T13:00:00+08:00"));

  /* Minor versions are compatible. */
  minor = assert_accepted ("{'format': 'sitroom/1.7', 'as_of': '2022-08-20T13:00:00-05:30'}", NULL, NULL);
  g_assert_cmpint (sitroom_situation_get_as_of_offset (minor), ==, -(5 * 3600 + 1800));
}

static void
test_feed_example (void)
{
  g_autoptr(SitroomSituation) situation = load_fixture ("feed-example.json");
  const SitroomRegions *builtin = sitroom_regions_get_builtin ();
  const SitroomText *publisher;
  const SitroomChain *chain;
  const SitroomCase *item;
  const SitroomSite *site;
  const SitroomMeasure *measure;
  const SitroomRegion *yu;
  int yu_index;

  g_assert_cmpuint (sitroom_situation_get_warnings (situation)->len, ==, 0);
  g_assert_cmpint (sitroom_situation_get_as_of (situation), ==, time_of ("2022-08-20T13:00:00+08:00"));

  publisher = sitroom_situation_get_publisher (situation);
  g_assert_cmpstr (publisher->zh, ==, "山西省卫生健康委员会");
  g_assert_cmpstr (publisher->en, ==, "Shanxi Health Commission");
  g_assert_true (sitroom_situation_is_illustrative (situation, "quarantine_sites"));
  g_assert_false (sitroom_situation_is_illustrative (situation, "cases"));
  g_assert_cmpstr (sitroom_situation_get_illustrative (situation)[0], ==, "quarantine_sites");

  /* 140322 is built in: its declaration adds nothing. */
  g_assert_cmpuint (sitroom_situation_get_n_regions (situation), ==, sitroom_regions_get_n (builtin));
  yu_index = sitroom_situation_lookup_region (situation, "140322");
  g_assert_cmpint (yu_index, ==, sitroom_regions_lookup (builtin, "140322"));
  yu = sitroom_situation_get_region (situation, yu_index);
  g_assert_false (yu->from_feed);
  g_assert_cmpint (yu->prefecture, ==, sitroom_situation_lookup_region (situation, "140300"));

  g_assert_cmpuint (sitroom_situation_get_n_chains (situation), ==, 1);
  g_assert_cmpint (sitroom_situation_lookup_chain (situation, "0817-z22"), ==, 0);
  g_assert_cmpint (sitroom_situation_lookup_chain (situation, "nope"), ==, -1);
  chain = sitroom_situation_get_chain (situation, 0);
  g_assert_cmpstr (chain->id, ==, "0817-z22");
  g_assert_cmpstr (chain->label, ==, "8·17");
  g_assert_cmpstr (chain->title.zh, ==, "Z22列车“8·17”关联疫情");
  g_assert_cmpstr (chain->title.en, ==, "Train Z22 \"8·17\" chain");
  g_assert_cmpint (chain->first_reported, ==, time_of ("2022-08-17T00:00:00+08:00"));
  g_assert_cmpint (chain->close_contacts, ==, 0);
  g_assert_cmpint (chain->secondary_contacts, ==, 0);
  g_assert_cmpuint (chain->n_events, ==, 1);
  g_assert_cmpint (chain->events[0].at, ==, time_of ("2022-08-17T20:00:00+08:00"));
  g_assert_cmpint (chain->events[0].region, ==, sitroom_situation_lookup_region (situation, "140100"));
  g_assert_cmpint (chain->events[0].kind, ==, SITROOM_EVENT_QUARANTINE);
  g_assert_cmpint (chain->events[0].people, ==, 78);
  g_assert_cmpstr (chain->events[0].text.zh, ==, "78名下车旅客全部集中隔离");
  g_assert_cmpstr (chain->events[0].text.en, ==, "All 78 alighting passengers put in centralized quarantine");

  g_assert_cmpuint (sitroom_situation_get_n_cases (situation), ==, 1);
  item = sitroom_situation_get_case (situation, 0);
  g_assert_cmpstr (item->id, ==, "c-0001");
  g_assert_cmpint (item->reported_at, ==, time_of ("2022-08-18T09:00:00+08:00"));
  g_assert_cmpint (item->region, ==, sitroom_situation_lookup_region (situation, "140500"));
  g_assert_cmpint (item->chain, ==, 0);
  g_assert_cmpint (item->classification, ==, SITROOM_CLASS_MILD);
  g_assert_cmpint (item->status, ==, SITROOM_STATUS_HOSPITALIZED);
  g_assert_true (item->imported);

  g_assert_cmpuint (sitroom_situation_get_n_sites (situation), ==, 1);
  site = sitroom_situation_get_site (situation, 0);
  g_assert_cmpstr (site->id, ==, "ty-01");
  g_assert_cmpint (site->region, ==, sitroom_situation_lookup_region (situation, "140100"));
  g_assert_cmpint (site->kind, ==, SITROOM_SITE_CENTRALIZED);
  g_assert_cmpstr (site->name.zh, ==, "太原市第一集中隔离点");
  g_assert_cmpstr (site->name.en, ==, "Taiyuan site 1");
  g_assert_cmpint (site->capacity, ==, 600);
  g_assert_cmpint (site->occupied, ==, 78);
  g_assert_cmpint (site->updated_at, ==, time_of ("2022-08-20T12:00:00+08:00"));

  g_assert_cmpuint (sitroom_situation_get_n_measures (situation), ==, 1);
  measure = sitroom_situation_get_measure (situation, 0);
  g_assert_cmpstr (measure->id, ==, "m-yu-static");
  g_assert_cmpint (measure->region, ==, yu_index);
  g_assert_cmpint (measure->kind, ==, SITROOM_MEASURE_STATIC_MANAGEMENT);
  g_assert_cmpint (measure->from, ==, time_of ("2022-08-20T12:00:00+08:00"));
  g_assert_cmpint (measure->until, ==, SITROOM_TIME_NONE);
  g_assert_cmpstr (measure->text.zh, ==, "盂县全域静态管理");
}

static void
test_unknown_members (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  situation = assert_accepted (DOC ("'future': {'deep': [1, {'x': [true, null]}], 'cases': 5}, "
                                    "'publisher': {'zh': '委', 'fr': 'Commission', 'de': 7}, "
                                    "'regions': [{'code': '990100', 'level': 'prefecture', 'name': {'zh': '市'}, 'population': 5}], "
                                    "'chains': [{'id': 'c1', 'label': 'L', 'title': {'zh': '链'}, 'colour': 'red', "
                                    "  'contacts': {'close': 3, 'tertiary': 9}, "
                                    "  'events': [{'at': '2022-08-17T20:00:00+08:00', 'kind': 'note', 'source': 'x', "
                                    "             'text': {'zh': '注', 'en': 'Note', 'ja': '注'}}]}], "
                                    "'cases': [{'id': 'k1', " CASE_FIELDS ", 'age': 34, 'tags': ['a']}], "
                                    "'quarantine_sites': [{'id': 's1', 'region': '140100', 'kind': 'home', "
                                    "  'name': {'zh': '家'}, 'capacity': 1, 'occupied': 1, 'phone': '123'}], "
                                    "'measures': [{'id': 'm1', 'region': '140100', 'kind': 'other', "
                                    "  'from': '2022-08-20T00:00:00+08:00', 'text': {'zh': '管'}, 'level': 3}], "
                                    "'totals': {'positives': 1, 'deaths': 0}"),
                               NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (sitroom_situation_get_publisher (situation)->zh, ==, "委");
  g_assert_null (sitroom_situation_get_publisher (situation)->en);
  g_assert_cmpint (sitroom_situation_get_chain (situation, 0)->close_contacts, ==, 3);
  /* Not given is not zero: the window shows a dash, not a figure nobody reported. */
  g_assert_cmpint (sitroom_situation_get_chain (situation, 0)->secondary_contacts, ==, SITROOM_COUNT_NONE);
  g_assert_cmpuint (sitroom_situation_get_n_cases (situation), ==, 1);
}

/* null stands for an optional member left out. */
static void
test_null_optional (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  const SitroomChain *chain;

  situation = assert_accepted (DOC ("'publisher': null, 'illustrative': null, 'regions': null, 'totals': null, "
                                    "'quarantine_sites': null, "
                                    "'chains': [{'id': 'c1', 'label': '', 'title': {'zh': '链', 'en': null}, "
                                    "  'first_reported': null, 'contacts': null, 'positives': null, "
                                    "  'events': [{'at': '2022-08-17T20:00:00+08:00', 'kind': 'note', 'region': null, "
                                    "             'people': null, 'text': {'zh': '注', 'en': 'Note'}}]}], "
                                    "'cases': [{'id': 'k1', " CASE_FIELDS ", 'imported': null}], "
                                    "'measures': [{'id': 'm1', 'region': '140100', 'kind': 'other', "
                                    "  'from': '2022-08-20T00:00:00+08:00', 'until': null, 'text': {'zh': '管'}}]"),
                               NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_null (sitroom_situation_get_publisher (situation));
  chain = sitroom_situation_get_chain (situation, 0);
  g_assert_cmpstr (chain->label, ==, "");
  g_assert_null (chain->title.en);
  g_assert_cmpint (chain->first_reported, ==, SITROOM_TIME_NONE);
  g_assert_cmpint (chain->events[0].region, ==, -1);
  g_assert_cmpint (chain->events[0].people, ==, -1);
  g_assert_false (sitroom_situation_get_case (situation, 0)->imported);
  g_assert_cmpint (sitroom_situation_get_measure (situation, 0)->until, ==, SITROOM_TIME_NONE);
}

static void
test_byte_order_mark (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  const char *json = "\xEF\xBB\xBF{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\"}";

  bytes = g_bytes_new (json, strlen (json));
  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (situation);
}

/* A township under a county under a prefecture, all declared by the
 * document, and a township under a built-in county. */
static void
test_region_roll_up (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  const SitroomRegions *builtin = sitroom_regions_get_builtin ();
  const int *prefectures;
  guint n_prefectures;
  int prefecture, county, township, yu_township, dalian;

  situation = assert_accepted (DOC ("'regions': ["
                                    "  {'code': '990102', 'parent': '990101', 'level': 'township', 'name': {'zh': '镇'}},"
                                    "  {'code': '990101', 'parent': '990100', 'level': 'county', 'name': {'zh': '县'}, 'center': [100, 30]},"
                                    "  {'code': '990100', 'parent': '990000', 'level': 'prefecture', 'name': {'zh': '市', 'en': 'City'}},"
                                    "  {'code': '990000', 'level': 'province', 'name': {'zh': '省'}},"
                                    "  {'code': '140399', 'parent': '140322', 'level': 'township', 'name': {'zh': '盂县某镇'}},"
                                    "  {'code': '210200', 'level': 'prefecture', 'name': {'zh': '大连市'}}"
                                    "], 'chains': [" CHAIN "], "
                                    "'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '990102', "
                                    "           'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                                    "          {'id': 'k2', 'reported_at': '2022-08-18T10:00:00+08:00', 'region': '140399', "
                                    "           'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}]"),
                               NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (sitroom_situation_get_n_regions (situation), ==, sitroom_regions_get_n (builtin) + 6);

  prefecture = sitroom_situation_lookup_region (situation, "990100");
  county = sitroom_situation_lookup_region (situation, "990101");
  township = sitroom_situation_lookup_region (situation, "990102");
  yu_township = sitroom_situation_lookup_region (situation, "140399");
  dalian = sitroom_situation_lookup_region (situation, "210200");

  /* The document's regions follow the built-in ones, in document order. */
  g_assert_cmpint (township, ==, (int) sitroom_regions_get_n (builtin));
  g_assert_cmpint (county, ==, township + 1);
  g_assert_true (sitroom_situation_get_region (situation, township)->from_feed);
  g_assert_cmpint (sitroom_situation_get_region (situation, township)->level, ==, SITROOM_LEVEL_TOWNSHIP);
  g_assert_cmpstr (sitroom_situation_get_region (situation, township)->parent, ==, "990101");

  g_assert_cmpint (sitroom_situation_get_region (situation, township)->prefecture, ==, prefecture);
  g_assert_cmpint (sitroom_situation_get_region (situation, county)->prefecture, ==, prefecture);
  g_assert_cmpint (sitroom_situation_get_region (situation, prefecture)->prefecture, ==, prefecture);
  g_assert_cmpint (sitroom_situation_get_region (situation, sitroom_situation_lookup_region (situation, "990000"))->prefecture, ==, -1);
  g_assert_cmpint (sitroom_situation_get_region (situation, yu_township)->prefecture, ==,
                   sitroom_situation_lookup_region (situation, "140300"));
  g_assert_true (sitroom_situation_get_region (situation, county)->has_center);
  g_assert_cmpfloat (sitroom_situation_get_region (situation, county)->lon, ==, 100.0);

  g_assert_cmpint (sitroom_situation_get_case (situation, 0)->region, ==, township);
  g_assert_cmpint (sitroom_situation_get_region (situation, sitroom_situation_get_case (situation, 0)->region)->prefecture, ==, prefecture);
  g_assert_cmpint (sitroom_situation_get_region (situation, sitroom_situation_get_case (situation, 1)->region)->prefecture, ==,
                   sitroom_situation_lookup_region (situation, "140300"));

  /* The prefectures, built-in and added, in code order. */
  prefectures = sitroom_situation_get_prefectures (situation, &n_prefectures);
  g_assert_cmpuint (n_prefectures, ==, 13);
  g_assert_cmpint (prefectures[10], ==, sitroom_situation_lookup_region (situation, "141100"));
  g_assert_cmpint (prefectures[11], ==, dalian);
  g_assert_cmpint (prefectures[12], ==, prefecture);
}

static void
test_sorting (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  const SitroomChain *chain;
  static const char *order[] = { "k3", "k1", "k4", "k2", "k5" };

  situation = assert_accepted (DOC ("'chains': [{'id': 'c1', 'label': 'L', 'title': {'zh': '链'}, 'events': ["
                                    "  {'at': '2022-08-19T10:00:00+08:00', 'kind': 'note', 'people': 3, 'text': {'zh': '三', 'en': '3'}},"
                                    "  {'at': '2022-08-17T10:00:00+08:00', 'kind': 'note', 'people': 1, 'text': {'zh': '一', 'en': '1'}},"
                                    "  {'at': '2022-08-18T02:00:00Z', 'kind': 'note', 'people': 2, 'text': {'zh': '二', 'en': '2'}},"
                                    "  {'at': '2022-08-18T10:00:00+08:00', 'kind': 'test', 'people': 22, 'text': {'zh': '二', 'en': '2'}}]}],"
                                    "'cases': ["
                                    "  {'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                                    "  {'id': 'k2', 'reported_at': '2022-08-19T09:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                                    "  {'id': 'k3', 'reported_at': '2022-08-17T09:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                                    "  {'id': 'k4', 'reported_at': '2022-08-18T01:00:00Z', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                                    "  {'id': 'k5', 'reported_at': '2022-08-20T13:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'severe', 'status': 'died'}]"),
                               NULL, NULL);

  g_assert_cmpuint (sitroom_situation_get_n_cases (situation), ==, G_N_ELEMENTS (order));
  /* k1 and k4 are at the same instant, written with two offsets: document order. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (sitroom_situation_get_case (situation, i)->id, ==, order[i]);

  chain = sitroom_situation_get_chain (situation, 0);
  g_assert_cmpuint (chain->n_events, ==, 4);
  g_assert_cmpint (chain->events[0].people, ==, 1);
  g_assert_cmpint (chain->events[1].people, ==, 2);
  g_assert_cmpint (chain->events[2].people, ==, 22);
  g_assert_cmpint (chain->events[3].people, ==, 3);
}

static void
test_count_cases_until (void)
{
  g_autoptr(SitroomSituation) situation = NULL;

  situation = assert_accepted (DOC ("'chains': [" CHAIN "], 'cases': ["
                                    "  {'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                                    "  {'id': 'k2', 'reported_at': '2022-08-19T09:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                                    "  {'id': 'k3', 'reported_at': '2022-08-19T09:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                                    "  {'id': 'k4', 'reported_at': '2022-08-20T13:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}]"),
                               NULL, NULL);

  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, G_MININT64), ==, 0);
  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, time_of ("2022-08-18T08:59:59+08:00")), ==, 0);
  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, time_of ("2022-08-18T09:00:00+08:00")), ==, 1);
  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, time_of ("2022-08-19T08:59:59+08:00")), ==, 1);
  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, time_of ("2022-08-19T09:00:00+08:00")), ==, 3);
  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, time_of ("2022-08-20T12:59:59+08:00")), ==, 3);
  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, sitroom_situation_get_as_of (situation)), ==, 4);
  g_assert_cmpuint (sitroom_situation_count_cases_until (situation, G_MAXINT64), ==, 4);
}

/* ---- refusals ---- */

static const struct {
  const char *name;
  const char *json;
  int code;
  const char *path;
  const char *message;
  guint n_errors;
} refusals[] = {
  /* The document */
  { "root-array", "[]", SITROOM_FEED_ERROR_INVALID, "", "a situation document is a JSON object, but this is an array", 1 },
  { "root-string", "'sitroom/1'", SITROOM_FEED_ERROR_INVALID, "", "JSON object, but this is the string “sitroom/1”", 1 },
  { "format-missing", "{'as_of': '2022-08-20T13:00:00+08:00'}", SITROOM_FEED_ERROR_INVALID,
    "/format", "this required member is missing", 1 },
  { "format-other", "{'format': 'geojson', 'as_of': '2022-08-20T13:00:00+08:00'}", SITROOM_FEED_ERROR_INVALID,
    "/format", "expected \"sitroom/1\" (or \"sitroom/1.N\"), found the string “geojson”", 1 },
  { "format-not-number", "{'format': 'sitroom/one', 'as_of': '2022-08-20T13:00:00+08:00'}", SITROOM_FEED_ERROR_INVALID,
    "/format", "found the string “sitroom/one”", 1 },
  { "format-leading-zero", "{'format': 'sitroom/01', 'as_of': '2022-08-20T13:00:00+08:00'}", SITROOM_FEED_ERROR_INVALID,
    "/format", "found the string “sitroom/01”", 1 },
  { "format-dot", "{'format': 'sitroom/1.', 'as_of': '2022-08-20T13:00:00+08:00'}", SITROOM_FEED_ERROR_INVALID,
    "/format", "found the string “sitroom/1.”", 1 },
  { "format-type", "{'format': 1, 'as_of': '2022-08-20T13:00:00+08:00'}", SITROOM_FEED_ERROR_INVALID,
    "/format", "expected a string such as \"sitroom/1\", found the number 1", 1 },
  { "format-major-2", "{'format': 'sitroom/2', 'as_of': 5, 'cases': 7}", SITROOM_FEED_ERROR_FORMAT,
    "/format", "format sitroom/2 is not supported; this version reads sitroom/1", 1 },
  { "format-major-2-minor", "{'as_of': 5, 'format': 'sitroom/2.1'}", SITROOM_FEED_ERROR_FORMAT,
    "/format", "format sitroom/2.1 is not supported; this version reads sitroom/1", 1 },
  { "format-major-10", "{'format': 'sitroom/10', 'as_of': '2022-08-20T13:00:00+08:00'}", SITROOM_FEED_ERROR_FORMAT,
    "/format", "format sitroom/10 is not supported", 1 },
  { "as-of-missing", "{'format': 'sitroom/1'}", SITROOM_FEED_ERROR_INVALID, "/as_of", "this required member is missing", 1 },
  { "as-of-no-offset", "{'format': 'sitroom/1', 'as_of': '2022-08-20T13:00:00'}", SITROOM_FEED_ERROR_INVALID,
    "/as_of", "expected an RFC 3339 time with an offset, such as 2022-08-20T13:00:00+08:00, found the string “2022-08-20T13:00:00”", 1 },
  { "as-of-number", "{'format': 'sitroom/1', 'as_of': 1660971600}", SITROOM_FEED_ERROR_INVALID,
    "/as_of", "found the number 1660971600", 1 },
  { "member-twice", DOC ("'cases': [], 'cases': []"), SITROOM_FEED_ERROR_INVALID,
    "/cases", "the member “cases” appears more than once", 1 },
  { "section-type", DOC ("'cases': {}"), SITROOM_FEED_ERROR_INVALID, "/cases", "expected an array, found an object", 1 },
  { "element-type", DOC ("'cases': ['k1']"), SITROOM_FEED_ERROR_INVALID,
    "/cases/0", "expected an object, found the string “k1”", 1 },
  { "illustrative-type", DOC ("'illustrative': 'cases'"), SITROOM_FEED_ERROR_INVALID,
    "/illustrative", "expected an array, found the string “cases”", 1 },
  { "illustrative-element", DOC ("'illustrative': ['cases', 3]"), SITROOM_FEED_ERROR_INVALID,
    "/illustrative/1", "expected a string, found the number 3", 1 },
  { "publisher-type", DOC ("'publisher': 'Commission'"), SITROOM_FEED_ERROR_INVALID,
    "/publisher", "expected a text object such as {\"zh\": \"…\", \"en\": \"…\"}, found the string “Commission”", 1 },
  { "publisher-zh-missing", DOC ("'publisher': {'en': 'Commission'}"), SITROOM_FEED_ERROR_INVALID,
    "/publisher/zh", "this required member is missing", 1 },
  { "publisher-en-type", DOC ("'publisher': {'zh': '委', 'en': ['x']}"), SITROOM_FEED_ERROR_INVALID,
    "/publisher/en", "expected a string, found an array", 1 },
  { "totals-count", DOC ("'totals': {'positives': -1}"), SITROOM_FEED_ERROR_INVALID,
    "/totals/positives", "expected a whole number from 0 to 1000000000, found the number -1", 1 },
  { "totals-type", DOC ("'totals': [1, 2]"), SITROOM_FEED_ERROR_INVALID, "/totals", "expected an object, found an array", 1 },

  /* Cases */
  { "case-id-missing", DOC ("'chains': [" CHAIN "], 'cases': [{" CASE_FIELDS "}]"), SITROOM_FEED_ERROR_INVALID,
    "/cases/0/id", "this required member is missing", 1 },
  { "case-id-empty", DOC ("'chains': [" CHAIN "], 'cases': [{'id': '', " CASE_FIELDS "}]"), SITROOM_FEED_ERROR_INVALID,
    "/cases/0/id", "must not be empty", 1 },
  { "case-id-nul", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k\\u00001', " CASE_FIELDS "}]"), SITROOM_FEED_ERROR_INVALID,
    "/cases/0/id", "must not contain the character U+0000", 1 },
  { "case-id-number", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 1, " CASE_FIELDS "}]"), SITROOM_FEED_ERROR_INVALID,
    "/cases/0/id", "expected a non-empty string, found the number 1", 1 },
  { "case-id-duplicate", DOC ("'chains': [" CHAIN "], 'cases': [" CASE ", {'id': 'k2', " CASE_FIELDS "}, " CASE "]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/2/id", "duplicate id “k1”; it is first used by /cases/0", 1 },
  { "case-region-missing", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                                "'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/region", "this required member is missing", 1 },
  { "case-region-unknown", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                                "'region': '149999', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/region", "unknown region code 149999", 1 },
  { "case-region-five-digits", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                                    "'region': '14050', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/region", "expected a region code of six digits, in a string, found the string “14050”", 1 },
  { "case-region-number", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                               "'region': 140500, 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/region", "found the number 140500", 1 },
  { "case-chain-unknown", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                               "'region': '140500', 'chain': 'x', 'classification': 'mild', 'status': 'hospitalized'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/chain", "unknown chain “x”", 1 },
  { "case-chain-without-chains", DOC ("'cases': [" CASE "]"), SITROOM_FEED_ERROR_INVALID,
    "/cases/0/chain", "unknown chain “c1”", 1 },
  { "case-classification", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                                "'region': '140500', 'chain': 'c1', 'classification': 'light', 'status': 'hospitalized'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/classification",
    "unknown classification “light”; expected one of mild, moderate, severe, critical, asymptomatic", 1 },
  { "case-status", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                        "'region': '140500', 'chain': 'c1', 'classification': 'mild', 'status': 'dead'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/status",
    "unknown status “dead”; expected one of hospitalized, recovered, died, transferred_out, under_observation", 1 },
  { "case-status-missing", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                                "'region': '140500', 'chain': 'c1', 'classification': 'mild'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/status", "this required member is missing", 1 },
  { "case-imported", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', " CASE_FIELDS ", 'imported': 'yes'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/imported", "expected true or false, found the string “yes”", 1 },
  { "case-reported-after-as-of", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-21T09:00:00+08:00', "
                                      "'region': '140500', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/reported_at",
    "reported at 2022-08-21T09:00:00+08:00, after the document’s as_of 2022-08-20T13:00:00+08:00", 1 },
  { "case-reported-after-as-of-first", "{'cases': [{'id': 'k1', 'reported_at': '2022-08-20T05:00:01Z', "
                                       "'region': '140500', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}], "
                                       "'chains': [" CHAIN "], 'format': 'sitroom/1', 'as_of': '2022-08-20T13:00:00+08:00'}",
    SITROOM_FEED_ERROR_INVALID, "/cases/0/reported_at",
    "reported at 2022-08-20T05:00:01+00:00, after the document’s as_of 2022-08-20T13:00:00+08:00", 1 },
  { "case-member-twice", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1', " CASE_FIELDS ", 'region': '140100'}]"),
    SITROOM_FEED_ERROR_INVALID, "/cases/0/region", "the member “region” appears more than once", 1 },

  /* Counts */
  { "count-fraction", EVENT ("'kind': 'quarantine', 'people': 3.0, 'text': {'zh': '注', 'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/people", "expected a whole number from 0 to 1000000000, found the number 3.0", 1 },
  { "count-negative", EVENT ("'kind': 'quarantine', 'people': -1, 'text': {'zh': '注', 'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/people", "found the number -1", 1 },
  { "count-minus-zero", EVENT ("'kind': 'quarantine', 'people': -0, 'text': {'zh': '注', 'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/people", "found the number -0", 1 },
  { "count-exponent", EVENT ("'kind': 'quarantine', 'people': 1e10, 'text': {'zh': '注', 'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/people", "found the number 1e10", 1 },
  { "count-string", EVENT ("'kind': 'quarantine', 'people': '5', 'text': {'zh': '注', 'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/people", "found the string “5”", 1 },
  { "count-too-large", EVENT ("'kind': 'quarantine', 'people': 1000000001, 'text': {'zh': '注', 'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/people", "found the number 1000000001", 1 },
  { "count-huge", EVENT ("'kind': 'quarantine', 'people': 123456789012345678901234567890, 'text': {'zh': '注', 'en': 'x'}"),
    SITROOM_FEED_ERROR_INVALID, "/chains/0/events/0/people", "found the number 123456789012345678901234…", 1 },
  { "count-contacts", WITH_CASE ("'contacts': {'close': 34, 'secondary': 2.5}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/contacts/secondary", "found the number 2.5", 1 },
  { "count-capacity", SITE ("'capacity': -600, 'occupied': 78"), SITROOM_FEED_ERROR_INVALID,
    "/quarantine_sites/0/capacity", "found the number -600", 1 },
  { "count-positives", WITH_CASE ("'positives': true"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/positives", "expected a whole number from 0 to 1000000000, found true", 1 },

  /* Chains and events */
  { "chain-id-empty", DOC ("'chains': [{'id': '', 'label': 'L', 'title': {'zh': '链'}}]"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/id", "must not be empty", 1 },
  { "chain-id-duplicate", DOC ("'chains': [" CHAIN ", " CHAIN "], 'cases': [" CASE "]"), SITROOM_FEED_ERROR_INVALID,
    "/chains/1/id", "duplicate id “c1”; it is first used by /chains/0", 1 },
  { "chain-label-missing", DOC ("'chains': [{'id': 'c1', 'title': {'zh': '链'}}], 'cases': [" CASE "]"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/label", "this required member is missing", 1 },
  { "chain-title-type", DOC ("'chains': [{'id': 'c1', 'label': 'L', 'title': '链'}], 'cases': [" CASE "]"),
    SITROOM_FEED_ERROR_INVALID, "/chains/0/title", "expected a text object", 1 },
  { "chain-first-reported-after-as-of", WITH_CASE ("'first_reported': '2022-08-21T00:00:00+08:00'"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/first_reported", "first reported at 2022-08-21T00:00:00+08:00, after the document’s as_of", 1 },
  { "chain-events-type", WITH_CASE ("'events': {}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events", "expected an array, found an object", 1 },
  { "event-at-missing", WITH_CASE ("'events': [{'kind': 'note', 'text': {'zh': '注', 'en': 'x'}}]"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/at", "this required member is missing", 1 },
  { "event-at-after-as-of", EVENT ("'kind': 'note', 'text': {'zh': '注', 'en': 'x'}}, "
                                   "{'at': '2022-08-20T13:00:01+08:00', 'kind': 'note', 'text': {'zh': '注', 'en': 'x'}"),
    SITROOM_FEED_ERROR_INVALID, "/chains/0/events/1/at",
    "the event is at 2022-08-20T13:00:01+08:00, after the document’s as_of 2022-08-20T13:00:00+08:00", 1 },
  { "event-kind", EVENT ("'kind': 'party', 'text': {'zh': '注', 'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/kind",
    "unknown event kind “party”; expected one of detection, test, quarantine, trace, measure, transfer, note", 1 },
  { "event-region", EVENT ("'kind': 'note', 'region': '149999', 'text': {'zh': '注', 'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/region", "unknown region code 149999", 1 },
  { "event-text-zh-missing", EVENT ("'kind': 'note', 'text': {'en': 'x'}"), SITROOM_FEED_ERROR_INVALID,
    "/chains/0/events/0/text/zh", "this required member is missing", 1 },

  /* Quarantine sites */
  { "site-member-twice", SITE ("'capacity': 1, 'occupied': 1, 'kind': 'hotel'"), SITROOM_FEED_ERROR_INVALID,
    "/quarantine_sites/0/kind", "the member “kind” appears more than once", 1 },
  { "site-kind-unknown", DOC ("'quarantine_sites': [{'id': 's1', 'region': '140100', 'kind': 'hotel', "
                              "'name': {'zh': '点'}, 'capacity': 1, 'occupied': 1}]"), SITROOM_FEED_ERROR_INVALID,
    "/quarantine_sites/0/kind", "unknown site kind “hotel”; expected one of centralized, home", 1 },
  { "site-capacity-missing", SITE ("'occupied': 1"), SITROOM_FEED_ERROR_INVALID,
    "/quarantine_sites/0/capacity", "this required member is missing", 1 },
  { "site-region", DOC ("'quarantine_sites': [{'id': 's1', 'region': '000000', 'kind': 'home', "
                        "'name': {'zh': '点'}, 'capacity': 1, 'occupied': 1}]"), SITROOM_FEED_ERROR_INVALID,
    "/quarantine_sites/0/region", "unknown region code 000000", 1 },
  { "site-updated-after-as-of", SITE ("'capacity': 1, 'occupied': 1, 'updated_at': '2022-08-20T14:00:00+08:00'"),
    SITROOM_FEED_ERROR_INVALID, "/quarantine_sites/0/updated_at",
    "updated at 2022-08-20T14:00:00+08:00, after the document’s as_of 2022-08-20T13:00:00+08:00", 1 },
  { "site-id-duplicate", DOC ("'quarantine_sites': [{'id': 's1', 'region': '140100', 'kind': 'home', 'name': {'zh': '点'}, "
                              "'capacity': 1, 'occupied': 1}, {'id': 's1', 'region': '140100', 'kind': 'home', "
                              "'name': {'zh': '点'}, 'capacity': 1, 'occupied': 1}]"), SITROOM_FEED_ERROR_INVALID,
    "/quarantine_sites/1/id", "duplicate id “s1”; it is first used by /quarantine_sites/0", 1 },

  /* Measures */
  { "measure-until-before-from", MEASURE ("'from': '2022-08-20T12:00:00+08:00', 'until': '2022-08-20T11:59:59+08:00'"),
    SITROOM_FEED_ERROR_INVALID, "/measures/0/until",
    "the measure ends at 2022-08-20T11:59:59+08:00, before it starts at 2022-08-20T12:00:00+08:00", 1 },
  { "measure-until-type", MEASURE ("'from': '2022-08-20T12:00:00+08:00', 'until': false"), SITROOM_FEED_ERROR_INVALID,
    "/measures/0/until", "expected an RFC 3339 time with an offset", 1 },
  { "measure-from-missing", MEASURE ("'until': null"), SITROOM_FEED_ERROR_INVALID,
    "/measures/0/from", "this required member is missing", 1 },
  { "measure-kind", DOC ("'measures': [{'id': 'm1', 'region': '140322', 'kind': 'curfew', 'text': {'zh': '管'}, "
                         "'from': '2022-08-20T12:00:00+08:00'}]"), SITROOM_FEED_ERROR_INVALID, "/measures/0/kind",
    "unknown measure kind “curfew”; expected one of static_management, traffic_control, mass_testing, lockdown_lifted, other", 1 },
  { "measure-region", DOC ("'measures': [{'id': 'm1', 'region': '140399', 'kind': 'other', 'text': {'zh': '管'}, "
                           "'from': '2022-08-20T12:00:00+08:00'}]"), SITROOM_FEED_ERROR_INVALID,
    "/measures/0/region", "unknown region code 140399", 1 },
  { "measure-id-duplicate", DOC ("'measures': [{'id': 'm1', 'region': '140100', 'kind': 'other', 'text': {'zh': '管'}, "
                                 "'from': '2022-08-20T12:00:00+08:00'}, {'id': 'm1', 'region': '140100', 'kind': 'other', "
                                 "'text': {'zh': '管'}, 'from': '2022-08-20T12:00:00+08:00'}]"), SITROOM_FEED_ERROR_INVALID,
    "/measures/1/id", "duplicate id “m1”; it is first used by /measures/0", 1 },

  /* Regions */
  { "region-duplicate", DOC ("'regions': [{'code': '990100', 'level': 'county', 'name': {'zh': '甲'}}, "
                             "{'code': '990100', 'level': 'county', 'name': {'zh': '乙'}}]"), SITROOM_FEED_ERROR_INVALID,
    "/regions/1/code", "duplicate region code 990100; it is first declared at /regions/0", 1 },
  { "region-duplicate-builtin", DOC ("'regions': [{'code': '140322', 'level': 'county', 'name': {'zh': '甲'}}, "
                                     "{'code': '140322', 'level': 'county', 'name': {'zh': '乙'}}]"), SITROOM_FEED_ERROR_INVALID,
    "/regions/1/code", "duplicate region code 140322", 1 },
  { "region-parent-unknown", DOC ("'regions': [{'code': '990101', 'parent': '990100', 'level': 'county', 'name': {'zh': '甲'}}]"),
    SITROOM_FEED_ERROR_INVALID, "/regions/0/parent", "unknown region code 990100", 1 },
  { "region-cycle", DOC ("'regions': [{'code': '990101', 'parent': '990102', 'level': 'county', 'name': {'zh': '甲'}}, "
                         "{'code': '990102', 'parent': '990103', 'level': 'county', 'name': {'zh': '乙'}}, "
                         "{'code': '990103', 'parent': '990101', 'level': 'county', 'name': {'zh': '丙'}}]"),
    SITROOM_FEED_ERROR_INVALID, "/regions/0/parent", "the parents of region 990101 lead back to it", 1 },
  { "region-level", DOC ("'regions': [{'code': '990101', 'level': 'district', 'name': {'zh': '甲'}}]"), SITROOM_FEED_ERROR_INVALID,
    "/regions/0/level", "unknown level “district”", 1 },
  { "region-level-missing", DOC ("'regions': [{'code': '990101', 'name': {'zh': '甲'}}]"), SITROOM_FEED_ERROR_INVALID,
    "/regions/0/level", "this required member is missing", 1 },
  { "region-center", DOC ("'regions': [{'code': '990101', 'level': 'county', 'name': {'zh': '甲'}, 'center': [113.4, 38.1, 0]}]"),
    SITROOM_FEED_ERROR_INVALID, "/regions/0/center", "expected two numbers [longitude, latitude], found 3", 1 },
  { "region-center-latitude", DOC ("'regions': [{'code': '990101', 'level': 'county', 'name': {'zh': '甲'}, 'center': [113.4, 91]}]"),
    SITROOM_FEED_ERROR_INVALID, "/regions/0/center/1", "expected a number from -90 to 90, found the number 91", 1 },
  /* A broken declaration is one error: what refers to it is not reported too. */
  { "region-invalid-referred", DOC ("'regions': [{'code': '990101', 'level': 'county', 'name': 'x'}], "
                                    "'chains': [" CHAIN "], 'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', "
                                    "'region': '990101', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'}]"),
    SITROOM_FEED_ERROR_INVALID, "/regions/0/name", "expected a text object", 1 },

  /* Syntax, encoding, limits */
  { "syntax-trailing-comma", DOC ("'cases': [],"), SITROOM_FEED_ERROR_NOT_JSON,
    "/cases", "not valid JSON: line 1, column 75: a comma before “}” is not allowed", 1 },
  { "syntax-in-case", DOC ("'chains': [" CHAIN "], 'cases': [{'id': 'k1' 'x': 1}]"), SITROOM_FEED_ERROR_NOT_JSON,
    "/cases/0/id", "not valid JSON: line 1, column ", 1 },
  { "syntax-empty", "", SITROOM_FEED_ERROR_NOT_JSON, "", "", 1 },
  { "syntax-html", "<html><body>Bad gateway</body></html>", SITROOM_FEED_ERROR_NOT_JSON, "", "", 1 },
  { "not-utf8", DOC ("'publisher': {'zh': '\xC3\x28'}"), SITROOM_FEED_ERROR_NOT_UTF8, "", "", 1 },
  { "too-deep", DOC ("'extra': " "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
    SITROOM_FEED_ERROR_TOO_DEEP, "", "", 1 },
};

static void
test_refusal (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);

  assert_refused (refusals[i].json, NULL, refusals[i].code, refusals[i].path, refusals[i].message,
                  refusals[i].n_errors);
}

static void
test_limits (void)
{
  SitroomLoadOptions options = { 0 };
  g_autoptr(SitroomSituation) situation = NULL;
  const char *deep = DOC ("'extra': [[[[1]]]]");

  /* Depth 5, counting the document itself. */
  options.max_depth = 5;
  situation = assert_accepted (deep, &options, NULL);
  g_clear_object (&situation);
  options.max_depth = 4;
  assert_refused (deep, &options, SITROOM_FEED_ERROR_TOO_DEEP, "", "", 1);

  options.max_depth = 0;
  options.max_bytes = 60;
  assert_refused (deep, &options, SITROOM_FEED_ERROR_TOO_LARGE, "", "", 1);
  options.max_bytes = 100;
  situation = assert_accepted (deep, &options, NULL);
}

/* Problems come in document order, whether found while reading (a bad
 * status) or once everything was read (an unknown region). */
static void
test_problem_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  static const char * const paths[] = {
    "/cases/0/region", "/cases/1/status", "/cases/2/chain", "/cases/3/classification", "/cases/4/id",
  };

  situation = load (DOC ("'chains': [" CHAIN "], 'cases': ["
                         "{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '149999', 'chain': 'c1', 'classification': 'mild', 'status': 'hospitalized'},"
                         "{'id': 'k2', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'mild', 'status': 'ill'},"
                         "{'id': 'k3', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140100', 'chain': 'c2', 'classification': 'mild', 'status': 'hospitalized'},"
                         "{'id': 'k4', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140100', 'chain': 'c1', 'classification': 'grave', 'status': 'hospitalized'},"
                         "{'id': 'k4', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140100', 'classification': 'mild', 'status': 'hospitalized'}]"),
                    NULL, &problems, &error);
  g_assert_null (situation);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID);
  g_assert_cmpuint (count_severity (problems, SITROOM_PROBLEM_ERROR), ==, G_N_ELEMENTS (paths));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_assert_cmpstr (((SitroomProblem *) g_ptr_array_index (problems, i))->path, ==, paths[i]);

  /* Warnings are handed out with a refused document too, after the errors. */
  assert_problem (problems, SITROOM_PROBLEM_WARNING, "/cases/4", "belongs to no chain");
  g_assert_cmpint (((SitroomProblem *) g_ptr_array_index (problems, problems->len - 1))->severity, ==,
                   SITROOM_PROBLEM_WARNING);

  /* The first three, and how many more. */
  g_assert_cmpstr (error->message, ==,
                   "/cases/0/region: unknown region code 149999; "
                   "/cases/1/status: unknown status “ill”; expected one of hospitalized, recovered, died, transferred_out, under_observation; "
                   "/cases/2/chain: unknown chain “c2” (and 2 more)");
}

static void
test_problem_cap (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "'chains': [" CHAIN "], 'cases': [");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  SitroomProblem *last;

  /* 1500 errors, then 1500 cases without a chain (warnings). */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (json, "%s{'id': 'k%u', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '%s', "
                            "%s 'classification': 'mild', 'status': 'hospitalized'}",
                            i > 0 ? ", " : "", i, i < 1500 ? "149999" : "140100",
                            i < 1500 ? "'chain': 'c1'," : "");
  g_string_append (json, "]}");

  situation = load (json->str, NULL, &problems, &error);
  g_assert_null (situation);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "(and 1497 more)"));

  g_assert_cmpuint (problems->len, ==, 1000);
  /* Errors first, in document order. */
  for (guint i = 0; i < 999; i++)
    {
      SitroomProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *path = g_strdup_printf ("/cases/%u/region", i);

      g_assert_cmpint (problem->severity, ==, SITROOM_PROBLEM_ERROR);
      g_assert_cmpstr (problem->path, ==, path);
    }
  last = g_ptr_array_index (problems, 999);
  g_assert_cmpint (last->severity, ==, SITROOM_PROBLEM_ERROR);
  g_assert_cmpstr (last->path, ==, "");
  g_assert_cmpstr (last->message, ==, "2001 more problems were found but not listed");
}

/* ---- warnings ---- */

static void
test_warning_over_full (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  situation = assert_accepted (SITE ("'capacity': 600, 'occupied': 601"), NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/quarantine_sites/0", "over-full: 601 people for 600 places");
  /* Kept as data, to stand out. */
  g_assert_cmpint (sitroom_situation_get_site (situation, 0)->occupied, ==, 601);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_object (&situation);

  situation = assert_accepted (SITE ("'capacity': 600, 'occupied': 600"), NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_warning_chain_without_cases (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  situation = assert_accepted (DOC ("'chains': [" CHAIN ", {'id': 'c2', 'label': 'L', 'title': {'zh': '链'}}], "
                                    "'cases': [" CASE "]"), NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/chains/1", "no case belongs to this chain");
}

static void
test_warning_case_without_chain (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  situation = assert_accepted (DOC ("'cases': [{'id': 'k1', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140500', "
                                    "'classification': 'mild', 'status': 'hospitalized'}, "
                                    "{'id': 'k2', 'reported_at': '2022-08-18T09:00:00+08:00', 'region': '140500', "
                                    "'chain': null, 'classification': 'mild', 'status': 'hospitalized'}]"), NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 2);
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/cases/0", "the case belongs to no chain");
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/cases/1", "the case belongs to no chain");
  g_assert_cmpint (sitroom_situation_get_case (situation, 0)->chain, ==, -1);
}

#define TWO_CASES "'chains': [" CHAIN "], 'cases': [" CASE ", {'id': 'k2', 'reported_at': '2022-08-18T09:00:00+08:00', " \
                  "'region': '140500', 'chain': 'c1', 'classification': 'asymptomatic', 'status': 'hospitalized'}]"

static void
test_warning_totals (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  situation = assert_accepted (DOC (TWO_CASES ", 'totals': {'positives': 2, 'confirmed': 1, 'asymptomatic': 1}"),
                               NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_object (&situation);

  situation = assert_accepted (DOC (TWO_CASES ", 'totals': {'positives': 3, 'confirmed': 2, 'asymptomatic': 1}"),
                               NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 2);
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/totals/positives",
                  "the feed’s figure is 3, but the cases reported by as_of add up to 2");
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/totals/confirmed",
                  "the feed’s figure is 2, but the cases reported by as_of add up to 1");
  assert_no_problem_at (warnings, "/totals/asymptomatic");
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_object (&situation);

  situation = assert_accepted (DOC (TWO_CASES ", 'totals': {'asymptomatic': 0}"), NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/totals/asymptomatic", "figure is 0");
}

static void
test_warning_chain_positives (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  situation = assert_accepted (WITH_CASE ("'positives': 1"), NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_object (&situation);

  /* Positives counted elsewhere (travellers gone home) make the figures differ. */
  situation = assert_accepted (WITH_CASE ("'positives': 6"), NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/chains/0/positives",
                  "the chain’s own figure is 6, but 1 of the document’s cases belong to it");
}

static void
test_warning_event_text (void)
{
  SitroomLoadOptions chinese = { 0 };
  SitroomLoadOptions english = { 0 };
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  const char *json = EVENT ("'kind': 'quarantine', 'people': 78}, "
                            "{'at': '2022-08-18T20:00:00+08:00', 'kind': 'note', 'text': {'zh': '注'}}, "
                            "{'at': '2022-08-19T20:00:00+08:00', 'kind': 'note', 'text': {'zh': '注', 'en': 'Note'}");

  /* The default reader reads English. */
  situation = assert_accepted (json, NULL, &warnings);
  g_assert_cmpuint (warnings->len, ==, 2);
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/chains/0/events/0", "the event has no text");
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/chains/0/events/1/text", "no “en” text");
  g_assert_null (sitroom_situation_get_chain (situation, 0)->events[0].text.zh);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_object (&situation);

  english.lang = "en_GB.UTF-8";
  situation = assert_accepted (json, &english, &warnings);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_object (&situation);

  /* Chinese is always there: only the event without any text is flagged. */
  chinese.lang = "zh_CN";
  situation = assert_accepted (json, &chinese, &warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_problem (warnings, SITROOM_PROBLEM_WARNING, "/chains/0/events/0", "the event has no text");
}

/* ---- threads ---- */

static gpointer
parse_in_thread (gpointer data)
{
  return load_fixture ("feed-example.json");
}

static void
test_worker_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(SitroomSituation) situation = g_thread_join (threads[i]);

      g_assert_true (SITROOM_IS_SITUATION (situation));
      g_assert_cmpuint (sitroom_situation_get_n_cases (situation), ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser/valid/minimal", test_minimal);
  g_test_add_func ("/parser/valid/as-of-offsets", test_as_of_offsets);
  g_test_add_func ("/parser/valid/feed-example", test_feed_example);
  g_test_add_func ("/parser/valid/unknown-members", test_unknown_members);
  g_test_add_func ("/parser/valid/null-optional", test_null_optional);
  g_test_add_func ("/parser/valid/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/parser/index/region-roll-up", test_region_roll_up);
  g_test_add_func ("/parser/index/sorting", test_sorting);
  g_test_add_func ("/parser/index/count-cases-until", test_count_cases_until);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/parser/refused/%s", refusals[i].name);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_refusal);
    }
  g_test_add_func ("/parser/refused/limits", test_limits);
  g_test_add_func ("/parser/problems/order", test_problem_order);
  g_test_add_func ("/parser/problems/cap", test_problem_cap);
  g_test_add_func ("/parser/warning/over-full", test_warning_over_full);
  g_test_add_func ("/parser/warning/chain-without-cases", test_warning_chain_without_cases);
  g_test_add_func ("/parser/warning/case-without-chain", test_warning_case_without_chain);
  g_test_add_func ("/parser/warning/totals", test_warning_totals);
  g_test_add_func ("/parser/warning/chain-positives", test_warning_chain_positives);
  g_test_add_func ("/parser/warning/event-text", test_warning_event_text);
  g_test_add_func ("/parser/threads", test_worker_threads);

  return g_test_run ();
}
