/* Tests of the "what changed" sentences shown when a new document arrives, in both languages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-changes.h"
#include "sitroom-source.h"
#include "sitroom-time.h"

static gint64
at (const char *text)
{
  gint64 t;
  int offset;

  g_assert_true (sitroom_time_parse (text, &t, &offset));
  return t;
}

/* The documents of these tests are written here, a few lines each: a chain
 * is one line, a run of cases one call. */
typedef struct {
  GString *chains;
  GString *cases;
  GString *sites;
  GString *measures;
  GString *regions;
  const char *as_of;
  const char *illustrative;
  guint n_cases;
} Doc;

static void
doc_init (Doc        *doc,
          const char *as_of)
{
  memset (doc, 0, sizeof *doc);
  doc->chains = g_string_new (NULL);
  doc->cases = g_string_new (NULL);
  doc->sites = g_string_new (NULL);
  doc->measures = g_string_new (NULL);
  doc->regions = g_string_new (NULL);
  doc->as_of = as_of;
  doc->illustrative = "";
}

static void
append_item (GString    *list,
             const char *item)
{
  if (list->len > 0)
    g_string_append (list, ",\n");
  g_string_append (list, item);
}

/* @close or @secondary below 0: not given. */
static void
doc_chain (Doc        *doc,
           const char *id,
           const char *label,
           const char *first_reported,
           int         close,
           int         secondary)
{
  g_autoptr(GString) item = g_string_new (NULL);

  g_string_append_printf (item,
                          "{\"id\": \"%s\", \"label\": \"%s\", \"title\": {\"zh\": \"%s链条\"},"
                          " \"first_reported\": \"%s\"",
                          id, label, label, first_reported);
  if (close >= 0 || secondary >= 0)
    {
      g_string_append (item, ", \"contacts\": {");
      if (close >= 0)
        g_string_append_printf (item, "\"close\": %d", close);
      if (close >= 0 && secondary >= 0)
        g_string_append (item, ", ");
      if (secondary >= 0)
        g_string_append_printf (item, "\"secondary\": %d", secondary);
      g_string_append (item, "}");
    }
  g_string_append (item, "}");
  append_item (doc->chains, item->str);
}

static void
doc_cases (Doc        *doc,
           guint       n,
           const char *region,
           const char *chain,
           const char *reported_at)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item =
        g_strdup_printf ("{\"id\": \"k%u\", \"reported_at\": \"%s\", \"region\": \"%s\", \"chain\": \"%s\","
                         " \"classification\": \"mild\", \"status\": \"hospitalized\"}",
                         doc->n_cases++, reported_at, region, chain);
      append_item (doc->cases, item);
    }
}

static void
doc_site (Doc        *doc,
          const char *id,
          const char *region,
          const char *kind,
          int         capacity,
          int         occupied)
{
  g_autofree char *item =
    g_strdup_printf ("{\"id\": \"%s\", \"region\": \"%s\", \"kind\": \"%s\", \"name\": {\"zh\": \"%s\"},"
                     " \"capacity\": %d, \"occupied\": %d}",
                     id, region, kind, id, capacity, occupied);
  append_item (doc->sites, item);
}

static void
doc_measure (Doc        *doc,
             const char *id,
             const char *region,
             const char *kind,
             const char *from,
             const char *until)
{
  g_autofree char *until_json = until != NULL ? g_strdup_printf ("\"%s\"", until) : g_strdup ("null");
  g_autofree char *item =
    g_strdup_printf ("{\"id\": \"%s\", \"region\": \"%s\", \"kind\": \"%s\", \"from\": \"%s\","
                     " \"until\": %s, \"text\": {\"zh\": \"%s\"}}",
                     id, region, kind, from, until_json, id);
  append_item (doc->measures, item);
}

