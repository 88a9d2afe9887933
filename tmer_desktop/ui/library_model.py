"""Qt table model of library tracks, and the proxy that sorts, filters and searches it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from tmer_desktop.ui import i18n
from tmer_desktop.ui.palette import emotion_color
from tmer_desktop.vocabulary import DECISIONS, Timeline


@dataclass(frozen=True)
class TableRow:
    track_id: int | None
    path: str
    title: str = ""
    artist: str = ""
    album: str = ""
    duration: float | None = None
    emotion: str | None = None
    confidence: float | None = None
    decision: str | None = None
    error: str | None = None
    n_windows: int = 0
    candidates: tuple[str, ...] = ()  # the two emotions shown for a top-2 decision
    unfamiliar: bool | None = None  # music unlike what the model learnt from (None: not assessed)
    timeline: str | None = None  # vocabulary.Timeline: "fine" is marked in the Duration column

    @property
    def display_title(self) -> str:
        return self.title or Path(self.path).stem


# The review queue lists the tracks a person should listen to: "needs review" ones, and "two
# candidates" ones (a person chooses between the two). The counts shown keep the two apart.
QUEUED_DECISIONS = ("review", "top-2")


def decision_counts(rows) -> dict[str, int]:
    """How many analysed (not failed) rows have each decision ("label", "top-2", "review"): the one
    count behind the status bar, the review queue and the library's filter."""
    counts = dict.fromkeys(DECISIONS, 0)
    for row in rows:
        if not row.error and row.decision in counts:
            counts[row.decision] += 1
    return counts


# Header texts are translated when shown (headerData), so they follow the interface language.
COLUMNS = (
    QT_TRANSLATE_NOOP("TrackTableModel", "Title"), QT_TRANSLATE_NOOP("TrackTableModel", "Artist"),
    QT_TRANSLATE_NOOP("TrackTableModel", "Album"), QT_TRANSLATE_NOOP("TrackTableModel", "Duration"),
    QT_TRANSLATE_NOOP("TrackTableModel", "Emotion"), QT_TRANSLATE_NOOP("TrackTableModel", "Confidence"),
    QT_TRANSLATE_NOOP("TrackTableModel", "Decision"), QT_TRANSLATE_NOOP("TrackTableModel", "Error"),
)
COL_TITLE, COL_ARTIST, COL_ALBUM, COL_DURATION, COL_EMOTION, COL_CONFIDENCE, COL_DECISION, COL_ERROR = range(8)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


class TrackTableModel(QAbstractTableModel):
    """Rows keyed by path; `upsert` adds a row or refreshes it in place as results arrive."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[TableRow] = []
        self._by_path: dict[str, int] = {}
        self.emotion_names: dict[str, str] = {}

    # -- editing -------------------------------------------------------------------
    def set_rows(self, rows: list[TableRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_path = {r.path: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def upsert(self, row: TableRow) -> int:
        i = self._by_path.get(row.path)
        if i is None:
            i = len(self._rows)
            self.beginInsertRows(QModelIndex(), i, i)
            self._rows.append(row)
            self._by_path[row.path] = i
            self.endInsertRows()
        else:
            self._rows[i] = row
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
        return i

    def refresh_display(self) -> None:
        """Redraw every text (emotion names, the language of headers, decisions and errors)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def rows(self) -> list[TableRow]:
        return list(self._rows)

    def row_at(self, i: int) -> TableRow:
        return self._rows[i]

    def row_for_path(self, path: str) -> TableRow | None:
        i = self._by_path.get(path)
        return None if i is None else self._rows[i]

    # -- Qt model API --------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("TrackTableModel", COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and section == COL_DECISION:
            return i18n.decisions_help()
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_ERROR and row.error:
                return i18n.translated(row.error)
            if col == COL_DECISION and row.decision:
                tip = i18n.decision_explanation(row.decision)
                return tip + "\n\n" + self.unfamiliar_explanation() if row.unfamiliar else tip
            if col == COL_DURATION and row.timeline:
                return self.timeline_explanation(row.timeline)
            return row.path
        if role == Qt.ItemDataRole.DecorationRole and col == COL_EMOTION and row.emotion:
            return emotion_color(row.emotion)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_ERROR and row.error:
            return QBrush(QColor("#B00020"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_DURATION, COL_CONFIDENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: TableRow, col: int) -> str:
        if col == COL_TITLE:
            return row.display_title
        if col == COL_ARTIST:
            return row.artist
        if col == COL_ALBUM:
            return row.album
        if col == COL_DURATION:
            if row.timeline == Timeline.FINE:
                return self.tr("{duration} · detailed", "the track has its detailed timeline").format(
                    duration=i18n.clock(row.duration))
            return i18n.clock(row.duration)
        if col == COL_EMOTION:
            return self.emotion_names.get(row.emotion, row.emotion) if row.emotion else ""
        if col == COL_CONFIDENCE:
            return "" if row.confidence is None else i18n.percent(row.confidence)
        if col == COL_DECISION:
            if row.decision == "top-2" and len(row.candidates) == 2:
                a, b = (self.emotion_names.get(c, c) for c in row.candidates)
                text = self.tr("{decision}: {first} / {second}").format(
                    decision=self.decision_text(row.decision), first=a, second=b)
            else:
                text = self.decision_text(row.decision)
            if row.unfamiliar:
                text = self.tr("{decision} · unfamiliar music").format(decision=text)
            return text
        if col == COL_ERROR:
            return i18n.translated(row.error)
        return ""

    def decision_text(self, decision: str | None) -> str:
        """The decision as shown: "Sure", "Two candidates", "Needs review" (the data keeps "label",
        "top-2", "review")."""
        return i18n.decision_name(decision)

    def timeline_explanation(self, timeline: str) -> str:
        if timeline == Timeline.FINE:
            return self.tr("Detailed timeline: the emotion of overlapping 30 s stretches, a few seconds apart.")
        return self.tr("Overview timeline: the emotion of every 30 s stretch, one after another. The detailed "
                       "timeline is made when you open the track in the player.")

    def unfamiliar_explanation(self) -> str:
        return self.tr("This music sounds unlike the music the model learned from, so it is not given a "
                       "single emotion. Listen to it, and correct the emotion if needed: your corrections "
                       "teach the model your music.")

    def _sort_key(self, row: TableRow, col: int) -> Any:
        if col == COL_DURATION:
            return -1.0 if row.duration is None else row.duration
        if col == COL_CONFIDENCE:
            return -1.0 if row.confidence is None else row.confidence
        return self._display(row, col).lower()


class TrackFilterProxy(QSortFilterProxyModel):
    """Filters by emotion and decision (exact) and by a search text over title/artist/album/path."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._emotion: str | None = None
        self._decision: str | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_emotion(self, emotion: str | None) -> None:
        self.beginFilterChange()
        self._emotion = emotion or None
        self.endFilterChange()

    def set_decision(self, decision: str | None) -> None:
        self.beginFilterChange()
        self._decision = decision or None
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row: TableRow = self.sourceModel().row_at(source_row)
        if self._emotion and row.emotion != self._emotion:
            return False
        if self._decision:
            if self._decision == "error":
                if not row.error:
                    return False
            elif self._decision == "unfamiliar":
                if not row.unfamiliar:
                    return False
            elif row.decision != self._decision:
                return False
        if self._text:
            hay = " ".join((row.title, row.artist, row.album, row.path)).lower()
            if self._text not in hay:
                return False
        return True
