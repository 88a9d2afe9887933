"""Onset-detection curves of MIRtoolbox 1.7.2 (`mironsets` / `mirenvelope` defaults).

Three envelopes feed the rhythm columns (docs/features_rhythm.md):

* the 'Spectro' power envelope (event density, pulse clarity, attack-start valleys):
  100 ms MATLAB-hanning frames every 10 ms, |FFT|² summed over bins 0..N/2;
* the 'Spectro' magnitude envelope of `mirattacktime`: 30 ms frames every 0.6 ms,
  |FFT| summed over bins 0..N/2;
* the 'Filter' envelope of `mirtempo`: 10-channel gammatone filterbank, rectified,
  smoothed forward-backward, down-sampled by 16, differentiated and summed.

All three see MIRtoolbox's 'PreSilence': 2000 zero samples in front of the audio. The
two Spectro envelopes also use its PreSilence frame layout (the first frame ends
floor(hop) samples into the padded signal) and, like MIRtoolbox, they are computed in
memory chunks whose frame grid restarts at each chunk (`mirchunklim`, 5e6 samples):
after the first chunk the frames sit one or two samples off the regular grid. That
artefact moves pulse clarity by up to 4e-4 and attack times by whole frames, so it is
reproduced (`chunk_plan`, `spectro_frame_starts`). A curve evaluated inside another
analysis (the attack-start curve inside attack time) follows that analysis's chunks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.fft
from numba import njit

from tmer_desktop.features.spectrum import window_frames

PRESILENCE_SAMPLES = 2000
CHUNK_LIMIT = 5_000_000  # mirchunklim default: samples held in memory at once
MAGNITUDE_BLOCK = 128  # frames per batched FFT (2048-point rows: ~1-2 MB, cache-sized)


@dataclass(frozen=True)
class Envelope:
    """An onset curve sampled on a frame grid."""

    values: np.ndarray  # one value per frame
    times: np.ndarray  # frame centres, s, relative to the start of the audio
    rate: float  # curve sampling rate, Hz: 1 / (second frame start - first), as MIRtoolbox


def mono_samples(y) -> np.ndarray:
    """y as a 1-D float64 array; a clear error for anything else (e.g. stereo frames)."""
    arr = np.asarray(y, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"expected mono audio as a 1-D array of samples, got shape {arr.shape}")
    return arr


def matlab_hanning(n: int) -> np.ndarray:
    """MATLAB's `hanning(n)`: symmetric Hann without the zero end points."""
    k = np.arange(1, n + 1, dtype=np.float64)
    return 0.5 * (1.0 - np.cos(2.0 * np.pi * k / (n + 1)))


def fft_size(frame_len: int, sr: float) -> int:
    """mirspectrum's FFT length: next power of two of max(frame, sr/66 Hz resolution)."""
    need = max(float(frame_len), sr / 66.0, 1.0)
    return 1 << int(np.ceil(np.log2(need)))


def _presilence_grid(n_samples: int, L: int, hop: float) -> np.ndarray:
    """Frame starts of the PreSilence layout over n_samples (0-based, may be < 0)."""
    fh = int(np.floor(hop))
    if n_samples < fh:
        return np.zeros(0, dtype=np.int64)
    n = int(np.floor((n_samples - fh) / hop)) + 1
    return np.floor(np.arange(n) * hop).astype(np.int64) - L + fh


def chunk_plan(n_audio: int, sr: float, frame_s: float, hop_ratio: float):
    """MIRtoolbox's memory chunks for a PreSilence frame analysis of n_audio samples:
    a list of (first, end) raw sample numbers (1-based, inclusive), or None when the
    analysis fits in one chunk.

    MIRtoolbox lays frames over the raw audio (PreSilence shift applied, the 2000 zeros
    not counted); if frame span × frame count exceeds 5e6 it cuts the frame list into
    chunks of ceil(5e6 / span) frames, each read from its first frame's first sample to
    its last frame's last sample + 1 (the very last chunk one sample shorter).
    """
    fl = frame_s * sr
    hop = hop_ratio * fl
    fh = int(np.floor(hop))
    if fl < 2 or hop <= 0:
        return None
    n = int(np.floor((n_audio - fh) / hop)) + 1
    if n < 1:
        return None
    first = np.floor(np.arange(n) * hop + 1 - fl + hop).astype(np.int64)
    last = np.floor(first + fl - 1).astype(np.int64)
    keep = last <= n_audio
    first, last = first[keep], last[keep]
    if len(first) == 0:
        return None
    span = int(last[0] - first[0])
    if span * n <= CHUNK_LIMIT:
        return None
    per_chunk = max(int(np.ceil(CHUNK_LIMIT / span)), 2)
    nfr = len(first)
    nch = int(np.ceil((nfr - per_chunk) / per_chunk)) + 1
    begin = per_chunk * np.arange(nch)
    end = np.minimum(begin + per_chunk - 1, nfr - 1)
    if nch > 1 and end[-1] == begin[-1]:
        tail = int(last[-1] - first[-1] + 1)
        if int(np.floor((tail - fl) / hop)) + 1 < 2:  # a one-frame last chunk joins the previous
            end[-2] = end[-1]
            begin, end = begin[:-1], end[:-1]
    if len(begin) < 2:
        return None
    chunk_first = first[begin]
    chunk_end = last[end] + 1
    chunk_end[-1] = min(chunk_end[-1], last[-1])
    return list(zip(chunk_first.tolist(), chunk_end.tolist()))


