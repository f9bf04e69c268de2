/* Helpers the network tests share: counting this process's open descriptors. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sitroom-test-fds.h"

guint
sitroom_test_count_open_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}
