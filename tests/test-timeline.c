/* Tests of the timeline widget on the built-in demo: the drawing, the cutoff dragged, zoom and pan, clicks, tooltips, the render nodes it keeps, and its type size. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sitroom-source.h"
#include "sitroom-test-widgets.h"
#include "sitroom-time.h"
#include "sitroom-timeline-private.h"

#define WIDTH 1200
#define HEIGHT 600

typedef struct {
  SitroomContext *context;
  SitroomSituation *situation;
  GtkWidget *window;
  SitroomTimeline *timeline;
  int chain;                    /* the 8·17 chain */
  int quarantine;               /* its quarantine event */
} Fixture;

static gint64
parse_time (const char *text)
{
  gint64 t = 0;

  g_assert_true (sitroom_time_parse (text, &t, NULL));
  return t;
}

static void
wait_until_drawn (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->timeline)) ||
         gtk_widget_get_width (GTK_WIDGET (fixture->timeline)) <= 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the timeline");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const SitroomChain *chain;
  int height = data != NULL ? GPOINTER_TO_INT (data) : HEIGHT;

  fixture->situation = sitroom_source_load (NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->context = sitroom_context_new ();
  sitroom_context_set_lang (fixture->context, "en");
  sitroom_context_accept (fixture->context, fixture->situation, g_get_real_time ());

  fixture->chain = sitroom_situation_lookup_chain (fixture->situation, "0817-z22");
  g_assert_cmpint (fixture->chain, >=, 0);
  chain = sitroom_situation_get_chain (fixture->situation, fixture->chain);
  fixture->quarantine = -1;
  for (guint i = 0; i < chain->n_events; i++)
    if (chain->events[i].kind == SITROOM_EVENT_QUARANTINE)
      fixture->quarantine = (int) i;
  g_assert_cmpint (fixture->quarantine, >=, 0);
  g_assert_cmpint (chain->events[fixture->quarantine].at, ==, parse_time ("2022-08-17T18:00:00+08:00"));

  fixture->timeline = SITROOM_TIMELINE (sitroom_timeline_new (fixture->context));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WIDTH, height);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->timeline));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until_drawn (fixture);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->situation);
}

