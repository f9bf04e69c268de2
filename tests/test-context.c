/* Tests of the context: the view rebuilt on each change, selection carried over, notifications only on change. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-context.h"
#include "sitroom-time.h"

/* Two cases in two prefectures on two chains; the second document lists the
 * chains the other way round, so an index would point at the wrong chain. */
#define DOC_A \
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\"," \
  " \"chains\": [" \
  "  {\"id\": \"a\", \"label\": \"8·17\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"events\": []}," \
  "  {\"id\": \"b\", \"label\": \"8·18\", \"title\": {\"zh\": \"乙\", \"en\": \"B\"}, \"events\": []}]," \
  " \"cases\": [" \
  "  {\"id\": \"c1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"140500\"," \
  "   \"chain\": \"a\", \"classification\": \"mild\", \"imported\": true, \"status\": \"hospitalized\"}," \
  "  {\"id\": \"c2\", \"reported_at\": \"2022-08-20T09:00:00+08:00\", \"region\": \"140100\"," \
  "   \"chain\": \"b\", \"classification\": \"asymptomatic\", \"imported\": true, \"status\": \"hospitalized\"}]}"

#define DOC_B \
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-21T13:00:00+08:00\"," \
  " \"chains\": [" \
  "  {\"id\": \"b\", \"label\": \"8·18\", \"title\": {\"zh\": \"乙\", \"en\": \"B\"}, \"events\": []}," \
  "  {\"id\": \"a\", \"label\": \"8·17\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"events\": []}]," \
  " \"cases\": [" \
  "  {\"id\": \"c1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"140500\"," \
  "   \"chain\": \"a\", \"classification\": \"mild\", \"imported\": true, \"status\": \"hospitalized\"}]}"

static SitroomSituation *
load_doc (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  SitroomSituation *situation;

  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (situation);

  return situation;
}

static gint64
parse_time (const char *str)
{
  gint64 t = 0;

  g_assert_true (sitroom_time_parse (str, &t, NULL));
  return t;
}

typedef struct {
  guint view;
  guint cutoff;
  guint situation;
  guint lang;
  guint load_error;
  guint selected_chain;
  guint loaded_at;
  guint stored;
  guint next_retry;
} Counts;

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  Counts *counts = user_data;
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "view"))
    counts->view++;
  else if (g_str_equal (name, "cutoff"))
    counts->cutoff++;
  else if (g_str_equal (name, "situation"))
    counts->situation++;
  else if (g_str_equal (name, "lang"))
    counts->lang++;
  else if (g_str_equal (name, "load-error"))
    counts->load_error++;
  else if (g_str_equal (name, "selected-chain"))
    counts->selected_chain++;
  else if (g_str_equal (name, "loaded-at"))
    counts->loaded_at++;
  else if (g_str_equal (name, "stored"))
    counts->stored++;
  else if (g_str_equal (name, "next-retry"))
    counts->next_retry++;
}

static void
test_context_defaults (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();

  g_assert_null (sitroom_context_get_situation (context));
  g_assert_null (sitroom_context_get_view (context));
  g_assert_null (sitroom_context_get_source (context));
  g_assert_null (sitroom_context_get_load_error (context));
  g_assert_cmpint (sitroom_context_get_cutoff (context), ==, SITROOM_TIME_NONE);
  g_assert_cmpint (sitroom_context_get_effective_cutoff (context), ==, SITROOM_TIME_NONE);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (context), ==, -1);
  g_assert_cmpint (sitroom_context_get_selected_chain (context), ==, -1);
  g_assert_cmpint (sitroom_context_get_loaded_at (context), ==, 0);
  g_assert_cmpint (sitroom_context_get_next_retry (context), ==, 0);
  g_assert_false (sitroom_context_get_stored (context));
  g_assert_false (sitroom_context_get_insecure (context));
  /* tests/meson.build runs the tests with LC_ALL=C.UTF-8. */
  g_assert_cmpstr (sitroom_context_get_lang (context), ==, "en");
}

