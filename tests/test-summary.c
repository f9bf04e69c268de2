/* Tests of the JSON summary: exactly the shape and figures of the contract's "Summary output". */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-source.h"
#include "sitroom-summary.h"
#include "sitroom-time.h"

static const char document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\","
  " \"chains\": ["
  "  {\"id\": \"0817-z22\", \"label\": \"8·17\", \"title\": {\"zh\": \"Z22\"},"
  "   \"contacts\": {\"close\": 3, \"secondary\": 4}},"
  "  {\"id\": \"quiet\", \"label\": \"Q\", \"title\": {\"zh\": \"Q\"}}"
  " ],"
  " \"cases\": ["
  "  {\"id\": \"c1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"140802\", \"chain\": \"0817-z22\","
  "   \"classification\": \"mild\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"c2\", \"reported_at\": \"2022-08-18T10:00:00+08:00\", \"region\": \"140500\", \"chain\": \"0817-z22\","
  "   \"classification\": \"asymptomatic\", \"status\": \"recovered\"},"
  "  {\"id\": \"c3\", \"reported_at\": \"2022-08-19T10:00:00+08:00\", \"region\": \"140800\", \"chain\": \"0817-z22\","
  "   \"classification\": \"moderate\", \"status\": \"hospitalized\"}"
  " ],"
  " \"quarantine_sites\": ["
  "  {\"id\": \"s1\", \"region\": \"140105\", \"kind\": \"centralized\", \"name\": {\"zh\": \"一\"}, \"capacity\": 600, \"occupied\": 78},"
  "  {\"id\": \"s2\", \"region\": \"140100\", \"kind\": \"home\", \"name\": {\"zh\": \"二\"}, \"capacity\": 9, \"occupied\": 9}"
  " ]}";

/* Written out by hand from the document above. The forecast: no rule, so
 * the 78 of s1 leave evenly over SITROOM_FORECAST_FALLBACK_DAYS (7), none
 * arriving (no cohort): 78 × 6/7 = 66.86 → 67, 78 × 5/7 = 55.71 → 56,
 * 44.57 → 45, 33.43 → 33, 22.29 → 22, 11.14 → 11, then 0; day 1 is the
 * CST day after the cutoff's. */
static const char expected_at_as_of[] =
  "{\"as_of\": \"2022-08-20T13:00:00+08:00\","
  " \"positives\": 3, \"confirmed\": 2, \"asymptomatic\": 1,"
  " \"by_classification\": {\"mild\": 1, \"moderate\": 1, \"severe\": 0, \"critical\": 0, \"asymptomatic\": 1},"
  " \"by_region\": {\"140500\": {\"positives\": 1, \"confirmed\": 0, \"asymptomatic\": 1},"
  "                 \"140800\": {\"positives\": 2, \"confirmed\": 2, \"asymptomatic\": 0}},"
  " \"chains\": {\"0817-z22\": {\"positives\": 3, \"regions\": [\"140500\", \"140800\"],"
  "                            \"close_contacts\": 3, \"secondary_contacts\": 4},"
  "            \"quiet\": {\"positives\": 0, \"regions\": [], \"close_contacts\": 0, \"secondary_contacts\": 0}},"
  " \"quarantine\": {\"140100\": {\"capacity\": 600, \"occupied\": 78}},"
  " \"forecast\": {\"140100\": ["
  "   {\"date\": \"2022-08-21\", \"occupied\": 67, \"capacity\": 600},"
  "   {\"date\": \"2022-08-22\", \"occupied\": 56, \"capacity\": 600},"
  "   {\"date\": \"2022-08-23\", \"occupied\": 45, \"capacity\": 600},"
  "   {\"date\": \"2022-08-24\", \"occupied\": 33, \"capacity\": 600},"
  "   {\"date\": \"2022-08-25\", \"occupied\": 22, \"capacity\": 600},"
  "   {\"date\": \"2022-08-26\", \"occupied\": 11, \"capacity\": 600},"
  "   {\"date\": \"2022-08-27\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-28\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-29\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-30\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-31\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-09-01\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-09-02\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-09-03\", \"occupied\": 0, \"capacity\": 600}]},"
  " \"full_on\": {\"140100\": null},"
  " \"warnings\": [{\"path\": \"/chains/1\", \"message\": \"*\"}]}";

