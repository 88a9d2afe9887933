"""Errors of the library store and of file writes; each message names the file and the reason."""

from __future__ import annotations

from pathlib import Path

from tmer_desktop.errors import TmerError


class LibraryError(TmerError):
    """The library database cannot be used (unwritable directory, closed store, bad input)."""


class LibraryVersionError(LibraryError):
    """The database was written by a newer tmer-desktop; it is left untouched."""

    def __init__(self, path: str | Path, found: int, supported: int):
        self.path = str(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"{self.path}: this library database has schema version {found}, but this version "
            f"of tmer-desktop only understands up to version {supported}. It was probably written "
            f"by a newer tmer-desktop; the file was not changed. Update tmer-desktop, or set "
            f"TMER_DATA_DIR to use a different data directory."
        )


class WriteError(TmerError):
    """A file could not be written; the previous file at that path (if any) is untouched."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"Could not write {self.path}: {reason}")
