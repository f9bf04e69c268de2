/* Hostile documents through the whole reading path: refused quickly, clearly, without a crash. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sitroom-error.h"
#include "sitroom-prescan.h"
#include "sitroom-situation.h"

/* A small valid document, in the shape of the feed format's example. @extra is
 * spliced in as further members of the root object ("" for none), so that tests
 * can add what they need at a known depth. */
#define VALID_HEAD \
  "{\"format\": \"sitroom/1\",\n" \
  " \"as_of\": \"2022-08-20T13:00:00+08:00\",\n" \
  " \"publisher\": {\"zh\": \"山西省卫生健康委员会\", \"en\": \"Shanxi Health Commission\"},\n" \
  " \"regions\": [{\"code\": \"140322\", \"parent\": \"140300\", \"level\": \"county\",\n" \
  "   \"name\": {\"zh\": \"盂县\", \"en\": \"Yu County\"}, \"center\": [113.412, 38.086]}],\n" \
  " \"chains\": [{\"id\": \"0817-z22\", \"label\": \"8·17\",\n" \
  "   \"title\": {\"zh\": \"Z22列车“8·17”关联疫情\", \"en\": \"Train Z22 chain\"},\n" \
  "   \"first_reported\": \"2022-08-17T00:00:00+08:00\",\n" \
  "   \"contacts\": {\"close\": 0, \"secondary\": 0},\n" \
  "   \"events\": [{\"at\": \"2022-08-17T20:00:00+08:00\", \"region\": \"140100\",\n" \
  "     \"kind\": \"quarantine\", \"people\": 78,\n" \
  "     \"text\": {\"zh\": \"78名下车旅客全部集中隔离\", \"en\": \"All 78 put in quarantine\"}}]}],\n" \
  " \"cases\": [{\"id\": \"c-0001\", \"reported_at\": \"2022-08-18T09:00:00+08:00\",\n" \
  "   \"region\": \"140500\", \"chain\": \"0817-z22\", \"classification\": \"mild\",\n" \
  "   \"imported\": true, \"status\": \"hospitalized\"}],\n" \
  " \"quarantine_sites\": [{\"id\": \"ty-01\", \"region\": \"140100\",\n" \
  "   \"kind\": \"centralized\",\n" \
  "   \"name\": {\"zh\": \"太原市第一集中隔离点\", \"en\": \"Taiyuan site 1\"},\n" \
  "   \"capacity\": 600, \"occupied\": 78, \"updated_at\": \"2022-08-20T12:00:00+08:00\"}],\n" \
  " \"measures\": [{\"id\": \"m-yu-static\", \"region\": \"140322\",\n" \
  "   \"kind\": \"static_management\",\n" \
  "   \"from\": \"2022-08-20T12:00:00+08:00\", \"until\": null,\n" \
  "   \"text\": {\"zh\": \"盂县全域静态管理\", \"en\": \"County-wide static management\"}}]"

static char *
valid_document (const char *extra)
{
  return g_strconcat (VALID_HEAD, extra, "}\n", NULL);
}

static GBytes *
bytes_take (char  *data,
            gsize  length)
{
  return g_bytes_new_take (data, length);
}

static GBytes *
bytes_from_string (const char *str)
{
  return g_bytes_new (str, strlen (str));
}

static SitroomSituation *
load (GBytes                    *bytes,
      const SitroomLoadOptions  *options,
      GError                   **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  SitroomSituation *situation;

  situation = sitroom_situation_new_from_bytes (bytes, options, &problems, error);

  /* Whatever happened, the problem list is a list of problems. */
  if (problems != NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          SitroomProblem *problem = g_ptr_array_index (problems, i);

          g_assert_nonnull (problem->path);
          g_assert_nonnull (problem->message);
          g_assert_cmpstr (problem->message, !=, "");
        }
    }

  return situation;
}

/* Refused with @code and a message holding @fragment (NULL for any), in time. */
static void
assert_refused (GBytes                   *bytes,
                const SitroomLoadOptions *options,
                int                       code,
                const char               *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = NULL;

  situation = load (bytes, options, &error);

  g_assert_null (situation);
  g_assert_error (error, SITROOM_FEED_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("refused: %s", error->message);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message “%s” does not say “%s”", error->message, fragment);
}

static void
assert_accepted (GBytes                   *bytes,
                 const SitroomLoadOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = NULL;

  situation = load (bytes, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (situation);
  g_assert_cmpint (sitroom_situation_get_as_of (situation), ==, 1660971600);
}

/* A refused document whose problems include an error at @path. */
static void
assert_invalid_at (GBytes     *bytes,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  gboolean found = FALSE;

  situation = sitroom_situation_new_from_bytes (bytes, NULL, &problems, &error);

  g_assert_null (situation);
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      SitroomProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == SITROOM_PROBLEM_ERROR && g_strcmp0 (problem->path, path) == 0)
        found = TRUE;
    }
  if (!found)
    g_error ("no error at %s among the problems", path);
  /* The message names where the problem is. */
  g_assert_nonnull (strstr (error->message, path));
}

