/* Tests of chain status, a chain's cases and its story against the demo's hand counts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-chains.h"
#include "sitroom-test-demo.h"

#define A SITROOM_CHAIN_ACTIVE
#define C SITROOM_CHAIN_CLOSED
#define N SITROOM_CHAIN_NOT_STARTED

/* The demo's chains in document order. */
static const char *const demo_chains[] = { "0817-z22", "0818-yuxian", "0819-pingyao", "0820-yanhu" };

static SitroomSituation *demo;

/* The demo's chain @id: the tests name chains often. */
static int
chain (const char *id)
{
  return sitroom_test_demo_chain (demo, id);
}

static void
test_status_names (void)
{
  g_assert_cmpstr (sitroom_chain_status_to_string (SITROOM_CHAIN_ACTIVE), ==, "active");
  g_assert_cmpstr (sitroom_chain_status_to_string (SITROOM_CHAIN_CLOSED), ==, "closed");
  g_assert_cmpstr (sitroom_chain_status_to_string (SITROOM_CHAIN_NOT_STARTED), ==, "not-started");
}

typedef struct {
  const char *cutoff;
  SitroomChainStatus status[G_N_ELEMENTS (demo_chains)];
} StatusRow;

static void
check_statuses (const StatusRow *rows,
                guint            n_rows,
                guint            close_days)
{
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, rows[r].cutoff);

      for (guint i = 0; i < G_N_ELEMENTS (demo_chains); i++)
        {
          SitroomChainStatus status = sitroom_chain_get_status (view, chain (demo_chains[i]), close_days);

          g_test_message ("%s at %s, %u days", demo_chains[i], rows[r].cutoff, close_days);
          g_assert_cmpstr (sitroom_chain_status_to_string (status), ==,
                           sitroom_chain_status_to_string (rows[r].status[i]));
          /* "Started" means what the view's figures mean by it. */
          g_assert_cmpint (status != SITROOM_CHAIN_NOT_STARTED, ==,
                           sitroom_view_get_chain (view, chain (demo_chains[i]))->started);
        }
    }
}

/* data/demo/README.md, "Chains": first reports 08-17 23:00, 08-18 07:00,
 * 08-19 21:00 and 08-20 09:00. A chain starts at its first report: Z22's
 * quarantine event (08-17 18:00) and the 8·20 family's trip (the notes of
 * 08-16 11:00 and 20:00) come before, are the chains' history and start
 * nothing, so 8·20 is not started until its detection on 08-20 09:00. */
static void
test_status_start (void)
{
  static const StatusRow rows[] = {
    { "2022-08-16T11:00:00+08:00", { N, N, N, N } },
    { "2022-08-16T20:00:00+08:00", { N, N, N, N } },
    { "2022-08-17T18:00:00+08:00", { N, N, N, N } },
    { "2022-08-17T22:59:59+08:00", { N, N, N, N } },
    { "2022-08-17T23:00:00+08:00", { A, N, N, N } },
    { "2022-08-18T06:59:59+08:00", { A, N, N, N } },
    { "2022-08-18T07:00:00+08:00", { A, A, N, N } },
    { "2022-08-19T20:59:59+08:00", { A, A, N, N } },
    { "2022-08-19T21:00:00+08:00", { A, A, A, N } },
    { "2022-08-20T08:59:59+08:00", { A, A, A, N } },
    { "2022-08-20T09:00:00+08:00", { A, A, A, A } },
    { "2022-08-20T13:00:00+08:00", { A, A, A, A } },
  };

  check_statuses (rows, G_N_ELEMENTS (rows), SITROOM_CHAIN_DEFAULT_CLOSE_DAYS);
}

/* Last cases: Z22 c-0007 08-19 16:00, Yu County c-0008 08-20 08:00, the
 * family c-0011 08-20 11:00; Pingyao has none and started 08-19 21:00.
 * Each closes exactly 14 days later. */
