/* The main window: header with the cutoff, the freshness line, the feed's problems, toasts of changes, and the pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_WINDOW (sitroom_window_get_type ())

G_DECLARE_FINAL_TYPE (SitroomWindow, sitroom_window, SITROOM, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests); @context is shared, not copied. */
SitroomWindow  *sitroom_window_new         (GtkApplication *application,
                                            SitroomContext *context);
SitroomContext *sitroom_window_get_context (SitroomWindow  *self);

G_END_DECLS
