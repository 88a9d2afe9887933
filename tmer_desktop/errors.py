"""Exceptions whose message is meant for a person: they name the file or setting and the reason."""

from __future__ import annotations

import os

from tmer_desktop.translatable import QT_TRANSLATE_NOOP, as_message


class TmerError(Exception):
    """Base class: str(error) is a complete, user-readable message.

    Raise it with a marked text (`QT_TRANSLATE_NOOP(...).format(...)`, translatable.py) and the
    interface can say it in the user's language: `message` keeps it, None for plain text."""

    @property
    def message(self):
        return as_message(self.args[0]) if self.args else None


class UsageError(TmerError):
    """A command was asked for something it cannot do as asked (bad arguments, or nothing to do):
    `tmer` exits with 2 for these, and with 1 for any other TmerError (the work failed)."""


class FileError(TmerError):
    """A file could not be read or written; carries the path and the reason.

    Subclasses choose how the message reads through `template` ({path} and {reason})."""

    template = QT_TRANSLATE_NOOP("Errors", "{path}: {reason}")

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(self.template.format(path=self.path, reason=reason))

    def __reduce__(self) -> tuple:  # rebuilt from path and reason (the default would pass the message)
        return (type(self), (self.path, self.reason))


class AudioError(FileError):
    """An audio file could not be read."""


class WriteError(FileError):
    """A file could not be written; the previous file at that path (if any) is untouched."""

    template = QT_TRANSLATE_NOOP("Files", "Could not write {path}: {reason}")
