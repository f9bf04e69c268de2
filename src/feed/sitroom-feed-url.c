/* The feed's URL rules: which sources are feeds, which URLs a request may go to, where the token may be sent, how a server is named. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sitroom-feed-client.h"
#include "sitroom-feed-http-private.h"

gboolean
sitroom_feed_http_is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  g_return_val_if_fail (host != NULL, FALSE);

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
is_https (GUri *uri)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0;
}

static int
uri_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return is_https (uri) ? 443 : 80;
}

char *
sitroom_feed_http_describe_host (GUri *uri)
{
  const char *host;

  g_return_val_if_fail (uri != NULL, NULL);

  host = g_uri_get_host (uri);
  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("[%s]:%d", host, uri_port (uri));
  return g_strdup_printf ("%s:%d", host, uri_port (uri));
}

gboolean
sitroom_feed_http_same_origin (GUri *a,
                               GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0
         && g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0
         && uri_port (a) == uri_port (b);
}

gboolean
sitroom_feed_http_check_target (GUri      *uri,
                                gboolean   allow_insecure,
                                GError   **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autofree char *where = NULL;

  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_BAD_URL,
                   _("a feed URL starts with http:// or https://, not “%s:”"), scheme != NULL ? scheme : "");
      return FALSE;
    }
  if (host == NULL || host[0] == '\0')
    {
      g_set_error_literal (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_BAD_URL,
                           _("the feed URL names no host"));
      return FALSE;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      /* The URL is not repeated: it holds a password. */
      g_set_error_literal (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_BAD_URL,
                           _("a feed URL carries no user name or password: give a token instead"));
      return FALSE;
    }

  if (!is_https (uri) && !allow_insecure && !sitroom_feed_http_is_loopback_host (host))
    {
      where = sitroom_feed_http_describe_host (uri);
      g_set_error (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_INSECURE,
                   _("refusing plain http to %s: anyone on the way could change the numbers. "
                     "Use https, or allow an insecure feed (--allow-insecure)"), where);
      return FALSE;
    }
  return TRUE;
}

GUri *
sitroom_feed_http_parse_base (const char  *base_url,
                              gboolean     allow_insecure,
                              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *scheme = NULL;
  gsize length;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL)
    {
      g_set_error_literal (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_BAD_URL,
                           _("the feed URL is not a valid URL"));
      return NULL;
    }
  if (!sitroom_feed_http_check_target (uri, allow_insecure, error))
    return NULL;
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, SITROOM_FEED_NET_ERROR, SITROOM_FEED_NET_ERROR_BAD_URL,
                           _("a feed URL is a base such as https://feed.example/shanxi, without ?query or #fragment"));
      return NULL;
    }

  path = g_strdup (g_uri_get_path (uri));
  length = strlen (path);
  while (length > 0 && path[length - 1] == '/')
    path[--length] = '\0';
  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);

  return g_uri_build (SOUP_HTTP_URI_FLAGS, scheme, NULL, g_uri_get_host (uri),
                      g_uri_get_port (uri), path, NULL, NULL);
}

GUri *
sitroom_feed_http_endpoint (GUri       *base,
                            const char *suffix)
{
  g_autofree char *path = g_strconcat (g_uri_get_path (base), suffix, NULL);

  return g_uri_build (SOUP_HTTP_URI_FLAGS, g_uri_get_scheme (base), NULL, g_uri_get_host (base),
                      g_uri_get_port (base), path, NULL, NULL);
}

gboolean
sitroom_feed_is_url (const char *source)
{
  const char *scheme;

  if (source == NULL)
    return FALSE;
  scheme = g_uri_peek_scheme (source);
  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

char *
sitroom_feed_normalize_url (const char *base_url)
{
  g_autoptr(GUri) base = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);

  base = sitroom_feed_http_parse_base (base_url, TRUE, NULL);
  if (base == NULL)
    return g_strdup (base_url);
  return g_uri_to_string (base);
}