static void
test_context_lang (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  Counts counts = { 0 };

  g_signal_connect (context, "notify", G_CALLBACK (count_cb), &counts);

  sitroom_context_set_lang (context, "zh_CN.UTF-8");
  g_assert_cmpstr (sitroom_context_get_lang (context), ==, "zh");
  sitroom_context_set_lang (context, "zh");
  g_assert_cmpuint (counts.lang, ==, 1);

  sitroom_context_set_lang (context, "fr_FR");
  g_assert_cmpstr (sitroom_context_get_lang (context), ==, "en");
  sitroom_context_set_lang (context, NULL);
  g_assert_cmpstr (sitroom_context_get_lang (context), ==, "en");
  g_assert_cmpuint (counts.lang, ==, 2);
}

static void
test_context_lang_from_locale (void)
{
  g_autofree char *lc_all = g_strdup (g_getenv ("LC_ALL"));

  /* LANGUAGE and LC_ALL would win over LC_MESSAGES. */
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_setenv ("LANG", "en_US.UTF-8", TRUE);

  g_setenv ("LC_MESSAGES", "zh_CN.UTF-8", TRUE);
  g_assert_cmpstr (sitroom_context_lang_from_locale (), ==, "zh");

  g_setenv ("LC_MESSAGES", "de_DE.UTF-8", TRUE);
  g_assert_cmpstr (sitroom_context_lang_from_locale (), ==, "en");

  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  if (lc_all != NULL)
    g_setenv ("LC_ALL", lc_all, TRUE);
}

static void
test_context_view_follows_situation (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(SitroomSituation) a = load_doc (DOC_A);
  Counts counts = { 0 };
  SitroomView *view;

  g_signal_connect (context, "notify", G_CALLBACK (count_cb), &counts);

  sitroom_context_set_situation (context, a);
  view = sitroom_context_get_view (context);
  g_assert_nonnull (view);
  g_assert_true (sitroom_view_get_situation (view) == a);
  g_assert_cmpint (sitroom_view_get_cutoff (view), ==, sitroom_situation_get_as_of (a));
  g_assert_cmpuint (sitroom_view_get_totals (view)->positives, ==, 2);
  g_assert_cmpuint (counts.view, ==, 1);
  g_assert_cmpuint (counts.situation, ==, 1);

  /* The same document again changes nothing. */
  sitroom_context_set_situation (context, a);
  g_assert_true (sitroom_context_get_view (context) == view);
  g_assert_cmpuint (counts.view, ==, 1);

  sitroom_context_set_situation (context, NULL);
  g_assert_null (sitroom_context_get_view (context));
  g_assert_cmpuint (counts.view, ==, 2);
}

static void
test_context_cutoff (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(SitroomSituation) a = load_doc (DOC_A);
  gint64 as_of = sitroom_situation_get_as_of (a);
  gint64 earlier = parse_time ("2022-08-19T00:00:00+08:00");
  Counts counts = { 0 };
  SitroomView *view;

  sitroom_context_set_situation (context, a);
  g_signal_connect (context, "notify", G_CALLBACK (count_cb), &counts);

  sitroom_context_set_cutoff (context, earlier);
  view = sitroom_context_get_view (context);
  g_assert_cmpint (sitroom_view_get_cutoff (view), ==, earlier);
  g_assert_cmpuint (sitroom_view_get_totals (view)->positives, ==, 1);
  g_assert_cmpuint (counts.cutoff, ==, 1);
  g_assert_cmpuint (counts.view, ==, 1);

  sitroom_context_set_cutoff (context, earlier);
  g_assert_cmpuint (counts.cutoff, ==, 1);
  g_assert_cmpuint (counts.view, ==, 1);

  /* Past the as_of the figures are those of the as_of. */
  sitroom_context_set_cutoff (context, as_of + 24 * 3600);
  g_assert_cmpint (sitroom_context_get_effective_cutoff (context), ==, as_of);
  g_assert_cmpint (sitroom_view_get_cutoff (sitroom_context_get_view (context)), ==, as_of);
  g_assert_cmpuint (counts.view, ==, 2);

  /* Following the as_of from there gives the same figures: no new view. */
  sitroom_context_set_cutoff (context, SITROOM_TIME_NONE);
  g_assert_cmpuint (counts.cutoff, ==, 3);
  g_assert_cmpuint (counts.view, ==, 2);
}

