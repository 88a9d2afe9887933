"""Exceptions whose message is meant for a person: they name the file or setting and the reason."""

from __future__ import annotations

from pathlib import Path


class TmerError(Exception):
    """Base class: str(error) is a complete, user-readable message."""


class AudioError(TmerError):
    """An audio file could not be read; carries the path and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
