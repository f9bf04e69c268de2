/* Classed breaks for small counts, and a colour-blind-safe palette for light and dark maps. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-chart-style.h"
#include "sitroom-classes.h"

/* Classes after the zero class. */
#define MAX_RANGES (SITROOM_CLASSES_MAX - 1)

/* Below ten, every value but the largest few is a class of its own: with
 * one to nine cases a prefecture's exact count is what the room reads. */
static const double fine_ladder[] = { 1, 2, 3, 4, 6, 10 };

/* The n-th number of the 1-2-5 ladder: 1, 2, 5, 10, 20, 50, 100, … */
static double
ladder_125 (guint n)
{
  static const double mantissa[] = { 1, 2, 5 };

  return mantissa[n % 3] * pow (10, n / 3);
}

/* Lower bounds for counts up to @max (at least 10): 1 alone, since a first
 * case is news, then every @step-th number of the 1-2-5 ladder from 2. */
static guint
count_ladder_bounds (double  max,
                     guint   step,
                     double *bounds,
                     double *next)
{
  guint n = 0;

  g_assert (step >= 1);

  bounds[n++] = 1;
  for (guint i = 1;; i += step)
    {
      double bound = ladder_125 (i);

      if (bound > max)
        {
          *next = bound;
          return n;
        }
      if (n == MAX_RANGES)
        return n + 1;  /* too many: the caller tries a longer step */
      bounds[n++] = bound;
    }
}

static void
compute_counts (SitroomClasses *classes,
                double          max)
{
  double bounds[MAX_RANGES];
  double next = 0;
  guint n = 0;

  if (max < 1)
    {
      /* Nothing but zeros: one class more, so the legend still says what a
       * coloured region would mean. */
      classes->lower[1] = 1;
      classes->upper[1] = INFINITY;
      classes->n_classes = 2;
      return;
    }

  if (max < 10)
    {
      while (fine_ladder[n] <= max)
        {
          bounds[n] = fine_ladder[n];
          n++;
        }
      next = fine_ladder[n];
    }
  else
    {
      /* The finest step that needs at most MAX_RANGES classes: 1 | 2–4 |
       * 5–9 | … up to 99, 1 | 2–9 | 10–49 | … up to 4999, and so on. */
      for (guint step = 1;; step++)
        {
          n = count_ladder_bounds (max, step, bounds, &next);
          if (n <= MAX_RANGES)
            break;
        }
    }

  /* The last class ends where the ladder's next step begins (10–19 rather
   * than 10–11), so the legend reads in round numbers. */
  for (guint i = 0; i < n; i++)
    {
      classes->lower[i + 1] = bounds[i];
      classes->upper[i + 1] = (i + 1 < n ? bounds[i + 1] : next) - 1;
    }
  classes->n_classes = n + 1;
}

/* 0 | below 50 % | 50–80 % | 80–100 % | over-full. The bounds are closed
 * intervals, so the values just inside each boundary are spelled out: 50 %
 * is "50–80", 100 % is still "80–100" (full, not over-full). */
static void
compute_percentages (SitroomClasses *classes)
{
  classes->lower[1] = nextafter (0, 1);
  classes->upper[1] = nextafter (50, 0);
  classes->lower[2] = 50;
  classes->upper[2] = nextafter (80, 0);
  classes->lower[3] = 80;
  classes->upper[3] = 100;
  classes->lower[4] = nextafter (100, INFINITY);
  classes->upper[4] = INFINITY;
  classes->n_classes = 5;
}

void
sitroom_classes_compute (SitroomClasses *classes,
                         const double   *values,
                         guint           n_values,
                         gboolean        percentage)
{
  double max = 0;

  g_return_if_fail (classes != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  *classes = (SitroomClasses) { .percentage = percentage };
  classes->lower[0] = 0;
  classes->upper[0] = 0;

  if (percentage)
    {
      compute_percentages (classes);
      return;
    }

  for (guint i = 0; i < n_values; i++)
    if (isfinite (values[i]) && values[i] > max)
      max = values[i];

  compute_counts (classes, ceil (max));
}

int
sitroom_classes_find (const SitroomClasses *classes,
                      double                value)
{
  g_return_val_if_fail (classes != NULL, -1);

  for (guint i = 0; i < classes->n_classes; i++)
    if (classes->lower[i] <= value && value <= classes->upper[i])
      return i;
  return -1;
}

static gboolean
is_chinese (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "zh");
}

/* Chinese sets "%" and the signs tight against the figure; English keeps
 * the SI space. */
static char *
format_percentage_label (guint    index,
                         gboolean zh)
{
  const char *space = zh ? "" : " ";

  switch (index)
    {
    case 0:
      return g_strdup_printf ("0%s%%", space);
    case 1:
      return g_strdup_printf ("<%s50%s%%", space, space);
    case 2:
      return g_strdup_printf ("50–80%s%%", space);
    case 3:
      return g_strdup_printf ("80–100%s%%", space);
    case 4:
      return g_strdup_printf (">%s100%s%%", space, space);
    default:
      g_assert_not_reached ();
      return NULL;
    }
}

