"""The Record view: capture a live session and watch its emotion timeline grow.

Input device picker (a plain message when there is none), level meter, record / pause / stop,
a scrolling waveform of the last seconds and the shared timeline widget, filled window by
window as the live analyser (analysis.live) finishes them. Estimates made before the first full
30 s window are shown only in a label that says they are provisional. On stop the recording
is stored as a library track in a background task (recordingSaved carries its id).

Threads: the recorder's writer thread and the analyser's collector thread only append to
queues or emit signals; everything on screen is updated in the GUI thread, by a 20 Hz timer
or by queued signals.
"""

from __future__ import annotations

import collections
import logging
import threading

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from tmer_desktop.audio import record
from tmer_desktop.tagging import persist
from tmer_desktop.ui.i18n import (
    FollowsLanguage,
    clock,
    current_language,
    emotion_name,
    emotion_names,
    error_text,
    number,
    percent,
    translated,
)
from tmer_desktop.ui.locale_axis import locale_axes
from tmer_desktop.ui.palette import emotion_hex
from tmer_desktop.ui.tasks import BackgroundTask
from tmer_desktop.ui.timeline import TimelineWidget, WindowSeries
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD, DEFAULT_TOP2_THRESHOLD, DecisionRule

log = logging.getLogger(__name__)

SCROLL_SECONDS = 10.0  # the scrolling waveform shows this much recent audio
METER_FLOOR_DB = -60.0
REFRESH_MS = 50
PROVISIONAL_EVERY = 5.0  # seconds between provisional estimates before the first full window

