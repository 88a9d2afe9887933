"""The features of a track over time: one WindowFeatures per analysis window (windows.py makes
them, cache.py keeps them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tmer_desktop.features.prepare import ANALYSIS_RATE

# Features of windows already computed (windows.analyse_file's `known`), by the window's first
# sample at the analysis rate: 50 values in FEATURE_NAMES order, or a dict by name.
Known = dict[int, "tuple[float, ...] | dict[str, float]"]


def first_sample(start_s: float, sr: int = ANALYSIS_RATE) -> int:
    """The first sample (at the analysis rate) of a window whose start is start_s seconds."""
    return int(round(start_s * sr))


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
    reused: int = 0  # windows taken from an earlier analysis (windows.analyse_file's `known`), not computed