def frames_in_chunks(plan, n_audio: int, sr: float, frame_s: float,
                     hop_ratio: float) -> tuple[np.ndarray, int]:
    """Frame starts (0-based, in the signal padded with 2000 leading zeros) when each
    chunk of `plan` is framed on its own: chunk 1 is read with the 2000 zeros in front and
    framed with the PreSilence layout; every later chunk is framed from its first sample
    with no shift. plan None: one PreSilence grid over the whole padded signal."""
    fl = frame_s * sr
    hop = hop_ratio * fl
    L = int(np.floor(fl))
    P = PRESILENCE_SAMPLES
    if plan is None:
        return _presilence_grid(n_audio + P, L, hop), L
    pieces = []
    for k, (first, end) in enumerate(plan):
        if k == 0:
            pieces.append(_presilence_grid(P + int(end), L, hop))
        else:
            m = int(np.floor((end - first + 1 - L) / hop)) + 1
            if m > 0:
                pieces.append(P + first - 1 + np.floor(np.arange(m) * hop).astype(np.int64))
    return np.concatenate(pieces), L


def spectro_frame_starts(n_audio: int, sr: float, frame_s: float,
                         hop_ratio: float, plan=False) -> tuple[np.ndarray, int]:
    """Starts (0-based, in the signal padded with 2000 leading zeros) of the frames
    MIRtoolbox analyses for a PreSilence Spectro envelope, and the frame length L.
    plan: the chunk plan to follow (default: the envelope's own, see chunk_plan)."""
    if plan is False:
        plan = chunk_plan(n_audio, sr, frame_s, hop_ratio)
    return frames_in_chunks(plan, n_audio, sr, frame_s, hop_ratio)


def _grid_times(starts: np.ndarray, L: int, sr: float) -> np.ndarray:
    # MIRtoolbox stamps a frame with the mean of its first and last sample times (the
    # 2000 leading zeros removed), evaluated in this order: attack detection compares
    # such stamps of two curves, and equal stamps must round the way MATLAB's do.
    first = (starts - PRESILENCE_SAMPLES).astype(np.float64)
    return (first / sr + (first + (L - 1)) / sr) / 2.0


def _grid_rate(starts: np.ndarray, sr: float) -> float:
    if len(starts) < 2:
        return float("nan")
    return sr / float(starts[1] - starts[0])


def spectro_power_envelope(y: np.ndarray, sr: float, frame_s: float = 0.1,
                           hop_ratio: float = 0.1, plan=False) -> Envelope:
    """'Spectro' envelope with power spectrum: Σ_{k=0}^{N/2} |FFT_N(x·w)|² per frame.

    Exact without FFTs (Parseval): for a real frame and even N,
    Σ_{k=0}^{N/2}|X_k|² = (N·Σ(xw)² + X_0² + X_{N/2}²) / 2, with X_0 = Σ xw and
    X_{N/2} = Σ xw·(−1)^n. plan: chunk plan to follow (default: its own).
    """
    starts, L = spectro_frame_starts(len(y), sr, frame_s, hop_ratio, plan)
    if len(starts) == 0 or L < 1:
        return Envelope(np.zeros(0), np.zeros(0), float("nan"))
    nfft = fft_size(L, sr)
    x = np.concatenate([np.zeros(L + PRESILENCE_SAMPLES), np.asarray(y, np.float64), np.zeros(L)])
    values = np.empty(len(starts))
    _power_sums(x, starts + L, matlab_hanning(L), float(nfft), values)
    return Envelope(values, _grid_times(starts, L, sr), _grid_rate(starts, sr))


