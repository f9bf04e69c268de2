/* Helpers the wall display's benchmarks share: starting the application and its feed, reading /proc, stopping them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A launcher with @flags whose children are sent SIGTERM when the benchmark
 * ends, so that one stopped by its timeout, or killed, takes the programs it
 * started with it. */
GSubprocessLauncher *bench_process_launcher_new  (GSubprocessFlags     flags);

/* The application @exe with @args, then @more (both NULL-terminated), its
 * standard output sent to our standard error (our report is on standard
 * output). Nothing of the user's is read or written: settings in memory (so
 * the window opens at its defaults every time), XDG cache, config and data
 * in @home; the schema beside a build tree's @exe when none is named. */
GSubprocess         *bench_process_start_app     (const char          *exe,
                                                  const char          *home,
                                                  char               **args,
                                                  const char * const  *more,
                                                  GError             **error);

/* Asks @process to end, forces it after a while, and reaps it. */
void                 bench_process_stop          (GSubprocess         *process);

GPid                 bench_process_pid           (GSubprocess         *process);

/* Running: neither gone nor a zombie. */
gboolean             bench_process_alive         (GPid                 pid);

/* The CPU time @pid has used so far, user and system, all threads, in clock
 * ticks, or -1 once it has gone. */
gint64               bench_process_cpu_ticks     (GPid                 pid);

/* Removes @path and everything below it (a scratch home and what the
 * children left in it), following no links. */
void                 bench_process_remove_tree   (const char          *path);

G_END_DECLS
