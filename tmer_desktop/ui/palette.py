"""Emotion colours and line styles, readable for colour-blind users.

Colours are from the Okabe–Ito palette; each emotion also gets its own line style and
marker so no chart depends on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tmer_desktop.vocabulary import EMOTIONS  # noqa: F401 (re-exported)

_HEX = {
    "happy": "#E69F00",    # orange
    "sad": "#0072B2",      # blue
    "angry": "#D55E00",    # vermillion
    "relaxed": "#009E73",  # bluish green
}
LINE_STYLES = {
    "happy": Qt.PenStyle.SolidLine,
    "sad": Qt.PenStyle.DashLine,
    "angry": Qt.PenStyle.DotLine,
    "relaxed": Qt.PenStyle.DashDotLine,
}
SYMBOLS = {"happy": "o", "sad": "s", "angry": "t", "relaxed": "d"}
UNKNOWN_HEX = "#999999"


def emotion_color(emotion: str | None, alpha: int = 255) -> QColor:
    color = QColor(_HEX.get(emotion or "", UNKNOWN_HEX))
    color.setAlpha(alpha)
    return color


def emotion_hex(emotion: str | None) -> str:
    return _HEX.get(emotion or "", UNKNOWN_HEX)
