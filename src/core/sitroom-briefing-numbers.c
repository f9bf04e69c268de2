/* Finding the numbers of a briefing that are figures, with the words around them, and the figures they state. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-briefing-check-private.h"

/* Tokens looked at on each side of a number. */
#define N_CONTEXT_TOKENS 8

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
  "dec", NULL
};
static const char * const durations[] = {
  "hour", "hours", "day", "days", "week", "weeks", "minute", "minutes", "year", "years", NULL
};
static const char * const stopwords[] = {
  "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "the", "to", "with", NULL
};

/* The Latin word next to @pos on one side, past spaces (and after it one
 * hyphen: "24-hour"), lowercased. */
static char *
word_beside (const char *text,
             gsize       pos,
             gboolean    after)
{
  gsize end;

  if (after)
    {
      while (char_at (text, pos) == ' ')
        pos = pos_after (text, pos);
      if (char_at (text, pos) == '-')
        pos = pos_after (text, pos);
      for (end = pos; is_latin_letter (char_at (text, end)); end = pos_after (text, end))
        ;
      return g_utf8_strdown (text + pos, end - pos);
    }
  while (char_before (text, pos) == ' ')
    pos = pos_before (text, pos);
  for (end = pos; is_latin_letter (char_before (text, pos)); pos = pos_before (text, pos))
    ;
  return g_utf8_strdown (text + pos, end - pos);
}

static gboolean
is_joiner (gunichar c)
{
  return (c != 0 && c < 128 && strchr (":.-/", (int) c) != NULL) ||
         c == 0xFF1A || c == 0x00B7 || c == 0x30FB || c == 0xFF0E || c == 0x2027;
}

/* Whether the digits at [start, end) are a figure rather than part of a date,
 * a time, a duration, an ordinal, a percentage, a decimal or a name. */
static gboolean
is_figure (const char *text,
           gsize       start,
           gsize       end)
{
  gunichar next = char_at (text, end);
  gunichar next2 = char_at (text, pos_after (text, end));
  gunichar prev = char_before (text, start);
  gunichar prev2 = char_before (text, pos_before (text, start));
  g_autofree char *after = NULL;
  g_autofree char *before = NULL;

  /* 8月20日13时, 24小时, 第1号; 13:00, 8·17, 2022-08-20, 3.5; Z22, 19th, COVID-19; 8% */
  if ((next != 0 && g_utf8_strchr ("年月日时点分秒号天周", -1, next) != NULL) ||
      (next == 0x5C0F && next2 == 0x65F6) || prev == 0x7B2C ||
      (is_joiner (next) && digit_value (next2) >= 0) || (is_joiner (prev) && digit_value (prev2) >= 0) ||
      is_latin_letter (next) || is_latin_letter (prev) || (prev == '-' && is_latin_letter (prev2)) ||
      next == '%' || next == 0xFF05)
    return FALSE;

  after = word_beside (text, end, TRUE);
  before = word_beside (text, start, FALSE);
  return !g_strv_contains (months, after) && !g_strv_contains (months, before) &&
         !g_strv_contains (durations, after);
}

static void
add_word (GPtrArray *tokens,
          GString   *word)
{
  /* "positives" and "positive", "chains" and "chain" are the same word here. */
  if (word->len > 3 && word->str[word->len - 1] == 's' && word->str[word->len - 2] != 's')
    g_string_truncate (word, word->len - 1);
  if (word->len > 0 && !g_strv_contains (stopwords, word->str))
    g_ptr_array_add (tokens, g_strdup (word->str));
  g_string_truncate (word, 0);
}

/* The words of [start, end) in text order: Chinese as pairs of characters (a
 * lone character as itself), Latin words lowercased, without plural and
 * without the little words. */
static GPtrArray *
tokenize (const char *text,
          gsize       start,
          gsize       end)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);
  gsize han = end;              /* where the current run of Chinese began */

  /* One step past the end closes the last word. */
  for (gsize pos = start; pos <= end; pos = pos < end ? pos_after (text, pos) : end + 1)
    {
      gunichar c = pos < end ? char_at (text, pos) : 0;

      if (is_han (c))
        {
          add_word (tokens, word);
          if (han == end)
            han = pos;
          else
            g_ptr_array_add (tokens, g_strndup (text + pos_before (text, pos),
                                                pos_after (text, pos) - pos_before (text, pos)));
          continue;
        }
      if (han != end && pos_after (text, han) == pos)
        g_ptr_array_add (tokens, g_strndup (text + han, pos - han));
      han = end;
      if (is_latin_letter (c))
        g_string_append_unichar (word, g_unichar_tolower (c));
      else
        add_word (tokens, word);
    }
  return tokens;
}

