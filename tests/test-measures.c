/* Tests of measures at a cutoff: status, time in force, order, the regions and chains they concern. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-measures.h"
#include "sitroom-test-demo.h"

#define HOUR (3600)
#define DAY (24 * HOUR)

static SitroomSituation *demo;
static SitroomSituation *own;

/* A document of its own, times in China Standard Time, measures in
 * document order a–g:
 *   a  Yu County (140322)   static management  08-10 00:00 until 08-12 06:00
 *   b  Yangquan (140300)    traffic control    08-11 12:00, no end
 *   c  Shanxi (140000)      other              08-15 00:00, no end
 *   d  Pingyao (140728)     mass testing       08-11 12:00 until 08-14 00:00
 *   e  Taiyuan (140100)     lockdown lifted    08-25 00:00, no end
 *   f  Yu County (140322)   traffic control    08-22 00:00, no end
 *   g  Taiyuan (140100)     other              08-11 12:00, no end
 * and a township (149901) in Yu County. Chain "x" has an event in the
 * township, one "in Shanxi", and a case in Taiyuan. */
static const char own_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
  " \"regions\": ["
  "  {\"code\": \"149901\", \"parent\": \"140322\", \"level\": \"township\", \"name\": {\"zh\": \"镇\"}}"
  " ],"
  " \"chains\": ["
  "  {\"id\": \"x\", \"label\": \"X\", \"title\": {\"zh\": \"甲\"}, \"first_reported\": \"2022-08-11T00:00:00+08:00\","
  "   \"events\": ["
  "    {\"at\": \"2022-08-11T00:00:00+08:00\", \"kind\": \"note\", \"region\": \"149901\", \"text\": {\"zh\": \"镇\"}},"
  "    {\"at\": \"2022-08-11T06:00:00+08:00\", \"kind\": \"note\", \"region\": \"140000\", \"text\": {\"zh\": \"省\"}}"
  "   ]}"
  " ],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-12T09:00:00+08:00\", \"region\": \"140105\", \"chain\": \"x\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"}"
  " ],"
  " \"measures\": ["
  "  {\"id\": \"a\", \"region\": \"140322\", \"kind\": \"static_management\","
  "   \"from\": \"2022-08-10T00:00:00+08:00\", \"until\": \"2022-08-12T06:00:00+08:00\", \"text\": {\"zh\": \"甲\"}},"
  "  {\"id\": \"b\", \"region\": \"140300\", \"kind\": \"traffic_control\","
  "   \"from\": \"2022-08-11T12:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"乙\"}},"
  "  {\"id\": \"c\", \"region\": \"140000\", \"kind\": \"other\","
  "   \"from\": \"2022-08-15T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"丙\"}},"
  "  {\"id\": \"d\", \"region\": \"140728\", \"kind\": \"mass_testing\","
  "   \"from\": \"2022-08-11T12:00:00+08:00\", \"until\": \"2022-08-14T00:00:00+08:00\", \"text\": {\"zh\": \"丁\"}},"
  "  {\"id\": \"e\", \"region\": \"140100\", \"kind\": \"lockdown_lifted\","
  "   \"from\": \"2022-08-25T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"戊\"}},"
  "  {\"id\": \"f\", \"region\": \"140322\", \"kind\": \"traffic_control\","
  "   \"from\": \"2022-08-22T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"己\"}},"
  "  {\"id\": \"g\", \"region\": \"140100\", \"kind\": \"other\","
  "   \"from\": \"2022-08-11T12:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"庚\"}}"
  " ]}";

