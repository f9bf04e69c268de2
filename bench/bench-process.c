/* Helpers the wall display's benchmarks share: starting the application and its feed, reading /proc, stopping them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-process.h"

#define STOP_TIMEOUT_S 10

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

GSubprocessLauncher *
bench_process_launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

/* The schema beside a build tree's program, when none is named: running
 * the benchmark on a build needs nothing installed. */
static void
set_schema_dir (GSubprocessLauncher *launcher,
                const char          *exe)
{
  g_autofree char *src = NULL;
  g_autofree char *data = NULL;
  g_autofree char *compiled = NULL;

  g_assert (exe != NULL);

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    return;
  src = g_path_get_dirname (exe);
  data = g_build_filename (src, "..", "data", NULL);
  compiled = g_build_filename (data, "gschemas.compiled", NULL);
  if (g_file_test (compiled, G_FILE_TEST_EXISTS))
    g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", data, TRUE);
}

GSubprocess *
bench_process_start_app (const char          *exe,
                         const char          *home,
                         char               **args,
                         const char * const  *more,
                         GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *cache = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (exe != NULL, NULL);
  g_return_val_if_fail (home != NULL, NULL);
  g_return_val_if_fail (args != NULL, NULL);
  g_return_val_if_fail (more != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cache = g_build_filename (home, "cache", NULL);
  config = g_build_filename (home, "config", NULL);
  data = g_build_filename (home, "data", NULL);
  launcher = bench_process_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  set_schema_dir (launcher, exe);
  g_subprocess_launcher_take_stdout_fd (launcher, dup (STDERR_FILENO));

  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, args[i]);
  for (guint i = 0; more[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) more[i]);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

GPid
bench_process_pid (GSubprocess *process)
{
  g_return_val_if_fail (G_IS_SUBPROCESS (process), 0);

  return (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
}

/* The fields of /proc/PID/stat after the command name, from the state on,
 * or NULL once the process has gone or is a zombie. */
static char **
stat_fields (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *after;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return NULL;
  /* The command name is in parentheses and may hold spaces. */
  after = strrchr (stat, ')');
  if (after == NULL || after[1] != ' ' || after[2] == 'Z' || after[2] == 'X')
    return NULL;
  return g_strsplit (after + 2, " ", 0);
}

gboolean
bench_process_alive (GPid pid)
{
  g_auto(GStrv) fields = stat_fields (pid);

  return fields != NULL;
}

gint64
bench_process_cpu_ticks (GPid pid)
{
  g_auto(GStrv) fields = stat_fields (pid);

  /* State, then fields 4 to 13; utime and stime are fields 14 and 15. */
  if (fields == NULL || g_strv_length (fields) < 13)
    return -1;
  return g_ascii_strtoll (fields[11], NULL, 10) + g_ascii_strtoll (fields[12], NULL, 10);
}

void
bench_process_stop (GSubprocess *process)
{
  gint64 end = g_get_monotonic_time () + STOP_TIMEOUT_S * G_USEC_PER_SEC;
  GPid pid;

  g_return_if_fail (G_IS_SUBPROCESS (process));

  pid = bench_process_pid (process);
  g_subprocess_send_signal (process, SIGTERM);
  while (bench_process_alive (pid) && g_get_monotonic_time () < end)
    g_usleep (G_USEC_PER_SEC / 20);
  if (bench_process_alive (pid))
    g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
}

void
bench_process_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_if_fail (path != NULL);

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bench_process_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
