/* Tests of the issued-briefing store: issue, list, the last before a cutoff, errata, damage set aside, schema versions. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "sitroom-briefing-store.h"
#include "sitroom-error.h"
#include "sitroom-test-demo.h"

#define NOON "2022-08-20T13:00:00+08:00"
#define MIDNIGHT "2022-08-20T00:00:00+08:00"

typedef struct {
  char *folder;
  char *path;
  SitroomSituation *demo;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-briefing-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store makes it. */
  fixture->path = g_build_filename (fixture->folder, "sitroom", "briefings.sqlite", NULL);
  fixture->demo = sitroom_test_demo_load ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
  g_clear_object (&fixture->demo);
}

static SitroomBriefingStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SitroomBriefingStore *store = sitroom_briefing_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Marks the briefing of @situation at @cutoff issued, the text edited when
 * @edited_zh is given. */
static SitroomIssuedBriefing *
issue (SitroomBriefingStore *store,
       const char           *source,
       SitroomSituation     *situation,
       const char           *cutoff,
       const char           *edited_zh)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, cutoff);
  g_autoptr(SitroomBriefingFigures) figures = sitroom_briefing_figures_new_from_view (view);
  g_autofree char *zh = g_strdup_printf ("截至%s，我省报告阳性感染者", cutoff);
  g_autofree char *en = g_strdup_printf ("As of %s, the province reported positives", cutoff);
  SitroomIssuedBriefing draft = {
    .source = (char *) source,
    .cutoff = sitroom_test_demo_at (cutoff),
    .generated_zh = zh,
    .generated_en = en,
    .issued_zh = (char *) edited_zh,
    .figures = figures,
  };
  g_autoptr(GError) error = NULL;
  SitroomIssuedBriefing *issued = sitroom_briefing_store_mark_issued (store, &draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (issued);
  return issued;
}

static gint64
figure_value (const SitroomIssuedBriefing *briefing,
              const char                  *key)
{
  const SitroomBriefingFigure *figure = sitroom_briefing_figures_lookup (briefing->figures, key);

  if (figure == NULL)
    g_error ("briefing %" G_GINT64_FORMAT " states no %s", briefing->id, key);
  return figure->value;
}

