"""Salvaging the user's own work from a damaged library file: `tmer library recover FILE`.

A library found damaged at open is moved aside and a new, empty one is made (db.open_database).
This module reads what SQLite can still read of the moved-aside file and merges the user's own
work into the current library: corrections (with the features and model version they carry),
session playlists, and registered model versions. Analyses (windows, predictions) are not
salvaged: tagging the music again brings them back.

Reading never changes the damaged file. It is opened read-only with `immutable=1` (no lock, no
-wal/-shm created beside it); when it has a write-ahead log with content (committed work that
never reached the main file) or its header is destroyed, a private copy in a temporary folder is
read instead, with the 100-byte header rebuilt in the copy. A truncated file is read up to where
it ends (writable_schema lets SQLite use the real file size; nothing is written).

Each table is read in rowid order. When a damaged page stops the scan, the rest is read row by
row, PROBE_LIMIT rowid lookups at most per table. When one of the table's indexes can still be
read whole, it lists exactly the rows there were: those not read yet are looked up, and each
lookup that fails is a row lost (`unreadable`). Without such an index every rowid up to the
highest known is looked up; a failing lookup is then counted as a row lost even where a row had
been deleted long ago, and when the end of the table is damaged, how many rows were past it
cannot be known (`more_unknown`, as for a table missing from the readable schema).

Merging happens in one transaction of the current library, after a copy of it is written
(`<name>.bak-recover-<ts>`, removed again when nothing was added). Running it twice adds nothing
the second time: a correction is already there when its time stamp, features, track path and
start are; a session when its title and creation time are; a model version by its name.

Re-linking: rows refer to tracks by id, which means nothing in the new library. A track is found
in the current library by its path, then by its content hash. When neither finds it, a bare
track row is created (path, content hash and tags from the damaged file; no analysis, so the
next tagging analyses it): a session entry needs its track, and a correction keeps its track's
content hash, which groups a recording's windows when a retrain splits its folds. A
window-level correction is linked to the current track's window with the same start and length
when that track has been analysed again (tag first, then recover, and every link comes back);
otherwise its window is unknown, as after any re-analysis.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tmer_desktop import paths
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library import db
from tmer_desktop.library.errors import LibraryError
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

PROBE_LIMIT = 200_000  # rowid lookups per table at most: bounded work on a huge damaged table
TAIL_PROBES = 64  # lookups past the last rowid known before a damaged table end counts as unknown
_MAGIC = b"SQLite format 3\x00"
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)  # the default first
_SALVAGED = ("feedback", "sessions", "session_items", "models")
KINDS = ("corrections", "sessions", "models")
_BUNDLED_MODEL = "bundled"  # model.store.BUNDLED: re-registered by the model store on its own


class UnreadableLibrary(LibraryError):
    """Nothing at all can be read from the file (not SQLite, or its schema is destroyed)."""


class RecoverUsageError(LibraryError):
    """The file given cannot be recovered from for a reason that is the caller's (missing, a folder,
    the current library itself)."""


# --------------------------------------------------------------------------- reading
@dataclass
class TableRead:
    """What could be read of one table of the damaged file."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    unreadable: int = 0  # rows (row numbers) in damaged pages
    more_unknown: bool = False  # the table's end is damaged: rows past it cannot be counted
    missing: bool = False  # the table is not in the readable schema


@dataclass
class Salvage:
    """Everything read from a damaged library file (read_damaged)."""

    source: Path
    tables: dict[str, TableRead]
    tracks: dict[int, dict[str, Any] | None]  # old track id -> its row (None: unreadable)
    feature_names: tuple[str, ...]
    header_rebuilt: bool = False
    notes: list[str] = field(default_factory=list)


def _row_reader(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row))


def _lookup(conn: sqlite3.Connection, table: str, rowid: int) -> dict[str, Any] | None:
    """The row with this rowid (None: no such row). Raises sqlite3.DatabaseError in a damaged page."""
    cur = conn.execute(f'SELECT rowid AS "_rowid", * FROM "{table}" WHERE rowid = ?', (rowid,))
    return next(_row_reader(cur), None)


