"""Emotion names in the app's languages (the dataset's four classes; Spanish as in DESIGN.md)."""

from __future__ import annotations

EMOTION_NAMES: dict[str, dict[str, str]] = {
    "en": {"happy": "Happy", "sad": "Sad", "angry": "Angry", "relaxed": "Relaxed"},
    "es": {"happy": "Feliz", "sad": "Triste", "angry": "Enojado", "relaxed": "Relajado"},
    "tr": {"happy": "Mutlu", "sad": "Üzgün", "angry": "Öfkeli", "relaxed": "Rahat"},
}


def emotion_names(language: str) -> dict[str, str]:
    return EMOTION_NAMES.get(language, EMOTION_NAMES["en"])
