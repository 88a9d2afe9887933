"""mirmfcc on the whole-excerpt magnitude spectrum (MIR_FEATURES.md §3.5): 40 triangular
bands in Slaney's Auditory Toolbox layout on |FFT|, log10, orthonormal DCT-II, ranks 1..13."""

from __future__ import annotations

import numpy as np
from scipy import fft as sfft

N_BANDS = 40
N_COEFFS = 13


def band_edges() -> np.ndarray:
    """The 42 edge frequencies F_0..F_41 (13 linear bands, then logarithmic)."""
    lin = 133.3333 + np.arange(13) * 66.66666666
    log = lin[12] * 1.0711703 ** np.arange(1, N_BANDS - 13 + 3)
    return np.concatenate([lin, log])


def mel_band_energies(m: np.ndarray, f: np.ndarray) -> np.ndarray:
    """E_j = sum_k W_jk m_k + 1e-16 for the 40 unit-area triangles (only their bins are read)."""
    F = band_edges()
    E = np.empty(N_BANDS)
    for j in range(N_BANDS):
        lo, ce, up = F[j], F[j + 1], F[j + 2]
        height = 2.0 / (up - lo)
        a = np.searchsorted(f, lo, side="right")  # first f > lo
        b = np.searchsorted(f, ce, side="right")  # first f > ce
        c = np.searchsorted(f, up, side="left")  # first f >= up
        rise = (f[a:b] - lo) / (ce - lo)
        fall = (up - f[b:c]) / (up - ce)
        E[j] = height * (np.dot(rise, m[a:b]) + np.dot(fall, m[b:c])) + 1e-16
    return E


def mfcc(m: np.ndarray, f: np.ndarray) -> np.ndarray:
    """MFCC ranks 1..13 of one magnitude spectrum (NaN for a silent spectrum)."""
    if m.size == 0 or not np.max(m) > 0:
        return np.full(N_COEFFS, np.nan)
    E = mel_band_energies(m, f)
    return sfft.dct(np.log10(E), type=2, norm="ortho")[1:N_COEFFS + 1]
