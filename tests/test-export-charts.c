/* Tests of sitroom --export --view chains|curve: the timeline and the epidemic curve drawn into files by a real process with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "sitroom-test-cli.h"
#include "sitroom-test-drawn.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* The colour of the note that lanes were left out, and nothing else on
 * the page. */
#define NOTE_COLOUR 0xa51d2d

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* Runs sitroom with @args (NULL-terminated) after "--export PATH", which
 * must succeed quietly. */
static void
export_ok (const char         *path,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(SitroomTestRun) run = { 0 };

  g_ptr_array_add (argv, "--export");
  g_ptr_array_add (argv, (gpointer) path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  sitroom_test_run_sitroomv (&run, (const char * const *) argv->pdata);
  if (run.status != 0)
    g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (sitroom_test_count_hidden_files (tmpdir), ==, 0);
}

/* Exports @view of the built-in demo as the PNG @name with @args (NULL-
 * terminated) and loads the picture. */
static cairo_surface_t *
export_png (const char *name,
            const char *view,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *path = tmp_path (name);
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, "--view");
  g_ptr_array_add (args, (gpointer) view);
  va_start (ap, view);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  export_ok (path, (const char * const *) args->pdata);
  return sitroom_test_drawn_load_png (path);
}

static void
assert_picture (cairo_surface_t *surface,
                int              width,
                int              height)
{
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  /* Lanes, marks, bars, text and key swatches, not a blank page. */
  g_assert_cmpuint (sitroom_test_drawn_count_colours (surface), >, 16);
}

static void
test_png (void)
{
  const char *views[] = { "chains", "curve" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.png", views[i]);
      g_autofree char *tall = g_strdup_printf ("%s-tall.png", views[i]);
      g_autoptr(cairo_surface_t) picture = export_png (name, views[i], "--size", "900x500", "--lang", "en", NULL);
      g_autoptr(cairo_surface_t) other = export_png (tall, views[i], "--size", "640x960", "--lang", "en", NULL);

      assert_picture (picture, 900, 500);
      assert_picture (other, 640, 960);
    }
}

static void
test_png_defaults (void)
{
  const char *views[] = { "chains", "curve" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-default.PNG", views[i]);
      g_autoptr(cairo_surface_t) picture = export_png (name, views[i], NULL);

      /* Wider than tall, as a chart is: not the map's 1600x1200. */
      assert_picture (picture, 1600, 900);
      /* Nothing is cut from the demo's four chains. */
      g_assert_cmpuint (sitroom_test_drawn_count_pixels_of (picture, NOTE_COLOUR), ==, 0);
    }
}

static char *
export_svg (const char *name,
            const char *view,
            const char *lang)
{
  g_autofree char *path = tmp_path (name);
  const char *args[] = { "--view", view, "--lang", lang, NULL };
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  export_ok (path, args);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_svg (void)
{
  g_autofree char *chains_zh = export_svg ("chains-zh.svg", "chains", "zh");
  g_autofree char *chains_en = export_svg ("chains-en.svg", "chains", "en");
  g_autofree char *curve_zh = export_svg ("curve-zh.svg", "curve", "zh");
  g_autofree char *curve_en = export_svg ("curve-en.SVG", "curve", "en");
  const char *all[] = { chains_zh, chains_en, curve_zh, curve_en };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_true (g_str_has_prefix (all[i], "<?xml"));
      /* Vector shapes, not an embedded picture. */
      g_assert_nonnull (strstr (all[i], "<path"));
      g_assert_null (strstr (all[i], "<image"));
      g_assert_nonnull (strstr (all[i], "width=\"1600px\""));
      g_assert_nonnull (strstr (all[i], "height=\"900px\""));
    }

  /* The title with the cutoff, and the figures, in words. */
  g_assert_nonnull (strstr (chains_zh, "<title>山西省疫情感染链条 · 截至2022年8月20日13时</title>"));
  g_assert_nonnull (strstr (chains_zh, "8·17（Z22列车“8·17”关联疫情）：阳性"));
  g_assert_nonnull (strstr (chains_en, "<title>Infection chains in Shanxi · as of 13:00 on 20 August 2022 (CST)</title>"));
  g_assert_nonnull (strstr (chains_en, "positives, active."));
  g_assert_null (strstr (chains_en, "关联疫情"));

  g_assert_nonnull (strstr (curve_zh, "<title>每日新增阳性感染者（按地市） · 截至2022年8月20日13时</title>"));
  g_assert_nonnull (strstr (curve_zh, "晋城市 5"));
  g_assert_nonnull (strstr (curve_en, "<title>New positives per day by prefecture"));
  g_assert_nonnull (strstr (curve_en, "Jincheng 5"));
  g_assert_null (strstr (curve_en, "晋城"));
}

