/* Tests of a briefing's figures: the demo's at two cutoffs, JSON round trip and refusals, comparisons and errata. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-briefing-figures.h"
#include "sitroom-error.h"
#include "sitroom-test-demo.h"

typedef struct {
  const char *key;
  gint64 value;
} Expected;

static SitroomBriefingFigures *
figures_at (SitroomSituation *situation,
            const char       *cutoff)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, cutoff);

  return sitroom_briefing_figures_new_from_view (view);
}

static void
assert_figures (SitroomBriefingFigures *figures,
                const Expected         *expected,
                guint                   n_expected)
{
  for (guint i = 0; i < MIN (n_expected, sitroom_briefing_figures_get_n_figures (figures)); i++)
    {
      const SitroomBriefingFigure *figure = sitroom_briefing_figures_get_figure (figures, i);

      g_assert_cmpstr (figure->key, ==, expected[i].key);
      g_assert_cmpint (figure->value, ==, expected[i].value);
    }
  g_assert_cmpuint (sitroom_briefing_figures_get_n_figures (figures), ==, n_expected);
}

/* The demo's sites, the same at every cutoff: a site's figures are as
 * of the document, not of a time. */
#define DEMO_QUARANTINE \
  { "quarantine/140100/capacity", 600 }, \
  { "quarantine/140100/occupied", 240 }, \
  { "quarantine/140300/capacity", 220 }, \
  { "quarantine/140300/occupied", 234 }, \
  { "quarantine/140500/capacity", 250 }, \
  { "quarantine/140500/occupied", 96 }, \
  { "quarantine/140700/capacity", 150 }, \
  { "quarantine/140700/occupied", 77 }, \
  { "quarantine/140800/capacity", 300 }, \
  { "quarantine/140800/occupied", 128 },

/* Written out by hand from the press release of 20 August 2022 and the
 * demo's README (sites and their capacities are illustrative). */
static const Expected demo_noon[] = {
  { "positives", 11 },
  { "confirmed", 10 },
  { "class/mild", 9 },
  { "class/moderate", 1 },
  { "class/severe", 0 },
  { "class/critical", 0 },
  { "asymptomatic", 1 },
  { "new_24h", 5 },                  /* c-0007 at 16:00 on the 19th, and the four of the 20th */
  { "prefectures", 4 },
  { "chains", 4 },
  { "close_contacts", 34 },          /* only chain 8·18 gives its contacts */
  { "secondary_contacts", 201 },
  { "region/140100/positives", 1 },  /* Taiyuan */
  { "region/140100/confirmed", 0 },
  { "region/140100/asymptomatic", 1 },
  { "region/140300/positives", 1 },  /* Yangquan */
  { "region/140300/confirmed", 1 },
  { "region/140300/asymptomatic", 0 },
  { "region/140500/positives", 5 },  /* Jincheng */
  { "region/140500/confirmed", 5 },
  { "region/140500/asymptomatic", 0 },
  { "region/140800/positives", 4 },  /* Yuncheng */
  { "region/140800/confirmed", 4 },
  { "region/140800/asymptomatic", 0 },
  { "chain/0817-z22/positives", 7 },
  { "chain/0817-z22/prefectures", 3 },
  { "chain/0818-yuxian/positives", 1 },
  { "chain/0818-yuxian/prefectures", 1 },
  { "chain/0818-yuxian/close_contacts", 34 },
  { "chain/0818-yuxian/secondary_contacts", 201 },
  { "chain/0819-pingyao/positives", 0 },
  { "chain/0819-pingyao/prefectures", 0 },
  { "chain/0820-yanhu/positives", 3 },
  { "chain/0820-yanhu/prefectures", 1 },
  DEMO_QUARANTINE
};

