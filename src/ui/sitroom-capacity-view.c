/* The Capacity page: prefectures and their sites against their beds, and each prefecture's 14-day forecast with a what-if for arrivals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-capacity-card.h"
#include "sitroom-capacity-row.h"
#include "sitroom-capacity-view-private.h"
#include "sitroom-format.h"

G_DEFINE_FINAL_TYPE (SitroomCapacityView, sitroom_capacity_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FORECAST_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
_sitroom_capacity_view_get_lang (SitroomCapacityView *self)
{
  g_assert (SITROOM_IS_CAPACITY_VIEW (self));

  return self->context != NULL ? sitroom_context_get_lang (self->context) : "en";
}

SitroomSituation *
_sitroom_capacity_view_get_situation (SitroomCapacityView *self)
{
  g_assert (SITROOM_IS_CAPACITY_VIEW (self));

  return self->view != NULL ? sitroom_view_get_situation (self->view) : NULL;
}

static int
get_selected_prefecture (SitroomCapacityView *self)
{
  return self->context != NULL ? sitroom_context_get_selected_prefecture (self->context) : -1;
}

/* TRUE when the situation or the cutoff changed and the view was rebuilt. */
static gboolean
ensure_view (SitroomCapacityView *self)
{
  SitroomSituation *situation = self->context != NULL ? sitroom_context_get_situation (self->context) : NULL;
  gint64 cutoff;

  if (situation == NULL)
    {
      if (self->view == NULL)
        return FALSE;
      g_clear_object (&self->view);
      return TRUE;
    }

  cutoff = sitroom_context_get_effective_cutoff (self->context);
  if (self->view != NULL &&
      sitroom_view_get_situation (self->view) == situation &&
      sitroom_view_get_cutoff (self->view) == cutoff)
    return FALSE;

  g_clear_object (&self->view);
  self->view = sitroom_view_new (situation, cutoff, -1, -1);
  return TRUE;
}

static void
build_forecast (SitroomCapacityView *self)
{
  SitroomSituation *situation = _sitroom_capacity_view_get_situation (self);
  guint n_regions = situation != NULL ? sitroom_situation_get_n_regions (situation) : 0;
  g_autofree gint64 *arrivals = g_new (gint64, MAX (n_regions, 1));

  g_clear_object (&self->forecast);
  if (situation == NULL)
    return;

  for (guint i = 0; i < n_regions; i++)
    {
      const gint64 *people = g_hash_table_lookup (self->arrivals, sitroom_situation_get_region (situation, i)->code);

      arrivals[i] = people != NULL ? *people : -1;
    }
  self->forecast = sitroom_forecast_new (self->view, arrivals, n_regions);
}

/* The selected prefecture's card first, then the forecast's order. */
static int
sort_cards (GtkFlowBoxChild *a,
            GtkFlowBoxChild *b,
            gpointer         user_data)
{
  SitroomCapacityView *self = user_data;
  int selected = get_selected_prefecture (self);
  gboolean a_selected = sitroom_capacity_card_get_region (gtk_flow_box_child_get_child (a)) == selected;
  gboolean b_selected = sitroom_capacity_card_get_region (gtk_flow_box_child_get_child (b)) == selected;
  guint a_order = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "order"));
  guint b_order = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "order"));

  if (a_selected != b_selected)
    return a_selected ? -1 : 1;
  return a_order < b_order ? -1 : a_order > b_order;
}

static void
rebuild_cards (SitroomCapacityView *self)
{
  guint n = self->forecast != NULL ? sitroom_forecast_get_n_prefectures (self->forecast) : 0;
  SitroomSituation *situation = _sitroom_capacity_view_get_situation (self);
  const char *lang = _sitroom_capacity_view_get_lang (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chart_box))) != NULL)
    gtk_flow_box_remove (self->chart_box, child);

  for (guint i = 0; i < n; i++)
    {
      int region = sitroom_forecast_get_prefecture (self->forecast, i)->region;
      const char *name = sitroom_format_region (situation, region, lang);

      /* The order first: the box sorts it in as it comes. */
      child = gtk_flow_box_child_new ();
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), sitroom_capacity_card_new (region, name));
      g_object_set_data (G_OBJECT (child), "order", GUINT_TO_POINTER (i));
      gtk_flow_box_append (self->chart_box, child);
    }
}

