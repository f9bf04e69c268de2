/* The briefing text in one language: generated from the figures, editable, with its edit kept apart, copied, and checked against the data. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-briefing-check.h"
#include "sitroom-briefing-editor.h"
#include "sitroom-format.h"

/* A pause in typing before the check runs again. */
#define CHECK_DELAY_MS 150

struct _SitroomBriefingEditor
{
  GtkWidget parent_instance;

  char *lang;
  char *generated;
  SitroomBriefingFigures *figures;
  gboolean edited;
  GArray *mismatches;

  GtkTextBuffer *buffer;
  GtkTextTag *mismatch_tag;
  GtkWidget *revert_button;
  GtkWidget *warning_label;

  gboolean setting;           /* the buffer is being set, not edited */
  guint check_source;
  GCancellable *check_cancellable;
};

G_DEFINE_FINAL_TYPE (SitroomBriefingEditor, sitroom_briefing_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LANG,
  PROP_EDITED,
  PROP_MISMATCHES,
  N_PROPS
};

enum {
  COPIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a check in a worker needs: its own copies, as the editor may change
 * or go away meanwhile. */
typedef struct {
  SitroomBriefingFigures *figures;
  char *generated;
  char *edited;
  char *lang;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_pointer (&data->figures, sitroom_briefing_figures_unref);
  g_free (data->generated);
  g_free (data->edited);
  g_free (data->lang);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;

  g_task_return_pointer (task,
                         sitroom_briefing_check (data->figures, data->generated, data->edited, data->lang),
                         (GDestroyNotify) g_array_unref);
}

/* Shows @mismatches (taken) under the text, and marks them in it when the
 * text is still @text, the one checked. */
static void
show_mismatches (SitroomBriefingEditor *self,
                 GArray                *mismatches,
                 const char            *text)
{
  g_autoptr(GString) words = g_string_new (NULL);
  GtkTextIter start, end;

  g_clear_pointer (&self->mismatches, g_array_unref);
  self->mismatches = mismatches;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->mismatch_tag, &start, &end);

  for (guint i = 0; i < mismatches->len; i++)
    {
      const SitroomBriefingMismatch *mismatch = &g_array_index (mismatches, SitroomBriefingMismatch, i);
      g_autofree char *expected = sitroom_format_count (mismatch->expected);

      if (words->len > 0)
        g_string_append_c (words, '\n');
      /* TRANSLATORS: a figure of the edited briefing text that the data
       * contradicts: "共计12例: the data says 11". */
      g_string_append_printf (words, _("%s: the data says %s"), mismatch->phrase, expected);

      if (text != NULL)
        {
          gtk_text_buffer_get_iter_at_offset (self->buffer, &start, g_utf8_pointer_to_offset (text, text + mismatch->start));
          gtk_text_buffer_get_iter_at_offset (self->buffer, &end, g_utf8_pointer_to_offset (text, text + mismatch->end));
          gtk_text_buffer_apply_tag (self->buffer, self->mismatch_tag, &start, &end);
        }
    }

  gtk_label_set_text (GTK_LABEL (self->warning_label), words->str);
  gtk_widget_set_visible (self->warning_label, mismatches->len > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISMATCHES]);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) mismatches = g_task_propagate_pointer (G_TASK (result), &error);
  SitroomBriefingEditor *self;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_assert (mismatches != NULL);

  self = SITROOM_BRIEFING_EDITOR (user_data);
  text = sitroom_briefing_editor_get_text (self);
  show_mismatches (self, g_steal_pointer (&mismatches), g_strcmp0 (text, data->edited) == 0 ? text : NULL);
}

static gboolean
check_cb (gpointer user_data)
{
  SitroomBriefingEditor *self = user_data;
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  self->check_source = 0;
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  if (!self->edited || self->figures == NULL)
    return G_SOURCE_REMOVE;

  self->check_cancellable = g_cancellable_new ();
  data = g_new0 (CheckData, 1);
  data->figures = sitroom_briefing_figures_ref (self->figures);
  data->generated = g_strdup (self->generated);
  data->edited = sitroom_briefing_editor_get_text (self);
  data->lang = g_strdup (self->lang);

  /* The task holds no reference to the editor: a cancelled check, which is
   * every check of a disposed editor, never touches it. */
  task = g_task_new (NULL, self->check_cancellable, check_done_cb, self);
  g_task_set_source_tag (task, check_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, check_thread);
  return G_SOURCE_REMOVE;
}

