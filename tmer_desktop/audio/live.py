"""Live analysis of a recording in progress: window estimates as soon as each window is complete.

    live = LiveAnalyser(sample_rate, window=30.0, hop=5.0, on_window=callback)
    live.feed(mono_block)                 # from the recorder's writer thread, in order
    live.finish(total_frames)             # after stop: the remaining windows (blocking)
    track_id = live.save_to_library(recording_path)   # the recording becomes a library track
    live.close()

Windows follow features.windows.plan_windows: a 30 s window starts at 0, hop, 2·hop, ...; when
the recording stops, the tail window ending at the end (or one short window for a recording
under 30 s) is added, so the stored timeline equals the one a batch run of the saved file
makes. Only the last window + hop of audio is kept in memory (an hour-long session stays
small). Features are computed in one separate process (numba code has crashed processes
here, and the GUI thread must not wait on the GIL); the prediction runs in this process's
collector thread. Before the first full window, `provisional_every` seconds a provisional
estimate is made from the audio so far: it is marked provisional and never stored.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import math
import multiprocessing
import os
import queue
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import numpy as np

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.windows import plan_windows
from tmer_desktop.tagging.worker import EMOTIONS, MIN_DURATION, SILENCE_RMS
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD, DEFAULT_TOP2_THRESHOLD

log = logging.getLogger(__name__)

SILENT = QT_TRANSLATE_NOOP("Recording", "silent")  # a window's note: too quiet to analyse

PROVISIONAL_MIN_SECONDS = 10.0  # less than this says nothing about a piece's emotion


@dataclass
class LiveWindow:
    idx: int  # position in the final timeline (provisional windows: -1)
    start: float  # seconds
    duration: float
    short: bool
    provisional: bool
    features: tuple[float, ...]  # FEATURE_NAMES order
    probs: tuple[float, ...] | None  # EMOTIONS order; None when silent or failed
    label: str | None = None
    confidence: float | None = None
    decision: str | None = None
    note: str | None = None  # "silent", or why the window could not be analysed
    unfamiliar: bool | None = None  # music unlike the training data (None: not assessed)
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


# ---------------------------------------------------------------- model
def load_active_model(store=None):
    """(model, version name): the library's active model, as the batch tagger chooses it."""
    from tmer_desktop.model import bundle
    from tmer_desktop.model.store import BUNDLED, ModelStore

    active = store.active_model() if store is not None else None
    if active is None or active.version == BUNDLED:
        return bundle.load_model(None, allow_retrain=False), BUNDLED
    return bundle.load_model(str(ModelStore(store).verify(active.version)), allow_retrain=False), active.version


