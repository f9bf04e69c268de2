/* Tests of the wall display under a real Wayland compositor: headless Weston, with its kiosk shell and its desktop shell. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sitroom-application.h"
#include "sitroom-feeder.h"
#include "sitroom-kiosk-window.h"

/*
 * Xvfb without a window manager never resizes a window, so only a
 * compositor can show that the wall display really fills its screen. Two
 * headless Westons run for the whole program:
 *
 * - one with the kiosk shell, the display GTK opens by default (GDK_BACKEND
 *   and WAYLAND_DISPLAY are set before GTK starts): the shell an unattended
 *   screen would run. It makes every window full screen, asked or not, so
 *   it shows the window behaving there (1920×1080, rotating without
 *   leaving full screen) but not that the window asks;
 * - one with the desktop shell, opened as a second display, at another
 *   size: there a window is full screen only if it asks to be, and then at
 *   the size of that output.
 *
 * When a Weston cannot start (no weston, no runtime directory, a container
 * without what it needs), the tests that need it are skipped and say why;
 * once one runs, a window that is not full screen fails.
 */

#define KIOSK_WIDTH 1920
#define KIOSK_HEIGHT 1080
#define DESKTOP_WIDTH 1280
#define DESKTOP_HEIGHT 720
#define START_TIMEOUT_S 10
#define WAIT_TIMEOUT_S 15

typedef struct {
  const char  *shell;
  int          width;
  int          height;
  char        *socket;
  char        *log_path;
  GSubprocess *process;
  gboolean     exited;
  char        *failure;      /* why it is not there, for g_test_skip() */
  GdkDisplay  *display;
} Weston;

static char *runtime_dir;
static Weston kiosk_shell = { "kiosk-shell.so", KIOSK_WIDTH, KIOSK_HEIGHT };
static Weston desktop_shell = { "desktop-shell.so", DESKTOP_WIDTH, DESKTOP_HEIGHT };
static SitroomApplication *app;       /* only as the loader of the demo: never registered */

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @done holds; FALSE after @seconds. */
static gboolean
wait_until (Condition done,
            gpointer  data,
            int       seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Weston                                                             */

static void
weston_exited_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Weston *weston = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  weston->exited = TRUE;
}

