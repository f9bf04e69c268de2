/* --export: what was asked for checked, the situation read, and the map, the chains, the curve or capacity written. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sitroom-cli-private.h"
#include "sitroom-error.h"
#include "sitroom-export.h"

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

gboolean
sitroom_export_view_from_string (const char        *text,
                                 SitroomExportView *view)
{
  static const char *const names[] = {
    [SITROOM_EXPORT_VIEW_MAP] = "map",
    [SITROOM_EXPORT_VIEW_CHAINS] = "chains",
    [SITROOM_EXPORT_VIEW_CURVE] = "curve",
    [SITROOM_EXPORT_VIEW_CAPACITY] = "capacity",
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

/* Refuses what another view than @view would read: given in vain it would
 * be ignored without a word, which hides a mistyped command. */
static gboolean
check_view_options (const SitroomCliExport *export,
                    SitroomExportView       view)
{
  const struct {
    const char *option;
    const char *value;
  } map_only[] = {
    { "metric", export->metric },
    { "boundaries", export->boundaries },
    { "approval-number", export->approval_number },
  };

  if (view != SITROOM_EXPORT_VIEW_MAP)
    for (guint i = 0; i < G_N_ELEMENTS (map_only); i++)
      if (map_only[i].value != NULL)
        {
          sitroom_cli_print_err (_("--%s is used only with --view map"), map_only[i].option);
          return FALSE;
        }
  if (view != SITROOM_EXPORT_VIEW_CURVE && export->grouping != NULL)
    {
      sitroom_cli_print_err (_("--%s is used only with --view curve"), "grouping");
      return FALSE;
    }
  return TRUE;
}

/* The map's own arguments, checked before the feed is read. */
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
  SitroomExportView which = SITROOM_EXPORT_VIEW_MAP;
  SitroomCurveGrouping grouping = SITROOM_CURVE_BY_PREFECTURE;
  SitroomMapOptions options = { 0 };
  SitroomExportFormat format;
  int width, height;
  gboolean written;
  int offset;
  int status;

  g_return_val_if_fail (export != NULL, SITROOM_EXIT_UNREADABLE);
  g_return_val_if_fail (export->path != NULL, SITROOM_EXIT_UNREADABLE);

  display = g_filename_display_name (export->path);

  /* Every argument is checked before the feed is read: a mistake costs
   * nothing, even with a slow feed. */
  if (export->view != NULL && !sitroom_export_view_from_string (export->view, &which))
    {
      /* TRANSLATORS: the names after "use" are what --view accepts: do not translate them */
      sitroom_cli_print_err (_("unknown view “%s”: use map, chains, curve or capacity"), export->view);
      return SITROOM_EXIT_UNREADABLE;
    }
  if (!check_view_options (export, which))
    return SITROOM_EXIT_UNREADABLE;

  if (!sitroom_export_format_from_path (export->path, &format))
    {
      sitroom_cli_print_err (_("cannot export to “%s”: the file name must end in .png or .svg"), display);
      return SITROOM_EXIT_UNREADABLE;
    }

  width = which == SITROOM_EXPORT_VIEW_MAP ? SITROOM_EXPORT_DEFAULT_WIDTH : SITROOM_EXPORT_CHART_DEFAULT_WIDTH;
  height = which == SITROOM_EXPORT_VIEW_MAP ? SITROOM_EXPORT_DEFAULT_HEIGHT : SITROOM_EXPORT_CHART_DEFAULT_HEIGHT;
  if (export->size != NULL && !sitroom_export_parse_size (export->size, &width, &height))
    {
      sitroom_cli_print_err (_("--size “%s” is not WIDTHxHEIGHT in pixels, each from %d to %d, such as 1920x1080"),
                             export->size, SITROOM_EXPORT_MIN_SIZE, SITROOM_EXPORT_MAX_SIZE);
      return SITROOM_EXIT_UNREADABLE;
    }

  if (export->grouping != NULL && !sitroom_export_grouping_from_string (export->grouping, &grouping))
    {
      /* TRANSLATORS: the names after "use" are what --grouping accepts: do not translate them */
      sitroom_cli_print_err (_("unknown grouping “%s”: use by-prefecture or by-chain"), export->grouping);
      return SITROOM_EXIT_UNREADABLE;
    }

  if (which == SITROOM_EXPORT_VIEW_MAP)
    {
      status = prepare_map (export, &options, &boundaries);
      if (status != SITROOM_EXIT_OK)
        return status;
    }

  status = sitroom_cli_load_view (feed, as_of, export->lang, network, &view, &offset);
  if (status != SITROOM_EXIT_OK)
    return status;

  switch (which)
    {
    case SITROOM_EXPORT_VIEW_CHAINS:
      written = sitroom_export_chains (view, export->lang, format, width, height, export->path, &error);
      break;
    case SITROOM_EXPORT_VIEW_CURVE:
      written = sitroom_export_curve (view, grouping, export->lang, format, width, height, export->path, &error);
      break;
    case SITROOM_EXPORT_VIEW_CAPACITY:
      written = sitroom_export_capacity (view, export->lang, format, width, height, export->path, &error);
      break;
    case SITROOM_EXPORT_VIEW_MAP:
    default:
      options.lang = export->lang;
      if (export->approval_number != NULL && *export->approval_number != '\0')
        options.approval_number = export->approval_number;
      written = sitroom_export_map (view, boundaries, &options, format, width, height, export->path, &error);
      break;
    }
  if (!written)
    {
      sitroom_cli_print_err ("%s", error->message);
      return SITROOM_EXIT_UNREADABLE;
    }
  return SITROOM_EXIT_OK;
}
