/* An accepted situation document, its lookups, and the bounded list of problems found in one. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sitroom-situation-private.h"

G_DEFINE_FINAL_TYPE (SitroomSituation, sitroom_situation, G_TYPE_OBJECT)

static void
sitroom_situation_finalize (GObject *object)
{
  SitroomSituation *self = SITROOM_SITUATION (object);

  g_clear_pointer (&self->illustrative, g_free);
  g_clear_pointer (&self->regions, g_array_unref);
  g_clear_pointer (&self->region_by_code, g_hash_table_unref);
  g_clear_pointer (&self->prefectures, g_array_unref);
  g_clear_pointer (&self->chains, g_array_unref);
  g_clear_pointer (&self->chain_by_id, g_hash_table_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->chain_positives, g_array_unref);
  g_clear_pointer (&self->cases, g_array_unref);
  g_clear_pointer (&self->sites, g_array_unref);
  g_clear_pointer (&self->measures, g_array_unref);
  g_clear_pointer (&self->rules, g_array_unref);
  g_clear_pointer (&self->rule_by_id, g_hash_table_unref);
  g_clear_pointer (&self->test_days, g_array_unref);
  g_clear_pointer (&self->cohorts, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  /* Last: everything above points into it. */
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (sitroom_situation_parent_class)->finalize (object);
}

static void
sitroom_situation_class_init (SitroomSituationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sitroom_situation_finalize;
}

static void
sitroom_situation_init (SitroomSituation *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->as_of = SITROOM_TIME_NONE;
  self->illustrative = g_new0 (char *, 1);
  self->regions = g_array_new (FALSE, FALSE, sizeof (SitroomRegion));
  self->region_by_code = g_hash_table_new (NULL, NULL);
  self->prefectures = g_array_new (FALSE, FALSE, sizeof (int));
  self->chains = g_array_new (FALSE, FALSE, sizeof (SitroomChain));
  self->chain_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->events = g_array_new (FALSE, FALSE, sizeof (SitroomEvent));
  self->chain_positives = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cases = g_array_new (FALSE, FALSE, sizeof (SitroomCase));
  self->sites = g_array_new (FALSE, FALSE, sizeof (SitroomSite));
  self->measures = g_array_new (FALSE, FALSE, sizeof (SitroomMeasure));
  self->rules = g_array_new (FALSE, FALSE, sizeof (SitroomQuarantineRule));
  self->rule_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->test_days = g_array_new (FALSE, FALSE, sizeof (int));
  self->default_rule = -1;
  self->cohorts = g_array_new (FALSE, FALSE, sizeof (SitroomCohort));
  self->totals.positives = -1;
  self->totals.confirmed = -1;
  self->totals.asymptomatic = -1;
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) sitroom_problem_free);
}

SitroomSituation *
sitroom_situation_new_from_bytes (GBytes                   *bytes,
                                  const SitroomLoadOptions *options,
                                  GPtrArray               **problems,
                                  GError                  **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return sitroom_situation_parse (bytes, options, sitroom_regions_get_builtin (), problems, error);
}

gint64
sitroom_situation_get_as_of (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), SITROOM_TIME_NONE);

  return self->as_of;
}

int
sitroom_situation_get_as_of_offset (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  return self->as_of_offset;
}

/* NULL when the document names no publisher. */
const SitroomText *
sitroom_situation_get_publisher (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);

  return self->has_publisher ? &self->publisher : NULL;
}

gboolean
sitroom_situation_is_illustrative (SitroomSituation *self,
                                   const char       *section)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->illustrative, section);
}

/* Never NULL: an empty vector when nothing is illustrative. */
const char * const *
sitroom_situation_get_illustrative (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);

  return (const char * const *) self->illustrative;
}

guint
sitroom_situation_get_n_regions (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  return self->regions->len;
}

const SitroomRegion *
sitroom_situation_get_region (SitroomSituation *self,
                              guint             index)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return &g_array_index (self->regions, SitroomRegion, index);
}

int
sitroom_situation_lookup_region (SitroomSituation *self,
                                 const char       *code)
{
  int number;

  g_return_val_if_fail (SITROOM_IS_SITUATION (self), -1);
  g_return_val_if_fail (code != NULL, -1);

  number = sitroom_region_code_parse (code, strlen (code));
  if (number < 0)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->region_by_code, GINT_TO_POINTER (number))) - 1;
}

const int *
sitroom_situation_get_prefectures (SitroomSituation *self,
                                   guint            *n_prefectures)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);

  if (n_prefectures != NULL)
    *n_prefectures = self->prefectures->len;
  return (const int *) (gpointer) self->prefectures->data;
}

