/* The timeline's words: the tooltip over an event, a case, a measure or the cutoff, and what a screen reader says. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-timeline-private.h"

void
_sitroom_timeline_update_accessible (SitroomTimeline *self)
{
  guint n = self->situation != NULL ? sitroom_situation_get_n_chains (self->situation) : 0;
  g_autofree char *label = NULL;

  label = g_strdup_printf (ngettext ("Timeline of %u infection chain", "Timeline of %u infection chains", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static char *
describe_event (SitroomTimeline *self,
                int              chain_index,
                int              index)
{
  const SitroomEvent *event = &sitroom_situation_get_chain (self->situation, chain_index)->events[index];
  const char *lang = self->options.lang;
  g_autofree char *time = sitroom_format_time (event->at, lang);

  if (event->text.zh == NULL)
    /* Translators: an event's kind and its time. */
    return g_strdup_printf (_("%s · %s"), sitroom_format_event_kind (event->kind), time);
  /* Translators: an event's kind and its time, then what happened. */
  return g_strdup_printf (_("%s · %s\n%s"), sitroom_format_event_kind (event->kind), time,
                          sitroom_text_get (&event->text, lang));
}

static char *
describe_case (SitroomTimeline *self,
               int              index)
{
  const SitroomCase *kase = sitroom_situation_get_case (self->situation, index);
  const char *lang = self->options.lang;
  g_autofree char *time = sitroom_format_time (kase->reported_at, lang);

  /* Translators: a case's id, classification and region, then when it was reported. */
  return g_strdup_printf (_("Case %s · %s · %s\nReported %s"), kase->id,
                          sitroom_format_classification (kase->classification),
                          sitroom_format_region (self->situation, kase->region, lang), time);
}

static char *
describe_measure (SitroomTimeline *self,
                  int              index)
{
  const SitroomMeasure *measure = sitroom_situation_get_measure (self->situation, index);
  const char *lang = self->options.lang;
  g_autofree char *from = sitroom_format_time (measure->from, lang);
  g_autofree char *period = NULL;
  const char *title;

  if (measure->until == SITROOM_TIME_NONE)
    period = g_strdup_printf (_("since %s"), from);
  else
    {
      g_autofree char *until = sitroom_format_time (measure->until, lang);

      period = g_strdup_printf (_("from %s until %s"), from, until);
    }
  title = measure->text.zh != NULL ? sitroom_text_get (&measure->text, lang)
                                   : sitroom_format_measure_kind (measure->kind);
  /* Translators: a measure, then its region and when it is in force. */
  return g_strdup_printf (_("%s\n%s · %s"), title,
                          sitroom_format_region (self->situation, measure->region, lang), period);
}

char *
sitroom_timeline_describe_at (SitroomTimeline *self,
                              double           x,
                              double           y)
{
  SitroomTimelineHit hit;
  const SitroomChain *chain;

  g_return_val_if_fail (SITROOM_IS_TIMELINE (self), NULL);

  if (self->view == NULL)
    return NULL;
  _sitroom_timeline_hit_at (self, x, y, &hit);
  switch (hit.kind)
    {
    case SITROOM_TIMELINE_HIT_EVENT:
      return describe_event (self, hit.chain, hit.index);
    case SITROOM_TIMELINE_HIT_CASE:
      return describe_case (self, hit.index);
    case SITROOM_TIMELINE_HIT_MEASURE:
      return describe_measure (self, hit.index);
    case SITROOM_TIMELINE_HIT_CUTOFF:
      {
        g_autofree char *time = sitroom_format_time (self->cutoff, self->options.lang);

        return g_strdup_printf (_("Cutoff %s: drag to move it"), time);
      }
    case SITROOM_TIMELINE_HIT_LANE:
      /* The label column names the chain whole, which its lane may cut. */
      if (hit.chain < 0 || x >= _sitroom_timeline_label_width (self))
        return NULL;
      chain = sitroom_situation_get_chain (self->situation, hit.chain);
      return g_strdup_printf ("%s %s", chain->label != NULL ? chain->label : chain->id,
                              chain->title.zh != NULL ? sitroom_text_get (&chain->title, self->options.lang) : "");
    case SITROOM_TIMELINE_HIT_NONE:
    default:
      return NULL;
    }
}

gboolean
_sitroom_timeline_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  SitroomTimeline *self = SITROOM_TIMELINE (widget);
  g_autofree char *text = NULL;

  if (keyboard_mode)
    return FALSE;
  text = sitroom_timeline_describe_at (self, x, y);
  if (text == NULL)
    return FALSE;
  /* Not gtk_tooltip_set_text(): GTK 4.8 gives a one-line text as many
   * average Latin characters of width as it has characters, too few for
   * Chinese, and a chain's name would break after a few of them. */
  if (self->tip == NULL)
    {
      self->tip = g_object_ref_sink (gtk_label_new (NULL));
      gtk_label_set_wrap (GTK_LABEL (self->tip), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->tip), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (self->tip), 60);
      gtk_label_set_xalign (GTK_LABEL (self->tip), 0);
    }
  gtk_label_set_text (GTK_LABEL (self->tip), text);
  gtk_tooltip_set_custom (tooltip, self->tip);
  return TRUE;
}
