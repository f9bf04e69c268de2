/* The feed server's publishing: PUT /v1/situation (token, size limit, validation in a worker) and publish(). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitroom-error.h"
#include "sitroom-feed-server-private.h"
#include "sitroom-situation.h"

/* A 422 lists at most this many problems: enough to fix a document by, and a
 * bound on the answer to a document with millions of mistakes. */
#define MAX_PROBLEMS_SHOWN 1000

#define PUT_STATE_KEY "sitroom-feed-put"

/* What a PUT collects while its body arrives. */
typedef struct {
  GByteArray *body;
  gsize max_bytes;
  gboolean too_large;
} PutState;

/* One publication under way, in a worker thread. */
typedef struct {
  GBytes *document;
  gsize max_bytes;
  char *current_etag;
  SitroomFeedStore *store;

  /* results */
  SitroomPublication *publication;   /* NULL when unchanged or refused */
  GPtrArray *problems;
  char *etag;
} PublishJob;

static void
put_state_free (gpointer data)
{
  PutState *state = data;

  g_clear_pointer (&state->body, g_byte_array_unref);
  g_free (state);
}

static void
publish_job_free (gpointer data)
{
  PublishJob *job = data;

  g_clear_pointer (&job->document, g_bytes_unref);
  g_free (job->current_etag);
  g_clear_object (&job->store);
  g_clear_pointer (&job->publication, sitroom_publication_free);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job->etag);
  g_free (job);
}

void
sitroom_feed_server_set_max_bytes (SitroomFeedServer *self,
                                   gsize              max_bytes)
{
  g_return_if_fail (SITROOM_IS_FEED_SERVER (self));
  g_return_if_fail (max_bytes > 0);

  self->max_bytes = max_bytes;
}

/* ------------------------------------------------------------------ */
/* Answers                                                            */

static void
add_problem (JsonBuilder          *builder,
             const SitroomProblem *problem)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, problem->path != NULL ? problem->path : "");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, problem->message);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, problem->severity == SITROOM_PROBLEM_ERROR ? "error" : "warning");
  json_builder_end_object (builder);
}

/* The problems as a JSON array, errors first. */
static void
add_problems (JsonBuilder *builder,
              GPtrArray   *problems)
{
  guint shown = 0;

  json_builder_begin_array (builder);
  for (int pass = 0; pass < 2; pass++)
    {
      SitroomProblemSeverity severity = pass == 0 ? SITROOM_PROBLEM_ERROR : SITROOM_PROBLEM_WARNING;

      for (guint i = 0; problems != NULL && i < problems->len && shown < MAX_PROBLEMS_SHOWN; i++)
        {
          const SitroomProblem *problem = g_ptr_array_index (problems, i);

          if (problem->severity != severity)
            continue;
          add_problem (builder, problem);
          shown++;
        }
    }
  json_builder_end_array (builder);
}

/* The problems of a refused document, with at least one error in it: the
 * validator's error stands for itself when it names no problem. */
static GPtrArray *
problems_with_error (GPtrArray    *problems,
                     const GError *error)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) sitroom_problem_free);
  gboolean has_error = FALSE;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const SitroomProblem *problem = g_ptr_array_index (problems, i);

      has_error |= problem->severity == SITROOM_PROBLEM_ERROR;
      g_ptr_array_add (result, sitroom_problem_copy (problem));
    }
  if (!has_error)
    g_ptr_array_insert (result, 0, sitroom_problem_new (SITROOM_PROBLEM_ERROR, "", error->message));
  return result;
}

static void
respond_put (SoupServerMessage *msg,
             PublishJob        *job,
             const GError      *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (error == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", job->etag);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "etag");
      json_builder_add_string_value (builder, job->etag);
      json_builder_set_member_name (builder, "warnings");
      add_problems (builder, job->problems);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      sitroom_feed_server_set_json_response (msg, SOUP_STATUS_OK, root);
    }
  else if (g_error_matches (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE))
    sitroom_feed_server_set_error_response (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, error->message);
  else if (error->domain == SITROOM_FEED_ERROR && error->code != SITROOM_FEED_ERROR_UNREADABLE)
    {
      g_autoptr(GPtrArray) problems = problems_with_error (job->problems, error);

      add_problems (builder, problems);
      root = json_builder_get_root (builder);
      sitroom_feed_server_set_json_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, root);
    }
  else
    {
      g_warning ("Could not store a publication: %s", error->message);
      sitroom_feed_server_set_error_response (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
    }
}

