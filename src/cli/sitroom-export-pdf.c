/* The briefing pack as an export: its first page as a picture, with the headline paragraph as words for an SVG. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-briefing.h"
#include "sitroom-export-private.h"

typedef struct {
  SitroomPack *pack;
  SitroomView *view;
  const char *lang;
} PagePicture;

static void
draw_page (cairo_t  *cr,
           int       width,
           int       height,
           gpointer  data)
{
  const PagePicture *picture = data;

  sitroom_pack_draw_page (picture->pack, 0, cr, width, height);
}

/* The pack's title, and the headline paragraph the page's tables give in
 * figures. */
static void
describe_page (gpointer   data,
               char     **title,
               char     **desc)
{
  const PagePicture *picture = data;

  *title = sitroom_pack_get_title (picture->pack);
  *desc = sitroom_briefing_headline (picture->view, picture->lang);
}

gboolean
sitroom_export_briefing_page (SitroomPack          *pack,
                              SitroomExportFormat   format,
                              int                   width,
                              int                   height,
                              int                   scale,
                              const char           *path,
                              GError              **error)
{
  PagePicture page = { pack, NULL, NULL };
  SitroomExportPicture picture = { draw_page, describe_page, &page, width, height, scale };

  g_return_val_if_fail (pack != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (scale >= 1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  page.view = sitroom_pack_get_view (pack);
  page.lang = sitroom_pack_get_lang (pack);
  return sitroom_export_write_picture (&picture, format, path, error);
}
