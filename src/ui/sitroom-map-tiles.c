/* Tiles under the map, as an option: an intranet tile server or a local MBTiles file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sitroom-map-tiles.h"
#include "sitroom-mbtiles-source.h"

#define TILE_SIZE 256
#define REFERENCE_MIN_ZOOM 5
#define REFERENCE_MAX_ZOOM 12
/* Zoom range assumed for a tile server, which does not say its own; the
 * viewport's range (from the reference) is the one that binds. */
#define SERVER_MIN_ZOOM 0
#define SERVER_MAX_ZOOM 20

/* The reference is a map source of its own rather than a raster renderer:
 * a ShumateViewport only reads its projection, tile size and zoom range, and
 * in libshumate 1.0.3 every raster renderer needs a data source (a
 * ShumateTileDownloader would bring a libsoup session and a file cache along
 * for nothing). Should it ever be put in a ShumateMapLayer by mistake, it
 * fails each tile at once instead of fetching. */
#define SITROOM_TYPE_BLANK_TILES (sitroom_blank_tiles_get_type ())
G_DECLARE_FINAL_TYPE (SitroomBlankTiles, sitroom_blank_tiles, SITROOM, BLANK_TILES, ShumateMapSource)

struct _SitroomBlankTiles
{
  ShumateMapSource parent_instance;
};

G_DEFINE_FINAL_TYPE (SitroomBlankTiles, sitroom_blank_tiles, SHUMATE_TYPE_MAP_SOURCE)

static void
sitroom_blank_tiles_fill_tile_async (ShumateMapSource    *source,
                                     ShumateTile         *tile,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);

  g_task_set_source_tag (task, sitroom_blank_tiles_fill_tile_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "The reference map source has no tiles");
}

static gboolean
sitroom_blank_tiles_fill_tile_finish (ShumateMapSource  *source,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sitroom_blank_tiles_class_init (SitroomBlankTilesClass *klass)
{
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  source_class->fill_tile_async = sitroom_blank_tiles_fill_tile_async;
  source_class->fill_tile_finish = sitroom_blank_tiles_fill_tile_finish;
}

static void
sitroom_blank_tiles_init (SitroomBlankTiles *self)
{
}

ShumateMapSource *
sitroom_map_tiles_new_reference (void)
{
  return g_object_new (SITROOM_TYPE_BLANK_TILES,
                       "id", "sitroom-reference",
                       "name", "Sitroom reference",
                       "min-zoom-level", REFERENCE_MIN_ZOOM,
                       "max-zoom-level", REFERENCE_MAX_ZOOM,
                       "tile-size", TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
}

/* The setting's text without surrounding blanks; NULL when it is empty. */
static char *
get_setting (GSettings  *settings,
             const char *key)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert (G_IS_SETTINGS (settings));

  g_strstrip (value);
  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

/* A template libshumate 1.0.3 can fill in: http or https, {z}, {x} and
 * either {y} or {tmsy} (rows from the south), and no other placeholder
 * (such as {s}, which it would send as is). */
static gboolean
check_url_template (const char  *url,
                    GError     **error)
{
  static const char *const placeholders[] = { "{z}", "{x}", "{y}", "{tmsy}" };
  g_autoptr(GString) filled = g_string_new (url);
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *brace;

  g_assert (url != NULL);

  if (strstr (url, "{z}") == NULL || strstr (url, "{x}") == NULL ||
      (strstr (url, "{y}") == NULL && strstr (url, "{tmsy}") == NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Tile server address %s is not a tile template: it needs {z}, {x} and {y} where the zoom level, column and row go"),
                   url);
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (placeholders); i++)
    g_string_replace (filled, placeholders[i], "0", 0);

  brace = strchr (filled->str, '{');
  if (brace != NULL)
    {
      g_autofree char *placeholder = g_strndup (brace, strcspn (brace, "}") + 1);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Tile server address %s uses %s, which is not supported: only {z}, {x}, {y} and {tmsy} are filled in"),
                   url, placeholder);
      return FALSE;
    }

  uri = g_uri_parse (filled->str, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Tile server address %s is not an http or https address"),
                   url);
      return FALSE;
    }
  return TRUE;
}

static ShumateMapSource *
new_mbtiles_source (const char  *path,
                    const char  *attribution,
                    GError     **error)
{
  g_autoptr(SitroomMbtilesSource) data = NULL;
  g_autofree char *basename = NULL;
  const char *name;

  g_assert (path != NULL);

  data = sitroom_mbtiles_source_new (path, error);
  if (data == NULL)
    return NULL;

  name = sitroom_mbtiles_source_get_name (data);
  if (name == NULL)
    name = basename = g_path_get_basename (path);
  if (attribution == NULL)
    attribution = sitroom_mbtiles_source_get_attribution (data);

  /* 256-pixel slots whatever the images' size: a file of 512-pixel tiles
   * then draws sharper, not at another scale than the reference. */
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full ("sitroom-mbtiles", name,
                                                               attribution, NULL,
                                                               sitroom_mbtiles_source_get_min_zoom (data),
                                                               sitroom_mbtiles_source_get_max_zoom (data),
                                                               TILE_SIZE,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (data)));
}

static ShumateMapSource *
new_url_source (const char  *url,
                const char  *attribution,
                GError     **error)
{
  g_assert (url != NULL);

  if (!check_url_template (url, error))
    return NULL;

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url ("sitroom-tile-server", url,
                                                                        attribution, NULL,
                                                                        SERVER_MIN_ZOOM, SERVER_MAX_ZOOM,
                                                                        TILE_SIZE,
                                                                        SHUMATE_MAP_PROJECTION_MERCATOR,
                                                                        url));
}

ShumateMapSource *
sitroom_map_tiles_new_source (GSettings         *settings,
                              SitroomTilesKind  *kind,
                              GError           **error)
{
  g_autofree char *mbtiles = NULL;
  g_autofree char *url = NULL;
  g_autofree char *attribution = NULL;
  ShumateMapSource *source = NULL;
  SitroomTilesKind found = SITROOM_TILES_NONE;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mbtiles = get_setting (settings, "mbtiles-file");
  url = get_setting (settings, "tile-url");
  attribution = get_setting (settings, "tile-attribution");

  /* The file wins: it is what a machine without a network is set up with,
   * and a tile server left in the settings would only fail there. */
  if (mbtiles != NULL)
    {
      source = new_mbtiles_source (mbtiles, attribution, error);
      if (source != NULL)
        found = SITROOM_TILES_MBTILES;
    }
  else if (url != NULL)
    {
      source = new_url_source (url, attribution, error);
      if (source != NULL)
        found = SITROOM_TILES_URL;
    }

  if (kind != NULL)
    *kind = found;
  return source;
}
