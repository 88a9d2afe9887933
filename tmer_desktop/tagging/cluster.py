"""Batch tagging on a Dask distributed cluster: `tmer tag --scheduler tcp://HOST:PORT`.

`DaskPool` stands in for pool.WorkerPool (the same submit / poll / idle_count interface), so the
runner (runner.py) is unchanged: it hashes, skips what is current, and stores every result as it
comes back, the only writer of the library. What travels to a worker is the file's bytes and the
model's folder (a few tens of kB), so workers need no shared storage and no model store of their
own, only the package installed (`pip install 'tmer-desktop[cluster]'`, the same version).

On a worker (`analyse_on_worker`): the bytes are written to a temporary file with the same
suffix, analysed by the batch's Analyser (worker.py: the same judge, model and settings), and the
Analysis comes back with the original path. Each worker process keeps one Analyser per model.

Failures: a file that cannot be analysed comes back as an Analysis with its error, as from a local
worker. A worker that dies (killed, out of memory, a decoder crash) loses its running files; the
scheduler gives them to another worker, and only a file that killed several workers
(distributed's `allowed-failures`, 3 by default) is reported, as a transient failure that a later
run tries again. A cluster without workers for NO_WORKERS_TIMEOUT seconds ends the run.

Timeouts, as in the local pool: a file gets `timeout_per_file` seconds, or else BASE_TIMEOUT plus
TIMEOUT_PER_AUDIO_SECOND per second of audio, from when a worker starts on it (the workers are
asked which files they are executing, once a second). A file past its deadline is
cancelled and reported as timed out (transient), and the process of the worker stuck on it is
ended, which its nanny (`dask worker` runs one by default) replaces; its other files go to other
workers, their clocks started again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import math
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from tmer_desktop import paths
from tmer_desktop.analysis.outcome import Analysis, extractor_version
from tmer_desktop.tagging.pool import (
    BASE_TIMEOUT,
    TIMED_OUT_ON_FILE,
    TIMEOUT_PER_AUDIO_SECOND,
    PoolError,
    PoolEvent,
)
from tmer_desktop.tagging.worker import Analyser, WorkerConfig, failure_text
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import FailureKind

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 20.0  # seconds to reach the scheduler
NO_WORKERS_TIMEOUT = 120.0  # seconds a run waits for a cluster with no worker before giving up
TASKS_PER_THREAD = 2  # files sent ahead per worker thread: one running, one waiting (bytes held by the scheduler)
MAX_FILE_BYTES = 1 << 30  # a file larger than this is not sent through the scheduler

UNREACHABLE = QT_TRANSLATE_NOOP("Tagging", "cannot reach the Dask scheduler at {address} ({detail})")
NO_WORKERS = QT_TRANSLATE_NOOP("Tagging", "the Dask cluster at {address} has had no workers for {seconds:.0f} s")
KILLED_WORKERS = QT_TRANSLATE_NOOP(
    "Tagging", "the analysis killed every cluster worker that tried this file ({detail}); "
               "the file may be damaged or trigger a decoder bug")
LOST = QT_TRANSLATE_NOOP("Tagging", "the cluster lost this file's analysis ({detail})")
OTHER_VERSION = QT_TRANSLATE_NOOP(
    "Tagging", "a cluster worker runs another feature extractor ({theirs}, here {ours}): install the same "
               "tmer-desktop version on every worker")
TOO_BIG = QT_TRANSLATE_NOOP("Tagging", "too large to send to the cluster ({size} bytes)")


def _duration(path: str) -> float:
    """The file's length in seconds for its deadline (0 when the header cannot be read: the
    analysis will say why)."""
    from tmer_desktop.audio.decode import probe

    try:
        return float(probe(path).duration or 0.0)
    except Exception:  # any problem of the file is the worker's to report, with its reason
        log.info("cannot read the length of %s", path, exc_info=True)
        return 0.0


def model_files(folder: str | os.PathLike | None) -> dict[str, bytes]:
    """The files of a model folder (None: the shipped model), to send to the workers."""
    root = Path(folder) if folder is not None else paths.BUNDLED_MODEL_DIR
    return {p.name: p.read_bytes() for p in sorted(root.iterdir()) if p.is_file()}


# -- on a worker ------------------------------------------------------------------------------
_analysers: dict[tuple, Analyser] = {}
_analysers_lock = threading.Lock()


def _worker_model_dir(files: dict[str, bytes]) -> Path:
    """The model's folder on this worker: inside its model store (bundle.load_model loads models from
    nowhere else), named by the content, written once."""
    digest = hashlib.sha256()
    for name, data in sorted(files.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    target = paths.model_store_dir() / ".cluster" / digest.hexdigest()[:24]
    if not target.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".incoming-"))
        for name, data in files.items():
            (staging / Path(name).name).write_bytes(data)
        try:
            os.replace(staging, target)
        except OSError:  # another process of this worker machine was first
            for child in staging.iterdir():
                child.unlink()
            staging.rmdir()
    return target


def _analyser(config: WorkerConfig, files: dict[str, bytes]) -> Analyser:
    key = (config, tuple(sorted((n, hashlib.sha256(d).hexdigest()) for n, d in files.items())))
    with _analysers_lock:
        if key not in _analysers:
            try:
                from threadpoolctl import threadpool_limits

                threadpool_limits(1)  # one analysis per worker thread, as in the local pool (worker.py)
            except ImportError:
                pass
            local = dataclasses.replace(config, model_dir=str(_worker_model_dir(files)), allow_retrain=False)
            _analysers[key] = Analyser(local)
        return _analysers[key]


def analyse_on_worker(config: WorkerConfig, files: dict[str, bytes], path: str, data: bytes,
                      known=None) -> Analysis:
    """Runs on a Dask worker: analyse `data` (the bytes of `path` on the runner's machine); known:
    the window features the library already holds (not computed again), as for the local pool."""
    from tmer_desktop.tagging.worker import _test_hooks

    _test_hooks(path)
    suffix = Path(path).suffix
    fd, local = tempfile.mkstemp(suffix=suffix, prefix="tmer-cluster-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            outcome = _analyser(config, files).analyse(local, known=known)
        except Exception as exc:  # every failure of one file is that file's error row, as in worker.py
            log.warning("%s could not be analysed", path, exc_info=True)
            outcome = Analysis(path=path, error=failure_text(exc))
    finally:
        os.unlink(local)
    outcome.path = path
    return outcome


def _executing(dask_worker) -> list[str]:
    """Runs on a worker: the keys of the tasks its threads are executing now."""
    return [str(ts.key) for ts in dask_worker.state.executing]


def _exit_soon() -> None:
    """Runs on a worker stuck on a file: end its process just after answering (its nanny replaces it)."""
    threading.Timer(0.2, os._exit, args=(1,)).start()


# -- on the runner ----------------------------------------------------------------------------
class DaskPool:
    """pool.WorkerPool's interface over a Dask cluster."""

    def __init__(self, address: str, config: WorkerConfig, *, timeout_per_file: float | None = None):
        try:
            from distributed import Client
        except ModuleNotFoundError as exc:
            raise PoolError(QT_TRANSLATE_NOOP(
                "Tagging", "tagging on a cluster needs Dask: pip install 'tmer-desktop[cluster]'")) from exc
        self.address = address
        self.config = config
        self._files = model_files(config.model_dir)
        self._expected_extractor = extractor_version()
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise PoolError(UNREACHABLE.format(address=address, detail=str(exc) or type(exc).__name__)) from exc
        self._tasks: dict[Any, int] = {}  # future -> task id
        self._settled: list[PoolEvent] = []  # files that failed before they could be sent
        self._no_workers_since: float | None = None
        self._capacity = 0
        self._capacity_at = 0.0
        self.restarts = 0
        self.timeout_per_file = timeout_per_file
        self._budget: dict[Any, float] = {}  # future -> seconds it may run
        self._started: dict[Any, tuple[float, str]] = {}  # future -> (first seen processing, worker)
        self._checked_at = 0.0

    def _threads(self) -> int:
        now = time.monotonic()
        if now - self._capacity_at > 1.0:
            workers = self.client.scheduler_info(n_workers=-1).get("workers", {})
            self._capacity = sum(int(w.get("nthreads", 1)) for w in workers.values())
            self._capacity_at = now
            if self._capacity:
                self._no_workers_since = None
            elif self._no_workers_since is None:
                self._no_workers_since = now
        return self._capacity

    def idle_count(self) -> int:
        return max(0, TASKS_PER_THREAD * self._threads() - self.busy_count())

    def busy_count(self) -> int:
        return len(self._tasks) + len(self._settled)

    def submit(self, task_id: int, path: str, known=None) -> None:
        try:
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                self._settled.append(PoolEvent("failed", task_id, reason=TOO_BIG.format(size=size),
                                               failure_kind=FailureKind.PERMANENT))
                return
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:  # gone or unreadable since it was hashed: that file's error, as in worker.py
            self._settled.append(PoolEvent("failed", task_id, reason=failure_text(exc),
                                           failure_kind=FailureKind.TRANSIENT))
            return
        future = self.client.submit(analyse_on_worker, self.config, self._files, path, data, known or None,
                                    key=f"tmer-analyse-{uuid.uuid4().hex}", pure=False, retries=0)
        self._tasks[future] = task_id
        self._budget[future] = self.timeout_per_file if self.timeout_per_file is not None else \
            BASE_TIMEOUT + TIMEOUT_PER_AUDIO_SECOND * _duration(path)

    def poll(self, timeout: float) -> list[PoolEvent]:
        deadline = time.monotonic() + timeout
        while True:
            events, self._settled = self._settled, []
            events += [self._event(f) for f in list(self._tasks) if f.done()]
            if events or time.monotonic() >= deadline:
                break
            time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
        self._threads()
        events += self._overdue()
        if self._tasks and self._no_workers_since is not None \
                and time.monotonic() - self._no_workers_since > NO_WORKERS_TIMEOUT:
            raise PoolError(NO_WORKERS.format(address=self.address, seconds=NO_WORKERS_TIMEOUT))
        return events

    def _overdue(self) -> list[PoolEvent]:
        """Files past their deadline: cancelled, reported, and the workers stuck on them restarted."""
        now = time.monotonic()
        if not self._tasks or now - self._checked_at < 1.0:
            return []
        self._checked_at = now
        by_key = {f.key: f for f in self._tasks}
        # What each worker is executing now (not merely assigned: those wait, their clocks not started).
        answers = self.client.run(_executing, on_error="return")
        here = {(k, w) for w, keys in answers.items() if isinstance(keys, list) for k in keys}
        for future, (_, worker) in list(self._started.items()):
            if (future.key, worker) not in here:  # moved to another worker (its worker died): its clock starts again
                del self._started[future]
        for key, worker in here:
            future = by_key.get(key)
            if future is not None and future not in self._started:
                self._started[future] = (now, worker)
        events, stuck = [], set()
        for future, (since, worker) in list(self._started.items()):
            if future in self._tasks and now - since > self._budget.get(future, math.inf):
                task_id = self._tasks.pop(future)
                self._forget(future)
                future.cancel()
                stuck.add(worker)
                events.append(PoolEvent("failed", task_id, reason=TIMED_OUT_ON_FILE.format(seconds=now - since),
                                        failure_kind=FailureKind.TRANSIENT))
        if stuck:
            # The analysis thread cannot be interrupted: end the worker's process (its nanny starts a new
            # one); the scheduler gives its other files to other workers.
            try:
                self.client.run(_exit_soon, workers=sorted(stuck), on_error="ignore")
                self.restarts += len(stuck)
            except Exception:  # the worker may be gone already: the run goes on either way
                log.warning("cannot stop the cluster workers %s", sorted(stuck), exc_info=True)
            for future, (_, worker) in list(self._started.items()):
                if worker in stuck:
                    del self._started[future]
        return events

    def _forget(self, future) -> None:
        self._budget.pop(future, None)
        self._started.pop(future, None)

    def _event(self, future) -> PoolEvent:
        task_id = self._tasks.pop(future)
        self._forget(future)
        if future.status == "finished":
            analysis = future.result()
            future.release()
            if analysis.extractor_version not in (None, self._expected_extractor):
                return PoolEvent("failed", task_id, reason=OTHER_VERSION.format(
                    theirs=analysis.extractor_version, ours=self._expected_extractor),
                    failure_kind=FailureKind.TRANSIENT)
            return PoolEvent("result", task_id, analysis=analysis)
        try:
            exc = future.exception(timeout=5)
        except Exception as why:  # cancelled, or lost with its worker
            log.warning("a cluster task ended without a result", exc_info=True)
            exc = why
        future.release()
        from distributed.scheduler import KilledWorker

        template = KILLED_WORKERS if isinstance(exc, KilledWorker) else LOST
        return PoolEvent("failed", task_id, reason=template.format(detail=str(exc) or type(exc).__name__),
                         failure_kind=FailureKind.TRANSIENT)

    def abandon_running(self) -> list[int]:
        dropped = list(self._tasks.values())
        self._budget.clear()
        self._started.clear()
        if self._tasks:
            self.client.cancel(list(self._tasks))
        self._tasks.clear()
        return dropped

    def close(self) -> None:
        try:
            self.abandon_running()
            self.client.close(timeout=10)
        except Exception:  # closing must not hide the run's own outcome
            log.warning("closing the connection to the Dask scheduler failed", exc_info=True)

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
