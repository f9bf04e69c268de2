/* One row of the chains table: a chain's figures and status at a cutoff, as properties the columns show and sort by. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-chain-row.h"
#include "sitroom-format.h"

struct _SitroomChainRow
{
  GObject parent_instance;

  int chain;
  char *label;
  char *title;
  gint64 first_reported;
  char *first_reported_text;
  guint positives;
  char *positives_text;
  char *reached;
  gint64 close_contacts;
  char *close_contacts_text;
  gint64 secondary_contacts;
  char *secondary_contacts_text;
  SitroomChainStatus status;
  char *status_tooltip;
};

G_DEFINE_FINAL_TYPE (SitroomChainRow, sitroom_chain_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHAIN,
  PROP_LABEL,
  PROP_TITLE,
  PROP_FIRST_REPORTED,
  PROP_FIRST_REPORTED_TEXT,
  PROP_POSITIVES,
  PROP_POSITIVES_TEXT,
  PROP_REACHED,
  PROP_CLOSE_CONTACTS,
  PROP_CLOSE_CONTACTS_TEXT,
  PROP_SECONDARY_CONTACTS,
  PROP_SECONDARY_CONTACTS_TEXT,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  PROP_STATUS_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sitroom_chain_row_status_name (SitroomChainStatus status)
{
  switch (status)
    {
    case SITROOM_CHAIN_ACTIVE:
      /* Translators: the status of an infection chain. */
      return _("Active");
    case SITROOM_CHAIN_CLOSED:
      /* Translators: the status of an infection chain. */
      return _("Closed");
    case SITROOM_CHAIN_NOT_STARTED:
    default:
      /* Translators: the status of an infection chain with nothing reported yet at the cutoff. */
      return _("Not started");
    }
}

char *
sitroom_chain_row_describe_rule (guint close_days)
{
  return g_strdup_printf (ngettext ("A chain is closed once no case of it has been reported for %u day before the cutoff. "
                                    "Until its first case, it is active for %u day after it was first reported.",
                                    "A chain is closed once no case of it has been reported for %u days before the cutoff. "
                                    "Until its first case, it is active for %u days after it was first reported.",
                                    close_days),
                          close_days, close_days);
}

static const char * const status_classes[] = {
  [SITROOM_CHAIN_NOT_STARTED] = "chain-not-started",
  [SITROOM_CHAIN_ACTIVE] = "chain-active",
  [SITROOM_CHAIN_CLOSED] = "chain-closed",
};

void
sitroom_chain_row_set_status_class (GtkWidget          *widget,
                                    SitroomChainStatus  status)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    {
      if (i == (guint) status)
        gtk_widget_add_css_class (widget, status_classes[i]);
      else
        gtk_widget_remove_css_class (widget, status_classes[i]);
    }
}

SitroomChainRow *
sitroom_chain_row_new (SitroomView *view,
                       int          chain,
                       const char  *lang,
                       guint        close_days)
{
  SitroomSituation *situation;
  const SitroomChain *c;
  const SitroomChainFigures *figures;
  SitroomChainRow *self;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (chain >= 0 && (guint) chain < sitroom_view_get_n_chains (view), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  situation = sitroom_view_get_situation (view);
  c = sitroom_situation_get_chain (situation, chain);
  figures = sitroom_view_get_chain (view, chain);

  self = g_object_new (SITROOM_TYPE_CHAIN_ROW, NULL);
  self->chain = chain;
  self->label = g_strdup (c->label != NULL ? c->label : c->id);
  self->title = g_strdup (sitroom_text_get (&c->title, lang));
  self->first_reported = c->first_reported;
  self->first_reported_text = c->first_reported != SITROOM_TIME_NONE
    ? sitroom_format_time (c->first_reported, lang)
    : g_strdup ("—");
  self->positives = figures->counts.positives;
  self->positives_text = sitroom_format_count (figures->counts.positives);
  self->reached = figures->n_regions > 0
    ? sitroom_format_regions (situation, figures->regions, figures->n_regions, lang)
    : g_strdup ("—");
  self->close_contacts = c->close_contacts;
  self->close_contacts_text = sitroom_format_count (c->close_contacts);
  self->secondary_contacts = c->secondary_contacts;
  self->secondary_contacts_text = sitroom_format_count (c->secondary_contacts);
  self->status = sitroom_chain_get_status (view, chain, close_days);
  self->status_tooltip = sitroom_chain_row_describe_rule (close_days);

  return self;
}

int
sitroom_chain_row_get_chain (SitroomChainRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_ROW (self), -1);

  return self->chain;
}

