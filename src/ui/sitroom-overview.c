/* The Overview page: headline figures, the briefing paragraph, prefectures, chains and measures at the cutoff. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-briefing.h"
#include "sitroom-figure.h"
#include "sitroom-format.h"
#include "sitroom-overview.h"
#include "sitroom-prefecture-row.h"

struct _SitroomOverview
{
  GtkWidget parent_instance;

  SitroomContext *context;
  GListStore *prefectures;    /* SitroomPrefectureRow */

  GtkWidget *scroller;
  GtkWidget *illustrative_note;
  GtkLabel *illustrative_label;
  SitroomFigure *positives_figure;
  SitroomFigure *confirmed_figure;
  SitroomFigure *asymptomatic_figure;
  SitroomFigure *new_figure;
  SitroomFigure *chains_figure;
  SitroomFigure *close_figure;
  SitroomFigure *secondary_figure;
  GtkLabel *headline_label;
  GtkColumnView *prefecture_table;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *positives_column;
  GtkColumnViewColumn *confirmed_column;
  GtkColumnViewColumn *asymptomatic_column;
  GtkColumnViewColumn *new_column;
  GtkColumnViewColumn *quarantine_column;
  GtkListBox *chain_list;
  GtkWidget *measures_box;
  GtkListBox *measure_list;
  GtkExpander *warnings_expander;
  GtkLabel *warnings_label;
};

G_DEFINE_FINAL_TYPE (SitroomOverview, sitroom_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  COLUMN_NAME,
  COLUMN_POSITIVES,
  COLUMN_CONFIRMED,
  COLUMN_ASYMPTOMATIC,
  COLUMN_NEW_24H,
  COLUMN_QUARANTINE,
} Column;

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  g_assert (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A figure beside a chain: the number over its caption. */
static GtkWidget *
make_stat (gint64      value,
           const char *caption)
{
  g_autofree char *text = sitroom_format_count (value);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *number = gtk_label_new (text);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (number, "stat-value");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_size_request (box, 88, -1);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
make_chain_row (SitroomView               *view,
                const SitroomChainFigures *figures,
                const char                *lang)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  const SitroomChain *chain = sitroom_situation_get_chain (situation, figures->chain);
  g_autofree char *reached = NULL;
  GtkWidget *row;
  GtkWidget *badge;

  reached = figures->n_regions > 0
    ? sitroom_format_regions (situation, figures->regions, figures->n_regions, lang)
    : g_strdup (_("No cases in the province yet"));

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", sitroom_text_get (&chain->title, lang),
                      "subtitle", reached,
                      "use-markup", FALSE,
                      NULL);

  badge = gtk_label_new (chain->label != NULL ? chain->label : chain->id);
  gtk_widget_add_css_class (badge, "chain-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_stat (figures->counts.positives, _("positives")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_stat (chain->close_contacts, _("close contacts")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_stat (chain->secondary_contacts, _("secondary")));

  if (figures->counts.positives == 0)
    gtk_widget_add_css_class (row, "no-cases");

  return row;
}

static GtkWidget *
make_measure_row (SitroomSituation     *situation,
                  const SitroomMeasure *measure,
                  const char           *lang)
{
  g_autofree char *from = sitroom_format_time (measure->from, lang);
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;

  if (measure->until == SITROOM_TIME_NONE)
    period = g_strdup_printf (_("since %s"), from);
  else
    {
      g_autofree char *until = sitroom_format_time (measure->until, lang);
      period = g_strdup_printf (_("from %s until %s"), from, until);
    }

  /* Translators: a region name, then when a measure is in force. */
  subtitle = g_strdup_printf (_("%s · %s"),
                              sitroom_format_region (situation, measure->region, lang),
                              period);
  title = measure->text.zh != NULL ? sitroom_text_get (&measure->text, lang)
                                   : sitroom_format_measure_kind (measure->kind);

  return g_object_new (ADW_TYPE_ACTION_ROW,
                       "title", title,
                       "subtitle", subtitle,
                       "use-markup", FALSE,
                       NULL);
}

static char *
describe_illustrative (SitroomSituation *situation)
{
  const char * const *sections = sitroom_situation_get_illustrative (situation);
  g_autoptr(GString) note = g_string_new (NULL);

  for (guint i = 0; sections != NULL && sections[i] != NULL; i++)
    {
      /* One sentence a line: that reads well in both languages, where a space
       * between sentences would not in Chinese. */
      if (note->len > 0)
        g_string_append_c (note, '\n');

      if (g_str_equal (sections[i], "quarantine_sites"))
        g_string_append (note, _("*Quarantine figures are illustrative, not reported."));
      else if (g_str_equal (sections[i], "cases/reported_at"))
        g_string_append (note, _("The times at which single cases were reported are illustrative, and so are figures at an earlier cutoff."));
      else if (g_str_equal (sections[i], "cases/classification"))
        g_string_append (note, _("The classification of single cases is illustrative."));
      else if (g_str_has_prefix (sections[i], "cases"))
        g_string_append (note, _("Case details are illustrative, not reported."));
      else if (g_str_has_prefix (sections[i], "chains"))
        g_string_append (note, _("Chain figures are illustrative, not reported."));
      else if (g_str_has_prefix (sections[i], "measures"))
        g_string_append (note, _("The measures listed are illustrative, not reported."));
      else
        g_string_append_printf (note,
                                _("The “%s” figures are illustrative, not reported."),
                                sections[i]);
    }

  if (note->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
set_figure (SitroomFigure *figure,
            gint64         value,
            const char    *detail)
{
  g_autofree char *text = sitroom_format_count (value);

  sitroom_figure_set_value (figure, text);
  sitroom_figure_set_detail (figure, detail);
}

static void
update_figures (SitroomOverview *self,
                SitroomView     *view)
{
  const SitroomCounts *totals = sitroom_view_get_totals (view);
  guint n_affected = sitroom_view_get_n_affected_prefectures (view);
  guint n_chains = sitroom_view_get_n_chains (view);
  g_autofree char *positives = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *chains = NULL;

  positives = g_strdup_printf (ngettext ("in %u prefecture", "in %u prefectures", n_affected),
                               n_affected);
  confirmed = g_strdup_printf (_("%u mild · %u moderate · %u severe · %u critical"),
                               totals->by_class[SITROOM_CLASS_MILD],
                               totals->by_class[SITROOM_CLASS_MODERATE],
                               totals->by_class[SITROOM_CLASS_SEVERE],
                               totals->by_class[SITROOM_CLASS_CRITICAL]);
  chains = g_strdup_printf (ngettext ("of %u chain", "of %u chains", n_chains), n_chains);

  set_figure (self->positives_figure, totals->positives, positives);
  set_figure (self->confirmed_figure, totals->confirmed, confirmed);
  set_figure (self->asymptomatic_figure, totals->asymptomatic, _("not counted as confirmed"));
  set_figure (self->new_figure, totals->new_24h, _("in the 24 hours to the cutoff"));
  set_figure (self->chains_figure, sitroom_view_get_n_active_chains (view), chains);
  set_figure (self->close_figure, sitroom_view_get_close_contacts (view), _("of the active chains"));
  set_figure (self->secondary_figure, sitroom_view_get_secondary_contacts (view), _("of the active chains"));
}

static void
update_prefectures (SitroomOverview *self,
                    SitroomView     *view,
                    const char      *lang)
{
  guint n = sitroom_view_get_n_prefectures (view);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, sitroom_prefecture_row_new (view, sitroom_view_get_prefecture (view, i), lang));

  /* One splice: the table never shows old and new rows together. */
  g_list_store_splice (self->prefectures, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->prefectures)),
                       rows->pdata, rows->len);
}

