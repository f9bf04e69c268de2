/* Tests of the strict pull JSON reader: tokens, strings, numbers, errors with positions, depth, skipping. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-error.h"
#include "sitroom-json-reader.h"

/* The input is copied into a buffer of exactly its length, with no NUL after
 * it, so that a read past the end shows under valgrind or the sanitizers. */
typedef struct {
  char *buffer;
  SitroomJsonReader *reader;
} Fixture;

static SitroomJsonReader *
reader_new (Fixture    *fixture,
            const char *json,
            gssize      length,
            guint       max_depth)
{
  gsize n = length < 0 ? strlen (json) : (gsize) length;

  fixture->buffer = g_memdup2 (json, n);
  fixture->reader = sitroom_json_reader_new (fixture->buffer, n, max_depth);
  return fixture->reader;
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->reader, sitroom_json_reader_free);
  g_clear_pointer (&fixture->buffer, g_free);
}

static void
assert_string (SitroomJsonReader *reader,
               const char        *expected,
               gsize              expected_length)
{
  gsize length;
  const char *str = sitroom_json_reader_get_string (reader, &length);

  g_assert_cmpuint (length, ==, expected_length);
  g_assert_cmpmem (str, length, expected, expected_length);
}

static void
test_tokens (void)
{
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, " {\"a\" : [1, \"x\", true, false, null, {}, []],\n \"b\":{}} ", -1, 0);
  static const SitroomJsonToken expected[] = {
    SITROOM_JSON_BEGIN_OBJECT,
    SITROOM_JSON_KEY,
    SITROOM_JSON_BEGIN_ARRAY,
    SITROOM_JSON_NUMBER, SITROOM_JSON_STRING, SITROOM_JSON_TRUE, SITROOM_JSON_FALSE, SITROOM_JSON_NULL,
    SITROOM_JSON_BEGIN_OBJECT, SITROOM_JSON_END_OBJECT,
    SITROOM_JSON_BEGIN_ARRAY, SITROOM_JSON_END_ARRAY,
    SITROOM_JSON_END_ARRAY,
    SITROOM_JSON_KEY,
    SITROOM_JSON_BEGIN_OBJECT, SITROOM_JSON_END_OBJECT,
    SITROOM_JSON_END_OBJECT,
    SITROOM_JSON_END,
    SITROOM_JSON_END,
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SitroomJsonToken token = sitroom_json_reader_next (reader);

      g_assert_cmpint (token, ==, expected[i]);
      if (i == 1)
        assert_string (reader, "a", 1);
      if (i == 2)
        g_assert_cmpuint (sitroom_json_reader_get_depth (reader), ==, 2);
      if (i == 13)
        {
          guint line, column;

          assert_string (reader, "b", 1);
          sitroom_json_reader_get_position (reader, &line, &column);
          g_assert_cmpuint (line, ==, 2);
          g_assert_cmpuint (column, ==, 2);
        }
    }
  g_assert_null (sitroom_json_reader_get_error (reader));
  fixture_clear (&f);
}

static void
test_scalar_root (void)
{
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, "\"only\"", -1, 0);

  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_STRING);
  assert_string (reader, "only", 4);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_END);
  fixture_clear (&f);
}

static void
test_string_without_copy (void)
{
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, "[\"plain 中文\", \"esc\\n\"]", -1, 0);
  const char *str;
  gsize length;

  sitroom_json_reader_next (reader);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_STRING);
  str = sitroom_json_reader_get_string (reader, &length);
  /* A string without escapes is the input itself. */
  g_assert_true (str == f.buffer + 2);
  g_assert_cmpuint (length, ==, strlen ("plain 中文"));

  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_STRING);
  str = sitroom_json_reader_get_string (reader, &length);
  g_assert_false (str >= f.buffer && str < f.buffer + strlen ("[\"plain 中文\", \"esc\\n\"]"));
  g_assert_cmpstr (str, ==, "esc\n");
  fixture_clear (&f);
}

static void
test_string_escapes (void)
{
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u4E2D\\u0041\"", -1, 0);

  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_STRING);
  assert_string (reader, "\"\\/\b\f\n\r\té中A", strlen ("\"\\/\b\f\n\r\té中A"));
  fixture_clear (&f);
}

