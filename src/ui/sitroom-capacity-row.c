/* One row of the capacity table, a prefecture or one of its centralized sites; how the table's cells show it, and the tree they make. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-capacity-render.h"
#include "sitroom-capacity-row.h"
#include "sitroom-format.h"

struct _SitroomCapacityRow
{
  GObject parent_instance;

  int region;
  int site;
  const char *lang;
  char *name;
  gint64 capacity;
  gint64 occupied;
  gint64 free;
  double occupancy;
  gboolean overfull;
  gint64 full_on;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (SitroomCapacityRow, sitroom_capacity_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGION,
  PROP_SITE,
  PROP_NAME,
  PROP_CAPACITY,
  PROP_OCCUPIED,
  PROP_FREE,
  PROP_OCCUPANCY,
  PROP_OVERFULL,
  PROP_FULL_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sitroom_capacity_row_finalize (GObject *object)
{
  SitroomCapacityRow *self = SITROOM_CAPACITY_ROW (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (sitroom_capacity_row_parent_class)->finalize (object);
}

static void
sitroom_capacity_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SitroomCapacityRow *self = SITROOM_CAPACITY_ROW (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_int (value, self->region);
      break;
    case PROP_SITE:
      g_value_set_int (value, self->site);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CAPACITY:
      g_value_set_int64 (value, self->capacity);
      break;
    case PROP_OCCUPIED:
      g_value_set_int64 (value, self->occupied);
      break;
    case PROP_FREE:
      g_value_set_int64 (value, self->free);
      break;
    case PROP_OCCUPANCY:
      g_value_set_double (value, self->occupancy);
      break;
    case PROP_OVERFULL:
      g_value_set_boolean (value, self->overfull);
      break;
    case PROP_FULL_ON:
      g_value_set_int64 (value, self->full_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_capacity_row_class_init (SitroomCapacityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sitroom_capacity_row_finalize;
  object_class->get_property = sitroom_capacity_row_get_property;

  properties[PROP_REGION] = g_param_spec_int ("region", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SITE] = g_param_spec_int ("site", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CAPACITY] = g_param_spec_int64 ("capacity", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OCCUPIED] = g_param_spec_int64 ("occupied", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FREE] = g_param_spec_int64 ("free", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OCCUPANCY] = g_param_spec_double ("occupancy", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_OVERFULL] = g_param_spec_boolean ("overfull", NULL, NULL, FALSE, flags);
  properties[PROP_FULL_ON] = g_param_spec_int64 ("full-on", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitroom_capacity_row_init (SitroomCapacityRow *self)
{
  self->region = -1;
  self->site = -1;
  self->occupancy = -1;
  self->full_on = G_MAXINT64;
}

static void
set_beds (SitroomCapacityRow *self,
          gint64              capacity,
          gint64              occupied,
          gint64              free)
{
  self->capacity = capacity;
  self->occupied = occupied;
  self->free = free;
  self->occupancy = capacity > 0 ? (double) occupied / (double) capacity : -1;
}

static SitroomCapacityRow *
new_site (SitroomSituation *situation,
          int               prefecture,
          guint             index,
          const char       *lang)
{
  const SitroomSite *site = sitroom_situation_get_site (situation, index);
  SitroomCapacityRow *self = g_object_new (SITROOM_TYPE_CAPACITY_ROW, NULL);

  self->region = prefecture;
  self->site = (int) index;
  self->lang = lang;
  self->name = g_strdup (sitroom_text_get (&site->name, lang));
  set_beds (self, site->capacity, site->occupied, MAX (0, site->capacity - site->occupied));
  self->overfull = site->occupied > site->capacity;

  return self;
}

SitroomCapacityRow *
sitroom_capacity_row_new_prefecture (SitroomForecast                 *forecast,
                                     const SitroomPrefectureForecast *prefecture,
                                     const char                      *lang)
{
  SitroomSituation *situation;
  SitroomCapacityRow *self;
  gint64 free = 0;

  g_return_val_if_fail (SITROOM_IS_FORECAST (forecast), NULL);
  g_return_val_if_fail (prefecture != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  situation = sitroom_view_get_situation (sitroom_forecast_get_view (forecast));
  self = g_object_new (SITROOM_TYPE_CAPACITY_ROW, NULL);
  self->region = prefecture->region;
  self->lang = lang;
  self->name = g_strdup (sitroom_format_region (situation, prefecture->region, lang));
  self->children = g_list_store_new (SITROOM_TYPE_CAPACITY_ROW);

  /* Home quarantine has no beds: the page lists it apart. */
  for (guint i = 0; i < sitroom_situation_get_n_sites (situation); i++)
    {
      const SitroomSite *site = sitroom_situation_get_site (situation, i);
      g_autoptr(SitroomCapacityRow) child = NULL;

      if (site->kind != SITROOM_SITE_CENTRALIZED ||
          sitroom_situation_get_region (situation, site->region)->prefecture != prefecture->region)
        continue;

      child = new_site (situation, prefecture->region, i, lang);
      free += child->free;
      self->overfull |= child->overfull;
      g_list_store_append (self->children, child);
    }

  set_beds (self, prefecture->capacity, prefecture->occupied, free);
  sitroom_capacity_row_set_forecast (self, forecast);

  return self;
}

