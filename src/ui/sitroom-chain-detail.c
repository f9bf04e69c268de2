/* One chain in full on the Chains page: its status, figures, places outside the province, prefectures, measures, story and cases. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-chain-case-row.h"
#include "sitroom-chain-detail.h"
#include "sitroom-chain-row.h"
#include "sitroom-chains.h"
#include "sitroom-format.h"
#include "sitroom-measures.h"
#include "sitroom-metric.h"

struct _SitroomChainDetail
{
  GtkWidget parent_instance;

  GListStore *cases;            /* SitroomChainCaseRow */

  GtkWidget *box;               /* the template's child, unparented by dispose_template() */
  SitroomChainStory *story;
  GtkLabel *detail_label;
  GtkLabel *detail_title;
  GtkLabel *detail_status;
  GtkLabel *first_label;
  GtkLabel *positives_label;
  GtkLabel *close_label;
  GtkLabel *secondary_label;
  GtkLabel *outside_label;
  GtkWidget *no_region_label;
  GtkFlowBox *region_box;
  GtkListBox *measure_list;
  GtkWidget *no_measure_label;
  GtkWidget *no_case_label;
  GtkWidget *case_scroller;
  GtkColumnView *case_table;
  GtkColumnViewColumn *case_id_column;
  GtkColumnViewColumn *case_reported_column;
  GtkColumnViewColumn *case_region_column;
  GtkColumnViewColumn *case_class_column;
  GtkColumnViewColumn *case_status_column;
};

G_DEFINE_FINAL_TYPE (SitroomChainDetail, sitroom_chain_detail, GTK_TYPE_WIDGET)

enum {
  SHOW_REGION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* Every cell shows a string property of the row: its name is the user data. */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const char *property = user_data;
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  g_object_get (gtk_list_item_get_item (item), property, &text, NULL);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    const char          *property)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) property);
  gtk_column_view_column_set_factory (column, factory);
}

static void
region_clicked_cb (GtkButton          *button,
                   SitroomChainDetail *self)
{
  int region = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "region"));

  g_signal_emit (self, signals[SHOW_REGION], 0, region);
}

static void
update_regions (SitroomChainDetail        *self,
                SitroomSituation          *situation,
                const SitroomChainFigures *figures,
                const char                *lang)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->region_box))) != NULL)
    gtk_flow_box_remove (self->region_box, child);

  for (guint i = 0; figures != NULL && i < figures->n_regions; i++)
    {
      const char *name = sitroom_format_region (situation, figures->regions[i], lang);
      GtkWidget *button = gtk_button_new_with_label (name);
      /* Translators: the tooltip of a prefecture's button; %s is its name. */
      g_autofree char *tooltip = g_strdup_printf (_("Show %s on the map"), name);

      gtk_widget_set_tooltip_text (button, tooltip);
      /* A cell of the flow box may be wider than its button: keep the buttons' own width. */
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "region-button");
      g_object_set_data (G_OBJECT (button), "region", GINT_TO_POINTER (figures->regions[i]));
      g_signal_connect_object (button, "clicked", G_CALLBACK (region_clicked_cb), self, 0);
      gtk_flow_box_append (self->region_box, button);
    }

  gtk_widget_set_visible (self->no_region_label, figures == NULL || figures->n_regions == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->region_box), figures != NULL && figures->n_regions > 0);
}

/* A measure's region: a button that shows its prefecture on the map, or
 * only its name where there is no prefecture to show (the province). */
static GtkWidget *
make_measure_region (SitroomChainDetail *self,
                     SitroomSituation   *situation,
                     int                 region,
                     const char         *lang)
{
  const char *name = sitroom_format_region (situation, region, lang);
  int prefecture = region >= 0 ? sitroom_situation_get_region (situation, region)->prefecture : -1;
  g_autofree char *tooltip = NULL;
  GtkWidget *button;

  if (prefecture < 0)
    {
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      return label;
    }

  button = gtk_button_new_with_label (name);
  /* Translators: the tooltip of a prefecture's button; %s is its name. */
  tooltip = g_strdup_printf (_("Show %s on the map"),
                             sitroom_format_region (situation, prefecture, lang));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "region-button");
  /* The map selects prefectures: a county's measure shows its prefecture. */
  g_object_set_data (G_OBJECT (button), "region", GINT_TO_POINTER (prefecture));
  g_signal_connect_object (button, "clicked", G_CALLBACK (region_clicked_cb), self, 0);
  return button;
}

