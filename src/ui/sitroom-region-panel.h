/* The panel beside the map about one prefecture: its figures, the chains that reach it, its sites and measures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_REGION_PANEL (sitroom_region_panel_get_type ())

G_DECLARE_FINAL_TYPE (SitroomRegionPanel, sitroom_region_panel, SITROOM, REGION_PANEL, GtkWidget)

/* The context whose chain a click on a chain selects, and whose prefecture
 * the close button clears. */
SitroomContext *sitroom_region_panel_get_context (SitroomRegionPanel *self);
void            sitroom_region_panel_set_context (SitroomRegionPanel *self,
                                                  SitroomContext     *context);

/* Shows the prefecture with region index @region as @view has it, names in
 * @lang. @view is the whole province's (no prefecture or chain filter): the
 * panel's figures are the prefecture's own, whatever else is selected. */
void            sitroom_region_panel_show_region (SitroomRegionPanel *self,
                                                  SitroomView        *view,
                                                  int                 region,
                                                  const char         *lang);
/* The region index shown, or -1 before the first. */
int             sitroom_region_panel_get_region  (SitroomRegionPanel *self);

G_END_DECLS
