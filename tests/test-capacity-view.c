/* Tests of the Capacity page over the built-in demo: its table and header, the illustrative mark, the what-if for arrivals, the charts' cached drawings, type size and columns, and the selection. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sitroom-capacity-card.h"
#include "sitroom-capacity-chart.h"
#include "sitroom-capacity-render.h"
#include "sitroom-capacity-row.h"
#include "sitroom-capacity-view.h"
#include "sitroom-figure.h"
#include "sitroom-source.h"
#include "sitroom-test-widgets.h"

static SitroomSituation *demo;
static GBytes *demo_bytes;

typedef struct {
  SitroomContext *context;
  GtkWindow *window;
  SitroomCapacityView *view;
  GtkColumnView *table;
  GListModel *rows;             /* the table's model: GtkTreeListRow */
} Fixture;

static int
region (const char *code)
{
  int index = sitroom_situation_lookup_region (demo, code);

  g_assert_cmpint (index, >=, 0);
  return index;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_figure (GtkWidget     *widget,
           gconstpointer  title)
{
  return SITROOM_IS_FIGURE (widget) && g_strcmp0 (sitroom_figure_get_title (SITROOM_FIGURE (widget)), title) == 0;
}

static gboolean
is_mark (GtkWidget     *widget,
         gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "illustrative-mark");
}

static gboolean
is_visible_mark (GtkWidget     *widget,
                 gconstpointer  data)
{
  return is_mark (widget, data) && gtk_widget_is_visible (widget);
}

static gboolean
is_chart_of (GtkWidget     *widget,
             gconstpointer  region_index)
{
  return SITROOM_IS_CAPACITY_CHART (widget) &&
         sitroom_capacity_chart_get_region (SITROOM_CAPACITY_CHART (widget)) == GPOINTER_TO_INT (region_index);
}

/* The flow box of the charts, not that of the figures. */
static gboolean
is_chart_box (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_FLOW_BOX (widget) &&
         sitroom_test_find_widget (widget, is_type, GSIZE_TO_POINTER (SITROOM_TYPE_CAPACITY_CHART)) != NULL;
}

static GtkWidget *
find (GtkWidget  *root,
      gboolean  (*match) (GtkWidget *, gconstpointer),
      gconstpointer data)
{
  GtkWidget *widget = sitroom_test_find_widget (root, match, data);

  g_assert_nonnull (widget);
  return widget;
}

/* The label showing @text in the table, once the table has drawn it. */
static GtkWidget *
table_label (Fixture    *fixture,
             const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *label;

  while ((label = sitroom_test_find_widget (GTK_WIDGET (fixture->table), is_label, text)) == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for “%s” in the table", text);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return label;
}

static SitroomCapacityRow *
row_at (Fixture *fixture,
        guint    position)
{
  SitroomCapacityRow *row = sitroom_capacity_row_at (fixture->rows, position);

  g_assert_nonnull (row);
  return row;
}

static char *
row_name (Fixture *fixture,
          guint    position)
{
  char *name = NULL;

  g_object_get (row_at (fixture, position), "name", &name, NULL);
  return name;
}

/* Where the prefecture's own row is in the table. */
static guint
prefecture_position (Fixture *fixture,
                     int      prefecture)
{
  for (guint i = 0; i < g_list_model_get_n_items (fixture->rows); i++)
    if (sitroom_capacity_row_get_site (row_at (fixture, i)) < 0 &&
        sitroom_capacity_row_get_region (row_at (fixture, i)) == prefecture)
      return i;
  g_assert_not_reached ();
}

static void
fixture_set_up_with (Fixture          *fixture,
                     SitroomSituation *situation)
{
  fixture->context = sitroom_context_new ();
  sitroom_context_set_lang (fixture->context, "en");
  sitroom_context_set_situation (fixture->context, situation);

  fixture->view = SITROOM_CAPACITY_VIEW (sitroom_capacity_view_new (fixture->context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1400, 1000);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  fixture->table = GTK_COLUMN_VIEW (find (GTK_WIDGET (fixture->view), is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)));
  fixture->rows = G_LIST_MODEL (gtk_column_view_get_model (fixture->table));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_with (fixture, demo);
  table_label (fixture, "Yangquan");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
}

/* The demo edited: @edit changes its JSON before it is read. */
static SitroomSituation *
edited_demo (void (*edit) (JsonObject *root))
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SitroomSituation *situation;
  char *text;

  json_parser_load_from_data (parser, g_bytes_get_data (demo_bytes, NULL), g_bytes_get_size (demo_bytes), &error);
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)));
  text = json_to_string (json_parser_get_root (parser), FALSE);
  bytes = g_bytes_new_take (text, strlen (text));
  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  return situation;
}

