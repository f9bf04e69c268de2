/* Infection chains at a cutoff: their status under the closing rule, their cases, their story. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-chains.h"
#include "sitroom-time.h"

#define DAY_SECONDS (24 * 3600)

/* What the closing rule needs to know of a chain at the cutoff, whatever
 * the view's filters: a chain is over when it is over everywhere. */
typedef struct {
  gboolean started;
  gint64 first_reported;  /* SITROOM_TIME_NONE if not given or still to come */
  gint64 last_case;       /* SITROOM_TIME_NONE if none by the cutoff */
} ChainState;

static void
get_chain_state (SitroomView *view,
                 int          chain,
                 ChainState  *state)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  const SitroomChain *c = sitroom_situation_get_chain (situation, chain);
  gint64 cutoff = sitroom_view_get_cutoff (view);

  g_assert (state != NULL);

  state->last_case = SITROOM_TIME_NONE;
  if (sitroom_view_get_prefecture_filter (view) < 0 && sitroom_view_get_chain_filter (view) < 0)
    {
      state->last_case = sitroom_view_get_chain (view, chain)->last_case;
    }
  else
    {
      /* Cases are sorted by time: the first one of the chain found going
       * back from the cutoff is its last. */
      for (guint i = sitroom_situation_count_cases_until (situation, cutoff); i > 0; i--)
        {
          const SitroomCase *kase = sitroom_situation_get_case (situation, i - 1);

          if (kase->chain == chain)
            {
              state->last_case = kase->reported_at;
              break;
            }
        }
    }

  /* The rule of sitroom-chains.h, as SitroomChainFigures.started: the
   * first report or a case; events dated earlier are history. */
  state->first_reported = c->first_reported != SITROOM_TIME_NONE && c->first_reported <= cutoff
                          ? c->first_reported : SITROOM_TIME_NONE;
  state->started = state->last_case != SITROOM_TIME_NONE || state->first_reported != SITROOM_TIME_NONE;
}

SitroomChainStatus
sitroom_chain_get_status (SitroomView *view,
                          int          chain,
                          guint        close_days)
{
  ChainState state;
  gint64 since;
  guint64 elapsed;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), SITROOM_CHAIN_NOT_STARTED);
  g_return_val_if_fail (chain >= 0 && chain < (int) sitroom_view_get_n_chains (view),
                        SITROOM_CHAIN_NOT_STARTED);

  get_chain_state (view, chain, &state);
  if (!state.started)
    return SITROOM_CHAIN_NOT_STARTED;

  since = state.last_case != SITROOM_TIME_NONE ? state.last_case : state.first_reported;
  g_assert (since <= sitroom_view_get_cutoff (view));

  /* Unsigned, so that a cutoff far from the chain's times cannot overflow. */
  elapsed = (guint64) sitroom_view_get_cutoff (view) - (guint64) since;
  if (elapsed >= (guint64) close_days * DAY_SECONDS)
    return SITROOM_CHAIN_CLOSED;
  return SITROOM_CHAIN_ACTIVE;
}

