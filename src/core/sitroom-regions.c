/* Region tables: the built-in one, and the list code shared with the feed's "regions". */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "sitroom-error.h"
#include "sitroom-prescan.h"
#include "sitroom-regions.h"
#include "sitroom-situation-private.h"

#define BUILTIN_RESOURCE "/io/github/sitroom/Sitroom/regions/shanxi.json"

enum {
  REGION_CODE,
  REGION_PARENT,
  REGION_LEVEL,
  REGION_NAME,
  REGION_CENTER,
  N_REGION_MEMBERS
};

static const char * const region_members[N_REGION_MEMBERS] = {
  "code", "parent", "level", "name", "center",
};

#define REGION_REQUIRED ((1u << REGION_CODE) | (1u << REGION_LEVEL) | (1u << REGION_NAME))

#define LEVEL_NAMES "province, prefecture, county, township"

static gboolean
parse_center (SitroomParse     *parse,
              SitroomJsonToken  token,
              SitroomRegion    *region)
{
  double values[2] = { 0, 0 };
  guint n = 0;
  gboolean ok = TRUE;

  if (token != SITROOM_JSON_BEGIN_ARRAY)
    {
      sitroom_parse_mistyped (parse, token, _("an array [longitude, latitude]"));
      return FALSE;
    }

  while ((token = sitroom_json_reader_next (parse->reader)) != SITROOM_JSON_END_ARRAY)
    {
      if (token == SITROOM_JSON_ERROR)
        return FALSE;
      if (n < 2)
        ok &= sitroom_parse_number (parse, token,
                                    n == 0 ? -180.0 : -90.0, n == 0 ? 180.0 : 90.0,
                                    &values[n]);
      else
        sitroom_json_reader_skip (parse->reader);
      n++;
    }

  if (n != 2)
    {
      sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL,
                             _("expected two numbers [longitude, latitude], found %u"), n);
      return FALSE;
    }
  if (!ok)
    return FALSE;

  region->lon = values[0];
  region->lat = values[1];
  region->has_center = TRUE;
  return TRUE;
}

static void
parse_region (SitroomParse     *parse,
              SitroomJsonToken  token,
              GArray           *decls)
{
  SitroomRegionDecl decl = { { 0 }, -1, -1, 0, TRUE };
  guint32 seen = 0;

  decl.offset = sitroom_json_reader_get_offset (parse->reader);
  decl.region.prefecture = -1;

  if (token != SITROOM_JSON_BEGIN_OBJECT)
    {
      sitroom_parse_mistyped (parse, token, _("an object"));
      decl.valid = FALSE;
      g_array_append_val (decls, decl);
      return;
    }

  while ((token = sitroom_json_reader_next (parse->reader)) == SITROOM_JSON_KEY)
    {
      int member = sitroom_parse_member (parse, region_members, N_REGION_MEMBERS, &seen);
      gboolean ok = TRUE;
      gsize length;
      const char *str;

      if (member < 0)
        continue;

      token = sitroom_json_reader_next (parse->reader);
      switch (member)
        {
        case REGION_CODE:
          ok = sitroom_parse_code (parse, token, &decl.code);
          if (ok)
            {
              str = sitroom_json_reader_get_string (parse->reader, &length);
              decl.region.code = g_string_chunk_insert_len (parse->strings, str, length);
            }
          break;

        case REGION_PARENT:
          if (token == SITROOM_JSON_NULL)
            break;
          ok = sitroom_parse_code (parse, token, &decl.parent_code);
          if (ok)
            {
              str = sitroom_json_reader_get_string (parse->reader, &length);
              decl.region.parent = g_string_chunk_insert_len (parse->strings, str, length);
            }
          break;

        case REGION_LEVEL:
          if (token != SITROOM_JSON_STRING)
            {
              sitroom_parse_mistyped (parse, token, _("a string"));
              ok = FALSE;
              break;
            }
          str = sitroom_json_reader_get_string (parse->reader, &length);
          {
            g_autofree char *level = g_strndup (str, length);

            if (strlen (level) != length
                || !sitroom_region_level_from_string (level, &decl.region.level))
              {
                sitroom_parse_problem (parse, SITROOM_PROBLEM_ERROR, NULL,
                                       _("unknown level “%s”; expected one of %s"),
                                       level, LEVEL_NAMES);
                ok = FALSE;
              }
          }
          break;

        case REGION_NAME:
          ok = sitroom_parse_text (parse, token, &decl.region.name);
          break;

        case REGION_CENTER:
          if (token == SITROOM_JSON_NULL)
            break;
          ok = parse_center (parse, token, &decl.region);
          break;

        default:
          g_assert_not_reached ();
        }

      if (!ok)
        decl.valid = FALSE;
      if (sitroom_parse_failed (parse))
        return;
    }
  if (token == SITROOM_JSON_ERROR)
    return;

  if (!sitroom_parse_require (parse, region_members, seen, REGION_REQUIRED))
    decl.valid = FALSE;
  g_array_append_val (decls, decl);
}

