/* Tests of the scan of raw bytes: each limit at and past its boundary, strings, UTF-8, the BOM. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sitroom-error.h"
#include "sitroom-prescan.h"

static gboolean
scan (const char  *data,
      guint        max_depth,
      gsize        max_bytes,
      GError     **error)
{
  return sitroom_prescan (data, strlen (data), max_depth, max_bytes, error);
}

static void
assert_passes (const char *data,
               guint       max_depth)
{
  g_autoptr(GError) error = NULL;

  if (!scan (data, max_depth, 0, &error))
    g_error ("“%s” was refused: %s", data, error->message);
}

/* Refused with @code, and a message that holds @fragment (NULL for any); a @length
 * of -1 is the length of the string. */
static void
assert_refused (const char *data,
                gssize      length,
                guint       max_depth,
                gsize       max_bytes,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sitroom_prescan (data, length < 0 ? strlen (data) : (gsize) length,
                                   max_depth, max_bytes, &error));
  g_assert_error (error, SITROOM_FEED_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message “%s” does not say “%s”", error->message, fragment);
}

/* @open copies of @open_str, then @close copies of @close_str. */
static char *
nest (const char *open_str,
      guint       open,
      const char *inner,
      const char *close_str,
      guint       close)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < open; i++)
    g_string_append (s, open_str);
  g_string_append (s, inner);
  for (guint i = 0; i < close; i++)
    g_string_append (s, close_str);

  return g_string_free (s, FALSE);
}

static void
test_valid_documents (void)
{
  assert_passes ("{}", 0);
  assert_passes ("[]", 0);
  assert_passes ("  \n\t{\"format\": \"sitroom/1\", \"cases\": [1, 2, {\"a\": [true]}]}\r\n", 0);
  assert_passes ("\"just a string\"", 0);
  assert_passes ("42", 0);
  assert_passes ("-1", 0);
  assert_passes ("true", 0);
  assert_passes ("null", 0);
  /* Chinese text, four-byte characters and the largest code point. */
  assert_passes ("{\"zh\": \"山西省卫生健康委员会\", \"x\": \"😷\", \"max\": \"\xF4\x8F\xBF\xBF\"}", 0);
}

