/* Tests of sitroom --export --view capacity: quarantine beds and their forecast drawn into files by a real process with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "sitroom-test-cli.h"
#include "sitroom-test-drawn.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* The light style's warning colour: over-full bars, the day beds run out. */
#define WARNING_COLOUR 0xc01c28

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

/* Runs `sitroom --export DIR/NAME --view capacity ARGS…`, which must
 * succeed quietly and leave no temporary file; returns the file's path. */
static char *
export_ok (const char *name,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(SitroomTestRun) run = { 0 };
  char *path = tmp_path (name);
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, "--export");
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, "--view");
  g_ptr_array_add (argv, "capacity");
  va_start (ap, name);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  sitroom_test_run_sitroomv (&run, (const char * const *) argv->pdata);
  if (run.status != 0)
    g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (sitroom_test_count_hidden_files (tmpdir), ==, 0);
  return path;
}

static void
test_png (void)
{
  const char *langs[] = { "zh", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *name = g_strdup_printf ("capacity-%s.png", langs[i]);
      g_autofree char *path = export_ok (name, "--size", "1920x1080", "--lang", langs[i], NULL);
      g_autoptr(cairo_surface_t) picture = sitroom_test_drawn_load_png (path);

      g_assert_cmpint (cairo_image_surface_get_width (picture), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (picture), ==, 1080);
      /* Text, bars, lines and areas, not a blank page. */
      g_assert_cmpuint (sitroom_test_drawn_count_colours (picture), >, 64);
      /* Yu County's site is over-full, and beds run out in three
       * prefectures: bars and rules in the warning colour. */
      g_assert_cmpuint (sitroom_test_drawn_count_pixels_of (picture, WARNING_COLOUR), >, 1000);
    }
}

static void
test_png_default_size (void)
{
  g_autofree char *path = export_ok ("capacity-default.PNG", NULL);
  g_autoptr(cairo_surface_t) picture = sitroom_test_drawn_load_png (path);

  /* A chart's size, as the chains and the curve have. */
  g_assert_cmpint (cairo_image_surface_get_width (picture), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (picture), ==, 900);
}

/* What an SVG says in words, read by a strict parser. */
typedef struct {
  GString *title;
  GString *desc;
  GString *element;             /* the one being read, or NULL */
  guint n_paths;
} SvgText;

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              data,
               GError              **error)
{
  SvgText *text = data;

  if (strcmp (name, "title") == 0)
    text->element = text->title;
  else if (strcmp (name, "desc") == 0)
    text->element = text->desc;
  text->n_paths += strcmp (name, "path") == 0;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              data,
             GError              **error)
{
  ((SvgText *) data)->element = NULL;
}

static void
text_of (GMarkupParseContext  *context,
         const char           *chars,
         gsize                 length,
         gpointer              data,
         GError              **error)
{
  SvgText *text = data;

  if (text->element != NULL)
    g_string_append_len (text->element, chars, length);
}

/* Exports the SVG, checks that it is well-formed XML with vector shapes
 * and reads its <title> and <desc>. */
