/* The Chains page: the chains on a timeline, their table, and the selected chain's story, cases and places. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-chain-detail.h"
#include "sitroom-context.h"
#include "sitroom-timeline.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CHAINS_VIEW (sitroom_chains_view_get_type ())

G_DECLARE_FINAL_TYPE (SitroomChainsView, sitroom_chains_view, SITROOM, CHAINS_VIEW, GtkWidget)

/* Follows @context: its situation, cutoff and language, and its selected
 * chain, which selecting a row (or a lane of the timeline) sets. The
 * figures are the whole province's whatever prefecture is selected; a
 * region button of the selected chain selects that prefecture and
 * activates "win.show-page" with "map".
 *
 * Properties: "context", "close-days" (guint, the chain-closing rule, also
 * given to the timeline; the window binds it to the "chain-close-days"
 * setting). */
GtkWidget         *sitroom_chains_view_new            (SitroomContext    *context);
SitroomContext    *sitroom_chains_view_get_context    (SitroomChainsView *self);
void               sitroom_chains_view_set_context    (SitroomChainsView *self,
                                                       SitroomContext    *context);
guint              sitroom_chains_view_get_close_days (SitroomChainsView *self);
void               sitroom_chains_view_set_close_days (SitroomChainsView *self,
                                                       guint              close_days);

/* Whether "No Chain Selected" fills the lower half while no chain is
 * selected (property "placeholder-visible", TRUE). Without it the timeline
 * and the table have the whole page until a chain is selected: a wall
 * display, where nobody selects one, asks nobody to. */
gboolean           sitroom_chains_view_get_placeholder_visible (SitroomChainsView *self);
void               sitroom_chains_view_set_placeholder_visible (SitroomChainsView *self,
                                                                gboolean           visible);

/* The parts, for the tests: the table of chains (items SitroomChainRow),
 * the selected chain's detail and the timeline. */
GtkColumnView      *sitroom_chains_view_get_chain_table (SitroomChainsView *self);
SitroomChainDetail *sitroom_chains_view_get_detail      (SitroomChainsView *self);
SitroomTimeline    *sitroom_chains_view_get_timeline    (SitroomChainsView *self);

G_END_DECLS
