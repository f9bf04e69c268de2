/* Tests of the region tables: the built-in Shanxi table and the region-list reader behind it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sitroom-error.h"
#include "sitroom-regions.h"
#include "sitroom-test-regions.h"

static const struct {
  const char *code;
  const char *zh;
  const char *en;
} prefectures[] = {
  { "140100", "太原市", "Taiyuan" },
  { "140200", "大同市", "Datong" },
  { "140300", "阳泉市", "Yangquan" },
  { "140400", "长治市", "Changzhi" },
  { "140500", "晋城市", "Jincheng" },
  { "140600", "朔州市", "Shuozhou" },
  { "140700", "晋中市", "Jinzhong" },
  { "140800", "运城市", "Yuncheng" },
  { "140900", "忻州市", "Xinzhou" },
  { "141000", "临汾市", "Linfen" },
  { "141100", "吕梁市", "Lüliang" },
};

static void
test_builtin_province (void)
{
  const SitroomRegion *province = sitroom_test_builtin_region ("140000");

  g_assert_cmpstr (province->code, ==, "140000");
  g_assert_null (province->parent);
  g_assert_cmpint (province->level, ==, SITROOM_LEVEL_PROVINCE);
  g_assert_cmpstr (province->name.zh, ==, "山西省");
  g_assert_cmpstr (province->name.en, ==, "Shanxi");
  g_assert_cmpint (province->prefecture, ==, -1);
  g_assert_false (province->from_feed);
  /* The table is loaded once and shared. */
  g_assert_true (sitroom_regions_get_builtin () == sitroom_regions_get_builtin ());
}

static void
test_builtin_prefectures (void)
{
  const SitroomRegions *regions = sitroom_regions_get_builtin ();
  guint n = 0;

  for (guint i = 0; i < sitroom_regions_get_n (regions); i++)
    if (sitroom_regions_get (regions, i)->level == SITROOM_LEVEL_PREFECTURE)
      n++;
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (prefectures));

  for (guint i = 0; i < G_N_ELEMENTS (prefectures); i++)
    {
      const SitroomRegion *region = sitroom_test_builtin_region (prefectures[i].code);
      int index = sitroom_regions_lookup (regions, prefectures[i].code);

      g_assert_cmpint (region->level, ==, SITROOM_LEVEL_PREFECTURE);
      g_assert_cmpstr (region->parent, ==, "140000");
      g_assert_cmpstr (region->name.zh, ==, prefectures[i].zh);
      g_assert_cmpstr (region->name.en, ==, prefectures[i].en);
      /* A prefecture counts for itself. */
      g_assert_cmpint (region->prefecture, ==, index);
    }
}

static void
test_builtin_counties (void)
{
  const SitroomRegions *regions = sitroom_regions_get_builtin ();
  guint n_counties = 0;

  for (guint i = 0; i < sitroom_regions_get_n (regions); i++)
    {
      const SitroomRegion *region = sitroom_regions_get (regions, i);
      const SitroomRegion *parent;
      int parent_index;

      g_assert_true (g_str_has_prefix (region->code, "14"));
      g_assert_true (region->has_center);
      g_assert_cmpfloat (region->lon, >=, 110.2);
      g_assert_cmpfloat (region->lon, <=, 114.6);
      g_assert_cmpfloat (region->lat, >=, 34.5);
      g_assert_cmpfloat (region->lat, <=, 40.8);
      g_assert_nonnull (region->name.zh);
      g_assert_nonnull (region->name.en);
      g_assert_cmpint (sitroom_regions_lookup (regions, region->code), ==, (int) i);

      if (region->level != SITROOM_LEVEL_COUNTY)
        continue;
      n_counties++;
      g_assert_nonnull (region->parent);
      parent_index = sitroom_regions_lookup (regions, region->parent);
      g_assert_cmpint (parent_index, >=, 0);
      parent = sitroom_regions_get (regions, parent_index);
      g_assert_cmpint (parent->level, ==, SITROOM_LEVEL_PREFECTURE);
      g_assert_cmpint (region->prefecture, ==, parent_index);
      /* Codes nest: a county's first four digits are its prefecture's. */
      g_assert_cmpmem (region->code, 4, parent->code, 4);
    }
  g_assert_cmpuint (n_counties, >, 100);
}