void
sitroom_region_list_parse (SitroomParse     *parse,
                           SitroomJsonToken  token,
                           GArray           *decls)
{
  g_return_if_fail (parse != NULL);
  g_return_if_fail (decls != NULL);

  if (token != SITROOM_JSON_BEGIN_ARRAY)
    {
      sitroom_parse_mistyped (parse, token, _("an array"));
      return;
    }

  while ((token = sitroom_json_reader_next (parse->reader)) != SITROOM_JSON_END_ARRAY)
    {
      if (token == SITROOM_JSON_ERROR)
        return;
      parse_region (parse, token, decls);
      if (sitroom_parse_failed (parse))
        return;
    }
}

static int
lookup_code (GHashTable *by_code,
             int         code)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (by_code, GINT_TO_POINTER (code))) - 1;
}

void
sitroom_region_list_resolve (SitroomParse *parse,
                             const char   *section,
                             GArray       *decls,
                             GArray       *regions,
                             GHashTable   *by_code)
{
  g_autoptr(GHashTable) declared = NULL;
  g_autoptr(GArray) parents = NULL;
  g_autoptr(GArray) decl_of = NULL;
  g_autoptr(GArray) state = NULL;
  g_autoptr(GArray) path = NULL;
  guint first;

  g_return_if_fail (parse != NULL);
  g_return_if_fail (decls != NULL && regions != NULL && by_code != NULL);

  first = regions->len;
  declared = g_hash_table_new (NULL, NULL);
  decl_of = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Even an invalid declaration is appended when it has a code, so that what
   * refers to it is not also reported as unknown: the document is refused
   * anyway. */
  for (guint i = 0; i < decls->len; i++)
    {
      SitroomRegionDecl *decl = &g_array_index (decls, SitroomRegionDecl, i);
      gpointer first_index;
      int known;

      if (decl->code < 0)
        continue;

      if (g_hash_table_lookup_extended (declared, GINT_TO_POINTER (decl->code), NULL, &first_index))
        {
          sitroom_parse_problem_at (parse, SITROOM_PROBLEM_ERROR, decl->offset, section, i, "code",
                                    _("duplicate region code %s; it is first declared at /%s/%u"),
                                    decl->region.code, section, GPOINTER_TO_UINT (first_index));
          continue;
        }
      g_hash_table_insert (declared, GINT_TO_POINTER (decl->code), GUINT_TO_POINTER (i));

      /* A declaration of a region the table already has leaves it as it is. */
      known = lookup_code (by_code, decl->code);
      if (known >= 0)
        continue;

      decl->region.from_feed = TRUE;
      decl->region.prefecture = -1;
      g_array_append_val (regions, decl->region);
      g_array_append_val (decl_of, i);
      g_hash_table_insert (by_code, GINT_TO_POINTER (decl->code), GINT_TO_POINTER (regions->len));
    }

  /* Parents, looked up once all codes are known: a list may name a parent
   * declared after its child. */
  parents = g_array_sized_new (FALSE, FALSE, sizeof (int), regions->len - first);
  for (guint i = first; i < regions->len; i++)
    {
      guint d = g_array_index (decl_of, guint, i - first);
      SitroomRegionDecl *decl = &g_array_index (decls, SitroomRegionDecl, d);
      int parent = -1;

      if (decl->parent_code >= 0)
        {
          parent = lookup_code (by_code, decl->parent_code);
          if (parent < 0)
            sitroom_parse_problem_at (parse, SITROOM_PROBLEM_ERROR, decl->offset, section, d, "parent",
                                      _("unknown region code %s"), decl->region.parent);
          else if ((guint) parent == i)
            {
              sitroom_parse_problem_at (parse, SITROOM_PROBLEM_ERROR, decl->offset, section, d, "parent",
                                        _("region %s is its own parent"), decl->region.code);
              parent = -1;
            }
        }
      g_array_append_val (parents, parent);
    }

  /* Walk up from each new region to one already resolved, without recursion,
   * then set the prefectures on the way back down: each region is visited
   * once, so a long chain of parents costs no more than its length. */
  enum { UNVISITED, ON_PATH, DONE };
  state = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_array_set_size (state, regions->len - first);
  path = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = first; i < regions->len; i++)
    {
      int j = (int) i;
      int top_prefecture;

      g_array_set_size (path, 0);
      while (j >= (int) first && g_array_index (state, guint8, j - first) == UNVISITED)
        {
          guint u = (guint) j;

          g_array_index (state, guint8, j - first) = ON_PATH;
          g_array_append_val (path, u);
          j = g_array_index (parents, int, j - first);
        }

      if (j >= (int) first && g_array_index (state, guint8, j - first) == ON_PATH)
        {
          guint d = g_array_index (decl_of, guint, j - first);
          SitroomRegionDecl *decl = &g_array_index (decls, SitroomRegionDecl, d);

          sitroom_parse_problem_at (parse, SITROOM_PROBLEM_ERROR, decl->offset, section, d, "parent",
                                    _("the parents of region %s lead back to it"),
                                    decl->region.code);
          /* The document is refused: no prefecture for any region on the
           * way, and the cycle is broken so later walks stop. */
          g_array_index (parents, int, j - first) = -1;
          for (guint k = 0; k < path->len; k++)
            {
              guint u = g_array_index (path, guint, k);

              g_array_index (regions, SitroomRegion, u).prefecture = -1;
              g_array_index (state, guint8, u - first) = DONE;
            }
          continue;
        }

      top_prefecture = j >= 0 ? g_array_index (regions, SitroomRegion, j).prefecture : -1;

      for (guint k = path->len; k > 0; k--)
        {
          guint u = g_array_index (path, guint, k - 1);
          SitroomRegion *region = &g_array_index (regions, SitroomRegion, u);

          if (region->level == SITROOM_LEVEL_PREFECTURE)
            top_prefecture = (int) u;
          region->prefecture = top_prefecture;
          g_array_index (state, guint8, u - first) = DONE;
        }
    }
}

