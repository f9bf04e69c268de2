/* Tests of the briefing text: the press release's headline and chain paragraphs, in Chinese and English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

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

/* The whole text, and its paragraphs joined as sitroom_briefing_text() joins them. */
static void
assert_text (SitroomView *view,
             const char  *lang,
             const char  *expected)
{
  g_autofree char *text = sitroom_briefing_text (view, lang);
  g_auto(GStrv) paragraphs = sitroom_briefing_paragraphs (view, lang);
  g_autofree char *joined = g_strjoinv ("\n\n", paragraphs);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (joined, ==, text);
  /* One paragraph for the headline and one for each chain it counts. */
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 1 + sitroom_view_get_n_active_chains (view));
}

static void
test_no_chain_yet (void)
{
  g_autoptr(SitroomView) view = demo_view ("2022-08-17T12:00:00+08:00");

  /* The demo follows chains, and none has begun: the headline says so. */
  assert_text (view, "zh", "截至8月17日12时，我省无新型冠状病毒核酸阳性者报告。目前，我省尚无感染链条。");
  assert_text (view, "en", "As of 12:00 on 17 August 2022, no nucleic-acid positive had been reported in the province. "
                           "The province has no infection chain yet.");
}

/* The source's figures: 11 positives, 10 confirmed (9 mild, 1 moderate), 1
 * asymptomatic; Jincheng 5, Yuncheng 4, Taiyuan 1, Yangquan 1; chain 1's 7
 * of 78 passengers (Jincheng 5, Yuncheng 1, Taiyuan 1); chain 2's 34 close
 * and 201 secondary contacts and Yu County's measures from 12:00; chain 3's
 * 14 in centralized quarantine and Pingyao's measures from 00:00; chain 4's
 * family of three. */
static void
test_text_demo_chinese (void)
{
  g_autoptr(SitroomView) view = demo_view (NULL);

  assert_text (view, "zh",
               "截至8月20日13时，我省晋城、运城、太原、阳泉相继报告新型冠状病毒核酸阳性者共计11例，包括确诊病例10例（其中轻型9例、普通型1例），1例无症状感染者，均已转至定点医院治疗。"
               "目前，我省存在4条感染链条。\n\n"
               "第一条为Z22列车“8·17”关联疫情，于8月17日23时首次报告。"
               "乘Z22次列车8月17日在太原站下车且目的地在我省的旅客共78人，按照从严从紧原则，全部实施集中隔离医学观察。"
               "8月19日，78人中7人核酸检测阳性，其中晋城5人、运城1人、太原1人；经省、市专家会诊，6人为轻症确诊病例，1人为无症状感染者。"
               "8月20日，太原市第72号通告：“8·18”疫情无症状感染者密接人员核酸采样频次由每日1次增加到每日3次。"
               "截至20日12时，上述7人的密接、次密接人员已全部实施集中隔离医学观察，核酸检测结果均为阴性。"
               "截至目前，该链条在我省共报告核酸阳性者7例（晋城5例、运城1例、太原1例），包括确诊病例6例（其中轻型6例），1例无症状感染者。\n\n"
               "第二条为“8·18”阳泉盂县输入疫情，于8月18日7时首次报告。阳泉盂县报告1管20:1核酸混检阳性。"
               "复核确认：西藏那曲自驾游返程经停我省的5名大连籍人员核酸阳性，5人已于18日返回大连（由辽宁省计入）。"
               "8月19日，5名阳性病例现有密接34人、次密接201人，均落实隔离管控措施。"
               "8月20日，1名同酒店住客在集中隔离期间核酸检测初筛阳性，转至定点医院。"
               "自8月20日12时起，盂县全域实行静态管理，非必要不外出，进一步落实风险排查；严格交通管制；以社区（村）为单位开展全员核酸检测。"
               "截至目前，该链条在我省共报告核酸阳性者1例（阳泉1例），包括确诊病例1例（其中轻型1例）。"
               "该链条现有密切接触者34人、次密切接触者201人。\n\n"
               "第三条为“8·19”晋中平遥核酸混检阳性链条，于8月19日21时首次报告。"
               "平遥县人民医院报告当日采集的两管20:1核酸混检阳性，涉及40人，其中14人在平遥本地，26人已离开。"
               "40名混检人员全部赋红码管理，在平遥的14人实施集中隔离。对离开平遥的26人第一时间发送协查函。"
               "自8月20日0时起，平遥全县实行临时性全域静态管理，保持静默状态，非必要不外出；火车站、高铁站、高速路口限制人员流动，实行交通管制；以社区（村）为单位统筹设立核酸检测采样点，按照指定的时间、地点开展全员核酸检测。"
               "在平遥的14人抗原和核酸检测结果全部为阴性。据协查反馈，6名返回辽宁锦州人员中4人核酸检测阳性（由辽宁省计入）。"
               "据协查反馈，离开平遥的其余22人核酸检测均为阴性。截至目前，该链条在我省无核酸阳性者报告。\n\n"
               "第四条为“8·20”运城盐湖输入疫情，于8月20日9时首次报告。8月16日，一家三口16日自驾车赴西安市西京医院就诊。"
               "一家三口当晚8时许返回运城市盐湖区。8月20日，运城市中心医院相继检出一家三口西安返晋人员核酸检测阳性。"
               "运城市启动应急响应，采用“双采双检”复核，3人均为阳性。3名阳性人员转运至定点医院隔离救治。"
               "协同开展流调溯源，对密接和次密接人员分类实施管控。"
               "对病例所到场所及活动轨迹涉及的街道、小区等实施管控措施，开展核酸检测和环境采样。"
               "截至目前，该链条在我省共报告核酸阳性者3例（运城3例），包括确诊病例3例（其中轻型2例、普通型1例）。");
}