static void
drop_illustrative (JsonObject *root)
{
  g_assert_true (json_object_has_member (root, "illustrative"));
  json_object_remove_member (root, "illustrative");
}

/* Yu County's site gets beds for all. */
static void
widen_yu_county (JsonObject *root)
{
  JsonArray *sites = json_object_get_array_member (root, "quarantine_sites");

  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);

      if (g_str_equal (json_object_get_string_member (site, "id"), "yq-01"))
        json_object_set_int_member (site, "capacity", 300);
    }
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const names[] = { "Taiyuan", "Yangquan", "Jincheng", "Jinzhong", "Yuncheng" };
  guint yangquan = prefecture_position (fixture, region ("140300"));
  g_autoptr(GtkTreeListRow) list_row = NULL;
  gint64 capacity, occupied, free;
  gboolean overfull;
  SitroomCapacityRow *site;
  g_autofree char *site_name = NULL;
  GtkWidget *label;

  /* The prefectures with centralized sites, in code order. */
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = row_name (fixture, i);

      g_assert_cmpstr (name, ==, names[i]);
    }

  g_object_get (row_at (fixture, yangquan), "capacity", &capacity, "occupied", &occupied,
                "free", &free, "overfull", &overfull, NULL);
  g_assert_cmpint (capacity, ==, 220);
  g_assert_cmpint (occupied, ==, 234);
  g_assert_cmpint (free, ==, 0);
  g_assert_true (overfull);

  /* In the warning colour, and said in words. */
  label = table_label (fixture, "234");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_has_css_class (table_label (fixture, "Yangquan"), "error"));
  g_assert_true (gtk_widget_has_css_class (table_label (fixture, "106 % over-full"), "error"));
  g_assert_false (gtk_widget_has_css_class (table_label (fixture, "Taiyuan"), "error"));
  g_assert_false (gtk_widget_has_css_class (table_label (fixture, "40 %"), "error"));

  /* Its site under it. */
  list_row = g_list_model_get_item (fixture->rows, yangquan);
  g_assert_true (gtk_tree_list_row_is_expandable (list_row));
  gtk_tree_list_row_set_expanded (list_row, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, G_N_ELEMENTS (names) + 1);
  site = row_at (fixture, yangquan + 1);
  g_assert_cmpint (sitroom_capacity_row_get_site (site), >=, 0);
  g_assert_cmpint (sitroom_capacity_row_get_region (site), ==, region ("140300"));
  site_name = row_name (fixture, yangquan + 1);
  g_assert_cmpstr (site_name, ==, "Yu County site");
  g_assert_true (gtk_widget_has_css_class (table_label (fixture, "Yu County site"), "error"));
}

/* Home quarantine takes no bed: listed apart, not among a prefecture's sites. */
static void
test_home (Fixture       *fixture,
           gconstpointer  data)
{
  SitroomCapacityRow *taiyuan = row_at (fixture, prefecture_position (fixture, region ("140100")));
  gint64 capacity;

  g_assert_cmpuint (g_list_model_get_n_items (sitroom_capacity_row_get_children (taiyuan)), ==, 2);
  g_object_get (taiyuan, "capacity", &capacity, NULL);
  g_assert_cmpint (capacity, ==, 600);
  g_assert_true (gtk_widget_is_visible (find (GTK_WIDGET (fixture->view), is_label, "412 at home")));
  g_assert_true (gtk_widget_is_visible (find (GTK_WIDGET (fixture->view), is_label, "163 at home")));
}

