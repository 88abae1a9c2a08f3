#!/usr/bin/env bash
# Renders every icon file from dbmedic.svg: the PNG sizes, dbmedic.ico (Windows installer and
# launcher) and dbmedic.icns (macOS app bundle), and refreshes the window icons in resources.
# Needs rsvg-convert (librsvg2-bin), icotool (icoutils) or ImageMagick's convert, and a JDK.
set -euo pipefail
cd "$(dirname "$0")"

for s in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" dbmedic.svg -o "dbmedic-$s.png"
done
for s in 16 32 64 128 256; do
  cp "dbmedic-$s.png" "../src/main/resources/dbmedic/icons/dbmedic-$s.png"
done

# Windows: small sizes as bitmaps, 256 as PNG (what Explorer expects for the large view)
if command -v icotool >/dev/null; then
  icotool -c -o dbmedic.ico dbmedic-16.png dbmedic-32.png dbmedic-48.png dbmedic-64.png --raw=dbmedic-256.png
else
  convert dbmedic-16.png dbmedic-32.png dbmedic-48.png dbmedic-64.png dbmedic-256.png dbmedic.ico
fi

# macOS: PNG elements, including the @2x (retina) sizes; 1024 is rendered only for ic10
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rsvg-convert -w 1024 -h 1024 dbmedic.svg -o "$tmp/dbmedic-1024.png"
java tools/IcnsWriter.java dbmedic.icns \
  icp4=dbmedic-16.png ic11=dbmedic-32.png \
  icp5=dbmedic-32.png ic12=dbmedic-64.png \
  ic07=dbmedic-128.png ic13=dbmedic-256.png \
  ic08=dbmedic-256.png ic14=dbmedic-512.png \
  ic09=dbmedic-512.png ic10="$tmp/dbmedic-1024.png"
echo "icons rendered: $(ls dbmedic-*.png | tr '\n' ' ')dbmedic.ico dbmedic.icns"
