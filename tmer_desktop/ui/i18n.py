"""The interface language: Qt translators for our strings and Qt's own, the locale for numbers
and dates, and the emotion names (the dataset's four classes; Spanish as in DESIGN.md)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from tmer_desktop import paths

TRANSLATIONS_DIR = paths.RESOURCES_DIR / "translations"

EMOTION_NAMES: dict[str, dict[str, str]] = {
    "en": {"happy": "Happy", "sad": "Sad", "angry": "Angry", "relaxed": "Relaxed"},
    "es": {"happy": "Feliz", "sad": "Triste", "angry": "Enojado", "relaxed": "Relajado"},
    "tr": {"happy": "Mutlu", "sad": "Üzgün", "angry": "Öfkeli", "relaxed": "Rahat"},
}


def emotion_names(language: str) -> dict[str, str]:
    return EMOTION_NAMES.get(language, EMOTION_NAMES["en"])


def install_language(app: QCoreApplication, language: str) -> list[str]:
    """Install the translators for `language` on `app` and make its locale the default.

    Returns warnings for the status bar (a missing translation file leaves English in place).
    """
    QLocale.setDefault(QLocale(language))
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    if language == "en":
        return []
    warnings = []
    ours = QTranslator(app)
    qm = TRANSLATIONS_DIR / f"tmer_{language}.qm"
    if ours.load(str(qm)):
        app.installTranslator(ours)
    else:
        warnings.append(f"The {language} translation ({qm}) could not be loaded; the interface stays in English.")
    qt_own = QTranslator(app)  # Qt's standard buttons and dialogs
    if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    return warnings