/* The widget as the screen shows it: its own snapshot, drawn by cairo. */
static cairo_surface_t *
render (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
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

static void
render_and_drop (Fixture *fixture)
{
  cairo_surface_destroy (render (fixture));
}

static gboolean
pixel_is (cairo_surface_t    *surface,
          int                 x,
          int                 y,
          const SitroomColor *color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  /* Opaque: premultiplied ARGB is the colour itself. */
  return (pixel >> 24) == 0xff &&
         abs ((int) ((pixel >> 16) & 0xff) - (int) lround (color->red * 255)) <= 8 &&
         abs ((int) ((pixel >> 8) & 0xff) - (int) lround (color->green * 255)) <= 8 &&
         abs ((int) (pixel & 0xff) - (int) lround (color->blue * 255)) <= 8;
}

/* Pixels of @color in the column at @x of @lane. */
static guint
count_in_lane (Fixture         *fixture,
               cairo_surface_t *surface,
               guint            lane,
               double           x,
               const SitroomColor *color)
{
  SitroomTimelineViewport viewport;
  double lx, ly, lw, lh;
  guint n = 0;

  sitroom_timeline_get_viewport (fixture->timeline, &viewport);
  sitroom_timeline_renderer_get_lane_rect (sitroom_timeline_get_renderer (fixture->timeline),
                                           &viewport, lane, &lx, &ly, &lw, &lh);
  for (int y = (int) ly; y < (int) (ly + lh); y++)
    if (pixel_is (surface, (int) round (x), y, color))
      n++;
  return n;
}

static double
time_x (Fixture *fixture,
        gint64   time)
{
  SitroomTimelineViewport viewport;

  sitroom_timeline_get_viewport (fixture->timeline, &viewport);
  return sitroom_timeline_viewport_time_to_x (&viewport,
                                              sitroom_timeline_renderer_get_label_width (sitroom_timeline_get_renderer (fixture->timeline)),
                                              time);
}

static gint64
x_time (Fixture *fixture,
        double   x)
{
  SitroomTimelineViewport viewport;

  sitroom_timeline_get_viewport (fixture->timeline, &viewport);
  return sitroom_timeline_viewport_x_to_time (&viewport,
                                              sitroom_timeline_renderer_get_label_width (sitroom_timeline_get_renderer (fixture->timeline)),
                                              x);
}

/* Where in its lane the renderer finds @kind at the x of @time: the
 * middle of the first run of rows it hits there. */
static gboolean
find_hit (Fixture                *fixture,
          guint                   lane,
          double                  x,
          SitroomTimelineHitKind  kind,
          int                     index,
          double                 *y_out)
{
  SitroomTimelineRenderer *renderer = sitroom_timeline_get_renderer (fixture->timeline);
  SitroomTimelineViewport viewport;
  double lx, ly, lw, lh;

  sitroom_timeline_get_viewport (fixture->timeline, &viewport);
  sitroom_timeline_renderer_get_lane_rect (renderer, &viewport, lane, &lx, &ly, &lw, &lh);
  for (double y = ly; y < ly + lh; y += 1)
    {
      SitroomTimelineHit hit;

      sitroom_timeline_renderer_hit (renderer, &viewport, x, y, &hit);
      if (hit.kind == kind && (index < 0 || hit.index == index))
        {
          *y_out = y;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_draw_lanes (Fixture       *fixture,
                 gconstpointer  data)
{
  const SitroomChain *chain = sitroom_situation_get_chain (fixture->situation, fixture->chain);
  int yanhu = sitroom_situation_lookup_chain (fixture->situation, "0820-yanhu");
  cairo_surface_t *surface = render (fixture);
  double x = time_x (fixture, chain->events[fixture->quarantine].at);
  SitroomColor mark;

  g_assert_cmpuint (sitroom_timeline_renderer_get_n_lanes (sitroom_timeline_get_renderer (fixture->timeline)), ==, 5);
  sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &mark);
  /* The mark is in 8·17's lane at its time, and not in 8·20's, which
   * has no event then. */
  g_assert_cmpuint (count_in_lane (fixture, surface, fixture->chain, x, &mark), >=, 3);
  g_assert_cmpint (yanhu, >=, 0);
  g_assert_cmpuint (count_in_lane (fixture, surface, yanhu, x, &mark), ==, 0);
  /* Nor beside it, where 8·17 has nothing. */
  g_assert_cmpuint (count_in_lane (fixture, surface, fixture->chain, x - 40, &mark), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_first_window (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 start, end, fit_start, fit_end;

  /* Fitted to the story on the first data. */
  sitroom_timeline_get_window (fixture->timeline, &start, &end);
  sitroom_timeline_renderer_get_extent (sitroom_timeline_get_renderer (fixture->timeline), &fit_start, &fit_end);
  g_assert_cmpint (start, ==, fit_start);
  g_assert_cmpint (end, ==, fit_end);
  g_assert_cmpint (start, <, parse_time ("2022-08-16T11:00:00+08:00"));
  g_assert_cmpint (end, >, sitroom_situation_get_as_of (fixture->situation));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->timeline), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Timeline of 4 infection chains");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->timeline)));
}

/* The earliest event or case of the demo: 8·20's family set out on the 16th. */
static gint64
story_start (Fixture *fixture)
{
  return parse_time ("2022-08-16T11:00:00+08:00");
}

static void
test_cutoff_drag (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 as_of = sitroom_situation_get_as_of (fixture->situation);
  SitroomTimelineRenderer *renderer = sitroom_timeline_get_renderer (fixture->timeline);
  double axis_h = sitroom_timeline_renderer_get_axis_height (renderer);
  double x = time_x (fixture, as_of);
  double handle_y = -1;
  gint64 expected;

  render_and_drop (fixture);

  /* On the line in a lane. */
  sitroom_timeline_press (fixture->timeline, x, axis_h + 10);
  sitroom_timeline_drag (fixture->timeline, -150, 3);
  expected = x_time (fixture, x - 150);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), <=, expected);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), >, expected - 60);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context) % 60, ==, 0);
  g_assert_cmpint (sitroom_context_get_effective_cutoff (fixture->context), <, as_of);
  /* The window does not pan while the cutoff is dragged. */
  g_assert_cmpfloat (fabs (time_x (fixture, as_of) - x), <, 0.5);

  /* Far left: the story's start. */
  sitroom_timeline_drag (fixture->timeline, -5000, 0);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), ==, story_start (fixture));
  /* Far right: the as_of, which the cutoff then follows. */
  sitroom_timeline_drag (fixture->timeline, 5000, 0);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), ==, SITROOM_TIME_NONE);
  g_assert_cmpint (sitroom_context_get_effective_cutoff (fixture->context), ==, as_of);
  sitroom_timeline_release (fixture->timeline, 5000, 0);

  /* By the handle in the axis row. */
  for (double y = 0; y < axis_h && handle_y < 0; y++)
    {
      SitroomTimelineViewport viewport;
      SitroomTimelineHit hit;

      sitroom_timeline_get_viewport (fixture->timeline, &viewport);
      sitroom_timeline_renderer_hit (renderer, &viewport, x, y, &hit);
      if (hit.kind == SITROOM_TIMELINE_HIT_CUTOFF)
        handle_y = y;
    }
  g_assert_cmpfloat (handle_y, >=, 0);
  sitroom_timeline_press (fixture->timeline, x, handle_y);
  sitroom_timeline_drag (fixture->timeline, -60, 0);
  sitroom_timeline_release (fixture->timeline, -80, 0);
  expected = x_time (fixture, x - 80);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), <=, expected);
  g_assert_cmpint (sitroom_context_get_cutoff (fixture->context), >, expected - 60);
}