class LiveAnalyser:
    def __init__(self, sample_rate: int, *, window: float = 30.0, hop: float = 5.0,
                 model=None, model_version: str | None = None, threshold: float = DEFAULT_THRESHOLD,
                 top2_threshold: float = DEFAULT_TOP2_THRESHOLD, aggregation: str = "mean",
                 provisional_every: float | None = None,
                 on_window: Callable[[LiveWindow], None] | None = None):
        """model: anything with predict_proba and classes (default: the library's active model)."""
        if sample_rate <= 0:
            raise ValueError(f"invalid sample rate {sample_rate}")
        if not (window > 0 and 0 < hop <= window):
            raise ValueError(f"window and hop must be positive seconds with hop <= window (got {window}, {hop})")
        self.sr = int(sample_rate)
        self.window, self.hop = float(window), float(hop)
        self.W = int(round(window * self.sr))
        self.H = max(1, int(round(hop * self.sr)))
        self.threshold, self.top2_threshold, self.aggregation = threshold, top2_threshold, aggregation
        if model is None:
            model, model_version = load_active_model()
        self.model = model
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
            self._next_provisional += int(round(self.provisional_every * self.sr))

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
                features, note = (math.nan,) * len(FEATURE_NAMES), f"could not be analysed ({type(exc).__name__}: {exc})"
                if isinstance(exc, cf.process.BrokenProcessPool):
                    self._restart_pool()
            w = self._judge(first, length, features, provisional, note)
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

    def _judge(self, first: int, length: int, features, provisional: bool, note: str | None) -> LiveWindow:
        from tmer_desktop.model.decide import decide

        w = LiveWindow(idx=-1 if provisional else 0, start=first / self.sr, duration=length / self.sr,
                       short=length < self.W, provisional=provisional, features=tuple(features),
                       probs=None, note=note)
        if note is not None:
            return w
        rms = features[FEATURE_NAMES.index("_RMSenergy_Mean")]
        if not rms >= SILENCE_RMS:
            w.note = SILENT
            return w
        row = np.asarray([features], dtype=np.float64)
        probs = self.predict(row)[0]
        familiarity = getattr(self.model, "familiarity", None)  # older or stand-in models lack it
        report = familiarity(row) if familiarity else None
        w.unfamiliar = None if report is None else bool(report.unfamiliar[0])
        d = decide(probs, threshold=self.threshold, top2_threshold=self.top2_threshold, unfamiliar=bool(w.unfamiliar))
        w.probs = tuple(float(p) for p in probs)
        w.label, w.confidence, w.decision = d.label, float(d.confidence), d.decision
        return w

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        """Probabilities in EMOTIONS order for rows of FEATURE_NAMES values."""
        import pandas as pd

        probs = np.asarray(self.model.predict_proba(pd.DataFrame(matrix, columns=list(FEATURE_NAMES))),
                           dtype=np.float64)
        classes = list(self.model.classes)
        return probs[:, [classes.index(e) for e in EMOTIONS]]

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

    def save_to_library(self, path: str | os.PathLike, store=None, *, title: str | None = None) -> int:
        """Store the finished recording as a library track with its windows and predictions
        (call finish() first). Returns the track id."""
        from tmer_desktop.audio.decode import probe
        from tmer_desktop.errors import TmerError
        from tmer_desktop.hashing import file_sha256
        from tmer_desktop.library.store import LibraryStore
        from tmer_desktop.model.decide import aggregate, decide, track_unfamiliar
        from tmer_desktop.tagging import persist
        from tmer_desktop.tagging.worker import Analysis, WindowOutcome, extractor_version

        path = os.fspath(path)
        info = probe(path)
        if info.duration < MIN_DURATION:
            raise TmerError(QT_TRANSLATE_NOOP("Recording", "{path}: the recording is too short to analyse "
                                              "({seconds:.2f} s; at least {minimum} s is needed). The file is "
                                              "kept.").format(path=path, seconds=info.duration,
                                                              minimum=format(MIN_DURATION, "g")))
        judged = [w for w in self.windows if w.probs is not None]
        if not judged:
            raise TmerError(QT_TRANSLATE_NOOP("Recording", "{path}: the recording holds no signal (silence) — "
                                              "nothing to tag. The file is kept.").format(path=path))
        track_probs = np.asarray(aggregate(np.array([w.probs for w in judged]), method=self.aggregation))
        unfamiliar = track_unfamiliar([w.unfamiliar for w in judged])
        d = decide(track_probs, threshold=self.threshold, top2_threshold=self.top2_threshold,
                   unfamiliar=bool(unfamiliar))
        stamp = datetime.fromtimestamp(os.path.getmtime(path)).strftime("%Y-%m-%d %H:%M")
        analysis = Analysis(
            path=path, content_hash=file_sha256(path), duration=float(info.duration),
            sample_rate=int(info.sample_rate), channels=int(info.channels),
            metadata={"title": title or f"Live session {stamp}", "genre": "Recording"},
            windows=[WindowOutcome(idx=w.idx, start=w.start, duration=w.duration, short=w.short,
                                   features=w.features, probs=w.probs, label=w.label,
                                   confidence=w.confidence, decision=w.decision, note=w.note,
                                   unfamiliar=w.unfamiliar)
                     for w in self.windows],
            probs=tuple(float(p) for p in track_probs), label=d.label, confidence=float(d.confidence),
            decision=d.decision, short=any(w.short for w in self.windows),
            model_version=self.model_version, extractor_version=extractor_version(), unfamiliar=unfamiliar,
        )
        key = persist.AnalysisKey(window=self.window, hop=self.hop, extractor_version=extractor_version(),
                                  model_version=self.model_version)
        st = os.stat(path)
        own = store is None
        store = LibraryStore.open() if own else store
        try:
            return persist.save_analysis(store, path, analysis, key, size=st.st_size, mtime=st.st_mtime)
        finally:
            if own:
                store.close()

    def close(self) -> None:
        self._jobs.put(None)
        self._collector.join(timeout=5)
        self._pool.shutdown(wait=False, cancel_futures=True)
