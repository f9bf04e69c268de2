/* Tests of the Chains page on the built-in demo: the table, the selected chain's story, cases, regions and measures, the closing rule, the window's pages, and the page without its placeholder. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sitroom-application.h"
#include "sitroom-chain-case-row.h"
#include "sitroom-chain-row.h"
#include "sitroom-chains-view.h"
#include "sitroom-curve-view.h"
#include "sitroom-test-widgets.h"
#include "sitroom-window.h"

typedef struct {
  SitroomApplication *app;      /* only as the loader and the default application */
  SitroomContext *context;
  SitroomWindow *window;
  SitroomChainsView *view;
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
        g_error ("timed out waiting for the Chains page");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* A few frames: enough for the list views to make their rows. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  GtkWidget *found = sitroom_test_find_widget (root, is_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_shown_label (gpointer    root,
                  const char *text)
{
  return sitroom_test_find_widget (GTK_WIDGET (root), is_shown_label, text);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static gboolean
has_view (Fixture *fixture, gconstpointer data)
{
  return sitroom_context_get_view (fixture->context) != NULL;
}

static gboolean
has_shown_label (Fixture *fixture, gconstpointer text)
{
  return find_shown_label (fixture->view, text) != NULL;
}

static AdwViewStack *
view_stack (Fixture *fixture)
{
  return ADW_VIEW_STACK (find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = sitroom_application_new ();
  fixture->context = g_object_ref (sitroom_application_get_context (fixture->app));
  sitroom_context_set_lang (fixture->context, "en");

  fixture->window = g_object_ref_sink (sitroom_window_new (NULL, fixture->context));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->view = SITROOM_CHAINS_VIEW (find_type (GTK_WIDGET (fixture->window), SITROOM_TYPE_CHAINS_VIEW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "chains"));
}

static void
load_demo (Fixture *fixture)
{
  sitroom_application_reload (fixture->app);
  wait_for (fixture, has_view, NULL);
  wait_for (fixture, has_shown_label, "8·20");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = sitroom_application_get_settings (fixture->app);

  /* The memory backend lives as long as the process. */
  g_settings_reset (settings, "chain-close-days");
  g_settings_reset (settings, "curve-grouping");
  g_settings_reset (settings, "visible-page");
  sitroom_feeder_stop (sitroom_application_get_feeder (fixture->app));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->app);
}

/* The row of the chain labelled @label, from the table's own model. */
static SitroomChainRow *
chain_row (Fixture    *fixture,
           const char *label,
           guint      *position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (sitroom_chains_view_get_chain_table (fixture->view)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SitroomChainRow) row = g_list_model_get_item (model, i);
      g_autofree char *row_label = NULL;

      g_object_get (row, "label", &row_label, NULL);
      if (g_strcmp0 (row_label, label) == 0)
        {
          if (position != NULL)
            *position = i;
          return row;
        }
    }

  g_error ("no chain %s in the table", label);
}

static char *
row_string (gpointer    row,
            const char *property)
{
  char *value = NULL;

  g_object_get (row, property, &value, NULL);
  return value;
}

static void
select_chain (Fixture    *fixture,
              const char *label)
{
  GtkSelectionModel *model = gtk_column_view_get_model (sitroom_chains_view_get_chain_table (fixture->view));
  guint position = 0;

  chain_row (fixture, label, &position);
  g_assert_true (gtk_selection_model_select_item (model, position, TRUE));
  settle ();
}

static SitroomChainDetail *
detail (Fixture *fixture)
{
  return sitroom_chains_view_get_detail (fixture->view);
}

static void
test_chains_table (Fixture       *fixture,
                   gconstpointer  data)
{
  struct { const char *label; const char *positives; const char *reached; } chains[] = {
    { "8·17", "7", "Taiyuan, Jincheng, Yuncheng" },
    { "8·18", "1", "Yangquan" },
    { "8·19", "0", "—" },
    { "8·20", "3", "Yuncheng" },
  };
  GtkColumnView *table = sitroom_chains_view_get_chain_table (fixture->view);

  load_demo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (chains); i++)
    {
      SitroomChainRow *row = chain_row (fixture, chains[i].label, NULL);
      g_autofree char *positives = row_string (row, "positives-text");
      g_autofree char *reached = row_string (row, "reached");
      g_autofree char *status = row_string (row, "status-text");

      g_assert_cmpstr (positives, ==, chains[i].positives);
      g_assert_cmpstr (reached, ==, chains[i].reached);
      /* At 13:00 on 20 August every chain had a case or a report within 14 days. */
      g_assert_cmpint (sitroom_chain_row_get_status (row), ==, SITROOM_CHAIN_ACTIVE);
      g_assert_cmpstr (status, ==, "Active");
      g_assert_nonnull (find_shown_label (table, chains[i].label));
    }

  /* Titles in the language of the data shown. */
  g_assert_nonnull (find_shown_label (table, "Train Z22 \"8·17\" chain"));
  sitroom_context_set_lang (fixture->context, "zh");
  settle ();
  g_assert_nonnull (find_shown_label (table, "Z22列车“8·17”关联疫情"));
  g_assert_null (find_shown_label (table, "Train Z22 \"8·17\" chain"));

  /* An earlier cutoff: only the first chain had started. */
  sitroom_context_set_lang (fixture->context, "en");
  sitroom_context_set_cutoff (fixture->context, 1660838400); /* 2022-08-19 00:00 CST */
  settle ();
  {
    g_autofree char *positives = row_string (chain_row (fixture, "8·17", NULL), "positives-text");

    g_assert_cmpstr (positives, ==, "5");
    g_assert_cmpint (sitroom_chain_row_get_status (chain_row (fixture, "8·17", NULL)), ==, SITROOM_CHAIN_ACTIVE);
    g_assert_cmpint (sitroom_chain_row_get_status (chain_row (fixture, "8·19", NULL)), ==, SITROOM_CHAIN_NOT_STARTED);
    g_assert_nonnull (find_shown_label (table, "Not started"));
  }
}

