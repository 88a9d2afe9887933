"""The library's SQL schema as an ordered list of migration steps (PRAGMA user_version).

Step N turns a version N-1 database into version N. A fresh database runs every step; an
existing one runs only the steps it lacks (db.py takes a backup first). Never edit a released
step: append a new one.

Features are stored as one BLOB of 50 little-endian float64 in FEATURE_NAMES order; the names
themselves are stored in the `meta` table (key 'feature_names', a JSON list), so a blob can
always be read back by name even if the app's column list changes one day.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.vocabulary import DECISIONS, EMOTIONS, FAILURE_KINDS, TIMELINES, FailureKind  # noqa: F401 (re-exported)

_EMOTION_LIST = ", ".join(f"'{e}'" for e in EMOTIONS)
_DECISION_LIST = ", ".join(f"'{d}'" for d in DECISIONS)
_FAILURE_KIND_LIST = ", ".join(f"'{k}'" for k in FAILURE_KINDS)
_TIMELINE_LIST = ", ".join(f"'{t}'" for t in TIMELINES)

_V1 = f"""
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE tracks (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,
    content_hash  TEXT,
    size          INTEGER,
    mtime         REAL,
    duration      REAL,
    sample_rate   INTEGER,
    channels      INTEGER,
    artist        TEXT,
    album         TEXT,
    title         TEXT,
    genre         TEXT,
    year          INTEGER,
    error         TEXT,
    added_at      TEXT NOT NULL,
    analysed_at   TEXT
);
CREATE INDEX tracks_content_hash ON tracks(content_hash);

CREATE TABLE windows (
    id        INTEGER PRIMARY KEY,
    track_id  INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     REAL NOT NULL,
    duration  REAL NOT NULL,
    short     INTEGER NOT NULL DEFAULT 0 CHECK (short IN (0, 1)),
    features  BLOB NOT NULL CHECK (length(features) = {8 * len(FEATURE_NAMES)}),
    UNIQUE (track_id, idx)
);

CREATE TABLE predictions (
    id             INTEGER PRIMARY KEY,
    track_id       INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    window_id      INTEGER REFERENCES windows(id) ON DELETE CASCADE,
    model_version  TEXT NOT NULL,
    p_happy        REAL NOT NULL CHECK (p_happy BETWEEN 0 AND 1),
    p_sad          REAL NOT NULL CHECK (p_sad BETWEEN 0 AND 1),
    p_angry        REAL NOT NULL CHECK (p_angry BETWEEN 0 AND 1),
    p_relaxed      REAL NOT NULL CHECK (p_relaxed BETWEEN 0 AND 1),
    label          TEXT NOT NULL CHECK (label IN ({_EMOTION_LIST})),
    confidence     REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    decision       TEXT NOT NULL CHECK (decision IN ({_DECISION_LIST})),
    created_at     TEXT NOT NULL
);
CREATE INDEX predictions_track ON predictions(track_id, window_id);

-- Feedback outlives the track and window it was given on (SET NULL): it carries its own
-- feature snapshot and path, so a retrain never needs the audio or the analysis again.
CREATE TABLE feedback (
    id               INTEGER PRIMARY KEY,
    track_id         INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
    window_id        INTEGER REFERENCES windows(id) ON DELETE SET NULL,
    track_path       TEXT,
    start            REAL,
    duration         REAL,
    predicted_label  TEXT CHECK (predicted_label IN ({_EMOTION_LIST})),
    confidence       REAL CHECK (confidence BETWEEN 0 AND 1),
    is_correct       INTEGER NOT NULL CHECK (is_correct IN (0, 1)),
    corrected_label  TEXT CHECK (corrected_label IN ({_EMOTION_LIST})),
    note             TEXT NOT NULL DEFAULT '',
    model_version    TEXT,
    features         BLOB NOT NULL CHECK (length(features) = {8 * len(FEATURE_NAMES)}),
    created_at       TEXT NOT NULL
);
CREATE INDEX feedback_track ON feedback(track_id, window_id);

CREATE TABLE sessions (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    client_pseudonym  TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    goal              TEXT,
    start_mood        TEXT CHECK (start_mood IN ({_EMOTION_LIST})),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

CREATE TABLE session_items (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    track_id    INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    locked      INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    reason      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, position)
);
CREATE INDEX session_items_track ON session_items(track_id);

