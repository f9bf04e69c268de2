/* The panel beside the map about one prefecture: its figures, the chains that reach it, its sites, and its measures with how long so far. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-measures.h"
#include "sitroom-region-panel.h"

struct _SitroomRegionPanel
{
  GtkWidget parent_instance;

  SitroomContext *context;
  int region;

  GtkWidget *scroller;
  GtkLabel *name_label;
  GtkLabel *positives_label;
  GtkLabel *confirmed_label;
  GtkLabel *classes_label;
  GtkLabel *asymptomatic_label;
  GtkLabel *new_label;
  GtkListBox *chain_list;
  GtkWidget *no_chains_label;
  GtkWidget *sites_box;
  GtkWidget *illustrative_label;
  GtkListBox *site_list;
  GtkWidget *measures_box;
  GtkListBox *measure_list;
  GtkWidget *no_measure_label;
  GtkWidget *ended_box;
  GtkListBox *ended_list;
};

G_DEFINE_FINAL_TYPE (SitroomRegionPanel, sitroom_region_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows of the chain list carry the chain index they select. */
static GQuark chain_quark;

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  g_assert (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = sitroom_format_count (count);

  gtk_label_set_label (label, text);
}

static void
update_chain_marks (SitroomRegionPanel *self)
{
  int selected = self->context != NULL ? sitroom_context_get_selected_chain (self->context) : -1;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->chain_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
      int chain = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (row), chain_quark)) - 1;

      if (check != NULL)
        gtk_widget_set_visible (check, chain == selected);
    }
}

static GtkWidget *
make_chain_row (SitroomSituation *situation,
                int               index,
                const char       *lang)
{
  const SitroomChain *chain = sitroom_situation_get_chain (situation, index);
  GtkWidget *row;
  GtkWidget *badge;
  GtkWidget *check;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", sitroom_text_get (&chain->title, lang),
                      "use-markup", FALSE,
                      "activatable", TRUE,
                      /* Translators: what activating a chain's row in the region panel does. */
                      "tooltip-text", _("Show this chain’s route on the map"),
                      NULL);

  badge = gtk_label_new (chain->label != NULL ? chain->label : chain->id);
  gtk_widget_add_css_class (badge, "chain-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_visible (check, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_qdata (G_OBJECT (row), chain_quark, GINT_TO_POINTER (index + 1));

  return row;
}

static void
update_chains (SitroomRegionPanel *self,
               SitroomView        *view,
               const char         *lang)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_chains (view);
  guint shown = 0;

  remove_all_rows (self->chain_list);
  for (guint i = 0; i < n; i++)
    {
      const SitroomChainFigures *figures = sitroom_view_get_chain (view, i);

      for (guint j = 0; j < figures->n_regions; j++)
        if (figures->regions[j] == self->region)
          {
            gtk_list_box_append (self->chain_list, make_chain_row (situation, figures->chain, lang));
            shown++;
            break;
          }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chain_list), shown > 0);
  gtk_widget_set_visible (self->no_chains_label, shown == 0);
  update_chain_marks (self);
}

