"""Onset-detection curves of MIRtoolbox 1.7.2 (`mironsets` / `mirenvelope` defaults).

Three envelopes are needed by the rhythm columns:

* the 'Spectro' power envelope (event density, pulse clarity): 100 ms MATLAB-hanning
  frames every 10 ms, power spectrum summed over bins 0..N/2;
* the 'Spectro' magnitude envelope of `mirattacktime`: 30 ms frames every 0.6 ms,
  |FFT| summed over bins 0..N/2;
* the 'Filter' envelope of `mirtempo`: 10-channel gammatone filterbank, rectified,
  smoothed forward-backward, down-sampled by 16, differentiated and summed.

Both Spectro envelopes use MIRtoolbox's 'PreSilence': 2000 zero samples are
prepended, then frames are laid out so the first one ends floor(hop) samples into
that padded signal. Times returned here are frame centres in seconds measured from
the start of the padded signal minus the 2000 samples, i.e. relative to the audio.
See docs/features_rhythm.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.fft
import scipy.signal

PRESILENCE_SAMPLES = 2000


def matlab_hanning(n: int) -> np.ndarray:
    """MATLAB's `hanning(n)`: symmetric Hann without the zero end points."""
    k = np.arange(1, n + 1, dtype=np.float64)
    return 0.5 * (1.0 - np.cos(2.0 * np.pi * k / (n + 1)))


def _next_pow2(n: float) -> int:
    return 1 << max(0, int(np.ceil(np.log2(n))))


@dataclass(frozen=True)
class Envelope:
    """An onset curve sampled on a frame grid."""

    values: np.ndarray  # one value per frame
    times: np.ndarray  # frame centres, s, relative to the audio start
    rate: float  # sampling rate of the curve, Hz (1 / first hop in seconds)


def presilence_grid(n_samples: int, sr: int, frame_s: float, hop_ratio: float):
    """MIRtoolbox frame grid with 'PreSilence' on a signal of n_samples (already padded).

    Returns (starts, L): starts may be negative (those samples are zeros).
    """
    flen = frame_s * sr
    L = int(np.floor(flen))
    hop = hop_ratio * flen
    fh = int(np.floor(hop))
    if n_samples < fh or L < 1 or hop <= 0:
        return np.zeros(0, dtype=np.int64), L
    n = int(np.floor((n_samples - fh) / hop)) + 1
    starts = np.floor(np.arange(n) * hop).astype(np.int64) - L + fh
    return starts, L


def _padded(y: np.ndarray, L: int) -> tuple[np.ndarray, int]:
    """Signal with the 2000-sample pre-silence plus L zeros in front (for negative starts)."""
    y = np.asarray(y, dtype=np.float64)
    lead = PRESILENCE_SAMPLES + L
    x = np.concatenate([np.zeros(lead), y])
    return x, L  # frame start s (in pre-silenced coordinates) is x[s + L]


def _frame_dots(x: np.ndarray, starts: np.ndarray, L: int, weights: np.ndarray) -> np.ndarray:
    """For each frame x[s:s+L], its dot products with each row of weights (k × L).

    Frames whose starts advance by a constant step are read through a strided view
    (no copy); the starts of a fractional hop are split into such regular subsets.
    """
    out = np.empty((len(starts), weights.shape[0]))
    if len(starts) == 0:
        return out
    view = np.lib.stride_tricks.sliding_window_view(x, L)
    wt = np.ascontiguousarray(weights.T)
    for period in (1, 2, 4, 5, 8, 10, 20, 25, 50, 100):
        steps_ok = True
        for r in range(period):
            d = np.diff(starts[r::period])
            if len(d) > 1 and not np.all(d == d[0]):
                steps_ok = False
                break
        if steps_ok:
            break
    else:
        period = None
    if period is None:
        block = 512
        for b in range(0, len(starts), block):
            out[b:b + block] = view[starts[b:b + block]] @ wt
        return out
    for r in range(period):
        sub = starts[r::period]
        if len(sub) == 0:
            continue
        step = int(sub[1] - sub[0]) if len(sub) > 1 else 1
        frames = view[sub[0]::step][: len(sub)] if step > 0 else view[sub]
        out[r::period] = frames @ wt
    return out


def spectro_power_envelope(y: np.ndarray, sr: int, frame_s: float = 0.1,
                           hop_ratio: float = 0.1) -> Envelope:
    """'Spectro' envelope with power spectrum: Σ_{k=0}^{N/2} |FFT_N(x·w)|² per frame.

    Computed exactly without FFTs through Parseval: for real frames and even N,
    Σ_{k=0}^{N/2}|X_k|² = (N·Σ(xw)² + X_0² + X_{N/2}²)/2, where X_0 = Σ xw and
    X_{N/2} = Σ xw(−1)^n.
    """
    n_pad = len(y) + PRESILENCE_SAMPLES
    starts, L = presilence_grid(n_pad, sr, frame_s, hop_ratio)
    if len(starts) == 0:
        return Envelope(np.zeros(0), np.zeros(0), float("nan"))
    nfft = _next_pow2(max(L, sr / 66.0))
    w = matlab_hanning(L)
    alt = np.where(np.arange(L) % 2 == 0, 1.0, -1.0)
    x, off = _padded(y, L)
    dots = _frame_dots(x, starts + off, L, np.vstack([w, w * alt]))
    energy = _frame_dots(x * x, starts + off, L, (w * w)[None, :])[:, 0]
    values = 0.5 * (nfft * energy + dots[:, 0] ** 2 + dots[:, 1] ** 2)
    return Envelope(values, _centres(starts, L, sr), _rate(starts, sr))


def spectro_magnitude_envelope(y: np.ndarray, sr: int, frame_s: float = 0.03,
                               hop_ratio: float = 0.02) -> Envelope:
    """'Spectro' envelope with magnitude spectrum: Σ_{k=0}^{N/2} |FFT_N(x·w)| per frame."""
    n_pad = len(y) + PRESILENCE_SAMPLES
    starts, L = presilence_grid(n_pad, sr, frame_s, hop_ratio)
    if len(starts) == 0:
        return Envelope(np.zeros(0), np.zeros(0), float("nan"))
    nfft = _next_pow2(max(L, sr / 66.0))
    w = matlab_hanning(L)
    x, off = _padded(y, L)
    view = np.lib.stride_tricks.sliding_window_view(x, L)
    values = np.empty(len(starts))
    block = max(1, (1 << 22) // nfft)
    for b in range(0, len(starts), block):
        frames = view[starts[b:b + block] + off] * w
        spec = scipy.fft.rfft(frames, n=nfft, axis=1)
        values[b:b + block] = np.abs(spec).sum(axis=1)
    return Envelope(values, _centres(starts, L, sr), _rate(starts, sr))


def _centres(starts: np.ndarray, L: int, sr: int) -> np.ndarray:
    # MIRtoolbox frame position = [first sample, last sample] / sr; the envelope time
    # is their mean. Starts here are in pre-silenced coordinates.
    return (starts - PRESILENCE_SAMPLES + (L - 1) / 2.0) / sr


def _rate(starts: np.ndarray, sr: int) -> float:
    if len(starts) < 2:
        return float("nan")
    return sr / float(starts[1] - starts[0])
