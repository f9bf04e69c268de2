/* Placing badges (a region's name and figure) so that none overlaps another. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  /* In: */
  double anchor_x;          /* the point the badge names, in pixels */
  double anchor_y;
  double width;
  double height;
  int priority;             /* higher is placed first, and nearer its anchor */
  /* Out: */
  double x;                 /* top-left corner of the placed badge */
  double y;
  gboolean leader;          /* set away from its anchor: draw a line to it */
  gboolean placed;          /* FALSE only when there was no room at all */
} SitroomBadge;

/* Places @badges inside the rectangle (@left, @top, @width, @height): each
 * centred on its anchor when that is free, otherwise at the nearest free
 * place around it (with a leader line when it no longer touches its
 * anchor). No two placed badges overlap, and none overlaps @obstacles
 * (n_obstacles rectangles as x, y, width, height, such as the legend).
 * Deterministic: the same input gives the same places. */
void sitroom_badge_layout (SitroomBadge *badges,
                           guint         n_badges,
                           double        left,
                           double        top,
                           double        width,
                           double        height,
                           const double *obstacles,
                           guint         n_obstacles);

G_END_DECLS