/* The ids of @states joined by spaces, to compare whole lists at once. */
static char *
ids_of (SitroomSituation *situation,
        GArray           *states)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < states->len; i++)
    {
      const SitroomMeasureState *state = &g_array_index (states, SitroomMeasureState, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, sitroom_situation_get_measure (situation, state->measure)->id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
check_state (const char           *cutoff,
             const char           *id,
             SitroomMeasureStatus  status,
             gint64                in_force_for)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (own, cutoff);
  SitroomMeasureState state = { -1, -1, -1 };
  int measure = sitroom_test_demo_measure (own, id);

  g_test_message ("%s at %s", id, cutoff);
  sitroom_measure_get_state (view, measure, &state);
  g_assert_cmpint (state.measure, ==, measure);
  g_assert_cmpstr (sitroom_measure_status_to_string (state.status), ==, sitroom_measure_status_to_string (status));
  g_assert_cmpint (state.in_force_for, ==, in_force_for);
}

/* Before "from", at it, between, exactly at "until" (ended then), after. */
static void
test_status_cutoffs (void)
{
  check_state ("2022-08-09T23:59:59+08:00", "a", SITROOM_MEASURE_SCHEDULED, 0);
  check_state ("2022-08-10T00:00:00+08:00", "a", SITROOM_MEASURE_IN_FORCE, 0);
  check_state ("2022-08-10T00:59:59+08:00", "a", SITROOM_MEASURE_IN_FORCE, HOUR - 1);
  check_state ("2022-08-11T01:00:00+08:00", "a", SITROOM_MEASURE_IN_FORCE, DAY + HOUR);
  check_state ("2022-08-12T05:59:59+08:00", "a", SITROOM_MEASURE_IN_FORCE, 2 * DAY + 6 * HOUR - 1);
  check_state ("2022-08-12T06:00:00+08:00", "a", SITROOM_MEASURE_ENDED, 2 * DAY + 6 * HOUR);
  check_state ("2022-08-20T13:00:00+08:00", "a", SITROOM_MEASURE_ENDED, 2 * DAY + 6 * HOUR);

  /* No end: in force for as long as the cutoff is after its start. */
  check_state ("2022-08-11T11:59:59+08:00", "b", SITROOM_MEASURE_SCHEDULED, 0);
  check_state ("2022-08-20T13:00:00+08:00", "b", SITROOM_MEASURE_IN_FORCE, 9 * DAY + HOUR);
  check_state ("2022-08-20T13:00:00+08:00", "e", SITROOM_MEASURE_SCHEDULED, 0);

  g_assert_cmpstr (sitroom_measure_status_to_string (SITROOM_MEASURE_SCHEDULED), ==, "scheduled");
  g_assert_cmpstr (sitroom_measure_status_to_string (SITROOM_MEASURE_IN_FORCE), ==, "in-force");
  g_assert_cmpstr (sitroom_measure_status_to_string (SITROOM_MEASURE_ENDED), ==, "ended");
}

/* A cutoff at the end of time neither overflows nor goes negative. */
static void
test_status_far_cutoff (void)
{
  g_autoptr(SitroomView) view = sitroom_view_new (own, G_MAXINT64, -1, -1);
  SitroomMeasureState state;

  sitroom_measure_get_state (view, sitroom_test_demo_measure (own, "b"), &state);
  g_assert_cmpint (state.status, ==, SITROOM_MEASURE_IN_FORCE);
  g_assert_cmpint (state.in_force_for, >, 0);
  g_assert_cmpint (state.in_force_for, ==, G_MAXINT64 - sitroom_test_demo_at ("2022-08-11T12:00:00+08:00"));
}

static void
check_split (gint64 seconds,
             gint64 days,
             int    hours)
{
  gint64 got_days = -1;
  int got_hours = -1;

  sitroom_measure_split_duration (seconds, &got_days, &got_hours);
  g_assert_cmpint (got_days, ==, days);
  g_assert_cmpint (got_hours, ==, hours);
}

static void
test_split_duration (void)
{
  check_split (0, 0, 0);
  check_split (HOUR - 1, 0, 0);
  check_split (HOUR, 0, 1);
  check_split (13 * HOUR + 59 * 60, 0, 13);
  check_split (DAY - 1, 0, 23);
  check_split (DAY, 1, 0);
  check_split (DAY + HOUR, 1, 1);
  check_split (2 * DAY + 5 * HOUR + 1800, 2, 5);
  check_split (400 * DAY + 23 * HOUR, 400, 23);
  check_split (-5 * HOUR, 0, 0);
}

static void
check_list (SitroomSituation *situation,
            const char       *cutoff,
            int               prefecture,
            gboolean          include_scheduled,
            const char       *expected)
{
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_test_demo_at (cutoff), prefecture, -1);
  g_autoptr(GArray) list = sitroom_measures_list (view, include_scheduled);
  g_autofree char *ids = ids_of (situation, list);

  g_test_message ("at %s, prefecture %d", cutoff, prefecture);
  g_assert_cmpstr (ids, ==, expected);
}

/* In force first, then ended, each latest "from" first with ties in
 * document order (b before g), then scheduled soonest first. */
