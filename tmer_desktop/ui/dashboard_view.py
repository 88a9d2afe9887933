"""Dashboards: emotion distributions, confidence, corrections (confusion, reliability) and drift,
plus the model versions (export corrections, retrain, make any version active).

One self-contained widget, `DashboardView(store)`, with two tabs. The numbers come from
`tmer_desktop.dashboards` (Qt-free), computed in a background thread; this file only draws
them with pyqtgraph and exports the chart on screen as PNG or its table as CSV. Retraining
runs in the background too (`tmer_desktop.model.retrain`); `active_model_changed(version)`
tells the app to reload the model.
"""

from __future__ import annotations

import logging
import os

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tmer_desktop import dashboards
from tmer_desktop.atomic import atomic_output
from tmer_desktop.dashboards import CHARTS, Dashboard
from tmer_desktop.errors import TmerError
from tmer_desktop.library.schema import EMOTIONS
from tmer_desktop.ui.i18n import FollowsLanguage, date_time, emotion_name, error_text, number, percent, translated
from tmer_desktop.ui.locale_axis import locale_axes
from tmer_desktop.ui.palette import emotion_color, emotion_pattern
from tmer_desktop.ui.tasks import BackgroundTask

log = logging.getLogger(__name__)

_ALERT_STYLE = "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #d9a400; padding: 6px; }"
_OK_STYLE = "QLabel { background: #e8f5e9; color: #1b4d20; border: 1px solid #7cb77f; padding: 6px; }"
_NAME_CHARS = 28
_DRIFT_SHOWN = 15


def chart_title(key: str) -> str:
    """A chart's title in the interface language (the core marks the titles)."""
    return translated(CHARTS[key])


def _short(text: str) -> str:
    text = str(text)
    return text if len(text) <= _NAME_CHARS else "…" + text[-(_NAME_CHARS - 1):]


def whole_ticks(axis: pg.AxisItem, largest: float) -> None:
    """Ticks at whole numbers only, about five of them, for an axis that counts things."""
    step = max(1, int(np.ceil(max(float(largest), 1.0) * 1.25 / 5)))
    axis.setTickSpacing(major=step, minor=step)


