"""Event density, pulse clarity and tempo as MIRtoolbox 1.7.2 computes them by default
(`mireventdensity`, `mirpulseclarity`, `mirtempo`); see docs/features_rhythm.md.

Each takes mono float64 audio at its native rate and returns one float. Audio too short
or too quiet for the measure gives NaN (tempo, pulse clarity) or 0 events/s; non-finite
samples give NaN.
"""

from __future__ import annotations

import numpy as np

from tmer_desktop.features.onsets import (
    Envelope,
    filter_onset_curve,
    mono_samples,
    spectro_power_envelope,
)
from tmer_desktop.features.peaks import find_peaks

__all__ = ["event_density", "event_density_of", "pulse_clarity", "pulse_clarity_of", "tempo"]

MIN_PERIOD_S = 60.0 / 200.0  # autocorrelation lags of mirtempo / mirpulseclarity: 40..200 BPM
MAX_PERIOD_S = 60.0 / 40.0
ENHANCE_FACTORS = range(2, 11)  # mirautocor 'Enhanced' default


def event_density(y: np.ndarray, sr: int) -> float:
    """Onsets per second: peaks (contrast 0.1) of the normalised Spectro power envelope,
    counted over the envelope's duration (frames / frame rate, pre-silence included)."""
    return event_density_of(spectro_power_envelope(mono_samples(y), sr))


def event_density_of(env: Envelope) -> float:
    """event_density from the clip's Spectro power envelope (spectro_power_envelope(y, sr))."""
    if len(env.values) < 2:
        return 0.0
    if not np.all(np.isfinite(env.values)):
        return float("nan")
    peak = np.max(np.abs(env.values))
    if not peak > 0:
        return 0.0
    count = len(find_peaks(env.values / peak, contrast=0.1))
    return float(count * env.rate / len(env.values))


def pulse_clarity(y: np.ndarray, sr: int) -> float:
    """'MaxAutocor': maximum of the resonance-weighted autocorrelation (lags 0.3–1.5 s)
    of the differentiated Spectro power envelope."""
    return pulse_clarity_of(spectro_power_envelope(mono_samples(y), sr))


def pulse_clarity_of(env: Envelope) -> float:
    """pulse_clarity from the clip's Spectro power envelope (the same curve as event density,
    so a caller computing both evaluates it once)."""
    if len(env.values) < 3:
        return float("nan")
    diffed = Envelope(np.diff(env.values) * (env.rate / 10.0), env.times[:-1], env.rate)
    ac = _lag_window_autocorrelation(diffed)
    if ac is None:
        return float("nan")
    coeff, lags = ac
    weighted = coeff * _resonance(lags)
    return float(np.max(weighted)) if np.all(np.isfinite(weighted)) else float("nan")


def tempo(y: np.ndarray, sr: int) -> float:
    """BPM from the highest peak of the enhanced, resonance-weighted autocorrelation of
    the gammatone onset curve (parabolic interpolation of the peak lag)."""
    curve = filter_onset_curve(mono_samples(y), sr)
    if len(curve.values) < 3 or not np.any(curve.values):
        return float("nan")
    ac = _lag_window_autocorrelation(curve)
    if ac is None:
        return float("nan")
    coeff, lags = ac
    weighted = coeff * _resonance(lags)
    if len(weighted) < 3 or not np.all(np.isfinite(weighted)):
        return float("nan")
    enhanced = _enhance(weighted, lags)
    best = find_peaks(enhanced, contrast=0.1, nobegin=True, noend=True, normalize="local",
                      total=1, x=lags, interpolate=True)
    position = best.precise_position  # asked for with interpolate=True
    if len(best) == 0 or position is None or not position[0] > 0:
        return float("nan")
    return float(60.0 / position[0])


