"""The log file: what went wrong is written down with its cause, and the user can find it."""

import os
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop import logs

from conftest import REPO_ROOT


@pytest.mark.slow  # a real batch or process: seconds
def test_a_command_logs_warnings_to_stderr_once_and_to_the_log_file(data_dir, tmp_path):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.json").write_text("{not json")
    song = tmp_path / "tone.wav"
    sf.write(song, 0.1 * np.sin(np.arange(22050 * 3) / 10), 22050)

    done = subprocess.run([sys.executable, "-m", "tmer_desktop.cli", "tag", str(song), "--out", str(tmp_path / "r.csv"),
                           "--jobs", "1"], capture_output=True, text=True, cwd=REPO_ROOT, env=dict(os.environ),
                          timeout=300)

    assert done.returncode == 0, done.stderr
    warned = [line for line in done.stderr.splitlines() if "settings.json" in line]
    assert len(warned) == 1 and warned[0].startswith("tmer tag: "), done.stderr
    text = logs.log_file().read_text(encoding="utf-8")
    assert "WARNING tmer_desktop.settings:" in text and str(data_dir / "settings.json") in text


def test_help_menu_opens_the_log_folder(data_dir, qapp):
    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.settings import Settings
    from tmer_desktop.ui.main_window import MainWindow

    store = LibraryStore.open()
    window = MainWindow(store, Settings())
    try:
        assert window.log_folder_action in window.help_menu.actions()
        assert window.log_folder_action.text() == "Open &log folder"
        window.log_folder_action.trigger()
        assert logs.log_dir().is_dir()  # created, so the file manager has something to show
        if not os.environ.get("DISPLAY"):  # no file manager here: the status bar names the folder
            assert str(logs.log_dir()) in window.statusBar().currentMessage()
    finally:
        window.close()
        store.close()
