"""The Record view, offscreen: the no-device message here, and a whole live session in a
subprocess fed by ALSA's file plugin (see test_record.py for why a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from test_record import _feed

from conftest import REPO_ROOT

UI_DRIVER = textwrap.dedent("""\
    import json, sys, time
    from PySide6.QtWidgets import QApplication


    def main():
        args = json.loads(sys.argv[1])
        app = QApplication([])
        from tmer_desktop.library.store import LibraryStore
        from tmer_desktop.settings import Settings
        from tmer_desktop.ui.record_view import RecordView

        store = LibraryStore.open()
        view = RecordView(store, Settings(hop_s=args["hop"]))
        view.resize(1100, 760)
        view.show()
        saved = []
        view.recordingSaved.connect(saved.append)
        out = {"devices": view.device_combo.count(), "reason": view.unavailable_reason}
        out["started"] = view.start_recording(stop_after_frames=args["frames"])
        end = time.monotonic() + 240
        while not saved and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        for _ in range(20):
            app.processEvents()
        out.update(track_id=saved[0] if saved else None, bands=len(view.timeline.band_items),
                   windows=[(w.start, w.label) for w in view.windows], state=view.state_label.text(),
                   provisional=view.provisional_label.text())
        if args.get("screenshot"):
            view.grab().save(args["screenshot"])
        view.shutdown()
        store.close()
        print(json.dumps(out))


    if __name__ == "__main__":
        main()
""")


def test_record_view_without_device_says_so(qtbot, data_dir, screenshot_dir):
    from tmer_desktop.audio import record
    from tmer_desktop.ui.record_view import RecordView

    if record.input_devices():
        pytest.skip("this machine has a real input device")
    view = RecordView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.no_device_label.isVisible()
    assert view.unavailable_reason.startswith("No audio input device found")
    assert not view.record_button.isEnabled() and not view.stop_button.isEnabled()
    assert view.device_combo.count() == 0
    assert view.meter.value() == view.meter.minimum()  # the meter shows silence, not a level
    shot = view.grab()
    assert not shot.isNull()
    shot.save(str(screenshot_dir / "record_no_device.png"))
    messages = []
    view.message.connect(messages.append)
    assert view.start_recording() is False
    assert messages and "Could not start recording" in messages[0]
    assert view.recorder is None and view.live is None


@pytest.mark.slow  # 40 s recorded through the view and analysed live
def test_record_view_live_session_end_to_end(tmp_path, data_dir, screenshot_dir):
    # The view records at the device's default rate, which the ALSA null device gives as 44.1 kHz.
    home, _ = _feed(tmp_path, 40.0, rate=44100)
    script = home / "ui_driver.py"
    script.write_text(UI_DRIVER)
    shot = tmp_path / "record.png"
    env = dict(os.environ, HOME=str(home), TMER_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    env.pop("TMER_CACHE_DIR", None)
    args = {"hop": 10.0, "frames": 40 * 44100, "screenshot": str(shot)}
    proc = subprocess.run([sys.executable, str(script), json.dumps(args)], env=env, capture_output=True,
                          text=True, timeout=300, cwd=REPO_ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["devices"] >= 1 and out["reason"] is None and out["started"] is True
    assert out["track_id"] is not None, out["state"]
    assert [s for s, _ in out["windows"]] == [0.0, 10.0]
    assert out["bands"] == 2
    assert "in the library with 2 window(s)" in out["state"]
    assert shot.stat().st_size > 10_000
    (screenshot_dir / "record.png").write_bytes(shot.read_bytes())


def test_main_window_has_a_record_tab(qtbot, data_dir):
    from test_ui_app import close_window, make_window

    window = make_window(data_dir / "library.sqlite3")
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Record" in titles
    window.tabs.setCurrentIndex(titles.index("Record"))
    assert window.tabs.currentWidget() is window.record_view
    close_window(window)