/* @count copies of @unit, and nothing else. */
static GBytes *
repeat (const char *unit,
        gsize       count)
{
  gsize unit_length = strlen (unit);
  char *data = g_malloc (unit_length * count);

  for (gsize i = 0; i < count; i++)
    memcpy (data + i * unit_length, unit, unit_length);

  return bytes_take (data, unit_length * count);
}

/* A valid document with an unknown member nested @depth levels deep in all. */
static GBytes *
document_of_depth (guint depth)
{
  GString *extra = g_string_new (",\n \"x-nested\": ");
  g_autofree char *doc = NULL;

  /* The root object is level 1; the arrays below it make the rest. */
  g_assert (depth >= 2);
  for (guint i = 1; i < depth; i++)
    g_string_append_c (extra, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (extra, ']');

  doc = valid_document (extra->str);
  g_string_free (extra, TRUE);

  return bytes_from_string (doc);
}

static void
test_valid_baseline (void)
{
  g_autofree char *doc = valid_document ("");
  g_autoptr(GBytes) bytes = bytes_from_string (doc);

  /* Every test below changes this document in one way; it must be accepted as it is,
   * or the refusals would prove nothing. */
  assert_accepted (bytes, NULL);
}

static void
test_nesting_bomb_arrays (void)
{
  g_autoptr(GBytes) bytes = repeat ("[", 200 * 1024);

  assert_refused (bytes, NULL, SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 64 levels");
}

static void
test_nesting_bomb_objects (void)
{
  g_autoptr(GBytes) bytes = repeat ("{\"a\":", 200 * 1024 / 5);

  assert_refused (bytes, NULL, SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 64 levels");
}

static void
test_nesting_bomb_closed (void)
{
  gsize n = 100 * 1024;
  char *data = g_malloc (2 * n);
  g_autoptr(GBytes) bytes = NULL;

  /* Balanced, so only the depth is wrong with it. */
  memset (data, '[', n);
  memset (data + n, ']', n);
  bytes = bytes_take (data, 2 * n);

  assert_refused (bytes, NULL, SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 64 levels");
}

static void
test_depth_at_limit (void)
{
  g_autoptr(GBytes) at_limit = document_of_depth (SITROOM_DEFAULT_MAX_DEPTH);
  g_autoptr(GBytes) past_limit = document_of_depth (SITROOM_DEFAULT_MAX_DEPTH + 1);

  /* Exactly 64 levels passes the scan and the parser alike, and the unknown member
   * is ignored; one more is refused. */
  g_assert_true (sitroom_prescan (g_bytes_get_data (at_limit, NULL), g_bytes_get_size (at_limit),
                                  0, 0, NULL));
  assert_accepted (at_limit, NULL);
  assert_refused (past_limit, NULL, SITROOM_FEED_ERROR_TOO_DEEP, "64");
}

static void
test_not_utf8 (void)
{
  static const struct {
    const char *what;
    const char *bytes;
  } cases[] = {
    { "overlong slash", "\xC0\xAF" },
    { "overlong NUL", "\xC0\x80" },
    { "overlong three bytes", "\xE0\x80\xAF" },
    { "overlong four bytes", "\xF0\x80\x80\xAF" },
    { "lone high surrogate", "\xED\xA0\x80" },
    { "lone low surrogate", "\xED\xB0\x80" },
    { "surrogate pair in CESU-8", "\xED\xA0\xBD\xED\xB8\x80" },
    { "byte 0xFF", "\xFF" },
    { "byte 0xFE", "\xFE" },
    { "UTF-16 byte order mark", "\xFF\xFE" },
    { "truncated sequence", "\xE5\xB1" },
    { "truncated four-byte sequence", "\xF0\x9F\x98" },
    { "continuation byte alone", "\x80" },
    { "beyond U+10FFFF", "\xF4\x90\x80\x80" },
    { "Latin-1 text", "Taiyuan \xB7 Shanxi" },
    { "GBK text", "\xC9\xBD\xCE\xF7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *extra = g_strdup_printf (",\n \"x-note\": \"%s\"", cases[i].bytes);
      g_autofree char *doc = valid_document (extra);
      g_autoptr(GBytes) bytes = bytes_from_string (doc);

      g_test_message ("%s", cases[i].what);
      assert_refused (bytes, NULL, SITROOM_FEED_ERROR_NOT_UTF8, "UTF-8");
    }
}

static void
test_truncated_sequence_at_end (void)
{
  g_autofree char *doc = valid_document ("");
  gsize length = strlen (doc);
  char *data = g_malloc (length + 2);
  g_autoptr(GBytes) bytes = NULL;

  /* The last bytes of the file are the start of a character that never comes. */
  memcpy (data, doc, length);
  data[length] = '\xE5';
  data[length + 1] = '\xB1';
  bytes = bytes_take (data, length + 2);

  assert_refused (bytes, NULL, SITROOM_FEED_ERROR_NOT_UTF8, NULL);
}

static void
test_truncated_document (void)
{
  g_autofree char *doc = valid_document ("");
  gsize length = strlen (doc);

  /* Cut in half, and cut at a few other places: inside a string, between members,
   * just before the last brace. */
  static const double fractions[] = { 0.5, 0.1, 0.25, 0.75, 0.9 };

  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      gsize cut = (gsize) (length * fractions[i]);
      g_autoptr(GBytes) bytes = NULL;

      /* A cut inside a character would be a UTF-8 error: move it to a boundary. */
      while (cut > 0 && (doc[cut] & 0xC0) == 0x80)
        cut--;
      bytes = g_bytes_new (doc, cut);
      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cut, length);
      assert_refused (bytes, NULL, SITROOM_FEED_ERROR_NOT_JSON, NULL);
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new (doc, strrchr (doc, '}') - doc);

    assert_refused (bytes, NULL, SITROOM_FEED_ERROR_NOT_JSON, NULL);
  }
}

static void
test_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) spaces = bytes_from_string (" \n\t\r\n    \n");

  assert_refused (empty, NULL, SITROOM_FEED_ERROR_NOT_JSON, "empty");
  assert_refused (spaces, NULL, SITROOM_FEED_ERROR_NOT_JSON, "empty");
}