/* Checks the text again a moment after the last change; without an edit
 * there is nothing to check and nothing to wait for. */
static void
schedule_check (SitroomBriefingEditor *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);

  if (!self->edited)
    {
      if (self->mismatches == NULL || self->mismatches->len > 0)
        show_mismatches (self, g_array_new (FALSE, TRUE, sizeof (SitroomBriefingMismatch)), NULL);
      return;
    }
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

static void
update_edited (SitroomBriefingEditor *self)
{
  g_autofree char *text = sitroom_briefing_editor_get_text (self);
  gboolean edited = g_strcmp0 (text, self->generated != NULL ? self->generated : "") != 0;

  gtk_widget_set_visible (self->revert_button, edited);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", edited);
  if (self->edited == edited)
    return;
  self->edited = edited;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
}

static void
buffer_changed_cb (SitroomBriefingEditor *self)
{
  if (self->setting)
    return;
  update_edited (self);
  schedule_check (self);
}

static void
show_generated (SitroomBriefingEditor *self)
{
  self->setting = TRUE;
  gtk_text_buffer_set_text (self->buffer, self->generated != NULL ? self->generated : "", -1);
  self->setting = FALSE;
  update_edited (self);
  schedule_check (self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sitroom_briefing_editor_copy (SITROOM_BRIEFING_EDITOR (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sitroom_briefing_editor_revert (SITROOM_BRIEFING_EDITOR (widget));
}

static void
build (SitroomBriefingEditor *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gboolean chinese = g_str_has_prefix (self->lang, "zh");
  GtkWidget *title = gtk_label_new (chinese ? _("Chinese") : _("English"));
  GtkWidget *copy_button = gtk_button_new ();
  GtkWidget *copy_content = adw_button_content_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new_with_buffer (self->buffer);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);

  self->revert_button = gtk_button_new_with_mnemonic (_("_Revert to Generated Text"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->revert_button), "editor.revert");
  gtk_widget_set_visible (self->revert_button, FALSE);
  gtk_box_append (GTK_BOX (header), self->revert_button);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (copy_content), "edit-copy-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (copy_content), _("_Copy"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (copy_content), TRUE);
  gtk_button_set_child (GTK_BUTTON (copy_button), copy_content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy_button), "editor.copy");
  gtk_widget_set_tooltip_text (copy_button, chinese ? _("Copy the Chinese text") : _("Copy the English text"));
  gtk_box_append (GTK_BOX (header), copy_button);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (view), 2);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 2);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chinese ? _("Briefing text in Chinese") : _("Briefing text in English"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_vexpand (frame, TRUE);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_parent (frame, GTK_WIDGET (self));

  self->warning_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->warning_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->warning_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->warning_label), TRUE);
  gtk_widget_add_css_class (self->warning_label, "warning");
  gtk_widget_set_visible (self->warning_label, FALSE);
  gtk_widget_set_parent (self->warning_label, GTK_WIDGET (self));
}

static void
sitroom_briefing_editor_constructed (GObject *object)
{
  SitroomBriefingEditor *self = SITROOM_BRIEFING_EDITOR (object);

  G_OBJECT_CLASS (sitroom_briefing_editor_parent_class)->constructed (object);

  if (self->lang == NULL)
    self->lang = g_strdup ("en");
  build (self);
  update_edited (self);
}

static void
sitroom_briefing_editor_dispose (GObject *object)
{
  SitroomBriefingEditor *self = SITROOM_BRIEFING_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->buffer);
  g_clear_pointer (&self->figures, sitroom_briefing_figures_unref);

  G_OBJECT_CLASS (sitroom_briefing_editor_parent_class)->dispose (object);
}

