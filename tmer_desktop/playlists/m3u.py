"""Extended M3U playlists in UTF-8 (.m3u8): writing atomically and reading back.

Written form:

    #EXTM3U
    #PLAYLIST:<title>
    #EXTINF:<whole seconds>,<artist - title>
    <path>

Paths are absolute, or relative to the playlist's folder (forward slashes, so the file
works on every player and OS). A relative path is impossible across Windows drives; such
entries stay absolute. The reader accepts any extended or plain M3U: comments and unknown
directives are skipped, relative paths are resolved against the playlist's folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tmer_desktop.atomic import atomic_write_text
from tmer_desktop.errors import FileError
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

MAX_PLAYLIST_BYTES = 16 * 1024 * 1024  # a playlist this large is not a playlist


class PlaylistFileError(FileError):
    """A playlist file cannot be read; the message names the file and the reason."""


@dataclass(frozen=True)
class PlaylistEntry:
    path: str  # absolute when read back
    duration: float | None  # seconds; None when unknown (#EXTINF:-1)
    title: str | None


def _one_line(text: str) -> str:
    # A newline in a title would end the directive and turn the rest into a bogus path.
    return " ".join(str(text).split())


def _entry_path(track_path: str, base: Path, relative: bool) -> str:
    absolute = os.path.abspath(track_path)
    if not relative:
        return absolute
    try:
        rel = os.path.relpath(absolute, base)
    except ValueError:  # different drive on Windows
        return absolute
    return PurePosixPath(*Path(rel).parts).as_posix()


def format_m3u8(entries: Iterable[PlaylistEntry], playlist_path: str | os.PathLike,
                *, relative: bool = False, title: str | None = None) -> str:
    base = Path(os.path.abspath(playlist_path)).parent
    lines = ["#EXTM3U"]
    if title:
        lines.append(f"#PLAYLIST:{_one_line(title)}")
    for entry in entries:
        if "\n" in entry.path or "\r" in entry.path:
            # Each line of an M3U is one entry: such a path would turn into two bogus ones.
            raise PlaylistFileError(playlist_path, QT_TRANSLATE_NOOP(
                "Playlists", "the track path {path} contains a line break and cannot be written into a playlist")
                .format(path=repr(entry.path)))
        seconds = -1 if entry.duration is None else int(round(entry.duration))
        name = _one_line(entry.title or Path(entry.path).stem)
        lines.append(f"#EXTINF:{seconds},{name}")
        lines.append(_entry_path(entry.path, base, relative))
    return "\n".join(lines) + "\n"


def write_m3u8(path: str | os.PathLike, entries: Iterable[PlaylistEntry],
               *, relative: bool = False, title: str | None = None) -> int:
    """Write the playlist atomically; returns the number of entries. WriteError on failure."""
    entries = list(entries)
    atomic_write_text(path, format_m3u8(entries, path, relative=relative, title=title))
    return len(entries)


def read_m3u8(path: str | os.PathLike) -> list[PlaylistEntry]:
    """Entries of an M3U/M3U8 file, paths made absolute. PlaylistFileError on bad input."""
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_PLAYLIST_BYTES:
            raise PlaylistFileError(target, QT_TRANSLATE_NOOP(
                "Playlists", "the file is {size} MB, too large for a playlist").format(size=size // (1024 * 1024)))
        raw = target.read_bytes()
    except IsADirectoryError:
        raise PlaylistFileError(target, QT_TRANSLATE_NOOP(
            "Playlists", "this is a folder, not a playlist file")) from None
    except FileNotFoundError:
        raise PlaylistFileError(target, QT_TRANSLATE_NOOP("Playlists", "the file does not exist")) from None
    except OSError as exc:
        raise PlaylistFileError(target, exc.strerror or str(exc)) from None
    if b"\x00" in raw:
        raise PlaylistFileError(target, QT_TRANSLATE_NOOP("Playlists", "this is a binary file, not a playlist"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlaylistFileError(target, QT_TRANSLATE_NOOP(
            "Playlists", "the file is not UTF-8 text (an .m3u8 must be UTF-8)")) from None
    base = Path(os.path.abspath(target)).parent
    entries: list[PlaylistEntry] = []
    duration: float | None = None
    title: str | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.upper().startswith("#EXTINF:"):
                info = line[len("#EXTINF:"):]
                seconds, _, name = info.partition(",")
                try:
                    value = float(seconds.split()[0]) if seconds.strip() else -1.0
                except ValueError:
                    value = -1.0
                duration = None if value < 0 else value
                title = name.strip() or None
            continue
        location = Path(line)
        if not location.is_absolute() and "://" not in line:
            location = base / location
        entries.append(PlaylistEntry(os.path.normpath(str(location)) if "://" not in line else line,
                                     duration, title))
        duration, title = None, None
    return entries
