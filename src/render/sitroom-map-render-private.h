/* The map renderer's insides, shared by its files and read by its test: caches, features, placed badges. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-badge-layout.h"
#include "sitroom-chart-style.h"
#include "sitroom-map-render.h"
#include "sitroom-render-text.h"

G_BEGIN_DECLS

/* What an edge of a filled region is drawn as (flags): part of the
 * province's outline, or a border drawn once between two regions (the
 * second copy of a shared edge is neither). */
#define MAP_EDGE_OUTLINE 1
#define MAP_EDGE_BORDER 2

/* The route's stops are to be found again. */
#define MAP_STOPS_STALE (-2)

/* A ring's points in the projected arrays: (x, y) pairs from @start. A
 * ring simplified to fewer than three points at a zoom has length 0. */
typedef struct {
  guint start;
  guint length;
} MapRing;

typedef struct {
  guint first_ring;
  guint n_rings;
  /* Web Mercator world pixels at zoom 0: multiply by 2^zoom. */
  double min_x, min_y, max_x, max_y;
} MapPolygon;

/* One outline of the boundaries, and what the map does with it. */
typedef struct {
  guint boundary;               /* index in the boundaries */
  SitroomRegionLevel level;     /* from the outline's code */
  int region;                   /* the situation's region, or -1 */
  int prefecture;               /* the prefecture it is coloured by, or -1 */
  gboolean filled;              /* a prefecture's, or a county's whose prefecture has no outline */
  int klass;                    /* fill class, or -1: the no-data colour */
  gboolean hatch;               /* a county under static management: hatched densely */
  gboolean hatch_light;         /* static management over its prefecture or the province */
  guint first_polygon;
  guint n_polygons;
  double min_x, min_y, max_x, max_y;  /* zoom 0 */
  double label_x, label_y;      /* well inside its largest polygon, zoom 0 */
} MapFeature;

/* A prefecture's badge: where it points, its text, its place at the last draw. */
typedef struct {
  int region;
  int feature;                  /* the outline it names: its label point is the anchor */
  double unit_x, unit_y;        /* the anchor at zoom 0 */
  gboolean has_value;
  double value;
  PangoLayout *name;
  PangoLayout *figure;
  SitroomBadge placed;          /* in drawing pixels, from the last draw() */
} MapBadge;

/* A county mark with its seat at zoom 0. */
typedef struct {
  SitroomCountyMark mark;
  double unit_x, unit_y;
  int feature;                  /* the county's own outline, or -1 */
} MapMark;

typedef struct {
  int region;
  gboolean outside;
  double unit_x, unit_y;
} MapStop;

/* A region's highlighted outline kept as an image over the part of the
 * base the region covers. */
typedef struct {
  cairo_surface_t *surface;
  int region;
  double x, y;                  /* its top-left corner in world pixels */
  guint base;                   /* n_base_renders when it was drawn */
  SitroomStyle style;
} MapKeptOutline;

/* The furniture's and the route's texts. */
typedef struct {
  PangoLayout *legend_title;
  PangoLayout *legend_note;     /* "illustrative", or NULL */
  PangoLayout *classes[SITROOM_CLASSES_MAX];
  PangoLayout *no_data;         /* NULL when every prefecture has a value */
  PangoLayout *marks;           /* NULL when no county has positives */
  PangoLayout *measures;        /* NULL when no county is marked for measures alone */
  PangoLayout *hatching;        /* NULL when no static management is drawn */
  PangoLayout *title;
  PangoLayout *subtitle;
  PangoLayout *credits;
  PangoLayout *scale;           /* the scale bar's label, or NULL */
  char *scale_text;             /* what @scale says */
  GPtrArray *route;             /* a PangoLayout (or NULL inside the province) per stop */
} MapTexts;

struct _SitroomMapRenderer {
  SitroomView *view;
  SitroomBoundaries *boundaries;

  SitroomMapOptions options;    /* strings point at the copies below */
  char *lang;
  char *approval_number;
  char *attribution;

  SitroomClasses classes;
  gboolean any_no_data;         /* a prefecture without a value: the legend shows the no-data swatch */

  /* Projected at zoom 0 (with the GCJ-02 shift when asked), per
   * boundaries; the regions, marks and badges per view. */
  gboolean unit_valid;
  gboolean unit_gcj02;
  gboolean view_valid;
  GArray *features;             /* MapFeature */
  GArray *polygons;             /* MapPolygon */
  GArray *rings;                /* MapRing into unit_points */
  GArray *unit_points;          /* double pairs */
  GArray *unit_kinds;           /* guint8 MAP_EDGE_* of the edge from each point to the next */
  GArray *badges;               /* MapBadge */
  GArray *marks;                /* MapMark */
  GArray *stops;                /* MapStop of the selected chain */
  int stops_chain;              /* the chain @stops belong to, -1 for none, or MAP_STOPS_STALE */

  /* Simplified at one zoom: the rings' points in world pixels. */
  gboolean zoom_valid;
  double zoom;
  double scale;                 /* 2^zoom */
  GArray *zoom_rings;           /* MapRing into zoom_points, parallel to rings */
  GArray *zoom_points;          /* double pairs */
  GArray *zoom_kinds;           /* guint8, parallel to zoom_points' pairs */
  guint n_projections;          /* how often the rings were simplified: panning must not */

