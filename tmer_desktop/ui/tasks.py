"""Background tasks for the GUI: throttled progress, partial results, cooperative cancel.

The work function runs in a worker thread and talks to the GUI only through a TaskContext.
Everything it reports travels as Qt signals emitted from the worker thread to a QObject
that lives in the GUI thread, so Qt queues them and the slots run in the GUI thread
(Picard's habit: results *or* exceptions are posted back, never raised in a thread).

    task = BackgroundTask(lambda ctx: work(ctx), name="tag folder")
    task.progress.connect(...)   # throttled to at most ~20 per second, last value always sent
    task.partial.connect(...)    # every partial result, in order
    task.succeeded.connect(...)  # the function's return value
    task.failed.connect(...)     # (message, exception) — message is user-readable
    task.finished.connect(...)   # always, after succeeded/failed, with task.cancelled set
    task.start(); task.cancel()

Python's cyclic garbage collector runs in whichever thread happens to allocate, and when it
frees a Qt wrapper in a worker thread while the GUI thread destroys widgets, the two lock each
other (seen: a dashboard refresh thread collecting a widget tree while the GUI thread deleted a
menu — both stuck, the app frozen). So the first task or writer moves collection to the GUI
thread for good: pyqtgraph's GarbageCollector turns automatic collection off and collects on a
GUI-thread timer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from tmer_desktop.ui.i18n import error_text

log = logging.getLogger(__name__)

# At most this many progress signals per second reach the GUI thread.
PROGRESS_RATE_HZ = 20.0


class TaskCancelled(Exception):
    """Raised by TaskContext.check_cancelled() to unwind a work function early."""


class TaskContext:
    """What a work function may use from its worker thread."""

    def __init__(self, task: BackgroundTask):
        self._task = task
        self._cancel = threading.Event()
        self._cancel_hooks: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._last_progress_at = 0.0
        self._pending_progress: Any = None
        self._has_pending = False

    # -- cancellation ----------------------------------------------------------------
    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def on_cancel(self, hook: Callable[[], None]) -> None:
        """Call `hook` (from the cancelling thread) when cancel is requested, e.g. tagger.cancel."""
        with self._lock:
            run_now = self._cancel.is_set()
            if not run_now:
                self._cancel_hooks.append(hook)
        if run_now:
            hook()

    def _request_cancel(self) -> None:
        with self._lock:
            if self._cancel.is_set():
                return
            self._cancel.set()
            hooks = list(self._cancel_hooks)
        for hook in hooks:
            try:
                hook()
            except Exception:  # a failing hook must not stop the cancel itself
                log.exception("a cancel hook failed")

    # -- reporting -------------------------------------------------------------------
    def progress(self, value: Any, *, force: bool = False) -> None:
        """Report progress; values arriving faster than PROGRESS_RATE_HZ are coalesced."""
        now = time.monotonic()
        with self._lock:
            due = force or (now - self._last_progress_at) >= 1.0 / PROGRESS_RATE_HZ
            if not due:
                self._pending_progress, self._has_pending = value, True
                return
            self._last_progress_at = now
            self._has_pending = False
        self._task.progress.emit(value)

    def partial(self, value: Any) -> None:
        """Hand one finished piece of the result to the GUI thread right away."""
        self._task.partial.emit(value)

    def _flush_progress(self) -> None:
        with self._lock:
            value, pending = self._pending_progress, self._has_pending
            self._has_pending = False
        if pending:
            self._task.progress.emit(value)


_gui_thread_collector = None


def collect_garbage_in_gui_thread() -> None:
    """From now on, cyclic garbage is collected only in the GUI thread (call it there)."""
    global _gui_thread_collector
    if _gui_thread_collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _gui_thread_collector = GarbageCollector(interval=1.0)


class BackgroundTask(QObject):
    """Runs `fn(ctx)` once in a daemon worker thread. Create and connect it in the GUI thread."""

    progress = Signal(object)
    partial = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str, object)
    finished = Signal()

    def __init__(self, fn: Callable[[TaskContext], Any], name: str = "task", parent: QObject | None = None):
        super().__init__(parent)
        collect_garbage_in_gui_thread()
        self._fn = fn
        self.name = name
        self.context = TaskContext(self)
        self._thread: threading.Thread | None = None
        self._done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    @property
    def cancelled(self) -> bool:
        return self.context.cancelled

    @property
    def running(self) -> bool:
        return self._thread is not None and not self._done.is_set()

    def start(self) -> BackgroundTask:
        if self._thread is not None:
            raise RuntimeError(f"task {self.name!r} was already started")
        self._thread = threading.Thread(target=self._run, name=f"tmer-{self.name}", daemon=True)
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.context._request_cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work function returned (not until the signals were delivered)."""
        return self._done.wait(timeout)

    def _run(self) -> None:
        try:
            result = self._fn(self.context)
        except TaskCancelled:
            self.context._flush_progress()
            self._done.set()
            self.finished.emit()
            return
        except BaseException as exc:  # posted back: the GUI decides how to show it
            log.info("background task %s failed", self.name, exc_info=True)
            self.error = exc
            self.context._flush_progress()
            self._done.set()
            self.failed.emit(error_text(exc), exc)
            self.finished.emit()
            return
        self.result = result
        self.context._flush_progress()
        self._done.set()
        self.succeeded.emit(result)
        self.finished.emit()


class SerialWriter(QObject):
    """One worker thread for the GUI's database writes, in the order submitted (Picard's
    one-thread pool): the GUI never waits on a disk sync, and writes never interleave."""

    _done = Signal(object, object, object)  # callback, result, exception

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        collect_garbage_in_gui_thread()
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tmer-writer")
        self._done.connect(self._deliver)

    def submit(self, fn: Callable[[], Any], callback: Callable[[Any, BaseException | None], None] | None = None):
        """Run fn() in the writer thread; then callback(result, error) in the GUI thread."""
        def job():
            try:
                result, error = fn(), None
            except BaseException as exc:  # posted back, never lost in the thread
                log.info("writer job failed", exc_info=True)
                result, error = None, exc
            self._done.emit(callback, result, error)
            return result
        return self._pool.submit(job)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)

    @staticmethod
    def _deliver(callback, result, error) -> None:
        if callback is not None:
            callback(result, error)


def run_in_background(fn: Callable[[TaskContext], Any], *, name: str = "task", parent: QObject | None = None,
                      **slots: Callable | Sequence[Callable]) -> BackgroundTask:
    """Create, connect (keyword = signal name; one slot, or several connected in order) and start
    a BackgroundTask."""
    task = BackgroundTask(fn, name=name, parent=parent)
    for signal_name, connected in slots.items():
        for slot in connected if isinstance(connected, Sequence) else (connected,):
            getattr(task, signal_name).connect(slot)
    return task.start()
