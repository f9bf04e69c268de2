/* Helpers the tests that run sitroom share: a run's status and output, and the temporary folder they write in. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-cli.h"

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <string.h>

void
sitroom_test_run_clear (SitroomTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
sitroom_test_run_sitroomv (SitroomTestRun     *run,
                           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("SITROOM_EXE");
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* The command-line modes must never need a display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* Nor settings: an uninstalled build has no schema where GSettings looks. */
  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
sitroom_test_run_sitroom (SitroomTestRun *run,
                          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  sitroom_test_run_sitroomv (run, (const char * const *) args->pdata);
}

char *
sitroom_test_make_tmpdir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
sitroom_test_remove_tmpdir (char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* g_remove() and not g_unlink(): an empty folder a test left goes too. */
      g_remove (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

guint
sitroom_test_count_hidden_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (name[0] == '.')
      n++;
  return n;
}

int
sitroom_test_export_fails (const char *dir,
                           const char *name,
                           const char *expected,
                           va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *command = NULL;
  g_auto(SitroomTestRun) run = { 0 };
  const char *arg;

  g_ptr_array_add (argv, "--export");
  g_ptr_array_add (argv, path);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  sitroom_test_run_sitroomv (&run, (const char * const *) argv->pdata);
  command = g_strjoinv (" ", (char **) argv->pdata);
  g_test_message ("%s: %d: %s", command, run.status, run.err);
  /* Every failed export exits 1, whatever went wrong: the message says what. */
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "sitroom: "));
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (sitroom_test_count_hidden_files (dir), ==, 0);
  return run.status;
}
