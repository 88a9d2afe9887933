"""The local library: tracks, analysis windows, predictions, feedback, session playlists, models.

API summary (plain Python, no Qt; rows are frozen dataclasses from `library.rows`):

    store = LibraryStore.open(path=None)          # default paths.library_db_path()
    store.open_messages -> list[str]               # notices for the user (file moved aside, backup)
    store.moved_aside -> Path | None               # where this open moved a damaged file (recover.py)
    store.close()                                  # also: `with LibraryStore.open() as store:`

    with store.transaction(durable=False):         # every write goes through this; nests
        ...                                        # (savepoints); commit on exit, rollback on error

    upsert_track(path, *, content_hash=, size=, mtime=, duration=, sample_rate=, channels=,
                 artist=, album=, title=, genre=, year=, error=, error_kind=, analysed_at=,
                 window_s=, hop_s=, extractor_version=, timeline=) -> track_id   # only the keywords given are written
    track(track_id) / track_by_path(path) / track_by_hash(content_hash) -> TrackRow | None
    delete_track(track_id) -> bool
    replace_windows(track_id, windows) -> list[window_id]       # windows: NewWindow/mapping/object
    windows_for_track(track_id) -> list[WindowRow]
    add_predictions(track_id, model_version, predictions, *, replace=True) -> list[prediction_id]
    predictions_for_track(track_id, model_version=None, level="all"|"track"|"window")
    tracks(*, emotion=None, decision=None, search=None, model_version=None, order="path",
           limit=None, offset=0) -> list[TrackSummary]
    review_queue(threshold=0.75, *, model_version=None, include_reviewed=False) -> list[TrackSummary]
    add_feedback(*, features, is_correct, track_id=None, window_id=None, start=None,
                 duration=None, predicted_label=None, confidence=None, corrected_label=None,
                 note="", model_version=None) -> feedback_id
    feedback_rows(*, model_version=None) -> list[FeedbackRow]; delete_feedback(feedback_id)
    save_session(title, items, *, session_id=None, client_pseudonym="", notes="", goal=None,
                 start_mood=None) -> session_id              # items replaced as a whole
    sessions() -> list[SessionRow]; session(session_id); session_items(session_id);
    delete_session(session_id)
    register_model(version, path, *, metrics=None, created_at=None, activate=False);
    set_active_model(version | None); active_model() -> ModelRow | None; models() -> list[ModelRow]
    feature_names() -> tuple[str, ...]; schema_version() -> int; release_thread_connection()

Threads: one LibraryStore may be shared by threads. Each thread gets its own SQLite connection
(made on first use); WAL lets the GUI thread read while the writer thread writes. Writes are
serialised by an in-process lock held for a whole transaction, and across processes by
BEGIN IMMEDIATE plus a busy timeout. Convention: the GUI writes only from its single writer
thread; reading from any thread is fine. Outside a transaction each read is its own snapshot.
A short-lived worker thread calls release_thread_connection() before it ends; close() only
once no thread is using the store any more. A store never crosses fork(): a child process
opens its own (using the parent's raises LibraryError).

Errors: bad input and storage failures (disk full, I/O error, locked, damaged) raise
LibraryError with the database path and the reason; raw sqlite3 errors only come from SQL a
caller runs itself on the connection `transaction()` yields.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tmer_desktop import paths
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library import db
from tmer_desktop.library.errors import LibraryError
from tmer_desktop.library.rows import (
    FeedbackRow,
    ModelRow,
    NewWindow,
    PredictionRow,
    SessionItemRow,
    SessionRow,
    TrackRow,
    TrackSummary,
    WindowRow,
    encode_features,
)
from tmer_desktop.library.schema import DECISIONS, EMOTIONS
from tmer_desktop.translatable import QT_TRANSLATE_NOOP, as_message
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD, FAILURE_KINDS, TIMELINES

_UNSET: Any = object()
_TRACK_FIELDS = (
    "content_hash", "size", "mtime", "duration", "sample_rate", "channels", "artist", "album",
    "title", "genre", "year", "error", "error_kind", "analysed_at", "window_s", "hop_s", "extractor_version",
    "timeline",
)
_ORDERS = {
    "path": "t.path",
    "title": "coalesce(t.title, t.path)",
    "artist": "coalesce(t.artist, '')",
    "album": "coalesce(t.album, '')",
    "added": "t.added_at",
    "analysed": "t.analysed_at",
    "duration": "t.duration",
    "confidence": "p.confidence",
    "label": "p.label",
}
DEFAULT_REVIEW_THRESHOLD = DEFAULT_THRESHOLD


def _inserted_id(cursor: sqlite3.Cursor) -> int:
    """The row id an INSERT just made (sqlite3 leaves lastrowid None only before any insert)."""
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class LibraryStore:
    """See the module docstring. Create with `LibraryStore.open()`."""

    def __init__(self, path: Path, first_conn: sqlite3.Connection, messages: list[str],
                 moved_aside: Path | None = None):
        self.path = path
        self.open_messages: list[str] = messages
        self.moved_aside = moved_aside
        self._local = threading.local()
        self._local.conn = first_conn
        self._local.depth = 0
        self._conns: list[sqlite3.Connection] = [first_conn]
        self._conns_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self._closed = False
        self._pid = os.getpid()

    # ----------------------------------------------------------------- lifecycle
    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> LibraryStore:
        target = Path(os.path.abspath(path if path is not None else paths.library_db_path()))
        conn, messages, moved = db.open_database(target)
        return cls(target, conn, messages, moved)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._conns_lock:
            if self._closed:
                return
            self._closed = True
            conns, self._conns = self._conns, []
        for conn in conns:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA optimize")
            conn.close()

    def release_thread_connection(self) -> None:
        """Close the calling thread's connection (call before a worker thread ends; the next
        use from this thread opens a new one). close() closes all of them anyway."""
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.depth:
            return
        self._local.conn = None
        with self._conns_lock:
            if conn in self._conns:
                self._conns.remove(conn)
        conn.close()

    def __enter__(self) -> LibraryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _conn(self) -> sqlite3.Connection:
        if self._closed:
            raise LibraryError(f"{self.path}: the library is closed.")
        if os.getpid() != self._pid:
            # SQLite connections must not cross fork(): that can corrupt the database.
            raise LibraryError(
                f"{self.path}: this library was opened in another process; open it again here."
            )
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = db.connect(self.path)
            except sqlite3.Error as exc:
                raise db.cannot_open(self.path, exc) from exc
            with self._conns_lock:
                if self._closed:
                    conn.close()
                    raise LibraryError(f"{self.path}: the library is closed.")
                self._conns.append(conn)
            self._local.conn = conn
            self._local.depth = 0
        return conn

    # ----------------------------------------------------------------- transactions
    @contextlib.contextmanager
    def transaction(self, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """All writes go through here. Yields this thread's connection (for extra SQL).

        The outermost level takes the in-process write lock and BEGIN IMMEDIATE (so no other
        writer can interleave), and COMMITs on normal exit or ROLLBACKs on any exception.
        Nested levels are savepoints: an inner failure that the caller catches undoes only
        the inner block. `durable=True` syncs this commit to disk (synchronous=FULL); only the
        outermost level decides that.
        """
        conn = self._conn()
        depth = self._local.depth
        if depth > 0:
            name = f"sp{depth}"
            conn.execute(f"SAVEPOINT {name}")
            self._local.depth = depth + 1
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            else:
                conn.execute(f"RELEASE {name}")
            finally:
                self._local.depth = depth
            return
        with self._write_lock:
            if durable:
                conn.execute("PRAGMA synchronous = FULL")
            try:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as exc:
                    raise LibraryError(QT_TRANSLATE_NOOP(
                        "Library", "{path}: the library is busy or locked: {detail}"
                    ).format(path=str(self.path), detail=str(exc))) from exc
                self._local.depth = 1
                try:
                    yield conn
                except BaseException as exc:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                    if _is_storage_failure(exc):
                        raise self._save_failed(exc) from exc
                    raise
                try:
                    conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                    raise self._save_failed(exc) from exc
            finally:
                self._local.depth = 0
                if durable:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("PRAGMA synchronous = NORMAL")

    def _save_failed(self, exc: BaseException) -> LibraryError:
        return LibraryError(QT_TRANSLATE_NOOP("Library", "{path}: could not save to the library: {detail}")
                            .format(path=str(self.path), detail=str(exc)))

    def _read(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict[str, Any]]:
        conn = self._conn()
        try:
            cur = conn.execute(sql, params)
        except sqlite3.Error as exc:
            if _is_storage_failure(exc):
                raise LibraryError(QT_TRANSLATE_NOOP(
                    "Library", "{path}: could not read the library: {detail}"
                ).format(path=str(self.path), detail=str(exc))) from exc
            raise
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    # ----------------------------------------------------------------- tracks
    def upsert_track(
        self,
        path: str | os.PathLike,
        *,
        content_hash: str | None = _UNSET,
        size: int | None = _UNSET,
        mtime: float | None = _UNSET,
        duration: float | None = _UNSET,
        sample_rate: int | None = _UNSET,
        channels: int | None = _UNSET,
        artist: str | None = _UNSET,
        album: str | None = _UNSET,
        title: str | None = _UNSET,
        genre: str | None = _UNSET,
        year: int | None = _UNSET,
        error: str | None = _UNSET,
        error_kind: str | None = _UNSET,
        analysed_at: str | None = _UNSET,
        window_s: float | None = _UNSET,
        hop_s: float | None = _UNSET,
        extractor_version: str | None = _UNSET,
        timeline: str | None = _UNSET,
    ) -> int:
        """Insert the track at `path` (absolute, symlinks kept) or update it; returns its id.

        Only the keyword arguments actually given are written; pass None to clear a field.
        `error_kind` (a vocabulary.FailureKind: is the failure worth trying again?) is written
        with `error` and only with it; an error given without a kind has none (NULL).
        """
        given = {k: v for k, v in locals().items() if k in _TRACK_FIELDS and v is not _UNSET}
        if "error_kind" in given and "error" not in given:
            raise LibraryError("A failure kind is written together with the error it is the kind of.")
        if "error" in given:  # English for exports and the CLI, the message for the interface
            message = as_message(error)
            given["error"] = None if error is None else str(error)
            given["error_message"] = message.to_json() if message is not None else None
            kind = given.get("error_kind")
            if kind is not None:
                if error is None:
                    raise LibraryError("A track without an error has no failure kind.")
                _check_choice(str(kind), FAILURE_KINDS, "failure kind")
            given["error_kind"] = None if kind is None else str(kind)
        if given.get("timeline") is not None:
            _check_choice(str(given["timeline"]), TIMELINES, "timeline")
            given["timeline"] = str(given["timeline"])
        key = os.path.abspath(os.fspath(path))
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM tracks WHERE path = ?", (key,)).fetchone()
            if row is None:
                columns = ["path", "added_at", *given]
                values = [key, now_iso(), *given.values()]
                marks = ", ".join("?" for _ in columns)
                cur = conn.execute(
                    f"INSERT INTO tracks ({', '.join(columns)}) VALUES ({marks})", values
                )
                return _inserted_id(cur)
            track_id = int(row[0])
            if given:
                sets = ", ".join(f"{k} = ?" for k in given)
                conn.execute(f"UPDATE tracks SET {sets} WHERE id = ?", [*given.values(), track_id])
            return track_id

    def track(self, track_id: int) -> TrackRow | None:
        rows = self._read("SELECT * FROM tracks WHERE id = ?", (track_id,))
        return TrackRow.from_row(rows[0]) if rows else None

    def track_by_path(self, path: str | os.PathLike) -> TrackRow | None:
        key = os.path.abspath(os.fspath(path))
        rows = self._read("SELECT * FROM tracks WHERE path = ?", (key,))
        return TrackRow.from_row(rows[0]) if rows else None

    def track_by_hash(self, content_hash: str) -> TrackRow | None:
        """The most recently analysed track with these exact bytes (copies share a hash)."""
        rows = self._read(
            "SELECT * FROM tracks WHERE content_hash = ? "
            "ORDER BY analysed_at IS NULL, analysed_at DESC, id DESC LIMIT 1",
            (content_hash,),
        )
        return TrackRow.from_row(rows[0]) if rows else None

    def delete_track(self, track_id: int) -> bool:
        """Removes the track, its windows, predictions and playlist entries; feedback stays."""
        with self.transaction() as conn:
            return conn.execute("DELETE FROM tracks WHERE id = ?", (track_id,)).rowcount > 0

    # ----------------------------------------------------------------- windows
    def replace_windows(self, track_id: int, windows: Iterable[Any]) -> list[int]:
        """Replace all windows of a track (their window-level predictions go too).

        Each window is a NewWindow, a mapping or an object with idx, start, duration, short
        and features (50 values in FEATURE_NAMES order, or a mapping by feature name).
        Returns the new window ids in the order given.
        """
        prepared = [NewWindow.coerce(w) for w in windows]
        with self.transaction() as conn:
            self._require_track(conn, track_id)
            conn.execute("DELETE FROM windows WHERE track_id = ?", (track_id,))
            ids = []
            for w in prepared:
                cur = conn.execute(
                    "INSERT INTO windows (track_id, idx, start, duration, short, features) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (track_id, w.idx, w.start, w.duration, int(w.short), encode_features(w.features)),
                )
                ids.append(_inserted_id(cur))
            return ids

    def windows_for_track(self, track_id: int) -> list[WindowRow]:
        rows = self._read("SELECT * FROM windows WHERE track_id = ? ORDER BY idx", (track_id,))
        return [WindowRow.from_row(r) for r in rows]

    # ----------------------------------------------------------------- predictions
    def add_predictions(
        self,
        track_id: int,
        model_version: str,
        predictions: Iterable[Mapping[str, Any] | Any],
        *,
        replace: bool = True,
    ) -> list[int]:
        """Store predictions of one model for one track.

        Each item (mapping or object) has p_happy, p_sad, p_angry, p_relaxed (or a
        `probabilities` mapping by emotion), label, confidence, decision, and either
        window_id, window_idx (resolved against the track's windows) or neither (track level).
        With replace=True the track's earlier predictions by this model version are removed.
        """
        if not model_version:
            raise LibraryError("A prediction needs the model version that made it.")
        items = [_prediction_values(p) for p in predictions]
        with self.transaction() as conn:
            self._require_track(conn, track_id)
            by_idx = {
                idx: wid
                for wid, idx in conn.execute("SELECT id, idx FROM windows WHERE track_id = ?", (track_id,))
            }
            own_ids = set(by_idx.values())
            if replace:
                conn.execute(
                    "DELETE FROM predictions WHERE track_id = ? AND model_version = ?",
                    (track_id, model_version),
                )
            created = now_iso()
            ids = []
            for item in items:
                window_id = item.pop("window_id")
                window_idx = item.pop("window_idx")
                if window_id is None and window_idx is not None:
                    if window_idx not in by_idx:
                        raise LibraryError(f"Track {track_id} has no window with index {window_idx}.")
                    window_id = by_idx[window_idx]
                elif window_id is not None and window_id not in own_ids:
                    raise _not_in_track(window_id, track_id)
                cur = conn.execute(
                    "INSERT INTO predictions (track_id, window_id, model_version, p_happy, p_sad, "
                    "p_angry, p_relaxed, label, confidence, decision, created_at, unfamiliar) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        track_id, window_id, model_version, item["p_happy"], item["p_sad"],
                        item["p_angry"], item["p_relaxed"], item["label"], item["confidence"],
                        item["decision"], created, item["unfamiliar"],
                    ),
                )
                ids.append(_inserted_id(cur))
            return ids

    def predictions_for_track(
        self, track_id: int, model_version: str | None = None, level: str = "all"
    ) -> list[PredictionRow]:
        """Predictions of one model version; None = the version that predicted this track last.

        level: "track" (the track-level row), "window" (per-window rows, in window order) or
        "all" (track-level first, then windows).
        """
        if level not in ("all", "track", "window"):
            raise ValueError(f"level must be 'all', 'track' or 'window', not {level!r}")
        if model_version is None:
            rows = self._read(
                "SELECT model_version FROM predictions WHERE track_id = ? ORDER BY id DESC LIMIT 1",
                (track_id,),
            )
            if not rows:
                return []
            model_version = rows[0]["model_version"]
        where = {"all": "", "track": "AND p.window_id IS NULL", "window": "AND p.window_id IS NOT NULL"}
        rows = self._read(
            "SELECT p.*, w.idx AS window_idx, w.start AS window_start, w.duration AS window_duration "
            "FROM predictions p LEFT JOIN windows w ON w.id = p.window_id "
            f"WHERE p.track_id = ? AND p.model_version = ? {where[level]} "
            "ORDER BY p.window_id IS NOT NULL, w.idx, p.id",
            (track_id, model_version),
        )
        return [PredictionRow.from_row(r) for r in rows]

    # ----------------------------------------------------------------- listing
    def _summary_sql(self, model_version: str | None) -> tuple[str, list[Any]]:
        # The track-level prediction shown for each track: the given model version's, else the
        # active model's, else the latest one made.
        if model_version is None:
            active = self.active_model()
            model_version = active.version if active else None
        if model_version is not None:
            pick = "p.model_version = ?"
            params: list[Any] = [model_version]
        else:
            pick = "1"
            params = []
        sql = (
            "SELECT t.*, p.id AS p_id, p.model_version AS p_model_version, p.p_happy, p.p_sad, "
            "p.p_angry, p.p_relaxed, p.label AS p_label, p.confidence AS p_confidence, "
            "p.decision AS p_decision, p.created_at AS p_created_at, p.unfamiliar AS p_unfamiliar, "
            "(SELECT count(*) FROM windows w WHERE w.track_id = t.id) AS n_windows "
            "FROM tracks t LEFT JOIN predictions p ON p.id = ("
            "  SELECT max(id) FROM predictions p "
            f"  WHERE p.track_id = t.id AND p.window_id IS NULL AND {pick})"
        )
        return sql, params

    def tracks(
        self,
        *,
        emotion: str | None = None,
        decision: str | None = None,
        search: str | None = None,
        model_version: str | None = None,
        order: str = "path",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[TrackSummary]:
        """Tracks with their track-level prediction (see _summary_sql for which one).

        emotion / decision filter on that prediction; search matches path, title, artist,
        album and genre (case-insensitive substring). order: one of path, title, artist,
        album, added, analysed, duration, confidence, label; prefix "-" for descending.
        """
        sql, params = self._summary_sql(model_version)
        clauses = []
        if emotion is not None:
            _check_choice(emotion, EMOTIONS, "emotion")
            clauses.append("p.label = ?")
            params.append(emotion)
        if decision is not None:
            _check_choice(decision, DECISIONS, "decision")
            clauses.append("p.decision = ?")
            params.append(decision)
        if search:
            pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            fields = ("t.path", "t.title", "t.artist", "t.album", "t.genre")
            clauses.append("(" + " OR ".join(f"{f} LIKE ? ESCAPE '\\'" for f in fields) + ")")
            params.extend([pattern] * len(fields))
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY " + _order_sql(order)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([int(limit), int(offset)])
        return [TrackSummary.from_row(r) for r in self._read(sql, params)]

    def review_queue(
        self,
        threshold: float = DEFAULT_REVIEW_THRESHOLD,
        *,
        model_version: str | None = None,
        include_reviewed: bool = False,
    ) -> list[TrackSummary]:
        """Tracks whose track-level prediction is unsure: decision 'review' or 'top-2', or
        confidence below `threshold`; least confident first. Tracks with track-level feedback
        are left out unless include_reviewed."""
        sql, params = self._summary_sql(model_version)
        sql += " WHERE p.id IS NOT NULL AND (p.decision != 'label' OR p.confidence < ?)"
        params.append(float(threshold))
        if not include_reviewed:
            sql += (
                " AND NOT EXISTS (SELECT 1 FROM feedback f "
                "WHERE f.track_id = t.id AND f.window_id IS NULL)"
            )
        sql += " ORDER BY p.confidence, t.path"
        return [TrackSummary.from_row(r) for r in self._read(sql, params)]

    # ----------------------------------------------------------------- feedback
    def add_feedback(
        self,
        *,
        features: Sequence[float] | Mapping[str, float],
        is_correct: bool,
        track_id: int | None = None,
        window_id: int | None = None,
        start: float | None = None,
        duration: float | None = None,
        predicted_label: str | None = None,
        confidence: float | None = None,
        corrected_label: str | None = None,
        note: str = "",
        model_version: str | None = None,
    ) -> int:
        """Record a user's verdict on a prediction (with a snapshot of the 50 features).

        A correct verdict needs no corrected_label (it may repeat the predicted one); an
        incorrect one may leave it None ("wrong, but I don't know what it is").
        """
        if predicted_label is not None:
            _check_choice(predicted_label, EMOTIONS, "predicted label")
        if corrected_label is not None:
            _check_choice(corrected_label, EMOTIONS, "corrected label")
        if is_correct and corrected_label not in (None, predicted_label):
            raise LibraryError(
                f"Feedback marked correct cannot correct '{predicted_label}' to '{corrected_label}'."
            )
        if not is_correct and corrected_label is not None and corrected_label == predicted_label:
            raise LibraryError(
                f"Feedback marked incorrect cannot confirm the predicted label '{predicted_label}'."
            )
        if confidence is not None:
            confidence = _probability(confidence, "confidence")
        blob = encode_features(NewWindow.coerce_features(features))
        with self.transaction(durable=True) as conn:
            track_path = None
            if track_id is not None:
                track_path = self._require_track(conn, track_id)
            if window_id is not None:
                row = conn.execute(
                    "SELECT track_id, start, duration FROM windows WHERE id = ?", (window_id,)
                ).fetchone()
                if row is None:
                    raise LibraryError(QT_TRANSLATE_NOOP(
                        "Library", "There is no window {window} in the library."
                    ).format(window=window_id))
                if track_id is not None and row[0] != track_id:
                    raise _not_in_track(window_id, track_id)
                if track_id is None:
                    track_id = row[0]
                    track_path = self._require_track(conn, track_id)
                start = row[1] if start is None else start
                duration = row[2] if duration is None else duration
            cur = conn.execute(
                "INSERT INTO feedback (track_id, window_id, track_path, start, duration, "
                "predicted_label, confidence, is_correct, corrected_label, note, model_version, "
                "features, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    track_id, window_id, track_path, start, duration, predicted_label, confidence,
                    int(bool(is_correct)), corrected_label, note or "", model_version, blob, now_iso(),
                ),
            )
            return _inserted_id(cur)

    def feedback_rows(self, *, model_version: str | None = None) -> list[FeedbackRow]:
        sql = "SELECT * FROM feedback"
        params: list[Any] = []
        if model_version is not None:
            sql += " WHERE model_version = ?"
            params.append(model_version)
        return [FeedbackRow.from_row(r) for r in self._read(sql + " ORDER BY id", params)]

    def delete_feedback(self, feedback_id: int) -> bool:
        with self.transaction(durable=True) as conn:
            return conn.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,)).rowcount > 0

    # ----------------------------------------------------------------- sessions (playlists)
    def save_session(
        self,
        title: str,
        items: Iterable[Any],
        *,
        session_id: int | None = None,
        client_pseudonym: str = "",
        notes: str = "",
        goal: str | None = None,
        start_mood: str | None = None,
    ) -> int:
        """Create (session_id None) or overwrite a session playlist; returns its id.

        items: in play order; each a track id, or a mapping/object with track_id and optional
        locked (bool) and reason (str).
        """
        if not title or not title.strip():
            raise LibraryError(QT_TRANSLATE_NOOP("Library", "A session playlist needs a title."))
        if start_mood is not None:
            _check_choice(start_mood, EMOTIONS, "start mood")
        prepared = [_session_item(i) for i in items]
        now = now_iso()
        with self.transaction(durable=True) as conn:
            if session_id is None:
                cur = conn.execute(
                    "INSERT INTO sessions (title, client_pseudonym, notes, goal, start_mood, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (title, client_pseudonym, notes, goal, start_mood, now, now),
                )
                session_id = _inserted_id(cur)
            else:
                cur = conn.execute(
                    "UPDATE sessions SET title = ?, client_pseudonym = ?, notes = ?, goal = ?, "
                    "start_mood = ?, updated_at = ? WHERE id = ?",
                    (title, client_pseudonym, notes, goal, start_mood, now, session_id),
                )
                if cur.rowcount == 0:
                    raise LibraryError(QT_TRANSLATE_NOOP(
                        "Library", "There is no session playlist with id {session}."
                    ).format(session=session_id))
                conn.execute("DELETE FROM session_items WHERE session_id = ?", (session_id,))
            for position, (track_id, locked, reason) in enumerate(prepared):
                self._require_track(conn, track_id)
                message = as_message(reason)
                conn.execute(
                    "INSERT INTO session_items (session_id, position, track_id, locked, reason, "
                    "reason_message) VALUES (?, ?, ?, ?, ?, ?)",
                    (session_id, position, track_id, int(locked), str(reason),
                     message.to_json() if message is not None else None),
                )
            return session_id

    def sessions(self) -> list[SessionRow]:
        rows = self._read(
            "SELECT s.*, (SELECT count(*) FROM session_items i WHERE i.session_id = s.id) AS n_items "
            "FROM sessions s ORDER BY s.updated_at DESC, s.id DESC"
        )
        return [SessionRow.from_row(r) for r in rows]

    def session(self, session_id: int) -> SessionRow | None:
        rows = self._read(
            "SELECT s.*, (SELECT count(*) FROM session_items i WHERE i.session_id = s.id) AS n_items "
            "FROM sessions s WHERE s.id = ?",
            (session_id,),
        )
        return SessionRow.from_row(rows[0]) if rows else None

    def session_items(self, session_id: int) -> list[SessionItemRow]:
        rows = self._read(
            "SELECT i.*, t.path, t.title, t.artist, t.duration FROM session_items i "
            "JOIN tracks t ON t.id = i.track_id WHERE i.session_id = ? ORDER BY i.position",
            (session_id,),
        )
        return [SessionItemRow.from_row(r) for r in rows]

    def delete_session(self, session_id: int) -> bool:
        with self.transaction(durable=True) as conn:
            return conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount > 0

    # ----------------------------------------------------------------- models
    def register_model(
        self,
        version: str,
        path: str | os.PathLike,
        *,
        metrics: Mapping[str, Any] | None = None,
        created_at: str | None = None,
        activate: bool = False,
    ) -> None:
        """Record a model version (idempotent: re-registering updates path and metrics)."""
        if not version:
            raise LibraryError("A model needs a version name.")
        text = json.dumps(dict(metrics or {}), sort_keys=True, allow_nan=True)
        with self.transaction(durable=True) as conn:
            conn.execute(
                "INSERT INTO models (version, path, created_at, metrics) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(version) DO UPDATE SET path = excluded.path, metrics = excluded.metrics",
                (version, os.fspath(path), created_at or now_iso(), text),
            )
            if activate:
                self.set_active_model(version)

    def set_active_model(self, version: str | None) -> None:
        """Make `version` the one active model (None: no active model)."""
        with self.transaction(durable=True) as conn:
            if version is not None and conn.execute(
                "SELECT 1 FROM models WHERE version = ?", (version,)
            ).fetchone() is None:
                raise LibraryError(QT_TRANSLATE_NOOP(
                    "Library", "There is no registered model version '{version}'."
                ).format(version=version))
            conn.execute("UPDATE models SET active = 0 WHERE active = 1")
            if version is not None:
                conn.execute("UPDATE models SET active = 1 WHERE version = ?", (version,))

    def active_model(self) -> ModelRow | None:
        rows = self._read("SELECT * FROM models WHERE active = 1")
        return ModelRow.from_row(rows[0]) if rows else None

    def models(self) -> list[ModelRow]:
        return [ModelRow.from_row(r) for r in self._read("SELECT * FROM models ORDER BY created_at, version")]

    # ----------------------------------------------------------------- misc
    def feature_names(self) -> tuple[str, ...]:
        """The feature order the stored blobs use (written when the database was created)."""
        rows = self._read("SELECT value FROM meta WHERE key = 'feature_names'")
        return tuple(json.loads(rows[0]["value"])) if rows else FEATURE_NAMES

    def schema_version(self) -> int:
        return int(self._conn().execute("PRAGMA user_version").fetchone()[0])

    def _require_track(self, conn: sqlite3.Connection, track_id: int) -> str:
        row = conn.execute("SELECT path FROM tracks WHERE id = ?", (track_id,)).fetchone()
        if row is None:
            raise LibraryError(QT_TRANSLATE_NOOP(
                "Library", "There is no track with id {track} in the library."
            ).format(track=track_id))
        return row[0]


# --------------------------------------------------------------------- input checking
def _not_in_track(window_id: Any, track_id: Any) -> LibraryError:
    # Seen when a track was analysed again while its old window was being corrected.
    return LibraryError(QT_TRANSLATE_NOOP("Library", "Window {window} does not belong to track {track}.")
                        .format(window=window_id, track=track_id))


def _is_storage_failure(exc: BaseException) -> bool:
    """Disk full, I/O error, locked, corrupt: the user's problem to see. Constraint and SQL
    mistakes stay sqlite3 errors: they are bugs in the caller."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(
        exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError)
    )


