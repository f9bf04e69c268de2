/* The feed client's polling: conditional GETs on a schedule, back-off with jitter and Retry-After, parsing in a worker and the one-step swap. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sitroom-error.h"
#include "sitroom-feed-client-private.h"

/* A Retry-After is honoured up to an hour: past that, a wrong header
 * would leave the screen stale for longer than anyone would want. */
#define MAX_RETRY_AFTER_MS (60 * 60 * 1000)
/* Not among libsoup 3.2's names. */
#define HTTP_TOO_MANY_REQUESTS 429

/* Exponential back-off with ±20 % jitter, so that many displays failing
 * together do not come back together. */
guint64
sitroom_feed_client_backoff_ms (SitroomFeedClient *self,
                                guint              n_failures)
{
  guint64 delay = MAX (self->retry_initial, 1);

  for (guint i = 1; i < n_failures && delay < self->retry_max; i++)
    delay *= 2;
  delay = MIN (delay, MAX (self->retry_max, 1));
  return (guint64) (delay * g_random_double_range (0.8, 1.2));
}

static char *
format_delay (guint64 delay_ms)
{
  guint64 seconds = (delay_ms + 999) / 1000;

  if (seconds < 60)
    return g_strdup_printf (_("%u s"), (guint) seconds);
  if (seconds % 60 == 0)
    return g_strdup_printf (_("%u min"), (guint) (seconds / 60));
  /* TRANSLATORS: a delay, e.g. "2 min 30 s" */
  return g_strdup_printf (_("%u min %u s"), (guint) (seconds / 60), (guint) (seconds % 60));
}

static char *
describe_failure (SitroomFeedClient *self,
                  const GError      *error,
                  guint              status,
                  guint64            delay_ms)
{
  g_autofree char *where = NULL;
  g_autofree char *since = NULL;
  g_autoptr(GDateTime) first = NULL;

  if (error == NULL)
    {
      g_autofree char *delay = format_delay (delay_ms);

      /* TRANSLATORS: "HTTP 503, retrying in 40 s" */
      return g_strdup_printf (_("HTTP %u, retrying in %s"), status, delay);
    }

  if (error->domain == SITROOM_FEED_ERROR)
    /* TRANSLATORS: "feed refused: /cases/3/region: unknown region code 999999" */
    return g_strdup_printf (_("feed refused: %s"), error->message);

  if (error->domain != SITROOM_FEED_NET_ERROR
      || (error->code != SITROOM_FEED_NET_ERROR_NO_ANSWER
          && error->code != SITROOM_FEED_NET_ERROR_DEADLINE
          && error->code != SITROOM_FEED_NET_ERROR_TRUNCATED))
    return g_strdup (error->message);

  where = sitroom_feed_http_describe_host (self->base);
  first = g_date_time_new_from_unix_local (self->failing_since / G_USEC_PER_SEC);
  since = g_date_time_format (first, "%H:%M");

  switch (error->code)
    {
    case SITROOM_FEED_NET_ERROR_DEADLINE:
      /* TRANSLATORS: "no answer from feed.example:8470 since 13:05 (…)" */
      return g_strdup_printf (_("no answer from %s since %s (the request passed its %u s deadline)"),
                              where, since, self->deadline);
    case SITROOM_FEED_NET_ERROR_TRUNCATED:
      return g_strdup_printf (_("no answer from %s since %s (the document broke off)"), where, since);
    default:
      return g_strdup_printf (_("no answer from %s since %s"), where, since);
    }
}