int
sitroom_capacity_row_get_region (SitroomCapacityRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_ROW (self), -1);

  return self->region;
}

int
sitroom_capacity_row_get_site (SitroomCapacityRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_ROW (self), -1);

  return self->site;
}

gint64
sitroom_capacity_row_get_free (SitroomCapacityRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_ROW (self), 0);

  return self->free;
}

GListModel *
sitroom_capacity_row_get_children (SitroomCapacityRow *self)
{
  g_return_val_if_fail (SITROOM_IS_CAPACITY_ROW (self), NULL);

  return G_LIST_MODEL (self->children);
}

void
sitroom_capacity_row_set_forecast (SitroomCapacityRow *self,
                                   SitroomForecast    *forecast)
{
  const SitroomPrefectureForecast *prefecture;
  gint64 full_on = G_MAXINT64;

  g_return_if_fail (SITROOM_IS_CAPACITY_ROW (self));
  g_return_if_fail (SITROOM_IS_FORECAST (forecast));

  if (self->site >= 0)
    return;

  prefecture = sitroom_forecast_lookup (forecast, self->region);
  if (prefecture != NULL && prefecture->full_on >= 0)
    full_on = prefecture->days[prefecture->full_on].day;

  if (full_on == self->full_on)
    return;
  self->full_on = full_on;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_ON]);
}

char *
sitroom_capacity_row_format_day (gint64      day,
                                 const char *lang)
{
  /* The month's name in English whatever the locale: @lang is the data's
   * language, as in sitroom_format_time(). */
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  g_autoptr(GDateTime) at = NULL;

  g_return_val_if_fail (lang != NULL, NULL);

  if (day == SITROOM_TIME_NONE || day == G_MAXINT64 || (at = sitroom_format_cst (day)) == NULL)
    return g_strdup ("—");

  if (g_str_has_prefix (lang, "zh"))
    return g_strdup_printf ("%d月%d日", g_date_time_get_month (at), g_date_time_get_day_of_month (at));
  return g_strdup_printf ("%d %s", g_date_time_get_day_of_month (at), months[g_date_time_get_month (at) - 1]);
}

/* The cells. */

static SitroomCapacityRow *
item_row (GtkListItem *item)
{
  g_autoptr(GObject) row = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));

  /* The table's store keeps it. */
  return SITROOM_CAPACITY_ROW (row);
}