@njit(cache=True)
def _power_sum(x, s0, w, nfft):
    """Half-spectrum power of the windowed frame x[s0:s0+L]·w, via Parseval."""
    L = w.shape[0]
    energy = 0.0
    dc = 0.0
    nyq = 0.0
    for n in range(0, L - 1, 2):
        u = x[s0 + n] * w[n]
        v = x[s0 + n + 1] * w[n + 1]
        energy += u * u + v * v
        dc += u + v
        nyq += u - v
    if L % 2 == 1:
        u = x[s0 + L - 1] * w[L - 1]
        energy += u * u
        dc += u
        nyq += u
    return 0.5 * (nfft * energy + dc * dc + nyq * nyq)


@njit(cache=True)
def _power_sums(x, starts, w, nfft, out):
    """_power_sum of each frame. Four frames run side by side, each summed in the same order
    as alone (so the same bits): four independent chains of additions instead of one that
    waits for the last addition at every sample (about 3x faster)."""
    L = w.shape[0]
    nf = starts.shape[0]
    i = 0
    while i + 4 <= nf:
        s0 = starts[i]
        s1 = starts[i + 1]
        s2 = starts[i + 2]
        s3 = starts[i + 3]
        e0 = e1 = e2 = e3 = 0.0
        d0 = d1 = d2 = d3 = 0.0
        q0 = q1 = q2 = q3 = 0.0
        for n in range(0, L - 1, 2):
            wa = w[n]
            wb = w[n + 1]
            u = x[s0 + n] * wa
            v = x[s0 + n + 1] * wb
            e0 += u * u + v * v
            d0 += u + v
            q0 += u - v
            u = x[s1 + n] * wa
            v = x[s1 + n + 1] * wb
            e1 += u * u + v * v
            d1 += u + v
            q1 += u - v
            u = x[s2 + n] * wa
            v = x[s2 + n + 1] * wb
            e2 += u * u + v * v
            d2 += u + v
            q2 += u - v
            u = x[s3 + n] * wa
            v = x[s3 + n + 1] * wb
            e3 += u * u + v * v
            d3 += u + v
            q3 += u - v
        if L % 2 == 1:
            wl = w[L - 1]
            u = x[s0 + L - 1] * wl
            e0 += u * u
            d0 += u
            q0 += u
            u = x[s1 + L - 1] * wl
            e1 += u * u
            d1 += u
            q1 += u
            u = x[s2 + L - 1] * wl
            e2 += u * u
            d2 += u
            q2 += u
            u = x[s3 + L - 1] * wl
            e3 += u * u
            d3 += u
            q3 += u
        out[i] = 0.5 * (nfft * e0 + d0 * d0 + q0 * q0)
        out[i + 1] = 0.5 * (nfft * e1 + d1 * d1 + q1 * q1)
        out[i + 2] = 0.5 * (nfft * e2 + d2 * d2 + q2 * q2)
        out[i + 3] = 0.5 * (nfft * e3 + d3 * d3 + q3 * q3)
        i += 4
    for k in range(i, nf):
        out[k] = _power_sum(x, starts[k], w, nfft)


@njit(cache=True)
def _magnitude_sums(spec, out):
    """out[i] = Σ_k |spec[i, k]| (complex128 spectra)."""
    for i in range(spec.shape[0]):
        acc = 0.0
        for k in range(spec.shape[1]):
            z = spec[i, k]
            acc += np.sqrt(z.real * z.real + z.imag * z.imag)
        out[i] = acc


@njit(cache=True)
def _magnitude_sums_single(spec, out):
    """out[i] = Σ_k |spec[i, k]| for a complex64 spectrum viewed as float32 (re, im) pairs:
    magnitudes in float32 (SIMD), summed in float64 over four interleaved partial sums."""
    nb = spec.shape[1] // 2
    mag = np.empty(nb, np.float32)
    for i in range(spec.shape[0]):
        for k in range(nb):
            re = spec[i, 2 * k]
            im = spec[i, 2 * k + 1]
            mag[k] = np.sqrt(re * re + im * im)
        a0 = a1 = a2 = a3 = 0.0
        k = 0
        while k + 4 <= nb:
            a0 += mag[k]
            a1 += mag[k + 1]
            a2 += mag[k + 2]
            a3 += mag[k + 3]
            k += 4
        while k < nb:
            a0 += mag[k]
            k += 1
        out[i] = (a0 + a1) + (a2 + a3)


