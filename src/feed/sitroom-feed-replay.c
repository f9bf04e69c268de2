/* A document's story as successive documents, for sitroom-feed --replay and the live demo. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitroom-error.h"
#include "sitroom-feed-replay.h"
#include "sitroom-json-reader.h"
#include "sitroom-situation.h"
#include "sitroom-time.h"
#include "sitroom-types.h"

/* Each step is a whole document kept in memory until it is published: a long
 * story is thinned to this many steps, evenly, always keeping the last. */
#define MAX_STEPS 1000

/* The steps are cut out of the original bytes with the core's JSON reader:
 * the items kept are copied exactly as written, and nothing is parsed twice
 * in two different ways. */

typedef struct {
  gsize start;
  gsize end;
} Span;

typedef struct {
  Span   span;
  gint64 at;        /* the time that decides whether it is shown, or SITROOM_TIME_NONE */
  char  *ref;       /* the id it names: a case's chain, a site's own id, a
                     * cohort's site; or NULL */
} Item;

typedef struct {
  char   *name;
  Span    span;     /* "name": value */
} Member;

typedef struct {
  char   *id;
  gint64  first_reported;
  GArray *members;  /* Member, in document order */
  GArray *events;   /* Item */
} Chain;

typedef struct {
  const char *data;
  GArray *members;  /* the top-level Members */
  int     as_of_offset;
  gint64  as_of;
  GArray *cases;    /* Item */
  GArray *sites;    /* Item */
  GArray *cohorts;  /* Item */
  GArray *measures; /* Item */
  GPtrArray *chains;
} Story;

void
sitroom_replay_step_free (SitroomReplayStep *step)
{
  if (step == NULL)
    return;
  g_clear_pointer (&step->bytes, g_bytes_unref);
  g_free (step);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->ref);
}

static void
member_clear (gpointer data)
{
  Member *member = data;

  g_free (member->name);
}

static GArray *
item_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (array, item_clear);
  return array;
}

static GArray *
member_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (Member));

  g_array_set_clear_func (array, member_clear);
  return array;
}

static void
chain_free (gpointer data)
{
  Chain *chain = data;

  g_free (chain->id);
  g_clear_pointer (&chain->members, g_array_unref);
  g_clear_pointer (&chain->events, g_array_unref);
  g_free (chain);
}

static void
story_clear (Story *story)
{
  g_clear_pointer (&story->members, g_array_unref);
  g_clear_pointer (&story->cases, g_array_unref);
  g_clear_pointer (&story->sites, g_array_unref);
  g_clear_pointer (&story->cohorts, g_array_unref);
  g_clear_pointer (&story->measures, g_array_unref);
  g_clear_pointer (&story->chains, g_ptr_array_unref);
}

/* The end of the token the reader stands on. */
static gsize
token_end (SitroomJsonReader *reader)
{
  gsize length;

  sitroom_json_reader_get_raw (reader, &length);
  return sitroom_json_reader_get_offset (reader) + length;
}

static char *
dup_string (SitroomJsonReader *reader)
{
  const char *str;
  gsize length;

  str = sitroom_json_reader_get_string (reader, &length);
  return g_strndup (str, length);
}

/* Reads the value after a KEY: a time string, or SITROOM_TIME_NONE for
 * anything else (null). The document was validated, so a string is a time. */
static gboolean
read_time (SitroomJsonReader *reader,
           gint64            *out)
{
  g_autofree char *str = NULL;
  int offset;

  *out = SITROOM_TIME_NONE;
  switch (sitroom_json_reader_next (reader))
    {
    case SITROOM_JSON_STRING:
      str = dup_string (reader);
      if (!sitroom_time_parse (str, out, &offset))
        *out = SITROOM_TIME_NONE;
      return TRUE;
    case SITROOM_JSON_ERROR:
      return FALSE;
    default:
      return sitroom_json_reader_skip (reader);
    }
}

static gboolean
fail_shape (GError    **error,
            const char *what)
{
  g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID,
               _("Cannot replay the document: %s is not as expected"), what);
  return FALSE;
}

/* Reads the value after a KEY as a string, or skips whatever else it is. */
static gboolean
read_string_or_skip (SitroomJsonReader *reader,
                     char             **out)
{
  switch (sitroom_json_reader_next (reader))
    {
    case SITROOM_JSON_STRING:
      g_free (*out);
      *out = dup_string (reader);
      return TRUE;
    case SITROOM_JSON_ERROR:
      return FALSE;
    default:
      return sitroom_json_reader_skip (reader);
    }
}

