/* An incremental reader of Server-Sent Events (text/event-stream), the feed's change announcements. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-sse-parser.h"

void
sitroom_sse_parser_init (SitroomSseParser *parser,
                         gsize             max_line)
{
  g_return_if_fail (parser != NULL);

  memset (parser, 0, sizeof *parser);
  parser->line = g_string_new (NULL);
  parser->data = g_string_new (NULL);
  parser->max_line = max_line;
}

void
sitroom_sse_parser_clear (SitroomSseParser *parser)
{
  g_return_if_fail (parser != NULL);

  if (parser->line != NULL)
    g_string_free (parser->line, TRUE);
  if (parser->data != NULL)
    g_string_free (parser->data, TRUE);
  g_free (parser->event);
  memset (parser, 0, sizeof *parser);
}

static gboolean
sse_process_line (SitroomSseParser    *parser,
                  SitroomSseEventFunc  func,
                  gpointer             user_data)
{
  const char *line = parser->line->str;
  const char *colon;
  const char *value;
  gsize field_length;

  if (!parser->started)
    {
      parser->started = TRUE;
      if (g_str_has_prefix (line, "\xEF\xBB\xBF"))
        line += 3;
    }

  if (line[0] == '\0')
    {
      /* A blank line ends an event; one without data is dropped whole. */
      if (parser->data->len > 0)
        {
          g_string_truncate (parser->data, parser->data->len - 1);
          func (parser->event != NULL ? parser->event : "message", parser->data->str, user_data);
        }
      g_string_truncate (parser->data, 0);
      g_clear_pointer (&parser->event, g_free);
      return TRUE;
    }

  if (line[0] == ':')
    return TRUE;

  colon = strchr (line, ':');
  if (colon != NULL)
    {
      field_length = colon - line;
      value = colon + 1;
      if (value[0] == ' ')
        value++;
    }
  else
    {
      field_length = strlen (line);
      value = "";
    }

  if (field_length == 5 && strncmp (line, "event", 5) == 0)
    {
      g_free (parser->event);
      parser->event = g_strdup (value);
    }
  else if (field_length == 4 && strncmp (line, "data", 4) == 0)
    {
      if (parser->data->len + strlen (value) + 1 > parser->max_line)
        return FALSE;
      g_string_append (parser->data, value);
      g_string_append_c (parser->data, '\n');
    }
  /* "id" and "retry" are not needed: a reconnect refetches anyway, and the
   * back-off is the client's own. */
  return TRUE;
}

gboolean
sitroom_sse_parser_feed (SitroomSseParser    *parser,
                         const char          *chunk,
                         gsize                length,
                         SitroomSseEventFunc  func,
                         gpointer             user_data)
{
  gsize i = 0;

  g_return_val_if_fail (parser != NULL && parser->line != NULL, FALSE);
  g_return_val_if_fail (chunk != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  while (i < length)
    {
      gsize end = i;

      /* A CR at the end of the last chunk and an LF at the start of this
       * one are a single line end. */
      if (parser->after_cr)
        {
          parser->after_cr = FALSE;
          if (chunk[i] == '\n')
            {
              i++;
              continue;
            }
        }

      while (end < length && chunk[end] != '\r' && chunk[end] != '\n')
        end++;
      if (parser->line->len + (end - i) > parser->max_line)
        return FALSE;
      g_string_append_len (parser->line, chunk + i, end - i);
      if (end == length)
        break;

      parser->after_cr = chunk[end] == '\r';
      if (!sse_process_line (parser, func, user_data))
        return FALSE;
      g_string_truncate (parser->line, 0);
      i = end + 1;
    }
  return TRUE;
}
