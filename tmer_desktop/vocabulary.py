"""Words every layer shares: the four emotions (in the model's class order), the three
decisions, and the decision rule's thresholds.

One definition here; `model.data.CLASSES`, `library.schema.EMOTIONS` and the UI's palette are
this tuple. The defaults are the `Settings` defaults (settings.py reads them from here), so a
caller without settings decides exactly as one with untouched settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The order is the model's column order of predict_proba and the order of every p_* column.
EMOTIONS: tuple[str, ...] = ("happy", "sad", "angry", "relaxed")
# "label": one emotion is sure enough; "top-2": the best two together are; "review": neither.
DECISIONS: tuple[str, ...] = ("label", "top-2", "review")
DEFAULT_THRESHOLD = 0.75  # the best emotion is shown alone when its probability reaches this
DEFAULT_TOP2_THRESHOLD = 0.90  # else the best two are shown when together they reach this


@dataclass(frozen=True)
class DecisionRule:
    """The thresholds that turn probabilities into a decision (model.decide applies them)."""

    threshold: float = DEFAULT_THRESHOLD
    top2_threshold: float = DEFAULT_TOP2_THRESHOLD

    @classmethod
    def from_settings(cls, settings: Any) -> DecisionRule:
        """The rule of a `Settings` (or anything with its two attributes)."""
        return cls(threshold=float(settings.decision_threshold), top2_threshold=float(settings.top2_threshold))
