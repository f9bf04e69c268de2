/* The briefing pack's insides, shared by its files: the pack, its pages, the flowing text, the page's geometry and its words. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-chart-style.h"
#include "sitroom-curve.h"
#include "sitroom-forecast.h"
#include "sitroom-pack-render.h"
#include "sitroom-render-text.h"
#include "sitroom-timeline-render.h"

G_BEGIN_DECLS

/* The page in points. The content lies between the margins and above the
 * footer's band. */
#define PACK_MARGIN_X       50.0
#define PACK_MARGIN_TOP     46.0
#define PACK_CONTENT_WIDTH  (SITROOM_PACK_PAGE_WIDTH - 2 * PACK_MARGIN_X)
#define PACK_CONTENT_BOTTOM (SITROOM_PACK_PAGE_HEIGHT - 58.0)
#define PACK_FOOTER_TOP     (SITROOM_PACK_PAGE_HEIGHT - 40.0)

/* Text sizes in points. */
#define PACK_TITLE_PT      24.0
#define PACK_HEADING_PT    15.0
#define PACK_SUBHEADING_PT 11.0
#define PACK_BODY_PT       10.0
#define PACK_TABLE_PT       9.0
#define PACK_SMALL_PT       8.0
#define PACK_FOOTER_PT      7.0
/* The pictures' text scale: their text at 1 is sized for a screen at
 * arm's length, a little large for a printed page. */
#define PACK_CHART_SCALE    0.72
/* The space a heading and the gap under it take at the top of a page. */
#define PACK_HEADING_GAP    12.0

typedef enum {
  PACK_PAGE_TITLE,      /* title, cutoff, publisher, headline and prefecture tables */
  PACK_PAGE_MAP,
  PACK_PAGE_CHAINS,     /* lanes of the timeline, with the curve under the first page's */
  PACK_PAGE_CAPACITY,
  PACK_PAGE_FLOW,       /* pieces of the flowing text */
} PackPageKind;

typedef struct {
  PackPageKind kind;
  guint first;          /* chains: the first lane; flow: the first piece */
  guint n;              /* chains: lanes; flow: pieces */
  gboolean with_curve;  /* chains: the curve under the lanes */
  gboolean illustrative; /* the page shows a figure the document names illustrative */
} PackPage;

/* How a block of the flowing text looks. */
typedef enum {
  PACK_BLOCK_HEADING,     /* a page's heading, in the pack's language */
  PACK_BLOCK_SUBHEADING,
  PACK_BLOCK_PARAGRAPH,
  PACK_BLOCK_ITEM,        /* a warning or a note: smaller, indented */
} PackBlockStyle;

/* The flowing text's sections: the briefing starts on a page of its own,
 * and so do the warnings and notes. */
typedef enum {
  PACK_SECTION_BRIEFING,
  PACK_SECTION_NOTES,
} PackSection;

typedef struct {
  PangoLayout *layout;
  PackBlockStyle style;
  PackSection section;
  gboolean new_page;      /* starts a page */
} PackBlock;

/* The lines of one block that one page holds, at @y on it. */
typedef struct {
  guint block;
  int first_line;
  int n_lines;
  double y;
} PackPiece;

struct _SitroomPack {
  SitroomView *view;
  SitroomBoundaries *boundaries;
  char *lang;
  char *approval_number;
  char *source;
  gint64 generated_at;
  char *text_zh;          /* the edited briefing, or NULL for the generated one */
  char *text_en;

  SitroomCurve *curve;
  SitroomForecast *forecast;
  SitroomTimelineRenderer *timeline;
  /* The pack's own text is laid out once, in a context of its own with
   * fixed font options, so that the lines measured for the pages are the
   * lines drawn on any surface. */
  PangoContext *pango;

  GArray *pages;          /* PackPage */
  GPtrArray *blocks;      /* PackBlock */
  GArray *pieces;         /* PackPiece */
};

/* Words in the pack's language; a macro, so that a format picked stays
 * a literal the compiler checks. */
#define pack_pick(self, zh, en) (sitroom_render_is_chinese ((self)->lang) ? (zh) : (en))

/* sitroom-pack-render.c */
/* Text at @points in the pack's context, bold or not; wrapped within
 * @width points when @width > 0. */
PangoLayout *sitroom_pack_new_layout      (SitroomPack  *self,
                                           double        points,
                                           gboolean      bold,
                                           double        width,
                                           const char   *text);
/* Whether the document names illustrative a section that one of
 * @sections (NULL-terminated) is, or holds: "cases" matches
 * "cases/reported_at" too. */
gboolean     sitroom_pack_illustrative    (SitroomPack        *self,
                                           const char * const *sections);
/* Draws a page's heading at the top of the content; returns the y under
 * it and its gap. */
double       sitroom_pack_draw_heading    (SitroomPack  *self,
                                           cairo_t      *cr,
                                           const char   *text);
double       sitroom_pack_heading_height  (SitroomPack  *self);

/* sitroom-pack-render-pages.c: the pages of pictures and tables. */
/* Lays out the chains' pages: the lanes that fit over the curve on the
 * first, the rest on pages of their own. */
void         sitroom_pack_plan_chains     (SitroomPack  *self);
void         sitroom_pack_draw_title      (SitroomPack  *self,
                                           cairo_t      *cr);
void         sitroom_pack_draw_map        (SitroomPack  *self,
                                           cairo_t      *cr);
void         sitroom_pack_draw_chains     (SitroomPack    *self,
                                           const PackPage *page,
                                           cairo_t        *cr);
void         sitroom_pack_draw_capacity   (SitroomPack  *self,
                                           cairo_t      *cr);

/* sitroom-pack-render-text.c: the flowing text and the words of the pages. */
/* Lays out the briefing in both languages, the warnings and the notes,
 * and adds their pages. */
void         sitroom_pack_plan_flow       (SitroomPack    *self);
void         sitroom_pack_draw_flow       (SitroomPack    *self,
                                           const PackPage *page,
                                           cairo_t        *cr);
void         sitroom_pack_block_free      (PackBlock      *block);
/* "山西省新冠肺炎疫情通报" / "COVID-19 situation in Shanxi". */
char        *sitroom_pack_title_words     (SitroomPack    *self);
/* The footer's words before the page number: the cutoff, the publisher
 * and the source. */
char        *sitroom_pack_footer_words    (SitroomPack    *self);

G_END_DECLS
