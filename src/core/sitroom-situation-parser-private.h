/* The situation parser's state while reading one document, shared by the files of the parser. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-situation-private.h"

G_BEGIN_DECLS

/* What the pass keeps of each record beside the record itself, for the checks
 * after it: where the record was, so that its problems sort in document
 * order, and what it refers to as written. */
typedef struct {
  gsize offset;
  int time_offset;
  const char *chain;            /* as written, in the parser's scratch chunk */
} SitroomCaseExtra;

typedef struct {
  gsize offset;
  int first_reported_offset;
  guint first_event;
  guint n_events;
  guint n_cases;
} SitroomChainExtra;

typedef struct {
  gsize offset;
  int time_offset;
  guint chain;
  guint index;                  /* within the chain's list, as written */
} SitroomEventExtra;

typedef struct {
  gsize offset;
  int time_offset;
} SitroomRecordExtra;

typedef struct {
  gsize offset;
  guint first_test_day;         /* into the situation's test_days */
  guint n_test_days;
} SitroomRuleExtra;

typedef struct {
  gsize offset;
  int time_offset;
  const char *site;             /* as written, in the parser's scratch chunk */
  const char *rule;             /* the same */
} SitroomCohortExtra;

/* One document being read: the value readers' state, the situation being
 * filled, and what is kept until the whole document has been read. */
typedef struct {
  SitroomParse parse;
  SitroomSituation *self;
  gboolean reader_is_chinese;

  gboolean has_as_of;
  char *format_refusal;         /* set when the document is of another major version */

  GStringChunk *scratch;        /* references kept until they are resolved */
  GArray *region_decls;
  GArray *case_extras;
  GArray *chain_extras;
  GArray *event_extras;
  GArray *site_extras;
  GArray *measure_extras;
  GArray *rule_extras;
  GArray *cohort_extras;
  GArray *test_day_elements;    /* guint per test day: its index in its list */
  int first_default;            /* the first rule marked "default", or -1 */
  GHashTable *case_ids;
  GHashTable *site_ids;
  GHashTable *measure_ids;
  GPtrArray *illustrative;
  gsize totals_offset;
} SitroomParser;

/* Reads the element at @index of a list, which starts with @token. */
typedef void (*SitroomParseElement) (SitroomParser    *parser,
                                     SitroomJsonToken  token,
                                     guint             index);

/* In sitroom-situation-parser.c: an optional list (absent and null both mean
 * empty), each element read by @parse_element. */
void        sitroom_parser_parse_list      (SitroomParser       *parser,
                                            SitroomJsonToken     token,
                                            SitroomParseElement  parse_element);

/* In sitroom-situation-records.c: the records of the document's lists. Each
 * appends its record to the situation and its extra to the parser, even when
 * the record is broken, so that indexes stay those of the document. */
void        sitroom_parser_init_enum_names (void);
/* Reports a duplicate @id in @ids (id -> index + 1) at the value just read,
 * or records it. */
void        sitroom_parser_check_unique_id (SitroomParser       *parser,
                                            GHashTable          *ids,
                                            const char          *section,
                                            const char          *id,
                                            guint                index);
void        sitroom_parser_parse_case      (SitroomParser       *parser,
                                            SitroomJsonToken     token,
                                            guint                index);
void        sitroom_parser_parse_chain     (SitroomParser       *parser,
                                            SitroomJsonToken     token,
                                            guint                index);
void        sitroom_parser_parse_site      (SitroomParser       *parser,
                                            SitroomJsonToken     token,
                                            guint                index);
void        sitroom_parser_parse_measure   (SitroomParser       *parser,
                                            SitroomJsonToken     token,
                                            guint                index);

/* In sitroom-situation-rules.c: "quarantine_rules" and "quarantine_cohorts",
 * read like the lists above; then, after the pass, the cohorts' references
 * resolved and checked against as_of and their sites' figures, and the
 * sorting and pointers their getters promise. */
void        sitroom_parser_parse_rule      (SitroomParser       *parser,
                                            SitroomJsonToken     token,
                                            guint                index);
void        sitroom_parser_parse_cohort    (SitroomParser       *parser,
                                            SitroomJsonToken     token,
                                            guint                index);
void        sitroom_parser_resolve_rules   (SitroomParser       *parser);
void        sitroom_parser_index_rules     (SitroomParser       *parser);

/* In sitroom-situation-checks.c: what follows the pass over a document read
 * to its end. Resolves region codes and chain ids, checks times against as_of
 * and the feed's own figures against the cases, reporting what is wrong. */
void        sitroom_parser_resolve_document (SitroomParser      *parser);
/* Sorts and indexes an accepted situation, as its getters promise. */
void        sitroom_parser_index_situation  (SitroomParser      *parser);

/* Replaces the code in *@region by its index, reporting an unknown one at
 * "/@section/@index/@member". A negative code (not given) is left alone. */
void        sitroom_parser_resolve_region   (SitroomParser      *parser,
                                             int                *region,
                                             gsize               offset,
                                             const char         *section,
                                             gssize              index,
                                             const char         *member);

typedef enum {
  SITROOM_TIME_FIRST_REPORTED,
  SITROOM_TIME_EVENT,
  SITROOM_TIME_REPORTED,
  SITROOM_TIME_UPDATED,
  SITROOM_TIME_ENTERED,
} SitroomTimeKind;

/* TRUE for a time given and later than as_of: the document says what it
 * cannot know. */
gboolean    sitroom_parser_after_as_of      (SitroomParser      *parser,
                                             gint64              time);
/* Reports such a time, of @kind, at @path. */
void        sitroom_parser_report_after_as_of (SitroomParser    *parser,
                                               gint64            time,
                                               int               time_offset,
                                               gsize             offset,
                                               const char       *path,
                                               SitroomTimeKind   kind);

G_END_DECLS