static void
assert_order (Fixture           *fixture,
              const char * const names[],
              guint              n_names)
{
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, n_names);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = row_name (fixture, i);

      g_assert_cmpstr (name, ==, names[i]);
    }
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  /* 40 %, 106 %, 38 %, 51 % and 43 %. */
  static const char * const fullest[] = { "Yangquan", "Yu County site", "Jinzhong", "Yuncheng", "Taiyuan", "Jincheng" };
  static const char * const emptiest[] = { "Jincheng", "Taiyuan", "Yuncheng", "Jinzhong", "Yangquan", "Yu County site" };
  g_autoptr(GListModel) columns = G_LIST_MODEL (g_object_ref (gtk_column_view_get_columns (fixture->table)));
  g_autoptr(GtkColumnViewColumn) occupancy = g_list_model_get_item (columns, SITROOM_CAPACITY_COLUMN_OCCUPANCY);
  g_autoptr(GtkTreeListRow) yangquan = g_list_model_get_item (fixture->rows, prefecture_position (fixture, region ("140300")));

  g_assert_cmpstr (gtk_column_view_column_get_title (occupancy), ==, "Occupancy");
  gtk_tree_list_row_set_expanded (yangquan, TRUE);

  /* The column's own order, a first click's, puts the fullest first; its
   * sites stay under Yangquan. */
  gtk_column_view_sort_by_column (fixture->table, occupancy, GTK_SORT_ASCENDING);
  assert_order (fixture, fullest, G_N_ELEMENTS (fullest));
  gtk_column_view_sort_by_column (fixture->table, occupancy, GTK_SORT_DESCENDING);
  assert_order (fixture, emptiest, G_N_ELEMENTS (emptiest));
}

/* One of Taiyuan's two sites gets fewer beds than people: 60 for 71. */
static void
shrink_taiyuan_site (JsonObject *root)
{
  JsonArray *sites = json_object_get_array_member (root, "quarantine_sites");

  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);

      if (g_str_equal (json_object_get_string_member (site, "id"), "ty-01"))
        json_object_set_int_member (site, "capacity", 60);
    }
}

/* A prefecture with beds to spare in all and one over-full site says both:
 * Taiyuan holds 240 people in 360 beds. */
static void
test_overfull_site (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SitroomSituation) shrunk = edited_demo (shrink_taiyuan_site);

  sitroom_context_set_situation (fixture->context, shrunk);
  g_assert_true (gtk_widget_has_css_class (table_label (fixture, "67 % · a site over-full"), "error"));
  g_assert_true (gtk_widget_has_css_class (table_label (fixture, "Taiyuan"), "error"));
  g_assert_cmpstr (sitroom_figure_get_value (SITROOM_FIGURE (find (GTK_WIDGET (fixture->view), is_figure, "Over-full sites"))), ==, "2");
}

static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *overfull = find (GTK_WIDGET (fixture->view), is_figure, "Over-full sites");
  g_autoptr(SitroomSituation) widened = edited_demo (widen_yu_county);

  g_assert_cmpstr (sitroom_figure_get_value (SITROOM_FIGURE (overfull)), ==, "1");
  g_assert_true (gtk_widget_has_css_class (overfull, "capacity-warning"));
  g_assert_cmpstr (sitroom_figure_get_value (SITROOM_FIGURE (find (GTK_WIDGET (fixture->view), is_figure, "Beds"))), ==, "1520");
  g_assert_cmpstr (sitroom_figure_get_value (SITROOM_FIGURE (find (GTK_WIDGET (fixture->view), is_figure, "Occupied"))), ==, "775");
  /* Yangquan's 14 extra people take no bed elsewhere. */
  g_assert_cmpstr (sitroom_figure_get_value (SITROOM_FIGURE (find (GTK_WIDGET (fixture->view), is_figure, "Free beds"))), ==, "759");

  /* A new document with room for all in Yu County. */
  sitroom_context_set_situation (fixture->context, widened);
  g_assert_cmpstr (sitroom_figure_get_value (SITROOM_FIGURE (overfull)), ==, "0");
  g_assert_false (gtk_widget_has_css_class (overfull, "capacity-warning"));
  g_assert_cmpstr (sitroom_figure_get_value (SITROOM_FIGURE (find (GTK_WIDGET (fixture->view), is_figure, "Beds"))), ==, "1600");
}