class RecordView(FollowsLanguage, QWidget):
    message = Signal(str)  # for the status bar
    recordingSaved = Signal(int)  # library track id
    windowReady = Signal(object)  # a LiveWindow (final or provisional), after it is shown
    _windowArrived = Signal(object)  # from the analyser's thread
    _eventArrived = Signal(object)  # from the recorder's writer thread

    def __init__(self, store=None, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.recorder: record.Recorder | None = None
        self.live = None
        self.finish_task: BackgroundTask | None = None
        self.windows = []  # final LiveWindows shown on the timeline
        self._blocks: collections.deque = collections.deque()  # (min, max) per block, from the writer
        self._scroll = collections.deque()
        self._overview: list[tuple[float, float]] = []
        self._lock = threading.Lock()
        self._last_overview = 0.0

        self.device_combo = QComboBox()
        self.refresh_button = QPushButton()
        self.no_device_label = QLabel()
        self.no_device_label.setWordWrap(True)
        self.no_device_label.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.record_button = QPushButton()
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        self.elapsed_label = QLabel(clock(0))
        self.meter = QProgressBar()
        self.meter.setRange(int(METER_FLOOR_DB), 0)
        self.meter.setValue(int(METER_FLOOR_DB))  # silence until something is captured
        self.meter.setMinimumWidth(220)
        self.state_label = QLabel()
        self.provisional_label = QLabel()
        self.provisional_label.setWordWrap(True)
        self.events_label = QLabel()
        self.events_label.setWordWrap(True)
        self.events_label.setStyleSheet("color: #8a5a00;")

        self.scroll_plot = pg.PlotWidget(background="w", axisItems=locale_axes())
        self.scroll_plot.setMouseEnabled(False, False)
        self.scroll_plot.hideButtons()
        self.scroll_plot.setMenuEnabled(False)
        self.scroll_plot.setYRange(-1, 1, padding=0)
        self.scroll_plot.setXRange(-SCROLL_SECONDS, 0, padding=0)
        self.scroll_plot.getAxis("left").setStyle(showValues=False)
        self.scroll_plot.setMaximumHeight(140)
        self._scroll_curve = pg.PlotCurveItem(pen=pg.mkPen("#1f5f8b", width=1), connect="pairs")
        self.scroll_plot.addItem(self._scroll_curve)
        self.timeline = TimelineWidget()
        self.timeline.set_smoothed(False)  # live: each window as it closes (smoothing would redraw the past)

        top = QHBoxLayout()
        self.input_label = QLabel()
        top.addWidget(self.input_label)
        top.addWidget(self.device_combo, 1)
        top.addWidget(self.refresh_button)
        controls = QHBoxLayout()
        for w in (self.record_button, self.pause_button, self.stop_button):
            controls.addWidget(w)
        controls.addWidget(self.elapsed_label)
        controls.addSpacing(16)
        self.level_label = QLabel()
        controls.addWidget(self.level_label)
        controls.addWidget(self.meter)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.no_device_label)
        layout.addLayout(controls)
        layout.addWidget(self.state_label)
        layout.addWidget(self.events_label)
        layout.addWidget(self.scroll_plot)
        layout.addWidget(self.provisional_label)
        layout.addWidget(self.timeline, 1)

        self.refresh_button.clicked.connect(self.refresh_devices)
        self.record_button.clicked.connect(self.start_recording)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop_recording)
        self._windowArrived.connect(self._show_window)
        self._eventArrived.connect(self._show_event)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.retranslate()

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the interface language (called again on a language change)."""
        self.refresh_button.setText(self.tr("Refresh devices"))
        self.record_button.setText(self.tr("● Record"))
        self.stop_button.setText(self.tr("■ Stop"))
        self.input_label.setText(self.tr("Input:"))
        self.level_label.setText(self.tr("Level:"))
        self.input_label.setBuddy(self.device_combo)
        self.level_label.setBuddy(self.meter)
        self.device_combo.setAccessibleName(self.tr("Input device"))
        self.meter.setAccessibleName(self.tr("Input level"))
        self.meter.setAccessibleDescription(self.tr("Loudness of the input in decibels below full scale"))
        self.elapsed_label.setAccessibleName(self.tr("Recording time"))
        self.scroll_plot.setAccessibleName(self.tr("Live waveform"))
        self.scroll_plot.setAccessibleDescription(self.tr("The last seconds of sound from the input"))
        self.meter.setFormat(self.tr("%v dB"))
        self.meter.setToolTip(self.tr("How loud the input is, in decibels below the loudest it can record "
                                      "(dBFS): 0 dB is the maximum, -60 dB is silence."))
        self.scroll_plot.setLabel("bottom", self.tr("Seconds before now"))
        self.timeline.set_emotion_names(emotion_names(current_language()))
        self._update_buttons()
        if self.recorder is None and self.finish_task is None:
            self.state_label.setText(self.tr("Not recording."))
            self.refresh_devices()

    # -- settings ------------------------------------------------------------------------
    def _setting(self, name: str, default):
        return getattr(self.settings, name, default) if self.settings is not None else default

    # -- devices --------------------------------------------------------------------------
    def refresh_devices(self) -> None:
        self.device_combo.clear()
        reason = record.input_unavailable_reason()
        devices = [] if reason else record.input_devices()
        wanted = self._setting("audio_input_device", "")
        for d in devices:
            self.device_combo.addItem(str(d), d.index)
            if (wanted and d.name == wanted) or (not wanted and d.is_default):
                self.device_combo.setCurrentIndex(self.device_combo.count() - 1)
        self.no_device_label.setText(translated(reason) if reason else "")
        self.no_device_label.setVisible(bool(reason))
        self.device_combo.setEnabled(bool(devices))
        self._update_buttons()

    @property
    def unavailable_reason(self) -> str | None:
        return self.no_device_label.text() or None

    def _update_buttons(self) -> None:
        state = self.recorder.state if self.recorder else record.IDLE
        running = state in (record.RECORDING, record.PAUSED)
        finishing = self.finish_task is not None and self.finish_task.running
        self.record_button.setEnabled(self.device_combo.count() > 0 and not running and not finishing)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if state == record.PAUSED else self.tr("Pause"))
        self.stop_button.setEnabled(running)
        self.device_combo.setEnabled(self.device_combo.count() > 0 and not running)
        self.refresh_button.setEnabled(not running)

    # -- recording ------------------------------------------------------------------------
    def start_recording(self, stop_after_frames: int | None = None) -> bool:
        from tmer_desktop.analysis.live import LiveAnalyser

        device = self.device_combo.currentData()
        try:
            rate = int(self._device_rate(device))
            rule = DecisionRule(threshold=self._setting("decision_threshold", DEFAULT_THRESHOLD),
                                top2_threshold=self._setting("top2_threshold", DEFAULT_TOP2_THRESHOLD))
            self.live = LiveAnalyser(
                rate, window=self._setting("window_s", 30.0), hop=self._setting("hop_s", 5.0),
                library=self.store, rule=rule, aggregation=self._setting("aggregation", "mean"),
                provisional_every=PROVISIONAL_EVERY, on_window=self._windowArrived.emit)
            self.recorder = record.Recorder(device, samplerate=rate, on_block=self._on_block,
                                            on_event=self._eventArrived.emit,
                                            stop_after_frames=stop_after_frames)
            path = self.recorder.start()
        except Exception as exc:  # RecordError and model errors alike: say it, keep the view usable
            log.warning("the recording could not start", exc_info=True)
            if self.live is not None:
                self.live.close()
                self.live = None
            self.recorder = None
            self._say(self.tr("Could not start recording: {error}").format(error=error_text(exc)))
            self._update_buttons()
            return False
        self.windows = []
        self._overview = []
        self._scroll.clear()
        self.events_label.clear()
        window_s = QLocale().toString(float(self._setting("window_s", 30.0)), "g", 6)
        self.provisional_label.setText(
            self.tr("Waiting for the first full window ({seconds} s)…").format(seconds=window_s))
        self.timeline.set_series(None, 0.0, self._setting("decision_threshold", DEFAULT_THRESHOLD))
        self.timeline.set_waveform(None, rate, duration=self._setting("window_s", 30.0))
        self.state_label.setText(self.tr("Recording to {path}").format(path=path))
        self.timer.start()
        self._update_buttons()
        return True

    @staticmethod
    def _device_rate(device) -> float:
        import sounddevice as sd

        return float(sd.query_devices(device, kind="input")["default_samplerate"])

    def _on_block(self, mono: np.ndarray, first: int) -> None:
        """Writer thread: feed the analyser, queue the block's envelope for the screen."""
        if self.live is not None:
            self.live.feed(mono)
        # A few min/max pairs per block keep the scrolling waveform dense at any block size.
        for part in np.array_split(mono, max(1, min(8, len(mono) // 64))):
            if len(part):
                self._blocks.append((float(part.min()), float(part.max()), len(part)))

    def toggle_pause(self) -> None:
        if self.recorder is None:
            return
        if self.recorder.state == record.PAUSED:
            self.recorder.resume()
            self.state_label.setText(self.tr("Recording to {path}").format(path=self.recorder.path))
        else:
            self.recorder.pause()
            self.state_label.setText(self.tr("Paused — audio is not kept until you resume."))
        self._update_buttons()

    def stop_recording(self) -> None:
        if self.recorder is None or self.recorder.state in (record.IDLE,):
            return
        self.timer.stop()
        result = self.recorder.stop()
        self._tick_display()
        self.meter.setValue(int(METER_FLOOR_DB))
        live = self.live
        self.state_label.setText(self.tr("Stopped: {seconds} s saved in {path}. Analysing the end and adding it to "
                                         "the library…").format(seconds=number(result.duration, 1), path=result.path))
        kept = self.tr("Recording kept at {path}, but not added to the library: {error}")

        def work(_ctx):
            try:
                windows = live.finish(result.frames)
                track_id = persist.save_recording(self.store, live.analysis(result.path),
                                                  window=live.window, hop=live.hop)
            finally:
                live.close()
                if self.store is not None:
                    self.store.release_thread_connection()
            return windows, track_id

        self.finish_task = BackgroundTask(work, name="save recording", parent=self)
        self.finish_task.succeeded.connect(self._saved)
        self.finish_task.failed.connect(lambda text, _exc: self._say(kept.format(path=result.path, error=text)))
        self.finish_task.finished.connect(self._update_buttons)
        self.finish_task.start()
        self._update_buttons()

    def _saved(self, payload) -> None:
        windows, track_id = payload
        self.windows = [w for w in windows if not w.provisional]
        self._redraw_timeline(final=True)
        self.state_label.setText(self.tr("Saved: {path} is in the library with %n window(s).", "", len(windows))
                                 .format(path=self.recorder.path if self.recorder else ""))
        self.message.emit(self.tr("Recording added to the library."))
        self.recordingSaved.emit(track_id)

    # -- display -----------------------------------------------------------------------------
    def _tick(self) -> None:
        self._tick_display()
        rec = self.recorder
        if rec is not None and rec.finished and rec.state != record.IDLE:
            self.stop_recording()  # ended by itself: frame limit, lost device, failed write

    def _tick_display(self) -> None:
        rec = self.recorder
        if rec is None:
            return
        sr = rec.sample_rate or 1
        while self._blocks:
            lo, hi, n = self._blocks.popleft()
            self._scroll.append((lo, hi, n))
            self._overview.append((lo, hi))
        keep = int(SCROLL_SECONDS * sr)
        total = sum(n for *_, n in self._scroll)
        while self._scroll and total - self._scroll[0][2] >= keep:
            total -= self._scroll.popleft()[2]
        if self._scroll:
            ends = np.cumsum([n for *_, n in self._scroll]) / sr
            times = ends - ends[-1]
            xs = np.repeat(times, 2)
            ys = np.array([v for lo, hi, _ in self._scroll for v in (lo, hi)])
            self._scroll_curve.setData(xs, ys)
        level = rec.level
        self.meter.setValue(int(max(METER_FLOOR_DB, level.rms_db)))
        colour = "#c0392b" if level.clipped else ("#2e8b57" if level.peak_db < -6 else "#d4a017")
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        seconds = rec.seconds
        self.elapsed_label.setText(clock(int(seconds)))  # whole seconds elapsed, not rounded up
        if seconds - self._last_overview >= 1.0 or seconds < self._last_overview:
            self._last_overview = seconds
            self._redraw_timeline()

    def _redraw_timeline(self, final: bool = False) -> None:
        rec = self.recorder
        sr = rec.sample_rate if rec else 0
        seconds = rec.seconds if rec else 0.0
        window_s = float(self._setting("window_s", 30.0))
        duration = seconds if final else max(seconds, window_s)
        if self._overview and sr:
            per = max(1, len(self._overview) // 2000)
            arr = np.array(self._overview[: len(self._overview) // per * per]).reshape(-1, per, 2)
            lo, hi = arr[:, :, 0].min(axis=1), arr[:, :, 1].max(axis=1)
            times = (np.arange(len(lo)) + 0.5) * (seconds / max(len(lo), 1))
            self.timeline.set_waveform(None, sr, duration=duration, env=(times, lo, hi))
        judged = [w for w in self.windows if w.probs is not None]
        if judged:
            series = WindowSeries(
                starts=np.array([w.start for w in judged]), durations=np.array([w.duration for w in judged]),
                probs=np.array([w.probs for w in judged]), labels=[w.label for w in judged],
                confidences=np.array([w.confidence for w in judged]),
                decisions=[w.decision for w in judged])
            self.timeline.set_series(series, duration, self._setting("decision_threshold", DEFAULT_THRESHOLD))
        self.timeline.set_cursor(seconds)

    def _show_window(self, w) -> None:
        if w.provisional:
            if not self.windows:
                text = (f"{emotion_name(w.label, lower=True)} {percent(w.confidence)}" if w.probs is not None
                        else (translated(w.note) if w.note else self.tr("no estimate")))
                head = self.tr("Provisional estimate from the first {seconds} s (not a full window, not stored):")
                self.provisional_label.setText(
                    f"<i>{head.format(seconds=number(w.duration, 0))}</i> "
                    f"<b style='color:{emotion_hex(w.label)}'>{text}</b>")
        else:
            self.windows.append(w)
            self.windows.sort(key=lambda x: x.start)
            last = self.windows[-1]
            what = (f"{emotion_name(last.label, lower=True)} {percent(last.confidence)}" if last.probs is not None
                    else (translated(last.note) if last.note else "?"))
            self.provisional_label.setText(
                self.tr("%n window(s) analysed; latest {start}–{end} s: {result} (ready {latency} s after the "
                        "window ended)", "", len(self.windows)).format(
                    start=number(last.start, 0), end=number(last.start + last.duration, 0),
                    result=f"<b style='color:{emotion_hex(last.label)}'>{what}</b>", latency=number(w.latency, 2)))
            self._redraw_timeline()
        self.windowReady.emit(w)

    def _show_event(self, ev) -> None:
        message = translated(ev.message)  # overflow, device lost, write failure: marked in audio/record.py
        text = f"{number(ev.at, 1)} s: {message}"
        previous = self.events_label.text()
        self.events_label.setText((previous + "\n" if previous else "") + text)
        self._say(message)

    def _say(self, text: str) -> None:
        self.state_label.setText(text)
        self.message.emit(text)

    def shutdown(self) -> None:
        """Stop capture and analysis (the window is closing); the file is kept."""
        self.timer.stop()
        if self.recorder is not None:
            self.recorder.stop()
        if self.finish_task is not None and self.finish_task.running:
            self.finish_task.wait(30)
        elif self.live is not None:
            self.live.close()
            self.live = None
