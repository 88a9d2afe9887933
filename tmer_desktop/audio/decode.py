"""Decode audio files at their native rate into mono float64, the way MIRtoolbox reads them.

MIRtoolbox reads samples as floats in [-1, 1) (int16 / 32768), averages the channels and
neither resamples nor normalises. soundfile (bundled libsndfile) covers WAV, FLAC, OGG
Vorbis, Opus, MP3 and AIFF; other containers (M4A/AAC, WMA, ...) go through ffmpeg when it
is installed. Every failure is an AudioError naming the file and the reason (marked for
translation: translatable.py). A file that decodes but is damaged (cut short at the end, or
missing its beginning) is analysed from what is there; `AudioInfo.warning` says so.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from tmer_desktop.audio.sniff import audio_kind, describe_content, mpeg_start_is_missing, read_head
from tmer_desktop.errors import AudioError
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# Extensions soundfile's libsndfile cannot read but ffmpeg can.
FFMPEG_ONLY_EXTENSIONS = {".m4a", ".mp4", ".aac", ".wma", ".alac", ".ape", ".webm", ".mka"}
AUDIO_EXTENSIONS = {
    ".wav", ".wave", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".aif", ".aiff", ".aifc",
} | FFMPEG_ONLY_EXTENSIONS


@dataclass(frozen=True)
class AudioInfo:
    path: str
    sample_rate: int
    channels: int
    frames: int  # frames present (libsndfile counts what the file holds, not what its header claims)
    format: str
    warning: str | None = None  # damage found that still leaves audio to analyse (a marked text)

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0


# Damage that leaves audio to analyse: the file is decoded from what is there, and the user told.
CUT_SHORT = QT_TRANSLATE_NOOP("Decoding", "header announces {announced} but only {present} of audio is present: "
                                          "the file is truncated; analysed what is there")
START_MISSING = QT_TRANSLATE_NOOP("Decoding", "the beginning of the file is missing "
                                              "(it starts in the middle of the audio stream)")
# Fewer missing frames than this (10 ms) are a writer's rounding, not a cut.
CUT_TOLERANCE_S = 0.01


def _check_readable(path: Path) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise AudioError(path, QT_TRANSLATE_NOOP(
            "Decoding", "file not found (it may have been moved or deleted)")) from None
    except PermissionError:
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "permission denied")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "symbolic link loop")) from None
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "cannot access file ({detail})")
                         .format(detail=exc.strerror)) from None
    if path.is_dir():
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "is a folder, not an audio file"))
    if st.st_size == 0:
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "empty file (0 bytes)"))
    if not os.access(path, os.R_OK):
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "permission denied"))


def _describe_non_audio(path: Path) -> str:
    try:
        head = read_head(path)
    except OSError as exc:
        return QT_TRANSLATE_NOOP("Decoding", "cannot read file ({detail})").format(detail=exc.strerror)
    # describe_content's words are marked texts themselves ("a PNG image"): translated inside.
    return QT_TRANSLATE_NOOP("Decoding", "not a recognised audio format (the file is {content})").format(
        content=describe_content(head))


def _soundfile_reason(path: Path, exc: Exception) -> str:
    text = str(exc).lower()
    try:
        looks_like_audio = audio_kind(read_head(path)) is not None
    except OSError:
        looks_like_audio = False
    if not looks_like_audio:
        return _describe_non_audio(path)
    if "unimplemented" in text or "unsupported" in text:
        return QT_TRANSLATE_NOOP("Decoding", "unsupported audio encoding")
    if "format not recognised" in text or "not a regular file" in text:
        return QT_TRANSLATE_NOOP("Decoding", "damaged or truncated audio file (the header is not readable)")
    # libsndfile's own words stay as they are
    return QT_TRANSLATE_NOOP("Decoding", "cannot decode audio ({detail})").format(
        detail=str(exc).strip() or type(exc).__name__)


def ffmpeg_path() -> str | None:
    return shutil.which("ffmpeg")


def probe(path: str | os.PathLike) -> AudioInfo:
    """Sample rate, channels, length and format, without decoding the samples."""
    p = Path(path)
    _check_readable(p)
    try:
        info = sf.info(str(p))
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        if p.suffix.lower() in FFMPEG_ONLY_EXTENSIONS or ffmpeg_path():
            return _ffmpeg_probe(p, exc)
        raise AudioError(p, _soundfile_reason(p, exc)) from None
    if info.samplerate <= 0 or info.channels <= 0:
        raise AudioError(p, QT_TRANSLATE_NOOP("Decoding", "invalid header (no sample rate or channels)"))
    return AudioInfo(str(p), int(info.samplerate), int(info.channels), int(info.frames), info.format,
                     _damage(p, info.format, int(info.samplerate), int(info.frames)))


def clock(seconds: float) -> str:
    """H:MM:SS (tenths of a second under a minute when not whole: 0:00:02.4)."""
    tenths = int(round(seconds * 10))
    if tenths < 600 and tenths % 10:
        return f"0:00:{tenths // 10:02d}.{tenths % 10}"
    whole = int(round(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _damage(path: Path, fmt: str, sample_rate: int, frames: int) -> str | None:
    """Words for damage libsndfile decodes around without a word: a WAV or AIFF whose header
    announces more audio than the file holds (libsndfile clamps its count to the bytes present),
    or an MP3 cut somewhere inside its stream at the front (mpg123 resyncs on the next frame)."""
    try:
        if fmt in ("WAV", "WAVEX", "RF64", "AIFF"):
            announced = _announced_frames(path)
            if announced is not None and announced - frames > CUT_TOLERANCE_S * sample_rate:
                return CUT_SHORT.format(announced=clock(announced / sample_rate),
                                        present=clock(frames / sample_rate))
        elif fmt == "MP3" and mpeg_start_is_missing(path):
            return START_MISSING
    except OSError as exc:  # libsndfile read it a moment ago; a check that cannot read it says nothing
        log.warning("%s: damage check skipped (%s)", path, exc)
    return None


def _announced_frames(path: Path) -> int | None:
    """Frames the header of a WAV (RIFF/RF64) or AIFF file announces, None if it does not say."""
    with open(path, "rb") as fh:
        head = fh.read(12)
        if head[:4] in (b"RIFF", b"RF64") and head[8:12] == b"WAVE":
            return _riff_frames(fh, rf64=head[:4] == b"RF64")
        if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
            return _aiff_frames(fh)
    return None


def _riff_frames(fh, rf64: bool) -> int | None:
    block_align = None
    data_size64 = None
    for _ in range(1000):  # chunks before the data; a bound against looping on garbage
        chunk = fh.read(8)
        if len(chunk) < 8:
            return None
        cid, length = chunk[:4], struct.unpack("<I", chunk[4:])[0]
        if cid == b"ds64":
            body = fh.read(length)
            if len(body) >= 16:
                data_size64 = struct.unpack("<Q", body[8:16])[0]
            fh.seek(length % 2, 1)
        elif cid == b"fmt ":
            body = fh.read(length)
            if len(body) >= 14:
                block_align = struct.unpack("<H", body[12:14])[0]
            fh.seek(length % 2, 1)
        elif cid == b"data":
            if rf64 and length == 0xFFFFFFFF:
                length = data_size64
            # 0 and 0xFFFFFFFF: a streaming writer that never knew the length; the header claims nothing.
            if not length or length == 0xFFFFFFFF or not block_align:
                return None
            return length // block_align
        else:
            fh.seek(length + length % 2, 1)
    return None


def _aiff_frames(fh) -> int | None:
    for _ in range(1000):
        chunk = fh.read(8)
        if len(chunk) < 8:
            return None
        cid, length = chunk[:4], struct.unpack(">I", chunk[4:])[0]
        if cid == b"COMM":
            body = fh.read(6)
            return struct.unpack(">I", body[2:6])[0] if len(body) == 6 else None
        fh.seek(length + length % 2, 1)
    return None


def load(path: str | os.PathLike, start: float = 0.0, duration: float | None = None) -> tuple[np.ndarray, int]:
    """Decode `path` (optionally a segment, in seconds) to mono float64 at the native rate."""
    p = Path(path)
    info = probe(p)
    if info.format == "FFMPEG":
        return _ffmpeg_load(p, info, start, duration)
    first = int(round(start * info.sample_rate))
    count = -1 if duration is None else int(round(duration * info.sample_rate))
    try:
        data = sf.read(str(p), start=first, frames=count, dtype="float64", always_2d=True)[0]
    except (sf.LibsndfileError, RuntimeError, ValueError) as exc:
        raise AudioError(p, _soundfile_reason(p, exc)) from None
    except MemoryError:
        raise AudioError(p, QT_TRANSLATE_NOOP("Decoding", "file too large to decode in memory")) from None
    return _to_mono(p, data), info.sample_rate


def _to_mono(path: Path, data: np.ndarray) -> np.ndarray:
    if data.size == 0:
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "contains no audio samples (truncated or zero-length)"))
    mono = data.mean(axis=1) if data.shape[1] > 1 else data[:, 0].copy()
    if not np.all(np.isfinite(mono)):
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "contains invalid (NaN or infinite) samples"))
    return mono


def _ffmpeg_missing(path: Path) -> AudioError:
    if not path.suffix:
        return AudioError(path, QT_TRANSLATE_NOOP(
            "Decoding", "this file needs ffmpeg, which is not installed "
                        "(install it with 'sudo apt-get install ffmpeg' or from ffmpeg.org)"))
    return AudioError(path, QT_TRANSLATE_NOOP(
        "Decoding", "{extension} files need ffmpeg, which is not installed "
                    "(install it with 'sudo apt-get install ffmpeg' or from ffmpeg.org)").format(
        extension=path.suffix))


def _ffmpeg_probe(path: Path, original: Exception) -> AudioInfo:
    exe = ffmpeg_path()
    if exe is None:
        raise _ffmpeg_missing(path) if path.suffix.lower() in FFMPEG_ONLY_EXTENSIONS else AudioError(
            path, _soundfile_reason(path, original)
        )
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "ffprobe (part of ffmpeg) is not installed"))
    cmd = [ffprobe, "-v", "error", "-select_streams", "a:0", "-show_entries",
           "stream=sample_rate,channels,duration_ts,duration", "-of", "default=nw=1", str(path)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "ffprobe timed out reading the file")) from None
    fields = dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)
    try:
        sr = int(fields["sample_rate"])
        channels = int(fields["channels"])
    except (KeyError, ValueError):
        raise AudioError(path, QT_TRANSLATE_NOOP(
            "Decoding", "not a recognised audio format (ffmpeg found no audio stream)")) from None
    try:
        frames = int(float(fields.get("duration", "0")) * sr)
    except ValueError:
        frames = 0
    return AudioInfo(str(path), sr, channels, frames, "FFMPEG")


def _ffmpeg_load(path: Path, info: AudioInfo, start: float, duration: float | None) -> tuple[np.ndarray, int]:
    exe = ffmpeg_path()
    if exe is None:
        raise _ffmpeg_missing(path)
    cmd = [exe, "-v", "error", "-nostdin"]
    if start:
        cmd += ["-ss", f"{start:.6f}"]
    cmd += ["-i", str(path)]
    if duration is not None:
        cmd += ["-t", f"{duration:.6f}"]
    cmd += ["-map", "a:0", "-f", "f64le", "-acodec", "pcm_f64le", "-"]
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "ffmpeg timed out decoding the file")) from None
    if out.returncode != 0:
        msg = out.stderr.decode(errors="replace").strip().splitlines()
        detail = msg[-1] if msg else QT_TRANSLATE_NOOP("Decoding", "unknown error")  # ffmpeg's words as they are
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "ffmpeg could not decode it ({detail})")
                         .format(detail=detail))
    data = np.frombuffer(out.stdout, dtype="<f8")
    usable = len(data) - len(data) % info.channels
    return _to_mono(path, data[:usable].reshape(-1, info.channels)), info.sample_rate