static gboolean
ends_sentence (const char *text,
               gsize       pos)
{
  gunichar c = char_at (text, pos);
  gunichar next = char_at (text, pos_after (text, pos));

  if (c == '.' || c == '!' || c == '?')
    return next == 0 || g_unichar_isspace (next);
  return c == '\n' || c == ';' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B;
}

/* The words of [from, to) on one side of a number, nearest first; the
 * character right next to the number, its unit ("例", "条"), counts as a
 * word of its own. */
static GPtrArray *
side_words (const char *text,
            gsize       from,
            gsize       to,
            gboolean    left)
{
  g_autoptr(GPtrArray) words = tokenize (text, from, to);
  GPtrArray *side = g_ptr_array_new_with_free_func (g_free);
  gsize unit = left ? pos_before (text, to) : from;
  gunichar c = from < to ? char_at (text, unit) : 0;

  if (c != 0 && !is_latin_letter (c) && !g_unichar_isspace (c))
    g_ptr_array_add (side, g_strdup_printf ("%c%.*s", left ? '<' : '>',
                                            (int) (pos_after (text, unit) - unit), text + unit));
  for (guint k = 0; k < words->len && side->len < N_CONTEXT_TOKENS; k++)
    g_ptr_array_add (side, g_strdup (g_ptr_array_index (words, left ? words->len - 1 - k : k)));
  return side;
}

static void
number_clear (gpointer data)
{
  SitroomBriefingCheckNumber *number = data;

  g_clear_pointer (&number->left, g_ptr_array_unref);
  g_clear_pointer (&number->right, g_ptr_array_unref);
  g_clear_pointer (&number->key, g_free);
}

/* The figures of @text, with the words on each side of each up to the
 * neighbouring runs of digits (figures or not) and the sentence's ends. */
GArray *
sitroom_briefing_check_find_figures (const char *text)
{
  GArray *numbers = g_array_new (FALSE, TRUE, sizeof (SitroomBriefingCheckNumber));
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (SitroomBriefingCheckNumber));
  gsize pos = 0;

  g_array_set_clear_func (numbers, number_clear);
  while (text[pos] != '\0')
    {
      SitroomBriefingCheckNumber run = { .start = pos };
      guint n_digits = 0;
      int digit;

      if (digit_value (char_at (text, pos)) < 0)
        {
          pos = pos_after (text, pos);
          continue;
        }
      for (;;)
        {
          for (; (digit = digit_value (char_at (text, pos))) >= 0; pos = pos_after (text, pos))
            if (++n_digits <= 15)
              run.value = run.value * 10 + digit;
          /* "1,234": a comma followed by exactly three digits groups thousands. */
          if (text[pos] != ',' || !g_ascii_isdigit (text[pos + 1]) || !g_ascii_isdigit (text[pos + 2]) ||
              !g_ascii_isdigit (text[pos + 3]) || g_ascii_isdigit (text[pos + 4]))
            break;
          pos++;
        }
      run.end = pos;
      run.figure = n_digits <= 15 && is_figure (text, run.start, run.end);
      g_array_append_val (runs, run);
    }

  for (guint i = 0; i < runs->len; i++)
    {
      SitroomBriefingCheckNumber number = g_array_index (runs, SitroomBriefingCheckNumber, i);
      gsize lo = i > 0 ? g_array_index (runs, SitroomBriefingCheckNumber, i - 1).end : 0;
      gsize hi = i + 1 < runs->len ? g_array_index (runs, SitroomBriefingCheckNumber, i + 1).start
                                   : strlen (text);

      if (!number.figure)
        continue;
      for (pos = lo; pos < number.start; pos = pos_after (text, pos))
        if (ends_sentence (text, pos))
          lo = pos_after (text, pos);
      for (pos = number.end; pos < hi; pos = pos_after (text, pos))
        if (ends_sentence (text, pos))
          hi = pos;
      number.left = side_words (text, lo, number.start, TRUE);
      number.right = side_words (text, number.end, hi, FALSE);
      g_array_append_val (numbers, number);
    }
  return numbers;
}

static void
briefing_number_clear (gpointer data)
{
  SitroomBriefingNumber *number = data;

  g_clear_pointer (&number->key, g_free);
}

/* How well the words near @number name the figure whose label has @label
 * words: nearer words count more, each label word once. */
static double
label_score (const SitroomBriefingCheckNumber *number,
             GPtrArray                        *label,
             double                           *coverage)
{
  double score = 0;
  guint matched = 0;

  for (guint l = 0; l < label->len; l++)
    {
      const char *word = g_ptr_array_index (label, l);
      double best = 0;

      for (guint k = 0; k < number->left->len; k++)
        if (strcmp (g_ptr_array_index (number->left, k), word) == 0)
          best = MAX (best, 1.0 / (1 + k));
      for (guint k = 0; k < number->right->len; k++)
        if (strcmp (g_ptr_array_index (number->right, k), word) == 0)
          best = MAX (best, 1.0 / (1 + k));
      if (best > 0)
        matched++;
      score += best;
    }
  *coverage = label->len > 0 ? (double) matched / label->len : 0;
  return score;
}