def _index_rowids(conn: sqlite3.Connection, table: str) -> tuple[set[int], bool]:
    """The rowids the table's indexes still list (an index page can survive its table's page), and
    whether one whole index was read: then these are exactly the table's rows."""
    found: set[int] = set()
    complete = False
    try:
        indexes = [(r[1], bool(r[4])) for r in conn.execute(f'PRAGMA index_list("{table}")')]
    except sqlite3.DatabaseError as exc:
        log.info("recover: no index list for %s: %s", table, exc)
        return found, False
    for index, partial in indexes:
        if partial:  # lists only some rows (and no plain scan can use it)
            continue
        listed: set[int] = set()
        try:
            for (rowid,) in conn.execute(f'SELECT rowid FROM "{table}" INDEXED BY "{index}"'):
                listed.add(int(rowid))
        except sqlite3.DatabaseError as exc:  # a damaged index page
            log.info("recover: index %s of %s read up to a problem: %s", index, table, exc)
        else:
            complete = True
        found |= listed
    return found, complete


def read_table(conn: sqlite3.Connection, table: str, tables: set[str]) -> TableRead:
    """Read every row SQLite can still read of `table` (see the module docstring)."""
    result = TableRead()
    if table not in tables:
        result.missing = True
        return result
    rows: dict[int, dict[str, Any]] = {}
    try:
        cur = conn.execute(f'SELECT rowid AS "_rowid", * FROM "{table}" ORDER BY rowid')
        for row in _row_reader(cur):
            rows[row["_rowid"]] = row
    except sqlite3.DatabaseError as exc:
        log.info("recover: reading %s stopped after %d rows: %s; reading row by row", table, len(rows), exc)
    else:
        result.rows = list(rows.values())
        return result

    probes = 0

    def probe(rowid: int) -> bool | None:
        """Read one row: True found, False no such row, None in a damaged page."""
        nonlocal probes
        probes += 1
        try:
            row = _lookup(conn, table, rowid)
        except sqlite3.DatabaseError:
            return None
        if row is not None:
            rows[rowid] = row
        return row is not None

    listed, complete = _index_rowids(conn, table)
    if complete:
        # A whole index lists exactly the rows there were: look up those not read yet.
        missing = sorted(listed - rows.keys())
        for rowid in missing[:PROBE_LIMIT]:
            if probe(rowid) is None:
                result.unreadable += 1
        result.unreadable += max(0, len(missing) - PROBE_LIMIT)
        result.rows = [rows[k] for k in sorted(rows)]
        return result

    # No whole index: look up every rowid up to the highest known.
    last: int | None = None
    try:
        value = conn.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
        last = None if value is None else int(value)
    except sqlite3.DatabaseError as exc:  # the rightmost page is damaged
        log.info("recover: the end of %s is damaged: %s", table, exc)
    top = max([*rows, *listed, *([last] if last is not None else [])], default=0)
    for rowid in range(1, top + 1):
        if rowid in rows:
            continue
        if probes >= PROBE_LIMIT:
            result.more_unknown = True
            break
        if probe(rowid) is None:
            result.unreadable += 1
    if last is None:
        # The end is damaged: rows may follow the highest rowid known. Look a little further,
        # until TAIL_PROBES lookups in a row find nothing; if any of those failed, rows may be
        # past the damage and how many cannot be known.
        rowid, misses, failed = top, 0, 0
        while misses < TAIL_PROBES and probes < PROBE_LIMIT:
            rowid += 1
            found = probe(rowid)
            if found:
                result.unreadable += failed  # rows in damaged pages between readable ones
                misses = failed = 0
            else:
                misses += 1
                failed += found is None
        if failed or probes >= PROBE_LIMIT:
            result.more_unknown = True
    result.rows = [rows[k] for k in sorted(rows)]
    return result


