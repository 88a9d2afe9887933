#!/usr/bin/env bash
# Refresh the translation sources from the code and compile them for the app (Qt's tools).
#   bash scripts/update_translations.sh                 lupdate (new/changed strings) + lrelease
#   bash scripts/update_translations.sh --group audio   lupdate of one group only + lrelease
#   bash scripts/update_translations.sh --release       lrelease only
# Sources: translations/<group>_<lang>.ts (edit them with pyside6-linguist or by hand), and
# translations/plurals_en.ts: English's own singular and plural of every "%n" message.
# Output:  resources/translations/tmer_<lang>.qm, which the app loads (tmer_desktop/ui/i18n.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
languages=(es tr)
ui=tmer_desktop/ui
core=tmer_desktop
# Groups, so that several people can translate at once: the main views, the tool views, and the
# core's messages (marked with translatable.QT_TRANSLATE_NOOP) by area.
declare -A groups=(
  [main]="$ui/main_window.py $ui/library_view.py $ui/library_model.py $ui/player_view.py $ui/player.py
          $ui/timeline.py $ui/explain.py $ui/explain_panel.py $ui/review_view.py $ui/settings_dialog.py
          $ui/tasks.py $ui/track_data.py $ui/i18n.py $ui/palette.py $ui/library_notice.py
          $core/model/explain.py $core/audio/playback.py"
  [tools]="$ui/dashboard_view.py $ui/session_view.py $ui/record_view.py
           $core/audio/record.py $core/analysis/live.py $core/analysis/judge.py $core/dashboards.py $core/model/drift.py
           $(echo $core/playlists/*.py) $core/wording.py"
  [audio]="$core/errors.py $core/audio/decode.py $core/audio/sniff.py $core/audio/devices.py $core/analysis/model_choice.py
           $(echo $core/features/*.py) $(echo $core/tagging/*.py)"
  [library]="$(echo $core/library/*.py) $core/settings.py $core/atomic.py"
  [model]="$(ls $core/model/*.py | grep -v -e /explain.py -e /drift.py | tr '\n' ' ')"
)

mode=all
selected=("${!groups[@]}")
case "${1:-}" in
  --release) mode=release ;;
  --group) selected=("$2") ; [ -n "${groups[$2]:-}" ] || { echo "unknown group: $2 (${!groups[*]})" >&2; exit 2; } ;;
  "") ;;
  *) echo "usage: $0 [--release | --group NAME]" >&2; exit 2 ;;
esac

if [ "$mode" != release ]; then
  for group in "${selected[@]}"; do
    for lang in "${languages[@]}"; do
      # shellcheck disable=SC2086  # the group's file list is meant to split
      $bin/pyside6-lupdate -no-obsolete -locations none ${groups[$group]} -ts translations/${group}_$lang.ts
    done
  done
fi
# English needs only its plural forms ("1 track", "2 tracks" for the code's "%n track(s)").
if [ "$mode" != release ]; then
  # shellcheck disable=SC2086
  $bin/pyside6-lupdate -pluralonly -no-obsolete -locations none ${groups[*]} -ts translations/plurals_en.ts
fi
mkdir -p resources/translations
$bin/pyside6-lrelease translations/plurals_en.ts -qm resources/translations/tmer_en.qm
for lang in "${languages[@]}"; do
  $bin/pyside6-lrelease -removeidentical translations/*_$lang.ts -qm resources/translations/tmer_$lang.qm
done
