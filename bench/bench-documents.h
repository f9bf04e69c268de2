/* Helpers the feed benchmarks share: new versions of a document. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @document with its as_of moved @minutes later: a new, valid version (nothing
 * in it can be later than an as_of that only moves forward). */
GBytes *bench_shift_as_of (GBytes  *document,
                           int      minutes,
                           GError **error);

G_END_DECLS