static void
test_illustrative (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *mark = find (GTK_WIDGET (fixture->view), is_mark, NULL);
  g_autoptr(SitroomSituation) reported = edited_demo (drop_illustrative);
  const char *tooltip;

  g_assert_true (gtk_widget_is_visible (mark));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (mark)), ==, "illustrative");
  tooltip = gtk_widget_get_tooltip_text (mark);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Quarantine figures"));
  g_assert_nonnull (strstr (tooltip, "Quarantine cohorts"));

  sitroom_context_set_situation (fixture->context, reported);
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_visible_mark, NULL));
  g_assert_false (gtk_widget_is_visible (mark));

  sitroom_context_set_situation (fixture->context, demo);
  g_assert_true (gtk_widget_is_visible (mark));
}

static SitroomCapacityChart *
chart_of (Fixture *fixture,
          int      prefecture)
{
  return SITROOM_CAPACITY_CHART (find (GTK_WIDGET (fixture->view), is_chart_of, GINT_TO_POINTER (prefecture)));
}

/* The region of the card shown first. */
static int
first_card (Fixture *fixture)
{
  GtkFlowBox *box = GTK_FLOW_BOX (find (GTK_WIDGET (fixture->view), is_chart_box, NULL));
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (box, 0);

  g_assert_nonnull (child);
  return sitroom_capacity_card_get_region (gtk_flow_box_child_get_child (child));
}

static gboolean
has_prefix (GtkWidget     *widget,
            gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static void
test_arrivals (Fixture       *fixture,
               gconstpointer  data)
{
  int taiyuan = region ("140100");
  GtkWidget *card = gtk_widget_get_parent (GTK_WIDGET (chart_of (fixture, taiyuan)));
  GtkSpinButton *spin = sitroom_capacity_card_get_arrivals (card);
  GtkWidget *reset = gtk_widget_get_last_child (gtk_widget_get_last_child (card));
  SitroomFigure *running_out = SITROOM_FIGURE (find (GTK_WIDGET (fixture->view), is_figure, "Running out in 14 days"));
  SitroomCapacityRow *row = row_at (fixture, prefecture_position (fixture, taiyuan));
  const SitroomPrefectureForecast *forecast;
  g_autofree char *running_before = g_strdup (sitroom_figure_get_value (running_out));
  g_autofree char *running_after = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expected = NULL;
  gint64 full_on;

  /* On the mean, Taiyuan's beds last: the field is empty and shows the mean. */
  g_assert_cmpint (sitroom_capacity_view_get_arrivals (fixture->view, taiyuan), ==, -1);
  forecast = sitroom_forecast_lookup (sitroom_capacity_view_get_forecast (fixture->view), taiyuan);
  g_assert_false (forecast->arrivals_set);
  g_assert_cmpint (forecast->full_on, ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  g_assert_cmpstr (gtk_text_get_placeholder_text (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (spin)))), !=, "");
  g_assert_false (gtk_widget_get_sensitive (reset));
  g_object_get (row, "full-on", &full_on, NULL);
  g_assert_cmpint (full_on, ==, G_MAXINT64);
  g_assert_nonnull (sitroom_test_find_widget (card, is_label, "Beds last the 14 days"));

  /* 1000 a day fill its 600 beds within the 14 days. */
  sitroom_capacity_view_set_arrivals (fixture->view, taiyuan, 1000);
  g_assert_cmpint (sitroom_capacity_view_get_arrivals (fixture->view, taiyuan), ==, 1000);
  forecast = sitroom_forecast_lookup (sitroom_capacity_view_get_forecast (fixture->view), taiyuan);
  g_assert_true (forecast->arrivals_set);
  g_assert_cmpfloat (forecast->arrivals, ==, 1000);
  g_assert_cmpint (forecast->full_on, >=, 0);
  g_assert_cmpint (forecast->full_on, <, SITROOM_FORECAST_DAYS);
  g_object_get (row, "full-on", &full_on, NULL);
  g_assert_cmpint (full_on, ==, forecast->days[forecast->full_on].day);
  date = sitroom_capacity_row_format_day (full_on, "en");
  expected = g_strdup_printf ("Beds run out on %s", date);
  g_assert_nonnull (sitroom_test_find_widget (card, is_label, expected));
  g_assert_nonnull (table_label (fixture, date));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 1000);
  g_assert_true (gtk_widget_get_sensitive (reset));
  running_after = g_strdup_printf ("%d", atoi (running_before) + 1);
  g_assert_cmpstr (sitroom_figure_get_value (running_out), ==, running_after);

  /* The field sets them too, and an empty field is the mean. */
  gtk_spin_button_set_value (spin, 200);
  g_assert_cmpint (sitroom_capacity_view_get_arrivals (fixture->view, taiyuan), ==, 200);
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  gtk_spin_button_update (spin);
  g_assert_cmpint (sitroom_capacity_view_get_arrivals (fixture->view, taiyuan), ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");

  /* So does the reset. */
  sitroom_capacity_view_set_arrivals (fixture->view, taiyuan, 1000);
  g_signal_emit_by_name (reset, "clicked");
  g_assert_cmpint (sitroom_capacity_view_get_arrivals (fixture->view, taiyuan), ==, -1);
  forecast = sitroom_forecast_lookup (sitroom_capacity_view_get_forecast (fixture->view), taiyuan);
  g_assert_cmpint (forecast->full_on, ==, -1);
  g_assert_cmpstr (sitroom_figure_get_value (running_out), ==, running_before);
  g_object_get (row, "full-on", &full_on, NULL);
  g_assert_cmpint (full_on, ==, G_MAXINT64);

  /* A what-if outlives a new document of the same feed. */
  sitroom_capacity_view_set_arrivals (fixture->view, taiyuan, 1000);
  sitroom_context_set_situation (fixture->context, NULL);
  g_assert_null (sitroom_capacity_view_get_forecast (fixture->view));
  sitroom_context_set_situation (fixture->context, demo);
  g_assert_cmpint (sitroom_capacity_view_get_arrivals (fixture->view, taiyuan), ==, 1000);
  g_assert_cmpint (sitroom_forecast_lookup (sitroom_capacity_view_get_forecast (fixture->view), taiyuan)->full_on, >=, 0);
}

