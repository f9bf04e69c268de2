/* One row of a chain's cases table: a case, as properties the columns show and sort by. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-chain-case-row.h"
#include "sitroom-format.h"

struct _SitroomChainCaseRow
{
  GObject parent_instance;

  char *id;
  gint64 reported;
  char *reported_text;
  char *region;
  SitroomClassification classification;
  SitroomStatus status;
};

G_DEFINE_FINAL_TYPE (SitroomChainCaseRow, sitroom_chain_case_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REPORTED,
  PROP_REPORTED_TEXT,
  PROP_REGION,
  PROP_SEVERITY,
  PROP_CLASSIFICATION_TEXT,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sitroom_chain_case_row_classification_name (SitroomClassification classification)
{
  return sitroom_format_classification (classification);
}

const char *
sitroom_chain_case_row_status_name (SitroomStatus status)
{
  switch (status)
    {
    case SITROOM_STATUS_HOSPITALIZED:
      /* Translators: where a case stands. */
      return _("Hospitalized");
    case SITROOM_STATUS_RECOVERED:
      /* Translators: where a case stands. */
      return _("Recovered");
    case SITROOM_STATUS_DIED:
      /* Translators: where a case stands. */
      return _("Died");
    case SITROOM_STATUS_TRANSFERRED_OUT:
      /* Translators: where a case stands: moved to another province's care. */
      return _("Transferred out");
    case SITROOM_STATUS_UNDER_OBSERVATION:
      /* Translators: where a case stands. */
      return _("Under observation");
    case SITROOM_N_STATUSES:
    default:
      g_return_val_if_reached ("—");
    }
}

SitroomChainCaseRow *
sitroom_chain_case_row_new (SitroomSituation *situation,
                            int               kase,
                            const char       *lang)
{
  const SitroomCase *c;
  SitroomChainCaseRow *self;

  g_return_val_if_fail (SITROOM_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (kase >= 0 && (guint) kase < sitroom_situation_get_n_cases (situation), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  c = sitroom_situation_get_case (situation, kase);
  self = g_object_new (SITROOM_TYPE_CHAIN_CASE_ROW, NULL);
  self->id = g_strdup (c->id);
  self->reported = c->reported_at;
  self->reported_text = sitroom_format_time (c->reported_at, lang);
  self->region = g_strdup (sitroom_format_region (situation, c->region, lang));
  self->classification = c->classification;
  self->status = c->status;

  return self;
}

const char *
sitroom_chain_case_row_get_id (SitroomChainCaseRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_CASE_ROW (self), NULL);

  return self->id;
}

const char *
sitroom_chain_case_row_get_region (SitroomChainCaseRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_CASE_ROW (self), NULL);

  return self->region;
}

static void
sitroom_chain_case_row_finalize (GObject *object)
{
  SitroomChainCaseRow *self = SITROOM_CHAIN_CASE_ROW (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->reported_text, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (sitroom_chain_case_row_parent_class)->finalize (object);
}

static void
sitroom_chain_case_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SitroomChainCaseRow *self = SITROOM_CHAIN_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_REPORTED:
      g_value_set_int64 (value, self->reported);
      break;
    case PROP_REPORTED_TEXT:
      g_value_set_string (value, self->reported_text);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_SEVERITY:
      /* Without symptoms is the least severe; the confirmed follow in the
       * enumeration's order, mild to critical. */
      g_value_set_int (value, self->classification == SITROOM_CLASS_ASYMPTOMATIC
                                ? 0 : (int) self->classification + 1);
      break;
    case PROP_CLASSIFICATION_TEXT:
      g_value_set_string (value, sitroom_chain_case_row_classification_name (self->classification));
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, sitroom_chain_case_row_status_name (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_chain_case_row_class_init (SitroomChainCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sitroom_chain_case_row_finalize;
  object_class->get_property = sitroom_chain_case_row_get_property;

  /* Read-only: a row never changes, so nothing notifies. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORTED] =
    g_param_spec_int64 ("reported", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORTED_TEXT] =
    g_param_spec_string ("reported-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_int ("severity", NULL, NULL, 0, SITROOM_N_CLASSES - 1, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSIFICATION_TEXT] =
    g_param_spec_string ("classification-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, SITROOM_N_STATUSES - 1, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitroom_chain_case_row_init (SitroomChainCaseRow *self)
{
}
