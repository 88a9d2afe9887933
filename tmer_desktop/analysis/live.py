"""Live analysis of a recording in progress: window estimates as soon as each window is complete.

    live = LiveAnalyser(sample_rate, window=30.0, hop=5.0, on_window=callback)
    live.feed(mono_block)                 # from the recorder's writer thread, in order
    live.finish(total_frames)             # after stop: the remaining windows (blocking)
    analysis = live.analysis(recording_path)   # the recording's Analysis, as the batch makes one
    live.close()
    # tagging.persist.save_recording(store, analysis, window, hop) makes it a library track

The model is the library's active one, chosen and loaded as the batch does
(analysis/model_choice.py), unless one is handed in; every window and the track are decided by
the judge the batch uses (analysis/judge.py), so a batch run of the saved recording gives the
same verdicts from the same features.

Windows follow features.windows.plan_windows: a 30 s window starts at 0, hop, 2·hop, ...; when
the recording stops, the tail window ending at the end (or one short window for a recording
under 30 s) is added, so the stored timeline equals the one a batch run of the saved file
makes. Only the last window + hop of audio is kept in memory (an hour-long session stays
small). Features are computed in one separate process (numba code has crashed processes
here, and the GUI thread must not wait on the GIL); the judge runs in this process's
collector thread. Before the first full window, `provisional_every` seconds a provisional
estimate is made from the audio so far: it is marked provisional and never stored.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import logging
import math
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from tmer_desktop.analysis.judge import Judge
from tmer_desktop.analysis.model_choice import load_active_model
from tmer_desktop.analysis.outcome import Analysis, WindowOutcome, extractor_version
from tmer_desktop.audio.decode import probe
from tmer_desktop.errors import TmerError
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.prepare import MIN_DURATION
from tmer_desktop.features.windows import plan_windows
from tmer_desktop.hashing import file_sha256
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import DecisionRule

log = logging.getLogger(__name__)

PROVISIONAL_MIN_SECONDS = 10.0  # less than this says nothing about a piece's emotion


@dataclass
class LiveWindow(WindowOutcome):
    """A window of the recording (idx: its position in the final timeline; provisional
    estimates: -1) with the judge's verdict, or the note judge.SILENT, or why it could not be
    analysed."""

    provisional: bool = False
    completed_at: float = 0.0  # time.monotonic() when its last sample arrived
    ready_at: float = 0.0  # time.monotonic() when the estimate was available

    @property
    def latency(self) -> float:
        return self.ready_at - self.completed_at


# ---------------------------------------------------------------- feature process
def _warm_up(sr: int, length: int) -> None:
    """Compile numba code and plan FFTs of this window length before the first real window
    (measured: the first window otherwise waited ~8 s longer)."""
    from tmer_desktop.features.extract import prepared_features

    rng = np.random.default_rng(0)
    prepared_features(0.1 * rng.standard_normal(length), sr)


def _window_features(samples: np.ndarray, sr: int) -> tuple[float, ...]:
    from tmer_desktop.features.extract import prepared_features

    values = prepared_features(np.asarray(samples, dtype=np.float64), sr)
    return tuple(float(values.get(name, math.nan)) for name in FEATURE_NAMES)


def _init_worker(sr: int, length: int) -> None:
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)  # leave the other core to capture and the GUI
    except ImportError:
        pass
    _warm_up(sr, length)


# ---------------------------------------------------------------- analyser
def _active_model(library: LibraryStore | None) -> tuple[Any, str]:
    """The library's active model as the batch chooses and loads it; the library of the app's
    data folder when none is given (as BatchTagger opens it)."""
    if library is not None:
        return load_active_model(library)
    with LibraryStore.open() as own:
        return load_active_model(own)


class LiveAnalyser:
    def __init__(self, sample_rate: int, *, window: float = 30.0, hop: float = 5.0,
                 model: Any = None, model_version: str | None = None, library: LibraryStore | None = None,
                 rule: DecisionRule | None = None, aggregation: str = "mean",
                 provisional_every: float | None = None,
                 on_window: Callable[[LiveWindow], None] | None = None):
        """model: anything with predict_proba and classes, stored under model_version; by default
        the active model of `library` (of the app's library when None), chosen and loaded as the
        batch does (a version that cannot be used raises model_choice.ModelRefusedError).
        rule, aggregation: the judge's (analysis/judge.py)."""
        if sample_rate <= 0:
            raise ValueError(f"invalid sample rate {sample_rate}")
        if not (window > 0 and 0 < hop <= window):
            raise ValueError(f"window and hop must be positive seconds with hop <= window (got {window}, {hop})")
        self.sr = int(sample_rate)
        self.window, self.hop = float(window), float(hop)
        self.W = int(round(window * self.sr))
        self.H = max(1, int(round(hop * self.sr)))
        if model is None:
            model, model_version = _active_model(library)
        self.judge = Judge(model, rule, aggregation)
        self.model_version = model_version or str(getattr(model, "version", "unknown"))
        self.on_window = on_window
        self.provisional_every = provisional_every
        self.windows: list[LiveWindow] = []  # final windows, in order of start
        self.provisional: list[LiveWindow] = []
        # Ring of the most recent audio: one window plus one hop is all any pending window needs.
        self._ring = np.zeros(self.W + self.H + self.sr, dtype=np.float32)
        self._total = 0  # frames fed so far
        self._next_start = 0  # start frame of the next full window to cut
        self._next_provisional = int(round((provisional_every or 0) * self.sr)) if provisional_every else None
        if self._next_provisional is not None:
            self._next_provisional = max(self._next_provisional, int(PROVISIONAL_MIN_SECONDS * self.sr))
        self._jobs: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._pool = self._new_pool()
        self._idle = threading.Condition(self._lock)
        self._pending = 0
        self._collector = threading.Thread(target=self._collect, name="tmer-live-collector", daemon=True)
        self._collector.start()

    # -- input ---------------------------------------------------------------------
    def feed(self, block: np.ndarray) -> None:
        """Append mono samples; cut every window (and provisional estimate) they complete."""
        block = np.asarray(block, dtype=np.float32).ravel()
        now = time.monotonic()
        n = len(block)
        if n == 0:
            return
        ring_len = len(self._ring)
        if n >= ring_len:
            self._ring[:] = block[-ring_len:]
        else:
            self._ring[:-n] = self._ring[n:]
            self._ring[-n:] = block
        self._total += n
        while self._next_start + self.W <= self._total:
            self._submit(self._next_start, self.W, now, provisional=False)
            self._next_start += self.H
        if (self._next_provisional is not None and self._total < self.W
                and self._total >= self._next_provisional):
            self._submit(0, self._total, now, provisional=True)
            self._next_provisional += int(round((self.provisional_every or 0) * self.sr))

    def _cut(self, first: int, length: int) -> np.ndarray:
        ring_start = self._total - len(self._ring)  # frame number of ring[0]
        a = first - ring_start
        if a < 0:
            raise ValueError("window no longer in memory")
        return self._ring[a:a + length].copy()

    def _submit(self, first: int, length: int, completed_at: float, *, provisional: bool) -> None:
        samples = self._cut(first, length)
        with self._lock:
            self._pending += 1
        future = self._pool.submit(_window_features, samples, self.sr)
        self._jobs.put((future, first, length, completed_at, provisional, samples))

    # -- results ---------------------------------------------------------------------
    def _collect(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            future, first, length, completed_at, provisional, samples = job
            try:
                features, note = future.result(), None
            except Exception as exc:  # a crashed or broken feature process: this window only
                log.exception("a live window could not be analysed")
                features = (math.nan,) * len(FEATURE_NAMES)
                note = f"could not be analysed ({type(exc).__name__}: {exc})"
                if isinstance(exc, cf.process.BrokenProcessPool):
                    self._restart_pool()
            w = LiveWindow(idx=-1 if provisional else 0, start=first / self.sr, duration=length / self.sr,
                           short=length < self.W, provisional=provisional, features=tuple(features),
                           probs=None, note=note)
            if note is None:
                w = self.judge.window(w)
            w.completed_at = completed_at
            w.ready_at = time.monotonic()
            with self._lock:
                (self.provisional if provisional else self.windows).append(w)
                self._pending -= 1
                self._idle.notify_all()
            if self.on_window is not None:
                try:
                    self.on_window(w)
                except Exception:  # a listener's bug must not stop the analysis
                    log.exception("a live-analysis listener failed")

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        pool = cf.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                      initializer=_init_worker, initargs=(self.sr, self.W))
        pool.submit(int)  # start the process (and its warm-up) now, not at the first window
        return pool

    def _restart_pool(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    # -- end of recording ------------------------------------------------------------
    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every submitted window has its estimate."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def finish(self, total_frames: int | None = None, timeout: float | None = None) -> list[LiveWindow]:
        """Add the windows only the end decides (tail window, or the one short window) and
        return the final timeline, indexed like plan_windows(total)."""
        total = self._total if total_frames is None else min(int(total_frames), self._total)
        now = time.monotonic()
        done = {(round(w.start * self.sr), round(w.duration * self.sr)) for w in self.windows}
        queued = {(s, self.W) for s in range(0, self._next_start, self.H)}
        for span in plan_windows(total, self.sr, self.window, self.hop) if total else []:
            key = (span.first, span.length)
            if key not in done and key not in queued:
                self._submit(span.first, span.length, now, provisional=False)
        self.wait_idle(timeout)
        with self._lock:
            plan = [(s.first, s.length) for s in plan_windows(total, self.sr, self.window, self.hop)] if total else []
            by_key = {(round(w.start * self.sr), round(w.duration * self.sr)): w for w in self.windows}
            final = [by_key[k] for k in plan if k in by_key]
            for i, w in enumerate(final):
                w.idx = i
            self.windows = final
        return list(final)

    def analysis(self, path: str | os.PathLike, *, title: str | None = None) -> Analysis:
        """The finished recording (call finish() first), saved at `path`, as an Analysis like the
        batch makes of a file: its windows and the judge's track verdict (to store it:
        tagging.persist.save_recording). Raises TmerError when it is too short or silent."""
        path = os.fspath(path)
        info = probe(path)
        if info.duration < MIN_DURATION:
            raise TmerError(QT_TRANSLATE_NOOP("Recording", "{path}: the recording is too short to analyse "
                                              "({seconds:.2f} s; at least {minimum} s is needed). The file is "
                                              "kept.").format(path=path, seconds=info.duration,
                                                              minimum=format(MIN_DURATION, "g")))
        verdict = self.judge.track(self.windows)
        if verdict is None:
            raise TmerError(QT_TRANSLATE_NOOP("Recording", "{path}: the recording holds no signal (silence) — "
                                              "nothing to tag. The file is kept.").format(path=path))
        stamp = datetime.fromtimestamp(os.path.getmtime(path)).strftime("%Y-%m-%d %H:%M")
        return Analysis(
            path=path, content_hash=file_sha256(path), duration=float(info.duration),
            sample_rate=int(info.sample_rate), channels=int(info.channels),
            metadata={"title": title or f"Live session {stamp}", "genre": "Recording"},
            windows=[WindowOutcome(**{f.name: getattr(w, f.name) for f in dataclasses.fields(WindowOutcome)})
                     for w in self.windows],
            probs=verdict.probs, label=verdict.label, confidence=verdict.confidence, decision=verdict.decision,
            short=any(w.short for w in self.windows), model_version=self.model_version,
            extractor_version=extractor_version(), unfamiliar=verdict.unfamiliar,
        )

    def close(self) -> None:
        self._jobs.put(None)
        self._collector.join(timeout=5)
        self._pool.shutdown(wait=False, cancel_futures=True)
