/* One row of the measures table: a measure at a cutoff written for people, and the columns that show and sort it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sitroom-format.h"
#include "sitroom-measure-row.h"
#include "sitroom-timeline-render.h"

struct _SitroomMeasureRow
{
  GObject parent_instance;

  SitroomMeasureState state;
  SitroomMeasureKind kind;
  int prefecture;               /* what activating the row selects: -1 for the province */
  gint64 from;
  gint64 until;                 /* G_MAXINT64 while it has no end, for sorting */
  guint order;                  /* its place in sitroom_measures_list() */
  char *texts[SITROOM_N_MEASURE_CELLS];
};

G_DEFINE_FINAL_TYPE (SitroomMeasureRow, sitroom_measure_row, G_TYPE_OBJECT)

static void
sitroom_measure_row_finalize (GObject *object)
{
  SitroomMeasureRow *row = SITROOM_MEASURE_ROW (object);

  for (guint i = 0; i < SITROOM_N_MEASURE_CELLS; i++)
    g_free (row->texts[i]);
  G_OBJECT_CLASS (sitroom_measure_row_parent_class)->finalize (object);
}

static void
sitroom_measure_row_class_init (SitroomMeasureRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sitroom_measure_row_finalize;
}

static void
sitroom_measure_row_init (SitroomMeasureRow *row)
{
}

static const char *
status_name (SitroomMeasureStatus status)
{
  switch (status)
    {
    case SITROOM_MEASURE_IN_FORCE:
      /* Translators: the status of a measure at the cutoff. */
      return _("In force");
    case SITROOM_MEASURE_ENDED:
      /* Translators: the status of a measure at the cutoff. */
      return _("Ended");
    case SITROOM_MEASURE_SCHEDULED:
    default:
      /* Translators: the status of a measure that begins after the cutoff. */
      return _("Scheduled");
    }
}

/* "In force for 13 hours", "Lasted 3 days", "Starts in 2 hours". */
static char *
describe_so_far (const SitroomMeasureState *state,
                 gint64                     from,
                 gint64                     cutoff)
{
  g_autofree char *duration = NULL;

  switch (state->status)
    {
    case SITROOM_MEASURE_IN_FORCE:
      duration = sitroom_format_duration (state->in_force_for);
      /* Translators: how long a measure has been in force by the cutoff, as in "In force for 1 day 1 hour". */
      return g_strdup_printf (_("In force for %s"), duration);
    case SITROOM_MEASURE_ENDED:
      duration = sitroom_format_duration (state->in_force_for);
      /* Translators: how long a measure that has ended was in force, as in "Lasted 3 days". */
      return g_strdup_printf (_("Lasted %s"), duration);
    case SITROOM_MEASURE_SCHEDULED:
    default:
      duration = sitroom_format_duration (from - cutoff);
      /* Translators: how long after the cutoff a measure begins, as in "Starts in 5 hours". */
      return g_strdup_printf (_("Starts in %s"), duration);
    }
}

SitroomMeasureRow *
sitroom_measure_row_new (SitroomView                *view,
                         const SitroomMeasureState *state,
                         guint                      order,
                         const char                *lang)
{
  SitroomSituation *situation;
  const SitroomMeasure *m;
  const SitroomRegion *region;
  const char *text;
  SitroomMeasureRow *row;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  situation = sitroom_view_get_situation (view);
  g_return_val_if_fail (state->measure >= 0 && (guint) state->measure < sitroom_situation_get_n_measures (situation),
                        NULL);
  m = sitroom_situation_get_measure (situation, state->measure);
  region = m->region >= 0 ? sitroom_situation_get_region (situation, m->region) : NULL;
  text = sitroom_text_get (&m->text, lang);
  row = g_object_new (SITROOM_TYPE_MEASURE_ROW, NULL);
  row->state = *state;
  row->kind = m->kind;
  row->prefecture = region != NULL ? region->prefecture : -1;
  row->from = m->from;
  row->until = m->until != SITROOM_TIME_NONE ? m->until : G_MAXINT64;
  row->order = order;
  row->texts[SITROOM_MEASURE_CELL_KIND] = g_strdup (sitroom_format_measure_kind (m->kind));
  row->texts[SITROOM_MEASURE_CELL_REGION] = g_strdup (sitroom_format_region (situation, m->region, lang));
  row->texts[SITROOM_MEASURE_CELL_TEXT] = g_strdup (text != NULL ? text : "");
  row->texts[SITROOM_MEASURE_CELL_FROM] = sitroom_format_time (m->from, lang);
  row->texts[SITROOM_MEASURE_CELL_UNTIL] = m->until != SITROOM_TIME_NONE ? sitroom_format_time (m->until, lang)
                                                                       : g_strdup ("—");
  row->texts[SITROOM_MEASURE_CELL_SO_FAR] = describe_so_far (state, m->from, sitroom_view_get_cutoff (view));
  row->texts[SITROOM_MEASURE_CELL_STATUS] = g_strdup (status_name (state->status));
  return row;
}