static void
test_text_demo_english (void)
{
  g_autoptr(SitroomView) view = demo_view (NULL);

  assert_text (view, "en",
               "As of 13:00 on 20 August 2022, Jincheng, Yuncheng, Taiyuan and Yangquan had reported a total of 11 nucleic-acid positives: 10 confirmed cases (9 mild, 1 moderate) and 1 asymptomatic infection, all of them moved to the designated hospital. "
               "The province has 4 infection chains.\n\n"
               "The first is the Train Z22 \"8·17\" chain, first reported at 23:00 on 17 August. "
               "All 78 passengers who left train Z22 at Taiyuan station on 17 August bound for destinations in Shanxi put in centralized quarantine for medical observation. "
               "19 August: 7 of the 78 test positive: 5 in Jincheng, 1 in Yuncheng, 1 in Taiyuan; after provincial and city expert consultation, 6 are mild confirmed cases and 1 is an asymptomatic infection. "
               "20 August: Taiyuan notice No. 72: close contacts of the “8·18” asymptomatic infection now sampled three times a day instead of once. "
               "By 12:00 on 20 August all close and secondary contacts of the 7 are in centralized quarantine, all nucleic-acid tests negative. "
               "So far the chain has 7 nucleic-acid positives in the province (Jincheng 5, Yuncheng 1, Taiyuan 1): 6 confirmed cases (6 mild) and 1 asymptomatic infection.\n\n"
               "The second is the \"8·18\" imported outbreak, Yu County, Yangquan, first reported at 07:00 on 18 August. "
               "Yu County, Yangquan, reports one positive 20:1 pooled nucleic-acid tube. "
               "Re-testing confirms 5 travellers from Dalian, stopping over in Shanxi on their way back from a self-drive trip to Nagqu, Tibet, positive; all 5 returned to Dalian on 18 August (counted by Liaoning). "
               "19 August: The 5 positives have 34 close and 201 secondary contacts, all under quarantine and control. "
               "20 August: A guest of the same hotel screens positive while in centralized quarantine and is moved to the designated hospital. "
               "From 12:00 on 20 August, in Yu County: County-wide static management; no going out unless necessary; risk screening stepped up. "
               "Strict traffic control in Yu County. Mass nucleic-acid testing, community by community (village by village). "
               "So far the chain has 1 nucleic-acid positive in the province (Yangquan 1): 1 confirmed case (1 mild). "
               "The chain has 34 close contacts and 201 secondary contacts.\n\n"
               "The third is the \"8·19\" pooled-test positive chain, Pingyao, Jinzhong, first reported at 21:00 on 19 August. "
               "Pingyao County People's Hospital reports two positive 20:1 pooled tubes sampled that day, covering 40 people: 14 still in Pingyao, 26 already gone. "
               "All 40 people in the pooled samples given red health codes; the 14 in Pingyao put in centralized quarantine. "
               "Requests for assistance sent at once for the 26 who had left Pingyao. "
               "From 00:00 on 20 August, in Pingyao County: Temporary county-wide static management: everything stays still, no going out unless necessary. "
               "Traffic control: movement restricted at the railway and high-speed rail stations and highway exits. "
               "Mass nucleic-acid testing at sampling points set up community by community (village by village), at set times and places. "
               "Antigen and nucleic-acid tests of the 14 in Pingyao all negative. "
               "Assistance feedback: of 6 people back in Jinzhou, Liaoning, 4 test positive (counted by Liaoning). "
               "Assistance feedback: the other 22 who had left Pingyao all test negative. "
               "So far no nucleic-acid positive of the chain has been reported in the province.\n\n"
               "The fourth is the \"8·20\" imported outbreak, Yanhu District, Yuncheng, first reported at 09:00 on 20 August. "
               "16 August: A family of three drives to Xijing Hospital in Xi'an for medical care on 16 August. "
               "The family returns to Yanhu District, Yuncheng, at about 20:00 the same day. "
               "20 August: Yuncheng Central Hospital finds the family of three, back from Xi'an, nucleic-acid positive one after another. "
               "Yuncheng starts its emergency response; re-checked by “double sampling, double testing”, all three positive. "
               "The three positives moved to the designated hospital for isolation and treatment. "
               "Epidemiological investigation under way; close and secondary contacts under control by category. "
               "Streets, residential compounds and places on the cases' tracks put under control, with nucleic-acid testing and environmental sampling. "
               "So far the chain has 3 nucleic-acid positives in the province (Yuncheng 3): 3 confirmed cases (2 mild, 1 moderate).");
}

