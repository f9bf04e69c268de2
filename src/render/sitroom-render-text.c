/* The text every renderer and export draws: layouts in our font at a size in pixels, their size, shown in a colour; and the words of a time in China Standard Time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-briefing.h"
#include "sitroom-chart-style.h"
#include "sitroom-render-text.h"
#include "sitroom-time.h"

static const char *const month_abbreviations[12] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

gboolean
sitroom_render_is_chinese (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "zh");
}

gboolean
sitroom_render_set_str (char       **copy,
                        const char  *text)
{
  g_return_val_if_fail (copy != NULL, FALSE);

  if (g_strcmp0 (*copy, text) == 0)
    return FALSE;
  g_free (*copy);
  *copy = g_strdup (text);
  return TRUE;
}

void
sitroom_render_text_update (PangoContext **pango,
                            cairo_t       *cr,
                            const char    *lang)
{
  g_return_if_fail (pango != NULL);

  if (*pango == NULL)
    *pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_language (*pango, pango_language_from_string (sitroom_render_is_chinese (lang) ? "zh-cn" : "en"));
  if (cr != NULL)
    pango_cairo_update_context (cr, *pango);
}

PangoLayout *
sitroom_render_new_layout (PangoContext *pango,
                           double        pixels,
                           gboolean      bold,
                           const char   *text)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SITROOM_RENDER_FONT);
  PangoLayout *layout;

  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  layout = pango_layout_new (pango);
  pango_font_description_set_absolute_size (font, pixels * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
sitroom_render_layout_size (PangoLayout *layout,
                            double      *width,
                            double      *height)
{
  PangoRectangle logical = { 0 };

  if (layout != NULL)
    pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

double
sitroom_render_layout_height (PangoLayout *layout)
{
  double height;

  sitroom_render_layout_size (layout, NULL, &height);
  return height;
}

void
sitroom_render_show (cairo_t            *cr,
                     PangoLayout        *layout,
                     const SitroomColor *color,
                     double              x,
                     double              y)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (color != NULL);

  sitroom_chart_set_color (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

GDateTime *
sitroom_render_cst_time (gint64 utc)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (SITROOM_CST_OFFSET);
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (utc);

  return t != NULL ? g_date_time_to_timezone (t, tz) : NULL;
}

const char *
sitroom_render_month_abbreviation (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return month_abbreviations[month - 1];
}

char *
sitroom_render_cutoff_words (gint64      cutoff,
                             const char *lang)
{
  if (sitroom_render_is_chinese (lang))
    {
      g_autoptr(GDateTime) t = sitroom_render_cst_time (cutoff);
      g_autofree char *minutes = NULL;

      if (t == NULL)
        return g_strdup ("—");
      minutes = g_date_time_get_minute (t) != 0 ? g_strdup_printf ("%d分", g_date_time_get_minute (t))
                                                 : g_strdup ("");
      return g_strdup_printf ("截至%d年%d月%d日%d时%s", g_date_time_get_year (t), g_date_time_get_month (t),
                              g_date_time_get_day_of_month (t), g_date_time_get_hour (t), minutes);
    }
  else
    {
      g_autofree char *phrase = sitroom_briefing_cutoff_phrase (cutoff, "en");

      /* "As of …" starts a sentence in the briefing; here it follows a dot. */
      phrase[0] = g_ascii_tolower (phrase[0]);
      return g_strdup_printf ("%s (CST)", phrase);
    }
}

const char *
sitroom_render_province_name (SitroomSituation *situation,
                              const char       *lang)
{
  g_return_val_if_fail (SITROOM_IS_SITUATION (situation), "");

  for (guint i = 0; i < sitroom_situation_get_n_regions (situation); i++)
    {
      const SitroomRegion *region = sitroom_situation_get_region (situation, i);

      if (region->level == SITROOM_LEVEL_PROVINCE && !region->from_feed)
        return sitroom_text_get (&region->name, lang);
    }
  return "";
}