static void
test_string_surrogates (void)
{
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, "[\"\\ud83d\\ude00\", \"a\\uD834\\uDD1Eb\"]", -1, 0);

  sitroom_json_reader_next (reader);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_STRING);
  assert_string (reader, "\xF0\x9F\x98\x80", 4);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_STRING);
  assert_string (reader, "a\xF0\x9D\x84\x9E" "b", 6);
  fixture_clear (&f);
}

static void
test_string_nul (void)
{
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, "\"a\\u0000b\"", -1, 0);

  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_STRING);
  assert_string (reader, "a\0b", 3);
  fixture_clear (&f);
}

static void
test_numbers (void)
{
  static const struct {
    const char *json;
    gboolean whole;
    gint64 value;
    double number;
  } cases[] = {
    { "0", TRUE, 0, 0 },
    { "-0", TRUE, 0, 0 },
    { "42", TRUE, 42, 42 },
    { "-17", TRUE, -17, -17 },
    { "1000000000", TRUE, 1000000000, 1e9 },
    { "9223372036854775807", TRUE, G_MAXINT64, 9223372036854775807.0 },
    { "-9223372036854775808", TRUE, G_MININT64, -9223372036854775808.0 },
    { "9223372036854775808", FALSE, 0, 9223372036854775808.0 },
    { "-9223372036854775809", FALSE, 0, -9223372036854775809.0 },
    { "123456789012345678901234567890", FALSE, 0, 1.2345678901234568e29 },
    { "3.0", FALSE, 0, 3.0 },
    { "1.5", FALSE, 0, 1.5 },
    { "-0.25", FALSE, 0, -0.25 },
    { "1e3", FALSE, 0, 1000 },
    { "1E+2", FALSE, 0, 100 },
    { "2.5e-1", FALSE, 0, 0.25 },
    { "113.412", FALSE, 0, 113.412 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f = { 0 };
      SitroomJsonReader *reader = reader_new (&f, cases[i].json, -1, 0);
      gint64 value = -1;
      gsize length;

      g_test_message ("%s", cases[i].json);
      g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_NUMBER);
      g_assert_cmpint (sitroom_json_reader_get_int64 (reader, &value), ==, cases[i].whole);
      if (cases[i].whole)
        g_assert_cmpint (value, ==, cases[i].value);
      g_assert_cmpfloat_with_epsilon (sitroom_json_reader_get_double (reader), cases[i].number,
                                      MAX (fabs (cases[i].number) * 1e-12, 1e-12));
      g_assert_cmpmem (sitroom_json_reader_get_raw (reader, &length), length,
                       cases[i].json, strlen (cases[i].json));
      g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_END);
      fixture_clear (&f);
    }
}

