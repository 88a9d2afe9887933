"""Retraining with corrections: a candidate model is compared with the active one, honestly,
and promoted only when it is not worse by more than a margin of macro-F1.

The comparison (docs/feedback.md, "Promotion rule"):
1. Held-back corrections. Corrections are split by recording (all windows of one track stay
   together) with a stable hash, so the same recordings are held back at every retrain and no
   model ever trains on them. Both the active model (the stored file itself) and the
   candidate are scored on them.
2. The same folds. The training CSV is split into grouped, stratified folds (duplicates kept
   together) with one seed; in every fold the current recipe (the CSV rows plus the
   corrections the active model learnt from) and the candidate recipe (the CSV rows plus all
   usable corrections) are fitted on the same training part and scored on the same test part.
   Correction rows identical to a test row are left out of that fold's training.
Corrections count more than a training row: the weight is chosen by cross-validation on the
corrections the candidate learns from (model/adapt.py), never on the held-back ones, and the
same weight is used for both recipes in the comparison.
3. Promote when, with at least `min_holdout` corrections held back, holdout macro-F1(candidate)
   >= holdout macro-F1(current) - margin, and mean CV macro-F1(candidate) >= mean CV
   macro-F1(current) - margin on the training folds. When the held-back corrections show a gain
   (candidate better than current there), the folds may lose up to `fold_margin` instead: the
   user's own music decides, the folds only guard against forgetting the training data (a model
   adapted to other music is expected to lose a little on Turkish folds). With fewer held-back
   corrections the held-back test is skipped and the folds must not lose more than `margin`.
Whatever the verdict, the candidate is kept in the model store with all these numbers, so
it can be activated later by hand (and any version rolled back to).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold

from tmer_desktop.errors import TmerError
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.hashing import file_sha256
from tmer_desktop.model.adapt import WeightChoice, choose_weight
from tmer_desktop.model.corrections import MAX_FEEDBACK_ROWS, FeedbackRecord
from tmer_desktop.model.data import CLASSES, LabelledData, load_labelled_csv, row_keys
from tmer_desktop.model.store import BUNDLED, ModelStore, ModelStoreError
from tmer_desktop.model.train import TrainingConfig
from tmer_desktop.paths import TRAINING_CSV
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD

DEFAULT_MARGIN = 0.01
DEFAULT_FOLD_MARGIN = 0.05
LOW_CONFIDENCE = DEFAULT_THRESHOLD


class RetrainError(TmerError):
    """Retraining cannot run; the message says why."""


@dataclass(frozen=True)
class RetrainConfig:
    margin: float = DEFAULT_MARGIN  # macro-F1 the candidate may lose and still be promoted
    fold_margin: float = DEFAULT_FOLD_MARGIN  # on the training folds, when the held-back corrections show a gain
    folds: int = 5
    repeats: int = 1
    seed: int = 0
    holdout_fraction: float = 0.25  # share of recordings whose corrections are never trained on
    min_holdout: int = 10  # fewer held-back corrections: the holdout test is skipped (reported)
    training: TrainingConfig = field(default_factory=TrainingConfig)
    correction_weight: float | None = None  # None: chosen by the protocol of model/adapt.py


@dataclass
class RetrainResult:
    candidate: str  # the new version's name in the model store
    compared_with: str
    promoted: bool
    reason: str  # a Message: i18n.translated(result.reason) words it in the interface language
    metrics: dict[str, Any]  # metrics["reason"] is the same Message

    def summary(self) -> str:
        cv = self.metrics["cv"]
        lines = [
            f"Candidate {self.candidate} vs {self.compared_with}: "
            f"CV macro-F1 {cv['candidate_mean']:.3f} vs {cv['current_mean']:.3f} "
            f"({cv['folds']} folds x {cv['repeats']})",
        ]
        hold = self.metrics.get("holdout")
        if hold and hold.get("candidate_macro_f1") is not None:
            current = hold.get("current_macro_f1")
            lines.append(
                f"Held-back corrections ({hold['n']}): macro-F1 {hold['candidate_macro_f1']:.3f} "
                f"vs {'n/a' if current is None else f'{current:.3f}'}"
            )
            before = hold.get("current_accuracy")
            lines.append(
                f"On your {hold['n']} held-back corrections: "
                f"{'n/a' if before is None else f'{100 * before:.0f} %'} right before, "
                f"{100 * hold['candidate_accuracy']:.0f} % with this version"
            )
        weight = self.metrics.get("correction_weight")
        if weight:
            lines.append(f"Each correction counted {weight['weight']:g}x a training row ({weight['how']})")
        lines.append(("PROMOTED: " if self.promoted else "NOT promoted: ") + self.reason)
        return "\n".join(lines)


# --------------------------------------------------------------------------- data helpers
def is_held_back(group: str, fraction: float) -> bool:
    """Stable across runs and machines: the same recordings are always held back."""
    value = int(hashlib.sha256(group.encode("utf-8")).hexdigest()[:8], 16) / 0x1_0000_0000
    return value < fraction


def _labelled(records: Sequence) -> tuple[LabelledData, list]:
    usable = [r for r in records if r.label is not None]
    X = pd.DataFrame([r.features for r in usable], columns=list(FEATURE_NAMES), dtype="float64")
    y = np.array([CLASSES.index(r.label) for r in usable], dtype=np.int64)
    return LabelledData(X=X, y=y, groups=row_keys(X, y)), usable


def _subset(data: LabelledData, index) -> LabelledData:
    index = np.asarray(index, dtype=np.int64)
    return LabelledData(X=data.X.iloc[index].reset_index(drop=True), y=data.y[index], groups=data.groups[index])


def _join(first: LabelledData, second: LabelledData) -> LabelledData:
    if len(second) == 0:
        return first
    offset = int(first.groups.max()) + 1 if len(first) else 0
    return LabelledData(
        X=pd.concat([first.X, second.X], ignore_index=True),
        y=np.concatenate([first.y, second.y]),
        groups=np.concatenate([first.groups, second.groups + offset]),
    )


def _without_rows_of(extra: LabelledData, test: LabelledData) -> LabelledData:
    """Extra rows minus any whose features equal a test row (a correction of a training clip)."""
    if len(extra) == 0 or len(test) == 0:
        return extra
    keys = row_keys(pd.concat([test.X, extra.X], ignore_index=True))
    keep = ~np.isin(keys[len(test):], keys[: len(test)])
    return extra if keep.all() else _subset(extra, np.flatnonzero(keep))


def _fit(config: TrainingConfig, base: LabelledData, extra: LabelledData, weight: float = 1.0):
    data = _join(base, extra)
    sample_weight = np.concatenate([np.ones(len(base)), np.full(len(extra), float(weight))])
    return config.make().fit(data.X, data.y, data.groups, sample_weight=sample_weight)


def _macro_f1(y: np.ndarray, probs: np.ndarray) -> float:
    present = sorted(set(y.tolist()))
    return float(f1_score(y, probs.argmax(axis=1), labels=present, average="macro", zero_division=0))


def _empty(data: LabelledData) -> LabelledData:
    return _subset(data, np.array([], dtype=np.int64))


# --------------------------------------------------------------------------- progress
# The phases of a retrain that take long: each is a series of similar fits, whose time grows with
# the number of corrections (10,000 corrections: minutes per phase on two cores).
CHOOSING_WEIGHT = QT_TRANSLATE_NOOP("Model", "Choosing how much a correction counts")
COMPARING = QT_TRANSLATE_NOOP("Model", "Comparing with the current model on the training folds")


def phase_progress(say, phase: str, clock=time.monotonic):
    """A progress(done, total) callback for one phase: tells `say` the step and, once a step has
    finished, about how long the rest of the phase takes (the mean time of a step so far)."""
    started = clock()

    def progress(done: int, total: int) -> None:
        if done >= total:
            return  # the next phase speaks next
        if done == 0:
            say(QT_TRANSLATE_NOOP("Model", "{phase}: step {done} of {total}…").format(phase=phase, done=1, total=total))
            return
        left = (clock() - started) / done * (total - done)
        if left >= 90:
            say(QT_TRANSLATE_NOOP("Model", "{phase}: step {done} of {total}, about {minutes} min left…").format(
                phase=phase, done=done + 1, total=total, minutes=round(left / 60)))
        else:
            say(QT_TRANSLATE_NOOP("Model", "{phase}: step {done} of {total}, about {seconds} s left…").format(
                phase=phase, done=done + 1, total=total, seconds=max(5, 5 * round(left / 5))))

    return progress


# --------------------------------------------------------------------------- the comparison
def compare_on_folds(
    base: LabelledData, current_extra: LabelledData, candidate_extra: LabelledData, config: RetrainConfig,
    weight: float = 1.0, progress=None,
) -> dict[str, Any]:
    """progress(done, total), if given, is called before the first fold and after each."""
    report = progress or (lambda _done, _total: None)
    total = config.repeats * config.folds
    report(0, total)
    current_scores, candidate_scores = [], []
    oof_confidence = np.full((config.repeats, len(base)), np.nan)
    for r in range(config.repeats):
        splitter = StratifiedGroupKFold(n_splits=config.folds, shuffle=True, random_state=config.seed + r)
        for train_idx, test_idx in splitter.split(base.X, base.y, base.groups):
            train, test = _subset(base, train_idx), _subset(base, test_idx)
            current = _fit(config.training, train, _without_rows_of(current_extra, test), weight)
            candidate = _fit(config.training, train, _without_rows_of(candidate_extra, test), weight)
            current_scores.append(_macro_f1(test.y, current.predict_proba(test.X)))
            probs = candidate.predict_proba(test.X)
            candidate_scores.append(_macro_f1(test.y, probs))
            oof_confidence[r, test_idx] = probs.max(axis=1)
            report(len(candidate_scores), total)
    diff = np.array(candidate_scores) - np.array(current_scores)
    return {
        "folds": config.folds,
        "repeats": config.repeats,
        "seed": config.seed,
        "current_macro_f1": current_scores,
        "candidate_macro_f1": candidate_scores,
        "current_mean": float(np.mean(current_scores)),
        "candidate_mean": float(np.mean(candidate_scores)),
        "mean_difference": float(diff.mean()),
        "sd_difference": float(diff.std(ddof=1)) if len(diff) > 1 else 0.0,
        "candidate_low_confidence_share": float(np.mean(oof_confidence < LOW_CONFIDENCE)),
    }


def compare_on_holdout(current_model, candidate_model, holdout: LabelledData) -> dict[str, Any]:
    result: dict[str, Any] = {"n": len(holdout)}
    if len(holdout) == 0:
        return result | {"candidate_macro_f1": None, "current_macro_f1": None}
    for name, model in (("candidate", candidate_model), ("current", current_model)):
        if model is None:
            result[f"{name}_macro_f1"] = result[f"{name}_accuracy"] = None
            continue
        probs = model.predict_proba(holdout.X)
        result[f"{name}_macro_f1"] = _macro_f1(holdout.y, probs)
        result[f"{name}_accuracy"] = float(accuracy_score(holdout.y, probs.argmax(axis=1)))
    return result


def decide(cv: dict[str, Any], holdout: dict[str, Any], config: RetrainConfig) -> tuple[bool, str]:
    """The promotion rule (module docstring, step 3); returns (promote?, the reason in words:
    a Message whose numbers stay numbers, so the interface words it in its language)."""
    m = config.margin
    held_back_gain = (holdout["n"] >= config.min_holdout and holdout.get("current_macro_f1") is not None
                      and holdout["candidate_macro_f1"] > holdout["current_macro_f1"])
    fold_m = max(m, config.fold_margin) if held_back_gain else m
    if cv["candidate_mean"] < cv["current_mean"] - fold_m:
        return False, QT_TRANSLATE_NOOP(
            "Model", "on the training folds the candidate's macro-F1 {candidate:.3f} is more than "
                     "{margin:.3f} below the current {current:.3f}"
        ).format(candidate=cv["candidate_mean"], margin=fold_m, current=cv["current_mean"])
    why = None
    if holdout["n"] < config.min_holdout:
        why = QT_TRANSLATE_NOOP(
            "Model", "only {count} held-back correction(s), at least {needed} needed for that test"
        ).format(count=holdout["n"], needed=config.min_holdout)
    elif holdout.get("current_macro_f1") is None:
        why = QT_TRANSLATE_NOOP("Model", "the current model could not be scored on the held-back corrections")
    if why:
        return True, QT_TRANSLATE_NOOP(
            "Model", "not worse on the training folds (margin {margin:.3f}); held-back test skipped: {why}"
        ).format(margin=m, why=why)
    if holdout["candidate_macro_f1"] < holdout["current_macro_f1"] - m:
        return False, QT_TRANSLATE_NOOP(
            "Model", "on {count} held-back corrections the candidate's macro-F1 {candidate:.3f} is more than "
                     "{margin:.3f} below the current {current:.3f}"
        ).format(count=holdout["n"], candidate=holdout["candidate_macro_f1"], margin=m,
                 current=holdout["current_macro_f1"])
    return True, QT_TRANSLATE_NOOP(
        "Model", "not worse than the current model by more than {margin:.3f} macro-F1 on the held-back "
                 "corrections, nor by more than {fold_margin:.3f} on the training folds"
    ).format(margin=m, fold_margin=fold_m)


def _correction_weight(base: LabelledData, extra: LabelledData, records: Sequence[FeedbackRecord],
                       config: RetrainConfig, progress=None) -> WeightChoice:
    if config.correction_weight is not None:
        return WeightChoice(float(config.correction_weight), "fixed", len({r.group for r in records}), {})
    if len(extra) == 0:
        return WeightChoice(1.0, "no corrections", 0, {})
    return choose_weight(base.X, base.y, base.groups, extra.X, extra.y, [r.group for r in records],
                         config=config.training, progress=progress)


# --------------------------------------------------------------------------- the whole run
def retrain(
    records: Sequence[FeedbackRecord] | None,
    *,
    store: ModelStore,
    config: RetrainConfig = RetrainConfig(),
    base_csv: str | os.PathLike = TRAINING_CSV,
    progress=None,
    source: str | os.PathLike | None = None,
) -> RetrainResult:
    """Train a candidate on the base CSV plus corrections, compare, store it, promote or not.

    records: the corrections (the library's, or a CSV's read with model.corrections), or None
    (base only). source: the file they were read from, if any, named when none is usable.
    progress: optional callable(str) for a status line: the phase, its step and the time left
    (marked messages, so the interface words them in its language).
    """
    say = progress or (lambda _msg: None)
    given = records is not None
    records = list(records or [])
    if len(records) > MAX_FEEDBACK_ROWS:
        # The library's corrections come here without the CSV reader's limit; the version's
        # training_feedback.csv must stay readable by the next retrain.
        raise RetrainError(QT_TRANSLATE_NOOP(
            "Model", "{count} corrections are more than the {limit} one retrain can use; export them and "
                     "retrain with a file of at most {limit}.").format(count=len(records), limit=MAX_FEEDBACK_ROWS))
    base = load_labelled_csv(base_csv)
    labelled, usable = _labelled(records)
    if given and not usable:
        if source is not None:
            raise RetrainError(QT_TRANSLATE_NOOP(
                "Model", "{path}: no correction has a known label (confirmed or corrected), so there is "
                         "nothing to learn from.").format(path=str(source)))
        raise RetrainError(QT_TRANSLATE_NOOP(
            "Model", "No correction has a known label (confirmed or corrected), so there is nothing to learn from."))
    held = np.array([is_held_back(r.group, config.holdout_fraction) for r in usable], dtype=bool)
    train_records = [r for r, h in zip(usable, held) if not h]
    candidate_extra = _subset(labelled, np.flatnonzero(~held))
    holdout = _subset(labelled, np.flatnonzero(held))

    current = store.active()
    current_model, current_note = None, None
    try:
        current_model = store.load(current.version)
        current_extra, _ = _labelled(
            [r for r in store.training_feedback(current.version) if not is_held_back(r.group, config.holdout_fraction)]
        )
    except ModelStoreError as exc:
        if not current.bundled:
            raise
        current_note = exc.message or str(exc)  # no usable shipped model: compare with the base-only recipe
        current_extra = _empty(labelled)

    weight = _correction_weight(base, candidate_extra, train_records, config,
                                progress=phase_progress(say, CHOOSING_WEIGHT))
    cv = compare_on_folds(base, current_extra, candidate_extra, config, weight.weight,
                          progress=phase_progress(say, COMPARING))
    say(QT_TRANSLATE_NOOP("Model", "Training the candidate on all the data…"))
    candidate_model = _fit(config.training, base, candidate_extra, weight.weight)
    hold = compare_on_holdout(current_model, candidate_model, holdout)
    promote, reason = decide(cv, hold, config)
    if current_note:
        reason = QT_TRANSLATE_NOOP("Model", "{reason} (the current model could not be loaded: {problem})").format(
            reason=reason, problem=current_note)

    metrics = {
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "base_csv": Path(base_csv).name,
        "base_rows": len(base),
        "corrections_total": len(records),
        "corrections_unlabelled": len(records) - len(usable),
        "corrections_trained_on": len(train_records),
        "corrections_held_back": int(held.sum()),
        "correction_weight": weight.to_dict(),
        "training_config": config.training.to_dict(),
        "margin": config.margin,
        "compared_with": current.version,
        "cv": cv,
        "holdout": hold,
        "macro_f1": cv["candidate_mean"],
        "low_confidence_share": cv["candidate_low_confidence_share"],
        "promoted": promote,
        "reason": reason,
    }
    say(QT_TRANSLATE_NOOP("Model", "Storing the candidate…"))
    training = {
        "csv_file": Path(base_csv).name,
        "csv_sha256": file_sha256(base_csv),
        "n_rows": len(base) + len(candidate_extra),
        "n_extra_rows": len(candidate_extra),
        "class_counts": {c: int((base.y == i).sum() + (candidate_extra.y == i).sum()) for i, c in enumerate(CLASSES)},
    }
    stored = store.save(
        candidate_model, config=config.training, training=training, metrics=metrics, feedback=train_records,
        activate=promote,
    )
    return RetrainResult(stored.version, current.version, promote, reason, metrics)


__all__ = [
    "BUNDLED",
    "DEFAULT_MARGIN",
    "RetrainConfig",
    "RetrainError",
    "RetrainResult",
    "compare_on_folds",
    "compare_on_holdout",
    "decide",
    "is_held_back",
    "retrain",
]
