/* The main window: header with cutoff and freshness, the load state, and the view stack of pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-overview.h"
#include "sitroom-source.h"
#include "sitroom-time.h"
#include "sitroom-window.h"

struct _SitroomWindow
{
  AdwApplicationWindow parent_instance;

  SitroomContext *context;
  GSettings *settings;
  guint freshness_timeout;
  gboolean refusal_dismissed;
  gboolean syncing_cutoff;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewStack *view_stack;
  GtkMenuButton *cutoff_button;
  GtkLabel *cutoff_label;
  GtkCalendar *cutoff_calendar;
  GtkSpinButton *cutoff_hour;
  GtkLabel *cutoff_latest_label;
  GtkLabel *freshness_label;
  GtkRevealer *refused_revealer;
  GtkLabel *refused_label;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  SitroomOverview *overview;
};

G_DEFINE_FINAL_TYPE (SitroomWindow, sitroom_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (SitroomWindow *self)
{
  g_autofree char *source = sitroom_source_describe (sitroom_context_get_source (self->context));

  adw_view_switcher_title_set_subtitle (self->switcher_title, source);
}

static void
update_freshness (SitroomWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);
  gint64 loaded_at = sitroom_context_get_loaded_at (self->context);
  g_autofree char *as_of = NULL;
  g_autofree char *text = NULL;

  if (situation == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->freshness_label), FALSE);
      return;
    }

  as_of = sitroom_format_time (sitroom_situation_get_as_of (situation),
                               sitroom_context_get_lang (self->context));
  if (loaded_at > 0)
    {
      g_autofree char *loaded = sitroom_format_loaded (loaded_at, g_get_real_time ());

      /* Translators: the first %s is a time, the second "loaded 5 minutes ago". */
      text = g_strdup_printf (_("Data as of %s · %s"), as_of, loaded);
    }
  else
    text = g_strdup_printf (_("Data as of %s"), as_of);

  gtk_label_set_label (self->freshness_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->freshness_label), TRUE);
}

static gboolean
freshness_tick_cb (gpointer user_data)
{
  update_freshness (SITROOM_WINDOW (user_data));

  return G_SOURCE_CONTINUE;
}

static GDateTime *
to_cst (gint64 utc)
{
  g_autoptr(GTimeZone) cst = g_time_zone_new_offset (SITROOM_CST_OFFSET);
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (utc);

  return at != NULL ? g_date_time_to_timezone (at, cst) : NULL;
}

/* The calendar, the hour and the button all show the effective cutoff. */
static void
update_cutoff (SitroomWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);
  const char *lang = sitroom_context_get_lang (self->context);
  gint64 cutoff = sitroom_context_get_effective_cutoff (self->context);
  g_autofree char *label = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *latest_text = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) day = NULL;
  gboolean past;

  gtk_widget_set_visible (GTK_WIDGET (self->cutoff_button), situation != NULL);
  if (situation == NULL || (at = to_cst (cutoff)) == NULL)
    return;

  past = cutoff < sitroom_situation_get_as_of (situation);
  label = sitroom_format_time (cutoff, lang);
  latest = sitroom_format_time (sitroom_situation_get_as_of (situation), lang);
  latest_text = g_strdup_printf (_("The data goes up to %s."), latest);

  gtk_label_set_label (self->cutoff_label, label);
  gtk_label_set_label (self->cutoff_latest_label, latest_text);
  if (past)
    gtk_widget_add_css_class (GTK_WIDGET (self->cutoff_button), "past-cutoff");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->cutoff_button), "past-cutoff");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cutoff-latest", past);

  /* GtkCalendar works in whole local days: give it the CST date at local midnight. */
  day = g_date_time_new_local (g_date_time_get_year (at),
                               g_date_time_get_month (at),
                               g_date_time_get_day_of_month (at),
                               0, 0, 0);

  self->syncing_cutoff = TRUE;
  gtk_calendar_select_day (self->cutoff_calendar, day);
  gtk_spin_button_set_value (self->cutoff_hour, g_date_time_get_hour (at));
  self->syncing_cutoff = FALSE;
}

/* The calendar day at the spin button's hour, in CST; a time past the
 * document's as_of is not allowed and means the latest data. */
