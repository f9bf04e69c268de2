/* The Capacity page's words: the header's figures, the illustrative note, the sentences under the forecast and the people at home. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-capacity-row.h"
#include "sitroom-capacity-view-private.h"
#include "sitroom-format.h"

static void
set_figure (SitroomFigure *figure,
            const char    *value,
            const char    *detail,
            gboolean       warning)
{
  sitroom_figure_set_value (figure, value);
  sitroom_figure_set_detail (figure, detail);
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (figure), "capacity-warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (figure), "capacity-warning");
}

static void
set_count_figure (SitroomFigure *figure,
                  gint64         count,
                  const char    *detail,
                  gboolean       warning)
{
  g_autofree char *value = sitroom_format_count (count);

  set_figure (figure, value, detail, warning);
}

void
_sitroom_capacity_view_update_running_out (SitroomCapacityView *self)
{
  guint n, running_out;
  g_autofree char *detail = NULL;

  g_assert (SITROOM_IS_CAPACITY_VIEW (self));
  g_assert (self->forecast != NULL);

  n = sitroom_forecast_get_n_prefectures (self->forecast);
  running_out = sitroom_forecast_get_n_running_out (self->forecast);
  detail = g_strdup_printf (ngettext ("of %u prefecture with beds", "of %u prefectures with beds", n), n);
  set_count_figure (self->running_out_figure, running_out, detail, running_out > 0);
}

void
_sitroom_capacity_view_update_figures (SitroomCapacityView *self)
{
  guint n_prefectures;
  gint64 capacity = 0, occupied = 0, free = 0;
  guint n_sites = 0, n_overfull = 0;
  g_autofree char *sites = NULL;
  g_autofree char *occupancy = NULL;
  g_autofree char *at = NULL;

  g_assert (SITROOM_IS_CAPACITY_VIEW (self));
  g_assert (self->forecast != NULL);

  n_prefectures = sitroom_forecast_get_n_prefectures (self->forecast);
  for (guint i = 0; i < sitroom_view_get_n_prefectures (self->view); i++)
    {
      const SitroomPrefectureFigures *figures = sitroom_view_get_prefecture (self->view, i);

      n_sites += figures->n_sites;
      n_overfull += figures->n_overfull;
    }
  for (guint i = 0; i < n_prefectures; i++)
    {
      const SitroomPrefectureForecast *prefecture = sitroom_forecast_get_prefecture (self->forecast, i);

      capacity += prefecture->capacity;
      occupied += prefecture->occupied;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->prefectures)); i++)
    {
      g_autoptr(SitroomCapacityRow) row = g_list_model_get_item (G_LIST_MODEL (self->prefectures), i);

      free += sitroom_capacity_row_get_free (row);
    }

  sites = g_strdup_printf (ngettext ("in %u centralized site", "in %u centralized sites", n_sites), n_sites);
  set_count_figure (self->capacity_figure, capacity, sites, FALSE);
  set_count_figure (self->occupied_figure, occupied, _("people in centralized sites"), FALSE);
  set_count_figure (self->free_figure, free, _("beds nobody sleeps in"), FALSE);
  /* Translators: the share of beds taken, in per cent */
  occupancy = capacity > 0 ? g_strdup_printf (_("%.0f %%"), 100.0 * occupied / capacity) : g_strdup ("—");
  set_figure (self->occupancy_figure, occupancy, _("of all beds"), capacity > 0 && occupied > capacity);
  set_count_figure (self->overfull_figure, n_overfull,
                    n_overfull > 0 ? _("hold more people than beds") : _("no site holds more people than beds"),
                    n_overfull > 0);
  _sitroom_capacity_view_update_running_out (self);

  at = sitroom_format_time (sitroom_view_get_cutoff (self->view), _sitroom_capacity_view_get_lang (self));
  gtk_label_set_label (self->cutoff_label, at);
}

static char *
describe_illustrative (SitroomSituation *situation)
{
  g_autoptr(GString) note = g_string_new (NULL);

  /* One sentence a line, as on the Overview. */
  if (sitroom_situation_is_illustrative (situation, "quarantine_sites"))
    g_string_append (note, _("Quarantine figures, beds and occupants, are illustrative, not reported."));
  if (sitroom_situation_is_illustrative (situation, "quarantine_cohorts"))
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      g_string_append (note, _("Quarantine cohorts are illustrative, and so are the arrivals and departures the forecast takes from them."));
    }

  if (note->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&note), FALSE);
}

