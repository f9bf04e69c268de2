/* What the pack, the pictures and the tables are made from, writing one of them, and "Print…": the pack's pages through GtkPrintOperation. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-csv.h"
#include "sitroom-print.h"
#include "sitroom-source.h"

/* Where the print settings of the session are kept: on the application,
 * the one object that lives as long as the session. */
#define SETTINGS_KEY "sitroom-print-settings"

SitroomPrintInput *
sitroom_print_input_new (SitroomContext     *context,
                         SitroomApplication *application)
{
  SitroomSituation *situation;
  SitroomPrintInput *input;

  g_return_val_if_fail (SITROOM_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (application == NULL || SITROOM_IS_APPLICATION (application), NULL);

  situation = sitroom_context_get_situation (context);
  if (situation == NULL)
    return NULL;

  input = g_atomic_rc_box_new0 (SitroomPrintInput);
  /* A pack and a picture cover the province, whatever is selected. */
  input->view = sitroom_view_new (situation, sitroom_context_get_effective_cutoff (context), -1, -1);
  input->boundaries = g_object_ref (application != NULL ? sitroom_application_get_boundaries (application)
                                                        : sitroom_boundaries_get_builtin ());
  input->source = sitroom_source_describe (sitroom_context_get_source (context));
  input->lang = sitroom_context_get_lang (context);
  input->metric = SITROOM_METRIC_POSITIVES;
  input->grouping = SITROOM_CURVE_BY_PREFECTURE;
  if (application != NULL)
    {
      GSettings *settings = sitroom_application_get_settings (application);
      g_autofree char *approval = g_settings_get_string (settings, "approval-number");
      g_autofree char *metric = g_settings_get_string (settings, "map-metric");
      g_autofree char *grouping = g_settings_get_string (settings, "curve-grouping");

      if (*approval != '\0')
        input->approval_number = g_steal_pointer (&approval);
      sitroom_metric_from_string (metric, &input->metric);
      sitroom_export_grouping_from_string (grouping, &input->grouping);
    }
  return input;
}

SitroomPrintInput *
sitroom_print_input_ref (SitroomPrintInput *input)
{
  g_return_val_if_fail (input != NULL, NULL);

  return g_atomic_rc_box_acquire (input);
}

static void
input_clear (SitroomPrintInput *input)
{
  g_clear_object (&input->view);
  g_clear_object (&input->boundaries);
  g_clear_pointer (&input->approval_number, g_free);
  g_clear_pointer (&input->source, g_free);
  g_clear_pointer (&input->text_zh, g_free);
  g_clear_pointer (&input->text_en, g_free);
}

void
sitroom_print_input_unref (SitroomPrintInput *input)
{
  g_return_if_fail (input != NULL);

  g_atomic_rc_box_release_full (input, (GDestroyNotify) input_clear);
}

SitroomPack *
sitroom_print_input_new_pack (SitroomPrintInput *input,
                              const char        *lang)
{
  SitroomPackOptions options = { 0 };

  g_return_val_if_fail (input != NULL, NULL);

  options.lang = lang != NULL ? lang : input->lang;
  options.approval_number = input->approval_number;
  options.source = input->source;
  options.generated_at = g_get_real_time () / G_USEC_PER_SEC;
  options.text_zh = input->text_zh;
  options.text_en = input->text_en;
  return sitroom_pack_new (input->view, input->boundaries, &options);
}

gboolean
sitroom_print_input_write (SitroomPrintInput         *input,
                           const SitroomExportChoice *choice,
                           const char                *path,
                           GError                   **error)
{
  int scale;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (choice != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* ×2 is the picture of the size chosen, at twice the density, as
   * --scale 2 draws it: not a layout for a page twice as large. */
  scale = choice->hidpi && choice->format == SITROOM_EXPORT_PNG ? 2 : 1;

  switch (choice->what)
    {
    case SITROOM_EXPORT_WHAT_PACK:
      {
        g_autoptr(SitroomPack) pack = sitroom_print_input_new_pack (input, choice->lang);

        return sitroom_pack_write_pdf (pack, path, error);
      }
    case SITROOM_EXPORT_WHAT_TABLES:
      return sitroom_csv_write_briefing (input->view, path, error);
    case SITROOM_EXPORT_WHAT_CHAINS:
      return sitroom_export_chains (input->view, choice->lang, choice->format, choice->width, choice->height,
                                    scale, path, error);
    case SITROOM_EXPORT_WHAT_CURVE:
      return sitroom_export_curve (input->view, input->grouping, choice->lang, choice->format,
                                   choice->width, choice->height, scale, path, error);
    case SITROOM_EXPORT_WHAT_CAPACITY:
      return sitroom_export_capacity (input->view, choice->lang, choice->format, choice->width, choice->height,
                                      scale, path, error);
    case SITROOM_EXPORT_WHAT_MAP:
    default:
      {
        SitroomMapOptions options = {
          .metric = input->metric,
          .lang = choice->lang,
          .approval_number = input->approval_number,
        };

        return sitroom_export_map (input->view, input->boundaries, &options, choice->format,
                                   choice->width, choice->height, scale, path, error);
      }
    }
}

typedef struct {
  SitroomPrintInput *input;
  SitroomExportChoice choice;
  char *path;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->input, sitroom_print_input_unref);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (sitroom_print_input_write (job->input, &job->choice, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sitroom_print_input_write_async (SitroomPrintInput         *input,
                                 const SitroomExportChoice *choice,
                                 const char                *path,
                                 GCancellable              *cancellable,
                                 GAsyncReadyCallback        callback,
                                 gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (input != NULL);
  g_return_if_fail (choice != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (WriteJob, 1);
  job->input = sitroom_print_input_ref (input);
  job->choice = *choice;
  job->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sitroom_print_input_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
sitroom_print_input_write_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SitroomPack       *pack)
{
  /* In points over the whole sheet: the pack keeps its own margins, so
   * the paper shows the PDF's page, scaled to fit when it is not A4. */
  sitroom_pack_draw_page (pack, page, gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context));
}

GtkPrintOperation *
sitroom_print_operation_new (SitroomPack      *pack,
                             const char       *name,
                             GtkPrintSettings *settings)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPrintSettings) own = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (pack != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (settings == NULL || GTK_IS_PRINT_SETTINGS (settings), NULL);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "sitroom-pack", pack, (GDestroyNotify) sitroom_pack_free);
  gtk_print_operation_set_n_pages (operation, sitroom_pack_get_n_pages (pack));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pack);

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, name);

  /* "Print to File" offers the name an export would have. */
  own = settings != NULL ? gtk_print_settings_copy (settings) : gtk_print_settings_new ();
  gtk_print_settings_set (own, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_operation_set_print_settings (operation, own);
  file_name = g_strconcat (name, ".pdf", NULL);
  gtk_print_operation_set_export_filename (operation, file_name);
  return operation;
}

static GObject *
settings_holder (GtkWindow *parent)
{
  GtkApplication *application = parent != NULL ? gtk_window_get_application (parent) : NULL;

  if (application != NULL)
    return G_OBJECT (application);
  if (g_application_get_default () != NULL)
    return G_OBJECT (g_application_get_default ());
  return G_OBJECT (parent);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;
  GObject *holder = settings_holder (parent);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && holder != NULL)
    g_object_set_data_full (holder, SETTINGS_KEY,
                            g_object_ref (gtk_print_operation_get_print_settings (operation)),
                            g_object_unref);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (parent, error);
    }
  g_object_unref (operation);
}

