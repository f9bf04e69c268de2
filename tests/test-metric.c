/* Tests of the map's metrics, county marks and chain routes against the demo's hand counts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sitroom-metric.h"
#include "sitroom-source.h"
#include "sitroom-test-demo.h"

static SitroomSituation *demo;

/* The demo's region @code: the tests name regions often. */
static int
region (const char *code)
{
  return sitroom_test_demo_region (demo, code);
}

static double
value (SitroomView   *view,
       SitroomMetric  metric,
       const char    *code)
{
  double v = -1;

  g_assert_true (sitroom_metric_get_value (view, metric, region (code), &v));
  return v;
}

static void
test_names (void)
{
  static const char *ids[] = {
    "positives", "new-24h", "confirmed", "asymptomatic", "active-chains", "occupancy",
  };
  SitroomMetric metric;

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == SITROOM_N_METRICS);

  for (guint i = 0; i < SITROOM_N_METRICS; i++)
    {
      g_assert_cmpstr (sitroom_metric_to_string (i), ==, ids[i]);
      metric = SITROOM_N_METRICS;
      g_assert_true (sitroom_metric_from_string (ids[i], &metric));
      g_assert_cmpint (metric, ==, i);
      g_assert_cmpint (sitroom_metric_is_percentage (i), ==, i == SITROOM_METRIC_OCCUPANCY);
    }

  metric = SITROOM_METRIC_CONFIRMED;
  g_assert_false (sitroom_metric_from_string ("Positives", &metric));
  g_assert_false (sitroom_metric_from_string ("new_24h", &metric));
  g_assert_false (sitroom_metric_from_string ("positives ", &metric));
  g_assert_false (sitroom_metric_from_string ("", &metric));
  g_assert_false (sitroom_metric_from_string (NULL, &metric));
  g_assert_cmpint (metric, ==, SITROOM_METRIC_CONFIRMED);
}

static void
test_titles (void)
{
  g_assert_cmpstr (sitroom_metric_get_title (SITROOM_METRIC_POSITIVES, "zh"), ==, "阳性感染者");
  g_assert_cmpstr (sitroom_metric_get_title (SITROOM_METRIC_POSITIVES, "en"), ==, "Positives");
  g_assert_cmpstr (sitroom_metric_get_title (SITROOM_METRIC_NEW_24H, "zh_CN"), ==, "近24小时新增");
  g_assert_cmpstr (sitroom_metric_get_title (SITROOM_METRIC_NEW_24H, "en"), ==, "New in 24 h");
  g_assert_cmpstr (sitroom_metric_get_title (SITROOM_METRIC_OCCUPANCY, "zh"), ==, "集中隔离占用率");
  /* Any other language reads English. */
  g_assert_cmpstr (sitroom_metric_get_title (SITROOM_METRIC_ACTIVE_CHAINS, "fr"), ==, "Active chains");
  g_assert_cmpstr (sitroom_metric_get_title (SITROOM_METRIC_CONFIRMED, NULL), ==, "Confirmed");

  for (guint i = 0; i < SITROOM_N_METRICS; i++)
    for (guint j = i + 1; j < SITROOM_N_METRICS; j++)
      {
        g_assert_cmpstr (sitroom_metric_get_title (i, "zh"), !=, sitroom_metric_get_title (j, "zh"));
        g_assert_cmpstr (sitroom_metric_get_title (i, "en"), !=, sitroom_metric_get_title (j, "en"));
      }
}

typedef struct {
  const char *code;
  double positives;
  double new_24h;
  double confirmed;
  double asymptomatic;
  double active_chains;
} Row;

static void
check_rows (SitroomView *view,
            const Row   *rows,
            guint        n_rows)
{
  guint n_prefectures = 0;
  const int *prefectures = sitroom_situation_get_prefectures (demo, &n_prefectures);

  /* Every prefecture not in @rows has nothing. */
  for (guint p = 0; p < n_prefectures; p++)
    {
      const char *code = sitroom_situation_get_region (demo, prefectures[p])->code;
      Row zero = { code, 0, 0, 0, 0, 0 };
      const Row *row = &zero;

      if (code[0] != '1' || code[1] != '4')
        continue;
      for (guint r = 0; r < n_rows; r++)
        if (g_str_equal (rows[r].code, code))
          row = &rows[r];

      g_test_message ("prefecture %s", code);
      g_assert_cmpfloat (value (view, SITROOM_METRIC_POSITIVES, code), ==, row->positives);
      g_assert_cmpfloat (value (view, SITROOM_METRIC_NEW_24H, code), ==, row->new_24h);
      g_assert_cmpfloat (value (view, SITROOM_METRIC_CONFIRMED, code), ==, row->confirmed);
      g_assert_cmpfloat (value (view, SITROOM_METRIC_ASYMPTOMATIC, code), ==, row->asymptomatic);
      g_assert_cmpfloat (value (view, SITROOM_METRIC_ACTIVE_CHAINS, code), ==, row->active_chains);
    }
}