/* Parses the document and frees the builder; the view is at the document's as_of. */
static SitroomView *
doc_view (Doc *doc)
{
  g_autofree char *text =
    g_strdup_printf ("{\"format\": \"sitroom/1\", \"as_of\": \"%s\", \"illustrative\": [%s],\n"
                     "\"regions\": [%s],\n\"chains\": [%s],\n\"cases\": [%s],\n"
                     "\"quarantine_sites\": [%s],\n\"measures\": [%s]}",
                     doc->as_of, doc->illustrative, doc->regions->str, doc->chains->str,
                     doc->cases->str, doc->sites->str, doc->measures->str);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (situation);

  g_string_free (doc->chains, TRUE);
  g_string_free (doc->cases, TRUE);
  g_string_free (doc->sites, TRUE);
  g_string_free (doc->measures, TRUE);
  g_string_free (doc->regions, TRUE);

  return sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
}

/* The morning's document. */
static SitroomView *
before_view (void)
{
  Doc doc;

  doc_init (&doc, "2022-08-21T09:00:00+08:00");
  doc_chain (&doc, "0817-z22", "8·17", "2022-08-17T23:00:00+08:00", 10, 20);
  doc_chain (&doc, "0818-yuxian", "8·18", "2022-08-18T07:00:00+08:00", 34, 201);
  doc_chain (&doc, "0820-yanhu", "8·20", "2022-08-20T09:00:00+08:00", -1, -1);
  doc_cases (&doc, 5, "140500", "0817-z22", "2022-08-18T09:00:00+08:00");    /* Jincheng */
  doc_cases (&doc, 1, "140322", "0818-yuxian", "2022-08-20T08:00:00+08:00"); /* Yu County, Yangquan */
  doc_cases (&doc, 2, "140802", "0820-yanhu", "2022-08-20T10:30:00+08:00");  /* Yanhu, Yuncheng */
  doc_site (&doc, "yq-01", "140322", "centralized", 220, 200);
  doc_site (&doc, "ty-01", "140105", "centralized", 600, 78);
  doc_measure (&doc, "m-py-static", "140728", "static_management", "2022-08-20T00:00:00+08:00", NULL);
  return doc_view (&doc);
}

/* The afternoon's: chains in another order, cases renumbered, one withdrawn. */
static SitroomView *
after_view (void)
{
  Doc doc;

  doc_init (&doc, "2022-08-21T13:00:00+08:00");
  doc_chain (&doc, "0818-yuxian", "8·18", "2022-08-18T07:00:00+08:00", 34, 230);
  doc_chain (&doc, "0821-new", "8·21", "2022-08-21T10:00:00+08:00", 1, 0);
  doc_chain (&doc, "0820-yanhu", "8·20", "2022-08-20T09:00:00+08:00", -1, -1);
  doc_chain (&doc, "0817-z22", "8·17", "2022-08-17T23:00:00+08:00", 12, 20);
  doc_cases (&doc, 2, "140702", "0821-new", "2022-08-21T10:00:00+08:00");    /* Yuci, Jinzhong */
  doc_cases (&doc, 5, "140802", "0820-yanhu", "2022-08-20T10:30:00+08:00");
  doc_cases (&doc, 1, "140100", "0820-yanhu", "2022-08-21T11:00:00+08:00");  /* Taiyuan */
  doc_cases (&doc, 1, "140525", "0820-yanhu", "2022-08-21T11:00:00+08:00");  /* Zezhou, Jincheng */
  doc_cases (&doc, 3, "140500", "0817-z22", "2022-08-18T09:00:00+08:00");
  doc_cases (&doc, 2, "140322", "0818-yuxian", "2022-08-20T08:00:00+08:00");
  doc_site (&doc, "ty-01", "140105", "centralized", 600, 78);
  doc_site (&doc, "yq-01", "140322", "centralized", 220, 234);
  /* Over its beds, but home quarantine has none to run out of. */
  doc_site (&doc, "ty-home", "140100", "home", 10, 400);
  doc_measure (&doc, "m-yu-traffic", "140322", "traffic_control", "2022-08-21T12:00:00+08:00", NULL);
  doc_measure (&doc, "m-py-static", "140728", "static_management", "2022-08-20T00:00:00+08:00",
               "2022-08-21T10:30:00+08:00");
  doc_measure (&doc, "m-yu-static", "140322", "static_management", "2022-08-21T12:00:00+08:00", NULL);
  doc_measure (&doc, "m-py-lifted", "140728", "lockdown_lifted", "2022-08-21T10:30:00+08:00", NULL);
  doc_measure (&doc, "m-sx-entry", "140000", "other", "2022-08-20T18:00:00+08:00", NULL);
  /* Announced, not yet in force. */
  doc_measure (&doc, "m-ty-later", "140100", "mass_testing", "2022-08-22T00:00:00+08:00", NULL);
  return doc_view (&doc);
}

