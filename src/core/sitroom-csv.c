/* CSV tables of a view: RFC 4180, CRLF, UTF-8 with a byte-order mark, English header keys. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sitroom-chains.h"
#include "sitroom-csv.h"
#include "sitroom-time.h"

#define BOM "\xEF\xBB\xBF"
#define CRLF "\r\n"

typedef void (*TableFunc) (GString     *out,
                           SitroomView *view);

/* One field, quoted when RFC 4180 asks for it. */
static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;

  if (strpbrk (value, "\",\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
sitroom_csv_append_row (GString            *out,
                        const char * const *fields,
                        guint               n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    append_field (out, fields[i], i == 0);
  g_string_append (out, CRLF);
}

/* A number, or NULL (an empty field) for a count the feed does not give. */
static char *
count_field (gint64 value)
{
  return value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;
}

static char *
time_field (gint64 at)
{
  return at != SITROOM_TIME_NONE ? sitroom_time_format (at, SITROOM_CST_OFFSET) : NULL;
}

/* Names in the English column only when the feed gives them in English: a
 * program reading the file must be able to tell a translation from a copy. */
static const char *
english (const SitroomText *text)
{
  return text->en;
}

static void
table_prefectures (GString     *out,
                   SitroomView *view)
{
  static const char * const header[] = {
    "code", "name_zh", "name_en", "positives", "confirmed", "mild", "moderate",
    "severe", "critical", "asymptomatic", "new_24h",
  };
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_prefectures (view);

  sitroom_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *row = sitroom_view_get_prefecture (view, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, row->region);
      const SitroomCounts *counts = &row->counts;
      g_autofree char *positives = count_field (counts->positives);
      g_autofree char *confirmed = count_field (counts->confirmed);
      g_autofree char *mild = count_field (counts->by_class[SITROOM_CLASS_MILD]);
      g_autofree char *moderate = count_field (counts->by_class[SITROOM_CLASS_MODERATE]);
      g_autofree char *severe = count_field (counts->by_class[SITROOM_CLASS_SEVERE]);
      g_autofree char *critical = count_field (counts->by_class[SITROOM_CLASS_CRITICAL]);
      g_autofree char *asymptomatic = count_field (counts->asymptomatic);
      g_autofree char *new_24h = count_field (counts->new_24h);
      const char *fields[] = {
        region->code, region->name.zh, english (&region->name), positives, confirmed,
        mild, moderate, severe, critical, asymptomatic, new_24h,
      };

      sitroom_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
}

static char *
chain_prefectures (SitroomSituation          *situation,
                   const SitroomChainFigures *row)
{
  GString *codes = g_string_new (NULL);

  for (guint r = 0; r < row->n_regions; r++)
    {
      if (r > 0)
        g_string_append_c (codes, ';');
      g_string_append (codes, sitroom_situation_get_region (situation, row->regions[r])->code);
    }
  return g_string_free (codes, FALSE);
}

static void
table_chains (GString     *out,
              SitroomView *view)
{
  static const char * const header[] = {
    "id", "label", "title_zh", "title_en", "first_reported", "positives", "prefectures",
    "close_contacts", "secondary_contacts", "status",
  };
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_view_get_n_chains (view);

  sitroom_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < n; i++)
    {
      const SitroomChainFigures *row = sitroom_view_get_chain (view, i);
      const SitroomChain *chain = sitroom_situation_get_chain (situation, row->chain);
      g_autofree char *first_reported = time_field (chain->first_reported);
      g_autofree char *positives = count_field (row->counts.positives);
      g_autofree char *prefectures = chain_prefectures (situation, row);
      g_autofree char *close = count_field (chain->close_contacts);
      g_autofree char *secondary = count_field (chain->secondary_contacts);
      SitroomChainStatus status = sitroom_chain_get_status (view, row->chain, SITROOM_CHAIN_DEFAULT_CLOSE_DAYS);
      const char *fields[] = {
        chain->id, chain->label, chain->title.zh, english (&chain->title), first_reported,
        positives, prefectures, close, secondary, sitroom_chain_status_to_string (status),
      };

      sitroom_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
}

static void
table_sites (GString     *out,
             SitroomView *view)
{
  static const char * const header[] = {
    "id", "prefecture", "region", "name_zh", "name_en", "kind", "capacity", "occupied",
    "free", "occupancy_percent", "over_full", "updated_at", "illustrative",
  };
  SitroomSituation *situation = sitroom_view_get_situation (view);
  guint n = sitroom_situation_get_n_sites (situation);
  int filter = sitroom_view_get_prefecture_filter (view);
  const char *illustrative = sitroom_situation_is_illustrative (situation, "quarantine_sites") ? "yes" : "no";

  sitroom_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < n; i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);
      const SitroomRegion *region = sitroom_situation_get_region (situation, site->region);
      const char *prefecture = region->prefecture >= 0
                               ? sitroom_situation_get_region (situation, region->prefecture)->code : NULL;
      g_autofree char *capacity = count_field (site->capacity);
      g_autofree char *occupied = count_field (site->occupied);
      g_autofree char *free_places = count_field (MAX (site->capacity - site->occupied, 0));
      g_autofree char *updated_at = time_field (site->updated_at);
      char percent[G_ASCII_DTOSTR_BUF_SIZE] = "";
      const char *fields[13];

      if (filter >= 0 && region->prefecture != filter)
        continue;

      /* g_ascii_formatd: a point, whatever the locale, as the header's keys. */
      if (site->capacity > 0)
        g_ascii_formatd (percent, sizeof percent, "%.1f", 100.0 * site->occupied / site->capacity);

      fields[0] = site->id;
      fields[1] = prefecture;
      fields[2] = region->code;
      fields[3] = site->name.zh;
      fields[4] = english (&site->name);
      fields[5] = sitroom_site_kind_to_string (site->kind);
      fields[6] = capacity;
      fields[7] = occupied;
      fields[8] = free_places;
      fields[9] = percent;
      fields[10] = site->occupied > site->capacity ? "yes" : "no";
      fields[11] = updated_at;
      fields[12] = illustrative;
      sitroom_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
}

static GBytes *
one_table (SitroomView *view,
           TableFunc    table)
{
  GString *out = g_string_new (BOM);

  table (out, view);
  return g_string_free_to_bytes (out);
}

GBytes *
sitroom_csv_prefectures (SitroomView *view)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  return one_table (view, table_prefectures);
}

