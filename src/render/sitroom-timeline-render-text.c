/* The timeline's words: labels, statuses, ticks and the cutoff's time in Chinese or English, laid out once. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "sitroom-timeline-render-private.h"

#define LABEL_PADDING 12.0
/* Panning makes new tick labels at every step; old ones go past this many. */
#define MAX_TICK_LABELS 512

static const char *
pick (SitroomTimelineRenderer *self,
      const char              *zh,
      const char              *en)
{
  return sitroom_timeline_is_chinese (self) ? zh : en;
}

PangoLayout *
sitroom_timeline_new_layout (SitroomTimelineRenderer *self,
                             double                   pixels,
                             gboolean                 bold,
                             const char              *text)
{
  g_assert (self->pango != NULL);

  return sitroom_render_new_layout (self->pango, pixels * sitroom_timeline_scale (self), bold, text);
}

/* The context follows the surface drawn into (font options differ between
 * the screen, a PNG and a PDF); the layouts notice and lay out again. */
void
sitroom_timeline_text_update (SitroomTimelineRenderer *self,
                              cairo_t                 *cr)
{
  sitroom_render_text_update (&self->pango, cr, self->lang);
}

/* A new cutoff: the status lines are to be written again. Their layouts
 * stay, and keep what they laid out when the words come out the same, as
 * most do from one step of a scrub to the next. */
void
sitroom_timeline_clear_status_texts (SitroomTimelineRenderer *self)
{
  for (guint i = 0; i < self->lanes->len; i++)
    g_array_index (self->lanes, TimelineLane, i).texts_valid = FALSE;
}

void
sitroom_timeline_text_clear (SitroomTimelineRenderer *self)
{
  for (guint i = 0; i < self->lanes->len; i++)
    {
      TimelineLane *lane = &g_array_index (self->lanes, TimelineLane, i);

      g_clear_object (&lane->name);
      g_clear_object (&lane->title);
      g_clear_object (&lane->count);
      g_clear_object (&lane->status_text);
      lane->texts_valid = FALSE;
    }
  for (guint i = 0; i < self->measure_labels->len; i++)
    g_clear_object (&self->measure_labels->pdata[i]);
  g_clear_object (&self->corner);
  self->status_width = 0;
  g_clear_object (&self->handle_label);
  g_hash_table_remove_all (self->tick_labels);
  g_clear_pointer (&self->ticks, g_array_unref);
}

/* "阳性7例" / "7 positives"; for the measures' lane "施行中 8项" / "8 in force". */
static char *
format_count (SitroomTimelineRenderer *self,
              const TimelineLane      *lane)
{
  gboolean zh = sitroom_timeline_is_chinese (self);

  if (lane->chain < 0)
    return zh ? g_strdup_printf ("施行中 %u项", lane->n_positives)
              : g_strdup_printf ("%u in force", lane->n_positives);
  if (zh)
    return g_strdup_printf ("阳性%u例", lane->n_positives);
  return g_strdup_printf ("%u %s", lane->n_positives, lane->n_positives == 1 ? "positive" : "positives");
}

static const char *
status_word (SitroomTimelineRenderer *self,
             SitroomChainStatus       status)
{
  switch (status)
    {
    case SITROOM_CHAIN_ACTIVE:
      return pick (self, "活跃", "active");
    case SITROOM_CHAIN_CLOSED:
      return pick (self, "已结束", "closed");
    case SITROOM_CHAIN_NOT_STARTED:
    default:
      return pick (self, "未开始", "not started");
    }
}

/* The widest of the status words, so that where the positives go depends
 * on the chain's label and count, not on its status: a lane whose figures
 * move from line to line as the cutoff is scrubbed would be hard to read. */
