/* Tests of badge placement: no overlaps for the demo at every zoom, dense clusters, obstacles, priorities. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-badge-layout.h"
#include "sitroom-regions.h"
#include "sitroom-source.h"
#include "sitroom-view.h"

#define BADGE_WIDTH 150
#define BADGE_HEIGHT 44

/* Rounding slack, as the layout allows badges that only touch. */
#define SLACK 1e-6

/* Web Mercator in pixels at @zoom, as libshumate projects (256-pixel tiles). */
static void
project (double  lon,
         double  lat,
         int     zoom,
         double *x,
         double *y)
{
  double size = 256 * pow (2, zoom);
  double phi = lat * G_PI / 180;

  *x = (lon + 180) / 360 * size;
  *y = (1 - log (tan (phi) + 1 / cos (phi)) / G_PI) / 2 * size;
}

static gboolean
overlap (double ax, double ay, double aw, double ah,
         double bx, double by, double bw, double bh)
{
  return ax < bx + bw - SLACK && bx < ax + aw - SLACK && ay < by + bh - SLACK && by < ay + ah - SLACK;
}

static gboolean
touches (const SitroomBadge *badge)
{
  return badge->anchor_x >= badge->x - SLACK && badge->anchor_x <= badge->x + badge->width + SLACK &&
         badge->anchor_y >= badge->y - SLACK && badge->anchor_y <= badge->y + badge->height + SLACK;
}

/* Every rule the layout promises, for any input. */
static void
assert_layout (const SitroomBadge *badges,
               guint               n_badges,
               double              left,
               double              top,
               double              width,
               double              height,
               const double       *obstacles,
               guint               n_obstacles)
{
  for (guint i = 0; i < n_badges; i++)
    {
      const SitroomBadge *b = &badges[i];

      if (!b->placed)
        continue;
      g_assert_cmpfloat (b->x, >=, left - SLACK);
      g_assert_cmpfloat (b->y, >=, top - SLACK);
      g_assert_cmpfloat (b->x + b->width, <=, left + width + SLACK);
      g_assert_cmpfloat (b->y + b->height, <=, top + height + SLACK);
      /* A leader exactly when the badge has left its point. */
      g_assert_cmpint (b->leader, ==, !touches (b));

      for (guint j = 0; j < i; j++)
        if (badges[j].placed &&
            overlap (b->x, b->y, b->width, b->height, badges[j].x, badges[j].y, badges[j].width, badges[j].height))
          g_error ("badges %u and %u overlap", j, i);
      for (guint o = 0; o < n_obstacles; o++)
        if (overlap (b->x, b->y, b->width, b->height,
                     obstacles[4 * o], obstacles[4 * o + 1], obstacles[4 * o + 2], obstacles[4 * o + 3]))
          g_error ("badge %u overlaps obstacle %u", i, o);
    }
}

static guint
count_placed (const SitroomBadge *badges,
              guint               n_badges)
{
  guint n = 0;

  for (guint i = 0; i < n_badges; i++)
    n += badges[i].placed;
  return n;
}

static double
distance_to_anchor (const SitroomBadge *b)
{
  double dx = MAX (MAX (b->x - b->anchor_x, b->anchor_x - (b->x + b->width)), 0);
  double dy = MAX (MAX (b->y - b->anchor_y, b->anchor_y - (b->y + b->height)), 0);

  return hypot (dx, dy);
}

/* The 11 prefectures of the built-in table, with the demo's positives as
 * priorities (the map ranks badges by the figure it shows). */
