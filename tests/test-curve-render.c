/* Tests of the epidemic curve's picture: bar heights and stacking read back from pixels, hatching, the mean line, day_at, words, styles. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "sitroom-curve-render-private.h"
#include "sitroom-source.h"
#include "sitroom-time.h"

#define WIDTH 800
#define HEIGHT 450
/* How far (RGB, 0 to 255) a pixel may be from a colour, or from the line
 * between a colour and its tint (the hatching's smoothed edges), and be
 * taken for it. */
#define TOLERANCE 6.0
#define NOT_A_BAR (-1)

static SitroomSituation *demo;

static gint64
at (const char *text)
{
  gint64 t;

  g_assert_true (sitroom_time_parse (text, &t, NULL));
  return t;
}

typedef struct {
  SitroomView *view;
  SitroomCurve *curve;
  SitroomCurveOptions options;
  cairo_surface_t *surface;
  CurveLayout layout;
} Picture;

static void
picture_clear (Picture *p)
{
  g_clear_pointer (&p->surface, cairo_surface_destroy);
  g_clear_pointer (&p->curve, sitroom_curve_free);
  g_clear_object (&p->view);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Picture, picture_clear)

static void
picture_draw (Picture *p)
{
  cairo_t *cr;

  g_clear_pointer (&p->surface, cairo_surface_destroy);
  p->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (p->surface);
  sitroom_curve_render (p->curve, p->view, &p->options, cr, WIDTH, HEIGHT);
  sitroom_curve_render_get_layout (p->curve, p->view, &p->options, cr, WIDTH, HEIGHT, &p->layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (p->surface);
}

static void
picture_init (Picture              *p,
              SitroomSituation     *situation,
              const char           *cutoff,
              SitroomCurveGrouping  grouping,
              SitroomStyle          style,
              const char           *lang)
{
  memset (p, 0, sizeof *p);
  p->view = sitroom_view_new (situation, cutoff != NULL ? at (cutoff) : sitroom_situation_get_as_of (situation),
                              -1, -1);
  p->curve = sitroom_curve_new (p->view, grouping);
  p->options = (SitroomCurveOptions) { style, lang, -1, FALSE, 1 };
  picture_draw (p);
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double           rgb[3])
{
  const guint32 *row;
  guint32 p;

  g_assert_true (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT);
  row = (const guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));
  p = row[x];
  /* Opaque: the background covers everything. */
  g_assert_cmpuint (p >> 24, ==, 255);
  rgb[0] = (p >> 16) & 0xff;
  rgb[1] = (p >> 8) & 0xff;
  rgb[2] = p & 0xff;
}

static double
distance (const double        rgb[3],
          const SitroomColor *color)
{
  double dr = rgb[0] - color->red * 255, dg = rgb[1] - color->green * 255, db = rgb[2] - color->blue * 255;

  return sqrt (dr * dr + dg * dg + db * db);
}

