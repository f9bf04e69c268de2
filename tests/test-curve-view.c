/* Tests of the epidemic curve on screen over the built-in demo: the grouping switch, the selection, the cutoff, hover, the cached drawing, its type size, and the switch hidden. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "sitroom-curve-render.h"
#include "sitroom-curve-view.h"
#include "sitroom-format.h"
#include "sitroom-source.h"
#include "sitroom-test-widgets.h"
#include "sitroom-time.h"

/* The demo at its as_of (2022-08-20 13:00 CST), by CST day: 2, 3, 2 and 4
 * positives from 17 to 20 August. */
#define WHOLE_PROVINCE "Daily new positives from 17 Aug to 20 Aug: 11 in all, most on 20 Aug (4)"

static SitroomSituation *demo;

typedef struct {
  SitroomContext *context;
  GtkWindow *window;
  SitroomCurveView *view;
  GtkWidget *plot;
} Fixture;

static gboolean
is_plot (GtkWidget     *widget,
         gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_css_name (widget), "sitroom-curve-plot") == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_button (Fixture    *fixture,
             const char *label)
{
  GtkWidget *button = sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_button_labelled, label);

  g_assert_nonnull (button);
  return button;
}

/* The label saying what the curve is narrowed to, when it is shown. */
static gboolean
is_narrowed_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         !GTK_IS_BUTTON (gtk_widget_get_parent (widget)) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "Narrowed to ");
}

static GtkWidget *
narrowed_label (Fixture *fixture)
{
  return sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_narrowed_label, NULL);
}

static void
wait_for_plot (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (fixture->plot) || gtk_widget_get_width (fixture->plot) < 600)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the curve to be shown");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->context = sitroom_context_new ();
  sitroom_context_set_lang (fixture->context, "en");
  sitroom_context_set_situation (fixture->context, demo);

  fixture->view = SITROOM_CURVE_VIEW (sitroom_curve_view_new (fixture->context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1000, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  fixture->plot = sitroom_test_find_widget (GTK_WIDGET (fixture->view), is_plot, NULL);
  g_assert_nonnull (fixture->plot);
  wait_for_plot (fixture);
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

/* The drawing as the screen shows it: its own snapshot, drawn by cairo. */
static cairo_surface_t *
render_plot (Fixture *fixture)
{
  GtkWidget *widget = fixture->plot;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget));
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels that differ between two drawings of the same size, within
 * columns [@x0, @x1). */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              x0,
                   int              x1)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a);
  const guchar *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  x0 = CLAMP (x0, 0, width);
  x1 = CLAMP (x1, 0, width);
  for (int y = 0; y < height; y++)
    for (int x = x0; x < x1; x++)
      n += *(const guint32 *) (pa + y * stride + x * 4) != *(const guint32 *) (pb + y * stride + x * 4);
  return n;
}

static guint
count_all_differences (cairo_surface_t *a,
                       cairo_surface_t *b)
{
  return count_differences (a, b, 0, cairo_image_surface_get_width (a));
}

static void
assert_label (Fixture    *fixture,
              const char *expected)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->plot), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