static void
test_list_order (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (own, "2022-08-20T13:00:00+08:00");
  g_autoptr(GArray) list = sitroom_measures_list (view, TRUE);
  const SitroomMeasureState *first;
  const SitroomMeasureState *ended;
  const SitroomMeasureState *last;

  check_list (own, "2022-08-20T13:00:00+08:00", -1, TRUE, "c b g d a f e");
  check_list (own, "2022-08-20T13:00:00+08:00", -1, FALSE, "c b g d a");
  /* Before c began and while d was still in force. */
  check_list (own, "2022-08-13T00:00:00+08:00", -1, TRUE, "b d g a c f e");
  check_list (own, "2022-08-09T00:00:00+08:00", -1, FALSE, "");
  check_list (own, "2022-08-09T00:00:00+08:00", -1, TRUE, "a b d g c f e");

  /* The demo at its as_of: Yu County's from 12:00, then the rest from
   * 00:00 in document order. */
  check_list (demo, "2022-08-20T13:00:00+08:00", -1, FALSE,
              "m-yu-static m-yu-traffic m-yu-testing m-py-static m-py-traffic m-py-testing m-sx-entry m-ty-72");
  check_list (demo, "2022-08-20T11:00:00+08:00", -1, FALSE,
              "m-py-static m-py-traffic m-py-testing m-sx-entry m-ty-72");
  check_list (demo, "2022-08-20T11:00:00+08:00", -1, TRUE,
              "m-py-static m-py-traffic m-py-testing m-sx-entry m-ty-72 m-yu-static m-yu-traffic m-yu-testing");

  g_assert_cmpuint (list->len, ==, 7);
  first = &g_array_index (list, SitroomMeasureState, 0);
  g_assert_cmpint (first->status, ==, SITROOM_MEASURE_IN_FORCE);
  g_assert_cmpint (first->in_force_for, ==, 5 * DAY + 13 * HOUR);
  ended = &g_array_index (list, SitroomMeasureState, 3);
  g_assert_cmpint (ended->status, ==, SITROOM_MEASURE_ENDED);
  g_assert_cmpint (ended->in_force_for, ==, 2 * DAY + 12 * HOUR);
  last = &g_array_index (list, SitroomMeasureState, 6);
  g_assert_cmpint (last->status, ==, SITROOM_MEASURE_SCHEDULED);
  g_assert_cmpint (last->in_force_for, ==, 0);
}

/* A prefecture's own, its counties' and the province's; no neighbour's. */
static void
test_list_prefecture (void)
{
  int yangquan = sitroom_test_demo_region (own, "140300");
  int taiyuan = sitroom_test_demo_region (own, "140100");
  gint64 as_of = sitroom_situation_get_as_of (demo);
  guint n_prefectures = 0;
  const int *prefectures = sitroom_situation_get_prefectures (demo, &n_prefectures);

  check_list (own, "2022-08-20T13:00:00+08:00", yangquan, TRUE, "c b a f");
  check_list (own, "2022-08-20T13:00:00+08:00", taiyuan, TRUE, "c g e");
  check_list (demo, "2022-08-20T13:00:00+08:00", sitroom_test_demo_region (demo, "140300"), FALSE,
              "m-yu-static m-yu-traffic m-yu-testing m-sx-entry");
  check_list (demo, "2022-08-20T13:00:00+08:00", sitroom_test_demo_region (demo, "140700"), FALSE,
              "m-py-static m-py-traffic m-py-testing m-sx-entry");
  check_list (demo, "2022-08-20T13:00:00+08:00", sitroom_test_demo_region (demo, "140800"), FALSE,
              "m-sx-entry");

  /* The province's entry rule is no rule in Dalian. */
  check_list (demo, "2022-08-20T13:00:00+08:00", sitroom_test_demo_region (demo, "210200"), FALSE, "");

  /* What is in force agrees with the view's own list, prefecture by
   * prefecture of the province. */
  for (guint p = 0; p < n_prefectures; p++)
    {
      g_autoptr(SitroomView) view = NULL;
      g_autoptr(GArray) list = NULL;
      guint n_in_force = 0;
      const int *in_force;

      if (!g_str_has_prefix (sitroom_situation_get_region (demo, prefectures[p])->code, "14"))
        continue;
      view = sitroom_view_new (demo, as_of, prefectures[p], -1);
      list = sitroom_measures_list (view, FALSE);
      in_force = sitroom_view_get_measures_in_force (view, &n_in_force);

      g_assert_cmpuint (list->len, ==, n_in_force);
      for (guint i = 0; i < n_in_force; i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < list->len; j++)
            found |= g_array_index (list, SitroomMeasureState, j).measure == in_force[i];
          g_assert_true (found);
        }
    }
}

static gboolean
concerns (SitroomSituation *situation,
          const char       *measure,
          const char       *code)
{
  return sitroom_measure_concerns_region (situation, sitroom_test_demo_measure (situation, measure),
                                          sitroom_test_demo_region (situation, code));
}