guint
sitroom_situation_get_n_chains (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  return self->chains->len;
}

const SitroomChain *
sitroom_situation_get_chain (SitroomSituation *self,
                             guint             index)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);
  g_return_val_if_fail (index < self->chains->len, NULL);

  return &g_array_index (self->chains, SitroomChain, index);
}

int
sitroom_situation_lookup_chain (SitroomSituation *self,
                                const char       *id)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->chain_by_id, id)) - 1;
}

gint64
sitroom_situation_get_chain_positives (SitroomSituation *self,
                                       guint             index)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), -1);
  g_return_val_if_fail (index < self->chain_positives->len, -1);

  return g_array_index (self->chain_positives, gint64, index);
}

gboolean
sitroom_situation_get_feed_totals (SitroomSituation  *self,
                                   SitroomFeedTotals *totals)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), FALSE);

  if (totals != NULL)
    *totals = self->totals;
  return self->totals.positives >= 0 || self->totals.confirmed >= 0 || self->totals.asymptomatic >= 0;
}

guint
sitroom_situation_get_n_cases (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  return self->cases->len;
}

const SitroomCase *
sitroom_situation_get_case (SitroomSituation *self,
                            guint             index)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);
  g_return_val_if_fail (index < self->cases->len, NULL);

  return &g_array_index (self->cases, SitroomCase, index);
}

guint
sitroom_situation_count_cases_until (SitroomSituation *self,
                                     gint64            cutoff)
{
  const SitroomCase *cases;
  guint low = 0;
  guint high;

  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  /* The first case reported after the cutoff, by bisection. */
  cases = (const SitroomCase *) (gpointer) self->cases->data;
  high = self->cases->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (cases[middle].reported_at <= cutoff)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

guint
sitroom_situation_get_n_sites (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  return self->sites->len;
}

const SitroomSite *
sitroom_situation_get_site (SitroomSituation *self,
                            guint             index)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);
  g_return_val_if_fail (index < self->sites->len, NULL);

  return &g_array_index (self->sites, SitroomSite, index);
}

guint
sitroom_situation_get_n_measures (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  return self->measures->len;
}

const SitroomMeasure *
sitroom_situation_get_measure (SitroomSituation *self,
                               guint             index)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);
  g_return_val_if_fail (index < self->measures->len, NULL);

  return &g_array_index (self->measures, SitroomMeasure, index);
}

guint
sitroom_situation_get_n_rules (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  return self->rules->len;
}

const SitroomQuarantineRule *
sitroom_situation_get_rule (SitroomSituation *self,
                            guint             index)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);

  return &g_array_index (self->rules, SitroomQuarantineRule, index);
}

int
sitroom_situation_lookup_rule (SitroomSituation *self,
                               const char       *id)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->rule_by_id, id)) - 1;
}

int
sitroom_situation_get_default_rule (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), -1);

  return self->default_rule;
}

guint
sitroom_situation_get_n_cohorts (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), 0);

  return self->cohorts->len;
}

const SitroomCohort *
sitroom_situation_get_cohort (SitroomSituation *self,
                              guint             index)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);
  g_return_val_if_fail (index < self->cohorts->len, NULL);

  return &g_array_index (self->cohorts, SitroomCohort, index);
}

GPtrArray *
sitroom_situation_get_warnings (SitroomSituation *self)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (self), NULL);

  return self->warnings;
}


/* The problem list. Items are compared as (severity, offset, order found),
 * which is the order of the final list. */

typedef struct {
  SitroomProblemSeverity severity;
  gsize offset;
  guint sequence;
  char *path;
  char *message;
} Item;

struct _SitroomProblemList {
  GArray *items;
  guint sequence;
  guint n_errors;
  guint n_warnings;
  /* Once the list has been cut back, the last item kept: anything that sorts
   * after it would be cut too. */
  gboolean full;
  Item last_kept;
};

/* The last entry says how many more there were, so one fewer is kept. */
#define N_KEPT (SITROOM_MAX_PROBLEMS - 1)

static int
compare_keys (SitroomProblemSeverity severity_a,
              gsize                  offset_a,
              guint                  sequence_a,
              const Item            *b)
{
  if (severity_a != b->severity)
    return severity_a == SITROOM_PROBLEM_ERROR ? -1 : 1;
  if (offset_a != b->offset)
    return offset_a < b->offset ? -1 : 1;
  if (sequence_a != b->sequence)
    return sequence_a < b->sequence ? -1 : 1;
  return 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *item = a;

  return compare_keys (item->severity, item->offset, item->sequence, b);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->path);
  g_free (item->message);
}