static void
test_context_selection (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(SitroomSituation) a = load_doc (DOC_A);
  g_autoptr(SitroomSituation) b = load_doc (DOC_B);
  int jincheng = sitroom_situation_lookup_region (a, "140500");
  Counts counts = { 0 };
  SitroomView *view;

  sitroom_context_set_situation (context, a);
  g_signal_connect (context, "notify", G_CALLBACK (count_cb), &counts);

  sitroom_context_set_selected_prefecture (context, jincheng);
  view = sitroom_context_get_view (context);
  g_assert_cmpint (sitroom_view_get_prefecture_filter (view), ==, jincheng);
  g_assert_cmpuint (sitroom_view_get_totals (view)->positives, ==, 1);
  g_assert_cmpuint (counts.view, ==, 1);

  sitroom_context_set_selected_prefecture (context, -1);
  sitroom_context_set_selected_chain (context, sitroom_situation_lookup_chain (a, "b"));
  view = sitroom_context_get_view (context);
  g_assert_cmpint (sitroom_view_get_chain_filter (view), ==, 1);
  g_assert_cmpuint (counts.view, ==, 3);
  g_assert_cmpuint (counts.selected_chain, ==, 1);

  /* In the next document chain "b" comes first: the selection follows the id. */
  sitroom_context_set_situation (context, b);
  g_assert_cmpint (sitroom_context_get_selected_chain (context), ==, 0);
  g_assert_cmpint (sitroom_view_get_chain_filter (sitroom_context_get_view (context)), ==, 0);
  g_assert_cmpuint (counts.selected_chain, ==, 2);
  g_assert_cmpuint (counts.view, ==, 4);

  /* A prefecture stays selected across documents by its code. */
  sitroom_context_set_selected_chain (context, -1);
  sitroom_context_set_selected_prefecture (context, sitroom_situation_lookup_region (b, "140500"));
  sitroom_context_set_situation (context, a);
  g_assert_cmpint (sitroom_context_get_selected_prefecture (context), ==, jincheng);
  g_assert_cmpuint (sitroom_view_get_totals (sitroom_context_get_view (context))->positives, ==, 1);
}

static void
test_context_accept (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(SitroomSituation) a = load_doc (DOC_A);
  g_autoptr(SitroomSituation) b = load_doc (DOC_B);
  Counts counts = { 0 };

  sitroom_context_set_load_error (context, "missing.json: no such file");
  g_assert_cmpstr (sitroom_context_get_load_error (context), ==, "missing.json: no such file");

  g_signal_connect (context, "notify", G_CALLBACK (count_cb), &counts);
  sitroom_context_accept (context, a, 1000);
  g_assert_true (sitroom_context_get_situation (context) == a);
  g_assert_null (sitroom_context_get_load_error (context));
  g_assert_cmpint (sitroom_context_get_loaded_at (context), ==, 1000);
  g_assert_cmpuint (counts.view, ==, 1);
  g_assert_cmpuint (counts.load_error, ==, 1);

  /* A refusal after a good document keeps the good document and its view. */
  sitroom_context_set_load_error (context, "/cases/0/region: unknown region code 149999");
  g_assert_true (sitroom_context_get_situation (context) == a);
  g_assert_nonnull (sitroom_context_get_view (context));
  g_assert_cmpuint (counts.view, ==, 1);

  sitroom_context_accept (context, b, 2000);
  g_assert_null (sitroom_context_get_load_error (context));
  g_assert_cmpint (sitroom_view_get_cutoff (sitroom_context_get_view (context)), ==,
                   sitroom_situation_get_as_of (b));
  g_assert_cmpuint (counts.view, ==, 2);
}

