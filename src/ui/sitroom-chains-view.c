/* The Chains page: the chains on a timeline, their table, and the selected chain's story, cases and places. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-chain-row.h"
#include "sitroom-chains-view.h"

struct _SitroomChainsView
{
  GtkWidget parent_instance;

  SitroomContext *context;
  guint close_days;
  gboolean placeholder_visible;

  /* The whole province at the context's cutoff: a chain's figures are
   * the same whatever prefecture or chain is selected. */
  SitroomView *view;
  GListStore *chains;           /* SitroomChainRow */
  GtkSingleSelection *chain_selection;
  gboolean syncing;

  GtkWidget *box;               /* the template's child, unparented by dispose_template() */
  SitroomTimeline *timeline;
  GtkWidget *table_scroller;
  GtkColumnView *chain_table;
  GtkColumnViewColumn *label_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *first_column;
  GtkColumnViewColumn *positives_column;
  GtkColumnViewColumn *reached_column;
  GtkColumnViewColumn *close_column;
  GtkColumnViewColumn *secondary_column;
  GtkColumnViewColumn *status_column;
  GtkWidget *detail_separator;
  GtkStack *detail_stack;
  SitroomChainDetail *detail;
};

G_DEFINE_FINAL_TYPE (SitroomChainsView, sitroom_chains_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLOSE_DAYS,
  PROP_PLACEHOLDER_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How a table cell shows the row's string property of that name. */
typedef enum {
  CELL_TEXT,                    /* ellipsized, the whole text in a tooltip */
  CELL_NUMBER,                  /* right-aligned figures */
  CELL_BADGE,                   /* a chain's label */
  CELL_STATUS,                  /* a chain's status, coloured, the rule in a tooltip */
} CellKind;

typedef struct {
  const char *property;
  CellKind kind;
} Cell;

static const Cell label_cell = { "label", CELL_BADGE };
static const Cell title_cell = { "title", CELL_TEXT };
static const Cell first_cell = { "first-reported-text", CELL_TEXT };
static const Cell positives_cell = { "positives-text", CELL_NUMBER };
static const Cell reached_cell = { "reached", CELL_TEXT };
static const Cell close_cell = { "close-contacts-text", CELL_NUMBER };
static const Cell secondary_cell = { "secondary-contacts-text", CELL_NUMBER };
static const Cell status_cell = { "status-text", CELL_STATUS };

/* A plain tooltip would not do: GTK 4.8 lets its text be as many average
 * Latin characters wide as it has characters, so that three Chinese ones
 * (运城市) get the room of one or two and stand one per line. A cell's
 * tooltip is a label of its own instead, as wide as its words up to a
 * limit; the cell keeps it under this key. */
#define CELL_TIP "sitroom-cell-tip"

static gboolean
query_cell_tooltip_cb (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  GtkWidget *tip = g_object_get_data (G_OBJECT (label), CELL_TIP);

  if (*gtk_label_get_label (GTK_LABEL (tip)) == '\0')
    return FALSE;
  gtk_tooltip_set_custom (tooltip, tip);
  return TRUE;
}

static void
add_cell_tip (GtkWidget *label)
{
  GtkWidget *tip = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (tip), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (tip), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (tip), 60);
  gtk_label_set_xalign (GTK_LABEL (tip), 0);
  g_object_set_data_full (G_OBJECT (label), CELL_TIP, g_object_ref_sink (tip), g_object_unref);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_cell_tooltip_cb), NULL);
}

static void
set_cell_tip (GtkWidget  *label,
              const char *text)
{
  GtkWidget *tip = g_object_get_data (G_OBJECT (label), CELL_TIP);

  gtk_label_set_label (GTK_LABEL (tip), text != NULL ? text : "");
  gtk_widget_set_has_tooltip (label, text != NULL && *text != '\0');
  /* What a plain tooltip would have told a screen reader, where it adds
   * to what the cell says. */
  if (text != NULL && g_strcmp0 (text, gtk_label_get_label (GTK_LABEL (label))) != 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const Cell *cell = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell->kind == CELL_NUMBER ? 1 : 0);
  if (cell->kind == CELL_TEXT || cell->kind == CELL_STATUS)
    add_cell_tip (label);
  switch (cell->kind)
    {
    case CELL_TEXT:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      break;
    case CELL_NUMBER:
      gtk_widget_add_css_class (label, "numeric");
      break;
    case CELL_BADGE:
      gtk_widget_add_css_class (label, "chain-label");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      break;
    case CELL_STATUS:
      gtk_widget_add_css_class (label, "chain-status");
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const Cell *cell = user_data;
  GObject *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  g_object_get (row, cell->property, &text, NULL);
  gtk_label_set_label (GTK_LABEL (label), text);

  if (cell->kind == CELL_STATUS)
    {
      g_object_get (row, "status-tooltip", &tooltip, NULL);
      sitroom_chain_row_set_status_class (label, sitroom_chain_row_get_status (SITROOM_CHAIN_ROW (row)));
    }
  else if (cell->kind == CELL_TEXT)
    tooltip = g_strdup (text);
  if (cell->kind == CELL_TEXT || cell->kind == CELL_STATUS)
    set_cell_tip (label, tooltip);
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    const Cell          *cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) cell);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) cell);
  gtk_column_view_column_set_factory (column, factory);
}

