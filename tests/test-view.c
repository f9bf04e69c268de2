/* Tests of SitroomView: figures at a cutoff, roll-up to prefectures, filters, quarantine, measures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-source.h"
#include "sitroom-time.h"
#include "sitroom-view.h"

/* A small document whose every figure is counted by hand in the tests below. */
static const char small_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
  " \"regions\": ["
  "  {\"code\": \"140322\", \"parent\": \"140300\", \"level\": \"county\", \"name\": {\"zh\": \"盂县\"}},"
  "  {\"code\": \"149901\", \"parent\": \"140322\", \"level\": \"township\", \"name\": {\"zh\": \"x\"}}"
  " ],"
  " \"chains\": ["
  "  {\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲\"}, \"first_reported\": \"2022-08-17T00:00:00+08:00\","
  "   \"contacts\": {\"close\": 10, \"secondary\": 20}},"
  "  {\"id\": \"b\", \"label\": \"B\", \"title\": {\"zh\": \"乙\"}, \"first_reported\": \"2022-08-19T00:00:00+08:00\","
  "   \"contacts\": {\"close\": 34, \"secondary\": 201}},"
  "  {\"id\": \"c\", \"label\": \"C\", \"title\": {\"zh\": \"丙\"}, \"first_reported\": \"2022-08-20T12:00:00+08:00\"}"
  " ],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"140500\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"imported\": true, \"status\": \"hospitalized\"},"
  "  {\"id\": \"2\", \"reported_at\": \"2022-08-19T13:00:00+08:00\", \"region\": \"140581\", \"chain\": \"a\","
  "   \"classification\": \"moderate\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"3\", \"reported_at\": \"2022-08-19T13:00:01+08:00\", \"region\": \"140100\", \"chain\": \"a\","
  "   \"classification\": \"asymptomatic\", \"status\": \"under_observation\"},"
  "  {\"id\": \"4\", \"reported_at\": \"2022-08-20T10:00:00+08:00\", \"region\": \"140322\", \"chain\": \"b\","
  "   \"classification\": \"severe\", \"status\": \"recovered\"},"
  "  {\"id\": \"5\", \"reported_at\": \"2022-08-20T13:00:00+08:00\", \"region\": \"140322\", \"chain\": \"b\","
  "   \"classification\": \"critical\", \"status\": \"died\"}"
  " ],"
  " \"quarantine_sites\": ["
  "  {\"id\": \"s1\", \"region\": \"140100\", \"kind\": \"centralized\", \"name\": {\"zh\": \"一\"}, \"capacity\": 600, \"occupied\": 78},"
  "  {\"id\": \"s2\", \"region\": \"140105\", \"kind\": \"centralized\", \"name\": {\"zh\": \"二\"}, \"capacity\": 100, \"occupied\": 120},"
  "  {\"id\": \"s3\", \"region\": \"140100\", \"kind\": \"home\", \"name\": {\"zh\": \"三\"}, \"capacity\": 5000, \"occupied\": 40}"
  " ],"
  " \"measures\": ["
  "  {\"id\": \"m1\", \"region\": \"140322\", \"kind\": \"static_management\", \"from\": \"2022-08-20T12:00:00+08:00\","
  "   \"until\": null, \"text\": {\"zh\": \"静态管理\"}},"
  "  {\"id\": \"m2\", \"region\": \"140100\", \"kind\": \"traffic_control\", \"from\": \"2022-08-18T00:00:00+08:00\","
  "   \"until\": \"2022-08-19T00:00:00+08:00\", \"text\": {\"zh\": \"交通管制\"}},"
  "  {\"id\": \"m3\", \"region\": \"140000\", \"kind\": \"other\", \"from\": \"2022-08-19T00:00:00+08:00\","
  "   \"text\": {\"zh\": \"入晋规定\"}}"
  " ]}";

static SitroomSituation *
load_small (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (small_document, sizeof small_document - 1);
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation;

  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (situation);
  return situation;
}

static gint64
at (const char *text)
{
  gint64 t;
  int offset;

  g_assert_true (sitroom_time_parse (text, &t, &offset));
  return t;
}

static const SitroomPrefectureFigures *
prefecture (SitroomView *view,
            const char  *code)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  int region = sitroom_situation_lookup_region (situation, code);

  g_assert_cmpint (region, >=, 0);
  return sitroom_view_lookup_prefecture (view, region);
}