/* The paragraph of @text that @pos is in, paragraphs being parted by blank lines. */
static guint
paragraph_at (const char *text,
              gsize       pos)
{
  guint paragraph = 0;

  for (const char *p = strstr (text, "\n\n"); p != NULL && (gsize) (p - text) < pos; p = strstr (p + 2, "\n\n"))
    paragraph++;
  return paragraph;
}

/* "chain/ID/" of each chain, in the figures' order, which is the paragraphs'. */
static GPtrArray *
chain_prefixes (SitroomBriefingFigures *figures)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sitroom_briefing_figures_get_n_figures (figures); i++)
    {
      const char *key = sitroom_briefing_figures_get_figure (figures, i)->key;

      if (g_str_has_prefix (key, "chain/") && g_str_has_suffix (key, "/positives"))
        g_ptr_array_add (prefixes, g_strndup (key, strlen (key) - strlen ("positives")));
    }
  return prefixes;
}

/* Whether paragraph @paragraph of a generated text may state the figure @key:
 * the headline states totals and prefectures, the Nth chain paragraph the
 * Nth chain's figures. */
static gboolean
may_state (const char *key,
           guint       paragraph,
           GPtrArray  *prefixes)
{
  const char *prefix;

  if (prefixes == NULL)
    return TRUE;
  if (paragraph == 0)
    return !g_str_has_prefix (key, "chain/");
  g_assert (paragraph <= prefixes->len);
  prefix = g_ptr_array_index (prefixes, paragraph - 1);
  return g_str_has_prefix (key, prefix) && strchr (key + strlen (prefix), '/') == NULL;
}

/* Step 2 of sitroom-briefing-check.h: the key of each number of a generated text. */
void
sitroom_briefing_check_assign_keys (const char             *text,
                                    GArray                 *numbers,
                                    SitroomBriefingFigures *figures,
                                    const char             *lang)
{
  guint n_figures = sitroom_briefing_figures_get_n_figures (figures);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) prefixes = chain_prefixes (figures);
  gboolean structured = paragraph_at (text, strlen (text)) == prefixes->len;

  for (guint f = 0; f < n_figures; f++)
    {
      const SitroomBriefingFigure *figure = sitroom_briefing_figures_get_figure (figures, f);
      const char *label = is_chinese (lang) ? figure->label_zh : figure->label_en;

      g_ptr_array_add (labels, tokenize (label, 0, strlen (label)));
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      SitroomBriefingCheckNumber *number = &g_array_index (numbers, SitroomBriefingCheckNumber, i);
      guint paragraph = paragraph_at (text, number->start);
      const SitroomBriefingFigure *best = NULL;
      double best_score = 0, best_coverage = 0;

      for (guint f = 0; f < n_figures; f++)
        {
          const SitroomBriefingFigure *figure = sitroom_briefing_figures_get_figure (figures, f);
          double score, coverage;

          if (figure->value != number->value || !may_state (figure->key, paragraph, structured ? prefixes : NULL))
            continue;
          score = label_score (number, g_ptr_array_index (labels, f), &coverage);
          if (score > best_score + 1e-9 || (score > best_score - 1e-9 && score > 0 && coverage > best_coverage))
            {
              best = figure;
              best_score = score;
              best_coverage = coverage;
            }
        }
      if (best != NULL)
        number->key = g_strdup (best->key);
    }
}

GArray *
sitroom_briefing_check_find_numbers (const char             *text,
                                     SitroomBriefingFigures *figures,
                                     const char             *lang)
{
  g_autoptr(GArray) numbers = NULL;
  GArray *found;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (figures != NULL, NULL);

  numbers = sitroom_briefing_check_find_figures (text);
  sitroom_briefing_check_assign_keys (text, numbers, figures, lang);

  found = g_array_sized_new (FALSE, TRUE, sizeof (SitroomBriefingNumber), numbers->len);
  g_array_set_clear_func (found, briefing_number_clear);
  for (guint i = 0; i < numbers->len; i++)
    {
      SitroomBriefingCheckNumber *number = &g_array_index (numbers, SitroomBriefingCheckNumber, i);
      SitroomBriefingNumber out = {
        .start = number->start,
        .end = number->end,
        .value = number->value,
        .key = g_steal_pointer (&number->key),
      };

      g_array_append_val (found, out);
    }
  return found;
}
