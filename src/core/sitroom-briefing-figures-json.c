/* The briefing figures as JSON: writing them for the store, and reading them back with a refusal that says where. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sitroom-briefing-figures-private.h"
#include "sitroom-error.h"
#include "sitroom-time.h"

#define FORMAT_PREFIX "sitroom-briefing-figures/"
#define FORMAT_VERSION 1

char *
sitroom_briefing_figures_to_json (SitroomBriefingFigures *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *cutoff = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  cutoff = sitroom_time_format (self->cutoff, SITROOM_CST_OFFSET);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_PREFIX G_STRINGIFY (FORMAT_VERSION));
  json_builder_set_member_name (builder, "cutoff");
  json_builder_add_string_value (builder, cutoff);
  json_builder_set_member_name (builder, "figures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->figures->len; i++)
    {
      const SitroomBriefingFigure *figure = &g_array_index (self->figures, SitroomBriefingFigure, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, figure->key);
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, figure->value);
      json_builder_set_member_name (builder, "zh");
      json_builder_add_string_value (builder, figure->label_zh);
      json_builder_set_member_name (builder, "en");
      json_builder_add_string_value (builder, figure->label_en);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
refuse (GError    **error,
        int         code,
        const char *path,
        const char *reason)
{
  g_set_error (error, SITROOM_FEED_ERROR, code,
               /* Translators: a JSON Pointer such as /figures/3/value, then what is wrong there */
               _("Briefing figures refused: %s: %s"), path, reason);
  return FALSE;
}

/* The string member @name of @object, or NULL with @error set. */
static const char *
get_string (JsonObject  *object,
            const char  *path,
            const char  *name,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = g_strdup_printf ("%s/%s", path, name);

  if (node == NULL)
    {
      refuse (error, SITROOM_FEED_ERROR_INVALID, where, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      refuse (error, SITROOM_FEED_ERROR_INVALID, where, _("not a string"));
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
read_format (JsonObject  *root,
             GError     **error)
{
  const char *format = get_string (root, "", "format", error);
  const char *digits;
  guint64 version;

  if (format == NULL)
    return FALSE;
  if (!g_str_has_prefix (format, FORMAT_PREFIX))
    return refuse (error, SITROOM_FEED_ERROR_INVALID, "/format", _("not a set of briefing figures"));

  digits = format + strlen (FORMAT_PREFIX);
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT, &version, NULL))
    return refuse (error, SITROOM_FEED_ERROR_INVALID, "/format", _("not a set of briefing figures"));
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_FORMAT,
                   _("Briefing figures refused: format %s was written by a newer version; this one reads %s"),
                   format, FORMAT_PREFIX G_STRINGIFY (FORMAT_VERSION));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_figure (SitroomBriefingFigures  *self,
             JsonNode                *node,
             guint                    index,
             GError                 **error)
{
  g_autofree char *path = g_strdup_printf ("/figures/%u", index);
  g_autofree char *value_path = g_strdup_printf ("%s/value", path);
  JsonObject *object;
  JsonNode *value;
  const char *key;
  const char *zh;
  const char *en;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, SITROOM_FEED_ERROR_INVALID, path, _("not an object"));
  object = json_node_get_object (node);

  if ((key = get_string (object, path, "key", error)) == NULL ||
      (zh = get_string (object, path, "zh", error)) == NULL ||
      (en = get_string (object, path, "en", error)) == NULL)
    return FALSE;
  if (key[0] == '\0')
    {
      g_autofree char *key_path = g_strdup_printf ("%s/key", path);

      return refuse (error, SITROOM_FEED_ERROR_INVALID, key_path, _("empty"));
    }

  value = json_object_get_member (object, "value");
  if (value == NULL)
    return refuse (error, SITROOM_FEED_ERROR_INVALID, value_path, _("missing"));
  /* json-glib reads 3.0 as a double and 3 as an integer: a figure is a count. */
  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
    return refuse (error, SITROOM_FEED_ERROR_INVALID, value_path, _("not an integer"));

  if (!sitroom_briefing_figures_add (self, g_strdup (key), json_node_get_int (value),
                                     g_strdup (zh), g_strdup (en)))
    {
      g_autofree char *reason = g_strdup_printf (_("the key “%s” is repeated"), key);

      return refuse (error, SITROOM_FEED_ERROR_INVALID, path, reason);
    }
  return TRUE;
}

SitroomBriefingFigures *
sitroom_briefing_figures_new_from_json (const char  *json,
                                        gssize       length,
                                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(SitroomBriefingFigures) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *figures;
  const char *cutoff_text;
  gint64 cutoff;
  guint n;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                   _("Briefing figures refused: not JSON: %s"), local_error->message);
      return NULL;
    }

  /* json-glib reads empty text as no value at all, without an error. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON,
                   _("Briefing figures refused: not JSON: %s"), _("the text is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      refuse (error, SITROOM_FEED_ERROR_INVALID, "/", _("not an object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (!read_format (root, error))
    return NULL;

  if ((cutoff_text = get_string (root, "", "cutoff", error)) == NULL)
    return NULL;
  if (!sitroom_time_parse (cutoff_text, &cutoff, NULL))
    {
      refuse (error, SITROOM_FEED_ERROR_INVALID, "/cutoff", _("not a time with an offset"));
      return NULL;
    }

  figures = json_object_get_member (root, "figures");
  if (figures == NULL || !JSON_NODE_HOLDS_ARRAY (figures))
    {
      refuse (error, SITROOM_FEED_ERROR_INVALID, "/figures", figures == NULL ? _("missing") : _("not an array"));
      return NULL;
    }

  self = sitroom_briefing_figures_new_empty (cutoff);
  n = json_array_get_length (json_node_get_array (figures));
  for (guint i = 0; i < n; i++)
    if (!read_figure (self, json_array_get_element (json_node_get_array (figures), i), i, error))
      return NULL;

  return g_steal_pointer (&self);
}