/* Distance from the segment between @a and @b. */
static double
segment_distance (const double        rgb[3],
                  const SitroomColor *a,
                  const SitroomColor *b)
{
  double d[3] = { (b->red - a->red) * 255, (b->green - a->green) * 255, (b->blue - a->blue) * 255 };
  double v[3] = { rgb[0] - a->red * 255, rgb[1] - a->green * 255, rgb[2] - a->blue * 255 };
  double t = (v[0] * d[0] + v[1] * d[1] + v[2] * d[2]) / (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
  double e = 0;

  t = CLAMP (t, 0, 1);
  for (guint i = 0; i < 3; i++)
    e += (v[i] - t * d[i]) * (v[i] - t * d[i]);
  return sqrt (e);
}

/* The group whose colour, tint or a blend of the two the pixel is. */
static int
group_at (const Picture *p,
          int            x,
          int            y)
{
  double rgb[3];

  pixel (p->surface, x, y, rgb);
  for (guint g = 0; g < sitroom_curve_get_n_groups (p->curve); g++)
    {
      SitroomColor color, tint;

      sitroom_curve_render_group_color (g, p->options.style, &color);
      sitroom_curve_tint (&color, &tint);
      if (segment_distance (rgb, &color, &tint) <= TOLERANCE)
        return g;
    }
  return NOT_A_BAR;
}

/* A column through day @day's bar, clear of its middle, where the mean's point is. */
static int
bar_column (const Picture *p,
            guint          day)
{
  double left, right;

  sitroom_curve_bar_span (&p->layout, day, &left, &right);
  return (int) (left + (right - left) / 4);
}

/* The first and last pixel rows of a bar, read from the picture. */
static gboolean
bar_extent (const Picture *p,
            guint          day,
            int           *top,
            int           *bottom)
{
  int x = bar_column (p, day);

  *top = *bottom = -1;
  for (int y = (int) p->layout.y0; y < (int) p->layout.y1; y++)
    if (group_at (p, x, y) != NOT_A_BAR)
      {
        if (*top < 0)
          *top = y;
        *bottom = y;
      }
  return *top >= 0;
}

static void
test_heights (void)
{
  g_auto (Picture) p = { 0 };
  guint busiest = 0, n_days;
  int top, bottom, busiest_top, baseline;
  double unit;

  picture_init (&p, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  n_days = sitroom_curve_get_n_days (p.curve);
  g_assert_cmpuint (n_days, ==, 4);
  for (guint d = 0; d < n_days; d++)
    if (sitroom_curve_get_day (p.curve, d)->positives > sitroom_curve_get_day (p.curve, busiest)->positives)
      busiest = d;
  /* 08-20: four positives, the others two, three and two. */
  g_assert_cmpuint (busiest, ==, 3);
  g_assert_true (bar_extent (&p, busiest, &busiest_top, &baseline));
  unit = (baseline - busiest_top + 1) / 4.0;
  /* The tallest bar stands well up the plot. */
  g_assert_cmpfloat (unit * 4, >, (p.layout.y1 - p.layout.y0) * 0.6);

  for (guint d = 0; d < n_days; d++)
    {
      guint positives = sitroom_curve_get_day (p.curve, d)->positives;
      double ratio;

      g_assert_true (bar_extent (&p, d, &top, &bottom));
      g_assert_cmpint (bottom, ==, baseline);
      ratio = (double) (bottom - top + 1) / (baseline - busiest_top + 1);
      g_test_message ("day %u: %d px, ratio %.3f", d, bottom - top + 1, ratio);
      /* Within a pixel of the right height. */
      g_assert_cmpfloat (fabs ((bottom - top + 1) - positives * unit), <=, 1);
      g_assert_cmpfloat (fabs (ratio - positives / 4.0), <, 0.02);
    }
}

/* Reading a column downwards: the groups met, each once, so the stack
 * from the bottom is the reverse. */
static void
check_stack (SitroomStyle          style,
             SitroomCurveGrouping  grouping)
{
  g_auto (Picture) p = { 0 };

  picture_init (&p, demo, NULL, grouping, style, "en");
  for (guint d = 0; d < sitroom_curve_get_n_days (p.curve); d++)
    {
      int x = bar_column (&p, d);
      g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) first = g_array_new (FALSE, TRUE, sizeof (int));
      g_autoptr(GArray) last = g_array_new (FALSE, TRUE, sizeof (int));

      for (int g = sitroom_curve_get_n_groups (p.curve) - 1; g >= 0; g--)
        if (sitroom_curve_get_count (p.curve, d, g, FALSE) + sitroom_curve_get_count (p.curve, d, g, TRUE) > 0)
          g_array_append_val (expected, g);
      g_array_set_size (first, sitroom_curve_get_n_groups (p.curve));
      g_array_set_size (last, sitroom_curve_get_n_groups (p.curve));

      for (int y = (int) p.layout.y0; y < (int) p.layout.y1; y++)
        {
          int g = group_at (&p, x, y);

          if (g == NOT_A_BAR)
            continue;
          if (seen->len == 0 || g_array_index (seen, int, seen->len - 1) != g)
            {
              g_array_append_val (seen, g);
              g_array_index (first, int, g) = y;
            }
          g_array_index (last, int, g) = y;
        }

      g_test_message ("day %u: %u groups seen, %u expected", d, seen->len, expected->len);
      g_assert_cmpuint (seen->len, ==, expected->len);
      for (guint i = 0; i < seen->len; i++)
        {
          int g = g_array_index (expected, int, i);
          guint n = sitroom_curve_get_count (p.curve, d, g, FALSE) + sitroom_curve_get_count (p.curve, d, g, TRUE);

          g_assert_cmpint (g_array_index (seen, int, i), ==, g);
          /* Each part its count's height, less the hairline above the part under it. */
          g_assert_cmpfloat (fabs (g_array_index (last, int, g) - g_array_index (first, int, g) + 1
                                   - n * p.layout.unit), <=, 2);
        }
    }
}

static void
test_stack (void)
{
  check_stack (SITROOM_STYLE_LIGHT, SITROOM_CURVE_BY_PREFECTURE);
  check_stack (SITROOM_STYLE_LIGHT, SITROOM_CURVE_BY_CHAIN);
  check_stack (SITROOM_STYLE_DARK, SITROOM_CURVE_BY_PREFECTURE);
}

/* Along a row through a part: how often the pixels change between the
 * group's colour and its tint. */
static guint
hatch_changes (const Picture *p,
               guint          day,
               guint          group,
               double         count)
{
  SitroomColor color, tint;
  double left, right;
  int y = (int) floor (sitroom_curve_count_y (&p->layout, count));
  char last = 0;
  guint changes = 0, n_color = 0, n_tint = 0;

  sitroom_curve_render_group_color (group, p->options.style, &color);
  sitroom_curve_tint (&color, &tint);
  sitroom_curve_bar_span (&p->layout, day, &left, &right);
  for (int x = (int) left + 1; x < (int) right - 1; x++)
    {
      double rgb[3];
      char now = 0;

      pixel (p->surface, x, y, rgb);
      if (segment_distance (rgb, &color, &tint) > TOLERANCE)
        ;
      else if (distance (rgb, &color) < distance (rgb, &tint))
        now = 'c', n_color++;
      else
        now = 't', n_tint++;
      if (now != 0 && last != 0 && now != last)
        changes++;
      if (now != 0)
        last = now;
    }
  g_assert_cmpuint (n_color + n_tint, >, (right - left) * 0.9);
  return changes;
}

static void
test_hatch (void)
{
  g_auto (Picture) by_prefecture = { 0 };
  g_auto (Picture) by_chain = { 0 };

  /* 08-18: Taiyuan's asymptomatic case at the bottom (group 0), Jincheng's
   * confirmed one above (group 2). */
  picture_init (&by_prefecture, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  g_assert_cmpuint (sitroom_curve_get_count (by_prefecture.curve, 1, 0, TRUE), ==, 1);
  g_assert_cmpuint (sitroom_curve_get_count (by_prefecture.curve, 1, 2, FALSE), ==, 1);
  g_assert_cmpuint (hatch_changes (&by_prefecture, 1, 0, 0.25), >=, 8);
  g_assert_cmpuint (hatch_changes (&by_prefecture, 1, 2, 1.5), ==, 0);

  /* By chain, Z22's two confirmed under its asymptomatic one, in one colour. */
  picture_init (&by_chain, demo, NULL, SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_DARK, "zh");
  g_assert_cmpuint (sitroom_curve_get_count (by_chain.curve, 1, 0, FALSE), ==, 2);
  g_assert_cmpuint (sitroom_curve_get_count (by_chain.curve, 1, 0, TRUE), ==, 1);
  g_assert_cmpuint (hatch_changes (&by_chain, 1, 0, 1.5), ==, 0);
  g_assert_cmpuint (hatch_changes (&by_chain, 1, 0, 2.5), >=, 8);
}

/* The mean's point at each day, found by its colour in the day's middle
 * column, against the bar's own scale read from the picture. */
static void
test_mean (void)
{
  g_auto (Picture) p = { 0 };
  const SitroomColor *ink = &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->mean;
  int top, bottom;
  double unit;

  picture_init (&p, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  g_assert_true (bar_extent (&p, 3, &top, &bottom));
  unit = (bottom - top + 1) / 4.0;

  for (guint d = 0; d < sitroom_curve_get_n_days (p.curve); d++)
    {
      double mean = sitroom_curve_get_day (p.curve, d)->mean7;
      int x = (int) sitroom_curve_day_center (&p.layout, d);
      double expected = bottom + 1 - mean * unit, sum = 0;
      guint n = 0;

      for (int y = (int) p.layout.y0; y < (int) p.layout.y1; y++)
        {
          double rgb[3];

          pixel (p.surface, x, y, rgb);
          if (distance (rgb, ink) <= 40)
            {
              sum += y + 0.5;
              n++;
            }
        }
      g_test_message ("day %u: mean %.3f, expected y %.1f, found %.1f", d, mean, expected, sum / MAX (n, 1));
      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpfloat (fabs (sum / n - expected), <=, 2);
    }
}

static void
check_day_at (const Picture *p)
{
  const SitroomCurveOptions *o = &p->options;
  guint n_days = sitroom_curve_get_n_days (p->curve);

  g_assert_cmpuint (n_days, >, 0);
  for (guint d = 0; d < n_days; d++)
    {
      double left = p->layout.x0 + d * p->layout.slot, right = left + p->layout.slot;
      double bar_left, bar_right;

      sitroom_curve_bar_span (&p->layout, d, &bar_left, &bar_right);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT,
                                                    sitroom_curve_day_center (&p->layout, d), p->layout.y1 - 1), ==, d);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, bar_left, p->layout.y0), ==, d);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, bar_right - 0.01, 1), ==, d);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, left + 0.01, 1), ==, d);
      g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, right - 0.01, 1), ==, d);
    }
  g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, p->layout.x0 - 1, 200), ==, -1);
  g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, p->layout.x1, 200), ==, -1);
  g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, WIDTH / 2, -1), ==, -1);
  g_assert_cmpint (sitroom_curve_render_day_at (p->curve, o, WIDTH, HEIGHT, WIDTH / 2, HEIGHT), ==, -1);
}

