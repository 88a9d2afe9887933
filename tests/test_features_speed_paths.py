"""Fast paths of the onset machinery give the same results as the plain float64 ones.

Attack time computes its fine 30 ms magnitude curve with float32 FFTs by default
(onsets.spectro_magnitude_envelope, precision="single"). The curve then differs from the
float64 one by ~1e-7 relative, but attack time uses it only through comparisons and frame
times, so the attacks must be the very same frames. Checked here on short excerpts of real
music at their native rates (44.1, 48 and 22.05 kHz); benchmarks/attack_precision.py runs
the same check on 30 s windows of every track in ../shared/music.
"""

from __future__ import annotations

import numpy as np
import pytest

from tmer_desktop.audio.decode import load
from tmer_desktop.features import onsets
from tmer_desktop.features.attack import attack_phases, attack_time

from conftest import SHARED

MUSIC = SHARED / "music"
EXCERPTS = [  # (file, start s, native rate)
    ("wesnoth__traveling_minstrels.ogg", 62.0, 44100),
    ("wz2100__legacy_track13_broken_dreams.opus", 40.0, 48000),
    ("asc__time_to_strike.mp3", 30.0, 22050),
]
SECONDS = 12.0  # long enough for MIRtoolbox's memory chunks of the 30 ms curve


@pytest.fixture(scope="module", params=EXCERPTS, ids=[e[0].split("__")[0] for e in EXCERPTS])
def excerpt(request):
    name, start, rate = request.param
    path = MUSIC / name
    if not path.exists():
        pytest.skip(f"{path} is missing: the real-music checks need the shared music corpus")
    y, sr = load(path, start=start, duration=SECONDS)
    assert sr == rate
    return y, sr


def test_single_precision_attacks_are_the_double_precision_frames(excerpt):
    y, sr = excerpt
    starts64, ends64 = attack_phases(y, sr, precision="double")
    starts32, ends32 = attack_phases(y, sr, precision="single")
    assert len(starts64) >= 10  # real music: many attacks to compare
    np.testing.assert_array_equal(starts32, starts64)
    np.testing.assert_array_equal(ends32, ends64)
    durations = ends64 - starts64
    mean, _ = attack_time(y, sr)  # the default path is the single-precision one
    assert mean == pytest.approx(float(np.mean(durations)), rel=1e-12)


def test_single_precision_curve_is_close_but_not_identical(excerpt):
    # guards the claim above: the fast path really is a different computation
    y, sr = excerpt
    c64 = onsets.spectro_magnitude_envelope(y, sr, precision="double")
    c32 = onsets.spectro_magnitude_envelope(y, sr, precision="single")
    np.testing.assert_array_equal(c32.times, c64.times)
    rel = np.abs(c32.values - c64.values) / np.max(c64.values)
    assert 0 < rel.max() < 1e-5


def test_unknown_precision_is_refused():
    with pytest.raises(ValueError, match="precision"):
        onsets.spectro_magnitude_envelope(np.zeros(4000), 8000, precision="half")
