/* Helpers the core and render tests share: the demo and other documents loaded, times parsed, regions, chains, measures and forecast rows looked up. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sitroom-source.h"
#include "sitroom-test-demo.h"
#include "sitroom-time.h"

SitroomSituation *
sitroom_test_demo_load (void)
{
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation = sitroom_source_load (NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return situation;
}

SitroomSituation *
sitroom_test_demo_load_without (const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sitroom_source_read (NULL, 0, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  JsonArray *cases;
  guint n;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cases");
  n = json_array_get_length (cases);
  for (guint i = json_array_get_length (cases); i > 0; i--)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (cases, i - 1), "id"), case_id) == 0)
      json_array_remove_element (cases, i - 1);
  /* One case, the one named: no other left with its id. */
  g_assert_cmpuint (json_array_get_length (cases), ==, n - 1);

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  return sitroom_test_demo_parse (text);
}

SitroomSituation *
sitroom_test_demo_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation = sitroom_source_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return situation;
}

SitroomSituation *
sitroom_test_demo_parse (const char *document)
{
  g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  return situation;
}

void
sitroom_test_demo_append_cases (GString *document,
                                guint    n_cases,
                                gint64   first,
                                gint64   step)
{
  g_return_if_fail (document != NULL);

  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *time = sitroom_time_format (first + (gint64) i * step, SITROOM_CST_OFFSET);

      g_string_append_printf (document, "%s{\"id\": \"k%u\", \"reported_at\": \"%s\", \"region\": \"140100\","
                              " \"chain\": \"x\", \"classification\": \"mild\", \"status\": \"hospitalized\"}",
                              i > 0 ? "," : "", i, time);
    }
}

gint64
sitroom_test_demo_at (const char *text)
{
  gint64 t;

  g_assert_true (sitroom_time_parse (text, &t, NULL));
  return t;
}

SitroomView *
sitroom_test_demo_view_at (SitroomSituation *situation,
                           const char       *cutoff)
{
  gint64 t = cutoff != NULL ? sitroom_test_demo_at (cutoff) : sitroom_situation_get_as_of (situation);

  return sitroom_view_new (situation, t, -1, -1);
}

int
sitroom_test_demo_region (SitroomSituation *situation,
                          const char       *code)
{
  int index = sitroom_situation_lookup_region (situation, code);

  if (index < 0)
    g_error ("no region %s", code);
  return index;
}

int
sitroom_test_demo_chain (SitroomSituation *situation,
                         const char       *id)
{
  int index = sitroom_situation_lookup_chain (situation, id);

  if (index < 0)
    g_error ("no chain %s", id);
  return index;
}

int
sitroom_test_demo_measure (SitroomSituation *situation,
                           const char       *id)
{
  for (guint i = 0; i < sitroom_situation_get_n_measures (situation); i++)
    if (g_strcmp0 (sitroom_situation_get_measure (situation, i)->id, id) == 0)
      return (int) i;
  g_error ("no measure %s", id);
}

const SitroomPrefectureForecast *
sitroom_test_demo_forecast_row (SitroomForecast *forecast,
                                const char      *code)
{
  SitroomSituation *situation;
  const SitroomPrefectureForecast *row;

  g_return_val_if_fail (SITROOM_IS_FORECAST (forecast), NULL);

  situation = sitroom_view_get_situation (sitroom_forecast_get_view (forecast));
  row = sitroom_forecast_lookup (forecast, sitroom_test_demo_region (situation, code));
  if (row == NULL)
    g_error ("no forecast for %s", code);
  return row;
}
