/* "Export…": the briefing pack as PDF, a view as PNG or SVG, the tables as CSV, chosen in a small dialog and written in a worker. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-export-dialog.h"
#include "sitroom-pack-render.h"

/* The view's word in file names, and the page that shows it. */
static const char *const view_names[] = { NULL, "map", "chains", "curve", "capacity", NULL };

static const char *
extension_of (SitroomExportWhat   what,
              SitroomExportFormat format)
{
  if (what == SITROOM_EXPORT_WHAT_PACK)
    return "pdf";
  if (what == SITROOM_EXPORT_WHAT_TABLES)
    return "csv";
  return format == SITROOM_EXPORT_SVG ? "svg" : "png";
}

char *
sitroom_export_dialog_default_name (gint64              cutoff,
                                    SitroomExportWhat   what,
                                    SitroomExportFormat format)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (what <= SITROOM_EXPORT_WHAT_TABLES, NULL);

  base = sitroom_pack_default_name (cutoff);
  if (view_names[what] != NULL)
    return g_strdup_printf ("%s-%s.%s", base, view_names[what], extension_of (what, format));
  return g_strdup_printf ("%s.%s", base, extension_of (what, format));
}

static const struct {
  int width;
  int height;
  const char *label;
} presets[] = {
  { 1920, 1080, N_("1920 × 1080 (Full HD)") },
  { 1600, 900, N_("1600 × 900") },
  /* A4's proportions at 150 dots an inch; ×2 makes it 300. */
  { 1240, 1754, N_("A4 Portrait (1240 × 1754)") },
};
#define CUSTOM_SIZE G_N_ELEMENTS (presets)

struct _SitroomExportDialog
{
  AdwWindow parent_instance;

  SitroomPrintInput *input;
  AdwToastOverlay *toasts;
  GtkFileChooserNative *chooser;
  gboolean syncing;

  AdwComboRow *what_row;
  AdwComboRow *format_row;
  AdwComboRow *lang_row;
  GtkWidget *size_group;
  AdwComboRow *size_row;
  GtkWidget *width_row;
  GtkWidget *height_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  AdwActionRow *hidpi_row;
  GtkSwitch *hidpi_switch;
  GtkLabel *name_label;
};

G_DEFINE_FINAL_TYPE (SitroomExportDialog, sitroom_export_dialog, ADW_TYPE_WINDOW)

static SitroomExportWhat
get_what (SitroomExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->what_row), SITROOM_EXPORT_WHAT_TABLES);
}

static gboolean
is_picture (SitroomExportWhat what)
{
  return what != SITROOM_EXPORT_WHAT_PACK && what != SITROOM_EXPORT_WHAT_TABLES;
}

static SitroomExportFormat
get_format (SitroomExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row) == 1 ? SITROOM_EXPORT_SVG : SITROOM_EXPORT_PNG;
}

static gboolean
get_hidpi (SitroomExportDialog *self)
{
  /* An SVG has no pixels to double. */
  return gtk_switch_get_active (self->hidpi_switch) && get_format (self) == SITROOM_EXPORT_PNG;
}

/* An adjustment keeps a value past a new upper limit: bring it down. */
static void
set_upper (GtkSpinButton *spin,
           double         upper)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

  gtk_adjustment_set_upper (adjustment, upper);
  if (gtk_adjustment_get_value (adjustment) > upper)
    gtk_adjustment_set_value (adjustment, upper);
}

/* The rows that mean something for the choice, the limits of a custom size
 * (doubled, it must stay within what an export allows), and the name. */