/* data/demo/README.md, "Cases": Jincheng 5, Yuncheng 4, Taiyuan 1 (the
 * asymptomatic one), Yangquan 1. New in 24 h counts the reports after
 * 08-19 13:00: c-0007 (Jincheng), c-0008 (Yu County), c-0009..11 (Yanhu).
 * Active chains: Z22 everywhere it has cases, Yuncheng also the family's,
 * Yangquan the hotel's. */
static void
test_demo_as_of (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, "2022-08-20T13:00:00+08:00");
  static const Row rows[] = {
    { "140100", 1, 0, 0, 1, 1 },
    { "140300", 1, 1, 1, 0, 1 },
    { "140500", 5, 1, 5, 0, 1 },
    { "140800", 4, 3, 4, 0, 2 },
  };

  check_rows (view, rows, G_N_ELEMENTS (rows));
}

/* At 08-19 00:00: c-0001..c-0005. New in 24 h: those after 08-18 00:00,
 * c-0003 (Yuncheng), c-0004 (Taiyuan), c-0005 (Jincheng). Only Z22 has cases. */
static void
test_demo_earlier (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, "2022-08-19T00:00:00+08:00");
  static const Row rows[] = {
    { "140100", 1, 1, 0, 1, 1 },
    { "140500", 3, 1, 3, 0, 1 },
    { "140800", 1, 1, 1, 0, 1 },
  };

  check_rows (view, rows, G_N_ELEMENTS (rows));
}

/* Z22's last case is c-0007 at 08-19 16:00, the family's last c-0011 at
 * 08-20 11:00: each stays active exactly 14 days after it. */
static void
test_active_chains_expire (void)
{
  g_autoptr(SitroomView) last_day = sitroom_test_demo_view_at (demo, "2022-09-02T15:59:59+08:00");
  g_autoptr(SitroomView) after = sitroom_test_demo_view_at (demo, "2022-09-02T16:00:00+08:00");
  g_autoptr(SitroomView) family_last = sitroom_test_demo_view_at (demo, "2022-09-03T10:59:59+08:00");
  g_autoptr(SitroomView) none = sitroom_test_demo_view_at (demo, "2022-09-03T11:00:00+08:00");

  g_assert_cmpfloat (value (last_day, SITROOM_METRIC_ACTIVE_CHAINS, "140500"), ==, 1);
  g_assert_cmpfloat (value (last_day, SITROOM_METRIC_ACTIVE_CHAINS, "140800"), ==, 2);
  g_assert_cmpfloat (value (after, SITROOM_METRIC_ACTIVE_CHAINS, "140500"), ==, 0);
  g_assert_cmpfloat (value (after, SITROOM_METRIC_ACTIVE_CHAINS, "140100"), ==, 0);
  g_assert_cmpfloat (value (after, SITROOM_METRIC_ACTIVE_CHAINS, "140800"), ==, 1);
  g_assert_cmpfloat (value (after, SITROOM_METRIC_ACTIVE_CHAINS, "140300"), ==, 1);
  g_assert_cmpfloat (value (family_last, SITROOM_METRIC_ACTIVE_CHAINS, "140800"), ==, 1);
  g_assert_cmpfloat (value (none, SITROOM_METRIC_ACTIVE_CHAINS, "140800"), ==, 0);
  /* The positives stay; only the chains stop counting as active. */
  g_assert_cmpfloat (value (none, SITROOM_METRIC_POSITIVES, "140800"), ==, 4);
}

