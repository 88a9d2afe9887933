"""The main window end to end: real clips, real analysis processes, real SQLite, offscreen Qt.

One module-wide library is tagged once through the window (the slow part: worker start-up
and feature extraction); the other tests read it, correct it and render it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

pytest.importorskip("pytestqt")

from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from fixtures.music import BATTLE, CALM, SAD  # noqa: E402

pytestmark = pytest.mark.slow  # batches run through the window: ~25 s

CLIPS = {  # source file, start (s), length (s): ~36 s gives two 30 s windows at a 5 s hop
    "battle.wav": (BATTLE, 9.0, 36.0),
    "calm.wav": (CALM, 0.0, 36.0),
    "sad.wav": (SAD, 0.0, 36.0),
}
BATCH_TIMEOUT_MS = 240_000


def cut_clips(folder: Path, names=CLIPS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names:
        source, start, length = CLIPS[name]
        info = sf.info(str(source))
        data, sr = sf.read(str(source), start=int(start * info.samplerate),
                           frames=int(length * info.samplerate), dtype="float32")
        sf.write(str(folder / name), data, sr)
        out.append(folder / name)
    return out


class GapMeter:
    """Largest pause of the GUI event loop: a 10 ms timer records the longest interval."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.clock = QElapsedTimer()
        self.max_gap_ms = 0
        self.ticks = 0
        self.timer.timeout.connect(self._tick)

    def start(self):
        self.clock.start()
        self.timer.start()

    def stop(self):
        self.timer.stop()

    def _tick(self):
        self.max_gap_ms = max(self.max_gap_ms, self.clock.restart())
        self.ticks += 1


def make_window(store_path: Path, **settings_changes):
    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.settings import Settings
    from tmer_desktop.ui.main_window import MainWindow

    settings = Settings(jobs=1, **settings_changes)
    window = MainWindow(LibraryStore.open(store_path), settings)
    window.resize(1280, 820)
    return window


def close_window(window):
    window.close()
    window.store.close()
    window.deleteLater()
    QApplication.processEvents()


def wait_for(predicate, timeout_s: float):
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        QApplication.processEvents()
        time.sleep(0.005)


@pytest.fixture(scope="module")
def tagged(qapp, tmp_path_factory):
    """A library tagged through the window: 2 real clips and one broken file."""
    root = tmp_path_factory.mktemp("ui-library")
    music = root / "music"
    cut_clips(music, ["calm.wav", "sad.wav"])
    (music / "broken.mp3").write_bytes(b"")  # an empty file: must become an error row
    data = root / "data"
    old_data_dir = os.environ.get("TMER_DATA_DIR")
    os.environ["TMER_DATA_DIR"] = str(data)  # settings file and library for this module
    window = make_window(data / "library.sqlite3")
    window.show()
    wait_for(lambda: window.library_loaded, 30)
    results = []
    finished = []
    window.batchFinished.connect(finished.append)
    window.batchResult.connect(lambda r: results.append((r, window.library.model.rowCount())))
    meter = GapMeter()
    meter.start()
    window.start_batch([str(music)])
    wait_for(lambda: finished, BATCH_TIMEOUT_MS / 1000)
    meter.stop()
    yield {"window": window, "root": root, "music": music, "data": data, "meter": meter,
           "results": results, "summary": finished[0]}
    close_window(window)
    if old_data_dir is not None:
        os.environ["TMER_DATA_DIR"] = old_data_dir