static void
test_changes (void)
{
  const char *views[] = { "chains", "curve" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      const char *view = views[i];
      g_autoptr(cairo_surface_t) en = export_png ("en.png", view, "--size", "800x450", "--lang", "en", NULL);
      g_autoptr(cairo_surface_t) again = export_png ("again.png", view, "--size", "800x450", "--lang", "en", NULL);
      g_autoptr(cairo_surface_t) zh = export_png ("zh.png", view, "--size", "800x450", "--lang", "zh", NULL);
      g_autoptr(cairo_surface_t) earlier = export_png ("earlier.png", view, "--size", "800x450", "--lang", "en",
                                                       "--as-of", "2022-08-18T12:00:00+08:00", NULL);

      /* The same command draws the same picture, so any difference below
       * is the option's. */
      g_assert_true (sitroom_test_drawn_same_pixels (en, again));
      g_assert_false (sitroom_test_drawn_same_pixels (en, zh));
      g_assert_false (sitroom_test_drawn_same_pixels (en, earlier));
    }
}

static void
test_grouping (void)
{
  g_autoptr(cairo_surface_t) plain = export_png ("plain.png", "curve", "--size", "800x450", NULL);
  g_autoptr(cairo_surface_t) by_prefecture = export_png ("by-prefecture.png", "curve", "--size", "800x450",
                                                         "--grouping", "by-prefecture", NULL);
  g_autoptr(cairo_surface_t) by_chain = export_png ("by-chain.png", "curve", "--size", "800x450",
                                                    "--grouping", "by-chain", NULL);
  g_autofree char *path = tmp_path ("by-chain.svg");
  const char *args[] = { "--view", "curve", "--grouping", "by-chain", "--lang", "en", NULL };
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;

  /* By prefecture unless told otherwise. */
  g_assert_true (sitroom_test_drawn_same_pixels (plain, by_prefecture));
  g_assert_false (sitroom_test_drawn_same_pixels (plain, by_chain));

  export_ok (path, args);
  g_file_get_contents (path, &svg, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "<title>New positives per day by chain"));
  g_assert_nonnull (strstr (svg, "8·17 "));
}

