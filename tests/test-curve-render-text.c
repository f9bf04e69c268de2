/* Tests of the words on the epidemic curve's picture: the empty curve's message, both languages, group names, a crowded legend. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-test-curve.h"
#include "sitroom-test-demo.h"
#include "sitroom-test-drawn.h"

#define WIDTH SITROOM_TEST_CURVE_WIDTH
#define HEIGHT SITROOM_TEST_CURVE_HEIGHT

static SitroomSituation *demo;

/* Whether a 3 × 3 block around (x, y) is all of @color: a bar's part,
 * never the smoothed edge of a letter. */
static gboolean
block_of (cairo_surface_t    *surface,
          int                 x,
          int                 y,
          const SitroomColor *color)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        double rgb[3];

        sitroom_test_curve_pixel (surface, x + dx, y + dy, rgb);
        if (sitroom_test_curve_distance (rgb, color) > SITROOM_TEST_CURVE_TOLERANCE)
          return FALSE;
      }
  return TRUE;
}

static void
test_empty (void)
{
  const char *langs[] = { "zh", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_auto (SitroomTestCurve) p = { 0 };
      const SitroomColor *background = &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->background;
      guint n_ink = 0;

      /* A second before the first cases. */
      sitroom_test_curve_init (&p, demo, "2022-08-17T22:59:59+08:00", SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT,
                               langs[i]);
      g_assert_cmpuint (sitroom_curve_get_n_days (p.curve), ==, 0);
      g_assert_cmpint (cairo_surface_status (p.surface), ==, CAIRO_STATUS_SUCCESS);
      for (int y = 1; y < HEIGHT - 1; y++)
        for (int x = 1; x < WIDTH - 1; x++)
          {
            double rgb[3];

            for (guint g = 0; g < 8; g++)
              {
                SitroomColor color, tint;

                sitroom_curve_render_group_color (g, p.options.style, &color);
                sitroom_curve_tint (&color, &tint);
                g_assert_false (block_of (p.surface, x, y, &color));
                g_assert_false (block_of (p.surface, x, y, &tint));
              }
            sitroom_test_curve_pixel (p.surface, x, y, rgb);
            if (y > p.layout.y0 && y < p.layout.y1 - 1 && sitroom_test_curve_distance (rgb, background) > 60)
              n_ink++;
          }
      /* Words in the plot say there are no cases. */
      g_test_message ("%s: %u pixels of ink in the plot", langs[i], n_ink);
      g_assert_cmpuint (n_ink, >, 20);
      g_assert_cmpint (sitroom_curve_render_day_at (p.curve, &p.options, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2), ==, -1);
    }
}

typedef struct {
  SitroomSituation *situation;
  const char *lang;
  gboolean title;
} Words;

static void
draw_words (cairo_t  *cr,
            gpointer  data)
{
  const Words *words = data;
  g_auto (SitroomTestCurve) p = { 0 };

  sitroom_test_curve_init (&p, words->situation, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, words->lang);
  p.options.title = words->title;
  p.options.hover_day = 1;
  sitroom_curve_render (p.curve, p.view, &p.options, cr, WIDTH, HEIGHT);
}

/* What the curve drew, with its title and the first day's box. */
static GString *
pdf_streams (SitroomSituation *situation,
             const char       *lang,
             gboolean          title)
{
  Words words = { situation, lang, title };

  return sitroom_test_drawn_text (draw_words, &words, WIDTH, HEIGHT);
}

static void
test_languages (void)
{
  g_autoptr(GString) zh = pdf_streams (demo, "zh", TRUE);
  g_autoptr(GString) en = pdf_streams (demo, "en", TRUE);
  /* The keys, a prefecture, the title and the hovered day's box. */
  const char * const zh_words[] = { "确诊无症状日均值", "晋城市", "每增阳性感染者截至年月时", "合计", NULL };

  /* "Asymptomatic", "Jincheng", "Total", "(CST)": letters zh never draws. */
  sitroom_test_drawn_assert_languages (zh, en, zh_words, "JSTYy");
}

/* Names of chains and the groups of none; a crowded legend gives way. */
static const char odd_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-19T12:00:00+08:00\","
  " \"chains\": [{\"id\": \"a\", \"label\": \"8·17\", \"title\": {\"zh\": \"Z22列车“8·17”关联疫情\","
  "   \"en\": \"Train Z22 \\\"8·17\\\" chain\"}}],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"140000\", \"chain\": \"a\","
  "   \"classification\": \"critical\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"2\", \"reported_at\": \"2022-08-18T10:00:00+08:00\", \"region\": \"140500\","
  "   \"classification\": \"asymptomatic\", \"status\": \"hospitalized\"}"
  " ]}";