static void
test_demo_noon (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  g_autoptr(SitroomBriefingFigures) figures = figures_at (situation, "2022-08-20T13:00:00+08:00");
  const SitroomBriefingFigure *figure;

  assert_figures (figures, demo_noon, G_N_ELEMENTS (demo_noon));
  g_assert_cmpint (sitroom_briefing_figures_get_cutoff (figures), ==,
                   sitroom_test_demo_at ("2022-08-20T13:00:00+08:00"));

  figure = sitroom_briefing_figures_lookup (figures, "region/140500/positives");
  g_assert_nonnull (figure);
  g_assert_cmpstr (figure->label_zh, ==, "晋城市阳性感染者");
  g_assert_cmpstr (figure->label_en, ==, "Positives in Jincheng");
  figure = sitroom_briefing_figures_lookup (figures, "chain/0818-yuxian/secondary_contacts");
  g_assert_cmpstr (figure->label_zh, ==, "8·18链条次密切接触者");
  g_assert_cmpstr (figure->label_en, ==, "Secondary contacts of chain 8·18");
  figure = sitroom_briefing_figures_lookup (figures, "quarantine/140300/occupied");
  g_assert_cmpstr (figure->label_zh, ==, "阳泉市集中隔离人数");
  g_assert_cmpstr (figure->label_en, ==, "People in centralized quarantine in Yangquan");
  figure = sitroom_briefing_figures_lookup (figures, "class/moderate");
  g_assert_cmpstr (figure->label_zh, ==, "普通型病例");
  g_assert_cmpstr (figure->label_en, ==, "Moderate cases");

  /* Contacts the feed does not give are not stated as 0. */
  g_assert_null (sitroom_briefing_figures_lookup (figures, "chain/0817-z22/close_contacts"));
  g_assert_null (sitroom_briefing_figures_lookup (figures, "region/140200/positives"));
}

/* At midnight chain 8·20 has not started (it has no figures), Yangquan has
 * no case yet, and chain 8·18 has started with none of its cases. */
static const Expected demo_midnight[] = {
  { "positives", 7 },
  { "confirmed", 6 },
  { "class/mild", 6 },
  { "class/moderate", 0 },
  { "class/severe", 0 },
  { "class/critical", 0 },
  { "asymptomatic", 1 },
  { "new_24h", 2 },                  /* c-0006 and c-0007, on the 19th */
  { "prefectures", 3 },
  { "chains", 3 },
  { "close_contacts", 34 },
  { "secondary_contacts", 201 },
  { "region/140100/positives", 1 },
  { "region/140100/confirmed", 0 },
  { "region/140100/asymptomatic", 1 },
  { "region/140500/positives", 5 },
  { "region/140500/confirmed", 5 },
  { "region/140500/asymptomatic", 0 },
  { "region/140800/positives", 1 },
  { "region/140800/confirmed", 1 },
  { "region/140800/asymptomatic", 0 },
  { "chain/0817-z22/positives", 7 },
  { "chain/0817-z22/prefectures", 3 },
  { "chain/0818-yuxian/positives", 0 },
  { "chain/0818-yuxian/prefectures", 0 },
  { "chain/0818-yuxian/close_contacts", 34 },
  { "chain/0818-yuxian/secondary_contacts", 201 },
  { "chain/0819-pingyao/positives", 0 },
  { "chain/0819-pingyao/prefectures", 0 },
  DEMO_QUARANTINE
};

static void
test_demo_midnight (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  g_autoptr(SitroomBriefingFigures) figures = figures_at (situation, "2022-08-20T00:00:00+08:00");

  assert_figures (figures, demo_midnight, G_N_ELEMENTS (demo_midnight));
}

static void
test_json_round_trip (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  g_autoptr(SitroomBriefingFigures) figures = figures_at (situation, "2022-08-20T13:00:00+08:00");
  g_autoptr(SitroomBriefingFigures) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = sitroom_briefing_figures_to_json (figures);
  g_autofree char *again = NULL;

  g_assert_true (g_str_has_prefix (json, "{\"format\":\"sitroom-briefing-figures/1\","
                                         "\"cutoff\":\"2022-08-20T13:00:00+08:00\","
                                         "\"figures\":[{\"key\":\"positives\",\"value\":11,"
                                         "\"zh\":\"阳性感染者\",\"en\":\"Positives\"}"));

  read = sitroom_briefing_figures_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sitroom_briefing_figures_get_cutoff (read), ==, sitroom_briefing_figures_get_cutoff (figures));
  g_assert_cmpuint (sitroom_briefing_figures_get_n_figures (read), ==, G_N_ELEMENTS (demo_noon));
  for (guint i = 0; i < sitroom_briefing_figures_get_n_figures (figures); i++)
    {
      const SitroomBriefingFigure *a = sitroom_briefing_figures_get_figure (figures, i);
      const SitroomBriefingFigure *b = sitroom_briefing_figures_get_figure (read, i);

      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_cmpint (a->value, ==, b->value);
      g_assert_cmpstr (a->label_zh, ==, b->label_zh);
      g_assert_cmpstr (a->label_en, ==, b->label_en);
    }
  g_assert_cmpint (sitroom_briefing_figures_lookup (read, "region/140800/positives")->value, ==, 4);

  again = sitroom_briefing_figures_to_json (read);
  g_assert_cmpstr (again, ==, json);

  /* A length that is not the whole text reads only that much: here, not JSON. */
  g_clear_pointer (&read, sitroom_briefing_figures_unref);
  read = sitroom_briefing_figures_new_from_json (json, 10, &error);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON);
  g_assert_null (read);
}

