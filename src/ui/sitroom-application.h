/* The application: its actions, its one context, and loading documents into it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sitroom-boundaries.h"
#include "sitroom-context.h"
#include "sitroom-feeder.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_APPLICATION (sitroom_application_get_type ())

G_DECLARE_FINAL_TYPE (SitroomApplication, sitroom_application, SITROOM, APPLICATION, AdwApplication)

SitroomApplication *sitroom_application_new (void);

/* What the first window shows: @source (a path, a file:// URL or an http(s)
 * feed's base URL) NULL is the built-in demo, @cutoff SITROOM_TIME_NONE follows
 * the document's as_of. Without this call the "feed" setting chooses the
 * source. Call before g_application_run(), e.g. in handle-local-options. */
void                sitroom_application_set_initial_source (SitroomApplication *self,
                                                            const char         *source,
                                                            gint64              cutoff);

/* How to reach an http(s) feed: the bearer token (NULL: none), and whether
 * plain http to another machine is allowed (the "allow-insecure" setting
 * allows it too). Call before the first window opens. */
void                sitroom_application_set_feed_options (SitroomApplication *self,
                                                          const char         *token,
                                                          gboolean            allow_insecure);

/* Outlines to draw from @path (a GeoJSON file, see sitroom-boundaries.h)
 * instead of the "boundaries-file" setting (--boundaries). Call before the
 * first window opens. */
void                sitroom_application_set_boundaries_file (SitroomApplication *self,
                                                             const char         *path);
/* The outlines the map draws: the --boundaries file, else the
 * "boundaries-file" setting's, else the built-in ones. A file that cannot be
 * read leaves the previous outlines (at first the built-in ones) in place
 * and sets the error, a message a person can act on; the next good file
 * clears it. Properties "boundaries" and "boundaries-error" are notified
 * when they change (the setting is watched). */
SitroomBoundaries  *sitroom_application_get_boundaries       (SitroomApplication *self);
const char         *sitroom_application_get_boundaries_error (SitroomApplication *self);
/* The application's settings (opened on first use). */
GSettings          *sitroom_application_get_settings         (SitroomApplication *self);

/* Wall display for this run (--kiosk and its options), whatever the
 * "kiosk" setting says; each option not given follows its setting
 * ("kiosk-rotate", "kiosk-views", "kiosk-monitor", "kiosk-fixed-views"),
 * the first three as they change. @views are known view names
 * (sitroom_kiosk_view_is_known()), @fixed_views "MONITOR:VIEW" entries
 * that sitroom_kiosk_parse_fixed_view() accepts. Call before the first
 * window opens. */
void                sitroom_application_set_kiosk             (SitroomApplication *self,
                                                               gboolean            kiosk);
void                sitroom_application_set_kiosk_rotate      (SitroomApplication *self,
                                                               guint               seconds);
void                sitroom_application_set_kiosk_views       (SitroomApplication *self,
                                                               const char * const *views);
void                sitroom_application_set_kiosk_monitor     (SitroomApplication *self,
                                                               int                 monitor);
void                sitroom_application_set_kiosk_fixed_views (SitroomApplication *self,
                                                               const char * const *fixed_views);

SitroomContext     *sitroom_application_get_context (SitroomApplication *self);
SitroomFeeder      *sitroom_application_get_feeder  (SitroomApplication *self);

/* Starts feeding the context from its source, or, when that source already
 * runs, reads the file again or asks the feed at once. A refused document
 * leaves the last good one in place and sets the context's load error. */
void                sitroom_application_reload      (SitroomApplication *self);

G_END_DECLS
