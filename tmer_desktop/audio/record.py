"""Microphone capture to a WAV file, streamed in small blocks (no Qt here).

    reason = input_unavailable_reason()       # None, or a sentence saying what is missing
    devices = input_devices()                  # [InputDevice]
    rec = Recorder(device=None, on_block=..., on_event=...)
    path = rec.start()                         # opens <recordings_dir>/session-<time>.wav
    rec.pause(); rec.resume(); rec.level       # LevelReading of the latest block
    result = rec.stop()                        # RecordingResult: path, frames, events, error

Threads: PortAudio's callback only copies the block into a queue (it must never block or
allocate much). A writer thread takes blocks from the queue, writes each one to the file
(small writes only: libsndfile's encoders have crashed here on large single writes),
rewrites the WAV header and flushes about twice a second — so a crash loses at most ~0.5 s
and the file on disk is always a valid WAV — then hands the mono block to `on_block`
(live analysis, waveform). Input overflows, a lost device and a failed write are reported
through `on_event` and kept in `events`; a failed write stops the recording but keeps
everything written so far.
"""

from __future__ import annotations

import logging
import math
import os
import queue
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np

from tmer_desktop import paths
from tmer_desktop.audio.devices import close_stream_quietly, load_sounddevice
from tmer_desktop.errors import TmerError
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

IDLE, RECORDING, PAUSED, STOPPED = "idle", "recording", "paused", "stopped"
# libsndfile command that rewrites the header with the current length (sndfile.h 0x1060).
_SFC_UPDATE_HEADER_NOW = 0x1060
FLUSH_INTERVAL = 0.5  # seconds of audio between header rewrites + flushes
BLOCK_SECONDS = 0.05  # PortAudio block length: level meter and waveform update at 20 Hz
SILENT_DB = -120.0


class RecordError(TmerError):
    """Recording could not start or continue; the message says why."""


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    channels: int
    default_samplerate: float
    is_default: bool

    def __str__(self) -> str:
        return f"{self.name} ({self.channels} ch, {self.default_samplerate:g} Hz)"


@dataclass(frozen=True)
class RecorderEvent:
    kind: str  # "overflow" | "device-lost" | "write-error"
    message: str
    at: float  # seconds into the recording


@dataclass(frozen=True)
class LevelReading:
    rms_db: float
    peak_db: float
    clipped: bool


@dataclass
class RecordingResult:
    path: Path | None  # None when the recording never started
    frames: int  # written to the file
    sample_rate: int
    channels: int
    events: list[RecorderEvent] = field(default_factory=list)
    error: str | None = None  # set when the recording ended because of a failure

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0


def _sounddevice():
    """The sounddevice module, or RecordError saying what is missing."""
    sd, missing = load_sounddevice()
    if missing:
        raise RecordError(QT_TRANSLATE_NOOP("Recording", "Recording unavailable: {reason}").format(reason=missing))
    return sd


def input_devices() -> list[InputDevice]:
    """Every device that can capture audio (empty when there is none or no PortAudio)."""
    try:
        sd = _sounddevice()
        listed = sd.query_devices()
        default_in = sd.default.device[0]
    except Exception:  # PortAudio's own error type; nothing to list either way
        log.info("input devices cannot be listed", exc_info=True)
        return []
    out = []
    for d in listed:
        if int(d.get("max_input_channels", 0)) < 1:
            continue
        out.append(InputDevice(index=int(d["index"]), name=str(d["name"]),
                               channels=int(d["max_input_channels"]),
                               default_samplerate=float(d["default_samplerate"]),
                               is_default=int(d["index"]) == default_in))
    return out


# What the recorder reports while recording (RecorderEvent.message; the view translates them).
INPUT_OVERFLOW = QT_TRANSLATE_NOOP("Recording", "Input overflow: the computer fell behind and a few milliseconds "
                                   "of audio were lost at this point.")
DEVICE_LOST = QT_TRANSLATE_NOOP("Recording", "The input device stopped delivering audio (unplugged or taken by "
                                "another program). Recording ended; the audio up to here is saved.")
