/* The state one window shows, handed down to every view instead of globals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-context.h"

struct _SitroomContext
{
  GObject parent_instance;

  SitroomSituation *situation;
  SitroomView *view;
  char *source;
  char *load_error;
  const char *lang;        /* "zh" or "en", static */
  gint64 cutoff;
  gint64 loaded_at;
  gint64 next_retry;
  int selected_prefecture;
  int selected_chain;
  guint stored : 1;
  guint insecure : 1;
};

G_DEFINE_FINAL_TYPE (SitroomContext, sitroom_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SITUATION,
  PROP_SOURCE,
  PROP_CUTOFF,
  PROP_SELECTED_PREFECTURE,
  PROP_SELECTED_CHAIN,
  PROP_LOADED_AT,
  PROP_LOAD_ERROR,
  PROP_NEXT_RETRY,
  PROP_STORED,
  PROP_INSECURE,
  PROP_VIEW,
  PROP_LANG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  WARNING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
normalize_lang (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "zh") ? "zh" : "en";
}

const char *
sitroom_context_lang_from_locale (void)
{
  const char * const *names = g_get_language_names_with_category ("LC_MESSAGES");

  /* The first name is the most specific one the user asked for; "C" means
   * nothing was asked for. */
  return normalize_lang (names != NULL ? names[0] : NULL);
}

gboolean
sitroom_context_follow (SitroomContext **slot,
                        SitroomContext  *context,
                        gpointer         owner,
                        const char      *first_property,
                        ...)
{
  va_list args;

  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (context == NULL || SITROOM_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);

  if (*slot == context)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, owner);
  g_set_object (slot, context);

  if (context == NULL)
    return TRUE;

  va_start (args, first_property);
  for (const char *property = first_property; property != NULL; property = va_arg (args, const char *))
    {
      GCallback callback = va_arg (args, GCallback);
      g_autofree char *signal = g_strconcat ("notify::", property, NULL);

      g_signal_connect_object (context, signal, callback, owner, G_CONNECT_SWAPPED);
    }
  va_end (args);

  return TRUE;
}

