"""Review queue: every track that needs review or has two candidates, and that nobody checked yet.

Select a row and confirm (Enter / ✓) or correct it (1–4); it leaves the queue at once and
the next one is selected, so a user can clear the queue from the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tmer_desktop.ui import i18n
from tmer_desktop.ui.i18n import FollowsLanguage
from tmer_desktop.ui.library_model import (
    COL_CONFIDENCE,
    COL_DECISION,
    COL_DURATION,
    COL_EMOTION,
    COL_TITLE,
    ROW_ROLE,
    TableRow,
    TrackFilterProxy,
    TrackTableModel,
    decision_counts,
)
from tmer_desktop.ui.palette import EMOTIONS, emotion_hex


class ReviewView(FollowsLanguage, QWidget):
    # TableRow, is_correct, corrected label or None
    reviewRequested = Signal(object, bool, object)
    trackActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = TrackTableModel(self)
        self.proxy = TrackFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.header = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_TITLE, 240)
        self.table.setColumnWidth(COL_DECISION, 170)
        self.table.doubleClicked.connect(lambda index: self.trackActivated.emit(index.data(ROW_ROLE)))

        buttons = QHBoxLayout()
        self.correct_button = QPushButton()
        self.correct_button.clicked.connect(lambda: self._review(True, None))
        buttons.addWidget(self.correct_button)
        self.emotion_buttons = []
        for i, emo in enumerate(EMOTIONS, start=1):
            b = QPushButton(f"{i} {emo.capitalize()}")
            b.setStyleSheet(f"border-left: 6px solid {emotion_hex(emo)}; padding: 3px 8px;")
            b.clicked.connect(lambda _=False, e=emo: self._review(False, e))
            buttons.addWidget(b)
            self.emotion_buttons.append(b)
            QShortcut(QKeySequence(str(i)), self, activated=lambda e=emo: self._review(False, e),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self, activated=lambda: self._review(True, None),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_current)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.correct_button.setText(self.tr("✓ Correct (Enter)"))
        self.correct_button.setToolTip(self.tr("The track's emotion is right: take it off the queue"))
        self.open_button.setText(self.tr("Open in player"))
        self.table.setAccessibleName(self.tr("Tracks to review"))
        self.table.setAccessibleDescription(self.tr(
            "Least confident first; Enter marks the track correct, keys 1 to 4 give its emotion."))
        self._update_header()

    def set_emotion_names(self, names: dict[str, str]) -> None:
        self.model.emotion_names = dict(names)
        for i, (emo, button) in enumerate(zip(EMOTIONS, self.emotion_buttons), start=1):
            button.setText(f"{i} {names.get(emo, emo)}")
        self.model.refresh_display()

    def set_rows(self, rows: list[TableRow]) -> None:
        self.model.set_rows(rows)
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # least confident first
        self._fit_columns()
        self._update_header()
        if self.proxy.rowCount():
            self._select(0)

    def remove_path(self, path: str) -> None:
        current = self.table.currentIndex().row()
        self.model.set_rows([r for r in self.model.rows() if r.path != path])
        self._update_header()
        if self.proxy.rowCount():
            self._select(min(max(current, 0), self.proxy.rowCount() - 1))

    def _fit_columns(self) -> None:
        """Hide the columns no queued track fills (often Artist, Album and always Error: a failed
        file is never queued) and size the short ones to their text, so that no cell wraps."""
        rows = self.model.rows()
        for col in range(self.model.columnCount()):
            empty = not any(self.model.index(r, col).data() for r in range(len(rows)))
            self.table.setColumnHidden(col, bool(rows) and empty)
        for col in (COL_DURATION, COL_EMOTION, COL_CONFIDENCE, COL_DECISION):
            self.table.resizeColumnToContents(col)

    def current_row(self) -> TableRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _select(self, r: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.proxy.index(r, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _review(self, is_correct: bool, emotion: str | None) -> None:
        row = self.current_row()
        if row is not None and row.emotion is not None:
            self.reviewRequested.emit(row, is_correct, emotion)

    def _open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.trackActivated.emit(row)

    def _update_header(self) -> None:
        n = self.model.rowCount()
        counts = decision_counts(self.model.rows())
        self.header.setText(
            self.tr("%n to review", "", counts["review"]) + " · "
            + self.tr("%n with two candidates", "", counts["top-2"]) + ". "
            + self.tr("Tracks you have already checked are not listed.")
            if n else self.tr("Nothing to review: every analysed track is sure or was checked."))
        self.header.setToolTip(i18n.decisions_help())
        for b in [self.correct_button, self.open_button, *self.emotion_buttons]:
            b.setEnabled(n > 0)