static void
sitroom_regions_init_empty (SitroomRegions *regions)
{
  regions->strings = g_string_chunk_new (4096);
  regions->regions = g_array_new (FALSE, FALSE, sizeof (SitroomRegion));
  regions->by_code = g_hash_table_new (NULL, NULL);
}

SitroomRegions *
sitroom_regions_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  g_autoptr(SitroomRegions) regions = NULL;
  g_autoptr(SitroomJsonReader) reader = NULL;
  g_autoptr(SitroomProblemList) problems = NULL;
  g_autoptr(GArray) decls = NULL;
  g_autoptr(GPtrArray) finished = NULL;
  SitroomParse parse;
  SitroomJsonToken token;
  const char *data;
  gsize length;
  guint32 seen = 0;
  static const char * const members[] = { "regions" };
  guint n_errors;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  /* An empty GBytes may have no data at all. */
  if (data == NULL)
    data = "";
  if (!sitroom_prescan (data, length, SITROOM_DEFAULT_MAX_DEPTH, SITROOM_DEFAULT_MAX_BYTES, error))
    return NULL;

  /* The scan lets a UTF-8 byte order mark through; JSON has no place for it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  regions = g_new0 (SitroomRegions, 1);
  sitroom_regions_init_empty (regions);
  reader = sitroom_json_reader_new (data, length, SITROOM_DEFAULT_MAX_DEPTH);
  problems = sitroom_problem_list_new ();
  decls = g_array_new (FALSE, FALSE, sizeof (SitroomRegionDecl));
  parse.reader = reader;
  parse.problems = problems;
  parse.strings = regions->strings;

  token = sitroom_json_reader_next (reader);
  if (token != SITROOM_JSON_BEGIN_OBJECT)
    sitroom_parse_mistyped (&parse, token, _("an object"));
  else
    {
      while ((token = sitroom_json_reader_next (reader)) == SITROOM_JSON_KEY)
        {
          if (sitroom_parse_member (&parse, members, G_N_ELEMENTS (members), &seen) == 0)
            sitroom_region_list_parse (&parse, sitroom_json_reader_next (reader), decls);
          if (sitroom_parse_failed (&parse))
            break;
        }
      if (!sitroom_parse_failed (&parse))
        sitroom_parse_require (&parse, members, seen, 1u);
    }
  if (!sitroom_parse_failed (&parse))
    sitroom_json_reader_next (reader);

  if (sitroom_parse_failed (&parse))
    {
      const GError *syntax = sitroom_json_reader_get_error (reader);
      g_propagate_error (error, g_error_copy (syntax));
      return NULL;
    }

  sitroom_region_list_resolve (&parse, "regions", decls, regions->regions, regions->by_code);
  /* A table is what the application knows by itself, not what a feed adds. */
  for (guint i = 0; i < regions->regions->len; i++)
    g_array_index (regions->regions, SitroomRegion, i).from_feed = FALSE;

  n_errors = sitroom_problem_list_get_n_errors (problems);
  finished = sitroom_problem_list_finish (problems);
  if (n_errors > 0)
    {
      g_autofree char *message = sitroom_problems_describe_errors (finished, n_errors);
      g_set_error_literal (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID, message);
      return NULL;
    }

  return g_steal_pointer (&regions);
}

