"""The bar above the tabs that says the library was found damaged and moved aside, offers to
recover the user's work from the moved file (library/recover.py) and then says what came back.

It stays until the user closes it: a status-bar message would be gone before it was read, and
the corrections it speaks of are the user's own work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tmer_desktop.ui import i18n

_ALERT_STYLE = "#libraryNotice { background: #fff3cd; border: 1px solid #d9a400; }"
_OK_STYLE = "#libraryNotice { background: #e8f5e9; border: 1px solid #7cb77f; }"


class LibraryNotice(i18n.FollowsLanguage, QFrame):
    recoverRequested = Signal(str)  # the damaged file to recover from

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("libraryNotice")
        self.setStyleSheet(_ALERT_STYLE)
        self.moved: Path | None = None
        self._notices: list[str] = []  # core messages, translated again on a language change
        self._report = None
        self._error: BaseException | None = None
        self._busy = False

        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recover_button = QPushButton(self)
        self.recover_button.clicked.connect(lambda: self.moved and self.recoverRequested.emit(str(self.moved)))
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.hide)
        buttons = QVBoxLayout()
        buttons.addWidget(self.recover_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.hide()

    # -- what it says ----------------------------------------------------------------------
    def show_moved(self, moved: Path, notices: list[str]) -> None:
        """The library at start-up was damaged and moved to `moved`: say so and offer recovery."""
        self.moved, self._notices, self._report, self._error, self._busy = Path(moved), list(notices), None, None, False
        self.setStyleSheet(_ALERT_STYLE)
        self.retranslate()
        self.show()

    def show_working(self, source: Path) -> None:
        self.moved, self._report, self._error, self._busy = Path(source), None, None, True
        self.retranslate()
        self.show()

    def show_result(self, report) -> None:
        self._report, self._error, self._busy = report, None, False
        self.setStyleSheet(_OK_STYLE if report.exit_code == 0 else _ALERT_STYLE)
        self.retranslate()
        self.show()

    def show_failure(self, error: BaseException) -> None:
        self._report, self._error, self._busy = None, error, False
        self.setStyleSheet(_ALERT_STYLE)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Close"))
        self.recover_button.setText(self.tr("Recover"))
        self.recover_button.setToolTip(self.tr("Read the damaged file (it is not changed) and add the corrections, "
                                               "session playlists and model versions it still holds to this library"))
        self.recover_button.setVisible(self._report is None and self.moved is not None)
        self.recover_button.setEnabled(not self._busy)
        if self._busy:
            self.text.setText(self.tr("Recovering from {file}…").format(file=str(self.moved)))
        elif self._report is not None:
            self.text.setText(self.result_text(self._report))
        elif self._error is not None:
            self.text.setText(self.tr("Nothing was recovered from {file}: {reason}").format(
                file=str(self.moved), reason=i18n.error_text(self._error)))
        else:
            offer = self.tr("Recover brings back your corrections, session playlists and model versions from it; "
                            "tagging your music again brings back the analyses.")
            self.text.setText(" ".join([*(i18n.translated(n) for n in self._notices), offer]))

    def result_text(self, report) -> str:
        """What a recovery brought back, in whole phrases each language can word (plurals by tr)."""
        names = {
            "corrections": lambda n: self.tr("corrections: {read} of %n recovered", "", n),
            "sessions": lambda n: self.tr("session playlists: {read} of %n recovered", "", n),
            "models": lambda n: self.tr("model versions: {read} of %n recovered", "", n),
        }
        parts = []
        for kind in report.shown():
            k = report.kinds[kind]
            words = [names[kind](k.total).format(read=k.read - k.not_found)]
            if k.unreadable:
                words.append(self.tr("%n unreadable", "", k.unreadable))
            if k.more_unknown:
                words.append(self.tr("more may be lost where the file is damaged"))
            if k.not_found:
                words.append(self.tr("%n no longer in the model store", "", k.not_found))
            if kind == "sessions" and report.entries_lost:
                words.append(self.tr("%n entries lost", "", report.entries_lost))
            if k.added:
                words.append(self.tr("%n added", "", k.added))
            if k.present:
                words.append(self.tr("%n already in the library", "", k.present))
            parts.append(", ".join(words))
        text = self.tr("Recovered from {file}: {details}.").format(file=str(report.source), details="; ".join(parts))
        if report.backup is not None:
            text += " " + self.tr("A copy of the library from before was kept at {backup}.").format(
                backup=str(report.backup))
        elif report.recovered and not report.added:
            text += " " + self.tr("Nothing new to add: everything readable was already in the library.")
        return text