static void
test_chains_select (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkStack *detail_stack;
  SitroomChainStory *story = sitroom_chain_detail_get_story (detail (fixture));
  GtkColumnView *cases = sitroom_chain_detail_get_case_table (detail (fixture));
  GListModel *case_model = G_LIST_MODEL (gtk_column_view_get_model (cases));
  GtkListBoxRow *first_line;
  g_autofree char *before = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  g_autofree char *previous = NULL;

  load_demo (fixture);
  detail_stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (detail (fixture))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "none");

  select_chain (fixture, "8·17");
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "chain");
  g_assert_nonnull (find_shown_label (detail (fixture), "Train Z22 \"8·17\" chain"));

  /* The story starts with the 78 passengers put in quarantine. */
  g_assert_cmpuint (sitroom_chain_story_get_n_lines (story), >, 4);
  first_line = GTK_LIST_BOX_ROW (find_type (GTK_WIDGET (story), GTK_TYPE_LIST_BOX_ROW));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_line)),
                                   "All 78 passengers who left train Z22"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first_line)), ==, "2022-08-17 18:00 CST · Taiyuan");
  g_assert_nonnull (find_shown_label (story, "2 new positives in Jincheng"));

  /* Its 7 cases, in the order they were reported, until sorted by region. */
  g_assert_cmpuint (g_list_model_get_n_items (case_model), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(SitroomChainCaseRow) row = g_list_model_get_item (case_model, i);

      g_string_append_printf (order, "%s;", sitroom_chain_case_row_get_region (row));
    }
  g_assert_cmpstr (order->str, ==, "Jincheng;Jincheng;Yuncheng;Taiyuan;Jincheng;Jincheng;Jincheng;");
  before = g_string_free (g_steal_pointer (&order), FALSE);

  gtk_column_view_sort_by_column (cases,
                                  g_list_model_get_item (gtk_column_view_get_columns (cases), 2),
                                  GTK_SORT_ASCENDING);
  g_object_unref (g_list_model_get_item (gtk_column_view_get_columns (cases), 2));
  order = g_string_new (NULL);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(SitroomChainCaseRow) row = g_list_model_get_item (case_model, i);

      g_string_append_printf (order, "%s;", sitroom_chain_case_row_get_region (row));
    }
  g_assert_cmpstr (order->str, ==, "Jincheng;Jincheng;Jincheng;Jincheng;Jincheng;Taiyuan;Yuncheng;");
  g_assert_cmpstr (order->str, !=, before);
  settle ();
  g_assert_nonnull (find_shown_label (cases, "Asymptomatic"));
  g_assert_nonnull (find_shown_label (cases, "Hospitalized"));

  /* The context's selection selects the row, and none clears the detail. */
  sitroom_context_set_selected_chain (fixture->context, 3);
  {
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (sitroom_chains_view_get_chain_table (fixture->view)));
    guint position = 0;

    chain_row (fixture, "8·20", &position);
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
    g_assert_cmpuint (g_list_model_get_n_items (case_model), ==, 3);

    sitroom_context_set_selected_chain (fixture->context, -1);
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "none");
  }
}