/* Draws @chart as the screen does, through its own snapshot. */
static void
draw_chart (SitroomCapacityChart *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >, 0);
  GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
}

static void
wait_for_charts (Fixture *fixture,
                 int      prefecture)
{
  SitroomCapacityChart *chart = chart_of (fixture, prefecture);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_draws;

  while (sitroom_capacity_chart_get_n_draws (chart) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the charts to be drawn");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  /* Let the window settle: its first frames may still be giving the
   * charts their final size, which rightly draws them again. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  do
    {
      gint64 quiet = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

      n_draws = sitroom_capacity_chart_get_n_draws (chart);
      while (g_get_monotonic_time () < quiet)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
  while (sitroom_capacity_chart_get_n_draws (chart) != n_draws && g_get_monotonic_time () < deadline);
}

static GtkEventController *
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

/* The middle of forecast day @day's column in @chart. */
static double
day_x (SitroomCapacityChart *chart,
       int                   day)
{
  SitroomCapacityOptions options = { SITROOM_STYLE_LIGHT, "en", -1, FALSE, 1 };
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  int left = -1, right = -1;

  for (int x = 0; x < width; x++)
    if (sitroom_capacity_render_forecast_day_at (&options, width, height, x, height / 2.0) == day)
      {
        if (left < 0)
          left = x;
        right = x;
      }
  g_assert_cmpint (left, >=, 0);
  return (left + right) / 2.0;
}

static void
test_cache (Fixture       *fixture,
            gconstpointer  data)
{
  int taiyuan = region ("140100");
  int jincheng = region ("140500");
  SitroomCapacityChart *changed = chart_of (fixture, taiyuan);
  SitroomCapacityChart *same = chart_of (fixture, jincheng);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkEventController *motion = controller_of (GTK_WIDGET (changed), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  double y = gtk_widget_get_height (GTK_WIDGET (changed)) / 2.0;
  guint changed_draws, same_draws;

  wait_for_charts (fixture, taiyuan);
  draw_chart (changed);
  draw_chart (same);
  changed_draws = sitroom_capacity_chart_get_n_draws (changed);
  same_draws = sitroom_capacity_chart_get_n_draws (same);
  g_assert_cmpuint (changed_draws, >=, 1);

  /* Nothing changed: the drawings are reused. */
  draw_chart (changed);
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  for (gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5; g_get_monotonic_time () < deadline;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (changed), ==, changed_draws);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (same), ==, same_draws);

  /* A new forecast draws anew only the prefecture it changed. */
  sitroom_capacity_view_set_arrivals (fixture->view, taiyuan, 1000);
  g_assert_true (chart_of (fixture, taiyuan) == changed);
  g_assert_true (sitroom_capacity_chart_get_forecast (same) == sitroom_capacity_view_get_forecast (fixture->view));
  draw_chart (changed);
  draw_chart (same);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (changed), ==, changed_draws + 1);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (same), ==, same_draws);
  sitroom_capacity_view_set_arrivals (fixture->view, taiyuan, 1000);
  draw_chart (changed);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (changed), ==, changed_draws + 1);

  /* The selection moves the cards, not their drawings. */
  sitroom_context_set_selected_prefecture (fixture->context, jincheng);
  draw_chart (changed);
  draw_chart (same);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (changed), ==, changed_draws + 1);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (same), ==, same_draws);

  /* The pointer over a day marks it; elsewhere in the same day changes nothing. */
  g_signal_emit_by_name (motion, "enter", day_x (changed, 3), y);
  g_assert_cmpint (sitroom_capacity_chart_get_hover_day (changed), ==, 3);
  draw_chart (changed);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (changed), ==, changed_draws + 2);
  g_signal_emit_by_name (motion, "motion", day_x (changed, 3) + 1, y + 20);
  draw_chart (changed);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (changed), ==, changed_draws + 2);
  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (sitroom_capacity_chart_get_hover_day (changed), ==, -1);
  draw_chart (changed);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (changed), ==, changed_draws + 3);

  /* The dark style. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  draw_chart (same);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (same), ==, same_draws + 1);
  draw_chart (same);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (same), ==, same_draws + 1);
}

static void
run_frames (Fixture *fixture)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
wait_for_text_scale (SitroomCapacityChart *chart,
                     double                text_scale)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!G_APPROX_VALUE (sitroom_capacity_chart_get_text_scale (chart), text_scale, 0.01))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("text scale %g, not %g", sitroom_capacity_chart_get_text_scale (chart), text_scale);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* A chart's type follows its CSS font size: a wall's 24 px draws it 1.64
 * times a desk's, once; a change of style that leaves the type alone
 * draws nothing. */