/* Chains 3 and 4 not yet begun; the 8·18 chain reported, its hotel guest
 * not yet found; no measure yet. */
static void
test_text_demo_19th (void)
{
  g_autoptr(SitroomView) view = demo_view ("2022-08-19T12:00:00+08:00");

  assert_text (view, "zh",
               "截至8月19日12时，我省晋城、运城、太原相继报告新型冠状病毒核酸阳性者共计6例，包括确诊病例5例（其中轻型5例），1例无症状感染者，均已转至定点医院治疗。"
               "目前，我省存在2条感染链条。\n\n"
               "第一条为Z22列车“8·17”关联疫情，于8月17日23时首次报告。"
               "乘Z22次列车8月17日在太原站下车且目的地在我省的旅客共78人，按照从严从紧原则，全部实施集中隔离医学观察。"
               "截至目前，该链条在我省共报告核酸阳性者6例（晋城4例、运城1例、太原1例），包括确诊病例5例（其中轻型5例），1例无症状感染者。\n\n"
               "第二条为“8·18”阳泉盂县输入疫情，于8月18日7时首次报告。阳泉盂县报告1管20:1核酸混检阳性。"
               "复核确认：西藏那曲自驾游返程经停我省的5名大连籍人员核酸阳性，5人已于18日返回大连（由辽宁省计入）。"
               "截至目前，该链条在我省无核酸阳性者报告。该链条现有密切接触者34人、次密切接触者201人。");
  assert_text (view, "en",
               "As of 12:00 on 19 August 2022, Jincheng, Yuncheng and Taiyuan had reported a total of 6 nucleic-acid positives: 5 confirmed cases (5 mild) and 1 asymptomatic infection, all of them moved to the designated hospital. "
               "The province has 2 infection chains.\n\n"
               "The first is the Train Z22 \"8·17\" chain, first reported at 23:00 on 17 August. "
               "All 78 passengers who left train Z22 at Taiyuan station on 17 August bound for destinations in Shanxi put in centralized quarantine for medical observation. "
               "So far the chain has 6 nucleic-acid positives in the province (Jincheng 4, Yuncheng 1, Taiyuan 1): 5 confirmed cases (5 mild) and 1 asymptomatic infection.\n\n"
               "The second is the \"8·18\" imported outbreak, Yu County, Yangquan, first reported at 07:00 on 18 August. "
               "Yu County, Yangquan, reports one positive 20:1 pooled nucleic-acid tube. "
               "Re-testing confirms 5 travellers from Dalian, stopping over in Shanxi on their way back from a self-drive trip to Nagqu, Tibet, positive; all 5 returned to Dalian on 18 August (counted by Liaoning). "
               "So far no nucleic-acid positive of the chain has been reported in the province. "
               "The chain has 34 close contacts and 201 secondary contacts.");
}

