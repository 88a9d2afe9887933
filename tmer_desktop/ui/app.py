"""`tmer-desktop`: start the GUI, or render one view offscreen to a PNG (--screenshot).

    tmer-desktop [--library DIR] [--demo] [--tag PATH]... [--language en|es|tr]
                 [--screenshot FILE.png] [--view VIEW] [--track TEXT] [--chart KEY]
                 [--session-from MOOD] [--session-to GOAL] [--minutes N]

--library DIR   use DIR as the data directory for this run (as TMER_DATA_DIR does)
--demo          open the demo library (paths.demo_data_dir(): apart from the user's own library,
                marked in the title) and tag the bundled demo clips into it when it is empty;
                with --library DIR, the demo clips are tagged into DIR when it is empty
--tag PATH      tag PATH (a folder or file) at start, as File → Open music folder does
--language L    the interface language for this run, instead of the one in the settings
--view V        the tab shown first (and captured by --screenshot), one of VIEWS below
--screenshot F  render the main window offscreen once the chosen view shows real content (ui/screenshot.py)
                (background work finished), save it as F and exit (the user guide's
                pictures: scripts/guide_screenshots.sh)

Views: library, player, review, sessions, dashboard, models (the model versions), record,
settings (the Settings dialog over the window), tagging (the Library while a batch started
by --demo or --tag runs: captured after the first track is shown, before the batch ends).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
import time
from pathlib import Path

from tmer_desktop.ui.start_view import (
    GOAL_ALIASES,
    SESSION_FROM,
    SESSION_MAX_MINUTES,
    SESSION_SHARE,
    SESSION_TO,
    VIEWS,
    build_session_plan,
    select_view,
)

LANGUAGES = ("en", "es", "tr")
MOODS = ("happy", "sad", "angry", "relaxed")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tmer-desktop", description="Music emotion tagging for therapists and musicologists.",
        epilog="Views: library, player, review, sessions, dashboard, models (model versions and "
               "retraining), record, settings (the Settings dialog over the window), tagging (the "
               "library while a batch started by --demo or --tag is still running).")
    parser.add_argument("--library", metavar="DIR",
                        help="data directory holding the library (default: the user data dir)")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render offscreen, save a PNG and exit")
    parser.add_argument("--view", choices=VIEWS, default="library", help="the tab shown first (default: library)")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo library, apart from your own (tagging the bundled demo clips into it "
                             "the first time); with --library DIR, tag them into DIR when it is empty")
    parser.add_argument("--tag", metavar="PATH", action="append", default=[],
                        help="tag this folder or file at start (repeatable)")
    parser.add_argument("--language", choices=LANGUAGES,
                        help="interface language for this run (default: the one in the settings)")
    parser.add_argument("--track", metavar="TEXT", help="open the first track whose path contains TEXT (player view)")
    parser.add_argument("--chart", metavar="KEY",
                        help="dashboard chart to show: by_artist, by_album, by_genre, by_folder, by_session, "
                             "confidence, confusion, reliability or drift (dashboard view); details or "
                             "windows (player view: the explanations' Details open, or each window unsmoothed)")
    parser.add_argument("--session-from", metavar="MOOD", choices=MOODS,
                        help=f"sessions view: build a plan starting from this mood (default: {SESSION_FROM})")
    parser.add_argument("--session-to", metavar="GOAL", choices=MOODS + tuple(GOAL_ALIASES),
                        help=f"sessions view: ... towards this goal, or relaxing / energizing (default: {SESSION_TO})")
    parser.add_argument("--minutes", type=float, metavar="N",
                        help=f"sessions view: session length in minutes (default: about {SESSION_SHARE * 100:.0f}%% "
                             f"of the library's playing time, at most {SESSION_MAX_MINUTES})")
    # For start-up benchmarks: print "shown" once the window has painted, then quit.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.minutes is not None and not (1 <= args.minutes <= 600):
        parser.error("--minutes must be between 1 and 600")
    if args.view == "tagging" and not (args.demo or args.tag):
        parser.error("--view tagging needs a batch to show: add --demo (empty library) or --tag PATH")
    return args


def _prepare_environment(args: argparse.Namespace) -> None:
    if args.library:
        os.environ["TMER_DATA_DIR"] = str(Path(args.library).expanduser().resolve())
    elif args.demo:
        use_demo_library()
    if args.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def use_demo_library() -> Path:
    """Make the demo library this process's data directory (created and marked on first use);
    the user's own library is not opened, so the demo clips never go into it."""
    from tmer_desktop import paths

    folder = paths.demo_data_dir()
    try:
        paths.mark_demo_data_dir(folder)
    except OSError as exc:  # the window opening the library says what is wrong with the folder
        logging.getLogger(__name__).warning("could not mark the demo library %s: %s", folder, exc, exc_info=True)
    os.environ["TMER_DATA_DIR"] = str(folder)
    return folder


def application_icon():
    """The app's icon (resources/icons/tmer-desktop.svg); an empty icon if it cannot be read."""
    from PySide6.QtGui import QIcon

    from tmer_desktop.paths import RESOURCES_DIR

    return QIcon(str(RESOURCES_DIR / "icons" / "tmer-desktop.svg"))