static guint
demo_badges (SitroomBadge badges[16],
             const char  *codes[16],
             double       lon[16],
             double       lat[16])
{
  const SitroomRegions *regions = sitroom_regions_get_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) demo = sitroom_source_load (NULL, NULL, NULL, &error);
  g_autoptr(SitroomView) view = NULL;
  guint n = 0;

  g_assert_no_error (error);
  view = sitroom_view_new (demo, sitroom_situation_get_as_of (demo), -1, -1);

  for (guint i = 0; i < sitroom_regions_get_n (regions); i++)
    {
      const SitroomRegion *region = sitroom_regions_get (regions, i);
      const SitroomPrefectureFigures *figures;

      if (region->level != SITROOM_LEVEL_PREFECTURE)
        continue;
      g_assert_true (region->has_center);
      g_assert_cmpuint (n, <, 16);
      figures = sitroom_view_lookup_prefecture (view, sitroom_situation_lookup_region (demo, region->code));
      g_assert_nonnull (figures);

      codes[n] = region->code;
      lon[n] = region->lon;
      lat[n] = region->lat;
      badges[n] = (SitroomBadge) {
        .width = BADGE_WIDTH,
        .height = BADGE_HEIGHT,
        .priority = figures->counts.positives,
      };
      n++;
    }

  g_assert_cmpuint (n, ==, 11);
  return n;
}

static void
layout_demo (int    zoom,
             double width,
             double height)
{
  SitroomBadge badges[16];
  const char *codes[16];
  double lon[16], lat[16];
  guint n = demo_badges (badges, codes, lon, lat);
  double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
  double origin_x, origin_y;
  /* The legend, in the bottom-left corner as the map draws it. */
  const double legend[] = { 16, height - 16 - 180, 220, 180 };
  guint n_inside = 0;
  guint n_led = 0;
  guint n_led_inside = 0;
  double farthest = 0;

  for (guint i = 0; i < n; i++)
    {
      project (lon[i], lat[i], zoom, &badges[i].anchor_x, &badges[i].anchor_y);
      min_x = MIN (min_x, badges[i].anchor_x);
      max_x = MAX (max_x, badges[i].anchor_x);
      min_y = MIN (min_y, badges[i].anchor_y);
      max_y = MAX (max_y, badges[i].anchor_y);
    }

  /* The viewport centred on Shanxi, as pixels of the viewport. */
  origin_x = (min_x + max_x) / 2 - width / 2;
  origin_y = (min_y + max_y) / 2 - height / 2;
  for (guint i = 0; i < n; i++)
    {
      badges[i].anchor_x -= origin_x;
      badges[i].anchor_y -= origin_y;
    }

  sitroom_badge_layout (badges, n, 0, 0, width, height, legend, 1);

  assert_layout (badges, n, 0, 0, width, height, legend, 1);
  g_assert_cmpuint (count_placed (badges, n), ==, n);

  for (guint i = 0; i < n; i++)
    {
      gboolean inside = badges[i].anchor_x >= 0 && badges[i].anchor_x <= width &&
                        badges[i].anchor_y >= 0 && badges[i].anchor_y <= height;

      n_led += badges[i].leader;
      if (!inside)
        {
          /* Its point is off the screen: the badge waits at the edge, with a line. */
          g_assert_true (badges[i].leader);
          continue;
        }
      n_inside++;
      n_led_inside += badges[i].leader;
      farthest = MAX (farthest, distance_to_anchor (&badges[i]));
    }

  g_test_message ("zoom %d, %gx%g: %u of %u points on screen, %u badges with a leader (%u of them on screen), "
                  "farthest %.0f px", zoom, width, height, n_inside, n, n_led, n_led_inside, farthest);

  /* A badge stays near its point: within two badge widths. */
  g_assert_cmpfloat (farthest, <=, 2 * BADGE_WIDTH);
  /* Zoomed out the province is hardly larger than the badges and several
   * need a line; from zoom 8 on a full-HD screen every point on it has
   * room of its own. */
  if (zoom >= 8 && width >= 1920)
    g_assert_cmpuint (n_led_inside, ==, 0);
}

static void
test_demo_zooms (void)
{
  for (int zoom = 6; zoom <= 10; zoom++)
    {
      layout_demo (zoom, 1920, 1080);
      layout_demo (zoom, 800, 600);
    }
}

static void
make_cluster (SitroomBadge *badges,
              guint         n,
              double        x,
              double        y)
{
  for (guint i = 0; i < n; i++)
    badges[i] = (SitroomBadge) {
      .anchor_x = x,
      .anchor_y = y,
      .width = BADGE_WIDTH,
      .height = BADGE_HEIGHT,
      .priority = (int) (n - i) % 7,
    };
}