static void
test_text_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  int taiyuan = region ("140100");
  SitroomCapacityChart *chart = chart_of (fixture, taiyuan);
  GtkCssProvider *provider = gtk_css_provider_new ();
  guint n_draws;

  gtk_css_provider_load_from_data (provider, ".wall-type { font-size: 24px; } .tinted { color: #c01c28; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  wait_for_charts (fixture, taiyuan);
  g_assert_cmpfloat (sitroom_capacity_chart_get_text_scale (chart), ==, 1.0);
  draw_chart (chart);
  n_draws = sitroom_capacity_chart_get_n_draws (chart);

  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "tinted");
  run_frames (fixture);
  draw_chart (chart);
  g_assert_cmpfloat (sitroom_capacity_chart_get_text_scale (chart), ==, 1.0);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (chart), ==, n_draws);

  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "wall-type");
  wait_for_text_scale (chart, 1.636);
  run_frames (fixture);
  draw_chart (chart);
  draw_chart (chart);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (chart), ==, n_draws + 1);

  gtk_widget_remove_css_class (GTK_WIDGET (fixture->window), "wall-type");
  wait_for_text_scale (chart, 1.0);
  run_frames (fixture);
  draw_chart (chart);
  g_assert_cmpuint (sitroom_capacity_chart_get_n_draws (chart), ==, n_draws + 2);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  g_object_unref (provider);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* Fewer, larger charts to a row, as a wall display asks. */
