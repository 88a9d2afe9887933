"""Classification and calibration metrics used by the evaluation (pure numpy/sklearn)."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

ECE_BINS = 15


def expected_calibration_error(y: np.ndarray, probs: np.ndarray, bins: int = ECE_BINS) -> float:
    """Top-label ECE: |accuracy − mean confidence| per equal-width confidence bin, weighted by bin size."""
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y
    edges = np.linspace(0.0, 1.0, bins + 1)
    # Bin i holds (edges[i], edges[i+1]]; confidence 0 cannot occur for a 4-class max-prob.
    index = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() * abs(correct[mask].mean() - confidence[mask].mean())
    return float(total / len(y))


def multiclass_brier(y: np.ndarray, probs: np.ndarray) -> float:
    """Mean over rows of the squared distance between the probability vector and the one-hot truth (0..2)."""
    onehot = np.zeros_like(probs)
    onehot[np.arange(len(y)), y] = 1.0
    return float(np.mean(np.sum((probs - onehot) ** 2, axis=1)))


def auto_label_stats(y: np.ndarray, probs: np.ndarray, threshold: float) -> tuple[float, float | None]:
    """Share of rows whose max probability reaches the threshold, and the accuracy on those rows."""
    confident = probs.max(axis=1) >= threshold
    share = float(confident.mean())
    if not confident.any():
        return share, None
    return share, float((probs[confident].argmax(axis=1) == y[confident]).mean())


def fold_scores(y: np.ndarray, probs: np.ndarray, n_classes: int) -> dict:
    pred = probs.argmax(axis=1)
    return {
        "accuracy": float(accuracy_score(y, pred)),
        "macro_f1": float(f1_score(y, pred, average="macro", labels=list(range(n_classes)), zero_division=0)),
    }


def pooled_scores(y: np.ndarray, probs: np.ndarray, n_classes: int, threshold: float) -> dict:
    pred = probs.argmax(axis=1)
    share, acc = auto_label_stats(y, probs, threshold)
    return {
        "per_class_f1": f1_score(y, pred, average=None, labels=list(range(n_classes)), zero_division=0).tolist(),
        "confusion": confusion_matrix(y, pred, labels=list(range(n_classes))).tolist(),
        "ece": expected_calibration_error(y, probs),
        "brier": multiclass_brier(y, probs),
        "auto_share": share,
        "auto_accuracy": acc,
    }