static void
assert_ids (GPtrArray    *briefings,
            const gint64 *ids,
            guint         n_ids)
{
  g_assert_cmpuint (briefings->len, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpint (((SitroomIssuedBriefing *) g_ptr_array_index (briefings, i))->id, ==, ids[i]);
}

static void
test_issue_and_list (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_store (fixture->path);
  g_autoptr(SitroomIssuedBriefing) first = NULL;
  g_autoptr(SitroomIssuedBriefing) second = NULL;
  g_autoptr(SitroomIssuedBriefing) third = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  SitroomIssuedBriefing *read;
  gint64 started = g_get_real_time ();
  GStatBuf st;

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_null (sitroom_briefing_store_take_damage (store));

  first = issue (store, "demo", fixture->demo, MIDNIGHT, NULL);
  second = issue (store, "demo", fixture->demo, NOON, "截至8月20日13时，我省共报告11例（编辑）");
  third = issue (store, "other", fixture->demo, NOON, NULL);

  g_assert_cmpint (first->id, <, second->id);
  g_assert_cmpint (second->id, <, third->id);
  g_assert_cmpint (first->issued_at, >=, started);
  g_assert_cmpint (third->issued_at, <=, g_get_real_time ());
  g_assert_cmpstr (first->issued_zh, ==, first->generated_zh);
  g_assert_cmpstr (second->issued_zh, ==, "截至8月20日13时，我省共报告11例（编辑）");
  g_assert_cmpstr (second->issued_en, ==, second->generated_en);

  /* Closed and opened again: everything was on disk. */
  g_clear_object (&store);
  store = open_store (fixture->path);

  all = sitroom_briefing_store_list (store, NULL, &error);
  g_assert_no_error (error);
  assert_ids (all, (gint64[]) { third->id, second->id, first->id }, 3);
  demo = sitroom_briefing_store_list (store, "demo", &error);
  g_assert_no_error (error);
  assert_ids (demo, (gint64[]) { second->id, first->id }, 2);

  read = g_ptr_array_index (demo, 0);
  g_assert_cmpstr (read->source, ==, "demo");
  g_assert_cmpint (read->cutoff, ==, sitroom_test_demo_at (NOON));
  g_assert_cmpint (read->issued_at, ==, second->issued_at);
  g_assert_cmpstr (read->generated_zh, ==, second->generated_zh);
  g_assert_cmpstr (read->generated_en, ==, second->generated_en);
  g_assert_cmpstr (read->issued_zh, ==, second->issued_zh);
  g_assert_cmpstr (read->issued_en, ==, second->issued_en);
  g_assert_cmpint (sitroom_briefing_figures_get_cutoff (read->figures), ==, sitroom_test_demo_at (NOON));
  g_assert_cmpint (figure_value (read, "region/140500/positives"), ==, 5);
  g_assert_cmpint (figure_value (read, "chain/0818-yuxian/close_contacts"), ==, 34);
  g_assert_cmpint (figure_value (g_ptr_array_index (demo, 1), "positives"), ==, 7);

  {
    g_autoptr(SitroomIssuedBriefing) by_id = sitroom_briefing_store_get_by_id (store, first->id, &error);
    g_autoptr(SitroomIssuedBriefing) missing = sitroom_briefing_store_get_by_id (store, 999, &error);

    g_assert_no_error (error);
    g_assert_cmpint (by_id->cutoff, ==, sitroom_test_demo_at (MIDNIGHT));
    g_assert_null (missing);
  }
}

static void
test_latest_before (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_store (fixture->path);
  g_autoptr(SitroomIssuedBriefing) midnight = issue (store, "demo", fixture->demo, MIDNIGHT, NULL);
  g_autoptr(SitroomIssuedBriefing) noon = issue (store, "demo", fixture->demo, NOON, NULL);
  g_autoptr(SitroomIssuedBriefing) reissued = issue (store, "demo", fixture->demo, MIDNIGHT, "更正后的文本");
  g_autoptr(SitroomIssuedBriefing) elsewhere = issue (store, "other", fixture->demo, "2022-08-20T12:00:00+08:00", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomIssuedBriefing) before_noon = NULL;
  g_autoptr(SitroomIssuedBriefing) after_noon = NULL;
  g_autoptr(SitroomIssuedBriefing) before_midnight = NULL;
  g_autoptr(SitroomIssuedBriefing) other = NULL;

  /* Strictly before; of equal cutoffs, the one issued last. */
  before_noon = sitroom_briefing_store_get_latest_before (store, "demo", sitroom_test_demo_at (NOON), &error);
  g_assert_no_error (error);
  g_assert_cmpint (before_noon->id, ==, reissued->id);
  g_assert_cmpstr (before_noon->issued_zh, ==, "更正后的文本");

  after_noon = sitroom_briefing_store_get_latest_before (store, "demo", sitroom_test_demo_at (NOON) + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after_noon->id, ==, noon->id);

  before_midnight = sitroom_briefing_store_get_latest_before (store, "demo", sitroom_test_demo_at (MIDNIGHT), &error);
  g_assert_no_error (error);
  g_assert_null (before_midnight);

  /* Another source's briefing is never the last one of this source. */
  other = sitroom_briefing_store_get_latest_before (store, "nothing", sitroom_test_demo_at (NOON), &error);
  g_assert_no_error (error);
  g_assert_null (other);
  g_clear_pointer (&other, sitroom_issued_briefing_free);
  other = sitroom_briefing_store_get_latest_before (store, "other", sitroom_test_demo_at (NOON), &error);
  g_assert_cmpint (other->id, ==, elsewhere->id);
  g_assert_cmpint (midnight->id, <, reissued->id);
}

static void
errata_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sitroom_briefing_store_find_errata_finish (SITROOM_BRIEFING_STORE (source), result, &error);
  g_assert_no_error (error);
}

static const SitroomFigureChange *
get_change (GArray     *changes,
            const char *key)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_strcmp0 (g_array_index (changes, SitroomFigureChange, i).key, key) == 0)
      return &g_array_index (changes, SitroomFigureChange, i);
  g_error ("no change of %s", key);
}

