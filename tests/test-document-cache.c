/* Tests of the on-disk store of each feed's last good document: round trips, atomicity, damage. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "sitroom-document-cache.h"
#include "sitroom-error.h"

#define URL_A "http://127.0.0.1:8470"
#define URL_B "https://feed.example:8470"
#define DOC_A "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\"}"
/* SHA-256 of "{}". */
#define EMPTY_OBJECT_SHA256 "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
#define DOC_B "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T00:00:00+08:00\"}"

typedef struct {
  char *directory;
  SitroomDocumentCache *cache;
} Fixture;

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("sitroom-cache-XXXXXX", &error);

  g_assert_no_error (error);
  /* A folder that does not exist yet: the cache makes it on the first save. */
  fixture->directory = g_build_filename (base, "feeds", NULL);
  fixture->cache = sitroom_document_cache_new (fixture->directory);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *base = g_path_get_dirname (fixture->directory);

  g_clear_object (&fixture->cache);
  remove_tree (base);
  g_free (fixture->directory);
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

static void
save_ok (Fixture    *fixture,
         const char *url,
         const char *text,
         const char *etag,
         gint64      fetched_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bytes_of (text);

  g_assert_true (sitroom_document_cache_save (fixture->cache, url, bytes, etag, fetched_at, &error));
  g_assert_no_error (error);
}

static void
assert_loads (Fixture    *fixture,
              const char *url,
              const char *text,
              const char *etag,
              gint64      fetched_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = bytes_of (text);
  g_autoptr(GBytes) loaded = NULL;
  g_autofree char *loaded_etag = NULL;
  gint64 loaded_time = -1;

  loaded = sitroom_document_cache_load (fixture->cache, url, &loaded_etag, &loaded_time, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (g_bytes_equal (loaded, expected));
  g_assert_cmpstr (loaded_etag, ==, etag);
  g_assert_cmpint (loaded_time, ==, fetched_at);
}

static GPtrArray *
list_directory (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

/* Loads a damaged entry: NULL, a message naming the feed, where its copy went
 * and why, and the entry moved to its ".damaged" name. */
static void
assert_set_aside (Fixture    *fixture,
                  const char *url,
                  const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autofree char *path = sitroom_document_cache_get_entry_path (fixture->cache, url);
  g_autofree char *damaged = g_strconcat (path, ".damaged", NULL);
  g_autofree char *opening =
    g_strdup_printf ("The stored copy of %s was damaged and has been set aside", url);
  /* Out values are set whatever they held: a sentinel, not something to free. */
  char *etag = (char *) "stale";
  gint64 fetched_at = 42;

  loaded = sitroom_document_cache_load (fixture->cache, url, &etag, &fetched_at, &error);
  g_assert_null (loaded);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, opening));
  g_assert_nonnull (strstr (error->message, damaged));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_null (etag);
  g_assert_cmpint (fetched_at, ==, 0);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (damaged, G_FILE_TEST_EXISTS));

  /* Set aside once, the entry is simply missing now. */
  g_clear_error (&error);
  g_clear_pointer (&loaded, g_bytes_unref);
  loaded = sitroom_document_cache_load (fixture->cache, url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 now = g_get_real_time ();
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, URL_A, -1);
  g_autofree char *expected_name = g_strconcat (key, ".entry", NULL);
  g_autofree char *path = sitroom_document_cache_get_entry_path (fixture->cache, URL_A);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *dirname = g_path_get_dirname (path);
  GStatBuf st;

  save_ok (fixture, URL_A, DOC_A, "\"v1-abc\"", now);
  assert_loads (fixture, URL_A, DOC_A, "\"v1-abc\"", now);

  /* The folder and the entry are the user's alone. */
  g_assert_cmpint (g_stat (fixture->directory, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Named from the SHA-256 of the URL, inside the folder given. */
  g_assert_cmpstr (dirname, ==, fixture->directory);
  g_assert_cmpstr (name, ==, expected_name);
}

static void
test_round_trip_no_etag (Fixture       *fixture,
                         gconstpointer  data)
{
  /* An ETag with characters a key file must escape, then none at all. */
  save_ok (fixture, URL_A, DOC_A, " W/\"x\ty\\z\n\" ", 1660971600000000);
  assert_loads (fixture, URL_A, DOC_A, " W/\"x\ty\\z\n\" ", 1660971600000000);

  save_ok (fixture, URL_A, DOC_A, NULL, 5);
  assert_loads (fixture, URL_A, DOC_A, NULL, 5);

  /* An empty document is stored as one, not as a missing entry. */
  save_ok (fixture, URL_B, "", "\"e\"", 7);
  assert_loads (fixture, URL_B, "", "\"e\"", 7);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) loaded = NULL;
  char *etag = (char *) "left over";
  gint64 fetched_at = 99;

  /* Neither the folder nor the entry exists. */
  loaded = sitroom_document_cache_load (fixture->cache, URL_A, &etag, &fetched_at, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);
  g_assert_null (etag);
  g_assert_cmpint (fetched_at, ==, 0);
  g_assert_false (g_file_test (fixture->directory, G_FILE_TEST_EXISTS));

  /* The folder exists, with another feed's entry in it. */
  save_ok (fixture, URL_B, DOC_B, "\"b\"", 1);
  loaded = sitroom_document_cache_load (fixture->cache, URL_A, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);
}