static void
test_concerns_region (void)
{
  /* A county's measure: the county, its prefecture and the province, but
   * not a neighbouring county or another prefecture. */
  g_assert_true (concerns (demo, "m-yu-static", "140322"));
  g_assert_true (concerns (demo, "m-yu-static", "140300"));
  g_assert_true (concerns (demo, "m-yu-static", "140000"));
  g_assert_false (concerns (demo, "m-yu-static", "140321"));
  g_assert_false (concerns (demo, "m-yu-static", "140700"));
  g_assert_false (concerns (demo, "m-yu-static", "140728"));

  /* The province's: every prefecture and county in it, nothing outside. */
  g_assert_true (concerns (demo, "m-sx-entry", "140000"));
  g_assert_true (concerns (demo, "m-sx-entry", "140300"));
  g_assert_true (concerns (demo, "m-sx-entry", "140728"));
  g_assert_false (concerns (demo, "m-sx-entry", "210200"));
  g_assert_false (concerns (demo, "m-sx-entry", "210000"));

  /* A prefecture's: its counties, but not another prefecture's. */
  g_assert_true (concerns (demo, "m-ty-72", "140105"));
  g_assert_true (concerns (demo, "m-ty-72", "140100"));
  g_assert_false (concerns (demo, "m-ty-72", "140300"));
  g_assert_false (concerns (demo, "m-ty-72", "140322"));

  /* Two levels apart, through a township of a feed's own. */
  g_assert_true (concerns (own, "b", "149901"));
  g_assert_true (concerns (own, "a", "149901"));
  g_assert_true (concerns (own, "c", "149901"));
  g_assert_false (concerns (own, "d", "149901"));
  g_assert_false (concerns (own, "g", "149901"));

  g_assert_false (sitroom_measure_concerns_region (demo, 0, -1));
}

static void
check_chain (SitroomSituation *situation,
             const char       *cutoff,
             const char       *chain,
             const char       *expected)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, cutoff);
  int index = sitroom_situation_lookup_chain (situation, chain);
  g_autoptr(GArray) list = NULL;
  g_autofree char *ids = NULL;

  g_assert_cmpint (index, >=, 0);
  list = sitroom_measures_for_chain (view, index);
  ids = ids_of (situation, list);
  g_test_message ("%s at %s", chain, cutoff);
  g_assert_cmpstr (ids, ==, expected);
}

/* data/demo/README.md: each chain's events and cases, and the measures
 * of their regions. The Z22 train's province-level events take the
 * province's measure, not every county's. */
static void
test_chain_demo (void)
{
  const char *as_of = "2022-08-20T13:00:00+08:00";

  check_chain (demo, as_of, "0817-z22", "m-sx-entry m-ty-72");
  check_chain (demo, as_of, "0818-yuxian", "m-yu-static m-yu-traffic m-yu-testing m-sx-entry");
  check_chain (demo, as_of, "0819-pingyao", "m-py-static m-py-traffic m-py-testing m-sx-entry");
  check_chain (demo, as_of, "0820-yanhu", "m-sx-entry");

  /* Before Yu County's measures began; before any measure; before the
   * Pingyao chain was reported. */
  check_chain (demo, "2022-08-20T11:00:00+08:00", "0818-yuxian", "m-sx-entry");
  check_chain (demo, "2022-08-19T22:00:00+08:00", "0819-pingyao", "");
  check_chain (demo, "2022-08-19T20:00:00+08:00", "0819-pingyao", "");
}

/* Ended measures count; scheduled ones do not; the township's county and
 * prefecture, the case's prefecture and the province do; Pingyao's does
 * not, though the chain had an event "in Shanxi". */
static void
test_chain_own (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (own, "2022-08-20T13:00:00+08:00");
  g_autoptr(GArray) list = sitroom_measures_for_chain (view, 0);

  check_chain (own, "2022-08-20T13:00:00+08:00", "x", "c b g a");
  /* Before the case in Taiyuan: Taiyuan's measure is not the chain's yet. */
  check_chain (own, "2022-08-12T08:00:00+08:00", "x", "b a");
  check_chain (own, "2022-08-10T12:00:00+08:00", "x", "");

  g_assert_cmpint (g_array_index (list, SitroomMeasureState, 3).status, ==, SITROOM_MEASURE_ENDED);
  g_assert_cmpint (g_array_index (list, SitroomMeasureState, 3).in_force_for, ==, 2 * DAY + 6 * HOUR);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  demo = sitroom_test_demo_load ();
  own = sitroom_test_demo_parse (own_document);

  g_test_add_func ("/measures/status/cutoffs", test_status_cutoffs);
  g_test_add_func ("/measures/status/far-cutoff", test_status_far_cutoff);
  g_test_add_func ("/measures/duration/split", test_split_duration);
  g_test_add_func ("/measures/list/order", test_list_order);
  g_test_add_func ("/measures/list/prefecture", test_list_prefecture);
  g_test_add_func ("/measures/region/concerns", test_concerns_region);
  g_test_add_func ("/measures/chain/demo", test_chain_demo);
  g_test_add_func ("/measures/chain/own-document", test_chain_own);

  status = g_test_run ();
  g_clear_object (&own);
  g_clear_object (&demo);
  return status;
}