static guint n_notified;

static void
count_notify_cb (void)
{
  n_notified++;
}

static void
test_zoom_pan (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 start, end, start2, end2, fit_start, fit_end;
  double x = 700, y = 100;
  gint64 under;

  g_signal_connect (fixture->timeline, "notify::start", G_CALLBACK (count_notify_cb), NULL);
  n_notified = 0;

  /* Ctrl and the wheel towards the user: in, about the pointer. */
  sitroom_timeline_get_window (fixture->timeline, &start, &end);
  under = x_time (fixture, x);
  g_assert_true (sitroom_timeline_scroll (fixture->timeline, x, y, 0, -1, GDK_CONTROL_MASK, TRUE));
  sitroom_timeline_get_window (fixture->timeline, &start2, &end2);
  g_assert_cmpint (end2 - start2, <, end - start);
  g_assert_cmpint (start2, >, start);
  g_assert_cmpint (end2, <, end);
  g_assert_cmpint (llabs (x_time (fixture, x) - under), <=, 2);
  g_assert_cmpuint (n_notified, ==, 1);

  /* A horizontal wheel pans later by the same span. */
  g_assert_true (sitroom_timeline_scroll (fixture->timeline, x, y, 1, 0, 0, TRUE));
  sitroom_timeline_get_window (fixture->timeline, &start, &end);
  g_assert_cmpint (start, >, start2);
  g_assert_cmpint (end - start, ==, end2 - start2);
  /* Shift turns the vertical wheel into panning. */
  g_assert_true (sitroom_timeline_scroll (fixture->timeline, x, y, 0, -1, GDK_SHIFT_MASK, TRUE));
  sitroom_timeline_get_window (fixture->timeline, &start2, &end2);
  g_assert_cmpint (start2, <, start);
  /* The lanes fit: a plain vertical wheel is left to what holds us. */
  g_assert_false (sitroom_timeline_scroll (fixture->timeline, x, y, 0, 1, 0, TRUE));

  /* A drag on empty space pans the other way of the pointer. */
  sitroom_timeline_press (fixture->timeline, x, 20);
  sitroom_timeline_release (fixture->timeline, 100, 0);
  sitroom_timeline_get_window (fixture->timeline, &start, &end);
  g_assert_cmpint (start, <, start2);
  g_assert_cmpint (end - start, ==, end2 - start2);

  /* The keys: right pans later, minus zooms out, Home fits. */
  g_assert_true (sitroom_timeline_key_pressed (fixture->timeline, GDK_KEY_Right, 0));
  sitroom_timeline_get_window (fixture->timeline, &start2, &end2);
  g_assert_cmpint (start2, >, start);
  g_assert_true (sitroom_timeline_key_pressed (fixture->timeline, GDK_KEY_minus, 0));
  sitroom_timeline_get_window (fixture->timeline, &start, &end);
  g_assert_cmpint (end - start, >, end2 - start2);
  g_assert_true (sitroom_timeline_key_pressed (fixture->timeline, GDK_KEY_plus, 0));
  g_assert_true (sitroom_timeline_key_pressed (fixture->timeline, GDK_KEY_Home, 0));
  sitroom_timeline_get_window (fixture->timeline, &start, &end);
  sitroom_timeline_renderer_get_extent (sitroom_timeline_get_renderer (fixture->timeline), &fit_start, &fit_end);
  g_assert_cmpint (start, ==, fit_start);
  g_assert_cmpint (end, ==, fit_end);

  /* A pinch spreading to twice the distance halves the window. */
  sitroom_timeline_pinch (fixture->timeline, x, 1, TRUE);
  sitroom_timeline_pinch (fixture->timeline, x, 2, FALSE);
  sitroom_timeline_get_window (fixture->timeline, &start2, &end2);
  g_assert_cmpint (llabs ((end2 - start2) - (end - start) / 2), <=, 1);
}

