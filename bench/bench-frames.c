/* Helpers the window benchmarks share: timing a window's frames from its frame clock. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-frames.h"

static void
update_done_cb (GdkFrameClock *clock,
                BenchFrames   *frames)
{
  frames->paint_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                BenchFrames   *frames)
{
  if (frames->measuring && frames->paint_start != 0 && frames->frame > 2)
    {
      double ms = (g_get_monotonic_time () - frames->paint_start) / 1000.0;

      g_array_append_val (frames->times, ms);
    }
  frames->paint_start = 0;
}

void
bench_frames_attach (BenchFrames   *frames,
                     GdkFrameClock *clock)
{
  frames->times = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect_after (clock, "update", G_CALLBACK (update_done_cb), frames);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), frames);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
bench_settle (guint ms)
{
  gboolean done = FALSE;
  gint64 end = g_get_monotonic_time () + (gint64) (ms + 1000) * 1000;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}
