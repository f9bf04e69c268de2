/* The epidemic curve on screen: the grouping switch, what the curve is narrowed to, and the drawing with hover values. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include "sitroom-curve-plot.h"
#include "sitroom-curve-view.h"
#include "sitroom-format.h"

struct _SitroomCurveView
{
  GtkWidget parent_instance;

  SitroomContext *context;
  SitroomCurveGrouping grouping;

  gboolean controls_visible;

  GtkWidget *header;
  GtkWidget *switcher;
  GtkToggleButton *prefecture_button;
  GtkToggleButton *chain_button;
  GtkWidget *narrowed_box;
  GtkLabel *narrowed_label;
  GtkWidget *clear_button;
  SitroomCurvePlot *plot;
};

G_DEFINE_FINAL_TYPE (SitroomCurveView, sitroom_curve_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_GROUPING,
  PROP_CONTROLS_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The property's spellings, which the "curve-grouping" setting shares. */
static const char *const grouping_names[] = {
  [SITROOM_CURVE_BY_PREFECTURE] = "by-prefecture",
  [SITROOM_CURVE_BY_CHAIN] = "by-chain",
};

static gboolean
parse_grouping (const char           *name,
                SitroomCurveGrouping *grouping)
{
  for (guint i = 0; i < G_N_ELEMENTS (grouping_names); i++)
    if (g_strcmp0 (name, grouping_names[i]) == 0)
      {
        *grouping = (SitroomCurveGrouping) i;
        return TRUE;
      }
  return FALSE;
}

/* The header holds what there is to show: without the controls, only
 * what the curve is narrowed to, and nothing at all when it is not. */
static void
update_header (SitroomCurveView *self)
{
  g_assert (SITROOM_IS_CURVE_VIEW (self));

  gtk_widget_set_visible (self->switcher, self->controls_visible);
  gtk_widget_set_visible (self->clear_button, self->controls_visible);
  gtk_widget_set_visible (self->header, self->controls_visible || gtk_widget_get_visible (self->narrowed_box));
}

/* Says what the drawn view is narrowed to, from its own filters, so that
 * the words and the bars always agree. */
static void
update_narrowed (SitroomCurveView *self)
{
  SitroomView *view = sitroom_curve_plot_get_view (self->plot);
  SitroomSituation *situation;
  const char *lang;
  g_autofree char *chain = NULL;
  g_autofree char *text = NULL;
  int prefecture_filter, chain_filter;

  g_assert (SITROOM_IS_CURVE_VIEW (self));

  prefecture_filter = view != NULL ? sitroom_view_get_prefecture_filter (view) : -1;
  chain_filter = view != NULL ? sitroom_view_get_chain_filter (view) : -1;
  gtk_widget_set_visible (self->narrowed_box, prefecture_filter >= 0 || chain_filter >= 0);
  update_header (self);
  if (prefecture_filter < 0 && chain_filter < 0)
    return;

  situation = sitroom_view_get_situation (view);
  lang = self->context != NULL ? sitroom_context_get_lang (self->context) : "en";
  if (chain_filter >= 0)
    chain = sitroom_format_chain (situation, chain_filter, lang);

  if (chain != NULL && prefecture_filter >= 0)
    /* Translators: a chain's name, then a prefecture's */
    text = g_strdup_printf (_("Narrowed to %s in %s"), chain,
                            sitroom_format_region (situation, prefecture_filter, lang));
  else
    /* Translators: a chain's or a prefecture's name */
    text = g_strdup_printf (_("Narrowed to %s"),
                            chain != NULL ? chain : sitroom_format_region (situation, prefecture_filter, lang));

  gtk_label_set_label (self->narrowed_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->narrowed_label), text);
}

/* Counts the curve again when the context's view is another one, or
 * always when @force (a new grouping). */
static void
refresh (SitroomCurveView *self,
         gboolean          force)
{
  SitroomView *view = self->context != NULL ? sitroom_context_get_view (self->context) : NULL;

  g_assert (SITROOM_IS_CURVE_VIEW (self));

  if (force || view != sitroom_curve_plot_get_view (self->plot))
    sitroom_curve_plot_set_data (self->plot, view, view != NULL ? sitroom_curve_new (view, self->grouping) : NULL);
  update_narrowed (self);
}

