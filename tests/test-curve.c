/* Tests of the epidemic curve: the demo's days counted by hand, day edges, cutoffs, filters, the 7-day mean. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-curve.h"
#include "sitroom-test-demo.h"

static SitroomSituation *demo;

/* A group as the tests write it: a region code, a chain id, or "-" for none. */
static const char *
group_name (SitroomSituation   *situation,
            const SitroomCurve *curve,
            guint               group)
{
  int key = sitroom_curve_get_group (curve, group);

  if (key < 0)
    return "-";
  if (sitroom_curve_get_grouping (curve) == SITROOM_CURVE_BY_PREFECTURE)
    return sitroom_situation_get_region (situation, key)->code;
  return sitroom_situation_get_chain (situation, key)->id;
}

/* @groups: the groups in order, NULL-terminated. @counts: for each day,
 * for each group, confirmed then asymptomatic. */
static void
check_curve (SitroomSituation   *situation,
             const SitroomCurve *curve,
             const char         *first_day,
             guint               n_days,
             const char *const  *groups,
             const guint        *counts)
{
  guint n_groups = g_strv_length ((char **) groups);
  guint max = 0;

  g_assert_cmpuint (sitroom_curve_get_n_days (curve), ==, n_days);
  g_assert_cmpuint (sitroom_curve_get_n_groups (curve), ==, n_groups);
  for (guint g = 0; g < n_groups; g++)
    g_assert_cmpstr (group_name (situation, curve, g), ==, groups[g]);

  for (guint d = 0; d < n_days; d++)
    {
      const SitroomCurveDay *day = sitroom_curve_get_day (curve, d);
      guint confirmed = 0;
      guint asymptomatic = 0;

      g_test_message ("day %u", d);
      g_assert_cmpint (day->start, ==, sitroom_test_demo_at (first_day) + (gint64) d * 86400);
      for (guint g = 0; g < n_groups; g++)
        {
          const guint *expected = &counts[(d * n_groups + g) * 2];

          g_assert_cmpuint (sitroom_curve_get_count (curve, d, g, FALSE), ==, expected[0]);
          g_assert_cmpuint (sitroom_curve_get_count (curve, d, g, TRUE), ==, expected[1]);
          confirmed += expected[0];
          asymptomatic += expected[1];
        }
      g_assert_cmpuint (day->confirmed, ==, confirmed);
      g_assert_cmpuint (day->asymptomatic, ==, asymptomatic);
      g_assert_cmpuint (day->positives, ==, confirmed + asymptomatic);
      max = MAX (max, day->positives);
    }
  g_assert_cmpuint (sitroom_curve_get_max (curve), ==, max);
}

static SitroomCurve *
demo_curve (const char           *cutoff,
            const char           *prefecture,
            const char           *chain,
            SitroomCurveGrouping  grouping)
{
  g_autoptr(SitroomView) view = NULL;
  int p = prefecture != NULL ? sitroom_situation_lookup_region (demo, prefecture) : -1;
  int c = chain != NULL ? sitroom_situation_lookup_chain (demo, chain) : -1;

  g_assert_true (prefecture == NULL || p >= 0);
  g_assert_true (chain == NULL || c >= 0);
  view = sitroom_view_new (demo, sitroom_test_demo_at (cutoff), p, c);
  /* The curve keeps what it needs: the view may go first. */
  return sitroom_curve_new (view, grouping);
}

/* data/demo/shanxi-2022-08-20.json, "cases", by CST day and prefecture:
 *   08-17  c-0001, c-0002 Jincheng 140500
 *   08-18  c-0003 Yuncheng 140800 (140800), c-0004 Taiyuan 140100
 *          (asymptomatic), c-0005 Jincheng
 *   08-19  c-0006, c-0007 Jincheng
 *   08-20  c-0008 Yu County 140322 (Yangquan 140300), c-0009..11 Yanhu
 *          140802 (Yuncheng)
 * Means over seven days, the days before 08-17 as 0: 2, 5, 7, 11 sevenths. */
