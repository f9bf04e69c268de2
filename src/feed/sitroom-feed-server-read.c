/* The feed server's GET /v1/situation: the current version from memory, past ones from the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitroom-feed-server-private.h"
#include "sitroom-time.h"

typedef struct {
  SitroomFeedStore *store;
  gint64 as_of;
} HistoryJob;

static void
history_job_free (gpointer data)
{
  HistoryJob *job = data;

  g_clear_object (&job->store);
  g_free (job);
}

static char *
format_http_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_seconds);

  return soup_date_time_to_string (date, SOUP_DATE_HTTP);
}

void
sitroom_feed_server_set_current (SitroomFeedServer        *self,
                                 SitroomPublication       *publication,
                                 const SitroomPublication *previous)
{
  g_assert (SITROOM_IS_FEED_SERVER (self));
  g_assert (publication != NULL);

  /* Before the current one is let go: it may be @previous. */
  self->current_second_is_unique =
    previous == NULL
    || previous->received_at / G_USEC_PER_SEC < publication->received_at / G_USEC_PER_SEC;
  g_clear_pointer (&self->current, sitroom_publication_free);
  self->current = publication;
  g_free (self->current_last_modified);
  self->current_last_modified = format_http_date (publication->received_at / G_USEC_PER_SEC);
}

/* Weak comparison, as RFC 9110 asks for If-None-Match. Read in place: this
 * is the path every poll of every reader takes. */
gboolean
sitroom_feed_server_etag_list_matches (const char *header,
                                       const char *etag)
{
  const char *opaque = etag;
  gsize opaque_length;
  const char *p = header;

  if (g_str_has_prefix (opaque, "W/"))
    opaque += 2;
  opaque_length = strlen (opaque);

  while (*p != '\0')
    {
      const char *end;

      while (*p == ' ' || *p == '\t' || *p == ',')
        p++;
      if (*p == '\0')
        break;
      if (*p == '*')
        return TRUE;
      if (p[0] == 'W' && p[1] == '/')
        p += 2;

      /* An entity tag is quoted and holds no quote, so it ends at the next one. */
      end = *p == '"' ? strchr (p + 1, '"') : NULL;
      end = end != NULL ? end + 1 : p + strcspn (p, ", \t");
      if ((gsize) (end - p) == opaque_length && memcmp (p, opaque, opaque_length) == 0)
        return TRUE;
      p = end;
    }
  return FALSE;
}

/* Sends @publication, or 304 when the request's conditions say the client has
 * it. @history is a version asked for by as_of rather than the current one. */
static void
respond_publication (SitroomFeedServer        *self,
                     SoupServerMessage        *msg,
                     const SitroomPublication *publication,
                     gboolean                  history)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  gint64 modified = publication->received_at / G_USEC_PER_SEC;
  g_autofree char *history_last_modified = history ? format_http_date (modified) : NULL;
  const char *last_modified = history ? history_last_modified : self->current_last_modified;
  const char *if_none_match;
  const char *if_modified_since;
  gboolean not_modified = FALSE;

  soup_message_headers_replace (response, "ETag", publication->etag);
  soup_message_headers_replace (response, "Last-Modified", last_modified);
  /* No lifetime: the next publication can come at any moment. "no-cache"
   * would say so best, but nginx's proxy cache then drops the client's
   * If-None-Match and never answers 304; with no lifetime given it fetches
   * every request from here and answers the condition itself. */
  soup_message_headers_replace (response, "Cache-Control", "must-revalidate");

  if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");
  if (if_none_match != NULL)
    not_modified = sitroom_feed_server_etag_list_matches (if_none_match, publication->etag);
  else if (if_modified_since != NULL && !history && self->current_second_is_unique)
    {
      g_autoptr(GDateTime) since = soup_date_time_new_from_http_string (if_modified_since);

      not_modified = since != NULL && modified <= g_date_time_to_unix (since);
    }

  if (not_modified)
    {
      /* No Content-Length: "0" would be wrong (it is the length of the
       * document the client has that may be given), and many clients read a
       * body after a 304 that gives the document's length. */
      soup_message_headers_set_encoding (response, SOUP_ENCODING_NONE);
      /* libsoup's client (3.2) never reuses a connection after a 304, and
       * libsoup's server (3.2) never notices when the client then closes it:
       * each poll would leave a socket behind until the server runs out of
       * descriptors, within hours behind a few wall displays. Closing from
       * this side costs a poll's new connection, which it makes anyway. */
      soup_message_headers_replace (response, "Connection", "close");
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (response, "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), publication->body);
}

static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  HistoryJob *job = task_data;
  GError *error = NULL;
  SitroomPublication *publication;

  publication = sitroom_feed_store_get_as_of (job->store, job->as_of, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, publication, (GDestroyNotify) sitroom_publication_free);
}

static void
history_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SitroomFeedServerCall) call = user_data;
  SitroomFeedServer *self = call->self;
  SoupServerMessage *msg = call->msg;
  g_autoptr(SitroomPublication) publication = NULL;
  g_autoptr(GError) error = NULL;

  publication = g_task_propagate_pointer (G_TASK (result), &error);
  if (sitroom_feed_server_is_finished (msg))
    return;

  if (error != NULL)
    sitroom_feed_server_set_error_response (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
  else if (publication == NULL)
    sitroom_feed_server_set_error_response (msg, SOUP_STATUS_NOT_FOUND, _("Nothing had been published by that time"));
  else
    respond_publication (self, msg, publication, TRUE);
  soup_server_message_unpause (msg);
}

void
sitroom_feed_server_handle_get_situation (SitroomFeedServer *self,
                                          SoupServerMessage *msg,
                                          GHashTable        *query)
{
  const char *as_of_param = query != NULL ? g_hash_table_lookup (query, "as_of") : NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *as_of_text = NULL;
  HistoryJob *job;
  gint64 as_of;
  int offset;

  if (as_of_param == NULL)
    {
      if (self->current == NULL)
        sitroom_feed_server_set_error_response (msg, SOUP_STATUS_NOT_FOUND, _("Nothing has been published yet"));
      else
        respond_publication (self, msg, self->current, FALSE);
      return;
    }

  /* A "+" left unescaped in a query string arrives as a space; an RFC 3339
   * time has no spaces, so it can only have been the offset's sign. */
  as_of_text = g_strdelimit (g_strdup (as_of_param), " ", '+');
  if (!sitroom_time_parse (as_of_text, &as_of, &offset))
    {
      g_autofree char *message = g_strdup_printf (_("as_of must be an RFC 3339 time with an offset, such as "
                                                    "2022-08-20T13:00:00+08:00 (with the “+” written %%2B), not “%s”"),
                                                  as_of_param);

      sitroom_feed_server_set_error_response (msg, SOUP_STATUS_BAD_REQUEST, message);
      return;
    }

  /* The version may be large and on disk: read it in a worker. */
  job = g_new0 (HistoryJob, 1);
  job->store = g_object_ref (self->store);
  job->as_of = as_of;
  soup_server_message_pause (msg);
  sitroom_feed_server_watch_finished (msg);
  task = g_task_new (NULL, NULL, history_done_cb, sitroom_feed_server_call_new (self, msg, NULL));
  g_task_set_source_tag (task, sitroom_feed_server_handle_get_situation);
  g_task_set_task_data (task, job, history_job_free);
  g_task_run_in_thread (task, history_thread);
}