void
_sitroom_capacity_view_update_notes (SitroomCapacityView *self)
{
  SitroomSituation *situation;
  g_autofree char *illustrative = NULL;
  int rule;
  long long days;
  gint64 assumed = 0, occupied = 0;
  g_autofree char *assumed_text = NULL;
  g_autofree char *occupied_text = NULL;
  g_autofree char *assumption = NULL;
  g_autofree char *arrivals = NULL;

  g_assert (SITROOM_IS_CAPACITY_VIEW (self));
  g_assert (self->forecast != NULL);

  situation = _sitroom_capacity_view_get_situation (self);
  illustrative = describe_illustrative (situation);
  rule = sitroom_forecast_get_assumed_rule (self->forecast);
  days = sitroom_forecast_get_assumed_days (self->forecast);
  gtk_label_set_label (self->illustrative_label, illustrative);
  gtk_widget_set_visible (self->illustrative_note, illustrative != NULL);
  gtk_widget_set_visible (self->illustrative_mark, illustrative != NULL);
  gtk_widget_set_visible (self->forecast_mark, illustrative != NULL);
  gtk_widget_set_tooltip_text (self->illustrative_mark, illustrative);
  gtk_widget_set_tooltip_text (self->forecast_mark, illustrative);

  for (guint i = 0; i < sitroom_forecast_get_n_prefectures (self->forecast); i++)
    {
      assumed += sitroom_forecast_get_prefecture (self->forecast, i)->assumed_people;
      occupied += sitroom_forecast_get_prefecture (self->forecast, i)->occupied;
    }
  assumed_text = sitroom_format_count (assumed);
  occupied_text = sitroom_format_count (occupied);

  if (rule >= 0)
    {
      const SitroomQuarantineRule *r = sitroom_situation_get_rule (situation, rule);
      const char *name = r->id;
      const char *lang = _sitroom_capacity_view_get_lang (self);

      /* The rule's text is a paragraph: its id names it, the text is a hover away. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->assumption_label),
                                   r->text.zh != NULL ? sitroom_text_get (&r->text, lang) : NULL);
      /* Translators: days, the rule's id, people without a cohort, people in all */
      assumption = g_strdup_printf (ngettext ("Occupants without a cohort are taken to leave evenly over %lld day (rule “%s”): %s of %s people.",
                                              "Occupants without a cohort are taken to leave evenly over %lld days (rule “%s”): %s of %s people.",
                                              (gulong) days),
                                    days, name, assumed_text, occupied_text);
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->assumption_label), NULL);
      /* Translators: days, people without a cohort, people in all */
      assumption = g_strdup_printf (ngettext ("Occupants without a cohort are taken to leave evenly over %lld day, as no rule of the document gives centralized days: %s of %s people.",
                                              "Occupants without a cohort are taken to leave evenly over %lld days, as no rule of the document gives centralized days: %s of %s people.",
                                              (gulong) days),
                                    days, assumed_text, occupied_text);
    }
  gtk_label_set_label (self->assumption_label, assumption);

  if (sitroom_situation_get_n_cohorts (situation) > 0)
    arrivals = g_strdup_printf (ngettext ("Arrivals a day are the mean of the cohorts that entered a centralized site in the 3 days to the cutoff, unless set below; each stays %lld day.",
                                          "Arrivals a day are the mean of the cohorts that entered a centralized site in the 3 days to the cutoff, unless set below; each stays %lld days.",
                                          (gulong) days),
                                days);
  else
    arrivals = g_strdup_printf (ngettext ("The document gives no cohorts: nobody is taken to arrive unless a figure is set below; arrivals stay %lld day.",
                                          "The document gives no cohorts: nobody is taken to arrive unless a figure is set below; arrivals stay %lld days.",
                                          (gulong) days),
                                days);
  gtk_label_set_label (self->arrivals_label, arrivals);
}

void
_sitroom_capacity_view_update_home (SitroomCapacityView *self)
{
  SitroomSituation *situation;
  const char *lang;
  GtkWidget *child;
  gboolean any = FALSE;

  g_assert (SITROOM_IS_CAPACITY_VIEW (self));

  situation = _sitroom_capacity_view_get_situation (self);
  lang = _sitroom_capacity_view_get_lang (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->home_list))) != NULL)
    gtk_list_box_remove (self->home_list, child);

  for (guint i = 0; situation != NULL && i < sitroom_situation_get_n_sites (situation); i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);
      int prefecture = sitroom_situation_get_region (situation, site->region)->prefecture;
      g_autofree char *count = NULL;
      g_autofree char *people = NULL;
      GtkWidget *row, *label;

      if (site->kind != SITROOM_SITE_HOME)
        continue;

      count = sitroom_format_count (site->occupied);
      /* Translators: a count of people */
      people = g_strdup_printf (_("%s at home"), count);
      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", sitroom_text_get (&site->name, lang),
                          "subtitle", sitroom_format_region (situation, prefecture >= 0 ? prefecture : site->region, lang),
                          "use-markup", FALSE,
                          NULL);
      label = gtk_label_new (people);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->home_list, row);
      any = TRUE;
    }
  gtk_widget_set_visible (self->home_box, any);
}