static void
context_view_cb (SitroomCurveView *self)
{
  refresh (self, FALSE);
}

static void
context_lang_cb (SitroomCurveView *self)
{
  sitroom_curve_plot_set_lang (self->plot, sitroom_context_get_lang (self->context));
  update_narrowed (self);
}

static void
grouping_toggled_cb (SitroomCurveView *self,
                     GtkToggleButton  *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  sitroom_curve_view_set_grouping (self, button == self->chain_button ? "by-chain" : "by-prefecture");
}

static void
clear_clicked_cb (SitroomCurveView *self)
{
  if (self->context == NULL)
    return;

  /* One new view for both, not two. */
  g_object_freeze_notify (G_OBJECT (self->context));
  sitroom_context_set_selected_chain (self->context, -1);
  sitroom_context_set_selected_prefecture (self->context, -1);
  g_object_thaw_notify (G_OBJECT (self->context));
}

static GtkWidget *
build_header (SitroomCurveView *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *switcher;

  g_assert (SITROOM_IS_CURVE_VIEW (self));

  /* A group, so that the label below names the pair to a screen reader. */
  switcher = g_object_new (GTK_TYPE_BOX,
                           "orientation", GTK_ORIENTATION_HORIZONTAL,
                           "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                           NULL);
  self->switcher = switcher;
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_valign (switcher, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stack the daily bars"),
                                  -1);
  self->prefecture_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("By prefecture")));
  self->chain_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("By chain")));
  gtk_toggle_button_set_group (self->chain_button, self->prefecture_button);
  gtk_toggle_button_set_active (self->prefecture_button, TRUE);
  gtk_box_append (GTK_BOX (switcher), GTK_WIDGET (self->prefecture_button));
  gtk_box_append (GTK_BOX (switcher), GTK_WIDGET (self->chain_button));
  g_signal_connect_swapped (self->prefecture_button, "toggled", G_CALLBACK (grouping_toggled_cb), self);
  g_signal_connect_swapped (self->chain_button, "toggled", G_CALLBACK (grouping_toggled_cb), self);
  gtk_box_append (GTK_BOX (header), switcher);

  self->narrowed_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (self->narrowed_box, TRUE);
  gtk_widget_set_halign (self->narrowed_box, GTK_ALIGN_END);
  self->narrowed_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->narrowed_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->narrowed_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->narrowed_label), "dim-label");
  gtk_box_append (GTK_BOX (self->narrowed_box), GTK_WIDGET (self->narrowed_label));
  self->clear_button = gtk_button_new_with_label (_("Show Whole Province"));
  gtk_widget_set_tooltip_text (self->clear_button, _("Clear the selected prefecture and chain"));
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->narrowed_box), self->clear_button);
  gtk_widget_set_visible (self->narrowed_box, FALSE);
  gtk_box_append (GTK_BOX (header), self->narrowed_box);

  return header;
}

