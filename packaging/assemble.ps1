# Turns the shaded jar into DB Medic's Windows app image or .msi; the Windows twin of
# assemble.sh (keep the two in step). Expects `mvn package` to have run (build.ps1 and the
# Maven profile `installer` call this).
#   powershell -File packaging\assemble.ps1 image|installer [BUILD_DIR]
# The .msi needs the WiX Toolset 3 (candle.exe, light.exe) on PATH; JDK 17's jpackage does not use WiX 4+.
param(
    [Parameter(Mandatory = $true)][ValidateSet('image', 'installer')][string]$What,
    [string]$BuildDir
)
$ErrorActionPreference = 'Stop'
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
if (-not $BuildDir) { $BuildDir = Join-Path $Root 'target' }
$BuildDir = (Resolve-Path $BuildDir).Path
$Out = Join-Path $BuildDir 'installer'
$Name = 'DB Medic'
# What the app needs (jdeps, checked below), plus jdk.crypto.ec (TLS to PostgreSQL) and
# jdk.charsets (the console's OEM code pages, e.g. cp850, for the CLI's output)
$Modules = 'java.base,java.desktop,java.management,java.naming,java.security.jgss,java.sql,javafx.controls,jdk.crypto.ec,jdk.charsets'
$Description = 'Diagnoses and safely repairs the databases of self-hosted apps after an upgrade broke them.'
# Fixed forever: lets a newer .msi replace an installed older one.
$UpgradeUuid = '8c98902f-70af-4a7e-9524-4f93d147ad1f'

$Version = ((Get-Content (Join-Path $BuildDir 'classes\dbmedic\version.properties')) -match '^version=' -replace '^version=', '')
$AppVersion = ($Version -split '-')[0]   # installers take numbers only

function Step($text) { Write-Host "== $text" }
function Invoke-Tool {
    param([string]$Tool, [string[]]$ToolArgs)
    & $Tool @ToolArgs
    if ($LASTEXITCODE -ne 0) { throw "$Tool failed with exit code $LASTEXITCODE" }
}

# JavaFX's platform jars (javafx-graphics-21.0.9-win.jar); the empty no-classifier jars are
# automatic modules that jlink rejects, so they stay off the module path.
$FxJars = Get-ChildItem (Join-Path $Out 'javafx') -Filter 'javafx-*.jar' |
    Where-Object { $_.BaseName -notmatch '-[0-9.]+$' } | ForEach-Object { $_.FullName }
if (-not $FxJars) { throw "no JavaFX platform jars in $Out\javafx (run mvn -Pinstaller package)" }
$FxPath = $FxJars -join ';'

function Build-Image {
    foreach ($dir in 'input', 'runtime', 'image') {
        $p = Join-Path $Out $dir
        if (Test-Path $p) { Remove-Item -Recurse -Force $p }
    }
    $fatJar = Join-Path $BuildDir 'dbmedic.jar'
    $slimJar = Join-Path $Out 'input\dbmedic.jar'
    $nativeDir = Join-Path $Out 'input\native'

    Step 'Slim jar (JavaFX goes into the runtime; sqlite-jdbc''s native for this platform only)'
    $without = @()
    foreach ($jar in $FxJars) { $without += '--without'; $without += $jar }
    Invoke-Tool java (@('-cp', $fatJar, (Join-Path $Root 'packaging\tools\SlimJar.java'), $fatJar, $slimJar, $nativeDir) + $without)
    $sqliteLib = (Get-ChildItem $nativeDir | Select-Object -First 1).Name

    Step "jlink runtime: $Modules"
    $runtime = Join-Path $Out 'runtime'
    Invoke-Tool jlink @('--module-path', $FxPath, '--add-modules', $Modules,
        '--exclude-resources', '/javafx.graphics/*.dll',
        '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=2', '--output', $runtime)
    # JavaFX's DLLs go next to the JDK's (bin\), where JavaFX looks first, instead of being
    # unpacked into %USERPROFILE%\.openjfx\cache at the first start. The JDK's own copies of
    # the Visual C++ runtime win over JavaFX's.
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $graphics = $FxJars | Where-Object { (Split-Path $_ -Leaf) -like 'javafx-graphics-*' }
    $zip = [System.IO.Compression.ZipFile]::OpenRead($graphics)
    try {
        foreach ($entry in $zip.Entries) {
            $target = Join-Path $runtime "bin\$($entry.Name)"
            if ($entry.FullName -like '*.dll' -and $entry.FullName -notlike '*/*' -and -not (Test-Path $target)) {
                [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, $target)
            }
        }
    } finally { $zip.Dispose() }

    Step 'jdeps: every module the jar uses is in the runtime'
    $deps = (& jdeps --multi-release 17 --print-module-deps --ignore-missing-deps --module-path $FxPath `
        --add-modules javafx.controls $slimJar) -split ','
    if ($LASTEXITCODE -ne 0) { throw 'jdeps failed' }
    $have = (& (Join-Path $runtime 'bin\java.exe') --list-modules) | ForEach-Object { ($_ -split '@')[0] }
    foreach ($m in $deps) {
        if ($m.Trim() -and $have -notcontains $m.Trim()) { throw "the jar needs module $($m): add it to `$Modules in $PSCommandPath" }
    }

    Step 'jpackage app image'
    Invoke-Tool jpackage @('--type', 'app-image', '--dest', (Join-Path $Out 'image'), '--name', $Name,
        '--app-version', $AppVersion, '--vendor', 'DB Medic', '--description', $Description,
        '--input', (Join-Path $Out 'input'), '--main-jar', 'dbmedic.jar', '--main-class', 'dbmedic.Launcher',
        '--runtime-image', $runtime, '--icon', (Join-Path $Root 'icons\dbmedic.ico'),
        '--java-options', '-Dorg.sqlite.lib.path=$APPDIR\native', '--java-options', "-Dorg.sqlite.lib.name=$sqliteLib",
        '--java-options', '-XX:+UseSerialGC',
        '--add-launcher', "dbmedic=$(Join-Path $Root 'packaging\windows\dbmedic-console.properties')")
    Write-Host "app image: $(Join-Path $Out "image\$Name")"
}

function Build-Installer {
    Step 'jpackage .msi'
    Invoke-Tool jpackage @('--type', 'msi', '--app-image', (Join-Path $Out "image\$Name"), '--dest', $Out,
        '--name', $Name, '--app-version', $AppVersion, '--vendor', 'DB Medic', '--description', $Description,
        '--win-menu', '--win-menu-group', 'DB Medic', '--win-shortcut', '--win-dir-chooser',
        '--win-upgrade-uuid', $UpgradeUuid)
    Get-ChildItem $Out -Filter '*.msi' | Format-Table Name, Length
}

switch ($What) {
    'image' { Build-Image }
    'installer' {
        if (-not (Test-Path (Join-Path $Out "image\$Name"))) { Build-Image }
        Build-Installer
    }
}