static void
test_dense_cluster (void)
{
  static const struct {
    double width, height, x, y;
  } rooms[] = {
    { 800, 600, 400, 300 },
    { 800, 600, 3, 597 },        /* in a corner */
    { 1920, 1080, 960, 540 },
    { 800, 600, -500, 300 },     /* off the screen */
  };

  for (guint r = 0; r < G_N_ELEMENTS (rooms); r++)
    {
      SitroomBadge badges[30];

      g_test_message ("cluster at %g,%g in %gx%g", rooms[r].x, rooms[r].y, rooms[r].width, rooms[r].height);
      make_cluster (badges, G_N_ELEMENTS (badges), rooms[r].x, rooms[r].y);
      sitroom_badge_layout (badges, G_N_ELEMENTS (badges), 0, 0, rooms[r].width, rooms[r].height, NULL, 0);
      assert_layout (badges, G_N_ELEMENTS (badges), 0, 0, rooms[r].width, rooms[r].height, NULL, 0);
      g_assert_cmpuint (count_placed (badges, G_N_ELEMENTS (badges)), ==, G_N_ELEMENTS (badges));
    }
}

/* The first of the highest priority sits on the point; the rest go round it. */
static void
test_cluster_centre (void)
{
  SitroomBadge badges[30];
  guint n_touching = 0;

  make_cluster (badges, G_N_ELEMENTS (badges), 400, 300);
  sitroom_badge_layout (badges, G_N_ELEMENTS (badges), 0, 0, 800, 600, NULL, 0);

  /* Priorities are (30 - i) % 7: the first with the highest, 6, is badge 3. */
  g_assert_cmpint (badges[3].priority, ==, 6);
  g_assert_cmpfloat (badges[3].x, ==, 400 - BADGE_WIDTH / 2.0);
  g_assert_cmpfloat (badges[3].y, ==, 300 - BADGE_HEIGHT / 2.0);
  g_assert_false (badges[3].leader);

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    n_touching += !badges[i].leader;
  /* One covers the point, so no other can touch it without overlapping. */
  g_assert_cmpuint (n_touching, ==, 1);

  /* The next two of priority 6 (badges 10 and 17) take the nearest places,
   * right above and right below: wide badges stack, they do not fan out. */
  g_assert_cmpfloat (badges[10].x, ==, badges[3].x);
  g_assert_cmpfloat (badges[10].y, ==, badges[3].y - BADGE_HEIGHT);
  g_assert_cmpfloat (badges[17].x, ==, badges[3].x);
  g_assert_cmpfloat (badges[17].y, ==, badges[3].y + BADGE_HEIGHT);
}

static void
test_obstacles (void)
{
  /* A legend over the anchor, and a title bar along the top. */
  const double obstacles[] = {
    300, 250, 200, 100,
    0, 0, 800, 60,
  };
  SitroomBadge badges[12];

  make_cluster (badges, G_N_ELEMENTS (badges), 400, 300);
  sitroom_badge_layout (badges, G_N_ELEMENTS (badges), 0, 0, 800, 600, obstacles, 2);
  assert_layout (badges, G_N_ELEMENTS (badges), 0, 0, 800, 600, obstacles, 2);
  g_assert_cmpuint (count_placed (badges, G_N_ELEMENTS (badges)), ==, G_N_ELEMENTS (badges));
  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    g_assert_true (badges[i].leader);
}

/* When only the centre is blocked, a badge touching its point is taken
 * before any farther place, and needs no leader. */
