/* Reading region outlines from GeoJSON: a FeatureCollection of Polygons and MultiPolygons keyed by adcode. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sitroom-boundaries-private.h"
#include "sitroom-error.h"
#include "sitroom-prescan.h"

#define INVALID SITROOM_FEED_ERROR_INVALID

/* Boxes: SitroomPolygon, SitroomBoundary and the object spell them alike. */
#define BOX_INIT(o) ((o)->min_lon = (o)->min_lat = G_MAXDOUBLE, (o)->max_lon = (o)->max_lat = -G_MAXDOUBLE)
#define BOX_ADD(o, lon, lat) \
  ((o)->min_lon = MIN ((o)->min_lon, (lon)), (o)->min_lat = MIN ((o)->min_lat, (lat)), \
   (o)->max_lon = MAX ((o)->max_lon, (lon)), (o)->max_lat = MAX ((o)->max_lat, (lat)))
#define BOX_ADD_BOX(o, b) (BOX_ADD (o, (b)->min_lon, (b)->min_lat), BOX_ADD (o, (b)->max_lon, (b)->max_lat))

/* One feature while it is read. Its rings go into growing arrays and the
 * polygons keep offsets into them; pointers are only taken once the feature
 * is complete and the arrays stop moving. */
typedef struct {
  guint first_ring;
  guint n_rings;
  guint first_point;
} PolygonSpan;

typedef struct {
  const char *input;         /* how messages name the input, or NULL */
  guint feature;             /* counted from 1, as a person counts */
  const char *label;         /* the feature's name or code, once known */
  GArray *points;            /* double, (lon, lat) pairs */
  GArray *ring_lengths;      /* guint */
  GArray *polygons;          /* PolygonSpan */
} Reader;

/* "FILE: feature 3 (太原市): MESSAGE": where first, so that a person can
 * go straight to the place in the file. */
static void G_GNUC_PRINTF (4, 5)
set_error (const Reader      *reader,
           GError           **error,
           SitroomFeedError   code,
           const char        *format,
           ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->feature > 0 && reader->label != NULL)
    where = g_strdup_printf (_("feature %u (%s)"), reader->feature, reader->label);
  else if (reader->feature > 0)
    where = g_strdup_printf (_("feature %u"), reader->feature);

  g_set_error (error, SITROOM_FEED_ERROR, code, "%s%s%s%s%s",
               reader->input != NULL ? reader->input : "", reader->input != NULL ? ": " : "",
               where != NULL ? where : "", where != NULL ? ": " : "", message);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_number (JsonNode *node,
             double   *out)
{
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

/* @polygon is 0 in a Polygon, else the polygon's place (from 1) in a
 * MultiPolygon; @ring counts from 1. */
static gboolean
read_ring (Reader     *reader,
           JsonNode   *node,
           guint       polygon,
           guint       ring,
           GError    **error)
{
  g_autofree char *place = polygon == 0 ? g_strdup_printf (_("ring %u"), ring)
                                        : g_strdup_printf (_("polygon %u, ring %u"), polygon, ring);
  JsonArray *positions;
  guint n, kept;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error (reader, error, INVALID, _("%s is not a list of [longitude, latitude] positions"), place);
      return FALSE;
    }
  positions = json_node_get_array (node);
  n = json_array_get_length (positions);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *position = json_array_get_element (positions, i);
      JsonArray *pair;
      double lon, lat;

      if (!JSON_NODE_HOLDS_ARRAY (position)
          || json_array_get_length (pair = json_node_get_array (position)) < 2)
        {
          set_error (reader, error, INVALID, _("%s, point %u is not a [longitude, latitude] pair"),
                     place, i + 1);
          return FALSE;
        }
      /* A third number (an altitude) is allowed by GeoJSON and ignored. */
      if (!read_number (json_array_get_element (pair, 0), &lon)
          || !read_number (json_array_get_element (pair, 1), &lat))
        {
          set_error (reader, error, INVALID, _("%s, point %u: a coordinate is not a number"), place, i + 1);
          return FALSE;
        }
      if (!isfinite (lon) || lon < -180.0 || lon > 180.0)
        {
          set_error (reader, error, INVALID,
                     _("%s, point %u: longitude %.10g is outside −180 to 180 (the file must be in WGS84 degrees)"),
                     place, i + 1, lon);
          return FALSE;
        }
      if (!isfinite (lat) || lat < -90.0 || lat > 90.0)
        {
          set_error (reader, error, INVALID,
                     _("%s, point %u: latitude %.10g is outside −90 to 90 (the file must be in WGS84 degrees)"),
                     place, i + 1, lat);
          return FALSE;
        }
      g_array_append_val (reader->points, lon);
      g_array_append_val (reader->points, lat);
    }

  /* GeoJSON closes a ring by repeating its first point; we keep rings open,
   * and accept a file that left them open too. */
  kept = n;
  if (n >= 2)
    {
      const double *last = &g_array_index (reader->points, double, reader->points->len - 2);
      const double *first = last - 2 * (n - 1);

      if (first[0] == last[0] && first[1] == last[1])
        {
          g_array_set_size (reader->points, reader->points->len - 2);
          kept--;
        }
    }
  if (kept < 3)
    {
      set_error (reader, error, INVALID, _("%s: a ring needs at least 3 points, this one has %u"), place, kept);
      return FALSE;
    }

  g_array_append_val (reader->ring_lengths, kept);
  return TRUE;
}

