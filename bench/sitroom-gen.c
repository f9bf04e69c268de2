/* Writes a large synthetic, valid "sitroom/1" situation document over all of Shanxi, for the benchmarks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "sitroom-regions.h"
#include "sitroom-types.h"

#define DAY (24 * 3600)
#define SPAN_DAYS 60
#define OFFSET (8 * 3600)   /* every time is written in China Standard Time */

typedef struct {
  int region;               /* index into the built-in table */
  GArray *counties;         /* of int: its counties (districts included) */
} Prefecture;

typedef struct {
  int prefecture;           /* index into the Prefecture array */
  gint64 start;
} Chain;

typedef struct {
  GRand *rand;
  const SitroomRegions *regions;
  GArray *prefectures;      /* of Prefecture */
  GArray *chains;           /* of Chain */
  gint64 as_of;
  GString *out;
} Generator;

/* Days since 1970-01-01 of a proleptic Gregorian date, and back: enough calendar
 * arithmetic to write RFC 3339 times without a time zone database. */
static gint64
days_from_civil (int y, unsigned m, unsigned d)
{
  gint64 era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64 z, int *y, unsigned *m, unsigned *d)
{
  gint64 era;
  unsigned doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (unsigned) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = (int) (yoe + era * 400) + (*m <= 2);
}

