"""Exploration: compare model families on the training CSV under the honest outer protocol.

Each candidate is a fixed configuration evaluated with repeated stratified *group* 10-fold
(duplicates grouped, duplicates dropped from every training set, all transforms inside the
fold). Picking the best row of this table is itself a selection step, so the table is
optimistic for the winner; the chosen model's honest figure comes from `tmer evaluate`
(nested CV). Usage: python benchmarks/model_search.py [--repeats 2] [--only NAME...]

`--nested [NAME...]` instead runs the full nested evaluation (`tmer evaluate`'s protocol,
3 x 10-fold by default) for variants of the shipped recipe within the exactly-explainable
linear family (clipping off, a heavier sad class weight, elastic-net); these rows are honest.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from joblib import Parallel, delayed
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import (
    ExtraTreesClassifier,
    HistGradientBoostingClassifier,
    RandomForestClassifier,
    StackingClassifier,
    VotingClassifier,
)
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PowerTransformer, QuantileTransformer, SplineTransformer, StandardScaler
from sklearn.svm import SVC

from tmer_desktop.model.data import CLASSES, load_labelled_csv
from tmer_desktop.model.evaluate import run_evaluation
from tmer_desktop.model.metrics import fold_scores, pooled_scores
from tmer_desktop.model.train import EmotionClassifier, TrainingConfig
from tmer_desktop.paths import TRAINING_CSV


def imp():
    return SimpleImputer(strategy="median")


def lr(C, transform="yj"):
    t = {"yj": PowerTransformer(), "std": StandardScaler(),
         "qt": QuantileTransformer(n_quantiles=100, output_distribution="normal")}[transform]
    return make_pipeline(imp(), t, LogisticRegression(C=C, max_iter=5000))


def svm(C, gamma="scale", transform="yj", method="sigmoid"):
    t = {"yj": PowerTransformer(), "std": StandardScaler()}[transform]
    base = SVC(C=C, gamma=gamma, kernel="rbf")
    return make_pipeline(imp(), t, CalibratedClassifierCV(base, method=method, cv=5))


def svm_platt(C, gamma="scale"):
    return make_pipeline(imp(), PowerTransformer(), SVC(C=C, gamma=gamma, probability=True, random_state=0))


# Krumhansl-Kessler key profiles (C major / C minor), for a key-invariant view of the chroma means.
_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
_CHROMA = slice(32, 44)


def _key_correlations(chroma, profile):
    keys = np.stack([np.roll(profile, k) for k in range(12)])
    cz = (chroma - chroma.mean(1, keepdims=True)) / (chroma.std(1, keepdims=True) + 1e-9)
    kz = (keys - keys.mean(1, keepdims=True)) / keys.std(1, keepdims=True)
    return cz @ kz.T / 12


class KeyInvariantChroma(BaseEstimator, TransformerMixin):
    """Chroma means depend on the key; replace (or extend) them with key-free summaries:
    best major / minor key-profile correlation, their difference (a mode cue), the six largest
    chroma values and the number of strong pitch classes."""

    def __init__(self, mode="replace"):
        self.mode = mode

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        chroma = X[:, _CHROMA]
        major, minor = _key_correlations(chroma, _MAJOR).max(1), _key_correlations(chroma, _MINOR).max(1)
        extra = np.column_stack(
            [major, minor, major - minor, np.sort(chroma, 1)[:, ::-1][:, :6], (chroma > 0.5).sum(1)])
        if self.mode == "replace":
            return np.column_stack([X[:, : _CHROMA.start], X[:, _CHROMA.stop:], extra])
        return np.column_stack([X, extra])


def chroma_lr(mode):
    return make_pipeline(imp(), KeyInvariantChroma(mode), PowerTransformer(), LogisticRegression(C=0.1, max_iter=5000))


def spline_lr(C, knots=4, base="yj"):
    # An additive (GAM-like) logistic model: still exactly explainable, but more flexible per feature.
    t = PowerTransformer() if base == "yj" else QuantileTransformer(n_quantiles=100)
    extrapolation = "linear" if base == "yj" else "constant"
    return make_pipeline(imp(), t, SplineTransformer(n_knots=knots, degree=3, extrapolation=extrapolation),
                         StandardScaler(), LogisticRegression(C=C, max_iter=5000))


CANDIDATES = {
    # The shipped recipe: transform and C chosen, temperature fitted, by an inner CV (so this row is nested).
    "chosen_lr_ts": lambda: TrainingConfig().make(),
    "lr_yj_C0.03": lambda: lr(0.03),
    "lr_yj_C0.1": lambda: lr(0.1),
    "lr_yj_C0.3": lambda: lr(0.3),
    "lr_yj_C1": lambda: lr(1.0),
    "lr_std_C0.1": lambda: lr(0.1, "std"),
    "lr_qt_C0.1": lambda: lr(0.1, "qt"),
    "lr_yj_C0.1_iso": lambda: make_pipeline(
        imp(), PowerTransformer(),
        CalibratedClassifierCV(LogisticRegression(C=0.1, max_iter=5000), method="isotonic", cv=5)),
    "lr_yj_C0.2": lambda: lr(0.2),
    "lr_yj_l1_C0.3": lambda: make_pipeline(
        imp(), PowerTransformer(), LogisticRegression(C=0.3, l1_ratio=1.0, solver="saga", max_iter=5000)),
    "spl_yj4_C0.03": lambda: spline_lr(0.03),
    "spl_yj3_C0.03": lambda: spline_lr(0.03, 3),
    "spl_q5_C0.03": lambda: spline_lr(0.03, 5, "q"),
    "lr_keychroma_repl": lambda: chroma_lr("replace"),
    "lr_keychroma_add": lambda: chroma_lr("add"),
    "svm_yj_C1_sig": lambda: svm(1.0),
    "svm_yj_C3_sig": lambda: svm(3.0),
    "svm_yj_C10_sig": lambda: svm(10.0),
    "svm_std_C3_sig": lambda: svm(3.0, transform="std"),
    "svm_yj_C3_platt": lambda: svm_platt(3.0),
    "et_500": lambda: make_pipeline(imp(), ExtraTreesClassifier(500, max_features="sqrt", random_state=0)),
    "rf_500": lambda: make_pipeline(imp(), RandomForestClassifier(500, max_features="sqrt", random_state=0)),
    "et_500_sig": lambda: make_pipeline(
        imp(), CalibratedClassifierCV(ExtraTreesClassifier(300, random_state=0), method="sigmoid", cv=5)),
    "hgb": lambda: HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=300, max_leaf_nodes=15, l2_regularization=1.0, random_state=0),
    "vote_lr_svm_et": lambda: VotingClassifier(
        [("lr", lr(0.1)), ("svm", svm(3.0)), ("et", make_pipeline(imp(), ExtraTreesClassifier(300, random_state=0)))],
        voting="soft",
    ),
    "vote_lr_svm": lambda: VotingClassifier([("lr", lr(0.1)), ("svm", svm(3.0))], voting="soft"),
    "stack_lr_svm_et": lambda: StackingClassifier(
        [("lr", lr(0.1)), ("svm", svm(3.0)), ("et", make_pipeline(imp(), ExtraTreesClassifier(300, random_state=0)))],
        final_estimator=LogisticRegression(C=1.0, max_iter=5000), cv=5,
    ),
}


class _VariantClassifier(EmotionClassifier):
    """The shipped recipe with another linear step (class weights / penalty)."""

    def __init__(self, lr_options=None, **kwargs):
        super().__init__(**kwargs)
        self.lr_options = lr_options

    def _new_lr(self, C):
        return LogisticRegression(C=C, max_iter=self.max_iter, **(self.lr_options or {}))


class _VariantConfig(TrainingConfig):
    def __init__(self, lr_options=None, **kwargs):
        super().__init__(**kwargs)
        object.__setattr__(self, "lr_options", lr_options)

    def make(self):
        base = super().make()
        return _VariantClassifier(lr_options=self.lr_options, **base.get_params())


NESTED_VARIANTS = {
    "clip_inner_cv": lambda: TrainingConfig(),  # shipped: clipping range chosen by inner CV
    "no_clip": lambda: TrainingConfig(clips=("none",)),
    "sad_weight_1.5": lambda: _VariantConfig(lr_options={"class_weight": {0: 1.0, 1: 1.5, 2: 1.0, 3: 1.0}}),
    "elastic_net_0.5": lambda: _VariantConfig(lr_options={"l1_ratio": 0.5, "solver": "saga", "tol": 1e-3}),
}


def nested(names, repeats, folds):
    print(f"protocol: nested, {repeats}x stratified group {folds}-fold (tmer evaluate), seed 0")
    print(f"{'variant':16s} {'acc':>6s} {'macroF1':>8s} {'sd':>5s} {'happy':>6s} {'sad':>6s} {'angry':>6s}"
          f" {'relax':>6s} {'ECE':>6s} {'Brier':>6s} {'auto%':>6s} {'autoAcc':>7s} {'sec':>6s}")
    for name in names:
        r = run_evaluation(repeats=repeats, folds=folds, config=NESTED_VARIANTS[name]())
        pc, auto = r["per_class_f1"], r["auto_label"]
        print(f"{name:16s} {r['accuracy']['mean']:6.3f} {r['macro_f1']['mean']:8.3f} {r['macro_f1']['sd']:5.3f} "
              + " ".join(f"{pc[c]:6.3f}" for c in CLASSES)
              + f" {r['ece']:6.3f} {r['brier']:6.3f} {100 * auto['share']:6.1f} {auto['accuracy']:7.3f}"
              + f" {r['seconds']:6.1f}",
              flush=True)


def _fit_fold(make, X, y, train, test):
    Xtr, ytr = X.iloc[train], y[train]
    keep = ~Xtr.duplicated().to_numpy()
    model = make()
    model.fit(Xtr[keep], ytr[keep])
    return test, model.predict_proba(X.iloc[test])


def evaluate(make, data, repeats, folds, n_jobs):
    X, y, g = data.X, data.y, data.groups
    fold_metrics, all_y, all_p = [], [], []
    for r in range(repeats):
        cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=r)
        out = Parallel(n_jobs=n_jobs)(delayed(_fit_fold)(make, X, y, tr, te) for tr, te in cv.split(X, y, g))
        for test, p in out:
            fold_metrics.append(fold_scores(y[test], p, len(CLASSES)))
            all_y.append(y[test])
            all_p.append(p)
    yy, pp = np.concatenate(all_y), np.concatenate(all_p)
    pooled = pooled_scores(yy, pp, len(CLASSES), 0.75)
    f1 = np.array([m["macro_f1"] for m in fold_metrics])
    acc = np.array([m["accuracy"] for m in fold_metrics])
    return acc.mean(), f1.mean(), f1.std(ddof=1), pooled


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, help="default: 2 (fixed configurations), 3 (--nested)")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--nested", nargs="*", help=f"nested evaluation of variants: {', '.join(NESTED_VARIANTS)}")
    args = ap.parse_args()
    if args.nested is not None:
        return nested(args.nested or list(NESTED_VARIANTS), args.repeats or 3, args.folds)
    args.repeats = args.repeats or 2
    data = load_labelled_csv(TRAINING_CSV)
    names = args.only or list(CANDIDATES)
    print(f"protocol: {args.repeats}x stratified group {args.folds}-fold, duplicates grouped, fixed configs")
    print(f"{'model':18s} {'acc':>6s} {'macroF1':>8s} {'sd':>5s} {'happy':>6s} {'sad':>6s} {'angry':>6s} {'relax':>6s}"
          f" {'ECE':>6s} {'Brier':>6s} {'auto%':>6s} {'autoAcc':>7s} {'sec':>5s}")
    for name in names:
        t0 = time.perf_counter()
        acc, f1, sd, p = evaluate(CANDIDATES[name], data, args.repeats, args.folds, args.jobs)
        pc = p["per_class_f1"]
        aa = p["auto_accuracy"] if p["auto_accuracy"] is not None else float("nan")
        print(f"{name:18s} {acc:6.3f} {f1:8.3f} {sd:5.3f} {pc[0]:6.3f} {pc[1]:6.3f} {pc[2]:6.3f} {pc[3]:6.3f}"
              f" {p['ece']:6.3f} {p['brier']:6.3f} {p['auto_share']:6.2f} {aa:7.3f} {time.perf_counter()-t0:5.1f}",
              flush=True)


if __name__ == "__main__":
    main()
