"""Dashboards: emotion distributions, confidence, corrections (confusion, reliability) and drift.

One self-contained widget, `DashboardView(store)`. The numbers come from
`tmer_desktop.dashboards` (Qt-free), computed in a background thread; this file only draws
them with pyqtgraph and exports the chart on screen as PNG or its table as CSV.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tmer_desktop import dashboards
from tmer_desktop.dashboards import CHARTS, Dashboard
from tmer_desktop.library.exports import atomic_output
from tmer_desktop.library.schema import EMOTIONS
from tmer_desktop.ui.palette import emotion_color
from tmer_desktop.ui.tasks import BackgroundTask

_ALERT_STYLE = "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #d9a400; padding: 6px; }"
_OK_STYLE = "QLabel { background: #e8f5e9; color: #1b4d20; border: 1px solid #7cb77f; padding: 6px; }"
_NAME_CHARS = 28
_DRIFT_SHOWN = 15


def _short(text: str) -> str:
    text = str(text)
    return text if len(text) <= _NAME_CHARS else "…" + text[-(_NAME_CHARS - 1):]


class DashboardView(QWidget):
    """Charts of the library and of the corrections, with a drift alert and PNG/CSV export."""

    refreshed = Signal()  # the data was (re)loaded and the current chart drawn
    refresh_failed = Signal(str)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.data: Dashboard | None = None
        self._task: BackgroundTask | None = None

        self.alert = QLabel(self)
        self.alert.setWordWrap(True)
        self.alert.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alert.setAccessibleName("Drift status")

        self.chooser = QComboBox(self)
        for key, title in CHARTS.items():
            self.chooser.addItem(title, key)
        self.chooser.setAccessibleName("Chart")
        self.chooser.currentIndexChanged.connect(lambda _i: self._draw())
        self.refresh_button = QPushButton("Refresh", self)
        self.refresh_button.clicked.connect(self.refresh)
        self.png_button = QPushButton("Export PNG…", self)
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button = QPushButton("Export CSV…", self)
        self.csv_button.clicked.connect(self._ask_csv)
        self.summary = QLabel(self)

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setMinimumHeight(320)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#222")

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Chart:", self))
        bar.addWidget(self.chooser, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.png_button)
        bar.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.alert)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)
        self._set_busy(False)
        self.alert.setText("Loading…")

    # ----------------------------------------------------------------- data
    def refresh(self) -> None:
        """Recompute every chart in the background (the library may be large)."""
        if self._task is not None and self._task.running:
            return
        self._set_busy(True)
        store = self.store
        self._task = BackgroundTask(lambda _ctx: dashboards.collect(store), name="dashboards", parent=self)
        self._task.succeeded.connect(self.set_data)
        self._task.failed.connect(self._on_failed)
        self._task.finished.connect(lambda: self._set_busy(False))
        self._task.start()

    def set_data(self, data: Dashboard) -> None:
        self.data = data
        self._set_busy(False)
        report = data.drift
        if report.alert:
            self.alert.setStyleSheet(_ALERT_STYLE)
            self.alert.setText("⚠ Drift alert\n" + "\n".join(report.alerts) + "\n" + report.suggestion)
        else:
            self.alert.setStyleSheet(_OK_STYLE)
            self.alert.setText(report.suggestion + ("\n" + "\n".join(report.notes) if report.notes else ""))
        accuracy = f", live accuracy {report.live_accuracy:.0%}" if report.live_accuracy is not None else ""
        self.summary.setText(f"{data.n_tracks} track(s), {data.n_corrections} correction(s){accuracy}")
        self._draw()
        self.refreshed.emit()

    def _on_failed(self, message: str, _exc: object) -> None:
        self.alert.setStyleSheet(_ALERT_STYLE)
        self.alert.setText(f"The dashboards could not be computed: {message}")
        self.refresh_failed.emit(message)

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
        self.legend.setOffset(legend_at)
        item.setTitle(title, color="#222")
        item.setLabel("bottom", x_label)
        item.setLabel("left", y_label)
        for axis in ("bottom", "left"):
            # Never rescale ticks by an SI prefix ("PSI (x0.001)" reads badly).
            item.getAxis(axis).setSIPrefixEnableRanges(((0.0, 0.0),))
            item.getAxis(axis).setTicks(None)
            item.getAxis(axis).setTextPen("#222")
            item.getAxis(axis).setPen("#666")
        item.setAspectLocked(False)
        item.invertY(False)
        return item

    def _draw(self) -> None:
        if self.data is None:
            return
        key = self.current_chart()
        table = self.data.tables()[key]
        if key.startswith("by_"):
            self._draw_distribution(CHARTS[key], table)
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
        item = self._reset_plot(title, "tracks", "")
        if table.empty:
            self._empty(item, "No tagged tracks in this grouping yet.")
            return
        rows = np.arange(len(table))[::-1]  # the biggest group on top
        left = np.zeros(len(table))
        for emotion in EMOTIONS:
            counts = table[emotion].to_numpy(dtype=float)
            bars = pg.BarGraphItem(
                x0=left, y=rows, height=0.75, width=counts, brush=emotion_color(emotion), pen=pg.mkPen("w", width=0.5)
            )
            item.addItem(bars)
            self.legend.addItem(bars, emotion)
            left = left + counts
        item.getAxis("left").setTicks([[(r, _short(name)) for r, name in zip(rows, table.index)]])
        item.setXRange(0, max(1.0, left.max()) * 1.25)
        item.setYRange(-0.6, len(table) - 0.4)

    def _draw_confidence(self, table: pd.DataFrame) -> None:
        item = self._reset_plot(
            "Confidence histogram (windows)", "confidence (top probability)", "windows", legend_at=(10, 10)
        )
        if int(table["total"].sum()) == 0:
            self._empty(item, "No predictions yet.")
            return
        centres = ((table["low"] + table["high"]) / 2).to_numpy()
        width = float((table["high"] - table["low"]).iloc[0]) * 0.9
        bottom = np.zeros(len(table))
        for emotion in EMOTIONS:
            counts = table[emotion].to_numpy(dtype=float)
            bars = pg.BarGraphItem(x=centres, y0=bottom, height=counts, width=width, brush=emotion_color(emotion))
            item.addItem(bars)
            self.legend.addItem(bars, emotion)
            bottom = bottom + counts
        threshold = pg.InfiniteLine(pos=0.75, angle=90, pen=pg.mkPen("#444", style=Qt.PenStyle.DashLine))
        item.addItem(threshold)
        item.setXRange(0.25, 1.0)
        item.setYRange(0, bottom.max() * 1.1)

    def _draw_confusion(self, table: pd.DataFrame) -> None:
        item = self._reset_plot("Confusion matrix from corrections", "predicted", "true (corrected)")
        counts = table.to_numpy(dtype=float)
        if counts.sum() == 0:
            self._empty(item, "No corrections with a known label yet.")
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
        ticks = [[(k + 0.5, e) for k, e in enumerate(EMOTIONS)]]
        item.getAxis("bottom").setTicks(ticks)
        item.getAxis("left").setTicks(ticks)
        item.invertY(True)
        item.setXRange(0, n, padding=0.02)
        item.setYRange(0, n, padding=0.02)

    def _draw_reliability(self, table: pd.DataFrame) -> None:
        item = self._reset_plot("Reliability from corrections", "stated confidence", "share correct", legend_at=(-10, -10))
        used = table[table["count"] > 0]
        diagonal = pg.PlotDataItem([0, 1], [0, 1], pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        item.addItem(diagonal)
        self.legend.addItem(diagonal, "perfect calibration")
        if used.empty:
            self._empty(item, "No corrections with a confidence yet.")
            return
        curve = pg.PlotDataItem(
            used["mean_confidence"].to_numpy(), used["accuracy"].to_numpy(),
            pen=pg.mkPen("#0072B2", width=2), symbol="o", symbolBrush="#0072B2",
            symbolSize=np.clip(6 + np.sqrt(used["count"].to_numpy()) * 2, 6, 24),
        )
        item.addItem(curve)
        self.legend.addItem(curve, "model (dot size: corrections)")
        item.setXRange(0, 1)
        item.setYRange(0, 1.05)

    def _draw_drift(self, table: pd.DataFrame) -> None:
        item = self._reset_plot(f"Feature drift: the {_DRIFT_SHOWN} largest PSI, library vs training data", "PSI", "")
        if table.empty:
            self._empty(item, "Too few analysed windows to judge drift.")
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
                raise OSError(f"Qt could not encode the chart as PNG into {tmp}")

    def export_csv(self, path: str | os.PathLike) -> int:
        """The table behind the chart on screen, as CSV; returns the rows written."""
        return dashboards.write_table_csv(self.current_table(), path)

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export chart as PNG", f"{self.current_chart()}.png", "PNG image (*.png)")
        if path:
            self._guarded(lambda: self.export_png(path))

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export chart data as CSV", f"{self.current_chart()}.csv", "CSV (*.csv)")
        if path:
            self._guarded(lambda: self.export_csv(path))

    def _guarded(self, action) -> None:
        try:
            action()
        except Exception as exc:  # a full disk or a bad folder: tell the user, keep the view
            QMessageBox.warning(self, "Export failed", str(exc))
