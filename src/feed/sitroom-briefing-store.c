/* Issued briefings in SQLite: the store's type, storing, listing, the last one before a cutoff, errata. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sitroom-briefing-store-private.h"

G_DEFINE_FINAL_TYPE (SitroomBriefingStore, sitroom_briefing_store, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (SitroomIssuedBriefing, sitroom_issued_briefing,
                     sitroom_issued_briefing_copy, sitroom_issued_briefing_free)

SitroomIssuedBriefing *
sitroom_issued_briefing_copy (const SitroomIssuedBriefing *briefing)
{
  SitroomIssuedBriefing *copy;

  g_return_val_if_fail (briefing != NULL, NULL);

  copy = g_new0 (SitroomIssuedBriefing, 1);
  copy->id = briefing->id;
  copy->source = g_strdup (briefing->source);
  copy->cutoff = briefing->cutoff;
  copy->issued_at = briefing->issued_at;
  copy->generated_zh = g_strdup (briefing->generated_zh);
  copy->generated_en = g_strdup (briefing->generated_en);
  copy->issued_zh = g_strdup (briefing->issued_zh);
  copy->issued_en = g_strdup (briefing->issued_en);
  copy->figures = briefing->figures != NULL ? sitroom_briefing_figures_ref (briefing->figures) : NULL;
  return copy;
}

void
sitroom_issued_briefing_free (SitroomIssuedBriefing *briefing)
{
  if (briefing == NULL)
    return;
  g_free (briefing->source);
  g_free (briefing->generated_zh);
  g_free (briefing->generated_en);
  g_free (briefing->issued_zh);
  g_free (briefing->issued_en);
  g_clear_pointer (&briefing->figures, sitroom_briefing_figures_unref);
  g_free (briefing);
}

void
sitroom_briefing_erratum_free (SitroomBriefingErratum *erratum)
{
  if (erratum == NULL)
    return;
  g_clear_pointer (&erratum->briefing, sitroom_issued_briefing_free);
  g_clear_pointer (&erratum->changes, g_array_unref);
  g_free (erratum);
}

static void
sitroom_briefing_store_finalize (GObject *object)
{
  SitroomBriefingStore *self = SITROOM_BRIEFING_STORE (object);

  sitroom_briefing_store_close_locked (self);
  g_free (self->path);
  g_clear_error (&self->damage);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sitroom_briefing_store_parent_class)->finalize (object);
}

static void
sitroom_briefing_store_class_init (SitroomBriefingStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitroom_briefing_store_finalize;
}

static void
sitroom_briefing_store_init (SitroomBriefingStore *self)
{
  g_mutex_init (&self->lock);
}

const char *
sitroom_briefing_store_get_path (SitroomBriefingStore *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_STORE (self), NULL);

  return self->path;
}

static SitroomIssuedBriefing *
briefing_from_row (sqlite3_stmt *stmt)
{
  SitroomIssuedBriefing *briefing = g_new0 (SitroomIssuedBriefing, 1);
  const char *figures = (const char *) sqlite3_column_text (stmt, 8);

  briefing->id = sqlite3_column_int64 (stmt, 0);
  briefing->source = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  briefing->cutoff = sqlite3_column_int64 (stmt, 2);
  briefing->issued_at = sqlite3_column_int64 (stmt, 3);
  briefing->generated_zh = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  briefing->generated_en = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  briefing->issued_zh = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  briefing->issued_en = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  /* One altered row costs its own figures, not the history. */
  if (figures != NULL)
    briefing->figures = sitroom_briefing_figures_new_from_json (figures, -1, NULL);
  return briefing;
}

/* Steps @stmt to its end, or until it has @limit rows (0: no limit),
 * skipping rows whose figures cannot be read when @readable_only. Returns
 * NULL with @error set on failure. */
