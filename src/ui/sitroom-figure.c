/* A card with one headline figure: the number in large type, its caption, and a detail line. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-figure.h"

struct _SitroomFigure
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkLabel *value_label;
  GtkLabel *detail_label;
};

G_DEFINE_FINAL_TYPE (SitroomFigure, sitroom_figure, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sitroom_figure_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SITROOM_TYPE_FIGURE);

  G_OBJECT_CLASS (sitroom_figure_parent_class)->dispose (object);
}

static void
sitroom_figure_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SitroomFigure *self = SITROOM_FIGURE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, sitroom_figure_get_title (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, sitroom_figure_get_value (self));
      break;
    case PROP_DETAIL:
      g_value_set_string (value, sitroom_figure_get_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_figure_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SitroomFigure *self = SITROOM_FIGURE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      sitroom_figure_set_title (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      sitroom_figure_set_value (self, g_value_get_string (value));
      break;
    case PROP_DETAIL:
      sitroom_figure_set_detail (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_figure_class_init (SitroomFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_figure_dispose;
  object_class->get_property = sitroom_figure_get_property;
  object_class->set_property = sitroom_figure_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sitroom/Sitroom/ui/sitroom-figure.ui");
  gtk_widget_class_bind_template_child (widget_class, SitroomFigure, title_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomFigure, value_label);
  gtk_widget_class_bind_template_child (widget_class, SitroomFigure, detail_label);
  gtk_widget_class_set_css_name (widget_class, "figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sitroom_figure_init (SitroomFigure *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
sitroom_figure_get_title (SitroomFigure *self)
{
  g_return_val_if_fail (SITROOM_IS_FIGURE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
sitroom_figure_set_title (SitroomFigure *self,
                          const char    *title)
{
  g_return_if_fail (SITROOM_IS_FIGURE (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
sitroom_figure_get_value (SitroomFigure *self)
{
  g_return_val_if_fail (SITROOM_IS_FIGURE (self), NULL);

  return gtk_label_get_label (self->value_label);
}

void
sitroom_figure_set_value (SitroomFigure *self,
                          const char    *value)
{
  g_return_if_fail (SITROOM_IS_FIGURE (self));

  if (g_strcmp0 (value, gtk_label_get_label (self->value_label)) == 0)
    return;

  gtk_label_set_label (self->value_label, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
sitroom_figure_get_detail (SitroomFigure *self)
{
  g_return_val_if_fail (SITROOM_IS_FIGURE (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

void
sitroom_figure_set_detail (SitroomFigure *self,
                           const char    *detail)
{
  g_return_if_fail (SITROOM_IS_FIGURE (self));

  if (detail == NULL)
    detail = "";

  if (g_strcmp0 (detail, gtk_label_get_label (self->detail_label)) == 0)
    return;

  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}
