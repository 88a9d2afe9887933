"""Evaluate a model on any labelled folder of audio (`tmer evaluate --external DIR`).

The folder holds audio files and `LABELS.csv` with at least the columns `file` (a path relative
to the folder) and `label4` (happy, sad, angry or relaxed; "relax" accepted), as in
`../shared/devset/emotify86`. Each file goes through the app's own analysis (30 s windows, hop
5 s, the analysis preparation, the feature cache), the model's window probabilities are averaged
into a clip probability, and the clip is scored: macro-F1 with a bootstrap interval, per-class F1,
the confusion matrix, ECE, Brier and the decision rule's figures (as the app applies it: unfamiliar
music is never labelled). Silent windows are left out as the batch tagger leaves them unjudged.
A file that cannot be analysed is reported with its reason and left out; it never stops the
evaluation.
"""

from __future__ import annotations

import csv
import logging
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tmer_desktop.errors import TmerError
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.model.data import CLASSES, normalise_label
from tmer_desktop.model.metrics import ECE_BINS, expected_calibration_error, multiclass_brier

log = logging.getLogger(__name__)

LABELS_FILE = "LABELS.csv"
MAX_LABELS_BYTES = 20 * 1024 * 1024
BOOTSTRAP_DRAWS = 2000


class ExternalSetError(TmerError):
    """The labelled folder cannot be evaluated; the message names the folder or file and why."""


@dataclass(frozen=True)
class LabelledClip:
    file: str  # as written in LABELS.csv
    path: Path
    label: int


