/* Times the timeline widget's frames in a real window on 200 chains of 500 events and 100 000 cases: redrawn unchanged, panned, scrubbed, against an empty widget. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "bench-frames.h"
#include "bench-stats.h"
#include "sitroom-timeline-private.h"

/*
 * One undecorated window of 1920×1080 holding a stack of two pages: the
 * timeline over a synthetic situation, and a GtkDrawingArea without a draw
 * function (the baseline: what GTK costs for a widget of that size that
 * draws nothing). Each frame is driven by a tick callback:
 *
 *   baseline   the drawing area is queued to redraw;
 *   cached     the timeline is queued to redraw with nothing changed: it
 *              hands GTK the render nodes it kept, and GTK, finding the
 *              same nodes, repaints nothing;
 *   baseline, repainted / cached, repainted
 *              the same, under a veil over the whole window (an almost
 *              transparent drawing area whose colour changes every frame),
 *              so that GTK repaints the whole window each frame: for the
 *              timeline, its kept nodes painted again, as when something
 *              over it or the window itself changes;
 *   panning    the window of time moves PAN_PIXELS a frame, then back:
 *              every visible lane, the axis and the cutoff are drawn anew;
 *   scrubbing  the context's cutoff moves a few hours a frame: the lanes
 *              and the cutoff are drawn anew, the axis kept. The view the
 *              context builds for each cutoff is made in the tick, before
 *              the frame's time starts.
 *
 * A frame's time is from the end of the frame clock's update phase to the
 * end of its paint: layout, the snapshot of every widget, GSK's drawing
 * of what changed (GSK_RENDERER=cairo) and its upload to the display.
 * Rounds alternate the cases, so that a busy neighbour slows them all.
 */

#define DAY (24 * 3600)
#define PAN_PIXELS 7.0              /* per frame */
#define PAN_FRAMES_PER_LEG 120      /* then back the other way */
#define SCRUB_STEP (3 * 3600)       /* per frame */

typedef enum {
  CASE_BASELINE,
  CASE_CACHED,
  CASE_BASELINE_REPAINTED,
  CASE_CACHED_REPAINTED,
  CASE_PANNING,
  CASE_SCRUBBING,
  N_CASES
} Case;

static const char *const case_names[N_CASES] = {
  "empty widget (baseline)",
  "timeline, cached (redrawn, nothing changed)",
  "empty widget, the whole window repainted",
  "timeline, cached, the whole window repainted",
  "timeline, panning",
  "timeline, scrubbing the cutoff",
};

static const char *const case_keys[N_CASES] = {
  "baseline", "cached", "baseline_repainted", "cached_repainted", "panning", "scrubbing"
};

typedef struct {
  GtkWidget *window;
  GdkFrameClock *clock;
  GtkStack *stack;
  GtkWidget *empty;
  GtkWidget *veil;
  SitroomTimeline *timeline;
  SitroomContext *context;
  gint64 as_of;
  gint64 fit_start;
  gint64 fit_end;
  Case current;
  guint wanted;
  BenchFrames frames;
} Bench;

/* What sitroom-gen (beside this program, or --gen) writes for the sizes asked. */
static GBytes *
generate (const char  *gen,
          int          chains,
          int          events,
          int          cases,
          GError     **error)
{
  g_autofree char *chains_arg = g_strdup_printf ("%d", chains);
  g_autofree char *events_arg = g_strdup_printf ("%d", events);
  g_autofree char *cases_arg = g_strdup_printf ("%d", cases);
  const char *argv[] = { gen, "--chains", chains_arg, "--events", events_arg, "--cases", cases_arg,
                         "--seed", "1", NULL };
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_free (out);
      return NULL;
    }
  return g_bytes_new_take (out, strlen (out));
}