static void
test_errata (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_store (fixture->path);
  g_autoptr(SitroomSituation) corrected = sitroom_test_demo_load_without ("c-0001");
  g_autoptr(SitroomIssuedBriefing) midnight = issue (store, "demo", fixture->demo, MIDNIGHT, NULL);
  g_autoptr(SitroomIssuedBriefing) noon = issue (store, "demo", fixture->demo, NOON, NULL);
  /* Issued for a cutoff after the corrected document's as_of: what that
   * document says there is no correction. */
  g_autoptr(SitroomIssuedBriefing) tomorrow = issue (store, "demo", fixture->demo, "2022-08-21T13:00:00+08:00", NULL);
  g_autoptr(SitroomIssuedBriefing) other = issue (store, "other", fixture->demo, NOON, NULL);
  g_autoptr(GPtrArray) unchanged = NULL;
  g_autoptr(GPtrArray) errata = NULL;
  g_autoptr(GPtrArray) errata_async = NULL;
  g_autoptr(GError) error = NULL;
  SitroomBriefingErratum *erratum;
  const SitroomFigureChange *change;

  unchanged = sitroom_briefing_store_find_errata (store, "demo", fixture->demo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unchanged->len, ==, 0);

  /* Jincheng 5 → 4 at the same cutoffs: both briefings stated it. */
  errata = sitroom_briefing_store_find_errata (store, "demo", corrected, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errata->len, ==, 2);

  erratum = g_ptr_array_index (errata, 0);
  g_assert_cmpint (erratum->briefing->id, ==, noon->id);
  g_assert_cmpuint (erratum->changes->len, ==, 6);
  change = get_change (erratum->changes, "region/140500/positives");
  g_assert_cmpint (change->before, ==, 5);
  g_assert_cmpint (change->after, ==, 4);
  g_assert_cmpstr (change->label_en, ==, "Positives in Jincheng");
  change = get_change (erratum->changes, "positives");
  g_assert_cmpint (change->before, ==, 11);
  g_assert_cmpint (change->after, ==, 10);

  erratum = g_ptr_array_index (errata, 1);
  g_assert_cmpint (erratum->briefing->id, ==, midnight->id);
  change = get_change (erratum->changes, "positives");
  g_assert_cmpint (change->before, ==, 7);
  g_assert_cmpint (change->after, ==, 6);

  sitroom_briefing_store_find_errata_async (store, "demo", corrected, NULL, errata_done, &errata_async);
  while (errata_async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (errata_async->len, ==, 2);
  g_assert_cmpint (((SitroomBriefingErratum *) g_ptr_array_index (errata_async, 0))->briefing->id, ==, noon->id);
  g_assert_cmpint (tomorrow->id, >, noon->id);
  g_assert_cmpint (other->id, >, noon->id);
}

static void run_sql (const char *path,
                     const char *sql);

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* The one file in @path's folder named "<name>.damaged-…" (not its WAL). */
static char *
find_set_aside (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  char *found = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, prefix) || g_str_has_suffix (name, "-wal"))
        continue;
      g_assert_null (found);
      found = g_build_filename (folder, name, NULL);
    }
  return found;
}

/* After damage is set aside: it was reported once, the damaged bytes are
 * kept aside, and the new store works. */
static void
assert_set_aside (Fixture              *fixture,
                  SitroomBriefingStore *store,
                  const char           *damaged,
                  gsize                 damaged_length)
{
  g_autoptr(GError) damage = sitroom_briefing_store_take_damage (store);
  g_autoptr(GError) again = sitroom_briefing_store_take_damage (store);
  g_autoptr(GPtrArray) briefings = NULL;
  g_autoptr(SitroomIssuedBriefing) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = find_set_aside (fixture->path);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_error (damage, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE);
  g_test_message ("%s", damage->message);
  g_assert_nonnull (strstr (damage->message, fixture->path));
  g_assert_nonnull (strstr (damage->message, "set aside"));
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (damage->message, aside));
  g_assert_null (again);

  if (damaged != NULL)
    {
      g_assert_true (g_file_get_contents (aside, &contents, &length, &error));
      g_assert_cmpmem (contents, length, damaged, damaged_length);
    }

  briefings = sitroom_briefing_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (briefings->len, ==, 0);
  issued = issue (store, "demo", fixture->demo, NOON, NULL);
  g_clear_pointer (&briefings, g_ptr_array_unref);
  briefings = sitroom_briefing_store_list (store, NULL, &error);
  g_assert_cmpuint (briefings->len, ==, 1);
}