static void
test_demo_by_prefecture (void)
{
  g_autoptr(SitroomCurve) curve = demo_curve ("2022-08-20T13:00:00+08:00", NULL, NULL,
                                              SITROOM_CURVE_BY_PREFECTURE);
  static const char *const groups[] = { "140100", "140300", "140500", "140800", NULL };
  static const guint counts[] = {
    /* 140100  140300  140500  140800 */
    0, 0,   0, 0,   2, 0,   0, 0,    /* 08-17 */
    0, 1,   0, 0,   1, 0,   1, 0,    /* 08-18 */
    0, 0,   0, 0,   2, 0,   0, 0,    /* 08-19 */
    0, 0,   1, 0,   0, 0,   3, 0,    /* 08-20 */
  };
  static const double means[] = { 2.0 / 7, 5.0 / 7, 7.0 / 7, 11.0 / 7 };

  g_assert_cmpint (sitroom_curve_get_grouping (curve), ==, SITROOM_CURVE_BY_PREFECTURE);
  check_curve (demo, curve, "2022-08-17T00:00:00+08:00", 4, groups, counts);
  g_assert_cmpuint (sitroom_curve_get_max (curve), ==, 4);
  for (guint d = 0; d < G_N_ELEMENTS (means); d++)
    g_assert_cmpfloat_with_epsilon (sitroom_curve_get_day (curve, d)->mean7, means[d], 1e-9);
}

/* The same cases by chain: Z22's seven over three days, then Yu County's
 * hotel guest and the family on 08-20. Pingyao has no case, so no group;
 * every demo case has a chain, so there is no group of none. */
static void
test_demo_by_chain (void)
{
  g_autoptr(SitroomCurve) curve = demo_curve ("2022-08-20T13:00:00+08:00", NULL, NULL,
                                              SITROOM_CURVE_BY_CHAIN);
  static const char *const groups[] = { "0817-z22", "0818-yuxian", "0820-yanhu", NULL };
  static const guint counts[] = {
    /* z22   yuxian  yanhu */
    2, 0,   0, 0,   0, 0,    /* 08-17 */
    2, 1,   0, 0,   0, 0,    /* 08-18 */
    2, 0,   0, 0,   0, 0,    /* 08-19 */
    0, 0,   1, 0,   3, 0,    /* 08-20 */
  };

  g_assert_cmpint (sitroom_curve_get_grouping (curve), ==, SITROOM_CURVE_BY_CHAIN);
  check_curve (demo, curve, "2022-08-17T00:00:00+08:00", 4, groups, counts);
}

/* Earlier cutoffs: no curve before the first case, a case at the cutoff
 * counted, the cutoff's own day present even without a case yet. */
static void
test_demo_cutoffs (void)
{
  static const char *const jincheng[] = { "140500", NULL };
  static const char *const three[] = { "140100", "140500", "140800", NULL };
  static const guint first[] = { 2, 0 };
  static const guint before_0819[] = {
    0, 0,   2, 0,   0, 0,
    0, 1,   1, 0,   1, 0,
    0, 0,   0, 0,   0, 0,
  };
  static const guint at_0819[] = {
    0, 0,   2, 0,   0, 0,
    0, 1,   1, 0,   1, 0,
    0, 0,   1, 0,   0, 0,
  };
  g_autoptr(SitroomCurve) none = demo_curve ("2022-08-17T22:59:59+08:00", NULL, NULL, SITROOM_CURVE_BY_PREFECTURE);
  g_autoptr(SitroomCurve) one = demo_curve ("2022-08-17T23:00:00+08:00", NULL, NULL, SITROOM_CURVE_BY_PREFECTURE);
  g_autoptr(SitroomCurve) morning = demo_curve ("2022-08-19T08:59:59+08:00", NULL, NULL, SITROOM_CURVE_BY_PREFECTURE);
  g_autoptr(SitroomCurve) nine = demo_curve ("2022-08-19T09:00:00+08:00", NULL, NULL, SITROOM_CURVE_BY_PREFECTURE);

  g_assert_cmpuint (sitroom_curve_get_n_days (none), ==, 0);
  g_assert_cmpuint (sitroom_curve_get_n_groups (none), ==, 0);
  g_assert_cmpuint (sitroom_curve_get_max (none), ==, 0);
  g_assert_cmpint (sitroom_curve_find_day (none, sitroom_test_demo_at ("2022-08-17T12:00:00+08:00")), ==, -1);

  check_curve (demo, one, "2022-08-17T00:00:00+08:00", 1, jincheng, first);
  check_curve (demo, morning, "2022-08-17T00:00:00+08:00", 3, three, before_0819);
  check_curve (demo, nine, "2022-08-17T00:00:00+08:00", 3, three, at_0819);
}

