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
# The tagger's decision for a track or a window (model/decide.py), inside a sentence: one emotion is
# sure, the best two are ("two candidates"), or neither is and a person should listen. The machine
# values ("label", "top-2", "review") stay in the CSVs and the API (docs/tagging.md).
DECISIONS: dict[str, str] = {
    "label": QT_TRANSLATE_NOOP("Decisions", "sure"),
    "top-2": QT_TRANSLATE_NOOP("Decisions", "two candidates"),
    "review": QT_TRANSLATE_NOOP("Decisions", "needs review"),
}
# At the head of a phrase or in a table cell.
DECISION_TITLES: dict[str, str] = {
    "label": QT_TRANSLATE_NOOP("Decisions", "Sure"),
    "top-2": QT_TRANSLATE_NOOP("Decisions", "Two candidates"),
    "review": QT_TRANSLATE_NOOP("Decisions", "Needs review"),
}
# One line each, for tooltips, the timeline's legend and the guide (docs/guide/04-timeline-and-explanations.md).
DECISION_EXPLANATIONS: dict[str, str] = {
    "label": QT_TRANSLATE_NOOP("Decisions", "Sure: one emotion is clear enough (its probability reaches the "
                                            "threshold in Settings) and is shown alone."),
    "top-2": QT_TRANSLATE_NOOP("Decisions", "Two candidates: no single emotion is clear, but the best two together "
                                            "are; the music is very likely one of them."),
    "review": QT_TRANSLATE_NOOP("Decisions", "Needs review: not even the best two emotions together are clear; "
                                             "a person should listen and choose."),
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
    """The decision as a marked word for inside a sentence (an unknown value as it is)."""
    return DECISIONS.get(decision, decision)


def decision_title(decision: str) -> str:
    """The decision as a marked, capitalised word for a table cell or the head of a phrase."""
    return DECISION_TITLES.get(decision, decision)


def decision_explanation(decision: str) -> str:
    """What the decision means, in one marked line."""
    return DECISION_EXPLANATIONS.get(decision, decision)
