/* Tests of the Measures page: the demo's list and its order, sorting, the status filter, the selected prefecture, activating a region, the chart's clicks, its cached drawing and its type size. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sitroom-measure-row.h"
#include "sitroom-measures-chart.h"
#include "sitroom-measures-view.h"
#include "sitroom-source.h"
#include "sitroom-test-widgets.h"
#include "sitroom-time.h"

static SitroomSituation *demo;
static SitroomSituation *own;

/* Times in China Standard Time, as of 08-25 12:00; in document order:
 *   a  Taiyuan (140100)   static management  08-20 00:00 until 08-23 00:00
 *   b  Taiyuan (140100)   mass testing       08-22 00:00, no end
 *   c  Datong (140200)    traffic control    08-24 00:00 until 08-27 00:00
 *   d  Datong (140200)    lockdown lifted    08-26 00:00, no end
 * and its measures are named illustrative. */
static const char own_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-25T12:00:00+08:00\", \"illustrative\": [\"measures\"],"
  " \"measures\": ["
  "  {\"id\": \"a\", \"region\": \"140100\", \"kind\": \"static_management\","
  "   \"from\": \"2022-08-20T00:00:00+08:00\", \"until\": \"2022-08-23T00:00:00+08:00\","
  "   \"text\": {\"zh\": \"甲\", \"en\": \"Static management in Taiyuan\"}},"
  "  {\"id\": \"b\", \"region\": \"140100\", \"kind\": \"mass_testing\","
  "   \"from\": \"2022-08-22T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"乙\", \"en\": \"Testing\"}},"
  "  {\"id\": \"c\", \"region\": \"140200\", \"kind\": \"traffic_control\","
  "   \"from\": \"2022-08-24T00:00:00+08:00\", \"until\": \"2022-08-27T00:00:00+08:00\", \"text\": {\"zh\": \"丙\"}},"
  "  {\"id\": \"d\", \"region\": \"140200\", \"kind\": \"lockdown_lifted\","
  "   \"from\": \"2022-08-26T00:00:00+08:00\", \"until\": null, \"text\": {\"zh\": \"丁\"}}"
  " ]}";

typedef struct {
  SitroomContext *context;
  GtkWindow *window;
  SitroomMeasuresView *view;
  SitroomMeasuresChart *chart;
} Fixture;

static gint64
at (const char *text)
{
  gint64 t;
  int offset;

  g_assert_true (sitroom_time_parse (text, &t, &offset));
  return t;
}

/* A few frames: enough for the list to make its rows and the chart its size. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  SitroomSituation *situation = data != NULL ? own : demo;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  fixture->context = sitroom_context_new ();
  sitroom_context_set_lang (fixture->context, "en");
  sitroom_context_set_situation (fixture->context, situation);
  sitroom_context_set_cutoff (fixture->context, at (data != NULL ? "2022-08-25T12:00:00+08:00"
                                                                 : "2022-08-20T13:00:00+08:00"));

  fixture->view = SITROOM_MEASURES_VIEW (sitroom_measures_view_new (fixture->context));
  fixture->chart = SITROOM_MEASURES_CHART (sitroom_measures_view_get_chart (fixture->view));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1400, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->chart)) || gtk_widget_get_width (GTK_WIDGET (fixture->chart)) < 600)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the measures chart to be shown");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
}

static const char *
measure_id (SitroomSituation *situation,
            int               measure)
{
  g_assert_cmpint (measure, >=, 0);
  return sitroom_situation_get_measure (situation, measure)->id;
}

/* The ids of the measures listed, in the table's order, joined by spaces. */
static char *
listed (Fixture *fixture)
{
  SitroomSituation *situation = sitroom_context_get_situation (fixture->context);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < sitroom_measures_view_get_n_rows (fixture->view); i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, measure_id (situation, sitroom_measures_view_get_row_measure (fixture->view, i)));
    }
  g_assert_cmpint (sitroom_measures_view_get_row_measure (fixture->view, sitroom_measures_view_get_n_rows (fixture->view)),
                   ==, -1);
  return g_string_free (ids, FALSE);
}

static SitroomMeasureRow *
row_at (Fixture *fixture,
        guint    position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (sitroom_measures_view_get_table (fixture->view)));
  g_autoptr(SitroomMeasureRow) row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  return row;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_shown_label_starting (GtkWidget     *widget,
                         gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static GtkWidget *
find_shown_label (Fixture    *fixture,
                  const char *prefix)
{
  return sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_shown_label_starting, prefix);
}

