/* The chains as an export: the timeline of the whole story under a title, scaled to show every lane, above a key to its marks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-briefing.h"
#include "sitroom-chains.h"
#include "sitroom-export-private.h"
#include "sitroom-timeline-render.h"

/* Sizes in pixels at a text scale of 1. */
#define MARGIN 24.0
#define TITLE_PX 18.0
#define SUBTITLE_PX 12.0
#define LINE_GAP 4.0
#define BLOCK_GAP 14.0
/* A short story may grow its text and lanes by this much to use the
 * page, no more: past it the labels crowd the time axis. */
#define MAX_GROWTH 1.8

/* The note that lanes were left out: it changes what the page means. */
static const SitroomColor note_color = { 0xa5 / 255.f, 0x1d / 255.f, 0x2d / 255.f, 1 };

typedef struct {
  SitroomView *view;
  const char *lang;
} ChainsPicture;

/* Everything around the lanes, laid out at one text scale. */
typedef struct {
  PangoContext *pango;
  const char *lang;
  double ts;
  double width;
  PangoLayout *title;
  PangoLayout *subtitle;        /* the source, or NULL */
  PangoLayout *note;            /* lanes left out, or NULL */
  SitroomExportKey *key;
  double key_height;
  double header_height;         /* from the top to the timeline */
} Frame;

static const char *
pick (const char *lang,
      const char *zh,
      const char *en)
{
  return sitroom_render_is_chinese (lang) ? zh : en;
}