static void
test_status_closing (void)
{
  static const StatusRow rows[] = {
    { "2022-09-02T15:59:59+08:00", { A, A, A, A } },
    { "2022-09-02T16:00:00+08:00", { C, A, A, A } },
    { "2022-09-02T20:59:59+08:00", { C, A, A, A } },
    { "2022-09-02T21:00:00+08:00", { C, A, C, A } },
    { "2022-09-03T07:59:59+08:00", { C, A, C, A } },
    { "2022-09-03T08:00:00+08:00", { C, C, C, A } },
    { "2022-09-03T10:59:59+08:00", { C, C, C, A } },
    { "2022-09-03T11:00:00+08:00", { C, C, C, C } },
  };

  check_statuses (rows, G_N_ELEMENTS (rows), SITROOM_CHAIN_DEFAULT_CLOSE_DAYS);
}

/* The rule is a setting: with one day, Z22 closes 24 h after c-0007, the
 * others are still within a day at 16:00 on 08-20; by 09-10 all are closed.
 * With 30 days all are still active on 09-10. */
static void
test_status_close_days (void)
{
  static const StatusRow one_day[] = {
    { "2022-08-20T13:00:00+08:00", { A, A, A, A } },
    { "2022-08-20T15:59:59+08:00", { A, A, A, A } },
    { "2022-08-20T16:00:00+08:00", { C, A, A, A } },
    { "2022-08-20T20:59:59+08:00", { C, A, A, A } },
    { "2022-08-20T21:00:00+08:00", { C, A, C, A } },
    { "2022-09-10T00:00:00+08:00", { C, C, C, C } },
  };
  static const StatusRow month[] = {
    { "2022-09-10T00:00:00+08:00", { A, A, A, A } },
  };
  static const StatusRow default_days[] = {
    { "2022-09-10T00:00:00+08:00", { C, C, C, C } },
  };

  check_statuses (one_day, G_N_ELEMENTS (one_day), 1);
  check_statuses (month, G_N_ELEMENTS (month), 30);
  check_statuses (default_days, G_N_ELEMENTS (default_days), SITROOM_CHAIN_DEFAULT_CLOSE_DAYS);
}

/* Taiyuan's only case (c-0004, 08-18 15:00) is more than 14 days old on
 * 09-01 at 16:00, but Z22's last case in Jincheng is not: the chain is
 * still active, whichever prefecture or chain the view is narrowed to. */
static void
test_status_ignores_filters (void)
{
  gint64 cutoff = sitroom_test_demo_at ("2022-09-01T16:00:00+08:00");
  g_autoptr(SitroomView) taiyuan = sitroom_view_new (demo, cutoff, sitroom_test_demo_region (demo, "140100"),
                                                     -1);
  g_autoptr(SitroomView) family = sitroom_view_new (demo, cutoff, -1, chain ("0820-yanhu"));
  g_autoptr(SitroomView) pingyao = sitroom_view_new (demo, sitroom_test_demo_at ("2022-08-20T13:00:00+08:00"),
                                                     sitroom_test_demo_region (demo, "140700"), -1);
  int z22 = chain ("0817-z22");

  /* The filtered figures do see only Taiyuan's case... */
  g_assert_cmpint (sitroom_view_get_chain (taiyuan, z22)->last_case, ==,
                   sitroom_test_demo_at ("2022-08-18T15:00:00+08:00"));
  /* ...and the chain is active all the same. */
  g_assert_cmpint (sitroom_chain_get_status (taiyuan, z22, 14), ==, SITROOM_CHAIN_ACTIVE);
  g_assert_cmpint (sitroom_chain_get_status (family, z22, 14), ==, SITROOM_CHAIN_ACTIVE);
  g_assert_cmpint (sitroom_chain_get_status (family, chain ("0818-yuxian"), 14), ==, SITROOM_CHAIN_ACTIVE);
  /* Without a case in Jinzhong, Z22 has still started. */
  g_assert_cmpint (sitroom_chain_get_status (pingyao, z22, 14), ==, SITROOM_CHAIN_ACTIVE);
  g_assert_cmpint (sitroom_chain_get_status (taiyuan, z22, 1), ==, SITROOM_CHAIN_CLOSED);
}

