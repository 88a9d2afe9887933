"""`tmer-desktop`: start the GUI, or render one view offscreen to a PNG (--screenshot).

    tmer-desktop [--library DIR] [--demo] [--screenshot FILE.png] [--view library|player|review]

--library DIR   use DIR as the data directory for this run (as TMER_DATA_DIR does)
--screenshot F  render the main window offscreen once the chosen view is populated, save it
                as F and exit (used for the README's screenshots and in tests)
--view V        the view shown first (and captured by --screenshot)
--demo          when the library is empty, tag the bundled demo clips at once (first run)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

SCREENSHOT_SIZE = (1280, 820)
SCREENSHOT_TIMEOUT_S = 120.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tmer-desktop", description="Music emotion tagging for therapists and musicologists.")
    parser.add_argument("--library", metavar="DIR", help="data directory holding the library (default: the user data dir)")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render offscreen, save a PNG and exit")
    parser.add_argument("--view", choices=("library", "player", "review"), default="library")
    parser.add_argument("--demo", action="store_true", help="tag the bundled demo clips when the library is empty")
    parser.add_argument("--track", metavar="TEXT", help="open the first track whose path contains TEXT (player view)")
    # For start-up benchmarks: print "shown" once the window has painted, then quit.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _prepare_environment(args: argparse.Namespace) -> None:
    if args.library:
        os.environ["TMER_DATA_DIR"] = str(Path(args.library).expanduser().resolve())
    if args.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def open_main_window(view: str = "library"):
    """Open the library and settings and build the main window (QApplication must exist)."""
    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.settings import load_settings
    from tmer_desktop.ui.main_window import MainWindow

    from PySide6.QtWidgets import QApplication

    from tmer_desktop.ui.i18n import install_language

    settings, warnings = load_settings()
    warnings = list(warnings) + install_language(QApplication.instance(), settings.language)
    store = LibraryStore.open()
    window = MainWindow(store, settings, messages=warnings)
    window.show_view(view)
    return window


def wait_until_populated(app, window, view: str, timeout: float = SCREENSHOT_TIMEOUT_S,
                         track: str | None = None) -> bool:
    """Spin the event loop until the view shows real content (or the timeout passes)."""
    deadline = time.monotonic() + timeout
    state = {"audio": False, "explained": set()}
    window.audioLoaded.connect(lambda _tid: state.__setitem__("audio", True))
    window.explanationShown.connect(lambda target: state["explained"].add(target))
    opened = False
    while time.monotonic() < deadline:
        app.processEvents()
        if window.batch is not None and window.batch.running:
            time.sleep(0.01)
            continue  # e.g. the demo is still being tagged: show the finished library
        if window.library_loaded:
            if view != "player":
                if view == "review" or window.library.model.rowCount() == 0 or window.library.current_row():
                    return True
                analysed = [r for r in window.library.model.rows() if r.n_windows]
                if not (analysed and window.library.select_path(analysed[0].path)):
                    window.library.table.selectRow(0)
            elif not opened:
                opened = True
                rows = [r for r in window.library.model.rows() if r.n_windows]
                rows.sort(key=lambda r: (track is None or track not in r.path, r.display_title.lower()))
                if not rows:
                    return True  # nothing analysed: the empty player is what there is to show
                window.library.select_path(rows[0].path)
                window.open_in_player(rows[0])
                # Put the cursor a little into the track, on its second window when there is one.
                series = window.current_track.series if window.current_track else None
                if series is not None and len(series) > 1:
                    window.player_view.seek(float(series.centres[1]))
            elif state["audio"] and {"track", "window"} <= state["explained"]:
                return True
        time.sleep(0.01)
    return False


def _screenshot(app, window, target: str, view: str, track: str | None = None) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    ok = wait_until_populated(app, window, view, track=track)
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        print(f"tmer-desktop: could not write the screenshot {path}", file=sys.stderr)
        return 1
    if not ok:
        print(f"tmer-desktop: the {view} view was not fully populated after {SCREENSHOT_TIMEOUT_S:.0f} s; "
              f"saved it as it was to {path}", file=sys.stderr)
    else:
        print(f"Saved {path}")
    return 0


def _exit_when_shown(app, window) -> int:
    """Show the window, report its first paint on stdout, and quit (benchmarks/startup.py)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
                self.seen = True
                print("shown", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


def _start_demo_when_empty(app, window) -> None:
    deadline = time.monotonic() + 30
    while not window.library_loaded and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if window.library.model.rowCount() == 0:
        window.start_demo()


def main(argv: list[str] | None = None) -> int:
    # Batch workers are started with 'spawn': a frozen (PyInstaller) build must let a child
    # process run its task instead of starting another copy of the app.
    import multiprocessing

    multiprocessing.freeze_support()
    args = parse_args(argv)
    _prepare_environment(args)
    import tmer_desktop  # noqa: F401  (points numba at our cache before anything imports it)
    from PySide6.QtWidgets import QApplication

    from tmer_desktop.errors import TmerError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("tmer-desktop")
    try:
        window = open_main_window(args.view)
    except TmerError as exc:
        print(f"tmer-desktop: {exc}", file=sys.stderr)
        if not args.screenshot:
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.critical(None, "tmer-desktop", str(exc))
        return 2
    if args.demo:
        _start_demo_when_empty(app, window)
    if args.exit_when_shown:
        code = _exit_when_shown(app, window)
    elif args.screenshot:
        code = _screenshot(app, window, args.screenshot, args.view, args.track)
    else:
        window.show()
        code = app.exec()
    window.close()
    window.store.close()
    window.deleteLater()
    app.processEvents()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main())