static void
test_forecast_columns (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkFlowBox *box = GTK_FLOW_BOX (find (GTK_WIDGET (fixture->view), is_chart_box, NULL));
  guint notified = 0;

  g_signal_connect_swapped (fixture->view, "notify::forecast-columns", G_CALLBACK (count_notify), &notified);
  g_assert_cmpuint (sitroom_capacity_view_get_forecast_columns (fixture->view), ==, 4);
  g_assert_cmpuint (gtk_flow_box_get_max_children_per_line (box), ==, 4);

  sitroom_capacity_view_set_forecast_columns (fixture->view, 3);
  sitroom_capacity_view_set_forecast_columns (fixture->view, 3);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (gtk_flow_box_get_max_children_per_line (box), ==, 3);
  g_assert_cmpuint (sitroom_capacity_view_get_forecast_columns (fixture->view), ==, 3);
}

/* What a screen reader hears of a chart: the day the beds run out, and the
 * day the keyboard marks. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  int yangquan = region ("140300");
  SitroomCapacityChart *chart = chart_of (fixture, yangquan);
  const SitroomPrefectureForecast *forecast = sitroom_forecast_lookup (sitroom_capacity_view_get_forecast (fixture->view), yangquan);
  GtkEventController *keys = controller_of (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_autofree char *date = NULL;
  g_autofree char *first = NULL;
  g_autofree char *people = NULL;
  g_autofree char *description = NULL;
  g_autofree char *marked = NULL;
  gboolean handled = FALSE;

  /* Over-full at the cutoff, and expected so the next day. */
  g_assert_cmpint (forecast->full_on, >=, 0);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Forecast of quarantine beds in Yangquan");
  date = sitroom_capacity_row_format_day (forecast->days[forecast->full_on].day, "en");
  description = g_strdup_printf ("Beds run out on %s (220 beds)", date);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* The keyboard steps to the first day. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, (GdkModifierType) 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (sitroom_capacity_chart_get_hover_day (chart), ==, 0);
  first = sitroom_capacity_row_format_day (forecast->days[0].day, "en");
  people = g_strdup_printf ("%" G_GINT64_FORMAT, forecast->days[0].occupied);
  marked = g_strdup_printf ("%s. %s: %s people expected in 220 beds%s", description, first, people,
                            forecast->days[0].occupied >= 220 ? ", no free bed" : "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, marked);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, (GdkModifierType) 0, &handled);
  g_assert_cmpint (sitroom_capacity_chart_get_hover_day (chart), ==, -1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
}

static int
selected_region (Fixture *fixture,
                 int     *site)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (fixture->rows);
  SitroomCapacityRow *row = sitroom_capacity_row_at (fixture->rows, gtk_single_selection_get_selected (selection));

  *site = row != NULL ? sitroom_capacity_row_get_site (row) : -1;
  return row != NULL ? sitroom_capacity_row_get_region (row) : -1;
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (fixture->rows);
  int yangquan = region ("140300");
  int jincheng = region ("140500");
  int taiyuan = region ("140100");
  g_autoptr(GtkTreeListRow) yangquan_row = NULL;
  guint site_position;
  int site;

  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (first_card (fixture), ==, taiyuan);

  /* The context picks out the row, and the card comes first. */
  sitroom_context_set_selected_prefecture (fixture->context, yangquan);
  g_assert_cmpint (selected_region (fixture, &site), ==, yangquan);
  g_assert_cmpint (site, ==, -1);
  g_assert_cmpint (first_card (fixture), ==, yangquan);

  /* The table picks the prefecture for every page. */
  gtk_single_selection_set_selected (selection, prefecture_position (fixture, jincheng));
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, jincheng);
  g_assert_cmpint (first_card (fixture), ==, jincheng);

  /* A site picks its prefecture, and stays selected. */
  yangquan_row = g_list_model_get_item (fixture->rows, prefecture_position (fixture, yangquan));
  gtk_tree_list_row_set_expanded (yangquan_row, TRUE);
  site_position = prefecture_position (fixture, yangquan) + 1;
  gtk_single_selection_set_selected (selection, site_position);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, yangquan);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, site_position);
  g_assert_cmpint (selected_region (fixture, &site), ==, yangquan);
  g_assert_cmpint (site, >=, 0);

  /* A prefecture without centralized sites has no row to select. */
  sitroom_context_set_selected_prefecture (fixture->context, region ("140200"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  sitroom_context_set_selected_prefecture (fixture->context, taiyuan);
  g_assert_cmpint (selected_region (fixture, &site), ==, taiyuan);

  /* The whole province again: nothing selected. */
  sitroom_context_set_selected_prefecture (fixture->context, -1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (first_card (fixture), ==, taiyuan);

  /* Unselecting in the table is the whole province too. */
  gtk_single_selection_set_selected (selection, prefecture_position (fixture, jincheng));
  gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (selection), prefecture_position (fixture, jincheng));
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, -1);
}

