#!/usr/bin/env bash
# Regenerate every screenshot of the user guide (docs/guide/) from the bundled demo clips,
# each one taken by `tmer-desktop --screenshot` in a temporary library:
#   bash scripts/guide_screenshots.sh [OUTPUT_DIR]      (default: docs/guide/screenshots)
# Nothing of the user's own library, settings or caches is read or changed. Takes 2-4 minutes
# (a fresh cache: the analysis code is compiled once, then the demo is tagged twice).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-docs/guide/screenshots}")"
mkdir -p "$out"

app=".venv/bin/tmer-desktop"
[ -x "$app" ] || app="$(command -v tmer-desktop)" || { echo "tmer-desktop not found: run bash scripts/setup.sh first" >&2; exit 1; }

tmp="$(mktemp -d -t tmer-guide-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
export TMER_CACHE_DIR="$tmp/cache"   # a cold cache, so the batch is still running when captured
export QT_QPA_PLATFORM=offscreen     # the same pictures with or without a display
demo="$tmp/demo-library"             # the demo, tagged as on a first run
batch="$tmp/batch-library"           # the demo clips plus two broken files, tagged as a folder

shot() {  # shot NAME ARGS...: one screenshot, stopping the script if it was not fully populated
  local name="$1"; shift
  local log="$tmp/$name.log"
  if ! "$app" --screenshot "$out/$name.png" "$@" >"$log" 2>&1 || grep -q "not fully populated" "$log"; then
    cat "$log" >&2; echo "screenshot $name failed" >&2; exit 1
  fi
  echo "  $name.png"
}

echo "Screenshots into $out:"
# Batch tagging: a folder with the four demo clips, an empty file and a text file named .flac.
mkdir -p "$tmp/music"
cp resources/demo/*.ogg "$tmp/music/"
: > "$tmp/music/empty.mp3"
printf 'these are session notes, not audio\n' > "$tmp/music/notes.flac"
shot batch_progress --library "$batch" --tag "$tmp/music" --view tagging  # closing cancels the rest
shot batch_errors --library "$batch" --tag "$tmp/music" --view library      # resumes: finishes the folder
shot batch_errors_es --library "$batch" --view library --language es        # the stored errors, in Spanish

# First run: an empty library tags the bundled demo, then every view is taken from it.
shot first_run --library "$demo" --demo --view library
shot player --library "$demo" --view player --track wesnoth__sad          # windows disagree
shot player_review --library "$demo" --view player --track battle-epic     # hatched review bands
shot player_es --library "$demo" --view player --track wesnoth__sad --language es
shot player_details --library "$demo" --view player --track calmrace --chart details  # unfamiliar; Details open
shot review --library "$demo" --view review
shot sessions --library "$demo" --view sessions --session-from sad --session-to relaxed --minutes 2
shot dashboard --library "$demo" --view dashboard --chart confidence
shot models --library "$demo" --view models
shot record --library "$demo" --view record
shot settings --library "$demo" --view settings
shot settings_es --library "$demo" --view settings --language es
shot player_tr --library "$demo" --view player --track wesnoth__sad --language tr
echo "Done."