def test_empty_library_offers_the_demo_and_closes_cleanly(qtbot, data_dir):
    window = make_window(data_dir / "library.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
    assert window.library.model.rowCount() == 0
    assert window.library.empty_row.isVisible()
    assert window.library.demo_button.isVisible()
    assert window.tabs.count() >= 3
    assert [window.tabs.tabText(i) for i in range(3)] == ["Library", "Player", "Review queue"]
    window.close()
    window.store.close()


def test_open_folder_fills_rows_with_errors_per_row(tagged):
    window = tagged["window"]
    rows = {Path(r.path).name: r for r in window.library.model.rows()}
    assert set(rows) == {"calm.wav", "sad.wav", "broken.mp3"}
    for name in ("calm.wav", "sad.wav"):
        r = rows[name]
        assert r.error is None, r.error
        assert r.emotion in ("happy", "sad", "angry", "relaxed")
        assert 0.25 <= r.confidence <= 1.0
        assert r.decision in ("label", "top-2", "review")
        assert r.n_windows == 2
    assert rows["broken.mp3"].error and "empty" in rows["broken.mp3"].error
    # Rows arrived one by one as partial results, not at the end.
    assert [count for _, count in tagged["results"]] == [1, 2, 3]
    assert not window.library.progress_row.isVisible()
    assert tagged["summary"].failed == 1 and tagged["summary"].done == 2


def test_gui_never_blocked_while_batch_runs(tagged):
    meter = tagged["meter"]
    print(f"\nGUI event loop during the batch: max gap {meter.max_gap_ms} ms over {meter.ticks} ticks")
    assert meter.ticks > 50
    assert meter.max_gap_ms < 100


def test_timeline_shows_one_band_per_window(tagged, qtbot):
    window = tagged["window"]
    row = next(r for r in window.library.model.rows() if r.path.endswith("calm.wav"))
    with qtbot.waitSignal(window.audioLoaded, timeout=30000):
        window.open_in_player(row)
    n = len(window.store.windows_for_track(row.track_id))
    assert n == 2
    timeline = window.player_view.timeline
    timeline.set_smoothed(False)
    assert len(timeline.band_items) == n
    assert window.tabs.currentIndex() == 1
    assert timeline._wave_curve.xData is not None and len(timeline._wave_curve.xData) > 1000
    if not window.player_view.player.available:
        assert window.player_view.playback_note.text().startswith("Playback unavailable")
    # Clicking/seeking moves the cursor onto the second window.
    window.player_view.seek(30.0)
    assert timeline.cursor_position == pytest.approx(30.0, abs=0.05)
    assert window.player_view.current_window == 1


def test_enter_on_a_library_row_opens_it_in_the_player(tagged, qtbot):
    window = tagged["window"]
    window.tabs.setCurrentIndex(0)
    assert window.library.select_path(next(r.path for r in window.library.model.rows() if r.path.endswith("sad.wav")))
    window.library.table.setFocus()
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(window.library.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 1, timeout=10000)
    qtbot.waitUntil(lambda: window.current_track is not None and window.current_track.path.endswith("sad.wav"),
                    timeout=30000)


def test_correction_key_lands_in_database(tagged, qtbot):
    window = tagged["window"]
    row = next(r for r in window.library.model.rows() if r.path.endswith("sad.wav"))
    window.open_in_player(row)
    view = window.current_track
    window.player_view.seek(1.0)
    assert window.player_view.current_window == 0
    predicted = view.series.labels[0]
    target = "angry" if predicted != "angry" else "relaxed"
    key = {"happy": Qt.Key.Key_1, "sad": Qt.Key.Key_2, "angry": Qt.Key.Key_3, "relaxed": Qt.Key.Key_4}[target]
    before = len(window.store.feedback_rows())
    window.player_view.setFocus()
    with qtbot.waitSignal(window.feedbackStored, timeout=10000):
        qtbot.keyClick(window.player_view, key)
    rows = window.store.feedback_rows()
    assert len(rows) == before + 1
    fb = rows[-1]
    assert fb.track_id == row.track_id and fb.window_id == view.windows[0].id
    assert fb.is_correct is False and fb.corrected_label == target and fb.predicted_label == predicted
    assert fb.model_version == view.model_version and fb.model_version
    assert np.allclose(fb.features, view.windows[0].features, equal_nan=True)
    # Confirming the whole track with the button stores a track-level verdict.
    with qtbot.waitSignal(window.feedbackStored, timeout=10000):
        window.player_view.track_buttons[0].click()
    fb = window.store.feedback_rows()[-1]
    assert fb.window_id is None and fb.is_correct and fb.predicted_label == view.label


def test_threshold_change_redecides_without_reanalysis(tagged, qtbot):
    import dataclasses

    window = tagged["window"]
    n_windows_before = sum(len(window.store.windows_for_track(r.track_id))
                           for r in window.library.model.rows() if r.track_id)
    strict = dataclasses.replace(window.settings, decision_threshold=1.0, top2_threshold=1.0)
    with qtbot.waitSignal(window.libraryLoaded, timeout=30000):
        window.apply_settings(strict)
    decisions = [r.decision for r in window.library.model.rows() if r.emotion]
    assert decisions and all(d == "review" for d in decisions)
    qtbot.waitUntil(lambda: window.review.model.rowCount() >= 1, timeout=10000)
    after = sum(len(window.store.windows_for_track(r.track_id))
                for r in window.library.model.rows() if r.track_id)
    assert after == n_windows_before
    with qtbot.waitSignal(window.libraryLoaded, timeout=30000):
        window.apply_settings(dataclasses.replace(strict, decision_threshold=0.75, top2_threshold=0.9))


def test_cancel_stops_batch_and_keeps_finished_rows(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TMER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TMER_TEST_WORKER_DELAY", "1.5")  # each file waits: room to cancel
    music = tmp_path / "music"
    cut_clips(music, ["sad.wav", "calm.wav", "battle.wav"])
    window = make_window(tmp_path / "data" / "library.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
    finished = []
    window.batchFinished.connect(finished.append)
    task = window.start_batch([str(music)])
    qtbot.waitUntil(lambda: window.library.model.rowCount() >= 1, timeout=BATCH_TIMEOUT_MS)
    window.library.cancel_button.click()
    qtbot.waitUntil(lambda: bool(finished), timeout=60000)
    assert task.cancelled
    kept = window.library.model.rows()
    assert 1 <= len(kept) < 3
    stored = {t.path for t in window.store.tracks() if t.prediction is not None}
    assert {r.path for r in kept if r.emotion} <= stored
    assert not window.library.progress_row.isVisible()
    window.close()
    window.store.close()


def test_screenshot_cli_writes_png(tagged, tmp_path):
    out_dir = tmp_path
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for view in ("player",):  # the view that waits for the most (audio, explanations)
        target = out_dir / f"{view}.png"
        if target.exists():
            target.unlink()
        proc = subprocess.run(
            [sys.executable, "-m", "tmer_desktop.ui.app", "--library", str(tagged["data"]),
             "--screenshot", str(target), "--view", view],
            capture_output=True, text=True, timeout=240, env=env)
        assert proc.returncode == 0, proc.stderr
        assert "not fully populated" not in proc.stderr and f"Saved {target}" in proc.stdout
        assert target.stat().st_size > 10_000
        from PySide6.QtGui import QImage
        image = QImage(str(target))
        assert (image.width(), image.height()) == (1280, 820)


@pytest.mark.slow  # the app in its own process
def test_the_app_keeps_library_notes_on_fd_2_off_its_terminal(tmp_path):
    """Started from a terminal, the app sends what C libraries print on fd 2 (decoders' notes,
    Qt's platform notes) to a log file, while its own messages still reach the terminal."""
    from tmer_desktop import logs

    note = "Note: Illegal Audio-MPEG-Header 0x00000000 at offset 1234."
    script = (
        "import os, sys\n"
        "from tmer_desktop.ui import app\n"
        "def before_close(window, capture):\n"
        f"    os.write(2, {note!r}.encode() + b'\\n')  # as a decoder library would\n"
        "    print('our own message', file=sys.stderr)\n"
        "sys.exit(app.main(['--library', sys.argv[1], '--view', 'library', '--screenshot', sys.argv[2]],"
        " before_close=before_close))\n")
    target = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMER_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "library"), str(target)],
                          capture_output=True, text=True, timeout=240, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "our own message" in proc.stderr and "Illegal Audio-MPEG-Header" not in proc.stderr, proc.stderr
    assert note in (tmp_path / "cache" / "logs" / logs.DECODER_LOG).read_text()
