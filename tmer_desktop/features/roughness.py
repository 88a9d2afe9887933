"""mirroughness 1.7.2 (Sethares model, MIR_FEATURES.md §3.8): peaks of the 50 ms magnitude
spectrogram (contrast 0.01, normalised over the whole spectrogram), pairwise dissonance."""

from __future__ import annotations

import numpy as np
from numba import njit

from tmer_desktop.features.framing import frame_grid
from tmer_desktop.features.peaks import peak_indices_rows
from tmer_desktop.features.spectrum import grid_spectra

FRAME_S = 0.05
HOP = 0.5
CONTRAST = 0.01


@njit(cache=True)
def _pair_sum(freqs, amps, bounds):
    out = np.zeros(bounds.shape[0] - 1)
    for c in range(bounds.shape[0] - 1):
        a, b = bounds[c], bounds[c + 1]
        total = 0.0
        for i in range(a, b):
            for j in range(i + 1, b):
                fi, fj = freqs[i], freqs[j]
                fmin = fi if fi < fj else fj
                df = abs(fi - fj)
                s = 0.24 / (0.0207 * fmin + 18.96)
                total += amps[i] * amps[j] * (np.exp(-3.51 * s * df) - np.exp(-5.75 * s * df))
        out[c] = total
    return out


def spectrogram(y: np.ndarray, sr: float):
    """(magnitudes frames x bins, bin frequencies, frame grid) of 50 ms frames, hop 25 ms."""
    grid = frame_grid(len(y), sr, FRAME_S, HOP)
    S, f = grid_spectra(y, grid, sr)
    return S, f, grid


def roughness_curve(S: np.ndarray, f: np.ndarray) -> np.ndarray:
    """Roughness of each frame of a magnitude spectrogram (frames x bins); peaks are picked
    with the normalisation over this whole spectrogram, as MIRtoolbox does."""
    if S.shape[0] == 0:
        return np.zeros(0)
    idx, rows = peak_indices_rows(S, CONTRAST)
    counts = np.bincount(rows, minlength=S.shape[0])
    bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return _pair_sum(f[idx], S[rows, idx], bounds)