def _lag_window_autocorrelation(curve: Envelope):
    """mirautocor of an envelope for lags 0.3..1.5 s: the mean-removed curve's raw lagged
    products (no window, no bias correction) over the lag-0 value.

    Lags are measured on the curve's own time stamps (frame centres minus the first), the
    range runs from the first stamp ≥ 0.3 s to the first stamp ≥ 1.5 s, capped at half the
    length. Returns (coefficients, lag times) or None when the range is empty.
    """
    d = np.asarray(curve.values, np.float64)
    n = len(d)
    offsets = curve.times - curve.times[0]
    lo = np.flatnonzero(offsets >= MIN_PERIOD_S)
    if len(lo) == 0:
        return None
    first = int(lo[0])
    hi = np.flatnonzero(offsets >= MAX_PERIOD_S)
    stop = int(hi[0]) + 1 if len(hi) else n
    stop = min(stop, int(np.ceil(n / 2)))
    if stop <= first:
        return None
    s = d - d.mean()
    energy = float(np.dot(s, s))
    if not energy > 0:
        return None
    raw = _lagged_products(s, stop)
    return raw[first:stop] / energy, offsets[first:stop]


def _lagged_products(s: np.ndarray, n_lags: int) -> np.ndarray:
    """Σ_n s[n]·s[n+k] for k = 0..n_lags-1 (direct for small sizes, else via FFT)."""
    n = len(s)
    if n * n_lags <= 2_000_000:
        return np.array([np.dot(s[: n - k], s[k:]) for k in range(n_lags)])
    size = 1 << int(np.ceil(np.log2(2 * n - 1)))
    spec = np.fft.rfft(s, size)
    return np.fft.irfft(spec * np.conj(spec), size)[:n_lags]


def _resonance(lags: np.ndarray) -> np.ndarray:
    """Toiviainen & Snyder resonance curve around 0.5 s, normalised to a maximum of 1."""
    w = np.maximum(1.0 - 0.25 * np.log2(np.maximum(lags, 1e-12) / 0.5) ** 2, 0.0)
    top = np.max(w)
    return w / top if top > 0 else np.ones_like(w)


def _enhance(c: np.ndarray, t: np.ndarray) -> np.ndarray:
    """mirautocor 'Enhanced' 2..10 (Tolonen & Karjalainen, MIRtoolbox variant).

    The curve is lowered by its highest valley under its lowest peak, its initial
    slope is cut (falling) or extended to zero (rising), then time-compressed copies by
    each factor are subtracted with half-wave rectification; the level is restored.
    """
    peaks = find_peaks(c, contrast=0.01, nobegin=True, noend=True)
    valleys = find_peaks(c, contrast=0.01, valleys=True)
    shift = None
    if len(peaks):
        below = valleys.value[valleys.value < peaks.value.min()]
        if len(below):
            shift = float(below.max())
    work = c - shift if shift is not None else c.copy()
    tw = t.copy()
    step_t = t[1] - t[0]
    slope = work[1] - work[0]
    cut = added = 0
    if slope < 0:
        rising = np.flatnonzero(np.diff(work) > 0)
        cut = int(rising[0]) if len(rising) else 0
        work, tw = work[cut:], tw[cut:]
        slope = work[1] - work[0] if len(work) > 1 else 0.0
    if slope > 0:
        head_c, head_t = [], []
        level, when = work[0], tw[0]
        while level > 0:
            slope *= 1.1  # MIRtoolbox steepens the extension as it goes left
            level -= slope
            when -= step_t
            head_c.append(level)
            head_t.append(when)
            added += 1
        work = np.concatenate([head_c[::-1], work])
        tw = np.concatenate([head_t[::-1], tw])
        work[0] = 0.0
    for factor in ENHANCE_FACTORS:
        usable = np.flatnonzero((tw != 0) & (tw / factor >= tw[0]))
        if len(usable) == 0:
            continue
        scaled = np.interp(tw / factor, tw, work, left=np.nan, right=np.nan)
        scaled[: usable[0]] = 0.0
        scaled[np.isnan(scaled)] = np.inf
        work = np.maximum(work - np.maximum(scaled, 0.0), 0.0)
    if added >= cut:
        out = work[added - cut:]
        if shift is not None:
            out = out + shift
    else:
        out = np.concatenate([np.zeros(cut - added), work])
    return out