static void
test_day_at (void)
{
  g_auto (Picture) p = { 0 };
  g_auto (Picture) later = { 0 };
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  int y, last = NOT_A_BAR;

  picture_init (&p, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  check_day_at (&p);

  /* The bars found along a row just above the baseline are the days in
   * order, and day_at() finds each under its middle. */
  y = (int) p.layout.y1 - 2;
  for (int x = 0; x < WIDTH; x++)
    {
      int g = group_at (&p, x, y);

      if (g != NOT_A_BAR && last == NOT_A_BAR)
        g_array_append_val (starts, x);
      last = g;
    }
  g_assert_cmpuint (starts->len, ==, 4);
  for (guint d = 0; d < starts->len; d++)
    {
      double left, right;

      sitroom_curve_bar_span (&p.layout, d, &left, &right);
      g_assert_cmpint (g_array_index (starts, int, d), ==, (int) left);
      g_assert_cmpint (sitroom_curve_render_day_at (p.curve, &p.options, WIDTH, HEIGHT,
                                                    (left + right) / 2, y), ==, d);
    }

  /* Nine days to 08-25, the last five without a case; at twice the text size. */
  picture_init (&later, demo, "2022-08-25T12:00:00+08:00", SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_LIGHT, "en");
  later.options.text_scale = 2;
  picture_draw (&later);
  g_assert_cmpuint (sitroom_curve_get_n_days (later.curve), ==, 9);
  check_day_at (&later);
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        double p[3], q[3];

        pixel (a, x, y, p);
        pixel (b, x, y, q);
        if (p[0] != q[0] || p[1] != q[1] || p[2] != q[2])
          n++;
      }
  return n;
}