/* Taiyuan's case reported, Jincheng's third not yet; the Dalian travellers
 * found at 20:00 told, as of 20:00. */
static void
test_text_demo_18th (void)
{
  g_autoptr(SitroomView) view = demo_view ("2022-08-18T20:00:00+08:00");

  assert_text (view, "zh",
               "截至8月18日20时，我省晋城、运城、太原相继报告新型冠状病毒核酸阳性者共计4例，包括确诊病例3例（其中轻型3例），1例无症状感染者，均已转至定点医院治疗。"
               "目前，我省存在2条感染链条。\n\n"
               "第一条为Z22列车“8·17”关联疫情，于8月17日23时首次报告。"
               "乘Z22次列车8月17日在太原站下车且目的地在我省的旅客共78人，按照从严从紧原则，全部实施集中隔离医学观察。"
               "截至目前，该链条在我省共报告核酸阳性者4例（晋城2例、运城1例、太原1例），包括确诊病例3例（其中轻型3例），1例无症状感染者。\n\n"
               "第二条为“8·18”阳泉盂县输入疫情，于8月18日7时首次报告。阳泉盂县报告1管20:1核酸混检阳性。"
               "复核确认：西藏那曲自驾游返程经停我省的5名大连籍人员核酸阳性，5人已于18日返回大连（由辽宁省计入）。"
               "截至目前，该链条在我省无核酸阳性者报告。该链条现有密切接触者34人、次密切接触者201人。");
  assert_text (view, "en",
               "As of 20:00 on 18 August 2022, Jincheng, Yuncheng and Taiyuan had reported a total of 4 nucleic-acid positives: 3 confirmed cases (3 mild) and 1 asymptomatic infection, all of them moved to the designated hospital. "
               "The province has 2 infection chains.\n\n"
               "The first is the Train Z22 \"8·17\" chain, first reported at 23:00 on 17 August. "
               "All 78 passengers who left train Z22 at Taiyuan station on 17 August bound for destinations in Shanxi put in centralized quarantine for medical observation. "
               "So far the chain has 4 nucleic-acid positives in the province (Jincheng 2, Yuncheng 1, Taiyuan 1): 3 confirmed cases (3 mild) and 1 asymptomatic infection.\n\n"
               "The second is the \"8·18\" imported outbreak, Yu County, Yangquan, first reported at 07:00 on 18 August. "
               "Yu County, Yangquan, reports one positive 20:1 pooled nucleic-acid tube. "
               "Re-testing confirms 5 travellers from Dalian, stopping over in Shanxi on their way back from a self-drive trip to Nagqu, Tibet, positive; all 5 returned to Dalian on 18 August (counted by Liaoning). "
               "So far no nucleic-acid positive of the chain has been reported in the province. "
               "The chain has 34 close contacts and 201 secondary contacts.");
}

static void
test_text_no_cases (void)
{
  g_autoptr(SitroomView) empty = view_of ("{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:30:00+08:00\"}");
  g_autoptr(SitroomView) reported = view_of (
    "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
    " \"chains\": [{\"id\": \"x\", \"label\": \"8·20\", \"title\": {\"zh\": \"“8·20”太原链条\", \"en\": \"\\\"8·20\\\" chain, Taiyuan\"},"
    "   \"first_reported\": \"2022-08-20T11:00:00+08:00\"}]}");

  /* A document that follows no chain says nothing of chains. */
  assert_text (empty, "zh", "截至8月20日13时30分，我省无新型冠状病毒核酸阳性者报告。");
  assert_text (empty, "en", "As of 13:30 on 20 August 2022, no nucleic-acid positive had been reported in the province.");

  /* A chain reported before any case of it: a paragraph that says there
   * are none, and no contacts where none are given (not "0"). */
  assert_text (reported, "zh",
               "截至8月20日13时，我省无新型冠状病毒核酸阳性者报告。目前，我省存在1条感染链条。\n\n"
               "第一条为“8·20”太原链条，于8月20日11时首次报告。截至目前，该链条在我省无核酸阳性者报告。");
  assert_text (reported, "en",
               "As of 13:00 on 20 August 2022, no nucleic-acid positive had been reported in the province. "
               "The province has 1 infection chain.\n\n"
               "The first is the \"8·20\" chain, Taiyuan, first reported at 11:00 on 20 August. "
               "So far no nucleic-acid positive of the chain has been reported in the province.");
}