static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  SitroomTimelineViewport viewport;
  double lx, ly, lw, lh;

  sitroom_timeline_get_viewport (fixture->timeline, &viewport);
  sitroom_timeline_renderer_get_lane_rect (sitroom_timeline_get_renderer (fixture->timeline),
                                           &viewport, 1, &lx, &ly, &lw, &lh);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, -1);
  sitroom_timeline_press (fixture->timeline, 40, ly + lh / 2);
  sitroom_timeline_release (fixture->timeline, 1, 1);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, 1);
  /* Again: let go. */
  sitroom_timeline_press (fixture->timeline, 40, ly + lh / 2);
  sitroom_timeline_release (fixture->timeline, 0, 0);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, -1);
  /* A drag is no click. */
  sitroom_timeline_press (fixture->timeline, 40, ly + lh / 2);
  sitroom_timeline_release (fixture->timeline, 30, 0);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, -1);

  /* Down walks to the first chain. */
  g_assert_true (sitroom_timeline_key_pressed (fixture->timeline, GDK_KEY_Down, 0));
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, 0);
}

static void
activated_cb (SitroomTimeline *timeline,
              int              chain,
              int              event,
              int             *out)
{
  out[0] = chain;
  out[1] = event;
  out[2]++;
}

static void
test_click_event (Fixture       *fixture,
                  gconstpointer  data)
{
  const SitroomChain *chain = sitroom_situation_get_chain (fixture->situation, fixture->chain);
  double x, y;
  int got[3] = { -1, -1, 0 };

  render_and_drop (fixture);
  g_signal_connect (fixture->timeline, "event-activated", G_CALLBACK (activated_cb), got);
  x = time_x (fixture, chain->events[fixture->quarantine].at);
  g_assert_true (find_hit (fixture, fixture->chain, x, SITROOM_TIMELINE_HIT_EVENT, fixture->quarantine, &y));

  sitroom_timeline_press (fixture->timeline, x, y);
  sitroom_timeline_release (fixture->timeline, 0, 0);
  g_assert_cmpint (got[2], ==, 1);
  g_assert_cmpint (got[0], ==, fixture->chain);
  g_assert_cmpint (got[1], ==, fixture->quarantine);
  g_assert_cmpint (sitroom_context_get_selected_chain (fixture->context), ==, fixture->chain);

  /* The tooltip tells it in the context's language, with its time. */
  {
    g_autofree char *text = sitroom_timeline_describe_at (fixture->timeline, x, y);

    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Quarantine · 2022-08-17 18:00 CST\n"));
    g_assert_nonnull (strstr (text, chain->events[fixture->quarantine].text.en));
  }
  sitroom_context_set_lang (fixture->context, "zh");
  {
    g_autofree char *text = sitroom_timeline_describe_at (fixture->timeline, x, y);

    g_assert_nonnull (strstr (text, "8月17日18时"));
    g_assert_nonnull (strstr (text, chain->events[fixture->quarantine].text.zh));
  }

  /* Return opens the selected chain's latest event by the cutoff. */
  g_assert_true (sitroom_timeline_key_pressed (fixture->timeline, GDK_KEY_Return, 0));
  g_assert_cmpint (got[2], ==, 2);
  g_assert_cmpint (got[1], ==, (int) chain->n_events - 1);
}

