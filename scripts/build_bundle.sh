#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (docs/packaging.md):
#   bash scripts/build_bundle.sh [DIST_DIR]     default DIST_DIR: dist/
# Result: DIST_DIR/tmer-desktop/tmer-desktop (GUI) and DIST_DIR/tmer-desktop/tmer (CLI).
# BUILD_DIR (default build/) holds PyInstaller's work files; PYTHON picks the interpreter
# (default: the project's .venv, else python3). Exit status 3: PyInstaller is not installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="$(realpath -m "${1:-$root/dist}")"
work="$(realpath -m "${BUILD_DIR:-$root/build}")"
python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x "$root/.venv/bin/python" ]; then python="$root/.venv/bin/python"; else python=python3; fi
fi
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
  echo "build_bundle: PyInstaller is not installed for $python (pip install -e '.[bundle]')" >&2
  exit 3
fi

start=$(date +%s)
cd "$root"
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" pyinstaller.spec
app="$dist/tmer-desktop"
[ -x "$app/tmer-desktop" ] && [ -L "$app/tmer" ] || { echo "build_bundle: $app is incomplete" >&2; exit 1; }
echo "Built $app in $(( $(date +%s) - start )) s, $(du -sh "$app" | cut -f1)"
