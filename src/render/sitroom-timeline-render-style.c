/* The timeline's colours in the light and dark styles: ground, text, marks, and the colour-blind-safe sets for cases and measures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-timeline-render-private.h"

static const TimelinePalette light_palette = {
  .lane       = SITROOM_LANE_COLORS_LIGHT,
  .background = { 0xf6 / 255.f, 0xf5 / 255.f, 0xf4 / 255.f, 1 },
  .panel      = { 1, 1, 1, 1 },
  .mark       = { 0x3d / 255.f, 0x38 / 255.f, 0x46 / 255.f, 1 },
  .history    = { 0x9a / 255.f, 0x99 / 255.f, 0x96 / 255.f, 1 },
};

static const TimelinePalette dark_palette = {
  .lane       = SITROOM_LANE_COLORS_DARK,
  .background = { 0x1e / 255.f, 0x1e / 255.f, 0x1e / 255.f, 1 },
  .panel      = { 0x24 / 255.f, 0x24 / 255.f, 0x24 / 255.f, 1 },
  .mark       = { 0xde / 255.f, 0xdd / 255.f, 0xda / 255.f, 1 },
  .history    = { 0x77 / 255.f, 0x76 / 255.f, 0x7b / 255.f, 1 },
};

/* Cases by classification, from the Okabe–Ito set (safe for the common
 * colour-vision deficiencies) with Paul Tol's wine for the critical on a
 * light background, where Okabe–Ito's reddish purple is too pale. They
 * run cool to hot with severity: blue, orange, vermillion, wine/purple.
 * Asymptomatic is bluish green and hollow, so that it differs by shape as
 * well as hue. On the dark background the lighter blue and purple keep
 * their contrast. */
static const guint32 case_colors[2][SITROOM_N_CLASSES] = {
  [SITROOM_STYLE_LIGHT] = { 0x0072b2, 0xe69f00, 0xd55e00, 0x882255, 0x009e73 },
  [SITROOM_STYLE_DARK]  = { 0x56b4e9, 0xe69f00, 0xd55e00, 0xcc79a7, 0x009e73 },
};

/* Measures by kind, from Paul Tol's "light" set, made to carry dark text
 * and to stay apart for colour-blind readers: static management orange,
 * traffic control blue, mass testing mint, lifted pear, other grey. */
static const guint32 measure_colors[SITROOM_N_MEASURE_KINDS] = {
  0xee8866, 0x77aadd, 0x44bb99, 0xbbcc33, 0xdddddd,
};

void
sitroom_timeline_case_color (SitroomClassification classification,
                             SitroomStyle          style,
                             SitroomColor         *color)
{
  g_return_if_fail (classification < SITROOM_N_CLASSES);
  g_return_if_fail (color != NULL);

  *color = sitroom_chart_rgb (case_colors[style == SITROOM_STYLE_DARK][classification]);
}

void
sitroom_timeline_event_color (SitroomStyle  style,
                              SitroomColor *color)
{
  g_return_if_fail (color != NULL);

  *color = sitroom_timeline_palette (style)->mark;
}

void
sitroom_timeline_measure_color (SitroomMeasureKind kind,
                                SitroomStyle       style,
                                SitroomColor      *color)
{
  g_return_if_fail (kind < SITROOM_N_MEASURE_KINDS);
  g_return_if_fail (color != NULL);

  /* Pale enough for dark text in either style. */
  *color = sitroom_chart_rgb (measure_colors[kind]);
}

const TimelinePalette *
sitroom_timeline_palette (SitroomStyle style)
{
  return style == SITROOM_STYLE_DARK ? &dark_palette : &light_palette;
}
