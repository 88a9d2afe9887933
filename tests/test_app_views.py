"""`tmer-desktop --screenshot … --view V` for every tab: a real PNG of a view with real content.

One library per module, tagged headless once from two real clips and a broken file (jobs=1);
every test runs the entry point in-process on it and inspects the window before it closes.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
import soundfile as sf

pytest.importorskip("pytestqt")

from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tmer_desktop.ui import app as app_mod  # noqa: E402
from tmer_desktop.ui import screenshot as screenshot_mod  # noqa: E402

from fixtures.music import CALM, SAD  # noqa: E402

pytestmark = pytest.mark.slow  # a batch-tagged library, the app started once per view: ~40 s

CLIPS = {  # name: (source, start s, length s); ~36 s gives two 30 s windows at a 5 s hop
    "calm.wav": (CALM, 0.0, 36.0),
    "sad.wav": (SAD, 0.0, 36.0),
    "late.wav": (SAD, 40.0, 36.0),  # the last 4.4 s; only for the mid-batch test
}


def cut(folder, name):
    source, start, length = CLIPS[name]
    info = sf.info(str(source))
    data, sr = sf.read(str(source), start=int(start * info.samplerate),
                       frames=int(length * info.samplerate), dtype="float32")
    folder.mkdir(parents=True, exist_ok=True)
    sf.write(str(folder / name), data, sr)
    return folder / name


@pytest.fixture(scope="module")
def library(qapp, tmp_path_factory):
    """A data directory whose library holds two tagged clips and one error row."""
    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.settings import Settings
    from tmer_desktop.tagging.runner import BatchTagger

    root = tmp_path_factory.mktemp("app-views")
    music = root / "music"
    for name in ("calm.wav", "sad.wav"):
        cut(music, name)
    (music / "broken.mp3").write_bytes(b"")
    data = root / "data"
    data.mkdir()
    with LibraryStore.open(data / "library.sqlite3") as store:
        summary = BatchTagger([str(music)], jobs=1, store=store, settings=Settings(jobs=1)).run()
    assert summary.failed == 1, summary
    return {"root": root, "data": data, "music": music}


def run_view(monkeypatch, tmp_path, library, view, *extra):
    """Run the entry point for one view; the PNG's path, the exit code and what the window held."""
    monkeypatch.setenv("TMER_DATA_DIR", str(library["data"]))  # main() changes it; restored after
    target = tmp_path / f"{view}.png"
    seen = {}

    def inspect(window, capture):
        # Only plain Python values leave this function: the widgets are deleted after it.
        seen.update(capture=capture, settings=window.settings, **probe(window))

    code = app_mod.main(["--library", str(library["data"]), "--screenshot", str(target), "--view", view,
                         *extra], before_close=inspect)
    return target, code, seen


def probe(window):
    """What the tests check, read while the window is still open."""
    dashboard, sessions = window.dashboard, window.sessions
    models = dashboard.models
    tabs = {"library": window.library, "player": window.player_view, "review": window.review,
            "sessions": sessions, "dashboard": dashboard, "record": window.record_view}
    return {
        "tab": next((name for name, w in tabs.items() if w is window.tabs.currentWidget()), None),
        "models_tab": dashboard.tabs.currentWidget() is models,
        "start": sessions.start_combo.currentData(),
        "goal": sessions.goal_combo.currentData(),
        "plan": list(sessions.plan.slots) if sessions.plan is not None else [],
        "minutes": sessions.minutes_spin.value(),
        "pool_seconds": sum(c.duration for c in sessions.pool.by_id.values()) if sessions.pool else 0.0,
        "dashboard_data": dashboard.data,
        "chart": dashboard.current_chart(),
        "versions": [models.table.item(r, 0).text() for r in range(models.table.rowCount())],
        "active": [models.table.item(r, 6).text() for r in range(models.table.rowCount())],
        "no_device": window.record_view.unavailable_reason,
        "record_enabled": window.record_view.record_button.isEnabled(),
        "devices": window.record_view.device_combo.count(),
        "rows": window.library.model.rows(),
        "emotion_names": dict(window.library.model.emotion_names),
    }


