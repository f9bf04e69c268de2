#!/bin/sh
# Fails when a user-visible string of the sources has no translation in a catalogue.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-complete.sh SOURCE_ROOT PO_FILE...
#
# The template is made afresh from po/POTFILES.in with the keywords and flags
# of meson's 'glib' gettext preset, so a string added to the sources is caught
# before anyone runs the sitroom-pot target.

set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 SOURCE_ROOT PO_FILE..." >&2
  exit 2
fi

srcroot=$1
shift

for tool in xgettext msgcmp msgfmt msgmerge msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is not installed (it comes with gettext)" >&2
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/po-complete.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

pot=$tmp/sitroom.pot

# Keep in step with PRESET_ARGS['glib'] in meson's i18n module.
if ! xgettext --package-name=sitroom \
       --directory="$srcroot" \
       --files-from="$srcroot/po/POTFILES.in" \
       --output="$pot" \
       --no-wrap \
       --from-code=UTF-8 \
       --add-comments \
       --keyword=_ \
       --keyword=N_ \
       --keyword=C_:1c,2 \
       --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 \
       --keyword=g_dngettext:2,3 \
       --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format \
       --flag=C_:2:pass-c-format \
       --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format \
       --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format \
       --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format \
       --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format \
       --flag=g_log:3:c-format \
       --flag=g_print:1:c-format \
       --flag=g_printerr:1:c-format \
       --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format \
       --flag=g_sprintf:2:c-format \
       --flag=g_snprintf:3:c-format \
       2>"$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log" >&2
  echo "FAIL: xgettext could not extract the strings listed in po/POTFILES.in" >&2
  exit 1
fi

status=0

# A file that marks strings but is missing from POTFILES.in adds nothing to
# the template, and its strings would pass unnoticed.
listed=$tmp/listed
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$srcroot/po/POTFILES.in" | sort -u >"$listed"
unlisted=$(
  cd "$srcroot" || exit 2
  {
    find src -name '*.[ch]' -type f -exec grep -lE \
      '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dcgettext|g_dngettext|g_dpgettext2|ngettext)[[:space:]]*\(' {} +
    find data -name '*.ui' -type f -exec grep -l 'translatable="yes"' {} +
  } | sort -u | comm -23 - "$listed"
)
if [ -n "$unlisted" ]; then
  echo "FAIL: these files mark strings for translation but are not in po/POTFILES.in:" >&2
  echo "$unlisted" | sed 's/^/  /' >&2
  status=1
fi

# A macro inside a literal, such as "%" G_GINT64_FORMAT, cuts the msgid at
# the macro: the catalogue then holds a string the program never asks for,
# and the message shows untranslated however complete the catalogue is.
# Such a msgid ends in a directive without its conversion.
cut=$(awk '
  /^#: / { refs = refs " " substr($0, 4); next }
  /^msgid(_plural)? "/ {
    text = $0
    sub(/^msgid(_plural)? "/, "", text)
    sub(/"$/, "", text)
    gsub(/%%/, "", text)
    if (text ~ /%[-+ #0-9.\047hlLqjzt]*$/)
      print " " refs ": " $0
    next
  }
  /^$/ { refs = "" }
' "$pot")
if [ -n "$cut" ]; then
  echo "FAIL: these strings are cut short at a macro and can never be translated" >&2
  echo "(format the number into a string first, or cast it and use %lld or %llu):" >&2
  echo "$cut" >&2
  status=1
fi

for po in "$@"; do
  name=$(basename "$po")

  # Merged without guessing, the catalogue shows what the sources need and
  # it lacks (untranslated) and what it holds that nothing asks for (obsolete).
  if ! msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "$po" "$pot"; then
    echo "FAIL: $name cannot be merged with the template" >&2
    status=1
    continue
  fi

  if ! msgcmp "$po" "$pot" >"$tmp/msgcmp.log" 2>&1; then
    echo "FAIL: $name lacks a translation for these strings of the sources:" >&2
    msgattrib --no-obsolete --untranslated --no-wrap "$tmp/merged.po" \
      | sed -n -e '/^#: /p' -e '/^msgctxt /p' -e '/^msgid /p' \
      | grep -v '^msgid ""$' | sed 's/^/  /' >&2
    msgattrib --no-obsolete --only-fuzzy --no-wrap "$tmp/merged.po" \
      | sed -n -e '/^#: /p' -e '/^msgid /p' | grep -v '^msgid ""$' \
      | sed 's/^\(msgid .*\)$/\1 (fuzzy)/; s/^/  /' >&2
    status=1
  fi

  stale=$(msgattrib --only-obsolete --no-wrap "$tmp/merged.po" | sed -n 's/^#~ msgid /  msgid /p')
  if [ -n "$stale" ]; then
    echo "FAIL: $name holds strings the sources no longer use; remove them:" >&2
    echo "$stale" >&2
    status=1
  fi

  if ! msgfmt --check --statistics --output-file=/dev/null "$po" 2>"$tmp/msgfmt.log"; then
    cat "$tmp/msgfmt.log" >&2
    echo "FAIL: msgfmt --check refuses $name" >&2
    status=1
    continue
  fi
  stats=$(cat "$tmp/msgfmt.log")
  case $stats in
    *fuzzy*|*untranslated*)
      echo "FAIL: $name: $stats (every message must be translated, none fuzzy)" >&2
      status=1
      ;;
    *)
      echo "$name: $stats"
      ;;
  esac
done

exit $status
