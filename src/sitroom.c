/* sitroom: the application, and its command-line modes that open no window. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "sitroom-application.h"
#include "sitroom-briefing.h"
#include "sitroom-cli.h"
#include "sitroom-export.h"
#include "sitroom-kiosk-window.h"
#include "sitroom-time.h"
#include "sitroom-token.h"

static const GOptionEntry entries[] = {
  { "feed", 'f', 0, G_OPTION_ARG_STRING, NULL,
    N_("Read the situation from SOURCE (a file, a file:// URL or a feed’s http(s):// base URL; default: the built-in demo)"), N_("SOURCE") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the situation as it stood at TIME (RFC 3339, default: the document’s as_of)"), N_("TIME") },
  { "summary", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print a summary of the situation and exit"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Summary format: text or json (default: text)"), N_("FORMAT") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the summary and the export: zh or en (default: the locale’s)"), N_("LANG") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write FILE and exit, with no window: the briefing pack (.pdf), a picture of a view (.png or .svg) or its figures (.csv)"), N_("FILE") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The view to export: briefing (the whole pack; its first page in a picture; its three tables in a CSV file), map, chains (their timeline), curve (the epidemic curve) or capacity (quarantine beds and their forecast); a PDF holds only the briefing; default: briefing for .pdf and .csv, map for .png and .svg"), N_("VIEW") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Size of a .png or .svg export in pixels (default: 1600x1200 for the map, 1600x900 for chains, curve and capacity, 1240x1754 for the briefing’s first page)"), N_("WIDTHxHEIGHT") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Pixels per pixel of a .png or .svg export: 1, or 2 for high-density screens, twice the width and height drawn the same (default: 1)"), N_("SCALE") },
  { "metric", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What colours the exported map: positives, new-24h, confirmed, asymptomatic, active-chains or occupancy (default: positives)"), N_("METRIC") },
  { "boundaries", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw the region outlines in FILE (GeoJSON, an adcode per feature) instead of the built-in ones"), N_("FILE") },
  { "approval-number", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the map approval number (审图号) TEXT on the exported map or briefing pack"), N_("TEXT") },
  { "grouping", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("How the exported curve stacks each day: by-prefecture or by-chain (default: by-prefecture)"), N_("GROUPING") },
  { "check-feed", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Check the situation document SOURCE, print its problems and exit"), N_("SOURCE") },
  { "token-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Send the feed the bearer token in FILE, which only its owner may read (chmod 600)"), N_("FILE") },
  { "allow-insecure", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Accept a plain http:// feed on another machine (anyone on the way could change the numbers)"), NULL },
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open as a wall display: full screen, large type, the views in rotation (default: the kiosk setting)"), NULL },
  { "rotate", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show each view of the wall display for SECONDS; 0 keeps the first (default: the kiosk-rotate setting, 60)"), N_("SECONDS") },
  { "views", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The views the wall display rotates through, separated by commas: overview, map, chains, curve, capacity, measures (default: the kiosk-views setting, map,chains,curve,capacity)"), N_("VIEWS") },
  { "monitor", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Fill monitor N with the wall display, counting from 0 (default: the kiosk-monitor setting)"), N_("N") },
  { "also", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Also fill monitor MONITOR with VIEW, which does not rotate, such as 1:chains; may be given more than once (default: the kiosk-fixed-views setting)"), N_("MONITOR:VIEW") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static const char *
lookup_string (GVariantDict *options,
               const char   *name)
{
  const char *value = NULL;

  g_variant_dict_lookup (options, name, "&s", &value);
  return value;
}

static const char *
lookup_filename (GVariantDict *options,
                 const char   *name)
{
  const char *value = NULL;

  g_variant_dict_lookup (options, name, "^&ay", &value);
  return value;
}

/* Options that only an export reads: given without --export they would be
 * ignored without a word, which hides a mistyped command. */
static const char *const export_only_options[] = { "view", "size", "scale", "metric", "approval-number", "grouping" };

static int
run_export (GVariantDict            *options,
            const char              *path,
            const char              *lang,
            const SitroomCliNetwork *network)
{
  SitroomCliExport export = {
    .path = path,
    .view = lookup_string (options, "view"),
    .size = lookup_string (options, "size"),
    .metric = lookup_string (options, "metric"),
    .lang = lang,
    .boundaries = lookup_filename (options, "boundaries"),
    .approval_number = lookup_string (options, "approval-number"),
    .grouping = lookup_string (options, "grouping"),
    .scale = lookup_string (options, "scale"),
  };

  return sitroom_cli_export (&export, lookup_string (options, "feed"),
                             lookup_string (options, "as-of"), network);
}

/* Options that only the wall display reads. */
static const char *const kiosk_only_options[] = { "rotate", "views", "monitor", "also" };

static int
refuse_option (const char   *option,
               const GError *error)
{
  g_printerr ("sitroom: --%s: %s\n", option, error->message);
  return SITROOM_EXIT_UNREADABLE;
}

/* The wall display's options, checked before anything opens: a typing
 * mistake in a service file must stop the start with a message, not leave
 * a wall showing something else. */