static const struct {
  const char *json;
  int code;
  guint line;
  guint column;
  const char *words;
} syntax_errors[] = {
  { "", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "ends early" },
  { "   ", SITROOM_FEED_ERROR_NOT_JSON, 1, 4, "ends early" },
  { "{", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "ends early" },
  { "[1,", SITROOM_FEED_ERROR_NOT_JSON, 1, 4, "ends early" },
  { "{\"a\":1,}", SITROOM_FEED_ERROR_NOT_JSON, 1, 8, "comma before “}”" },
  { "[1,]", SITROOM_FEED_ERROR_NOT_JSON, 1, 4, "comma before “]”" },
  { "[1 2]", SITROOM_FEED_ERROR_NOT_JSON, 1, 4, "expected “,” or “]”" },
  { "{\"a\":1 \"b\":2}", SITROOM_FEED_ERROR_NOT_JSON, 1, 8, "expected “,” or “}”" },
  { "{\"a\" 1}", SITROOM_FEED_ERROR_NOT_JSON, 1, 6, "“:”" },
  { "{a:1}", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "member name" },
  { "{'a':1}", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "member name" },
  { "[,1]", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "expected a value" },
  { "]", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "expected a value" },
  { "01", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "leading zeros" },
  { "[-01]", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "leading zeros" },
  { "-", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "digit after “-”" },
  { "[-a]", SITROOM_FEED_ERROR_NOT_JSON, 1, 3, "digit after “-”" },
  { "1.", SITROOM_FEED_ERROR_NOT_JSON, 1, 3, "decimal point" },
  { "1.e5", SITROOM_FEED_ERROR_NOT_JSON, 1, 3, "decimal point" },
  { "1e", SITROOM_FEED_ERROR_NOT_JSON, 1, 3, "exponent" },
  { "1e+", SITROOM_FEED_ERROR_NOT_JSON, 1, 4, "exponent" },
  { ".5", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "expected a value" },
  { "+1", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "expected a value" },
  { "NaN", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "expected a value" },
  { "[Infinity]", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "expected a value" },
  { "tru", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "expected true" },
  { "[nul]", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "expected null" },
  { "False", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "expected a value" },
  { "[1] 2", SITROOM_FEED_ERROR_NOT_JSON, 1, 5, "after the end" },
  { "{}}", SITROOM_FEED_ERROR_NOT_JSON, 1, 3, "after the end" },
  { "// comment\n{}", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "expected a value" },
  { "{\"a\":1 /* c */}", SITROOM_FEED_ERROR_NOT_JSON, 1, 8, "expected “,” or “}”" },
  { "{\"a\":1}\n\n  x", SITROOM_FEED_ERROR_NOT_JSON, 3, 3, "after the end" },
  { "[\n1,\n\n  2 x]", SITROOM_FEED_ERROR_NOT_JSON, 4, 5, "expected “,” or “]”" },
  { "\"abc", SITROOM_FEED_ERROR_NOT_JSON, 1, 5, "inside a string" },
  { "\"ab\\", SITROOM_FEED_ERROR_NOT_JSON, 1, 4, "inside a string" },
  { "\"\\x\"", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "invalid escape" },
  { "\"\\'\"", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "invalid escape" },
  { "\"\\u12\"", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "four hexadecimal" },
  { "\"\\u12G4\"", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "four hexadecimal" },
  { "\"\\udc00\"", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "low surrogate" },
  { "\"\\ud800\"", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "high surrogate" },
  { "\"\\ud800\\u0041\"", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "high surrogate" },
  { "\"\\ud800\\ud800\"", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "high surrogate" },
  { "[\"a\tb\"]", SITROOM_FEED_ERROR_NOT_JSON, 1, 4, "control character U+0009" },
  { "[\"a\nb\"]", SITROOM_FEED_ERROR_NOT_JSON, 1, 4, "control character U+000A" },
  { "[\"中文\", x]", SITROOM_FEED_ERROR_NOT_JSON, 1, 8, "expected a value" },
  { "[\"\xC3\x28\"]", SITROOM_FEED_ERROR_NOT_UTF8, 1, 3, "UTF-8" },
  { "[\"a\\n\xFF\"]", SITROOM_FEED_ERROR_NOT_UTF8, 1, 3, "UTF-8" },
  { "[\xE4\xB8\xAD]", SITROOM_FEED_ERROR_NOT_JSON, 1, 2, "byte 0xE4" },
  { "\xEF\xBB\xBF{}", SITROOM_FEED_ERROR_NOT_JSON, 1, 1, "byte 0xEF" },
};

static void
test_syntax_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (syntax_errors); i++)
    {
      Fixture f = { 0 };
      SitroomJsonReader *reader = reader_new (&f, syntax_errors[i].json, -1, 0);
      g_autofree char *where = g_strdup_printf ("line %u, column %u:", syntax_errors[i].line,
                                                syntax_errors[i].column);
      SitroomJsonToken token;
      const GError *error;
      guint line, column;
      guint n = 0;

      g_test_message ("%s", syntax_errors[i].json);
      while ((token = sitroom_json_reader_next (reader)) != SITROOM_JSON_ERROR)
        {
          g_assert_cmpint (token, !=, SITROOM_JSON_END);
          g_assert_cmpuint (++n, <, 100);
        }

      error = sitroom_json_reader_get_error (reader);
      g_assert_error ((GError *) error, SITROOM_FEED_ERROR, syntax_errors[i].code);
      g_assert_true (g_str_has_prefix (error->message, where));
      g_assert_nonnull (strstr (error->message, syntax_errors[i].words));
      sitroom_json_reader_get_position (reader, &line, &column);
      g_assert_cmpuint (line, ==, syntax_errors[i].line);
      g_assert_cmpuint (column, ==, syntax_errors[i].column);

      /* An error is final. */
      g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_ERROR);
      g_assert_false (sitroom_json_reader_skip (reader));
      fixture_clear (&f);
    }
}

