/* The map, drawn with cairo for the screen and the exports alike: regions by a metric, marks, a chain's route, badges, legend. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sitroom-boundaries.h"
#include "sitroom-classes.h"
#include "sitroom-metric.h"
#include "sitroom-view.h"

G_BEGIN_DECLS

/* What part of the world is drawn, and how large: world pixels of
 * sitroom_geo_project() at @zoom, the point at the middle of the drawing,
 * and the drawing's size in pixels. */
typedef struct {
  double zoom;
  double center_x;
  double center_y;
  double width;
  double height;
} SitroomMapViewport;

/* The map's furniture, drawn at the edges over the overlay. */
typedef enum {
  SITROOM_MAP_LEGEND      = 1 << 0,  /* the metric's classes, bottom left */
  SITROOM_MAP_SCALE       = 1 << 1,  /* a scale bar, bottom right */
  SITROOM_MAP_TITLE       = 1 << 2,  /* title with the cutoff and source, top left (exports) */
  SITROOM_MAP_CREDITS     = 1 << 3,  /* approval number, boundary origin, tile attribution, "approximate outlines" */
} SitroomMapFurniture;

typedef struct {
  SitroomMetric metric;
  SitroomStyle style;
  const char *lang;             /* "zh" or "en": names, legend, badges */
  int selected_region;          /* a prefecture's region index, or -1 */
  int hover_region;             /* likewise */
  int selected_chain;           /* a chain index whose route is drawn, or -1 */
  gboolean tiles;               /* tiles are drawn below: translucent fills, no background */
  gboolean gcj02;               /* the tiles are GCJ-02: shift everything of ours to match */
  const char *approval_number;  /* 审图号 to show, or NULL */
  const char *attribution;      /* the tiles' attribution, or NULL */
  double text_scale;            /* 1 on a desk; larger on a wall */
  SitroomMapFurniture furniture; /* what draw_furniture() will be asked for: badges keep clear of it */
} SitroomMapOptions;

typedef struct _SitroomMapRenderer SitroomMapRenderer;

SitroomMapRenderer *sitroom_map_renderer_new          (void);
void                sitroom_map_renderer_free         (SitroomMapRenderer       *self);

/* A new view: new classes, marks and badges; the projected outlines are
 * kept while @boundaries is the same object. New boundaries drop them. */
void                sitroom_map_renderer_set_data     (SitroomMapRenderer       *self,
                                                       SitroomView              *view,
                                                       SitroomBoundaries        *boundaries);
/* Copies @options (strings included). A new metric recomputes the classes;
 * a change of gcj02 drops the cached paths. */
void                sitroom_map_renderer_set_options  (SitroomMapRenderer       *self,
                                                       const SitroomMapOptions  *options);

/* Draws the regions (filled by class, borders, the province's outline),
 * names, county marks, hatching for measures in force, the selected
 * chain's route with its origins outside the province as labelled arrows
 * from the edge, and the badges, into (0, 0, width, height) of @cr. Paths
 * are projected once per zoom and data and reused while panning. Into
 * pixels at one to one (an image, the screen) the regions are kept as an
 * image a margin larger than the drawing and copied while panning; into
 * an SVG, PDF or PostScript surface, or through a scaled context, every
 * path is drawn. Badges keep clear of options.furniture. */
void                sitroom_map_renderer_draw         (SitroomMapRenderer       *self,
                                                       cairo_t                  *cr,
                                                       const SitroomMapViewport *viewport);
/* Draws what @furniture asks for over the map. A piece that lies wholly
 * outside @cr's clip is skipped. */
void                sitroom_map_renderer_draw_furniture (SitroomMapRenderer     *self,
                                                         cairo_t                *cr,
                                                         const SitroomMapViewport *viewport,
                                                         SitroomMapFurniture     furniture);

/* What draw() draws, bottom to top, for a screen that puts the parts
 * together itself, each over no more than the box it covers. */
typedef enum {
  SITROOM_MAP_PART_BASE    = 1 << 0,  /* background (without tiles), fills, borders, hatching */
  SITROOM_MAP_PART_OVERLAY = 1 << 1,  /* highlighted outlines, county marks, the route, badges */
} SitroomMapParts;

/* Draws @parts as draw() would: draw() is draw_parts() with both. */
void                sitroom_map_renderer_draw_parts   (SitroomMapRenderer       *self,
                                                       cairo_t                  *cr,
                                                       const SitroomMapViewport *viewport,
                                                       SitroomMapParts           parts);
/* The box of the drawing, in whole pixels, outside which the base leaves
 * every pixel untouched; FALSE when it draws nothing in the drawing. */
gboolean            sitroom_map_renderer_get_base_box (SitroomMapRenderer       *self,
                                                       const SitroomMapViewport *viewport,
                                                       cairo_rectangle_int_t    *box);
/* The box, in whole pixels, that @piece (one flag of @furniture) covers
 * when draw_furniture() draws @furniture with the texts laid out by the
 * last drawing; FALSE when it is not drawn. */
gboolean            sitroom_map_renderer_get_furniture_box (SitroomMapRenderer       *self,
                                                            const SitroomMapViewport *viewport,
                                                            SitroomMapFurniture       furniture,
                                                            SitroomMapFurniture       piece,
                                                            cairo_rectangle_int_t    *box);

/* The prefecture (its region index) at (x, y) of the drawing, or -1; and
 * likewise a marked county within a few pixels of its mark. */
int                 sitroom_map_renderer_region_at    (SitroomMapRenderer       *self,
                                                       const SitroomMapViewport *viewport,
                                                       double                    x,
                                                       double                    y);

const SitroomClasses *sitroom_map_renderer_get_classes (SitroomMapRenderer      *self);

/* The viewport that shows the whole of @boundaries in @width × @height,
 * with @margin pixels free around it, at a zoom between @min_zoom and
 * @max_zoom. */
void                sitroom_map_viewport_fit          (SitroomBoundaries        *boundaries,
                                                       double                    width,
                                                       double                    height,
                                                       double                    margin,
                                                       double                    min_zoom,
                                                       double                    max_zoom,
                                                       SitroomMapViewport       *viewport);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomMapRenderer, sitroom_map_renderer_free)

G_END_DECLS
