"""A track's own tags: read its metadata, and (opt-in) write the emotion into it, namespaced.

Where the emotion goes, per tag system (one key per field, never touching other tags):
- ID3 (MP3, WAV, AIFF):      TXXX frames TMER_EMOTION, TMER_CONFIDENCE, TMER_DECISION, TMER_MODEL_VERSION
- Vorbis comments (OGG Vorbis/Opus/FLAC): TMER_EMOTION=..., TMER_CONFIDENCE=..., ...
- MP4 (M4A/MP4):             freeform atoms ----:org.tmer:emotion, :confidence, :decision, :model_version

Only tag blocks are rewritten: the audio stream is not re-encoded. The tags are written on a
copy, and the copy's bytes are written back into the file itself through a journal
(tagging/inplace.py): links, ownership and permissions are kept, a kill is undone at the next
start, and bytes other than those analysed are never stamped.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from tmer_desktop.errors import FileError
from tmer_desktop.tagging.inplace import FileChangedError, InPlaceError, rewrite_in_place
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

METADATA_FIELDS = ("artist", "album", "title", "genre", "year")
TAG_FIELDS = ("emotion", "confidence", "decision", "model_version")
MP4_NAMESPACE = "org.tmer"


class TagWriteError(FileError):
    template = QT_TRANSLATE_NOOP("Tagging", "{path}: cannot write tags ({reason})")


class TagsOutdatedError(TagWriteError):
    """The file is not the one analysed any more (it changed after the analysis)."""


@dataclass(frozen=True)
class TagChange:
    key: str  # the key as stored in the file, e.g. "TXXX:TMER_EMOTION"
    old: str | None
    new: str


def _first_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
        if value is None:
            return None
    if hasattr(value, "text"):  # ID3 frames
        return _first_text(list(value.text))
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    text = str(value).strip()
    return text or None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.strip()[:4]
    return int(digits) if digits.isdigit() and 1000 <= int(digits) <= 2999 else None


def read_metadata(path: str | os.PathLike) -> dict[str, str | int | None]:
    """artist, album, title, genre, year from the file's tags; missing fields are None.

    Never raises for unreadable tags: a track without usable tags is still music.
    """
    import mutagen

    meta: dict[str, str | int | None] = dict.fromkeys(METADATA_FIELDS)
    try:
        audio = mutagen.File(str(path), easy=True)
    except Exception:  # mutagen raises many types on hostile files; tags are optional
        log.info("tags of %s could not be read", path, exc_info=True)
        return meta
    if audio is None or audio.tags is None:
        return _id3_metadata(audio, meta)
    tags = audio.tags
    for field_name, keys in (("artist", ("artist", "albumartist")), ("album", ("album",)),
                             ("title", ("title",)), ("genre", ("genre",))):
        for key in keys:
            try:
                value = _first_text(tags.get(key))
            except Exception:
                log.info("tag %s of %s could not be read", key, path, exc_info=True)
                value = None
            if value:
                meta[field_name] = value
                break
    try:
        meta["year"] = _year(_first_text(tags.get("date")) or _first_text(tags.get("year")))
    except Exception:
        log.info("the year tag of %s could not be read", path, exc_info=True)
        meta["year"] = None
    return meta


def _id3_metadata(audio, meta):
    """WAVE/AIFF expose plain ID3 frames even in easy mode."""
    tags = getattr(audio, "tags", None) if audio is not None else None
    if tags is None:
        return meta
    frames = {"artist": "TPE1", "album": "TALB", "title": "TIT2", "genre": "TCON"}
    for field_name, frame in frames.items():
        meta[field_name] = _first_text(tags.get(frame))
    meta["year"] = _year(_first_text(tags.get("TDRC")) or _first_text(tags.get("TYER")))
    return meta


def tag_values(label: str, confidence: float, decision: str, model_version: str) -> dict[str, str]:
    return {
        "emotion": label,
        "confidence": f"{confidence:.3f}",
        "decision": decision,
        "model_version": str(model_version),
    }


def _load_for_writing(path: Path):
    import mutagen

    try:
        audio = mutagen.File(str(path))
    except Exception as exc:
        raise TagWriteError(path, QT_TRANSLATE_NOOP("Tagging", "tags unreadable: {detail}").format(
            detail=str(exc))) from exc  # mutagen's words as they are
    if audio is None:
        raise TagWriteError(path, QT_TRANSLATE_NOOP("Tagging", "format not supported for tag writing"))
    return audio


def _id3_changes(audio, values: dict[str, str]) -> list[tuple[str, str | None, str]]:
    tags = audio.tags
    out = []
    for field_name, new in values.items():
        key = f"TXXX:TMER_{field_name.upper()}"
        old = _first_text(tags.get(key)) if tags is not None else None
        out.append((key, old, new))
    return out


def _apply_id3(audio, values: dict[str, str]) -> None:
    from mutagen.id3 import TXXX, Encoding

    if audio.tags is None:
        audio.add_tags()
    for field_name, new in values.items():
        audio.tags.setall(f"TXXX:TMER_{field_name.upper()}",
                          [TXXX(encoding=Encoding.UTF8, desc=f"TMER_{field_name.upper()}", text=[new])])


def _vorbis_changes(audio, values):
    tags = audio.tags
    out = []
    for field_name, new in values.items():
        key = f"TMER_{field_name.upper()}"
        old = _first_text(tags.get(key)) if tags is not None else None
        out.append((key, old, new))
    return out


def _apply_vorbis(audio, values):
    if audio.tags is None:
        audio.add_tags()
    for field_name, new in values.items():
        audio.tags[f"TMER_{field_name.upper()}"] = [new]


def _mp4_key(field_name: str) -> str:
    return f"----:{MP4_NAMESPACE}:{field_name}"


def _mp4_changes(audio, values):
    tags = audio.tags
    out = []
    for field_name, new in values.items():
        key = _mp4_key(field_name)
        old = _first_text(tags.get(key)) if tags is not None else None
        out.append((key, old, new))
    return out


def _apply_mp4(audio, values):
    from mutagen.mp4 import MP4FreeForm

    if audio.tags is None:
        audio.add_tags()
    for field_name, new in values.items():
        audio.tags[_mp4_key(field_name)] = [MP4FreeForm(new.encode("utf-8"))]


def _tag_system(audio) -> str:
    from mutagen.aiff import AIFF
    from mutagen.flac import FLAC
    from mutagen.mp3 import MP3
    from mutagen.mp4 import MP4
    from mutagen.oggflac import OggFLAC
    from mutagen.oggopus import OggOpus
    from mutagen.oggvorbis import OggVorbis
    from mutagen.wave import WAVE

    if isinstance(audio, (MP3, WAVE, AIFF)):
        return "id3"
    if isinstance(audio, (OggVorbis, OggOpus, FLAC, OggFLAC)):
        return "vorbis"
    if isinstance(audio, MP4):
        return "mp4"
    return "unsupported"


_SYSTEMS = {
    "id3": (_id3_changes, _apply_id3),
    "vorbis": (_vorbis_changes, _apply_vorbis),
    "mp4": (_mp4_changes, _apply_mp4),
}


@dataclass(frozen=True)
class TagWrite:
    changes: list[TagChange]
    sha256: str | None  # of the bytes now in the file, when they were written (None: untouched)


def write_emotion_tags(path: str | os.PathLike, values: dict[str, str], *, dry_run: bool = False,
                       expected_sha256: str | None = None) -> TagWrite:
    """Write `values` (from tag_values) into the file's tags; returns what changed.

    With dry_run the file is only read. Keys whose value is already right are not listed
    and, if nothing changes, the file is not rewritten at all. With `expected_sha256` (the
    hash of the bytes that were analysed) a file whose bytes differ is not written:
    TagsOutdatedError. A symbolic link's target is written.
    """
    p = Path(path)
    audio = _load_for_writing(p)
    system = _tag_system(audio)
    if system == "unsupported":
        raise TagWriteError(p, QT_TRANSLATE_NOOP("Tagging", "tag writing is not supported for {kind} files")
                            .format(kind=type(audio).__name__))
    list_changes, apply = _SYSTEMS[system]
    changes = [TagChange(k, old, new) for k, old, new in list_changes(audio, values) if old != new]
    if dry_run or not changes:
        return TagWrite(changes, None)
    try:
        written = rewrite_in_place(p, lambda copy: _apply_and_save(copy, apply, values),
                                   expected_sha256=expected_sha256)
    except FileChangedError as exc:
        raise TagsOutdatedError(p, exc.reason) from exc
    except InPlaceError as exc:
        raise TagWriteError(p, exc.reason) from exc
    except TagWriteError as exc:  # raised on the copy: name the user's file
        raise TagWriteError(p, exc.reason) from exc
    return TagWrite(changes, written)


def _apply_and_save(copy: Path, apply, values) -> None:
    audio = _load_for_writing(copy)
    apply(audio, values)
    try:
        if not _save_ogg_preserving_pages(copy, audio):
            audio.save()
    except TagWriteError:
        raise
    except Exception as exc:
        raise TagWriteError(copy, QT_TRANSLATE_NOOP("Tagging", "saving failed: {detail}").format(
            detail=str(exc))) from exc


def _ogg_comment_packet(audio) -> tuple[bytes, bytes] | None:
    """(packet prefix that identifies the comment header, the new comment packet)."""
    from mutagen.oggopus import OggOpus
    from mutagen.oggvorbis import OggVorbis

    if audio.tags is None:  # the caller adds tags before writing
        return None
    if isinstance(audio, OggVorbis):
        return b"\x03vorbis", b"\x03vorbis" + audio.tags.write(framing=True)
    if isinstance(audio, OggOpus):
        pad = getattr(audio.tags, "_pad_data", b"") or b""
        return b"OpusTags", b"OpusTags" + audio.tags.write(framing=False) + pad
    return None


def _save_ogg_preserving_pages(path: Path, audio) -> bool:
    """Replace the comment packet inside its own Ogg page, leaving every other page byte-identical.

    mutagen's own save repaginates the header pages; some encoders put the first audio
    packet on the same page as the headers, and moving it changes what libsndfile decodes
    (a 128-sample shift was measured). Returns False when the packet does not fit in
    place (it spans pages, or the page would overflow), and the caller falls back.
    """
    from mutagen.ogg import OggPage

    spec = _ogg_comment_packet(audio)
    if spec is None:
        return False
    prefix, new_packet = spec
    with open(path, "rb") as fh:
        for _ in range(8):  # header pages come first; 8 is generous
            try:
                page = OggPage(fh)
            except Exception:
                log.info("the Ogg header pages of %s could not be read; tags are written by mutagen", path,
                         exc_info=True)
                return False
            end = fh.tell()
            for index, packet in enumerate(page.packets):
                if not packet.startswith(prefix):
                    continue
                first_continued = index == 0 and page.continued
                last_unfinished = index == len(page.packets) - 1 and not page.complete
                if first_continued or last_unfinished:
                    return False
                page.packets[index] = new_packet
                try:
                    new_bytes = page.write()
                except (ValueError, OverflowError):
                    return False
                fh.seek(0)
                head = fh.read(page.offset)
                fh.seek(end)
                tail = fh.read()
                break
            else:
                continue
            break
        else:
            return False
    with open(path, "wb") as out:
        out.write(head)
        out.write(new_bytes)
        out.write(tail)
    return True