static void
check_cases (SitroomView       *view,
             const char        *id,
             const char *const *expected)
{
  g_autoptr(GArray) cases = sitroom_chain_get_cases (view, chain (id));
  guint n_expected = expected != NULL ? g_strv_length ((char **) expected) : 0;

  g_test_message ("cases of %s", id);
  g_assert_cmpuint (cases->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (demo, g_array_index (cases, int, i));

      g_assert_cmpstr (kase->id, ==, expected[i]);
    }
  /* The list and the count beside it agree. */
  g_assert_cmpuint (cases->len, ==, sitroom_view_get_chain (view, chain (id))->counts.positives);
}

/* data/demo/README.md, "Cases". */
static void
test_cases_demo (void)
{
  static const char *const z22[] = { "c-0001", "c-0002", "c-0003", "c-0004", "c-0005", "c-0006", "c-0007", NULL };
  static const char *const yuxian[] = { "c-0008", NULL };
  static const char *const family[] = { "c-0009", "c-0010", "c-0011", NULL };
  static const char *const family_two[] = { "c-0009", "c-0010", NULL };
  static const char *const family_one[] = { "c-0009", NULL };
  static const char *const z22_by_noon[] = { "c-0001", "c-0002", "c-0003", "c-0004", "c-0005", "c-0006", NULL };
  g_autoptr(SitroomView) as_of = sitroom_test_demo_view_at (demo, "2022-08-20T13:00:00+08:00");
  g_autoptr(SitroomView) family_second = sitroom_test_demo_view_at (demo, "2022-08-20T10:45:00+08:00");
  g_autoptr(SitroomView) family_first = sitroom_test_demo_view_at (demo, "2022-08-20T10:44:59+08:00");
  g_autoptr(SitroomView) noon = sitroom_test_demo_view_at (demo, "2022-08-19T12:00:00+08:00");
  g_autoptr(SitroomView) before_hotel = sitroom_test_demo_view_at (demo, "2022-08-20T07:59:59+08:00");

  check_cases (as_of, "0817-z22", z22);
  check_cases (as_of, "0818-yuxian", yuxian);
  check_cases (as_of, "0819-pingyao", NULL);
  check_cases (as_of, "0820-yanhu", family);
  /* A case reported at the cutoff is counted; one a second later is not. */
  check_cases (family_second, "0820-yanhu", family_two);
  check_cases (family_first, "0820-yanhu", family_one);
  check_cases (noon, "0817-z22", z22_by_noon);
  check_cases (before_hotel, "0818-yuxian", NULL);
}

static void
test_cases_filtered (void)
{
  static const char *const z22_jincheng[] = { "c-0001", "c-0002", "c-0005", "c-0006", "c-0007", NULL };
  static const char *const z22_yuncheng[] = { "c-0003", NULL };
  static const char *const family[] = { "c-0009", "c-0010", "c-0011", NULL };
  gint64 as_of = sitroom_situation_get_as_of (demo);
  g_autoptr(SitroomView) jincheng = sitroom_view_new (demo, as_of, sitroom_test_demo_region (demo, "140500"),
                                                      -1);
  g_autoptr(SitroomView) yuncheng = sitroom_view_new (demo, as_of, sitroom_test_demo_region (demo, "140800"),
                                                      -1);
  g_autoptr(SitroomView) of_family = sitroom_view_new (demo, as_of, -1, chain ("0820-yanhu"));

  check_cases (jincheng, "0817-z22", z22_jincheng);
  check_cases (jincheng, "0820-yanhu", NULL);
  check_cases (yuncheng, "0817-z22", z22_yuncheng);
  check_cases (yuncheng, "0820-yanhu", family);
  /* A view narrowed to one chain counts none of another. */
  check_cases (of_family, "0817-z22", NULL);
  check_cases (of_family, "0820-yanhu", family);
}

typedef struct {
  SitroomStoryKind kind;
  const char *at;
  const char *code;
  SitroomEventKind event_kind;    /* events */
  guint n_cases;                  /* case lines */
  guint n_asymptomatic;
} Line;

#define EVENT(t, code, kind) { SITROOM_STORY_EVENT, t, code, kind, 0, 0 }
#define CASES(t, code, n, asym) { SITROOM_STORY_CASES, t, code, 0, n, asym }