static void
update_cards (SitroomCapacityView *self)
{
  int selected = get_selected_prefecture (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chart_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      int region = sitroom_capacity_card_get_region (card);

      sitroom_capacity_card_update (card, self->forecast,
                                    sitroom_capacity_view_get_arrivals (self, region),
                                    sitroom_forecast_lookup (self->mean_forecast, region)->arrivals,
                                    _sitroom_capacity_view_get_lang (self));
      if (region == selected)
        gtk_widget_add_css_class (child, "capacity-selected");
      else
        gtk_widget_remove_css_class (child, "capacity-selected");
    }
  gtk_flow_box_invalidate_sort (self->chart_box);
}

static void
rebuild_rows (SitroomCapacityView *self)
{
  guint n = self->forecast != NULL ? sitroom_forecast_get_n_prefectures (self->forecast) : 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, sitroom_capacity_row_new_prefecture (self->forecast,
                                                                sitroom_forecast_get_prefecture (self->forecast, i),
                                                                _sitroom_capacity_view_get_lang (self)));

  /* Replacing the rows drops the table's selection: that is no choice of
   * the user's, and must not clear the context's. */
  self->syncing = TRUE;
  g_list_store_splice (self->prefectures, 0, g_list_model_get_n_items (G_LIST_MODEL (self->prefectures)),
                       rows->pdata, rows->len);
  self->syncing = FALSE;
}

static void
sync_selection (SitroomCapacityView *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint selected = gtk_single_selection_get_selected (self->selection);
  int prefecture = get_selected_prefecture (self);
  guint position = GTK_INVALID_LIST_POSITION;
  SitroomCapacityRow *row;

  /* A site of the prefecture stays selected. */
  row = sitroom_capacity_row_at (model, selected);
  if (row != NULL && sitroom_capacity_row_get_region (row) == prefecture)
    return;

  /* The table may be sorted: look for the row rather than at its index. */
  for (guint i = 0; prefecture >= 0 && position == GTK_INVALID_LIST_POSITION && i < g_list_model_get_n_items (model); i++)
    {
      row = sitroom_capacity_row_at (model, i);
      if (sitroom_capacity_row_get_site (row) < 0 && sitroom_capacity_row_get_region (row) == prefecture)
        position = i;
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

static void
table_selection_changed_cb (SitroomCapacityView *self)
{
  SitroomCapacityRow *row;

  if (self->syncing || self->context == NULL || self->view == NULL)
    return;

  row = sitroom_capacity_row_at (G_LIST_MODEL (self->selection), gtk_single_selection_get_selected (self->selection));
  sitroom_context_set_selected_prefecture (self->context, row != NULL ? sitroom_capacity_row_get_region (row) : -1);
}

/* Everything again: a new document, cutoff or language. */
static void
refresh (SitroomCapacityView *self)
{
  gboolean any;

  /* After dispose there is nothing to show it in. */
  if (self->prefectures == NULL)
    return;

  g_clear_object (&self->mean_forecast);
  build_forecast (self);
  if (self->view != NULL)
    self->mean_forecast = sitroom_forecast_new (self->view, NULL, 0);

  rebuild_rows (self);
  rebuild_cards (self);
  _sitroom_capacity_view_update_home (self);

  any = self->forecast != NULL && sitroom_forecast_get_n_prefectures (self->forecast) > 0;
  gtk_widget_set_visible (self->empty_label, self->forecast != NULL && !any);
  gtk_widget_set_visible (self->sites_box, any || gtk_widget_get_visible (self->home_box));
  gtk_widget_set_visible (self->forecast_box, any);

  if (self->forecast != NULL)
    {
      _sitroom_capacity_view_update_figures (self);
      _sitroom_capacity_view_update_notes (self);
      update_cards (self);
    }
  sync_selection (self);
}

static void
view_changed_cb (SitroomCapacityView *self)
{
  if (ensure_view (self))
    refresh (self);
}

static void
selected_prefecture_changed_cb (SitroomCapacityView *self)
{
  /* The context may tell of a selection before its new view. */
  if (ensure_view (self))
    {
      refresh (self);
      return;
    }
  sync_selection (self);
  if (self->forecast != NULL)
    update_cards (self);
}

static void
lang_changed_cb (SitroomCapacityView *self)
{
  ensure_view (self);
  refresh (self);
}

static void
set_arrivals_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SitroomCapacityView *self = SITROOM_CAPACITY_VIEW (widget);
  SitroomSituation *situation = _sitroom_capacity_view_get_situation (self);
  int region;
  gint64 people;

  g_variant_get (parameter, "(ix)", &region, &people);
  if (situation != NULL && region >= 0 && (guint) region < sitroom_situation_get_n_regions (situation))
    sitroom_capacity_view_set_arrivals (self, region, people);
}

static void
sitroom_capacity_view_dispose (GObject *object)
{
  SitroomCapacityView *self = SITROOM_CAPACITY_VIEW (object);

  sitroom_capacity_view_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_CAPACITY_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->prefectures);
  g_clear_object (&self->forecast);
  g_clear_object (&self->mean_forecast);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (sitroom_capacity_view_parent_class)->dispose (object);
}