CREATE TABLE models (
    version     TEXT PRIMARY KEY,
    path        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    metrics     TEXT NOT NULL DEFAULT '{{}}',
    active      INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
-- At most one active model, enforced by the database itself.
CREATE UNIQUE INDEX models_one_active ON models(active) WHERE active = 1;
"""


def _step_1(conn: sqlite3.Connection) -> None:
    for statement in _split(_V1):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('feature_names', ?)", (json.dumps(list(FEATURE_NAMES)),)
    )


# v2: remember how each track was analysed, so a resumed batch can tell whether the stored
# windows still match the current window/hop settings and extractor, and find a model's
# predictions quickly (model comparison, rollback).
_V2 = """
ALTER TABLE tracks ADD COLUMN window_s REAL;
ALTER TABLE tracks ADD COLUMN hop_s REAL;
ALTER TABLE tracks ADD COLUMN extractor_version TEXT;
CREATE INDEX predictions_model ON predictions(model_version, track_id);
"""


def _step_2(conn: sqlite3.Connection) -> None:
    for statement in _split(_V2):
        conn.execute(statement)


# v3: a track's error and a session slot's reason also as translatable messages (JSON of
# translatable.Message), so the interface can show them in the user's language; `error` and
# `reason` keep the English text.
_V3 = """
ALTER TABLE tracks ADD COLUMN error_message TEXT;
ALTER TABLE session_items ADD COLUMN reason_message TEXT;
"""


def _step_3(conn: sqlite3.Connection) -> None:
    for statement in _split(_V3):
        conn.execute(statement)


# v4: whether the music of a window or track is unlike what the model learnt from (model.train.
# Familiarity): 1 unfamiliar, 0 familiar, NULL not assessed (predictions made before v4).
_V4 = """
ALTER TABLE predictions ADD COLUMN unfamiliar INTEGER CHECK (unfamiliar IN (0, 1));
"""


def _step_4(conn: sqlite3.Connection) -> None:
    for statement in _split(_V4):
        conn.execute(statement)


# v5: whether a track's failure is worth trying again, as data (vocabulary.FailureKind):
# 'transient' or 'permanent'; NULL on a track without an error.
_V5 = f"""
ALTER TABLE tracks ADD COLUMN error_kind TEXT CHECK (error_kind IN ({_FAILURE_KIND_LIST}));
"""
# Up to v4 the kind was read from the English start of `error` (these four, as the batch wrote
# them then); the rows of those versions get their kind from it here, once.
_V4_TRANSIENT_STARTS = (
    "the analysis process crashed",
    "the analysis process stopped unexpectedly",
    "the analysis process was stopped from outside",
    "timed out after",
)


def _step_5(conn: sqlite3.Connection) -> None:
    for statement in _split(_V5):
        conn.execute(statement)
    conn.execute("UPDATE tracks SET error_kind = ? WHERE error IS NOT NULL", (FailureKind.PERMANENT.value,))
    for start in _V4_TRANSIENT_STARTS:
        conn.execute("UPDATE tracks SET error_kind = ? WHERE substr(error, 1, ?) = ?",
                     (FailureKind.TRANSIENT.value, len(start), start))


# v6: the level of analysis of a track's stored timeline (vocabulary.Timeline): 'coarse'
# (non-overlapping windows, what a batch makes) or 'fine' (overlapping windows, made on request or
# when the player opens the track); NULL for a track without analysis. Up to v5 every batch made the
# fine timeline (hop < window); a timeline whose hop equals its window is the coarse one.
_V6 = f"""
ALTER TABLE tracks ADD COLUMN timeline TEXT CHECK (timeline IN ({_TIMELINE_LIST}));
UPDATE tracks SET timeline = CASE WHEN hop_s < window_s - 1e-9 THEN 'fine' ELSE 'coarse' END
    WHERE error IS NULL AND window_s IS NOT NULL AND hop_s IS NOT NULL
    AND EXISTS (SELECT 1 FROM windows w WHERE w.track_id = tracks.id);
"""


def _step_6(conn: sqlite3.Connection) -> None:
    for statement in _split(_V6):
        conn.execute(statement)


def _split(script: str) -> list[str]:
    # executescript() would COMMIT the surrounding transaction; run statements one by one.
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _step_1,
    2: _step_2,
    3: _step_3,
    4: _step_4,
    5: _step_5,
    6: _step_6,
}

SCHEMA_VERSION: int = max(MIGRATIONS)