static const char plurals_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
  " \"chains\": ["
  "  {\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲链条\", \"en\": \"chain A\"}, \"first_reported\": \"2022-08-20T08:00:00+08:00\","
  "   \"contacts\": {\"close\": 1, \"secondary\": 1},"
  "   \"events\": [{\"at\": \"2022-08-20T08:30:00+08:00\", \"region\": \"140100\", \"kind\": \"quarantine\", \"people\": 1}]},"
  "  {\"id\": \"b\", \"label\": \"B\", \"title\": {\"zh\": \"乙链条\", \"en\": \"chain B\"},"
  "   \"contacts\": {\"close\": 2, \"secondary\": 2},"
  "   \"events\": [{\"at\": \"2022-08-19T08:30:00+08:00\", \"region\": \"140500\", \"kind\": \"detection\", \"people\": 2}]},"
  "  {\"id\": \"c\", \"label\": \"C\", \"title\": {\"zh\": \"丙链条\", \"en\": \"chain C\"}, \"contacts\": {\"secondary\": 0}}],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-20T09:00:00+08:00\", \"region\": \"140100\", \"chain\": \"a\", \"classification\": \"mild\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"2\", \"reported_at\": \"2022-08-20T09:30:00+08:00\", \"region\": \"140105\", \"chain\": \"a\", \"classification\": \"asymptomatic\", \"status\": \"under_observation\"},"
  "  {\"id\": \"3\", \"reported_at\": \"2022-08-19T09:00:00+08:00\", \"region\": \"140500\", \"chain\": \"b\", \"classification\": \"mild\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"4\", \"reported_at\": \"2022-08-19T10:00:00+08:00\", \"region\": \"140500\", \"chain\": \"b\", \"classification\": \"moderate\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"5\", \"reported_at\": \"2022-08-19T11:00:00+08:00\", \"region\": \"140500\", \"chain\": \"b\", \"classification\": \"asymptomatic\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"6\", \"reported_at\": \"2022-08-19T12:00:00+08:00\", \"region\": \"140500\", \"chain\": \"b\", \"classification\": \"asymptomatic\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"7\", \"reported_at\": \"2022-08-20T12:00:00+08:00\", \"region\": \"140800\", \"chain\": \"c\", \"classification\": \"asymptomatic\", \"status\": \"hospitalized\"}]}";

/* 1 and 2 of everything English counts; people of events without a text
 * (told by their kind and place); a contact figure given as 0 is stated. */
static void
test_text_plurals (void)
{
  g_autoptr(SitroomView) view = view_of (plurals_document);

  assert_text (view, "en",
               "As of 13:00 on 20 August 2022, Jincheng, Taiyuan and Yuncheng had reported a total of 7 nucleic-acid positives: 3 confirmed cases (2 mild, 1 moderate) and 4 asymptomatic infections. "
               "The province has 3 infection chains.\n\n"
               "The first is the chain A, first reported at 08:00 on 20 August. Centralized quarantine in Taiyuan, 1 person. "
               "So far the chain has 2 nucleic-acid positives in the province (Taiyuan 2): 1 confirmed case (1 mild) and 1 asymptomatic infection. "
               "The chain has 1 close contact and 1 secondary contact.\n\n"
               "The second is the chain B, first reported at 09:00 on 19 August. Positives found in Jincheng, 2 people. "
               "So far the chain has 4 nucleic-acid positives in the province (Jincheng 4): 2 confirmed cases (1 mild, 1 moderate) and 2 asymptomatic infections. "
               "The chain has 2 close contacts and 2 secondary contacts.\n\n"
               "The third is the chain C, first reported at 12:00 on 20 August. "
               "So far the chain has 1 nucleic-acid positive in the province (Yuncheng 1): 1 asymptomatic infection. "
               "The chain has 0 secondary contacts.");
  assert_text (view, "zh",
               "截至8月20日13时，我省晋城、太原、运城相继报告新型冠状病毒核酸阳性者共计7例，包括确诊病例3例（其中轻型2例、普通型1例），4例无症状感染者。"
               "目前，我省存在3条感染链条。\n\n"
               "第一条为甲链条，于8月20日8时首次报告。太原实施集中隔离医学观察，涉及1人。"
               "截至目前，该链条在我省共报告核酸阳性者2例（太原2例），包括确诊病例1例（其中轻型1例），1例无症状感染者。"
               "该链条现有密切接触者1人、次密切接触者1人。\n\n"
               "第二条为乙链条，于8月19日9时首次报告。晋城发现核酸检测阳性人员，涉及2人。"
               "截至目前，该链条在我省共报告核酸阳性者4例（晋城4例），包括确诊病例2例（其中轻型1例、普通型1例），2例无症状感染者。"
               "该链条现有密切接触者2人、次密切接触者2人。\n\n"
               "第三条为丙链条，于8月20日12时首次报告。截至目前，该链条在我省共报告核酸阳性者1例（运城1例），1例无症状感染者。"
               "该链条现有次密切接触者0人。");
}

