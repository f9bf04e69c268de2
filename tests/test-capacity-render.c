/* Tests of the capacity drawings: forecast days under the pointer, the full-on rule read back from pixels, over-full colours, the empty picture, both languages and the illustrative mark. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sitroom-capacity-render-private.h"
#include "sitroom-test-demo.h"
#include "sitroom-test-drawn.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

#define WIDTH 640
#define HEIGHT 360
/* How far (RGB, 0 to 255) a pixel may be from a colour and be taken for it. */
#define TOLERANCE 4.0

static SitroomSituation *demo;
static SitroomSituation *overfull;
static SitroomSituation *empty;

static SitroomForecast *
forecast_of (SitroomSituation *situation)
{
  g_autoptr(SitroomView) view = sitroom_test_demo_view_at (situation, NULL);

  return sitroom_forecast_new (view, NULL, 0);
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double           rgb[3])
{
  const guint32 *row;

  g_assert_true (x >= 0 && x < cairo_image_surface_get_width (surface));
  g_assert_true (y >= 0 && y < cairo_image_surface_get_height (surface));
  row = (const guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));
  rgb[0] = (row[x] >> 16) & 0xff;
  rgb[1] = (row[x] >> 8) & 0xff;
  rgb[2] = row[x] & 0xff;
}

static gboolean
is_color (cairo_surface_t    *surface,
          int                 x,
          int                 y,
          const SitroomColor *color)
{
  double rgb[3];

  pixel (surface, x, y, rgb);
  return fabs (rgb[0] - color->red * 255) <= TOLERANCE && fabs (rgb[1] - color->green * 255) <= TOLERANCE &&
         fabs (rgb[2] - color->blue * 255) <= TOLERANCE;
}

/* A chart drawn into an image of WIDTH × HEIGHT, and where its parts are. */
typedef struct {
  cairo_surface_t *surface;
  CapacityChartLayout layout;
} Chart;

static void
chart_clear (Chart *chart)
{
  g_clear_pointer (&chart->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chart, chart_clear)

static void
draw_chart (Chart                           *chart,
            SitroomForecast                 *forecast,
            const SitroomPrefectureForecast *prefecture,
            const SitroomCapacityOptions    *options)
{
  g_autoptr(cairo_t) cr = NULL;

  chart->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (chart->surface);
  sitroom_capacity_chart_get_layout (forecast, prefecture, options, cr, WIDTH, HEIGHT, &chart->layout);
  sitroom_capacity_render_forecast (forecast, prefecture, options, cr, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (chart->surface);
}

/* Pixels of @color down column @x of the plot. */
static guint
column_run (const Chart        *chart,
            int                 x,
            const SitroomColor *color)
{
  guint n = 0;

  for (int y = (int) chart->layout.y0; y < (int) chart->layout.y1; y++)
    n += is_color (chart->surface, x, y, color);
  return n;
}

static void
test_day_at (void)
{
  SitroomCapacityOptions options = { SITROOM_STYLE_LIGHT, "zh", -1, FALSE, 1 };
  CapacityChartLayout layout;

  for (guint scale = 1; scale <= 2; scale++)
    {
      options.text_scale = scale;
      sitroom_capacity_chart_layout_x (&options, WIDTH, HEIGHT, &layout);
      g_assert_cmpfloat (layout.x0, >, 0);
      g_assert_cmpfloat (layout.x1, <, WIDTH);
      /* Day d of the forecast is the column after the cutoff's. */
      for (int day = 0; day < SITROOM_FORECAST_DAYS; day++)
        {
          double left = layout.x0 + (day + 1) * layout.slot, right = left + layout.slot;

          /* Anywhere in its column, high or low: the middle, both edges. */
          g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT,
                                                                    sitroom_capacity_chart_day_x (&layout, day + 1), 5),
                           ==, day);
          g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT, left + 0.01, HEIGHT - 1),
                           ==, day);
          g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT, right - 0.01, HEIGHT / 2),
                           ==, day);
        }
      /* The cutoff's column, the people axis's gutter, past the last
       * column, off the drawing. */
      g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT,
                                                                sitroom_capacity_chart_day_x (&layout, 0), 100), ==, -1);
      g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT, layout.x0 - 1, 100), ==, -1);
      g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT, layout.x1, 100), ==, -1);
      g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT, WIDTH / 2, -1), ==, -1);
      g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT, WIDTH / 2, HEIGHT), ==, -1);
      /* A title takes height, never a column. */
      options.title = TRUE;
      g_assert_cmpint (sitroom_capacity_render_forecast_day_at (&options, WIDTH, HEIGHT,
                                                                sitroom_capacity_chart_day_x (&layout, 8), 100), ==, 7);
      options.title = FALSE;
    }
}

