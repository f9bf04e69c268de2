/* The Briefing page: the press release at the cutoff in Chinese and English, edited and checked, marked as issued, and what changed since the last one. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-briefing.h"
#include "sitroom-briefing-view-private.h"
#include "sitroom-format.h"

/* Figures named in the banner before "and N more". */
#define BANNER_FIGURES 6

G_DEFINE_FINAL_TYPE (SitroomBriefingView, sitroom_briefing_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
_sitroom_briefing_view_get_lang (SitroomBriefingView *self)
{
  return self->context != NULL ? sitroom_context_get_lang (self->context) : "en";
}

static gboolean
is_chinese (SitroomBriefingView *self)
{
  return g_str_has_prefix (_sitroom_briefing_view_get_lang (self), "zh");
}

const char *
_sitroom_briefing_view_change_label (SitroomBriefingView       *self,
                                     const SitroomFigureChange *change)
{
  return is_chinese (self) ? change->label_zh : change->label_en;
}

/* What the issued briefings call the document's source: the demo has none. */
const char *
_sitroom_briefing_view_get_source (SitroomBriefingView *self)
{
  const char *source = self->context != NULL ? sitroom_context_get_source (self->context) : NULL;

  return source != NULL ? source : "demo";
}

static char *
default_store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sitroom", "briefings.sqlite", NULL);
}

/* A damaged store set aside and started anew is something to read once. */
static void
report_damage (SitroomBriefingView *self)
{
  g_autoptr(GError) damage = self->store != NULL ? sitroom_briefing_store_take_damage (self->store) : NULL;

  if (damage != NULL && self->context != NULL)
    sitroom_context_warn (self->context, damage->message);
}

/* The store, opened when first needed. Without @create, a store that does
 * not exist yet is not made: there is nothing in it to compare with. */
SitroomBriefingStore *
_sitroom_briefing_view_ensure_store (SitroomBriefingView  *self,
                                     gboolean              create,
                                     GError              **error)
{
  g_autofree char *path = NULL;

  if (self->store != NULL)
    return self->store;

  path = g_strdup (sitroom_briefing_view_get_store_path (self));
  if (path == NULL)
    path = default_store_path ();
  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  self->store = sitroom_briefing_store_open (path, error);
  report_damage (self);
  return self->store;
}

static void
toast (SitroomBriefingView *self,
       const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* TRUE when the cutoff or the document changed and the view was rebuilt. */
static gboolean
ensure_view (SitroomBriefingView *self)
{
  SitroomSituation *situation = self->context != NULL ? sitroom_context_get_situation (self->context) : NULL;
  gint64 cutoff;

  if (situation == NULL)
    {
      if (self->view == NULL)
        return FALSE;
      g_clear_object (&self->view);
      g_clear_pointer (&self->figures, sitroom_briefing_figures_unref);
      return TRUE;
    }

  cutoff = sitroom_context_get_effective_cutoff (self->context);
  if (self->view != NULL && sitroom_view_get_situation (self->view) == situation &&
      sitroom_view_get_cutoff (self->view) == cutoff)
    return FALSE;

  g_clear_object (&self->view);
  g_clear_pointer (&self->figures, sitroom_briefing_figures_unref);
  self->view = sitroom_view_new (situation, cutoff, -1, -1);
  self->figures = sitroom_briefing_figures_new_from_view (self->view);
  return TRUE;
}

static gboolean
any_edited (SitroomBriefingView *self)
{
  return sitroom_briefing_editor_get_edited (self->zh_editor) || sitroom_briefing_editor_get_edited (self->en_editor);
}

/* The banner: which figures changed since the edits began. */
static void
update_banner (SitroomBriefingView *self)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n_changed = 0;

  if (self->edit_figures != NULL && self->figures != NULL)
    changes = sitroom_briefing_figures_compare (self->edit_figures, self->figures);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const SitroomFigureChange *change = &g_array_index (changes, SitroomFigureChange, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (change->change == 0 && change->in_before == change->in_after)
        continue;
      if (n_changed++ >= BANNER_FIGURES)
        continue;
      before = change->in_before ? sitroom_format_count (change->before) : g_strdup ("—");
      after = change->in_after ? sitroom_format_count (change->after) : g_strdup ("—");
      if (list->len > 0)
        g_string_append (list, C_("list separator", ", "));
      /* TRANSLATORS: a figure that changed: "Positives 11 → 12". */
      g_string_append_printf (list, C_("figure change", "%s %s → %s"),
                              _sitroom_briefing_view_change_label (self, change), before, after);
    }
  if (n_changed > BANNER_FIGURES)
    {
      guint more = n_changed - BANNER_FIGURES;

      g_string_append (list, C_("list separator", ", "));
      g_string_append_printf (list, ngettext ("and %u more", "and %u more", more), more);
    }

  if (n_changed > 0)
    {
      /* TRANSLATORS: %s lists figures and how they changed. */
      message = g_strdup_printf (_("The figures changed since you edited: %s"), list->str);
      gtk_label_set_text (self->changed_label, message);
    }
  gtk_revealer_set_reveal_child (self->changed_banner, n_changed > 0);
}

