/* The Briefing page's history: each figure's change since the last briefing issued, and the revision log of issued briefings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-briefing-view-private.h"
#include "sitroom-format.h"

/* The columns of the table "since the last briefing". */
typedef enum {
  COLUMN_FIGURE,
  COLUMN_NOW,
  COLUMN_BEFORE,
  COLUMN_CHANGE,
} Column;

/* "+3", "−1", "0": a change as a briefing says it. */
static char *
format_change (gint64 change)
{
  g_autofree char *count = sitroom_format_count (change < 0 ? -change : change);

  if (change == 0)
    return g_steal_pointer (&count);
  return g_strconcat (change > 0 ? "+" : "−", count, NULL);
}

/* The table's cells: labels, figures right-aligned. */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_FIGURE ? 0 : 1);
  if (column == COLUMN_FIGURE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  SitroomBriefingView *self = user_data;
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const SitroomFigureChange *change = g_hash_table_lookup (self->changes_by_key, key);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (change == NULL)
    return;
  switch (column)
    {
    case COLUMN_FIGURE:
      text = g_strdup (_sitroom_briefing_view_change_label (self, change));
      break;
    case COLUMN_NOW:
      text = change->in_after ? sitroom_format_count (change->after) : g_strdup ("—");
      break;
    case COLUMN_BEFORE:
      text = change->in_before ? sitroom_format_count (change->before) : g_strdup ("—");
      break;
    case COLUMN_CHANGE:
    default:
      text = format_change (change->change);
      break;
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), column == COLUMN_FIGURE ? text : NULL);
}

/* The table's cells, and its rows: the keys of the figures it shows. */
void
_sitroom_briefing_view_init_history (SitroomBriefingView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->since_table);
  g_autoptr(GtkNoSelection) selection = NULL;

  /* The template's columns are in Column's order. */
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      gtk_column_view_column_set_factory (column, factory);
    }
  self->since_keys = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->since_keys)));
  gtk_column_view_set_model (self->since_table, GTK_SELECTION_MODEL (selection));
}

/* "Since the last briefing": the latest issued at an earlier cutoff, and
 * each figure's change since. */
void
_sitroom_briefing_view_update_since (SitroomBriefingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  SitroomBriefingStore *store = NULL;
  const char *lang = _sitroom_briefing_view_get_lang (self);
  g_autofree char *message = NULL;

  if (self->view != NULL)
    store = _sitroom_briefing_view_ensure_store (self, FALSE, &error);

  g_clear_pointer (&self->last, sitroom_issued_briefing_free);
  g_clear_pointer (&self->changes, g_array_unref);
  g_hash_table_remove_all (self->changes_by_key);

  if (store != NULL)
    self->last = sitroom_briefing_store_get_latest_before (store, _sitroom_briefing_view_get_source (self),
                                                           sitroom_view_get_cutoff (self->view), &error);
  if (self->last != NULL)
    {
      g_autofree char *cutoff = sitroom_format_time (self->last->cutoff, lang);
      g_autofree char *issued = sitroom_format_time (self->last->issued_at / G_USEC_PER_SEC, lang);

      self->changes = sitroom_briefing_figures_compare (self->last->figures, self->figures);
      for (guint i = 0; i < self->changes->len; i++)
        {
          SitroomFigureChange *change = &g_array_index (self->changes, SitroomFigureChange, i);

          g_hash_table_insert (self->changes_by_key, change->key, change);
          /* Most figures of a briefing stay as they were: unless asked, only
           * those that moved. */
          if (change->change != 0 || change->in_before != change->in_after ||
              gtk_check_button_get_active (self->unchanged_check))
            g_ptr_array_add (keys, change->key);
        }
      /* TRANSLATORS: the cutoff of the last briefing, then when it was issued. */
      message = g_strdup_printf (_("Compared with the briefing as of %s, issued %s."), cutoff, issued);
    }
  else if (error != NULL)
    message = g_strdup_printf (_("The issued briefings cannot be read: %s"), error->message);
  else
    message = g_strdup (_("No briefing was issued at an earlier cutoff."));

  g_ptr_array_add (keys, NULL);
  gtk_string_list_splice (self->since_keys, 0, g_list_model_get_n_items (G_LIST_MODEL (self->since_keys)),
                          (const char * const *) keys->pdata);
  gtk_label_set_text (self->since_label, message);
  gtk_widget_set_visible (self->since_frame, keys->len > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->unchanged_check), self->changes != NULL);
}