static void
test_chains_contacts (Fixture       *fixture,
                      gconstpointer  data)
{
  load_demo (fixture);

  /* The document gives no contacts for 8·17. */
  select_chain (fixture, "8·17");
  g_assert_nonnull (find_shown_label (detail (fixture), "—"));
  g_assert_null (find_shown_label (detail (fixture), "34"));
  {
    g_autofree char *close = row_string (chain_row (fixture, "8·17", NULL), "close-contacts-text");

    g_assert_cmpstr (close, ==, "—");
  }

  select_chain (fixture, "8·18");
  g_assert_nonnull (find_shown_label (detail (fixture), "34"));
  g_assert_nonnull (find_shown_label (detail (fixture), "201"));
  g_assert_nonnull (find_shown_label (sitroom_chains_view_get_chain_table (fixture->view), "201"));
  /* The five travellers went home to Dalian: a place outside the province. */
  g_assert_nonnull (find_shown_label (detail (fixture), "Dalian"));
}

static void
test_chains_region_button (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *button;
  int jincheng;

  load_demo (fixture);
  select_chain (fixture, "8·17");
  jincheng = sitroom_situation_lookup_region (sitroom_context_get_situation (fixture->context), "140500");

  g_assert_nonnull (sitroom_test_find_widget (GTK_WIDGET (detail (fixture)), is_button_labelled, "Taiyuan"));
  g_assert_nonnull (sitroom_test_find_widget (GTK_WIDGET (detail (fixture)), is_button_labelled, "Yuncheng"));
  button = sitroom_test_find_widget (GTK_WIDGET (detail (fixture)), is_button_labelled, "Jincheng");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, jincheng);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (fixture)), ==, "map");
  /* The chain stays selected: the map shows it in that prefecture. */
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, 0);
}