/* A cutoff days after the last case: the days without cases are zeros,
 * and the mean runs down as the cases leave its seven days. */
static void
test_demo_later (void)
{
  g_autoptr(SitroomCurve) curve = demo_curve ("2022-08-25T12:00:00+08:00", NULL, NULL, SITROOM_CURVE_BY_CHAIN);
  /* 08-17 .. 08-25. */
  static const guint positives[] = { 2, 3, 2, 4, 0, 0, 0, 0, 0 };
  static const double means[] = { 2, 5, 7, 11, 11, 11, 11, 9, 6 };

  g_assert_cmpuint (sitroom_curve_get_n_days (curve), ==, G_N_ELEMENTS (positives));
  g_assert_cmpuint (sitroom_curve_get_n_groups (curve), ==, 3);
  for (guint d = 0; d < G_N_ELEMENTS (positives); d++)
    {
      const SitroomCurveDay *day = sitroom_curve_get_day (curve, d);

      g_assert_cmpuint (day->positives, ==, positives[d]);
      g_assert_cmpfloat_with_epsilon (day->mean7, means[d] / 7, 1e-9);
      for (guint g = 0; g < 3 && positives[d] == 0; g++)
        g_assert_cmpuint (sitroom_curve_get_count (curve, d, g, FALSE), ==, 0);
    }
  g_assert_cmpuint (sitroom_curve_get_max (curve), ==, 4);
}

static void
test_demo_find_day (void)
{
  g_autoptr(SitroomCurve) curve = demo_curve ("2022-08-20T13:00:00+08:00", NULL, NULL, SITROOM_CURVE_BY_PREFECTURE);

  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2022-08-16T23:59:59+08:00")), ==, -1);
  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2022-08-17T00:00:00+08:00")), ==, 0);
  /* 08-17 16:00 UTC is midnight in China. */
  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2022-08-17T15:59:59Z")), ==, 0);
  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2022-08-17T16:00:00Z")), ==, 1);
  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2022-08-19T12:00:00+08:00")), ==, 2);
  /* The cutoff's day is whole, though its afternoon is after the cutoff. */
  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2022-08-20T23:59:59+08:00")), ==, 3);
  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2022-08-21T00:00:00+08:00")), ==, -1);
  g_assert_cmpint (sitroom_curve_find_day (curve, G_MININT64), ==, -1);
  g_assert_cmpint (sitroom_curve_find_day (curve, G_MAXINT64), ==, -1);
}

/* A selected prefecture or chain narrows the curve to its cases; the
 * curve still starts at the first of them and ends at the cutoff's day. */
