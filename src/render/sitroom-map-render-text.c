/* The map's words: every text it draws in Chinese or English, laid out once, and the prefectures' badges. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-map-render-private.h"

#define BADGE_PADDING 5.0
/* Badges are laid out this much larger than drawn, so none touches another. */
#define BADGE_GAP 4.0

PangoLayout *
sitroom_map_new_layout (SitroomMapRenderer *self,
                        double              pixels,
                        gboolean            bold,
                        const char         *text)
{
  return sitroom_render_new_layout (self->pango, pixels * sitroom_map_text_scale (self), bold, text);
}

void
sitroom_map_text_clear (SitroomMapRenderer *self)
{
  MapTexts *texts = &self->texts;

  for (guint i = 0; i < self->badges->len; i++)
    {
      MapBadge *badge = &g_array_index (self->badges, MapBadge, i);

      g_clear_object (&badge->name);
      g_clear_object (&badge->figure);
    }
  g_clear_object (&texts->legend_title);
  g_clear_object (&texts->legend_note);
  for (guint i = 0; i < SITROOM_CLASSES_MAX; i++)
    g_clear_object (&texts->classes[i]);
  g_clear_object (&texts->no_data);
  g_clear_object (&texts->marks);
  g_clear_object (&texts->measures);
  g_clear_object (&texts->hatching);
  g_clear_object (&texts->title);
  g_clear_object (&texts->subtitle);
  g_clear_object (&texts->credits);
  g_clear_object (&texts->scale);
  g_clear_pointer (&texts->scale_text, g_free);
  g_clear_pointer (&texts->route, g_ptr_array_unref);
  self->texts_valid = FALSE;
}

static const char *
pick (SitroomMapRenderer *self,
      const char         *zh,
      const char         *en)
{
  return sitroom_map_is_chinese (self) ? zh : en;
}

static char *
format_figure (SitroomMapRenderer *self,
               const MapBadge     *badge)
{
  if (!badge->has_value)
    return g_strdup ("—");
  if (sitroom_metric_is_percentage (self->options.metric))
    return g_strdup_printf ("%.0f %%", badge->value);
  return g_strdup_printf ("%.0f", badge->value);
}

/* "山西省疫情分布 · 截至2022年8月20日13时" / "Shanxi · as of 13:00 on 20
 * August 2022 (CST)". */
static char *
format_title (SitroomMapRenderer *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  g_autofree char *words = sitroom_render_cutoff_words (sitroom_view_get_cutoff (self->view), self->options.lang);
  int province = sitroom_situation_lookup_region (situation, "140000");
  const char *place = province >= 0
                      ? sitroom_text_get (&sitroom_situation_get_region (situation, province)->name,
                                          self->options.lang)
                      : pick (self, "山西省", "Shanxi");

  return g_strdup_printf (sitroom_map_is_chinese (self) ? "%s疫情分布 · %s" : "%s · %s", place, words);
}

static char *
format_credits (SitroomMapRenderer *self)
{
  GString *out = g_string_new (NULL);

  if (self->boundaries == NULL || sitroom_boundaries_is_builtin (self->boundaries))
    g_string_append (out, pick (self, "近似轮廓，非审图底图", "Approximate outlines, not an approved map"));
  else
    {
      g_autofree char *base = g_path_get_basename (sitroom_boundaries_get_origin (self->boundaries));

      if (sitroom_map_is_chinese (self))
        g_string_append_printf (out, "边界：%s", base);
      else
        g_string_append_printf (out, "Boundaries: %s", base);
    }
  if (self->options.approval_number != NULL && self->options.approval_number[0] != '\0')
    g_string_append_printf (out, sitroom_map_is_chinese (self) ? "\n审图号：%s" : "\nApproval No. %s",
                            self->options.approval_number);
  if (self->options.attribution != NULL && self->options.attribution[0] != '\0')
    g_string_append_printf (out, "\n%s", self->options.attribution);
  return g_string_free (out, FALSE);
}

