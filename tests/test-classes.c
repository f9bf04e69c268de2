/* Tests of the legend's classes: breaks for small counts, fixed percentages, labels, and the palette's contrast. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-classes.h"

/* The map's backgrounds (GNOME light 2; dark 4 and libadwaita's dark view). */
static const guint32 light_backgrounds[] = { 0xf6f5f4 };
static const guint32 dark_backgrounds[] = { 0x241f31, 0x1e1e1e };

static SitroomClasses
classes_for_max (double max)
{
  SitroomClasses classes;
  double values[] = { 0, max, max / 2, NAN, -5 };

  sitroom_classes_compute (&classes, values, G_N_ELEMENTS (values), FALSE);
  return classes;
}

static void
assert_breaks (double        max,
               const double *expected,
               guint         n_classes)
{
  SitroomClasses classes = classes_for_max (max);

  g_test_message ("max %g", max);
  g_assert_false (classes.percentage);
  g_assert_cmpuint (classes.n_classes, ==, n_classes);
  for (guint i = 0; i < n_classes; i++)
    {
      g_assert_cmpfloat (classes.lower[i], ==, expected[2 * i]);
      g_assert_cmpfloat (classes.upper[i], ==, expected[2 * i + 1]);
    }
}

static void
test_breaks_examples (void)
{
  const double zero[] = { 0, 0, 1, INFINITY };
  const double one[] = { 0, 0, 1, 1 };
  const double two[] = { 0, 0, 1, 1, 2, 2 };
  const double five[] = { 0, 0, 1, 1, 2, 2, 3, 3, 4, 5 };
  const double seven[] = { 0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 9 };
  const double eleven[] = { 0, 0, 1, 1, 2, 4, 5, 9, 10, 19 };
  const double ninety_nine[] = { 0, 0, 1, 1, 2, 4, 5, 9, 10, 19, 20, 49, 50, 99 };
  const double hundred[] = { 0, 0, 1, 1, 2, 9, 10, 49, 50, 199 };
  const double thousand[] = { 0, 0, 1, 1, 2, 9, 10, 49, 50, 199, 200, 999, 1000, 4999 };
  const double million[] = { 0, 0, 1, 1, 2, 49, 50, 999, 1000, 19999, 20000, 499999, 500000, 9999999 };

  assert_breaks (0, zero, 2);
  assert_breaks (1, one, 2);
  assert_breaks (2, two, 3);
  assert_breaks (5, five, 5);
  assert_breaks (7, seven, 6);
  assert_breaks (11, eleven, 5);
  assert_breaks (99, ninety_nine, 7);
  assert_breaks (100, hundred, 5);
  assert_breaks (1000, thousand, 7);
  assert_breaks (1e6, million, 7);
  /* A fraction is rounded up: 2.2 needs a class for 3. */
  assert_breaks (2.2, (const double[]) { 0, 0, 1, 1, 2, 2, 3, 3 }, 4);
}

/* No values at all is the same as all zeros: 0 and "≥ 1". */
static void
test_breaks_empty (void)
{
  SitroomClasses classes;

  sitroom_classes_compute (&classes, NULL, 0, FALSE);
  g_assert_cmpuint (classes.n_classes, ==, 2);
  g_assert_cmpint (sitroom_classes_find (&classes, 0), ==, 0);
  g_assert_cmpint (sitroom_classes_find (&classes, 1), ==, 1);
  g_assert_cmpint (sitroom_classes_find (&classes, 1e9), ==, 1);

  /* Data-driven classes end at the ladder's step; nothing else is in any. */
  classes = classes_for_max (11);
  g_assert_cmpint (sitroom_classes_find (&classes, 19), ==, 4);
  g_assert_cmpint (sitroom_classes_find (&classes, 20), ==, -1);
  g_assert_cmpint (sitroom_classes_find (&classes, -1), ==, -1);
  g_assert_cmpint (sitroom_classes_find (&classes, NAN), ==, -1);
}