static void
set_too_large_response (SitroomFeedServer *self,
                        SoupServerMessage *msg)
{
  g_autofree char *message = g_strdup_printf (_("The document is larger than the limit of %llu bytes"),
                                              (unsigned long long) self->max_bytes);

  sitroom_feed_server_set_error_response (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, message);
}

/* ------------------------------------------------------------------ */
/* Validating and storing                                             */

/* Runs in a worker thread (or on the caller's, for publish()). */
static gboolean
publish_job_run (PublishJob *job,
                 GError    **error)
{
  g_autoptr(SitroomSituation) situation = NULL;
  SitroomLoadOptions options = { 0 };

  options.max_bytes = job->max_bytes;
  situation = sitroom_situation_new_from_bytes (job->document, &options, &job->problems, error);
  if (situation == NULL)
    return FALSE;

  job->etag = sitroom_feed_store_compute_etag (job->document);
  /* The same bytes again: PUT is idempotent, and a new row would only repeat
   * the current one. */
  if (g_strcmp0 (job->etag, job->current_etag) == 0)
    return TRUE;

  job->publication = sitroom_feed_store_add (job->store, job->document,
                                             sitroom_situation_get_as_of (situation),
                                             sitroom_situation_get_as_of_offset (situation),
                                             job->etag, error);
  return job->publication != NULL;
}

static PublishJob *
publish_job_new (SitroomFeedServer *self,
                 GBytes            *document)
{
  PublishJob *job = g_new0 (PublishJob, 1);

  job->document = g_bytes_ref (document);
  job->max_bytes = self->max_bytes;
  job->current_etag = self->current != NULL ? g_strdup (self->current->etag) : NULL;
  job->store = g_object_ref (self->store);
  return job;
}

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (publish_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sitroom_feed_server_publish_in_thread (SitroomFeedServerCall *call,
                                       GBytes                *document,
                                       gpointer               source_tag,
                                       GAsyncReadyCallback    callback)
{
  g_autoptr(GTask) task = NULL;

  g_assert (call != NULL);
  g_assert (document != NULL);

  task = g_task_new (NULL, NULL, callback, call);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, publish_job_new (call->self, document), publish_job_free);
  g_task_run_in_thread (task, publish_thread);
}

gboolean
sitroom_feed_server_publish_in_thread_finish (SitroomFeedServer *self,
                                              GAsyncResult      *result,
                                              GError           **error)
{
  PublishJob *job = g_task_get_task_data (G_TASK (result));
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), error);

  /* Stored even if the client has gone or the replay has stopped: announce
   * it all the same. */
  if (job->publication != NULL)
    sitroom_feed_server_publication_committed (self, job->publication);
  return ok;
}

gboolean
sitroom_feed_server_publish (SitroomFeedServer *self,
                             GBytes            *document,
                             char             **etag,
                             GPtrArray        **problems,
                             GError           **error)
{
  PublishJob *job;
  gboolean ok;

  g_return_val_if_fail (SITROOM_IS_FEED_SERVER (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = publish_job_new (self, document);
  ok = publish_job_run (job, error);
  if (job->publication != NULL)
    sitroom_feed_server_publication_committed (self, job->publication);
  if (ok && etag != NULL)
    *etag = g_strdup (job->etag);
  if (problems != NULL)
    *problems = job->problems != NULL ? g_ptr_array_ref (job->problems)
                                      : g_ptr_array_new_with_free_func ((GDestroyNotify) sitroom_problem_free);
  publish_job_free (job);
  return ok;
}

/* ------------------------------------------------------------------ */
/* PUT                                                                */

static gboolean
check_token (SitroomFeedServer *self,
             SoupServerMessage *msg)
{
  const char *header;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;
  guint8 difference = 0;
  const char *token;

  if (!self->publishing_enabled)
    {
      sitroom_feed_server_set_error_response (msg, SOUP_STATUS_FORBIDDEN,
                                              _("Publishing is disabled: start the server with --token-file"));
      return FALSE;
    }

  header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer realm=\"sitroom-feed\"");
      sitroom_feed_server_set_error_response (msg, SOUP_STATUS_UNAUTHORIZED,
                                              _("Publishing needs a bearer token (Authorization: Bearer …)"));
      return FALSE;
    }

  token = header + 7;
  while (*token == ' ')
    token++;

  /* Comparing digests of equal length takes the same time wherever the
   * tokens differ, and says nothing about the token's length. */
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) token, strlen (token));
  g_checksum_get_digest (checksum, digest, &length);
  for (gsize i = 0; i < sizeof digest; i++)
    difference |= digest[i] ^ self->token_digest[i];

  if (difference != 0)
    {
      sitroom_feed_server_set_error_response (msg, SOUP_STATUS_FORBIDDEN,
                                              _("The bearer token is not the publishing token"));
      return FALSE;
    }
  return TRUE;
}

