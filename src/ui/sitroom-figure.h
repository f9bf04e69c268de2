/* A card with one headline figure: the number in large type, its caption, and a detail line. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SITROOM_TYPE_FIGURE (sitroom_figure_get_type ())

G_DECLARE_FINAL_TYPE (SitroomFigure, sitroom_figure, SITROOM, FIGURE, GtkWidget)

const char *sitroom_figure_get_title  (SitroomFigure *self);
void        sitroom_figure_set_title  (SitroomFigure *self,
                                       const char    *title);
const char *sitroom_figure_get_value  (SitroomFigure *self);
void        sitroom_figure_set_value  (SitroomFigure *self,
                                       const char    *value);
/* Hidden when NULL or empty. */
const char *sitroom_figure_get_detail (SitroomFigure *self);
void        sitroom_figure_set_detail (SitroomFigure *self,
                                       const char    *detail);

G_END_DECLS