static void
test_groupings_differ (void)
{
  g_auto (Picture) by_prefecture = { 0 };
  g_auto (Picture) by_chain = { 0 };

  picture_init (&by_prefecture, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  picture_init (&by_chain, demo, NULL, SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_LIGHT, "zh");
  /* 08-17's two cases are Jincheng's (group 2) and Z22's (group 0). */
  g_assert_cmpint (group_at (&by_prefecture, bar_column (&by_prefecture, 0), by_prefecture.layout.y1 - 2), ==, 2);
  g_assert_cmpint (group_at (&by_chain, bar_column (&by_chain, 0), by_chain.layout.y1 - 2), ==, 0);
  g_assert_cmpuint (count_differences (by_prefecture.surface, by_chain.surface), >, 10000);
}

/* Whether a 3 × 3 block around (x, y) is all of @color: a bar's part,
 * never the smoothed edge of a letter. */
static gboolean
block_of (cairo_surface_t    *surface,
          int                 x,
          int                 y,
          const SitroomColor *color)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        double rgb[3];

        pixel (surface, x + dx, y + dy, rgb);
        if (distance (rgb, color) > TOLERANCE)
          return FALSE;
      }
  return TRUE;
}

static void
test_empty (void)
{
  const char *langs[] = { "zh", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_auto (Picture) p = { 0 };
      const SitroomColor *background = &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->background;
      guint n_ink = 0;

      /* A second before the first cases. */
      picture_init (&p, demo, "2022-08-17T22:59:59+08:00", SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, langs[i]);
      g_assert_cmpuint (sitroom_curve_get_n_days (p.curve), ==, 0);
      g_assert_cmpint (cairo_surface_status (p.surface), ==, CAIRO_STATUS_SUCCESS);
      for (int y = 1; y < HEIGHT - 1; y++)
        for (int x = 1; x < WIDTH - 1; x++)
          {
            double rgb[3];

            for (guint g = 0; g < 8; g++)
              {
                SitroomColor color, tint;

                sitroom_curve_render_group_color (g, p.options.style, &color);
                sitroom_curve_tint (&color, &tint);
                g_assert_false (block_of (p.surface, x, y, &color));
                g_assert_false (block_of (p.surface, x, y, &tint));
              }
            pixel (p.surface, x, y, rgb);
            if (y > p.layout.y0 && y < p.layout.y1 - 1 && distance (rgb, background) > 60)
              n_ink++;
          }
      /* Words in the plot say there are no cases. */
      g_test_message ("%s: %u pixels of ink in the plot", langs[i], n_ink);
      g_assert_cmpuint (n_ink, >, 20);
      g_assert_cmpint (sitroom_curve_render_day_at (p.curve, &p.options, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2), ==, -1);
    }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Not strstr(): a PDF holds binary streams with NULs in them. */
static const char *
find_bytes (const char *data,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  for (; data + n <= end; data++)
    if (memcmp (data, needle, n) == 0)
      return data;
  return NULL;
}

/* The text of every Flate stream of a PDF, inflated: its fonts' ToUnicode
 * maps say which characters were drawn. */
static GString *
pdf_streams (SitroomSituation *situation,
             const char       *lang,
             gboolean          title)
{
  g_auto (Picture) p = { 0 };
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  GString *text = g_string_new (NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const char *data, *end;

  picture_init (&p, situation, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, lang);
  p.options.title = title;
  p.options.hover_day = 1;
  sitroom_curve_render (p.curve, p.view, &p.options, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  data = (const char *) pdf->data;
  end = data + pdf->len;
  while ((data = find_bytes (data, end, "stream\n")) != NULL)
    {
      g_autoptr(GConverter) inflate = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      const char *start = data + strlen ("stream\n");
      char out[65536];
      gsize read = 0, written = 0;

      data = start;
      if (g_converter_convert (inflate, start, end - start, out, sizeof out, G_CONVERTER_INPUT_AT_END,
                               &read, &written, NULL) != G_CONVERTER_ERROR)
        g_string_append_len (text, out, written);
    }
  return text;
}

/* Characters as a ToUnicode map writes them: "<786e>" for 确. */
static gboolean
drew (const GString *streams,
      const char    *word)
{
  for (const char *c = word; *c != '\0'; c = g_utf8_next_char (c))
    {
      g_autofree char *code = g_strdup_printf ("<%04x>", g_utf8_get_char (c));

      if (find_bytes (streams->str, streams->str + streams->len, code) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
test_languages (void)
{
  g_autoptr(GString) zh = pdf_streams (demo, "zh", TRUE);
  g_autoptr(GString) en = pdf_streams (demo, "en", TRUE);

  g_assert_cmpuint (zh->len, >, 0);
  /* The keys, a prefecture, the title and the hovered day's box. */
  for (guint i = 0; i < 2; i++)
    {
      const GString *s = i == 0 ? zh : en;

      g_assert_true (drew (s, "确诊无症状日均值") == (i == 0));
      g_assert_true (drew (s, "晋城市") == (i == 0));
      g_assert_true (drew (s, "每增阳性感染者截至年月时") == (i == 0));
      g_assert_true (drew (s, "合计") == (i == 0));
      /* "Asymptomatic", "Jincheng", "Total", "(CST)": letters zh never draws. */
      g_assert_true (drew (s, "JSTYy") == (i == 1));
    }
}

static void
test_styles (void)
{
  g_auto (Picture) light = { 0 };
  g_auto (Picture) dark = { 0 };
  double rgb[3];
  int x;

  picture_init (&light, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  picture_init (&dark, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_DARK, "zh");
  pixel (light.surface, 1, 1, rgb);
  g_assert_cmpfloat (distance (rgb, &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->background), <=, 1);
  pixel (dark.surface, 1, 1, rgb);
  g_assert_cmpfloat (distance (rgb, &sitroom_curve_palette (SITROOM_STYLE_DARK)->background), <=, 1);
  g_assert_cmpfloat (distance (rgb, &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->background), >, 100);
  g_assert_cmpuint (count_differences (light.surface, dark.surface), >, WIDTH * HEIGHT / 4);
  /* A group keeps its colour. */
  x = bar_column (&light, 0);
  g_assert_cmpint (group_at (&light, x, light.layout.y1 - 2), ==, group_at (&dark, x, dark.layout.y1 - 2));
}

static void
test_hover (void)
{
  g_auto (Picture) plain = { 0 };
  g_auto (Picture) hovered = { 0 };
  const SitroomColor *background = &sitroom_curve_palette (SITROOM_STYLE_LIGHT)->background;
  double rgb[3];
  double left, right;
  int x, y;

  picture_init (&plain, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "en");
  picture_init (&hovered, demo, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "en");
  hovered.options.hover_day = 0;
  picture_draw (&hovered);

  /* Above 08-17's two cases the slot is lit; beside it stands the box. */
  sitroom_curve_bar_span (&plain.layout, 0, &left, &right);
  x = (int) left + 3;
  y = (int) sitroom_curve_count_y (&plain.layout, 3.5);
  pixel (plain.surface, x, y, rgb);
  g_assert_cmpfloat (distance (rgb, background), <=, 1);
  pixel (hovered.surface, x, y, rgb);
  g_assert_cmpfloat (distance (rgb, background), >, 10);
  /* The box covers 08-18's bar near the top of the plot. */
  x = (int) (plain.layout.x0 + 1.5 * plain.layout.slot);
  y = (int) sitroom_curve_count_y (&plain.layout, 2.9);
  g_assert_cmpint (group_at (&plain, x, y), !=, NOT_A_BAR);
  g_assert_cmpint (group_at (&hovered, x, y), ==, NOT_A_BAR);
  /* A day off the curve is no hover. */
  hovered.options.hover_day = 4;
  picture_draw (&hovered);
  g_assert_cmpuint (count_differences (plain.surface, hovered.surface), ==, 0);
}

static void
test_palette (void)
{
  static const guint32 okabe_ito[] = { 0x0072b2, 0xe69f00, 0x009e73, 0xd55e00, 0x56b4e9, 0xcc79a7, 0xf0e442 };

  for (guint g = 0; g < G_N_ELEMENTS (okabe_ito); g++)
    {
      SitroomColor color, dark;
      double rgb[3] = { okabe_ito[g] >> 16, (okabe_ito[g] >> 8) & 0xff, okabe_ito[g] & 0xff };

      sitroom_curve_render_group_color (g, SITROOM_STYLE_LIGHT, &color);
      sitroom_curve_render_group_color (g, SITROOM_STYLE_DARK, &dark);
      g_assert_cmpfloat (distance (rgb, &color), <, 1);
      g_assert_cmpfloat (distance (rgb, &dark), <, 1);
    }
  /* Past eight, the same hues in other shades: never the same colour twice in 24. */
  for (guint a = 0; a < 24; a++)
    for (guint b = a + 1; b < 24; b++)
      {
        SitroomColor ca, cb;
        double rgb[3];

        sitroom_curve_render_group_color (a, SITROOM_STYLE_LIGHT, &ca);
        sitroom_curve_render_group_color (b, SITROOM_STYLE_LIGHT, &cb);
        rgb[0] = ca.red * 255;
        rgb[1] = ca.green * 255;
        rgb[2] = ca.blue * 255;
        g_assert_cmpfloat (distance (rgb, &cb), >, 20);
      }
}

/* Names of chains and the groups of none; a crowded legend gives way. */
static const char odd_document[] =
  "{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-19T12:00:00+08:00\","
  " \"chains\": [{\"id\": \"a\", \"label\": \"8·17\", \"title\": {\"zh\": \"Z22列车“8·17”关联疫情\","
  "   \"en\": \"Train Z22 \\\"8·17\\\" chain\"}}],"
  " \"cases\": ["
  "  {\"id\": \"1\", \"reported_at\": \"2022-08-18T09:00:00+08:00\", \"region\": \"140000\", \"chain\": \"a\","
  "   \"classification\": \"critical\", \"status\": \"hospitalized\"},"
  "  {\"id\": \"2\", \"reported_at\": \"2022-08-18T10:00:00+08:00\", \"region\": \"140500\","
  "   \"classification\": \"asymptomatic\", \"status\": \"hospitalized\"}"
  " ]}";

static void
test_names (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (odd_document, strlen (odd_document));
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_auto (Picture) by_chain = { 0 };
  g_auto (Picture) by_prefecture = { 0 };
  g_autofree char *zh = NULL, *en = NULL, *none_zh = NULL, *none_en = NULL, *jincheng = NULL, *province = NULL;

  g_assert_no_error (error);
  picture_init (&by_chain, situation, NULL, SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_LIGHT, "zh");
  picture_init (&by_prefecture, situation, NULL, SITROOM_CURVE_BY_PREFECTURE, SITROOM_STYLE_LIGHT, "zh");
  g_assert_cmpuint (sitroom_curve_get_n_groups (by_chain.curve), ==, 2);
  g_assert_cmpuint (sitroom_curve_get_n_groups (by_prefecture.curve), ==, 2);

  zh = sitroom_curve_group_name (by_chain.curve, by_chain.view, 0, "zh");
  en = sitroom_curve_group_name (by_chain.curve, by_chain.view, 0, "en");
  none_zh = sitroom_curve_group_name (by_chain.curve, by_chain.view, 1, "zh");
  none_en = sitroom_curve_group_name (by_chain.curve, by_chain.view, 1, "en");
  jincheng = sitroom_curve_group_name (by_prefecture.curve, by_prefecture.view, 0, "zh");
  province = sitroom_curve_group_name (by_prefecture.curve, by_prefecture.view, 1, "en");
  g_assert_cmpstr (zh, ==, "8·17 Z22列车关联疫情");
  g_assert_cmpstr (en, ==, "8·17 Train Z22 chain");
  g_assert_cmpstr (none_zh, ==, "未关联");
  g_assert_cmpstr (none_en, ==, "No chain");
  g_assert_cmpstr (jincheng, ==, "晋城市");
  g_assert_cmpstr (province, ==, "Province level");

  /* The asymptomatic case of no chain: group 1's part is hatched. */
  g_assert_cmpuint (hatch_changes (&by_chain, 0, 1, 1.5), >=, 8);
}

static void
test_crowded_legend (void)
{
  g_autoptr(GString) document = g_string_new ("{\"format\": \"sitroom/1\", \"as_of\": \"2022-08-19T12:00:00+08:00\", \"chains\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SitroomSituation) situation = NULL;
  g_auto (Picture) p = { 0 };
  cairo_t *cr;
  CurveLayout layout;
  CurveTexts texts;
  guint n_groups = 0, n_more = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (document, "%s{\"id\": \"c%u\", \"label\": \"8·%u\", \"title\": {\"zh\": \"第%u条链条\"}}",
                            i == 0 ? "" : ", ", i, i, i);
  g_string_append (document, "], \"cases\": [");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (document, "%s{\"id\": \"%u\", \"reported_at\": \"2022-08-%02uT09:00:00+08:00\","
                            " \"region\": \"140100\", \"chain\": \"c%u\", \"classification\": \"mild\","
                            " \"status\": \"hospitalized\"}", i == 0 ? "" : ", ", i, 10 + i % 9, i);
  g_string_append (document, "]}");
  bytes = g_bytes_new (document->str, document->len);
  situation = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);

  picture_init (&p, situation, NULL, SITROOM_CURVE_BY_CHAIN, SITROOM_STYLE_LIGHT, "zh");
  g_assert_cmpuint (sitroom_curve_get_n_groups (p.curve), ==, 60);
  cr = cairo_create (p.surface);
  sitroom_curve_layout_x (p.curve, &p.options, WIDTH, HEIGHT, &layout);
  sitroom_curve_texts_init (&texts, p.curve, p.view, &p.options, cr, &layout);
  for (guint i = 0; i < texts.legend->len; i++)
    {
      LegendKind kind = g_array_index (texts.legend, LegendItem, i).kind;

      n_groups += kind == LEGEND_GROUP;
      n_more += kind == LEGEND_MORE;
    }
  g_test_message ("%u groups named, legend %.0f px high", n_groups, texts.legend_height);
  g_assert_cmpuint (n_more, ==, 1);
  g_assert_cmpuint (n_groups, >, 0);
  g_assert_cmpuint (n_groups, <, 60);
  g_assert_cmpfloat (texts.legend_height, <=, HEIGHT * 0.25);
  /* The plot keeps most of the height. */
  g_assert_cmpfloat (layout.y1 - layout.y0, >, HEIGHT * 0.5);
  sitroom_curve_texts_clear (&texts);
  cairo_destroy (cr);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  bytes = sitroom_source_read (NULL, 0, &error);
  g_assert_no_error (error);
  demo = sitroom_situation_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/curve-render/bars/heights", test_heights);
  g_test_add_func ("/curve-render/bars/stack", test_stack);
  g_test_add_func ("/curve-render/bars/hatch", test_hatch);
  g_test_add_func ("/curve-render/mean/line", test_mean);
  g_test_add_func ("/curve-render/day-at/round-trip", test_day_at);
  g_test_add_func ("/curve-render/grouping/differ", test_groupings_differ);
  g_test_add_func ("/curve-render/empty/no-bars", test_empty);
  g_test_add_func ("/curve-render/words/languages", test_languages);
  g_test_add_func ("/curve-render/words/names", test_names);
  g_test_add_func ("/curve-render/legend/crowded", test_crowded_legend);
  g_test_add_func ("/curve-render/style/dark", test_styles);
  g_test_add_func ("/curve-render/hover/box", test_hover);
  g_test_add_func ("/curve-render/palette/okabe-ito", test_palette);

  result = g_test_run ();
  g_object_unref (demo);
  return result;
}
