/* --export: the map drawn into a PNG or SVG file with no window, written whole or not at all. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sitroom-briefing.h"
#include "sitroom-cli-private.h"
#include "sitroom-error.h"
#include "sitroom-export.h"

/* Everything around a map on paper: legend, scale, title and credits. */
#define EXPORT_FURNITURE \
  (SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_TITLE | SITROOM_MAP_CREDITS)

gboolean
sitroom_export_format_from_path (const char          *path,
                                 SitroomExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = SITROOM_EXPORT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = SITROOM_EXPORT_SVG;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_side (const char  *text,
            const char **end,
            int         *side)
{
  guint64 value;
  char *stop = NULL;

  g_assert (text != NULL);

  /* Digits only: g_ascii_strtoull would take a sign or spaces. */
  if (!g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  value = g_ascii_strtoull (text, &stop, 10);
  if (errno != 0 || value < SITROOM_EXPORT_MIN_SIZE || value > SITROOM_EXPORT_MAX_SIZE)
    return FALSE;
  *side = (int) value;
  *end = stop;
  return TRUE;
}

gboolean
sitroom_export_parse_size (const char *text,
                           int        *width,
                           int        *height)
{
  const char *end = NULL;
  int w, h;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  if (!parse_side (text, &end, &w) || (*end != 'x' && *end != 'X'))
    return FALSE;
  if (!parse_side (end + 1, &end, &h) || *end != '\0')
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

/* Text is sized for a desk at 1600 pixels wide and grows with the file, but
 * never so large that a wide, short file has no room for its map. */
static double
text_scale_for (int width,
                int height)
{
  double scale = MIN (width / (double) SITROOM_EXPORT_DEFAULT_WIDTH,
                      height / (double) SITROOM_EXPORT_DEFAULT_HEIGHT);

  return CLAMP (scale, 0.5, 6.0);
}

static const char *
province_name (SitroomSituation *situation,
               const char       *lang)
{
  for (guint i = 0; i < sitroom_situation_get_n_regions (situation); i++)
    {
      const SitroomRegion *region = sitroom_situation_get_region (situation, i);

      if (region->level == SITROOM_LEVEL_PROVINCE && !region->from_feed)
        return sitroom_text_get (&region->name, lang);
    }
  return "";
}

static gboolean
is_chinese (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "zh");
}

/* The title as words, for the SVG's <title>: cairo writes the drawn title
 * as glyph outlines, which neither a search nor a screen reader can read. */
static char *
describe_title (SitroomView             *view,
                const SitroomMapOptions *options)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  const char *metric = sitroom_metric_get_title (options->metric, options->lang);
  const char *province = province_name (situation, options->lang);
  g_autofree char *cutoff = sitroom_briefing_cutoff_phrase (sitroom_view_get_cutoff (view), options->lang);

  if (is_chinese (options->lang))
    return g_strdup_printf ("%s各市%s，%s", province, metric, cutoff);
  return g_strdup_printf ("%s by prefecture in %s. %s", metric, province, cutoff);
}

/* Each prefecture drawn with its figure, then the approval number and the
 * outlines' origin: what the drawing says, for the SVG's <desc>. */
static char *
describe_figures (SitroomView             *view,
                  SitroomBoundaries       *boundaries,
                  const SitroomMapOptions *options)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  gboolean zh = is_chinese (options->lang);
  GString *text = g_string_new (NULL);
  const int *prefectures;
  guint n_prefectures;
  guint n_described = 0;

  prefectures = sitroom_situation_get_prefectures (situation, &n_prefectures);
  for (guint i = 0; i < n_prefectures; i++)
    {
      const SitroomRegion *region = sitroom_situation_get_region (situation, prefectures[i]);
      double value;

      /* A feed's places outside the province (a chain's origin) have no
       * outline and no fill. */
      if (sitroom_boundaries_lookup (boundaries, region->code) == NULL)
        continue;
      if (n_described++ > 0)
        g_string_append (text, zh ? "，" : ", ");
      g_string_append_printf (text, "%s ", sitroom_text_get (&region->name, options->lang));
      if (!sitroom_metric_get_value (view, options->metric, prefectures[i], &value))
        g_string_append (text, zh ? "无数据" : "no data");
      else if (sitroom_metric_is_percentage (options->metric))
        g_string_append_printf (text, "%.0f %%", value);
      else
        g_string_append_printf (text, "%.0f", value);
    }
  if (n_described > 0)
    g_string_append (text, zh ? "。" : ". ");

  /* The credits in the words the drawing uses. */
  if (options->approval_number != NULL && *options->approval_number != '\0')
    g_string_append_printf (text, zh ? "审图号：%s。" : "Approval No. %s. ", options->approval_number);
  if (sitroom_boundaries_is_builtin (boundaries))
    g_string_append (text, zh ? "近似轮廓，非审图底图。" : "Approximate outlines, not an approved map.");
  else
    {
      g_autofree char *base = g_path_get_basename (sitroom_boundaries_get_origin (boundaries));

      g_string_append_printf (text, zh ? "边界：%s。" : "Boundaries: %s.", base);
    }

  return g_strstrip (g_string_free (text, FALSE));
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* What one file shows, handed down as sitroom_export_map() settled it. */
typedef struct {
  SitroomView *view;
  SitroomBoundaries *boundaries;
  const SitroomMapOptions *options;
  int width;
  int height;
} Picture;

/* Draws @picture, map and furniture, onto @surface of its size; returns
 * how cairo fared. */
static cairo_status_t
draw_map (cairo_surface_t *surface,
          const Picture   *picture)
{
  g_autoptr(SitroomMapRenderer) renderer = sitroom_map_renderer_new ();
  SitroomMapOptions with_furniture = *picture->options;
  int width = picture->width;
  int height = picture->height;
  SitroomMapViewport viewport;
  cairo_status_t status;
  cairo_t *cr;

  g_assert (surface != NULL);

  cr = cairo_create (surface);
  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_destroy (cr);
      return status;
    }

  /* Told beforehand, so that no badge is placed under the legend. */
  with_furniture.furniture = EXPORT_FURNITURE;

  /* A file has no window behind it: white under whatever the map leaves
   * uncovered, rather than transparency that viewers show as a checkerboard. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  sitroom_map_viewport_fit (picture->boundaries, width, height,
                            SITROOM_EXPORT_MAP_MARGIN (width, height),
                            SITROOM_EXPORT_MAP_MIN_ZOOM, SITROOM_EXPORT_MAP_MAX_ZOOM,
                            &viewport);
  sitroom_map_renderer_set_data (renderer, picture->view, picture->boundaries);
  sitroom_map_renderer_set_options (renderer, &with_furniture);
  sitroom_map_renderer_draw (renderer, cr, &viewport);
  sitroom_map_renderer_draw_furniture (renderer, cr, &viewport, EXPORT_FURNITURE);

  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("cannot draw the map: %s"), cairo_status_to_string (status));
  return FALSE;
}

static GByteArray *
render_png (const Picture  *picture,
            GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;

  /* No alpha: the map covers the whole picture. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, picture->width, picture->height);
  status = draw_map (surface, picture);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;
  return g_steal_pointer (&bytes);
}

/* @svg with @title and @desc just inside the root element, where SVG
 * looks for a document's accessible name and description; NULL if @svg has
 * no root element. */
static GByteArray *
insert_svg_text (GByteArray *svg,
                 const char *title,
                 const char *desc)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_desc = g_markup_escape_text (desc, -1);
  g_autofree char *text = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", escaped_title, escaped_desc);
  const char *data = (const char *) svg->data;
  GByteArray *result;
  const char *root;
  const char *end;
  gsize head;

  root = g_strstr_len (data, svg->len, "<svg");
  if (root == NULL)
    return NULL;
  end = memchr (root, '>', svg->len - (root - data));
  if (end == NULL)
    return NULL;

  head = end + 1 - data;
  result = g_byte_array_sized_new (svg->len + strlen (text));
  g_byte_array_append (result, svg->data, head);
  g_byte_array_append (result, (const guint8 *) text, strlen (text));
  g_byte_array_append (result, svg->data + head, svg->len - head);
  return result;
}