static void
test_names (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (odd_document, strlen (odd_document));
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_auto (SitroomTestCurve) by_chain = { 0 };
  g_auto (SitroomTestCurve) by_prefecture = { 0 };
  g_autofree char *zh = NULL, *en = NULL, *none_zh = NULL, *none_en = NULL, *jincheng = NULL, *province = NULL;

  g_assert_no_error (error);
  sitroom_test_curve_init (&by_chain, situation, NULL, SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_LIGHT, "zh");
  sitroom_test_curve_init (&by_prefecture, situation, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  g_assert_cmpuint (sitroom_curve_get_n_groups (by_chain.curve), ==, 2);
  g_assert_cmpuint (sitroom_curve_get_n_groups (by_prefecture.curve), ==, 2);

  zh = sitroom_curve_group_name (by_chain.curve, by_chain.view, 0, "zh");
  en = sitroom_curve_group_name (by_chain.curve, by_chain.view, 0, "en");
  none_zh = sitroom_curve_group_name (by_chain.curve, by_chain.view, 1, "zh");
  none_en = sitroom_curve_group_name (by_chain.curve, by_chain.view, 1, "en");
  jincheng = sitroom_curve_group_name (by_prefecture.curve, by_prefecture.view, 0, "zh");
  province = sitroom_curve_group_name (by_prefecture.curve, by_prefecture.view, 1, "en");
  g_assert_cmpstr (zh, ==, "8·17 Z22列车关联疫情");
  g_assert_cmpstr (en, ==, "8·17 Train Z22 chain");
  g_assert_cmpstr (none_zh, ==, "未关联");
  g_assert_cmpstr (none_en, ==, "No chain");
  g_assert_cmpstr (jincheng, ==, "晋城市");
  g_assert_cmpstr (province, ==, "Province level");

  /* The asymptomatic case of no chain: group 1's part is hatched. */
  g_assert_cmpuint (sitroom_test_curve_hatch_changes (&by_chain, 0, 1, 1.5), >=, 8);
}

static void
test_crowded_legend (void)
{
  g_autoptr(GString) document = g_string_new ("{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-19T12:00:00+08:00\", \"chains\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  g_auto (SitroomTestCurve) p = { 0 };
  cairo_t *cr;
  CurveLayout layout;
  CurveTexts texts;
  guint n_groups = 0, n_more = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (document, "%s{\"id\": \"c%u\", \"label\": \"8·%u\", \"title\": {\"zh\": \"第%u条链条\"}}",
                            i == 0 ? "" : ", ", i, i, i);
  g_string_append (document, "], \"cases\": [");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (document, "%s{\"id\": \"%u\", \"reported_at\": \"2022-08-%02uT09:00:00+08:00\","
                            " \"region\": \"140100\", \"chain\": \"c%u\", \"classification\": \"mild\","
                            " \"status\": \"hospitalized\"}", i == 0 ? "" : ", ", i, 10 + i % 9, i);
  g_string_append (document, "]}");
  bytes = g_bytes_new (document->str, document->len);
  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);

  sitroom_test_curve_init (&p, situation, NULL, SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_LIGHT, "zh");
  g_assert_cmpuint (sitroom_curve_get_n_groups (p.curve), ==, 60);
  cr = cairo_create (p.surface);
  sitroom_curve_layout_x (p.curve, &p.options, WIDTH, HEIGHT, &layout);
  sitroom_curve_texts_init (&texts, p.curve, p.view, &p.options, cr, &layout);
  for (guint i = 0; i < texts.legend->len; i++)
    {
      LegendKind kind = g_array_index (texts.legend, LegendItem, i).kind;

      n_groups += kind == LEGEND_GROUP;
      n_more += kind == LEGEND_MORE;
    }
  g_test_message ("%u groups named, legend %.0f px high", n_groups, texts.legend_height);
  g_assert_cmpuint (n_more, ==, 1);
  g_assert_cmpuint (n_groups, >, 0);
  g_assert_cmpuint (n_groups, <, 60);
  g_assert_cmpfloat (texts.legend_height, <=, HEIGHT * 0.25);
  /* The plot keeps most of the height. */
  g_assert_cmpfloat (layout.y1 - layout.y0, >, HEIGHT * 0.5);
  sitroom_curve_texts_clear (&texts);
  cairo_destroy (cr);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  demo = sitroom_test_demo_load ();

  g_test_add_func ("/curve-render/empty/no-bars", test_empty);
  g_test_add_func ("/curve-render/words/languages", test_languages);
  g_test_add_func ("/curve-render/words/names", test_names);
  g_test_add_func ("/curve-render/legend/crowded", test_crowded_legend);

  result = g_test_run ();
  g_object_unref (demo);
  return result;
}
