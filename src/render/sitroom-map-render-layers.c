/* The map's layers under the badges: filled regions and their borders, highlights, hatching, county marks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-map-render-private.h"

/* The province's outline is a stroke this wide of the edges no two regions
 * share, half of it then covered by the fills: only the outer half is
 * left, outside. */
#define OUTLINE_WIDTH 4.0
#define BORDER_WIDTH 0.8
#define COUNTY_BORDER_WIDTH 0.5
#define HOVER_WIDTH 2.5
#define SELECTED_WIDTH 3.5
/* Over tiles the fills let the tiles show through. */
#define TILES_ALPHA 0.6
/* Static management round a county's mark: a hatched band this wide, this
 * far out. */
#define MARK_BAND 6.0
#define MARK_BAND_GAP 2.0

/* Appends every feature that @want accepts, whole or (@kind not 0) only
 * the edges of that kind of the filled ones; TRUE if anything was added. */
static gboolean
append_features (SitroomMapRenderer *self,
                 cairo_t            *cr,
                 const MapFrame     *frame,
                 double              pad,
                 gboolean          (*want) (const MapFeature *feature, gpointer data),
                 gpointer            data,
                 guint8              kind)
{
  cairo_new_path (cr);
  for (guint i = 0; i < self->features->len; i++)
    {
      const MapFeature *feature = &g_array_index (self->features, MapFeature, i);

      if (!want (feature, data))
        continue;
      if (kind != 0 && feature->filled)
        sitroom_map_renderer_append_edges (self, cr, feature, frame->ox, frame->oy,
                                           frame->width, frame->height, pad, kind);
      else
        sitroom_map_renderer_append_feature (self, cr, feature, frame->ox, frame->oy,
                                             frame->width, frame->height, pad);
    }
  return cairo_has_current_point (cr);
}

static gboolean
want_outline (const MapFeature *feature,
              gpointer          data)
{
  return feature->filled || feature->level == SITROOM_LEVEL_PROVINCE;
}

static gboolean
want_class (const MapFeature *feature,
            gpointer          data)
{
  return feature->filled && feature->klass == GPOINTER_TO_INT (data);
}

static gboolean
want_filled (const MapFeature *feature,
             gpointer          data)
{
  return feature->filled;
}

static gboolean
want_unfilled_county (const MapFeature *feature,
                      gpointer          data)
{
  return !feature->filled && feature->level != SITROOM_LEVEL_PROVINCE;
}

static gboolean
want_region (const MapFeature *feature,
             gpointer          data)
{
  int region = GPOINTER_TO_INT (data);

  return (feature->filled && feature->prefecture == region) || feature->region == region;
}

static void
stroke_region (SitroomMapRenderer *self,
               cairo_t            *cr,
               const MapFrame     *frame,
               int                 region,
               const SitroomColor *color,
               double              width)
{
  if (region < 0 || !append_features (self, cr, frame, width, want_region, GINT_TO_POINTER (region), 0))
    return;
  sitroom_chart_set_color (cr, color, 1);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void draw_hatching (SitroomMapRenderer *self,
                           cairo_t            *cr,
                           const MapFrame     *frame);

/* What does not move with the pointer: the background (without tiles),
 * the province's outline, one fill per class (a colour is one cairo fill),
 * the borders between regions, and the hatching of measures. */
void
sitroom_map_draw_base (SitroomMapRenderer *self,
                       cairo_t            *cr,
                       const MapFrame     *frame)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);
  gboolean tiles = self->options.tiles;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  if (!tiles)
    {
      sitroom_chart_set_color (cr, &palette->background, 1);
      cairo_paint (cr);
    }
  else
    {
      /* One translucent layer rather than translucent fills, so that where
       * the outline's inner half lies under a fill it stays hidden. */
      cairo_push_group (cr);
    }

  if (append_features (self, cr, frame, OUTLINE_WIDTH, want_outline, NULL, MAP_EDGE_OUTLINE))
    {
      sitroom_chart_set_color (cr, &palette->outline, 1);
      cairo_set_line_width (cr, OUTLINE_WIDTH);
      /* Mitred, cut short at sharp corners: nearly a round join's look at
       * a fraction of its cost over thousands of vertices. */
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      cairo_set_miter_limit (cr, 2);
      cairo_stroke (cr);
    }

  for (int k = -1; k < (int) self->classes.n_classes; k++)
    {
      SitroomColor color;

      if (!append_features (self, cr, frame, 0, want_class, GINT_TO_POINTER (k), 0))
        continue;
      if (k < 0)
        sitroom_classes_get_no_data_color (self->options.style, &color);
      else
        sitroom_classes_get_color (&self->classes, k, self->options.style, &color);
      sitroom_chart_set_color (cr, &color, 1);
      cairo_fill (cr);
    }

  if (tiles)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, TILES_ALPHA);
    }

  /* Bevel joins: at this width no join shows, and they are the cheapest. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  if (append_features (self, cr, frame, BORDER_WIDTH, want_unfilled_county, NULL, 0))
    {
      sitroom_chart_set_color (cr, &palette->county_border, 1);
      cairo_set_line_width (cr, COUNTY_BORDER_WIDTH);
      cairo_stroke (cr);
    }
  if (append_features (self, cr, frame, BORDER_WIDTH, want_filled, NULL, MAP_EDGE_BORDER))
    {
      sitroom_chart_set_color (cr, &palette->border, 1);
      cairo_set_line_width (cr, BORDER_WIDTH);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  draw_hatching (self, cr, frame);
}

/* The box in @frame's pixels outside which draw_base() draws nothing over
 * tiles: every outline's box, grown by the province's outline (its mitre
 * reaches at most OUTLINE_WIDTH out), antialiasing, and the half pixel a
 * kept base may be copied off by. FALSE when there is no outline. */
