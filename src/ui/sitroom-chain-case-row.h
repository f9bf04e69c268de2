/* One row of a chain's cases table: a case, as properties the columns show and sort by. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sitroom-situation.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CHAIN_CASE_ROW (sitroom_chain_case_row_get_type ())

G_DECLARE_FINAL_TYPE (SitroomChainCaseRow, sitroom_chain_case_row, SITROOM, CHAIN_CASE_ROW, GObject)

/* An immutable snapshot of case @kase (an index into @situation's cases),
 * written in @lang. The "*-text" properties are what the table shows;
 * "id", "reported", "region" (its name), "severity" (asymptomatic 0, then
 * mild to critical) and "status" (the enumeration's order) are what it
 * sorts by. */
SitroomChainCaseRow *sitroom_chain_case_row_new (SitroomSituation *situation,
                                                 int               kase,
                                                 const char       *lang);

const char *sitroom_chain_case_row_get_id     (SitroomChainCaseRow *self);
const char *sitroom_chain_case_row_get_region (SitroomChainCaseRow *self);

/* "Mild", "Asymptomatic", …; "Hospitalized", "Recovered", …: translated. */
const char *sitroom_chain_case_row_classification_name (SitroomClassification classification);
const char *sitroom_chain_case_row_status_name         (SitroomStatus         status);

G_END_DECLS
