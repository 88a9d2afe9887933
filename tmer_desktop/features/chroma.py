"""mirchromagram (1.7.2 semantics) and mirhcdf (MIR_FEATURES.md §3.6, §3.9, §2.7).

The chromagram is computed on the signal rescaled to [0, 1], Hamming-windowed, bins
100..6400 Hz in dB with a 20 dB floor relative to the maximum over all frames of the
(MIRtoolbox memory) chunk, averaged per semitone band, wrapped into 12 classes and normalised
by the maximum. HCDF frames (0.743 s, hop 10 %) are processed in MIRtoolbox's chunks so that
its per-chunk dB maximum, its one-sample shifts of the frame grid and its dropped last frame
are reproduced.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numba import njit
from scipy import fft as sfft

from tmer_desktop.features.framing import frame_grid
from tmer_desktop.features.spectrum import hamming, next_pow2

C4 = 261.6256
F_LOW = 100.0
F_HIGH = 6400.0  # 100 * 2^k, the first such value >= 5000 Hz
DB_RANGE = 20.0
CHUNK_LIMIT = 5e6  # mirchunklim default
HCDF_FRAME_S = 0.743
HCDF_HOP = 0.1


def chroma_fft_size(L: int, sr: float) -> int:
    """Power of two >= max(L, sr / (fmin * 0.85 * (2^(1/12) - 1)))."""
    return next_pow2(max(L, sr / (F_LOW * 0.85 * (2 ** (1 / 12) - 1))))


def matlab_round(x: np.ndarray) -> np.ndarray:
    """MATLAB round: halves away from zero."""
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


class _Layout:
    """Bin selection and semitone bands for one (N, sr), shared by every frame."""

    def __init__(self, n_fft: int, sr: float):
        k = np.arange(n_fft // 2 + 1)
        f = k * (sr / n_fft)
        keep = np.flatnonzero((f >= F_LOW) & (f <= F_HIGH))
        self.valid = keep.size >= 2
        if not self.valid:
            return
        self.k0, self.k1 = int(keep[0]), int(keep[-1]) + 1  # bins used for the dB maximum
        fk = f[self.k0:self.k1]
        fmin, fmax = fk[0], fk[-1]
        top = fmin * 2.0 ** np.floor(np.log2(fmax / fmin))
        n_oct = int(np.count_nonzero(fk <= top))
        fo = fk[:n_oct]
        c = matlab_round(12 * np.log2(fo / C4)).astype(int)
        semis = np.arange(c.min(), c.max() + 1)
        fc = C4 * 2.0 ** (semis / 12)
        fl = C4 * 2.0 ** ((semis - 1) / 12)
        fr = C4 * 2.0 ** ((semis + 1) / 12)
        lo = fc - 0.5 * (fc - fl)
        hi = fc + 0.5 * (fr - fc)
        self.starts = np.searchsorted(fo, lo, side="right")  # first f > lo
        self.stops = np.searchsorted(fo, hi, side="left")  # first f >= hi
        self.semis = semis
        self.n_oct = n_oct
        self.classes = np.mod(semis, 12)

    def chroma(self, D: np.ndarray) -> np.ndarray:
        """Wrapped chroma (12 x frames) from floored dB values D (kept bins x frames)."""
        Do = D[: self.n_oct]
        cs = np.vstack([np.zeros((1, Do.shape[1])), np.cumsum(Do, axis=0)])
        counts = (self.stops - self.starts)[:, None]
        with np.errstate(invalid="ignore", divide="ignore"):
            bands = (cs[self.stops] - cs[self.starts]) / counts
        bands[0] *= 0.5
        bands[-1] *= 0.5
        out = np.zeros((12, Do.shape[1]))
        np.add.at(out, self.classes, bands)
        return out


@lru_cache(maxsize=8)
def _layout(n_fft: int, sr: float) -> _Layout:
    return _Layout(n_fft, sr)


def _floored_db(mag: np.ndarray) -> np.ndarray:
    """20 dB floor relative to the maximum over everything given (bins x frames)."""
    D = 20 * np.log10(mag + 1e-16)
    D = D - np.max(D)
    return DB_RANGE + np.maximum(D, -DB_RANGE)


@lru_cache(maxsize=8)
def _window_spectrum(n_fft: int, L: int, k0: int, k1: int) -> np.ndarray:
    """rfft of the zero-padded symmetric Hamming window of length L at bins k0..k1-1, in
    closed form: 0.54 G(t) - 0.23 (G(t - p) + G(t + p)) with the geometric sums
    G(t) = (1 - e^{-itL}) / (1 - e^{-it}), t = 2 pi k / N, p = 2 pi / (L - 1). Phases are
    reduced with exact integer arithmetic; e^{i p L} = e^{i p}. Cached: every window of a
    timeline has the same L and N."""
    k = np.arange(k0, k1, dtype=np.int64)
    e_full = np.exp(-2j * np.pi * (((k * L) % n_fft) / n_fft))
    e_one = np.exp(-2j * np.pi * (k / n_fft))
    c = np.exp(2j * np.pi / (L - 1))
    g0 = (1 - e_full) / (1 - e_one)
    gm = (1 - e_full * c) / (1 - e_one * c)
    gp = (1 - e_full / c) / (1 - e_one / c)
    W = 0.54 * g0 - 0.23 * (gm + gp)
    W.setflags(write=False)
    return W


def whole_chromagram(y: np.ndarray, sr: float, X: np.ndarray | None = None) -> np.ndarray:
    """12 chroma values (C..B) of the whole signal, max-normalised.

    X may be the plain windowed rfft of y at the mirspectrum size; when that size equals the
    chromagram's, the spectrum of the [0,1]-rescaled signal is derived from it by linearity
    instead of a second FFT.
    """
    L = len(y)
    if L < 2:
        return np.full(12, np.nan)
    lo, hi = float(np.min(y)), float(np.max(y))
    if not hi > lo:
        return np.full(12, np.nan)  # constant signal: MIRtoolbox's rescaling divides by 0
    n_fft = chroma_fft_size(L, sr)
    lay = _layout(n_fft, sr)
    if not lay.valid:
        return np.full(12, np.nan)
    if X is not None and (len(X) - 1) * 2 == n_fft:
        W = _window_spectrum(n_fft, L, lay.k0, lay.k1)
        Z = (X[lay.k0:lay.k1] - lo * W) / (hi - lo)
    else:
        Z = sfft.rfft((y - lo) / (hi - lo) * hamming(L), n_fft)[lay.k0:lay.k1]
    D = _floored_db(np.abs(Z))[:, None]
    c = lay.chroma(D)[:, 0]
    return c / (np.max(c) + 1e-6)


# Tonal centroid projection (Harte et al. 2006), rows: fifths, minor thirds, major thirds.
_K = np.arange(12)
PHI = np.vstack([
    np.sin(_K * 7 * np.pi / 6), np.cos(_K * 7 * np.pi / 6),
    np.sin(_K * 3 * np.pi / 2), np.cos(_K * 3 * np.pi / 2),
    0.5 * np.sin(_K * 2 * np.pi / 3), 0.5 * np.cos(_K * 2 * np.pi / 3),
])


def hcdf_chunks(n_samples: int, sr: float, overlap: int = 1) -> list[tuple[int, int]]:
    """MIRtoolbox's chunk decomposition for the HCDF frames: (first, last) sample of each
    chunk, last inclusive. One chunk (0, n-1) when under the memory limit."""
    fl = HCDF_FRAME_S * sr
    h = HCDF_HOP * fl
    L = int(np.floor(fl))
    n = int(np.floor((n_samples - fl) / h)) + 1
    if n < 1 or L < 2:
        return [(0, n_samples - 1)]
    st = np.floor(np.arange(n) * h).astype(np.int64)
    en = st + L - 1
    keep = en <= n_samples - 1
    st, en = st[keep], en[keep]
    if (L - 1) * n <= CHUNK_LIMIT or st.size == 0:
        return [(0, n_samples - 1)]
    nfr = st.size
    frch = max(int(np.ceil(CHUNK_LIMIT / (L - 1))), 2, 2 * overlap)
    nch = int(np.ceil((nfr - frch) / (frch - overlap))) + 1
    chbeg = [(frch - overlap) * i for i in range(nch)]
    chend = [min((frch - overlap) * i + frch - 1, nfr - 1) for i in range(nch)]
    if nch > 1 and chend[-1] == chbeg[-1]:
        nend = int(np.floor((L - fl) / h)) + 1  # frames of a one-frame last chunk
        if nend < 2:
            chend[-2] = chend[-1]
            del chbeg[-1], chend[-1]
    chunks = [(int(st[b]), int(en[e]) + 1) for b, e in zip(chbeg, chend)]
    chunks[-1] = (chunks[-1][0], min(chunks[-1][1], int(en[-1])))
    return chunks


def hcdf_curve(y: np.ndarray, sr: float) -> tuple[np.ndarray, float]:
    """Framewise HCDF values and the mirstat hop (seconds)."""
    out = []
    hop_s = np.floor(HCDF_HOP * HCDF_FRAME_S * sr) / sr
    for a, b in hcdf_chunks(len(y), sr):
        seg = y[a:b + 1]
        grid = frame_grid(len(seg), sr, HCDF_FRAME_S, HCDF_HOP)
        if grid.count < 2:
            continue
        out.append(_hcdf_chunk(seg, grid, sr))
    if not out:
        return np.zeros(0), hop_s
    return np.concatenate(out), hop_s


@njit(cache=True)
def _window_frames(seg, starts, w, buf, lo, hi):
    """Hamming-windowed frames into buf (rows), with each frame's min and max, in one pass."""
    L = w.shape[0]
    for i in range(starts.shape[0]):
        s0 = starts[i]
        mn = np.inf
        mx = -np.inf
        for k in range(L):
            v = seg[s0 + k]
            if v < mn:
                mn = v
            if v > mx:
                mx = v
            buf[i, k] = v * w[k]
        lo[i] = mn
        hi[i] = mx