/* Reads the objects of an array whose BEGIN_ARRAY was just returned; for each
 * the member @time_member gives its time and @ref_member (if not NULL) the id
 * it names. */
static gboolean
read_items (SitroomJsonReader *reader,
            const char        *time_member,
            const char        *ref_member,
            GArray            *items,
            GError           **error)
{
  SitroomJsonToken token;

  while ((token = sitroom_json_reader_next (reader)) == SITROOM_JSON_BEGIN_OBJECT)
    {
      Item item = { { sitroom_json_reader_get_offset (reader), 0 }, SITROOM_TIME_NONE, NULL };
      gboolean ok = TRUE;

      while (ok && (token = sitroom_json_reader_next (reader)) == SITROOM_JSON_KEY)
        {
          g_autofree char *key = dup_string (reader);

          if (g_str_equal (key, time_member))
            ok = read_time (reader, &item.at);
          else if (ref_member != NULL && g_str_equal (key, ref_member))
            ok = read_string_or_skip (reader, &item.ref);
          else
            ok = sitroom_json_reader_skip (reader);
        }
      if (!ok || token != SITROOM_JSON_END_OBJECT)
        {
          g_free (item.ref);
          return fail_shape (error, time_member);
        }
      item.span.end = token_end (reader);
      g_array_append_val (items, item);
    }

  if (token != SITROOM_JSON_END_ARRAY)
    return fail_shape (error, time_member);
  return TRUE;
}

static gboolean
read_chain (SitroomJsonReader *reader,
            Chain             *chain,
            GError           **error)
{
  SitroomJsonToken token;

  while ((token = sitroom_json_reader_next (reader)) == SITROOM_JSON_KEY)
    {
      g_autofree char *name = dup_string (reader);
      Member member = { NULL, { sitroom_json_reader_get_offset (reader), 0 } };
      gboolean ok;

      if (g_str_equal (name, "events"))
        {
          if (sitroom_json_reader_next (reader) != SITROOM_JSON_BEGIN_ARRAY)
            return fail_shape (error, "events");
          if (!read_items (reader, "at", NULL, chain->events, error))
            return FALSE;
          ok = TRUE;
        }
      else if (g_str_equal (name, "first_reported"))
        ok = read_time (reader, &chain->first_reported);
      else if (g_str_equal (name, "id"))
        ok = read_string_or_skip (reader, &chain->id);
      else
        ok = sitroom_json_reader_skip (reader);

      if (!ok)
        return fail_shape (error, "chains");
      member.name = g_steal_pointer (&name);
      member.span.end = token_end (reader);
      g_array_append_val (chain->members, member);
    }

  if (token != SITROOM_JSON_END_OBJECT || chain->id == NULL)
    return fail_shape (error, "chains");
  return TRUE;
}

static gboolean
read_chains (SitroomJsonReader *reader,
             GPtrArray         *chains,
             GError           **error)
{
  SitroomJsonToken token;

  while ((token = sitroom_json_reader_next (reader)) == SITROOM_JSON_BEGIN_OBJECT)
    {
      Chain *chain = g_new0 (Chain, 1);

      chain->first_reported = SITROOM_TIME_NONE;
      chain->members = member_array_new ();
      chain->events = item_array_new ();
      g_ptr_array_add (chains, chain);
      if (!read_chain (reader, chain, error))
        return FALSE;
    }
  if (token != SITROOM_JSON_END_ARRAY)
    return fail_shape (error, "chains");
  return TRUE;
}