/* g_set_str() arrives with GLib 2.76, above our floor. */
static gboolean
set_string (char       **slot,
            const char  *value)
{
  g_assert (slot != NULL);

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
rebuild_view (SitroomContext *self)
{
  g_autoptr(SitroomView) view = NULL;

  if (self->situation != NULL)
    view = sitroom_view_new (self->situation,
                             sitroom_context_get_effective_cutoff (self),
                             self->selected_prefecture,
                             self->selected_chain);

  if (view == NULL && self->view == NULL)
    return;

  g_set_object (&self->view, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
sitroom_context_dispose (GObject *object)
{
  SitroomContext *self = SITROOM_CONTEXT (object);

  g_clear_object (&self->view);
  g_clear_object (&self->situation);

  G_OBJECT_CLASS (sitroom_context_parent_class)->dispose (object);
}

static void
sitroom_context_finalize (GObject *object)
{
  SitroomContext *self = SITROOM_CONTEXT (object);

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->load_error, g_free);

  G_OBJECT_CLASS (sitroom_context_parent_class)->finalize (object);
}

static void
sitroom_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SitroomContext *self = SITROOM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SITUATION:
      g_value_set_object (value, self->situation);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_CUTOFF:
      g_value_set_int64 (value, self->cutoff);
      break;
    case PROP_SELECTED_PREFECTURE:
      g_value_set_int (value, self->selected_prefecture);
      break;
    case PROP_SELECTED_CHAIN:
      g_value_set_int (value, self->selected_chain);
      break;
    case PROP_LOADED_AT:
      g_value_set_int64 (value, self->loaded_at);
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;
    case PROP_NEXT_RETRY:
      g_value_set_int64 (value, self->next_retry);
      break;
    case PROP_STORED:
      g_value_set_boolean (value, self->stored);
      break;
    case PROP_INSECURE:
      g_value_set_boolean (value, self->insecure);
      break;
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SitroomContext *self = SITROOM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SITUATION:
      sitroom_context_set_situation (self, g_value_get_object (value));
      break;
    case PROP_SOURCE:
      sitroom_context_set_source (self, g_value_get_string (value));
      break;
    case PROP_CUTOFF:
      sitroom_context_set_cutoff (self, g_value_get_int64 (value));
      break;
    case PROP_SELECTED_PREFECTURE:
      sitroom_context_set_selected_prefecture (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_CHAIN:
      sitroom_context_set_selected_chain (self, g_value_get_int (value));
      break;
    case PROP_LOADED_AT:
      sitroom_context_set_loaded_at (self, g_value_get_int64 (value));
      break;
    case PROP_LOAD_ERROR:
      sitroom_context_set_load_error (self, g_value_get_string (value));
      break;
    case PROP_NEXT_RETRY:
      sitroom_context_set_next_retry (self, g_value_get_int64 (value));
      break;
    case PROP_STORED:
      sitroom_context_set_stored (self, g_value_get_boolean (value));
      break;
    case PROP_INSECURE:
      sitroom_context_set_insecure (self, g_value_get_boolean (value));
      break;
    case PROP_LANG:
      sitroom_context_set_lang (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_context_class_init (SitroomContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sitroom_context_dispose;
  object_class->finalize = sitroom_context_finalize;
  object_class->get_property = sitroom_context_get_property;
  object_class->set_property = sitroom_context_set_property;

  properties[PROP_SITUATION] =
    g_param_spec_object ("situation", NULL, NULL,
                         SITROOM_TYPE_SITUATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUTOFF] =
    g_param_spec_int64 ("cutoff", NULL, NULL,
                        G_MININT64, G_MAXINT64, SITROOM_TIME_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PREFECTURE] =
    g_param_spec_int ("selected-prefecture", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CHAIN] =
    g_param_spec_int ("selected-chain", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED_AT] =
    g_param_spec_int64 ("loaded-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_ERROR] =
    g_param_spec_string ("load-error", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_RETRY] =
    g_param_spec_int64 ("next-retry", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORED] =
    g_param_spec_boolean ("stored", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSECURE] =
    g_param_spec_boolean ("insecure", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         SITROOM_TYPE_VIEW,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL,
                         "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SitroomContext::warning:
   * @message: a sentence for a person
   *
   * Something to tell once, that changes no figure.
   */
  signals[WARNING] =
    g_signal_new ("warning",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sitroom_context_init (SitroomContext *self)
{
  self->cutoff = SITROOM_TIME_NONE;
  self->selected_prefecture = -1;
  self->selected_chain = -1;
  self->lang = sitroom_context_lang_from_locale ();
}

SitroomContext *
sitroom_context_new (void)
{
  return g_object_new (SITROOM_TYPE_CONTEXT, NULL);
}

SitroomSituation *
sitroom_context_get_situation (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), NULL);

  return self->situation;
}

/* Indexes are only meaningful within one document: carry the selection over
 * by region code and chain id. */
static int
carry_prefecture (SitroomSituation *from,
                  SitroomSituation *to,
                  int               index)
{
  const SitroomRegion *region;
  int found;

  if (index < 0 || from == NULL || to == NULL)
    return -1;

  region = sitroom_situation_get_region (from, index);
  found = sitroom_situation_lookup_region (to, region->code);
  if (found < 0 || sitroom_situation_get_region (to, found)->level != SITROOM_LEVEL_PREFECTURE)
    return -1;

  return found;
}

static int
carry_chain (SitroomSituation *from,
             SitroomSituation *to,
             int               index)
{
  if (index < 0 || from == NULL || to == NULL)
    return -1;

  return sitroom_situation_lookup_chain (to, sitroom_situation_get_chain (from, index)->id);
}

void
sitroom_context_set_situation (SitroomContext   *self,
                               SitroomSituation *situation)
{
  g_autoptr(SitroomSituation) old = NULL;
  int prefecture;
  int chain;

  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (situation == NULL || SITROOM_IS_SITUATION (situation));

  if (self->situation == situation)
    return;

  old = g_steal_pointer (&self->situation);
  if (situation != NULL)
    self->situation = g_object_ref (situation);

  prefecture = carry_prefecture (old, situation, self->selected_prefecture);
  chain = carry_chain (old, situation, self->selected_chain);

  g_object_freeze_notify (G_OBJECT (self));

  if (prefecture != self->selected_prefecture)
    {
      self->selected_prefecture = prefecture;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PREFECTURE]);
    }
  if (chain != self->selected_chain)
    {
      self->selected_chain = chain;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CHAIN]);
    }

  rebuild_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION]);

  g_object_thaw_notify (G_OBJECT (self));
}

const char *
sitroom_context_get_source (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), NULL);

  return self->source;
}

void
sitroom_context_set_source (SitroomContext *self,
                            const char     *source)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));

  /* "" and NULL both mean the built-in demo: keep one spelling. */
  if (source != NULL && source[0] == '\0')
    source = NULL;

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

gint64
sitroom_context_get_cutoff (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), SITROOM_TIME_NONE);

  return self->cutoff;
}

void
sitroom_context_set_cutoff (SitroomContext *self,
                            gint64          cutoff)
{
  gint64 before;

  g_return_if_fail (SITROOM_IS_CONTEXT (self));

  if (self->cutoff == cutoff)
    return;

  before = sitroom_context_get_effective_cutoff (self);
  self->cutoff = cutoff;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUTOFF]);

  /* Past the as_of the figures are the same: no new view. */
  if (sitroom_context_get_effective_cutoff (self) != before)
    rebuild_view (self);
}

gint64
sitroom_context_get_effective_cutoff (SitroomContext *self)
{
  gint64 as_of;

  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), SITROOM_TIME_NONE);

  if (self->situation == NULL)
    return SITROOM_TIME_NONE;

  as_of = sitroom_situation_get_as_of (self->situation);
  if (self->cutoff == SITROOM_TIME_NONE || self->cutoff > as_of)
    return as_of;

  return self->cutoff;
}