/* Filters narrow what counts, as they do for the table. */
static void
test_active_chains_filtered (void)
{
  gint64 as_of = sitroom_situation_get_as_of (demo);
  g_autoptr(SitroomView) yuncheng = sitroom_view_new (demo, as_of, region ("140800"), -1);
  g_autoptr(SitroomView) family = sitroom_view_new (demo, as_of, -1,
                                                    sitroom_test_demo_chain (demo, "0820-yanhu"));

  g_assert_cmpfloat (value (yuncheng, SITROOM_METRIC_ACTIVE_CHAINS, "140800"), ==, 2);
  g_assert_cmpfloat (value (yuncheng, SITROOM_METRIC_ACTIVE_CHAINS, "140500"), ==, 0);
  g_assert_cmpfloat (value (yuncheng, SITROOM_METRIC_POSITIVES, "140500"), ==, 0);
  g_assert_cmpfloat (value (family, SITROOM_METRIC_ACTIVE_CHAINS, "140800"), ==, 1);
  g_assert_cmpfloat (value (family, SITROOM_METRIC_ACTIVE_CHAINS, "140500"), ==, 0);
  g_assert_cmpfloat (value (family, SITROOM_METRIC_POSITIVES, "140800"), ==, 3);
}

/* Centralized capacity and occupancy per prefecture, summed from the
 * document itself rather than from the code under test. */
static GHashTable *
occupancy_from_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sitroom_source_read (NULL, 0, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *sites;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  sites = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "quarantine_sites");
  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);
      const char *code = json_object_get_string_member (site, "region");
      g_autofree char *prefecture = g_strdup_printf ("%.4s00", code);
      gint64 *sum;

      if (!g_str_equal (json_object_get_string_member (site, "kind"), "centralized"))
        continue;
      sum = g_hash_table_lookup (sums, prefecture);
      if (sum == NULL)
        {
          sum = g_new0 (gint64, 2);
          g_hash_table_insert (sums, g_steal_pointer (&prefecture), sum);
        }
      sum[0] += json_object_get_int_member (site, "capacity");
      sum[1] += json_object_get_int_member (site, "occupied");
    }

  return sums;
}

static void
test_occupancy (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, "2022-08-20T13:00:00+08:00");
  g_autoptr(GHashTable) sums = occupancy_from_json ();
  guint n_prefectures = 0;
  const int *prefectures = sitroom_situation_get_prefectures (demo, &n_prefectures);
  guint n_with_value = 0;
  double v;

  /* The README's table: five prefectures have centralized sites. */
  g_assert_cmpuint (g_hash_table_size (sums), ==, 5);

  for (guint p = 0; p < n_prefectures; p++)
    {
      const char *code = sitroom_situation_get_region (demo, prefectures[p])->code;
      const gint64 *sum = g_hash_table_lookup (sums, code);
      gboolean has = sitroom_metric_get_value (view, SITROOM_METRIC_OCCUPANCY, prefectures[p], &v);

      g_test_message ("prefecture %s", code);
      g_assert_cmpint (has, ==, sum != NULL);
      if (sum == NULL)
        continue;
      g_assert_cmpfloat_with_epsilon (v, 100.0 * sum[1] / sum[0], 1e-9);
      n_with_value++;
    }
  g_assert_cmpuint (n_with_value, ==, 5);

  /* Yangquan's yq-01 is over-full: 234 of 220. Home quarantine is left out of Taiyuan's 600. */
  g_assert_cmpfloat_with_epsilon (value (view, SITROOM_METRIC_OCCUPANCY, "140300"), 100.0 * 234 / 220, 1e-9);
  g_assert_cmpfloat_with_epsilon (value (view, SITROOM_METRIC_OCCUPANCY, "140100"), 40.0, 1e-9);
  g_assert_false (sitroom_metric_get_value (view, SITROOM_METRIC_OCCUPANCY, region ("140200"), &v));
  g_assert_false (sitroom_metric_get_value (view, SITROOM_METRIC_OCCUPANCY, region ("141100"), &v));
}

/* Values exist for prefectures only. */
static void
test_not_a_prefecture (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, "2022-08-20T13:00:00+08:00");
  double v;

  g_assert_false (sitroom_metric_get_value (view, SITROOM_METRIC_POSITIVES, region ("140000"), &v));
  g_assert_false (sitroom_metric_get_value (view, SITROOM_METRIC_POSITIVES, region ("140322"), &v));
  g_assert_false (sitroom_metric_get_value (view, SITROOM_METRIC_POSITIVES, -1, &v));
}

typedef struct {
  const char *code;
  guint positives;
  guint new_24h;
  guint n_measures;
  gboolean static_management;
} Mark;

