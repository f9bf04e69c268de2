/* A document's story as successive documents, for sitroom-feed --replay and the live demo. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  gint64  at;      /* the step's as_of, Unix seconds */
  GBytes *bytes;   /* a complete, valid situation document */
} SitroomReplayStep;

void sitroom_replay_step_free (SitroomReplayStep *step);

/* Splits @document into steps, one per distinct time at which a case was
 * reported or a chain event happened, in time order, and a last step that is
 * @document itself. Each step holds only what had been reported by its time:
 * cases reported then, events that had happened, sites updated by then (all
 * sites without an update time), the cohorts of those sites that had
 * entered by then, measures in force or announced by then,
 * chains first reported by then or with a case or event in the step. Every
 * step is checked with the core validator; returns NULL with the error of the
 * first that fails (or of @document itself). A GPtrArray of SitroomReplayStep. */
GPtrArray *sitroom_feed_replay_build_steps (GBytes  *document,
                                            GError **error);

G_END_DECLS
