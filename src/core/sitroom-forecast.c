/* Centralized quarantine 14 days ahead: the model of sitroom-forecast.h, in exact integer arithmetic. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-forecast.h"
#include "sitroom-time.h"

#define DAY_SECONDS (24 * 3600)
/* The arrivals mean looks back this far, and divides by this many days. */
#define MEAN_DAYS 3
#define MEAN_WINDOW (MEAN_DAYS * DAY_SECONDS)
/* The largest count a document may give; more people a day set by the user
 * are taken as this many. No forecast can tell such figures apart, and it
 * keeps every sum below far from overflow. */
#define MAX_FIGURE G_GINT64_CONSTANT (1000000000)

struct _SitroomForecast
{
  GObject parent_instance;

  SitroomView *view;
  gint64 assumed_days;
  int assumed_rule;
  GArray *prefectures;      /* SitroomPrefectureForecast */
  int *forecast_of_region;  /* region index -> index in prefectures, or -1 */
  guint n_running_out;
};

G_DEFINE_FINAL_TYPE (SitroomForecast, sitroom_forecast, G_TYPE_OBJECT)

/* A non-negative number of people, whole + part / (3 D), 0 ≤ part < 3 D.
 * The model's only fractions are rest × min (i, D) / D and the 3-day mean
 * × min (i, D), so thirds of D hold every figure exactly, with no rounding
 * until the day's total. */
typedef struct {
  gint64 whole;
  gint64 part;
} Amount;

typedef struct {
  SitroomSituation *situation;
  gint64 cutoff;
  gint64 days;              /* D */
  gint64 denominator;       /* 3 D */
  gint64 day_end[SITROOM_FORECAST_DAYS];  /* 24:00 CST of each forecast day */
  guint n_sites;
  gint64 *inside;           /* per site: people of its cohorts inside at the cutoff */
  gint64 *leaving;          /* per site and day: of those, who leave that day */
  gint64 *mean_people;      /* per forecast: people entered in the 72 hours */
  Amount *totals;           /* per forecast and day: the sum over its sites */
} Model;

static void
sitroom_forecast_finalize (GObject *object)
{
  SitroomForecast *self = SITROOM_FORECAST (object);

  g_clear_object (&self->view);
  g_clear_pointer (&self->prefectures, g_array_unref);
  g_clear_pointer (&self->forecast_of_region, g_free);

  G_OBJECT_CLASS (sitroom_forecast_parent_class)->finalize (object);
}

static void
sitroom_forecast_class_init (SitroomForecastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sitroom_forecast_finalize;
}

static void
sitroom_forecast_init (SitroomForecast *self)
{
  self->prefectures = g_array_new (FALSE, TRUE, sizeof (SitroomPrefectureForecast));
  self->assumed_rule = -1;
}

static void
amount_add (const Model *model,
            Amount      *sum,
            Amount       value)
{
  g_assert (value.part >= 0 && value.part < model->denominator);

  sum->whole += value.whole;
  sum->part += value.part;
  if (sum->part >= model->denominator)
    {
      sum->part -= model->denominator;
      sum->whole++;
    }
}

/* The one rounding of the model: to the nearest whole person, a half up. */
static gint64
amount_round (const Model *model,
              Amount       value)
{
  g_assert (value.whole >= 0);

  return value.whole + (2 * value.part >= model->denominator ? 1 : 0);
}

/* The forecast's prefecture of a site, or NULL: only centralized sites have
 * beds to run out of. */
static SitroomPrefectureForecast *
site_forecast (SitroomForecast   *self,
               const SitroomSite *site,
               int               *index)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  int prefecture;

  g_assert (site != NULL);

  if (site->kind != SITROOM_SITE_CENTRALIZED)
    return NULL;
  prefecture = sitroom_situation_get_region (situation, site->region)->prefecture;
  if (prefecture < 0 || self->forecast_of_region[prefecture] < 0)
    return NULL;

  if (index != NULL)
    *index = self->forecast_of_region[prefecture];
  return &g_array_index (self->prefectures, SitroomPrefectureForecast,
                         self->forecast_of_region[prefecture]);
}

static void
choose_assumed_days (SitroomForecast *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  int rule = sitroom_situation_get_default_rule (situation);

  /* A default rule with no centralized days says nothing of how long a
   * centralized site's occupants stay. */
  if (rule >= 0 && sitroom_situation_get_rule (situation, rule)->centralized_days > 0)
    {
      self->assumed_rule = rule;
      self->assumed_days = sitroom_situation_get_rule (situation, rule)->centralized_days;
    }
  else
    {
      self->assumed_rule = -1;
      self->assumed_days = SITROOM_FORECAST_FALLBACK_DAYS;
    }
}

/* The prefectures with a centralized site, in the view's order, with their
 * beds and occupants as the view sums them. */