static void
assert_covers (guint max)
{
  SitroomClasses classes = classes_for_max (max);

  g_test_message ("max %u", max);
  g_assert_cmpuint (classes.n_classes, >=, 2);
  g_assert_cmpuint (classes.n_classes, <=, SITROOM_CLASSES_MAX);
  g_assert_cmpfloat (classes.lower[0], ==, 0);
  g_assert_cmpfloat (classes.upper[0], ==, 0);

  /* Whole numbers, each class starting where the last ended, none empty. */
  for (guint i = 0; i < classes.n_classes; i++)
    {
      g_assert_cmpfloat (classes.lower[i], ==, floor (classes.lower[i]));
      g_assert_true (isinf (classes.upper[i]) || classes.upper[i] == floor (classes.upper[i]));
      g_assert_cmpfloat (classes.lower[i], <=, classes.upper[i]);
      if (i > 0)
        g_assert_cmpfloat (classes.lower[i], ==, classes.upper[i - 1] + 1);
    }

  /* The maximum is in the last class: no class is only for values the data lacks. */
  if (max > 0)
    g_assert_cmpint (sitroom_classes_find (&classes, max), ==, classes.n_classes - 1);

  /* Small maxima get a class per value, larger ones use most of the classes. */
  if (max >= 1 && max <= 3)
    g_assert_cmpuint (classes.n_classes, ==, max + 1);
  else if (max >= 4)
    g_assert_cmpuint (classes.n_classes, >=, 5);

  for (guint v = 0; v <= max; v++)
    {
      guint n_holding = 0;

      for (guint i = 0; i < classes.n_classes; i++)
        if (classes.lower[i] <= v && v <= classes.upper[i])
          n_holding++;
      if (n_holding != 1)
        g_error ("max %u: %u is in %u classes", max, v, n_holding);
      if (sitroom_classes_find (&classes, v) < 0)
        g_error ("max %u: %u is in no class", max, v);
    }
}

static void
test_breaks_cover (void)
{
  static const guint maxima[] = {
    0, 1, 2, 5, 11, 99, 100, 101, 999, 1000, 4999, 5000, 199999, 200000, 1000000,
  };

  for (guint max = 0; max <= 120; max++)
    assert_covers (max);
  for (guint i = 0; i < G_N_ELEMENTS (maxima); i++)
    assert_covers (maxima[i]);
}

static void
test_percentages (void)
{
  SitroomClasses classes;
  const double values[] = { 0, 40, 106.4, 300 };
  static const struct {
    double value;
    int index;
  } cases[] = {
    { 0, 0 }, { 0.001, 1 }, { 38.4, 1 }, { 49.999, 1 }, { 50, 2 }, { 51.3, 2 }, { 79.99, 2 },
    { 80, 3 }, { 100, 3 }, { 100.0001, 4 }, { 106.36, 4 }, { 1e6, 4 }, { -1, -1 }, { NAN, -1 },
  };

  sitroom_classes_compute (&classes, values, G_N_ELEMENTS (values), TRUE);
  g_assert_true (classes.percentage);
  g_assert_cmpuint (classes.n_classes, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%g %%", cases[i].value);
      g_assert_cmpint (sitroom_classes_find (&classes, cases[i].value), ==, cases[i].index);
    }

  /* Fixed: the data does not move them. */
  {
    SitroomClasses other;
    const double small[] = { 10 };

    sitroom_classes_compute (&other, small, 1, TRUE);
    g_assert_cmpuint (other.n_classes, ==, classes.n_classes);
    for (guint i = 0; i < classes.n_classes; i++)
      {
        g_assert_cmpfloat (other.lower[i], ==, classes.lower[i]);
        g_assert_cmpfloat (other.upper[i], ==, classes.upper[i]);
      }
  }
}