static void
build_legend_texts (SitroomMapRenderer *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  MapTexts *texts = &self->texts;
  gboolean positives = FALSE, measures_only = FALSE, hatched = FALSE;

  texts->legend_title = sitroom_map_new_layout (self, 13, TRUE,
                                                sitroom_metric_get_title (self->options.metric,
                                                                          self->options.lang));
  if (self->options.metric == SITROOM_METRIC_OCCUPANCY &&
      sitroom_situation_is_illustrative (situation, "quarantine_sites"))
    texts->legend_note = sitroom_map_new_layout (self, 11, FALSE, pick (self, "示意数据", "Illustrative data"));
  for (guint i = 0; i < self->classes.n_classes; i++)
    {
      g_autofree char *label = sitroom_classes_format_label (&self->classes, i, self->options.lang);

      texts->classes[i] = sitroom_map_new_layout (self, 12, FALSE, label);
    }
  if (self->any_no_data)
    {
      g_autofree char *label = sitroom_classes_format_label (&self->classes, self->classes.n_classes,
                                                             self->options.lang);

      texts->no_data = sitroom_map_new_layout (self, 12, FALSE, label);
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const MapMark *mark = &g_array_index (self->marks, MapMark, i);

      positives |= mark->mark.positives > 0;
      measures_only |= mark->mark.positives == 0;
      hatched |= mark->mark.hatched;
    }
  for (guint i = 0; i < self->features->len; i++)
    {
      const MapFeature *feature = &g_array_index (self->features, MapFeature, i);

      hatched |= feature->hatch || feature->hatch_light;
    }
  if (positives)
    texts->marks = sitroom_map_new_layout (self, 12, FALSE,
                                           pick (self, "县区阳性感染者", "Positives in a county"));
  if (measures_only)
    texts->measures = sitroom_map_new_layout (self, 12, FALSE,
                                              pick (self, "县区管控措施", "Measures in a county"));
  if (hatched)
    texts->hatching = sitroom_map_new_layout (self, 12, FALSE, pick (self, "管控措施", "Under control measures"));
}

static void
unref_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

static void
build_texts (SitroomMapRenderer *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  const SitroomText *publisher = sitroom_situation_get_publisher (situation);
  MapTexts *texts = &self->texts;
  g_autofree char *title = format_title (self);
  g_autofree char *credits = format_credits (self);

  for (guint i = 0; i < self->badges->len; i++)
    {
      MapBadge *badge = &g_array_index (self->badges, MapBadge, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, badge->region);
      g_autofree char *figure = format_figure (self, badge);

      badge->name = sitroom_map_new_layout (self, 12, FALSE, sitroom_text_get (&region->name, self->options.lang));
      badge->figure = sitroom_map_new_layout (self, 14, TRUE, figure);
      pango_layout_set_alignment (badge->name, PANGO_ALIGN_CENTER);
      pango_layout_set_alignment (badge->figure, PANGO_ALIGN_CENTER);
    }

  build_legend_texts (self);

  texts->title = sitroom_map_new_layout (self, 18, TRUE, title);
  if (publisher != NULL && publisher->zh != NULL)
    {
      const char *name = sitroom_text_get (publisher, self->options.lang);
      g_autofree char *source = sitroom_map_is_chinese (self)
                                ? g_strdup_printf ("来源：%s", name)
                                : g_strdup_printf ("Source: %s", name);

      texts->subtitle = sitroom_map_new_layout (self, 12, FALSE, source);
    }
  texts->credits = sitroom_map_new_layout (self, 10, FALSE, credits);
  pango_layout_set_alignment (texts->credits, PANGO_ALIGN_RIGHT);
  pango_layout_set_wrap (texts->credits, PANGO_WRAP_WORD_CHAR);

  texts->route = g_ptr_array_new_with_free_func (unref_layout);
  for (guint i = 0; i < self->stops->len; i++)
    {
      const MapStop *stop = &g_array_index (self->stops, MapStop, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, stop->region);

      if (stop->outside)
        g_ptr_array_add (texts->route,
                         sitroom_map_new_layout (self, 13, TRUE, sitroom_text_get (&region->name, self->options.lang)));
      else
        g_ptr_array_add (texts->route, NULL);
    }
}

