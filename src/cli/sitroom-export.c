/* --export: what was asked for checked, the situation read, and the briefing pack, the map, the chains, the curve, capacity or their figures written. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sitroom-briefing.h"
#include "sitroom-cli-private.h"
#include "sitroom-error.h"
#include "sitroom-export.h"
#include "sitroom-feed-client.h"
#include "sitroom-render-text.h"

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
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = SITROOM_EXPORT_PDF;
  else if (g_ascii_strcasecmp (dot, ".csv") == 0)
    *format = SITROOM_EXPORT_CSV;
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

gboolean
sitroom_export_view_from_string (const char        *text,
                                 SitroomExportView *view)
{
  static const char *const names[] = {
    [SITROOM_EXPORT_VIEW_MAP] = "map",
    [SITROOM_EXPORT_VIEW_CHAINS] = "chains",
    [SITROOM_EXPORT_VIEW_CURVE] = "curve",
    [SITROOM_EXPORT_VIEW_CAPACITY] = "capacity",
    [SITROOM_EXPORT_VIEW_BRIEFING] = "briefing",
  };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (text, names[i]) == 0)
      {
        *view = (SitroomExportView) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sitroom_export_grouping_from_string (const char           *text,
                                     SitroomCurveGrouping *grouping)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (grouping != NULL, FALSE);

  if (strcmp (text, "by-prefecture") == 0)
    *grouping = SITROOM_CURVE_BY_PREFECTURE;
  else if (strcmp (text, "by-chain") == 0)
    *grouping = SITROOM_CURVE_BY_CHAIN;
  else
    return FALSE;
  return TRUE;
}

static const char *
view_name (SitroomExportView view)
{
  static const char *const names[] = {
    [SITROOM_EXPORT_VIEW_MAP] = "map",
    [SITROOM_EXPORT_VIEW_CHAINS] = "chains",
    [SITROOM_EXPORT_VIEW_CURVE] = "curve",
    [SITROOM_EXPORT_VIEW_CAPACITY] = "capacity",
    [SITROOM_EXPORT_VIEW_BRIEFING] = "briefing",
  };

  return names[view];
}

static gboolean
is_picture (SitroomExportFormat format)
{
  return format == SITROOM_EXPORT_PNG || format == SITROOM_EXPORT_SVG;
}

/* Refuses what nothing would read with @view in @format: given in vain it
 * would be ignored without a word, which hides a mistyped command. */
static gboolean
check_view_options (const SitroomCliExport *export,
                    SitroomExportView       view,
                    SitroomExportFormat     format)
{
  const struct {
    const char *option;
    const char *value;
    gboolean briefing;          /* the pack's map page reads it too */
  } map_only[] = {
    { "metric", export->metric, FALSE },
    { "boundaries", export->boundaries, TRUE },
    { "approval-number", export->approval_number, TRUE },
  };
  const struct {
    const char *option;
    const char *value;
  } picture_only[] = {
    { "size", export->size },
    { "scale", export->scale },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map_only); i++)
    {
      if (map_only[i].value == NULL)
        continue;
      if (map_only[i].briefing && view != SITROOM_EXPORT_VIEW_MAP && view != SITROOM_EXPORT_VIEW_BRIEFING)
        {
          sitroom_cli_print_err (_("--%s is used only with --view map or briefing"), map_only[i].option);
          return FALSE;
        }
      if (!map_only[i].briefing && view != SITROOM_EXPORT_VIEW_MAP)
        {
          sitroom_cli_print_err (_("--%s is used only with --view map"), map_only[i].option);
          return FALSE;
        }
      if (format == SITROOM_EXPORT_CSV)
        {
          sitroom_cli_print_err (_("--%s is not used in a CSV file, which holds figures and no map"),
                                 map_only[i].option);
          return FALSE;
        }
    }
  if (view != SITROOM_EXPORT_VIEW_CURVE && export->grouping != NULL)
    {
      sitroom_cli_print_err (_("--%s is used only with --view curve"), "grouping");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (picture_only); i++)
    if (picture_only[i].value != NULL && !is_picture (format))
      {
        sitroom_cli_print_err (_("--%s is used only with a .png or .svg file"), picture_only[i].option);
        return FALSE;
      }
  return TRUE;
}

/* The outlines and, for the map, its metric: checked before the feed is
 * read. */