static void
assert_labels (const SitroomClasses *classes,
               const char           *lang,
               const char          **expected)
{
  for (guint i = 0; i <= classes->n_classes; i++)
    {
      g_autofree char *label = sitroom_classes_format_label (classes, i, lang);

      g_assert_cmpstr (label, ==, expected[i]);
    }
}

static void
test_labels (void)
{
  SitroomClasses eleven = classes_for_max (11);
  SitroomClasses zero = classes_for_max (0);
  SitroomClasses thousand = classes_for_max (1000);
  SitroomClasses percent;
  const double none[] = { 0 };

  sitroom_classes_compute (&percent, none, 1, TRUE);

  assert_labels (&eleven, "en", (const char *[]) { "0", "1", "2–4", "5–9", "10–19", "No data" });
  assert_labels (&eleven, "zh", (const char *[]) { "0", "1", "2–4", "5–9", "10–19", "无数据" });
  assert_labels (&zero, "en", (const char *[]) { "0", "≥ 1", "No data" });
  assert_labels (&zero, "zh_CN", (const char *[]) { "0", "≥1", "无数据" });
  assert_labels (&thousand, "en",
                 (const char *[]) { "0", "1", "2–9", "10–49", "50–199", "200–999", "1000–4999", "No data" });
  assert_labels (&percent, "en",
                 (const char *[]) { "0 %", "< 50 %", "50–80 %", "80–100 %", "> 100 %", "No data" });
  assert_labels (&percent, "zh", (const char *[]) { "0%", "<50%", "50–80%", "80–100%", ">100%", "无数据" });
  /* Any other language reads English. */
  assert_labels (&percent, "de", (const char *[]) { "0 %", "< 50 %", "50–80 %", "80–100 %", "> 100 %", "No data" });
}

/* Colour science for the checks below: sRGB to CIELAB (D65), CIEDE2000,
 * and Machado, Oliveira and Fernandes (2009) full-severity simulations of
 * protanopia, deuteranopia and tritanopia. */

typedef struct {
  double l;
  double a;
  double b;
} Lab;

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389 ? cbrt (t) : (24389.0 / 27 * t + 16) / 116;
}

static Lab
lab_from_linear (const double rgb[3])
{
  double x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
  double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  double z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
  double fx = lab_f (x / 0.95047);
  double fy = lab_f (y);
  double fz = lab_f (z / 1.08883);

  return (Lab) { 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) };
}

static void
linear_of (const SitroomColor *color,
           double              rgb[3])
{
  rgb[0] = linear (color->red);
  rgb[1] = linear (color->green);
  rgb[2] = linear (color->blue);
}

static Lab
lab_of (const SitroomColor *color)
{
  double rgb[3];

  linear_of (color, rgb);
  return lab_from_linear (rgb);
}

static SitroomColor
color_of_hex (guint32 rgb)
{
  return (SitroomColor) { ((rgb >> 16) & 0xff) / 255.f, ((rgb >> 8) & 0xff) / 255.f, (rgb & 0xff) / 255.f, 1 };
}

static double
radians (double degrees)
{
  return degrees * G_PI / 180;
}

static double
hue_angle (double b,
           double a)
{
  double h;

  if (a == 0 && b == 0)
    return 0;
  h = atan2 (b, a) * 180 / G_PI;
  return h < 0 ? h + 360 : h;
}