static GByteArray *
render_svg (const Picture  *picture,
            GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *desc = NULL;
  GByteArray *with_text;
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, picture->width, picture->height);
  /* Pixels, so that the file opens at the size asked for. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  status = draw_map (surface, picture);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  title = describe_title (picture->view, picture->options);
  desc = describe_figures (picture->view, picture->boundaries, picture->options);
  with_text = insert_svg_text (bytes, title, desc);
  if (with_text == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("cannot draw the map: the SVG has no root element"));
  return with_text;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("cannot write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Writes a hidden file beside @path and renames it over @path only once
 * every byte is on disk: a full disk or a killed process leaves either the
 * old file or the new one, never half of one. The messages name @path, not
 * the temporary name a person never asked for. */
static gboolean
write_atomically (const char    *path,
                  const guint8  *data,
                  gsize          length,
                  GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  gsize done = 0;
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_write_error (error, path, errno);

  while (done < length)
    {
      gssize written = write (fd, data + done, length - done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        goto failed;
      done += written;
    }
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto failed;
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return set_write_error (error, path, saved_errno);
}

gboolean
sitroom_export_map (SitroomView              *view,
                    SitroomBoundaries        *boundaries,
                    const SitroomMapOptions  *options,
                    SitroomExportFormat       format,
                    int                       width,
                    int                       height,
                    const char               *path,
                    GError                  **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  SitroomMapOptions file_options;
  Picture picture = { view, boundaries, &file_options, width, height };

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (boundaries), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A file is read on paper or another screen: nothing under it, nothing
   * selected, the light style, text sized to the file. */
  file_options = *options;
  file_options.style = SITROOM_STYLE_LIGHT;
  file_options.tiles = FALSE;
  file_options.gcj02 = FALSE;
  file_options.attribution = NULL;
  file_options.selected_region = -1;
  file_options.hover_region = -1;
  file_options.selected_chain = -1;
  file_options.text_scale = text_scale_for (width, height);
  if (file_options.lang == NULL)
    file_options.lang = sitroom_briefing_locale_lang ();

  if (format == SITROOM_EXPORT_SVG)
    bytes = render_svg (&picture, error);
  else
    bytes = render_png (&picture, error);
  if (bytes == NULL)
    return FALSE;

  return write_atomically (path, bytes->data, bytes->len, error);
}

int
sitroom_cli_export (const SitroomCliExport  *export,
                    const char              *feed,
                    const char              *as_of,
                    const SitroomCliNetwork *network)
{
  g_autoptr(SitroomBoundaries) boundaries = NULL;
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  SitroomMapOptions options = { 0 };
  SitroomExportFormat format;
  int width = SITROOM_EXPORT_DEFAULT_WIDTH;
  int height = SITROOM_EXPORT_DEFAULT_HEIGHT;
  int offset;
  int status;

  g_return_val_if_fail (export != NULL, SITROOM_EXIT_UNREADABLE);
  g_return_val_if_fail (export->path != NULL, SITROOM_EXIT_UNREADABLE);

  display = g_filename_display_name (export->path);

  /* Every argument is checked before the feed is read: a mistake costs
   * nothing, even with a slow feed. */
  if (export->view != NULL && g_strcmp0 (export->view, "map") != 0)
    {
      sitroom_cli_print_err (_("unknown view “%s”: the only view to export is map"), export->view);
      return SITROOM_EXIT_UNREADABLE;
    }

  if (!sitroom_export_format_from_path (export->path, &format))
    {
      sitroom_cli_print_err (_("cannot export to “%s”: the file name must end in .png or .svg"), display);
      return SITROOM_EXIT_UNREADABLE;
    }

  if (export->size != NULL && !sitroom_export_parse_size (export->size, &width, &height))
    {
      sitroom_cli_print_err (_("--size “%s” is not WIDTHxHEIGHT in pixels, each from %d to %d, such as 1920x1080"),
                             export->size, SITROOM_EXPORT_MIN_SIZE, SITROOM_EXPORT_MAX_SIZE);
      return SITROOM_EXIT_UNREADABLE;
    }

  options.metric = SITROOM_METRIC_POSITIVES;
  if (export->metric != NULL && !sitroom_metric_from_string (export->metric, &options.metric))
    {
      /* TRANSLATORS: the names after "use" are what --metric accepts: do not translate them */
      sitroom_cli_print_err (_("unknown metric “%s”: use positives, new-24h, confirmed, asymptomatic, active-chains or occupancy"),
                             export->metric);
      return SITROOM_EXIT_UNREADABLE;
    }

  if (export->boundaries != NULL)
    {
      boundaries = sitroom_boundaries_new_from_file (export->boundaries, &error);
      if (boundaries == NULL)
        {
          /* As for a feed: a file that cannot be read, or one that is wrong. */
          if (g_error_matches (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE))
            {
              sitroom_cli_print_err ("%s", error->message);
              return SITROOM_EXIT_UNREADABLE;
            }
          sitroom_cli_print_err (_("boundary file refused: %s"), error->message);
          return SITROOM_EXIT_REFUSED;
        }
    }
  else
    boundaries = g_object_ref (sitroom_boundaries_get_builtin ());

  status = sitroom_cli_load_view (feed, as_of, export->lang, network, &view, &offset);
  if (status != SITROOM_EXIT_OK)
    return status;

  options.lang = export->lang;
  if (export->approval_number != NULL && *export->approval_number != '\0')
    options.approval_number = export->approval_number;
  if (!sitroom_export_map (view, boundaries, &options, format, width, height, export->path, &error))
    {
      sitroom_cli_print_err ("%s", error->message);
      return SITROOM_EXIT_UNREADABLE;
    }
  return SITROOM_EXIT_OK;
}
