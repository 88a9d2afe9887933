#!/usr/bin/env bash
# One-step set-up for a fresh Debian/Ubuntu machine (README's two commands):
#   bash scripts/setup.sh run    install everything, then start the app
#   bash scripts/setup.sh test   install everything, then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in run|test) ;; *) echo "usage: bash scripts/setup.sh run|test" >&2; exit 2 ;; esac

# Debian packages (DESIGN.md "Environment facts"): PortAudio for sounddevice, the libraries
# Qt needs even offscreen, and Xvfb so `run` can show a real window on a machine without one;
# binutils lets the PyInstaller bundle (tests/test_bundle.py) strip its largest libraries.
packages=(python3-venv binutils libportaudio2 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
          libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
          libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python=""
for candidate in python3.11 python3.12 python3.13 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    python="$candidate"; break
  fi
done
[ -n "$python" ] || { echo "Python 3.11 or newer is required" >&2; exit 1; }

[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

if [ "$mode" = test ]; then
  exec .venv/bin/python -m pytest
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # Written to the cache directory, not into the checkout (where it would be an untracked file).
  shot="$(.venv/bin/python -c 'from tmer_desktop.paths import cache_dir; print(cache_dir() / "tmer-desktop-screenshot.png")')"
  mkdir -p "$(dirname "$shot")"
  echo "No display found: rendering the app offscreen to $shot instead of opening a window."
  exec env QT_QPA_PLATFORM=offscreen .venv/bin/tmer-desktop --demo --view player --screenshot "$shot"
fi
# --demo: the demo library (apart from the user's own), its clips tagged on its first run.
exec .venv/bin/tmer-desktop --demo
