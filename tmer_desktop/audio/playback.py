"""Audio playback through sounddevice, with a position anyone can poll (no Qt here).

The player owns decoded mono samples and plays them from a sounddevice OutputStream
callback. The callback runs in PortAudio's thread, so it only advances an integer frame
counter; the UI polls `position` on its own timer. When PortAudio or an output device is
missing, `available` is False and `unavailable_reason` says why in plain words; the
player then still keeps a position (seek works) so the rest of the app behaves the same.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import numpy as np

from tmer_desktop.audio.devices import close_stream_quietly, load_sounddevice
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

STOPPED, PLAYING, PAUSED = "stopped", "playing", "paused"


NO_OUTPUT_DEVICE = QT_TRANSLATE_NOOP("Playback", "no audio output device")


def output_unavailable_reason() -> str | None:
    """None when an output device exists, else a sentence saying what is missing."""
    sd, missing = load_sounddevice()
    if missing:
        return missing
    try:
        device = sd.query_devices(kind="output")
    except Exception:  # PortAudio raises its own PortAudioError or ValueError here
        log.info("no output device", exc_info=True)
        return NO_OUTPUT_DEVICE
    if not device or int(device.get("max_output_channels", 0)) < 1:
        return NO_OUTPUT_DEVICE
    return None


class Player:
    """Play / pause / seek over one loaded track. Thread-safe for the few calls it has."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._samples = np.zeros(0, dtype=np.float32)
        self._sr = 44100
        self._frame = 0
        self._state = STOPPED
        self._stream = None
        self.unavailable_reason: str | None = output_unavailable_reason()
        self.on_end: Callable[[], None] | None = None

    # -- properties ----------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    @property
    def state(self) -> str:
        return self._state

    @property
    def duration(self) -> float:
        return len(self._samples) / self._sr if self._sr else 0.0

    @property
    def position(self) -> float:
        return self._frame / self._sr if self._sr else 0.0

    # -- control -------------------------------------------------------------------
    def load(self, samples: np.ndarray, sample_rate: int) -> None:
        self.stop()
        if sample_rate <= 0:
            raise ValueError(f"invalid sample rate {sample_rate}")
        with self._lock:
            self._samples = np.ascontiguousarray(samples, dtype=np.float32)
            self._sr = int(sample_rate)
            self._frame = 0

    def play(self) -> None:
        """Start or resume. Raises RuntimeError with a plain message when there is no output."""
        if not self.available:
            raise RuntimeError(f"Playback unavailable: {self.unavailable_reason}")
        if self._state == PLAYING or len(self._samples) == 0:
            return
        if self._frame >= len(self._samples):
            self._frame = 0
        import sounddevice as sd

        try:
            stream = sd.OutputStream(samplerate=self._sr, channels=1, dtype="float32",
                                     callback=self._fill, finished_callback=self._stream_done)
            self._stream = stream
            stream.start()
        except Exception as exc:
            self._stream = None
            raise RuntimeError(f"Playback failed: {exc}") from exc
        self._state = PLAYING

    def pause(self) -> None:
        if self._state != PLAYING:
            return
        self._close_stream()
        self._state = PAUSED

    def toggle(self) -> None:
        self.pause() if self._state == PLAYING else self.play()

    def stop(self) -> None:
        self._close_stream()
        self._state = STOPPED
        self._frame = 0

    def seek(self, seconds: float) -> None:
        with self._lock:
            frame = int(round(max(0.0, seconds) * self._sr))
            self._frame = min(frame, len(self._samples))

    # -- internals -----------------------------------------------------------------
    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        close_stream_quietly(stream)

    def _fill(self, outdata, frames, _time, _status) -> None:
        import sounddevice as sd

        with self._lock:
            start = self._frame
            chunk = self._samples[start:start + frames]
            self._frame = start + len(chunk)
        outdata[:len(chunk), 0] = chunk
        if len(chunk) < frames:
            outdata[len(chunk):, 0] = 0.0
            raise sd.CallbackStop

    def _stream_done(self) -> None:
        if self._frame >= len(self._samples) and self._state == PLAYING:
            self._state = STOPPED
            if self.on_end is not None:
                self.on_end()
