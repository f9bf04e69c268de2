/* Tests of the map renderer's output and upkeep: vector documents, routes, badge placement, the kept base, drawing in parts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "sitroom-test-map.h"

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Whether @needle is in @haystack, which may hold NUL bytes (a PDF). */
static gboolean
contains (const GString *haystack,
          const char    *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= haystack->len; i++)
    if (memcmp (haystack->str + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
draw_all (SitroomTestMap *fixture,
          cairo_t        *cr)
{
  SitroomMapFurniture all = SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_TITLE | SITROOM_MAP_CREDITS;

  sitroom_map_renderer_draw (fixture->renderer, cr, &fixture->viewport);
  sitroom_map_renderer_draw_furniture (fixture->renderer, cr, &fixture->viewport, all);
}

static void
test_vector (SitroomTestMap *fixture,
             gconstpointer   data)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GString) pdf = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint before = fixture->renderer->n_base_renders;

  fixture->options.selected_chain = 0;
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);

  surface = cairo_svg_surface_create_for_stream (append_to_string, svg,
                                                 SITROOM_TEST_MAP_WIDTH, SITROOM_TEST_MAP_HEIGHT);
  cr = cairo_create (surface);
  draw_all (fixture, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (contains (svg, "<path"));
  g_assert_false (contains (svg, "<image"));
  /* Text stays glyphs placed as text, not a picture of it. */
  g_assert_true (contains (svg, "<use xlink:href=\"#glyph"));
  /* Paths into a document are never kept as pixels. */
  g_assert_cmpuint (fixture->renderer->n_base_renders, ==, before);

  surface = cairo_pdf_surface_create_for_stream (append_to_string, pdf,
                                                 SITROOM_TEST_MAP_WIDTH, SITROOM_TEST_MAP_HEIGHT);
  cr = cairo_create (surface);
  draw_all (fixture, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  /* A font with a map back to Unicode: the text can be selected and searched. */
  g_assert_true (contains (pdf, "/ToUnicode"));
  g_assert_false (contains (pdf, "/Subtype /Image"));
}

/* How many pixels of the route's colour lie along the segment between
 * two points of the drawing, its ends left out. */
static guint
route_pixels (cairo_surface_t    *surface,
              const SitroomColor *color,
              double              ax,
              double              ay,
              double              bx,
              double              by)
{
  guint n = 0;

  for (double t = 0.25; t <= 0.75; t += 0.01)
    {
      int x = (int) (ax + t * (bx - ax)), y = (int) (ay + t * (by - ay));

      if (x >= 0 && y >= 0 && x < SITROOM_TEST_MAP_WIDTH && y < SITROOM_TEST_MAP_HEIGHT &&
          sitroom_test_map_same_color (surface, x, y, color))
        n++;
    }
  return n;
}

static void
test_route (SitroomTestMap *fixture,
            gconstpointer   data)
{
  SitroomMapRenderer *r = fixture->renderer;
  const SitroomColor *route = &sitroom_map_palette (SITROOM_STYLE_LIGHT)->route;
  int z22 = sitroom_situation_lookup_chain (fixture->situation, "0817-z22");
  int yuxian = sitroom_situation_lookup_chain (fixture->situation, "0818-yuxian");
  double ox = fixture->viewport.width / 2 - fixture->viewport.center_x;
  double oy = fixture->viewport.height / 2 - fixture->viewport.center_y;
  double ax, ay, bx, by;
  const MapStop *a = NULL, *b = NULL;
  cairo_surface_t *with, *without;
  gboolean outside = FALSE;
  guint edge = 0;

  g_assert_cmpint (z22, >=, 0);
  fixture->options.selected_chain = z22;
  sitroom_map_renderer_set_options (r, &fixture->options);
  with = sitroom_test_map_render (fixture, &fixture->viewport);
  for (guint i = 0; i < r->stops->len; i++)
    {
      const MapStop *stop = &g_array_index (r->stops, MapStop, i);

      if (stop->outside)
        continue;
      if (a == NULL)
        a = stop;
      else if (b == NULL)
        b = stop;
    }
  /* Taiyuan, where the passengers left the train, then Jincheng. */
  g_assert_nonnull (b);
  g_assert_cmpstr (sitroom_situation_get_region (fixture->situation, a->region)->code, ==, "140100");
  g_assert_cmpstr (sitroom_situation_get_region (fixture->situation, b->region)->code, ==, "140500");
  ax = a->unit_x * r->scale + ox;
  ay = a->unit_y * r->scale + oy;
  bx = b->unit_x * r->scale + ox;
  by = b->unit_y * r->scale + oy;
  g_assert_cmpuint (route_pixels (with, route, ax, ay, bx, by), >=, 10);

  fixture->options.selected_chain = -1;
  sitroom_map_renderer_set_options (r, &fixture->options);
  without = sitroom_test_map_render (fixture, &fixture->viewport);
  g_assert_cmpuint (route_pixels (without, route, ax, ay, bx, by), ==, 0);
  cairo_surface_destroy (with);

  /* The Yu County chain came from Dalian: an arrow from the drawing's
   * east edge, in the route's colour. */
  fixture->options.selected_chain = yuxian;
  sitroom_map_renderer_set_options (r, &fixture->options);
  with = sitroom_test_map_render (fixture, &fixture->viewport);
  for (guint i = 0; i < r->stops->len; i++)
    outside |= g_array_index (r->stops, MapStop, i).outside;
  g_assert_true (outside);
  for (int y = 0; y < SITROOM_TEST_MAP_HEIGHT; y++)
    for (int x = SITROOM_TEST_MAP_WIDTH - 80; x < SITROOM_TEST_MAP_WIDTH; x++)
      {
        edge += sitroom_test_map_same_color (with, x, y, route);
        g_assert_false (sitroom_test_map_same_color (without, x, y, route));
      }
  g_assert_cmpuint (edge, >, 20);

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static gboolean
rects_overlap (const double *a,
               const double *b)
{
  return a[0] < b[0] + b[2] - 1e-6 && b[0] < a[0] + a[2] - 1e-6 &&
         a[1] < b[1] + b[3] - 1e-6 && b[1] < a[1] + a[3] - 1e-6;
}

static void
test_badges (SitroomTestMap *fixture,
             gconstpointer   data)
{
  SitroomMapRenderer *r = fixture->renderer;
  double unit_x = fixture->viewport.center_x / exp2 (fixture->viewport.zoom);
  double unit_y = fixture->viewport.center_y / exp2 (fixture->viewport.zoom);

  for (double zoom = 6; zoom <= 10; zoom += 0.5)
    {
      SitroomMapViewport vp = fixture->viewport;
      const GArray *badges;
      double rects[16];
      guint n_rects, n_placed = 0;
      cairo_surface_t *surface;

      vp.zoom = zoom;
      vp.center_x = unit_x * exp2 (zoom);
      vp.center_y = unit_y * exp2 (zoom);
      surface = sitroom_test_map_render (fixture, &vp);
      cairo_surface_destroy (surface);

      badges = sitroom_map_renderer_get_badges (r);
      sitroom_map_furniture_rects (r, &vp, SITROOM_TEST_MAP_FURNITURE, rects, &n_rects);
      for (guint i = 0; i < badges->len; i++)
        {
          const SitroomBadge *a = &g_array_index (badges, MapBadge, i).placed;
          double ra[4] = { a->x, a->y, a->width, a->height };

          if (!a->placed)
            continue;
          n_placed++;
          g_assert_cmpfloat (a->x, >=, 0);
          g_assert_cmpfloat (a->y, >=, 0);
          g_assert_cmpfloat (a->x + a->width, <=, vp.width);
          g_assert_cmpfloat (a->y + a->height, <=, vp.height);
          for (guint j = i + 1; j < badges->len; j++)
            {
              const SitroomBadge *b = &g_array_index (badges, MapBadge, j).placed;
              double rb[4] = { b->x, b->y, b->width, b->height };

              g_assert_false (b->placed && rects_overlap (ra, rb));
            }
          for (guint j = 0; j < n_rects; j++)
            g_assert_false (rects_overlap (ra, rects + 4 * j));
        }
      /* Zoomed out, the whole province is in view: every prefecture has its badge. */
      if (zoom <= 7)
        g_assert_cmpuint (n_placed, ==, 11);
      else
        g_assert_cmpuint (n_placed, >, 0);
    }
}

static void
test_pan_reuses (SitroomTestMap *fixture,
                 gconstpointer   data)
{
  SitroomMapRenderer *r = fixture->renderer;
  SitroomMapViewport vp = fixture->viewport;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         SITROOM_TEST_MAP_WIDTH, SITROOM_TEST_MAP_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint projections, renders;

  sitroom_map_renderer_draw (r, cr, &vp);
  projections = r->n_projections;
  renders = r->n_base_renders;
  for (int i = 0; i < 20; i++)
    {
      vp.center_x += 7.25;
      vp.center_y -= 3.5;
      sitroom_map_renderer_draw (r, cr, &vp);
    }
  g_assert_cmpuint (r->n_projections, ==, projections);
  g_assert_cmpuint (r->n_base_renders, ==, renders);

  /* The pointer moving over the map changes only what is drawn over the base. */
  for (guint i = 0; i < sitroom_view_get_n_prefectures (fixture->view); i++)
    {
      fixture->options.hover_region = sitroom_view_get_prefecture (fixture->view, i)->region;
      sitroom_map_renderer_set_options (r, &fixture->options);
      sitroom_map_renderer_draw (r, cr, &vp);
    }
  g_assert_cmpuint (r->n_base_renders, ==, renders);

  /* A new zoom projects again; a new metric redraws the base. */
  vp.zoom += 0.5;
  sitroom_map_renderer_draw (r, cr, &vp);
  g_assert_cmpuint (r->n_projections, ==, projections + 1);
  fixture->options.metric = SITROOM_METRIC_CONFIRMED;
  sitroom_map_renderer_set_options (r, &fixture->options);
  sitroom_map_renderer_draw (r, cr, &vp);
  g_assert_cmpuint (r->n_projections, ==, projections + 1);
  g_assert_cmpuint (r->n_base_renders, ==, renders + 2);

  /* A new view over the same outlines (a feed's update) keeps them
   * projected, and draws the base again with its figures. */
  {
    g_autoptr(SitroomView) earlier = sitroom_view_new (fixture->situation,
                                                       sitroom_situation_get_as_of (fixture->situation) - 24 * 3600,
                                                       -1, -1);

    sitroom_map_renderer_set_data (r, earlier, fixture->boundaries);
    sitroom_map_renderer_draw (r, cr, &vp);
    g_assert_cmpuint (r->n_projections, ==, projections + 1);
    g_assert_cmpuint (r->n_base_renders, ==, renders + 3);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The same frame drawn from the kept base, and drawn as paths at twice
 * the size (a scaled context never uses the kept base), agree wherever
 * the colour is even: the copy is the drawing. */
static gboolean
even_around (cairo_surface_t *surface,
             int              x,
             int              y)
{
  int r0, g0, b0, a0;

  sitroom_test_map_pixel (surface, x, y, &r0, &g0, &b0, &a0);
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        int r, g, b, a;

        sitroom_test_map_pixel (surface, x + dx, y + dy, &r, &g, &b, &a);
        if (r != r0 || g != g0 || b != b0)
          return FALSE;
      }
  return TRUE;
}

static void
test_cache_matches_paths (SitroomTestMap *fixture,
                          gconstpointer   data)
{
  SitroomMapViewport vp = fixture->viewport;
  cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                        SITROOM_TEST_MAP_WIDTH, SITROOM_TEST_MAP_HEIGHT);
  cairo_surface_t *paths = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       2 * SITROOM_TEST_MAP_WIDTH, 2 * SITROOM_TEST_MAP_HEIGHT);
  cairo_t *cr;
  guint compared = 0, differ = 0, renders;

  fixture->options.hover_region = sitroom_situation_lookup_region (fixture->situation, "140100");
  fixture->options.selected_region = sitroom_situation_lookup_region (fixture->situation, "140500");
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);

  /* Whole pixels: the copy is then exactly in place. */
  vp.center_x = round (vp.center_x);
  vp.center_y = round (vp.center_y);
  cr = cairo_create (cached);
  sitroom_map_renderer_draw (fixture->renderer, cr, &vp);
  cairo_destroy (cr);

  renders = fixture->renderer->n_base_renders;
  cr = cairo_create (paths);
  cairo_scale (cr, 2, 2);
  sitroom_map_renderer_draw (fixture->renderer, cr, &vp);
  cairo_destroy (cr);
  g_assert_cmpuint (fixture->renderer->n_base_renders, ==, renders);

  for (int y = 4; y < SITROOM_TEST_MAP_HEIGHT - 4; y += 3)
    for (int x = 4; x < SITROOM_TEST_MAP_WIDTH - 4; x += 3)
      {
        int r1, g1, b1, a1, r2, g2, b2, a2;

        if (!even_around (cached, x, y))
          continue;
        sitroom_test_map_pixel (cached, x, y, &r1, &g1, &b1, &a1);
        sitroom_test_map_pixel (paths, 2 * x + 1, 2 * y + 1, &r2, &g2, &b2, &a2);
        compared++;
        differ += abs (r1 - r2) > 2 || abs (g1 - g2) > 2 || abs (b1 - b2) > 2;
      }
  g_assert_cmpuint (compared, >, 50000);
  g_assert_cmpuint (differ, <, compared / 1000);

  cairo_surface_destroy (cached);
  cairo_surface_destroy (paths);
}

