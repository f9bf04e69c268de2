/* What follows the pass over a situation document: references, as_of, figures, sorting. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sitroom-situation-parser-private.h"
#include "sitroom-time.h"

static int
lookup_region (SitroomParser *parser,
               int            code)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (parser->self->region_by_code,
                                               GINT_TO_POINTER (code))) - 1;
}

void
sitroom_parser_resolve_region (SitroomParser *parser,
                               int           *region,
                               gsize          offset,
                               const char    *section,
                               gssize         index,
                               const char    *member)
{
  int code = *region;

  if (code < 0)
    return;
  *region = lookup_region (parser, code);
  if (*region < 0)
    sitroom_parse_problem_at (&parser->parse, SITROOM_PROBLEM_ERROR, offset, section, index, member,
                              _("unknown region code %06d"), code);
}

gboolean
sitroom_parser_after_as_of (SitroomParser *parser,
                            gint64         time)
{
  return parser->has_as_of && time != SITROOM_TIME_NONE && time > parser->self->as_of;
}

void
sitroom_parser_report_after_as_of (SitroomParser   *parser,
                                   gint64           time,
                                   int              time_offset,
                                   gsize            offset,
                                   const char      *path,
                                   SitroomTimeKind  kind)
{
  g_autofree char *written = NULL;
  g_autofree char *as_of = NULL;
  char *message = NULL;

  g_assert (sitroom_parser_after_as_of (parser, time));

  if (!sitroom_problem_list_wants (parser->parse.problems, SITROOM_PROBLEM_ERROR, offset))
    return;

  written = sitroom_time_format (time, time_offset);
  as_of = sitroom_time_format (parser->self->as_of, parser->self->as_of_offset);
  switch (kind)
    {
    case SITROOM_TIME_FIRST_REPORTED:
      message = g_strdup_printf (_("first reported at %s, after the document’s as_of %s"), written, as_of);
      break;
    case SITROOM_TIME_EVENT:
      message = g_strdup_printf (_("the event is at %s, after the document’s as_of %s"), written, as_of);
      break;
    case SITROOM_TIME_REPORTED:
      message = g_strdup_printf (_("reported at %s, after the document’s as_of %s"), written, as_of);
      break;
    case SITROOM_TIME_UPDATED:
      message = g_strdup_printf (_("updated at %s, after the document’s as_of %s"), written, as_of);
      break;
    case SITROOM_TIME_ENTERED:
      message = g_strdup_printf (_("entered at %s, after the document’s as_of %s"), written, as_of);
      break;
    default:
      g_assert_not_reached ();
    }
  sitroom_problem_list_take (parser->parse.problems, SITROOM_PROBLEM_ERROR, offset, g_strdup (path),
                             message);
}

static void
resolve_chains (SitroomParser *parser)
{
  SitroomSituation *self = parser->self;

  for (guint i = 0; i < self->chains->len; i++)
    {
      SitroomChain *chain = &g_array_index (self->chains, SitroomChain, i);
      SitroomChainExtra *extra = &g_array_index (parser->chain_extras, SitroomChainExtra, i);

      if (sitroom_parser_after_as_of (parser, chain->first_reported))
        {
          g_autofree char *path = g_strdup_printf ("/chains/%u/first_reported", i);

          sitroom_parser_report_after_as_of (parser, chain->first_reported, extra->first_reported_offset,
                                             extra->offset, path, SITROOM_TIME_FIRST_REPORTED);
        }
    }

  for (guint i = 0; i < self->events->len; i++)
    {
      SitroomEvent *event = &g_array_index (self->events, SitroomEvent, i);
      SitroomEventExtra *extra = &g_array_index (parser->event_extras, SitroomEventExtra, i);

      if (event->region >= 0)
        {
          int code = event->region;

          event->region = lookup_region (parser, code);
          if (event->region < 0
              && sitroom_problem_list_wants (parser->parse.problems, SITROOM_PROBLEM_ERROR, extra->offset))
            sitroom_problem_list_take (parser->parse.problems, SITROOM_PROBLEM_ERROR, extra->offset,
                                       g_strdup_printf ("/chains/%u/events/%u/region", extra->chain, extra->index),
                                       g_strdup_printf (_("unknown region code %06d"), code));
        }
      if (sitroom_parser_after_as_of (parser, event->at))
        {
          g_autofree char *path = g_strdup_printf ("/chains/%u/events/%u/at", extra->chain, extra->index);

          sitroom_parser_report_after_as_of (parser, event->at, extra->time_offset, extra->offset, path,
                                             SITROOM_TIME_EVENT);
        }
    }
}

static void
resolve_cases (SitroomParser *parser,
               guint         *counted)
{
  SitroomSituation *self = parser->self;
  SitroomParse *parse = &parser->parse;

  for (guint i = 0; i < self->cases->len; i++)
    {
      SitroomCase *item = &g_array_index (self->cases, SitroomCase, i);
      SitroomCaseExtra *extra = &g_array_index (parser->case_extras, SitroomCaseExtra, i);

      sitroom_parser_resolve_region (parser, &item->region, extra->offset, "cases", i, "region");

      if (extra->chain != NULL)
        {
          item->chain = sitroom_situation_lookup_chain (self, extra->chain);
          if (item->chain < 0)
            {
              g_autofree char *chain = sitroom_parse_shorten (extra->chain, strlen (extra->chain), 40);

              sitroom_parse_problem_at (parse, SITROOM_PROBLEM_ERROR, extra->offset, "cases", i, "chain",
                                        _("unknown chain “%s”"), chain);
            }
          else
            g_array_index (parser->chain_extras, SitroomChainExtra, item->chain).n_cases++;
        }
      else
        sitroom_parse_problem_at (parse, SITROOM_PROBLEM_WARNING, extra->offset, "cases", i, NULL,
                                  _("the case belongs to no chain"));

      if (sitroom_parser_after_as_of (parser, item->reported_at))
        {
          g_autofree char *path = g_strdup_printf ("/cases/%u/reported_at", i);

          sitroom_parser_report_after_as_of (parser, item->reported_at, extra->time_offset, extra->offset, path,
                                             SITROOM_TIME_REPORTED);
        }
      else if (item->reported_at != SITROOM_TIME_NONE)
        counted[item->classification]++;
    }
}

static void
resolve_sites_and_measures (SitroomParser *parser)
{
  SitroomSituation *self = parser->self;

  for (guint i = 0; i < self->sites->len; i++)
    {
      SitroomSite *site = &g_array_index (self->sites, SitroomSite, i);
      SitroomRecordExtra *extra = &g_array_index (parser->site_extras, SitroomRecordExtra, i);

      sitroom_parser_resolve_region (parser, &site->region, extra->offset, "quarantine_sites", i, "region");
      if (sitroom_parser_after_as_of (parser, site->updated_at))
        {
          g_autofree char *path = g_strdup_printf ("/quarantine_sites/%u/updated_at", i);

          sitroom_parser_report_after_as_of (parser, site->updated_at, extra->time_offset, extra->offset, path,
                                             SITROOM_TIME_UPDATED);
        }
    }

  for (guint i = 0; i < self->measures->len; i++)
    {
      SitroomMeasure *measure = &g_array_index (self->measures, SitroomMeasure, i);
      SitroomRecordExtra *extra = &g_array_index (parser->measure_extras, SitroomRecordExtra, i);

      sitroom_parser_resolve_region (parser, &measure->region, extra->offset, "measures", i, "region");
    }
}

/* The feed's own figures against the cases: disagreement is worth a flag,
 * not a refusal (a chain may count positives that another province reports). */