static void
test_chains_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwViewStack *stack = view_stack (fixture);
  GtkWidget *curve = find_type (GTK_WIDGET (fixture->window), SITROOM_TYPE_CURVE_VIEW);
  AdwViewStackPage *chains_page = adw_view_stack_get_page (stack, GTK_WIDGET (fixture->view));
  AdwViewStackPage *curve_page = adw_view_stack_get_page (stack, curve);

  load_demo (fixture);
  g_assert_cmpstr (adw_view_stack_page_get_name (chains_page), ==, "chains");
  g_assert_cmpstr (adw_view_stack_page_get_title (chains_page), ==, "Chains");
  g_assert_cmpstr (adw_view_stack_page_get_name (curve_page), ==, "curve");
  g_assert_cmpstr (adw_view_stack_page_get_title (curve_page), ==, "Curve");
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          adw_view_stack_page_get_icon_name (chains_page)));
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          adw_view_stack_page_get_icon_name (curve_page)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "chains");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));

  sitroom_test_press_ctrl (GTK_WIDGET (fixture->window), GDK_KEY_4);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "curve");
  g_assert_true (gtk_widget_get_mapped (curve));
  sitroom_test_press_ctrl (GTK_WIDGET (fixture->window), GDK_KEY_1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");
  sitroom_test_press_ctrl (GTK_WIDGET (fixture->window), GDK_KEY_3);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "chains");
  sitroom_test_press_ctrl (GTK_WIDGET (fixture->window), GDK_KEY_4);

  /* The curve's stacking is a setting, both ways. */
  {
    GSettings *settings = sitroom_application_get_settings (fixture->app);
    g_autofree char *grouping = NULL;

    g_settings_set_string (settings, "curve-grouping", "by-chain");
    g_assert_cmpstr (sitroom_curve_view_get_grouping (SITROOM_CURVE_VIEW (curve)), ==, "by-chain");
    sitroom_curve_view_set_grouping (SITROOM_CURVE_VIEW (curve), "by-prefecture");
    grouping = g_settings_get_string (settings, "curve-grouping");
    g_assert_cmpstr (grouping, ==, "by-prefecture");
  }

  /* The page shown is the one the next window opens on. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(SitroomWindow) next = NULL;

    g_assert_cmpstr (g_settings_get_string (settings, "visible-page"), ==, "curve");
    next = g_object_ref_sink (sitroom_window_new (NULL, fixture->context));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (&(Fixture) { .window = next })), ==, "curve");
    gtk_window_destroy (GTK_WINDOW (next));
  }
}

/* The demo moved twelve days on: its chains went quiet on 19 and 20
 * August, so the closing rule decides whether they are still active. */
static SitroomSituation *
load_later_demo (void)
{
  g_autoptr(GBytes) demo = g_resources_lookup_data ("/io/github/sitroom/Sitroom/demo/shanxi-2022-08-20.json",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (demo, NULL), g_bytes_get_size (demo));
  const char *as_of = "\"as_of\": \"2022-08-20T13:00:00+08:00\"";
  char *found = strstr (text, as_of);
  g_autoptr(GBytes) later = NULL;
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation;

  g_assert_nonnull (found);
  memcpy (found, "\"as_of\": \"2022-09-01T13:00:00+08:00\"", strlen (as_of));
  later = g_bytes_new (text, strlen (text));
  situation = sitroom_situation_new_from_bytes (later, NULL, NULL, &error);
  g_assert_no_error (error);
  return situation;
}

static void
test_chains_close_days (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SitroomSituation) later = load_later_demo ();
  GSettings *settings = sitroom_application_get_settings (fixture->app);

  sitroom_context_accept (fixture->context, later, g_get_real_time ());
  wait_for (fixture, has_shown_label, "8·20");
  select_chain (fixture, "8·17");

  /* 8·17's last case was reported on 19 August at 16:00, 12.9 days earlier. */
  g_assert_cmpuint (sitroom_chains_view_get_close_days (fixture->view), ==, 14);
  g_assert_cmpint (sitroom_chain_row_get_status (chain_row (fixture, "8·17", NULL)), ==, SITROOM_CHAIN_ACTIVE);
  g_assert_nonnull (find_shown_label (detail (fixture), "Active"));

  g_settings_set_uint (settings, "chain-close-days", 7);
  settle ();
  g_assert_cmpuint (sitroom_chains_view_get_close_days (fixture->view), ==, 7);
  g_assert_cmpint (sitroom_chain_row_get_status (chain_row (fixture, "8·17", NULL)), ==, SITROOM_CHAIN_CLOSED);
  g_assert_cmpint (sitroom_chain_row_get_status (chain_row (fixture, "8·20", NULL)), ==, SITROOM_CHAIN_CLOSED);
  g_assert_nonnull (find_shown_label (detail (fixture), "Closed"));
  g_assert_null (find_shown_label (detail (fixture), "Active"));
  {
    guint close_days = 0;

    g_object_get (sitroom_chains_view_get_timeline (fixture->view), "close-days", &close_days, NULL);
    g_assert_cmpuint (close_days, ==, 7);
  }
}