static void
list_prefectures (SitroomForecast *self)
{
  SitroomSituation *situation = sitroom_view_get_situation (self->view);
  guint n_regions = sitroom_situation_get_n_regions (situation);
  guint n = sitroom_view_get_n_prefectures (self->view);

  self->forecast_of_region = g_new (int, MAX (n_regions, 1));
  for (guint i = 0; i < n_regions; i++)
    self->forecast_of_region[i] = -1;

  for (guint i = 0; i < n; i++)
    {
      const SitroomPrefectureFigures *figures = sitroom_view_get_prefecture (self->view, i);
      SitroomPrefectureForecast row = {
        .region = figures->region,
        .capacity = figures->capacity,
        .occupied = figures->occupied,
        .full_on = -1,
      };

      if (figures->n_sites == 0)
        continue;
      self->forecast_of_region[figures->region] = self->prefectures->len;
      g_array_append_val (self->prefectures, row);
    }
}

/* Which cohorts are inside at the cutoff and the day each leaves, and the
 * people of the last 72 hours for the arrivals mean. */
static void
read_cohorts (SitroomForecast *self,
              Model           *model)
{
  guint n = sitroom_situation_get_n_cohorts (model->situation);

  for (guint c = 0; c < n; c++)
    {
      const SitroomCohort *cohort = sitroom_situation_get_cohort (model->situation, c);
      const SitroomSite *site = sitroom_situation_get_site (model->situation, cohort->site);
      const SitroomQuarantineRule *rule = sitroom_situation_get_rule (model->situation, cohort->rule);
      gint64 released;
      int index;

      /* Cohorts are sorted by entry: none after this one has entered yet. */
      if (cohort->entered_at > model->cutoff)
        break;
      if (site_forecast (self, site, &index) == NULL)
        continue;

      /* (cutoff − 72 h, cutoff]: a cohort exactly 72 hours old belongs to
       * the day before the three. */
      if (model->cutoff - cohort->entered_at < MEAN_WINDOW)
        model->mean_people[index] += cohort->people;

      released = cohort->entered_at + rule->centralized_days * DAY_SECONDS;
      /* Gone at the instant of release: a cohort released at the cutoff is
       * no longer in the site's occupied figure. */
      if (released <= model->cutoff)
        continue;

      model->inside[cohort->site] += cohort->people;
      for (guint d = 0; d < SITROOM_FORECAST_DAYS; d++)
        if (released <= model->day_end[d])
          {
            model->leaving[(gsize) cohort->site * SITROOM_FORECAST_DAYS + d] += cohort->people;
            break;
          }
    }
}

/* A site's expected occupants at the end of each day, added to its
 * prefecture's totals: occupied minus the cohorts gone, minus
 * rest × min (i, D) / D, never below 0. The floor is kept site by site,
 * so a site whose cohorts outnumber its occupied figure takes nobody
 * away from the other sites. */
static void
add_site (Model                     *model,
          guint                      s,
          SitroomPrefectureForecast *row,
          Amount                    *totals)
{
  const SitroomSite *site = sitroom_situation_get_site (model->situation, s);
  gint64 rest = MAX (site->occupied - model->inside[s], 0);
  gint64 gone = 0;

  g_assert (row != NULL);

  row->cohort_people += MIN (model->inside[s], site->occupied);
  row->assumed_people += rest;

  for (guint d = 0; d < SITROOM_FORECAST_DAYS; d++)
    {
      gint64 m = MIN ((gint64) d + 1, model->days);
      /* rest × m / D, in units of 1 / (3 D): at most 3 × 10⁹ × 14. */
      gint64 left = 3 * rest * m;
      Amount value;

      gone += model->leaving[(gsize) s * SITROOM_FORECAST_DAYS + d];

      /* occupied − gone − left / (3 D), written as whole + part / (3 D). */
      value.whole = site->occupied - gone - left / model->denominator;
      value.part = 0;
      if (left % model->denominator != 0)
        {
          value.whole--;
          value.part = model->denominator - left % model->denominator;
        }
      if (value.whole < 0)
        value = (Amount) { 0, 0 };

      amount_add (model, &totals[d], value);
    }
}

/* Arrivals, the day's total rounded once, and the day the beds run out. */
static void
finish_prefecture (SitroomForecast *self,
                   Model           *model,
                   guint            index,
                   const gint64    *arrivals,
                   guint            n_arrivals)
{
  SitroomPrefectureForecast *row = &g_array_index (self->prefectures, SitroomPrefectureForecast, index);
  gboolean set = row->region < (int) n_arrivals && arrivals[row->region] >= 0;
  gint64 per_day = set ? MIN (arrivals[row->region], MAX_FIGURE) : 0;

  row->arrivals_set = set;
  row->arrivals = set ? (double) per_day : (double) model->mean_people[index] / MEAN_DAYS;

  for (guint d = 0; d < SITROOM_FORECAST_DAYS; d++)
    {
      gint64 m = MIN ((gint64) d + 1, model->days);
      Amount sum = model->totals[(gsize) index * SITROOM_FORECAST_DAYS + d];
      Amount in;

      /* Everyone who arrived on days max (1, i − D + 1) … i is still in. */
      if (set)
        {
          in.whole = per_day * m;
          in.part = 0;
        }
      else
        {
          /* people × m / 3 = people × m × D / (3 D) */
          in.whole = model->mean_people[index] * m / MEAN_DAYS;
          in.part = model->mean_people[index] * m % MEAN_DAYS * model->days;
        }
      amount_add (model, &sum, in);

      row->days[d].day = model->day_end[d] - DAY_SECONDS;
      row->days[d].capacity = row->capacity;
      /* The only rounding: the prefecture's exact total for the day, to
       * the nearest person, a half up. Sites are not rounded one by one. */
      row->days[d].occupied = amount_round (model, sum);

      if (row->full_on < 0 && row->days[d].occupied > 0 && row->days[d].occupied >= row->capacity)
        row->full_on = d;
    }

  if (row->full_on >= 0)
    self->n_running_out++;
}

