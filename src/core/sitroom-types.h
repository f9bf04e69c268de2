/* Plain value types of a situation document: regions, chains, cases, sites, measures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A time is seconds since the Unix epoch, UTC. */
#define SITROOM_TIME_NONE G_MININT64
/* A count the document does not give (which is not the same as 0). */
#define SITROOM_COUNT_NONE (-1)

typedef enum {
  SITROOM_LEVEL_PROVINCE,
  SITROOM_LEVEL_PREFECTURE,
  SITROOM_LEVEL_COUNTY,
  SITROOM_LEVEL_TOWNSHIP,
} SitroomRegionLevel;

typedef enum {
  SITROOM_CLASS_MILD,
  SITROOM_CLASS_MODERATE,
  SITROOM_CLASS_SEVERE,
  SITROOM_CLASS_CRITICAL,
  SITROOM_CLASS_ASYMPTOMATIC,
  SITROOM_N_CLASSES
} SitroomClassification;

typedef enum {
  SITROOM_STATUS_HOSPITALIZED,
  SITROOM_STATUS_RECOVERED,
  SITROOM_STATUS_DIED,
  SITROOM_STATUS_TRANSFERRED_OUT,
  SITROOM_STATUS_UNDER_OBSERVATION,
  SITROOM_N_STATUSES
} SitroomStatus;

typedef enum {
  SITROOM_EVENT_DETECTION,
  SITROOM_EVENT_TEST,
  SITROOM_EVENT_QUARANTINE,
  SITROOM_EVENT_TRACE,
  SITROOM_EVENT_MEASURE,
  SITROOM_EVENT_TRANSFER,
  SITROOM_EVENT_NOTE,
  SITROOM_N_EVENT_KINDS
} SitroomEventKind;

typedef enum {
  SITROOM_MEASURE_STATIC_MANAGEMENT,
  SITROOM_MEASURE_TRAFFIC_CONTROL,
  SITROOM_MEASURE_MASS_TESTING,
  SITROOM_MEASURE_LOCKDOWN_LIFTED,
  SITROOM_MEASURE_OTHER,
  SITROOM_N_MEASURE_KINDS
} SitroomMeasureKind;

typedef enum {
  SITROOM_SITE_CENTRALIZED,
  SITROOM_SITE_HOME,
  SITROOM_N_SITE_KINDS
} SitroomSiteKind;

/* The health code a quarantine rule gives (the feed's "red", "yellow", …). */
typedef enum {
  SITROOM_HEALTH_CODE_NONE,     /* the rule gives no code */
  SITROOM_HEALTH_CODE_RED,
  SITROOM_HEALTH_CODE_YELLOW,
  SITROOM_HEALTH_CODE_BLUE,
  SITROOM_HEALTH_CODE_GREEN,
  SITROOM_N_HEALTH_CODES
} SitroomHealthCode;

/* A text member: language tags to strings. zh is always set; en may be NULL. */
typedef struct {
  const char *zh;
  const char *en;
} SitroomText;

typedef struct {
  const char *code;       /* six digits */
  const char *parent;     /* NULL for a province or a region without a parent */
  SitroomRegionLevel level;
  SitroomText name;
  double lon;
  double lat;
  gboolean has_center;
  gboolean from_feed;     /* declared in the document rather than built in */
  int prefecture;         /* index of the prefecture it counts for, -1 if none */
} SitroomRegion;

typedef struct {
  gint64 at;
  int region;             /* index into the regions, -1 if not given */
  SitroomEventKind kind;
  gint64 people;          /* -1 if not given */
  SitroomText text;       /* text.zh is NULL if the event has no text */
} SitroomEvent;

typedef struct {
  const char *id;
  const char *label;
  SitroomText title;
  gint64 first_reported;  /* SITROOM_TIME_NONE if not given */
  gint64 close_contacts;      /* SITROOM_COUNT_NONE if not given */
  gint64 secondary_contacts;  /* SITROOM_COUNT_NONE if not given */
  const SitroomEvent *events;  /* sorted by time */
  guint n_events;
} SitroomChain;

typedef struct {
  const char *id;
  gint64 reported_at;
  int region;             /* index into the regions */
  int chain;              /* index into the chains, -1 if none */
  SitroomClassification classification;
  SitroomStatus status;
  gboolean imported;
} SitroomCase;

typedef struct {
  const char *id;
  int region;
  SitroomSiteKind kind;
  SitroomText name;
  gint64 capacity;
  gint64 occupied;
  gint64 updated_at;      /* SITROOM_TIME_NONE if not given */
} SitroomSite;

typedef struct {
  const char *id;
  int region;
  SitroomMeasureKind kind;
  gint64 from;
  gint64 until;           /* SITROOM_TIME_NONE while in force with no end */
  SitroomText text;
} SitroomMeasure;

/* An entry rule of "quarantine_rules": what people arriving under it go
 * through. Days are whole days from the day of entry. */
typedef struct {
  const char *id;
  int region;             /* where the rule applies, -1 if not given */
  SitroomHealthCode code;
  gint64 centralized_days;
  gint64 home_days;       /* at home after (or instead of) the centralized days */
  const int *test_days;   /* ascending, each from 1 to centralized + home days */
  guint n_test_days;
  gboolean is_default;    /* "default": true, the rule occupants without a cohort follow */
  SitroomText text;
} SitroomQuarantineRule;

/* A group of people who entered a quarantine site together under a rule
 * ("quarantine_cohorts"). It leaves the site when the rule's centralized
 * days have passed since @entered_at. */
typedef struct {
  int site;               /* index into the sites */
  int rule;               /* index into the rules */
  gint64 entered_at;
  gint64 people;
} SitroomCohort;

const char *sitroom_text_get             (const SitroomText    *text,
                                          const char           *lang);
gboolean    sitroom_classification_is_confirmed (SitroomClassification classification);

/* The feed's own spellings ("mild", "static_management", …).
 * sitroom_health_code_to_string() gives NULL for SITROOM_HEALTH_CODE_NONE,
 * which the feed writes as null or leaves out. */
const char *sitroom_classification_to_string (SitroomClassification classification);
const char *sitroom_status_to_string         (SitroomStatus         status);
const char *sitroom_event_kind_to_string     (SitroomEventKind      kind);
const char *sitroom_measure_kind_to_string   (SitroomMeasureKind    kind);
const char *sitroom_health_code_to_string    (SitroomHealthCode     code);
const char *sitroom_site_kind_to_string      (SitroomSiteKind       kind);
const char *sitroom_region_level_to_string   (SitroomRegionLevel    level);
gboolean    sitroom_classification_from_string (const char *str, SitroomClassification *out);
gboolean    sitroom_status_from_string         (const char *str, SitroomStatus         *out);
gboolean    sitroom_event_kind_from_string     (const char *str, SitroomEventKind      *out);
gboolean    sitroom_measure_kind_from_string   (const char *str, SitroomMeasureKind    *out);
gboolean    sitroom_site_kind_from_string      (const char *str, SitroomSiteKind       *out);
gboolean    sitroom_region_level_from_string   (const char *str, SitroomRegionLevel    *out);

G_END_DECLS
