/* One row of the prefecture table: a prefecture's figures at a cutoff, as properties a column can sort by. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sitroom-view.h"

G_BEGIN_DECLS

#define SITROOM_TYPE_PREFECTURE_ROW (sitroom_prefecture_row_get_type ())

G_DECLARE_FINAL_TYPE (SitroomPrefectureRow, sitroom_prefecture_row, SITROOM, PREFECTURE_ROW, GObject)

/* An immutable snapshot: a new view makes new rows. */
SitroomPrefectureRow *sitroom_prefecture_row_new (SitroomView                    *view,
                                                  const SitroomPrefectureFigures *figures,
                                                  const char                     *lang);

const char *sitroom_prefecture_row_get_name         (SitroomPrefectureRow *self);
const char *sitroom_prefecture_row_get_code         (SitroomPrefectureRow *self);
guint       sitroom_prefecture_row_get_positives    (SitroomPrefectureRow *self);
guint       sitroom_prefecture_row_get_confirmed    (SitroomPrefectureRow *self);
guint       sitroom_prefecture_row_get_asymptomatic (SitroomPrefectureRow *self);
guint       sitroom_prefecture_row_get_new_24h      (SitroomPrefectureRow *self);
/* Centralized quarantine; both -1 when the prefecture has no site. */
gint64      sitroom_prefecture_row_get_occupied     (SitroomPrefectureRow *self);
gint64      sitroom_prefecture_row_get_capacity     (SitroomPrefectureRow *self);
/* Some site holds more people than it has places for. */
gboolean    sitroom_prefecture_row_get_overfull     (SitroomPrefectureRow *self);

G_END_DECLS
