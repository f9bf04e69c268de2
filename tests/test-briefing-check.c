/* Tests of the briefing check: the demo's numbers keyed to their figures, edits that no longer match the data, dates left alone, in both languages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-briefing.h"
#include "sitroom-briefing-check.h"
#include "sitroom-test-demo.h"

#define NOON "2022-08-20T13:00:00+08:00"
#define MORNING "2022-08-20T10:00:00+08:00"

static SitroomSituation *demo;

typedef struct {
  char *text;
  SitroomBriefingFigures *figures;
} Briefing;

static Briefing
briefing_at (const char *cutoff,
             const char *lang)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (demo, cutoff);

  return (Briefing) { sitroom_briefing_text (view, lang), sitroom_briefing_figures_new_from_view (view) };
}

static void
briefing_clear (Briefing *briefing)
{
  g_clear_pointer (&briefing->text, g_free);
  g_clear_pointer (&briefing->figures, sitroom_briefing_figures_unref);
}

/* @text with its only occurrence of @from replaced by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static const SitroomBriefingMismatch *
find_mismatch (GArray     *mismatches,
               const char *key)
{
  for (guint i = 0; i < mismatches->len; i++)
    if (g_strcmp0 (g_array_index (mismatches, SitroomBriefingMismatch, i).key, key) == 0)
      return &g_array_index (mismatches, SitroomBriefingMismatch, i);
  return NULL;
}

/* The mismatch of the figure @key, failing the test when there is none. */
static const SitroomBriefingMismatch *
expect_mismatch (GArray     *mismatches,
                 const char *key)
{
  const SitroomBriefingMismatch *mismatch = find_mismatch (mismatches, key);

  if (mismatch == NULL)
    g_error ("no mismatch of %s", key);
  return mismatch;
}

static void
assert_no_mismatch (GArray *mismatches)
{
  for (guint i = 0; i < mismatches->len; i++)
    {
      const SitroomBriefingMismatch *m = &g_array_index (mismatches, SitroomBriefingMismatch, i);

      g_test_message ("unexpected mismatch: %s (%s) says %lld, expected %lld",
                      m->phrase, m->key, (long long) m->stated, (long long) m->expected);
    }
  g_assert_cmpuint (mismatches->len, ==, 0);
}

/* The headline's numbers are keyed to the figures they state, and every
 * keyed number of the whole text says what its figure says. */
static void
check_keys (const char *lang,
            const char *cutoff)
{
  Briefing briefing = briefing_at (cutoff, lang);
  g_autoptr(GArray) numbers = sitroom_briefing_check_find_numbers (briefing.text, briefing.figures, lang);
  static const char * const headline[] = { "positives", "confirmed", "class/mild", "class/moderate",
                                           "asymptomatic", "chains" };
  guint n_keyed = 0;

  g_assert_cmpuint (numbers->len, >=, G_N_ELEMENTS (headline));
  if (g_str_equal (cutoff, NOON))
    for (guint i = 0; i < G_N_ELEMENTS (headline); i++)
      g_assert_cmpstr (g_array_index (numbers, SitroomBriefingNumber, i).key, ==, headline[i]);

  for (guint i = 0; i < numbers->len; i++)
    {
      const SitroomBriefingNumber *number = &g_array_index (numbers, SitroomBriefingNumber, i);
      const SitroomBriefingFigure *figure;

      if (number->key == NULL)
        continue;
      figure = sitroom_briefing_figures_lookup (briefing.figures, number->key);
      g_assert_nonnull (figure);
      g_assert_cmpint (figure->value, ==, number->value);
      n_keyed++;
    }
  /* The headline, and at least each chain's positives after it. */
  g_assert_cmpuint (n_keyed, >, G_N_ELEMENTS (headline));
  briefing_clear (&briefing);
}

/* An edit that changes words and no number: every number of the text is
 * matched to itself, none reported. */
static void
check_unchanged_numbers (const char *lang,
                         const char *from,
                         const char *to)
{
  Briefing briefing = briefing_at (NOON, lang);
  g_autofree char *edited = replace_once (briefing.text, from, to);
  g_autofree char *appended = g_strconcat (edited, "\n\n", to, NULL);
  g_autoptr(GArray) mismatches = sitroom_briefing_check (briefing.figures, briefing.text, edited, lang);
  g_autoptr(GArray) more = sitroom_briefing_check (briefing.figures, briefing.text, appended, lang);

  assert_no_mismatch (mismatches);
  assert_no_mismatch (more);
  briefing_clear (&briefing);
}