static void
set_overfull_style (GtkWidget *widget,
                    gboolean   overfull)
{
  if (overfull)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static char *
describe_overfull (SitroomCapacityRow *row)
{
  g_autofree char *occupied = sitroom_format_count (row->occupied);
  g_autofree char *capacity = sitroom_format_count (row->capacity);

  if (row->site < 0)
    /* Translators: people, then beds, of a prefecture with an over-full site */
    return g_strdup_printf (_("Over-full: a site holds more people than beds (%s people, %s beds in all)"),
                            occupied, capacity);
  /* Translators: people, then beds */
  return g_strdup_printf (_("Over-full: %s people in %s beds"), occupied, capacity);
}

static char *
format_occupancy (SitroomCapacityRow *row)
{
  if (row->occupancy < 0)
    return g_strdup (row->overfull ? _("over-full") : "—");
  if (row->overfull && row->site < 0 && row->occupancy <= 1)
    /* Translators: the occupancy in per cent of a prefecture with free beds
     * in all, one of whose sites holds more people than beds */
    return g_strdup_printf (_("%.0f %% · a site over-full"), row->occupancy * 100);
  if (row->overfull)
    /* Translators: the occupancy in per cent of a site with more people than beds */
    return g_strdup_printf (_("%.0f %% over-full"), row->occupancy * 100);
  /* Translators: the occupancy in per cent */
  return g_strdup_printf (_("%.0f %%"), row->occupancy * 100);
}

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  SitroomCapacityRow *row = user_data;
  SitroomStyle style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                       ? SITROOM_STYLE_DARK : SITROOM_STYLE_LIGHT;
  SitroomColor color;
  double bar_height = MIN (height, 10);
  double y = (height - bar_height) / 2;
  double fill;

  if (row->capacity <= 0)
    return;

  sitroom_capacity_render_bar_color (row->occupied, row->capacity, style, &color);
  fill = CLAMP (row->occupancy, 0, 1) * width;

  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.2);
  cairo_rectangle (cr, 0, y, width, bar_height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
  cairo_rectangle (cr, 0, y, fill, bar_height);
  cairo_fill (cr);
}

static void
full_on_changed_cb (SitroomCapacityRow *row,
                    GParamSpec         *pspec,
                    GtkLabel           *label)
{
  g_autofree char *text = row->site >= 0 ? g_strdup ("") : sitroom_capacity_row_format_day (row->full_on, row->lang);

  gtk_label_set_label (label, text);
  if (row->site < 0 && row->full_on != G_MAXINT64)
    gtk_widget_add_css_class (GTK_WIDGET (label), "capacity-running-out");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "capacity-running-out");
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  SitroomCapacityColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *child = label;

  gtk_label_set_xalign (GTK_LABEL (label), column == SITROOM_CAPACITY_COLUMN_NAME ? 0 : 1);
  if (column != SITROOM_CAPACITY_COLUMN_NAME)
    gtk_widget_add_css_class (label, "numeric");

  switch (column)
    {
    case SITROOM_CAPACITY_COLUMN_NAME:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
      child = gtk_tree_expander_new ();
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (child), label);
      break;
    case SITROOM_CAPACITY_COLUMN_OCCUPANCY:
      {
        GtkWidget *bar = gtk_drawing_area_new ();

        /* The percentage beside it says what the bar shows. */
        gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
        gtk_widget_set_size_request (bar, 96, 12);
        gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
        g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                                 G_CALLBACK (gtk_widget_queue_draw), bar, G_CONNECT_SWAPPED);
        gtk_label_set_width_chars (GTK_LABEL (label), 6);
        gtk_widget_set_hexpand (label, TRUE);
        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
        gtk_box_append (GTK_BOX (child), bar);
        gtk_box_append (GTK_BOX (child), label);
        break;
      }
    case SITROOM_CAPACITY_COLUMN_CAPACITY:
    case SITROOM_CAPACITY_COLUMN_OCCUPIED:
    case SITROOM_CAPACITY_COLUMN_FREE:
    case SITROOM_CAPACITY_COLUMN_FULL_ON:
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_list_item_set_child (item, child);
}

