/* The application: its actions, its one context, and loading documents into it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_APPLICATION (sitroom_application_get_type ())

G_DECLARE_FINAL_TYPE (SitroomApplication, sitroom_application, SITROOM, APPLICATION, AdwApplication)

SitroomApplication *sitroom_application_new (void);

/* What the first window shows: @source NULL is the built-in demo, @cutoff
 * SITROOM_TIME_NONE follows the document's as_of. Without this call the
 * "feed" setting chooses the source. Call before g_application_run(), e.g. in
 * handle-local-options. */
void                sitroom_application_set_initial_source (SitroomApplication *self,
                                                            const char         *source,
                                                            gint64              cutoff);

SitroomContext     *sitroom_application_get_context (SitroomApplication *self);

/* Reads the context's source again in a worker; a refused document leaves the
 * last good one in place and sets the context's load error. */
void                sitroom_application_reload      (SitroomApplication *self);

G_END_DECLS
