"""Typed settings: defaults, round trip, and hand-edited files with bad values."""

import json
import logging
import os
import time

import pytest

from tmer_desktop.settings import Settings, SettingsError, load_settings, save_settings, settings_path


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_defaults_and_default_location(data_dir):
    s = Settings()
    assert (s.decision_threshold, s.top2_threshold, s.window_s, s.hop_s) == (0.75, 0.90, 30.0, 5.0)
    assert (s.aggregation, s.language, s.write_tags) == ("mean", "en", False)
    assert s.jobs == max(1, os.cpu_count() or 1)
    assert s.problems() == []
    assert settings_path() == data_dir / "settings.json"
    assert load_settings() == (Settings(), [])  # no file yet: defaults, silently
    assert not settings_path().exists()


def test_round_trip(data_dir):
    s = Settings(decision_threshold=0.6, top2_threshold=0.8, window_s=20.0, hop_s=2.5,
                 aggregation="majority", language="tr", jobs=3, write_tags=True,
                 last_folder="/música/ñ", audio_output_device="hw:1")
    save_settings(s)
    loaded, warnings = load_settings()
    assert warnings == [] and loaded == s
    on_disk = json.loads(settings_path().read_text(encoding="utf-8"))
    assert on_disk["version"] == 1 and on_disk["language"] == "tr"
    assert [p.name for p in data_dir.iterdir()] == ["settings.json"]  # no temp file left


def test_hand_edited_bad_values_fall_back_with_warnings(tmp_path, caplog):
    path = tmp_path / "settings.json"
    write_json(path, {
        "decision_threshold": "high",      # wrong type
        "top2_threshold": 1.5,             # out of range
        "window_s": 20,                    # an int is fine for a float field
        "hop_s": 0,                        # hop must be > 0
        "aggregation": "median",           # not a choice
        "language": "es",                  # valid, kept
        "jobs": 2.5,                       # not a whole number
        "write_tags": "yes",               # not a bool
        "colour": "blue",                  # unknown key
    })
    with caplog.at_level(logging.WARNING, logger="tmer_desktop.settings"):
        s, warnings = load_settings(path)
    assert (s.decision_threshold, s.top2_threshold, s.window_s, s.hop_s) == (0.75, 0.90, 20.0, 5.0)
    assert (s.aggregation, s.language, s.jobs, s.write_tags) == ("mean", "es", Settings().jobs, False)
    text = "\n".join(warnings)
    for key in ("decision_threshold", "top2_threshold", "hop_s", "aggregation", "jobs",
                "write_tags", "colour"):
        assert f"'{key}'" in text
    assert "window_s" not in text and "language" not in text
    assert len(warnings) == 7 and all(str(path) in w for w in warnings)
    assert "'hop_s' must be in (0, 600], not 0; using 5.0 instead." in text
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 7
    assert s.problems() == []


@pytest.mark.parametrize("data, field, expected", [
    ({"window_s": 4.0}, "hop_s", 4.0),                            # default hop 5 > window 4
    ({"window_s": 4}, "hop_s", 4.0),
    ({"window_s": 10.0, "hop_s": 12.0}, "hop_s", 5.0),
    ({"decision_threshold": 0.8, "top2_threshold": 0.7}, "top2_threshold", 0.9),
    ({"decision_threshold": 0.95}, "top2_threshold", 0.95),       # default top-2 below threshold
    ({"decision_threshold": float("nan")}, "decision_threshold", 0.75),
    ({"decision_threshold": 0.0}, "decision_threshold", 0.75),   # the decision rule needs (0, 1]
    ({"jobs": True}, "jobs", Settings().jobs),                    # a bool is not a count
    ({"jobs": 0}, "jobs", Settings().jobs),
])
def test_cross_field_rules(tmp_path, data, field, expected):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(data))
    s, warnings = load_settings(path)
    assert getattr(s, field) == expected
    assert len(warnings) == 1 and f"'{field}'" in warnings[0]
    assert s.problems() == []


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2, 3]", b"\xff\xfe\x00garbage"])
def test_invalid_file_is_kept_aside_and_defaults_written(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    s, warnings = load_settings(path)
    assert s == Settings()
    (warning,) = warnings
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.bad-")]
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert str(path) in warning and str(kept[0]) in warning
    assert json.loads(path.read_text())["decision_threshold"] == 0.75
    assert load_settings(path) == (Settings(), [])  # the rewritten file is clean


def test_a_huge_settings_file_is_set_aside_without_being_read(tmp_path):
    path = tmp_path / "settings.json"
    with open(path, "wb") as fh:  # 4 GB announced, nothing written: reading it would take minutes
        fh.truncate(4 << 30)
    started = time.monotonic()
    s, (warning,) = load_settings(path)
    assert time.monotonic() - started < 2
    assert s == Settings()
    assert f"far too large for a settings file ({4 << 30} bytes)" in warning and str(path) in warning
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.bad-")]
    assert len(kept) == 1 and kept[0].stat().st_size == 4 << 30
    assert load_settings(path) == (Settings(), [])


def test_unreadable_settings_path_is_a_warning_not_a_crash(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()  # a folder where the file should be: reading fails on any user, even root
    s, warnings = load_settings(path)
    assert s == Settings() and len(warnings) == 1 and "cannot be read" in warnings[0]


def test_saving_invalid_settings_is_refused(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(language="es"), path)
    with pytest.raises(SettingsError, match="'hop_s' .*must not exceed 'window_s'"):
        save_settings(Settings(window_s=10.0, hop_s=20.0), path)
    with pytest.raises(SettingsError, match="'language' must be one of en, es, tr"):
        save_settings(Settings(language="de"), path)
    assert load_settings(path)[0].language == "es"
