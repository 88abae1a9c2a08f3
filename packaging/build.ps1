# The one command that builds DB Medic's Windows installer (.msi) in BUILD_DIR\installer
# (BUILD_DIR defaults to target\): the twin of build.sh.
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [BUILD_DIR]
# Needs a JDK 17+ (with jlink and jpackage), Maven, and the WiX Toolset 3 on PATH.
param([string]$BuildDir)
$ErrorActionPreference = 'Stop'
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
if (-not $BuildDir) { $BuildDir = Join-Path $Root 'target' }

# the Maven profile `installer` builds the shaded jar, copies JavaFX's jars and makes the app
# image (assemble.ps1 image); tests are skipped here — `mvn -Pinstaller verify` runs them
& mvn -B -q -Pinstaller -DskipTests "-Ddbmedic.buildDir=$BuildDir" verify
if ($LASTEXITCODE -ne 0) { throw "mvn failed with exit code $LASTEXITCODE" }
& (Join-Path $PSScriptRoot 'assemble.ps1') installer $BuildDir