gboolean
sitroom_map_base_extents (SitroomMapRenderer *self,
                          const MapFrame     *frame,
                          double             *x0,
                          double             *y0,
                          double             *x1,
                          double             *y1)
{
  double pad = OUTLINE_WIDTH + 2;
  gboolean found = FALSE;

  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < self->features->len; i++)
    {
      const MapFeature *feature = &g_array_index (self->features, MapFeature, i);

      if (feature->n_polygons == 0)
        continue;
      *x0 = MIN (*x0, feature->min_x);
      *y0 = MIN (*y0, feature->min_y);
      *x1 = MAX (*x1, feature->max_x);
      *y1 = MAX (*y1, feature->max_y);
      found = TRUE;
    }
  *x0 = *x0 * self->scale + frame->ox - pad;
  *y0 = *y0 * self->scale + frame->oy - pad;
  *x1 = *x1 * self->scale + frame->ox + pad;
  *y1 = *y1 * self->scale + frame->oy + pad;
  return found;
}

/* The hovered (@selected FALSE) or the selected region's outline. Hover
 * and selection change with the pointer: drawn over the base, never kept
 * in it. */
void
sitroom_map_draw_highlight (SitroomMapRenderer *self,
                            cairo_t            *cr,
                            const MapFrame     *frame,
                            gboolean            selected)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);

  cairo_save (cr);
  if (selected)
    stroke_region (self, cr, frame, self->options.selected_region, &palette->selected, SELECTED_WIDTH);
  else if (self->options.hover_region != self->options.selected_region)
    stroke_region (self, cr, frame, self->options.hover_region, &palette->hover, HOVER_WIDTH);
  cairo_restore (cr);
}

/* The box around a region's outlines at zoom 0; FALSE when it has none. */
gboolean
sitroom_map_region_box (SitroomMapRenderer *self,
                        int                 region,
                        double             *x0,
                        double             *y0,
                        double             *x1,
                        double             *y1)
{
  gboolean found = FALSE;

  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (guint i = 0; region >= 0 && i < self->features->len; i++)
    {
      const MapFeature *feature = &g_array_index (self->features, MapFeature, i);

      if (feature->n_polygons == 0 || !want_region (feature, GINT_TO_POINTER (region)))
        continue;
      *x0 = MIN (*x0, feature->min_x);
      *y0 = MIN (*y0, feature->min_y);
      *x1 = MAX (*x1, feature->max_x);
      *y1 = MAX (*y1, feature->max_y);
      found = TRUE;
    }
  return found;
}

/* Diagonal lines over (x0, y0)–(x1, y1), @spacing apart and fixed to the
 * world, so that they do not crawl while the map pans. */
static void
hatch_box (cairo_t     *cr,
           const MapFrame *frame,
           double       x0,
           double       y0,
           double       x1,
           double       y1,
           double       spacing)
{
  /* The lines are x + y = c + y1; in the world that is c + y1 - ox - oy. */
  double shift = fmod (frame->ox + frame->oy - y1, spacing);
  double first = floor ((x0 - (y1 - y0) - shift) / spacing) * spacing + shift;

  cairo_new_path (cr);
  for (double c = first; c <= x1; c += spacing)
    {
      cairo_move_to (cr, c, y1);
      cairo_line_to (cr, c + (y1 - y0), y0);
    }
}

