/* The one entry point the fuzzer and the corpus replay share. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads @data as a situation document and checks what came back: a situation
 * or an error, never both or neither, and a situation whose indexes all hold.
 * Aborts on any breach. Returns TRUE when the document was accepted. */
gboolean sitroom_fuzz_situation (const guint8 *data,
                                 gsize         size);

G_END_DECLS
