/* Tests of the Briefing page over the built-in demo: the generated text in both editors, edits kept apart and checked, copying, marking as issued, the changes since and the revision log. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sitroom-briefing.h"
#include "sitroom-briefing-check.h"
#include "sitroom-briefing-view.h"
#include "sitroom-source.h"
#include "sitroom-test-widgets.h"
#include "sitroom-time.h"

static SitroomSituation *demo;
static GBytes *demo_bytes;

typedef struct {
  SitroomContext *context;
  GtkWindow *window;
  SitroomBriefingView *view;
  SitroomBriefingEditor *zh;
  SitroomBriefingEditor *en;
  char *folder;
  const char *awaited;          /* text the table is to show */
} Fixture;

static gint64
at (const char *text)
{
  gint64 t;

  g_assert_true (sitroom_time_parse (text, &t, NULL));
  return t;
}

/* Runs the main loop until @done says so, failing after ten seconds. */
static void
wait_for (gboolean    (*done) (Fixture *fixture),
          Fixture      *fixture,
          const char   *what)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The banner: the revealer with the button that drops the edits. */
static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_REVEALER (widget) &&
         sitroom_test_find_widget (widget, is_label_with, "Use Generated Text") != NULL;
}

static GtkWidget *
find (GtkWidget    *root,
      gboolean    (*match) (GtkWidget *, gconstpointer),
      gconstpointer data)
{
  GtkWidget *widget = sitroom_test_find_widget (root, match, data);

  if (widget == NULL)
    g_error ("nothing found under %s", G_OBJECT_TYPE_NAME (root));
  return widget;
}

static char *
generated (SitroomSituation *situation,
           gint64            cutoff,
           const char       *lang)
{
  g_autoptr(SitroomView) view = sitroom_view_new (situation, cutoff, -1, -1);

  return sitroom_briefing_text (view, lang);
}

static void
edit (SitroomBriefingEditor *editor,
      const char            *from,
      const char            *to)
{
  GtkTextBuffer *buffer = sitroom_briefing_editor_get_buffer (editor);
  g_autofree char *text = sitroom_briefing_editor_get_text (editor);
  const char *found = strstr (text, from);
  GtkTextIter start, end;

  g_assert_nonnull (found);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_utf8_pointer_to_offset (text, found));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) g_utf8_pointer_to_offset (text, found + strlen (from)));
  /* As typing does: a user action, one deletion and one insertion. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, to, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->folder = g_dir_make_tmp ("sitroom-briefing-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->folder, "briefings.sqlite", NULL);

  fixture->context = sitroom_context_new ();
  sitroom_context_set_lang (fixture->context, "en");
  sitroom_context_set_situation (fixture->context, demo);

  fixture->view = SITROOM_BRIEFING_VIEW (sitroom_briefing_view_new (NULL));
  sitroom_briefing_view_set_store_path (fixture->view, path);
  sitroom_briefing_view_set_context (fixture->view, fixture->context);
  fixture->zh = sitroom_briefing_view_get_editor (fixture->view, "zh");
  fixture->en = sitroom_briefing_view_get_editor (fixture->view, "en");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1400, 1000);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);

  dir = g_dir_open (fixture->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->folder, name, NULL);

      g_remove (file);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
}

static void
test_generated (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 as_of = sitroom_situation_get_as_of (demo);
  g_autofree char *zh = generated (demo, as_of, "zh");
  g_autofree char *en = generated (demo, as_of, "en");
  g_autofree char *zh_shown = sitroom_briefing_editor_get_text (fixture->zh);
  g_autofree char *en_shown = sitroom_briefing_editor_get_text (fixture->en);

  g_assert_true (g_str_has_prefix (zh, "截至8月20日13时，"));
  g_assert_cmpstr (zh_shown, ==, zh);
  g_assert_cmpstr (en_shown, ==, en);
  g_assert_false (sitroom_briefing_editor_get_edited (fixture->zh));
  g_assert_false (sitroom_briefing_editor_get_edited (fixture->en));
  find (GTK_WIDGET (fixture->view), is_label_with, "As of 13:00 on 20 August 2022");

  /* In Chinese the cutoff says it in Chinese; the texts stay as they are. */
  sitroom_context_set_lang (fixture->context, "zh");
  find (GTK_WIDGET (fixture->view), is_label_with, "截至8月20日13时");
  g_free (en_shown);
  en_shown = sitroom_briefing_editor_get_text (fixture->en);
  g_assert_cmpstr (en_shown, ==, en);
}