static void
check_marks (const char *cutoff,
             const Mark *expected,
             guint       n_expected)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, cutoff);
  g_autoptr(GArray) marks = sitroom_metric_get_county_marks (view);

  g_test_message ("cutoff %s", cutoff);
  g_assert_cmpuint (marks->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const SitroomCountyMark *mark = &g_array_index (marks, SitroomCountyMark, i);

      g_assert_cmpstr (sitroom_situation_get_region (demo, mark->region)->code, ==, expected[i].code);
      g_assert_cmpuint (mark->positives, ==, expected[i].positives);
      g_assert_cmpuint (mark->new_24h, ==, expected[i].new_24h);
      g_assert_cmpuint (mark->n_measures, ==, expected[i].n_measures);
      g_assert_cmpint (mark->static_management, ==, expected[i].static_management);
    }
}

/* data/demo/README.md, "Measures" and "Cases": Pingyao (140728) from 08-20
 * 00:00, Yu County (140322) from 12:00, three measures each; Yu County's
 * hotel guest at 08:00, the Yanhu family (140802) from 10:30. Measures on
 * the province and on Taiyuan mark no county; Jincheng's cases are placed
 * at the prefecture, so its urban district (140502) has none. */
static void
test_county_marks (void)
{
  static const Mark at_as_of[] = {
    { "140322", 1, 1, 3, TRUE },
    { "140728", 0, 0, 3, TRUE },
    { "140802", 3, 3, 0, FALSE },
  };
  static const Mark before_yu[] = {
    { "140322", 1, 1, 0, FALSE },
    { "140728", 0, 0, 3, TRUE },
    { "140802", 3, 3, 0, FALSE },
  };
  static const Mark from_pingyao[] = {
    { "140728", 0, 0, 3, TRUE },
  };

  check_marks ("2022-08-20T13:00:00+08:00", at_as_of, G_N_ELEMENTS (at_as_of));
  check_marks ("2022-08-20T12:00:00+08:00", at_as_of, G_N_ELEMENTS (at_as_of));
  check_marks ("2022-08-20T11:59:59+08:00", before_yu, G_N_ELEMENTS (before_yu));
  check_marks ("2022-08-20T00:00:00+08:00", from_pingyao, G_N_ELEMENTS (from_pingyao));
  check_marks ("2022-08-19T23:59:59+08:00", NULL, 0);
  /* A day later only the reports of the last 24 h are new. */
  {
    static const Mark next_day[] = {
      { "140322", 1, 0, 3, TRUE },
      { "140728", 0, 0, 3, TRUE },
      { "140802", 3, 2, 0, FALSE },
    };
    check_marks ("2022-08-21T10:30:00+08:00", next_day, G_N_ELEMENTS (next_day));
  }
}

static void
test_county_marks_filtered (void)
{
  gint64 as_of = sitroom_situation_get_as_of (demo);
  g_autoptr(SitroomView) jinzhong = sitroom_view_new (demo, as_of, region ("140700"), -1);
  g_autoptr(SitroomView) family = sitroom_view_new (demo, as_of, -1,
                                                    sitroom_test_demo_chain (demo, "0820-yanhu"));
  g_autoptr(GArray) in_jinzhong = sitroom_metric_get_county_marks (jinzhong);
  g_autoptr(GArray) of_family = sitroom_metric_get_county_marks (family);
  const SitroomCountyMark *mark;

  /* Only Pingyao's measures: Yu County's case and measures are elsewhere. */
  g_assert_cmpuint (in_jinzhong->len, ==, 1);
  mark = &g_array_index (in_jinzhong, SitroomCountyMark, 0);
  g_assert_cmpint (mark->region, ==, region ("140728"));

  /* The family's cases only; measures are no chain's, so both counties keep theirs. */
  g_assert_cmpuint (of_family->len, ==, 3);
  mark = &g_array_index (of_family, SitroomCountyMark, 0);
  g_assert_cmpint (mark->region, ==, region ("140322"));
  g_assert_cmpuint (mark->positives, ==, 0);
  g_assert_cmpuint (mark->n_measures, ==, 3);
  mark = &g_array_index (of_family, SitroomCountyMark, 2);
  g_assert_cmpint (mark->region, ==, region ("140802"));
  g_assert_cmpuint (mark->positives, ==, 3);
}

