/* Tests of sitroom's command-line modes, run as a real process with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sitroom-briefing.h"
#include "sitroom-source.h"
#include "sitroom-test-cli.h"
#include "sitroom-time.h"

static char *tmpdir;

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
demo_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "shanxi-2022-08-20.json", NULL);
}

static void
test_version (void)
{
  g_auto(SitroomTestRun) run = { 0 };

  sitroom_test_run_sitroom (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "sitroom " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(SitroomTestRun) run = { 0 };

  sitroom_test_run_sitroom (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--summary"));
  g_assert_nonnull (strstr (run.out, "--check-feed"));
  g_assert_nonnull (strstr (run.out, "--as-of"));
}

/* The whole briefing, as sitroom_briefing_text() writes it: the headline
 * and a paragraph for each chain, a blank line between them. */
static void
assert_briefing (const char *out,
                 const char *as_of,
                 const char *lang,
                 guint       n_paragraphs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_source_load (NULL, NULL, NULL, &error);
  g_autoptr(SitroomView) view = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) paragraphs = NULL;
  gint64 cutoff = 0;
  int offset;

  g_assert_no_error (error);
  if (as_of != NULL)
    g_assert_true (sitroom_time_parse (as_of, &cutoff, &offset));
  view = sitroom_view_new (situation, as_of != NULL ? cutoff : sitroom_situation_get_as_of (situation), -1, -1);
  text = sitroom_briefing_text (view, lang);
  expected = g_strconcat (text, "\n", NULL);
  g_assert_cmpstr (out, ==, expected);

  paragraphs = g_strsplit (out, "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paragraphs), ==, n_paragraphs);
}

