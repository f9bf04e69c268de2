/* The capacity drawings' insides, shared by their files and read by their test: colours, words, where a forecast chart sits, the table's rows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sitroom-capacity-render.h"
#include "sitroom-chart-style.h"
#include "sitroom-render-text.h"

G_BEGIN_DECLS
/* A chart's columns: the cutoff's, then each forecast day's. */
#define CAPACITY_COLUMNS (SITROOM_FORECAST_DAYS + 1)
#define CAPACITY_LABEL_PX 11.0
#define CAPACITY_TICK_LENGTH 4.0

/* Colours of both drawings, per style: the charts' own
 * (sitroom-chart-style.h), by name or as a whole, and capacity's. */
typedef struct {
  union {
    SitroomChartColors chart;
    struct { SITROOM_CHART_COLOR_MEMBERS };
  };
  SitroomColor line;            /* expected occupancy */
  SitroomColor area;            /* under it, translucent */
  SitroomColor capacity;        /* the beds' level */
  SitroomColor calm;            /* occupancy bars below 80 % */
  SitroomColor amber;           /* 80 to 100 % */
  SitroomColor warning;         /* over-full, the day beds run out */
  SitroomColor warning_area;    /* above the beds' level, translucent */
  SitroomColor track;           /* an occupancy bar's empty part */
  SitroomColor mark;            /* the "illustrative" mark */
} CapacityPalette;

/* The words of one drawing, in the context of the surface drawn into. */
typedef struct {
  SitroomForecast *forecast;
  const SitroomCapacityOptions *options;
  PangoContext *pango;
  double ts;                    /* text scale */
  gboolean chinese;
} CapacityTexts;

/* The fixed words, each in both languages (sitroom_capacity_phrase()). */
typedef enum {
  CAPACITY_PHRASE_MARK,
  CAPACITY_PHRASE_EMPTY,
  CAPACITY_PHRASE_KEY_LINE,
  CAPACITY_PHRASE_KEY_BEDS,
  CAPACITY_PHRASE_KEY_ABOVE,
  CAPACITY_PHRASE_KEY_RULE,
  CAPACITY_PHRASE_WIDE_DAY,     /* measured, never shown */
  CAPACITY_PHRASE_SITES,
  CAPACITY_PHRASE_COLUMN_NAME,
  CAPACITY_PHRASE_COLUMN_BEDS,
  CAPACITY_PHRASE_COLUMN_OCCUPIED,
  CAPACITY_PHRASE_COLUMN_FREE,
  CAPACITY_PHRASE_COLUMN_OCCUPANCY,
  CAPACITY_PHRASE_TOTAL,
  CAPACITY_PHRASE_READING,      /* how to read a forecast's figure */
  CAPACITY_N_PHRASES
} CapacityPhrase;

/* A forecast chart's words, laid out once a drawing. */
typedef struct {
  PangoLayout *name;            /* with the title */
  PangoLayout *status;
  PangoLayout *rule_label;      /* the full-on day's date, or NULL */
  double label_height;          /* of the axes' labels */
  gboolean illustrative;
  double mark_width, mark_height;
} CapacityChartWords;

/* Where a forecast chart's parts sit. The horizontal part depends on the
 * size and options alone (day_at() reads it with no figures); the people
 * scale and the vertical part are known once the prefecture and the words
 * are. */
typedef struct {
  double width;
  double height;
  double ts;
  double margin;
  double x0, x1;                /* the plot's left and right edges */
  double slot;                  /* a column's width */
  gint64 top;                   /* the people at the plot's top */
  gint64 step;                  /* the people between gridlines */
  double title_y;               /* the title's rows, when asked for */
  double rule_label_y;          /* the row of the full-on date, or -1 */
  double y0;                    /* the plot's top */
  double y1;                    /* the baseline, a whole pixel */
  double unit;                  /* pixels per person */
} CapacityChartLayout;

/* A row of the whole picture's table. */
typedef enum {
  CAPACITY_ROW_PREFECTURE,
  CAPACITY_ROW_SITE,
  CAPACITY_ROW_TOTAL,
} CapacityRowKind;

typedef struct {
  CapacityRowKind kind;
  int index;                    /* the forecast's prefecture, or the site */
  gint64 capacity;
  gint64 occupied;
  gboolean over_full;
  double y;                     /* its top, from the table's */
} CapacityRow;