typedef struct {
  const char *code;
  const char *first_at;
  gboolean outside;
} Stop;

static void
check_route (SitroomView *view,
             const char  *id,
             const Stop  *expected,
             guint        n_expected)
{
  g_autoptr(GArray) route = sitroom_metric_get_chain_route (view, sitroom_test_demo_chain (demo, id));

  g_test_message ("chain %s", id);
  g_assert_cmpuint (route->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const SitroomRouteStop *stop = &g_array_index (route, SitroomRouteStop, i);

      g_assert_cmpstr (sitroom_situation_get_region (demo, stop->region)->code, ==, expected[i].code);
      g_assert_cmpint (stop->first_at, ==, sitroom_test_demo_at (expected[i].first_at));
      g_assert_cmpint (stop->outside, ==, expected[i].outside);
    }
}

/* data/demo/README.md, "Chains": each chain's events and cases, the
 * province-wide events (140000) left out, each place once. */
static void
test_routes_as_of (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, "2022-08-20T13:00:00+08:00");
  /* Taiyuan station, then the passengers' cases in Jincheng and Yuncheng. */
  static const Stop z22[] = {
    { "140100", "2022-08-17T18:00:00+08:00", FALSE },
    { "140500", "2022-08-17T23:00:00+08:00", FALSE },
    { "140800", "2022-08-18T08:00:00+08:00", FALSE },
  };
  static const Stop yuxian[] = {
    { "140322", "2022-08-18T07:00:00+08:00", FALSE },
    { "210200", "2022-08-18T20:00:00+08:00", TRUE },
  };
  static const Stop pingyao[] = {
    { "140728", "2022-08-19T21:00:00+08:00", FALSE },
    { "210700", "2022-08-20T09:00:00+08:00", TRUE },
  };
  static const Stop yanhu[] = {
    { "610100", "2022-08-16T11:00:00+08:00", TRUE },
    { "140802", "2022-08-16T20:00:00+08:00", FALSE },
  };

  check_route (view, "0817-z22", z22, G_N_ELEMENTS (z22));
  check_route (view, "0818-yuxian", yuxian, G_N_ELEMENTS (yuxian));
  check_route (view, "0819-pingyao", pingyao, G_N_ELEMENTS (pingyao));
  check_route (view, "0820-yanhu", yanhu, G_N_ELEMENTS (yanhu));
}

/* Nothing after the cutoff, and no route for a chain not yet reported. */
static void
test_routes_earlier (void)
{
  static const Stop z22_first[] = {
    { "140100", "2022-08-17T18:00:00+08:00", FALSE },
    { "140500", "2022-08-17T23:00:00+08:00", FALSE },
  };
  static const Stop yuxian_start[] = {
    { "140322", "2022-08-18T07:00:00+08:00", FALSE },
  };
  static const Stop pingyao_start[] = {
    { "140728", "2022-08-19T21:00:00+08:00", FALSE },
  };
  g_autoptr(SitroomView) morning = sitroom_test_demo_view_at (demo, "2022-08-18T07:00:00+08:00");
  g_autoptr(SitroomView) evening = sitroom_test_demo_view_at (demo, "2022-08-20T08:59:59+08:00");

  check_route (morning, "0817-z22", z22_first, G_N_ELEMENTS (z22_first));
  check_route (morning, "0818-yuxian", yuxian_start, G_N_ELEMENTS (yuxian_start));
  check_route (morning, "0819-pingyao", NULL, 0);
  /* The family's trip is dated 08-16, but the chain was reported on 08-20 09:00. */
  check_route (morning, "0820-yanhu", NULL, 0);
  check_route (evening, "0819-pingyao", pingyao_start, G_N_ELEMENTS (pingyao_start));
  check_route (evening, "0820-yanhu", NULL, 0);
}

/* A route is where the chain went: a filter on the view does not cut it short. */
static void
test_routes_filtered (void)
{
  g_autoptr(SitroomView) jincheng = sitroom_view_new (demo, sitroom_situation_get_as_of (demo),
                                                      region ("140500"), -1);
  g_autoptr(GArray) route = sitroom_metric_get_chain_route (jincheng,
                                                            sitroom_test_demo_chain (demo, "0817-z22"));

  g_assert_cmpuint (route->len, ==, 3);
}

/* A document of its own: cases in a township roll up to its county, a
 * township measure marks the county, and a case elsewhere than the
 * chain's events joins the route at its report time. */
