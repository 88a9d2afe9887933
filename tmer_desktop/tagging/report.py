"""The results files of `tmer tag`: one row per track, and optionally one row per window.

Columns are documented in docs/tagging.md. Frames are built and written by library.exports, atomically:
an interrupted write never leaves half a file, and the previous file stays until replaced.
"""

from __future__ import annotations

import os

import pandas as pd

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library import exports
from tmer_desktop.library.exports import typed_frame
from tmer_desktop.vocabulary import EMOTIONS

PROB_COLUMNS = [f"p_{e}" for e in EMOTIONS]
# The DESIGN.md contract's columns, then whether the music is unfamiliar to the model (1/0, empty: not assessed),
# then the track as the library knows it (its id for `tmer library info` and `tmer playlist --include`).
RESULT_COLUMNS = ["path", "label", "confidence", "decision", *PROB_COLUMNS, "n_windows", "error", "unfamiliar",
                  "track_id", "title", "artist", "album", "duration"]
WINDOW_COLUMNS = [*exports.WINDOW_COLUMNS, *FEATURE_NAMES]


def result_row(result, track=None) -> dict:
    """One results row; `track` (the library's TrackRow, if any) adds its id, tags and duration."""
    probs = result.probs or {}
    return {
        "path": result.path, "label": result.label, "confidence": result.confidence,
        "decision": result.decision, **{f"p_{e}": probs.get(e) for e in EMOTIONS},
        "n_windows": result.n_windows, "error": result.error,
        "unfamiliar": None if getattr(result, "unfamiliar", None) is None else int(result.unfamiliar),
        "track_id": track.id if track else None, "title": track.title if track else None,
        "artist": track.artist if track else None, "album": track.album if track else None,
        "duration": track.duration if track else None,
    }


def results_frame(results, store=None) -> pd.DataFrame:
    """The results rows; with the library `store`, each tagged track's id, tags and duration."""
    def track_of(result):
        if store is None or result.track_id is None:
            return None
        return store.track(result.track_id)

    records = [result_row(r, track_of(r)) for r in results]
    return typed_frame(pd.DataFrame.from_records(records, columns=RESULT_COLUMNS))


def windows_frame(results, model_version: str | None, store) -> pd.DataFrame:
    """Per-window rows (with the 50 features) of the tagged tracks in `results`, from the library `store`."""
    track_ids = [r.track_id for r in results if r.track_id is not None and r.label is not None]
    return exports.windows_frame(store, model_version, track_ids=track_ids, with_features=True)


def write_results(results, path: str | os.PathLike, kind: str, store=None) -> int:
    return exports.write_frame(results_frame(results, store), path, kind)


def write_windows(results, path: str | os.PathLike, kind: str, model_version: str | None, store) -> int:
    return exports.write_frame(windows_frame(results, model_version, store), path, kind)