static void
test_totals_at_as_of (void)
{
  g_autoptr(SitroomSituation) situation = load_small ();
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  const SitroomCounts *totals = sitroom_view_get_totals (view);

  /* Every status counts, the died and recovered ones too. */
  g_assert_cmpuint (totals->positives, ==, 5);
  g_assert_cmpuint (totals->confirmed, ==, 4);
  g_assert_cmpuint (totals->asymptomatic, ==, 1);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_MILD], ==, 1);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_MODERATE], ==, 1);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_SEVERE], ==, 1);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_CRITICAL], ==, 1);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_ASYMPTOMATIC], ==, 1);
  /* After 2022-08-19T13:00:00: cases 3, 4 and 5; case 2 is exactly 24 h old. */
  g_assert_cmpuint (totals->new_24h, ==, 3);
  g_assert_cmpuint (sitroom_view_get_n_affected_prefectures (view), ==, 3);
}

static void
test_cutoff_boundaries (void)
{
  g_autoptr(SitroomSituation) situation = load_small ();
  g_autoptr(SitroomView) before = sitroom_view_new (situation, at ("2022-08-19T12:59:59+08:00"), -1, -1);
  g_autoptr(SitroomView) exact = sitroom_view_new (situation, at ("2022-08-19T13:00:00+08:00"), -1, -1);
  g_autoptr(SitroomView) utc = sitroom_view_new (situation, at ("2022-08-19T05:00:01Z"), -1, -1);
  g_autoptr(SitroomView) early = sitroom_view_new (situation, at ("2022-08-01T00:00:00+08:00"), -1, -1);

  g_assert_cmpuint (sitroom_view_get_totals (before)->positives, ==, 1);
  /* A case reported at the cutoff counts. */
  g_assert_cmpuint (sitroom_view_get_totals (exact)->positives, ==, 2);
  g_assert_cmpuint (sitroom_view_get_totals (utc)->positives, ==, 3);
  g_assert_cmpuint (sitroom_view_get_totals (early)->positives, ==, 0);
  g_assert_cmpuint (sitroom_view_get_n_active_chains (early), ==, 0);
  g_assert_cmpuint (sitroom_view_get_n_active_chains (exact), ==, 2);
}

static void
test_prefecture_rollup (void)
{
  g_autoptr(SitroomSituation) situation = load_small ();
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);

  /* 140581 (Gaoping, a county-level city) counts for Jincheng; the feed's
   * township under Yu County would count for Yangquan. */
  g_assert_cmpuint (prefecture (view, "140500")->counts.positives, ==, 2);
  g_assert_cmpuint (prefecture (view, "140500")->counts.confirmed, ==, 2);
  g_assert_cmpuint (prefecture (view, "140300")->counts.positives, ==, 2);
  g_assert_cmpuint (prefecture (view, "140100")->counts.asymptomatic, ==, 1);
  g_assert_cmpuint (prefecture (view, "140200")->counts.positives, ==, 0);
  g_assert_cmpint (sitroom_situation_get_region (situation,
                                                 sitroom_situation_lookup_region (situation, "149901"))->prefecture,
                   ==, sitroom_situation_lookup_region (situation, "140300"));

  /* All 11 prefectures of Shanxi are rows, in code order. */
  g_assert_cmpuint (sitroom_view_get_n_prefectures (view), ==, 11);
  for (guint i = 1; i < sitroom_view_get_n_prefectures (view); i++)
    g_assert_cmpstr (sitroom_situation_get_region (situation, sitroom_view_get_prefecture (view, i - 1)->region)->code,
                     <, sitroom_situation_get_region (situation, sitroom_view_get_prefecture (view, i)->region)->code);
}

static void
test_chains (void)
{
  g_autoptr(SitroomSituation) situation = load_small ();
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  const SitroomChainFigures *a = sitroom_view_get_chain (view, 0);
  const SitroomChainFigures *b = sitroom_view_get_chain (view, 1);
  const SitroomChainFigures *c = sitroom_view_get_chain (view, 2);

  g_assert_cmpuint (sitroom_view_get_n_chains (view), ==, 3);
  g_assert_cmpuint (a->counts.positives, ==, 3);
  g_assert_cmpuint (a->n_regions, ==, 2);
  g_assert_cmpstr (sitroom_situation_get_region (situation, a->regions[0])->code, ==, "140100");
  g_assert_cmpstr (sitroom_situation_get_region (situation, a->regions[1])->code, ==, "140500");
  g_assert_cmpint (a->last_case, ==, at ("2022-08-19T13:00:01+08:00"));
  g_assert_cmpuint (b->counts.positives, ==, 2);
  g_assert_cmpuint (b->n_regions, ==, 1);
  /* A chain without cases is still a chain once it has been reported. */
  g_assert_cmpuint (c->counts.positives, ==, 0);
  g_assert_cmpuint (c->n_regions, ==, 0);
  g_assert_true (c->started);
  g_assert_cmpint (c->last_case, ==, SITROOM_TIME_NONE);
  g_assert_cmpuint (sitroom_view_get_n_active_chains (view), ==, 3);
  g_assert_cmpint (sitroom_view_get_close_contacts (view), ==, 44);
  g_assert_cmpint (sitroom_view_get_secondary_contacts (view), ==, 221);
}