static gboolean
zh_has_mismatches (Fixture *fixture)
{
  return sitroom_briefing_editor_get_mismatches (fixture->zh)->len > 0;
}

static void
test_mismatch (Fixture       *fixture,
               gconstpointer  data)
{
  GArray *mismatches;
  const SitroomBriefingMismatch *mismatch;

  edit (fixture->zh, "共计11例", "共计12例");
  g_assert_true (sitroom_briefing_editor_get_edited (fixture->zh));
  g_assert_false (sitroom_briefing_editor_get_edited (fixture->en));
  find (GTK_WIDGET (fixture->zh), is_label_with, "Revert to Generated Text");

  wait_for (zh_has_mismatches, fixture, "the check of the edit");
  mismatches = sitroom_briefing_editor_get_mismatches (fixture->zh);
  g_assert_cmpuint (mismatches->len, ==, 1);
  mismatch = &g_array_index (mismatches, SitroomBriefingMismatch, 0);
  g_assert_cmpstr (mismatch->key, ==, "positives");
  g_assert_cmpint (mismatch->expected, ==, 11);
  find (GTK_WIDGET (fixture->zh), is_label_with, "共计12例: the data says 11");

  /* Typing the figure back is no edit, and nothing is wrong. */
  edit (fixture->zh, "共计12例", "共计11例");
  g_assert_false (sitroom_briefing_editor_get_edited (fixture->zh));
  g_assert_cmpuint (sitroom_briefing_editor_get_mismatches (fixture->zh)->len, ==, 0);
  g_assert_null (sitroom_test_find_widget (GTK_WIDGET (fixture->zh), is_label_with, "the data says"));
}

static gboolean
zh_reports_positives (Fixture *fixture)
{
  GArray *mismatches = sitroom_briefing_editor_get_mismatches (fixture->zh);

  for (guint i = 0; i < mismatches->len; i++)
    if (g_strcmp0 (g_array_index (mismatches, SitroomBriefingMismatch, i).key, "positives") == 0)
      return TRUE;
  return FALSE;
}

/* An edit survives a new cutoff; the banner says which figures moved under
 * it, and "Use Generated Text" drops it. */
static void
test_edit_survives (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 morning = at ("2022-08-20T10:00:00+08:00");
  g_autofree char *zh_morning = generated (demo, morning, "zh");
  g_autofree char *en_morning = generated (demo, morning, "en");
  g_autofree char *edited = NULL;
  g_autofree char *shown = NULL;
  GtkRevealer *banner;
  GtkWidget *label;

  edit (fixture->zh, "均已转至定点医院治疗", "均已转至定点医院隔离治疗");
  edited = sitroom_briefing_editor_get_text (fixture->zh);
  banner = GTK_REVEALER (find (GTK_WIDGET (fixture->view), is_banner, NULL));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  sitroom_context_set_cutoff (fixture->context, morning);

  /* The edit stays; the generated text is the morning's. */
  shown = sitroom_briefing_editor_get_text (fixture->zh);
  g_assert_cmpstr (shown, ==, edited);
  g_assert_true (sitroom_briefing_editor_get_edited (fixture->zh));
  g_assert_cmpstr (sitroom_briefing_editor_get_generated (fixture->zh), ==, zh_morning);
  g_clear_pointer (&shown, g_free);
  shown = sitroom_briefing_editor_get_text (fixture->en);
  g_assert_cmpstr (shown, ==, en_morning);

  g_assert_true (gtk_revealer_get_reveal_child (banner));
  label = find (GTK_WIDGET (banner), is_label_with, "The figures changed since you edited: ");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Positives 11 → 8"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Confirmed cases 10 → 7"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (label)), "Infection chains"));

  /* The edit still says 11: checked against the morning's 8. */
  wait_for (zh_reports_positives, fixture, "the figures that moved under the edit");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "briefing.use-generated", NULL);
  g_clear_pointer (&shown, g_free);
  shown = sitroom_briefing_editor_get_text (fixture->zh);
  g_assert_cmpstr (shown, ==, zh_morning);
  g_assert_false (sitroom_briefing_editor_get_edited (fixture->zh));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpuint (sitroom_briefing_editor_get_mismatches (fixture->zh)->len, ==, 0);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->view));
  g_autofree char *copied = NULL;
  g_autofree char *shown = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  edit (fixture->en, "all of them moved", "all of whom were moved");
  gtk_widget_activate_action (GTK_WIDGET (fixture->en), "editor.copy", NULL);
  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &copied);
  while (copied == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  /* What is shown, the edit included. */
  shown = sitroom_briefing_editor_get_text (fixture->en);
  g_assert_cmpstr (copied, ==, shown);
  g_assert_nonnull (strstr (copied, "all of whom were moved"));
}