static void
test_two_feeds (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) names = NULL;

  save_ok (fixture, URL_A, DOC_A, "\"a\"", 100);
  save_ok (fixture, URL_B, DOC_B, "\"b\"", 200);
  /* A URL that differs only in a trailing slash is another feed. */
  save_ok (fixture, URL_A "/", DOC_B, "\"a/\"", 300);

  assert_loads (fixture, URL_A, DOC_A, "\"a\"", 100);
  assert_loads (fixture, URL_B, DOC_B, "\"b\"", 200);
  assert_loads (fixture, URL_A "/", DOC_B, "\"a/\"", 300);

  names = list_directory (fixture->directory);
  g_assert_cmpuint (names->len, ==, 3);
}

static void
test_overwrite (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) names = NULL;

  save_ok (fixture, URL_A, DOC_A, "\"v1\"", 100);
  save_ok (fixture, URL_A, DOC_B, "\"v2\"", 200);
  assert_loads (fixture, URL_A, DOC_B, "\"v2\"", 200);

  /* A shorter document over a longer one leaves nothing of the old one. */
  save_ok (fixture, URL_A, "{}", "\"v3\"", 300);
  assert_loads (fixture, URL_A, "{}", "\"v3\"", 300);

  names = list_directory (fixture->directory);
  g_assert_cmpuint (names->len, ==, 1);
}

static void
test_no_temp_left (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) names = NULL;

  for (int i = 0; i < 5; i++)
    save_ok (fixture, URL_A, i % 2 ? DOC_A : DOC_B, "\"x\"", i);

  path = sitroom_document_cache_get_entry_path (fixture->cache, URL_A);
  name = g_path_get_basename (path);
  names = list_directory (fixture->directory);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, name);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static void
