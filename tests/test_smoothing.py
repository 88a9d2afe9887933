"""The timeline's smoothing (analysis/smoothing.py): stable stretches, real changes kept, boundaries."""

from __future__ import annotations

import numpy as np
import pytest

from tmer_desktop.analysis.smoothing import (
    DEFAULT,
    METHODS,
    Smoother,
    boundaries,
    changes_per_minute,
    segments,
    smooth,
)

EMOTIONS = ("happy", "sad", "angry", "relaxed")


def _probs(pattern: str, strength: float = 0.55) -> np.ndarray:
    """One row per letter (h, s, a, r): that emotion at `strength`, the rest shared."""
    rows = []
    for ch in pattern:
        row = np.full(4, (1 - strength) / 3)
        row["hsar".index(ch)] = strength
        rows.append(row)
    return np.array(rows)


def _labels(probs: np.ndarray) -> list[str]:
    return [EMOTIONS[i] for i in probs.argmax(axis=1)]


ALL = [DEFAULT, Smoother("mean", span=20), Smoother("median", span=20), Smoother("hmm", stay=0.95)]


@pytest.mark.parametrize("smoother", ALL, ids=lambda s: s.name)
def test_a_flip_flopping_stretch_becomes_one_mood(smoother):
    # sad with the model hesitating towards relaxed in single windows, weakly
    probs = _probs("ssssrsssrssrssss")
    probs[probs.argmax(axis=1) == 3] = _probs("r", 0.4)[0]
    raw = _labels(probs)
    assert changes_per_minute(raw, 105.0) > 3
    smoothed = _labels(smooth(probs, 5.0, smoother))
    assert set(smoothed) == {"sad"} and len(segments(smoothed)) == 1


@pytest.mark.parametrize("smoother", ALL, ids=lambda s: s.name)
def test_a_real_change_of_mood_survives_at_its_place(smoother):
    probs = _probs("s" * 12 + "h" * 12, strength=0.8)
    out = smooth(probs, 5.0, smoother)
    assert out.shape == probs.shape and np.allclose(out.sum(axis=1), 1.0)
    labels = _labels(out)
    found = segments(labels)
    assert [(s.label, len(s)) for s in found] == [("sad", 12), ("happy", 12)]
    centres = 15.0 + 5.0 * np.arange(len(labels))
    assert boundaries(labels, centres) == [pytest.approx((centres[11] + centres[12]) / 2)]


def test_segments_and_boundaries_of_a_sequence():
    labels = ["sad", "sad", "relaxed", "relaxed", "relaxed", "happy"]
    found = segments(labels)
    assert [(s.first, s.last, s.label) for s in found] == [(0, 1, "sad"), (2, 4, "relaxed"), (5, 5, "happy")]
    assert boundaries(labels, [15, 20, 25, 30, 35, 40]) == [22.5, 37.5]
    assert segments([]) == [] and boundaries([], []) == []
    assert changes_per_minute(labels, 120.0) == pytest.approx(1.0)
    assert changes_per_minute(labels, 0.5) == 0.0


def test_unknown_windows_are_left_alone_and_short_tracks_unchanged():
    probs = _probs("sssrsss")
    probs[3] = np.nan
    out = smooth(probs, 5.0, DEFAULT)
    assert np.isnan(out[3]).all() and np.isfinite(np.delete(out, 3, axis=0)).all()
    one = _probs("r")
    np.testing.assert_array_equal(smooth(one, 5.0, DEFAULT), one)
    np.testing.assert_array_equal(smooth(_probs("srs"), 5.0, Smoother("none")), _probs("srs"))


def test_the_hmm_is_as_sticky_per_second_whatever_the_hop():
    probs = _probs("s" * 10 + "r" + "s" * 10, strength=0.5)
    fine = smooth(probs, 5.0, Smoother("hmm", stay=0.9))
    coarse = smooth(probs, 10.0, Smoother("hmm", stay=0.9))  # same stay per 5 s: less sticky per step
    assert fine[10, 1] > coarse[10, 1]


def test_bad_settings_are_refused_with_the_reason():
    with pytest.raises(ValueError, match="unknown smoothing method 'gauss'"):
        Smoother("gauss")
    with pytest.raises(ValueError, match="stay probability must be between 0 and 1"):
        Smoother("hmm", stay=1.0)
    with pytest.raises(ValueError, match="must not be negative"):
        Smoother("mean", span=-5)
    with pytest.raises(ValueError, match="2-d array"):
        smooth(np.zeros(4))
    assert DEFAULT.method in METHODS