static void
test_demo_filters (void)
{
  static const char *const jincheng[] = { "140500", NULL };
  static const guint jincheng_counts[] = { 2, 0,   1, 0,   2, 0,   0, 0 };
  static const char *const yuncheng_chains[] = { "0817-z22", "0820-yanhu", NULL };
  static const guint yuncheng_counts[] = {
    1, 0,   0, 0,     /* 08-18 */
    0, 0,   0, 0,     /* 08-19 */
    0, 0,   3, 0,     /* 08-20 */
  };
  static const char *const family_place[] = { "140800", NULL };
  static const guint family_counts[] = { 3, 0 };
  static const char *const z22[] = { "0817-z22", NULL };
  static const guint z22_counts[] = { 2, 0,   2, 1,   2, 0,   0, 0 };
  static const char *const hotel[] = { "0818-yuxian", NULL };
  static const guint hotel_counts[] = { 1, 0 };
  const char *as_of = "2022-08-20T13:00:00+08:00";
  g_autoptr(SitroomCurve) in_jincheng = demo_curve (as_of, "140500", NULL, SITROOM_CURVE_BY_PREFECTURE);
  g_autoptr(SitroomCurve) in_yuncheng = demo_curve (as_of, "140800", NULL, SITROOM_CURVE_BY_CHAIN);
  g_autoptr(SitroomCurve) of_family = demo_curve (as_of, NULL, "0820-yanhu", SITROOM_CURVE_BY_PREFECTURE);
  g_autoptr(SitroomCurve) of_z22 = demo_curve (as_of, NULL, "0817-z22", SITROOM_CURVE_BY_CHAIN);
  g_autoptr(SitroomCurve) hotel_in_yangquan = demo_curve (as_of, "140300", "0818-yuxian", SITROOM_CURVE_BY_CHAIN);
  g_autoptr(SitroomCurve) pingyao = demo_curve (as_of, NULL, "0819-pingyao", SITROOM_CURVE_BY_CHAIN);
  g_autoptr(SitroomCurve) hotel_in_jincheng = demo_curve (as_of, "140500", "0818-yuxian", SITROOM_CURVE_BY_CHAIN);

  check_curve (demo, in_jincheng, "2022-08-17T00:00:00+08:00", 4, jincheng, jincheng_counts);
  check_curve (demo, in_yuncheng, "2022-08-18T00:00:00+08:00", 3, yuncheng_chains, yuncheng_counts);
  check_curve (demo, of_family, "2022-08-20T00:00:00+08:00", 1, family_place, family_counts);
  check_curve (demo, of_z22, "2022-08-17T00:00:00+08:00", 4, z22, z22_counts);
  check_curve (demo, hotel_in_yangquan, "2022-08-20T00:00:00+08:00", 1, hotel, hotel_counts);
  /* A chain with no case, or no case there: no curve. */
  g_assert_cmpuint (sitroom_curve_get_n_days (pingyao), ==, 0);
  g_assert_cmpuint (sitroom_curve_get_n_days (hotel_in_jincheng), ==, 0);
}

/* Days are China Standard Time days: 23:59:59 and the next 00:00:00 (the
 * second written in UTC) are two days. A case placed at the province has
 * no prefecture and one with no chain has no chain: each is a last group
 * of its own. */
static const char edges_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-19T12:00:00+08:00\","
  " \"chains\": ["
  "  {\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲\"}, \"first_reported\": \"2022-08-17T20:00:00+08:00\"},"
  "  {\"id\": \"b\", \"label\": \"B\", \"title\": {\"zh\": \"乙\"}, \"first_reported\": \"2022-08-18T09:00:00+08:00\"}"
  " ],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-17T23:59:59+08:00\", \"region\": \"140100\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"2\", \"reported_at\": \"2022-08-17T16:00:00Z\", \"region\": \"140105\", \"chain\": \"a\","
  "   \"classification\": \"asymptomatic\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"3\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"140000\", \"chain\": \"b\","
  "   \"classification\": \"critical\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"4\", \"reported_at\": \"2022-08-18T10:00:00+08:00\", \"region\": \"140500\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"}"
  " ]}";