static void
test_demo_matches (void)
{
  check_keys ("zh", NOON);
  check_keys ("en", NOON);
  check_keys ("zh", MORNING);
  check_keys ("en", MORNING);
  check_unchanged_numbers ("zh", "均已转至定点医院治疗", "均已转至定点医院隔离治疗");
  check_unchanged_numbers ("en", "all of them moved", "all of whom were moved");
}

static void
check_typed (const char *lang,
             const char *from,
             const char *to,
             const char *phrase)
{
  Briefing briefing = briefing_at (NOON, lang);
  g_autofree char *edited = replace_once (briefing.text, from, to);
  g_autoptr(GArray) mismatches = sitroom_briefing_check (briefing.figures, briefing.text, edited, lang);
  const SitroomBriefingMismatch *mismatch;

  g_assert_cmpuint (mismatches->len, ==, 1);
  mismatch = expect_mismatch (mismatches, "positives");
  g_assert_cmpint (mismatch->stated, ==, 12);
  g_assert_cmpint (mismatch->expected, ==, 11);
  g_assert_cmpstr (mismatch->phrase, ==, phrase);
  g_assert_cmpstr (mismatch->label, ==, g_str_equal (lang, "zh") ? "阳性感染者" : "Positives");
  g_assert_true (g_str_has_prefix (edited + mismatch->start, "12") || g_str_has_prefix (edited + mismatch->start, "１２"));
  briefing_clear (&briefing);
}

/* The user typed a figure the data does not give. */
static void
test_edit_typed (void)
{
  check_typed ("zh", "共计11例", "共计12例", "共计12例");
  check_typed ("zh", "共计11例", "共计１２例", "共计１２例");
  check_typed ("en", "a total of 11 nucleic-acid", "a total of 12 nucleic-acid",
               "had reported a total of 12 nucleic-acid positives");
}

/* The data moved under an edit made at an earlier cutoff: the numbers the
 * edit kept are now wrong, and said so with the figures' keys. */
static void
check_data_changed (const char *lang,
                    const char *from,
                    const char *to)
{
  Briefing morning = briefing_at (MORNING, lang);
  Briefing noon = briefing_at (NOON, lang);
  g_autofree char *edited = replace_once (morning.text, from, to);
  g_autoptr(GArray) then = sitroom_briefing_check (morning.figures, morning.text, edited, lang);
  g_autoptr(GArray) now = sitroom_briefing_check (noon.figures, noon.text, edited, lang);
  const SitroomBriefingMismatch *mismatch;

  /* Right when it was made. */
  assert_no_mismatch (then);

  mismatch = expect_mismatch (now, "positives");
  g_assert_cmpint (mismatch->stated, ==, 8);
  g_assert_cmpint (mismatch->expected, ==, 11);
  mismatch = expect_mismatch (now, "confirmed");
  g_assert_cmpint (mismatch->stated, ==, 7);
  g_assert_cmpint (mismatch->expected, ==, 10);
  mismatch = expect_mismatch (now, "class/mild");
  g_assert_cmpint (mismatch->stated, ==, 7);
  g_assert_cmpint (mismatch->expected, ==, 9);
  /* What did not change is not reported. */
  g_assert_null (find_mismatch (now, "asymptomatic"));
  g_assert_null (find_mismatch (now, "chains"));
  g_assert_null (find_mismatch (now, "chain/0818-yuxian/close_contacts"));

  briefing_clear (&morning);
  briefing_clear (&noon);
}

static void
test_data_changed (void)
{
  check_data_changed ("zh", "均已转至定点医院治疗", "均已转至定点医院隔离治疗");
  check_data_changed ("en", "all of them moved", "all of whom were moved");
}

static void
assert_numbers (const char         *text,
                SitroomBriefingFigures *figures,
                const char         *lang,
                const gint64       *values,
                guint               n_values)
{
  g_autoptr(GArray) numbers = sitroom_briefing_check_find_numbers (text, figures, lang);

  for (guint i = 0; i < MIN (n_values, numbers->len); i++)
    g_assert_cmpint (g_array_index (numbers, SitroomBriefingNumber, i).value, ==, values[i]);
  g_assert_cmpuint (numbers->len, ==, n_values);
}

