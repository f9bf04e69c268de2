/* The command-line modes: a summary of a document at a cutoff, and a check of a document. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "sitroom-briefing.h"
#include "sitroom-cli-private.h"
#include "sitroom-error.h"
#include "sitroom-feed-client.h"
#include "sitroom-source.h"
#include "sitroom-summary.h"
#include "sitroom-time.h"
#include "sitroom-token.h"

/* Output goes out as UTF-8 bytes whatever the locale's charset: it is read by
 * programs (JSON) and by people with UTF-8 terminals. */
static void
print_out (const char *text)
{
  fputs (text, stdout);
}

void
sitroom_cli_print_err (const char *format,
                       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fputs ("sitroom: ", stderr);
  fputs (text, stderr);
  fputs ("\n", stderr);
}

static int
exit_for_error (const GError *error)
{
  if (g_error_matches (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE))
    return SITROOM_EXIT_UNREADABLE;
  return SITROOM_EXIT_REFUSED;
}

/* Reads @source with the token given, or else the one the keyring holds for
 * a feed URL. A keyring that cannot be reached means no token: most feeds
 * need none to be read. */
static SitroomSituation *
load_source (const char               *source,
             const SitroomLoadOptions *options,
             const SitroomCliNetwork  *network,
             GPtrArray               **problems,
             GError                  **error)
{
  SitroomSourceNetwork source_network = { NULL, FALSE };
  char *stored = NULL;
  SitroomSituation *situation;

  if (network != NULL)
    {
      source_network.token = network->token;
      source_network.allow_insecure = network->allow_insecure;
    }
  if (source_network.token == NULL && sitroom_feed_is_url (source))
    {
      g_autoptr(GError) keyring_error = NULL;

      stored = sitroom_token_lookup_sync (source, NULL, &keyring_error);
      if (keyring_error != NULL)
        g_debug ("No token from the keyring: %s", keyring_error->message);
      source_network.token = stored;
    }

  situation = sitroom_source_load_full (source, options, &source_network, problems, error);
  sitroom_token_free (stored);
  return situation;
}

int
sitroom_cli_load_view (const char              *feed,
                       const char              *as_of,
                       const char              *lang,
                       const SitroomCliNetwork *network,
                       SitroomView            **view,
                       int                     *offset)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GError) error = NULL;
  SitroomLoadOptions options = { .lang = lang };
  gint64 cutoff;

  g_return_val_if_fail (view != NULL && offset != NULL, SITROOM_EXIT_UNREADABLE);

  situation = load_source (feed, &options, network, NULL, &error);
  if (situation == NULL)
    {
      if (g_error_matches (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE))
        sitroom_cli_print_err ("%s", error->message);
      else
        sitroom_cli_print_err (_("feed refused: %s"), error->message);
      return exit_for_error (error);
    }

  cutoff = sitroom_situation_get_as_of (situation);
  *offset = sitroom_situation_get_as_of_offset (situation);
  if (as_of != NULL)
    {
      g_autofree char *document_as_of = NULL;

      if (!sitroom_time_parse (as_of, &cutoff, offset))
        {
          sitroom_cli_print_err (_("--as-of “%s” is not an RFC 3339 time such as 2022-08-20T13:00:00+08:00"), as_of);
          return SITROOM_EXIT_UNREADABLE;
        }
      document_as_of = sitroom_time_format (sitroom_situation_get_as_of (situation),
                                            sitroom_situation_get_as_of_offset (situation));
      if (cutoff > sitroom_situation_get_as_of (situation))
        {
          sitroom_cli_print_err (_("--as-of %s is after the document’s as_of %s: nothing is known past it"),
                                 as_of, document_as_of);
          return SITROOM_EXIT_UNREADABLE;
        }
    }

  *view = sitroom_view_new (situation, cutoff, -1, -1);
  return SITROOM_EXIT_OK;
}

int
sitroom_cli_summary (const char              *feed,
                     const char              *as_of,
                     const char              *format,
                     const char              *lang,
                     const SitroomCliNetwork *network)
{
  g_autoptr(SitroomView) view = NULL;
  g_autofree char *text = NULL;
  int offset;
  int status;

  if (format == NULL)
    format = "text";
  if (g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0)
    {
      sitroom_cli_print_err (_("unknown format “%s”: use text or json"), format);
      return SITROOM_EXIT_UNREADABLE;
    }

  status = sitroom_cli_load_view (feed, as_of, lang, network, &view, &offset);
  if (status != SITROOM_EXIT_OK)
    return status;

  if (g_strcmp0 (format, "json") == 0)
    text = sitroom_summary_to_json (view, offset, TRUE);
  else
    text = sitroom_briefing_text (view, lang);

  print_out (text);
  print_out ("\n");
  return SITROOM_EXIT_OK;
}

static char *
count_warnings (guint n_warnings)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings), n_warnings);
}

int
sitroom_cli_check_feed (const char              *source,
                        const char              *lang,
                        const SitroomCliNetwork *network)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  SitroomLoadOptions options = { .lang = lang };
  guint n_errors = 0;
  guint n_warnings = 0;

  g_return_val_if_fail (source != NULL, SITROOM_EXIT_UNREADABLE);

  situation = load_source (source, &options, network, &problems, &error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const SitroomProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = sitroom_problem_to_string (problem);
      g_autofree char *out = NULL;

      if (problem->severity == SITROOM_PROBLEM_ERROR)
        {
          n_errors++;
          out = g_strdup_printf (_("error: %s\n"), line);
        }
      else
        {
          n_warnings++;
          out = g_strdup_printf (_("warning: %s\n"), line);
        }
      print_out (out);
    }

  if (situation == NULL)
    {
      g_autofree char *errors = NULL;
      g_autofree char *warnings = NULL;
      g_autofree char *out = NULL;

      if (g_error_matches (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_UNREADABLE))
        {
          sitroom_cli_print_err ("%s", error->message);
          return SITROOM_EXIT_UNREADABLE;
        }

      /* Errors found before any member was read (size, encoding, syntax) come
       * as the error alone. */
      if (n_errors == 0)
        {
          out = g_strdup_printf (_("error: %s\n"), error->message);
          print_out (out);
          n_errors = 1;
        }

      errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
      warnings = count_warnings (n_warnings);
      g_clear_pointer (&out, g_free);
      /* TRANSLATORS: the verdict on a refused document: "refused: 2 errors, 1 warning" */
      out = g_strdup_printf (_("refused: %s, %s\n"), errors, warnings);
      print_out (out);
      return SITROOM_EXIT_REFUSED;
    }

  {
    g_autofree char *warnings = count_warnings (n_warnings);
    /* TRANSLATORS: the verdict on an accepted document: "valid: 1 warning" */
    g_autofree char *out = g_strdup_printf (_("valid: %s\n"), warnings);

    print_out (out);
  }
  return SITROOM_EXIT_OK;
}
