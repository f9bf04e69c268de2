/* The map as an export: the renderer's drawing with its legend, scale, title and credits, and its words for an SVG. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-briefing.h"
#include "sitroom-export-private.h"

/* Everything around a map on paper: legend, scale, title and credits. */
#define EXPORT_FURNITURE \
  (SITROOM_MAP_LEGEND | SITROOM_MAP_SCALE | SITROOM_MAP_TITLE | SITROOM_MAP_CREDITS)

/* What one file shows, handed down as sitroom_export_map() settled it. */
typedef struct {
  SitroomView *view;
  SitroomBoundaries *boundaries;
  const SitroomMapOptions *options;
} MapPicture;

/* The title as words, for the SVG's <title>. */
static char *
describe_title (SitroomView             *view,
                const SitroomMapOptions *options)
{
  SitroomSituation *situation = sitroom_view_get_situation (view);
  const char *metric = sitroom_metric_get_title (options->metric, options->lang);
  const char *province = sitroom_render_province_name (situation, options->lang);
  g_autofree char *cutoff = sitroom_briefing_cutoff_phrase (sitroom_view_get_cutoff (view), options->lang);

  if (sitroom_render_is_chinese (options->lang))
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
  gboolean zh = sitroom_render_is_chinese (options->lang);
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

static void
describe_map (gpointer   data,
              char     **title,
              char     **desc)
{
  const MapPicture *picture = data;

  *title = describe_title (picture->view, picture->options);
  *desc = describe_figures (picture->view, picture->boundaries, picture->options);
}

static void
draw_map (cairo_t  *cr,
          int       width,
          int       height,
          gpointer  data)
{
  const MapPicture *picture = data;
  g_autoptr(SitroomMapRenderer) renderer = sitroom_map_renderer_new ();
  SitroomMapOptions with_furniture = *picture->options;
  SitroomMapViewport viewport;

  /* Told beforehand, so that no badge is placed under the legend. */
  with_furniture.furniture = EXPORT_FURNITURE;

  sitroom_map_viewport_fit (picture->boundaries, width, height,
                            SITROOM_EXPORT_MAP_MARGIN (width, height),
                            SITROOM_EXPORT_MAP_MIN_ZOOM, SITROOM_EXPORT_MAP_MAX_ZOOM,
                            &viewport);
  sitroom_map_renderer_set_data (renderer, picture->view, picture->boundaries);
  sitroom_map_renderer_set_options (renderer, &with_furniture);
  sitroom_map_renderer_draw (renderer, cr, &viewport);
  sitroom_map_renderer_draw_furniture (renderer, cr, &viewport, EXPORT_FURNITURE);
}

gboolean
sitroom_export_map (SitroomView              *view,
                    SitroomBoundaries        *boundaries,
                    const SitroomMapOptions  *options,
                    SitroomExportFormat       format,
                    int                       width,
                    int                       height,
                    int                       scale,
                    const char               *path,
                    GError                  **error)
{
  SitroomMapOptions file_options;
  MapPicture map = { view, boundaries, &file_options };
  SitroomExportPicture picture = { draw_map, describe_map, &map, width, height, scale };

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (SITROOM_IS_BOUNDARIES (boundaries), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (scale >= 1, FALSE);
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
  file_options.text_scale = sitroom_export_text_scale (width, height,
                                                       SITROOM_EXPORT_DEFAULT_WIDTH,
                                                       SITROOM_EXPORT_DEFAULT_HEIGHT, 0.5);
  if (file_options.lang == NULL)
    file_options.lang = sitroom_briefing_locale_lang ();

  return sitroom_export_write_picture (&picture, format, path, error);
}
