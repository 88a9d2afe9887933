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
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD, DEFAULT_TOP2_THRESHOLD
from tmer_desktop.errors import TmerError
from tmer_desktop.atomic import atomic_write_text, describe_os_error
from tmer_desktop.errors import WriteError
from tmer_desktop.translatable import QT_TRANSLATE_NOOP, joined

log = logging.getLogger(__name__)

SETTINGS_FILE_VERSION = 1
LANGUAGES = ("en", "es", "tr")
AGGREGATIONS = ("mean", "majority")
MAX_JOBS = 256


def _default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_JOBS))


@dataclass
class Settings:
    decision_threshold: float = DEFAULT_THRESHOLD  # argmax label when its probability reaches this
    top2_threshold: float = DEFAULT_TOP2_THRESHOLD  # else 'top-2' when the best two together reach this
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
# Each check gives None or a whole, translatable sentence naming the setting (its JSON key) and
# the value found; a value read from the file is shown as Python wrote it (repr), as before.
Check = Callable[[str, Any], "str | None"]


def _shown(number: float) -> int | float:
    """A bound or value as the message shows it: 30.0 as 30, 0.75 as 0.75 (like format 'g')."""
    return int(number) if float(number).is_integer() else float(number)


def _number(lo: float, hi: float, *, lo_open: bool = False) -> Check:
    def check(name: str, value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return QT_TRANSLATE_NOOP("Settings", "'{name}' must be a number, not {value}").format(
                name=name, value=repr(value))
        if not math.isfinite(value):
            return QT_TRANSLATE_NOOP("Settings", "'{name}' must be a finite number, not {value}").format(
                name=name, value=repr(value))
        if value < lo or (lo_open and value == lo) or value > hi:
            if lo_open:
                template = QT_TRANSLATE_NOOP("Settings", "'{name}' must be in ({low}, {high}], not {value}")
            else:
                template = QT_TRANSLATE_NOOP("Settings", "'{name}' must be in [{low}, {high}], not {value}")
            return template.format(name=name, low=_shown(lo), high=_shown(hi), value=repr(value))
        return None

    return check


def _integer(lo: int, hi: int) -> Check:
    def check(name: str, value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return QT_TRANSLATE_NOOP("Settings", "'{name}' must be a whole number, not {value}").format(
                name=name, value=repr(value))
        if not lo <= value <= hi:
            return QT_TRANSLATE_NOOP("Settings", "'{name}' must be between {low} and {high}, not {value}").format(
                name=name, low=lo, high=hi, value=repr(value))
        return None

    return check


def _choice(choices: tuple[str, ...]) -> Check:
    def check(name: str, value: Any) -> str | None:
        if value not in choices:
            return QT_TRANSLATE_NOOP("Settings", "'{name}' must be one of {choices}, not {value}").format(
                name=name, choices=", ".join(choices), value=repr(value))
        return None

    return check


def _boolean(name: str, value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    return QT_TRANSLATE_NOOP("Settings", "'{name}' must be true or false, not {value}").format(
        name=name, value=repr(value))


def _text(name: str, value: Any) -> str | None:
    if isinstance(value, str):
        return None
    return QT_TRANSLATE_NOOP("Settings", "'{name}' must be text, not {value}").format(name=name, value=repr(value))


_CHECKS: dict[str, Check] = {
    "decision_threshold": _number(0.0, 1.0, lo_open=True),
    "top2_threshold": _number(0.0, 1.0, lo_open=True),
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
        problem = check(name, getattr(settings, name))
        if problem:
            found.append((name, problem))
    bad = {name for name, _ in found}
    if not bad & {"hop_s", "window_s"} and settings.hop_s > settings.window_s:
        found.append(("hop_s", QT_TRANSLATE_NOOP(
            "Settings", "'hop_s' ({hop}) must not exceed 'window_s' ({window})"
        ).format(hop=_shown(settings.hop_s), window=_shown(settings.window_s))))
    if not bad & {"top2_threshold", "decision_threshold"} and settings.top2_threshold < settings.decision_threshold:
        found.append(("top2_threshold", QT_TRANSLATE_NOOP(
            "Settings", "'top2_threshold' ({top2}) must not be below 'decision_threshold' ({threshold})"
        ).format(top2=_shown(settings.top2_threshold), threshold=_shown(settings.decision_threshold))))
    return found


def _from_mapping(data: dict[str, Any], source: Path) -> tuple[Settings, list[str]]:
    warnings: list[str] = []
    defaults = Settings()
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "version":
            continue
        if key not in _CHECKS:
            warnings.append(QT_TRANSLATE_NOOP("Settings", "{path}: unknown setting '{key}' ignored.")
                            .format(path=str(source), key=key))
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
            window_ok = not _CHECKS["window_s"]("window_s", settings.window_s)
            if name == "hop_s" and window_ok and default > settings.window_s:
                default = settings.window_s
            if name == "top2_threshold" and default < settings.decision_threshold:
                default = settings.decision_threshold
            warnings.append(QT_TRANSLATE_NOOP("Settings", "{path}: {problem}; using {default} instead.").format(
                path=str(source), problem=message, default=_default_shown(default)))
            setattr(settings, name, default)
    for name in _CHECKS:
        value = getattr(settings, name)
        if isinstance(getattr(defaults, name), float) and type(value) is int:
            setattr(settings, name, float(value))  # a hand-edited "30" means 30.0
    return settings, warnings


def _default_shown(default: Any) -> Any:
    # Numbers stay numbers (the interface writes them in its locale); text is quoted, as repr() did.
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        return default
    return repr(default)


# ------------------------------------------------------------------ load / save
MAX_SETTINGS_BYTES = 1 << 20  # the real file is well under 1 kB


def load_settings(path: str | os.PathLike | None = None) -> tuple[Settings, list[str]]:
    """Read the settings file; returns the settings and warnings for the user. Never raises
    for a missing, unreadable or malformed file (the defaults are used instead)."""
    source = Path(path) if path is not None else settings_path()
    warnings: list[str] = []
    try:
        size = source.stat().st_size
        # A huge file is not read into memory to find out it is not settings: set aside as is.
        raw = source.read_bytes() if size <= MAX_SETTINGS_BYTES else None
    except FileNotFoundError:
        return Settings(), warnings
    except OSError as exc:
        warnings.append(QT_TRANSLATE_NOOP("Settings", "{path}: cannot be read ({reason}); using default settings.")
                        .format(path=str(source), reason=describe_os_error(exc)))
        _log(warnings)
        return Settings(), warnings
    try:
        if raw is None:
            raise ValueError(QT_TRANSLATE_NOOP("Settings", "far too large for a settings file ({size} bytes)")
                             .format(size=size))
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        # Python's own text, e.g. "Expecting value: line 1 column 1", or ours
        data, problem = None, (exc.args[0] if raw is None else str(exc))
    else:
        problem = None if isinstance(data, dict) else QT_TRANSLATE_NOOP(
            "Settings", "expected a JSON object, found {kind}").format(kind=type(data).__name__)
    if problem is not None:
        settings = Settings()
        warnings.append(_set_aside_and_reset(source, settings, problem))
        _log(warnings)
        return settings, warnings
    settings, warnings = _from_mapping(data, source)
    _log(warnings)
    return settings, warnings


def _set_aside_and_reset(source: Path, defaults: Settings, problem: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    aside = source.with_name(f"{source.name}.bad-{stamp}")
    try:
        os.replace(source, aside)
    except OSError as move_exc:
        return QT_TRANSLATE_NOOP(
            "Settings",
            "{path}: not valid settings ({problem}); using default settings. The file could not "
            "be moved aside ({reason}) and was left as it is.",
        ).format(path=str(source), problem=problem, reason=describe_os_error(move_exc))
    try:
        save_settings(defaults, source)
    except WriteError as write_exc:
        return QT_TRANSLATE_NOOP(
            "Settings",
            "{path}: not valid settings ({problem}); it was kept as {kept} and the defaults are used. "
            "The default settings could not be written: {error}",
        ).format(path=str(source), problem=problem, kept=str(aside), error=write_exc.message or str(write_exc))
    return QT_TRANSLATE_NOOP(
        "Settings", "{path}: not valid settings ({problem}); it was kept as {kept} and the defaults are used."
    ).format(path=str(source), problem=problem, kept=str(aside))


def _log(warnings: list[str]) -> None:
    for warning in warnings:
        log.warning(warning)


def save_settings(settings: Settings, path: str | os.PathLike | None = None) -> None:
    """Validate and write atomically. Raises SettingsError (invalid) or WriteError (I/O)."""
    target = Path(path) if path is not None else settings_path()
    problems = settings.problems()
    if problems:
        raise SettingsError(QT_TRANSLATE_NOOP("Settings", "Settings not saved: {problems}.")
                            .format(problems=joined(problems, QT_TRANSLATE_NOOP("Settings", "{list}; {item}"))))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(target, describe_os_error(exc)) from exc
    data = {"version": SETTINGS_FILE_VERSION, **dataclasses.asdict(settings)}
    atomic_write_text(target, json.dumps(data, indent=2, sort_keys=True) + "\n")
