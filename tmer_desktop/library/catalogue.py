"""The tracks of a library by id or path: find, describe, remove (`tmer library list|info|remove`).

    find_tracks(store, refs) -> list[TrackRow]      # ids ("12") or paths; UnknownTrackError lists the rest
    track_info(store, track_id) -> dict             # the track, its prediction and a windows summary
    remove_tracks(store, track_ids) -> list[TrackRow]  # from the library only, never the audio file
    demo_tracks(store) -> list[TrackRow]            # the bundled demo clips tagged into this library
    summary_record(summary) -> dict                 # one `library list` row, JSON-able

Removing a track takes its windows, predictions and session entries with it; corrections made
on it stay (they carry their own features and still count for retraining).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

from tmer_desktop import paths
from tmer_desktop.errors import UsageError
from tmer_desktop.library.exports import PROBABILITY_DIGITS
from tmer_desktop.library.rows import TrackRow, TrackSummary
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.vocabulary import EMOTIONS


class UnknownTrackError(UsageError):
    """Some of the tracks asked for are not in the library (nothing was done)."""


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), PROBABILITY_DIGITS)


def find_tracks(store: LibraryStore, refs: list[str]) -> list[TrackRow]:
    """The tracks named by `refs` — a track id, or the path of a file in the library — in order,
    each once. Raises UnknownTrackError naming every ref that matches no track."""
    found: dict[int, TrackRow] = {}
    unknown: list[str] = []
    for ref in refs:
        text = str(ref).strip()
        track = store.track(int(text)) if text.isdigit() else None
        if track is None:
            track = store.track_by_path(Path(text).expanduser())
        if track is None:
            unknown.append(ref)
        else:
            found.setdefault(track.id, track)
    if unknown:
        shown = ", ".join(unknown)
        raise UnknownTrackError(f"not in the library {store.path}: {shown} (track ids are listed by "
                                f"'tmer library list'); nothing was changed")
    return list(found.values())


def is_demo_path(path: str) -> bool:
    """A bundled demo clip: in the app's resources/demo folder (of this or any installed copy)."""
    p = Path(path)
    try:
        if p.resolve().is_relative_to(paths.DEMO_DIR.resolve()):
            return True
    except OSError:
        pass
    return p.parent.name == "demo" and p.parent.parent.name == "resources" and p.name.startswith("demo_")


def demo_tracks(store: LibraryStore) -> list[TrackRow]:
    return [s.track for s in store.tracks() if is_demo_path(s.path)]


def remove_tracks(store: LibraryStore, track_ids: list[int]) -> list[TrackRow]:
    """Remove these tracks from the library (the audio files stay); returns the rows removed."""
    removed = []
    for track_id in track_ids:
        track = store.track(track_id)
        if track is not None and store.delete_track(track_id):
            removed.append(track)
    return removed


def summary_record(summary: TrackSummary) -> dict[str, Any]:
    t, p = summary.track, summary.prediction
    return {
        "id": t.id, "path": t.path, "title": t.title, "artist": t.artist, "album": t.album,
        "duration": t.duration,
        "label": p.label if p else None, "confidence": _rounded(p.confidence) if p else None,
        "decision": p.decision if p else None,
        **{f"p_{e}": (_rounded(getattr(p, f"p_{e}")) if p else None) for e in EMOTIONS},
        "model_version": p.model_version if p else None,
        "n_windows": summary.n_windows, "analysed_at": t.analysed_at,
        "error": str(t.error) if t.error else None, "demo": is_demo_path(t.path),
    }


def track_info(store: LibraryStore, track_id: int) -> dict[str, Any]:
    """One track as `tmer library info` shows it: the `list` record plus the file's details and
    a summary of its windows (their labels and decisions, with the stretches of each label)."""
    matches = [s for s in store.tracks() if s.id == track_id]
    if not matches:
        raise UnknownTrackError(f"not in the library {store.path}: {track_id}")
    summary = matches[0]
    record = summary_record(summary)
    t = summary.track
    record.update({
        "genre": t.genre, "year": t.year, "sample_rate": t.sample_rate, "channels": t.channels,
        "added_at": t.added_at, "window_s": t.window_s, "hop_s": t.hop_s,
        "file_exists": os.path.exists(t.path),
    })
    version = summary.prediction.model_version if summary.prediction else None
    windows = store.predictions_for_track(track_id, model_version=version, level="window") if version else []
    stretches: list[dict[str, Any]] = []
    for w in windows:
        start = float(w.window_start or 0.0)
        end = start + float(w.window_duration or 0.0)
        if stretches and stretches[-1]["label"] == w.label:
            stretches[-1]["end"] = end
            stretches[-1]["windows"] += 1
        else:
            stretches.append({"label": w.label, "start": start, "end": end, "windows": 1})
    record["windows"] = {
        "count": summary.n_windows,
        "labels": dict(Counter(w.label for w in windows)),
        "decisions": dict(Counter(w.decision for w in windows)),
        "stretches": stretches,
    }
    return record