static gboolean
on_fetch_timer (gpointer user_data)
{
  SitroomFeedClient *self = user_data;

  g_clear_pointer (&self->fetch_timer, g_source_unref);
  sitroom_feed_client_fetch_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_fetch (SitroomFeedClient *self,
                guint64            delay_ms)
{
  sitroom_feed_client_clear_timeout (&self->fetch_timer);
  if (!self->running)
    return;
  self->fetch_timer = sitroom_feed_client_add_timeout (delay_ms, on_fetch_timer, self, "[sitroom] feed fetch");
}

static void
fetch_succeeded (SitroomFeedClient *self)
{
  self->fetching = FALSE;
  self->n_failures = 0;
  self->failing_since = 0;
  self->retry_after_until = 0;

  g_object_freeze_notify (G_OBJECT (self));
  sitroom_feed_client_set_last_error (self, NULL);
  sitroom_feed_client_set_next_retry (self, 0);
  self->last_success = g_get_real_time ();
  sitroom_feed_client_notify (self, PROP_LAST_SUCCESS);
  sitroom_feed_client_set_state (self, SITROOM_FEED_STATE_OK);
  schedule_fetch (self, (guint64) self->poll_interval * 1000);
  /* A publication announced while this fetch was under way may be newer. */
  if (self->fetch_again)
    sitroom_feed_client_fetch_now (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* @error NULL: the server answered with @status. */
static void
fetch_failed (SitroomFeedClient *self,
              const GError      *error,
              guint              status,
              gint64             retry_after)
{
  g_autofree char *message = NULL;
  gint64 now = g_get_real_time ();
  guint64 delay;

  self->fetching = FALSE;
  self->fetch_again = FALSE;
  self->n_failures++;
  if (self->failing_since == 0)
    self->failing_since = now;

  delay = sitroom_feed_client_backoff_ms (self, self->n_failures);
  self->retry_after_until = 0;
  if (error == NULL && retry_after >= 0
      && (status == HTTP_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE))
    {
      delay = CLAMP ((guint64) retry_after * 1000, self->retry_initial, MAX_RETRY_AFTER_MS);
      self->retry_after_until = now + (gint64) delay * 1000;
    }

  message = describe_failure (self, error, status, delay);

  g_object_freeze_notify (G_OBJECT (self));
  sitroom_feed_client_set_last_error (self, message);
  sitroom_feed_client_set_next_retry (self, now + (gint64) delay * 1000);
  sitroom_feed_client_set_state (self, SITROOM_FEED_STATE_FAILING);
  schedule_fetch (self, delay);
  g_object_thaw_notify (G_OBJECT (self));
}

typedef struct {
  GBytes *bytes;
  char   *etag;
  char   *last_modified;
  char   *lang;
  gsize   max_bytes;
} Parse;

static void
parse_free (Parse *parse)
{
  g_bytes_unref (parse->bytes);
  g_free (parse->etag);
  g_free (parse->last_modified);
  g_free (parse->lang);
  g_free (parse);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Parse *parse = task_data;
  SitroomLoadOptions options = { .max_bytes = parse->max_bytes, .lang = parse->lang };
  GError *error = NULL;
  SitroomSituation *situation;

  situation = sitroom_situation_new_from_bytes (parse->bytes, &options, NULL, &error);
  if (situation == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, situation, g_object_unref);
}

static void
on_parsed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(SitroomFeedClient) self = NULL;
  g_autoptr(GError) error = NULL;
  Parse *parse;

  situation = g_task_propagate_pointer (G_TASK (result), &error);
  /* Stopped or disposed: the object may be gone, so nothing touches it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = g_object_ref (user_data);
  if (situation == NULL)
    {
      /* The last good situation stays. */
      fetch_failed (self, error, 0, -1);
      return;
    }

  parse = g_task_get_task_data (G_TASK (result));

  /* One step: every property is in its new state before anyone hears of it. */
  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->situation, situation);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_bytes_ref (parse->bytes);
  sitroom_feed_set_str (&self->last_modified, parse->last_modified);
  sitroom_feed_client_set_etag (self, parse->etag);
  sitroom_feed_client_notify (self, PROP_SITUATION);
  fetch_succeeded (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
parse_async (SitroomFeedClient   *self,
             SitroomFeedResponse *response)
{
  g_autoptr(GTask) task = NULL;
  Parse *parse = g_new0 (Parse, 1);

  parse->bytes = g_bytes_ref (response->body);
  parse->etag = g_strdup (response->etag);
  parse->last_modified = g_strdup (response->last_modified);
  parse->lang = g_strdup (self->lang);
  parse->max_bytes = self->max_bytes;

  /* No source object: the task must not keep the client alive. */
  task = g_task_new (NULL, self->cancellable, on_parsed, self);
  g_task_set_source_tag (task, parse_async);
  g_task_set_task_data (task, parse, (GDestroyNotify) parse_free);
  g_task_run_in_thread (task, parse_in_thread);
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SitroomFeedResponse) response = NULL;
  g_autoptr(SitroomFeedClient) self = NULL;
  g_autoptr(GError) error = NULL;

  response = sitroom_feed_http_get_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = g_object_ref (user_data);
  if (response == NULL)
    fetch_failed (self, error, 0, -1);
  else if (response->status == SOUP_STATUS_NOT_MODIFIED && self->situation != NULL)
    fetch_succeeded (self);
  else if (response->status != SOUP_STATUS_OK)
    fetch_failed (self, NULL, response->status, response->retry_after);
  else if (self->bytes != NULL && g_bytes_equal (self->bytes, response->body))
    {
      /* A server without conditional GETs: the same bytes need no parse. */
      sitroom_feed_client_set_etag (self, response->etag);
      fetch_succeeded (self);
    }
  else
    parse_async (self, response);
}

void
sitroom_feed_client_fetch_now (SitroomFeedClient *self)
{
  SitroomFeedHttpOptions options;
  gboolean have = self->situation != NULL;

  if (!self->running || self->base == NULL)
    return;
  if (self->fetching)
    {
      self->fetch_again = TRUE;
      return;
    }

  sitroom_feed_client_clear_timeout (&self->fetch_timer);
  self->fetching = TRUE;
  self->fetch_again = FALSE;
  options = sitroom_feed_client_http_options (self);
  /* Conditional only on a document we hold: a 304 must leave us something. */
  sitroom_feed_http_get_async (self->session, &options,
                               have ? self->etag : NULL, have ? self->last_modified : NULL,
                               self->cancellable, on_fetched, self);
}
