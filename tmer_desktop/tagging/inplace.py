"""Rewriting a user's music file in place, through a journal, so that nothing they own is harmed.

Why in place and not "write a copy beside it and rename": a rename replaces a symbolic link by
a copy (its target stays untagged), splits hard links, gives the file our ownership and mode,
needs write access to the folder (a read-only music folder crashed the batch) and, after a
kill, leaves a hidden copy in the music folder. Writing the new bytes into the same inode
keeps all of that, and the journal restores the original if we are killed mid-write.

One rewrite, in order:
1. the target is the symbolic link's destination; a file we may not write is refused;
2. its bytes are copied into a journal entry under the app's data directory, hashed on the
   way: if they are not the bytes that were analysed (`expected_sha256`), nothing is written
   (FileChangedError: the caller analyses the file again instead of stamping it);
3. `modify(work_copy)` changes a second copy (mutagen works on files);
4. the entry is committed (info.json names the target and both hashes), the file is checked
   unchanged since step 2 (size and modification time), and the work copy's bytes are written
   over it, truncated, fsynced;
5. the entry is removed.

`recover_interrupted()` (run before every batch and at GUI start) finishes what a kill left:
a target holding neither the original nor the new bytes gets its original bytes back.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from tmer_desktop import paths
from tmer_desktop.atomic import atomic_write_text, describe_os_error
from tmer_desktop.errors import FileError
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_INFO = "info.json"
_ORIGINAL = "original"
_WORK = "work"


class InPlaceError(FileError):
    template = QT_TRANSLATE_NOOP("Tagging", "{path}: cannot write tags ({reason})")


class FileChangedError(InPlaceError):
    """The file's bytes are not those that were analysed: it changed after the analysis."""


CHANGED = QT_TRANSLATE_NOOP("Tagging", "the file changed after it was analysed; it was not tagged")
NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "Tagging", "you do not have permission to change this file; it was left as it is")
READ_ONLY_DISK = QT_TRANSLATE_NOOP("Tagging", "the file is on a read-only disk or folder; it was left as it is")
NOT_REGULAR = QT_TRANSLATE_NOOP("Tagging", "not a regular file; it was left as it is")


def journal_dir() -> Path:
    return paths.data_dir() / "tag-journal"


def _copy_hashing(source, destination) -> str:
    digest = hashlib.sha256()
    while chunk := source.read(_CHUNK):
        digest.update(chunk)
        destination.write(chunk)
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _overwrite(target_fh, source: Path) -> None:
    """Write `source`'s bytes over the open target, then cut it to length and sync it."""
    target_fh.seek(0)
    with open(source, "rb") as src:
        shutil.copyfileobj(src, target_fh, _CHUNK)
    target_fh.truncate()
    target_fh.flush()
    os.fsync(target_fh.fileno())


def _on_read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): the plainer reason is still true
        return False


def _refusal(exc: OSError) -> str:
    if exc.errno == errno.EROFS:
        return READ_ONLY_DISK
    if exc.errno in (errno.EACCES, errno.EPERM):
        return NOT_WRITABLE
    return describe_os_error(exc)


def rewrite_in_place(path: str | os.PathLike, modify: Callable[[Path], None], *,
                     expected_sha256: str | None = None) -> str:
    """Apply `modify` to a copy of the file and write the result into the file itself.

    Returns the sha256 of the bytes now in the file. Raises FileChangedError when the file is
    not (or no longer) the one analysed, InPlaceError for every other reason (the file is then
    as it was). Exceptions raised by `modify` propagate after clean-up.
    """
    shown = Path(path)
    target = Path(os.path.realpath(path))
    try:
        if not target.is_file():
            raise InPlaceError(shown, NOT_REGULAR)
        # Checked before any copy is made: root passes access(), but a read-only mount does not.
        if not os.access(target, os.W_OK):
            raise InPlaceError(shown, READ_ONLY_DISK if _on_read_only_disk(target) else NOT_WRITABLE)
        root = journal_dir()
        root.mkdir(parents=True, exist_ok=True)
        entry = Path(tempfile.mkdtemp(prefix="tag-", dir=root))
    except OSError as exc:
        raise InPlaceError(shown, _refusal(exc)) from exc
    try:
        return _rewrite(shown, target, entry, modify, expected_sha256)
    finally:
        shutil.rmtree(entry, ignore_errors=True)


