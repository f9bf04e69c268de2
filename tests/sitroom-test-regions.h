/* Helpers the tests of the region table and of what is drawn from it share. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-regions.h"

G_BEGIN_DECLS

/* The built-in region with @code; the test fails if there is none. */
const SitroomRegion *sitroom_test_builtin_region (const char *code);

G_END_DECLS
