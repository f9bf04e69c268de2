/* The map's furniture: legend, scale bar, title and credits, where they sit and how they are drawn. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-geo.h"
#include "sitroom-map-render-private.h"

#define EDGE_MARGIN 12.0
#define PANEL_PADDING 8.0
#define SWATCH_WIDTH 18.0
#define SWATCH_HEIGHT 12.0
#define SWATCH_GAP 6.0
#define ROW_GAP 3.0
#define SCALE_MAX_WIDTH 110.0
#define SCALE_BAR_HEIGHT 5.0

typedef struct {
  double x, y, width, height;
  gboolean shown;
} Box;

typedef struct {
  Box legend;
  Box scale;
  Box title;
  Box credits;
  double scale_pixels;          /* the bar's length */
  PangoLayout *scale_label;     /* the renderer's */
} Furniture;

/* The legend's rows under its title: the classes, no data, then the
 * county marks and hatching when the map shows them. */
typedef enum {
  ROW_CLASS,
  ROW_NO_DATA,
  ROW_MARK,
  ROW_MEASURE,
  ROW_HATCH,
} RowKind;

typedef struct {
  RowKind kind;
  guint index;
  PangoLayout *label;
} Row;

static guint
legend_rows (SitroomMapRenderer *self,
             Row                *rows)
{
  MapTexts *texts = &self->texts;
  guint n = 0;

  for (guint i = 0; i < self->classes.n_classes; i++)
    if (texts->classes[i] != NULL)
      rows[n++] = (Row) { ROW_CLASS, i, texts->classes[i] };
  if (texts->no_data != NULL)
    rows[n++] = (Row) { ROW_NO_DATA, 0, texts->no_data };
  if (texts->marks != NULL)
    rows[n++] = (Row) { ROW_MARK, 0, texts->marks };
  if (texts->measures != NULL)
    rows[n++] = (Row) { ROW_MEASURE, 0, texts->measures };
  if (texts->hatching != NULL)
    rows[n++] = (Row) { ROW_HATCH, 0, texts->hatching };
  return n;
}

static void
legend_size (SitroomMapRenderer *self,
             double             *width,
             double             *height)
{
  double ts = sitroom_map_text_scale (self);
  Row rows[SITROOM_CLASSES_MAX + 4];
  guint n = legend_rows (self, rows);
  double w, h;

  sitroom_render_layout_size (self->texts.legend_title, width, height);
  sitroom_render_layout_size (self->texts.legend_note, &w, &h);
  *width = MAX (*width, w);
  *height += h + ROW_GAP * ts;
  for (guint i = 0; i < n; i++)
    {
      sitroom_render_layout_size (rows[i].label, &w, &h);
      *width = MAX (*width, (SWATCH_WIDTH + SWATCH_GAP) * ts + w);
      *height += MAX (h, SWATCH_HEIGHT * ts) + ROW_GAP * ts;
    }
  *width += 2 * PANEL_PADDING * ts;
  *height += 2 * PANEL_PADDING * ts;
}

/* 1, 2 or 5 times a power of ten metres: the longest that fits. */
static double
scale_metres (double metres_per_pixel,
              double max_pixels)
{
  double most = metres_per_pixel * max_pixels;
  double step = pow (10, floor (log10 (most)));

  if (5 * step <= most)
    return 5 * step;
  if (2 * step <= most)
    return 2 * step;
  return step;
}

