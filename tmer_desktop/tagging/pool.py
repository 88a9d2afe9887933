"""A small pool of analysis processes that survives its workers crashing or hanging.

concurrent.futures.ProcessPoolExecutor becomes unusable (BrokenProcessPool) once any worker
dies, and cannot time out a single task. Here each worker has its own Pipe, so the runner
always knows which file a worker is on: a worker that dies (e.g. SIGSEGV in the decoder) or
overruns its deadline is killed and replaced, and only that file gets an error.

Protocol (worker.worker_main):
  worker -> runner: ("ready", pid) | ("fatal", reason) | ("started", task_id, duration_s)
                    | ("result", task_id, Analysis)
  runner -> worker: (task_id, path, known window features or None) | None (exit)

Processes are started with 'spawn' (a fresh interpreter: no inherited locks, threads or Qt
state, works the same on Linux, macOS and Windows).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import wait

from tmer_desktop.analysis.outcome import Analysis
from tmer_desktop.errors import TmerError
from tmer_desktop.tagging.worker import WorkerConfig, worker_main
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import FailureKind

log = logging.getLogger(__name__)

# Seconds a worker may take to start (interpreter, imports, model, warm-up compile).
STARTUP_TIMEOUT = 600.0
# Without an explicit timeout: PROBE_GRACE to read the header, then this base plus a
# multiple of the file's duration (analysis runs far faster than real time; this only
# catches hangs).
PROBE_GRACE = 60.0
BASE_TIMEOUT = 60.0
TIMEOUT_PER_AUDIO_SECOND = 0.5
MAX_STARTUP_DEATHS = 3
# The failures this pool reports, marked for the interface's translations. All are
# FailureKind.TRANSIENT: a process that died or hung may not do so again (memory, load), so a
# later batch tries such files again.
CRASHED_ON_FILE = QT_TRANSLATE_NOOP("Tagging", "the analysis process crashed ({signal}) on this file; "
                                               "the file may be damaged or trigger a decoder bug")
UNKNOWN_SIGNAL = QT_TRANSLATE_NOOP("Tagging", "signal {number}")
# SIGKILL that this pool did not send (it kills only on a timeout, which says so): the user, or the
# kernel's out-of-memory killer. Nothing points at the file.
KILLED_ON_FILE = QT_TRANSLATE_NOOP("Tagging", "the analysis process was stopped from outside "
                                              "(killed, perhaps because the computer ran out of memory)")
STOPPED_ON_FILE = QT_TRANSLATE_NOOP("Tagging", "the analysis process stopped unexpectedly (exit code {code}) "
                                               "on this file")
TIMED_OUT_ON_FILE = QT_TRANSLATE_NOOP("Tagging", "timed out after {seconds:.0f} s "
                                                 "(the decoder or analysis hung on this file)")


class PoolError(TmerError):
    """The analysis processes cannot start (e.g. the model cannot be loaded)."""


@dataclass
class PoolEvent:
    kind: str  # "result" | "failed" | "started"
    task_id: int
    analysis: Analysis | None = None
    reason: str | None = None
    failure_kind: FailureKind | None = None  # with "failed": whether the file is worth trying again


@dataclass
class _Task:
    task_id: int
    path: str
    sent_at: float
    deadline: float


class _Slot:
    def __init__(self, ctx, config: WorkerConfig, warm_up: bool):
        self.parent_conn, child_conn = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=worker_main, args=(child_conn, config, warm_up), daemon=True,
                                   name="tmer-analysis")
        self.process.start()
        child_conn.close()
        self.started_at = time.monotonic()
        self.ready = False
        self.task: _Task | None = None
        self.killed_here = False  # SIGKILL sent by this pool, not from outside

    def kill(self) -> None:
        if self.process.is_alive():
            self.killed_here = True
            self.process.kill()
        self.process.join(timeout=5)
        self.parent_conn.close()


def _death_reason(exitcode: int | None, killed_here: bool = False) -> str:
    if exitcode == -getattr(signal, "SIGKILL", 9) and not killed_here:  # (Windows has no SIGKILL)
        return KILLED_ON_FILE
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name  # SIGSEGV: the system's name, as it is
        except ValueError:
            name = UNKNOWN_SIGNAL.format(number=-exitcode)
        return CRASHED_ON_FILE.format(signal=name)
    return STOPPED_ON_FILE.format(code=exitcode)


class WorkerPool:
    def __init__(self, size: int, config: WorkerConfig, *, timeout_per_file: float | None = None,
                 warm_up: bool = True):
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self._ctx = multiprocessing.get_context("spawn")
        self._config = config
        self._warm_up = warm_up
        self._timeout = timeout_per_file
        # One worker first; the others once it is ready. With a cold numba cache the first
        # one compiles and writes the cache and the others just load it, instead of every
        # worker compiling the same code at once on the same cores.
        self._slots = [_Slot(self._ctx, config, warm_up)]
        self._not_started = size - 1
        self.restarts = 0
        self._startup_deaths = 0

    # -- state ------------------------------------------------------------------------------
    def idle_count(self) -> int:
        return sum(1 for s in self._slots if s.ready and s.task is None)

    def busy_count(self) -> int:
        return sum(1 for s in self._slots if s.task is not None)

    # -- work -------------------------------------------------------------------------------
    def submit(self, task_id: int, path: str, known=None) -> None:
        """known: window features the worker need not compute (features.track.Known)."""
        slot = next(s for s in self._slots if s.ready and s.task is None)
        now = time.monotonic()
        deadline = now + (self._timeout if self._timeout is not None else PROBE_GRACE)
        slot.task = _Task(task_id, path, now, deadline)
        try:
            slot.parent_conn.send((task_id, path, known or None))
        except (OSError, ValueError):
            pass  # the worker just died; poll() will see it and report this task

    def poll(self, timeout: float) -> list[PoolEvent]:
        """Wait up to `timeout` seconds for something to happen; returns what happened."""
        events: list[PoolEvent] = []
        waitables = {}
        for slot in self._slots:
            waitables[slot.parent_conn] = slot
            waitables[slot.process.sentinel] = slot
        now = time.monotonic()
        nearest = min((s.task.deadline for s in self._slots if s.task), default=now + timeout)
        ready = wait(list(waitables), timeout=max(0.0, min(timeout, nearest - now)))
        handled = set()
        for obj in ready:
            slot = waitables[obj]
            if id(slot) in handled:
                continue
            handled.add(id(slot))
            self._drain(slot, events)
        self._check_deadlines(events)
        return events

    def _drain(self, slot: _Slot, events: list[PoolEvent]) -> None:
        while True:
            try:
                if not slot.parent_conn.poll():
                    break
                message = slot.parent_conn.recv()
            except Exception:  # EOF, or half a message from a process that just died
                log.info("a worker's pipe closed", exc_info=True)
                break
            self._handle(slot, message, events)
        if not slot.process.is_alive():
            slot.process.join(timeout=1)
            self._on_death(slot, events, _death_reason(slot.process.exitcode, slot.killed_here))

    def _handle(self, slot: _Slot, message, events: list[PoolEvent]) -> None:
        kind = message[0]
        if kind == "ready":
            slot.ready = True
            while self._not_started > 0:
                self._slots.append(_Slot(self._ctx, self._config, self._warm_up))
                self._not_started -= 1
        elif kind == "fatal":
            self.close()
            raise PoolError(QT_TRANSLATE_NOOP("Tagging", "the analysis processes cannot start: {reason}")
                            .format(reason=message[1]))
        elif kind == "started" and slot.task and slot.task.task_id == message[1]:
            if self._timeout is None:
                duration = float(message[2] or 0.0)
                slot.task.deadline = time.monotonic() + BASE_TIMEOUT + TIMEOUT_PER_AUDIO_SECOND * duration
            events.append(PoolEvent("started", message[1]))
        elif kind == "result" and slot.task and slot.task.task_id == message[1]:
            slot.task = None
            events.append(PoolEvent("result", message[1], analysis=message[2]))

    def _on_death(self, slot: _Slot, events: list[PoolEvent], reason: str) -> None:
        task = slot.task
        if not slot.ready:
            self._startup_deaths += 1
            if self._startup_deaths >= MAX_STARTUP_DEATHS:
                # A worker that cannot even start will not start next time either.
                exitcode = slot.process.exitcode
                self.close()
                raise PoolError(QT_TRANSLATE_NOOP("Tagging", "the analysis processes keep dying while starting "
                                                             "({reason})").format(
                    reason=_death_reason(exitcode, slot.killed_here)))
        self._replace(slot)
        if task is not None:
            events.append(PoolEvent("failed", task.task_id, reason=reason, failure_kind=FailureKind.TRANSIENT))

    def _check_deadlines(self, events: list[PoolEvent]) -> None:
        now = time.monotonic()
        for slot in list(self._slots):
            if slot.task is not None and now > slot.task.deadline:
                task = slot.task
                waited = now - task.sent_at
                self._replace(slot)
                events.append(PoolEvent(
                    "failed", task.task_id,
                    reason=TIMED_OUT_ON_FILE.format(seconds=waited), failure_kind=FailureKind.TRANSIENT,
                ))
            elif slot.task is None and not slot.ready and now - slot.started_at > STARTUP_TIMEOUT:
                self.close()
                raise PoolError(QT_TRANSLATE_NOOP("Tagging", "an analysis process did not start within {seconds:.0f} s")
                                .format(seconds=STARTUP_TIMEOUT))

    def _replace(self, slot: _Slot) -> None:
        slot.kill()
        index = self._slots.index(slot)
        self._slots[index] = _Slot(self._ctx, self._config, self._warm_up)
        self.restarts += 1

    # -- shutdown ---------------------------------------------------------------------------
    def abandon_running(self) -> list[int]:
        """Kill workers that are busy (cancellation); returns the task ids dropped."""
        dropped = []
        for slot in self._slots:
            if slot.task is not None:
                dropped.append(slot.task.task_id)
                slot.task = None
                slot.kill()
        return dropped

    def close(self) -> None:
        for slot in self._slots:
            if slot.process.is_alive() and slot.task is None:
                try:
                    slot.parent_conn.send(None)
                except (OSError, ValueError):
                    pass
        deadline = time.monotonic() + 3
        for slot in self._slots:
            slot.process.join(timeout=max(0.0, deadline - time.monotonic()))
            slot.kill()
        self._slots = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