static void
sitroom_capacity_view_finalize (GObject *object)
{
  SitroomCapacityView *self = SITROOM_CAPACITY_VIEW (object);

  g_clear_pointer (&self->arrivals, g_hash_table_unref);

  G_OBJECT_CLASS (sitroom_capacity_view_parent_class)->finalize (object);
}

static void
sitroom_capacity_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SitroomCapacityView *self = SITROOM_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FORECAST_COLUMNS:
      g_value_set_uint (value, sitroom_capacity_view_get_forecast_columns (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_capacity_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SitroomCapacityView *self = SITROOM_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_capacity_view_set_context (self, g_value_get_object (value));
      break;
    case PROP_FORECAST_COLUMNS:
      sitroom_capacity_view_set_forecast_columns (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_capacity_view_class_init (SitroomCapacityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_capacity_view_dispose;
  object_class->finalize = sitroom_capacity_view_finalize;
  object_class->get_property = sitroom_capacity_view_get_property;
  object_class->set_property = sitroom_capacity_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORECAST_COLUMNS] =
    g_param_spec_uint ("forecast-columns", NULL, NULL, 1, 6, 4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names these types in its children and sorters. */
  g_type_ensure (SITROOM_TYPE_FIGURE);
  g_type_ensure (SITROOM_TYPE_CAPACITY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-capacity-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, illustrative_note);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, illustrative_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, illustrative_mark);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, forecast_mark);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, cutoff_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, capacity_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, occupied_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, free_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, occupancy_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, overfull_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, running_out_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, sites_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, table);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, full_on_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, home_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, home_list);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, forecast_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, assumption_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, arrivals_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomCapacityView, chart_box);

  /* What the cards' what-if asks for. */
  gtk_widget_class_install_action (widget_class, "capacity.set-arrivals", "(ix)", set_arrivals_action);

  gtk_widget_class_set_css_name (widget_class, "capacity-view");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sitroom_capacity_view_init (SitroomCapacityView *self)
{
  GListModel *columns;

  self->arrivals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template's columns are in SitroomCapacityColumn's order. */
  columns = gtk_column_view_get_columns (self->table);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = sitroom_capacity_row_create_factory ((SitroomCapacityColumn) i);

      gtk_column_view_column_set_factory (column, factory);
    }

  /* Until a header is clicked the prefectures keep the code order. */
  self->prefectures = g_list_store_new (SITROOM_TYPE_CAPACITY_ROW);
  self->selection = sitroom_capacity_row_create_selection (self->prefectures, gtk_column_view_get_sorter (self->table));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (table_selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_flow_box_set_sort_func (self->chart_box, sort_cards, self, NULL);
}