static void
pack_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SitroomPrintInput *input = task_data;

  g_task_return_pointer (task, sitroom_print_input_new_pack (input, g_object_get_data (G_OBJECT (task), "lang")),
                         (GDestroyNotify) sitroom_pack_free);
}

static void
pack_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  SitroomPrintInput *input = g_task_get_task_data (G_TASK (result));
  SitroomPack *pack = g_task_propagate_pointer (G_TASK (result), NULL);
  GtkPrintSettings *settings = g_object_get_data (settings_holder (parent), SETTINGS_KEY);
  g_autofree char *name = sitroom_pack_default_name (sitroom_view_get_cutoff (input->view));
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  /* The window went away while the pages were laid out. */
  if (gtk_widget_in_destruction (GTK_WIDGET (parent)) || !gtk_widget_get_realized (GTK_WIDGET (parent)))
    {
      sitroom_pack_free (pack);
      return;
    }

  operation = sitroom_print_operation_new (pack, name, settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  /* Released in "done", which follows every run, sync or not. */
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, error);
}

void
sitroom_print_run (GtkWindow         *parent,
                   SitroomPrintInput *input,
                   const char        *lang)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (input != NULL);

  task = g_task_new (NULL, NULL, pack_done_cb, g_object_ref (parent));
  g_task_set_source_tag (task, sitroom_print_run);
  g_task_set_task_data (task, sitroom_print_input_ref (input), (GDestroyNotify) sitroom_print_input_unref);
  g_object_set_data (G_OBJECT (task), "lang", (gpointer) (lang != NULL ? lang : input->lang));
  g_task_run_in_thread (task, pack_thread);
}
