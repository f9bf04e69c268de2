/* Helpers the widget tests share: finding what a window shows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget under @root (itself included, depth first) that @match accepts. */
GtkWidget *sitroom_test_find_widget (GtkWidget     *root,
                                     gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                                     gconstpointer  data);

G_END_DECLS
