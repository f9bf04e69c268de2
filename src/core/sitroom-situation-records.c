/* The records of a situation document: cases, chains with their events, sites and measures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sitroom-situation-parser-private.h"
#include "sitroom-time.h"

/* The parser's fixed tables: the feed's spellings of each enum, in enum order. */
static const char *classification_names[SITROOM_N_CLASSES + 1];
static const char *status_names[SITROOM_N_STATUSES + 1];
static const char *event_kind_names[SITROOM_N_EVENT_KINDS + 1];
static const char *measure_kind_names[SITROOM_N_MEASURE_KINDS + 1];
static const char *site_kind_names[SITROOM_N_SITE_KINDS + 1];

void
sitroom_parser_init_enum_names (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < SITROOM_N_CLASSES; i++)
        classification_names[i] = sitroom_classification_to_string (i);
      for (guint i = 0; i < SITROOM_N_STATUSES; i++)
        status_names[i] = sitroom_status_to_string (i);
      for (guint i = 0; i < SITROOM_N_EVENT_KINDS; i++)
        event_kind_names[i] = sitroom_event_kind_to_string (i);
      for (guint i = 0; i < SITROOM_N_MEASURE_KINDS; i++)
        measure_kind_names[i] = sitroom_measure_kind_to_string (i);
      for (guint i = 0; i < SITROOM_N_SITE_KINDS; i++)
        site_kind_names[i] = sitroom_site_kind_to_string (i);
      g_once_init_leave (&done, 1);
    }
}

void
sitroom_parser_check_unique_id (SitroomParser *parser,
                                GHashTable    *ids,
                                const char    *section,
                                const char    *id,
                                guint          index)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (ids, id));

  if (first != 0)
    sitroom_parse_problem (&parser->parse, SITROOM_PROBLEM_ERROR, NULL,
                           _("duplicate id “%s”; it is first used by /%s/%u"),
                           id, section, first - 1);
  else
    g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (index + 1));
}

/* ---- cases ---- */

enum {
  CASE_ID,
  CASE_REPORTED_AT,
  CASE_REGION,
  CASE_CHAIN,
  CASE_CLASSIFICATION,
  CASE_IMPORTED,
  CASE_STATUS,
  N_CASE_MEMBERS
};

static const char * const case_members[N_CASE_MEMBERS] = {
  "id", "reported_at", "region", "chain", "classification", "imported", "status",
};

#define CASE_REQUIRED ((1u << CASE_ID) | (1u << CASE_REPORTED_AT) | (1u << CASE_REGION) \
                       | (1u << CASE_CLASSIFICATION) | (1u << CASE_STATUS))

void
sitroom_parser_parse_case (SitroomParser    *parser,
                           SitroomJsonToken  token,
                           guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomCase item = { NULL, SITROOM_TIME_NONE, -1, -1, 0, 0, FALSE };
  SitroomCaseExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0, NULL };
  guint32 seen = 0;

  if (sitroom_parse_expect_object (parse, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, case_members, N_CASE_MEMBERS, &seen);
          const char *str;
          gsize length;
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case CASE_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                sitroom_parser_check_unique_id (parser, parser->case_ids, "cases", item.id, index);
              break;
            case CASE_REPORTED_AT:
              sitroom_parse_time (parse, token, &item.reported_at, &extra.time_offset);
              break;
            case CASE_REGION:
              /* The code itself until the regions are all known. */
              sitroom_parse_code (parse, token, &item.region);
              break;
            case CASE_CHAIN:
              if (token != SITROOM_JSON_NULL
                  && sitroom_parse_check_string (parse, token, TRUE, N_("a non-empty string"),
                                                 &str, &length))
                extra.chain = g_string_chunk_insert_len (parser->scratch, str, length);
              break;
            case CASE_CLASSIFICATION:
              if (sitroom_parse_enum (parse, token, N_("classification"), classification_names,
                                      SITROOM_N_CLASSES, &value))
                item.classification = value;
              break;
            case CASE_IMPORTED:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_boolean (parse, token, &item.imported);
              break;
            case CASE_STATUS:
              if (sitroom_parse_enum (parse, token, N_("status"), status_names,
                                      SITROOM_N_STATUSES, &value))
                item.status = value;
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, case_members, seen, CASE_REQUIRED);
    }

  /* Kept even when broken, so indexes stay those of the document. */
  g_array_append_val (parser->self->cases, item);
  g_array_append_val (parser->case_extras, extra);
}

/* ---- chains and their events ---- */

enum {
  EVENT_AT,
  EVENT_REGION,
  EVENT_KIND,
  EVENT_PEOPLE,
  EVENT_TEXT,
  N_EVENT_MEMBERS
};

static const char * const event_members[N_EVENT_MEMBERS] = {
  "at", "region", "kind", "people", "text",
};

#define EVENT_REQUIRED ((1u << EVENT_AT) | (1u << EVENT_KIND))

