"""Errors of the library store and of file writes; each message names the file and the reason."""

from __future__ import annotations

from pathlib import Path

from tmer_desktop.errors import FileError, TmerError, WriteError  # noqa: F401 (WriteError re-exported)
from tmer_desktop.translatable import QT_TRANSLATE_NOOP


class LibraryError(TmerError):
    """The library database cannot be used (unwritable directory, closed store, bad input)."""


class LibraryVersionError(LibraryError):
    """The database was written by a newer tmer-desktop; it is left untouched."""

    def __init__(self, path: str | Path, found: int, supported: int):
        self.path = str(path)
        self.found = found
        self.supported = supported
        super().__init__(QT_TRANSLATE_NOOP(
            "Library",
            "{path}: this library database has schema version {found}, but this version of "
            "tmer-desktop only understands up to version {supported}. It was probably written by a "
            "newer tmer-desktop; the file was not changed. Update tmer-desktop, or set TMER_DATA_DIR "
            "to use a different data directory.",
        ).format(path=self.path, found=found, supported=supported))