def _readable_tables(conn: sqlite3.Connection) -> set[str]:
    # writable_schema: a truncated file is read up to its real end, and a damaged schema entry
    # does not hide the others. It lets SQL write the schema; nothing here writes at all.
    conn.execute("PRAGMA writable_schema = ON")
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _connect_read_only(path: Path, *, immutable: bool) -> sqlite3.Connection:
    uri = f"{path.as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _rebuilt_header(page_size: int, n_pages: int, wal: bool) -> bytes:
    """A plausible 100-byte database header (sqlite.org/fileformat.html, "The Database Header")."""
    h = bytearray(100)
    h[0:16] = _MAGIC
    struct.pack_into(">H", h, 16, 1 if page_size == 65536 else page_size)
    h[18] = h[19] = 2 if wal else 1  # WAL or rollback journal
    h[21:24] = bytes((64, 32, 32))  # payload fractions, fixed by the format
    # change counter, page count, freelist (none), schema cookie, schema format 4, cache size,
    # no auto-vacuum, UTF-8, user_version (unknown), incremental vacuum, application id
    struct.pack_into(">11I", h, 24, 1, n_pages, 0, 0, 1, 4, 0, 0, 1, 0, 0)
    struct.pack_into(">II", h, 92, 1, sqlite3.sqlite_version_info[0] * 1_000_000
                     + sqlite3.sqlite_version_info[1] * 1_000 + sqlite3.sqlite_version_info[2])
    return bytes(h)


def _open_attempt(path: Path, immutable: bool) -> tuple[sqlite3.Connection, set[str]] | None:
    try:
        conn = _connect_read_only(path, immutable=immutable)
    except sqlite3.Error as exc:
        log.info("recover: cannot open %s: %s", path, exc)
        return None
    try:
        tables = _readable_tables(conn)
    except sqlite3.DatabaseError as exc:
        log.info("recover: no readable schema in %s: %s", path, exc)
        conn.close()
        return None
    if not tables & set(_SALVAGED):
        conn.close()
        return None
    return conn, tables


@contextlib.contextmanager
def open_damaged(path: Path) -> Iterator[tuple[sqlite3.Connection, set[str], bool]]:
    """A read-only connection to what can be read of `path`: (connection, its tables, whether the
    header had to be rebuilt). Raises UnreadableLibrary when nothing can be read."""
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.is_file() and wal.stat().st_size > 0
    with tempfile.TemporaryDirectory(prefix="tmer-recover-") as tmp:
        source, immutable = path, True
        if has_wal:  # read the log too: a copy, so that no -shm is made beside the user's file
            source, immutable = Path(tmp) / "library.sqlite3", False
            shutil.copyfile(path, source)
            shutil.copyfile(wal, source.with_name(source.name + "-wal"))
        opened = _open_attempt(source, immutable)
        rebuilt = False
        if opened is None:
            opened = _with_rebuilt_header(path, Path(tmp), wal if has_wal else None)
            rebuilt = opened is not None
        if opened is None:
            raise UnreadableLibrary(QT_TRANSLATE_NOOP(
                "Library",
                "{path}: nothing can be read from this file: it is not a library database, or the "
                "part that lists its tables is destroyed.",
            ).format(path=str(path)))
        conn, tables = opened
        try:
            yield conn, tables, rebuilt
        finally:
            conn.close()