static GtkWidget *
make_site_row (const SitroomSite *site,
               const char        *lang)
{
  g_autofree char *occupied = sitroom_format_count (site->occupied);
  g_autofree char *capacity = sitroom_format_count (site->capacity);
  g_autofree char *subtitle = NULL;
  gboolean known = site->capacity >= 0 && site->occupied >= 0;
  gboolean overfull = known && site->occupied > site->capacity;
  GtkWidget *row;

  if (!known)
    /* Translators: people in a quarantine site, then its places, as in "96 occupied of 250 places". */
    subtitle = g_strdup_printf (_("%s occupied of %s places"), occupied, capacity);
  else if (overfull)
    {
      g_autofree char *over = sitroom_format_count (site->occupied - site->capacity);

      /* Translators: people, places, and how many people more than places there are. */
      subtitle = g_strdup_printf (_("%s occupied of %s places · %s over capacity"), occupied, capacity, over);
    }
  else
    {
      g_autofree char *free_places = sitroom_format_count (site->capacity - site->occupied);

      /* Translators: people, places, and the places still free. */
      subtitle = g_strdup_printf (_("%s occupied of %s places · %s free"), occupied, capacity, free_places);
    }

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", sitroom_text_get (&site->name, lang),
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      NULL);

  if (site->kind == SITROOM_SITE_HOME)
    {
      GtkWidget *kind = gtk_label_new (_("Home"));

      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      gtk_widget_set_tooltip_text (kind, _("Home quarantine"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
    }

  if (overfull)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (row, "overfull-site");
      gtk_widget_set_tooltip_text (icon, _("A quarantine site holds more people than it has places for"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }

  return row;
}

static void
update_sites (SitroomRegionPanel *self,
              SitroomSituation   *situation,
              const char         *lang)
{
  guint n = sitroom_situation_get_n_sites (situation);
  guint shown = 0;

  remove_all_rows (self->site_list);
  for (guint i = 0; i < n; i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, site->region);

      if (region->prefecture != self->region)
        continue;
      gtk_list_box_append (self->site_list, make_site_row (site, lang));
      shown++;
    }

  gtk_widget_set_visible (self->sites_box, shown > 0);
  gtk_widget_set_visible (self->illustrative_label,
                          sitroom_situation_is_illustrative (situation, "quarantine_sites"));
}

/* The kind in bold; where, since when and how long so far; then the
 * measure's own words. */
static GtkWidget *
make_measure_row (SitroomSituation          *situation,
                  const SitroomMeasureState *state,
                  const char                *lang)
{
  const SitroomMeasure *measure = sitroom_situation_get_measure (situation, state->measure);
  g_autofree char *period = sitroom_format_measure_period (measure, lang);
  g_autofree char *so_far = sitroom_format_measure_so_far (state);
  g_autofree char *where = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *kind = gtk_label_new (sitroom_format_measure_kind (measure->kind));
  GtkWidget *when;
  GtkWidget *duration;
  GtkWidget *row;

  /* Translators: a region name, then when a measure is in force. */
  where = g_strdup_printf (_("%s · %s"), sitroom_format_region (situation, measure->region, lang), period);
  when = gtk_label_new (where);
  duration = gtk_label_new (so_far);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "heading");
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_label_set_wrap (GTK_LABEL (when), TRUE);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_label_set_xalign (GTK_LABEL (duration), 0);
  gtk_widget_add_css_class (duration, "caption");
  gtk_widget_add_css_class (duration, "measure-duration");
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), duration);

  if (measure->text.zh != NULL)
    {
      GtkWidget *text = gtk_label_new (sitroom_text_get (&measure->text, lang));

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_box_append (GTK_BOX (box), text);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* The measures that concern the prefecture and have @status, into @list:
 * those of the prefecture and its counties first, then those of what
 * contains it (the province), which apply there too. */
static guint
fill_measures (SitroomRegionPanel   *self,
               SitroomSituation     *situation,
               GArray               *measures,
               SitroomMeasureStatus  status,
               GtkListBox           *list,
               const char           *lang)
{
  guint shown = 0;

  remove_all_rows (list);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < measures->len; i++)
      {
        const SitroomMeasureState *state = &g_array_index (measures, SitroomMeasureState, i);
        const SitroomMeasure *measure = sitroom_situation_get_measure (situation, state->measure);
        gboolean local = sitroom_situation_get_region (situation, measure->region)->prefecture == self->region;

        if (state->status != status || local != (pass == 0))
          continue;
        if (!sitroom_measure_concerns_region (situation, state->measure, self->region))
          continue;
        gtk_list_box_append (list, make_measure_row (situation, state, lang));
        shown++;
      }

  gtk_widget_set_visible (GTK_WIDGET (list), shown > 0);
  return shown;
}

static void
update_measures (SitroomRegionPanel *self,
                 SitroomView        *view,
                 const char         *lang)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  g_autoptr(GArray) measures = sitroom_measures_list (view, FALSE);
  guint in_force = fill_measures (self, situation, measures, SITROOM_MEASURE_IN_FORCE, self->measure_list, lang);
  guint ended = fill_measures (self, situation, measures, SITROOM_MEASURE_ENDED, self->ended_list, lang);

  gtk_widget_set_visible (self->no_measure_label, in_force == 0);
  gtk_widget_set_visible (self->ended_box, ended > 0);
  gtk_widget_set_visible (self->measures_box, in_force + ended > 0);
}

static void
close_clicked_cb (SitroomRegionPanel *self)
{
  if (self->context != NULL)
    sitroom_context_set_selected_prefecture (self->context, -1);
}