static const char expected_early[] =
  "{\"as_of\": \"2022-08-18T01:30:00+00:00\","
  " \"positives\": 1, \"confirmed\": 1, \"asymptomatic\": 0,"
  " \"by_classification\": {\"mild\": 1, \"moderate\": 0, \"severe\": 0, \"critical\": 0, \"asymptomatic\": 0},"
  " \"by_region\": {\"140800\": {\"positives\": 1, \"confirmed\": 1, \"asymptomatic\": 0}},"
  " \"chains\": {\"0817-z22\": {\"positives\": 1, \"regions\": [\"140800\"],"
  "                            \"close_contacts\": 3, \"secondary_contacts\": 4},"
  "            \"quiet\": {\"positives\": 0, \"regions\": [], \"close_contacts\": 0, \"secondary_contacts\": 0}},"
  " \"quarantine\": {\"140100\": {\"capacity\": 600, \"occupied\": 78}},"
  " \"forecast\": {\"140100\": ["
  "   {\"date\": \"2022-08-19\", \"occupied\": 67, \"capacity\": 600},"
  "   {\"date\": \"2022-08-20\", \"occupied\": 56, \"capacity\": 600},"
  "   {\"date\": \"2022-08-21\", \"occupied\": 45, \"capacity\": 600},"
  "   {\"date\": \"2022-08-22\", \"occupied\": 33, \"capacity\": 600},"
  "   {\"date\": \"2022-08-23\", \"occupied\": 22, \"capacity\": 600},"
  "   {\"date\": \"2022-08-24\", \"occupied\": 11, \"capacity\": 600},"
  "   {\"date\": \"2022-08-25\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-26\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-27\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-28\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-29\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-30\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-08-31\", \"occupied\": 0, \"capacity\": 600},"
  "   {\"date\": \"2022-09-01\", \"occupied\": 0, \"capacity\": 600}]},"
  " \"full_on\": {\"140100\": null},"
  " \"warnings\": [{\"path\": \"/chains/1\", \"message\": \"*\"}]}";

/* Equal as JSON values, members in any order; the string "*" matches any string
 * (warning messages are for people and may be reworded). */
static gboolean
json_equal (JsonNode *actual,
            JsonNode *expected,
            GString  *where)
{
  if (JSON_NODE_TYPE (expected) == JSON_NODE_VALUE &&
      json_node_get_value_type (expected) == G_TYPE_STRING &&
      g_strcmp0 (json_node_get_string (expected), "*") == 0)
    return JSON_NODE_HOLDS_VALUE (actual) && json_node_get_value_type (actual) == G_TYPE_STRING;

  if (JSON_NODE_TYPE (actual) != JSON_NODE_TYPE (expected))
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      JsonObject *a = json_node_get_object (actual);
      JsonObject *e = json_node_get_object (expected);
      g_autoptr(GList) members = json_object_get_members (e);

      if (json_object_get_size (a) != json_object_get_size (e))
        return FALSE;
      for (GList *l = members; l != NULL; l = l->next)
        {
          if (!json_object_has_member (a, l->data) ||
              !json_equal (json_object_get_member (a, l->data), json_object_get_member (e, l->data), where))
            {
              g_string_prepend (where, l->data);
              g_string_prepend_c (where, '/');
              return FALSE;
            }
        }
      return TRUE;
    }

  if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *a = json_node_get_array (actual);
      JsonArray *e = json_node_get_array (expected);

      if (json_array_get_length (a) != json_array_get_length (e))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (e); i++)
        if (!json_equal (json_array_get_element (a, i), json_array_get_element (e, i), where))
          {
            g_string_prepend (where, g_strdup_printf ("/%u", i));
            return FALSE;
          }
      return TRUE;
    }

  return json_node_equal (actual, expected);
}

static void
assert_summary (SitroomView *view,
                int          offset,
                const char  *expected_text)
{
  g_autofree char *text = sitroom_summary_to_json (view, offset, FALSE);
  g_autoptr(JsonNode) actual = json_from_string (text, NULL);
  g_autoptr(JsonNode) expected = json_from_string (expected_text, NULL);
  g_autoptr(GString) where = g_string_new (NULL);

  g_assert_nonnull (actual);
  g_assert_nonnull (expected);
  if (!json_equal (actual, expected, where))
    g_error ("summary differs at %s:\n%s", where->str, text);
}

static SitroomSituation *
load (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  return situation;
}

static void
test_exact_at_as_of (void)
{
  g_autoptr(SitroomSituation) situation = load (document);
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);

  assert_summary (view, sitroom_situation_get_as_of_offset (situation), expected_at_as_of);
}

static void
test_exact_at_earlier_cutoff (void)
{
  g_autoptr(SitroomSituation) situation = load (document);
  gint64 cutoff;
  int offset;
  g_autoptr(SitroomView) view = NULL;

  /* The cutoff is written back at the offset it was given in. */
  g_assert_true (sitroom_time_parse ("2022-08-18T01:30:00Z", &cutoff, &offset));
  view = sitroom_view_new (situation, cutoff, -1, -1);
  assert_summary (view, offset, expected_early);
}

