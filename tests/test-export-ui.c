/* Tests of exporting and printing from the window: file names, each format written through the dialog in a worker, errors shown, the print operation's pages, the actions, and the curve's PNG against the widget. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sitroom-application.h"
#include "sitroom-briefing-view.h"
#include "sitroom-curve-plot.h"
#include "sitroom-curve-render-private.h"
#include "sitroom-export-dialog.h"
#include "sitroom-export-private.h"
#include "sitroom-test-widgets.h"
#include "sitroom-window.h"

typedef struct {
  SitroomApplication *app;      /* only as the loader and the default application */
  SitroomContext *context;
  SitroomWindow *window;
  SitroomPrintInput *input;
  char *folder;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

/* Runs the main loop until @done holds, failing after twenty seconds;
 * returns how many times the loop ran meanwhile. */
static guint
wait_for (Fixture       *fixture,
          Condition      done,
          gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint iterations = 0;

  while (!done (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      iterations++;
    }
  return iterations;
}

static gboolean
has_view (Fixture *fixture, gconstpointer data)
{
  return sitroom_context_get_view (fixture->context) != NULL;
}

/* A second of the main loop: the window's first frames drawn. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->app = sitroom_application_new ();
  fixture->context = g_object_ref (sitroom_application_get_context (fixture->app));
  sitroom_context_set_lang (fixture->context, "en");
  fixture->window = g_object_ref_sink (sitroom_window_new (NULL, fixture->context));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  sitroom_application_reload (fixture->app);
  wait_for (fixture, has_view, NULL);
  fixture->input = sitroom_print_input_new (fixture->context, fixture->app);
  fixture->folder = g_dir_make_tmp ("sitroom-export-ui-XXXXXX", NULL);
  g_assert_nonnull (fixture->folder);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL;)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
  sitroom_print_input_unref (fixture->input);
  sitroom_feeder_stop (sitroom_application_get_feeder (fixture->app));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->app);
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* "Saved NAME", the toast of a file saved, in the window. */
static gboolean
toast_shown (Fixture       *fixture,
             gconstpointer  name)
{
  g_autofree char *text = g_strdup_printf ("Saved %s", (const char *) name);

  return sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_label_with, text) != NULL;
}

static gboolean
is_toplevel (gconstpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (item == window)
        return TRUE;
    }
  return FALSE;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return GTK_WINDOW (item);
    }
  return NULL;
}