static gboolean
read_story (GBytes  *document,
            Story   *story,
            GError **error)
{
  g_autoptr(SitroomJsonReader) reader = NULL;
  SitroomJsonToken token;
  gsize size;

  story->data = g_bytes_get_data (document, &size);
  story->members = member_array_new ();
  story->cases = item_array_new ();
  story->sites = item_array_new ();
  story->cohorts = item_array_new ();
  story->measures = item_array_new ();
  story->chains = g_ptr_array_new_with_free_func (chain_free);

  reader = sitroom_json_reader_new (story->data, size, 0);
  if (sitroom_json_reader_next (reader) != SITROOM_JSON_BEGIN_OBJECT)
    {
      g_set_error_literal (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID,
                           _("Cannot replay the document: it is not a JSON object"));
      return FALSE;
    }

  while ((token = sitroom_json_reader_next (reader)) == SITROOM_JSON_KEY)
    {
      g_autofree char *name = dup_string (reader);
      Member member = { NULL, { sitroom_json_reader_get_offset (reader), 0 } };
      GArray *items = NULL;
      const char *time_member = NULL;
      const char *ref_member = NULL;

      if (g_str_equal (name, "cases"))
        items = story->cases, time_member = "reported_at", ref_member = "chain";
      else if (g_str_equal (name, "quarantine_sites"))
        items = story->sites, time_member = "updated_at", ref_member = "id";
      else if (g_str_equal (name, "quarantine_cohorts"))
        items = story->cohorts, time_member = "entered_at", ref_member = "site";
      else if (g_str_equal (name, "measures"))
        items = story->measures, time_member = "from";

      if (items != NULL || g_str_equal (name, "chains"))
        {
          if (sitroom_json_reader_next (reader) != SITROOM_JSON_BEGIN_ARRAY)
            return fail_shape (error, name);
          if (items != NULL
              ? !read_items (reader, time_member, ref_member, items, error)
              : !read_chains (reader, story->chains, error))
            return FALSE;
        }
      else if (!sitroom_json_reader_skip (reader))
        return fail_shape (error, name);

      member.name = g_steal_pointer (&name);
      member.span.end = token_end (reader);
      g_array_append_val (story->members, member);
    }

  if (token != SITROOM_JSON_END_OBJECT)
    {
      g_set_error_literal (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID,
                           _("Cannot replay the document: it is not a JSON object"));
      return FALSE;
    }
  return TRUE;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The distinct times of cases and events before the document's as_of. */
static GArray *
collect_times (Story *story)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint kept = 0;

  for (guint i = 0; i < story->cases->len; i++)
    g_array_append_val (times, g_array_index (story->cases, Item, i).at);
  for (guint i = 0; i < story->chains->len; i++)
    {
      Chain *chain = g_ptr_array_index (story->chains, i);

      for (guint j = 0; j < chain->events->len; j++)
        g_array_append_val (times, g_array_index (chain->events, Item, j).at);
    }

  g_array_sort (times, compare_times);
  for (guint i = 0; i < times->len; i++)
    {
      gint64 t = g_array_index (times, gint64, i);

      if (t == SITROOM_TIME_NONE || t >= story->as_of)
        continue;
      if (kept > 0 && g_array_index (times, gint64, kept - 1) == t)
        continue;
      g_array_index (times, gint64, kept++) = t;
    }
  g_array_set_size (times, kept);

  if (times->len >= MAX_STEPS)
    {
      /* Room for the last step, the document itself. */
      guint n = MAX_STEPS - 1;
      GArray *thinned = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

      for (guint i = 1; i <= n; i++)
        g_array_append_val (thinned, g_array_index (times, gint64, (gsize) i * times->len / n - 1));
      g_array_unref (times);
      times = thinned;
    }

  return times;
}

static void
append_span (GString    *out,
             const char *data,
             Span        span)
{
  g_string_append_len (out, data + span.start, span.end - span.start);
}

/* Appends the items of @items shown at @t, as a JSON array: with @only,
 * those whose ref it holds. The refs of the items appended go into @used. */
static void
append_items (GString    *out,
              const char *data,
              GArray     *items,
              gint64      t,
              gboolean    keep_untimed,
              GHashTable *only,
              GHashTable *used)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->at == SITROOM_TIME_NONE ? !keep_untimed : item->at > t)
        continue;
      if (only != NULL && (item->ref == NULL || !g_hash_table_contains (only, item->ref)))
        continue;
      if (!first)
        g_string_append (out, ",\n    ");
      first = FALSE;
      append_span (out, data, item->span);
      if (used != NULL && item->ref != NULL)
        g_hash_table_add (used, item->ref);
    }
  g_string_append_c (out, ']');
}

static gboolean
chain_has_events_by (Chain *chain,
                     gint64 t)
{
  for (guint i = 0; i < chain->events->len; i++)
    if (g_array_index (chain->events, Item, i).at <= t)
      return TRUE;
  return FALSE;
}

static void
append_chain (GString    *out,
              const char *data,
              Chain      *chain,
              gint64      t)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < chain->members->len; i++)
    {
      Member *member = &g_array_index (chain->members, Member, i);

      /* Contact figures are totals at the document's as_of, with no time of
       * their own: an earlier step does not know them yet. */
      if (g_str_equal (member->name, "contacts"))
        continue;
      if (g_str_equal (member->name, "first_reported") && chain->first_reported > t)
        continue;

      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      if (g_str_equal (member->name, "events"))
        {
          g_string_append (out, "\"events\": ");
          append_items (out, data, chain->events, t, FALSE, NULL, NULL);
        }
      else
        append_span (out, data, member->span);
    }
  g_string_append_c (out, '}');
}