static const char *
get_lang (SitroomChainsView *self)
{
  return self->context != NULL ? sitroom_context_get_lang (self->context) : "en";
}

/* TRUE when the situation or the cutoff changed and the view was rebuilt. */
static gboolean
ensure_view (SitroomChainsView *self)
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

static int
get_selected_chain (SitroomChainsView *self)
{
  int chain = self->context != NULL ? sitroom_context_get_selected_chain (self->context) : -1;

  if (self->view == NULL || chain < 0 || (guint) chain >= sitroom_view_get_n_chains (self->view))
    return -1;
  return chain;
}

static void
sync_selection (SitroomChainsView *self)
{
  GListModel *model = G_LIST_MODEL (self->chain_selection);
  int chain = get_selected_chain (self);
  guint position = GTK_INVALID_LIST_POSITION;

  /* The table may be sorted: look for the row rather than at its index. */
  for (guint i = 0; chain >= 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SitroomChainRow) row = g_list_model_get_item (model, i);

      if (sitroom_chain_row_get_chain (row) == chain)
        position = i;
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->chain_selection, position);
  self->syncing = FALSE;
}

static void
rebuild_rows (SitroomChainsView *self)
{
  guint n = self->view != NULL ? sitroom_view_get_n_chains (self->view) : 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, sitroom_chain_row_new (self->view, i, get_lang (self), self->close_days));

  /* Replacing the rows drops the table's selection: that is no choice of
   * the user's, and must not clear the context's. */
  self->syncing = TRUE;
  g_list_store_splice (self->chains, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chains)),
                       rows->pdata, rows->len);
  self->syncing = FALSE;
}

/* Without a chain and without the placeholder, the timeline and the table
 * share the page. */
static void
update_detail (SitroomChainsView *self)
{
  int chain = get_selected_chain (self);
  gboolean shown = chain >= 0 || self->placeholder_visible;

  sitroom_chain_detail_show_chain (self->detail, self->view, chain, get_lang (self), self->close_days);
  gtk_stack_set_visible_child_name (self->detail_stack, chain >= 0 ? "chain" : "none");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), shown);
  gtk_widget_set_visible (self->detail_separator, shown);
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), !shown);
  gtk_widget_set_vexpand (self->table_scroller, !shown);
}

static void
show_region_cb (SitroomChainsView  *self,
                int                 region,
                SitroomChainDetail *detail)
{
  if (self->context == NULL || sitroom_context_get_situation (self->context) == NULL)
    return;

  sitroom_context_set_selected_prefecture (self->context, region);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "map");
}

static void
refresh (SitroomChainsView *self)
{
  /* A setting bound to "close-days" may still change after dispose. */
  if (self->chains == NULL)
    return;

  rebuild_rows (self);
  sync_selection (self);
  update_detail (self);
}

static void
view_changed_cb (SitroomChainsView *self)
{
  if (ensure_view (self))
    refresh (self);
}

static void
selected_chain_changed_cb (SitroomChainsView *self)
{
  /* The context may tell of a selection before its new view. */
  if (ensure_view (self))
    {
      refresh (self);
      return;
    }
  sync_selection (self);
  update_detail (self);
}

static void
lang_changed_cb (SitroomChainsView *self)
{
  ensure_view (self);
  refresh (self);
}

static void
table_selection_changed_cb (SitroomChainsView *self)
{
  SitroomChainRow *row;

  if (self->syncing || self->context == NULL || self->view == NULL)
    return;

  row = gtk_single_selection_get_selected_item (self->chain_selection);
  sitroom_context_set_selected_chain (self->context, row != NULL ? sitroom_chain_row_get_chain (row) : -1);
}

static void
event_activated_cb (SitroomChainsView *self,
                    int                chain,
                    int                event,
                    SitroomTimeline   *timeline)
{
  if (self->context == NULL || self->view == NULL ||
      chain < 0 || (guint) chain >= sitroom_view_get_n_chains (self->view))
    return;

  sitroom_context_set_selected_chain (self->context, chain);
  sitroom_chain_story_show_event (sitroom_chain_detail_get_story (self->detail), event);
}

static void
sitroom_chains_view_dispose (GObject *object)
{
  SitroomChainsView *self = SITROOM_CHAINS_VIEW (object);

  sitroom_chains_view_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_CHAINS_VIEW);
  g_clear_object (&self->view);
  g_clear_object (&self->chains);
  g_clear_object (&self->chain_selection);

  G_OBJECT_CLASS (sitroom_chains_view_parent_class)->dispose (object);
}

