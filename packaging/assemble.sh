#!/usr/bin/env bash
# Turns the shaded jar into DB Medic's app image or installer for this OS (Linux or macOS;
# Windows: assemble.ps1). Expects `mvn package` to have run (build.sh and the Maven profile
# `installer` call this). Usage: packaging/assemble.sh image|installer [BUILD_DIR]
#   image      slim jar + jlinked runtime + jpackage app image in BUILD_DIR/installer/image
#   installer  .deb (and .rpm where rpmbuild exists) on Linux, .dmg on macOS, from that image
set -euo pipefail

WHAT=${1:?usage: assemble.sh image|installer [BUILD_DIR]}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=$(cd "${2:-$ROOT/target}" && pwd)
OUT=$BUILD_DIR/installer
case "$(uname -s)" in
  Linux) OS=linux; NATIVE_GLOB='*.so' ;;
  Darwin) OS=mac; NATIVE_GLOB='*.dylib' ;;
  *) echo "assemble.sh builds on Linux and macOS; on Windows run packaging/build.ps1" >&2; exit 2 ;;
esac
# What the app needs (jdeps, checked below), plus jdk.crypto.ec: TLS to PostgreSQL needs EC ciphers.
MODULES=java.base,java.desktop,java.management,java.naming,java.security.jgss,java.sql,javafx.controls,jdk.crypto.ec
DESCRIPTION="Diagnoses and safely repairs the databases of self-hosted apps after an upgrade broke them."
VERSION=$(sed -n 's/^version=//p' "$BUILD_DIR/classes/dbmedic/version.properties")
APP_VERSION=${VERSION%%-*}   # installers take numbers only (no -SNAPSHOT)
if [ "$OS" = linux ]; then NAME=dbmedic; else NAME="DB Medic"; fi
if [ "$OS" = mac ] && [[ "$APP_VERSION" == 0.* ]]; then
  # jpackage refuses a bundle version starting with 0 on macOS ("The first number in an
  # app-version cannot be zero"); Finder shows 1.0.0 until 1.0, --version and About the real one
  APP_VERSION=1.0.0
fi

step() { echo "== $*"; }

# JavaFX's platform jars (javafx-graphics-21.0.9-linux.jar); the empty no-classifier jars
# are automatic modules that jlink rejects, so they stay off the module path.
fx_module_path() {
  local jar mp=""
  for jar in "$OUT"/javafx/javafx-*.jar; do
    [[ "$(basename "$jar" .jar)" =~ -[0-9.]+$ ]] && continue
    mp="$mp${mp:+:}$jar"
  done
  [ -n "$mp" ] || { echo "no JavaFX platform jars in $OUT/javafx (run mvn -Pinstaller package)" >&2; exit 1; }
  echo "$mp"
}

