/* Tests of the main window on the built-in demo: figures, tables, cutoff, refused documents, saved size. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-test-widgets.h"

#include <locale.h>
#include <glib/gi18n.h>

#include <adwaita.h>
#include <string.h>

#include "sitroom-application.h"
#include "sitroom-error.h"
#include "sitroom-figure.h"
#include "sitroom-source.h"
#include "sitroom-time.h"
#include "sitroom-view.h"
#include "sitroom-window.h"

typedef struct {
  SitroomApplication *app;      /* only as the loader: never registered */
  SitroomContext *context;
  SitroomWindow *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

/* Runs the main loop until @done holds, failing after ten seconds. */
static void
wait_for (Fixture       *fixture,
          Condition      done,
          gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the window");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Only what a person could see: a mapped label with that text. */
static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_label (Fixture    *fixture,
            const char *text)
{
  return sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_shown_label, text);
}

static gboolean
is_figure_titled (GtkWidget     *widget,
                  gconstpointer  title)
{
  return SITROOM_IS_FIGURE (widget) &&
         g_strcmp0 (sitroom_figure_get_title (SITROOM_FIGURE (widget)), title) == 0;
}

static const char *
figure_value (Fixture    *fixture,
              const char *title)
{
  GtkWidget *figure = sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_figure_titled, title);

  g_assert_nonnull (figure);
  g_assert_true (gtk_widget_get_mapped (figure));
  return sitroom_figure_get_value (SITROOM_FIGURE (figure));
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_type (Fixture *fixture,
           GType    type)
{
  GtkWidget *found = sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_main_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_STACK (widget) &&
         gtk_stack_get_child_by_name (GTK_STACK (widget), "situation") != NULL;
}

static GtkStack *
main_stack (Fixture *fixture)
{
  GtkWidget *stack = sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_main_stack, NULL);

  g_assert_nonnull (stack);
  return GTK_STACK (stack);
}

static gboolean
is_refusal_revealer (GtkWidget     *widget,
                     gconstpointer  data)
{
  GtkWidget *child;

  return GTK_IS_REVEALER (widget) &&
         (child = gtk_revealer_get_child (GTK_REVEALER (widget))) != NULL &&
         gtk_widget_has_css_class (child, "feed-problem");
}

static GtkRevealer *
refusal_revealer (Fixture *fixture)
{
  GtkWidget *revealer = sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_refusal_revealer, NULL);

  g_assert_nonnull (revealer);
  return GTK_REVEALER (revealer);
}

static void
collect_labels (GtkWidget *root,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
has_label (Fixture *fixture, gconstpointer text)
{
  return find_label (fixture, text) != NULL;
}

/* The cells, left to right, of the table row whose first cell is @name. */
static GPtrArray *
table_row (Fixture    *fixture,
           const char *name)
{
  GtkWidget *row;
  GPtrArray *cells = g_ptr_array_new ();

  /* Rows appear once the table has been laid out. */
  wait_for (fixture, has_label, name);
  row = find_label (fixture, name);
  while (row != NULL && !g_str_equal (gtk_widget_get_css_name (row), "row"))
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);

  collect_labels (row, cells);
  g_assert_cmpuint (cells->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, name);
  return cells;
}

static gboolean
has_view (Fixture *fixture, gconstpointer data)
{
  return sitroom_context_get_view (fixture->context) != NULL;
}

static gboolean
has_load_error (Fixture *fixture, gconstpointer data)
{
  return sitroom_context_get_load_error (fixture->context) != NULL;
}

static gboolean
has_no_load_error (Fixture *fixture, gconstpointer data)
{
  return sitroom_context_get_load_error (fixture->context) == NULL;
}

static gboolean
revealer_done (Fixture *fixture, gconstpointer data)
{
  GtkRevealer *revealer = refusal_revealer (fixture);

  return gtk_revealer_get_child_revealed (revealer) == GPOINTER_TO_INT (data);
}

static gboolean
is_spinner (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_SPINNER (widget);
}

