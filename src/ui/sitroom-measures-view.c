/* The measures page: every measure begun by the cutoff (and those scheduled), where, since when, how long so far, as a sortable list and as spans on a time axis. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-measure-row.h"
#include "sitroom-measures-chart.h"
#include "sitroom-measures-view.h"

/* The filter's choices, in the order of its drop-down. */
typedef enum {
  SHOW_ALL,
  SHOW_IN_FORCE,
  SHOW_ENDED,
} Show;

struct _SitroomMeasuresView
{
  GtkWidget parent_instance;

  SitroomContext *context;
  /* What the rows were written for: a new view that changes none of
   * these (a chain selected) leaves them. */
  SitroomSituation *situation;
  gint64 cutoff;
  int prefecture;
  const char *lang;

  GListStore *rows;             /* SitroomMeasureRow, in sitroom_measures_list() order */
  GtkFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  Show show;

  GtkWidget *box;               /* the template's child, unparented by dispose_template() */
  GtkWidget *toolbar;
  GtkDropDown *filter_dropdown;
  GtkWidget *narrow_box;
  GtkLabel *narrow_label;
  GtkLabel *count_label;
  GtkWidget *illustrative_note;
  GtkStack *stack;
  SitroomMeasuresChart *chart;
  GtkColumnView *table;
  GtkColumnViewColumn *columns[SITROOM_N_MEASURE_CELLS];
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (SitroomMeasuresView, sitroom_measures_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  SitroomMeasuresView *self = user_data;
  SitroomMeasureRow *row = item;

  switch (self->show)
    {
    case SHOW_IN_FORCE:
      return sitroom_measure_row_get_state (row)->status == SITROOM_MEASURE_IN_FORCE;
    case SHOW_ENDED:
      return sitroom_measure_row_get_state (row)->status == SITROOM_MEASURE_ENDED;
    case SHOW_ALL:
    default:
      return TRUE;
    }
}

static const char *
get_lang (SitroomMeasuresView *self)
{
  return self->context != NULL ? sitroom_context_get_lang (self->context) : "en";
}

/* The row's place in the table as it is sorted now. */
static guint
find_position (SitroomMeasuresView *self,
               int                  measure)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; measure >= 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SitroomMeasureRow) row = g_list_model_get_item (model, i);

      if (sitroom_measure_row_get_state (row)->measure == measure)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The chart shows what the table lists, and outlines its selection. */
static void
update_shown (SitroomMeasuresView *self)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree int *measures = g_new (int, MAX (n_shown, 1));
  g_autofree char *count = NULL;
  SitroomView *view = self->context != NULL ? sitroom_context_get_view (self->context) : NULL;
  SitroomMeasureRow *selected = gtk_single_selection_get_selected_item (self->selection);

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(SitroomMeasureRow) row = g_list_model_get_item (shown, i);

      measures[i] = sitroom_measure_row_get_state (row)->measure;
    }
  sitroom_measures_chart_set_data (self->chart, view, measures, n_shown);
  sitroom_measures_chart_set_selected_measure (self->chart, selected != NULL ? sitroom_measure_row_get_state (selected)->measure : -1);

  count = g_strdup_printf (ngettext ("%u measure", "%u measures", n_shown), n_shown);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (self->toolbar, self->situation != NULL);

  if (self->situation == NULL)
    adw_status_page_set_description (self->empty_page, _("No document has been loaded yet."));
  else if (n_rows == 0 && self->prefecture >= 0)
    adw_status_page_set_description (self->empty_page, _("No measure concerns this prefecture by the cutoff."));
  else if (n_rows == 0)
    adw_status_page_set_description (self->empty_page, _("The document lists no measures by the cutoff."));
  else
    adw_status_page_set_description (self->empty_page, self->show == SHOW_IN_FORCE
                                                       ? _("None is in force at the cutoff. Choose “All Measures” to see every one.")
                                                       : _("None has ended by the cutoff. Choose “All Measures” to see every one."));
  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "measures" : "empty");
}

static void
update_narrowing (SitroomMeasuresView *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->narrow_box, self->situation != NULL && self->prefecture >= 0);
  if (self->situation == NULL || self->prefecture < 0)
    return;
  /* Translators: %s is a prefecture; a "Show All" button follows. */
  text = g_strdup_printf (_("Showing measures of %s —"),
                          sitroom_format_region (self->situation, self->prefecture, get_lang (self)));
  gtk_label_set_label (self->narrow_label, text);
}

