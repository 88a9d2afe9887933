"""Recognise audio by its first bytes, and say in words what a non-audio file seems to be.

Used by decoding (to tell "not audio at all" from "damaged audio" in error messages) and by
the folder scan (to find audio files whose names do not say so).
"""

from __future__ import annotations

import os

from tmer_desktop.translatable import QT_TRANSLATE_NOOP

SNIFF_BYTES = 4096


def _id3_size(header: bytes) -> int:
    """Length of the ID3v2 tag whose 10-byte header this is, header (and footer) included."""
    size = (header[6] & 0x7F) << 21 | (header[7] & 0x7F) << 14 | (header[8] & 0x7F) << 7 | (header[9] & 0x7F)
    return 10 + size + (10 if header[5] & 0x10 else 0)


def _skip_id3(head: bytes) -> bytes:
    """ID3v2 tags may prefix MP3, but also FLAC or AAC streams: look past them."""
    if len(head) >= 10 and head[:3] == b"ID3":
        return head[_id3_size(head):]
    return head


def _mpeg_frame_sync(head: bytes) -> bool:
    """A plausible MPEG audio frame header (sync, valid layer, bitrate and rate indices)."""
    if len(head) < 4 or head[0] != 0xFF or (head[1] & 0xE0) != 0xE0:
        return False
    version = (head[1] >> 3) & 0x03
    layer = (head[1] >> 1) & 0x03
    bitrate = head[2] >> 4
    rate = (head[2] >> 2) & 0x03
    return version != 1 and layer != 0 and bitrate != 0x0F and rate != 0x03


def audio_kind(head: bytes) -> str | None:
    """Name of the audio container whose signature starts `head`, or None."""
    if head[:3] == b"ID3":
        inner = _skip_id3(head)
        if inner[:4] == b"fLaC":
            return "FLAC"
        return "MP3"  # ID3 is only used in front of audio streams
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "WAV"
    if head[:4] in (b"RF64", b"BW64") and head[8:12] == b"WAVE":
        return "WAV"
    if head[:4] == b"fLaC":
        return "FLAC"
    if head[:4] == b"OggS":
        return "OGG"
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return "AIFF"
    if head[4:8] == b"ftyp" and head[8:11] in (b"M4A", b"M4B", b"M4P", b"mp4", b"iso", b"3gp"):
        return "MP4"
    if head[:4] == b"caff":
        return "CAF"
    if head[:4] == b".snd":
        return "AU"
    if head[:8] == b"\x30\x26\xb2\x75\x8e\x66\xcf\x11":
        return "ASF"
    if head[:4] == b"wvpk":
        return "WAVPACK"
    if head[:4] == b"MAC ":
        return "APE"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "MATROSKA"
    if _mpeg_frame_sync(head):
        return "MP3"
    return None


# The words are marked for translation: decoding puts them into its "the file is ..." reason.
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", QT_TRANSLATE_NOOP("Decoding", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("Decoding", "a JPEG image")),
    (b"GIF8", QT_TRANSLATE_NOOP("Decoding", "a GIF image")),
    (b"%PDF", QT_TRANSLATE_NOOP("Decoding", "a PDF document")),
    (b"PK\x03\x04", QT_TRANSLATE_NOOP("Decoding", "a ZIP archive")),
    (b"\x7fELF", QT_TRANSLATE_NOOP("Decoding", "a program (ELF executable)")),
    (b"MThd", QT_TRANSLATE_NOOP("Decoding", "a MIDI file (notes, not recorded audio)")),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("Decoding", "a gzip archive")),
)


def describe_content(head: bytes) -> str:
    """Words for what a non-audio file seems to be, for error messages (marked for translation)."""
    if not head:
        return QT_TRANSLATE_NOOP("Decoding", "empty")
    for signature, words in _OTHER_SIGNATURES:
        if head.startswith(signature):
            return words
    if head[:4] == b"RIFF":
        return QT_TRANSLATE_NOOP("Decoding", "a RIFF file of type {kind}, not WAVE audio").format(
            kind=repr(head[8:12].decode("latin-1")))
    sample = head[:512]
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and all(ch.isprintable() or ch in "\r\n\t" for ch in text):
        return QT_TRANSLATE_NOOP("Decoding", "text")
    return QT_TRANSLATE_NOOP("Decoding", "unrecognised binary data")


# Zero bytes some writers leave between an ID3 tag and the first frame (beyond the tag's own padding).
MAX_ZERO_PADDING = 64 * 1024


def mpeg_start_is_missing(path: str | os.PathLike) -> bool:
    """True when an MPEG audio file does not begin with a frame: past its ID3v2 tags (and zero
    padding) the bytes are not a frame header, so the file starts inside the stream — its
    beginning was cut off (an interrupted download keeps the end, a bad split). The decoder
    resyncs on the next frame without a word."""
    with open(path, "rb") as fh:
        while True:  # a file may carry more than one tag
            header = fh.read(10)
            if header[:3] != b"ID3" or len(header) < 10:
                break
            fh.seek(_id3_size(header) - 10, 1)
        fh.seek(-len(header), 1)
        head = fh.read(MAX_ZERO_PADDING + 4)
    first = len(head) - len(head.lstrip(b"\x00"))
    if first >= len(head):  # nothing but zeros: not a cut stream (and nothing to decode either)
        return False
    return not _mpeg_frame_sync(head[first:first + 4])


def read_head(path: str | os.PathLike, size: int = SNIFF_BYTES) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(size)
