"""Atomic file writes: a temp file in the target's directory, fsync, then os.replace.

A reader (or a crash) sees either the old file or the complete new one, never a half-written
file. On any failure the temp file is removed, the previous file is untouched, and a WriteError
names the target and the reason (e.g. "no space left on device").
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tmer_desktop.errors import WriteError
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

# Reasons in words a user reads ("Could not write x.csv: the disk is full"), translatable.
_REASONS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("Files", "no space left on device (the disk is full)"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Files", "disk quota exceeded"),
    errno.EFBIG: QT_TRANSLATE_NOOP("Files", "file too large for this file system or limit"),
    errno.EROFS: QT_TRANSLATE_NOOP("Files", "the file system is read-only"),
    errno.EACCES: QT_TRANSLATE_NOOP("Files", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("Files", "operation not permitted"),
    errno.ENOENT: QT_TRANSLATE_NOOP("Files", "the folder does not exist"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Files", "a part of the path is a file, not a folder"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Files", "the target is a folder"),
}


def describe_os_error(exc: OSError) -> str:
    """A short, user-readable reason for an OSError (no traceback jargon): a marked text for the
    common causes, else the system's own text."""
    reason = _REASONS.get(exc.errno or 0)
    if reason:
        return reason
    return exc.strerror or str(exc) or type(exc).__name__


def _current_umask() -> int:
    # Reading /proc avoids os.umask()'s set-and-restore race with other threads.
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not supported everywhere (e.g. Windows), so best effort.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temp path beside `path`; write it completely; on success it replaces `path`.

    The body may write the temp path by any means (open(), pandas, pyarrow ...). Raises
    WriteError for OSErrors (the temp file removed, the old target untouched); other
    exceptions from the body propagate unchanged after the same clean-up.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise WriteError(target, _REASONS[errno.EISDIR])
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise WriteError(target, describe_os_error(exc)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_current_umask()
        os.chmod(tmp, mode)
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _remove_quietly(tmp)
        raise WriteError(target, describe_os_error(exc)) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise
    _fsync_dir(directory)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_output(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))
