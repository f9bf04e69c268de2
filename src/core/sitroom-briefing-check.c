/* Checking an edited briefing against the data: its numbers aligned with those of the generated text, and those that differ. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-briefing-check-private.h"

/* Past this many pairs of numbers the alignment is not worth its time. */
#define MAX_PAIRS (2000 * 2000)
/* A pair of numbers shares at least this much of its surrounding words. */
#define MIN_SIMILARITY 0.5

static void
mismatch_clear (gpointer data)
{
  SitroomBriefingMismatch *mismatch = data;

  g_clear_pointer (&mismatch->key, g_free);
  g_clear_pointer (&mismatch->label, g_free);
  g_clear_pointer (&mismatch->phrase, g_free);
}

/* How much of the words around @g (of the generated text) are around @e (of
 * the edited one) on the same side, nearer words counting more: 0 to 1,
 * and 0 below MIN_SIMILARITY. */
static float
similarity (const SitroomBriefingCheckNumber *g,
            const SitroomBriefingCheckNumber *e)
{
  double shared = 0, total = 0;
  const GPtrArray *sides[2][2] = { { g->left, e->left }, { g->right, e->right } };

  for (guint s = 0; s < 2; s++)
    for (guint k = 0; k < sides[s][0]->len; k++)
      {
        const char *word = g_ptr_array_index (sides[s][0], k);
        double weight = 1.0 / (1 + k);
        gboolean repeated = FALSE;

        /* A word said twice on one side counts once. */
        for (guint j = 0; j < k && !repeated; j++)
          repeated = strcmp (g_ptr_array_index (sides[s][0], j), word) == 0;
        if (repeated)
          continue;
        total += weight;
        for (guint j = 0; j < sides[s][1]->len; j++)
          if (strcmp (g_ptr_array_index (sides[s][1], j), word) == 0)
            {
              shared += weight;
              break;
            }
      }
  return total > 0 && shared / total >= MIN_SIMILARITY ? (float) (shared / total) : 0;
}

static gboolean
stops_clause (gunichar c)
{
  return c == 0 || digit_value (c) >= 0 || c == '\n' ||
         g_utf8_strchr (",.;:!?()[]\"，、。；：！？（）【】“”‘’《》", -1, c) != NULL;
}

/* Words a press release puts before a figure ("共计11例", "包括确诊病例10例",
 * "共报告核酸阳性者7例"): a Chinese phrase starts at the nearest. */
static const char * const lead_words[] = { "共计", "包括", "其中", "报告", "存在", "现有", "累计", "共", NULL };

/* The number at [start, end) of @text with the words around it, within its
 * clause: in Chinese a short clause before it whole ("普通型1例"), else
 * from the nearest of lead_words or its last two characters, and up to
 * eight characters after it; in English a few words on each side. */
static char *
phrase_at (const char *text,
           gsize       start,
           gsize       end)
{
  gsize from = start, to = end;
  guint width = 0, n_han = 0;

  while (!stops_clause (char_before (text, from)) && width < 32)
    {
      n_han += is_han (char_before (text, from));
      width += is_han (char_before (text, from)) ? 4 : 1;
      from = pos_before (text, from);
    }
  if (is_han (char_before (text, start)) && (n_han > 4 || !stops_clause (char_before (text, from))))
    {
      gsize clause = from;
      gboolean lead = FALSE;

      for (from = pos_before (text, start); !lead; from = pos_before (text, from))
        {
          for (guint i = 0; lead_words[i] != NULL && !lead; i++)
            lead = strncmp (text + from, lead_words[i], strlen (lead_words[i])) == 0;
          if (lead || from <= clause)
            break;
        }
      if (!lead)
        from = pos_before (text, pos_before (text, start));
    }
  /* Cut short in a Latin word: start at the next word instead. */
  if (!stops_clause (char_before (text, from)) && is_latin_letter (char_at (text, from)))
    while (from < start && char_at (text, from) != ' ')
      from = pos_after (text, from);

  for (width = 0; !stops_clause (char_at (text, to)) && width < 24; to = pos_after (text, to))
    width += is_han (char_at (text, to)) ? 3 : 1;
  if (!stops_clause (char_at (text, to)) && is_latin_letter (char_before (text, to)))
    while (to > end && char_before (text, to) != ' ')
      to = pos_before (text, to);

  while (from < start && g_unichar_isspace (char_at (text, from)))
    from = pos_after (text, from);
  while (to > end && g_unichar_isspace (char_before (text, to)))
    to = pos_before (text, to);
  return g_strndup (text + from, to - from);
}

