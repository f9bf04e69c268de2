/* Helpers the widget tests share: finding what a window shows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-widgets.h"

GtkWidget *
sitroom_test_find_widget (GtkWidget     *root,
                          gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                          gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sitroom_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}