static void
sitroom_curve_view_dispose (GObject *object)
{
  SitroomCurveView *self = SITROOM_CURVE_VIEW (object);
  GtkWidget *child;

  sitroom_curve_view_set_context (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->header = NULL;
  self->plot = NULL;

  G_OBJECT_CLASS (sitroom_curve_view_parent_class)->dispose (object);
}

static void
sitroom_curve_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SitroomCurveView *self = SITROOM_CURVE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_GROUPING:
      g_value_set_string (value, sitroom_curve_view_get_grouping (self));
      break;
    case PROP_CONTROLS_VISIBLE:
      g_value_set_boolean (value, self->controls_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_curve_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SitroomCurveView *self = SITROOM_CURVE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sitroom_curve_view_set_context (self, g_value_get_object (value));
      break;
    case PROP_GROUPING:
      sitroom_curve_view_set_grouping (self, g_value_get_string (value));
      break;
    case PROP_CONTROLS_VISIBLE:
      sitroom_curve_view_set_controls_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_curve_view_class_init (SitroomCurveViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_curve_view_dispose;
  object_class->get_property = sitroom_curve_view_get_property;
  object_class->set_property = sitroom_curve_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SITROOM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUPING] =
    g_param_spec_string ("grouping", NULL, NULL,
                         "by-prefecture",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTROLS_VISIBLE] =
    g_param_spec_boolean ("controls-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitroom-curve-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sitroom_curve_view_init (SitroomCurveView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->grouping = SITROOM_CURVE_BY_PREFECTURE;
  self->controls_visible = TRUE;
  self->header = build_header (self);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  self->plot = SITROOM_CURVE_PLOT (sitroom_curve_plot_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->plot), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Epidemic curve"),
                                  -1);
}

GtkWidget *
sitroom_curve_view_new (SitroomContext *context)
{
  g_return_val_if_fail (context == NULL || SITROOM_IS_CONTEXT (context), NULL);

  return g_object_new (SITROOM_TYPE_CURVE_VIEW,
                       "context", context,
                       NULL);
}

SitroomContext *
sitroom_curve_view_get_context (SitroomCurveView *self)
{
  g_return_val_if_fail (SITROOM_IS_CURVE_VIEW (self), NULL);

  return self->context;
}

void
sitroom_curve_view_set_context (SitroomCurveView *self,
                                SitroomContext   *context)
{
  g_return_if_fail (SITROOM_IS_CURVE_VIEW (self));
  g_return_if_fail (context == NULL || SITROOM_IS_CONTEXT (context));

  /* The context's view carries the cutoff and the selection as filters:
   * it changes whenever the curve must. */
  if (!sitroom_context_follow (&self->context, context, self,
                               "view", G_CALLBACK (context_view_cb),
                               "lang", G_CALLBACK (context_lang_cb),
                               NULL))
    return;

  if (context != NULL)
    sitroom_curve_plot_set_lang (self->plot, sitroom_context_get_lang (context));

  /* During dispose the plot may be gone already. */
  if (self->plot != NULL)
    refresh (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

const char *
sitroom_curve_view_get_grouping (SitroomCurveView *self)
{
  g_return_val_if_fail (SITROOM_IS_CURVE_VIEW (self), NULL);

  return grouping_names[self->grouping];
}

void
sitroom_curve_view_set_grouping (SitroomCurveView *self,
                                 const char       *grouping)
{
  SitroomCurveGrouping value;

  g_return_if_fail (SITROOM_IS_CURVE_VIEW (self));
  g_return_if_fail (parse_grouping (grouping, &value));

  if (value == self->grouping)
    return;

  self->grouping = value;
  /* The other button of the group lets go by itself; its "toggled"
   * comes back here and finds nothing to do. */
  gtk_toggle_button_set_active (value == SITROOM_CURVE_BY_CHAIN ? self->chain_button : self->prefecture_button,
                                TRUE);
  refresh (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPING]);
}

guint
sitroom_curve_view_get_n_draws (SitroomCurveView *self)
{
  g_return_val_if_fail (SITROOM_IS_CURVE_VIEW (self), 0);

  return sitroom_curve_plot_get_n_draws (self->plot);
}

gboolean
sitroom_curve_view_get_controls_visible (SitroomCurveView *self)
{
  g_return_val_if_fail (SITROOM_IS_CURVE_VIEW (self), TRUE);

  return self->controls_visible;
}

void
sitroom_curve_view_set_controls_visible (SitroomCurveView *self,
                                         gboolean          visible)
{
  g_return_if_fail (SITROOM_IS_CURVE_VIEW (self));

  visible = !!visible;
  if (self->controls_visible == visible)
    return;

  self->controls_visible = visible;
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLS_VISIBLE]);
}

SitroomCurvePlot *
sitroom_curve_view_get_plot (SitroomCurveView *self)
{
  g_return_val_if_fail (SITROOM_IS_CURVE_VIEW (self), NULL);

  return self->plot;
}