build_image() {
  local fx_mp; fx_mp=$(fx_module_path)
  rm -rf "$OUT/input" "$OUT/runtime" "$OUT/image"

  step "Slim jar (JavaFX goes into the runtime; sqlite-jdbc's native for this platform only)"
  local without=()
  IFS=: read -r -a fx_jars <<< "$fx_mp"
  for jar in "${fx_jars[@]}"; do without+=(--without "$jar"); done
  java -cp "$BUILD_DIR/dbmedic.jar" "$ROOT/packaging/tools/SlimJar.java" \
    "$BUILD_DIR/dbmedic.jar" "$OUT/input/dbmedic.jar" "$OUT/input/native" "${without[@]}"
  local sqlite_lib; sqlite_lib=$(basename "$(ls "$OUT"/input/native/*)")

  step "jlink runtime: $MODULES"
  # JavaFX's natives go next to the JDK's (lib/), where JavaFX looks first, instead of being
  # unpacked into ~/.openjfx/cache at the first start.
  jlink --module-path "$fx_mp" --add-modules "$MODULES" \
    --exclude-resources '/javafx.graphics/*.so,/javafx.graphics/*.dylib' \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$OUT/runtime"
  local graphics; graphics=$(tr : '\n' <<< "$fx_mp" | grep '/javafx-graphics-')
  unzip -q -o -d "$OUT/runtime/lib" "$graphics" "$NATIVE_GLOB"
  if [ "$OS" = linux ] && command -v strip >/dev/null; then
    # symbol tables only (4 MB of libjvm.so); Temurin ships them stripped too
    strip --strip-unneeded "$OUT"/runtime/lib/*.so "$OUT"/runtime/lib/server/*.so
  fi

  step "jdeps: every module the jar uses is in the runtime"
  local deps have m
  deps=$(jdeps --multi-release 17 --print-module-deps --ignore-missing-deps --module-path "$fx_mp" \
    --add-modules javafx.controls "$OUT/input/dbmedic.jar")
  have=$("$OUT/runtime/bin/java" --list-modules | sed 's/@.*//' | tr '\n' ,)
  for m in ${deps//,/ }; do
    [[ ",$have" == *",$m,"* ]] || { echo "the jar needs module $m: add it to MODULES in $0" >&2; exit 1; }
  done

  step "jpackage app image"
  local os_args=()
  if [ "$OS" = linux ]; then
    os_args=(--icon "$ROOT/icons/dbmedic-256.png")
  else
    os_args=(--icon "$ROOT/icons/dbmedic.icns" --mac-package-identifier dev.dbmedic --mac-package-name "DB Medic")
  fi
  jpackage --type app-image --dest "$OUT/image" --name "$NAME" --app-version "$APP_VERSION" \
    --vendor "DB Medic" --description "$DESCRIPTION" \
    --input "$OUT/input" --main-jar dbmedic.jar --main-class dbmedic.Launcher \
    --runtime-image "$OUT/runtime" \
    --java-options '-Dorg.sqlite.lib.path=$APPDIR/native' --java-options "-Dorg.sqlite.lib.name=$sqlite_lib" \
    --java-options '-XX:+UseSerialGC' \
    "${os_args[@]}"
  echo "app image: $OUT/image/$( [ "$OS" = linux ] && echo "$NAME" || echo "$NAME.app")"
}

build_installer() {
  if [ "$OS" = linux ]; then
    local types=(deb)
    if command -v rpmbuild >/dev/null; then types+=(rpm); else echo "(no rpmbuild here: no .rpm)"; fi
    for t in "${types[@]}"; do
      step "jpackage .$t"
      jpackage --type "$t" --app-image "$OUT/image/$NAME" --dest "$OUT" --name "$NAME" \
        --app-version "$APP_VERSION" --vendor "DB Medic" --description "$DESCRIPTION" \
        --icon "$ROOT/icons/dbmedic-256.png" --resource-dir "$ROOT/packaging/linux" \
        --linux-package-name dbmedic --linux-shortcut --linux-menu-group Utility --linux-app-category utils
    done
  else
    step "jpackage .dmg"
    jpackage --type dmg --app-image "$OUT/image/$NAME.app" --dest "$OUT" --name "$NAME" \
      --app-version "$APP_VERSION" --vendor "DB Medic" --description "$DESCRIPTION" \
      --icon "$ROOT/icons/dbmedic.icns" --mac-package-identifier dev.dbmedic --mac-package-name "DB Medic"
    # the file a user downloads carries the real version (see APP_VERSION above)
    [ "$APP_VERSION" = "$VERSION" ] || mv "$OUT/$NAME-$APP_VERSION.dmg" "$OUT/$NAME-$VERSION.dmg"
  fi
  ls -l "$OUT"/*.deb "$OUT"/*.rpm "$OUT"/*.dmg 2>/dev/null || true
}

case "$WHAT" in
  image) build_image ;;
  installer) [ -d "$OUT/image" ] || build_image; build_installer ;;
  *) echo "usage: assemble.sh image|installer [BUILD_DIR]" >&2; exit 2 ;;
esac