static void
check_story (SitroomSituation *situation,
             SitroomView      *view,
             int               index,
             const Line       *expected,
             guint             n_expected)
{
  const SitroomChain *c = sitroom_situation_get_chain (situation, index);
  g_autoptr(GArray) story = sitroom_chain_get_story (view, index);
  guint next_event = 0;

  g_test_message ("story of %s", c->id);
  g_assert_cmpuint (story->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const SitroomStoryLine *line = &g_array_index (story, SitroomStoryLine, i);

      g_test_message ("line %u", i);
      g_assert_cmpint (line->kind, ==, expected[i].kind);
      g_assert_cmpint (line->at, ==, sitroom_test_demo_at (expected[i].at));
      g_assert_cmpstr (sitroom_situation_get_region (situation, line->region)->code, ==, expected[i].code);
      if (line->kind == SITROOM_STORY_EVENT)
        {
          /* Events are told in their own order, none left out. */
          g_assert_cmpint (line->event, ==, next_event);
          next_event++;
          g_assert_cmpint (c->events[line->event].at, ==, line->at);
          g_assert_cmpint (c->events[line->event].kind, ==, expected[i].event_kind);
        }
      else
        {
          g_assert_cmpint (line->event, ==, -1);
          g_assert_cmpuint (line->n_cases, ==, expected[i].n_cases);
          g_assert_cmpuint (line->n_asymptomatic, ==, expected[i].n_asymptomatic);
        }
    }
}

/* "8·17": the 78 passengers quarantined at Taiyuan first; the cases by
 * day and prefecture (Jincheng 2 on 08-17; Yuncheng, Taiyuan's
 * asymptomatic one and Jincheng on 08-18; Jincheng 2 on 08-19, the second
 * at 16:00 before the 16:30 detection event, which the day's line, dated
 * by its first case, precedes); then the events of 08-19 and 08-20. */
static const Line z22_story[] = {
  EVENT ("2022-08-17T18:00:00+08:00", "140100", SITROOM_EVENT_QUARANTINE),
  CASES ("2022-08-17T23:00:00+08:00", "140500", 2, 0),
  CASES ("2022-08-18T08:00:00+08:00", "140800", 1, 0),
  CASES ("2022-08-18T15:00:00+08:00", "140100", 1, 1),
  CASES ("2022-08-18T21:00:00+08:00", "140500", 1, 0),
  CASES ("2022-08-19T09:00:00+08:00", "140500", 2, 0),
  EVENT ("2022-08-19T16:30:00+08:00", "140000", SITROOM_EVENT_DETECTION),
  EVENT ("2022-08-20T00:00:00+08:00", "140100", SITROOM_EVENT_MEASURE),
  EVENT ("2022-08-20T12:00:00+08:00", "140000", SITROOM_EVENT_TRACE),
};

static void
test_story_z22 (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, "2022-08-20T13:00:00+08:00");
  g_autoptr(GArray) story = sitroom_chain_get_story (view, chain ("0817-z22"));
  const SitroomChain *c = sitroom_situation_get_chain (demo, chain ("0817-z22"));
  const SitroomStoryLine *first;

  check_story (demo, view, chain ("0817-z22"), z22_story, G_N_ELEMENTS (z22_story));

  first = &g_array_index (story, SitroomStoryLine, 0);
  g_assert_cmpint (c->events[first->event].people, ==, 78);
}

/* The story is the whole chain's: a view narrowed to Jincheng or to
 * another chain tells it the same. */
static void
test_story_filtered (void)
{
  gint64 as_of = sitroom_situation_get_as_of (demo);
  g_autoptr(SitroomView) jincheng = sitroom_view_new (demo, as_of, sitroom_test_demo_region (demo, "140500"),
                                                      -1);
  g_autoptr(SitroomView) family = sitroom_view_new (demo, as_of, -1, chain ("0820-yanhu"));

  check_story (demo, jincheng, chain ("0817-z22"), z22_story, G_N_ELEMENTS (z22_story));
  check_story (demo, family, chain ("0817-z22"), z22_story, G_N_ELEMENTS (z22_story));
}

