/* A chain's route on the map: arrows between its places in the province, and labelled arrows from the edge for its origins outside. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-map-render-private.h"

#define ROUTE_WIDTH 3.0
#define ROUTE_STOP_RADIUS 4.5

static void
arrowhead (cairo_t *cr,
           double   x,
           double   y,
           double   ux,
           double   uy,
           double   size)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - size * ux + size * 0.55 * uy, y - size * uy - size * 0.55 * ux);
  cairo_line_to (cr, x - size * ux - size * 0.55 * uy, y - size * uy + size * 0.55 * ux);
  cairo_close_path (cr);
}

/* A line with a halo under it and an arrowhead at its end, stopping
 * @short_by before (x1, y1). */
static void
arrow (cairo_t          *cr,
       const MapPalette *palette,
       double            x0,
       double            y0,
       double            x1,
       double            y1,
       double            short_by,
       double            ts,
       gboolean          dashed)
{
  double len = hypot (x1 - x0, y1 - y0);
  double ux, uy, ex, ey, head = 11 * ts;
  double dash[] = { 8 * ts, 5 * ts };

  if (len <= short_by + head)
    return;
  ux = (x1 - x0) / len;
  uy = (y1 - y0) / len;
  ex = x1 - ux * short_by;
  ey = y1 - uy * short_by;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int pass = 0; pass < 2; pass++)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, ex - ux * head * 0.8, ey - uy * head * 0.8);
      if (pass == 0)
        {
          sitroom_chart_set_color (cr, &palette->halo, 1);
          cairo_set_line_width (cr, (ROUTE_WIDTH + 3) * ts);
          cairo_stroke (cr);
          arrowhead (cr, ex, ey, ux, uy, head);
          cairo_set_line_width (cr, 3 * ts);
          cairo_stroke (cr);
        }
      else
        {
          sitroom_chart_set_color (cr, &palette->route, 1);
          cairo_set_line_width (cr, ROUTE_WIDTH * ts);
          if (dashed)
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          arrowhead (cr, ex, ey, ux, uy, head);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/* Where the line from @p (outside) to @s first enters the box, or FALSE
 * when it never does (Liang–Barsky). */
static gboolean
entry_point (double  px,
             double  py,
             double  sx,
             double  sy,
             double  x0,
             double  y0,
             double  x1,
             double  y1,
             double *ex,
             double *ey)
{
  double dx = sx - px, dy = sy - py;
  double t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { px - x0, x1 - px, py - y0, y1 - py };

  for (int i = 0; i < 4; i++)
    {
      double t;

      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
    }
  if (t0 > t1)
    return FALSE;
  *ex = px + t0 * dx;
  *ey = py + t0 * dy;
  return TRUE;
}

/* The selected chain: arrows from stop to stop inside the province, in the
 * order the places first appear; each origin outside it as a labelled,
 * dashed arrow from the edge of the drawing (or from the place itself when
 * it is in view) towards the first stop inside. */
void
sitroom_map_draw_route (SitroomMapRenderer *self,
                        cairo_t            *cr,
                        const MapFrame     *frame)
{
  const MapPalette *palette = sitroom_map_palette (self->options.style);
  double ts = sitroom_map_text_scale (self);
  gboolean have_first = FALSE, have_last = FALSE;
  double fx = 0, fy = 0, lx = 0, ly = 0;

  for (guint i = 0; i < self->stops->len; i++)
    {
      const MapStop *stop = &g_array_index (self->stops, MapStop, i);
      double x = stop->unit_x * self->scale + frame->ox;
      double y = stop->unit_y * self->scale + frame->oy;

      if (stop->outside)
        continue;
      if (!have_first)
        {
          fx = x;
          fy = y;
          have_first = TRUE;
        }
      if (have_last)
        arrow (cr, palette, lx, ly, x, y, (ROUTE_STOP_RADIUS + 2) * ts, ts, FALSE);
      lx = x;
      ly = y;
      have_last = TRUE;
    }
  if (!have_first)
    return;

  for (guint i = 0; i < self->stops->len; i++)
    {
      const MapStop *stop = &g_array_index (self->stops, MapStop, i);
      PangoLayout *label = self->texts.route != NULL && i < self->texts.route->len
                           ? g_ptr_array_index (self->texts.route, i) : NULL;
      double px = stop->unit_x * self->scale + frame->ox;
      double py = stop->unit_y * self->scale + frame->oy;
      double margin = 8 * ts, ex, ey, len;
      PangoRectangle ink, logical;

      if (!stop->outside || label == NULL)
        continue;
      pango_layout_get_pixel_extents (label, &ink, &logical);
      margin += MAX (logical.width, logical.height) / 2.0 + 4 * ts;
      if (!entry_point (px, py, fx, fy, margin, margin, frame->width - margin, frame->height - margin,
                        &ex, &ey))
        continue;
      arrow (cr, palette, ex, ey, fx, fy, (ROUTE_STOP_RADIUS + 2) * ts, ts, TRUE);

      /* The name beyond the arrow's tail, on the side it comes from. */
      len = hypot (fx - ex, fy - ey);
      if (len > 0)
        {
          double cx = ex - (fx - ex) / len * (MAX (logical.width, logical.height) / 2.0 + 2 * ts);
          double cy = ey - (fy - ey) / len * (logical.height / 2.0 + 2 * ts);
          double x = CLAMP (cx - logical.width / 2.0, 2, frame->width - 2 - logical.width);
          double y = CLAMP (cy - logical.height / 2.0, 2, frame->height - 2 - logical.height);

          sitroom_chart_set_color (cr, &palette->route, 1);
          cairo_new_path (cr);
          cairo_arc (cr, ex, ey, 3 * ts, 0, 2 * G_PI);
          cairo_fill (cr);
          sitroom_map_draw_label (self, cr, label, x - logical.x, y - logical.y);
        }
    }

  for (guint i = 0; i < self->stops->len; i++)
    {
      const MapStop *stop = &g_array_index (self->stops, MapStop, i);

      if (stop->outside)
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, stop->unit_x * self->scale + frame->ox, stop->unit_y * self->scale + frame->oy,
                 ROUTE_STOP_RADIUS * ts, 0, 2 * G_PI);
      sitroom_chart_set_color (cr, &palette->route, 1);
      cairo_fill_preserve (cr);
      sitroom_chart_set_color (cr, &palette->halo, 1);
      cairo_set_line_width (cr, 1.5 * ts);
      cairo_stroke (cr);
    }
}
