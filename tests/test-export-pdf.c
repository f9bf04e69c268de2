/* Tests of sitroom --export FILE.pdf|.csv, --view briefing and --scale: the pack's pages and searchable text, the CSV read back against the JSON summary, well-formed SVG of every view, doubled PNGs, and the refusals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sitroom-briefing.h"
#include "sitroom-source.h"
#include "sitroom-test-cli.h"
#include "sitroom-test-drawn.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* The demo's pack: title, map, chains and curve, capacity, the briefing
 * in Chinese on one page and in English on two, the notes. */
#define DEMO_PAGES 8

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* Runs `sitroom --export DIR/NAME ARGS…` (NULL-terminated), which must
 * succeed quietly; returns the file's path. */
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
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Page objects, not the tree of pages ("/Type /Pages"). */
static guint
count_pages (const char *path)
{
  gsize length;
  g_autofree char *pdf = read_file (path, &length);
  const char *needle = "/Type /Page";
  guint count = 0;

  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  for (gsize i = 0; i + strlen (needle) < length; i++)
    if (memcmp (pdf + i, needle, strlen (needle)) == 0 && pdf[i + strlen (needle)] != 's')
      count++;
  return count;
}

static void
test_pages (void)
{
  g_autofree char *zh = export_ok ("pack-zh.pdf", "--lang", "zh", NULL);
  g_autofree char *en = export_ok ("pack-en.PDF", "--lang", "en", "--view", "briefing", NULL);
  g_autofree char *earlier = export_ok ("pack-earlier.pdf", "--lang", "zh", "--as-of", "2022-08-18T12:00:00+08:00", NULL);

  g_assert_cmpuint (count_pages (zh), ==, DEMO_PAGES);
  g_assert_cmpuint (count_pages (en), ==, DEMO_PAGES);
  /* Two days earlier there is less to tell. */
  g_assert_cmpuint (count_pages (earlier), <, DEMO_PAGES);
  g_assert_cmpuint (count_pages (earlier), >=, 7);
  g_assert_cmpuint (sitroom_test_count_hidden_files (tmpdir), ==, 0);
}

static char *
squeeze (const char *words)
{
  GString *text = g_string_new (NULL);

  for (const char *p = words; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (text, *p);
  return g_string_free (text, FALSE);
}

/* The text of @path as pdftotext reads it, without any white space: a line
 * wraps wherever the page needs. NULL, the test skipped, without
 * pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { program, "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return squeeze (out);
}

/* The first sentence of the demo's briefing in @lang, as the library
 * writes it. */
static char *
first_sentence (const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_source_load (NULL, NULL, NULL, &error);
  g_autoptr(SitroomView) view = NULL;
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *sentence = NULL;
  const char *end;

  g_assert_no_error (error);
  view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  paragraphs = sitroom_briefing_paragraphs (view, lang);
  end = strstr (paragraphs[0], g_str_equal (lang, "zh") ? "。" : ". ");
  g_assert_nonnull (end);
  sentence = g_strndup (paragraphs[0], end - paragraphs[0]);
  return squeeze (sentence);
}

static void
assert_contains (const char *text,
                 const char *words)
{
  g_autofree char *squeezed = squeeze (words);

  if (strstr (text, squeezed) == NULL)
    g_test_message ("not in the PDF's text: %s", words);
  g_assert_nonnull (strstr (text, squeezed));
}

static void
test_text (void)
{
  g_autofree char *zh_path = export_ok ("text-zh.pdf", "--lang", "zh", NULL);
  g_autofree char *en_path = export_ok ("text-en.pdf", "--lang", "en", NULL);
  g_autofree char *zh = pdf_text (zh_path);
  g_autofree char *en = pdf_text (en_path);
  g_autofree char *zh_sentence = first_sentence ("zh");
  g_autofree char *en_sentence = first_sentence ("en");

  if (zh == NULL)
    return;

  /* The title page's figures, each beside its label. */
  assert_contains (zh, "山西省新冠肺炎疫情通报");
  assert_contains (zh, "截至2022年8月20日13时");
  assert_contains (zh, "阳性感染者 11");
  assert_contains (zh, "确诊病例 10");
  assert_contains (zh, "轻型 9");
  assert_contains (zh, "无症状感染者 1");
  assert_contains (zh, "140500 晋城市 5 5 0 1");
  assert_contains (zh, "140800 运城市 4 4 0 3");
  assert_contains (zh, "密切接触者 34");
  assert_contains (zh, "次密切接触者 201");
  assert_contains (en, "Positives 11");
  assert_contains (en, "140500 Jincheng 5 5 0 1");
  assert_contains (en, "Secondary contacts 201");
  /* The chains' contacts in the briefing, and both languages' first
   * sentence in both packs: CJK text stayed text. */
  assert_contains (zh, "现有密接34人、次密接201人");
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? zh : en;

      g_assert_nonnull (strstr (text, zh_sentence));
      g_assert_nonnull (strstr (text, en_sentence));
    }
  /* Every page's footer: the cutoff, the publisher, the source, the page
   * number, the mark where figures are illustrative. */
  assert_contains (zh, "山西省卫生健康委员会 · 来源：内置演示数据");
  assert_contains (zh, "本页含示意数据 3 / 8");
  assert_contains (zh, "8 / 8");
  assert_contains (en, "Shanxi Health Commission · Source: Built-in demo");
  /* The notes. */
  assert_contains (zh, "数据质量与说明");
  assert_contains (zh, "/quarantine_sites/3");
  assert_contains (en, "Map: approximate outlines, not an approved map");
}