SitroomChainStatus
sitroom_chain_row_get_status (SitroomChainRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_ROW (self), SITROOM_CHAIN_NOT_STARTED);

  return self->status;
}

guint
sitroom_chain_row_get_positives (SitroomChainRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_ROW (self), 0);

  return self->positives;
}

static void
sitroom_chain_row_finalize (GObject *object)
{
  SitroomChainRow *self = SITROOM_CHAIN_ROW (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->first_reported_text, g_free);
  g_clear_pointer (&self->positives_text, g_free);
  g_clear_pointer (&self->reached, g_free);
  g_clear_pointer (&self->close_contacts_text, g_free);
  g_clear_pointer (&self->secondary_contacts_text, g_free);
  g_clear_pointer (&self->status_tooltip, g_free);

  G_OBJECT_CLASS (sitroom_chain_row_parent_class)->finalize (object);
}

static void
sitroom_chain_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SitroomChainRow *self = SITROOM_CHAIN_ROW (object);

  switch (prop_id)
    {
    case PROP_CHAIN:
      g_value_set_int (value, self->chain);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FIRST_REPORTED:
      g_value_set_int64 (value, self->first_reported);
      break;
    case PROP_FIRST_REPORTED_TEXT:
      g_value_set_string (value, self->first_reported_text);
      break;
    case PROP_POSITIVES:
      g_value_set_uint (value, self->positives);
      break;
    case PROP_POSITIVES_TEXT:
      g_value_set_string (value, self->positives_text);
      break;
    case PROP_REACHED:
      g_value_set_string (value, self->reached);
      break;
    case PROP_CLOSE_CONTACTS:
      g_value_set_int64 (value, self->close_contacts);
      break;
    case PROP_CLOSE_CONTACTS_TEXT:
      g_value_set_string (value, self->close_contacts_text);
      break;
    case PROP_SECONDARY_CONTACTS:
      g_value_set_int64 (value, self->secondary_contacts);
      break;
    case PROP_SECONDARY_CONTACTS_TEXT:
      g_value_set_string (value, self->secondary_contacts_text);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, sitroom_chain_row_status_name (self->status));
      break;
    case PROP_STATUS_TOOLTIP:
      g_value_set_string (value, self->status_tooltip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
sitroom_chain_row_class_init (SitroomChainRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sitroom_chain_row_finalize;
  object_class->get_property = sitroom_chain_row_get_property;

  /* Read-only: a row never changes, so nothing notifies. */
  properties[PROP_CHAIN] =
    g_param_spec_int ("chain", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = string_property ("label");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_FIRST_REPORTED] =
    g_param_spec_int64 ("first-reported", NULL, NULL, G_MININT64, G_MAXINT64, SITROOM_TIME_NONE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_REPORTED_TEXT] = string_property ("first-reported-text");
  properties[PROP_POSITIVES] =
    g_param_spec_uint ("positives", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITIVES_TEXT] = string_property ("positives-text");
  properties[PROP_REACHED] = string_property ("reached");
  properties[PROP_CLOSE_CONTACTS] =
    g_param_spec_int64 ("close-contacts", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSE_CONTACTS_TEXT] = string_property ("close-contacts-text");
  properties[PROP_SECONDARY_CONTACTS] =
    g_param_spec_int64 ("secondary-contacts", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECONDARY_CONTACTS_TEXT] = string_property ("secondary-contacts-text");
  /* A SitroomChainStatus: in the enumeration's order, active sorts before closed. */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_TEXT] = string_property ("status-text");
  properties[PROP_STATUS_TOOLTIP] = string_property ("status-tooltip");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitroom_chain_row_init (SitroomChainRow *self)
{
  self->first_reported = SITROOM_TIME_NONE;
  self->close_contacts = SITROOM_COUNT_NONE;
  self->secondary_contacts = SITROOM_COUNT_NONE;
}