class MagnitudeFrameMemo:
    """Frame values of the magnitude envelope already computed over one block of audio,
    keyed by the frame's first sample in the block, for windows cut from that block.

    Only frames lying wholly inside a window's audio are stored or reused: their value
    depends on nothing but those samples (row results of the batched FFT do not depend on
    the batch), so a reused value is bit-identical to a recomputed one. Frames that reach
    into the PreSilence zeros or the end padding are always computed per window.
    """

    def __init__(self, sr: float, frame_s: float = 0.03, hop_ratio: float = 0.02,
                 precision: str = "single"):
        self.params = (float(sr), float(frame_s), float(hop_ratio), precision)
        self.keys = np.zeros(0, dtype=np.int64)  # sorted
        self.values = np.zeros(0)
        self.reused = 0  # frames taken from the memo so far (for tests and benchmarks)

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(found mask, values of the found keys)."""
        pos = np.searchsorted(self.keys, keys)
        pos_ok = np.minimum(pos, max(len(self.keys) - 1, 0))
        found = (pos < len(self.keys)) & (self.keys[pos_ok] == keys) if len(self.keys) else \
            np.zeros(len(keys), dtype=bool)
        return found, self.values[pos_ok[found]]

    def add(self, keys: np.ndarray, values: np.ndarray) -> None:
        keys = np.concatenate([self.keys, keys])
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.values = np.concatenate([self.values, values])[order]

    def forget_before(self, first: int) -> None:
        """Drop frames starting before sample `first` (no later window reaches them)."""
        keep = self.keys >= first
        self.keys, self.values = self.keys[keep], self.values[keep]


def spectro_magnitude_envelope(y: np.ndarray, sr: float, frame_s: float = 0.03,
                               hop_ratio: float = 0.02, precision: str = "single",
                               memo: MagnitudeFrameMemo | None = None, offset: int = 0) -> Envelope:
    """'Spectro' envelope with magnitude spectrum: Σ_{k=0}^{N/2} |FFT_N(x·w)| per frame.

    No shortcut exists for a sum of magnitudes; frames go through batched real FFTs.
    precision "single": windowed frames and FFTs in float32 (about twice as fast), sums
    accumulated in float64; "double": all float64. Attack time uses this curve only through
    comparisons and frame times; the single-precision curve gives the same attacks on the
    reference clips and on real music (tests/test_features_speed_paths.py,
    benchmarks/attack_precision.py).
    memo, offset: y starts `offset` samples into the block the memo belongs to; frames
    wholly inside y are taken from / added to the memo (exact, see MagnitudeFrameMemo).
    """
    if precision not in ("single", "double"):
        raise ValueError(f"precision must be 'single' or 'double', got {precision!r}")
    if memo is not None and memo.params != (float(sr), float(frame_s), float(hop_ratio), precision):
        raise ValueError("the frame memo was built for another rate, frame, hop or precision")
    starts, L = spectro_frame_starts(len(y), sr, frame_s, hop_ratio)
    if len(starts) == 0 or L < 1:
        return Envelope(np.zeros(0), np.zeros(0), float("nan"))
    nfft = fft_size(L, sr)
    w = matlab_hanning(L)
    x = np.concatenate([np.zeros(L + PRESILENCE_SAMPLES), np.asarray(y, np.float64), np.zeros(L)])
    rows = starts + L
    values = np.empty(len(starts))
    todo = np.arange(len(starts))
    if memo is not None:
        first = starts - PRESILENCE_SAMPLES
        inside = np.flatnonzero((first >= 0) & (first + L <= len(y)))
        keys = first[inside] + offset
        found, known = memo.lookup(keys)
        values[inside[found]] = known
        memo.reused += int(found.sum())
        missing = np.ones(len(starts), dtype=bool)
        missing[inside[found]] = False
        todo = np.flatnonzero(missing)
    single = precision == "single"
    block = MAGNITUDE_BLOCK
    buf = np.zeros((block, nfft), dtype=np.float32 if single else np.float64)
    todo_rows = rows[todo]
    fresh = np.empty(len(todo))
    for b in range(0, len(todo), block):
        m = min(block, len(todo) - b)
        window_frames(x, todo_rows[b:b + m], w, buf)
        spec = scipy.fft.rfft(buf[:m], axis=1)
        if single:
            _magnitude_sums_single(spec.view(np.float32), fresh[b:b + m])
        else:
            _magnitude_sums(spec, fresh[b:b + m])
    values[todo] = fresh
    if memo is not None:
        new = ~found
        memo.add(keys[new], values[inside[new]])
    return Envelope(values, _grid_times(starts, L, sr), _grid_rate(starts, sr))


# --- 'Filter' envelope of mirtempo -------------------------------------------------

_EAR_Q = 9.26449  # Glasberg & Moore ERB parameters, as in Slaney's Auditory Toolbox
_MIN_BW = 24.7


def gammatone_coefficients(sr: float, n_channels: int = 10, low_hz: float = 50.0):
    """Slaney's ERB gammatone filters (MakeERBFilters), ordered low → high.

    Returns (T, gain, a1, a2, num) where channel c is the cascade of four biquads
    [T, num[c, s], 0] / [1, a1[c], a2[c]], s = 0..3, the first one divided by gain[c].
    """
    T = 1.0 / sr
    k = np.arange(n_channels, 0, -1)  # reversed: MIRtoolbox orders channels low → high
    top = sr / 2.0 + _EAR_Q * _MIN_BW
    cf = -_EAR_Q * _MIN_BW + np.exp(k * (np.log(low_hz + _EAR_Q * _MIN_BW) - np.log(top))
                                    / n_channels) * top
    B = 1.019 * 2 * np.pi * (cf / _EAR_Q + _MIN_BW)
    arg = 2 * np.pi * cf * T
    decay = np.exp(-B * T)
    cos_t, sin_t = 2 * T * np.cos(arg) * decay, 2 * T * np.sin(arg) * decay
    r_plus, r_minus = np.sqrt(3 + 2 ** 1.5), np.sqrt(3 - 2 ** 1.5)
    num = np.stack([-(cos_t + r_plus * sin_t) / 2, -(cos_t - r_plus * sin_t) / 2,
                    -(cos_t + r_minus * sin_t) / 2, -(cos_t - r_minus * sin_t) / 2], axis=1)
    a1 = -2 * np.cos(arg) * decay
    a2 = np.exp(-2 * B * T)
    e4 = np.exp(4j * np.pi * cf * T)
    e2 = np.exp(-B * T + 2j * np.pi * cf * T)

    def term(sign_root):
        return -2 * e4 * T + 2 * e2 * T * (np.cos(arg) + sign_root * np.sin(arg))

    gain = np.abs(term(-r_minus) * term(r_minus) * term(-r_plus) * term(r_plus)
                  / (-2 * np.exp(-2 * B * T) - 2 * e4 + 2 * (1 + e4) * decay) ** 4)
    return T, gain, a1, a2, num


@njit(cache=True)
def _flush_tiny(state):
    """Zero filter states below 1e-250. Decaying recursions on silent input would
    otherwise reach subnormal numbers, which the CPU processes ~100x slower; values
    this small are far below any audible or numerically visible level."""
    flat = state.reshape(-1)
    for i in range(flat.shape[0]):
        if abs(flat[i]) < 1e-250:
            flat[i] = 0.0


@njit(cache=True)
def _gammatone_envelopes(x, b0, b1, a1, a2, a, step, out):
    """Per gammatone channel: |4-biquad cascade output| (direct form II transposed,
    zero initial state, as MATLAB's filter), smoothed by MATLAB's filtfilt of the one-pole
    low-pass (1−a)/(1 − a z⁻¹) (3-sample odd reflection at both ends, steady-state initial
    conditions), clipped at 0, and kept at every `step`-th sample into out (K, n_ch).

    One streaming pass, no full-rate buffer: the backward smoothing is only needed at the
    kept samples, and y_b[i] = (1−a)·Σ_{j<step} a^j·y_f[i+j] + a^step·y_b[i+step], so the
    forward pass accumulates those block sums. Channels are the inner axis (SIMD lanes);
    b0, b1: (4, n_ch), all coefficient arrays padded to the lane width with zeros.
    """
    nch = a1.shape[0]
    n = x.shape[0]
    pad = 3
    b = 1.0 - a
    powers = np.empty(step)
    powers[0] = 1.0
    for j in range(1, step):
        powers[j] = powers[j - 1] * a
    z1 = np.zeros((4, nch))
    z2 = np.zeros((4, nch))
    v = np.empty(nch)
    head = np.empty((4, nch))
    recent = np.zeros((4, nch))  # last four rectified samples, ring buffer
    zf = np.empty(nch)
    sums = np.zeros(out.shape)
    m = 0  # i // step and i % step, kept as counters (no division per sample)
    j = -1
    for i in range(n):
        j += 1
        if j == step:
            j = 0
            m += 1
        if (i & 63) == 0:
            _flush_tiny(z1)
            _flush_tiny(z2)
            if i >= 4:
                _flush_tiny(zf)
        xi = x[i]
        for c in range(nch):
            v[c] = xi
        for s in range(4):
            for c in range(nch):
                yv = b0[s, c] * v[c] + z1[s, c]
                z1[s, c] = b1[s, c] * v[c] - a1[c] * yv + z2[s, c]
                z2[s, c] = -a2[c] * yv
                v[c] = yv
        slot = i & 3
        if i >= 4:
            pj = powers[j]
            for c in range(nch):  # rectify, then the forward smoothing
                r = abs(v[c])
                recent[slot, c] = r
                yf = b * r + zf[c]
                zf[c] = a * yf
                sums[m, c] += pj * yf
            continue
        for c in range(nch):
            r = abs(v[c])
            v[c] = r
            recent[slot, c] = r
        for c in range(nch):
            head[i, c] = v[c]
        if i == 3:
            # forward pass through the left reflection, then the first four samples
            for c in range(nch):
                zf[c] = a * (2.0 * head[0, c] - head[3, c])
            for k in range(pad):
                for c in range(nch):
                    e = 2.0 * head[0, c] - head[pad - k, c]
                    zf[c] = a * (b * e + zf[c])
            for k in range(4):
                mk, jk = k // step, k % step
                for c in range(nch):
                    yf = b * head[k, c] + zf[c]
                    zf[c] = a * yf
                    sums[mk, c] += powers[jk] * yf
    # right reflection: forward, then the start of the backward pass
    last = (n - 1) & 3
    ypad = np.empty((pad, nch))
    for k in range(pad):
        older = (n - 2 - k) & 3
        for c in range(nch):
            e = 2.0 * recent[last, c] - recent[older, c]
            yf = b * e + zf[c]
            zf[c] = a * yf
            ypad[k, c] = yf
    yb = np.empty(nch)
    for c in range(nch):
        zb = a * ypad[pad - 1, c]
        for k in range(pad - 1, -1, -1):
            ybk = b * ypad[k, c] + zb
            zb = a * ybk
        yb[c] = ybk  # backward output at the first sample after the signal
    K = out.shape[0]
    tail = n - (K - 1) * step
    decay = a ** tail
    for m in range(K - 1, -1, -1):
        for c in range(nch):
            yb[c] = b * sums[m, c] + decay * yb[c]
            out[m, c] = yb[c] if yb[c] > 0.0 else 0.0
        decay = powers[step - 1] * a
        if (m & 63) == 0:
            _flush_tiny(yb)


def filter_onset_curve(y: np.ndarray, sr: float, n_channels: int = 10,
                       tau: float = 0.02, down: int = 16) -> Envelope:
    """mirtempo's onset curve: Σ over gammatone channels of the differentiated envelope,
    normalised by its maximum |value|. Empty when the audio is too short (< 4 samples
    after down-sampling)."""
    x = np.concatenate([np.zeros(PRESILENCE_SAMPLES), np.asarray(y, np.float64)])
    n_env = (len(x) + down - 1) // down
    if len(x) < 4 or n_env < 3:
        return Envelope(np.zeros(0), np.zeros(0), sr / down)
    T, gain, a1, a2, num = gammatone_coefficients(sr, n_channels)
    lanes = -(-n_channels // 8) * 8  # pad channels to whole SIMD vectors (zeros stay zero)
    b0 = np.zeros((4, lanes))
    b1 = np.zeros((4, lanes))
    a1p = np.zeros(lanes)
    a2p = np.zeros(lanes)
    b0[:, :n_channels] = T
    b0[0, :n_channels] /= gain
    b1[:, :n_channels] = num.T
    b1[0, :n_channels] /= gain
    a1p[:n_channels] = a1
    a2p[:n_channels] = a2
    env = np.zeros((n_env, lanes))
    _gammatone_envelopes(x, b0, b1, a1p, a2p, float(np.exp(-1.0 / (tau * sr))), down, env)
    env = env[:, :n_channels]
    # 'Diff' scales by rate/10 before summing; the later normalisation removes the scale
    curve = np.diff(env, axis=0).sum(axis=1) * (sr / down / 10.0)
    peak = np.max(np.abs(curve))
    if peak > 0:
        curve = curve / peak
    times = (np.arange(len(curve)) * down - PRESILENCE_SAMPLES) / sr
    return Envelope(curve, times, sr / down)