static void
update_rows (SitroomExportDialog *self)
{
  SitroomExportWhat what = get_what (self);
  gboolean custom = adw_combo_row_get_selected (self->size_row) == CUSTOM_SIZE;
  double upper = get_hidpi (self) ? SITROOM_EXPORT_MAX_SIZE / 2 : SITROOM_EXPORT_MAX_SIZE;
  g_autofree char *pixels = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->format_row), is_picture (what));
  gtk_widget_set_visible (self->size_group, is_picture (what));
  gtk_widget_set_visible (GTK_WIDGET (self->hidpi_row), get_format (self) == SITROOM_EXPORT_PNG);
  gtk_widget_set_visible (self->width_row, custom);
  gtk_widget_set_visible (self->height_row, custom);

  set_upper (self->width_spin, upper);
  set_upper (self->height_spin, upper);

  /* Translators: the size of the PNG written with ×2, "3840 × 2160 pixels" */
  pixels = g_strdup_printf (_("The same picture in %d × %d pixels"),
                            2 * gtk_spin_button_get_value_as_int (self->width_spin),
                            2 * gtk_spin_button_get_value_as_int (self->height_spin));
  adw_action_row_set_subtitle (self->hidpi_row, pixels);

  if (self->input != NULL)
    {
      g_autofree char *name = sitroom_export_dialog_get_default_name (self);

      gtk_label_set_label (self->name_label, name);
    }
}

/* A preset's size goes to the spin buttons, which are the size. */
static void
size_preset_cb (SitroomExportDialog *self)
{
  guint preset = adw_combo_row_get_selected (self->size_row);

  if (!self->syncing && preset < CUSTOM_SIZE)
    {
      self->syncing = TRUE;
      gtk_spin_button_set_value (self->width_spin, presets[preset].width);
      gtk_spin_button_set_value (self->height_spin, presets[preset].height);
      self->syncing = FALSE;
    }
  update_rows (self);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GtkWidget           *row,
         const char          *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return row;
}