static GtkColumnViewColumn *
column_titled (Fixture    *fixture,
               const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (sitroom_measures_view_get_table (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column %s", title);
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *ids = listed (fixture);
  SitroomMeasureRow *row;

  /* In force first, the latest first, then in document order. */
  g_assert_cmpuint (sitroom_measures_view_get_n_rows (fixture->view), ==, 8);
  g_assert_cmpstr (ids, ==, "m-yu-static m-yu-traffic m-yu-testing m-py-static m-py-traffic m-py-testing "
                            "m-sx-entry m-ty-72");

  row = row_at (fixture, 0);
  g_assert_cmpstr (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_KIND), ==, "Static management");
  g_assert_cmpstr (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_REGION), ==, "Yu County");
  g_assert_cmpstr (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_FROM), ==, "2022-08-20 12:00 CST");
  g_assert_cmpstr (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_UNTIL), ==, "—");
  g_assert_cmpstr (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_SO_FAR), ==, "In force for 1 hour");
  g_assert_cmpstr (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_STATUS), ==, "In force");
  g_assert_true (g_str_has_prefix (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_TEXT), "County-wide"));
  g_assert_cmpstr (sitroom_measure_row_get_text (row_at (fixture, 7), SITROOM_MEASURE_CELL_SO_FAR), ==,
                   "In force for 13 hours");

  /* The chart: the province, Taiyuan, Yu County and Pingyao; the count,
   * no narrowing and no illustrative note. */
  g_assert_cmpuint (sitroom_measures_renderer_get_n_rows (sitroom_measures_chart_get_renderer (fixture->chart)), ==, 4);
  g_assert_nonnull (find_shown_label (fixture, "8 measures"));
  g_assert_null (find_shown_label (fixture, "Showing measures of"));
  g_assert_null (find_shown_label (fixture, "The measures listed are illustrative"));

  /* In Chinese, the region and the measure's own words. */
  sitroom_context_set_lang (fixture->context, "zh");
  row = row_at (fixture, 0);
  g_assert_cmpstr (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_REGION), ==, "盂县");
  g_assert_true (g_str_has_prefix (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_TEXT), "盂县全域"));
  g_assert_cmpstr (sitroom_measure_row_get_text (row, SITROOM_MEASURE_CELL_FROM), ==, "8月20日12时");
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *table = sitroom_measures_view_get_table (fixture->view);
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;
  g_autofree char *by_region = NULL;
  g_autofree char *unsorted = NULL;

  /* By start: ties keep the list's order, whichever way. */
  gtk_column_view_sort_by_column (table, column_titled (fixture, "From"), GTK_SORT_ASCENDING);
  ascending = listed (fixture);
  g_assert_cmpstr (ascending, ==, "m-py-static m-py-traffic m-py-testing m-sx-entry m-ty-72 "
                                  "m-yu-static m-yu-traffic m-yu-testing");
  gtk_column_view_sort_by_column (table, column_titled (fixture, "From"), GTK_SORT_DESCENDING);
  descending = listed (fixture);
  g_assert_cmpstr (descending, ==, "m-yu-testing m-yu-traffic m-yu-static "
                                   "m-ty-72 m-sx-entry m-py-testing m-py-traffic m-py-static");

  gtk_column_view_sort_by_column (table, column_titled (fixture, "Region"), GTK_SORT_ASCENDING);
  by_region = listed (fixture);
  g_assert_cmpstr (by_region, ==, "m-py-static m-py-traffic m-py-testing m-sx-entry m-ty-72 "
                                  "m-yu-static m-yu-traffic m-yu-testing");

  gtk_column_view_sort_by_column (table, NULL, GTK_SORT_ASCENDING);
  unsorted = listed (fixture);
  g_assert_true (g_str_has_prefix (unsorted, "m-yu-static m-yu-traffic"));
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GtkDropDown *filter = GTK_DROP_DOWN (sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_type,
                                                                 GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
  SitroomMeasuresRenderer *renderer = sitroom_measures_chart_get_renderer (fixture->chart);
  SitroomMeasuresViewport viewport;
  g_autofree char *all = listed (fixture);
  double rect[4];

  /* In force, latest first; then ended; then scheduled. */
  g_assert_cmpstr (all, ==, "c b a d");
  g_assert_cmpstr (sitroom_measure_row_get_text (row_at (fixture, 0), SITROOM_MEASURE_CELL_SO_FAR), ==,
                   "In force for 1 day 12 hours");
  g_assert_cmpstr (sitroom_measure_row_get_text (row_at (fixture, 0), SITROOM_MEASURE_CELL_UNTIL), ==,
                   "2022-08-27 00:00 CST");
  g_assert_cmpstr (sitroom_measure_row_get_text (row_at (fixture, 2), SITROOM_MEASURE_CELL_SO_FAR), ==, "Lasted 3 days");
  g_assert_cmpstr (sitroom_measure_row_get_text (row_at (fixture, 2), SITROOM_MEASURE_CELL_STATUS), ==, "Ended");
  g_assert_cmpstr (sitroom_measure_row_get_text (row_at (fixture, 3), SITROOM_MEASURE_CELL_SO_FAR), ==,
                   "Starts in 12 hours");
  g_assert_cmpstr (sitroom_measure_row_get_text (row_at (fixture, 3), SITROOM_MEASURE_CELL_STATUS), ==, "Scheduled");
  g_assert_cmpstr (sitroom_measure_row_get_text (row_at (fixture, 1), SITROOM_MEASURE_CELL_TEXT), ==, "Testing");
  g_assert_nonnull (find_shown_label (fixture, "The measures listed are illustrative"));
  g_assert_cmpuint (gtk_drop_down_get_selected (filter), ==, 0);

  gtk_drop_down_set_selected (filter, 1);
  {
    g_autofree char *in_force = listed (fixture);

    g_assert_cmpstr (in_force, ==, "c b");
  }
  /* The chart draws what is listed. */
  settle ();
  sitroom_measures_chart_get_viewport (fixture->chart, &viewport);
  g_assert_false (sitroom_measures_renderer_get_span (renderer, &viewport, 0, rect));
  g_assert_true (sitroom_measures_renderer_get_span (renderer, &viewport, 1, rect));
  g_assert_nonnull (find_shown_label (fixture, "2 measures"));

  gtk_drop_down_set_selected (filter, 2);
  {
    g_autofree char *ended = listed (fixture);

    g_assert_cmpstr (ended, ==, "a");
  }
  settle ();
  sitroom_measures_chart_get_viewport (fixture->chart, &viewport);
  g_assert_true (sitroom_measures_renderer_get_span (renderer, &viewport, 0, rect));
  g_assert_false (sitroom_measures_renderer_get_span (renderer, &viewport, 1, rect));
  g_assert_cmpuint (sitroom_measures_renderer_get_n_rows (renderer), ==, 1);

  /* Two days earlier nothing had ended: the page says so. */
  sitroom_context_set_cutoff (fixture->context, at ("2022-08-21T12:00:00+08:00"));
  settle ();
  g_assert_cmpuint (sitroom_measures_view_get_n_rows (fixture->view), ==, 0);
  g_assert_nonnull (sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_type,
                                              GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE)));
  g_assert_true (gtk_widget_get_mapped (sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_type,
                                                                  GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->chart)));

  gtk_drop_down_set_selected (filter, 0);
  settle ();
  {
    g_autofree char *then = listed (fixture);

    g_assert_cmpstr (then, ==, "a b c d");
  }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->chart)));
}