static void
test_html_error_page (void)
{
  g_autoptr(GBytes) page = bytes_from_string ("<html><body>502 Bad Gateway</body></html>");
  g_autoptr(GBytes) page_with_doctype =
    bytes_from_string ("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
                       "<body><h1>Not Found</h1></body></html>\n");

  assert_refused (page, NULL, SITROOM_FEED_ERROR_NOT_JSON, NULL);
  assert_refused (page_with_doctype, NULL, SITROOM_FEED_ERROR_NOT_JSON, NULL);
}

/* A document of @length bytes that is valid JSON from end to end: the valid document
 * with a long padding string. */
static GBytes *
padded_document (gsize length)
{
  static const char head[] = "{\"x-padding\": \"";
  static const char tail[] =
    "\", \"format\": \"sitroom/1\", \"as_of\": \"2022-08-20T13:00:00+08:00\"}";
  char *data = g_malloc (length);

  g_assert (length > sizeof head + sizeof tail);
  memcpy (data, head, sizeof head - 1);
  memset (data + sizeof head - 1, 'x', length - (sizeof head - 1) - (sizeof tail - 1));
  memcpy (data + length - (sizeof tail - 1), tail, sizeof tail - 1);

  return bytes_take (data, length);
}

static void
test_too_large (void)
{
  gsize length = 65 * 1024 * 1024;
  g_autoptr(GBytes) bytes = padded_document (length);
  g_autoptr(GBytes) poisoned = NULL;
  gint64 start, elapsed;
  char *data;

  /* Refused for its size, without being read: reading 65 MiB would take a large part
   * of a second, parsing it much more. */
  /* The first error message loads translations; that is not the reader's time. */
  sitroom_prescan ("[]", 2, 0, 1, NULL);

  start = g_get_monotonic_time ();
  assert_refused (bytes, NULL, SITROOM_FEED_ERROR_TOO_LARGE, "MiB");
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("refused in %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC / 10);

  /* The same with bytes near the start that any scan would stop at: still too large,
   * so the size was looked at before anything else. */
  data = g_malloc (length);
  memcpy (data, g_bytes_get_data (bytes, NULL), length);
  memcpy (data + 1, "\xFF[[[[", 5);
  poisoned = bytes_take (data, length);
  assert_refused (poisoned, NULL, SITROOM_FEED_ERROR_TOO_LARGE, NULL);
}

static void
test_configured_limits (void)
{
  SitroomLoadOptions depth_8 = { .max_depth = 8 };
  SitroomLoadOptions bytes_1000 = { .max_bytes = 1000 };
  g_autoptr(GBytes) eight = document_of_depth (8);
  g_autoptr(GBytes) nine = document_of_depth (9);
  g_autoptr(GBytes) small = bytes_from_string ("{\"format\": \"sitroom/1\", "
                                               "\"as_of\": \"2022-08-20T13:00:00+08:00\"}");
  g_autoptr(GBytes) exactly_1000 = padded_document (1000);
  g_autoptr(GBytes) over_1000 = padded_document (1001);

  assert_accepted (eight, &depth_8);
  assert_refused (nine, &depth_8, SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 8 levels");
  /* Without the option the same document is fine. */
  assert_accepted (nine, NULL);

  assert_accepted (small, &bytes_1000);
  assert_accepted (exactly_1000, &bytes_1000);
  assert_refused (over_1000, &bytes_1000, SITROOM_FEED_ERROR_TOO_LARGE, "1000 bytes");
  assert_accepted (over_1000, NULL);
}

static void
test_nul_escape_in_id (void)
{
  g_autofree char *doc = valid_document ("");
  g_autofree char *with_nul = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *id = strstr (doc, "\"c-0001\"");

  /* "c-0001" becomes "c-\u00001": an id that C code would read as "c-". */
  g_assert_nonnull (id);
  id[3] = '\0';
  with_nul = g_strconcat (doc, "\\u00001", id + 7, NULL);
  bytes = bytes_from_string (with_nul);

  assert_invalid_at (bytes, "/cases/0/id");
}

static void
test_bad_counts (void)
{
  static const char * const counts[] = {
    "1e999",
    "-1e999",
    /* Zero to JSON, but no writer of whole numbers produces it: it is what printing a
     * small negative figure with no decimals gives, so it hides a sign error. */
    "-0",
    "-1",
    "0.5",
    "1000000001",
    "9223372036854775808",
    "-9223372036854775809",
    "\"600\"",
    "true",
    "null",
    "[600]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *doc = valid_document ("");
      g_autofree char *member = g_strdup_printf ("\"capacity\": %s", counts[i]);
      g_auto(GStrv) parts = g_strsplit (doc, "\"capacity\": 600", 2);
      g_autofree char *bad = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_assert_nonnull (parts[1]);
      bad = g_strconcat (parts[0], member, parts[1], NULL);
      bytes = bytes_from_string (bad);

      g_test_message ("capacity %s", counts[i]);
      assert_invalid_at (bytes, "/quarantine_sites/0/capacity");
    }
}

static void
test_huge_number (void)
{
  /* A count of 100 000 digits. */
  GString *digits = g_string_new ("\"people\": ");
  g_autofree char *doc = valid_document ("");
  g_auto(GStrv) parts = g_strsplit (doc, "\"people\": 78", 2);
  g_autofree char *bad = NULL;
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (digits, '7');
  bad = g_strconcat (parts[0], digits->str, parts[1], NULL);
  g_string_free (digits, TRUE);
  bytes = bytes_from_string (bad);

  assert_invalid_at (bytes, "/chains/0/events/0/people");
}

static void
test_document_is_one_string (void)
{
  gsize length = 10 * 1000 * 1000;
  char *data = g_malloc (length);
  g_autoptr(GBytes) bytes = NULL;

  /* Valid JSON, but a string where a situation (an object) must be. */
  memset (data, 'a', length);
  data[0] = '"';
  data[length - 1] = '"';
  bytes = bytes_take (data, length);

  assert_refused (bytes, NULL, SITROOM_FEED_ERROR_INVALID, NULL);
}

static void
test_long_string_member (void)
{
  gsize length = 10 * 1000 * 1000;
  GString *extra = g_string_sized_new (length + 32);
  g_autofree char *doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) as_id = NULL;
  g_auto(GStrv) parts = NULL;

  /* A 10 MB string of Chinese text and escapes in a member the reader ignores: no
   * limit is broken, so the document stands. */
  g_string_append (extra, ",\n \"x-long\": \"");
  while (extra->len < length)
    g_string_append (extra, "山西省\\\"[{\\\\ ");
  g_string_append (extra, "\"");
  doc = valid_document (extra->str);
  bytes = bytes_from_string (doc);
  assert_accepted (bytes, NULL);

  /* The same string as a case's id: the reader may take it, whole, or refuse it as
   * an invalid id, but never cut it short or misread it. */
  parts = g_strsplit (VALID_HEAD, "\"c-0001\"", 2);
  g_free (doc);
  doc = g_strconcat (parts[0], extra->str + strlen (",\n \"x-long\": "), parts[1], "}", NULL);
  as_id = bytes_from_string (doc);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SitroomSituation) situation = load (as_id, NULL, &error);

    if (situation != NULL)
      {
        const SitroomCase *c;

        g_assert_no_error (error);
        g_assert_cmpuint (sitroom_situation_get_n_cases (situation), ==, 1);
        c = sitroom_situation_get_case (situation, 0);
        g_assert_cmpuint (strlen (c->id), >, length / 2);
        g_assert_true (g_str_has_prefix (c->id, "山西省\"[{\\ "));
      }
    else
      {
        g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "/cases/0/id"));
      }
  }

  g_string_free (extra, TRUE);
}

