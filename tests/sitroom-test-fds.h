/* Helpers the network tests share: counting this process's open descriptors. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many descriptors this process has open (from /proc/self/fd). */
guint sitroom_test_count_open_fds (void);

G_END_DECLS
