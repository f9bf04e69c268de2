/* Tests of the briefing pack's pages: how many for the demo and an empty situation, lanes and lines each on one page, every page drawn at A4 and on a printer's page, the words, the illustrative mark, the default name and the PDF. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sitroom-briefing.h"
#include "sitroom-pack-render-private.h"
#include "sitroom-test-demo.h"
#include "sitroom-test-drawn.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* The footer's illustrative mark; nothing else on a page is of it. */
#define MARK_COLOUR 0xa51d2d
/* Outside the page where a printer's paper is of other proportions. */
#define SENTINEL_COLOUR 0x00ff00

static const char empty_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\"}";

static SitroomSituation *demo;
static SitroomSituation *empty;
static SitroomSituation *many;

static SitroomPack *
pack_of (SitroomSituation *situation,
         const char       *lang)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);
  SitroomPackOptions options = {
    .lang = lang,
    .approval_number = NULL,
    .source = g_str_equal (lang, "zh") ? "内置演示数据" : "Built-in demo",
    .generated_at = sitroom_test_demo_at ("2022-08-20T14:05:00+08:00"),
  };

  return sitroom_pack_new (view, sitroom_boundaries_get_builtin (), &options);
}

/* Forty chains, each with a case and a sentence of its story: more lanes
 * than a page holds, and a long briefing. */
static char *
many_chains_document (void)
{
  GString *doc = g_string_new ("{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\", \"chains\": [");

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (doc, "%s{\"id\": \"k%u\", \"label\": \"K%u\", \"title\": {\"zh\": \"第%u链\", \"en\": \"Chain %u\"},"
                            " \"events\": [{\"at\": \"2022-08-%02uT08:00:00+08:00\", \"kind\": \"detection\","
                            " \"text\": {\"zh\": \"某地报告一名核酸检测阳性人员，已转运至定点医院隔离治疗，相关人员均已落实管控措施。\","
                            " \"en\": \"One person tests positive and is moved to the designated hospital; everyone around is under control.\"}}]}",
                            i > 0 ? ", " : "", i, i, i, i, 1 + i % 19);
  g_string_append (doc, "], \"cases\": [");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (doc, "%s{\"id\": \"c%u\", \"reported_at\": \"2022-08-%02uT09:00:00+08:00\","
                            " \"region\": \"140100\", \"chain\": \"k%u\", \"classification\": \"mild\","
                            " \"status\": \"hospitalized\"}",
                            i > 0 ? ", " : "", i, 1 + i % 19, i);
  g_string_append (doc, "]}");
  return g_string_free (doc, FALSE);
}

static PackPageKind
page_kind (SitroomPack *pack,
           guint        page)
{
  return g_array_index (pack->pages, PackPage, page).kind;
}

/* Title, map, the chains' pages, capacity, then the flowing text. */
static void
assert_page_order (SitroomPack *pack,
                   guint        n_chains_pages)
{
  guint n = sitroom_pack_get_n_pages (pack);

  g_assert_cmpint (page_kind (pack, 0), ==, PACK_PAGE_TITLE);
  g_assert_cmpint (page_kind (pack, 1), ==, PACK_PAGE_MAP);
  for (guint i = 0; i < n_chains_pages; i++)
    g_assert_cmpint (page_kind (pack, 2 + i), ==, PACK_PAGE_CHAINS);
  g_assert_cmpint (page_kind (pack, 2 + n_chains_pages), ==, PACK_PAGE_CAPACITY);
  for (guint i = 3 + n_chains_pages; i < n; i++)
    g_assert_cmpint (page_kind (pack, i), ==, PACK_PAGE_FLOW);
}

static void
test_pages_demo (void)
{
  const char *langs[] = { "zh", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(SitroomPack) pack = pack_of (demo, langs[l]);
      guint n = sitroom_pack_get_n_pages (pack);

      /* Title, map, chains and curve, capacity; the briefing in Chinese on
       * one page and in English on two; the warnings and notes. */
      g_assert_cmpuint (n, ==, 8);
      assert_page_order (pack, 1);
      /* Figures the demo names illustrative are on every page but the
       * notes. */
      for (guint i = 0; i + 1 < n; i++)
        g_assert_true (g_array_index (pack->pages, PackPage, i).illustrative);
      g_assert_false (g_array_index (pack->pages, PackPage, n - 1).illustrative);
    }
}