static void
put_got_chunk_cb (SoupServerMessage *msg,
                  GBytes            *chunk,
                  PutState          *state)
{
  gsize size = g_bytes_get_size (chunk);

  if (state->too_large)
    return;
  if (state->body->len + size > state->max_bytes)
    {
      /* Keep reading to the end of the request, but keep none of it. */
      state->too_large = TRUE;
      g_byte_array_set_size (state->body, 0);
      return;
    }
  g_byte_array_append (state->body, g_bytes_get_data (chunk, NULL), size);
}

/* Before the body is read: refuse what can be refused now (with "Expect:
 * 100-continue" the client does not even send the body), and collect the body
 * with a limit instead of letting libsoup buffer it whole. */
void
sitroom_feed_server_early_handler (SoupServer        *server,
                                   SoupServerMessage *msg,
                                   const char        *path,
                                   GHashTable        *query,
                                   gpointer           user_data)
{
  SitroomFeedServer *self = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  PutState *state;

  if (!g_str_equal (path, "/v1/situation") || !g_str_equal (soup_server_message_get_method (msg), SOUP_METHOD_PUT))
    return;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  if (!check_token (self, msg))
    return;

  if (soup_message_headers_get_encoding (request) == SOUP_ENCODING_CONTENT_LENGTH
      && (guint64) soup_message_headers_get_content_length (request) > self->max_bytes)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      set_too_large_response (self, msg);
      return;
    }

  state = g_new0 (PutState, 1);
  state->body = g_byte_array_new ();
  state->max_bytes = self->max_bytes;
  g_object_set_data_full (G_OBJECT (msg), PUT_STATE_KEY, state, put_state_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (put_got_chunk_cb), state);
  sitroom_feed_server_watch_finished (msg);
}

static void
put_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SitroomFeedServerCall) call = user_data;
  SoupServerMessage *msg = call->msg;
  PublishJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  sitroom_feed_server_publish_in_thread_finish (call->self, result, &error);
  if (sitroom_feed_server_is_finished (msg))
    return;

  respond_put (msg, job, error);
  soup_server_message_unpause (msg);
}

void
sitroom_feed_server_handle_put (SitroomFeedServer *self,
                                SoupServerMessage *msg)
{
  PutState *state = g_object_get_data (G_OBJECT (msg), PUT_STATE_KEY);
  g_autoptr(GBytes) document = NULL;

  /* The early handler prepares every PUT that gets this far. */
  if (state == NULL || state->body == NULL)
    {
      sitroom_feed_server_set_error_response (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                              _("The request body was not collected"));
      return;
    }

  if (state->too_large)
    {
      set_too_large_response (self, msg);
      return;
    }

  document = g_byte_array_free_to_bytes (g_steal_pointer (&state->body));

  /* Validation and the synced commit take time: the message waits, paused,
   * while a worker does them and the main loop serves others. */
  soup_server_message_pause (msg);
  sitroom_feed_server_publish_in_thread (sitroom_feed_server_call_new (self, msg, NULL), document,
                                         sitroom_feed_server_handle_put, put_done_cb);
}
