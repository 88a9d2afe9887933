"""What one analysis process does: load the model once, then analyse files sent to it, one at a time.

The process talks to the batch runner over a Pipe (see pool.py for the protocol). Everything
that touches audio bytes runs here, never in the runner, so a file that crashes the decoder
(numba code has segfaulted here) or hangs takes down only this process.

Test-only hooks (read from the environment at each file; never set them in normal use):
  TMER_TEST_WORKER_CRASH=<text>  the process kills itself with SIGSEGV on a file whose name contains <text>
  TMER_TEST_WORKER_HANG=<text>   the process sleeps forever on such a file
  TMER_TEST_WORKER_DELAY=<secs>  the process sleeps this long before each file (to make interrupts testable)
"""

from __future__ import annotations

import logging
import math
import os
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from tmer_desktop.analysis.outcome import Analysis, WindowOutcome, extractor_version
from tmer_desktop.errors import AudioError, TmerError
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.prepare import ANALYSIS_RATE, MIN_DURATION, TOO_SHORT
from tmer_desktop.features.track import Known, first_sample
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD, DEFAULT_TOP2_THRESHOLD, DecisionRule, Timeline

if TYPE_CHECKING:  # only named in an annotation
    from tmer_desktop.analysis.model_choice import ModelChoice

# In a worker process, records go to stderr, which _log_stderr_to_file points at the workers' log file.
log = logging.getLogger(__name__)

# MIN_DURATION, TOO_SHORT (features/prepare.py): shorter files are refused, as by `tmer features`.
# How a file's failures and warnings read (Analysis.error); marked for the interface's translations.
NO_WINDOW = QT_TRANSLATE_NOOP("Tagging", "no analysis window could be made (the file holds no audio samples)")
# No window the judge could judge (analysis/judge.py: every one is below SILENCE_RMS).
SILENT = QT_TRANSLATE_NOOP("Tagging", "silent audio (no signal above -100 dBFS): there is nothing to tag")
# A file tagged despite damage the decoder found (decode.AudioInfo.warning); docs/tagging.md: an
# `error` that starts with "warning:" is on a tagged row.
WARNING = QT_TRANSLATE_NOOP("Tagging", "warning: {detail}")
NO_MEMORY = QT_TRANSLATE_NOOP("Tagging", "not enough memory to analyse this file")
UNEXPECTED = QT_TRANSLATE_NOOP("Tagging", "unexpected error while analysing ({error_type}: {detail})")


@dataclass(frozen=True)
class WorkerConfig:
    window: float = 30.0
    hop: float = 5.0
    threshold: float = DEFAULT_THRESHOLD
    top2_threshold: float | None = None
    aggregation: str = "mean"
    use_cache: bool = True
    model_dir: str | None = None  # None: the model shipped with the app
    model_version: str | None = None  # the name predictions are stored under (model store version)
    allow_retrain: bool = False  # see runner._poll: only after the runner has loaded the model once
    # The fine timeline (windows every `hop` s), what a batch makes unless `tmer tag --coarse`;
    # False: only the coarse one (every `window` s, vocabulary.Timeline).
    fine: bool = True

    @property
    def rule(self) -> DecisionRule:
        top2 = DEFAULT_TOP2_THRESHOLD if self.top2_threshold is None else self.top2_threshold
        return DecisionRule(threshold=self.threshold, top2_threshold=top2)

    @classmethod
    def for_run(cls, settings, window: float, hop: float, choice: ModelChoice, *, fine: bool = True) -> WorkerConfig:
        """The workers' configuration from the user's settings (None: the defaults) and the chosen
        model: the one way `tmer tag`, the app and `tmer serve` build it, so they answer alike."""
        return cls(
            window=window, hop=hop,
            threshold=float(getattr(settings, "decision_threshold", DEFAULT_THRESHOLD)),
            top2_threshold=getattr(settings, "top2_threshold", None),
            aggregation=str(getattr(settings, "aggregation", "mean")),
            model_dir=choice.folder, model_version=choice.version, fine=fine,
        )