static void
test_prefecture (Fixture       *fixture,
                 gconstpointer  data)
{
  int yangquan = sitroom_situation_lookup_region (demo, "140300");
  GtkWidget *show_all;
  GtkWidget *narrow;

  /* Yangquan's: Yu County's three and the province's. */
  sitroom_context_set_selected_prefecture (fixture->context, yangquan);
  settle ();
  {
    g_autofree char *ids = listed (fixture);

    g_assert_cmpstr (ids, ==, "m-yu-static m-yu-traffic m-yu-testing m-sx-entry");
  }
  narrow = find_shown_label (fixture, "Showing measures of");
  g_assert_nonnull (narrow);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (narrow)), ==, "Showing measures of Yangquan —");
  g_assert_cmpuint (sitroom_measures_renderer_get_n_rows (sitroom_measures_chart_get_renderer (fixture->chart)), ==, 2);

  show_all = sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_button_labelled, "Show All");
  g_assert_nonnull (show_all);
  g_assert_true (gtk_widget_get_mapped (show_all));
  g_signal_emit_by_name (show_all, "clicked");
  settle ();
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, -1);
  g_assert_cmpuint (sitroom_measures_view_get_n_rows (fixture->view), ==, 8);
  g_assert_null (find_shown_label (fixture, "Showing measures of"));
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  GtkColumnView *table = sitroom_measures_view_get_table (fixture->view);
  GtkSelectionModel *selection = gtk_column_view_get_model (table);
  SitroomMeasuresViewport viewport;
  double rect[4];
  int ty_72 = 7;

  /* Yu County's row selects its prefecture, Yangquan. */
  g_signal_emit_by_name (table, "activate", 0);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==,
                   sitroom_situation_lookup_region (demo, "140300"));
  settle ();
  g_assert_cmpuint (sitroom_measures_view_get_n_rows (fixture->view), ==, 4);

  /* The province's row selects the whole province. */
  g_assert_cmpstr (measure_id (demo, sitroom_measures_view_get_row_measure (fixture->view, 3)), ==, "m-sx-entry");
  g_signal_emit_by_name (table, "activate", 3);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, -1);
  settle ();

  /* A click on Taiyuan's span selects its row, which the chart outlines. */
  g_assert_cmpstr (measure_id (demo, ty_72), ==, "m-ty-72");
  sitroom_measures_chart_get_viewport (fixture->chart, &viewport);
  g_assert_true (sitroom_measures_renderer_get_span (sitroom_measures_chart_get_renderer (fixture->chart), &viewport,
                                                     ty_72, rect));
  sitroom_measures_chart_click (fixture->chart, rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, 7);
  g_assert_cmpint (sitroom_measures_chart_get_selected_measure (fixture->chart), ==, ty_72);
  {
    g_autofree char *tip = sitroom_measures_chart_describe_at (fixture->chart, rect[0] + rect[2] / 2,
                                                               rect[1] + rect[3] / 2);

    g_assert_nonnull (tip);
    g_assert_true (g_str_has_prefix (tip, "Other measure · Taiyuan\nsince 2022-08-20 00:00 CST\nTaiyuan notice"));
  }

  /* Selecting a row in the table outlines it too; nothing at all, none. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_cmpint (sitroom_measures_chart_get_selected_measure (fixture->chart), ==,
                   sitroom_measures_view_get_row_measure (fixture->view, 0));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (sitroom_measures_chart_get_selected_measure (fixture->chart), ==, -1);
}

/* The chart's drawing as the screen gets it, from its own snapshot. */
static void
snapshot_chart (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_unref (node);
}