/* Yu County: the hotel guest's detection event and the case line of the
 * same minute (08-20 08:00), the event first; the Dalian travellers are
 * an event, not cases. Pingyao: events only. */
static void
test_story_same_time (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, "2022-08-20T13:00:00+08:00");
  static const Line yuxian[] = {
    EVENT ("2022-08-18T07:00:00+08:00", "140322", SITROOM_EVENT_TEST),
    EVENT ("2022-08-18T20:00:00+08:00", "210200", SITROOM_EVENT_DETECTION),
    EVENT ("2022-08-19T18:00:00+08:00", "140322", SITROOM_EVENT_TRACE),
    EVENT ("2022-08-20T08:00:00+08:00", "140322", SITROOM_EVENT_DETECTION),
    CASES ("2022-08-20T08:00:00+08:00", "140300", 1, 0),
    EVENT ("2022-08-20T12:00:00+08:00", "140322", SITROOM_EVENT_MEASURE),
  };
  static const Line pingyao[] = {
    EVENT ("2022-08-19T21:00:00+08:00", "140728", SITROOM_EVENT_TEST),
    EVENT ("2022-08-19T22:00:00+08:00", "140728", SITROOM_EVENT_QUARANTINE),
    EVENT ("2022-08-19T22:30:00+08:00", "140728", SITROOM_EVENT_TRACE),
    EVENT ("2022-08-20T00:00:00+08:00", "140728", SITROOM_EVENT_MEASURE),
    EVENT ("2022-08-20T04:00:00+08:00", "140728", SITROOM_EVENT_TEST),
    EVENT ("2022-08-20T09:00:00+08:00", "210700", SITROOM_EVENT_DETECTION),
    EVENT ("2022-08-20T10:00:00+08:00", "140728", SITROOM_EVENT_TEST),
  };

  check_story (demo, view, chain ("0818-yuxian"), yuxian, G_N_ELEMENTS (yuxian));
  check_story (demo, view, chain ("0819-pingyao"), pingyao, G_N_ELEMENTS (pingyao));
}

/* Nothing after the cutoff, a day's line only with the cases by then, and
 * no story at all for the family before its chain was reported at 09:00,
 * though its trip is dated 08-16. */
static void
test_story_cutoff (void)
{
  static const Line z22_noon[] = {
    EVENT ("2022-08-17T18:00:00+08:00", "140100", SITROOM_EVENT_QUARANTINE),
    CASES ("2022-08-17T23:00:00+08:00", "140500", 2, 0),
    CASES ("2022-08-18T08:00:00+08:00", "140800", 1, 0),
    CASES ("2022-08-18T15:00:00+08:00", "140100", 1, 1),
    CASES ("2022-08-18T21:00:00+08:00", "140500", 1, 0),
    CASES ("2022-08-19T09:00:00+08:00", "140500", 1, 0),
  };
  static const Line family_morning[] = {
    EVENT ("2022-08-16T11:00:00+08:00", "610100", SITROOM_EVENT_NOTE),
    EVENT ("2022-08-16T20:00:00+08:00", "140802", SITROOM_EVENT_NOTE),
    EVENT ("2022-08-20T09:00:00+08:00", "140802", SITROOM_EVENT_DETECTION),
    EVENT ("2022-08-20T10:00:00+08:00", "140802", SITROOM_EVENT_TEST),
    CASES ("2022-08-20T10:30:00+08:00", "140800", 2, 0),
  };
  g_autoptr(SitroomView) noon = sitroom_test_demo_view_at (demo, "2022-08-19T12:00:00+08:00");
  g_autoptr(SitroomView) before_report = sitroom_test_demo_view_at (demo, "2022-08-20T08:59:59+08:00");
  g_autoptr(SitroomView) morning = sitroom_test_demo_view_at (demo, "2022-08-20T10:45:00+08:00");

  check_story (demo, noon, chain ("0817-z22"), z22_noon, G_N_ELEMENTS (z22_noon));
  check_story (demo, before_report, chain ("0820-yanhu"), NULL, 0);
  check_story (demo, morning, chain ("0820-yanhu"), family_morning, G_N_ELEMENTS (family_morning));
}

