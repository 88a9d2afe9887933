"""What the views show, read from the library store (plain Python, safe in worker threads).

`table_row(summary)` turns a store TrackSummary into a table row; `load_track_view(store,
track_id, settings)` gathers one track's windows and predictions into a TrackView, with
decisions re-made from the stored probabilities under the current settings (so changing
the threshold or aggregation never needs the audio or the features again).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from tmer_desktop.library.rows import PredictionRow, TrackSummary, WindowRow
from tmer_desktop.ui.library_model import TableRow
from tmer_desktop.ui.palette import EMOTIONS
from tmer_desktop.ui.timeline import WindowSeries
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD, DEFAULT_TOP2_THRESHOLD


@dataclass(frozen=True)
class DecisionSettings:
    threshold: float = DEFAULT_THRESHOLD
    top2_threshold: float = DEFAULT_TOP2_THRESHOLD
    aggregation: str = "mean"

    @classmethod
    def from_settings(cls, settings) -> DecisionSettings:
        if settings is None:
            return cls()
        return cls(
            threshold=float(settings.decision_threshold),
            top2_threshold=float(settings.top2_threshold),
            aggregation=str(settings.aggregation),
        )


def table_row(summary: TrackSummary) -> TableRow:
    t = summary.track
    return TableRow(
        track_id=t.id, path=t.path, title=t.title or "", artist=t.artist or "", album=t.album or "",
        duration=t.duration, emotion=summary.label, confidence=summary.confidence,
        decision=summary.decision, error=t.error, n_windows=summary.n_windows,
        unfamiliar=_flag(summary.prediction.unfamiliar) if summary.prediction else None,
        timeline=t.timeline,
    )


def _flag(value) -> bool | None:
    return None if value is None else bool(value)


@dataclass
class TrackView:
    track_id: int
    path: str
    title: str
    subtitle: str
    duration: float
    error: str | None
    label: str | None
    confidence: float | None
    decision: str | None
    candidates: tuple[str, ...]
    track_probs: np.ndarray | None
    threshold: float
    model_version: str | None
    series: WindowSeries
    windows: list[WindowRow]
    unfamiliar: bool | None = None  # the track's music is unlike what the model learnt from
    timeline: str | None = None  # vocabulary.Timeline of the stored windows: "coarse" or "fine"
    # While the fine timeline is being computed (tagging/progressive.py): (windows in, windows in all);
    # the windows are not stored yet (WindowRow.id is -1), so they cannot be corrected.
    computing: tuple[int, int] | None = None


def _decide(probs: np.ndarray, ds: DecisionSettings, unfamiliar: bool | None = None):
    from tmer_desktop.model.decide import decide

    return decide(probs, threshold=ds.threshold, top2_threshold=ds.top2_threshold, unfamiliar=bool(unfamiliar))


def _aggregate(window_probs: np.ndarray, ds: DecisionSettings) -> np.ndarray:
    from tmer_desktop.model.decide import aggregate

    return np.asarray(aggregate(window_probs, method=ds.aggregation), dtype=float)


def _decided_series(starts, durations, probs: np.ndarray, unfamiliar: list[bool], window_ids: list[int],
                    ds: DecisionSettings) -> WindowSeries:
    """Windows (in time order) with each one's label, confidence and decision under `ds`."""
    labels, confidences, decisions = [], [], []
    if len(probs):
        from tmer_desktop.model.decide import decide_all

        for d in decide_all(probs, ds.threshold, ds.top2_threshold, unfamiliar):
            labels.append(d.label)
            confidences.append(d.confidence)
            decisions.append(d.decision)
    return WindowSeries(starts=np.array(starts, dtype=float), durations=np.array(durations, dtype=float),
                        probs=probs, labels=labels, confidences=np.array(confidences, dtype=float),
                        decisions=decisions, window_ids=window_ids)


def _track_decision(probs: np.ndarray, ds: DecisionSettings, unfamiliar: bool | None):
    """(label, confidence, decision, candidates, track probabilities) of a track from its
    windows' probabilities; all None / () without windows."""
    if not len(probs):
        return None, None, None, (), None
    track_probs = _aggregate(probs, ds)
    d = _decide(track_probs, ds, unfamiliar)
    return d.label, float(d.confidence), d.decision, tuple(d.labels), track_probs


