#!/usr/bin/env bash
# Refreshes the translation files after UI strings changed, then compiles them:
#   resources/translations/outreach_en.ts  English; new strings arrive unfinished: translate
#                                          them (pyside6-linguist, or any editor), run again
#   resources/translations/outreach_id.ts  Indonesian, the source language: translation = source
#   resources/translations/*.qm            what the app loads (ui/translations.py)
# qtbase_id.ts (Qt's own strings in Indonesian) is kept by hand and only compiled here.
#
# lupdate reads the code as written: it misses a tr() inside an f-string, tr/translate through
# an alias, and x.tr() on something other than self, and -no-obsolete would then drop the
# translation those strings already had. So the script first checks that lupdate sees every
# translation call (packaging/tr_calls.py) and changes nothing when it does not.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=.venv/bin
out=resources/translations
mapfile -t sources < <(find outreach_app/ui -name '*.py' | sort)
lupdate=("$bin/pyside6-lupdate" "${sources[@]}" -no-obsolete -locations none -silent
         -source-language id)

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
"${lupdate[@]}" -target-language en -ts "$probe/probe.ts"
if ! "$bin/python" packaging/tr_calls.py "$probe/probe.ts" "${sources[@]}"; then
  echo "lupdate cannot see the translation calls above; nothing was changed." >&2
  echo "Write them as self.tr(\"...\") or QCoreApplication.translate(\"Context\", \"...\")," >&2
  echo "outside f-strings, then run this script again." >&2
  exit 1
fi

mkdir -p "$out"
"${lupdate[@]}" -target-language en -ts "$out/outreach_en.ts"
"${lupdate[@]}" -target-language id -ts "$out/outreach_id.ts"

# Indonesian is the source language: each new message's translation is its own source text
# (already XML-escaped in the file, so it is copied as it stands).
"$bin/python" - "$out/outreach_id.ts" <<'PYTHON'
import re
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
unfinished = re.compile(
    r"(<source>([^<]*)</source>\n"
    r"(?:\s*<(?:oldsource|comment|oldcomment|extracomment|translatorcomment)>[^<]*</\w+>\n)*"
    r"\s*)<translation type=\"unfinished\">[^<]*</translation>"
)
path.write_text(unfinished.sub(r"\1<translation>\2</translation>", text), encoding="utf-8")
PYTHON

for name in outreach_en outreach_id qtbase_id; do
  "$bin/pyside6-lrelease" -silent "$out/$name.ts" -qm "$out/$name.qm"
done

todo=$(grep -c 'type="unfinished"' "$out/outreach_en.ts" || true)
if [ "$todo" -gt 0 ]; then
  echo "$todo English message(s) in $out/outreach_en.ts still need a translation." >&2
  echo "Translate them, run this script again; tests/gui/test_translations.py checks." >&2
  exit 1
fi
echo "Translations up to date; compiled to $out/*.qm."