static void
test_damage_not_a_database (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(SitroomBriefingStore) store = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (garbage, "This is not a database, it is a note. ");
  write_file (fixture->path, garbage->str, garbage->len);

  store = open_store (fixture->path);
  assert_set_aside (fixture, store, garbage->str, garbage->len);
}

/* A real store whose table pages were overwritten: the header is fine, the
 * check finds the damage. */
static void
test_damage_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_store (fixture->path);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    sitroom_issued_briefing_free (issue (store, "demo", fixture->demo, NOON, NULL));
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_cmpuint (length, >=, 3 * 4096);
  memset (contents + 4096, 0xA5, length - 4096);
  write_file (fixture->path, contents, length);

  store = open_store (fixture->path);
  assert_set_aside (fixture, store, contents, length);
}


/* Damages the pages under a store that is open: another connection moves
 * everything into the main file, the table pages are overwritten, and a
 * change to the header makes the store read them again. */
static SitroomBriefingStore *
open_and_damage (Fixture *fixture)
{
  SitroomBriefingStore *store = open_store (fixture->path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  for (guint i = 0; i < 5; i++)
    sitroom_issued_briefing_free (issue (store, "demo", fixture->demo, NOON, NULL));
  run_sql (fixture->path, "PRAGMA wal_checkpoint(TRUNCATE);");

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_cmpuint (length, >=, 3 * 4096);
  memset (contents + 4096, 0xA5, length - 4096);
  /* In place, not replaced: the store holds the file open. */
  {
    FILE *file = fopen (fixture->path, "r+b");

    g_assert_nonnull (file);
    g_assert_cmpuint (fwrite (contents, 1, length, file), ==, length);
    fclose (file);
  }
  run_sql (fixture->path, "PRAGMA user_version = 1;");
  return store;
}

static void
test_damage_while_open (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_and_damage (fixture);
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  /* The call that meets the damage reports it; the next works. */
  failed = sitroom_briefing_store_list (store, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "set aside"));
  aside = find_set_aside (fixture->path);
  g_assert_nonnull (aside);
  g_assert_null (sitroom_briefing_store_take_damage (store));
  g_clear_error (&error);

  fresh = sitroom_briefing_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fresh->len, ==, 0);
}

/* Issuing on a damaged file still issues, on a new one. */
static void
test_damage_while_issuing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_and_damage (fixture);
  g_autoptr(SitroomIssuedBriefing) issued = issue (store, "demo", fixture->demo, NOON, "已发布");
  g_autoptr(GError) damage = sitroom_briefing_store_take_damage (store);
  g_autoptr(GPtrArray) briefings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_error (damage, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE);
  g_test_message ("%s", damage->message);
  briefings = sitroom_briefing_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (briefings->len, ==, 1);
  g_assert_cmpstr (((SitroomIssuedBriefing *) g_ptr_array_index (briefings, 0))->issued_zh, ==, "已发布");
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
read_text (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
read_int (const char *path,
          const char *sql)
{
  g_autofree char *text = read_text (path, sql);

  return (int) g_ascii_strtoll (text, NULL, 10);
}

static void
test_schema_version (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_store (fixture->path);

  g_assert_cmpstr (sitroom_briefing_store_get_path (store), ==, fixture->path);
  g_clear_object (&store);
  g_assert_cmpint (read_int (fixture->path, "PRAGMA user_version;"), ==, 1);
  g_assert_cmpint (read_int (fixture->path, "SELECT count(*) FROM sqlite_master WHERE name = 'briefings';"), ==, 1);
  {
    g_autofree char *mode = read_text (fixture->path, "PRAGMA journal_mode;");

    g_assert_cmpstr (mode, ==, "wal");
  }
}

/* A file of schema 0 (an empty database with a table of someone's) is
 * migrated, and what it held is kept. */
static void
test_schema_migrated (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = NULL;

  run_sql (fixture->path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept');");
  store = open_store (fixture->path);
  g_assert_null (sitroom_briefing_store_take_damage (store));
  sitroom_issued_briefing_free (issue (store, "demo", fixture->demo, NOON, NULL));
  g_clear_object (&store);

  g_assert_cmpint (read_int (fixture->path, "PRAGMA user_version;"), ==, 1);
  g_assert_cmpint (read_int (fixture->path, "SELECT count(*) FROM notes;"), ==, 1);
  g_assert_cmpint (read_int (fixture->path, "SELECT count(*) FROM briefings;"), ==, 1);
}

/* A newer version's file is refused and left exactly as it was. */
static void
test_schema_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  run_sql (fixture->path, "CREATE TABLE briefings (future BLOB); PRAGMA user_version = 7;");
  store = sitroom_briefing_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "newer version"));

  aside = find_set_aside (fixture->path);
  g_assert_null (aside);
  g_assert_cmpint (read_int (fixture->path, "PRAGMA user_version;"), ==, 7);
}