static gboolean
weston_ready (gpointer data)
{
  Weston *weston = data;
  g_autofree char *path = g_build_filename (runtime_dir, weston->socket, NULL);

  return weston->exited || g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The end of Weston's log, which says why it stopped. */
static char *
weston_log_tail (Weston *weston)
{
  g_autofree char *log = NULL;
  gsize length = 0;

  if (!g_file_get_contents (weston->log_path, &log, &length, NULL) || length == 0)
    return g_strdup ("(no log)");
  g_strstrip (log);
  return g_strdup (log + (strlen (log) > 600 ? strlen (log) - 600 : 0));
}

/* A test that fails ends at once, with no tear-down: Weston must not
 * outlive it. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts @weston and waits for its socket; on failure leaves the reason in
 * weston->failure. */
static void
weston_start (Weston *weston)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *weston_exe = g_find_program_in_path ("weston");
  g_autofree char *shell = g_strconcat ("--shell=", weston->shell, NULL);
  g_autofree char *socket = NULL;
  g_autofree char *width = g_strdup_printf ("--width=%d", weston->width);
  g_autofree char *height = g_strdup_printf ("--height=%d", weston->height);
  g_autofree char *log = NULL;

  if (weston_exe == NULL)
    {
      weston->failure = g_strdup ("weston is not installed (apt-get install weston)");
      return;
    }
  weston->socket = g_strdup_printf ("sitroom-test-%d-%s", (int) getpid (), weston->shell);
  *strchr (weston->socket, '.') = '\0';
  weston->log_path = g_strdup_printf ("%s/%s.log", runtime_dir, weston->socket);
  socket = g_strconcat ("--socket=", weston->socket, NULL);
  log = g_strconcat ("--log=", weston->log_path, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  /* Weston would otherwise nest in a compositor or X server it finds. */
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  weston->process = g_subprocess_launcher_spawn (launcher, &error, weston_exe,
                                                 "--backend=headless-backend.so", shell, socket,
                                                 width, height, "--no-config", "--idle-time=0", log,
                                                 NULL);
  if (weston->process == NULL)
    {
      weston->failure = g_strdup_printf ("weston did not start: %s", error->message);
      return;
    }
  g_subprocess_wait_async (weston->process, NULL, weston_exited_cb, weston);

  if (!wait_until (weston_ready, weston, START_TIMEOUT_S))
    {
      g_autofree char *tail = weston_log_tail (weston);

      weston->failure = g_strdup_printf ("weston (%s) made no socket in %d s: %s",
                                         weston->shell, START_TIMEOUT_S, tail);
    }
  else if (weston->exited)
    {
      g_autofree char *tail = weston_log_tail (weston);

      weston->failure = g_strdup_printf ("weston (%s) exited at start: %s", weston->shell, tail);
    }
}

static gboolean
weston_gone (gpointer data)
{
  return ((Weston *) data)->exited;
}

static void
weston_stop (Weston *weston)
{
  if (weston->display != NULL)
    {
      gdk_display_close (weston->display);
      g_clear_object (&weston->display);
    }
  if (weston->process != NULL && !weston->exited)
    {
      g_subprocess_send_signal (weston->process, SIGTERM);
      if (!wait_until (weston_gone, weston, START_TIMEOUT_S))
        g_subprocess_force_exit (weston->process);
    }
  g_clear_object (&weston->process);
  g_clear_pointer (&weston->socket, g_free);
  g_clear_pointer (&weston->log_path, g_free);
  g_clear_pointer (&weston->failure, g_free);
}

/* ------------------------------------------------------------------ */
/* The wall display                                                   */

static const char * const rotation[] = { "map", "chains", "curve", "capacity", NULL };
#define N_ROTATION (G_N_ELEMENTS (rotation) - 1)

static gboolean
has_view (gpointer data)
{
  return sitroom_context_get_view (sitroom_application_get_context (app)) != NULL;
}

/* The demo, loaded once through the same worker the application uses. */
static SitroomContext *
demo_context (void)
{
  SitroomContext *context = sitroom_application_get_context (app);

  if (sitroom_context_get_view (context) == NULL)
    {
      sitroom_context_set_lang (context, "en");
      sitroom_application_reload (app);
      g_assert_true (wait_until (has_view, NULL, WAIT_TIMEOUT_S));
    }
  return context;
}

typedef struct {
  GtkWindow *window;
  int        width;
  int        height;
} Fill;

/* Full screen as the compositor says, and as large as its output. */
static gboolean
fills_output (gpointer data)
{
  Fill *fill = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fill->window));

  return surface != NULL &&
         gtk_window_is_fullscreen (fill->window) &&
         gdk_surface_get_width (surface) == fill->width &&
         gdk_surface_get_height (surface) == fill->height;
}

static void
assert_fills_output (GtkWindow *window,
                     Weston    *weston)
{
  Fill fill = { window, weston->width, weston->height };
  GdkSurface *surface;

  if (wait_until (fills_output, &fill, WAIT_TIMEOUT_S))
    return;
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_error ("under %s the wall display is %s at %d×%d instead of full screen at %d×%d",
           weston->shell, gtk_window_is_fullscreen (window) ? "full screen" : "not full screen",
           surface != NULL ? gdk_surface_get_width (surface) : 0,
           surface != NULL ? gdk_surface_get_height (surface) : 0,
           weston->width, weston->height);
}