static void
test_depth_limit (void)
{
  g_autofree char *at_default = nest ("[", 64, "", "]", 64);
  g_autofree char *past_default = nest ("[", 65, "", "]", 65);
  g_autofree char *objects_at = nest ("{\"a\":", 64, "1", "}", 64);
  g_autofree char *objects_past = nest ("{\"a\":", 65, "1", "}", 65);
  g_autofree char *at_eight = nest ("[", 8, "", "]", 8);
  g_autofree char *past_eight = nest ("[", 9, "", "]", 9);
  g_autofree char *mixed_at = nest ("[{\"k\":", 4, "0", "}]", 4);
  g_autofree char *mixed_past = nest ("[{\"k\":", 4, "[]", "}]", 4);
  g_autoptr(GError) error = NULL;

  /* 0 means the default of 64. */
  assert_passes (at_default, 0);
  assert_passes (at_default, SITROOM_DEFAULT_MAX_DEPTH);
  assert_passes (objects_at, 0);
  assert_refused (past_default, -1, 0, 0,
                  SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 64 levels");
  assert_refused (objects_past, -1, 0, 0,
                  SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 64 levels");

  assert_passes (at_eight, 8);
  assert_refused (past_eight, -1, 8, 0,
                  SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 8 levels");
  assert_passes (mixed_at, 8);
  assert_refused (mixed_past, -1, 8, 0,
                  SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 8 levels");

  /* Depth is what is open at once, not how many brackets there are. */
  assert_passes ("[[[]],[[]],[[]],[[]]]", 3);
  assert_refused ("[[[]],[[[]]]]", -1, 3, 0, SITROOM_FEED_ERROR_TOO_DEEP, NULL);
  assert_passes ("[]", 1);
  assert_refused ("[[]]", -1, 1, 0, SITROOM_FEED_ERROR_TOO_DEEP, "deeper than 1 level (");

  /* The message names the byte of the bracket one level too deep: the 65th, at 64. */
  g_assert_false (scan (past_default, 0, 0, &error));
  g_assert_cmpstr (error->message, ==, "the document is nested deeper than 64 levels (at byte 64)");
}

static void
test_brackets_in_strings (void)
{
  g_autofree char *string_of_brackets = nest ("", 0, "\"", "[{", 1000);
  g_autofree char *deep_in_string = NULL;

  /* Brackets inside strings do not count, however many. */
  deep_in_string = g_strconcat ("[", string_of_brackets, "\"]", NULL);
  assert_passes (deep_in_string, 2);
  assert_passes ("{\"a]}\": \"}}}]]]\", \"b\": \"[[[{{{\"}", 1);

  /* An escaped quote does not end the string, so the brackets after it stay inside. */
  assert_passes ("[\"say \\\"[[[\\\" twice\"]", 1);
  assert_passes ("[\"\\\"{{{{\\\"\"]", 1);
  /* An escaped backslash does end in the string, and the quote after it closes it. */
  assert_passes ("[\"back\\\\\", [\"x\"]]", 2);
  assert_refused ("[\"back\\\\\", [\"x\"]]", -1, 1, 0, SITROOM_FEED_ERROR_TOO_DEEP, NULL);
  /* Other escapes, including \u, are single characters to skip over. */
  assert_passes ("[\"\\u005B\\n\\t\\/\\b\\f\\r\"]", 1);
  /* A quote escaped near the end of an eight-byte block, read eight at a time. */
  assert_passes ("[\"1234567\\\"[[[[[[[[[[[[\"]", 1);
  assert_passes ("[\"123456\\\\\",[\"\"]]", 2);
  assert_refused ("[\"123456\\\\\",[\"\"]]", -1, 1, 0, SITROOM_FEED_ERROR_TOO_DEEP, NULL);
}

/* A valid document of exactly @length bytes: an array of one string. */
static char *
make_document (gsize length)
{
  char *doc = g_malloc (length);

  g_assert (length >= 4);
  memset (doc, 'x', length);
  doc[0] = '[';
  doc[1] = '"';
  doc[length - 2] = '"';
  doc[length - 1] = ']';

  return doc;
}

static void
test_size_limit (void)
{
  g_autofree char *doc_1000 = make_document (1000);
  g_autofree char *doc_1001 = make_document (1001);
  g_autoptr(GError) error = NULL;

  g_assert_true (sitroom_prescan (doc_1000, 1000, 0, 1000, NULL));
  g_assert_true (sitroom_prescan (doc_1001, 1001, 0, 1001, NULL));
  assert_refused (doc_1001, 1001, 0, 1000, SITROOM_FEED_ERROR_TOO_LARGE, NULL);

  /* The message gives both sizes. */
  g_assert_false (sitroom_prescan (doc_1001, 1001, 0, 1000, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "1001 bytes"));
  g_assert_nonnull (strstr (error->message, "limit of 1000 bytes"));
}

static void
test_size_checked_first (void)
{
  /* Over the limit, a document is refused for its size whatever else is wrong with
   * it: not UTF-8, too deep, or empty. */
  assert_refused ("\xFF\xFF\xFF\xFF", -1, 0, 3, SITROOM_FEED_ERROR_TOO_LARGE, NULL);
  assert_refused ("[[[[", -1, 1, 3, SITROOM_FEED_ERROR_TOO_LARGE, NULL);
  assert_refused ("    ", -1, 0, 3, SITROOM_FEED_ERROR_TOO_LARGE, NULL);
}

static void
test_size_default (void)
{
  gsize length = SITROOM_DEFAULT_MAX_BYTES + 1;
  char *doc = g_malloc (length);
  g_autoptr(GError) error = NULL;
  gint64 start, refusal_time, scan_time;

  /* A valid document one byte over 64 MiB, and the same cut to exactly 64 MiB. */
  memset (doc, ' ', length);
  doc[0] = '[';
  doc[length - 2] = ']';
  doc[length - 1] = ']';

  /* The first error message loads translations; that is not the scan's time. */
  g_assert_false (sitroom_prescan (doc, 4, 0, 3, NULL));

  start = g_get_monotonic_time ();
  g_assert_false (sitroom_prescan (doc, length, 0, 0, &error));
  refusal_time = g_get_monotonic_time () - start;
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_LARGE);
  g_clear_error (&error);

  start = g_get_monotonic_time ();
  g_assert_true (sitroom_prescan (doc, length - 1, 0, 0, &error));
  scan_time = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  /* Refusing takes no scan, so it is far quicker than reading the bytes would be,
   * on any machine and under any checker. */
  g_test_message ("refused in %" G_GINT64_FORMAT " µs, scanned in %" G_GINT64_FORMAT " µs",
                  refusal_time, scan_time);
  g_assert_cmpint (refusal_time * 10, <, scan_time);

  g_free (doc);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sitroom_prescan (NULL, 0, 0, 0, &error));
  g_assert_error (error, SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON);
  g_assert_cmpstr (error->message, ==, "the document is empty");

  assert_refused ("", 0, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "the document is empty");
  assert_refused (" \t\r\n  \n", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "the document is empty");
  assert_refused ("\xEF\xBB\xBF", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "the document is empty");
  assert_refused ("\xEF\xBB\xBF\n\n", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON,
                  "the document is empty");
}

static void
test_bom (void)
{
  /* A byte order mark at the start is accepted: Windows editors write one. */
  assert_passes ("\xEF\xBB\xBF{\"format\": \"sitroom/1\"}", 0);
  assert_passes ("\xEF\xBB\xBF  []", 0);
  /* Anywhere else it is not JSON. */
  assert_refused (" \xEF\xBB\xBF{}", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, NULL);
  /* Half a BOM is broken UTF-8. */
  assert_refused ("\xEF\xBB{}", -1, 0, 0, SITROOM_FEED_ERROR_NOT_UTF8, "at byte 0");
}

static void
test_not_utf8 (void)
{
  static const struct {
    const char *data;
    gsize length;
    const char *where;
  } cases[] = {
    { "[\"\xFF\"]", 5, "at byte 2" },
    { "[\"\xFE\"]", 5, "at byte 2" },
    { "[\"ab\x80\"]", 7, "at byte 4" },                 /* a continuation byte alone */
    { "[\"\xC0\xAF\"]", 6, "at byte 2" },               /* overlong '/' */
    { "[\"\xC1\xBF\"]", 6, "at byte 2" },               /* overlong, two bytes */
    { "[\"\xE0\x80\xAF\"]", 7, "at byte 2" },           /* overlong, three bytes */
    { "[\"\xE0\x9F\xBF\"]", 7, "at byte 2" },           /* overlong U+07FF */
    { "[\"\xF0\x80\x80\xAF\"]", 8, "at byte 2" },       /* overlong, four bytes */
    { "[\"\xF0\x8F\xBF\xBF\"]", 8, "at byte 2" },       /* overlong U+FFFF */
    { "[\"\xED\xA0\x80\"]", 7, "at byte 2" },           /* the surrogate U+D800 */
    { "[\"\xED\xBF\xBF\"]", 7, "at byte 2" },           /* the surrogate U+DFFF */
    { "[\"\xED\xA0\xBD\xED\xB8\x80\"]", 10, "at byte 2" }, /* a surrogate pair, CESU-8 */
    { "[\"\xF4\x90\x80\x80\"]", 8, "at byte 2" },       /* U+110000 */
    { "[\"\xF5\x80\x80\x80\"]", 8, "at byte 2" },
    { "[\"\xF8\x88\x80\x80\x80\"]", 9, "at byte 2" },   /* five bytes */
    { "[\"\xE5\xB1\"]", 6, "at byte 2" },               /* 山 cut short */
    { "[\"\xE5\xB1", 4, "at byte 2" },                  /* 山 cut short by the end */
    { "[\"\xF0\x9F\x98", 5, "at byte 2" },              /* 😷 cut short by the end */
    { "[\"\xE5\"\"]", 5, "at byte 2" },                 /* a lead byte before a quote */
    { "[1, \xFF]", 6, "at byte 4" },                    /* outside strings too */
    { "\xFF[]", 3, "at byte 0" },
    { "[\"\\\xFF\"]", 6, "at byte 3" },                 /* behind a backslash */
    /* After a long plain run, so that the block-wise scan has to stop on it. */
    { "[\"abcdefghijklmnopqrstuvwxyz\xC3\"]", 30, "at byte 28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_refused (cases[i].data, cases[i].length, 0, 0,
                      SITROOM_FEED_ERROR_NOT_UTF8, cases[i].where);
    }

  /* The largest valid forms of each length pass. */
  assert_passes ("[\"\x7F \xDF\xBF \xEF\xBF\xBF \xF4\x8F\xBF\xBF\"]", 0);
  /* The smallest valid forms of each length pass. */
  assert_passes ("[\"\xC2\x80 \xE0\xA0\x80 \xF0\x90\x80\x80 \xEE\x80\x80\"]", 0);
}

static void
test_nul (void)
{
  /* A NUL byte can never be JSON, in a string or out of it; the escape \u0000 is
   * JSON's business, not the scan's. */
  assert_refused ("[\"a\0b\"]", 7, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "NUL byte (at byte 3)");
  assert_refused ("[1,\0 2]", 7, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "NUL byte (at byte 3)");
  assert_refused ("[\"\\\0\"]", 6, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "NUL byte (at byte 3)");
  assert_refused ("\0", 1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "NUL byte (at byte 0)");
  assert_passes ("[\"a\\u0000b\"]", 0);
}

static void
test_not_json (void)
{
  static const char *html = "<html><body>502 Bad Gateway</body></html>";
  g_autoptr(GError) error = NULL;

  assert_refused (html, -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "web page");
  assert_refused ("\n  <!DOCTYPE html>", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "at byte 3");
  assert_refused ("Bad Gateway", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "at byte 0");
  assert_refused ("]", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "starts with “]” (at byte 0)");
  assert_refused ("[]]", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "“]” at byte 2 closes nothing");
  assert_refused ("{}}", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "“}” at byte 2 closes nothing");
  assert_refused ("[\"]\"]]", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "at byte 5");

  /* A document cut short, inside a string or between values. */
  assert_refused ("{\"format\": \"sitr", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON,
                  "ends inside the string that starts at byte 11");
  assert_refused ("{\"a\": \"\\", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "ends inside the string");
  assert_refused ("{\"a\": [1, 2", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON,
                  "ends with 2 brackets still open");
  assert_refused ("[", -1, 0, 0, SITROOM_FEED_ERROR_NOT_JSON, "ends with 1 bracket still open");

  g_assert_false (scan ("{\"a\": [1, 2", 0, 0, &error));
  g_assert_cmpstr (error->message, ==,
                   "the document is not JSON: it ends with 2 brackets still open, "
                   "and may have been cut short");
}

static void
test_long_string (void)
{
  gsize length = 10 * 1024 * 1024;
  g_autofree char *doc = g_malloc (length);
  gsize i;

  /* A 10 MB string of mixed ASCII, Chinese and escapes, closed just before the end. */
  doc[0] = '[';
  doc[1] = '"';
  for (i = 2; i + 8 < length; )
    {
      if (i % 97 == 0)
        {
          memcpy (doc + i, "\\\"", 2);
          i += 2;
        }
      else if (i % 61 == 0)
        {
          memcpy (doc + i, "\xE5\xB1\xB1", 3);
          i += 3;
        }
      else
        {
          doc[i] = (i % 7 == 0) ? '[' : 'a';
          i++;
        }
    }
  while (i < length - 2)
    doc[i++] = ' ';
  doc[length - 2] = '"';
  doc[length - 1] = ']';

  g_assert_true (sitroom_prescan (doc, length, 1, 0, NULL));

  /* The same with one broken byte late in it. */
  doc[length - 5] = '\xFF';
  assert_refused (doc, length, 1, 0, SITROOM_FEED_ERROR_NOT_UTF8, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prescan/valid", test_valid_documents);
  g_test_add_func ("/prescan/depth/limit", test_depth_limit);
  g_test_add_func ("/prescan/depth/strings", test_brackets_in_strings);
  g_test_add_func ("/prescan/size/limit", test_size_limit);
  g_test_add_func ("/prescan/size/checked-first", test_size_checked_first);
  g_test_add_func ("/prescan/size/default", test_size_default);
  g_test_add_func ("/prescan/empty", test_empty);
  g_test_add_func ("/prescan/bom", test_bom);
  g_test_add_func ("/prescan/utf8/invalid", test_not_utf8);
  g_test_add_func ("/prescan/nul", test_nul);
  g_test_add_func ("/prescan/not-json", test_not_json);
  g_test_add_func ("/prescan/long-string", test_long_string);

  return g_test_run ();
}
