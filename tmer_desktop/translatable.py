"""Marking core texts for the interface's translations without importing Qt.

Qt's lupdate collects every literal `QT_TRANSLATE_NOOP("Context", "text")` call it finds, by
name, so core modules mark the words the interface shows with this function (which returns the
text unchanged) and the interface translates them with QCoreApplication.translate(context, text).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, which lupdate looks for)
    return text
