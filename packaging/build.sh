#!/usr/bin/env bash
# Builds Perisai Outreach as a one-folder app with PyInstaller (packaging/perisai_outreach.spec)
# and smoke-tests the result; a bundle that is missing anything it needs fails this script.
#
#   .venv/bin/pip install -e '.[packaging]'   # PyInstaller, once
#   bash packaging/build.sh                   # -> dist/perisai-outreach/ (+ dist/smoke/*.png)
#
# The smoke test runs the bundled programs alone (no virtualenv on the path), offscreen, with a
# throwaway home folder: --version; the desktop app on the demo data with --screenshot of three
# pages, each checked for text pixels; and the commands that use the bundled data (rates,
# regions, Babel's dates, reportlab and the fonts, num2words, the signing key). On Windows run it
# from Git Bash: the same steps, the programs ending in .exe.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-.venv/bin/python}
[ -x "$python" ] || python=.venv/Scripts/python.exe
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "PyInstaller is missing: $python -m pip install -e '.[packaging]'" >&2
  exit 2
fi
version=$("$python" -c "import outreach_app; print(outreach_app.__version__)")
dist=${DIST:-dist}
work=${WORK:-build/pyinstaller}
spec=${SPEC:-packaging/perisai_outreach.spec}

echo "== building Perisai Outreach $version"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" "$spec"
app="$dist/perisai-outreach"
exe=""
[ -f "$app/outreach.exe" ] && exe=".exe"
outreach="$app/outreach$exe"
desktop="$app/perisai-outreach$exe"

echo "== smoke test"
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
export HOME="$smoke/home" XDG_DATA_HOME="$smoke/home/data" XDG_CONFIG_HOME="$smoke/home/config"
export APPDATA="$smoke/home/appdata" LOCALAPPDATA="$smoke/home/localappdata"
export QT_QPA_PLATFORM=offscreen
unset OUTREACH_DB PYTHONPATH PYTHONHOME
mkdir -p "$HOME"
db="$smoke/demo.db"

fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
expect() {  # expect TEXT COMMAND...: the command succeeds and prints TEXT
  local text=$1; shift
  local out
  out=$("$@" 2>&1) || fail "$* exited $?: $out"
  grep -qF -- "$text" <<<"$out" || fail "$* did not print '$text': $out"
}

expect "outreach $version" "$outreach" --version
mkdir -p "$dist/smoke"
for page in today settings dashboard; do
  flags=(--db "$db" --page "$page" --screenshot "$dist/smoke/$page.png")
  [ "$page" = today ] && flags+=(--demo)  # the first start fills the demo data
  rm -f "$dist/smoke/$page.png"
  "$desktop" "${flags[@]}" >"$smoke/$page.log" 2>&1 || fail "screenshot of $page: $(cat "$smoke/$page.log")"
  "$python" packaging/check_screenshot.py "$dist/smoke/$page.png" || fail "screenshot of $page"
done
expect "Total: Rp42.000 (empat puluh dua ribu rupiah)" \
  "$outreach" premium --income 1000000 --months 3 --date 2026-12-01 --db "$db"
expect "Kabupaten Kepulauan Tanimbar" "$outreach" nik 8103014101900001 --db "$db"
expect "bawaan aplikasi" "$outreach" reference show --db "$db"
"$outreach" print receipt DEMO-000001 -o "$smoke/receipt.pdf" --db "$db" >/dev/null 2>&1 \
  || fail "print receipt"
[ "$(head -c 4 "$smoke/receipt.pdf")" = "%PDF" ] || fail "the receipt is not a PDF"
expect "ASLI: kuitansi DEMO-000001" "$outreach" verify-receipt "$smoke/receipt.pdf" --db "$db"
# The server is not in the bundle: it says what to install instead of a traceback.
out=$("$outreach" serve --db "$smoke/server.db" 2>&1) && fail "serve ran without the server extra"
grep -qF "perisai-outreach[server]" <<<"$out" || fail "serve: $out"

size=$(du -sh "$app" | cut -f1)
echo "== OK: $app ($size), version $version; screenshots in $dist/smoke/"
