/* Placing badges (a region's name and figure) so that none overlaps another. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-badge-layout.h"

/* Positions computed from sums of doubles are off by rounding: badges that
 * only touch must not count as overlapping, nor a badge flush with an edge
 * as sticking out. */
#define EPSILON 1e-6

/* The search grid, in fractions of the badge: fine enough to tuck a badge
 * against its neighbours, coarse enough that a full 1920×1080 search stays
 * a few tens of thousands of candidates. */
#define GRID_DIVISIONS 4

typedef struct {
  double x;
  double y;
  double width;
  double height;
} Rect;

typedef struct {
  Rect bounds;
  const Rect *obstacles;
  guint n_obstacles;
  const Rect *placed;
  guint n_placed;
} Room;

static gboolean
rects_overlap (const Rect *a,
               const Rect *b)
{
  return a->x < b->x + b->width - EPSILON && b->x < a->x + a->width - EPSILON &&
         a->y < b->y + b->height - EPSILON && b->y < a->y + a->height - EPSILON;
}

static gboolean
room_fits (const Room *room,
           const Rect *rect)
{
  const Rect *bounds = &room->bounds;

  if (rect->x < bounds->x - EPSILON || rect->y < bounds->y - EPSILON ||
      rect->x + rect->width > bounds->x + bounds->width + EPSILON ||
      rect->y + rect->height > bounds->y + bounds->height + EPSILON)
    return FALSE;
  for (guint i = 0; i < room->n_obstacles; i++)
    if (rects_overlap (rect, &room->obstacles[i]))
      return FALSE;
  for (guint i = 0; i < room->n_placed; i++)
    if (rects_overlap (rect, &room->placed[i]))
      return FALSE;
  return TRUE;
}

static Rect
rect_centred (const SitroomBadge *badge,
              double              cx,
              double              cy)
{
  return (Rect) { cx - badge->width / 2, cy - badge->height / 2, badge->width, badge->height };
}

static gboolean
rect_touches_point (const Rect *rect,
                    double      x,
                    double      y)
{
  return x >= rect->x - EPSILON && x <= rect->x + rect->width + EPSILON &&
         y >= rect->y - EPSILON && y <= rect->y + rect->height + EPSILON;
}

/* On the anchor, then touching it: above and below first, since a badge is
 * wider than tall and so stays nearer its point there, then beside it, then
 * at the corners. Offsets of the badge's centre, in half-sizes. */
static gboolean
place_at_anchor (const Room *room,
                 SitroomBadge *badge,
                 Rect         *found)
{
  static const signed char offsets[][2] = {
    { 0, 0 },
    { 0, -1 }, { 0, 1 }, { 1, 0 }, { -1, 0 },
    { 1, -1 }, { -1, -1 }, { 1, 1 }, { -1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      Rect rect = rect_centred (badge,
                                badge->anchor_x + offsets[i][0] * badge->width / 2,
                                badge->anchor_y + offsets[i][1] * badge->height / 2);

      if (room_fits (room, &rect))
        {
          *found = rect;
          return TRUE;
        }
    }
  return FALSE;
}

/* Rings of a grid around the anchor (or, when the anchor is off the room,
 * around the nearest place a badge could be): ring k holds the grid points
 * k steps out, and the free point of a ring nearest the anchor wins. Rings
 * grow until they cover every place the badge could take. */
static gboolean
place_on_rings (const Room   *room,
                SitroomBadge *badge,
                Rect         *found)
{
  const Rect *bounds = &room->bounds;
  double min_x = bounds->x + badge->width / 2;
  double max_x = bounds->x + bounds->width - badge->width / 2;
  double min_y = bounds->y + badge->height / 2;
  double max_y = bounds->y + bounds->height - badge->height / 2;
  double step_x = badge->width / GRID_DIVISIONS;
  double step_y = badge->height / GRID_DIVISIONS;
  double cx = CLAMP (badge->anchor_x, min_x, max_x);
  double cy = CLAMP (badge->anchor_y, min_y, max_y);
  guint n_rings = (guint) ceil (MAX (MAX (cx - min_x, max_x - cx) / step_x,
                                     MAX (cy - min_y, max_y - cy) / step_y)) + 1;

  for (guint k = 0; k <= n_rings; k++)
    {
      double best = INFINITY;
      int side = k;

      /* The ring's 8k points (one for k = 0), row by row: its top and
       * bottom rows whole, the rows between only at their two ends. */
      for (int j = -side; j <= side; j++)
        for (int i = -side; i <= side; i += ABS (j) == side ? 1 : 2 * side)
          {
            double x, y, distance;
            Rect rect;

            x = cx + i * step_x;
            y = cy + j * step_y;
            distance = hypot (x - badge->anchor_x, y - badge->anchor_y);
            if (distance >= best)
              continue;

            rect = rect_centred (badge, x, y);
            if (room_fits (room, &rect))
              {
                best = distance;
                *found = rect;
              }
          }

      if (best < INFINITY)
        return TRUE;
    }
  return FALSE;
}

static int
compare_priorities (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SitroomBadge *badges = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  if (badges[ia].priority != badges[ib].priority)
    return badges[ia].priority > badges[ib].priority ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static gboolean
badge_is_valid (const SitroomBadge *badge)
{
  return isfinite (badge->anchor_x) && isfinite (badge->anchor_y) &&
         isfinite (badge->width) && isfinite (badge->height) &&
         badge->width > 0 && badge->height > 0;
}

void
sitroom_badge_layout (SitroomBadge *badges,
                      guint         n_badges,
                      double        left,
                      double        top,
                      double        width,
                      double        height,
                      const double *obstacles,
                      guint         n_obstacles)
{
  g_autofree guint *order = NULL;
  g_autofree Rect *placed = NULL;
  Room room = {
    .bounds = { left, top, width, height },
    .obstacles = (const Rect *) obstacles,
    .n_obstacles = n_obstacles,
  };

  G_STATIC_ASSERT (sizeof (Rect) == 4 * sizeof (double));

  g_return_if_fail (badges != NULL || n_badges == 0);
  g_return_if_fail (obstacles != NULL || n_obstacles == 0);

  order = g_new (guint, MAX (n_badges, 1));
  placed = g_new (Rect, MAX (n_badges, 1));
  room.placed = placed;

  for (guint i = 0; i < n_badges; i++)
    order[i] = i;
  g_qsort_with_data (order, n_badges, sizeof (guint), compare_priorities, badges);

  for (guint n = 0; n < n_badges; n++)
    {
      SitroomBadge *badge = &badges[order[n]];
      gboolean anchor_inside;
      Rect rect;

      badge->leader = FALSE;
      badge->placed = FALSE;
      if (!badge_is_valid (badge))
        continue;

      /* Where it would be, were there room: what a caller draws, if anything. */
      rect = rect_centred (badge, badge->anchor_x, badge->anchor_y);
      badge->x = rect.x;
      badge->y = rect.y;

      if (badge->width > width + EPSILON || badge->height > height + EPSILON)
        continue;

      anchor_inside = rect_touches_point (&room.bounds, badge->anchor_x, badge->anchor_y);
      if ((anchor_inside && place_at_anchor (&room, badge, &rect)) ||
          place_on_rings (&room, badge, &rect))
        {
          badge->x = rect.x;
          badge->y = rect.y;
          badge->placed = TRUE;
          badge->leader = !rect_touches_point (&rect, badge->anchor_x, badge->anchor_y);
          placed[room.n_placed++] = rect;
        }
    }
}