static void
assert_strv (char       **got,
             const char  *expected[],
             gsize        n_expected)
{
  for (gsize i = 0; i < n_expected; i++)
    {
      g_assert_nonnull (got[i]);
      g_assert_cmpstr (got[i], ==, expected[i]);
    }
  g_assert_null (got[n_expected]);
}

static void
test_every_kind_english (void)
{
  g_autoptr(SitroomView) before = before_view ();
  g_autoptr(SitroomView) after = after_view ();
  g_auto(GStrv) changes = sitroom_changes_describe (before, after, "en");
  static const char *expected[] = {
    "+3 positives in Yuncheng",
    "+2 positives in Jinzhong",
    "+1 positive in Taiyuan",
    "+1 positive in Yangquan",
    "Jincheng: 5 → 4 positives (corrected)",
    "new chain 8·21",
    "chain 8·20 reaches Taiyuan and Jincheng",
    "chain 8·18: 230 secondary contacts",
    "chain 8·21: 1 close contact",
    "chain 8·17: 12 close contacts",
    "Yangquan quarantine over capacity: 234 / 220",
    "new measures in Shanxi from 18:00 on 20 August",
    "lockdown lifted in Pingyao County from 10:30",
    "static management and traffic control in Yu County from 12:00",
  };

  assert_strv (changes, expected, G_N_ELEMENTS (expected));
}

static void
test_every_kind_chinese (void)
{
  g_autoptr(SitroomView) before = before_view ();
  g_autoptr(SitroomView) after = after_view ();
  g_auto(GStrv) changes = sitroom_changes_describe (before, after, "zh");
  g_auto(GStrv) changes_cn = sitroom_changes_describe (before, after, "zh_CN.UTF-8");
  static const char *expected[] = {
    "运城市新增3例阳性",
    "晋中市新增2例阳性",
    "太原市新增1例阳性",
    "阳泉市新增1例阳性",
    "晋城市阳性数更正为4例（原5例）",
    "新增感染链条8·21",
    "8·20链条波及太原市、晋城市",
    "8·18链条次密接230人",
    "8·21链条密接1人",
    "8·17链条密接12人",
    "阳泉市集中隔离超出容量：234/220",
    "山西省8月20日18时起实行新的防控措施",
    "平遥县10时30分起解除封控",
    "盂县12时起实行静态管理、交通管制",
  };

  assert_strv (changes, expected, G_N_ELEMENTS (expected));
  assert_strv (changes_cn, expected, G_N_ELEMENTS (expected));
}

