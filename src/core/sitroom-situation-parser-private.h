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

/* In sitroom-situation-checks.c: what follows the pass over a document read
 * to its end. Resolves region codes and chain ids, checks times against as_of
 * and the feed's own figures against the cases, reporting what is wrong. */
void        sitroom_parser_resolve_document (SitroomParser      *parser);
/* Sorts and indexes an accepted situation, as its getters promise. */
void        sitroom_parser_index_situation  (SitroomParser      *parser);

G_END_DECLS
