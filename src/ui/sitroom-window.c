/* The main window: header with the cutoff, the freshness line, the feed's problems, toasts of changes, and the pages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-application.h"
#include "sitroom-chains-view.h"
#include "sitroom-changes.h"
#include "sitroom-briefing-view.h"
#include "sitroom-capacity-view.h"
#include "sitroom-curve-view.h"
#include "sitroom-export-dialog.h"
#include "sitroom-format.h"
#include "sitroom-map-view.h"
#include "sitroom-measures-view.h"
#include "sitroom-overview.h"
#include "sitroom-print.h"
#include "sitroom-source.h"
#include "sitroom-time.h"
#include "sitroom-window.h"

struct _SitroomWindow
{
  AdwApplicationWindow parent_instance;

  SitroomContext *context;
  GSettings *settings;
  SitroomSituation *shown;      /* the document on screen, to tell what a new one changed */
  guint freshness_timeout;
  gboolean syncing_cutoff;

  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewStack *view_stack;
  GtkMenuButton *cutoff_button;
  GtkLabel *cutoff_label;
  GtkCalendar *cutoff_calendar;
  GtkSpinButton *cutoff_hour;
  GtkLabel *cutoff_latest_label;
  GtkWidget *status_line;
  GtkLabel *updated_label;
  GtkLabel *as_of_label;
  GtkWidget *insecure_box;
  GtkRevealer *problem_revealer;
  GtkLabel *problem_label;
  GtkLabel *retry_label;
  GtkStack *main_stack;
  GtkSpinner *loading_spinner;
  AdwStatusPage *error_page;
  SitroomOverview *overview;
  SitroomMapView *map_view;
  SitroomChainsView *chains_view;
  SitroomCurveView *curve_view;
  SitroomCapacityView *capacity_view;
  SitroomMeasuresView *measures_view;
  SitroomBriefingView *briefing_view;
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

/* "Updated 3 minutes ago · Data as of 2022-08-20 13:00 CST": how old the
 * figures are, by the clock of this machine and by the document's own. */
static void
update_freshness (SitroomWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);
  gint64 loaded_at = sitroom_context_get_loaded_at (self->context);
  gboolean stored = sitroom_context_get_stored (self->context);
  gboolean stale = stored || sitroom_context_get_load_error (self->context) != NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *as_of_text = NULL;

  gtk_widget_set_visible (self->status_line, situation != NULL);
  if (situation == NULL)
    return;

  as_of = sitroom_format_time (sitroom_situation_get_as_of (situation),
                               sitroom_context_get_lang (self->context));
  /* Translators: %s is a time, "2022-08-20 13:00 CST". */
  as_of_text = g_strdup_printf (_("Data as of %s"), as_of);
  gtk_label_set_label (self->as_of_label, as_of_text);

  if (loaded_at > 0)
    {
      g_autofree char *updated = sitroom_format_updated (loaded_at, g_get_real_time (), stored);

      gtk_label_set_label (self->updated_label, updated);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->updated_label), loaded_at > 0);

  /* Figures that could be newer say so by their colour too. */
  if (stale)
    gtk_widget_add_css_class (GTK_WIDGET (self->updated_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->updated_label), "warning");
}

static void
update_insecure (SitroomWindow *self)
{
  gtk_widget_set_visible (self->insecure_box, sitroom_context_get_insecure (self->context));
}