static void
furniture_layout (SitroomMapRenderer       *self,
                  const SitroomMapViewport *viewport,
                  SitroomMapFurniture       furniture,
                  Furniture                *out)
{
  double ts = sitroom_map_text_scale (self);
  double margin = EDGE_MARGIN * ts, pad = PANEL_PADDING * ts;
  double w, h, w2, h2, bottom_right;

  memset (out, 0, sizeof *out);

  if ((furniture & SITROOM_MAP_LEGEND) && self->texts.legend_title != NULL)
    {
      legend_size (self, &w, &h);
      out->legend = (Box) { margin, viewport->height - margin - h, w, h, TRUE };
    }

  bottom_right = viewport->height - margin;
  if ((furniture & SITROOM_MAP_CREDITS) && self->texts.credits != NULL)
    {
      double room = viewport->width - 2 * margin - 2 * pad -
                    (out->legend.shown ? out->legend.width + margin : 0);

      /* Wrapped only when the lines do not fit beside the legend. */
      room = MAX (room, 80 * ts);
      pango_layout_set_width (self->texts.credits, -1);
      sitroom_render_layout_size (self->texts.credits, &w, &h);
      if (w > room)
        {
          pango_layout_set_width (self->texts.credits, (int) (room * PANGO_SCALE));
          sitroom_render_layout_size (self->texts.credits, &w, &h);
        }
      out->credits = (Box) { viewport->width - margin - w - pad, bottom_right - h - pad,
                             w + pad, h + pad, TRUE };
      bottom_right = out->credits.y - ROW_GAP * ts;
    }

  if (furniture & SITROOM_MAP_SCALE)
    {
      double lon, lat, mpp, metres;
      g_autofree char *text = NULL;

      sitroom_geo_unproject (viewport->center_x, viewport->center_y, viewport->zoom, &lon, &lat);
      mpp = sitroom_geo_metres_per_pixel (lat, viewport->zoom);
      metres = scale_metres (mpp, SCALE_MAX_WIDTH * ts);
      out->scale_pixels = metres / mpp;
      if (metres >= 1000)
        text = g_strdup_printf (sitroom_map_is_chinese (self) ? "%g 公里" : "%g km", metres / 1000);
      else
        text = g_strdup_printf (sitroom_map_is_chinese (self) ? "%g 米" : "%g m", metres);
      /* Laid out again only when the text changes: every frame asks. */
      if (g_strcmp0 (text, self->texts.scale_text) != 0)
        {
          g_clear_object (&self->texts.scale);
          g_free (self->texts.scale_text);
          self->texts.scale = sitroom_map_new_layout (self, 11, FALSE, text);
          self->texts.scale_text = g_steal_pointer (&text);
        }
      out->scale_label = self->texts.scale;
      sitroom_render_layout_size (out->scale_label, &w, &h);
      w = MAX (w, out->scale_pixels) + 2 * pad;
      h = h + (SCALE_BAR_HEIGHT + ROW_GAP) * ts + 2 * pad;
      out->scale = (Box) { viewport->width - margin - w, bottom_right - h, w, h, TRUE };
    }

  if ((furniture & SITROOM_MAP_TITLE) && self->texts.title != NULL)
    {
      sitroom_render_layout_size (self->texts.title, &w, &h);
      sitroom_render_layout_size (self->texts.subtitle, &w2, &h2);
      out->title = (Box) { margin, margin, MAX (w, w2) + 2 * pad, h + h2 + ROW_GAP * ts + 2 * pad, TRUE };
    }
}

void
sitroom_map_furniture_rects (SitroomMapRenderer       *self,
                             const SitroomMapViewport *viewport,
                             SitroomMapFurniture       furniture,
                             double                   *rects,
                             guint                    *n_rects)
{
  Furniture f;
  const Box *boxes[] = { &f.legend, &f.scale, &f.title, &f.credits };

  furniture_layout (self, viewport, furniture, &f);
  *n_rects = 0;
  for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
    if (boxes[i]->shown)
      {
        double *r = rects + 4 * (*n_rects)++;

        r[0] = boxes[i]->x;
        r[1] = boxes[i]->y;
        r[2] = boxes[i]->width;
        r[3] = boxes[i]->height;
      }
}

static void
box_round_out (const Box             *in,
               cairo_rectangle_int_t *out)
{
  /* A pixel more each side for the panel's antialiased edge. */
  out->x = (int) floor (in->x) - 1;
  out->y = (int) floor (in->y) - 1;
  out->width = (int) ceil (in->x + in->width) + 1 - out->x;
  out->height = (int) ceil (in->y + in->height) + 1 - out->y;
}

