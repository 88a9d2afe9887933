"""A keyboard focus ring that stays visible whatever the widget's own style.

Fusion marks a focused button or chart only with a faint outline, and a widget with a style sheet
(the emotion buttons' coloured edge) loses even that. One ring per application follows the focus:
a 2 px frame in palette.FOCUS_HEX drawn just outside the focused widget (QFocusFrame keeps it on
top and following the widget). It shows when focus moves by keyboard or by the program, and hides
when a mouse click moved it (the clicked control needs no marking), as a browser's :focus-visible.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

from tmer_desktop.ui.palette import FOCUS_HEX

RING_WIDTH = 2.0


class FocusRing(QFocusFrame):
    """The ring itself: a rounded frame in FOCUS_HEX (QFocusFrame places it and masks its inside)."""

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(FOCUS_HEX), RING_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


class FocusTracker(QObject):
    """Moves the application's one FocusRing to each newly focused widget."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        by_mouse = QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
        if new is None or new.isWindow() or by_mouse:
            if self.ring is not None:
                self.ring.setWidget(None)
                self.ring.hide()
            return
        if self.ring is None:
            self.ring = FocusRing()
            self.ring.destroyed.connect(self._forget_ring)
        self.ring.setWidget(new)
        self.ring.show()

    def _forget_ring(self, *_args) -> None:
        self.ring = None  # deleted with the window it was in

    @property
    def widget(self) -> QWidget | None:
        """The widget the ring is drawn around (None when hidden)."""
        ring = self.ring
        return ring.widget() if ring is not None and ring.isVisible() else None


def install_focus_ring(app: QApplication) -> FocusTracker:
    """The application's focus tracker, created on first use."""
    tracker = app.findChild(FocusTracker)
    return tracker if tracker is not None else FocusTracker(app)