static void
test_grouping (Fixture       *fixture,
               gconstpointer  data)
{
  GtkToggleButton *by_prefecture = GTK_TOGGLE_BUTTON (find_button (fixture, "By prefecture"));
  GtkToggleButton *by_chain = GTK_TOGGLE_BUTTON (find_button (fixture, "By chain"));
  g_autofree char *property = NULL;
  cairo_surface_t *prefectures, *chains, *again;
  guint notified = 0;

  g_signal_connect_swapped (fixture->view, "notify::grouping", G_CALLBACK (count_notify), &notified);
  g_assert_cmpstr (sitroom_curve_view_get_grouping (fixture->view), ==, "by-prefecture");
  g_assert_true (gtk_toggle_button_get_active (by_prefecture));
  g_assert_false (gtk_toggle_button_get_active (by_chain));
  prefectures = render_plot (fixture);

  /* The switch sets the property, once. */
  gtk_toggle_button_set_active (by_chain, TRUE);
  g_assert_cmpstr (sitroom_curve_view_get_grouping (fixture->view), ==, "by-chain");
  g_object_get (fixture->view, "grouping", &property, NULL);
  g_assert_cmpstr (property, ==, "by-chain");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (gtk_toggle_button_get_active (by_prefecture));

  /* 17 August's two Jincheng cases are the Z22 chain's: the same bar in
   * the first group's colour instead of the third's, and another legend. */
  chains = render_plot (fixture);
  g_assert_cmpuint (count_all_differences (prefectures, chains), >, 1000);
  /* The day totals do not change with the stacking. */
  assert_label (fixture, WHOLE_PROVINCE);

  sitroom_curve_view_set_grouping (fixture->view, "by-chain");
  g_assert_cmpuint (notified, ==, 1);

  /* The property moves the switch, and the picture comes back exactly. */
  g_object_set (fixture->view, "grouping", "by-prefecture", NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (gtk_toggle_button_get_active (by_prefecture));
  g_assert_false (gtk_toggle_button_get_active (by_chain));
  again = render_plot (fixture);
  g_assert_cmpuint (count_all_differences (prefectures, again), ==, 0);

  cairo_surface_destroy (prefectures);
  cairo_surface_destroy (chains);
  cairo_surface_destroy (again);
}

static void
test_select_chain (Fixture       *fixture,
                   gconstpointer  data)
{
  int z22 = sitroom_situation_lookup_chain (demo, "0817-z22");
  g_autoptr(SitroomView) whole = sitroom_view_new (demo, sitroom_situation_get_as_of (demo), -1, -1);
  guint positives;
  g_autofree char *expected = NULL;
  cairo_surface_t *before, *after;

  g_assert_cmpint (z22, >=, 0);
  assert_label (fixture, WHOLE_PROVINCE);
  g_assert_null (narrowed_label (fixture));
  g_assert_false (gtk_widget_is_visible (find_button (fixture, "Show Whole Province")));
  before = render_plot (fixture);

  /* The chain's 7 positives: 2, 3 and 2 from the 17th, none on the 20th. */
  sitroom_context_set_selected_chain (fixture->context, z22);
  positives = sitroom_view_get_chain (whole, z22)->counts.positives;
  g_assert_cmpuint (positives, ==, 7);
  expected = g_strdup_printf ("Daily new positives from 17 Aug to 20 Aug: %u in all, most on 18 Aug (3)", positives);
  assert_label (fixture, expected);
  g_assert_nonnull (narrowed_label (fixture));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (narrowed_label (fixture))), ==,
                   "Narrowed to Train Z22 \"8·17\" chain");
  after = render_plot (fixture);
  g_assert_cmpuint (count_all_differences (before, after), >, 1000);
  cairo_surface_destroy (after);

  /* The button clears the selection, and the curve is the province's again. */
  g_signal_emit_by_name (find_button (fixture, "Show Whole Province"), "clicked");
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, -1);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, -1);
  assert_label (fixture, WHOLE_PROVINCE);
  g_assert_false (gtk_widget_is_visible (find_button (fixture, "Show Whole Province")));
  after = render_plot (fixture);
  g_assert_cmpuint (count_all_differences (before, after), ==, 0);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

static void
test_select_prefecture (Fixture       *fixture,
                        gconstpointer  data)
{
  int jincheng = sitroom_situation_lookup_region (demo, "140500");
  int z22 = sitroom_situation_lookup_chain (demo, "0817-z22");

  /* Jincheng's 5: 2, 1 and 2 from the 17th; the first of the busiest days. */
  sitroom_context_set_selected_prefecture (fixture->context, jincheng);
  assert_label (fixture, "Daily new positives from 17 Aug to 20 Aug: 5 in all, most on 17 Aug (2)");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (narrowed_label (fixture))), ==, "Narrowed to Jincheng");

  /* Both narrow it; the Z22 chain's Yuncheng and Taiyuan cases are out. */
  sitroom_context_set_selected_chain (fixture->context, z22);
  g_assert_cmpuint (sitroom_view_get_totals (sitroom_context_get_view (fixture->context))->positives, ==, 5);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (narrowed_label (fixture))), ==,
                   "Narrowed to Train Z22 \"8·17\" chain in Jincheng");

  /* Names follow the context's language. */
  sitroom_context_set_lang (fixture->context, "zh");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (narrowed_label (fixture))), ==,
                   "Narrowed to Z22列车“8·17”关联疫情 in 晋城市");

  g_signal_emit_by_name (find_button (fixture, "Show Whole Province"), "clicked");
  g_assert_cmpint (sitroom_context_get_selected_prefecture (fixture->context), ==, -1);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, -1);
  assert_label (fixture, WHOLE_PROVINCE);
}

