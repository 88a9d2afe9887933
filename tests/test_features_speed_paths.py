"""Fast paths of the onset machinery give the same results as the plain float64 ones.

Attack time computes its fine 30 ms magnitude curve with float32 FFTs by default
(onsets.spectro_magnitude_envelope, precision="single"). The curve then differs from the
float64 one by ~1e-7 relative, but attack time uses it only through comparisons and frame
times, so the attacks must be the very same frames. Checked here on short excerpts of real
music (tests/fixtures/music.py) at their native rates (44.1, 48 and 22.05 kHz);
benchmarks/attack_precision.py runs the same check on 30 s windows of every track in
../shared/music.
"""

from __future__ import annotations

import numpy as np
import pytest

from tmer_desktop.audio.decode import load
from tmer_desktop.features import onsets, windows
from tmer_desktop.features.attack import attack_phases, attack_time
from tmer_desktop.features.extract import prepared_features
from tmer_desktop.features.prepare import Preparation

from fixtures.music import CALM, CITY_BLUES, MADEIRA

EXCERPTS = [  # (file, start s, native rate)
    (MADEIRA, 2.0, 44100),
    (CALM, 20.0, 48000),
    (CITY_BLUES, 10.0, 22050),
]
SECONDS = 12.0  # long enough for MIRtoolbox's memory chunks of the 30 ms curve


@pytest.fixture(scope="module", params=EXCERPTS, ids=[f"{e[2] // 1000}k" for e in EXCERPTS])
def excerpt(request):
    path, start, rate = request.param
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


def test_frame_memo_reuses_frames_bit_for_bit(excerpt):
    # two overlapping windows of one block: the second takes the frames it shares with the
    # first from the memo, and its curve equals the curve computed from scratch exactly
    y, sr = excerpt
    length = len(y) - 3 * sr
    offset = 3 * sr  # 3 s = 5000 hops of 0.6 ms: the frame grids coincide
    memo = onsets.MagnitudeFrameMemo(sr)
    for off in (0, offset):
        seg = y[off:off + length]
        with_memo = onsets.spectro_magnitude_envelope(seg, sr, memo=memo, offset=off)
        alone = onsets.spectro_magnitude_envelope(seg, sr)
        np.testing.assert_array_equal(with_memo.values, alone.values)
        np.testing.assert_array_equal(with_memo.times, alone.times)
    assert memo.reused > 1000


def test_frame_memo_refuses_other_parameters():
    memo = onsets.MagnitudeFrameMemo(44100)
    with pytest.raises(ValueError, match="memo"):
        onsets.spectro_magnitude_envelope(np.zeros(44100), 48000, memo=memo)


def test_timeline_windows_sharing_attack_frames_equal_the_sliced_clip():
    # windows 15 s apart share attack frames (5 s apart they never do: 5 s is not a whole
    # number of 0.6 ms hops); their features equal extract_features on each slice exactly
    y, sr = load(MADEIRA, start=5.0, duration=35.0)
    block = windows._Block(y, sr)
    W = 20 * sr  # shorter than the app's 30 s windows to keep the test quick
    native = Preparation(rate=None)  # each window at full-scale peak, as the app does
    for off in (0, 15 * sr):
        shared = block.features(off, W, native)
        alone = prepared_features(y[off:off + W], sr, native)
        assert shared.keys() == alone.keys()
        for name in shared:
            # the block's spectrogram scaled by the window's gain equals the spectrogram of the
            # scaled window to rounding (1e-15); attack time is level-free and exact
            assert shared[name] == pytest.approx(alone[name], rel=1e-12, abs=1e-300, nan_ok=True), name
    assert block.attack_memo.reused > 3000


# The kernels sped up for issue 16 keep every value: checked bit for bit against their plain forms.

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_window_frames_writes_the_windowed_slices_and_leaves_the_padding(excerpt, dtype):
    from tmer_desktop.features.spectrum import hamming, window_frames

    y, sr = excerpt
    L, width = 1323, 2048
    w = hamming(L)
    starts = np.array([0, 1, 26, 1000, len(y) - L], dtype=np.int64)
    buf = np.full((len(starts), width), 7.0, dtype=dtype)
    window_frames(y, starts, w, buf)
    for row, s in zip(buf, starts):
        np.testing.assert_array_equal(row[:L], (y[s:s + L] * w).astype(dtype))
        assert np.all(row[L:] == 7.0)  # e.g. an FFT's zero padding stays as it was


@pytest.mark.parametrize("L", [4409, 4410])  # odd and even frame lengths
def test_power_sums_side_by_side_are_each_frame_summed_alone(excerpt, L):
    y, sr = excerpt
    x = np.concatenate([np.zeros(L), y])
    w = onsets.matlab_hanning(L)
    for count in range(1, 10):  # whole groups of four frames and every remainder
        starts = (np.arange(count) * 441 + 17).astype(np.int64)
        together = np.empty(count)
        onsets._power_sums(x, starts, w, 8192.0, together)
        alone = np.array([onsets._power_sum(x, int(s), w, 8192.0) for s in starts])
        np.testing.assert_array_equal(together, alone)
        assert np.all(alone > 0)  # real music, not a comparison of zeros