static void
parse_event (SitroomParser    *parser,
             SitroomJsonToken  token,
             guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomEvent item = { SITROOM_TIME_NONE, -1, 0, -1, { NULL, NULL } };
  SitroomEventExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0,
                       parser->self->chains->len, index };
  gboolean has_text = FALSE;
  gboolean text_ok = TRUE;
  guint32 seen = 0;

  if (sitroom_parse_expect_object (parse, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, event_members, N_EVENT_MEMBERS, &seen);
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case EVENT_AT:
              sitroom_parse_time (parse, token, &item.at, &extra.time_offset);
              break;
            case EVENT_REGION:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_code (parse, token, &item.region);
              break;
            case EVENT_KIND:
              if (sitroom_parse_enum (parse, token, N_("event kind"), event_kind_names,
                                      SITROOM_N_EVENT_KINDS, &value))
                item.kind = value;
              break;
            case EVENT_PEOPLE:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_count (parse, token, &item.people);
              break;
            case EVENT_TEXT:
              if (token == SITROOM_JSON_NULL)
                break;
              has_text = TRUE;
              text_ok = sitroom_parse_text (parse, token, &item.text);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, event_members, seen, EVENT_REQUIRED);

      if (!has_text)
        sitroom_parse_problem (parse, SITROOM_PROBLEM_WARNING, NULL, _("the event has no text"));
      else if (text_ok && !parser->reader_is_chinese && item.text.en == NULL)
        sitroom_parse_problem (parse, SITROOM_PROBLEM_WARNING, "text",
                               _("the event has no “en” text; the “zh” text is shown instead"));
    }

  g_array_append_val (parser->self->events, item);
  g_array_append_val (parser->event_extras, extra);
}

static void
parse_contacts (SitroomParser    *parser,
                SitroomJsonToken  token,
                SitroomChain     *chain)
{
  static const char * const names[] = { "close", "secondary" };
  SitroomParse *parse = &parser->parse;
  guint32 seen = 0;

  if (token == SITROOM_JSON_NULL || !sitroom_parse_expect_object (parse, token))
    return;

  while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
    {
      int member = sitroom_parse_member (parse, names, G_N_ELEMENTS (names), &seen);

      if (member < 0)
        continue;
      token = sitroom_json_reader_next (parse->reader);
      if (token != SITROOM_JSON_NULL)
        sitroom_parse_count (parse, token, member == 0 ? &chain->close_contacts
                                                       : &chain->secondary_contacts);
      if (sitroom_parse_failed (parse))
        return;
    }
}

enum {
  CHAIN_ID,
  CHAIN_LABEL,
  CHAIN_TITLE,
  CHAIN_FIRST_REPORTED,
  CHAIN_CONTACTS,
  CHAIN_POSITIVES,
  CHAIN_EVENTS,
  N_CHAIN_MEMBERS
};

static const char * const chain_members[N_CHAIN_MEMBERS] = {
  "id", "label", "title", "first_reported", "contacts", "positives", "events",
};

#define CHAIN_REQUIRED ((1u << CHAIN_ID) | (1u << CHAIN_LABEL) | (1u << CHAIN_TITLE))

void
sitroom_parser_parse_chain (SitroomParser    *parser,
                            SitroomJsonToken  token,
                            guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomChain item = {
    .first_reported = SITROOM_TIME_NONE,
    .close_contacts = SITROOM_COUNT_NONE,
    .secondary_contacts = SITROOM_COUNT_NONE,
  };
  SitroomChainExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0,
                       parser->self->events->len, 0, 0 };
  gint64 positives = -1;
  guint32 seen = 0;

  if (sitroom_parse_expect_object (parse, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, chain_members, N_CHAIN_MEMBERS, &seen);

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case CHAIN_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                sitroom_parser_check_unique_id (parser, parser->self->chain_by_id, "chains", item.id, index);
              break;
            case CHAIN_LABEL:
              sitroom_parse_string (parse, token, FALSE, &item.label);
              break;
            case CHAIN_TITLE:
              sitroom_parse_text (parse, token, &item.title);
              break;
            case CHAIN_FIRST_REPORTED:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_time (parse, token, &item.first_reported, &extra.first_reported_offset);
              break;
            case CHAIN_CONTACTS:
              parse_contacts (parser, token, &item);
              break;
            case CHAIN_POSITIVES:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_count (parse, token, &positives);
              break;
            case CHAIN_EVENTS:
              sitroom_parser_parse_list (parser, token, parse_event);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, chain_members, seen, CHAIN_REQUIRED);
    }

  extra.n_events = parser->self->events->len - extra.first_event;
  g_array_append_val (parser->self->chains, item);
  g_array_append_val (parser->chain_extras, extra);
  g_array_append_val (parser->self->chain_positives, positives);
}

/* ---- quarantine sites ---- */

enum {
  SITE_ID,
  SITE_REGION,
  SITE_KIND,
  SITE_NAME,
  SITE_CAPACITY,
  SITE_OCCUPIED,
  SITE_UPDATED_AT,
  N_SITE_MEMBERS
};

static const char * const site_members[N_SITE_MEMBERS] = {
  "id", "region", "kind", "name", "capacity", "occupied", "updated_at",
};