static AdwComboRow *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           const char * const  *items)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (model, _(items[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return ADW_COMBO_ROW (add_row (group, row, title));
}

/* A row that @suffix (a spin button, a switch) does the work of. */
static GtkWidget *
add_suffix_row (AdwPreferencesGroup *group,
                const char          *title,
                GtkWidget           *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return add_row (group, row, title);
}

static GtkSpinButton *
new_size_spin (void)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (SITROOM_EXPORT_MIN_SIZE, SITROOM_EXPORT_MAX_SIZE, 10);

  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  return GTK_SPIN_BUTTON (spin);
}

static void
cancel_cb (SitroomExportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Built in code: the rows and their visibility are the dialog's logic. */
static void
build_content (SitroomExportDialog *self)
{
  static const char *const whats[] = {
    N_("Briefing Pack (PDF)"), N_("Map"), N_("Infection Chains"), N_("Epidemic Curve"),
    N_("Quarantine Capacity"), N_("Tables (CSV)"), NULL,
  };
  static const char *const formats[] = { N_("PNG Image"), N_("SVG Drawing"), NULL };
  static const char *const langs[] = { N_("Chinese"), N_("English"), NULL };
  const char *sizes[CUSTOM_SIZE + 2];
  GtkWidget *box, *header, *cancel, *save, *page;
  AdwPreferencesGroup *group;

  for (guint i = 0; i < CUSTOM_SIZE; i++)
    sizes[i] = presets[i].label;
  sizes[CUSTOM_SIZE] = N_("Custom");
  sizes[CUSTOM_SIZE + 1] = NULL;

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (sitroom_export_dialog_choose_file), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  page = adw_preferences_page_new ();
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->what_row = add_combo (group, _("_What"), whats);
  self->format_row = add_combo (group, _("_Format"), formats);
  self->lang_row = add_combo (group, _("_Language"), langs);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  self->size_group = adw_preferences_group_new ();
  group = ADW_PREFERENCES_GROUP (self->size_group);
  adw_preferences_group_set_title (group, _("Picture Size"));
  self->size_row = add_combo (group, _("_Size"), sizes);
  self->width_spin = new_size_spin ();
  self->width_row = add_suffix_row (group, _("_Width in Pixels"), GTK_WIDGET (self->width_spin));
  self->height_spin = new_size_spin ();
  self->height_row = add_suffix_row (group, _("_Height in Pixels"), GTK_WIDGET (self->height_spin));
  self->hidpi_switch = GTK_SWITCH (gtk_switch_new ());
  self->hidpi_row = ADW_ACTION_ROW (add_suffix_row (group, _("×2 for _High-Density Screens"),
                                                    GTK_WIDGET (self->hidpi_switch)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  /* The name the file chooser will offer, so the choice reads as a file. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_selectable (self->name_label, TRUE);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "numeric");
  adw_preferences_group_add (group, GTK_WIDGET (self->name_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_widget_set_vexpand (page, TRUE);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->what_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->lang_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (size_preset_cb), self);
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->hidpi_switch, "notify::active", G_CALLBACK (update_rows), self);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) toasts = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (toasts, adw_toast_new (escaped));
    }
}

static void
open_cb (AdwToast        *toast,
         AdwToastOverlay *toasts)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");
  g_autoptr(GdkAppLaunchContext) launch = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (toasts)));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (launch), NULL, launched_cb, g_object_ref (toasts));
}

/* What is left to do once the file is written: the dialog is gone. */
typedef struct {
  AdwToastOverlay *toasts;
  GtkWindow *parent;
  GFile *file;
} Saving;

static void
saving_free (Saving *saving)
{
  g_clear_object (&saving->toasts);
  g_clear_object (&saving->parent);
  g_clear_object (&saving->file);
  g_free (saving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Saving, saving_free)

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Saving) saving = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = sitroom_print_input_write_finish (result, &error);

  /* The window was closed meanwhile: nothing left to tell it in. */
  if (gtk_widget_get_root (GTK_WIDGET (saving->toasts)) == NULL)
    return;

  if (saved)
    {
      g_autofree char *name = g_file_get_basename (saving->file);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      AdwToast *toast = adw_toast_new_format (_("Saved %s"), escaped);

      adw_toast_set_button_label (toast, _("Open"));
      g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (saving->file), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_cb), saving->toasts, 0);
      adw_toast_overlay_add_toast (saving->toasts, toast);
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (saving->parent, _("Could Not Export"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

void
sitroom_export_dialog_save (SitroomExportDialog *self,
                            GFile               *file)
{
  g_autofree char *path = NULL;
  SitroomExportChoice choice;
  Saving *saving;

  g_return_if_fail (SITROOM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  saving = g_new0 (Saving, 1);
  saving->toasts = g_object_ref (self->toasts);
  saving->parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (saving->parent != NULL)
    g_object_ref (saving->parent);
  saving->file = g_object_ref (file);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GTask) task = g_task_new (NULL, NULL, saved_cb, saving);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot write to “%s”: choose a folder on this computer"), uri);
    }
  else
    {
      sitroom_export_dialog_get_choice (self, &choice);
      sitroom_print_input_write_async (self->input, &choice, path, NULL, saved_cb, saving);
    }

  /* The choice is made: the window is usable while the file is written. */
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (SitroomExportDialog *self,
                     int                  response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    sitroom_export_dialog_save (self, file);
  /* Straight from "Export PDF…" there is no dialog to go back to. */
  else if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
filter_by (GtkFileFilter *filter,
           const char    *name,
           const char    *mime_type)
{
  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
}

void
sitroom_export_dialog_choose_file (SitroomExportDialog *self)
{
  SitroomExportWhat what;
  GtkWindow *parent;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_return_if_fail (SITROOM_IS_EXPORT_DIALOG (self));

  if (self->chooser != NULL)
    return;

  what = get_what (self);
  parent = gtk_widget_get_visible (GTK_WIDGET (self)) ? GTK_WINDOW (self)
                                                      : gtk_window_get_transient_for (GTK_WINDOW (self));
  self->chooser = gtk_file_chooser_native_new (_("Export"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  name = sitroom_export_dialog_get_default_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  if (what == SITROOM_EXPORT_WHAT_PACK)
    filter_by (filter, _("PDF Documents"), "application/pdf");
  else if (what == SITROOM_EXPORT_WHAT_TABLES)
    filter_by (filter, _("CSV Tables"), "text/csv");
  else if (get_format (self) == SITROOM_EXPORT_SVG)
    filter_by (filter, _("SVG Drawings"), "image/svg+xml");
  else
    filter_by (filter, _("PNG Images"), "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
sitroom_export_dialog_get_choice (SitroomExportDialog *self,
                                  SitroomExportChoice *choice)
{
  g_return_if_fail (SITROOM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (choice != NULL);

  choice->what = get_what (self);
  choice->format = get_format (self);
  choice->width = gtk_spin_button_get_value_as_int (self->width_spin);
  choice->height = gtk_spin_button_get_value_as_int (self->height_spin);
  choice->hidpi = get_hidpi (self);
  choice->lang = adw_combo_row_get_selected (self->lang_row) == 0 ? "zh" : "en";
}

void
sitroom_export_dialog_set_choice (SitroomExportDialog       *self,
                                  const SitroomExportChoice *choice)
{
  guint preset = CUSTOM_SIZE;

  g_return_if_fail (SITROOM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (choice != NULL && choice->what <= SITROOM_EXPORT_WHAT_TABLES && choice->lang != NULL);
  g_return_if_fail (choice->width >= SITROOM_EXPORT_MIN_SIZE && choice->width <= SITROOM_EXPORT_MAX_SIZE);
  g_return_if_fail (choice->height >= SITROOM_EXPORT_MIN_SIZE && choice->height <= SITROOM_EXPORT_MAX_SIZE);

  for (guint i = 0; i < CUSTOM_SIZE; i++)
    if (presets[i].width == choice->width && presets[i].height == choice->height)
      preset = i;

  adw_combo_row_set_selected (self->what_row, choice->what);
  adw_combo_row_set_selected (self->format_row, choice->format == SITROOM_EXPORT_SVG ? 1 : 0);
  adw_combo_row_set_selected (self->lang_row, g_str_has_prefix (choice->lang, "zh") ? 0 : 1);
  gtk_switch_set_active (self->hidpi_switch, choice->hidpi);
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->size_row, preset);
  self->syncing = FALSE;
  /* Limits first: a doubled size has the lower one. */
  update_rows (self);
  gtk_spin_button_set_value (self->width_spin, choice->width);
  gtk_spin_button_set_value (self->height_spin, choice->height);
}

char *
sitroom_export_dialog_get_default_name (SitroomExportDialog *self)
{
  g_return_val_if_fail (SITROOM_IS_EXPORT_DIALOG (self), NULL);

  return sitroom_export_dialog_default_name (sitroom_view_get_cutoff (self->input->view),
                                             get_what (self), get_format (self));
}

static void
sitroom_export_dialog_dispose (GObject *object)
{
  SitroomExportDialog *self = SITROOM_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->toasts);

  G_OBJECT_CLASS (sitroom_export_dialog_parent_class)->dispose (object);
}

static void
sitroom_export_dialog_finalize (GObject *object)
{
  SitroomExportDialog *self = SITROOM_EXPORT_DIALOG (object);

  g_clear_pointer (&self->input, sitroom_print_input_unref);

  G_OBJECT_CLASS (sitroom_export_dialog_parent_class)->finalize (object);
}

static void
sitroom_export_dialog_class_init (SitroomExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_export_dialog_dispose;
  object_class->finalize = sitroom_export_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sitroom_export_dialog_init (SitroomExportDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Export"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  build_content (self);
  /* The choice first, not Cancel, the first button in the header. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->what_row));
}

SitroomExportDialog *
sitroom_export_dialog_new (GtkWindow         *parent,
                           SitroomPrintInput *input,
                           AdwToastOverlay   *toasts,
                           const char        *page)
{
  SitroomExportDialog *self;
  SitroomExportChoice choice = {
    SITROOM_EXPORT_WHAT_PACK, SITROOM_EXPORT_PNG,
    SITROOM_EXPORT_DIALOG_DEFAULT_WIDTH, SITROOM_EXPORT_DIALOG_DEFAULT_HEIGHT,
    FALSE, NULL,
  };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), NULL);

  choice.lang = input->lang;

  self = g_object_new (SITROOM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->input = sitroom_print_input_ref (input);
  self->toasts = g_object_ref (toasts);

  for (guint i = SITROOM_EXPORT_WHAT_MAP; page != NULL && view_names[i] != NULL; i++)
    if (g_str_equal (page, view_names[i]))
      choice.what = i;
  sitroom_export_dialog_set_choice (self, &choice);
  return self;
}
