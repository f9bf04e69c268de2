/* Helpers the tests that run sitroom share: a run's status and output, and the temporary folder they write in. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

/* What one run of sitroom left behind. */
typedef struct {
  int status;     /* its exit status */
  char *out;
  char *err;
} SitroomTestRun;

void  sitroom_test_run_clear    (SitroomTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SitroomTestRun, sitroom_test_run_clear)

/* Runs $SITROOM_EXE with @args (NULL-terminated) as a person would on a
 * server: no display, no settings schema where GSettings would look, in
 * the C.UTF-8 locale. The test fails if sitroom does not exit normally. */
void  sitroom_test_run_sitroomv (SitroomTestRun     *run,
                                 const char * const *args);
/* The same with the arguments given one by one, then NULL. */
void  sitroom_test_run_sitroom  (SitroomTestRun *run,
                                 ...) G_GNUC_NULL_TERMINATED;

/* A new empty folder under the system's temporary one, named after
 * @tmpl (as for g_dir_make_tmp()); the test fails if it cannot be made. */
char *sitroom_test_make_tmpdir  (const char *tmpl);
/* Removes @dir with everything directly inside it, and frees @dir. */
void  sitroom_test_remove_tmpdir (char *dir);

/* Names in @dir that start with a dot: what an export that failed half-way
 * would leave behind. */
guint sitroom_test_count_hidden_files (const char *dir);

/* Runs `sitroom --export DIR/NAME ARGS…`, which must fail: a non-zero
 * status (returned), a message on standard error that begins "sitroom: "
 * and contains @expected, nothing on standard output, and neither the file
 * nor a hidden temporary file left in @dir. @args are the arguments after
 * the file, up to NULL. */
int   sitroom_test_export_fails (const char *dir,
                                 const char *name,
                                 const char *expected,
                                 va_list     args);

G_END_DECLS