/* The day beds run out: a rule in the warning colour down the plot at
 * its column's middle, and nowhere else. */
static void
check_rule (SitroomSituation *situation,
            const char       *code,
            SitroomStyle      style,
            gboolean          title)
{
  g_autoptr(SitroomForecast) forecast = forecast_of (situation);
  const SitroomPrefectureForecast *prefecture = sitroom_test_demo_forecast_row (forecast, code);
  const SitroomColor *warning = &sitroom_capacity_palette (style)->warning;
  SitroomCapacityOptions options = { style, "en", -1, title, 1 };
  g_auto (Chart) chart = { 0 };
  int x, height;

  g_assert_cmpint (prefecture->full_on, >=, 0);
  draw_chart (&chart, forecast, prefecture, &options);
  height = (int) (chart.layout.y1 - chart.layout.y0);
  x = (int) round (sitroom_capacity_chart_day_x (&chart.layout, prefecture->full_on + 1));
  g_test_message ("%s: full on day %d, rule at x = %d, %u of %d pixels", code, prefecture->full_on + 1, x,
                  column_run (&chart, x, warning), height);
  g_assert_cmpuint (column_run (&chart, x, warning), >=, height * 0.8);
  /* Between the days on either side, no rule. */
  g_assert_cmpuint (column_run (&chart, (int) round (x - chart.layout.slot / 2), warning), <, height * 0.2);
  g_assert_cmpuint (column_run (&chart, (int) round (x + chart.layout.slot / 2), warning), <, height * 0.2);
  /* Above the plot, its date. */
  g_assert_cmpfloat (chart.layout.rule_label_y, >=, 0);
  g_assert_cmpfloat (chart.layout.rule_label_y, <, chart.layout.y0);
}

static void
test_rule (void)
{
  /* Yangquan is over-full at the cutoff: its beds run out on day 1. */
  check_rule (demo, "140300", SITROOM_STYLE_LIGHT, FALSE);
  check_rule (demo, "140300", SITROOM_STYLE_DARK, TRUE);
  check_rule (overfull, "140100", SITROOM_STYLE_LIGHT, TRUE);
}

static void
test_no_rule (void)
{
  g_autoptr(SitroomForecast) forecast = forecast_of (overfull);
  /* Datong: 40 of 500 beds, and people leaving. */
  const SitroomPrefectureForecast *prefecture = sitroom_test_demo_forecast_row (forecast, "140200");
  const SitroomColor *warning = &sitroom_capacity_palette (SITROOM_STYLE_LIGHT)->warning;
  SitroomCapacityOptions options = { SITROOM_STYLE_LIGHT, "zh", -1, TRUE, 1 };
  g_auto (Chart) chart = { 0 };
  int height;

  g_assert_cmpint (prefecture->full_on, ==, -1);
  draw_chart (&chart, forecast, prefecture, &options);
  height = (int) (chart.layout.y1 - chart.layout.y0);
  g_assert_cmpfloat (chart.layout.rule_label_y, <, 0);
  for (int x = (int) chart.layout.x0; x < (int) chart.layout.x1; x++)
    g_assert_cmpuint (column_run (&chart, x, warning), <, height * 0.2);
}