static void
test_member_order (void)
{
  g_autoptr(SitroomSituation) situation = load (document);
  g_autoptr(SitroomView) view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  g_autofree char *text = sitroom_summary_to_json (view, 8 * 3600, FALSE);
  const char *keys[] = { "\"as_of\"", "\"positives\"", "\"confirmed\"", "\"asymptomatic\"",
                         "\"by_classification\"", "\"by_region\"", "\"chains\"", "\"quarantine\"",
                         "\"forecast\"", "\"full_on\"", "\"warnings\"" };
  const char *last = text;

  /* The contract's order, so a person comparing it with the contract finds each member. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *found = strstr (last, keys[i]);

      g_assert_nonnull (found);
      last = found;
    }
}

/* The demo's quarantine figures are illustrative; they are summed here from the
 * document itself, independently of the application's code. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_source_load (NULL, NULL, NULL, &error);
  g_autoptr(SitroomView) view = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(JsonNode) raw_root = NULL;
  g_autoptr(GHashTable) capacity = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) occupied = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *summary, *by_region, *chains, *quarantine;
  JsonArray *sites;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  text = sitroom_summary_to_json (view, sitroom_situation_get_as_of_offset (situation), TRUE);
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  summary = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (summary, "as_of"), ==, "2022-08-20T13:00:00+08:00");
  g_assert_cmpint (json_object_get_int_member (summary, "positives"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (summary, "confirmed"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (summary, "asymptomatic"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (summary, "by_classification"), "mild"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (summary, "by_classification"), "moderate"), ==, 1);

  by_region = json_object_get_object_member (summary, "by_region");
  g_assert_cmpuint (json_object_get_size (by_region), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_region, "140500"), "positives"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_region, "140800"), "positives"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_region, "140100"), "positives"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_region, "140100"), "asymptomatic"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_region, "140300"), "positives"), ==, 1);

  chains = json_object_get_object_member (summary, "chains");
  g_assert_cmpuint (json_object_get_size (chains), ==, 4);
  {
    JsonObject *z22 = json_object_get_object_member (chains, "0817-z22");
    JsonArray *regions = json_object_get_array_member (z22, "regions");
    JsonObject *yu = json_object_get_object_member (chains, "0818-yuxian");

    g_assert_cmpint (json_object_get_int_member (z22, "positives"), ==, 7);
    g_assert_cmpuint (json_array_get_length (regions), ==, 3);
    g_assert_cmpstr (json_array_get_string_element (regions, 0), ==, "140100");
    g_assert_cmpstr (json_array_get_string_element (regions, 1), ==, "140500");
    g_assert_cmpstr (json_array_get_string_element (regions, 2), ==, "140800");
    g_assert_cmpint (json_object_get_int_member (yu, "close_contacts"), ==, 34);
    g_assert_cmpint (json_object_get_int_member (yu, "secondary_contacts"), ==, 201);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (chains, "0819-pingyao"), "positives"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (chains, "0820-yanhu"), "positives"), ==, 3);
  }

  /* Sum the centralized sites per prefecture straight from the document. */
  raw = g_resources_lookup_data (SITROOM_DEMO_RESOURCE, 0, &error);
  g_assert_no_error (error);
  raw_root = json_from_string (g_bytes_get_data (raw, NULL), &error);
  g_assert_no_error (error);
  sites = json_object_get_array_member (json_node_get_object (raw_root), "quarantine_sites");
  g_assert_cmpuint (json_array_get_length (sites), >, 0);
  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);
      const char *region = json_object_get_string_member (site, "region");
      int index = sitroom_situation_lookup_region (situation, region);
      const char *prefecture;

      if (g_strcmp0 (json_object_get_string_member (site, "kind"), "centralized") != 0)
        continue;
      prefecture = sitroom_situation_get_region (situation,
                                                 sitroom_situation_get_region (situation, index)->prefecture)->code;
      g_hash_table_insert (capacity, (gpointer) prefecture,
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (capacity, prefecture)) +
                                            json_object_get_int_member (site, "capacity")));
      g_hash_table_insert (occupied, (gpointer) prefecture,
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (occupied, prefecture)) +
                                            json_object_get_int_member (site, "occupied")));
    }

  quarantine = json_object_get_object_member (summary, "quarantine");
  g_assert_cmpuint (json_object_get_size (quarantine), ==, g_hash_table_size (capacity));
  g_hash_table_iter_init (&iter, capacity);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonObject *entry = json_object_get_object_member (quarantine, key);

      g_assert_nonnull (entry);
      g_assert_cmpint (json_object_get_int_member (entry, "capacity"), ==, GPOINTER_TO_INT (value));
      g_assert_cmpint (json_object_get_int_member (entry, "occupied"), ==,
                       GPOINTER_TO_INT (g_hash_table_lookup (occupied, key)));
    }

  /* Chain 3 has no case in Shanxi (its 4 positives are Liaoning's): a warning. */
  {
    JsonArray *warnings = json_object_get_array_member (summary, "warnings");
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (warnings); i++)
      if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (warnings, i), "path"),
                     "/chains/2") == 0)
        found = TRUE;
    g_assert_true (found);
  }
}