/* There and back: 0 up to PAN_FRAMES_PER_LEG and down again. */
static double
leg_position (guint frame)
{
  guint leg = frame / PAN_FRAMES_PER_LEG;
  guint step = frame % PAN_FRAMES_PER_LEG;

  return leg % 2 == 0 ? step : PAN_FRAMES_PER_LEG - step;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  SitroomTimelineViewport viewport;
  gint64 shift;

  switch (bench->current)
    {
    case CASE_BASELINE:
      gtk_widget_queue_draw (bench->empty);
      break;
    case CASE_CACHED:
      gtk_widget_queue_draw (GTK_WIDGET (bench->timeline));
      break;
    case CASE_BASELINE_REPAINTED:
    case CASE_CACHED_REPAINTED:
      gtk_widget_queue_draw (bench->veil);
      break;
    case CASE_PANNING:
      sitroom_timeline_get_viewport (bench->timeline, &viewport);
      shift = (gint64) (leg_position (bench->frames.frame) * PAN_PIXELS / (viewport.width - 200) *
                        (bench->fit_end - bench->fit_start));
      sitroom_timeline_set_window (bench->timeline, bench->fit_start + shift, bench->fit_end + shift);
      break;
    case CASE_SCRUBBING:
      sitroom_context_set_cutoff (bench->context,
                                  bench->as_of - (gint64) leg_position (bench->frames.frame) * SCRUB_STEP);
      break;
    case N_CASES:
    default:
      g_assert_not_reached ();
    }

  bench->frames.frame++;
  if (bench->frames.times->len >= bench->wanted)
    {
      bench->frames.measuring = FALSE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Two colours the eye cannot tell apart, but GTK can. */
static void
draw_veil (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  Bench *bench = user_data;

  cairo_set_source_rgba (cr, 0, 0, 0, bench->frames.frame % 2 ? 0.01 : 0.02);
  cairo_paint (cr);
}

static void
measure (Bench *bench,
         Case   which,
         guint  frames)
{
  gboolean empty = which == CASE_BASELINE || which == CASE_BASELINE_REPAINTED;
  GtkWidget *page = empty ? bench->empty : GTK_WIDGET (bench->timeline);

  /* Every case starts from the fitted window and the document's as_of. */
  sitroom_timeline_set_window (bench->timeline, bench->fit_start, bench->fit_end);
  sitroom_context_set_cutoff (bench->context, SITROOM_TIME_NONE);
  gtk_stack_set_visible_child (bench->stack, page);
  gtk_widget_set_visible (bench->veil, which == CASE_BASELINE_REPAINTED || which == CASE_CACHED_REPAINTED);
  bench_settle (100);

  bench->current = which;
  bench->frames.frame = 0;
  bench->wanted = frames;
  g_array_set_size (bench->frames.times, 0);
  bench->frames.measuring = TRUE;
  gtk_widget_add_tick_callback (bench->window, tick_cb, bench, NULL);
  while (bench->frames.measuring)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int frames = 300, rounds = 3, width = 1920, height = 1080;
  int chains = 200, events = 500, cases = 100000;
  g_autofree char *gen = NULL;
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames measured per case and round (300)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Rounds, alternating the cases (3)", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width (1920)", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height (1080)", "PX" },
    { "chains", 0, 0, G_OPTION_ARG_INT, &chains, "Chains to generate (200)", "N" },
    { "events", 0, 0, G_OPTION_ARG_INT, &events, "Events per chain (500)", "N" },
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, "Cases (100000)", "N" },
    { "gen", 0, 0, G_OPTION_ARG_FILENAME, &gen, "The generator (default: sitroom-gen beside this program)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the timeline widget's frames");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  GArray *medians[N_CASES], *p95s[N_CASES];
  guint lanes, axis, cutoff;
  GtkWidget *overlay;
  Bench bench = { 0 };

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-timeline-frames: %s\n", error->message);
      return 2;
    }
  if (frames < 1 || rounds < 1 || chains < 1 || events < 0 || cases < 0 || width < 400 || height < 200)
    {
      g_printerr ("bench-timeline-frames: sizes and counts must be positive\n");
      return 2;
    }
  if (gen == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (argv[0]);

      gen = g_build_filename (dir, "sitroom-gen", NULL);
    }
  gtk_init ();
  adw_init ();

  document = generate (gen, chains, events, cases, &error);
  if (document != NULL)
    situation = sitroom_situation_new_from_bytes (document, NULL, NULL, &error);
  if (situation == NULL)
    {
      g_printerr ("bench-timeline-frames: no document: %s\n", error->message);
      return 1;
    }

  bench.context = sitroom_context_new ();
  sitroom_context_set_lang (bench.context, "zh");
  sitroom_context_accept (bench.context, situation, g_get_real_time ());
  sitroom_context_set_selected_chain (bench.context, 0);
  bench.as_of = sitroom_situation_get_as_of (situation);

  bench.window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (bench.window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), width, height);
  bench.stack = GTK_STACK (gtk_stack_new ());
  bench.timeline = SITROOM_TIMELINE (sitroom_timeline_new (bench.context));
  bench.empty = gtk_drawing_area_new ();
  gtk_stack_add_child (bench.stack, GTK_WIDGET (bench.timeline));
  gtk_stack_add_child (bench.stack, bench.empty);
  bench.veil = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bench.veil), draw_veil, &bench, NULL);
  gtk_widget_set_can_target (bench.veil, FALSE);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (bench.stack));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), bench.veil);
  gtk_window_set_child (GTK_WINDOW (bench.window), overlay);
  sitroom_timeline_renderer_get_extent (sitroom_timeline_get_renderer (bench.timeline),
                                        &bench.fit_start, &bench.fit_end);

  gtk_window_present (GTK_WINDOW (bench.window));
  bench_settle (500);
  bench.clock = gtk_widget_get_frame_clock (bench.window);
  bench_frames_attach (&bench.frames, bench.clock);

  /* Each case once before anything counts. */
  for (Case c = 0; c < N_CASES; c++)
    {
      medians[c] = g_array_new (FALSE, FALSE, sizeof (double));
      p95s[c] = g_array_new (FALSE, FALSE, sizeof (double));
      measure (&bench, c, 30);
    }

  for (int round = 1; round <= rounds; round++)
    {
      g_printerr ("  round %d:", round);
      for (Case c = 0; c < N_CASES; c++)
        {
          double median, p95;

          measure (&bench, c, frames);
          median = bench_percentile ((const double *) bench.frames.times->data, bench.frames.times->len, 0.5);
          p95 = bench_percentile ((const double *) bench.frames.times->data, bench.frames.times->len, 0.95);
          g_array_append_val (medians[c], median);
          g_array_append_val (p95s[c], p95);
          g_printerr (" %s %.2f/%.2f ms;", case_keys[c], median, p95);
        }
      g_printerr ("\n");
    }

  g_print ("size: %dx%d\n", gtk_widget_get_width (GTK_WIDGET (bench.timeline)),
           gtk_widget_get_height (GTK_WIDGET (bench.timeline)));
  g_print ("data: %u chains, %d events, %u cases\n", sitroom_situation_get_n_chains (situation),
           chains * events, sitroom_situation_get_n_cases (situation));
  g_print ("frames: %d x %d rounds\n", frames, rounds);
  for (Case c = 0; c < N_CASES; c++)
    {
      g_print ("# %s\n", case_names[c]);
      g_print ("%s_median_ms: %.2f\n", case_keys[c],
               bench_percentile ((const double *) medians[c]->data, medians[c]->len, 0.5));
      g_print ("%s_p95_ms: %.2f\n", case_keys[c],
               bench_percentile ((const double *) p95s[c]->data, p95s[c]->len, 0.5));
    }
  /* Each against the empty widget under the same conditions. */
  for (Case c = CASE_CACHED; c < N_CASES; c++)
    {
      Case base = c == CASE_CACHED_REPAINTED ? CASE_BASELINE_REPAINTED : CASE_BASELINE;

      if (c == CASE_BASELINE_REPAINTED)
        continue;
      g_print ("%s_p95_ratio: %.2f\n", case_keys[c],
               bench_percentile ((const double *) p95s[c]->data, p95s[c]->len, 0.5) /
               bench_percentile ((const double *) p95s[base]->data, p95s[base]->len, 0.5));
    }
  sitroom_timeline_get_n_builds (bench.timeline, &lanes, &axis, &cutoff);
  g_print ("builds: %u lanes, %u axes, %u cutoffs\n", lanes, axis, cutoff);

  gtk_window_destroy (GTK_WINDOW (bench.window));
  for (Case c = 0; c < N_CASES; c++)
    {
      g_array_unref (medians[c]);
      g_array_unref (p95s[c]);
    }
  g_array_unref (bench.frames.times);
  g_object_unref (bench.context);
  return 0;
}
