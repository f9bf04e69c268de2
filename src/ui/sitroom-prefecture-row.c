/* One row of the prefecture table: a prefecture's figures at a cutoff, as properties a column can sort by. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sitroom-prefecture-row.h"

struct _SitroomPrefectureRow
{
  GObject parent_instance;

  char *name;
  char *code;
  SitroomCounts counts;
  gint64 occupied;
  gint64 capacity;
  gboolean overfull;
};

G_DEFINE_FINAL_TYPE (SitroomPrefectureRow, sitroom_prefecture_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CODE,
  PROP_POSITIVES,
  PROP_CONFIRMED,
  PROP_ASYMPTOMATIC,
  PROP_NEW_24H,
  PROP_OCCUPIED,
  PROP_CAPACITY,
  PROP_OVERFULL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sitroom_prefecture_row_finalize (GObject *object)
{
  SitroomPrefectureRow *self = SITROOM_PREFECTURE_ROW (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (sitroom_prefecture_row_parent_class)->finalize (object);
}

static void
sitroom_prefecture_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SitroomPrefectureRow *self = SITROOM_PREFECTURE_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_POSITIVES:
      g_value_set_uint (value, self->counts.positives);
      break;
    case PROP_CONFIRMED:
      g_value_set_uint (value, self->counts.confirmed);
      break;
    case PROP_ASYMPTOMATIC:
      g_value_set_uint (value, self->counts.asymptomatic);
      break;
    case PROP_NEW_24H:
      g_value_set_uint (value, self->counts.new_24h);
      break;
    case PROP_OCCUPIED:
      g_value_set_int64 (value, self->occupied);
      break;
    case PROP_CAPACITY:
      g_value_set_int64 (value, self->capacity);
      break;
    case PROP_OVERFULL:
      g_value_set_boolean (value, self->overfull);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sitroom_prefecture_row_class_init (SitroomPrefectureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sitroom_prefecture_row_finalize;
  object_class->get_property = sitroom_prefecture_row_get_property;

  /* Read-only: a row never changes, so nothing notifies. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITIVES] =
    g_param_spec_uint ("positives", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIRMED] =
    g_param_spec_uint ("confirmed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASYMPTOMATIC] =
    g_param_spec_uint ("asymptomatic", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_24H] =
    g_param_spec_uint ("new-24h", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCUPIED] =
    g_param_spec_int64 ("occupied", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPACITY] =
    g_param_spec_int64 ("capacity", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERFULL] =
    g_param_spec_boolean ("overfull", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sitroom_prefecture_row_init (SitroomPrefectureRow *self)
{
  self->occupied = -1;
  self->capacity = -1;
}

SitroomPrefectureRow *
sitroom_prefecture_row_new (SitroomView                    *view,
                            const SitroomPrefectureFigures *figures,
                            const char                     *lang)
{
  SitroomSituation *situation;
  const SitroomRegion *region;
  SitroomPrefectureRow *self;

  g_return_val_if_fail (SITROOM_IS_VIEW (view), NULL);
  g_return_val_if_fail (figures != NULL, NULL);

  situation = sitroom_view_get_situation (view);
  region = sitroom_situation_get_region (situation, figures->region);

  self = g_object_new (SITROOM_TYPE_PREFECTURE_ROW, NULL);
  self->name = g_strdup (sitroom_text_get (&region->name, lang));
  self->code = g_strdup (region->code);
  self->counts = figures->counts;
  if (figures->n_sites > 0)
    {
      self->occupied = figures->occupied;
      self->capacity = figures->capacity;
    }
  self->overfull = figures->n_overfull > 0;

  return self;
}

const char *
sitroom_prefecture_row_get_name (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), NULL);

  return self->name;
}

const char *
sitroom_prefecture_row_get_code (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), NULL);

  return self->code;
}

guint
sitroom_prefecture_row_get_positives (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), 0);

  return self->counts.positives;
}

guint
sitroom_prefecture_row_get_confirmed (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), 0);

  return self->counts.confirmed;
}

guint
sitroom_prefecture_row_get_asymptomatic (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), 0);

  return self->counts.asymptomatic;
}

guint
sitroom_prefecture_row_get_new_24h (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), 0);

  return self->counts.new_24h;
}

gint64
sitroom_prefecture_row_get_occupied (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), -1);

  return self->occupied;
}

gint64
sitroom_prefecture_row_get_capacity (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), -1);

  return self->capacity;
}

gboolean
sitroom_prefecture_row_get_overfull (SitroomPrefectureRow *self)
{
  g_return_val_if_fail (SITROOM_IS_PREFECTURE_ROW (self), FALSE);

  return self->overfull;
}