/* Over tiles, with a route and all the screen's furniture: the parts in
 * their boxes are the whole map, so that no box cuts off what its part
 * draws. */
static void
test_parts_boxes (SitroomTestMap *fixture,
                  gconstpointer   data)
{
  /* Zoomed in so far that the base covers the drawing, out so far that
   * it does not, and panned towards the province's north-west corner by
   * no whole number of pixels, so that the kept base is copied rounded. */
  static const struct { double zoom, pan_x, pan_y; } views[] = {
    { 7.5, 0, 0 },
    { 10, 0, 0 },
    { 7.5, -300.37, -410.62 },
  };
  double unit_x = fixture->viewport.center_x / exp2 (fixture->viewport.zoom);
  double unit_y = fixture->viewport.center_y / exp2 (fixture->viewport.zoom);
  gboolean base_inside = FALSE, overlay_inside = FALSE;

  fixture->options.tiles = TRUE;
  fixture->options.attribution = "© OpenStreetMap contributors";
  fixture->options.selected_chain = sitroom_situation_lookup_chain (fixture->situation, "0817-z22");
  g_assert_cmpint (fixture->options.selected_chain, >=, 0);
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      SitroomMapViewport vp = fixture->viewport;
      cairo_rectangle_int_t base, overlay;
      cairo_surface_t *parts, *whole;
      int worst, x = -1, y = -1;

      vp.zoom = views[i].zoom;
      vp.center_x = unit_x * exp2 (vp.zoom) + views[i].pan_x;
      vp.center_y = unit_y * exp2 (vp.zoom) + views[i].pan_y;
      parts = sitroom_test_map_render_in_parts (fixture, &vp, &base, &overlay);
      whole = sitroom_test_map_render (fixture, &vp);

      worst = sitroom_test_map_max_difference (parts, whole, &x, &y);
      if (worst > 2)
        g_test_message ("zoom %g, pan %g,%g: off by %d at %d,%d (base %d,%d %dx%d, overlay %d,%d %dx%d)",
                        views[i].zoom, views[i].pan_x, views[i].pan_y, worst, x, y,
                        base.x, base.y, base.width, base.height,
                        overlay.x, overlay.y, overlay.width, overlay.height);
      g_assert_cmpint (worst, <=, 2);

      base_inside |= base.width < vp.width || base.height < vp.height;
      overlay_inside |= overlay.width < vp.width || overlay.height < vp.height;
      cairo_surface_destroy (parts);
      cairo_surface_destroy (whole);
    }
  /* Some box left part of the drawing out, or nothing was tested. */
  g_assert_true (base_inside);
  g_assert_true (overlay_inside);
}

