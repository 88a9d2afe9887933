"""Honest evaluation: repeated stratified group k-fold around the whole training procedure.

Every outer training fold runs the complete `EmotionClassifier.fit` (imputation, transform,
inner-CV choice of transform and C, temperature scaling), so nothing the model learns sees
the outer test fold. Exact duplicate rows are grouped so a pair never straddles folds.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import numpy as np
from joblib import Parallel, delayed
from sklearn.model_selection import StratifiedGroupKFold

from tmer_desktop.model.data import CLASSES, LabelledData
from tmer_desktop.model.decide import DEFAULT_TOP2_THRESHOLD, decide_many
from tmer_desktop.model.metrics import ECE_BINS, fold_scores, pooled_scores
from tmer_desktop.model.train import TrainingConfig, training_data
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD

AUTO_THRESHOLD = DEFAULT_THRESHOLD
TOP2_CANDIDATES = (0.8, 0.85, 0.9, 0.95)


def decision_summary(y: np.ndarray, probs: np.ndarray, threshold: float, top2_threshold: float,
                     unfamiliar=None) -> dict:
    """How the decision rule would have split the held-out clips, and how often it was right
    (unfamiliar: optional flag per clip, as the app applies the rule)."""
    d = decide_many(probs, threshold, top2_threshold, unfamiliar)
    label = d["decision"] == "label"
    top2 = d["decision"] == "top-2"
    in_pair = (d["label_index"] == y) | (d["second_index"] == y)
    return {
        "top2_threshold": top2_threshold,
        "label_share": float(label.mean()),
        "label_accuracy": float((d["label_index"][label] == y[label]).mean()) if label.any() else None,
        "top2_share": float(top2.mean()),
        "top2_truth_in_pair": float(in_pair[top2].mean()) if top2.any() else None,
        "review_share": float((d["decision"] == "review").mean()),
    }


def _outer_fold(config: TrainingConfig, data: LabelledData, train, test):
    model = config.make().fit(data.X.iloc[train], data.y[train], groups=data.groups[train])
    return test, model.predict_proba(data.X.iloc[test]), model.describe()


def _default_jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def run_evaluation(
    repeats: int = 3,
    folds: int = 10,
    seed: int = 0,
    n_jobs: int | None = None,
    config: TrainingConfig | None = None,
    data: LabelledData | None = None,
    threshold: float = AUTO_THRESHOLD,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Nested, repeated stratified group k-fold evaluation; returns a JSON-ready dict.

    progress(done, total) is called as each outer fold finishes (total = repeats x folds).

    config: the training configuration evaluated (bundle.config_from_model_dir reads a model
    directory's); default: the current default configuration."""
    if repeats < 1 or folds < 2:
        raise ValueError("need at least 1 repeat and 2 folds")
    config = config or TrainingConfig()
    data = data if data is not None else training_data()
    n_jobs = n_jobs or _default_jobs()
    started = time.perf_counter()
    fold_rows, ys, ps, chosen = [], [], [], []
    for r in range(repeats):
        cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed + r)
        splits = list(cv.split(data.X, data.y, data.groups))
        results = Parallel(n_jobs=n_jobs, return_as="generator")(
            delayed(_outer_fold)(config, data, tr, te) for tr, te in splits)
        for k, (test, probs, described) in enumerate(results):
            if progress is not None:
                progress(r * folds + k + 1, repeats * folds)
            row = fold_scores(data.y[test], probs, len(CLASSES))
            row.update(repeat=r, fold=k, n_test=int(len(test)))
            fold_rows.append(row)
            ys.append(data.y[test])
            ps.append(probs)
            chosen.append(described)
    y, probs = np.concatenate(ys), np.concatenate(ps)
    pooled = pooled_scores(y, probs, len(CLASSES), threshold)
    f1 = np.array([row["macro_f1"] for row in fold_rows])
    acc = np.array([row["accuracy"] for row in fold_rows])
    per_class = dict(zip(CLASSES, pooled["per_class_f1"]))
    choices: dict[str, int] = {}
    for d in chosen:
        key = f"{d['transform']}, clip={d.get('clip', 'none')}, C={d['C']:g}"
        choices[key] = choices.get(key, 0) + 1
    return {
        "protocol": {
            "description": (
                f"{repeats}x repeated stratified group {folds}-fold cross-validation "
                "(exact duplicate rows grouped; shuffled per repeat), nested: imputation, "
                "clipping range, transform choice, C and temperature scaling are fitted inside each outer "
                f"training fold with an inner {config.inner_folds}-fold CV"
            ),
            "repeats": repeats,
            "folds": folds,
            "seed": seed,
            "n_rows": int(len(data)),
            "n_groups": int(len(np.unique(data.groups))),
            "training_config": config.to_dict(),
            "ece_bins": ECE_BINS,
            "auto_threshold": threshold,
        },
        "accuracy": {"mean": float(acc.mean()), "sd": float(acc.std(ddof=1)) if len(acc) > 1 else 0.0},
        "macro_f1": {"mean": float(f1.mean()), "sd": float(f1.std(ddof=1)) if len(f1) > 1 else 0.0},
        "per_class_f1": per_class,
        "sad_gap": float(max(per_class.values()) - per_class["sad"]),
        "confusion_matrix": {"labels": list(CLASSES), "rows_true_cols_pred": pooled["confusion"]},
        "ece": pooled["ece"],
        "brier": pooled["brier"],
        "auto_label": {"threshold": threshold, "share": pooled["auto_share"], "accuracy": pooled["auto_accuracy"]},
        "decision_rule": [decision_summary(y, probs, threshold, t) for t in TOP2_CANDIDATES],
        "inner_choices": choices,
        "folds_detail": fold_rows,
        "seconds": round(time.perf_counter() - started, 1),
    }


