"""Turning class probabilities into what the user sees: one label, two candidate labels, or review.

Rule (per clip, window or track): the argmax class is shown alone when its probability is at
least `threshold` (0.75). Otherwise, when the two most likely classes together reach
`top2_threshold` (0.90), both are shown ("top-2": the model has narrowed it to two). Otherwise
the clip goes to the review queue.

Unfamiliar music (model.train.Familiarity: features unlike anything in the training data) never
gets a single label: the probabilities were calibrated on music like the training data, and on
music unlike it they are too sure (docs/model.md, "Unfamiliar music"). Such a clip is shown as
top-2 when the two best reach `top2_threshold`, otherwise it goes to review.

Why 0.90 for top-2 (nested cross-validation, docs/model.md): with 0.90 the truth is one of the
two shown labels for 97 % of top-2 clips; 66 % of clips get a label, 19 % top-2, 16 % review.
At 0.85 the pair is right only 92 % of the time (10 % review), at 0.80 89 %: too often wrong to
be a useful narrowing for a therapist. At 0.95 the review queue grows to 21 %.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tmer_desktop.errors import TmerError
from tmer_desktop.model.data import CLASSES
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import DECISIONS, DEFAULT_THRESHOLD, DEFAULT_TOP2_THRESHOLD  # noqa: F401 (re-exported)

# Probabilities written as decimals (0.3 + 0.6) miss 0.9 by one rounding step; do not punish that.
_TOLERANCE = 1e-9
AGGREGATION_METHODS = ("mean", "majority")
# A track is unfamiliar music when at least this share of its judged windows are.
UNFAMILIAR_TRACK_SHARE = 0.5


class DecisionRuleError(TmerError, ValueError):
    """A threshold of the decision rule (a user setting) is outside (0, 1]."""


@dataclass(frozen=True)
class Decision:
    label: str  # argmax class
    confidence: float  # max probability
    decision: str  # "label" | "top-2" | "review"
    labels: tuple[str, ...]  # what to show: one label, or the two best (best first)


def _as_probs(probs, what: str = "probabilities") -> np.ndarray:
    arr = np.asarray(probs, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2 or arr.shape[1] != len(CLASSES):
        raise ValueError(f"{what} must have {len(CLASSES)} columns ({', '.join(CLASSES)}), got shape {np.shape(probs)}")
    if arr.shape[0] == 0:
        raise ValueError(f"no {what} given (empty input)")
    if not np.isfinite(arr).all() or (arr < 0).any():
        raise ValueError(f"{what} must be finite and non-negative")
    sums = arr.sum(axis=1, keepdims=True)
    # Probabilities read back from a CSV or database may be rounded: accept and renormalise those.
    if not np.allclose(sums, 1.0, atol=1e-3):
        raise ValueError(f"each row of {what} must sum to 1")
    return arr / sums


def _check_thresholds(threshold: float, top2_threshold: float) -> None:
    # The thresholds come from the settings, so the user may see this (ValueError for old callers).
    if not 0.0 < threshold <= 1.0:
        raise DecisionRuleError(QT_TRANSLATE_NOOP("Model", "threshold must be in (0, 1], got {value}")
                                .format(value=threshold))
    if not 0.0 < top2_threshold <= 1.0:
        raise DecisionRuleError(QT_TRANSLATE_NOOP("Model", "top2_threshold must be in (0, 1], got {value}")
                                .format(value=top2_threshold))


def decide_many(probs, threshold: float = DEFAULT_THRESHOLD, top2_threshold: float = DEFAULT_TOP2_THRESHOLD,
                unfamiliar=None) -> dict:
    """Vectorised rule for an (n, 4) array. Returns arrays: label_index, second_index, confidence,
    top2_mass and decision (strings from DECISIONS). unfamiliar: optional flag per row (or one
    for all); a flagged row is never labelled (module docstring)."""
    _check_thresholds(threshold, top2_threshold)
    arr = _as_probs(probs)
    # Stable sort on the negated row: ties keep CLASSES order, so equal scores resolve deterministically.
    order = np.argsort(-arr, axis=1, kind="stable")
    best, second = order[:, 0], order[:, 1]
    rows = np.arange(len(arr))
    confidence = arr[rows, best]
    top2 = confidence + arr[rows, second]
    may_label = np.ones(len(arr), dtype=bool) if unfamiliar is None else ~np.broadcast_to(
        np.asarray(unfamiliar, dtype=bool), (len(arr),))
    decision = np.where(
        (confidence >= threshold - _TOLERANCE) & may_label, "label",
        np.where(top2 >= top2_threshold - _TOLERANCE, "top-2", "review"),
    )
    return {
        "label_index": best, "second_index": second, "confidence": confidence, "top2_mass": top2, "decision": decision,
    }


def decide(probs, threshold: float = DEFAULT_THRESHOLD, top2_threshold: float = DEFAULT_TOP2_THRESHOLD,
           unfamiliar: bool = False) -> Decision:
    """The rule for one probability vector (length 4, CLASSES order); unfamiliar music is never
    given a single label (module docstring)."""
    arr = np.asarray(probs, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"decide() takes one probability vector; use decide_all() for {arr.shape} arrays")
    return decide_all(arr.reshape(1, -1), threshold, top2_threshold, unfamiliar=bool(unfamiliar))[0]


def track_unfamiliar(window_flags) -> bool | None:
    """The track's verdict from its windows' (None: the model cannot tell)."""
    flags = [bool(f) for f in window_flags if f is not None]
    if not flags:
        return None
    return sum(flags) >= UNFAMILIAR_TRACK_SHARE * len(flags)


def decide_all(probs, threshold: float = DEFAULT_THRESHOLD, top2_threshold: float = DEFAULT_TOP2_THRESHOLD,
               unfamiliar=None) -> list[Decision]:
    out = decide_many(probs, threshold, top2_threshold, unfamiliar)
    decisions = []
    for b, s, c, d in zip(out["label_index"], out["second_index"], out["confidence"], out["decision"]):
        labels = (CLASSES[b], CLASSES[s]) if d == "top-2" else (CLASSES[b],)
        decisions.append(Decision(label=CLASSES[b], confidence=float(c), decision=str(d), labels=labels))
    return decisions


def aggregate(window_probs, method: str = "mean", span: tuple[int, int] | slice | None = None) -> np.ndarray:
    """Track-level probabilities (4,) from per-window probabilities (n_windows, 4).

    span: optional (start, stop) window indices (stop exclusive) or a slice to restrict to part
    of the track. "mean" averages the probabilities. "majority" returns the share of windows whose
    argmax is each class; a tie between classes with the most votes is broken by their mean
    probability (a tiny bonus moves the winner ahead, keeping the vector summing to 1).
    """
    arr = _as_probs(window_probs, "window probabilities")
    if span is not None:
        sl = span if isinstance(span, slice) else slice(*span)
        arr = arr[sl]
        if arr.shape[0] == 0:
            n_windows = len(np.asarray(window_probs).reshape(-1, len(CLASSES)))
            raise ValueError(f"span {span} selects no windows out of {n_windows}")
    if method == "mean":
        return arr.mean(axis=0)
    if method != "majority":
        raise ValueError(f"unknown aggregation method {method!r}; choose from {AGGREGATION_METHODS}")
    votes = np.bincount(arr.argmax(axis=1), minlength=len(CLASSES)).astype(np.float64)
    shares = votes / votes.sum()
    tied = np.flatnonzero(votes == votes.max())
    if len(tied) > 1:
        means = arr.mean(axis=0)
        winner = tied[np.argmax(means[tied])]  # np.argmax: first of equal means, i.e. CLASSES order
        bonus = 1e-6
        shares = shares.copy()
        shares[winner] += bonus
        shares[tied[tied != winner]] -= bonus / (len(tied) - 1)
    return shares
