"""Exceptions whose message is meant for a person: they name the file or setting and the reason."""

from __future__ import annotations

from pathlib import Path


class TmerError(Exception):
    """Base class: str(error) is a complete, user-readable message."""


class FileError(TmerError):
    """A file could not be read or written; carries the path and the reason.

    Subclasses choose how the message reads through `template` ({path} and {reason})."""

    template = "{path}: {reason}"

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(self.template.format(path=self.path, reason=reason))


class AudioError(FileError):
    """An audio file could not be read."""
