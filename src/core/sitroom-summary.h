/* The summary of a view: the JSON of feed-v1.md's "Summary output". */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sitroom-view.h"

G_BEGIN_DECLS

/* The summary object, exactly as the contract describes it, with "forecast"
 * and "full_on" (sitroom-forecast.h, default arrivals) after "quarantine"
 * for every prefecture with a centralized site. The cutoff is written
 * at @offset_seconds (the offset of the --as-of given, or the document's). */
JsonNode *sitroom_summary_build    (SitroomView *view,
                                    int          offset_seconds);
char     *sitroom_summary_to_json  (SitroomView *view,
                                    int          offset_seconds,
                                    gboolean     pretty);

G_END_DECLS
