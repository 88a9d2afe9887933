"""The fine timeline of one file, window by window, for the player (docs/tagging.md, "In the app").

Opening a track that has no fine timeline used to wait for a one-file batch: nothing new on
screen until every window was done. Here the windows arrive as they are computed:

1. The track's windows (the fine plan, plus the coarse level's last window when the fine plan
   lacks it) are cut into `jobs` contiguous parts with about as many windows to compute each,
   one analysis process per part (both cores).
2. Each process first computes the coarse windows of its part (30 s windows one after another:
   the overview, on screen within seconds), then the fine windows in between (sharing spectra
   within blocks, as a batch does). It judges every window (analysis/judge.py) and sends it at
   once; windows the library already holds (`known`) are judged and sent first, not computed.
3. This side hands every window to `on_window` in order of arrival (the player redraws). When
   the coarse windows are all in, the coarse level is stored (if the library holds no analysis
   of this file yet), so an interrupted run still leaves the overview; when every fine window is
   in, the fine timeline is stored exactly as a fine batch stores it (persist.save_analysis).

`cancel()` (another track opened, the window closing) ends the processes at once; nothing is
stored after it. The processes die with this one (worker._die_with_parent).

Protocol, process -> here: ("ready",) | ("window", WindowOutcome) | ("done",) | ("error", reason).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from tmer_desktop.analysis.judge import track_verdict
from tmer_desktop.analysis.outcome import Analysis, WindowOutcome, extractor_version
from tmer_desktop.audio import decode
from tmer_desktop.errors import TmerError
from tmer_desktop.features.prepare import DEFAULT as DEFAULT_PREPARATION
from tmer_desktop.features.prepare import MIN_DURATION, TOO_SHORT
from tmer_desktop.features.track import Known
from tmer_desktop.hashing import file_sha256
from tmer_desktop.tagging import persist
from tmer_desktop.tagging.pool import BASE_TIMEOUT, TIMED_OUT_ON_FILE, TIMEOUT_PER_AUDIO_SECOND, _death_reason
from tmer_desktop.tagging.runner import TrackResult
from tmer_desktop.tagging.worker import SILENT, WARNING, WorkerConfig, failure_text
from tmer_desktop.vocabulary import EMOTIONS, Timeline

log = logging.getLogger(__name__)

# The feature engine (features.windows and what it imports: numba, the spectra) is imported inside
# the functions that need it, mostly in the analysis processes: the interface process that drives
# them, and imports this module when a track is opened, stays light and quick.

DEFAULT_JOBS = 2


class ProgressiveError(TmerError):
    """The timeline could not be made (the reason is a marked text, as in a batch's error row)."""


@dataclass(frozen=True)
class Part:
    """What one analysis process computes: first samples (analysis rate) per level, in order."""

    coarse: tuple[int, ...]
    fine: tuple[int, ...]


@dataclass
class Plan:
    """The windows of one file at both levels, by first sample at the analysis rate."""

    n_samples: int
    coarse: list[int]
    fine: list[int]
    parts: list[Part] = field(default_factory=list)


def plan(n_samples: int, window: float, hop: float, jobs: int, known: Known | None = None) -> Plan:
    """Both levels' windows and their cut into `jobs` contiguous parts with about as many windows
    to compute each (known windows cost nothing)."""
    from tmer_desktop.features.windows import plan_windows

    sr = DEFAULT_PREPARATION.output_rate(DEFAULT_PREPARATION.rate or 44100)
    coarse = [sp.first for sp in plan_windows(n_samples, sr, window, window)]
    fine = [sp.first for sp in plan_windows(n_samples, sr, window, hop)]
    every = sorted(set(coarse) | set(fine))
    todo = [s for s in every if not (known and s in known)]
    jobs = max(1, min(jobs, len(todo) or 1))
    # Cut points: part k ends where k+1 shares of the windows to compute are reached.
    bounds = [0]
    for k in range(1, jobs):
        bounds.append(every.index(todo[len(todo) * k // jobs]) if todo else len(every))
    bounds.append(len(every))
    coarse_set = set(coarse)
    parts = []
    for a, b in zip(bounds[:-1], bounds[1:]):
        mine = every[a:b]
        parts.append(Part(coarse=tuple(s for s in mine if s in coarse_set),
                          fine=tuple(s for s in mine if s not in coarse_set)))
    return Plan(n_samples, coarse, fine, [p for p in parts if p.coarse or p.fine])


def expected_windows(duration: float, window: float, hop: float) -> int:
    """How many windows a timeline being computed sends for a track of `duration` seconds."""
    from tmer_desktop.features.track import first_sample

    p = plan(first_sample(duration), window, hop, 1)
    return len(set(p.coarse) | set(p.fine))


# Scheduling priority the analysis processes give up (Unix nice): on a busy machine the interface's
# thread then gets a core first, so drawing never waits behind the analysis it draws.
NICENESS = 5


def _yield_to_the_interface() -> None:
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):  # Windows has no nice; a refusal leaves the priority as it is
        log.info("cannot lower the analysis process's priority", exc_info=True)


def _part_main(conn, config: WorkerConfig, path: str, part: Part, known: Known | None) -> None:
    """Entry point of one analysis process: the windows of `part`, each sent when judged."""
    from tmer_desktop.tagging import worker

    worker.prepare_analysis_process()
    _yield_to_the_interface()
    try:
        from tmer_desktop.features.track import first_sample
        from tmer_desktop.features.windows import analyse_file

        analyser = worker.Analyser(config)
        conn.send(("ready",))

        def send(w) -> None:
            conn.send(("window", analyser.judged_window(w)))

        have: dict = dict(known or {})
        mine = set(part.coarse) | set(part.fine)
        held = {s: v for s, v in have.items() if s in mine}
        if held:  # what the library holds: on screen before anything is computed
            for level_hop, starts in ((config.window, part.coarse), (config.hop, part.fine)):
                wanted = [s for s in starts if s in held]
                if wanted:
                    track = analyse_file(path, config.window, level_hop, use_cache=False, known=held, only=wanted)
                    for w in track.windows:
                        send(w)
        for level_hop, starts in ((config.window, part.coarse), (config.hop, part.fine)):
            todo = [s for s in starts if s not in have]
            if not todo:
                continue

            def keep(w) -> None:
                have[first_sample(w.start)] = w.values
                send(w)

            analyse_file(path, config.window, level_hop, use_cache=False, known=have, only=todo, on_window=keep)
    except BaseException as exc:  # the player must hear why this part cannot be made
        log.warning("%s: a part of the timeline could not be made", path, exc_info=True)
        try:
            conn.send(("error", failure_text(exc)))
        except (OSError, ValueError):
            pass
        return
    conn.send(("done",))


class ProgressiveTimeline:
    """The fine timeline of one file, its windows handed on as they are computed.

        job = ProgressiveTimeline(path, store, settings)
        result = job.run(on_window=..., on_stored=...)   # blocking; callbacks in this thread
        job.cancel()                                       # from any thread
    """

    def __init__(self, path: str | os.PathLike, store, settings=None, *, jobs: int = DEFAULT_JOBS,
                 model: str | None = None, window: float | None = None, hop: float | None = None):
        self.path = os.fspath(path)
        self.store = store
        self.settings = settings
        self.jobs = max(1, int(jobs))
        self.model = model
        self.window = float(window if window is not None else getattr(settings, "window_s", 30.0))
        self.hop = float(hop if hop is not None else getattr(settings, "hop_s", 5.0))
        self._cancel = threading.Event()
        self.plan: Plan | None = None
        self.config: WorkerConfig | None = None
        self.processes: list[multiprocessing.process.BaseProcess] = []

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self, on_window: Callable[[WindowOutcome], None] | None = None,
            on_stored: Callable[[TrackResult], None] | None = None) -> TrackResult | None:
        """Compute, store and return the fine timeline (None when cancelled); raises
        ProgressiveError (or an AudioError) when it cannot be made."""
        from tmer_desktop.analysis.model_choice import choose_model
        from tmer_desktop.features.track import first_sample

        st = os.stat(self.path)
        content_hash = file_sha256(self.path)
        info = decode.probe(self.path)
        if info.duration < MIN_DURATION:
            raise ProgressiveError(TOO_SHORT.format(seconds=info.duration, minimum=MIN_DURATION))
        choice = choose_model(self.store, self.model)
        key = persist.AnalysisKey(self.window, self.hop, extractor_version(), choice.version, Timeline.FINE)
        known = persist.known_windows(self.store, self.path, content_hash, key) or None
        sr = DEFAULT_PREPARATION.output_rate(info.sample_rate)
        n = int(round(info.frames * sr / info.sample_rate))
        the_plan = self.plan = plan(n, self.window, self.hop, self.jobs, known)
        config = self.config = WorkerConfig.for_run(self.settings, self.window, self.hop, choice, fine=True)
        arrived: dict[int, WindowOutcome] = {}
        coarse_stored = set(the_plan.coarse) == set(the_plan.fine)  # same windows: the fine save covers it
        ctx = multiprocessing.get_context("spawn")
        conns = {}
        started = time.monotonic()
        # A hung decoder or analysis: the batch's per-file timeout, doubled (this also waits for start-up).
        deadline = started + 2 * (BASE_TIMEOUT + TIMEOUT_PER_AUDIO_SECOND * info.duration)
        try:
            for part in the_plan.parts:
                mine = set(part.coarse) | set(part.fine)
                part_known = {s: v for s, v in (known or {}).items() if s in mine}
                parent_conn, child_conn = ctx.Pipe(duplex=False)
                process = ctx.Process(target=_part_main, args=(child_conn, config, self.path, part, part_known or None),
                                      daemon=True, name="tmer-timeline")
                process.start()
                child_conn.close()
                self.processes.append(process)
                conns[parent_conn] = process
            running = dict(conns)
            while running and not self.cancelled:
                if time.monotonic() > deadline:
                    raise ProgressiveError(TIMED_OUT_ON_FILE.format(seconds=time.monotonic() - started))
                ready = wait(list(running) + [p.sentinel for p in running.values()], timeout=0.1)
                for conn in [c for c in list(running) if c in ready or running[c].sentinel in ready]:
                    process = running[conn]
                    finished = False
                    while not finished:
                        try:
                            if not conn.poll():
                                break
                            message = conn.recv()
                        except (EOFError, OSError):
                            break
                        if message[0] == "window":
                            outcome = message[1]
                            arrived[first_sample(outcome.start)] = outcome
                            if on_window is not None:
                                on_window(outcome)
                        elif message[0] == "error":
                            raise ProgressiveError(message[1])
                        elif message[0] == "done":
                            finished = True
                    if finished:
                        del running[conn]
                    elif not process.is_alive():
                        process.join(timeout=1)
                        raise ProgressiveError(_death_reason(process.exitcode))
                if not coarse_stored and all(s in arrived for s in the_plan.coarse) and not self.cancelled:
                    coarse_stored = True
                    result = self._store_coarse(info, content_hash, st, choice.version, arrived)
                    if result is not None and on_stored is not None:
                        on_stored(result)
            if self.cancelled:
                return None
        finally:
            self.close()
        return self._store(info, content_hash, st, key, [arrived[s] for s in the_plan.fine])

    def close(self) -> None:
        """End every analysis process (cancelled, failed or finished)."""
        for process in self.processes:
            if process.is_alive():
                process.kill()
        for process in self.processes:
            process.join(timeout=5)
        self.processes = []

    # -- storing -----------------------------------------------------------------------------
    def _analysis(self, info, content_hash: str, model_version: str, windows: list[WindowOutcome],
                  timeline: Timeline) -> Analysis:
        from tmer_desktop.tagging.filetags import read_metadata

        windows = [WindowOutcome(**{**w.__dict__, "idx": i}) for i, w in enumerate(windows)]
        config = self.config
        assert config is not None, "run() sets the configuration before anything is stored"
        result = Analysis(path=self.path, content_hash=content_hash, duration=float(info.duration),
                          sample_rate=int(info.sample_rate), channels=int(info.channels),
                          model_version=model_version, extractor_version=extractor_version(),
                          timeline=timeline, windows=windows, short=any(w.short for w in windows))
        result.metadata = read_metadata(self.path)
        verdict = track_verdict(windows, config.rule, config.aggregation)
        if verdict is None:
            raise ProgressiveError(SILENT)
        result.take_verdict(verdict)
        result.error = WARNING.format(detail=info.warning) if info.warning else None
        return result

    def _result(self, track_id: int, analysis: Analysis) -> TrackResult:
        return TrackResult(self.path, track_id, analysis.label, analysis.confidence, analysis.decision,
                           dict(zip(EMOTIONS, analysis.probs)) if analysis.probs is not None else None,
                           len(analysis.windows), analysis.short, analysis.error, False,
                           unfamiliar=analysis.unfamiliar, timeline=analysis.timeline)

    def _store_coarse(self, info, content_hash: str, st, model_version: str,
                      arrived: dict[int, WindowOutcome]) -> TrackResult | None:
        """The overview, stored when the library holds no analysis of these bytes yet."""
        assert self.plan is not None
        key = persist.AnalysisKey(self.window, self.hop, extractor_version(), model_version, Timeline.COARSE)
        if persist.find_current(self.store, self.path, content_hash, key) is not None:
            return None
        try:
            analysis = self._analysis(info, content_hash, model_version, [arrived[s] for s in self.plan.coarse],
                                      Timeline.COARSE)
        except ProgressiveError:  # a silent overview: the fine timeline says so at the end
            log.info("%s: no coarse level stored", self.path, exc_info=True)
            return None
        track_id = persist.save_analysis(self.store, self.path, analysis, key, size=st.st_size, mtime=st.st_mtime)
        return self._result(track_id, analysis)

    def _store(self, info, content_hash: str, st, key: persist.AnalysisKey,
               windows: list[WindowOutcome]) -> TrackResult:
        analysis = self._analysis(info, content_hash, key.model_version, windows, Timeline.FINE)
        track_id = persist.save_analysis(self.store, self.path, analysis, key, size=st.st_size, mtime=st.st_mtime)
        return self._result(track_id, analysis)
