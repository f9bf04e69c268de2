/* The feed server's replay: a document's story published step by step as time passes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sitroom-feed-replay.h"
#include "sitroom-feed-server-private.h"

static void replay_publish_next (SitroomFeedServer *self);

static void
replay_clear (SitroomFeedServer *self)
{
  gboolean was_replaying = self->replay_steps != NULL;

  g_clear_handle_id (&self->replay_source, g_source_remove);
  g_clear_pointer (&self->replay_steps, g_ptr_array_unref);
  self->replay_next = 0;
  if (was_replaying)
    sitroom_feed_server_notify_replaying (self);
}

static gboolean
replay_timeout_cb (gpointer user_data)
{
  SitroomFeedServer *self = user_data;

  self->replay_source = 0;
  replay_publish_next (self);
  return G_SOURCE_REMOVE;
}

static void
replay_schedule (SitroomFeedServer *self)
{
  SitroomReplayStep *first;
  SitroomReplayStep *next;
  gint64 due;
  gint64 delay_ms;

  g_assert (self->replay_steps != NULL);

  if (self->replay_next >= self->replay_steps->len)
    {
      g_message ("Replay finished");
      replay_clear (self);
      return;
    }

  first = g_ptr_array_index (self->replay_steps, 0);
  next = g_ptr_array_index (self->replay_steps, self->replay_next);
  /* Due times count from the start, so that publishing time does not add up
   * over the steps. */
  due = self->replay_started + (gint64) ((double) (next->at - first->at) * G_USEC_PER_SEC / self->replay_speed);
  delay_ms = MAX (0, (due - g_get_monotonic_time ()) / 1000);
  self->replay_source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) MIN (delay_ms, G_MAXUINT),
                                            replay_timeout_cb, self, NULL);
}

static void
replay_step_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SitroomFeedServerCall) call = user_data;
  SitroomFeedServer *self = call->self;
  g_autoptr(GError) error = NULL;

  sitroom_feed_server_publish_in_thread_finish (self, result, &error);

  /* Stopped or replaced while this step was being stored. */
  if (self->replay_steps != call->steps)
    return;

  if (error != NULL)
    {
      g_warning ("Replay stopped: %s", error->message);
      replay_clear (self);
      return;
    }
  replay_schedule (self);
}

static void
replay_publish_next (SitroomFeedServer *self)
{
  SitroomReplayStep *step;

  g_assert (self->replay_steps != NULL);
  g_assert (self->replay_next < self->replay_steps->len);

  step = g_ptr_array_index (self->replay_steps, self->replay_next++);
  sitroom_feed_server_publish_in_thread (sitroom_feed_server_call_new (self, NULL, self->replay_steps), step->bytes,
                                         replay_publish_next, replay_step_done_cb);
}

gboolean
sitroom_feed_server_replay_start (SitroomFeedServer *self,
                                  GBytes            *document,
                                  double             speed,
                                  GError           **error)
{
  GPtrArray *steps;

  g_return_val_if_fail (SITROOM_IS_FEED_SERVER (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (speed > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  steps = sitroom_feed_replay_build_steps (document, error);
  if (steps == NULL)
    return FALSE;

  replay_clear (self);
  self->replay_steps = steps;
  self->replay_speed = speed;
  self->replay_started = g_get_monotonic_time ();
  g_message ("Replaying %u steps at %g times real speed", steps->len, speed);
  sitroom_feed_server_notify_replaying (self);
  replay_publish_next (self);
  return TRUE;
}

void
sitroom_feed_server_replay_stop (SitroomFeedServer *self)
{
  g_return_if_fail (SITROOM_IS_FEED_SERVER (self));

  replay_clear (self);
}

gboolean
sitroom_feed_server_get_replaying (SitroomFeedServer *self)
{
  g_return_val_if_fail (SITROOM_IS_FEED_SERVER (self), FALSE);

  return self->replay_steps != NULL;
}
