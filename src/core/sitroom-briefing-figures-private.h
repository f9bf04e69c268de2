/* The briefing figures' insides, shared by their files: the set, making one, adding to it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-briefing-figures.h"

G_BEGIN_DECLS

struct _SitroomBriefingFigures
{
  grefcount ref_count;
  gint64 cutoff;
  GArray *figures;          /* SitroomBriefingFigure */
  GHashTable *by_key;       /* key (owned by the figure) -> index + 1 */
};

/* In sitroom-briefing-figures.c, for sitroom-briefing-figures-json.c. */

/* An empty set at @cutoff, with one reference. */
SitroomBriefingFigures *sitroom_briefing_figures_new_empty (gint64                  cutoff);
/* Takes the strings, and frees them and returns FALSE when the key is there already. */
gboolean                sitroom_briefing_figures_add       (SitroomBriefingFigures *self,
                                                            char                   *key,
                                                            gint64                  value,
                                                            char                   *label_zh,
                                                            char                   *label_en);

G_END_DECLS
