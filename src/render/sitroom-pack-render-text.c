/* The briefing pack's flowing text: the briefing in both languages, the warnings and the notes, broken into pages line by line; and the words every page shares. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-boundaries.h"
#include "sitroom-briefing.h"
#include "sitroom-pack-render-private.h"
#include "sitroom-time.h"

/* A long list of warnings says what they are about in its first ones;
 * the rest are counted, and sitroom --check-feed lists them all. */
#define MAX_WARNINGS 100
#define ITEM_INDENT 10.0

static const char *const briefing_sections[] = { "cases", "chains", "measures", NULL };

char *
sitroom_pack_title_words (SitroomPack *self)
{
  const char *province = sitroom_render_province_name (sitroom_view_get_situation (self->view), self->lang);

  g_assert (self != NULL);

  if (sitroom_render_is_chinese (self->lang))
    return g_strdup_printf ("%s新冠肺炎疫情通报", province);
  if (province[0] == '\0')
    return g_strdup ("COVID-19 situation");
  return g_strdup_printf ("COVID-19 situation in %s", province);
}

char *
sitroom_pack_footer_words (SitroomPack *self)
{
  const SitroomText *publisher = sitroom_situation_get_publisher (sitroom_view_get_situation (self->view));
  g_autofree char *cutoff = sitroom_render_cutoff_words (sitroom_view_get_cutoff (self->view), self->lang);
  GString *words = g_string_new (cutoff);

  g_assert (self != NULL);

  if (!sitroom_render_is_chinese (self->lang))
    words->str[0] = g_ascii_toupper (words->str[0]);
  if (publisher != NULL && publisher->zh != NULL)
    g_string_append_printf (words, " · %s", sitroom_text_get (publisher, self->lang));
  if (self->source != NULL)
    g_string_append_printf (words, pack_pick (self, " · 来源：%s", " · Source: %s"), self->source);
  return g_string_free (words, FALSE);
}

void
sitroom_pack_block_free (PackBlock *block)
{
  g_clear_object (&block->layout);
  g_free (block);
}

/* ── The blocks ─────────────────────────────────────────────────────── */

static double
block_points (PackBlockStyle style)
{
  switch (style)
    {
    case PACK_BLOCK_HEADING:
      return PACK_HEADING_PT;
    case PACK_BLOCK_SUBHEADING:
      return PACK_SUBHEADING_PT;
    case PACK_BLOCK_ITEM:
      return PACK_TABLE_PT;
    case PACK_BLOCK_PARAGRAPH:
    default:
      return PACK_BODY_PT;
    }
}

static double
block_space_before (PackBlockStyle style)
{
  switch (style)
    {
    case PACK_BLOCK_SUBHEADING:
      return 14;
    case PACK_BLOCK_PARAGRAPH:
      return 9;
    case PACK_BLOCK_ITEM:
      return 4;
    case PACK_BLOCK_HEADING:
    default:
      return 0;
    }
}

/* Adds a block of @text in @lang ("zh" or "en": the glyphs of the CJK
 * characters, and how a Chinese paragraph starts). */
static void
add_block (SitroomPack    *self,
           PackSection     section,
           PackBlockStyle  style,
           gboolean        new_page,
           const char     *lang,
           const char     *text)
{
  PackBlock *block = g_new0 (PackBlock, 1);
  gboolean chinese = sitroom_render_is_chinese (lang);
  double points = block_points (style);
  double width = PACK_CONTENT_WIDTH - (style == PACK_BLOCK_ITEM ? ITEM_INDENT : 0);
  PangoAttrList *attrs = pango_attr_list_new ();

  block->style = style;
  block->section = section;
  block->new_page = new_page;
  block->layout = sitroom_pack_new_layout (self, points, style <= PACK_BLOCK_SUBHEADING, width, text);

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (chinese ? "zh-cn" : "en")));
  /* A word broken at the end of a line keeps no hyphen that is not in
   * the text, so that a search of the PDF finds it. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (block->layout, attrs);
  pango_attr_list_unref (attrs);

  if (style == PACK_BLOCK_PARAGRAPH)
    {
      pango_layout_set_line_spacing (block->layout, 1.4f);
      /* A Chinese paragraph starts two characters in, as printed. */
      if (chinese)
        pango_layout_set_indent (block->layout, (int) (2 * points * PANGO_SCALE));
    }
  else if (style == PACK_BLOCK_ITEM)
    pango_layout_set_line_spacing (block->layout, 1.25f);
  g_ptr_array_add (self->blocks, block);
}

/* The paragraphs of an edited text: the lines between blank lines, joined
 * by @joint (a space in English, nothing in Chinese). */
