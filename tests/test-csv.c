/* Tests of the CSV tables: exact bytes, RFC 4180 quoting, and the demo read back to the summary's figures. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sitroom-csv.h"
#include "sitroom-summary.h"
#include "sitroom-test-demo.h"
#include "sitroom-time.h"

#define BOM "\xEF\xBB\xBF"

static SitroomView *
small_view (int prefecture)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("briefing-small.json");

  return sitroom_view_new (situation, sitroom_test_demo_at ("2022-08-20T13:00:00+08:00"), prefecture, -1);
}

static void
assert_bytes (GBytes     *actual,
              const char *expected)
{
  gsize length;
  const char *data = g_bytes_get_data (actual, &length);
  g_autofree char *text = g_strndup (data, length);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
}

/* Written out by hand from tests/fixtures/briefing-small.json: the eleven
 * built-in prefectures in code order, then Dalian, which the document
 * declares and where one of its cases is. Case "a" is older than 24 hours. */
#define PREFECTURES \
  "code,name_zh,name_en,positives,confirmed,mild,moderate,severe,critical,asymptomatic,new_24h\r\n" \
  "140100,太原市,Taiyuan,0,0,0,0,0,0,0,0\r\n" \
  "140200,大同市,Datong,0,0,0,0,0,0,0,0\r\n" \
  "140300,阳泉市,Yangquan,0,0,0,0,0,0,0,0\r\n" \
  "140400,长治市,Changzhi,0,0,0,0,0,0,0,0\r\n" \
  "140500,晋城市,Jincheng,1,1,1,0,0,0,0,0\r\n" \
  "140600,朔州市,Shuozhou,0,0,0,0,0,0,0,0\r\n" \
  "140700,晋中市,Jinzhong,0,0,0,0,0,0,0,0\r\n" \
  "140800,运城市,Yuncheng,1,1,0,0,1,0,0,1\r\n" \
  "140900,忻州市,Xinzhou,0,0,0,0,0,0,0,0\r\n" \
  "141000,临汾市,Linfen,0,0,0,0,0,0,0,0\r\n" \
  "141100,吕梁市,Lüliang,0,0,0,0,0,0,0,0\r\n" \
  "210200,大连市,\"Dalian, \"\"Port\"\" City\",1,0,0,0,0,0,1,1\r\n"

/* c-2 started on 1 August with no case: closed 14 days later. Its contacts
 * are not given (empty), nor is its English title. */
#define CHAINS \
  "id,label,title_zh,title_en,first_reported,positives,prefectures,close_contacts,secondary_contacts,status\r\n" \
  "c-1,8·17,\"链条,一\",\"Chain \"\"one\"\", train\",2022-08-17T23:00:00+08:00,3,140500;140800;210200,3,4,active\r\n" \
  "c-2,,二,,2022-08-01T08:00:00+08:00,0,,,,closed\r\n"

/* 301 of 300 is 100.3 %, over-full, no free place; the home site has no
 * capacity, so no percentage, and no update time. */
#define SITES \
  "id,prefecture,region,name_zh,name_en,kind,capacity,occupied,free,occupancy_percent,over_full,updated_at,illustrative\r\n" \
  "\"s,1\",140100,140105,\"一号\"\"隔离\"\"点,东\",\"Site 1\r\nEast\",centralized,300,301,0,100.3,yes,2022-08-20T12:00:00+08:00,yes\r\n" \
  "s2,140100,140100,居家,,home,0,0,0,,no,,yes\r\n"

static void
test_small_tables (void)
{
  g_autoptr(SitroomView) view = small_view (-1);
  g_autoptr(GBytes) prefectures = sitroom_csv_prefectures (view);
  g_autoptr(GBytes) chains = sitroom_csv_chains (view);
  g_autoptr(GBytes) sites = sitroom_csv_sites (view);

  assert_bytes (prefectures, BOM PREFECTURES);
  assert_bytes (chains, BOM CHAINS);
  assert_bytes (sites, BOM SITES);
}

