/* The summary of a view as JSON: the contract's "Summary output", then the quarantine forecast. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-forecast.h"
#include "sitroom-summary.h"
#include "sitroom-time.h"

static void
add_counts (JsonBuilder         *builder,
            const SitroomCounts *counts)
{
  json_builder_set_member_name (builder, "positives");
  json_builder_add_int_value (builder, counts->positives);
  json_builder_set_member_name (builder, "confirmed");
  json_builder_add_int_value (builder, counts->confirmed);
  json_builder_set_member_name (builder, "asymptomatic");
  json_builder_add_int_value (builder, counts->asymptomatic);
}

static void
add_by_region (JsonBuilder *builder,
               SitroomView *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_prefectures (view);

  json_builder_set_member_name (builder, "by_region");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (view, i);

      if (row->counts.positives == 0)
        continue;
      json_builder_set_member_name (builder, sitroom_situation_get_region (situation, row->region)->code);
      json_builder_begin_object (builder);
      add_counts (builder, &row->counts);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_chains (JsonBuilder *builder,
            SitroomView *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_chains (view);

  json_builder_set_member_name (builder, "chains");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const SitroomChainFigures *row = sitroom_view_get_chain (view, i);
      const SitroomChain *chain = sitroom_situation_get_chain (situation, row->chain);

      json_builder_set_member_name (builder, chain->id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "positives");
      json_builder_add_int_value (builder, row->counts.positives);
      json_builder_set_member_name (builder, "regions");
      json_builder_begin_array (builder);
      for (guint r = 0; r < row->n_regions; r++)
        json_builder_add_string_value (builder,
                                       sitroom_situation_get_region (situation, row->regions[r])->code);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "close_contacts");
      /* The contract has a number here: contacts not given are 0 people known. */
      json_builder_add_int_value (builder, MAX (chain->close_contacts, 0));
      json_builder_set_member_name (builder, "secondary_contacts");
      json_builder_add_int_value (builder, MAX (chain->secondary_contacts, 0));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_quarantine (JsonBuilder *builder,
                SitroomView *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_prefectures (view);

  json_builder_set_member_name (builder, "quarantine");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (view, i);

      if (row->n_sites == 0)
        continue;
      json_builder_set_member_name (builder, sitroom_situation_get_region (situation, row->region)->code);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "capacity");
      json_builder_add_int_value (builder, row->capacity);
      json_builder_set_member_name (builder, "occupied");
      json_builder_add_int_value (builder, row->occupied);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* "2022-08-21": forecast days are China Standard Time days, whatever
 * offset the cutoff is written at. */
static char *
format_cst_date (gint64 day)
{
  g_autofree char *time = sitroom_time_format (day, SITROOM_CST_OFFSET);

  return g_strndup (time, strlen ("2022-08-21"));
}

/* The 14 days ahead, with the arrivals the model assumes by default (the
 * 3-day mean): what anyone rerunning the summary gets again. */
static void
add_forecast (JsonBuilder *builder,
              SitroomView *view)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  g_autoptr(SitroomForecast) forecast = sitroom_forecast_new (view, NULL, 0);
  guint n = sitroom_forecast_get_n_prefectures (forecast);

  json_builder_set_member_name (builder, "forecast");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureForecast *row = sitroom_forecast_get_prefecture (forecast, i);

      json_builder_set_member_name (builder, sitroom_situation_get_region (situation, row->region)->code);
      json_builder_begin_array (builder);
      for (guint d = 0; d < SITROOM_FORECAST_DAYS; d++)
        {
          g_autofree char *date = format_cst_date (row->days[d].day);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, date);
          json_builder_set_member_name (builder, "occupied");
          json_builder_add_int_value (builder, row->days[d].occupied);
          json_builder_set_member_name (builder, "capacity");
          json_builder_add_int_value (builder, row->days[d].capacity);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "full_on");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureForecast *row = sitroom_forecast_get_prefecture (forecast, i);

      json_builder_set_member_name (builder, sitroom_situation_get_region (situation, row->region)->code);
      if (row->full_on >= 0)
        {
          g_autofree char *date = format_cst_date (row->days[row->full_on].day);

          json_builder_add_string_value (builder, date);
        }
      else
        {
          json_builder_add_null_value (builder);
        }
    }
  json_builder_end_object (builder);
}

static void
add_warnings (JsonBuilder      *builder,
              SitroomSituation *situation)
{
  GPtrArray *warnings = sitroom_situation_get_warnings (situation);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      const SitroomProblem *problem = g_ptr_array_index (warnings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, problem->path);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
sitroom_summary_build (SitroomView *view,
                       int          offset_seconds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const SitroomCounts *totals;
  g_autofree char *as_of = NULL;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  totals = sitroom_view_get_totals (view);
  as_of = sitroom_time_format (sitroom_view_get_cutoff (view), offset_seconds);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, as_of);
  add_counts (builder, totals);

  json_builder_set_member_name (builder, "by_classification");
  json_builder_begin_object (builder);
  for (guint i = 0; i < SITROOM_N_CLASSES; i++)
    {
      json_builder_set_member_name (builder, sitroom_classification_to_string (i));
      json_builder_add_int_value (builder, totals->by_class[i]);
    }
  json_builder_end_object (builder);

  add_by_region (builder, view);
  add_chains (builder, view);
  add_quarantine (builder, view);
  add_forecast (builder, view);
  add_warnings (builder, sitroom_view_get_situation (view));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
sitroom_summary_to_json (SitroomView *view,
                         int          offset_seconds,
                         gboolean     pretty)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  root = sitroom_summary_build (view, offset_seconds);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}
