/* A problem found in a document: an error that refuses it, or a warning kept with it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SITROOM_PROBLEM_ERROR,
  SITROOM_PROBLEM_WARNING,
} SitroomProblemSeverity;

typedef struct {
  SitroomProblemSeverity severity;
  char *path;      /* JSON Pointer, "" for the whole document */
  char *message;   /* translated, for a person */
} SitroomProblem;

#define SITROOM_TYPE_PROBLEM (sitroom_problem_get_type ())

GType           sitroom_problem_get_type (void) G_GNUC_CONST;
SitroomProblem *sitroom_problem_new      (SitroomProblemSeverity  severity,
                                          const char             *path,
                                          const char             *message);
SitroomProblem *sitroom_problem_copy     (const SitroomProblem   *problem);
void            sitroom_problem_free     (SitroomProblem         *problem);

/* "PATH: message", or just the message when the path is the whole document. */
char           *sitroom_problem_to_string (const SitroomProblem  *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomProblem, sitroom_problem_free)

G_END_DECLS
