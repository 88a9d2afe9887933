"""The judge: from the 50 features of analysis windows to decided windows and a decided track.

One judge for the batch worker (tagging/worker.py) and live recording (analysis/live.py), so the
same window features get the same verdict whichever path computed them:

1. silence: a window whose RMS is below SILENCE_RMS (about -100 dBFS; NaN counts as silent) holds
   no signal. MIR features of digital silence are degenerate (zero spectra, undefined centroids),
   so the model must not judge it; it gets the note SILENT and no probabilities.
2. prediction: the model's calibrated probabilities, reordered into EMOTIONS order, and its
   unfamiliar-music flag (model.train.Familiarity; None when the model cannot tell).
3. decision: the rule of model/decide.py with the thresholds of a `DecisionRule`.
4. aggregation: the track's probabilities from its judged windows (mean or majority vote,
   model.decide.aggregate), its unfamiliar flag (model.decide.track_unfamiliar), decided by the
   same rule; no verdict when no window was judged.

Each window is judged on its own (a one-row prediction): a matrix product over many rows may
round differently from one over a single row (BLAS blocks them differently), and a window's
verdict must not depend on which windows were judged along with it — live recording judges
them one by one as they complete. The cost is small next to computing the features.

No I/O: the model is handed in (anything with `classes`, `predict_proba` and, optionally,
`familiarity`, like model.bundle.EmotionModel).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from tmer_desktop.analysis.outcome import WindowOutcome
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.prepare import SILENCE_RMS
from tmer_desktop.model.decide import AGGREGATION_METHODS, aggregate, decide, track_unfamiliar
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import EMOTIONS, DecisionRule

# A window's note: too quiet to judge. The context is the one its translations were made in.
SILENT = QT_TRANSLATE_NOOP("Recording", "silent")

_RMS = FEATURE_NAMES.index("_RMSenergy_Mean")

W = TypeVar("W", bound=WindowOutcome)


def is_silent(features: Sequence[float]) -> bool:
    """True when a window (its features in FEATURE_NAMES order) holds no signal to judge."""
    return not features[_RMS] >= SILENCE_RMS  # NaN RMS counts as silent too


@dataclass(frozen=True)
class Verdict:
    """What the judge says about one window or a whole track."""

    probs: tuple[float, ...]  # EMOTIONS order
    label: str  # the most likely emotion
    confidence: float  # its probability
    decision: str  # one of vocabulary.DECISIONS
    unfamiliar: bool | None  # music unlike the training data (None: not assessed)


class Judge:
    """A model, the decision rule and the aggregation method, applied to window features."""

    def __init__(self, model: Any, rule: DecisionRule | None = None, aggregation: str = "mean"):
        if aggregation not in AGGREGATION_METHODS:
            raise ValueError(f"unknown aggregation method {aggregation!r}; choose from {AGGREGATION_METHODS}")
        classes = list(model.classes)
        missing = [e for e in EMOTIONS if e not in classes]
        if missing:
            raise ValueError(f"the model does not predict {', '.join(missing)} (its classes: {', '.join(classes)})")
        self.model = model
        self.rule = rule if rule is not None else DecisionRule()
        self.aggregation = aggregation
        # Columns of predict_proba in EMOTIONS order, whatever order the model lists its classes in.
        self._order = [classes.index(e) for e in EMOTIONS]

    def verdict(self, features: Sequence[float]) -> Verdict | None:
        """The verdict on one window's features (FEATURE_NAMES order); None when it is silent."""
        if is_silent(features):
            return None
        row = np.asarray([features], dtype=np.float64)
        probs = np.asarray(self.model.predict_proba(pd.DataFrame(row, columns=list(FEATURE_NAMES))),
                           dtype=np.float64)[0, self._order]
        familiarity = getattr(self.model, "familiarity", None)  # stand-in models may lack it
        report = familiarity(row) if familiarity is not None else None
        unfamiliar = None if report is None else bool(report.unfamiliar[0])
        return self._decided(probs, unfamiliar)

    def window(self, window: W) -> W:
        """`window` (features set) with its verdict filled in, or with the note SILENT."""
        found = self.verdict(window.features)
        if found is None:
            return dataclasses.replace(window, probs=None, label=None, confidence=None, decision=None,
                                       unfamiliar=None, note=SILENT)
        return dataclasses.replace(window, probs=found.probs, label=found.label, confidence=found.confidence,
                                   decision=found.decision, unfamiliar=found.unfamiliar, note=None)

    def track(self, windows: Sequence[WindowOutcome]) -> Verdict | None:
        """The track's verdict from its judged windows; None when none was judged."""
        return track_verdict(windows, self.rule, self.aggregation)

    def _decided(self, probs: np.ndarray, unfamiliar: bool | None) -> Verdict:
        return _decided(probs, unfamiliar, self.rule)


def track_verdict(windows: Sequence[WindowOutcome], rule: DecisionRule, aggregation: str = "mean") -> Verdict | None:
    """A track's verdict from windows judged elsewhere (Judge.window, e.g. in analysis processes);
    None when none was judged. Needs no model: what Judge.track says."""
    judged = [w for w in windows if w.probs is not None]
    if not judged:
        return None
    probs = np.asarray(aggregate(np.array([w.probs for w in judged], dtype=np.float64),
                                 method=aggregation), dtype=np.float64)
    return _decided(probs, track_unfamiliar([w.unfamiliar for w in judged]), rule)


def _decided(probs: np.ndarray, unfamiliar: bool | None, rule: DecisionRule) -> Verdict:
    d = decide(probs, threshold=rule.threshold, top2_threshold=rule.top2_threshold, unfamiliar=bool(unfamiliar))
    return Verdict(probs=tuple(float(p) for p in probs), label=d.label, confidence=float(d.confidence),
                   decision=d.decision, unfamiliar=unfamiliar)