static int
prepare_map (const SitroomCliExport  *export,
             SitroomMapOptions       *options,
             SitroomBoundaries      **boundaries)
{
  g_autoptr(GError) error = NULL;

  options->metric = SITROOM_METRIC_POSITIVES;
  if (export->metric != NULL && !sitroom_metric_from_string (export->metric, &options->metric))
    {
      /* TRANSLATORS: the names after "use" are what --metric accepts: do not translate them */
      sitroom_cli_print_err (_("unknown metric “%s”: use positives, new-24h, confirmed, asymptomatic, active-chains or occupancy"),
                             export->metric);
      return SITROOM_EXIT_UNREADABLE;
    }

  if (export->boundaries == NULL)
    {
      *boundaries = g_object_ref (sitroom_boundaries_get_builtin ());
      return SITROOM_EXIT_OK;
    }

  *boundaries = sitroom_boundaries_new_from_file (export->boundaries, &error);
  if (*boundaries != NULL)
    return SITROOM_EXIT_OK;
  /* As for a feed: a file that cannot be read, or one that is wrong. */
  if (g_error_matches (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE))
    {
      sitroom_cli_print_err ("%s", error->message);
      return SITROOM_EXIT_UNREADABLE;
    }
  sitroom_cli_print_err (_("boundary file refused: %s"), error->message);
  return SITROOM_EXIT_REFUSED;
}

/* The pack's footer names where its figures came from: the demo, a file
 * by its name (a path on this machine means nothing on paper), a feed by
 * its URL. */
static char *
source_words (const char *feed,
              const char *lang)
{
  g_autofree char *path = NULL;

  if (feed == NULL)
    return g_strdup (sitroom_render_is_chinese (lang) ? "内置演示数据" : "Built-in demo");
  if (sitroom_feed_is_url (feed))
    return g_strdup (feed);
  path = g_str_has_prefix (feed, "file://") ? g_filename_from_uri (feed, NULL, NULL) : NULL;
  return g_filename_display_basename (path != NULL ? path : feed);
}

/* The pack of @view: its whole as a PDF, or its first page as a picture. */
static gboolean
write_briefing (const SitroomCliExport  *export,
                SitroomView             *view,
                SitroomBoundaries       *boundaries,
                const char              *feed,
                SitroomExportFormat      format,
                int                      width,
                int                      height,
                int                      scale,
                GError                 **error)
{
  g_autoptr(SitroomPack) pack = NULL;
  g_autofree char *source = NULL;
  SitroomPackOptions options = { 0 };

  options.lang = export->lang != NULL ? export->lang : sitroom_briefing_locale_lang ();
  if (export->approval_number != NULL && *export->approval_number != '\0')
    options.approval_number = export->approval_number;
  source = source_words (feed, options.lang);
  options.source = source;
  options.generated_at = g_get_real_time () / G_USEC_PER_SEC;
  pack = sitroom_pack_new (view, boundaries, &options);

  if (format == SITROOM_EXPORT_PDF)
    return sitroom_pack_write_pdf (pack, export->path, error);
  return sitroom_export_briefing_page (pack, format, width, height, scale, export->path, error);
}

/* Every argument that needs no feed, checked before it is read: a mistake
 * costs nothing, even with a slow feed. Sets what was asked for. */
static int
check_arguments (const SitroomCliExport *export,
                 SitroomExportFormat    *format,
                 SitroomExportView      *which,
                 SitroomCurveGrouping   *grouping,
                 int                    *width,
                 int                    *height,
                 int                    *scale)
{
  g_autofree char *display = g_filename_display_name (export->path);

  if (!sitroom_export_format_from_path (export->path, format))
    {
      sitroom_cli_print_err (_("cannot export to “%s”: the file name must end in .pdf, .csv, .png or .svg"), display);
      return SITROOM_EXIT_UNREADABLE;
    }

  /* A pack or a table of figures unless a picture is asked for. */
  *which = is_picture (*format) ? SITROOM_EXPORT_VIEW_MAP : SITROOM_EXPORT_VIEW_BRIEFING;
  if (export->view != NULL && !sitroom_export_view_from_string (export->view, which))
    {
      /* TRANSLATORS: the names after "use" are what --view accepts: do not translate them */
      sitroom_cli_print_err (_("unknown view “%s”: use map, chains, curve or capacity, or briefing for the whole pack"),
                             export->view);
      return SITROOM_EXIT_UNREADABLE;
    }
  if (*format == SITROOM_EXPORT_PDF && *which != SITROOM_EXPORT_VIEW_BRIEFING)
    {
      /* TRANSLATORS: the first %s is a view's name (map, chains…), the last the same name */
      sitroom_cli_print_err (_("cannot export --view %s to “%s”: a PDF holds the whole briefing pack; use --view briefing, or a .png or .svg file for the %s alone"),
                             view_name (*which), display, view_name (*which));
      return SITROOM_EXIT_UNREADABLE;
    }
  if (!check_view_options (export, *which, *format))
    return SITROOM_EXIT_UNREADABLE;

  switch (*which)
    {
    case SITROOM_EXPORT_VIEW_MAP:
      *width = SITROOM_EXPORT_DEFAULT_WIDTH;
      *height = SITROOM_EXPORT_DEFAULT_HEIGHT;
      break;
    case SITROOM_EXPORT_VIEW_BRIEFING:
      *width = SITROOM_EXPORT_PAGE_DEFAULT_WIDTH;
      *height = SITROOM_EXPORT_PAGE_DEFAULT_HEIGHT;
      break;
    case SITROOM_EXPORT_VIEW_CHAINS:
    case SITROOM_EXPORT_VIEW_CURVE:
    case SITROOM_EXPORT_VIEW_CAPACITY:
    default:
      *width = SITROOM_EXPORT_CHART_DEFAULT_WIDTH;
      *height = SITROOM_EXPORT_CHART_DEFAULT_HEIGHT;
      break;
    }
  if (export->size != NULL && !sitroom_export_parse_size (export->size, width, height))
    {
      sitroom_cli_print_err (_("--size “%s” is not WIDTHxHEIGHT in pixels, each from %d to %d, such as 1920x1080"),
                             export->size, SITROOM_EXPORT_MIN_SIZE, SITROOM_EXPORT_MAX_SIZE);
      return SITROOM_EXIT_UNREADABLE;
    }

  *scale = 1;
  if (export->scale != NULL)
    {
      if (g_strcmp0 (export->scale, "1") != 0 && g_strcmp0 (export->scale, "2") != 0)
        {
          sitroom_cli_print_err (_("--scale “%s”: use 1, or 2 for high-density screens"), export->scale);
          return SITROOM_EXIT_UNREADABLE;
        }
      *scale = export->scale[0] - '0';
    }

  *grouping = SITROOM_CURVE_BY_PREFECTURE;
  if (export->grouping != NULL && !sitroom_export_grouping_from_string (export->grouping, grouping))
    {
      /* TRANSLATORS: the names after "use" are what --grouping accepts: do not translate them */
      sitroom_cli_print_err (_("unknown grouping “%s”: use by-prefecture or by-chain"), export->grouping);
      return SITROOM_EXIT_UNREADABLE;
    }
  return SITROOM_EXIT_OK;
}

