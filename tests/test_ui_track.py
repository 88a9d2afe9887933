"""Player view and corrections on a library built through the real store API (no analysis run).

The window features are real rows of the training CSV; the audio is a real clip; the
probabilities are stored as a model would store them. This keeps these tests fast and
independent of the analysis processes (tests/test_ui_app.py covers the whole path).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import soundfile as sf

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.paths import TRAINING_CSV  # noqa: E402
from tmer_desktop.settings import Settings  # noqa: E402
from tmer_desktop.ui.track_data import DecisionSettings, decided_rows, load_track_view  # noqa: E402

from fixtures.music import SAD  # noqa: E402

# Window probabilities (happy, sad, angry, relaxed): confident sad, unsure, confident relaxed.
PROBS = [(0.05, 0.85, 0.05, 0.05), (0.04, 0.52, 0.04, 0.40), (0.05, 0.05, 0.05, 0.85)]
MODEL = "test-model-1"


def lament_library(data_dir, tmp_path, model_version: str = MODEL) -> dict:
    """One real 40 s clip with three stored windows (predicted by `model_version`) and a failed file."""
    clip = tmp_path / "lament.wav"
    data, sr = sf.read(str(SAD), frames=44100 * 40, dtype="float32")
    sf.write(str(clip), data, sr)
    features = pd.read_csv(TRAINING_CSV).loc[:2, list(FEATURE_NAMES)].to_numpy(float)
    store = LibraryStore.open(data_dir / "library.sqlite3")
    track_id = store.upsert_track(clip, duration=40.0, title="Lament", artist="Wesnoth team",
                                  album="Wesnoth 1.16", sample_rate=sr, channels=2)
    store.replace_windows(track_id, [
        {"idx": i, "start": 5.0 * i, "duration": 30.0, "short": False, "features": features[i]}
        for i in range(3)])
    track_probs = np.mean(PROBS, axis=0)
    preds = [dict(window_idx=i, p_happy=p[0], p_sad=p[1], p_angry=p[2], p_relaxed=p[3],
                  label=("happy", "sad", "angry", "relaxed")[int(np.argmax(p))], confidence=max(p),
                  decision="label" if max(p) >= 0.75 else "top-2") for i, p in enumerate(PROBS)]
    preds.append(dict(p_happy=track_probs[0], p_sad=track_probs[1], p_angry=track_probs[2],
                      p_relaxed=track_probs[3], label="sad", confidence=float(track_probs.max()),
                      decision="review"))
    store.add_predictions(track_id, model_version, preds)
    failed = store.upsert_track(tmp_path / "broken.mp3", error="not an audio file: content looks like a PNG image")
    return {"store": store, "track_id": track_id, "failed_id": failed, "features": features}


@pytest.fixture
def library(data_dir, tmp_path):
    built = lament_library(data_dir, tmp_path)
    yield built
    built["store"].close()


def test_track_view_redecides_from_stored_probabilities(library):
    store, tid = library["store"], library["track_id"]
    view = load_track_view(store, tid, DecisionSettings(threshold=0.75, top2_threshold=0.9))
    assert len(view.series) == 3
    assert view.series.labels == ["sad", "sad", "relaxed"]
    assert view.series.decisions == ["label", "top-2", "label"]
    assert view.label == "sad" and view.confidence == pytest.approx(np.mean(PROBS, axis=0).max())
    strict = load_track_view(store, tid, DecisionSettings(threshold=0.9, top2_threshold=0.99))
    assert strict.series.decisions == ["review", "review", "review"]
    majority = load_track_view(store, tid, DecisionSettings(aggregation="majority"))
    assert majority.label == "sad" and majority.confidence == pytest.approx(2 / 3)
    rows = decided_rows(store, DecisionSettings())
    by_title = {r.display_title: r for r in rows}
    assert by_title["Lament"].emotion == "sad" and by_title["Lament"].n_windows == 3
    assert by_title["broken"].error.startswith("not an audio file")


def open_window(library, qtbot, language: str = "en"):
    """The main window on a built library, shown at 1280x820 once its tracks are listed."""
    from tmer_desktop.ui.main_window import MainWindow

    window = MainWindow(library["store"], Settings(jobs=1, language=language))
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
    return window


def test_player_timeline_and_window_correction(library, qtbot):
    window = open_window(library, qtbot)
    tid = library["track_id"]
    row = next(r for r in window.library.model.rows() if r.track_id == tid)
    with qtbot.waitSignal(window.audioLoaded, timeout=20000):
        window.open_in_player(row)
    pv = window.player_view
    # Smoothed by default: window 2 (sad 0.52, relaxed 0.40) takes the median of its neighbours, and
    # the last window, at the track's end, keeps its own answer: two stretches, one dashed change.
    tl = pv.timeline
    assert tl.smoothed and not tl.raw_button.isChecked()
    assert [s.label for s in tl.segments] == ["sad", "relaxed"] and len(tl.band_items) == 2
    assert tl.boundaries == [pytest.approx(22.5)] and [line.value() for line in tl.boundary_items] == [22.5]
    assert "windows 1–2" in tl.band_items[0].toolTip()
    # the smoothed curves: window 2 is the per-emotion median of windows 1–3, renormalised
    np.testing.assert_allclose(tl.prob_curves["relaxed"].yData, [0.05, 0.40 / 1.02, 0.85])
    # One click away: each window's own answer.
    qtbot.mouseClick(tl.raw_button, Qt.MouseButton.LeftButton)
    assert not tl.smoothed and len(tl.band_items) == 3 and "Window 2:" in tl.band_items[1].toolTip()
    np.testing.assert_allclose(tl.prob_curves["relaxed"].yData, [0.05, 0.40, 0.85])
    qtbot.mouseClick(tl.raw_button, Qt.MouseButton.LeftButton)
    assert tl.smoothed and len(tl.band_items) == 2
    assert len(pv.timeline.review_items) == 0
    assert pv.timeline._wave_curve.xData is not None
    # The middle window has two candidates, none needs review: nothing hatched, nothing for
    # "Next window to review" to visit. Correct the middle window with key 4 (relaxed).
    assert pv.unsure_windows() == [] and not pv.next_unsure_button.isEnabled()
    pv.seek(20.0)
    assert pv.current_window == 1
    assert pv.timeline.cursor_position == pytest.approx(20.0)
    pv.setFocus()
    with qtbot.waitSignal(window.feedbackStored, timeout=10000):
        qtbot.keyClick(pv, Qt.Key.Key_4)
    fb = library["store"].feedback_rows()[-1]
    assert fb.window_id == window.current_track.windows[1].id
    assert (fb.is_correct, fb.predicted_label, fb.corrected_label) == (False, "sad", "relaxed")
    assert fb.model_version == MODEL
    assert np.allclose(fb.features, library["features"][1])
    # Choosing the predicted emotion for the track counts as confirming it.
    with qtbot.waitSignal(window.feedbackStored, timeout=10000):
        pv.track_buttons[2].click()  # "Sad"
    fb = library["store"].feedback_rows()[-1]
    assert fb.window_id is None and fb.is_correct and fb.corrected_label is None
    window.close()


def test_review_queue_lists_unsure_tracks_and_clears(library, qtbot):
    window = open_window(library, qtbot)
    window.show_track(library["track_id"])
    assert window.player_view.timeline.review_items == []
    strict = Settings(jobs=1, decision_threshold=0.9, top2_threshold=0.99)
    with qtbot.waitSignal(window.reviewLoaded, timeout=10000):
        window.apply_settings(strict)
    # The open track is re-decided in place: every window now needs review (hatched).
    assert len(window.player_view.timeline.review_items) == 3
    assert window.player_view.unsure_windows() == [0, 1, 2]  # "Next window to review" visits the hatched ones
    assert window.current_track.decision == "review"
    assert window.review.model.rowCount() == 1
    assert window.review.current_row().track_id == library["track_id"]
    window.show_view("review")
    window.review.table.setFocus()
    with qtbot.waitSignal(window.feedbackStored, timeout=10000):
        qtbot.keyClick(window.review.table, Qt.Key.Key_3)  # angry
    assert window.review.model.rowCount() == 0
    fb = library["store"].feedback_rows()[-1]
    assert fb.window_id is None and fb.corrected_label == "angry" and not fb.is_correct
    window.close()


def test_settings_dialog_round_trip(qtbot):
    from tmer_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(jobs=1))
    qtbot.addWidget(dialog)
    dialog.threshold.setValue(0.8)
    dialog.aggregation.setCurrentIndex(dialog.aggregation.findData("majority"))
    dialog.hop.setValue(10)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    edited = dialog.edited()
    assert ((edited.decision_threshold, edited.aggregation, edited.hop_s, edited.language)
            == (0.8, "majority", 10.0, "es"))
    assert edited.problems() == []


def test_the_demo_button_in_the_users_library_asks_for_the_demo_library(data_dir, qtbot):
    from tmer_desktop.ui.main_window import MainWindow

    store = LibraryStore.open(data_dir / "library.sqlite3")
    window = MainWindow(store, Settings(jobs=1))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
    assert not window.is_demo and "demo" not in window.windowTitle()
    with qtbot.waitSignal(window.demoRequested, timeout=2000):
        window.library.demo_button.click()
    assert window.batch is None  # nothing is tagged into the user's own library
    window.close()
    store.close()


def test_first_run_offers_the_bundled_demo(data_dir, qtbot):
    from tmer_desktop.paths import DEMO_DIR, demo_data_dir, mark_demo_data_dir
    from tmer_desktop.ui.main_window import MainWindow

    mark_demo_data_dir(demo_data_dir())  # the demo library (tmer-desktop --demo)
    store = LibraryStore.open(demo_data_dir() / "library.sqlite3")
    window = MainWindow(store, Settings(jobs=1))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
    assert window.is_demo and "demo library" in window.windowTitle()
    assert window.library.empty_row.isVisible()
    assert sorted(DEMO_DIR.glob("*.ogg")) and (DEMO_DIR / "CREDITS.md").is_file()
    finished = []
    window.batchFinished.connect(finished.append)
    window.library.demo_button.click()
    assert window.batch is not None and window.batch.running
    assert window.library.progress_row.isVisible() and not window.library.demo_button.isEnabled()
    window.cancel_batch()  # this test only checks the wiring; test_ui_app tags real clips
    qtbot.waitUntil(lambda: bool(finished), timeout=60000)
    assert window.batch.cancelled
    assert window.library.demo_button.isEnabled()
    window.close()
    store.close()


def test_export_tracks_and_corrections(library, qtbot, tmp_path):
    import csv

    window = open_window(library, qtbot)
    window.open_in_player(next(r for r in window.library.model.rows() if r.track_id == library["track_id"]))
    with qtbot.waitSignal(window.feedbackStored, timeout=10000):
        window.player_view.track_buttons[4].click()  # "Relaxed": a real correction
    tracks_csv, feedback_csv = tmp_path / "tracks.csv", tmp_path / "feedback.csv"
    for target, kind in ((tracks_csv, "tracks"), (feedback_csv, "feedback")):
        task = window.export_to(str(target), kind)
        assert task.wait(20) and task.error is None, task.error
    with open(tracks_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2 and any(r["path"].endswith("lament.wav") for r in rows)
    with open(feedback_csv, newline="") as f:
        feedback = list(csv.DictReader(f))
    assert len(feedback) == 1
    assert "relaxed" in feedback[0].values() and "sad" in feedback[0].values()
    window.close()


def test_app_refuses_an_unusable_library_dir_with_a_clear_message(qapp, tmp_path, monkeypatch, capsys):
    from tmer_desktop.ui.app import main

    monkeypatch.setenv("TMER_DATA_DIR", str(tmp_path))  # restored after the test (main() overrides it)
    not_a_dir = tmp_path / "library-file"
    not_a_dir.write_text("this is a file, not a folder")
    code = main(["--library", str(not_a_dir), "--screenshot", str(tmp_path / "x.png")])
    assert code == 2
    err = capsys.readouterr().err
    assert str(not_a_dir) in err and "tmer-desktop:" in err
    assert not (tmp_path / "x.png").exists()


def test_language_setting_renames_emotions_without_redeciding(library, qtbot):
    import dataclasses

    window = open_window(library, qtbot)
    window.show_track(library["track_id"])
    window.apply_settings(dataclasses.replace(window.settings, language="es"))
    proxy = window.library.proxy
    shown = {proxy.index(r, 4).data() for r in range(proxy.rowCount())}
    assert "Triste" in shown
    assert window.library.emotion_filter.itemText(2) == "Triste"
    assert window.player_view.track_buttons[4].text() == "Relajado"
    assert "Triste" in window.player_view.summary.text()
    assert window.current_track.label == "sad"  # data keeps its English keys
    window.close()