/* Words are dark and grey; the occupancy line and its points, blue or red. */
static gboolean
is_ink (cairo_surface_t *surface,
        int              x,
        int              y,
        gboolean         words)
{
  double rgb[3], spread;

  pixel (surface, x, y, rgb);
  spread = MAX (MAX (rgb[0], rgb[1]), rgb[2]) - MIN (MIN (rgb[0], rgb[1]), rgb[2]);
  return words ? spread < 40 && rgb[0] + rgb[1] + rgb[2] < 3 * 160 : spread > 60;
}

/* Yuncheng's occupancy runs along its beds from 27 August: the beds'
 * label stands clear above the line's points, not on them. */
static void
test_beds_label (void)
{
  g_autoptr(SitroomForecast) forecast = forecast_of (demo);
  const SitroomPrefectureForecast *prefecture = sitroom_test_demo_forecast_row (forecast, "140800");
  const SitroomForecastDay *last = &prefecture->days[SITROOM_FORECAST_DAYS - 1];

  for (guint i = 0; i < 2; i++)
    {
      SitroomCapacityOptions options = { SITROOM_STYLE_LIGHT, i == 0 ? "zh" : "en", -1, TRUE, 1 };
      g_auto (Chart) chart = { 0 };
      int level, words = -1, line = HEIGHT;

      draw_chart (&chart, forecast, prefecture, &options);
      level = (int) round (sitroom_capacity_chart_people_y (&chart.layout, last->capacity));
      g_assert_cmpfloat (fabs (sitroom_capacity_chart_people_y (&chart.layout, last->occupied) - level), <, 1);
      /* Under the label, right-aligned over the last columns: its words'
       * lowest row above the dashed level, the line's highest. */
      for (int x = (int) (chart.layout.x1 - 3 * chart.layout.slot); x < (int) chart.layout.x1; x++)
        for (int y = (int) chart.layout.y0; y < (int) chart.layout.y1; y++)
          {
            if (y < level - 2 && is_ink (chart.surface, x, y, TRUE))
              words = MAX (words, y);
            if (is_ink (chart.surface, x, y, FALSE))
              line = MIN (line, y);
          }
      g_test_message ("%s: words down to row %d, line from row %d, level %d", options.lang, words, line, level);
      g_assert_cmpint (words, >, (int) chart.layout.y0);
      g_assert_cmpint (line - words - 1, >=, 4);
    }
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b,
             int              x0,
             int              x1)
{
  for (int y = 0; y < HEIGHT; y++)
    for (int x = x0; x < x1; x++)
      {
        double p[3], q[3];

        pixel (a, x, y, p);
        pixel (b, x, y, q);
        if (memcmp (p, q, sizeof p) != 0)
          return FALSE;
      }
  return TRUE;
}

static void
test_hover (void)
{
  g_autoptr(SitroomForecast) forecast = forecast_of (demo);
  const SitroomPrefectureForecast *prefecture = sitroom_test_demo_forecast_row (forecast, "140300");
  SitroomCapacityOptions options = { SITROOM_STYLE_LIGHT, "zh", -1, FALSE, 1 };
  g_auto (Chart) plain = { 0 };
  g_auto (Chart) hovered = { 0 };
  g_auto (Chart) outside = { 0 };
  int left;

  draw_chart (&plain, forecast, prefecture, &options);
  options.hover_day = 10;
  draw_chart (&hovered, forecast, prefecture, &options);
  options.hover_day = SITROOM_FORECAST_DAYS;
  draw_chart (&outside, forecast, prefecture, &options);

  /* The hovered day's figures to its side; the columns of the first
   * days untouched (the box goes left of a late day only when the right
   * has no room, and 10 leaves room). */
  left = (int) (hovered.layout.x0 + (10 + 1) * hovered.layout.slot);
  g_assert_false (same_pixels (plain.surface, hovered.surface, left, WIDTH));
  g_assert_true (same_pixels (plain.surface, hovered.surface, 0, (int) hovered.layout.x0 + 5 * (int) hovered.layout.slot));
  /* A day past the forecast marks nothing. */
  g_assert_true (same_pixels (plain.surface, outside.surface, 0, WIDTH));
}

