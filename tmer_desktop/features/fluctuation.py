"""mirfluctuation (MIR_FEATURES.md §3.7): Pampalk-style rhythm pattern, mean over all
Bark band x modulation frequency cells."""

from __future__ import annotations

import numpy as np
from scipy import fft as sfft

from tmer_desktop.features.framing import frame_grid
from tmer_desktop.features.spectrum import grid_spectra, next_pow2

FRAME_S = 0.023
FRAME_RATE = 80.0
MAX_MOD_HZ = 10.0
BARK_UPPER = np.array([100, 200, 300, 400, 510, 630, 770, 920, 1080, 1270, 1480, 1720, 2000,
                       2320, 2700, 3150, 3700, 4400, 5300, 6400, 7700, 9500, 12000, 15500], float)


def terhardt_weights(f: np.ndarray) -> np.ndarray:
    """Outer-ear power weights 10^(A(f)/10); 0 at DC."""
    w = np.zeros_like(f)
    fk = f[1:] / 1000.0
    a_db = -3.64 * fk ** -0.8 + 6.5 * np.exp(-0.6 * (fk - 3.3) ** 2) - 0.001 * fk ** 4
    w[1:] = (10.0 ** (a_db / 20)) ** 2
    return w


def bark_band_matrix(f: np.ndarray, sr: float) -> np.ndarray:
    """0/1 matrix (bands x bins): bin to the first band whose upper edge >= f; bands above
    sr/2 beyond the first are ignored, bins above the last used edge are dropped."""
    above = np.flatnonzero(BARK_UPPER > sr / 2)
    cb = int(above[0]) + 1 if above.size else len(BARK_UPPER)
    band = np.searchsorted(BARK_UPPER[:cb], f, side="left")
    M = np.zeros((cb, f.size))
    ok = band < cb
    M[band[ok], np.flatnonzero(ok)] = 1.0
    return M


def spreading_matrix(cb: int) -> np.ndarray:
    d = np.arange(cb)[:, None] - np.arange(cb)[None, :] + 0.474
    return 10.0 ** ((15.81 + 7.5 * d - 17.5 * np.sqrt(1 + d * d)) / 10)


def band_power_spectra(spectra: tuple[np.ndarray, np.ndarray], sr: float) -> np.ndarray:
    """Masked Bark-band power (frames x bands, linear) from (power spectra, bin frequencies);
    linear in the signal's power, so a level change is a factor here."""
    P, f = spectra
    B = (P * terhardt_weights(f)) @ bark_band_matrix(f, sr).T
    return B @ spreading_matrix(B.shape[1]).T


def band_db(B: np.ndarray) -> np.ndarray:
    return 10 * np.log10(B + 1e-16)


def band_db_spectra(spectra: tuple[np.ndarray, np.ndarray], sr: float) -> np.ndarray:
    """Masked Bark-band dB values from (power spectra frames x bins, bin frequencies)."""
    return band_db(band_power_spectra(spectra, sr))


def fluctuation_grid(n_samples: int, sr: float):
    return frame_grid(n_samples, sr, FRAME_S, hop_rate=FRAME_RATE)


def fluctuation_from_bands(db: np.ndarray, starts: np.ndarray, L: int, sr: float) -> float:
    """Mean fluctuation from the band dB series (frames x bands) and their frame starts."""
    n = db.shape[0]
    if n < 1:
        return float("nan")
    n_fft = next_pow2(max(n, FRAME_RATE / 0.01))
    spec = np.abs(sfft.rfft(np.ascontiguousarray(db.T), n_fft, axis=1))
    fm = np.arange(spec.shape[1]) * (FRAME_RATE / n_fft)
    keep = fm <= MAX_MOD_HZ
    spec, fm = spec[:, keep], fm[keep]
    # MIRtoolbox: last sample of the last frame minus first sample of the first, in seconds
    duration = (starts[-1] + L - 1 - starts[0]) / sr
    spec = spec / duration
    w = np.maximum(0.0, np.minimum(fm / 4, 1 - 0.3 * (fm - 4) / 6))
    return float(np.mean(spec * w[None, :]))


def fluctuation(y: np.ndarray, sr: float) -> float:
    grid = fluctuation_grid(len(y), sr)
    if grid.count == 0:
        return float("nan")
    db = band_db_spectra(grid_spectra(y, grid, sr, power=True), sr)
    return fluctuation_from_bands(db, grid.starts, grid.length, sr)