static GStrv
split_paragraphs (const char *text,
                  const char *joint)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
  g_autoptr(GString) paragraph = g_string_new (NULL);

  for (guint i = 0; ; i++)
    {
      const char *line = lines[i] != NULL ? g_strstrip (lines[i]) : "";

      if (line[0] != '\0')
        {
          if (paragraph->len > 0)
            g_string_append (paragraph, joint);
          g_string_append (paragraph, line);
        }
      else if (paragraph->len > 0)
        {
          g_ptr_array_add (paragraphs, g_strdup (paragraph->str));
          g_string_truncate (paragraph, 0);
        }
      if (lines[i] == NULL)
        break;
    }
  g_ptr_array_add (paragraphs, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&paragraphs), FALSE);
}

static void
add_briefing (SitroomPack *self,
              const char  *lang)
{
  const char *edited = sitroom_render_is_chinese (lang) ? self->text_zh : self->text_en;
  g_auto(GStrv) paragraphs = edited != NULL ? split_paragraphs (edited, sitroom_render_is_chinese (lang) ? "" : " ")
                                            : sitroom_briefing_paragraphs (self->view, lang);
  const char *heading;

  if (sitroom_render_is_chinese (lang))
    heading = pack_pick (self, "通报全文（中文）", "The briefing in Chinese");
  else
    heading = pack_pick (self, "通报全文（英文）", "The briefing in English");
  add_block (self, PACK_SECTION_BRIEFING, PACK_BLOCK_HEADING, TRUE, self->lang, heading);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    add_block (self, PACK_SECTION_BRIEFING, PACK_BLOCK_PARAGRAPH, FALSE, lang, paragraphs[i]);
}

