"""Waveform and emotion timeline on one shared time axis (pyqtgraph).

Three stacked plots, x-linked: the waveform envelope; a strip of coloured bands; the four
probabilities plus the confidence and the threshold. Windows are 30 s long and overlap (hop
5 s), so a window's band covers the stretch nearest to its centre.

By default the strip shows stretches of one mood: the window probabilities smoothed over time
(analysis/smoothing.py; neighbouring windows share 25 of their 30 s, so a one-step flip is the
model hesitating, not the music changing), one band per stretch, and the probability lines are
the smoothed ones. The "Show each window" toggle shows every window's own answer (what the
library stores and exports). Either way, dashed lines on the waveform mark where the smoothed
mood changes, and windows that need review are hatched. A cursor line crosses all three plots;
clicking any plot asks to seek.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from tmer_desktop.analysis import smoothing
from tmer_desktop.ui import i18n
from tmer_desktop.ui.locale_axis import locale_axes
from tmer_desktop.ui.palette import EMOTIONS, SYMBOLS, emotion_color, emotion_pen
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD

ENVELOPE_BINS = 2000


@dataclass
class WindowSeries:
    """Per-window results of one track, in time order (plain arrays, no Qt, no store)."""

    starts: np.ndarray                 # seconds
    durations: np.ndarray              # seconds
    probs: np.ndarray                  # (n, 4) in EMOTIONS order
    labels: list[str | None]           # argmax emotion (None when unknown)
    confidences: np.ndarray            # (n,)
    decisions: list[str]               # "label" | "top-2" | "review"
    window_ids: list[int] = field(default_factory=list)

    def review_windows(self) -> list[int]:
        """The windows whose decision is "needs review": the ones hatched on the timeline and the
        ones the player's "Next window to review" visits (one definition for both)."""
        return [i for i, d in enumerate(self.decisions) if d == "review"]

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def centres(self) -> np.ndarray:
        return self.starts + self.durations / 2.0

    def band_edges(self, track_duration: float) -> np.ndarray:
        """n+1 edges: band i spans the time closer to window i's centre than to any other."""
        c = self.centres
        if len(c) == 0:
            return np.zeros(0)
        end = max(track_duration, float(self.starts[-1] + self.durations[-1]))
        inner = (c[:-1] + c[1:]) / 2.0
        return np.concatenate([[0.0], inner, [end]])

    @property
    def hop(self) -> float:
        """Seconds between window starts (the analysis hop; 5 s when it cannot be told)."""
        steps = np.diff(self.starts)
        return float(np.median(steps)) if len(steps) and np.median(steps) > 0 else smoothing.REFERENCE_HOP

    def smoothed_probs(self, smoother: smoothing.Smoother = smoothing.DEFAULT) -> np.ndarray:
        return smoothing.smooth(self.probs, self.hop, smoother) if len(self) else self.probs

    def smoothed_labels(self, smoother: smoothing.Smoother = smoothing.DEFAULT) -> list[str | None]:
        """The emotion of each window after smoothing (None where the window's is unknown)."""
        probs = self.smoothed_probs(smoother)
        return [EMOTIONS[int(np.argmax(p))] if label is not None and np.isfinite(p).all() else None
                for p, label in zip(probs, self.labels)]

    def index_at(self, seconds: float, track_duration: float) -> int | None:
        if len(self) == 0:
            return None
        edges = self.band_edges(track_duration)
        i = int(np.searchsorted(edges, seconds, side="right")) - 1
        return min(max(i, 0), len(self) - 1)