make_old (const char *path)
{
  struct utimbuf times;

  times.actime = time (NULL) - 2 * 3600;
  times.modtime = times.actime;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
test_stale_temp (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autofree char *path = sitroom_document_cache_get_entry_path (fixture->cache, URL_A);
  g_autofree char *old_temp = g_strconcat (path, ".tmp-AbC123", NULL);
  g_autofree char *recent_temp = g_strconcat (path, ".tmp-XyZ789", NULL);
  g_autofree char *other_temp = NULL;
  g_autofree char *other_path = sitroom_document_cache_get_entry_path (fixture->cache, URL_B);

  /* A crash after the temporary file was written but before the rename: the
   * entry itself was never created. */
  g_assert_cmpint (g_mkdir_with_parents (fixture->directory, 0700), ==, 0);
  write_file (old_temp, "sitroom-document-cache/1 5\nhalf", -1);
  make_old (old_temp);
  write_file (recent_temp, "garbage", -1);
  other_temp = g_strconcat (other_path, ".tmp-Old000", NULL);
  write_file (other_temp, "another feed's", -1);
  make_old (other_temp);

  loaded = sitroom_document_cache_load (fixture->cache, URL_A, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);
  /* Loading never deletes anything. */
  g_assert_true (g_file_test (old_temp, G_FILE_TEST_EXISTS));

  save_ok (fixture, URL_A, DOC_A, "\"a\"", 1);
  assert_loads (fixture, URL_A, DOC_A, "\"a\"", 1);

  /* The save cleared its own entry's leftover, but not one that may be a save
   * under way, nor another feed's. */
  g_assert_false (g_file_test (old_temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent_temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_temp, G_FILE_TEST_EXISTS));

  /* With a good entry in place, a leftover beside it changes nothing. */
  write_file (old_temp, "sitroom-document-cache/1 5\nhalf", -1);
  assert_loads (fixture, URL_A, DOC_A, "\"a\"", 1);
}

static void
truncate_entry (Fixture    *fixture,
                const char *url,
                gsize       cut)
{
  g_autofree char *path = sitroom_document_cache_get_entry_path (fixture->cache, url);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, cut);
  write_file (path, contents, length - cut);
}

static void
test_damage_truncated (Fixture       *fixture,
                       gconstpointer  data)
{

  save_ok (fixture, URL_A, DOC_A, "\"a\"", 1);
  truncate_entry (fixture, URL_A, 10);
  assert_set_aside (fixture, URL_A, "the document is cut short");

  /* The next save works, and so does the load after it. */
  save_ok (fixture, URL_A, DOC_B, "\"b\"", 2);
  assert_loads (fixture, URL_A, DOC_B, "\"b\"", 2);
}

static void
test_damage_checksum (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = sitroom_document_cache_get_entry_path (fixture->cache, URL_A);
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *digit;

  /* One character of the document changed, its length intact: a disk error
   * that only the recorded SHA-256 catches. */
  save_ok (fixture, URL_A, DOC_A, "\"a\"", 1);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  digit = g_strrstr (contents, "13:00");
  g_assert_nonnull (digit);
  digit[1] = '4';
  write_file (path, contents, length);

  assert_set_aside (fixture, URL_A, "the document does not match its checksum");
  save_ok (fixture, URL_A, DOC_A, "\"a2\"", 2);
  assert_loads (fixture, URL_A, DOC_A, "\"a2\"", 2);
}

static void
test_damage_garbage_header (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = sitroom_document_cache_get_entry_path (fixture->cache, URL_A);
  static const struct {
    const char *contents;
    const char *reason;
  } cases[] = {
    { "\x89PNG\r\n\x1a\n garbage", "it is not a stored copy this version of Sitroom can read" },
    { "", "it is not a stored copy this version of Sitroom can read" },
    { "sitroom-document-cache/1 ", "its header cannot be read" },
    { "sitroom-document-cache/1 99999\n[Document]\n", "its header cannot be read" },
    { "sitroom-document-cache/1 -3\n[Document]\n", "its header cannot be read" },
    { "sitroom-document-cache/1 12\nnot=a group\n{}", "its header cannot be read" },
  };

  static const char * const headers[] = {
    /* No checksum. */
    "[Document]\nsource=" URL_A "\nfetched-at=1\nsize=2\n",
    /* No source. */
    "[Document]\nfetched-at=1\nsize=2\nsha256=" EMPTY_OBJECT_SHA256 "\n",
    /* A size that is not a number. */
    "[Document]\nsource=" URL_A "\nfetched-at=1\nsize=two\nsha256=" EMPTY_OBJECT_SHA256 "\n",
    /* No fetch time. */
    "[Document]\nsource=" URL_A "\nsize=2\nsha256=" EMPTY_OBJECT_SHA256 "\n",
  };

  g_assert_cmpint (g_mkdir_with_parents (fixture->directory, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      write_file (path, cases[i].contents, -1);
      assert_set_aside (fixture, URL_A, cases[i].reason);
    }

  /* Well-formed key files that lack a member or hold a wrong value. */
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *contents =
        g_strdup_printf ("sitroom-document-cache/1 %zu\n%s{}", strlen (headers[i]), headers[i]);

      g_test_message ("header %u", i);
      write_file (path, contents, -1);
      assert_set_aside (fixture, URL_A, "its header cannot be read");
    }

  /* The same with every member: it loads, so the cases above fail for the
   * member they lack and nothing else. */
  {
    const char *header =
      "[Document]\nsource=" URL_A "\nfetched-at=1\nsize=2\nsha256=" EMPTY_OBJECT_SHA256 "\n";
    g_autofree char *contents =
      g_strdup_printf ("sitroom-document-cache/1 %zu\n%s{}", strlen (header), header);

    write_file (path, contents, -1);
    assert_loads (fixture, URL_A, "{}", NULL, 1);
  }

  save_ok (fixture, URL_A, DOC_A, "\"a\"", 1);
  assert_loads (fixture, URL_A, DOC_A, "\"a\"", 1);
}