static const char township_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
  " \"regions\": ["
  "  {\"code\": \"140322\", \"parent\": \"140300\", \"level\": \"county\", \"name\": {\"zh\": \"盂县\"}},"
  "  {\"code\": \"149901\", \"parent\": \"140322\", \"level\": \"township\", \"name\": {\"zh\": \"镇\"}},"
  "  {\"code\": \"540000\", \"level\": \"province\", \"name\": {\"zh\": \"西藏自治区\", \"en\": \"Tibet\"}}"
  " ],"
  " \"chains\": ["
  "  {\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲\"}, \"first_reported\": \"2022-08-17T00:00:00+08:00\","
  "   \"events\": ["
  "    {\"at\": \"2022-08-15T00:00:00+08:00\", \"kind\": \"note\", \"region\": \"540000\", \"text\": {\"zh\": \"藏\"}},"
  "    {\"at\": \"2022-08-17T00:00:00+08:00\", \"kind\": \"note\", \"region\": \"140000\", \"text\": {\"zh\": \"省\"}},"
  "    {\"at\": \"2022-08-18T12:00:00+08:00\", \"kind\": \"note\", \"region\": \"149901\", \"text\": {\"zh\": \"镇\"}},"
  "    {\"at\": \"2022-08-19T00:00:00+08:00\", \"kind\": \"note\", \"region\": \"140700\", \"text\": {\"zh\": \"晋中\"}}"
  "   ]}"
  " ],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"149901\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"2\", \"reported_at\": \"2022-08-19T00:00:00+08:00\", \"region\": \"140100\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"}"
  " ],"
  " \"measures\": ["
  "  {\"id\": \"m1\", \"region\": \"149901\", \"kind\": \"traffic_control\", \"from\": \"2022-08-19T00:00:00+08:00\","
  "   \"until\": null, \"text\": {\"zh\": \"管制\"}}"
  " ]}";

static void
test_township_and_outside_province (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_parse (township_document);
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) route = NULL;
  const SitroomCountyMark *mark;
  const SitroomRouteStop *stop;

  view = sitroom_test_demo_view_at (situation, NULL);

  marks = sitroom_metric_get_county_marks (view);
  g_assert_cmpuint (marks->len, ==, 1);
  mark = &g_array_index (marks, SitroomCountyMark, 0);
  g_assert_cmpstr (sitroom_situation_get_region (situation, mark->region)->code, ==, "140322");
  g_assert_cmpuint (mark->positives, ==, 1);
  g_assert_cmpuint (mark->n_measures, ==, 1);
  g_assert_false (mark->static_management);

  /* Tibet, a province outside, is an origin; Shanxi itself is no place; the
   * township's event comes after the case there; Jinzhong's event, at the
   * same time as Taiyuan's case, comes first. */
  route = sitroom_metric_get_chain_route (view, 0);
  g_assert_cmpuint (route->len, ==, 4);
  stop = &g_array_index (route, SitroomRouteStop, 0);
  g_assert_cmpstr (sitroom_situation_get_region (situation, stop->region)->code, ==, "540000");
  g_assert_true (stop->outside);
  stop = &g_array_index (route, SitroomRouteStop, 1);
  g_assert_cmpstr (sitroom_situation_get_region (situation, stop->region)->code, ==, "149901");
  g_assert_cmpint (stop->first_at, ==, sitroom_test_demo_at ("2022-08-18T09:00:00+08:00"));
  g_assert_false (stop->outside);
  stop = &g_array_index (route, SitroomRouteStop, 2);
  g_assert_cmpstr (sitroom_situation_get_region (situation, stop->region)->code, ==, "140700");
  stop = &g_array_index (route, SitroomRouteStop, 3);
  g_assert_cmpstr (sitroom_situation_get_region (situation, stop->region)->code, ==, "140100");
  g_assert_cmpint (stop->first_at, ==, sitroom_test_demo_at ("2022-08-19T00:00:00+08:00"));
  g_assert_false (stop->outside);
}

/* The restrictions on a place are hatched; entry rules ("other") and a
 * lifted lockdown are not. */