static void
check_figures (SitroomParser *parser,
               const guint   *counted)
{
  SitroomSituation *self = parser->self;
  SitroomParse *parse = &parser->parse;
  guint positives = 0;
  guint confirmed = 0;
  struct {
    const char *member;
    gint64 given;
    guint counted;
  } totals[3];

  for (guint c = 0; c < SITROOM_N_CLASSES; c++)
    {
      positives += counted[c];
      if (sitroom_classification_is_confirmed (c))
        confirmed += counted[c];
    }
  totals[0].member = "positives";
  totals[0].given = self->totals.positives;
  totals[0].counted = positives;
  totals[1].member = "confirmed";
  totals[1].given = self->totals.confirmed;
  totals[1].counted = confirmed;
  totals[2].member = "asymptomatic";
  totals[2].given = self->totals.asymptomatic;
  totals[2].counted = counted[SITROOM_CLASS_ASYMPTOMATIC];

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (totals[i].given >= 0 && totals[i].given != totals[i].counted)
      sitroom_parse_problem_at (parse, SITROOM_PROBLEM_WARNING, parser->totals_offset, "totals", -1,
                                totals[i].member,
                                _("the feed’s figure is %lld, but the cases reported by as_of add up to %u"),
                                (long long) totals[i].given, totals[i].counted);

  for (guint i = 0; i < self->chains->len; i++)
    {
      SitroomChainExtra *extra = &g_array_index (parser->chain_extras, SitroomChainExtra, i);
      gint64 given = g_array_index (self->chain_positives, gint64, i);

      if (extra->n_cases == 0)
        sitroom_parse_problem_at (parse, SITROOM_PROBLEM_WARNING, extra->offset, "chains", i, NULL,
                                  _("no case belongs to this chain"));
      if (given >= 0 && given != extra->n_cases)
        sitroom_parse_problem_at (parse, SITROOM_PROBLEM_WARNING, extra->offset, "chains", i, "positives",
                                  _("the chain’s own figure is %lld, but %u of the document’s cases belong to it"),
                                  (long long) given, extra->n_cases);
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const SitroomEvent *x = a;
  const SitroomEvent *y = b;

  return x->at < y->at ? -1 : x->at > y->at;
}

static int
compare_cases (gconstpointer a,
               gconstpointer b)
{
  const SitroomCase *x = a;
  const SitroomCase *y = b;

  return x->reported_at < y->reported_at ? -1 : x->reported_at > y->reported_at;
}

static int
compare_region_codes (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GArray *regions = user_data;
  const SitroomRegion *x = &g_array_index (regions, SitroomRegion, *(const int *) a);
  const SitroomRegion *y = &g_array_index (regions, SitroomRegion, *(const int *) b);

  return strcmp (x->code, y->code);
}

/* Everything read is kept in document order until now; from here on the
 * arrays are in the order the getters promise. */
void
sitroom_parser_index_situation (SitroomParser *parser)
{
  SitroomSituation *self = parser->self;
  gboolean sorted = TRUE;

  for (guint i = 0; i < self->chains->len; i++)
    {
      SitroomChain *chain = &g_array_index (self->chains, SitroomChain, i);
      SitroomChainExtra *extra = &g_array_index (parser->chain_extras, SitroomChainExtra, i);
      SitroomEvent *events;

      chain->n_events = extra->n_events;
      if (extra->n_events == 0)
        continue;
      events = &g_array_index (self->events, SitroomEvent, extra->first_event);
      /* g_qsort_with_data() is stable: events at the same time keep their order. */
      g_qsort_with_data (events, extra->n_events, sizeof (SitroomEvent), compare_events, NULL);
      chain->events = events;
    }

  for (guint i = 1; i < self->cases->len && sorted; i++)
    sorted = g_array_index (self->cases, SitroomCase, i - 1).reported_at
             <= g_array_index (self->cases, SitroomCase, i).reported_at;
  /* Stable too: cases reported at the same time stay in document order. */
  if (!sorted)
    g_array_sort (self->cases, compare_cases);

  for (int i = 0; i < (int) self->regions->len; i++)
    if (g_array_index (self->regions, SitroomRegion, i).level == SITROOM_LEVEL_PREFECTURE)
      g_array_append_val (self->prefectures, i);
  g_qsort_with_data (self->prefectures->data, self->prefectures->len, sizeof (int),
                     compare_region_codes, self->regions);

  sitroom_parser_index_rules (parser);

  g_free (self->illustrative);
  g_ptr_array_add (parser->illustrative, NULL);
  self->illustrative = (char **) g_ptr_array_free (g_steal_pointer (&parser->illustrative), FALSE);
}

void
sitroom_parser_resolve_document (SitroomParser *parser)
{
  SitroomSituation *self = parser->self;
  guint counted[SITROOM_N_CLASSES] = { 0 };

  sitroom_region_list_resolve (&parser->parse, "regions", parser->region_decls,
                               self->regions, self->region_by_code);
  resolve_chains (parser);
  resolve_cases (parser, counted);
  resolve_sites_and_measures (parser);
  sitroom_parser_resolve_rules (parser);
  check_figures (parser, counted);
}