/* Names follow the context's language. */
static void
test_lang (Fixture       *fixture,
           gconstpointer  data)
{
  sitroom_context_set_lang (fixture->context, "zh");
  table_label (fixture, "阳泉市");
  g_assert_nonnull (sitroom_test_find_widget (gtk_widget_get_parent (GTK_WIDGET (chart_of (fixture, region ("140300")))),
                                              is_label, "阳泉市"));
  g_assert_nonnull (sitroom_test_find_widget (GTK_WIDGET (fixture->view), has_prefix, "Beds run out on 8月"));
}

/* Without a document there is no forecast; the first document brings it. */
static void
test_no_document (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  GtkWidget *view = g_object_ref_sink (sitroom_capacity_view_new (context));

  g_assert_null (sitroom_capacity_view_get_forecast (SITROOM_CAPACITY_VIEW (view)));
  g_assert_cmpint (sitroom_capacity_view_get_arrivals (SITROOM_CAPACITY_VIEW (view), 0), ==, -1);
  sitroom_context_set_situation (context, demo);
  g_assert_nonnull (sitroom_capacity_view_get_forecast (SITROOM_CAPACITY_VIEW (view)));
  g_assert_cmpuint (sitroom_forecast_get_n_prefectures (sitroom_capacity_view_get_forecast (SITROOM_CAPACITY_VIEW (view))), ==, 5);
  g_assert_true (sitroom_capacity_view_get_context (SITROOM_CAPACITY_VIEW (view)) == context);

  sitroom_capacity_view_set_context (SITROOM_CAPACITY_VIEW (view), NULL);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  /* The test backend keeps accessible properties where the tests can read
   * them, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  demo_bytes = sitroom_source_read (NULL, 0, &error);
  g_assert_no_error (error);
  demo = sitroom_situation_new_from_bytes (demo_bytes, NULL, NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/capacity-view/table/rows", test_rows);
  ADD ("/ui/capacity-view/table/home", test_home);
  ADD ("/ui/capacity-view/table/sort", test_sort);
  ADD ("/ui/capacity-view/table/overfull-site", test_overfull_site);
  ADD ("/ui/capacity-view/header/overfull", test_header);
  ADD ("/ui/capacity-view/header/illustrative", test_illustrative);
  ADD ("/ui/capacity-view/arrivals/what-if", test_arrivals);
  ADD ("/ui/capacity-view/chart/cache", test_cache);
  ADD ("/ui/capacity-view/chart/text-scale", test_text_scale);
  ADD ("/ui/capacity-view/chart/columns", test_forecast_columns);
  ADD ("/ui/capacity-view/chart/accessible", test_accessible);
  ADD ("/ui/capacity-view/selection/both-ways", test_selection);
  ADD ("/ui/capacity-view/lang/names", test_lang);
  g_test_add_func ("/ui/capacity-view/context/none", test_no_document);

#undef ADD

  result = g_test_run ();
  g_clear_object (&demo);
  g_clear_pointer (&demo_bytes, g_bytes_unref);
  return result;
}