static void
test_filters (void)
{
  g_autoptr(SitroomSituation) situation = load_small ();
  gint64 as_of = sitroom_situation_get_as_of (situation);
  int jincheng = sitroom_situation_lookup_region (situation, "140500");
  g_autoptr(SitroomView) by_region = sitroom_view_new (situation, as_of, jincheng, -1);
  g_autoptr(SitroomView) by_chain = sitroom_view_new (situation, as_of, -1, 1);
  g_autoptr(SitroomView) both = sitroom_view_new (situation, as_of, jincheng, 1);

  g_assert_cmpuint (sitroom_view_get_totals (by_region)->positives, ==, 2);
  g_assert_cmpuint (sitroom_view_get_chain (by_region, 0)->counts.positives, ==, 2);
  g_assert_cmpuint (sitroom_view_get_chain (by_region, 1)->counts.positives, ==, 0);
  g_assert_cmpuint (sitroom_view_get_n_active_chains (by_region), ==, 1);
  g_assert_cmpint (sitroom_view_get_close_contacts (by_region), ==, 10);

  g_assert_cmpuint (sitroom_view_get_totals (by_chain)->positives, ==, 2);
  g_assert_cmpuint (sitroom_view_get_totals (by_chain)->by_class[SITROOM_CLASS_CRITICAL], ==, 1);
  g_assert_cmpuint (sitroom_view_get_n_active_chains (by_chain), ==, 1);
  g_assert_cmpint (sitroom_view_get_secondary_contacts (by_chain), ==, 201);
  g_assert_cmpuint (prefecture (by_chain, "140300")->counts.positives, ==, 2);
  g_assert_cmpuint (prefecture (by_chain, "140500")->counts.positives, ==, 0);

  g_assert_cmpuint (sitroom_view_get_totals (both)->positives, ==, 0);
}

static void
test_quarantine (void)
{
  g_autoptr(SitroomSituation) situation = load_small ();
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  const SitroomPrefectureFigures *taiyuan = prefecture (view, "140100");

  /* Centralized sites only, the district's site summed into its prefecture. */
  g_assert_cmpint (taiyuan->capacity, ==, 700);
  g_assert_cmpint (taiyuan->occupied, ==, 198);
  g_assert_cmpuint (taiyuan->n_sites, ==, 2);
  g_assert_cmpuint (taiyuan->n_overfull, ==, 1);
  g_assert_cmpuint (prefecture (view, "140300")->n_sites, ==, 0);
}