static gint64
parse_time (const char *str)
{
  gint64 t = 0;

  g_assert_true (sitroom_time_parse (str, &t, NULL));
  return t;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  lang)
{
  fixture->app = sitroom_application_new ();
  fixture->context = g_object_ref (sitroom_application_get_context (fixture->app));
  sitroom_context_set_lang (fixture->context, lang != NULL ? lang : "en");

  fixture->window = g_object_ref_sink (sitroom_window_new (NULL, fixture->context));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1400);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

/* The built-in demo, through the same worker the application loads with. */
static void
load_demo (Fixture *fixture)
{
  sitroom_application_reload (fixture->app);
  wait_for (fixture, has_view, NULL);
  wait_for (fixture, has_label, sitroom_context_get_lang (fixture->context)[0] == 'z' ? "晋城市" : "Jincheng");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sitroom_feeder_stop (sitroom_application_get_feeder (fixture->app));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->app);
}

static void
test_window_demo (Fixture       *fixture,
                  gconstpointer  data)
{
  struct { const char *name; const char *positives; } prefectures[] = {
    { "Jincheng", "5" }, { "Yuncheng", "4" }, { "Taiyuan", "1" }, { "Yangquan", "1" },
  };
  GtkStack *stack;

  stack = main_stack (fixture);
  /* Loading first, then the situation. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (sitroom_test_find_widget (GTK_WIDGET (fixture->window),
                                                                                  is_spinner, NULL))));
  load_demo (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "situation");
  /* The loading page's spinner stops with it: a spinning one draws every
   * frame, shown or not. */
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (sitroom_test_find_widget (GTK_WIDGET (fixture->window),
                                                                                   is_spinner, NULL))));

  g_assert_cmpstr (figure_value (fixture, "Nucleic-acid positives"), ==, "11");
  g_assert_cmpstr (figure_value (fixture, "Confirmed cases"), ==, "10");
  g_assert_cmpstr (figure_value (fixture, "Asymptomatic infections"), ==, "1");
  g_assert_cmpstr (figure_value (fixture, "Active chains"), ==, "4");
  g_assert_nonnull (find_label (fixture, "9 mild · 1 moderate · 0 severe · 0 critical"));

  for (guint i = 0; i < G_N_ELEMENTS (prefectures); i++)
    {
      g_autoptr(GPtrArray) row = table_row (fixture, prefectures[i].name);

      g_assert_cmpstr (g_ptr_array_index (row, 1), ==, prefectures[i].positives);
    }

  /* Every prefecture is listed; one without cases steps back. */
  {
    const char *all[] = { "Taiyuan", "Datong", "Yangquan", "Changzhi", "Jincheng", "Shuozhou",
                          "Jinzhong", "Yuncheng", "Xinzhou", "Linfen", "Lüliang" };
    g_autoptr(GPtrArray) jinzhong = table_row (fixture, "Jinzhong");

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      wait_for (fixture, has_label, all[i]);
    g_assert_cmpstr (g_ptr_array_index (jinzhong, 1), ==, "0");
    g_assert_true (gtk_widget_has_css_class (find_label (fixture, "Jinzhong"), "dim-label"));
    g_assert_false (gtk_widget_has_css_class (find_label (fixture, "Jincheng"), "dim-label"));
  }

  g_assert_nonnull (find_label (fixture, "8·17"));
  g_assert_nonnull (find_label (fixture, "8·18"));
  g_assert_nonnull (find_label (fixture, "8·19"));
  g_assert_nonnull (find_label (fixture, "8·20"));

  g_assert_nonnull (find_label (fixture, "2022-08-20 13:00 CST"));
}

