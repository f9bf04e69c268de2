/* The wall display: full screen, large type, a clock and the cutoff, the views in rotation, and the freshness band. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sitroom-context.h"
#include "sitroom-kiosk-band.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_KIOSK_WINDOW (sitroom_kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (SitroomKioskWindow, sitroom_kiosk_window, SITROOM, KIOSK_WINDOW, AdwApplicationWindow)

/* The views a wall display can show, in the order of Ctrl+1…6: overview,
 * map, chains, curve, capacity, measures. */
gboolean            sitroom_kiosk_view_is_known        (const char          *name);

/* Reading the command line (messages in G_OPTION_ERROR, for a person):
 * "map,chains" into the views it names; "30" into seconds per view (0 to
 * 86400, as the setting); "1" into a monitor number (0 to 63); "1:chains"
 * into a monitor and the one view its window shows. */
gboolean            sitroom_kiosk_parse_views          (const char          *list,
                                                        GStrv               *views,
                                                        GError             **error);
gboolean            sitroom_kiosk_parse_rotate         (const char          *text,
                                                        guint               *seconds,
                                                        GError             **error);
gboolean            sitroom_kiosk_parse_monitor        (const char          *text,
                                                        int                 *monitor,
                                                        GError             **error);
gboolean            sitroom_kiosk_parse_fixed_view     (const char          *entry,
                                                        int                 *monitor,
                                                        char               **view,
                                                        GError             **error);

/* A window full screen on @monitor (-1: where the window system puts it)
 * showing @views (known names, at least one) in turn. @application may be
 * NULL (tests); @context is shared, not copied. */
SitroomKioskWindow *sitroom_kiosk_window_new           (GtkApplication      *application,
                                                        SitroomContext      *context,
                                                        const char * const  *views,
                                                        int                  monitor);

SitroomContext     *sitroom_kiosk_window_get_context   (SitroomKioskWindow  *self);

/* The views in rotation (property "views"). Unknown names are left out
 * with a warning; a list with no known name keeps the previous one. */
const char * const *sitroom_kiosk_window_get_views     (SitroomKioskWindow  *self);
void                sitroom_kiosk_window_set_views     (SitroomKioskWindow  *self,
                                                        const char * const  *views);

/* Seconds per view; 0 keeps the view shown (property "rotate"). */
guint               sitroom_kiosk_window_get_rotate    (SitroomKioskWindow  *self);
void                sitroom_kiosk_window_set_rotate    (SitroomKioskWindow  *self,
                                                        guint                seconds);

/* Rotation held (property "paused"): Space toggles it; Ctrl+1…6 hold it
 * for a few minutes, after which it goes on by itself. */
gboolean            sitroom_kiosk_window_get_paused    (SitroomKioskWindow  *self);
void                sitroom_kiosk_window_set_paused    (SitroomKioskWindow  *self,
                                                        gboolean             paused);
/* Whether a rotation timer is running: rotate > 0, more than one view, not
 * paused. */
gboolean            sitroom_kiosk_window_get_rotating  (SitroomKioskWindow  *self);

/* The name of the view on screen (property "visible-view"); setting it
 * shows any known view, whether or not it is in rotation. */
const char         *sitroom_kiosk_window_get_visible_view (SitroomKioskWindow *self);
void                sitroom_kiosk_window_set_visible_view (SitroomKioskWindow *self,
                                                           const char         *name);

/* The monitor to fill (property "monitor"), -1 for the window system's
 * choice; a monitor that is not (yet) connected is filled when it appears. */
int                 sitroom_kiosk_window_get_monitor   (SitroomKioskWindow  *self);
void                sitroom_kiosk_window_set_monitor   (SitroomKioskWindow  *self,
                                                        int                  monitor);

/* Whether the window asks to be full screen: from the start, until someone
 * confirms leaving it (Escape), and again after F11. */
gboolean            sitroom_kiosk_window_get_full_screen (SitroomKioskWindow *self);

/* The prefecture (six-digit code) and the chain (id) kept selected on
 * every view, "" for none (properties "pinned-region", "pinned-chain"). */
const char         *sitroom_kiosk_window_get_pinned_region (SitroomKioskWindow *self);
void                sitroom_kiosk_window_set_pinned_region (SitroomKioskWindow *self,
                                                            const char         *code);
const char         *sitroom_kiosk_window_get_pinned_chain  (SitroomKioskWindow *self);
void                sitroom_kiosk_window_set_pinned_chain  (SitroomKioskWindow *self,
                                                            const char         *id);

SitroomKioskBand   *sitroom_kiosk_window_get_band      (SitroomKioskWindow  *self);

/* Whether the pointer is hidden: 3 s after it last moved. */
gboolean            sitroom_kiosk_window_get_cursor_hidden (SitroomKioskWindow *self);

/* The time the clock shows; NULL (the default) is the local time now. */
typedef GDateTime *(*SitroomKioskClockFunc) (gpointer user_data);
void                sitroom_kiosk_window_set_clock_func (SitroomKioskWindow   *self,
                                                         SitroomKioskClockFunc func,
                                                         gpointer              user_data);
/* What the minute tick does, at once: the clock and the band's age brought
 * up to date, and the next tick planned at the coming minute. Returns the
 * seconds until that tick. */
guint               sitroom_kiosk_window_tick          (SitroomKioskWindow  *self);

G_END_DECLS
