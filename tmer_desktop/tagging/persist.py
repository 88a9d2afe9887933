"""Between the batch runner and the library: store an analysis, find one to skip or reuse.

The runner (the parent process) is the only writer; each track is written in one
transaction, so an interrupted batch leaves every finished track complete and nothing half.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from tmer_desktop.analysis.outcome import Analysis, WindowOutcome, extractor_version
from tmer_desktop.features.track import Known, first_sample
from tmer_desktop.library.rows import NewWindow, TrackRow
from tmer_desktop.library.store import LibraryStore, now_iso
from tmer_desktop.vocabulary import EMOTIONS, FailureKind, Timeline


@dataclass(frozen=True)
class AnalysisKey:
    """What an analysis depends on besides the bytes: if any differs, analyse again.

    level: the timeline a run needs (vocabulary.Timeline). A coarse run is satisfied by any
    stored timeline of this window (coarse or fine: both give the track's emotion); a fine run
    only by a fine timeline of this hop. hop is the fine timeline's hop in both cases."""

    window: float
    hop: float
    extractor_version: str
    model_version: str
    level: Timeline = Timeline.FINE

    @property
    def analysis_hop(self) -> float:
        """The hop of the windows a run at this level makes: the window itself when coarse."""
        return self.window if self.level == Timeline.COARSE else self.hop


@dataclass(frozen=True)
class StoredTrack:
    """A finished analysis found in the library (or a lasting failure: error set, no label)."""

    track: TrackRow
    label: str | None
    confidence: float | None
    decision: str | None
    probs: dict[str, float] | None
    n_windows: int
    short: bool
    error: str | None = None
    unfamiliar: bool | None = None


def _has_level(row: TrackRow, key: AnalysisKey) -> bool:
    """Whether the stored timeline is what a run at key.level needs."""
    if row.timeline == Timeline.FINE:
        return key.level == Timeline.COARSE or _same(row.hop_s, key.hop)
    return row.timeline == Timeline.COARSE and key.level == Timeline.COARSE


def _same(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=0, abs_tol=1e-9)


def _stored_if_current(
    store: LibraryStore, row: TrackRow | None, content_hash: str, key: AnalysisKey
) -> StoredTrack | None:
    if row is None or row.content_hash != content_hash:
        return None
    if not (_same(row.window_s, key.window) and row.extractor_version == key.extractor_version):
        return None
    if row.error is not None:  # whatever the level: a broken file stays broken
        if row.error_kind == FailureKind.TRANSIENT:  # a crash or a timeout may not happen again
            return None
        return StoredTrack(track=row, label=None, confidence=None, decision=None, probs=None,
                           n_windows=0, short=False, error=row.error)
    if not _has_level(row, key):
        return None
    predictions = store.predictions_for_track(row.id, model_version=key.model_version, level="track")
    if not predictions:
        return None
    p = predictions[-1]
    windows = store.windows_for_track(row.id)
    return StoredTrack(
        track=row, label=p.label, confidence=p.confidence, decision=p.decision,
        probs=p.probabilities, n_windows=len(windows), short=any(w.short for w in windows),
        unfamiliar=None if p.unfamiliar is None else bool(p.unfamiliar),
    )


def find_current(store: LibraryStore, path: str, content_hash: str, key: AnalysisKey) -> StoredTrack | None:
    """This path's stored analysis, if it is of these bytes with these settings and model."""
    return _stored_if_current(store, store.track_by_path(path), content_hash, key)


def find_same_content(store: LibraryStore, path: str, content_hash: str, key: AnalysisKey) -> StoredTrack | None:
    """An analysis of identical bytes stored under another path (a copy of the file)."""
    row = store.track_by_hash(content_hash)
    if row is None or row.path == path or row.error is not None:
        return None
    return _stored_if_current(store, row, content_hash, key)


def known_windows(store: LibraryStore, path: str, content_hash: str, key: AnalysisKey) -> Known:
    """Window features the library already holds for these bytes with this window and extractor
    (at any level: a coarse timeline's windows are windows of the fine one, and every window of a
    stored timeline serves a run with another model), by first sample at the analysis rate: the
    worker does not compute them again. Empty when there are none."""
    rows = [store.track_by_path(path), store.track_by_hash(content_hash)]
    for row in rows:
        if (row is None or row.content_hash != content_hash or row.error is not None
                or not _same(row.window_s, key.window) or row.extractor_version != key.extractor_version):
            continue
        windows = store.windows_for_track(row.id)
        if windows:
            return {first_sample(w.start): tuple(w.features) for w in windows}
    return {}


def _window_prediction(w: WindowOutcome) -> dict | None:
    if w.probs is None:
        return None
    return {**{f"p_{e}": p for e, p in zip(EMOTIONS, w.probs)},
            "label": w.label, "confidence": w.confidence, "decision": w.decision, "window_idx": w.idx,
            "unfamiliar": w.unfamiliar}


def save_analysis(store: LibraryStore, path: str, analysis: Analysis, key: AnalysisKey,
                  *, size: int | None, mtime: float | None) -> int:
    """Store a successful analysis (track, metadata, windows, predictions); returns the track id.
    Its timeline is the one the analysis says it made (Analysis.timeline), else key.level's."""
    meta = analysis.metadata or {}
    timeline = Timeline(analysis.timeline or key.level)
    with store.transaction():
        track_id = store.upsert_track(
            path, content_hash=analysis.content_hash, size=size, mtime=mtime,
            duration=analysis.duration, sample_rate=analysis.sample_rate, channels=analysis.channels,
            artist=meta.get("artist"), album=meta.get("album"), title=meta.get("title"),
            genre=meta.get("genre"), year=meta.get("year"), error=None, analysed_at=now_iso(),
            window_s=key.window, hop_s=key.hop if timeline == Timeline.FINE else key.window,
            extractor_version=key.extractor_version, timeline=timeline,
        )
        store.replace_windows(track_id, [
            NewWindow(idx=w.idx, start=w.start, duration=w.duration, short=w.short, features=w.features)
            for w in analysis.windows
        ])
        predictions = [p for p in map(_window_prediction, analysis.windows) if p is not None]
        assert analysis.probs is not None, "a successful analysis has track probabilities"
        predictions.append({**{f"p_{e}": p for e, p in zip(EMOTIONS, analysis.probs)},
                            "label": analysis.label, "confidence": analysis.confidence,
                            "decision": analysis.decision, "unfamiliar": analysis.unfamiliar})
        store.add_predictions(track_id, key.model_version, predictions, replace=True)
    return track_id


def save_recording(store: LibraryStore | None, analysis: Analysis, *, window: float, hop: float) -> int:
    """Store a live recording's analysis (analysis.LiveAnalyser.analysis) as a library track,
    under the same key a batch run of the file would use; the app's library when store is None.
    Returns the track id."""
    if analysis.model_version is None:
        raise ValueError("a recording's analysis names the model that judged it")
    key = AnalysisKey(window=window, hop=hop, extractor_version=extractor_version(),
                      model_version=analysis.model_version)
    st = os.stat(analysis.path)
    if store is not None:
        return save_analysis(store, analysis.path, analysis, key, size=st.st_size, mtime=st.st_mtime)
    with LibraryStore.open() as own:
        return save_analysis(own, analysis.path, analysis, key, size=st.st_size, mtime=st.st_mtime)


def copy_analysis(store: LibraryStore, source: StoredTrack, path: str, key: AnalysisKey,
                  *, size: int | None, mtime: float | None) -> int:
    """Give `path` (identical bytes to source) the source's analysis, without decoding it again."""
    src = source.track
    with store.transaction():
        track_id = store.upsert_track(
            path, content_hash=src.content_hash, size=size, mtime=mtime, duration=src.duration,
            sample_rate=src.sample_rate, channels=src.channels, artist=src.artist, album=src.album,
            title=src.title, genre=src.genre, year=src.year, error=None, analysed_at=now_iso(),
            window_s=src.window_s, hop_s=src.hop_s, extractor_version=src.extractor_version,
            timeline=src.timeline,
        )
        windows = store.windows_for_track(src.id)
        store.replace_windows(track_id, [
            NewWindow(idx=w.idx, start=w.start, duration=w.duration, short=w.short, features=w.features)
            for w in windows
        ])
        predictions = [
            {**{f"p_{e}": getattr(p, f"p_{e}") for e in EMOTIONS}, "label": p.label,
             "confidence": p.confidence, "decision": p.decision, "window_idx": p.window_idx,
             "unfamiliar": p.unfamiliar}
            for p in store.predictions_for_track(src.id, model_version=key.model_version)
        ]
        store.add_predictions(track_id, key.model_version, predictions, replace=True)
    return track_id


def save_failure(store: LibraryStore, path: str, reason: str, kind: FailureKind, key: AnalysisKey, *,
                 content_hash: str | None, size: int | None, mtime: float | None) -> int:
    """Record why a file could not be tagged, and whether a later batch should try it again;
    its earlier analysis (now stale) is removed."""
    with store.transaction():
        track_id = store.upsert_track(path, content_hash=content_hash, size=size, mtime=mtime,
                                      error=reason, error_kind=kind, analysed_at=now_iso(), window_s=key.window,
                                      hop_s=key.analysis_hop, extractor_version=key.extractor_version,
                                      timeline=None)
        store.replace_windows(track_id, [])
        store.add_predictions(track_id, key.model_version, [], replace=True)
    return track_id


def update_after_tag_write(store: LibraryStore, track_id: int, path: str, *, content_hash: str,
                           size: int, mtime: float) -> None:
    """Writing tags changes the file's bytes but not its audio: keep the analysis current."""
    with store.transaction():
        store.upsert_track(path, content_hash=content_hash, size=size, mtime=mtime)