def _with_rebuilt_header(path: Path, tmp: Path, wal: Path | None) -> tuple[sqlite3.Connection, set[str]] | None:
    """A private copy of `path` with its header rebuilt, for the page size that reads the most tables."""
    size = path.stat().st_size
    copy = tmp / "rebuilt.sqlite3"
    shutil.copyfile(path, copy)
    if wal is not None:  # its frames may even hold an intact first page, header included
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    shm = copy.with_name(copy.name + "-shm")

    def attempt(page_size: int) -> tuple[sqlite3.Connection, set[str]] | None:
        with contextlib.suppress(FileNotFoundError):
            shm.unlink()  # the log's index as the previous attempt read it
        with open(copy, "r+b") as fh:
            fh.write(_rebuilt_header(page_size, size // page_size, wal is not None))
        return _open_attempt(copy, immutable=wal is None)

    best, most = None, 0
    for page_size in _PAGE_SIZES:
        if size < page_size:
            continue
        opened = attempt(page_size)
        if opened is not None:
            opened[0].close()
            if len(opened[1]) > most:
                best, most = page_size, len(opened[1])
    return attempt(best) if best is not None else None


def _feature_names(conn: sqlite3.Connection, tables: set[str], notes: list[str]) -> tuple[str, ...]:
    if "meta" in tables:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'feature_names'").fetchone()
            if row is not None:
                names = tuple(json.loads(row[0]))
                if names and all(isinstance(n, str) for n in names):
                    return names
        except (sqlite3.DatabaseError, ValueError, TypeError) as exc:
            log.info("recover: the feature order of the damaged file is unreadable: %s", exc)
    notes.append("the feature order of the damaged file is unreadable; the app's own order is assumed")
    return FEATURE_NAMES


def read_damaged(path: str | os.PathLike) -> Salvage:
    """Read the user's own work from a damaged library file (never changing it)."""
    source = Path(os.path.abspath(path))
    notes: list[str] = []
    with open_damaged(source) as (conn, tables, rebuilt):
        read = {table: read_table(conn, table, tables) for table in _SALVAGED}
        wanted = {r.get("track_id") for table in ("feedback", "session_items") for r in read[table].rows}
        tracks: dict[int, dict[str, Any] | None] = {}
        for track_id in sorted(t for t in wanted if isinstance(t, int)):
            try:
                tracks[track_id] = _lookup(conn, "tracks", track_id) if "tracks" in tables else None
            except sqlite3.DatabaseError:
                tracks[track_id] = None
        names = _feature_names(conn, tables, notes)
    return Salvage(source, read, tracks, names, rebuilt, notes)


# --------------------------------------------------------------------------- merging
@dataclass
class KindReport:
    """One kind of user work: how much was read, lost and added."""

    read: int = 0  # rows read from the damaged file
    unreadable: int = 0  # rows in damaged pages, and rows read with values the library refuses
    more_unknown: bool = False  # rows past a damaged table end: how many cannot be known
    added: int = 0  # new in the library
    present: int = 0  # already in the library (an earlier recovery)
    not_found: int = 0  # models only: the version's folder is gone from the model store

    @property
    def total(self) -> int:
        return self.read + self.unreadable

    @property
    def lost(self) -> bool:
        return bool(self.unreadable or self.more_unknown or self.not_found)


@dataclass
class RecoveryReport:
    source: Path
    library: Path | None
    dry_run: bool
    kinds: dict[str, KindReport]
    entries_lost: int = 0  # session entries unreadable, or whose track is unreadable
    backup: Path | None = None
    header_rebuilt: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def recovered(self) -> int:
        return sum(k.read - k.not_found for k in self.kinds.values())

    @property
    def added(self) -> int:
        return sum(k.added for k in self.kinds.values())

    @property
    def lost(self) -> bool:
        return any(k.lost for k in self.kinds.values()) or self.entries_lost > 0

    @property
    def exit_code(self) -> int:
        """0: something recovered, or nothing lost; 1: something lost and nothing recovered."""
        return 0 if self.recovered or not self.lost else 1

    def lines(self) -> list[str]:
        """The report for a person, one line per kind of work, then what was written."""
        out = [f"read from {self.source}" + (" (its header was rebuilt)" if self.header_rebuilt else "")]
        for kind in self.shown():
            k = self.kinds[kind]
            line = f"  {_NAMES[kind][1]}: {_of(k)} recovered"
            if k.unreadable:
                line += f", {k.unreadable} unreadable"
            if k.more_unknown:
                line += ", more may be lost where the file is damaged"
            if k.not_found:
                line += f", {k.not_found} no longer in the model store"
            if kind == "sessions" and self.entries_lost:
                line += f"; {_plural(self.entries_lost, 'entry', 'entries')} lost"
            if k.added or k.present:
                line += f"; {k.added} {'would be added' if self.dry_run else 'added'}"
                line += f", {k.present} already in the library" if k.present else ""
            out.append(line)
        out += [f"  note: {note}" for note in self.notes]
        if self.dry_run:
            out.append("dry run: nothing was written")
        elif self.added:
            out.append(f"added to {self.library}; its copy from before: {self.backup}")
        elif self.recovered:
            out.append("nothing new to add: everything readable is already in the library")
        return out

    def shown(self) -> list[str]:
        """The kinds worth a line: corrections and sessions always, model versions when there were any."""
        return [kind for kind in KINDS if kind != "models" or self.kinds[kind].total or self.kinds[kind].more_unknown]

    def summary(self) -> str:
        """One line, e.g. "3 of 3 corrections, 1 of 2 sessions recovered; 1 session unreadable"."""
        shown = self.shown()
        text = ", ".join(f"{_of(self.kinds[kind])} {_NAMES[kind][1]}" for kind in shown) + " recovered"
        losses = [_plural(self.kinds[kind].unreadable, *_NAMES[kind]) + " unreadable"
                  for kind in shown if self.kinds[kind].unreadable]
        if any(self.kinds[kind].more_unknown for kind in shown):
            losses.append("more may be lost where the file is damaged")
        if self.entries_lost:
            losses.append(_plural(self.entries_lost, "session entry", "session entries") + " lost")
        return text + ("; " + "; ".join(losses) if losses else "")


_NAMES = {"corrections": ("correction", "corrections"), "sessions": ("session", "sessions"),
          "models": ("model version", "model versions")}


def _of(k: KindReport) -> str:
    return f"{k.read - k.not_found} of {k.total}" + ("+" if k.more_unknown else "")


def _plural(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


class _DryRun(Exception):
    """Unwinds the merge transaction of a dry run (everything is rolled back)."""


def _json_object(text: Any) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except (TypeError, ValueError):
        return False


def _features_blob(blob: Any, old: tuple[str, ...], new: tuple[str, ...]) -> bytes | None:
    """The feature blob in the current library's order; None when it cannot be (damaged)."""
    if not isinstance(blob, bytes) or len(blob) != 8 * len(old):
        return None
    if old == new:
        return blob
    values = dict(zip(old, struct.unpack(f"<{len(old)}d", blob)))
    if any(name not in values for name in new):
        return None
    return struct.pack(f"<{len(new)}d", *(values[name] for name in new))


class _Merger:
    """Writes a Salvage into an open LibraryStore, inside the caller's transaction."""

    def __init__(self, salvage: Salvage, store, conn: sqlite3.Connection, report: RecoveryReport):
        self.s, self.store, self.conn, self.report = salvage, store, conn, report
        self.new_names = tuple(store.feature_names())

    # -- tracks --------------------------------------------------------------------------
    def track(self, old_id: int | None, path: str | None) -> int | None:
        """The current library's id for an old track (found by path, then content hash, or created);
        None when neither its row nor a path is readable."""
        old = self.s.tracks.get(old_id) if old_id is not None else None
        path = path or (old or {}).get("path")
        if not path:
            return None
        # Looked up each time, never cached: a savepoint rolled back may have undone a creation.
        return self._find_or_create(old, path)

    def _find_or_create(self, old: dict[str, Any] | None, path: str) -> int:
        row = self.store.track_by_path(path)
        if row is None and old and old.get("content_hash"):
            row = self.store.track_by_hash(old["content_hash"])
        if row is not None:
            return row.id
        kept = {name: old[name] for name in ("content_hash", "duration", "artist", "album", "title", "genre", "year")
                if old and old.get(name) is not None}
        return self.store.upsert_track(path, **kept)  # no analysis: the next tagging analyses it

    def _window(self, track_id: int | None, row: dict[str, Any]) -> int | None:
        if track_id is None or row.get("window_id") is None or row.get("start") is None:
            return None
        found = self.conn.execute(
            "SELECT id FROM windows WHERE track_id = ? AND abs(start - ?) < 1e-6 AND abs(duration - ?) < 1e-6",
            (track_id, row["start"], row.get("duration") or 0.0),
        ).fetchone()
        return found[0] if found else None

    # -- corrections -----------------------------------------------------------------------
    def feedback(self) -> None:
        read = self.s.tables["feedback"]
        k = self.report.kinds["corrections"]
        k.unreadable, k.more_unknown = read.unreadable, read.more_unknown or read.missing
        for row in read.rows:
            blob = _features_blob(row.get("features"), self.s.feature_names, self.new_names)
            if blob is None or not row.get("created_at"):
                k.unreadable += 1
                continue
            path = row.get("track_path")
            if self.conn.execute(
                "SELECT 1 FROM feedback WHERE created_at = ? AND features = ? AND track_path IS ? AND start IS ?",
                (row["created_at"], blob, path, row.get("start")),
            ).fetchone():
                k.read += 1
                k.present += 1
                continue
            try:
                with self.store.transaction():
                    track_id = self.track(row.get("track_id"), path)
                    self.conn.execute(
                        "INSERT INTO feedback (track_id, window_id, track_path, start, duration, predicted_label, "
                        "confidence, is_correct, corrected_label, note, model_version, features, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (track_id, self._window(track_id, row), path, row.get("start"), row.get("duration"),
                         row.get("predicted_label"), row.get("confidence"), row.get("is_correct"),
                         row.get("corrected_label"), row.get("note") or "", row.get("model_version"), blob,
                         row["created_at"]),
                    )
            except (sqlite3.IntegrityError, LibraryError) as exc:  # values a damaged page garbled
                log.warning("recover: correction %s of %s not added: %s", row.get("id"), self.s.source, exc)
                k.unreadable += 1
                continue
            k.read += 1
            k.added += 1

    # -- sessions --------------------------------------------------------------------------
    def sessions(self) -> None:
        read, items_read = self.s.tables["sessions"], self.s.tables["session_items"]
        k = self.report.kinds["sessions"]
        k.unreadable, k.more_unknown = read.unreadable, read.more_unknown or read.missing
        by_session: dict[Any, list[dict[str, Any]]] = {}
        for item in items_read.rows:
            by_session.setdefault(item.get("session_id"), []).append(item)
        # Entries in damaged pages belong to sessions nobody can name: counted as lost entries.
        self.report.entries_lost += items_read.unreadable
        for row in read.rows:
            if not row.get("title") or not row.get("created_at"):
                k.unreadable += 1
                continue
            items = sorted(by_session.get(row.get("id"), []), key=lambda i: i.get("position") or 0)
            if self.conn.execute("SELECT 1 FROM sessions WHERE title = ? AND created_at = ?",
                                 (row["title"], row["created_at"])).fetchone():
                k.read += 1
                k.present += 1
                continue
            try:
                with self.store.transaction():
                    lost = self._insert_session(row, items)
            except (sqlite3.IntegrityError, LibraryError) as exc:
                log.warning("recover: session %s of %s not added: %s", row.get("id"), self.s.source, exc)
                k.unreadable += 1
                continue
            self.report.entries_lost += lost
            k.read += 1
            k.added += 1

    def _insert_session(self, row: dict[str, Any], items: list[dict[str, Any]]) -> int:
        cur = self.conn.execute(
            "INSERT INTO sessions (title, client_pseudonym, notes, goal, start_mood, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row["title"], row.get("client_pseudonym") or "", row.get("notes") or "", row.get("goal"),
             row.get("start_mood"), row["created_at"], row.get("updated_at") or row["created_at"]),
        )
        session_id = cur.lastrowid
        position, lost = 0, 0
        for item in items:
            old_track = item.get("track_id")
            # the track's row is unreadable: no path to link
            if old_track is None or self.s.tracks.get(old_track) is None:
                lost += 1
                continue
            track_id = self.track(old_track, None)
            self.conn.execute(
                "INSERT INTO session_items (session_id, position, track_id, locked, reason, reason_message) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, position, track_id, int(bool(item.get("locked"))), item.get("reason") or "",
                 item.get("reason_message")),
            )
            position += 1
        return lost

    # -- model versions --------------------------------------------------------------------
    def models(self) -> None:
        read = self.s.tables["models"]
        k = self.report.kinds["models"]
        k.unreadable, k.more_unknown = read.unreadable, read.more_unknown or read.missing
        active = None
        root = paths.model_store_dir()
        for row in read.rows:
            version = row.get("version")
            if version == _BUNDLED_MODEL:
                continue  # the shipped model: the model store registers it by itself
            if not version or not row.get("path") or not _json_object(row.get("metrics")):
                k.unreadable += 1
                continue
            k.read += 1
            if self.conn.execute("SELECT 1 FROM models WHERE version = ?", (version,)).fetchone():
                k.present += 1
                continue
            if not (root / row["path"]).is_dir():
                k.not_found += 1
                continue
            try:
                with self.store.transaction():
                    self.conn.execute(
                        "INSERT INTO models (version, path, created_at, metrics, active) VALUES (?, ?, ?, ?, 0)",
                        (version, row["path"], row.get("created_at") or "", row["metrics"]),
                    )
            except sqlite3.IntegrityError as exc:
                log.warning("recover: model version %s of %s not added: %s", version, self.s.source, exc)
                k.read -= 1
                k.unreadable += 1
                continue
            k.added += 1
            if row.get("active"):
                active = version
        current = self.store.active_model()
        if active is not None and (current is None or current.version == _BUNDLED_MODEL):
            self.store.set_active_model(active)  # the version the user had promoted