static int
export_file (const SitroomCliExport  *export,
             const char              *feed,
             const char              *as_of,
             const SitroomCliNetwork *network)
{
  g_autoptr(SitroomBoundaries) boundaries = NULL;
  g_autoptr(SitroomView) view = NULL;
  g_autoptr(GError) error = NULL;
  SitroomExportView which;
  SitroomCurveGrouping grouping;
  SitroomMapOptions options = { 0 };
  SitroomExportFormat format;
  int width, height, scale;
  gboolean written;
  int offset;
  int status;

  g_return_val_if_fail (export != NULL, SITROOM_EXIT_UNREADABLE);
  g_return_val_if_fail (export->path != NULL, SITROOM_EXIT_UNREADABLE);

  status = check_arguments (export, &format, &which, &grouping, &width, &height, &scale);
  if (status != SITROOM_EXIT_OK)
    return status;

  if (format != SITROOM_EXPORT_CSV && (which == SITROOM_EXPORT_VIEW_MAP || which == SITROOM_EXPORT_VIEW_BRIEFING))
    {
      status = prepare_map (export, &options, &boundaries);
      if (status != SITROOM_EXIT_OK)
        return status;
    }

  status = sitroom_cli_load_view (feed, as_of, export->lang, network, &view, &offset);
  if (status != SITROOM_EXIT_OK)
    return status;

  if (format == SITROOM_EXPORT_CSV)
    written = sitroom_export_csv (view, which, grouping, export->path, &error);
  else if (which == SITROOM_EXPORT_VIEW_BRIEFING)
    written = write_briefing (export, view, boundaries, feed, format, width, height, scale, &error);
  else if (which == SITROOM_EXPORT_VIEW_CHAINS)
    written = sitroom_export_chains (view, export->lang, format, width, height, scale, export->path, &error);
  else if (which == SITROOM_EXPORT_VIEW_CURVE)
    written = sitroom_export_curve (view, grouping, export->lang, format, width, height, scale,
                                           export->path, &error);
  else if (which == SITROOM_EXPORT_VIEW_CAPACITY)
    written = sitroom_export_capacity (view, export->lang, format, width, height, scale, export->path, &error);
  else
    {
      options.lang = export->lang;
      if (export->approval_number != NULL && *export->approval_number != '\0')
        options.approval_number = export->approval_number;
      written = sitroom_export_map (view, boundaries, &options, format, width, height, scale,
                                           export->path, &error);
    }
  if (!written)
    {
      sitroom_cli_print_err ("%s", error->message);
      return SITROOM_EXIT_UNREADABLE;
    }
  return SITROOM_EXIT_OK;
}

int
sitroom_cli_export (const SitroomCliExport  *export,
                    const char              *feed,
                    const char              *as_of,
                    const SitroomCliNetwork *network)
{
  g_return_val_if_fail (export != NULL, SITROOM_EXIT_EXPORT_FAILED);

  return export_file (export, feed, as_of, network) == SITROOM_EXIT_OK ? SITROOM_EXIT_OK
                                                                         : SITROOM_EXIT_EXPORT_FAILED;
}