static void
test_touching (void)
{
  /* Just below the point: the centred place is taken, the one above is free. */
  const double blocker[] = { 390, 301, 20, 10 };
  SitroomBadge badge = { .anchor_x = 400, .anchor_y = 300, .width = BADGE_WIDTH, .height = BADGE_HEIGHT };

  sitroom_badge_layout (&badge, 1, 0, 0, 800, 600, blocker, 1);
  g_assert_true (badge.placed);
  g_assert_false (badge.leader);
  /* Above it: the badge's bottom edge on the point. */
  g_assert_cmpfloat (badge.x, ==, 400 - BADGE_WIDTH / 2.0);
  g_assert_cmpfloat (badge.y + BADGE_HEIGHT, ==, 300);

  /* Near the top edge there is no room above: below, still touching. */
  badge = (SitroomBadge) { .anchor_x = 400, .anchor_y = 20, .width = BADGE_WIDTH, .height = BADGE_HEIGHT };
  sitroom_badge_layout (&badge, 1, 0, 0, 800, 600, NULL, 0);
  g_assert_true (badge.placed);
  g_assert_false (badge.leader);
  g_assert_cmpfloat (badge.y, ==, 20);
}

static void
test_priority (void)
{
  SitroomBadge badges[3] = {
    { .anchor_x = 400, .anchor_y = 300, .width = BADGE_WIDTH, .height = BADGE_HEIGHT, .priority = 1 },
    { .anchor_x = 400, .anchor_y = 300, .width = BADGE_WIDTH, .height = BADGE_HEIGHT, .priority = 5 },
    { .anchor_x = 400, .anchor_y = 300, .width = BADGE_WIDTH, .height = BADGE_HEIGHT, .priority = 1 },
  };

  sitroom_badge_layout (badges, 3, 0, 0, 800, 600, NULL, 0);
  assert_layout (badges, 3, 0, 0, 800, 600, NULL, 0);

  /* The higher priority has the point, though it comes second. */
  g_assert_cmpfloat (badges[1].x, ==, 400 - BADGE_WIDTH / 2.0);
  g_assert_cmpfloat (badges[1].y, ==, 300 - BADGE_HEIGHT / 2.0);

  /* Among equals, input order. The room ends just below the point, so
   * after the centre there is one near place (above), then only beside. */
  sitroom_badge_layout (badges, 3, 0, 0, 800, 322, NULL, 0);
  assert_layout (badges, 3, 0, 0, 800, 322, NULL, 0);
  g_assert_cmpfloat (badges[1].y, ==, 300 - BADGE_HEIGHT / 2.0);
  g_assert_cmpfloat (badges[0].x, ==, badges[1].x);
  g_assert_cmpfloat (badges[0].y + BADGE_HEIGHT, <=, badges[1].y + SLACK);
  g_assert_cmpfloat (distance_to_anchor (&badges[0]), <, distance_to_anchor (&badges[2]));
  g_assert_cmpfloat (fabs (badges[2].x + BADGE_WIDTH / 2.0 - 400), >=, BADGE_WIDTH - SLACK);

  /* In a room for one, the priority decides who is shown. */
  sitroom_badge_layout (badges, 3, 325, 278, BADGE_WIDTH, BADGE_HEIGHT, NULL, 0);
  g_assert_false (badges[0].placed);
  g_assert_true (badges[1].placed);
  g_assert_false (badges[2].placed);
}

static void
test_no_room (void)
{
  SitroomBadge badges[2];
  SitroomBadge big = { .anchor_x = 50, .anchor_y = 20, .width = 150, .height = 44 };

  /* Larger than the room. */
  sitroom_badge_layout (&big, 1, 0, 0, 100, 40, NULL, 0);
  g_assert_false (big.placed);
  g_assert_false (big.leader);

  /* Two badges in a strip with room for two only if the first moves
   * aside: greedy keeps the first on its point, the second finds nothing. */
  make_cluster (badges, 2, 150, 22);
  sitroom_badge_layout (badges, 2, 0, 0, 300, 44, NULL, 0);
  g_assert_true (badges[0].placed);
  g_assert_false (badges[1].placed);

  /* With the point at a quarter, the second fits beside the first. */
  make_cluster (badges, 2, 75, 22);
  sitroom_badge_layout (badges, 2, 0, 0, 300, 44, NULL, 0);
  assert_layout (badges, 2, 0, 0, 300, 44, NULL, 0);
  g_assert_true (badges[0].placed);
  g_assert_true (badges[1].placed);
  g_assert_cmpfloat (badges[1].x, ==, 150);

  /* A room filled by an obstacle. */
  make_cluster (badges, 1, 400, 300);
  sitroom_badge_layout (badges, 1, 0, 0, 800, 600, (const double[]) { 0, 0, 800, 600 }, 1);
  g_assert_false (badges[0].placed);
}

