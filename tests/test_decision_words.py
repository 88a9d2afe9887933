"""One vocabulary for the three decisions: the same words and the same counts in the status bar,
the library's decision column and filter, the review queue, the player's track line, the
"Next window to review" button and the hatched bands, each word with its one-line explanation.

A real library built through the store API (tests/test_ui_track.py's Lament, plus a second clip
whose track and two of its windows need review); decisions stored as model.decide makes them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import soundfile as sf

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from test_ui_track import MODEL, lament_library, open_window  # noqa: E402

from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.model.decide import decide, decide_all  # noqa: E402
from tmer_desktop.paths import TRAINING_CSV  # noqa: E402
from tmer_desktop.ui import i18n  # noqa: E402
from tmer_desktop.ui.i18n import install_language  # noqa: E402
from tmer_desktop.ui.library_model import COL_DECISION  # noqa: E402
from tmer_desktop.ui.track_data import DecisionSettings, decided_rows  # noqa: E402
from tmer_desktop.vocabulary import EMOTIONS  # noqa: E402

from fixtures.music import SAD  # noqa: E402

# Windows of "Storm": needs review, sure (angry), needs review; the track itself needs review.
STORM = [(0.30, 0.30, 0.20, 0.20), (0.05, 0.05, 0.85, 0.05), (0.25, 0.25, 0.25, 0.25)]
WORDS = {"en": ("Sure", "Two candidates", "Needs review"), "es": ("Segura", "Dos candidatas", "Requiere revisión")}


def add_storm(store, tmp_path) -> int:
    clip = tmp_path / "storm.wav"
    data, sr = sf.read(str(SAD), frames=44100 * 40, dtype="float32")
    sf.write(str(clip), data, sr)
    features = pd.read_csv(TRAINING_CSV).loc[3:5, list(FEATURE_NAMES)].to_numpy(float)
    tid = store.upsert_track(clip, duration=40.0, title="Storm", sample_rate=sr, channels=2)
    store.replace_windows(tid, [{"idx": i, "start": 5.0 * i, "duration": 30.0, "short": False,
                                 "features": features[i]} for i in range(3)])
    decided = decide_all(STORM)
    preds = [dict(window_idx=i, **dict(zip([f"p_{e}" for e in EMOTIONS], p)), label=d.label,
                  confidence=d.confidence, decision=d.decision) for i, (p, d) in enumerate(zip(STORM, decided))]
    mean = np.mean(STORM, axis=0)
    d = decide(mean)
    preds.append(dict(**dict(zip([f"p_{e}" for e in EMOTIONS], mean)), label=d.label, confidence=d.confidence,
                      decision=d.decision))
    store.add_predictions(tid, MODEL, preds)
    return tid


@pytest.fixture
def library(data_dir, tmp_path):
    built = lament_library(data_dir, tmp_path)
    built["storm_id"] = add_storm(built["store"], tmp_path)
    yield built
    built["store"].close()



@pytest.mark.parametrize("language", ["en", "es"])
def test_the_same_words_and_counts_everywhere(library, qtbot, restore_english, screenshot_dir, language):
    assert install_language(restore_english, language) == []
    sure, two, review = WORDS[language]
    store = library["store"]
    window = open_window(library, qtbot, language)
    # The library's count, decided from its stored probabilities with the settings' thresholds (as
    # every view decides): Storm needs review, Lament has two candidates, broken.mp3 failed.
    decided = [r.decision for r in decided_rows(store, DecisionSettings()) if not r.error]
    n_review, n_two = decided.count("review"), decided.count("top-2")
    assert (n_review, n_two) == (1, 1)
    status = window.status_label.text()
    need_word = {"en": "to review", "es": "requiere revisión"}[language]  # one: the singular form
    two_word = {"en": "with two candidates", "es": "con dos candidatas"}[language]
    assert f"· {n_review} {need_word} ·" in status and f"· {n_two} {two_word} ·" in status, status
    assert window.status_label.toolTip() == i18n.decisions_help()
    assert all(word in window.status_label.toolTip() for word in (sure, two, review))

    # The decision column and its filter: the same words, each cell with its one-line meaning.
    proxy = window.library.proxy
    cells = {proxy.index(r, 0).data(): proxy.index(r, COL_DECISION) for r in range(proxy.rowCount())}
    assert cells["Storm"].data() == review and cells["Lament"].data().startswith(f"{two}: ")
    assert cells["Storm"].data(Qt.ItemDataRole.ToolTipRole).startswith(f"{review}: ")
    assert cells["Lament"].data(Qt.ItemDataRole.ToolTipRole).startswith(f"{two}: ")
    header_tip = proxy.headerData(COL_DECISION, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header_tip.splitlines() == [i18n.decision_explanation(d) for d in ("label", "top-2", "review")]
    assert [line.split(":")[0] for line in header_tip.splitlines()] == [sure, two, review]
    combo = window.library.decision_filter
    assert [combo.itemText(i) for i in (1, 2, 3)] == [sure, two, review]
    combo.setCurrentIndex(combo.findData("review"))
    assert proxy.rowCount() == n_review  # the filter counts what the status bar counts
    combo.setCurrentIndex(0)

    # The review queue: both kinds, counted apart with the same numbers and words.
    qtbot.waitUntil(lambda: window.review.model.rowCount() == n_review + n_two, timeout=10000)
    header = window.review.header.text()
    assert header.startswith(f"{n_review} {need_word} · {n_two} {two_word}"), header
    assert window.review.header.toolTip() == i18n.decisions_help()

    # The player: the track line's word, the button's count = the hatched bands, the legend's tooltip.
    row = window.library.model.row_for_path(str(store.track(library["storm_id"]).path))
    with qtbot.waitSignal(window.audioLoaded, timeout=20000):
        window.open_in_player(row)
    pv = window.player_view
    assert f", {review.lower()})" in pv.summary.text()
    assert pv.summary.toolTip() == i18n.decision_explanation("review")
    hatched = pv.timeline.review_items
    assert len(hatched) == 2 and pv.unsure_windows() == [0, 2]
    assert pv.next_unsure_button.text().endswith(f"· {len(hatched)}") and pv.next_unsure_button.isEnabled()
    assert i18n.decision_explanation("review") in pv.next_unsure_button.toolTip()
    legend = [label for _sample, label in pv.timeline.legend.items][-2]  # the hatching (the threshold comes last)
    assert review.lower() in legend.text and legend.toolTip() == i18n.decisions_help()
    # The button visits exactly the hatched windows, in order, then wraps.
    visited = [pv.next_unsure_window() for _ in range(3)]
    assert visited == [2, 0, 2] or visited == [0, 2, 0]
    window.show_view("player")
    qtbot.wait(50)
    assert window.grab().save(str(screenshot_dir / f"decisions_player_{language}.png"), "PNG")
    window.show_view("library")
    qtbot.wait(50)
    assert window.grab().save(str(screenshot_dir / f"decisions_library_{language}.png"), "PNG")

    # Lament: two candidates in the track line, no window needs review: nothing hatched, nothing to visit.
    window.show_track(library["track_id"])
    assert f", {two.lower()})" in pv.summary.text()
    assert pv.timeline.review_items == [] and pv.unsure_windows() == []
    assert not pv.next_unsure_button.isEnabled()
    window.close()
