/* What finding a briefing's numbers and checking an edit of it share: a number with the words around it, and stepping through UTF-8 text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-briefing-check.h"

G_BEGIN_DECLS

/* A number of a text that is a figure, with the words on each side of it,
 * nearest first. */
typedef struct {
  gsize start;
  gsize end;
  gint64 value;
  GPtrArray *left;
  GPtrArray *right;
  char *key;
  gboolean figure;      /* FALSE for a date, a time, a name… */
} SitroomBriefingCheckNumber;

/* Inline: both files step through the text with these in their inner loops. */

static inline int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  return c >= 0xFF10 && c <= 0xFF19 ? (int) (c - 0xFF10) : -1;
}

static inline gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static inline gboolean
is_latin_letter (gunichar c)
{
  return c < 0x250 && g_unichar_isalpha (c);
}

/* The character at or before a byte offset of @text, 0 past either end. */
static inline gunichar
char_at (const char *text,
         gsize       pos)
{
  return text[pos] != '\0' ? g_utf8_get_char (text + pos) : 0;
}

static inline gunichar
char_before (const char *text,
             gsize       pos)
{
  return pos > 0 ? g_utf8_get_char (g_utf8_find_prev_char (text, text + pos)) : 0;
}

static inline gsize
pos_after (const char *text,
           gsize       pos)
{
  return text[pos] != '\0' ? (gsize) (g_utf8_next_char (text + pos) - text) : pos;
}

static inline gsize
pos_before (const char *text,
            gsize       pos)
{
  return pos > 0 ? (gsize) (g_utf8_find_prev_char (text, text + pos) - text) : 0;
}

static inline gboolean
is_chinese (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "zh");
}

/* In sitroom-briefing-numbers.c, for sitroom-briefing-check.c. */

/* The figures of @text (step 1 of sitroom-briefing-check.h), without keys:
 * a GArray of SitroomBriefingCheckNumber that owns its words. */
GArray *sitroom_briefing_check_find_figures (const char             *text);
/* Step 2 of sitroom-briefing-check.h: the key of each number of @numbers,
 * found in @text, a text generated from the view @figures were taken from. */
void    sitroom_briefing_check_assign_keys  (const char             *text,
                                             GArray                 *numbers,
                                             SitroomBriefingFigures *figures,
                                             const char             *lang);

G_END_DECLS