static void
test_builtin_named_counties (void)
{
  const SitroomRegions *regions = sitroom_regions_get_builtin ();
  static const struct {
    const char *code;
    const char *zh;
    const char *en;
    const char *parent;
  } counties[] = {
    { "140322", "盂县", "Yu County", "140300" },
    { "140728", "平遥县", "Pingyao County", "140700" },
    { "140802", "盐湖区", "Yanhu District", "140800" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counties); i++)
    {
      const SitroomRegion *county = sitroom_test_builtin_region (counties[i].code);

      g_assert_cmpint (county->level, ==, SITROOM_LEVEL_COUNTY);
      g_assert_cmpstr (county->name.zh, ==, counties[i].zh);
      g_assert_cmpstr (county->name.en, ==, counties[i].en);
      g_assert_cmpstr (county->parent, ==, counties[i].parent);
      g_assert_cmpint (county->prefecture, ==, sitroom_regions_lookup (regions, counties[i].parent));
    }
}

static void
test_lookup (void)
{
  const SitroomRegions *regions = sitroom_regions_get_builtin ();

  g_assert_cmpint (sitroom_regions_lookup (regions, "149999"), ==, -1);
  g_assert_cmpint (sitroom_regions_lookup (regions, "14010"), ==, -1);
  g_assert_cmpint (sitroom_regions_lookup (regions, "1401000"), ==, -1);
  g_assert_cmpint (sitroom_regions_lookup (regions, "14010a"), ==, -1);
  g_assert_cmpint (sitroom_regions_lookup (regions, ""), ==, -1);
}

static SitroomRegions *
regions_from_string (const char  *json,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return sitroom_regions_new_from_bytes (bytes, error);
}

/* Parents may come after their children, and levels below a county roll up. */
static void
test_from_bytes_roll_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomRegions) regions = NULL;
  const SitroomRegion *region;
  int prefecture;

  regions = regions_from_string ("{\"source\": \"test\", \"licence\": \"none\", \"regions\": ["
                                 "{\"code\": \"990101\", \"parent\": \"990100\", \"level\": \"township\","
                                 " \"name\": {\"zh\": \"镇\"}, \"extra\": [1, {\"x\": null}]},"
                                 "{\"code\": \"990100\", \"parent\": \"990000\", \"level\": \"county\","
                                 " \"name\": {\"zh\": \"县\", \"en\": \"County\", \"fr\": \"Comté\"}, \"center\": [100.5, -20]},"
                                 "{\"code\": \"990000\", \"parent\": \"980000\", \"level\": \"prefecture\","
                                 " \"name\": {\"zh\": \"市\"}, \"center\": null},"
                                 "{\"code\": \"980000\", \"parent\": null, \"level\": \"province\", \"name\": {\"zh\": \"省\"}}"
                                 "]}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sitroom_regions_get_n (regions), ==, 4);

  prefecture = sitroom_regions_lookup (regions, "990000");
  g_assert_cmpint (prefecture, ==, 2);
  region = sitroom_regions_get (regions, 0);
  g_assert_cmpstr (region->code, ==, "990101");
  g_assert_cmpint (region->level, ==, SITROOM_LEVEL_TOWNSHIP);
  g_assert_cmpint (region->prefecture, ==, prefecture);
  g_assert_false (region->has_center);
  g_assert_null (region->name.en);

  region = sitroom_regions_get (regions, 1);
  g_assert_cmpint (region->prefecture, ==, prefecture);
  g_assert_true (region->has_center);
  g_assert_cmpfloat (region->lon, ==, 100.5);
  g_assert_cmpfloat (region->lat, ==, -20.0);
  g_assert_cmpstr (region->name.en, ==, "County");

  g_assert_cmpint (sitroom_regions_get (regions, 2)->prefecture, ==, prefecture);
  g_assert_null (sitroom_regions_get (regions, 3)->parent);
  g_assert_cmpint (sitroom_regions_get (regions, 3)->prefecture, ==, -1);
}