GBytes *
sitroom_csv_chains (SitroomView *view)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  return one_table (view, table_chains);
}

GBytes *
sitroom_csv_sites (SitroomView *view)
{
  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  return one_table (view, table_sites);
}

GBytes *
sitroom_csv_briefing (SitroomView *view)
{
  static const struct {
    const char *title;
    TableFunc table;
  } tables[] = {
    { "prefectures", table_prefectures },
    { "chains", table_chains },
    { "quarantine_sites", table_sites },
  };
  g_autofree char *cutoff = NULL;
  GString *out;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);

  cutoff = sitroom_time_format (sitroom_view_get_cutoff (view), SITROOM_CST_OFFSET);
  out = g_string_new (BOM);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      const char *title[] = { tables[i].title, cutoff };

      if (i > 0)
        g_string_append (out, CRLF);
      sitroom_csv_append_row (out, title, G_N_ELEMENTS (title));
      tables[i].table (out, view);
    }
  return g_string_free_to_bytes (out);
}

gboolean
sitroom_csv_write_briefing (SitroomView  *view,
                            const char   *path,
                            GError      **error)
{
  g_autoptr(GBytes) csv = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  csv = sitroom_csv_briefing (view);
  data = g_bytes_get_data (csv, &length);
  /* CONSISTENT: a temporary file renamed over the old one, so a reader of
   * the old file never sees half a new one. */
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