/* A document of @n_chains chains, each with one case on its own day. */
static char *
write_many_chains (const char *name,
                   guint       n_chains)
{
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\", \"chains\": [");
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);

  for (guint i = 0; i < n_chains; i++)
    g_string_append_printf (doc, "%s{\"id\": \"k%u\", \"label\": \"K%u\", \"title\": {\"zh\": \"第%u链\", \"en\": \"Chain %u\"}}",
                            i > 0 ? ", " : "", i, i, i, i);
  g_string_append (doc, "], \"cases\": [");
  for (guint i = 0; i < n_chains; i++)
    g_string_append_printf (doc, "%s{\"id\": \"c%u\", \"reported_at\": \"2022-08-%02uT09:00:00+08:00\","
                            " \"region\": \"140100\", \"chain\": \"k%u\", \"classification\": \"mild\","
                            " \"status\": \"hospitalized\"}",
                            i > 0 ? ", " : "", i, 1 + i % 19, i);
  g_string_append (doc, "]}");

  g_file_set_contents (path, doc->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_lanes_fit (void)
{
  g_autofree char *some = write_many_chains ("some-chains.json", 16);
  g_autofree char *many = write_many_chains ("many-chains.json", 80);
  g_autoptr(cairo_surface_t) scaled = export_png ("some.png", "chains", "--feed", some, "--lang", "en", NULL);
  g_autoptr(cairo_surface_t) cut = export_png ("many.png", "chains", "--feed", many, "--lang", "en", NULL);
  g_autoptr(cairo_surface_t) tall = export_png ("many-tall.png", "chains", "--feed", many, "--lang", "en",
                                                "--size", "1600x4000", NULL);

  /* Sixteen lanes and the measures do not fit 900 pixels at full size:
   * they are scaled down, and none is left out. */
  assert_picture (scaled, 1600, 900);
  g_assert_cmpuint (sitroom_test_drawn_count_pixels_of (scaled, NOTE_COLOUR), ==, 0);

  /* Eighty would be unreadable: the page keeps its size and says that
   * lanes were left out... */
  assert_picture (cut, 1600, 900);
  g_assert_cmpuint (sitroom_test_drawn_count_pixels_of (cut, NOTE_COLOUR), >, 50);

  /* ...which a taller page shows. */
  assert_picture (tall, 1600, 4000);
  g_assert_cmpuint (sitroom_test_drawn_count_pixels_of (tall, NOTE_COLOUR), ==, 0);
}

/* Runs an export that must fail with the status of bad arguments (see
 * sitroom_test_export_fails()). */
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
  assert_export_fails ("bad-view.png", "“timeline”: use map, chains, curve or capacity", "--view", "timeline", NULL);
  assert_export_fails ("bad-chains.png", "--grouping is used only with --view curve",
                       "--view", "chains", "--grouping", "by-chain", NULL);
  /* The map is the default view: a grouping alone is a mistake too. */
  assert_export_fails ("bad-map.png", "--grouping is used only with --view curve", "--grouping", "by-chain", NULL);
  assert_export_fails ("bad-grouping.png", "“by-region”: use by-prefecture or by-chain",
                       "--view", "curve", "--grouping", "by-region", NULL);
  assert_export_fails ("bad-metric.png", "--metric is used only with --view map",
                       "--view", "curve", "--metric", "positives", NULL);
  assert_export_fails ("bad-approval.svg", "--approval-number is used only with --view map",
                       "--view", "chains", "--approval-number", "GS(2024)0650", NULL);
  assert_export_fails ("bad-size.png", "100x100", "--view", "chains", "--size", "100x100", NULL);
  assert_export_fails ("bad-chains.pdf", ".png or .svg", "--view", "curve", NULL);
}

static void
test_options_need_export (void)
{
  g_auto(SitroomTestRun) grouping = { 0 };
  g_auto(SitroomTestRun) help = { 0 };

  sitroom_test_run_sitroom (&grouping, "--grouping", "by-chain", NULL);
  g_assert_cmpint (grouping.status, ==, 2);
  g_assert_nonnull (strstr (grouping.err, "--grouping"));
  g_assert_nonnull (strstr (grouping.err, "--export"));

  sitroom_test_run_sitroom (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--grouping=GROUPING"));
  g_assert_nonnull (strstr (help.out, "by-prefecture or by-chain"));
  g_assert_nonnull (strstr (help.out, "map, chains (their timeline), curve (the epidemic curve) or capacity"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = sitroom_test_make_tmpdir ("sitroom-export-charts-XXXXXX");

  g_test_add_func ("/cli/export-charts/png", test_png);
  g_test_add_func ("/cli/export-charts/png-defaults", test_png_defaults);
  g_test_add_func ("/cli/export-charts/svg", test_svg);
  g_test_add_func ("/cli/export-charts/changes", test_changes);
  g_test_add_func ("/cli/export-charts/grouping", test_grouping);
  g_test_add_func ("/cli/export-charts/lanes-fit", test_lanes_fit);
  g_test_add_func ("/cli/export-charts/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/export-charts/options-need-export", test_options_need_export);

  status = g_test_run ();
  sitroom_test_remove_tmpdir (tmpdir);

  return status;
}