/* The kind and the region's button; since when and how long so far; the
 * measure's own words in @lang. */
static GtkWidget *
make_measure_row (SitroomChainDetail        *self,
                  SitroomSituation          *situation,
                  const SitroomMeasureState *state,
                  const char                *lang)
{
  const SitroomMeasure *measure = sitroom_situation_get_measure (situation, state->measure);
  g_autofree char *period = sitroom_format_measure_period (measure, lang);
  g_autofree char *so_far = sitroom_format_measure_so_far (state);
  g_autofree char *when_text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *kind = gtk_label_new (sitroom_format_measure_kind (measure->kind));
  GtkWidget *when;
  GtkWidget *row;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_set_hexpand (kind, TRUE);
  gtk_widget_add_css_class (kind, "heading");
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), make_measure_region (self, situation, measure->region, lang));
  gtk_box_append (GTK_BOX (box), top);

  /* Translators: when a measure is in force, then how long so far, as in
   * "since 2022-08-20 00:00 CST · in force for 13 hours". */
  when_text = g_strdup_printf (_("%s · %s"), period, so_far);
  when = gtk_label_new (when_text);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_label_set_wrap (GTK_LABEL (when), TRUE);
  gtk_widget_add_css_class (when, "caption");
  if (state->status == SITROOM_MEASURE_ENDED)
    gtk_widget_add_css_class (when, "dim-label");
  gtk_box_append (GTK_BOX (box), when);

  if (measure->text.zh != NULL)
    {
      GtkWidget *text = gtk_label_new (sitroom_text_get (&measure->text, lang));

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_box_append (GTK_BOX (box), text);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_measures (SitroomChainDetail *self,
                 SitroomView        *view,
                 int                 chain,
                 const char         *lang)
{
  g_autoptr(GArray) measures = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->measure_list))) != NULL)
    gtk_list_box_remove (self->measure_list, child);

  if (view != NULL && chain >= 0)
    {
      SitroomSituation *situation = sitroom_view_get_situation (view);

      measures = sitroom_measures_for_chain (view, chain);
      for (guint i = 0; i < measures->len; i++)
        gtk_list_box_append (self->measure_list,
                             make_measure_row (self, situation,
                                               &g_array_index (measures, SitroomMeasureState, i), lang));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->measure_list), measures != NULL && measures->len > 0);
  gtk_widget_set_visible (self->no_measure_label, measures == NULL || measures->len == 0);
}

/* "Dalian, Jinzhou": the places on the chain's route outside the province. */
static char *
describe_outside (SitroomView *view,
                  int          chain,
                  const char  *lang)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  g_autoptr(GArray) route = sitroom_metric_get_chain_route (view, chain);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < route->len; i++)
    {
      const SitroomRouteStop *stop = &g_array_index (route, SitroomRouteStop, i);

      if (!stop->outside)
        continue;
      if (names->len > 0)
        /* Translators: between region names in a list, as in "Jincheng, Taiyuan". */
        g_string_append (names, _(", "));
      g_string_append (names, sitroom_format_region (situation, stop->region, lang));
    }

  if (names->len == 0)
    return g_strdup ("—");
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
update_cases (SitroomChainDetail *self,
              SitroomView        *view,
              int                 chain,
              const char         *lang)
{
  g_autoptr(GArray) cases = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (view != NULL && chain >= 0)
    {
      cases = sitroom_chain_get_cases (view, chain);
      for (guint i = 0; i < cases->len; i++)
        g_ptr_array_add (rows, sitroom_chain_case_row_new (sitroom_view_get_situation (view),
                                                           g_array_index (cases, int, i), lang));
    }

  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       rows->pdata, rows->len);
  gtk_widget_set_visible (self->no_case_label, rows->len == 0);
  gtk_widget_set_visible (self->case_scroller, rows->len > 0);
}

GtkWidget *
sitroom_chain_detail_new (void)
{
  return g_object_new (SITROOM_TYPE_CHAIN_DETAIL, NULL);
}