static void
test_cutoff (Fixture       *fixture,
             gconstpointer  data)
{
  cairo_surface_t *before, *after;
  guint n_draws;
  gint64 cutoff;

  before = render_plot (fixture);
  n_draws = sitroom_curve_view_get_n_draws (fixture->view);

  /* At 09:00 on the 19th, the day's first case has just been reported. */
  g_assert_true (sitroom_time_parse ("2022-08-19T09:00:00+08:00", &cutoff, NULL));
  sitroom_context_set_cutoff (fixture->context, cutoff);
  assert_label (fixture, "Daily new positives from 17 Aug to 19 Aug: 6 in all, most on 18 Aug (3)");
  after = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 1);
  g_assert_cmpuint (count_all_differences (before, after), >, 1000);
  cairo_surface_destroy (after);

  /* Before the first case: no day at all. */
  g_assert_true (sitroom_time_parse ("2022-08-17T12:00:00+08:00", &cutoff, NULL));
  sitroom_context_set_cutoff (fixture->context, cutoff);
  assert_label (fixture, "Daily new positives: none by the cutoff");

  sitroom_context_set_cutoff (fixture->context, SITROOM_TIME_NONE);
  assert_label (fixture, WHOLE_PROVINCE);
  after = render_plot (fixture);
  g_assert_cmpuint (count_all_differences (before, after), ==, 0);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

static GtkEventController *
motion_controller (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (fixture->plot);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  g_assert_not_reached ();
}

/* The columns of @day's slot, as day_at() finds them. */
static void
day_columns (Fixture *fixture,
             guint    day,
             int     *left,
             int     *right)
{
  g_autoptr(SitroomCurve) curve = sitroom_curve_new (sitroom_context_get_view (fixture->context),
                                                     SITROOM_CURVE_BY_PREFECTURE);
  SitroomCurveOptions options = { SITROOM_STYLE_LIGHT, "en", -1, FALSE, 1 };
  int width = gtk_widget_get_width (fixture->plot);
  int height = gtk_widget_get_height (fixture->plot);

  *left = -1;
  *right = -1;
  for (int x = 0; x < width; x++)
    if (sitroom_curve_render_day_at (curve, &options, width, height, x, height / 2.0) == (int) day)
      {
        if (*left < 0)
          *left = x;
        *right = x + 1;
      }
  g_assert_cmpint (*left, >=, 0);
  g_assert_cmpint (*right - *left, >, 50);
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  GtkEventController *motion = motion_controller (fixture);
  double y = gtk_widget_get_height (fixture->plot) / 2.0;
  cairo_surface_t *plain, *hovered, *surface;
  int left, right, next_left, next_right;
  guint n_draws;

  plain = render_plot (fixture);
  n_draws = sitroom_curve_view_get_n_draws (fixture->view);

  /* Over the 18th's bar: the box of its values opens beside the slot. */
  day_columns (fixture, 1, &left, &right);
  g_signal_emit_by_name (motion, "enter", (double) (left + right) / 2, y);
  hovered = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 1);
  g_assert_cmpuint (count_differences (plain, hovered, right + 1, G_MAXINT), >, 2000);
  /* Nothing changed left of the slot. */
  g_assert_cmpuint (count_differences (plain, hovered, 0, left - 1), ==, 0);

  /* Elsewhere in the same day: the same drawing, not drawn again. */
  g_signal_emit_by_name (motion, "motion", (double) left + 3, y + 40);
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 1);
  g_assert_cmpuint (count_all_differences (hovered, surface), ==, 0);
  cairo_surface_destroy (surface);

  /* The next day is another picture. */
  day_columns (fixture, 2, &next_left, &next_right);
  g_signal_emit_by_name (motion, "motion", (double) (next_left + next_right) / 2, y);
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 2);
  g_assert_cmpuint (count_all_differences (hovered, surface), >, 1000);
  cairo_surface_destroy (surface);

  /* Leaving takes the box away. */
  g_signal_emit_by_name (motion, "leave");
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 3);
  g_assert_cmpuint (count_all_differences (plain, surface), ==, 0);
  cairo_surface_destroy (surface);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hovered);
}