static void
hatch_feature (SitroomMapRenderer *self,
               cairo_t            *cr,
               const MapFrame     *frame,
               const MapFeature   *feature,
               const SitroomColor *color,
               double              alpha,
               double              spacing,
               double              width)
{
  double x0 = MAX (feature->min_x * self->scale + frame->ox, 0);
  double y0 = MAX (feature->min_y * self->scale + frame->oy, 0);
  double x1 = MIN (feature->max_x * self->scale + frame->ox, frame->width);
  double y1 = MIN (feature->max_y * self->scale + frame->oy, frame->height);

  if (x0 >= x1 || y0 >= y1)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  sitroom_map_renderer_append_feature (self, cr, feature, frame->ox, frame->oy,
                                       frame->width, frame->height, 0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  hatch_box (cr, frame, x0, y0, x1, y1, spacing);
  sitroom_chart_set_color (cr, color, alpha);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Restrictions on a place (static management, traffic control, mass
 * testing: sitroom_metric_measure_hatches): densely over a county's own
 * outline, lightly over a prefecture or the whole province. Other measures
 * are not drawn; the region panel lists them. */
static void
draw_hatching (SitroomMapRenderer *self,
               cairo_t            *cr,
               const MapFrame     *frame)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);

  for (guint i = 0; i < self->features->len; i++)
    {
      const MapFeature *feature = &g_array_index (self->features, MapFeature, i);

      if (feature->hatch)
        hatch_feature (self, cr, frame, feature, &palette->mark, 0.8, 4, 1.2);
      else if (feature->hatch_light)
        hatch_feature (self, cr, frame, feature, &palette->text, 0.35, 8, 1);
    }
}

double
sitroom_map_mark_radius (SitroomMapRenderer      *self,
                         const SitroomCountyMark *mark)
{
  double radius = mark->positives > 0 ? MIN (3.5 + 2.2 * sqrt (mark->positives), 16) : 4;

  return radius * sitroom_map_text_scale (self);
}

/* How far from its centre a county's mark reaches, its hatched band
 * included when @ring. */
double
sitroom_map_mark_extent (SitroomMapRenderer      *self,
                         const SitroomCountyMark *mark,
                         gboolean                 ring)
{
  double ts = sitroom_map_text_scale (self);
  double r = sitroom_map_mark_radius (self, mark) + 2 * ts;

  if (ring && mark->hatched)
    r = sitroom_map_mark_radius (self, mark) + (MARK_BAND_GAP + MARK_BAND + 0.5) * ts;
  return r;
}

/* A county: a disc sized by its positives, a ring when it only has
 * measures; static management hatches a band around it unless the
 * county's own outline is drawn (and hatched). */
void
sitroom_map_draw_marks (SitroomMapRenderer *self,
                        cairo_t            *cr,
                        const MapFrame     *frame)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);
  double ts = sitroom_map_text_scale (self);

  cairo_save (cr);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const MapMark *mark = &g_array_index (self->marks, MapMark, i);
      double x = mark->unit_x * self->scale + frame->ox;
      double y = mark->unit_y * self->scale + frame->oy;
      double r = sitroom_map_mark_radius (self, &mark->mark);
      double band = MARK_BAND * ts;

      if (x < -r - band || y < -r - band || x > frame->width + r + band || y > frame->height + r + band)
        continue;

      if (mark->mark.hatched && mark->feature < 0)
        {
          double outer = r + MARK_BAND_GAP * ts + band;

          cairo_save (cr);
          cairo_new_path (cr);
          cairo_arc (cr, x, y, outer, 0, 2 * G_PI);
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, r + MARK_BAND_GAP * ts, 0, 2 * G_PI);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_clip (cr);
          sitroom_chart_set_color (cr, &palette->mark_edge, 0.7);
          cairo_paint (cr);
          hatch_box (cr, frame, x - outer, y - outer, x + outer, y + outer, 3 * ts);
          sitroom_chart_set_color (cr, &palette->mark, 1);
          cairo_set_line_width (cr, 1.2 * ts);
          cairo_stroke (cr);
          cairo_restore (cr);

          cairo_new_path (cr);
          cairo_arc (cr, x, y, outer, 0, 2 * G_PI);
          sitroom_chart_set_color (cr, &palette->mark, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }

      cairo_new_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      if (mark->mark.positives > 0)
        {
          sitroom_chart_set_color (cr, &palette->mark, 1);
          cairo_fill_preserve (cr);
          sitroom_chart_set_color (cr, &palette->mark_edge, 1);
          cairo_set_line_width (cr, 1.5 * ts);
          cairo_stroke (cr);
        }
      else
        {
          sitroom_chart_set_color (cr, &palette->mark_edge, 1);
          cairo_set_line_width (cr, 3.5 * ts);
          cairo_stroke_preserve (cr);
          sitroom_chart_set_color (cr, &palette->mark, 1);
          cairo_set_line_width (cr, 2 * ts);
          cairo_stroke (cr);
        }

      if (mark->mark.region == self->options.selected_region ||
          mark->mark.region == self->options.hover_region)
        {
          gboolean selected = mark->mark.region == self->options.selected_region;

          cairo_new_path (cr);
          cairo_arc (cr, x, y, r + 3 * ts, 0, 2 * G_PI);
          sitroom_chart_set_color (cr, selected ? &palette->selected : &palette->hover, 1);
          cairo_set_line_width (cr, (selected ? SELECTED_WIDTH : HOVER_WIDTH) * ts);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}
