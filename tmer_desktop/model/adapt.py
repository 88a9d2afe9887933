"""How much a user's corrections count against the 400 training rows, chosen by a protocol.

Corrections are few (a handful per class) and are the only labelled examples of *the user's*
music; counted once each, they barely move a model fitted to 400 Turkish rows. Counted too much,
a few windows of one recording dictate the model. So the weight is chosen by cross-validation on
the corrections themselves:

1. the model's own hyper-parameters are fitted on the training rows alone (transform, clipping,
   C, temperature: EmotionClassifier's inner CV), and kept fixed;
2. the corrections are split by recording (all windows of one recording together) into folds,
   dealt out class by class so that a fold never holds back every recording of an emotion (a
   held-out emotion the other corrections do not show says nothing about their weight);
   recordings of an emotion corrected only once always stay on the training side. For every
   weight w of WEIGHT_GRID and every fold, the linear step is fitted on the training rows
   (weight 1) plus the other folds' corrections (weight w) and scored on the held-out
   recordings by log-loss;
3. the weight with the lowest mean log-loss wins (ties: the smaller weight).

When no emotion has two corrected recordings yet there is nothing to cross-validate on, and
DEFAULT_WEIGHT is used: 10, the geometric middle of the grid. It is not tuned on the dev set:
there, with one corrected clip per class, weights 1 and 10 give the same figure (0.441 and 0.442
macro-F1, benchmarks/adaptation_curve.py, docs/model.md "Adaptation"); 10 lets a first handful of
corrections visibly move the model, which a user who just corrected it expects.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import log_softmax

from tmer_desktop.model.data import CLASSES

WEIGHT_GRID: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0, 20.0, 50.0)
DEFAULT_WEIGHT = 10.0
MAX_FOLDS = 5


@dataclass(frozen=True)
class WeightChoice:
    weight: float
    how: str  # "cross-validated" or "default (too few recordings)"
    recordings: int
    log_loss: dict[float, float]  # mean held-out log-loss per candidate weight (empty for the default)

    def to_dict(self) -> dict:
        return {"weight": self.weight, "how": self.how, "recordings": self.recordings,
                "log_loss": {f"{w:g}": v for w, v in self.log_loss.items()}}


def _recording_folds(groups: np.ndarray, labels: np.ndarray, seed: int) -> list[np.ndarray]:
    """Row masks of the held-out part of each fold (see the module docstring, step 2); empty
    when no emotion has two recordings."""
    names, row_group = np.unique(groups, return_inverse=True)
    # A recording's main label (the first on a tie), counted in one pass over the rows.
    counts = np.zeros((len(names), int(labels.max()) + 1 if len(labels) else 1), dtype=np.int64)
    np.add.at(counts, (row_group.reshape(-1), labels), 1)
    label_of = dict(zip(names, counts.argmax(axis=1)))
    by_label: dict[int, list[str]] = {}
    for g in names:
        by_label.setdefault(int(label_of[g]), []).append(g)
    repeated = {c: gs for c, gs in by_label.items() if len(gs) >= 2}
    if not repeated:
        return []
    n_folds = min(MAX_FOLDS, max(len(gs) for gs in repeated.values()))
    rng = np.random.default_rng(seed)
    fold_of: dict[str, int] = {}
    for c in sorted(repeated):
        gs = list(rng.permutation(repeated[c]))
        offset = int(rng.integers(n_folds))
        for i, g in enumerate(gs):
            fold_of[g] = (offset + i) % n_folds
    return [np.isin(groups, [g for g, f in fold_of.items() if f == k]) for k in range(n_folds)
            if any(f == k for f in fold_of.values())]


def choose_weight(base_X: np.ndarray, base_y: np.ndarray, base_groups, corr_X: np.ndarray, corr_y: np.ndarray,
                  corr_groups, *, config=None, grid: tuple[float, ...] = WEIGHT_GRID, seed: int = 0,
                  progress=None) -> WeightChoice:
    """The correction weight by the protocol in the module docstring. `progress(done, total)`,
    if given, is called before the first fit and after each (they take minutes with tens of
    thousands of corrections)."""
    from tmer_desktop.model.train import TrainingConfig, as_feature_matrix

    corr_groups = np.asarray([str(g) for g in corr_groups])
    recordings = len(np.unique(corr_groups))
    corr_y = np.asarray(corr_y, dtype=np.int64)
    folds = _recording_folds(corr_groups, corr_y, seed) if len(corr_y) else []
    if not folds:
        return WeightChoice(DEFAULT_WEIGHT, "default (too few recordings)", recordings, {})
    report = progress or (lambda _done, _total: None)
    fits, done = 1 + len(grid) * len(folds), 0
    report(0, fits)

    def fitted() -> None:
        nonlocal done
        done += 1
        report(done, fits)

    base_X, corr_X = as_feature_matrix(base_X), as_feature_matrix(corr_X)
    base_y = np.asarray(base_y, dtype=np.int64)
    model = (config or TrainingConfig()).make().fit(base_X, base_y, groups=base_groups)
    fitted()
    Zb, Zc = model.transform_features(base_X), model.transform_features(corr_X)
    losses: dict[float, float] = {}
    for w in grid:
        total, count = 0.0, 0
        for held in folds:
            Z = np.vstack([Zb, Zc[~held]])
            y = np.concatenate([base_y, corr_y[~held]])
            weights = np.concatenate([np.ones(len(base_y)), np.full(int((~held).sum()), w)])
            if len(np.unique(y)) < len(CLASSES):
                fitted()
                continue
            linear = model._fit_linear(model.C_, Z, y, weights)
            fitted()
            logits = linear.decision_function(Zc[held]) / model.temperature_
            total += float(-log_softmax(logits, axis=1)[np.arange(int(held.sum())), corr_y[held]].sum())
            count += int(held.sum())
        losses[w] = total / count if count else np.inf
    best = min(grid, key=lambda w: (losses[w], w))
    return WeightChoice(float(best), "cross-validated", recordings, losses)