void
sitroom_chain_detail_show_chain (SitroomChainDetail *self,
                                 SitroomView        *view,
                                 int                 chain,
                                 const char         *lang,
                                 guint               close_days)
{
  SitroomSituation *situation;
  const SitroomChain *c;
  const SitroomChainFigures *figures;
  SitroomChainStatus status;
  g_autofree char *first = NULL;
  g_autofree char *positives = NULL;
  g_autofree char *close = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *rule = NULL;

  g_return_if_fail (SITROOM_IS_CHAIN_DETAIL (self));
  g_return_if_fail (view == NULL || SITROOM_IS_VIEW (view));
  g_return_if_fail (view == NULL || chain < (int) sitroom_view_get_n_chains (view));
  g_return_if_fail (lang != NULL);

  if (view == NULL)
    chain = -1;

  sitroom_chain_story_set_chain (self->story, view, chain, lang);
  update_cases (self, view, chain, lang);
  update_measures (self, view, chain, lang);
  if (chain < 0)
    {
      update_regions (self, NULL, NULL, lang);
      return;
    }

  situation = sitroom_view_get_situation (view);
  c = sitroom_situation_get_chain (situation, chain);
  figures = sitroom_view_get_chain (view, chain);
  status = sitroom_chain_get_status (view, chain, close_days);

  first = c->first_reported != SITROOM_TIME_NONE ? sitroom_format_time (c->first_reported, lang) : g_strdup ("—");
  positives = sitroom_format_count (figures->counts.positives);
  close = sitroom_format_count (c->close_contacts);
  secondary = sitroom_format_count (c->secondary_contacts);
  outside = describe_outside (view, chain, lang);
  rule = sitroom_chain_row_describe_rule (close_days);

  gtk_label_set_label (self->detail_label, c->label != NULL ? c->label : c->id);
  gtk_label_set_label (self->detail_title, sitroom_text_get (&c->title, lang));
  gtk_label_set_label (self->detail_status, sitroom_chain_row_status_name (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_status), rule);
  sitroom_chain_row_set_status_class (GTK_WIDGET (self->detail_status), status);
  gtk_label_set_label (self->first_label, first);
  gtk_label_set_label (self->positives_label, positives);
  gtk_label_set_label (self->close_label, close);
  gtk_label_set_label (self->secondary_label, secondary);
  gtk_label_set_label (self->outside_label, outside);
  update_regions (self, situation, figures, lang);
}

SitroomChainStory *
sitroom_chain_detail_get_story (SitroomChainDetail *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_DETAIL (self), NULL);

  return self->story;
}

GtkColumnView *
sitroom_chain_detail_get_case_table (SitroomChainDetail *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_DETAIL (self), NULL);

  return self->case_table;
}

GtkListBox *
sitroom_chain_detail_get_measure_list (SitroomChainDetail *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_DETAIL (self), NULL);

  return self->measure_list;
}

static void
sitroom_chain_detail_dispose (GObject *object)
{
  SitroomChainDetail *self = SITROOM_CHAIN_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_CHAIN_DETAIL);
  g_clear_object (&self->cases);

  G_OBJECT_CLASS (sitroom_chain_detail_parent_class)->dispose (object);
}

static void
sitroom_chain_detail_class_init (SitroomChainDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_chain_detail_dispose;

  signals[SHOW_REGION] =
    g_signal_new ("show-region",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /* The template names these types in its children and sorters. */
  g_type_ensure (SITROOM_TYPE_CHAIN_STORY);
  g_type_ensure (SITROOM_TYPE_CHAIN_CASE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-chain-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, box);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, story);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, detail_title);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, detail_status);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, first_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, positives_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, close_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, secondary_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, outside_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, no_region_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, region_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, measure_list);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, no_measure_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, no_case_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, case_scroller);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, case_table);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, case_id_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, case_reported_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, case_region_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, case_class_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomChainDetail, case_status_column);

  gtk_widget_class_set_css_name (widget_class, "chain-detail");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sitroom_chain_detail_init (SitroomChainDetail *self)
{
  GtkSortListModel *sorted;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_column_factory (self->case_id_column, "id");
  set_column_factory (self->case_reported_column, "reported-text");
  set_column_factory (self->case_region_column, "region");
  set_column_factory (self->case_class_column, "classification-text");
  set_column_factory (self->case_status_column, "status-text");

  /* Until a header is clicked, the cases keep the order they were reported in. */
  self->cases = g_list_store_new (SITROOM_TYPE_CHAIN_CASE_ROW);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->cases)),
                                    g_object_ref (gtk_column_view_get_sorter (self->case_table)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->case_table, GTK_SELECTION_MODEL (selection));
}