static const SitroomFigureChange *
change_of (GArray     *changes,
           const char *key)
{
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    if (g_str_equal (g_array_index (changes, SitroomFigureChange, i).key, key))
      return &g_array_index (changes, SitroomFigureChange, i);
  g_error ("no change of %s", key);
}

static gboolean
table_has_changes (Fixture *fixture)
{
  GtkWidget *table = find (GTK_WIDGET (fixture->view), is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));

  return sitroom_test_find_widget (table, is_label_with, fixture->awaited) != NULL;
}

/* Marked as issued at one cutoff, then compared with at a later one. */
static void
test_since_last (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 before = at ("2022-08-19T13:00:00+08:00");
  g_autoptr(SitroomIssuedBriefing) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "briefings.sqlite", NULL);
  const SitroomFigureChange *change;

  g_assert_null (sitroom_briefing_view_get_last_briefing (fixture->view));
  /* Nothing issued yet: nothing written either. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  sitroom_context_set_cutoff (fixture->context, before);
  edit (fixture->en, "nucleic-acid positives", "positives");
  issued = sitroom_briefing_view_mark_issued (fixture->view, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (issued->cutoff, ==, before);
  g_assert_cmpstr (issued->source, ==, "demo");
  /* The English as edited, the Chinese as generated. */
  g_assert_cmpstr (issued->issued_zh, ==, issued->generated_zh);
  g_assert_cmpstr (issued->issued_zh, ==, sitroom_briefing_editor_get_generated (fixture->zh));
  g_assert_nonnull (strstr (issued->generated_en, "a total of 6 nucleic-acid positives"));
  g_assert_nonnull (strstr (issued->issued_en, "a total of 6 positives"));
  g_assert_cmpint (sitroom_briefing_figures_lookup (issued->figures, "positives")->value, ==, 6);

  /* The briefing at the same cutoff is not "the last one" of itself. */
  g_assert_null (sitroom_briefing_view_get_last_briefing (fixture->view));

  sitroom_context_set_cutoff (fixture->context, at ("2022-08-20T07:00:00+08:00"));
  g_assert_nonnull (sitroom_briefing_view_get_last_briefing (fixture->view));
  g_assert_cmpint (sitroom_briefing_view_get_last_briefing (fixture->view)->id, ==, issued->id);
  change = change_of (sitroom_briefing_view_get_changes (fixture->view), "positives");
  g_assert_cmpint (change->before, ==, 6);
  g_assert_cmpint (change->after, ==, 7);
  /* Two in the 24 hours to 07:00 on the 20th, three to 13:00 on the 19th. */
  change = change_of (sitroom_briefing_view_get_changes (fixture->view), "new_24h");
  g_assert_cmpint (change->change, ==, -1);

  sitroom_context_set_cutoff (fixture->context, SITROOM_TIME_NONE);
  change = change_of (sitroom_briefing_view_get_changes (fixture->view), "positives");
  g_assert_cmpint (change->change, ==, 5);
  find (GTK_WIDGET (fixture->view), is_label_with, "Compared with the briefing as of 2022-08-19 13:00 CST");

  /* In the table: +5 positives since; at 07:00, new in 24 hours down one. */
  fixture->awaited = "+5";
  wait_for (table_has_changes, fixture, "+5 in the table");
  sitroom_context_set_cutoff (fixture->context, at ("2022-08-20T07:00:00+08:00"));
  fixture->awaited = "−1";
  wait_for (table_has_changes, fixture, "−1 in the table");
}