const char *
sitroom_chain_status_to_string (SitroomChainStatus status)
{
  switch (status)
    {
    case SITROOM_CHAIN_NOT_STARTED:
      return "not-started";
    case SITROOM_CHAIN_ACTIVE:
      return "active";
    case SITROOM_CHAIN_CLOSED:
      return "closed";
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

GArray *
sitroom_chain_get_cases (SitroomView *view,
                         int          chain)
{
  SitroomSituation *situation;
  int prefecture_filter;
  int chain_filter;
  guint n_counted;
  GArray *cases;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (chain >= 0 && chain < (int) sitroom_view_get_n_chains (view), NULL);

  situation = sitroom_view_get_situation (view);
  prefecture_filter = sitroom_view_get_prefecture_filter (view);
  chain_filter = sitroom_view_get_chain_filter (view);
  n_counted = sitroom_situation_count_cases_until (situation, sitroom_view_get_cutoff (view));
  cases = g_array_new (FALSE, FALSE, sizeof (int));

  /* The same cases as the chain's figures in the view, so the list and
   * the count beside it agree. */
  if (chain_filter >= 0 && chain_filter != chain)
    return cases;

  for (guint i = 0; i < n_counted; i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (situation, i);
      int index = i;

      if (kase->chain != chain)
        continue;
      if (prefecture_filter >= 0 &&
          sitroom_situation_get_region (situation, kase->region)->prefecture != prefecture_filter)
        continue;
      g_array_append_val (cases, index);
    }

  return cases;
}

/* The day's case lines of the chain, in the order of their first case
 * (cases come sorted by time, so lines do too). */
static GArray *
collect_case_lines (SitroomView *view,
                    int          chain)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n_counted = sitroom_situation_count_cases_until (situation, sitroom_view_get_cutoff (view));
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (SitroomStoryLine));
  g_autoptr(GHashTable) line_of_place = g_hash_table_new (NULL, NULL);
  gint64 current_day = 0;
  gboolean have_day = FALSE;

  for (guint i = 0; i < n_counted; i++)
    {
      const SitroomCase *kase = sitroom_situation_get_case (situation, i);
      const SitroomRegion *region;
      gint64 day;
      int place;
      gpointer found;
      SitroomStoryLine *line;

      if (kase->chain != chain)
        continue;

      day = sitroom_time_cst_day (kase->reported_at);
      if (!have_day || day != current_day)
        {
          g_hash_table_remove_all (line_of_place);
          current_day = day;
          have_day = TRUE;
        }

      /* A case placed at no prefecture (the province itself, a region
       * outside) is told where it was placed. */
      region = sitroom_situation_get_region (situation, kase->region);
      place = region->prefecture >= 0 ? region->prefecture : kase->region;

      found = g_hash_table_lookup (line_of_place, GINT_TO_POINTER (place + 1));
      if (found == NULL)
        {
          SitroomStoryLine new_line = {
            .kind = SITROOM_STORY_CASES,
            .at = kase->reported_at,
            .event = -1,
            .region = place,
          };

          g_array_append_val (lines, new_line);
          found = GUINT_TO_POINTER (lines->len);
          g_hash_table_insert (line_of_place, GINT_TO_POINTER (place + 1), found);
        }

      line = &g_array_index (lines, SitroomStoryLine, GPOINTER_TO_UINT (found) - 1);
      line->n_cases++;
      if (!sitroom_classification_is_confirmed (kase->classification))
        line->n_asymptomatic++;
    }

  return lines;
}

GArray *
sitroom_chain_get_story (SitroomView *view,
                         int          chain)
{
  const SitroomChain *c;
  gint64 cutoff;
  ChainState state;
  g_autoptr(GArray) case_lines = NULL;
  GArray *story;
  guint e = 0;
  guint k = 0;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (chain >= 0 && chain < (int) sitroom_view_get_n_chains (view), NULL);

  story = g_array_new (FALSE, FALSE, sizeof (SitroomStoryLine));

  /* Replaying a past cutoff tells what was known then: nothing of a chain
   * not yet reported, even of events later dated back before it. */
  get_chain_state (view, chain, &state);
  if (!state.started)
    return story;

  c = sitroom_situation_get_chain (sitroom_view_get_situation (view), chain);
  cutoff = sitroom_view_get_cutoff (view);
  case_lines = collect_case_lines (view, chain);

  while (TRUE)
    {
      const SitroomEvent *event = NULL;
      const SitroomStoryLine *cases = NULL;

      if (e < c->n_events && c->events[e].at <= cutoff)
        event = &c->events[e];
      if (k < case_lines->len)
        cases = &g_array_index (case_lines, SitroomStoryLine, k);

      if (event == NULL && cases == NULL)
        break;

      /* An event before the cases of the same time: a detection or a test
       * is what the cases were found by. */
      if (event != NULL && (cases == NULL || event->at <= cases->at))
        {
          SitroomStoryLine line = {
            .kind = SITROOM_STORY_EVENT,
            .at = event->at,
            .event = e,
            .region = event->region,
          };

          g_array_append_val (story, line);
          e++;
        }
      else
        {
          g_array_append_val (story, *cases);
          k++;
        }
    }

  return story;
}