/* A document of its own for the day's edges: 23:59:59 and 00:00:00 CST
 * are different days (the second written in UTC), cases of the same time
 * in two prefectures make two lines in document order, a county's case
 * joins its prefecture's line, a case placed at the province is told
 * there, a case of no chain is no line of it. */
static const char edges_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-19T12:00:00+08:00\","
  " \"chains\": ["
  "  {\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲\"},"
  "   \"events\": ["
  "    {\"at\": \"2022-08-18T00:00:00+08:00\", \"kind\": \"note\", \"region\": \"140100\", \"text\": {\"zh\": \"事\"}}"
  "   ]}"
  " ],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-17T23:59:59+08:00\", \"region\": \"140100\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"2\", \"reported_at\": \"2022-08-17T16:00:00Z\", \"region\": \"140100\", \"chain\": \"a\","
  "   \"classification\": \"asymptomatic\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"3\", \"reported_at\": \"2022-08-18T00:00:00+08:00\", \"region\": \"140500\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"4\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"140105\", \"chain\": \"a\","
  "   \"classification\": \"severe\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"5\", \"reported_at\": \"2022-08-18T10:00:00+08:00\", \"region\": \"140000\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"6\", \"reported_at\": \"2022-08-18T11:00:00+08:00\", \"region\": \"140100\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"}"
  " ]}";

static void
test_story_day_edges (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_parse (edges_document);
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(SitroomView) before = NULL;
  g_autoptr(SitroomView) late = NULL;
  static const Line expected[] = {
    CASES ("2022-08-17T23:59:59+08:00", "140100", 1, 0),
    EVENT ("2022-08-18T00:00:00+08:00", "140100", SITROOM_EVENT_NOTE),
    CASES ("2022-08-18T00:00:00+08:00", "140100", 2, 1),
    CASES ("2022-08-18T00:00:00+08:00", "140500", 1, 0),
    CASES ("2022-08-18T10:00:00+08:00", "140000", 1, 0),
  };

  view = sitroom_test_demo_view_at (situation, NULL);
  check_story (situation, view, 0, expected, G_N_ELEMENTS (expected));

  /* With no first report, the chain starts with its first case (a second
   * before its first event) and closes a day after its last case (08-18
   * 10:00; the case of no chain an hour later is not its). */
  before = sitroom_test_demo_view_at (situation, "2022-08-17T23:59:58+08:00");
  g_assert_cmpint (sitroom_chain_get_status (before, 0, 14), ==, SITROOM_CHAIN_NOT_STARTED);
  check_story (situation, before, 0, NULL, 0);
  late = sitroom_test_demo_view_at (situation, "2022-08-17T23:59:59+08:00");
  g_assert_cmpint (sitroom_chain_get_status (late, 0, 14), ==, SITROOM_CHAIN_ACTIVE);
  g_clear_object (&late);
  late = sitroom_test_demo_view_at (situation, "2022-08-19T09:59:59+08:00");
  g_assert_cmpint (sitroom_chain_get_status (late, 0, 1), ==, SITROOM_CHAIN_ACTIVE);
  g_clear_object (&late);
  late = sitroom_test_demo_view_at (situation, "2022-08-19T10:00:00+08:00");
  g_assert_cmpint (sitroom_chain_get_status (late, 0, 1), ==, SITROOM_CHAIN_CLOSED);
}

/* A chain with no first report: its events, however early, are history;
 * its first case (in Taiyuan, 08-19 09:00) starts it, and it closes after
 * that case as any chain does. Chain b has events and nothing else: it
 * never starts. */