/* The context follows the surface drawn into (font options differ between
 * the screen, a PNG and an SVG); the layouts notice and lay out again. */
void
sitroom_map_text_update (SitroomMapRenderer *self,
                         cairo_t            *cr)
{
  sitroom_render_text_update (&self->pango, cr, self->options.lang);

  if (self->texts_valid || self->view == NULL)
    return;
  build_texts (self);
  self->texts_valid = TRUE;
}

/* A label straight on the map: a halo in the background's colour first,
 * so that it reads over any fill. Kept as text, not outlines, so that PDF
 * and SVG keep it as text. */
void
sitroom_map_draw_label (SitroomMapRenderer *self,
                        cairo_t            *cr,
                        PangoLayout        *layout,
                        double              x,
                        double              y)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  sitroom_chart_set_color (cr, &palette->halo, 1);
  cairo_set_line_width (cr, 3.5 * sitroom_map_text_scale (self));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  sitroom_chart_set_color (cr, &palette->text, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
badge_size (SitroomMapRenderer *self,
            const MapBadge     *badge,
            double             *width,
            double             *height)
{
  double pad = BADGE_PADDING * sitroom_map_text_scale (self);
  PangoRectangle name, figure;

  pango_layout_get_pixel_extents (badge->name, NULL, &name);
  pango_layout_get_pixel_extents (badge->figure, NULL, &figure);
  *width = MAX (name.width, figure.width) + 2 * pad + BADGE_GAP * sitroom_map_text_scale (self);
  *height = name.height + figure.height + 2 * pad + BADGE_GAP * sitroom_map_text_scale (self);
}

/* Where the badges go this frame: clear of each other and of the
 * furniture the options say will be drawn, higher figures nearer home. */
static void
place_badges (SitroomMapRenderer       *self,
              const SitroomMapViewport *viewport)
{
  double ox = viewport->width / 2 - viewport->center_x;
  double oy = viewport->height / 2 - viewport->center_y;
  g_autofree SitroomBadge *items = g_new0 (SitroomBadge, MAX (self->badges->len, 1));
  g_autofree guint *owner = g_new0 (guint, MAX (self->badges->len, 1));
  g_autofree double *obstacles = g_new (double, 4 * (4 + self->marks->len + self->stops->len));
  guint n_obstacles = 0, n = 0;

  for (guint i = 0; i < self->badges->len; i++)
    {
      MapBadge *badge = &g_array_index (self->badges, MapBadge, i);
      SitroomBadge *item = &items[n];

      badge->placed.placed = FALSE;
      item->anchor_x = badge->unit_x * self->scale + ox;
      item->anchor_y = badge->unit_y * self->scale + oy;
      if (item->anchor_x < 0 || item->anchor_y < 0 ||
          item->anchor_x > viewport->width || item->anchor_y > viewport->height)
        continue;
      badge_size (self, badge, &item->width, &item->height);
      /* Rank by figure: the larger, the earlier it is placed. */
      for (guint j = 0; j < self->badges->len; j++)
        {
          const MapBadge *other = &g_array_index (self->badges, MapBadge, j);

          if (badge->has_value && (!other->has_value || other->value < badge->value))
            item->priority++;
        }
      owner[n++] = i;
    }

  sitroom_map_furniture_rects (self, viewport, self->options.furniture, obstacles, &n_obstacles);
  /* A badge that hid a county's mark or a stop of the route would hide
   * what the map is for: they are obstacles too. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const MapMark *mark = &g_array_index (self->marks, MapMark, i);
      double r = sitroom_map_mark_extent (self, &mark->mark, mark->feature < 0);
      double *o = obstacles + 4 * n_obstacles++;

      o[0] = mark->unit_x * self->scale + ox - r;
      o[1] = mark->unit_y * self->scale + oy - r;
      o[2] = o[3] = 2 * r;
    }
  for (guint i = 0; i < self->stops->len; i++)
    {
      const MapStop *stop = &g_array_index (self->stops, MapStop, i);
      double r = 8 * sitroom_map_text_scale (self);
      double *o = obstacles + 4 * n_obstacles;

      if (stop->outside)
        continue;
      o[0] = stop->unit_x * self->scale + ox - r;
      o[1] = stop->unit_y * self->scale + oy - r;
      o[2] = o[3] = 2 * r;
      n_obstacles++;
    }
  sitroom_badge_layout (items, n, 2, 2, viewport->width - 4, viewport->height - 4, obstacles, n_obstacles);
  for (guint i = 0; i < n; i++)
    g_array_index (self->badges, MapBadge, owner[i]).placed = items[i];
}

/* The badge as drawn: its laid-out box less the gap. */
static void
drawn_box (SitroomMapRenderer *self,
           const SitroomBadge *b,
           double             *x,
           double             *y,
           double             *width,
           double             *height)
{
  double gap = BADGE_GAP * sitroom_map_text_scale (self);

  *x = b->x + gap / 2;
  *y = b->y + gap / 2;
  *width = b->width - gap;
  *height = b->height - gap;
}

void
sitroom_map_draw_badges (SitroomMapRenderer       *self,
                         cairo_t                  *cr,
                         const SitroomMapViewport *viewport)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);
  double ts = sitroom_map_text_scale (self);
  double pad = BADGE_PADDING * ts;

  place_badges (self, viewport);

  cairo_save (cr);
  /* Leaders first, so that no line crosses a badge. */
  for (guint i = 0; i < self->badges->len; i++)
    {
      const SitroomBadge *b = &g_array_index (self->badges, MapBadge, i).placed;
      double x, y, w, h;

      if (!b->placed || !b->leader)
        continue;
      drawn_box (self, b, &x, &y, &w, &h);
      x = CLAMP (b->anchor_x, x, x + w);
      y = CLAMP (b->anchor_y, y, y + h);
      cairo_new_path (cr);
      cairo_move_to (cr, b->anchor_x, b->anchor_y);
      cairo_line_to (cr, x, y);
      sitroom_chart_set_color (cr, &palette->halo, 1);
      cairo_set_line_width (cr, 3 * ts);
      cairo_stroke_preserve (cr);
      sitroom_chart_set_color (cr, &palette->text, 1);
      cairo_set_line_width (cr, 1.2 * ts);
      cairo_stroke (cr);
      cairo_arc (cr, b->anchor_x, b->anchor_y, 2.5 * ts, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->badges->len; i++)
    {
      const MapBadge *badge = &g_array_index (self->badges, MapBadge, i);
      const SitroomBadge *b = &badge->placed;
      PangoRectangle name, figure;
      double x, y, w, h;

      if (!b->placed)
        continue;
      drawn_box (self, b, &x, &y, &w, &h);
      cairo_new_path (cr);
      sitroom_chart_rounded_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1, 4 * ts);
      sitroom_chart_set_color (cr, &palette->badge, 1);
      cairo_fill_preserve (cr);
      sitroom_chart_set_color (cr, badge->region == self->options.selected_region
                               ? &palette->selected : &palette->badge_border, 1);
      cairo_set_line_width (cr, badge->region == self->options.selected_region ? 2 * ts : 1);
      cairo_stroke (cr);

      pango_layout_get_pixel_extents (badge->name, NULL, &name);
      pango_layout_get_pixel_extents (badge->figure, NULL, &figure);
      sitroom_render_show (cr, badge->name, &palette->text, x + (w - name.width) / 2 - name.x, y + pad - name.y);
      cairo_move_to (cr, x + (w - figure.width) / 2 - figure.x, y + pad + name.height - figure.y);
      pango_cairo_show_layout (cr, badge->figure);
    }
  cairo_restore (cr);
}