static void
test_approval_number (void)
{
  g_autofree char *path = export_ok ("approved.pdf", "--lang", "en", "--approval-number", "晋S(2023)007", NULL);
  g_autofree char *text = pdf_text (path);

  if (text == NULL)
    return;
  /* On the map page's credits and in the notes. */
  assert_contains (text, "Map: approval number 晋S(2023)007.");
  g_assert_nonnull (strstr (text, "Positivesbyprefecture"));
  g_assert_nonnull (strstr (strstr (text, "Positivesbyprefecture"), "晋S(2023)007"));
}

/* ── CSV ─────────────────────────────────────────────────────────────── */

/* Rows of fields of an RFC 4180 file; a blank line is a row of one empty
 * field. */
static GPtrArray *
parse_csv (const char *path)
{
  g_autofree char *text = read_file (path, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  p += 3;
  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_true (p[1] == '\n');
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        g_string_append_c (field, *p++);
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

#define CELL(row, i) ((const char *) g_ptr_array_index ((GPtrArray *) (row), (i)))

/* The column named @name in the header @row. */
static guint
column (GPtrArray  *header,
        const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (CELL (header, i), name))
      return i;
  g_assert_not_reached ();
}

/* The rows of the table that starts with the title row @key, header
 * first. */
static GPtrArray *
table (GPtrArray  *rows,
       const char *key)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (CELL (rows->pdata[i], 0), key))
      {
        for (guint j = i + 1; j < rows->len && CELL (rows->pdata[j], 0)[0] != '\0'; j++)
          g_ptr_array_add (found, rows->pdata[j]);
        return found;
      }
  g_assert_not_reached ();
}

static gint64
count_field (const char *text)
{
  /* Not given is not 0, but the summary writes it as 0. */
  return text[0] == '\0' ? 0 : g_ascii_strtoll (text, NULL, 10);
}

