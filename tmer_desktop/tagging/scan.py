"""Find the audio files under the paths a user gave, recognising audio by content as well as name.

Rules (docs/tagging.md explains them for users):
- A file named with an audio extension is always a candidate, even if its content is not audio:
  the batch then gives it an error row ("not an audio file: content looks like a PNG image")
  instead of silently ignoring a file the user believes is music.
- A file with any other name is a candidate only if its first bytes are an audio container
  signature (RIFF/WAVE, fLaC, OggS, ID3/MPEG, FORM/AIFF, ftyp M4A, ASF, CAF, .snd); all
  other files are non-audio: skipped and counted, no row.
- A path the user named explicitly is always a candidate.
- Problems that stop a file or folder from being read (permission denied, a file that
  vanished between listing and reading, broken symbolic links, symbolic link loops) become
  ScanProblem entries, which the batch reports as error rows.
- Hidden folders (".git", ".Trash") are not descended into; AppleDouble "._name" files
  (macOS resource forks that borrow the audio extension) are non-audio.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tmer_desktop.audio.decode import AUDIO_EXTENSIONS
from tmer_desktop.audio.sniff import SNIFF_BYTES, audio_kind, describe_content, read_head  # noqa: F401
from tmer_desktop.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ScanProblem:
    path: str
    reason: str


LEFTOVER_SUFFIX = ".tmer-tmp"


@dataclass
class ScanResult:
    audio: list[str] = field(default_factory=list)  # absolute paths, in a stable order
    problems: list[ScanProblem] = field(default_factory=list)
    non_audio: list[str] = field(default_factory=list)
    # Hidden copies that earlier versions left beside a file when killed while writing its
    # tags (".NAME.XXXX.tmer-tmp"): ours, never music; the runner removes them.
    leftovers: list[str] = field(default_factory=list)


def is_leftover_copy(name: str) -> bool:
    return name.startswith(".") and name.endswith(LEFTOVER_SUFFIX)


def has_audio_extension(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in AUDIO_EXTENSIONS


# -- walking -------------------------------------------------------------------------------

# Whole sentences per kind of entry (file, folder, path), so that each language words its own.
_PERMISSION_DENIED = {
    "file": QT_TRANSLATE_NOOP("Tagging", "permission denied (cannot read this file)"),
    "folder": QT_TRANSLATE_NOOP("Tagging", "permission denied (cannot read this folder)"),
    "path": QT_TRANSLATE_NOOP("Tagging", "permission denied (cannot read this path)"),
}
_CANNOT_READ = {
    "file": QT_TRANSLATE_NOOP("Tagging", "cannot read this file ({detail})"),
    "folder": QT_TRANSLATE_NOOP("Tagging", "cannot read this folder ({detail})"),
    "path": QT_TRANSLATE_NOOP("Tagging", "cannot read this path ({detail})"),
}
BROKEN_LINK = QT_TRANSLATE_NOOP("Tagging", "broken symbolic link (its target {target} does not exist)")


def _oserror_reason(exc: OSError, what: str = "file") -> str:
    if isinstance(exc, PermissionError):
        return _PERMISSION_DENIED[what]
    if isinstance(exc, FileNotFoundError):
        return QT_TRANSLATE_NOOP(
            "Tagging", "vanished during the scan (moved or deleted while the folder was being read)")
    if exc.errno == errno.ELOOP:
        return QT_TRANSLATE_NOOP("Tagging", "symbolic link loop (the link points back to itself)")
    return _CANNOT_READ[what].format(detail=exc.strerror or str(exc))


class _Walker:
    def __init__(self, on_directory: Callable[[str, list[str]], None] | None):
        self.result = ScanResult()
        self.on_directory = on_directory
        self._seen_files: set[str] = set()
        self._visited_dirs: set[tuple[int, int]] = set()

    def add_root(self, raw: str | os.PathLike) -> None:
        path = os.path.abspath(os.fspath(raw))
        try:
            st = os.stat(path)
        except OSError as exc:
            if os.path.islink(path) and isinstance(exc, FileNotFoundError):
                self._problem(path, BROKEN_LINK.format(target=repr(os.readlink(path))))
            elif isinstance(exc, FileNotFoundError):
                self._problem(path, QT_TRANSLATE_NOOP("Tagging", "not found (no such file or folder)"))
            else:
                self._problem(path, _oserror_reason(exc, "path"))
            return
        if stat.S_ISDIR(st.st_mode):
            self._walk(path, st, ancestors=())
        elif stat.S_ISREG(st.st_mode):
            self._add_file(path, st, explicit=True)
        else:
            self._problem(path, QT_TRANSLATE_NOOP("Tagging", "not a regular file or folder (device, pipe or socket)"))

    def _problem(self, path: str, reason: str) -> None:
        if path not in self._seen_files:
            self._seen_files.add(path)
            self.result.problems.append(ScanProblem(path, reason))

    def _walk(self, directory: str, st: os.stat_result, ancestors: tuple[tuple[int, int], ...]) -> None:
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            self._problem(directory, QT_TRANSLATE_NOOP(
                "Tagging", "symbolic link loop (leads back to a folder above it: {folder})").format(
                folder=os.path.realpath(directory)))
            return
        if key in self._visited_dirs:
            return  # reached again through another link: its files are already listed
        self._visited_dirs.add(key)
        try:
            with os.scandir(directory) as it:
                names = sorted(entry.name for entry in it)
        except OSError as exc:
            self._problem(directory, _oserror_reason(exc, "folder"))
            return
        if self.on_directory is not None:
            self.on_directory(directory, names)
        inner = ancestors + (key,)
        for name in names:
            path = os.path.join(directory, name)
            try:
                child = os.stat(path)
            except OSError as exc:
                self._entry_error(path, exc)
                continue
            if stat.S_ISDIR(child.st_mode):
                if not name.startswith("."):
                    self._walk(path, child, inner)
            elif stat.S_ISREG(child.st_mode):
                self._add_file(path, child, explicit=False)
            # devices, pipes and sockets inside a folder are never music: ignore them

    def _entry_error(self, path: str, exc: OSError) -> None:
        if isinstance(exc, FileNotFoundError) and os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            if has_audio_extension(path):
                self._problem(path, BROKEN_LINK.format(target=repr(target)))
            else:
                self.result.non_audio.append(path)
            return
        self._problem(path, _oserror_reason(exc))

    def _add_file(self, path: str, st: os.stat_result, explicit: bool) -> None:
        if path in self._seen_files:
            return
        name = os.path.basename(path)
        if is_leftover_copy(name):
            self.result.leftovers.append(path)
            return
        if name.startswith("._") and not explicit:
            self.result.non_audio.append(path)
            return
        if explicit or has_audio_extension(path):
            self._seen_files.add(path)
            self.result.audio.append(path)
            return
        if st.st_size == 0:
            self.result.non_audio.append(path)
            return
        try:
            head = read_head(path, 64)
        except OSError as exc:
            self._problem(path, _oserror_reason(exc))
            return
        if audio_kind(head) is not None:
            self._seen_files.add(path)
            self.result.audio.append(path)
        else:
            self.result.non_audio.append(path)


def scan(paths: Iterable[str | os.PathLike], *,
         on_directory: Callable[[str, list[str]], None] | None = None) -> ScanResult:
    """Walk files and folders (recursively, following symbolic links safely).

    `on_directory(folder, names)` is called after each folder is listed and before its
    entries are examined (for progress display).
    """
    walker = _Walker(on_directory)
    for raw in paths:
        walker.add_root(raw)
    return walker.result
