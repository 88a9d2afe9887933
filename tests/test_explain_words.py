"""The explanation a therapist reads: plain words for a real analysed track, numbers behind Details."""

from __future__ import annotations

import numpy as np
import pytest

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.windows import analyse_file
from tmer_desktop.model.bundle import load_model
from tmer_desktop.model.explain import FAMILIES, feature_words, reason_text
from tmer_desktop.wording import FAMILY_WORDS

from fixtures.music import CALM, SAD

# Words an engineer uses that must not reach the sentence.
JARGON = ("SHAP", "log-odds", "training range", "MFCC", "Chromagram", "Roughness_", "_Mean", "HCDF")


def _features(path) -> np.ndarray:
    track = analyse_file(path)
    return np.array([[w.values[c] for c in FEATURE_NAMES] for w in track.windows], dtype=float)


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.mark.slow
@pytest.mark.parametrize("path", [CALM, SAD], ids=lambda p: p.stem)
def test_the_sentence_for_a_real_track_names_its_top_families_in_plain_words(model, path, data_dir):
    ex = model.explain_track(_features(path))
    sentence = str(ex.reason)
    assert not any(name.strip("_") in sentence for name in FEATURE_NAMES)
    assert not any(word in sentence for word in JARGON)
    assert f"sound {ex.label}" in sentence
    # the families named are the ones pushing hardest towards the emotion, strongest first
    pushing = sorted((f for f in FAMILIES if ex.families[f] > 0), key=lambda f: -ex.families[f])
    named = [p.family for p in ex.reason_parts]
    assert named and named == pushing[:len(named)]
    for part in ex.reason_parts:
        assert str(feature_words(part.feature, part.above_median)) in sentence
    if ex.unfamiliar:  # the calm demo clip is unlike the training music: the sentence says so
        assert "the model is not sure because" in sentence
        assert ex.unusual_family in FAMILIES
    else:
        assert "not sure" not in sentence
    # the raw names and numbers stay available for Details
    assert ex.top_features and ex.top_features[0][0] in FEATURE_NAMES


def test_the_calm_clip_is_flagged_unfamiliar_and_named_by_family(model):
    """Fast: the unfamiliar clause from the model's own familiarity test on a far-out window."""
    x = model.estimator.train_median_.copy()
    for j, name in enumerate(FEATURE_NAMES):
        if name.startswith("_MFCC"):
            x[j] = 50.0
    ex = model.explain(x)[0]
    assert ex.unfamiliar and ex.unusual_family == "timbre"
    assert str(ex.reason).endswith("the model is not sure because the timbre is unlike the music it learnt from")


def test_every_family_and_feature_has_plain_words():
    assert tuple(FAMILY_WORDS) == FAMILIES
    for name in FEATURE_NAMES:
        for above in (True, False):
            words = str(feature_words(name, above))
            assert words and "{" not in words and name.strip("_") not in words
    assert str(reason_text((), "sad")).startswith("nothing in the music clearly points to sad")


@pytest.fixture
def library(data_dir, tmp_path):
    from test_ui_track import lament_library

    built = lament_library(data_dir, tmp_path, model_version="bundled")
    yield built
    built["store"].close()


def test_the_player_reads_in_words_and_details_show_the_raw_names(library, qtbot):
    from PySide6.QtCore import Qt
    from test_ui_track import open_window

    window = open_window(library, qtbot)
    explained = set()
    window.explanationShown.connect(explained.add)
    window.show_track(library["track_id"])
    window.show_view("player")
    window.player_view.seek(20.0)
    qtbot.waitUntil(lambda: {"window", "track"} <= explained, timeout=60000)
    panel = window.player_view.explanations
    charts = (panel.window_chart, panel.track_chart)
    for chart in charts:
        sentence = chart.reason.text()
        assert "make" in sentence or "nothing in the music" in sentence
        assert not any(name.strip("_") in sentence for name in FEATURE_NAMES)
        assert not any(word in sentence for word in JARGON)
        assert not chart.details.isVisible() and "SHAP" not in chart.plot.getAxis("bottom").labelText
    # one shared scale: both charts span the same values, zero in the middle
    assert charts[0].x_range == pytest.approx(charts[1].x_range)
    assert charts[0].x_range[0] == pytest.approx(-charts[0].x_range[1])
    assert charts[0].x_range[1] >= 1.0 * max(abs(v) for _n, v in charts[0].shown + charts[1].shown)
    qtbot.mouseClick(panel.details_button, Qt.MouseButton.LeftButton)
    for chart in charts:
        assert chart.details.isVisible()
        assert any(name.strip("_") in chart.details.text() for name in FEATURE_NAMES)
        assert "SHAP" in chart.details.text() and "log-odds" in chart.plot.getAxis("bottom").labelText
    qtbot.mouseClick(panel.details_button, Qt.MouseButton.LeftButton)
    assert not panel.track_chart.details.isVisible()
    window.close()