static gboolean
read_polygon (Reader    *reader,
              JsonNode  *node,
              guint      polygon,
              GError   **error)
{
  PolygonSpan span = { reader->ring_lengths->len, 0, reader->points->len / 2 };
  JsonArray *rings = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || (span.n_rings = json_array_get_length (rings = json_node_get_array (node))) == 0)
    {
      if (polygon == 0)
        set_error (reader, error, INVALID, _("the Polygon’s coordinates are not a list of rings, outer ring first"));
      else
        set_error (reader, error, INVALID, _("polygon %u is not a list of rings, outer ring first"), polygon);
      return FALSE;
    }
  for (guint i = 0; i < span.n_rings; i++)
    if (!read_ring (reader, json_array_get_element (rings, i), polygon, i + 1, error))
      return FALSE;

  g_array_append_val (reader->polygons, span);
  return TRUE;
}

static gboolean
read_geometry (Reader      *reader,
               JsonObject  *feature,
               GError     **error)
{
  JsonNode *node = json_object_get_member (feature, "geometry");
  JsonNode *coordinates;
  JsonArray *polygons;
  const char *type;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (reader, error, INVALID, _("no geometry: each feature needs a Polygon or MultiPolygon"));
      return FALSE;
    }
  type = member_string (json_node_get_object (node), "type");
  coordinates = json_object_get_member (json_node_get_object (node), "coordinates");

  if (g_strcmp0 (type, "Polygon") == 0)
    return read_polygon (reader, coordinates, 0, error);
  if (g_strcmp0 (type, "MultiPolygon") != 0)
    {
      set_error (reader, error, INVALID, _("geometry “%s” is not a Polygon or MultiPolygon"),
                 type != NULL ? type : "");
      return FALSE;
    }

  if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates)
      || (n = json_array_get_length (polygons = json_node_get_array (coordinates))) == 0)
    {
      set_error (reader, error, INVALID, _("the MultiPolygon’s coordinates are not a list of polygons"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!read_polygon (reader, json_array_get_element (polygons, i), i + 1, error))
      return FALSE;
  return TRUE;
}

/* The "adcode" property as six digits in @code. A number is accepted too:
 * tools that keep codes in numeric fields write them so. */
static gboolean
read_adcode (Reader      *reader,
             JsonObject  *properties,
             char         code[7],
             GError     **error)
{
  JsonNode *node = properties != NULL ? json_object_get_member (properties, "adcode") : NULL;
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;
  g_autofree char *text = NULL;

  if (type == G_TYPE_INVALID)
    {
      set_error (reader, error, INVALID, _("no “adcode” property: each feature needs its six-digit division code"));
      return FALSE;
    }
  if (type == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else if (type == G_TYPE_INT64)
    text = g_strdup_printf ("%lld", (long long) json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    text = g_strdup_printf ("%.17g", json_node_get_double (node));
  else
    {
      set_error (reader, error, INVALID, _("adcode is neither a string nor a number"));
      return FALSE;
    }

  if (strlen (text) != 6 || strspn (text, "0123456789") != 6)
    {
      set_error (reader, error, INVALID, _("adcode “%s” is not six digits"), text);
      return FALSE;
    }
  memcpy (code, text, 7);
  return TRUE;
}

/* Hands what the reader gathered to the feature's boundary: one array of
 * points and one of ring lengths per region. */
static void
finish_boundary (Reader          *reader,
                 SitroomBoundary *b)
{
  guint n_polygons = reader->polygons->len;
  double *points;
  guint *ring_lengths;
  SitroomPolygon *polygons;

  b->n_points = reader->points->len / 2;
  points = (double *) (gpointer) g_array_free (g_steal_pointer (&reader->points), FALSE);
  ring_lengths = (guint *) (gpointer) g_array_free (g_steal_pointer (&reader->ring_lengths), FALSE);
  polygons = g_new0 (SitroomPolygon, n_polygons);

  BOX_INIT (b);
  for (guint i = 0; i < n_polygons; i++)
    {
      const PolygonSpan *span = &g_array_index (reader->polygons, PolygonSpan, i);
      SitroomPolygon *p = &polygons[i];
      guint n = 0;

      p->points = points + 2 * span->first_point;
      p->ring_lengths = ring_lengths + span->first_ring;
      p->n_rings = span->n_rings;
      for (guint r = 0; r < p->n_rings; r++)
        n += p->ring_lengths[r];
      BOX_INIT (p);
      for (guint k = 0; k < n; k++)
        BOX_ADD (p, p->points[2 * k], p->points[2 * k + 1]);
      BOX_ADD_BOX (b, p);
    }
  b->polygons = polygons;
  b->n_polygons = n_polygons;
}

static gboolean
read_feature (SitroomBoundaries  *self,
              Reader             *reader,
              JsonNode           *node,
              GError            **error)
{
  JsonObject *feature = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *properties = NULL;
  SitroomBoundary b = { 0 };
  const char *name;
  JsonNode *member;
  guint other;
  char code[7];

  if (feature == NULL || g_strcmp0 (member_string (feature, "type"), "Feature") != 0)
    {
      set_error (reader, error, INVALID, _("not a GeoJSON Feature"));
      return FALSE;
    }
  member = json_object_get_member (feature, "properties");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    properties = json_node_get_object (member);
  name = properties != NULL ? member_string (properties, "name") : NULL;
  if (name != NULL && name[0] != '\0')
    reader->label = b.name = g_string_chunk_insert (self->strings, name);

  if (!read_adcode (reader, properties, code, error))
    return FALSE;
  b.code = g_string_chunk_insert_const (self->strings, code);
  if (reader->label == NULL)
    reader->label = b.code;
  if (g_str_has_suffix (b.code, "0000"))
    b.level = SITROOM_LEVEL_PROVINCE;
  else if (g_str_has_suffix (b.code, "00"))
    b.level = SITROOM_LEVEL_PREFECTURE;
  else
    b.level = SITROOM_LEVEL_COUNTY;

  other = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, b.code));
  if (other != 0)
    {
      set_error (reader, error, INVALID, _("adcode “%s” is also that of feature %u; each region may have one outline"),
                 b.code, other);
      return FALSE;
    }
  if (!read_geometry (reader, feature, error))
    return FALSE;

  finish_boundary (reader, &b);
  g_array_append_val (self->boundaries, b);
  /* The feature's place, from 1, is also its index plus one. */
  g_hash_table_insert (self->by_code, (gpointer) b.code, GUINT_TO_POINTER (reader->feature));
  self->n_points += b.n_points;
  BOX_ADD_BOX (self, &b);
  return TRUE;
}

static gboolean
read_collection (SitroomBoundaries  *self,
                 Reader             *reader,
                 JsonNode           *root,
                 GError            **error)
{
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *type = object != NULL ? member_string (object, "type") : NULL;
  JsonNode *features;
  JsonArray *list;
  guint n;

  if (g_strcmp0 (type, "FeatureCollection") != 0)
    {
      if (type != NULL)
        set_error (reader, error, INVALID, _("not GeoJSON: no FeatureCollection (the top level is a “%s”)"), type);
      else
        set_error (reader, error, INVALID, _("not GeoJSON: no FeatureCollection"));
      return FALSE;
    }
  features = json_object_get_member (object, "features");
  if (features == NULL || !JSON_NODE_HOLDS_ARRAY (features))
    {
      set_error (reader, error, INVALID, _("not GeoJSON: the FeatureCollection has no “features” list"));
      return FALSE;
    }
  list = json_node_get_array (features);
  n = json_array_get_length (list);
  if (n == 0)
    {
      set_error (reader, error, INVALID, _("the FeatureCollection is empty: it has no outlines"));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      reader->feature = i + 1;
      reader->label = NULL;
      if (reader->points == NULL)
        reader->points = g_array_new (FALSE, FALSE, sizeof (double));
      if (reader->ring_lengths == NULL)
        reader->ring_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_set_size (reader->polygons, 0);
      if (!read_feature (self, reader, json_array_get_element (list, i), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sitroom_boundaries_read_geojson (SitroomBoundaries  *self,
                                 GBytes             *bytes,
                                 const char         *name,
                                 GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader reader = { name, 0, NULL, NULL, NULL, NULL };
  const char *data;
  gsize length;
  gboolean ok;

  g_assert (SITROOM_IS_BOUNDARIES (self));
  g_assert (self->boundaries->len == 0);
  g_assert (bytes != NULL);

  data = g_bytes_get_data (bytes, &length);
  /* json-glib builds its tree by recursion and holds all of it: the scan
   * refuses what is too deep for the stack or too large for memory first. */
  if (!sitroom_prescan (data, length, SITROOM_DEFAULT_MAX_DEPTH, SITROOM_BOUNDARIES_MAX_FILE_BYTES,
                        &local_error))
    {
      if (name != NULL)
        g_prefix_error (&local_error, "%s: ", name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The scan lets a UTF-8 byte order mark through; json-glib does not. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *why = local_error->message;

      /* json-glib names its input "<data>"; the line and column are what count. */
      if (g_str_has_prefix (why, "<data>:"))
        why += strlen ("<data>:");
      set_error (&reader, error, SITROOM_FEED_ERROR_NOT_JSON, _("not JSON: %s"), why);
      return FALSE;
    }

  reader.polygons = g_array_new (FALSE, FALSE, sizeof (PolygonSpan));
  ok = read_collection (self, &reader, json_parser_get_root (parser), error);
  g_clear_pointer (&reader.points, g_array_unref);
  g_clear_pointer (&reader.ring_lengths, g_array_unref);
  g_clear_pointer (&reader.polygons, g_array_unref);

  return ok;
}