/* A section the document names illustrative, in words. */
static char *
section_words (SitroomPack *self,
               const char  *section)
{
  static const struct {
    const char *section;
    const char *zh;
    const char *en;
  } known[] = {
    { "quarantine_sites", "隔离点及其床位、在隔人数", "the quarantine sites, their beds and occupants" },
    { "quarantine_cohorts", "隔离人员入住批次", "the quarantine cohorts" },
    { "quarantine_rules", "隔离规则", "the quarantine rules" },
    { "cases", "病例", "the cases" },
    { "cases/reported_at", "各病例的报告时间", "each case's report time" },
    { "cases/classification", "各病例的临床分型", "each case's classification" },
    { "chains", "感染链条", "the infection chains" },
    { "measures", "防控措施", "the measures" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_strcmp0 (section, known[i].section) == 0)
      return g_strdup (pack_pick (self, known[i].zh, known[i].en));
  return g_strdup_printf ("“%s”", section);
}

static char *
illustrative_words (SitroomPack *self)
{
  const char * const *named = sitroom_situation_get_illustrative (sitroom_view_get_situation (self->view));
  gboolean chinese = sitroom_render_is_chinese (self->lang);
  GString *words;

  if (named == NULL || named[0] == NULL)
    return g_strdup (pack_pick (self, "示意数据：文件未将任何数据注明为示意数据。",
                                "Illustrative figures: the document names none."));

  words = g_string_new (pack_pick (self, "示意数据：文件注明以下数据为示意数据，并非实际报告：",
                                   "Illustrative figures: the document names these illustrative, not reported: "));
  for (guint i = 0; named[i] != NULL; i++)
    {
      g_autofree char *section = section_words (self, named[i]);

      if (i > 0)
        g_string_append (words, chinese ? "；" : "; ");
      g_string_append (words, section);
    }
  g_string_append (words, pack_pick (self, "。页脚标有“本页含示意数据”的页面用到了其中的数据。",
                                     ". Pages whose footer says “Illustrative figures on this page” show figures "
                                     "drawn from them."));
  return g_string_free (words, FALSE);
}

static char *
map_words (SitroomPack *self)
{
  g_autofree char *base = NULL;

  if (self->approval_number != NULL)
    return g_strdup_printf (pack_pick (self, "地图：审图号 %s。", "Map: approval number %s."), self->approval_number);
  if (sitroom_boundaries_is_builtin (self->boundaries))
    return g_strdup (pack_pick (self, "地图：近似轮廓，非审图底图，未标审图号。",
                                "Map: approximate outlines, not an approved map; no approval number."));
  base = g_path_get_basename (sitroom_boundaries_get_origin (self->boundaries));
  return g_strdup_printf (pack_pick (self, "地图：边界取自 %s，未标审图号。",
                                     "Map: outlines from %s; no approval number."), base);
}

/* "2022年8月20日13时05分" / "13:05 on 20 August 2022 (CST)", whatever
 * the locale's month names. */
static char *
time_words (SitroomPack *self,
            gint64       at)
{
  g_autoptr(GDateTime) t = sitroom_render_cst_time (at);
  g_autofree char *phrase = NULL;

  if (t == NULL)
    return g_strdup ("—");
  if (sitroom_render_is_chinese (self->lang))
    return g_date_time_format (t, "%Y年%-m月%-d日%H时%M分");
  phrase = sitroom_briefing_cutoff_phrase (at, "en");
  return g_strdup_printf ("%s (CST)", g_str_has_prefix (phrase, "As of ") ? phrase + strlen ("As of ") : phrase);
}

static void
add_notes (SitroomPack *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  GPtrArray *warnings = sitroom_situation_get_warnings (situation);
  const SitroomText *publisher = sitroom_situation_get_publisher (situation);
  guint n_warnings = warnings != NULL ? warnings->len : 0;
  g_autofree char *illustrative = illustrative_words (self);
  g_autofree char *map = map_words (self);
  g_autofree char *cutoff = sitroom_render_cutoff_words (sitroom_view_get_cutoff (self->view), self->lang);
  g_autofree char *made = time_words (self, self->generated_at);
  g_autofree char *times = NULL;
  g_autofree char *source = NULL;
  g_autofree char *by = NULL;

  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_HEADING, TRUE, self->lang,
             pack_pick (self, "数据质量与说明", "Data quality and notes"));
  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_SUBHEADING, FALSE, self->lang,
             pack_pick (self, "数据质量提示", "Warnings in the document"));
  if (n_warnings == 0)
    add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang,
               pack_pick (self, "文件未带任何警告。", "The document came with no warnings."));
  for (guint i = 0; i < MIN (n_warnings, MAX_WARNINGS); i++)
    {
      g_autofree char *line = sitroom_problem_to_string (g_ptr_array_index (warnings, i));
      g_autofree char *item = g_strdup_printf ("• %s", line);

      add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang, item);
    }
  if (n_warnings > MAX_WARNINGS)
    {
      g_autofree char *more = g_strdup_printf (pack_pick (self, "……另有%u条警告；sitroom --check-feed 可列出全部。",
                                                          "… and %u more warnings: sitroom --check-feed lists them all."),
                                               n_warnings - MAX_WARNINGS);

      add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang, more);
    }

  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_SUBHEADING, FALSE, self->lang, pack_pick (self, "说明", "Notes"));
  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang, illustrative);
  source = g_strdup_printf (pack_pick (self, "数据来源：%s。", "Source: %s."),
                            self->source != NULL ? self->source : pack_pick (self, "未注明", "not given"));
  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang, source);
  by = g_strdup_printf (pack_pick (self, "发布单位：%s。", "Publisher: %s."),
                        publisher != NULL && publisher->zh != NULL ? sitroom_text_get (publisher, self->lang)
                                                                   : pack_pick (self, "文件未注明", "not given by the document"));
  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang, by);
  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang, map);
  if (sitroom_render_is_chinese (self->lang))
    times = g_strdup_printf ("数据%s；本通报生成于%s（北京时间）。", cutoff, made);
  else
    times = g_strdup_printf ("Figures %s; this pack made at %s.", cutoff, made);
  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang, times);
  add_block (self, PACK_SECTION_NOTES, PACK_BLOCK_ITEM, FALSE, self->lang,
             pack_pick (self, "本通报中的每个数字均由同一文件在截至时点计算得出，未经人工录入；地图、图表与文字用的是同一组数字。",
                        "Every figure here is computed from the same document at the cutoff, none typed in: "
                        "the map, the charts and the text state the same numbers."));
}

/* ── Pages ──────────────────────────────────────────────────────────── */

typedef struct {
  SitroomPack *self;
  double y;               /* where the next line goes on the open page */
  gboolean open;          /* a page is open */
} Flow;

static void
flow_new_page (Flow        *flow,
               PackSection  section)
{
  SitroomPack *self = flow->self;
  PackPage page = { .kind = PACK_PAGE_FLOW, .first = self->pieces->len, .n = 0 };

  page.illustrative = section == PACK_SECTION_BRIEFING && sitroom_pack_illustrative (self, briefing_sections);
  g_array_append_val (self->pages, page);
  flow->y = PACK_MARGIN_TOP;
  flow->open = TRUE;
}

static void
flow_add_piece (Flow  *flow,
                guint  block,
                int    first_line,
                int    n_lines,
                double y)
{
  SitroomPack *self = flow->self;
  PackPiece piece = { block, first_line, n_lines, y };

  g_array_append_val (self->pieces, piece);
  g_array_index (self->pages, PackPage, self->pages->len - 1).n++;
}