gboolean
sitroom_map_renderer_get_furniture_box (SitroomMapRenderer       *self,
                                        const SitroomMapViewport *viewport,
                                        SitroomMapFurniture       furniture,
                                        SitroomMapFurniture       piece,
                                        cairo_rectangle_int_t    *box)
{
  Furniture f;
  const Box *chosen;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if ((furniture & piece) == 0)
    return FALSE;
  switch ((int) piece)
    {
    case SITROOM_MAP_LEGEND:
      chosen = &f.legend;
      break;
    case SITROOM_MAP_SCALE:
      chosen = &f.scale;
      break;
    case SITROOM_MAP_TITLE:
      chosen = &f.title;
      break;
    case SITROOM_MAP_CREDITS:
      chosen = &f.credits;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  /* The scale's label needs a context before anything was drawn. */
  if (self->pango == NULL)
    self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  sitroom_map_renderer_ensure_projection (self, viewport->zoom);
  furniture_layout (self, viewport, furniture, &f);
  box_round_out (chosen, box);
  return chosen->shown;
}

/* Whether @box shows through @cr's clip: a screen draws each piece into a
 * node of its own, clipped to the piece. */
static gboolean
box_visible (cairo_t   *cr,
             const Box *box)
{
  double x0, y0, x1, y1;

  if (!box->shown)
    return FALSE;
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  return box->x - 1 < x1 && box->x + box->width + 1 > x0 &&
         box->y - 1 < y1 && box->y + box->height + 1 > y0;
}

static void
panel (SitroomMapRenderer *self,
       cairo_t            *cr,
       const Box          *box)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);
  double r = 4 * sitroom_map_text_scale (self);

  cairo_new_path (cr);
  sitroom_chart_rounded_rectangle (cr, box->x, box->y, box->width, box->height, r);
  sitroom_chart_set_color (cr, &palette->panel, 1);
  cairo_fill (cr);
}

static void
show (SitroomMapRenderer *self,
      cairo_t            *cr,
      PangoLayout        *layout,
      double              x,
      double              y)
{
  sitroom_render_show (cr, layout, &sitroom_map_palette (self->options.style)->text, x, y);
}

