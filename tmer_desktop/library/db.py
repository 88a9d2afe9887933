"""Opening the library database safely: directory checks, integrity, version, backup, migrations.

Order at open (each step leaves a newer or damaged file as it found it):
1. the data directory must exist or be creatable, and be writable - else LibraryError naming it;
2. an existing file is read (user_version) without any write: a newer schema is refused
   (LibraryVersionError, file byte-identical);
3. `PRAGMA quick_check`; a corrupt or non-SQLite file is renamed `<name>.corrupt-<ts>` (with its
   -wal/-shm beside it, so it can still be examined or salvaged: `tmer library recover`, recover.py)
   and a fresh database is made;
4. connection settings (WAL, foreign keys, synchronous, busy timeout);
5. missing migration steps run, each in its own transaction, after a backup of a non-empty
   database via the sqlite3 backup API: `<name>.bak-v<old>-<ts>`.

Durability choice: WAL + synchronous=NORMAL. A killed or crashed app never loses a committed
transaction and never corrupts the file (tested with SIGKILL); only an OS crash or power cut can
lose the last few commits, which are recomputable analysis results. The user's own work
(feedback, sessions) is written with `durable=True`, which syncs that commit (synchronous=FULL).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tmer_desktop.atomic import describe_os_error
from tmer_desktop.library.errors import LibraryError, LibraryVersionError
from tmer_desktop.library.schema import MIGRATIONS, SCHEMA_VERSION
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

BUSY_TIMEOUT_MS = 10_000
_SIDECARS = ("-wal", "-shm", "-journal")


def timestamp_for_filename() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the library's settings. Autocommit mode: transactions are explicit."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LibraryError(QT_TRANSLATE_NOOP(
                "Library", "{path}: could not switch the library database to WAL mode ({mode})."
            ).format(path=str(path), mode=str(mode)))
        conn.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        conn.close()
        raise
    return conn


def ensure_writable_dir(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        pass  # a file of that name: said just below in the user's terms
    except OSError as exc:
        raise LibraryError(QT_TRANSLATE_NOOP(
            "Library",
            "The data directory {folder} cannot be created: {reason}. "
            "Choose another location with the TMER_DATA_DIR environment variable.",
        ).format(folder=str(directory), reason=describe_os_error(exc))) from exc
    if not directory.is_dir():
        raise LibraryError(QT_TRANSLATE_NOOP("Library", "The data directory {folder} is not a folder.")
                           .format(folder=str(directory)))
    # os.access() says yes to root even on a read-only mount: try a real write instead.
    try:
        fd, probe = tempfile.mkstemp(prefix=".tmer-write-probe-", dir=directory)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise LibraryError(QT_TRANSLATE_NOOP(
            "Library",
            "The data directory {folder} is not writable: {reason}. "
            "Fix its permissions or choose another location with TMER_DATA_DIR.",
        ).format(folder=str(directory), reason=describe_os_error(exc))) from exc


_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def _is_damage(exc: sqlite3.Error) -> bool:
    """True for "this file is damaged or not a database"; False for e.g. "cannot open it"."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # very old Python: fall back to SQLite's fixed messages
        return "malformed" in str(exc) or "not a database" in str(exc)
    return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def cannot_open(path: Path, exc: BaseException) -> LibraryError:
    """The error for a library file SQLite cannot open (SQLite's own reason kept as it is)."""
    return LibraryError(QT_TRANSLATE_NOOP(
        "Library", "{path}: the library database cannot be opened: {detail}"
    ).format(path=str(path), detail=str(exc)))