static AdwMessageDialog *
find_error_dialog (void)
{
  return (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
error_shown (Fixture *fixture, gconstpointer data)
{
  return find_error_dialog () != NULL;
}

/* The window's export dialog, as Export… opens it on the page shown. */
static SitroomExportDialog *
open_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", "s", ""));
  dialog = find_toplevel (SITROOM_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  return g_object_ref (SITROOM_EXPORT_DIALOG (dialog));
}

static void
test_default_names (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct {
    SitroomExportWhat what;
    SitroomExportFormat format;
    const char *name;
  } cases[] = {
    { SITROOM_EXPORT_WHAT_PACK, SITROOM_EXPORT_PNG, "briefing-2022-08-20T1300.pdf" },
    { SITROOM_EXPORT_WHAT_MAP, SITROOM_EXPORT_PNG, "briefing-2022-08-20T1300-map.png" },
    { SITROOM_EXPORT_WHAT_MAP, SITROOM_EXPORT_SVG, "briefing-2022-08-20T1300-map.svg" },
    { SITROOM_EXPORT_WHAT_CHAINS, SITROOM_EXPORT_PNG, "briefing-2022-08-20T1300-chains.png" },
    { SITROOM_EXPORT_WHAT_CURVE, SITROOM_EXPORT_SVG, "briefing-2022-08-20T1300-curve.svg" },
    { SITROOM_EXPORT_WHAT_CAPACITY, SITROOM_EXPORT_PNG, "briefing-2022-08-20T1300-capacity.png" },
    { SITROOM_EXPORT_WHAT_TABLES, SITROOM_EXPORT_SVG, "briefing-2022-08-20T1300.csv" },
  };
  gint64 cutoff = sitroom_view_get_cutoff (fixture->input->view);

  /* The demo's latest figures are those of 13:00 on 20 August (CST). */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = sitroom_export_dialog_default_name (cutoff, cases[i].what, cases[i].format);

      g_assert_cmpstr (name, ==, cases[i].name);
    }

  /* The dialog opens on the page shown and names what it shows. */
  {
    g_autoptr(SitroomExportDialog) dialog = NULL;
    SitroomExportChoice choice;
    g_autofree char *curve = NULL;
    g_autofree char *svg = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "curve"));
    dialog = open_dialog (fixture);
    curve = sitroom_export_dialog_get_default_name (dialog);
    g_assert_cmpstr (curve, ==, "briefing-2022-08-20T1300-curve.png");
    sitroom_export_dialog_get_choice (dialog, &choice);
    g_assert_cmpint (choice.what, ==, SITROOM_EXPORT_WHAT_CURVE);
    g_assert_cmpstr (choice.lang, ==, "en");
    g_assert_cmpint (choice.width, ==, 1920);
    g_assert_cmpint (choice.height, ==, 1080);
    choice.format = SITROOM_EXPORT_SVG;
    sitroom_export_dialog_set_choice (dialog, &choice);
    svg = sitroom_export_dialog_get_default_name (dialog);
    g_assert_cmpstr (svg, ==, "briefing-2022-08-20T1300-curve.svg");
    /* What the dialog shows under its rows. */
    g_assert_nonnull (sitroom_test_find_widget (GTK_WIDGET (dialog), is_label_with, svg));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

typedef struct {
  gint64 returned;              /* µs that save() took to return */
  gint64 total;                 /* µs until the file was there */
  guint iterations;             /* main loop iterations meanwhile */
} Timing;

/* Written under another name and renamed at the end: there is a file
 * only once it is whole. */
static gboolean
file_exists (Fixture *fixture, gconstpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
dialog_gone (Fixture *fixture, gconstpointer dialog)
{
  return !is_toplevel (dialog);
}

/* Saves @choice through the window's dialog, as the file chooser's answer
 * does, to FOLDER/@name. With @timing, waits for the file to be there. */
static char *
save (Fixture                   *fixture,
      const SitroomExportChoice *choice,
      const char                *name,
      Timing                    *timing)
{
  g_autoptr(SitroomExportDialog) dialog = open_dialog (fixture);
  char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 start;

  sitroom_export_dialog_set_choice (dialog, choice);
  start = g_get_monotonic_time ();
  sitroom_export_dialog_save (dialog, file);
  if (timing != NULL)
    {
      timing->returned = g_get_monotonic_time () - start;
      timing->iterations = wait_for (fixture, file_exists, path);
      timing->total = g_get_monotonic_time () - start;
    }
  /* The window is usable again at once. */
  g_assert_true (dialog_gone (fixture, dialog));
  return path;
}

/* Saves and waits for the file. */
static char *
save_file (Fixture                   *fixture,
           const SitroomExportChoice *choice,
           const char                *name)
{
  Timing timing;

  return save (fixture, choice, name, &timing);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Width and height from a PNG's header, after checking its signature. */
static void
png_size (const char *path,
          guint      *width,
          guint      *height)
{
  g_autoptr(GBytes) bytes = read_file (path);
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = GUINT32_FROM_BE (*(guint32 *) (data + 16));
  *height = GUINT32_FROM_BE (*(guint32 *) (data + 20));
}

static SitroomExportChoice
choice_of (SitroomExportWhat   what,
           SitroomExportFormat format,
           int                 width,
           int                 height,
           gboolean            hidpi)
{
  return (SitroomExportChoice) { what, format, width, height, hidpi, "en" };
}

static void
test_save_png (Fixture       *fixture,
               gconstpointer  data)
{
  const SitroomExportWhat views[] = {
    SITROOM_EXPORT_WHAT_MAP, SITROOM_EXPORT_WHAT_CHAINS, SITROOM_EXPORT_WHAT_CURVE, SITROOM_EXPORT_WHAT_CAPACITY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      SitroomExportChoice choice = choice_of (views[i], SITROOM_EXPORT_PNG, 800, 500, FALSE);
      g_autofree char *name = g_strdup_printf ("view-%u.png", i);
      g_autofree char *name2 = g_strdup_printf ("view-%u@2x.png", i);
      g_autofree char *path = save_file (fixture, &choice, name);
      g_autofree char *path2 = NULL;
      guint width, height;

      if (i == 0)
        wait_for (fixture, toast_shown, name);
      png_size (path, &width, &height);
      g_assert_cmpuint (width, ==, 800);
      g_assert_cmpuint (height, ==, 500);

      /* ×2: the same picture with twice the pixels each way. */
      choice.hidpi = TRUE;
      path2 = save_file (fixture, &choice, name2);
      png_size (path2, &width, &height);
      g_assert_cmpuint (width, ==, 1600);
      g_assert_cmpuint (height, ==, 1000);
    }
}

static void
xml_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  if (*(const char **) data == NULL)
    *(const char **) data = g_intern_string (element);
}

static void
test_save_svg (Fixture       *fixture,
               gconstpointer  data)
{
  const SitroomExportWhat views[] = {
    SITROOM_EXPORT_WHAT_MAP, SITROOM_EXPORT_WHAT_CHAINS, SITROOM_EXPORT_WHAT_CURVE, SITROOM_EXPORT_WHAT_CAPACITY,
  };
  const GMarkupParser parser = { xml_start, NULL, NULL, NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      /* ×2 means nothing to a drawing: the size asked for is kept. */
      SitroomExportChoice choice = choice_of (views[i], SITROOM_EXPORT_SVG, 900, 600, TRUE);
      g_autofree char *name = g_strdup_printf ("view-%u.svg", i);
      g_autofree char *path = save_file (fixture, &choice, name);
      g_autoptr(GBytes) bytes = read_file (path);
      const char *root = NULL;
      g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &root, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_markup_parse_context_parse (context, g_bytes_get_data (bytes, NULL),
                                                   g_bytes_get_size (bytes), &error));
      g_assert_true (g_markup_parse_context_end_parse (context, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (root, ==, "svg");
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "width=\"900"));
    }
}

/* Page objects, not the page tree ("/Type /Pages"). */
static guint
count_pdf_pages (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  guint pages = 0;

  /* Byte by byte: the streams hold NULs, where string searches stop. */
  for (const char *at = data; at + 11 <= end; at++)
    if (memcmp (at, "/Type /Page", 11) == 0 && (at + 11 == end || at[11] != 's'))
      pages++;
  return pages;
}

static guint
pack_pages (Fixture    *fixture,
            const char *lang)
{
  g_autoptr(SitroomPack) pack = sitroom_print_input_new_pack (fixture->input, lang);

  return sitroom_pack_get_n_pages (pack);
}

static void
test_save_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  SitroomExportChoice choice = choice_of (SITROOM_EXPORT_WHAT_PACK, SITROOM_EXPORT_PNG, 1920, 1080, FALSE);
  Timing timing;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint pages;

  choice.lang = "zh";
  settle ();
  path = save (fixture, &choice, "briefing.pdf", &timing);
  wait_for (fixture, toast_shown, "briefing.pdf");
  bytes = read_file (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  pages = count_pdf_pages (bytes);
  g_assert_cmpuint (pages, >=, 4);
  g_assert_cmpuint (pages, ==, pack_pages (fixture, "zh"));

  /* The pack is laid out and written in a worker: save() returns at once
   * and the main loop keeps running until the file is there. */
  g_test_message ("save() returned after %" G_GINT64_FORMAT " µs; written after %" G_GINT64_FORMAT
                  " µs and %u main loop iterations", timing.returned, timing.total, timing.iterations);
  g_assert_cmpint (timing.returned * 4, <, timing.total);
  g_assert_cmpuint (timing.iterations, >=, 5);
}

static void
test_save_csv (Fixture       *fixture,
               gconstpointer  data)
{
  SitroomExportChoice choice = choice_of (SITROOM_EXPORT_WHAT_TABLES, SITROOM_EXPORT_PNG, 1920, 1080, FALSE);
  g_autofree char *path = save_file (fixture, &choice, "tables.csv");
  g_autoptr(GBytes) bytes = read_file (path);
  const char *text = g_bytes_get_data (bytes, NULL);

  wait_for (fixture, toast_shown, "tables.csv");
  g_assert_cmpmem (text, 3, "\xef\xbb\xbf", 3);
  g_assert_true (g_str_has_prefix (text + 3, "prefectures,"));
  g_assert_nonnull (g_strstr_len (text, g_bytes_get_size (bytes), "晋城市"));
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_save_unwritable (Fixture       *fixture,
                      gconstpointer  data)
{
  SitroomExportChoice pdf = choice_of (SITROOM_EXPORT_WHAT_PACK, SITROOM_EXPORT_PNG, 1920, 1080, FALSE);
  SitroomExportChoice png = choice_of (SITROOM_EXPORT_WHAT_MAP, SITROOM_EXPORT_PNG, 640, 480, FALSE);
  const SitroomExportChoice *choices[] = { &pdf, &png };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *missing = NULL;
      g_autofree char *taken = NULL;
      g_autofree char *folder = g_build_filename (fixture->folder, "taken", NULL);
      AdwMessageDialog *shown;

      /* A folder that does not exist. */
      missing = save (fixture, choices[i], "no-such-folder/out.file", NULL);
      wait_for (fixture, error_shown, NULL);
      shown = find_error_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_heading (shown), ==, "Could Not Export");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (shown), "no-such-folder"));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      gtk_window_destroy (GTK_WINDOW (shown));

      /* A name already taken by a folder: the file is written beside it
       * under another name, then cannot replace it; nothing is left. */
      g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
      taken = save (fixture, choices[i], "taken", NULL);
      wait_for (fixture, error_shown, NULL);
      shown = find_error_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_body (shown), !=, "");
      g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (count_files (fixture->folder), ==, 1);
      gtk_window_destroy (GTK_WINDOW (shown));
      g_rmdir (folder);
    }
}