static GPtrArray *
query_locked (SitroomBriefingStore  *self,
              sqlite3_stmt          *stmt,
              gboolean               readable_only,
              guint                  limit,
              GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sitroom_issued_briefing_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SitroomIssuedBriefing *briefing = briefing_from_row (stmt);

      if (readable_only && briefing->figures == NULL)
        {
          sitroom_issued_briefing_free (briefing);
          continue;
        }
      g_ptr_array_add (rows, briefing);
      if (limit > 0 && rows->len == limit)
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sitroom_briefing_store_step_failed (self, rc, _("reading"), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static SitroomIssuedBriefing *
query_one_locked (SitroomBriefingStore  *self,
                  sqlite3_stmt          *stmt,
                  gboolean               readable_only,
                  GError               **error)
{
  g_autoptr(GPtrArray) rows = query_locked (self, stmt, readable_only, 1, error);

  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

static int
insert_locked (SitroomBriefingStore  *self,
               SitroomIssuedBriefing *stored,
               const char            *figures)
{
  int rc;

  sqlite3_bind_text (self->insert, 1, stored->source, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->insert, 2, stored->cutoff);
  sqlite3_bind_int64 (self->insert, 3, stored->issued_at);
  sqlite3_bind_text (self->insert, 4, stored->generated_zh, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert, 5, stored->generated_en, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert, 6, stored->issued_zh, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert, 7, stored->issued_en, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert, 8, figures, -1, SQLITE_STATIC);
  /* One statement outside a transaction is its own: DONE means committed,
   * and with synchronous=FULL, on disk. */
  rc = sqlite3_step (self->insert);
  if (rc == SQLITE_DONE)
    stored->id = sqlite3_last_insert_rowid (self->db);
  sqlite3_reset (self->insert);
  sqlite3_clear_bindings (self->insert);
  return rc;
}

SitroomIssuedBriefing *
sitroom_briefing_store_mark_issued (SitroomBriefingStore         *self,
                                    const SitroomIssuedBriefing  *briefing,
                                    GError                      **error)
{
  g_autoptr(SitroomIssuedBriefing) stored = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *reason = NULL;
  int rc;

  g_return_val_if_fail (SITROOM_IS_BRIEFING_STORE (self), NULL);
  g_return_val_if_fail (briefing != NULL, NULL);
  g_return_val_if_fail (briefing->source != NULL, NULL);
  g_return_val_if_fail (briefing->generated_zh != NULL && briefing->generated_en != NULL, NULL);
  g_return_val_if_fail (briefing->figures != NULL, NULL);
  g_return_val_if_fail (briefing->cutoff == sitroom_briefing_figures_get_cutoff (briefing->figures), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = sitroom_issued_briefing_copy (briefing);
  if (stored->issued_zh == NULL)
    stored->issued_zh = g_strdup (stored->generated_zh);
  if (stored->issued_en == NULL)
    stored->issued_en = g_strdup (stored->generated_en);
  stored->issued_at = g_get_real_time ();
  figures = sitroom_briefing_figures_to_json (stored->figures);

  locker = g_mutex_locker_new (&self->lock);
  if (!sitroom_briefing_store_check_open (self, error))
    return NULL;

  rc = insert_locked (self, stored, figures);
  /* The briefing has been issued whatever the state of the file: keep it in
   * a new history rather than lose it for damage it did not cause. */
  if (sitroom_briefing_store_is_damage (rc))
    {
      reason = g_strdup (sqlite3_errmsg (self->db));
      if (!sitroom_briefing_store_set_aside_locked (self, reason, error) ||
          !sitroom_briefing_store_open_or_replace_locked (self, error))
        return NULL;
      rc = insert_locked (self, stored, figures);
    }
  if (rc != SQLITE_DONE)
    {
      sitroom_briefing_store_step_failed (self, rc, _("storing a briefing"), error);
      return NULL;
    }

  return g_steal_pointer (&stored);
}

GPtrArray *
sitroom_briefing_store_list (SitroomBriefingStore  *self,
                             const char            *source,
                             GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SITROOM_IS_BRIEFING_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!sitroom_briefing_store_check_open (self, error))
    return NULL;
  if (source != NULL)
    sqlite3_bind_text (self->list, 1, source, -1, SQLITE_TRANSIENT);
  return query_locked (self, self->list, FALSE, 0, error);
}

SitroomIssuedBriefing *
sitroom_briefing_store_get_latest_before (SitroomBriefingStore  *self,
                                          const char            *source,
                                          gint64                 cutoff,
                                          GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SITROOM_IS_BRIEFING_STORE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!sitroom_briefing_store_check_open (self, error))
    return NULL;
  sqlite3_bind_text (self->before, 1, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (self->before, 2, cutoff);
  return query_one_locked (self, self->before, TRUE, error);
}

SitroomIssuedBriefing *
sitroom_briefing_store_get_by_id (SitroomBriefingStore  *self,
                                  gint64                 id,
                                  GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SITROOM_IS_BRIEFING_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!sitroom_briefing_store_check_open (self, error))
    return NULL;
  sqlite3_bind_int64 (self->by_id, 1, id);
  return query_one_locked (self, self->by_id, FALSE, error);
}

GPtrArray *
sitroom_briefing_store_find_errata (SitroomBriefingStore  *self,
                                    const char            *source,
                                    SitroomSituation      *situation,
                                    GError               **error)
{
  g_autoptr(GPtrArray) briefings = NULL;
  GPtrArray *errata;
  gint64 as_of;

  g_return_val_if_fail (SITROOM_IS_BRIEFING_STORE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (SITROOM_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The views are built outside the lock: it guards the connection only. */
  briefings = sitroom_briefing_store_list (self, source, error);
  if (briefings == NULL)
    return NULL;

  as_of = sitroom_situation_get_as_of (situation);
  errata = g_ptr_array_new_with_free_func ((GDestroyNotify) sitroom_briefing_erratum_free);
  for (guint i = 0; i < briefings->len; i++)
    {
      SitroomIssuedBriefing *briefing = g_ptr_array_index (briefings, i);
      g_autoptr(SitroomView) view = NULL;
      g_autoptr(SitroomBriefingFigures) now = NULL;
      g_autoptr(GArray) changes = NULL;
      SitroomBriefingErratum *erratum;

      /* A document older than the briefing knows nothing of its last hours:
       * its figures there are not corrections. */
      if (briefing->figures == NULL || briefing->cutoff > as_of)
        continue;

      view = sitroom_view_new (situation, briefing->cutoff, -1, -1);
      now = sitroom_briefing_figures_new_from_view (view);
      changes = sitroom_briefing_figures_errata (briefing->figures, now);
      if (changes->len == 0)
        continue;

      erratum = g_new0 (SitroomBriefingErratum, 1);
      erratum->briefing = g_steal_pointer (&g_ptr_array_index (briefings, i));
      erratum->changes = g_steal_pointer (&changes);
      g_ptr_array_add (errata, erratum);
    }

  return errata;
}

typedef struct {
  char *source;
  SitroomSituation *situation;
} ErrataData;

static void
errata_data_free (ErrataData *data)
{
  g_free (data->source);
  g_clear_object (&data->situation);
  g_free (data);
}

static void
find_errata_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ErrataData *data = task_data;
  GError *error = NULL;
  GPtrArray *errata;

  if (g_task_return_error_if_cancelled (task))
    return;

  errata = sitroom_briefing_store_find_errata (source_object, data->source, data->situation, &error);
  if (errata != NULL)
    g_task_return_pointer (task, errata, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
sitroom_briefing_store_find_errata_async (SitroomBriefingStore *self,
                                          const char           *source,
                                          SitroomSituation     *situation,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ErrataData *data;

  g_return_if_fail (SITROOM_IS_BRIEFING_STORE (self));
  g_return_if_fail (source != NULL);
  g_return_if_fail (SITROOM_IS_SITUATION (situation));

  data = g_new0 (ErrataData, 1);
  data->source = g_strdup (source);
  data->situation = g_object_ref (situation);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_briefing_store_find_errata_async);
  g_task_set_task_data (task, data, (GDestroyNotify) errata_data_free);
  g_task_run_in_thread (task, find_errata_thread);
}

GPtrArray *
sitroom_briefing_store_find_errata_finish (SitroomBriefingStore  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
