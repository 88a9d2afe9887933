"""Exports of the library (CSV, Parquet), always written atomically.

    atomic_write_bytes(path, data) / atomic_write_text(path, text) / atomic_output(path)
        (from tmer_desktop.atomic)
    tracks_frame(store, model_version=None) -> pandas.DataFrame     # one row per track
    windows_frame(store, model_version=None, *, track_ids=None, with_features=False)
                                                                    # one row per window
    write_frame(frame, path, kind=None) -> int                      # atomic CSV/Parquet
    export_tracks(store, path, model_version=None) -> int           # rows written
    export_windows(store, path, model_version=None) -> int
The format follows the suffix: .csv, or .parquet / .pq. CSV text cells are made safe for
spreadsheets (tmer_desktop.csvfile: a title "=HYPERLINK(...)" is not run as a formula; numbers stay
numbers). Failures raise WriteError naming the file and the reason; the previous file at that
path is left untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from tmer_desktop.atomic import atomic_output, atomic_write_bytes, atomic_write_text
from tmer_desktop.csvfile import write_frame_csv
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library.errors import WriteError
from tmer_desktop.library.schema import EMOTIONS
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

__all__ = [
    "atomic_output",
    "atomic_write_bytes",
    "atomic_write_text",
    "export_tracks",
    "export_windows",
    "tracks_frame",
    "rounded_for_csv",
    "typed_frame",
    "windows_frame",
    "write_frame",
    "TRACK_COLUMNS",
    "WINDOW_COLUMNS",
]

_PROBS = [f"p_{e}" for e in EMOTIONS]
# The first ten match `tmer tag --out` (DESIGN.md); the rest describe the track.
TRACK_COLUMNS = [
    "path", "label", "confidence", "decision", *_PROBS, "n_windows", "error",
    "title", "artist", "album", "genre", "year", "duration", "sample_rate", "channels",
    "content_hash", "model_version", "analysed_at", "unfamiliar",
]
WINDOW_COLUMNS = [
    "path", "window", "start", "duration", "short", "label", "confidence", "decision", *_PROBS,
    "model_version",
]


def tracks_frame(store: LibraryStore, model_version: str | None = None) -> pd.DataFrame:
    records = []
    for s in store.tracks(model_version=model_version):
        t, p = s.track, s.prediction
        records.append({
            "path": t.path,
            "label": p.label if p else None,
            "confidence": p.confidence if p else None,
            "decision": p.decision if p else None,
            **{k: (getattr(p, k) if p else None) for k in _PROBS},
            "n_windows": s.n_windows,
            "error": t.error,
            "title": t.title, "artist": t.artist, "album": t.album, "genre": t.genre,
            "year": t.year, "duration": t.duration, "sample_rate": t.sample_rate,
            "channels": t.channels, "content_hash": t.content_hash,
            "model_version": p.model_version if p else None,
            "analysed_at": t.analysed_at,
            "unfamiliar": p.unfamiliar if p else None,
        })
    return typed_frame(pd.DataFrame.from_records(records, columns=TRACK_COLUMNS))


def windows_frame(store: LibraryStore, model_version: str | None = None, *,
                  track_ids: list[int] | None = None, with_features: bool = False) -> pd.DataFrame:
    """One row per window: of every track, or of `track_ids` in that order (then the
    predictions of `model_version`); with the 50 features as extra columns on request."""
    if track_ids is None:
        targets = [(s.id, s.path, model_version or (s.prediction.model_version if s.prediction else None))
                   for s in store.tracks(model_version=model_version)]
    else:
        targets = [(t.id, t.path, model_version) for t in map(store.track, track_ids) if t is not None]
    records = []
    for track_id, path, version in targets:
        predicted = {
            p.window_id: p
            for p in store.predictions_for_track(track_id, model_version=version, level="window")
        } if version else {}
        for w in store.windows_for_track(track_id):
            p = predicted.get(w.id)
            records.append({
                "path": path, "window": w.idx, "start": w.start, "duration": w.duration,
                "short": w.short,
                "label": p.label if p else None,
                "confidence": p.confidence if p else None,
                "decision": p.decision if p else None,
                **{k: (getattr(p, k) if p else None) for k in _PROBS},
                "model_version": p.model_version if p else None,
                **(dict(zip(FEATURE_NAMES, w.features)) if with_features else {}),
            })
    columns = [*WINDOW_COLUMNS, *FEATURE_NAMES] if with_features else WINDOW_COLUMNS
    return typed_frame(pd.DataFrame.from_records(records, columns=columns))


def typed_frame(frame: pd.DataFrame) -> pd.DataFrame:
    # Explicit dtypes, so an all-empty column still has a sensible Parquet type.
    floats = {"confidence", *_PROBS, "duration", "start", *FEATURE_NAMES}
    ints = {"n_windows", "year", "sample_rate", "channels", "window", "unfamiliar"}
    for column in frame.columns:
        if column in floats:
            frame[column] = frame[column].astype("float64")
        elif column in ints:
            frame[column] = frame[column].astype("Int64")
        elif column == "short":
            frame[column] = frame[column].astype("boolean")
        else:
            frame[column] = frame[column].astype("string")
    return frame


PROBABILITY_DIGITS = 4


def rounded_for_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """Probabilities and confidences to 4 decimals (as people read them; Parquet keeps full
    precision); features and times as they are."""
    columns = [c for c in ("confidence", *_PROBS) if c in frame.columns]
    if not columns:
        return frame
    return frame.assign(**{c: frame[c].round(PROBABILITY_DIGITS) for c in columns})


def write_frame(frame: pd.DataFrame, path: str | os.PathLike, kind: str | None = None) -> int:
    """Write a frame atomically as CSV or Parquet (`kind`, else by suffix); returns the row count."""
    target = Path(path)
    if kind is None:
        kind = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(target.suffix.lower())
    if kind not in ("csv", "parquet"):
        raise WriteError(target, QT_TRANSLATE_NOOP(
            "Files", "unknown export format; use a .csv or .parquet file name"))
    if kind == "csv":
        return write_frame_csv(rounded_for_csv(frame), target)
    with atomic_output(target) as tmp:
        frame.to_parquet(tmp, index=False, engine="pyarrow")
    return len(frame)


def export_tracks(store: LibraryStore, path: str | os.PathLike, model_version: str | None = None) -> int:
    return write_frame(tracks_frame(store, model_version), path)


def export_windows(store: LibraryStore, path: str | os.PathLike, model_version: str | None = None) -> int:
    return write_frame(windows_frame(store, model_version), path)