SitroomProblemList *
sitroom_problem_list_new (void)
{
  SitroomProblemList *list = g_new0 (SitroomProblemList, 1);

  list->items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (list->items, item_clear);
  return list;
}

void
sitroom_problem_list_free (SitroomProblemList *list)
{
  if (list == NULL)
    return;
  g_array_unref (list->items);
  g_free (list);
}

static void
cut_back (SitroomProblemList *list)
{
  g_array_sort (list->items, compare_items);
  if (list->items->len > N_KEPT)
    {
      g_array_set_size (list->items, N_KEPT);
      list->full = TRUE;
      list->last_kept = g_array_index (list->items, Item, N_KEPT - 1);
    }
}

gboolean
sitroom_problem_list_wants (SitroomProblemList     *list,
                            SitroomProblemSeverity  severity,
                            gsize                   offset)
{
  g_return_val_if_fail (list != NULL, FALSE);

  if (!list->full || compare_keys (severity, offset, list->sequence, &list->last_kept) < 0)
    return TRUE;

  list->sequence++;
  if (severity == SITROOM_PROBLEM_ERROR)
    list->n_errors++;
  else
    list->n_warnings++;
  return FALSE;
}

void
sitroom_problem_list_take (SitroomProblemList     *list,
                           SitroomProblemSeverity  severity,
                           gsize                   offset,
                           char                   *path,
                           char                   *message)
{
  Item item;

  g_return_if_fail (list != NULL);
  g_return_if_fail (message != NULL);

  item.severity = severity;
  item.offset = offset;
  item.sequence = list->sequence++;
  item.path = path != NULL ? path : g_strdup ("");
  item.message = message;
  g_array_append_val (list->items, item);

  if (severity == SITROOM_PROBLEM_ERROR)
    list->n_errors++;
  else
    list->n_warnings++;

  /* Cutting back only when the list has doubled keeps the cost of sorting
   * proportional to the number of problems kept. */
  if (list->items->len >= 2 * N_KEPT)
    cut_back (list);
}

guint
sitroom_problem_list_get_n_errors (SitroomProblemList *list)
{
  g_return_val_if_fail (list != NULL, 0);

  return list->n_errors;
}

GPtrArray *
sitroom_problem_list_finish (SitroomProblemList *list)
{
  GPtrArray *problems;
  guint kept_errors = 0;
  guint more;

  g_return_val_if_fail (list != NULL, NULL);

  cut_back (list);

  problems = g_ptr_array_new_full (list->items->len + 1, (GDestroyNotify) sitroom_problem_free);
  for (guint i = 0; i < list->items->len; i++)
    {
      Item *item = &g_array_index (list->items, Item, i);

      if (item->severity == SITROOM_PROBLEM_ERROR)
        kept_errors++;
      g_ptr_array_add (problems, sitroom_problem_new (item->severity, item->path, item->message));
    }

  more = list->n_errors + list->n_warnings - list->items->len;
  if (more > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u more problem was found but not listed",
                                              "%u more problems were found but not listed",
                                              more),
                                 more);
      g_ptr_array_add (problems,
                       sitroom_problem_new (kept_errors < list->n_errors
                                            ? SITROOM_PROBLEM_ERROR : SITROOM_PROBLEM_WARNING,
                                            "", message));
    }

  g_array_set_size (list->items, 0);
  list->full = FALSE;
  list->n_errors = 0;
  list->n_warnings = 0;
  return problems;
}

char *
sitroom_problems_describe_errors (GPtrArray *finished,
                                  guint      n_errors)
{
  GString *text;
  guint shown = 0;

  g_return_val_if_fail (finished != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < finished->len && shown < 3 && shown < n_errors; i++)
    {
      const SitroomProblem *problem = g_ptr_array_index (finished, i);
      g_autofree char *line = NULL;

      if (problem->severity != SITROOM_PROBLEM_ERROR)
        continue;
      line = sitroom_problem_to_string (problem);
      if (shown > 0)
        g_string_append (text, "; ");
      g_string_append (text, line);
      shown++;
    }

  if (n_errors > shown)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              /* Translators: after a list of the first problems */
                              g_dngettext (GETTEXT_PACKAGE, "(and %u more)", "(and %u more)",
                                           n_errors - shown),
                              n_errors - shown);
    }
  return g_string_free (text, FALSE);
}