/* What observers see while the change is notified: the state must be whole. */
typedef struct {
  gboolean seen;
  gboolean had_error;
  gboolean stored;
  gint64 loaded_at;
} Snapshot;

static void
snapshot_cb (SitroomContext *context,
             GParamSpec     *pspec,
             Snapshot       *snapshot)
{
  snapshot->seen = TRUE;
  snapshot->had_error = sitroom_context_get_load_error (context) != NULL;
  snapshot->stored = sitroom_context_get_stored (context);
  snapshot->loaded_at = sitroom_context_get_loaded_at (context);
}

static void
test_context_stored (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(SitroomSituation) a = load_doc (DOC_A);
  g_autoptr(SitroomSituation) b = load_doc (DOC_B);
  Snapshot snapshot = { 0 };
  Counts counts = { 0 };
  gulong handler;

  g_signal_connect (context, "notify", G_CALLBACK (count_cb), &counts);

  /* The stored copy shows with the time it was fetched. */
  sitroom_context_accept_stored (context, a, 1000);
  g_assert_true (sitroom_context_get_situation (context) == a);
  g_assert_true (sitroom_context_get_stored (context));
  g_assert_cmpint (sitroom_context_get_loaded_at (context), ==, 1000);
  g_assert_cmpuint (counts.stored, ==, 1);

  /* The feed failing leaves it marked as stored, with the reason and the retry. */
  sitroom_context_set_load_error (context, "HTTP 503");
  sitroom_context_set_next_retry (context, 5000);
  g_assert_true (sitroom_context_get_stored (context));
  g_assert_cmpint (sitroom_context_get_next_retry (context), ==, 5000);
  sitroom_context_set_next_retry (context, 5000);
  g_assert_cmpuint (counts.next_retry, ==, 1);

  /* The first success forgets it all in one notification round. */
  handler = g_signal_connect (context, "notify::situation", G_CALLBACK (snapshot_cb), &snapshot);
  sitroom_context_accept (context, b, 9000);
  g_signal_handler_disconnect (context, handler);
  g_assert_true (snapshot.seen);
  g_assert_false (snapshot.had_error);
  g_assert_false (snapshot.stored);
  g_assert_cmpint (snapshot.loaded_at, ==, 9000);
  g_assert_cmpint (sitroom_context_get_next_retry (context), ==, 0);
  g_assert_cmpuint (counts.stored, ==, 2);
}

static void
test_context_confirm (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(SitroomSituation) a = load_doc (DOC_A);
  Counts counts = { 0 };
  SitroomView *view;

  /* Without figures there is nothing a 304 could confirm. */
  sitroom_context_confirm (context, 500);
  g_assert_cmpint (sitroom_context_get_loaded_at (context), ==, 0);

  sitroom_context_accept_stored (context, a, 1000);
  sitroom_context_set_load_error (context, "no answer from 127.0.0.1:8470 since 13:05");
  sitroom_context_set_next_retry (context, 3000);
  view = sitroom_context_get_view (context);

  g_signal_connect (context, "notify", G_CALLBACK (count_cb), &counts);
  sitroom_context_confirm (context, 2000);
  g_assert_true (sitroom_context_get_situation (context) == a);
  g_assert_true (sitroom_context_get_view (context) == view);
  g_assert_cmpint (sitroom_context_get_loaded_at (context), ==, 2000);
  g_assert_false (sitroom_context_get_stored (context));
  g_assert_null (sitroom_context_get_load_error (context));
  g_assert_cmpint (sitroom_context_get_next_retry (context), ==, 0);
  g_assert_cmpuint (counts.view, ==, 0);
  g_assert_cmpuint (counts.situation, ==, 0);
  g_assert_cmpuint (counts.loaded_at, ==, 1);
}

static void
warning_cb (SitroomContext *context,
            const char     *message,
            GPtrArray      *messages)
{
  g_ptr_array_add (messages, g_strdup (message));
}

