"""Library rows as the API's JSON: plain dicts of numbers, text, lists and null (NaN -> null).

A track's answer is built from what the library holds, so `POST /analyse` and `GET /tracks/{id}`
say the same thing for the same track, and both say what `tmer tag` stored.
"""

from __future__ import annotations

import logging
import math
import threading
from typing import Any

import numpy as np

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library.rows import PredictionRow, TrackRow, TrackSummary, WindowRow
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.store import BUNDLED, ModelStore
from tmer_desktop.vocabulary import EMOTIONS

log = logging.getLogger(__name__)


def number(value: Any) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def probabilities(p: PredictionRow) -> dict[str, float | None]:
    return {e: number(getattr(p, f"p_{e}")) for e in EMOTIONS}


def prediction(p: PredictionRow | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "label": p.label, "confidence": number(p.confidence), "decision": p.decision,
        "probabilities": probabilities(p), "unfamiliar": None if p.unfamiliar is None else bool(p.unfamiliar),
        "model_version": p.model_version,
    }


def track_fields(t: TrackRow) -> dict[str, Any]:
    return {
        "id": t.id, "path": t.path, "content_hash": t.content_hash, "duration": number(t.duration),
        "sample_rate": t.sample_rate, "channels": t.channels, "title": t.title, "artist": t.artist,
        "album": t.album, "genre": t.genre, "year": t.year, "analysed_at": t.analysed_at,
        "window_s": number(t.window_s), "hop_s": number(t.hop_s), "extractor_version": t.extractor_version,
        "error": t.error,
    }


def summary(s: TrackSummary) -> dict[str, Any]:
    return {**track_fields(s.track), "n_windows": s.n_windows, "prediction": prediction(s.prediction)}


def _window(w: WindowRow, p: PredictionRow | None, with_features: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"idx": w.idx, "start": number(w.start), "duration": number(w.duration),
                           "short": bool(w.short)}
    if p is None:
        out.update(label=None, confidence=None, decision=None, probabilities=None, unfamiliar=None,
                   note="silent")  # the judge gives a window too quiet to judge no prediction
    else:
        out.update(label=p.label, confidence=number(p.confidence), decision=p.decision,
                   probabilities=probabilities(p), unfamiliar=None if p.unfamiliar is None else bool(p.unfamiliar),
                   note=None)
    if with_features:
        out["features"] = {name: number(v) for name, v in zip(FEATURE_NAMES, w.features)}
    return out


class Explainer:
    """Track explanations (model/explain.py, exact SHAP for this linear model), by the model
    version that made the prediction; each version is loaded once."""

    def __init__(self, store: LibraryStore):
        self.store = store
        self._lock = threading.Lock()
        self._models: dict[str, Any] = {}

    def model(self, version: str):
        with self._lock:
            if version not in self._models:
                if version == BUNDLED:
                    from tmer_desktop.model.bundle import load_model  # scikit-learn: only when explaining

                    self._models[version] = load_model()
                else:
                    self._models[version] = ModelStore(self.store).load(version)
            return self._models[version]

    def explain(self, version: str, features: list[tuple[float, ...]], label: str | None) -> dict[str, Any] | None:
        if not features:
            return None
        result = self.model(version).explain_track(np.asarray(features, dtype=float), label=label)
        return {
            "label": result.label,
            "reason": str(result.reason),
            "families": {family: number(v) for family, v in result.families.items()},
            "top_features": [{"feature": f, "shap": number(v)} for f, v in result.top_features[:5]],
            "outside_training_range": list(result.clipped),
            "units": "SHAP values in log-odds of the label, summed by feature family",
        }


def track_detail(store: LibraryStore, track_id: int, *, explainer: Explainer | None = None,
                 with_features: bool = True) -> dict[str, Any] | None:
    """The track, its track-level prediction, its timeline (windows with their predictions and,
    with_features, their 50 features) and the explanation; None when there is no such track."""
    track = store.track(track_id)
    if track is None:
        return None
    # The prediction shown is the active model's, else the latest (as the app shows it).
    active = store.active_model()
    found = store.predictions_for_track(track_id, model_version=active.version, level="track") if active else []
    found = found or store.predictions_for_track(track_id, level="track")
    top = found[-1] if found else None
    version = top.model_version if top is not None else None
    windows = store.windows_for_track(track_id)
    by_idx: dict[int, PredictionRow] = {}
    if version is not None:
        for p in store.predictions_for_track(track_id, model_version=version, level="window"):
            if p.window_idx is not None:
                by_idx[p.window_idx] = p
    out = {**track_fields(track), "n_windows": len(windows), "prediction": prediction(top),
           "windows": [_window(w, by_idx.get(w.idx), with_features) for w in windows]}
    out["explanation"] = None
    if explainer is not None and top is not None:
        judged = [w.features for w in windows if w.idx in by_idx]
        out["explanation"] = explainer.explain(top.model_version, judged, top.label)
    return out


def model_info(store: LibraryStore) -> dict[str, Any]:
    models = ModelStore(store)
    active = models.active()
    return {
        "version": active.version,
        "created_at": active.created_at,
        "bundled": active.bundled,
        "metrics": _plain(active.public_metrics),
        "versions": [{"version": v.version, "created_at": v.created_at, "active": v.active}
                     for v in models.versions()],
    }


def _plain(value: Any) -> Any:
    """JSON-safe: NaN and infinities become null, tuples lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return number(value)
    return value