static void
test_summary (void)
{
  g_autoptr(SitroomView) before = before_view ();
  g_autoptr(SitroomView) after = after_view ();
  g_autofree char *en = sitroom_changes_summary (before, after, "en", 2);
  g_autofree char *zh = sitroom_changes_summary (before, after, "zh", 2);
  g_autofree char *en_exact = sitroom_changes_summary (before, after, "en", 14);
  g_autofree char *en_all = sitroom_changes_summary (before, after, "en", 0);
  g_autofree char *zh_one_less = sitroom_changes_summary (before, after, "zh", 13);

  g_assert_cmpstr (en, ==, "+3 positives in Yuncheng; +2 positives in Jinzhong; and 12 more");
  /* Chinese counts every change, those named included. */
  g_assert_cmpstr (zh, ==, "运城市新增3例阳性；晋中市新增2例阳性等14项变化");

  /* Exactly as many as allowed: nothing "more". */
  g_assert_true (g_str_has_suffix (en_exact,
                                   "; static management and traffic control in Yu County from 12:00"));
  g_assert_null (strstr (en_exact, "more"));
  g_assert_cmpstr (en_all, ==, en_exact);
  g_assert_true (g_str_has_suffix (zh_one_less, "平遥县10时30分起解除封控等14项变化"));
}

static void
test_order_independent (void)
{
  g_autoptr(SitroomView) after = after_view ();
  g_autoptr(SitroomView) shuffled = NULL;
  g_auto(GStrv) changes = NULL;
  g_autofree char *summary = NULL;
  Doc doc;

  /* The same figures with every list in another order and other case ids:
   * nothing changed. Matching by index would see new chains and corrections. */
  doc_init (&doc, "2022-08-21T13:00:00+08:00");
  doc_chain (&doc, "0817-z22", "8·17", "2022-08-17T23:00:00+08:00", 12, 20);
  doc_chain (&doc, "0820-yanhu", "8·20", "2022-08-20T09:00:00+08:00", -1, -1);
  doc_chain (&doc, "0821-new", "8·21", "2022-08-21T10:00:00+08:00", 1, 0);
  doc_chain (&doc, "0818-yuxian", "8·18", "2022-08-18T07:00:00+08:00", 34, 230);
  doc_cases (&doc, 2, "140322", "0818-yuxian", "2022-08-20T08:00:00+08:00");
  doc_cases (&doc, 3, "140500", "0817-z22", "2022-08-18T09:00:00+08:00");
  doc_cases (&doc, 1, "140525", "0820-yanhu", "2022-08-21T11:00:00+08:00");
  doc_cases (&doc, 1, "140100", "0820-yanhu", "2022-08-21T11:00:00+08:00");
  doc_cases (&doc, 5, "140802", "0820-yanhu", "2022-08-20T10:30:00+08:00");
  doc_cases (&doc, 2, "140702", "0821-new", "2022-08-21T10:00:00+08:00");
  doc_site (&doc, "ty-home", "140100", "home", 10, 400);
  doc_site (&doc, "yq-01", "140322", "centralized", 220, 234);
  doc_site (&doc, "ty-01", "140105", "centralized", 600, 78);
  doc_measure (&doc, "m-ty-later", "140100", "mass_testing", "2022-08-22T00:00:00+08:00", NULL);
  doc_measure (&doc, "m-sx-entry", "140000", "other", "2022-08-20T18:00:00+08:00", NULL);
  doc_measure (&doc, "m-py-lifted", "140728", "lockdown_lifted", "2022-08-21T10:30:00+08:00", NULL);
  doc_measure (&doc, "m-yu-static", "140322", "static_management", "2022-08-21T12:00:00+08:00", NULL);
  doc_measure (&doc, "m-py-static", "140728", "static_management", "2022-08-20T00:00:00+08:00",
               "2022-08-21T10:30:00+08:00");
  doc_measure (&doc, "m-yu-traffic", "140322", "traffic_control", "2022-08-21T12:00:00+08:00", NULL);
  shuffled = doc_view (&doc);

  changes = sitroom_changes_describe (after, shuffled, "en");
  g_assert_nonnull (changes);
  g_assert_null (changes[0]);
  g_clear_pointer (&changes, g_strfreev);
  changes = sitroom_changes_describe (shuffled, after, "zh");
  g_assert_null (changes[0]);
  summary = sitroom_changes_summary (shuffled, after, "en", 3);
  g_assert_null (summary);
}

