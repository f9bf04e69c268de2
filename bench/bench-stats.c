/* Helpers the map benchmarks share: percentiles of timings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-stats.h"

#include <math.h>
#include <stdlib.h>

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_percentile (const double *values,
                  guint         n,
                  double        p)
{
  g_autofree double *sorted = NULL;
  int i;

  g_return_val_if_fail (values != NULL, NAN);
  g_return_val_if_fail (n > 0, NAN);

  /* A copy: the callers keep their timings in the order they were taken. */
  sorted = g_memdup2 (values, n * sizeof *values);
  qsort (sorted, n, sizeof *sorted, compare_double);
  i = (int) ceil (p * n) - 1;
  return sorted[CLAMP (i, 0, (int) n - 1)];
}