def _check_choice(value: str, choices: Sequence[str], what: str) -> None:
    if value not in choices:
        raise LibraryError(f"Unknown {what} '{value}'; expected one of: {', '.join(choices)}.")


def _probability(value: Any, what: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise LibraryError(f"The {what} must be a number between 0 and 1, not {value!r}.") from None
    if not math.isfinite(number) or not 0.0 <= number <= 1.0:
        raise LibraryError(f"The {what} must be between 0 and 1, not {value!r}.")
    return number


def _field(obj: Any, name: str, default: Any = _UNSET) -> Any:
    if isinstance(obj, Mapping):
        value = obj.get(name, default)
    else:
        value = getattr(obj, name, default)
    if value is _UNSET:
        raise LibraryError(f"Missing field '{name}' in {type(obj).__name__}.")
    return value


def _prediction_values(item: Any) -> dict[str, Any]:
    probs = _field(item, "probabilities", None)
    values: dict[str, Any] = {}
    for emotion in EMOTIONS:
        raw = probs[emotion] if probs is not None else _field(item, f"p_{emotion}")
        values[f"p_{emotion}"] = _probability(raw, f"probability of {emotion}")
    total = sum(values.values())
    if abs(total - 1.0) > 1e-3:
        raise LibraryError(f"The four emotion probabilities must add up to 1, not {total:.4f}.")
    label = _field(item, "label")
    decision = _field(item, "decision")
    _check_choice(label, EMOTIONS, "label")
    _check_choice(decision, DECISIONS, "decision")
    values["label"] = label
    values["decision"] = decision
    values["confidence"] = _probability(_field(item, "confidence"), "confidence")
    values["window_id"] = _field(item, "window_id", None)
    values["window_idx"] = _field(item, "window_idx", None)
    unfamiliar = _field(item, "unfamiliar", None)
    values["unfamiliar"] = None if unfamiliar is None else int(bool(unfamiliar))
    return values


def _session_item(item: Any) -> tuple[int, bool, str]:
    if isinstance(item, int):
        return item, False, ""
    reason = _field(item, "reason", "") or ""
    # A marked reason keeps its message (translatable.Message is a str); anything else as text.
    return int(_field(item, "track_id")), bool(_field(item, "locked", False)), as_message(reason) or str(reason)


def _order_sql(order: str) -> str:
    descending = order.startswith("-")
    key = order[1:] if descending else order
    if key not in _ORDERS:
        raise LibraryError(f"Unknown sort order '{order}'; expected one of: {', '.join(_ORDERS)}.")
    direction = "DESC" if descending else "ASC"
    # Tracks without the sort value (e.g. not predicted yet) go last either way.
    return f"{_ORDERS[key]} IS NULL, {_ORDERS[key]} {direction}, t.path"
