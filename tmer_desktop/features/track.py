"""The features of a track over time: one WindowFeatures per analysis window (windows.py makes
them, cache.py keeps them)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class WindowFeatures:
    start: float
    duration: float
    short: bool
    values: dict[str, float]


@dataclass
class TrackFeatures:
    path: str
    content_hash: str
    sample_rate: int
    channels: int
    duration: float
    windows: list[WindowFeatures] = field(default_factory=list)
