"""Unfamiliar music in the library and the player (issue 15), in English and Spanish, offscreen."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import soundfile as sf

pytest.importorskip("pytestqt")

from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.paths import TRAINING_CSV  # noqa: E402
from tmer_desktop.settings import Settings  # noqa: E402

MODEL = "test-model-unfamiliar"
SURE = (0.04, 0.86, 0.05, 0.05)  # a confident "sad" for every window


def _clip(path, seconds: float = 40.0, sr: int = 22050) -> None:
    t = np.arange(int(seconds * sr)) / sr
    sf.write(str(path), 0.3 * np.sin(2 * np.pi * 220 * t) * (1 + np.sin(2 * np.pi * 0.5 * t)) / 2, sr)


@pytest.fixture
def store(data_dir, tmp_path):
    features = pd.read_csv(TRAINING_CSV).loc[:2, list(FEATURE_NAMES)].to_numpy(float)
    s = LibraryStore.open(data_dir / "library.sqlite3")
    for title, unfamiliar in (("Known piece", False), ("Strange piece", True)):
        clip = tmp_path / f"{title}.wav"
        _clip(clip)
        tid = s.upsert_track(clip, duration=40.0, title=title, artist="Test ensemble", sample_rate=22050, channels=1)
        s.replace_windows(tid, [{"idx": i, "start": 5.0 * i, "duration": 30.0, "short": False,
                                 "features": features[i]} for i in range(3)])
        p = dict(zip(("p_happy", "p_sad", "p_angry", "p_relaxed"), SURE))
        decision = "top-2" if unfamiliar else "label"
        s.add_predictions(tid, MODEL, [
            *({**p, "window_idx": i, "label": "sad", "confidence": 0.86, "decision": decision,
               "unfamiliar": unfamiliar} for i in range(3)),
            {**p, "label": "sad", "confidence": 0.86, "decision": decision, "unfamiliar": unfamiliar}])
    yield s
    s.close()


def test_unfamiliar_music_is_flagged_in_library_and_player(store, qtbot, language, screenshot_dir):
    from tmer_desktop.ui.main_window import MainWindow

    window = MainWindow(store, Settings(jobs=1))
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
    rows = {r.title: r for r in window.library.model.rows()}
    known, strange = rows["Known piece"], rows["Strange piece"]
    # Stored as unfamiliar, re-decided under the current thresholds: never a single label.
    assert known.decision == "label" and known.unfamiliar is False
    assert strange.decision == "top-2" and strange.unfamiliar is True
    model = window.library.model
    texts = {}
    for code in ("en", "es"):
        language(code)
        decision_col = 6
        i = model.rows().index(next(r for r in model.rows() if r.title == "Strange piece"))
        texts[code] = model.data(model.index(i, decision_col))
        tip = model.data(model.index(i, decision_col), 3)  # ToolTipRole
        assert len(tip) > 60
        window.grab().save(str(screenshot_dir / f"library_unfamiliar_{code}.png"))
    assert texts["en"].endswith("· unfamiliar music") and "Two candidates" in texts["en"]
    assert texts["es"].endswith("· música desconocida")
    language("en")
    # The filter lists only the unfamiliar track.
    view = window.library
    view.decision_filter.setCurrentIndex(view.decision_filter.findData("unfamiliar"))
    assert view.proxy.rowCount() == 1
    assert view.decision_filter.currentText() == "Unfamiliar music"
    # The player says it in words.
    with qtbot.waitSignal(window.audioLoaded, timeout=20000):
        window.open_in_player(strange)
    assert "Unfamiliar music" in window.player_view.summary.text()
    language("es")
    window.player_view.retranslate()
    assert "Música desconocida" in window.player_view.summary.text()
    window.grab().save(str(screenshot_dir / "player_unfamiliar_es.png"))
    with qtbot.waitSignal(window.audioLoaded, timeout=20000):
        window.open_in_player(known)
    assert "desconocida" not in window.player_view.summary.text()
    window.close()
