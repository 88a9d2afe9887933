"""Plain, immutable rows the library store returns, and the feature-blob encoding."""

from __future__ import annotations

import dataclasses
import functools
import json
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tmer_desktop.features.columns import FEATURE_NAMES, N_FEATURES
from tmer_desktop.library.errors import LibraryError
from tmer_desktop.library.schema import EMOTIONS
from tmer_desktop.translatable import message_from_json
from tmer_desktop.vocabulary import FailureKind

_BLOB = struct.Struct(f"<{N_FEATURES}d")


def encode_features(values: Sequence[float]) -> bytes:
    return _BLOB.pack(*values)


def decode_features(blob: bytes) -> tuple[float, ...]:
    return _BLOB.unpack(blob)


@functools.cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _from_row(cls, row: Mapping[str, Any], **overrides: Any):
    values = {n: row.get(n) for n in _field_names(cls) if n not in overrides}
    return cls(**values, **overrides)


@dataclass(frozen=True)
class NewWindow:
    """One analysis window to store: features are 50 floats in FEATURE_NAMES order."""

    idx: int
    start: float
    duration: float
    short: bool
    features: tuple[float, ...]

    @staticmethod
    def coerce_features(features: Any) -> tuple[float, ...]:
        if isinstance(features, Mapping):
            missing = [n for n in FEATURE_NAMES if n not in features]
            if missing:
                raise LibraryError(
                    f"Feature values are missing {len(missing)} of the {N_FEATURES} columns "
                    f"(first: {', '.join(missing[:3])})."
                )
            raw = [features[n] for n in FEATURE_NAMES]
        else:
            raw = list(features)
        if len(raw) != N_FEATURES:
            raise LibraryError(f"Expected {N_FEATURES} feature values, got {len(raw)}.")
        try:
            return tuple(float(v) for v in raw)
        except (TypeError, ValueError) as exc:
            raise LibraryError(f"Feature values must be numbers: {exc}") from None

    @classmethod
    def coerce(cls, window: Any) -> NewWindow:
        if isinstance(window, NewWindow):
            return window
        get = window.get if isinstance(window, Mapping) else lambda n: getattr(window, n, None)
        for name in ("idx", "start", "duration", "features"):
            if get(name) is None:
                raise LibraryError(f"A window to store is missing '{name}'.")
        idx, start, duration = get("idx"), get("start"), get("duration")
        assert idx is not None and start is not None and duration is not None  # checked just above
        return cls(
            idx=int(idx),
            start=float(start),
            duration=float(duration),
            short=bool(get("short")),
            features=cls.coerce_features(get("features")),
        )


@dataclass(frozen=True)
class TrackRow:
    id: int
    path: str
    content_hash: str | None
    size: int | None
    mtime: float | None
    duration: float | None
    sample_rate: int | None
    channels: int | None
    artist: str | None
    album: str | None
    title: str | None
    genre: str | None
    year: int | None
    error: str | None
    added_at: str
    analysed_at: str | None
    window_s: float | None
    hop_s: float | None
    extractor_version: str | None
    error_kind: FailureKind | None  # with an error: whether it is worth trying again (NULL: not known)
    timeline: str | None = None  # vocabulary.Timeline of the stored windows; None: no analysis

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TrackRow:
        # The error comes back as a translatable Message when its JSON was stored with it.
        kind = row.get("error_kind")
        return _from_row(cls, row, error=message_from_json(row.get("error"), row.get("error_message")),
                         error_kind=None if kind is None else FailureKind(kind))


@dataclass(frozen=True)
class WindowRow:
    id: int
    track_id: int
    idx: int
    start: float
    duration: float
    short: bool
    features: tuple[float, ...]

    def feature_dict(self) -> dict[str, float]:
        return dict(zip(FEATURE_NAMES, self.features))

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> WindowRow:
        return _from_row(cls, row, short=bool(row["short"]), features=decode_features(row["features"]))


@dataclass(frozen=True)
class PredictionRow:
    id: int
    track_id: int
    window_id: int | None  # None: the track-level prediction
    model_version: str
    p_happy: float
    p_sad: float
    p_angry: float
    p_relaxed: float
    label: str
    confidence: float
    decision: str
    created_at: str
    window_idx: int | None = None
    window_start: float | None = None
    window_duration: float | None = None
    unfamiliar: int | None = None  # 1: music unlike the training data; None: not assessed

    @property
    def probabilities(self) -> dict[str, float]:
        return {e: getattr(self, f"p_{e}") for e in EMOTIONS}

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> PredictionRow:
        return _from_row(cls, row)


@dataclass(frozen=True)
class TrackSummary:
    """A track with the track-level prediction chosen for display (or None if not predicted)."""

    track: TrackRow
    prediction: PredictionRow | None
    n_windows: int

    @property
    def id(self) -> int:
        return self.track.id

    @property
    def path(self) -> str:
        return self.track.path

    @property
    def label(self) -> str | None:
        return self.prediction.label if self.prediction else None

    @property
    def confidence(self) -> float | None:
        return self.prediction.confidence if self.prediction else None

    @property
    def decision(self) -> str | None:
        return self.prediction.decision if self.prediction else None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TrackSummary:
        prediction = None
        if row.get("p_id") is not None:
            prediction = PredictionRow(
                id=row["p_id"], track_id=row["id"], window_id=None,
                model_version=row["p_model_version"], p_happy=row["p_happy"], p_sad=row["p_sad"],
                p_angry=row["p_angry"], p_relaxed=row["p_relaxed"], label=row["p_label"],
                confidence=row["p_confidence"], decision=row["p_decision"],
                created_at=row["p_created_at"], unfamiliar=row.get("p_unfamiliar"),
            )
        return cls(track=TrackRow.from_row(row), prediction=prediction, n_windows=int(row["n_windows"]))


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    track_id: int | None  # None once the track was removed from the library
    window_id: int | None
    track_path: str | None
    start: float | None
    duration: float | None
    predicted_label: str | None
    confidence: float | None
    is_correct: bool
    corrected_label: str | None
    note: str
    model_version: str | None
    features: tuple[float, ...]
    created_at: str

    @property
    def true_label(self) -> str | None:
        """The label a retrain should learn: the confirmed or the corrected one (None: unknown)."""
        return self.predicted_label if self.is_correct else self.corrected_label

    def feature_dict(self) -> dict[str, float]:
        return dict(zip(FEATURE_NAMES, self.features))

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> FeedbackRow:
        return _from_row(
            cls, row, is_correct=bool(row["is_correct"]), features=decode_features(row["features"])
        )


@dataclass(frozen=True)
class SessionRow:
    id: int
    title: str
    client_pseudonym: str
    notes: str
    goal: str | None
    start_mood: str | None
    created_at: str
    updated_at: str
    n_items: int

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> SessionRow:
        return _from_row(cls, row)


@dataclass(frozen=True)
class SessionItemRow:
    session_id: int
    position: int
    track_id: int
    locked: bool
    reason: str
    path: str
    title: str | None
    artist: str | None
    duration: float | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> SessionItemRow:
        return _from_row(cls, row, locked=bool(row["locked"]),
                         reason=message_from_json(row["reason"], row.get("reason_message")))


@dataclass(frozen=True)
class ModelRow:
    version: str
    path: str
    created_at: str
    metrics: dict[str, Any]
    active: bool

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ModelRow:
        return _from_row(cls, row, metrics=json.loads(row["metrics"] or "{}"), active=bool(row["active"]))
