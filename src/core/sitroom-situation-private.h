/* Internals shared by the situation, its parser and the region table. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-json-reader.h"
#include "sitroom-problem.h"
#include "sitroom-regions.h"
#include "sitroom-situation.h"

G_BEGIN_DECLS

/* The longest problem list handed out; its last entry then says how many more
 * were found. */
#define SITROOM_MAX_PROBLEMS 1000
/* The largest count a document may give (people, contacts, beds, totals). */
#define SITROOM_MAX_COUNT G_GINT64_CONSTANT (1000000000)

/* The feed's own figures, for the data-quality warnings; -1 where not given. */
typedef struct {
  gint64 positives;
  gint64 confirmed;
  gint64 asymptomatic;
} SitroomFeedTotals;

struct _SitroomSituation {
  GObject parent_instance;

  GStringChunk *strings;        /* every string of the document */
  gint64 as_of;
  int as_of_offset;
  SitroomText publisher;
  gboolean has_publisher;
  char **illustrative;          /* strings in @strings, the vector owned */

  GArray *regions;              /* SitroomRegion: built-in first */
  GHashTable *region_by_code;   /* code as a number -> index + 1 */
  GArray *prefectures;          /* int, region indexes in code order */

  GArray *chains;               /* SitroomChain, document order */
  GHashTable *chain_by_id;      /* id -> index + 1 */
  GArray *events;               /* SitroomEvent: each chain's events, together */
  GArray *chain_positives;      /* gint64 per chain, -1 where not given */

  GArray *cases;                /* SitroomCase, by reported_at */
  GArray *sites;                /* SitroomSite */
  GArray *measures;             /* SitroomMeasure */
  GArray *rules;                /* SitroomQuarantineRule, document order */
  GHashTable *rule_by_id;       /* id -> index + 1 */
  GArray *test_days;            /* int: every rule's test days, together */
  int default_rule;             /* -1 when no rule has centralized days */
  GArray *cohorts;              /* SitroomCohort, by entered_at */
  SitroomFeedTotals totals;

  GPtrArray *warnings;          /* SitroomProblem */
};

/* Like sitroom_situation_new_from_bytes() over another table of known regions
 * (@base, which must outlive the situation), for tests. */
SitroomSituation *sitroom_situation_parse (GBytes                   *bytes,
                                           const SitroomLoadOptions *options,
                                           const SitroomRegions     *base,
                                           GPtrArray               **problems,
                                           GError                  **error);

/* A chain's own "positives" figure, -1 when the document gives none. */
gint64            sitroom_situation_get_chain_positives (SitroomSituation *self,
                                                         guint             index);
/* The document's "totals" (members it leaves out are -1); FALSE without totals. */
gboolean          sitroom_situation_get_feed_totals     (SitroomSituation  *self,
                                                         SitroomFeedTotals *totals);


/* Problems as they are found. Only the first SITROOM_MAX_PROBLEMS in the
 * order of the final list (errors first, then by place in the document) are
 * kept, so a hostile document cannot make the list grow without bound. */
typedef struct _SitroomProblemList SitroomProblemList;

SitroomProblemList *sitroom_problem_list_new    (void);
void                sitroom_problem_list_free   (SitroomProblemList     *list);
/* FALSE when a problem at @offset would not be kept: the caller then need not
 * build its message. The problem is counted either way. */
gboolean            sitroom_problem_list_wants  (SitroomProblemList     *list,
                                                 SitroomProblemSeverity  severity,
                                                 gsize                   offset);
/* Adds a problem the list wants (@path and @message are taken). */
void                sitroom_problem_list_take   (SitroomProblemList     *list,
                                                 SitroomProblemSeverity  severity,
                                                 gsize                   offset,
                                                 char                   *path,
                                                 char                   *message);
guint               sitroom_problem_list_get_n_errors (SitroomProblemList *list);
/* The problems kept, errors first, each kind in document order, with a last
 * entry telling how many more were found. Empties the list. */
GPtrArray          *sitroom_problem_list_finish (SitroomProblemList     *list);
/* "PATH: message; PATH: message; PATH: message (and N more)" over the first
 * errors of a finished list, @n_errors being how many were found in all. */
char               *sitroom_problems_describe_errors (GPtrArray          *finished,
                                                      guint               n_errors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomProblemList, sitroom_problem_list_free)


/* What the parts of the parser share while reading one document. */
typedef struct {
  SitroomJsonReader *reader;
  SitroomProblemList *problems;
  GStringChunk *strings;        /* where kept strings are copied */
} SitroomParse;

/* TRUE once the reader has met a syntax error: parsing stops. */
gboolean    sitroom_parse_failed  (SitroomParse *parse);

/* A problem at the reader's current value (after KEY: that member), with
 * @member (if not NULL) appended to the path. */
void        sitroom_parse_problem (SitroomParse           *parse,
                                   SitroomProblemSeverity  severity,
                                   const char             *member,
                                   const char             *format,
                                   ...) G_GNUC_PRINTF (4, 5);
/* A problem at "/@section/@index/@member" (an @index below 0 or a NULL
 * @member is left out), sorted as if found at @offset. */
