/* Checks that the benchmark generator writes documents the application accepts whole. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "sitroom-view.h"

#define DAY (24 * 3600)

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sitroom-gen-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Runs the generator into DIR/NAME and returns the document. */
static GBytes *
generate (Fixture *fixture, const char *name, const char *seed)
{
  const char *gen = g_getenv ("SITROOM_GEN");
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  const char *argv[] = { gen, "--cases", "2000", "--chains", "5", "--seed", seed, "--output", path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  int status = 0;

  g_assert_nonnull (gen);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("sitroom-gen: %s", err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_roundtrip (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) bytes = generate (fixture, "doc.json", "7");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(SitroomView) before = NULL;
  gint64 as_of;
  guint by_prefecture = 0;

  situation = sitroom_situation_new_from_bytes (bytes, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (situation);

  /* The generator means to write a clean document: every case in a chain, no
   * chain without cases, no over-full site, every text in both languages. */
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *text = sitroom_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("problem: %s", text);
    }
  g_assert_cmpuint (problems != NULL ? problems->len : 0, ==, 0);

  g_assert_cmpuint (sitroom_situation_get_n_cases (situation), ==, 2000);
  g_assert_cmpuint (sitroom_situation_get_n_chains (situation), ==, 5);
  g_assert_cmpuint (sitroom_situation_get_n_sites (situation), >, 0);
  g_assert_cmpuint (sitroom_situation_get_n_measures (situation), >, 0);
  for (guint i = 0; i < sitroom_situation_get_n_chains (situation); i++)
    g_assert_cmpuint (sitroom_situation_get_chain (situation, i)->n_events, ==, 20);

  as_of = sitroom_situation_get_as_of (situation);
  view = sitroom_view_new (situation, as_of, -1, -1);
  g_assert_cmpuint (sitroom_view_get_totals (view)->positives, ==, 2000);
  g_assert_cmpuint (sitroom_view_get_totals (view)->confirmed, >, 0);
  g_assert_cmpuint (sitroom_view_get_totals (view)->asymptomatic, >, 0);
  g_assert_cmpuint (sitroom_view_get_n_active_chains (view), ==, 5);

  /* Every case lies in a prefecture of the province, so the rows add up. */
  for (guint i = 0; i < sitroom_view_get_n_prefectures (view); i++)
    by_prefecture += sitroom_view_get_prefecture (view, i)->counts.positives;
  g_assert_cmpuint (by_prefecture, ==, 2000);
  g_assert_cmpuint (sitroom_view_get_n_affected_prefectures (view), >, 1);

  /* Cases are spread over the 60 days before as_of, not bunched at either end. */
  before = sitroom_view_new (situation, as_of - 60 * DAY - 1, -1, -1);
  g_assert_cmpuint (sitroom_view_get_totals (before)->positives, ==, 0);
  g_clear_object (&before);
  before = sitroom_view_new (situation, as_of - 7 * DAY, -1, -1);
  g_assert_cmpuint (sitroom_view_get_totals (before)->positives, >, 0);
  g_assert_cmpuint (sitroom_view_get_totals (before)->positives, <, 2000);
}

static void
test_deterministic (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) a = generate (fixture, "a.json", "42");
  g_autoptr(GBytes) b = generate (fixture, "b.json", "42");
  g_autoptr(GBytes) c = generate (fixture, "c.json", "43");

  g_assert_true (g_bytes_equal (a, b));
  g_assert_false (g_bytes_equal (a, c));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bench/gen/roundtrip", Fixture, NULL, fixture_set_up, test_roundtrip, fixture_tear_down);
  g_test_add ("/bench/gen/deterministic", Fixture, NULL, fixture_set_up, test_deterministic, fixture_tear_down);

  return g_test_run ();
}