static inline void
put_digits (char *p, unsigned value, int width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      p[i] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/* Appends "2022-08-20T13:00:00+08:00", quoted. */
static void
append_time (GString *out, gint64 utc)
{
  char buf[28];
  gint64 local = utc + OFFSET;
  gint64 days = local >= 0 ? local / DAY : -((-local + DAY - 1) / DAY);
  unsigned secs = (unsigned) (local - days * DAY);
  unsigned m, d;
  int y;

  civil_from_days (days, &y, &m, &d);
  buf[0] = '"';
  put_digits (buf + 1, (unsigned) y, 4);
  buf[5] = '-';
  put_digits (buf + 6, m, 2);
  buf[8] = '-';
  put_digits (buf + 9, d, 2);
  buf[11] = 'T';
  put_digits (buf + 12, secs / 3600, 2);
  buf[14] = ':';
  put_digits (buf + 15, secs / 60 % 60, 2);
  buf[17] = ':';
  put_digits (buf + 18, secs % 60, 2);
  memcpy (buf + 20, "+08:00\"", 7);
  g_string_append_len (out, buf, 27);
}

static void
append_uint (GString *out, guint64 value)
{
  char buf[24];
  int i = sizeof buf;

  do
    {
      buf[--i] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  g_string_append_len (out, buf + i, (gssize) sizeof buf - i);
}

/* Region names come from the built-in table, so they are escaped rather than trusted. */
static void
append_string (GString *out, const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_text (GString *out, const char *zh, const char *en)
{
  g_string_append (out, "{\"zh\":");
  append_string (out, zh);
  g_string_append (out, ",\"en\":");
  append_string (out, en);
  g_string_append_c (out, '}');
}

static const char *
region_code (Generator *gen, int region)
{
  return sitroom_regions_get (gen->regions, (guint) region)->code;
}

static const SitroomText *
region_name (Generator *gen, int region)
{
  return &sitroom_regions_get (gen->regions, (guint) region)->name;
}

/* The prefecture a region counts for, found through its parents. */
static int
prefecture_of (const SitroomRegions *regions, int region)
{
  for (guint depth = 0; region >= 0 && depth < 8; depth++)
    {
      const SitroomRegion *r = sitroom_regions_get (regions, (guint) region);

      if (r->level == SITROOM_LEVEL_PREFECTURE)
        return region;
      if (r->parent == NULL)
        return -1;
      region = sitroom_regions_lookup (regions, r->parent);
    }
  return -1;
}

static gboolean
collect_prefectures (Generator *gen)
{
  guint n = sitroom_regions_get_n (gen->regions);

  for (guint i = 0; i < n; i++)
    {
      if (sitroom_regions_get (gen->regions, i)->level == SITROOM_LEVEL_PREFECTURE)
        {
          Prefecture p = { (int) i, g_array_new (FALSE, FALSE, sizeof (int)) };
          g_array_append_val (gen->prefectures, p);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      int pref;

      if (sitroom_regions_get (gen->regions, i)->level != SITROOM_LEVEL_COUNTY)
        continue;
      pref = prefecture_of (gen->regions, (int) i);
      for (guint j = 0; j < gen->prefectures->len; j++)
        {
          Prefecture *p = &g_array_index (gen->prefectures, Prefecture, j);

          if (p->region == pref)
            {
              int county = (int) i;
              g_array_append_val (p->counties, county);
              break;
            }
        }
    }

  return gen->prefectures->len > 0;
}

/* A region of the prefecture: mostly one of its counties, sometimes the
 * prefecture itself, as when a case is known only at city level. */
static int
pick_region_in (Generator *gen, const Prefecture *p)
{
  if (p->counties->len == 0 || g_rand_int_range (gen->rand, 0, 5) == 0)
    return p->region;
  return g_array_index (p->counties, int,
                        g_rand_int_range (gen->rand, 0, (gint32) p->counties->len));
}

static const Prefecture *
random_prefecture (Generator *gen)
{
  return &g_array_index (gen->prefectures, Prefecture,
                         g_rand_int_range (gen->rand, 0, (gint32) gen->prefectures->len));
}

static gint64
random_time (Generator *gen, gint64 from, gint64 until)
{
  g_assert (from <= until);
  return from + (gint64) (g_rand_double (gen->rand) * (double) (until - from + 1));
}

/* Picks from a table of weights that add up to 100. */
static int
pick_weighted (Generator *gen, const int *weights, int n)
{
  int r = g_rand_int_range (gen->rand, 0, 100);

  for (int i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

static int
compare_time (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
write_header (Generator *gen)
{
  GString *out = gen->out;

  g_string_append (out, "{\n\"format\":\"sitroom/1\",\n\"as_of\":");
  append_time (out, gen->as_of);
  g_string_append (out, ",\n\"publisher\":");
  append_text (out, "合成基准数据", "Synthetic benchmark data");
  g_string_append (out, ",\n\"illustrative\":[\"chains\",\"cases\",\"quarantine_sites\",\"measures\"],\n"
                        "\"regions\":[],\n");
}

static void
write_chains (Generator *gen, guint n_events)
{
  static const char * const event_zh[SITROOM_N_EVENT_KINDS] = {
    "发现阳性", "核酸检测", "集中隔离", "流调溯源", "管控措施", "转运", "情况说明",
  };
  static const char * const event_en[SITROOM_N_EVENT_KINDS] = {
    "positives detected", "testing", "centralized quarantine", "tracing",
    "control measure", "transfer", "note",
  };
  GString *out = gen->out;
  g_autofree gint64 *times = g_new (gint64, MAX (n_events, 1));

  g_string_append (out, "\"chains\":[\n");
  for (guint c = 0; c < gen->chains->len; c++)
    {
      const Chain *chain = &g_array_index (gen->chains, Chain, c);
      const Prefecture *home = &g_array_index (gen->prefectures, Prefecture, chain->prefecture);
      const SitroomText *home_name = region_name (gen, home->region);
      g_autofree char *label = NULL;
      g_autofree char *title_zh = NULL;
      g_autofree char *title_en = NULL;
      guint64 close = (guint64) g_rand_int_range (gen->rand, 10, 5000);
      gint64 days = chain->start + OFFSET >= 0 ? (chain->start + OFFSET) / DAY : 0;
      unsigned m, d;
      int y;

      civil_from_days (days, &y, &m, &d);
      label = g_strdup_printf ("%u·%u-%u", m, d, c + 1);
      title_zh = g_strdup_printf ("%s“%s”关联疫情", home_name->zh, label);
      title_en = g_strdup_printf ("%s \"%s\" chain",
                                  home_name->en != NULL ? home_name->en : home_name->zh, label);

      g_string_append (out, c == 0 ? "{\"id\":\"ch-" : ",\n{\"id\":\"ch-");
      append_uint (out, c + 1);
      g_string_append (out, "\",\"label\":");
      append_string (out, label);
      g_string_append (out, ",\"title\":");
      append_text (out, title_zh, title_en);
      g_string_append (out, ",\"first_reported\":");
      append_time (out, chain->start);
      g_string_append (out, ",\"contacts\":{\"close\":");
      append_uint (out, close);
      g_string_append (out, ",\"secondary\":");
      append_uint (out, close * (guint64) g_rand_int_range (gen->rand, 2, 8));
      g_string_append (out, "},\"events\":[");

      for (guint e = 0; e < n_events; e++)
        times[e] = random_time (gen, chain->start, gen->as_of);
      qsort (times, n_events, sizeof *times, compare_time);

      for (guint e = 0; e < n_events; e++)
        {
          /* The first event of a chain is the detection that opened it. */
          SitroomEventKind kind = e == 0 ? SITROOM_EVENT_DETECTION
                                         : (SitroomEventKind) g_rand_int_range (gen->rand, 0, SITROOM_N_EVENT_KINDS);
          const Prefecture *where = g_rand_int_range (gen->rand, 0, 4) == 0 ? random_prefecture (gen) : home;
          int region = pick_region_in (gen, where);
          const SitroomText *name = region_name (gen, region);
          guint64 people = (guint64) g_rand_int_range (gen->rand, 1, 500);
          g_autofree char *zh = g_strdup_printf ("%s：%s，涉及%" G_GUINT64_FORMAT "人", name->zh, event_zh[kind], people);
          g_autofree char *en = g_strdup_printf ("%s: %s, %" G_GUINT64_FORMAT " people",
                                                 name->en != NULL ? name->en : name->zh, event_en[kind], people);

          g_string_append (out, e == 0 ? "\n {\"at\":" : ",\n {\"at\":");
          append_time (out, times[e]);
          g_string_append (out, ",\"region\":\"");
          g_string_append (out, region_code (gen, region));
          g_string_append (out, "\",\"kind\":\"");
          g_string_append (out, sitroom_event_kind_to_string (kind));
          g_string_append (out, "\",\"people\":");
          append_uint (out, people);
          g_string_append (out, ",\"text\":");
          append_text (out, zh, en);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "\n],\n");
}

static void
write_cases (Generator *gen, guint n_cases)
{
  static const int class_weights[SITROOM_N_CLASSES] = { 45, 15, 7, 3, 30 };
  static const int status_weights[SITROOM_N_STATUSES] = { 50, 30, 2, 8, 10 };
  GString *out = gen->out;
  guint n_chains = gen->chains->len;

  g_string_append (out, "\"cases\":[\n");
  for (guint i = 0; i < n_cases; i++)
    {
      guint c;
      const Chain *chain;
      const Prefecture *where;
      int region;

      /* The first case of each chain keeps every chain alive; after that the
       * chains are skewed, a few large ones and a long tail, as outbreaks are. */
      if (i < n_chains)
        c = i;
      else
        {
          double u = g_rand_double (gen->rand);
          c = MIN ((guint) (u * u * n_chains), n_chains - 1);
        }
      chain = &g_array_index (gen->chains, Chain, c);
      where = g_rand_int_range (gen->rand, 0, 10) < 7
                ? &g_array_index (gen->prefectures, Prefecture, chain->prefecture)
                : random_prefecture (gen);
      region = pick_region_in (gen, where);

      g_string_append (out, i == 0 ? "{\"id\":\"c-" : ",\n{\"id\":\"c-");
      append_uint (out, i + 1);
      g_string_append (out, "\",\"reported_at\":");
      append_time (out, random_time (gen, chain->start, gen->as_of));
      g_string_append (out, ",\"region\":\"");
      g_string_append (out, region_code (gen, region));
      g_string_append (out, "\",\"chain\":\"ch-");
      append_uint (out, c + 1);
      g_string_append (out, "\",\"classification\":\"");
      g_string_append (out, sitroom_classification_to_string (pick_weighted (gen, class_weights, SITROOM_N_CLASSES)));
      g_string_append (out, g_rand_int_range (gen->rand, 0, 20) == 0
                              ? "\",\"imported\":true,\"status\":\""
                              : "\",\"imported\":false,\"status\":\"");
      g_string_append (out, sitroom_status_to_string (pick_weighted (gen, status_weights, SITROOM_N_STATUSES)));
      g_string_append (out, "\"}");
    }
  g_string_append (out, "\n],\n");
}

/* Three sites a prefecture, two centralized and one for home quarantine, none
 * over-full: the document is meant to load without warnings. */
static void
write_sites (Generator *gen)
{
  GString *out = gen->out;
  gboolean first = TRUE;

  g_string_append (out, "\"quarantine_sites\":[\n");
  for (guint i = 0; i < gen->prefectures->len; i++)
    {
      const Prefecture *p = &g_array_index (gen->prefectures, Prefecture, i);
      const SitroomText *name = region_name (gen, p->region);

      for (int s = 1; s <= 3; s++)
        {
          gboolean home = s == 3;
          guint64 capacity = (guint64) g_rand_int_range (gen->rand, 200, 2000);
          guint64 occupied = (guint64) g_rand_int_range (gen->rand, 0, (gint32) capacity + 1);
          g_autofree char *zh = g_strdup_printf (home ? "%s居家隔离%d" : "%s第%d集中隔离点", name->zh, s);
          g_autofree char *en = g_strdup_printf (home ? "%s home quarantine %d" : "%s site %d",
                                                 name->en != NULL ? name->en : name->zh, s);

          g_string_append (out, first ? "{\"id\":\"q-" : ",\n{\"id\":\"q-");
          first = FALSE;
          g_string_append (out, region_code (gen, p->region));
          g_string_append_c (out, '-');
          append_uint (out, (guint64) s);
          g_string_append (out, "\",\"region\":\"");
          g_string_append (out, region_code (gen, pick_region_in (gen, p)));
          g_string_append (out, home ? "\",\"kind\":\"home\",\"name\":" : "\",\"kind\":\"centralized\",\"name\":");
          append_text (out, zh, en);
          g_string_append (out, ",\"capacity\":");
          append_uint (out, capacity);
          g_string_append (out, ",\"occupied\":");
          append_uint (out, occupied);
          g_string_append (out, ",\"updated_at\":");
          append_time (out, gen->as_of - g_rand_int_range (gen->rand, 0, 12 * 3600));
          g_string_append_c (out, '}');
        }
    }
  g_string_append (out, "\n],\n");
}

/* One measure for every chain, in its home prefecture; some already lifted. */
static void
write_measures (Generator *gen)
{
  static const char * const measure_zh[SITROOM_N_MEASURE_KINDS] = {
    "全域静态管理", "交通管制", "全员核酸检测", "解除封控", "其他防控措施",
  };
  static const char * const measure_en[SITROOM_N_MEASURE_KINDS] = {
    "static management", "traffic control", "mass testing", "lockdown lifted", "other measure",
  };
  GString *out = gen->out;

  g_string_append (out, "\"measures\":[\n");
  for (guint c = 0; c < gen->chains->len; c++)
    {
      const Chain *chain = &g_array_index (gen->chains, Chain, c);
      const Prefecture *p = &g_array_index (gen->prefectures, Prefecture, chain->prefecture);
      int region = pick_region_in (gen, p);
      const SitroomText *name = region_name (gen, region);
      SitroomMeasureKind kind = (SitroomMeasureKind) g_rand_int_range (gen->rand, 0, SITROOM_N_MEASURE_KINDS);
      gint64 from = random_time (gen, chain->start, gen->as_of);
      g_autofree char *zh = g_strdup_printf ("%s%s", name->zh, measure_zh[kind]);
      g_autofree char *en = g_strdup_printf ("%s: %s", name->en != NULL ? name->en : name->zh, measure_en[kind]);

      g_string_append (out, c == 0 ? "{\"id\":\"m-" : ",\n{\"id\":\"m-");
      append_uint (out, c + 1);
      g_string_append (out, "\",\"region\":\"");
      g_string_append (out, region_code (gen, region));
      g_string_append (out, "\",\"kind\":\"");
      g_string_append (out, sitroom_measure_kind_to_string (kind));
      g_string_append (out, "\",\"from\":");
      append_time (out, from);
      g_string_append (out, ",\"until\":");
      if (g_rand_int_range (gen->rand, 0, 3) == 0)
        append_time (out, random_time (gen, from, gen->as_of));
      else
        g_string_append (out, "null");
      g_string_append (out, ",\"text\":");
      append_text (out, zh, en);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n]\n}\n");
}

int
main (int   argc,
      char *argv[])
{
  int n_cases = 100000;
  int n_chains = 50;
  int n_events = 20;
  gint64 seed = 1;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, "Number of cases (default 100000)", "N" },
    { "chains", 0, 0, G_OPTION_ARG_INT, &n_chains, "Number of chains (default 50)", "N" },
    { "events", 0, 0, G_OPTION_ARG_INT, &n_events, "Events per chain (default 20)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed: the same seed writes the same document (default 1)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a synthetic situation document");
  g_autoptr(GError) error = NULL;
  Generator gen = { 0 };

  /* Messages from the core are UTF-8; print them in the terminal's charset. */
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("sitroom-gen: %s\n", error->message);
      return 2;
    }
  if (n_cases < 0 || n_chains < 1 || n_events < 0 || seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("sitroom-gen: --cases must be 0 or more, --chains 1 or more, "
                  "--events 0 or more, --seed from 0 to %u\n", G_MAXUINT32);
      return 2;
    }

  gen.rand = g_rand_new_with_seed ((guint32) seed);
  gen.regions = sitroom_regions_get_builtin ();
  gen.prefectures = g_array_new (FALSE, FALSE, sizeof (Prefecture));
  gen.chains = g_array_sized_new (FALSE, FALSE, sizeof (Chain), (guint) n_chains);
  gen.as_of = (days_from_civil (2022, 8, 20) * DAY) + 13 * 3600 - OFFSET;
  /* Sized from the lengths a case and an event take, so the buffer grows once at most. */
  gen.out = g_string_sized_new ((gsize) n_cases * 190 + (gsize) n_chains * (gsize) (n_events + 2) * 260 + 16384);

  if (!collect_prefectures (&gen))
    {
      g_printerr ("sitroom-gen: the built-in region table has no prefecture\n");
      return 1;
    }

  for (int c = 0; c < n_chains; c++)
    {
      Chain chain;

      chain.prefecture = g_rand_int_range (gen.rand, 0, (gint32) gen.prefectures->len);
      chain.start = random_time (&gen, gen.as_of - SPAN_DAYS * DAY, gen.as_of - DAY);
      g_array_append_val (gen.chains, chain);
    }

  write_header (&gen);
  write_chains (&gen, (guint) n_events);
  write_cases (&gen, (guint) n_cases);
  write_sites (&gen);
  write_measures (&gen);

  if (output != NULL)
    {
      if (!g_file_set_contents (output, gen.out->str, (gssize) gen.out->len, &error))
        {
          g_printerr ("sitroom-gen: %s\n", error->message);
          return 1;
        }
    }
  else if (fwrite (gen.out->str, 1, gen.out->len, stdout) != gen.out->len || fflush (stdout) != 0)
    {
      g_printerr ("sitroom-gen: cannot write to standard output\n");
      return 1;
    }

  for (guint i = 0; i < gen.prefectures->len; i++)
    g_array_unref (g_array_index (gen.prefectures, Prefecture, i).counties);
  g_array_unref (gen.prefectures);
  g_array_unref (gen.chains);
  g_string_free (gen.out, TRUE);
  g_rand_free (gen.rand);

  return 0;
}
