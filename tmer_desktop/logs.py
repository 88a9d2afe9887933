"""Where the app writes what went wrong: a rotating log file in the cache directory.

Every broad `except` logs with its traceback (`log.exception`), so a user's report can carry
the root cause. Warnings also go to stderr, prefixed by the program's name, where a script
or a terminal sees them; the GUI has Help → Open log folder.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from tmer_desktop import paths

LOG_FILE_NAME = "tmer.log"
MAX_LOG_BYTES = 2_000_000  # x (1 + BACKUPS): a log never grows past a few megabytes
BACKUPS = 3
DECODER_LOG = "decoder-notes.log"  # in the log directory: what audio libraries print on fd 2

_handlers: list[logging.Handler] = []  # ours on the root logger, replaced when configured again


class _CurrentStderr(logging.Handler):
    """Writes to sys.stderr as it is at the time of the message (it may have been redirected)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # noqa: BLE001 (logging's own error path: handleError reports it)
            self.handleError(record)


def log_dir() -> Path:
    return paths.cache_dir() / "logs"


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def reset() -> None:
    """Remove and close the handlers `configure` added (a process that runs several commands,
    such as the test suite, starts each from a clean slate)."""
    root = logging.getLogger()
    for handler in _handlers:
        root.removeHandler(handler)
        handler.close()
    _handlers.clear()


def configure(program: str) -> Path | None:
    """Send INFO and above to the log file and WARNING and above to stderr, prefixed by
    `program`. Called again (another command in the same process), it replaces its handlers.

    Returns the log file, or None when it cannot be written (read-only home): the app then
    runs as before, with warnings on stderr only."""
    reset()
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    to_stderr = _CurrentStderr(logging.WARNING)
    to_stderr.setFormatter(logging.Formatter(f"{program}: %(message)s"))
    root.addHandler(to_stderr)
    _handlers.append(to_stderr)
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        to_file = logging.handlers.RotatingFileHandler(log_file(), maxBytes=MAX_LOG_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8")
    except OSError:
        logging.getLogger(__name__).warning("cannot write the log file in %s; logging to the terminal only",
                                            log_dir(), exc_info=True)
        return None
    to_file.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    root.addHandler(to_file)
    _handlers.append(to_file)
    return log_file()


@contextlib.contextmanager
def decoder_notes_to_log() -> Iterator[None]:
    """Decoder libraries (libsndfile's mpg123: "Note: Illegal Audio-MPEG-Header ...") write notes
    straight to file descriptor 2. In a `tmer` or `tmer-desktop` process, fd 2 goes to a log file in the cache
    directory while `sys.stderr` — every message of ours, logging and tracebacks — keeps writing
    to the terminal through a copy of the original descriptor. Only when sys.stderr is the
    process's own fd 2 (not when a caller captured it)."""
    stream = sys.stderr
    try:
        own = stream is sys.__stderr__ and stream is not None and stream.fileno() == 2
    except (AttributeError, OSError, ValueError):
        own = False
    log_fd = None
    if own:
        try:
            log_dir().mkdir(parents=True, exist_ok=True)
            log_fd = os.open(log_dir() / DECODER_LOG, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError:
            log_fd = None  # no writable cache: the notes stay on the terminal
    if log_fd is None:
        yield
        return
    sys.stderr.flush()
    terminal_fd = os.dup(2)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    original = sys.stderr
    sys.stderr = open(terminal_fd, "w", encoding=original.encoding, errors=original.errors,  # noqa: SIM115
                      buffering=1, closefd=False)
    try:
        yield
    finally:
        sys.stderr.flush()
        sys.stderr = original
        os.dup2(terminal_fd, 2)
        os.close(terminal_fd)
