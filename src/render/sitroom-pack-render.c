/* The briefing pack: its pages planned once, each drawn to fit any page, the footer they share, and the whole written as a PDF. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "sitroom-pack-render-private.h"
#include "sitroom-time.h"

/* The footer's mark where a page shows illustrative figures: the colour
 * the other drawings give their "illustrative" notes. */
static const SitroomColor mark_color = { 0xa5 / 255.f, 0x1d / 255.f, 0x2d / 255.f, 1 };

static const char *const title_sections[] = { "cases", "chains", NULL };
static const char *const map_sections[] = { "cases", NULL };
static const char *const capacity_sections[] = { "quarantine_sites", "quarantine_cohorts", "quarantine_rules", NULL };

PangoLayout *
sitroom_pack_new_layout (SitroomPack *self,
                         double       points,
                         gboolean     bold,
                         double       width,
                         const char  *text)
{
  PangoLayout *layout;

  g_assert (self != NULL);

  layout = sitroom_render_new_layout (self->pango, points, bold, text);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

gboolean
sitroom_pack_illustrative (SitroomPack        *self,
                           const char * const *sections)
{
  const char * const *named = sitroom_situation_get_illustrative (sitroom_view_get_situation (self->view));

  g_assert (sections != NULL);

  for (guint i = 0; named != NULL && named[i] != NULL; i++)
    for (guint s = 0; sections[s] != NULL; s++)
      {
        gsize n = strlen (sections[s]);

        if (strncmp (named[i], sections[s], n) == 0 && (named[i][n] == '\0' || named[i][n] == '/'))
          return TRUE;
      }
  return FALSE;
}

double
sitroom_pack_heading_height (SitroomPack *self)
{
  g_autoptr(PangoLayout) probe = sitroom_pack_new_layout (self, PACK_HEADING_PT, TRUE, -1, "Ag");

  return sitroom_render_layout_height (probe) + PACK_HEADING_GAP;
}

double
sitroom_pack_draw_heading (SitroomPack *self,
                           cairo_t     *cr,
                           const char  *text)
{
  const SitroomChartColors *colors = sitroom_chart_colors (SITROOM_STYLE_LIGHT);
  g_autoptr(PangoLayout) heading = sitroom_pack_new_layout (self, PACK_HEADING_PT, TRUE, PACK_CONTENT_WIDTH, text);
  double bottom = PACK_MARGIN_TOP + sitroom_render_layout_height (heading);

  sitroom_render_show (cr, heading, &colors->text, PACK_MARGIN_X, PACK_MARGIN_TOP);
  /* A rule under it, as a printed report sets its sections apart. */
  sitroom_chart_set_color (cr, &colors->grid, 1);
  cairo_rectangle (cr, PACK_MARGIN_X, bottom + 3, PACK_CONTENT_WIDTH, 0.75);
  cairo_fill (cr);
  return bottom + PACK_HEADING_GAP;
}

static void
add_page (SitroomPack  *self,
          PackPageKind  kind,
          gboolean      illustrative)
{
  PackPage page = { .kind = kind, .illustrative = illustrative };

  g_array_append_val (self->pages, page);
}

SitroomPack *
sitroom_pack_new (SitroomView              *view,
                  SitroomBoundaries        *boundaries,
                  const SitroomPackOptions *options)
{
  SitroomSituation *situation;
  SitroomPack *self;
  cairo_font_options_t *font_options;
  SitroomTimelineOptions timeline_options = {
    .style = SITROOM_STYLE_LIGHT,
    .selected_chain = -1,
    .close_days = 0,
    .text_scale = PACK_CHART_SCALE,
  };

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (boundaries), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  situation = sitroom_view_get_situation (view);
  self = g_new0 (SitroomPack, 1);
  /* The whole situation at the cutoff: a pack is the province's. */
  self->view = sitroom_view_new (situation, sitroom_view_get_cutoff (view), -1, -1);
  self->boundaries = g_object_ref (boundaries);
  self->lang = g_strdup (sitroom_render_is_chinese (options->lang) ? "zh" : "en");
  if (options->approval_number != NULL && options->approval_number[0] != '\0')
    self->approval_number = g_strdup (options->approval_number);
  if (options->source != NULL && options->source[0] != '\0')
    self->source = g_strdup (options->source);
  self->generated_at = options->generated_at;
  if (options->text_zh != NULL && options->text_zh[0] != '\0')
    self->text_zh = g_strdup (options->text_zh);
  if (options->text_en != NULL && options->text_en[0] != '\0')
    self->text_en = g_strdup (options->text_en);

  self->curve = sitroom_curve_new (self->view, SITROOM_CURVE_BY_PREFECTURE);
  self->forecast = sitroom_forecast_new (self->view, NULL, 0);
  self->timeline = sitroom_timeline_renderer_new ();
  timeline_options.lang = self->lang;
  sitroom_timeline_renderer_set_data (self->timeline, self->view);
  sitroom_timeline_renderer_set_options (self->timeline, &timeline_options);

  sitroom_render_text_update (&self->pango, NULL, self->lang);
  /* A document's metrics: no hinting, which would make a line's width
   * depend on the surface it is drawn into. */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, font_options);
  cairo_font_options_destroy (font_options);

  self->pages = g_array_new (FALSE, FALSE, sizeof (PackPage));
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) sitroom_pack_block_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (PackPiece));

  add_page (self, PACK_PAGE_TITLE, sitroom_pack_illustrative (self, title_sections));
  add_page (self, PACK_PAGE_MAP, sitroom_pack_illustrative (self, map_sections));
  sitroom_pack_plan_chains (self);
  add_page (self, PACK_PAGE_CAPACITY, sitroom_pack_illustrative (self, capacity_sections));
  sitroom_pack_plan_flow (self);
  return self;
}