int
sitroom_context_get_selected_prefecture (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), -1);

  return self->selected_prefecture;
}

void
sitroom_context_set_selected_prefecture (SitroomContext *self,
                                         int             prefecture)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (prefecture >= -1);
  g_return_if_fail (prefecture == -1 ||
                    (self->situation != NULL &&
                     (guint) prefecture < sitroom_situation_get_n_regions (self->situation)));

  if (self->selected_prefecture == prefecture)
    return;

  self->selected_prefecture = prefecture;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PREFECTURE]);
  rebuild_view (self);
}

int
sitroom_context_get_selected_chain (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), -1);

  return self->selected_chain;
}

void
sitroom_context_set_selected_chain (SitroomContext *self,
                                    int             chain)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (chain >= -1);
  g_return_if_fail (chain == -1 ||
                    (self->situation != NULL &&
                     (guint) chain < sitroom_situation_get_n_chains (self->situation)));

  if (self->selected_chain == chain)
    return;

  self->selected_chain = chain;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CHAIN]);
  rebuild_view (self);
}

gint64
sitroom_context_get_loaded_at (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), 0);

  return self->loaded_at;
}

void
sitroom_context_set_loaded_at (SitroomContext *self,
                               gint64          loaded_at)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (loaded_at >= 0);

  if (self->loaded_at == loaded_at)
    return;

  self->loaded_at = loaded_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED_AT]);
}

const char *
sitroom_context_get_load_error (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), NULL);

  return self->load_error;
}

void
sitroom_context_set_load_error (SitroomContext *self,
                                const char     *message)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));

  if (set_string (&self->load_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
}

gint64
sitroom_context_get_next_retry (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), 0);

  return self->next_retry;
}

void
sitroom_context_set_next_retry (SitroomContext *self,
                                gint64          next_retry)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (next_retry >= 0);

  if (self->next_retry == next_retry)
    return;

  self->next_retry = next_retry;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RETRY]);
}

gboolean
sitroom_context_get_stored (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), FALSE);

  return self->stored;
}

void
sitroom_context_set_stored (SitroomContext *self,
                            gboolean        stored)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));

  stored = !!stored;
  if (self->stored == (guint) stored)
    return;

  self->stored = stored;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORED]);
}

gboolean
sitroom_context_get_insecure (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), FALSE);

  return self->insecure;
}

void
sitroom_context_set_insecure (SitroomContext *self,
                              gboolean        insecure)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));

  insecure = !!insecure;
  if (self->insecure == (guint) insecure)
    return;

  self->insecure = insecure;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSECURE]);
}

/* Observers see the new state whole, never the new figures beside the old
 * refusal: every change is notified after the last one is made. */
static void
settle (SitroomContext    *self,
        SitroomSituation  *situation,
        gint64             loaded_at,
        gboolean           stored)
{
  g_assert (SITROOM_IS_CONTEXT (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (situation != NULL)
    sitroom_context_set_situation (self, situation);
  sitroom_context_set_loaded_at (self, loaded_at);
  sitroom_context_set_stored (self, stored);
  if (!stored)
    {
      sitroom_context_set_load_error (self, NULL);
      sitroom_context_set_next_retry (self, 0);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
sitroom_context_accept (SitroomContext   *self,
                        SitroomSituation *situation,
                        gint64            loaded_at)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (SITROOM_IS_SITUATION (situation));
  g_return_if_fail (loaded_at >= 0);

  settle (self, situation, loaded_at, FALSE);
}

void
sitroom_context_confirm (SitroomContext *self,
                         gint64          confirmed_at)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (confirmed_at >= 0);

  /* Nothing to confirm yet: the time of a success without figures would
   * read as the age of figures that are not there. */
  if (self->situation == NULL)
    return;

  settle (self, NULL, confirmed_at, FALSE);
}

void
sitroom_context_accept_stored (SitroomContext   *self,
                               SitroomSituation *situation,
                               gint64            fetched_at)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (SITROOM_IS_SITUATION (situation));
  g_return_if_fail (fetched_at >= 0);

  /* A refusal or a failure already seen stays: the stored copy explains
   * nothing about why the source has not answered. */
  settle (self, situation, fetched_at, TRUE);
}

void
sitroom_context_warn (SitroomContext *self,
                      const char     *message)
{
  g_return_if_fail (SITROOM_IS_CONTEXT (self));
  g_return_if_fail (message != NULL);

  g_signal_emit (self, signals[WARNING], 0, message);
}

SitroomView *
sitroom_context_get_view (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), NULL);

  return self->view;
}

const char *
sitroom_context_get_lang (SitroomContext *self)
{
  g_return_val_if_fail (SITROOM_IS_CONTEXT (self), "en");

  return self->lang;
}

void
sitroom_context_set_lang (SitroomContext *self,
                          const char     *lang)
{
  const char *normalized;

  g_return_if_fail (SITROOM_IS_CONTEXT (self));

  normalized = normalize_lang (lang);
  if (self->lang == normalized)
    return;

  self->lang = normalized;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANG]);
}
