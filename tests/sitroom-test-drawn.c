/* Helpers the render and export tests share: which characters a drawing drew, and what its pixels hold. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <gio/gio.h>

#include "sitroom-test-drawn.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Not strstr(): a PDF holds binary streams with NULs in them. */
static const char *
find_bytes (const char *data,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  g_assert (data != NULL && end != NULL && needle != NULL);
  for (; data + n <= end; data++)
    if (memcmp (data, needle, n) == 0)
      return data;
  return NULL;
}

/* Every Flate stream of @pdf inflated, one after another. A stream that
 * does not inflate (a picture's, say) is passed over; a font's ToUnicode
 * map is far smaller than the buffer. */
static GString *
inflate_streams (const GByteArray *pdf)
{
  GString *text = g_string_new (NULL);
  const char *data = (const char *) pdf->data;
  const char *end = data + pdf->len;

  while ((data = find_bytes (data, end, "stream\n")) != NULL)
    {
      g_autoptr(GConverter) inflate = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      char out[65536];
      gsize read = 0, written = 0;

      data += strlen ("stream\n");
      if (g_converter_convert (inflate, data, end - data, out, sizeof out, G_CONVERTER_INPUT_AT_END,
                               &read, &written, NULL) != G_CONVERTER_ERROR)
        g_string_append_len (text, out, written);
    }
  return text;
}

GString *
sitroom_test_drawn_text (SitroomTestDraw draw,
                         gpointer        data,
                         double          width,
                         double          height)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (draw != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, width, height);
  cr = cairo_create (surface);
  draw (cr, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return inflate_streams (pdf);
}

/* A ToUnicode map pairs each glyph's number with its character, as
 * "<0012> <786e>" for 确. The character is looked for with what comes
 * before it, "> <786e>", because its code alone could be taken for a
 * glyph's number: a drawing with many glyphs numbers them past "<0059>",
 * and "<0059>" alone would say that Y was drawn where it never was. */
gboolean
sitroom_test_drew (const GString *text,
                   const char    *word)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  for (const char *c = word; *c != '\0'; c = g_utf8_next_char (c))
    {
      g_autofree char *code = g_strdup_printf ("> <%04x>", g_utf8_get_char (c));

      if (find_bytes (text->str, text->str + text->len, code) == NULL)
        return FALSE;
    }
  return TRUE;
}

void
sitroom_test_drawn_assert_languages (const GString      *zh,
                                     const GString      *en,
                                     const char * const *zh_words,
                                     const char         *en_letters)
{
  g_return_if_fail (zh != NULL && en != NULL && zh_words != NULL && en_letters != NULL);

  /* An empty drawing would pass every "not drawn" below. */
  g_assert_cmpuint (zh->len, >, 0);
  g_assert_cmpuint (en->len, >, 0);
  for (guint i = 0; zh_words[i] != NULL; i++)
    {
      g_test_message ("zh only: %s", zh_words[i]);
      g_assert_true (sitroom_test_drew (zh, zh_words[i]));
      g_assert_false (sitroom_test_drew (en, zh_words[i]));
    }
  g_test_message ("en only: %s", en_letters);
  g_assert_true (sitroom_test_drew (en, en_letters));
  g_assert_false (sitroom_test_drew (zh, en_letters));
}

static guint32
rgb_at (cairo_surface_t *surface,
        int              x,
        int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert (x >= 0 && x < cairo_image_surface_get_width (surface));
  g_assert (y >= 0 && y < cairo_image_surface_get_height (surface));
  return ((const guint32 *) (data + y * stride))[x] & 0xffffff;
}

cairo_surface_t *
sitroom_test_drawn_load_png (const char *path)
{
  cairo_surface_t *surface;

  g_return_val_if_fail (path != NULL, NULL);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

guint
sitroom_test_drawn_count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int width, height;

  g_return_val_if_fail (surface != NULL, 0);

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      g_hash_table_add (colours, GUINT_TO_POINTER (rgb_at (surface, x, y) + 1));
  return g_hash_table_size (colours);
}

guint
sitroom_test_drawn_count_pixels_of (cairo_surface_t *surface,
                                    guint32          colour)
{
  int width, height;
  guint n = 0;

  g_return_val_if_fail (surface != NULL, 0);

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n += rgb_at (surface, x, y) == colour;
  return n;
}

gboolean
sitroom_test_drawn_same_pixels (cairo_surface_t *a,
                                cairo_surface_t *b)
{
  int width, height;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  width = cairo_image_surface_get_width (a);
  height = cairo_image_surface_get_height (a);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (rgb_at (a, x, y) != rgb_at (b, x, y))
        return FALSE;
  return TRUE;
}
