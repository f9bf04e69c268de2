/* A problem found in a document, as a boxed type so it travels in GPtrArrays and signals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sitroom-problem.h"

G_DEFINE_BOXED_TYPE (SitroomProblem, sitroom_problem,
                     sitroom_problem_copy, sitroom_problem_free)

SitroomProblem *
sitroom_problem_new (SitroomProblemSeverity  severity,
                     const char             *path,
                     const char             *message)
{
  SitroomProblem *problem;

  g_return_val_if_fail (severity == SITROOM_PROBLEM_ERROR ||
                        severity == SITROOM_PROBLEM_WARNING, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (SitroomProblem, 1);
  problem->severity = severity;
  /* A NULL path is the whole document, which JSON Pointer spells "". */
  problem->path = g_strdup (path != NULL ? path : "");
  problem->message = g_strdup (message);

  return problem;
}

SitroomProblem *
sitroom_problem_copy (const SitroomProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return sitroom_problem_new (problem->severity, problem->path, problem->message);
}

void
sitroom_problem_free (SitroomProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

char *
sitroom_problem_to_string (const SitroomProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->path == NULL || problem->path[0] == '\0')
    return g_strdup (problem->message);

  return g_strdup_printf ("%s: %s", problem->path, problem->message);
}
