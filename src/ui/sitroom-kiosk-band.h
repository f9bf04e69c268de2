/* The wall display's freshness band: how old the figures are once they are stale or the feed is failing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sitroom-context.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_KIOSK_BAND (sitroom_kiosk_band_get_type ())

G_DECLARE_FINAL_TYPE (SitroomKioskBand, sitroom_kiosk_band, SITROOM, KIOSK_BAND, GtkWidget)

GtkWidget      *sitroom_kiosk_band_new             (SitroomContext   *context);

/* The context whose loaded-at, load-error, next-retry and stored the band
 * follows. */
SitroomContext *sitroom_kiosk_band_get_context     (SitroomKioskBand *self);
void            sitroom_kiosk_band_set_context     (SitroomKioskBand *self,
                                                    SitroomContext   *context);

/* Minutes after loaded-at at which the figures count as stale (the
 * "stale-after" setting; default 10). */
guint           sitroom_kiosk_band_get_stale_after (SitroomKioskBand *self);
void            sitroom_kiosk_band_set_stale_after (SitroomKioskBand *self,
                                                    guint             minutes);

/* Whether the band is shown (property "shown"): the figures are stale or
 * the feed is failing. It turns on by itself when the data turns stale (one
 * timeout, planned for that moment) and with the context's changes. */
gboolean        sitroom_kiosk_band_get_shown       (SitroomKioskBand *self);
/* What the band says in large type, "Data 14 minutes old — the feed has
 * been failing since 13:02"; "" while it is not shown. */
const char     *sitroom_kiosk_band_get_text        (SitroomKioskBand *self);

/* Says the age again: the window calls this on its minute tick, so the band
 * needs no timer of its own for it. */
void            sitroom_kiosk_band_update          (SitroomKioskBand *self);

G_END_DECLS
