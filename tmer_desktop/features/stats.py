"""mirstat: the six statistics MIRtoolbox exports for a framewise curve (MIR_FEATURES.md §2.5)."""

from __future__ import annotations

import numpy as np
from scipy import signal

STAT_NAMES = ("Mean", "Std", "Slope", "PeriodFreq", "PeriodAmp", "PeriodEntropy")


def mean(d: np.ndarray) -> float:
    d = np.asarray(d, dtype=np.float64)
    d = d[~np.isnan(d)]
    return float(np.mean(d)) if d.size else float("nan")


def std(d: np.ndarray) -> float:
    d = np.asarray(d, dtype=np.float64)
    d = d[~np.isnan(d)]
    return float(np.std(d, ddof=1)) if d.size > 1 else float("nan")


def slope(d: np.ndarray) -> float:
    """Least-squares slope of the standardised curve against linspace(0, 1, n) - 0.5."""
    d = np.asarray(d, dtype=np.float64)
    n = d.size
    keep = ~np.isnan(d)
    if keep.sum() < 2:
        return float("nan")
    m, s = mean(d), std(d)
    if not s > 0:
        return float("nan")
    t = (np.linspace(0.0, 1.0, n) - 0.5)[keep]
    z = (d[keep] - m) / s
    return float(np.sum(z * t) / np.sum(t * t))


def _autocorrelation(d: np.ndarray) -> np.ndarray:
    """xcorr(d, d) of the raw curve for lags 0..n-1, divided by lag 0."""
    r = signal.correlate(d, d, mode="full", method="direct")[d.size - 1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        return r / r[0]


def period(d: np.ndarray, hop_seconds: float) -> tuple[float, float, float]:
    """(PeriodFreq, PeriodAmp, PeriodEntropy) of a uniformly sampled curve."""
    d = np.asarray(d, dtype=np.float64)
    if d.size < 2 or np.any(np.isnan(d)):
        return float("nan"), float("nan"), float("nan")
    r = _autocorrelation(d)
    if not np.all(np.isfinite(r)):
        return float("nan"), float("nan"), float("nan")
    a = np.abs(r)
    q = a / np.sum(a)
    entropy = float(-np.sum(q * np.log(q + 1e-12)) / np.log(d.size))
    rising = np.flatnonzero(np.diff(r) > 0)
    if rising.size == 0:
        return float("nan"), float("nan"), entropy
    rr = r.copy()
    rr[: rising[0] + 1] = 0.0
    k = int(np.argmax(rr))
    return float(1.0 / (k * hop_seconds)), float(rr[k]), entropy


def mirstat(d: np.ndarray, hop_seconds: float) -> dict[str, float]:
    freq, amp, ent = period(d, hop_seconds)
    return {"Mean": mean(d), "Std": std(d), "Slope": slope(d),
            "PeriodFreq": freq, "PeriodAmp": amp, "PeriodEntropy": ent}
