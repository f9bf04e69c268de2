/* A chain's story on screen: its events and its days of new cases in time order, scrolled to an event on request. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-view.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CHAIN_STORY (sitroom_chain_story_get_type ())

G_DECLARE_FINAL_TYPE (SitroomChainStory, sitroom_chain_story, SITROOM, CHAIN_STORY, GtkWidget)

GtkWidget *sitroom_chain_story_new                (void);

/* Tells the story of @chain in @view (sitroom_chain_get_story()), in
 * @lang; a NULL @view or a @chain of -1 empties it. */
void       sitroom_chain_story_set_chain          (SitroomChainStory *self,
                                                   SitroomView       *view,
                                                   int                chain,
                                                   const char        *lang);
guint      sitroom_chain_story_get_n_lines        (SitroomChainStory *self);

/* Selects the line of @event (an index into the chain's events) and
 * scrolls it into the middle of the view once it is laid out. FALSE when
 * the story has no such line (the event is after the cutoff). */
gboolean   sitroom_chain_story_show_event         (SitroomChainStory *self,
                                                   int                event);
/* The event of the selected line, -1 for none or a line of cases. */
int        sitroom_chain_story_get_selected_event (SitroomChainStory *self);

G_END_DECLS