static void
test_pages_empty (void)
{
  g_autoptr(SitroomPack) pack = pack_of (empty, "zh");

  /* Every part has its page, saying there is nothing: title, map, chains,
   * capacity, the briefing in each language, the notes. */
  g_assert_cmpuint (sitroom_pack_get_n_pages (pack), ==, 7);
  assert_page_order (pack, 1);
  for (guint i = 0; i < 7; i++)
    g_assert_false (g_array_index (pack->pages, PackPage, i).illustrative);
}

static void
test_pages_many_chains (void)
{
  g_autoptr(SitroomPack) pack = pack_of (many, "en");
  guint n_lanes = sitroom_timeline_renderer_get_n_lanes (pack->timeline);
  guint next_lane = 0, n_chains_pages = 0;

  /* Forty chains and the measures' lane do not fit under the curve. */
  g_assert_cmpuint (n_lanes, ==, 41);
  for (guint i = 0; i < sitroom_pack_get_n_pages (pack); i++)
    {
      const PackPage *page = &g_array_index (pack->pages, PackPage, i);

      if (page->kind != PACK_PAGE_CHAINS)
        continue;
      /* Each lane once, in order; the curve on the first page only. */
      g_assert_cmpuint (page->first, ==, next_lane);
      g_assert_cmpuint (page->n, >, 0);
      g_assert_true (page->with_curve == (n_chains_pages == 0));
      next_lane += page->n;
      n_chains_pages++;
    }
  g_assert_cmpuint (next_lane, ==, n_lanes);
  g_assert_cmpuint (n_chains_pages, >=, 2);
  assert_page_order (pack, n_chains_pages);
}

/* Every line of every block on exactly one page, in order, above the
 * footer; each section starts a page. */
static void
assert_flow (SitroomPack *pack)
{
  g_autofree int *next_line = g_new0 (int, pack->blocks->len);
  guint n_flow_pages = 0;

  for (guint i = 0; i < sitroom_pack_get_n_pages (pack); i++)
    {
      const PackPage *page = &g_array_index (pack->pages, PackPage, i);

      if (page->kind != PACK_PAGE_FLOW)
        continue;
      n_flow_pages++;
      g_assert_cmpuint (page->n, >, 0);
      for (guint p = page->first; p < page->first + page->n; p++)
        {
          const PackPiece *piece = &g_array_index (pack->pieces, PackPiece, p);
          const PackBlock *block = g_ptr_array_index (pack->blocks, piece->block);
          PangoLayoutLine *last = pango_layout_get_line_readonly (block->layout, piece->first_line + piece->n_lines - 1);
          PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
          PangoRectangle first_rect, last_rect;
          double height;

          g_assert_nonnull (last);
          g_assert_cmpint (piece->first_line, ==, next_line[piece->block]);
          g_assert_cmpint (piece->n_lines, >, 0);
          next_line[piece->block] += piece->n_lines;
          if (block->new_page && piece->first_line == 0)
            g_assert_cmpuint (p, ==, page->first);

          for (int l = 0; l < piece->first_line; l++)
            pango_layout_iter_next_line (iter);
          pango_layout_iter_get_line_extents (iter, NULL, &first_rect);
          for (int l = 1; l < piece->n_lines; l++)
            pango_layout_iter_next_line (iter);
          pango_layout_iter_get_line_extents (iter, NULL, &last_rect);
          pango_layout_iter_free (iter);
          height = (last_rect.y + last_rect.height - first_rect.y) / (double) PANGO_SCALE;
          g_assert_cmpfloat (piece->y, >=, PACK_MARGIN_TOP);
          g_assert_cmpfloat (piece->y + height, <=, PACK_CONTENT_BOTTOM + 0.01);
        }
    }
  for (guint b = 0; b < pack->blocks->len; b++)
    {
      const PackBlock *block = g_ptr_array_index (pack->blocks, b);

      g_assert_cmpint (next_line[b], ==, pango_layout_get_line_count (block->layout));
    }
  g_assert_cmpuint (n_flow_pages, >=, 3);
}