static void
editor_edited_cb (SitroomBriefingView *self)
{
  if (!any_edited (self))
    g_clear_pointer (&self->edit_figures, sitroom_briefing_figures_unref);
  else if (self->edit_figures == NULL && self->figures != NULL)
    self->edit_figures = sitroom_briefing_figures_ref (self->figures);
  update_banner (self);
}

static void
editor_copied_cb (SitroomBriefingView *self)
{
  toast (self, _("Copied"));
}

static void
update_texts (SitroomBriefingView *self)
{
  g_autofree char *zh = self->view != NULL ? sitroom_briefing_text (self->view, "zh") : NULL;
  g_autofree char *en = self->view != NULL ? sitroom_briefing_text (self->view, "en") : NULL;

  sitroom_briefing_editor_set_generated (self->zh_editor, zh, self->figures);
  sitroom_briefing_editor_set_generated (self->en_editor, en, self->figures);
  update_banner (self);
}

static void
update_cutoff (SitroomBriefingView *self)
{
  g_autofree char *phrase = NULL;

  if (self->view == NULL)
    {
      gtk_label_set_text (self->cutoff_label, _("No document loaded"));
      return;
    }
  phrase = sitroom_briefing_cutoff_phrase (sitroom_view_get_cutoff (self->view),
                                           _sitroom_briefing_view_get_lang (self));
  gtk_label_set_text (self->cutoff_label, phrase);
}

/* Everything that depends on the figures: a new document or cutoff. */
static void
refresh (SitroomBriefingView *self)
{
  /* After dispose there is nothing to show it in. */
  if (self->since_keys == NULL)
    return;

  update_cutoff (self);
  update_texts (self);
  _sitroom_briefing_view_update_since (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.mark-issued", self->view != NULL);
  gtk_widget_set_visible (self->history_box, self->view != NULL);
}

static void
view_changed_cb (SitroomBriefingView *self)
{
  if (ensure_view (self))
    refresh (self);
}

static void
situation_changed_cb (SitroomBriefingView *self)
{
  view_changed_cb (self);
  _sitroom_briefing_view_find_errata (self);
}

static void
source_changed_cb (SitroomBriefingView *self)
{
  _sitroom_briefing_view_update_since (self);
  _sitroom_briefing_view_find_errata (self);
}

static void
lang_changed_cb (SitroomBriefingView *self)
{
  update_cutoff (self);
  update_banner (self);
  _sitroom_briefing_view_update_since (self);
  _sitroom_briefing_view_show_errata (self);
}

static void
mark_issued_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SitroomBriefingView *self = SITROOM_BRIEFING_VIEW (widget);
  g_autoptr(SitroomIssuedBriefing) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  issued = sitroom_briefing_view_mark_issued (self, &error);
  if (issued == NULL)
    message = g_strdup_printf (_("The briefing could not be stored: %s"), error->message);
  toast (self, issued != NULL ? _("Briefing marked as issued") : message);
}

