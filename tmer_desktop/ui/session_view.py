"""Session builder: plan a therapy-session playlist, edit it, see its path, save and export.

One self-contained widget over the Qt-free builder (tmer_desktop.playlists). Planning is
pure arithmetic on the tagged library (milliseconds for thousands of tracks), so it runs in
the GUI thread; the library is re-read at every build so newly tagged tracks take part.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tmer_desktop.errors import TmerError
from tmer_desktop.playlists.builder import Constraints, SessionPlan, SessionRequest, build_session
from tmer_desktop.playlists.candidates import CandidatePool, load_candidates
from tmer_desktop.playlists.sessions import export_csv, export_m3u8, load_plan, save_plan
from tmer_desktop.playlists.space import CORNERS
from tmer_desktop.ui.i18n import FollowsLanguage, clock, emotion_name, error_text, number, percent, translated
from tmer_desktop.ui.locale_axis import locale_axes
from tmer_desktop.ui.palette import EMOTIONS, SYMBOLS, emotion_color, emotion_hex

CHART_EDGE = 1.2       # the mood square's half width, with room for the corner names
CHART_MARGIN = 0.35    # around the plan's points when the chart shows only the part it uses
CHART_MIN_SPAN = 1.2   # the chart shows at least half of the square each way
# Where a track's number may go around its point, in order of preference (x, y directions).
NUMBER_PLACES = ((1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1))

TRACK_ROLE = Qt.ItemDataRole.UserRole
# (text marked for Qt's tools, goal); an empty text shows the emotion's own name.
GOALS = ((QT_TRANSLATE_NOOP("SessionBuilderView", "Relaxing (→ relaxed)"), "relaxed"),
         (QT_TRANSLATE_NOOP("SessionBuilderView", "Energizing (→ happy)"), "happy"),
         *(("", e) for e in EMOTIONS))



class SessionBuilderView(FollowsLanguage, QWidget):
    sessionSaved = Signal(int)      # session id
    playRequested = Signal(str)     # path of a slot the user double-clicked
    message = Signal(str)           # status text (also shown in the view)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.plan: SessionPlan | None = None
        self.pool: CandidatePool | None = None
        self.session_id: int | None = None
        self._refreshing = False
        self._shown_status = None  # what the status line says (see _status)

        # ---- request
        self._fixed_labels: list[tuple[QLabel, str]] = []  # (label, English text) for retranslate()
        self.start_combo = QComboBox()
        for emo in EMOTIONS:
            self.start_combo.addItem(emo, emo)
        self.start_combo.setCurrentIndex(EMOTIONS.index("sad"))
        self.start_track_combo = QComboBox()
        self.goal_combo = QComboBox()
        for text, value in GOALS:
            self.goal_combo.addItem(text, value)
        self.minutes_spin = QDoubleSpinBox()
        self.minutes_spin.setRange(1, 600)
        self.minutes_spin.setDecimals(0)
        self.minutes_spin.setValue(45)
        self.title_edit = QLineEdit()
        self.pseudonym_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(60)
        self.notes_edit.setTabChangesFocus(True)  # Tab moves on (a tab character is no use in a note)
        self.genre_edit = QLineEdit()
        self.artist_edit = QLineEdit()
        self.build_button = QPushButton()
        self.build_button.clicked.connect(self.build)
        self.saved_combo = QComboBox()
        self.saved_combo.setMinimumContentsLength(20)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_selected_session)

        form = QFormLayout()
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_combo)
        start_row.addWidget(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "or from track")))
        start_row.addWidget(self.start_track_combo, 1)
        form.addRow(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Start mood:")), start_row)
        form.addRow(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Goal:")), self.goal_combo)
        form.addRow(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Duration:")), self.minutes_spin)
        filters = QHBoxLayout()
        filters.addWidget(self.genre_edit)
        filters.addWidget(self.artist_edit)
        form.addRow(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Only:")), filters)
        form.addRow(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Title:")), self.title_edit)
        form.addRow(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Client pseudonym:")), self.pseudonym_edit)
        form.addRow(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Notes:")), self.notes_edit)
        build_row = QHBoxLayout()
        build_row.addWidget(self.build_button, 1)
        build_row.addWidget(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Saved sessions:")))
        build_row.addWidget(self.saved_combo)
        build_row.addWidget(self.open_button)
        form.addRow("", build_row)

        # ---- slots
        self.slot_list = QListWidget()
        self.slot_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.slot_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.slot_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.slot_list.setWordWrap(True)
        self.slot_list.setAlternatingRowColors(True)
        self.slot_list.model().rowsMoved.connect(lambda *_: QTimer.singleShot(0, self._sync_order_from_list))
        self.slot_list.itemChanged.connect(self._on_item_changed)
        self.slot_list.currentRowChanged.connect(self._on_current_changed)
        self.slot_list.itemDoubleClicked.connect(self._on_double_click)

        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self.remove_slot(self.slot_list.currentRow()))
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(lambda: self.toggle_lock(self.slot_list.currentRow()))
        self.suggest_combo = QComboBox()
        self.suggest_combo.setMinimumContentsLength(24)
        self.replace_button = QPushButton()
        self.replace_button.clicked.connect(self._replace_with_selected_suggestion)
        self.replan_button = QPushButton()
        self.replan_button.clicked.connect(self.replan)
        edit_row = QHBoxLayout()
        for w in (self.remove_button, self.lock_button,
                  self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Suggestions:"))):
            edit_row.addWidget(w)
        edit_row.addWidget(self.suggest_combo, 1)
        edit_row.addWidget(self.replace_button)
        edit_row.addWidget(self.replan_button)
        self.add_combo = QComboBox()
        self.add_combo.setMinimumContentsLength(24)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add_selected_track)
        add_row = QHBoxLayout()
        add_row.addWidget(self._label(QT_TRANSLATE_NOOP("SessionBuilderView", "Add a track:")))
        add_row.addWidget(self.add_combo, 1)
        add_row.addWidget(self.add_button)

        # ---- chart
        pg.setConfigOptions(antialias=True)
        self.chart = pg.PlotWidget(axisItems=locale_axes())
        self.chart.setBackground("w")
        self.chart.setXRange(-1.2, 1.2, padding=0)
        self.chart.setYRange(-1.2, 1.2, padding=0)
        self.chart.disableAutoRange()
        self.chart.showGrid(x=True, y=True, alpha=0.2)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.hideButtons()
        for axis_line in (0, 90):
            self.chart.addItem(pg.InfiniteLine(pos=0, angle=axis_line, pen=pg.mkPen("#BBBBBB", width=1)))
        self._corner_labels: dict[str, pg.TextItem] = {}
        for emo, (v, a) in CORNERS.items():
            # Anchored so each corner's name extends into the square, never out of view.
            label = pg.TextItem(emo, color=emotion_hex(emo), anchor=(0.5 + 0.5 * v, 0.5 - 0.5 * a))
            label.setPos(v * 1.18, a * 1.18)
            self.chart.addItem(label)
            self._corner_labels[emo] = label
        # The key to the lines sits under the chart, where it cannot cover a corner's name or a track.
        self.chart_key = QLabel()
        self.chart_key.setWordWrap(True)
        self.chart_key.setStyleSheet("color: #333333;")
        self.path_curve = self.chart.plot([], [], pen=pg.mkPen("#777777", width=2, style=Qt.PenStyle.DashLine))
        self.track_curve = self.chart.plot([], [], pen=pg.mkPen("#333333", width=1.5))
        self.track_points = pg.ScatterPlotItem(size=13, pen=pg.mkPen("k", width=1))
        self.chart.addItem(self.track_points)
        self.endpoints = pg.ScatterPlotItem(size=16, symbol="star", pen=pg.mkPen("k"), brush=pg.mkBrush("#FFFFFF"))
        self.chart.addItem(self.endpoints)
        self._number_items: list[pg.TextItem] = []
        self.chart.getViewBox().sigResized.connect(self._place_numbers)

        # ---- save / export
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.relative_check = QCheckBox()
        self.relative_check.setChecked(True)
        self.export_m3u_button = QPushButton()
        self.export_m3u_button.clicked.connect(self._ask_export_m3u8)
        self.export_csv_button = QPushButton()
        self.export_csv_button.clicked.connect(self._ask_export_csv)
        self.summary_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.summary_label, 1)
        for w in (self.save_button, self.export_m3u_button, self.relative_check, self.export_csv_button):
            file_row.addWidget(w)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.slot_list, 1)
        left_layout.addLayout(edit_row)
        left_layout.addLayout(add_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.chart_key)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(file_row)
        layout.addWidget(self.status_label)

        self.retranslate()
        self.reload_tracks()
        self._update_buttons()

    # ------------------------------------------------------------------ language
    def _label(self, source: str) -> QLabel:
        """A fixed label; `source` is its English text, marked with QT_TRANSLATE_NOOP."""
        label = QLabel()
        self._fixed_labels.append((label, source))
        return label

    def retranslate(self) -> None:
        """Every text in the interface language (again on a language change, with the lists and the plan)."""
        for label, source in self._fixed_labels:
            label.setText(QCoreApplication.translate("SessionBuilderView", source))
        for index in range(self.start_combo.count()):
            self.start_combo.setItemText(index, emotion_name(self.start_combo.itemData(index)))
        for index, (text, value) in enumerate(GOALS):
            self.goal_combo.setItemText(
                index, QCoreApplication.translate("SessionBuilderView", text) if text else emotion_name(value))
        self.start_track_combo.setToolTip(self.tr("Measure the starting mood from a tagged track instead"))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Tuesday group, week 3"))
        self.pseudonym_edit.setPlaceholderText(self.tr("no real names"))
        self.notes_edit.setPlaceholderText(self.tr("Notes for this session"))
        self.genre_edit.setPlaceholderText(self.tr("any genre (comma-separated to limit)"))
        self.artist_edit.setPlaceholderText(self.tr("any artist (comma-separated to limit)"))
        self.build_button.setText(self.tr("Build session"))
        for widget, name in ((self.start_combo, self.tr("Start mood")),
                             (self.start_track_combo, self.tr("Start mood from a track")),
                             (self.goal_combo, self.tr("Goal")), (self.minutes_spin, self.tr("Duration in minutes")),
                             (self.genre_edit, self.tr("Only these genres")),
                             (self.artist_edit, self.tr("Only these artists")),
                             (self.title_edit, self.tr("Session title")),
                             (self.pseudonym_edit, self.tr("Client pseudonym")),
                             (self.notes_edit, self.tr("Session notes")), (self.saved_combo, self.tr("Saved sessions")),
                             (self.slot_list, self.tr("Tracks of the session, in play order")),
                             (self.suggest_combo, self.tr("Suggested replacements")),
                             (self.add_combo, self.tr("Track to add")),
                             (self.chart, self.tr("Session path in valence and arousal"))):
            widget.setAccessibleName(name)
        self.chart.setAccessibleDescription(self.tr(
            "Each track is a point, its shape and colour its emotion: circle happy, square sad, triangle angry, "
            "diamond relaxed; the dashed line is the planned path from the star at the start to the goal."))
        self.open_button.setText(self.tr("Open"))
        self.remove_button.setText(self.tr("Remove"))
        self.lock_button.setText(self.tr("Lock / unlock"))
        self.replace_button.setText(self.tr("Replace"))
        self.replan_button.setText(self.tr("Re-plan unlocked"))
        self.add_button.setText(self.tr("Add before selected"))
        self.save_button.setText(self.tr("Save session"))
        self.relative_check.setText(self.tr("relative paths"))
        self.export_m3u_button.setText(self.tr("Export M3U8…"))
        self.export_csv_button.setText(self.tr("Export CSV…"))
        self.chart.setLabel("bottom", self.tr("valence (unpleasant → pleasant)"))
        self.chart.setLabel("left", self.tr("arousal (calm → energetic)"))
        for emo, label in self._corner_labels.items():
            label.setText(emotion_name(emo))
        self.chart_key.setText("╌╌ " + self.tr("planned path (☆ start → goal)") + "     —— "
                               + self.tr("tracks in play order"))
        if self.pool is not None:
            self._fill_track_combos()
            self.reload_sessions()
        if self.plan is not None:
            self._refresh(select=self.slot_list.currentRow())
        if self._shown_status is not None:
            self.status_label.setText(self._status_text(self._shown_status))

    # ------------------------------------------------------------------ library
    def reload_tracks(self) -> None:
        """Re-read the tagged library (candidates and the 'from track' list)."""
        try:
            self.pool = load_candidates(self.store)
        except TmerError as exc:
            self.pool = None
            self._status(exc, error=True)
            return
        self._fill_track_combos()
        self.reload_sessions()

    def _fill_track_combos(self) -> None:
        current = self.start_track_combo.currentData()
        self.start_track_combo.blockSignals(True)
        self.start_track_combo.clear()
        self.start_track_combo.addItem(self.tr("— the chosen mood —"), None)
        for c in sorted(self.pool.by_id.values(), key=lambda c: c.display_title.lower()):
            self.start_track_combo.addItem(f"{c.display_title} ({emotion_name(c.label, lower=True)})", c.track_id)
        index = self.start_track_combo.findData(current)
        self.start_track_combo.setCurrentIndex(max(index, 0))
        self.start_track_combo.blockSignals(False)
        current = self.add_combo.currentData()
        self.add_combo.clear()
        for c in sorted(self.pool.by_id.values(), key=lambda c: c.display_title.lower()):
            self.add_combo.addItem(f"{c.display_title} ({emotion_name(c.label, lower=True)} {percent(c.confidence)}, "
                                   f"{clock(c.duration)})", c.track_id)
        self.add_combo.setCurrentIndex(max(self.add_combo.findData(current), 0))

    def reload_sessions(self) -> None:
        self.saved_combo.clear()
        try:
            rows = self.store.sessions()
        except TmerError as exc:
            self._status(exc, error=True)
            rows = []
        for row in rows:
            who = f" — {row.client_pseudonym}" if row.client_pseudonym else ""
            self.saved_combo.addItem(self.tr("{title} (%n track(s))", "", row.n_items).format(title=row.title + who),
                                     row.id)
        self.open_button.setEnabled(bool(rows))

    def request(self) -> SessionRequest:
        track_id = self.start_track_combo.currentData()

        def split(text):
            return [part for part in text.split(",") if part.strip()]

        constraints = Constraints.make(genres=split(self.genre_edit.text()), artists=split(self.artist_edit.text()))
        return SessionRequest(goal=self.goal_combo.currentData(), minutes=self.minutes_spin.value(),
                              start=self.start_combo.currentData(), start_track_id=track_id,
                              constraints=constraints)

    # ------------------------------------------------------------------ actions
    def build(self) -> bool:
        self.reload_tracks()
        if self.pool is None:
            return False
        if len(self.pool) == 0:  # said with the app's buttons (the planner's own message names the command)
            self._status(lambda: self.tr(
                "No analysed tracks to build a session from yet. In the Library tab, press “Open music folder…” "
                "(or drop a folder there) to analyse your music first."), error=True)
            return False
        try:
            plan = build_session(self.request(), self.pool)
        except TmerError as exc:
            self._status(exc, error=True)
            return False
        self.plan = plan
        self.session_id = None
        self._refresh()
        warnings, count, tagged = list(plan.warnings), len(plan), len(self.pool)
        self._status(lambda: self._warnings(warnings)
                     or self.tr("Built %n tracks from {tagged} tagged.", "", count).format(tagged=tagged),
                     error=bool(warnings))
        return True

    def remove_slot(self, row: int) -> None:
        if self.plan is None or not 0 <= row < len(self.plan):
            return
        slot = self.plan.remove(row)
        self._refresh(select=min(row, len(self.plan) - 1))
        self._status(lambda: self.tr("Removed {title}.").format(title=slot.candidate.display_title))

    def toggle_lock(self, row: int) -> None:
        if self.plan is None or not 0 <= row < len(self.plan):
            return
        self.plan.set_locked(row, not self.plan.slots[row].locked)
        self._refresh(select=row)

    def replace_slot(self, row: int, track_id: int) -> None:
        if self.plan is None:
            return
        try:
            self.plan.replace(row, track_id)
        except TmerError as exc:
            self._status(exc, error=True)
            return
        self._refresh(select=row)

    def replan(self) -> None:
        if self.plan is None:
            return
        try:
            self.plan.replan()
        except TmerError as exc:
            self._status(exc, error=True)
            return
        self._refresh()
        warnings = list(self.plan.warnings)
        self._status(lambda: self._warnings(warnings) or self.tr("Re-planned the unlocked slots."),
                     error=bool(self.plan.warnings))

    def save(self) -> int | None:
        if self.plan is None or not self.plan.slots:
            self._status(lambda: self.tr("Build a session first."), error=True)
            return None
        title = self.title_edit.text().strip() or self.tr("{start} to {goal}").format(
            start=emotion_name(self.plan.start_mood, lower=True), goal=emotion_name(self.plan.goal, lower=True))
        try:
            self.session_id = save_plan(self.store, self.plan, title,
                                        client_pseudonym=self.pseudonym_edit.text(),
                                        notes=self.notes_edit.toPlainText(), session_id=self.session_id)
        except TmerError as exc:
            self._status(exc, error=True)
            return None
        self._status(lambda: self.tr("Saved “{title}” in the library.").format(title=title))
        self.reload_sessions()
        self.sessionSaved.emit(self.session_id)
        return self.session_id

    def open_session(self, session_id: int) -> bool:
        """Load a saved session into the editor."""
        self.reload_tracks()
        try:
            row, plan = load_plan(self.store, session_id, self.pool)
        except TmerError as exc:
            self._status(exc, error=True)
            return False
        self.plan, self.session_id = plan, session_id
        self.title_edit.setText(row.title)
        self.pseudonym_edit.setText(row.client_pseudonym)
        self.notes_edit.setPlainText(row.notes)
        self._refresh()
        warnings = list(plan.warnings)
        self._status(lambda: self._warnings(warnings) or self.tr("Opened “{title}”.").format(title=row.title),
                     error=bool(plan.warnings))
        return True

    def export_m3u8_to(self, path: str, relative: bool | None = None) -> bool:
        if self.plan is None:
            return False
        rel = self.relative_check.isChecked() if relative is None else relative
        try:
            n = export_m3u8(self.plan, path, relative=rel, title=self.title_edit.text().strip() or None)
        except TmerError as exc:
            self._status(exc, error=True)
            return False
        self._status(lambda: self.tr("Exported %n tracks to {path}.", "", n).format(path=path))
        return True

    def export_csv_to(self, path: str) -> bool:
        if self.plan is None:
            return False
        try:
            n = export_csv(self.plan, path)
        except TmerError as exc:
            self._status(exc, error=True)
            return False
        self._status(lambda: self.tr("Exported %n rows to {path}.", "", n).format(path=path))
        return True

    def _ask_export_m3u8(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export playlist"), "session.m3u8",
                                              self.tr("Playlists (*.m3u8 *.m3u)"))
        if path:
            self.export_m3u8_to(path)

    def _ask_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export session as CSV"), "session.csv",
                                              self.tr("CSV (*.csv)"))
        if path:
            self.export_csv_to(path)

    def _open_selected_session(self) -> None:
        session_id = self.saved_combo.currentData()
        if session_id is not None:
            self.open_session(session_id)

    def _add_selected_track(self) -> None:
        track_id = self.add_combo.currentData()
        if self.plan is None or track_id is None:
            return
        row = self.slot_list.currentRow()
        row = len(self.plan) if row < 0 else row
        try:
            self.plan.insert(row, track_id)
        except TmerError as exc:
            self._status(exc, error=True)
            return
        self._refresh(select=row)

    def _replace_with_selected_suggestion(self) -> None:
        track_id = self.suggest_combo.currentData()
        if track_id is not None:
            self.replace_slot(self.slot_list.currentRow(), track_id)

    # ------------------------------------------------------------------ list <-> plan
    def _sync_order_from_list(self) -> None:
        if self.plan is None or self._refreshing:
            return
        ids = [self.slot_list.item(i).data(TRACK_ROLE) for i in range(self.slot_list.count())]
        if ids != self.plan.track_ids:
            current = self.slot_list.currentItem()
            moved = current.data(TRACK_ROLE) if current else None
            self.plan.reorder(ids)
            self._refresh(select=ids.index(moved) if moved in ids else None)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self.plan is None or self._refreshing:
            return
        row = self.slot_list.row(item)
        locked = item.checkState() == Qt.CheckState.Checked
        if 0 <= row < len(self.plan) and self.plan.slots[row].locked != locked:
            self.plan.set_locked(row, locked)
            # Update this item in place: rebuilding the list inside its own signal is unsafe.
            self._refreshing = True
            try:
                item.setText(self._item_text(row))
            finally:
                self._refreshing = False
            self._draw_chart()

    def _on_current_changed(self, row: int) -> None:
        self.suggest_combo.clear()
        if self.plan is not None and 0 <= row < len(self.plan):
            for s in self.plan.suggestions(row, k=8):
                c = s.candidate
                self.suggest_combo.addItem(
                    self.tr("{title} — {emotion} {confidence}, {distance} from the point, {duration}").format(
                        title=c.display_title, emotion=emotion_name(c.label, lower=True),
                        confidence=percent(c.confidence), distance=number(s.waypoint_distance, 2),
                        duration=clock(c.duration)),
                    c.track_id)
        self._update_buttons()

    def _on_double_click(self, item: QListWidgetItem) -> None:
        if self.plan is not None:
            row = self.slot_list.row(item)
            if 0 <= row < len(self.plan):
                self.playRequested.emit(self.plan.slots[row].candidate.path)

    def _refresh(self, select: int | None = None) -> None:
        self._refreshing = True
        try:
            self.slot_list.clear()
            plan = self.plan
            for i, slot in enumerate(plan.slots if plan else []):
                c = slot.candidate
                item = QListWidgetItem(self._item_text(i))
                item.setData(TRACK_ROLE, c.track_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
                item.setCheckState(Qt.CheckState.Checked if slot.locked else Qt.CheckState.Unchecked)
                item.setToolTip(self._item_tooltip(slot))
                item.setForeground(emotion_color(c.label).darker(150))
                self.slot_list.addItem(item)
        finally:
            self._refreshing = False
        if plan is not None:
            if plan.within_duration():
                summary = self.tr(
                    "{start} → {goal}: %n tracks, {total} of {target} (within ±{tolerance})", "", len(plan))
            else:
                summary = self.tr(
                    "{start} → {goal}: %n tracks, {total} of {target} (outside ±{tolerance})", "", len(plan))
            self.summary_label.setText(summary.format(
                start=emotion_name(plan.start_mood, lower=True), goal=emotion_name(plan.goal, lower=True),
                total=clock(plan.total_s), target=clock(plan.target_s), tolerance=clock(plan.tolerance_s)))
        if select is not None and 0 <= select < self.slot_list.count():
            self.slot_list.setCurrentRow(select)
        else:
            self._on_current_changed(self.slot_list.currentRow())
        self._draw_chart()
        self._update_buttons()

    def _item_text(self, row: int) -> str:
        slot = self.plan.slots[row]
        c = slot.candidate
        head = self.tr("{number}. {title}  [{duration}, starts {start}]").format(
            number=row + 1, title=c.display_title, duration=clock(c.duration), start=clock(slot.start_s))
        return f"{head}\n    {translated(slot.reason(self.plan.goal))}"

    def _item_tooltip(self, slot) -> str:
        lines = [slot.candidate.path]
        if slot.saved_reason:  # why the track was there when the session was saved
            lines.append(self.tr("When saved: {reason}").format(reason=translated(slot.saved_reason)))
        lines.append(self.tr("Tick the box to lock this track when re-planning."))
        return "\n".join(lines)

    @staticmethod
    def _warnings(warnings: list[str]) -> str:
        """The planner's warnings (marked messages) in the interface language."""
        return " ".join(translated(warning) for warning in warnings)

    def _draw_chart(self) -> None:
        for item in self._number_items:
            self.chart.removeItem(item)
        self._number_items = []
        plan = self.plan
        if plan is None:
            self.path_curve.setData([], [])
            self.track_curve.setData([], [])
            self.track_points.setData([])
            self.endpoints.setData([])
            self._show_area([])
            return
        path = plan.path.sample(40)
        self.path_curve.setData([p[0] for p in path], [p[1] for p in path])
        xs = [s.candidate.position[0] for s in plan.slots]
        ys = [s.candidate.position[1] for s in plan.slots]
        self.track_curve.setData(xs, ys)
        self.track_points.setData([
            {"pos": (x, y), "brush": pg.mkBrush(emotion_color(s.candidate.label)),
             "symbol": SYMBOLS.get(s.candidate.label, "o"),
             "pen": pg.mkPen("k", width=2.5 if s.locked else 1)}
            for x, y, s in zip(xs, ys, plan.slots)
        ])
        self.endpoints.setData([{"pos": plan.path.start}, {"pos": plan.path.goal}])
        self._show_area([*zip(xs, ys), *path, plan.path.start, plan.path.goal])
        for i, (x, y) in enumerate(zip(xs, ys), 1):
            text = pg.TextItem(str(i), color="#000000", anchor=(0.5, 0.5))
            text.setPos(x, y)
            self.chart.addItem(text)
            self._number_items.append(text)
        self._place_numbers()

    def _show_area(self, points) -> None:
        """Show the part of the mood square the plan uses (all of it without a plan), at least
        half of it each way, with each visible quadrant named in its corner of the view."""
        lo, hi = -CHART_EDGE, CHART_EDGE
        ranges = []
        for axis in (0, 1):
            values = [float(p[axis]) for p in points]
            if not values:
                ranges.append((lo, hi))
                continue
            a, b = max(lo, min(values) - CHART_MARGIN), min(hi, max(values) + CHART_MARGIN)
            grow = max(0.0, CHART_MIN_SPAN - (b - a)) / 2
            a, b = a - grow, b + grow
            shift = max(0.0, lo - a) - max(0.0, b - hi)  # keep the span inside the square
            ranges.append((a + shift, b + shift))
        (x0, x1), (y0, y1) = ranges
        self.chart.setXRange(x0, x1, padding=0)
        self.chart.setYRange(y0, y1, padding=0)
        for emo, label in self._corner_labels.items():
            v, a = CORNERS[emo]
            # The quadrant's share of the view each way; a sliver is not named.
            share_x = (x1 - max(x0, 0.0)) if v > 0 else (min(x1, 0.0) - x0)
            share_y = (y1 - max(y0, 0.0)) if a > 0 else (min(y1, 0.0) - y0)
            label.setVisible(min(share_x / (x1 - x0), share_y / (y1 - y0)) >= 0.2)
            label.setPos(x1 if v > 0 else x0, y1 if a > 0 else y0)

    def _place_numbers(self, *_args) -> None:
        """Put each track's number beside its point where it covers no line, point or other
        number (the first free place of eight around it, in pixels, so it holds at any size)."""
        if not self._number_items or self.plan is None:
            return
        box = self.chart.getViewBox()
        px, py = box.viewPixelSize()
        if not (px > 0 and py > 0):
            return
        (x0, x1), (y0, y1) = box.viewRange()
        points = [(float(s.candidate.position[0]), float(s.candidate.position[1])) for s in self.plan.slots]
        lines = [points, [(float(p[0]), float(p[1])) for p in self.plan.path.sample(40)]]
        taken: list[tuple[float, float, float, float]] = [  # (left, right, bottom, top) in data units
            (x - 8 * px, x + 8 * px, y - 8 * py, y + 8 * py) for x, y in points]

        def clash(rect) -> int:
            left, right, bottom, top = rect
            count = 10 * int(left < x0 or right > x1 or bottom < y0 or top > y1)
            count += 3 * sum(left < r2 and l2 < right and bottom < t2 and b2 < top for l2, r2, b2, t2 in taken)
            for line in lines:
                for (ax, ay), (bx, by) in zip(line, line[1:]):
                    steps = 12
                    count += any(left < ax + (bx - ax) * k / steps < right and bottom < ay + (by - ay) * k / steps < top
                                 for k in range(steps + 1))
            return count

        for (x, y), text in zip(points, self._number_items):
            bounds = text.textItem.boundingRect()
            w, h = (bounds.width() - 4) * px / 2, (bounds.height() - 6) * py / 2
            options = []
            for k, (dx, dy) in enumerate(NUMBER_PLACES):
                cx, cy = x + dx * (9 * px + w), y + dy * (9 * py + h)
                rect = (cx - w, cx + w, cy - h, cy + h)
                options.append((clash(rect), k, cx, cy, rect))
            _score, _k, cx, cy, rect = min(options)
            text.setPos(cx, cy)
            taken.append(rect)

    def _update_buttons(self) -> None:
        has_plan = self.plan is not None and len(self.plan) > 0
        has_row = has_plan and 0 <= self.slot_list.currentRow() < len(self.plan)
        for w in (self.remove_button, self.lock_button):
            w.setEnabled(has_row)
        self.replace_button.setEnabled(has_row and self.suggest_combo.count() > 0)
        for w in (self.replan_button, self.save_button, self.export_m3u_button, self.export_csv_button,
                  self.add_button):
            w.setEnabled(has_plan)

    def _status(self, what, error: bool = False) -> None:
        """Show (and send) a status: a failure, or a function wording it, so that a language change
        can word it again."""
        self._shown_status = what
        self.status_label.setStyleSheet("color: #B00020;" if error else "")
        self.status_label.setText(self._status_text(what))
        self.message.emit(self.status_label.text())

    @staticmethod
    def _status_text(what) -> str:
        return error_text(what) if isinstance(what, BaseException) else what()