class DashboardView(FollowsLanguage, QWidget):
    """Charts of the library and of the corrections, with a drift alert and PNG/CSV export."""

    refreshed = Signal()  # the data was (re)loaded and the current chart drawn
    refresh_failed = Signal(str)
    active_model_changed = Signal(str)  # a retrain promoted, or the user activated, this version

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.data: Dashboard | None = None
        self._failure: BaseException | str | None = None  # why the last refresh failed
        self._task: BackgroundTask | None = None
        self._refresh_again = False

        self.alert = QLabel(self)
        self.alert.setWordWrap(True)
        self.alert.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chooser = QComboBox(self)
        for key in CHARTS:
            self.chooser.addItem(chart_title(key), key)
        self.chooser.currentIndexChanged.connect(self._draw)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.png_button = QPushButton(self)
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button = QPushButton(self)
        self.csv_button.clicked.connect(self._ask_csv)
        self.summary = QLabel(self)

        self.plot = pg.PlotWidget(self, background="w", axisItems=locale_axes())
        self.plot.setMinimumHeight(320)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#222")

        bar = QHBoxLayout()
        self.chart_label = QLabel(self)
        bar.addWidget(self.chart_label)
        bar.addWidget(self.chooser, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.png_button)
        bar.addWidget(self.csv_button)
        charts = QWidget(self)
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addLayout(bar)
        charts_layout.addWidget(self.plot, 1)
        charts_layout.addWidget(self.summary)
        self.models = ModelsPanel(store, self)
        self.models.active_model_changed.connect(self.active_model_changed)
        self.models.active_model_changed.connect(self.refresh)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(charts, "")
        self.tabs.addTab(self.models, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.alert)
        layout.addWidget(self.tabs, 1)
        self._set_busy(False)
        self.retranslate()

    # ----------------------------------------------------------------- language
    def retranslate(self) -> None:
        """Every fixed text in the interface language (again on a language change, with the data)."""
        self.alert.setAccessibleName(self.tr("Drift status"))
        self.chooser.setAccessibleName(self.tr("Chart"))
        self.plot.setAccessibleName(chart_title(self.current_chart()))  # the drawn title replaces it
        self.summary.setAccessibleName(self.tr("Library and corrections in numbers"))
        for index in range(self.chooser.count()):
            self.chooser.setItemText(index, chart_title(self.chooser.itemData(index)))
        self.chart_label.setText(self.tr("Chart:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.png_button.setText(self.tr("Export PNG…"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.tabs.setTabText(0, self.tr("Charts"))
        self.tabs.setTabText(1, self.tr("Models and corrections"))
        if self.data is not None:
            self._show_data()
        elif self._failure is not None:
            self._show_failure()
        else:
            self.alert.setText(self.tr("Loading…"))

    # ----------------------------------------------------------------- data
    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.data is None:
            self.refresh()  # first time on screen: load without waiting for a click

    def refresh(self, *_args) -> None:
        """Recompute every chart in the background (the library may be large)."""
        if self._task is not None and self._task.running:
            self._refresh_again = True  # e.g. a model was activated meanwhile: redo when done
            return
        self._refresh_again = False
        self._set_busy(True)
        store = self.store
        # No Qt parent: if this view is closed mid-way, the task finishes on its own and its
        # signals (connected to bound methods) are dropped instead of reaching a deleted widget.
        self._task = BackgroundTask(lambda _ctx: dashboards.collect(store), name="dashboards")
        self._task.succeeded.connect(self.set_data)
        self._task.failed.connect(self._on_failed)
        self._task.finished.connect(self._on_finished)
        self._task.start()

    @property
    def busy(self) -> bool:
        """True while the charts or a retrain are being computed in the background."""
        return (self._task is not None and self._task.running) or self.models.busy

    def _on_finished(self) -> None:
        self._set_busy(False)
        if self._refresh_again:
            self.refresh()

    def set_data(self, data: Dashboard) -> None:
        self.data, self._failure = data, None
        self._set_busy(False)
        self._show_data()
        self.refreshed.emit()

    def _show_data(self) -> None:
        data = self.data
        report = data.drift
        # The drift report's sentences are the core's marked messages, said in the interface language.
        # What to do is said with the app's own buttons (the core's suggestion names the command),
        # and "no drift" is claimed only when the features could be judged at all.
        if report.alert:
            self.alert.setStyleSheet(_ALERT_STYLE)
            lines = ["⚠ " + self.tr("The model may not suit this library:"), *map(translated, report.alerts),
                     *map(translated, report.notes),
                     self.tr("Correct a few predictions of the affected tracks (Player or Review queue), then "
                             "press “Retrain with corrections” under “Models and corrections”.")]
        else:
            self.alert.setStyleSheet(_OK_STYLE)
            judged = bool(report.features)
            lines = [translated(report.suggestion) if judged else
                     self.tr("Not enough music analysed yet to tell whether the model suits this library."),
                     *map(translated, report.notes)]
        self.alert.setText("\n".join(lines))
        parts = [self.tr("%n track(s)", "", data.n_tracks), self.tr("%n correction(s)", "", data.n_corrections)]
        if report.live_accuracy is not None:
            parts.append(self.tr("live accuracy {accuracy}").format(accuracy=percent(report.live_accuracy)))
        self.summary.setText(", ".join(parts))
        self._draw()

    def _on_failed(self, message: str, exc: object) -> None:
        self._failure = exc if isinstance(exc, BaseException) else message  # worded again on a language change
        self._show_failure()
        self.refresh_failed.emit(message)

    def _show_failure(self) -> None:
        self.alert.setStyleSheet(_ALERT_STYLE)
        failure = self._failure
        message = error_text(failure) if isinstance(failure, BaseException) else str(failure)
        self.alert.setText(self.tr("The dashboards could not be computed: {message}").format(message=message))

    def _set_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        ready = not busy and self.data is not None
        self.png_button.setEnabled(ready)
        self.csv_button.setEnabled(ready)

    # ----------------------------------------------------------------- charts
    def current_chart(self) -> str:
        return self.chooser.currentData()

    def show_chart(self, key: str) -> None:
        index = self.chooser.findData(key)
        if index < 0:
            raise KeyError(f"unknown chart {key!r}; one of {', '.join(CHARTS)}")
        self.chooser.setCurrentIndex(index)
        self._draw()

    def current_table(self) -> pd.DataFrame:
        if self.data is None:
            raise RuntimeError("no data yet; call refresh() first")
        return self.data.tables()[self.current_chart()]

    def _reset_plot(self, title: str, x_label: str, y_label: str, legend_at=(-10, 10)) -> pg.PlotItem:
        """An empty plot; legend_at is the legend's offset (negative: from the right/bottom)."""
        item = self.plot.getPlotItem()
        item.clear()
        self.legend.clear()
        self.patterns: dict[str, pg.BarGraphItem] = {}  # emotion → its pattern overlay (bar charts)
        self.legend.setOffset(legend_at)
        item.setTitle(title, color="#222")
        self.plot.setAccessibleName(title)
        self.plot.setAccessibleDescription(self.tr("The numbers behind this chart: Export CSV…"))
        item.setLabel("bottom", x_label)
        item.setLabel("left", y_label)
        for axis in ("bottom", "left"):
            # Never rescale ticks by an SI prefix ("PSI (x0.001)" reads badly).
            item.getAxis(axis).setSIPrefixEnableRanges(((0.0, 0.0),))
            item.getAxis(axis).setTicks(None)
            item.getAxis(axis).setTickSpacing()  # automatic again (counts set whole steps)
            item.getAxis(axis).setTextPen("#222")
            item.getAxis(axis).setPen("#666")
        item.setAspectLocked(False)
        item.invertY(False)
        return item

    def _draw(self, *_args) -> None:
        if self.data is None:
            return
        key = self.current_chart()
        table = self.data.tables()[key]
        if key.startswith("by_"):
            self._draw_distribution(chart_title(key), table)
        elif key == "confidence":
            self._draw_confidence(table)
        elif key == "confusion":
            self._draw_confusion(table)
        elif key == "reliability":
            self._draw_reliability(table)
        else:
            self._draw_drift(table)

    def _empty(self, item: pg.PlotItem, message: str) -> None:
        text = pg.TextItem(message, color="#555", anchor=(0.5, 0.5))
        item.addItem(text)
        text.setPos(0.5, 0.5)
        item.setXRange(0, 1)
        item.setYRange(0, 1)

    def _draw_distribution(self, title: str, table: pd.DataFrame) -> None:
        item = self._reset_plot(title, self.tr("tracks"), "")
        if table.empty:
            self._empty(item, self.tr("No tagged tracks in this grouping yet."))
            return
        groups = {dashboards.UNKNOWN: translated(dashboards.UNKNOWN), dashboards.OTHER: translated(dashboards.OTHER)}
        rows = np.arange(len(table))[::-1]  # the biggest group on top
        left = np.zeros(len(table))
        for emotion in EMOTIONS:
            counts = table[emotion].to_numpy(dtype=float)
            bars = pg.BarGraphItem(
                x0=left, y=rows, height=0.75, width=counts, brush=emotion_color(emotion), pen=pg.mkPen("w", width=0.5)
            )
            item.addItem(bars)
            self._add_pattern(item, bars, emotion)
            left = left + counts
        item.getAxis("left").setTicks([[(r, _short(groups.get(name, name))) for r, name in zip(rows, table.index)]])
        whole_ticks(item.getAxis("bottom"), left.max())  # track counts: no half steps
        item.setXRange(0, max(1.0, left.max()) * 1.25)
        item.setYRange(-0.6, len(table) - 0.4)

    def _add_pattern(self, item: pg.PlotItem, bars: pg.BarGraphItem, emotion: str) -> None:
        """The emotion's fill pattern over its coloured bars, and both in the legend's sample, so the
        emotions differ without colour (palette.FILL_PATTERNS)."""
        pattern = pg.BarGraphItem(**{**bars.opts, "brush": emotion_pattern(emotion), "pen": None})
        pattern.setZValue(bars.zValue() + 1)
        item.addItem(pattern)
        self.legend.addItem(_PatternSample(bars, pattern), emotion_name(emotion))
        self.patterns[emotion] = pattern

    def _draw_confidence(self, table: pd.DataFrame) -> None:
        item = self._reset_plot(
            self.tr("Confidence histogram (windows)"), self.tr("confidence (top probability)"), self.tr("windows"),
            legend_at=(10, 10),
        )
        if int(table["total"].sum()) == 0:
            self._empty(item, self.tr("No predictions yet."))
            return
        centres = ((table["low"] + table["high"]) / 2).to_numpy()
        width = float((table["high"] - table["low"]).iloc[0]) * 0.9
        bottom = np.zeros(len(table))
        for emotion in EMOTIONS:
            counts = table[emotion].to_numpy(dtype=float)
            bars = pg.BarGraphItem(x=centres, y0=bottom, height=counts, width=width, brush=emotion_color(emotion))
            item.addItem(bars)
            self._add_pattern(item, bars, emotion)
            bottom = bottom + counts
        threshold = pg.InfiniteLine(pos=0.75, angle=90, pen=pg.mkPen("#444", style=Qt.PenStyle.DashLine))
        item.addItem(threshold)
        item.setXRange(0.25, 1.0)
        whole_ticks(item.getAxis("left"), bottom.max())  # window counts
        item.setYRange(0, bottom.max() * 1.1)

    def _draw_confusion(self, table: pd.DataFrame) -> None:
        item = self._reset_plot(
            self.tr("Confusion matrix from corrections"), self.tr("predicted"), self.tr("true (corrected)")
        )
        counts = table.to_numpy(dtype=float)
        if counts.sum() == 0:
            self._empty(item, self.tr("No corrections with a known label yet."))
            return
        # Row-normalised shading (share of each true class), the counts written in the cells.
        shares = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
        image = pg.ImageItem(shares.T)  # ImageItem is indexed [x, y]
        image.setLookupTable(pg.colormap.get("CET-L12").getLookupTable(0.0, 1.0, 256))
        image.setLevels((0.0, 1.0))
        item.addItem(image)
        n = len(EMOTIONS)
        for i in range(n):
            for j in range(n):
                colour = "w" if shares[i, j] > 0.55 else "#111"
                text = pg.TextItem(str(int(counts[i, j])), color=colour, anchor=(0.5, 0.5))
                text.setPos(j + 0.5, i + 0.5)
                item.addItem(text)
        ticks = [[(k + 0.5, emotion_name(e)) for k, e in enumerate(EMOTIONS)]]
        item.getAxis("bottom").setTicks(ticks)
        item.getAxis("left").setTicks(ticks)
        item.invertY(True)
        item.setXRange(0, n, padding=0.02)
        item.setYRange(0, n, padding=0.02)

    def _draw_reliability(self, table: pd.DataFrame) -> None:
        item = self._reset_plot(
            self.tr("Reliability from corrections"), self.tr("stated confidence"), self.tr("share correct"),
            legend_at=(-10, -10),
        )
        used = table[table["count"] > 0]
        diagonal = pg.PlotDataItem([0, 1], [0, 1], pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        item.addItem(diagonal)
        self.legend.addItem(diagonal, self.tr("perfect calibration"))
        if used.empty:
            self._empty(item, self.tr("No corrections with a confidence yet."))
            return
        curve = pg.PlotDataItem(
            used["mean_confidence"].to_numpy(), used["accuracy"].to_numpy(),
            pen=pg.mkPen("#0072B2", width=2), symbol="o", symbolBrush="#0072B2",
            symbolSize=np.clip(6 + np.sqrt(used["count"].to_numpy()) * 2, 6, 24),
        )
        item.addItem(curve)
        self.legend.addItem(curve, self.tr("model (dot size: corrections)"))
        item.setXRange(0, 1)
        item.setYRange(0, 1.05)

    def _draw_drift(self, table: pd.DataFrame) -> None:
        item = self._reset_plot(
            self.tr("How this library sounds unlike the music the model learnt from: the {count} measurements "
                    "that differ most").format(count=_DRIFT_SHOWN),
            self.tr("difference (PSI; beyond the dashed line at 0.25: shifted)"), "",
        )
        if table.empty:
            self._empty(item, self.tr("Too few analysed windows to judge drift."))
            return
        # All 50 are in the CSV; the chart keeps the ones worth reading.
        table = table.sort_values("psi", ascending=False).head(_DRIFT_SHOWN)
        rows = np.arange(len(table))[::-1]  # the largest on top
        psi = table["psi"].to_numpy(dtype=float)
        shifted = table["shifted"].to_numpy(dtype=bool)
        brushes = [pg.mkBrush("#D55E00") if s else pg.mkBrush("#9bb7d4") for s in shifted]
        item.addItem(pg.BarGraphItem(x0=np.zeros(len(rows)), y=rows, height=0.8, width=psi, brushes=brushes))
        line = pg.InfiniteLine(pos=0.25, angle=90, pen=pg.mkPen("#444", style=Qt.PenStyle.DashLine))
        item.addItem(line)
        item.getAxis("left").setTicks([[(r, str(n).strip("_")) for r, n in zip(rows, table["feature"])]])
        item.setXRange(0, max(0.5, float(psi.max()) * 1.05))
        item.setYRange(-0.6, len(table) - 0.4)

    # ----------------------------------------------------------------- export
    def export_png(self, path: str | os.PathLike) -> None:
        """The chart on screen, as a PNG (written atomically)."""
        pixmap = self.plot.grab()
        with atomic_output(path) as tmp:
            if not pixmap.save(str(tmp), "PNG"):
                raise TmerError(self.tr("Qt could not encode the chart as PNG into {path}").format(path=tmp))

    def export_csv(self, path: str | os.PathLike) -> int:
        """The table behind the chart on screen, as CSV; returns the rows written."""
        return dashboards.write_table_csv(self.current_table(), path)

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart as PNG"), f"{self.current_chart()}.png", self.tr("PNG image (*.png)")
        )
        if path:
            self._guarded(lambda: self.export_png(path))

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart data as CSV"), f"{self.current_chart()}.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self._guarded(lambda: self.export_csv(path))

    def _guarded(self, action) -> None:
        try:
            action()
        except Exception as exc:  # a full disk or a bad folder: tell the user, keep the view
            log.warning("chart export failed", exc_info=True)
            QMessageBox.warning(self, self.tr("Export failed"), error_text(exc))


class _PatternSample(pg.ItemSample):
    """A legend sample that draws a bar chart's colour and then its pattern."""

    def __init__(self, bars: pg.BarGraphItem, pattern: pg.BarGraphItem):
        super().__init__(bars)
        self.pattern = pattern

    def paint(self, p, *args) -> None:
        super().paint(p, *args)  # the colour
        p.setPen(pg.mkPen(None))
        p.setBrush(self.pattern.opts["brush"])
        p.drawRect(QRectF(2, 2, 18, 18))


class ModelsPanel(FollowsLanguage, QWidget):
    """Model versions with their metrics; export corrections, retrain, activate or roll back."""

    active_model_changed = Signal(str)
    retrained = Signal(object)  # the RetrainResult
    retrain_failed = Signal(str)

    COLUMNS = (
        QT_TRANSLATE_NOOP("ModelsPanel", "Version"),
        QT_TRANSLATE_NOOP("ModelsPanel", "Created"),
        QT_TRANSLATE_NOOP("ModelsPanel", "Score in tests"),
        QT_TRANSLATE_NOOP("ModelsPanel", "On your held-back corrections"),
        QT_TRANSLATE_NOOP("ModelsPanel", "Corrections"),
        QT_TRANSLATE_NOOP("ModelsPanel", "Verdict"),
        QT_TRANSLATE_NOOP("ModelsPanel", "Active"),
    )

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        from tmer_desktop.model.store import ModelStore

        self.store = store
        self.model_store = ModelStore(store)
        # None = RetrainConfig()'s defaults; tests and power users may reduce the folds. Built
        # lazily: model.retrain imports scikit-learn, which start-up must not wait for.
        self.retrain_config = None
        self._task: BackgroundTask | None = None

        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it

        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self._ask_export)
        self.anonymise = QCheckBox(self)
        self.retrain_button = QPushButton(self)
        self.retrain_button.clicked.connect(self.start_retrain)
        self.activate_button = QPushButton(self)
        self.activate_button.clicked.connect(self._activate_selected)
        self.rollback_button = QPushButton(self)
        self.rollback_button.clicked.connect(self.roll_back)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.anonymise)
        buttons.addStretch(1)
        buttons.addWidget(self.retrain_button)
        buttons.addWidget(self.activate_button)
        buttons.addWidget(self.rollback_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._listed = False
        self._versions: list = []
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text in the interface language (again on a language change, with the list)."""
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("ModelsPanel", c) for c in self.COLUMNS])
        self.table.horizontalHeaderItem(2).setToolTip(self.tr(
            "How often the model was right on training music it had not seen, from 0 to 1 (cross-validated "
            "macro-F1: the F1 score averaged over the four emotions)."))
        self.table.setAccessibleName(self.tr("Model versions"))
        self.export_button.setText(self.tr("Export corrections…"))
        self.anonymise.setText(self.tr("without file names and notes"))
        self.retrain_button.setText(self.tr("Retrain with corrections"))
        self.activate_button.setText(self.tr("Make active"))
        self.rollback_button.setText(self.tr("Roll back"))
        if self._listed and not self.store.closed:  # a closed window's panel may hear the change too
            self.refresh_versions()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._listed:
            # First time on screen: listing registers the bundled model, which imports
            # scikit-learn — a cost start-up should not pay.
            self.refresh_versions()

    # ----------------------------------------------------------------- listing
    def refresh_versions(self) -> None:
        self._listed = True
        try:
            versions = self.model_store.versions()
        except Exception as exc:  # a damaged registry must not take the dashboard down
            log.warning("listing the model versions failed", exc_info=True)
            self.status.setText(
                self.tr("The model versions cannot be listed: {error}").format(error=error_text(exc)))
            return
        self._versions = versions
        self.table.setRowCount(len(versions))
        for row, v in enumerate(versions):
            m = v.metrics
            cv = (m.get("cv") or {}).get("candidate_mean", m.get("macro_f1"))  # the shipped model: its own CV
            hold = self.held_back_gain(m.get("holdout") or {})
            used = m.get("corrections_trained_on")
            verdict = ""
            if "promoted" in m:
                verdict = self.tr("promoted") if m.get("promoted") else self.tr("kept, not promoted")
            held = m.get("corrections_held_back", 0)
            cells = (
                self.tr("bundled", "the model shipped with the app") if v.bundled else v.version,
                "" if v.bundled else date_time(v.created_at),
                number(cv, 3) if cv is not None else "",
                hold,
                "" if used is None else self.tr("{used} (+{held} held back)").format(used=used, held=held),
                verdict,
                self.tr("✓ active") if v.active else "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.version)  # the store's name, whatever the language
                if col == 5 and v.reason:  # why it was (not) promoted, kept as a translatable message
                    item.setToolTip(translated(v.reason))
                self.table.setItem(row, col, item)
        self._set_busy(self.busy)

    def _update_actions(self) -> None:
        """Retrain needs corrections and Roll back an earlier version: otherwise disabled, the
        tooltip saying why."""
        try:
            corrections = len(self.store.feedback_rows())
        except Exception:  # a damaged library: the button stays usable and retraining says why
            log.warning("counting the corrections failed", exc_info=True)
            corrections = None
        if corrections == 0:
            self.retrain_button.setEnabled(False)
            self.retrain_button.setToolTip(self.tr(
                "No corrections yet: correct a few tracks in the Player or the Review queue first."))
        else:
            self.retrain_button.setToolTip(self.tr(
                "Train a new model version from your corrections; it becomes active only if it does better."))
        active = next((i for i, v in enumerate(self._versions) if v.active), 0)
        if active == 0:
            self.rollback_button.setEnabled(False)
            self.rollback_button.setToolTip(self.tr("There is no earlier model version to go back to."))
        else:
            self.rollback_button.setToolTip(self.tr("Make the model version before the active one active again."))

    def held_back_gain(self, hold: dict) -> str:
        """What the user gained, in words: "62 % → 81 % right on 48" (before → with this version)."""
        new, old, n = hold.get("candidate_accuracy"), hold.get("current_accuracy"), hold.get("n")
        if new is None or not n:
            return ""
        if old is None:
            return self.tr("{new} right on {count}").format(new=percent(new), count=n)
        return self.tr("{old} → {new} right on {count}").format(old=percent(old), new=percent(new), count=n)

    def selected_version(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    # ----------------------------------------------------------------- actions
    def export_corrections(self, path: str | os.PathLike, anonymise: bool | None = None) -> int:
        from tmer_desktop.analysis.corrections import export_feedback

        flag = self.anonymise.isChecked() if anonymise is None else anonymise
        count = export_feedback(path, anonymise=flag, store=self.store)
        self.status.setText(self.tr("Wrote %n correction(s) to {path}.", "", count).format(path=path))
        return count

    def start_retrain(self) -> BackgroundTask | None:
        """Retrain in the background from every correction in the library."""
        if self._task is not None and self._task.running:
            return None
        from tmer_desktop.analysis.corrections import feedback_records
        from tmer_desktop.model.retrain import RetrainConfig, retrain

        store, models, config = self.store, self.model_store, self.retrain_config or RetrainConfig()

        def work(ctx):
            return retrain(feedback_records(store), store=models, config=config, progress=ctx.progress)

        self._set_busy(True)
        self.status.setText(self.tr("Retraining with the corrections… (the app stays usable)"))
        self._task = BackgroundTask(work, name="retrain")  # no parent: see DashboardView.refresh
        self._task.progress.connect(self._on_progress)
        self._task.succeeded.connect(self._on_retrained)
        self._task.failed.connect(self._on_retrain_failed)
        self._task.finished.connect(self._on_finished)
        self._task.start()
        return self._task

    @property
    def busy(self) -> bool:
        return self._task is not None and self._task.running

    def _on_progress(self, text) -> None:
        # model.retrain's progress: marked messages (phase, step, time left), worded in the interface language.
        self.status.setText(translated(text))

    def _on_finished(self) -> None:
        self._set_busy(False)

    def _on_retrained(self, result) -> None:
        self._set_busy(False)
        self.refresh_versions()
        self.status.setText(self._retrain_summary(result))
        self.retrained.emit(result)
        if result.promoted:
            self.active_model_changed.emit(result.candidate)

    def _retrain_summary(self, result) -> str:
        """RetrainResult.summary() in the interface language (its reason translated when marked)."""
        try:
            cv = result.metrics["cv"]
            lines = [self.tr(
                "Candidate {candidate} vs {current}: score in tests {new} vs {old} ({folds} folds x {repeats})")
                     .format(candidate=result.candidate, current=result.compared_with,
                             new=number(cv["candidate_mean"], 3), old=number(cv["current_mean"], 3),
                             folds=cv["folds"], repeats=cv["repeats"])]
            hold = result.metrics.get("holdout")
            if hold and hold.get("candidate_macro_f1") is not None:
                current = hold.get("current_accuracy")
                lines.append(self.tr("On your {count} held-back corrections: {old} right before, {new} with this "
                                     "version").format(count=hold["n"], new=percent(hold["candidate_accuracy"]),
                                                       old=self.tr("n/a") if current is None else percent(current)))
        except (KeyError, TypeError, ValueError):  # metrics of another shape: the core's own words
            return translated(result.summary())
        verdict = self.tr("PROMOTED: {reason}") if result.promoted else self.tr("NOT promoted: {reason}")
        return "\n".join([*lines, verdict.format(reason=translated(result.reason))])

    def _on_retrain_failed(self, message: str, _exc: object) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Retraining failed: {message}").format(message=message))
        self.retrain_failed.emit(message)

    def activate(self, version: str) -> bool:
        """Make `version` active (promotion or rollback); False with the reason shown if refused."""
        from tmer_desktop.errors import TmerError

        try:
            self.model_store.activate(version)
        except TmerError as exc:
            self.status.setText(error_text(exc))
            return False
        self.refresh_versions()
        self.status.setText(self.tr("Model {version} is now active.").format(version=version))
        self.active_model_changed.emit(version)
        return True

    def roll_back(self) -> bool:
        from tmer_desktop.errors import TmerError

        try:
            version = self.model_store.rollback().version
        except TmerError as exc:
            self.status.setText(error_text(exc))
            return False
        self.refresh_versions()
        self.status.setText(self.tr("Rolled back: model {version} is now active.").format(version=version))
        self.active_model_changed.emit(version)
        return True

    def _activate_selected(self) -> None:
        version = self.selected_version()
        if version is None:
            self.status.setText(self.tr("Select a model version first."))
            return
        self.activate(version)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export corrections"), "corrections.csv", self.tr("CSV (*.csv)"))
        if path:
            try:
                self.export_corrections(path)
            except Exception as exc:  # e.g. a full disk: say so, keep the view
                log.warning("exporting the corrections failed", exc_info=True)
                QMessageBox.warning(self, self.tr("Export failed"), error_text(exc))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.retrain_button, self.activate_button, self.rollback_button):
            button.setEnabled(not busy)
        if not busy and self._listed:
            self._update_actions()