NO_INPUT_DEVICE = QT_TRANSLATE_NOOP("Recording", "No audio input device found: connect a microphone or audio "
                                                 "interface (and check that the system lets this program use it), "
                                                 "then try again.")


def input_unavailable_reason() -> str | None:
    """None when something can record, else a sentence a user can act on."""
    try:
        _sounddevice()
    except RecordError as exc:
        return str(exc)
    if not input_devices():
        return NO_INPUT_DEVICE
    return None


def level_of(block: np.ndarray) -> LevelReading:
    """RMS and peak of a mono float block in dBFS."""
    if block.size == 0:
        return LevelReading(SILENT_DB, SILENT_DB, False)
    peak = float(np.max(np.abs(block)))
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))

    def db(v: float) -> float:
        return max(SILENT_DB, 20.0 * math.log10(v)) if v > 0 else SILENT_DB

    return LevelReading(db(rms), db(peak), peak >= 0.999)


def new_recording_path(directory: Path | None = None, when: datetime | None = None) -> Path:
    """<recordings_dir>/session-YYYYmmdd-HHMMSS.wav, never an existing file."""
    directory = Path(directory) if directory is not None else paths.recordings_dir()
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    path = directory / f"session-{stamp}.wav"
    n = 2
    while path.exists():
        path = directory / f"session-{stamp}-{n}.wav"
        n += 1
    return path


def _write_failure(path: Path, exc: Exception, seconds: float) -> str:
    reason = str(exc) or type(exc).__name__
    try:
        free = shutil.disk_usage(path.parent).free
        if free < 1 << 20:
            reason = QT_TRANSLATE_NOOP("Recording", "the disk is full")
    except OSError:
        pass
    if reason.startswith("System error"):
        reason = QT_TRANSLATE_NOOP("Recording", "the system refused the write (disk full, file too large or "
                                                "storage removed)")
    return QT_TRANSLATE_NOOP("Recording", "{path}: writing the recording failed ({reason}). Recording stopped; "
                             "the first {seconds:.1f} s are saved in this file.").format(
        path=str(path), reason=reason, seconds=seconds)


def _frames_on_disk(path: Path, fallback: int) -> int:
    """After a failed write part of the last block may be in the file: count what is there."""
    import soundfile as sf

    try:
        return int(sf.info(str(path)).frames)
    except Exception:
        log.info("the device's default rate cannot be read", exc_info=True)
        return fallback