static void
test_day_edges (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_parse (edges_document);
  static const char *const by_prefecture[] = { "140100", "140500", "-", NULL };
  static const guint prefecture_counts[] = {
    /* 140100  140500  none */
    1, 0,   0, 0,   0, 0,     /* 08-17 */
    0, 1,   1, 0,   1, 0,     /* 08-18 */
    0, 0,   0, 0,   0, 0,     /* 08-19 */
  };
  static const char *const by_chain[] = { "a", "b", "-", NULL };
  static const guint chain_counts[] = {
    /* a      b       none */
    1, 0,   0, 0,   0, 0,
    0, 1,   1, 0,   1, 0,
    0, 0,   0, 0,   0, 0,
  };
  static const char *const taiyuan[] = { "140100", NULL };
  static const guint last_second[] = { 1, 0 };
  static const guint midnight[] = { 1, 0,   0, 1 };
  struct {
    const char *cutoff;
    guint n_days;
    const guint *counts;
  } cutoffs[] = {
    { "2022-08-17T23:59:58+08:00", 0, NULL },
    { "2022-08-17T23:59:59+08:00", 1, last_second },
    { "2022-08-17T15:59:59Z", 1, last_second },
    { "2022-08-18T00:00:00+08:00", 2, midnight },
  };
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
  g_autoptr(SitroomCurve) prefectures = sitroom_curve_new (view, SITROOM_CURVE_BY_PREFECTURE);
  g_autoptr(SitroomCurve) chains = sitroom_curve_new (view, SITROOM_CURVE_BY_CHAIN);

  check_curve (situation, prefectures, "2022-08-17T00:00:00+08:00", 3, by_prefecture, prefecture_counts);
  check_curve (situation, chains, "2022-08-17T00:00:00+08:00", 3, by_chain, chain_counts);
  g_assert_cmpint (sitroom_curve_get_day (prefectures, 1)->start, ==, sitroom_test_demo_at ("2022-08-17T16:00:00Z"));

  for (guint i = 0; i < G_N_ELEMENTS (cutoffs); i++)
    {
      g_autoptr(SitroomView) v = sitroom_test_demo_view_at (situation, cutoffs[i].cutoff);
      g_autoptr(SitroomCurve) curve = sitroom_curve_new (v, SITROOM_CURVE_BY_PREFECTURE);

      g_test_message ("cutoff %s", cutoffs[i].cutoff);
      if (cutoffs[i].n_days == 0)
        g_assert_cmpuint (sitroom_curve_get_n_days (curve), ==, 0);
      else
        check_curve (situation, curve, "2022-08-17T00:00:00+08:00", cutoffs[i].n_days, taiyuan, cutoffs[i].counts);
    }
}

/* Ten days of a document of its own: positives 1 0 3 2 0 0 5 1 0 4, from
 * 08-01. The means, by hand, in sevenths:
 *   08-01  1                 = 1     08-06  1+0+3+2+0+0     = 6
 *   08-02  1+0               = 1     08-07  1+0+3+2+0+0+5   = 11
 *   08-03  1+0+3             = 4     08-08  0+3+2+0+0+5+1   = 11
 *   08-04  1+0+3+2           = 6     08-09  3+2+0+0+5+1+0   = 11
 *   08-05  1+0+3+2+0         = 6     08-10  2+0+0+5+1+0+4   = 12 */
static void
test_mean7 (void)
{
  static const guint positives[] = { 1, 0, 3, 2, 0, 0, 5, 1, 0, 4 };
  static const guint sevenths[] = { 1, 1, 4, 6, 6, 6, 11, 11, 11, 12 };
  g_autoptr(GString) document = g_string_new (NULL);
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(SitroomCurve) curve = NULL;
  guint n = 0;

  g_string_append (document,
                   "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-10T20:00:00+08:00\","
                   " \"chains\": [{\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲\"}}],"
                   " \"cases\": [");
  /* The second case of a day is asymptomatic. */
  for (guint d = 0; d < G_N_ELEMENTS (positives); d++)
    for (guint k = 0; k < positives[d]; k++)
      {
        g_string_append_printf (document,
                                "%s{\"id\": \"%u\", \"reported_at\": \"2022-08-%02uT%02u:30:00+08:00\","
                                " \"region\": \"140100\", \"chain\": \"a\", \"classification\": \"%s\","
                                " \"status\": \"hospitalized\"}",
                                n == 0 ? "" : ", ", n, d + 1, 6 + 3 * k,
                                k == 1 ? "asymptomatic" : "mild");
        n++;
      }
  g_string_append (document, "]}");

  situation = sitroom_test_demo_parse (document->str);
  view = sitroom_test_demo_view_at (situation, NULL);
  curve = sitroom_curve_new (view, SITROOM_CURVE_BY_PREFECTURE);

  g_assert_cmpuint (sitroom_curve_get_n_days (curve), ==, G_N_ELEMENTS (positives));
  for (guint d = 0; d < G_N_ELEMENTS (positives); d++)
    {
      const SitroomCurveDay *day = sitroom_curve_get_day (curve, d);

      g_test_message ("08-%02u", d + 1);
      g_assert_cmpuint (day->positives, ==, positives[d]);
      g_assert_cmpuint (day->asymptomatic, ==, positives[d] >= 2 ? 1 : 0);
      g_assert_cmpfloat_with_epsilon (day->mean7, sevenths[d] / 7.0, 1e-9);
    }
  g_assert_cmpuint (sitroom_curve_get_max (curve), ==, 5);
}