static void
test_from_bytes_errors (void)
{
  static const struct {
    const char *json;
    int code;
    const char *message;
  } cases[] = {
    { "[]", SITROOM_FEED_ERROR_INVALID, "expected an object, found an array" },
    { "{}", SITROOM_FEED_ERROR_INVALID, "/regions: this required member is missing" },
    { "{\"regions\": {}}", SITROOM_FEED_ERROR_INVALID, "/regions: expected an array, found an object" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"city\", \"name\": {\"zh\": \"x\"}}]}",
      SITROOM_FEED_ERROR_INVALID,
      "/regions/0/level: unknown level “city”; expected one of province, prefecture, county, township" },
    { "{\"regions\": [{\"code\": \"99000\", \"level\": \"county\", \"name\": {\"zh\": \"x\"}}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/code: expected a region code of six digits, in a string, found the string “99000”" },
    { "{\"regions\": [{\"code\": 990000, \"level\": \"county\", \"name\": {\"zh\": \"x\"}}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/code: expected a region code of six digits, in a string, found the number 990000" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"county\"}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/name: this required member is missing" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"county\", \"name\": {\"en\": \"x\"}}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/name/zh: this required member is missing" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"county\", \"name\": {\"zh\": \"x\"}, \"center\": [181, 0]}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/center/0: expected a number from -180 to 180, found the number 181" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"county\", \"name\": {\"zh\": \"x\"}, \"center\": [100, -90.5]}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/center/1: expected a number from -90 to 90, found the number -90.5" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"county\", \"name\": {\"zh\": \"x\"}, \"center\": [100]}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/center: expected two numbers [longitude, latitude], found 1" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"county\", \"name\": {\"zh\": \"x\"}, \"parent\": \"990100\"}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/parent: unknown region code 990100" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"county\", \"name\": {\"zh\": \"x\"}, \"parent\": \"990000\"}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/parent: region 990000 is its own parent" },
    { "{\"regions\": [{\"code\": \"990000\", \"level\": \"county\", \"name\": {\"zh\": \"x\"}},"
      " {\"code\": \"990000\", \"level\": \"county\", \"name\": {\"zh\": \"y\"}}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/1/code: duplicate region code 990000; it is first declared at /regions/0" },
    { "{\"regions\": [{\"code\": \"990001\", \"parent\": \"990002\", \"level\": \"county\", \"name\": {\"zh\": \"x\"}},"
      " {\"code\": \"990002\", \"parent\": \"990001\", \"level\": \"county\", \"name\": {\"zh\": \"y\"}}]}",
      SITROOM_FEED_ERROR_INVALID, "/regions/0/parent: the parents of region 990001 lead back to it" },
    { "{\"regions\": [1,]}", SITROOM_FEED_ERROR_NOT_JSON, "line 1, column 16" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SitroomRegions) regions = regions_from_string (cases[i].json, &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (regions);
      g_assert_error (error, SITROOM_FEED_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/regions/builtin/province", test_builtin_province);
  g_test_add_func ("/regions/builtin/prefectures", test_builtin_prefectures);
  g_test_add_func ("/regions/builtin/counties", test_builtin_counties);
  g_test_add_func ("/regions/builtin/named-counties", test_builtin_named_counties);
  g_test_add_func ("/regions/lookup", test_lookup);
  g_test_add_func ("/regions/from-bytes/roll-up", test_from_bytes_roll_up);
  g_test_add_func ("/regions/from-bytes/errors", test_from_bytes_errors);

  return g_test_run ();
}