static void
use_generated_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SitroomBriefingView *self = SITROOM_BRIEFING_VIEW (widget);

  sitroom_briefing_editor_revert (self->zh_editor);
  sitroom_briefing_editor_revert (self->en_editor);
}

static void
keep_edits_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SitroomBriefingView *self = SITROOM_BRIEFING_VIEW (widget);

  /* The edits now answer for these figures; later changes show again. */
  if (self->edit_figures != NULL && self->figures != NULL)
    {
      sitroom_briefing_figures_unref (self->edit_figures);
      self->edit_figures = sitroom_briefing_figures_ref (self->figures);
    }
  update_banner (self);
}

static void
sitroom_briefing_view_dispose (GObject *object)
{
  SitroomBriefingView *self = SITROOM_BRIEFING_VIEW (object);

  g_cancellable_cancel (self->errata_cancellable);
  g_clear_object (&self->errata_cancellable);
  sitroom_briefing_view_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SITROOM_TYPE_BRIEFING_VIEW);
  g_clear_object (&self->since_keys);
  g_clear_object (&self->view);
  g_clear_object (&self->store);
  g_clear_pointer (&self->figures, sitroom_briefing_figures_unref);
  g_clear_pointer (&self->edit_figures, sitroom_briefing_figures_unref);
  g_clear_pointer (&self->last, sitroom_issued_briefing_free);
  g_clear_pointer (&self->errata, g_ptr_array_unref);

  G_OBJECT_CLASS (sitroom_briefing_view_parent_class)->dispose (object);
}

