/* The Map page's words: metric names, the accessible label of each region's marker, the tooltip. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-map-view-private.h"

/* What the metric dropdown lists, in the metric enumeration's order. */
const char *
_sitroom_map_view_metric_name (SitroomMetric metric)
{
  switch (metric)
    {
    case SITROOM_METRIC_POSITIVES:
      return _("Positives");
    case SITROOM_METRIC_NEW_24H:
      return _("New in 24 h");
    case SITROOM_METRIC_CONFIRMED:
      return _("Confirmed");
    case SITROOM_METRIC_ASYMPTOMATIC:
      return _("Asymptomatic");
    case SITROOM_METRIC_ACTIVE_CHAINS:
      return _("Active chains");
    case SITROOM_METRIC_OCCUPANCY:
      return _("Quarantine occupancy");
    case SITROOM_N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

/* "Map of Shanxi's prefectures coloured by …": the metric as a phrase. */
static const char *
metric_phrase (SitroomMetric metric)
{
  switch (metric)
    {
    case SITROOM_METRIC_POSITIVES:
      return _("nucleic-acid positives");
    case SITROOM_METRIC_NEW_24H:
      return _("positives reported in the last 24 hours");
    case SITROOM_METRIC_CONFIRMED:
      return _("confirmed cases");
    case SITROOM_METRIC_ASYMPTOMATIC:
      return _("asymptomatic infections");
    case SITROOM_METRIC_ACTIVE_CHAINS:
      return _("active infection chains");
    case SITROOM_METRIC_OCCUPANCY:
      return _("occupancy of the quarantine sites");
    case SITROOM_N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

/* "Jincheng: 5 positives": a region's name and its figure of the metric,
 * what a screen reader says on its marker. */
static char *
describe_region (SitroomMapView *self,
                 int             region)
{
  SitroomMetric metric = self->options.metric;
  const char *name = sitroom_format_region (self->situation, region, self->options.lang);
  g_autofree char *figure = NULL;
  double value = 0;
  gulong n;

  if (!sitroom_metric_get_value (self->view, metric, region, &value))
    /* Translators: a prefecture for which the map's metric has no value. */
    return g_strdup_printf (_("%s: no figure"), name);

  if (metric == SITROOM_METRIC_OCCUPANCY)
    {
      figure = g_strdup_printf ("%.0f%%", value);
      /* Translators: a prefecture, then how full its quarantine sites are, as in "78%". */
      return g_strdup_printf (_("%s: quarantine sites %s full"), name, figure);
    }

  n = (gulong) MAX (value, 0);
  figure = sitroom_format_count ((gint64) n);
  switch (metric)
    {
    case SITROOM_METRIC_POSITIVES:
      /* Translators: a prefecture and its count. */
      return g_strdup_printf (ngettext ("%s: %s positive", "%s: %s positives", n), name, figure);
    case SITROOM_METRIC_NEW_24H:
      return g_strdup_printf (ngettext ("%s: %s new positive in 24 hours",
                                        "%s: %s new positives in 24 hours", n), name, figure);
    case SITROOM_METRIC_CONFIRMED:
      return g_strdup_printf (ngettext ("%s: %s confirmed case", "%s: %s confirmed cases", n),
                              name, figure);
    case SITROOM_METRIC_ASYMPTOMATIC:
      return g_strdup_printf (ngettext ("%s: %s asymptomatic infection",
                                        "%s: %s asymptomatic infections", n), name, figure);
    case SITROOM_METRIC_ACTIVE_CHAINS:
      return g_strdup_printf (ngettext ("%s: %s active chain", "%s: %s active chains", n),
                              name, figure);
    case SITROOM_METRIC_OCCUPANCY:
    case SITROOM_N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

/* The tooltip over a region: its name and all its figures, the map's
 * metric last when the four counts do not already say it. */
char *
_sitroom_map_view_region_tooltip (SitroomMapView *self,
                int             region)
{
  const SitroomPrefectureFigures *figures = sitroom_view_lookup_prefecture (self->view, region);
  g_autoptr(GString) text = g_string_new (sitroom_format_region (self->situation, region, self->options.lang));
  g_autofree char *positives = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *asymptomatic = NULL;
  g_autofree char *new_24h = NULL;
  double value;

  if (figures == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  positives = sitroom_format_count (figures->counts.positives);
  confirmed = sitroom_format_count (figures->counts.confirmed);
  asymptomatic = sitroom_format_count (figures->counts.asymptomatic);
  new_24h = sitroom_format_count (figures->counts.new_24h);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Positives: %s"), positives);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Confirmed: %s"), confirmed);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Asymptomatic: %s"), asymptomatic);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("New in 24 h: %s"), new_24h);

  if (self->options.metric == SITROOM_METRIC_ACTIVE_CHAINS &&
      sitroom_metric_get_value (self->view, self->options.metric, region, &value))
    {
      g_autofree char *chains = sitroom_format_count ((gint64) value);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Active chains: %s"), chains);
    }
  else if (self->options.metric == SITROOM_METRIC_OCCUPANCY)
    {
      g_autofree char *occupancy = NULL;

      if (sitroom_metric_get_value (self->view, self->options.metric, region, &value))
        occupancy = g_strdup_printf ("%.0f%%", value);
      else
        occupancy = g_strdup ("—");
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Quarantine occupancy: %s"), occupancy);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Every marker's accessible label, and the map's description. */
void
_sitroom_map_view_update_labels (SitroomMapView *self)
{
  g_autofree char *description = NULL;

  /* Translators: %s is what colours the map, as in "confirmed cases". */
  description = g_strdup_printf (_("Map of Shanxi’s prefectures coloured by %s. "
                                   "The arrow keys move between prefectures."),
                                 metric_phrase (self->options.metric));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  if (self->view == NULL)
    return;

  for (guint i = 0; i < self->markers->len; i++)
    {
      GtkWidget *marker = g_ptr_array_index (self->markers, i);
      g_autofree char *label = describe_region (self, _sitroom_map_view_marker_region (marker));

      gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}