/* Every proper prefix of a document is an error, never a read past its end. */
static void
test_truncated (void)
{
  const char *json = "{\"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\", true, false, null], \"b\": {\"c\": \"中\"}}";
  gsize n = strlen (json);

  for (gsize length = 0; length <= n; length++)
    {
      Fixture f = { 0 };
      SitroomJsonReader *reader = reader_new (&f, json, length, 0);
      SitroomJsonToken token;

      while ((token = sitroom_json_reader_next (reader)) != SITROOM_JSON_ERROR && token != SITROOM_JSON_END)
        ;
      g_assert_cmpint (token, ==, length == n ? SITROOM_JSON_END : SITROOM_JSON_ERROR);
      fixture_clear (&f);
    }
}

static char *
nested_arrays (guint depth)
{
  char *json = g_malloc (2 * depth + 1);

  memset (json, '[', depth);
  memset (json + depth, ']', depth);
  json[2 * depth] = '\0';
  return json;
}

static void
test_depth_limit (void)
{
  g_autofree char *ok = nested_arrays (64);
  g_autofree char *deep = nested_arrays (65);
  Fixture f = { 0 };
  SitroomJsonReader *reader;
  SitroomJsonToken token;
  guint n = 0;

  reader = reader_new (&f, ok, -1, 64);
  while ((token = sitroom_json_reader_next (reader)) == SITROOM_JSON_BEGIN_ARRAY)
    n++;
  g_assert_cmpuint (n, ==, 64);
  g_assert_cmpuint (sitroom_json_reader_get_depth (reader), ==, 63);
  while ((token = sitroom_json_reader_next (reader)) == SITROOM_JSON_END_ARRAY)
    ;
  g_assert_cmpint (token, ==, SITROOM_JSON_END);
  fixture_clear (&f);

  reader = reader_new (&f, deep, -1, 64);
  while ((token = sitroom_json_reader_next (reader)) == SITROOM_JSON_BEGIN_ARRAY)
    ;
  g_assert_cmpint (token, ==, SITROOM_JSON_ERROR);
  g_assert_error ((GError *) sitroom_json_reader_get_error (reader),
                  SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (sitroom_json_reader_get_error (reader)->message, "column 65"));
  fixture_clear (&f);

  /* Objects count the same as arrays. */
  reader = reader_new (&f, "{\"a\":{\"b\":{}}}", -1, 2);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_BEGIN_OBJECT);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_KEY);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_BEGIN_OBJECT);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_KEY);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_ERROR);
  g_assert_error ((GError *) sitroom_json_reader_get_error (reader),
                  SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_TOO_DEEP);
  fixture_clear (&f);
}

/* Far deeper than any C stack would survive with one frame per level. */
static void
test_depth_without_recursion (void)
{
  guint depth = 500000;
  g_autofree char *json = nested_arrays (depth);
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, json, -1, depth);

  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_BEGIN_ARRAY);
  g_assert_true (sitroom_json_reader_skip (reader));
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_END);
  fixture_clear (&f);
}