static void
unchanged_toggled_cb (SitroomBriefingView *self)
{
  _sitroom_briefing_view_update_since (self);
}

static GtkWidget *
erratum_row (SitroomBriefingView         *self,
             const SitroomBriefingErratum *erratum,
             const SitroomFigureChange   *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *cutoff = sitroom_format_time (erratum->briefing->cutoff,
                                                 _sitroom_briefing_view_get_lang (self));
  g_autofree char *said = sitroom_format_count (change->before);
  g_autofree char *now = change->in_after ? sitroom_format_count (change->after) : g_strdup ("—");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: the cutoff of an issued briefing, then the figure it stated. */
  title = g_strdup_printf (_("Briefing as of %s: %s"), cutoff,
                           _sitroom_briefing_view_change_label (self, change));
  /* TRANSLATORS: what an issued briefing said, and what the feed gives now. */
  subtitle = g_strdup_printf (_("Said %s, the feed now says %s"), said, now);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

void
_sitroom_briefing_view_show_errata (SitroomBriefingView *self)
{
  GtkWidget *child;
  guint n_rows = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->errata_list))) != NULL)
    gtk_list_box_remove (self->errata_list, child);

  for (guint i = 0; self->errata != NULL && i < self->errata->len; i++)
    {
      const SitroomBriefingErratum *erratum = g_ptr_array_index (self->errata, i);

      for (guint j = 0; j < erratum->changes->len; j++, n_rows++)
        gtk_list_box_append (self->errata_list,
                             erratum_row (self, erratum, &g_array_index (erratum->changes, SitroomFigureChange, j)));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->errata_list), n_rows > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->errata_label), n_rows == 0);
  gtk_label_set_text (self->errata_label, self->errata == NULL ? _("Looking for corrections…")
                                          : _("The feed has changed no figure of an issued briefing."));
}

static void
errata_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errata = sitroom_briefing_store_find_errata_finish (SITROOM_BRIEFING_STORE (object),
                                                                           result, &error);
  SitroomBriefingView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SITROOM_BRIEFING_VIEW (user_data);
  self->errata = errata != NULL ? g_steal_pointer (&errata) : g_ptr_array_new ();
  _sitroom_briefing_view_show_errata (self);
  if (error != NULL)
    gtk_label_set_text (self->errata_label, error->message);
}

/* The revision log again, in a worker: a view of the whole document at each
 * issued briefing's cutoff takes time on a large one. */
void
_sitroom_briefing_view_find_errata (SitroomBriefingView *self)
{
  SitroomSituation *situation = self->context != NULL ? sitroom_context_get_situation (self->context) : NULL;
  SitroomBriefingStore *store = NULL;

  g_cancellable_cancel (self->errata_cancellable);
  g_clear_object (&self->errata_cancellable);
  g_clear_pointer (&self->errata, g_ptr_array_unref);

  if (situation != NULL)
    store = _sitroom_briefing_view_ensure_store (self, FALSE, NULL);
  if (store == NULL)
    self->errata = g_ptr_array_new ();
  else
    {
      /* The callback is given the page without a reference: it is only
       * called uncancelled while the page lives, as dispose cancels. */
      self->errata_cancellable = g_cancellable_new ();
      sitroom_briefing_store_find_errata_async (store, _sitroom_briefing_view_get_source (self), situation,
                                                self->errata_cancellable, errata_found_cb, self);
    }
  _sitroom_briefing_view_show_errata (self);
}

void
_sitroom_briefing_view_class_init_history (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, unchanged_toggled_cb);
}