static void
test_context_warning (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  Counts counts = { 0 };

  g_signal_connect (context, "warning", G_CALLBACK (warning_cb), messages);
  g_signal_connect (context, "notify", G_CALLBACK (count_cb), &counts);

  sitroom_context_warn (context, "the stored copy was damaged");
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==, "the stored copy was damaged");
  /* A warning is told, not kept: it is no load error. */
  g_assert_null (sitroom_context_get_load_error (context));
  g_assert_cmpuint (counts.load_error, ==, 0);

  sitroom_context_set_insecure (context, TRUE);
  g_assert_true (sitroom_context_get_insecure (context));
}

static void
count_source_cb (SitroomContext *context,
                 GParamSpec     *pspec,
                 guint          *notified)
{
  (*notified)++;
}

static void
test_context_source (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  guint notified = 0;

  g_signal_connect (context, "notify::source", G_CALLBACK (count_source_cb), &notified);

  sitroom_context_set_source (context, "/tmp/feed.json");
  g_assert_cmpstr (sitroom_context_get_source (context), ==, "/tmp/feed.json");
  sitroom_context_set_source (context, "/tmp/feed.json");
  g_assert_cmpuint (notified, ==, 1);

  /* "" is the demo, spelt NULL. */
  sitroom_context_set_source (context, "");
  g_assert_null (sitroom_context_get_source (context));
  sitroom_context_set_source (context, NULL);
  g_assert_cmpuint (notified, ==, 2);
}

/* What a following owner was told: the owner it was handed, and how often
 * each callback ran. Kept apart from the owner, so that a call after the
 * owner is gone fails an assertion instead of reading freed memory. */
typedef struct {
  GObject *owner;
  SitroomContext *context;
  guint view;
  guint lang;
  guint other;
} Followed;

static Followed *followed;

static void
follow_view_cb (GObject        *owner,
                GParamSpec     *pspec,
                SitroomContext *context)
{
  g_assert_true (owner == followed->owner);
  g_assert_true (context == followed->context);
  g_assert_cmpstr (g_param_spec_get_name (pspec), ==, "view");
  followed->view++;
}

static void
follow_lang_cb (GObject        *owner,
                GParamSpec     *pspec,
                SitroomContext *context)
{
  g_assert_true (owner == followed->owner);
  g_assert_true (context == followed->context);
  g_assert_cmpstr (g_param_spec_get_name (pspec), ==, "lang");
  followed->lang++;
}

static void
follow_other_cb (GObject        *owner,
                 GParamSpec     *pspec,
                 SitroomContext *context)
{
  g_assert_true (owner == followed->owner);
  followed->other++;
}

static gboolean
follow (SitroomContext **slot,
        SitroomContext  *context,
        GObject         *owner)
{
  return sitroom_context_follow (slot, context, owner,
                                 "view", G_CALLBACK (follow_view_cb),
                                 "lang", G_CALLBACK (follow_lang_cb),
                                 NULL);
}

static void
test_context_follow_notify (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(SitroomSituation) a = load_doc (DOC_A);
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  SitroomContext *slot = NULL;
  Followed state = { owner, context, 0, 0, 0 };

  followed = &state;

  g_assert_true (follow (&slot, context, owner));
  g_assert_true (slot == context);
  /* Following calls nothing by itself: the owner refreshes when it likes. */
  g_assert_cmpuint (state.view, ==, 0);
  g_assert_cmpuint (state.lang, ==, 0);

  sitroom_context_set_situation (context, a);
  g_assert_cmpuint (state.view, ==, 1);
  g_assert_cmpuint (state.lang, ==, 0);

  sitroom_context_set_lang (context, "zh");
  g_assert_cmpuint (state.view, ==, 1);
  g_assert_cmpuint (state.lang, ==, 1);

  /* A property not in the list calls nothing. */
  sitroom_context_set_source (context, "/tmp/feed.json");
  g_assert_cmpuint (state.view + state.lang, ==, 2);

  g_assert_true (follow (&slot, NULL, owner));
  g_assert_null (slot);
}