static GBytes *
build_step (Story *story,
            gint64 t)
{
  g_autoptr(GHashTable) chains_used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) cases = g_string_new (NULL);
  g_autoptr(GHashTable) sites_used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) sites = g_string_new (NULL);
  GString *out = g_string_new ("{\n  ");
  gboolean first = TRUE;

  /* Cases first: they decide which chains have content. */
  append_items (cases, story->data, story->cases, t, FALSE, NULL, chains_used);
  /* Sites before cohorts: a cohort is shown only with its site, which is
   * left out until its figures' update time. */
  append_items (sites, story->data, story->sites, t, TRUE, NULL, sites_used);

  for (guint i = 0; i < story->members->len; i++)
    {
      Member *member = &g_array_index (story->members, Member, i);

      if (!first)
        g_string_append (out, ",\n  ");
      first = FALSE;

      if (g_str_equal (member->name, "as_of"))
        {
          g_autofree char *as_of = sitroom_time_format (t, story->as_of_offset);

          g_string_append_printf (out, "\"as_of\": \"%s\"", as_of);
        }
      else if (g_str_equal (member->name, "cases"))
        {
          g_string_append (out, "\"cases\": ");
          g_string_append_len (out, cases->str, cases->len);
        }
      else if (g_str_equal (member->name, "quarantine_sites"))
        {
          g_string_append (out, "\"quarantine_sites\": ");
          g_string_append_len (out, sites->str, sites->len);
        }
      else if (g_str_equal (member->name, "quarantine_cohorts"))
        {
          g_string_append (out, "\"quarantine_cohorts\": ");
          append_items (out, story->data, story->cohorts, t, FALSE, sites_used, NULL);
        }
      else if (g_str_equal (member->name, "measures"))
        {
          g_string_append (out, "\"measures\": ");
          append_items (out, story->data, story->measures, t, FALSE, NULL, NULL);
        }
      else if (g_str_equal (member->name, "chains"))
        {
          gboolean first_chain = TRUE;

          g_string_append (out, "\"chains\": [");
          for (guint j = 0; j < story->chains->len; j++)
            {
              Chain *chain = g_ptr_array_index (story->chains, j);

              if (!(chain->first_reported != SITROOM_TIME_NONE && chain->first_reported <= t)
                  && !chain_has_events_by (chain, t)
                  && !g_hash_table_contains (chains_used, chain->id))
                continue;
              if (!first_chain)
                g_string_append (out, ",\n    ");
              first_chain = FALSE;
              append_chain (out, story->data, chain, t);
            }
          g_string_append_c (out, ']');
        }
      else
        append_span (out, story->data, member->span);
    }
  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}

static gboolean
check_step (GBytes     *bytes,
            gint64      t,
            int         offset,
            GError    **error)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *when = NULL;

  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &local_error);
  if (situation != NULL)
    return TRUE;

  when = sitroom_time_format (t, offset);
  g_set_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID,
               _("Cannot replay the document: its step at %s is not valid: %s"),
               when, local_error->message);
  return FALSE;
}

GPtrArray *
sitroom_feed_replay_build_steps (GBytes  *document,
                                 GError **error)
{
  g_autoptr(SitroomSituation) situation = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GArray) times = NULL;
  Story story = { 0 };
  SitroomReplayStep *last;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  situation = sitroom_situation_new_from_bytes (document, NULL, NULL, error);
  if (situation == NULL)
    return NULL;

  story.as_of = sitroom_situation_get_as_of (situation);
  story.as_of_offset = sitroom_situation_get_as_of_offset (situation);
  if (!read_story (document, &story, error))
    {
      story_clear (&story);
      return NULL;
    }

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sitroom_replay_step_free);
  times = collect_times (&story);
  for (guint i = 0; i < times->len; i++)
    {
      SitroomReplayStep *step = g_new0 (SitroomReplayStep, 1);

      step->at = g_array_index (times, gint64, i);
      step->bytes = build_step (&story, step->at);
      g_ptr_array_add (steps, step);
      if (!check_step (step->bytes, step->at, story.as_of_offset, error))
        {
          story_clear (&story);
          return NULL;
        }
    }
  story_clear (&story);

  /* The last step is the document as it was given, byte for byte. */
  last = g_new0 (SitroomReplayStep, 1);
  last->at = sitroom_situation_get_as_of (situation);
  last->bytes = g_bytes_ref (document);
  g_ptr_array_add (steps, last);

  return g_steal_pointer (&steps);
}