static void
sitroom_briefing_editor_finalize (GObject *object)
{
  SitroomBriefingEditor *self = SITROOM_BRIEFING_EDITOR (object);

  g_free (self->lang);
  g_free (self->generated);
  g_clear_pointer (&self->mismatches, g_array_unref);

  G_OBJECT_CLASS (sitroom_briefing_editor_parent_class)->finalize (object);
}

static void
sitroom_briefing_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SitroomBriefingEditor *self = SITROOM_BRIEFING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    case PROP_EDITED:
      g_value_set_boolean (value, self->edited);
      break;
    case PROP_MISMATCHES:
      g_value_set_boxed (value, self->mismatches);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_briefing_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SitroomBriefingEditor *self = SITROOM_BRIEFING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LANG:
      g_free (self->lang);
      self->lang = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_briefing_editor_class_init (SitroomBriefingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sitroom_briefing_editor_constructed;
  object_class->dispose = sitroom_briefing_editor_dispose;
  object_class->finalize = sitroom_briefing_editor_finalize;
  object_class->get_property = sitroom_briefing_editor_get_property;
  object_class->set_property = sitroom_briefing_editor_set_property;

  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITED] =
    g_param_spec_boolean ("edited", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MISMATCHES] =
    g_param_spec_boxed ("mismatches", NULL, NULL, G_TYPE_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COPIED] = g_signal_new ("copied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "editor.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);

  gtk_widget_class_set_css_name (widget_class, "briefing-editor");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
sitroom_briefing_editor_init (SitroomBriefingEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->buffer = gtk_text_buffer_new (NULL);
  self->mismatch_tag = gtk_text_buffer_create_tag (self->buffer, "mismatch",
                                                   "underline", PANGO_UNDERLINE_ERROR, NULL);
  self->mismatches = g_array_new (FALSE, TRUE, sizeof (SitroomBriefingMismatch));
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sitroom_briefing_editor_new (const char *lang)
{
  g_return_val_if_fail (lang != NULL, NULL);

  return g_object_new (SITROOM_TYPE_BRIEFING_EDITOR, "lang", lang, NULL);
}

const char *
sitroom_briefing_editor_get_lang (SitroomBriefingEditor *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_EDITOR (self), NULL);

  return self->lang;
}

void
sitroom_briefing_editor_set_generated (SitroomBriefingEditor  *self,
                                       const char             *text,
                                       SitroomBriefingFigures *figures)
{
  g_return_if_fail (SITROOM_IS_BRIEFING_EDITOR (self));

  if (figures != NULL)
    sitroom_briefing_figures_ref (figures);
  g_clear_pointer (&self->figures, sitroom_briefing_figures_unref);
  self->figures = figures;
  g_free (self->generated);
  self->generated = g_strdup (text);

  if (!self->edited)
    {
      show_generated (self);
      return;
    }
  /* The edit stays; it may now say what the generated text says. */
  update_edited (self);
  schedule_check (self);
}

const char *
sitroom_briefing_editor_get_generated (SitroomBriefingEditor *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_EDITOR (self), NULL);

  return self->generated;
}

SitroomBriefingFigures *
sitroom_briefing_editor_get_figures (SitroomBriefingEditor *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_EDITOR (self), NULL);

  return self->figures;
}

char *
sitroom_briefing_editor_get_text (SitroomBriefingEditor *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (SITROOM_IS_BRIEFING_EDITOR (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

GtkTextBuffer *
sitroom_briefing_editor_get_buffer (SitroomBriefingEditor *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_EDITOR (self), NULL);

  return self->buffer;
}

gboolean
sitroom_briefing_editor_get_edited (SitroomBriefingEditor *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_EDITOR (self), FALSE);

  return self->edited;
}

void
sitroom_briefing_editor_revert (SitroomBriefingEditor *self)
{
  g_return_if_fail (SITROOM_IS_BRIEFING_EDITOR (self));

  show_generated (self);
}

void
sitroom_briefing_editor_copy (SitroomBriefingEditor *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SITROOM_IS_BRIEFING_EDITOR (self));

  text = sitroom_briefing_editor_get_text (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_signal_emit (self, signals[COPIED], 0);
}

GArray *
sitroom_briefing_editor_get_mismatches (SitroomBriefingEditor *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_EDITOR (self), NULL);

  return self->mismatches;
}