static double
status_width (SitroomTimelineRenderer *self)
{
  static const SitroomChainStatus statuses[] = {
    SITROOM_CHAIN_NOT_STARTED, SITROOM_CHAIN_ACTIVE, SITROOM_CHAIN_CLOSED,
  };

  if (self->status_width > 0)
    return self->status_width;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(PangoLayout) layout = sitroom_timeline_new_layout (self, 11, FALSE, status_word (self, statuses[i]));
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      self->status_width = MAX (self->status_width, logical.width);
    }
  return self->status_width;
}

/* A layout of 11-pixel text, made or given new words only when they differ. */
static void
set_text (SitroomTimelineRenderer  *self,
          PangoLayout             **layout,
          const char               *text)
{
  if (*layout == NULL)
    *layout = sitroom_timeline_new_layout (self, 11, FALSE, text);
  else if (g_strcmp0 (pango_layout_get_text (*layout), text) != 0)
    pango_layout_set_text (*layout, text, -1);
}

/* Line one: the label, its status after a dot, and at the right the
 * positives, which nothing cuts; line two: the title as far as it goes.
 * When the positives leave the status too little room (four digits in
 * English), they end line two instead and the title is cut first. Only a
 * label too long for line one makes the status word give way, the dot
 * still telling active from closed. */