def _read_version(path: Path) -> int:
    """user_version of an existing file, without writing to it. DatabaseError if not SQLite."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _quick_check(path: Path) -> str | None:
    """None when the database is sound, else the reason it is not."""
    # Read-only: a normal connection could checkpoint a WAL into a damaged file, or delete it.
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if _is_damage(exc):
            return str(exc)
        raise cannot_open(path, exc) from exc
    if rows == [("ok",)]:
        return None
    return "; ".join(str(r[0]) for r in rows[:5])


MOVED_ASIDE_INFIX = ".corrupt-"  # <name>.corrupt-<ts>: a damaged library moved aside


def _move_aside(path: Path) -> Path:
    destination = path.with_name(f"{path.name}{MOVED_ASIDE_INFIX}{timestamp_for_filename()}")
    os.replace(path, destination)
    for suffix in _SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, destination.with_name(destination.name + suffix))
    return destination


def copy_database(conn: sqlite3.Connection, destination: Path) -> None:
    """A consistent copy of `conn`'s database at `destination` (sqlite3 backup API); a failed
    copy leaves no partial file behind. Raises sqlite3.Error."""
    target = sqlite3.connect(str(destination))
    try:
        conn.backup(target)
    except sqlite3.Error:
        target.close()
        with contextlib.suppress(OSError):
            destination.unlink()
        raise
    target.close()


def backup(conn: sqlite3.Connection, path: Path, old_version: int) -> Path:
    """Copy the whole database (consistent snapshot) to `<name>.bak-v<old>-<ts>`."""
    destination = path.with_name(f"{path.name}.bak-v{old_version}-{timestamp_for_filename()}")
    try:
        copy_database(conn, destination)
    except sqlite3.Error as exc:
        raise LibraryError(QT_TRANSLATE_NOOP(
            "Library",
            "{path}: could not write the backup {backup} before upgrading the library "
            "(the database was not changed): {detail}",
        ).format(path=str(path), backup=str(destination), detail=str(exc))) from exc
    return destination


def _is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def migrate(conn: sqlite3.Connection, path: Path, target: int = SCHEMA_VERSION) -> list[str]:
    """Run the missing steps up to `target`; returns notices (e.g. where the backup went)."""
    messages: list[str] = []
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current >= target:
        return messages
    if current > 0 or not _is_empty(conn):
        copy = backup(conn, path, current)
        messages.append(QT_TRANSLATE_NOOP(
            "Library",
            "The library was upgraded from version {old} to {new}; "
            "a copy of the old database was kept at {backup}.",
        ).format(old=current, new=target, backup=str(copy)))
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            now = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if now < version:
                MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return messages


def open_database(path: Path) -> tuple[sqlite3.Connection, list[str], Path | None]:
    """Open (creating, repairing or upgrading as needed) the database at `path`.

    Returns the connection, user-facing notices (file moved aside, backup written) and where a
    damaged file was moved to (None when it was not).
    """
    messages: list[str] = []
    moved: Path | None = None
    ensure_writable_dir(path.parent)
    if path.is_dir():
        raise LibraryError(QT_TRANSLATE_NOOP(
            "Library", "{path}: is a folder, not a library database file; move it away."
        ).format(path=str(path)))
    if path.exists() and path.stat().st_size > 0:
        unreadable: str | None = None
        try:
            version = _read_version(path)
        except sqlite3.Error as exc:
            if not _is_damage(exc):
                raise cannot_open(path, exc) from exc
            version = None  # handled as corrupt below
            # A truncated library is still an SQLite file: say what SQLite says, not "not SQLite".
            if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == _SQLITE_CORRUPT:
                unreadable = str(exc)
        if version is not None and version > SCHEMA_VERSION:
            raise LibraryVersionError(path, version, SCHEMA_VERSION)
        problem: str | None
        if version is None:
            problem = unreadable or QT_TRANSLATE_NOOP("Library", "it is not an SQLite database")
        else:
            problem = _quick_check(path)
        if problem is not None:
            try:
                moved = _move_aside(path)
            except OSError as exc:
                raise LibraryError(QT_TRANSLATE_NOOP(
                    "Library",
                    "{path}: the library database is damaged ({problem}) and could not be "
                    "moved aside: {reason}",
                ).format(path=str(path), problem=problem, reason=describe_os_error(exc))) from exc
            messages.append(QT_TRANSLATE_NOOP(
                "Library",
                "The library database {path} was damaged ({problem}). It was moved to "
                "{moved} and a new, empty library was created.",
            ).format(path=str(path), problem=problem, moved=str(moved)))
    try:
        conn = connect(path)
    except sqlite3.Error as exc:
        raise cannot_open(path, exc) from exc
    try:
        messages.extend(migrate(conn, path))
    except BaseException:
        conn.close()
        raise
    return conn, messages, moved