static void
test_small_briefing (void)
{
  g_autoptr(SitroomView) view = small_view (-1);
  g_autoptr(GBytes) briefing = sitroom_csv_briefing (view);
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  int fd;
  gsize length;

  /* One byte-order mark, a title row each, a blank line between. */
  assert_bytes (briefing,
                BOM "prefectures,2022-08-20T13:00:00+08:00\r\n" PREFECTURES
                "\r\n"
                "chains,2022-08-20T13:00:00+08:00\r\n" CHAINS
                "\r\n"
                "quarantine_sites,2022-08-20T13:00:00+08:00\r\n" SITES);

  fd = g_file_open_tmp ("test-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (sitroom_csv_write_briefing (view, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &length, &error));
  g_assert_cmpmem (written, length, g_bytes_get_data (briefing, NULL), g_bytes_get_size (briefing));
  g_unlink (path);
}

static void
test_sites_filtered (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load_fixture ("briefing-small.json");
  gint64 cutoff = sitroom_test_demo_at ("2022-08-20T13:00:00+08:00");
  g_autoptr(SitroomView) jincheng = sitroom_view_new (situation, cutoff, sitroom_test_demo_region (situation, "140500"),
                                                      -1);
  g_autoptr(SitroomView) taiyuan = sitroom_view_new (situation, cutoff, sitroom_test_demo_region (situation, "140100"),
                                                     -1);
  g_autoptr(GBytes) none = sitroom_csv_sites (jincheng);
  g_autoptr(GBytes) both = sitroom_csv_sites (taiyuan);
  static const char header[] =
    BOM "id,prefecture,region,name_zh,name_en,kind,capacity,occupied,free,occupancy_percent,over_full,updated_at,illustrative\r\n";

  assert_bytes (none, header);
  assert_bytes (both, BOM SITES);
}

/* Reads RFC 4180 text into rows of fields (a GPtrArray of GStrv), checking
 * that every line ends in CRLF. */
static GPtrArray *
parse_csv (const char *text,
           gsize       length)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gsize i = 0;

  while (i < length)
    {
      if (text[i] == '"')
        {
          for (i++; ; i++)
            {
              g_assert_cmpuint (i, <, length);
              if (text[i] == '"' && i + 1 < length && text[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                }
              else if (text[i] == '"')
                {
                  i++;
                  break;
                }
              else
                g_string_append_c (field, text[i]);
            }
        }
      else
        {
          while (i < length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
            {
              g_assert_cmpint (text[i], !=, '"');
              g_string_append_c (field, text[i++]);
            }
        }

      g_assert_cmpuint (i, <, length);
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (text[i] == ',')
        {
          i++;
          continue;
        }
      g_assert_cmpint (text[i], ==, '\r');
      g_assert_cmpint (text[i + 1], ==, '\n');
      i += 2;
      g_ptr_array_add (fields, NULL);
      /* The array stays, emptied, for the next row. */
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
    }
  return rows;
}

static GPtrArray *
parse_table (GBytes *csv)
{
  gsize length;
  const char *data = g_bytes_get_data (csv, &length);

  g_assert_cmpuint (length, >=, 3);
  g_assert_cmpmem (data, 3, BOM, 3);
  return parse_csv (data + 3, length - 3);
}

static void
test_quoting_read_back (void)
{
  g_autoptr(SitroomView) view = small_view (-1);
  g_autoptr(GBytes) sites = sitroom_csv_sites (view);
  g_autoptr(GBytes) prefectures = sitroom_csv_prefectures (view);
  g_autoptr(GPtrArray) site_rows = parse_table (sites);
  g_autoptr(GPtrArray) prefecture_rows = parse_table (prefectures);
  char **first_site;
  char **dalian;

  g_assert_cmpuint (site_rows->len, ==, 3);
  first_site = g_ptr_array_index (site_rows, 1);
  g_assert_cmpuint (g_strv_length (first_site), ==, 13);
  g_assert_cmpstr (first_site[0], ==, "s,1");
  g_assert_cmpstr (first_site[3], ==, "一号\"隔离\"点,东");
  g_assert_cmpstr (first_site[4], ==, "Site 1\r\nEast");

  dalian = g_ptr_array_index (prefecture_rows, prefecture_rows->len - 1);
  g_assert_cmpstr (dalian[0], ==, "210200");
  g_assert_cmpstr (dalian[2], ==, "Dalian, \"Port\" City");
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_int_member (object, name);
}

static gint64
parse_count (const char *field)
{
  guint64 value = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_ascii_string_to_unsigned (field, 10, 0, G_MAXINT64, &value, &error));
  return value;
}

/* The demo's prefecture table, parsed, gives what the JSON summary gives. */
static void
test_demo_read_back (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, "2022-08-20T13:00:00+08:00");
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) summary = NULL;
  static const char *header[] = {
    "code", "name_zh", "name_en", "positives", "confirmed", "mild", "moderate", "severe",
    "critical", "asymptomatic", "new_24h", NULL,
  };
  static const char *classes[] = { "mild", "moderate", "severe", "critical", "asymptomatic" };
  JsonObject *root;
  JsonObject *by_region;
  JsonObject *by_class;
  gint64 sums[5] = { 0 };
  gint64 positives = 0;
  guint regions_seen = 0;

  csv = sitroom_csv_prefectures (view);
  rows = parse_table (csv);
  summary = sitroom_summary_build (view, SITROOM_CST_OFFSET);
  root = json_node_get_object (summary);
  by_region = json_object_get_object_member (root, "by_region");
  by_class = json_object_get_object_member (root, "by_classification");

  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  g_assert_cmpuint (rows->len, ==, 1 + 11);

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      gint64 row_positives = parse_count (row[3]);

      g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (header) - 1);
      positives += row_positives;
      for (guint c = 0; c < G_N_ELEMENTS (sums); c++)
        sums[c] += parse_count (row[5 + c]);

      /* The summary lists the prefectures with positives, and only those. */
      if (row_positives == 0)
        {
          g_assert_false (json_object_has_member (by_region, row[0]));
          continue;
        }
      g_assert_true (json_object_has_member (by_region, row[0]));
      regions_seen++;
      g_assert_cmpint (row_positives, ==, member_int (json_object_get_object_member (by_region, row[0]), "positives"));
      g_assert_cmpint (parse_count (row[4]), ==,
                       member_int (json_object_get_object_member (by_region, row[0]), "confirmed"));
      g_assert_cmpint (parse_count (row[9]), ==,
                       member_int (json_object_get_object_member (by_region, row[0]), "asymptomatic"));
      /* Confirmed is the four confirmed classes. */
      g_assert_cmpint (parse_count (row[4]), ==,
                       parse_count (row[5]) + parse_count (row[6]) + parse_count (row[7]) + parse_count (row[8]));
    }

  g_assert_cmpuint (regions_seen, ==, json_object_get_size (by_region));
  g_assert_cmpint (positives, ==, member_int (root, "positives"));
  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    g_assert_cmpint (sums[c], ==, member_int (by_class, classes[c]));
  /* And the figures of the press release, so that agreeing on nothing fails. */
  g_assert_cmpint (positives, ==, 11);
  g_assert_cmpint (sums[0], ==, 9);
}