static SitroomKioskWindow *
kiosk_window_on (Weston *weston)
{
  SitroomKioskWindow *window = sitroom_kiosk_window_new (NULL, demo_context (), rotation, -1);

  g_object_ref_sink (window);
  gtk_window_set_display (GTK_WINDOW (window), weston->display);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (SitroomKioskWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* Under the kiosk shell: the screen an unattended display runs. */
static void
test_kiosk_shell_full_screen (void)
{
  SitroomKioskWindow *window;

  if (kiosk_shell.failure != NULL)
    {
      g_test_skip (kiosk_shell.failure);
      return;
    }

  window = kiosk_window_on (&kiosk_shell);
  assert_fills_output (GTK_WINDOW (window), &kiosk_shell);
  g_assert_true (sitroom_kiosk_window_get_full_screen (window));
  g_assert_cmpstr (sitroom_kiosk_window_get_visible_view (window), ==, "map");
  destroy_window (window);
}

typedef struct {
  SitroomKioskWindow *window;
  GPtrArray          *shown;
} Rotation;

static void
on_visible_view (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  Rotation *rotating = user_data;

  g_ptr_array_add (rotating->shown, g_strdup (sitroom_kiosk_window_get_visible_view (rotating->window)));
}

static gboolean
went_round (gpointer data)
{
  Rotation *rotating = data;

  return rotating->shown->len >= N_ROTATION;
}

/* Each view in turn and back to the first, every view at the size of the
 * screen: a view that wanted more room than the screen has would make the
 * window ask for it. */
static void
test_kiosk_shell_rotates (void)
{
  Rotation rotating = { NULL, NULL };

  if (kiosk_shell.failure != NULL)
    {
      g_test_skip (kiosk_shell.failure);
      return;
    }

  rotating.window = kiosk_window_on (&kiosk_shell);
  rotating.shown = g_ptr_array_new_with_free_func (g_free);
  assert_fills_output (GTK_WINDOW (rotating.window), &kiosk_shell);
  sitroom_kiosk_window_set_rotate (rotating.window, 0);
  g_assert_false (sitroom_kiosk_window_get_rotating (rotating.window));
  g_assert_cmpstr (sitroom_kiosk_window_get_visible_view (rotating.window), ==, "map");

  g_signal_connect (rotating.window, "notify::visible-view", G_CALLBACK (on_visible_view), &rotating);
  sitroom_kiosk_window_set_rotate (rotating.window, 1);
  g_assert_true (sitroom_kiosk_window_get_rotating (rotating.window));
  g_assert_true (wait_until (went_round, &rotating, WAIT_TIMEOUT_S));

  /* From the map: chains, curve, capacity, then the map again. */
  for (guint i = 0; i < N_ROTATION; i++)
    g_assert_cmpstr (g_ptr_array_index (rotating.shown, i), ==, rotation[(i + 1) % N_ROTATION]);
  assert_fills_output (GTK_WINDOW (rotating.window), &kiosk_shell);

  g_signal_handlers_disconnect_by_data (rotating.window, &rotating);
  destroy_window (rotating.window);
  g_ptr_array_unref (rotating.shown);
}

/* Under a shell that leaves windows the size they ask for: full screen only
 * because the window asks, and on an output of another size. */
static void
test_desktop_shell_full_screen (void)
{
  SitroomKioskWindow *window;

  if (desktop_shell.failure != NULL)
    {
      g_test_skip (desktop_shell.failure);
      return;
    }

  window = kiosk_window_on (&desktop_shell);
  assert_fills_output (GTK_WINDOW (window), &desktop_shell);
  destroy_window (window);
}

/* Connects GTK: the kiosk shell's Weston as the default display, the
 * desktop shell's as a second one. */
static void
set_up_displays (void)
{
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);

  weston_start (&kiosk_shell);
  if (kiosk_shell.failure == NULL)
    {
      g_setenv ("GDK_BACKEND", "wayland", TRUE);
      g_setenv ("WAYLAND_DISPLAY", kiosk_shell.socket, TRUE);
      if (!gtk_init_check ())
        kiosk_shell.failure = g_strdup_printf ("GTK could not open Weston's display %s", kiosk_shell.socket);
      else
        kiosk_shell.display = g_object_ref (gdk_display_get_default ());
    }
  if (kiosk_shell.display == NULL)
    {
      desktop_shell.failure = g_strdup (kiosk_shell.failure);
      return;
    }

  weston_start (&desktop_shell);
  if (desktop_shell.failure == NULL)
    {
      desktop_shell.display = gdk_display_open (desktop_shell.socket);
      if (desktop_shell.display != NULL)
        g_object_ref (desktop_shell.display);
      else
        desktop_shell.failure = g_strdup_printf ("GTK could not open Weston's display %s", desktop_shell.socket);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The accessibility bridge wants a session bus, which a test display lacks. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* Weston's sockets in a folder of our own, never the session's. */
  runtime_dir = g_dir_make_tmp ("sitroom-weston-XXXXXX", &error);
  g_assert_no_error (error);
  set_up_displays ();
  if (kiosk_shell.display != NULL)
    {
      adw_init ();
      app = sitroom_application_new ();
    }

  g_test_add_func ("/ui/kiosk-weston/kiosk-shell/full-screen", test_kiosk_shell_full_screen);
  g_test_add_func ("/ui/kiosk-weston/kiosk-shell/rotates", test_kiosk_shell_rotates);
  g_test_add_func ("/ui/kiosk-weston/desktop-shell/full-screen", test_desktop_shell_full_screen);
  status = g_test_run ();

  if (app != NULL)
    {
      sitroom_feeder_stop (sitroom_application_get_feeder (app));
      g_clear_object (&app);
    }
  weston_stop (&desktop_shell);
  weston_stop (&kiosk_shell);
  {
    g_autoptr(GDir) dir = g_dir_open (runtime_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (runtime_dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (runtime_dir);
  g_free (runtime_dir);
  return status;
}