/* Dates, times, durations, names and ordinals are no figures, even where a
 * figure has their value (the demo has 8 positives at 10:00, 1 in Taiyuan,
 * 20 would be…), and changing them is no mismatch. */
static void
test_dates (void)
{
  Briefing zh = briefing_at (MORNING, "zh");
  Briefing en = briefing_at (MORNING, "en");
  g_autofree char *zh_edited = NULL;
  g_autofree char *en_edited = NULL;
  g_autoptr(GArray) zh_mismatches = NULL;
  g_autoptr(GArray) en_mismatches = NULL;

  assert_numbers ("截至8月20日13时，我省共计8例。", zh.figures, "zh", (gint64[]) { 8 }, 1);
  assert_numbers ("截至8月20日10时30分，24小时内新增5例，太原市第1号通告，Z22次列车“8·17”，20:1混检，2022-08-20，增长8%",
                  zh.figures, "zh", (gint64[]) { 5 }, 1);
  assert_numbers ("As of 10:00 on 20 August 2022, 8 positives; on August 20 a 24-hour rise of 5, train Z22, "
                  "the 1st chain, 3.5 and 1,234 contacts.", en.figures, "en", (gint64[]) { 8, 5, 1234 }, 3);

  /* No date of the generated text is taken for a figure. */
  {
    g_autoptr(GArray) numbers = sitroom_briefing_check_find_numbers (zh.text, zh.figures, "zh");

    for (guint i = 0; i < numbers->len; i++)
      {
        const char *after = zh.text + g_array_index (numbers, SitroomBriefingNumber, i).end;

        g_assert_false (g_str_has_prefix (after, "月") || g_str_has_prefix (after, "日") ||
                        g_str_has_prefix (after, "时"));
      }
  }

  zh_edited = replace_once (zh.text, "截至8月20日10时", "截至8月21日8时");
  en_edited = replace_once (en.text, "As of 10:00 on 20 August 2022", "As of 08:00 on 21 August 2022");
  zh_mismatches = sitroom_briefing_check (zh.figures, zh.text, zh_edited, "zh");
  en_mismatches = sitroom_briefing_check (en.figures, en.text, en_edited, "en");
  assert_no_mismatch (zh_mismatches);
  assert_no_mismatch (en_mismatches);

  briefing_clear (&zh);
  briefing_clear (&en);
}

/* A number the user added in words of their own is not checked; one the
 * generated text states without a figure's label is, against the text. */
static void
test_unkeyed (void)
{
  Briefing briefing = briefing_at (NOON, "zh");
  g_autofree char *added = g_strconcat (briefing.text, "\n\n另有99人正在排查。", NULL);
  g_autofree char *event = replace_once (briefing.text, "旅客共78人", "旅客共80人");
  g_autoptr(GArray) added_mismatches = sitroom_briefing_check (briefing.figures, briefing.text, added, "zh");
  g_autoptr(GArray) event_mismatches = sitroom_briefing_check (briefing.figures, briefing.text, event, "zh");
  const SitroomBriefingMismatch *mismatch;

  assert_no_mismatch (added_mismatches);
  g_assert_cmpuint (event_mismatches->len, ==, 1);
  mismatch = &g_array_index (event_mismatches, SitroomBriefingMismatch, 0);
  g_assert_null (mismatch->key);
  g_assert_null (mismatch->label);
  g_assert_cmpint (mismatch->stated, ==, 80);
  g_assert_cmpint (mismatch->expected, ==, 78);
  g_assert_cmpstr (mismatch->phrase, ==, "共80人");
  briefing_clear (&briefing);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  demo = sitroom_test_demo_load ();

  g_test_add_func ("/briefing-check/demo/matches", test_demo_matches);
  g_test_add_func ("/briefing-check/edit/typed", test_edit_typed);
  g_test_add_func ("/briefing-check/edit/data-changed", test_data_changed);
  g_test_add_func ("/briefing-check/numbers/dates", test_dates);
  g_test_add_func ("/briefing-check/numbers/unkeyed", test_unkeyed);

  result = g_test_run ();
  g_clear_object (&demo);
  return result;
}
