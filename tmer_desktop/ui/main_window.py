"""The main window: Library, Player and Review views, menus, status bar, and the glue.

All slow work runs off the GUI thread: batches (tagging.runner.BatchTagger inside a
BackgroundTask), decoding audio for the player, explanations (SHAP) and re-deciding the
library after a settings change. Database writes from the GUI (corrections) go through one
SerialWriter thread. Errors end up in the status bar or in the row they belong to, never
in a storm of dialogs.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tmer_desktop import __version__, paths
from tmer_desktop.analysis.outcome import WindowOutcome
from tmer_desktop.errors import TmerError
from tmer_desktop.ui import explain as explain_mod
from tmer_desktop.ui import i18n
from tmer_desktop.ui.dashboard_view import DashboardView
from tmer_desktop.ui.focus import install_focus_ring
from tmer_desktop.ui.i18n import emotion_names, install_language
from tmer_desktop.ui.library_model import QUEUED_DECISIONS, TableRow, decision_counts
from tmer_desktop.ui.library_notice import LibraryNotice
from tmer_desktop.ui.library_view import LibraryView
from tmer_desktop.ui.player_view import PlayerView
from tmer_desktop.ui.record_view import RecordView
from tmer_desktop.ui.review_view import ReviewView
from tmer_desktop.ui.session_view import SessionBuilderView
from tmer_desktop.ui.settings_dialog import SettingsDialog
from tmer_desktop.ui.tasks import BackgroundTask, SerialWriter, run_in_background
from tmer_desktop.ui.track_data import (
    DecisionSettings,
    TrackView,
    computing_view,
    decided_rows,
    load_track_view,
    row_from_view,
)
from tmer_desktop.vocabulary import Timeline

log = logging.getLogger(__name__)

VIEW_LIBRARY, VIEW_PLAYER, VIEW_REVIEW = 0, 1, 2
ENGINE_PRELOAD_FALLBACK_MS = 2000
# While a timeline is being computed, the windows that arrived are drawn at most this often (ms).
REDRAW_MS = 250

# The About box, one translatable paragraph each (file names and licences stay as they are).
ABOUT_PARAGRAPHS = (
    QT_TRANSLATE_NOOP("MainWindow", "Offline music emotion recognition (happy, sad, angry, relaxed) from 50 "
                      "MIRtoolbox features, for music therapists and musicologists."),
    QT_TRANSLATE_NOOP("MainWindow", "<b>Licence:</b> GPL-3.0-or-later."),
    QT_TRANSLATE_NOOP("MainWindow", "<b>Training data:</b> Turkish Music Emotion dataset (Acoustic_Features.csv) "
                      "— see resources/data/ATTRIBUTION.md."),
    QT_TRANSLATE_NOOP("MainWindow", "<b>Demo clips:</b> Battle for Wesnoth, Extreme Tux Racer and X-Moto music "
                      "(GPL-2+) — see resources/demo/CREDITS.md."),
    QT_TRANSLATE_NOOP("MainWindow", "<b>Built with:</b> Qt for Python / PySide6 (LGPL-3.0), pyqtgraph (MIT), "
                      "NumPy, SciPy, scikit-learn, librosa (ISC), SHAP (MIT), soundfile / libsndfile (LGPL), "
                      "sounddevice / PortAudio (MIT). Habits borrowed from MusicBrainz Picard and Orange3."),
)


def about_html() -> str:
    paragraphs = "".join(f"<p>{QCoreApplication.translate('MainWindow', p)}</p>\n" for p in ABOUT_PARAGRAPHS)
    return f"<h3>tmer-desktop {__version__}</h3>\n{paragraphs}"


def preload_engine_modules() -> None:
    """Import the analysis engine's heavy modules (scikit-learn, the model bundle, the batch
    runner) in the GUI thread, just after the window first appears.

    Importing scikit-learn initialises C extensions that hold the GIL for up to ~200 ms at a
    time; done lazily in a worker thread during the first batch, that froze the GUI. Done once
    the window is on screen, it costs one short pause (a second or two) right after start-up
    and the event loop never waits on it later. The feature extractor is imported for the
    same reason (the runner asks it for its version; it pulls in numba and librosa).
    """
    import importlib

    for name in ("sklearn.linear_model", "tmer_desktop.model.bundle", "tmer_desktop.model.decide",
                 "tmer_desktop.model.store",
                 "tmer_desktop.features.extract",
                 "tmer_desktop.tagging.runner", "tmer_desktop.tagging.pool"):
        importlib.import_module(name)


class MainWindow(i18n.FollowsLanguage, QMainWindow):
    libraryLoaded = Signal()
    trackShown = Signal(int)         # track id, once its windows are on the timeline
    audioLoaded = Signal(int)        # track id, once the waveform is drawn
    explanationShown = Signal(str)   # "window" | "track"
    feedbackStored = Signal(int)     # feedback id
    reviewLoaded = Signal()          # the review queue was refreshed
    batchFinished = Signal(object)   # the BatchSummary (or None when cancelled/failed)
    batchResult = Signal(object)     # one runner TrackResult, after its row was shown
    recoveryFinished = Signal(object)  # the RecoveryReport, or the exception when it failed
    demoRequested = Signal()         # "Try the bundled demo" in the user's own library: the app opens the demo library
    fineTimelineFinished = Signal(int)  # track id, once its detailed timeline is shown (or could not be made)

    def __init__(self, store, settings, messages: list[str] | None = None):
        super().__init__()
        self.engine_ready = False
        self.store = store
        # The demo library (paths.demo_data_dir), apart from the user's: said in the title.
        self.is_demo = paths.is_demo_data_dir(Path(store.path).parent)
        self.settings = settings
        self.writer = SerialWriter(self)
        self.batch: BackgroundTask | None = None
        self._batch_targets: list[str] = []
        self.model_choice: QMessageBox | None = None  # open while the user decides about a broken model
        self._tasks: set[BackgroundTask] = set()
        self._track_request = 0
        self._fine_task: BackgroundTask | None = None  # the detailed timeline being made for the player
        self._explainer = explain_mod.Explainer(store)
        self.current_track: TrackView | None = None
        self.library_loaded = False
        self._review_generation = 0
        self._reviewed_tracks: set[int] = set()  # track-level feedback given in this session

        self.resize(1280, 820)
        install_focus_ring(QApplication.instance())  # a visible keyboard focus in every view and dialog
        self.library = LibraryView()
        self.player_view = PlayerView()
        self.review = ReviewView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.library, "")
        self.tabs.addTab(self.player_view, "")
        self.tabs.addTab(self.review, "")
        self.sessions = SessionBuilderView(store)
        self.tabs.addTab(self.sessions, "")
        self.sessions.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.sessions.playRequested.connect(self.open_path_in_player)
        self.dashboard = DashboardView(store)
        self.tabs.addTab(self.dashboard, "")
        self.dashboard.active_model_changed.connect(self._on_active_model_changed)
        self.record_view = RecordView(store, settings)
        self.tabs.addTab(self.record_view, "")
        self.record_view.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.record_view.recordingSaved.connect(lambda _track_id: self.refresh_library())
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.library_notice = LibraryNotice()
        self.library_notice.recoverRequested.connect(self.recover_from)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.library_notice)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_menus()

        self.library.openFolderRequested.connect(self.open_folder_dialog)
        self.library.pathsDropped.connect(self.start_batch)
        self.library.cancelRequested.connect(self.cancel_batch)
        self.library.trackSelected.connect(self._on_track_selected)
        self.library.trackActivated.connect(self.open_in_player)
        self.library.demo_button.clicked.connect(self.start_demo)
        self.player_view.correctionRequested.connect(self._on_correction)
        self.player_view.currentWindowChanged.connect(self._on_window_changed)
        self.review.reviewRequested.connect(self._on_review)
        self.review.trackActivated.connect(self.open_in_player)

        self.retranslate()
        self.apply_language()
        moved = getattr(store, "moved_aside", None)
        notices = list(getattr(store, "open_messages", []))
        if moved is not None:  # a damaged library moved aside: said where it stays, with the way back
            self.library_notice.show_moved(moved, notices)
            notices = []
        for message in (messages or []) + notices:
            self.statusBar().showMessage(i18n.translated(message), 15000)
        self.refresh_library()
        # The window paints first (see event()); the engine's imports follow. The timer covers
        # a window that is never painted (started minimised, or built by a test).
        QTimer.singleShot(ENGINE_PRELOAD_FALLBACK_MS, self.preload_engine)

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self.engine_ready:
            QTimer.singleShot(0, self.preload_engine)
        return handled

    def preload_engine(self) -> None:
        if not self.engine_ready:
            preload_engine_modules()
            self.engine_ready = True

    # -- menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open, triggered=self.open_folder_dialog)
        self.export_action = QAction(self, triggered=self.export_dialog)
        self.recover_action = QAction(self, triggered=self.recover_dialog)
        self.settings_action = QAction(self, shortcut=QKeySequence("Ctrl+,"), triggered=self.settings_dialog)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        for action in (self.open_action, self.export_action, self.recover_action, self.settings_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu("")
        self.view_actions = []
        for i in range(self.tabs.count()):
            action = QAction(self, shortcut=QKeySequence(f"Ctrl+{i + 1}"),
                             triggered=lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            self.view_menu.addAction(action)
            self.view_actions.append(action)
        self.help_menu = self.menuBar().addMenu("")
        self.log_folder_action = QAction(self, triggered=self.open_log_folder)
        self.help_menu.addAction(self.log_folder_action)
        self.about_action = QAction(self, triggered=self.about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        """Titles, tabs and menus in the interface language; the views retranslate themselves
        (they get the same LanguageChange), and an open explanation is worded again."""
        if self.is_demo:
            self.setWindowTitle(self.tr("tmer-desktop — demo library (the bundled clips, not your music)"))
        else:
            self.setWindowTitle(self.tr("tmer-desktop — music emotion"))
        tabs = (self.tr("Library"), self.tr("Player"), self.tr("Review queue"), self.tr("Sessions"),
                self.tr("Dashboards"), self.tr("Record"))
        for i, text in enumerate(tabs):
            self.tabs.setTabText(i, text)
            self.tabs.setTabToolTip(i, self.tr("{view} (Ctrl+{number})").format(view=text, number=i + 1))
        self.tabs.tabBar().setAccessibleName(self.tr("Views"))
        self.status_label.setAccessibleName(self.tr("Library summary"))
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open music folder…"))
        self.export_action.setText(self.tr("&Export…"))
        self.recover_action.setText(self.tr("&Recover from a damaged library…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        entries = (self.tr("&Library"), self.tr("&Player"), self.tr("&Review queue"), self.tr("&Sessions"),
                   self.tr("&Dashboards"), self.tr("Rec&ord"))
        for action, text in zip(self.view_actions, entries):
            action.setText(text)
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About tmer-desktop"))
        self.log_folder_action.setText(self.tr("Open &log folder"))
        self.log_folder_action.setToolTip(self.tr("What went wrong, for a report to the developers"))
        self._update_status()
        if self.current_track is not None and len(self.current_track.series):
            self._explain(self.current_track, None)
            if self.player_view.current_window >= 0:
                self._explain(self.current_track, self.player_view.current_window)

    def open_log_folder(self) -> bool:
        """Show the log folder in the file manager (created if needed); False if it cannot be."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from tmer_desktop import logs

        folder = logs.log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            log.warning("cannot create the log folder %s", folder, exc_info=True)
        opened = folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        if not opened:
            self.statusBar().showMessage(self.tr("The log folder is {folder}").format(folder=folder), 20000)
        return opened

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About tmer-desktop"), about_html())

    def show_view(self, name: str) -> None:
        self.tabs.setCurrentIndex({"library": VIEW_LIBRARY, "player": VIEW_PLAYER, "review": VIEW_REVIEW}[name])

    def decision_settings(self) -> DecisionSettings:
        return DecisionSettings.from_settings(self.settings)

    # -- background helpers --------------------------------------------------------------
    def _spawn(self, fn, name: str, **slots) -> BackgroundTask:
        """run_in_background, and a failure is also shown in the status bar (after the caller's own
        `failed` slot); the window keeps its running tasks so that shutdown() can stop them."""
        def show_failure(message: str, _exc) -> None:
            self.statusBar().showMessage(message, 15000)

        failed = [slot for slot in (slots.pop("failed", None), show_failure) if slot is not None]
        task = run_in_background(fn, name=name, parent=self, failed=failed, **slots)
        self._tasks = {t for t in self._tasks if t.running}
        self._tasks.add(task)
        return task

    # -- library -------------------------------------------------------------------------
    def refresh_library(self) -> None:
        """Re-read every track and re-decide it under the current settings (off the GUI thread)."""
        store, ds = self.store, self.decision_settings()

        def work(ctx):
            return decided_rows(store, ds, ctx=ctx)

        self._spawn(work, "load library", succeeded=self._on_library_rows)

    def apply_language(self) -> None:
        names = emotion_names(getattr(self.settings, "language", "en"))
        for view in (self.library, self.review, self.player_view):
            view.set_emotion_names(names)

    def _on_library_rows(self, rows: list[TableRow]) -> None:
        self.library.model.set_rows(rows)
        self.library.resize_columns()
        self.library_loaded = True
        self._update_status()
        self.refresh_review()
        self.libraryLoaded.emit()

    def refresh_review(self) -> None:
        store = self.store
        rows = [r for r in self.library.model.rows() if r.decision in QUEUED_DECISIONS and not r.error]

        self._review_generation += 1
        generation = self._review_generation

        def work(ctx):
            reviewed = {f.track_id for f in store.feedback_rows() if f.window_id is None}
            return [r for r in rows if r.track_id not in reviewed]

        def done(result):
            if generation == self._review_generation:  # a newer refresh supersedes this one
                self.review.set_rows([r for r in result if r.track_id not in self._reviewed_tracks])
                self.reviewLoaded.emit()

        self._spawn(work, "review queue", succeeded=done)

    def _update_status(self) -> None:
        rows = self.library.model.rows()
        counts = decision_counts(rows)
        failed = sum(1 for r in rows if r.error)
        tracks = self.tr("%n tracks", "", len(rows))
        # Each count a sentence part of its own, so each language has its plural forms.
        self.status_label.setText(" · ".join((
            tracks, self.tr("%n to review", "", counts["review"]),
            self.tr("%n with two candidates", "", counts["top-2"]), self.tr("%n failed", "", failed))))
        self.status_label.setToolTip(i18n.decisions_help())

    # -- batches ---------------------------------------------------------------------------
    def open_folder_dialog(self) -> None:
        start = getattr(self.settings, "last_folder", "") or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open music folder"), start)
        if folder:
            self.settings = dataclasses.replace(self.settings, last_folder=folder)
            self._save_settings()
            self.start_batch([folder])

    def start_demo(self) -> None:
        """"Try the bundled demo": in the demo library, tag the clips here; in the user's own
        library, ask the app to open the demo library instead (the clips never go into it)."""
        if self.is_demo:
            self.tag_demo_clips()
        else:
            self.demoRequested.emit()

    def tag_demo_clips(self) -> None:
        """Tag the bundled demo clips into this window's library."""
        if paths.DEMO_DIR.is_dir():
            self.start_batch([str(paths.DEMO_DIR)])
        else:
            self.statusBar().showMessage(
                self.tr("The bundled demo is missing ({folder}).").format(folder=paths.DEMO_DIR), 15000)

    def start_batch(self, targets: list[str]) -> BackgroundTask | None:
        if self.batch is not None and self.batch.running:
            self.statusBar().showMessage(self.tr("A folder is already being tagged; wait or cancel it first."), 8000)
            return None
        self.preload_engine()  # a batch started at once must not import scikit-learn in its thread
        store, settings = self.store, self.settings
        self._batch_targets = list(targets)

        def work(ctx):
            from tmer_desktop.tagging.runner import BatchTagger

            tagger = BatchTagger(list(targets), jobs=settings.jobs, window=settings.window_s,
                                 hop=settings.hop_s, store=store, settings=settings,
                                 write_tags=settings.write_tags)
            ctx.on_cancel(tagger.cancel)
            return tagger.run(on_result=ctx.partial, on_progress=ctx.progress)

        self.library.batch_started(0)
        self.statusBar().showMessage(self.tr("Tagging {folders} …").format(folders=", ".join(targets)))
        self.batch = self._spawn(work, "batch", partial=self._on_batch_result,
                                 progress=self._on_batch_progress, succeeded=self._on_batch_done,
                                 failed=self._on_batch_failed, finished=self._on_batch_finished)
        return self.batch

    def cancel_batch(self) -> None:
        if self.batch is not None:
            self.batch.cancel()
            self.statusBar().showMessage(self.tr("Cancelling: finished tracks are kept…"))

    def _on_batch_result(self, result) -> None:
        self._show_result_row(result)
        self._update_status()
        self.batchResult.emit(result)

    def _show_result_row(self, result) -> None:
        """Add or refresh the library row of one runner TrackResult."""
        ds = self.decision_settings()
        row = None
        if getattr(result, "track_id", None) is not None:
            try:
                view = load_track_view(self.store, result.track_id, ds)
                row = row_from_view(view, self.store.track(result.track_id))
            except Exception as exc:  # the row still appears, with the reason
                log.exception("the library row of %s cannot be shown", result.path)
                row = TableRow(track_id=result.track_id, path=str(result.path), error=i18n.error_text(exc))
        if row is None:
            row = TableRow(track_id=None, path=str(result.path), title=Path(str(result.path)).stem,
                           error=result.error or self.tr("not analysed"))
        self.library.widen_decision_for(self.library.model.upsert(row))

    def _on_batch_progress(self, p) -> None:
        self.library.batch_progress(p.done, p.total, p.failed, p.skipped, p.eta)

    def _on_batch_done(self, summary) -> None:
        self.batchFinished.emit(summary)

    def _on_batch_failed(self, message: str, exc) -> None:
        from tmer_desktop.analysis.model_choice import ModelRefusedError

        self.statusBar().showMessage(self.tr("Tagging stopped: {reason}").format(reason=message), 20000)
        if isinstance(exc, ModelRefusedError):
            self._offer_model_choice(exc)
        self.batchFinished.emit(None)

    def _offer_model_choice(self, exc) -> QMessageBox:
        """The user's model cannot be loaded: say so and let them choose; never swap it silently."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Your model cannot be used"),
                          self.tr("The model version “{version}” could not be loaded, so nothing was tagged. "
                                  "No other model was used in its place.").format(version=exc.version),
                          QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr(
            "You can retrain it from your corrections (Dashboards → Models and corrections), or tag with the model "
            "that came with the app. Your version stays in the list either way."))
        box.setDetailedText(i18n.error_text(exc))
        shipped = box.addButton(self.tr("Use the shipped model"), QMessageBox.ButtonRole.AcceptRole)
        retrain = box.addButton(self.tr("Retrain from my corrections…"), QMessageBox.ButtonRole.ActionRole)
        targets = list(self._batch_targets)

        def chosen(button) -> None:
            if button is shipped:
                from tmer_desktop.model.store import BUNDLED

                if self.dashboard.models.activate(BUNDLED):
                    self.start_batch(targets)
            elif button is retrain:
                self.tabs.setCurrentWidget(self.dashboard)
                self.dashboard.tabs.setCurrentWidget(self.dashboard.models)

        box.buttonClicked.connect(chosen)
        box.open()  # not exec(): the event loop (and a running playback) goes on
        self.model_choice = box
        return box

    def _on_batch_finished(self) -> None:
        cancelled = self.batch is not None and self.batch.cancelled
        summary = self.batch.result if self.batch is not None else None
        text = self.tr("Tagging cancelled; finished tracks were kept.") if cancelled else self.tr("Tagging finished.")
        if summary is not None and not cancelled:
            text = self.summary_text(summary)
        self.library.batch_finished(text)
        self.statusBar().showMessage(text, 15000)
        self.library.resize_columns()
        if cancelled:
            self.batchFinished.emit(summary)
        self.refresh_review()

    def summary_text(self, summary) -> str:
        """A finished batch in one line. Plurals go through self.tr: lupdate marks only tr()
        calls with a count as plural messages."""
        counts = {
            "done": lambda n: self.tr("%n done", "", n),
            "tagged": lambda n: self.tr("%n tagged", "", n),
            "failed": lambda n: self.tr("%n failed", "", n),
            "skipped": lambda n: self.tr("%n skipped", "", n),
        }
        parts = [text(getattr(summary, name)) for name, text in counts.items()
                 if isinstance(getattr(summary, name, None), int)]
        if not parts:
            return self.tr("Tagging finished.")
        return self.tr("Tagging finished: {counts}.").format(counts=", ".join(parts))

    # -- player ----------------------------------------------------------------------------
    def _on_track_selected(self, row: TableRow) -> None:
        if row.track_id is not None and (self.current_track is None or self.current_track.track_id != row.track_id):
            self.show_track(row.track_id)

    def open_in_player(self, row: TableRow) -> None:
        if row.track_id is not None:
            if self.current_track is None or self.current_track.track_id != row.track_id:
                self.show_track(row.track_id)
            self.tabs.setCurrentIndex(VIEW_PLAYER)

    def open_path_in_player(self, path: str) -> None:
        row = self.library.model.row_for_path(path)
        if row is not None:
            self.open_in_player(row)

    def _on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        try:
            if widget is self.sessions:
                self.sessions.reload_tracks()
            elif widget is self.dashboard:
                self.dashboard.refresh()
        except TmerError as exc:  # e.g. the library became unreadable: say so, keep the window
            self.statusBar().showMessage(i18n.error_text(exc), 15000)

    def _on_active_model_changed(self, version: str) -> None:
        self._explainer = explain_mod.Explainer(self.store)  # reload models on next use
        self.statusBar().showMessage(
            self.tr("Model {version} is now active; new analyses use it.").format(version=version), 15000)

    def show_track(self, track_id: int) -> None:
        """Load the track's windows (fast, here) and its audio and explanations (background); a
        track with only the overview (coarse) timeline gets its detailed one made in the background."""
        self._track_request += 1
        request = self._track_request
        if self._fine_task is not None:  # the previous track's detailed timeline: not needed now
            self._fine_task.cancel()
            self._fine_task = None
        try:
            view = load_track_view(self.store, track_id, self.decision_settings())
        except Exception as exc:
            log.warning("track %s could not be loaded", track_id, exc_info=True)
            self.statusBar().showMessage(i18n.error_text(exc), 15000)
            return
        self.current_track = view
        self.player_view.show_track(view)
        self.trackShown.emit(track_id)
        if view.error and len(view.series) == 0:
            self.player_view.set_audio_error("")  # the error is already shown in the summary
            self.audioLoaded.emit(track_id)
            return

        def decode(ctx):
            # Decoding, the float32 copy for playback and the waveform envelope all happen
            # here: for a long track each is a pass over tens of millions of samples.
            from tmer_desktop.audio.decode import load
            from tmer_desktop.ui.timeline import envelope
            samples, sr = load(view.path)
            samples = samples.astype(np.float32)
            return samples, sr, envelope(samples, sr)

        def audio_ready(result):
            if request == self._track_request:
                samples, sr, env = result
                self.player_view.set_audio(samples, sr, env)
                self.audioLoaded.emit(track_id)

        def audio_failed(message, _exc):
            if request == self._track_request:
                self.player_view.set_audio_error(self.tr("Cannot play this track: {reason}").format(reason=message))
                self.audioLoaded.emit(track_id)

        self._spawn(decode, "decode", succeeded=audio_ready, failed=audio_failed)
        self._explain(view, None)
        if (view.timeline == Timeline.COARSE and len(view.series)) or (not len(view.series) and not view.error):
            self._make_fine_timeline(view, request)

    def _make_fine_timeline(self, view: TrackView, request: int) -> None:
        """Make the detailed (fine) timeline of the track shown, off the GUI thread, in two analysis
        processes (tagging/progressive.py: the overview's windows first, then those in between;
        windows the library holds are reused). Each window is drawn as it arrives; the overview
        and then the detailed timeline are stored in the library, and the stored one finally
        replaces the windows drawn, keeping audio and cursor."""
        store, settings, track_id = self.store, self.settings, view.track_id
        arrived: list = []
        redraw_due = [False]
        expected = self._fine_expected(view)

        def work(ctx):
            from tmer_desktop.tagging.progressive import ProgressiveTimeline

            job = ProgressiveTimeline(view.path, store, settings)
            ctx.on_cancel(job.cancel)
            return job.run(on_window=ctx.partial, on_stored=ctx.partial)

        def partial(item):
            if task.cancelled or request != self._track_request:
                return
            if isinstance(item, WindowOutcome):
                arrived.append(item)
                if len(arrived) == 1:
                    redraw()  # the first window at once
                elif not redraw_due[0]:  # the next ones at most every REDRAW_MS: redrawing costs the GUI thread
                    redraw_due[0] = True
                    QTimer.singleShot(REDRAW_MS, redraw)
            else:  # the overview was stored: the library row shows it
                self._show_result_row(item)

        def redraw():
            redraw_due[0] = False
            if task.cancelled or request != self._track_request or self._fine_task is not task:
                return
            shown = computing_view(view, arrived, expected, self.decision_settings())
            self.current_track = shown
            self.player_view.refresh_decisions(shown)

        def done(result):
            if task.cancelled:  # another track was opened, or the window is closing (the store with it)
                return
            if result is not None:
                self._show_result_row(result)  # the library row shows its detailed timeline
            if request != self._track_request:
                return
            self._fine_task = None
            try:
                new = load_track_view(self.store, track_id, self.decision_settings())
            except Exception as exc:  # what was drawn stays on screen
                log.exception("the detailed timeline of %s cannot be shown", view.path)
                self.statusBar().showMessage(i18n.error_text(exc), 15000)
                new = None
            if new is not None and new.timeline == Timeline.FINE and len(new.series):
                self.current_track = new
                self.player_view.refresh_decisions(new)
                self.player_view.set_timeline_state("")
                self._explain(new, None)
            else:
                self.player_view.set_timeline_state("failed")
            self.fineTimelineFinished.emit(track_id)

        def failed(_message, _exc):
            if request == self._track_request and not task.cancelled:
                self._fine_task = None
                if self.current_track is not None and self.current_track.computing is not None:
                    self.current_track = view  # the windows drawn were never stored
                    self.player_view.refresh_decisions(view)
                self.player_view.set_timeline_state("failed")
                self.fineTimelineFinished.emit(track_id)

        self.player_view.set_timeline_state("computing")
        task = self._fine_task = self._spawn(work, "fine timeline", partial=partial, succeeded=done, failed=failed)

    def _fine_expected(self, view: TrackView) -> int:
        """How many windows the timeline being computed will have (both levels, as planned)."""
        from tmer_desktop.tagging.progressive import expected_windows

        return expected_windows(view.duration, self.settings.window_s, self.settings.hop_s)

    # -- explanations ---------------------------------------------------------------------
    def _on_window_changed(self, index: int) -> None:
        # While the timeline is being computed its windows change at every arrival: explained once complete.
        if self.current_track is not None and index >= 0 and self.current_track.computing is None:
            self._explain(self.current_track, index)

    def _explain(self, view: TrackView, window_index: int | None) -> None:
        """Explain one window (its index) or the whole track (None), off the GUI thread."""
        if len(view.series) == 0:
            return
        request = self._track_request
        explainer = self._explainer
        target = "track" if window_index is None else "window"
        panel = self.player_view.explanations
        chart = panel.track_chart if target == "track" else panel.window_chart

        def done(explanation):
            stale = request != self._track_request or (
                window_index is not None and window_index != self.player_view.current_window)
            if not stale:
                if window_index is None:
                    chart.setTitle(self.tr("Why — whole track"))
                else:
                    start = float(view.series.starts[window_index])
                    end = start + float(view.series.durations[window_index])
                    chart.setTitle(self.tr("Why — window {number} ({start}–{end} s)").format(
                        number=window_index + 1, start=i18n.number(start, 0), end=i18n.number(end, 0)))
                chart.set_explanation(explanation)
                self.explanationShown.emit(target)

        def failed(message, _exc):
            if request == self._track_request:
                chart.set_message(self.tr("No explanation: {reason}").format(reason=message))
                self.explanationShown.emit(target)

        self._spawn(lambda ctx: explainer.explain(view, window_index), f"explain {target}",
                    succeeded=done, failed=failed)

    # -- corrections ------------------------------------------------------------------------
    def _on_correction(self, scope: str, is_correct: bool, emotion: str | None) -> None:
        view = self.current_track
        if view is None or len(view.series) == 0 or view.computing is not None:
            return
        if scope == "window":
            i = self.player_view.current_window
            if i < 0:
                return
            window = view.windows[i]
            kwargs = dict(features=window.features, track_id=view.track_id, window_id=window.id,
                          predicted_label=view.series.labels[i],
                          confidence=float(view.series.confidences[i]))
            where = i
        else:
            window = representative_window(view)
            kwargs = dict(features=window.features, track_id=view.track_id, start=window.start,
                          duration=window.duration, predicted_label=view.label,
                          confidence=float(view.confidence))
            where = None
        if not is_correct and emotion == kwargs["predicted_label"]:
            is_correct, emotion = True, None  # choosing the predicted emotion confirms it
        self._store_feedback(kwargs, is_correct, emotion, view.model_version, where, view.path)

    def _on_review(self, row: TableRow, is_correct: bool, emotion: str | None) -> None:
        try:
            view = load_track_view(self.store, row.track_id, self.decision_settings())
        except Exception as exc:
            log.warning("track %s could not be loaded for review", row.track_id, exc_info=True)
            self.statusBar().showMessage(i18n.error_text(exc), 15000)
            return
        if len(view.series) == 0:
            return
        window = representative_window(view)
        if not is_correct and emotion == view.label:
            is_correct, emotion = True, None
        kwargs = dict(features=window.features, track_id=view.track_id, start=window.start,
                      duration=window.duration, predicted_label=view.label, confidence=float(view.confidence))
        self._store_feedback(kwargs, is_correct, emotion, view.model_version, None, view.path)
        self.review.remove_path(row.path)

    def _store_feedback(self, kwargs, is_correct, emotion, model_version, window_index, path) -> None:
        """window_index: the corrected window's index, None for the whole track."""
        store = self.store

        def write():
            return store.add_feedback(is_correct=is_correct, corrected_label=emotion,
                                      model_version=model_version, **kwargs)

        def done(feedback_id, error):
            if error is not None:
                self.statusBar().showMessage(self.tr("Correction not saved: {reason}").format(reason=error), 20000)
                return
            if kwargs.get("window_id") is None:
                self._reviewed_tracks.add(kwargs["track_id"])
                self.review.remove_path(path)
            note = self._feedback_note(window_index, Path(path).name, None if is_correct else emotion)
            self.player_view.feedback_note.setText(note)
            self.statusBar().showMessage(note, 8000)
            self.feedbackStored.emit(feedback_id)

        self.writer.submit(write, done)

    def _feedback_note(self, window_index: int | None, file_name: str, corrected: str | None) -> str:
        """The status line after a correction (whole sentences, so each language can order them)."""
        emotion = emotion_names(self.settings.language).get(corrected, corrected or "").lower()
        if window_index is None:
            if corrected is None:
                return self.tr("Saved: the whole track of {file} marked correct.").format(file=file_name)
            return self.tr("Saved: the whole track of {file} corrected to {emotion}.").format(
                file=file_name, emotion=emotion)
        if corrected is None:
            return self.tr("Saved: window {number} of {file} marked correct.").format(
                number=window_index + 1, file=file_name)
        return self.tr("Saved: window {number} of {file} corrected to {emotion}.").format(
            number=window_index + 1, file=file_name, emotion=emotion)

    # -- settings / export ---------------------------------------------------------------
    def settings_dialog(self) -> SettingsDialog:
        """Open the settings (window-modal, without blocking); OK applies them."""
        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self._on_settings_accepted(dialog.edited()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _on_settings_accepted(self, new_settings) -> None:
        old_language = self.settings.language
        if self.apply_settings(new_settings) and new_settings.language != old_language:
            self.switch_language(new_settings.language)

    def switch_language(self, language: str) -> None:
        """Install `language`: Qt sends every widget a LanguageChange and each one words its
        texts again (i18n.FollowsLanguage), so the whole window switches at once."""
        warnings = install_language(QCoreApplication.instance(), language)
        if warnings:  # no translation to switch to: the interface stays as it is
            self.statusBar().showMessage(" ".join(warnings), 30000)

    def apply_settings(self, new_settings) -> bool:
        """Use and save `new_settings`; False (and a status message) when they are invalid."""
        problems = new_settings.problems()
        if problems:
            self.statusBar().showMessage(
                self.tr("Settings not changed: {problems}").format(
                    problems="; ".join(i18n.translated(p) for p in problems)), 20000)
            return False
        redecide = DecisionSettings.from_settings(new_settings) != DecisionSettings.from_settings(self.settings)
        self.settings = new_settings
        self._save_settings()
        self.apply_language()
        if redecide:
            self.refresh_library()
            if self.current_track is not None:
                try:
                    view = load_track_view(self.store, self.current_track.track_id, self.decision_settings())
                except Exception as exc:
                    log.warning("track %s could not be reloaded with the new settings",
                                self.current_track.track_id, exc_info=True)
                    self.statusBar().showMessage(i18n.error_text(exc), 15000)
                else:
                    self.current_track = view
                    self.player_view.refresh_decisions(view)
        return True

    def _save_settings(self) -> None:
        from tmer_desktop.settings import save_settings
        try:
            save_settings(self.settings)
        except Exception as exc:
            log.warning("settings not saved", exc_info=True)
            self.statusBar().showMessage(
                self.tr("Settings not saved: {reason}").format(reason=i18n.error_text(exc)), 20000)

    # File-dialog filters: translators keep the patterns in brackets exactly as they are.
    EXPORT_FILTERS = (
        (QT_TRANSLATE_NOOP("MainWindow", "Track results (*.csv *.parquet)"), "tracks"),
        (QT_TRANSLATE_NOOP("MainWindow", "Window results (*.csv *.parquet)"), "windows"),
        (QT_TRANSLATE_NOOP("MainWindow", "Corrections for retraining (*.csv)"), "feedback"),
    )

    def export_filters(self) -> dict[str, str]:
        """Shown filter text → export kind, in the interface language."""
        return {QCoreApplication.translate("MainWindow", text): kind for text, kind in self.EXPORT_FILTERS}

    def export_dialog(self) -> None:
        filters = self.export_filters()
        target, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(Path.home() / "tmer-tracks.csv"), ";;".join(filters))
        if target:
            self.export_to(target, filters.get(chosen, "tracks"))

    def export_to(self, target: str, kind: str) -> BackgroundTask:
        """Write tracks, windows or feedback (retraining schema) in the background."""
        store = self.store

        def work(ctx):
            if kind == "feedback":
                from tmer_desktop.analysis.corrections import export_feedback
                return export_feedback(target, store=store)
            from tmer_desktop.library import exports
            fn = exports.export_windows if kind == "windows" else exports.export_tracks
            return fn(store, target)

        return self._spawn(work, "export", succeeded=lambda n: self.statusBar().showMessage(
            self.tr("Exported %n row(s) to {file}", "", n).format(file=target), 15000))

    # -- a damaged library -------------------------------------------------------------------
    def recover_dialog(self) -> None:
        folder = str(Path(getattr(self.store, "path", paths.library_db_path())).parent)
        source, _ = QFileDialog.getOpenFileName(
            self, self.tr("Recover from a damaged library"), folder,
            self.tr("Damaged libraries (*.corrupt-*);;All files (*)"))
        if source:
            self.recover_from(source)

    def recover_from(self, source: str) -> None:
        """Bring the user's work back from a damaged library file (library/recover.py), in the
        writer thread: it reads the file and writes the library in one transaction."""
        store = self.store
        self.library_notice.show_working(Path(source))

        def work():
            from tmer_desktop.library.recover import recover
            return recover(source, store)

        def done(report, error):
            if error is not None:
                self.library_notice.show_failure(error)
                self.recoveryFinished.emit(error)
                return
            self.library_notice.show_result(report)
            if report.added:
                self.refresh_library()
                self.sessions.reload_sessions()
            self.recoveryFinished.emit(report)

        self.writer.submit(work, done)

    # -- closing ---------------------------------------------------------------------------
    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop background work and wait for it (before the window and store go away)."""
        self.player_view.player.stop()
        self.record_view.shutdown()
        if self.batch is not None:
            self.batch.cancel()
        for task in list(self._tasks):
            task.cancel()
            task.wait(timeout)
        self.writer.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


def representative_window(view: TrackView):
    """The window standing for the whole track in track-level feedback: a real 30 s excerpt
    (like the training data), the one whose probabilities are closest to the track's."""
    if view.track_probs is None:
        return view.windows[len(view.windows) // 2]
    distance = np.abs(view.series.probs - view.track_probs[None, :]).sum(axis=1)
    return view.windows[int(np.argmin(distance))]