static void
update_chains (SitroomOverview *self,
               SitroomView     *view,
               const char      *lang)
{
  guint n = sitroom_view_get_n_chains (view);

  remove_all_rows (self->chain_list);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->chain_list, make_chain_row (view, sitroom_view_get_chain (view, i), lang));
  gtk_widget_set_visible (GTK_WIDGET (self->chain_list), n > 0);
}

static void
update_measures (SitroomOverview *self,
                 SitroomView     *view,
                 const char      *lang)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = 0;
  const int *in_force = sitroom_view_get_measures_in_force (view, &n);

  remove_all_rows (self->measure_list);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->measure_list,
                         make_measure_row (situation, sitroom_situation_get_measure (situation, in_force[i]), lang));
  gtk_widget_set_visible (self->measures_box, n > 0);
}

static void
update_notes (SitroomOverview *self,
              SitroomView     *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  GPtrArray *warnings = sitroom_situation_get_warnings (situation);
  g_autofree char *illustrative = describe_illustrative (situation);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *expander_label = NULL;
  guint n_warnings = warnings != NULL ? warnings->len : 0;

  gtk_label_set_label (self->illustrative_label, illustrative);
  gtk_widget_set_visible (self->illustrative_note, illustrative != NULL);
  gtk_column_view_column_set_title (self->quarantine_column,
                                    sitroom_situation_is_illustrative (situation, "quarantine_sites")
                                      /* Translators: the asterisk points to the note saying these figures are illustrative. */
                                      ? _("Quarantine*")
                                      : _("Quarantine"));

  for (guint i = 0; i < n_warnings; i++)
    {
      g_autofree char *line = sitroom_problem_to_string (g_ptr_array_index (warnings, i));

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, line);
    }

  expander_label = g_strdup_printf (ngettext ("%u data-quality warning",
                                              "%u data-quality warnings",
                                              n_warnings),
                                    n_warnings);
  gtk_expander_set_label (self->warnings_expander, expander_label);
  gtk_label_set_label (self->warnings_label, lines->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_expander), n_warnings > 0);
}