static void
test_chains_timeline_event (Fixture       *fixture,
                            gconstpointer  data)
{
  SitroomChainStory *story = sitroom_chain_detail_get_story (detail (fixture));

  load_demo (fixture);
  select_chain (fixture, "8·17");

  /* 8·18's event 3: the hotel guest found positive in quarantine. */
  g_signal_emit_by_name (sitroom_chains_view_get_timeline (fixture->view), "event-activated", 1, 3);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, 1);
  g_assert_cmpint (sitroom_chain_story_get_selected_event (story), ==, 3);
  g_assert_nonnull (find_shown_label (detail (fixture), "\"8·18\" imported outbreak, Yu County, Yangquan"));

  /* An event past the cutoff is in no story: nothing is selected. */
  sitroom_context_set_cutoff (fixture->context, 1660838400); /* 2022-08-19 00:00 CST */
  settle ();
  g_assert_false (sitroom_chain_story_show_event (story, 3));
  g_assert_cmpint (sitroom_chain_story_get_selected_event (story), ==, -1);
}

/* The row at @index of a measure list; fails the test when there is none. */
static GtkWidget *
measure_row (GtkListBox *list,
             int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

/* 8·19 went to Pingyao (and Jinzhou, outside): Pingyao's three measures
 * from 00:00 and the province's, thirteen hours in force at 13:00; the
 * county's button shows its prefecture, Jinzhong. */
static void
test_chains_measures (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkListBox *list = sitroom_chain_detail_get_measure_list (detail (fixture));
  int jinzhong;
  GtkWidget *row;
  GtkWidget *button;

  load_demo (fixture);
  select_chain (fixture, "8·19");
  jinzhong = sitroom_situation_lookup_region (sitroom_context_get_situation (fixture->context), "140700");

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_null (gtk_list_box_get_row_at_index (list, 4));
  row = measure_row (list, 0);
  g_assert_nonnull (sitroom_test_find_widget (row, is_shown_label, "Static management"));
  g_assert_nonnull (sitroom_test_find_widget (row, is_shown_label,
                                              "since 2022-08-20 00:00 CST · in force for 13 hours"));
  g_assert_nonnull (sitroom_test_find_widget (row, is_shown_label,
                                              "Temporary county-wide static management: everything stays still, "
                                              "no going out unless necessary"));
  g_assert_nonnull (sitroom_test_find_widget (measure_row (list, 1), is_shown_label, "Traffic control"));
  g_assert_nonnull (sitroom_test_find_widget (measure_row (list, 2), is_shown_label, "Mass testing"));
  /* The province's measure names its region, with nothing to show on the map. */
  row = measure_row (list, 3);
  g_assert_nonnull (sitroom_test_find_widget (row, is_shown_label, "Other measure"));
  g_assert_nonnull (sitroom_test_find_widget (row, is_shown_label, "Shanxi"));
  g_assert_null (sitroom_test_find_widget (row, is_button_labelled, "Shanxi"));

  /* In the language of the data shown. */
  sitroom_context_set_lang (fixture->context, "zh");
  settle ();
  g_assert_nonnull (sitroom_test_find_widget (measure_row (list, 0), is_shown_label,
                                              "平遥全县实行临时性全域静态管理,保持静默状态,非必要不外出"));
  g_assert_nonnull (sitroom_test_find_widget (measure_row (list, 0), is_button_labelled, "平遥县"));
  sitroom_context_set_lang (fixture->context, "en");
  settle ();

  button = sitroom_test_find_widget (measure_row (list, 0), is_button_labelled, "Pingyao County");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, jinzhong);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (fixture)), ==, "map");
}

