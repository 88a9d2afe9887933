"""Emotion colours and line styles, readable for colour-blind users.

Colours are from the Okabe–Ito palette (tests/test_accessibility.py checks every pair stays apart
under simulated protanopia, deuteranopia and tritanopia); each emotion also gets its own line
style, marker and bar fill so no chart depends on colour alone. Every chart takes its pens, symbols
and fills from here. FOCUS_HEX is the keyboard focus ring (ui/focus.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

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
# pyqtgraph: circle, square, triangle, diamond (said in words by the sessions chart's accessible description)
SYMBOLS = {"happy": "o", "sad": "s", "angry": "t", "relaxed": "d"}
# Drawn over an emotion's colour in bar charts (none for happy: its plain colour is the pattern).
FILL_PATTERNS = {
    "happy": Qt.BrushStyle.NoBrush,
    "sad": Qt.BrushStyle.HorPattern,
    "angry": Qt.BrushStyle.DiagCrossPattern,
    "relaxed": Qt.BrushStyle.VerPattern,
}
UNKNOWN_HEX = "#999999"
BACKGROUND_HEX = "#FFFFFF"  # the charts' background
FOCUS_HEX = "#3D0066"  # deep purple: apart from every emotion colour under each colour-vision deficiency


def emotion_color(emotion: str | None, alpha: int = 255) -> QColor:
    color = QColor(_HEX.get(emotion or "", UNKNOWN_HEX))
    color.setAlpha(alpha)
    return color


def emotion_hex(emotion: str | None) -> str:
    return _HEX.get(emotion or "", UNKNOWN_HEX)


def emotion_pen(emotion: str, width: float = 2.0) -> QPen:
    """The emotion's line: its colour and its own dash pattern."""
    pen = QPen(emotion_color(emotion))
    pen.setWidthF(width)
    pen.setStyle(LINE_STYLES[emotion])
    pen.setCosmetic(True)
    return pen


def emotion_pattern(emotion: str) -> QBrush:
    """The pattern drawn over the emotion's colour in a bar (white lines; empty for happy)."""
    return QBrush(QColor(255, 255, 255, 235), FILL_PATTERNS[emotion])