static double
delta_e_2000 (Lab p,
              Lab q)
{
  double c1 = hypot (p.a, p.b);
  double c2 = hypot (q.a, q.b);
  double c_mean7 = pow ((c1 + c2) / 2, 7);
  double g = 0.5 * (1 - sqrt (c_mean7 / (c_mean7 + pow (25, 7))));
  double a1 = (1 + g) * p.a;
  double a2 = (1 + g) * q.a;
  double c1p = hypot (a1, p.b);
  double c2p = hypot (a2, q.b);
  double h1p = hue_angle (p.b, a1);
  double h2p = hue_angle (q.b, a2);
  double dl = q.l - p.l;
  double dc = c2p - c1p;
  double dh = 0;
  double l_mean = (p.l + q.l) / 2;
  double c_mean = (c1p + c2p) / 2;
  double h_mean = h1p + h2p;
  double t, d_theta, rc, sl, sc, sh, rt, dhh;

  if (c1p * c2p != 0)
    {
      dh = h2p - h1p;
      if (dh > 180)
        dh -= 360;
      else if (dh < -180)
        dh += 360;

      if (fabs (h1p - h2p) <= 180)
        h_mean = (h1p + h2p) / 2;
      else if (h1p + h2p < 360)
        h_mean = (h1p + h2p + 360) / 2;
      else
        h_mean = (h1p + h2p - 360) / 2;
    }
  dhh = 2 * sqrt (c1p * c2p) * sin (radians (dh / 2));

  t = 1 - 0.17 * cos (radians (h_mean - 30)) + 0.24 * cos (radians (2 * h_mean))
      + 0.32 * cos (radians (3 * h_mean + 6)) - 0.20 * cos (radians (4 * h_mean - 63));
  d_theta = 30 * exp (-pow ((h_mean - 275) / 25, 2));
  rc = 2 * sqrt (pow (c_mean, 7) / (pow (c_mean, 7) + pow (25, 7)));
  sl = 1 + 0.015 * pow (l_mean - 50, 2) / sqrt (20 + pow (l_mean - 50, 2));
  sc = 1 + 0.045 * c_mean;
  sh = 1 + 0.015 * c_mean * t;
  rt = -sin (radians (2 * d_theta)) * rc;

  return sqrt (pow (dl / sl, 2) + pow (dc / sc, 2) + pow (dhh / sh, 2) + rt * (dc / sc) * (dhh / sh));
}

static double
delta_e (const SitroomColor *x,
         const SitroomColor *y)
{
  return delta_e_2000 (lab_of (x), lab_of (y));
}

typedef enum {
  PROTANOPIA,
  DEUTERANOPIA,
  TRITANOPIA,
  N_DEFICIENCIES
} Deficiency;

static const double machado[N_DEFICIENCIES][3][3] = {
  [PROTANOPIA] = { { 0.152286, 1.052583, -0.204868 },
                   { 0.114503, 0.786281, 0.099216 },
                   { -0.003882, -0.048116, 1.051998 } },
  [DEUTERANOPIA] = { { 0.367322, 0.860646, -0.227968 },
                     { 0.280085, 0.672501, 0.047413 },
                     { -0.011820, 0.042940, 0.968881 } },
  [TRITANOPIA] = { { 1.255528, -0.076749, -0.178779 },
                   { -0.078411, 0.930809, 0.147602 },
                   { 0.004733, 0.691367, 0.303900 } },
};

static Lab
lab_as_seen (const SitroomColor *color,
             Deficiency          deficiency)
{
  double rgb[3];
  double seen[3];

  linear_of (color, rgb);
  for (guint i = 0; i < 3; i++)
    {
      const double *row = machado[deficiency][i];

      seen[i] = CLAMP (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2], 0, 1);
    }
  return lab_from_linear (seen);
}

/* Sharma, Wu and Dalal (2005), the CIEDE2000 test data: the checks below
 * mean something only if the formula is right. */
static void
test_delta_e_reference (void)
{
  static const struct {
    Lab p;
    Lab q;
    double expected;
  } pairs[] = {
    { { 50, 2.6772, -79.7751 }, { 50, 0, -82.7485 }, 2.0425 },
    { { 50, 0, 0 }, { 50, -1, 2 }, 2.3669 },
    { { 50, 2.5, 0 }, { 73, 25, -18 }, 27.1492 },
    { { 50, 2.5, 0 }, { 61, -5, 29 }, 22.8977 },
    { { 50, 2.5, 0 }, { 56, -27, -3 }, 31.9030 },
    { { 50, 2.5, 0 }, { 58, 24, 15 }, 19.4535 },
  };
  SitroomColor red = color_of_hex (0xff0000);
  Lab lab = lab_of (&red);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_assert_cmpfloat_with_epsilon (delta_e_2000 (pairs[i].p, pairs[i].q), pairs[i].expected, 1e-4);
      g_assert_cmpfloat_with_epsilon (delta_e_2000 (pairs[i].q, pairs[i].p), pairs[i].expected, 1e-4);
    }

  /* sRGB red is L* 53.24, a* 80.09, b* 67.20. */
  g_assert_cmpfloat_with_epsilon (lab.l, 53.24, 0.05);
  g_assert_cmpfloat_with_epsilon (lab.a, 80.09, 0.1);
  g_assert_cmpfloat_with_epsilon (lab.b, 67.20, 0.1);
}

