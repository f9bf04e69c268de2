/* Region outlines: the built-in prefectures of Shanxi, or an operator's GeoJSON file. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sitroom-boundaries-private.h"
#include "sitroom-error.h"
#include "sitroom-geo.h"

#define BUILTIN_RESOURCE "/io/github/sitroom/Sitroom/boundaries/shanxi.geojson"

G_DEFINE_FINAL_TYPE (SitroomBoundaries, sitroom_boundaries, G_TYPE_OBJECT)

static void
sitroom_boundaries_finalize (GObject *object)
{
  SitroomBoundaries *self = SITROOM_BOUNDARIES (object);

  /* The public structs hold const pointers so that no reader can change an
   * outline; the object owns what they point to. A boundary's first
   * polygon starts its point and ring arrays. */
  for (guint i = 0; i < self->boundaries->len; i++)
    {
      SitroomBoundary *b = &g_array_index (self->boundaries, SitroomBoundary, i);

      g_free ((gpointer) b->polygons[0].points);
      g_free ((gpointer) b->polygons[0].ring_lengths);
      g_free ((gpointer) b->polygons);
    }
  g_clear_pointer (&self->boundaries, g_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->origin, g_free);

  G_OBJECT_CLASS (sitroom_boundaries_parent_class)->finalize (object);
}

static void
sitroom_boundaries_class_init (SitroomBoundariesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitroom_boundaries_finalize;
}

static void
sitroom_boundaries_init (SitroomBoundaries *self)
{
  self->strings = g_string_chunk_new (1024);
  self->boundaries = g_array_new (FALSE, TRUE, sizeof (SitroomBoundary));
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->min_lon = self->min_lat = G_MAXDOUBLE;
  self->max_lon = self->max_lat = -G_MAXDOUBLE;
}

SitroomBoundaries *
sitroom_boundaries_new_from_bytes (GBytes      *bytes,
                                   const char  *name,
                                   GError     **error)
{
  g_autoptr(SitroomBoundaries) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SITROOM_TYPE_BOUNDARIES, NULL);
  self->origin = g_strdup (name != NULL ? name : "");
  if (!sitroom_boundaries_read_geojson (self, bytes, name, error))
    return NULL;

  return g_steal_pointer (&self);
}

SitroomBoundaries *
sitroom_boundaries_new_from_file (const char  *path,
                                  GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  SitroomBoundaries *self;
  char *contents;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  display = g_file_get_parse_name (file);

  /* The size is checked before anything is read, so a huge file costs
   * nothing; a folder fails to load with a message that says so. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && (guint64) g_file_info_get_size (info) > SITROOM_BOUNDARIES_MAX_FILE_BYTES)
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE,
                   _("“%s” is %llu bytes, larger than the limit of %llu bytes"), display,
                   (unsigned long long) g_file_info_get_size (info),
                   (unsigned long long) SITROOM_BOUNDARIES_MAX_FILE_BYTES);
      return NULL;
    }
  if (info == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (contents, length);

  self = sitroom_boundaries_new_from_bytes (bytes, display, error);
  if (self != NULL)
    {
      g_free (self->origin);
      self->origin = g_strdup (path);
    }
  return self;
}

SitroomBoundaries *
sitroom_boundaries_get_builtin (void)
{
  static SitroomBoundaries *builtin;

  if (g_once_init_enter (&builtin))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      SitroomBoundaries *boundaries;

      bytes = g_resources_lookup_data (BUILTIN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("The built-in outlines %s are missing: %s", BUILTIN_RESOURCE, error->message);
      boundaries = sitroom_boundaries_new_from_bytes (bytes, BUILTIN_RESOURCE, &error);
      if (boundaries == NULL)
        g_error ("The built-in outlines are damaged: %s", error->message);
      g_free (boundaries->origin);
      boundaries->origin = g_strdup ("built-in");
      boundaries->builtin = TRUE;
      g_once_init_leave (&builtin, boundaries);
    }

  return builtin;
}

const char *
sitroom_boundaries_get_origin (SitroomBoundaries *self)
{
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (self), NULL);

  return self->origin;
}

gboolean
sitroom_boundaries_is_builtin (SitroomBoundaries *self)
{
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (self), FALSE);

  return self->builtin;
}

guint
sitroom_boundaries_get_n (SitroomBoundaries *self)
{
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (self), 0);

  return self->boundaries->len;
}

const SitroomBoundary *
sitroom_boundaries_get (SitroomBoundaries *self,
                        guint              index)
{
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (index < self->boundaries->len, NULL);

  return &g_array_index (self->boundaries, SitroomBoundary, index);
}

const SitroomBoundary *
sitroom_boundaries_lookup (SitroomBoundaries *self,
                           const char        *code)
{
  guint place;

  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  place = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code));
  return place != 0 ? &g_array_index (self->boundaries, SitroomBoundary, place - 1) : NULL;
}

static gboolean
polygon_contains (const SitroomPolygon *p,
                  double                lon,
                  double                lat)
{
  const double *ring = p->points;

  g_assert (p->n_rings > 0);

  if (lon < p->min_lon || lon > p->max_lon || lat < p->min_lat || lat > p->max_lat)
    return FALSE;
  if (!sitroom_geo_ring_contains (ring, p->ring_lengths[0], lon, lat))
    return FALSE;
  /* Inside the outer ring, outside every hole. */
  for (guint r = 1; r < p->n_rings; r++)
    {
      ring += 2 * p->ring_lengths[r - 1];
      if (sitroom_geo_ring_contains (ring, p->ring_lengths[r], lon, lat))
        return FALSE;
    }
  return TRUE;
}

const SitroomBoundary *
sitroom_boundaries_find_at (SitroomBoundaries  *self,
                            SitroomRegionLevel  level,
                            double              lon,
                            double              lat)
{
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (self), NULL);

  for (guint i = 0; i < self->boundaries->len; i++)
    {
      const SitroomBoundary *b = &g_array_index (self->boundaries, SitroomBoundary, i);

      if (b->level != level
          || lon < b->min_lon || lon > b->max_lon || lat < b->min_lat || lat > b->max_lat)
        continue;
      for (guint k = 0; k < b->n_polygons; k++)
        if (polygon_contains (&b->polygons[k], lon, lat))
          return b;
    }
  return NULL;
}

guint
sitroom_boundaries_get_n_points (SitroomBoundaries *self)
{
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (self), 0);

  return self->n_points;
}

void
sitroom_boundaries_get_extent (SitroomBoundaries *self,
                               double            *min_lon,
                               double            *min_lat,
                               double            *max_lon,
                               double            *max_lat)
{
  g_return_if_fail (SITROOM_IS_BOUNDARIES (self));

  if (min_lon != NULL)
    *min_lon = self->min_lon;
  if (min_lat != NULL)
    *min_lat = self->min_lat;
  if (max_lon != NULL)
    *max_lon = self->max_lon;
  if (max_lat != NULL)
    *max_lat = self->max_lat;
}
