/* A prefecture's card on the Capacity page: its name, the day its beds run out, its forecast chart and a what-if for arrivals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sitroom-capacity-card.h"
#include "sitroom-capacity-row.h"
#include "sitroom-format.h"

/* The spin button and the reset carry their region and no pointer: they
 * activate an action, so that nothing outlives what it names. */
typedef struct {
  int region;
  GtkLabel *full_on;
  SitroomCapacityChart *chart;
  GtkSpinButton *spin;
  GtkWidget *reset;
} Card;

static Card *
get_card (GtkWidget *widget)
{
  Card *card = g_object_get_data (G_OBJECT (widget), "sitroom-capacity-card");

  /* Only sitroom_capacity_card_new() makes cards. */
  g_assert (card != NULL);
  return card;
}

static char *
format_people (double people)
{
  /* Whole people read better; a mean keeps its tenth. */
  if (fabs (people - round (people)) < 0.05)
    return sitroom_format_count ((gint64) round (people));
  return g_strdup_printf ("%.1f", people);
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (*text != '\0')
    return FALSE;
  *value = -1;
  return TRUE;
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  /* Empty: the placeholder shows the mean it stands for. */
  if (gtk_spin_button_get_value (spin) >= 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 gpointer       user_data)
{
  double value = gtk_spin_button_get_value (spin);

  gtk_widget_activate_action (GTK_WIDGET (spin), "capacity.set-arrivals", "(ix)",
                              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "region")),
                              value < 0 ? (gint64) -1 : (gint64) value);
}

static void
reset_clicked_cb (GtkButton *button,
                  gpointer   user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "capacity.set-arrivals", "(ix)",
                              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "region")), (gint64) -1);
}

GtkWidget *
sitroom_capacity_card_new (int         region,
                           const char *name)
{
  Card *card = g_new0 (Card, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *what_if = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *arrivals = gtk_label_new_with_mnemonic (_("_Arrivals a day"));

  g_return_val_if_fail (name != NULL, NULL);

  card->region = region;
  card->full_on = GTK_LABEL (gtk_label_new (NULL));
  card->chart = SITROOM_CAPACITY_CHART (sitroom_capacity_chart_new ());
  card->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-1, 1000000, 10));
  card->reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  g_object_set_data_full (G_OBJECT (box), "sitroom-capacity-card", card, g_free);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "capacity-card");
  gtk_widget_add_css_class (name_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_label_set_xalign (card->full_on, 1);
  gtk_box_append (GTK_BOX (heading), name_label);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (card->full_on));
  gtk_box_append (GTK_BOX (box), heading);

  gtk_widget_set_size_request (GTK_WIDGET (card->chart), 300, 220);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->chart));

  gtk_spin_button_set_digits (card->spin, 0);
  gtk_spin_button_set_increments (card->spin, 10, 100);
  gtk_editable_set_width_chars (GTK_EDITABLE (card->spin), 7);
  g_signal_connect (card->spin, "input", G_CALLBACK (spin_input_cb), NULL);
  g_signal_connect (card->spin, "output", G_CALLBACK (spin_output_cb), NULL);
  g_object_set_data (G_OBJECT (card->spin), "region", GINT_TO_POINTER (region));
  g_signal_connect (card->spin, "value-changed", G_CALLBACK (spin_changed_cb), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (arrivals), GTK_WIDGET (card->spin));
  gtk_widget_add_css_class (arrivals, "dim-label");

  gtk_widget_set_tooltip_text (card->reset, _("Use the mean of the last 3 days"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->reset),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use the mean of the last 3 days"),
                                  -1);
  gtk_widget_add_css_class (card->reset, "flat");
  /* Not an actionable: the action would rule its sensitivity. */
  g_object_set_data (G_OBJECT (card->reset), "region", GINT_TO_POINTER (region));
  g_signal_connect (card->reset, "clicked", G_CALLBACK (reset_clicked_cb), NULL);

  gtk_box_append (GTK_BOX (what_if), arrivals);
  gtk_box_append (GTK_BOX (what_if), GTK_WIDGET (card->spin));
  gtk_box_append (GTK_BOX (what_if), card->reset);
  gtk_box_append (GTK_BOX (box), what_if);

  return box;
}

int
sitroom_capacity_card_get_region (GtkWidget *card)
{
  g_return_val_if_fail (GTK_IS_WIDGET (card), -1);

  return get_card (card)->region;
}

SitroomCapacityChart *
sitroom_capacity_card_get_chart (GtkWidget *card)
{
  g_return_val_if_fail (GTK_IS_WIDGET (card), NULL);

  return get_card (card)->chart;
}

GtkSpinButton *
sitroom_capacity_card_get_arrivals (GtkWidget *card)
{
  g_return_val_if_fail (GTK_IS_WIDGET (card), NULL);

  return get_card (card)->spin;
}

void
sitroom_capacity_card_update (GtkWidget       *widget,
                              SitroomForecast *forecast,
                              gint64           arrivals,
                              double           mean,
                              const char      *lang)
{
  Card *card;
  const SitroomPrefectureForecast *prefecture;
  g_autofree char *full_on = NULL;
  g_autofree char *mean_text = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SITROOM_IS_FORECAST (forecast));
  g_return_if_fail (lang != NULL);

  card = get_card (widget);
  prefecture = sitroom_forecast_lookup (forecast, card->region);
  g_return_if_fail (prefecture != NULL);

  sitroom_capacity_chart_set_forecast (card->chart, forecast, card->region);
  sitroom_capacity_chart_set_lang (card->chart, lang);

  if (prefecture->full_on >= 0)
    {
      g_autofree char *date = sitroom_capacity_row_format_day (prefecture->days[prefecture->full_on].day, lang);

      /* Translators: a day */
      full_on = g_strdup_printf (_("Beds run out on %s"), date);
      gtk_widget_add_css_class (GTK_WIDGET (card->full_on), "capacity-running-out");
    }
  else
    {
      full_on = g_strdup (_("Beds last the 14 days"));
      gtk_widget_remove_css_class (GTK_WIDGET (card->full_on), "capacity-running-out");
    }
  gtk_label_set_label (card->full_on, full_on);

  mean_text = format_people (mean);
  gtk_text_set_placeholder_text (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (card->spin))), mean_text);
  /* Translators: people a day */
  tooltip = g_strdup_printf (_("People a day assumed to arrive. Empty: the mean of the cohorts of the last 3 days, %s a day."),
                             mean_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->spin), tooltip);

  /* Showing the figure is not asking for it. */
  g_signal_handlers_block_by_func (card->spin, spin_changed_cb, NULL);
  gtk_spin_button_set_value (card->spin, arrivals < 0 ? -1 : arrivals);
  g_signal_handlers_unblock_by_func (card->spin, spin_changed_cb, NULL);
  gtk_widget_set_sensitive (card->reset, arrivals >= 0);
}
