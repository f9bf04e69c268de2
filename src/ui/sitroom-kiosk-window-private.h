/* The wall display's insides: its state, shared by its files, and what each file does for the others. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-application.h"
#include "sitroom-kiosk-window.h"

G_BEGIN_DECLS

/* Seconds per view at most: a day. */
#define KIOSK_ROTATE_MAX 86400

struct _SitroomKioskWindow
{
  AdwApplicationWindow parent_instance;

  SitroomContext *context;
  GStrv views;
  guint rotate;
  guint rotation_index;         /* in views, of the view the rotation showed last */
  guint rotate_timeout;         /* only while rotating */
  guint hold_timeout;           /* the end of a pause by Ctrl+1…6 */
  AdwAnimation *scroll_animation; /* a long page scrolling on, or NULL */
  gboolean paused;
  int monitor;
  gboolean full_screen;
  gboolean constructed;
  char *pinned_region;
  char *pinned_chain;

  SitroomKioskClockFunc clock_func;
  gpointer clock_data;
  guint clock_timeout;

  guint cursor_timeout;
  gint64 last_motion;
  double pointer_x;
  double pointer_y;
  gboolean cursor_hidden;

  guint inhibit_cookie;
  gboolean holds_dark;
  AdwMessageDialog *leave_dialog;   /* weak */

  GtkLabel *view_label;
  GtkLabel *paused_label;
  GtkLabel *cutoff_label;
  GtkLabel *clock_label;
  SitroomKioskBand *band;
  GtkWidget *pointer_shield;
  GtkStack *state_stack;
  GtkStack *page_stack;
};

/* The properties, installed by sitroom-kiosk-window.c and notified by
 * whichever file changes what they say. */
enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_VIEWS,
  PROP_ROTATE,
  PROP_PAUSED,
  PROP_VISIBLE_VIEW,
  PROP_MONITOR,
  PROP_PINNED_REGION,
  PROP_PINNED_CHAIN,
  N_PROPS
};

extern GParamSpec *_sitroom_kiosk_window_properties[N_PROPS];

/* sitroom-kiosk-window.c */
/* The window's application, or the process's for a window made without
 * one (the tests); NULL when there is none. */
SitroomApplication *_sitroom_kiosk_window_get_application (SitroomKioskWindow *self);

/* sitroom-kiosk-views.c: the views, the pages and the rotation. */
void                _sitroom_kiosk_window_class_init_views (GtkWidgetClass     *widget_class);
void                _sitroom_kiosk_window_init_views    (SitroomKioskWindow *self);
/* What a page takes from the application, again when it has one. */
void                _sitroom_kiosk_window_connect_page  (SitroomKioskWindow *self,
                                                         GtkWidget          *page);
/* Shows the view @name (known), making its page the first time. */
void                _sitroom_kiosk_window_show_view     (SitroomKioskWindow *self,
                                                         const char         *name);
/* Starts or stops the timer by rotate, the views and the pause. */
void                _sitroom_kiosk_window_update_rotation (SitroomKioskWindow *self);

/* sitroom-kiosk-window-input.c: full screen, Escape, the pointer. */
void                _sitroom_kiosk_window_class_init_input (GtkWidgetClass     *widget_class);
void                _sitroom_kiosk_window_init_input    (SitroomKioskWindow *self);
/* Fills the monitor again when monitors come and go. */
void                _sitroom_kiosk_window_follow_monitors (SitroomKioskWindow *self);
void                _sitroom_kiosk_window_go_full_screen (SitroomKioskWindow *self);
/* The pointer is hidden CURSOR_IDLE_MS from now unless it moves. */
void                _sitroom_kiosk_window_wait_to_hide_cursor (SitroomKioskWindow *self);
/* Timers and the dialog go with the window. */
void                _sitroom_kiosk_window_dispose_input (SitroomKioskWindow *self);

G_END_DECLS