/* 8·18 at 11:00, before Yu County's measures began: the province's alone;
 * at 13:00 Yu County's three come first, an hour in force. */
static void
test_chains_measures_cutoff (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkListBox *list = sitroom_chain_detail_get_measure_list (detail (fixture));
  gint64 as_of;

  load_demo (fixture);
  select_chain (fixture, "8·18");
  as_of = sitroom_situation_get_as_of (sitroom_context_get_situation (fixture->context));

  g_assert_null (gtk_list_box_get_row_at_index (list, 4));
  g_assert_nonnull (sitroom_test_find_widget (measure_row (list, 0), is_button_labelled, "Yu County"));
  g_assert_nonnull (sitroom_test_find_widget (measure_row (list, 2), is_shown_label,
                                              "since 2022-08-20 12:00 CST · in force for 1 hour"));
  g_assert_nonnull (sitroom_test_find_widget (measure_row (list, 3), is_shown_label, "Shanxi"));

  sitroom_context_set_cutoff (fixture->context, as_of - 2 * 3600);
  settle ();
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_nonnull (sitroom_test_find_widget (measure_row (list, 0), is_shown_label,
                                              "since 2022-08-20 00:00 CST · in force for 11 hours"));

  /* Before the province's measure began, nothing; the list says so. */
  sitroom_context_set_cutoff (fixture->context, as_of - 14 * 3600);
  settle ();
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (find_shown_label (detail (fixture), "No measure had begun where the chain went by the cutoff."));
}

/* A cell's tooltip is as wide as its words: GTK 4.8's own tooltip label
 * gave 运城市 the room of one or two Latin characters and broke it into a
 * column. The label shown must lay the text out on one line. */
static void
check_cell_tip (GtkWidget  *root,
                const char *text)
{
  GtkWidget *cell = find_shown_label (root, text);
  GtkWidget *tip;
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autoptr(PangoLayout) line = NULL;
  PangoRectangle logical;
  gboolean shown = FALSE;
  int natural, height, one_line;

  g_test_message ("tooltip of %s", text);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);

  tip = g_object_get_data (G_OBJECT (cell), "sitroom-cell-tip");
  g_assert_true (GTK_IS_LABEL (tip));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (tip)), ==, text);
  /* What the tooltip window asks of it: its natural width, then the
   * height at that width. */
  gtk_widget_measure (tip, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_measure (tip, GTK_ORIENTATION_VERTICAL, natural, NULL, &height, NULL, NULL);
  line = gtk_widget_create_pango_layout (tip, text);
  pango_layout_get_pixel_extents (line, NULL, &logical);
  gtk_widget_measure (tip, GTK_ORIENTATION_VERTICAL, 10000, NULL, &one_line, NULL, NULL);
  g_assert_cmpint (natural, >=, logical.width);
  g_assert_cmpint (height, ==, one_line);
}