/* The demo's forecast. Yuncheng (140800), worked out from the document:
 * yc-01 has 300 beds and 128 people, all three cohorts under sx-high (the
 * default rule, 7 days), so no one is left to the even-leaving assumption:
 *   41 entered 08-18 16:00, leave 08-25 16:00
 *   52 entered 08-20 11:00, leave 08-27 11:00
 *   35 entered 08-20 12:30, leave 08-27 12:30
 * All entered in the 72 hours before 08-20 13:00: 128 / 3 = 42.67 a day
 * arrive, each staying 7 days.
 *   08-21: 128 + 42.67  = 170.67 → 171
 *   08-22: 128 + 85.33  = 213.33 → 213
 *   08-23: 128 + 128    = 256
 *   08-24: 128 + 170.67 = 298.67 → 299
 *   08-25: 87 + 213.33  = 300.33 → 300, the 300 beds: full on 08-25
 *   08-26: 87 + 256     = 343
 *   08-27 on: 0 + 298.67 → 299
 * The others' first full day, the same way: Yangquan 234 in 220 beds plus
 * 78 a day, full on 08-21; Jinzhong 77 in 150 beds plus 25.67 a day:
 * 102.67, 128.33, 154 (08-23); Taiyuan (at most 560 of 600) and Jincheng
 * (at most 224 of 250) never. */
static void
test_demo_forecast (void)
{
  static const char *dates[] = { "2022-08-21", "2022-08-22", "2022-08-23", "2022-08-24", "2022-08-25",
                                 "2022-08-26", "2022-08-27", "2022-08-28", "2022-08-29", "2022-08-30",
                                 "2022-08-31", "2022-09-01", "2022-09-02", "2022-09-03" };
  static const gint64 yuncheng[] = { 171, 213, 256, 299, 300, 343, 299, 299, 299, 299, 299, 299, 299, 299 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_source_load (NULL, NULL, NULL, &error);
  g_autoptr(SitroomView) view = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *summary, *quarantine, *forecast, *full_on;
  g_autoptr(GList) codes = NULL;
  JsonArray *days;

  g_assert_no_error (error);
  view = sitroom_view_new (situation, sitroom_situation_get_as_of (situation), -1, -1);
  text = sitroom_summary_to_json (view, sitroom_situation_get_as_of_offset (situation), FALSE);
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  summary = json_node_get_object (root);
  quarantine = json_object_get_object_member (summary, "quarantine");
  forecast = json_object_get_object_member (summary, "forecast");
  full_on = json_object_get_object_member (summary, "full_on");

  /* Every prefecture with a centralized site, 14 days each, its beds every day. */
  g_assert_cmpuint (json_object_get_size (quarantine), ==, 5);
  g_assert_cmpuint (json_object_get_size (forecast), ==, 5);
  g_assert_cmpuint (json_object_get_size (full_on), ==, 5);
  codes = json_object_get_members (quarantine);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      gint64 capacity = json_object_get_int_member (json_object_get_object_member (quarantine, l->data), "capacity");

      g_test_message ("%s", (const char *) l->data);
      g_assert_true (json_object_has_member (full_on, l->data));
      days = json_object_get_array_member (forecast, l->data);
      g_assert_nonnull (days);
      g_assert_cmpuint (json_array_get_length (days), ==, G_N_ELEMENTS (dates));
      for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
        {
          JsonObject *day = json_array_get_object_element (days, d);

          g_assert_cmpuint (json_object_get_size (day), ==, 3);
          g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, dates[d]);
          g_assert_cmpint (json_object_get_int_member (day, "capacity"), ==, capacity);
        }
    }

  days = json_object_get_array_member (forecast, "140800");
  for (guint d = 0; d < G_N_ELEMENTS (yuncheng); d++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (days, d), "occupied"), ==, yuncheng[d]);

  g_assert_cmpstr (json_object_get_string_member (full_on, "140800"), ==, "2022-08-25");
  g_assert_cmpstr (json_object_get_string_member (full_on, "140300"), ==, "2022-08-21");
  g_assert_cmpstr (json_object_get_string_member (full_on, "140700"), ==, "2022-08-23");
  g_assert_true (json_object_get_null_member (full_on, "140100"));
  g_assert_true (json_object_get_null_member (full_on, "140500"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/json/exact-at-as-of", test_exact_at_as_of);
  g_test_add_func ("/summary/json/exact-at-earlier-cutoff", test_exact_at_earlier_cutoff);
  g_test_add_func ("/summary/json/member-order", test_member_order);
  g_test_add_func ("/summary/json/demo", test_demo);
  g_test_add_func ("/summary/json/demo-forecast", test_demo_forecast);

  return g_test_run ();
}
