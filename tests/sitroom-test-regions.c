/* Helpers the tests of the region table and of what is drawn from it share. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-regions.h"

const SitroomRegion *
sitroom_test_builtin_region (const char *code)
{
  const SitroomRegions *regions = sitroom_regions_get_builtin ();
  int index = sitroom_regions_lookup (regions, code);

  g_assert_cmpint (index, >=, 0);
  return sitroom_regions_get (regions, index);
}