_BATCH = 8  # frames per FFT batch: a small work buffer (2 MB at 44.1 kHz) stays in cache


def _hcdf_chunk(seg: np.ndarray, grid, sr: float) -> np.ndarray:
    """HCDF values of the frames of one chunk (seg = the chunk's samples)."""
    n, L = grid.count, grid.length
    n_fft = chroma_fft_size(L, sr)
    lay = _layout(n_fft, sr)
    if not lay.valid:
        return np.full(n - 1, np.nan)
    w = hamming(L)
    W = _window_spectrum(n_fft, L, lay.k0, lay.k1)
    mag = np.empty((n, lay.k1 - lay.k0))
    buf = np.zeros((min(n, _BATCH), n_fft))
    with np.errstate(invalid="ignore", divide="ignore"):
        for b0 in range(0, n, _BATCH):
            starts = grid.starts[b0:b0 + _BATCH]
            m = len(starts)
            lo = np.empty((m, 1))
            hi = np.empty((m, 1))
            _window_frames(seg, starts, w, buf, lo[:, 0], hi[:, 0])
            X = sfft.rfft(buf[:m], axis=1)[:, lay.k0:lay.k1]
            # spectrum of each frame rescaled to [0, 1], by linearity of the FFT
            mag[b0:b0 + m] = np.abs(X - lo * W) / (hi - lo)
        if np.all(np.isnan(mag)):
            return np.full(n - 1, np.nan)
        D = 20 * np.log10(mag + 1e-16)
        D = DB_RANGE + np.maximum(D - np.nanmax(D), -DB_RANGE)
        C = lay.chroma(D.T)
        C = C / (np.max(C, axis=0, keepdims=True) + 1e-6)
    T = PHI @ C
    return np.sqrt(np.sum(np.diff(T, axis=1) ** 2, axis=0))
