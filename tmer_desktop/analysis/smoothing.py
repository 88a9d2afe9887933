"""A timeline a person can read: the window probabilities smoothed over time, and its stretches of mood.

The fine timeline's windows (30 s, 5 s hop) share 25 of their 30 s with their neighbours, so a
window whose best emotion differs from both neighbours is the model hesitating, not the music
changing. `smooth` turns the (n, 4) window probabilities of one track, in time order, into
smoothed ones of the same shape; `segments` cuts a label sequence into stretches of one mood and
`boundaries` gives the times where the mood really changes.

Three families of smoothers were measured (benchmarks/timeline_smoothing.py): a centred mean
and a centred median of the probabilities over a span of seconds, and a sticky hidden-Markov
model (forward-backward posteriors with probability `stay` of keeping the mood from one window
to the next, the window probabilities as emissions). `DEFAULT`, the one the benchmark chose
without the dev set's labels (docs/model.md, "Timeline smoothing"), is the median over 30 s: seven
windows at a 5 s hop, so a flip of up to three windows disappears and a change that lasts longer
stays where it happens. Everything here is pure numpy on arrays: what is stored
in the library and exported stays the raw windows; the interface smooths for display.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

METHODS = ("none", "mean", "median", "hmm")


@dataclass(frozen=True)
class Smoother:
    """method: "none", "mean", "median" (span in seconds) or "hmm" (stay: per 5 s step)."""

    method: str = "none"
    span: float = 0.0  # seconds covered by the mean / median filter (centred)
    stay: float = 0.0  # hmm: probability of keeping the mood over one 5 s step

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown smoothing method {self.method!r}; choose from {', '.join(METHODS)}")
        if self.method == "hmm" and not 0.0 < self.stay < 1.0:
            raise ValueError(f"the hmm's stay probability must be between 0 and 1, not {self.stay}")
        if self.method in ("mean", "median") and self.span < 0:
            raise ValueError(f"the smoothing span must not be negative, not {self.span}")

    @property
    def name(self) -> str:
        if self.method == "hmm":
            return f"hmm stay={self.stay:g}"
        if self.method in ("mean", "median"):
            return f"{self.method} {self.span:g} s"
        return "none"


REFERENCE_HOP = 5.0  # seconds: the step `stay` is given for
DEFAULT = Smoother("median", span=30.0)  # chosen by benchmarks/timeline_smoothing.py (docs/model.md)


def _as_probs(probs) -> np.ndarray:
    arr = np.asarray(probs, dtype=float)
    if arr.ndim != 2:
        raise ValueError(f"window probabilities must be a 2-d array (windows × emotions), not shape {arr.shape}")
    return arr


def _odd_width(span: float, hop: float) -> int:
    """Windows covered by `span` seconds at `hop` seconds apart, as an odd count ≥ 1."""
    k = int(round(span / hop)) + 1 if hop > 0 else 1
    return k if k % 2 else k + 1


def _filtered(probs: np.ndarray, width: int, reduce) -> np.ndarray:
    n = len(probs)
    half = width // 2
    out = np.empty_like(probs)
    for i in range(n):
        # Centred on the window, narrower near the ends of the track (as many windows on each side):
        # an odd count, so a median is one window's value, and a track shorter than the span is
        # never flattened into the mood of its middle.
        k = min(half, i, n - 1 - i)
        out[i] = reduce(probs[i - k:i + k + 1], axis=0)
    sums = out.sum(axis=1, keepdims=True)
    return np.divide(out, sums, out=np.full_like(out, 1.0 / probs.shape[1]), where=sums > 0)


def _hmm(probs: np.ndarray, stay: float) -> np.ndarray:
    """Forward-backward posteriors of a sticky chain over the emotions (uniform start)."""
    n, k = probs.shape
    move = (1.0 - stay) / (k - 1)
    A = np.full((k, k), move)
    np.fill_diagonal(A, stay)
    e = np.clip(probs, 1e-12, None)
    alpha = np.empty_like(e)
    alpha[0] = e[0] / e[0].sum()
    for t in range(1, n):
        a = (alpha[t - 1] @ A) * e[t]
        alpha[t] = a / a.sum()
    beta = np.ones_like(e)
    for t in range(n - 2, -1, -1):
        b = A @ (e[t + 1] * beta[t + 1])
        beta[t] = b / b.sum()
    gamma = alpha * beta
    return gamma / gamma.sum(axis=1, keepdims=True)


def smooth(probs, hop: float = REFERENCE_HOP, smoother: Smoother = DEFAULT) -> np.ndarray:
    """Smoothed window probabilities (same shape, rows sum to 1) of one track's windows in time
    order, `hop` seconds apart. Rows with NaN (unknown) are left as they are and do not take part."""
    arr = _as_probs(probs)
    out = arr.copy()
    ok = np.isfinite(arr).all(axis=1)
    if smoother.method == "none" or ok.sum() < 2:
        return out
    good = arr[ok]
    if smoother.method == "mean":
        out[ok] = _filtered(good, _odd_width(smoother.span, hop), np.mean)
    elif smoother.method == "median":
        out[ok] = _filtered(good, _odd_width(smoother.span, hop), np.median)
    else:
        # The chain's stay is per reference step: a different hop keeps the same stickiness per second.
        stay = smoother.stay ** (hop / REFERENCE_HOP) if hop > 0 else smoother.stay
        out[ok] = _hmm(good, min(max(stay, 1e-6), 1 - 1e-9))
    return out


@dataclass(frozen=True)
class Segment:
    """A stretch of windows [first, last] with one label."""

    first: int
    last: int
    label: str | None

    def __len__(self) -> int:
        return self.last - self.first + 1


def segments(labels) -> list[Segment]:
    """The label sequence cut into maximal runs of one label, in order."""
    out: list[Segment] = []
    for i, label in enumerate(labels):
        if out and out[-1].label == label:
            out[-1] = Segment(out[-1].first, i, label)
        else:
            out.append(Segment(i, i, label))
    return out


def boundaries(labels, centres) -> list[float]:
    """Times (seconds) where the mood changes: halfway between the centres of the last window of
    one stretch and the first of the next (where the timeline's bands meet)."""
    c = np.asarray(centres, dtype=float)
    return [float((c[s.first - 1] + c[s.first]) / 2.0) for s in segments(labels)[1:]]


def changes_per_minute(labels, duration: float) -> float:
    """Label changes per minute of audio (0 for a track shorter than a second)."""
    if duration < 1.0:
        return 0.0
    return (len(segments(labels)) - 1) * 60.0 / duration if len(labels) else 0.0