void        sitroom_parse_problem_at (SitroomParse           *parse,
                                      SitroomProblemSeverity  severity,
                                      gsize                   offset,
                                      const char             *section,
                                      gssize                  index,
                                      const char             *member,
                                      const char             *format,
                                      ...) G_GNUC_PRINTF (7, 8);

/* Reports "expected @expected, found …" for the value starting with @token
 * and skips the rest of it. */
void        sitroom_parse_mistyped (SitroomParse     *parse,
                                    SitroomJsonToken  token,
                                    const char       *expected);

/* Inside an object: the index in @names of the member whose KEY was just
 * read, or -1 after skipping an unknown member's value. A member met twice is
 * reported and skipped (-1 too). @seen records the members met (one bit each,
 * at most 32 names). */
int         sitroom_parse_member  (SitroomParse       *parse,
                                   const char * const *names,
                                   guint               n_names,
                                   guint32            *seen);
/* Reports each member of @required (bits into @names) missing from @seen, at
 * the object just closed. Returns FALSE if any is. */
gboolean    sitroom_parse_require (SitroomParse       *parse,
                                   const char * const *names,
                                   guint32             seen,
                                   guint32             required);

/* Each of these reads the value starting with @token. On a problem they report
 * it, skip the value and return FALSE. Strings are copied into parse->strings. */
gboolean    sitroom_parse_string  (SitroomParse      *parse,
                                   SitroomJsonToken   token,
                                   gboolean           non_empty,
                                   const char       **out);
gboolean    sitroom_parse_text    (SitroomParse      *parse,
                                   SitroomJsonToken   token,
                                   SitroomText       *out);
gboolean    sitroom_parse_count   (SitroomParse      *parse,
                                   SitroomJsonToken   token,
                                   gint64            *out);
gboolean    sitroom_parse_number  (SitroomParse      *parse,
                                   SitroomJsonToken   token,
                                   double             min,
                                   double             max,
                                   double            *out);
/* A region code: a string of six digits, given as a number in @out. */
gboolean    sitroom_parse_code    (SitroomParse      *parse,
                                   SitroomJsonToken   token,
                                   int               *out);
gboolean    sitroom_parse_time    (SitroomParse      *parse,
                                   SitroomJsonToken   token,
                                   gint64            *out,
                                   int               *out_offset);
gboolean    sitroom_parse_boolean (SitroomParse      *parse,
                                   SitroomJsonToken   token,
                                   gboolean          *out);
/* A string that must be one of @names, given as its index in @out. @names ends
 * with NULL, for the message that lists them; @what names the value in that
 * message and is untranslated (N_), like @expected below. */
gboolean    sitroom_parse_enum    (SitroomParse       *parse,
                                   SitroomJsonToken    token,
                                   const char         *what,
                                   const char * const *names,
                                   guint               n_names,
                                   int                *out);
/* A string value, not copied: valid until the reader moves on. @expected is
 * untranslated (N_), so that the common case costs no look-up. */
gboolean    sitroom_parse_check_string (SitroomParse      *parse,
                                        SitroomJsonToken   token,
                                        gboolean           non_empty,
                                        const char        *expected,
                                        const char       **out,
                                        gsize             *out_length);
/* TRUE when @token begins an object; else reports and skips the value. */
gboolean    sitroom_parse_expect_object (SitroomParse      *parse,
                                         SitroomJsonToken   token);

/* What a person would call the value starting with @token, in a message. */
char       *sitroom_parse_describe_found (SitroomParse      *parse,
                                          SitroomJsonToken   token);
/* At most @max characters of @str, with an ellipsis when cut. */
char       *sitroom_parse_shorten (const char *str,
                                   gsize       length,
                                   guint       max);

/* The number of a six-digit code, or -1. */
int         sitroom_region_code_parse (const char *str,
                                       gsize       length);


struct _SitroomRegions {
  GStringChunk *strings;
  GArray *regions;              /* SitroomRegion */
  GHashTable *by_code;          /* code as a number -> index + 1 */
};

/* A region as declared in a list, before its parent is looked up. */
typedef struct {
  SitroomRegion region;
  int code;                     /* -1 when missing or not six digits */
  int parent_code;              /* -1 when not given or not six digits */
  gsize offset;                 /* of the declaration, to sort its problems */
  gboolean valid;               /* every member present and well-formed */
} SitroomRegionDecl;

/* Reads a "regions" list (the value starting with @token) into @decls
 * (SitroomRegionDecl), one per element. */
void        sitroom_region_list_parse   (SitroomParse     *parse,
                                         SitroomJsonToken  token,
                                         GArray           *decls);
/* Appends the valid declarations of @decls whose code @regions does not know
 * to @regions, indexing them in @by_code; reports duplicate codes, unknown
 * parents and parent cycles at "/@section/N/…"; then sets the prefecture of
 * every appended region. Regions already in @regions must be resolved. */
void        sitroom_region_list_resolve (SitroomParse     *parse,
                                         const char       *section,
                                         GArray           *decls,
                                         GArray           *regions,
                                         GHashTable       *by_code);

G_END_DECLS