static void
cutoff_widgets_changed_cb (SitroomWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);
  g_autoptr(GTimeZone) cst = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) at = NULL;
  gint64 cutoff;

  if (self->syncing_cutoff || situation == NULL)
    return;

  cst = g_time_zone_new_offset (SITROOM_CST_OFFSET);
  day = gtk_calendar_get_date (self->cutoff_calendar);
  at = g_date_time_new (cst,
                        g_date_time_get_year (day),
                        g_date_time_get_month (day),
                        g_date_time_get_day_of_month (day),
                        gtk_spin_button_get_value_as_int (self->cutoff_hour),
                        0, 0);
  cutoff = g_date_time_to_unix (at);

  if (cutoff >= sitroom_situation_get_as_of (situation))
    cutoff = SITROOM_TIME_NONE;

  sitroom_context_set_cutoff (self->context, cutoff);

  /* Snapping to the latest may not change the context; show what holds. */
  update_cutoff (self);
}

static void
update_state (SitroomWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);
  const char *error = sitroom_context_get_load_error (self->context);

  if (situation != NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "situation");
      gtk_label_set_label (self->refused_label, error);
      gtk_revealer_set_reveal_child (self->refused_revealer,
                                     error != NULL && !self->refusal_dismissed);
    }
  else if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_revealer_set_reveal_child (self->refused_revealer, FALSE);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      gtk_revealer_set_reveal_child (self->refused_revealer, FALSE);
    }
}

static void
load_error_changed_cb (SitroomWindow *self)
{
  /* A new refusal is news again, even after the last one was dismissed. */
  self->refusal_dismissed = FALSE;
  update_state (self);
}

static void
situation_changed_cb (SitroomWindow *self)
{
  update_state (self);
  update_cutoff (self);
  update_freshness (self);
}

static void
lang_changed_cb (SitroomWindow *self)
{
  update_cutoff (self);
  update_freshness (self);
}

/* The switcher only earns its place once there is more than one page. */
static void
update_switcher (SitroomWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  gboolean several = g_list_model_get_n_items (G_LIST_MODEL (pages)) > 1;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, several);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    several && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
cutoff_latest_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SitroomWindow *self = SITROOM_WINDOW (widget);

  sitroom_context_set_cutoff (self->context, SITROOM_TIME_NONE);
  update_cutoff (self);
}

static void
dismiss_refusal_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SitroomWindow *self = SITROOM_WINDOW (widget);

  self->refusal_dismissed = TRUE;
  update_state (self);
}

static gboolean
sitroom_window_close_request (GtkWindow *window)
{
  SitroomWindow *self = SITROOM_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  /* A maximized window keeps the size it had before, for when it is restored. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  return GTK_WINDOW_CLASS (sitroom_window_parent_class)->close_request (window);
}

static void
sitroom_window_constructed (GObject *object)
{
  SitroomWindow *self = SITROOM_WINDOW (object);

  G_OBJECT_CLASS (sitroom_window_parent_class)->constructed (object);

  g_assert (SITROOM_IS_CONTEXT (self->context));

  g_signal_connect_object (self->context, "notify::situation",
                           G_CALLBACK (situation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::load-error",
                           G_CALLBACK (load_error_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::view",
                           G_CALLBACK (update_cutoff), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::lang",
                           G_CALLBACK (lang_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::loaded-at",
                           G_CALLBACK (update_freshness), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::source",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  sitroom_overview_set_context (self->overview, self->context);
  update_title (self);
  situation_changed_cb (self);
  update_switcher (self);
}

static void
sitroom_window_dispose (GObject *object)
{
  SitroomWindow *self = SITROOM_WINDOW (object);

  g_clear_handle_id (&self->freshness_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sitroom_window_parent_class)->dispose (object);
}

static void
sitroom_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SitroomWindow *self = SITROOM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SitroomWindow *self = SITROOM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_window_class_init (SitroomWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sitroom_window_constructed;
  object_class->dispose = sitroom_window_dispose;
  object_class->get_property = sitroom_window_get_property;
  object_class->set_property = sitroom_window_set_property;
  window_class->close_request = sitroom_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SITROOM_TYPE_OVERVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_button);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_calendar);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_hour);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_latest_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, freshness_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, refused_revealer);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, refused_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, overview);
  gtk_widget_class_bind_template_callback (widget_class, cutoff_widgets_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher);

  gtk_widget_class_install_action (widget_class, "win.cutoff-latest", NULL, cutoff_latest_cb);
  gtk_widget_class_install_action (widget_class, "win.dismiss-refusal", NULL, dismiss_refusal_cb);
}

static void
sitroom_window_init (SitroomWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* "loaded 3 minutes ago" moves in minutes: a per-second clock would only
   * wake the machine for nothing. */
  self->freshness_timeout = g_timeout_add_seconds (60, freshness_tick_cb, self);
}

SitroomWindow *
sitroom_window_new (GtkApplication *application,
                    SitroomContext *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

SitroomContext *
sitroom_window_get_context (SitroomWindow *self)
{
  g_return_val_if_fail (SITROOM_IS_WINDOW (self), NULL);

  return self->context;
}