static void
sitroom_chains_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SitroomChainsView *self = SITROOM_CHAINS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLOSE_DAYS:
      g_value_set_uint (value, self->close_days);
      break;
    case PROP_PLACEHOLDER_VISIBLE:
      g_value_set_boolean (value, self->placeholder_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_chains_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SitroomChainsView *self = SITROOM_CHAINS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_chains_view_set_context (self, g_value_get_object (value));
      break;
    case PROP_CLOSE_DAYS:
      sitroom_chains_view_set_close_days (self, g_value_get_uint (value));
      break;
    case PROP_PLACEHOLDER_VISIBLE:
      sitroom_chains_view_set_placeholder_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_chains_view_class_init (SitroomChainsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_chains_view_dispose;
  object_class->get_property = sitroom_chains_view_get_property;
  object_class->set_property = sitroom_chains_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSE_DAYS] =
    g_param_spec_uint ("close-days", NULL, NULL,
                       1, 365, SITROOM_CHAIN_DEFAULT_CLOSE_DAYS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER_VISIBLE] =
    g_param_spec_boolean ("placeholder-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names these types in its children and sorters. */
  g_type_ensure (SITROOM_TYPE_TIMELINE);
  g_type_ensure (SITROOM_TYPE_CHAIN_DETAIL);
  g_type_ensure (SITROOM_TYPE_CHAIN_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-chains-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, box);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, timeline);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, chain_table);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, label_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, title_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, first_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, positives_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, reached_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, close_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, secondary_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, status_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, detail_separator);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainsView, detail);
  gtk_widget_class_bind_template_callback (widget_class, event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_region_cb);

  gtk_widget_class_set_css_name (widget_class, "chains-view");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sitroom_chains_view_init (SitroomChainsView *self)
{
  GtkSortListModel *sorted;

  self->close_days = SITROOM_CHAIN_DEFAULT_CLOSE_DAYS;
  self->placeholder_visible = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  set_column_factory (self->label_column, &label_cell);
  set_column_factory (self->title_column, &title_cell);
  set_column_factory (self->first_column, &first_cell);
  set_column_factory (self->positives_column, &positives_cell);
  set_column_factory (self->reached_column, &reached_cell);
  set_column_factory (self->close_column, &close_cell);
  set_column_factory (self->secondary_column, &secondary_cell);
  set_column_factory (self->status_column, &status_cell);

  /* Until a header is clicked, the chains keep the briefing's order. */
  self->chains = g_list_store_new (SITROOM_TYPE_CHAIN_ROW);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->chains)),
                                    g_object_ref (gtk_column_view_get_sorter (self->chain_table)));
  self->chain_selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->chain_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->chain_selection, TRUE);
  gtk_column_view_set_model (self->chain_table, GTK_SELECTION_MODEL (self->chain_selection));
  g_signal_connect_object (self->chain_selection, "notify::selected",
                           G_CALLBACK (table_selection_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self, "close-days", self->timeline, "close-days", G_BINDING_SYNC_CREATE);
}

GtkWidget *
sitroom_chains_view_new (SitroomContext *context)
{
  g_return_val_if_fail (context == NULL || SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_CHAINS_VIEW, "context", context, NULL);
}

SitroomContext *
sitroom_chains_view_get_context (SitroomChainsView *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAINS_VIEW (self), NULL);

  return self->context;
}

void
sitroom_chains_view_set_context (SitroomChainsView *self,
                                 SitroomContext    *context)
{
  g_return_if_fail (SITROOM_IS_CHAINS_VIEW (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "view", G_CALLBACK (view_changed_cb),
                               "selected-chain", G_CALLBACK (selected_chain_changed_cb),
                               "lang", G_CALLBACK (lang_changed_cb),
                               NULL))
    return;

  /* Once the template is disposed there is no timeline to tell. */
  if (self->timeline != NULL)
    sitroom_timeline_set_context (self->timeline, context);

  if (context != NULL)
    {
      ensure_view (self);
      refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

guint
sitroom_chains_view_get_close_days (SitroomChainsView *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAINS_VIEW (self), SITROOM_CHAIN_DEFAULT_CLOSE_DAYS);

  return self->close_days;
}

void
sitroom_chains_view_set_close_days (SitroomChainsView *self,
                                    guint              close_days)
{
  g_return_if_fail (SITROOM_IS_CHAINS_VIEW (self));
  g_return_if_fail (close_days > 0);

  if (self->close_days == close_days)
    return;

  self->close_days = close_days;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSE_DAYS]);
}

gboolean
sitroom_chains_view_get_placeholder_visible (SitroomChainsView *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAINS_VIEW (self), TRUE);

  return self->placeholder_visible;
}

void
sitroom_chains_view_set_placeholder_visible (SitroomChainsView *self,
                                             gboolean           visible)
{
  g_return_if_fail (SITROOM_IS_CHAINS_VIEW (self));

  visible = !!visible;
  if (self->placeholder_visible == visible)
    return;

  self->placeholder_visible = visible;
  update_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_VISIBLE]);
}

GtkColumnView *
sitroom_chains_view_get_chain_table (SitroomChainsView *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAINS_VIEW (self), NULL);

  return self->chain_table;
}

SitroomChainDetail *
sitroom_chains_view_get_detail (SitroomChainsView *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAINS_VIEW (self), NULL);

  return self->detail;
}

SitroomTimeline *
sitroom_chains_view_get_timeline (SitroomChainsView *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAINS_VIEW (self), NULL);

  return self->timeline;
}