static void
test_bar_color (void)
{
  for (SitroomStyle style = SITROOM_STYLE_LIGHT; style <= SITROOM_STYLE_DARK; style++)
    {
      const CapacityPalette *palette = sitroom_capacity_palette (style);
      const struct {
        gint64 occupied, capacity;
        const SitroomColor *color;
      } cases[] = {
        { 0, 0, &palette->calm },
        { 79, 100, &palette->calm },
        { 80, 100, &palette->amber },
        { 100, 100, &palette->amber },
        { 101, 100, &palette->warning },
        { 1, 0, &palette->warning },
      };

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          SitroomColor color;

          sitroom_capacity_render_bar_color (cases[i].occupied, cases[i].capacity, style, &color);
          g_assert_true (memcmp (&color, cases[i].color, sizeof color) == 0);
        }
      /* Three colours a reader tells apart. */
      g_assert_true (memcmp (&palette->calm, &palette->amber, sizeof (SitroomColor)) != 0);
      g_assert_true (memcmp (&palette->amber, &palette->warning, sizeof (SitroomColor)) != 0);
    }
}

/* The table of the over-full document: its heading's count, and each
 * bar's fill read back from the picture. */
static void
test_over_full (void)
{
  g_autoptr(SitroomForecast) forecast = forecast_of (overfull);
  SitroomSituation *situation = overfull;
  SitroomCapacityOptions options = { SITROOM_STYLE_DARK, "zh", -1, TRUE, 1.5 };
  const CapacityPalette *palette = sitroom_capacity_palette (options.style);
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 800);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  CapacityTexts texts;
  CapacityTable table;
  guint n_warning = 0, n_sites = 0;

  sitroom_capacity_texts_init (&texts, forecast, &options, cr);
  sitroom_capacity_table_init (&table, &texts, 1200, 800);
  sitroom_capacity_set_color (cr, &palette->background, 1);
  cairo_paint (cr);
  sitroom_capacity_table_draw (&table, cr, 0, 0);
  cairo_surface_flush (surface);

  /* Xiaodian and Yu County; the home site over its figure is not counted. */
  g_assert_cmpuint (table.n_over_full, ==, 2);
  g_assert_cmpuint (table.n_left_out, ==, 0);
  for (guint i = 0; i < table.rows->len; i++)
    {
      const CapacityRow *row = &g_array_index (table.rows, CapacityRow, i);
      double share = row->capacity > 0 ? MIN (1.0, (double) row->occupied / row->capacity) : 1;
      /* The middle of the filled part. */
      int x = (int) (table.bar_x + MAX (1, table.bar_width * share / 2));
      int y = (int) (row->y + table.row_height / 2);
      SitroomColor fill;

      sitroom_capacity_render_bar_color (row->occupied, row->capacity, options.style, &fill);
      if (row->kind == CAPACITY_ROW_SITE)
        {
          const SitroomSite *site = sitroom_situation_get_site (situation, row->index);

          n_sites++;
          g_assert_true (site->kind == SITROOM_SITE_CENTRALIZED);
          g_assert_true (row->over_full == (site->occupied > site->capacity));
        }
      g_test_message ("row %u: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT, i, row->occupied, row->capacity);
      g_assert_true (is_color (surface, x, y, &fill));
      n_warning += is_color (surface, x, y, &palette->warning);
      /* The over-full bar is filled to its end, the others to their share. */
      g_assert_true (is_color (surface, (int) (table.bar_x + table.bar_width - 2), y,
                               row->occupied > row->capacity ? &palette->warning : &palette->track) ||
                     row->occupied * 100 >= row->capacity * 97);
    }
  /* Two sites and Yangquan, whose one site is over-full. */
  g_assert_cmpuint (n_warning, ==, 3);
  g_assert_cmpuint (n_sites, ==, 5);
  sitroom_capacity_table_clear (&table);
  sitroom_capacity_texts_clear (&texts);
}