static gboolean
is_illustrative (SitroomSituation *situation)
{
  const char * const *sections = situation != NULL ? sitroom_situation_get_illustrative (situation) : NULL;

  for (guint i = 0; sections != NULL && sections[i] != NULL; i++)
    if (g_str_has_prefix (sections[i], "measures"))
      return TRUE;
  return FALSE;
}

static void
rebuild (SitroomMeasuresView *self)
{
  SitroomView *view = self->context != NULL ? sitroom_context_get_view (self->context) : NULL;
  g_autoptr(GArray) list = view != NULL ? sitroom_measures_list (view, TRUE) : NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  SitroomMeasureRow *selected = gtk_single_selection_get_selected_item (self->selection);
  int keep = selected != NULL && view != NULL && sitroom_view_get_situation (view) == self->situation
             ? sitroom_measure_row_get_state (selected)->measure : -1;

  self->situation = view != NULL ? sitroom_view_get_situation (view) : NULL;
  self->cutoff = view != NULL ? sitroom_view_get_cutoff (view) : SITROOM_TIME_NONE;
  self->prefecture = view != NULL ? sitroom_view_get_prefecture_filter (view) : -1;
  self->lang = get_lang (self);

  for (guint i = 0; list != NULL && i < list->len; i++)
    g_ptr_array_add (rows, sitroom_measure_row_new (view, &g_array_index (list, SitroomMeasureState, i), i,
                                                    self->lang));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), rows->pdata, rows->len);
  gtk_single_selection_set_selected (self->selection, find_position (self, keep));

  gtk_widget_set_visible (self->illustrative_note, is_illustrative (self->situation));
  sitroom_measures_chart_set_lang (self->chart, self->lang);
  update_narrowing (self);
  update_shown (self);
}

static void
view_changed_cb (SitroomMeasuresView *self)
{
  SitroomView *view = sitroom_context_get_view (self->context);

  if (view == NULL ? self->situation == NULL
                   : sitroom_view_get_situation (view) == self->situation &&
                     sitroom_view_get_cutoff (view) == self->cutoff &&
                     sitroom_view_get_prefecture_filter (view) == self->prefecture)
    return;
  rebuild (self);
}

static void
lang_changed_cb (SitroomMeasuresView *self)
{
  if (g_strcmp0 (get_lang (self), self->lang) != 0)
    rebuild (self);
}

static void
filter_changed_cb (SitroomMeasuresView *self)
{
  Show show = (Show) gtk_drop_down_get_selected (self->filter_dropdown);

  if (show == self->show)
    return;
  self->show = show;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
}

static void
selection_changed_cb (SitroomMeasuresView *self)
{
  SitroomMeasureRow *row = gtk_single_selection_get_selected_item (self->selection);

  sitroom_measures_chart_set_selected_measure (self->chart, row != NULL ? sitroom_measure_row_get_state (row)->measure : -1);
}

static void
show_all_cb (SitroomMeasuresView *self)
{
  if (self->context != NULL)
    sitroom_context_set_selected_prefecture (self->context, -1);
}

static void
table_activate_cb (SitroomMeasuresView *self,
                   guint                position)
{
  g_autoptr(SitroomMeasureRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL && self->context != NULL)
    sitroom_context_set_selected_prefecture (self->context, sitroom_measure_row_get_prefecture (row));
}

/* A span clicked on the chart: its row selected and brought into sight. */
static void
chart_measure_activated_cb (SitroomMeasuresView *self,
                            int                  measure)
{
  guint position = find_position (self, measure);
  GtkWidget *child;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->table)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
sitroom_measures_view_dispose (GObject *object)
{
  SitroomMeasuresView *self = SITROOM_MEASURES_VIEW (object);

  sitroom_measures_view_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_MEASURES_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (sitroom_measures_view_parent_class)->dispose (object);
}