#define SITE_REQUIRED ((1u << SITE_ID) | (1u << SITE_REGION) | (1u << SITE_KIND) \
                       | (1u << SITE_NAME) | (1u << SITE_CAPACITY) | (1u << SITE_OCCUPIED))

void
sitroom_parser_parse_site (SitroomParser    *parser,
                           SitroomJsonToken  token,
                           guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomSite item = { NULL, -1, 0, { NULL, NULL }, -1, -1, SITROOM_TIME_NONE };
  SitroomRecordExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0 };
  guint32 seen = 0;

  if (sitroom_parse_expect_object (parse, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, site_members, N_SITE_MEMBERS, &seen);
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case SITE_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                sitroom_parser_check_unique_id (parser, parser->site_ids, "quarantine_sites", item.id, index);
              break;
            case SITE_REGION:
              sitroom_parse_code (parse, token, &item.region);
              break;
            case SITE_KIND:
              if (sitroom_parse_enum (parse, token, N_("site kind"), site_kind_names,
                                      SITROOM_N_SITE_KINDS, &value))
                item.kind = value;
              break;
            case SITE_NAME:
              sitroom_parse_text (parse, token, &item.name);
              break;
            case SITE_CAPACITY:
              sitroom_parse_count (parse, token, &item.capacity);
              break;
            case SITE_OCCUPIED:
              sitroom_parse_count (parse, token, &item.occupied);
              break;
            case SITE_UPDATED_AT:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_time (parse, token, &item.updated_at, &extra.time_offset);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, site_members, seen, SITE_REQUIRED);

      if (item.capacity >= 0 && item.occupied > item.capacity)
        sitroom_parse_problem (parse, SITROOM_PROBLEM_WARNING, NULL,
                               _("the site is over-full: %lld people for %lld places"),
                               (long long) item.occupied, (long long) item.capacity);
    }

  g_array_append_val (parser->self->sites, item);
  g_array_append_val (parser->site_extras, extra);
}

/* ---- measures ---- */

enum {
  MEASURE_ID,
  MEASURE_REGION,
  MEASURE_KIND,
  MEASURE_FROM,
  MEASURE_UNTIL,
  MEASURE_TEXT,
  N_MEASURE_MEMBERS
};

static const char * const measure_members[N_MEASURE_MEMBERS] = {
  "id", "region", "kind", "from", "until", "text",
};

#define MEASURE_REQUIRED ((1u << MEASURE_ID) | (1u << MEASURE_REGION) | (1u << MEASURE_KIND) \
                          | (1u << MEASURE_FROM) | (1u << MEASURE_TEXT))

void
sitroom_parser_parse_measure (SitroomParser    *parser,
                              SitroomJsonToken  token,
                              guint             index)
{
  SitroomParse *parse = &parser->parse;
  SitroomMeasure item = { NULL, -1, 0, SITROOM_TIME_NONE, SITROOM_TIME_NONE, { NULL, NULL } };
  SitroomRecordExtra extra = { sitroom_json_reader_get_offset (parse->reader), 0 };
  int until_offset = 0;
  guint32 seen = 0;

  if (sitroom_parse_expect_object (parse, token))
    {
      while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
        {
          int member = sitroom_parse_member (parse, measure_members, N_MEASURE_MEMBERS, &seen);
          int value;

          if (member < 0)
            continue;
          token = sitroom_json_reader_next (parse->reader);
          switch (member)
            {
            case MEASURE_ID:
              if (sitroom_parse_string (parse, token, TRUE, &item.id))
                sitroom_parser_check_unique_id (parser, parser->measure_ids, "measures", item.id, index);
              break;
            case MEASURE_REGION:
              sitroom_parse_code (parse, token, &item.region);
              break;
            case MEASURE_KIND:
              if (sitroom_parse_enum (parse, token, N_("measure kind"), measure_kind_names,
                                      SITROOM_N_MEASURE_KINDS, &value))
                item.kind = value;
              break;
            case MEASURE_FROM:
              sitroom_parse_time (parse, token, &item.from, &extra.time_offset);
              break;
            case MEASURE_UNTIL:
              if (token != SITROOM_JSON_NULL)
                sitroom_parse_time (parse, token, &item.until, &until_offset);
              break;
            case MEASURE_TEXT:
              sitroom_parse_text (parse, token, &item.text);
              break;
            default:
              g_assert_not_reached ();
            }
          if (sitroom_parse_failed (parse))
            return;
        }
      if (token == SITROOM_JSON_ERROR)
        return;
      sitroom_parse_require (parse, measure_members, seen, MEASURE_REQUIRED);

      if (item.from != SITROOM_TIME_NONE && item.until != SITROOM_TIME_NONE && item.until < item.from)
        {
          g_autofree char *from = sitroom_time_format (item.from, extra.time_offset);
          g_autofree char *until = sitroom_time_format (item.until, until_offset);

          sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, "until",
                                 _("the measure ends at %s, before it starts at %s"), until, from);
        }
    }

  g_array_append_val (parser->self->measures, item);
  g_array_append_val (parser->measure_extras, extra);
}
