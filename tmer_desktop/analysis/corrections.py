"""The library's corrections as the model's records, and their export: the glue between
library/ (the feedback entries as stored) and model/ (the corrections record and its CSV).

    correction_record(entry) -> FeedbackRecord
    feedback_records(store, *, anonymise=False) -> list[FeedbackRecord]   # oldest first
    export_feedback(out, *, store, anonymise=False) -> int                # rows written
"""

from __future__ import annotations

import os

from tmer_desktop.library.feedback import FeedbackEntry, feedback_entries
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.corrections import FeedbackRecord, anonymised, make_clip_id, write_feedback_csv


def correction_record(entry: FeedbackEntry) -> FeedbackRecord:
    """One feedback entry with its track's metadata (when the track still exists) as a record."""
    row, track = entry.feedback, entry.track
    track_hash = track.content_hash if track is not None else None
    path = row.track_path or (track.path if track is not None else None)
    return FeedbackRecord(
        feedback_id=row.id,
        clip_id=make_clip_id(track_hash, row.track_id, row.start, row.id),
        track_id=row.track_id,
        window_id=row.window_id,
        track_hash=track_hash,
        track_path=path,
        file_name=os.path.basename(path) if path else None,
        start=row.start,
        duration=row.duration,
        predicted_label=row.predicted_label,
        confidence=row.confidence,
        is_correct=bool(row.is_correct),
        corrected_label=row.corrected_label,
        note=row.note or None,
        created_at=row.created_at,
        model_version=row.model_version,
        artist=track.artist if track is not None else None,
        album=track.album if track is not None else None,
        title=track.title if track is not None else None,
        genre=track.genre if track is not None else None,
        features=tuple(float(v) for v in row.features),
    )


def feedback_records(store: LibraryStore, *, anonymise: bool = False) -> list[FeedbackRecord]:
    """Every correction of the library, oldest first, with the track's metadata if it still exists."""
    records = [correction_record(entry) for entry in feedback_entries(store)]
    return [anonymised(r) for r in records] if anonymise else records


def export_feedback(out: str | os.PathLike, *, store: LibraryStore, anonymise: bool = False) -> int:
    """All corrections of the library to `out` in the retraining schema (atomic); the row count."""
    return write_feedback_csv(feedback_records(store, anonymise=anonymise), out)