static void
sitroom_forecast_compute (SitroomForecast *self,
                          const gint64    *arrivals,
                          guint            n_arrivals)
{
  Model model = { 0 };
  gint64 cutoff_day;
  guint n_forecasts;

  choose_assumed_days (self);
  list_prefectures (self);

  n_forecasts = self->prefectures->len;
  model.situation = sitroom_view_get_situation (self->view);
  model.cutoff = sitroom_view_get_cutoff (self->view);
  model.days = self->assumed_days;
  model.denominator = MEAN_DAYS * model.days;
  model.n_sites = sitroom_situation_get_n_sites (model.situation);

  /* Day 1 is the CST day after the cutoff's; a figure is for 24:00 of its
   * day, which is 00:00 of the next. */
  cutoff_day = sitroom_time_cst_day (model.cutoff);
  for (guint d = 0; d < SITROOM_FORECAST_DAYS; d++)
    model.day_end[d] = (cutoff_day + d + 2) * DAY_SECONDS - SITROOM_CST_OFFSET;

  model.inside = g_new0 (gint64, MAX (model.n_sites, 1));
  model.leaving = g_new0 (gint64, (gsize) MAX (model.n_sites, 1) * SITROOM_FORECAST_DAYS);
  model.mean_people = g_new0 (gint64, MAX (n_forecasts, 1));
  model.totals = g_new0 (Amount, (gsize) MAX (n_forecasts, 1) * SITROOM_FORECAST_DAYS);

  read_cohorts (self, &model);

  for (guint s = 0; s < model.n_sites; s++)
    {
      const SitroomSite *site = sitroom_situation_get_site (model.situation, s);
      int index;
      SitroomPrefectureForecast *row = site_forecast (self, site, &index);

      if (row != NULL)
        add_site (&model, s, row, &model.totals[(gsize) index * SITROOM_FORECAST_DAYS]);
    }

  for (guint i = 0; i < n_forecasts; i++)
    finish_prefecture (self, &model, i, arrivals, n_arrivals);

  g_free (model.inside);
  g_free (model.leaving);
  g_free (model.mean_people);
  g_free (model.totals);
}

SitroomForecast *
sitroom_forecast_new (SitroomView   *view,
                      const gint64  *arrivals,
                      guint          n_arrivals)
{
  SitroomForecast *self;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (arrivals != NULL || n_arrivals == 0, NULL);

  self = g_object_new (SITROOM_TYPE_FORECAST, NULL);
  self->view = g_object_ref (view);
  sitroom_forecast_compute (self, arrivals, n_arrivals);

  return self;
}

SitroomView *
sitroom_forecast_get_view (SitroomForecast *self)
{
  g_return_val_if_fail (SITROOM_IS_FORECAST (self), NULL);
  return self->view;
}

gint64
sitroom_forecast_get_assumed_days (SitroomForecast *self)
{
  g_return_val_if_fail (SITROOM_IS_FORECAST (self), SITROOM_FORECAST_FALLBACK_DAYS);
  return self->assumed_days;
}

int
sitroom_forecast_get_assumed_rule (SitroomForecast *self)
{
  g_return_val_if_fail (SITROOM_IS_FORECAST (self), -1);
  return self->assumed_rule;
}

guint
sitroom_forecast_get_n_prefectures (SitroomForecast *self)
{
  g_return_val_if_fail (SITROOM_IS_FORECAST (self), 0);
  return self->prefectures->len;
}

const SitroomPrefectureForecast *
sitroom_forecast_get_prefecture (SitroomForecast *self,
                                 guint            index)
{
  g_return_val_if_fail (SITROOM_IS_FORECAST (self), NULL);
  g_return_val_if_fail (index < self->prefectures->len, NULL);
  return &g_array_index (self->prefectures, SitroomPrefectureForecast, index);
}

const SitroomPrefectureForecast *
sitroom_forecast_lookup (SitroomForecast *self,
                         int              region)
{
  SitroomSituation *situation;

  g_return_val_if_fail (SITROOM_IS_FORECAST (self), NULL);

  situation = sitroom_view_get_situation (self->view);
  if (region < 0 || region >= (int) sitroom_situation_get_n_regions (situation))
    return NULL;
  if (self->forecast_of_region[region] < 0)
    return NULL;
  return &g_array_index (self->prefectures, SitroomPrefectureForecast, self->forecast_of_region[region]);
}

guint
sitroom_forecast_get_n_running_out (SitroomForecast *self)
{
  g_return_val_if_fail (SITROOM_IS_FORECAST (self), 0);
  return self->n_running_out;
}
