/* A chain's story on screen: its events and its days of new cases in time order, scrolled to an event on request. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sitroom-chain-story.h"
#include "sitroom-chains.h"
#include "sitroom-format.h"

/* Frames to wait for a line to be laid out before giving up scrolling to it. */
#define SCROLL_TRIES 10

struct _SitroomChainStory
{
  GtkWidget parent_instance;

  GArray *lines;                /* SitroomStoryLine, one per row */
  guint scroll_tick;
  guint scroll_tries;

  GtkScrolledWindow *scroller;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (SitroomChainStory, sitroom_chain_story, GTK_TYPE_WIDGET)

static char *
describe_cases (SitroomSituation       *situation,
                const SitroomStoryLine *line,
                const char             *lang)
{
  const char *where = sitroom_format_region (situation, line->region, lang);

  g_assert (line->kind == SITROOM_STORY_CASES);

  if (line->n_asymptomatic == 0)
    /* Translators: a line of a chain's story; %s is a prefecture. */
    return g_strdup_printf (ngettext ("%u new positive in %s", "%u new positives in %s", line->n_cases),
                            line->n_cases, where);

  /* Translators: a line of a chain's story; %s is a prefecture, the second %u counts among the first. */
  return g_strdup_printf (ngettext ("%u new positive in %s, %u of them asymptomatic",
                                    "%u new positives in %s, %u of them asymptomatic",
                                    line->n_cases),
                          line->n_cases, where, line->n_asymptomatic);
}

static GtkWidget *
make_row (SitroomSituation       *situation,
          const SitroomChain     *chain,
          const SitroomStoryLine *line,
          const char             *lang)
{
  g_autofree char *title = NULL;
  g_autofree char *time = sitroom_format_time (line->at, lang);
  g_autofree char *subtitle = NULL;
  const char *kind;
  GtkWidget *row;
  GtkWidget *badge;

  if (line->kind == SITROOM_STORY_EVENT)
    {
      const SitroomEvent *event = &chain->events[line->event];

      kind = sitroom_format_event_kind (event->kind);
      title = g_strdup (event->text.zh != NULL ? sitroom_text_get (&event->text, lang) : kind);
    }
  else
    {
      /* Translators: the mark of a story line that counts new cases. */
      kind = _("Cases");
      title = describe_cases (situation, line, lang);
    }

  /* Translators: a time, then a region, under a line of a chain's story. */
  subtitle = g_strdup_printf (_("%s · %s"), time, sitroom_format_region (situation, line->region, lang));

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", title,
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      NULL);

  badge = gtk_label_new (kind);
  gtk_widget_add_css_class (badge, "story-kind");
  if (line->kind == SITROOM_STORY_CASES)
    {
      gtk_widget_add_css_class (row, "story-cases");
      gtk_widget_add_css_class (badge, "story-kind-cases");
    }
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (badge), 9);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  return row;
}

static void
stop_scrolling (SitroomChainStory *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
}

/* A line just added has no place yet: this runs once per frame until it
 * has one, then centres it. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SitroomChainStory *self = SITROOM_CHAIN_STORY (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t top;
  double value;

  if (row == NULL || self->scroll_tries++ > SCROLL_TRIES)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (gtk_widget_get_height (GTK_WIDGET (row)) == 0 ||
      gtk_adjustment_get_page_size (adjustment) == 0 ||
      !gtk_widget_compute_point (GTK_WIDGET (row), gtk_scrolled_window_get_child (self->scroller),
                                 &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_CONTINUE;

  /* @top is where the line is seen now, in the scrolled window's viewport. */
  value = gtk_adjustment_get_value (adjustment) + top.y -
          (gtk_adjustment_get_page_size (adjustment) - gtk_widget_get_height (GTK_WIDGET (row))) / 2;
  gtk_adjustment_set_value (adjustment, value);
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

GtkWidget *
sitroom_chain_story_new (void)
{
  return g_object_new (SITROOM_TYPE_CHAIN_STORY, NULL);
}

void
sitroom_chain_story_set_chain (SitroomChainStory *self,
                               SitroomView       *view,
                               int                chain,
                               const char        *lang)
{
  SitroomSituation *situation;
  const SitroomChain *c;
  GtkWidget *child;

  g_return_if_fail (SITROOM_IS_CHAIN_STORY (self));
  g_return_if_fail (view == NULL || SITROOM_IS_VIEW (view));
  g_return_if_fail (lang != NULL);

  stop_scrolling (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->lines, g_array_unref);

  if (view == NULL || chain < 0)
    return;
  g_return_if_fail ((guint) chain < sitroom_view_get_n_chains (view));

  situation = sitroom_view_get_situation (view);
  c = sitroom_situation_get_chain (situation, chain);
  self->lines = sitroom_chain_get_story (view, chain);
  for (guint i = 0; i < self->lines->len; i++)
    gtk_list_box_append (self->list,
                         make_row (situation, c, &g_array_index (self->lines, SitroomStoryLine, i), lang));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

guint
sitroom_chain_story_get_n_lines (SitroomChainStory *self)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_STORY (self), 0);

  return self->lines != NULL ? self->lines->len : 0;
}

gboolean
sitroom_chain_story_show_event (SitroomChainStory *self,
                                int                event)
{
  g_return_val_if_fail (SITROOM_IS_CHAIN_STORY (self), FALSE);

  for (guint i = 0; self->lines != NULL && i < self->lines->len; i++)
    {
      const SitroomStoryLine *line = &g_array_index (self->lines, SitroomStoryLine, i);

      if (line->kind == SITROOM_STORY_EVENT && line->event == event)
        {
          gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, i));
          stop_scrolling (self);
          self->scroll_tries = 0;
          self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
          return TRUE;
        }
    }

  return FALSE;
}

int
sitroom_chain_story_get_selected_event (SitroomChainStory *self)
{
  GtkListBoxRow *row;
  const SitroomStoryLine *line;

  g_return_val_if_fail (SITROOM_IS_CHAIN_STORY (self), -1);

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL || self->lines == NULL)
    return -1;

  line = &g_array_index (self->lines, SitroomStoryLine, gtk_list_box_row_get_index (row));
  return line->kind == SITROOM_STORY_EVENT ? line->event : -1;
}

static void
sitroom_chain_story_dispose (GObject *object)
{
  SitroomChainStory *self = SITROOM_CHAIN_STORY (object);

  stop_scrolling (self);
  if (self->scroller != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->scroller));
  self->scroller = NULL;
  self->list = NULL;

  G_OBJECT_CLASS (sitroom_chain_story_parent_class)->dispose (object);
}

static void
sitroom_chain_story_finalize (GObject *object)
{
  SitroomChainStory *self = SITROOM_CHAIN_STORY (object);

  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (sitroom_chain_story_parent_class)->finalize (object);
}

static void
sitroom_chain_story_class_init (SitroomChainStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sitroom_chain_story_dispose;
  object_class->finalize = sitroom_chain_story_finalize;

  gtk_widget_class_set_css_name (widget_class, "chain-story");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sitroom_chain_story_init (SitroomChainStory *self)
{
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story of the chain"),
                                  -1);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->list));
}