static const char events_only_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-21T12:00:00+08:00\","
  " \"chains\": ["
  "  {\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲\"},"
  "   \"events\": ["
  "    {\"at\": \"2022-08-18T06:00:00+08:00\", \"kind\": \"note\", \"region\": \"140100\", \"text\": {\"zh\": \"行程\"}},"
  "    {\"at\": \"2022-08-19T09:00:00+08:00\", \"kind\": \"detection\", \"region\": \"140100\", \"text\": {\"zh\": \"检出\"}}"
  "   ]},"
  "  {\"id\": \"b\", \"label\": \"B\", \"title\": {\"zh\": \"乙\"},"
  "   \"events\": ["
  "    {\"at\": \"2022-08-18T06:00:00+08:00\", \"kind\": \"test\", \"region\": \"140100\", \"text\": {\"zh\": \"检\"}}"
  "   ]}"
  " ],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-19T09:00:00+08:00\", \"region\": \"140100\", \"chain\": \"a\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"}"
  " ]}";

static void
test_status_no_first_report (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_parse (events_only_document);
  g_autoptr(SitroomView) elsewhere = NULL;
  struct {
    const char *cutoff;
    guint close_days;
    SitroomChainStatus a;
    guint story;          /* lines of a's story */
  } rows[] = {
    { "2022-08-18T05:59:59+08:00", 14, N, 0 },
    { "2022-08-18T06:00:00+08:00", 14, N, 0 },
    { "2022-08-19T08:59:59+08:00", 14, N, 0 },
    /* Its history is told once it has started: the note, the detection, the case. */
    { "2022-08-19T09:00:00+08:00", 14, A, 3 },
    { "2022-08-20T08:59:59+08:00", 1, A, 3 },
    { "2022-08-20T09:00:00+08:00", 1, C, 3 },
    { "2022-08-20T09:00:00+08:00", 2, A, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, rows[i].cutoff);
      g_autoptr(GArray) story = sitroom_chain_get_story (view, 0);
      g_autoptr(GArray) b_story = sitroom_chain_get_story (view, 1);

      g_test_message ("at %s, %u days", rows[i].cutoff, rows[i].close_days);
      g_assert_cmpint (sitroom_chain_get_status (view, 0, rows[i].close_days), ==, rows[i].a);
      g_assert_cmpint (sitroom_view_get_chain (view, 0)->started, ==, rows[i].a != N);
      g_assert_cmpuint (story->len, ==, rows[i].story);
      g_assert_cmpint (sitroom_chain_get_status (view, 1, rows[i].close_days), ==, N);
      g_assert_false (sitroom_view_get_chain (view, 1)->started);
      g_assert_cmpuint (b_story->len, ==, 0);
    }

  /* Started is the chain's: a view of another prefecture counts none of
   * its cases, and it has started all the same. */
  elsewhere = sitroom_view_new (situation, sitroom_situation_get_as_of (situation),
                                sitroom_test_demo_region (situation, "140500"), -1);
  g_assert_cmpuint (sitroom_view_get_chain (elsewhere, 0)->counts.positives, ==, 0);
  g_assert_true (sitroom_view_get_chain (elsewhere, 0)->started);
  g_assert_cmpint (sitroom_chain_get_status (elsewhere, 0, 14), ==, SITROOM_CHAIN_ACTIVE);
  g_assert_cmpuint (sitroom_view_get_n_active_chains (elsewhere), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  demo = sitroom_test_demo_load ();

  g_test_add_func ("/chains/status/names", test_status_names);
  g_test_add_func ("/chains/status/start", test_status_start);
  g_test_add_func ("/chains/status/closing", test_status_closing);
  g_test_add_func ("/chains/status/close-days", test_status_close_days);
  g_test_add_func ("/chains/status/ignores-filters", test_status_ignores_filters);
  g_test_add_func ("/chains/status/no-first-report", test_status_no_first_report);
  g_test_add_func ("/chains/cases/demo", test_cases_demo);
  g_test_add_func ("/chains/cases/filtered", test_cases_filtered);
  g_test_add_func ("/chains/story/z22", test_story_z22);
  g_test_add_func ("/chains/story/filtered", test_story_filtered);
  g_test_add_func ("/chains/story/same-time", test_story_same_time);
  g_test_add_func ("/chains/story/cutoff", test_story_cutoff);
  g_test_add_func ("/chains/story/day-edges", test_story_day_edges);

  status = g_test_run ();
  g_clear_object (&demo);
  return status;
}