static gboolean
freshness_tick_cb (gpointer user_data)
{
  update_freshness (SITROOM_WINDOW (user_data));

  return G_SOURCE_CONTINUE;
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
  if (situation == NULL || (at = sitroom_format_cst (cutoff)) == NULL)
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

/* "Next attempt at 13:07": a time, not a countdown, so nothing needs to tick. */
static char *
format_retry (SitroomWindow *self)
{
  gint64 next_retry = sitroom_context_get_next_retry (self->context);
  g_autofree char *clock = NULL;

  if (next_retry <= 0)
    return NULL;

  clock = sitroom_format_clock (next_retry);
  /* Translators: %s is a time of day on this machine's clock, "13:07". */
  return g_strdup_printf (_("Next attempt at %s"), clock);
}

/* The strip stays as long as the problem does: until the next success. */
static void
update_state (SitroomWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);
  const char *error = sitroom_context_get_load_error (self->context);
  g_autofree char *retry = format_retry (self);

  if (situation != NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "situation");
      if (error != NULL)
        gtk_label_set_label (self->problem_label, error);
      if (retry != NULL)
        gtk_label_set_label (self->retry_label, retry);
      gtk_widget_set_visible (GTK_WIDGET (self->retry_label), retry != NULL);
      gtk_revealer_set_reveal_child (self->problem_revealer, error != NULL);
    }
  else if (error != NULL)
    {
      g_autofree char *escaped = NULL;

      if (retry != NULL)
        {
          g_autofree char *text = g_strconcat (error, "\n", retry, NULL);

          escaped = g_markup_escape_text (text, -1);
        }
      else
        escaped = g_markup_escape_text (error, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
    }

  /* A spinning spinner draws every frame even on a page not shown: it
   * turns only while its page is the one shown, so an idle window is idle. */
  gtk_spinner_set_spinning (self->loading_spinner, situation == NULL && error == NULL);
}

static void
problem_changed_cb (SitroomWindow *self)
{
  update_state (self);
  update_freshness (self);
}

/* A toast with what a new document changed: "+1 positive in Yuncheng". The
 * first document, and one that changes no figure, say nothing. */
static void
announce_changes (SitroomWindow    *self,
                  SitroomSituation *before,
                  SitroomSituation *after)
{
  g_autoptr(SitroomView) before_view = NULL;
  g_autoptr(SitroomView) after_view = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_assert (SITROOM_IS_SITUATION (before));
  g_assert (SITROOM_IS_SITUATION (after));

  /* Each document at its own latest figures, the whole province: the news is
   * in the documents, whatever cutoff or selection is on screen. */
  before_view = sitroom_view_new (before, sitroom_situation_get_as_of (before), -1, -1);
  after_view = sitroom_view_new (after, sitroom_situation_get_as_of (after), -1, -1);
  summary = sitroom_changes_summary (before_view, after_view, sitroom_context_get_lang (self->context), 3);
  if (summary == NULL)
    return;

  escaped = g_markup_escape_text (summary, -1);
  toast = adw_toast_new (escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
warning_cb (SitroomWindow *self,
            const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* Told once, and long enough to be read from across a room. */
  adw_toast_set_timeout (toast, 15);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
situation_changed_cb (SitroomWindow *self)
{
  SitroomSituation *situation = sitroom_context_get_situation (self->context);

  if (self->shown != NULL && situation != NULL && situation != self->shown)
    announce_changes (self, self->shown, situation);
  g_set_object (&self->shown, situation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", situation != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", situation != NULL);

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
show_page_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SitroomWindow *self = SITROOM_WINDOW (widget);
  const char *page = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, page);
}

/* The pages take their outlines and settings from the application: the
 * window's own, or in a window made before it has one (the tests), the
 * process's. */
static SitroomApplication *
get_application (SitroomWindow *self)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (!SITROOM_IS_APPLICATION (application))
    application = g_application_get_default ();
  return SITROOM_IS_APPLICATION (application) ? SITROOM_APPLICATION (application) : NULL;
}

/* What to print or export, with the briefing as edited on its page: the
 * handout says what the press office wrote. NULL without a document. */
static SitroomPrintInput *
print_input_new (SitroomWindow *self)
{
  SitroomPrintInput *input = sitroom_print_input_new (self->context, get_application (self));
  SitroomBriefingEditor *zh = sitroom_briefing_view_get_editor (self->briefing_view, "zh");
  SitroomBriefingEditor *en = sitroom_briefing_view_get_editor (self->briefing_view, "en");

  if (input == NULL)
    return NULL;
  if (sitroom_briefing_editor_get_edited (zh))
    input->text_zh = sitroom_briefing_editor_get_text (zh);
  if (sitroom_briefing_editor_get_edited (en))
    input->text_en = sitroom_briefing_editor_get_text (en);
  return input;
}

/* "" opens the dialog on the page shown; "pdf" (the Briefing page's
 * button) goes straight to the file chooser for the pack. */
static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SitroomWindow *self = SITROOM_WINDOW (widget);
  g_autoptr(SitroomPrintInput) input = print_input_new (self);
  gboolean pdf = g_str_equal (g_variant_get_string (parameter, NULL), "pdf");
  SitroomExportDialog *dialog;

  if (input == NULL)
    return;
  dialog = sitroom_export_dialog_new (GTK_WINDOW (self), input, self->toast_overlay,
                                      pdf ? "briefing" : adw_view_stack_get_visible_child_name (self->view_stack));
  if (pdf)
    sitroom_export_dialog_choose_file (dialog);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  SitroomWindow *self = SITROOM_WINDOW (widget);
  g_autoptr(SitroomPrintInput) input = print_input_new (self);

  if (input != NULL)
    sitroom_print_run (GTK_WINDOW (self), input, input->lang);
}