#define HEAD "{\"format\": \"sitroom-briefing-figures/1\", \"cutoff\": \"2022-08-20T13:00:00+08:00\", "
#define ONE(value) "{\"key\": \"positives\", \"value\": " value ", \"zh\": \"阳性\", \"en\": \"Positives\"}"

static void
test_json_refused (void)
{
  static const struct {
    const char *json;
    int code;
    const char *where;        /* in the message */
  } cases[] = {
    { "", SITROOM_FEED_ERROR_NOT_JSON, "not JSON" },
    { "{\"format\": ", SITROOM_FEED_ERROR_NOT_JSON, "not JSON" },
    { "[]", SITROOM_FEED_ERROR_INVALID, "refused: /: not an object" },
    { "{\"cutoff\": \"2022-08-20T13:00:00+08:00\", \"figures\": []}", SITROOM_FEED_ERROR_INVALID, "/format: missing" },
    { "{\"format\": 1, \"cutoff\": \"2022-08-20T13:00:00+08:00\", \"figures\": []}",
      SITROOM_FEED_ERROR_INVALID, "/format: not a string" },
    { "{\"format\": \"sitroom/1\", \"cutoff\": \"2022-08-20T13:00:00+08:00\", \"figures\": []}",
      SITROOM_FEED_ERROR_INVALID, "/format: not a set of briefing figures" },
    { "{\"format\": \"sitroom-briefing-figures/2\", \"cutoff\": \"2022-08-20T13:00:00+08:00\", \"figures\": []}",
      SITROOM_FEED_ERROR_FORMAT, "sitroom-briefing-figures/2" },
    { "{\"format\": \"sitroom-briefing-figures/1\", \"cutoff\": \"20 August\", \"figures\": []}",
      SITROOM_FEED_ERROR_INVALID, "/cutoff: not a time" },
    { "{\"format\": \"sitroom-briefing-figures/1\", \"cutoff\": \"2022-08-20T13:00:00\", \"figures\": []}",
      SITROOM_FEED_ERROR_INVALID, "/cutoff: not a time" },
    { HEAD "\"figures\": {}}", SITROOM_FEED_ERROR_INVALID, "/figures: not an array" },
    { "{\"format\": \"sitroom-briefing-figures/1\", \"cutoff\": \"2022-08-20T13:00:00+08:00\"}",
      SITROOM_FEED_ERROR_INVALID, "/figures: missing" },
    { HEAD "\"figures\": [3]}", SITROOM_FEED_ERROR_INVALID, "/figures/0: not an object" },
    { HEAD "\"figures\": [" ONE ("11.5") "]}", SITROOM_FEED_ERROR_INVALID, "/figures/0/value: not an integer" },
    { HEAD "\"figures\": [" ONE ("11.0") "]}", SITROOM_FEED_ERROR_INVALID, "/figures/0/value: not an integer" },
    { HEAD "\"figures\": [" ONE ("\"11\"") "]}", SITROOM_FEED_ERROR_INVALID, "/figures/0/value: not an integer" },
    { HEAD "\"figures\": [" ONE ("null") "]}", SITROOM_FEED_ERROR_INVALID, "/figures/0/value: not an integer" },
    { HEAD "\"figures\": [{\"key\": \"positives\", \"zh\": \"阳性\", \"en\": \"Positives\"}]}",
      SITROOM_FEED_ERROR_INVALID, "/figures/0/value: missing" },
    { HEAD "\"figures\": [{\"value\": 1, \"zh\": \"阳性\", \"en\": \"Positives\"}]}",
      SITROOM_FEED_ERROR_INVALID, "/figures/0/key: missing" },
    { HEAD "\"figures\": [{\"key\": \"\", \"value\": 1, \"zh\": \"阳性\", \"en\": \"Positives\"}]}",
      SITROOM_FEED_ERROR_INVALID, "/figures/0/key: empty" },
    { HEAD "\"figures\": [{\"key\": \"positives\", \"value\": 1, \"en\": \"Positives\"}]}",
      SITROOM_FEED_ERROR_INVALID, "/figures/0/zh: missing" },
    { HEAD "\"figures\": [{\"key\": \"positives\", \"value\": 1, \"zh\": \"阳性\", \"en\": false}]}",
      SITROOM_FEED_ERROR_INVALID, "/figures/0/en: not a string" },
    { HEAD "\"figures\": [" ONE ("1") ", " ONE ("2") "]}",
      SITROOM_FEED_ERROR_INVALID, "/figures/1: the key “positives” is repeated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SitroomBriefingFigures) figures = sitroom_briefing_figures_new_from_json (cases[i].json, -1, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (figures);
      g_assert_error (error, SITROOM_FEED_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].where));
    }

  /* The same shape with a good value is read: the refusals are of the values. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SitroomBriefingFigures) figures =
      sitroom_briefing_figures_new_from_json (HEAD "\"figures\": [" ONE ("-2") "]}", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sitroom_briefing_figures_lookup (figures, "positives")->value, ==, -2);
  }
}

static const SitroomFigureChange *
find_change (GArray     *changes,
             const char *key)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_strcmp0 (g_array_index (changes, SitroomFigureChange, i).key, key) == 0)
      return &g_array_index (changes, SitroomFigureChange, i);
  return NULL;
}

/* The change of @key, which must be there. */
static const SitroomFigureChange *
get_change (GArray     *changes,
            const char *key)
{
  const SitroomFigureChange *change = find_change (changes, key);

  if (change == NULL)
    g_error ("no change of %s", key);
  return change;
}

