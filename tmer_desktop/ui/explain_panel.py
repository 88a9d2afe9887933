"""Explanation panel: why the model chose an emotion, for one window and for the whole track.

Each half leads with a sentence a therapist can read aloud (built in model/explain.py) and a
horizontal bar chart of the feature families that pushed towards the emotion (bars to the
right) or away from it (to the left); both charts share one scale so their bars compare. The
numbers and the raw feature names are for researchers, behind the panel's "Details" toggle.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from tmer_desktop.ui import i18n
from tmer_desktop.ui.locale_axis import LocaleAxis
from tmer_desktop.ui.palette import emotion_color
from tmer_desktop.wording import family_word

TOP_FAMILIES = 4
MAX_CLIPPED_NAMES = 3  # in Details; the rest are counted


def family_name(family: str) -> str:
    """A feature family (model/explain.py FAMILIES) as the charts label it, in the interface language."""
    return i18n.translated(family_word(family))


@dataclass(frozen=True)
class Explanation:
    emotion: str
    reason: str  # the sentence, already in the interface language
    families: tuple[tuple[str, float], ...]  # (family, signed contribution in log-odds), any order
    top_features: tuple[tuple[str, float], ...] = ()  # strongest single features (raw names, SHAP), for Details
    clipped: tuple[str, ...] = ()  # raw names of features outside the training range, for Details


class ExplanationChart(i18n.FollowsLanguage, QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.reason = QLabel("—")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel("")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #555555;")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setVisible(False)
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": LocaleAxis("bottom")})
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setMinimumHeight(130)
        self.plot.getAxis("left").setWidth(190)
        self.plot.getAxis("left").setStyle(hideOverlappingLabels=False)
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.plot.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#777777")))
        self._bars: pg.BarGraphItem | None = None
        self.shown: tuple[tuple[str, float], ...] = ()
        self.show_details = False
        self.span = 0.0  # the largest bar (log-odds); the panel gives both charts the larger of the two
        self.on_span_changed = None  # called when `span` changes (the panel shares the scale)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.details)
        layout.addWidget(self.plot, 1)
        self._explanation: Explanation | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._label_axis()
        if self._explanation is not None:  # feature family names; the main window re-words the reason
            self.set_explanation(self._explanation)

    def _label_axis(self) -> None:
        axis = self.plot.getAxis("bottom")
        axis.setStyle(showValues=self.show_details)
        if self.show_details:
            self.plot.setLabel("bottom", self.tr("SHAP value towards the emotion (log-odds)"))
        else:
            self.plot.setLabel("bottom", self.tr("◀ away from the emotion · towards the emotion ▶"))

    def set_details(self, shown: bool) -> None:
        self.show_details = shown
        self.details.setVisible(shown and bool(self.details.text()))
        self._label_axis()

    def set_message(self, text: str) -> None:
        self._explanation = None
        self.reason.setText(text)
        self.plot.setAccessibleDescription(text)
        self.details.setText("")
        self.details.setVisible(False)
        self._set_bars(())

    def set_explanation(self, explanation: Explanation | None) -> None:
        if explanation is None:
            self.set_message("—")
            return
        self._explanation = explanation
        self.reason.setText(explanation.reason)
        self.plot.setAccessibleDescription(explanation.reason)  # the chart in words, for a screen reader
        lines = []
        if explanation.top_features:
            lines.append(self.tr("Strongest features (SHAP, log-odds): {features}").format(features=", ".join(
                f"{name.strip('_')} ({'+' if value >= 0 else ''}{i18n.number(value)})"
                for name, value in explanation.top_features)))
        if explanation.clipped:
            names = [name.strip("_") for name in explanation.clipped]
            shown = ", ".join(names[:MAX_CLIPPED_NAMES])
            if len(names) > MAX_CLIPPED_NAMES:
                shown = self.tr("{names} and %n more", "", len(names) - MAX_CLIPPED_NAMES).format(names=shown)
            lines.append(self.tr("Outside the training range (clipped): {features}").format(features=shown))
        self.details.setText("\n".join(lines))
        self.details.setVisible(self.show_details)
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
            self._set_span(0.0)
            return
        values = np.array([v for _, v in families], dtype=float)
        ys = np.arange(len(families))[::-1].astype(float)  # biggest on top
        brushes = [emotion_color(emotion) if v >= 0 else pg.mkBrush("#9E9E9E") for v in values]
        self._bars = pg.BarGraphItem(x0=np.minimum(values, 0), y=ys, height=0.6,
                                     width=np.abs(values), brushes=brushes, pen=None)
        self.plot.addItem(self._bars)
        axis.setTicks([[(y, family_name(name)) for y, (name, _) in zip(ys, families)]])
        self.plot.setYRange(-0.6, len(families) - 0.4)
        self._set_span(float(np.abs(values).max()))

    def _set_span(self, span: float) -> None:
        self.span = span
        self.apply_scale(span)
        if self.on_span_changed is not None:
            self.on_span_changed()

    def apply_scale(self, span: float) -> None:
        """Symmetric x range ±span (plus a margin), so that zero sits in the middle of every chart."""
        span = span or 1.0
        self.plot.setXRange(-1.05 * span, 1.05 * span, padding=0.0)

    @property
    def x_range(self) -> tuple[float, float]:
        lo, hi = self.plot.getViewBox().viewRange()[0]
        return float(lo), float(hi)


class ExplanationPanel(i18n.FollowsLanguage, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_chart = ExplanationChart()
        self.track_chart = ExplanationChart()
        for chart in (self.window_chart, self.track_chart):
            chart.on_span_changed = self._share_scale
        self.details_button = QToolButton()
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self.set_details)
        charts = QHBoxLayout()
        charts.addWidget(self.window_chart)
        charts.addWidget(self.track_chart)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.details_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(charts, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.window_chart.setTitle(self.tr("Why — this window"))
        self.track_chart.setTitle(self.tr("Why — whole track"))
        for chart in (self.window_chart, self.track_chart):
            chart.plot.setAccessibleName(chart.title())
        self._word_button()
        self.details_button.setToolTip(self.tr("For researchers: the feature names and the SHAP values behind "
                                               "the explanation"))

    def _word_button(self) -> None:
        self.details_button.setText(self.tr("Hide details") if self.details_button.isChecked() else self.tr("Details"))

    def set_details(self, shown: bool) -> None:
        if self.details_button.isChecked() != shown:
            self.details_button.setChecked(shown)  # toggled → here again
            return
        for chart in (self.window_chart, self.track_chart):
            chart.set_details(shown)
        self._word_button()

    def _share_scale(self) -> None:
        span = max(self.window_chart.span, self.track_chart.span)
        for chart in (self.window_chart, self.track_chart):
            chart.apply_scale(span)

    def clear(self, message: str = "—") -> None:
        self.window_chart.set_message(message)
        self.track_chart.set_message(message)
