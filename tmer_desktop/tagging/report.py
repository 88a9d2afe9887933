"""The results files of `tmer tag`: one row per track, and optionally one row per window.

Columns are documented in docs/tagging.md. Files are written atomically (library.atomic):
an interrupted write never leaves half a file, and the previous file stays until replaced.
"""

from __future__ import annotations

import os

import pandas as pd

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library.atomic import atomic_output
from tmer_desktop.tagging.worker import EMOTIONS

PROB_COLUMNS = [f"p_{e}" for e in EMOTIONS]
RESULT_COLUMNS = ["path", "label", "confidence", "decision", *PROB_COLUMNS, "n_windows", "error"]
WINDOW_COLUMNS = ["path", "window", "start", "duration", "short", "label", "confidence", "decision",
                  *PROB_COLUMNS, "model_version", *FEATURE_NAMES]

_FLOATS = {"confidence", "start", "duration", *PROB_COLUMNS, *FEATURE_NAMES}
_INTS = {"n_windows", "window"}


def result_row(result) -> dict:
    probs = result.probs or {}
    return {
        "path": result.path, "label": result.label, "confidence": result.confidence,
        "decision": result.decision, **{f"p_{e}": probs.get(e) for e in EMOTIONS},
        "n_windows": result.n_windows, "error": result.error,
    }


def results_frame(results) -> pd.DataFrame:
    return _typed(pd.DataFrame.from_records([result_row(r) for r in results], columns=RESULT_COLUMNS))


def windows_frame(results, model_version: str | None, store=None) -> pd.DataFrame:
    """Per-window rows of the tracks in `results`, read back from the library."""
    own = store is None
    if own:
        from tmer_desktop.library.store import LibraryStore

        store = LibraryStore.open()
    records = []
    try:
        for r in results:
            if r.track_id is None or r.label is None:
                continue
            predicted = {p.window_id: p for p in store.predictions_for_track(r.track_id, model_version, level="window")}
            for w in store.windows_for_track(r.track_id):
                p = predicted.get(w.id)
                records.append({
                    "path": r.path, "window": w.idx, "start": w.start, "duration": w.duration, "short": w.short,
                    "label": p.label if p else None, "confidence": p.confidence if p else None,
                    "decision": p.decision if p else None,
                    **{f"p_{e}": (getattr(p, f"p_{e}") if p else None) for e in EMOTIONS},
                    "model_version": p.model_version if p else None,
                    **dict(zip(FEATURE_NAMES, w.features)),
                })
    finally:
        if own:
            store.close()
    return _typed(pd.DataFrame.from_records(records, columns=WINDOW_COLUMNS))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    # Explicit dtypes so that an all-empty column still gets a sensible Parquet type.
    for column in frame.columns:
        if column in _FLOATS:
            frame[column] = frame[column].astype("float64")
        elif column in _INTS:
            frame[column] = frame[column].astype("Int64")
        elif column == "short":
            frame[column] = frame[column].astype("boolean")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def write_frame(frame: pd.DataFrame, path: str | os.PathLike, kind: str) -> int:
    with atomic_output(path) as tmp:
        if kind == "csv":
            frame.to_csv(tmp, index=False, encoding="utf-8")
        else:
            frame.to_parquet(tmp, index=False, engine="pyarrow")
    return len(frame)


def write_results(results, path: str | os.PathLike, kind: str) -> int:
    return write_frame(results_frame(results), path, kind)


def write_windows(results, path: str | os.PathLike, kind: str, model_version: str | None, store=None) -> int:
    return write_frame(windows_frame(results, model_version, store), path, kind)
