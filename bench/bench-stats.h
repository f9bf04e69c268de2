/* Helpers the map benchmarks share: percentiles of timings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The @p quantile (0 < @p ≤ 1) of @n values, by nearest rank: the smallest
 * value that at least @p · @n of them are at or below. @values is left
 * in its order. */
double bench_percentile (const double *values,
                         guint         n,
                         double        p);

G_END_DECLS