static void
test_no_change (void)
{
  g_autoptr(SitroomView) before = before_view ();
  g_autoptr(SitroomView) again = before_view ();
  g_auto(GStrv) same = sitroom_changes_describe (before, before, "en");
  g_auto(GStrv) reparsed = sitroom_changes_describe (before, again, "zh");
  g_autofree char *summary_en = sitroom_changes_summary (before, again, "en", 3);
  g_autofree char *summary_zh = sitroom_changes_summary (again, before, "zh", 3);

  g_assert_nonnull (same);
  g_assert_cmpuint (g_strv_length (same), ==, 0);
  g_assert_nonnull (reparsed);
  g_assert_cmpuint (g_strv_length (reparsed), ==, 0);
  g_assert_null (summary_en);
  g_assert_null (summary_zh);
}

static SitroomView *
withdrawn_view (guint        n_dalian,
                guint        n_taiyuan,
                const char  *illustrative,
                int          occupied)
{
  Doc doc;

  doc_init (&doc, "2022-08-21T13:00:00+08:00");
  doc.illustrative = illustrative;
  g_string_append (doc.regions,
                   "{\"code\": \"210000\", \"level\": \"province\","
                   " \"name\": {\"zh\": \"辽宁省\", \"en\": \"Liaoning\"}},\n"
                   "{\"code\": \"210200\", \"parent\": \"210000\", \"level\": \"prefecture\","
                   " \"name\": {\"zh\": \"大连市\", \"en\": \"Dalian\"}}");
  doc_chain (&doc, "0818-yuxian", "8·18", "2022-08-18T07:00:00+08:00", -1, -1);
  doc_cases (&doc, n_dalian, "210200", "0818-yuxian", "2022-08-18T20:00:00+08:00");
  doc_cases (&doc, n_taiyuan, "140100", "0818-yuxian", "2022-08-19T20:00:00+08:00");
  doc_site (&doc, "ty-01", "140105", "centralized", 600, occupied);
  return doc_view (&doc);
}

static void
test_withdrawn (void)
{
  g_autoptr(SitroomView) before = withdrawn_view (2, 2, "", 78);
  g_autoptr(SitroomView) after = withdrawn_view (0, 1, "", 78);
  g_auto(GStrv) en = sitroom_changes_describe (before, after, "en");
  g_auto(GStrv) zh = sitroom_changes_describe (before, after, "zh");
  static const char *expected_en[] = {
    "Taiyuan: 2 → 1 positive (corrected)",
    "Dalian: 2 → 0 positives (corrected)",
  };
  static const char *expected_zh[] = {
    "太原市阳性数更正为1例（原2例）",
    "大连市阳性数更正为0例（原2例）",
  };
  int dalian;

  /* A prefecture the feed added disappears from the table with its last case:
   * its figure went to zero all the same. */
  dalian = sitroom_situation_lookup_region (sitroom_view_get_situation (after), "210200");
  g_assert_cmpint (dalian, >=, 0);
  g_assert_null (sitroom_view_lookup_prefecture (after, dalian));
  assert_strv (en, expected_en, G_N_ELEMENTS (expected_en));
  assert_strv (zh, expected_zh, G_N_ELEMENTS (expected_zh));
}

static void
test_capacity_illustrative (void)
{
  g_autoptr(SitroomView) before = withdrawn_view (0, 1, "\"quarantine_sites\"", 600);
  g_autoptr(SitroomView) after = withdrawn_view (0, 1, "\"quarantine_sites\"", 601);
  g_autoptr(SitroomView) fuller = withdrawn_view (0, 1, "\"quarantine_sites\"", 650);
  g_auto(GStrv) en = sitroom_changes_describe (before, after, "en");
  g_auto(GStrv) zh = sitroom_changes_describe (before, after, "zh");
  g_auto(GStrv) still = sitroom_changes_describe (after, fuller, "en");
  static const char *expected_en[] = { "Taiyuan quarantine over capacity: 601 / 600 (illustrative)" };
  static const char *expected_zh[] = { "太原市集中隔离超出容量：601/600（示例数据）" };

  /* Full is not over; over is news once, not again while it stays over. */
  assert_strv (en, expected_en, G_N_ELEMENTS (expected_en));
  assert_strv (zh, expected_zh, G_N_ELEMENTS (expected_zh));
  g_assert_cmpuint (g_strv_length (still), ==, 0);
}