static void
assert_change (GArray     *changes,
               const char *key,
               gint64      before,
               gint64      after,
               gboolean    in_before,
               gboolean    in_after)
{
  const SitroomFigureChange *change = get_change (changes, key);

  g_assert_cmpint (change->before, ==, before);
  g_assert_cmpint (change->after, ==, after);
  g_assert_cmpint (change->change, ==, after - before);
  g_assert_cmpint (change->in_before, ==, in_before);
  g_assert_cmpint (change->in_after, ==, in_after);
}

/* Every figure of either set, in the noon order whichever side it is on. */
static void
assert_noon_order (GArray *changes)
{
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (demo_noon));
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpstr (g_array_index (changes, SitroomFigureChange, i).key, ==, demo_noon[i].key);
}

static void
test_compare_since (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  g_autoptr(SitroomBriefingFigures) midnight = figures_at (situation, "2022-08-20T00:00:00+08:00");
  g_autoptr(SitroomBriefingFigures) noon = figures_at (situation, "2022-08-20T13:00:00+08:00");
  g_autoptr(GArray) forward = sitroom_briefing_figures_compare (midnight, noon);
  g_autoptr(GArray) backward = sitroom_briefing_figures_compare (noon, midnight);

  assert_noon_order (forward);
  assert_change (forward, "positives", 7, 11, TRUE, TRUE);
  assert_change (forward, "class/moderate", 0, 1, TRUE, TRUE);
  assert_change (forward, "class/severe", 0, 0, TRUE, TRUE);
  assert_change (forward, "region/140500/positives", 5, 5, TRUE, TRUE);
  assert_change (forward, "region/140800/positives", 1, 4, TRUE, TRUE);
  assert_change (forward, "region/140300/positives", 0, 1, FALSE, TRUE);
  assert_change (forward, "chain/0820-yanhu/positives", 0, 3, FALSE, TRUE);
  assert_change (forward, "chain/0818-yuxian/close_contacts", 34, 34, TRUE, TRUE);
  g_assert_cmpstr (get_change (forward, "region/140300/positives")->label_en, ==, "Positives in Yangquan");

  /* The figures only the earlier set has stay beside their neighbours. */
  assert_noon_order (backward);
  assert_change (backward, "region/140300/positives", 1, 0, TRUE, FALSE);
  assert_change (backward, "chain/0820-yanhu/prefectures", 1, 0, TRUE, FALSE);
  assert_change (backward, "new_24h", 5, 2, TRUE, TRUE);
  g_assert_cmpstr (get_change (backward, "region/140300/positives")->label_zh, ==, "阳泉市阳性感染者");
}

/* Figures in a new order (another document's chain order) and on one side
 * only: each figure once, in the later order, and the one gone after the
 * figure it followed. */