static void
test_left_out (void)
{
  g_autoptr(SitroomForecast) forecast = forecast_of (overfull);
  SitroomCapacityOptions options = { SITROOM_STYLE_LIGHT, "en", -1, TRUE, 1 };
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  CapacityTexts texts;
  CapacityTable table;
  guint n_sites = 0;

  sitroom_capacity_texts_init (&texts, forecast, &options, cr);
  sitroom_capacity_table_init (&table, &texts, 800, 800);
  /* Four prefectures, the total, a note and two sites. */
  sitroom_capacity_table_clear (&table);
  sitroom_capacity_table_init (&table, &texts, 800, table.heading_height + 8 * table.row_height);
  for (guint i = 0; i < table.rows->len; i++)
    if (g_array_index (table.rows, CapacityRow, i).kind == CAPACITY_ROW_SITE)
      {
        n_sites++;
        /* The over-full ones are kept first. */
        g_assert_true (g_array_index (table.rows, CapacityRow, i).over_full);
      }
  g_assert_cmpuint (n_sites, ==, 2);
  g_assert_cmpuint (table.n_left_out, ==, 3);
  g_assert_cmpuint (table.n_over_full, ==, 2);
  sitroom_capacity_table_clear (&table);
  sitroom_capacity_texts_clear (&texts);
}

/* The whole capacity picture to draw: whose forecast, in which language. */
typedef struct {
  SitroomForecast *forecast;
  const char *lang;
} Picture;

static void
draw_picture (cairo_t  *cr,
              gpointer  data)
{
  const Picture *picture = data;
  SitroomCapacityOptions options = { SITROOM_STYLE_LIGHT, picture->lang, -1, TRUE, 1 };

  sitroom_capacity_render (picture->forecast, &options, cr, 1600, 900);
}

/* What the whole picture drew as a 1600 × 900 page. */
static GString *
pdf_streams (SitroomSituation *situation,
             const char       *lang)
{
  g_autoptr(SitroomForecast) forecast = forecast_of (situation);
  Picture picture = { forecast, lang };

  return sitroom_test_drawn_text (draw_picture, &picture, 1600, 900);
}

static void
test_languages (void)
{
  g_autoptr(GString) zh = pdf_streams (demo, "zh");
  g_autoptr(GString) en = pdf_streams (demo, "en");
  /* The title, the table, a prefecture, the charts' key, the assumptions. */
  const char * const zh_words[] = {
    "集中隔离床位截至年月日时", "床位在隔空余使用率超员", "阳泉市", "预计用尽", "默认规则近均值", NULL,
  };

  /* "Yangquan", "Occupied", "(CST)": letters the Chinese picture never draws. */
  sitroom_test_drawn_assert_languages (zh, en, zh_words, "YqOCST");
}

static void
test_illustrative (void)
{
  g_autoptr(GString) zh = pdf_streams (demo, "zh");
  g_autoptr(GString) en = pdf_streams (demo, "en");
  g_autoptr(GString) reported_zh = pdf_streams (overfull, "zh");
  g_autoptr(GString) reported_en = pdf_streams (overfull, "en");

  g_assert_true (sitroom_situation_is_illustrative (demo, "quarantine_sites"));
  g_assert_false (sitroom_situation_is_illustrative (overfull, "quarantine_sites"));
  g_assert_false (sitroom_situation_is_illustrative (overfull, "quarantine_cohorts"));
  g_assert_true (sitroom_test_drew (zh, "示意数据"));
  g_assert_true (sitroom_test_drew (en, "Illustrative"));
  /* Only where the document says so: no word of the mark is drawn else. */
  g_assert_false (sitroom_test_drew (reported_zh, "示意"));
  g_assert_false (sitroom_test_drew (reported_en, "I"));
  /* The over-full document's figures are drawn. */
  g_assert_true (sitroom_test_drew (reported_en, "Datong"));
}

