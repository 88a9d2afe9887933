"""Words the core's sentences share (playlists, the model's reasons), marked for the interface's
translations (Qt-free, and light: the interface imports it for the chart labels too).

An emotion, a decision or a feature family named inside a sentence is a marked Template value, so the interface
words it in its own language together with the sentence (ui.i18n.translated translates nested
values).
"""

from __future__ import annotations

from tmer_desktop.translatable import QT_TRANSLATE_NOOP

# Inside a sentence ("86% of the way to relaxed").
EMOTION_WORDS: dict[str, str] = {
    "happy": QT_TRANSLATE_NOOP("Emotions", "happy"),
    "sad": QT_TRANSLATE_NOOP("Emotions", "sad"),
    "angry": QT_TRANSLATE_NOOP("Emotions", "angry"),
    "relaxed": QT_TRANSLATE_NOOP("Emotions", "relaxed"),
}
# At the head of a phrase ("Relaxed 86% (label)").
EMOTION_TITLES: dict[str, str] = {
    "happy": QT_TRANSLATE_NOOP("Emotions", "Happy"),
    "sad": QT_TRANSLATE_NOOP("Emotions", "Sad"),
    "angry": QT_TRANSLATE_NOOP("Emotions", "Angry"),
    "relaxed": QT_TRANSLATE_NOOP("Emotions", "Relaxed"),
}
# The tagger's decision for a track (model/decide.py): one emotion, the best two, or a person listens.
DECISIONS: dict[str, str] = {
    "label": QT_TRANSLATE_NOOP("Decisions", "label"),
    "top-2": QT_TRANSLATE_NOOP("Decisions", "top-2"),
    "review": QT_TRANSLATE_NOOP("Decisions", "review"),
}


def emotion_word(emotion: str) -> str:
    """The emotion as a marked word for inside a sentence (an unknown label as it is)."""
    return EMOTION_WORDS.get(emotion, emotion)


def emotion_title(emotion: str) -> str:
    """The emotion as a marked, capitalised word for the head of a phrase."""
    return EMOTION_TITLES.get(emotion, emotion.capitalize())


# The model's feature families (model/explain.py FAMILIES), in reasons and on the explanation charts.
FAMILY_WORDS: dict[str, str] = {
    "tempo/rhythm": QT_TRANSLATE_NOOP("Families", "tempo and rhythm"),
    "loudness/dynamics": QT_TRANSLATE_NOOP("Families", "loudness and dynamics"),
    "brightness": QT_TRANSLATE_NOOP("Families", "brightness"),
    "timbre": QT_TRANSLATE_NOOP("Families", "tone colour (timbre)"),
    "roughness/dissonance": QT_TRANSLATE_NOOP("Families", "roughness and dissonance"),
    "harmony/tonality": QT_TRANSLATE_NOOP("Families", "harmony and key"),
}


def family_word(family: str) -> str:
    return FAMILY_WORDS.get(family, family)


def decision_word(decision: str) -> str:
    return DECISIONS.get(decision, decision)