GArray *
sitroom_briefing_check (SitroomBriefingFigures *figures,
                        const char             *generated,
                        const char             *edited,
                        const char             *lang)
{
  GArray *mismatches;
  g_autoptr(GArray) g_numbers = NULL;
  g_autoptr(GArray) e_numbers = NULL;
  g_autofree float *best = NULL;
  guint n, m, i, j;

  g_return_val_if_fail (figures != NULL, NULL);
  g_return_val_if_fail (generated != NULL, NULL);
  g_return_val_if_fail (edited != NULL, NULL);

  mismatches = g_array_new (FALSE, TRUE, sizeof (SitroomBriefingMismatch));
  g_array_set_clear_func (mismatches, mismatch_clear);
  if (strcmp (generated, edited) == 0)
    return mismatches;

  g_numbers = sitroom_briefing_check_find_figures (generated);
  e_numbers = sitroom_briefing_check_find_figures (edited);
  n = g_numbers->len;
  m = e_numbers->len;
  if (n == 0 || m == 0 || (guint64) n * m > MAX_PAIRS)
    return mismatches;
  sitroom_briefing_check_assign_keys (generated, g_numbers, figures, lang);

  /* The best alignment that keeps the order: BEST (i, j) is the most
   * similarity of pairs among the first i and j numbers. */
  best = g_new0 (float, (gsize) (n + 1) * (m + 1));
#define BEST(a, b) best[(gsize) (a) * (m + 1) + (b)]
#define SIMILARITY(a, b) similarity (&g_array_index (g_numbers, SitroomBriefingCheckNumber, (a)), \
                                     &g_array_index (e_numbers, SitroomBriefingCheckNumber, (b)))
  for (i = 1; i <= n; i++)
    for (j = 1; j <= m; j++)
      BEST (i, j) = MAX (MAX (BEST (i - 1, j), BEST (i, j - 1)), BEST (i - 1, j - 1) + SIMILARITY (i - 1, j - 1));

  /* Back from the end, pairs come out last first. */
  for (i = n, j = m; i > 0 && j > 0;)
    {
      const SitroomBriefingCheckNumber *g, *e;
      const SitroomBriefingFigure *figure;
      SitroomBriefingMismatch mismatch = { 0 };

      if (BEST (i, j) == BEST (i - 1, j))
        {
          i--;
          continue;
        }
      if (BEST (i, j) == BEST (i, j - 1))
        {
          j--;
          continue;
        }
      g = &g_array_index (g_numbers, SitroomBriefingCheckNumber, i - 1);
      e = &g_array_index (e_numbers, SitroomBriefingCheckNumber, j - 1);
      i--;
      j--;

      figure = g->key != NULL ? sitroom_briefing_figures_lookup (figures, g->key) : NULL;
      mismatch.expected = figure != NULL ? figure->value : g->value;
      if (e->value == mismatch.expected)
        continue;
      mismatch.key = g_strdup (g->key);
      if (figure != NULL)
        mismatch.label = g_strdup (is_chinese (lang) ? figure->label_zh : figure->label_en);
      mismatch.phrase = phrase_at (edited, e->start, e->end);
      mismatch.start = e->start;
      mismatch.end = e->end;
      mismatch.stated = e->value;
      g_array_prepend_val (mismatches, mismatch);
    }
#undef BEST
#undef SIMILARITY
  return mismatches;
}
