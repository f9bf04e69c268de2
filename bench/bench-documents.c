/* Helpers the feed benchmarks share: new versions of a document. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bench-documents.h"
#include "sitroom-time.h"

GBytes *
bench_shift_as_of (GBytes  *document,
                   int      minutes,
                   GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  const char *as_of;
  gint64 utc;
  int offset;
  g_autofree char *shifted = NULL;
  char *text;
  gsize length;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (document, NULL),
                                   (gssize) g_bytes_get_size (document), error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the document is not a JSON object");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  as_of = json_object_get_string_member_with_default (root, "as_of", "");
  if (!sitroom_time_parse (as_of, &utc, &offset))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the document's as_of (%s) is not a time", as_of);
      return NULL;
    }
  shifted = sitroom_time_format (utc + (gint64) minutes * 60, offset);
  json_object_set_string_member (root, "as_of", shifted);

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}