static void
draw_swatch (SitroomMapRenderer *self,
             cairo_t            *cr,
             const Row          *row,
             double              x,
             double              y)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);
  double ts = sitroom_map_text_scale (self);
  double w = SWATCH_WIDTH * ts, h = SWATCH_HEIGHT * ts;
  SitroomColor color;

  cairo_new_path (cr);
  switch (row->kind)
    {
    case ROW_CLASS:
    case ROW_NO_DATA:
      if (row->kind == ROW_CLASS)
        sitroom_classes_get_color (&self->classes, row->index, self->options.style, &color);
      else
        sitroom_classes_get_no_data_color (self->options.style, &color);
      cairo_rectangle (cr, x, y, w, h);
      sitroom_chart_set_color (cr, &color, 1);
      cairo_fill_preserve (cr);
      sitroom_chart_set_color (cr, &palette->outline, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;

    case ROW_MARK:
    case ROW_MEASURE:
      cairo_arc (cr, x + w / 2, y + h / 2, h / 2 - 1.5 * ts, 0, 2 * G_PI);
      sitroom_chart_set_color (cr, &palette->mark, 1);
      cairo_set_line_width (cr, 2 * ts);
      if (row->kind == ROW_MARK)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
      break;

    case ROW_HATCH:
      cairo_save (cr);
      cairo_rectangle (cr, x, y, w, h);
      cairo_clip_preserve (cr);
      sitroom_chart_set_color (cr, &palette->outline, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      for (double c = x - h; c < x + w; c += 4 * ts)
        {
          cairo_move_to (cr, c, y + h);
          cairo_line_to (cr, c + h, y);
        }
      sitroom_chart_set_color (cr, &palette->mark, 0.8);
      cairo_set_line_width (cr, 1.2 * ts);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_legend (SitroomMapRenderer *self,
             cairo_t            *cr,
             const Box          *box)
{
  double ts = sitroom_map_text_scale (self);
  double pad = PANEL_PADDING * ts;
  double x = box->x + pad, y = box->y + pad, w, h;
  Row rows[SITROOM_CLASSES_MAX + 4];
  guint n = legend_rows (self, rows);

  panel (self, cr, box);
  show (self, cr, self->texts.legend_title, x, y);
  sitroom_render_layout_size (self->texts.legend_title, &w, &h);
  y += h;
  if (self->texts.legend_note != NULL)
    {
      show (self, cr, self->texts.legend_note, x, y);
      sitroom_render_layout_size (self->texts.legend_note, &w, &h);
      y += h;
    }
  y += ROW_GAP * ts;
  for (guint i = 0; i < n; i++)
    {
      double row_h;

      sitroom_render_layout_size (rows[i].label, &w, &h);
      row_h = MAX (h, SWATCH_HEIGHT * ts);
      draw_swatch (self, cr, &rows[i], x, y + (row_h - SWATCH_HEIGHT * ts) / 2);
      show (self, cr, rows[i].label, x + (SWATCH_WIDTH + SWATCH_GAP) * ts, y + (row_h - h) / 2);
      y += row_h + ROW_GAP * ts;
    }
}

static void
draw_scale (SitroomMapRenderer *self,
            cairo_t            *cr,
            const Furniture    *f)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);
  double ts = sitroom_map_text_scale (self);
  double pad = PANEL_PADDING * ts;
  const Box *box = &f->scale;
  double right = box->x + box->width - pad;
  double w, h, bar_y;

  panel (self, cr, box);
  sitroom_render_layout_size (f->scale_label, &w, &h);
  show (self, cr, f->scale_label, right - w, box->y + pad);
  bar_y = box->y + pad + h + ROW_GAP * ts;

  cairo_new_path (cr);
  cairo_move_to (cr, right - f->scale_pixels, bar_y);
  cairo_rel_line_to (cr, 0, SCALE_BAR_HEIGHT * ts);
  cairo_line_to (cr, right, bar_y + SCALE_BAR_HEIGHT * ts);
  cairo_rel_line_to (cr, 0, -SCALE_BAR_HEIGHT * ts);
  sitroom_chart_set_color (cr, &palette->text, 1);
  cairo_set_line_width (cr, 1.5 * ts);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
}

void
sitroom_map_renderer_draw_furniture (SitroomMapRenderer       *self,
                                     cairo_t                  *cr,
                                     const SitroomMapViewport *viewport,
                                     SitroomMapFurniture       furniture)
{
  double pad;
  Furniture f;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  sitroom_map_renderer_ensure_projection (self, viewport->zoom);
  sitroom_map_text_update (self, cr);
  furniture_layout (self, viewport, furniture, &f);
  pad = PANEL_PADDING * sitroom_map_text_scale (self);

  cairo_save (cr);
  if (box_visible (cr, &f.legend))
    draw_legend (self, cr, &f.legend);
  if (box_visible (cr, &f.scale))
    draw_scale (self, cr, &f);
  if (box_visible (cr, &f.title))
    {
      double w, h;

      panel (self, cr, &f.title);
      show (self, cr, self->texts.title, f.title.x + pad, f.title.y + pad);
      sitroom_render_layout_size (self->texts.title, &w, &h);
      if (self->texts.subtitle != NULL)
        show (self, cr, self->texts.subtitle, f.title.x + pad,
              f.title.y + pad + h + ROW_GAP * sitroom_map_text_scale (self));
    }
  if (box_visible (cr, &f.credits))
    {
      panel (self, cr, &f.credits);
      show (self, cr, self->texts.credits, f.credits.x + pad / 2, f.credits.y + pad / 2);
    }
  cairo_restore (cr);
}