static void
test_deterministic (void)
{
  SitroomBadge first[40];
  SitroomBadge second[40];
  const double obstacle[] = { 100, 100, 200, 150 };

  /* Three clusters and some scattered points, mixed priorities. */
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    first[i] = (SitroomBadge) {
      .anchor_x = i % 4 == 3 ? 37.0 * i : 200 + 300 * (i % 3),
      .anchor_y = i % 4 == 3 ? 500 - 9.0 * i : 250 + 40 * (i % 3),
      .width = 80 + 10 * (i % 5),
      .height = 30 + 4 * (i % 3),
      .priority = (int) ((i * 7) % 5),
    };
  memcpy (second, first, sizeof first);

  sitroom_badge_layout (first, G_N_ELEMENTS (first), 0, 0, 1280, 720, obstacle, 1);
  sitroom_badge_layout (second, G_N_ELEMENTS (second), 0, 0, 1280, 720, obstacle, 1);
  assert_layout (first, G_N_ELEMENTS (first), 0, 0, 1280, 720, obstacle, 1);
  g_assert_cmpuint (count_placed (first, G_N_ELEMENTS (first)), ==, G_N_ELEMENTS (first));
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      g_assert_cmpfloat (first[i].x, ==, second[i].x);
      g_assert_cmpfloat (first[i].y, ==, second[i].y);
      g_assert_cmpint (first[i].leader, ==, second[i].leader);
      g_assert_cmpint (first[i].placed, ==, second[i].placed);
    }

  /* Laying out the result again changes nothing: the outputs are not inputs. */
  sitroom_badge_layout (second, G_N_ELEMENTS (second), 0, 0, 1280, 720, obstacle, 1);
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      g_assert_cmpfloat (first[i].x, ==, second[i].x);
      g_assert_cmpfloat (first[i].y, ==, second[i].y);
    }
}

/* 200 badges, the most a map shows (every county), in well under a frame's worth of layouts. */
static void
test_many (void)
{
  SitroomBadge badges[200];
  gint64 start;
  gint64 elapsed;

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    badges[i] = (SitroomBadge) {
      .anchor_x = 960 + 300 * sin (i * 0.7),
      .anchor_y = 540 + 200 * cos (i * 1.3),
      .width = 60,
      .height = 20,
      .priority = (int) (i % 9),
    };

  start = g_get_monotonic_time ();
  sitroom_badge_layout (badges, G_N_ELEMENTS (badges), 0, 0, 1920, 1080, NULL, 0);
  elapsed = g_get_monotonic_time () - start;

  assert_layout (badges, G_N_ELEMENTS (badges), 0, 0, 1920, 1080, NULL, 0);
  g_assert_cmpuint (count_placed (badges, G_N_ELEMENTS (badges)), ==, G_N_ELEMENTS (badges));
  g_test_message ("200 badges in %.1f ms", elapsed / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/badge-layout/demo/zoom-6-to-10", test_demo_zooms);
  g_test_add_func ("/badge-layout/cluster/all-placed", test_dense_cluster);
  g_test_add_func ("/badge-layout/cluster/centre", test_cluster_centre);
  g_test_add_func ("/badge-layout/obstacles", test_obstacles);
  g_test_add_func ("/badge-layout/touching", test_touching);
  g_test_add_func ("/badge-layout/priority", test_priority);
  g_test_add_func ("/badge-layout/no-room", test_no_room);
  g_test_add_func ("/badge-layout/deterministic", test_deterministic);
  g_test_add_func ("/badge-layout/many", test_many);

  return g_test_run ();
}
