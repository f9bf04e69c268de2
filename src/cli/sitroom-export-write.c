/* What the exports share: the size of their text, the words of a day, and a picture drawn into PNG or SVG bytes and written whole or not at all. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sitroom-export-private.h"

double
sitroom_export_text_scale (int    width,
                           int    height,
                           int    default_width,
                           int    default_height,
                           double floor)
{
  double scale;

  g_return_val_if_fail (default_width > 0 && default_height > 0, 1.0);

  /* The smaller ratio, so that a wide, short file still has room for what
   * it shows. */
  scale = MIN (width / (double) default_width, height / (double) default_height);
  return CLAMP (scale, floor, 6.0);
}

double
sitroom_export_chart_text_scale (int width,
                                 int height)
{
  return sitroom_export_text_scale (width, height, SITROOM_EXPORT_CHART_DEFAULT_WIDTH,
                                    SITROOM_EXPORT_CHART_DEFAULT_HEIGHT, SITROOM_EXPORT_CHAINS_MIN_SCALE);
}

char *
sitroom_export_day_words (gint64      start,
                          int         known_year,
                          const char *lang)
{
  static const char *const months[] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  };
  g_autoptr(GDateTime) t = sitroom_render_cst_time (start);
  int year, month, day;

  g_return_val_if_fail (t != NULL, g_strdup ("—"));

  year = g_date_time_get_year (t);
  month = g_date_time_get_month (t);
  day = g_date_time_get_day_of_month (t);
  if (sitroom_render_is_chinese (lang))
    return year == known_year ? g_strdup_printf ("%d月%d日", month, day)
                              : g_strdup_printf ("%d年%d月%d日", year, month, day);
  return year == known_year ? g_strdup_printf ("%d %s", day, months[month - 1])
                            : g_strdup_printf ("%d %s %d", day, months[month - 1], year);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws @picture onto @surface of its size; returns how cairo fared. */
static cairo_status_t
draw_picture (cairo_surface_t            *surface,
              const SitroomExportPicture *picture)
{
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

  /* A file has no window behind it: white under whatever the drawing
   * leaves uncovered, rather than transparency that viewers show as a
   * checkerboard. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* A high-density picture is the same drawing at more pixels: the
   * renderers see the size asked for through a scaled context. */
  if (picture->scale > 1)
    cairo_scale (cr, picture->scale, picture->scale);
  picture->draw (cr, picture->width, picture->height, picture->data);

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
               _("cannot draw the export: %s"), cairo_status_to_string (status));
  return FALSE;
}

static GByteArray *
render_png (const SitroomExportPicture  *picture,
            GError                     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;

  /* No alpha: the picture covers the whole file. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, picture->width * MAX (picture->scale, 1),
                                        picture->height * MAX (picture->scale, 1));
  status = draw_picture (surface, picture);
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
render_svg (const SitroomExportPicture  *picture,
            GError                     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *desc = NULL;
  GByteArray *with_text;
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, picture->width * MAX (picture->scale, 1),
                                                 picture->height * MAX (picture->scale, 1));
  /* Pixels, so that the file opens at the size asked for. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  status = draw_picture (surface, picture);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  picture->describe (picture->data, &title, &desc);
  with_text = insert_svg_text (bytes, title, desc);
  if (with_text == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("cannot draw the export: the SVG has no root element"));
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
sitroom_export_write_file (const char    *path,
                           const guint8  *data,
                           gsize          length,
                           GError       **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_atomically (path, data, length, error);
}

gboolean
sitroom_export_write_picture (const SitroomExportPicture  *picture,
                              SitroomExportFormat          format,
                              const char                  *path,
                              GError                     **error)
{
  g_autoptr(GByteArray) bytes = NULL;

  g_return_val_if_fail (picture != NULL, FALSE);
  g_return_val_if_fail (picture->draw != NULL && picture->describe != NULL, FALSE);
  g_return_val_if_fail (picture->width > 0 && picture->height > 0, FALSE);
  g_return_val_if_fail (picture->scale >= 0, FALSE);
  g_return_val_if_fail (format == SITROOM_EXPORT_PNG || format == SITROOM_EXPORT_SVG, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == SITROOM_EXPORT_SVG)
    bytes = render_svg (picture, error);
  else
    bytes = render_png (picture, error);
  if (bytes == NULL)
    return FALSE;

  return write_atomically (path, bytes->data, bytes->len, error);
}