def pixels(path) -> np.ndarray:
    """The PNG as an (h, w, 3) array; asserts the screenshot's size."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert (image.width(), image.height()) == screenshot_mod.SCREENSHOT_SIZE
    row_bytes = image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=row_bytes * image.height())
    rows = raw.reshape(image.height(), row_bytes)[:, : image.width() * 3]
    return rows.reshape(image.height(), image.width(), 3).copy()  # the QImage's memory goes with it


def assert_real_picture(path) -> np.ndarray:
    assert path.stat().st_size > 10_000
    rgb = pixels(path)
    # The guide's screenshots measure 20-60 (std) and 480-1900 colours; a blank one 0 and 1.
    assert rgb.std() > 10, "a (nearly) blank image"
    assert len(np.unique(rgb.reshape(-1, 3), axis=0)) > 200, "too few colours for a drawn window"
    return rgb


def test_sessions_view_builds_a_plan_the_library_can_fill(monkeypatch, tmp_path, library, capsys):
    target, code, seen = run_view(monkeypatch, tmp_path, library, "sessions")
    assert code == 0 and f"Saved {target}" in capsys.readouterr().out
    assert_real_picture(target)
    assert seen["tab"] == "sessions"
    assert seen["capture"].done
    assert len(seen["plan"]) >= 1
    # Default length: about two thirds of the library's playing time, in whole minutes, ≥ 1.
    assert seen["pool_seconds"] > 60
    assert seen["minutes"] == max(1, round(seen["pool_seconds"] * 2 / 3 / 60))
    assert seen["plan"][0].candidate.label in ("happy", "sad", "angry", "relaxed")


def test_sessions_options_set_the_request(monkeypatch, tmp_path, library):
    _target, code, seen = run_view(monkeypatch, tmp_path, library, "sessions", "--session-from", "angry",
                                   "--session-to", "energizing", "--minutes", "3")
    assert code == 0
    assert seen["minutes"] == 3
    assert seen["start"] == "angry" and seen["goal"] == "happy"


def test_dashboard_view_waits_for_the_charts(monkeypatch, tmp_path, library, capsys):
    target, code, seen = run_view(monkeypatch, tmp_path, library, "dashboard", "--chart", "confidence")
    assert code == 0 and "not fully populated" not in capsys.readouterr().err
    assert_real_picture(target)
    data = seen["dashboard_data"]
    assert data is not None and data.n_tracks >= 2
    assert seen["chart"] == "confidence"
    assert seen["tab"] == "dashboard" and not seen["models_tab"]


def test_models_view_lists_the_bundled_model(monkeypatch, tmp_path, library):
    target, code, seen = run_view(monkeypatch, tmp_path, library, "models")
    assert code == 0
    assert_real_picture(target)
    assert seen["tab"] == "dashboard" and seen["models_tab"]
    assert "bundled" in seen["versions"]
    assert any("active" in text for text in seen["active"])


def test_record_view_shows_the_devices_or_says_there_are_none(monkeypatch, tmp_path, library):
    target, code, seen = run_view(monkeypatch, tmp_path, library, "record")
    assert code == 0
    assert_real_picture(target)
    assert seen["tab"] == "record"
    if seen["devices"] == 0:  # this machine: no sound card
        assert seen["no_device"] and "input device" in seen["no_device"]
        assert not seen["record_enabled"]
    else:
        assert seen["no_device"] is None and seen["record_enabled"]


def test_settings_view_draws_the_dialog_over_the_dimmed_window(monkeypatch, tmp_path, library):
    plain, code, _ = run_view(monkeypatch, tmp_path, library, "library")
    assert code == 0
    target, code, seen = run_view(monkeypatch, tmp_path, library, "settings")
    assert code == 0
    over = assert_real_picture(target).astype(int)
    under = pixels(plain).astype(int)
    # The edges of the window are the same picture, dimmed; the centre is the dialog.
    assert (over[400:800, 5:40].mean() + 30) < under[400:800, 5:40].mean()
    centre = (slice(300, 420), slice(500, 780))
    assert np.abs(over[centre] - under[centre]).mean() > 10
    assert seen["tab"] == "library"


def test_language_override_is_for_this_run_only(monkeypatch, tmp_path, library):
    from tmer_desktop.settings import load_settings
    from tmer_desktop.ui.i18n import install_language

    try:
        target, code, seen = run_view(monkeypatch, tmp_path, library, "library", "--language", "es")
    finally:
        install_language(QApplication.instance(), "en")
    assert code == 0
    assert_real_picture(target)
    assert seen["settings"].language == "es"
    assert seen["emotion_names"]["relaxed"] == "Relajado"
    monkeypatch.setenv("TMER_DATA_DIR", str(library["data"]))
    assert load_settings()[0].language == "en"  # nothing was saved


def test_tagging_view_is_captured_while_the_batch_runs(monkeypatch, tmp_path, library, capsys):
    """A cached clip finishes at once, a new one still needs analysing: the picture shows the
    progress row and the first result, and closing the window cancels the rest."""
    music = tmp_path / "music"
    music.mkdir()
    (music / "calm.wav").write_bytes((library["music"] / "calm.wav").read_bytes())
    cut(music, "late.wav")
    fresh = {"data": tmp_path / "fresh-data"}
    target, code, seen = run_view(monkeypatch, tmp_path, fresh, "tagging", "--tag", str(music))
    assert code == 0 and "not fully populated" not in capsys.readouterr().err
    assert_real_picture(target)
    assert seen["tab"] == "library"
    assert any(r.n_windows for r in seen["rows"])
    assert seen["capture"].done and seen["capture"].batch_running  # captured mid-batch


def test_tagging_view_says_when_the_batch_ended_too_soon(monkeypatch, tmp_path, capsys):
    """Only a broken file: the batch ends without a track to show; the screenshot is still
    written at once (no waiting for the timeout), with the reason."""
    music = tmp_path / "music"
    music.mkdir()
    (music / "empty.mp3").write_bytes(b"")
    started = time.monotonic()
    target, code, seen = run_view(monkeypatch, tmp_path, {"data": tmp_path / "data"}, "tagging", "--tag", str(music))
    assert code == 0 and target.exists()
    assert time.monotonic() - started < screenshot_mod.SCREENSHOT_TIMEOUT_S / 2
    assert "not fully populated (the batch ended before a track was shown)" in capsys.readouterr().err
    assert not seen["capture"].done
    assert [r.error for r in seen["rows"]] == ["empty file (0 bytes)"]


def test_tagging_view_without_a_batch_says_why(monkeypatch, tmp_path, library, capsys):
    target, code, _seen = run_view(monkeypatch, tmp_path, library, "tagging", "--demo")  # not empty
    assert code == 0 and target.exists()
    assert "no batch was started" in capsys.readouterr().err


def test_help_lists_every_view_and_option(capsys):
    with pytest.raises(SystemExit) as exc:
        app_mod.parse_args(["--help"])
    assert exc.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # however argparse wrapped it
    for word in (*app_mod.VIEWS, "--language", "--tag", "--chart", "--session-from", "--session-to",
                 "--minutes", "67% of the library's playing time"):
        assert word in text, word


@pytest.mark.parametrize("argv, message", [
    (["--view", "tagging"], "--view tagging needs a batch"),
    (["--minutes", "0"], "--minutes must be between 1 and 600"),
    (["--view", "nowhere"], "invalid choice"),
])
def test_bad_options_are_refused_with_the_reason(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        app_mod.parse_args(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_unknown_chart_is_refused(monkeypatch, tmp_path, library, capsys):
    _target, code, _seen = run_view(monkeypatch, tmp_path, library, "dashboard", "--chart", "pie")
    assert code == 2
    assert "unknown chart 'pie'" in capsys.readouterr().err


def test_missing_tag_path_is_named(monkeypatch, tmp_path, library, capsys):
    _target, code, _seen = run_view(monkeypatch, tmp_path, library, "library", "--tag", str(tmp_path / "gone"))
    assert code == 0
    assert f"not found, not tagged: {tmp_path / 'gone'}" in capsys.readouterr().err


def test_application_icon_renders_the_four_emotion_colours(qapp):
    """The window icon is our SVG, drawn (the Qt SVG plugin is present) with the timeline's palette."""
    from tmer_desktop.ui.palette import emotion_hex

    icon = app_mod.application_icon()
    assert not icon.isNull()
    image = icon.pixmap(128).toImage()
    assert image.width() == 128
    # Ring quadrants: top-right happy, bottom-right angry, bottom-left sad, top-left relaxed.
    for (x, y), emotion in (((96, 32), "happy"), ((96, 96), "angry"), ((32, 96), "sad"), ((32, 32), "relaxed")):
        assert image.pixelColor(x, y).name().lower() == emotion_hex(emotion).lower(), emotion
