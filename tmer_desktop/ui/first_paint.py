"""Report a window's first paint on stdout and quit: what benchmarks/startup.py times, for the
app (`tmer-desktop --exit-when-shown`) and for its bare-Qt baseline alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, app):
        super().__init__()
        self._app = app
        self.seen = False

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print("shown", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def exit_when_shown(app, window) -> int:
    """Show `window`, print "shown" once it has painted, then quit; returns app.exec()'s code."""
    watcher = _FirstPaint(app)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()
