/* The wall display's freshness band: how old the figures are once they are stale or the feed is failing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-kiosk-band.h"

#define DEFAULT_STALE_AFTER 10   /* minutes, as the setting's default */

struct _SitroomKioskBand
{
  GtkWidget parent_instance;

  SitroomContext *context;
  guint stale_after;             /* minutes */
  gint64 failing_since;          /* real time (µs) the load error appeared, 0 while none */
  guint stale_timeout;           /* until the figures turn stale, while they are fresh */
  gboolean shown;
  char *text;

  GtkRevealer *revealer;
  GtkLabel *headline_label;
  GtkLabel *detail_label;
};

G_DEFINE_FINAL_TYPE (SitroomKioskBand, sitroom_kiosk_band, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_STALE_AFTER,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Data 14 minutes old": whole sentences, as sitroom_format_updated() says
 * them, since the word order differs by language. */
static char *
format_age (gint64 loaded_at,
            gint64 now)
{
  gint64 minutes = MAX (0, now - loaded_at) / (G_USEC_PER_SEC * 60);
  gint64 hours = minutes / 60;
  int n;

  if (loaded_at <= 0)
    return g_strdup (_("No figures yet"));
  if (minutes < 1)
    return g_strdup (_("Data less than a minute old"));
  if (minutes < 60)
    {
      n = (int) minutes;
      return g_strdup_printf (ngettext ("Data %d minute old", "Data %d minutes old", n), n);
    }
  if (hours < 48)
    {
      n = (int) hours;
      return g_strdup_printf (ngettext ("Data %d hour old", "Data %d hours old", n), n);
    }
  n = (int) MIN (hours / 24, G_MAXINT);
  return g_strdup_printf (ngettext ("Data %d day old", "Data %d days old", n), n);
}

/* Why the figures are not fresh, after the age. */
static char *
format_reason (SitroomKioskBand *self)
{
  g_autofree char *clock = NULL;

  g_assert (self->context != NULL);

  if (sitroom_context_get_load_error (self->context) != NULL)
    {
      clock = sitroom_format_clock (self->failing_since);
      /* Translators: %s is a time of day on this machine's clock, "13:02". */
      return g_strdup_printf (_("the feed has been failing since %s"), clock);
    }
  if (sitroom_context_get_stored (self->context))
    return g_strdup (_("a copy kept from an earlier run, not yet confirmed by the feed"));

  clock = sitroom_format_clock (sitroom_context_get_loaded_at (self->context));
  /* Translators: %s is a time of day on this machine's clock, "12:48". */
  return g_strdup_printf (_("last confirmed at %s"), clock);
}

/* The load error itself and when the next attempt is due: a time, not a
 * countdown, so nothing needs to tick. */
static char *
format_detail (SitroomKioskBand *self)
{
  const char *error = sitroom_context_get_load_error (self->context);
  gint64 next_retry = sitroom_context_get_next_retry (self->context);
  g_autofree char *retry = NULL;

  if (next_retry > 0)
    {
      g_autofree char *clock = sitroom_format_clock (next_retry);

      /* Translators: %s is a time of day on this machine's clock, "13:07". */
      retry = g_strdup_printf (_("Next attempt at %s"), clock);
    }

  if (error != NULL && retry != NULL)
    return g_strconcat (error, "  ·  ", retry, NULL);
  return g_strdup (error != NULL ? error : retry);
}

static gboolean stale_timeout_cb (gpointer user_data);

static void
set_shown (SitroomKioskBand *self,
           gboolean          shown)
{
  gtk_revealer_set_reveal_child (self->revealer, shown);
  if (self->shown == shown)
    return;
  self->shown = shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

void
sitroom_kiosk_band_update (SitroomKioskBand *self)
{
  gint64 now = g_get_real_time ();
  gint64 loaded_at;
  gint64 stale_at;
  gboolean failing;
  g_autofree char *age = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *detail = NULL;

  g_return_if_fail (SITROOM_IS_KIOSK_BAND (self));

  g_clear_handle_id (&self->stale_timeout, g_source_remove);

  if (self->context == NULL)
    {
      set_shown (self, FALSE);
      return;
    }

  loaded_at = sitroom_context_get_loaded_at (self->context);
  failing = sitroom_context_get_load_error (self->context) != NULL;
  stale_at = loaded_at + (gint64) self->stale_after * 60 * G_USEC_PER_SEC;

  if (!failing && (loaded_at <= 0 || now < stale_at))
    {
      /* Fresh (or nothing loaded yet, which the window says instead): one
       * timeout for the moment that changes, rounded up so that it does not
       * come a millisecond early and have to be planned again. */
      if (loaded_at > 0)
        self->stale_timeout = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                                  (guint) MIN ((stale_at - now + 999) / 1000, G_MAXUINT),
                                                  stale_timeout_cb, self, NULL);
      g_clear_pointer (&self->text, g_free);
      set_shown (self, FALSE);
      return;
    }

  age = format_age (loaded_at, now);
  reason = format_reason (self);
  detail = format_detail (self);
  g_free (self->text);
  /* Translators: how old the figures are, then why: "Data 14 minutes old —
   * the feed has been failing since 13:02". */
  self->text = g_strdup_printf (_("%s — %s"), age, reason);

  gtk_label_set_label (self->headline_label, self->text);
  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
  set_shown (self, TRUE);
}

static gboolean
stale_timeout_cb (gpointer user_data)
{
  SitroomKioskBand *self = SITROOM_KIOSK_BAND (user_data);

  self->stale_timeout = 0;
  sitroom_kiosk_band_update (self);

  return G_SOURCE_REMOVE;
}

/* "Failing since" is the start of the failure, not of its latest attempt:
 * each retry changes the message, not the time. */
static void
load_error_changed_cb (SitroomKioskBand *self)
{
  if (sitroom_context_get_load_error (self->context) == NULL)
    self->failing_since = 0;
  else if (self->failing_since == 0)
    self->failing_since = g_get_real_time ();

  sitroom_kiosk_band_update (self);
}

static void
sitroom_kiosk_band_dispose (GObject *object)
{
  SitroomKioskBand *self = SITROOM_KIOSK_BAND (object);
  GtkWidget *child;

  g_clear_handle_id (&self->stale_timeout, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sitroom_kiosk_band_parent_class)->dispose (object);
}

static void
sitroom_kiosk_band_finalize (GObject *object)
{
  SitroomKioskBand *self = SITROOM_KIOSK_BAND (object);

  g_free (self->text);

  G_OBJECT_CLASS (sitroom_kiosk_band_parent_class)->finalize (object);
}

static void
sitroom_kiosk_band_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SitroomKioskBand *self = SITROOM_KIOSK_BAND (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_STALE_AFTER:
      g_value_set_uint (value, self->stale_after);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, self->shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_kiosk_band_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SitroomKioskBand *self = SITROOM_KIOSK_BAND (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_kiosk_band_set_context (self, g_value_get_object (value));
      break;
    case PROP_STALE_AFTER:
      sitroom_kiosk_band_set_stale_after (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_kiosk_band_class_init (SitroomKioskBandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_kiosk_band_dispose;
  object_class->finalize = sitroom_kiosk_band_finalize;
  object_class->get_property = sitroom_kiosk_band_get_property;
  object_class->set_property = sitroom_kiosk_band_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STALE_AFTER] =
    g_param_spec_uint ("stale-after", NULL, NULL,
                       1, 10080, DEFAULT_STALE_AFTER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosk-band");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
sitroom_kiosk_band_init (SitroomKioskBand *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  self->stale_after = DEFAULT_STALE_AFTER;

  /* It moves only when it comes or goes; hidden, it takes no room (a
   * crossfade would keep its room). */
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_transition_duration (self->revealer, 400);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  gtk_widget_add_css_class (box, "kiosk-band");
  gtk_widget_add_css_class (icon, "kiosk-band-icon");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  self->headline_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->headline_label, TRUE);
  gtk_label_set_xalign (self->headline_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->headline_label), "kiosk-band-headline");
  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail_label, TRUE);
  gtk_label_set_wrap_mode (self->detail_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "kiosk-band-detail");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->headline_label));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->detail_label));
  gtk_box_append (GTK_BOX (box), texts);

  gtk_revealer_set_child (self->revealer, box);
}