def open_main_window(view: str = "library", language: str | None = None):
    """Open the library and settings and build the main window (QApplication must exist).

    language: overrides the settings' interface language for this window.
    """
    from PySide6.QtWidgets import QApplication

    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.settings import load_settings
    from tmer_desktop.ui.i18n import install_language
    from tmer_desktop.ui.main_window import MainWindow

    settings, warnings = load_settings()
    if language:
        settings = dataclasses.replace(settings, language=language)
    from tmer_desktop.tagging.inplace import recover_interrupted

    warnings = list(warnings) + install_language(QApplication.instance(), settings.language)
    warnings += recover_interrupted()  # a tag write cut short by a crash: the file is put back first
    store = LibraryStore.open()
    window = MainWindow(store, settings, messages=warnings)
    select_view(window, view)
    return window


def _wait_for_library(app, window, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not window.library_loaded and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _start_demo_when_empty(app, window) -> None:
    _wait_for_library(app, window)
    if window.library.model.rowCount() == 0:
        window.tag_demo_clips()


def _open_demo_window(app, windows: list, language: str | None) -> None:
    """"Try the bundled demo" in the user's own library: this window gives way to one on the
    demo library (the user's library is closed, untouched), which tags the clips when empty."""
    from tmer_desktop.errors import TmerError

    own = windows[-1]
    use_demo_library()
    try:
        demo = open_main_window("library", language=language)
    except TmerError as exc:
        own.statusBar().showMessage(str(exc), 15000)
        return
    demo.resize(own.size())
    demo.show()
    windows.append(demo)
    own.close()
    _start_demo_when_empty(app, demo)


def _start_tagging(app, window, targets: list[str]) -> None:
    missing = [t for t in targets if not Path(t).exists()]
    if missing:
        print(f"tmer-desktop: not found, not tagged: {', '.join(missing)}", file=sys.stderr)
    found = [str(Path(t).expanduser().resolve()) for t in targets if Path(t).exists()]
    if found:
        _wait_for_library(app, window)
        window.start_batch(found)


def main(argv: list[str] | None = None, before_close=None) -> int:
    """before_close(window, capture): called just before the main window closes (tests);
    capture is the screenshot's _ViewFiller (None without --screenshot)."""
    # Batch workers are started with 'spawn': a frozen (PyInstaller) build must let a child
    # process run its task instead of starting another copy of the app.
    import multiprocessing

    multiprocessing.freeze_support()
    args = parse_args(argv)
    _prepare_environment(args)
    import tmer_desktop  # noqa: F401  (points numba at our cache before anything imports it)
    from tmer_desktop import logs

    logs.configure("tmer-desktop")
    # Decoder notes (mpg123's "Illegal Audio-MPEG-Header", Qt's platform notes) go to a log file,
    # not to the terminal the app was started from; our own messages still reach it.
    with logs.decoder_notes_to_log():
        return _run(args, before_close)


def _run(args, before_close) -> int:
    from PySide6.QtWidgets import QApplication

    from tmer_desktop.errors import TmerError
    from tmer_desktop.ui.i18n import error_text

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("tmer-desktop")
    app.setWindowIcon(application_icon())
    try:
        window = open_main_window(args.view, language=args.language)
    except TmerError as exc:
        print(f"tmer-desktop: {exc}", file=sys.stderr)
        if not args.screenshot:
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.critical(None, "tmer-desktop", error_text(exc))
        return 2
    if args.chart and args.chart not in ("details", "windows"):  # those two are the player's (ui/screenshot.py)
        try:
            window.dashboard.show_chart(args.chart)
        except KeyError as exc:
            print(f"tmer-desktop: --chart: {exc.args[0]}", file=sys.stderr)
            window.close()
            window.store.close()
            return 2
    windows = [window]
    window.demoRequested.connect(lambda: _open_demo_window(app, windows, args.language))
    if args.demo:
        _start_demo_when_empty(app, window)
    if args.tag:
        _start_tagging(app, window, args.tag)
    session = (args.session_from or SESSION_FROM, args.session_to or SESSION_TO, args.minutes)
    capture = None
    if args.exit_when_shown:
        from tmer_desktop.ui.first_paint import exit_when_shown

        code = exit_when_shown(app, window)
    elif args.screenshot:
        from tmer_desktop.ui.screenshot import take_screenshot

        code, capture = take_screenshot(app, window, args.screenshot, args.view, args.track, args.chart, session)
    else:
        window.show()
        if args.view == "sessions" and (args.session_from or args.session_to or args.minutes):
            _wait_for_library(app, window)
            build_session_plan(window, *session)
        elif args.view == "settings":
            from PySide6.QtCore import QTimer
            QTimer.singleShot(0, window.settings_dialog)
        code = app.exec()
    if before_close is not None:
        before_close(window, capture)
    for shown in windows:
        shown.close()
        shown.store.close()
        shown.deleteLater()
    app.processEvents()
    windows.clear()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main())
