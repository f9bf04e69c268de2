/* Helpers the window benchmarks share: timing a window's frames from its frame clock. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A frame's time runs from the end of the frame clock's update phase (where
 * a benchmark's tick callback makes its change) to the end of its paint:
 * layout, snapshot, GSK's drawing and the upload to the display. */
typedef struct {
  guint frame;            /* frames the benchmark has driven since it began measuring */
  gboolean measuring;     /* frames are counted, from the third one driven on */
  GArray *times;          /* ms, of each counted frame */
  gint64 paint_start;     /* monotonic µs */
} BenchFrames;

/* Times the frames of @clock into @frames, whose times it makes. */
void bench_frames_attach (BenchFrames   *frames,
                          GdkFrameClock *clock);

/* Runs the main loop for @ms. */
void bench_settle        (guint          ms);

G_END_DECLS
