/* The plain value types of a situation: text in the reader's language and the feed's spellings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sitroom-types.h"

/* Each table is indexed by its enum and holds exactly the spellings of feed format 1. */
static const char * const classification_names[] = {
  [SITROOM_CLASS_MILD] = "mild",
  [SITROOM_CLASS_MODERATE] = "moderate",
  [SITROOM_CLASS_SEVERE] = "severe",
  [SITROOM_CLASS_CRITICAL] = "critical",
  [SITROOM_CLASS_ASYMPTOMATIC] = "asymptomatic",
};
G_STATIC_ASSERT (G_N_ELEMENTS (classification_names) == SITROOM_N_CLASSES);

static const char * const status_names[] = {
  [SITROOM_STATUS_HOSPITALIZED] = "hospitalized",
  [SITROOM_STATUS_RECOVERED] = "recovered",
  [SITROOM_STATUS_DIED] = "died",
  [SITROOM_STATUS_TRANSFERRED_OUT] = "transferred_out",
  [SITROOM_STATUS_UNDER_OBSERVATION] = "under_observation",
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == SITROOM_N_STATUSES);

static const char * const event_kind_names[] = {
  [SITROOM_EVENT_DETECTION] = "detection",
  [SITROOM_EVENT_TEST] = "test",
  [SITROOM_EVENT_QUARANTINE] = "quarantine",
  [SITROOM_EVENT_TRACE] = "trace",
  [SITROOM_EVENT_MEASURE] = "measure",
  [SITROOM_EVENT_TRANSFER] = "transfer",
  [SITROOM_EVENT_NOTE] = "note",
};
G_STATIC_ASSERT (G_N_ELEMENTS (event_kind_names) == SITROOM_N_EVENT_KINDS);

static const char * const measure_kind_names[] = {
  [SITROOM_MEASURE_STATIC_MANAGEMENT] = "static_management",
  [SITROOM_MEASURE_TRAFFIC_CONTROL] = "traffic_control",
  [SITROOM_MEASURE_MASS_TESTING] = "mass_testing",
  [SITROOM_MEASURE_LOCKDOWN_LIFTED] = "lockdown_lifted",
  [SITROOM_MEASURE_OTHER] = "other",
};
G_STATIC_ASSERT (G_N_ELEMENTS (measure_kind_names) == SITROOM_N_MEASURE_KINDS);

/* No spelling for SITROOM_HEALTH_CODE_NONE: the feed leaves the code out. */
static const char * const health_code_names[] = {
  [SITROOM_HEALTH_CODE_NONE] = NULL,
  [SITROOM_HEALTH_CODE_RED] = "red",
  [SITROOM_HEALTH_CODE_YELLOW] = "yellow",
  [SITROOM_HEALTH_CODE_BLUE] = "blue",
  [SITROOM_HEALTH_CODE_GREEN] = "green",
};
G_STATIC_ASSERT (G_N_ELEMENTS (health_code_names) == SITROOM_N_HEALTH_CODES);

static const char * const site_kind_names[] = {
  [SITROOM_SITE_CENTRALIZED] = "centralized",
  [SITROOM_SITE_HOME] = "home",
};
G_STATIC_ASSERT (G_N_ELEMENTS (site_kind_names) == SITROOM_N_SITE_KINDS);

static const char * const region_level_names[] = {
  [SITROOM_LEVEL_PROVINCE] = "province",
  [SITROOM_LEVEL_PREFECTURE] = "prefecture",
  [SITROOM_LEVEL_COUNTY] = "county",
  [SITROOM_LEVEL_TOWNSHIP] = "township",
};

/* The enums are unsigned in practice, but a cast from a wrong int may be negative. */
#define CHECK_INDEX(value, table) \
  ((int) (value) >= 0 && (gsize) (value) < G_N_ELEMENTS (table))

/* TRUE for "zh" alone or followed by a region, script, encoding or modifier:
 * "zh_CN", "zh-Hans-CN", "zh_TW.UTF-8", "zh@…". The documents carry one Chinese
 * text, and any Chinese reader is better served by it than by the English one. */