/* The table laid out: its rows and columns, from its top left corner. */
typedef struct {
  CapacityTexts *texts;
  GArray *rows;                 /* CapacityRow shown */
  guint n_over_full;            /* over-full sites, shown or not */
  guint n_left_out;             /* sites with no room */
  double width;
  double height;
  double heading_height;        /* the heading and the columns' names */
  double row_height;
  double name_width;
  double number_width;          /* each of capacity, occupied, free */
  double bar_x;                 /* the occupancy bar, from the table's left */
  double bar_width;
  double bar_height;
} CapacityTable;

/* sitroom-capacity-render.c: colours and the mark. */
const CapacityPalette *sitroom_capacity_palette    (SitroomStyle                  style);
/* The name the capacity test knows sitroom_chart_set_color() by. */
#define sitroom_capacity_set_color sitroom_chart_set_color
double      sitroom_capacity_text_scale            (const SitroomCapacityOptions *options);
/* Whether the document calls its sites' figures illustrative, and whether
 * a forecast (which adds its cohorts) is. */
gboolean    sitroom_capacity_sites_illustrative    (SitroomForecast              *forecast);
gboolean    sitroom_capacity_forecast_illustrative (SitroomForecast              *forecast);
/* The "示意数据" / "Illustrative" mark: its size, and drawn with its top
 * left corner at (x, y). */
void        sitroom_capacity_mark_size             (CapacityTexts                *texts,
                                                    double                       *width,
                                                    double                       *height);
void        sitroom_capacity_draw_mark             (CapacityTexts                *texts,
                                                    cairo_t                      *cr,
                                                    double                        x,
                                                    double                        y);

/* sitroom-capacity-render-words.c: the words in both languages, and the
 * text they are set in. */
void        sitroom_capacity_texts_init            (CapacityTexts                *texts,
                                                    SitroomForecast              *forecast,
                                                    const SitroomCapacityOptions *options,
                                                    cairo_t                      *cr);
void        sitroom_capacity_texts_clear           (CapacityTexts                *texts);
const char *sitroom_capacity_phrase                (const CapacityTexts          *texts,
                                                    CapacityPhrase                phrase);
/* Text at @pixels times the text scale. */
PangoLayout *sitroom_capacity_new_layout           (CapacityTexts                *texts,
                                                    double                        pixels,
                                                    gboolean                      bold,
                                                    const char                   *text);
/* "8月25日" / "25 Aug": the CST day starting at @day. */
char       *sitroom_capacity_day_words             (gint64                        day,
                                                    gboolean                      chinese);
/* "1520": people or beds. */
char       *sitroom_capacity_number_words          (gint64                        number);
/* "106%" / "106 %", "—" without beds. */
char       *sitroom_capacity_percent_words         (gint64                        occupied,
                                                    gint64                        capacity,
                                                    gboolean                      chinese);
/* The name of region @region in the options' language. */
const char *sitroom_capacity_region_name           (const CapacityTexts          *texts,
                                                    int                           region);
/* The whole picture's source line, under its title. */
char       *sitroom_capacity_source_words          (const CapacityTexts          *texts,
                                                    const SitroomText            *publisher);
/* The line under a chart's name: "已超员 · 预计8月21日床位用尽" / "Beds last
 * the 14 days". */
char       *sitroom_capacity_status_words          (const CapacityTexts          *texts,
                                                    const SitroomPrefectureForecast *prefecture);
/* A chart's words laid out: its name and status when the options ask for
 * a title, the first @width wide less the mark; the full-on date. */
void        sitroom_capacity_chart_words_init      (CapacityChartWords              *words,
                                                    CapacityTexts                   *texts,
                                                    const SitroomPrefectureForecast *prefecture,
                                                    double                           width);
void        sitroom_capacity_chart_words_clear     (CapacityChartWords           *words);
/* "床位300" / "300 beds": the beds' level's name. */
char       *sitroom_capacity_beds_words            (const CapacityTexts          *texts,
                                                    gint64                        beds);
/* The hover box beside column @column (as in chart_day_x()): the date of
 * the day starting at @day, its expected occupants, beds, and free beds or
 * how many over. */