static void
test_pages_flow (void)
{
  g_autoptr(SitroomPack) zh = pack_of (demo, "zh");
  g_autoptr(SitroomPack) en = pack_of (demo, "en");
  g_autoptr(SitroomPack) long_text = pack_of (many, "zh");

  assert_flow (zh);
  assert_flow (en);
  assert_flow (long_text);
  /* Forty chains' paragraphs in each language run over several pages. */
  g_assert_cmpuint (sitroom_pack_get_n_pages (long_text), >, sitroom_pack_get_n_pages (zh) + 2);
}

static guint32
rgb_at (cairo_surface_t *surface,
        int              x,
        int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return ((const guint32 *) (data + y * cairo_image_surface_get_stride (surface)))[x] & 0xffffff;
}

/* Pixels in the rectangle that are neither white nor @background. */
static guint
count_ink (cairo_surface_t *surface,
           int              x0,
           int              y0,
           int              x1,
           int              y1)
{
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (rgb_at (surface, x, y) != 0xffffff)
        n++;
  return n;
}

static cairo_surface_t *
draw_page (SitroomPack *pack,
           guint        page,
           int          width,
           int          height,
           double       points_width,
           double       points_height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  g_autoptr(cairo_t) cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0, 1, 0);
  cairo_paint (cr);
  cairo_scale (cr, width / points_width, height / points_height);
  sitroom_pack_draw_page (pack, page, cr, points_width, points_height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* A page of @pack drawn at 2 pixels a point: content above the footer,
 * the footer, colours. */
static void
assert_page_drawn (SitroomPack *pack,
                   guint        page)
{
  g_autoptr(cairo_surface_t) surface = draw_page (pack, page, 1191, 1684, SITROOM_PACK_PAGE_WIDTH,
                                                  SITROOM_PACK_PAGE_HEIGHT);
  guint content = count_ink (surface, 0, 0, 1191, (int) (2 * PACK_CONTENT_BOTTOM));
  guint footer = count_ink (surface, 0, (int) (2 * PACK_FOOTER_TOP), 1191, 1684);

  g_test_message ("page %u: %u pixels of content, %u of footer", page + 1, content, footer);
  g_assert_cmpuint (content, >, 4000);
  g_assert_cmpuint (footer, >, 500);
  /* The margins stay white. */
  g_assert_cmpuint (count_ink (surface, 0, 0, 40, 1684), ==, 0);
  g_assert_cmpuint (sitroom_test_drawn_count_colours (surface), >, 8);
}

static void
test_draw_a4 (void)
{
  SitroomSituation *situations[] = { demo, empty };

  for (guint s = 0; s < G_N_ELEMENTS (situations); s++)
    {
      g_autoptr(SitroomPack) pack = pack_of (situations[s], "zh");

      for (guint i = 0; i < sitroom_pack_get_n_pages (pack); i++)
        assert_page_drawn (pack, i);
    }
}

/* On US Letter at 300 dots an inch, as a printer asks: the page scaled to
 * fit, centred, nothing drawn off it. */
static void
test_draw_printer (void)
{
  g_autoptr(SitroomPack) pack = pack_of (demo, "en");
  double scale = MIN (612 / SITROOM_PACK_PAGE_WIDTH, 792 / SITROOM_PACK_PAGE_HEIGHT);
  /* 300 dpi: pixels per point. */
  double dots = 300.0 / 72;
  int left = (int) ((612 - SITROOM_PACK_PAGE_WIDTH * scale) / 2 * dots);

  g_assert_cmpint (left, >, 10);
  for (guint i = 0; i < sitroom_pack_get_n_pages (pack); i++)
    {
      g_autoptr(cairo_surface_t) surface = draw_page (pack, i, 2550, 3300, 612, 792);
      guint ink = 0;

      /* Either side of the page is left as it was. */
      g_assert_cmphex (rgb_at (surface, left - 3, 1650), ==, SENTINEL_COLOUR);
      g_assert_cmphex (rgb_at (surface, 2550 - left + 2, 1650), ==, SENTINEL_COLOUR);
      g_assert_cmphex (rgb_at (surface, left + 3, 3), ==, 0xffffff);
      g_assert_cmphex (rgb_at (surface, 2550 - left - 4, 3296), ==, 0xffffff);
      for (int y = 0; y < 3300; y += 2)
        for (int x = left + 2; x < 2550 - left - 2; x += 2)
          if (rgb_at (surface, x, y) != 0xffffff)
            ink++;
      g_assert_cmpuint (ink, >, 1000);
    }
}

static void
draw_first_page (cairo_t  *cr,
                 gpointer  data)
{
  sitroom_pack_draw_page (data, 0, cr, SITROOM_PACK_PAGE_WIDTH, SITROOM_PACK_PAGE_HEIGHT);
}

static void
test_words (void)
{
  g_autoptr(SitroomPack) zh = pack_of (demo, "zh");
  g_autoptr(SitroomPack) en = pack_of (demo, "en");
  g_autoptr(GString) zh_text = sitroom_test_drawn_text (draw_first_page, zh, SITROOM_PACK_PAGE_WIDTH,
                                                        SITROOM_PACK_PAGE_HEIGHT);
  g_autoptr(GString) en_text = sitroom_test_drawn_text (draw_first_page, en, SITROOM_PACK_PAGE_WIDTH,
                                                        SITROOM_PACK_PAGE_HEIGHT);
  const char *zh_words[] = { "山西省新冠肺炎疫情通报", "截至年月日时", "阳性感染者", "晋城市", "山西省卫生健康委员会",
                             "内置演示数据", "本页含示意数据", NULL };
  g_autofree char *zh_title = sitroom_pack_get_title (zh);
  g_autofree char *en_title = sitroom_pack_get_title (en);

  /* Each language's words in its own pack only; English letters that no
   * Chinese page has. */
  sitroom_test_drawn_assert_languages (zh_text, en_text, zh_words, "COVIDPstuJ");
  g_assert_cmpstr (zh_title, ==, "山西省新冠肺炎疫情通报 · 截至2022年8月20日13时");
  g_assert_cmpstr (en_title, ==, "COVID-19 situation in Shanxi · as of 13:00 on 20 August 2022 (CST)");
  g_assert_cmpstr (sitroom_pack_get_lang (en), ==, "en");
}

static guint
mark_pixels (SitroomPack *pack,
             guint        page)
{
  g_autoptr(cairo_surface_t) surface = draw_page (pack, page, 1786, 2526, SITROOM_PACK_PAGE_WIDTH,
                                                  SITROOM_PACK_PAGE_HEIGHT);

  return sitroom_test_drawn_count_pixels_of (surface, MARK_COLOUR);
}

static void
test_illustrative_mark (void)
{
  g_autoptr(SitroomPack) pack = pack_of (demo, "zh");
  g_autoptr(SitroomPack) none = pack_of (empty, "zh");
  guint last = sitroom_pack_get_n_pages (pack) - 1;

  g_assert_cmpuint (mark_pixels (pack, 0), >, 20);
  g_assert_cmpuint (mark_pixels (pack, 3), >, 20);
  /* The notes say which figures are illustrative, and show none. */
  g_assert_cmpuint (mark_pixels (pack, last), ==, 0);
  g_assert_cmpuint (mark_pixels (none, 0), ==, 0);
}

/* The paragraph texts of the pack's briefing blocks in @lang's section,
 * in order. */
static GPtrArray *
briefing_paragraphs (SitroomPack *pack,
                     gboolean     chinese)
{
  GPtrArray *texts = g_ptr_array_new ();

  for (guint b = 0; b < pack->blocks->len; b++)
    {
      const PackBlock *block = g_ptr_array_index (pack->blocks, b);
      const char *text = pango_layout_get_text (block->layout);

      if (block->section != PACK_SECTION_BRIEFING || block->style != PACK_BLOCK_PARAGRAPH)
        continue;
      if ((g_utf8_get_char (text) >= 0x2e80) == chinese)
        g_ptr_array_add (texts, (gpointer) text);
    }
  return texts;
}

/* The edited briefing is the one printed, paragraph by paragraph; a
 * language not edited keeps the generated text. */
static void
test_edited_text (void)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, NULL);
  SitroomPackOptions options = {
    .lang = "zh",
    .source = "内置演示数据",
    .text_zh = "截至8月20日13时，我省共报告阳性12例。\n\n  第一条为\n修改后的段落。  \n\n\n",
  };
  g_autoptr(SitroomPack) pack = sitroom_pack_new (view, sitroom_boundaries_get_builtin (), &options);
  g_autoptr(GPtrArray) zh = briefing_paragraphs (pack, TRUE);
  g_autoptr(GPtrArray) en = briefing_paragraphs (pack, FALSE);
  g_auto(GStrv) generated_en = sitroom_briefing_paragraphs (view, "en");

  g_assert_cmpuint (zh->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (zh, 0), ==, "截至8月20日13时，我省共报告阳性12例。");
  g_assert_cmpstr (g_ptr_array_index (zh, 1), ==, "第一条为修改后的段落。");
  g_assert_cmpuint (en->len, ==, g_strv_length (generated_en));
  g_assert_cmpstr (g_ptr_array_index (en, 0), ==, generated_en[0]);
}