static int
set_kiosk_options (SitroomApplication *app,
                   GVariantDict       *options)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) views = NULL;
  g_autofree const char **also = NULL;
  const char *text;
  guint rotate;
  int monitor;

  if (!g_variant_dict_contains (options, "kiosk"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kiosk_only_options); i++)
        if (g_variant_dict_contains (options, kiosk_only_options[i]))
          {
            g_printerr (_("sitroom: --%s is used only with --kiosk\n"), kiosk_only_options[i]);
            return SITROOM_EXIT_UNREADABLE;
          }
      return -1;
    }

  if ((text = lookup_string (options, "rotate")) != NULL)
    {
      if (!sitroom_kiosk_parse_rotate (text, &rotate, &error))
        return refuse_option ("rotate", error);
      sitroom_application_set_kiosk_rotate (app, rotate);
    }
  if ((text = lookup_string (options, "views")) != NULL)
    {
      if (!sitroom_kiosk_parse_views (text, &views, &error))
        return refuse_option ("views", error);
      sitroom_application_set_kiosk_views (app, (const char * const *) views);
    }
  if ((text = lookup_string (options, "monitor")) != NULL)
    {
      if (!sitroom_kiosk_parse_monitor (text, &monitor, &error))
        return refuse_option ("monitor", error);
      sitroom_application_set_kiosk_monitor (app, monitor);
    }
  if (g_variant_dict_lookup (options, "also", "^a&s", &also))
    {
      for (guint i = 0; also[i] != NULL; i++)
        {
          g_autofree char *view = NULL;

          if (!sitroom_kiosk_parse_fixed_view (also[i], &monitor, &view, &error))
            return refuse_option ("also", error);
        }
      sitroom_application_set_kiosk_fixed_views (app, also);
    }

  sitroom_application_set_kiosk (app, TRUE);
  return -1;
}

static int
handle_local_options (GApplication *app,
                      GVariantDict *options,
                      gpointer      user_data)
{
  const char *feed = lookup_string (options, "feed");
  const char *as_of = lookup_string (options, "as-of");
  const char *lang = lookup_string (options, "lang");
  const char *check = lookup_string (options, "check-feed");
  const char *export = lookup_filename (options, "export");
  const char *boundaries = lookup_filename (options, "boundaries");
  const char *token_file = NULL;
  SitroomCliNetwork network = { NULL, FALSE };
  gint64 cutoff = SITROOM_TIME_NONE;
  char *token = NULL;
  int offset;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      printf ("sitroom %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (lang == NULL)
    lang = sitroom_briefing_locale_lang ();
  else if (g_strcmp0 (lang, "zh") != 0 && g_strcmp0 (lang, "en") != 0)
    {
      g_printerr (_("sitroom: unknown language “%s”: use zh or en\n"), lang);
      /* An export fails with 1 whatever the reason (sitroom_cli_export()). */
      return export != NULL ? SITROOM_EXIT_EXPORT_FAILED : SITROOM_EXIT_UNREADABLE;
    }

  if (export != NULL && (check != NULL || g_variant_dict_contains (options, "summary")))
    {
      g_printerr (_("sitroom: --export cannot be combined with --summary or --check-feed\n"));
      return SITROOM_EXIT_UNREADABLE;
    }
  for (guint i = 0; export == NULL && i < G_N_ELEMENTS (export_only_options); i++)
    if (g_variant_dict_contains (options, export_only_options[i]))
      {
        g_printerr (_("sitroom: --%s is used only with --export\n"), export_only_options[i]);
        return SITROOM_EXIT_UNREADABLE;
      }

  if (g_variant_dict_contains (options, "kiosk") &&
      (export != NULL || check != NULL || g_variant_dict_contains (options, "summary")))
    {
      g_printerr (_("sitroom: --kiosk cannot be combined with --export, --summary or --check-feed\n"));
      return SITROOM_EXIT_UNREADABLE;
    }
  status = set_kiosk_options (SITROOM_APPLICATION (app), options);
  if (status >= 0)
    return status;

  network.allow_insecure = g_variant_dict_contains (options, "allow-insecure");
  if (g_variant_dict_lookup (options, "token-file", "^&ay", &token_file))
    {
      g_autoptr(GError) error = NULL;

      token = sitroom_token_read_file (token_file, &error);
      if (token == NULL)
        {
          g_printerr ("sitroom: %s\n", error->message);
          return export != NULL ? SITROOM_EXIT_EXPORT_FAILED : SITROOM_EXIT_UNREADABLE;
        }
      network.token = token;
    }

  if (check != NULL || g_variant_dict_contains (options, "summary"))
    {
      if (check != NULL)
        status = sitroom_cli_check_feed (check, lang, &network);
      else
        status = sitroom_cli_summary (feed, as_of, lookup_string (options, "format"), lang, &network);
      sitroom_token_free (token);
      return status;
    }

  if (export != NULL)
    {
      status = run_export (options, export, lang, &network);
      sitroom_token_free (token);
      return status;
    }

  if (as_of != NULL && !sitroom_time_parse (as_of, &cutoff, &offset))
    {
      g_printerr (_("sitroom: --as-of “%s” is not an RFC 3339 time such as 2022-08-20T13:00:00+08:00\n"),
                  as_of);
      sitroom_token_free (token);
      return SITROOM_EXIT_UNREADABLE;
    }

  sitroom_application_set_initial_source (SITROOM_APPLICATION (app), feed, cutoff);
  /* The application keeps its own copy. */
  sitroom_application_set_feed_options (SITROOM_APPLICATION (app), token, network.allow_insecure);
  if (boundaries != NULL)
    sitroom_application_set_boundaries_file (SITROOM_APPLICATION (app), boundaries);
  sitroom_token_free (token);

  /* Go on: register and open the window. */
  return -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SitroomApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Lets a build run from its build tree in any language (tools/setup.sh --run,
   * the widget tests) before anything is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SITROOM_LOCALEDIR") ? g_getenv ("SITROOM_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sitroom_application_new ();
  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (app), NULL);
  g_application_set_option_context_summary (G_APPLICATION (app),
                                            _("Situation room: an epidemic situation at a cutoff, on screen and on the command line."));
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