static void
sitroom_briefing_view_finalize (GObject *object)
{
  SitroomBriefingView *self = SITROOM_BRIEFING_VIEW (object);

  g_free (self->store_path);
  g_clear_pointer (&self->changes_by_key, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (sitroom_briefing_view_parent_class)->finalize (object);
}

static void
sitroom_briefing_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SitroomBriefingView *self = SITROOM_BRIEFING_VIEW (object);

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
sitroom_briefing_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SitroomBriefingView *self = SITROOM_BRIEFING_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_briefing_view_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_briefing_view_class_init (SitroomBriefingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_briefing_view_dispose;
  object_class->finalize = sitroom_briefing_view_finalize;
  object_class->get_property = sitroom_briefing_view_get_property;
  object_class->set_property = sitroom_briefing_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SITROOM_TYPE_BRIEFING_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-briefing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, cutoff_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, mark_button);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, changed_banner);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, changed_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, zh_editor);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, en_editor);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, history_box);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, since_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, unchanged_check);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, since_frame);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, since_table);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, errata_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomBriefingView, errata_list);
  _sitroom_briefing_view_class_init_history (widget_class);

  gtk_widget_class_install_action (widget_class, "briefing.mark-issued", NULL, mark_issued_action);
  gtk_widget_class_install_action (widget_class, "briefing.use-generated", NULL, use_generated_action);
  gtk_widget_class_install_action (widget_class, "briefing.keep-edits", NULL, keep_edits_action);

  gtk_widget_class_set_css_name (widget_class, "briefing-view");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sitroom_briefing_view_init (SitroomBriefingView *self)
{
  self->changes_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));

  _sitroom_briefing_view_init_history (self);

  g_signal_connect_object (self->zh_editor, "notify::edited", G_CALLBACK (editor_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->en_editor, "notify::edited", G_CALLBACK (editor_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zh_editor, "copied", G_CALLBACK (editor_copied_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->en_editor, "copied", G_CALLBACK (editor_copied_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
  _sitroom_briefing_view_find_errata (self);
}

GtkWidget *
sitroom_briefing_view_new (SitroomContext *context)
{
  g_return_val_if_fail (context == NULL || SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_BRIEFING_VIEW, "context", context, NULL);
}

SitroomContext *
sitroom_briefing_view_get_context (SitroomBriefingView *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_VIEW (self), NULL);

  return self->context;
}

void
sitroom_briefing_view_set_context (SitroomBriefingView *self,
                                   SitroomContext      *context)
{
  g_return_if_fail (SITROOM_IS_BRIEFING_VIEW (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  if (!sitroom_context_follow (&self->context, context, self,
                               "view", G_CALLBACK (view_changed_cb),
                               "situation", G_CALLBACK (situation_changed_cb),
                               "source", G_CALLBACK (source_changed_cb),
                               "lang", G_CALLBACK (lang_changed_cb),
                               NULL))
    return;

  ensure_view (self);
  refresh (self);
  if (self->since_keys != NULL)
    _sitroom_briefing_view_find_errata (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

SitroomBriefingEditor *
sitroom_briefing_view_get_editor (SitroomBriefingView *self,
                                  const char          *lang)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_VIEW (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  return g_str_has_prefix (lang, "zh") ? self->zh_editor : self->en_editor;
}

const char *
sitroom_briefing_view_get_store_path (SitroomBriefingView *self)
{
  const char *path;

  g_return_val_if_fail (SITROOM_IS_BRIEFING_VIEW (self), NULL);

  if (self->store_path != NULL)
    return self->store_path;
  path = g_getenv ("SITROOM_BRIEFING_STORE");
  return path != NULL && path[0] != '\0' ? path : NULL;
}

void
sitroom_briefing_view_set_store_path (SitroomBriefingView *self,
                                      const char          *path)
{
  g_return_if_fail (SITROOM_IS_BRIEFING_VIEW (self));

  if (g_strcmp0 (self->store_path, path) == 0)
    return;
  g_free (self->store_path);
  self->store_path = g_strdup (path);
  g_clear_object (&self->store);
  _sitroom_briefing_view_update_since (self);
  _sitroom_briefing_view_find_errata (self);
}

SitroomIssuedBriefing *
sitroom_briefing_view_mark_issued (SitroomBriefingView  *self,
                                   GError              **error)
{
  SitroomBriefingStore *store;
  SitroomIssuedBriefing *issued;
  g_autofree char *issued_zh = NULL;
  g_autofree char *issued_en = NULL;
  SitroomIssuedBriefing briefing = { 0 };

  g_return_val_if_fail (SITROOM_IS_BRIEFING_VIEW (self), NULL);
  g_return_val_if_fail (self->view != NULL, NULL);

  if ((store = _sitroom_briefing_view_ensure_store (self, TRUE, error)) == NULL)
    return NULL;

  /* An unedited text is stored once, as the generated one. */
  if (sitroom_briefing_editor_get_edited (self->zh_editor))
    issued_zh = sitroom_briefing_editor_get_text (self->zh_editor);
  if (sitroom_briefing_editor_get_edited (self->en_editor))
    issued_en = sitroom_briefing_editor_get_text (self->en_editor);
  briefing.source = (char *) _sitroom_briefing_view_get_source (self);
  briefing.cutoff = sitroom_view_get_cutoff (self->view);
  briefing.generated_zh = (char *) sitroom_briefing_editor_get_generated (self->zh_editor);
  briefing.generated_en = (char *) sitroom_briefing_editor_get_generated (self->en_editor);
  briefing.issued_zh = issued_zh;
  briefing.issued_en = issued_en;
  briefing.figures = self->figures;

  issued = sitroom_briefing_store_mark_issued (store, &briefing, error);
  report_damage (self);
  if (issued == NULL)
    return NULL;
  _sitroom_briefing_view_update_since (self);
  _sitroom_briefing_view_find_errata (self);
  return issued;
}

const SitroomIssuedBriefing *
sitroom_briefing_view_get_last_briefing (SitroomBriefingView *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_VIEW (self), NULL);

  return self->last;
}

GArray *
sitroom_briefing_view_get_changes (SitroomBriefingView *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_VIEW (self), NULL);

  return self->changes;
}

GPtrArray *
sitroom_briefing_view_get_errata (SitroomBriefingView *self)
{
  g_return_val_if_fail (SITROOM_IS_BRIEFING_VIEW (self), NULL);

  return self->errata;
}