static void
test_default_name (void)
{
  g_autofree char *cutoff = sitroom_pack_default_name (sitroom_test_demo_at ("2022-08-20T13:00:00+08:00"));
  /* The day and hour in China Standard Time, whatever the offset given:
   * 16:30 UTC on the 19th is half past midnight on the 20th in CST. */
  g_autofree char *midnight = sitroom_pack_default_name (sitroom_test_demo_at ("2022-08-19T16:30:00Z"));

  g_assert_cmpstr (cutoff, ==, "briefing-2022-08-20T1300");
  g_assert_cmpstr (midnight, ==, "briefing-2022-08-20T0030");
}

static guint
count_page_objects (const char *pdf,
                    gsize       length)
{
  const char *needle = "/Type /Page";
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n < length; i++)
    if (memcmp (pdf + i, needle, n) == 0 && pdf[i + n] != 's')
      count++;
  return count;
}

static void
test_write_pdf (void)
{
  g_autoptr(SitroomPack) pack = pack_of (demo, "zh");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sitroom-pack-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *nowhere = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, "briefing.pdf", NULL);
  nowhere = g_build_filename (dir, "missing", "briefing.pdf", NULL);

  g_assert_true (sitroom_pack_write_pdf (pack, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_page_objects (contents, length), ==, sitroom_pack_get_n_pages (pack));

  g_assert_false (sitroom_pack_write_pdf (pack, nowhere, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *many_text = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  demo = sitroom_test_demo_load ();
  empty = sitroom_test_demo_parse (empty_document);
  many_text = many_chains_document ();
  many = sitroom_test_demo_parse (many_text);

  g_test_add_func ("/render/pack/pages/demo", test_pages_demo);
  g_test_add_func ("/render/pack/briefing/edited-text", test_edited_text);
  g_test_add_func ("/render/pack/pages/empty", test_pages_empty);
  g_test_add_func ("/render/pack/pages/many-chains", test_pages_many_chains);
  g_test_add_func ("/render/pack/pages/flow", test_pages_flow);
  g_test_add_func ("/render/pack/draw/a4", test_draw_a4);
  g_test_add_func ("/render/pack/draw/printer", test_draw_printer);
  g_test_add_func ("/render/pack/words", test_words);
  g_test_add_func ("/render/pack/illustrative-mark", test_illustrative_mark);
  g_test_add_func ("/render/pack/default-name", test_default_name);
  g_test_add_func ("/render/pack/write-pdf", test_write_pdf);

  status = g_test_run ();
  g_object_unref (demo);
  g_object_unref (empty);
  g_object_unref (many);
  return status;
}