static void
sitroom_measures_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SitroomMeasuresView *self = SITROOM_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_measures_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SitroomMeasuresView *self = SITROOM_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_measures_view_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_measures_view_class_init (SitroomMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_measures_view_dispose;
  object_class->get_property = sitroom_measures_view_get_property;
  object_class->set_property = sitroom_measures_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SITROOM_TYPE_MEASURES_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-measures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, box);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, narrow_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, narrow_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, illustrative_note);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, stack);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, chart);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, table);
  gtk_widget_class_bind_template_child (widget_class, SitroomMeasuresView, empty_page);
  gtk_widget_class_bind_template_child_full (widget_class, "kind_column", FALSE,
                                             G_STRUCT_OFFSET (SitroomMeasuresView, columns[SITROOM_MEASURE_CELL_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "region_column", FALSE,
                                             G_STRUCT_OFFSET (SitroomMeasuresView, columns[SITROOM_MEASURE_CELL_REGION]));
  gtk_widget_class_bind_template_child_full (widget_class, "text_column", FALSE,
                                             G_STRUCT_OFFSET (SitroomMeasuresView, columns[SITROOM_MEASURE_CELL_TEXT]));
  gtk_widget_class_bind_template_child_full (widget_class, "from_column", FALSE,
                                             G_STRUCT_OFFSET (SitroomMeasuresView, columns[SITROOM_MEASURE_CELL_FROM]));
  gtk_widget_class_bind_template_child_full (widget_class, "until_column", FALSE,
                                             G_STRUCT_OFFSET (SitroomMeasuresView, columns[SITROOM_MEASURE_CELL_UNTIL]));
  gtk_widget_class_bind_template_child_full (widget_class, "so_far_column", FALSE,
                                             G_STRUCT_OFFSET (SitroomMeasuresView, columns[SITROOM_MEASURE_CELL_SO_FAR]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
                                             G_STRUCT_OFFSET (SitroomMeasuresView, columns[SITROOM_MEASURE_CELL_STATUS]));
  gtk_widget_class_bind_template_callback (widget_class, show_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_measure_activated_cb);

  gtk_widget_class_set_css_name (widget_class, "measures-view");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sitroom_measures_view_init (SitroomMeasuresView *self)
{
  GtkSortListModel *sorted;

  self->cutoff = SITROOM_TIME_NONE;
  self->prefecture = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (SitroomMeasureCell cell = 0; cell < SITROOM_N_MEASURE_CELLS; cell++)
    sitroom_measure_row_setup_column (self->columns[cell], cell);

  /* Until a header is clicked, the rows keep the list's order. */
  self->rows = g_list_store_new (SITROOM_TYPE_MEASURE_ROW);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row, self, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), g_object_ref (self->filter));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  update_shown (self);
}

GtkWidget *
sitroom_measures_view_new (SitroomContext *context)
{
  g_return_val_if_fail (context == NULL || SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_MEASURES_VIEW, "context", context, NULL);
}

SitroomContext *
sitroom_measures_view_get_context (SitroomMeasuresView *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURES_VIEW (self), NULL);

  return self->context;
}

void
sitroom_measures_view_set_context (SitroomMeasuresView *self,
                                   SitroomContext      *context)
{
  g_return_if_fail (SITROOM_IS_MEASURES_VIEW (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "view", G_CALLBACK (view_changed_cb),
                               "lang", G_CALLBACK (lang_changed_cb),
                               NULL))
    return;

  /* Once the template is disposed there is nothing to show it in. */
  if (self->rows != NULL && self->stack != NULL)
    rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

guint
sitroom_measures_view_get_n_rows (SitroomMeasuresView *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURES_VIEW (self), 0);

  return self->selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->selection)) : 0;
}

GtkColumnView *
sitroom_measures_view_get_table (SitroomMeasuresView *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURES_VIEW (self), NULL);

  return self->table;
}

GtkWidget *
sitroom_measures_view_get_chart (SitroomMeasuresView *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURES_VIEW (self), NULL);

  return GTK_WIDGET (self->chart);
}

int
sitroom_measures_view_get_row_measure (SitroomMeasuresView *self,
                                       guint                position)
{
  g_autoptr(SitroomMeasureRow) row = NULL;

  g_return_val_if_fail (SITROOM_IS_MEASURES_VIEW (self), -1);

  row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  return row != NULL ? sitroom_measure_row_get_state (row)->measure : -1;
}
