"""The server's analysis engine: the batch's worker processes (tagging/pool.py, tagging/worker.py:
the same judge and model choice as `tmer tag`) driven by one thread, which is also the only
thread that stores analyses in the library.

    engine = Engine(store, settings, jobs=1); engine.start()
    future = engine.submit("/path/file.ogg")      # concurrent.futures.Future -> track id
    future.result()                                # or raises AnalysisFailed(reason)
    engine.close()

Per file, as the batch runner does (tagging/runner.py): hash the bytes; the library's analysis of
these bytes at this path with the same window, hop, extractor and model is the answer (resume);
else an analysis of the same bytes at another path is copied; else a worker analyses the file and
its result is stored in one transaction. The model is the library's active one at the time of
the request (analysis/model_choice.py); when it changes, the workers are restarted with it.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import queue
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from tmer_desktop.analysis.model_choice import ModelChoice, choose_model, load_chosen_model
from tmer_desktop.analysis.outcome import extractor_version
from tmer_desktop.errors import TmerError
from tmer_desktop.hashing import file_sha256
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.tagging import persist
from tmer_desktop.tagging.pool import PoolError, WorkerPool
from tmer_desktop.tagging.worker import WorkerConfig
from tmer_desktop.vocabulary import FailureKind

log = logging.getLogger(__name__)

# The runner's words for an empty file (tagging/runner.py), so the API says what `tmer tag` says.
EMPTY_FILE = "empty file (0 bytes)"
POLL_INTERVAL = 0.1  # seconds: how long the engine's thread waits for the workers between looks at the queue


class AnalysisFailed(TmerError):
    """The file could not be analysed; `reason` is the error `tmer tag` gives for it."""

    def __init__(self, reason: str, kind: FailureKind = FailureKind.PERMANENT):
        self.reason, self.kind = reason, kind
        super().__init__(reason)

    def __reduce__(self) -> tuple:
        return (type(self), (self.reason, self.kind))


class EngineClosed(TmerError):
    """The server is shutting down and takes no more work."""


@dataclass
class _Job:
    path: str
    future: Future
    content_hash: str | None = None
    size: int | None = None
    mtime: float | None = None
    choice: ModelChoice | None = None


class Engine:
    def __init__(self, store: LibraryStore, settings, *, jobs: int = 1, timeout_per_file: float | None = None,
                 eager: bool = True):
        """eager: start the workers at once (else with the first file that needs them)."""
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.store = store
        self.settings = settings
        self.jobs = jobs
        self.window = float(getattr(settings, "window_s", 30.0))
        self.hop = float(getattr(settings, "hop_s", 5.0))
        self.timeout_per_file = timeout_per_file
        self.eager = eager
        self._inbox: queue.Queue[_Job | None] = queue.Queue()
        self._thread = threading.Thread(target=self._main, name="tmer-serve-engine", daemon=True)
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._state: dict[str, Any] = {"workers": "starting", "model_version": None, "queued": 0, "running": 0,
                                       "analysed": 0, "error": None}

    # -- the interface ------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def submit(self, path: str) -> Future:
        """Analyse `path` (or find its analysis); the future's result is the library's track id."""
        future: Future = Future()
        if self._closed.is_set():
            future.set_exception(EngineClosed("the server is shutting down"))
            return future
        self._inbox.put(_Job(os.path.abspath(path), future))
        return future

    def status(self) -> dict:
        with self._lock:
            return dict(self._state)

    def close(self, timeout: float = 10.0) -> None:
        """Stop: queued files are refused, running analyses abandoned, the workers ended."""
        self._closed.set()
        self._inbox.put(None)
        if self._thread.is_alive():
            self._thread.join(timeout)

    # -- the engine's thread ------------------------------------------------------------------
    def _set(self, **values) -> None:
        with self._lock:
            self._state.update(values)

    def _main(self) -> None:
        self._pool: WorkerPool | None = None
        self._pool_model: ModelChoice | None = None
        self._model_checked = False
        self._waiting: deque[_Job] = deque()
        self._inflight: dict[int, _Job] = {}
        self._next_id = 0
        try:
            if self.eager:
                self._start_workers()
            else:
                self._set(workers="idle")
            self._loop()
        except BaseException as exc:  # the thread must not die in silence: every caller hears why
            log.exception("the analysis engine stopped")
            self._fail_all(AnalysisFailed(f"the analysis engine stopped ({type(exc).__name__}: {exc})",
                                          FailureKind.TRANSIENT))
            self._set(workers="stopped", error=str(exc))
        finally:
            if self._pool is not None:
                self._pool.close()
            self._fail_all(EngineClosed("the server is shutting down"))
            self.store.release_thread_connection()

    def _start_workers(self) -> None:
        """Start the workers with the library's active model before the first request, so that
        the first answer does not wait for the interpreter, the imports and the warm-up."""
        try:
            self._ensure_pool(choose_model(self.store))
        except TmerError as exc:
            log.warning("the analysis processes could not start: %s", exc)
            self._set(workers="failed", error=str(exc))

    def _loop(self) -> None:
        while not self._closed.is_set():
            starting = self._pool is not None and self.status()["workers"] == "starting"
            idle = not self._inflight and not self._waiting and not starting
            try:
                job = self._inbox.get(timeout=0.5) if idle else self._inbox.get_nowait()
            except queue.Empty:
                job = None
            while job is not None:
                self._waiting.append(job)
                try:
                    job = self._inbox.get_nowait()
                except queue.Empty:
                    job = None
            if self._closed.is_set():
                return
            self._dispatch()
            if self._pool is not None and (self._inflight or starting):
                self._collect()
            with self._lock:
                self._state.update(queued=len(self._waiting), running=len(self._inflight))

    def _dispatch(self) -> None:
        while self._waiting:
            job = self._waiting[0]
            if job.content_hash is None:  # first look: settle it from the library if possible
                # From here on the request cannot cancel it (a client that went away): the
                # answer is still stored, and setting it cannot fail.
                if not job.future.set_running_or_notify_cancel():
                    self._waiting.popleft()
                    continue
                try:
                    if not self._prepare(job):
                        self._waiting.popleft()
                        continue
                except TmerError as exc:
                    self._waiting.popleft()
                    job.future.set_exception(exc)
                    continue
            assert job.choice is not None
            if self._pool_model != job.choice:
                if self._inflight:
                    return  # another model is still busy: this job waits until it is done
                try:
                    self._ensure_pool(job.choice)
                except TmerError as exc:
                    self._waiting.popleft()
                    job.future.set_exception(exc)
                    continue
            assert self._pool is not None
            if self._pool.idle_count() == 0:
                return  # all busy, or still starting: _loop collects their news
            self._waiting.popleft()
            task_id, self._next_id = self._next_id, self._next_id + 1
            self._inflight[task_id] = job
            self._pool.submit(task_id, job.path)

    def _prepare(self, job: _Job) -> bool:
        """Hash the file and answer from the library when it can; True: it needs a worker."""
        try:
            st = os.stat(job.path)
            if st.st_size == 0:
                raise AnalysisFailed(EMPTY_FILE)
            job.size, job.mtime = st.st_size, st.st_mtime
            job.content_hash = file_sha256(job.path)
        except OSError as exc:
            raise AnalysisFailed(f"cannot read this file ({exc.strerror or exc})", FailureKind.TRANSIENT) from exc
        job.choice = choose_model(self.store)  # the library's active model, now (it may have changed)
        key = self._key(job.choice)
        current = persist.find_current(self.store, job.path, job.content_hash, key)
        if current is not None and current.error is None:
            job.future.set_result(current.track.id)
            return False
        twin = persist.find_same_content(self.store, job.path, job.content_hash, key)
        if twin is not None:
            job.future.set_result(persist.copy_analysis(self.store, twin, job.path, key, size=job.size,
                                                        mtime=job.mtime))
            return False
        return True

    def _key(self, choice: ModelChoice) -> persist.AnalysisKey:
        return persist.AnalysisKey(self.window, self.hop, extractor_version(), choice.version)

    def _ensure_pool(self, choice: ModelChoice, allow_retrain: bool = False) -> None:
        if self._pool is not None and self._pool_model == choice:
            return
        if self._pool is not None:
            log.info("the active model is now %s: restarting the analysis processes", choice.version)
            self._pool.close()
            self._pool = None
        config = dataclasses.replace(WorkerConfig.for_run(self.settings, self.window, self.hop, choice),
                                     allow_retrain=allow_retrain)
        self._pool = WorkerPool(self.jobs, config, timeout_per_file=self.timeout_per_file)
        self._pool_model = choice
        self._set(workers="starting", model_version=choice.version, error=None)

    def _collect(self) -> None:
        assert self._pool is not None
        try:
            events = self._pool.poll(POLL_INTERVAL)
        except PoolError as exc:
            self._pool_failed(exc)
            return
        if self._pool.idle_count() or self._pool.busy_count():
            self._set(workers="ready")
        for event in events:
            if event.kind == "started":
                continue
            job = self._inflight.pop(event.task_id)
            if event.kind != "result" or event.analysis is None or event.analysis.label is None:
                reason = event.reason if event.kind != "result" else (event.analysis.error if event.analysis else None)
                kind = event.failure_kind or (event.analysis.failure_kind if event.analysis else None)
                job.future.set_exception(AnalysisFailed(reason or "no result", kind or FailureKind.PERMANENT))
                continue
            assert job.choice is not None
            try:
                track_id = persist.save_analysis(self.store, job.path, event.analysis, self._key(job.choice),
                                                 size=job.size, mtime=job.mtime)
            except TmerError as exc:  # the library cannot be written (disk full, locked): say so
                job.future.set_exception(exc)
                continue
            with self._lock:
                self._state["analysed"] += 1
            job.future.set_result(track_id)

    def _pool_failed(self, exc: PoolError) -> None:
        """The workers cannot start. As the batch runner does: the shipped model that this
        installation cannot unpickle is rebuilt once, here; a model of the user's own is refused."""
        choice = self._pool_model
        self._pool = None
        self._pool_model = None
        retry = not self._model_checked and choice is not None
        self._model_checked = True
        if retry:
            assert choice is not None
            try:
                load_chosen_model(choice, self.store)
                self._ensure_pool(choice, allow_retrain=choice.bundled)
                for task_id, job in list(self._inflight.items()):  # sent to workers that never started
                    self._waiting.appendleft(job)
                    del self._inflight[task_id]
                return
            except TmerError as again:
                exc = PoolError(str(again))
        log.warning("the analysis processes cannot start: %s", exc)
        self._set(workers="failed", error=str(exc))
        for job in self._inflight.values():
            job.future.set_exception(exc)
        self._inflight.clear()

    def _fail_all(self, exc: BaseException) -> None:
        jobs = list(getattr(self, "_inflight", {}).values()) + list(getattr(self, "_waiting", ()))
        while True:
            try:
                job = self._inbox.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                jobs.append(job)
        for job in jobs:
            if not job.future.done():
                job.future.set_exception(exc)
        if hasattr(self, "_inflight"):
            self._inflight.clear()
            self._waiting.clear()


def wait_ready(engine: Engine, timeout: float) -> bool:
    """True once the engine's workers are ready (tests and `tmer serve --wait` use it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = engine.status()["workers"]
        if state in ("ready", "failed", "stopped"):
            return state == "ready"
        time.sleep(0.1)
    return False