/* Every size of legend the breaks can give: 1 to 6 coloured classes, and the percentages. */
static guint
all_class_sets (SitroomClasses sets[8])
{
  static const double maxima[] = { 0, 2, 3, 5, 7, 99 };
  const double none[] = { 0 };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (maxima); i++)
    sets[n++] = classes_for_max (maxima[i]);
  sitroom_classes_compute (&sets[n++], none, 1, TRUE);

  /* Between them, every number of coloured classes. */
  for (guint k = 1; k < SITROOM_CLASSES_MAX; k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n; i++)
        found |= sets[i].n_classes == k + 1;
      g_assert_true (found);
    }
  return n;
}

static void
test_colors_distinct (void)
{
  SitroomClasses sets[8];
  guint n_sets = all_class_sets (sets);

  for (SitroomStyle style = SITROOM_STYLE_LIGHT; style <= SITROOM_STYLE_DARK; style++)
    for (guint s = 0; s < n_sets; s++)
      {
        const SitroomClasses *classes = &sets[s];
        SitroomColor colors[SITROOM_CLASSES_MAX];
        SitroomColor no_data;

        sitroom_classes_get_no_data_color (style, &no_data);
        g_test_message ("style %d, %u classes", style, classes->n_classes);
        for (guint i = 0; i < classes->n_classes; i++)
          {
            sitroom_classes_get_color (classes, i, style, &colors[i]);
            g_assert_cmpfloat (colors[i].alpha, ==, 1);
            /* An unknown region never looks like a figure. */
            g_assert_cmpfloat (delta_e (&colors[i], &no_data), >=, 5);
            for (guint j = 0; j < i; j++)
              g_assert_cmpfloat (delta_e (&colors[i], &colors[j]), >=, 10);
          }
      }
}

/* A sequential ramp: darker is more, in both styles, and each class is a
 * clear step from the next, also as the three common colour-vision
 * deficiencies see it. */
static void
test_colors_sequential (void)
{
  SitroomClasses sets[8];
  guint n_sets = all_class_sets (sets);

  for (SitroomStyle style = SITROOM_STYLE_LIGHT; style <= SITROOM_STYLE_DARK; style++)
    for (guint s = 0; s < n_sets; s++)
      {
        const SitroomClasses *classes = &sets[s];

        g_test_message ("style %d, %u classes", style, classes->n_classes);
        for (guint i = 1; i < classes->n_classes; i++)
          {
            SitroomColor lighter, darker;

            sitroom_classes_get_color (classes, i - 1, style, &lighter);
            sitroom_classes_get_color (classes, i, style, &darker);

            /* Zero is a neutral, apart from the ramp: its step is in hue, not lightness. */
            if (i > 1)
              g_assert_cmpfloat (lab_of (&lighter).l - lab_of (&darker).l, >=, 5);
            for (Deficiency d = 0; d < N_DEFICIENCIES; d++)
              g_assert_cmpfloat (delta_e_2000 (lab_as_seen (&lighter, d), lab_as_seen (&darker, d)), >=, 5);
          }
      }
}

