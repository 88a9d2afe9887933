"""A keyboard focus ring that stays visible whatever the widget's own style.

Fusion marks a focused button or chart only with a faint outline, and a widget with a style sheet
(the emotion buttons' coloured edge) loses even that. One ring per application follows the focus:
a 2 px frame in palette.FOCUS_HEX drawn just outside the focused widget (QFocusFrame keeps it on
top and following the widget). As a browser's :focus-visible, it shows once a key is pressed
(Tab, Shift+Tab, a shortcut, an arrow) and follows the focus from then on, and hides at a mouse
click until the next key: a window opened with the mouse, or a control just clicked, carries no
ring; a window opened from the keyboard has its ring at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPen
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
    """Moves the application's one FocusRing to the focused widget while the keyboard is in use."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.ring: FocusRing | None = None
        self.by_keyboard = False  # was the last key or button press a key?
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            if not self.by_keyboard:
                self.by_keyboard = True
                focused = QApplication.focusWidget()
                if focused is not None:
                    self._show_on(focused)
        elif kind == QEvent.Type.MouseButtonPress:
            self.by_keyboard = False
        elif kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            if isinstance(event, QFocusEvent) and event.reason() == Qt.FocusReason.MouseFocusReason:
                self.by_keyboard = False  # Qt gives focus before the press reaches this filter
            if self.by_keyboard:
                self._show_on(watched)
            else:
                self._hide()
        return False  # only watching

    def _show_on(self, widget: QWidget) -> None:
        if widget.isWindow():
            self._hide()
            return
        if self.ring is None:
            self.ring = FocusRing()
            self.ring.destroyed.connect(self._forget_ring)
        self.ring.setWidget(widget)
        self.ring.show()

    def _hide(self) -> None:
        if self.ring is not None:
            self.ring.setWidget(None)
            self.ring.hide()

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