def merge(salvage: Salvage, store, *, dry_run: bool = False, backup: bool = True) -> RecoveryReport:
    """Add the salvaged work to `store` in one transaction (rolled back for a dry run), after
    writing a copy of the library (`backup`; removed again when nothing was added)."""
    report = RecoveryReport(salvage.source, store.path, dry_run, {kind: KindReport() for kind in KINDS},
                            header_rebuilt=salvage.header_rebuilt, notes=list(salvage.notes))
    copy: Path | None = None
    try:
        with store.transaction(durable=True) as conn:
            if backup and not dry_run:
                copy = _backup(store)
            merger = _Merger(salvage, store, conn, report)
            merger.feedback()
            merger.sessions()
            merger.models()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except BaseException:
        _remove(copy)
        raise
    if copy is not None and report.added == 0:
        _remove(copy)  # nothing changed: nothing to go back to
        copy = None
    report.backup = copy
    return report


def _backup(store) -> Path:
    """A copy of the library as it is before the merge. Called inside the merge's transaction, from
    a second connection: the write lock already held, so no other writer slips in between."""
    destination = store.path.with_name(f"{store.path.name}.bak-recover-{db.timestamp_for_filename()}")
    source = None
    try:
        source = sqlite3.connect(str(store.path))
        db.copy_database(source, destination)
    except sqlite3.Error as exc:
        raise LibraryError(QT_TRANSLATE_NOOP(
            "Library",
            "{path}: could not write the copy {backup} before recovering into the library "
            "(nothing was changed): {detail}",
        ).format(path=str(store.path), backup=str(destination), detail=str(exc))) from exc
    finally:
        if source is not None:
            source.close()
    return destination


def _remove(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink()
    except OSError as exc:
        log.warning("recover: could not remove %s: %s", path, exc)


def check_source(source: str | os.PathLike, library: Path) -> Path:
    """The damaged file to read, or RecoverUsageError (missing, a folder, the library itself)."""
    path = Path(os.path.abspath(source))
    if not path.exists():
        raise RecoverUsageError(QT_TRANSLATE_NOOP("Library", "{path}: no such file.").format(path=str(path)))
    if path.is_dir():
        raise RecoverUsageError(QT_TRANSLATE_NOOP(
            "Library", "{path}: is a folder; give the damaged library file that was moved aside."
        ).format(path=str(path)))
    if library.exists() and os.path.samefile(path, library):
        raise RecoverUsageError(QT_TRANSLATE_NOOP(
            "Library", "{path}: this is the library in use, not a damaged file moved aside."
        ).format(path=str(path)))
    return path


def recover(source: str | os.PathLike, store, *, dry_run: bool = False) -> RecoveryReport:
    """Read `source` (a damaged library file) and merge what it holds of the user's work into `store`."""
    path = check_source(source, store.path)
    return merge(read_damaged(path), store, dry_run=dry_run)