static const char wording_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-01-01T10:00:00+08:00\","
  " \"chains\": ["
  "  {\"id\": \"w\", \"label\": \"12·31\", \"title\": {\"zh\": \"“12·31”盂县链条\", \"en\": \"\\\"12·31\\\" chain, Yu County\"},"
  "   \"first_reported\": \"2021-12-31T20:00:00+08:00\","
  "   \"events\": ["
  "    {\"at\": \"2021-12-31T20:00:00+08:00\", \"region\": \"140322\", \"kind\": \"test\", \"people\": 20,"
  "     \"text\": {\"zh\": \"复核确认:1管20:1混检阳性,涉及20人;已转运(定点医院)。\", \"en\": \"Re-testing confirms one positive 20:1 pooled tube.\"}},"
  "    {\"at\": \"2022-01-01T09:00:00+08:00\", \"region\": \"140322\", \"kind\": \"note\", \"people\": 3}]}],"
  " \"measures\": ["
  "  {\"id\": \"m1\", \"region\": \"140322\", \"kind\": \"mass_testing\", \"from\": \"2022-01-01T08:30:00+08:00\", \"until\": null,"
  "   \"text\": {\"zh\": \"以社区(村)为单位开展全员核酸检测\", \"en\": \"Mass testing, community by community\"}},"
  "  {\"id\": \"m2\", \"region\": \"140000\", \"kind\": \"static_management\", \"from\": \"2022-01-01T08:00:00+08:00\", \"until\": null,"
  "   \"text\": {\"zh\": \"全省静态管理\", \"en\": \"Province-wide static management\"}},"
  "  {\"id\": \"m3\", \"region\": \"140300\", \"kind\": \"other\", \"from\": \"2022-01-01T08:00:00+08:00\", \"until\": null,"
  "   \"text\": {\"zh\": \"阳泉市通告\", \"en\": \"Yangquan notice\"}},"
  "  {\"id\": \"m4\", \"region\": \"140322\", \"kind\": \"traffic_control\", \"from\": \"2021-12-31T21:00:00+08:00\", \"until\": \"2022-01-01T06:00:00+08:00\","
  "   \"text\": {\"zh\": \"盂县交通管制\", \"en\": \"Traffic control in Yu County\"}},"
  "  {\"id\": \"m5\", \"region\": \"140322\", \"kind\": \"static_management\", \"from\": \"2022-01-01T12:00:00+08:00\", \"until\": null,"
  "   \"text\": {\"zh\": \"盂县静态管理\", \"en\": \"Static management in Yu County\"}}]}";

/* A feed's ASCII punctuation in full width, figures untouched ("20:1");
 * the year where it is not the briefing's; a measure's place said when its
 * text does not say it; the province's own measures, other measures, ended
 * and scheduled ones left out; a note without a text left out. */
static void
test_text_wording (void)
{
  g_autoptr(SitroomView) view = view_of (wording_document);

  assert_text (view, "zh",
               "截至1月1日10时，我省无新型冠状病毒核酸阳性者报告。目前，我省存在1条感染链条。\n\n"
               "第一条为“12·31”盂县链条，于2021年12月31日20时首次报告。"
               "复核确认：1管20:1混检阳性，涉及20人；已转运（定点医院）。"
               "自1月1日8时30分起，盂县：以社区（村）为单位开展全员核酸检测。截至目前，该链条在我省无核酸阳性者报告。");
  assert_text (view, "en",
               "As of 10:00 on 1 January 2022, no nucleic-acid positive had been reported in the province. "
               "The province has 1 infection chain.\n\n"
               "The first is the \"12·31\" chain, Yu County, first reported at 20:00 on 31 December 2021. "
               "Re-testing confirms one positive 20:1 pooled tube. "
               "From 08:30 on 1 January, in Yu County: Mass testing, community by community. "
               "So far no nucleic-acid positive of the chain has been reported in the province.");
}