static void
assert_contrast (SitroomStyle   style,
                 const guint32 *backgrounds,
                 guint          n_backgrounds)
{
  SitroomClasses sets[8];
  guint n_sets = all_class_sets (sets);

  for (guint b = 0; b < n_backgrounds; b++)
    {
      SitroomColor background = color_of_hex (backgrounds[b]);
      SitroomColor no_data;

      sitroom_classes_get_no_data_color (style, &no_data);
      g_assert_cmpfloat (delta_e (&no_data, &background), >=, 10);

      for (guint s = 0; s < n_sets; s++)
        {
          const SitroomClasses *classes = &sets[s];
          SitroomColor zero, lightest, darkest;

          g_test_message ("background %06x, %u classes", backgrounds[b], classes->n_classes);
          sitroom_classes_get_color (classes, 0, style, &zero);
          sitroom_classes_get_color (classes, 1, style, &lightest);
          sitroom_classes_get_color (classes, classes->n_classes - 1, style, &darkest);

          /* Zero is quiet, but still a region and not the sea around it. */
          g_assert_cmpfloat (delta_e (&zero, &background), >=, 5);
          g_assert_cmpfloat (delta_e (&zero, &lightest), >=, 15);
          /* Both ends of the ramp stand out from the background. */
          g_assert_cmpfloat (delta_e (&lightest, &background), >=, 15);
          g_assert_cmpfloat (delta_e (&darkest, &background), >=, 15);
        }
    }
}

static void
test_colors_contrast_light (void)
{
  assert_contrast (SITROOM_STYLE_LIGHT, light_backgrounds, G_N_ELEMENTS (light_backgrounds));
}

static void
test_colors_contrast_dark (void)
{
  assert_contrast (SITROOM_STYLE_DARK, dark_backgrounds, G_N_ELEMENTS (dark_backgrounds));
}

/* The dark ramp leaves out the palest yellow, which glares on a dark wall;
 * otherwise a class keeps its hue across styles. */
static void
test_colors_styles (void)
{
  SitroomClasses six = classes_for_max (99);
  SitroomColor light, dark;

  sitroom_classes_get_color (&six, 1, SITROOM_STYLE_LIGHT, &light);
  sitroom_classes_get_color (&six, 1, SITROOM_STYLE_DARK, &dark);
  g_assert_cmpfloat (lab_of (&light).l, >, 97);
  g_assert_cmpfloat (lab_of (&dark).l, <, 90);

  for (guint i = 1; i < six.n_classes; i++)
    {
      double hue_light, hue_dark;

      sitroom_classes_get_color (&six, i, SITROOM_STYLE_LIGHT, &light);
      sitroom_classes_get_color (&six, i, SITROOM_STYLE_DARK, &dark);
      hue_light = hue_angle (lab_of (&light).b, lab_of (&light).a);
      hue_dark = hue_angle (lab_of (&dark).b, lab_of (&dark).a);
      /* Yellow to red: hues between red (~40°) and yellow (~100°). */
      g_assert_cmpfloat (hue_light, >=, 20);
      g_assert_cmpfloat (hue_light, <=, 110);
      g_assert_cmpfloat (hue_dark, >=, 20);
      g_assert_cmpfloat (hue_dark, <=, 110);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/classes/breaks/examples", test_breaks_examples);
  g_test_add_func ("/classes/breaks/empty", test_breaks_empty);
  g_test_add_func ("/classes/breaks/cover", test_breaks_cover);
  g_test_add_func ("/classes/breaks/percentages", test_percentages);
  g_test_add_func ("/classes/labels/both-languages", test_labels);
  g_test_add_func ("/classes/colors/delta-e-reference", test_delta_e_reference);
  g_test_add_func ("/classes/colors/distinct", test_colors_distinct);
  g_test_add_func ("/classes/colors/sequential", test_colors_sequential);
  g_test_add_func ("/classes/colors/contrast-light", test_colors_contrast_light);
  g_test_add_func ("/classes/colors/contrast-dark", test_colors_contrast_dark);
  g_test_add_func ("/classes/colors/styles", test_colors_styles);

  return g_test_run ();
}