/* Tables that do not match the schema version: set aside. */
static void
test_schema_foreign (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = NULL;

  run_sql (fixture->path, "CREATE TABLE briefings (other TEXT); PRAGMA user_version = 1;");
  store = open_store (fixture->path);
  assert_set_aside (fixture, store, NULL, 0);
}

/* A row whose figures were changed by something else costs its figures, not
 * the history: listed, never the last briefing, no errata. */
static void
test_unreadable_figures (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_store (fixture->path);
  g_autoptr(SitroomIssuedBriefing) good = issue (store, "demo", fixture->demo, MIDNIGHT, NULL);
  g_autoptr(SitroomIssuedBriefing) bad = issue (store, "demo", fixture->demo, "2022-08-20T06:00:00+08:00", NULL);
  g_autoptr(SitroomSituation) corrected = sitroom_test_demo_load_without ("c-0001");
  g_autoptr(GPtrArray) briefings = NULL;
  g_autoptr(GPtrArray) errata = NULL;
  g_autoptr(SitroomIssuedBriefing) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE briefings SET figures = '{\"format\": 1' WHERE id = %" G_GINT64_FORMAT ";",
                                          bad->id);

  g_clear_object (&store);
  run_sql (fixture->path, sql);
  store = open_store (fixture->path);

  briefings = sitroom_briefing_store_list (store, "demo", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (briefings->len, ==, 2);
  g_assert_null (((SitroomIssuedBriefing *) g_ptr_array_index (briefings, 0))->figures);
  g_assert_cmpstr (((SitroomIssuedBriefing *) g_ptr_array_index (briefings, 0))->issued_en, ==, bad->issued_en);

  latest = sitroom_briefing_store_get_latest_before (store, "demo", sitroom_test_demo_at (NOON), &error);
  g_assert_no_error (error);
  g_assert_cmpint (latest->id, ==, good->id);

  errata = sitroom_briefing_store_find_errata (store, "demo", corrected, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errata->len, ==, 1);
  g_assert_cmpint (((SitroomBriefingErratum *) g_ptr_array_index (errata, 0))->briefing->id, ==, good->id);
}

/* NULL is the user's data folder (isolated by the test harness). */
static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "sitroom", "briefings.sqlite", NULL);
  g_autoptr(SitroomBriefingStore) store = open_store (NULL);

  g_assert_cmpstr (sitroom_briefing_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SitroomBriefingStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) briefings = NULL;
  g_autoptr(GError) error = NULL;

  sitroom_briefing_store_close (store);
  briefings = sitroom_briefing_store_list (store, NULL, &error);
  g_assert_null (briefings);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/briefing-store/issue-and-list", test_issue_and_list);
  ADD ("/briefing-store/latest-before", test_latest_before);
  ADD ("/briefing-store/errata", test_errata);
  ADD ("/briefing-store/damage/not-a-database", test_damage_not_a_database);
  ADD ("/briefing-store/damage/pages", test_damage_pages);
  ADD ("/briefing-store/damage/while-open", test_damage_while_open);
  ADD ("/briefing-store/damage/while-issuing", test_damage_while_issuing);
  ADD ("/briefing-store/schema/version", test_schema_version);
  ADD ("/briefing-store/schema/migrated", test_schema_migrated);
  ADD ("/briefing-store/schema/newer", test_schema_newer);
  ADD ("/briefing-store/schema/foreign", test_schema_foreign);
  ADD ("/briefing-store/unreadable-figures", test_unreadable_figures);
  ADD ("/briefing-store/closed", test_closed);
#undef ADD
  g_test_add_func ("/briefing-store/default-path", test_default_path);

  return g_test_run ();
}