class Recorder:
    """One recording session at a time; start() after stop() makes a new file."""

    def __init__(self, device: int | str | None = None, *, samplerate: int | None = None,
                 channels: int = 1, directory: Path | None = None, subtype: str = "PCM_16",
                 block_seconds: float = BLOCK_SECONDS,
                 on_block: Callable[[np.ndarray, int], None] | None = None,
                 on_event: Callable[[RecorderEvent], None] | None = None,
                 stop_after_frames: int | None = None):
        """on_block(mono_float32, first_frame) runs in the writer thread after each block is
        on disk. stop_after_frames ends the recording by itself after that many frames
        (tests and timed sessions)."""
        if channels < 1:
            raise ValueError("channels must be at least 1")
        self.device = device
        self.samplerate = samplerate
        self.channels = channels
        self.directory = directory
        self.subtype = subtype
        self.block_seconds = block_seconds
        self.on_block = on_block
        self.on_event = on_event
        self.stop_after_frames = stop_after_frames
        self.events: list[RecorderEvent] = []
        self.path: Path | None = None
        self.level = LevelReading(SILENT_DB, SILENT_DB, False)
        self._state = IDLE
        self._stream = None
        self._file = None
        self._queue: queue.Queue = queue.Queue()
        self._writer: threading.Thread | None = None
        self._frames_written = 0
        self._frames_captured = 0
        self._paused = threading.Event()
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._error: str | None = None
        self._sr = 0

    # -- state ----------------------------------------------------------------------
    @property
    def state(self) -> str:
        if self._state in (RECORDING, PAUSED) and self._done.is_set():
            return STOPPED
        return self._state

    @property
    def sample_rate(self) -> int:
        return self._sr

    @property
    def frames_written(self) -> int:
        return self._frames_written

    @property
    def seconds(self) -> float:
        return self._frames_written / self._sr if self._sr else 0.0

    @property
    def error(self) -> str | None:
        return self._error

    @property
    def finished(self) -> bool:
        """True once the recording ended on its own (frame limit, device lost, write failure)."""
        return self._done.is_set()

    # -- control --------------------------------------------------------------------
    def start(self) -> Path:
        if self._state in (RECORDING, PAUSED):
            raise RecordError(QT_TRANSLATE_NOOP("Recording", "A recording is already running"))
        sd = _sounddevice()
        try:
            info = sd.query_devices(self.device, kind="input")
        except Exception as exc:
            reason = input_unavailable_reason() or QT_TRANSLATE_NOOP(
                "Recording", "input device {device} is not available ({detail})").format(
                device=repr(self.device), detail=str(exc))
            raise RecordError(reason) from exc
        self._sr = int(self.samplerate or round(float(info["default_samplerate"])))
        channels = min(self.channels, int(info["max_input_channels"])) or 1
        self.channels = channels
        path = new_recording_path(self.directory)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RecordError(QT_TRANSLATE_NOOP("Recording", "{folder}: cannot create the recordings folder "
                                                "({detail})").format(folder=str(path.parent),
                                                                     detail=exc.strerror or str(exc))) from None
        import soundfile as sf

        try:
            self._file = sf.SoundFile(path, "w", self._sr, channels, self.subtype, format="WAV")
        except Exception as exc:
            reason = (QT_TRANSLATE_NOOP("Recording", "permission denied") if not os.access(path.parent, os.W_OK)
                      else str(exc))
            raise RecordError(QT_TRANSLATE_NOOP("Recording", "{path}: cannot create the recording file ({reason})")
                              .format(path=str(path), reason=reason)) from exc
        self.path = path
        self.events = []
        self._error = None
        self._frames_written = self._frames_captured = 0
        self._queue = queue.Queue()
        self._paused.clear()
        self._stopping.clear()
        self._done.clear()
        self._writer = threading.Thread(target=self._write_loop, name="tmer-recorder-writer", daemon=True)
        self._writer.start()
        try:
            stream = sd.InputStream(
                device=self.device, samplerate=self._sr, channels=channels, dtype="float32",
                blocksize=max(1, int(round(self.block_seconds * self._sr))),
                callback=self._capture, finished_callback=self._stream_ended)
            self._stream = stream
            stream.start()
        except Exception as exc:
            self._stream = None
            self._queue.put(None)
            self._writer.join()
            self._close_file()
            try:
                path.unlink()
            except OSError:
                pass
            raise RecordError(QT_TRANSLATE_NOOP("Recording", "Cannot open the input device: {detail}")
                              .format(detail=str(exc))) from exc
        self._state = RECORDING
        return path

    def pause(self) -> None:
        """Stop keeping audio (the device stays open, so resuming is instant)."""
        if self._state == RECORDING:
            self._paused.set()
            self._state = PAUSED

    def resume(self) -> None:
        if self._state == PAUSED:
            self._paused.clear()
            self._state = RECORDING

    def stop(self) -> RecordingResult:
        """Close the device, write what is queued, close the file (safe to call twice)."""
        self._stopping.set()
        stream, self._stream = self._stream, None
        close_stream_quietly(stream)
        if self._writer is not None:
            self._queue.put(None)
            self._writer.join()
            self._writer = None
        self._close_file()
        if self._error is not None and self.path is not None:
            self._frames_written = _frames_on_disk(self.path, self._frames_written)
        if self._state != IDLE:
            self._state = STOPPED
        return RecordingResult(path=self.path, frames=self._frames_written, sample_rate=self._sr,
                               channels=self.channels, events=list(self.events), error=self._error)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the recording ends by itself (frame limit, failure); True if it did."""
        return self._done.wait(timeout)

    # -- PortAudio thread -------------------------------------------------------------
    def _capture(self, indata, frames, _time, status) -> None:
        if status and status.input_overflow:
            self._queue.put(("overflow", self._frames_captured))
        if self._paused.is_set() or self._stopping.is_set():
            return
        limit = self.stop_after_frames
        if limit is not None:
            frames = min(frames, limit - self._frames_captured)
            if frames <= 0:
                return
        self._queue.put(("audio", indata[:frames].copy()))
        self._frames_captured += frames

    def _stream_ended(self) -> None:
        if not self._stopping.is_set():
            self._queue.put(("device-lost", self._frames_captured))

    # -- writer thread ---------------------------------------------------------------
    def _event(self, kind: str, message: str, frame: int) -> None:
        ev = RecorderEvent(kind, message, frame / self._sr if self._sr else 0.0)
        self.events.append(ev)
        if self.on_event is not None:
            try:
                self.on_event(ev)
            except Exception:  # a listener's bug must not stop the recording
                log.exception("a recording listener failed")

    def _write_loop(self) -> None:
        sound_file, path = self._file, self.path
        assert sound_file is not None and path is not None, "the writer starts after the file is open"
        since_flush = 0
        flush_every = max(1, int(FLUSH_INTERVAL * self._sr))
        failed = False
        while True:
            item = self._queue.get()
            if item is None:
                break
            kind, payload = item
            if kind == "overflow":
                self._event("overflow", INPUT_OVERFLOW, payload)
                continue
            if kind == "device-lost":
                self._event("device-lost", DEVICE_LOST, payload)
                self._done.set()
                continue
            if failed:
                continue  # keep draining so the callback never blocks
            block = payload
            try:
                sound_file.write(block)
                since_flush += len(block)
                if since_flush >= flush_every:
                    self._flush()
                    since_flush = 0
            except Exception as exc:
                log.exception("writing the recording %s failed", self.path)
                failed = True
                self._error = _write_failure(path, exc, self._frames_written / self._sr)
                self._event("write-error", self._error, self._frames_written)
                self._stopping.set()
                self._done.set()
                continue
            first = self._frames_written
            self._frames_written += len(block)
            self._level_and_listeners(block, first)
            if self.stop_after_frames is not None and self._frames_written >= self.stop_after_frames:
                self._done.set()
        if not failed and self._file is not None:
            try:
                self._flush()
            except Exception as exc:
                log.exception("finishing the recording %s failed", self.path)
                self._error = _write_failure(self.path, exc, self._frames_written / self._sr)
                self._event("write-error", self._error, self._frames_written)
        self._done.set()

    def _level_and_listeners(self, block: np.ndarray, first: int) -> None:
        mono = block[:, 0] if block.shape[1] == 1 else block.mean(axis=1, dtype=np.float32)
        if self.subtype == "PCM_16" and block.shape[1] == 1:
            # What the file holds (this libsndfile floors x·32768, then clips; measured, see
            # tests/test_record.py): listeners analyse the very samples a later decode of the
            # file gives, so the live timeline equals a batch analysis of the saved file.
            mono = np.clip(np.floor(mono * np.float32(32768)), -32768, 32767) / np.float32(32768)
        self.level = level_of(mono)
        if self.on_block is not None:
            try:
                self.on_block(mono, first)
            except Exception:  # the file matters more than a listener
                log.exception("a recording listener failed")

    def _flush(self) -> None:
        from soundfile import _ffi, _snd

        sound_file = self._file
        if sound_file is None:
            return
        # Header rewrite first, so the file on disk always announces the audio it holds.
        _snd.sf_command(sound_file._file, _SFC_UPDATE_HEADER_NOW, _ffi.NULL, 0)
        sound_file.flush()

    def _close_file(self) -> None:
        f, self._file = self._file, None
        if f is None:
            return
        try:
            f.close()
        except Exception as exc:
            log.exception("closing the recording %s failed", self.path)
            if self._error is None:
                self._error = _write_failure(self.path, exc, self._frames_written / max(self._sr, 1))