static void
sitroom_overview_update (SitroomOverview *self)
{
  SitroomView *view;
  const char *lang;
  g_autofree char *headline = NULL;

  g_assert (SITROOM_IS_OVERVIEW (self));

  /* Without a document the window shows a status page instead of this one,
   * and the last figures stay until a new view replaces them. */
  if (self->context == NULL || (view = sitroom_context_get_view (self->context)) == NULL)
    return;

  lang = sitroom_context_get_lang (self->context);
  headline = sitroom_briefing_headline (view, lang);

  update_figures (self, view);
  gtk_label_set_label (self->headline_label, headline);
  update_prefectures (self, view, lang);
  update_chains (self, view, lang);
  update_measures (self, view, lang);
  update_notes (self, view);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  SitroomPrefectureRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean overfull = FALSE;

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (sitroom_prefecture_row_get_name (row));
      break;
    case COLUMN_POSITIVES:
      text = sitroom_format_count (sitroom_prefecture_row_get_positives (row));
      break;
    case COLUMN_CONFIRMED:
      text = sitroom_format_count (sitroom_prefecture_row_get_confirmed (row));
      break;
    case COLUMN_ASYMPTOMATIC:
      text = sitroom_format_count (sitroom_prefecture_row_get_asymptomatic (row));
      break;
    case COLUMN_NEW_24H:
      text = sitroom_format_count (sitroom_prefecture_row_get_new_24h (row));
      break;
    case COLUMN_QUARANTINE:
      if (sitroom_prefecture_row_get_capacity (row) < 0)
        text = g_strdup ("—");
      else
        {
          g_autofree char *occupied = sitroom_format_count (sitroom_prefecture_row_get_occupied (row));
          g_autofree char *capacity = sitroom_format_count (sitroom_prefecture_row_get_capacity (row));

          /* Translators: people in quarantine / places, as in "78 / 600". */
          text = g_strdup_printf (_("%s / %s"), occupied, capacity);
          overfull = sitroom_prefecture_row_get_overfull (row);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (GTK_LABEL (label), text);

  /* Rows of prefectures without cases stay listed, but step back. */
  if (sitroom_prefecture_row_get_positives (row) == 0 && !overfull)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");

  if (overfull)
    {
      gtk_widget_add_css_class (label, "overfull");
      gtk_widget_set_tooltip_text (label, _("A quarantine site holds more people than it has places for"));
    }
  else
    {
      gtk_widget_remove_css_class (label, "overfull");
      gtk_widget_set_tooltip_text (label, NULL);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_NAME)
    {
      /* The column is as wide as its widest cell so far; a floor of a few
       * characters keeps short headers (Chinese "市") from squeezing names. */
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }

  gtk_list_item_set_child (item, label);
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    Column               kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (kind));
  gtk_column_view_column_set_factory (column, factory);
}

static void
sitroom_overview_dispose (GObject *object)
{
  SitroomOverview *self = SITROOM_OVERVIEW (object);

  sitroom_overview_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_OVERVIEW);
  g_clear_object (&self->prefectures);

  G_OBJECT_CLASS (sitroom_overview_parent_class)->dispose (object);
}

static void
sitroom_overview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SitroomOverview *self = SITROOM_OVERVIEW (object);

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
sitroom_overview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SitroomOverview *self = SITROOM_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_overview_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_overview_class_init (SitroomOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_overview_dispose;
  object_class->get_property = sitroom_overview_get_property;
  object_class->set_property = sitroom_overview_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names these types in its sorters and children. */
  g_type_ensure (SITROOM_TYPE_FIGURE);
  g_type_ensure (SITROOM_TYPE_PREFECTURE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, scroller);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, illustrative_note);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, illustrative_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, positives_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, confirmed_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, asymptomatic_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, new_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, chains_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, close_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, secondary_figure);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, headline_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, prefecture_table);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, name_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, positives_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, confirmed_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, asymptomatic_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, new_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, quarantine_column);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, chain_list);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, measures_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, measure_list);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, warnings_expander);
  gtk_widget_class_bind_template_child (widget_class, SitroomOverview, warnings_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sitroom_overview_init (SitroomOverview *self)
{
  GtkSortListModel *sorted;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_column_factory (self->name_column, COLUMN_NAME);
  set_column_factory (self->positives_column, COLUMN_POSITIVES);
  set_column_factory (self->confirmed_column, COLUMN_CONFIRMED);
  set_column_factory (self->asymptomatic_column, COLUMN_ASYMPTOMATIC);
  set_column_factory (self->new_column, COLUMN_NEW_24H);
  set_column_factory (self->quarantine_column, COLUMN_QUARANTINE);

  /* Until a column header is clicked the rows keep the code order of the
   * province's own tables. */
  self->prefectures = g_list_store_new (SITROOM_TYPE_PREFECTURE_ROW);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->prefectures)),
                                    g_object_ref (gtk_column_view_get_sorter (self->prefecture_table)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->prefecture_table, GTK_SELECTION_MODEL (selection));
}

SitroomContext *
sitroom_overview_get_context (SitroomOverview *self)
{
  g_return_val_if_fail (SITROOM_IS_OVERVIEW (self), NULL);

  return self->context;
}

void
sitroom_overview_set_context (SitroomOverview *self,
                              SitroomContext  *context)
{
  g_return_if_fail (SITROOM_IS_OVERVIEW (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "view", G_CALLBACK (sitroom_overview_update),
                               "lang", G_CALLBACK (sitroom_overview_update),
                               NULL))
    return;

  if (context != NULL)
    sitroom_overview_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