static void
begin_print_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                GtkPrintContext   **slot)
{
  g_set_object (slot, context);
}

/* The share of an RGB24 surface's pixels that are not white. */
static double
ink (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint64 inked = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if ((*(const guint32 *) (data + y * stride + 4 * x) & 0xffffff) != 0xffffff)
        inked++;
  return (double) inked / ((double) width * height);
}

static void
test_print_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  SitroomPack *pack = sitroom_print_input_new_pack (fixture->input, "en");
  guint n_pages = sitroom_pack_get_n_pages (pack);
  g_autoptr(GtkPrintOperation) operation = sitroom_print_operation_new (pack, "briefing-2022-08-20T1300", NULL);
  g_autoptr(GtkPrintContext) context = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "printed.pdf", NULL);
  g_autofree char *export_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) printed = NULL;
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (operation);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  g_autoptr(GBytes) first = NULL;
  int op_pages;

  g_object_get (operation, "n-pages", &op_pages, "export-filename", &export_name, NULL);
  g_assert_cmpint (op_pages, ==, n_pages);
  g_assert_cmpstr (export_name, ==, "briefing-2022-08-20T1300.pdf");
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   "briefing-2022-08-20T1300");
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);

  /* Printed to a file with no dialog: as many pages as the pack. */
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), &context);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  printed = read_file (path);
  g_assert_cmpuint (count_pdf_pages (printed), ==, n_pages);

  /* The draw-page handler on the print context, over an image this time:
   * every page has something on it, and each its own. */
  g_assert_nonnull (context);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
      cairo_t *cr = cairo_create (surface);
      gsize size = (gsize) cairo_image_surface_get_stride (surface) * 842;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      gtk_print_context_set_cairo_context (context, cr, 72, 72);
      g_assert_cmpfloat_with_epsilon (gtk_print_context_get_width (context), 595.276, 0.01);
      g_signal_emit_by_name (operation, "draw-page", context, (int) page);
      cairo_destroy (cr);

      g_test_message ("page %u: %.1f %% inked", page + 1, 100 * ink (surface));
      g_assert_cmpfloat (ink (surface), >, 0.005);
      if (page == 0)
        first = g_bytes_new (cairo_image_surface_get_data (surface), size);
      else
        g_assert_true (memcmp (g_bytes_get_data (first, NULL), cairo_image_surface_get_data (surface), size) != 0);
      cairo_surface_destroy (surface);
    }
}