void
sitroom_regions_free (SitroomRegions *regions)
{
  if (regions == NULL)
    return;
  g_string_chunk_free (regions->strings);
  g_array_unref (regions->regions);
  g_hash_table_unref (regions->by_code);
  g_free (regions);
}

const SitroomRegions *
sitroom_regions_get_builtin (void)
{
  static SitroomRegions *builtin;

  if (g_once_init_enter (&builtin))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      SitroomRegions *regions;

      bytes = g_resources_lookup_data (BUILTIN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("The built-in region table %s is missing: %s", BUILTIN_RESOURCE, error->message);
      regions = sitroom_regions_new_from_bytes (bytes, &error);
      if (regions == NULL)
        g_error ("The built-in region table %s is damaged: %s", BUILTIN_RESOURCE, error->message);
      g_once_init_leave (&builtin, regions);
    }

  return builtin;
}

guint
sitroom_regions_get_n (const SitroomRegions *regions)
{
  g_return_val_if_fail (regions != NULL, 0);

  return regions->regions->len;
}

const SitroomRegion *
sitroom_regions_get (const SitroomRegions *regions,
                     guint                 index)
{
  g_return_val_if_fail (regions != NULL, NULL);
  g_return_val_if_fail (index < regions->regions->len, NULL);

  return &g_array_index (regions->regions, SitroomRegion, index);
}

int
sitroom_regions_lookup (const SitroomRegions *regions,
                        const char           *code)
{
  int number;

  g_return_val_if_fail (regions != NULL, -1);
  g_return_val_if_fail (code != NULL, -1);

  number = sitroom_region_code_parse (code, strlen (code));
  if (number < 0)
    return -1;
  return lookup_code (regions->by_code, number);
}
