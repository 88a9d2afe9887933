"""Whole-signal features: RMS, zero-crossing rate, low energy, and the descriptors of the one
whole-excerpt magnitude spectrum (MIR_FEATURES.md §3.1-3.4)."""

from __future__ import annotations

import numpy as np

from tmer_desktop.features.framing import frame_grid, frame_rows

NAN = float("nan")


def rms(y: np.ndarray) -> float:
    """mirrms: MIRtoolbox divides the energy by N - 1 (its stored length), not N."""
    n = len(y)
    if n < 2:
        return NAN
    return float(np.sqrt(np.dot(y, y) / (n - 1)))


def zero_crossing_rate(y: np.ndarray, sr: float) -> float:
    """Sign changes per second, one direction (half of all strict sign changes)."""
    n = len(y)
    if n < 2:
        return NAN
    changes = np.count_nonzero(y[1:] * y[:-1] < 0)
    return float(changes / n * sr / 2)


def frame_rms(y: np.ndarray, sr: float, seconds: float = 0.05, hop_ratio: float = 0.5) -> np.ndarray:
    """RMS of each 50 ms frame (hop half a frame) on the mirframe grid."""
    grid = frame_grid(len(y), sr, seconds, hop_ratio)
    if grid.count == 0:
        return np.zeros(0)
    F = frame_rows(y, grid)
    return np.sqrt(np.einsum("ij,ij->i", F, F) / grid.length)


def low_energy_from_rms(e: np.ndarray) -> float:
    if e.size == 0:
        return NAN
    return float(np.count_nonzero(e < np.mean(e)) / e.size)


def low_energy(y: np.ndarray, sr: float) -> float:
    """mirlowenergy: fraction of 50 ms frames whose RMS is below the mean frame RMS."""
    return low_energy_from_rms(frame_rms(y, sr))


def spectral_descriptors(m: np.ndarray, f: np.ndarray) -> dict[str, float]:
    """Brightness, rolloff, centroid (with MIRtoolbox's entropy blanking), spread, skewness,
    kurtosis, flatness and entropy of one magnitude spectrum m at frequencies f.

    A silent spectrum (all zeros) gives NaN for every ratio MIRtoolbox divides by zero in.
    """
    out = dict.fromkeys(("Brightness", "Rolloff", "Centroid", "Spread", "Skewness", "Kurtosis",
                         "Flatness", "Entropy"), NAN)
    K = m.size
    if K == 0:
        return out
    total = float(np.sum(m))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out["Brightness"] = float(np.sum(m[f > 1500.0]) / total) if total > 0 else NAN
        if total > 0:
            cs = np.cumsum(m)
            k = int(np.argmax(cs >= 0.85 * cs[-1]))
            out["Rolloff"] = float(f[k])
        w = m + np.min(m)
        ws = np.sum(w)
        if ws > 0:
            p = w / ws
            mu = float(np.dot(f, p))
            dev = f - mu
            d2 = dev * dev
            d2p = d2 * p
            var = float(np.sum(d2p))
            sd = np.sqrt(var)
            out["Spread"] = float(sd)
            if sd > 0:
                out["Skewness"] = float(np.dot(d2p, dev) / sd ** 3)
                out["Kurtosis"] = float(np.dot(d2p, d2) / sd ** 4)
            centroid = mu
        else:
            centroid = NAN
        if total > 0:
            geo = np.exp(np.mean(np.log(m)))
            flat = geo / (total / K)
            out["Flatness"] = 0.0 if np.isinf(flat) else float(flat)
            q = m / (total + 1e-12)
            out["Entropy"] = float(-np.sum(q * np.log(q + 1e-12)) / np.log(K)) if K > 1 else NAN
        # mircentroid blanks the centroid of noise-like spectra (entropy above 0.95)
        ent = out["Entropy"]
        out["Centroid"] = NAN if (np.isnan(ent) or ent > 0.95) else centroid
    return out
