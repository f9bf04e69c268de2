/* One chain in full on the Chains page: its status, figures, places outside the province, prefectures, measures, story and cases. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-chain-story.h"
#include "sitroom-view.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CHAIN_DETAIL (sitroom_chain_detail_get_type ())

G_DECLARE_FINAL_TYPE (SitroomChainDetail, sitroom_chain_detail, SITROOM, CHAIN_DETAIL, GtkWidget)

/* Signals: "show-region" (int region index of a prefecture), when the
 * button of a prefecture the chain reached, or of a measure's region (its
 * prefecture), is clicked. */
GtkWidget         *sitroom_chain_detail_new            (void);

/* Shows chain @chain of @view in @lang, its status under the @close_days
 * rule; a NULL @view or a @chain of -1 empties it. */
void               sitroom_chain_detail_show_chain     (SitroomChainDetail *self,
                                                        SitroomView        *view,
                                                        int                 chain,
                                                        const char         *lang,
                                                        guint               close_days);

SitroomChainStory *sitroom_chain_detail_get_story      (SitroomChainDetail *self);
/* The chain's cases (items SitroomChainCaseRow), sorted by the column
 * headers clicked. */
GtkColumnView     *sitroom_chain_detail_get_case_table (SitroomChainDetail *self);
/* The measures that concern the chain (sitroom_measures_for_chain()), a
 * row each. */
GtkListBox        *sitroom_chain_detail_get_measure_list (SitroomChainDetail *self);

G_END_DECLS