/* A paragraph that wraps within the page's margins. */
static PangoLayout *
new_paragraph (Frame      *frame,
               double      pixels,
               gboolean    bold,
               const char *text)
{
  PangoLayout *layout = sitroom_render_new_layout (frame->pango, pixels * frame->ts, bold, text);

  pango_layout_set_width (layout, (int) (MAX (frame->width - 2 * MARGIN * frame->ts, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
frame_clear (Frame *frame)
{
  g_clear_object (&frame->title);
  g_clear_object (&frame->subtitle);
  g_clear_object (&frame->note);
}

/* "山西省疫情感染链条 · 截至2022年8月20日13时" / "Infection chains in Shanxi ·
 * as of 13:00 on 20 August 2022 (CST)", worded as the map's title is. */
static char *
format_title (SitroomView *view,
              const char  *lang)
{
  const char *province = sitroom_render_province_name (sitroom_view_get_situation (view), lang);
  g_autofree char *cutoff = sitroom_render_cutoff_words (sitroom_view_get_cutoff (view), lang);

  if (sitroom_render_is_chinese (lang))
    return g_strdup_printf ("%s疫情感染链条 · %s", province, cutoff);
  if (province[0] == '\0')
    return g_strdup_printf ("Infection chains · %s", cutoff);
  return g_strdup_printf ("Infection chains in %s · %s", province, cutoff);
}

/* What a reader needs told when lanes were left out: how many are shown,
 * and that a larger file shows them all. */
static char *
format_note (guint       n_chains,
             guint       n_shown,
             const char *lang)
{
  if (n_shown >= n_chains)
    return g_strdup (pick (lang, "图幅所限，未画出防控措施；加大 --size 可全部画出",
                           "The measures do not fit: a larger --size shows them"));
  if (sitroom_render_is_chinese (lang))
    return g_strdup_printf ("图幅所限，仅画出前%u条感染链条（共%u条），未画出防控措施；加大 --size 可全部画出",
                            n_shown, n_chains);
  return g_strdup_printf ("Only the first %u of %u chains fit, and not the measures: a larger --size shows them all",
                          n_shown, n_chains);
}

/* Lays out the title, source, note and key at @ts; @note is NULL when
 * every lane fits. */
static void
frame_init (Frame       *frame,
            SitroomView *view,
            double       ts,
            const char  *note)
{
  const SitroomText *publisher = sitroom_situation_get_publisher (sitroom_view_get_situation (view));
  g_autofree char *title = format_title (view, frame->lang);
  double ts_gap = LINE_GAP * ts;

  frame_clear (frame);
  frame->ts = ts;
  frame->title = new_paragraph (frame, TITLE_PX, TRUE, title);
  if (publisher != NULL && publisher->zh != NULL)
    {
      const char *name = sitroom_text_get (publisher, frame->lang);
      g_autofree char *source = sitroom_render_is_chinese (frame->lang)
                                ? g_strdup_printf ("来源：%s", name)
                                : g_strdup_printf ("Source: %s", name);

      frame->subtitle = new_paragraph (frame, SUBTITLE_PX, FALSE, source);
    }
  if (note != NULL)
    frame->note = new_paragraph (frame, SUBTITLE_PX, TRUE, note);
  frame->key_height = sitroom_export_key_layout (frame->key, frame->pango, ts,
                                                 MAX (frame->width - 2 * MARGIN * ts, 1));

  frame->header_height = MARGIN * ts + sitroom_render_layout_height (frame->title);
  if (frame->subtitle != NULL)
    frame->header_height += ts_gap + sitroom_render_layout_height (frame->subtitle);
  if (frame->note != NULL)
    frame->header_height += ts_gap + sitroom_render_layout_height (frame->note);
  frame->header_height = ceil (frame->header_height + BLOCK_GAP * ts);
}

/* The height of the page besides the lanes. */
static double
frame_fixed_height (const Frame             *frame,
                    SitroomTimelineRenderer *renderer)
{
  double below = frame->key_height > 0 ? BLOCK_GAP * frame->ts + frame->key_height : 0;

  return frame->header_height + sitroom_timeline_renderer_get_axis_height (renderer) +
         below + MARGIN * frame->ts;
}

static void
set_scale (SitroomTimelineRenderer *renderer,
           const char              *lang,
           double                   ts)
{
  SitroomTimelineOptions options = {
    .style = SITROOM_STYLE_LIGHT,
    .lang = lang,
    .selected_chain = -1,
    .close_days = 0,
    .text_scale = ts,
  };

  sitroom_timeline_renderer_set_options (renderer, &options);
}

/* Finds the largest text scale, from a little above the file's size down
 * to the floor, at which every lane fits; returns how many lanes are
 * drawn. */
static guint
fit_lanes (Frame                   *frame,
           SitroomTimelineRenderer *renderer,
           SitroomView             *view,
           int                      height)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n_lanes = sitroom_timeline_renderer_get_n_lanes (renderer);
  guint n_chains = sitroom_situation_get_n_chains (situation);
  double ts = frame->ts;
  g_autofree char *note = NULL;
  double needed;
  double room;
  guint shown;

  /* Everything on the page scales together, so the ratio of the room to
   * what is needed is nearly the scale that fits; rounding of the lanes
   * to whole pixels takes a step or two more. */
  frame_init (frame, view, ts, NULL);
  set_scale (renderer, frame->lang, ts);
  needed = frame_fixed_height (frame, renderer) + sitroom_timeline_renderer_get_content_height (renderer);
  ts = MAX (MIN (ts * MAX_GROWTH, ts * height / needed), SITROOM_EXPORT_CHAINS_MIN_SCALE);

  for (guint attempt = 0; attempt < 12; attempt++)
    {
      frame_init (frame, view, ts, NULL);
      set_scale (renderer, frame->lang, ts);
      needed = frame_fixed_height (frame, renderer) + sitroom_timeline_renderer_get_content_height (renderer);
      if (needed <= height)
        return n_lanes;
      if (ts <= SITROOM_EXPORT_CHAINS_MIN_SCALE)
        break;
      ts = MAX (SITROOM_EXPORT_CHAINS_MIN_SCALE, ts * height / needed - 0.002);
    }

  /* At the floor the lanes still overflow: the note takes room too, laid
   * out first with the widest numbers it can hold. */
  note = format_note (n_chains, n_chains > 0 ? n_chains - 1 : 0, frame->lang);
  frame_init (frame, view, ts, note);
  room = height - frame_fixed_height (frame, renderer);
  shown = (guint) MAX (floor (room / sitroom_timeline_renderer_get_lane_height (renderer)), 0);
  shown = MIN (shown, n_lanes > 0 ? n_lanes - 1 : 0);
  g_free (note);
  note = format_note (n_chains, MIN (shown, n_chains), frame->lang);
  frame_init (frame, view, ts, note);
  return shown;
}

static void
draw_chains (cairo_t  *cr,
             int       width,
             int       height,
             gpointer  data)
{
  const ChainsPicture *picture = data;
  /* The words around the lanes in the charts' light colours. */
  const SitroomChartColors *colors = sitroom_chart_colors (SITROOM_STYLE_LIGHT);
  g_autoptr(SitroomTimelineRenderer) renderer = sitroom_timeline_renderer_new ();
  Frame frame = { 0 };
  SitroomTimelineViewport viewport = { 0 };
  double margin, top, y;
  guint shown;

  /* The context follows the surface, whose font options differ between
   * pixels and a document. */
  frame.pango = pango_cairo_create_context (cr);
  frame.lang = picture->lang;
  frame.width = width;
  frame.ts = sitroom_export_chart_text_scale (width, height);

  frame.key = sitroom_export_key_new (picture->view, picture->lang);
  sitroom_timeline_renderer_set_data (renderer, picture->view);
  shown = fit_lanes (&frame, renderer, picture->view, height);
  margin = round (MARGIN * frame.ts);

  y = margin;
  sitroom_render_show (cr, frame.title, &colors->text, margin, y);
  y += sitroom_render_layout_height (frame.title);
  if (frame.subtitle != NULL)
    {
      y += LINE_GAP * frame.ts;
      sitroom_render_show (cr, frame.subtitle, &colors->muted, margin, y);
      y += sitroom_render_layout_height (frame.subtitle);
    }
  if (frame.note != NULL)
    {
      y += LINE_GAP * frame.ts;
      sitroom_render_show (cr, frame.note, &note_color, margin, y);
    }

  /* The whole story across the page, the lanes that fit and no part of
   * the next one. */
  sitroom_timeline_renderer_get_extent (renderer, &viewport.start, &viewport.end);
  viewport.width = MAX (width - 2 * margin, 1);
  viewport.height = sitroom_timeline_renderer_get_axis_height (renderer) +
                    shown * sitroom_timeline_renderer_get_lane_height (renderer);
  viewport.scroll_y = 0;
  top = frame.header_height;
  cairo_save (cr);
  cairo_translate (cr, margin, top);
  sitroom_timeline_renderer_draw (renderer, cr, &viewport);
  cairo_restore (cr);

  if (frame.key_height > 0)
    sitroom_export_key_draw (frame.key, cr, margin, top + viewport.height + BLOCK_GAP * frame.ts);

  frame_clear (&frame);
  sitroom_export_key_free (frame.key);
  g_object_unref (frame.pango);
}

static const char *
status_words (SitroomChainStatus status,
              const char        *lang)
{
  switch (status)
    {
    case SITROOM_CHAIN_ACTIVE:
      return pick (lang, "活跃", "active");
    case SITROOM_CHAIN_CLOSED:
      return pick (lang, "已结束", "closed");
    case SITROOM_CHAIN_NOT_STARTED:
    default:
      return pick (lang, "尚未开始", "not started");
    }
}

/* Each chain with its positives and status at the cutoff, as the lanes
 * show them. */
static void
describe_chains (gpointer   data,
                 char     **title,
                 char     **desc)
{
  const ChainsPicture *picture = data;
  SitroomSituation *situation = sitroom_view_get_situation (picture->view);
  gboolean zh = sitroom_render_is_chinese (picture->lang);
  GString *text = g_string_new (NULL);

  *title = format_title (picture->view, picture->lang);
  for (guint c = 0; c < sitroom_situation_get_n_chains (situation); c++)
    {
      const SitroomChain *chain = sitroom_situation_get_chain (situation, c);
      g_autoptr(GArray) cases = sitroom_chain_get_cases (picture->view, (int) c);
      SitroomChainStatus status = sitroom_chain_get_status (picture->view, (int) c,
                                                            SITROOM_CHAIN_DEFAULT_CLOSE_DAYS);

      const char *name = sitroom_text_get (&chain->title, picture->lang);

      g_string_append (text, chain->label);
      if (name != NULL && name[0] != '\0')
        g_string_append_printf (text, zh ? "（%s）" : " (%s)", name);
      if (zh)
        g_string_append_printf (text, "：阳性%u例，%s。", cases->len, status_words (status, picture->lang));
      else
        g_string_append_printf (text, ": %u positive%s, %s. ", cases->len, cases->len == 1 ? "" : "s",
                                status_words (status, picture->lang));
    }
  if (text->len == 0)
    g_string_append (text, zh ? "没有感染链条。" : "No chains.");
  *desc = g_strstrip (g_string_free (text, FALSE));
}

gboolean
sitroom_export_chains (SitroomView          *view,
                       const char           *lang,
                       SitroomExportFormat   format,
                       int                   width,
                       int                   height,
                       int                   scale,
                       const char           *path,
                       GError              **error)
{
  ChainsPicture chains = { view, lang };
  SitroomExportPicture picture = { draw_chains, describe_chains, &chains, width, height, scale };

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (scale >= 1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (chains.lang == NULL)
    chains.lang = sitroom_briefing_locale_lang ();
  return sitroom_export_write_picture (&picture, format, path, error);
}