static void
test_compare_reordered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomBriefingFigures) before = sitroom_briefing_figures_new_from_json (
    HEAD "\"figures\": [{\"key\": \"a\", \"value\": 1, \"zh\": \"a\", \"en\": \"a\"},"
    " {\"key\": \"gone\", \"value\": 2, \"zh\": \"g\", \"en\": \"g\"},"
    " {\"key\": \"b\", \"value\": 3, \"zh\": \"b\", \"en\": \"b\"},"
    " {\"key\": \"c\", \"value\": 4, \"zh\": \"c\", \"en\": \"c\"}]}", -1, &error);
  g_autoptr(SitroomBriefingFigures) after = sitroom_briefing_figures_new_from_json (
    HEAD "\"figures\": [{\"key\": \"a\", \"value\": 1, \"zh\": \"a\", \"en\": \"a\"},"
    " {\"key\": \"c\", \"value\": 5, \"zh\": \"c\", \"en\": \"c\"},"
    " {\"key\": \"new\", \"value\": 6, \"zh\": \"n\", \"en\": \"n\"},"
    " {\"key\": \"b\", \"value\": 3, \"zh\": \"b\", \"en\": \"b\"}]}", -1, &error);
  g_autoptr(GArray) changes = NULL;
  static const char *order[] = { "a", "gone", "c", "new", "b" };

  g_assert_no_error (error);
  changes = sitroom_briefing_figures_compare (before, after);
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (g_array_index (changes, SitroomFigureChange, i).key, ==, order[i]);
  assert_change (changes, "gone", 2, 0, TRUE, FALSE);
  assert_change (changes, "c", 4, 5, TRUE, TRUE);
  assert_change (changes, "new", 0, 6, FALSE, TRUE);
}

static void
test_errata_corrected (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  g_autoptr(SitroomSituation) corrected = sitroom_test_demo_load_without ("c-0001");
  g_autoptr(SitroomBriefingFigures) issued = figures_at (situation, "2022-08-20T13:00:00+08:00");
  g_autoptr(SitroomBriefingFigures) same = figures_at (situation, "2022-08-20T13:00:00+08:00");
  g_autoptr(SitroomBriefingFigures) now = figures_at (corrected, "2022-08-20T13:00:00+08:00");
  g_autoptr(GArray) none = sitroom_briefing_figures_errata (issued, same);
  g_autoptr(GArray) errata = sitroom_briefing_figures_errata (issued, now);
  /* Jincheng's first passenger withdrawn: 5 → 4 there, and every total
   * that counted the case; not the last 24 hours, which it was not in. */
  static const Expected expected[] = {
    { "positives", 10 },
    { "confirmed", 9 },
    { "class/mild", 8 },
    { "region/140500/positives", 4 },
    { "region/140500/confirmed", 4 },
    { "chain/0817-z22/positives", 6 },
  };

  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpuint (errata->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < errata->len; i++)
    {
      const SitroomFigureChange *change = &g_array_index (errata, SitroomFigureChange, i);

      g_assert_cmpstr (change->key, ==, expected[i].key);
      g_assert_cmpint (change->after, ==, expected[i].value);
      g_assert_cmpint (change->change, ==, -1);
      g_assert_true (change->in_before && change->in_after);
    }
  assert_change (errata, "region/140500/positives", 5, 4, TRUE, TRUE);
  g_assert_cmpstr (get_change (errata, "region/140500/positives")->label_zh, ==, "晋城市阳性感染者");
}

/* Yangquan's only case withdrawn: the prefecture is no longer in the
 * figures, which is an erratum of what was stated there, not of the 0s. */
static void
test_errata_withdrawn (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  g_autoptr(SitroomSituation) corrected = sitroom_test_demo_load_without ("c-0008");
  g_autoptr(SitroomBriefingFigures) issued = figures_at (situation, "2022-08-20T13:00:00+08:00");
  g_autoptr(SitroomBriefingFigures) now = figures_at (corrected, "2022-08-20T13:00:00+08:00");
  g_autoptr(GArray) errata = sitroom_briefing_figures_errata (issued, now);

  assert_change (errata, "region/140300/positives", 1, 0, TRUE, FALSE);
  assert_change (errata, "region/140300/confirmed", 1, 0, TRUE, FALSE);
  assert_change (errata, "prefectures", 4, 3, TRUE, TRUE);
  assert_change (errata, "new_24h", 5, 4, TRUE, TRUE);
  assert_change (errata, "chain/0818-yuxian/positives", 1, 0, TRUE, TRUE);
  g_assert_null (find_change (errata, "region/140300/asymptomatic"));
  g_assert_null (find_change (errata, "chain/0818-yuxian/close_contacts"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/briefing-figures/demo/noon", test_demo_noon);
  g_test_add_func ("/briefing-figures/demo/midnight", test_demo_midnight);
  g_test_add_func ("/briefing-figures/json/round-trip", test_json_round_trip);
  g_test_add_func ("/briefing-figures/json/refused", test_json_refused);
  g_test_add_func ("/briefing-figures/compare/since", test_compare_since);
  g_test_add_func ("/briefing-figures/compare/reordered", test_compare_reordered);
  g_test_add_func ("/briefing-figures/errata/corrected", test_errata_corrected);
  g_test_add_func ("/briefing-figures/errata/withdrawn", test_errata_withdrawn);

  return g_test_run ();
}