static void
test_window_cutoff (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 cutoff = parse_time ("2022-08-18T00:00:00+08:00");
  g_autoptr(SitroomView) expected = NULL;
  g_autofree char *positives = NULL;

  load_demo (fixture);
  g_assert_cmpstr (figure_value (fixture, "Nucleic-acid positives"), ==, "11");

  sitroom_context_set_cutoff (fixture->context, cutoff);
  wait_for (fixture, has_label, "2022-08-18 00:00 CST");

  /* The figures are those of a view built at that cutoff, not the as_of's. */
  expected = sitroom_view_new (sitroom_context_get_situation (fixture->context), cutoff, -1, -1);
  positives = g_strdup_printf ("%u", sitroom_view_get_totals (expected)->positives);
  g_assert_cmpstr (positives, !=, "11");
  g_assert_cmpstr (figure_value (fixture, "Nucleic-acid positives"), ==, positives);
  {
    g_autoptr(GPtrArray) jincheng = table_row (fixture, "Jincheng");
    const SitroomPrefectureFigures *figures =
      sitroom_view_lookup_prefecture (expected, sitroom_situation_lookup_region (sitroom_context_get_situation (fixture->context), "140500"));
    g_autofree char *count = g_strdup_printf ("%u", figures->counts.positives);

    g_assert_cmpstr (g_ptr_array_index (jincheng, 1), ==, count);
  }

  /* Back to the latest through the button's action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cutoff-latest", NULL);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), ==, SITROOM_TIME_NONE);
  wait_for (fixture, has_label, "2022-08-20 13:00 CST");
  g_assert_cmpstr (figure_value (fixture, "Nucleic-acid positives"), ==, "11");
}

static void
test_window_cutoff_popover (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkCalendar *calendar;
  GtkSpinButton *hour;
  g_autoptr(GDateTime) day = NULL;

  load_demo (fixture);
  calendar = GTK_CALENDAR (find_type (fixture, GTK_TYPE_CALENDAR));
  hour = GTK_SPIN_BUTTON (find_type (fixture, GTK_TYPE_SPIN_BUTTON));

  /* The popover opens on the as_of. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hour), ==, 13);

  day = g_date_time_new_local (2022, 8, 19, 0, 0, 0);
  gtk_calendar_select_day (calendar, day);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), ==,
                   parse_time ("2022-08-19T13:00:00+08:00"));
  gtk_spin_button_set_value (hour, 6);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), ==,
                   parse_time ("2022-08-19T06:00:00+08:00"));

  /* After the as_of is not allowed: it snaps back to the latest data. */
  g_clear_pointer (&day, g_date_time_unref);
  day = g_date_time_new_local (2022, 8, 22, 0, 0, 0);
  gtk_calendar_select_day (calendar, day);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), ==, SITROOM_TIME_NONE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hour), ==, 13);
  g_clear_pointer (&day, g_date_time_unref);
  day = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 20);
}

static void
test_window_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", "refused.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) refused = NULL;
  GtkWidget *reason;
  const char *message;

  load_demo (fixture);

  refused = sitroom_source_load (path, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID);

  sitroom_context_set_source (fixture->context, path);
  sitroom_application_reload (fixture->app);
  wait_for (fixture, has_load_error, NULL);
  wait_for (fixture, revealer_done, GINT_TO_POINTER (TRUE));

  /* The strip says why, naming where in the document the problem is. */
  message = sitroom_context_get_load_error (fixture->context);
  g_assert_cmpstr (message, ==, error->message);
  g_assert_nonnull (strstr (message, "/cases/0/region"));
  reason = find_label (fixture, message);
  g_assert_nonnull (reason);

  /* The last good numbers stay on screen. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (fixture)), ==, "situation");
  g_assert_cmpstr (figure_value (fixture, "Nucleic-acid positives"), ==, "11");
  g_assert_nonnull (find_label (fixture, "8·17"));

  /* The strip stays until the next success: no way to hide the reason while
   * the figures are not the newest. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.dismiss-refusal", NULL));

  /* A good document again clears the refusal. */
  sitroom_context_set_source (fixture->context, NULL);
  sitroom_application_reload (fixture->app);
  wait_for (fixture, has_no_load_error, NULL);
  wait_for (fixture, revealer_done, GINT_TO_POINTER (FALSE));
  g_assert_cmpstr (figure_value (fixture, "Nucleic-acid positives"), ==, "11");
}

static void
test_window_no_document (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", "missing.json", NULL);
  GtkStack *stack;
  AdwStatusPage *page;

  sitroom_context_set_source (fixture->context, path);
  sitroom_application_reload (fixture->app);
  wait_for (fixture, has_load_error, NULL);

  stack = main_stack (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "missing.json"));
  g_assert_false (gtk_revealer_get_reveal_child (refusal_revealer (fixture)));
}

