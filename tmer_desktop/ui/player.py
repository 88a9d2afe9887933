"""A small Qt player object around audio.playback.Player: signals and plain error messages.

The audio callback never touches Qt; a GUI-thread timer polls the position (~30 Hz) and
emits positionChanged. Without an output device everything still works except sound:
`available` is False, `unavailable_message` says why, and seeking still moves the cursor.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from tmer_desktop.audio.playback import PLAYING, Player

POLL_MS = 33


class PlayerController(QObject):
    positionChanged = Signal(float)
    stateChanged = Signal(str)
    errorOccurred = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._player = Player()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._last_state = self._player.state

    @property
    def available(self) -> bool:
        return self._player.available

    @property
    def unavailable_message(self) -> str:
        reason = self._player.unavailable_reason
        if not reason:
            return ""
        # Known core reasons are marked for translation (context "Playback"); PortAudio's own stay as they are.
        reason = QCoreApplication.translate("Playback", reason)
        return self.tr("Playback unavailable: {reason}").format(reason=reason)

    @property
    def position(self) -> float:
        return self._player.position

    @property
    def duration(self) -> float:
        return self._player.duration

    @property
    def state(self) -> str:
        return self._player.state

    def load(self, samples: np.ndarray, sample_rate: int) -> None:
        self._player.load(samples, sample_rate)
        self._emit_state()
        self.positionChanged.emit(0.0)

    def play(self) -> None:
        try:
            self._player.play()
        except RuntimeError as exc:
            self.errorOccurred.emit(str(exc))
            return
        self._timer.start()
        self._emit_state()

    def pause(self) -> None:
        self._player.pause()
        self._timer.stop()
        self._emit_state()
        self.positionChanged.emit(self._player.position)

    def toggle(self) -> None:
        self.pause() if self._player.state == PLAYING else self.play()

    def stop(self) -> None:
        self._player.stop()
        self._timer.stop()
        self._emit_state()
        self.positionChanged.emit(0.0)

    def seek(self, seconds: float) -> None:
        self._player.seek(seconds)
        self.positionChanged.emit(self._player.position)

    def _poll(self) -> None:
        self.positionChanged.emit(self._player.position)
        if self._player.state != PLAYING:
            self._timer.stop()
        self._emit_state()

    def _emit_state(self) -> None:
        if self._player.state != self._last_state:
            self._last_state = self._player.state
            self.stateChanged.emit(self._last_state)