static void
test_damage_other_url (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path_a = sitroom_document_cache_get_entry_path (fixture->cache, URL_A);
  g_autofree char *path_b = sitroom_document_cache_get_entry_path (fixture->cache, URL_B);
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* An entry copied under another feed's name must not show that feed's numbers. */
  save_ok (fixture, URL_A, DOC_A, "\"a\"", 1);
  g_assert_true (g_file_get_contents (path_a, &contents, &length, NULL));
  write_file (path_b, contents, length);

  assert_set_aside (fixture, URL_B, "it holds the copy of another feed, " URL_A);
  assert_loads (fixture, URL_A, DOC_A, "\"a\"", 1);

  save_ok (fixture, URL_B, DOC_B, "\"b\"", 2);
  assert_loads (fixture, URL_B, DOC_B, "\"b\"", 2);
}

static void
test_damage_directory (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = sitroom_document_cache_get_entry_path (fixture->cache, URL_A);
  g_autofree char *damaged = g_strconcat (path, ".damaged", NULL);
  g_autofree char *inside = g_build_filename (path, "stray", NULL);
  g_autoptr(GPtrArray) names = NULL;

  /* A folder where the entry's file should be. */
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  write_file (inside, "x", -1);
  assert_set_aside (fixture, URL_A, "it is not a file");
  g_assert_true (g_file_test (damaged, G_FILE_TEST_IS_DIR));

  save_ok (fixture, URL_A, DOC_A, "\"a\"", 1);
  assert_loads (fixture, URL_A, DOC_A, "\"a\"", 1);

  /* Damaged again: the newer damaged copy (a file) replaces the older one (a
   * folder), so only the latest is kept. */
  truncate_entry (fixture, URL_A, 1);
  assert_set_aside (fixture, URL_A, "the document is cut short");
  g_assert_true (g_file_test (damaged, G_FILE_TEST_IS_REGULAR));
  names = list_directory (fixture->directory);
  g_assert_cmpuint (names->len, ==, 1);
}

static void
test_save_over_directory (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = sitroom_document_cache_get_entry_path (fixture->cache, URL_A);
  g_autofree char *inside = g_build_filename (path, "stray", NULL);
  g_autofree char *damaged = g_strconcat (path, ".damaged", NULL);

  /* A save that meets the damage before any load does still stores its copy. */
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  write_file (inside, "x", -1);
  save_ok (fixture, URL_A, DOC_A, "\"a\"", 1);
  assert_loads (fixture, URL_A, DOC_A, "\"a\"", 1);
  g_assert_true (g_file_test (damaged, G_FILE_TEST_IS_DIR));
}