void
sitroom_pack_free (SitroomPack *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->view);
  g_clear_object (&self->boundaries);
  g_free (self->lang);
  g_free (self->approval_number);
  g_free (self->source);
  g_free (self->text_zh);
  g_free (self->text_en);
  g_clear_pointer (&self->curve, sitroom_curve_free);
  g_clear_object (&self->forecast);
  g_clear_pointer (&self->timeline, sitroom_timeline_renderer_free);
  g_clear_object (&self->pango);
  g_array_unref (self->pages);
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->pieces);
  g_free (self);
}

guint
sitroom_pack_get_n_pages (SitroomPack *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

SitroomView *
sitroom_pack_get_view (SitroomPack *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->view;
}

const char *
sitroom_pack_get_lang (SitroomPack *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->lang;
}

char *
sitroom_pack_get_title (SitroomPack *self)
{
  g_autofree char *title = NULL;
  g_autofree char *cutoff = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  title = sitroom_pack_title_words (self);
  cutoff = sitroom_render_cutoff_words (sitroom_view_get_cutoff (self->view), self->lang);
  return g_strdup_printf ("%s · %s", title, cutoff);
}

/* The cutoff, publisher and source at the left, ellipsized when long; the
 * illustrative mark and "3 / 7" at the right. */
static void
draw_footer (SitroomPack *self,
             guint        page,
             cairo_t     *cr)
{
  const SitroomChartColors *colors = sitroom_chart_colors (SITROOM_STYLE_LIGHT);
  const PackPage *p = &g_array_index (self->pages, PackPage, page);
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, self->pages->len);
  g_autofree char *words = sitroom_pack_footer_words (self);
  g_autoptr(PangoLayout) right = sitroom_pack_new_layout (self, PACK_FOOTER_PT, TRUE, -1, number);
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) mark = NULL;
  double right_w, mark_w = 0, y = PACK_FOOTER_TOP + 5;

  sitroom_chart_set_color (cr, &colors->grid, 1);
  cairo_rectangle (cr, PACK_MARGIN_X, PACK_FOOTER_TOP, PACK_CONTENT_WIDTH, 0.5);
  cairo_fill (cr);

  sitroom_render_layout_size (right, &right_w, NULL);
  sitroom_render_show (cr, right, &colors->text, PACK_MARGIN_X + PACK_CONTENT_WIDTH - right_w, y);
  if (p->illustrative)
    {
      mark = sitroom_pack_new_layout (self, PACK_FOOTER_PT, TRUE, -1,
                                      pack_pick (self, "本页含示意数据", "Illustrative figures on this page"));
      sitroom_render_layout_size (mark, &mark_w, NULL);
      sitroom_render_show (cr, mark, &mark_color, PACK_MARGIN_X + PACK_CONTENT_WIDTH - right_w - 14 - mark_w, y);
      mark_w += 14;
    }

  left = sitroom_pack_new_layout (self, PACK_FOOTER_PT, FALSE, -1, words);
  pango_layout_set_width (left, (int) (MAX (PACK_CONTENT_WIDTH - right_w - mark_w - 14, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_MIDDLE);
  sitroom_render_show (cr, left, &colors->muted, PACK_MARGIN_X, y);
}

void
sitroom_pack_draw_page (SitroomPack *self,
                        guint        page,
                        cairo_t     *cr,
                        double       width,
                        double       height)
{
  const PackPage *p;
  double scale;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);
  g_return_if_fail (cr != NULL);

  if (!(width > 0 && height > 0))
    return;

  p = &g_array_index (self->pages, PackPage, page);
  scale = MIN (width / SITROOM_PACK_PAGE_WIDTH, height / SITROOM_PACK_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_translate (cr, (width - SITROOM_PACK_PAGE_WIDTH * scale) / 2, (height - SITROOM_PACK_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, SITROOM_PACK_PAGE_WIDTH, SITROOM_PACK_PAGE_HEIGHT);
  cairo_clip (cr);
  /* Paper is white, and so is a picture of a page. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  switch (p->kind)
    {
    case PACK_PAGE_TITLE:
      sitroom_pack_draw_title (self, cr);
      break;
    case PACK_PAGE_MAP:
      sitroom_pack_draw_map (self, cr);
      break;
    case PACK_PAGE_CHAINS:
      sitroom_pack_draw_chains (self, p, cr);
      break;
    case PACK_PAGE_CAPACITY:
      sitroom_pack_draw_capacity (self, cr);
      break;
    case PACK_PAGE_FLOW:
    default:
      sitroom_pack_draw_flow (self, p, cr);
      break;
    }
  draw_footer (self, page, cr);
  cairo_restore (cr);
}

char *
sitroom_pack_default_name (gint64 cutoff)
{
  g_autoptr(GDateTime) t = sitroom_render_cst_time (cutoff);
  g_autofree char *stamp = NULL;

  if (t == NULL)
    return g_strdup ("briefing");
  stamp = g_date_time_format (t, "%Y-%m-%dT%H%M");
  return g_strdup_printf ("briefing-%s", stamp);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The outline a PDF reader shows beside the pages: an entry at the first
 * page of each kind. */
static void
add_outline (SitroomPack     *self,
             cairo_surface_t *surface,
             guint            page)
{
  const PackPage *p = &g_array_index (self->pages, PackPage, page);
  const PackPage *before = page > 0 ? &g_array_index (self->pages, PackPage, page - 1) : NULL;
  g_autofree char *link = g_strdup_printf ("page=%u", page + 1);
  const char *name;

  if (before != NULL && before->kind == p->kind && p->kind != PACK_PAGE_FLOW)
    return;
  switch (p->kind)
    {
    case PACK_PAGE_TITLE:
      name = pack_pick (self, "通报", "Summary");
      break;
    case PACK_PAGE_MAP:
      name = pack_pick (self, "分布图", "Map");
      break;
    case PACK_PAGE_CHAINS:
      name = pack_pick (self, "感染链条与流行曲线", "Chains and epidemic curve");
      break;
    case PACK_PAGE_CAPACITY:
      name = pack_pick (self, "集中隔离床位", "Quarantine capacity");
      break;
    case PACK_PAGE_FLOW:
    default:
      {
        const PackPiece *piece = &g_array_index (self->pieces, PackPiece, p->first);
        const PackBlock *block = g_ptr_array_index (self->blocks, piece->block);

        if (!block->new_page || piece->first_line != 0)
          return;
        name = pango_layout_get_text (block->layout);
      }
      break;
    }
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
}

static void
set_metadata (SitroomPack     *self,
              cairo_surface_t *surface)
{
  const SitroomText *publisher = sitroom_situation_get_publisher (sitroom_view_get_situation (self->view));
  g_autofree char *title = sitroom_pack_get_title (self);
  g_autofree char *created = sitroom_time_format (self->generated_at, SITROOM_CST_OFFSET);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (publisher != NULL && publisher->zh != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, sitroom_text_get (publisher, self->lang));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sitroom " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

gboolean
sitroom_pack_write_pdf (SitroomPack  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, SITROOM_PACK_PAGE_WIDTH,
                                                 SITROOM_PACK_PAGE_HEIGHT);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  for (guint page = 0; page < self->pages->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      add_outline (self, surface, page);
      sitroom_pack_draw_page (self, page, cr, SITROOM_PACK_PAGE_WIDTH, SITROOM_PACK_PAGE_HEIGHT);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("cannot draw the briefing pack: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  /* CONSISTENT: a temporary file renamed over the old one, so that a
   * failure leaves the old file whole and a reader never sees half a new
   * one. */
  return g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