static gboolean
errata_ready (Fixture *fixture)
{
  return sitroom_briefing_view_get_errata (fixture->view) != NULL;
}

static gboolean
errata_found (Fixture *fixture)
{
  GPtrArray *errata = sitroom_briefing_view_get_errata (fixture->view);

  return errata != NULL && errata->len > 0;
}

/* The demo without case c-0007, of Jincheng: as a feed corrects itself. */
static SitroomSituation *
corrected_demo (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SitroomSituation *situation;
  JsonArray *cases;
  char *text;

  json_parser_load_from_data (parser, g_bytes_get_data (demo_bytes, NULL), g_bytes_get_size (demo_bytes), &error);
  g_assert_no_error (error);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cases");
  for (guint i = json_array_get_length (cases); i > 0; i--)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (cases, i - 1), "id"), "c-0007"))
      json_array_remove_element (cases, i - 1);
  text = json_to_string (json_parser_get_root (parser), FALSE);
  bytes = g_bytes_new_take (text, strlen (text));
  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  return situation;
}

static void
test_erratum (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SitroomIssuedBriefing) issued = NULL;
  g_autoptr(SitroomSituation) corrected = corrected_demo ();
  g_autoptr(GError) error = NULL;
  const SitroomBriefingErratum *erratum;

  issued = sitroom_briefing_view_mark_issued (fixture->view, &error);
  g_assert_no_error (error);
  g_assert_cmpint (issued->cutoff, ==, sitroom_situation_get_as_of (demo));

  /* What was issued still holds: an empty log once looked through. */
  wait_for (errata_ready, fixture, "the revision log");
  g_assert_cmpuint (sitroom_briefing_view_get_errata (fixture->view)->len, ==, 0);

  sitroom_context_set_situation (fixture->context, corrected);
  wait_for (errata_found, fixture, "the erratum");

  erratum = g_ptr_array_index (sitroom_briefing_view_get_errata (fixture->view), 0);
  g_assert_cmpint (erratum->briefing->id, ==, issued->id);
  g_assert_cmpint (change_of (erratum->changes, "region/140500/positives")->before, ==, 5);
  g_assert_cmpint (change_of (erratum->changes, "region/140500/positives")->after, ==, 4);
  g_assert_cmpint (change_of (erratum->changes, "positives")->after, ==, 10);

  find (GTK_WIDGET (fixture->view), is_label_with, "Briefing as of 2022-08-20 13:00 CST: Positives in Jincheng");
  find (GTK_WIDGET (fixture->view), is_label_with, "Said 5, the feed now says 4");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  demo_bytes = sitroom_source_read (NULL, 0, &error);
  g_assert_no_error (error);
  demo = sitroom_situation_new_from_bytes (demo_bytes, NULL, NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/briefing-view/editors/generated", test_generated);
  ADD ("/ui/briefing-view/editors/mismatch", test_mismatch);
  ADD ("/ui/briefing-view/editors/edit-survives", test_edit_survives);
  ADD ("/ui/briefing-view/editors/copy", test_copy);
  ADD ("/ui/briefing-view/issued/since-last", test_since_last);
  ADD ("/ui/briefing-view/issued/erratum", test_erratum);

#undef ADD

  result = g_test_run ();
  g_clear_object (&demo);
  g_clear_pointer (&demo_bytes, g_bytes_unref);
  return result;
}