static void
test_empty (void)
{
  const char *langs[] = { "zh", "en" };
  const char *words[] = { "没有集中隔离点", "No centralized" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr(SitroomForecast) forecast = forecast_of (empty);
      g_autoptr(GString) streams = pdf_streams (empty, langs[i]);
      SitroomCapacityOptions options = { SITROOM_STYLE_DARK, langs[i], -1, TRUE, 1 };
      const CapacityPalette *palette = sitroom_capacity_palette (options.style);
      g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      g_autoptr(cairo_t) cr = cairo_create (surface);
      guint n_ink = 0;

      /* A home site alone: nothing centralized to forecast. */
      g_assert_cmpuint (sitroom_forecast_get_n_prefectures (forecast), ==, 0);
      sitroom_capacity_render (forecast, &options, cr, WIDTH, HEIGHT);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      g_assert_true (is_color (surface, 1, HEIGHT - 2, &palette->background));
      for (int y = HEIGHT / 3; y < HEIGHT * 2 / 3; y++)
        for (int x = 0; x < WIDTH; x++)
          n_ink += !is_color (surface, x, y, &palette->background);
      /* Words in the middle say there is nothing, and which. */
      g_assert_cmpuint (n_ink, >, 50);
      g_assert_true (sitroom_test_drew (streams, words[i]));
      g_assert_false (sitroom_test_drew (streams, "示意"));
    }
}

static void
test_styles (void)
{
  g_autoptr(SitroomForecast) forecast = forecast_of (demo);
  const SitroomPrefectureForecast *prefecture = sitroom_test_demo_forecast_row (forecast, "140100");

  for (SitroomStyle style = SITROOM_STYLE_LIGHT; style <= SITROOM_STYLE_DARK; style++)
    {
      const CapacityPalette *palette = sitroom_capacity_palette (style);
      SitroomCapacityOptions options = { style, "zh", -1, TRUE, 1 };
      g_auto (Chart) desk = { 0 };
      g_auto (Chart) wall = { 0 };

      draw_chart (&desk, forecast, prefecture, &options);
      g_assert_true (is_color (desk.surface, WIDTH - 1, HEIGHT - 1, &palette->background));
      /* The occupancy line at the cutoff's point. */
      g_assert_true (is_color (desk.surface, (int) round (sitroom_capacity_chart_day_x (&desk.layout, 0)) + 4,
                               (int) round (sitroom_capacity_chart_people_y (&desk.layout, prefecture->occupied)),
                               &palette->line) ||
                     is_color (desk.surface, (int) round (sitroom_capacity_chart_day_x (&desk.layout, 0)),
                               (int) round (sitroom_capacity_chart_people_y (&desk.layout, prefecture->occupied)),
                               &palette->line));

      /* Twice the text on a wall: the words take more room, the plot
       * keeps a third of the height, and every column is still there. */
      options.text_scale = 2;
      draw_chart (&wall, forecast, prefecture, &options);
      g_assert_cmpfloat (wall.layout.y0, >, desk.layout.y0);
      g_assert_cmpfloat (wall.layout.y1 - wall.layout.y0, >, HEIGHT / 3.0);
      g_assert_cmpfloat (wall.layout.slot, >, 20);
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  demo = sitroom_test_demo_load ();
  overfull = sitroom_test_demo_load_fixture ("capacity-overfull.json");
  empty = sitroom_test_demo_load_fixture ("capacity-empty.json");

  g_test_add_func ("/capacity-render/forecast/day-at", test_day_at);
  g_test_add_func ("/capacity-render/forecast/full-on-rule", test_rule);
  g_test_add_func ("/capacity-render/forecast/no-rule", test_no_rule);
  g_test_add_func ("/capacity-render/forecast/hover", test_hover);
  g_test_add_func ("/capacity-render/forecast/beds-label", test_beds_label);
  g_test_add_func ("/capacity-render/forecast/styles", test_styles);
  g_test_add_func ("/capacity-render/table/bar-color", test_bar_color);
  g_test_add_func ("/capacity-render/table/over-full", test_over_full);
  g_test_add_func ("/capacity-render/table/left-out", test_left_out);
  g_test_add_func ("/capacity-render/picture/empty", test_empty);
  g_test_add_func ("/capacity-render/picture/languages", test_languages);
  g_test_add_func ("/capacity-render/picture/illustrative", test_illustrative);

  result = g_test_run ();
  g_clear_object (&demo);
  g_clear_object (&overfull);
  g_clear_object (&empty);
  return result;
}
