#!/usr/bin/env bash
# Refresh the translation sources from the code and compile them for the app (Qt's tools).
#   bash scripts/update_translations.sh            lupdate (new/changed strings) + lrelease
#   bash scripts/update_translations.sh --release  lrelease only
# Sources: translations/<group>_<lang>.ts (edit them with pyside6-linguist or by hand).
# Output:  resources/translations/tmer_<lang>.qm, which the app loads (tmer_desktop/ui/i18n.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
languages=(es tr)
ui=tmer_desktop/ui
# Two groups so that the main views and the tool views can be translated independently.
main_group=($ui/main_window.py $ui/library_view.py $ui/library_model.py $ui/player_view.py $ui/player.py
            $ui/timeline.py $ui/explain.py $ui/explain_panel.py $ui/review_view.py $ui/settings_dialog.py
            $ui/tasks.py $ui/track_data.py $ui/i18n.py $ui/palette.py
            tmer_desktop/model/explain.py tmer_desktop/audio/playback.py)  # core words marked with QT_TRANSLATE_NOOP
tools_group=($ui/dashboard_view.py $ui/session_view.py $ui/record_view.py
             tmer_desktop/audio/record.py tmer_desktop/audio/live.py)  # core words marked with QT_TRANSLATE_NOOP

if [ "${1:-}" != "--release" ]; then
  for lang in "${languages[@]}"; do
    $bin/pyside6-lupdate -no-obsolete -locations none "${main_group[@]}" -ts translations/main_$lang.ts
    $bin/pyside6-lupdate -no-obsolete -locations none "${tools_group[@]}" -ts translations/tools_$lang.ts
  done
fi
mkdir -p resources/translations
for lang in "${languages[@]}"; do
  $bin/pyside6-lrelease -removeidentical translations/*_$lang.ts -qm resources/translations/tmer_$lang.qm
done