char *
sitroom_classes_format_label (const SitroomClasses *classes,
                              guint                 index,
                              const char           *lang)
{
  gboolean zh = is_chinese (lang);
  double lower;
  double upper;

  g_return_val_if_fail (classes != NULL, NULL);
  g_return_val_if_fail (index <= classes->n_classes, NULL);

  if (index == classes->n_classes)
    return g_strdup (zh ? "无数据" : "No data");
  if (classes->percentage)
    return format_percentage_label (index, zh);

  lower = classes->lower[index];
  upper = classes->upper[index];
  if (isinf (upper))
    return g_strdup_printf ("≥%s%.0f", zh ? "" : " ", lower);
  if (lower == upper)
    return g_strdup_printf ("%.0f", lower);
  return g_strdup_printf ("%.0f–%.0f", lower, upper);
}

/* ColorBrewer's YlOrRd, sequential and rated safe for colour-blind readers,
 * the schemes of 3 to 7 classes as the npm package colorbrewer 1.7.0
 * publishes them. Copyright (c) 2002 Cynthia Brewer, Mark Harrower, and The
 * Pennsylvania State University; Apache License 2.0
 * (https://www.apache.org/licenses/LICENSE-2.0). "This product includes
 * color specifications and designs developed by Cynthia Brewer
 * (http://colorbrewer.org/)." */
static const guint32 ylorrd_3[] = { 0xffeda0, 0xfeb24c, 0xf03b20 };
static const guint32 ylorrd_4[] = { 0xffffb2, 0xfecc5c, 0xfd8d3c, 0xe31a1c };
static const guint32 ylorrd_5[] = { 0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026 };
static const guint32 ylorrd_6[] = { 0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xf03b20, 0xbd0026 };
static const guint32 ylorrd_7[] = { 0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026 };

static const guint32 *const ylorrd[] = { NULL, NULL, NULL, ylorrd_3, ylorrd_4, ylorrd_5, ylorrd_6, ylorrd_7 };

G_STATIC_ASSERT (G_N_ELEMENTS (ylorrd) == SITROOM_CLASSES_MAX + 1);

/* Zero and "no data" are neutrals of the GNOME palette, quiet beside the
 * ramp's hues: zero a step off the map's background (light 3 on light 2,
 * dark 3 on dark 4), no data a step further, so that an empty region and
 * an unknown one differ. */
static const guint32 zero_color[] = { [SITROOM_STYLE_LIGHT] = 0xdeddda, [SITROOM_STYLE_DARK] = 0x3d3846 };
static const guint32 no_data_color[] = { [SITROOM_STYLE_LIGHT] = 0xc0bfbc, [SITROOM_STYLE_DARK] = 0x5e5c64 };

/* Class @index (from 1) of @n_ranges coloured classes. */
static guint32
ramp_color (guint        n_ranges,
            guint        index,
            SitroomStyle style)
{
  g_assert (n_ranges >= 1 && n_ranges <= MAX_RANGES);
  g_assert (index >= 1 && index <= n_ranges);

  /* Two or one classes: the darker end of the smallest scheme, so that a
   * single case is not a pale wash. */
  if (n_ranges < 3)
    return ylorrd[3][3 - n_ranges + index - 1];
  /* On a dark map the palest yellow glares and reads as a hole: there the
   * ramp is the next larger scheme without its palest class. */
  if (style == SITROOM_STYLE_DARK)
    return ylorrd[n_ranges + 1][index];
  return ylorrd[n_ranges][index - 1];
}

void
sitroom_classes_get_color (const SitroomClasses *classes,
                           guint                 index,
                           SitroomStyle          style,
                           SitroomColor         *color)
{
  g_return_if_fail (classes != NULL);
  g_return_if_fail (classes->n_classes >= 2 && classes->n_classes <= SITROOM_CLASSES_MAX);
  g_return_if_fail (index < classes->n_classes);
  g_return_if_fail (style == SITROOM_STYLE_LIGHT || style == SITROOM_STYLE_DARK);
  g_return_if_fail (color != NULL);

  if (index == 0)
    *color = sitroom_chart_rgb (zero_color[style]);
  else
    *color = sitroom_chart_rgb (ramp_color (classes->n_classes - 1, index, style));
}

void
sitroom_classes_get_no_data_color (SitroomStyle  style,
                                   SitroomColor *color)
{
  g_return_if_fail (style == SITROOM_STYLE_LIGHT || style == SITROOM_STYLE_DARK);
  g_return_if_fail (color != NULL);

  *color = sitroom_chart_rgb (no_data_color[style]);
}
