"""Valence/arousal placement of emotions and tracks (Russell's circumplex, simplified).

Each emotion sits on a corner of the square [-1, 1]²:

    happy (+1, +1)   angry (-1, +1)   sad (-1, -1)   relaxed (+1, -1)

A track's position is the probability-weighted mix of the four corners (probabilities are
renormalised to sum to 1). Tempo is a secondary arousal cue:

    z       = (tempo - mean) / std        mean/std of `_Tempo_Mean` in the training CSV
    a_tempo = clip(z / 2, -1, 1)          two standard deviations reach the square's edge
    arousal = (1 - w) * a_probs + w * a_tempo,   w = TEMPO_WEIGHT (0.2)

The weight is small on purpose: in the training data tempo separates the classes weakly
(class means 113-129 BPM against a spread of 34 BPM), so it only nudges a track up or down.
A track without a tempo keeps its probability arousal (w = 0 for it).
"""

from __future__ import annotations

import csv
import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tmer_desktop.paths import TRAINING_CSV
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import EMOTIONS  # noqa: F401 (re-exported)

CORNERS: dict[str, tuple[float, float]] = {
    "happy": (1.0, 1.0),
    "angry": (-1.0, 1.0),
    "sad": (-1.0, -1.0),
    "relaxed": (1.0, -1.0),
}
# Words a user may type for a goal or mood, mapped to the emotion they mean.
MOOD_ALIASES: dict[str, str] = {
    "relaxing": "relaxed",
    "relax": "relaxed",
    "calm": "relaxed",
    "energizing": "happy",
    "energising": "happy",
    "energize": "happy",
    "energise": "happy",
}
TEMPO_WEIGHT = 0.2
TEMPO_COLUMN = "_Tempo_Mean"
# Length of the square's diagonal: the largest distance two positions can have.
MAX_DISTANCE = 2.0 * math.sqrt(2.0)

Point = tuple[float, float]


class MoodError(ValueError):
    """An unknown mood or goal word; the message (a marked Message, `args[0]`) lists the accepted ones."""


def resolve_mood(word: str) -> str:
    """'Relaxing' -> 'relaxed', 'energizing' -> 'happy', 'sad' -> 'sad' (case-insensitive)."""
    key = str(word).strip().lower()
    key = MOOD_ALIASES.get(key, key)
    if key not in CORNERS:
        accepted = ", ".join([*EMOTIONS, "relaxing", "energizing"])
        # The accepted words are what a user types (CLI), so they stay as they are in every language.
        raise MoodError(QT_TRANSLATE_NOOP("Playlists", "Unknown mood '{word}'; use one of: {accepted}.")
                        .format(word=str(word), accepted=accepted))
    return key


@dataclass(frozen=True)
class TempoScale:
    """Mean and standard deviation used to z-score tempo (BPM)."""

    mean: float
    std: float

    def arousal(self, tempo: float | None) -> float | None:
        if tempo is None or not math.isfinite(tempo) or tempo <= 0 or self.std <= 0:
            return None
        z = (tempo - self.mean) / self.std
        return max(-1.0, min(1.0, z / 2.0))


@functools.lru_cache(maxsize=4)
def training_tempo_scale(csv_path: Path = TRAINING_CSV) -> TempoScale | None:
    """Tempo statistics of the training CSV; None when the file is missing or unreadable."""
    values: list[float] = []
    try:
        with open(csv_path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                try:
                    value = float(row[TEMPO_COLUMN])
                except (KeyError, TypeError, ValueError):
                    continue
                if math.isfinite(value):
                    values.append(value)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    std = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
    return TempoScale(mean, std)


def probability_position(probabilities: Mapping[str, float]) -> Point:
    """Probability-weighted mix of the four corners."""
    total = sum(max(0.0, float(probabilities.get(e, 0.0))) for e in EMOTIONS)
    if total <= 0:
        return (0.0, 0.0)
    v = sum(max(0.0, float(probabilities.get(e, 0.0))) * CORNERS[e][0] for e in EMOTIONS) / total
    a = sum(max(0.0, float(probabilities.get(e, 0.0))) * CORNERS[e][1] for e in EMOTIONS) / total
    return (v, a)


def track_position(
    probabilities: Mapping[str, float],
    tempo: float | None = None,
    scale: TempoScale | None = None,
    tempo_weight: float = TEMPO_WEIGHT,
) -> Point:
    """Position of a track: probabilities for both axes, tempo nudging arousal."""
    v, a = probability_position(probabilities)
    a_tempo = scale.arousal(tempo) if scale is not None else None
    if a_tempo is not None:
        a = (1.0 - tempo_weight) * a + tempo_weight * a_tempo
    return (v, a)


def distance(p: Point, q: Point) -> float:
    return math.hypot(p[0] - q[0], p[1] - q[1])


def dominant_emotion(probabilities: Mapping[str, float]) -> str:
    return max(EMOTIONS, key=lambda e: float(probabilities.get(e, 0.0)))