static void
test_cache (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  SitroomMeasuresViewport viewport;
  double rect[4];
  guint n_draws;

  /* Let the window settle: its first frames may still be sizing the chart. */
  do
    {
      n_draws = sitroom_measures_chart_get_n_draws (fixture->chart);
      settle ();
      settle ();
    }
  while (sitroom_measures_chart_get_n_draws (fixture->chart) != n_draws && g_get_monotonic_time () < deadline);
  snapshot_chart (fixture);
  n_draws = sitroom_measures_chart_get_n_draws (fixture->chart);
  g_assert_cmpuint (n_draws, >=, 1);

  /* Frames going by, a chain selected (a new view, the same measures),
   * the language it has: the drawing is reused. */
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  settle ();
  sitroom_context_set_selected_chain (fixture->context, 0);
  sitroom_context_set_lang (fixture->context, "en");
  settle ();
  snapshot_chart (fixture);
  g_assert_cmpuint (sitroom_measures_chart_get_n_draws (fixture->chart), ==, n_draws);

  /* The pointer over a span outlines it without drawing the chart anew. */
  sitroom_measures_chart_get_viewport (fixture->chart, &viewport);
  g_assert_true (sitroom_measures_renderer_get_span (sitroom_measures_chart_get_renderer (fixture->chart), &viewport,
                                                     0, rect));
  sitroom_measures_chart_hover (fixture->chart, rect[0] + 4, rect[1] + 4);
  snapshot_chart (fixture);
  g_assert_cmpuint (sitroom_measures_chart_get_n_draws (fixture->chart), ==, n_draws);

  /* Another language, another cutoff: drawn again, once each. */
  sitroom_context_set_lang (fixture->context, "zh");
  snapshot_chart (fixture);
  snapshot_chart (fixture);
  g_assert_cmpuint (sitroom_measures_chart_get_n_draws (fixture->chart), ==, n_draws + 1);
  sitroom_context_set_cutoff (fixture->context, at ("2022-08-20T12:30:00+08:00"));
  snapshot_chart (fixture);
  g_assert_cmpuint (sitroom_measures_chart_get_n_draws (fixture->chart), ==, n_draws + 2);
}

