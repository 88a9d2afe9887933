"""Event density, pulse clarity, tempo and attack time against MIRtoolbox 1.7.2.

Reference values: MIRtoolbox 1.7.2 (Octave) on the nine 22.05 kHz reference files
(tests/fixtures/reference, with MIRtoolbox's attack times of two of them in
tests/fixtures/reference/curves_v1.7.2). All four columns are reproduced to rounding level (observed ≤ 3e-12
relative), so the parity tolerance is 1e-9 (docs/features_rhythm.md).
"""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from tmer_desktop.audio.decode import load
from tmer_desktop.features.attack import attack_phases, attack_time
from tmer_desktop.features.rhythm import event_density, pulse_clarity, tempo

from conftest import FIXTURES

FIXTURE_DIR = FIXTURES / "reference"

NAMES = [
    "am_drone_drums",
    "chords_click_120bpm",
    "click_120bpm",
    "music_etr__calmrace-ks_30-60s",
    "music_lincity__van_herk_city_blues_30-60s",
    "music_wesnoth__battle-epic_30-60s",
    "music_xmoto__batcave_30-60s",
    "noise_bursts",
    "sine_melody",
]


@cache
def _reference() -> dict[str, dict[str, str]]:
    with open(FIXTURE_DIR / "mirtoolbox_reference.csv", newline="") as fh:
        return {Path(row["file"]).stem: row for row in csv.DictReader(fh)}


@cache
def _audio(name: str) -> tuple[np.ndarray, int]:
    return load(FIXTURE_DIR / f"{name}.flac")


@cache
def _attack(name: str) -> tuple[float, float]:
    return attack_time(*_audio(name))


def _ref(name: str, column: str) -> float:
    return float(_reference()[name][column])


def _rel(got: float, want: float) -> float:
    return abs(got - want) / abs(want)


@pytest.mark.parametrize("name", NAMES)
def test_event_density_matches_mirtoolbox(name):
    assert _rel(event_density(*_audio(name)), _ref(name, "_Eventdensity_Mean")) < 1e-9


@pytest.mark.parametrize("name", NAMES)
def test_pulse_clarity_matches_mirtoolbox(name):
    assert _rel(pulse_clarity(*_audio(name)), _ref(name, "_Pulseclarity_Mean")) < 1e-9


@pytest.mark.parametrize("name", NAMES)
def test_tempo_matches_mirtoolbox(name):
    assert _rel(tempo(*_audio(name)), _ref(name, "_Tempo_Mean")) < 1e-9


@pytest.mark.parametrize("name", NAMES)
def test_attack_time_matches_mirtoolbox(name):
    mean, slope = _attack(name)
    assert _rel(mean, _ref(name, "_AttackTime_Mean")) < 1e-9
    assert abs(slope - _ref(name, "_AttackTime_Slope")) < 1e-9


@pytest.mark.parametrize("name", ["click_120bpm", "music_xmoto__batcave_30-60s"])
def test_attack_phases_follow_mirtoolbox_onset_by_onset(name):
    starts, ends = attack_phases(*_audio(name))
    ref = {}
    with open(FIXTURE_DIR / "curves_v1.7.2" / f"{name}.csv", newline="") as fh:
        for row in csv.reader(fh):
            if row[0].startswith("mirattacktime_frame"):
                ref[row[0]] = np.array([float(v) for v in row[1:] if v])
    # the curves file prints 9 significant digits
    np.testing.assert_allclose(starts, ref["mirattacktime_framestart"], atol=1e-7)
    np.testing.assert_allclose(ends, ref["mirattacktime_frameend"], atol=1e-7)


def test_click_track_controls():
    y, sr = _audio("click_120bpm")
    assert tempo(y, sr) == pytest.approx(120.0, abs=1e-3)
    assert event_density(y, sr) == pytest.approx(1.9985, abs=1e-4)
    assert pulse_clarity(y, sr) == pytest.approx(0.983, abs=1e-3)


def _clicks(sr: int, seconds: float, period: float = 0.5) -> np.ndarray:
    y = np.zeros(int(seconds * sr))
    n = int(0.03 * sr)
    tc = np.arange(n) / sr
    click = np.sin(2 * np.pi * 2000 * tc) * np.exp(-tc / 0.004)
    for start in range(0, len(y) - n, int(period * sr)):
        y[start:start + n] += click
    return y


@pytest.mark.parametrize("sr", [8000, 48000, 96000])
def test_other_sampling_rates_give_the_same_rhythm(sr):
    y = _clicks(sr, 6.0)
    assert tempo(y, sr) == pytest.approx(120.0, rel=2e-3)
    # 12 clicks over the analysed span, which includes MIRtoolbox's 2000 leading zeros
    assert event_density(y, sr) == pytest.approx(12 / ((len(y) + 2000) / sr), rel=0.01)
    assert 0.9 < pulse_clarity(y, sr) <= 1.0
    mean, slope = attack_time(y, sr)
    assert 0.0 < mean < 0.03 and math.isfinite(slope)


def _all_features(y: np.ndarray, sr: int) -> list[float]:
    return [event_density(y, sr), pulse_clarity(y, sr), tempo(y, sr), *attack_time(y, sr)]


@pytest.mark.parametrize("signal", ["empty", "silence", "half_second", "dc", "one_sample",
                                    "nan_sample"])
def test_degenerate_input_gives_finite_values_or_nan(signal):
    sr = 22050
    rng = np.random.default_rng(7)
    y = {
        "empty": np.zeros(0),
        "silence": np.zeros(3 * sr),
        "half_second": 0.1 * rng.standard_normal(sr // 2),
        "dc": np.full(3 * sr, 0.5),
        "one_sample": np.array([0.3]),
        "nan_sample": np.concatenate([np.full(sr, np.nan), 0.1 * rng.standard_normal(sr)]),
    }[signal]
    values = _all_features(y, sr)
    assert all(isinstance(v, float) for v in values)
    assert all(math.isfinite(v) or math.isnan(v) for v in values)
    if signal in ("empty", "silence", "one_sample"):
        assert values[0] == 0.0  # no events
        assert all(math.isnan(v) for v in values[1:])
    if signal == "nan_sample":
        assert all(math.isnan(v) for v in values)


@pytest.mark.parametrize("fn", [event_density, pulse_clarity, tempo, attack_time])
def test_stereo_frames_are_refused_with_a_clear_message(fn):
    with pytest.raises(ValueError, match="mono"):
        fn(np.zeros((22050, 2)), 22050)