def confusion_lines(confusion: dict, note: str = "") -> list[str]:
    """A confusion matrix ({"labels", "rows_true_cols_pred"}) as aligned text lines."""
    labels = confusion["labels"]
    width = max(len(s) for s in labels) + 2
    lines = [f"Confusion matrix (rows = true, columns = predicted{', ' + note if note else ''}):",
             " " * width + "".join(f"{s:>{width}}" for s in labels)]
    for name, row in zip(labels, confusion["rows_true_cols_pred"]):
        lines.append(f"{name:<{width}}" + "".join(f"{v:>{width}}" for v in row))
    return lines


def format_report(result: dict) -> str:
    """Readable report; the protocol comes first so no figure is read without it."""
    p = result["protocol"]
    lines = [
        "Protocol: " + p["description"] + ".",
        f"Data: {p['n_rows']} rows ({p['n_groups']} distinct), metrics pooled over outer test folds "
        f"unless marked mean ± sd over {p['repeats'] * p['folds']} folds.",
        "",
        f"Accuracy         {result['accuracy']['mean']:.3f} ± {result['accuracy']['sd']:.3f}",
        f"Macro-F1         {result['macro_f1']['mean']:.3f} ± {result['macro_f1']['sd']:.3f}",
        "Per-class F1     " + "  ".join(f"{c} {v:.3f}" for c, v in result["per_class_f1"].items()),
        f"Sad gap          {100 * result['sad_gap']:.1f} points below the best class",
        f"ECE ({p['ece_bins']} bins)    {result['ece']:.3f}",
        f"Brier (4-class)  {result['brier']:.3f}",
    ]
    auto = result["auto_label"]
    acc = "n/a" if auto["accuracy"] is None else f"{auto['accuracy']:.3f}"
    lines.append(f"Auto-label @ {auto['threshold']:.2f}: {100 * auto['share']:.1f}% of clips, accuracy {acc}")
    lines += ["", f"Decision rule (label when max ≥ {auto['threshold']:.2f}; "
                  f"top-2 when the two best ≥ t; else review):"]
    lines.append("   t   label%  label-acc  top-2%  truth-in-pair  review%")
    for row in result["decision_rule"]:
        mark = " (default)" if abs(row["top2_threshold"] - DEFAULT_TOP2_THRESHOLD) < 1e-9 else ""
        la = "n/a" if row["label_accuracy"] is None else f"{row['label_accuracy']:.3f}"
        tp = "n/a" if row["top2_truth_in_pair"] is None else f"{row['top2_truth_in_pair']:.3f}"
        lines.append(
            f"{row['top2_threshold']:5.2f}  {100 * row['label_share']:6.1f}  {la:>9s}  {100 * row['top2_share']:6.1f}"
            f"  {tp:>13s}  {100 * row['review_share']:7.1f}{mark}"
        )
    lines += ["", *confusion_lines(result["confusion_matrix"], "summed over outer folds")]
    lines += ["", "Inner-CV choices: " + "; ".join(f"{k} ×{v}" for k, v in sorted(result["inner_choices"].items()))]
    lines.append(f"Run time: {result['seconds']:.1f} s")
    return "\n".join(lines)
