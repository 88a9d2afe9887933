"""The corrections as the library stores them: every feedback entry with the track it was given on.

The library knows nothing of the model's corrections CSV (model/corrections.py);
tmer_desktop.analysis.corrections turns these entries into the model's records.

    feedback_entries(store) -> list[FeedbackEntry]      # oldest first
"""

from __future__ import annotations

from dataclasses import dataclass

from tmer_desktop.library.rows import FeedbackRow, TrackRow
from tmer_desktop.library.store import LibraryStore


@dataclass(frozen=True)
class FeedbackEntry:
    feedback: FeedbackRow
    track: TrackRow | None  # None once the track was removed from the library


def feedback_entries(store: LibraryStore) -> list[FeedbackEntry]:
    """Every feedback entry of the library, oldest first, with its track if it still exists."""
    tracks: dict[int, TrackRow | None] = {}
    entries = []
    for row in store.feedback_rows():
        track = None
        if row.track_id is not None:
            if row.track_id not in tracks:
                tracks[row.track_id] = store.track(row.track_id)
            track = tracks[row.track_id]
        entries.append(FeedbackEntry(row, track))
    return entries
