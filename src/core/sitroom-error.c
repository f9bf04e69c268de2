/* The error domain of documents and sources. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sitroom-error.h"

G_DEFINE_QUARK (sitroom-feed-error-quark, sitroom_feed_error)