static void
update_application (SitroomWindow *self)
{
  SitroomApplication *application = get_application (self);
  GSettings *settings;

  if (application == NULL)
    return;

  sitroom_map_view_set_application (self->map_view, application);
  settings = sitroom_application_get_settings (application);
  g_settings_bind (settings, "chain-close-days", self->chains_view, "close-days", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "curve-grouping", self->curve_view, "grouping", G_SETTINGS_BIND_DEFAULT);
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
  g_settings_set_string (self->settings, "visible-page",
                         adw_view_stack_get_visible_child_name (self->view_stack));

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
                           G_CALLBACK (problem_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::next-retry",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::stored",
                           G_CALLBACK (update_freshness), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::insecure",
                           G_CALLBACK (update_insecure), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "warning",
                           G_CALLBACK (warning_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::view",
                           G_CALLBACK (update_cutoff), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::lang",
                           G_CALLBACK (lang_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::loaded-at",
                           G_CALLBACK (update_freshness), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::source",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::application", G_CALLBACK (update_application), NULL);

  sitroom_overview_set_context (self->overview, self->context);
  sitroom_map_view_set_context (self->map_view, self->context);
  sitroom_chains_view_set_context (self->chains_view, self->context);
  sitroom_curve_view_set_context (self->curve_view, self->context);
  sitroom_capacity_view_set_context (self->capacity_view, self->context);
  sitroom_measures_view_set_context (self->measures_view, self->context);
  sitroom_briefing_view_set_context (self->briefing_view, self->context);
  update_application (self);
  update_title (self);
  update_insecure (self);
  situation_changed_cb (self);
  update_switcher (self);
}

static void
sitroom_window_dispose (GObject *object)
{
  SitroomWindow *self = SITROOM_WINDOW (object);

  g_clear_handle_id (&self->freshness_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_WINDOW);
  g_clear_object (&self->shown);
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
  g_type_ensure (SITROOM_TYPE_MAP_VIEW);
  g_type_ensure (SITROOM_TYPE_CHAINS_VIEW);
  g_type_ensure (SITROOM_TYPE_CURVE_VIEW);
  g_type_ensure (SITROOM_TYPE_CAPACITY_VIEW);
  g_type_ensure (SITROOM_TYPE_MEASURES_VIEW);
  g_type_ensure (SITROOM_TYPE_BRIEFING_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_button);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_calendar);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_hour);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, cutoff_latest_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, status_line);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, updated_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, insecure_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, retry_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, chains_view);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, curve_view);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, capacity_view);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, measures_view);
  gtk_widget_class_bind_template_child (widget_class, SitroomWindow, briefing_view);
  gtk_widget_class_bind_template_callback (widget_class, cutoff_widgets_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher);

  gtk_widget_class_install_action (widget_class, "win.cutoff-latest", NULL, cutoff_latest_cb);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_cb);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "chains");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "curve");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "capacity");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "measures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "briefing");
}

static void
sitroom_window_init (SitroomWindow *self)
{
  g_autofree char *page = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  page = g_settings_get_string (self->settings, "visible-page");
  adw_view_stack_set_visible_child_name (self->view_stack, page);

  /* "Updated 3 minutes ago" moves in minutes: a per-second clock would only
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
