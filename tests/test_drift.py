"""Drift: PSI per feature against the training CSV, low-confidence share, live accuracy/ECE.

Libraries are built from real feature vectors (rows of the training CSV): a random sample is
"matched", a sample of one kind of music (only the angry excerpts) or a re-levelled one is
"shifted".
"""

from __future__ import annotations

import numpy as np
import pytest
from test_feedback_fixtures import add_corrections, fill_library, library, quick_model, training_table  # noqa: F401

from tmer_desktop.dashboards import library_drift, library_windows
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.model.drift import DriftThresholds, assess_drift, ece_from_table, noise_level, psi, reliability_table


def _features(table):
    return table[list(FEATURE_NAMES)].to_numpy(dtype=np.float64)


def _sample(train, n=100, seed=5):
    # The CSV is sorted by class: a random sample, not the first rows, matches it.
    return train[np.random.default_rng(seed).choice(len(train), n, replace=False)]


def test_psi_is_zero_for_identical_and_large_for_shifted_samples():
    rng = np.random.default_rng(1)
    base = rng.normal(size=4000)
    same, _ = psi(base, base)
    assert same == pytest.approx(0.0, abs=1e-12)
    moved, bins = psi(base, base + 1.0)
    assert moved > 0.5 and bins == 10
    slight, _ = psi(base, rng.normal(size=4000))
    assert slight < 0.05


def test_psi_handles_point_masses_and_nan():
    train = np.r_[np.zeros(50), np.ones(50), np.linspace(0, 1, 100)]  # chroma-like: ties at 0 and 1
    value, _ = psi(train, train.copy())
    assert value == pytest.approx(0.0, abs=1e-12)
    with_nan = np.r_[train[:150], np.full(50, np.nan)]
    value, bins = psi(train, with_nan)
    assert np.isfinite(value) and value > 0.25
    assert bins == len(np.unique(np.quantile(train, np.linspace(0, 1, 11)[1:-1]))) + 2


def test_noise_level_shrinks_with_sample_size():
    assert noise_level(10, 400, 50) > 0.25 > noise_level(10, 400, 400)


def test_matched_library_is_quiet_and_shifted_library_alerts():
    table = training_table()
    train = _features(table)
    rng = np.random.default_rng(7)
    matched = train[rng.choice(len(train), 150, replace=False)]
    quiet = assess_drift(train, matched, FEATURE_NAMES)
    assert not quiet.alert, quiet.alerts
    assert len(quiet.features) == 50 and len(quiet.shifted_features) < DriftThresholds().min_shifted_features

    only_angry = _features(table[table["label"] == "angry"])
    loud = assess_drift(train, only_angry, FEATURE_NAMES)
    assert loud.alert
    assert len(loud.shifted_features) >= 5
    assert "sounds unlike the music the model learnt from" in loud.alerts[0]
    assert "retrain" in loud.suggestion


def test_small_library_is_not_judged_and_overlap_counts_once():
    table = training_table()
    train = _features(table)
    few = train[:20]
    report = assess_drift(train, few, FEATURE_NAMES)
    assert report.features == [] and not report.alert
    assert "needs 30 independent half-minutes" in report.notes[0]
    # 60 heavily overlapping windows of 10 recordings are judged as 10 samples: not enough.
    report = assess_drift(train, train[:60], FEATURE_NAMES, effective_windows=10)
    assert report.features == []


def test_low_confidence_share_against_baseline():
    train = _features(training_table())
    lib = _sample(train)
    conf = np.r_[np.full(70, 0.5), np.full(30, 0.9)]
    report = assess_drift(train, lib, FEATURE_NAMES, confidences=conf)
    assert report.low_confidence_share == pytest.approx(0.7)
    assert any("confidence below 0.75" in a for a in report.alerts)
    # A model that was unsure on 60 % of its own CV is not alarming at 70 %.
    calm = assess_drift(train, lib, FEATURE_NAMES, confidences=conf, baseline_low_confidence_share=0.6)
    assert not any("confidence below" in a for a in calm.alerts)


def test_live_accuracy_and_calibration_from_corrections():
    train = _features(training_table())
    conf = np.full(40, 0.9)
    right = np.r_[np.ones(20, bool), np.zeros(20, bool)]
    report = assess_drift(train, _sample(train), FEATURE_NAMES, correction_confidence=conf, correction_correct=right)
    assert report.live_accuracy == pytest.approx(0.5)
    assert report.live_ece == pytest.approx(0.4)
    assert any("corrections say the model was right" in a for a in report.alerts)
    assert any("calibration error 0.40" in a for a in report.alerts)
    good = assess_drift(
        train, _sample(train), FEATURE_NAMES, correction_confidence=conf,
        correction_correct=np.r_[np.ones(36, bool), np.zeros(4, bool)],
    )
    assert good.live_accuracy == pytest.approx(0.9) and good.live_ece == pytest.approx(0.0, abs=1e-12)
    assert not good.alert
    few = assess_drift(
        train, _sample(train), FEATURE_NAMES, correction_confidence=conf[:5], correction_correct=right[:5])
    assert not few.alert and "needs 20 corrections" in few.notes[-1]


def test_reliability_table_bins():
    table = reliability_table(np.array([0.3, 0.35, 0.95, 1.0]), np.array([False, True, True, True]), bins=10)
    assert [b.count for b in table] == [0, 0, 1, 1, 0, 0, 0, 0, 0, 2]
    assert table[9].accuracy == 1.0 and table[9].mean_confidence == pytest.approx(0.975)
    assert ece_from_table(table) == pytest.approx((0.3 + 0.65 + 2 * 0.025) / 4)


def test_library_drift_from_the_database(library):  # noqa: F811
    table = training_table()
    rng = np.random.default_rng(3)
    matched = table.iloc[rng.choice(len(table), 120, replace=False)].reset_index(drop=True)
    fill_library(library, matched, model=quick_model(), windows_per_track=2)
    windows, effective = library_windows(library)
    assert windows.shape == (120, 50) and effective == pytest.approx(120)
    quiet = library_drift(library)
    assert len(quiet.features) == 50 and not quiet.shifted_features[5:]
    assert not any("features differ" in a for a in quiet.alerts)
    assert quiet.n_predictions == 120 and quiet.low_confidence_share is not None


def test_library_drift_fires_on_a_shifted_library(library):  # noqa: F811
    table = training_table()
    shifted = table[table["label"].isin(["happy"])].reset_index(drop=True)
    fill_library(library, shifted, model=quick_model(), windows_per_track=2)
    report = library_drift(library)
    assert report.alert and len(report.shifted_features) >= 5