/* Lets the window settle: on a busy machine its first frames may still be
 * giving the plot its final size, which rightly redraws it. Returns once
 * half a second has gone by without a drawing (a frame can be late by more
 * than a fifth of one under load). */
static void
settle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_draws;

  do
    {
      gint64 quiet = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      n_draws = sitroom_curve_view_get_n_draws (fixture->view);
      while (g_get_monotonic_time () < quiet)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
  while (sitroom_curve_view_get_n_draws (fixture->view) != n_draws && g_get_monotonic_time () < deadline);
}

static void
test_cache (Fixture       *fixture,
            gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  cairo_surface_t *first, *surface;
  gint64 deadline;
  guint n_draws;

  settle (fixture);
  first = render_plot (fixture);
  n_draws = sitroom_curve_view_get_n_draws (fixture->view);
  g_assert_cmpuint (n_draws, >=, 1);

  /* Drawn again with nothing changed, and frames of the window going by:
   * the drawing is reused. */
  surface = render_plot (fixture);
  cairo_surface_destroy (surface);
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws);

  /* A selection the view already has changes nothing. */
  sitroom_context_set_selected_chain (fixture->context, -1);
  surface = render_plot (fixture);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws);

  /* The language of the legend and the axis. */
  sitroom_context_set_lang (fixture->context, "zh");
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 1);
  g_assert_cmpuint (count_all_differences (first, surface), >, 100);
  cairo_surface_destroy (surface);
  sitroom_context_set_lang (fixture->context, "en");
  surface = render_plot (fixture);
  g_assert_cmpuint (count_all_differences (first, surface), ==, 0);
  cairo_surface_destroy (surface);
  n_draws = sitroom_curve_view_get_n_draws (fixture->view);

  /* The dark style. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 1);
  g_assert_cmpuint (count_all_differences (first, surface), >, 10000);
  cairo_surface_destroy (surface);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 2);
  cairo_surface_destroy (surface);

  /* Another size. */
  gtk_widget_size_allocate (fixture->plot,
                            &(GtkAllocation) { 0, 0, gtk_widget_get_width (fixture->plot) - 100,
                                               gtk_widget_get_height (fixture->plot) },
                            -1);
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 3);
  cairo_surface_destroy (surface);
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_view_get_n_draws (fixture->view), ==, n_draws + 3);
  cairo_surface_destroy (surface);

  cairo_surface_destroy (first);
}

/* Type as large as a wall's, and a change of style that is not of the
 * type, given to the window by CSS. */
static GtkCssProvider *
add_type_styles (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider, ".wall-type { font-size: 24px; } .tinted { color: #c01c28; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return provider;
}

static void
wait_for_text_scale (Fixture *fixture,
                     double   text_scale)
{
  SitroomCurvePlot *plot = SITROOM_CURVE_PLOT (fixture->plot);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (G_APPROX_VALUE (sitroom_curve_plot_get_text_scale (plot), text_scale, 0.01) == FALSE)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("text scale %g, not %g", sitroom_curve_plot_get_text_scale (plot), text_scale);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Frames for a fifth of a second. */
static void
run_frames (Fixture *fixture)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The curve's type follows its CSS font size: 24 px, a wall's, draws it
 * 1.64 times a desk's, once; back at the desktop's size it is the desk's
 * picture again, pixel for pixel. A change of style that leaves the type
 * alone draws nothing. */
static void
test_text_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  SitroomCurvePlot *plot = SITROOM_CURVE_PLOT (fixture->plot);
  g_autoptr(GtkCssProvider) provider = add_type_styles ();
  cairo_surface_t *desk, *surface;
  guint n_draws;

  g_assert_true (sitroom_curve_view_get_plot (fixture->view) == plot);
  g_assert_cmpfloat (sitroom_curve_plot_get_text_scale (plot), ==, 1.0);
  settle (fixture);
  desk = render_plot (fixture);
  n_draws = sitroom_curve_plot_get_n_draws (plot);

  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "tinted");
  run_frames (fixture);
  g_assert_cmpfloat (sitroom_curve_plot_get_text_scale (plot), ==, 1.0);
  g_assert_cmpuint (sitroom_curve_plot_get_n_draws (plot), ==, n_draws);

  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "wall-type");
  wait_for_text_scale (fixture, 1.636);
  g_assert_cmpfloat_with_epsilon (sitroom_curve_plot_get_text_scale (plot), 1.636, 0.001);
  run_frames (fixture);
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_plot_get_n_draws (plot), ==, n_draws + 1);
  cairo_surface_destroy (surface);

  gtk_widget_remove_css_class (GTK_WIDGET (fixture->window), "wall-type");
  wait_for_text_scale (fixture, 1.0);
  run_frames (fixture);
  surface = render_plot (fixture);
  g_assert_cmpuint (sitroom_curve_plot_get_n_draws (plot), ==, n_draws + 2);
  g_assert_cmpuint (count_all_differences (desk, surface), ==, 0);
  cairo_surface_destroy (surface);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  cairo_surface_destroy (desk);
}