/* Cases spread over more than SITROOM_CURVE_MAX_DAYS: the curve keeps the
 * last days up to the cutoff (2012-08-13 .. 2022-08-20), and the cases of
 * the three days before its first still count in its first means. */
static const char long_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T12:00:00+08:00\","
  " \"chains\": ["
  "  {\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲\"}},"
  "  {\"id\": \"b\", \"label\": \"B\", \"title\": {\"zh\": \"乙\"}}"
  " ],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"1900-01-01T00:00:00+08:00\", \"region\": \"140100\", \"chain\": \"b\","
  "   \"classification\": \"mild\", \"status\": \"recovered\"},"
  "  {\"id\": \"2\", \"reported_at\": \"2012-08-10T12:00:00+08:00\", \"region\": \"140100\", \"chain\": \"b\","
  "   \"classification\": \"mild\", \"status\": \"recovered\"},"
  "  {\"id\": \"3\", \"reported_at\": \"2012-08-10T13:00:00+08:00\", \"region\": \"140100\", \"chain\": \"b\","
  "   \"classification\": \"mild\", \"status\": \"recovered\"},"
  "  {\"id\": \"4\", \"reported_at\": \"2012-08-13T00:00:00+08:00\", \"region\": \"140100\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"recovered\"},"
  "  {\"id\": \"5\", \"reported_at\": \"2022-08-20T11:00:00+08:00\", \"region\": \"140100\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"}"
  " ]}";

static void
test_longest (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_parse (long_document);
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
  g_autoptr(SitroomCurve) curve = sitroom_curve_new (view, SITROOM_CURVE_BY_CHAIN);
  guint last = SITROOM_CURVE_MAX_DAYS - 1;

  g_assert_cmpuint (sitroom_curve_get_n_days (curve), ==, SITROOM_CURVE_MAX_DAYS);
  g_assert_cmpint (sitroom_curve_get_day (curve, 0)->start, ==, sitroom_test_demo_at ("2012-08-13T00:00:00+08:00"));
  g_assert_cmpint (sitroom_curve_get_day (curve, last)->start, ==, sitroom_test_demo_at ("2022-08-20T00:00:00+08:00"));
  /* Chain b's cases are all before the curve. */
  g_assert_cmpuint (sitroom_curve_get_n_groups (curve), ==, 1);
  g_assert_cmpstr (group_name (situation, curve, 0), ==, "a");
  g_assert_cmpuint (sitroom_curve_get_day (curve, 0)->positives, ==, 1);
  g_assert_cmpuint (sitroom_curve_get_day (curve, last)->positives, ==, 1);
  g_assert_cmpuint (sitroom_curve_get_max (curve), ==, 1);
  g_assert_cmpfloat_with_epsilon (sitroom_curve_get_day (curve, 0)->mean7, 3.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (sitroom_curve_get_day (curve, 3)->mean7, 3.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (sitroom_curve_get_day (curve, 4)->mean7, 1.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (sitroom_curve_get_day (curve, 7)->mean7, 0.0, 1e-9);
  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2012-08-12T23:59:59+08:00")), ==, -1);
  g_assert_cmpint (sitroom_curve_find_day (curve, sitroom_test_demo_at ("2012-08-13T00:00:00+08:00")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  demo = sitroom_test_demo_load ();

  g_test_add_func ("/curve/demo/by-prefecture", test_demo_by_prefecture);
  g_test_add_func ("/curve/demo/by-chain", test_demo_by_chain);
  g_test_add_func ("/curve/demo/cutoffs", test_demo_cutoffs);
  g_test_add_func ("/curve/demo/later", test_demo_later);
  g_test_add_func ("/curve/demo/find-day", test_demo_find_day);
  g_test_add_func ("/curve/demo/filters", test_demo_filters);
  g_test_add_func ("/curve/days/edges", test_day_edges);
  g_test_add_func ("/curve/days/mean7", test_mean7);
  g_test_add_func ("/curve/days/longest", test_longest);

  status = g_test_run ();
  g_clear_object (&demo);
  return status;
}