static SitroomView *
demo_view (SitroomSituation *situation,
           const char       *cutoff)
{
  return sitroom_view_new (situation, at (cutoff), -1, -1);
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_source_load (NULL, NULL, NULL, &error);
  g_autoptr(SitroomView) midnight = NULL;
  g_autoptr(SitroomView) noon = NULL;
  g_autofree char *en = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en_short = NULL;

  g_assert_no_error (error);
  midnight = demo_view (situation, "2022-08-20T00:00:00+08:00");
  noon = demo_view (situation, "2022-08-20T13:00:00+08:00");

  en = sitroom_changes_summary (midnight, noon, "en", 0);
  zh = sitroom_changes_summary (midnight, noon, "zh", 0);
  en_short = sitroom_changes_summary (midnight, noon, "en", 2);

  /* Between the two: Yuncheng's family of three and the Yu County hotel
   * guest, chain 8·20 first reported, chain 8·18's first case in Shanxi, and
   * Yu County's measures from 12:00. Pingyao's began at 00:00, in force
   * already at the first cutoff. */
  g_assert_cmpstr (en, ==,
                   "+3 positives in Yuncheng; +1 positive in Yangquan; new chain 8·20; "
                   "chain 8·18 reaches Yangquan; "
                   "static management, traffic control and mass testing in Yu County from 12:00");
  g_assert_cmpstr (zh, ==,
                   "运城市新增3例阳性；阳泉市新增1例阳性；新增感染链条8·20；8·18链条波及阳泉市；"
                   "盂县12时起实行静态管理、交通管制、全员核酸检测");
  g_assert_cmpstr (en_short, ==, "+3 positives in Yuncheng; +1 positive in Yangquan; and 3 more");
}

static void
test_demo_from_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_source_load (NULL, NULL, NULL, &error);
  g_autoptr(SitroomView) start = NULL;
  g_autoptr(SitroomView) noon = NULL;
  g_auto(GStrv) en = NULL;

  g_assert_no_error (error);
  start = demo_view (situation, "2022-08-17T00:00:00+08:00");
  noon = demo_view (situation, "2022-08-20T13:00:00+08:00");
  en = sitroom_changes_describe (start, noon, "en");

  /* A chain that had not started has its contacts told once it has; one
   * whose figures are not given has none to tell. */
  g_assert_true (g_strv_contains ((const char * const *) en,
                                  "chain 8·18: 34 close contacts, 201 secondary contacts"));
  g_assert_true (g_strv_contains ((const char * const *) en, "new chain 8·17"));
  g_assert_cmpstr (en[0], ==, "+5 positives in Jincheng");
  for (guint i = 0; en[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (en[i], "chain 8·17:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/changes/every-kind/en", test_every_kind_english);
  g_test_add_func ("/changes/every-kind/zh", test_every_kind_chinese);
  g_test_add_func ("/changes/summary", test_summary);
  g_test_add_func ("/changes/match/order-independent", test_order_independent);
  g_test_add_func ("/changes/none", test_no_change);
  g_test_add_func ("/changes/positives/withdrawn", test_withdrawn);
  g_test_add_func ("/changes/capacity/illustrative", test_capacity_illustrative);
  g_test_add_func ("/changes/demo/morning", test_demo);
  g_test_add_func ("/changes/demo/from-start", test_demo_from_start);

  return g_test_run ();
}