static gboolean
lang_is_chinese (const char *lang)
{
  g_assert (lang != NULL);

  if (g_ascii_tolower (lang[0]) != 'z' || g_ascii_tolower (lang[1]) != 'h')
    return FALSE;

  return lang[2] == '\0' || lang[2] == '_' || lang[2] == '-' ||
         lang[2] == '.' || lang[2] == '@';
}

const char *
sitroom_text_get (const SitroomText *text,
                  const char        *lang)
{
  g_return_val_if_fail (text != NULL, NULL);

  /* zh is required by the format, so it is the fallback everywhere; en stands in
   * only for a text that has no zh (an event without text has neither). */
  if (lang != NULL && lang_is_chinese (lang))
    return text->zh != NULL ? text->zh : text->en;

  return text->en != NULL ? text->en : text->zh;
}

gboolean
sitroom_classification_is_confirmed (SitroomClassification classification)
{
  g_return_val_if_fail (CHECK_INDEX (classification, classification_names), FALSE);

  return classification != SITROOM_CLASS_ASYMPTOMATIC;
}

const char *
sitroom_classification_to_string (SitroomClassification classification)
{
  g_return_val_if_fail (CHECK_INDEX (classification, classification_names), NULL);

  return classification_names[classification];
}

const char *
sitroom_status_to_string (SitroomStatus status)
{
  g_return_val_if_fail (CHECK_INDEX (status, status_names), NULL);

  return status_names[status];
}

const char *
sitroom_event_kind_to_string (SitroomEventKind kind)
{
  g_return_val_if_fail (CHECK_INDEX (kind, event_kind_names), NULL);

  return event_kind_names[kind];
}

const char *
sitroom_measure_kind_to_string (SitroomMeasureKind kind)
{
  g_return_val_if_fail (CHECK_INDEX (kind, measure_kind_names), NULL);

  return measure_kind_names[kind];
}

/* NULL for SITROOM_HEALTH_CODE_NONE, which the feed writes as null or leaves out. */
const char *
sitroom_health_code_to_string (SitroomHealthCode code)
{
  g_return_val_if_fail (CHECK_INDEX (code, health_code_names), NULL);

  return health_code_names[code];
}

const char *
sitroom_site_kind_to_string (SitroomSiteKind kind)
{
  g_return_val_if_fail (CHECK_INDEX (kind, site_kind_names), NULL);

  return site_kind_names[kind];
}

const char *
sitroom_region_level_to_string (SitroomRegionLevel level)
{
  g_return_val_if_fail (CHECK_INDEX (level, region_level_names), NULL);

  return region_level_names[level];
}

/* The spellings are exact: the feed is machine-written, and a near miss ("Mild",
 * "mild ") is a mistake the publisher should hear about rather than have guessed. */
static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             guint              *out_index)
{
  g_assert (names != NULL);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_FROM_STRING(func, Type, table)                       \
  gboolean                                                          \
  func (const char *str,                                            \
        Type       *out)                                            \
  {                                                                 \
    guint index;                                                    \
                                                                    \
    if (!lookup_name (table, G_N_ELEMENTS (table), str, &index))    \
      return FALSE;                                                 \
    if (out != NULL)                                                \
      *out = (Type) index;                                          \
    return TRUE;                                                    \
  }

DEFINE_FROM_STRING (sitroom_classification_from_string, SitroomClassification, classification_names)
DEFINE_FROM_STRING (sitroom_status_from_string, SitroomStatus, status_names)
DEFINE_FROM_STRING (sitroom_event_kind_from_string, SitroomEventKind, event_kind_names)
DEFINE_FROM_STRING (sitroom_measure_kind_from_string, SitroomMeasureKind, measure_kind_names)
DEFINE_FROM_STRING (sitroom_site_kind_from_string, SitroomSiteKind, site_kind_names)
DEFINE_FROM_STRING (sitroom_region_level_from_string, SitroomRegionLevel, region_level_names)