static void
chain_activated_cb (SitroomRegionPanel *self,
                    GtkListBoxRow      *row)
{
  int chain = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (row), chain_quark)) - 1;

  if (self->context == NULL || chain < 0)
    return;

  /* A second click on the chain shown takes its route off the map. */
  if (sitroom_context_get_selected_chain (self->context) == chain)
    chain = -1;
  sitroom_context_set_selected_chain (self->context, chain);
}

static void
sitroom_region_panel_dispose (GObject *object)
{
  SitroomRegionPanel *self = SITROOM_REGION_PANEL (object);

  sitroom_region_panel_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_REGION_PANEL);

  G_OBJECT_CLASS (sitroom_region_panel_parent_class)->dispose (object);
}

static void
sitroom_region_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SitroomRegionPanel *self = SITROOM_REGION_PANEL (object);

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
sitroom_region_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SitroomRegionPanel *self = SITROOM_REGION_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_region_panel_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_region_panel_class_init (SitroomRegionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_region_panel_dispose;
  object_class->get_property = sitroom_region_panel_get_property;
  object_class->set_property = sitroom_region_panel_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  chain_quark = g_quark_from_static_string ("sitroom-region-panel-chain");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-region-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, positives_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, confirmed_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, classes_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, asymptomatic_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, new_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, chain_list);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, no_chains_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, sites_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, illustrative_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, site_list);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, measures_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, measure_list);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, no_measure_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, ended_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomRegionPanel, ended_list);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, chain_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "region-panel");
}

static void
sitroom_region_panel_init (SitroomRegionPanel *self)
{
  self->region = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

SitroomContext *
sitroom_region_panel_get_context (SitroomRegionPanel *self)
{
  g_return_val_if_fail (SITROOM_IS_REGION_PANEL (self), NULL);

  return self->context;
}

void
sitroom_region_panel_set_context (SitroomRegionPanel *self,
                                  SitroomContext     *context)
{
  g_return_if_fail (SITROOM_IS_REGION_PANEL (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "selected-chain", G_CALLBACK (update_chain_marks),
                               NULL))
    return;

  update_chain_marks (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

void
sitroom_region_panel_show_region (SitroomRegionPanel *self,
                                  SitroomView        *view,
                                  int                 region,
                                  const char         *lang)
{
  SitroomSituation *situation;
  const SitroomPrefectureFigures *figures;
  g_autofree char *classes = NULL;

  g_return_if_fail (SITROOM_IS_REGION_PANEL (self));
  g_return_if_fail (SITROOM_IS_VIEW (view));
  g_return_if_fail (lang != NULL);

  situation = sitroom_view_get_situation (view);
  g_return_if_fail (region >= 0 && (guint) region < sitroom_situation_get_n_regions (situation));

  self->region = region;
  figures = sitroom_view_lookup_prefecture (view, region);

  gtk_label_set_label (self->name_label, sitroom_format_region (situation, region, lang));
  if (figures != NULL)
    {
      const SitroomCounts *counts = &figures->counts;

      set_count (self->positives_label, counts->positives);
      set_count (self->confirmed_label, counts->confirmed);
      set_count (self->asymptomatic_label, counts->asymptomatic);
      set_count (self->new_label, counts->new_24h);
      classes = g_strdup_printf (_("%u mild · %u moderate · %u severe · %u critical"),
                                 counts->by_class[SITROOM_CLASS_MILD],
                                 counts->by_class[SITROOM_CLASS_MODERATE],
                                 counts->by_class[SITROOM_CLASS_SEVERE],
                                 counts->by_class[SITROOM_CLASS_CRITICAL]);
    }
  else
    {
      /* A region the view keeps no figures for: nothing is known, which is
       * not the same as nothing happened. */
      set_count (self->positives_label, SITROOM_COUNT_NONE);
      set_count (self->confirmed_label, SITROOM_COUNT_NONE);
      set_count (self->asymptomatic_label, SITROOM_COUNT_NONE);
      set_count (self->new_label, SITROOM_COUNT_NONE);
    }
  gtk_label_set_label (self->classes_label, classes);
  gtk_widget_set_visible (GTK_WIDGET (self->classes_label), classes != NULL);

  update_chains (self, view, lang);
  update_sites (self, situation, lang);
  update_measures (self, view, lang);
}

int
sitroom_region_panel_get_region (SitroomRegionPanel *self)
{
  g_return_val_if_fail (SITROOM_IS_REGION_PANEL (self), -1);

  return self->region;
}
