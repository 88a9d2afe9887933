"""Tracks a session can use: tagged library tracks with their emotion, confidence and place.

`load_candidates(store)` reads every track that has a track-level prediction, a known
duration and no analysis error, and computes its valence/arousal position (see space.py).
Tempo is the mean `_Tempo_Mean` over the track's analysis windows.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from tmer_desktop.playlists.space import (
    EMOTIONS,
    TEMPO_COLUMN,
    Point,
    TempoScale,
    track_position,
    training_tempo_scale,
)
from tmer_desktop.translatable import QT_TRANSLATE_NOOP, joined

# Why a library track is not a candidate (CandidatePool.skipped's keys), as a counted phrase.
SKIPPED_PHRASES: dict[str, str] = {
    "not tagged yet": QT_TRANSLATE_NOOP("Playlists", "{count} not tagged yet"),
    "with an analysis error": QT_TRANSLATE_NOOP("Playlists", "{count} with an analysis error"),
    "without a known duration": QT_TRANSLATE_NOOP("Playlists", "{count} without a known duration"),
    "whose file is missing": QT_TRANSLATE_NOOP("Playlists", "{count} whose file is missing"),
}


@dataclass(frozen=True)
class Candidate:
    """One track the builder may place in a session."""

    track_id: int
    path: str
    duration: float  # seconds
    probabilities: Mapping[str, float]
    label: str
    confidence: float
    decision: str  # "label" | "top-2" | "review"
    position: Point
    tempo: float | None = None
    title: str | None = None
    artist: str | None = None
    album: str | None = None
    genre: str | None = None
    language: str | None = None  # not in the library schema yet; filters skip it when unknown
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def display_title(self) -> str:
        title = self.title or os.path.splitext(os.path.basename(self.path))[0]
        return f"{self.artist} - {title}" if self.artist else title


@dataclass
class CandidatePool:
    """All candidates by track id, plus what was left out while loading (for messages)."""

    by_id: dict[int, Candidate]
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    total_tracks: int = 0

    def __len__(self) -> int:
        return len(self.by_id)

    def get(self, track_id: int) -> Candidate | None:
        return self.by_id.get(track_id)

    def describe_skipped(self) -> str:
        """E.g. "1 not tagged yet; 2 whose file is missing" (a translatable message; "" if none)."""
        parts = [SKIPPED_PHRASES[why].format(count=n) if why in SKIPPED_PHRASES else f"{n} {why}"
                 for why, n in sorted(self.skipped.items()) if n]
        return joined(parts, QT_TRANSLATE_NOOP("Playlists", "{list}; {item}"))


def make_candidate(
    track_id: int,
    path: str,
    duration: float,
    probabilities: Mapping[str, float],
    label: str,
    confidence: float,
    decision: str,
    *,
    tempo: float | None = None,
    scale: TempoScale | None = None,
    title: str | None = None,
    artist: str | None = None,
    album: str | None = None,
    genre: str | None = None,
) -> Candidate:
    probs = {e: float(probabilities[e]) for e in EMOTIONS}
    return Candidate(
        track_id=int(track_id),
        path=str(path),
        duration=float(duration),
        probabilities=probs,
        label=label,
        confidence=float(confidence),
        decision=decision,
        position=track_position(probs, tempo, scale),
        tempo=tempo,
        title=title,
        artist=artist,
        album=album,
        genre=genre,
    )


# Reading every track's windows costs about 1 ms per track; a track's tempo only changes
# when it is analysed again, so it is remembered per (library, track, analysis time).
_TEMPO_CACHE: dict[tuple[str, int, str | None], float | None] = {}
_TEMPO_CACHE_MAX = 200_000


def _mean_tempo(store, track, tempo_index: int) -> float | None:
    key = (str(getattr(store, "path", id(store))), track.id, track.analysed_at)
    if key in _TEMPO_CACHE:
        return _TEMPO_CACHE[key]
    values = [w.features[tempo_index] for w in store.windows_for_track(track.id)]
    values = [v for v in values if math.isfinite(v) and v > 0]
    tempo = sum(values) / len(values) if values else None
    if len(_TEMPO_CACHE) >= _TEMPO_CACHE_MAX:
        _TEMPO_CACHE.clear()
    _TEMPO_CACHE[key] = tempo
    return tempo


def load_candidates(
    store,
    *,
    model_version: str | None = None,
    use_tempo: bool = True,
    require_file: bool = True,
) -> CandidatePool:
    """Candidates from the library (LibraryStore); tracks that cannot be used are counted.

    require_file: leave out tracks whose audio file is no longer on disk (a playlist entry
    that cannot play is worse than none).
    """
    scale = training_tempo_scale() if use_tempo else None
    names = store.feature_names()
    tempo_index = names.index(TEMPO_COLUMN) if TEMPO_COLUMN in names else None
    pool = CandidatePool(by_id={})
    skipped = {"not tagged yet": 0, "with an analysis error": 0, "without a known duration": 0,
               "whose file is missing": 0}
    summaries = store.tracks(model_version=model_version)
    pool.total_tracks = len(summaries)
    for summary in summaries:
        track, prediction = summary.track, summary.prediction
        if track.error:
            skipped["with an analysis error"] += 1
            continue
        if prediction is None:
            skipped["not tagged yet"] += 1
            continue
        if not track.duration or not math.isfinite(track.duration) or track.duration <= 0:
            skipped["without a known duration"] += 1
            continue
        if require_file and not os.path.isfile(track.path):
            skipped["whose file is missing"] += 1
            continue
        tempo = None
        if scale is not None and tempo_index is not None and summary.n_windows:
            tempo = _mean_tempo(store, track, tempo_index)
        pool.by_id[track.id] = make_candidate(
            track.id, track.path, track.duration, prediction.probabilities, prediction.label,
            prediction.confidence, prediction.decision, tempo=tempo, scale=scale,
            title=track.title, artist=track.artist, album=track.album, genre=track.genre,
        )
    pool.skipped = {k: v for k, v in skipped.items() if v}
    return pool
