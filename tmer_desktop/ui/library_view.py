"""Library view: the track table with search and filters, and the batch progress row.

The view only shows things and asks for things (signals); the main window runs batches.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tmer_desktop.ui import i18n
from tmer_desktop.ui.i18n import FollowsLanguage, clock
from tmer_desktop.ui.library_model import (
    COL_ALBUM,
    COL_ARTIST,
    COL_DECISION,
    COL_DURATION,
    COL_TITLE,
    ROW_ROLE,
    TableRow,
    TrackFilterProxy,
    TrackTableModel,
)
from tmer_desktop.ui.palette import EMOTIONS
from tmer_desktop.vocabulary import DECISIONS


def format_eta(seconds: float | None) -> str:
    if seconds is None or seconds != seconds or seconds < 0:
        return QCoreApplication.translate("LibraryView", "estimating…")
    return clock(seconds)


class LibraryView(FollowsLanguage, QWidget):
    openFolderRequested = Signal()
    pathsDropped = Signal(list)
    cancelRequested = Signal()
    trackSelected = Signal(object)   # TableRow
    trackActivated = Signal(object)  # TableRow (double-click / Enter): open in the player

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.model = TrackTableModel(self)
        self.proxy = TrackFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.openFolderRequested)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.emotion_filter = QComboBox()
        self.emotion_filter.addItem("", None)
        for emo in EMOTIONS:
            self.emotion_filter.addItem(emo.capitalize(), emo)
        self.emotion_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_emotion(self.emotion_filter.currentData()))
        self.decision_filter = QComboBox()
        for value in (None, "label", "top-2", "review", "unfamiliar", "error"):
            self.decision_filter.addItem("", value)
        self.decision_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_decision(self.decision_filter.currentData()))
        self.emotion_label = QLabel()
        self.emotion_label.setBuddy(self.emotion_filter)
        self.decision_label = QLabel()
        self.decision_label.setBuddy(self.decision_filter)

        bar = QHBoxLayout()
        bar.addWidget(self.open_button)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.emotion_label)
        bar.addWidget(self.emotion_filter)
        bar.addWidget(self.decision_label)
        bar.addWidget(self.decision_filter)

        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat("%v / %m")
        self.progress_label = QLabel()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._on_cancel)
        self.progress_row = QWidget()
        prow = QHBoxLayout(self.progress_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.progress_bar, 1)
        prow.addWidget(self.progress_label)
        prow.addWidget(self.cancel_button)
        self.progress_row.hide()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((COL_TITLE, 240), (COL_ARTIST, 130), (COL_ALBUM, 130), (COL_DECISION, 170)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(self._on_activated)  # double-click, or Enter on the current row

        self.empty_hint = QLabel()
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(False)
        self.demo_button = QPushButton()
        self.empty_row = QWidget()
        erow = QHBoxLayout(self.empty_row)
        erow.addStretch(1)
        erow.addWidget(self.empty_hint)
        erow.addWidget(self.demo_button)
        erow.addStretch(1)
        self.model.modelReset.connect(self._update_empty_hint)
        self.model.rowsInserted.connect(self._update_empty_hint)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.empty_row)
        layout.addWidget(self.table, 1)
        self._update_empty_hint()
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open music folder…"))
        self.search.setPlaceholderText(self.tr("Search title, artist, album, file…"))
        self.search.setAccessibleName(self.tr("Search the library"))
        self.table.setAccessibleName(self.tr("Tracks"))
        self.table.setAccessibleDescription(self.tr("One row per track; Enter opens the track in the player."))
        self.progress_bar.setAccessibleName(self.tr("Tagging progress"))
        self.emotion_filter.setAccessibleName(self.tr("Show only this emotion"))
        self.emotion_filter.setItemText(0, self.tr("All emotions"))
        self.decision_filter.setAccessibleName(self.tr("Show only this decision"))
        for i, text in enumerate((self.tr("All decisions"), i18n.decision_name("label"), i18n.decision_name("top-2"),
                                  i18n.decision_name("review"), self.tr("Unfamiliar music"), self.tr("Failed"))):
            self.decision_filter.setItemText(i, text)
        for i, value in enumerate(DECISIONS, start=1):  # the one-line meaning of each decision
            self.decision_filter.setItemData(i, i18n.decision_explanation(value), Qt.ItemDataRole.ToolTipRole)
        self.decision_filter.setToolTip(i18n.decisions_help())
        self.emotion_label.setText(self.tr("Emotion:"))
        self.decision_label.setText(self.tr("Decision:"))
        if self.cancel_button.isEnabled():
            self.cancel_button.setText(self.tr("Cancel"))
        else:
            self.cancel_button.setText(self.tr("Cancelling…"))
        self.empty_hint.setText(self.tr("Your library is empty. Open a music folder (or drop files here) to tag it."))
        self.demo_button.setText(self.tr("Try the bundled demo"))

    def set_emotion_names(self, names: dict[str, str]) -> None:
        """Show emotions in the user's language (the data keeps the English keys)."""
        self.model.emotion_names = dict(names)
        for i in range(1, self.emotion_filter.count()):
            self.emotion_filter.setItemText(i, names.get(self.emotion_filter.itemData(i), ""))
        self.model.refresh_display()

    # -- batch progress --------------------------------------------------------------
    def batch_started(self, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(0)
        self.progress_label.setText(" · ".join((self.tr("{done} of {total}").format(done=0, total=total),
                                                format_eta(None))))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.progress_row.show()

    def batch_progress(self, done: int, total: int, failed: int = 0, skipped: int = 0,
                       eta: float | None = None) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        parts = [self.tr("{done} of {total}").format(done=done, total=total)]
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        if skipped:
            parts.append(self.tr("%n unchanged", "", skipped))
        parts.append(self.tr("ETA {eta}").format(eta=format_eta(eta)) if done < total else self.tr("finishing…"))
        self.progress_label.setText(" · ".join(parts))

    def batch_finished(self, message: str) -> None:
        self.progress_row.hide()
        self.open_button.setEnabled(True)
        self.demo_button.setEnabled(True)
        self.progress_label.setText(message)

    def _on_cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancelling…"))
        self.cancelRequested.emit()

    # -- selection -------------------------------------------------------------------
    def current_row(self) -> TableRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_path(self, path: str) -> bool:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(ROW_ROLE).path == path:
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return True
        return False

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.trackSelected.emit(current.data(ROW_ROLE))

    def _on_activated(self, index) -> None:
        if index.isValid():
            self.trackActivated.emit(index.data(ROW_ROLE))

    def _update_empty_hint(self, *args) -> None:
        empty = self.model.rowCount() == 0
        self.empty_row.setVisible(empty)

    def widen_decision_for(self, row: int) -> None:
        """During a batch: widen the Decision column if the row just added would be cut there
        (resize_columns, which fits every column, runs when the batch ends)."""
        shown = self.proxy.mapFromSource(self.model.index(row, COL_DECISION))
        if not shown.isValid():  # filtered out: not on screen
            return
        # The delegate's own measure of the cell, as resizeColumnToContents takes it.
        needed = self.table.sizeHintForIndex(shown).width()
        if needed > self.table.columnWidth(COL_DECISION):
            self.table.setColumnWidth(COL_DECISION, needed)

    def resize_columns(self) -> None:
        # A decision can read "Two candidates: Sad / Angry · unfamiliar music": as wide as it needs.
        self.table.resizeColumnToContents(COL_DECISION)
        self.table.setColumnWidth(COL_DECISION, max(170, self.table.columnWidth(COL_DECISION)))
        # The error column (last) stretches over what is left, the whole message in its tooltip
        # (sized to its text, a long message pushed the table into a horizontal scroll bar); an
        # Artist or Album column no track fills gives it its width.
        rows = self.model.rows()
        header = self.table.horizontalHeader()
        for col, filled in ((COL_ARTIST, any(r.artist for r in rows)), (COL_ALBUM, any(r.album for r in rows))):
            narrow = header.sectionSizeFromContents(col).width()
            if not filled:
                self.table.setColumnWidth(col, narrow)
            elif self.table.columnWidth(col) <= narrow:
                self.table.setColumnWidth(col, 130)
        # "3:35 · detailed" where the track has its detailed timeline
        width = self.table.columnWidth(COL_DURATION)
        self.table.resizeColumnToContents(COL_DURATION)
        self.table.setColumnWidth(COL_DURATION, max(width, self.table.columnWidth(COL_DURATION)))

    # -- drag and drop ---------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if Path(p).exists()]
        if paths:
            event.acceptProposedAction()
            self.pathsDropped.emit(paths)
