#!/usr/bin/env bash
# The one command that builds DB Medic's installer for this OS (Linux: .deb, plus .rpm where
# rpmbuild exists; macOS: .dmg). Output in BUILD_DIR/installer (BUILD_DIR defaults to target/).
#   packaging/build.sh [BUILD_DIR]
# Needs a JDK 17+ (with jlink and jpackage) and Maven; on Linux fakeroot and dpkg-deb.
# Windows: packaging/build.ps1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${1:-$ROOT/target}

# the Maven profile `installer` builds the shaded jar, copies JavaFX's jars and makes the app
# image (assemble.sh image); tests are skipped here — `mvn -Pinstaller verify` runs them
mvn -B -q -Pinstaller -DskipTests "-Ddbmedic.buildDir=$BUILD_DIR" verify
"$ROOT/packaging/assemble.sh" installer "$BUILD_DIR"