def load_track_view(store, track_id: int, settings=None) -> TrackView:
    ds = settings if isinstance(settings, DecisionSettings) else DecisionSettings.from_settings(settings)
    track = store.track(track_id)
    if track is None:
        raise LookupError(QCoreApplication.translate("TrackData", "Track {number} is no longer in the library.")
                          .format(number=track_id))
    windows = store.windows_for_track(track_id)
    predictions: list[PredictionRow] = store.predictions_for_track(track_id, level="all")
    by_window = {p.window_id: p for p in predictions if p.window_id is not None}
    kept = [w for w in windows if w.id in by_window]
    probs = np.array([[by_window[w.id].probabilities[e] for e in EMOTIONS] for w in kept],
                     dtype=float).reshape(-1, len(EMOTIONS))
    flags = [bool(by_window[w.id].unfamiliar) for w in kept]  # None (not assessed) counts as familiar
    series = _decided_series([w.start for w in kept], [w.duration for w in kept], probs, flags,
                             [w.id for w in kept], ds)
    track_level = [p for p in predictions if p.window_id is None]
    unfamiliar = _flag(track_level[-1].unfamiliar) if track_level else None
    label, confidence, decision, candidates, track_probs = _track_decision(probs, ds, unfamiliar)
    model_version = predictions[0].model_version if predictions else None
    duration = float(track.duration or (series.starts[-1] + series.durations[-1] if len(kept) else 0.0))
    subtitle = " · ".join(x for x in (track.artist, track.album) if x) or Path(track.path).name
    return TrackView(
        track_id=track.id, path=track.path, title=track.title or Path(track.path).stem,
        subtitle=subtitle, duration=duration, error=track.error, label=label,
        confidence=confidence, decision=decision, candidates=candidates, track_probs=track_probs,
        threshold=ds.threshold, model_version=model_version, series=series, windows=kept,
        unfamiliar=unfamiliar, timeline=track.timeline,
    )


def computing_view(base: TrackView, arrived, expected: int, settings=None) -> TrackView:
    """`base` (the track as the library holds it) showing the windows of a timeline being computed
    (`expected`: how many it will have, when the track's length is known):
    `arrived` (analysis.outcome.WindowOutcome, judged, in any order), decided under the current
    settings like load_track_view decides stored ones; the track's emotion is that of the windows
    so far."""
    ds = settings if isinstance(settings, DecisionSettings) else DecisionSettings.from_settings(settings)
    judged = sorted((w for w in arrived if w.probs is not None), key=lambda w: w.start)
    probs = np.array([w.probs for w in judged], dtype=float).reshape(-1, len(EMOTIONS))
    series = _decided_series([w.start for w in judged], [w.duration for w in judged], probs,
                             [bool(w.unfamiliar) for w in judged], [-1] * len(judged), ds)
    unfamiliar = None
    if len(judged):
        from tmer_desktop.model.decide import track_unfamiliar

        unfamiliar = track_unfamiliar([w.unfamiliar for w in judged])
    label, confidence, decision, candidates, track_probs = _track_decision(probs, ds, unfamiliar)
    windows = [WindowRow(id=-1, track_id=base.track_id, idx=i, start=w.start, duration=w.duration, short=w.short,
                         features=tuple(w.features)) for i, w in enumerate(judged)]
    return replace(base, label=label, confidence=confidence, decision=decision, candidates=candidates,
                   track_probs=track_probs, threshold=ds.threshold, series=series, windows=windows,
                   unfamiliar=unfamiliar, timeline=None, computing=(len(arrived), max(expected, len(arrived))),
                   error=None)


def row_from_view(view: TrackView, track) -> TableRow:
    return TableRow(
        track_id=view.track_id, path=view.path, title=track.title or "", artist=track.artist or "",
        album=track.album or "", duration=track.duration, emotion=view.label,
        confidence=view.confidence, decision=view.decision, error=track.error,
        n_windows=len(view.series), candidates=view.candidates, unfamiliar=view.unfamiliar,
        timeline=view.timeline,
    )


def decided_rows(store, settings=None, ctx=None) -> list[TableRow]:
    """Every library track as a table row, re-decided from its window probabilities."""
    ds = settings if isinstance(settings, DecisionSettings) else DecisionSettings.from_settings(settings)
    rows = []
    for summary in store.tracks(order="title"):
        if ctx is not None:
            ctx.check_cancelled()
        if summary.prediction is None or summary.n_windows == 0:
            rows.append(table_row(summary))
            continue
        try:
            view = load_track_view(store, summary.id, ds)
        except LookupError:
            continue  # deleted meanwhile
        rows.append(row_from_view(view, summary.track) if len(view.series) else table_row(summary))
    return rows