static void
test_skip (void)
{
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, "{\"unknown\": {\"deep\": [1, [2, {\"x\": \"y\"}]], \"e\": {}},"
                                              " \"scalar\": 5, \"b\": [true, {\"z\": 1}, 3]}", -1, 0);
  gint64 value;

  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_BEGIN_OBJECT);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_KEY);
  g_assert_true (sitroom_json_reader_skip (reader));
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_KEY);
  assert_string (reader, "scalar", 6);
  g_assert_true (sitroom_json_reader_skip (reader));
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_KEY);
  assert_string (reader, "b", 1);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_BEGIN_ARRAY);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_TRUE);
  /* After a scalar, skip does nothing. */
  g_assert_true (sitroom_json_reader_skip (reader));
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_BEGIN_OBJECT);
  g_assert_true (sitroom_json_reader_skip (reader));
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_NUMBER);
  g_assert_true (sitroom_json_reader_get_int64 (reader, &value));
  g_assert_cmpint (value, ==, 3);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_END_ARRAY);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_END_OBJECT);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_END);
  fixture_clear (&f);

  /* A skipped value is still checked. */
  reader = reader_new (&f, "{\"u\": [1,,2], \"b\": 2}", -1, 0);
  sitroom_json_reader_next (reader);
  sitroom_json_reader_next (reader);
  g_assert_false (sitroom_json_reader_skip (reader));
  g_assert_error ((GError *) sitroom_json_reader_get_error (reader),
                  SITROOM_FEED_ERROR, SITROOM_FEED_ERROR_NOT_JSON);
  fixture_clear (&f);
}

static void
test_pointer (void)
{
  Fixture f = { 0 };
  SitroomJsonReader *reader = reader_new (&f, "{\"cases\": [{\"id\": \"x\"}, {\"region\": 5}],"
                                              " \"a/b~c\": 1, \"\\u0061\\/\": 2, \"\": 3}", -1, 0);
  g_autofree char *root = NULL;
  char *pointer;

  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_BEGIN_OBJECT);
  root = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (root, ==, "");

  sitroom_json_reader_next (reader);  /* cases */
  sitroom_json_reader_next (reader);  /* [ */
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/cases");
  g_free (pointer);
  sitroom_json_reader_next (reader);  /* { */
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/cases/0");
  g_free (pointer);
  g_assert_true (sitroom_json_reader_skip (reader));
  sitroom_json_reader_next (reader);  /* { */
  sitroom_json_reader_next (reader);  /* region */
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/cases/1/region");
  g_free (pointer);
  sitroom_json_reader_next (reader);  /* 5 */
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/cases/1/region");
  g_free (pointer);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_END_OBJECT);
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/cases/1");
  g_free (pointer);
  g_assert_cmpint (sitroom_json_reader_next (reader), ==, SITROOM_JSON_END_ARRAY);
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/cases");
  g_free (pointer);

  sitroom_json_reader_next (reader);
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/a~1b~0c");
  g_free (pointer);
  sitroom_json_reader_next (reader);
  sitroom_json_reader_next (reader);
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/a~1");
  g_free (pointer);
  sitroom_json_reader_next (reader);
  sitroom_json_reader_next (reader);
  pointer = sitroom_json_reader_dup_pointer (reader);
  g_assert_cmpstr (pointer, ==, "/");
  g_free (pointer);
  fixture_clear (&f);
}

static void
test_pointer_append (void)
{
  g_autoptr(GString) pointer = g_string_new ("/regions");

  sitroom_json_pointer_append (pointer, "a~b/c", -1);
  sitroom_json_pointer_append (pointer, "xyz", 2);
  g_assert_cmpstr (pointer->str, ==, "/regions/a~0b~1c/xy");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/tokens", test_tokens);
  g_test_add_func ("/json-reader/tokens/scalar-root", test_scalar_root);
  g_test_add_func ("/json-reader/string/without-copy", test_string_without_copy);
  g_test_add_func ("/json-reader/string/escapes", test_string_escapes);
  g_test_add_func ("/json-reader/string/surrogates", test_string_surrogates);
  g_test_add_func ("/json-reader/string/nul", test_string_nul);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/errors/positions", test_syntax_errors);
  g_test_add_func ("/json-reader/errors/truncated", test_truncated);
  g_test_add_func ("/json-reader/depth/limit", test_depth_limit);
  g_test_add_func ("/json-reader/depth/no-recursion", test_depth_without_recursion);
  g_test_add_func ("/json-reader/skip", test_skip);
  g_test_add_func ("/json-reader/pointer", test_pointer);
  g_test_add_func ("/json-reader/pointer/append", test_pointer_append);

  return g_test_run ();
}