/* The tops and bottoms of @layout's lines, in points from its top. */
static GArray *
line_extents (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double extent[2];

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      extent[0] = logical.y / (double) PANGO_SCALE;
      extent[1] = (logical.y + logical.height) / (double) PANGO_SCALE;
      g_array_append_vals (lines, extent, 1);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

#define LINE_TOP(lines, i) (((double *) (lines)->data)[2 * (i)])
#define LINE_BOTTOM(lines, i) (((double *) (lines)->data)[2 * (i) + 1])

/* The height that must fit where @block starts: a heading with the first
 * two lines of what follows it, a paragraph's first two lines, so that no
 * heading ends a page and no paragraph leaves one line behind. */
static double
height_to_keep (SitroomPack *self,
                guint        index,
                GArray      *lines)
{
  const PackBlock *block = g_ptr_array_index (self->blocks, index);
  double keep = LINE_BOTTOM (lines, MIN (lines->len, 2) - 1);

  if (block->style <= PACK_BLOCK_SUBHEADING && index + 1 < self->blocks->len)
    {
      const PackBlock *next = g_ptr_array_index (self->blocks, index + 1);
      g_autoptr(GArray) next_lines = line_extents (next->layout);

      keep = LINE_BOTTOM (lines, lines->len - 1) + PACK_HEADING_GAP + block_space_before (next->style) +
             LINE_BOTTOM (next_lines, MIN (next_lines->len, 2) - 1);
    }
  return keep;
}

void
sitroom_pack_plan_flow (SitroomPack *self)
{
  Flow flow = { self, PACK_MARGIN_TOP, FALSE };

  /* The pack's language first, then the other. */
  add_briefing (self, self->lang);
  add_briefing (self, sitroom_render_is_chinese (self->lang) ? "en" : "zh");
  add_notes (self);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      const PackBlock *block = g_ptr_array_index (self->blocks, b);
      g_autoptr(GArray) lines = line_extents (block->layout);
      double after = block->style == PACK_BLOCK_HEADING ? PACK_HEADING_GAP : 0;
      double offset, top;
      int first = 0;

      if (block->new_page || !flow.open)
        flow_new_page (&flow, block->section);
      else
        flow.y += block_space_before (block->style);
      if (flow.y > PACK_MARGIN_TOP && flow.y + height_to_keep (self, b, lines) > PACK_CONTENT_BOTTOM)
        flow_new_page (&flow, block->section);

      top = flow.y;
      offset = LINE_TOP (lines, 0);
      for (guint i = 0; i < lines->len; i++)
        {
          /* A line that would run into the footer starts the next page;
           * a page's first line always stays, however tall. */
          if (top + LINE_BOTTOM (lines, i) - offset > PACK_CONTENT_BOTTOM &&
              ((int) i > first || top > PACK_MARGIN_TOP))
            {
              if ((int) i > first)
                flow_add_piece (&flow, b, first, (int) i - first, top);
              flow_new_page (&flow, block->section);
              first = (int) i;
              top = flow.y;
              offset = LINE_TOP (lines, i);
            }
        }
      flow_add_piece (&flow, b, first, (int) lines->len - first, top);
      flow.y = top + LINE_BOTTOM (lines, lines->len - 1) - offset + after;
    }
}

void
sitroom_pack_draw_flow (SitroomPack    *self,
                        const PackPage *page,
                        cairo_t        *cr)
{
  const SitroomChartColors *colors = sitroom_chart_colors (SITROOM_STYLE_LIGHT);

  for (guint p = page->first; p < page->first + page->n; p++)
    {
      const PackPiece *piece = &g_array_index (self->pieces, PackPiece, p);
      const PackBlock *block = g_ptr_array_index (self->blocks, piece->block);
      double x = PACK_MARGIN_X + (block->style == PACK_BLOCK_ITEM ? ITEM_INDENT : 0);
      PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
      double top = 0, bottom = 0;

      for (int i = 0; i < piece->first_line; i++)
        pango_layout_iter_next_line (iter);
      sitroom_chart_set_color (cr, &colors->text, 1);
      for (int i = 0; i < piece->n_lines; i++)
        {
          PangoRectangle logical;
          double baseline;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (i == 0)
            top = logical.y / (double) PANGO_SCALE;
          bottom = (logical.y + logical.height) / (double) PANGO_SCALE;
          baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
          /* Each line as text, so a PDF keeps it selectable. */
          cairo_move_to (cr, x + logical.x / (double) PANGO_SCALE, piece->y + baseline - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
          pango_layout_iter_next_line (iter);
        }
      pango_layout_iter_free (iter);

      if (block->style == PACK_BLOCK_HEADING)
        {
          sitroom_chart_set_color (cr, &colors->grid, 1);
          cairo_rectangle (cr, PACK_MARGIN_X, piece->y + bottom - top + 3, PACK_CONTENT_WIDTH, 0.75);
          cairo_fill (cr);
        }
    }
}