static void
export_svg (const char *name,
            SvgText    *text,
            ...)
{
  static const GMarkupParser parser = { start_element, end_element, text_of, NULL, NULL };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (name);
  g_autofree char *contents = NULL;
  g_auto(SitroomTestRun) run = { 0 };
  const char *arg;
  gsize length;
  va_list ap;

  g_ptr_array_add (args, "--export");
  g_ptr_array_add (args, path);
  g_ptr_array_add (args, "--view");
  g_ptr_array_add (args, "capacity");
  va_start (ap, text);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  sitroom_test_run_sitroomv (&run, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_null (strstr (contents, "<image"));

  text->title = g_string_new (NULL);
  text->desc = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, text, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (text->n_paths, >, 10);
  g_test_message ("%s: %s\n%s", name, text->title->str, text->desc->str);
}

static void
svg_text_clear (SvgText *text)
{
  g_string_free (text->title, TRUE);
  g_string_free (text->desc, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SvgText, svg_text_clear)

static void
test_svg (void)
{
  g_auto (SvgText) zh = { 0 };
  g_auto (SvgText) en = { 0 };

  export_svg ("capacity-zh.svg", &zh, "--lang", "zh", NULL);
  export_svg ("capacity-en.SVG", &en, "--lang", "en", NULL);

  g_assert_cmpstr (zh.title->str, ==, "山西省集中隔离床位 · 截至2022年8月20日13时");
  g_assert_cmpstr (en.title->str, ==, "Centralized quarantine beds in Shanxi · as of 13:00 on 20 August 2022 (CST)");
  /* The demo's quarantine figures are illustrative, and say so first. */
  g_assert_true (g_str_has_prefix (zh.desc->str, "示意数据"));
  g_assert_true (g_str_has_prefix (en.desc->str, "Illustrative"));
  /* Yangquan's one site, Yu County's, has 234 people in 220 beds. */
  g_assert_nonnull (strstr (zh.desc->str, "阳泉市：在隔234人，床位220张（106%），超员14人"));
  g_assert_nonnull (strstr (en.desc->str, "Yangquan: 234 of 220 beds occupied (106 %), 14 over"));
  g_assert_nonnull (strstr (zh.desc->str, "超员1个：盂县集中隔离点（234/220）"));
  g_assert_nonnull (strstr (en.desc->str, "1 over-full: Yu County site (234 of 220)"));
  g_assert_nonnull (strstr (zh.desc->str, "太原市：在隔240人，床位600张"));
  /* The assumptions, in short. */
  g_assert_nonnull (strstr (zh.desc->str, "集中隔离7天"));
  g_assert_nonnull (strstr (en.desc->str, "7 days of centralized quarantine"));
  g_assert_null (strstr (en.desc->str, "阳泉"));
}

static void
test_over_full (void)
{
  g_autofree char *feed = fixture ("capacity-overfull.json");
  g_autofree char *path = export_ok ("over-full.png", "--feed", feed, "--lang", "en", NULL);
  g_autoptr(cairo_surface_t) picture = sitroom_test_drawn_load_png (path);
  g_autofree char *earlier_path = export_ok ("over-full-earlier.png", "--feed", feed, "--lang", "en",
                                             "--as-of", "2022-08-20T07:00:00+08:00", NULL);
  g_autoptr(cairo_surface_t) earlier = sitroom_test_drawn_load_png (earlier_path);
  g_auto (SvgText) text = { 0 };

  g_assert_cmpuint (sitroom_test_drawn_count_pixels_of (picture, WARNING_COLOUR), >, 1000);
  /* Another cutoff, another picture: its title, and Jinzhong's cohort
   * has not come yet. */
  g_assert_false (sitroom_test_drawn_same_pixels (earlier, picture));

  export_svg ("over-full.svg", &text, "--feed", feed, "--lang", "en", NULL);
  /* Two over-full sites, named; the home site over its figure is not
   * centralized and not counted. */
  g_assert_nonnull (strstr (text.desc->str, "5 centralized sites, 2 over-full: Xiaodian site (130 of 100), "
                                            "Yu County site (95 of 80)."));
  g_assert_nonnull (strstr (text.desc->str, "Taiyuan: 280 of 300 beds occupied (93 %); beds run out on"));
  g_assert_nonnull (strstr (text.desc->str, "Datong: 40 of 500 beds occupied (8 %); beds last the 14 days."));
  /* Reported figures: no mark. */
  g_assert_null (strstr (text.desc->str, "llustrative"));
}

static void
test_empty (void)
{
  g_autofree char *feed = fixture ("capacity-empty.json");
  g_autofree char *path = export_ok ("empty.png", "--feed", feed, "--size", "800x450", NULL);
  g_autoptr(cairo_surface_t) picture = sitroom_test_drawn_load_png (path);
  g_auto (SvgText) text = { 0 };

  /* A title and a message, nothing in the warning colour. */
  g_assert_cmpuint (sitroom_test_drawn_count_colours (picture), >, 4);
  g_assert_cmpuint (sitroom_test_drawn_count_pixels_of (picture, WARNING_COLOUR), ==, 0);
  export_svg ("empty.svg", &text, "--feed", feed, "--lang", "zh", NULL);
  g_assert_cmpstr (text.desc->str, ==, "没有集中隔离点。");
}

/* Runs an export that must fail with the status of bad arguments or an
 * unreadable source (see sitroom_test_export_fails()). */
static void
assert_export_fails (const char *name,
                     const char *expected,
                     ...)
{
  va_list args;

  va_start (args, expected);
  g_assert_cmpint (sitroom_test_export_fails (tmpdir, name, expected, args), ==, 1);
  va_end (args);
}

static void
test_bad_arguments (void)
{
  g_autofree char *missing = tmp_path ("no-such-feed.json");

  assert_export_fails ("bad-size.png", "“100x100” is not WIDTHxHEIGHT", "--view", "capacity", "--size", "100x100", NULL);
  assert_export_fails ("bad-size.svg", "“1920×1080” is not WIDTHxHEIGHT", "--view", "capacity", "--size", "1920×1080",
                       NULL);
  assert_export_fails ("missing-feed.png", "no-such-feed.json", "--view", "capacity", "--feed", missing, NULL);
  assert_export_fails ("bad-view.png", "“beds”: use map, chains, curve or capacity", "--view", "beds", NULL);
  assert_export_fails ("bad-grouping.png", "--grouping is used only with --view curve",
                       "--view", "capacity", "--grouping", "by-chain", NULL);
  assert_export_fails ("bad-metric.svg", "--metric is used only with --view map",
                       "--view", "capacity", "--metric", "occupancy", NULL);
}

static void
test_help (void)
{
  g_auto(SitroomTestRun) help = { 0 };

  sitroom_test_run_sitroom (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "capacity (quarantine beds and their forecast)"));
  g_assert_nonnull (strstr (help.out, "1600x900 for chains, curve and capacity"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = sitroom_test_make_tmpdir ("sitroom-export-capacity-XXXXXX");

  g_test_add_func ("/cli/export-capacity/png", test_png);
  g_test_add_func ("/cli/export-capacity/png-default-size", test_png_default_size);
  g_test_add_func ("/cli/export-capacity/svg", test_svg);
  g_test_add_func ("/cli/export-capacity/over-full", test_over_full);
  g_test_add_func ("/cli/export-capacity/empty", test_empty);
  g_test_add_func ("/cli/export-capacity/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/export-capacity/help", test_help);

  status = g_test_run ();
  sitroom_test_remove_tmpdir (tmpdir);

  return status;
}
