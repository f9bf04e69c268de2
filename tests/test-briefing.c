/* Tests of the briefing headline: the press release's first paragraph, in Chinese and English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-briefing.h"
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

static SitroomView *
demo_view (const char *cutoff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_source_load (NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return sitroom_view_new (situation, cutoff ? at (cutoff) : sitroom_situation_get_as_of (situation), -1, -1);
}

static SitroomView *
view_of (const char *document)
{
  g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  return sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
}

/* The source text's paragraph, word for word, with full-width punctuation. */
static void
test_demo_chinese (void)
{
  g_autoptr(SitroomView) view = demo_view (NULL);
  g_autofree char *text = sitroom_briefing_headline (view, "zh");

  g_assert_cmpstr (text, ==,
                   "截至8月20日13时，我省晋城、运城、太原、阳泉相继报告新型冠状病毒核酸阳性者共计11例，"
                   "包括确诊病例10例（其中轻型9例、普通型1例），1例无症状感染者，均已转至定点医院治疗。"
                   "目前，我省存在4条感染链条。");
}

static void
test_demo_english (void)
{
  g_autoptr(SitroomView) view = demo_view (NULL);
  g_autofree char *text = sitroom_briefing_headline (view, "en");

  g_assert_cmpstr (text, ==,
                   "As of 13:00 on 20 August 2022, Jincheng, Yuncheng, Taiyuan and Yangquan had reported "
                   "a total of 11 nucleic-acid positives: 10 confirmed cases (9 mild, 1 moderate) and "
                   "1 asymptomatic infection, all of them moved to the designated hospital. "
                   "The province has 4 infection chains.");
}

static void
test_demo_earlier (void)
{
  g_autoptr(SitroomView) view = demo_view ("2022-08-18T00:00:00+08:00");
  g_autofree char *zh = sitroom_briefing_headline (view, "zh");
  g_autofree char *en = sitroom_briefing_headline (view, "en");

  /* One city, no asymptomatic infection, one chain so far. */
  g_assert_cmpstr (zh, ==,
                   "截至8月18日0时，我省晋城报告新型冠状病毒核酸阳性者共计2例，包括确诊病例2例（其中轻型2例），"
                   "均已转至定点医院治疗。目前，我省存在1条感染链条。");
  g_assert_cmpstr (en, ==,
                   "As of 00:00 on 18 August 2022, Jincheng had reported a total of 2 nucleic-acid positives: "
                   "2 confirmed cases (2 mild), all of them moved to the designated hospital. "
                   "The province has 1 infection chain.");
}

static void
test_no_cases (void)
{
  g_autoptr(SitroomView) view = view_of ("{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:30:00+08:00\"}");
  g_autofree char *zh = sitroom_briefing_headline (view, "zh");
  g_autofree char *en = sitroom_briefing_headline (view, "en");

  g_assert_cmpstr (zh, ==, "截至8月20日13时30分，我省无新型冠状病毒核酸阳性者报告。");
  g_assert_cmpstr (en, ==, "As of 13:30 on 20 August 2022, no nucleic-acid positive had been reported in the province.");
}

static void
test_single_asymptomatic_not_hospitalized (void)
{
  g_autoptr(SitroomView) view = view_of (
    "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T05:00:00Z\","
    " \"cases\": [{\"id\": \"1\", \"reported_at\": \"2022-08-20T04:00:00Z\", \"region\": \"140100\","
    "   \"classification\": \"asymptomatic\", \"status\": \"under_observation\"}]}");
  g_autofree char *zh = sitroom_briefing_headline (view, "zh");
  g_autofree char *en = sitroom_briefing_headline (view, "en");

  /* Times are told in China Standard Time whatever the document's offset. */
  g_assert_cmpstr (zh, ==, "截至8月20日13时，我省太原报告新型冠状病毒核酸阳性者共计1例，1例无症状感染者。");
  g_assert_cmpstr (en, ==, "As of 13:00 on 20 August 2022, Taiyuan had reported a total of 1 nucleic-acid positive: "
                           "1 asymptomatic infection.");
}

static void
test_order_by_count_then_first_report (void)
{
  g_autoptr(SitroomView) view = view_of (
    "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\", \"cases\": ["
    " {\"id\": \"1\", \"reported_at\": \"2022-08-19T00:00:00+08:00\", \"region\": \"140300\", \"classification\": \"severe\", \"status\": \"hospitalized\"},"
    " {\"id\": \"2\", \"reported_at\": \"2022-08-18T00:00:00+08:00\", \"region\": \"140200\", \"classification\": \"critical\", \"status\": \"hospitalized\"},"
    " {\"id\": \"3\", \"reported_at\": \"2022-08-20T00:00:00+08:00\", \"region\": \"141100\", \"classification\": \"mild\", \"status\": \"hospitalized\"},"
    " {\"id\": \"4\", \"reported_at\": \"2022-08-20T01:00:00+08:00\", \"region\": \"141100\", \"classification\": \"mild\", \"status\": \"hospitalized\"}]}");
  g_autofree char *zh = sitroom_briefing_headline (view, "zh");

  g_assert_cmpstr (zh, ==,
                   "截至8月20日13时，我省吕梁、大同、阳泉相继报告新型冠状病毒核酸阳性者共计4例，"
                   "包括确诊病例4例（其中轻型2例、重型1例、危重型1例），均已转至定点医院治疗。");
}

static void
test_cutoff_phrase (void)
{
  g_autofree char *zh = sitroom_briefing_cutoff_phrase (at ("2022-08-20T05:00:00Z"), "zh_CN");
  g_autofree char *en = sitroom_briefing_cutoff_phrase (at ("2022-12-31T16:05:00Z"), "en");

  g_assert_cmpstr (zh, ==, "截至8月20日13时");
  g_assert_cmpstr (en, ==, "As of 00:05 on 1 January 2023");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/briefing/headline/demo-zh", test_demo_chinese);
  g_test_add_func ("/briefing/headline/demo-en", test_demo_english);
  g_test_add_func ("/briefing/headline/demo-earlier-cutoff", test_demo_earlier);
  g_test_add_func ("/briefing/headline/no-cases", test_no_cases);
  g_test_add_func ("/briefing/headline/single-asymptomatic", test_single_asymptomatic_not_hospitalized);
  g_test_add_func ("/briefing/headline/order", test_order_by_count_then_first_report);
  g_test_add_func ("/briefing/cutoff-phrase", test_cutoff_phrase);

  return g_test_run ();
}