def _rewrite(shown: Path, target: Path, entry: Path, modify, expected: str | None) -> str:
    original, work = entry / _ORIGINAL, entry / _WORK
    try:
        with open(target, "r+b") as fh:  # opened for writing now: refusals come before any work
            before = os.fstat(fh.fileno())
            with open(original, "wb") as out:
                original_hash = _copy_hashing(fh, out)
                out.flush()
                os.fsync(out.fileno())
            if expected is not None and original_hash != expected:
                raise FileChangedError(shown, CHANGED)
            shutil.copyfile(original, work)
            modify(work)
            new_hash = _sha256(work)
            if new_hash == original_hash:
                return original_hash
            now = os.fstat(fh.fileno())
            if (now.st_size, now.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
                raise FileChangedError(shown, CHANGED)
            atomic_write_text(entry / _INFO, json.dumps(
                {"target": os.fsencode(target).decode("utf-8", "surrogateescape"),
                 "original_sha256": original_hash, "new_sha256": new_hash}))
            _overwrite(fh, work)
    except OSError as exc:
        raise InPlaceError(shown, _refusal(exc)) from exc
    return new_hash


def recover_interrupted() -> list[str]:
    """Put back the original bytes of any file whose rewrite was interrupted; returns notices.

    Never raises: a journal it cannot read is logged and left for the next start."""
    root = journal_dir()
    notices: list[str] = []
    try:
        entries = sorted(p for p in root.iterdir() if p.is_dir())
    except FileNotFoundError:
        return notices
    except OSError:
        log.exception("cannot list the tag-writing journal %s", root)
        return notices
    for entry in entries:
        try:
            notice = _recover_entry(entry)
        except Exception:  # one bad entry must not stop the others or the app
            log.exception("cannot recover the interrupted tag write in %s", entry)
            continue
        if notice:
            notices.append(notice)
        shutil.rmtree(entry, ignore_errors=True)
    return notices


def _recover_entry(entry: Path) -> str | None:
    info_path = entry / _INFO
    if not info_path.exists():
        return None  # killed before the target was touched: the copies are just removed
    info = json.loads(info_path.read_text(encoding="utf-8"))
    target = Path(os.fsdecode(info["target"].encode("utf-8", "surrogateescape")))
    if not target.exists():
        log.warning("interrupted tag write: %s no longer exists; its journal entry is dropped", target)
        return None
    current = _sha256(target)
    if current in (info["original_sha256"], info["new_sha256"]):
        return None  # the write had not started, or had finished
    if not _is_partial_write(target, entry / _WORK, entry / _ORIGINAL):
        # Changed since by someone else: theirs now, not ours to overwrite.
        log.warning("interrupted tag write: %s has changed since; left as it is", target)
        return None
    with open(target, "r+b") as fh:
        _overwrite(fh, entry / _ORIGINAL)
    log.warning("interrupted tag write: restored the original bytes of %s", target)
    return QT_TRANSLATE_NOOP(
        "Tagging", "Writing tags into {path} was interrupted; the file was restored as it was before."
    ).format(path=str(target))


def _is_partial_write(target: Path, work: Path, original: Path) -> bool:
    """True if the target reads as the new bytes up to some point and the original after it,
    which is what an interrupted _overwrite leaves (before its final truncate)."""
    size_target, size_original = target.stat().st_size, original.stat().st_size
    with open(target, "rb") as t, open(work, "rb") as w, open(original, "rb") as o:
        position = 0
        while True:  # the longest prefix shared with the new bytes
            a, b = t.read(_CHUNK), w.read(_CHUNK)
            if a and a == b:
                position += len(a)
                continue
            position += next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            break
        if size_target != max(size_original, position):
            return False
        t.seek(position)
        o.seek(position)
        while True:
            a, b = t.read(_CHUNK), o.read(_CHUNK)
            if a != b:
                return False
            if not a:
                return True