  /* The base (background, fills, borders, hatching) drawn once into an
   * image a margin larger than the drawing, and copied while panning. */
  cairo_surface_t *base;
  double base_x, base_y;        /* its top-left corner in world pixels (whole numbers) */
  double base_zoom;
  guint n_base_renders;
  /* The hovered [0] and selected [1] outlines likewise. */
  MapKeptOutline highlights[2];

  /* Text: one context per renderer, updated from each cairo_t drawn into;
   * layouts kept until the data, language, metric or text scale change. */
  PangoContext *pango;
  gboolean texts_valid;
  MapTexts texts;
};

/* Where world pixels (at the projection's zoom) land in what is drawn
 * into: world + (ox, oy); and that drawing's size, to cull against. */
typedef struct {
  double ox;
  double oy;
  double width;
  double height;
} MapFrame;

/* Colours of the map besides the classes', per style. */
typedef struct {
  SitroomColor background;
  SitroomColor outline;         /* the province's */
  SitroomColor border;          /* between prefectures */
  SitroomColor county_border;
  SitroomColor text;
  SitroomColor halo;
  SitroomColor badge;           /* a badge's background */
  SitroomColor badge_border;
  SitroomColor hover;
  SitroomColor selected;
  SitroomColor mark;
  SitroomColor mark_edge;
  SitroomColor route;
  SitroomColor panel;           /* the legend's background */
} MapPalette;

/* sitroom-map-render-project.c: features, zoom-0 and per-zoom caches. */
void     sitroom_map_renderer_ensure_projection (SitroomMapRenderer       *self,
                                                 double                    zoom);
void     sitroom_map_renderer_append_feature    (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const MapFeature         *feature,
                                                 double                    ox,
                                                 double                    oy,
                                                 double                    width,
                                                 double                    height,
                                                 double                    pad);
void     sitroom_map_renderer_append_edges      (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const MapFeature         *feature,
                                                 double                    ox,
                                                 double                    oy,
                                                 double                    width,
                                                 double                    height,
                                                 double                    pad,
                                                 guint8                    kind);

/* sitroom-map-render-shape.c: label points and the kinds of edges. */
void     sitroom_map_label_point                (SitroomMapRenderer       *self,
                                                 const MapFeature         *feature,
                                                 double                   *x,
                                                 double                   *y);
void     sitroom_map_classify_edges             (SitroomMapRenderer       *self);

/* sitroom-map-render.c */
void     sitroom_map_renderer_update_classes    (SitroomMapRenderer       *self);
const MapPalette *sitroom_map_palette           (SitroomStyle              style);
double   sitroom_map_text_scale                 (SitroomMapRenderer       *self);
gboolean sitroom_map_is_chinese                 (SitroomMapRenderer       *self);

/* sitroom-map-render-layers.c: what lies on the map under the badges. */
void     sitroom_map_draw_base                  (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const MapFrame           *frame);
gboolean sitroom_map_base_extents               (SitroomMapRenderer       *self,
                                                 const MapFrame           *frame,
                                                 double                   *x0,
                                                 double                   *y0,
                                                 double                   *x1,
                                                 double                   *y1);
void     sitroom_map_draw_highlight             (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const MapFrame           *frame,
                                                 gboolean                  selected);
gboolean sitroom_map_region_box                 (SitroomMapRenderer       *self,
                                                 int                       region,
                                                 double                   *x0,
                                                 double                   *y0,
                                                 double                   *x1,
                                                 double                   *y1);
void     sitroom_map_draw_marks                 (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const MapFrame           *frame);
double   sitroom_map_mark_radius                (SitroomMapRenderer       *self,
                                                 const SitroomCountyMark  *mark);
double   sitroom_map_mark_extent                (SitroomMapRenderer       *self,
                                                 const SitroomCountyMark  *mark,
                                                 gboolean                  ring);

/* sitroom-map-render-route.c */
void     sitroom_map_draw_route                 (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const MapFrame           *frame);

/* sitroom-map-render-text.c: the texts and the badges. */
void     sitroom_map_text_update                (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr);
void     sitroom_map_text_clear                 (SitroomMapRenderer       *self);
void     sitroom_map_draw_badges                (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const SitroomMapViewport *viewport);
void     sitroom_map_draw_label                 (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 PangoLayout              *layout,
                                                 double                    x,
                                                 double                    y);
PangoLayout *sitroom_map_new_layout             (SitroomMapRenderer       *self,
                                                 double                    pixels,
                                                 gboolean                  bold,
                                                 const char               *text);

/* sitroom-map-render-cache.c: the base kept as an image while panning. */
gboolean sitroom_map_cache_draw                 (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const SitroomMapViewport *viewport);
gboolean sitroom_map_cache_draw_highlight       (SitroomMapRenderer       *self,
                                                 cairo_t                  *cr,
                                                 const SitroomMapViewport *viewport,
                                                 gboolean                  selected);
void     sitroom_map_cache_clear                (SitroomMapRenderer       *self);

/* sitroom-map-render-furniture.c: legend, scale, title, credits. */
void     sitroom_map_furniture_rects            (SitroomMapRenderer       *self,
                                                 const SitroomMapViewport *viewport,
                                                 SitroomMapFurniture       furniture,
                                                 double                   *rects,
                                                 guint                    *n_rects);

/* For the test: the badges as placed by the last draw (MapBadge), the
 * projected, simplified first ring of an outline at the current zoom. */
const GArray *sitroom_map_renderer_get_badges  (SitroomMapRenderer       *self);
const double *sitroom_map_renderer_get_ring    (SitroomMapRenderer       *self,
                                                guint                     boundary,
                                                guint                    *n_points);

G_END_DECLS
