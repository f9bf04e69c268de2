/* The Overview page: headline figures, the briefing paragraph, prefectures, chains and measures at the cutoff. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_OVERVIEW (sitroom_overview_get_type ())

G_DECLARE_FINAL_TYPE (SitroomOverview, sitroom_overview, SITROOM, OVERVIEW, GtkWidget)

SitroomContext *sitroom_overview_get_context (SitroomOverview *self);
void            sitroom_overview_set_context (SitroomOverview *self,
                                              SitroomContext  *context);

G_END_DECLS