static void
test_text_ordinals (void)
{
  GString *document = g_string_new ("{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\", \"chains\": [");
  g_autoptr(SitroomView) view = NULL;
  g_auto(GStrv) zh = NULL;
  g_auto(GStrv) en = NULL;
  g_autofree char *text = NULL;

  for (guint i = 1; i <= 21; i++)
    g_string_append_printf (document, "%s{\"id\": \"c%u\", \"label\": \"%u\", \"title\": {\"zh\": \"链条%u\", \"en\": \"chain %u\"},"
                            " \"first_reported\": \"2022-08-20T12:00:00+08:00\"}", i > 1 ? ", " : "", i, i, i, i);
  g_string_append (document, "]}");
  text = g_string_free (document, FALSE);
  view = view_of (text);

  zh = sitroom_briefing_paragraphs (view, "zh");
  en = sitroom_briefing_paragraphs (view, "en");
  g_assert_cmpuint (g_strv_length (zh), ==, 22);
  g_assert_cmpuint (g_strv_length (en), ==, 22);
  g_assert_true (g_str_has_suffix (zh[0], "目前，我省存在21条感染链条。"));
  g_assert_true (g_str_has_prefix (zh[1], "第一条为链条1，"));
  g_assert_true (g_str_has_prefix (zh[10], "第十条为链条10，"));
  g_assert_true (g_str_has_prefix (zh[11], "第十一条为链条11，"));
  g_assert_true (g_str_has_prefix (zh[20], "第二十条为链条20，"));
  g_assert_true (g_str_has_prefix (zh[21], "第二十一条为链条21，"));
  g_assert_true (g_str_has_prefix (en[2], "The second is the chain 2, "));
  g_assert_true (g_str_has_prefix (en[10], "The tenth is the chain 10, "));
  g_assert_true (g_str_has_prefix (en[11], "Chain 11 is the chain 11, "));
  g_assert_true (g_str_has_prefix (en[21], "Chain 21 is the chain 21, "));
}

/* The demo, edited by @edit as a feed would correct it. */
static SitroomSituation *
demo_edited (void (*edit) (JsonObject *root))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sitroom_source_read (NULL, 0, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) edited = NULL;
  g_autofree char *text = NULL;
  SitroomSituation *situation;

  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)));

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  edited = g_bytes_new (text, strlen (text));
  situation = sitroom_situation_new_from_bytes (edited, NULL, NULL, &error);
  g_assert_no_error (error);
  return situation;
}

static JsonObject *
find_member (JsonObject *root,
             const char *list,
             const char *id)
{
  JsonArray *array = json_object_get_array_member (root, list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (item, "id"), id) == 0)
        return item;
    }
  g_assert_not_reached ();
}

/* Jincheng's fourth case of the train chain was in fact Taiyuan's, and
 * moderate; chain 2's contacts are withdrawn but for a close count of 0;
 * Yu County's static management began at 10:30; the train chain was first
 * reported at 21:00. */
static void
edit_demo (JsonObject *root)
{
  JsonObject *kase = find_member (root, "cases", "c-0005");
  JsonObject *chain = find_member (root, "chains", "0818-yuxian");
  JsonObject *contacts = json_object_new ();

  json_object_set_string_member (kase, "region", "140100");
  json_object_set_string_member (kase, "classification", "moderate");
  json_object_set_int_member (contacts, "close", 0);
  json_object_set_object_member (chain, "contacts", contacts);
  json_object_set_string_member (find_member (root, "measures", "m-yu-static"), "from", "2022-08-20T10:30:00+08:00");
  json_object_set_string_member (find_member (root, "chains", "0817-z22"), "first_reported", "2022-08-17T21:00:00+08:00");
}

