/* The state one window shows: the document, the cutoff, the selection and the view built from them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_CONTEXT (sitroom_context_get_type ())

G_DECLARE_FINAL_TYPE (SitroomContext, sitroom_context, SITROOM, CONTEXT, GObject)

SitroomContext   *sitroom_context_new (void);

/* The accepted document, or NULL before the first good one. Replacing it
 * rebuilds the view once; a selection that names a prefecture or chain the new
 * document does not have is dropped. */
SitroomSituation *sitroom_context_get_situation (SitroomContext   *self);
void              sitroom_context_set_situation (SitroomContext   *self,
                                                 SitroomSituation *situation);

/* Where documents come from: a path, a file:// URL or the http(s) base URL of
 * a feed; NULL for the built-in demo. */
const char       *sitroom_context_get_source    (SitroomContext   *self);
void              sitroom_context_set_source    (SitroomContext   *self,
                                                 const char       *source);

/* The cutoff asked for; SITROOM_TIME_NONE follows the document's as_of. */
gint64            sitroom_context_get_cutoff    (SitroomContext   *self);
void              sitroom_context_set_cutoff    (SitroomContext   *self,
                                                 gint64            cutoff);
/* The cutoff the view is built at: the one asked for, but never later than
 * the document's as_of (SITROOM_TIME_NONE without a document). */
gint64            sitroom_context_get_effective_cutoff (SitroomContext *self);

/* Region index of a prefecture, or -1 for the whole province. */
int               sitroom_context_get_selected_prefecture (SitroomContext *self);
void              sitroom_context_set_selected_prefecture (SitroomContext *self,
                                                           int             prefecture);
/* Chain index, or -1 for every chain. */
int               sitroom_context_get_selected_chain      (SitroomContext *self);
void              sitroom_context_set_selected_chain      (SitroomContext *self,
                                                           int             chain);

/* g_get_real_time() of the last successful load, 0 before the first. */
gint64            sitroom_context_get_loaded_at (SitroomContext   *self);
void              sitroom_context_set_loaded_at (SitroomContext   *self,
                                                 gint64            loaded_at);

/* Why the last document read was refused or could not be read, for a person
 * ("HTTP 503", "feed refused: /cases/3/region: …"); NULL once a load succeeds. */
const char       *sitroom_context_get_load_error (SitroomContext  *self);
void              sitroom_context_set_load_error (SitroomContext  *self,
                                                  const char      *message);

/* Real time (µs) of the next attempt after a failure, 0 when none is planned. */
gint64            sitroom_context_get_next_retry (SitroomContext  *self);
void              sitroom_context_set_next_retry (SitroomContext  *self,
                                                  gint64           next_retry);

/* TRUE while the document shown is the copy stored by an earlier run, not
 * yet confirmed by its source; loaded-at is then the time it was fetched. */
gboolean          sitroom_context_get_stored    (SitroomContext   *self);
void              sitroom_context_set_stored    (SitroomContext   *self,
                                                 gboolean          stored);

/* TRUE when the documents travel unencrypted over a network (plain http to a
 * host other than this machine, allowed by the user): people must be told. */
gboolean          sitroom_context_get_insecure  (SitroomContext   *self);
void              sitroom_context_set_insecure  (SitroomContext   *self,
                                                 gboolean          insecure);

/* A successful load in one step: the situation, the time it was loaded, and
 * the previous refusal and planned retry forgotten. */
void              sitroom_context_accept        (SitroomContext   *self,
                                                 SitroomSituation *situation,
                                                 gint64            loaded_at);
/* The source answered that the document shown is still current (an HTTP
 * 304): the same forgetting as accept(), keeping the situation. */
void              sitroom_context_confirm       (SitroomContext   *self,
                                                 gint64            confirmed_at);
/* The stored copy of an earlier run, shown until its source answers. */
void              sitroom_context_accept_stored (SitroomContext   *self,
                                                 SitroomSituation *situation,
                                                 gint64            fetched_at);

/* Something a person should read once and that changes no figure ("the stored
 * copy was damaged and set aside"): emits ::warning. */
void              sitroom_context_warn          (SitroomContext   *self,
                                                 const char       *message);

/* The figures at the effective cutoff and selection, NULL without a document. */
SitroomView      *sitroom_context_get_view      (SitroomContext   *self);

/* "zh" or "en": the language region and chain names are shown in. */
const char       *sitroom_context_get_lang      (SitroomContext   *self);
void              sitroom_context_set_lang      (SitroomContext   *self,
                                                 const char       *lang);

/* How a widget follows a context: the context held in *@slot (a reference)
 * becomes @context, the old one's handlers with @owner as their data are
 * disconnected, and then, for each pair of a property name and a GCallback
 * in the NULL-terminated list, notify::PROPERTY of @context calls the
 * callback swapped with @owner (for as long as @owner lives). Returns FALSE,
 * doing nothing, when *@slot already holds @context. */
gboolean          sitroom_context_follow        (SitroomContext  **slot,
                                                 SitroomContext   *context,
                                                 gpointer          owner,
                                                 const char       *first_property,
                                                 ...) G_GNUC_NULL_TERMINATED;

/* "zh" when the messages locale is Chinese, else "en". */
const char       *sitroom_context_lang_from_locale (void);

G_END_DECLS