static void
test_tooltip_case (Fixture       *fixture,
                   gconstpointer  data)
{
  int index = -1;
  const SitroomCase *kase;
  g_autofree char *text = NULL;
  double x, y;

  for (guint i = 0; i < sitroom_situation_get_n_cases (fixture->situation); i++)
    if (g_str_equal (sitroom_situation_get_case (fixture->situation, i)->id, "c-0001"))
      index = (int) i;
  g_assert_cmpint (index, >=, 0);
  kase = sitroom_situation_get_case (fixture->situation, index);

  render_and_drop (fixture);
  x = time_x (fixture, kase->reported_at);
  g_assert_true (find_hit (fixture, kase->chain, x, SITROOM_TIMELINE_HIT_CASE, -1, &y));
  text = sitroom_timeline_describe_at (fixture->timeline, x, y);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Case c-0"));
  g_assert_nonnull (strstr (text, "Reported 2022-08-1"));
  /* Nothing over the empty axis row's corner. */
  g_assert_null (sitroom_timeline_describe_at (fixture->timeline, 5, 5));
}

/* Over a lane's label the chain's whole name, laid out on one line: GTK
 * 4.8's own tooltip label broke Chinese after a few characters. */
static void
test_tooltip_label (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autoptr(PangoLayout) line = NULL;
  SitroomTimelineViewport viewport;
  PangoRectangle logical;
  double ly, lh;
  gboolean shown = FALSE;
  int natural, height, one_line;

  sitroom_context_set_lang (fixture->context, "zh");
  render_and_drop (fixture);
  sitroom_timeline_get_viewport (fixture->timeline, &viewport);
  sitroom_timeline_renderer_get_lane_rect (sitroom_timeline_get_renderer (fixture->timeline), &viewport,
                                           3, NULL, &ly, NULL, &lh);
  g_signal_emit_by_name (fixture->timeline, "query-tooltip", 20, (int) (ly + lh / 2), FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (fixture->timeline->tip)), ==, "8·20 “8·20”运城盐湖输入疫情");

  gtk_widget_measure (fixture->timeline->tip, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_measure (fixture->timeline->tip, GTK_ORIENTATION_VERTICAL, natural, NULL, &height, NULL, NULL);
  gtk_widget_measure (fixture->timeline->tip, GTK_ORIENTATION_VERTICAL, 10000, NULL, &one_line, NULL, NULL);
  line = gtk_widget_create_pango_layout (fixture->timeline->tip, "8·20 “8·20”运城盐湖输入疫情");
  pango_layout_get_pixel_extents (line, NULL, &logical);
  g_assert_cmpint (natural, >=, logical.width);
  g_assert_cmpint (height, ==, one_line);
}