void
sitroom_timeline_lane_ensure_texts (SitroomTimelineRenderer *self,
                                    TimelineLane            *lane)
{
  double ts = sitroom_timeline_scale (self);
  double column = sitroom_timeline_renderer_get_label_width (self) - 2 * LABEL_PADDING * ts;

  if (lane->name == NULL)
    {
      if (lane->chain >= 0)
        {
          const SitroomChain *chain = sitroom_situation_get_chain (self->situation, lane->chain);
          const char *title = sitroom_text_get (&chain->title, self->lang);

          lane->name = sitroom_timeline_new_layout (self, 13, TRUE, chain->label);
          lane->title = sitroom_timeline_new_layout (self, 11, FALSE, title != NULL ? title : "");
          pango_layout_set_width (lane->title, (int) (column * PANGO_SCALE));
          pango_layout_set_ellipsize (lane->title, PANGO_ELLIPSIZE_END);
        }
      else
        lane->name = sitroom_timeline_new_layout (self, 13, TRUE, pick (self, "防控措施", "Measures"));
      /* A label longer than half the column is cut rather than the figures. */
      pango_layout_set_width (lane->name, (int) (column * (lane->chain >= 0 ? 0.5 : 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (lane->name, PANGO_ELLIPSIZE_END);
    }

  if (!lane->texts_valid)
    {
      g_autofree char *count = format_count (self, lane);

      if (lane->chain >= 0)
        {
          PangoRectangle name, figures;
          double room, gap = 6 * ts;

          set_text (self, &lane->count, count);
          set_text (self, &lane->status_text, status_word (self, lane->status));
          pango_layout_get_pixel_extents (lane->name, NULL, &name);
          pango_layout_get_pixel_extents (lane->count, NULL, &figures);
          room = column - name.width - (TIMELINE_STATUS_INDENT + 6) * ts;
          lane->count_below = status_width (self) + figures.width > room;
          if (!lane->count_below)
            room -= figures.width;
          pango_layout_set_width (lane->status_text, (int) (MAX (room, 1) * PANGO_SCALE));
          pango_layout_set_width (lane->title,
                                  (int) (MAX (column - (lane->count_below ? figures.width + gap : 0), 1) * PANGO_SCALE));
        }
      else
        {
          set_text (self, &lane->status_text, count);
          pango_layout_set_width (lane->status_text, (int) (column * PANGO_SCALE));
        }
      pango_layout_set_ellipsize (lane->status_text, PANGO_ELLIPSIZE_END);
      lane->texts_valid = TRUE;
    }
}

PangoLayout *
sitroom_timeline_measure_label (SitroomTimelineRenderer *self,
                                guint                    index)
{
  const TimelineMeasure *m = &g_array_index (self->measures, TimelineMeasure, index);

  if (self->measure_labels->pdata[index] == NULL)
    {
      const SitroomMeasure *measure = sitroom_situation_get_measure (self->situation, m->measure);
      const SitroomRegion *region = sitroom_situation_get_region (self->situation, measure->region);
      const char *name = region != NULL ? sitroom_text_get (&region->name, self->lang) : NULL;

      self->measure_labels->pdata[index] = sitroom_timeline_new_layout (self, 10, FALSE,
                                                                        name != NULL ? name : "");
    }
  return self->measure_labels->pdata[index];
}

PangoLayout *
sitroom_timeline_tick_label (SitroomTimelineRenderer *self,
                             const char              *label)
{
  PangoLayout *layout = g_hash_table_lookup (self->tick_labels, label);

  if (layout != NULL)
    return layout;
  if (g_hash_table_size (self->tick_labels) >= MAX_TICK_LABELS)
    g_hash_table_remove_all (self->tick_labels);
  layout = sitroom_timeline_new_layout (self, 11, FALSE, label);
  g_hash_table_insert (self->tick_labels, g_strdup (label), layout);
  return layout;
}

PangoLayout *
sitroom_timeline_corner_label (SitroomTimelineRenderer *self)
{
  if (self->corner == NULL)
    self->corner = sitroom_timeline_new_layout (self, 13, TRUE, pick (self, "感染链条", "Chains"));
  return self->corner;
}

/* "8月20日13时" (on the hour) or "8月20日13时30分", as a Chinese briefing
 * writes a time, / "20 Aug 13:00"; China Standard Time. */
char *
sitroom_timeline_format_handle (gint64      cutoff,
                                const char *lang)
{
  g_autoptr(GDateTime) t = sitroom_render_cst_time (cutoff);
  int month, day, hour, minute;

  if (t == NULL)
    return g_strdup ("—");
  month = g_date_time_get_month (t);
  day = g_date_time_get_day_of_month (t);
  hour = g_date_time_get_hour (t);
  minute = g_date_time_get_minute (t);
  if (g_strcmp0 (lang, "zh") == 0)
    return minute == 0 ? g_strdup_printf ("%d月%d日%d时", month, day, hour)
                       : g_strdup_printf ("%d月%d日%d时%d分", month, day, hour, minute);
  return g_strdup_printf ("%d %s %02d:%02d", day, sitroom_render_month_abbreviation (month), hour, minute);
}

PangoLayout *
sitroom_timeline_handle_label (SitroomTimelineRenderer *self,
                               gint64                   cutoff)
{
  g_autofree char *text = NULL;

  if (self->handle_label != NULL && self->handle_label_time == cutoff)
    return self->handle_label;

  text = sitroom_timeline_format_handle (cutoff, sitroom_timeline_is_chinese (self) ? "zh" : "en");
  g_clear_object (&self->handle_label);
  self->handle_label = sitroom_timeline_new_layout (self, 11, TRUE, text);
  self->handle_label_time = cutoff;
  return self->handle_label;
}

const GArray *
sitroom_timeline_ticks (SitroomTimelineRenderer       *self,
                        const SitroomTimelineViewport *viewport)
{
  double x0, x1;

  sitroom_timeline_area (self, viewport, &x0, &x1);
  if (self->ticks == NULL || self->ticks_start != viewport->start || self->ticks_end != viewport->end ||
      self->ticks_width != x1 - x0)
    {
      /* Room for the longest label ("2022年12月31日", "31 Dec 2022") and a gap. */
      double min_label = (sitroom_timeline_is_chinese (self) ? 96 : 84) * sitroom_timeline_scale (self);

      g_clear_pointer (&self->ticks, g_array_unref);
      self->ticks = sitroom_time_axis_ticks (viewport->start, viewport->end, x1 - x0, min_label, self->lang);
      self->ticks_start = viewport->start;
      self->ticks_end = viewport->end;
      self->ticks_width = x1 - x0;
    }
  return self->ticks;
}