static void
test_garbage_after_document (void)
{
  g_autofree char *doc = valid_document ("");
  g_autofree char *twice = g_strconcat (doc, doc, NULL);
  g_autofree char *trailing = g_strconcat (doc, "]", NULL);
  g_autoptr(GBytes) bytes_twice = bytes_from_string (twice);
  g_autoptr(GBytes) bytes_trailing = bytes_from_string (trailing);

  assert_refused (bytes_twice, NULL, SITROOM_FEED_ERROR_NOT_JSON, NULL);
  assert_refused (bytes_trailing, NULL, SITROOM_FEED_ERROR_NOT_JSON, NULL);
}

static void
test_raw_nul (void)
{
  g_autofree char *doc = valid_document ("");
  gsize length = strlen (doc);
  char *data = g_memdup2 (doc, length);
  g_autoptr(GBytes) bytes = NULL;

  /* A NUL byte in the middle of the file, inside the id "c-0001". */
  data[strstr (doc, "c-0001") - doc + 2] = '\0';
  bytes = bytes_take (data, length);

  assert_refused (bytes, NULL, SITROOM_FEED_ERROR_NOT_JSON, "NUL");
}

static void
test_escaped_lone_surrogate (void)
{
  g_autofree char *doc = valid_document (",\n \"x-note\": \"\\ud800\"");
  g_autoptr(GBytes) bytes = bytes_from_string (doc);

  assert_refused (bytes, NULL, SITROOM_FEED_ERROR_NOT_JSON, "surrogate");
}