GtkWidget *
sitroom_capacity_view_new (SitroomContext *context)
{
  g_return_val_if_fail (context == NULL || SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_CAPACITY_VIEW, "context", context, NULL);
}

SitroomContext *
sitroom_capacity_view_get_context (SitroomCapacityView *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_VIEW (self), NULL);

  return self->context;
}

void
sitroom_capacity_view_set_context (SitroomCapacityView *self,
                                   SitroomContext      *context)
{
  g_return_if_fail (SITROOM_IS_CAPACITY_VIEW (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "view", G_CALLBACK (view_changed_cb),
                               "selected-prefecture", G_CALLBACK (selected_prefecture_changed_cb),
                               "lang", G_CALLBACK (lang_changed_cb),
                               NULL))
    return;

  ensure_view (self);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gint64
sitroom_capacity_view_get_arrivals (SitroomCapacityView *self,
                                    int                  region)
{
  SitroomSituation *situation;
  const gint64 *people;

  g_return_val_if_fail (SITROOM_IS_CAPACITY_VIEW (self), -1);

  situation = _sitroom_capacity_view_get_situation (self);
  if (situation == NULL || region < 0 || (guint) region >= sitroom_situation_get_n_regions (situation))
    return -1;

  people = g_hash_table_lookup (self->arrivals, sitroom_situation_get_region (situation, region)->code);
  return people != NULL ? *people : -1;
}

void
sitroom_capacity_view_set_arrivals (SitroomCapacityView *self,
                                    int                  region,
                                    gint64               people)
{
  SitroomSituation *situation;
  const char *code;

  g_return_if_fail (SITROOM_IS_CAPACITY_VIEW (self));
  situation = _sitroom_capacity_view_get_situation (self);
  g_return_if_fail (situation != NULL);
  g_return_if_fail (region >= 0 && (guint) region < sitroom_situation_get_n_regions (situation));

  if (people < 0)
    people = -1;
  if (sitroom_capacity_view_get_arrivals (self, region) == people)
    return;

  code = sitroom_situation_get_region (situation, region)->code;
  if (people < 0)
    g_hash_table_remove (self->arrivals, code);
  else
    g_hash_table_insert (self->arrivals, g_strdup (code), g_memdup2 (&people, sizeof people));

  /* One forecast counts every prefecture, but only the one whose
   * arrivals changed draws anew: the others say the same. */
  build_forecast (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->prefectures)); i++)
    {
      g_autoptr(SitroomCapacityRow) row = g_list_model_get_item (G_LIST_MODEL (self->prefectures), i);

      sitroom_capacity_row_set_forecast (row, self->forecast);
    }
  gtk_sorter_changed (gtk_column_view_column_get_sorter (self->full_on_column), GTK_SORTER_CHANGE_DIFFERENT);
  _sitroom_capacity_view_update_running_out (self);
  update_cards (self);
}

SitroomForecast *
sitroom_capacity_view_get_forecast (SitroomCapacityView *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_VIEW (self), NULL);

  return self->forecast;
}

guint
sitroom_capacity_view_get_forecast_columns (SitroomCapacityView *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_VIEW (self), 4);

  return gtk_flow_box_get_max_children_per_line (self->chart_box);
}

void
sitroom_capacity_view_set_forecast_columns (SitroomCapacityView *self,
                                            guint                columns)
{
  g_return_if_fail (SITROOM_IS_CAPACITY_VIEW (self));
  g_return_if_fail (columns >= 1 && columns <= 6);

  if (sitroom_capacity_view_get_forecast_columns (self) == columns)
    return;

  gtk_flow_box_set_max_children_per_line (self->chart_box, columns);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORECAST_COLUMNS]);
}
