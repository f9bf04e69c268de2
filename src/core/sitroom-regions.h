/* The regions the application knows without a feed: Shanxi, its prefectures and counties. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-types.h"

G_BEGIN_DECLS

typedef struct _SitroomRegions SitroomRegions;

/* The built-in table, loaded once from the resource
 * /io/github/sitroom/Sitroom/regions/shanxi.json. It is immutable and shared for the
 * life of the process, like the resource it comes from. Aborts if the resource is
 * damaged, which is a build error, not a run-time one. */
const SitroomRegions *sitroom_regions_get_builtin (void);

/* Parses a region table in the format of the feed's "regions" list, wrapped as
 * {"regions": [...]} with optional "source" and "licence" members. */
SitroomRegions       *sitroom_regions_new_from_bytes (GBytes   *bytes,
                                                      GError  **error);
void                  sitroom_regions_free   (SitroomRegions       *regions);

guint                 sitroom_regions_get_n  (const SitroomRegions *regions);
const SitroomRegion  *sitroom_regions_get    (const SitroomRegions *regions,
                                              guint                 index);
/* Index of the region with that code, or -1. */
int                   sitroom_regions_lookup (const SitroomRegions *regions,
                                              const char           *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SitroomRegions, sitroom_regions_free)

G_END_DECLS