static void
test_bom (void)
{
  g_autofree char *doc = valid_document ("");
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", doc, NULL);
  g_autoptr(GBytes) bytes = bytes_from_string (with_bom);

  /* A byte order mark, as Windows editors write, is not hostile: it is read. */
  assert_accepted (bytes, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/baseline/valid", test_valid_baseline);
  g_test_add_func ("/hostile/nesting/arrays", test_nesting_bomb_arrays);
  g_test_add_func ("/hostile/nesting/objects", test_nesting_bomb_objects);
  g_test_add_func ("/hostile/nesting/closed", test_nesting_bomb_closed);
  g_test_add_func ("/hostile/nesting/at-limit", test_depth_at_limit);
  g_test_add_func ("/hostile/utf8/invalid", test_not_utf8);
  g_test_add_func ("/hostile/utf8/truncated-at-end", test_truncated_sequence_at_end);
  g_test_add_func ("/hostile/utf8/bom", test_bom);
  g_test_add_func ("/hostile/json/truncated", test_truncated_document);
  g_test_add_func ("/hostile/json/empty", test_empty);
  g_test_add_func ("/hostile/json/html", test_html_error_page);
  g_test_add_func ("/hostile/json/trailing", test_garbage_after_document);
  g_test_add_func ("/hostile/json/raw-nul", test_raw_nul);
  g_test_add_func ("/hostile/json/lone-surrogate-escape", test_escaped_lone_surrogate);
  g_test_add_func ("/hostile/size/too-large", test_too_large);
  g_test_add_func ("/hostile/limits/configured", test_configured_limits);
  g_test_add_func ("/hostile/values/nul-in-id", test_nul_escape_in_id);
  g_test_add_func ("/hostile/values/counts", test_bad_counts);
  g_test_add_func ("/hostile/values/huge-number", test_huge_number);
  g_test_add_func ("/hostile/values/document-is-a-string", test_document_is_one_string);
  g_test_add_func ("/hostile/values/long-string", test_long_string_member);

  return g_test_run ();
}