void        sitroom_capacity_draw_hover            (CapacityTexts                *texts,
                                                    cairo_t                      *cr,
                                                    const CapacityChartLayout    *layout,
                                                    int                           column,
                                                    gint64                        day,
                                                    gint64                        occupied,
                                                    gint64                        capacity);
/* The table's free beds ("超14" / "14 over" when over-full), the count in
 * its heading, the note on the sites left out. */
char       *sitroom_capacity_free_words            (const CapacityTexts          *texts,
                                                    gint64                        occupied,
                                                    gint64                        capacity);
char       *sitroom_capacity_over_full_words       (const CapacityTexts          *texts,
                                                    guint                         n_over_full);
char       *sitroom_capacity_left_out_words        (const CapacityTexts          *texts,
                                                    guint                         n_left_out);
/* The assumptions: the default rule and its days; the arrivals a day of
 * each prefecture, @any_mean set when one is a mean rather than set; the
 * occupants without a cohort; which figures are illustrative (@sites or
 * @cohorts, at least one). */
char       *sitroom_capacity_rule_words            (const CapacityTexts          *texts);
char       *sitroom_capacity_arrivals_words        (const CapacityTexts          *texts,
                                                    gboolean                     *any_mean);
char       *sitroom_capacity_unassigned_words      (const CapacityTexts          *texts);
char       *sitroom_capacity_illustrative_words    (const CapacityTexts          *texts,
                                                    gboolean                      sites,
                                                    gboolean                      cohorts);

/* sitroom-capacity-render-forecast.c: one prefecture's chart. */
void        sitroom_capacity_chart_layout_x        (const SitroomCapacityOptions *options,
                                                    double                        width,
                                                    double                        height,
                                                    CapacityChartLayout          *layout);
/* Everything placed, as render_forecast() draws it; the test reads it to
 * know where the plot is. */
void        sitroom_capacity_chart_get_layout      (SitroomForecast                 *forecast,
                                                    const SitroomPrefectureForecast *prefecture,
                                                    const SitroomCapacityOptions    *options,
                                                    cairo_t                         *cr,
                                                    double                           width,
                                                    double                           height,
                                                    CapacityChartLayout             *layout);
/* The middle of column @column (0: the cutoff's; c ≥ 1: the forecast's
 * days[c - 1]), and where @people stand. */
double      sitroom_capacity_chart_day_x           (const CapacityChartLayout    *layout,
                                                    int                           column);
double      sitroom_capacity_chart_people_y        (const CapacityChartLayout    *layout,
                                                    double                        people);
/* Column @column's expected occupancy and beds (0: the cutoff's). */
gint64      sitroom_capacity_chart_occupied        (const SitroomPrefectureForecast *prefecture,
                                                    int                              column);
gint64      sitroom_capacity_chart_capacity        (const SitroomPrefectureForecast *prefecture,
                                                    int                              column);

/* sitroom-capacity-render-table.c: the prefectures and their sites, and
 * the assumptions. */
/* Lays the table out at most @width wide and @height high: every
 * prefecture and the total; sites under their prefecture while there is
 * room, over-full and fullest first when some must be left out. */
void        sitroom_capacity_table_init            (CapacityTable                *table,
                                                    CapacityTexts                *texts,
                                                    double                        width,
                                                    double                        height);
void        sitroom_capacity_table_clear           (CapacityTable                *table);
void        sitroom_capacity_table_draw            (CapacityTable                *table,
                                                    cairo_t                      *cr,
                                                    double                        x,
                                                    double                        y);
/* The assumptions the forecast rests on (the default rule's days, the
 * arrivals a day, the occupants without a cohort, how to read a figure,
 * which figures are illustrative) as paragraphs @width wide, each marked
 * when its figures are illustrative. */
GArray     *sitroom_capacity_assumptions_new       (CapacityTexts                *texts,
                                                    double                        width);
double      sitroom_capacity_assumptions_height    (GArray                       *assumptions,
                                                    CapacityTexts                *texts);
void        sitroom_capacity_assumptions_draw      (GArray                       *assumptions,
                                                    CapacityTexts                *texts,
                                                    cairo_t                      *cr,
                                                    double                        x,
                                                    double                        y);

G_END_DECLS