class Analyser:
    """Model and settings loaded once; `analyse(path)` per file: its window features
    (features.windows, cached), judged by analysis/judge.py."""

    def __init__(self, config: WorkerConfig):
        # Imported here, in the analysis process: the runner imports this module for WorkerConfig
        # and must not pay for scikit-learn and pandas with it.
        from tmer_desktop.analysis.judge import Judge
        from tmer_desktop.model import bundle

        self.config = config
        self.model = bundle.load_model(config.model_dir, allow_retrain=config.allow_retrain)
        self.judge = Judge(self.model, config.rule, config.aggregation)
        self.model_version = config.model_version or str(self.model.version)
        self.extractor_version = extractor_version()

    def judged_window(self, w, idx: int = -1) -> WindowOutcome:
        """One window's features (features.track.WindowFeatures) as the judge sees them, judged."""
        return self.judge.window(WindowOutcome(
            idx=idx, start=float(w.start), duration=float(w.duration), short=bool(w.short),
            features=tuple(float(w.values.get(name, math.nan)) for name in FEATURE_NAMES), probs=None))

    def warm_up(self) -> None:
        """Run the whole pipeline once on generated noise, so compilation (numba) happens
        before the first real file's timeout clock starts."""
        import soundfile as sf

        rng = np.random.default_rng(0)
        fd, name = tempfile.mkstemp(suffix=".wav", prefix="tmer-warmup-")
        os.close(fd)
        try:
            sf.write(name, 0.1 * rng.standard_normal(22050 * 3), 22050)
            self.analyse(name, use_cache=False)
        finally:
            os.unlink(name)

    def analyse(self, path: str, *, use_cache: bool | None = None, known: Known | None = None) -> Analysis:
        """known: window features the library already holds (persist.known_windows), not computed again."""
        from tmer_desktop.audio.decode import probe
        from tmer_desktop.features.windows import analyse_file, plan_windows
        from tmer_desktop.tagging.filetags import read_metadata

        cfg = self.config
        hop = cfg.hop if cfg.fine else cfg.window
        track = analyse_file(path, window=cfg.window, hop=hop,
                             use_cache=cfg.use_cache if use_cache is None else use_cache, known=known)
        duration = float(track.duration)
        # A coarse timeline is the fine one when both plans give the same windows (a track not
        # much longer than one window): then it is stored as fine and never made again.
        n = first_sample(duration)
        same = cfg.fine or [(w.first, w.length) for w in plan_windows(n, ANALYSIS_RATE, cfg.window, cfg.window)] \
            == [(w.first, w.length) for w in plan_windows(n, ANALYSIS_RATE, cfg.window, cfg.hop)]
        result = Analysis(
            path=path, content_hash=track.content_hash, duration=duration,
            sample_rate=int(track.sample_rate), channels=int(track.channels),
            model_version=self.model_version, extractor_version=self.extractor_version,
            timeline=Timeline.FINE if same else Timeline.COARSE, reused_windows=track.reused,
        )
        result.metadata = read_metadata(path)
        if duration < MIN_DURATION:
            result.error = TOO_SHORT.format(seconds=duration, minimum=MIN_DURATION)
            return result
        if not track.windows:
            result.error = NO_WINDOW
            return result
        result.windows = [self.judged_window(w, i) for i, w in enumerate(track.windows)]
        result.short = any(w.short for w in track.windows)
        verdict = self.judge.track(result.windows)
        if verdict is None:
            result.error = SILENT
            return result
        result.take_verdict(verdict)
        damage = probe(path).warning
        result.error = WARNING.format(detail=damage) if damage else None
        return result