static void
test_measures (void)
{
  g_autoptr(SitroomSituation) situation = load_small ();
  g_autoptr(SitroomView) now = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  g_autoptr(SitroomView) then = sitroom_view_new (situation, at ("2022-08-18T12:00:00+08:00"), -1, -1);
  g_autoptr(SitroomView) jincheng = sitroom_view_new (situation, sitroom_situation_get_as_of (situation),
                                                      sitroom_situation_lookup_region (situation, "140500"), -1);
  guint n = 0;
  const int *in_force;

  in_force = sitroom_view_get_measures_in_force (now, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (sitroom_situation_get_measure (situation, in_force[0])->id, ==, "m1");
  g_assert_cmpstr (sitroom_situation_get_measure (situation, in_force[1])->id, ==, "m3");

  in_force = sitroom_view_get_measures_in_force (then, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (sitroom_situation_get_measure (situation, in_force[0])->id, ==, "m2");

  /* The province-wide rule holds in Jincheng too; Yu County's does not. */
  in_force = sitroom_view_get_measures_in_force (jincheng, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (sitroom_situation_get_measure (situation, in_force[0])->id, ==, "m3");
}

static SitroomView *
demo_view (const char *cutoff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_source_load (NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return sitroom_view_new (situation, cutoff ? at (cutoff) : sitroom_situation_get_as_of (situation), -1, -1);
}

static guint
demo_prefecture (SitroomView *view,
                 const char  *code)
{
  return prefecture (view, code)->counts.positives;
}

/* The press release of 2022-08-20: every figure of its first paragraphs. */
static void
test_demo_briefing_figures (void)
{
  g_autoptr(SitroomView) view = demo_view ("2022-08-20T13:00:00+08:00");
  SitroomSituation *situation = sitroom_view_get_situation (view);
  const SitroomCounts *totals = sitroom_view_get_totals (view);
  int yuxian = sitroom_situation_lookup_chain (situation, "0818-yuxian");

  g_assert_cmpint (sitroom_situation_get_as_of (situation), ==, at ("2022-08-20T13:00:00+08:00"));
  g_assert_cmpuint (totals->positives, ==, 11);
  g_assert_cmpuint (totals->confirmed, ==, 10);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_MILD], ==, 9);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_MODERATE], ==, 1);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_SEVERE], ==, 0);
  g_assert_cmpuint (totals->by_class[SITROOM_CLASS_CRITICAL], ==, 0);
  g_assert_cmpuint (totals->asymptomatic, ==, 1);
  g_assert_cmpuint (demo_prefecture (view, "140500"), ==, 5);
  g_assert_cmpuint (demo_prefecture (view, "140800"), ==, 4);
  g_assert_cmpuint (demo_prefecture (view, "140100"), ==, 1);
  g_assert_cmpuint (demo_prefecture (view, "140300"), ==, 1);
  g_assert_cmpuint (demo_prefecture (view, "140700"), ==, 0);
  g_assert_cmpuint (sitroom_view_get_n_affected_prefectures (view), ==, 4);
  g_assert_cmpuint (sitroom_view_get_n_active_chains (view), ==, 4);

  g_assert_cmpint (yuxian, >=, 0);
  g_assert_cmpint (sitroom_situation_get_chain (situation, yuxian)->close_contacts, ==, 34);
  g_assert_cmpint (sitroom_situation_get_chain (situation, yuxian)->secondary_contacts, ==, 201);
  g_assert_cmpuint (sitroom_view_get_chain (view, yuxian)->counts.positives, ==, 1);
  g_assert_cmpuint (sitroom_view_get_chain (view, sitroom_situation_lookup_chain (situation, "0817-z22"))->counts.positives,
                    ==, 7);
  g_assert_cmpuint (sitroom_view_get_chain (view, sitroom_situation_lookup_chain (situation, "0817-z22"))->counts.asymptomatic,
                    ==, 1);
  g_assert_cmpuint (sitroom_view_get_chain (view, sitroom_situation_lookup_chain (situation, "0819-pingyao"))->counts.positives,
                    ==, 0);
  g_assert_cmpuint (sitroom_view_get_chain (view, sitroom_situation_lookup_chain (situation, "0820-yanhu"))->counts.positives,
                    ==, 3);
}

/* Hand-counted from data/demo/README.md's table of report times. */
static void
test_demo_earlier_cutoffs (void)
{
  struct {
    const char *cutoff;
    guint positives, confirmed, asymptomatic, jincheng, yuncheng, taiyuan, yangquan;
  } rows[] = {
    { "2022-08-17T00:00:00+08:00", 0, 0, 0, 0, 0, 0, 0 },
    { "2022-08-18T00:00:00+08:00", 2, 2, 0, 2, 0, 0, 0 },
    { "2022-08-19T00:00:00+08:00", 5, 4, 1, 3, 1, 1, 0 },
    { "2022-08-20T00:00:00+08:00", 7, 6, 1, 5, 1, 1, 0 },
    { "2022-08-20T13:00:00+08:00", 11, 10, 1, 5, 4, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SitroomView) view = demo_view (rows[i].cutoff);
      const SitroomCounts *totals = sitroom_view_get_totals (view);

      g_test_message ("cutoff %s", rows[i].cutoff);
      g_assert_cmpuint (totals->positives, ==, rows[i].positives);
      g_assert_cmpuint (totals->confirmed, ==, rows[i].confirmed);
      g_assert_cmpuint (totals->asymptomatic, ==, rows[i].asymptomatic);
      g_assert_cmpuint (demo_prefecture (view, "140500"), ==, rows[i].jincheng);
      g_assert_cmpuint (demo_prefecture (view, "140800"), ==, rows[i].yuncheng);
      g_assert_cmpuint (demo_prefecture (view, "140100"), ==, rows[i].taiyuan);
      g_assert_cmpuint (demo_prefecture (view, "140300"), ==, rows[i].yangquan);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/totals/at-as-of", test_totals_at_as_of);
  g_test_add_func ("/view/totals/cutoff-boundaries", test_cutoff_boundaries);
  g_test_add_func ("/view/prefectures/roll-up", test_prefecture_rollup);
  g_test_add_func ("/view/chains/figures", test_chains);
  g_test_add_func ("/view/filters/region-and-chain", test_filters);
  g_test_add_func ("/view/quarantine/centralized-sums", test_quarantine);
  g_test_add_func ("/view/measures/in-force", test_measures);
  g_test_add_func ("/view/demo/briefing-2022-08-20", test_demo_briefing_figures);
  g_test_add_func ("/view/demo/earlier-cutoffs", test_demo_earlier_cutoffs);

  return g_test_run ();
}