static void
test_chains_cell_tooltips (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *table = GTK_WIDGET (sitroom_chains_view_get_chain_table (fixture->view));

  load_demo (fixture);
  check_cell_tip (table, "Yuncheng");
  check_cell_tip (table, "Taiyuan, Jincheng, Yuncheng");
  sitroom_context_set_lang (fixture->context, "zh");
  settle ();
  check_cell_tip (table, "运城市");
  check_cell_tip (table, "“8·20”运城盐湖输入疫情");
  /* Between the names, the catalogue's separator. */
  {
    g_autofree char *reached = row_string (chain_row (fixture, "8·17", NULL), "reached");

    g_assert_nonnull (strstr (reached, "太原市"));
    check_cell_tip (table, reached);
  }
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* The timeline allocated: @height high, or any height for NULL. */
static gboolean
has_timeline_height (Fixture *fixture, gconstpointer height)
{
  int shown = gtk_widget_get_height (GTK_WIDGET (sitroom_chains_view_get_timeline (fixture->view)));

  return height != NULL ? shown == *(const int *) height : shown > 0;
}

static gboolean
has_timeline_taller (Fixture *fixture, gconstpointer height)
{
  return gtk_widget_get_height (GTK_WIDGET (sitroom_chains_view_get_timeline (fixture->view))) > *(const int *) height;
}

/* Without the placeholder, as on a wall display, the timeline and the
 * table share the page until a chain is selected; its story comes back
 * with a selection. */
static void
test_chains_no_placeholder (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *timeline = GTK_WIDGET (sitroom_chains_view_get_timeline (fixture->view));
  GtkWidget *table = GTK_WIDGET (sitroom_chains_view_get_chain_table (fixture->view));
  int timeline_height, table_height;
  guint notified = 0;

  load_demo (fixture);
  wait_for (fixture, has_timeline_height, NULL);
  settle ();
  g_signal_connect_swapped (fixture->view, "notify::placeholder-visible", G_CALLBACK (count_notify), &notified);
  g_assert_true (sitroom_chains_view_get_placeholder_visible (fixture->view));
  g_assert_nonnull (find_shown_label (fixture->view, "No Chain Selected"));
  timeline_height = gtk_widget_get_height (timeline);
  table_height = gtk_widget_get_height (table);

  sitroom_chains_view_set_placeholder_visible (fixture->view, FALSE);
  sitroom_chains_view_set_placeholder_visible (fixture->view, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  wait_for (fixture, has_timeline_taller, &timeline_height);
  g_assert_null (find_shown_label (fixture->view, "No Chain Selected"));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (sitroom_chains_view_get_detail (fixture->view))));
  g_assert_cmpint (gtk_widget_get_height (table), >, table_height);
  /* Together they fill the page, but for the separator between them. */
  g_assert_cmpint (gtk_widget_get_height (timeline) + gtk_widget_get_height (gtk_widget_get_parent (table)), >=,
                   gtk_widget_get_height (GTK_WIDGET (fixture->view)) - 2);

  select_chain (fixture, "8·20");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (sitroom_chains_view_get_detail (fixture->view))));
  wait_for (fixture, has_timeline_height, &timeline_height);

  sitroom_context_set_selected_chain (fixture->context, -1);
  settle ();
  g_assert_null (find_shown_label (fixture->view, "No Chain Selected"));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (sitroom_chains_view_get_detail (fixture->view))));

  sitroom_chains_view_set_placeholder_visible (fixture->view, TRUE);
  wait_for (fixture, has_timeline_height, &timeline_height);
  g_assert_nonnull (find_shown_label (fixture->view, "No Chain Selected"));
}

int
main (int   argc,
      char *argv[])
{
  /* The accessibility bridge wants a session bus, which a test display lacks. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/chains/table/demo", test_chains_table);
  ADD ("/ui/chains/select/detail", test_chains_select);
  ADD ("/ui/chains/detail/contacts", test_chains_contacts);
  ADD ("/ui/chains/detail/region-button", test_chains_region_button);
  ADD ("/ui/chains/window/pages", test_chains_pages);
  ADD ("/ui/chains/close-days/setting", test_chains_close_days);
  ADD ("/ui/chains/timeline/event-activated", test_chains_timeline_event);
  ADD ("/ui/chains/detail/measures", test_chains_measures);
  ADD ("/ui/chains/detail/measures-cutoff", test_chains_measures_cutoff);
  ADD ("/ui/chains/table/cell-tooltips", test_chains_cell_tooltips);
  ADD ("/ui/chains/placeholder/hidden", test_chains_no_placeholder);

#undef ADD

  return g_test_run ();
}
