"""Feature cache: one JSON file per (content hash, window, hop, extractor version).

Files live under paths.feature_cache_dir(), are written atomically (tmer_desktop.atomic), and anything
unreadable or inconsistent is treated as a miss (the caller recomputes and overwrites it). NaN is stored
as null.
"""

from __future__ import annotations

import json
import logging
import math
import os
from pathlib import Path

from tmer_desktop import paths
from tmer_desktop.atomic import atomic_write_text
from tmer_desktop.errors import WriteError
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.extract import EXTRACTOR_VERSION
from tmer_desktop.features.prepare import DEFAULT as DEFAULT_PREPARATION
from tmer_desktop.features.track import TrackFeatures, WindowFeatures

FORMAT = 1
log = logging.getLogger(__name__)


def _version(preparation: str) -> str:
    """Extractor version and the preparation's tag: either changes the values."""
    if not preparation or not all(c.isalnum() or c in "-." for c in preparation):
        raise ValueError(f"not a preparation tag: {preparation!r}")
    return f"{EXTRACTOR_VERSION}_{preparation}"


def _default_tag() -> str:
    return DEFAULT_PREPARATION.tag


def cache_path(content_hash: str, window: float, hop: float, preparation: str | None = None) -> Path:
    if not content_hash or not all(c in "0123456789abcdef" for c in content_hash):
        raise ValueError(f"not a content hash: {content_hash!r}")
    name = f"{content_hash}_w{window:g}_h{hop:g}_{_version(preparation or _default_tag())}.json"
    return paths.feature_cache_dir() / content_hash[:2] / name


def _encode(v: float):
    return None if math.isnan(v) else v


def _decode(v) -> float:
    if v is None:
        return math.nan
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError("feature value is not a number")
    return float(v)


def load(content_hash: str, window: float, hop: float, path: str | os.PathLike,
         preparation: str | None = None) -> TrackFeatures | None:
    """The cached analysis, or None when absent, unreadable or from another version."""
    preparation = preparation or _default_tag()
    p = cache_path(content_hash, window, hop, preparation)
    try:
        with open(p, encoding="utf-8") as fh:
            doc = json.load(fh)
        if doc.get("format") != FORMAT or doc.get("version") != _version(preparation) \
                or doc.get("content_hash") != content_hash or doc.get("names") != list(FEATURE_NAMES):
            return None
        wins = [WindowFeatures(start=float(w["start"]), duration=float(w["duration"]),
                               short=bool(w["short"]),
                               values=dict(zip(FEATURE_NAMES, map(_decode, w["values"]), strict=True)))
                for w in doc["windows"]]
        if not wins:
            return None
        return TrackFeatures(path=str(path), content_hash=content_hash,
                             sample_rate=int(doc["sample_rate"]), channels=int(doc["channels"]),
                             duration=float(doc["duration"]), windows=wins)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(track: TrackFeatures, window: float, hop: float, preparation: str | None = None) -> Path | None:
    """Write the analysis atomically; a cache that cannot be written is only slower (None)."""
    preparation = preparation or _default_tag()
    p = cache_path(track.content_hash, window, hop, preparation)
    doc = {
        "format": FORMAT, "version": _version(preparation), "content_hash": track.content_hash,
        "sample_rate": track.sample_rate, "channels": track.channels, "duration": track.duration,
        "window": window, "hop": hop, "names": list(FEATURE_NAMES),
        "windows": [{"start": w.start, "duration": w.duration, "short": w.short,
                     "values": [_encode(w.values[n]) for n in FEATURE_NAMES]} for w in track.windows],
    }
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(p, json.dumps(doc, allow_nan=False))
        return p
    except (OSError, WriteError, ValueError):
        # A cache that cannot be written costs only time: the next run computes again.
        log.warning("feature cache not written to %s", p, exc_info=True)
        return None
