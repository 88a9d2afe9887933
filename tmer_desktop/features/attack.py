"""Attack time as MIRtoolbox 1.7.2's `mirattacktime` computes it by default
(`_AttackTime_Mean`, `_AttackTime_Slope`); see docs/features_rhythm.md.

Peaks of the fine 30 ms magnitude onset curve mark attack ends; valleys of the coarse
100 ms power onset curve (the curve of `mironsets` defaults) mark where attacks may
start. Each valley is paired with the next peak, then the attack phase is tightened with
the 'Derivate' rules. The exported statistics are the mean and the mirstat slope of the
attack durations.
"""

from __future__ import annotations

import numpy as np

from tmer_desktop.features import stats
from tmer_desktop.features.onsets import (
    MagnitudeFrameMemo,
    chunk_plan,
    mono_samples,
    spectro_magnitude_envelope,
    spectro_power_envelope,
)
from tmer_desktop.features.peaks import find_peaks

__all__ = ["attack_time", "attack_phases"]

PEAK_CONTRAST = 0.05  # mironsets 'Attack' default contrast
VALLEY_THRESHOLD = 0.5
END_SLOPE_RATIO = 0.075  # attack ends after the last step steeper than this × max step
START_SLOPE_RATIO = 0.1  # attack starts after the first step steeper than this × max step


def attack_time(y: np.ndarray, sr: int, memo: MagnitudeFrameMemo | None = None,
                offset: int = 0) -> tuple[float, float]:
    """(mean, slope) of the attack durations in seconds; NaN where undefined
    (no attack: both NaN; one attack or equal durations: slope NaN).
    memo, offset: fine-curve frames shared with overlapping windows of one block
    (onsets.MagnitudeFrameMemo; exact)."""
    starts, ends = attack_phases(y, sr, memo=memo, offset=offset)
    if len(starts) == 0:
        return float("nan"), float("nan")
    durations = ends - starts
    return stats.mean(durations), stats.slope(durations)


def attack_phases(y: np.ndarray, sr: int, precision: str = "single",
                  memo: MagnitudeFrameMemo | None = None,
                  offset: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Start and end times (s, relative to the audio start) of each detected attack.
    precision, memo, offset: of the fine curve (see onsets.spectro_magnitude_envelope)."""
    y = mono_samples(y)
    fine = spectro_magnitude_envelope(y, sr, precision=precision, memo=memo, offset=offset)
    coarse = spectro_power_envelope(y, sr, plan=chunk_plan(len(y), sr, 0.03, 0.02))
    if len(fine.values) < 3 or len(coarse.values) < 3:
        return np.zeros(0), np.zeros(0)
    fine_top = np.max(np.abs(fine.values))
    coarse_top = np.max(np.abs(coarse.values))
    if not (fine_top > 0 and coarse_top > 0):
        return np.zeros(0), np.zeros(0)
    d = fine.values / fine_top
    t = fine.times
    peaks = find_peaks(d, contrast=PEAK_CONTRAST, nobegin=True, noend=True,
                       order="abscissa").index
    valleys = find_peaks(coarse.values / coarse_top, contrast=PEAK_CONTRAST,
                         threshold=VALLEY_THRESHOLD, valleys=True, noend=True,
                         order="abscissa")
    valley_times = coarse.times[valleys.index]
    if len(peaks) == 0:
        return np.zeros(0), np.zeros(0)
    # a valley opens an attack at the first fine frame stamped at or after it
    valley_idx = np.searchsorted(t, valley_times, side="left")
    pairs = _pair(d, list(peaks), [int(v) for v in valley_idx])
    st = np.array([_refine(d, s, e) for s, e in pairs], dtype=np.int64).reshape(-1, 2)
    return t[st[:, 0]], t[st[:, 1]]


def _pair(d: np.ndarray, peaks: list, valleys: list) -> list:
    """(start index, peak index) per attack: each valley with the first peak strictly
    after it; of several valleys before a peak only the last one counts."""
    if valleys and valleys[0] > peaks[0]:
        # the first peak has no valley before it: start where its final rise begins
        rise = np.diff(d[: peaks[0]])
        flat = np.flatnonzero(rise <= 0)
        valleys = [int(flat[-1]) + 1 if len(flat) else 0] + valleys
    pairs = []
    i = 0
    while i < len(valleys) and i < len(peaks):
        later = next((k for k in range(i, len(peaks)) if peaks[k] > valleys[i]), None)
        if later is not None and later > i:  # peaks before this valley are dropped
            del peaks[i:later]
        after = next((k for k in range(i, len(valleys)) if valleys[k] >= peaks[i]), None)
        if after is not None and after > i + 1:  # keep only the last valley before the peak
            del valleys[i:after - 1]
        pairs.append((min(valleys[i], peaks[i]), peaks[i]))
        i += 1
    return pairs


def _refine(d: np.ndarray, s: int, e: int) -> tuple[int, int]:
    """The 'Derivate' tightening of the attack [s, e] (indices into d)."""
    if e - s < 1:
        return s, e
    steps = np.diff(d[s:e + 1])
    rising = np.flatnonzero(steps > 0)
    if len(rising):
        s += int(rising[0])  # skip the initial non-rising part
    seg = d[s:e + 1]
    if len(seg) > 2:
        # the last dip inside the attack that lies below its start level
        ds = np.diff(seg)
        dips = np.flatnonzero((ds[:-1] < 0) & (ds[1:] >= 0)) + 1
        dips = dips[seg[dips] < seg[0]]
        if len(dips):
            s += int(dips[-1])
    seg = d[s:e + 1]
    if len(seg) < 2:
        return s, e
    ds = np.diff(seg)
    rise = d[e] - d[s]
    stop = np.flatnonzero((ds <= 0) & (seg[:-1] - seg[0] > rise / 5.0))
    if len(stop):
        e = s + int(stop[0])  # end at the first halt once a fifth of the rise is done
    ds = np.diff(d[s:e + 1])
    if len(ds) == 0:
        return s, e
    top = int(np.argmax(ds))
    steep_after = np.flatnonzero(ds[top + 1:] > ds[top] * END_SLOPE_RATIO)
    e_new = s + (top + 1 + int(steep_after[-1]) if len(steep_after) else len(ds) - 1)
    steep_before = np.flatnonzero(ds[:top] > ds[top] * START_SLOPE_RATIO)
    s_new = s + (int(steep_before[0]) + 1 if len(steep_before) else 1)
    return s_new, e_new
