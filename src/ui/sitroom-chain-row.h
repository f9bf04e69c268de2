/* One row of the chains table: a chain's figures and status at a cutoff, as properties the columns show and sort by. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-chains.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CHAIN_ROW (sitroom_chain_row_get_type ())

G_DECLARE_FINAL_TYPE (SitroomChainRow, sitroom_chain_row, SITROOM, CHAIN_ROW, GObject)

/* An immutable snapshot of chain @chain in @view, written in @lang, its
 * status under the @close_days rule: a new view makes new rows. The
 * "*-text" properties are what the table shows ("—" for a figure the
 * document does not give); the others are what it sorts by. */
SitroomChainRow    *sitroom_chain_row_new (SitroomView *view,
                                           int          chain,
                                           const char  *lang,
                                           guint        close_days);

int                 sitroom_chain_row_get_chain     (SitroomChainRow *self);
SitroomChainStatus  sitroom_chain_row_get_status    (SitroomChainRow *self);
guint               sitroom_chain_row_get_positives (SitroomChainRow *self);

/* "Active", "Closed", "Not started", translated. */
const char         *sitroom_chain_row_status_name   (SitroomChainStatus status);
/* The closing rule in a sentence, for a tooltip. */
char               *sitroom_chain_row_describe_rule (guint              close_days);
/* Gives @widget the style class of @status ("chain-active", …) and drops
 * the others. */
void                sitroom_chain_row_set_status_class (GtkWidget         *widget,
                                                        SitroomChainStatus status);

G_END_DECLS