/* The action a window shortcut for Ctrl+@keyval names, or NULL. */
static char *
shortcut_action (GtkWidget *widget,
                 guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger) && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_primary_menu (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_button_for (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
test_window_actions (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *export_action = shortcut_action (window, GDK_KEY_e);
  g_autofree char *print_action = shortcut_action (window, GDK_KEY_p);
  GtkWidget *menu_button = sitroom_test_find_widget (window, is_primary_menu, NULL);
  GtkWidget *pdf_button, *print_button;
  GtkWindow *dialog;

  g_assert_cmpstr (export_action, ==, "win.export");
  g_assert_cmpstr (print_action, ==, "win.print");

  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "win.export"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "win.print"));

  /* The Briefing page's buttons: the pack as PDF, and printed. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "briefing"));
  pdf_button = sitroom_test_find_widget (window, is_button_for, "win.export");
  print_button = sitroom_test_find_widget (window, is_button_for, "win.print");
  g_assert_nonnull (pdf_button);
  g_assert_nonnull (print_button);
  g_assert_nonnull (gtk_widget_get_ancestor (pdf_button, SITROOM_TYPE_BRIEFING_VIEW));
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (pdf_button)), NULL),
                   ==, "pdf");
  g_assert_true (gtk_widget_is_sensitive (pdf_button));
  g_assert_true (gtk_widget_is_sensitive (print_button));

  /* Ctrl+E opens the dialog over the window, the pack chosen on the
   * Briefing page. */
  sitroom_test_press_ctrl (window, GDK_KEY_e);
  dialog = find_toplevel (SITROOM_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  {
    SitroomExportChoice choice;

    sitroom_export_dialog_get_choice (SITROOM_EXPORT_DIALOG (dialog), &choice);
    g_assert_cmpint (choice.what, ==, SITROOM_EXPORT_WHAT_PACK);
  }
  gtk_window_destroy (dialog);
}

static gboolean
plot_drawn (Fixture *fixture, gconstpointer plot)
{
  return gtk_widget_get_mapped ((GtkWidget *) plot) &&
         gtk_widget_get_width ((GtkWidget *) plot) == 1600 &&
         gtk_widget_get_height ((GtkWidget *) plot) == 900 &&
         sitroom_curve_plot_get_n_draws ((SitroomCurvePlot *) plot) > 0;
}

/* The mean absolute difference of the RGB channels, 0 to 1, between
 * @height rows of two ARGB32 pictures @width wide. */
static double
difference (const guchar *a,
            int           a_stride,
            const guchar *b,
            int           b_stride,
            int           width,
            int           height)
{
  guint64 sum = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 3; c++)
        sum += ABS (a[y * a_stride + 4 * x + c] - b[y * b_stride + 4 * x + c]);
  return sum / (255.0 * 3 * width * height);
}