static void
wait_for_text_scale (Fixture *fixture,
                     double   text_scale)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!G_APPROX_VALUE (sitroom_measures_chart_get_text_scale (fixture->chart), text_scale, 0.01))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("text scale %g, not %g", sitroom_measures_chart_get_text_scale (fixture->chart), text_scale);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* The chart's type follows its CSS font size: a wall's 24 px draws it 1.64
 * times a desk's, once, in rows that grow with it; a change of style that
 * leaves the type alone draws nothing. */
static void
test_text_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  SitroomMeasuresRenderer *renderer = sitroom_measures_chart_get_renderer (fixture->chart);
  GtkCssProvider *provider = gtk_css_provider_new ();
  double height;
  guint n_draws;

  gtk_css_provider_load_from_data (provider, ".wall-type { font-size: 24px; } .tinted { color: #c01c28; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  settle ();
  settle ();
  g_assert_cmpfloat (sitroom_measures_chart_get_text_scale (fixture->chart), ==, 1.0);
  snapshot_chart (fixture);
  n_draws = sitroom_measures_chart_get_n_draws (fixture->chart);
  height = sitroom_measures_renderer_get_content_height (renderer);

  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "tinted");
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  settle ();
  snapshot_chart (fixture);
  g_assert_cmpuint (sitroom_measures_chart_get_n_draws (fixture->chart), ==, n_draws);

  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "wall-type");
  wait_for_text_scale (fixture, 1.636);
  settle ();
  settle ();
  snapshot_chart (fixture);
  g_assert_cmpuint (sitroom_measures_chart_get_n_draws (fixture->chart), ==, n_draws + 1);
  g_assert_cmpfloat (sitroom_measures_renderer_get_content_height (renderer), >, height * 1.5);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->chart)), ==,
                   (int) ceil (sitroom_measures_renderer_get_content_height (renderer)));

  gtk_widget_remove_css_class (GTK_WIDGET (fixture->window), "wall-type");
  wait_for_text_scale (fixture, 1.0);
  settle ();
  snapshot_chart (fixture);
  g_assert_cmpuint (sitroom_measures_chart_get_n_draws (fixture->chart), ==, n_draws + 2);
  g_assert_cmpfloat (sitroom_measures_renderer_get_content_height (renderer), ==, height);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  g_object_unref (provider);
}

static void
test_no_document (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  static const char document[] = "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-25T12:00:00+08:00\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (document, strlen (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) empty = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  GtkWidget *view = g_object_ref_sink (sitroom_measures_view_new (context));

  g_assert_no_error (error);
  g_assert_cmpuint (sitroom_measures_view_get_n_rows (SITROOM_MEASURES_VIEW (view)), ==, 0);
  sitroom_context_set_situation (context, empty);
  g_assert_cmpuint (sitroom_measures_view_get_n_rows (SITROOM_MEASURES_VIEW (view)), ==, 0);
  sitroom_context_set_situation (context, demo);
  g_assert_cmpuint (sitroom_measures_view_get_n_rows (SITROOM_MEASURES_VIEW (view)), ==, 8);
  sitroom_measures_view_set_context (SITROOM_MEASURES_VIEW (view), NULL);
  g_assert_cmpuint (sitroom_measures_view_get_n_rows (SITROOM_MEASURES_VIEW (view)), ==, 0);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) own_bytes = g_bytes_new_static (own_document, strlen (own_document));
  g_autoptr(GError) error = NULL;
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  bytes = sitroom_source_read (NULL, 0, &error);
  g_assert_no_error (error);
  demo = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  own = sitroom_situation_new_from_bytes (own_bytes, NULL, NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/measures-view/demo/order", test_demo, NULL);
  ADD ("/ui/measures-view/sort/columns", test_sort, NULL);
  ADD ("/ui/measures-view/filter/status", test_filter, "own");
  ADD ("/ui/measures-view/prefecture/narrows", test_prefecture, NULL);
  ADD ("/ui/measures-view/activate/region", test_activate, NULL);
  ADD ("/ui/measures-view/draw/cache", test_cache, NULL);
  ADD ("/ui/measures-view/draw/text-scale", test_text_scale, NULL);
  g_test_add_func ("/ui/measures-view/context/none", test_no_document);

#undef ADD

  result = g_test_run ();
  g_clear_object (&demo);
  g_clear_object (&own);
  return result;
}
