/* sitroom-feed: the reference feed server, serving and storing situation documents over HTTP. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "sitroom-feed-server.h"
#include "sitroom-token.h"
#include "sitroom-feed-store.h"
#include "sitroom-source.h"

#define DEFAULT_LISTEN "127.0.0.1:8470"
#define DEFAULT_SPEED 3600.0

typedef struct {
  char *db;
  char *listen;
  char *token_file;
  char *import;
  char *replay;
  double speed;
  int keepalive;
  gint64 max_bytes;
  gboolean version;
} Options;

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const SitroomProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = sitroom_problem_to_string (problem);

      g_printerr ("  %s: %s\n",
                  problem->severity == SITROOM_PROBLEM_ERROR ? _("error") : _("warning"), text);
    }
}

static gboolean
import_document (SitroomFeedServer *server,
                 const char        *path,
                 gsize              max_bytes)
{
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  document = sitroom_source_read (path, max_bytes, &error);
  if (document == NULL || !sitroom_feed_server_publish (server, document, &etag, &problems, &error))
    {
      g_printerr (_("sitroom-feed: cannot import %s: %s\n"), path, error->message);
      print_problems (problems);
      return FALSE;
    }
  return TRUE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static int
serve (Options   *options,
       GMainLoop *loop)
{
  g_autoptr(SitroomFeedStore) store = NULL;
  g_autoptr(SitroomFeedServer) server = NULL;
  g_autoptr(GInetSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *base_url = NULL;
  const char *listen = options->listen != NULL ? options->listen : DEFAULT_LISTEN;
  gsize max_bytes = options->max_bytes > 0 ? (gsize) options->max_bytes : SITROOM_FEED_SERVER_DEFAULT_MAX_BYTES;
  address = sitroom_feed_server_parse_address (listen, &error);
  if (address == NULL)
    {
      g_printerr ("sitroom-feed: %s\n", error->message);
      return 2;
    }
  if (!g_inet_address_get_is_loopback (g_inet_socket_address_get_address (address)))
    g_printerr (_("sitroom-feed: warning: listening on %s, not on loopback: the feed and its "
                  "token travel in clear text; put it behind a TLS proxy\n"), listen);

  if (options->token_file != NULL)
    {
      token = sitroom_token_read_file (options->token_file, &error);
      if (token == NULL)
        {
          g_printerr ("sitroom-feed: %s\n", error->message);
          return 1;
        }
    }

  store = sitroom_feed_store_open (options->db, &error);
  if (store == NULL)
    {
      g_printerr ("sitroom-feed: %s\n", error->message);
      return 1;
    }

  server = sitroom_feed_server_new (store, token);
  if (token != NULL)
    memset (token, 0, strlen (token));
  sitroom_feed_server_set_max_bytes (server, max_bytes);
  if (options->keepalive > 0)
    sitroom_feed_server_set_keepalive_interval (server, (guint) options->keepalive);

  if (options->import != NULL && !import_document (server, options->import, max_bytes))
    return 1;

  if (!sitroom_feed_server_listen (server, listen, &error))
    {
      g_printerr ("sitroom-feed: %s\n", error->message);
      return 1;
    }

  /* The first line on standard output is the base URL, for whoever started
   * the server on port 0. */
  base_url = sitroom_feed_server_get_base_url (server);
  printf ("%s\n", base_url);
  fflush (stdout);

  if (options->replay != NULL)
    {
      g_autoptr(GBytes) document = sitroom_source_read (options->replay, max_bytes, &error);

      if (document == NULL || !sitroom_feed_server_replay_start (server, document, options->speed, &error))
        {
          g_printerr (_("sitroom-feed: cannot replay %s: %s\n"), options->replay, error->message);
          return 1;
        }
    }

  if (token == NULL)
    g_message ("Publishing over HTTP is disabled: no --token-file");
  g_main_loop_run (loop);

  g_message ("Shutting down");
  sitroom_feed_server_replay_stop (server);
  sitroom_feed_server_disconnect (server);
  /* Waits for a commit under way in a worker, then checkpoints the WAL. */
  sitroom_feed_store_close (store);
  return 0;
}

static int
run (Options *options)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint term_source;
  guint int_source;
  int status;

  /* From the start: a signal that comes while the store opens still ends the
   * program cleanly, once the loop runs. */
  term_source = g_unix_signal_add (SIGTERM, quit_cb, loop);
  int_source = g_unix_signal_add (SIGINT, quit_cb, loop);
  status = serve (options, loop);
  g_source_remove (term_source);
  g_source_remove (int_source);
  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Options options = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options.db,
      N_("Store publications in the SQLite database FILE (created if missing)"), N_("FILE") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &options.listen,
      N_("Listen on ADDRESS:PORT (default: 127.0.0.1:8470; port 0 picks a free one)"), N_("ADDRESS") },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &options.token_file,
      N_("Accept publications (PUT) with the bearer token in FILE, readable by its owner only"), N_("FILE") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &options.import,
      N_("Publish the situation document DOC at start"), N_("DOC") },
    { "replay", 0, 0, G_OPTION_ARG_FILENAME, &options.replay,
      N_("Publish DOC’s story step by step, as it happened"), N_("DOC") },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &options.speed,
      N_("Replay at N times real speed (default: 3600, an hour a second)"), N_("N") },
    { "keepalive", 0, 0, G_OPTION_ARG_INT, &options.keepalive,
      N_("Send a keep-alive comment on event streams every SECONDS (default: 15)"), N_("SECONDS") },
    { "max-bytes", 0, 0, G_OPTION_ARG_INT64, &options.max_bytes,
      N_("Refuse documents larger than BYTES (default: 64 MiB)"), N_("BYTES") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SITROOM_LOCALEDIR") ? g_getenv ("SITROOM_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  options.speed = DEFAULT_SPEED;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Serve situation documents (feed format 1) over HTTP."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("sitroom-feed: %s\n", error->message);
      return 2;
    }

  if (options.version)
    {
      printf ("sitroom-feed %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (options.db == NULL)
    {
      g_printerr (_("sitroom-feed: --db FILE is required (the SQLite database of publications)\n"));
      return 2;
    }
  if (options.speed <= 0)
    {
      g_printerr (_("sitroom-feed: --speed must be greater than 0\n"));
      return 2;
    }
  if (options.keepalive < 0)
    {
      g_printerr (_("sitroom-feed: --keepalive must be a number of seconds\n"));
      return 2;
    }

  status = run (&options);

  g_free (options.db);
  g_free (options.listen);
  g_free (options.token_file);
  g_free (options.import);
  g_free (options.replay);
  return status;
}
