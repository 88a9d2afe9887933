"""Words every layer shares: the four emotions (in the model's class order), the three
decisions, the decision rule's thresholds, the two kinds of failure and the two levels of analysis.

One definition here; `model.data.CLASSES`, `library.schema.EMOTIONS` and the UI's palette are
this tuple. The defaults are the `Settings` defaults (settings.py reads them from here), so a
caller without settings decides exactly as one with untouched settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

# The order is the model's column order of predict_proba and the order of every p_* column.
EMOTIONS: tuple[str, ...] = ("happy", "sad", "angry", "relaxed")
# "label": one emotion is sure enough; "top-2": the best two together are; "review": neither.
DECISIONS: tuple[str, ...] = ("label", "top-2", "review")
DEFAULT_THRESHOLD = 0.75  # the best emotion is shown alone when its probability reaches this
DEFAULT_TOP2_THRESHOLD = 0.90  # else the best two are shown when together they reach this


class FailureKind(StrEnum):
    """Whether a file that could not be tagged is worth trying again. Decided where the failure is
    known (the worker pool for a process that died or hung, the analysis for the file itself),
    stored with the track (`tracks.error_kind`), read back by the next batch."""

    # The analysis process crashed, stopped, was killed from outside or timed out; or the file
    # could not be read just then. May not happen again (memory, load): the next batch tries again.
    TRANSIENT = "transient"
    # The file itself is broken, unsupported, silent or too short: it stays so while its bytes do.
    PERMANENT = "permanent"


FAILURE_KINDS: tuple[str, ...] = tuple(kind.value for kind in FailureKind)


class Timeline(StrEnum):
    """The two levels of analysis of a track (docs/tagging.md, "Two levels of analysis"), stored
    with the track (`tracks.timeline`)."""

    # Non-overlapping windows (hop = window): an overview, 2.5-3x cheaper than the fine one
    # (`tmer tag --coarse`); the track's emotion can change when the fine one is made.
    COARSE = "coarse"
    # Overlapping windows every `hop` seconds (the settings' hop, 5 s by default): what every
    # batch makes unless `tmer tag --coarse`, and what the player makes for a coarse-only track.
    # Holds every coarse window.
    FINE = "fine"


TIMELINES: tuple[str, ...] = tuple(level.value for level in Timeline)


@dataclass(frozen=True)
class DecisionRule:
    """The thresholds that turn probabilities into a decision (model.decide applies them)."""

    threshold: float = DEFAULT_THRESHOLD
    top2_threshold: float = DEFAULT_TOP2_THRESHOLD

    @classmethod
    def from_settings(cls, settings: Any) -> DecisionRule:
        """The rule of a `Settings` (or anything with its two attributes)."""
        return cls(threshold=float(settings.decision_threshold), top2_threshold=float(settings.top2_threshold))