static JsonObject *
summary (void)
{
  g_auto(SitroomTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  sitroom_test_run_sitroom (&run, "--summary", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_prefectures (GPtrArray  *rows,
                    JsonObject *json)
{
  JsonObject *by_region = json_object_get_object_member (json, "by_region");
  GPtrArray *header = rows->pdata[0];
  gint64 total = 0;

  g_assert_cmpuint (rows->len, ==, 12);
  for (guint i = 1; i < rows->len; i++)
    {
      const char *code = CELL (rows->pdata[i], column (header, "code"));
      gint64 positives = count_field (CELL (rows->pdata[i], column (header, "positives")));
      JsonObject *region = json_object_has_member (by_region, code) ? json_object_get_object_member (by_region, code) : NULL;

      total += positives;
      g_assert_cmpint (positives, ==, region != NULL ? json_object_get_int_member (region, "positives") : 0);
      g_assert_cmpint (count_field (CELL (rows->pdata[i], column (header, "confirmed"))), ==,
                       region != NULL ? json_object_get_int_member (region, "confirmed") : 0);
      g_assert_cmpint (count_field (CELL (rows->pdata[i], column (header, "asymptomatic"))), ==,
                       region != NULL ? json_object_get_int_member (region, "asymptomatic") : 0);
    }
  g_assert_cmpint (total, ==, json_object_get_int_member (json, "positives"));
}

static void
test_csv_briefing (void)
{
  g_autofree char *path = export_ok ("briefing.csv", NULL);
  g_autoptr(GPtrArray) rows = parse_csv (path);
  g_autoptr(JsonObject) json = summary ();
  g_autoptr(GPtrArray) prefectures = table (rows, "prefectures");
  g_autoptr(GPtrArray) chains = table (rows, "chains");
  g_autoptr(GPtrArray) sites = table (rows, "quarantine_sites");
  JsonObject *json_chains = json_object_get_object_member (json, "chains");
  JsonObject *quarantine = json_object_get_object_member (json, "quarantine");
  GPtrArray *header;
  g_autoptr(GList) codes = json_object_get_members (quarantine);

  assert_prefectures (prefectures, json);

  header = chains->pdata[0];
  g_assert_cmpuint (chains->len - 1, ==, json_object_get_size (json_chains));
  for (guint i = 1; i < chains->len; i++)
    {
      JsonObject *chain = json_object_get_object_member (json_chains, CELL (chains->pdata[i], column (header, "id")));

      g_assert_nonnull (chain);
      g_assert_cmpint (count_field (CELL (chains->pdata[i], column (header, "positives"))), ==,
                       json_object_get_int_member (chain, "positives"));
      g_assert_cmpint (count_field (CELL (chains->pdata[i], column (header, "close_contacts"))), ==,
                       json_object_get_int_member (chain, "close_contacts"));
      g_assert_cmpint (count_field (CELL (chains->pdata[i], column (header, "secondary_contacts"))), ==,
                       json_object_get_int_member (chain, "secondary_contacts"));
    }

  /* The centralized sites add up to each prefecture's beds and occupants. */
  header = sites->pdata[0];
  for (GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *figures = json_object_get_object_member (quarantine, l->data);
      gint64 capacity = 0, occupied = 0;

      for (guint i = 1; i < sites->len; i++)
        if (g_str_equal (CELL (sites->pdata[i], column (header, "prefecture")), l->data) &&
            g_str_equal (CELL (sites->pdata[i], column (header, "kind")), "centralized"))
          {
            capacity += count_field (CELL (sites->pdata[i], column (header, "capacity")));
            occupied += count_field (CELL (sites->pdata[i], column (header, "occupied")));
          }
      g_assert_cmpint (capacity, ==, json_object_get_int_member (figures, "capacity"));
      g_assert_cmpint (occupied, ==, json_object_get_int_member (figures, "occupied"));
    }
  g_assert_cmpuint (g_list_length (codes), ==, 5);
}

static void
test_csv_views (void)
{
  g_autofree char *map = export_ok ("map.csv", "--view", "map", NULL);
  g_autofree char *chains = export_ok ("chains.CSV", "--view", "chains", NULL);
  g_autofree char *capacity = export_ok ("capacity.csv", "--view", "capacity", NULL);
  g_autofree char *curve = export_ok ("curve.csv", "--view", "curve", NULL);
  g_autofree char *by_chain = export_ok ("curve-chains.csv", "--view", "curve", "--grouping", "by-chain", NULL);
  g_autoptr(GPtrArray) map_rows = parse_csv (map);
  g_autoptr(GPtrArray) chain_rows = parse_csv (chains);
  g_autoptr(GPtrArray) capacity_rows = parse_csv (capacity);
  g_autoptr(GPtrArray) curve_rows = parse_csv (curve);
  g_autoptr(GPtrArray) by_chain_rows = parse_csv (by_chain);
  g_autoptr(JsonObject) json = summary ();
  GPtrArray *header = curve_rows->pdata[0];
  gint64 confirmed = 0, asymptomatic = 0, jincheng = 0;
  double last_day_mean = 0;

  /* One table each, with no title row. */
  assert_prefectures (map_rows, json);
  g_assert_cmpstr (CELL (chain_rows->pdata[0], 0), ==, "id");
  g_assert_cmpuint (chain_rows->len, ==, 5);
  g_assert_cmpstr (CELL (capacity_rows->pdata[0], 0), ==, "id");
  g_assert_cmpuint (capacity_rows->len, ==, 9);

  /* The curve day by day and prefecture by prefecture adds up to the
   * totals; a day's means add up to the day's. */
  g_assert_cmpstr (CELL (header, 0), ==, "date");
  for (guint i = 1; i < curve_rows->len; i++)
    {
      GPtrArray *row = curve_rows->pdata[i];
      gint64 day = count_field (CELL (row, column (header, "confirmed"))) +
                   count_field (CELL (row, column (header, "asymptomatic")));

      confirmed += count_field (CELL (row, column (header, "confirmed")));
      asymptomatic += count_field (CELL (row, column (header, "asymptomatic")));
      if (g_str_equal (CELL (row, column (header, "group")), "140500"))
        {
          jincheng += day;
          g_assert_cmpstr (CELL (row, column (header, "group_zh")), ==, "晋城市");
        }
      if (g_str_equal (CELL (row, 0), "2022-08-20"))
        last_day_mean += g_ascii_strtod (CELL (row, column (header, "mean7")), NULL);
    }
  g_assert_cmpint (confirmed, ==, json_object_get_int_member (json, "confirmed"));
  g_assert_cmpint (asymptomatic, ==, json_object_get_int_member (json, "asymptomatic"));
  g_assert_cmpint (jincheng, ==, 5);
  /* 11 positives over the last seven days. */
  g_assert_cmpfloat_with_epsilon (last_day_mean, 11 / 7.0, 0.25);
  /* Four days of four prefectures, or of the three chains with cases. */
  g_assert_cmpuint (curve_rows->len, ==, 1 + 4 * 4);
  g_assert_cmpuint (by_chain_rows->len, ==, 1 + 4 * 3);
  g_assert_cmpstr (CELL (by_chain_rows->pdata[1], 1), ==, "0817-z22");
}

/* ── Pictures ────────────────────────────────────────────────────────── */

static void
test_svg (void)
{
  const char *views[] = { "briefing", "map", "chains", "curve", "capacity" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.svg", views[i]);
      g_autofree char *path = export_ok (name, "--view", views[i], "--lang", "zh", NULL);
      g_autoptr(GMarkupParseContext) context = NULL;
      g_autoptr(GError) error = NULL;
      GMarkupParser parser = { 0 };
      gsize length;
      g_autofree char *svg = read_file (path, &length);

      /* Well-formed XML, as GMarkup reads it: one root, every element
       * closed, entities escaped. */
      context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, NULL, NULL);
      g_markup_parse_context_parse (context, svg, length, &error);
      g_assert_no_error (error);
      g_markup_parse_context_end_parse (context, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (svg, "<?xml"));
      g_assert_null (strstr (svg, "<image"));
      if (i == 0)
        {
          g_assert_nonnull (strstr (svg, "<title>山西省新冠肺炎疫情通报 · 截至2022年8月20日13时</title>"));
          g_assert_nonnull (strstr (svg, "width=\"1240px\""));
          g_assert_nonnull (strstr (svg, "共计11例"));
        }
    }
}

static void
test_scale (void)
{
  g_autofree char *page = export_ok ("page.png", "--view", "briefing", NULL);
  g_autofree char *page2 = export_ok ("page@2.png", "--view", "briefing", "--scale", "2", NULL);
  g_autofree char *map = export_ok ("map.png", "--size", "400x300", "--scale", "1", NULL);
  g_autofree char *map2 = export_ok ("map@2.png", "--size", "400x300", "--scale", "2", NULL);
  g_autofree char *curve2 = export_ok ("curve@2.png", "--view", "curve", "--size", "400x300", "--scale", "2", NULL);
  g_autofree char *svg2 = export_ok ("chains@2.svg", "--view", "chains", "--size", "800x450", "--scale", "2", NULL);
  g_autoptr(cairo_surface_t) one = sitroom_test_drawn_load_png (page);
  g_autoptr(cairo_surface_t) two = sitroom_test_drawn_load_png (page2);
  g_autoptr(cairo_surface_t) small = sitroom_test_drawn_load_png (map);
  g_autoptr(cairo_surface_t) large = sitroom_test_drawn_load_png (map2);
  g_autoptr(cairo_surface_t) curve = sitroom_test_drawn_load_png (curve2);
  g_autofree char *svg = read_file (svg2, NULL);

  /* The briefing's first page at A4 and 150 dots an inch, then twice. */
  g_assert_cmpint (cairo_image_surface_get_width (one), ==, 1240);
  g_assert_cmpint (cairo_image_surface_get_height (one), ==, 1754);
  g_assert_cmpint (cairo_image_surface_get_width (two), ==, 2480);
  g_assert_cmpint (cairo_image_surface_get_height (two), ==, 3508);
  g_assert_cmpuint (sitroom_test_drawn_count_colours (one), >, 16);

  g_assert_cmpint (cairo_image_surface_get_width (small), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (small), ==, 300);
  g_assert_cmpint (cairo_image_surface_get_width (large), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (large), ==, 600);
  g_assert_cmpint (cairo_image_surface_get_width (curve), ==, 800);
  /* The same picture, more pixels: not the 800x600 export, whose text
   * would be sized for its own size. */
  g_assert_cmpuint (sitroom_test_drawn_count_colours (large), >, sitroom_test_drawn_count_colours (small) / 2);
  g_assert_nonnull (strstr (svg, "width=\"1600px\""));
  g_assert_nonnull (strstr (svg, "height=\"900px\""));
}

/* ── Refusals ────────────────────────────────────────────────────────── */

static void
assert_export_fails (const char *name,
                     const char *expected,
                     ...)
{
  va_list args;

  va_start (args, expected);
  /* Bad arguments: the status --export has always given them. */
  g_assert_cmpint (sitroom_test_export_fails (tmpdir, name, expected, args), ==, 1);
  va_end (args);
}

static void
test_bad_arguments (void)
{
  assert_export_fails ("map.pdf", "a PDF holds the whole briefing pack; use --view briefing, or a .png or .svg file",
                       "--view", "map", NULL);
  assert_export_fails ("curve.pdf", "curve.pdf”: a PDF holds the whole briefing pack", "--view", "curve", NULL);
}

static void
test_bad_combinations (void)
{
  assert_export_fails ("sized.pdf", "--size is used only with a .png or .svg file", "--size", "800x600", NULL);
  assert_export_fails ("scaled.csv", "--scale is used only with a .png or .svg file", "--scale", "2", NULL);
  assert_export_fails ("scale3.png", "--scale “3”: use 1, or 2", "--scale", "3", NULL);
  assert_export_fails ("half.png", "--scale “1.5”", "--scale", "1.5", NULL);
  assert_export_fails ("approved.csv", "--approval-number is not used in a CSV file",
                       "--approval-number", "GS(2024)0650", NULL);
  assert_export_fails ("metric.pdf", "--metric is used only with --view map", "--metric", "positives", NULL);
  assert_export_fails ("grouping.png", "--grouping is used only with --view curve",
                       "--view", "briefing", "--grouping", "by-chain", NULL);
  assert_export_fails ("approval.png", "--approval-number is used only with --view map or briefing",
                       "--view", "capacity", "--approval-number", "GS(2024)0650", NULL);
  assert_export_fails ("pack.txt", ".pdf, .csv, .png or .svg", NULL);
  assert_export_fails ("pack.pdf", "“pack”: use map, chains, curve or capacity, or briefing", "--view", "pack", NULL);
}

static void
test_unwritable (void)
{
  g_autofree char *nowhere = g_build_filename (tmpdir, "no-such-folder", "pack.pdf", NULL);
  g_autofree char *csv_nowhere = g_build_filename (tmpdir, "no-such-folder", "pack.csv", NULL);
  g_autofree char *folder = tmp_path ("folder.pdf");
  g_auto(SitroomTestRun) run = { 0 };
  g_autoptr(GDir) listing = NULL;
  const char *name;

  sitroom_test_run_sitroom (&run, "--export", nowhere, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  sitroom_test_run_clear (&run);

  sitroom_test_run_sitroom (&run, "--export", csv_nowhere, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, csv_nowhere));
  sitroom_test_run_clear (&run);

  /* Renaming over a folder fails once the whole pack is drawn: nothing
   * is left beside it. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  sitroom_test_run_sitroom (&run, "--export", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, folder));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  listing = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, "folder.pdf.") || g_str_has_prefix (name, ".folder.pdf"));
  g_rmdir (folder);
}

static void
test_help (void)
{
  g_auto(SitroomTestRun) help = { 0 };
  g_auto(SitroomTestRun) scale = { 0 };

  sitroom_test_run_sitroom (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--scale=SCALE"));
  g_assert_nonnull (strstr (help.out, "briefing (the whole pack"));
  g_assert_nonnull (strstr (help.out, "(.pdf)"));

  /* Without --export it would be ignored. */
  sitroom_test_run_sitroom (&scale, "--scale", "2", NULL);
  g_assert_cmpint (scale.status, ==, 2);
  g_assert_nonnull (strstr (scale.err, "--scale is used only with --export"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = sitroom_test_make_tmpdir ("sitroom-export-pdf-XXXXXX");

  g_test_add_func ("/cli/export-pdf/pages", test_pages);
  g_test_add_func ("/cli/export-pdf/text", test_text);
  g_test_add_func ("/cli/export-pdf/approval-number", test_approval_number);
  g_test_add_func ("/cli/export-pdf/csv-briefing", test_csv_briefing);
  g_test_add_func ("/cli/export-pdf/csv-views", test_csv_views);
  g_test_add_func ("/cli/export-pdf/svg", test_svg);
  g_test_add_func ("/cli/export-pdf/scale", test_scale);
  g_test_add_func ("/cli/export-pdf/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/export-pdf/bad-combinations", test_bad_combinations);
  g_test_add_func ("/cli/export-pdf/unwritable", test_unwritable);
  g_test_add_func ("/cli/export-pdf/help", test_help);

  status = g_test_run ();
  sitroom_test_remove_tmpdir (tmpdir);

  return status;
}