/* The site table's centralized places, summed by prefecture, are the
 * summary's quarantine figures. */
static void
test_demo_sites_read_back (void)
{
  g_autoptr(SitroomSituation) situation = sitroom_test_demo_load ();
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, "2022-08-20T13:00:00+08:00");
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(GHashTable) capacity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) occupied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *quarantine;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  csv = sitroom_csv_sites (view);
  rows = parse_table (csv);
  summary = sitroom_summary_build (view, SITROOM_CST_OFFSET);
  quarantine = json_object_get_object_member (json_node_get_object (summary), "quarantine");

  g_assert_cmpuint (rows->len, ==, 1 + 8);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row[12], ==, "yes");
      if (g_strcmp0 (row[5], "centralized") != 0)
        continue;
      g_hash_table_insert (capacity, g_strdup (row[1]),
                           GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (capacity, row[1])) +
                                             parse_count (row[6])));
      g_hash_table_insert (occupied, g_strdup (row[1]),
                           GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (occupied, row[1])) +
                                             parse_count (row[7])));
      if (g_strcmp0 (row[0], "yq-01") == 0)
        {
          g_assert_cmpstr (row[10], ==, "yes");
          g_assert_cmpstr (row[8], ==, "0");
          g_assert_cmpstr (row[9], ==, "106.4");
        }
    }

  g_assert_cmpuint (g_hash_table_size (capacity), ==, json_object_get_size (quarantine));
  g_hash_table_iter_init (&iter, capacity);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonObject *figures = json_object_get_object_member (quarantine, key);

      g_assert_nonnull (figures);
      g_assert_cmpint (GPOINTER_TO_SIZE (value), ==, member_int (figures, "capacity"));
      g_assert_cmpint (GPOINTER_TO_SIZE (g_hash_table_lookup (occupied, key)), ==, member_int (figures, "occupied"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/small/tables", test_small_tables);
  g_test_add_func ("/csv/small/briefing", test_small_briefing);
  g_test_add_func ("/csv/small/sites-filtered", test_sites_filtered);
  g_test_add_func ("/csv/quoting/read-back", test_quoting_read_back);
  g_test_add_func ("/csv/demo/prefectures-match-summary", test_demo_read_back);
  g_test_add_func ("/csv/demo/sites-match-summary", test_demo_sites_read_back);

  return g_test_run ();
}
