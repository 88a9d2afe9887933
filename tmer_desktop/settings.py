"""Typed user settings with defaults, stored as JSON (`settings.json` in the data directory).

    Settings                                   # dataclass; defaults are the documented ones
    load_settings(path=None) -> (Settings, warnings)   # never raises for a bad file
    save_settings(settings, path=None)         # validates, then writes atomically
    settings_path() -> Path

Loading is forgiving, field by field: a wrong type, an out-of-range value or an unknown key
falls back to that field's default with a warning (also logged). A file that is not valid JSON
is kept aside as `settings.json.bad-<timestamp>` and a fresh default file is written.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tmer_desktop import paths
from tmer_desktop.errors import TmerError
from tmer_desktop.library.atomic import atomic_write_text, describe_os_error
from tmer_desktop.library.errors import WriteError

log = logging.getLogger(__name__)

SETTINGS_FILE_VERSION = 1
LANGUAGES = ("en", "es", "tr")
AGGREGATIONS = ("mean", "majority")
MAX_JOBS = 256


def _default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_JOBS))


@dataclass
class Settings:
    decision_threshold: float = 0.75  # argmax label when its probability reaches this
    top2_threshold: float = 0.90  # else 'top-2' when the best two together reach this
    window_s: float = 30.0  # analysis window (the training excerpts are 30 s)
    hop_s: float = 5.0  # step between window starts; 0 < hop <= window
    aggregation: str = "mean"  # track level: mean of window probabilities, or majority vote
    language: str = "en"
    jobs: int = field(default_factory=_default_jobs)  # parallel analysis processes
    write_tags: bool = False  # write the emotion into the audio files' tags
    last_folder: str = ""  # where the open-folder dialog starts
    audio_input_device: str = ""  # "" = the system default
    audio_output_device: str = ""

    def problems(self) -> list[str]:
        """What is wrong with these values (empty when valid)."""
        return [message for _, message in _field_problems(self)]


class SettingsError(TmerError):
    """Settings that cannot be saved because a value is invalid."""


def settings_path() -> Path:
    return paths.data_dir() / "settings.json"


# ------------------------------------------------------------------ validation
def _number(lo: float, hi: float, *, lo_open: bool = False) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"must be a number, not {value!r}"
        if not math.isfinite(value):
            return f"must be a finite number, not {value!r}"
        if value < lo or (lo_open and value == lo) or value > hi:
            left = "(" if lo_open else "["
            return f"must be in {left}{lo:g}, {hi:g}], not {value!r}"
        return None

    return check


def _integer(lo: int, hi: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be a whole number, not {value!r}"
        if not lo <= value <= hi:
            return f"must be between {lo} and {hi}, not {value!r}"
        return None

    return check


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value not in choices:
            return f"must be one of {', '.join(choices)}, not {value!r}"
        return None

    return check


def _boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {value!r}"


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) else f"must be text, not {value!r}"


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "decision_threshold": _number(0.0, 1.0),
    "top2_threshold": _number(0.0, 1.0),
    "window_s": _number(0.0, 600.0, lo_open=True),
    "hop_s": _number(0.0, 600.0, lo_open=True),
    "aggregation": _choice(AGGREGATIONS),
    "language": _choice(LANGUAGES),
    "jobs": _integer(1, MAX_JOBS),
    "write_tags": _boolean,
    "last_folder": _text,
    "audio_input_device": _text,
    "audio_output_device": _text,
}
assert set(_CHECKS) == {f.name for f in dataclasses.fields(Settings)}


def _field_problems(settings: Settings) -> list[tuple[str, str]]:
    found = []
    for name, check in _CHECKS.items():
        reason = check(getattr(settings, name))
        if reason:
            found.append((name, f"'{name}' {reason}"))
    bad = {name for name, _ in found}
    if not bad & {"hop_s", "window_s"} and settings.hop_s > settings.window_s:
        found.append(("hop_s", f"'hop_s' ({settings.hop_s:g}) must not exceed 'window_s' ({settings.window_s:g})"))
    if not bad & {"top2_threshold", "decision_threshold"} and settings.top2_threshold < settings.decision_threshold:
        found.append((
            "top2_threshold",
            f"'top2_threshold' ({settings.top2_threshold:g}) must not be below "
            f"'decision_threshold' ({settings.decision_threshold:g})",
        ))
    return found


def _from_mapping(data: dict[str, Any], source: Path) -> tuple[Settings, list[str]]:
    warnings: list[str] = []
    defaults = Settings()
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "version":
            continue
        if key not in _CHECKS:
            warnings.append(f"{source}: unknown setting '{key}' ignored.")
            continue
        values[key] = value
    settings = dataclasses.replace(defaults, **values)
    # Reset offending fields to defaults; repeat because a reset can expose a cross-field clash
    # (e.g. a bad window reset to 30 s makes a good hop valid again, or the reverse).
    for _ in range(3):
        problems = _field_problems(settings)
        if not problems:
            break
        for name, message in problems:
            default = getattr(defaults, name)
            if name == "hop_s" and not _CHECKS["window_s"](settings.window_s) and default > settings.window_s:
                default = settings.window_s
            if name == "top2_threshold" and default < settings.decision_threshold:
                default = settings.decision_threshold
            warnings.append(f"{source}: {message}; using {default!r} instead.")
            setattr(settings, name, default)
    for name in _CHECKS:
        value = getattr(settings, name)
        if isinstance(getattr(defaults, name), float) and type(value) is int:
            setattr(settings, name, float(value))  # a hand-edited "30" means 30.0
    return settings, warnings


# ------------------------------------------------------------------ load / save
def load_settings(path: str | os.PathLike | None = None) -> tuple[Settings, list[str]]:
    """Read the settings file; returns the settings and warnings for the user. Never raises
    for a missing, unreadable or malformed file (the defaults are used instead)."""
    source = Path(path) if path is not None else settings_path()
    warnings: list[str] = []
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        return Settings(), warnings
    except OSError as exc:
        warnings.append(f"{source}: cannot be read ({describe_os_error(exc)}); using default settings.")
        _log(warnings)
        return Settings(), warnings
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"expected a JSON object, found {type(data).__name__}")
    except (UnicodeDecodeError, ValueError) as exc:
        settings = Settings()
        warnings.append(_set_aside_and_reset(source, settings, exc))
        _log(warnings)
        return settings, warnings
    settings, warnings = _from_mapping(data, source)
    _log(warnings)
    return settings, warnings


def _set_aside_and_reset(source: Path, defaults: Settings, exc: Exception) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    aside = source.with_name(f"{source.name}.bad-{stamp}")
    try:
        os.replace(source, aside)
    except OSError as move_exc:
        return (
            f"{source}: not valid settings ({exc}); using default settings. The file could not "
            f"be moved aside ({describe_os_error(move_exc)}) and was left as it is."
        )
    message = f"{source}: not valid settings ({exc}); it was kept as {aside} and the defaults are used."
    try:
        save_settings(defaults, source)
    except WriteError as write_exc:
        message += f" The default settings could not be written: {write_exc}"
    return message


def _log(warnings: list[str]) -> None:
    for warning in warnings:
        log.warning(warning)


def save_settings(settings: Settings, path: str | os.PathLike | None = None) -> None:
    """Validate and write atomically. Raises SettingsError (invalid) or WriteError (I/O)."""
    target = Path(path) if path is not None else settings_path()
    problems = settings.problems()
    if problems:
        raise SettingsError("Settings not saved: " + "; ".join(problems) + ".")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(target, describe_os_error(exc)) from exc
    data = {"version": SETTINGS_FILE_VERSION, **dataclasses.asdict(settings)}
    atomic_write_text(target, json.dumps(data, indent=2, sort_keys=True) + "\n")