/* The label of a cell: its child, or what it holds. */
static GtkLabel *
cell_label (GtkListItem           *item,
            SitroomCapacityColumn  column)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (column == SITROOM_CAPACITY_COLUMN_NAME)
    return GTK_LABEL (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child)));
  if (column == SITROOM_CAPACITY_COLUMN_OCCUPANCY)
    return GTK_LABEL (gtk_widget_get_last_child (child));
  return GTK_LABEL (child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  SitroomCapacityColumn column = GPOINTER_TO_INT (user_data);
  SitroomCapacityRow *row = item_row (item);
  GtkLabel *label = cell_label (item, column);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  switch (column)
    {
    case SITROOM_CAPACITY_COLUMN_NAME:
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)),
                                      gtk_list_item_get_item (item));
      text = g_strdup (row->name);
      break;
    case SITROOM_CAPACITY_COLUMN_CAPACITY:
      text = sitroom_format_count (row->capacity);
      break;
    case SITROOM_CAPACITY_COLUMN_OCCUPIED:
      text = sitroom_format_count (row->occupied);
      break;
    case SITROOM_CAPACITY_COLUMN_FREE:
      text = sitroom_format_count (row->free);
      break;
    case SITROOM_CAPACITY_COLUMN_OCCUPANCY:
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (gtk_widget_get_first_child (gtk_list_item_get_child (item))),
                                      draw_bar, g_object_ref (row), g_object_unref);
      text = format_occupancy (row);
      break;
    case SITROOM_CAPACITY_COLUMN_FULL_ON:
      full_on_changed_cb (row, NULL, label);
      g_signal_connect_object (row, "notify::full-on", G_CALLBACK (full_on_changed_cb), label, 0);
      /* By unbind the tree row may have let go of it. */
      g_object_set_data_full (G_OBJECT (label), "sitroom-capacity-row", g_object_ref (row), g_object_unref);
      break;
    default:
      g_assert_not_reached ();
    }

  if (text != NULL)
    gtk_label_set_label (label, text);
  set_overfull_style (GTK_WIDGET (label), row->overfull);
  if (row->overfull)
    tooltip = describe_overfull (row);
  else if (column == SITROOM_CAPACITY_COLUMN_NAME)
    tooltip = g_strdup (row->name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);

  /* What a screen reader says of the row's first cell, where the warning
   * colour shows: the words, not the colour. */
  if (column == SITROOM_CAPACITY_COLUMN_NAME)
    {
      if (row->overfull)
        gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  SitroomCapacityColumn column = GPOINTER_TO_INT (user_data);

  if (column == SITROOM_CAPACITY_COLUMN_FULL_ON)
    {
      GObject *label = G_OBJECT (cell_label (item, column));

      g_signal_handlers_disconnect_by_func (g_object_get_data (label, "sitroom-capacity-row"), full_on_changed_cb, label);
      g_object_set_data (label, "sitroom-capacity-row", NULL);
    }
  else if (column == SITROOM_CAPACITY_COLUMN_OCCUPANCY)
    gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (gtk_widget_get_first_child (gtk_list_item_get_child (item))),
                                    NULL, NULL, NULL);
  else if (column == SITROOM_CAPACITY_COLUMN_NAME)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

GtkListItemFactory *
sitroom_capacity_row_create_factory (SitroomCapacityColumn column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (column <= SITROOM_CAPACITY_COLUMN_FULL_ON, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (column));
  return factory;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = sitroom_capacity_row_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

GtkSingleSelection *
sitroom_capacity_row_create_selection (GListStore *prefectures,
                                       GtkSorter  *sorter)
{
  GtkTreeListModel *tree;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  g_return_val_if_fail (G_IS_LIST_STORE (prefectures), NULL);
  g_return_val_if_fail (GTK_IS_SORTER (sorter), NULL);

  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (prefectures)), FALSE, FALSE,
                                  create_children, NULL, NULL);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (tree),
                                    GTK_SORTER (gtk_tree_list_row_sorter_new (g_object_ref (sorter))));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  return selection;
}

SitroomCapacityRow *
sitroom_capacity_row_at (GListModel *model,
                         guint       position)
{
  g_autoptr(GtkTreeListRow) list_row = NULL;
  g_autoptr(GObject) row = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  list_row = g_list_model_get_item (model, position);
  if (list_row == NULL)
    return NULL;
  row = gtk_tree_list_row_get_item (list_row);
  return SITROOM_CAPACITY_ROW (row);
}
