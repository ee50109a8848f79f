#!/usr/bin/env bash
# Installs the one-folder build (dist/perisai-outreach, from packaging/build.sh) on a Linux
# laptop: the app in PREFIX/lib/perisai-outreach, the two programs on the PATH, the menu entry,
# the icons and the AppStream metainfo. Run as root for /usr/local, or with PREFIX=~/.local.
#
#   sudo bash packaging/linux/install.sh            # PREFIX=/usr/local
#   PREFIX=~/.local bash packaging/linux/install.sh # for one user
#   DESTDIR=/tmp/root bash packaging/linux/install.sh   # staged (for a .deb or a tarball)
#
# Uninstall: the same with --uninstall.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=${PREFIX:-/usr/local}
root="${DESTDIR:-}$prefix"
id=id.perisai.Outreach
app="$root/lib/perisai-outreach"
icons=(16 24 32 48 64 128 256 512)

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$app"
  rm -f "$root/bin/perisai-outreach" "$root/bin/outreach" \
        "$root/share/applications/$id.desktop" "$root/share/metainfo/$id.metainfo.xml" \
        "$root/share/icons/hicolor/scalable/apps/$id.svg"
  for size in "${icons[@]}"; do
    rm -f "$root/share/icons/hicolor/${size}x${size}/apps/$id.png"
  done
  echo "Perisai Outreach removed from $root (the data in ~/.local/share/PerisaiOutreach stays)."
  exit 0
fi

build=${BUILD:-dist/perisai-outreach}
[ -x "$build/perisai-outreach" ] || { echo "build it first: bash packaging/build.sh" >&2; exit 2; }
mkdir -p "$root/bin" "$root/share/applications" "$root/share/metainfo" \
         "$root/share/icons/hicolor/scalable/apps"
rm -rf "$app"
mkdir -p "$(dirname "$app")"
cp -a "$build" "$app"
ln -sf "$prefix/lib/perisai-outreach/perisai-outreach" "$root/bin/perisai-outreach"
ln -sf "$prefix/lib/perisai-outreach/outreach" "$root/bin/outreach"
install -m 644 "packaging/linux/$id.desktop" "$root/share/applications/$id.desktop"
install -m 644 "packaging/linux/$id.metainfo.xml" "$root/share/metainfo/$id.metainfo.xml"
install -m 644 resources/icons/perisai-outreach.svg "$root/share/icons/hicolor/scalable/apps/$id.svg"
for size in "${icons[@]}"; do
  mkdir -p "$root/share/icons/hicolor/${size}x${size}/apps"
  install -m 644 "resources/icons/perisai-outreach-$size.png" \
    "$root/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
if [ -z "${DESTDIR:-}" ]; then
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$root/share/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$root/share/icons/hicolor" || true
fi
echo "Perisai Outreach installed in $app; menu entry $id.desktop."
