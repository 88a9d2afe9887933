"""Explanation panel: why the model chose an emotion, for one window and for the whole track.

Each half shows the plain-language reason and a horizontal bar chart of the top feature
families (SHAP contributions towards the predicted emotion: bars to the right pushed towards
it, bars to the left pushed away).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tmer_desktop.ui import i18n
from tmer_desktop.ui.locale_axis import LocaleAxis
from tmer_desktop.ui.palette import emotion_color
from tmer_desktop.wording import family_word

TOP_FAMILIES = 4

def family_name(family: str) -> str:
    """A feature family (model/explain.py FAMILIES) as the charts label it, in the interface language."""
    return i18n.translated(family_word(family))


@dataclass(frozen=True)
class Explanation:
    emotion: str
    reason: str
    families: tuple[tuple[str, float], ...]  # (family name, signed contribution), any order
    top_features: tuple[tuple[str, float], ...] = ()  # strongest single features, for the detail line


class ExplanationChart(i18n.FollowsLanguage, QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.reason = QLabel("—")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": LocaleAxis("bottom")})
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setMinimumHeight(130)
        self.plot.getAxis("left").setWidth(120)
        self.plot.getAxis("left").setStyle(hideOverlappingLabels=False)
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.plot.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#777777")))
        self._bars: pg.BarGraphItem | None = None
        self.shown: tuple[tuple[str, float], ...] = ()
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.plot, 1)
        self._explanation: Explanation | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.plot.setLabel("bottom", self.tr("push towards the emotion (SHAP, log-odds)"))
        if self._explanation is not None:  # feature family names; the main window re-words the reason
            self.set_explanation(self._explanation)

    def set_message(self, text: str) -> None:
        self._explanation = None
        self.reason.setText(text)
        self._set_bars(())

    def set_explanation(self, explanation: Explanation | None) -> None:
        if explanation is None:
            self.set_message("—")
            return
        self._explanation = explanation
        text = explanation.reason
        if explanation.top_features:
            text += "\n" + self.tr("Strongest features: {features}").format(features=", ".join(
                f"{name.strip('_')} ({'+' if value >= 0 else ''}{i18n.number(value)})"
                for name, value in explanation.top_features))
        self.reason.setText(text)
        top = sorted(explanation.families, key=lambda kv: abs(kv[1]), reverse=True)[:TOP_FAMILIES]
        self._set_bars(tuple(top), emotion=explanation.emotion)

    def _set_bars(self, families: tuple[tuple[str, float], ...], emotion: str | None = None) -> None:
        if self._bars is not None:
            self.plot.removeItem(self._bars)
            self._bars = None
        self.shown = families
        axis = self.plot.getAxis("left")
        if not families:
            axis.setTicks([[]])
            return
        values = np.array([v for _, v in families], dtype=float)
        ys = np.arange(len(families))[::-1].astype(float)  # biggest on top
        brushes = [emotion_color(emotion) if v >= 0 else pg.mkBrush("#9E9E9E") for v in values]
        self._bars = pg.BarGraphItem(x0=np.minimum(values, 0), y=ys, height=0.6,
                                     width=np.abs(values), brushes=brushes, pen=None)
        self.plot.addItem(self._bars)
        axis.setTicks([[(y, family_name(name)) for y, (name, _) in zip(ys, families)]])
        span = float(np.abs(values).max()) or 1.0
        self.plot.setXRange(min(values.min(), 0) - 0.05 * span, max(values.max(), 0) + 0.05 * span)
        self.plot.setYRange(-0.6, len(families) - 0.4)


class ExplanationPanel(i18n.FollowsLanguage, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_chart = ExplanationChart()
        self.track_chart = ExplanationChart()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.window_chart)
        layout.addWidget(self.track_chart)
        self.retranslate()

    def retranslate(self) -> None:
        self.window_chart.setTitle(self.tr("Why — this window"))
        self.track_chart.setTitle(self.tr("Why — whole track"))

    def clear(self, message: str = "—") -> None:
        self.window_chart.set_message(message)
        self.track_chart.set_message(message)
