/* Helpers the core and render tests share: the demo and other documents loaded, times parsed, regions, chains, measures and forecast rows looked up. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-forecast.h"
#include "sitroom-situation.h"
#include "sitroom-view.h"

G_BEGIN_DECLS

/* Each of these fails the test rather than return nothing: a test that
 * cannot load its document or find its region has nothing to check. */

/* The built-in demo, a new reference. */
SitroomSituation *sitroom_test_demo_load         (void);
/* The demo with the case @case_id taken out, as a feed corrects a figure
 * it had given. */
SitroomSituation *sitroom_test_demo_load_without (const char       *case_id);
/* tests/fixtures/@name, read from the source tree. */
SitroomSituation *sitroom_test_demo_load_fixture (const char       *name);
/* A document written in the test itself. */
SitroomSituation *sitroom_test_demo_parse        (const char       *document);

/* Appends to @document the elements of a "cases" array: @n_cases mild
 * cases in hospital in Taiyuan, of the chain "x", with the ids k0, k1…,
 * reported @step seconds apart from @first. */
void              sitroom_test_demo_append_cases (GString          *document,
                                                  guint             n_cases,
                                                  gint64            first,
                                                  gint64            step);

/* The UTC time of an RFC 3339 @text. */
gint64            sitroom_test_demo_at           (const char       *text);
/* @situation at @cutoff (its as_of when NULL), no region or chain chosen. */
SitroomView      *sitroom_test_demo_view_at      (SitroomSituation *situation,
                                                  const char       *cutoff);

/* The index of the region with @code. */
int               sitroom_test_demo_region       (SitroomSituation *situation,
                                                  const char       *code);
/* The index of the chain with @id. */
int               sitroom_test_demo_chain        (SitroomSituation *situation,
                                                  const char       *id);
/* The index of the measure with @id. */
int               sitroom_test_demo_measure      (SitroomSituation *situation,
                                                  const char       *id);
/* The row of @forecast for the prefecture with @code. */
const SitroomPrefectureForecast *
                  sitroom_test_demo_forecast_row (SitroomForecast  *forecast,
                                                  const char       *code);

G_END_DECLS