static void
test_context_follow_same (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  SitroomContext *slot = NULL;
  Followed state = { owner, context, 0, 0, 0 };

  followed = &state;

  g_assert_false (follow (&slot, NULL, owner));
  g_assert_true (follow (&slot, context, owner));
  /* Following again must not connect the callbacks twice. */
  g_assert_false (follow (&slot, context, owner));
  g_assert_true (slot == context);

  sitroom_context_set_lang (context, "zh");
  g_assert_cmpuint (state.lang, ==, 1);

  g_assert_true (follow (&slot, NULL, owner));
}

static void
test_context_follow_switch (void)
{
  g_autoptr(SitroomContext) first = sitroom_context_new ();
  g_autoptr(SitroomContext) second = sitroom_context_new ();
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  SitroomContext *slot = NULL;
  SitroomContext *watched;
  Followed state = { owner, first, 0, 0, 0 };
  Counts counts = { 0 };

  followed = &state;

  /* A handler of the owner's own on the context goes too: the owner is
   * the data of every handler it leaves behind. */
  g_assert_true (follow (&slot, first, owner));
  g_signal_connect_swapped (first, "notify", G_CALLBACK (follow_other_cb), owner);

  state.context = second;
  g_assert_true (follow (&slot, second, owner));
  g_assert_true (slot == second);

  /* The old context no longer reaches the owner… */
  g_signal_connect (first, "notify", G_CALLBACK (count_cb), &counts);
  sitroom_context_set_lang (first, "zh");
  g_assert_cmpuint (counts.lang, ==, 1);
  g_assert_cmpuint (state.lang, ==, 0);
  g_assert_cmpuint (state.other, ==, 0);

  /* …the new one does. */
  sitroom_context_set_lang (second, "zh");
  g_assert_cmpuint (state.lang, ==, 1);

  /* The slot holds its own reference, dropped when the owner lets go. */
  watched = g_steal_pointer (&second);
  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *) &watched);
  g_object_unref (watched);
  g_assert_nonnull (watched);
  g_assert_true (follow (&slot, NULL, owner));
  g_assert_null (watched);
}

static void
test_context_follow_owner_finalized (void)
{
  g_autoptr(SitroomContext) context = sitroom_context_new ();
  GObject *owner = g_object_new (G_TYPE_OBJECT, NULL);
  SitroomContext *slot = NULL;
  Followed state = { owner, context, 0, 0, 0 };

  followed = &state;
  g_assert_true (follow (&slot, context, owner));

  sitroom_context_set_lang (context, "zh");
  g_assert_cmpuint (state.lang, ==, 1);

  /* An owner that forgot to let go: its handlers die with it, and a
   * notification afterwards must not call into freed memory. */
  g_object_add_weak_pointer (owner, (gpointer *) &owner);
  g_clear_object (&state.owner);
  g_assert_null (owner);

  sitroom_context_set_lang (context, "en");
  g_assert_cmpuint (state.lang, ==, 1);

  g_clear_object (&slot);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/context/defaults", test_context_defaults);
  g_test_add_func ("/context/lang/normalized", test_context_lang);
  g_test_add_func ("/context/lang/from-locale", test_context_lang_from_locale);
  g_test_add_func ("/context/view/follows-situation", test_context_view_follows_situation);
  g_test_add_func ("/context/view/cutoff", test_context_cutoff);
  g_test_add_func ("/context/view/selection", test_context_selection);
  g_test_add_func ("/context/load/accept", test_context_accept);
  g_test_add_func ("/context/load/stored", test_context_stored);
  g_test_add_func ("/context/load/confirm", test_context_confirm);
  g_test_add_func ("/context/warning", test_context_warning);
  g_test_add_func ("/context/source", test_context_source);
  g_test_add_func ("/context/follow/notify", test_context_follow_notify);
  g_test_add_func ("/context/follow/same", test_context_follow_same);
  g_test_add_func ("/context/follow/switch", test_context_follow_switch);
  g_test_add_func ("/context/follow/owner-finalized", test_context_follow_owner_finalized);

  return g_test_run ();
}
