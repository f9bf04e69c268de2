/* Feeds every file of the fuzzing seed corpus to the fuzzer's entry point, in every build. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-situation.h"

static char *
corpus_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);
}

static gboolean
replay (const char *name)
{
  g_autofree char *dir = corpus_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return sitroom_fuzz_situation ((const guint8 *) data, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Seeds named valid-… must be accepted and refused-… refused; anything else
 * (inputs the fuzzer found) only must not crash. */
static void
test_file (gconstpointer data)
{
  const char *name = data;
  gboolean accepted = replay (name);

  if (g_str_has_prefix (name, "valid-"))
    g_assert_true (accepted);
  else if (g_str_has_prefix (name, "refused-"))
    g_assert_false (accepted);
}

/* The corpus is worth replaying only if it holds documents of both kinds. */
static void
test_both_kinds (gconstpointer data)
{
  GPtrArray *names = (GPtrArray *) data;
  guint accepted = 0;

  for (guint i = 0; i < names->len; i++)
    if (replay (g_ptr_array_index (names, i)))
      accepted++;

  g_assert_cmpuint (names->len, >=, 10);
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (accepted, <, names->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  path = corpus_dir ();
  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/fuzz/corpus/%s", (char *) g_ptr_array_index (names, i));
      g_test_add_data_func (test, g_ptr_array_index (names, i), test_file);
    }
  g_test_add_data_func ("/fuzz/corpus-has-both-kinds", names, test_both_kinds);

  return g_test_run ();
}