static void
test_text_from_view (void)
{
  g_autoptr(SitroomSituation) situation = demo_edited (edit_demo);
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  g_auto(GStrv) zh = sitroom_briefing_paragraphs (view, "zh");
  g_auto(GStrv) en = sitroom_briefing_paragraphs (view, "en");

  g_assert_cmpuint (g_strv_length (zh), ==, 5);
  g_assert_true (g_str_has_prefix (zh[0], "截至8月20日13时，我省晋城、运城、太原、阳泉相继报告新型冠状病毒核酸阳性者共计11例，"
                                          "包括确诊病例10例（其中轻型8例、普通型2例），1例无症状感染者，"));
  g_assert_true (g_str_has_prefix (zh[1], "第一条为Z22列车“8·17”关联疫情，于8月17日21时首次报告。"));
  g_assert_true (g_str_has_suffix (zh[1], "截至目前，该链条在我省共报告核酸阳性者7例（晋城4例、太原2例、运城1例），"
                                          "包括确诊病例6例（其中轻型5例、普通型1例），1例无症状感染者。"));
  g_assert_nonnull (strstr (zh[2], "8月20日，1名同酒店住客在集中隔离期间核酸检测初筛阳性，转至定点医院。"
                                   "自8月20日10时30分起，盂县全域实行静态管理，非必要不外出，进一步落实风险排查。"
                                   "自8月20日12时起，盂县严格交通管制；以社区（村）为单位开展全员核酸检测。"));
  g_assert_true (g_str_has_suffix (zh[2], "包括确诊病例1例（其中轻型1例）。该链条现有密切接触者0人。"));

  g_assert_true (g_str_has_prefix (en[0], "As of 13:00 on 20 August 2022, Jincheng, Yuncheng, Taiyuan and Yangquan had reported "
                                          "a total of 11 nucleic-acid positives: 10 confirmed cases (8 mild, 2 moderate) and "
                                          "1 asymptomatic infection, "));
  g_assert_true (g_str_has_suffix (en[1], "So far the chain has 7 nucleic-acid positives in the province "
                                          "(Jincheng 4, Taiyuan 2, Yuncheng 1): 6 confirmed cases (5 mild, 1 moderate) "
                                          "and 1 asymptomatic infection."));
  g_assert_nonnull (strstr (en[2], " From 10:30 on 20 August, in Yu County: County-wide static management; "
                                   "no going out unless necessary; risk screening stepped up. "
                                   "From 12:00 on 20 August: Strict traffic control in Yu County. "));
  g_assert_true (g_str_has_suffix (en[2], "1 confirmed case (1 mild). The chain has 0 close contacts."));
}

/* A view narrowed to a prefecture tells the chains it counts, numbered
 * from the first, and only their cases there. */
static void
test_text_filtered (void)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(SitroomView) view = NULL;
  g_auto(GStrv) zh = NULL;
  g_autoptr(GError) error = NULL;

  situation = sitroom_source_load (NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation),
                           sitroom_situation_lookup_region (situation, "140800"), -1);
  zh = sitroom_briefing_paragraphs (view, "zh");

  g_assert_cmpuint (g_strv_length (zh), ==, 3);
  g_assert_true (g_str_has_suffix (zh[0], "目前，我省存在2条感染链条。"));
  g_assert_true (g_str_has_prefix (zh[1], "第一条为Z22列车“8·17”关联疫情，"));
  g_assert_true (g_str_has_suffix (zh[1], "截至目前，该链条在我省共报告核酸阳性者1例（运城1例），包括确诊病例1例（其中轻型1例）。"));
  g_assert_true (g_str_has_prefix (zh[2], "第二条为“8·20”运城盐湖输入疫情，"));
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
  g_test_add_func ("/briefing/headline/no-chain-yet", test_no_chain_yet);
  g_test_add_func ("/briefing/cutoff-phrase", test_cutoff_phrase);
  g_test_add_func ("/briefing/text/demo-zh", test_text_demo_chinese);
  g_test_add_func ("/briefing/text/demo-en", test_text_demo_english);
  g_test_add_func ("/briefing/text/demo-19th-noon", test_text_demo_19th);
  g_test_add_func ("/briefing/text/demo-18th-evening", test_text_demo_18th);
  g_test_add_func ("/briefing/text/no-cases", test_text_no_cases);
  g_test_add_func ("/briefing/text/plurals", test_text_plurals);
  g_test_add_func ("/briefing/text/wording", test_text_wording);
  g_test_add_func ("/briefing/text/ordinals", test_text_ordinals);
  g_test_add_func ("/briefing/text/from-view", test_text_from_view);
  g_test_add_func ("/briefing/text/filtered", test_text_filtered);

  return g_test_run ();
}