static void
test_hatched_kinds (void)
{
  g_assert_true (sitroom_metric_measure_hatches (SITROOM_MEASURE_STATIC_MANAGEMENT));
  g_assert_true (sitroom_metric_measure_hatches (SITROOM_MEASURE_TRAFFIC_CONTROL));
  g_assert_true (sitroom_metric_measure_hatches (SITROOM_MEASURE_MASS_TESTING));
  g_assert_false (sitroom_metric_measure_hatches (SITROOM_MEASURE_OTHER));
  g_assert_false (sitroom_metric_measure_hatches (SITROOM_MEASURE_LOCKDOWN_LIFTED));
}

/* Three counties of Yangquan, each under one kind of measure in force, and
 * one whose traffic control ended before the cutoff. */
static const char kinds_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
  " \"chains\": [], \"cases\": [],"
  " \"measures\": ["
  "  {\"id\": \"t\", \"region\": \"140321\", \"kind\": \"traffic_control\","
  "   \"from\": \"2022-08-19T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"管制\"}},"
  "  {\"id\": \"l\", \"region\": \"140322\", \"kind\": \"lockdown_lifted\","
  "   \"from\": \"2022-08-19T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"解封\"}},"
  "  {\"id\": \"o\", \"region\": \"140311\", \"kind\": \"other\","
  "   \"from\": \"2022-08-19T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"其他\"}},"
  "  {\"id\": \"e\", \"region\": \"140302\", \"kind\": \"traffic_control\","
  "   \"from\": \"2022-08-10T00:00:00+08:00\", \"until\": \"2022-08-12T00:00:00+08:00\", \"text\": {\"zh\": \"过\"}}"
  " ]}";

static void
test_county_marks_hatched (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_parse (kinds_document);
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(SitroomView) demo_view = sitroom_test_demo_view_at (demo, "2022-08-20T13:00:00+08:00");
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) demo_marks = sitroom_metric_get_county_marks (demo_view);
  static const struct { const char *code; gboolean hatched; } expected[] = {
    { "140311", FALSE },
    { "140321", TRUE },
    { "140322", FALSE },
  };

  view = sitroom_test_demo_view_at (situation, NULL);
  marks = sitroom_metric_get_county_marks (view);

  /* The ended measure marks nothing. */
  g_assert_cmpuint (marks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < marks->len; i++)
    {
      const SitroomCountyMark *mark = &g_array_index (marks, SitroomCountyMark, i);

      g_assert_cmpstr (sitroom_situation_get_region (situation, mark->region)->code, ==, expected[i].code);
      g_assert_cmpuint (mark->n_measures, ==, 1);
      g_assert_false (mark->static_management);
      g_assert_cmpint (mark->hatched, ==, expected[i].hatched);
    }

  /* The demo's counties are under static management, hatched either way;
   * Yanhu's family has cases and no measure. */
  g_assert_cmpuint (demo_marks->len, ==, 3);
  g_assert_true (g_array_index (demo_marks, SitroomCountyMark, 0).hatched);
  g_assert_true (g_array_index (demo_marks, SitroomCountyMark, 1).hatched);
  g_assert_false (g_array_index (demo_marks, SitroomCountyMark, 2).hatched);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  demo = sitroom_test_demo_load ();

  g_test_add_func ("/metric/names/round-trip", test_names);
  g_test_add_func ("/metric/names/titles", test_titles);
  g_test_add_func ("/metric/value/demo-as-of", test_demo_as_of);
  g_test_add_func ("/metric/value/demo-earlier", test_demo_earlier);
  g_test_add_func ("/metric/value/active-chains-expire", test_active_chains_expire);
  g_test_add_func ("/metric/value/active-chains-filtered", test_active_chains_filtered);
  g_test_add_func ("/metric/value/occupancy", test_occupancy);
  g_test_add_func ("/metric/value/not-a-prefecture", test_not_a_prefecture);
  g_test_add_func ("/metric/county-marks/demo", test_county_marks);
  g_test_add_func ("/metric/county-marks/filtered", test_county_marks_filtered);
  g_test_add_func ("/metric/county-marks/hatched", test_county_marks_hatched);
  g_test_add_func ("/metric/measures/hatched-kinds", test_hatched_kinds);
  g_test_add_func ("/metric/route/demo-as-of", test_routes_as_of);
  g_test_add_func ("/metric/route/demo-earlier", test_routes_earlier);
  g_test_add_func ("/metric/route/filtered", test_routes_filtered);
  g_test_add_func ("/metric/route/township-and-outside", test_township_and_outside_province);

  status = g_test_run ();
  g_clear_object (&demo);
  return status;
}