def read_labels(folder: str | os.PathLike) -> list[LabelledClip]:
    """The clips listed in FOLDER/LABELS.csv (file, label4), checked; raises ExternalSetError."""
    root = Path(folder)
    if not root.is_dir():
        raise ExternalSetError(f"{root}: folder not found")
    labels = root / LABELS_FILE
    if not labels.is_file():
        raise ExternalSetError(f"{labels}: not found (a labelled folder needs {LABELS_FILE} with columns file,label4)")
    if labels.stat().st_size > MAX_LABELS_BYTES:
        raise ExternalSetError(f"{labels}: larger than {MAX_LABELS_BYTES >> 20} MB, not a label list")
    try:
        with open(labels, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ExternalSetError(f"{labels}: cannot be read ({exc})") from exc
    if not rows or not {"file", "label4"} <= set(rows[0]):
        raise ExternalSetError(f"{labels}: needs the columns file and label4")
    clips, resolved_root = [], root.resolve()
    for n, row in enumerate(rows, start=2):
        name, raw_label = (row.get("file") or "").strip(), row.get("label4")
        label = normalise_label(raw_label)
        if not name:
            raise ExternalSetError(f"{labels}, line {n}: empty file name")
        if label is None:
            raise ExternalSetError(f"{labels}, line {n}: label {raw_label!r} is not one of {', '.join(CLASSES)}")
        path = (root / name).resolve()
        if not path.is_relative_to(resolved_root):
            raise ExternalSetError(f"{labels}, line {n}: {name!r} points outside the folder")
        clips.append(LabelledClip(name, path, CLASSES.index(label)))
    return clips


def _analyse_one(path: str, window: float, hop: float, preparation):
    """(the judged windows' features, None) or (None, why): silent windows are left out, as
    the batch tagger leaves them unjudged."""
    from tmer_desktop.features.prepare import SILENCE_RMS
    from tmer_desktop.features.windows import analyse_file
    from tmer_desktop.paths import configure_numba_cache

    configure_numba_cache()
    try:
        track = analyse_file(path, window=window, hop=hop, preparation=preparation)
    except TmerError as exc:
        return None, str(exc)
    except Exception as exc:  # one bad file never stops the evaluation
        log.exception("analysing %s failed", path)
        return None, f"unexpected error while analysing ({type(exc).__name__}: {exc})"
    matrix = np.array([[w.values[c] for c in FEATURE_NAMES] for w in track.windows], dtype=np.float64)
    rms = matrix[:, FEATURE_NAMES.index("_RMSenergy_Mean")] if len(matrix) else np.zeros(0)
    judged = matrix[rms >= SILENCE_RMS]
    return (judged, None) if len(judged) else (None, "silent audio: no window to judge")


def clip_features(clips: list[LabelledClip], *, window: float = 30.0, hop: float = 5.0,
                  jobs: int | None = None, progress=None,
                  preparation=None) -> list[tuple[np.ndarray | None, str | None]]:
    """(window feature matrix, None) or (None, error) per clip, analysed in worker processes
    (preparation: default the app's, features/prepare.py)."""
    from joblib import Parallel, delayed

    from tmer_desktop.features.prepare import DEFAULT

    preparation = preparation or DEFAULT
    jobs = jobs or max(1, min(2, os.cpu_count() or 1))
    out = []
    tasks = (delayed(_analyse_one)(str(c.path), window, hop, preparation) for c in clips)
    for i, result in enumerate(Parallel(n_jobs=jobs, return_as="generator")(tasks), start=1):
        out.append(result)
        if progress:
            progress(i, len(clips))
    return out


def bootstrap_interval(y: np.ndarray, pred: np.ndarray, draws: int = BOOTSTRAP_DRAWS, seed: int = 0,
                       level: float = 0.95) -> tuple[float, float]:
    """Percentile interval of macro-F1 over clips resampled with replacement."""
    from sklearn.metrics import f1_score

    rng = np.random.default_rng(seed)
    scores = np.empty(draws)
    labels = list(range(len(CLASSES)))
    for k in range(draws):
        idx = rng.integers(0, len(y), len(y))
        scores[k] = f1_score(y[idx], pred[idx], average="macro", labels=labels, zero_division=0)
    lo, hi = np.quantile(scores, [(1 - level) / 2, (1 + level) / 2])
    return float(lo), float(hi)


def score_clips(y: np.ndarray, probs: np.ndarray, threshold: float, top2_threshold: float,
                unfamiliar: np.ndarray | None = None) -> dict:
    """Every figure of the external report, from clip labels and clip probabilities."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    from tmer_desktop.model.evaluate import decision_summary

    pred = probs.argmax(axis=1)
    labels = list(range(len(CLASSES)))
    per_class = f1_score(y, pred, average=None, labels=labels, zero_division=0)
    lo, hi = bootstrap_interval(y, pred)
    return {
        "n_clips": int(len(y)),
        "accuracy": float(accuracy_score(y, pred)),
        "macro_f1": float(per_class.mean()),
        "macro_f1_interval": [lo, hi],
        "per_class_f1": dict(zip(CLASSES, map(float, per_class))),
        "confusion_matrix": {"labels": list(CLASSES),
                             "rows_true_cols_pred": confusion_matrix(y, pred, labels=labels).tolist()},
        "ece": expected_calibration_error(y, probs),
        "brier": multiclass_brier(y, probs),
        "predicted_counts": dict(zip(CLASSES, np.bincount(pred, minlength=len(CLASSES)).tolist())),
        "decision_rule": decision_summary(y, probs, threshold, top2_threshold, unfamiliar),
    }


def evaluate_external(folder: str | os.PathLike, model_dir: str | None = None, *, jobs: int | None = None,
                      progress=None) -> dict:
    """Evaluate the model (default: the bundled one) on a labelled folder; JSON-ready dict."""
    from tmer_desktop.model.bundle import load_model
    from tmer_desktop.model.decide import aggregate, track_unfamiliar

    clips = read_labels(folder)
    if not clips:
        raise ExternalSetError(f"{Path(folder) / LABELS_FILE}: lists no clips")
    model = load_model(model_dir, allow_retrain=False)
    analysed = clip_features(clips, jobs=jobs, progress=progress)
    ys, probs, failed, per_clip, unfamiliar = [], [], [], [], []
    for clip, (matrix, error) in zip(clips, analysed):
        if matrix is None or not len(matrix):
            failed.append({"file": clip.file, "error": error or "no window could be analysed"})
            continue
        p = aggregate(model.predict_proba(matrix))
        report = model.familiarity(matrix)
        flag = None if report is None else track_unfamiliar(report.unfamiliar)
        ys.append(clip.label)
        probs.append(p)
        unfamiliar.append(flag)
        per_clip.append({"file": clip.file, "label": CLASSES[clip.label], "predicted": CLASSES[int(p.argmax())],
                         "confidence": float(p.max()), "windows": int(len(matrix)), "unfamiliar": flag,
                         **{f"p_{c}": float(v) for c, v in zip(CLASSES, p)}})
    if not ys:
        raise ExternalSetError(f"{folder}: none of the {len(clips)} listed files could be analysed "
                               f"(first: {failed[0]['file']}: {failed[0]['error']})")
    y, P = np.array(ys), np.vstack(probs)
    flagged = np.array([bool(f) for f in unfamiliar])
    result = score_clips(y, P, model.threshold, model.top2_threshold, flagged)
    right = P.argmax(axis=1) == y
    result["unfamiliar"] = {
        "clips": int(flagged.sum()),
        "accuracy_unfamiliar": float(right[flagged].mean()) if flagged.any() else None,
        "accuracy_familiar": float(right[~flagged].mean()) if (~flagged).any() else None,
    }
    result.update(folder=str(folder), model_version=model.version, failed=failed, clips=per_clip,
                  protocol=("each file analysed in 30 s windows (hop 5 s) as the app does; clip probability = "
                            "mean of its window probabilities; macro-F1 interval: 95 % percentile bootstrap over "
                            f"clips ({BOOTSTRAP_DRAWS} draws); ECE with {ECE_BINS} equal-width bins"))
    return result


def format_external(result: dict) -> str:
    """The report for the terminal (file names with control characters escaped)."""
    from tmer_desktop.console import for_terminal
    from tmer_desktop.model.evaluate import confusion_lines

    lo, hi = result["macro_f1_interval"]
    lines = [
        f"External evaluation of model {result['model_version']} on {for_terminal(result['folder'])}",
        "Protocol: " + result["protocol"] + ".",
        f"Clips scored: {result['n_clips']}" + (f" ({len(result['failed'])} could not be analysed)"
                                                if result["failed"] else ""),
        "",
        f"Macro-F1         {result['macro_f1']:.3f} (95 % interval {lo:.3f}–{hi:.3f})",
        f"Accuracy         {result['accuracy']:.3f}",
        "Per-class F1     " + "  ".join(f"{c} {v:.3f}" for c, v in result["per_class_f1"].items()),
        f"ECE ({ECE_BINS} bins)    {result['ece']:.3f}",
        f"Brier (4-class)  {result['brier']:.3f}",
        "Predicted        " + "  ".join(f"{c} {n}" for c, n in result["predicted_counts"].items()),
    ]
    d = result["decision_rule"]

    def fmt(v: Any) -> str:
        return "n/a" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.3f}"

    lines.append(f"Decision rule    label {100 * d['label_share']:.1f}% (right {fmt(d['label_accuracy'])}), "
                 f"top-2 {100 * d['top2_share']:.1f}% (truth in pair {fmt(d['top2_truth_in_pair'])}), "
                 f"review {100 * d['review_share']:.1f}%")
    u = result["unfamiliar"]
    lines.append(f"Unfamiliar music {u['clips']} clip(s) flagged (accuracy {fmt(u['accuracy_unfamiliar'])}; "
                 f"on the others {fmt(u['accuracy_familiar'])})")
    lines += ["", *confusion_lines(result["confusion_matrix"])]
    for f in result["failed"]:
        lines.append(f"not analysed: {for_terminal(f['file'])}: {for_terminal(f['error'])}")
    return "\n".join(lines)