static void
test_summary_text (void)
{
  g_auto(SitroomTestRun) zh = { 0 };
  g_auto(SitroomTestRun) en = { 0 };
  g_auto(SitroomTestRun) earlier = { 0 };

  sitroom_test_run_sitroom (&zh, "--summary", "--lang", "zh", NULL);
  g_assert_cmpint (zh.status, ==, 0);
  g_assert_true (g_str_has_prefix (zh.out, "截至8月20日13时，我省晋城、运城、太原、阳泉相继报告新型冠状病毒核酸阳性者共计11例"));
  g_assert_nonnull (strstr (zh.out, "目前，我省存在4条感染链条。\n\n第一条为Z22列车“8·17”关联疫情，"));
  g_assert_nonnull (strstr (zh.out, "\n\n第四条为“8·20”运城盐湖输入疫情，"));
  assert_briefing (zh.out, NULL, "zh", 5);

  sitroom_test_run_sitroom (&en, "--summary", "--format", "text", "--lang", "en", NULL);
  g_assert_cmpint (en.status, ==, 0);
  g_assert_true (g_str_has_prefix (en.out, "As of 13:00 on 20 August 2022, Jincheng, Yuncheng, Taiyuan and Yangquan"));
  g_assert_nonnull (strstr (en.out, "The province has 4 infection chains.\n\nThe first is the Train Z22 \"8·17\" chain, "));
  assert_briefing (en.out, NULL, "en", 5);

  /* Two chains had begun by noon on the 19th. */
  sitroom_test_run_sitroom (&earlier, "--summary", "--lang", "zh", "--as-of", "2022-08-19T12:00:00+08:00", NULL);
  g_assert_cmpint (earlier.status, ==, 0);
  assert_briefing (earlier.out, "2022-08-19T12:00:00+08:00", "zh", 3);
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr(GError) error = NULL;

  *root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

static void
test_summary_json (void)
{
  g_auto(SitroomTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *demo = demo_path ();
  JsonObject *summary;

  /* The demo as a file gives the same figures as the built-in one. */
  sitroom_test_run_sitroom (&run, "--summary", "--feed", demo, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  summary = parse_object (run.out, &root);
  g_assert_cmpstr (json_object_get_string_member (summary, "as_of"), ==, "2022-08-20T13:00:00+08:00");
  g_assert_cmpint (json_object_get_int_member (summary, "positives"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (summary, "confirmed"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (summary, "asymptomatic"), ==, 1);
  g_assert_true (json_object_has_member (summary, "warnings"));
}

static void
test_summary_as_of (void)
{
  g_auto(SitroomTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *summary;

  sitroom_test_run_sitroom (&run, "--summary", "--format", "json", "--as-of", "2022-08-18T16:00:00Z", NULL);
  g_assert_cmpint (run.status, ==, 0);
  summary = parse_object (run.out, &root);
  g_assert_cmpstr (json_object_get_string_member (summary, "as_of"), ==, "2022-08-18T16:00:00+00:00");
  g_assert_cmpint (json_object_get_int_member (summary, "positives"), ==, 5);
}

static void
test_summary_bad_arguments (void)
{
  g_auto(SitroomTestRun) garbage = { 0 };
  g_auto(SitroomTestRun) future = { 0 };
  g_auto(SitroomTestRun) format = { 0 };
  g_auto(SitroomTestRun) lang = { 0 };

  sitroom_test_run_sitroom (&garbage, "--summary", "--as-of", "yesterday", NULL);
  g_assert_cmpint (garbage.status, ==, 2);
  g_assert_nonnull (strstr (garbage.err, "RFC 3339"));

  sitroom_test_run_sitroom (&future, "--summary", "--as-of", "2022-08-21T00:00:00+08:00", NULL);
  g_assert_cmpint (future.status, ==, 2);
  g_assert_nonnull (strstr (future.err, "after the document"));

  sitroom_test_run_sitroom (&format, "--summary", "--format", "xml", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "xml"));

  sitroom_test_run_sitroom (&lang, "--summary", "--lang", "fr", NULL);
  g_assert_cmpint (lang.status, ==, 2);
}

static void
test_summary_bad_feed (void)
{
  g_autofree char *missing = g_build_filename (tmpdir, "missing.json", NULL);
  g_autofree char *bad = write_file ("bad-summary.json",
                                     "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
                                     " \"cases\": [{\"id\": \"1\", \"reported_at\": \"2022-08-20T09:00:00+08:00\","
                                     " \"region\": \"149999\", \"classification\": \"mild\", \"status\": \"recovered\"}]}");
  g_auto(SitroomTestRun) gone = { 0 };
  g_auto(SitroomTestRun) refused = { 0 };

  sitroom_test_run_sitroom (&gone, "--summary", "--feed", missing, NULL);
  g_assert_cmpint (gone.status, ==, 2);
  g_assert_nonnull (strstr (gone.err, "missing.json"));
  g_assert_cmpstr (gone.out, ==, "");

  sitroom_test_run_sitroom (&refused, "--summary", "--feed", bad, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "/cases/0/region"));
  g_assert_nonnull (strstr (refused.err, "149999"));
  g_assert_cmpstr (refused.out, ==, "");
}

static void
test_check_valid (void)
{
  g_autofree char *demo = demo_path ();
  g_autofree char *uri = g_filename_to_uri (demo, NULL, NULL);
  g_autofree char *clean = write_file ("clean.json", "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\"}");
  g_auto(SitroomTestRun) run = { 0 };
  g_auto(SitroomTestRun) by_uri = { 0 };
  g_auto(SitroomTestRun) quiet = { 0 };

  /* The demo is valid with its two true warnings. */
  sitroom_test_run_sitroom (&run, "--check-feed", demo, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "warning: /chains/2: "));
  g_assert_nonnull (strstr (run.out, "warning: /quarantine_sites/3: "));
  g_assert_null (strstr (run.out, "error: "));
  g_assert_nonnull (strstr (run.out, "valid: 2 warnings\n"));

  sitroom_test_run_sitroom (&by_uri, "--check-feed", uri, NULL);
  g_assert_cmpint (by_uri.status, ==, 0);
  g_assert_cmpstr (by_uri.out, ==, run.out);

  sitroom_test_run_sitroom (&quiet, "--check-feed", clean, NULL);
  g_assert_cmpint (quiet.status, ==, 0);
  g_assert_cmpstr (quiet.out, ==, "valid: 0 warnings\n");
}

static void
test_check_refused (void)
{
  g_autofree char *bad = write_file ("bad.json",
                                     "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
                                     " \"chains\": [{\"id\": \"a\", \"label\": \"A\", \"title\": {\"zh\": \"甲\"}}],"
                                     " \"cases\": [{\"id\": \"1\", \"reported_at\": \"2022-08-20T09:00:00+08:00\","
                                     "   \"region\": \"149999\", \"classification\": \"mild\", \"status\": \"recovered\"},"
                                     "  {\"id\": \"1\", \"reported_at\": \"2022-08-20T09:00:00+08:00\","
                                     "   \"region\": \"140100\", \"chain\": \"a\", \"classification\": \"mild\", \"status\": \"recovered\"}]}");
  g_autofree char *html = write_file ("error.html", "<html><body>502 Bad Gateway</body></html>\n");
  g_auto(SitroomTestRun) run = { 0 };
  g_auto(SitroomTestRun) page = { 0 };

  sitroom_test_run_sitroom (&run, "--check-feed", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "error: /cases/0/region: "));
  g_assert_nonnull (strstr (run.out, "error: /cases/1/id: "));
  g_assert_nonnull (strstr (run.out, "warning: /cases/0: "));
  g_assert_nonnull (strstr (run.out, "refused: 2 errors, 1 warning\n"));

  sitroom_test_run_sitroom (&page, "--check-feed", html, NULL);
  g_assert_cmpint (page.status, ==, 1);
  g_assert_true (g_str_has_prefix (page.out, "error: "));
  g_assert_nonnull (strstr (page.out, "refused: 1 error, 0 warnings\n"));
}

static void
test_check_unreadable (void)
{
  g_autofree char *missing = g_build_filename (tmpdir, "nothing-here.json", NULL);
  g_auto(SitroomTestRun) gone = { 0 };
  g_auto(SitroomTestRun) folder = { 0 };
  g_auto(SitroomTestRun) remote = { 0 };

  sitroom_test_run_sitroom (&gone, "--check-feed", missing, NULL);
  g_assert_cmpint (gone.status, ==, 2);
  g_assert_nonnull (strstr (gone.err, "nothing-here.json"));

  sitroom_test_run_sitroom (&folder, "--check-feed", tmpdir, NULL);
  g_assert_cmpint (folder.status, ==, 2);

  sitroom_test_run_sitroom (&remote, "--check-feed", "ftp://127.0.0.1/situation.json", NULL);
  g_assert_cmpint (remote.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = sitroom_test_make_tmpdir ("sitroom-cli-XXXXXX");

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/summary/text", test_summary_text);
  g_test_add_func ("/cli/summary/json", test_summary_json);
  g_test_add_func ("/cli/summary/as-of", test_summary_as_of);
  g_test_add_func ("/cli/summary/bad-arguments", test_summary_bad_arguments);
  g_test_add_func ("/cli/summary/bad-feed", test_summary_bad_feed);
  g_test_add_func ("/cli/check-feed/valid", test_check_valid);
  g_test_add_func ("/cli/check-feed/refused", test_check_refused);
  g_test_add_func ("/cli/check-feed/unreadable", test_check_unreadable);

  status = g_test_run ();
  sitroom_test_remove_tmpdir (tmpdir);

  return status;
}
