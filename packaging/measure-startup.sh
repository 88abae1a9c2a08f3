#!/usr/bin/env bash
# Measures the packaged wizard on Linux: milliseconds from starting the launcher until its
# window exists, and the resident memory once it sits idle on the Start step.
#   DISPLAY=:88 packaging/measure-startup.sh [LAUNCHER] [RUNS]
# Needs an X display (e.g. `Xvfb :88 -screen 0 1280x900x24 &`) and xdotool.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LAUNCHER=${1:-$ROOT/target/installer/image/dbmedic/bin/dbmedic}
RUNS=${2:-5}
: "${DISPLAY:?set DISPLAY to an X server, e.g. Xvfb :88}"

for i in $(seq "$RUNS"); do
  if xdotool search --name '^DB Medic$' >/dev/null 2>&1; then
    echo "a DB Medic window is already open: close it first" >&2; exit 1
  fi
  start=$(date +%s%N)
  "$LAUNCHER" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --name '^DB Medic$' >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "the launcher exited before showing a window" >&2; exit 1; }
    sleep 0.02
  done
  window_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 8   # idle on the Start step
  echo "run $i: window after ${window_ms} ms, idle RSS $(ps -o rss= -p "$pid" | tr -d ' ') KB"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