const SitroomMeasureState *
sitroom_measure_row_get_state (SitroomMeasureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURE_ROW (self), NULL);

  return &self->state;
}

int
sitroom_measure_row_get_prefecture (SitroomMeasureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_MEASURE_ROW (self), -1);

  return self->prefecture;
}

const char *
sitroom_measure_row_get_text (SitroomMeasureRow  *self,
                              SitroomMeasureCell  cell)
{
  g_return_val_if_fail (SITROOM_IS_MEASURE_ROW (self), NULL);
  g_return_val_if_fail (cell < SITROOM_N_MEASURE_CELLS, NULL);

  return self->texts[cell];
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  SitroomMeasureCell cell = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  switch (cell)
    {
    case SITROOM_MEASURE_CELL_KIND:
      {
        /* A swatch in the kind's colour on the chart, then its name. */
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *swatch = gtk_label_new (NULL);

        gtk_box_append (GTK_BOX (box), swatch);
        gtk_box_append (GTK_BOX (box), label);
        gtk_list_item_set_child (item, box);
        return;
      }
    case SITROOM_MEASURE_CELL_TEXT:
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 72);
      break;
    case SITROOM_MEASURE_CELL_FROM:
    case SITROOM_MEASURE_CELL_UNTIL:
    case SITROOM_MEASURE_CELL_SO_FAR:
      gtk_widget_add_css_class (label, "numeric");
      break;
    case SITROOM_MEASURE_CELL_STATUS:
      gtk_widget_add_css_class (label, "measure-status");
      break;
    case SITROOM_MEASURE_CELL_REGION:
    default:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      break;
    }
  gtk_list_item_set_child (item, label);
}

static void
set_status_class (GtkWidget            *label,
                  SitroomMeasureStatus  status)
{
  static const char * const classes[] = { "measure-scheduled", "measure-in-force", "measure-ended" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  gtk_widget_add_css_class (label, classes[status]);
  /* Bold while in force, dim otherwise, whatever the stylesheet says of
   * the classes above. */
  if (status == SITROOM_MEASURE_IN_FORCE)
    {
      PangoAttrList *bold = pango_attr_list_new ();

      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), bold);
      pango_attr_list_unref (bold);
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      gtk_label_set_attributes (GTK_LABEL (label), NULL);
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  SitroomMeasureCell cell = GPOINTER_TO_INT (user_data);
  SitroomMeasureRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = cell == SITROOM_MEASURE_CELL_KIND ? gtk_widget_get_last_child (child) : child;

  gtk_label_set_label (GTK_LABEL (label), row->texts[cell]);
  if (cell == SITROOM_MEASURE_CELL_KIND)
    {
      SitroomColor color;
      g_autofree char *markup = NULL;

      sitroom_timeline_measure_color (row->kind, SITROOM_STYLE_LIGHT, &color);
      markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">■</span>", (int) (color.red * 255 + 0.5),
                                (int) (color.green * 255 + 0.5), (int) (color.blue * 255 + 0.5));
      gtk_label_set_markup (GTK_LABEL (gtk_widget_get_first_child (child)), markup);
    }
  else if (cell == SITROOM_MEASURE_CELL_STATUS)
    set_status_class (label, row->state.status);
  else if (cell == SITROOM_MEASURE_CELL_REGION)
    gtk_widget_set_tooltip_text (label, _("Activate the row to show the measures of this region’s prefecture"));
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SitroomMeasureRow *ra = a;
  const SitroomMeasureRow *rb = b;
  int by = 0;

  switch ((SitroomMeasureCell) GPOINTER_TO_INT (user_data))
    {
    case SITROOM_MEASURE_CELL_KIND:
      by = (int) ra->kind - (int) rb->kind;
      break;
    case SITROOM_MEASURE_CELL_REGION:
    case SITROOM_MEASURE_CELL_TEXT:
      by = g_utf8_collate (ra->texts[GPOINTER_TO_INT (user_data)], rb->texts[GPOINTER_TO_INT (user_data)]);
      break;
    case SITROOM_MEASURE_CELL_FROM:
      by = (ra->from > rb->from) - (ra->from < rb->from);
      break;
    case SITROOM_MEASURE_CELL_UNTIL:
      by = (ra->until > rb->until) - (ra->until < rb->until);
      break;
    case SITROOM_MEASURE_CELL_SO_FAR:
      by = (ra->state.in_force_for > rb->state.in_force_for) - (ra->state.in_force_for < rb->state.in_force_for);
      break;
    case SITROOM_MEASURE_CELL_STATUS:
    case SITROOM_N_MEASURE_CELLS:
    default:
      break;
    }
  /* Ties, and the status column, keep the list's own order: in force
   * first, then ended, then scheduled. */
  if (by == 0)
    by = (ra->order > rb->order) - (ra->order < rb->order);
  return by < 0 ? GTK_ORDERING_SMALLER : by > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

void
sitroom_measure_row_setup_column (GtkColumnViewColumn *column,
                                  SitroomMeasureCell   cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (cell), NULL));

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (cell < SITROOM_N_MEASURE_CELLS);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (cell));
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
}