static void
test_save_fails_cleanly (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bytes_of (DOC_A);
  g_autofree char *base = g_path_get_dirname (fixture->directory);
  g_autofree char *blocker = g_build_filename (base, "file", NULL);
  g_autofree char *under = g_build_filename (blocker, "feeds", NULL);
  g_autoptr(SitroomDocumentCache) cache = sitroom_document_cache_new (under);

  /* A file where the folder should be: an error that names the feed, no crash. */
  g_assert_cmpint (g_mkdir_with_parents (base, 0700), ==, 0);
  write_file (blocker, "x", -1);
  g_assert_false (sitroom_document_cache_save (cache, URL_A, bytes, "\"a\"", 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, URL_A));
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree guint8 *buffer = g_malloc (size);
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  gint64 fetched_at = 0;
  guint32 state = 12345;

  /* Every byte value, NULs included: the cache stores bytes, not text. */
  for (gsize i = 0; i < size; i++)
    {
      state = state * 1103515245u + 12345u;
      buffer[i] = state >> 24;
    }
  document = g_bytes_new_take (g_steal_pointer (&buffer), size);

  g_assert_true (sitroom_document_cache_save (fixture->cache, URL_A, document, "\"big\"", 77, &error));
  g_assert_no_error (error);
  loaded = sitroom_document_cache_load (fixture->cache, URL_A, &etag, &fetched_at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (g_bytes_get_size (loaded), ==, size);
  g_assert_true (g_bytes_equal (loaded, document));
  g_assert_cmpstr (etag, ==, "\"big\"");
  g_assert_cmpint (fetched_at, ==, 77);
}

typedef struct {
  GError *error;
  gboolean done;
} SaveState;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveState *state = user_data;

  g_assert_true (sitroom_document_cache_save_finish (SITROOM_DOCUMENT_CACHE (source), result,
                                                     &state->error));
  state->done = TRUE;
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = bytes_of (DOC_A);
  SaveState state = { NULL, FALSE };

  sitroom_document_cache_save_async (fixture->cache, URL_A, bytes, "\"async\"", 11,
                                     NULL, on_saved, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  assert_loads (fixture, URL_A, DOC_A, "\"async\"", 11);
}

static void
test_default_directory (void)
{
  g_autoptr(SitroomDocumentCache) cache = sitroom_document_cache_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (), "sitroom", "feeds", NULL);
  g_autofree char *path = NULL;
  g_autofree char *dirname = NULL;
  g_autoptr(GBytes) bytes = bytes_of (DOC_A);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* The test runs with its own XDG folders (G_TEST_OPTION_ISOLATE_DIRS). */
  g_assert_cmpstr (sitroom_document_cache_get_directory (cache), ==, expected);
  path = sitroom_document_cache_get_entry_path (cache, URL_A);
  dirname = g_path_get_dirname (path);
  g_assert_cmpstr (dirname, ==, expected);

  g_assert_true (sitroom_document_cache_save (cache, URL_A, bytes, NULL, 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  loaded = sitroom_document_cache_load (cache, URL_A, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, bytes));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cache/round-trip/basic", test_round_trip);
  ADD ("/cache/round-trip/etag", test_round_trip_no_etag);
  ADD ("/cache/round-trip/large", test_large);
  ADD ("/cache/round-trip/async", test_save_async);
  ADD ("/cache/missing", test_missing);
  ADD ("/cache/feeds-apart", test_two_feeds);
  ADD ("/cache/overwrite", test_overwrite);
  ADD ("/cache/atomic/no-temp-left", test_no_temp_left);
  ADD ("/cache/atomic/stale-temp", test_stale_temp);
  ADD ("/cache/damage/truncated", test_damage_truncated);
  ADD ("/cache/damage/checksum", test_damage_checksum);
  ADD ("/cache/damage/garbage-header", test_damage_garbage_header);
  ADD ("/cache/damage/other-url", test_damage_other_url);
  ADD ("/cache/damage/directory", test_damage_directory);
  ADD ("/cache/damage/save-over-directory", test_save_over_directory);
  ADD ("/cache/save/fails-cleanly", test_save_fails_cleanly);
#undef ADD
  g_test_add_func ("/cache/default-directory", test_default_directory);

  return g_test_run ();
}
