"""The batch engine: scan, skip what is current, analyse the rest in worker processes, store results.

    tagger = BatchTagger(paths, jobs=2)
    summary = tagger.run(on_result=..., on_progress=...)   # blocking; callbacks in this thread
    tagger.cancel()                                         # from any thread; finished results stay

Per file, in order: hash the bytes; skip the file if the library already holds an analysis of
these bytes at this path at the level asked for (fine by default, only the coarse one with `fine=False`:
persist.AnalysisKey), with the same window, extractor and model version (unless force); else
reuse an analysis of identical bytes at another path (a copy: one analysis, one row per path);
else send it to a worker process (pool.py), with the window features the library already holds
for these bytes (a coarse timeline's windows are not computed again for the fine one). Each finished track is
written to the library at once, in one transaction, by this process only. docs/tagging.md
describes the behaviour for users.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tmer_desktop.analysis.model_choice import ModelChoice, choose_model, load_chosen_model
from tmer_desktop.analysis.outcome import Analysis, extractor_version
from tmer_desktop.hashing import file_sha256
from tmer_desktop.tagging import persist
from tmer_desktop.tagging.inplace import recover_interrupted
from tmer_desktop.tagging.scan import scan
from tmer_desktop.tagging.worker import WorkerConfig
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import EMOTIONS, FailureKind, Timeline

if TYPE_CHECKING:  # imported when needed: a run that finds no audio opens neither
    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.tagging.pool import WorkerPool

log = logging.getLogger(__name__)

TAGS_NOT_WRITTEN = QT_TRANSLATE_NOOP("Tagging", "tagged, but the tags could not be written: {reason}")
KEPT_CHANGING = QT_TRANSLATE_NOOP(
    "Tagging", "the file kept changing while it was analysed (is it still being copied or saved?); "
               "it was not tagged: try again when it is complete")
MAX_CHANGED_RETRIES = 3  # a file still being written (a download, an editor) is analysed again this often
PROGRESS_INTERVAL = 0.25  # seconds between progress callbacks while nothing finishes


@dataclass
class TrackResult:
    path: str
    track_id: int | None
    label: str | None
    confidence: float | None
    decision: str | None
    probs: dict[str, float] | None
    n_windows: int
    short: bool
    error: str | None
    skipped: bool
    tag_changes: list | None = None  # filetags.TagChange list when tags were (or would be) written
    unfamiliar: bool | None = None  # music unlike what the model learnt from (None: not assessed)
    timeline: str | None = None  # vocabulary.Timeline of the stored windows (None: no analysis)
    reused_windows: int = 0  # windows taken from the library's earlier analysis, not computed


@dataclass
class Progress:
    done: int  # files finished in any way (tagged, failed or skipped)
    total: int
    failed: int
    skipped: int
    elapsed: float
    eta: float | None
    current: str | None


@dataclass
class BatchSummary:
    total: int  # rows: every candidate file and every scan problem
    done: int  # tagged in this run (analysed, or reused from an identical copy)
    failed: int
    skipped: int  # already current in the library
    non_audio: int  # files that are not audio: skipped, no row
    cancelled: bool
    elapsed: float


@dataclass
class _Item:
    path: str
    content_hash: str | None = None
    size: int | None = None
    mtime: float | None = None
    waiting: list[_Item] = field(default_factory=list)  # copies with the same bytes
    changed_retries: int = 0  # times it changed under us and was queued again
    known: dict | None = None  # window features the library holds for these bytes (persist.known_windows)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


class BatchTagger:
    def __init__(self, paths: Iterable[str | os.PathLike], *, jobs: int | None = None, force: bool = False,
                 window: float = 30.0, hop: float = 5.0, store=None, timeout_per_file: float | None = None,
                 write_tags: bool = False, settings=None, dry_run: bool = False, model: str | None = None,
                 scheduler: str | None = None, fine: bool = True):
        """dry_run: analyse, but write nothing (no library, no tags); tag changes are listed in
        TrackResult.tag_changes when write_tags is also set. model: a model store version
        ("bundled", "v002", ...) to use instead of the library's active one. scheduler: a Dask
        scheduler's address: analyse on that cluster (cluster.py) instead of local processes.
        fine: make the fine timeline (windows every `hop` s, the default) rather than only the
        coarse one (every `window` s: faster, see docs/tagging.md "Two levels of analysis")."""
        if settings is None:
            from tmer_desktop.settings import load_settings

            settings, _ = load_settings()
        if jobs is not None and jobs < 1:
            raise ValueError("jobs must be at least 1")
        if window <= 0 or hop <= 0:
            raise ValueError("window and hop must be positive")
        self.paths = [os.fspath(p) for p in paths]
        self.jobs = jobs or default_jobs()
        self.force = force
        self.window = float(window)
        self.hop = float(hop)
        self.fine = bool(fine)
        self.timeout_per_file = timeout_per_file
        self.write_tags = write_tags
        self.dry_run = dry_run
        self.settings = settings
        self._store = store
        self._cancel = threading.Event()
        self.requested_model = model
        self.model_version: str | None = None
        self.scheduler = scheduler

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # ------------------------------------------------------------------------------ run
    def run(self, on_result: Callable[[TrackResult], None] | None = None,
            on_progress: Callable[[Progress], None] | None = None,
            on_notice: Callable[[str], None] | None = None) -> BatchSummary:
        """on_notice: what opening the library had to say (a damaged file moved aside, with the
        way back); logged as a warning when not given."""
        started = time.monotonic()
        run = _Run(self, on_result, on_progress, started, on_notice)
        try:
            run.execute()
        finally:
            run.close()
        return BatchSummary(
            total=run.total, done=run.tagged, failed=run.failed, skipped=run.skipped,
            non_audio=run.non_audio, cancelled=self.cancelled, elapsed=time.monotonic() - started,
        )


class _Run:
    """State of one BatchTagger.run()."""

    def __init__(self, tagger: BatchTagger, on_result, on_progress, started: float, on_notice=None):
        self.t = tagger
        self.on_result = on_result
        self.on_progress = on_progress
        self.on_notice = on_notice or (lambda notice: log.warning("%s", notice))
        self.started = started
        self.total = self.tagged = self.failed = self.skipped = self.non_audio = 0
        self.finished = 0
        self.analysed = 0
        self.current: str | None = None
        self.pool: WorkerPool | None = None
        self.model: ModelChoice | None = None
        self._model_checked = False
        self.store: LibraryStore | None = None
        self._own_store = False
        self._last_progress = 0.0
        self._first_dispatch: float | None = None

    # -- set-up ------------------------------------------------------------------------------
    def _open_store(self):
        if self.t._store is not None:
            return self.t._store
        from tmer_desktop import paths
        from tmer_desktop.library.store import LibraryStore

        if self.t.dry_run and not paths.library_db_path().exists():
            return None  # a dry run must not create the library
        from tmer_desktop.library.notices import open_notices

        self._own_store = True
        store = LibraryStore.open()
        for notice in open_notices(store):  # a damaged library replaced by an empty one is said, with the way back
            self.on_notice(notice)
        return store

    def _config(self) -> WorkerConfig:
        assert self.model is not None, "the model is chosen before the workers start"
        return WorkerConfig.for_run(self.t.settings, self.t.window, self.t.hop, self.model, fine=self.t.fine)

    # -- main loop ---------------------------------------------------------------------------
    def execute(self) -> None:
        for notice in recover_interrupted():  # a tag write cut short by a kill: put the file back first
            log.warning("%s", notice)
        found = scan(self.t.paths)
        self.non_audio = len(found.non_audio)
        self.total = len(found.audio) + len(found.problems)
        self._progress(force=True)
        for problem in found.problems:
            self._emit(TrackResult(problem.path, None, None, None, None, None, 0, False, problem.reason, False))
        if not found.audio or self.t.cancelled:
            return
        self.store = self._open_store()
        # The model asked for, else the library's active one (analysis/model_choice.py).
        self.model = choose_model(self.store, self.t.requested_model)
        self.t.model_version = self.model.version
        self.key = persist.AnalysisKey(self.t.window, self.t.hop, extractor_version(), self.t.model_version,
                                       Timeline.FINE if self.t.fine else Timeline.COARSE)
        self._remove_leftovers(found.leftovers)
        pending = self.pending = deque(_Item(p) for p in found.audio)
        queued: deque[_Item] = deque()  # hashed, waiting for a free worker
        by_hash: dict[str, _Item] = {}  # bytes being analysed in this run -> the item analysing them
        inflight: dict[int, _Item] = {}
        next_id = 0
        while not self.t.cancelled:
            while pending and len(queued) < self.t.jobs and not self.t.cancelled:
                item = pending.popleft()
                if self._prepare(item, by_hash):
                    assert item.content_hash is not None  # _prepare hashed it
                    queued.append(item)
                    by_hash[item.content_hash] = item
            if queued and self.pool is None:
                self.pool = self._start_pool()
            while queued and self.pool is not None and self.pool.idle_count() > 0:
                item = queued.popleft()
                inflight[next_id] = item
                self.pool.submit(next_id, item.path, item.known)
                self._first_dispatch = self._first_dispatch or time.monotonic()
                self.current = item.path
                next_id += 1
            if not pending and not queued and not inflight:
                break
            if self.pool is None:
                continue
            for event in self._poll():
                if event.kind == "started":
                    self.current = inflight[event.task_id].path
                    continue
                item = inflight.pop(event.task_id)
                if item.content_hash is not None:
                    by_hash.pop(item.content_hash, None)
                analysis = event.analysis if event.kind == "result" else Analysis(
                    item.path, error=event.reason, failure_kind=event.failure_kind)
                self._finish(item, analysis)
                changed = analysis.content_hash not in (None, item.content_hash)
                for copy in item.waiting:
                    if changed:  # the worker read other bytes than those hashed: the copies are not copies
                        self._again(copy)
                    else:
                        self._finish_copy(copy, item, analysis)
            self._progress()
        if self.t.cancelled and self.pool is not None:
            self.pool.abandon_running()

    def _remove_leftovers(self, leftovers: list[str]) -> None:
        if self.t.dry_run:
            return
        for path in leftovers:
            try:
                os.unlink(path)
                log.info("removed %s, a copy left by an interrupted tag write of an earlier version", path)
            except OSError:
                log.warning("cannot remove the leftover copy %s", path, exc_info=True)

    def _start_pool(self, allow_retrain: bool = False):
        from tmer_desktop.tagging.pool import WorkerPool

        config = dataclasses.replace(self._config(), allow_retrain=allow_retrain)
        if self.t.scheduler is not None:
            from tmer_desktop.tagging.cluster import DaskPool

            return DaskPool(self.t.scheduler, config, timeout_per_file=self.t.timeout_per_file)
        return WorkerPool(self.t.jobs, config, timeout_per_file=self.t.timeout_per_file)

    def _poll(self):
        """The pool's events. If the workers cannot load the model, find out why here, once:
        the shipped model that this installation cannot unpickle is rebuilt from the shipped
        data (once, in this process, not in every worker at the same time); a version of the
        user's own is refused, never swapped for another model behind their back."""
        from tmer_desktop.tagging.pool import PoolError

        try:
            return self.pool.poll(0.1)
        except PoolError:
            if self._model_checked or self.pool.busy_count():
                raise
        self._model_checked = True
        self.pool.close()
        load_chosen_model(self.model, self.store)  # rebuilds the shipped model, or says why not
        self.pool = self._start_pool(allow_retrain=self.model.bundled)
        return []

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
        if self._own_store and self.store is not None:
            self.store.close()

    # -- one file ----------------------------------------------------------------------------
    def _prepare(self, item: _Item, by_hash: dict[str, _Item]) -> bool:
        """Hash the file and settle it without a worker if possible; True: it needs analysis."""
        try:
            st = os.stat(item.path)
            item.size, item.mtime = st.st_size, st.st_mtime
            if st.st_size == 0:
                self._fail(item, QT_TRANSLATE_NOOP("Decoding", "empty file (0 bytes)"), FailureKind.PERMANENT)
                return False
            item.content_hash = file_sha256(item.path)
        except FileNotFoundError:
            self._fail(item, QT_TRANSLATE_NOOP(
                "Tagging", "vanished before it could be read (moved or deleted after the scan)"),
                FailureKind.TRANSIENT, persist_it=False)
            return False
        except PermissionError:
            self._fail(item, QT_TRANSLATE_NOOP("Tagging", "permission denied (cannot read this file)"),
                       FailureKind.TRANSIENT)
            return False
        except IsADirectoryError:
            self._fail(item, QT_TRANSLATE_NOOP("Decoding", "is a folder, not an audio file"), FailureKind.PERMANENT,
                       persist_it=False)
            return False
        except OSError as exc:
            self._fail(item, QT_TRANSLATE_NOOP("Tagging", "cannot read this file ({detail})")
                       .format(detail=exc.strerror or str(exc)), FailureKind.TRANSIENT)
            return False
        if self.store is not None and not self.t.force:
            current = persist.find_current(self.store, item.path, item.content_hash, self.key)
            if current is not None:
                self._emit_stored(item, current, skipped=True)
                return False
        owner = by_hash.get(item.content_hash)
        if owner is not None:
            owner.waiting.append(item)
            return False
        if self.store is not None and not self.t.force:
            twin = persist.find_same_content(self.store, item.path, item.content_hash, self.key)
            if twin is not None:
                self._emit_stored(item, twin, skipped=False)
                return False
            item.known = persist.known_windows(self.store, item.path, item.content_hash, self.key) or None
        return True

    def _emit_stored(self, item: _Item, stored: persist.StoredTrack, *, skipped: bool) -> None:
        track_id = stored.track.id
        if not skipped and not self.t.dry_run:
            assert self.store is not None, "the library is open before any file is looked at"
            track_id = persist.copy_analysis(self.store, stored, item.path, self.key, size=item.size, mtime=item.mtime)
        result = TrackResult(item.path, track_id if (skipped or not self.t.dry_run) else None,
                             stored.label, stored.confidence, stored.decision,
                             dict(stored.probs) if stored.probs else None,
                             stored.n_windows, stored.short, stored.error, skipped,
                             unfamiliar=stored.unfamiliar, timeline=stored.track.timeline)
        if self._tags(result, item, stored.track.content_hash):
            self._emit(result)

    def _finish(self, item: _Item, analysis: Analysis) -> None:
        self.analysed += 1
        self._record(item, analysis)

    def _finish_copy(self, copy: _Item, owner: _Item, analysis: Analysis) -> None:
        """A file with the same bytes as one just analysed: same result, its own row."""
        self._record(copy, analysis)

    def _record(self, item: _Item, analysis: Analysis) -> None:
        if analysis.label is None:
            self._fail(item, analysis.error or QT_TRANSLATE_NOOP("Tagging", "no result"), analysis.failure_kind,
                       content_hash=item.content_hash)
            return
        track_id = None
        if self.store is not None and not self.t.dry_run:
            track_id = persist.save_analysis(
                self.store, item.path, analysis, self.key, size=item.size, mtime=item.mtime
            )
        result = TrackResult(
            item.path, track_id, analysis.label, analysis.confidence, analysis.decision,
            dict(zip(EMOTIONS, analysis.probs)) if analysis.probs is not None else None,
            len(analysis.windows), analysis.short, analysis.error, False,
            unfamiliar=analysis.unfamiliar, timeline=analysis.timeline, reused_windows=analysis.reused_windows,
        )
        if self._tags(result, item, analysis.content_hash or item.content_hash):
            self._emit(result)

    def _fail(self, item: _Item, reason: str, kind: FailureKind, *, content_hash: str | None = None,
              persist_it: bool = True) -> None:
        """Report (and store) a file that could not be tagged. Without a content hash a later
        batch looks at the file again whatever its kind; with one, only a transient failure."""
        track_id = None
        if persist_it and self.store is not None and not self.t.dry_run:
            track_id = persist.save_failure(self.store, item.path, reason, kind, self.key, content_hash=content_hash,
                                            size=item.size, mtime=item.mtime)
        self._emit(TrackResult(item.path, track_id, None, None, None, None, 0, False, reason, False))

    def _tags(self, result: TrackResult, item: _Item, analysed_hash: str | None) -> bool:
        """Write the emotion into the file if asked. False: the file's bytes are no longer those
        analysed, so it was queued to be analysed again and `result` must not be reported."""
        if not self.t.write_tags or result.label is None:
            return True
        from tmer_desktop.tagging.filetags import TagsOutdatedError, TagWriteError, tag_values, write_emotion_tags

        # A labelled result has both, and the run's model is chosen before any result.
        assert result.confidence is not None and result.decision is not None and self.t.model_version is not None
        values = tag_values(result.label, result.confidence, result.decision, self.t.model_version)
        try:
            written = write_emotion_tags(item.path, values, dry_run=self.t.dry_run, expected_sha256=analysed_hash)
        except TagsOutdatedError:
            log.info("%s changed after it was analysed; analysing it again", item.path)
            self._again(item)
            return False
        except TagWriteError as exc:
            result.error = TAGS_NOT_WRITTEN.format(reason=exc.reason)
            return True
        except Exception as exc:  # a batch never dies of one file's tags
            log.exception("writing tags into %s failed", item.path)
            result.error = TAGS_NOT_WRITTEN.format(reason=str(exc) or type(exc).__name__)
            return True
        result.tag_changes = written.changes
        if written.sha256 is not None and self.store is not None and result.track_id is not None:
            # The hash of the bytes we wrote, not a fresh read: a file replaced just now
            # must not be recorded as analysed.
            st = os.stat(item.path)
            persist.update_after_tag_write(self.store, result.track_id, item.path,
                                           content_hash=written.sha256, size=st.st_size, mtime=st.st_mtime)
        return True

    def _again(self, item: _Item) -> None:
        """Queue a file whose bytes changed under us to be analysed again, or report it as
        failed when it has changed too often."""
        if item.changed_retries >= MAX_CHANGED_RETRIES:
            self._fail(item, KEPT_CHANGING, FailureKind.TRANSIENT, content_hash=None)
        else:
            self.pending.appendleft(_Item(item.path, changed_retries=item.changed_retries + 1))

    # -- reporting ---------------------------------------------------------------------------
    def _emit(self, result: TrackResult) -> None:
        self.finished += 1
        if result.skipped:
            self.skipped += 1
        elif result.error is not None and result.label is None:
            self.failed += 1
        else:
            self.tagged += 1
        if self.on_result is not None:
            self.on_result(result)
        self._progress(force=True)

    def _progress(self, force: bool = False) -> None:
        if self.on_progress is None:
            return
        now = time.monotonic()
        if not force and now - self._last_progress < PROGRESS_INTERVAL:
            return
        self._last_progress = now
        eta = None
        remaining = self.total - self.finished
        if self.analysed and self._first_dispatch is not None:
            eta = (now - self._first_dispatch) / self.analysed * remaining
        elif remaining == 0:
            eta = 0.0
        self.on_progress(Progress(self.finished, self.total, self.failed, self.skipped,
                                  now - self.started, eta, self.current))