/* Without tiles the base paints a background under everything: its box
 * is the whole drawing, wherever the map is. */
static void
test_parts_base_box_no_tiles (SitroomTestMap *fixture,
                              gconstpointer   data)
{
  SitroomMapViewport views[3] = { fixture->viewport, fixture->viewport, fixture->viewport };
  cairo_rectangle_int_t box;

  /* Zoomed in, and moved far off the province. */
  views[1].zoom += 2;
  views[1].center_x *= 4;
  views[1].center_y *= 4;
  views[2].center_x += 5 * views[2].width;
  views[2].center_y -= 0.5;

  /* Over tiles the fitted province leaves a margin free: the option is what
   * makes the difference below. */
  fixture->options.tiles = TRUE;
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);
  g_assert_true (sitroom_map_renderer_get_base_box (fixture->renderer, &views[0], &box));
  g_assert_cmpint (box.width, <, (int) views[0].width);

  fixture->options.tiles = FALSE;
  sitroom_map_renderer_set_options (fixture->renderer, &fixture->options);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) views[i].width,
                                                             (int) views[i].height);
      cairo_t *cr = cairo_create (surface);

      g_assert_true (sitroom_map_renderer_get_base_box (fixture->renderer, &views[i], &box));
      g_assert_cmpint (box.x, ==, 0);
      g_assert_cmpint (box.y, ==, 0);
      g_assert_cmpint (box.width, ==, (int) views[i].width);
      g_assert_cmpint (box.height, ==, (int) views[i].height);

      /* And the base does cover it: every pixel is opaque. */
      sitroom_map_renderer_draw_parts (fixture->renderer, cr, &views[i], SITROOM_MAP_PART_BASE);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int y = 0; y < (int) views[i].height; y++)
        for (int x = 0; x < (int) views[i].width; x++)
          {
            int r, g, b, a;

            sitroom_test_map_pixel (surface, x, y, &r, &g, &b, &a);
            g_assert_cmpint (a, ==, 255);
          }
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SITROOM_TEST_MAP_ADD ("/render/map/vector", test_vector);
  SITROOM_TEST_MAP_ADD ("/render/map/route", test_route);
  SITROOM_TEST_MAP_ADD ("/render/map/badges", test_badges);
  SITROOM_TEST_MAP_ADD ("/render/map/pan-reuses", test_pan_reuses);
  SITROOM_TEST_MAP_ADD ("/render/map/cache-matches-paths", test_cache_matches_paths);
  SITROOM_TEST_MAP_ADD ("/map-render/parts/boxes", test_parts_boxes);
  SITROOM_TEST_MAP_ADD ("/map-render/parts/base-box-no-tiles", test_parts_base_box_no_tiles);

  return g_test_run ();
}
