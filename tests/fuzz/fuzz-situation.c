/* The libFuzzer harness: any bytes give a situation or an error, never both, never a crash. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include "fuzz-situation.h"
#include "sitroom-error.h"
#include "sitroom-situation.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_text (const SitroomText *text,
            gboolean           optional)
{
  g_assert (optional || text->zh != NULL);
  g_assert (text->en == NULL || text->zh != NULL);
}

/* Everything a reader of the situation relies on without checking. */
static void
check_situation (SitroomSituation *situation,
                 GPtrArray        *problems)
{
  guint n_regions = sitroom_situation_get_n_regions (situation);
  guint n_chains = sitroom_situation_get_n_chains (situation);
  guint n_cases = sitroom_situation_get_n_cases (situation);
  const int *prefectures;
  guint n_prefectures;
  GPtrArray *warnings;

  g_assert (sitroom_situation_get_as_of (situation) != SITROOM_TIME_NONE);
  g_assert (sitroom_situation_get_illustrative (situation) != NULL);
  if (sitroom_situation_get_publisher (situation) != NULL)
    check_text (sitroom_situation_get_publisher (situation), FALSE);

  for (guint i = 0; i < n_regions; i++)
    {
      const SitroomRegion *region = sitroom_situation_get_region (situation, i);

      g_assert (sitroom_situation_lookup_region (situation, region->code) == (int) i);
      g_assert (region->prefecture >= -1 && region->prefecture < (int) n_regions);
      if (region->prefecture >= 0)
        g_assert (sitroom_situation_get_region (situation, region->prefecture)->level == SITROOM_LEVEL_PREFECTURE);
      if (region->parent != NULL)
        g_assert (sitroom_situation_lookup_region (situation, region->parent) >= 0);
      check_text (&region->name, FALSE);
    }

  prefectures = sitroom_situation_get_prefectures (situation, &n_prefectures);
  for (guint i = 0; i < n_prefectures; i++)
    {
      g_assert (prefectures[i] >= 0 && prefectures[i] < (int) n_regions);
      g_assert (sitroom_situation_get_region (situation, prefectures[i])->prefecture == prefectures[i]);
    }

  for (guint i = 0; i < n_chains; i++)
    {
      const SitroomChain *chain = sitroom_situation_get_chain (situation, i);

      g_assert (sitroom_situation_lookup_chain (situation, chain->id) == (int) i);
      g_assert (chain->label != NULL);
      check_text (&chain->title, FALSE);
      g_assert (chain->close_contacts >= SITROOM_COUNT_NONE && chain->secondary_contacts >= SITROOM_COUNT_NONE);
      g_assert ((chain->events == NULL) == (chain->n_events == 0));
      for (guint j = 0; j < chain->n_events; j++)
        {
          g_assert (j == 0 || chain->events[j - 1].at <= chain->events[j].at);
          g_assert (chain->events[j].at <= sitroom_situation_get_as_of (situation));
          g_assert (chain->events[j].region >= -1 && chain->events[j].region < (int) n_regions);
          g_assert (chain->events[j].kind < SITROOM_N_EVENT_KINDS);
          check_text (&chain->events[j].text, TRUE);
        }
    }

  for (guint i = 0; i < n_cases; i++)
    {
      const SitroomCase *item = sitroom_situation_get_case (situation, i);

      g_assert (item->id != NULL);
      g_assert (i == 0 || sitroom_situation_get_case (situation, i - 1)->reported_at <= item->reported_at);
      g_assert (item->region >= 0 && item->region < (int) n_regions);
      g_assert (item->chain >= -1 && item->chain < (int) n_chains);
      g_assert (item->classification < SITROOM_N_CLASSES);
      g_assert (item->status < SITROOM_N_STATUSES);
    }
  g_assert (sitroom_situation_count_cases_until (situation, sitroom_situation_get_as_of (situation)) == n_cases);

  for (guint i = 0; i < sitroom_situation_get_n_sites (situation); i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);

      g_assert (site->region >= 0 && site->region < (int) n_regions);
      g_assert (site->capacity >= 0 && site->occupied >= 0);
      check_text (&site->name, FALSE);
    }

  for (guint i = 0; i < sitroom_situation_get_n_measures (situation); i++)
    {
      const SitroomMeasure *measure = sitroom_situation_get_measure (situation, i);

      g_assert (measure->region >= 0 && measure->region < (int) n_regions);
      g_assert (measure->until == SITROOM_TIME_NONE || measure->until >= measure->from);
      check_text (&measure->text, FALSE);
    }

  warnings = sitroom_situation_get_warnings (situation);
  g_assert (warnings->len == problems->len);
  for (guint i = 0; i < warnings->len; i++)
    g_assert (((SitroomProblem *) g_ptr_array_index (warnings, i))->severity == SITROOM_PROBLEM_WARNING);
}

gboolean
sitroom_fuzz_situation (const guint8 *data,
                        gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  SitroomProblem *first;

  situation = sitroom_situation_new_from_bytes (bytes, NULL, &problems, &error);
  g_assert ((situation == NULL) != (error == NULL));
  g_assert (problems != NULL);
  g_assert (problems->len <= 1000);

  if (situation != NULL)
    {
      check_situation (situation, problems);
      return TRUE;
    }

  g_assert (error->domain == SITROOM_FEED_ERROR);
  g_assert (error->message[0] != '\0');
  g_assert (problems->len >= 1);
  first = g_ptr_array_index (problems, 0);
  g_assert (first->severity == SITROOM_PROBLEM_ERROR);
  g_assert (g_str_has_prefix (error->message, first->path));
  return FALSE;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical is a broken precondition: as much a crash as a bad read. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  sitroom_fuzz_situation (data, size);
  return 0;
}