/* A wall display has no grouping switch and no "Show Whole Province";
 * what the curve is narrowed to is still said. */
static void
test_controls_hidden (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *by_chain = find_button (fixture, "By chain");
  GtkWidget *whole = find_button (fixture, "Show Whole Province");
  guint notified = 0;

  g_signal_connect_swapped (fixture->view, "notify::controls-visible", G_CALLBACK (count_notify), &notified);
  g_assert_true (sitroom_curve_view_get_controls_visible (fixture->view));
  g_assert_true (gtk_widget_is_visible (by_chain));

  sitroom_curve_view_set_controls_visible (fixture->view, FALSE);
  sitroom_curve_view_set_controls_visible (fixture->view, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (gtk_widget_is_visible (by_chain));
  g_assert_false (gtk_widget_is_visible (find_button (fixture, "By prefecture")));

  sitroom_context_set_selected_prefecture (fixture->context,
                                           sitroom_situation_lookup_region (demo, "140500"));
  g_assert_nonnull (narrowed_label (fixture));
  g_assert_false (gtk_widget_is_visible (whole));

  sitroom_curve_view_set_controls_visible (fixture->view, TRUE);
  g_assert_true (gtk_widget_is_visible (by_chain));
  g_assert_true (gtk_widget_is_visible (whole));
}

/* Without a document the view draws nothing and says so; the first
 * document fills it. */
static void
test_no_document (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  GtkWidget *view = g_object_ref_sink (sitroom_curve_view_new (context));
  GtkWidget *plot = sitroom_test_find_widget (view, is_plot, NULL);

  sitroom_context_set_lang (context, "en");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Epidemic curve: no situation loaded yet");
  sitroom_context_set_situation (context, demo);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_PROPERTY_LABEL, WHOLE_PROVINCE);
  g_assert_true (sitroom_curve_view_get_context (SITROOM_CURVE_VIEW (view)) == context);

  /* Let go of the context, and the curve goes with it. */
  sitroom_curve_view_set_context (SITROOM_CURVE_VIEW (view), NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Epidemic curve: no situation loaded yet");
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  /* The test backend keeps accessible properties where the tests can read
   * them, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  bytes = sitroom_source_read (NULL, 0, &error);
  g_assert_no_error (error);
  demo = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/curve-view/grouping/switch", test_grouping);
  ADD ("/ui/curve-view/selection/chain", test_select_chain);
  ADD ("/ui/curve-view/selection/prefecture", test_select_prefecture);
  ADD ("/ui/curve-view/cutoff/moves", test_cutoff);
  ADD ("/ui/curve-view/hover/box", test_hover);
  ADD ("/ui/curve-view/draw/cache", test_cache);
  ADD ("/ui/curve-view/draw/text-scale", test_text_scale);
  ADD ("/ui/curve-view/controls/hidden", test_controls_hidden);
  g_test_add_func ("/ui/curve-view/context/none", test_no_document);

#undef ADD

  result = g_test_run ();
  g_clear_object (&demo);
  return result;
}
