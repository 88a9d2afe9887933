"""`tmer-desktop --screenshot`: bring the chosen view to real content, then save it as a PNG.

The user guide's pictures (scripts/guide_screenshots.sh) and the README's come from here: no
mock-ups, the real window on the real library, captured once background work has finished.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tmer_desktop.ui.start_view import SESSION_FROM, SESSION_TO, build_session_plan, select_view

SCREENSHOT_SIZE = (1280, 820)
SCREENSHOT_TIMEOUT_S = 120.0
TITLE_BAR_PX = 26  # the title bar drawn over a dialog in a screenshot


class _ViewFiller:
    """One step at a time (between event-loop turns), bring a view to real content.

    step() returns True when the view shows what it is meant to show (or all there is to
    show, e.g. an empty library), or when waiting longer cannot help: then `problem` says why."""

    def __init__(self, window, view: str, track: str | None = None, chart: str | None = None,
                 session: tuple[str, str, float | None] = (SESSION_FROM, SESSION_TO, None)):
        self.window, self.view, self.track, self.chart, self.session = window, view, track, chart, session
        self.unknown_track = False
        self.audio = False
        self.explained: set[str] = set()
        self.review_loaded = False
        self.started = False
        self.dialog = None  # the Settings dialog, for the settings view
        self.problem: str | None = None
        self.listed = False
        self.dashboard_error: str | None = None
        window.dashboard.refresh_failed.connect(self._on_dashboard_failed)
        window.audioLoaded.connect(self._on_audio)
        window.explanationShown.connect(self.explained.add)
        window.reviewLoaded.connect(self._on_review_loaded)

    def _on_audio(self, _track_id) -> None:
        self.audio = True

    def _on_review_loaded(self) -> None:
        self.review_loaded = True

    def _on_dashboard_failed(self, message: str) -> None:
        self.dashboard_error = message

    def step(self) -> bool:
        window, view = self.window, self.view
        batch_running = window.batch is not None and window.batch.running
        if view == "tagging":
            # Mid-batch: the progress row and the first finished rows are on screen.
            if window.batch is None:  # --demo on a library that is not empty, or nothing found
                self.problem = "no batch was started (--demo tags only an empty library)"
                return True
            if not batch_running:
                self.problem = "the batch ended before a track was shown"
                return True
            # ... and the progress row has counted them (progress is reported at most every 0.25 s).
            finished = sum(1 for r in window.library.model.rows() if r.n_windows or r.error)
            return (batch_running and any(r.n_windows for r in window.library.model.rows())
                    and window.library.progress_bar.value() >= finished)
        if batch_running or not window.library_loaded:
            return False  # e.g. the demo is still being tagged: show the finished library
        return getattr(self, f"_step_{view}")()

    def _step_library(self) -> bool:
        library = self.window.library
        if library.model.rowCount() == 0 or library.current_row():
            return True
        analysed = [r for r in library.model.rows() if r.n_windows]
        if not (analysed and library.select_path(analysed[0].path)):
            library.table.selectRow(0)
        return False

    def _step_review(self) -> bool:
        if not self.started:
            self.started = True
            self.review_loaded = False
            self.window.refresh_review()  # the queue as it is after any batch of this run
            return False
        if not self.review_loaded:
            return False
        review = self.window.review
        if review.table.model().rowCount() and review.current_row() is None:
            review.table.selectRow(0)
        return True

    def _step_player(self) -> bool:
        window = self.window
        if not self.started:
            self.started = True
            rows = [r for r in window.library.model.rows() if r.n_windows]
            if self.track is not None and not any(self.track in r.path for r in rows):  # (batches have ended)
                self.unknown_track = True  # `--track TEXT` matches nothing: said, not another track shown
                self.problem = f"no track in the library has {self.track!r} in its path"
                return True
            rows.sort(key=lambda r: (self.track is None or self.track not in r.path, r.display_title.lower()))
            if not rows:
                return True  # nothing analysed: the empty player is what there is to show
            window.library.select_path(rows[0].path)
            window.open_in_player(rows[0])
            # Put the cursor a little into the track, on its second window when there is one.
            series = window.current_track.series if window.current_track else None
            if series is not None and len(series) > 1:
                window.player_view.seek(float(series.centres[1]))
            if self.chart in ("details", "windows"):  # the researchers' details / each window unsmoothed
                window.player_view.explanations.set_details(self.chart == "details")
                window.player_view.timeline.set_smoothed(self.chart != "windows")
            return False
        return self.audio and {"track", "window"} <= self.explained

    def _step_sessions(self) -> bool:
        if not self.started:
            self.started = True
            select_view(self.window, "sessions")
            build_session_plan(self.window, *self.session)
        return True  # planning is synchronous; no tagged tracks leaves the reason on screen

    def _step_dashboard(self) -> bool:
        dashboard = self.window.dashboard
        if not self.started:
            self.started = True
            select_view(self.window, self.view)  # "dashboard" or "models"
            if not dashboard.busy:
                dashboard.refresh()  # the library as it is after any batch of this run
            return False
        if self.dashboard_error is not None:
            self.problem = f"the dashboards could not be computed: {self.dashboard_error}"
            return True
        if dashboard.busy or dashboard.data is None:
            return False
        if self.chart and dashboard.current_chart() != self.chart:
            dashboard.show_chart(self.chart)
        return True

    def _step_models(self) -> bool:
        if not self._step_dashboard():
            return False
        models = self.window.dashboard.models
        if models.table.rowCount() == 0 and not self.listed:
            self.listed = True
            models.refresh_versions()
        if models.table.rowCount() == 0:
            self.problem = f"no model version is listed: {models.status.text() or 'the list is empty'}"
        return True

    def _step_record(self) -> bool:
        select_view(self.window, "record")
        return True  # the device list (or the no-device message) is filled when the view is built

    def _step_settings(self) -> bool:
        if self.dialog is None:
            self._step_library()
            # File → Settings… opens the dialog without blocking (window-modal) and returns it.
            self.dialog = self.window.settings_dialog()
            return False
        return self.dialog.isVisible()


def wait_until_populated(app, window, view: str, timeout: float = SCREENSHOT_TIMEOUT_S,
                         track: str | None = None, chart: str | None = None,
                         session: tuple[str, str, float | None] = (SESSION_FROM, SESSION_TO, None)):
    """Spin the event loop until the view shows real content (or the timeout passes).

    Returns the _ViewFiller: `.done` (the view was populated in time), `.batch_running` (a
    batch was still running then) and `.dialog` (the Settings dialog of the settings view)."""
    deadline = time.monotonic() + timeout
    filler = _ViewFiller(window, view, track=track, chart=chart, session=session)
    filler.done = False
    while time.monotonic() < deadline:
        app.processEvents()
        if filler.step():
            filler.done = filler.problem is None
            break
        time.sleep(0.01)
    filler.batch_running = window.batch is not None and window.batch.running
    return filler


def grab_with_dialog(window, dialog):
    """The window's image with `dialog` drawn centred over it, the window dimmed behind it
    (offscreen, a dialog is a separate top-level window that window.grab() leaves out, and
    it has no title bar: a plain one with the dialog's title is drawn above it)."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPen

    image = window.grab()
    dialog.adjustSize()
    front = dialog.grab()
    painter = QPainter(image)
    painter.fillRect(image.rect(), QColor(0, 0, 0, 70))
    ratio = image.devicePixelRatio() or 1.0
    size = front.size() / (front.devicePixelRatio() or 1.0)
    top_left = QPoint(int((image.width() / ratio - size.width()) / 2),
                      int((image.height() / ratio - size.height()) / 3))
    bar = QRect(top_left.x(), top_left.y() - TITLE_BAR_PX, size.width(), TITLE_BAR_PX)
    painter.fillRect(bar, QColor("#DADADA"))
    painter.setPen(QColor("#222222"))
    painter.drawText(bar.adjusted(10, 0, -10, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                     dialog.windowTitle())
    painter.drawPixmap(top_left, front)
    painter.setPen(QPen(QColor("#444444"), 1))
    painter.drawRect(bar.x() - 1, bar.y() - 1, size.width() + 1, size.height() + TITLE_BAR_PX + 1)
    painter.end()
    return image


def take_screenshot(app, window, target: str, view: str, track: str | None = None, chart: str | None = None,
                session: tuple[str, str, float | None] = (SESSION_FROM, SESSION_TO, None)):
    """Save the populated view as a PNG; (exit code, the _ViewFiller)."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    filler = wait_until_populated(app, window, view, track=track, chart=chart, session=session)
    if getattr(filler, "unknown_track", False):
        print(f"tmer-desktop: --track {track}: {filler.problem}; no screenshot was saved", file=sys.stderr)
        return 2, filler
    for _ in range(5):
        app.processEvents()
    image = grab_with_dialog(window, filler.dialog) if filler.dialog is not None else window.grab()
    if filler.dialog is not None:
        filler.dialog.close()
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        print(f"tmer-desktop: could not write the screenshot {path}", file=sys.stderr)
        return 1, filler
    if filler.problem is not None:
        print(f"tmer-desktop: the {view} view was not fully populated ({filler.problem}); "
              f"saved it as it was to {path}", file=sys.stderr)
    elif not filler.done:
        print(f"tmer-desktop: the {view} view was not fully populated after {SCREENSHOT_TIMEOUT_S:.0f} s; "
              f"saved it as it was to {path}", file=sys.stderr)
    else:
        print(f"Saved {path}")
    return 0, filler
