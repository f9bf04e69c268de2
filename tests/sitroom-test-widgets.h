/* Helpers the widget tests share: finding what a window shows, pressing its shortcuts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget under @root (itself included, depth first) that @match accepts. */
GtkWidget *sitroom_test_find_widget (GtkWidget     *root,
                                     gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                                     gconstpointer  data);

/* Activates the shortcut of @widget (a window) for Ctrl+@keyval, as a key
 * press would; fails the test when it has none. */
void       sitroom_test_press_ctrl  (GtkWidget     *widget,
                                     guint          keyval);

G_END_DECLS
