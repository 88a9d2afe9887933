"""Player view: transport, waveform + emotion timeline, corrections and explanations.

The view shows one track (a TrackView from ui.track_data) and asks for things via signals:
corrections go to the main window, which stores them. Keys: Space play/pause, 1–4 set the
emotion of the window under the cursor, Shift+1–4 that of the whole track, Enter marks the
window correct, Shift+Enter the track.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tmer_desktop.ui import i18n
from tmer_desktop.ui.explain_panel import ExplanationPanel
from tmer_desktop.ui.palette import EMOTIONS, emotion_hex
from tmer_desktop.ui.player import PlayerController
from tmer_desktop.ui.timeline import TimelineWidget
from tmer_desktop.vocabulary import Timeline

SLIDER_STEPS_PER_SECOND = 10


class PlayerView(i18n.FollowsLanguage, QWidget):
    # scope ("window" | "track"), is_correct, corrected label or None
    correctionRequested = Signal(str, bool, object)
    currentWindowChanged = Signal(int)  # index into the series, -1 when none

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.track = None  # ui.track_data.TrackView
        self.emotion_names = {e: e for e in EMOTIONS}
        self.current_window: int = -1
        self.player = PlayerController(self)
        self.player.positionChanged.connect(self._on_position)
        self.player.stateChanged.connect(self._on_state)
        self.player.errorOccurred.connect(self._show_playback_message)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.summary = QLabel("")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self._device_note = ""
        self.playback_note = QLabel()
        self.playback_note.setStyleSheet("color: #8A4B00;")
        # The level of the timeline shown: the overview at once, the detailed one when it is ready.
        self.timeline_note = QLabel()
        self.timeline_note.setStyleSheet("color: #555555;")
        self.timeline_state = ""  # "" | "computing" | "failed"

        self.play_button = QPushButton()
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(self.player.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setEnabled(False)
        # Dragging and the keyboard (arrows: 5 s, Page Up/Down: 30 s, Home/End) both seek; the
        # position updates from playback block the signal (see _on_position).
        self.slider.setSingleStep(5 * SLIDER_STEPS_PER_SECOND)
        self.slider.setPageStep(30 * SLIDER_STEPS_PER_SECOND)
        self.slider.valueChanged.connect(lambda v: self.seek(v / SLIDER_STEPS_PER_SECOND))
        self.time_label = QLabel("0:00 / 0:00")
        self.next_unsure_button = QPushButton()
        self.next_unsure_button.clicked.connect(self.next_unsure_window)
        self.next_unsure_button.setEnabled(False)
        transport = QHBoxLayout()
        transport.addWidget(self.play_button)
        transport.addWidget(self.slider, 1)
        transport.addWidget(self.time_label)
        transport.addWidget(self.next_unsure_button)

        self.timeline = TimelineWidget()
        self.timeline.seekRequested.connect(self.seek)

        self.window_label = QLabel()
        self.window_buttons = self._correction_row("window")
        self.track_buttons = self._correction_row("track")
        corrections = QGridLayout()
        corrections.addWidget(self.window_label, 0, 0)
        self.track_label = QLabel()
        corrections.addWidget(self.track_label, 1, 0)
        for col, button in enumerate(self.window_buttons, start=1):
            corrections.addWidget(button, 0, col)
        for col, button in enumerate(self.track_buttons, start=1):
            corrections.addWidget(button, 1, col)
        self.feedback_note = QLabel("")
        self.feedback_note.setStyleSheet("color: #1B5E20;")
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: #666666;")
        corrections.addWidget(self.keys_hint, 0, 6)
        corrections.addWidget(self.feedback_note, 1, 6)
        corrections.setColumnStretch(6, 1)

        self.explanations = ExplanationPanel()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.timeline_note)
        top_layout.addWidget(self.playback_note)
        top_layout.addLayout(transport)
        top_layout.addWidget(self.timeline, 1)
        top_layout.addLayout(corrections)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.explanations)
        splitter.setStretchFactor(0, 2)  # the "why" panels need room for a three-line reason
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 250])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_corrections_enabled(False)
        self._install_shortcuts()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface language, the ones that depend on the state included."""
        self.slider.setAccessibleName(self.tr("Playback position"))
        self.slider.setAccessibleDescription(self.tr("Arrow keys: 5 s; Page Up and Page Down: 30 s"))
        self.time_label.setAccessibleName(self.tr("Time"))
        for scope, buttons in (("window", self.window_buttons), ("track", self.track_buttons)):
            buttons[0].setAccessibleName(self.tr("Window is correct") if scope == "window"
                                         else self.tr("Whole track is correct"))
        self.next_unsure_button.setToolTip(self.tr("Jump to the next hatched window (key N).") + "\n"
                                           + i18n.decision_explanation("review"))
        self.track_label.setText(self.tr("Whole track:"))
        self.keys_hint.setText(self.tr("Keys: Space play/pause · 1–4 window emotion · Shift+1–4 track emotion · "
                                       "Enter window correct"))
        for scope, buttons in (("window", self.window_buttons), ("track", self.track_buttons)):
            buttons[0].setText(self.tr("✓ Correct"))
            buttons[0].setToolTip(self.tr("Mark the window's emotion as correct") if scope == "window"
                                  else self.tr("Mark the track's emotion as correct"))
        self.set_emotion_names(self.emotion_names)  # the correction buttons' tooltips
        self._on_state(self.player.state)
        if self.playback_note.text() == self._device_note:  # not an audio error shown since
            self._show_device_note()
        self._update_unsure_button()
        self._update_window_label()
        self._update_timeline_note()
        if self.track is None:
            self.title.setText(self.tr("No track selected"))
            self.explanations.clear(self.tr("Select a track to see why the model chose its emotion."))
        else:
            self._update_summary()

    # -- building ----------------------------------------------------------------------
    def _correction_row(self, scope: str) -> list[QPushButton]:
        correct = QPushButton()
        correct.clicked.connect(lambda: self.correctionRequested.emit(scope, True, None))
        buttons = [correct]
        for i, emo in enumerate(EMOTIONS, start=1):
            button = QPushButton(f"{i} {emo.capitalize()}" if scope == "window" else emo.capitalize())
            button.setToolTip(self._correction_tip(scope, emo))
            button.setStyleSheet(f"border-left: 6px solid {emotion_hex(emo)}; padding: 3px 8px;")
            button.clicked.connect(lambda _=False, e=emo: self.correctionRequested.emit(scope, False, e))
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            buttons.append(button)
        return buttons

    def _correction_tip(self, scope: str, name: str) -> str:
        if scope == "window":
            return self.tr("The window is really {emotion}").format(emotion=name)
        return self.tr("The track is really {emotion}").format(emotion=name)

    def _install_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        def add(keys, slot):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        add(Qt.Key.Key_Space, self.player.toggle)
        for i, emo in enumerate(EMOTIONS, start=1):
            add(str(i), lambda e=emo: self._key_correction("window", e))
            add(f"Shift+{'!@#$'[i - 1]}", lambda e=emo: self._key_correction("track", e))
            add(f"Shift+{i}", lambda e=emo: self._key_correction("track", e))
        add(Qt.Key.Key_N, self.next_unsure_window)
        add(Qt.Key.Key_Return, lambda: self._key_correction("window", None))
        add(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Return), lambda: self._key_correction("track", None))

    def unsure_windows(self) -> list[int]:
        s = self.track.series if self.track else None
        return [] if s is None else s.review_windows()  # exactly the hatched windows

    def next_unsure_window(self) -> int | None:
        """Move the cursor to the centre of the next window that needs review (wrapping); its index."""
        unsure = self.unsure_windows()
        if not unsure:
            return None
        after = [i for i in unsure if i > self.current_window]
        target = after[0] if after else unsure[0]
        self.seek(float(self.track.series.centres[target]))
        return target

    def _update_unsure_button(self) -> None:
        n = len(self.unsure_windows())
        self.next_unsure_button.setEnabled(n > 0)
        self.next_unsure_button.setText(self.tr("Next window to review (N) · {count}").format(count=n) if n
                                        else self.tr("No window needs review"))

    def _key_correction(self, scope: str, emotion: str | None) -> None:
        if self.track is None or (scope == "window" and self.current_window < 0):
            return
        self.correctionRequested.emit(scope, emotion is None, emotion)

    def set_emotion_names(self, names: dict[str, str]) -> None:
        self.emotion_names = dict(names)
        self.timeline.set_emotion_names(names)
        for i, emo in enumerate(EMOTIONS, start=1):
            name = names.get(emo, emo)
            self.window_buttons[i].setText(f"{i} {name}")
            self.track_buttons[i].setText(name)
            self.window_buttons[i].setToolTip(self._correction_tip("window", name.lower()))
            self.track_buttons[i].setToolTip(self._correction_tip("track", name.lower()))
            # Said by a screen reader instead of "1 Happy" / "Happy", which do not say what they do.
            self.window_buttons[i].setAccessibleName(self._correction_tip("window", name.lower()))
            self.track_buttons[i].setAccessibleName(self._correction_tip("track", name.lower()))
        if self.track is not None:
            self._update_summary()
            self._update_window_label()

    # -- showing a track -------------------------------------------------------------
    def set_timeline_state(self, state: str) -> None:
        """"computing": the detailed timeline is being made in the background; "failed": it could
        not be; "": nothing is going on (the note then says which timeline is shown)."""
        self.timeline_state = state
        self._update_timeline_note()

    def _update_timeline_note(self) -> None:
        t = self.track
        if t is not None and t.computing is not None:
            self.timeline_note.setText(self.tr("Computing the timeline: {done} of {total} windows (the overview "
                                               "first, then the windows in between)…").format(
                done=t.computing[0], total=t.computing[1]))
        elif t is None or not len(t.series) or t.timeline is None:
            self.timeline_note.setText("")
        elif t.timeline == Timeline.FINE:
            self.timeline_note.setText(self.tr("Detailed timeline."))
        elif self.timeline_state == "computing":
            self.timeline_note.setText(self.tr("Overview timeline (a window every 30 s); the detailed timeline "
                                               "is being computed…"))
        elif self.timeline_state == "failed":
            self.timeline_note.setText(self.tr("Overview timeline (a window every 30 s); the detailed timeline "
                                               "could not be computed."))
        else:
            self.timeline_note.setText(self.tr("Overview timeline (a window every 30 s)."))
        self.timeline_note.setVisible(bool(self.timeline_note.text()))

    def show_track(self, track) -> None:
        """Show a TrackView (its windows/predictions); audio arrives later via set_audio."""
        self.player.stop()
        self.track = track
        self.timeline_state = ""
        self.title.setText(track.title)
        self._update_summary()
        series = track.series
        self.timeline.set_waveform(None, 0, duration=track.duration)
        self.timeline.set_series(series, track.duration, track.threshold)
        self.timeline.set_cursor(0.0)
        self.slider.setRange(0, int(track.duration * SLIDER_STEPS_PER_SECOND))
        self._set_corrections_enabled(series is not None and len(series) > 0)
        self.current_window = -1
        self._on_position(0.0)
        self._update_unsure_button()
        self.feedback_note.setText("")
        self.explanations.clear(self.tr("Computing explanation…") if series is not None and len(series) else
                                (i18n.translated(track.error) or self.tr("No analysis for this track.")))
        self._update_timeline_note()

    def set_audio(self, samples, sr: int, env=None) -> None:
        """samples: mono float32; env: its envelope() when already computed off the GUI thread."""
        keep = self.timeline.cursor_position  # the user may have clicked before the audio arrived
        self.player.load(samples, sr)
        if keep > 0:
            self.player.seek(keep)
        self.timeline.set_waveform(samples, sr, duration=self.track.duration if self.track else None, env=env)
        self.slider.setEnabled(True)
        self.play_button.setEnabled(self.player.available)
        self._show_device_note()

    def _show_device_note(self) -> None:
        self._device_note = self.player.unavailable_message
        self._show_playback_message(self._device_note)

    def set_audio_error(self, message: str) -> None:
        self._show_playback_message(message)

    def refresh_decisions(self, track) -> None:
        """Same track, new decisions (threshold/aggregation changed), the windows of its timeline
        being computed (track.computing set: not stored yet, so not correctable) or its detailed
        timeline: keep audio and cursor."""
        self.track = track
        self._set_corrections_enabled(len(track.series) > 0 and track.computing is None)
        if track.computing is not None:  # explained once the timeline is complete
            self.explanations.clear(self.tr("Computing explanation…"))
        self._update_summary()
        self._update_timeline_note()
        self.timeline.set_series(track.series, track.duration, track.threshold)
        self.timeline.set_cursor(self.player.position)
        self.current_window = -1
        self._on_position(self.player.position)
        self._update_unsure_button()

    def _update_summary(self) -> None:
        t = self.track
        self.summary.setToolTip("")
        if t.error:
            self.summary.setText(f"<span style='color:#B00020'>{html.escape(i18n.translated(t.error))}</span>")
        elif t.label is None:
            self.summary.setText(self.tr("Not analysed yet."))
        else:
            names = [f"<b style='color:{emotion_hex(e)}'>{self.emotion_names.get(e, e)}</b>"
                     for e in (t.candidates or (t.label,))]
            shown = (self.tr("{first} or {second}").format(first=names[0], second=names[1]) if len(names) == 2
                     else names[0])
            verdict = i18n.decision_name(t.decision, title=False)
            windows = self.tr("%n windows of 30 s", "", len(t.series))
            text = self.tr("{subtitle} — track emotion: {emotions} ({confidence}, {verdict}) · {windows}").format(
                subtitle=t.subtitle, emotions=shown, confidence=i18n.percent(t.confidence), verdict=verdict,
                windows=windows)
            if t.unfamiliar:
                text += "<br><span style='color:#8A5A00'>" + html.escape(self.tr(
                    "Unfamiliar music: it sounds unlike the music the model learned from, so treat its answer "
                    "as a suggestion and correct it if needed.")) + "</span>"
            self.summary.setText(text)
            self.summary.setToolTip(i18n.decision_explanation(t.decision))

    def _show_playback_message(self, message: str) -> None:
        self.playback_note.setText(message)
        self.playback_note.setVisible(bool(message))

    def _set_corrections_enabled(self, enabled: bool) -> None:
        for button in self.window_buttons + self.track_buttons:
            button.setEnabled(enabled)

    # -- position ----------------------------------------------------------------------
    def seek(self, seconds: float) -> None:
        if self.player.duration > 0:
            self.player.seek(seconds)
        else:  # audio still decoding: move the cursor now, set_audio keeps it
            self._on_position(max(0.0, min(seconds, self.track.duration if self.track else 0.0)))

    def _on_position(self, seconds: float) -> None:
        self.timeline.set_cursor(seconds)
        if not self.slider.isSliderDown():
            blocked = self.slider.blockSignals(True)
            self.slider.setValue(int(seconds * SLIDER_STEPS_PER_SECOND))
            self.slider.blockSignals(blocked)
        total = self.track.duration if self.track else 0.0
        self.time_label.setText(f"{i18n.clock(seconds)} / {i18n.clock(total)}")
        series = self.track.series if self.track else None
        index = series.index_at(seconds, total) if series is not None else None
        index = -1 if index is None else index
        if index != self.current_window:
            self.current_window = index
            self._update_window_label()
            self.currentWindowChanged.emit(index)

    def _update_window_label(self) -> None:
        s = self.track.series if self.track else None
        i = self.current_window
        if s is None or i < 0:
            self.window_label.setText(self.tr("Window: —"))
            return
        start = float(s.starts[i])
        self.window_label.setText(self.tr("Window {number}/{count} ({start}–{end}): {emotion} {confidence}").format(
            number=i + 1, count=len(s), start=i18n.clock(start),
            end=i18n.clock(start + float(s.durations[i])),
            emotion=self.emotion_names.get(s.labels[i], s.labels[i]), confidence=i18n.percent(s.confidences[i])))

    def _on_state(self, state: str) -> None:
        self.play_button.setText(self.tr("Pause") if state == "playing" else self.tr("Play"))