static void
test_nodes_reused (Fixture       *fixture,
                   gconstpointer  data)
{
  guint lanes, axis, cutoff, lanes2, axis2, cutoff2;
  gint64 as_of = sitroom_situation_get_as_of (fixture->situation);

  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes, &axis, &cutoff);
  g_assert_cmpuint (lanes, >=, 5);
  g_assert_cmpuint (axis, >=, 1);

  /* Nothing changed: nothing built. */
  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes2, &axis2, &cutoff2);
  g_assert_cmpuint (lanes2, ==, lanes);
  g_assert_cmpuint (axis2, ==, axis);
  g_assert_cmpuint (cutoff2, ==, cutoff);

  /* A new cutoff: the cutoff and the lanes (their dimming), not the axis. */
  sitroom_context_set_cutoff (fixture->context, as_of - 24 * 3600);
  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes2, &axis2, &cutoff2);
  g_assert_cmpuint (axis2, ==, axis);
  g_assert_cmpuint (cutoff2, ==, cutoff + 1);
  g_assert_cmpuint (lanes2, ==, lanes + 5);

  /* A new selection: the selected lane only. */
  sitroom_context_set_selected_chain (fixture->context, 2);
  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes, &axis, &cutoff);
  g_assert_cmpuint (lanes, ==, lanes2 + 1);
  g_assert_cmpuint (axis, ==, axis2);
  g_assert_cmpuint (cutoff, ==, cutoff2);

  /* A pan: everything. */
  sitroom_timeline_scroll (fixture->timeline, 700, 100, 1, 0, 0, TRUE);
  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes2, &axis2, &cutoff2);
  g_assert_cmpuint (lanes2, ==, lanes + 5);
  g_assert_cmpuint (axis2, ==, axis + 1);
  g_assert_cmpuint (cutoff2, ==, cutoff + 1);
}

static void
run_frames (Fixture *fixture)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  gtk_widget_queue_draw (fixture->window);
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
wait_for_text_scale (Fixture *fixture,
                     double   text_scale)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!G_APPROX_VALUE (sitroom_timeline_get_text_scale (fixture->timeline), text_scale, 0.01))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("text scale %g, not %g", sitroom_timeline_get_text_scale (fixture->timeline), text_scale);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a);
  const guchar *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    n += memcmp (pa + y * stride, pb + y * stride, cairo_image_surface_get_width (a) * 4) != 0;
  return n;
}

/* The type follows the widget's CSS font size: at a wall's 24 px the
 * lanes, the axis and the labels' column are 1.64 times a desk's, and every
 * part is built again once; back at the desktop's size the picture is the
 * desk's, pixel for pixel. A change of style that leaves the type alone
 * builds nothing. */
static void
test_text_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  SitroomTimelineRenderer *renderer = sitroom_timeline_get_renderer (fixture->timeline);
  GtkCssProvider *provider = gtk_css_provider_new ();
  cairo_surface_t *desk, *surface;
  guint lanes, axis, lanes2, axis2;
  double lane_height, label_width;
  int natural, natural2;

  gtk_css_provider_load_from_data (provider, ".wall-type { font-size: 24px; } .tinted { color: #c01c28; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_assert_cmpfloat (sitroom_timeline_get_text_scale (fixture->timeline), ==, 1.0);
  run_frames (fixture);
  desk = render (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes, &axis, NULL);
  lane_height = sitroom_timeline_renderer_get_lane_height (renderer);
  label_width = sitroom_timeline_renderer_get_label_width (renderer);
  gtk_widget_measure (GTK_WIDGET (fixture->timeline), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);

  gtk_widget_add_css_class (fixture->window, "tinted");
  run_frames (fixture);
  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes2, &axis2, NULL);
  g_assert_cmpuint (lanes2, ==, lanes);
  g_assert_cmpuint (axis2, ==, axis);

  gtk_widget_add_css_class (fixture->window, "wall-type");
  wait_for_text_scale (fixture, 1.636);
  run_frames (fixture);
  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes2, &axis2, NULL);
  g_assert_cmpuint (lanes2, ==, lanes + 5);
  g_assert_cmpuint (axis2, ==, axis + 1);
  g_assert_cmpfloat (sitroom_timeline_renderer_get_lane_height (renderer), ==, round (lane_height * 24 / (11.0 * 96 / 72)));
  g_assert_cmpfloat (sitroom_timeline_renderer_get_label_width (renderer), >, label_width * 1.6);
  gtk_widget_measure (GTK_WIDGET (fixture->timeline), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural2, NULL, NULL);
  g_assert_cmpint (natural2, >, natural * 1.6);

  gtk_widget_remove_css_class (fixture->window, "wall-type");
  wait_for_text_scale (fixture, 1.0);
  run_frames (fixture);
  surface = render (fixture);
  g_assert_cmpuint (count_differences (desk, surface), ==, 0);
  cairo_surface_destroy (surface);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  g_object_unref (provider);
  cairo_surface_destroy (desk);
}