GtkWidget *
sitroom_kiosk_band_new (SitroomContext *context)
{
  g_return_val_if_fail (context == NULL || SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_KIOSK_BAND,
                       "context", context,
                       NULL);
}

SitroomContext *
sitroom_kiosk_band_get_context (SitroomKioskBand *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_BAND (self), NULL);

  return self->context;
}

void
sitroom_kiosk_band_set_context (SitroomKioskBand *self,
                                SitroomContext   *context)
{
  g_return_if_fail (SITROOM_IS_KIOSK_BAND (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "load-error", G_CALLBACK (load_error_changed_cb),
                               "loaded-at", G_CALLBACK (sitroom_kiosk_band_update),
                               "next-retry", G_CALLBACK (sitroom_kiosk_band_update),
                               "stored", G_CALLBACK (sitroom_kiosk_band_update),
                               NULL))
    return;

  /* A failure already under way when the band arrives counts from now: its
   * start is not known. */
  self->failing_since = 0;
  if (context != NULL)
    load_error_changed_cb (self);
  else
    sitroom_kiosk_band_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

guint
sitroom_kiosk_band_get_stale_after (SitroomKioskBand *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_BAND (self), DEFAULT_STALE_AFTER);

  return self->stale_after;
}

void
sitroom_kiosk_band_set_stale_after (SitroomKioskBand *self,
                                    guint             minutes)
{
  g_return_if_fail (SITROOM_IS_KIOSK_BAND (self));
  g_return_if_fail (minutes >= 1);

  if (self->stale_after == minutes)
    return;

  self->stale_after = minutes;
  sitroom_kiosk_band_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_AFTER]);
}

gboolean
sitroom_kiosk_band_get_shown (SitroomKioskBand *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_BAND (self), FALSE);

  return self->shown;
}

const char *
sitroom_kiosk_band_get_text (SitroomKioskBand *self)
{
  g_return_val_if_fail (SITROOM_IS_KIOSK_BAND (self), NULL);

  return self->text != NULL ? self->text : "";
}
