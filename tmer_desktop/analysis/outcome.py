"""What an analysis produces: the decided windows of a track and the track's own verdict.

The batch worker (tagging/worker.py) and live recording (analysis/live.py) both fill these;
tagging/persist.py stores them in the library.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tmer_desktop.features.prepare import DEFAULT as DEFAULT_PREPARATION
from tmer_desktop.vocabulary import FailureKind


@dataclass
class WindowOutcome:
    idx: int
    start: float
    duration: float
    short: bool
    features: tuple[float, ...]  # FEATURE_NAMES order
    probs: tuple[float, ...] | None  # EMOTIONS order; None when the window cannot be judged
    label: str | None = None
    confidence: float | None = None
    decision: str | None = None
    note: str | None = None  # judge.SILENT, or why the window could not be analysed
    unfamiliar: bool | None = None  # music unlike the training data (None: not assessed)


@dataclass
class Analysis:
    """The result of analysing one file (or the reason it failed, in `error`)."""

    path: str
    content_hash: str | None = None
    duration: float | None = None
    sample_rate: int | None = None
    channels: int | None = None
    metadata: dict = field(default_factory=dict)
    windows: list[WindowOutcome] = field(default_factory=list)
    probs: tuple[float, ...] | None = None
    label: str | None = None
    confidence: float | None = None
    decision: str | None = None
    short: bool = False
    error: str | None = None
    # Read when there is no label: whether trying again may help. What the analysis finds wrong
    # with the file itself (cannot be decoded, too short, silent) stays so: permanent. The pool
    # reports the transient failures (a process that died or hung).
    failure_kind: FailureKind = FailureKind.PERMANENT
    model_version: str | None = None
    extractor_version: str | None = None
    unfamiliar: bool | None = None
    timeline: str | None = None  # vocabulary.Timeline of `windows` (None: the run's level)
    reused_windows: int = 0  # windows whose features came from an earlier analysis, not computed

    def take_verdict(self, verdict) -> None:
        """The track's emotion, confidence, decision and familiarity from judge.Verdict."""
        self.probs, self.label, self.confidence = verdict.probs, verdict.label, verdict.confidence
        self.decision, self.unfamiliar = verdict.decision, verdict.unfamiliar


def extractor_version() -> str:
    """The feature extractor an analysis is stored under: its version and the preparation."""
    # Imported here, not above: the extractor pulls in numba and scipy (seconds), and the
    # library side (tagging/persist.py) imports this module only for the data types.
    from tmer_desktop.features.extract import EXTRACTOR_VERSION

    return f"{EXTRACTOR_VERSION}_{DEFAULT_PREPARATION.tag}"