def _die_with_parent() -> None:
    """End this process as soon as the runner that started it is gone, even when the runner was
    killed (SIGKILL, the out-of-memory killer) and never said goodbye: an orphan would go on
    analysing files nobody waits for, holding a core and memory.

    Linux: the kernel kills us (PR_SET_PDEATHSIG). Everywhere: a thread waits on the parent's
    sentinel (the spawn pipe, closed when the parent dies) and exits; it also covers a parent that
    died before prctl took effect. The pool starts and ends its workers from the runner's thread,
    whose end is what PDEATHSIG watches."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) != 0:  # 1 = PR_SET_PDEATHSIG
                logging.getLogger(__name__).warning("prctl(PR_SET_PDEATHSIG) failed: %s",
                                                    os.strerror(ctypes.get_errno()))
        except (OSError, AttributeError) as exc:
            logging.getLogger(__name__).warning("prctl(PR_SET_PDEATHSIG) unavailable: %s", exc)
    if parent is None:  # not started by multiprocessing (a test calling worker_main directly)
        return

    def watch() -> None:
        parent.join()  # returns when the parent process has ended
        os._exit(1)

    threading.Thread(target=watch, name="tmer-parent-watch", daemon=True).start()


def _log_stderr_to_file() -> None:
    """Decoder libraries print notes to fd 2 (mpg123: "Illegal Audio-MPEG-Header"); keep them
    in a log file instead of the user's terminal."""
    from tmer_desktop import paths

    try:
        log_dir = paths.cache_dir() / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(log_dir / "tagging-workers.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError:
        return
    os.dup2(fd, 2)
    os.close(fd)


def _single_threaded_maths() -> None:
    """One analysis per process, one process per core: OpenBLAS's own threads would only
    fight the other workers (measured: a 68 s track took 15 s with them, 10 s without)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(1)


def _test_hooks(path: str) -> None:
    name = os.path.basename(path)
    crash = os.environ.get("TMER_TEST_WORKER_CRASH")
    if crash and crash in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    hang = os.environ.get("TMER_TEST_WORKER_HANG")
    if hang and hang in name:
        while True:
            time.sleep(3600)
    delay = os.environ.get("TMER_TEST_WORKER_DELAY")
    if delay:
        time.sleep(float(delay))


def failure_text(exc: BaseException) -> str:
    """Why a file failed, as its error row says it (a marked message when it is one of ours)."""
    if isinstance(exc, AudioError):
        return exc.reason
    if isinstance(exc, TmerError):
        return exc.message or str(exc)
    if isinstance(exc, MemoryError):
        return NO_MEMORY
    return UNEXPECTED.format(error_type=type(exc).__name__, detail=str(exc))


def prepare_analysis_process() -> None:
    """What every analysis process does first (batch workers, the player's timeline processes):
    die with its parent, leave Ctrl-C to the parent, log to the cache's file, one maths thread."""
    _die_with_parent()
    # Ctrl-C in a terminal reaches the whole process group; only the parent decides to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _log_stderr_to_file()
    _single_threaded_maths()


def worker_main(conn, config: WorkerConfig, warm_up: bool = True) -> None:
    """Entry point of an analysis process (spawned by pool.WorkerPool)."""
    prepare_analysis_process()
    try:
        analyser = Analyser(config)
        if warm_up:
            analyser.warm_up()
    except BaseException as exc:  # the runner must hear why this process cannot work
        log.exception("the analysis process cannot start")
        conn.send(("fatal", failure_text(exc)))
        return
    conn.send(("ready", os.getpid()))
    from tmer_desktop.audio.decode import probe

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task_id, path, known = message
        _test_hooks(path)
        try:
            info = probe(path)
            conn.send(("started", task_id, info.duration))
            outcome = analyser.analyse(path, known=known)
        except BaseException as exc:  # every failure of one file is that file's error row
            log.warning("%s could not be analysed", path, exc_info=True)
            outcome = Analysis(path=path, error=failure_text(exc))
        conn.send(("result", task_id, outcome))