/* In a window too low for its lanes, the wheel scrolls through them, and
 * the lanes already drawn are moved, not drawn again. */
static void
test_scroll_lanes (Fixture       *fixture,
                   gconstpointer  data)
{
  SitroomTimelineViewport viewport;
  guint lanes, axis, lanes2, axis2;

  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes, &axis, NULL);
  g_assert_true (sitroom_timeline_scroll (fixture->timeline, 700, 100, 0, 1, 0, TRUE));
  sitroom_timeline_get_viewport (fixture->timeline, &viewport);
  g_assert_cmpfloat (viewport.scroll_y, >, 0);
  render_and_drop (fixture);
  sitroom_timeline_get_n_builds (fixture->timeline, &lanes2, &axis2, NULL);
  g_assert_cmpuint (axis2, ==, axis);
  g_assert_cmpuint (lanes2, <=, lanes + 1);

  /* 8·18's first event shows in its lane where the scroll has put it. */
  {
    int yuxian = sitroom_situation_lookup_chain (fixture->situation, "0818-yuxian");
    const SitroomChain *chain = sitroom_situation_get_chain (fixture->situation, yuxian);
    cairo_surface_t *surface = render (fixture);
    SitroomColor mark;

    sitroom_timeline_event_color (SITROOM_STYLE_LIGHT, &mark);
    g_assert_cmpuint (count_in_lane (fixture, surface, yuxian, time_x (fixture, chain->events[0].at), &mark), >=, 3);
    cairo_surface_destroy (surface);
  }

  /* No further than the last lane. */
  for (int i = 0; i < 20; i++)
    sitroom_timeline_scroll (fixture->timeline, 700, 100, 0, 1, 0, TRUE);
  sitroom_timeline_get_viewport (fixture->timeline, &viewport);
  g_assert_cmpfloat (viewport.scroll_y, ==,
                     sitroom_timeline_renderer_get_axis_height (sitroom_timeline_get_renderer (fixture->timeline)) +
                     sitroom_timeline_renderer_get_content_height (sitroom_timeline_get_renderer (fixture->timeline)) -
                     viewport.height);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, set_up, func, tear_down)

  ADD ("/ui/timeline/draw/lanes", test_draw_lanes);
  ADD ("/ui/timeline/draw/first-window", test_first_window);
  ADD ("/ui/timeline/cutoff/drag-clamps", test_cutoff_drag);
  ADD ("/ui/timeline/window/zoom-pan-fit", test_zoom_pan);
  ADD ("/ui/timeline/click/selects-chain", test_click_selects);
  ADD ("/ui/timeline/click/event-activated", test_click_event);
  ADD ("/ui/timeline/tooltip/case", test_tooltip_case);
  ADD ("/ui/timeline/tooltip/label", test_tooltip_label);
  ADD ("/ui/timeline/nodes/reused", test_nodes_reused);
  ADD ("/ui/timeline/draw/text-scale", test_text_scale);
  g_test_add ("/ui/timeline/scroll/lanes", Fixture, GINT_TO_POINTER (200), set_up, test_scroll_lanes, tear_down);

#undef ADD

  return g_test_run ();
}