def envelope(samples: np.ndarray, sr: int, bins: int = ENVELOPE_BINS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(times, minima, maxima) of `samples` in `bins` equal slices — enough to draw any width."""
    n = len(samples)
    if n == 0:
        return np.zeros(0), np.zeros(0), np.zeros(0)
    bins = max(1, min(bins, n))
    per = n // bins
    head = samples[: per * bins].reshape(bins, per)
    lo, hi = head.min(axis=1), head.max(axis=1)
    times = (np.arange(bins) * per + per / 2.0) / sr
    return times, lo, hi


class TimelineWidget(i18n.FollowsLanguage, QWidget):
    """Waveform + emotion bands + probability lines with a shared cursor."""

    seekRequested = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        pg.setConfigOptions(antialias=True)
        self._duration = 0.0
        self._threshold = DEFAULT_THRESHOLD
        self.series: WindowSeries | None = None
        self.band_items: list[QGraphicsRectItem] = []
        self.review_items: list[QGraphicsRectItem] = []
        self.boundary_items: list[pg.InfiniteLine] = []
        self.smoothed = True  # stretches of mood; False: each window's own answer
        self.segments: list[smoothing.Segment] = []  # the smoothed stretches of the series shown
        self.boundaries: list[float] = []  # seconds where the smoothed mood changes
        self._band_spans: list[tuple[int, int, str | None]] = []  # (first, last window, label) per band

        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.mode_note = QLabel()
        self.mode_note.setStyleSheet("color: #555555;")
        self.raw_button = QToolButton()
        self.raw_button.setCheckable(True)
        self.raw_button.toggled.connect(lambda raw: self.set_smoothed(not raw))
        mode_row = QHBoxLayout()
        mode_row.setContentsMargins(0, 0, 0, 0)
        mode_row.addWidget(self.mode_note, 1)
        mode_row.addWidget(self.raw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)  # room for the focus ring around the plots
        layout.addLayout(mode_row)
        layout.addWidget(self.view)

        self.wave_plot = self.view.addPlot(row=0, col=0)
        self.band_plot = self.view.addPlot(row=1, col=0)
        self.prob_plot = self.view.addPlot(row=2, col=0, axisItems=locale_axes())
        self.view.ci.layout.setRowStretchFactor(0, 3)
        self.view.ci.layout.setRowStretchFactor(1, 1)
        self.view.ci.layout.setRowStretchFactor(2, 4)
        for plot in (self.wave_plot, self.band_plot, self.prob_plot):
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setMenuEnabled(False)
            plot.getAxis("left").setWidth(48)
        self.band_plot.setXLink(self.wave_plot)
        self.prob_plot.setXLink(self.wave_plot)
        self.wave_plot.getAxis("left").setStyle(showValues=False)
        self.wave_plot.getAxis("left").enableAutoSIPrefix(False)
        self.wave_plot.getAxis("bottom").setStyle(showValues=False)
        self.band_plot.getAxis("left").setStyle(showValues=False)
        self.band_plot.getAxis("bottom").setStyle(showValues=False)
        self.band_plot.setYRange(0, 1, padding=0)
        self.prob_plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.wave_plot.setXRange(0, 30, padding=0.0)
        self.prob_plot.setYRange(0, 1.0, padding=0.02)

        self._wave_curve = pg.PlotCurveItem(pen=pg.mkPen("#555555", width=1), connect="pairs")
        self.wave_plot.addItem(self._wave_curve)

        # The legend gets its own row under the plots, so it never hides a line.
        self.legend = pg.LegendItem(colCount=7, labelTextSize="9pt", labelTextColor="#222222")
        self.view.addItem(self.legend, row=3, col=0)
        self.legend.setMaximumHeight(30)
        self.view.ci.layout.setRowStretchFactor(3, 0)
        self.prob_curves = {}
        self.emotion_names = {emo: emo for emo in EMOTIONS}
        for emo in EMOTIONS:
            self.prob_curves[emo] = self.prob_plot.plot(
                [], [], pen=emotion_pen(emo), symbol=SYMBOLS[emo], symbolSize=7,
                symbolBrush=emotion_color(emo), symbolPen=None)
            self.legend.addItem(self.prob_curves[emo], emo)
        self.conf_curve = self.prob_plot.plot([], [], pen=pg.mkPen("k", width=2.5))
        self.legend.addItem(self.conf_curve, "")
        hatch_sample = pg.BarGraphItem(
            x=[0], height=[1], width=1, brush=QBrush(QColor(0, 0, 0, 170), Qt.BrushStyle.BDiagPattern))
        self.legend.addItem(hatch_sample, "")
        threshold_pen = pg.mkPen("k", width=1, style=Qt.PenStyle.DashLine)
        self.threshold_line = pg.InfiniteLine(pos=self._threshold, angle=0, pen=threshold_pen)
        self.prob_plot.addItem(self.threshold_line)
        # Named in the legend row, not on the line, where the confidence curve would run through it.
        self.legend.addItem(pg.PlotDataItem(pen=threshold_pen), "")
        self.threshold_label = self.legend.items[-1][1]

        self.cursors = []
        for plot in (self.wave_plot, self.band_plot, self.prob_plot):
            line = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#CC0000", width=2))
            line.setZValue(50)
            plot.addItem(line)
            self.cursors.append(line)
        self.view.scene().sigMouseClicked.connect(self._on_click)
        self.retranslate()

    def retranslate(self) -> None:
        self.wave_plot.setLabel("left", self.tr("Audio"))
        self.band_plot.setLabel("left", self.tr("Emotion"))
        self.prob_plot.setLabel("left", self.tr("Probability"))
        self.prob_plot.setLabel("bottom", self.tr("Time (s)"))
        self.view.setAccessibleName(self.tr("Emotion timeline"))
        self._describe()
        labels = [label for _sample, label in self.legend.items]
        labels[len(EMOTIONS)].setText(self.tr("confidence"))
        labels[len(EMOTIONS) + 1].setText(self.tr("hatched = needs review"))
        labels[len(EMOTIONS) + 1].setToolTip(i18n.decisions_help())
        self.legend.setToolTip(i18n.decisions_help())
        self._show_threshold_label()
        self._show_mode()
        self.set_emotion_names(self.emotion_names)  # the band tooltips

    def _describe(self) -> None:
        """The timeline in words for a screen reader: its stretches of mood, or say it is empty."""
        if not self.segments or self.series is None:
            self.view.setAccessibleDescription(self.tr("No analysis to show yet."))
            return
        edges = self.series.band_edges(self._duration)
        stretches = [self.tr("{emotion} from {start} to {end}").format(
            emotion=self.emotion_names.get(seg.label, seg.label) if seg.label else "?",
            start=i18n.clock(edges[seg.first]), end=i18n.clock(edges[seg.last + 1])) for seg in self.segments]
        review = len(self.series.review_windows())
        text = "; ".join(stretches)
        if review:
            text += ". " + self.tr("%n window(s) need review.", "", review)
        self.view.setAccessibleDescription(text)

    def _show_mode(self) -> None:
        self.raw_button.setText(self.tr("Show each window"))
        self.raw_button.setToolTip(self.tr(
            "The timeline shows stretches of one mood, smoothed over neighbouring windows so that the model "
            "hesitating between two moods does not look like a change. Press to see each 30 s window's own "
            "answer."))
        self.mode_note.setText(
            self.tr("Mood over time (smoothed) · dashed lines: the mood changes") if self.smoothed else
            self.tr("Each 30 s window's own answer · dashed lines: the smoothed mood changes"))

    def set_smoothed(self, smoothed: bool) -> None:
        """Show stretches of mood (True, the default) or each window's own answer."""
        if self.raw_button.isChecked() == smoothed:
            self.raw_button.setChecked(not smoothed)  # toggled → here again
            return
        self.smoothed = smoothed
        self._show_mode()
        if self.series is not None:
            self.set_series(self.series, self._duration, self._threshold)

    # -- data ----------------------------------------------------------------------
    def set_waveform(self, samples: np.ndarray | None, sr: int, duration: float | None = None,
                     env: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> None:
        """Draw the envelope of `samples`; pass `env` (from envelope(), computed in a worker
        thread) to keep a long track's min/max pass off the GUI thread."""
        if env is None and samples is not None and len(samples):
            env = envelope(samples, sr)
        if env is None or len(env[0]) == 0:
            self._wave_curve.setData([], [])
        else:
            times, lo, hi = env
            xs = np.repeat(times, 2)
            ys = np.empty(2 * len(times))
            ys[0::2], ys[1::2] = lo, hi
            self._wave_curve.setData(xs, ys)
            peak = float(max(np.abs(lo).max(), np.abs(hi).max(), 1e-6))
            self.wave_plot.setYRange(-peak, peak, padding=0.05)
        if duration is not None:
            self._set_duration(duration)
        elif samples is not None and sr:
            self._set_duration(len(samples) / sr)

    def set_series(self, series: WindowSeries | None, duration: float, threshold: float) -> None:
        self.series = series
        self._threshold = threshold
        self.threshold_line.setValue(threshold)
        self._show_threshold_label()
        for item in self.band_items + self.review_items:
            self.band_plot.removeItem(item)
        for line in self.boundary_items:
            self.wave_plot.removeItem(line)
        self.band_items, self.review_items, self.boundary_items = [], [], []
        self.segments, self.boundaries = [], []
        self._set_duration(duration)
        if series is None or len(series) == 0:
            for curve in self.prob_curves.values():
                curve.setData([], [])
            self.conf_curve.setData([], [])
            self._describe()
            return
        edges = series.band_edges(duration)
        smoothed_probs = series.smoothed_probs()
        smoothed_labels = series.smoothed_labels()
        self.segments = smoothing.segments(smoothed_labels)
        self.boundaries = smoothing.boundaries(smoothed_labels, series.centres)
        if self.smoothed:
            spans = [(seg.first, seg.last, seg.label) for seg in self.segments]
        else:
            spans = [(i, i, series.labels[i]) for i in range(len(series))]
        for first, last, label in spans:
            band = QGraphicsRectItem(QRectF(edges[first], 0.0, edges[last + 1] - edges[first], 1.0))
            band.setBrush(QBrush(emotion_color(label)))
            # Thin white separators make neighbouring bands of the same emotion countable.
            band.setPen(pg.mkPen("w", width=1, cosmetic=True))
            self.band_plot.addItem(band)
            self.band_items.append(band)
        for i in series.review_windows():
            hatch = QGraphicsRectItem(QRectF(edges[i], 0.0, edges[i + 1] - edges[i], 1.0))
            hatch.setBrush(QBrush(QColor(0, 0, 0, 170), Qt.BrushStyle.BDiagPattern))
            hatch.setPen(QPen(Qt.PenStyle.NoPen))
            hatch.setZValue(5)
            self.band_plot.addItem(hatch)
            self.review_items.append(hatch)
        for seconds in self.boundaries:
            line = pg.InfiniteLine(pos=seconds, angle=90, pen=pg.mkPen("#333333", width=1.5,
                                                                        style=Qt.PenStyle.DashLine))
            line.setZValue(20)
            self.wave_plot.addItem(line)
            self.boundary_items.append(line)
        self._band_spans = spans
        for i, band in enumerate(self.band_items):
            band.setToolTip(self._band_tooltip(i))
        probs = smoothed_probs if self.smoothed else series.probs
        centres = series.centres
        for j, emo in enumerate(EMOTIONS):
            self.prob_curves[emo].setData(centres, probs[:, j])
        self.conf_curve.setData(centres, probs.max(axis=1) if self.smoothed else series.confidences)
        self._describe()

    def _band_tooltip(self, i: int) -> str:
        first, last, label = self._band_spans[i]
        if not self.smoothed:
            return self._tooltip(first)
        s = self.series
        edges = s.band_edges(self._duration)
        return self.tr("{emotion} from {start} to {end} (windows {first}–{last}, smoothed)").format(
            emotion=self.emotion_names.get(label, label) if label else "?", start=i18n.clock(edges[first]),
            end=i18n.clock(edges[last + 1]), first=first + 1, last=last + 1)

    def _show_threshold_label(self) -> None:
        # Formatted here (not by pyqtgraph's "{value}") so the number uses the locale's separator.
        self.threshold_label.setText(self.tr("threshold {value}").format(value=i18n.number(self._threshold)))

    def set_emotion_names(self, names: dict[str, str]) -> None:
        """Legend and tooltips in the user's language (the data keeps the English keys)."""
        self.emotion_names = {emo: names.get(emo, emo) for emo in EMOTIONS}
        for (_sample, label), emo in zip(self.legend.items, EMOTIONS):
            label.setText(self.emotion_names[emo])  # the axis says these are probabilities
        for i, band in enumerate(self.band_items):
            band.setToolTip(self._band_tooltip(i))
        self._describe()

    def set_cursor(self, seconds: float) -> None:
        for line in self.cursors:
            line.setValue(seconds)

    @property
    def cursor_position(self) -> float:
        return float(self.cursors[0].value())

    def _set_duration(self, duration: float) -> None:
        self._duration = max(float(duration), 0.0)
        if self._duration > 0:
            self.wave_plot.setXRange(0, self._duration, padding=0.0)

    def _tooltip(self, i: int) -> str:
        s = self.series
        start = float(s.starts[i])
        names = self.emotion_names
        probs = ", ".join(f"{names[emo]} {i18n.number(s.probs[i, j])}" for j, emo in enumerate(EMOTIONS))
        decision = i18n.decision_name(s.decisions[i], title=False)
        label = names.get(s.labels[i], s.labels[i]) if s.labels[i] else "?"
        return self.tr(
            "Window {number}: {start}–{end} s\n{emotion} ({confidence}), decision: {decision}\n{probabilities}").format(
            number=i + 1, start=i18n.number(start, 0), end=i18n.number(start + float(s.durations[i]), 0),
            emotion=label, confidence=i18n.percent(s.confidences[i]), decision=decision, probabilities=probs)

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._duration <= 0:
            return
        pos = event.scenePos()
        for plot in (self.wave_plot, self.band_plot, self.prob_plot):
            if plot.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                self.seekRequested.emit(float(min(max(x, 0.0), self._duration)))
                event.accept()
                return
