"""The interface language: Qt translators for our strings and Qt's own, the locale for numbers
and dates, and the emotion names (the dataset's four classes; Spanish as in DESIGN.md)."""

from __future__ import annotations

import string

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from tmer_desktop import paths, wording
from tmer_desktop.translatable import as_message
from tmer_desktop.vocabulary import DECISIONS

TRANSLATIONS_DIR = paths.RESOURCES_DIR / "translations"

EMOTION_NAMES: dict[str, dict[str, str]] = {
    "en": {"happy": "Happy", "sad": "Sad", "angry": "Angry", "relaxed": "Relaxed"},
    "es": {"happy": "Feliz", "sad": "Triste", "angry": "Enojado", "relaxed": "Relajado"},
    "tr": {"happy": "Mutlu", "sad": "Üzgün", "angry": "Öfkeli", "relaxed": "Rahat"},
}


def emotion_names(language: str) -> dict[str, str]:
    return EMOTION_NAMES.get(language, EMOTION_NAMES["en"])


def current_language() -> str:
    """The interface language: install_language makes it the default locale's language."""
    return QLocale().name().split("_")[0]


def emotion_name(key: str | None, lower: bool = False) -> str:
    """An emotion's name in the interface language; lower-case inside a sentence."""
    name = emotion_names(current_language()).get(key or "", key or "")
    return name.lower() if lower else name


def decision_name(decision: str | None, title: bool = True) -> str:
    """A decision ("label", "top-2", "review") in the interface language: "Sure", "Two candidates",
    "Needs review" (wording.py), capitalised for a cell, lower-case inside a sentence."""
    if not decision:
        return ""
    word = wording.decision_title(decision) if title else wording.decision_word(decision)
    return QCoreApplication.translate("Decisions", word)


def decision_explanation(decision: str) -> str:
    """One line on what the decision means, in the interface language."""
    return QCoreApplication.translate("Decisions", wording.decision_explanation(decision))


def decisions_help() -> str:
    """The three decisions explained, one line each (tooltips, the timeline's legend)."""
    return "\n".join(decision_explanation(d) for d in DECISIONS)


def install_language(app: QCoreApplication, language: str) -> list[str]:
    """Install the translators for `language` on `app` and make its locale the default.

    Returns warnings for the status bar (a missing translation file leaves English in place).
    """
    QLocale.setDefault(QLocale(language))
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    warnings = []
    ours = QTranslator(app)
    qm = TRANSLATIONS_DIR / f"tmer_{language}.qm"  # English's holds only its plural forms
    if ours.load(str(qm)):
        app.installTranslator(ours)
    elif language == "en":
        warnings.append(f"The English plural forms ({qm}) could not be loaded; counts read \"1 track(s)\".")
    else:
        warnings.append(f"The {language} translation ({qm}) could not be loaded; the interface stays in English.")
    if language == "en":
        return warnings
    qt_own = QTranslator(app)  # Qt's standard buttons and dialogs
    if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    return warnings


# -- numbers, dates and durations in the user's locale (QLocale.setDefault by install_language) --
def number(value: float, decimals: int = 2) -> str:
    """`value` with the locale's decimal separator ("0,75" in Spanish and Turkish)."""
    return QLocale().toString(float(value), "f", decimals)


def percent(share: float, decimals: int = 0) -> str:
    """A share in [0, 1] as a percentage in the locale's style ("75 %", "%75")."""
    locale = QLocale()
    text = locale.toString(float(share) * 100.0, "f", decimals)
    return _PERCENT_PATTERN.get(locale.language(), "{}%").format(text)


# Where the % sign goes: Turkish writes it first, Spanish with a space after the number; English
# (and the "C" locale of a machine without one) right after it.
_PERCENT_PATTERN = {QLocale.Language.Turkish: "%{}", QLocale.Language.Spanish: "{} %"}


def clock(seconds: float | None) -> str:
    """m:ss (or h:mm:ss) — the same in the three languages."""
    if seconds is None:
        return ""
    whole = max(int(round(float(seconds))), 0)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def date_time(iso_text: str | None) -> str:
    """An ISO 8601 timestamp (as the library stores them) in the locale's short format."""
    from PySide6.QtCore import QDateTime, Qt

    if not iso_text:
        return ""
    stamp = QDateTime.fromString(iso_text[:19], Qt.DateFormat.ISODate)
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat) if stamp.isValid() else iso_text


def translated(text: object) -> str:
    """A core text in the interface language: a marked Message (translatable.py) is worded again
    from its translated template, its nested messages translated too and its numbers in the
    locale; plain text (or a translation that does not fit its values) stays as it was."""
    message = as_message(text)
    if message is None:
        return "" if text is None else str(text)
    template = QCoreApplication.translate(message.context, message.template)
    try:
        return "".join(_filled(template, message.values))
    except (KeyError, IndexError, ValueError, TypeError):  # a translation that names a wrong field
        return str(message)


def error_text(exc: BaseException) -> str:
    """What the user reads about a failure: ours translated; others as their type and text."""
    from tmer_desktop.errors import TmerError

    if isinstance(exc, TmerError):
        return translated(exc.message or str(exc))
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _filled(template: str, values: dict) -> list[str]:
    parts = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        parts.append(literal)
        if field is None:
            continue
        if not field.isidentifier() or conversion:
            raise ValueError(f"unsupported field {field!r}")
        parts.append(_localised(values[field], spec or ""))
    return parts


def _localised(value: object, spec: str) -> str:
    if isinstance(value, str):
        return translated(value) if as_message(value) is not None else format(value, spec)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)):
        # Python's own rounding, as in the English text; only the decimal separator is the
        # locale's (counts, sample rates and years get no group separators).
        return format(value, spec).replace(".", QLocale().decimalPoint())
    return format(value, spec)


class FollowsLanguage:
    """Mixin for a widget whose texts follow the interface language while it is open: it sets
    every text in `retranslate()`, called once when built and again on each LanguageChange
    (which Qt sends to every widget when a translator is installed or removed)."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