static void
test_window_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  load_demo (fixture);

  {
    g_autoptr(GPtrArray) jincheng = table_row (fixture, "晋城市");
    g_autoptr(GPtrArray) yuncheng = table_row (fixture, "运城市");

    g_assert_cmpstr (g_ptr_array_index (jincheng, 1), ==, "5");
    g_assert_cmpstr (g_ptr_array_index (yuncheng, 1), ==, "4");
  }
  g_assert_null (find_label (fixture, "Jincheng"));
  g_assert_nonnull (find_label (fixture, "8月20日13时"));

  /* Switching the language renames without reloading. */
  sitroom_context_set_lang (fixture->context, "en");
  g_assert_nonnull (find_label (fixture, "2022-08-20 13:00 CST"));
  wait_for (fixture, has_label, "Jincheng");
}

static void
test_window_size_saved (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1234, 777);
  gtk_window_close (GTK_WINDOW (fixture->window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1234);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  {
    g_autoptr(SitroomWindow) next = g_object_ref_sink (sitroom_window_new (NULL, fixture->context));
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (next), &width, &height);
    g_assert_cmpint (width, ==, 1234);
    g_assert_cmpint (height, ==, 777);
    gtk_window_destroy (GTK_WINDOW (next));
  }
}

/* The interface in Chinese, from the catalogue built in this tree. The locale
 * is the process's, so this runs in a subprocess of its own. */
static void
test_window_translated (void)
{
  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        {
          g_test_skip ("the zh_CN.UTF-8 locale is not generated (tools/setup.sh does that)");
          return;
        }
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      fixture_set_up (&fixture, "zh");
      load_demo (&fixture);
      g_assert_nonnull (find_label (&fixture, "核酸检测阳性"));
      g_assert_null (find_label (&fixture, "Nucleic-acid positives"));
      g_assert_nonnull (find_label (&fixture, "感染链条"));
      fixture_tear_down (&fixture, "zh");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
is_view_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_VIEW_STACK (widget);
}

static gboolean
is_mapped (Fixture       *fixture,
           gconstpointer  data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Every page the visible-page setting names is a page of the window, in the
 * setting's order, with its own Ctrl+number and an icon the theme has. */
static void
test_window_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) choices = NULL;
  g_autofree const char **names = NULL;
  gsize n_names = 0;
  AdwViewStack *stack;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "visible-page");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&s@v)", NULL, &choices);
  {
    g_autoptr(GVariant) list = g_variant_get_variant (choices);

    names = g_variant_get_strv (list, &n_names);
    g_assert_cmpuint (n_names, ==, 7);

    load_demo (fixture);
    stack = ADW_VIEW_STACK (sitroom_test_find_widget (GTK_WIDGET (fixture->window), is_view_stack, NULL));
    g_assert_nonnull (stack);

    for (gsize i = n_names; i-- > 0;)
      {
        GtkWidget *child = adw_view_stack_get_child_by_name (stack, names[i]);
        AdwViewStackPage *page;

        g_assert_nonnull (child);
        page = adw_view_stack_get_page (stack, child);
        g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                                adw_view_stack_page_get_icon_name (page)));
        sitroom_test_press_ctrl (GTK_WIDGET (fixture->window), GDK_KEY_1 + i);
        g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, names[i]);
        wait_for (fixture, is_mapped, child);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The accessibility bridge wants a session bus, which a test display lacks. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, lang, func) \
  g_test_add (path, Fixture, lang, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/window/demo", "en", test_window_demo);
  ADD ("/ui/window/cutoff/view", "en", test_window_cutoff);
  ADD ("/ui/window/cutoff/popover", "en", test_window_cutoff_popover);
  ADD ("/ui/window/load/refused-keeps-last-good", "en", test_window_refused);
  ADD ("/ui/window/load/no-document", "en", test_window_no_document);
  ADD ("/ui/window/lang/chinese-names", "zh", test_window_chinese);
  ADD ("/ui/window/size-saved", "en", test_window_size_saved);
  ADD ("/ui/window/pages", "en", test_window_pages);
  g_test_add_func ("/ui/window/lang/translated", test_window_translated);

#undef ADD

  return g_test_run ();
}