/* The PNG of the curve and the widget on screen, drawn by the same
 * renderer, agree. The file has a title the screen has not, which moves
 * everything under it down: the file is made that much taller, so that
 * below the title it has the plot's layout exactly (checked), and the
 * widget is compared with the file under the title: legend, grid, bars,
 * mean, axes. The text scale of a file grows with its size; at 1600
 * wide and at least 900 high it is the screen's. What differs (about
 * 1 %) is the asymptomatic hatching, whose stripes are anchored to the
 * picture's origin, which the title moves. */
static void
test_curve_png_matches_widget (Fixture       *fixture,
                               gconstpointer  data)
{
  const int width = 1600, height = 900;
  SitroomView *view = fixture->input->view;
  g_autoptr(SitroomCurve) curve = sitroom_curve_new (view, fixture->input->grouping);
  SitroomCurveOptions screen_options = { SITROOM_STYLE_LIGHT, "en", -1, FALSE, 1.0 };
  SitroomCurveOptions file_options = { SITROOM_STYLE_LIGHT, "en", -1, TRUE, 1.0 };
  cairo_surface_t *probe = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *probe_cr = cairo_create (probe);
  CurveLayout on_screen, in_file;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *plot = sitroom_curve_plot_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = g_malloc (4 * width * height);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_surface_t *png;
  g_autofree char *path = NULL;
  SitroomExportChoice choice;
  double aligned, title_ink, unaligned;
  int shift, margin;

  sitroom_curve_plot_set_data (SITROOM_CURVE_PLOT (plot), g_object_ref (view), sitroom_curve_new (view, fixture->input->grouping));
  sitroom_curve_plot_set_lang (SITROOM_CURVE_PLOT (plot), "en");
  gtk_widget_set_size_request (plot, width, height);
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_resizable (window, FALSE);
  gtk_window_set_child (window, plot);
  gtk_window_present (window);
  wait_for (fixture, plot_drawn, plot);

  paintable = gtk_widget_paintable_new (plot);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, 4 * width);

  /* How far the title moves the rest down. */
  sitroom_curve_render_get_layout (curve, view, &screen_options, probe_cr, width, height, &on_screen);
  sitroom_curve_render_get_layout (curve, view, &file_options, probe_cr, width, height, &in_file);
  shift = (int) (in_file.y0 - on_screen.y0);
  margin = (int) ceil (on_screen.margin);
  g_assert_cmpint (shift, >, 0);
  g_assert_cmpfloat (sitroom_export_chart_text_scale (width, height + shift), ==, 1.0);
  sitroom_curve_render_get_layout (curve, view, &file_options, probe_cr, width, height + shift, &in_file);
  g_assert_cmpfloat (in_file.y0 - shift, ==, on_screen.y0);
  g_assert_cmpfloat (in_file.y1 - shift, ==, on_screen.y1);
  g_assert_cmpfloat (in_file.x0, ==, on_screen.x0);
  g_assert_cmpfloat (in_file.x1, ==, on_screen.x1);
  g_assert_cmpuint (in_file.top, ==, on_screen.top);
  cairo_destroy (probe_cr);
  cairo_surface_destroy (probe);

  /* The file, through the dialog as any export. */
  choice = choice_of (SITROOM_EXPORT_WHAT_CURVE, SITROOM_EXPORT_PNG, width, height + shift, FALSE);
  path = save_file (fixture, &choice, "curve.png");
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height + shift);

  {
    const guchar *file = cairo_image_surface_get_data (png);
    int stride = cairo_image_surface_get_stride (png);
    cairo_surface_t *title = cairo_image_surface_create_for_data ((guchar *) file, CAIRO_FORMAT_RGB24,
                                                                  width, shift, stride);

    /* Under the widget's top margin: in the file the title's descenders
     * reach into it. */
    aligned = difference (file + (shift + margin) * stride, stride, pixels + margin * 4 * width, 4 * width,
                          width, height - margin);
    /* The same rows without the shift: what a drawing that did not agree
     * would score. */
    unaligned = difference (file + margin * stride, stride, pixels + margin * 4 * width, 4 * width,
                            width, height - margin);
    title_ink = ink (title);
    cairo_surface_destroy (title);
  }
  g_test_message ("curve %d×%d: title %d px; difference under the title %.3f %%, unaligned %.3f %%",
                  width, height, shift, 100 * aligned, 100 * unaligned);
  g_assert_cmpfloat (title_ink, >, 0.002);
  g_assert_cmpfloat (aligned, <, 0.02);
  g_assert_cmpfloat (unaligned, >, 2 * aligned);

  cairo_surface_destroy (png);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)

  ADD ("/ui/export/names/default", test_default_names);
  ADD ("/ui/export/save/png", test_save_png);
  ADD ("/ui/export/save/svg", test_save_svg);
  ADD ("/ui/export/save/pdf", test_save_pdf);
  ADD ("/ui/export/save/csv", test_save_csv);
  ADD ("/ui/export/save/unwritable", test_save_unwritable);
  ADD ("/ui/export/print/pages", test_print_pages);
  ADD ("/ui/export/window/actions", test_window_actions);
  ADD ("/ui/export/curve/png-matches-widget", test_curve_png_matches_widget);

#undef ADD

  return g_test_run ();
}
